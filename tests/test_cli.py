"""The command line end to end on a temporary database: run, re-run, bad input, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from conflictwatch.cli import app

runner = CliRunner()

DUMP = """Rockets kill five in Damascus suburb

DAMASCUS (Reuters) - Rockets fired from rebel-held areas killed five people in the Damascus suburb of Jaramana on Tuesday, state news agency SANA said.

Residents said the rockets hit a crowded street near a bakery.

(Reporting by Test Writer; Editing by Test Editor)

Air strikes kill 12 in Idlib town

BEIRUT (Reuters) - Air strikes killed 12 people in the town of Maarat al-Numan on Wednesday, the Syrian Observatory for Human Rights said.

The Observatory said the toll was likely to rise because several people were badly hurt.

(Reporting by Test Writer; Editing by Test Editor)
"""


def _run(*args: str, input: str | None = None):  # noqa: A002
    return runner.invoke(app, list(args), input=input)


def test_run_then_rerun_changes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    db = str(tmp_path / "cw.db")
    first = _run("run", str(src), "--db", db, "--published", "2016-10-13")
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    out1 = _run("export", "claims", "--db", db, "--format", "jsonl")
    claims1 = [json.loads(line) for line in out1.stdout.splitlines() if line.startswith("{")]
    assert {c["killed"]["low"] for c in claims1 if c["killed"]} == {5, 12}
    second = _run("run", str(src), "--db", db, "--published", "2016-10-13")
    assert second.exit_code == 0
    assert "0 new, 2 already stored" in second.output
    out2 = _run("export", "claims", "--db", db, "--format", "jsonl")
    claims2 = [json.loads(line) for line in out2.stdout.splitlines() if line.startswith("{")]
    assert claims1 == claims2


def test_claims_export_follows_the_contract(tmp_path: Path) -> None:
    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    db = str(tmp_path / "cw.db")
    _run("run", str(src), "--db", db, "--published", "2016-10-13")
    out = tmp_path / "claims.jsonl"
    assert _run("export", "claims", "--db", db, "--out", str(out)).exit_code == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    idlib = next(r for r in recs if r["killed"] and r["killed"]["low"] == 12)
    for key in ("claim_id", "article_id", "article_title", "scope", "event_type", "sub_event_type",
                "date_start", "date_end", "time_precision", "location", "admin1", "country",
                "latitude", "longitude", "geo_precision", "actor1", "actor2", "killed", "injured",
                "children_killed", "claimed_by", "reported_by", "quote", "confidence"):
        assert key in idlib
    assert idlib["date_start"] == "2016-10-12"
    assert idlib["claimed_by"] == "Syrian Observatory for Human Rights"
    assert idlib["reported_by"] == "Reuters"
    assert idlib["article_title"] == "Air strikes kill 12 in Idlib town"
    assert "Maarat al-Numan" in idlib["quote"]
    csv_out = _run("export", "claims", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert {r["killed_low"] for r in rows if r["killed_low"]} == {"5", "12"}


def test_bad_inputs_reported_and_the_rest_goes_in(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DUMP, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 bombing kills two\n".encode("latin-1"))
    jl = tmp_path / "a.jsonl"
    jl.write_text('{"id": "j1", "text": "Shelling killed three people in Jobar on Monday.", '
                  '"published": "2016-10-12"}\n{broken\n', encoding="utf-8")
    db = str(tmp_path / "cw.db")
    res = _run("run", str(good), str(empty), str(latin), str(jl), str(tmp_path / "missing.txt"), "--db", db)
    assert res.exit_code == 1
    err = res.output
    assert "empty.txt" in err and "latin.txt" in err and "missing.txt" in err
    assert "a.jsonl:2" in err
    assert "3 new" in res.output
    arts = _run("export", "articles", "--db", db)
    ids = [json.loads(line)["article_id"] for line in arts.stdout.splitlines() if line.startswith("{")]
    assert "j1" in ids and len(ids) == 3


def test_stdin_input(tmp_path: Path) -> None:
    db = str(tmp_path / "cw.db")
    res = _run("run", "-", "--db", db, "--published", "2016-10-13", input=DUMP)
    assert res.exit_code == 0, res.output
    assert "2 new" in res.output


def test_help_teaches() -> None:
    res = _run("run", "--help")
    assert res.exit_code == 0
    assert "--published" in res.output and "--db" in res.output
