"""Storage: one data model over SQLite (default) or PostgreSQL, through SQLAlchemy Core.

The schema is created and migrated by the program (`schema.py`); articles are stored once
by normalised content hash, claims keep their article and quote. Several processes may write one
database at once (`engine.py`); reconciliation reads and writes through `reconciling.py`.
"""

from conflictwatch.store.db import DEFAULT_DB, Store, open_store
from conflictwatch.store.engine import DB_ENV, StoreError

__all__ = ["DB_ENV", "DEFAULT_DB", "Store", "StoreError", "open_store"]
