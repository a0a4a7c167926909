"""Faults of the database itself (locked, disk full, file deleted, server gone), told apart from
faults of one article, and said in words.

An article that fails (bad text, an extractor slip) is skipped and the run goes on. A database
that fails fails for every article after it: going on would only repeat the error, each time after
a lock timeout. So the job stops at the first database fault and reports it once, clearly; every
article stored before it is whole (one transaction per article), and running the same job again
stores the rest, nothing twice.

SQLite keeps writing to a database file that was deleted while it was open (the data then goes
nowhere); `guard_sqlite_file` makes every commit check that the file is still the one opened.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is imported by the functions that need it: the pipeline imports this module, and a
# process that only extracts (`parallel`, `early`) never opens a database.

#: (words in the driver's message, what we tell the user); first match wins.
_MESSAGES = [
    ("database is locked", "the database is locked by another process (another `run`, a backup tool or an "
                           "open transaction); run again when it is free"),
    ("database table is locked", "the database is locked by another process; run again when it is free"),
    ("disk is full", "the disk holding the database is full; free space, then run again"),
    ("disk i/o error", "disk I/O error writing the database (disk full, removed or failing?)"),
    ("readonly database", "the database file is read-only"),
    ("read-only", "the database is read-only"),
    ("unable to open database file", "cannot open the database file (its folder deleted or not writable?)"),
    ("no such table", "the database has no conflictwatch tables: its file was deleted or replaced"),
    ("file is not a database", "the database file is damaged or is not a database"),
    ("malformed", "the database file is damaged (restore it from a backup: `conflictwatch restore`)"),
    ("server closed the connection", "lost the connection to the database server"),
    ("connection refused", "cannot reach the database server"),
    ("terminating connection", "the database server closed the connection (restarted?)"),
    ("could not connect", "cannot reach the database server"),
    ("connection to server", "cannot reach the database server (is it running?)"),
    ("connection is bad", "lost the connection to the database server"),
]


class StoreUnavailable(Exception):
    """The database failed (not one article): the job stopped. `stats` is what it did before."""

    def __init__(self, message: str, stats: Any = None) -> None:
        super().__init__(message)
        self.stats = stats


class FileReplaced(Exception):
    """The SQLite file was deleted or replaced while open: committing would write into the void."""


def database_fault(exc: BaseException) -> str | None:
    """What went wrong with the database, in words, if `exc` (or its cause) is a database fault
    rather than a problem of the data being written; else None."""
    from sqlalchemy import exc as sa_exc

    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, StoreUnavailable):
            return str(e)
        if isinstance(e, FileReplaced):
            return str(e)
        if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return "the disk holding the database is full; free space, then run again"
        if isinstance(e, sa_exc.OperationalError | sa_exc.InterfaceError) or (
            isinstance(e, sa_exc.DatabaseError) and not isinstance(e, sa_exc.IntegrityError)
        ):
            text = str(getattr(e, "orig", None) or e).lower()
            for words, said in _MESSAGES:
                if words in text:
                    return said
            return f"database error: {str(getattr(e, 'orig', None) or e).splitlines()[0]}"
        e = e.__cause__ or e.__context__
    return None


def guard_sqlite_file(engine: Engine, path: Path) -> None:
    """Refuse every commit once the database file at `path` is gone or is another file than the
    one opened (deleted, moved, replaced): the transaction is rolled back and FileReplaced raised."""
    from sqlalchemy import event

    try:
        st = os.stat(path)
    except OSError:
        return  # not created yet (":memory:", or an odd URL): nothing to guard
    identity = (st.st_dev, st.st_ino)

    @event.listens_for(engine, "commit")
    def _still_there(conn: Any) -> None:
        try:
            now = os.stat(path)
        except FileNotFoundError:
            raise FileReplaced(f"the database file {path} was deleted during the run; nothing more was "
                               "written to it (restore it, or run again to rebuild it)") from None
        if (now.st_dev, now.st_ino) != identity:
            raise FileReplaced(f"the database file {path} was replaced by another file during the run; "
                               "nothing more was written (run again to write to the new one)")


__all__ = ["FileReplaced", "StoreUnavailable", "database_fault", "guard_sqlite_file"]
