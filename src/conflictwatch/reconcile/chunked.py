"""Reconciling many claims a batch of parts at a time (see `reconcile.partition` for why it is exact).

`index_all` reads every incident claim in one streamed query and indexes it a page of articles at a
time (a full rebuild's claims); `reconcile.closure` indexes the claims an incremental reconciliation
gathers.
`regroup` then reads each batch's claims again, with the other claims of their articles as context
(`matching.echoes` looks at whole articles), groups them and writes their events: memory holds one
batch, not every claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from conflictwatch.models import Claim, Event
from conflictwatch.reconcile.blocks import block_keys, local_key, needs_article
from conflictwatch.reconcile.copies import fold_copies, roots
from conflictwatch.reconcile.grouping import event_blocks, grouped
from conflictwatch.reconcile.matching import prepare
from conflictwatch.reconcile.partition import Partition
from conflictwatch.store.reconciling import ReconcileTx

#: Claims indexed at once (whole articles).
PAGE = 5000


def index_all(tx: ReconcileTx, previous: dict[str, str], duplicate_of: dict[str, str]) -> Partition:
    """Every incident claim, indexed. `previous`: claim_id -> event_id beyond the stored links
    (re-extracted claims: the stored links win)."""
    part = Partition()
    family_root = roots(duplicate_of)
    in_family = set(family_root) | set(family_root.values())
    page: list[Claim] = []
    published: dict[str, date | None] = {}
    links: dict[str, str] = {}
    for c, pub, event_id in tx.stream_incident_claims():  # (a family's claims are indexed together below)
        if c.article_id in in_family:
            continue
        if len(page) >= PAGE and c.article_id not in published:  # a page ends between two articles
            _index(part, page, published, {**previous, **links}, {})
            page, published, links = [], {}, {}
        page.append(c)
        published[c.article_id] = pub
        if event_id is not None:
            links[c.claim_id] = event_id
    _index(part, page, published, {**previous, **links}, {})
    families: dict[str, list[str]] = defaultdict(list)
    for aid in sorted(in_family):
        families[family_root.get(aid, aid)].append(aid)
    batch: list[str] = []
    for n, members in enumerate(families.values(), 1):
        batch += members
        if len(batch) >= PAGE // 2 or n == len(families):
            claims = tx.incident_claims(batch)
            stored = tx.links(c.claim_id for c in claims)
            _index(part, claims, tx.published(batch), {**previous, **stored}, duplicate_of)
            batch = []
    return part


def _index(part: Partition, claims: list[Claim], published: dict[str, date | None],
           previous: dict[str, str], duplicate_of: dict[str, str]) -> None:
    """Index these claims (whole articles; whole families of near-duplicates when `duplicate_of`)."""
    index = {c.claim_id: part.add(c.claim_id, c.article_id) for c in claims}
    by_article: dict[str, list[int]] = defaultdict(list)
    for c in claims:
        i = index[c.claim_id]
        part.set_prev(i, previous.get(c.claim_id))
        by_article[c.article_id].append(i)
    folded: dict[str, str] = {}
    if duplicate_of:
        folded = fold_copies(claims, duplicate_of)
        family_root = roots(duplicate_of)
        first: dict[str, int] = {}
        for c in claims:
            root = family_root.get(c.article_id, c.article_id)
            part.union(index[c.claim_id], first.setdefault(root, index[c.claim_id]))
    primary = [c for c in claims if c.claim_id not in folded]
    for p in prepare(primary, published):
        stored, look = block_keys(p, key_of=local_key)  # (stored keys are computed again to write)
        i = index[p.claim.claim_id]
        part.key(i, stored, look)
        if needs_article(p):  # compared with its own article's claims
            for j in by_article[p.claim.article_id]:
                part.union(i, j)


def regroup(tx: ReconcileTx, part: Partition, duplicate_of: dict[str, str], *, size: int,
            taken: Iterable[str] = (), new: bool = False) -> tuple[list[Event], int]:
    """Group and write the indexed claims a batch of whole parts at a time (`new`: into a table
    emptied for them). Returns the events written when there was one batch (else none: they are
    not kept) and their number."""
    taken = set(taken)
    batches = part.parts(size)
    kept: list[Event] = []
    written = 0
    for members in batches:
        events, blocks = _group(tx, part, members, duplicate_of, taken)
        tx.write_events(events, blocks, new=new)
        written += len(events)
        if len(batches) == 1:
            kept = events
    return kept, written


def _group(tx: ReconcileTx, part: Partition, members: list[int], duplicate_of: dict[str, str],
           taken: set[str]) -> tuple[list[Event], dict[str, set[int]]]:
    index = {part.ids[i]: i for i in members}
    articles = sorted({part.article(i) for i in members})
    claims: list[Claim] = []
    context: list[Claim] = []
    for c in tx.incident_claims(articles):
        (claims if c.claim_id in index else context).append(c)
    previous = {cid: e for cid, i in index.items() if (e := part.prev[i]) is not None}
    groups = grouped(claims, previous, tx.published(articles), duplicate_of, context=context or None,
                     taken=taken)
    return [e for e, _ in groups], event_blocks(groups)


__all__ = ["PAGE", "index_all", "regroup"]
