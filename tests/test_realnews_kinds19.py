"""Kinds of errors seen on real news, nineteenth round: found on the UCDP-coded dev set's kinds and on
articles that helper sessions wrote in the styles of African agency wires, Ukrainian frontline reports,
Cameroonian and Central African outlets, South Asian local papers, Myanmar and Deep South media, and
the Ethiopian and Somali press (2021-2023). Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import incidents_of

PUBLISHED = date(2022, 10, 5)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


# -- a part of a town the gazetteer lacks ----------------------------------------------------------

@pytest.mark.parametrize(("text", "town"), [
    ("Armed men killed a motorbike rider in Ntamulung, Bamenda, on Tuesday, residents said.", "Bamenda"),
    ("A protester died on Friday after security forces shot him near Qazvin's Mellat Park, rights groups "
     "said.", "Qazvin"),
    ("Gunmen killed three men at a wake in the Felipe Ángeles neighborhood of Ciudad Juárez on Sunday "
     "night, prosecutors said.", "Ciudad Juárez"),
])
def test_a_part_of_a_town_names_the_town(geo: Geocoder, text: str, town: str) -> None:
    """A quarter, park or colonia the gazetteer lacks is placed at its town, and the claim says which
    town (admin2), so that a table of events by district finds it."""
    found = incidents(geo, text)
    assert found[0].admin2 == town and found[0].geo_precision == 2


def test_a_towns_park_is_not_a_namesake_elsewhere(geo: Geocoder) -> None:
    """'Tabriz's Golestan Park' is in Tabriz, not at a park of that name in another province."""
    found = incidents(geo, "A protester died on Friday after security forces shot him near Tabriz's "
                           "Golestan Park, rights groups said.")
    assert (found[0].admin1, found[0].admin2) == ("East Azerbaijan", "Tabriz")

