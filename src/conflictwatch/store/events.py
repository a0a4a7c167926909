"""The Store's events: reconciled events and the links from claims to them.

A mixin of `Store` (see `store/db.py`): reconcile computes events, the store alone writes them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select

from conflictwatch.models import Event
from conflictwatch.store import schema as s
from conflictwatch.store.engine import writing

if TYPE_CHECKING:
    from sqlalchemy import Engine

_EVENT_COLS = [c.name for c in s.events.columns]


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


#: `schema_info` key: the fingerprint of the reconciliation rules that built the stored events
#: and their blocking keys. Another value (or none) means the next reconciliation rebuilds all.
RULES_KEY = "reconcile_rules"


def chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """Slices short enough for an IN (...) list on every backend."""
    for k in range(0, len(items), size):
        yield items[k : k + size]


def _event_row(e: Event) -> dict[str, Any]:
    row = {k: getattr(e, k) for k in _EVENT_COLS if k != "sources"}
    row["sources"] = json.dumps(e.sources, ensure_ascii=False)
    return row


def write_events(
    conn: Connection,
    events: list[Event],
    *,
    replace_all: bool = False,
    remove: Iterable[str] = (),
    blocks: Mapping[str, Iterable[int]] | None = None,
    new: bool = False,
) -> None:
    """Inside the caller's transaction: delete all events (`replace_all`) or those in `remove` and
    the events being written (unless `new`: none of them is stored), with their claim links and
    blocking keys; insert `events`, their links and `blocks` (event_id -> keys)."""
    ec, ev, eb = s.event_claims, s.events, s.event_blocks
    if replace_all:
        for t in (ec, eb, ev):
            conn.execute(delete(t))
    elif not new:
        gone = sorted({*remove, *(e.event_id for e in events)})
        for part in chunks(gone):
            conn.execute(delete(ec).where(ec.c.event_id.in_(part)))
            conn.execute(delete(eb).where(eb.c.event_id.in_(part)))
            conn.execute(delete(ev).where(ev.c.event_id.in_(part)))
    # links and keys in the order of their primary keys: B-tree inserts in order cost less
    if events:
        _insert_events(conn, events)
        bulk_insert(conn, "event_claims", ("event_id", "claim_id"),
                    sorted(((e.event_id, cid) for e in events for cid in e.claim_ids), key=lambda r: r[1]))
    bulk_insert(conn, "event_blocks", ("block", "event_id"),
                sorted((k, eid) for eid, keys in (blocks or {}).items() for k in set(keys)))


def _insert_events(conn: Connection, events: list[Event]) -> None:
    """On SQLite, many rows a statement: the full-text index's triggers (`store.textindex`) cost far
    less a row that way (43,000 events: 14 s of CPU one row a statement, 4 s a thousand)."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(s.events), [_event_row(e) for e in events])
        return
    per = min(1000, (32766 if sqlite3.sqlite_version_info >= (3, 32) else 999) // len(_EVENT_COLS))
    one = "(" + ", ".join(["?"] * len(_EVENT_COLS)) + ")"
    head = f"INSERT INTO events ({', '.join(_EVENT_COLS)}) VALUES "
    for k in range(0, len(events), per):
        part = events[k : k + per]
        values = [_sqlite_value(row[c]) for row in map(_event_row, part) for c in _EVENT_COLS]
        conn.exec_driver_sql(head + ", ".join([one] * len(part)), tuple(values))


def _sqlite_value(v: Any) -> Any:
    """As SQLAlchemy stores a value on SQLite (dates as ISO text, booleans as 0/1)."""
    if isinstance(v, bool):
        return int(v)
    return v.isoformat() if isinstance(v, date) else v


def bulk_insert(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Many rows of plain values straight to the driver's executemany: hundreds of thousands of
    blocking keys would spend most of their time in per-row statement parameters otherwise."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    for k in range(0, len(rows), 50_000):
        conn.exec_driver_sql(sql, rows[k : k + 50_000])


class EventsMixin:
    engine: Engine

    def save_events(self, events: Iterable[Event]) -> int:
        """Replace all events and claim links in one transaction; returns the number of events.

        For events made outside reconciliation (tests, benchmarks): they carry no blocking keys, so
        the next reconciliation rebuilds every event instead of only the new claims' blocks."""
        evs = list(events)
        with writing(self.engine, exclusive=True) as conn:
            write_events(conn, evs, replace_all=True)
            s.set_meta(conn, RULES_KEY, None)
        return len(evs)

    def events(self) -> list[Event]:
        """All stored events with their claim and article ids, ordered by (date, event_id)."""
        claims_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
        with self.engine.connect() as conn:
            q = (
                select(s.event_claims.c.event_id, s.claims.c.claim_id, s.claims.c.article_id)
                .join(s.claims, s.claims.c.claim_id == s.event_claims.c.claim_id)
                .order_by(s.claims.c.date_start.is_(None), s.claims.c.date_start, s.claims.c.claim_id)
            )
            for eid, cid, aid in conn.execute(q):
                claims_of[eid].append((cid, aid))
            rows = conn.execute(select(s.events)).mappings().all()
        out: list[Event] = []
        for m in rows:
            kw = {k: m[k] for k in _EVENT_COLS}
            kw["sources"] = json.loads(m["sources"] or "[]")
            kw["event_date"] = _as_date(m["event_date"])
            kw["disputed"] = bool(m["disputed"])
            links = claims_of.get(m["event_id"], [])
            kw["claim_ids"] = [c for c, _ in links]
            kw["article_ids"] = sorted({a for _, a in links})
            out.append(Event(**kw))
        out.sort(key=lambda e: (e.event_date or date.max, e.event_id))
        return out

    def event_links(self, claim_ids: Iterable[str] | None = None) -> dict[str, str]:
        """claim_id -> event_id from the last reconcile (of every claim, or of `claim_ids`), so
        events keep their ids."""
        ec = s.event_claims
        with self.engine.connect() as conn:
            if claim_ids is None:
                return {r[0]: r[1] for r in conn.execute(select(ec.c.claim_id, ec.c.event_id))}
            out: dict[str, str] = {}
            for part in chunks(list(claim_ids)):
                q = select(ec.c.claim_id, ec.c.event_id).where(ec.c.claim_id.in_(part))
                out.update({r[0]: r[1] for r in conn.execute(q)})
            return out

    def published_dates(self) -> dict[str, date | None]:
        """article_id -> publication date, for "later reports supersede earlier ones"."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.articles.c.article_id, s.articles.c.published))
            return {r[0]: _as_date(r[1]) for r in rows}
