"""Test databases on either backend: SQLite files, or databases on a PostgreSQL test server.

A helper of `conftest.py` (and of tests that need a second database on the other backend).
"""

from __future__ import annotations

import itertools
import secrets
import shutil
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from conflictwatch.store import open_store
from conflictwatch.store.engine import db_url

#: Names the PostgreSQL server the tests may create databases on (any database of it, e.g. postgres).
TEST_DB_ENV = "CONFLICTWATCH_TEST_DB"


class Databases:
    """New databases for tests. SQLite: a file in the test's folder. PostgreSQL: `CREATE DATABASE`
    from a migrated template (fast: a file copy), dropped again by `drop` / `drop_all`."""

    def __init__(self, server: str | None) -> None:
        self.server = db_url(server) if server else None
        self._prefix = f"cwt_{secrets.token_hex(3)}"
        self._n = itertools.count(1)
        self._template: str | None = None
        self._made: list[str] = []
        self._admin: Engine | None = None

    @property
    def backend(self) -> str:
        return "postgresql" if self.server else "sqlite"

    def _sql(self, statement: str) -> None:
        if self._admin is None:
            assert self.server is not None
            self._admin = create_engine(self.server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with self._admin.connect() as conn:
            conn.execute(text(statement))

    def url(self, name: str) -> str:
        assert self.server is not None
        return make_url(self.server).set(database=name).render_as_string(hide_password=False)

    @staticmethod
    def name_of(db: str) -> str:
        return make_url(db).database or ""

    def _template_name(self) -> str:
        if self._template is None:
            name = f"{self._prefix}_template"
            self._sql(f'CREATE DATABASE "{name}"')
            self._made.append(name)
            open_store(self.url(name)).engine.dispose()  # migrated once; copies need not migrate
            self._template = name
        return self._template

    def new(self, folder: Path, name: str = "test", *, bare: bool = False) -> str:
        """A new, empty database named after `name`: on PostgreSQL already migrated (a copy of the
        template), unless `bare` (no tables at all, as a DBA's `createdb` leaves it)."""
        if self.server is None:
            return str(folder / f"{name}.db")
        return self._create("template0" if bare else self._template_name())

    def copy(self, source: str, folder: Path, name: str) -> str:
        """A copy of a database (its connections are ended first, on PostgreSQL)."""
        if self.server is None:
            dest = folder / f"{name}.db"
            shutil.copy(source, dest)
            return str(dest)
        name = self.name_of(source)
        # a template must have no sessions: end those the source's earlier users left in their pools
        # (pool_pre_ping reconnects them if they are used again)
        self._sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                  f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
        return self._create(name)

    def _create(self, template: str) -> str:
        db = f"{self._prefix}_{next(self._n)}"
        self._sql(f'CREATE DATABASE "{db}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        self._made.append(db)
        return self.url(db)

    def drop(self, db: str) -> None:
        """Drop a PostgreSQL test database (its connections are ended); files are left to tmp_path."""
        if self.server is None or "://" not in db:
            return
        name = self.name_of(db)
        self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._made:
            self._made.remove(name)

    def drop_all(self) -> None:
        if self.server is None:
            return
        for name in reversed(self._made[:]):
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.clear()
        if self._admin is not None:
            self._admin.dispose()


__all__ = ["TEST_DB_ENV", "Databases"]
