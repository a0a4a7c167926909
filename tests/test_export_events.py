"""Events export (csv, jsonl, geojson, parquet) and the reconcile/events/export events commands."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.export.events import COLUMNS, EventFilter, write_events
from conflictwatch.models import Article, Claim, Range
from conflictwatch.reconcile import reconcile_store
from conflictwatch.store import Store, open_store

D = date(2016, 10, 16)
CONTRACT = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "fatalities_low", "fatalities_high", "injured", "children_killed", "n_claims",
    "n_articles", "claim_ids", "disputed",
]


def _claim(article_id: str, sentence: int, location: str | None, coords: tuple[float, float] | None,
           killed: int, by: str | None, sub: str = "Air/drone strike", day: date = D,
           country: str = "Syria", admin1: str = "Aleppo") -> Claim:
    return Claim(
        article_id=article_id, quote=f"{article_id}/{sentence}", sentence_index=sentence,
        event_type="Explosions/Remote violence", sub_event_type=sub,
        date_start=day, date_end=day, time_precision=1,
        location=location, admin1=admin1, country=country,
        latitude=coords[0] if coords else None, longitude=coords[1] if coords else None,
        geo_precision=1 if coords else None, actor1="Russian Air Force", actor2="Civilians (Syria)",
        killed=Range(killed, killed), claimed_by=by, reported_by="Reuters",
    )


def _put(store: Store, article_id: str, claims: list[Claim], published: date) -> None:
    store.add_article(Article(text=f"body {article_id}", title=f"title {article_id}",
                              article_id=article_id, published=published))
    store.replace_claims(article_id, claims)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Three events: a disputed Aleppo strike (2 sources), a shelling without coordinates, an Iraq clash."""
    st = open_store(str(tmp_path / "x.db"))
    _put(st, "a1", [
        _claim("a1", 0, "al-Marjeh", (36.179, 37.183), 14, "Syrian Civil Defence"),
        _claim("a1", 3, "Anadan", None, 3, None, sub="Shelling/artillery/missile attack",
               day=D + timedelta(days=1)),
    ], D + timedelta(days=1))
    sohr = "Syrian Observatory for Human Rights"
    _put(st, "a2", [_claim("a2", 0, "al-Marjeh", (36.179, 37.183), 12, sohr)], D + timedelta(days=1))
    _put(st, "a3", [_claim("a3", 0, "Bashiqa", (36.45, 43.35), 7, "Iraqi military", sub="Armed clash",
                           country="Iraq", admin1="Nineveh", day=D + timedelta(days=2))],
         D + timedelta(days=2))
    assert reconcile_store(st) == "3 events (1 disputed)"
    return st


def test_csv_parses_back_with_contract_columns(store: Store) -> None:
    buf = io.StringIO()
    assert write_events(store, "csv", buf) == 3
    text = buf.getvalue()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0].split(",") == CONTRACT == COLUMNS
    assert len(rows) == 3
    strike = next(r for r in rows if r["location"] == "al-Marjeh")
    assert strike["event_id_cnty"].startswith("SYR-ev")
    assert strike["event_date"] == "2016-10-16"
    assert (strike["fatalities"], strike["fatalities_low"], strike["fatalities_high"]) == ("12", "12", "14")
    assert strike["disputed"] == "true"
    assert strike["source"] == "Syrian Civil Defence; Syrian Observatory for Human Rights"
    assert strike["n_claims"] == "2" and strike["n_articles"] == "2"
    assert len(strike["claim_ids"].split(";")) == 2
    assert strike["latitude"] == "36.179"
    iraq = next(r for r in rows if r["country"] == "Iraq")
    assert iraq["event_id_cnty"].startswith("IRQ-") and iraq["disputed"] == "false"
    shelling = next(r for r in rows if r["location"] == "Anadan")
    assert shelling["latitude"] == "" and shelling["fatalities"] == "3"
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)


def test_jsonl_keeps_lists_and_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    assert write_events(store, "jsonl", out) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(list(r) == CONTRACT for r in recs)
    strike = next(r for r in recs if r["location"] == "al-Marjeh")
    assert strike["disputed"] is True and strike["fatalities"] == 12
    assert isinstance(strike["claim_ids"], list) and len(strike["claim_ids"]) == 2


