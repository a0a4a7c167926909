"""Options shared by several commands, declared once: the database, dates, choices, filters.

Choices are Enums, so a value that is not one of them is refused with the list of choices;
dates are parsed by one function; reading commands refuse a database that does not exist
instead of silently creating an empty one.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer import _click as click

from conflictwatch.budget import MAX_CHARS_ENV, MAX_SECONDS_ENV, Budget
from conflictwatch.cli.core import DB_HELP
from conflictwatch.store.names import DB_ENV, DEFAULT_DB, sqlite_path

# What the commands run is imported when they run: `--help` and a mistyped option cost only the
# command line's own modules (the database layer alone is ~0.3 s).
if TYPE_CHECKING:
    from conflictwatch.export.events import EventFilter
    from conflictwatch.parallel import ExecutorSpec
    from conflictwatch.store import Store


def iso_date(value: str | date | None) -> date | None:
    """YYYY-MM-DD (a date-time is cut to its day); anything else is refused with the format."""
    if value is None or isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2016-10-13") from exc


def open_existing(db: str) -> Store:
    """Open a database that must already exist: reading commands never create an empty one."""
    from conflictwatch.store import open_store

    path = sqlite_path(db)
    if path is not None and not path.exists():
        raise click.ClickException(
            f"database not found: {db} (create it with `conflictwatch run INPUT... --db {db}`, "
            "or name another with --db)"
        )
    if path is not None and path.is_dir():
        raise click.ClickException(f"--db {db} is a folder, not a database file")
    return open_store(db)


class Scope(StrEnum):
    incident = "incident"
    aggregate = "aggregate"


class ClaimsFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class ArticlesFormat(StrEnum):
    jsonl = "jsonl"


class EventsFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"
    parquet = "parquet"
    ged = "ged"


class ExecutorChoice(StrEnum):
    local = "local"
    dask = "dask"


WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", "-w", min=1, metavar="N", show_default=False,
    help="Processes extracting at once (default: one per core of this machine). `run` extracts "
    "inputs with fewer than 48 articles in one worker forked as it starts (it loads spaCy while "
    "the run opens the database); 1 never starts workers.",
)]
ExecutorOpt = Annotated[ExecutorChoice, typer.Option(
    "--executor",
    help="local: worker processes on this machine; dask: the workers of the Dask cluster at "
    "--scheduler (or, without one, a local Dask cluster of --workers processes). Only this "
    "process writes to the database.",
)]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="Dask scheduler address (tcp://host:8786) or scheduler file; implies --executor dask.",
)]


#: Fewer articles to extract than this are done in the main process (default 48).
MIN_PARALLEL_ENV = "CONFLICTWATCH_MIN_PARALLEL"


def executor_spec(workers: int | None, executor: ExecutorChoice, scheduler: str | None) -> ExecutorSpec:
    """The options' meaning: where extraction runs."""
    from conflictwatch.parallel import ExecutorSpec, default_workers

    kind = "dask" if scheduler else executor.value
    spec = ExecutorSpec(workers=workers or default_workers(), executor=kind, scheduler=scheduler)
    threshold = os.environ.get(MIN_PARALLEL_ENV, "").strip()
    if threshold:
        try:
            spec.min_parallel = max(0, int(threshold))
        except ValueError as exc:
            raise click.ClickException(f"{MIN_PARALLEL_ENV}={threshold!r} is not a whole number") from exc
    return spec


DbOpt = Annotated[str, typer.Option("--db", metavar="PATH|URL", envvar=DB_ENV, help=DB_HELP)]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="FILE", help="Output file (default: standard output)."),
]
ScopeOpt = Annotated[Scope | None, typer.Option("--scope", help="Only incident or only aggregate claims.")]

# The event filters `events`, `export events` (and the API) share, declared once.
SinceOpt = Annotated[
    date | None,
    typer.Option(
        "--since", parser=iso_date, metavar="DATE", help="Only events on or after this day (YYYY-MM-DD)."
    ),
]
UntilOpt = Annotated[
    date | None,
    typer.Option(
        "--until", parser=iso_date, metavar="DATE", help="Only events on or before this day (YYYY-MM-DD)."
    ),
]
TypeOpt = Annotated[
    str | None,
    typer.Option(
        "--type", metavar="TEXT",
        help="Only events whose type or sub-type contains this text, e.g. 'air' or 'Battles'.",
    ),
]
CountryOpt = Annotated[
    str | None,
    typer.Option(
        "--country", metavar="TEXT", help="Only events whose country contains this text, e.g. 'Syria'."
    ),
]
ActorOpt = Annotated[
    str | None,
    typer.Option(
        "--actor", metavar="TEXT", help="Only events where either actor contains this text, e.g. 'Russia'."
    ),
]
MinFatalitiesOpt = Annotated[
    int | None,
    typer.Option(
        "--min-fatalities", min=0, metavar="N", help="Only events whose best fatality estimate is at least N."
    ),
]


def event_filter(
    since: date | None, until: date | None, type_: str | None, country: str | None,
    actor: str | None, min_fatalities: int | None,
) -> EventFilter:
    """The filter the shared options describe; a reversed date range is refused."""
    from conflictwatch.export.events import EventFilter

    if since and until and since > until:
        raise typer.BadParameter(f"--since {since} is after --until {until}", param_hint="--since/--until")
    return EventFilter(
        since=since, until=until, type=type_, country=country, actor=actor, min_fatalities=min_fatalities
    )


__all__ = [
    "DEFAULT_DB",
    "ActorOpt",
    "ArticlesFormat",
    "ClaimsFormat",
    "CountryOpt",
    "DbOpt",
    "EventsFormat",
    "ExecutorChoice",
    "ExecutorOpt",
    "MinFatalitiesOpt",
    "OutOpt",
    "Scope",
    "SchedulerOpt",
    "ScopeOpt",
    "SinceOpt",
    "TypeOpt",
    "UntilOpt",
    "WorkersOpt",
    "event_filter",
    "executor_spec",
    "iso_date",
    "open_existing",
    "sqlite_path",
]


MaxCharsOpt = Annotated[int | None, typer.Option(
    "--max-article-chars", metavar="N", min=0,
    help=f"Skip (and report) articles longer than N characters; 0 = no limit. Default: "
    f"${MAX_CHARS_ENV}, else {Budget().max_chars:,}.",
)]
MaxSecondsOpt = Annotated[float | None, typer.Option(
    "--max-article-seconds", metavar="S", min=0,
    help=f"Give up (and report) an article whose extraction takes longer than S seconds; 0 = no "
    f"limit. Default: ${MAX_SECONDS_ENV}, else {Budget().max_seconds:g}.",
)]


def budget(max_chars: int | None, max_seconds: float | None) -> Budget:
    """The per-article budget: the options given, else the environment's, else the defaults."""
    try:
        base = Budget.from_env()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    return Budget(
        base.max_chars if max_chars is None else (max_chars or None),
        base.max_seconds if max_seconds is None else (max_seconds or None),
    )


def database_failed(db: str, exc: Exception) -> click.ClickException | None:
    """The one-line error for a job stopped by a database fault (locked, disk full, file deleted),
    with what it had stored before; None when `exc` is not a database fault."""
    from conflictwatch.store.faults import database_fault

    fault = database_fault(exc)
    if fault is None:
        return None
    stats = getattr(exc, "stats", None)
    done = (f"; {stats.articles_new} new and {stats.reextracted} re-extracted articles were stored whole "
            "before it, run the same command again to finish" if stats is not None else "")
    return click.ClickException(f"database {db}: {fault}{done}")
