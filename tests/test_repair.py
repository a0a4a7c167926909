"""Claim ids, atomic saves, the schema step for old databases, `reextract` and `check`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, MetaData, Table, create_engine, text
from typer.testing import CliRunner

from conflictwatch import pipeline
from conflictwatch.check import DAY, DUPLICATE, EMPTY_EVENT, NO_CLAIMS, NOT_EXTRACTED, TYPE, UNLINKED, check
from conflictwatch.cli import app
from conflictwatch.models import Article, Claim, Event, Range
from conflictwatch.store import open_store
from conflictwatch.store import schema as s
from conflictwatch.store.db import unique_claim_ids

FIX = Path(__file__).parent / "fixtures" / "integrity"
REPORTS = FIX / "reports.jsonl"
runner = CliRunner()
SENTENCE = ("Warplanes bombed the town of Tal Rifaat on Tuesday; jets struck the village of Kafr Naha on "
            "Tuesday; and an air strike killed five people in Atareb on Tuesday, the Observatory said.")


def _claim(**kw: Any) -> Claim:
    base: dict[str, Any] = {"article_id": "a1", "quote": SENTENCE, "sub_event_type": "Air/drone strike",
                            "claimed_by": "Syrian Observatory for Human Rights"}
    return Claim(**{**base, **kw})


def test_claim_ids_tell_apart_places_spans_and_figures_and_are_stable() -> None:
    tal, kafr = _claim(location="Tal Rifaat"), _claim(location="Kafr Naha")
    assert tal.claim_id != kafr.claim_id
    assert _claim(location="Tal Rifaat").claim_id == tal.claim_id  # same input, same id
    assert _claim(location="tal  rifaat").claim_id == tal.claim_id  # spelling noise folded
    assert _claim(location="Atareb", killed=Range(5, 5)).claim_id != _claim(location="Atareb").claim_id
    assert _claim(quote_start=0, quote_end=40).claim_id != _claim(quote_start=42, quote_end=80).claim_id
    assert _claim(injured=Range(3, 3)).claim_id != _claim(children_killed=Range(3, 3)).claim_id


def test_a_remaining_clash_gets_an_ordinal_in_text_order() -> None:
    first, second, third = _claim(sentence_index=2), _claim(sentence_index=2), _claim(sentence_index=0)
    second.claim_id = first.claim_id
    base = first.claim_id
    unique_claim_ids([second, first, third])
    assert second.claim_id == base and first.claim_id == f"{base}-2"  # given order breaks the tie
    again = [_claim(sentence_index=2), _claim(sentence_index=2)]
    unique_claim_ids(again)
    assert [c.claim_id for c in again] == [base, f"{base}-2"]  # the same every time


def test_save_article_stores_clashing_claims_instead_of_failing(db_path: str) -> None:
    store = open_store(db_path)
    art = Article(text=SENTENCE, title="t", article_id="a1")
    twins = [_claim(), _claim()]
    stored = store.save_article(art, twins, extractor_version="v")
    assert len({c.claim_id for c in stored}) == 2 and store.count("claims") == 2
    [state] = store.article_states()
    assert (state.extractor_version, state.extracted_claims, state.stored_claims) == ("v", 2, 2)


def test_a_database_from_before_the_extraction_record_is_migrated_and_repaired(tmp_path: Path) -> None:
    """A version-2 database (no extraction columns), left by a crash with an article and no claims."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    new = {"extractor_version", "extracted_at", "extracted_claims", "duplicate_of", "minhash", "minhash_scheme"}
    md = MetaData()
    for t in s.metadata.sorted_tables:
        Table(t.name, md, *[Column(c.name, c.type, primary_key=c.primary_key) for c in t.columns
                            if not (t.name == "articles" and c.name in new)])
    engine = create_engine(url)
    with engine.begin() as conn:
        md.create_all(conn)
        conn.execute(text("INSERT INTO schema_info VALUES ('version', '2')"))
        line = REPORTS.read_text().splitlines()[1]
    src = tmp_path / "one.jsonl"
    src.write_text(line + "\n", encoding="utf-8")
    [art] = [a for a in pipeline.read_inputs([str(src)]) if isinstance(a, Article)]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO articles (article_id, content_hash, title, published_inferred, captions, "
                          "credits, meta, text) VALUES (:i, :h, :t, 0, '[]', '[]', '{}', :x)"),
                     {"i": art.article_id, "h": art.hash, "t": art.title, "x": art.text})
    store = open_store(str(tmp_path / "old.db"))
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM schema_info")).scalar_one() == str(s.SCHEMA_VERSION)
    assert [f.kind for f in check(store).problems] == [NOT_EXTRACTED]
    stats = pipeline.run([str(src)], store)
    assert stats.articles_skipped == 1 and stats.reextracted == 1 and store.count("claims") >= 1
    assert check(store).consistent


