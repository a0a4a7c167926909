"""Shared fixtures: where the shared corpus lives, and a temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "wire-2016-10-sample.txt"


@pytest.fixture
def corpus_path() -> Path:
    """The real wire dump (read from ../shared, never copied into the repository)."""
    if not CORPUS.exists():
        pytest.fail(f"shared corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
