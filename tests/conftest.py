"""Shared fixtures: where the shared corpus lives, and a temporary database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture(scope="session")
def ucdp_dev_claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The UCDP dev set run through the pipeline once per session and written as `export claims
    --format jsonl` writes it (the functions `run` and `export claims` call)."""
    for p in (UCDP_ARTICLES, UCDP_CODINGS):
        if not p.exists():
            pytest.skip(f"UCDP dev set not found at {p} (../shared is not part of a clone)")
    from conflictwatch import pipeline
    from conflictwatch.export import write_claims
    from conflictwatch.store import open_store

    d = tmp_path_factory.mktemp("ucdp-dev")
    store = open_store(str(d / "dev.db"))
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


def _build_demo(path: Path) -> None:
    from conflictwatch import pipeline
    from conflictwatch.reconcile import reconcile_store
    from conflictwatch.store import open_store

    store = open_store(str(path))
    stats = pipeline.run([str(SAMPLES)], store)
    assert not stats.errors, stats.errors
    reconcile_store(store)
    store.engine.dispose()  # closes the connections: SQLite folds its WAL into the file


@pytest.fixture(scope="session")
def demo_db_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    _build_demo(path)
    return path


@pytest.fixture
def demo_db(demo_db_master: Path, tmp_path: Path) -> str:
    """A private copy of the demo database (tests may write to it)."""
    import shutil

    dest = tmp_path / "demo.db"
    shutil.copy(demo_db_master, dest)
    return str(dest)
