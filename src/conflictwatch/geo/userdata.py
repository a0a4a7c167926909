"""The user's own gazetteer rows: load GeoNames dumps or CSV files into the store, read them back.

Why in the store: the user's places must survive between runs and win over the bundled data,
and the store is the one thing every command already opens.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictwatch.geo.gazetteer import Place, admin1_codes, country_name, to_country_code
from conflictwatch.geo.normalize import name_key
from conflictwatch.store import Store
from conflictwatch.store.gazetteer import gazetteer_identity

# GeoNames feature codes -> our place types (P = populated places, A = admin areas, L = areas).
_FEATURE_TYPES = {"PPLX": "neighbourhood", "ADM1": "region", "ADM2": "county", "PCLI": "country",
                  "AREA": "area", "RGN": "area", "CMP": "campus", "CMPRF": "campus"}


@dataclass
class LoadReport:
    """What `gazetteer load` did: places added, names already there, and bad lines as file:line."""

    loaded: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def _placetype(feature: str | None) -> str:
    if not feature:
        return "locality"
    if feature in _FEATURE_TYPES:
        return _FEATURE_TYPES[feature]
    if feature.startswith("PPL"):
        return "locality"
    if feature.startswith("ADM"):
        return "county"
    return "area"


def user_places(store: Store) -> list[Place]:
    """Every row of the store's gazetteer table as a Place (source 'user')."""
    out: list[Place] = []
    grouped: dict[tuple[str, str], list[str]] = {}  # GeoNames alternate names share a source_id
    for m in store.gazetteer_rows():
        if m["source_id"]:
            ident = (m["source"] or "", m["source_id"])
            if ident in grouped:
                grouped[ident].append(m["name"])
                continue
            grouped[ident] = []
        out.append(
            Place(
                name=m["name"],
                latitude=m["latitude"],
                longitude=m["longitude"],
                admin1=m["admin1"],
                country_code=to_country_code(m["country"]),
                placetype=_placetype(m["feature"]),
                population=m["population"] or 0,
                source="user",
                alt_names=(m["source"] or "", m["source_id"] or ""),  # replaced below
            )
        )
    # Attach the grouped alternate names (Place is frozen: rebuild those that have any).
    final: list[Place] = []
    for p in out:
        src, sid = p.alt_names
        alts = tuple(grouped.get((src, sid), ())) if sid else ()
        final.append(Place(p.name, p.latitude, p.longitude, p.admin1, p.country_code, p.placetype,
                           p.population, "user", alt_names=alts))
    return final


def _open_text(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """Yield (display name, text stream) for a file, or for each .txt/.csv inside a zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                low = info.filename.lower()
                if low.endswith((".txt", ".csv", ".tsv")) and "readme" not in low:
                    with zf.open(info) as raw:
                        yield f"{path}!{info.filename}", io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            yield str(path), fh  # type: ignore[misc]


def _geonames_rows(origin: str, fh: Any, report: LoadReport) -> Iterator[dict[str, Any]]:
    """GeoNames dump: 19 tab-separated columns (geonameid, name, asciiname, alternatenames, lat, lon, ...)."""
    codes = admin1_codes()
    for n, line in enumerate(fh, 1):
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        try:
            if len(f) < 11:
                raise ValueError(f"expected 19 tab-separated columns, got {len(f)}")
            lat, lon = float(f[4]), float(f[5])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not f[1].strip():
                raise ValueError("bad name or coordinates")
        except ValueError as exc:
            report.errors.append(f"{origin}:{n}: {exc}")
            continue
        cc = f[8] or None
        admin1 = codes.get((cc or "", f[10]), f[10] or None) if len(f) > 10 else None
        names = [f[1], f[2], *[a for a in f[3].split(",") if a]]
        pop = int(f[14]) if len(f) > 14 and f[14].isdigit() else None
        for alias in dict.fromkeys(names):
            yield {"name": alias, "latitude": lat, "longitude": lon, "admin1": admin1, "country": cc,
                   "feature": f[7] or None, "population": pop, "source_id": f[0], "display": f[1]}


def _csv_rows(origin: str, fh: Any, report: LoadReport) -> Iterator[dict[str, Any]]:
    """CSV with a header: name, lat|latitude, lon|longitude, and optional admin1, country, feature."""
    reader = csv.DictReader(fh)
    cols = {c.strip().lower(): c for c in reader.fieldnames or []}
    lat_c = cols.get("lat") or cols.get("latitude")
    lon_c = cols.get("lon") or cols.get("lng") or cols.get("longitude")
    if "name" not in cols or not lat_c or not lon_c:
        report.errors.append(f"{origin}:1: header must have name, lat (or latitude), lon (or longitude)")
        return
    for r in reader:
        n = reader.line_num
        try:
            name = (r.get(cols["name"]) or "").strip()
            lat, lon = float(r[lat_c]), float(r[lon_c])
            if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError("missing name or coordinates out of range")
        except (ValueError, TypeError) as exc:
            report.errors.append(f"{origin}:{n}: {exc}")
            continue

        def get(k: str, row: dict[str, Any] = r) -> str | None:
            v = row.get(cols[k]) if k in cols else None
            return v.strip() or None if isinstance(v, str) else None

        cc = to_country_code(get("country"))
        yield {"name": name, "latitude": lat, "longitude": lon, "admin1": get("admin1"), "country": cc,
               "feature": get("feature"), "population": None, "source_id": None, "display": name}


def load_file(store: Store, path: Path) -> LoadReport:
    """Load a GeoNames dump (.txt, or a .zip holding one) or a CSV into the store; reloading adds nothing.

    The rows are written by the store in one transaction: a file goes in whole or not at all."""
    report = LoadReport()
    existing = store.gazetteer_identities()

    def rows() -> Iterator[dict[str, Any]]:
        for origin, fh in _open_text(path):
            is_csv = origin.lower().endswith(".csv")
            places = 0
            seen_ids: set[str] = set()
            for row in (_csv_rows if is_csv else _geonames_rows)(origin, fh, report):
                key = name_key(row["name"])
                if not key:
                    continue
                ident = gazetteer_identity(key, row["source_id"], row["latitude"], row["longitude"])
                if ident in existing:
                    report.duplicates += 1
                    continue
                existing.add(ident)
                row = dict(row)
                row.pop("display")
                yield {**row, "key": key, "source": str(path)}
                sid = row["source_id"]
                if sid is None or sid not in seen_ids:
                    places += 1  # a GeoNames place counts once, however many alternate names it has
                    if sid is not None:
                        seen_ids.add(sid)
            report.loaded += places

    store.add_gazetteer_rows(rows())
    return report


def gazetteer_stats(store: Store) -> list[tuple[str, int]]:
    """(source file, rows) for `gazetteer list`."""
    return store.gazetteer_stats()


def clear_gazetteer(store: Store, source: str | None = None) -> int:
    """Delete the user's rows (all, or those loaded from one file); returns rows deleted."""
    return store.clear_gazetteer(source)


def place_counts(store: Store, unresolved: bool) -> list[tuple[str, str | None, str | None, int]]:
    """(location, admin1, country, claims) for stored claims without (or with) coordinates."""
    rows = store.claim_place_counts(unresolved)
    counts: Counter[str] = Counter()
    for r in rows:
        counts[r[0]] += r[3]
    return sorted(rows, key=lambda r: (-counts[r[0]], -r[3], r[0]))


__all__ = ["LoadReport", "clear_gazetteer", "country_name", "gazetteer_stats", "load_file",
           "place_counts", "user_places"]
