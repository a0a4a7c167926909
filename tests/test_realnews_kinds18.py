"""Kinds of errors seen on real news, eighteenth round: found on articles that helper sessions wrote in
the styles of Afghan and Pakistani agency wires and military press releases, Nigerian dailies, Myanmar
exile media, Sudanese and South Sudanese radio, Haitian and Congolese outlets, and Middle East wires
(2024-2025). Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import incidents_of
from realnews import tolls as _tolls

PUBLISHED = date(2025, 3, 12)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


# -- figures that are no more dead -------------------------------------------------------------------

def test_a_witness_who_lives_nearby_is_no_victim(geo: Geocoder) -> None:
    """'a teacher who lives nearby': the verb "lives", not "claimed the lives"."""
    found = incidents(geo, 'An air strike on a house in Deir al-Balah killed four people on Tuesday, medics '
                           'said. "The walls shook," said Samira, a nurse who lives nearby.')
    assert _tolls(found) == [4]


@pytest.mark.parametrize(("text", "toll"), [
    # the cause, told again in the news of the answer to it
    ("The army said it killed a senior commander in a strike on Haret Hreik on Tuesday, in response to "
     "the rocket attack on Majdal Shams that killed 12 children on Saturday.", [1]),
    ("Gunmen killed 27 villagers in Tsafe on Tuesday in reprisal for the killing of some bandits by "
     "vigilantes, police said.", [27]),
])
def test_the_cause_of_an_attack_is_no_part_of_it(geo: Geocoder, text: str, toll: list[int]) -> None:
    """'in response to the attack that killed 12': that attack's dead are not this one's."""
    assert _tolls(incidents(geo, text)) == toll


def test_a_place_of_the_cause_is_no_context(geo: Geocoder) -> None:
    """The country of the earlier attack ("in Jordan") does not place the news's town."""
    found = incidents(geo, "US aircraft struck militia depots near al-Qaim on Tuesday in retaliation for "
                           "the drone attack that killed three soldiers at a base in Jordan in January, "
                           "killing 16 people, Iraqi officials said.")
    assert (found[0].location, found[0].country, found[0].killed.low) == ("al-Qaim", "Iraq", 16)


def test_a_rejected_claim_adds_no_dead(geo: Geocoder) -> None:
    """'He denied the group's claim that two were also killed': no more dead."""
    found = incidents(geo, "Taliban forces killed 11 NRF fighters in Panjshir on Tuesday, a spokesman said. "
                           "He denied the group's claim that two Taliban fighters were also killed.")
    assert _tolls(found) == [11]


def test_a_vague_number_of_more_dead_adds_no_number(geo: Geocoder) -> None:
    """'Scores of the bandits were also killed' after seven soldiers: at least seven, not 47."""
    found = incidents(geo, "Seven soldiers were killed when bandits attacked a base in Bakura on Monday, "
                           "residents said. Scores of the bandits were also killed in the gun duel, they said.")
    assert (found[0].killed.low, found[0].killed.high) == (7, None)


# -- tolls not read ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "toll"), [
    ("Three members of the vigilante group were on Monday shot dead at Uli, police said.", 3),
    ("Bandits have sent nine persons to their early graves in Maidabino on Monday.", 9),
    ("Gunmen killed a woman, her four-year-old daughter and two other residents in Kwall on Monday.", 4),
    ("Herders killed a farmer, his 10-year-old son and two others in Riyom on Monday.", 4),
])
def test_tolls_in_local_wording(geo: Geocoder, text: str, toll: int) -> None:
    """A day between the victims and the verb, an idiom of the Nigerian press, a list of kin."""
    assert _tolls(incidents(geo, text))[:1] == [toll]


@pytest.mark.parametrize(("text", "toll"), [
    ("Two militants were killed in a clash with security forces in Saravan on Monday, officials said. "
     "One Basij member was also martyred.", 3),
    ("Twelve soldiers were martyred when terrorists ambushed a convoy in South Waziristan on Monday, the "
     "military said. Thirteen khwarij were killed in the response.", 25),
])
def test_the_other_sides_dead_of_the_same_fight(geo: Geocoder, text: str, toll: int) -> None:
    """'was also martyred', 'khwarij killed in the response': the same fight's dead, added."""
    assert _tolls(incidents(geo, text)) == [toll]


