"""ACLED-style `event_id_cnty` values; country codes come from `conflictwatch.countries`."""

from __future__ import annotations

from conflictwatch.countries import iso3


def event_id_cnty(event_id: str, country: str | None) -> str:
    """ACLED-style id: `{ISO3}-{event_id}`, or `XXX-{event_id}` when the country is unknown."""
    return f"{iso3(country) or 'XXX'}-{event_id}"


__all__ = ["event_id_cnty", "iso3"]
