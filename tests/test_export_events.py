"""Events export (csv, jsonl, geojson, parquet, ged): ACLED's and GED's columns, filled as their
codebooks define them, read back with csv, pandas and pyarrow; and the export commands."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.export.events import COLUMNS, EventFilter, write_events
from conflictwatch.models import Article, Claim, Range
from conflictwatch.reconcile import reconcile_store
from conflictwatch.store import Store, open_store
from conflictwatch.store import schema as s

D = date(2016, 10, 16)

# ACLED's export columns in ACLED's order, copied from its codebook ("ACLED Data Columns at a
# Glance", 2023 onwards: disorder_type, civilian_targeting and tags added; data_id,
# event_id_no_cnty and iso3 removed).
ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
# What formats.md adds: UCDP-style bounds and reconciliation's own fields.
OURS = ["fatalities_low", "fatalities_high", "injured", "children_killed", "n_claims", "n_articles",
        "claim_ids", "disputed"]
# The contract's event fields (formats.md): every one must be present.
CONTRACT = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "fatalities_low", "fatalities_high", "injured", "children_killed", "n_claims",
    "n_articles", "claim_ids", "disputed",
]
# UCDP GED's columns in GED's order (GED codebook, version 23.1).
GED = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
    "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]

RUSSIA, SYRIA, IRAQ = "Military Forces of Russia", "Military Forces of Syria", "Military Forces of Iraq"


def _claim(article_id: str, sentence: int, location: str | None, coords: tuple[float, float] | None,
           killed: int | None, by: str | None, sub: str = "Air/drone strike", day: date = D,
           country: str = "Syria", admin1: str = "Aleppo", etype: str = "Explosions/Remote violence",
           actor1: str | None = RUSSIA, actor2: str | None = "Civilians", admin2: str | None = None,
           basis: str = "text") -> Claim:
    return Claim(
        article_id=article_id, quote=f"{article_id}/{sentence}", sentence_index=sentence,
        event_type=etype, sub_event_type=sub,
        date_start=day, date_end=day, time_precision=1 if basis == "text" else 2, date_basis=basis,
        location=location, admin1=admin1, admin2=admin2, country=country,
        latitude=coords[0] if coords else None, longitude=coords[1] if coords else None,
        geo_precision=1 if coords else None, actor1=actor1, actor2=actor2,
        killed=Range(killed, killed) if killed is not None else None, claimed_by=by, reported_by="Reuters",
    )


def _put(store: Store, article_id: str, claims: list[Claim], published: date | None) -> None:
    store.add_article(Article(text=f"body {article_id}", title=f"title {article_id}",
                              article_id=article_id, published=published, agency="Reuters"))
    store.replace_claims(article_id, claims)


INGESTED = {"a1": "2016-10-17T08:00:00+00:00", "a2": "2016-10-18T09:30:00+00:00",
            "a3": "2016-10-19T10:00:00+00:00"}


@pytest.fixture
def store(db_path: str) -> Store:
    """Three events: a disputed Russian strike on civilians in Aleppo (2 sources), a rebel shelling
    without coordinates dated only by publication, an Iraqi army clash with Islamic State."""
    st = open_store(db_path)
    _put(st, "a1", [
        _claim("a1", 0, "al-Marjeh", (36.179, 37.183), 14, "Syrian Civil Defence", admin2="Jabal Saman"),
        _claim("a1", 3, "Anadan", None, 3, None, sub="Shelling/artillery/missile attack",
               day=D + timedelta(days=1), actor1="Syrian rebels", actor2=None, basis="published"),
    ], D + timedelta(days=1))
    sohr = "Syrian Observatory for Human Rights"
    _put(st, "a2", [_claim("a2", 0, "al-Marjeh", (36.179, 37.183), 12, sohr)], D + timedelta(days=1))
    _put(st, "a3", [_claim("a3", 0, "Bashiqa", (36.45, 43.35), 7, "Iraqi military", sub="Armed clash",
                           etype="Battles", country="Iraq", admin1="Nineveh", day=D + timedelta(days=2),
                           actor1=IRAQ, actor2="Islamic State")],
         D + timedelta(days=2))
    with st.engine.begin() as conn:  # known ingestion times, so `timestamp` can be checked
        for aid, ts in INGESTED.items():
            conn.execute(update(s.articles).where(s.articles.c.article_id == aid).values(ingested_at=ts))
    assert reconcile_store(st) == "3 events (1 disputed)"
    return st


def _csv(store: Store, fmt: str = "csv") -> str:
    buf = io.StringIO()
    write_events(store, fmt, buf)
    return buf.getvalue()


def _ts(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


def test_columns_are_acleds_then_ours() -> None:
    assert COLUMNS == ACLED + OURS
    assert set(CONTRACT) <= set(COLUMNS)


def test_csv_values_follow_acled_codebook(store: Store) -> None:
    text = _csv(store)
    assert text.splitlines()[0].split(",") == ACLED + OURS
    rows = {r["location"]: r for r in csv.DictReader(io.StringIO(text))}
    assert len(rows) == 3
    strike, shelling, clash = rows["al-Marjeh"], rows["Anadan"], rows["Bashiqa"]
    # Russian forces in Syria are "External/Other forces" (8); civilians are 7; interaction 78
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["disorder_type"] == "Political violence"
    assert (strike["iso"], strike["region"], strike["year"]) == ("760", "Middle East", "2016")
    assert strike["event_id_cnty"].startswith("SYR-ev") and strike["event_date"] == "2016-10-16"
    assert strike["admin2"] == "Jabal Saman" and strike["admin3"] == ""
    assert (strike["fatalities"], strike["fatalities_low"], strike["fatalities_high"]) == ("12", "12", "14")
    assert strike["disputed"] == "true" and strike["tags"] == "fatalities disputed"
    assert strike["source"] == "Syrian Civil Defence; Syrian Observatory for Human Rights"
    assert strike["source_scale"] == "Other-International"  # rescue/monitor groups, via Reuters
    assert strike["n_claims"] == "2" and strike["n_articles"] == "2"
    assert len(strike["claim_ids"].split(";")) == 2
    assert strike["timestamp"] == str(_ts(INGESTED["a2"]))  # the newest report about it
    # rebels alone: inter2 is 0 (no second actor), interaction 20 ("sole rebel action")
    assert (shelling["inter1"], shelling["inter2"], shelling["interaction"]) == ("2", "0", "20")
    assert shelling["civilian_targeting"] == "" and shelling["latitude"] == ""
    assert shelling["tags"] == "date from publication" and shelling["time_precision"] == "2"
    assert shelling["event_date"] == "2016-10-17"
    # the Iraqi army at home is state forces (1) against a rebel group (2)
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("1", "2", "12")
    assert (clash["iso"], clash["event_id_cnty"][:4]) == ("368", "IRQ-")
    assert clash["disputed"] == "false" and clash["source_scale"] == "National-International"
    assert [r["event_date"] for r in rows.values()] == sorted(r["event_date"] for r in rows.values())


def test_csv_loads_in_pandas_with_acled_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    write_events(store, "csv", out)
    df = pd.read_csv(out)
    assert list(df.columns) == ACLED + OURS and len(df) == 3
    assert df["year"].dtype.kind == "i" and df["iso"].dtype.kind == "i"
    assert df["timestamp"].dtype.kind == "i" and df["disputed"].dtype == bool
    assert df["latitude"].dtype.kind == "f"
    assert pd.to_datetime(df["event_date"]).dt.year.tolist() == df["year"].tolist()
    assert sorted(df["interaction"].dropna().astype(int)) == [12, 20, 78]


def test_jsonl_keeps_lists_and_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    assert write_events(store, "jsonl", out) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(list(r) == ACLED + OURS for r in recs)
    strike = next(r for r in recs if r["location"] == "al-Marjeh")
    assert strike["disputed"] is True and strike["fatalities"] == 12
    assert strike["inter1"] == 8 and strike["interaction"] == 78 and strike["iso"] == 760
    assert isinstance(strike["claim_ids"], list) and len(strike["claim_ids"]) == 2
    assert pd.read_json(out, lines=True).shape == (3, len(ACLED + OURS))


def test_geojson_leaves_out_events_without_coordinates_with_a_warning(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        fc = json.loads(_csv(store, "geojson"))
    assert "1 event(s) without coordinates" in caplog.text
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f = next(f for f in fc["features"] if f["properties"]["location"] == "al-Marjeh")
    assert f["geometry"] == {"type": "Point", "coordinates": [37.183, 36.179]}
    assert list(f["properties"]) == ACLED + OURS


def test_parquet_parses_back_typed(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "ev.parquet"
    assert write_events(store, "parquet", out) == 3
    table = pq.read_table(out)
    assert table.column_names == ACLED + OURS
    assert str(table.schema.field("inter1").type) == "int64"
    assert str(table.schema.field("event_date").type) == "date32[day]"
    strike = next(r for r in table.to_pylist() if r["location"] == "al-Marjeh")
    assert strike["event_date"] == D and strike["disputed"] is True and strike["interaction"] == 78
    assert strike["fatalities_high"] == 14 and len(strike["claim_ids"]) == 2
    assert pd.read_parquet(out)["year"].tolist() == [2016, 2016, 2016]
    with pytest.raises(ValueError, match="path"):
        write_events(store, "parquet", io.StringIO())


def test_ged_columns_and_values(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "ged.csv"
    assert write_events(store, "ged", out) == 3
    df = pd.read_csv(out)
    assert list(df.columns) == GED
    strike = df[df["where_coordinates"].str.startswith("al-Marjeh")].iloc[0]
    assert strike["type_of_violence"] == 3  # one-sided: state forces against civilians
    assert (strike["side_a"], strike["side_b"]) == (RUSSIA, "Civilians")
    assert (strike["best"], strike["low"], strike["high"]) == (12, 12, 14)
    assert strike["deaths_civilians"] == 12 and strike["deaths_unknown"] == 0
    assert (strike["where_prec"], strike["date_prec"], strike["event_clarity"]) == (1, 1, 1)
    assert (strike["country_id"], strike["region"], strike["gwnoa"]) == (652, "Middle East", 365)
    assert strike["priogrid_gid"] == 181875  # row 252 (36.179N), column 434 (37.183E)
    assert strike["geom_wkt"] == "POINT (37.183 36.179)"
    assert strike["date_start"] == strike["date_end"] == "2016-10-16"
    assert strike["adm_2"] == "Jabal Saman" and strike["number_of_sources"] == 3
    assert strike["source_office"] == "Reuters" and strike["source_date"] == "2016-10-17;2016-10-17"
    assert strike["source_headline"] == "title a1;title a2"
    assert set(strike["source_original"].split(";")) == {"Syrian Civil Defence", "Syrian Observatory for Human Rights"}
    clash = df[df["country"] == "Iraq"].iloc[0]
    assert clash["type_of_violence"] == 1 and clash["side_a"] == IRAQ and clash["gwnoa"] == 645
    assert clash["deaths_unknown"] == 7 and clash["relid"].startswith("IRQ-ev")
    shelling = df[df["where_coordinates"].str.startswith("Anadan")].iloc[0]
    assert pd.isna(shelling["latitude"]) and pd.isna(shelling["priogrid_gid"])
    assert shelling["date_prec"] == 3  # dated by publication: the week is known
    assert df["id"].is_unique and df["id"].dtype.kind == "i"


def test_ged_leaves_out_events_without_deaths(db_path: str, caplog: pytest.LogCaptureFixture) -> None:
    st = open_store(db_path)
    _put(st, "b1", [_claim("b1", 0, "Dabiq", (36.53, 37.27), None, "Turkish military",
                           sub="Non-state actor overtakes territory", etype="Strategic developments")], D)
    _put(st, "b2", [_claim("b2", 0, "Azaz", (36.58, 37.05), 29, None, sub="Remote explosive/landmine/IED")], D)
    reconcile_store(st)
    buf = io.StringIO()
    with caplog.at_level("WARNING"):
        assert write_events(st, "ged", buf) == 1
    assert "1 event(s) without a reported death" in caplog.text
    assert [r["where_coordinates"] for r in csv.DictReader(io.StringIO(buf.getvalue()))] == ["Azaz, Aleppo"]
    acled = list(csv.DictReader(io.StringIO(_csv(st))))
    dabiq = next(r for r in acled if r["location"] == "Dabiq")
    assert dabiq["disorder_type"] == "Strategic developments" and dabiq["fatalities"] == ""


def test_undated_events_are_left_out_with_a_warning(db_path: str, caplog: pytest.LogCaptureFixture) -> None:
    st = open_store(db_path)
    undated = _claim("c1", 0, "Jobar", (33.53, 36.33), 3, None)
    undated.date_start = undated.date_end = undated.time_precision = None
    _put(st, "c1", [undated], None)  # no date in the text and no publication date
    _put(st, "c2", [_claim("c2", 0, "Douma", (33.57, 36.40), 5, None)], D)
    reconcile_store(st)
    with caplog.at_level("WARNING"):
        rows = list(csv.DictReader(io.StringIO(_csv(st))))
    assert [r["location"] for r in rows] == ["Douma"] and all(r["event_date"] for r in rows)
    assert "1 event(s) without any date left out" in caplog.text and "--published" in caplog.text


def test_empty_csv_still_has_a_header(db_path: str) -> None:
    st = open_store(db_path)
    assert _csv(st).strip().split(",") == ACLED + OURS
    assert _csv(st, "ged").strip().split(",") == GED


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
    assert locs(EventFilter(actor="russia")) == {"al-Marjeh"}
    assert locs(EventFilter(actor="nobody")) == set()


def test_timestamp_is_when_the_newest_report_came_in(store: Store) -> None:
    stamps = {r["location"]: int(r["timestamp"]) for r in csv.DictReader(io.StringIO(_csv(store)))}
    assert stamps["Bashiqa"] == _ts(INGESTED["a3"])
    assert datetime.fromtimestamp(stamps["Anadan"], UTC).isoformat() == INGESTED["a1"]


# --- command line ------------------------------------------------------------------------

runner = CliRunner()


def test_cli_reconcile_and_events_table(store: Store, db_path: str) -> None:
    db = db_path
    res = runner.invoke(app, ["reconcile", "--db", db])
    assert res.exit_code == 0, res.output
    assert "3 events (1 disputed)" in res.output

    res = runner.invoke(app, ["events", "--db", db])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()  # piped: tab-separated, one header line, newest first
    assert lines[0].split("\t") == ["date", "type", "location", "killed", "disputed", "sources", "claims"]
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[2] for r in rows] == ["Bashiqa, Nineveh", "Anadan, Aleppo", "al-Marjeh, Aleppo"]
    strike = rows[2]
    assert strike[3] == "12 [12–14]" and strike[4] == "yes"
    assert strike[5] == "Syrian Civil Defence; Syrian Observatory for Human Rights"

    res = runner.invoke(app, ["events", "--db", db, "--country", "Syria", "--min-fatalities", "10"])
    assert res.exit_code == 0
    assert [line.split("\t")[2] for line in res.stdout.splitlines()[1:]] == ["al-Marjeh, Aleppo"]

    res = runner.invoke(app, ["events", "--db", db, "--limit", "1"])
    assert "Events (1 of 3)" in res.stderr and len(res.stdout.splitlines()) == 2

    res = runner.invoke(app, ["events", "--db", db, "--since", "not-a-date"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr
    res = runner.invoke(app, ["events", "--db", db, "--since", "2016-10-20", "--until", "2016-10-01"])
    assert res.exit_code == 2 and "after --until" in res.stderr


def test_cli_events_hints_when_not_reconciled(db_path: str) -> None:
    db = db_path
    st = open_store(db)
    _put(st, "a1", [_claim("a1", 0, "al-Marjeh", (36.179, 37.183), 14, None)], D)
    res = runner.invoke(app, ["events", "--db", db])
    assert res.exit_code == 0
    assert "conflictwatch reconcile" in res.output


def test_cli_export_events_formats(store: Store, db_path: str, tmp_path: Path) -> None:
    db = db_path
    res = runner.invoke(app, ["export", "events", "--format", "csv", "--db", db])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 3 and list(rows[0]) == ACLED + OURS

    out = tmp_path / "out" / "ev.geojson"
    res = runner.invoke(app, ["export", "events", "-f", "geojson", "--db", db, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2

    res = runner.invoke(app, ["export", "events", "-f", "parquet", "--db", db])
    assert res.exit_code == 2 and "--out" in res.stderr  # parquet needs a file
    out = tmp_path / "ev.parquet"
    res = runner.invoke(app, ["export", "events", "-f", "parquet", "--db", db, "--out", str(out),
                              "--country", "Iraq"])
    assert res.exit_code == 0, res.output
    assert len(pd.read_parquet(out)) == 1

    res = runner.invoke(app, ["export", "events", "-f", "ged", "--db", db, "--out", str(tmp_path / "g.csv")])
    assert res.exit_code == 0 and list(pd.read_csv(tmp_path / "g.csv").columns) == GED

    res = runner.invoke(app, ["export", "events", "-f", "xml", "--db", db])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1
    for choice in ("csv", "jsonl", "geojson", "parquet", "ged"):
        assert choice in res.stderr