# -- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("Gunmen killed six farmers in Bokkos on penultimate Sunday, residents said.", date(2025, 3, 2)),
    ("The army said on Tuesday it had killed three fighters in a strike on Khiam the previous night.",
     date(2025, 3, 10)),
])
def test_days_counted_back(geo: Geocoder, text: str, day: date) -> None:
    """'penultimate Sunday' is the Sunday before last; 'the previous night' is the night before the statement."""
    assert incidents(geo, text)[0].date_start == day


# -- places --------------------------------------------------------------------------------------------

def test_a_towns_commissariat_is_in_the_town(geo: Geocoder) -> None:
    """'the police commissariat of Mirebalais': the town's own building, in it."""
    found = incidents(geo, "Gang members attacked the police commissariat of Mirebalais on Tuesday; one officer "
                           "and four assailants were killed, police said.")
    assert found[0].location == "Mirebalais"


@pytest.mark.parametrize(("text", "not_there"), [
    # a building's name is no town ("the Bahman hospital")
    ("Five people were killed on Tuesday in a strike that destroyed a building near the Bahman hospital, the "
     "ministry said.", "Bahman"),
    # where the attackers came from is not where they struck
    ("The village was attacked on Monday by gunmen who residents said were herders from Kogi State. Nine "
     "people were killed that day, a community leader said.", "Kogi State"),
])
def test_not_the_place_of_the_incident(geo: Geocoder, text: str, not_there: str) -> None:
    """Neither a building's name nor the attackers' home is where it happened."""
    found = incidents(geo, text)
    assert found and all(not_there.split()[0] not in (c.location or "") for c in found)


@pytest.mark.parametrize(("text", "where"), [
    ("Four civilians were shot dead in Waingmaw Township, Kachin State on Monday, residents said. Soldiers "
     "raided Mai Sak Pa village in the morning and opened fire on farmers.", "Mai Sak Pa"),
    ("Eleven soldiers were killed in an operation in Orakzai district on Monday, the military said. The "
     "operation was carried out on the reported presence of militants in the general area of Ghiljo.",
     "Ghiljo"),
])
def test_the_village_told_next(geo: Geocoder, text: str, where: str) -> None:
    """The village struck, told in the next sentence, is the place of the township's toll."""
    found = incidents(geo, text)
    assert [c.location for c in found] == [where]


def test_a_city_named_exactly_over_a_hamlet_spelt_alike(geo: Geocoder) -> None:
    """'Hodeidah' in a story full of Israel is the Yemeni port, not a hamlet near Lod."""
    found = incidents(geo, "Six people were killed in Israeli air strikes that set fuel tanks ablaze at the port "
                           "of Hodeidah on Saturday, the Houthi health ministry said. Israel said the strikes "
                           "answered a drone attack on Tel Aviv on Friday. The Houthis have fired more than 200 "
                           "missiles at Israel since the start of the war. It was the first time Israel had "
                           "struck Yemen.")
    assert (found[0].location, found[0].country) == ("Hodeidah", "Yemen")


# -- the news of a lead that tells the aftermath -----------------------------------------------------------

def test_a_lead_that_tells_the_aftermath(geo: Geocoder) -> None:
    """'Residents are still counting their losses days after bandits killed 38': that killing is the news."""
    found = incidents(geo, "Residents of Adabka village in Zamfara State are still counting their losses days "
                           "after bandits attacked the community and killed 38 persons. The attack took place "
                           "on Thursday, residents said.")
    assert (found[0].killed.low, found[0].location, found[0].date_start) == (38, "Adabka", date(2025, 3, 6))


def test_an_attack_a_week_after_another_is_its_own_news(geo: Geocoder) -> None:
    """'The attack came days after 48 villagers were killed': the earlier toll is still no claim."""
    found = incidents(geo, "The attack came days after 48 villagers were killed in Kajuru, residents said.")
    assert 48 not in _tolls(found)


# -- second round of the session: numbers that are parts, names, weapons; peoples; seats -------------

