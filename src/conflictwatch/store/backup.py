"""Backups of an SQLite database while it is in use, and restoring them, with SQLite's online
backup API (`sqlite3.Connection.backup`).

The backup is one consistent snapshot: it is copied inside one read transaction, so an article
being written at that moment is in it whole or not at all (one transaction per article), and a
writer is never blocked (the database runs in WAL mode). It is written next to its destination
under a temporary name, checked (`PRAGMA integrity_check`, conflictwatch's tables) and only then
renamed into place, so a crash never leaves half a backup under the real name.

Restoring checks the backup the same way, then copies it into the database page by page through
the same API (a server that has the database open sees the restored content on its next read).

PostgreSQL is backed up with its own tools: see `POSTGRES_RECIPE`.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

POSTGRES_RECIPE = (
    "PostgreSQL databases are backed up with PostgreSQL's own tools: "
    "`pg_dump --format=custom --file=cw.dump \"$URL\"` (consistent while conflictwatch writes) and "
    "`pg_restore --clean --if-exists --no-owner --dbname=\"$URL\" cw.dump`"
)

_TABLES = ("articles", "claims", "events", "event_claims", "schema_info")


class BackupError(Exception):
    """A backup or restore that could not be made; nothing was replaced."""


@dataclass(frozen=True)
class Summary:
    """What a database (or backup) holds."""

    path: Path
    bytes: int
    articles: int
    claims: int
    events: int

    def __str__(self) -> str:
        return (f"{self.path}: {self.articles:,} articles, {self.claims:,} claims, {self.events:,} events "
                f"({self.bytes / 1e6:.1f} MB)")


def sqlite_file(db: str) -> Path | None:
    """The file behind a --db value, or None for a server URL."""
    if db.startswith("sqlite:///"):
        return Path(db.removeprefix("sqlite:///"))
    if "://" in db:
        return None
    return Path(db).expanduser()


def summarise(path: Path) -> Summary:
    """Check that `path` is a whole conflictwatch database and count what it holds."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(f"{path}: damaged: {'; '.join(problems[:3])}")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = [t for t in _TABLES if t not in tables]
            if missing:
                raise BackupError(f"{path}: not a conflictwatch database (no {', '.join(missing)} table)")
            n = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES[:3]}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path}: not an SQLite database ({exc})") from None
    return Summary(path, path.stat().st_size, n["articles"], n["claims"], n["events"])


def _copy(src: sqlite3.Connection, dest: sqlite3.Connection) -> None:
    # pages=-1: the whole database in one step, i.e. inside one read transaction: a consistent
    # snapshot even while another process writes (a stepwise copy would restart on every write)
    src.backup(dest, pages=-1)


def backup(db: Path, out: Path, *, overwrite: bool = False) -> Summary:
    """Write a consistent copy of the database `db` (in use or not) to `out`."""
    if not db.is_file():
        raise BackupError(f"{db}: no such database")
    if out.exists() and not overwrite:
        raise BackupError(f"{out} exists: name another file or pass --force")
    if out.resolve() == db.resolve():
        raise BackupError("the backup cannot be the database itself")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.partial")
    tmp.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)) as src, \
                closing(sqlite3.connect(tmp)) as dest:
            _copy(src, dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        summary = summarise(tmp)
        os.replace(tmp, out)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"backup of {db} failed: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return Summary(out, summary.bytes, summary.articles, summary.claims, summary.events)


def restore(source: Path, db: Path, *, overwrite: bool = False) -> Summary:
    """Make the database `db` a copy of the backup `source` (checked first)."""
    summarise(source)
    if db.exists() and not overwrite:
        raise BackupError(f"{db} exists: pass --force to replace its content with the backup's")
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(db, timeout=30)) as dest:
            _copy(src, dest)
            dest.execute("PRAGMA journal_mode=WAL")  # as conflictwatch opens it
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"restore into {db} failed: {exc}") from None
    return summarise(db)


__all__ = ["POSTGRES_RECIPE", "BackupError", "Summary", "backup", "restore", "sqlite_file", "summarise"]
