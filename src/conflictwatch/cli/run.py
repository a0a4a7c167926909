"""`conflictwatch run` (the main job), `claims`, and the claims/articles exports."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from typer import _click as click

from conflictwatch.cli.core import app, console, err_console, export_app, note
from conflictwatch.cli.options import (
    DEFAULT_DB,
    ArticlesFormat,
    ClaimsFormat,
    DbOpt,
    ExecutorChoice,
    ExecutorOpt,
    MaxCharsOpt,
    MaxSecondsOpt,
    OutOpt,
    SchedulerOpt,
    ScopeOpt,
    WorkersOpt,
    budget,
    database_failed,
    executor_spec,
    iso_date,
    open_existing,
    sqlite_path,
)
from conflictwatch.models import Article, IngestError

if TYPE_CHECKING:
    from conflictwatch.budget import Budget
    from conflictwatch.parallel import ExecutorSpec

# The pipeline, the database layer and the exports are imported by the commands that use them:
# `--help` and the reading commands do not pay for the rest.

_LINE = re.compile(r":\d+$|#\d+$")


def counts_for_progress(item: object) -> bool:
    """Items the progress total counts: articles, and bad lines or feed entries (a missing file
    is not among the articles counted)."""
    return isinstance(item, Article) or (isinstance(item, IngestError) and bool(_LINE.search(item.origin)))


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT",
        help="Files, folders, .jsonl, .html, RSS/Atom (.xml/.rss/.atom) or '-' for standard input.",
    )],
    db: DbOpt = DEFAULT_DB,
    published: Annotated[date | None, typer.Option(
        "--published", parser=iso_date, metavar="DATE",
        help="Publication date (YYYY-MM-DD) for inputs that carry none.",
    )] = None,
    export_dir: Annotated[Path | None, typer.Option(
        "--export-dir", metavar="DIR",
        help="Also write every export here: claims.jsonl/.csv, articles.jsonl, events.csv/.jsonl/"
        ".geojson/.parquet and events-ged.csv.",
    )] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not print the incidents table.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v",
        help="List the articles that gave no claims, or claims without a place: the ones to read by hand.",
    )] = False,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = ExecutorChoice.local,
    scheduler: SchedulerOpt = None,
    max_article_chars: MaxCharsOpt = None,
    max_article_seconds: MaxSecondsOpt = None,
) -> None:
    """Ingest articles, extract claims, geocode, store and reconcile them.

    Re-running the same input changes nothing: articles are stored once by content. Bad input
    (an empty or binary file, a broken JSON line) gets one error line naming the file and line;
    the rest still goes in. Exit status 1 when any input failed.

    Input streams through in chunks (memory stays flat); extraction runs in --workers processes
    or on a Dask cluster while this process writes, in input order, one transaction per article.
    Interrupted (Ctrl-C, kill), the database holds whole articles only: run the same command
    again and it goes on where it stopped.

        conflictwatch run samples/ --db out/cw.db --export-dir out/
        curl -s https://example.org/feed.xml | conflictwatch run - --published 2016-10-13
        conflictwatch run archive.jsonl --workers 4 -q
        conflictwatch run archive.jsonl --scheduler tcp://scheduler.example.org:8786 --db postgresql://...
    """
    from conflictwatch import early

    spec = executor_spec(workers, executor, scheduler)
    limits = budget(max_article_chars, max_article_seconds)
    # the worker `main` forked (early.prefork), kept if this run may use it, or one forked now:
    # first of all, before a database is opened or a thread started (conflictwatch.early)
    spec.early = early.start(spec, inputs, sqlite_path(db))
    try:
        _run(inputs, db, published, export_dir, quiet, verbose, spec, limits)
    finally:
        if spec.early is not None:
            spec.early.shutdown()


def _run(inputs: list[str], db: str, published: date | None, export_dir: Path | None, quiet: bool,
         verbose: bool, spec: ExecutorSpec, limits: Budget) -> None:
    from conflictwatch import early, pipeline
    from conflictwatch.cli.progress import RunProgress, count_articles
    from conflictwatch.parallel import WorkerMismatch
    from conflictwatch.store import open_store
    from conflictwatch.store.engine import shown

    total = count_articles(inputs)
    if spec.early is not None and not early.wanted(spec, total):
        spec.early.shutdown()
    store = open_store(db)
    done = 0
    with RunProgress(err_console, total) as progress:

        def on_item(item: object) -> None:
            nonlocal done
            done += isinstance(item, Article)
            if counts_for_progress(item):
                progress.advance()

        # errors are logged by the pipeline, one line each (cli.core.OneLineHandler)
        try:
            stats = pipeline.run(inputs, store, published=published, on_item=on_item, spec=spec,
                                 budget=limits)
        except KeyboardInterrupt:
            progress.interrupted = True
            note(f"[yellow]interrupted[/yellow] after {done} articles (each stored whole or not at all); "
                 "run the same command again to go on")
            raise typer.Exit(130) from None
        except WorkerMismatch as exc:
            raise click.ClickException(str(exc)) from exc
        except Exception as exc:
            raise database_failed(db, exc) or exc from None
    if not quiet:
        from conflictwatch.cli.output import print_events
        from conflictwatch.export.events import load_filtered

        title = f"Incidents found ({stats.events_summary}; one row per reconciled event)"
        print_events(load_filtered(store), title)
    unread = [a for a in stats.articles if not a.understood]
    if verbose:
        for a in unread:
            note(f"  {escape(str(a))}")
    elif unread:
        note(f"{len(unread)} articles to read by hand (no claims, or claims without a place): "
             "`run -v` lists them, `conflictwatch articles --no-claims` shows those without claims")
    note(f"{escape(stats.describe())}; database: [bold]{escape(shown(db))}[/bold]")
    if export_dir is not None:
        from conflictwatch.export import export_all

        export_all(store, export_dir)
        note(f"exports written to [bold]{escape(str(export_dir))}[/bold]")
    if stats.errors:
        note(f"[red]{len(stats.errors)} input(s) failed[/red] (listed above)")
        raise typer.Exit(1)


@app.command("claims")
def claims_cmd(
    db: DbOpt = DEFAULT_DB,
    scope: ScopeOpt = None,
    source: Annotated[str | None, typer.Option(
        "--source", metavar="TEXT", help="Only claims whose claimed_by contains this text."
    )] = None,
) -> None:
    """List stored claims: one row per statement in one article, with who made it.

    Events (`conflictwatch events`) merge these across articles; this view shows each report.
    Use `conflictwatch export claims` for every field, including the quote.
    """
    from conflictwatch.cli.output import print_claims

    store = open_existing(db)
    rows = [
        c for c in store.claims(scope=scope.value if scope else None)
        if source is None or (c.claimed_by and source.casefold() in c.claimed_by.casefold())
    ]
    print_claims(rows, f"Claims ({len(rows)})")


@export_app.command("claims")
def export_claims(
    fmt: Annotated[
        ClaimsFormat, typer.Option("--format", "-f", help="JSON Lines or CSV.")
    ] = ClaimsFormat.jsonl,
    db: DbOpt = DEFAULT_DB,
    out: OutOpt = None,
    scope: ScopeOpt = None,
) -> None:
    """Write every claim, one per line (jsonl) or row (csv; figures split into _low/_high).

    Fields: docs/formats.md, "Claims".
    """
    from conflictwatch.cli.output import open_out
    from conflictwatch.export import write_claims

    store = open_existing(db)
    with open_out(out) as fh:
        n = write_claims(store, fmt.value, fh, scope=scope.value if scope else None)
    note(f"{n} claims written")


@export_app.command("articles")
def export_articles(
    fmt: Annotated[ArticlesFormat, typer.Option("--format", "-f", help="JSON Lines.")] = ArticlesFormat.jsonl,
    db: DbOpt = DEFAULT_DB,
    out: OutOpt = None,
) -> None:
    """Write every stored article with its headline, dateline, captions and credits."""
    from conflictwatch.cli.output import open_out
    from conflictwatch.export import write_articles

    store = open_existing(db)
    with open_out(out) as fh:
        n = write_articles(store, fh)
    note(f"{n} articles written")


__all__ = ["claims_cmd", "console", "export_articles", "export_claims", "run"]
