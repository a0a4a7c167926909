"""Who did it and who says so, on real-news wording (sentences written for the test)."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import incidents_of

incidents = partial(incidents_of, published=date(2022, 5, 12))


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("A police spokesman said gunmen shot dead three traders in Jos on Tuesday.",
     "Unidentified Armed Group (Nigeria)", "Civilians"),
    ("The military said insurgents killed four soldiers in an ambush near Damboa on Saturday.",
     "Unidentified Armed Group (Nigeria)", "Military Forces of Nigeria"),
])
def test_generic_actors_take_the_country_of_the_place(geo: Geocoder, sentence: str, actor1: str,
                                                      actor2: str) -> None:
    """No country in the words, but Jos and Damboa are Nigerian: "gunmen" and "soldiers" there are
    Nigeria's, as they would have been had the article said "Nigeria"."""
    found = incidents(geo, sentence)
    assert [(c.actor1, c.actor2) for c in found] == [(actor1, actor2)]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The army said gunmen killed five villagers near Damboa on Monday.", "Nigerian Army"),
    ("The military said insurgents killed four soldiers in an ambush near Damboa on Saturday.", "Nigerian Army"),
    # a place the gazetteer does not know: the army as written, not nobody
    ("The army said gunmen killed five villagers near Qarabash on Monday.", "Army"),
])
def test_the_army_that_speaks_is_the_places(geo: Geocoder, sentence: str, source: str) -> None:
    found = incidents(geo, sentence)
    assert [c.claimed_by for c in found] == [source]


def test_a_bare_name_stays_bare_where_the_words_lean_to_another_country(geo: Geocoder) -> None:
    """Words about Russia and Ukraine, leaning to Russia, and an incident placed in Kharkiv: the bare
    "troops" were left so on purpose (whose troops, the words do not say); Kharkiv does not decide."""
    text = ("Russia's foreign ministry said in Moscow on Friday that talks with Ukraine would resume, and "
            "Russian officials said the Kremlin wanted a deal.\n"
            "Troops killed four civilians in Kharkiv on Thursday, officials said.")
    found = incidents(geo, text)
    assert [(c.country, c.actor1) for c in found] == [("Ukraine", "Military Forces")]


@pytest.mark.parametrize("sentence", [
    "Police said the attackers had killed 12 people in Kaduna on Sunday night.",
    "Police said raiders killed 12 people in Kaduna on Sunday night.",
])
def test_attackers_are_an_armed_group_not_the_teller(geo: Geocoder, sentence: str) -> None:
    """'attackers', 'raiders', 'a gunman' are unidentified armed men; the police who tell of them
    are the source, not the ones who killed."""
    found = incidents(geo, sentence)
    assert [(c.actor1, c.claimed_by) for c in found] == [("Unidentified Armed Group (Nigeria)", "Police")]
