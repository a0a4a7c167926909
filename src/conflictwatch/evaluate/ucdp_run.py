"""Where the claims scored against UCDP come from: a fresh run of the pipeline, or a claims export.

A fresh run goes through `pipeline.run` into a throw-away SQLite file and reads the claims back
the way `conflictwatch export claims` writes them, so `evaluate --ucdp --input` scores exactly
what `run` + `export claims` + the reference scorer would: the same records, the same order
(text order within an article), the same articles stored once by content.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from conflictwatch.evaluate.ucdp_codings import read_lines
from conflictwatch.models import Article, IngestError


class ClaimsError(ValueError):
    """A claims file that cannot be read at all."""


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def check_claim(raw: Any) -> dict[str, Any]:
    """A claims-export record, checked for what scoring reads; ValueError says what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("a claim must be a JSON object")
    if raw.get("article_id") is None:
        raise ValueError("missing article_id")
    killed = raw.get("killed")
    if isinstance(killed, dict):
        if not (killed.get("low") is None or _is_int(killed["low"])):
            raise ValueError(f"killed.low must be an integer or null, got {killed.get('low')!r}")
    elif not (killed is None or _is_int(killed)):
        raise ValueError(f'killed must be {{"low": int, "high": int|null}} or null, got {killed!r}')
    for key in ("date_start", "location", "admin1", "admin2", "country", "scope"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ValueError(f"{key} must be a string or null, got {raw[key]!r}")
    return raw


def load_claims(path: Path | str) -> tuple[list[dict[str, Any]], list[str]]:
    """Read `export claims --format jsonl` output: (records in file order, problems). A bad line is
    reported with its number and skipped; the rest is still scored."""
    p = Path(path)
    claims: list[dict[str, Any]] = []
    problems: list[str] = []
    for n, line in read_lines(p, ClaimsError):
        try:
            claims.append(check_claim(json.loads(line)))
        except ValueError as exc:
            problems.append(f"{p}:{n}: {exc}")
    return claims, problems


@dataclass
class PipelineClaims:
    """What a fresh run produced: claim records in export order, and the input it read."""

    claims: list[dict[str, Any]]
    article_ids: list[str] = field(default_factory=list)  # every article read, in input order
    duplicates: int = 0  # articles whose text was already read: stored once, as `run` does
    errors: list[str] = field(default_factory=list)  # unreadable input, articles that failed


def claims_from_articles(
    inputs: Sequence[str],
    published: date | None = None,
    on_item: Callable[[Article | IngestError], None] | None = None,
) -> PipelineClaims:
    """Run ingest + extract + geo + store on `inputs` in a temporary database; claims as exported."""
    from conflictwatch import pipeline
    from conflictwatch.store import open_store

    ids: list[str] = []

    def seen(item: Article | IngestError) -> None:
        if isinstance(item, Article):
            ids.append(item.article_id or "")
        if on_item is not None:
            on_item(item)

    with tempfile.TemporaryDirectory(prefix="conflictwatch-evaluate-") as tmp:
        store = open_store(str(Path(tmp) / "evaluate.db"))
        try:
            stats = pipeline.run(list(inputs), store, published=published, on_item=seen)
            records = [c.to_record() for c in store.claims()]
        finally:
            store.engine.dispose()
    return PipelineClaims(records, ids, stats.articles_skipped, list(stats.errors))
