"""Exports in the contract's formats (docs/formats.md): claims, articles, events (ACLED and GED)."""

from conflictwatch.export.claims import article_record, claim_csv_row, write_articles, write_claims
from conflictwatch.export.events import FORMATS, EventFilter, event_record, write_events
from conflictwatch.export.folder import export_all

__all__ = [
    "FORMATS",
    "EventFilter",
    "article_record",
    "claim_csv_row",
    "event_record",
    "export_all",
    "write_articles",
    "write_claims",
    "write_events",
]
