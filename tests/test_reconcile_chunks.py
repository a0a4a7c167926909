"""A reconciliation of many claims groups them a batch of connected parts at a time
(`reconcile.partition`, `reconcile.chunked`). Whatever the batch size, the stored events -- ids,
members, figures, blocking keys -- are those a single pass over every claim writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

import conflictwatch.reconcile.grouping as grouping
from claimgen import Story, stories
from conflictwatch.models import Article, Claim, Event, Range
from conflictwatch.reconcile import reconcile_all, reconcile_pending
from conflictwatch.reconcile.build import new_event_id
from conflictwatch.store import Store, open_store
from conflictwatch.store import schema as s

NO_LIMIT = 10**9  # a batch size that groups everything in one pass


def state(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[int, str]]]:
    """Every stored event as a comparable tuple (id, sorted members, all other fields), and every
    blocking key with its event (the next incremental run depends on them)."""
    events = sorted((e.event_id, tuple(sorted(e.claim_ids)), repr(sorted(
        (k, v) for k, v in e.__dict__.items() if k not in ("claim_ids", "event_id")))) for e in store.events())
    with store.engine.connect() as conn:
        blocks = sorted((r[0], r[1]) for r in conn.execute(select(s.event_blocks.c.block, s.event_blocks.c.event_id)))
    return events, blocks


def save(store: Store, batch: list[Story]) -> None:
    for st in batch:
        store.save_article(st.article, st.claims, extractor_version="test")


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """The claim ids of each call to `cluster`: one per batch of parts."""
    seen: list[list[str]] = []
    real = grouping.cluster

    def spy(items: list[Any]) -> Any:
        seen.append([p.claim.claim_id for p in items])
        return real(items)

    monkeypatch.setattr(grouping, "cluster", spy)
    yield seen


@pytest.mark.parametrize(("world", "chunk"), [((300, 5, 90, 16), 6), ((300, 5, 90, 16), 40),
                                              ((260, 5, 20, 3), 30)])
def test_a_fresh_database_reconciled_a_batch_at_a_time_gets_the_events_of_one_pass(
    new_db: Callable[..., str], batches: list[list[str]], world: tuple[int, int, int, int], chunk: int
) -> None:
    """Every shape of claim (reposts, claims without a place, periods, echoes, city-level reports):
    in a sparse world of many small parts, and a dense one where one part holds most claims."""
    n, seed, days, provinces = world
    made = stories(n, seed, days=days, provinces=provinces)
    one, small = open_store(new_db("one")), open_store(new_db("small"))
    save(one, made)
    save(small, made)
    whole = reconcile_pending(one, chunk=NO_LIMIT)
    assert len(batches) == 1
    batches.clear()
    parted = reconcile_pending(small, chunk=chunk)
    assert state(small) == state(one)
    assert (parted.full, parted.claims, parted.written, parted.total) == (True, whole.claims, whole.written,
                                                                          whole.total)
    assert len(batches) > 1  # grouped a batch at a time, never every claim at once
    if provinces > 3:
        assert max(len(b) for b in batches) <= whole.claims // 5


def test_incremental_runs_a_batch_at_a_time_equal_runs_in_one_pass(
    new_db: Callable[..., str], batches: list[list[str]]
) -> None:
    """New articles over several runs, then corrected re-extractions (new claim ids, links carried):
    each run's events, removals and blocking keys are the same with batches of 3 claims."""
    made = stories(300, 8, days=90, provinces=16)
    one, small = open_store(new_db("one")), open_store(new_db("small"))
    k = len(made) // 4
    for i in range(0, len(made), k):
        save(one, made[i : i + k])
        save(small, made[i : i + k])
        a = reconcile_pending(one, chunk=NO_LIMIT)
        batches.clear()
        b = reconcile_pending(small, chunk=3)
        assert (a.full, a.written, a.removed, a.claims) == (b.full, b.written, b.removed, b.claims)
        assert state(small) == state(one)
        assert len(batches) > 1 and max(len(x) for x in batches) < b.claims // 2
    for st in made[::5]:
        claims = [Claim(**{**c.__dict__, "claim_id": ""}) for c in st.claims[1:]]
        for c in claims:
            if c.killed is not None:
                c.killed = Range(c.killed.low + 2, None)
            c.claim_id = c.make_id()
        for store in (one, small):
            store.save_article(st.article, claims, extractor_version="test2")
    a, b = reconcile_pending(one, chunk=NO_LIMIT), reconcile_pending(small, chunk=3)
    assert not a.full and a.removed
    assert (a.full, a.written, a.removed, a.claims) == (b.full, b.written, b.removed, b.claims)
    assert state(small) == state(one)


DAY = date(2021, 5, 3)


