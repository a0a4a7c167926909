"""The command line end to end on a temporary database: run, re-run, bad input, exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from conflictwatch.cli import app

REPO = Path(__file__).resolve().parents[1]

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


def test_run_then_rerun_changes_nothing(new_db: Callable[..., str], tmp_path: Path) -> None:
    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    db = new_db("cw")
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


def test_claims_export_follows_the_contract(new_db: Callable[..., str], tmp_path: Path) -> None:
    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    db = new_db("cw")
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


def test_bad_inputs_reported_and_the_rest_goes_in(new_db: Callable[..., str], tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DUMP, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 bombing kills two\n".encode("latin-1"))
    jl = tmp_path / "a.jsonl"
    jl.write_text('{"id": "j1", "text": "Shelling killed three people in Jobar on Monday.", '
                  '"published": "2016-10-12"}\n{broken\n', encoding="utf-8")
    db = new_db("cw")
    res = _run("run", str(good), str(empty), str(latin), str(jl), str(tmp_path / "missing.txt"), "--db", db)
    assert res.exit_code == 1
    err = res.output
    assert "empty.txt" in err and "latin.txt" in err and "missing.txt" in err
    assert "a.jsonl:2" in err
    assert "3 new" in res.output
    arts = _run("export", "articles", "--db", db)
    ids = [json.loads(line)["article_id"] for line in arts.stdout.splitlines() if line.startswith("{")]
    assert "j1" in ids and len(ids) == 3


def test_stdin_input(new_db: Callable[..., str], tmp_path: Path) -> None:
    db = new_db("cw")
    res = _run("run", "-", "--db", db, "--published", "2016-10-13", input=DUMP)
    assert res.exit_code == 0, res.output
    assert "2 new" in res.output


def test_help_teaches() -> None:
    res = _run("run", "--help")
    assert res.exit_code == 0
    assert "--published" in res.output and "--db" in res.output


# --- errors, refusals, piped output, progress -------------------------------------------------


def _stored(new_db: Callable[..., str], tmp_path: Path) -> str:
    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    db = new_db("cw")
    assert _run("run", str(src), "--db", db, "--published", "2016-10-13").exit_code == 0
    return db


def test_each_bad_input_gives_exactly_one_error_line(new_db: Callable[..., str], tmp_path: Path) -> None:
    jl = tmp_path / "a.jsonl"
    jl.write_text('{"id": "j1", "text": "Shelling killed three people in Jobar on Monday."}\n'
                  '{"text": "unterminated\n', encoding="utf-8")
    res = _run("run", str(jl), str(tmp_path / "missing.txt"), "--db", new_db("cw"))
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {jl}:2: not valid JSON: unterminated string starting at column 10",
        f"error: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert sum(str(jl) in line for line in res.stderr.splitlines()) == 1  # not twice
    assert "1 new" in res.stderr and "2 input(s) failed" in res.stderr


def test_unknown_choice_is_refused_with_the_choices(new_db: Callable[..., str], tmp_path: Path) -> None:
    db = _stored(new_db, tmp_path)
    for args, choices in (
        (["claims", "--scope", "foo"], ["incident", "aggregate"]),
        (["export", "claims", "--format", "xml"], ["jsonl", "csv"]),
        (["export", "events", "--format", "kml"], ["csv", "jsonl", "geojson", "parquet", "ged"]),
    ):
        res = _run(*args, "--db", db)
        assert res.exit_code == 2, args
        assert res.stdout == ""
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: Invalid value for '--")
        assert all(f"'{c}'" in lines[0] for c in choices) and "--help" in lines[0]
    res = _run("claims", "--scope", "aggregate", "--db", db)
    assert res.exit_code == 0 and res.stdout.startswith("date\ttype")


def test_reading_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    for args in (["events"], ["claims"], ["reconcile"], ["places"], ["export", "events"],
                 ["export", "claims"], ["export", "articles"], ["gazetteer", "list"]):
        res = _run(*args, "--db", str(missing))
        assert res.exit_code == 1, args
        assert res.stderr.strip().splitlines() == [
            f"error: database not found: {missing} (create it with `conflictwatch run INPUT... "
            f"--db {missing}`, or name another with --db)"
        ]
        assert not missing.exists()
    url = f"sqlite:///{missing}"
    assert _run("events", "--db", url).exit_code == 1 and not missing.exists()


def test_piped_tables_are_tsv_whatever_the_width(new_db: Callable[..., str], tmp_path: Path) -> None:
    db = _stored(new_db, tmp_path)
    res = runner.invoke(app, ["claims", "--db", db], env={"COLUMNS": "40"})
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].split("\t") == ["date", "type", "location", "killed", "children", "injured",
                                    "claimed by", "article"]
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == 2 and all(len(r) == 8 for r in rows)
    idlib = next(r for r in rows if r[3] == "12")
    assert idlib[6] == "Syrian Observatory for Human Rights"  # not wrapped at 40 columns
    assert idlib[7] == "Air strikes kill 12 in Idlib town"  # not cut either
    assert not any(ch in res.stdout for ch in "│┃━─")
    assert "Claims (2)" in res.stderr  # the title stays off the data stream


def test_help_names_types_as_users_know_them() -> None:
    from typer.main import get_command

    def commands(cmd, path):  # type: ignore[no-untyped-def]
        yield path
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from commands(sub, [*path, name])

    paths = list(commands(get_command(app), []))
    assert ["export", "events"] in paths and ["gazetteer", "load"] in paths
    for path in paths:
        res = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "160"})
        assert res.exit_code == 0, path
        for bad in ("<bool>", "<str>", "<int>", "<list", "<path>", "shared/spec"):
            assert bad not in res.output, (path, bad)
    res = runner.invoke(app, ["events", "--help"], env={"COLUMNS": "160"})
    assert "DATE" in res.output and "PATH|URL" in res.output
    assert "docs/formats.md" in runner.invoke(app, ["export", "--help"], env={"COLUMNS": "160"}).output
    assert (REPO / "docs" / "formats.md").exists() and (REPO / "docs" / "exports.md").exists()


def test_progress_lines_when_not_on_a_terminal(new_db: Callable[..., str], tmp_path: Path) -> None:
    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    res = runner.invoke(app, ["run", str(src), "--db", new_db("cw"), "-q"],
                        env={"CONFLICTWATCH_PROGRESS_SECONDS": "0"})
    assert res.exit_code == 0
    assert "progress: 1/2 articles (50%)" in res.stderr and "left" in res.stderr
    assert "progress: 2/2 articles (100%)" in res.stderr
    assert "done: 2 articles in" in res.stderr


def test_run_progress_reports_total_rate_and_eta() -> None:
    from rich.console import Console

    from conflictwatch.cli.progress import RunProgress

    buf = io.StringIO()
    with RunProgress(Console(file=buf, force_terminal=False), total=4, interval=3600) as p:
        p.advance()
        p._start -= 10  # ten seconds in, one article done
        assert p.line(p._start + 10) == "progress: 1/4 articles (25%), 0.1 articles/s, about 30s left"
    assert buf.getvalue().startswith("done: 1 articles in 10s")  # no periodic line within the hour

    buf = io.StringIO()
    with RunProgress(Console(file=buf, force_terminal=True, width=120), total=2, interval=0) as p:
        p.advance()
        p.advance()
    out = buf.getvalue()
    assert "2/2" in out and "articles/s" in out and "progress:" not in out  # a bar, not log lines


def test_article_count_for_progress(tmp_path: Path) -> None:
    from conflictwatch.cli.progress import count_articles

    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    assert count_articles([str(src), str(tmp_path / "missing.txt")]) == 2
    assert count_articles([str(src), "-"]) is None  # stdin can be read only once


def test_run_export_dir_writes_acled_and_ged_files(new_db: Callable[..., str], tmp_path: Path) -> None:
    import pandas as pd

    src = tmp_path / "dump.txt"
    src.write_text(DUMP, encoding="utf-8")
    out = tmp_path / "out"
    res = _run("run", str(src), "--db", new_db("cw"), "--published", "2016-10-13",
               "--export-dir", str(out), "-q")
    assert res.exit_code == 0, res.output
    from conflictwatch.export.events import COLUMNS
    from conflictwatch.export.ged import GED_COLUMNS

    ev = pd.read_csv(out / "events.csv")
    assert list(ev.columns) == COLUMNS and len(ev) == 2
    assert set(ev["iso"]) == {760} and set(ev["region"]) == {"Middle East"}
    assert list(pd.read_csv(out / "events-ged.csv").columns) == GED_COLUMNS
    assert list(pd.read_parquet(out / "events.parquet").columns) == COLUMNS


def test_terminal_tables_fit_the_width_and_print_text_literally(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from conflictwatch.cli import output
    from conflictwatch.models import Claim, Range

    buf = io.StringIO()
    monkeypatch.setattr(output, "console", Console(file=buf, force_terminal=True, width=70, color_system=None))
    claim = Claim(article_id="a1", quote="q", article_title="[red]Strikes[/red] on Aleppo, a very long headline indeed",
                  location="al-Marjeh", admin1="Aleppo", killed=Range(14, 14), claimed_by="Syrian Civil Defence")
    output.print_claims([claim], "Claims [bold]1[/bold]")
    text = buf.getvalue()
    assert all(len(line) <= 70 for line in text.splitlines())
    # printed as written: markup in a headline or title is not interpreted (it would vanish)
    assert "Claims [bold]1[/bold]" in text and "Syrian" in text


def test_run_reports_what_was_not_understood(tmp_path: Path) -> None:
    """`run` counts the articles that gave no claims; `-v` lists them; `articles --no-claims`
    shows them from the database."""
    dump = DUMP + (
        "\nFarmers expect a good harvest\n\nKANO (Reuters) - Farmers in the north expect a good "
        "harvest this year after steady rains, the agriculture ministry said.\n\n"
        "(Reporting by Test Writer; Editing by Test Editor)\n"
    )
    src = tmp_path / "dump.txt"
    src.write_text(dump, encoding="utf-8")
    db = str(tmp_path / "cw.db")
    quiet = _run("run", str(src), "--db", db, "-q")
    assert quiet.exit_code == 0, quiet.output
    assert "1 articles gave no claims" in quiet.stderr and "run -v" in quiet.stderr
    verbose = _run("run", str(src), "--db", str(tmp_path / "cw2.db"), "-q", "-v")
    assert "Farmers expect a good harvest" in verbose.stderr and ": no claims" in verbose.stderr
    listed = _run("articles", "--no-claims", "--db", db)
    assert listed.exit_code == 0
    rows = [r.split("\t") for r in listed.stdout.strip().splitlines()]
    assert rows[0][:4] == ["article", "published", "title", "claims"]
    assert [r[2] for r in rows[1:]] == ["Farmers expect a good harvest"]
    every = _run("articles", "--db", db)
    assert len(every.stdout.strip().splitlines()) == 1 + 3
