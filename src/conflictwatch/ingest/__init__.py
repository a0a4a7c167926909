"""Ingest: turn files, folders, JSON Lines, HTML, feeds and raw wire dumps into Articles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from conflictwatch.models import Article, IngestError


def read_inputs(paths: list[str], published: date | None = None) -> Iterator[Article | IngestError]:
    """Yield every article found in `paths` ('-' = stdin), and an IngestError for each bad piece."""
    raise NotImplementedError  # STUB: being written
