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
import math

from conflictwatch.reconcile.matching import CELL_DEG, Prepared


def key(*parts: object) -> int:
    """A signed 64-bit hash of a key's parts (fits a BIGINT column on every backend)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def placeless(p: Prepared) -> bool:
    """`cluster`'s pass 4 claims: no place name and no province (at most a country)."""
    return p.vague and p.name is None and p.admin1 is None


def country_key(p: Prepared) -> str:
    """As `matching._country_key`: the country, or for an unknown country the claim's article."""
    return p.country or f"@{p.claim.article_id}"


def block_keys(p: Prepared) -> tuple[set[int], set[int]]:
    """(stored, look) keys of one prepared claim; see the module docstring."""
    stored: set[int] = set()
    look: set[int] = set()
    names = {x for x in (p.name, *p.ctx, p.admin1) if x}
    loose = placeless(p)
    home: tuple[int, int] | None = None
    if not p.vague and p.lat is not None and p.lon is not None:
        home = (math.floor(p.lat / CELL_DEG), math.floor(p.lon / CELL_DEG))
    for day in p.days:
        # passes 1-3: the same name, a containing city or province, the province of a vague claim
        for x in names:
            k = key("n", day, x)
            stored.add(k)
            look.add(k)
        # pass 1: points within NEAR_KM lie in the same or a neighbouring grid cell
        if home is not None:
            stored.add(key("g", day, *home))
            look.update(key("g", day, home[0] + dy, home[1] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        # pass 4: claims without a place meet every claim of their day and country
        if loose:
            ck = country_key(p)
            stored.add(key("C", day, ck))
            look.update((key("C", day, ck), key("c", day, ck)))
        else:
            if p.country:
                stored.add(key("c", day, p.country))
                look.add(key("C", day, p.country))
            look.add(key("C", day, f"@{p.claim.article_id}"))
    if p.vague and not p.days:  # a long period, or no date at all: see `matching.cluster`, pass 3
        place = p.name or p.admin1
        if p.start is not None and p.end is not None:
            if p.name:  # compared with the incidents of that name within the period
                for day in range(p.start - 1, p.end + 2):
                    k = key("n", day, p.name)
                    stored.add(k)
                    look.add(k)
            period = (p.start, p.end)
        else:
            period = (None, None)
        if place:  # grouped with other vague claims of the same period and place
            k = key("P", *period, place)
            stored.add(k)
            look.add(k)
    return stored, look


def needs_article(p: Prepared) -> bool:
    """A claim without a place whose country is unknown is compared with its own article's claims
    (`matching._country_key`): those are fetched by article, not by key."""
    return placeless(p) and p.country is None and bool(p.days)


__all__ = ["block_keys", "country_key", "key", "needs_article", "placeless"]
