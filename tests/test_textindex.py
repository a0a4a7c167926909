"""The event list's text index (SQLite FTS5) and its cached counts: same results as the plain query,
in step with every write, filled by the migration of an existing database."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, select, text

from conflictwatch import pipeline
from conflictwatch.api import ApiConfig, create_app
from conflictwatch.models import Article, Event
from conflictwatch.store import open_store, textindex
from conflictwatch.store import query as Q
from conflictwatch.store import schema as s
from conflictwatch.store.db import Store
from conflictwatch.store.engine import writing
from conflictwatch.store.events import write_events

PLACES = ["Aleppo", "al-Bab", "ALEPPO countryside", "Camp 50%_off", "camp 50x_OFF", 'the "Red" bridge',
          "École Kadhimiya", "école kadhimiya", "Ḥomṣ", "Kyiv", None]
ACTORS = ["Islamic State", "islamic state (IS)", "Taliban", "Military Forces of Syria", None]
SOURCES = [["Reuters"], ["AFP", "local officials"], ["the health ministry"], []]
COUNTRIES = ["Syria", "Iraq", "Ukraine", "Afghanistan", None]
TYPES = ["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", None]
# Texts to look for: common and rare, short (no trigram), any case, LIKE's wildcards and FTS5's
# quote taken literally, across two words, non-ASCII (which LIKE folds only for ASCII letters)
QUERIES = ["aleppo", "ALEPPO", "al", "a", "Bab", "50%_off", "50%", "_off", '"Red"', 'e "r', "école", "ÉCOLE",
           "Ḥomṣ", "ḥomṣ", "state", "IS)", "syria", "reuters", "officials", "ministry", "zzz", "amp 5", "  "]


def make_events(n: int, seed: int = 5) -> list[Event]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        dead = rng.choice([None, 0, 3, 40])
        src = rng.choice(SOURCES)
        out.append(Event(
            event_id=f"e{i:04d}", claim_ids=[], article_ids=[],
            event_date=rng.choice([None, date(2020, 1, 1) + timedelta(days=rng.randrange(60))]),
            time_precision=1, event_type="Battles", sub_event_type=rng.choice(TYPES),
            actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS), country=rng.choice(COUNTRIES),
            admin1=rng.choice(["Aleppo", "Kyiv City", "Kabul", None]), location=rng.choice(PLACES),
            latitude=None, longitude=None, geo_precision=None, sources=src,
            notes=f"{', '.join(src)}: {dead} killed" if src else None, fatalities=dead, fatalities_low=dead,
            fatalities_high=dead, injured=None, children_killed=None, disputed=False))
    return out


def plain_ids(conn: Connection, f: Q.Filters) -> set[str]:
    """The events matching `f` by the LIKE conditions alone, as before the index."""
    return {r[0] for r in conn.execute(select(Q.E.c.event_id).where(*Q.event_conditions(f, text_index=False)))}


def listed(conn: Connection, f: Q.Filters, sort: str = "-date", limit: int = 500) -> tuple[int, list[str]]:
    page = Q.list_events(conn, f, sort, 0, limit)
    return page.total, [e["event_id"] for e in page.items]


def ascii_lower(v: str) -> str:
    return v.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def fts_ids(conn: Connection, value: str) -> set[str]:
    """The events the SQLite index itself proposes for a text (`q`), read from the index alone."""
    rows = conn.execute(text("SELECT e.event_id FROM events_fts JOIN events e ON e.rowid = events_fts.rowid "
                             "WHERE events_fts MATCH :m"), {"m": textindex.match_expression([(None, value)])})
    return {r[0] for r in rows}


def expected_ids(conn: Connection, value: str) -> set[str]:
    """Events with `value` in one of the indexed columns, ASCII letters in any case, from the events table."""
    cols = ", ".join(textindex.FTS_COLUMNS)
    rows = conn.execute(text(f"SELECT event_id, {cols} FROM events")).all()
    return {r[0] for r in rows if any(v is not None and ascii_lower(value) in ascii_lower(v) for v in r[1:])}


def assert_index_in_step(store: Store) -> None:
    with store.engine.connect() as conn:
        conn.execute(text("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)"))
        for word in ("aleppo", "Reuters", "state", "killed", "50%_off", "Kabul"):
            assert fts_ids(conn, word) == expected_ids(conn, word), word


def test_text_filters_give_the_same_events_with_the_index_as_without(db_path: str) -> None:
    store = open_store(db_path)
    store.save_events(make_events(300))
    filters = [Q.Filters(q=v) for v in QUERIES] + [
        Q.Filters(country="syr"), Q.Filters(country="IRAQ"), Q.Filters(admin1="kyiv c"), Q.Filters(actor="state"),
        Q.Filters(actor="IS)"), Q.Filters(claimed_by="officials"), Q.Filters(claimed_by="reu"),
        Q.Filters(q="aleppo", country="syria", actor="islamic"), Q.Filters(q="state", types=["armed clash"]),
        Q.Filters(q="ab", country="Syria"), Q.Filters(q="killed", since=date(2020, 1, 20), min_fatalities=3)]
    seen_some = 0
    with store.engine.connect() as conn:
        for f in filters:
            want = plain_ids(conn, f)
            seen_some += bool(want)
            for sort in ("-date", "date", "-fatalities", "location", "event_id"):
                total, ids = listed(conn, f, sort)
                assert total == len(want) and set(ids) == want, (f, sort)
            # pages read in the sort's order (a common word) and from the index (a rare one) agree
            _, whole = listed(conn, f, "-fatalities")
            parts = [e["event_id"] for k in range(0, len(whole), 7)
                     for e in Q.list_events(conn, f, "-fatalities", k, 7).items]
            assert parts == whole, f
            if store.dialect == "sqlite" and f.q and f.q.strip() and len(f.q) < 3:
                assert textindex.match_expression([(None, f.q)]) is None  # searched the plain way
        # and the plain query is what it should be: ASCII letters in any case, anything else literally
        for v in QUERIES:
            assert plain_ids(conn, Q.Filters(q=v)) == expected_ids(conn, v), v
    assert seen_some > 25
    store.engine.dispose()


def test_the_index_follows_every_write_to_the_events(tmp_path: Path) -> None:
    """Replacing all events, replacing some (incremental reconciliation), editing and deleting rows
    by hand: the index proposes exactly the events holding the text, and FTS5 finds it consistent."""
    store = open_store(str(tmp_path / "step.db"))
    events = make_events(200)
    store.save_events(events)
    assert_index_in_step(store)
    with writing(store.engine) as conn:  # an incremental reconciliation: some events go, some change
        changed = make_events(40, seed=9)
        for e in changed:
            e.event_id = f"e{int(e.event_id[1:]) * 3:04d}"
            e.location = "Kabul airport road"
        write_events(conn, changed, remove=[f"e{k:04d}" for k in range(150, 200)])
    assert_index_in_step(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET location = 'new Aleppo camp', notes = NULL WHERE event_id < 'e0050'"))
        conn.execute(text("DELETE FROM events WHERE event_id LIKE 'e01%'"))
    assert_index_in_step(store)
    store.save_events([])
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events_fts WHERE events_fts MATCH '\"aleppo\"'")).scalar() == 0
    store.engine.dispose()


def test_the_index_survives_vacuum_and_a_backup(tmp_path: Path) -> None:
    """It is keyed by the events' rowids: VACUUM keeps them (the table has an index), and so does a copy."""
    from conflictwatch.store.backup import backup

    store = open_store(str(tmp_path / "v.db"))
    store.save_events(make_events(300))
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE event_id < 'e0100'"))
    store.engine.dispose()
    with sqlite3.connect(tmp_path / "v.db") as raw:
        raw.execute("VACUUM")
    assert_index_in_step(open_store(str(tmp_path / "v.db")))
    backup(tmp_path / "v.db", tmp_path / "copy.db")
    assert_index_in_step(open_store(str(tmp_path / "copy.db")))


