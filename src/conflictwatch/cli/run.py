"""`conflictwatch run` (the main job) and the claims/articles exports."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from conflictwatch import pipeline
from conflictwatch.cli.app import DB_HELP, app, console, err_console, export_app
from conflictwatch.export import write_articles, write_claims
from conflictwatch.models import Claim, IngestError, Range
from conflictwatch.store import DEFAULT_DB, Store, open_store


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


@contextmanager
def open_out(out: Path | None) -> Iterator[TextIO]:
    """`--out FILE`, or standard output when not given."""
    if out is None:
        yield sys.stdout
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            yield fh


def fmt_range(r: Range | None) -> str:
    if r is None:
        return ""
    if r.high is None:
        return f"{r.low}+"
    return str(r.low) if r.low == r.high else f"{r.low}-{r.high}"


def claims_table(claims: list[Claim], title: str) -> Table:
    t = Table(title=title, show_lines=False)
    for col in ("date", "type", "location", "killed", "children", "injured", "claimed by", "article"):
        t.add_column(col, overflow="fold")
    for c in claims:
        t.add_row(
            c.date_start.isoformat() if c.date_start else "?",
            c.sub_event_type or "",
            ", ".join(x for x in (c.location, c.admin1) if x) or "",
            fmt_range(c.killed),
            fmt_range(c.children_killed),
            fmt_range(c.injured),
            c.claimed_by or f"({c.reported_by or 'article'})",
            (c.article_title or "")[:40],
        )
    return t


def progress_bar() -> Progress:
    """The progress display of long jobs (on standard error, only on a terminal)."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def report_run(stats: pipeline.RunStats, db: str, quiet: bool) -> None:
    """Print the events table (unless `quiet`) and what a run did. Failures were logged, one line
    each, by the pipeline as they happened."""
    from conflictwatch.cli.events import events_table

    if not quiet and stats.events is not None:
        title = f"Incidents found ({stats.events_summary}; one row per reconciled event)"
        console.print(events_table(stats.events, title))
    console.print(f"{stats.describe()}; database: [bold]{db}[/bold]", highlight=False)


@app.command()
def run(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders, .jsonl, .html, RSS/Atom (.xml/.rss/.atom) or '-' for standard input."
    ),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."
    ),
    export_dir: Path | None = typer.Option(
        None, "--export-dir", help="Also write claims.jsonl, claims.csv and the events exports here."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print the incidents table."),
) -> None:
    """Ingest articles, extract claims, geocode, store and reconcile them.

    Each article is stored whole (its row and all its claims) or not at all; one that fails is
    reported with its file, id and reason and the run goes on. Re-running the same input changes
    nothing: articles are stored once by content. Reposts of a stored article are kept, linked to
    it, and counted once in events. Stored articles whose claims are missing (an earlier crash) or
    were extracted by another version of the rules are extracted again.
    Exit status 1 when any input or article failed (the rest still goes in).
    """
    pub = _parse_date(published)
    store = open_store(db)
    with progress_bar() as progress:
        task = progress.add_task("reading", total=None)

        def on_item(item: object) -> None:
            if isinstance(item, IngestError):
                err_console.print(f"[red]error[/red] {item}", highlight=False)
            else:
                progress.advance(task)

        stats = pipeline.run(inputs, store, published=pub, on_item=on_item)
    report_run(stats, db, quiet)
    if export_dir is not None:
        export_all(store, export_dir)
        console.print(f"exports written to [bold]{export_dir}[/bold]", highlight=False)
    if not stats.ok:
        err_console.print(f"[red]{len(stats.errors)} input(s) or article(s) failed[/red]")
        raise typer.Exit(1)


def export_all(store: Store, export_dir: Path) -> None:
    """Every export of the contract into one folder (`run --export-dir`)."""
    from conflictwatch.export.events import write_events

    export_dir.mkdir(parents=True, exist_ok=True)
    for fmt in ("jsonl", "csv"):
        with (export_dir / f"claims.{fmt}").open("w", encoding="utf-8", newline="") as fh:
            write_claims(store, fmt, fh)
    with (export_dir / "articles.jsonl").open("w", encoding="utf-8") as fh:
        write_articles(store, fh)
    for fmt in ("csv", "jsonl", "geojson", "parquet"):
        write_events(store, fmt, export_dir / f"events.{fmt}")


@app.command("claims")
def claims_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    scope: str | None = typer.Option(None, "--scope", help="Only 'incident' or 'aggregate' claims."),
    source: str | None = typer.Option(None, "--source", help="Only claims whose claimed_by contains this."),
) -> None:
    """List stored claims: one row per statement in one article, with who made it.

    Events (`conflictwatch events`) merge these across articles; this view shows each report.
    Use `conflictwatch export claims` for every field, including the quote.
    """
    store = open_store(db)
    rows = [
        c for c in store.claims(scope=scope)
        if source is None or (c.claimed_by and source.lower() in c.claimed_by.lower())
    ]
    console.print(claims_table(rows, f"Claims ({len(rows)})"))


@export_app.command("claims")
def export_claims(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
    scope: str | None = typer.Option(None, "--scope", help="Only 'incident' or 'aggregate' claims."),
) -> None:
    """Write every claim, one per line (jsonl) or row (csv; figures split into _low/_high)."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("format must be jsonl or csv", param_hint="--format")
    store = open_store(db)
    with open_out(out) as fh:
        n = write_claims(store, fmt, fh, scope=scope)
    err_console.print(f"{n} claims written", highlight=False)


@export_app.command("articles")
def export_articles(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl."),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
) -> None:
    """Write every stored article with its headline, dateline, captions and credits."""
    if fmt != "jsonl":
        raise typer.BadParameter("articles export only as jsonl", param_hint="--format")
    store = open_store(db)
    with open_out(out) as fh:
        n = write_articles(store, fh)
    err_console.print(f"{n} articles written", highlight=False)