@pytest.mark.parametrize(("text", "toll"), [
    # the part of a count is no more dead
    ("Of the 38 bodies, 24 have been identified, officials said on Monday.", 38),
    ("The strikes killed 81 people in Kharkiv on Monday, of which 65 were civilians.", 81),
    # a person named between two descriptions is one person
    ("A villager, Kalmu Hidma, a farmer, was hacked to death by Maoists in Bijapur on Monday.", 1),
    # weapons recovered are no one
    ("Troops recovered the bodies of two rebels and two M16 rifles in Bukidnon on Monday.", 2),
    # a unit's type word after the victims is no second subject
    ("Two villagers from Ponnagyun Township, Rakhine State were killed in an airstrike on Monday.", 2),
    # a fate word used as the victims' adjective
    ("Eleven internally displaced people were killed in Thantlang Township on Monday.", 11),
    # a local word glossed in brackets
    ("Three motorcycle taxi (ojek) drivers were found dead in Intan Jaya on Monday.", 3),
])
def test_one_count_of_the_dead(geo: Geocoder, text: str, toll: int) -> None:
    """Parts, names, weapons and type words are not added to the dead; glosses do not hide them."""
    assert _tolls(incidents(geo, text))[:1] == [toll]


@pytest.mark.parametrize(("text", "toll"), [
    ("The toll from Monday's strike on Nabatieh rose to seven on Tuesday, the ministry said. Five people had "
     "initially been reported killed.", [7]),
    ("Clashes erupted in Sweida on Monday after the killing of a local official, leaving one fighter dead.", [1]),
])
def test_a_first_toll_or_a_cause_is_no_incident(geo: Geocoder, text: str, toll: list[int]) -> None:
    """'had initially been reported killed', 'after the killing of X': no toll of its own."""
    assert _tolls(incidents(geo, text)) == toll


def test_contrary_to_reports_is_no_toll(geo: Geocoder) -> None:
    """'no attack took place, contrary to reports which said three were killed': no incident."""
    assert incidents(geo, "The army said no attack took place over the weekend at Largu, contrary to reports "
                          "which said three people were killed.") == []


def test_the_same_toll_retold_with_its_village_keeps_the_day(geo: Geocoder) -> None:
    """The next sentence tells the same six with their village: the lead's day, not the publication's."""
    found = incidents(geo, "Junta airstrikes killed six civilians in Chaung-U Township, Sagaing Region on "
                           "Sunday. A jet bombed Nyaung Kone village, killing six people, residents said.")
    assert {c.date_start for c in found} == {date(2025, 3, 9)}


@pytest.mark.parametrize(("text", "where"), [
    # a people's name, then the unit's type
    ("Gunmen killed six people in Twic County on Sunday, the county commissioner said.", "Twic county"),
    # an airport's kind word
    ("A drone struck Kassala International Airport on Tuesday, killing two people, officials said.", "Kassala"),
    # the barangay, not the sitio no gazetteer holds
    ("Two NPA rebels were killed in a clash with soldiers in Sitio Kangkiling, Barangay Carabalan, Himamaylan "
     "City, Negros Occidental on Sunday, the army said.", "Barangay Carabalan"),
    # a mayor's town, the only place named
    ("Boko Haram fighters killed two women on Sunday, the mayor of Mokolo said.", "Mokolo"),
])
def test_the_place_written_with_its_unit(geo: Geocoder, text: str, where: str) -> None:
    """Unit words, airports' kinds, sitios and mayors' seats."""
    assert incidents(geo, text)[0].location == where


def test_a_mayors_town_beside_the_place_is_context(geo: Geocoder) -> None:
    """'killed in Mozogo, the mayor of Mokolo said': Mozogo."""
    found = incidents(geo, "Two women were killed in Mozogo on Sunday, the mayor of Mokolo said.")
    assert found[0].location == "Mozogo"


def test_a_clan_is_no_place(geo: Geocoder) -> None:
    """'militias of the Marehan and Habar Gidir clans near Herale': the clans are people."""
    found = incidents(geo, "Eight people were killed on Monday in fighting between militias of the Marehan and "
                           "Habar Gidir clans near Herale, elders said.")
    assert found[0].location == "Herale"


# -- third round: background days --------------------------------------------

@pytest.mark.parametrize("text", [
    "A woman was killed in shelling of Tetkino in the Kursk region, the governor said. Ukrainian forces, which "
    "entered the region on February 6, have advanced further, he said.",
    "A man was killed in shelling of Nikopol, the governor said. Residents have been leaving since the dam was "
    "destroyed on June 6, 2023.",
])
def test_a_day_of_something_else_is_no_day_of_the_incident(geo: Geocoder, text: str) -> None:
    """A day in a relative clause or after 'since' is not lent to the undated lead (nor makes it old)."""
    found = incidents(geo, text)
    assert [c.date_start for c in found] == [PUBLISHED]
