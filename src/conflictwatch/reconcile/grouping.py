"""Claims -> events, keeping what incremental reconciliation needs: each event's prepared claims.

`conflictwatch.reconcile.reconcile` is the public, pure entry point; this is the same computation
returning each event together with its (non-folded) prepared claims, whose blocking keys
(`reconcile.blocks`) are stored with the event.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from conflictwatch.models import Claim, Event
from conflictwatch.reconcile.blocks import block_keys
from conflictwatch.reconcile.build import assign_ids, build_event
from conflictwatch.reconcile.copies import attach, fold_copies
from conflictwatch.reconcile.matching import Prepared, cluster, prepare


def incidents_of(claims: Iterable[Claim]) -> list[Claim]:
    """The incident claims, each once."""
    seen: set[str] = set()
    out: list[Claim] = []
    for c in claims:
        if c.scope == "incident" and c.claim_id not in seen:
            seen.add(c.claim_id)
            out.append(c)
    return out


def grouped(
    claims: list[Claim],
    previous: dict[str, str] | None = None,
    published: dict[str, date | None] | None = None,
    duplicate_of: dict[str, str] | None = None,
    *,
    context: list[Claim] | None = None,
    taken: Iterable[str] = (),
) -> list[tuple[Event, list[Prepared]]]:
    """Group incident claims into events; see `conflictwatch.reconcile.reconcile`.

    `context`: other claims of the same articles, not grouped now (they inform `matching.echoes`).
    `taken`: event ids that new events must not use (events left as they are)."""
    pub = published or {}
    incidents = incidents_of(claims)
    folded = fold_copies(incidents, duplicate_of) if duplicate_of else {}
    primary = [c for c in incidents if c.claim_id not in folded]
    groups = cluster(prepare(primary, pub, context))
    ids = assign_ids([[p.claim for p in g] for g in groups], previous or {}, taken)
    events = [build_event(eid, g, pub) for eid, g in zip(ids, groups, strict=True)]
    if folded:
        attach(events, folded, {c.claim_id: c.article_id for c in incidents})
    return list(zip(events, groups, strict=True))


def event_blocks(groups: list[tuple[Event, list[Prepared]]]) -> dict[str, set[int]]:
    """Each event's stored blocking keys: those of its (non-folded) claims."""
    out: dict[str, set[int]] = {}
    for e, members in groups:
        keys: set[int] = set()
        for p in members:
            keys |= block_keys(p, look_too=False)[0]
        out[e.event_id] = keys
    return out


__all__ = ["event_blocks", "grouped", "incidents_of"]
