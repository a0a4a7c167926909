"""Nothing lost, nothing counted twice: per-article transactions, crash and re-run, reposts.

Fixtures (our own writing) in tests/fixtures/integrity/: `collision.jsonl` (one sentence naming
three places: claims that used to share an id), `reports.jsonl` (four reports from four countries,
reposted below by aggregators), `noplace.jsonl` (one attack without a place, told by two outlets).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwatch import pipeline
from conflictwatch.cli import app
from conflictwatch.export.claims import write_claims
from conflictwatch.export.events import event_record
from conflictwatch.models import Article
from conflictwatch.store import Store, open_store

FIX = Path(__file__).parent / "fixtures" / "integrity"
REPORTS = FIX / "reports.jsonl"
COLLISION = FIX / "collision.jsonl"
NOPLACE = FIX / "noplace.jsonl"
runner = CliRunner()


def _snapshot(store: Store) -> dict[str, Any]:
    """Everything a user sees: claims, events (with ids), articles' duplicate links."""
    import io

    buf = io.StringIO()
    write_claims(store, "jsonl", buf)
    return {
        "claims": sorted(buf.getvalue().splitlines()),
        "events": sorted(json.dumps(event_record(e), sort_keys=True) for e in store.events()),
        "articles": sorted((s.article_id, s.duplicate_of, s.stored_claims) for s in store.article_states()),
    }


def _reposts(n_per_report: int) -> list[dict[str, Any]]:
    """Aggregator copies of each report, some a day later: another headline and publisher, a byline
    and footer, and in most a paragraph of their own added or the closing paragraph dropped (the
    ingest layout strips bylines and footers, so without these the copy would be the same text)."""
    out = []
    originals = [json.loads(line) for line in REPORTS.read_text().splitlines()]
    for k in range(n_per_report):
        for a in originals:
            day = int(a["published"][-2:]) + (k % 2)
            paras = a["text"].split("\n\n")
            if k % 3 == 1:
                paras.insert(-1, f"Aggregator {k} has asked local officials for comment and will update "
                                 "this story as more details become available.")
            elif k % 3 == 2:
                paras = paras[:-2] + paras[-1:]
            out.append({
                "id": f"{a['id']}-copy{k}",
                "published": f"{a['published'][:-2]}{day:02d}",
                "source": f"Aggregator {k}",
                "title": f"{a['title']} - report {k}",
                "text": f"By staff writer {k} | Posted by news desk\n\n" + "\n\n".join(paras)
                        + f"\n\nCopyright 2016 Aggregator {k}. All rights reserved.",
            })
    return out


def test_claims_of_one_sentence_naming_three_places_are_all_stored_with_distinct_ids(
    db_path: str, new_db: Callable[..., str]
) -> None:
    store = open_store(db_path)
    stats = pipeline.run([str(COLLISION)], store)
    assert stats.ok, stats.errors
    [article] = list(store.articles())
    expected = pipeline.process_article(article)  # what the text yields (without geocoding)
    stored = list(store.claims())
    assert len(stored) == len(expected) >= 2
    assert len({c.claim_id for c in stored}) == len(stored)
    assert {c.location for c in stored} >= {"Tal Rifaat", "Kafr Naha"}
    # same input, same ids: a fresh database gives the same claims
    other = open_store(new_db("other"))
    pipeline.run([str(COLLISION)], other)
    assert sorted(c.claim_id for c in other.claims()) == sorted(c.claim_id for c in stored)


def test_a_failing_article_is_reported_and_every_other_article_is_stored_whole(
    db_path: str, new_db: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path)
    real = store._write_claims

    def faulty(conn: Any, article_id: str, rows: list[dict[str, Any]], **kw: Any) -> None:
        real(conn, article_id, rows, **kw)  # the claims are written ... then the disk "fails"
        if article_id == "rep-aden":
            raise OSError("disk I/O error (injected)")

    monkeypatch.setattr(store, "_write_claims", faulty)
    stats = pipeline.run([str(REPORTS)], store)
    assert not stats.ok
    [failure] = stats.failures
    assert failure.article_id == "rep-aden"
    assert failure.origin == f"{REPORTS}:3"
    assert "disk I/O error" in failure.reason
    assert str(REPORTS) in str(failure) and "rep-aden" in str(failure)
    # nothing of the failed article, everything of the others
    assert store.get_article("rep-aden") is None
    assert not list(store.claims(article_id="rep-aden"))
    states = {s.article_id: s for s in store.article_states()}
    assert set(states) == {"rep-borno", "rep-atareb", "rep-kismayo"}
    for s in states.values():
        assert s.extractor_version is not None and s.stored_claims == s.extracted_claims >= 1
    assert stats.events is not None and len(stats.events) == 3
    # the fault gone, the next run stores it and the result equals a clean run
    monkeypatch.undo()
    again = pipeline.run([str(REPORTS)], store)
    assert again.ok and again.articles_new == 1 and again.articles_skipped == 3
    clean = open_store(new_db("clean"))
    pipeline.run([str(REPORTS)], clean)
    assert _snapshot(store) == _snapshot(clean)


