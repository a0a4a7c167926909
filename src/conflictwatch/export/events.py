"""Reconciled events as CSV, JSON Lines, GeoJSON or Parquet (formats.md, "Output: events").

CSV is written to load where ACLED CSVs load: one header row, UTF-8, no index column, ISO dates,
`source` = the sources joined with "; " and `claim_ids` joined with ";". JSON Lines, GeoJSON and
Parquet keep `claim_ids` as a list. Events without coordinates cannot be GeoJSON points: they are
left out of GeoJSON (and counted in a warning) but kept in every other format.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from conflictwatch.models import Event
from conflictwatch.reconcile.countries import event_id_cnty
from conflictwatch.store import Store

log = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "geojson", "parquet")

#: Column order: ACLED's columns first (as in its exports), then the UCDP-style and own ones.
COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "fatalities_low", "fatalities_high", "injured", "children_killed", "n_claims",
    "n_articles", "claim_ids", "disputed",
]


@dataclass
class EventFilter:
    """Which events to show or export; every condition given must hold (None = no condition)."""

    since: date | None = None
    until: date | None = None
    type: str | None = None  # substring of event_type or sub_event_type, any case
    country: str | None = None  # substring of country, any case
    actor: str | None = None  # substring of actor1 or actor2, any case
    min_fatalities: int | None = None  # best estimate at least this
    limit: int | None = None

    def match(self, e: Event) -> bool:
        if self.since and (e.event_date is None or e.event_date < self.since):
            return False
        if self.until and (e.event_date is None or e.event_date > self.until):
            return False
        if self.type and not _contains(self.type, e.event_type, e.sub_event_type):
            return False
        if self.country and not _contains(self.country, e.country):
            return False
        if self.actor and not _contains(self.actor, e.actor1, e.actor2):
            return False
        return self.min_fatalities is None or (e.fatalities or 0) >= self.min_fatalities

    def apply(self, events: Iterable[Event]) -> list[Event]:
        out = [e for e in events if self.match(e)]
        return out[: self.limit] if self.limit is not None else out


def _contains(needle: str, *hay: str | None) -> bool:
    n = needle.casefold()
    return any(h is not None and n in h.casefold() for h in hay)


def event_record(e: Event) -> dict[str, Any]:
    """The contract's row for one event (claim_ids as a list, event_date as an ISO string)."""
    return {
        "event_id_cnty": event_id_cnty(e.event_id, e.country),
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "time_precision": e.time_precision,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "country": e.country,
        "admin1": e.admin1,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": "; ".join(e.sources),
        "notes": e.notes,
        "fatalities": e.fatalities,
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "injured": e.injured,
        "children_killed": e.children_killed,
        "n_claims": len(e.claim_ids),
        "n_articles": len(e.article_ids),
        "claim_ids": list(e.claim_ids),
        "disputed": e.disputed,
    }


def load_filtered(store: Store, flt: EventFilter | None = None) -> list[Event]:
    """Stored events in (date, id) order, filtered."""
    from conflictwatch.reconcile.storage import load_events

    events = load_events(store)
    return flt.apply(events) if flt else events


def write_events(
    store: Store, fmt: str, out: Path | TextIO | None, flt: EventFilter | None = None
) -> int:
    """Write the stored events in `fmt` to a path, an open text stream, or standard output.

    Returns the number of events written (for GeoJSON: features, i.e. events with coordinates).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown events format {fmt!r} (use {', '.join(FORMATS)})")
    records = [event_record(e) for e in load_filtered(store, flt)]
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet is binary: give an output file path")
        return _write_parquet(records, out)
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            return _write_text(records, fmt, fh)
    return _write_text(records, fmt, out if out is not None else sys.stdout)


def _write_text(records: list[dict[str, Any]], fmt: str, out: TextIO) -> int:
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in records:
            row = dict(r)
            row["claim_ids"] = ";".join(r["claim_ids"])
            row["disputed"] = "true" if r["disputed"] else "false"
            w.writerow(row)
        return len(records)
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return len(records)
    # geojson
    features = []
    for r in records:
        if r["latitude"] is None or r["longitude"] is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": r["event_id_cnty"],
                "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                "properties": r,
            }
        )
    missing = len(records) - len(features)
    if missing:
        log.warning("%d event(s) without coordinates left out of the GeoJSON", missing)
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def _write_parquet(records: list[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("event_id_cnty", pa.string()),
            ("event_date", pa.date32()),
            ("time_precision", pa.int8()),
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("actor1", pa.string()),
            ("actor2", pa.string()),
            ("country", pa.string()),
            ("admin1", pa.string()),
            ("location", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("geo_precision", pa.int8()),
            ("source", pa.string()),
            ("notes", pa.string()),
            ("fatalities", pa.int64()),
            ("fatalities_low", pa.int64()),
            ("fatalities_high", pa.int64()),
            ("injured", pa.int64()),
            ("children_killed", pa.int64()),
            ("n_claims", pa.int64()),
            ("n_articles", pa.int64()),
            ("claim_ids", pa.list_(pa.string())),
            ("disputed", pa.bool_()),
        ]
    )
    cols: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for r in records:
        for name in COLUMNS:
            v = r[name]
            cols[name].append(date.fromisoformat(v) if name == "event_date" and v else v)
    table = pa.table(cols, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return len(records)


__all__ = ["COLUMNS", "FORMATS", "EventFilter", "event_record", "load_filtered", "write_events"]
