"""Reconcile: which claims become one event, and the figures the event carries."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from conflictwatch.models import Article, Claim, Range
from conflictwatch.reconcile import reconcile, reconcile_store
from conflictwatch.reconcile.build import new_event_id
from conflictwatch.reconcile.countries import event_id_cnty
from conflictwatch.reconcile.matching import norm_place
from conflictwatch.reconcile.storage import load_events
from conflictwatch.store import open_store

D = date(2016, 10, 16)
AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELL = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
MARJEH = (36.1790, 37.1830)  # a district of Aleppo
ALEPPO = (36.2021, 37.1343)  # the city centre, ~5 km away
SUKKARI = (36.1766, 37.1650)


def claim(
    article_id: str,
    sentence: int = 0,
    *,
    killed: tuple[int, int | None] | None = None,
    by: str | None = None,
    where: str | None = "al-Marjeh",
    coords: tuple[float, float] | None = MARJEH,
    ctx: list[str] | None = None,
    day: date | None = D,
    kind: tuple[str, str] | None = AIR,
    **kw: Any,
) -> Claim:
    return Claim(
        article_id=article_id,
        quote=f"{article_id} sentence {sentence}",
        sentence_index=sentence,
        event_type=kind[0] if kind else None,
        sub_event_type=kind[1] if kind else None,
        date_start=day,
        date_end=day,
        time_precision=1 if day else None,
        location=where,
        place_context=["Aleppo"] if ctx is None and where not in (None, "Aleppo") else (ctx or []),
        admin1="Aleppo",
        country="Syria",
        latitude=coords[0] if coords else None,
        longitude=coords[1] if coords else None,
        geo_precision=1 if coords else None,
        killed=Range(*killed) if killed else None,
        claimed_by=by,
        reported_by="Reuters",
        **kw,
    )


def test_two_articles_same_strike_different_tolls_is_one_disputed_event() -> None:
    a = claim("a1", killed=(14, 14), by="Syrian Civil Defence")
    b = claim("a2", killed=(12, 12), by="Syrian Observatory for Human Rights", where="Al Marja")
    events = reconcile([a, b])
    assert len(events) == 1
    e = events[0]
    assert sorted(e.claim_ids) == sorted([a.claim_id, b.claim_id])
    assert e.article_ids == ["a1", "a2"]
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (12, 12, 14)
    assert e.disputed is True
    assert e.sources == ["Syrian Civil Defence", "Syrian Observatory for Human Rights"]
    assert e.sub_event_type == "Air/drone strike" and e.event_date == D
    assert "Syrian Civil Defence: 14 killed" in e.notes
    assert "Syrian Observatory for Human Rights: 12 killed" in e.notes
    assert e.notes.startswith("Air/drone strike in al-Marjeh, Aleppo")


def test_rising_toll_from_same_source_supersedes_and_is_not_disputed() -> None:
    early = claim("a1", killed=(14, 14), by="Syrian Observatory for Human Rights")
    later = claim("a2", killed=(30, 30), by="Syrian Observatory for Human Rights")
    pub = {"a1": D, "a2": D + timedelta(days=1)}
    (e,) = reconcile([later, early], published=pub)
    assert e.fatalities == 30
    assert (e.fatalities_low, e.fatalities_high) == (30, 30)
    assert e.disputed is False
    assert "30 killed (earlier 14)" in e.notes


def test_latest_figure_per_source_then_conservative_minimum_across_sources() -> None:
    sohr1 = claim("a1", killed=(10, None), by="Syrian Observatory for Human Rights")
    sohr2 = claim("a3", killed=(25, 25), by="Syrian Observatory for Human Rights")
    civ = claim("a2", killed=(20, None), by="Syrian Civil Defence", injured=Range(40, None))
    own = claim("a4", killed=(22, 22), by=None, injured=Range(35, 35))
    pub = {"a1": D, "a2": D, "a3": D + timedelta(days=1), "a4": D + timedelta(days=1)}
    (e,) = reconcile([sohr1, sohr2, civ, own], published=pub)
    # latest: SOHR 25, Civil Defence "at least 20", Reuters' own voice 22 -> conservative 20
    assert e.fatalities == 20 and e.fatalities_low == 20
    assert e.fatalities_high == 25  # max of known highs and open-ended lows, never a sum
    assert e.injured == 35
    assert e.disputed is True
    assert "Reuters" in e.sources


def test_aggregate_and_incident_in_same_article_stay_apart() -> None:
    inc = claim("a1", killed=(14, 14), by="Syrian Civil Defence")
    agg = claim("a1", 3, killed=(448, None), by="UN OCHA", scope="aggregate")
    events = reconcile([inc, agg])
    assert len(events) == 1
    assert events[0].claim_ids == [inc.claim_id]
    assert events[0].fatalities == 14


def test_different_places_same_day_stay_apart_even_in_one_article() -> None:
    a = claim("a1", 0, killed=(14, 14), by="Syrian Civil Defence")
    b = claim("a1", 4, killed=(5, 5), by="Syrian Civil Defence", where="al-Sukkari", coords=SUKKARI)
    events = reconcile([a, b])
    assert len(events) == 2
    assert {e.location for e in events} == {"al-Marjeh", "al-Sukkari"}


def test_same_article_restating_one_incident_merges() -> None:
    lead = claim("a1", 0, killed=(14, None), by="Syrian Civil Defence")
    detail = claim("a1", 5, killed=(14, 14), by="Syrian Civil Defence", kind=None)
    (e,) = reconcile([lead, detail])
    assert len(e.claim_ids) == 2
    assert e.fatalities == 14 and e.disputed is False


def test_air_strike_and_shelling_same_place_same_day_stay_apart() -> None:
    a = claim("a1", killed=(14, 14))
    b = claim("a2", killed=(3, 3), kind=SHELL)
    unknown = claim("a3", killed=(3, 3), kind=None)
    events = reconcile([a, b, unknown])
    # the untyped claim could be either: it joins one of them, never glues both together
    assert len(events) == 2
    assert {e.sub_event_type for e in events} == {"Air/drone strike", "Shelling/artillery/missile attack"}


def test_district_and_containing_city_same_day_merge() -> None:
    district = claim("a1", killed=(14, 14), by="Syrian Civil Defence")
    city = claim("a2", killed=(12, 12), by="Syrian Observatory for Human Rights", where="Aleppo",
                 coords=ALEPPO, ctx=[])
    (e,) = reconcile([city, district])
    assert e.location == "al-Marjeh"  # the more specific place represents the event
    assert e.fatalities == 12 and e.disputed


def test_city_claim_with_two_district_incidents_stays_apart() -> None:
    d1 = claim("a1", killed=(14, 14))
    d2 = claim("a1", 2, killed=(5, 5), where="al-Sukkari", coords=SUKKARI)
    city = claim("a2", killed=(19, 19), where="Aleppo", coords=ALEPPO, ctx=[])
    events = reconcile([d1, d2, city])
    assert len(events) == 3  # ambiguous: which district would the city-level claim be about?


def test_different_days_stay_apart_but_imprecise_date_within_a_day_merges() -> None:
    a = claim("a1", killed=(14, 14))
    b = claim("a2", killed=(14, 14), day=D + timedelta(days=1))
    assert len(reconcile([a, b])) == 2
    c = claim("a3", killed=(14, 14), day=D + timedelta(days=1))
    c.time_precision = 2
    assert len(reconcile([a, c])) == 1


def test_undated_claim_uses_publication_day() -> None:
    a = claim("a1", killed=(14, 14))
    b = claim("a2", killed=(15, 15), day=None)
    assert len(reconcile([a, b], published={"a2": D + timedelta(days=1)})) == 1
    assert len(reconcile([a, b], published={"a2": D + timedelta(days=5)})) == 2


def test_province_only_claim_joins_the_single_incident_in_that_province() -> None:
    a = claim("a1", killed=(14, 14))
    vague = claim("a2", killed=(15, 15), where=None, coords=None)
    vague.geo_precision = 3
    (e,) = reconcile([a, vague])
    assert e.location == "al-Marjeh" and len(e.claim_ids) == 2


def test_same_name_in_other_province_stays_apart() -> None:
    a = claim("a1", killed=(14, 14))
    b = claim("a2", killed=(14, 14), coords=(33.5, 36.3))
    b.admin1 = "Damascus"
    assert len(reconcile([a, b])) == 2


def test_same_input_in_any_order_gives_same_events_and_ids() -> None:
    claims = [
        claim("a1", killed=(14, 14), by="Syrian Civil Defence"),
        claim("a2", killed=(12, 12), by="Syrian Observatory for Human Rights"),
        claim("a3", killed=(5, 5), where="al-Sukkari", coords=SUKKARI),
        claim("a4", killed=(2, 2), day=D + timedelta(days=3)),
    ]
    first = reconcile(claims)
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        again = reconcile(shuffled)
        assert [(e.event_id, e.claim_ids, e.fatalities) for e in again] == [
            (e.event_id, e.claim_ids, e.fatalities) for e in first
        ]
    ids = {e.event_id for e in first}
    assert len(ids) == 3
    merged = next(e for e in first if len(e.claim_ids) == 2)
    assert merged.event_id == new_event_id(min(merged.claim_ids))


def test_previous_ids_are_kept_and_merges_keep_the_smallest() -> None:
    a = claim("a1", killed=(14, 14))
    b = claim("a2", killed=(12, 12), where="Al Marja")
    previous = {a.claim_id: "evzzz", b.claim_id: "evaaa"}
    (e,) = reconcile([a, b], previous=previous)
    assert e.event_id == "evaaa"


def test_event_id_cnty_uses_iso3() -> None:
    assert event_id_cnty("ev1", "Syria") == "SYR-ev1"
    assert event_id_cnty("ev1", "Iraq") == "IRQ-ev1"
    assert event_id_cnty("ev1", None) == "XXX-ev1"
    assert event_id_cnty("ev1", "Atlantis") == "XXX-ev1"


def test_place_names_fold_transliteration_variants() -> None:
    assert norm_place("al-Marjeh") == norm_place("Al Marja") == norm_place("Marjeh district")
    assert norm_place("Raqqah") == norm_place("Raqqa")
    assert norm_place("al-Marjeh") != norm_place("al-Sukkari")


# --- with the database -----------------------------------------------------------------


def _put(store: Any, article_id: str, claims: list[Claim], published: date | None = None) -> None:
    store.add_article(Article(text=f"text of {article_id}", title=article_id, article_id=article_id,
                              published=published))
    store.replace_claims(article_id, claims)


def test_reconcile_store_writes_events_and_incremental_rerun_keeps_ids(db_path: str) -> None:
    store = open_store(db_path)
    _put(store, "a1", [claim("a1", killed=(14, 14), by="Syrian Civil Defence"),
                       claim("a1", 3, killed=(448, None), scope="aggregate")], D)
    _put(store, "a2", [claim("a2", 0, killed=(5, 5), where="al-Sukkari", coords=SUKKARI)], D)
    assert reconcile_store(store) == "2 events (0 disputed)"
    first = {e.location: e for e in load_events(store)}
    assert store.count("event_claims") == 2

    # a new article adds a second source for the Marjeh strike and a new incident
    _put(store, "a3", [claim("a3", 0, killed=(12, 12), by="Syrian Observatory for Human Rights"),
                       claim("a3", 2, killed=(1, 1), where="Bustan al-Qasr", coords=(36.19, 37.14))],
         D + timedelta(days=1))
    assert reconcile_store(store) == "3 events (1 disputed)"
    second = {e.location: e for e in load_events(store)}
    assert second["al-Marjeh"].event_id == first["al-Marjeh"].event_id
    assert second["al-Sukkari"].event_id == first["al-Sukkari"].event_id
    assert len(second["al-Marjeh"].claim_ids) == 2 and second["al-Marjeh"].disputed
    assert second["al-Marjeh"].article_ids == ["a1", "a3"]
    assert second["al-Marjeh"].sources == ["Syrian Civil Defence", "Syrian Observatory for Human Rights"]

    # re-running with nothing new changes nothing
    reconcile_store(store)
    third = {e.location: (e.event_id, e.claim_ids) for e in load_events(store)}
    assert third == {k: (e.event_id, e.claim_ids) for k, e in second.items()}


def test_reconcile_store_uses_publication_dates_for_rising_tolls(db_path: str) -> None:
    store = open_store(db_path)
    # article ids sort the "wrong" way round: only the publication date tells which is later
    _put(store, "z-early", [claim("z-early", killed=(14, 14), by="Syrian Observatory for Human Rights")], D)
    _put(store, "a-late", [claim("a-late", killed=(30, 30), by="Syrian Observatory for Human Rights")],
         D + timedelta(days=1))
    assert reconcile_store(store) == "1 event (0 disputed)"
    (e,) = load_events(store)
    assert e.fatalities == 30


def test_notes_do_not_repeat_a_city_that_names_its_province() -> None:
    (e,) = reconcile([claim("a1", killed=(7, 7), by="Syrian military source", where="Aleppo", coords=ALEPPO,
                            ctx=[])])
    assert e.notes == "Air/drone strike in Aleppo; Syrian military source: 7 killed"


def test_undated_event_without_publication_date_has_no_date() -> None:
    (e,) = reconcile([claim("a1", killed=(3, 3), day=None)])
    assert e.event_date is None and e.time_precision == 3
    (e,) = reconcile([claim("a1", killed=(3, 3), day=None)], published={"a1": D})
    assert e.event_date == D and e.time_precision == 2


def test_split_old_event_keeps_its_id_in_one_part_only() -> None:
    a = claim("a1", killed=(14, 14))
    b = claim("a2", killed=(5, 5), where="al-Sukkari", coords=SUKKARI)
    events = reconcile([a, b], previous={a.claim_id: "evold", b.claim_id: "evold"})
    ids = [e.event_id for e in events]
    assert ids.count("evold") == 1 and len(set(ids)) == 2


def test_two_reconciliations_at_once_restore_the_collectors_threshold() -> None:
    """The collection threshold is the process's: two reconciliations overlapping in two threads
    (the server's writer and a request) leave it as it was before either, not at the raised value
    one of them saw when it started."""
    import gc
    import threading

    from conflictwatch.reconcile.incremental import _fewer_collections

    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()

    def second() -> None:
        with _fewer_collections():
            inside.set()
            release.wait(5)

    with _fewer_collections():
        raised = gc.get_threshold()
        t = threading.Thread(target=second)
        t.start()
        inside.wait(5)
    release.set()  # the first leaves while the second is still in
    t.join(5)
    assert raised[0] >= 50_000
    assert gc.get_threshold() == before
