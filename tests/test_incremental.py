"""Incremental reconciliation: a run regroups only its new claims' blocks, and the result is exactly
what rebuilding every event (`reconcile --all`) gives."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from claimgen import Story, stories
from conflictwatch import pipeline
from conflictwatch.models import Article, Claim, Event, Range
from conflictwatch.reconcile import reconcile, reconcile_all, reconcile_pending
from conflictwatch.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO.parent / "shared" / "corpus"


def canon(events: list[Event], with_ids: bool = True) -> list[tuple[Any, ...]]:
    """Everything an event says, as comparable tuples (without the id unless asked)."""
    out = []
    for e in events:
        d = {k: v for k, v in e.__dict__.items() if k not in ("claim_ids", "article_ids", "event_id")}
        row = (tuple(sorted(e.claim_ids)), tuple(e.article_ids), json.dumps(d, default=str, sort_keys=True))
        out.append(row + ((e.event_id,) if with_ids else ()))
    return sorted(out)


def save(store: Store, batch: list[Story]) -> None:
    for st in batch:
        store.save_article(st.article, st.claims, extractor_version="test")


def assert_same_as_full_rebuild(store: Store) -> list[Event]:
    """The stored events equal a rebuild of every event (ids too) and a pure reconcile (grouping)."""
    incremental = store.events()
    assert store.pending_count() == 0
    rebuilt = reconcile_all(store)
    assert rebuilt.full and store.pending_count() == 0
    assert canon(store.events()) == canon(incremental)
    pure = reconcile(list(store.claims()), published=store.published_dates(), duplicate_of=store.duplicates())
    assert canon(pure, with_ids=False) == canon(incremental, with_ids=False)
    return incremental


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_runs_in_batches_equal_a_full_rebuild_on_synthetic_claims(db_path: str, seed: int) -> None:
    all_stories = stories(260, seed)
    store = open_store(db_path)
    k = len(all_stories) // 5
    for i in range(0, len(all_stories), k):
        save(store, all_stories[i : i + k])
        result = reconcile_pending(store)
        assert result.full == (i == 0)  # the first finds no stored events' rules: rebuilds all
    # re-extraction: corrected tolls (new claim ids), a dropped claim, a claim moved to another day
    for st in all_stories[::7]:
        claims = [Claim(**{**c.__dict__, "claim_id": ""}) for c in st.claims[1:]]
        for c in claims:
            if c.killed is not None:
                c.killed = Range(c.killed.low + 1, None)
            if c.date_start is not None and c.scope == "incident":
                c.date_start = c.date_end = c.date_start + timedelta(days=1)
            c.claim_id = c.make_id()
        store.save_article(st.article, claims, extractor_version="test2")
    assert not reconcile_pending(store).full
    events = assert_same_as_full_rebuild(store)
    assert len(events) > 200  # the world is not trivial
    assert any(len(e.article_ids) > 1 for e in events) and any(e.location is None for e in events)


def test_a_second_run_over_a_large_database_rewrites_only_the_new_blocks(db_path: str) -> None:
    store = open_store(db_path)
    save(store, stories(800, seed=11, days=90, provinces=16))  # 512 places, ~0.02 incidents/place/day
    first = reconcile_pending(store)
    assert first.full and first.total > 500
    # 3 reports of one strike in a town nobody wrote about, a day inside the stored period, and one
    # more report of a stored event (the same claims as one stored article's, from another outlet)
    stored = store.events()
    target = next(e for e in stored if e.location and len(e.claim_ids) == 1 and e.fatalities)
    [tc] = [c for c in store.claims() if c.claim_id == target.claim_ids[0]]
    day = date(2020, 3, 15)
    new = []
    for k in range(3):
        a = Article(text=f"strike in Newtown report {k}", title=f"new {k}", article_id=f"new{k}", published=day)
        new.append(Story(a, [Claim(article_id=f"new{k}", quote=f"Newtown {k}", event_type="Battles",
                                   sub_event_type="Armed clash", date_start=day, date_end=day, time_precision=1,
                                   location="Newtown", admin1="Far province", country="Yemen",
                                   latitude=15.0, longitude=45.0, geo_precision=1, killed=Range(4 + k, None),
                                   claimed_by=f"source {k}")]))
    echo = Claim(**{**tc.__dict__, "article_id": "echo", "claim_id": "", "claimed_by": "Another monitor"})
    new.append(Story(Article(text="another outlet", title="echo", article_id="echo", published=day), [echo]))
    for st in new:
        for c in st.claims:
            c.claim_id = c.make_id()
    save(store, new)
    second = reconcile_pending(store)
    assert not second.full
    # the new event, the one joined, and the few sharing their blocks (same day and place or province)
    assert len(second.events) <= 10
    assert second.claims <= 30 and first.claims > 1500
    ids = {e.event_id for e in second.events}
    assert target.event_id in ids
    assert second.total == first.total + 1
    after = {e.event_id: e for e in store.events()}
    assert after[target.event_id].claim_ids == sorted([target.claim_ids[0], echo.claim_id]) or set(
        after[target.event_id].claim_ids) == {target.claim_ids[0], echo.claim_id}
    unchanged = [e for e in stored if e.event_id not in ids]
    assert canon(unchanged) == canon([after[e.event_id] for e in unchanged])
    assert_same_as_full_rebuild(store)


def test_nothing_pending_touches_nothing(db_path: str) -> None:
    store = open_store(db_path)
    save(store, stories(40, seed=5))
    reconcile_pending(store)
    again = reconcile_pending(store)
    assert again.events == [] and again.removed == [] and again.claims == 0 and not again.full


def test_events_written_by_hand_are_rebuilt_whole_by_the_next_reconciliation(db_path: str) -> None:
    store = open_store(db_path)
    save(store, stories(40, seed=6))
    reconcile_pending(store)
    store.save_events(store.events())  # no blocking keys: the next one must rebuild everything
    save(store, stories(5, seed=7))
    assert reconcile_pending(store).full
    assert_same_as_full_rebuild(store)


def test_real_articles_in_several_runs_equal_a_full_rebuild(db_path: str, tmp_path: Path) -> None:
    """The demo samples and, when present, the shared corpus (the wire dump and 80 of the UCDP
    articles), split over several runs."""
    lines: list[str] = []
    dumps = [f for f in sorted((REPO / "samples").iterdir()) if f.suffix == ".txt"]
    lines = (REPO / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    if (CORPUS_DIR / "wire-2016-10-sample.txt").exists():
        dumps.append(CORPUS_DIR / "wire-2016-10-sample.txt")
    if (CORPUS_DIR / "ucdp-2022-dev.jsonl").exists():
        lines += (CORPUS_DIR / "ucdp-2022-dev.jsonl").read_text(encoding="utf-8").splitlines()[:80]
    lines = [x for x in lines if x.strip()]
    parts = [lines[k::3] for k in range(3)]
    store = open_store(db_path)
    for k, part in enumerate(parts):
        p = tmp_path / f"part{k}.jsonl"
        p.write_text("\n".join(part) + "\n", encoding="utf-8")
        stats = pipeline.run([str(p)], store)
        assert stats.ok, stats.errors
    for d in dumps:
        assert pipeline.run([str(d)], store, published=date(2016, 10, 13)).ok
    events = assert_same_as_full_rebuild(store)
    assert len(events) >= 15
