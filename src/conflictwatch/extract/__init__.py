"""Extract: claims (incidents and casualty figures, with sources, dates, places, actors)."""

from __future__ import annotations

from conflictwatch.models import Article, Claim


def extract_claims(article: Article) -> list[Claim]:
    return []  # STUB: being written
