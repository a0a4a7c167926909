"""Kinds of errors seen on real news, twelfth round: found on articles that helper sessions wrote in
the styles of the Sudanese and South Sudanese press, Ugandan and Kenyan dailies, Kurdish and Iranian
monitors, Burkinabe and Beninese papers in translation, Syrian monitors of 2023-25, and the press of
Indonesian Papua and Papua New Guinea. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import claims_of, incidents_of

PUBLISHED = date(2024, 5, 18)  # a Saturday
incidents = partial(incidents_of, published=PUBLISHED)
claims = partial(claims_of, published=PUBLISHED)


def _figures(found: list) -> list[tuple[int | None, int | None]]:
    return [(c.killed.low if c.killed else None, c.injured.low if c.injured else None) for c in found]


@pytest.mark.parametrize(("text", "expected"), [
    # a school year is no count of pupils
    ("A Class Seven pupil was shot dead on Friday by bandits at Kapkerow in Tot.", [(1, None)]),
    ("A Form Four student was shot dead on Friday by bandits near Kapedo.", [(1, None)]),
    # the wounded in critical condition are alive
    ("Fourteen people were wounded on Friday when shells landed on houses in Kalakla, south of Khartoum, "
     "volunteers said. No one died, but three of the injured were in critical condition.", [(None, 14)]),
    # "one seriously": one of the wounded just counted
    ("Three Thai soldiers were injured, one seriously, when a landmine exploded near the border in Nam Yuen "
     "district on Friday.", [(None, 3)]),
    # the toll first reported is the same dead
    ("The death toll from Friday's riot in Wamena has risen to 12, police said. Ten people were initially "
     "reported killed.", [(12, None)]),
    # the event a record is measured against, told after "since ..., which"
    ("Rebels attacked a school in Mpondwe on Friday night, killing 41 people, police said. The attack is the "
     "deadliest in Uganda since the 2010 Kampala bombings, which killed 76 people during the World Cup final.",
     [(41, None)]),
    # a death remembered is not one of the day's
    ("More than 20 people were wounded on Friday when security forces fired at crowds marking the 40th day since "
     "the death of Mahsa (Jina) Amini in her hometown of Saqqez, according to Hengaw.", [(None, 21)]),
])
def test_numbers_that_are_no_new_dead(geo: Geocoder, text: str, expected: list) -> None:
    """Each gave dead the text does not support: 7 and 4 pupils, 3 dead "in critical condition", a fourth
    wounded, a second incident of the first toll, 76 of 2010, Mahsa Amini's death."""
    assert _figures(incidents(geo, text)) == expected


@pytest.mark.parametrize(("text", "killed"), [
    ("Tougan (AIB) - Four soldiers were killed on Friday in an attack on the town of Tougan, the army said. About "
     "thirty terrorists were neutralised in the response.", 34),
    ("Four soldiers and two VDP lost their lives on Friday in an attack on Djibo. On the enemy side, about thirty "
     "terrorists were neutralised.", 36),
])
def test_the_other_sides_dead_in_the_response_are_the_same_fight(geo: Geocoder, text: str, killed: int) -> None:
    """A communique's "in the response", "on the enemy side" came out as a second incident; reconciled,
    the two counts read as sources disputing one toll (4 [4-30])."""
    found = incidents(geo, text)
    assert [c.killed.low if c.killed else None for c in found] == [killed]


@pytest.mark.parametrize(("text", "location", "country"), [
    ("Israeli strikes killed at least four soldiers near the village of Al-Mazra'a, west of Suwayda city, on "
     "Friday.", "Al-Mazra'a", "Syria"),
    ("Turkish shells killed nine civilians on Friday in the village of Tal Jabin, east of Tal Rifaat.", "Tal Jabin",
     None),
])
def test_the_nationality_of_strikes_from_afar_is_not_the_country(geo: Geocoder, text: str, location: str,
                                                                 country: str | None) -> None:
    """"Israeli strikes" made Al-Mazra'a the Israeli village of that name; "Turkish shells" put Tal Jabin
    in Tekirdag: the weapon's nationality is who fired, not where it landed."""
    found = incidents(geo, text)
    assert [(c.location, c.country) for c in found] == [(location, country)]


@pytest.mark.parametrize(("text", "killed"), [
    ("At least three people were killed by direct fire of government forces in Mahabad on Friday night.", 3),
    ("A kolbar was killed by border guards near Baneh on Friday.", 1),
    ("Two kolbars were shot dead by border guards near Baneh on Friday.", 2),
])
def test_the_border_porters_and_direct_fire(geo: Geocoder, text: str, killed: int) -> None:
    """Kolbars were nobody, and "direct fire" with no other violence word was a fire: no claim at all."""
    found = incidents(geo, text)
    assert [c.killed.low if c.killed else None for c in found] == [killed]
    assert found[0].country == "Iran"


