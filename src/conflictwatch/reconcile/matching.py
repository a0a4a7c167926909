"""Grouping incident claims into clusters (one cluster = one event).

See the package docstring (`conflictwatch.reconcile`) for the rules in prose. This module only
decides *which claims belong together*; `conflictwatch.reconcile.build` turns clusters into events.

Everything here works on integer day numbers (`date.toordinal()`) and pre-normalised strings so
100k claims reconcile in a few seconds: claims are only ever compared with claims that share a
blocking key (day + place name, day + 5 km grid cell, day + province), never all pairs.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from unidecode import unidecode

from conflictwatch.models import Claim
from conflictwatch.reconcile.unionfind import link
from conflictwatch.reconcile.unionfind import root as uf_root

#: Two claims this close (km) are about the same place when either geocode is approximate
#: (geo_precision 2) or a name is missing.
NEAR_KM = 2.0
#: Two differently named places, both geocoded exactly (geo_precision 1), are one place only
#: this close (km): adjacent city districts are often under 2 km apart and are separate incidents.
SAME_POINT_KM = 0.5
#: A pass-1 cluster never spreads wider than this (km, bounding-box diagonal): stops chaining.
MAX_SPREAD_KM = 5.0
#: A district/neighbourhood may join its containing city's claims only within this distance (km).
CITY_KM = 15.0
#: Two claims naming the same place but geocoded further apart than this are different places.
SAME_NAME_FAR_KM = 25.0
#: A toll below this is too common to tie two claims by itself (placeless claims, `echoes`): one
#: soldier killed by shelling and one woman shot that day are two incidents.
DISTINCT_TOLL = 3
#: Within one article, the same toll of the same attack at the same place given for two days at most
#: this far apart is one incident told twice (see `echoes`).
ECHO_DAYS = 3
#: Claims whose date range is longer than this many days are too vague to block by day.
MAX_SPAN_DAYS = 7
#: Grid cell size in degrees for coordinate blocking; half a cell must exceed NEAR_KM (true up to ~60 deg).
CELL_DEG = 0.08

_ARTICLE = re.compile(r"^(?:the|al|el|ad|ar|as|ash|at|az|an|ath|adh|ed|er|es|et|ez)[\s\-'`]+")
_GENERIC = re.compile(r"\s+(?:city|town|village|district|neighbou?rhood|province|governorate)$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_VOWEL = re.compile(r"(?:eh|ah|e|a)$")


@lru_cache(maxsize=1 << 16)
def norm_place(name: str | None) -> str | None:
    """Fold a place name so transliteration variants compare equal.

    "al-Marjeh", "Al Marja", "Marjeh district" -> "marja"; "Raqqah"/"Raqqa" -> "raqa".
    """
    if not name:
        return None
    s = unidecode(name).lower().strip()
    s = _GENERIC.sub("", s)
    s = _ARTICLE.sub("", s)
    s = _NON_ALNUM.sub("", s)
    s = _DOUBLE.sub(r"\1", s)
    s = _FINAL_VOWEL.sub("a", s)
    return s or None


@lru_cache(maxsize=1 << 16)
def norm_key(value: str | None) -> str | None:
    """Case/space-insensitive key for types, countries and sources."""
    if not value:
        return None
    return " ".join(unidecode(value).lower().split()) or None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough at the few-km scale used here, and cheap."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


@dataclass(slots=True)
class Prepared:
    """A claim with everything the matcher needs pre-computed once."""

    i: int  # position in sorted order (also the union-find id)
    claim: Claim
    start: int | None  # day ordinal
    end: int | None
    precise: bool  # a single, exactly known day
    name: str | None
    ctx: tuple[str, ...]
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    exact: bool  # geocoded to the place itself (geo_precision 1)
    sub: str | None
    etype: str | None
    vague: bool  # no usable place or date for blocking: attached in pass 3
    days: tuple[int, ...] = field(default=())  # indexed/looked up under (widened by 1 unless precise)


def exact_day(c: Claim) -> date | None:
    if c.date_start is None or c.time_precision not in (1, None):
        return None
    return c.date_start if c.date_end in (None, c.date_start) else None


def claims_same_place(a: Claim, b: Claim) -> bool:
    """The same place name (spelling folded), or coordinates as close as `_same_place` requires."""
    na, nb = norm_place(a.location), norm_place(b.location)
    if na and na == nb:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    d = km_between(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    exact = a.geo_precision == 1 and b.geo_precision == 1 and na and nb
    return d <= (SAME_POINT_KM if exact else NEAR_KM)


def _echo_place(a: Claim, b: Claim) -> bool:
    """Same place for `echoes`: the same name, or near coordinates of which at least one is the
    place itself: two approximate geocodes at one point may both have fallen back to a wide area."""
    if not claims_same_place(a, b):
        return False
    na, nb = norm_place(a.location), norm_place(b.location)
    return bool(na and na == nb) or 1 in (a.geo_precision, b.geo_precision)


def echoes(claims: list[Claim]) -> dict[str, date]:
    """Claims whose exact day yields to an earlier day their own article gives the same incident.

    One article that gives the same toll of the same kind of attack at the same place for two
    days at most ECHO_DAYS apart tells one incident twice (a toll of DISTINCT_TOLL or more, the same
    place name or a point within NEAR_KM of an exact geocode): typically a lede dated by the day a group
    claimed the attack or the toll rose ("IS claimed on Saturday a car bomb ... this week; the toll
    climbed to 29") and a body sentence with the day of the blast ("Thursday's blast ... to 29").
    Incidents are reported after they happen, so the earlier day stands; the later claim becomes
    imprecise (from the earlier day to its own). Returns claim_id -> the earlier day.
    """
    groups: dict[tuple[object, ...], list[tuple[date, Claim]]] = defaultdict(list)
    for c in claims:
        day = exact_day(c)
        if (c.scope == "incident" and day is not None and c.killed is not None
                and c.killed.low >= DISTINCT_TOLL and c.sub_event_type):
            groups[(c.article_id, norm_key(c.sub_event_type), c.killed.low)].append((day, c))
    out: dict[str, date] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        for day, c in group:
            earlier = [d for d, o in group
                       if d < day and (day - d).days <= ECHO_DAYS and _echo_place(c, o)]
            if earlier:
                out[c.claim_id] = min(earlier)
    return out


def prepare(
    claims: list[Claim], published: dict[str, date | None], context: list[Claim] | None = None
) -> list[Prepared]:
    """Normalise and sort claims by (date, claim_id) so input order never matters.

    `context`: further claims of the same articles that are not being grouped now (incremental
    reconciliation groups a subset): they count for `echoes`, which looks at whole articles."""
    out: list[Prepared] = []
    told_earlier = echoes(claims + context if context else claims)
    for c in claims:
        start = end = None
        precise = False
        if c.date_start is not None:
            start = c.date_start.toordinal()
            end = c.date_end.toordinal() if c.date_end is not None else start
            if end < start:
                start, end = end, start
            precise = (c.time_precision == 1 or c.time_precision is None) and start == end
            if c.claim_id in told_earlier:  # the article gives this incident an earlier day too
                start, precise = told_earlier[c.claim_id].toordinal(), False
        else:
            pub = published.get(c.article_id)
            if pub is not None:  # undated claim: the day of publication or the day before
                start, end = pub.toordinal() - 1, pub.toordinal()
        name = norm_place(c.location)
        coords = c.latitude is not None and c.longitude is not None and (c.geo_precision or 1) < 3
        region_only = c.geo_precision is not None and c.geo_precision >= 3
        vague = (
            start is None
            or end is None
            or end - start > MAX_SPAN_DAYS
            or region_only
            or (name is None and not coords)
        )
        ctx = tuple(sorted({n for n in (norm_place(p) for p in c.place_context) if n and n != name}))
        out.append(
            Prepared(
                i=0,
                claim=c,
                start=start,
                end=end,
                precise=precise,
                name=None if region_only else name,
                ctx=ctx,
                admin1=norm_place(c.admin1),
                country=norm_key(c.country),
                lat=c.latitude if coords else None,
                lon=c.longitude if coords else None,
                exact=coords and c.geo_precision == 1,
                sub=norm_key(c.sub_event_type),
                etype=norm_key(c.event_type),
                vague=vague,
            )
        )
    big = 10**9
    out.sort(key=lambda p: (p.start if p.start is not None else big, p.claim.claim_id))
    for i, p in enumerate(out):
        p.i = i
        if p.start is not None and p.end is not None and p.end - p.start <= MAX_SPAN_DAYS:
            w = 0 if p.precise else 1
            p.days = tuple(range(p.start - w, p.end + w + 1))
    return out


def date_ok(a: Prepared, b: Prepared) -> bool:
    """Same day when both are exact; +-1 day when either is imprecise or inferred."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return True
    tol = 0 if (a.precise and b.precise) else 1
    return a.start - tol <= b.end and b.start - tol <= a.end


def type_ok(a: Prepared, b: Prepared) -> bool:
    """Same sub-event type (air strike != shelling) or event type; unknown matches anything."""
    if a.sub and b.sub:
        return a.sub == b.sub
    if a.etype and b.etype:
        return a.etype == b.etype
    return True


def region_ok(a: Prepared, b: Prepared) -> bool:
    """Country and province must not contradict each other when both are known."""
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.admin1 and b.admin1 and a.admin1 != b.admin1)


