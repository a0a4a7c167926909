"""Turning a cluster of claims into an Event: ids, representative fields, figures, notes.

The rules are described in the package docstring (`conflictwatch.reconcile`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from conflictwatch.models import Claim, Event, Range
from conflictwatch.reconcile.matching import Prepared, norm_key, norm_place

_T = TypeVar("_T", bound=Hashable)


def new_event_id(smallest_claim_id: str) -> str:
    """A fresh event id: stable for the same cluster, whatever the input order."""
    return "ev" + hashlib.sha256(smallest_claim_id.encode()).hexdigest()[:12]


def assign_ids(
    groups: list[list[Claim]], previous: dict[str, str], taken: Iterable[str] = ()
) -> list[str]:
    """Event id per group: an earlier run's id when any claim had one, else a new stable id.

    Groups are visited by their smallest claim id; a group holding claims of several old events
    keeps the smallest old id still free (an old event split in two keeps its id in one part).
    `taken`: ids of events that stay as they are (incremental reconciliation) and so are not free.
    """
    order = sorted(range(len(groups)), key=lambda k: min(c.claim_id for c in groups[k]))
    ids: list[str | None] = [None] * len(groups)
    used: set[str] = set(taken)
    for k in order:
        old = sorted({previous[c.claim_id] for c in groups[k] if c.claim_id in previous} - used)
        if old:
            ids[k] = old[0]
            used.add(old[0])
    for k in order:
        if ids[k] is None:
            base = new_event_id(min(c.claim_id for c in groups[k]))
            eid, n = base, 1
            while eid in used:
                n += 1
                eid = f"{base}-{n}"
            ids[k] = eid
            used.add(eid)
    return [e for e in ids if e is not None]


@dataclass(frozen=True)
class SourceFigure:
    """One source's latest figure for an event, and the earlier figures it superseded."""

    label: str
    latest: Range
    earlier: tuple[Range, ...]


def source_of(c: Claim) -> tuple[str, str]:
    """(grouping key, display label): the claimant, else the publisher, else the article."""
    if c.claimed_by:
        return norm_key(c.claimed_by) or c.claimed_by, c.claimed_by
    if c.reported_by:
        return "own:" + (norm_key(c.reported_by) or c.reported_by), c.reported_by
    return "article:" + c.article_id, f"report {c.article_id}"


def latest_by_source(
    claims: Iterable[Claim], figure: Callable[[Claim], Range | None], published: dict[str, date | None]
) -> dict[str, SourceFigure]:
    """Each source's most recent figure: later publication date wins, then later claim.

    Articles of one source published the same day (or both undated) are ordered by their
    figure, lowest first: tolls rise over time far more often than they fall.
    """
    per: dict[str, list[tuple[tuple[object, ...], Range]]] = {}
    labels: dict[str, str] = {}
    art_max: dict[tuple[str, str], int] = {}
    rows: list[tuple[str, Claim, Range]] = []
    for c in claims:
        r = figure(c)
        if r is None:
            continue
        key, label = source_of(c)
        labels.setdefault(key, label)
        rows.append((key, c, r))
        art_max[(key, c.article_id)] = max(art_max.get((key, c.article_id), -1), r.low)
    for key, c, r in rows:
        pub = published.get(c.article_id) or date.min
        order = (pub, art_max[(key, c.article_id)], c.article_id, c.sentence_index, c.claim_id)
        per.setdefault(key, []).append((order, r))
    out: dict[str, SourceFigure] = {}
    for key in sorted(per):
        figs = [r for _, r in sorted(per[key], key=lambda t: t[0])]
        earlier = tuple(dict.fromkeys(r for r in figs[:-1] if r != figs[-1]))
        out[key] = SourceFigure(labels[key], figs[-1], earlier)
    return out


def conservative(figs: dict[str, SourceFigure]) -> int | None:
    """ACLED's rule: the lowest of the sources' latest figures ("at least N" counts as N)."""
    return min((f.latest.low for f in figs.values()), default=None)


def fmt_range(r: Range) -> str:
    if r.high is None:
        return f"at least {r.low}"
    return str(r.low) if r.high == r.low else f"{r.low}-{r.high}"


def place_label(location: str | None, admin1: str | None) -> str:
    """ "al-Marjeh, Aleppo"; just "Aleppo" when the place and its province share the name."""
    if location and admin1 and norm_place(location) == norm_place(admin1):
        return location
    return ", ".join(x for x in (location, admin1) if x)


