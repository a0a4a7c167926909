"""Country reference data: ISO 3166 codes, ACLED and UCDP regions, Gleditsch-Ward numbers.

One table (`data/countries.tsv`, built by `scripts/build_countries.py`) serves every stage that
needs a country's codes: ACLED's `event_id_cnty`/`iso`/`region` and UCDP GED's `country_id`/
`region` in the exports. A user adds or corrects rows with a `countries.tsv` of the same header in
the folder named by CONFLICTWATCH_DATA (rows with the same `iso3` replace the bundled ones).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from unidecode import unidecode

FILE = "countries.tsv"


@dataclass(frozen=True)
class Country:
    """One row of the country table."""

    iso3: str
    iso2: str
    iso_numeric: int
    name: str
    acled_region: str
    gwno: int | None  # Gleditsch-Ward state number (UCDP's country_id); None for territories
    ged_region: str | None  # UCDP region: Africa, Americas, Asia, Europe, Middle East
    aliases: tuple[str, ...] = ()


def _key(value: str) -> str:
    """Case-, accent-, punctuation- and 'the'-insensitive lookup key."""
    v = unidecode(value).lower().replace(".", "").replace(",", " ")
    v = " ".join(v.split())
    return v.removeprefix("the ")


def _rows(text: str) -> list[Country]:
    out = []
    for r in csv.DictReader(io.StringIO(text), delimiter="\t"):
        gw = (r.get("gwno") or "").strip()
        out.append(
            Country(
                iso3=r["iso3"].strip().upper(),
                iso2=r["iso2"].strip().upper(),
                iso_numeric=int(r["iso_numeric"]),
                name=r["name"].strip(),
                acled_region=r["acled_region"].strip(),
                gwno=int(gw) if gw else None,
                ged_region=(r.get("ged_region") or "").strip() or None,
                aliases=tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()),
            )
        )
    return out


@cache
def table() -> dict[str, Country]:
    """iso3 -> Country, the bundled rows overlaid with the user's (CONFLICTWATCH_DATA)."""
    text = resources.files("conflictwatch.data").joinpath(FILE).read_text("utf-8")
    rows = {c.iso3: c for c in _rows(text)}
    user_dir = os.environ.get("CONFLICTWATCH_DATA")
    if user_dir and (Path(user_dir) / FILE).exists():
        rows.update({c.iso3: c for c in _rows((Path(user_dir) / FILE).read_text("utf-8"))})
    return rows


@cache
def _index() -> dict[str, Country]:
    idx: dict[str, Country] = {}
    for c in table().values():
        for name in (c.iso3, c.iso2, c.name, *c.aliases):
            idx.setdefault(_key(name), c)
    # user rows replace bundled ones: their names must win over a bundled alias
    for c in table().values():
        idx[_key(c.name)] = c
    return idx


def lookup(country: str | None) -> Country | None:
    """The country named (any of its names, aliases, or ISO codes), None when unknown."""
    if not country or not country.strip():
        return None
    return _index().get(_key(country))


def iso3(country: str | None) -> str | None:
    c = lookup(country)
    return c.iso3 if c else None


def clear_cache() -> None:
    """Forget the loaded table (after CONFLICTWATCH_DATA changed, e.g. in tests)."""
    table.cache_clear()
    _index.cache_clear()


__all__ = ["Country", "clear_cache", "iso3", "lookup", "table"]
