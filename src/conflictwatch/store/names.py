"""The database's name and error, without the database layer: the command line names the
database in every command's options and catches StoreError around every command, and would
otherwise import SQLAlchemy (~0.3 s) for `--help` and for commands that never open a database."""

from __future__ import annotations

from pathlib import Path

#: The environment variable naming the database when `--db` is not given.
DB_ENV = "CONFLICTWATCH_DB"
DEFAULT_DB = "conflictwatch.db"


class StoreError(RuntimeError):
    """A database that cannot be opened: a server that does not answer, a database that does not
    exist, a URL no driver knows. The message is one line, without any password."""


def sqlite_path(db: str) -> Path | None:
    """The file behind a database argument, or None for a server URL (PostgreSQL...)."""
    if db.startswith("sqlite:///"):
        rest = db.removeprefix("sqlite:///")
        return None if rest in ("", ":memory:") else Path(rest)
    if "://" in db:
        return None
    return Path(db).expanduser()


__all__ = ["DB_ENV", "DEFAULT_DB", "StoreError", "sqlite_path"]