def distance(a: Prepared, b: Prepared) -> float | None:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    return km_between(a.lat, a.lon, b.lat, b.lon)


@dataclass(slots=True)
class _State:
    """What a cluster has committed to; merges that would contradict it are refused."""

    sub: str | None
    etype: str | None
    day: int | None  # the exact day, once any precise claim is in
    box: tuple[float, float, float, float] | None  # min lat, max lat, min lon, max lon

    @classmethod
    def of(cls, p: Prepared) -> _State:
        box = (p.lat, p.lat, p.lon, p.lon) if p.lat is not None and p.lon is not None else None
        return cls(p.sub, p.etype, p.start if p.precise else None, box)


def _merged(a: _State, b: _State, max_spread_km: float) -> _State | None:
    """The state of a merged cluster, or None when the two clusters contradict each other."""
    if a.sub and b.sub and a.sub != b.sub:
        return None
    if a.etype and b.etype and a.etype != b.etype:
        return None
    if a.day is not None and b.day is not None and a.day != b.day:
        return None
    box = a.box or b.box
    if a.box and b.box:
        (a0, a1, a2, a3), (b0, b1, b2, b3) = a.box, b.box
        box = (min(a0, b0), max(a1, b1), min(a2, b2), max(a3, b3))
        if km_between(box[0], box[2], box[1], box[3]) > max_spread_km:
            return None
    return _State(a.sub or b.sub, a.etype or b.etype, a.day if a.day is not None else b.day, box)


