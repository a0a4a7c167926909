"""Read-only queries for the API, dashboard and report: filters, paging, sorting, counts.

Kept apart from `db.py` (the write side) so both can change independently. Every query is
built with SQLAlchemy Core, so user input only ever reaches the database as bound parameters;
text filters use `contains_any_case` (`icontains(..., autoescape=True)`) so `%` and `_` in a search
match themselves.
Rows come back as plain dicts shaped like the exports (`Claim.to_record`, `event_record`).
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, Select, and_, case, exists, func, not_, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from conflictwatch.reconcile.countries import event_id_cnty
from conflictwatch.store import schema as s
from conflictwatch.store import textindex

E, C, A, EC = s.events, s.claims, s.articles, s.event_claims


@dataclass
class Filters:
    """Conditions shared by events, claims and articles; each one given must hold."""

    since: date | None = None
    until: date | None = None
    types: list[str] = field(default_factory=list)  # event_type or sub_event_type, any case, any of
    country: str | None = None  # substring, any case
    admin1: str | None = None
    actor: str | None = None  # actor1 or actor2
    claimed_by: str | None = None  # a source of the event / the claim's claimed_by
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None  # free text
    scope: str | None = None  # claims only: incident | aggregate
    article_id: str | None = None  # claims only
    has_claims: bool | None = None  # articles only
    source: str | None = None  # articles only: publisher or agency


@dataclass(frozen=True)
class Page:
    """One page of a filtered, sorted list and how many items match in all."""

    total: int
    offset: int
    limit: int
    items: list[dict[str, Any]]


# Sort keys the API accepts (`?sort=-fatalities`), mapped to columns; anything else is refused.
EVENT_SORTS = {
    "date": E.c.event_date, "fatalities": E.c.fatalities, "type": E.c.event_type,
    "sub_type": E.c.sub_event_type, "country": E.c.country, "admin1": E.c.admin1,
    "location": E.c.location, "disputed": E.c.disputed, "event_id": E.c.event_id,
}
CLAIM_SORTS = {
    "date": C.c.date_start, "killed": C.c.killed_low, "type": C.c.event_type,
    "claimed_by": C.c.claimed_by, "country": C.c.country, "location": C.c.location,
    "claim_id": C.c.claim_id,
}
ARTICLE_SORTS = {
    "published": A.c.published, "title": A.c.title, "source": A.c.source, "article_id": A.c.article_id,
}


class contains_any_case(ColumnElement[bool]):  # lower case: it reads like the operator it stands for
    """`col` contains `text`, any case, `%` and `_` taken literally: `col.icontains(text,
    autoescape=True)`, i.e. `lower(col) LIKE '%' || lower(:text) || '%'` (ILIKE on PostgreSQL).
    On SQLite, LIKE alone is already case-insensitive for exactly the letters lower() folds
    (ASCII), so the lower() calls are dropped there: a text search over 100,000 events took three
    times as long computing them."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [("generic", InternalTraversal.dp_clauseelement),
                           ("sqlite", InternalTraversal.dp_clauseelement)]

    def __init__(self, col: Any, text: str) -> None:
        self.generic = col.icontains(text, autoescape=True)
        self.sqlite = col.contains(text, autoescape=True)


@compiles(contains_any_case)
def _contains_generic(element: contains_any_case, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.generic, **kw)})"


@compiles(contains_any_case, "sqlite")
def _contains_sqlite(element: contains_any_case, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.sqlite, **kw)})"


