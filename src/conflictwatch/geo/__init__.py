"""Geo: offline geocoding of claim places against GeoNames/Who's On First and user gazetteers."""

from __future__ import annotations

from conflictwatch.models import Article, Claim


class Geocoder:
    """STUB: being written."""

    @classmethod
    def for_store(cls, store: object) -> "Geocoder":
        return cls()

    def geocode_claims(self, claims: list[Claim], article: Article) -> None:
        return None
