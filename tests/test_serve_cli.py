"""`conflictwatch serve`: options reach the app; a missing database is refused, not created."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app

runner = CliRunner()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(asgi: Any, host: str, port: int, **kw: Any) -> None:
        seen.update(app=asgi, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return seen


def test_serve_passes_options_and_token_from_environment(demo_db: str, started: dict[str, Any],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTWATCH_API_TOKEN", "from-env")
    res = runner.invoke(app, ["serve", "--db", demo_db, "--port", "8123", "--protect-reads",
                              "--max-body-mb", "1"])
    assert res.exit_code == 0, res.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    cfg = started["app"].state.cw.config
    assert cfg.token == "from-env" and cfg.protect_reads and cfg.max_body == 1024 * 1024
    assert "writes need the token" in res.output


def test_serve_refuses_a_missing_database(tmp_path: Path, started: dict[str, Any]) -> None:
    missing = tmp_path / "typo.db"
    res = runner.invoke(app, ["serve", "--db", str(missing)])
    assert res.exit_code == 2 and "no database" in res.output and not missing.exists()
    assert not started
    res = runner.invoke(app, ["serve", "--db", str(missing), "--create"])
    assert res.exit_code == 0 and started["app"].state.cw.config.token is None


def test_protected_reads_need_a_token(demo_db: str, started: dict[str, Any],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONFLICTWATCH_API_TOKEN", raising=False)
    res = runner.invoke(app, ["serve", "--db", demo_db, "--protect-reads"])
    assert res.exit_code == 2 and not started
