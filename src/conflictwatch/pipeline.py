"""The main job: ingest -> extract -> geocode -> store -> reconcile, as one function (`run`).

The command line, and any other front end, calls `run` (or `reextract`) and only presents the
result. What the job guarantees:

- **One transaction per article.** An article's row, its claims and the removal of their old event
  links are written together or not at all (`Store.save_article`). An article that fails (in
  extraction, geocoding or storage) is reported with its file, id and reason in
  `RunStats.failures`, nothing of it is stored, and the run goes on; the next run tries it again.
- **Repair.** Every article records the extractor version that produced its stored claims. An
  article without one (stored by a crashed earlier version) or with another version (the rules
  changed) is extracted again by the next `run`, or by `reextract`. Claim ids derive from the
  claim's content, so an unchanged claim keeps its id, and its event keeps its id too.
- **Near-duplicates.** A new article that copies a stored one (`ingest.neardup`) is stored linked
  to it (`duplicate_of`); reconcile counts the repeated claims once.
- **Streaming.** Input is read as it is processed, in chunks, with a bounded number in flight:
  memory does not grow with the corpus. An interrupted run (Ctrl-C, kill -9) leaves whole
  articles only; the next run skips them (by content hash, before extracting) and goes on.
- **Parallel, same result.** Extraction may run in worker processes or on a Dask cluster
  (`parallel.ExecutorSpec`); this process alone writes, in input order, so the database ends up
  exactly as a single-process run leaves it.
- **Events**: at the end, the new claims are reconciled with the events of their blocks
  (`reconcile.reconcile_pending`); a run killed before that leaves the work to the next one.
- **Budgets.** An article over the per-article size or time budget (`conflictwatch.budget`) fails
  like any other: reported, not stored, tried again next run.
- **Database faults** (locked, disk full, file deleted, server gone) are not one article's: the job
  stops at the first with `StoreUnavailable` saying what happened (`store.faults`); what was
  stored before is whole, and running the job again stores the rest.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from conflictwatch import __version__
from conflictwatch.budget import Budget
from conflictwatch.ingest import read_inputs
from conflictwatch.ingest.neardup import SCHEME, NearDuplicateIndex
from conflictwatch.models import CLAIM_ID_SCHEME, Article, Claim, Event, IngestError, normalise_text
from conflictwatch.parallel import ExecutorSpec, Processed, Slot, Work, ordered
from conflictwatch.store.faults import StoreUnavailable, database_fault

if TYPE_CHECKING:
    from conflictwatch.geo import Geocoder
    from conflictwatch.reconcile import Reconciliation
    from conflictwatch.store import Store

log = logging.getLogger(__name__)

#: Data files that do not change what an article's text yields (ingest layout rules).
_NOT_EXTRACTION_DATA = {"wire_layout.yaml"}


def extractor_version() -> str:
    """Fingerprint of everything that decides which claims a stored article yields.

    The extraction and geocoding code, the rule files (bundled and the user's CONFLICTWATCH_DATA /
    CONFLICTWATCH_PLACES overrides) and the claim-id scheme: when any of them changes, stored
    articles are extracted again on the next run."""
    h = hashlib.sha256(f"claim-ids:{CLAIM_ID_SCHEME}".encode())
    # read as folders of the package, not imported: a run with nothing new never loads the extractor
    for pkg in ("conflictwatch.extract", "conflictwatch.geo"):
        folder = resources.files("conflictwatch").joinpath(pkg.removeprefix("conflictwatch."))
        files = sorted((f for f in folder.iterdir() if f.name.endswith(".py")), key=lambda f: f.name)
        for f in files:
            h.update(f"{pkg}/{f.name}".encode())
            h.update(f.read_bytes())
    data = resources.files("conflictwatch.data")
    names = sorted(f.name for f in data.iterdir() if f.name.endswith(".yaml"))
    user_dir = os.environ.get("CONFLICTWATCH_DATA")
    for name in names:
        if name in _NOT_EXTRACTION_DATA:
            continue
        h.update(name.encode())
        h.update(data.joinpath(name).read_bytes())
        if user_dir and (Path(user_dir) / name).is_file():
            h.update(b"user:" + (Path(user_dir) / name).read_bytes())
    places = os.environ.get("CONFLICTWATCH_PLACES")
    if places and Path(places).is_file():
        h.update(b"places:" + Path(places).read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


@dataclass
class ArticleFailure:
    """An article that could not be stored whole: nothing of it was written."""

    origin: str | None  # "file.txt:12"
    article_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin or '<stored>'}: article {self.article_id}: {self.reason}"


@dataclass
class ArticleReport:
    """What one article gave: an analyst reads by hand those with no claim or no place."""

    article_id: str
    origin: str | None
    title: str | None
    claims: int
    incidents: int
    placeless: int  # incident claims with no place (or only a country)

    @property
    def understood(self) -> bool:
        return self.claims > 0 and self.placeless == 0

    def __str__(self) -> str:
        where = self.origin or self.article_id
        title = f" {self.title[:60]!r}" if self.title else ""
        if not self.claims:
            return f"{where}{title}: no claims"
        return (f"{where}{title}: {self.claims} claims, {self.placeless} of {self.incidents} incidents "
                "without a place")


def report_of(article: Article, claims: list[Claim]) -> ArticleReport:
    incidents = [c for c in claims if c.scope == "incident"]
    placeless = sum(1 for c in incidents if not c.location)
    return ArticleReport(article.article_id or "", article.origin, article.title, len(claims),
                         len(incidents), placeless)


@dataclass
class RunStats:
    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0  # already stored (same text)
    duplicates: int = 0  # new articles stored as near-duplicates of a stored one
    reextracted: int = 0  # stored articles extracted again (repair, changed extractor, --all)
    claims: int = 0  # claims stored by this run
    errors: list[str] = field(default_factory=list)  # every problem, one line each
    failures: list[ArticleFailure] = field(default_factory=list)  # articles not stored
    articles: list[ArticleReport] = field(default_factory=list)  # per article extracted in this run
    reconciled: Reconciliation | None = None  # what the reconciliation did (None: not reconciled)
    seconds: float = 0.0  # the whole run
    reconcile_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def events(self) -> list[Event] | None:
        """The events this run's reconciliation wrote (new or changed; None: not reconciled). Only
        when it grouped its claims in one batch: see `Reconciliation.events` (`.written` counts)."""
        return self.reconciled.events if self.reconciled is not None else None

    @property
    def events_summary(self) -> str:
        """Events in the database after the run: "12 events (3 disputed)"."""
        return self.reconciled.summary() if self.reconciled is not None else "not reconciled"

    def describe(self) -> str:
        """One line for people: what was read, stored, repaired and reconciled."""
        parts = []
        if self.articles_read or not self.reextracted:
            parts.append(f"{self.articles_read} articles read: {self.articles_new} new, "
                         f"{self.articles_skipped} already stored")
        if self.duplicates:
            parts.append(f"{self.duplicates} near-duplicates of stored articles")
        if self.reextracted:
            parts.append(f"{self.reextracted} stored articles re-extracted")
        if self.failures:
            parts.append(f"{len(self.failures)} articles failed")
        parts.append(f"{self.claims} claims extracted")
        silent = sum(1 for a in self.articles if not a.claims)
        placeless = sum(1 for a in self.articles if a.claims and a.placeless)
        if silent or placeless:
            parts.append(f"{silent} articles gave no claims, {placeless} gave claims without a place")
        parts.append(self.events_summary)
        return "; ".join(parts)


def __getattr__(name: str) -> object:
    if name == "extract_claims":
        return _extractor()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _extractor() -> Callable[[Article], list[Claim]]:
    """`extract.extract_claims`, imported on first use: a run with nothing new, and a writing
    process whose articles a worker extracts (`early`), never load the extractor (~0.3 s). It is
    looked up here, as `pipeline.extract_claims`, so that tests may replace it."""
    fn = globals().get("extract_claims")
    if fn is None:
        from conflictwatch.extract import extract_claims as fn

        globals()["extract_claims"] = fn
    return fn  # type: ignore[no-any-return]


def process_article(article: Article, geocoder: Geocoder | None = None,
                    budget: Budget | None = None) -> list[Claim]:
    """Extract and geocode one article's claims, without touching a database.

    With a `budget`, an article over its size raises ArticleTooLarge before any work, and one
    whose extraction and geocoding outlast its time raises ArticleTooSlow.
    Ids are computed last, from the finished claims (geocoding cleans the place name)."""
    extract_claims = _extractor()
    if budget is None:
        claims = extract_claims(article)
        if geocoder is not None:
            geocoder.geocode_claims(claims, article)
    else:
        budget.check_size(article.text)
        with budget.deadline():
            claims = extract_claims(article)
            if geocoder is not None:
                geocoder.geocode_claims(claims, article)
    if geocoder is not None and claims:
        from conflictwatch.extract.bycountry import name_by_country

        name_by_country(claims, article)  # "troops" in Jos: Nigeria's, once the geocoder knows
    for c in claims:
        c.claim_id = c.make_id()
    return claims


Item = Article | IngestError


class _Job:
    """State shared by the steps of one run: store, geocoder, extractor version, statistics.

    Every write happens here, in this process and in input order; `parallel.ordered` brings the
    extraction results back in that order whoever computed them."""

    def __init__(self, store: Store, on_item: Callable[[Item], None] | None, spec: ExecutorSpec,
                 budget: Budget | None = None) -> None:
        self.store = store
        self.on_item = on_item
        self.spec = spec
        self.budget = budget if budget is not None else Budget.from_env()
        self.version = extractor_version()
        self.stats = RunStats()
        self.carry: dict[str, str] = {}
        self._geocoder: Geocoder | None = None
        self.neardup = NearDuplicateIndex(store.near_duplicate_candidates, store.article_texts,
                                          lambda ids: store.minhash_signatures(ids, SCHEME))

    @property
    def geocoder(self) -> Geocoder:
        """The geocoder, made on first use (a run with nothing new never opens the gazetteer).
        Its models are loaded by the process that extracts (`parallel.warm`): with worker
        processes, this one never loads the language model (1.3 s of CPU and of start-up)."""
        if self._geocoder is None:
            from conflictwatch.geo import Geocoder

            self._geocoder = Geocoder.for_store(self.store)
        return self._geocoder

    def stop_on_fault(self, exc: BaseException, where: str = "") -> None:
        """Stop the job (StoreUnavailable, with what it did so far) when `exc` is the database's
        fault rather than one article's; else return."""
        fault = database_fault(exc)
        if fault is not None:
            raise StoreUnavailable(f"{fault}{where}", self.stats) from exc

    def fail(self, article: Article, error: BaseException | str) -> None:
        """One article not stored (reported, tried again next run); a database fault stops the job."""
        if isinstance(error, BaseException):
            self.stop_on_fault(error, f" (at article {article.article_id} of {article.origin})")
            error = f"{type(error).__name__}: {error}"
        f = ArticleFailure(article.origin, article.article_id or "?", error)
        self.stats.failures.append(f)
        self.stats.errors.append(str(f))
        log.error("%s", f)

    def stream(self, slots: Iterable[Slot[Item]], handle: Callable[[Item, Processed | None], None]) -> None:
        # closing(): an exception here (Ctrl-C, a dying disk) stops the workers before it goes on
        try:
            with closing(ordered(slots, self.spec, lambda: self.geocoder, self.version)) as results:
                for slot, result in results:
                    handle(slot.item, result)
                    if self.on_item:
                        self.on_item(slot.item)
        except StoreUnavailable:
            raise
        except Exception as exc:  # a read that failed (is it stored?): the database's fault, not the item's
            self.stop_on_fault(exc)
            raise

    # -- new input -------------------------------------------------------------------
    def read(self, items: Iterable[Item]) -> Iterator[Slot[Item]]:
        """Input items as slots; an article already stored (same text) is not sent to extraction.

        Asked of the store a chunk at a time (`spec.chunk` items, as far ahead as extraction reads
        anyway): one statement instead of one per article."""
        it = iter(items)
        while batch := list(islice(it, max(1, self.spec.chunk))):
            known = self.store.stored_hashes(a.hash for a in batch if isinstance(a, Article))
            for item in batch:
                if isinstance(item, Article) and item.hash not in known:
                    yield Slot(item, Work(item, budget=self.budget))
                else:
                    yield Slot(item)

    def take(self, item: Item, result: Processed | None) -> None:
        """One input item, in input order: report it, skip it, or store it with its claims."""
        stats = self.stats
        if isinstance(item, IngestError):
            stats.errors.append(str(item))
            log.error("%s", item)
            return
        stats.articles_read += 1
        if result is None:  # stored before this run
            stats.articles_skipped += 1
            return
        if result.error is not None:
            if self.store.has_article(item):  # stored meanwhile: an earlier copy in this input
                stats.articles_skipped += 1
                return
            log.debug("%s", result.trace)
            self.fail(item, result.error)
            return
        given = item.duplicate_of
        try:
            sig = result.signature or self.neardup.signature(item)
            dup, similarity = self.neardup.match(item, sig)
            if dup is not None:
                item.duplicate_of = dup
            # stored meanwhile (earlier in this input, or by another run): None, and skipped
            stored = self.store.save_if_new(
                item, result.claims, extractor_version=self.version, minhash=sig.blob, minhash_scheme=SCHEME,
                bands=sig.bands,
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            self.fail(item, exc)
            return
        if stored is None:
            item.duplicate_of = given
            stats.articles_skipped += 1
            return
        if dup is not None:
            log.info("%s: near-duplicate of %s (%.2f)", item.origin, dup, similarity)
            stats.duplicates += 1
        stats.articles_new += 1
        stats.claims += len(stored)
        stats.articles.append(report_of(item, stored))

    # -- repair ----------------------------------------------------------------------
    def stale(self, everything: bool = False) -> Iterator[Slot[Item]]:
        """Stored articles to extract again, read one at a time."""
        for article_id in self.store.articles_to_extract(self.version, everything=everything):
            article = self.store.get_article(article_id)
            if article is not None:
                yield Slot(article, Work(article, signature=False, budget=self.budget))

    def redo(self, item: Item, result: Processed | None) -> None:
        """Replace a stored article's claims with a fresh extraction's, in one transaction."""
        assert isinstance(item, Article) and result is not None
        if result.error is not None:
            log.debug("%s", result.trace)
            self.fail(item, result.error)
            return
        article_id = item.article_id or ""
        old = list(self.store.claims(article_id=article_id))
        links = self.store.event_links(c.claim_id for c in old)  # before its claims are replaced
        try:
            extra: dict[str, object] = {}
            if item.duplicate_of is None and not self._has_signature(article_id):
                sig = self.neardup.signature(item)  # stored by a version without the index
                extra = {"minhash": sig.blob, "minhash_scheme": SCHEME, "bands": sig.bands}
            stored = self.store.save_article(item, result.claims, extractor_version=self.version,
                                             **extra)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            self.fail(item, exc)
            return
        self._carry_event_ids(old, stored, links)
        self.stats.reextracted += 1
        self.stats.claims += len(stored)
        self.stats.articles.append(report_of(item, stored))

    def _has_signature(self, article_id: str) -> bool:
        return self.store.has_minhash(article_id, SCHEME)

    def _carry_event_ids(self, old: list[Claim], new: list[Claim], links: dict[str, str]) -> None:
        """A re-extracted claim whose id changed (say, a corrected figure) keeps the event id of the
        claim it replaces: same scope, sentence and place."""
        def key(c: Claim) -> tuple[object, ...]:
            return (c.scope, c.sentence_index, normalise_text(c.location or ""))

        new_ids = {c.claim_id for c in new}
        spare: dict[tuple[object, ...], list[str]] = {}
        for c in old:
            if c.claim_id not in new_ids and c.claim_id in links:
                spare.setdefault(key(c), []).append(c.claim_id)
        for c in new:
            if c.claim_id in links:
                continue
            olds = spare.get(key(c))
            if olds:
                self.carry[c.claim_id] = links[olds.pop(0)]

    def reconcile(self) -> None:
        from conflictwatch.reconcile import reconcile_pending

        t = time.perf_counter()
        try:
            self.stats.reconciled = reconcile_pending(self.store, self.carry)
        except Exception as exc:
            self.stop_on_fault(exc, " (reconciling the events; the articles are stored)")
            raise
        self.stats.reconcile_seconds = time.perf_counter() - t


def run(
    inputs: Iterable[str],
    store: Store,
    published: date | None = None,
    on_item: Callable[[Article | IngestError], None] | None = None,
    *,
    repair: bool = True,
    reconcile: bool = True,
    spec: ExecutorSpec | None = None,
    budget: Budget | None = None,
) -> RunStats:
    """Ingest every input into `store`, repair stored articles, rebuild the events.

    Articles already stored (same text) are skipped, never duplicated. With `repair`, stored
    articles whose claims are missing or come from another extractor version are extracted again.
    With `reconcile`, the stored claims no reconciliation has seen yet (this run's, and any an
    interrupted run left) are reconciled at the end with the events of their blocks. Problems are
    collected in the returned stats (`errors`; `ok` is False when there were any); nothing is
    raised for bad input or a failing article, only StoreUnavailable when the database itself
    fails. `spec` says where extraction runs (default: this process); `on_item` is called for every
    item once it is done with, in input order. `budget`: what one article may cost (default: from
    the environment, `Budget.from_env`).
    """
    return run_items(read_inputs(list(inputs), published=published), store, on_item,
                     repair=repair, reconcile=reconcile, spec=spec, budget=budget)


def run_items(
    items: Iterable[Article | IngestError],
    store: Store,
    on_item: Callable[[Article | IngestError], None] | None = None,
    *,
    repair: bool = True,
    reconcile: bool = True,
    spec: ExecutorSpec | None = None,
    budget: Budget | None = None,
) -> RunStats:
    """`run` over items already read (articles from feeds, `watch`, the API)."""
    t = time.perf_counter()
    job = _Job(store, on_item, spec or ExecutorSpec(), budget)
    if reconcile:  # imported now, not after the articles: an early worker may be extracting them
        import conflictwatch.reconcile  # noqa: F401
    if repair:
        job.stream(job.stale(), job.redo)
    job.stream(job.read(items), job.take)
    if reconcile:
        job.reconcile()
    job.stats.seconds = time.perf_counter() - t
    return job.stats


def reextract(
    store: Store,
    everything: bool = False,
    on_item: Callable[[Article | IngestError], None] | None = None,
    *,
    reconcile: bool = True,
    spec: ExecutorSpec | None = None,
    budget: Budget | None = None,
) -> RunStats:
    """Extract stored articles again: those whose claims are missing or stale, or all of them.

    Claims that come out unchanged keep their ids (and their events' ids); events are rebuilt."""
    t = time.perf_counter()
    job = _Job(store, on_item, spec or ExecutorSpec(), budget)
    job.stream(job.stale(everything), job.redo)
    if reconcile:
        job.reconcile()
    job.stats.seconds = time.perf_counter() - t
    return job.stats
