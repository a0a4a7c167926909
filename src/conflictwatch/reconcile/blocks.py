"""Blocking keys: which stored events a claim could possibly be grouped with.

`matching.cluster` only ever compares claims that meet under one of its lookup keys (day + place
name, day + grid cell, day + province, day + country for claims without a place...). This module
turns those lookups into hashed keys, so incremental reconciliation can ask the database for the
events a new claim might join instead of reading every claim.

For each prepared claim there are two sets: `stored` (kept with the claim's event in the
`event_blocks` table) and `look` (asked for when the claim is new). The sets are built so that for
*any* two claims `cluster` might compare, each one's `look` meets the other's `stored`: whichever
of the two is new finds the other. A key may also bring in events that turn out unrelated (that only
costs time), but never misses one that `cluster` would compare (that would make the incremental
result differ from a full rebuild).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

from conflictwatch.reconcile.matching import Prepared, grid_cells

_MASK = (1 << 64) - 1


@lru_cache(maxsize=1 << 16)
def _text_hash(namespace: str, text: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{namespace}\x1f{text}".encode(), digest_size=8).digest(), "big")


def _mix(h: int, n: int) -> int:
    """Fold an integer into a 64-bit hash (splitmix64's finaliser): cheap, and well spread."""
    x = (h ^ ((n * 0x9E3779B97F4A7C15) & _MASK)) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def key(namespace: str, text: object, *numbers: int | None) -> int:
    """A signed 64-bit key (fits a BIGINT column on every backend) for a namespace, a text and
    numbers (days, grid cells). Equal inputs give equal keys in every process and version of Python;
    two different inputs collide with negligible probability (and a collision only costs time)."""
    h = _text_hash(namespace, "" if text is None else str(text))
    for n in numbers:
        h = _mix(h, -1 if n is None else n)
    return h - (1 << 64) if h >= 1 << 63 else h


def local_key(namespace: str, text: object, *numbers: int | None) -> int:
    """A key for the same inputs as `key`, valid within this process only (Python's own hash, ten
    times cheaper): enough to tell which claims share a key (`reconcile.partition`), never stored.
    Equal inputs give equal keys; a collision only joins two parts that could have stayed apart."""
    return hash((namespace, text, numbers))


def _cells(day: int, cells: tuple[tuple[int, int], ...]) -> list[int]:
    """`key("g", "", day, y, x)` for each cell, sharing the common steps."""
    by_day = _mix(_text_hash("g", ""), day)
    out = []
    for y, x in cells:
        h = _mix(_mix(by_day, y), x)
        out.append(h - (1 << 64) if h >= 1 << 63 else h)
    return out


def _sub(sub: str | None) -> int:
    """A sub-event type as a number for `key` (0: unknown)."""
    return 0 if sub is None else (_text_hash("sub", sub) & 0xFFFFFFFF) | 1


def _toll(p: Prepared) -> tuple[int, int] | None:
    """What `matching.figures_agree` compares: the death toll, else the injured count."""
    c = p.claim
    if c.killed is not None:
        return (1, c.killed.low)
    if c.injured is not None:
        return (2, c.injured.low)
    return None


def placeless(p: Prepared) -> bool:
    """`cluster`'s pass 4 claims: no place name and no province (at most a country)."""
    return p.vague and p.name is None and p.admin1 is None


def country_key(p: Prepared) -> str:
    """As `matching._country_key`: the country, or for an unknown country the claim's article."""
    return p.country or f"@{p.claim.article_id}"


def block_keys(
    p: Prepared, look_too: bool = True, key_of: Callable[..., int] = key
) -> tuple[set[int], set[int]]:
    """(stored, look) keys of one prepared claim; see the module docstring (`look_too=False`: the
    stored keys only, as a full rebuild needs; `key_of=local_key`: keys for this process only).

    Namespaces: "n" a claim's own place name; "x" a place containing it (a city it names as
    context, its province); "a" / "p" the province of a vague / located claim (with its type);
    "g" a grid cell; "c" / "C" the country and toll of a claim with / without a place; "P" the
    period and place of a claim too vague to block by day."""
    stored: set[int] = set()
    look: set[int] = set()

    def st(ns: str, text: object, *nums: int | None) -> None:
        stored.add(key_of(ns, text, *nums))

    def lk(ns: str, text: object, *nums: int | None) -> None:
        if look_too:
            look.add(key_of(ns, text, *nums))

    def both(ns: str, text: object, *nums: int | None) -> None:
        k = key_of(ns, text, *nums)
        stored.add(k)
        if look_too:
            look.add(k)

    containers = {x for x in (*p.ctx, p.admin1) if x}
    loose = placeless(p)
    home: tuple[int, int] | None = None
    cells: tuple[tuple[int, int], ...] = ()
    if not p.vague and p.lat is not None and p.lon is not None:
        # Two claims in different cells are only grouped when within NEAR_KM of each other (same
        # names meet under "n"), and then each lies in the 2 x 2 cells the other looks in.
        home, cells = grid_cells(p)
        if abs(p.lat) > 60:  # cells narrower than 2 * NEAR_KM: any neighbour (as `cluster` may)
            cells = tuple((home[0] + dy, home[1] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    toll = _toll(p)
    for day in p.days:
        if p.name:  # pass 1: the same name; pass 2: a claim naming only the city that contains another
            both("n", p.name, day)
            lk("x", p.name, day)
        for x in containers:  # pass 2, seen from the district (or the city named like its province)
            st("x", x, day)
            lk("n", x, day)
        if p.admin1:  # pass 3: a vague claim joins the one incident of its type in its province that day
            if p.vague:  # typed: the incidents of its type or of none; untyped: all ("x" above)
                both("a", p.admin1, day)
                if p.sub:
                    lk("p", p.admin1, day, _sub(p.sub))
                    lk("p", p.admin1, day, 0)
                else:
                    lk("x", p.admin1, day)
            else:
                lk("a", p.admin1, day)
                st("p", p.admin1, day, _sub(p.sub))
        if home is not None:  # pass 1: points within NEAR_KM of each other
            st("g", "", day, *home)
            if look_too:
                look.update(_cells(day, cells) if key_of is key else
                            [key_of("g", "", day, y, x) for y, x in cells])
        # pass 4: a claim without a place meets the claims of its day and country with its toll
        if toll is None:
            continue
        if loose:
            ck = country_key(p)
            both("C", ck, day, *toll)
            lk("c", ck, day, *toll)
        else:
            if p.country:
                st("c", p.country, day, *toll)
                lk("C", p.country, day, *toll)
            lk("C", f"@{p.claim.article_id}", day, *toll)
    if p.vague and not p.days:  # a long period, or no date at all: see `matching.cluster`, pass 3
        place = p.name or p.admin1
        period: tuple[int | None, int | None] = (None, None)
        if p.start is not None and p.end is not None:
            if p.name:  # compared with the incidents of that name within the period
                for day in range(p.start - 1, p.end + 2):
                    lk("n", p.name, day)
                    st("x", p.name, day)  # found by those incidents' "x" look-ups
            period = (p.start, p.end)
        if place:  # grouped with other vague claims of the same period and place
            both("P", place, *period)
    return stored, look


def needs_article(p: Prepared) -> bool:
    """A claim without a place whose country is unknown is compared with its own article's claims
    (`matching._country_key`): those are fetched by article, not by key."""
    return placeless(p) and p.country is None and bool(p.days)


__all__ = ["block_keys", "country_key", "key", "local_key", "needs_article", "placeless"]