def test_reextract_keeps_claim_and_event_ids_and_rebuilds_events(db_path: str) -> None:
    store = open_store(db_path)
    pipeline.run([str(REPORTS)], store)
    claims = sorted(c.claim_id for c in store.claims())
    events = sorted(e.event_id for e in store.events())
    assert pipeline.reextract(store).reextracted == 0  # nothing stale
    stats = pipeline.reextract(store, everything=True)
    assert stats.reextracted == 4 and stats.ok
    assert sorted(c.claim_id for c in store.claims()) == claims
    assert sorted(e.event_id for e in store.events()) == events


def test_a_changed_claim_keeps_its_events_id_after_reextract(db_path: str) -> None:
    store = open_store(db_path)
    pipeline.run([str(REPORTS)], store)
    [atareb] = store.claims(article_id="rep-atareb")
    # as an older extractor had it: another figure, so another claim id, and its own event
    wrong = Claim(**{**atareb.__dict__, "killed": Range(10, 10), "claim_id": ""})
    store.replace_claims("rep-atareb", [wrong])
    from conflictwatch.reconcile import rebuild_events

    rebuild_events(store)
    [seen] = [e.event_id for e in store.events() if wrong.claim_id in e.claim_ids]
    assert atareb.claim_id not in {c.claim_id for c in store.claims()}
    pipeline.reextract(store, everything=True)
    [back] = store.claims(article_id="rep-atareb")
    assert back.claim_id == atareb.claim_id and back.killed == Range(11, 11)
    [event] = [e for e in store.events() if back.claim_id in e.claim_ids]
    assert event.event_id == seen  # the event users saw keeps its id


def test_run_reextracts_articles_of_another_extractor_version(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(db_path)
    pipeline.run([str(REPORTS)], store)
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "0.1.0+changed-rules")
    assert pipeline.run([str(REPORTS)], store).reextracted == 4
    assert {st.extractor_version for st in store.article_states()} == {"0.1.0+changed-rules"}
    assert pipeline.run([str(REPORTS)], store).reextracted == 0


def test_extractor_version_follows_the_users_rule_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = pipeline.extractor_version()
    (tmp_path / "sources.yaml").write_text("sources:\n  Borno Watch: [borno watch]\n", encoding="utf-8")
    monkeypatch.setenv("CONFLICTWATCH_DATA", str(tmp_path))
    assert pipeline.extractor_version() != before