class unindexed(ColumnElement[bool]):  # lower case: it reads like a function
    """A condition no index may serve: `+(cond)` on SQLite (its documented way to say so), `cond`
    elsewhere. SQLite, without statistics, takes any indexed condition to be rare and would read a
    common type's 16,000 events by its index and sort them, not the sort's index in order."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True
    _traverse_internals = [("cond", InternalTraversal.dp_clauseelement)]

    def __init__(self, cond: ColumnElement[bool]) -> None:
        self.cond = cond


@compiles(unindexed)
def _unindexed_generic(element: unindexed, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.cond, **kw)})"


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return f"+({compiler.process(element.cond, **kw)})"


def _bbox(lat: Any, lon: Any, bbox: tuple[float, float, float, float]) -> ColumnElement[bool]:
    w, so, e, n = bbox
    lon_ok = lon.between(w, e) if w <= e else or_(lon >= w, lon <= e)  # across the antimeridian
    return and_(lat.between(so, n), lon_ok)


def _any_contains(text: str, *cols: Any) -> ColumnElement[bool]:
    return or_(*(contains_any_case(col, text) for col in cols))


def _type_in(types: Sequence[str], *cols: Any) -> ColumnElement[bool]:
    wanted = [t.lower() for t in types]
    return or_(*(func.lower(col).in_(wanted) for col in cols))


def _text_terms(f: Filters) -> list[tuple[list[str] | None, str]]:
    """The event filters the text index can narrow (`textindex.match_expression`)."""
    terms: list[tuple[list[str] | None, str | None]] = [
        (["country"], f.country), (["admin1"], f.admin1), (["actor1", "actor2"], f.actor),
        (["sources"], f.claimed_by), (None, f.q)]
    return [(cols, v) for cols, v in terms if v]


def event_conditions(f: Filters, text_index: bool = True) -> list[ColumnElement[bool]]:
    """The events matching `f`. With `text_index`, on SQLite, the text filters are first looked up
    in the full-text index (`store.textindex`); their LIKE conditions still decide."""
    cond: list[ColumnElement[bool]] = []
    match = textindex.match_expression(_text_terms(f)) if text_index else None
    if match:
        cond.append(textindex.indexed_text_match(match))
    if f.since:
        cond.append(E.c.event_date >= f.since)
    if f.until:
        cond.append(E.c.event_date <= f.until)
    if f.types:
        cond.append(_type_in(f.types, E.c.event_type, E.c.sub_event_type))
    if f.country:
        cond.append(contains_any_case(E.c.country, f.country))
    if f.admin1:
        cond.append(contains_any_case(E.c.admin1, f.admin1))
    if f.actor:
        cond.append(_any_contains(f.actor, E.c.actor1, E.c.actor2))
    if f.claimed_by:
        cond.append(contains_any_case(E.c.sources, f.claimed_by))
    if f.min_fatalities is not None:
        cond.append(func.coalesce(E.c.fatalities, 0) >= f.min_fatalities)
    if f.bbox:
        cond.append(_bbox(E.c.latitude, E.c.longitude, f.bbox))
    if f.q:
        cond.append(_any_contains(f.q, E.c.location, E.c.notes, E.c.sources, E.c.actor1, E.c.actor2,
                                  E.c.admin1, E.c.country, E.c.sub_event_type))
    return cond


def claim_conditions(f: Filters) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if f.since:  # the claim's period overlaps [since, until]; a total ("since Sept. 22") runs until
        # the day it was reported, so it counts in October too (needs `articles` joined)
        reported = func.coalesce(A.c.published, C.c.date_end, C.c.date_start)
        period_end = case((C.c.scope == "aggregate", reported),
                          else_=func.coalesce(C.c.date_end, C.c.date_start))
        cond.append(period_end >= f.since)
    if f.until:
        cond.append(C.c.date_start <= f.until)
    if f.types:
        cond.append(_type_in(f.types, C.c.event_type, C.c.sub_event_type))
    if f.country:
        cond.append(contains_any_case(C.c.country, f.country))
    if f.admin1:
        cond.append(contains_any_case(C.c.admin1, f.admin1))
    if f.actor:
        cond.append(_any_contains(f.actor, C.c.actor1, C.c.actor2))
    if f.claimed_by:
        cond.append(contains_any_case(C.c.claimed_by, f.claimed_by))
    if f.min_fatalities is not None:
        cond.append(func.coalesce(C.c.killed_low, 0) >= f.min_fatalities)
    if f.bbox:
        cond.append(_bbox(C.c.latitude, C.c.longitude, f.bbox))
    if f.q:
        cond.append(_any_contains(f.q, C.c.quote, C.c.location, C.c.claimed_by, C.c.article_title))
    if f.scope:
        cond.append(C.c.scope == f.scope)
    if f.article_id:
        cond.append(C.c.article_id == f.article_id)
    return cond


def article_conditions(f: Filters) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if f.since:
        cond.append(A.c.published >= f.since)
    if f.until:
        cond.append(A.c.published <= f.until)
    if f.q:
        cond.append(_any_contains(f.q, A.c.title, A.c.text))
    if f.source:
        cond.append(_any_contains(f.source, A.c.source, A.c.agency))
    if f.has_claims is not None:
        has = exists().where(C.c.article_id == A.c.article_id)
        cond.append(has if f.has_claims else not_(has))
    return cond


def _order(q: Select[Any], sorts: dict[str, Any], sort: str, tiebreak: Any) -> Select[Any]:
    """`sort` is a key of `sorts`, '-' in front for descending; missing values always go last."""
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in sorts:
        raise ValueError(f"cannot sort by {key!r}; use one of {', '.join(sorted(sorts))}")
    col = sorts[key]
    return q.order_by(col.is_(None), col.desc() if desc else col.asc(), tiebreak)


def _paged(conn: Connection, q: Select[Any], cond: list[ColumnElement[bool]], offset: int,
           limit: int) -> tuple[int, list[Any]]:
    base = q.where(*cond)
    total = conn.execute(select(func.count()).select_from(base.order_by(None).subquery())).scalar_one()
    rows = conn.execute(base.offset(offset).limit(limit)).mappings().all()
    return total, list(rows)


# -- row shapes ---------------------------------------------------------------------------------
def _iso(v: Any) -> str | None:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, date) else str(v)[:10]


def event_dict(m: Any) -> dict[str, Any]:
    d = {k: m[k] for k in (c.name for c in E.columns)}
    d["event_date"] = _iso(d["event_date"])
    d["sources"] = json.loads(d["sources"] or "[]")
    d["disputed"] = bool(d["disputed"])
    d["event_id_cnty"] = event_id_cnty(d["event_id"], d["country"])
    for k in ("n_claims", "n_articles"):
        if k in m:
            d[k] = m[k]
    return d


def claim_dict(m: Any) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for col in C.columns:
        name = col.name
        if name.endswith(("_low", "_high")) and name.rsplit("_", 1)[0] in ("killed", "injured",
                                                                           "children_killed"):
            continue
        d[name] = m[name]
    for name in ("killed", "injured", "children_killed"):
        low = m[f"{name}_low"]
        d[name] = None if low is None else {"low": low, "high": m[f"{name}_high"]}
    d["date_start"], d["date_end"] = _iso(d["date_start"]), _iso(d["date_end"])
    d["place_context"] = json.loads(d["place_context"] or "[]")
    for k in ("event_id", "published", "article_source"):
        if k in m:
            d[k] = _iso(m[k]) if k == "published" else m[k]
    return d


def article_dict(m: Any, with_text: bool = False) -> dict[str, Any]:
    d = {
        "article_id": m["article_id"], "title": m["title"], "published": _iso(m["published"]),
        "published_inferred": bool(m["published_inferred"]), "dateline": m["dateline"],
        "agency": m["agency"], "source": m["source"], "url": m["url"], "origin": m["origin"],
        "text_chars": len(m["text"] or ""),
    }
    if "n_claims" in m:
        d["n_claims"] = m["n_claims"]
    if with_text:
        d["text"] = m["text"]
        d["captions"] = json.loads(m["captions"] or "[]")
        d["credits"] = json.loads(m["credits"] or "[]")
    return d


# -- events -------------------------------------------------------------------------------------
def _n_claims() -> Any:
    return select(func.count()).where(EC.c.event_id == E.c.event_id).scalar_subquery()


def _n_articles() -> Any:
    return (select(func.count(func.distinct(C.c.article_id)))
            .select_from(EC.join(C, C.c.claim_id == EC.c.claim_id))
            .where(EC.c.event_id == E.c.event_id).scalar_subquery())


class _Counts:
    """Event counts per (database, events version, filters), shared by the threads of a process.

    Counting is most of a filtered page's cost (every matching event is read; a page reads 50), and
    dashboards ask the same views again and again. The version changes with every change to the
    events table (`textindex.events_version`), so a count is only reused for the same events."""

    def __init__(self, size: int = 2048) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, int, str], int] = OrderedDict()
        self._size = size

    def get(self, conn: Connection, f: Filters, cond: list[ColumnElement[bool]]) -> int:
        key = (str(conn.engine.url), textindex.events_version(conn), repr(f))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        n = int(conn.execute(select(func.count()).select_from(E).where(*cond)).scalar_one())
        with self._lock:
            self._items[key] = n
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return n


event_counts_cache = _Counts()
_INDEXED_SORTS = {"date", "fatalities"}  # the sorts of `schema.EVENT_SORT_INDEXES`


def _in_sort_order(conn: Connection, f: Filters, sort: str, total: int, offset: int, limit: int) -> bool:
    """Whether a filtered page is best read along its sort's index (`schema.EVENT_SORT_INDEXES`),
    testing each event until the page is full, rather than from the filters' own indexes (text,
    type) and then sorted. The first reads about (offset + limit) * all / total events, the second
    `total` events at ~5 times the cost each: a common word ("Syria") or type is best read in order,
    a rare one from its index. Only for filters whose matches are spread over the sort order: a date
    range or a minimum toll is served by its own index."""
    if sort.lstrip("-+") not in _INDEXED_SORTS or f.since or f.until or f.bbox \
            or f.min_fatalities is not None:
        return False
    n_all = event_counts_cache.get(conn, Filters(), [])
    return 5 * total * total >= (offset + limit) * n_all


def list_events(conn: Connection, f: Filters, sort: str = "-date", offset: int = 0,
                limit: int = 50) -> Page:
    """One page of events. The page's ids are chosen first (filter, sort, offset, limit over the
    event table alone); only then are the claim and article counts computed, for those rows:
    computed for every matching row, they made a page of 100,000 events cost 80 ms to 2.5 s.
    The total is counted once per view and events version (`event_counts_cache`)."""
    sorts = {**EVENT_SORTS, "n_claims": _n_claims()}
    cond = event_conditions(f)
    total = event_counts_cache.get(conn, f, cond)
    if total <= offset:
        return Page(total, offset, limit, [])
    if _in_sort_order(conn, f, sort, total, offset, limit):
        cond = [unindexed(c) for c in event_conditions(f, text_index=False)]
    page = _order(select(E.c.event_id).where(*cond), sorts, sort, E.c.event_id).offset(offset).limit(limit)
    ids = [r[0] for r in conn.execute(page)]
    if not ids:
        return Page(total, offset, limit, [])
    q = (select(E, _n_claims().label("n_claims"), _n_articles().label("n_articles"))
         .where(E.c.event_id.in_(ids)))
    by_id = {r["event_id"]: r for r in conn.execute(q).mappings()}
    return Page(total, offset, limit, [event_dict(by_id[i]) for i in ids])


def event_points(conn: Connection, f: Filters, limit: int = 100_000) -> dict[str, Any]:
    """Every matching event with coordinates, as compact columns for the map (10k+ markers)."""
    cols = [E.c.event_id, E.c.latitude, E.c.longitude, E.c.fatalities, E.c.event_type,
            E.c.event_date, E.c.location, E.c.disputed]
    q = (select(*cols).where(*event_conditions(f), E.c.latitude.is_not(None), E.c.longitude.is_not(None))
         .order_by(func.coalesce(E.c.fatalities, 0).desc(), E.c.event_id).limit(limit))
    rows = conn.execute(q).all()
    located = conn.execute(select(func.count()).select_from(E).where(*event_conditions(f))).scalar_one()
    return {
        "fields": ["event_id", "latitude", "longitude", "fatalities", "event_type", "event_date",
                   "location", "disputed"],
        "rows": [[r[0], r[1], r[2], r[3], r[4], _iso(r[5]), r[6], bool(r[7])] for r in rows],
        "matching": located,
    }


def get_event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event with every claim (and its article's date and publisher)."""
    m = conn.execute(select(E, _n_claims().label("n_claims"), _n_articles().label("n_articles"))
                     .where(E.c.event_id == event_id)).mappings().first()
    if m is None:
        return None
    ev = event_dict(m)
    q = (select(C, A.c.published, A.c.source.label("article_source"), EC.c.event_id)
         .select_from(EC.join(C, C.c.claim_id == EC.c.claim_id).join(A, A.c.article_id == C.c.article_id))
         .where(EC.c.event_id == event_id)
         .order_by(A.c.published.is_(None), A.c.published, C.c.article_id, C.c.sentence_index))
    ev["claims"] = [claim_dict(r) for r in conn.execute(q).mappings()]
    return ev


