"""Storage: one data model over SQLite (default) or PostgreSQL, through SQLAlchemy Core.

The schema is created and migrated by the program (`schema.py`); articles are stored once
by normalised content hash, claims keep their article and quote.
"""

from conflictwatch.store.db import DEFAULT_DB, Store, open_store

__all__ = ["DEFAULT_DB", "Store", "open_store"]
