"""Reconciled events as CSV, JSON Lines, GeoJSON, Parquet (ACLED columns) or a UCDP GED CSV.

The ACLED-style formats carry every column of ACLED's export, in ACLED's order, filled as its
codebook defines them (see docs/exports.md), then ours: fatalities_low/high, injured,
children_killed, n_claims, n_articles, claim_ids, disputed. CSV is written to load where ACLED
CSVs load: one header row, UTF-8, no index column, ISO dates, `source` = the sources joined with
"; ", `claim_ids` joined with ";". JSON Lines, GeoJSON and Parquet keep `claim_ids` as a list.

Rows that a format cannot hold are left out with a warning, never written half-empty: events
without coordinates from GeoJSON, events without any date (no text date, no publication date)
from every format, events without a reported death from GED (UCDP codes only fatal events).
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

from conflictwatch.countries import lookup
from conflictwatch.export import acled
from conflictwatch.export.context import ExportContext
from conflictwatch.models import Event
from conflictwatch.reconcile.countries import event_id_cnty
from conflictwatch.store import Store

log = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "geojson", "parquet", "ged")

#: ACLED's export columns, in ACLED's order (codebook, "ACLED Data Columns at a Glance").
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
#: Ours, after ACLED's: UCDP-style bounds and what reconciliation knows.
OWN_COLUMNS = [
    "fatalities_low", "fatalities_high", "injured", "children_killed", "n_claims", "n_articles",
    "claim_ids", "disputed",
]
COLUMNS = ACLED_COLUMNS + OWN_COLUMNS

# Column types for Parquet (and documentation): "str", "int", "float", "date", "bool", "list".
TYPES: dict[str, str] = {c: "str" for c in COLUMNS} | {
    "event_date": "date", "year": "int", "time_precision": "int", "inter1": "int", "inter2": "int",
    "interaction": "int", "iso": "int", "latitude": "float", "longitude": "float",
    "geo_precision": "int", "fatalities": "int", "timestamp": "int", "fatalities_low": "int",
    "fatalities_high": "int", "injured": "int", "children_killed": "int", "n_claims": "int",
    "n_articles": "int", "claim_ids": "list", "disputed": "bool",
}

TAG_PUBLICATION_DATE = "date from publication"
TAG_DISPUTED = "fatalities disputed"


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


def actor_codes(e: Event) -> tuple[int | None, int | None, int | None]:
    """(inter1, inter2, interaction); inter2 is 0 when there is no second actor (ACLED)."""
    inter1 = acled.inter_code(e.actor1, e.country)
    inter2 = acled.inter_code(e.actor2, e.country) if e.actor2 else 0
    return inter1, inter2, acled.interaction(inter1, inter2)


def event_record(e: Event, ctx: ExportContext | None = None) -> dict[str, Any]:
    """One event as a row of ACLED's columns then ours (claim_ids a list, event_date ISO).

    `ctx` (the articles and claims behind the events) fills `timestamp`, adds the publishers to
    `source_scale` and the publication-date tag; without it those stay empty or partial.
    """
    inter1, inter2, inter = actor_codes(e)
    country = lookup(e.country)
    tags = []
    if ctx is not None and ctx.dated_by_publication(e):
        tags.append(TAG_PUBLICATION_DATE)
    if e.disputed:
        tags.append(TAG_DISPUTED)
    scale_sources = list(e.sources) + (ctx.publishers(e) if ctx else [])
    return {
        "event_id_cnty": event_id_cnty(e.event_id, e.country),
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "year": e.event_date.year if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": acled.disorder_type(e.event_type, e.sub_event_type),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": e.actor2,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": inter,
        "civilian_targeting": acled.civilian_targeting(inter1, inter2, e.event_type),
        "iso": country.iso_numeric if country else None,
        "region": country.acled_region if country else None,
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": None,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": "; ".join(e.sources),
        "source_scale": acled.source_scale(scale_sources),
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": "; ".join(tags),
        "timestamp": ctx.timestamp(e) if ctx else None,
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


def exportable(events: Iterable[Event]) -> list[Event]:
    """Events with a date; the others are counted in a warning (ACLED rows need a date)."""
    evs = list(events)
    dated = [e for e in evs if e.event_date is not None]
    if len(dated) < len(evs):
        log.warning(
            "%d event(s) without any date left out: their articles have no publication date "
            "(give one with `run --published YYYY-MM-DD` or a `published` field)", len(evs) - len(dated)
        )
    return dated


def write_events(
    store: Store, fmt: str, out: Path | TextIO | None, flt: EventFilter | None = None
) -> int:
    """Write the stored events in `fmt` to a path, an open text stream, or standard output.

    Returns the number of events written (GeoJSON: events with coordinates; GED: fatal events).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown events format {fmt!r} (use {', '.join(FORMATS)})")
    if fmt == "parquet" and not isinstance(out, Path):
        raise ValueError("parquet is binary: give an output file path")
    events = exportable(load_filtered(store, flt))
    ctx = ExportContext.from_store(store)
    if fmt == "parquet":
        assert isinstance(out, Path)
        return _write_parquet([event_record(e, ctx) for e in events], out)
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            return _write_text(events, ctx, fmt, fh)
    return _write_text(events, ctx, fmt, out if out is not None else sys.stdout)


def _write_text(events: list[Event], ctx: ExportContext, fmt: str, out: TextIO) -> int:
    if fmt == "ged":
        from conflictwatch.export.ged import write_ged

        return write_ged(events, ctx, out)
    records = [event_record(e, ctx) for e in events]
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in records:
            w.writerow(csv_row(r))
        return len(records)
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return len(records)
    return _write_geojson(records, out)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record as CSV cells: lists joined with ";", booleans as true/false, None as empty."""
    row = dict(record)
    row["claim_ids"] = ";".join(record["claim_ids"])
    row["disputed"] = "true" if record["disputed"] else "false"
    return row


def _write_geojson(records: list[dict[str, Any]], out: TextIO) -> int:
    features = [
        {
            "type": "Feature",
            "id": r["event_id_cnty"],
            "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
            "properties": r,
        }
        for r in records
        if r["latitude"] is not None and r["longitude"] is not None
    ]
    missing = len(records) - len(features)
    if missing:
        log.warning("%d event(s) without coordinates left out of the GeoJSON", missing)
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {
        "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
        "bool": pa.bool_(), "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[TYPES[name]]) for name in COLUMNS])


def _write_parquet(records: list[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for r in records:
        for name in COLUMNS:
            v = r[name]
            cols[name].append(date.fromisoformat(v) if name == "event_date" and v else v)
    table = pa.table(cols, schema=parquet_schema())
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return len(records)


__all__ = [
    "ACLED_COLUMNS",
    "COLUMNS",
    "FORMATS",
    "OWN_COLUMNS",
    "EventFilter",
    "actor_codes",
    "csv_row",
    "event_record",
    "exportable",
    "load_filtered",
    "write_events",
]
