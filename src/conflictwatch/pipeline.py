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
- **Events** are rebuilt from all stored claims at the end (`reconcile.rebuild_events`).
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from conflictwatch import __version__
from conflictwatch.budget import Budget
from conflictwatch.extract import extract_claims
from conflictwatch.geo import Geocoder
from conflictwatch.ingest import read_inputs
from conflictwatch.ingest.neardup import SCHEME, NearDuplicateIndex
from conflictwatch.models import CLAIM_ID_SCHEME, Article, Claim, Event, IngestError, normalise_text
from conflictwatch.store import Store
from conflictwatch.store.faults import StoreUnavailable, database_fault

log = logging.getLogger(__name__)

#: Data files that do not change what an article's text yields (ingest layout rules).
_NOT_EXTRACTION_DATA = {"wire_layout.yaml"}


def extractor_version() -> str:
    """Fingerprint of everything that decides which claims a stored article yields.

    The extraction and geocoding code, the rule files (bundled and the user's CONFLICTWATCH_DATA /
    CONFLICTWATCH_PLACES overrides) and the claim-id scheme: when any of them changes, stored
    articles are extracted again on the next run."""
    h = hashlib.sha256(f"claim-ids:{CLAIM_ID_SCHEME}".encode())
    for pkg in ("conflictwatch.extract", "conflictwatch.geo"):
        files = sorted((f for f in resources.files(pkg).iterdir() if f.name.endswith(".py")),
                       key=lambda f: f.name)
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
class RunStats:
    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0  # already stored (same text)
    duplicates: int = 0  # new articles stored as near-duplicates of a stored one
    reextracted: int = 0  # stored articles extracted again (repair, changed extractor, --all)
    claims: int = 0  # claims stored by this run
    errors: list[str] = field(default_factory=list)  # every problem, one line each
    failures: list[ArticleFailure] = field(default_factory=list)  # articles not stored
    events: list[Event] | None = None  # the events after reconciling (None: not reconciled)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def events_summary(self) -> str:
        from conflictwatch.reconcile import summary

        return summary(self.events) if self.events is not None else "not reconciled"

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
        parts.append(self.events_summary)
        return "; ".join(parts)


def near_duplicate_index(store: Store) -> NearDuplicateIndex:
    """The near-duplicate index of `store`'s originals (loaded on first use). A long-lived caller
    that alone writes to the store (the API server) may keep one and pass it to every `run`."""
    return NearDuplicateIndex(
        lambda: list(store.minhashes(SCHEME)),
        store.article_texts,
        lambda aid, sig: store.set_minhash(aid, sig, SCHEME),
    )


def process_article(article: Article, geocoder: Geocoder | None = None,
                    budget: Budget | None = None) -> list[Claim]:
    """Extract and geocode one article's claims, without touching a database.

    With a `budget`, an article over its size raises ArticleTooLarge before any work, and one
    whose extraction and geocoding outlast its time raises ArticleTooSlow.
    Ids are computed last, from the finished claims (geocoding cleans the place name)."""
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
    for c in claims:
        c.claim_id = c.make_id()
    return claims