class _Clusters:
    """Union-find whose roots are always the smallest member (deterministic)."""

    def __init__(self, items: list[Prepared]) -> None:
        self.parent = list(range(len(items)))
        self.state = [_State.of(p) for p in items]

    def find(self, x: int) -> int:
        return uf_root(self.parent, x)

    def can_union(self, ra: int, rb: int, max_spread_km: float) -> _State | None:
        return _merged(self.state[ra], self.state[rb], max_spread_km)

    def union(self, ra: int, rb: int, st: _State) -> int:
        lo = link(self.parent, ra, rb)
        self.state[lo] = st
        return lo

    def try_union(self, a: int, b: int, max_spread_km: float) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        st = self.can_union(ra, rb, max_spread_km)
        if st is None:
            return False
        self.union(ra, rb, st)
        return True


def grid_cells(p: Prepared) -> tuple[tuple[int, int], tuple[tuple[int, int], ...]]:
    """The grid cell a located claim is indexed under, and the 4 cells to look in.

    Cells are CELL_DEG wide; a point within NEAR_KM lies in the same cell or in one of the three
    neighbours on the side of the cell the claim sits in (half a cell > NEAR_KM).
    """
    assert p.lat is not None and p.lon is not None
    fy, fx = p.lat / CELL_DEG, p.lon / CELL_DEG
    cy, cx = math.floor(fy), math.floor(fx)
    dy = 1 if fy - cy >= 0.5 else -1
    dx = 1 if fx - cx >= 0.5 else -1
    return (cy, cx), ((cy, cx), (cy + dy, cx), (cy, cx + dx), (cy + dy, cx + dx))


def _same_place(a: Prepared, b: Prepared) -> bool:
    d = distance(a, b)
    if a.name is not None and a.name == b.name:
        return d is None or d <= SAME_NAME_FAR_KM
    if d is None:
        return False
    if a.exact and b.exact and a.name and b.name:
        return d <= SAME_POINT_KM
    return d <= NEAR_KM