def event_counts(conn: Connection, f: Filters, interval: str = "day") -> list[dict[str, Any]]:
    """Events and fatalities per day (or ISO week, starting Monday) and event type."""
    q = (select(E.c.event_date, E.c.event_type, func.count().label("events"),
                func.coalesce(func.sum(E.c.fatalities), 0).label("fatalities"))
         .where(*event_conditions(f), E.c.event_date.is_not(None))
         .group_by(E.c.event_date, E.c.event_type))
    acc: dict[tuple[str, str | None], list[int]] = defaultdict(lambda: [0, 0])
    for day, etype, n, dead in conn.execute(q):
        d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
        if interval == "week":
            d = d - timedelta(days=d.weekday())
        a = acc[(d.isoformat(), etype)]
        a[0] += n
        a[1] += int(dead or 0)
    return [{"period": p, "event_type": t, "events": v[0], "fatalities": v[1]}
            for (p, t), v in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]


def type_counts(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    q = (select(E.c.event_type, E.c.sub_event_type, func.count(),
                func.coalesce(func.sum(E.c.fatalities), 0))
         .where(*event_conditions(f)).group_by(E.c.event_type, E.c.sub_event_type))
    rows = sorted(conn.execute(q).all(), key=lambda r: (-r[2], r[0] or "", r[1] or ""))
    return [{"event_type": t, "sub_event_type": st, "events": n, "fatalities": int(dead or 0)}
            for t, st, n, dead in rows]


def totals(conn: Connection, f: Filters) -> dict[str, Any]:
    cond = event_conditions(f)
    n, dead, high, disputed, first, last = conn.execute(
        select(func.count(), func.sum(E.c.fatalities), func.sum(func.coalesce(E.c.fatalities_high,
                                                                               E.c.fatalities)),
               func.sum(case((E.c.disputed, 1), else_=0)), func.min(E.c.event_date), func.max(E.c.event_date))
        .where(*cond)).one()
    return {"events": n, "fatalities": int(dead or 0), "fatalities_high": int(high or 0),
            "disputed": int(disputed or 0), "first_date": _iso(first), "last_date": _iso(last)}


def facets(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Values to offer in filter menus, with how many events have each."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, col in (("event_type", E.c.event_type), ("sub_event_type", E.c.sub_event_type),
                      ("country", E.c.country), ("admin1", E.c.admin1)):
        rows = conn.execute(select(col, func.count()).where(col.is_not(None)).group_by(col)
                            .order_by(func.count().desc(), col).limit(500)).all()
        out[name] = [{"value": v, "events": n} for v, n in rows]
    return out


def event_sources(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Who is cited for the matching events: claims and events per source."""
    ev_ids = select(E.c.event_id).where(*event_conditions(f))
    src = func.coalesce(C.c.claimed_by, C.c.reported_by)
    q = (select(src, func.count(), func.count(func.distinct(EC.c.event_id)))
         .select_from(EC.join(C, C.c.claim_id == EC.c.claim_id))
         .where(EC.c.event_id.in_(ev_ids)).group_by(src))
    rows = sorted(conn.execute(q).all(), key=lambda r: (-r[1], r[0] or ""))
    return [{"source": name or "(article)", "claims": n, "events": ne} for name, n, ne in rows]


# -- claims -------------------------------------------------------------------------------------
def list_claims(conn: Connection, f: Filters, sort: str = "-date", offset: int = 0,
                limit: int = 50) -> Page:
    q = (select(C, A.c.published, EC.c.event_id)
         .select_from(C.join(A, A.c.article_id == C.c.article_id)
                      .outerjoin(EC, EC.c.claim_id == C.c.claim_id)))
    q = _order(q, {**CLAIM_SORTS, "published": A.c.published}, sort, C.c.claim_id)
    total, rows = _paged(conn, q, claim_conditions(f), offset, limit)
    return Page(total, offset, limit, [claim_dict(r) for r in rows])


# -- articles -----------------------------------------------------------------------------------
def _article_claims() -> Any:
    return select(func.count()).where(C.c.article_id == A.c.article_id).scalar_subquery()


def list_articles(conn: Connection, f: Filters, sort: str = "-published", offset: int = 0,
                  limit: int = 50) -> Page:
    q = select(A, _article_claims().label("n_claims"))
    q = _order(q, {**ARTICLE_SORTS, "n_claims": _article_claims()}, sort, A.c.article_id)
    total, rows = _paged(conn, q, article_conditions(f), offset, limit)
    return Page(total, offset, limit, [article_dict(r) for r in rows])


_QUOTES = "[\"'\u2018\u2019\u201c\u201d]"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u2019\u201d]?\s+")


def _find(text: str, piece: str, pos: int) -> tuple[int, int] | None:
    """`piece` in `text` from `pos`, forgiving differences in whitespace and quote marks."""
    i = text.find(piece, pos)
    if i >= 0:
        return i, i + len(piece)
    words = piece.split()
    if not words:
        return None
    parts = [re.sub(_QUOTES, lambda _: _QUOTES, re.escape(w)) for w in words]
    m = re.compile(r"\s+".join(parts)).search(text, pos)
    return (m.start(), m.end()) if m else None


def locate_quote(text: str, quote: str, start: int | None = None,
                 end: int | None = None) -> list[tuple[int, int]]:
    """Where the quote stands in the text, as (start, end) spans; [] when it is not there.

    The stored offsets win when they fit the text. Otherwise the quote is searched for whole,
    then sentence by sentence: the extractor joins a claim's sentences ("... killed 21 people.
    At least six of the dead were children, he said."), which need not stand side by side."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return [(start, end)]
    if not quote.strip():
        return []
    whole = _find(text, quote.strip(), 0)
    if whole:
        return [whole]
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in _SENTENCE_END.split(quote.strip()):
        hit = _find(text, sentence.strip(), pos) or _find(text, sentence.strip(), 0)
        if hit:
            spans.append(hit)
            pos = hit[1]
    return sorted(set(spans))


def get_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text and its claims located in that text (`start`/`end`)."""
    m = conn.execute(select(A, _article_claims().label("n_claims"))
                     .where(A.c.article_id == article_id)).mappings().first()
    if m is None:
        return None
    art = article_dict(m, with_text=True)
    q = (select(C, EC.c.event_id).select_from(C.outerjoin(EC, EC.c.claim_id == C.c.claim_id))
         .where(C.c.article_id == article_id).order_by(C.c.sentence_index, C.c.claim_id))
    claims = []
    for r in conn.execute(q).mappings():
        c = claim_dict(r)
        spans = locate_quote(art["text"], c["quote"], c["quote_start"], c["quote_end"])
        in_title = not spans and bool(art["title"]) and c["quote"].strip() == (art["title"] or "").strip()
        c["located"] = "text" if spans else ("title" if in_title else None)
        c["spans"] = [list(sp) for sp in spans]
        c["start"], c["end"] = (spans[0][0], spans[-1][1]) if spans else (None, None)
        claims.append(c)
    art["claims"] = claims
    return art


__all__ = [
    "ARTICLE_SORTS", "CLAIM_SORTS", "EVENT_SORTS", "Filters", "Page", "event_counts", "event_points",
    "event_sources", "facets", "get_article", "get_event", "list_articles", "list_claims", "list_events",
    "locate_quote", "totals", "type_counts",
]
