"""Kinds of errors seen on real news, fourth round: found on articles that helper sessions wrote in
the styles of Ukrainian, Myanmar and Philippine outlets, of long single-incident narratives and of
monitors' reports retold as news. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import incidents_of

PUBLISHED = date(2023, 5, 10)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


@pytest.mark.parametrize(("sentence", "source"), [
    ("An air strike on a house in Rafah killed seven people on Tuesday, said Ashraf Saleh, spokesman of "
     "the Gaza health ministry.", "Health ministry"),
    ("Two gunmen were killed in a clash with soldiers in Jenin late on Monday, said Samir Odeh, director "
     "general of Jenin government hospital.", "Medical sources"),
])
def test_a_named_speaker_with_a_bare_role_speaks_for_the_body(geo: Geocoder, sentence: str,
                                                            source: str) -> None:
    """'said NAME, spokesman of the ministry': a role with no article before it still ties the body
    to the speech verb (the claim had no source)."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


def test_a_country_cue_inside_a_longer_place_name_is_not_that_country(geo: Geocoder) -> None:
    """'Tal Afar' holds the name of Ethiopia's Afar region: read as a cue, it made an Iraqi officer an
    'Ethiopian military source' and the dead soldiers Ethiopia's."""
    found = incidents(geo, "Four soldiers died when their vehicle hit a mine near Tal Afar on Sunday, according "
                           "to Colonel Ahmed Jasim, a spokesman for the Joint Operations Command.")
    assert [(c.country, c.claimed_by) for c in found] == [("Iraq", "Iraqi military")]
    assert all("Ethiopia" not in (c.actor2 or "") for c in found)