class _Job:
    """State shared by the steps of one run: store, geocoder, extractor version, statistics."""

    def __init__(self, store: Store, on_item: Callable[[Article | IngestError], None] | None,
                 budget: Budget | None = None, neardup: NearDuplicateIndex | None = None) -> None:
        self.store = store
        self.on_item = on_item
        self.budget = budget if budget is not None else Budget.from_env()
        self.version = extractor_version()
        self.stats = RunStats()
        self._links: dict[str, str] | None = None
        self.carry: dict[str, str] = {}
        self._geocoder: Geocoder | None = None
        self.neardup = neardup if neardup is not None else near_duplicate_index(store)

    @property
    def links(self) -> dict[str, str]:
        """claim -> event of the last reconcile, read at the first re-extraction, before any stored
        claims are replaced (new articles never replace claims). Read lazily: 100,000 links take
        0.5 s, and a run that only adds articles (an API write) never needs them."""
        if self._links is None:
            self._links = self.store.event_links()
        return self._links

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:  # loading the gazetteer takes seconds: only when needed
            self._geocoder = Geocoder.for_store(self.store)
            # one-time loads (the language model, the gazetteer index, built on first use) are
            # not the first article's: they stay outside its time budget
            from conflictwatch.extract.nlp import pipeline as language_model

            language_model()
            self._geocoder.bundled.find("Aleppo", 0)
        return self._geocoder

    def fail(self, article: Article, exc: BaseException) -> None:
        fault = database_fault(exc)
        if fault is not None:  # the database's fault, not the article's: stop here
            raise StoreUnavailable(f"{fault} (at article {article.article_id} of {article.origin})",
                                   self.stats) from exc
        f = ArticleFailure(article.origin, article.article_id or "?", f"{type(exc).__name__}: {exc}")
        self.stats.failures.append(f)
        self.stats.errors.append(str(f))
        log.error("%s", f)

    def add(self, article: Article) -> None:
        """A new article: near-duplicate check, extraction and storage in one transaction."""
        try:
            self.budget.check_size(article.text)  # before the near-duplicate index reads it
            dup, similarity = self.neardup.match(article)
            if dup is not None:
                article.duplicate_of = dup
                log.info("%s: near-duplicate of %s (%.2f)", article.origin, dup, similarity)
            signature = self.neardup.signature(article)
            claims = process_article(article, self.geocoder, self.budget)
            stored = self.store.save_article(
                article, claims, extractor_version=self.version, minhash=signature, minhash_scheme=SCHEME
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            self.fail(article, exc)
            return
        if dup is None:
            self.neardup.add(article.article_id or "", signature)
        else:
            self.stats.duplicates += 1
        self.stats.articles_new += 1
        self.stats.claims += len(stored)

    def redo(self, article_id: str) -> None:
        """Extract a stored article again and replace its claims, in one transaction."""
        article = self.store.get_article(article_id)
        if article is None:
            return
        if self.on_item:
            self.on_item(article)
        self.links  # noqa: B018 - read before this article's claims are replaced
        old = list(self.store.claims(article_id=article_id))
        try:
            claims = process_article(article, self.geocoder, self.budget)
            stored = self.store.save_article(article, claims, extractor_version=self.version)
        except Exception as exc:  # noqa: BLE001
            self.fail(article, exc)
            return
        self._carry_event_ids(old, stored)
        self.stats.reextracted += 1
        self.stats.claims += len(stored)

    def _carry_event_ids(self, old: list[Claim], new: list[Claim]) -> None:
        """A re-extracted claim whose id changed (say, a corrected figure) keeps the event id of the
        claim it replaces: same scope, sentence and place."""
        def key(c: Claim) -> tuple[object, ...]:
            return (c.scope, c.sentence_index, normalise_text(c.location or ""))

        new_ids = {c.claim_id for c in new}
        spare: dict[tuple[object, ...], list[str]] = {}
        for c in old:
            if c.claim_id not in new_ids and c.claim_id in self.links:
                spare.setdefault(key(c), []).append(c.claim_id)
        for c in new:
            if c.claim_id in self.links:
                continue
            olds = spare.get(key(c))
            if olds:
                self.carry[c.claim_id] = self.links[olds.pop(0)]

    def reconcile(self) -> None:
        from conflictwatch.reconcile import rebuild_events

        try:
            self.stats.events = rebuild_events(self.store, self.carry)
        except Exception as exc:
            fault = database_fault(exc)
            if fault is None:
                raise
            raise StoreUnavailable(f"{fault} (rebuilding the events; the articles are stored)",
                                   self.stats) from exc


def run(
    inputs: Iterable[str],
    store: Store,
    published: date | None = None,
    on_item: Callable[[Article | IngestError], None] | None = None,
    *,
    repair: bool = True,
    reconcile: bool = True,
    budget: Budget | None = None,
    neardup: NearDuplicateIndex | None = None,
) -> RunStats:
    """Ingest every input into `store`, repair stored articles, rebuild the events.

    Articles already stored (same text) are skipped, never duplicated. With `repair`, stored
    articles whose claims are missing or come from another extractor version are extracted again.
    With `reconcile`, events are rebuilt from all stored claims at the end. Problems are collected
    in the returned stats (`errors`; `ok` is False when there were any); nothing is raised for bad
    input or a failing article, only StoreUnavailable when the database itself fails. `budget`:
    what one article may cost (default: from the environment, `Budget.from_env`). `neardup`: an
    index of the store's originals kept from an earlier run (`near_duplicate_index`), to save
    loading it again.
    """
    job = _Job(store, on_item, budget, neardup)
    stats = job.stats
    for item in read_inputs(list(inputs), published=published):
        if on_item:
            on_item(item)
        if isinstance(item, IngestError):
            stats.errors.append(str(item))
            log.error("%s", item)
            continue
        stats.articles_read += 1
        if store.has_article(item):
            stats.articles_skipped += 1
            continue
        job.add(item)
    if repair:
        for article_id in store.articles_to_extract(job.version):
            job.redo(article_id)
    if reconcile:
        job.reconcile()
    return stats


def reextract(
    store: Store,
    everything: bool = False,
    on_item: Callable[[Article | IngestError], None] | None = None,
    *,
    reconcile: bool = True,
    budget: Budget | None = None,
) -> RunStats:
    """Extract stored articles again: those whose claims are missing or stale, or all of them.

    Claims that come out unchanged keep their ids (and their events' ids); events are rebuilt."""
    job = _Job(store, on_item, budget)
    for article_id in store.articles_to_extract(job.version, everything=everything):
        job.redo(article_id)
    if reconcile:
        job.reconcile()
    return job.stats