def _claim(aid: str, **kw: Any) -> Claim:
    base: dict[str, Any] = dict(article_id=aid, quote=f"report {aid}", event_type="Explosions/Remote violence",
                                sub_event_type="Air/drone strike", date_start=DAY, date_end=DAY,
                                time_precision=1, country="Syria", killed=Range(9, 9), reported_by="Wire")
    c = Claim(**{**base, **kw})
    c.claim_id = c.make_id()
    return c


def _strike_told_five_ways() -> list[tuple[str, Claim]]:
    """One air strike on an Aleppo district, as five articles tell it: twice at the district (two
    spellings), once naming only the city, once only the province, once with no place at all."""
    district = dict(admin1="Aleppo", latitude=36.181, longitude=37.152, geo_precision=1,
                    place_context=["Aleppo"])
    return [
        ("a-01", _claim("a-01", location="al-Sukkari", **district)),
        ("g-02", _claim("g-02", location="Sukkari", **district)),
        ("m-03", _claim("m-03", location="Aleppo", admin1="Aleppo", latitude=36.202, longitude=37.134,
                        geo_precision=2)),
        ("t-04", _claim("t-04", admin1="Aleppo", geo_precision=3)),
        ("z-05", _claim("z-05")),
    ]


def _elsewhere() -> list[tuple[str, Claim]]:
    """Strikes on other towns and days, in articles whose ids sort between the five reports'."""
    out = []
    for k in range(24):
        aid = f"{'bcdefhijklnopqrsuvwxy'[k % 21]}-{k:02d}x"
        out.append((aid, _claim(aid, location=f"Town{k}", admin1=f"Province{k % 4}", latitude=33.0 + k * 0.3,
                                longitude=40.0 + k * 0.2, geo_precision=1, killed=Range(20 + k, None),
                                date_start=DAY + timedelta(days=4 + k), date_end=DAY + timedelta(days=4 + k))))
    return out


