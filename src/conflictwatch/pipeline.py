"""The main job: ingest -> extract -> geocode -> store -> reconcile, as one function."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from conflictwatch.extract import extract_claims
from conflictwatch.geo import Geocoder
from conflictwatch.ingest import read_inputs
from conflictwatch.models import Article, Claim, IngestError
from conflictwatch.store import Store

log = logging.getLogger(__name__)


@dataclass
class RunStats:
    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0  # already stored
    claims: int = 0
    errors: list[str] = field(default_factory=list)


def process_article(article: Article, geocoder: Geocoder | None = None) -> list[Claim]:
    """Extract and geocode one article's claims, without touching a database."""
    claims = extract_claims(article)
    if geocoder is not None:
        geocoder.geocode_claims(claims, article)
    return claims


def run(
    inputs: Iterable[str],
    store: Store,
    published: date | None = None,
    on_item: Callable[[Article | IngestError], None] | None = None,
) -> RunStats:
    """Ingest every input into `store`; articles already stored are skipped, never duplicated."""
    stats = RunStats()
    geocoder = Geocoder.for_store(store)
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
        try:
            claims = process_article(item, geocoder)
            store.add_article(item)
        except ValueError as exc:
            msg = f"{item.origin or item.article_id}: {exc}"
            stats.errors.append(msg)
            log.error("%s", msg)
            continue
        stats.claims += store.replace_claims(item.article_id or "", claims)
        stats.articles_new += 1
    return stats