def test_cli_run_exit_status_names_the_failed_article(
    new_db: Callable[..., str],     tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = Store._write_claims

    def faulty(self: Store, conn: Any, article_id: str, rows: list[dict[str, Any]], **kw: Any) -> None:
        if article_id == "rep-atareb":
            raise RuntimeError("constraint failed (injected)")
        real(self, conn, article_id, rows, **kw)

    monkeypatch.setattr(Store, "_write_claims", faulty)
    res = runner.invoke(app, ["run", str(REPORTS), "--db", new_db("cw"), "-q"])
    assert res.exit_code == 1
    assert "4 articles read: 3 new" in res.output and "1 articles failed" in res.output
    # the failure is logged as it happens, one line naming file:line, article and reason
    [line] = [r.getMessage() for r in caplog.records if "rep-atareb" in r.getMessage()]
    assert "reports.jsonl:2" in line and "constraint failed" in line


def test_crash_in_the_middle_then_rerun_equals_an_uninterrupted_run(
    new_db: Callable[..., str],     tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "all.jsonl"
    inputs.write_text(
        REPORTS.read_text() + COLLISION.read_text() + "".join(json.dumps(r) + "\n" for r in _reposts(2)),
        encoding="utf-8",
    )
    clean = open_store(new_db("clean"))
    pipeline.run([str(inputs)], clean)

    crashed = open_store(new_db("crash"))
    real = crashed._write_claims
    seen: list[str] = []

    def dies(conn: Any, article_id: str, rows: list[dict[str, Any]], **kw: Any) -> None:
        seen.append(article_id)
        real(conn, article_id, rows, **kw)
        if len(seen) == 5:  # the process is killed in the middle of the fifth article's transaction
            raise KeyboardInterrupt

    monkeypatch.setattr(crashed, "_write_claims", dies)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(inputs)], crashed)
    assert crashed.count("articles") == 4 and crashed.count("events") == 0
    monkeypatch.undo()
    rerun = pipeline.run([str(inputs)], crashed)
    assert rerun.ok and rerun.articles_skipped == 4
    assert _snapshot(crashed) == _snapshot(clean)


def test_articles_stored_without_claims_by_an_earlier_version_are_repaired_by_the_next_run(
    db_path: str, new_db: Callable[..., str]
) -> None:
    from conflictwatch.ingest import read_inputs

    store = open_store(db_path)
    for a in read_inputs([str(REPORTS)]):
        assert isinstance(a, Article)
        store.add_article(a)  # what a crash of the old `run` left: rows, no claims
    assert store.count("claims") == 0
    stats = pipeline.run([str(REPORTS)], store)
    assert stats.articles_skipped == 4 and stats.reextracted == 4
    clean = open_store(new_db("clean"))
    pipeline.run([str(REPORTS)], clean)
    assert _snapshot(store) == _snapshot(clean)
    assert pipeline.run([str(REPORTS)], store).reextracted == 0  # repaired once, not every time


def test_100_reposts_of_4_reports_give_4_events_with_the_originals_totals(new_db: Callable[..., str], tmp_path: Path) -> None:
    originals = open_store(new_db("originals"))
    pipeline.run([str(REPORTS)], originals)
    base = originals.events()
    assert len(base) == 4

    copies = tmp_path / "reposts.jsonl"
    copies.write_text("".join(json.dumps(r) + "\n" for r in _reposts(25)), encoding="utf-8")
    store = open_store(new_db("all"))
    stats = pipeline.run([str(REPORTS), str(copies)], store)
    assert stats.ok and stats.articles_new == 104 and stats.duplicates == 100
    dup = store.duplicates()
    assert len(dup) == 100 and all(dup[k] == k.split("-copy")[0] for k in dup)
    events = store.events()
    assert len(events) == 4
    key = lambda e: (e.event_date, e.country)  # noqa: E731
    for e, b in zip(sorted(events, key=key), sorted(base, key=key), strict=True):
        assert (e.fatalities, e.fatalities_low, e.fatalities_high, e.injured, e.sources) == (
            b.fatalities, b.fatalities_low, b.fatalities_high, b.injured, b.sources)
        assert len(e.article_ids) == 26  # n_articles still counts every outlet
    assert sum(e.fatalities or 0 for e in events) == sum(b.fatalities or 0 for b in base)


def test_reposts_arriving_in_a_later_run_are_linked_to_the_stored_first_copy(new_db: Callable[..., str], tmp_path: Path) -> None:
    store = open_store(new_db("cw"))
    pipeline.run([str(REPORTS)], store)
    copies = tmp_path / "later.jsonl"
    copies.write_text("".join(json.dumps(r) + "\n" for r in _reposts(1)), encoding="utf-8")
    stats = pipeline.run([str(copies)], store)
    assert stats.duplicates == 4 and len(store.events()) == 4


def test_one_attack_without_a_place_told_by_two_outlets_is_one_event(db_path: str) -> None:
    store = open_store(db_path)
    stats = pipeline.run([str(NOPLACE)], store)
    assert stats.ok and stats.duplicates == 0  # two wordings: not copies
    claims = [c for c in store.claims(scope="incident") if c.killed and c.killed.low == 14]
    assert len({c.article_id for c in claims}) == 2
    assert all(c.country == "Nigeria" for c in claims)
    [event] = [e for e in store.events() if e.fatalities == 14]
    assert event.article_ids == ["noplace-a", "noplace-b"]


def test_run_reconciles_and_returns_the_events_the_store_holds(db_path: str) -> None:
    store = open_store(db_path)
    stats = pipeline.run([str(REPORTS)], store)
    assert stats.events is not None
    assert [e.event_id for e in stats.events] == [e.event_id for e in store.events()]
    assert stats.events_summary == "4 events (0 disputed)"
    quiet = pipeline.run([str(REPORTS)], store, reconcile=False)
    assert quiet.events is None and quiet.events_summary == "not reconciled"