def test_geojson_leaves_out_events_without_coordinates_with_a_warning(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    buf = io.StringIO()
    with caplog.at_level("WARNING"):
        assert write_events(store, "geojson", buf) == 2
    assert "1 event(s) without coordinates" in caplog.text
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f = next(f for f in fc["features"] if f["properties"]["location"] == "al-Marjeh")
    assert f["geometry"] == {"type": "Point", "coordinates": [37.183, 36.179]}
    assert set(CONTRACT) <= set(f["properties"])


def test_parquet_parses_back_with_pyarrow(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "ev.parquet"
    assert write_events(store, "parquet", out) == 3
    table = pq.read_table(out)
    assert table.column_names == CONTRACT
    rows = table.to_pylist()
    strike = next(r for r in rows if r["location"] == "al-Marjeh")
    assert strike["event_date"] == D and strike["disputed"] is True
    assert strike["fatalities_high"] == 14 and len(strike["claim_ids"]) == 2
    with pytest.raises(ValueError, match="path"):
        write_events(store, "parquet", io.StringIO())


def test_empty_csv_still_has_a_header(tmp_path: Path) -> None:
    st = open_store(str(tmp_path / "empty.db"))
    buf = io.StringIO()
    assert write_events(st, "csv", buf) == 0
    assert buf.getvalue().strip().split(",") == CONTRACT


def test_filters(store: Store) -> None:
    def locs(flt: EventFilter) -> set[str | None]:
        buf = io.StringIO()
        write_events(store, "jsonl", buf, flt)
        return {json.loads(x)["location"] for x in buf.getvalue().splitlines()}

    assert locs(EventFilter(country="iraq")) == {"Bashiqa"}
    assert locs(EventFilter(type="shelling")) == {"Anadan"}
    assert locs(EventFilter(since=D + timedelta(days=1))) == {"Anadan", "Bashiqa"}
    assert locs(EventFilter(until=D)) == {"al-Marjeh"}
    assert locs(EventFilter(min_fatalities=10)) == {"al-Marjeh"}
    assert locs(EventFilter(actor="russian")) == {"al-Marjeh", "Anadan", "Bashiqa"}
    assert locs(EventFilter(actor="nobody")) == set()


# --- command line ------------------------------------------------------------------------

runner = CliRunner()


def test_cli_reconcile_and_events_table(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    res = runner.invoke(app, ["reconcile", "--db", db])
    assert res.exit_code == 0, res.output
    assert "3 events (1 disputed)" in res.output

    res = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "al-Marjeh" in res.output and "Bashiqa" in res.output
    assert "12 [12–14]" in res.output  # best estimate with the sources' range
    assert "Syrian Civil Defence; Syrian Observatory for Human Rights" in res.output
    # newest first
    assert res.output.index("Bashiqa") < res.output.index("al-Marjeh")

    res = runner.invoke(app, ["events", "--db", db, "--country", "Syria", "--min-fatalities", "10"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert "al-Marjeh" in res.output and "Bashiqa" not in res.output and "Anadan" not in res.output

    res = runner.invoke(app, ["events", "--db", db, "--limit", "1"], env={"COLUMNS": "200"})
    assert "Events (1 of 3)" in res.output and "Bashiqa" in res.output

    res = runner.invoke(app, ["events", "--db", db, "--since", "not-a-date"])
    assert res.exit_code != 0


def test_cli_events_hints_when_not_reconciled(tmp_path: Path) -> None:
    db = str(tmp_path / "y.db")
    st = open_store(db)
    _put(st, "a1", [_claim("a1", 0, "al-Marjeh", (36.179, 37.183), 14, None)], D)
    res = runner.invoke(app, ["events", "--db", db])
    assert res.exit_code == 0
    assert "conflictwatch reconcile" in res.output


def test_cli_export_events_formats(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    res = runner.invoke(app, ["export", "events", "--format", "csv", "--db", db])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 3 and list(rows[0]) == CONTRACT

    out = tmp_path / "out" / "ev.geojson"
    res = runner.invoke(app, ["export", "events", "-f", "geojson", "--db", db, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2

    res = runner.invoke(app, ["export", "events", "-f", "parquet", "--db", db])
    assert res.exit_code != 0  # parquet needs --out
    out = tmp_path / "ev.parquet"
    res = runner.invoke(app, ["export", "events", "-f", "parquet", "--db", db, "--out", str(out),
                              "--country", "Iraq"])
    assert res.exit_code == 0, res.output
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == 1

    res = runner.invoke(app, ["export", "events", "-f", "xml", "--db", db])
    assert res.exit_code != 0
