"""Opening a database (SQLite file or PostgreSQL URL) and writing to it from several processes at once.

Why this module: two `conflictwatch run`s (or a run and the API server) may write one database at
the same time. Each backend needs its own way to keep them from tripping over each other:

- **SQLite** allows one writer at a time. Every write transaction starts with `BEGIN IMMEDIATE`, so
  it takes the write lock before it reads anything (a deferred transaction that read first would
  fail with "database is locked" when another process wrote in between). A writer waits for the
  lock up to `CONFLICTWATCH_LOCK_TIMEOUT` seconds (default 600). The file is in WAL mode, so
  readers never wait.
- **PostgreSQL** lets writers run side by side. Article writes take a shared advisory lock plus one
  lock per article (two processes storing the same article take turns, so it is stored once);
  reconciliation takes the advisory lock exclusively, so it sees every article committed before it
  and none is written while it rebuilds events. Schema migrations take a lock of their own.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, RootTransaction, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from conflictwatch.store.names import DB_ENV, DEFAULT_DB, StoreError

LOCK_TIMEOUT_ENV = "CONFLICTWATCH_LOCK_TIMEOUT"

# PostgreSQL advisory locks (two-int form: class, object; the one-bigint keys are per article).
_LOCK_CLASS = 0x6377  # "cw"
_WRITERS = 1
_MIGRATE = 2


def shown(db: str) -> str:
    """A database argument as it may be printed: a URL without its password."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        return db.split("://", 1)[0] + "://..."


def default_db() -> str:
    """`$CONFLICTWATCH_DB` when set, else `conflictwatch.db` in the working folder."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def db_url(db: str) -> str:
    """An SQLAlchemy URL for a database argument: a file path (SQLite) or a URL.

    `postgresql://` and `postgres://` (libpq's spellings) mean psycopg 3, the driver we ship."""
    for prefix in ("postgresql://", "postgres://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db.removeprefix(prefix)
    if "://" in db:
        return db
    path = Path(db).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)  # `--db out/cw.db` on a fresh checkout
    return f"sqlite:///{path}"


def lock_timeout() -> float:
    """Seconds a SQLite writer waits for another process's write lock before giving up."""
    try:
        return float(os.environ.get(LOCK_TIMEOUT_ENV) or 600)
    except ValueError:
        return 600.0


_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def make_engine(db: str) -> Engine:
    url = db_url(db)
    try:
        make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{shown(db)}: not a database file or URL ({exc})") from None
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": min(30.0, lock_timeout())})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except (NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"{shown(db)}: no database driver for this URL ({exc}); "
                             "use a file path (SQLite) or postgresql://user@host/dbname") from None
    _ENGINES.add(engine)
    return engine


def close_all() -> None:
    """Close the pooled connections of every engine this process made, before it exits.

    Left to the interpreter's shutdown, they close only if its garbage collector reaches them
    (the command line skips that collection: `cli.main`). Closed here, the last SQLite connection
    checkpoints the WAL into the database file and removes the -wal and -shm files, so the file
    alone holds everything (a user may copy just that); PostgreSQL sessions end cleanly."""
    for engine in list(_ENGINES):
        engine.dispose()


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # the driver never begins on its own: `_sqlite_begin` does
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    # Switching a new file to WAL needs it to itself, and SQLite answers "locked" at once (without
    # waiting) while another process is creating it too: retry until the lock timeout.
    deadline = time.monotonic() + lock_timeout()
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
    # WAL with synchronous=NORMAL: a commit survives the process being killed (kill -9), only a power
    # cut may lose the last ones; the file stays consistent either way. FULL syncs every commit.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("cw_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_rows(engine: Engine, sql: str, params: Sequence[Any]) -> list[Any]:
    """Rows of one read on an SQLite database, through the driver (`?` placeholders).

    For the lookups the writing process makes for every article: SQLAlchemy's connection, its
    BEGIN and ROLLBACK and the expanding IN list cost ~3x what SQLite takes to answer (0.46 ms
    against 0.13 for the near-duplicate candidates). A pooled connection is used as it is (the
    driver in autocommit mode: one statement, one snapshot); a driver error comes out as
    SQLAlchemy's, so a database fault is told apart from an article's (`store.faults`)."""
    conn = engine.raw_connection()
    try:
        cur = conn.cursor()
        try:
            return cur.execute(sql, params).fetchall()
        finally:
            cur.close()
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc
    finally:
        conn.close()


def lock_key(text: str) -> int:
    """A signed 64-bit advisory-lock key for a string (an article id or content hash)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


@contextmanager
def writing(
    engine: Engine, *, exclusive: bool = False, migrate: bool = False, keys: Iterable[str] = ()
) -> Iterator[Connection]:
    """A write transaction that is safe with other processes writing the same database.

    `exclusive`: no other write runs meanwhile (reconciliation). `migrate`: schema changes.
    `keys`: names of things only one transaction at a time may write (an article's id and hash).
    Commits on success, rolls back on any exception."""
    if is_sqlite(engine):
        conn, tx = _sqlite_write_connection(engine)
        try:
            with tx:  # commits, or rolls back on an exception
                yield conn
        finally:
            conn.close()
        return
    with engine.begin() as conn:
        if migrate:
            conn.execute(select(func.pg_advisory_xact_lock(_LOCK_CLASS, _MIGRATE)))
        elif exclusive:
            conn.execute(select(func.pg_advisory_xact_lock(_LOCK_CLASS, _WRITERS)))
        else:
            conn.execute(select(func.pg_advisory_xact_lock_shared(_LOCK_CLASS, _WRITERS)))
        for k in sorted({lock_key(k) for k in keys}):  # one order everywhere: no deadlock
            conn.execute(select(func.pg_advisory_xact_lock(k)))
        yield conn


def _sqlite_write_connection(engine: Engine) -> tuple[Connection, RootTransaction]:
    """A connection inside `BEGIN IMMEDIATE`, waiting for the write lock up to `lock_timeout()`.

    sqlite3's own busy timeout (30 s) covers short waits; a long one (another process rebuilding
    all events) is retried here until the deadline."""
    deadline = time.monotonic() + lock_timeout()
    delay = 0.05
    while True:
        conn = engine.connect().execution_options(cw_write=True)
        try:
            return conn, conn.begin()
        except OperationalError as exc:
            conn.close()
            if "locked" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "StoreError",
    "close_all",
    "db_url",
    "default_db",
    "is_sqlite",
    "lock_key",
    "lock_timeout",
    "make_engine",
    "shown",
    "sqlite_rows",
    "writing",
]