def cluster(items: list[Prepared]) -> list[list[Prepared]]:
    """Group prepared (sorted) claims; returns clusters in order of their first claim."""
    uf = _Clusters(items)
    located = [p for p in items if not p.vague]

    # Pass 1: same place (same normalised name, or within NEAR_KM), compatible date and type.
    by_name: dict[tuple[int, str], list[int]] = defaultdict(list)
    by_cell: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for p in located:
        cands: set[int] = set()
        home, look = grid_cells(p) if p.lat is not None else (None, ())
        for day in p.days:
            if p.name is not None:
                cands.update(by_name.get((day, p.name), ()))
            for cy, cx in look:
                cands.update(by_cell.get((day, cy, cx), ()))
        for j in sorted(cands):
            q = items[j]
            if uf.find(j) == uf.find(p.i):
                continue
            if date_ok(p, q) and type_ok(p, q) and region_ok(p, q) and _same_place(p, q):
                uf.try_union(p.i, j, MAX_SPREAD_KM)
        for day in p.days:
            if p.name is not None:
                by_name[(day, p.name)].append(p.i)
            if home is not None:
                by_cell[(day, home[0], home[1])].append(p.i)

    # Pass 2: a city-level cluster joins the one cluster of a district inside that city
    # (the district claim names the city in its context, or lies in a province of that name
    # within CITY_KM). Two candidate districts = ambiguous: the city claims stay on their own.
    by_ctx: dict[tuple[int, str], list[int]] = defaultdict(list)
    for p in located:
        keys = set(p.ctx)
        if p.admin1 and p.lat is not None and p.admin1 != p.name:
            keys.add(p.admin1)
        for day in p.days:
            for k in keys:
                by_ctx[(day, k)].append(p.i)
    members: dict[int, list[Prepared]] = defaultdict(list)
    for p in located:
        members[uf.find(p.i)].append(p)
    for root in sorted(members):
        group = members[root]
        rk = uf.find(root)
        cand_roots: set[int] = set()
        for a in group:
            if a.name is None:
                continue
            for day in a.days:
                for j in by_ctx.get((day, a.name), ()):
                    b = items[j]
                    rb = uf.find(j)
                    if rb == rk or b.name == a.name:
                        continue
                    if not (date_ok(a, b) and type_ok(a, b) and region_ok(a, b)):
                        continue
                    d = distance(a, b)
                    if a.name not in b.ctx and d is None:
                        continue  # matched on province name only: needs coordinates
                    if d is not None and d > CITY_KM:
                        continue
                    cand_roots.add(rb)
        ok = [r for r in cand_roots if uf.can_union(rk, r, 2 * CITY_KM) is not None]
        if len(ok) == 1:
            st = uf.can_union(rk, ok[0], 2 * CITY_KM)
            assert st is not None
            uf.union(rk, ok[0], st)

    # Pass 3: vague claims (province-only, undated, no place) join the single compatible
    # cluster in their province / with their place name; otherwise they group among themselves.
    by_admin: dict[tuple[int, str], list[int]] = defaultdict(list)
    by_name_any: dict[str, list[int]] = defaultdict(list)
    for p in located:
        for day in p.days:
            if p.admin1:
                by_admin[(day, p.admin1)].append(p.i)
        if p.name:
            by_name_any[p.name].append(p.i)
    leftovers: list[Prepared] = []
    for v in items:
        if not v.vague:
            continue
        pool: list[int] = []
        if v.start is not None and v.end is not None and v.end - v.start <= MAX_SPAN_DAYS and v.admin1:
            for day in v.days:
                pool.extend(by_admin.get((day, v.admin1), ()))
        elif v.name and v.start is not None:
            # A long period: the incidents of that name within it. A claim with no date at all (nor
            # a publication date) is not: it would be compared with every incident of that name
            # ever stored, and one run's cost would grow with the database.
            pool = by_name_any.get(v.name, [])
        roots: set[int] = set()
        rv = uf.find(v.i)
        for j in pool:
            b = items[j]
            if date_ok(v, b) and type_ok(v, b) and region_ok(v, b):
                rb = uf.find(j)
                if uf.can_union(rv, rb, 2 * CITY_KM) is not None:
                    roots.add(rb)
            if len(roots) > 1:
                break
        if len(roots) == 1:
            uf.try_union(v.i, roots.pop(), 2 * CITY_KM)
        else:
            leftovers.append(v)
    by_vkey: dict[tuple[object, ...], list[int]] = defaultdict(list)
    placeless: list[Prepared] = []
    for v in leftovers:
        place = v.name or v.admin1
        if place is None:
            placeless.append(v)  # no place, or only a country: pass 4
            continue
        if v.start is not None and v.end is not None and v.end - v.start <= MAX_SPAN_DAYS:
            keys = [(day, place, v.country) for day in v.days]
        else:  # undated or a long period: only identical periods match
            keys = [(None, v.start, v.end, place, v.country)]
        seen: set[int] = set()
        for key in keys:
            for j in by_vkey.get(key, ()):
                if j in seen:
                    continue
                seen.add(j)
                q = items[j]
                if date_ok(v, q) and type_ok(v, q) and region_ok(v, q):
                    uf.try_union(v.i, j, 2 * CITY_KM)
        for key in keys:
            by_vkey[key].append(v.i)

    _join_placeless(uf, items, placeless)

    groups: dict[int, list[Prepared]] = defaultdict(list)
    for p in items:
        groups[uf.find(p.i)].append(p)
    return [groups[r] for r in sorted(groups)]


