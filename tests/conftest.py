"""Shared fixtures: where the shared corpus lives, and temporary databases on either backend.

The whole suite runs against SQLite by default. With `CONFLICTWATCH_TEST_DB` naming a PostgreSQL
server (`postgresql://postgres@/postgres?host=/tmp/pg`, as `scripts/pg_server.sh start DIR`
prints), every database a test asks for (`db_path`, `new_db`, the demo database) is a fresh
PostgreSQL database on that server instead, created from a migrated template and dropped after
the test. Tests about SQLite files themselves (paths, folders, old file formats) keep using files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from conflictwatch.geo import Geocoder
from pgtest import TEST_DB_ENV, Databases

# Property-based and fuzz tests: a fixed, bounded search by default (the same examples on every
# run, so CI is reproducible and stays fast); HYPOTHESIS_PROFILE=deep searches ten times as many
# fresh examples and keeps failures in .hypothesis/ to replay them.
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "wire-2016-10-sample.txt"
UCDP_ARTICLES = SHARED / "corpus" / "ucdp-2022-dev.jsonl"
UCDP_CODINGS = SHARED / "corpus" / "ucdp-2022-dev-codings.jsonl"
UCDP_SCORER = SHARED / "tools" / "score_ucdp.py"


@pytest.fixture
def corpus_path() -> Path:
    """The real wire dump (read from ../shared, never copied into the repository)."""
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS} (../shared is not part of a clone)")
    return CORPUS


@pytest.fixture(scope="session")
def databases() -> Iterator[Databases]:
    """Hands out new databases: SQLite files, or PostgreSQL databases with CONFLICTWATCH_TEST_DB."""
    dbs = Databases(os.environ.get(TEST_DB_ENV) or None)
    yield dbs
    dbs.drop_all()


@pytest.fixture
def new_db(databases: Databases, tmp_path: Path) -> Iterator[Callable[..., str]]:
    """`new_db("name")`: a new, empty database (path or URL) for this test, on the backend under test
    (`bare=True`: without tables on PostgreSQL too, to test migrations)."""
    made: list[str] = []

    def make(name: str = "test", bare: bool = False) -> str:
        made.append(databases.new(tmp_path, name, bare=bare))
        return made[-1]

    yield make
    for db in made:
        databases.drop(db)


@pytest.fixture
def db_path(new_db: Callable[..., str]) -> str:
    """A new, empty database (an SQLite path, or a PostgreSQL URL: see the module docstring)."""
    return new_db("test")


@pytest.fixture
def pg_url(databases: Databases, new_db: Callable[..., str]) -> str:
    """A new PostgreSQL database; the test is skipped when no server is configured."""
    if databases.server is None:
        pytest.skip(f"no PostgreSQL server: set {TEST_DB_ENV}=postgresql://... "
                    "(`scripts/pg_server.sh start DIR` starts one and prints it)")
    return new_db("pg")


@pytest.fixture(scope="session")
def ucdp_dev_claims(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Path:
    """The UCDP dev set run through the pipeline once per session and written as `export claims
    --format jsonl` writes it (the functions `run` and `export claims` call)."""
    for p in (UCDP_ARTICLES, UCDP_CODINGS):
        if not p.exists():
            pytest.skip(f"UCDP dev set not found at {p} (../shared is not part of a clone)")
    from conflictwatch import pipeline
    from conflictwatch.export import write_claims
    from conflictwatch.store import open_store

    d = tmp_path_factory.mktemp("ucdp-dev")
    store = open_store(databases.new(d, "dev"))
    try:
        stats = pipeline.run([str(UCDP_ARTICLES)], store)
        assert not stats.errors, stats.errors
        out = d / "claims.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            write_claims(store, "jsonl", fh)
    finally:
        store.engine.dispose()
    return out


# -- the demo database, built once per test session by the real pipeline (API, web, report tests)
SAMPLES = REPO / "samples"


def _build_demo(db: str) -> None:
    from conflictwatch import pipeline
    from conflictwatch.reconcile import reconcile_store
    from conflictwatch.store import open_store

    store = open_store(db)
    stats = pipeline.run([str(SAMPLES)], store)
    assert not stats.errors, stats.errors
    reconcile_store(store)
    store.engine.dispose()  # closes the connections: SQLite folds its WAL into the file


@pytest.fixture(scope="session")
def demo_db_master(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> str:
    """The demo database (path or URL); never written to: tests copy it (`demo_db`)."""
    db = databases.new(tmp_path_factory.mktemp("demo"), "demo")
    _build_demo(db)
    return db


@pytest.fixture
def demo_db(demo_db_master: str, databases: Databases, tmp_path: Path) -> Iterator[str]:
    """A private copy of the demo database (tests may write to it)."""
    db = databases.copy(demo_db_master, tmp_path, "demo")
    yield db
    databases.drop(db)


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    """One geocoder per test module (its article cache is not shared between modules)."""
    return Geocoder()
