"""Exports in the contract's formats (shared/spec/formats.md): claims, articles, events."""

from conflictwatch.export.claims import article_record, claim_csv_row, write_articles, write_claims

__all__ = ["article_record", "claim_csv_row", "write_articles", "write_claims"]