def test_a_fathers_name_is_no_place(geo: Geocoder) -> None:
    """"son of Ahmad" put the claim in Al Ahmadi, Kuwait."""
    found = incidents(geo, "On Friday, Hiwa Azizi, 26, son of Ahmad, was shot dead by border guards on the Baneh "
                           "border.")
    assert [(c.location, c.country) for c in found] == [("Baneh", "Iran")]


def test_a_situation_reports_highlights_are_told_by_its_body(geo: Geocoder) -> None:
    """Each HIGHLIGHTS bullet came out as an incident of its own, first, dated the day of publication
    (or the "since 2 May" of the next bullet)."""
    found = incidents_of(geo, "HIGHLIGHTS\n- At least 115 people killed in a gang attack on Liancourt.\n- More than "
                              "1,500 people displaced since 2 May.\n\nSITUATION OVERVIEW\nOn 16 May, gang members "
                              "attacked the town of Liancourt, Artibonite department. According to local authorities, "
                              "at least 115 people were killed and 16 injured.", published=PUBLISHED)
    assert [(c.date_start, c.killed.low if c.killed else None) for c in found] == [(date(2024, 5, 16), 115)]


@pytest.mark.parametrize(("text", "expected"), [
    # the dead just counted, in the present tense
    ("A Russian missile hit an apartment block in Dnipro on Friday, killing 9 people. Four children are among the "
     "dead.", [(9, None)]),
    # a live post's update raises the toll just told
    ("At 14:20, the enemy hit Dnipro with a missile. A 60-year-old woman was killed.\n\nUPD: The number of dead has "
     "risen to three.", [(3, None)]),
    # the attackers killed by the troops are the same fight's dead
    ("BANNU: Four soldiers and two civilians were martyred when militants attacked a check post in Bannu on Friday, "
     "the ISPR said. Seven terrorists were killed by the troops, it added.", [(13, None)]),
    # an earthquake's dead, bodies still missing: no dead of this incident
    ("A junta air strike hit Nam Hkam Yang village on Friday, killing four people. The strike came two days after "
     "the March 28 earthquake, which the junta says has killed more than 2,000 people.", [(4, None)]),
    ("The ferry capsized after junta troops fired on it in Myinmu township on Friday, killing five passengers. 'Two "
     "bodies are still missing in the river,' a rescue worker said.", [(5, None)]),
    # an agency's dateline with a colon is no victim
    ("JALALABAD (AFP): Gunmen shot dead five workers on Friday.", [(5, None)]),
])
def test_the_toll_of_one_incident_told_in_pieces(geo: Geocoder, text: str, expected: list) -> None:
    """Each gave a second incident (4 children, 3 dead at "Upd", 7 terrorists, 2,000 of the earthquake,
    2 missing) or one dead too many (the JALALABAD dateline)."""
    assert _figures(incidents(geo, text)) == expected


def test_a_totals_wounded_are_the_totals(geo: Geocoder) -> None:
    """"Over 3,000 have been wounded" after a count since 2022 was an incident dated the day of publication."""
    found = claims(geo, "More than 800 civilians have been killed in the Kherson region since February 2022. Over "
                        "3,000 have been wounded.")
    assert [(c.scope, c.injured.low if c.injured else None) for c in found] == [("aggregate", 3001)]


@pytest.mark.parametrize(("text", "location", "admin1"), [
    ("A suicide bomber targeted people collecting salaries outside a Kabul Bank branch in Kunduz city on Friday, "
     "killing five, police said.", "Kunduz", "Konduz"),
    ("Taliban fighters killed two men in Panjshir province on Friday, residents said.", "Panjshir province",
     "Panjshir"),
    ("Shells landed in Lashio's Ward No. 10 on Friday, killing two residents.", "Ward 10", None),
])
def test_banks_provinces_and_numbered_wards(geo: Geocoder, text: str, location: str, admin1: str | None) -> None:
    """"a Kabul Bank branch" was Kabul; Panjshir went to Parwan (whose record carries its name); "Ward No.
    10" was "Ward No", and "Ward 10" alone took Yangon's."""
    found = incidents(geo, text)
    assert [(c.location, c.admin1) for c in found] == [(location, admin1)]


def test_two_wounded_told_one_by_one_after_a_figureless_lead(geo: Geocoder) -> None:
    """"The driver and a nurse were injured" after an attack told with no figure counted only the driver."""
    found = incidents(geo, "On 17 May 2024, an ambulance struck an explosive device near Douentza, Mopti region. The "
                           "driver and a nurse were injured.")
    assert _figures(found) == [(None, 2)]
