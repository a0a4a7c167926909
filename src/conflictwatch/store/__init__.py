"""Storage: one data model over SQLite (default) or PostgreSQL, through SQLAlchemy Core.

The schema is created and migrated by the program (`schema.py`); articles are stored once
by normalised content hash, claims keep their article and quote. Several processes may write one
database at once (`engine.py`); reconciliation reads and writes through `reconciling.py`.

`Store` and `open_store` are imported on first use: importing this package (for the database's
name and error, `names.py`) does not import SQLAlchemy, which `--help` and commands that never
open a database would pay ~0.3 s for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictwatch.store.names import DB_ENV, DEFAULT_DB, StoreError

if TYPE_CHECKING:
    from conflictwatch.store.db import Store, open_store


def __getattr__(name: str) -> Any:
    if name in ("Store", "open_store"):
        from conflictwatch.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DB_ENV", "DEFAULT_DB", "Store", "StoreError", "open_store"]
