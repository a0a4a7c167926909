"""`conflictwatch watch`: poll feeds and drop folders, taking in only what is new."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from conflictwatch.cli.core import app, note
from conflictwatch.cli.options import (
    DEFAULT_DB,
    DbOpt,
    ExecutorChoice,
    ExecutorOpt,
    SchedulerOpt,
    WorkersOpt,
    executor_spec,
)

# conflictwatch.watch (and urllib's HTTP client with it) is imported by the command itself: the
# other commands start without it.
if TYPE_CHECKING:
    from conflictwatch.watch import Round


def _duration(value: str | float) -> float:
    from conflictwatch.watch import parse_duration

    if isinstance(value, float | int):
        return float(value)
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(
        metavar="FEED_OR_FOLDER",
        help="RSS/Atom feed URLs (http/https) or files, drop folders, or files.",
    )],
    db: DbOpt = DEFAULT_DB,
    every: Annotated[str, typer.Option(
        "--every", metavar="DURATION", help="Time from one round to the next: 90s, 10m, 1h, 1h30m.",
    )] = "10m",
    once: Annotated[bool, typer.Option(
        "--once", help="One round, then exit (for cron); exit status 1 if a source or article failed.",
    )] = False,
    settle: Annotated[str, typer.Option(
        "--settle", metavar="DURATION",
        help="Files modified more recently than this may still be being written: next round.",
    )] = "2s",
    timeout: Annotated[str, typer.Option(
        "--timeout", metavar="DURATION", help="Give up on a feed that has not answered within this.",
    )] = "30s",
    workers: WorkersOpt = None,
    executor: ExecutorOpt = ExecutorChoice.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Poll feeds and folders and take in only what is new, every --every.

    Each round reads every source, runs the main job (as `run`) on the items and files not seen
    before, and remembers them in the database: per feed each item (guid or link, and the hash
    of its text: an item whose text changed is taken in again), per folder each file (size,
    modification time and SHA-256). A feed that is down or answers with something that is not a
    feed is logged and tried again next round; the other sources go on. Stop with Ctrl-C: what
    was stored is whole, and the next start goes on from there.

        conflictwatch watch https://example.org/world.rss inbox/ --every 10m --db cw.db
        conflictwatch watch https://example.org/world.rss inbox/ --once   # from cron
    """
    from conflictwatch.watch import Watcher

    period, settle_s, timeout_s = _duration(every), _duration(settle), _duration(timeout)
    if period <= 0:
        raise typer.BadParameter("must be more than 0", param_hint="--every")
    from conflictwatch.store import open_store

    watcher = Watcher(sources, open_store(db), executor_spec(workers, executor, scheduler),
                      settle=settle_s, timeout=timeout_s)
    last: list[Round] = []

    def stop(rnd: Round) -> bool:
        note(escape(rnd.describe()))
        last.append(rnd)
        return once

    if not once:
        note(f"watching {len(sources)} sources every {escape(every)} into [bold]{escape(db)}[/bold] "
             "(Ctrl-C to stop)")
    try:
        watcher.forever(period, stop=stop)
    except KeyboardInterrupt:
        note("stopped: everything stored is whole; the next start goes on from there")
        raise typer.Exit(0) from None
    if once and last and not last[-1].ok:
        raise typer.Exit(1)


__all__ = ["watch"]
