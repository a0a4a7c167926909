"""Incremental reconciliation: a run groups only its new claims with the events of their blocks.

Every write of an article's claims leaves a note for the next reconciliation (`pending_articles`,
and `pending_links` for the event links its earlier claims had), in the same transaction. The
next reconciliation (the end of `conflictwatch run`, or `conflictwatch reconcile`):

1. takes the database's write lock for its whole length (`Store.reconciling`);
2. gathers the claims that could be grouped differently now: the pending articles' incident
   claims, the claims of the events they were linked to, and then, repeatedly, the claims of every
   event sharing a blocking key (`reconcile.blocks`) with a gathered claim, the whole family of a
   near-duplicate article, and the claims of an article whose claim without a place or country is
   compared with its own article's claims, until nothing new comes in;
3. groups that closed set exactly as a full rebuild would (`grouping.grouped`: `cluster` only ever
   compares claims sharing a key, so the set's grouping does not depend on the claims left out),
   keeps event ids, rewrites those events and their keys, deletes the events that no longer exist,
   and clears the notes.

Steps 2 and 3 keep a few hundred bytes a gathered claim (`reconcile.closure`), then group and write
the claims a batch of connected parts at a time (`reconcile.partition`, `reconcile.chunked`): memory
grows with the batch (`chunk` claims), not with the number of claims pending. A full rebuild of more
than `chunk` claims works the same way.

So the work grows with the new claims and their blocks, not with the database; `reconcile --all`
(`reconcile_all`) rebuilds every event and gives the same result (tested). When the rules changed
(a new version of this package: `rules_version`), or the stored events have no keys (a database
from before, or events written with `Store.save_events`), the next reconciliation rebuilds all.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources

from conflictwatch.models import Event
from conflictwatch.reconcile.build import new_event_id
from conflictwatch.reconcile.chunked import index_all, regroup
from conflictwatch.reconcile.closure import Closure, TooMany
from conflictwatch.reconcile.grouping import event_blocks, grouped
from conflictwatch.reconcile.partition import CHUNK
from conflictwatch.store import Store
from conflictwatch.store.reconciling import ReconcileTx

log = logging.getLogger(__name__)

#: An incremental reconciliation regroups at most a third of the stored incident claims, and always
#: up to this many; past that, rebuilding every event costs about the same (and gives the same).
MIN_LIMIT = 5000


def rules_version() -> str:
    """Fingerprint of the reconciliation code: stored events built by other rules are rebuilt."""
    h = hashlib.sha256()
    pkg = resources.files("conflictwatch.reconcile")
    for f in sorted((f for f in pkg.iterdir() if f.name.endswith(".py")), key=lambda f: f.name):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class Reconciliation:
    """What one reconciliation did."""

    # events written (new or rebuilt); kept only when their claims were grouped in one batch (at most
    # `chunk` claims): a larger reconciliation writes them a batch at a time and counts them (`written`)
    events: list[Event] = field(default_factory=list)
    written: int = 0  # events written
    removed: list[str] = field(default_factory=list)  # ids of events that no longer exist
    claims: int = 0  # incident claims grouped
    total: int = 0  # events in the database afterwards
    disputed: int = 0  # of which disputed
    full: bool = False  # every event was rebuilt
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for humans: "12 events (3 disputed)" (the whole database)."""
        return f"{self.total} event{'s' if self.total != 1 else ''} ({self.disputed} disputed)"

    def describe(self) -> str:
        """What changed: "12 events (3 disputed); 4 events rewritten from 9 claims in 0.1 s"."""
        if not (self.full or self.written or self.removed):
            return f"{self.summary()}; nothing new to reconcile"
        how = "all events rebuilt" if self.full else f"{self.written} events rewritten"
        gone = f", {len(self.removed)} removed" if self.removed else ""
        return f"{self.summary()}; {how}{gone} from {self.claims} claims in {self.seconds:.1f} s"


def reconcile_pending(
    store: Store, carry: dict[str, str] | None = None, *, chunk: int = CHUNK
) -> Reconciliation:
    """Reconcile what changed since the last reconciliation (everything, when the stored events were
    built by other rules). `carry`: claim_id -> event_id for re-extracted claims whose id changed.
    `chunk`: claims grouped at once (the same events whatever its value; memory grows with it)."""
    return _reconcile(store, carry, everything=False, chunk=chunk)


