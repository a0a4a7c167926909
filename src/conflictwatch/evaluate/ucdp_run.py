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

from conflictwatch.evaluate.ucdp import UcdpScore, score
from conflictwatch.evaluate.ucdp_codings import load_codings, read_lines
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


@dataclass
class UcdpEvaluation:
    """A UCDP score with what the reader should know about the input behind it."""

    score: UcdpScore
    source: str  # where the claims came from, for the report's head
    problems: list[str] = field(default_factory=list)  # bad lines of the codings/claims files (skipped)
    input_errors: list[str] = field(default_factory=list)  # unreadable input or failed articles
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, **self.score.to_dict(), "problems": self.problems,
            "input_errors": self.input_errors, "warnings": self.warnings,
        }


def _ids(ids: Sequence[str], most: int = 5) -> str:
    return ", ".join(ids[:most]) + (f" and {len(ids) - most} more" if len(ids) > most else "")


def evaluate_ucdp(
    codings_path: Path | str,
    inputs: Sequence[str] | None = None,
    claims_path: Path | str | None = None,
    on_item: Callable[[Article | IngestError], None] | None = None,
) -> UcdpEvaluation:
    """Score a fresh run on `inputs`, or a claims export at `claims_path`, against UCDP codings.

    Raises CodingError / ClaimsError when a file cannot be read at all; bad lines are skipped
    and listed in `problems`.
    """
    if (inputs is None) == (claims_path is None):
        raise ValueError("give either inputs (articles to run) or claims_path (a claims export)")
    codings, problems = load_codings(codings_path)
    warnings: list[str] = []
    input_errors: list[str] = []
    if claims_path is not None:
        records, bad = load_claims(claims_path)
        problems += bad
        source = str(claims_path)
    else:
        run = claims_from_articles(list(inputs or []), on_item=on_item)
        records, input_errors = run.claims, run.errors
        source = "a fresh run on " + ", ".join(map(str, inputs or []))
        read = set(run.article_ids)
        absent = [g.article_id for g in codings if g.article_id not in read]
        if absent:
            warnings.append(
                f"{len(absent)} coded article(s) not in the input, scored as not detected: {_ids(absent)}"
            )
        if run.duplicates:
            warnings.append(
                f"{run.duplicates} input article(s) repeat the text of one read before: stored once, "
                "as `run` does, so their ids get no claims"
            )
    result = score(codings, records)
    coded = {g.article_id for g in codings}
    if records and codings and not any(str(c.get("article_id")) in coded for c in records):
        warnings.append("no claim belongs to a coded article: claims must have article_id 'ucdp-<UCDP id>'")
    return UcdpEvaluation(result, source, problems, input_errors, warnings)
