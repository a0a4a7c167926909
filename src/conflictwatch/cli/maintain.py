"""`conflictwatch reextract` and `conflictwatch check`: repair and inspect a database."""

from __future__ import annotations

import typer

from conflictwatch.cli.core import app, console, err_console
from conflictwatch.cli.options import (
    DbOpt,
    ExecutorChoice,
    ExecutorOpt,
    MaxCharsOpt,
    MaxSecondsOpt,
    SchedulerOpt,
    WorkersOpt,
    budget,
    database_failed,
    executor_spec,
)
from conflictwatch.store.names import DEFAULT_DB

# The pipeline and the database layer are imported by the commands: `--help` does not pay for them.


@app.command("reextract")
def reextract_cmd(
    db: DbOpt = DEFAULT_DB,
    all_: bool = typer.Option(
        False, "--all", help="Every stored article, not only those whose claims are missing or stale."
    ),
    workers: WorkersOpt = None,
    executor: ExecutorOpt = ExecutorChoice.local,
    scheduler: SchedulerOpt = None,
    max_article_chars: MaxCharsOpt = None,
    max_article_seconds: MaxSecondsOpt = None,
) -> None:
    """Extract stored articles again and rebuild the events.

    Without --all: the articles stored without their claims (a crash of an earlier version) or
    extracted by another version of the rules (`conflictwatch run` does this too). With --all:
    every article, e.g. after loading places with `conflictwatch gazetteer load`. Claims that come
    out unchanged keep their ids, and events keep theirs. Each article is replaced in one
    transaction; exit status 1 when any failed. `conflictwatch events` shows the result.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from conflictwatch import pipeline
    from conflictwatch.store import open_store
    from conflictwatch.store.engine import shown

    limits = budget(max_article_chars, max_article_seconds)
    store = open_store(db)
    with Progress(SpinnerColumn(), TextColumn("re-extracting"), BarColumn(), MofNCompleteColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as progress:
        todo = len(store.articles_to_extract(pipeline.extractor_version(), everything=all_))
        task = progress.add_task("re-extracting", total=todo)
        try:
            stats = pipeline.reextract(store, everything=all_, on_item=lambda _item: progress.advance(task),
                                       budget=limits,
                                       spec=executor_spec(workers, executor, scheduler))
        except Exception as exc:
            raise database_failed(db, exc) or exc from None
    console.print(f"{stats.describe()}; database: [bold]{shown(db)}[/bold]", highlight=False)
    if not stats.ok:
        err_console.print(f"[red]{len(stats.failures)} article(s) failed[/red]")
        raise typer.Exit(1)


@app.command("check")
def check_cmd(
    db: DbOpt = DEFAULT_DB,
    limit: int = typer.Option(20, "--limit", min=1, help="List at most N findings of each kind."),
) -> None:
    """Check that the database is whole and its events agree with their claims.

    Reports articles stored without their claims, incident claims without an event, events whose
    claims disagree on the day or the type, and duplicate-looking events (same day, type, country
    and place). Exit status 1 when any is found: `conflictwatch reextract` and `conflictwatch
    reconcile` repair the first two. Articles whose text yields no claim are listed as notes.
    """
    from conflictwatch import pipeline
    from conflictwatch.check import check
    from conflictwatch.store import open_store

    rep = check(open_store(db), pipeline.extractor_version())
    console.print(f"{rep.articles} articles, {rep.claims} claims, {rep.events} events", highlight=False)
    for title, findings, style in (("problem", rep.problems, "red"), ("note", rep.notes, "yellow")):
        shown: dict[str, int] = {}
        for f in findings:
            shown[f.kind] = shown.get(f.kind, 0) + 1
            if shown[f.kind] <= limit:
                console.print(f"[{style}]{title}[/{style}] {f}", highlight=False)
        for kind, n in shown.items():
            if n > limit:
                console.print(f"[{style}]{title}[/{style}] {kind}: {n - limit} more", highlight=False)
    if rep.consistent:
        console.print("[green]consistent[/green]")
        return
    err_console.print(f"[red]inconsistent: {len(rep.problems)} problem(s)[/red]")
    raise typer.Exit(1)