def test_re_extraction_keeps_the_index_in_step(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "run.db"))
    texts = [
        "An air strike on a market in Maarat al-Numan in Idlib province killed 14 civilians on Monday, "
        "the Syrian Observatory for Human Rights said.",
        "Gunmen killed 6 soldiers at a checkpoint near Tikrit on Tuesday, Iraqi police said.",
        "Shelling killed 3 people in the Aleppo district of Salaheddine on Wednesday, residents said.",
    ]
    arts = [Article(text=t, title=f"Report {k}", published=date(2016, 10, 5), article_id=f"a{k}")
            for k, t in enumerate(texts)]
    pipeline.run_items(arts, store)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() >= 2
        assert Q.list_events(conn, Q.Filters(q="aleppo")).total >= 1
    assert_index_in_step(store)
    pipeline.reextract(store, everything=True)
    assert_index_in_step(store)
    with store.engine.connect() as conn:
        for v in ("aleppo", "idlib", "police", "killed"):
            assert listed(conn, Q.Filters(q=v))[0] == len(plain_ids(conn, Q.Filters(q=v))) > 0, v
    store.engine.dispose()


def _as_before_the_index(store: Store) -> None:
    """Make a database as the previous schema version left it: no index, no versions, no type indexes."""
    with store.engine.begin() as conn:
        for trig in ("events_fts_insert", "events_fts_delete", "events_fts_update", "events_version_insert",
                     "events_version_update", "events_version_delete"):
            conn.execute(text(f"DROP TRIGGER {trig}"))
        conn.execute(text("DROP TABLE events_fts"))
        conn.execute(text("DROP TABLE data_versions"))
        for ix in s.EVENT_TYPE_INDEXES:
            conn.execute(text(f"DROP INDEX {ix.name}"))
        conn.execute(text("UPDATE schema_info SET value = :v WHERE key = 'version'"),
                     {"v": str(s.SCHEMA_VERSION - 1)})


