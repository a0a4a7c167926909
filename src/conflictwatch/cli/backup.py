"""`conflictwatch backup` and `conflictwatch restore`: copies of an SQLite database, taken while
it is in use (SQLite's online backup API), and putting one back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer import _click as click

from conflictwatch.cli.core import app, note
from conflictwatch.cli.options import DbOpt
from conflictwatch.store.backup import POSTGRES_RECIPE, BackupError, backup, restore, sqlite_file
from conflictwatch.store.names import DEFAULT_DB

ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing file.")]


def _file(db: str) -> Path:
    path = sqlite_file(db)
    if path is None:
        raise click.ClickException(POSTGRES_RECIPE)
    return path


@app.command("backup")
def backup_cmd(
    out: Annotated[Path, typer.Argument(metavar="FILE", help="Where to write the backup (an SQLite file).")],
    db: DbOpt = DEFAULT_DB,
    force: ForceOpt = False,
) -> None:
    """Copy the database to FILE, safely while `run` or `serve` are writing to it.

    The copy is one consistent snapshot (every article whole, with its claims), checked before it
    is put in place. Restore it with `conflictwatch restore FILE --db PATH`.

        conflictwatch backup backups/cw-$(date +%F).db --db out/cw.db
    """
    try:
        summary = backup(_file(db), out, overwrite=force)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    note(f"backup written: {summary}")


@app.command("restore")
def restore_cmd(
    source: Annotated[Path, typer.Argument(metavar="BACKUP", help="A file `conflictwatch backup` wrote.")],
    db: DbOpt = DEFAULT_DB,
    force: ForceOpt = False,
) -> None:
    """Put a backup back: the database at --db becomes a copy of BACKUP.

    The backup is checked first (SQLite's integrity check, conflictwatch's tables); an existing
    database is replaced only with --force. Stop `run` jobs first; a running `serve` sees the
    restored data on its next request.
    """
    try:
        summary = restore(source, _file(db), overwrite=force)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    note(f"restored: {summary}")


__all__ = ["backup_cmd", "restore_cmd"]
