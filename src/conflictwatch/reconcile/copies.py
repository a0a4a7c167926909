"""Claims of near-duplicate articles (reposts) count once: each is folded onto the first copy's claim.

A repost says what the first copy said; counting its claims again would add a "source" that is only
an echo, and a placeless claim repeated by 125 aggregators would stand as 125 events. So a claim of
a duplicate article that repeats a claim of the article it copies (same scope, type, place, figures
and claimant; dates within a week, since "yesterday" in a copy published a day later names another
day) joins that claim's event without voting on its figures; the event's `n_articles` still counts
the outlets. A duplicate's claim that says something new (a rewrite with a higher toll) is reconciled
like any other claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from conflictwatch.models import Claim, Event
from conflictwatch.reconcile.matching import MAX_SPAN_DAYS, norm_key, norm_place


def roots(duplicate_of: dict[str, str]) -> dict[str, str]:
    """Each duplicate article -> the original at the end of its chain (a copy of a copy)."""
    out: dict[str, str] = {}
    for aid in duplicate_of:
        seen = {aid}
        cur = duplicate_of[aid]
        while cur in duplicate_of and cur not in seen:
            seen.add(cur)
            cur = duplicate_of[cur]
        out[aid] = cur
    return out


def _key(c: Claim) -> tuple[object, ...]:
    return (
        c.scope,
        norm_key(c.sub_event_type) or norm_key(c.event_type),
        norm_place(c.location),
        c.killed,
        c.injured,
        c.children_killed,
        norm_key(c.claimed_by),
    )


def fold_copies(claims: Iterable[Claim], duplicate_of: dict[str, str]) -> dict[str, str]:
    """claim_id of a duplicate's claim -> claim_id of the original claim it repeats."""
    root = roots(duplicate_of)
    originals: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    copies: list[Claim] = []
    for c in claims:
        if c.article_id in root:
            copies.append(c)
        else:
            originals[(c.article_id, *_key(c))].append(c)
    folded: dict[str, str] = {}
    for c in copies:
        cands = originals.get((root[c.article_id], *_key(c)), [])
        best: tuple[int, str] | None = None
        for o in cands:
            if c.date_start is not None and o.date_start is not None:
                gap = abs((c.date_start - o.date_start).days)
                if gap > MAX_SPAN_DAYS:
                    continue
            else:
                gap = 0 if c.date_start == o.date_start else MAX_SPAN_DAYS
            if best is None or (gap, o.claim_id) < best:
                best = (gap, o.claim_id)
        if best is not None:
            folded[c.claim_id] = best[1]
    return folded


def attach(events: list[Event], folded: dict[str, str], article_of: dict[str, str]) -> None:
    """Add each folded claim (and its article) to the event of the claim it repeats."""
    event_of = {cid: e for e in events for cid in e.claim_ids}
    for copy_id, orig_id in sorted(folded.items()):
        e = event_of.get(orig_id)
        if e is None:
            continue
        e.claim_ids.append(copy_id)
        if article_of[copy_id] not in e.article_ids:
            e.article_ids = sorted({*e.article_ids, article_of[copy_id]})