def test_an_existing_database_is_migrated_and_indexed(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    old = open_store(db)
    _as_before_the_index(old)
    old.save_events(make_events(250))  # stored before the index existed: no trigger saw them
    old.engine.dispose()
    store = open_store(db)
    with store.engine.connect() as conn:
        assert s.stored_version(conn) == s.SCHEMA_VERSION
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert {"events_fts", "data_versions", *(ix.name for ix in s.EVENT_TYPE_INDEXES)} <= names
        total, ids = listed(conn, Q.Filters(q="aleppo"))
        assert total == len(plain_ids(conn, Q.Filters(q="aleppo"))) > 20
    assert_index_in_step(store)
    store.engine.dispose()


def test_counts_are_recounted_after_every_change_to_the_events(db_path: str) -> None:
    """The cached totals of the event list (per events version) never outlive the events they count:
    whole rebuilds, incremental ones, edits by hand, on either backend."""
    store = open_store(db_path)
    store.save_events(make_events(120))
    views = [Q.Filters(), Q.Filters(q="aleppo"), Q.Filters(country="syria"), Q.Filters(types=["armed clash"])]

    def check() -> int:
        with store.engine.connect() as conn:
            for f in views:
                for _ in range(2):  # counted, then taken from the cache
                    assert Q.list_events(conn, f).total == len(plain_ids(conn, f)), f
            return textindex.events_version(conn)

    versions = [check()]
    store.save_events(make_events(150, seed=6))
    versions.append(check())
    with writing(store.engine) as conn:
        write_events(conn, make_events(10, seed=8), remove=[f"e{k:04d}" for k in range(100, 150)])
    versions.append(check())
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET country = 'Syria', location = 'Aleppo' WHERE event_id < 'e0030'"))
    versions.append(check())
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE country = 'Syria'"))
    versions.append(check())
    assert len(set(versions)) == len(versions)
    store.engine.dispose()


def test_the_api_finds_an_event_as_soon_as_a_post_made_it(db_path: str) -> None:
    """A POST that reconciles changes what GET /api/events counts and finds, right away (no stale cache)."""
    store = open_store(db_path)
    store.save_events(make_events(60))
    store.engine.dispose()
    api = TestClient(create_app(ApiConfig(db=db_path, token="t")))
    before = api.get("/api/events", params={"q": "tikrit"}).json()
    everything = api.get("/api/events").json()["total"]
    assert before["total"] == 0
    body = {"articles": [{"text": "Gunmen killed 6 soldiers at a checkpoint near Tikrit on Tuesday, Iraqi "
                                  "police said.", "published": "2016-10-04", "id": "tikrit-1"}]}
    r = api.post("/api/articles", json=body, headers={"Authorization": "Bearer t"})
    assert r.status_code == 200, r.text
    after = api.get("/api/events", params={"q": "tikrit"}).json()
    assert after["total"] >= 1 and all("Tikrit" in e["location"] for e in after["items"])
    # the rebuild replaced the 60 made-up events (they have no claims) with the one reported
    assert everything == 60 and api.get("/api/events").json()["total"] == open_store(db_path).count("events") == 1


@pytest.mark.parametrize("value", ["aleppo", 'x"y', "a\x00b", "ab"])
def test_match_expressions_quote_the_text(value: str) -> None:
    m = textindex.match_expression([(["country"], value), (None, "killed")])
    assert m is not None and m.endswith('"killed"')
    if textindex.searchable(value):
        assert m.startswith("{country} : \"" + value.replace('"', '""') + '"')
    else:
        assert m == '"killed"'
