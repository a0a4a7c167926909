"""Acronyms an article spells out name one source in full (extract/acronyms.py)."""

from __future__ import annotations

from datetime import date

from conflictwatch.extract.acronyms import spelled_out
from conflictwatch.geo import Geocoder
from realnews import incidents_of


def test_the_letters_must_agree() -> None:
    found = spelled_out("The Defence Headquarters (DHQ) said so. Mozambique's Defence Armed Forces (FADM) did, "
                        "as did the State Security Secretariat (SSP) and the National League for Democracy's (NLD).")
    assert found == {"DHQ": "Defence Headquarters", "NLD": "National League for Democracy"}


def test_a_source_named_by_its_acronym_is_named_in_full(geo: Geocoder) -> None:
    """'The Defence Headquarters (DHQ) ...' then 'DHQ said troops killed 12': the source is the
    Defence Headquarters, as in the first sentence (it was "DHQ")."""
    text = ("The Defence Headquarters (DHQ) says troops have intensified operations in the north-east.\n"
            "DHQ said troops killed 12 terrorists in Bama on Monday.")
    found = incidents_of(geo, text, published=date(2024, 6, 20))
    assert [c.claimed_by for c in found] == ["Defence Headquarters"]
