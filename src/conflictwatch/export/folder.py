"""Every export into one folder (`conflictwatch run --export-dir`, and the API's downloads)."""

from __future__ import annotations

from pathlib import Path

from conflictwatch.export.claims import write_articles, write_claims
from conflictwatch.export.events import write_events
from conflictwatch.store import Store

#: File name -> what it holds, in the order they are written.
FILES = {
    "claims.jsonl": "claims, one JSON object per line",
    "claims.csv": "claims, figures split into _low/_high",
    "articles.jsonl": "stored articles",
    "events.csv": "events, ACLED columns then ours",
    "events.jsonl": "events, ACLED columns then ours",
    "events.geojson": "events with coordinates, as points",
    "events.parquet": "events, typed columns",
    "events-ged.csv": "fatal events, UCDP GED columns",
}


def export_all(store: Store, export_dir: Path) -> list[Path]:
    """Write every export of the contract into `export_dir`; returns the files written."""
    export_dir.mkdir(parents=True, exist_ok=True)
    for fmt in ("jsonl", "csv"):
        with (export_dir / f"claims.{fmt}").open("w", encoding="utf-8", newline="") as fh:
            write_claims(store, fmt, fh)
    with (export_dir / "articles.jsonl").open("w", encoding="utf-8") as fh:
        write_articles(store, fh)
    for fmt in ("csv", "jsonl", "geojson", "parquet"):
        write_events(store, fmt, export_dir / f"events.{fmt}")
    write_events(store, "ged", export_dir / "events-ged.csv")
    return [export_dir / name for name in FILES]


__all__ = ["FILES", "export_all"]
