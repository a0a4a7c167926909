"""The incident claims the whole pipeline finds in a text: what the real-news kinds tests ask of
their sentences (`tests/test_realnews_*.py`), each file with its own publication date."""

from __future__ import annotations

from datetime import date

from conflictwatch import pipeline
from conflictwatch.geo import Geocoder
from conflictwatch.models import Article, Claim


def claims_of(geo: Geocoder, text: str, *, published: date, title: str | None = None) -> list[Claim]:
    """Every claim, incidents and aggregates, in text order."""
    return pipeline.process_article(Article(title=title, text=text, published=published), geo)


def incidents_of(geo: Geocoder, text: str, *, published: date, title: str | None = None) -> list[Claim]:
    return [c for c in claims_of(geo, text, published=published, title=title) if c.scope == "incident"]


def tolls(found: list[Claim]) -> list[int | None]:
    """Each claim's least count of the dead (None: no figure)."""
    return [c.killed.low if c.killed else None for c in found]


def places(found: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    """Each claim's place, province and country."""
    return [(c.location, c.admin1, c.country) for c in found]
