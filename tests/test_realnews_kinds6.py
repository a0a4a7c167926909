"""Kinds of errors seen on real news, sixth round: found on articles that helper sessions wrote in
the styles of Myanmar exile media, Mindanao and Thai copy, Iraqi and Iranian borderland reports,
live blogs and round-ups, and South Asian police copy. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import incidents_of

PUBLISHED = date(2023, 9, 13)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


@pytest.mark.parametrize(("sentence", "source"), [
    ("Five soldiers were killed on Monday in a bomb attack on a patrol in Tame, Colombia, said the "
     "Ministry of Defence.", "Colombian Defence Ministry"),
    ("Five soldiers died on Monday when a bomb hit their patrol in Tame, Colombia, informed the Ministry "
     "of National Defence (MDN) in a statement.", "Colombian Defence Ministry"),
    ("Four soldiers were killed in an ambush near Kirkuk, Iraq, on Monday, according to the army.",
     "Iraqi military"),
    ("Gunmen killed four policemen at a checkpoint in Kirkuk, Iraq, on Monday, reported the army on "
     "Tuesday.", "Iraqi military"),
])
def test_a_generic_body_named_after_its_verb_is_the_source(geo: Geocoder, sentence: str, source: str) -> None:
    """'..., said the Ministry of Defence', ', informed the Ministry of National Defence': the rules for
    generic bodies were written for 'the ministry said' and gave no source at all."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


def test_a_body_that_heard_or_fought_is_no_source(geo: Geocoder) -> None:
    """'Police said the army killed five': the army after 'said' is the subject of what was said."""
    found = incidents(geo, "Police said the army killed five rebels in Tame, Colombia, on Monday.")
    assert [c.claimed_by for c in found] == ["Police"]
