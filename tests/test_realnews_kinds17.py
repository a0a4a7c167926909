"""Kinds of errors seen on real news, seventeenth round: left open by the last round (a toll of an attack
without the word "death", the dead told by their burial) and found on articles that helper sessions
wrote in the styles of outlets covering Ukraine and Russia, Gaza and the West Bank, Mexico, Colombia
and Ecuador, the Sahel in translation, South Asia and East Africa (2024-2025). Sentences written for the
tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import incidents_of
from realnews import tolls as _tolls

PUBLISHED = date(2025, 3, 12)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


# -- the toll of an attack, without "death" ----------------------------------------------------------

@pytest.mark.parametrize(("text", "toll"), [
    ("Rescuers put the toll of Tuesday's air raids on Maarat Misrin at 23.", 23),
    ("Doctors in Kajuru put the toll from the attack on Tuesday at more than 30.", 31),
    ("Medics gave the tally of Monday's shelling of Kupiansk as seven.", None),
])
def test_the_toll_of_an_attack(geo: Geocoder, text: str, toll: int | None) -> None:
    """'put the toll of the raids at 23' counts the raids' dead; a toll with no attack named stays as it was."""
    found = incidents(geo, text)
    assert _tolls(found)[:1] == [toll]


def test_a_road_toll_is_no_toll(geo: Geocoder) -> None:
    """A toll that is not of an attack is no death toll."""
    found = incidents(geo, "Drivers on the Kajuru road paid a toll of 50 naira on Tuesday after gunmen attacked "
                           "a convoy.")
    assert all(c.killed is None or c.killed.low != 50 for c in found)


# -- the dead told by their burial -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "toll"), [
    ("Villagers buried 14 people on Tuesday after gunmen attacked Kajuru, residents said.", 14),
    ("Mourners in Bokkos laid to rest nine villagers on Tuesday, a day after herders attacked the town.", 9),
])
def test_the_dead_told_by_their_burial(geo: Geocoder, text: str, toll: int) -> None:
    """'buried 14 people' after an attack: the burial counts the dead."""
    assert _tolls(incidents(geo, text))[:1] == [toll]


@pytest.mark.parametrize("text", [
    "The collapsed building buried 14 people alive on Tuesday after the strike on Kajuru, rescuers said.",
    "The rubble buried 14 people on Tuesday after the strike on Kajuru, rescuers said.",
])
def test_buried_alive_is_no_toll(geo: Geocoder, text: str) -> None:
    """People buried alive, or under rubble, are not yet dead."""
    assert 14 not in _tolls(incidents(geo, text))


# -- "a third soldier died": the toll now, not more dead ----------------------------------------------

@pytest.mark.parametrize(("text", "toll"), [
    ("Two soldiers were killed on Monday in an ambush near Dhobley. A third soldier died of his wounds on "
     "Tuesday, the army said.", 3),
    ("A policeman was shot dead in Kajuru on Monday. A second officer has died in hospital, police said on "
     "Tuesday.", 2),
])
def test_a_third_dead_raises_the_toll(geo: Geocoder, text: str, toll: int) -> None:
    """'A third soldier died' after two were killed is a toll of three, not three more dead."""
    assert _tolls(incidents(geo, text)) == [toll]