def _counts(values: Iterable[_T]) -> dict[_T, int]:
    """How often each value comes, in the order first seen (a plain dict: most events have one or
    two claims, and a `Counter` for each of their fields cost more than building the event)."""
    counts: dict[_T, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


def _most_common(values: Iterable[str | None]) -> str | None:
    """Most frequent known value; ties go to the one seen first (claims are pre-sorted)."""
    counts = _counts(v for v in values if v)
    return max(counts, key=counts.__getitem__) if counts else None  # the first of the most frequent


def build_event(event_id: str, group: list[Prepared], published: dict[str, date | None]) -> Event:
    """Summarise one cluster (claims in (date, claim_id) order) as an Event."""
    claims = [p.claim for p in group]

    # Place: the most specific place (a district over its city), the most precise geocode,
    # then the place most claims name.
    name_counts = _counts(p.name for p in group if p.name)
    containers = {n for p in group for n in p.ctx}  # a city named as context of a district
    place = min(
        group,
        key=lambda p: (
            p.name in containers,
            p.claim.geo_precision if p.claim.geo_precision is not None else 4,
            p.claim.location is None,
            -name_counts.get(p.name or "", 0),
            p.i,
        ),
    ).claim
    admin1 = place.admin1 or _most_common(c.admin1 for c in claims)
    admin2 = place.admin2 or _most_common(c.admin2 for c in claims if c.admin1 in (None, admin1))
    country = place.country or _most_common(c.country for c in claims)

    # Date: the most precise date, then the date most claims give.
    dated = [c for c in claims if c.date_start is not None]
    event_date: date | None
    if dated:
        date_counts = _counts(c.date_start for c in dated)

        told_earlier = {p.claim.claim_id for p in group if not p.precise}

        def tp(c: Claim) -> int:
            if c.time_precision is not None:  # an echo of an earlier day (matching.echoes) counts as 2
                return 2 if c.time_precision == 1 and c.claim_id in told_earlier else c.time_precision
            return 1 if c.date_end in (None, c.date_start) else 2

        best = min(dated, key=lambda c: (tp(c), -date_counts[c.date_start]))
        event_date, time_precision = best.date_start, tp(best)
    else:  # no claim dates it: the first report's publication day, "within a week"
        pubs = [d for d in (published.get(c.article_id) for c in claims) if d is not None]
        event_date = min(pubs) if pubs else None
        time_precision = 2 if pubs else 3

    sub = _most_common(c.sub_event_type for c in claims)
    etype = _most_common(c.event_type for c in claims if sub is None or c.sub_event_type in (None, sub))

    killed = latest_by_source(claims, lambda c: c.killed, published)
    injured = latest_by_source(claims, lambda c: c.injured, published)
    children = latest_by_source(claims, lambda c: c.children_killed, published)
    lows = {f.latest.low for f in killed.values()}
    highs = [max(f.latest.low, f.latest.high or f.latest.low) for f in killed.values()]

    # Sources and notes in the order sources first reported (publication date, article, sentence).
    chron = sorted(claims, key=lambda c: (published.get(c.article_id) or date.min, c.article_id,
                                          c.sentence_index, c.claim_id))
    sources: list[str] = []
    first_seen: dict[str, int] = {}
    for c in chron:
        s = c.claimed_by or c.reported_by
        if s and s not in sources:
            sources.append(s)
        first_seen.setdefault(source_of(c)[0], len(first_seen))

    where = place_label(place.location, admin1) or country or "unknown place"
    parts = [f"{sub or etype or 'Incident'} in {where}"]
    for _, f in sorted(killed.items(), key=lambda kv: first_seen[kv[0]]):
        text = f"{f.label}: {fmt_range(f.latest)} killed"
        if f.earlier:
            text += " (earlier " + ", ".join(fmt_range(r) for r in f.earlier) + ")"
        parts.append(text)

    return Event(
        event_id=event_id,
        claim_ids=[c.claim_id for c in claims],
        article_ids=sorted({c.article_id for c in claims}),
        event_date=event_date,
        time_precision=time_precision,
        event_type=etype,
        sub_event_type=sub,
        actor1=_most_common(c.actor1 for c in claims),
        actor2=_most_common(c.actor2 for c in claims),
        country=country,
        admin1=admin1,
        location=place.location,
        latitude=place.latitude,
        longitude=place.longitude,
        geo_precision=place.geo_precision,
        sources=sources,
        notes="; ".join(parts),
        fatalities=conservative(killed),
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,
        injured=conservative(injured),
        children_killed=conservative(children),
        disputed=len(lows) > 1,
        admin2=admin2,
    )


__all__ = [
    "SourceFigure",
    "assign_ids",
    "build_event",
    "conservative",
    "latest_by_source",
    "new_event_id",
    "norm_place",
    "place_label",
    "source_of",
]