def reconcile_all(
    store: Store, carry: dict[str, str] | None = None, *, chunk: int = CHUNK
) -> Reconciliation:
    """Rebuild every event from all stored incident claims (event ids are kept)."""
    return _reconcile(store, carry, everything=True, chunk=chunk)


class _RaisedThreshold:
    """The process's collection threshold, raised while any reconciliation runs (`_fewer_collections`)."""

    lock = threading.Lock()
    users = 0
    saved: tuple[int, int, int] | None = None


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Grouping makes millions of small objects that live until their batch is written; the garbage
    collector's passes over them, at its default rate, took a tenth of a large reconciliation.
    The threshold is the process's: reconciliations in two threads (the server's writer and a
    request) raise it once, and the last one out restores it (not the other's raised value)."""
    state = _RaisedThreshold
    with state.lock:
        if state.users == 0:
            state.saved = gc.get_threshold()
            gc.set_threshold(max(state.saved[0], 50_000), *state.saved[1:])
        state.users += 1
    try:
        yield
    finally:
        with state.lock:
            state.users -= 1
            if state.users == 0 and state.saved is not None:
                gc.set_threshold(*state.saved)


def _reconcile(store: Store, carry: dict[str, str] | None, everything: bool, chunk: int) -> Reconciliation:
    t0 = time.perf_counter()
    version = rules_version()
    with _fewer_collections(), store.reconciling() as tx:
        result = None
        if not everything:
            if tx.rules() != version:
                log.info("stored events were built by other reconciliation rules: rebuilding all")
            else:
                result = _incremental(tx, carry or {}, chunk)
        if result is None:
            result = _rebuild(tx, carry or {}, chunk)
            tx.set_rules(version)
        tx.clear_pending()
        result.total, result.disputed = tx.counts()
    result.seconds = time.perf_counter() - t0
    return result


def _rebuild(tx: ReconcileTx, carry: dict[str, str], chunk: int) -> Reconciliation:
    _, old_links = tx.pending()
    if tx.incident_count() > chunk:  # a batch of parts at a time (`reconcile.partition`)
        duplicate_of = tx.duplicates()
        part = index_all(tx, {**carry, **old_links}, duplicate_of)
        tx.write_events([], {}, replace_all=True)
        kept, written = regroup(tx, part, duplicate_of, size=chunk, new=True)
        return Reconciliation(events=kept, written=written, claims=len(part), full=True)
    claims = tx.incident_claims()
    previous = {**carry, **old_links, **tx.links()}
    groups = grouped(claims, previous, tx.published(), tx.duplicates())
    events = [e for e, _ in groups]
    tx.write_events(events, event_blocks(groups), replace_all=True)
    return Reconciliation(events=events, written=len(events), claims=len(claims), full=True)


def _incremental(tx: ReconcileTx, carry: dict[str, str], chunk: int) -> Reconciliation | None:
    """None when the claims to regroup grow past a third of the database (rebuild all instead)."""
    articles, old_links = tx.pending()
    if not articles and not old_links:
        return Reconciliation()
    found = Closure(tx, {**carry, **old_links}, limit=max(MIN_LIMIT, tx.incident_count() // 3), keep=chunk)
    try:
        found.add_articles(articles)
        found.add_events(old_links.values())
        found.run()
    except TooMany:
        return None

    touched = found.events | found.linked | set(old_links.values())
    bases = {new_event_id(cid) for cid in found.claims}  # new ids must not hit an untouched event
    taken = tx.existing_events(bases) - touched
    del bases
    if found.kept is not None:  # few claims, all at hand: grouped at once
        claims = [c for cs in found.kept.values() for c in cs if c.claim_id in found.claims]
        context = [c for cs in found.kept.values() for c in cs if c.claim_id not in found.claims]
        previous = {cid: e for cid, i in found.claims.items() if (e := found.part.prev[i]) is not None}
        groups = grouped(claims, previous, found.published, found.duplicate_of, context=context, taken=taken)
        events = [e for e, _ in groups]
        tx.write_events(events, event_blocks(groups), remove=touched)
        return Reconciliation(events=events, written=len(events), claims=len(found.claims),
                              removed=sorted(touched - {e.event_id for e in events}))
    tx.write_events([], {}, remove=touched)
    kept, written = regroup(tx, found.part, found.duplicate_of, size=chunk, taken=taken)
    removed = touched - tx.existing_events(touched)
    return Reconciliation(events=kept, written=written, removed=sorted(removed), claims=len(found.claims))

__all__ = ["Reconciliation", "reconcile_all", "reconcile_pending", "rules_version"]
