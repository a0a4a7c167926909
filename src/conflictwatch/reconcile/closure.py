"""The claims an incremental reconciliation must regroup (`reconcile.incremental`, step 2).

Starting from the pending articles' incident claims and the events their earlier claims were
linked to, it gathers, until nothing new comes in: the claims of every event linked to a gathered
claim or sharing a blocking key with one (`reconcile.blocks`), the whole family of a near-duplicate
article, and the claims of an article whose claim without a place or country is compared with its
own article's claims.

The gathered claims are indexed in a `Partition` as they come: an article's claims are read once and
keyed (with the article's other claims, as `matching.echoes` needs). They are kept while they are
few (`keep`), to be grouped at once; past that they are dropped, so the closure of many pending
claims holds a few hundred bytes a claim, and `reconcile.chunked` reads them again a batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from conflictwatch.models import Claim
from conflictwatch.reconcile.blocks import block_keys, needs_article
from conflictwatch.reconcile.copies import fold_copies, roots
from conflictwatch.reconcile.matching import prepare
from conflictwatch.reconcile.partition import Partition
from conflictwatch.store.reconciling import ReconcileTx


class TooMany(Exception):  # noqa: N818 - a signal, not an error
    """The claims to regroup are a large part of the database: rebuilding all is as cheap."""


class Closure:
    """The claims to regroup (`part`), the events they come from (`events`) and the near-duplicate
    links of their families (`duplicate_of`)."""

    def __init__(self, tx: ReconcileTx, previous: dict[str, str], limit: int | None = None,
                 keep: int = 0) -> None:
        self.tx = tx
        self.limit = limit
        self.keep = keep
        # the claims of every article read, and their publication dates, while at most `keep` claims
        self.kept: dict[str, list[Claim]] | None = {}
        self.published: dict[str, date | None] = {}
        self._n_kept = 0
        self.part = Partition()
        self.previous = previous  # claim_id -> event_id beyond the stored links (these win)
        self.claims: dict[str, int] = {}  # gathered claim -> its index in `part`
        self.events: set[str] = set()  # events whose claims are gathered (to rewrite or remove)
        self.linked: set[str] = set()  # events the gathered claims are linked to
        self.duplicate_of: dict[str, str] = {}  # near-duplicate links within gathered families
        self._siblings: dict[str, list[str]] = {}  # article read -> its incident claims
        self._keys: dict[str, tuple[set[int], set[int], bool]] = {}  # claims read, not yet keyed
        self._new_events: set[str] = set()
        self._unkeyed: list[str] = []  # gathered claims whose keys were not looked up yet

    def add_claims(self, claims: Iterable[tuple[str, str]]) -> None:
        """Gather these (claim_id, article_id)."""
        for cid, aid in claims:
            if cid not in self.claims:
                self.claims[cid] = self.part.add(cid, aid)
                self._unkeyed.append(cid)
        if self.limit is not None and len(self.claims) > self.limit:
            raise TooMany

    def add_articles(self, article_ids: Iterable[str]) -> None:
        """Gather these articles' incident claims."""
        articles = set(article_ids)
        self._read(articles)
        for aid in articles:
            self.add_claims((cid, aid) for cid in self._siblings[aid])

    def add_events(self, event_ids: Iterable[str]) -> None:
        self._new_events.update(e for e in event_ids if e not in self.events)

    def run(self) -> None:
        while self._new_events or self._unkeyed:
            if self._new_events:
                new, self._new_events = self._new_events, set()
                self.events |= new
                self.add_claims(self.tx.event_members(new))
            if self._unkeyed:
                self._look_up()

    def _read(self, articles: set[str]) -> None:
        """Read these articles' claims (and the whole families of near-duplicates among them): key
        each one now, while its article's claims are at hand; a family's claims are all gathered
        (which copy repeats which claim is decided over the whole family)."""
        new = articles - self._siblings.keys()
        while new:
            family = self.tx.families(new)
            load = new | ((set(family) | set(family.values())) - self._siblings.keys())
            claims = self.tx.incident_claims(load)
            published = self.tx.published(load)
            for aid in load:
                self._siblings[aid] = []
            for c in claims:
                self._siblings[c.article_id].append(c.claim_id)
            self._keep(claims, published)
            folded: dict[str, str] = {}
            if family.keys() - self.duplicate_of.keys():  # families come whole, each once
                self.duplicate_of.update(family)
                root = roots(family)
                kin_articles = set(root) | set(root.values())
                kin = [c for c in claims if c.article_id in kin_articles]
                folded = fold_copies(kin, family)
                self.add_claims((c.claim_id, c.article_id) for c in kin)
                first: dict[str, int] = {}
                for c in kin:
                    i = self.claims[c.claim_id]
                    self.part.union(i, first.setdefault(root.get(c.article_id, c.article_id), i))
            for c in claims:
                if c.claim_id in folded:
                    self._keys[c.claim_id] = (set(), set(), False)
            primary = [c for c in claims if c.claim_id not in folded]
            for p in prepare(primary, published):
                self._keys[p.claim.claim_id] = (*block_keys(p), needs_article(p))
            new = {self.part.article(self.claims[cid]) for cid in self._unkeyed} - self._siblings.keys()

    def _keep(self, claims: list[Claim], published: dict[str, date | None]) -> None:
        if self.kept is None:
            return
        self._n_kept += len(claims)
        if self._n_kept > self.keep:
            self.kept, self.published = None, {}
            return
        for c in claims:
            self.kept.setdefault(c.article_id, []).append(c)
        self.published.update(published)

    def _look_up(self) -> None:
        self._read({self.part.article(self.claims[cid]) for cid in self._unkeyed})
        batch, self._unkeyed = self._unkeyed, []
        look: set[int] = set()
        for cid in batch:
            i = self.claims[cid]
            stored, lk, needs = self._keys.pop(cid, (set(), set(), False))  # (only incident claims are read)
            self.part.key(i, stored, lk)
            look |= lk
            if needs:  # compared with its own article's claims
                aid = self.part.article(i)
                self.add_claims((s, aid) for s in self._siblings[aid])
                for s in self._siblings[aid]:
                    self.part.union(i, self.claims[s])
        self.add_events(self.tx.events_sharing(look))
        links = self.tx.links(batch)
        for cid in batch:
            self.part.set_prev(self.claims[cid], links.get(cid) or self.previous.get(cid))
        self.linked.update(links.values())
        self.add_events(links.values())


__all__ = ["Closure", "TooMany"]
