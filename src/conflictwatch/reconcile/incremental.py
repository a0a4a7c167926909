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

So the work grows with the new claims and their blocks, not with the database; `reconcile --all`
(`reconcile_all`) rebuilds every event and gives the same result (tested). When the rules changed
(a new version of this package: `rules_version`), or the stored events have no keys (a database
from before, or events written with `Store.save_events`), the next reconciliation rebuilds all.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from conflictwatch.models import Claim, Event
from conflictwatch.reconcile.blocks import block_keys, needs_article
from conflictwatch.reconcile.build import new_event_id
from conflictwatch.reconcile.copies import fold_copies
from conflictwatch.reconcile.grouping import grouped
from conflictwatch.reconcile.matching import Prepared, prepare
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

    events: list[Event] = field(default_factory=list)  # events written (new or rebuilt)
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
        if not (self.full or self.events or self.removed):
            return f"{self.summary()}; nothing new to reconcile"
        how = "all events rebuilt" if self.full else f"{len(self.events)} events rewritten"
        gone = f", {len(self.removed)} removed" if self.removed else ""
        return f"{self.summary()}; {how}{gone} from {self.claims} claims in {self.seconds:.1f} s"


def reconcile_pending(store: Store, carry: dict[str, str] | None = None) -> Reconciliation:
    """Reconcile what changed since the last reconciliation (everything, when the stored events were
    built by other rules). `carry`: claim_id -> event_id for re-extracted claims whose id changed."""
    return _reconcile(store, carry, everything=False)


def reconcile_all(store: Store, carry: dict[str, str] | None = None) -> Reconciliation:
    """Rebuild every event from all stored incident claims (event ids are kept)."""
    return _reconcile(store, carry, everything=True)


def _reconcile(store: Store, carry: dict[str, str] | None, everything: bool) -> Reconciliation:
    t0 = time.perf_counter()
    version = rules_version()
    with store.reconciling() as tx:
        result = None
        if not everything:
            if tx.rules() != version:
                log.info("stored events were built by other reconciliation rules: rebuilding all")
            else:
                result = _incremental(tx, carry or {})
        if result is None:
            result = _rebuild(tx, carry or {})
            tx.set_rules(version)
        tx.clear_pending()
        result.total, result.disputed = tx.counts()
    result.seconds = time.perf_counter() - t0
    return result