def test_one_incident_told_five_ways_is_one_event_when_batches_hold_a_claim_each(
    new_db: Callable[..., str], batches: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The five reports meet under different blocking keys (a place name, a city containing the
    district, a province, a country and toll) and are read in different pages of articles: they
    still form one part, grouped in one batch, and one event."""
    monkeypatch.setattr("conflictwatch.reconcile.chunked.PAGE", 2, raising=False)
    five = _strike_told_five_ways()
    rows = five + _elsewhere()
    one, small = open_store(new_db("one")), open_store(new_db("small"))
    for store in (one, small):
        for aid, c in rows:
            store.save_article(Article(text=c.quote, title=aid, article_id=aid, published=DAY), [c],
                               extractor_version="test")
    reconcile_pending(one, chunk=NO_LIMIT)
    batches.clear()
    reconcile_pending(small, chunk=1)
    ids = {c.claim_id for _, c in five}
    assert sorted(ids) in [sorted(e.claim_ids) for e in small.events()]
    assert any(ids <= set(b) for b in batches) and len(batches) > 1
    assert state(small) == state(one)


def test_a_new_event_id_taken_by_an_earlier_event_of_another_part_gets_its_suffix(
    new_db: Callable[..., str], batches: list[list[str]]
) -> None:
    """Claim A (no event yet) and claim B are never compared, but B's earlier event bears the id
    A's own hash gives: B keeps it and A's event is that id with "-2", as in one pass. So A and B
    are grouped in one batch (apart, A might take the id first); C, unrelated, in another."""
    a = _claim("a-01", location="Town1", admin1="Province1", latitude=33.0, longitude=40.0, geo_precision=1)
    b = _claim("b-02", location="Town2", admin1="Province2", latitude=35.0, longitude=43.0, geo_precision=1,
               date_start=DAY + timedelta(days=30), date_end=DAY + timedelta(days=30))
    c = _claim("c-03", location="Town3", admin1="Province3", latitude=31.0, longitude=46.0, geo_precision=1)
    taken = new_event_id(a.claim_id)
    by_hand = Event(event_id=taken, claim_ids=[b.claim_id], article_ids=["b-02"], event_date=b.date_start,
                    time_precision=1, event_type=None, sub_event_type=None, actor1=None, actor2=None,
                    country="Syria", admin1="Province2", location="Town2", latitude=None, longitude=None,
                    geo_precision=None, sources=[], notes="", fatalities=None, fatalities_low=None,
                    fatalities_high=None, injured=None, children_killed=None, disputed=False)
    results = []
    for name, chunk in (("one", NO_LIMIT), ("small", 1)):
        batches.clear()
        store = open_store(new_db(name))
        for x in (a, b, c):
            store.save_article(Article(text=x.quote, title=x.article_id, article_id=x.article_id,
                                       published=DAY), [x], extractor_version="test")
        store.save_events([by_hand])
        reconcile_all(store, chunk=chunk)
        results.append({cid: e.event_id for e in store.events() for cid in e.claim_ids})
    assert sorted(map(sorted, batches)) == sorted([sorted([a.claim_id, b.claim_id]), [c.claim_id]])
    assert results[0] == results[1]
    assert (results[1][b.claim_id], results[1][a.claim_id]) == (taken, f"{taken}-2")


def _both_ways(new_db: Callable[..., str], rows: list[tuple[str, list[Claim]]],
               batches: list[list[str]]) -> tuple[Store, Store]:
    """The same articles reconciled in one pass and a part per batch (`batches`: the latter's)."""
    stores = open_store(new_db("one")), open_store(new_db("small"))
    for store, chunk in zip(stores, (NO_LIMIT, 1), strict=True):
        for aid, claims in rows:
            store.save_article(Article(text=aid, title=aid, article_id=aid, published=DAY), claims,
                               extractor_version="test")
        batches.clear()
        reconcile_pending(store, chunk=chunk)
    return stores


def test_a_claim_without_place_or_country_meets_its_own_articles_incident_across_batches(
    new_db: Callable[..., str], batches: list[list[str]]
) -> None:
    """Such a claim is compared with the claims of its own article (its country may be theirs),
    which no blocking key of its own finds: it is kept in their part."""
    placed = _claim("n-01", location="Town1", admin1="Province1", latitude=33.0, longitude=40.0,
                    geo_precision=1, country=None, killed=Range(7, 7))
    for k in range(50):  # the placeless claim sorts after the placed one (the worse order for it)
        bare = _claim("n-01", country=None, killed=Range(7, None), quote=f"seven killed ({k})", sentence_index=3)
        if bare.claim_id > placed.claim_id:
            break
    rows = [("n-01", [placed, bare])] + [(aid, [c]) for aid, c in _elsewhere()]
    one, small = _both_ways(new_db, rows, batches)
    assert sorted([placed.claim_id, bare.claim_id]) in [sorted(e.claim_ids) for e in small.events()]
    assert len(batches) > 1 and any({placed.claim_id, bare.claim_id} <= set(b) for b in batches)
    assert state(small) == state(one)


def test_an_article_telling_one_strike_for_two_days_counts_whole_when_its_claims_are_in_two_batches(
    new_db: Callable[..., str], batches: list[list[str]]
) -> None:
    """One article gives the same strike and toll for two days (`matching.echoes`): its later claim,
    a vague one (the place only as a region), takes the earlier day and so joins another outlet's
    report of that day, though the article's first claim is grouped in another batch."""
    first = _claim("e-01", location="Qaim", admin1="Anbar", country="Iraq", latitude=34.37, longitude=41.09,
                   geo_precision=1, killed=Range(5, 5))
    later = _claim("e-01", location="Qaim", country="Oman", geo_precision=3, killed=Range(5, 5),
                   quote="again", sentence_index=4, date_start=DAY + timedelta(days=2),
                   date_end=DAY + timedelta(days=2))
    other = _claim("w-02", location="Sur", admin1="Ash Sharqiyah", country="Oman", latitude=22.57,
                   longitude=59.53, geo_precision=1, killed=Range(5, 5))
    one, small = _both_ways(new_db, [("e-01", [first, later]), ("w-02", [other])], batches)
    assert sorted([later.claim_id, other.claim_id]) in [sorted(e.claim_ids) for e in small.events()]
    assert sorted(map(sorted, batches)) == sorted([[first.claim_id], sorted([later.claim_id, other.claim_id])])
    assert state(small) == state(one)


def test_an_event_keeps_its_id_when_a_later_batched_run_adds_a_report_that_sorts_first(
    new_db: Callable[..., str], batches: list[list[str]]
) -> None:
    """An incremental run regrouping its claims a part per batch still hands each event the id it
    had (not the id of its new smallest claim)."""
    place = dict(location="Town1", admin1="Province1", latitude=33.0, longitude=40.0, geo_precision=1)
    first = _claim("k-01", **place)
    for k in range(50):
        second = _claim("k-02", quote=f"a second report ({k})", **place)
        if second.claim_id < first.claim_id:
            break
    store = open_store(new_db())
    rows = [("k-01", first)] + _elsewhere()[:12]
    for aid, c in rows:
        store.save_article(Article(text=aid, title=aid, article_id=aid, published=DAY), [c], extractor_version="t")
    reconcile_pending(store, chunk=1)
    kept = new_event_id(first.claim_id)
    for aid, c in [("k-02", second)] + _elsewhere()[12:]:
        store.save_article(Article(text=aid, title=aid, article_id=aid, published=DAY), [c], extractor_version="t")
    batches.clear()
    result = reconcile_pending(store, chunk=1)
    assert not result.full and len(batches) > 1
    assert {e.event_id: sorted(e.claim_ids) for e in store.events()}[kept] == sorted([first.claim_id,
                                                                                      second.claim_id])
