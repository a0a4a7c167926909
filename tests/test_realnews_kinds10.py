"""Kinds of errors seen on real news, tenth round: found on articles that helper sessions wrote in
the styles of Sahel copy translated from French, the Pakistani, Indian and Philippine press, Myanmar
exile media, Andean regional dailies and Nigerian dailies. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import claims_of, incidents_of

PUBLISHED = date(2024, 5, 18)  # a Saturday
incidents = partial(incidents_of, published=PUBLISHED)
claims = partial(claims_of, published=PUBLISHED)


@pytest.mark.parametrize(("text", "killed"), [
    ("Two herders were shot dead and one of the kidnappers was killed when vigilantes caught up with the "
     "gang near Tsafe on Friday.", 3),
    ("Three soldiers were killed and one of the bombers was killed when the car bomb went off early at a "
     "checkpoint in Mogadishu on Friday.", 4),
])
def test_one_of_any_perpetrators_killed_is_counted(geo: Geocoder, text: str, killed: int) -> None:
    """"one of the attackers was killed" counted the one; "one of the kidnappers", "one of the bombers"
    did not: the perpetrator nouns are one list now (lexicon.yaml `perpetrators`)."""
    found = incidents(geo, text)
    assert len(found) == 1
    assert found[0].killed is not None and found[0].killed.low == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("Turkish troops killed 12 members of the YPG and the PKK in northern Syria on Friday, the defence "
     "ministry said.", 12),
    ("Nine members of the SDF and the PKK were killed when a helicopter crashed near Chamanke on Friday.", 9),
])
def test_an_organisation_after_a_toll_is_not_one_more_dead(geo: Geocoder, text: str, killed: int) -> None:
    """The small model tags "the PKK" an organisation of one word, which passed for a surname ("Vazquez
    was killed") joined to the toll: one dead too many. An acronym, or a name after "the", is no surname."""
    found = incidents(geo, text)
    assert len(found) == 1
    assert found[0].killed is not None and found[0].killed.low == killed