def test_check_finds_each_kind_of_problem(db_path: str) -> None:
    store = open_store(db_path)
    pipeline.run([str(REPORTS)], store)
    rep = check(store)
    assert rep.consistent and rep.articles == 4 and rep.events == 4
    # an article without its claims, and incident claims without events
    store.add_article(Article(text="Nothing here yet.", article_id="bare"))
    c1 = Claim(article_id="rep-atareb", quote="q1", sub_event_type="Air/drone strike", location="Atareb",
               date_start=date(2016, 10, 18), time_precision=1, country="Syria", killed=Range(3, 3))
    c2 = Claim(article_id="rep-atareb", quote="q2", sub_event_type="Shelling/artillery/missile attack",
               location="Atareb", date_start=date(2016, 10, 17), time_precision=1, country="Syria")
    store.replace_claims("rep-atareb", [c1, c2])
    kinds = [f.kind for f in check(store).problems]
    assert kinds.count(NOT_EXTRACTED) == 1 and kinds.count(UNLINKED) == 2 and EMPTY_EVENT in kinds
    # events whose claims disagree on day and type, and two events that look the same
    ev = dict(event_date=date(2016, 10, 18), time_precision=1, event_type=None, sub_event_type="Air/drone strike",
              actor1=None, actor2=None, country="Syria", admin1=None, location="Atareb", latitude=None,
              longitude=None, geo_precision=None, sources=[], notes="", fatalities=3, fatalities_low=3,
              fatalities_high=3, injured=None, children_killed=None, disputed=False)
    others = [e for e in store.events() if not e.claim_ids]
    assert others
    store.save_events([e for e in store.events() if e.claim_ids]
                      + [Event(event_id="evmixed", claim_ids=[c1.claim_id, c2.claim_id], article_ids=[], **ev),
                         Event(event_id="evtwin", claim_ids=[], article_ids=[], **ev)])
    rep = check(store)
    kinds = [f.kind for f in rep.problems]
    assert DAY in kinds and TYPE in kinds and DUPLICATE in kinds and not rep.consistent
    assert not [f for f in rep.notes if f.kind == NO_CLAIMS]  # "bare" is a problem, not a note


def test_the_demo_database_is_consistent(new_db: Callable[..., str], tmp_path: Path) -> None:
    db = new_db("demo")
    repo = Path(__file__).resolve().parents[1]
    assert runner.invoke(app, ["run", str(repo / "samples"), "--db", db, "-q"]).exit_code == 0
    rep = check(open_store(db))
    assert rep.consistent, [str(f) for f in rep.problems]
    assert [f.kind for f in rep.notes] == [NO_CLAIMS]  # the migrant-rescue story yields no claim


def test_check_and_reextract_commands(new_db: Callable[..., str], tmp_path: Path) -> None:
    db = new_db("cw")
    assert runner.invoke(app, ["run", str(REPORTS), "--db", db, "-q"]).exit_code == 0
    res = runner.invoke(app, ["check", "--db", db])
    assert res.exit_code == 0 and "consistent" in res.output
    store = open_store(db)
    with store.engine.begin() as conn:  # damage: claims lost behind the store's back
        conn.execute(text("DELETE FROM event_claims"))
        conn.execute(text("DELETE FROM claims WHERE article_id = 'rep-aden'"))
    res = runner.invoke(app, ["check", "--db", db])
    assert res.exit_code == 1 and "rep-aden" in res.output and "claim without event" in res.output
    res = runner.invoke(app, ["reextract", "--db", db, "--all"])
    assert res.exit_code == 0 and "4 stored articles re-extracted" in res.output
    assert runner.invoke(app, ["check", "--db", db]).exit_code == 0
    assert "--all" in runner.invoke(app, ["reextract", "--help"]).output


def test_placeless_events_with_other_actors_do_not_look_duplicate() -> None:
    from conflictwatch.check import duplicate_events

    def ev(eid: str, actor2: str | None, fatalities: int = 1) -> Event:
        return Event(event_id=eid, claim_ids=[], article_ids=["a1"], event_date=date(2022, 8, 19), time_precision=1,
                     event_type=None, sub_event_type="Air/drone strike", actor1=None, actor2=actor2,
                     country="Myanmar", admin1=None, location=None, latitude=None, longitude=None,
                     geo_precision=None, sources=[], notes="", fatalities=fatalities, fatalities_low=fatalities,
                     fatalities_high=fatalities, injured=None, children_killed=None, disputed=False)

    assert duplicate_events([ev("e1", "Civilians"), ev("e2", "Military Forces")]) == []
    assert len(duplicate_events([ev("e1", "Civilians"), ev("e2", None)])) == 1
    assert duplicate_events([ev("e1", None), ev("e2", None, fatalities=4)]) == []
