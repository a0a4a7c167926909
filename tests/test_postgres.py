"""The PostgreSQL backend: the same input gives the same database, API answers and exports on
SQLite and on PostgreSQL; `--db` / `CONFLICTWATCH_DB`; a server that cannot be reached is one error
line. Parity tests need a server (`CONFLICTWATCH_TEST_DB`, see conftest.py) and skip without one."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what its TestClient runs on
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conflictwatch import pipeline
from conflictwatch.api import ApiConfig, create_app
from conflictwatch.cli import app
from conflictwatch.export import export_all
from conflictwatch.models import Article, Claim, Range
from conflictwatch.reconcile import reconcile_pending
from conflictwatch.store import StoreError, open_store, schema

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
runner = CliRunner()


def _db_rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a backend-neutral form (times of writing left out)."""
    store = open_store(db)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table in ("articles", "claims", "events", "event_claims", "event_blocks", "gazetteer"):
            rows = conn.execute(schema.metadata.tables[table].select()).mappings().all()
            out[table] = sorted((
                tuple((k, bytes(v) if isinstance(v, memoryview) else v) for k, v in sorted(r.items())
                      if k not in ("ingested_at", "extracted_at"))
                for r in rows
            ), key=repr)
    store.engine.dispose()
    return out


def test_same_input_gives_the_same_database_and_answers_on_sqlite_and_postgresql(
    pg_url: str, new_db: Callable[..., str], tmp_path: Path
) -> None:
    sqlite = str(tmp_path / "parity.db")
    for db in (sqlite, pg_url):
        store = open_store(db)
        assert pipeline.run([str(SAMPLES)], store).ok
        # a long dateline and place (PostgreSQL must not refuse what SQLite stores), accents
        long_place = "Kafr " + "Nabudah-" * 40
        a = Article(text="Shelling killed four people in " + long_place + ".", title="Élan vital",
                    article_id="long", published=date(2016, 10, 14), dateline="DAMASCUS, " + "x" * 300)
        store.save_article(a, [Claim(article_id="long", quote="Shelling killed four people.", location=long_place,
                                     country="Syria", date_start=date(2016, 10, 13), time_precision=1,
                                     killed=Range(4, 4), claimed_by="Ärzte ohne Grenzen")],
                           extractor_version="x")
        reconcile_pending(store)
        with store.engine.begin() as conn:  # exports show when reports came in: the same moment
            conn.execute(text("UPDATE articles SET ingested_at = '2016-10-15T08:00:00+00:00'"))
        store.engine.dispose()
    a, b = _db_rows(sqlite), _db_rows(pg_url)
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], table
    assert len(a["events"]) >= 15 and len(a["claims"]) >= 20

    # the API gives the same answers (sorted by text columns, filtered by any-case text)
    queries = ["/api/events?sort=location&limit=500", "/api/events?sort=-fatalities&q=ALEPPO",
               "/api/events?type=air/drone%20strike&sort=country", "/api/claims?sort=claimed_by&limit=500",
               "/api/articles?sort=title", "/api/counts?interval=week", "/api/summary", "/api/facets",
               "/api/events?claimed_by=%C3%A4rzte", "/api/claims?q=50%25"]
    answers = []
    for db in (sqlite, pg_url):
        api = TestClient(create_app(ApiConfig(db=db)))
        answers.append([api.get(q).json() for q in queries])
        api.app.state.cw.store.engine.dispose()  # type: ignore[attr-defined]
    for q, x, y in zip(queries, *answers, strict=True):
        assert x == y, q
    assert answers[0][1]["total"] > 0 and answers[0][9]["total"] == 0
    # the exports are the same files
    files = [export_all(open_store(db), tmp_path / name) for db, name in ((sqlite, "s"), (pg_url, "p"))]
    for f, g in zip(*files, strict=True):
        assert f.name == g.name and f.read_bytes() == g.read_bytes(), f.name


def test_db_option_falls_back_to_the_environment(db_path: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "e1", "text": "An air strike killed seven people in Saraqib on "
                               "Monday, the Observatory said.", "published": "2022-05-10"}) + "\n")
    monkeypatch.setenv("CONFLICTWATCH_DB", db_path)
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["run", str(src), "-q"]).exit_code == 0
    res = runner.invoke(app, ["claims"])
    assert res.exit_code == 0 and "Saraqib" in res.stdout
    assert not (tmp_path / "conflictwatch.db").exists()  # the default file was not used
    assert open_store(db_path).count("articles") == 1


def test_a_server_that_cannot_be_reached_is_one_error_line_without_the_password() -> None:
    url = "postgresql://analyst:s3cret@127.0.0.1:1/events"  # nothing listens on port 1
    with pytest.raises(StoreError, match="cannot open the database") as err:
        open_store(url)
    assert "s3cret" not in str(err.value) and "\n" not in str(err.value)
    res = runner.invoke(app, ["events", "--db", url])
    assert res.exit_code == 1
    assert res.stderr.startswith("error: cannot open the database postgresql://analyst:***@127.0.0.1:1/events")
    assert "s3cret" not in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["events", "--db", "oracle://x@y/z"])
    assert res.exit_code == 1 and "no database driver" in res.stderr


def test_a_missing_postgresql_database_is_refused(pg_url: str) -> None:
    from sqlalchemy.engine import make_url

    missing = make_url(pg_url).set(database="cw_no_such_database").render_as_string(hide_password=False)
    res = runner.invoke(app, ["events", "--db", missing])
    assert res.exit_code == 1 and 'database "cw_no_such_database" does not exist' in res.stderr


def test_postgresql_url_spellings_use_psycopg(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    store = open_store(plain)
    assert store.dialect == "postgresql" and store.engine.driver == "psycopg"
    store.engine.dispose()
