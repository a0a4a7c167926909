"""Reconcile: claims without a place, and claims of near-duplicate articles (pure, hand-made claims)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from conflictwatch.models import Claim, Range
from conflictwatch.reconcile import reconcile
from conflictwatch.reconcile.copies import fold_copies, roots

SUN = date(2016, 10, 16)
ATTACK = ("Violence against civilians", "Attack")
STRIKE = ("Explosions/Remote violence", "Air/drone strike")


def claim(article_id: str, killed: int | None = 22, *, country: str | None = "Nigeria",
          where: str | None = None, coords: tuple[float, float] | None = None, day: date = SUN,
          kind: tuple[str, str] = ATTACK, actor1: str | None = "Boko Haram", by: str | None = "Police",
          **kw: Any) -> Claim:
    return Claim(
        article_id=article_id, quote=f"{article_id}: {killed} killed", event_type=kind[0],
        sub_event_type=kind[1], date_start=day, date_end=day, time_precision=1, location=where,
        country=country, admin1="Borno" if where else None,
        latitude=coords[0] if coords else None, longitude=coords[1] if coords else None,
        geo_precision=1 if coords else None, actor1=actor1,
        killed=Range(killed, killed) if killed is not None else None, claimed_by=by, **kw,
    )


def test_placeless_claims_of_one_day_type_and_country_with_the_same_toll_are_one_event() -> None:
    events = reconcile([claim(f"a{k}") for k in range(5)])
    assert len(events) == 1 and len(events[0].article_ids) == 5 and events[0].fatalities == 22


def test_placeless_claims_stay_apart_when_figures_actors_country_type_or_day_differ() -> None:
    base = claim("a0")
    for other in (
        claim("a1", killed=30),
        claim("a1", actor1="ISWAP"),
        claim("a1", country="Niger"),
        claim("a1", kind=STRIKE),
        claim("a1", day=SUN + timedelta(days=2)),
    ):
        assert len(reconcile([base, other])) == 2, other
    # no figure at all: nothing but the day ties two claims together
    assert len(reconcile([claim("a0", killed=None), claim("a1", killed=None)])) == 2
    # no country either: never compared
    assert len(reconcile([claim("a0", country=None), claim("a1", country=None)])) == 2


def test_small_tolls_need_both_types_and_an_unknown_country_means_the_same_article() -> None:
    soldier = claim("a0", killed=1, kind=("Explosions/Remote violence", "Shelling/artillery/missile attack"))
    woman = claim("a0", killed=1, by="Observatory")
    woman.event_type = woman.sub_event_type = None
    assert len(reconcile([soldier, woman])) == 2  # "1 killed" alone ties nothing
    assert len(reconcile([claim("a0", killed=1), claim("a1", killed=1)])) == 1  # both typed, same type
    # an article that never names its country: its own claims are still compared with each other
    lead, detail = claim("a0", killed=7, country=None), claim("a0", killed=7, country=None, by=None)
    assert len(reconcile([lead, detail])) == 1
    assert len(reconcile([lead, claim("a1", killed=7, country=None)])) == 2


def test_a_placeless_claim_joins_the_one_located_incident_it_agrees_with() -> None:
    village = claim("a0", where="Dalori", coords=(11.80, 13.23))
    events = reconcile([village, claim("a1"), claim("a2", killed=9)])
    assert len(events) == 2
    [joined] = [e for e in events if village.claim_id in e.claim_ids]
    assert joined.article_ids == ["a0", "a1"] and joined.location == "Dalori"


def test_a_placeless_claim_matching_two_located_incidents_joins_neither() -> None:
    one = claim("a0", where="Dalori", coords=(11.80, 13.23))
    two = claim("a1", where="Bama", coords=(11.52, 13.69))
    loose = claim("a2")
    events = reconcile([one, two, loose])
    assert len(events) == 3
    assert [loose.claim_id] in [e.claim_ids for e in events]


def test_a_reposts_repeated_claim_counts_once_even_when_it_names_another_day() -> None:
    # The copy was published a day later and read "yesterday" as another day: without the
    # duplicate link these are two exact days, so two events.
    original = claim("orig", where="Dalori", coords=(11.80, 13.23), reported_by="Reuters", by=None)
    copy = claim("copy", where="Dalori", coords=(11.80, 13.23), day=SUN + timedelta(days=1),
                 reported_by="Aggregator", by=None)
    assert len(reconcile([original, copy])) == 2
    [event] = reconcile([original, copy], duplicate_of={"copy": "orig"})
    assert sorted(event.claim_ids) == sorted([original.claim_id, copy.claim_id])
    assert event.article_ids == ["copy", "orig"]
    assert event.sources == ["Reuters"]  # the aggregator is an outlet, not another source
    assert event.event_date == SUN and event.fatalities == 22 and not event.disputed


def test_a_duplicates_new_figure_is_reconciled_like_any_claim() -> None:
    original = claim("orig", where="Dalori", coords=(11.80, 13.23))
    update = claim("copy", killed=30, where="Dalori", coords=(11.80, 13.23))
    assert fold_copies([original, update], {"copy": "orig"}) == {}
    [event] = reconcile([original, update], published={"orig": SUN, "copy": SUN + timedelta(days=1)},
                        duplicate_of={"copy": "orig"})
    assert event.fatalities == 30 and not event.disputed  # the same source's later toll


def test_copies_of_copies_lead_to_the_first_copy() -> None:
    assert roots({"c": "b", "b": "a", "x": "x2"}) == {"c": "a", "b": "a", "x": "x2"}
    assert roots({"a": "b", "b": "a"}) in ({"a": "a", "b": "b"}, {"a": "b", "b": "a"})  # no endless loop
    first, second, third = claim("a"), claim("b"), claim("c")
    folded = fold_copies([first, second, third], {"c": "b", "b": "a"})
    assert folded == {second.claim_id: first.claim_id, third.claim_id: first.claim_id}


IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
AZAZ, SAJO = (36.5866, 37.0463), (36.5866, 37.0463)  # Sajo geocoded approximately: to Azaz


def _bomb(article_id: str, where: str, day: date, killed: int = 29, exact: bool = True, **kw: Any) -> Claim:
    c = claim(article_id, killed, country="Syria", where=where, coords=AZAZ if exact else SAJO, day=day,
              kind=IED, actor1=None, **kw)
    c.geo_precision = 1 if exact else 2
    c.admin1 = "Aleppo"
    return c


def test_one_article_giving_the_same_toll_for_two_days_tells_one_incident() -> None:
    thu, sat = date(2016, 10, 13), date(2016, 10, 15)
    lede = _bomb("j1", "Azaz", sat, by=None)  # dated by the day the group claimed the bombing
    body = _bomb("j1", "Sajo", thu, exact=False, by="Syrian Observatory for Human Rights")
    [event] = reconcile([lede, body])
    assert event.event_date == thu and len(event.claim_ids) == 2
    # only within one article, only for the same toll, only for days close together
    assert len(reconcile([_bomb("j1", "Azaz", sat), _bomb("j2", "Sajo", thu, exact=False)])) == 2
    assert len(reconcile([_bomb("j1", "Azaz", sat, killed=30), body])) == 2
    assert len(reconcile([_bomb("j1", "Azaz", thu + timedelta(days=5)), body])) == 2
    # two approximate geocodes at one point (both fell back to a wide area) are no evidence
    assert len(reconcile([_bomb("j1", "Kyaukgyi", sat, exact=False), _bomb("j1", "Shwegu", thu, exact=False)])) == 2
