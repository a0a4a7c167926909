"""Kinds of errors seen on real news, third round: found on articles that helper sessions wrote in
the styles of Sudanese, Haitian, Cameroonian, Indian and Middle Eastern outlets and of security
round-ups. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

from conflictwatch.geo import Geocoder
from realnews import incidents_of

PUBLISHED = date(2023, 5, 10)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


def test_a_toll_retold_by_another_voice_keeps_the_incidents_day(geo: Geocoder) -> None:
    """A resident quoted the next day with the same toll tells the same attack: its day is the
    attack's (it had the day the resident spoke, so the two claims looked like two incidents)."""
    found = incidents(geo, "Gunmen killed 12 villagers in Kadisau, Katsina State, on Tuesday night, police said.\n"
                           "The attackers came on motorcycles, a police spokesman said.\n"
                           "\"They killed 12 of our people,\" a resident told reporters by phone on Wednesday.")
    assert [(c.killed.low, str(c.date_start)) for c in found] == [(12, "2023-05-09"), (12, "2023-05-09")]