def _blocks(groups: list[tuple[Event, list[Prepared]]]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for e, members in groups:
        keys: set[int] = set()
        for p in members:
            keys |= block_keys(p, look_too=False)[0]
        out[e.event_id] = keys
    return out


def _rebuild(tx: ReconcileTx, carry: dict[str, str]) -> Reconciliation:
    claims = tx.incident_claims()
    _, old_links = tx.pending()
    previous = {**carry, **old_links, **tx.links()}
    groups = grouped(claims, previous, tx.published(), tx.duplicates())
    events = [e for e, _ in groups]
    tx.write_events(events, _blocks(groups), replace_all=True)
    return Reconciliation(events=events, claims=len(claims), full=True)


def _incremental(tx: ReconcileTx, carry: dict[str, str]) -> Reconciliation | None:
    """None when the claims to regroup grow past a third of the database (rebuild all instead)."""
    articles, old_links = tx.pending()
    if not articles and not old_links:
        return Reconciliation()
    found = _Closure(tx, limit=max(MIN_LIMIT, tx.incident_count() // 3))
    try:
        found.add_claims(tx.incident_claims(articles))
        found.add_events(old_links.values())
        found.run()
    except TooMany:
        return None

    claims = list(found.claims.values())
    links = tx.links(found.claims)
    touched = found.events | set(links.values()) | set(old_links.values())
    previous = {**carry, **old_links, **links}
    bases = {new_event_id(c.claim_id) for c in claims}  # new ids must not hit an untouched event
    taken = tx.existing_events(bases) - touched
    groups = grouped(claims, previous, found.published, found.duplicate_of, context=found.context(),
                     taken=taken)
    events = [e for e, _ in groups]
    tx.write_events(events, _blocks(groups), remove=touched)
    return Reconciliation(events=events, removed=sorted(touched - {e.event_id for e in events}),
                          claims=len(claims))


class TooMany(Exception):  # noqa: N818 - a signal, not an error
    """The claims to regroup are a large part of the database: rebuilding all is as cheap."""


class _Closure:
    """The claims a reconciliation must regroup: see the module docstring, step 2."""

    def __init__(self, tx: ReconcileTx, limit: int | None = None) -> None:
        self.tx = tx
        self.limit = limit
        self.claims: dict[str, Claim] = {}  # gathered (to regroup)
        self.events: set[str] = set()  # events whose claims are gathered (to rewrite or remove)
        self.siblings: dict[str, list[Claim]] = {}  # article -> all its incident claims
        self.published: dict[str, date | None] = {}
        self.duplicate_of: dict[str, str] = {}  # near-duplicate links within gathered families
        self._folded: dict[str, str] = {}  # claims of copies that repeat their original's
        self._new_events: set[str] = set()
        self._unkeyed: list[Claim] = []  # gathered claims whose keys were not looked up yet

    def add_claims(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            if c.claim_id not in self.claims:
                self.claims[c.claim_id] = c
                self._unkeyed.append(c)
        if self.limit is not None and len(self.claims) > self.limit:
            raise TooMany

    def add_events(self, event_ids: Iterable[str]) -> None:
        self._new_events.update(e for e in event_ids if e not in self.events)

    def context(self) -> list[Claim]:
        """Claims of the gathered claims' articles that are not gathered themselves."""
        return [c for cs in self.siblings.values() for c in cs if c.claim_id not in self.claims]

    def run(self) -> None:
        while self._new_events or self._unkeyed:
            if self._new_events:
                new, self._new_events = self._new_events, set()
                self.events |= new
                self.add_claims(self.tx.event_claims(new))
            if self._unkeyed:
                self._look_up()

    def _load_articles(self, batch: list[Claim]) -> None:
        """Siblings, family and publication date of the batch's articles; a family's claims are all
        gathered (which copy repeats which claim is decided over the whole family)."""
        new = {c.article_id for c in batch} - self.siblings.keys()
        while new:
            family = self.tx.families(new)
            members = (set(family) | set(family.values())) - self.siblings.keys() - new
            load = new | members
            for aid in load:
                self.siblings[aid] = []
            for c in self.tx.incident_claims(load):
                self.siblings[c.article_id].append(c)
            self.published.update(self.tx.published(load))
            if family.keys() - self.duplicate_of.keys():
                self.duplicate_of.update(family)
                in_family = set(self.duplicate_of) | set(self.duplicate_of.values())
                members_claims = [c for a in in_family for c in self.siblings.get(a, ())]
                self.add_claims(members_claims)
                self._folded = fold_copies(members_claims, self.duplicate_of)
            new = {c.article_id for c in self._unkeyed} - self.siblings.keys()

    def _look_up(self) -> None:
        batch, self._unkeyed = self._unkeyed, []
        self._load_articles(batch)
        batch += self._unkeyed  # family members gathered while loading
        self._unkeyed = []
        keyed = [c for c in batch if c.claim_id not in self._folded]
        ids = {c.claim_id for c in keyed}
        context = [c for a in {c.article_id for c in keyed} for c in self.siblings[a]
                   if c.claim_id not in ids and c.claim_id not in self._folded]
        look: set[int] = set()
        for p in prepare(keyed, self.published, context):
            look |= block_keys(p)[1]
            if needs_article(p):  # compared with its own article's claims
                self.add_claims(self.siblings[p.claim.article_id])
        self.add_events(self.tx.events_sharing(look))
        self.add_events(self.tx.links(c.claim_id for c in batch).values())


__all__ = ["Reconciliation", "reconcile_all", "reconcile_pending", "rules_version"]