def figures_agree(a: Claim, b: Claim) -> bool:
    """Both give the same death toll (lower bounds), or, when neither gives one, the same injured
    figure. Claims without any figure never agree: nothing but the day would tie them together."""
    if a.killed is not None or b.killed is not None:
        return a.killed is not None and b.killed is not None and a.killed.low == b.killed.low
    return a.injured is not None and b.injured is not None and a.injured.low == b.injured.low


def actors_agree(a: Claim, b: Claim) -> bool:
    """No side is named differently (an unknown actor agrees with any)."""
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if x and y and norm_key(x) != norm_key(y):
            return False
    return True


def _agree(a: Prepared, b: Prepared) -> bool:
    if not (date_ok(a, b) and type_ok(a, b) and region_ok(a, b)):
        return False
    if not (figures_agree(a.claim, b.claim) and actors_agree(a.claim, b.claim)):
        return False
    toll = a.claim.killed or a.claim.injured
    return toll is not None and (toll.low >= DISTINCT_TOLL or bool((a.sub or a.etype) and (b.sub or b.etype)))


def _join_placeless(uf: _Clusters, items: list[Prepared], placeless: list[Prepared]) -> None:
    """Pass 4: a claim with no place (or only a country) is compared with the claims of the same day,
    type and country (or, when its country is unknown, of its own article), and joins them when
    figures and actors agree (a toll under DISTINCT_TOLL also needs both types known).

    It joins the one such cluster among the placed claims; with none (or several: ambiguous) it is
    grouped with the other placeless claims that agree with it (copies of one report that no
    outlet located: "militants killed 22 people in northeast Nigeria on Sunday").
    """
    todo = [v for v in placeless if v.days]
    if not todo:
        return
    loose = {v.i for v in placeless}
    by_day: dict[tuple[int, str], list[int]] = defaultdict(list)
    for p in items:
        if p.i not in loose:
            for day in p.days:
                for k in _country_keys(p):
                    by_day[(day, k)].append(p.i)
    alone: list[Prepared] = []
    for v in todo:
        key = _country_key(v)
        rv = uf.find(v.i)
        roots: set[int] = set()
        for j in sorted({j for day in v.days for j in by_day.get((day, key), ())}):
            if _agree(v, items[j]):
                rb = uf.find(j)
                if rb != rv and uf.can_union(rv, rb, 2 * CITY_KM) is not None:
                    roots.add(rb)
        if len(roots) == 1:
            uf.try_union(v.i, roots.pop(), 2 * CITY_KM)
        else:
            alone.append(v)
    seen: dict[tuple[int, str], list[int]] = defaultdict(list)
    for v in alone:
        key = _country_key(v)
        for j in sorted({j for day in v.days for j in seen.get((day, key), ())}):
            if _agree(v, items[j]):
                uf.try_union(v.i, j, 2 * CITY_KM)
        for day in v.days:
            seen[(day, key)].append(v.i)


def _country_key(p: Prepared) -> str:
    """The country, or for a claim whose country is unknown its own article: two claims of one
    article are about the same country even when the article never names it."""
    return p.country or f"@{p.claim.article_id}"


def _country_keys(p: Prepared) -> tuple[str, ...]:
    at = f"@{p.claim.article_id}"
    return (p.country, at) if p.country else (at,)
