"""Kinds of errors found by probing wire copy written here in the voices of many wars: who did it and
who says so, what a figure counts, what is a total (sentences written for the tests)."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import claims_of, incidents_of

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


def test_a_bare_name_stays_bare_where_the_words_name_two_countries(geo: Geocoder) -> None:
    """Words about Russia and Ukraine as much, and an incident placed in Kharkiv: the bare "troops"
    were left so on purpose (whose troops, the words do not say); Kharkiv does not decide."""
    text = ("Russia's foreign ministry said on Friday that talks with Ukraine would resume, and "
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


@pytest.mark.parametrize(("sentence", "killed"), [
    # an age set off by commas after a name or a noun is no victim count
    ("Israeli troops killed a Palestinian man, Mohammad Abu Hashem, 25, in Jenin on Tuesday, the health "
     "ministry said.", (1, 1)),
    ("Russian shelling killed a farmer, Mykola Petrenko, 54, in the village of Bilozerka on Monday.", (1, 1)),
    ("Mohammad Saleh, 25, and his brother Ahmad, 19, were killed in Jenin on Tuesday.", (2, 2)),
    # "aged 14 and 16": two ages of the two brothers, not a third victim
    ("Two brothers aged 14 and 16 were killed when a mortar round hit their home in Taiz on Sunday.", (2, 2)),
    # "both" restates the two
    ("Two shepherds, both brothers, were killed by a landmine near Marib on Saturday.", (2, 2)),
    # the wounded soldiers are not among the dead assailants
    ("Twenty-two soldiers were wounded and 37 assailants killed in the attack on the base at Djibo on "
     "Monday, the army said.", (37, 37)),
    # the chief and the four with him
    ("A local chief was shot dead along with four others in Kumbo on Friday, residents said.", (5, 5)),
    # one count of dead and wounded together: at least one dead, at most all
    ("Fifty soldiers were killed and wounded near Bakhmut on Monday.", (1, 50)),
    ("Five soldiers were killed and 12 wounded near Bakhmut on Monday.", (5, 5)),
])
def test_what_a_figure_counts(geo: Geocoder, sentence: str, killed: tuple[int, int]) -> None:
    found = incidents(geo, sentence)
    assert [(c.killed.low, c.killed.high) if c.killed else None for c in found] == [killed]


@pytest.mark.parametrize("sentence", [
    "A shell hit a market in Gao on Monday, killing or wounding 15 people.",
    "The blast killed or injured at least 20 people in Gao on Monday.",
])
def test_killed_or_wounded_before_the_figure_counts_neither(geo: Geocoder, sentence: str) -> None:
    """How many died and how many were hurt, the text does not say: the incident, with no figure."""
    found = incidents(geo, sentence)
    assert [(c.killed, c.injured) for c in found] == [(None, None)]


@pytest.mark.parametrize("sentence", [
    "In the past year, 43 civilians have been killed by mines in Kharkiv oblast, the governor said.",
    "Over the last month, 12 civilians were killed by mines in Kharkiv oblast, the governor said.",
    "The General Staff said Ukrainian forces killed 450 Russian servicemen over the past day.",
    "Coalition jets carried out 14 air strikes over the previous 24 hours, killing more than 90 fighters "
    "in Marib, the coalition said.",
])
def test_a_count_over_the_past_year_or_day_is_a_total(geo: Geocoder, sentence: str) -> None:
    """'the past year', 'the last month', a front's 'past day', 'the previous 24 hours': a count
    over a period (and, for a day, over a front or a province), not one incident."""
    found = claims_of(geo, sentence, published=date(2022, 5, 12))
    assert [c.scope for c in found if c.killed] == ["aggregate"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("A missile hit the centre of Mykolaiv on Tuesday, killing two people, the governor said.", "Mykolaiv"),
    ("A missile hit the center of Kherson on Tuesday, killing two people.", "Kherson"),
])
def test_the_centre_of_a_city_is_the_city(geo: Geocoder, sentence: str, place: str) -> None:
    """The entity recogniser reads 'Mykolaiv' after 'the centre of' as a person; a part of a
    place names the place."""
    assert [(c.location, c.country) for c in incidents(geo, sentence)] == [(place, "Ukraine")]


def test_a_province_told_after_another_provinces_town_keeps_its_own(geo: Geocoder) -> None:
    """A governor's round-up: a toll in Vovchansk (Kharkiv region), then five dead 'In Kherson
    Oblast', then one more victim in Stanislav. The Kherson toll is neither Vovchansk's (another
    province) nor Stanislav's (one more victim, with a place of its own)."""
    text = ("Russian shelling killed two people in Vovchansk in Kharkiv region on Monday, Governor Oleh "
            "Syniehubov said.\n"
            "In Kherson Oblast, five people were killed and 18 injured, Governor Oleksandr Prokudin said.\n"
            "Another person died in Stanislav, he added.")
    found = incidents(geo, text)
    assert [(c.killed.low if c.killed else None, c.location, c.admin1) for c in found] == [
        (2, "Vovchansk", "Kharkiv"), (5, "Kherson oblast", "Kherson"), (1, "Stanislav", "Kherson")]


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    # the force the dead were members of is the side that lost them, not the one that killed
    ("Islamic State militants killed four members of the Iraqi security forces near Kirkuk on Monday.",
     "Islamic State", "Military Forces of Iraq"),
    ("A drone attack on the Kurdistan Region's Arbat district on Monday night killed four members of the "
     "Kurdish security forces, officials said.", None, "Military Forces of Iraq"),
])
def test_the_dead_members_of_a_force_are_its_losses(geo: Geocoder, sentence: str, actor1: str | None,
                                                     actor2: str) -> None:
    assert [(c.actor1, c.actor2) for c in incidents(geo, sentence)] == [(actor1, actor2)]


def test_a_name_with_of_before_the_verb_is_no_breakdown(geo: Geocoder) -> None:
    """'Fighters of the Islamic State killed five soldiers': not 'of the (30) killed, five were...'."""
    found = incidents(geo, "Fighters of the Islamic State killed five soldiers near Mosul on Monday.")
    assert [(c.killed.low, c.killed.high) for c in found if c.killed] == [(5, 5)]


def test_kurdistan_region_is_iraq(geo: Geocoder) -> None:
    """'Arbat' is a village in Armenia and a district of Sulaymaniyah: the Kurdistan Region says which."""
    found = incidents(geo, "A drone attack on the Kurdistan Region's Arbat district on Monday night killed "
                           "four members of the Kurdish security forces, officials said.")
    assert [(c.location, c.admin1, c.country) for c in found] == [("Arbat", "As-Sulaymaniyah", "Iraq")]


@pytest.mark.parametrize(("sentence", "actor1"), [
    # a state's forces or weapons named by the country's adjective, for any country
    ("Pakistani forces shelled villages in Kunar province on Tuesday, killing five civilians, Afghan "
     "officials said.", "Military Forces of Pakistan"),
    ("A 17-year-old boy was killed on Tuesday when a Russian Shahed drone hit his home in Odesa.",
     "Military Forces of Russia"),
    ("A Malian army drone strike killed 12 civilians at a wedding near Mopti on Tuesday, residents said.",
     "Military Forces of Mali"),
    ("Three civilians were killed by Saudi artillery shelling in Saada province on Tuesday.",
     "Military Forces of Saudi Arabia"),
    # a group's own drone: it flew it
    ("A Houthi drone struck a camp for displaced people in Marib on Tuesday, killing three civilians.",
     "Houthi rebels"),
    ("Houthi militants killed a woman with sniper fire in Taiz on Tuesday.", "Houthi rebels"),
    # a name with the adjective in it is the name, as written
    ("Syrian Democratic Forces fighters killed four Islamic State militants near Hajin on Tuesday.",
     "Syrian Democratic Forces"),
])
def test_the_country_adjective_names_the_state_that_struck(geo: Geocoder, sentence: str, actor1: str) -> None:
    assert [c.actor1 for c in incidents(geo, sentence)] == [actor1]


@pytest.mark.parametrize("sentence", [
    # who speaks is no attacker
    "Two civilians were killed in Kharkiv on Tuesday, the Ukrainian air force said.",
    # what was destroyed was the target's
    "Coalition air strikes destroyed a Houthi drone launch site in Marib on Tuesday and killed 12 fighters.",
])
def test_an_adjective_force_that_speaks_or_is_hit_did_not_strike(geo: Geocoder, sentence: str) -> None:
    found = incidents(geo, sentence)
    assert found and all(c.actor1 not in ("Military Forces of Ukraine", "Houthi rebels") for c in found)


@pytest.mark.parametrize(("text", "tolls"), [
    # who was among the dead is a part of the toll told, not one more incident
    ("An Israeli air strike killed eight people in Rafah on Monday, the health ministry said. One child "
     "and one woman were among the dead.", [8]),
    ("A suicide bomber killed six people at a checkpoint in Kirkuk on Monday, police said. One of the "
     "dead was a Kurdish motorcyclist who was passing by.", [6]),
    # the toll given earlier is the one the new one replaced
    ("Russian missiles struck Dnipro on Monday, killing three people and injuring 19, Governor Serhiy "
     "Lysak said. Earlier, he had reported two dead and 14 injured.", [3]),
])
def test_a_part_of_the_dead_or_an_earlier_toll_is_no_new_incident(geo: Geocoder, text: str,
                                                                   tolls: list[int]) -> None:
    found = incidents(geo, text)
    assert [c.killed.low for c in found if c.killed] == tolls


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    # a force's building or car is where it was hit
    ("A car bomb exploded outside a police station in Tibu on Tuesday, killing two civilians.",
     None, "Police Forces of Colombia"),
    ("Two policemen were martyred on Tuesday when unidentified motorcyclists opened fire on a police mobile "
     "in Bannu.", None, "Police Forces of Pakistan"),
    # a number word is no part of an army's name
    ("Four Army soldiers were killed in an ambush near Tame on Tuesday.", None, "Military Forces of Colombia"),
    # a group whose spokesman speaks is not, for that, who struck
    ("Houthi military spokesman Yahya Saree said five of the group's fighters were killed in US strikes on "
     "Hodeidah on Tuesday.", "Military Forces of the United States", None),
    # a serviceman is a soldier: his army lost him
    ("A Ukrainian serviceman was killed in Huliaipole on Tuesday, the regional administration said.",
     None, "Military Forces of Ukraine"),
])
def test_who_was_hit_and_who_only_speaks(geo: Geocoder, sentence: str, actor1: str | None,
                                         actor2: str | None) -> None:
    found = incidents_of(geo, sentence, published=date(2022, 10, 19))
    assert [(c.actor1, c.actor2) for c in found] == [(actor1, actor2)]


def test_a_rank_before_a_name_is_one_person(geo: Geocoder) -> None:
    """ISPR's wording: 'Sepoy Ameer Khan embraced shahadat', 'Naik Gul Khan embraced shahadat, while two
    terrorists were killed': the soldier named with his rank is one of the dead."""
    text = ("Naik Gul Khan embraced shahadat, while two terrorists were killed in the exchange of fire in Bannu "
            "on Tuesday, the ISPR said.")
    assert [c.killed.low for c in incidents_of(geo, text, published=date(2022, 10, 19)) if c.killed] == [3]


@pytest.mark.parametrize(("sentence", "expected"), [
    # two voices, two claims: not one toll of 196
    ("The Sudanese government said the toll was 150, while Médecins Sans Frontières said its staff at Managil "
     "hospital had received 46 bodies and 82 wounded.", [("incident", 150), ("incident", 46)]),
    # the toll the count replaced is no part of it
    ("The Central Committee of Sudan Doctors, which had earlier reported 97 civilian deaths, said on Tuesday "
     "that at least 144 civilians had been killed since Saturday.", [("aggregate", 144)]),
    # a war's toll is background
    ("The clashes violate the 2018 peace agreement, which ended a civil war that killed an estimated "
     "400,000 people.", []),
    ("That war killed about 1,200 people in Lebanon, mostly civilians, and 158 Israelis.", []),
    # a past perfect over a long operation is its count
    ("It said 173 soldiers had been killed in its ground operation.", [("aggregate", 173)]),
    # people who fled are not dead
    ("The Sudan Doctors' Union says more than 1,100 people have been killed in El Geneina since fighting broke "
     "out in April, while the UN refugee agency said more than 149,000 people have fled to Chad.",
     [("aggregate", 1101)]),
    # the toll put at eight holds the two wounded who died
    ("Levies officials in Kalat put the death toll at eight on Tuesday, saying two of the wounded soldiers "
     "succumbed to their injuries on the way to hospital.", [("incident", 8)]),
    ("On Wednesday morning, the state prosecutor's office updated the toll to seven after a police officer "
     "died in hospital.", [("incident", 7)]),
    # ages, not victims
    ("Five young men between the ages of 17 and 24 were murdered on Saturday night in Samaniego, police "
     "said.", [("incident", 5)]),
])
def test_what_a_sentence_counts(geo: Geocoder, sentence: str, expected: list[tuple[str, int]]) -> None:
    found = claims_of(geo, sentence, published=date(2023, 6, 21))
    assert [(c.scope, c.killed.low) for c in found if c.killed] == expected


def test_a_figureless_retelling_of_the_incident_is_no_second_incident(geo: Geocoder) -> None:
    """'The market in Nawnghkio town was crowded with shoppers when the bombs fell': the lead's
    incident told again, with no toll, place or day of its own."""
    text = ("At least nine civilians were killed when a fighter jet bombed a market in Nawnghkio on Saturday "
            "morning, according to local rescue workers.\n"
            "The market in Nawnghkio was crowded with shoppers when the bombs fell at around 10 am.")
    found = incidents(geo, text)
    assert [(c.killed.low if c.killed else None, c.location) for c in found] == [(9, "Nawnghkio")]


def test_a_claim_of_responsibility_stays_its_own_claim(geo: Geocoder) -> None:
    text = ("A bomb killed 12 people at a market in Sadr City on Tuesday, police said.\n"
            "Islamic State claimed responsibility for the bombing in a statement.")
    found = incidents(geo, text)
    assert [c.claimed_by for c in found] == ["Police", "Islamic State"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # "forces" are the dead; "in recent firefights" across states is a count over time and places
    ("At least 80 Myanmar regime forces including three battalion commanders were killed in recent "
     "firefights with resistance groups in Chin, Kachin and Karen states.", [("aggregate", 80)]),
    # a group's acronym in brackets does not part the two counts of one toll
    ("Three junta soldiers and six fighters of the Beikthano People's Defense Army (BPDA) died in a clash at "
     "Kani village on Tuesday, the group said.", [("incident", 9)]),
])
def test_forces_and_bracketed_names(geo: Geocoder, sentence: str, expected: list[tuple[str, int]]) -> None:
    found = claims_of(geo, sentence, published=date(2022, 8, 11))
    assert [(c.scope, c.killed.low) for c in found if c.killed] == expected


def test_a_fighter_jet_is_no_fighter(geo: Geocoder) -> None:
    found = incidents(geo, "At least nine civilians were killed when a fighter jet bombed a market in Nawnghkio on "
                           "Saturday morning.")
    assert [(c.killed.low, c.killed.high) for c in found if c.killed] == [(9, None)]


def test_a_new_toll_keeps_the_incidents_day_and_place(geo: Geocoder) -> None:
    """'The death toll rose to 12 on Sunday after three of the injured died at a hospital in Kyaukme':
    Sunday is the day of the count and Kyaukme where the wounded died; the strike was Saturday's, in
    Nawnghkio. 'On the same day' after it is Saturday too."""
    text = ("At least nine civilians were killed when a fighter jet bombed a market in Nawnghkio on Saturday "
            "morning, residents said.\n"
            "The death toll rose to 12 on Sunday after three of the injured died at a hospital in Kyaukme.\n"
            "On the same day, artillery killed two civilians in Hsipaw, residents said.")
    found = incidents_of(geo, text, published=date(2024, 9, 16))
    assert [(c.killed.low, c.location, c.date_start) for c in found if c.killed] == [
        (9, "Nawnghkio", date(2024, 9, 14)), (12, "Nawnghkio", date(2024, 9, 14)),
        (2, "Hsipaw", date(2024, 9, 14))]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the day's dead and the campaign's toll they raise: two claims
    ("The Israeli army said two more soldiers were killed in Gaza on Sunday, bringing the army's toll in the "
     "ground offensive to 242.", [("incident", 2), ("aggregate", 242)]),
    # an earlier event named to compare is background
    ("The attack was the deadliest since May 2021, when 16 people were killed in Vizcatan del Ene, police "
     "said.", []),
    # reservists are combatants, counted
    ("Three Kenya Police Reservists were killed when al-Shabaab militants ambushed their patrol near Lamu "
     "on Monday.", [("incident", 3)]),
])
def test_campaign_tolls_comparisons_and_reservists(geo: Geocoder, sentence: str,
                                                   expected: list[tuple[str, int]]) -> None:
    found = claims_of(geo, sentence, published=date(2024, 2, 26))
    assert [(c.scope, c.killed.low) for c in found if c.killed] == expected


@pytest.mark.parametrize("sentence", [
    "In the weeks that followed, RSF and allied militias killed between 10,000 and 15,000 people in El Geneina.",
    "Amnesty said over 1,600 people were killed in Plateau between 2023 and early 2024.",
])
def test_a_count_over_weeks_or_years_is_a_total(geo: Geocoder, sentence: str) -> None:
    found = claims_of(geo, sentence, published=date(2024, 7, 4))
    assert [c.scope for c in found if c.killed] == ["aggregate"]


@pytest.mark.parametrize("sentence", [
    "Russian attacks killed at least 12 people and injured 50 over the past day, regional authorities reported.",
    "Russian attacks on Kherson Oblast over the past day killed four people, Governor Oleksandr Prokudin said.",
])
def test_a_days_attacks_over_a_province_are_a_total(geo: Geocoder, sentence: str) -> None:
    found = claims_of(geo, sentence, published=date(2024, 3, 11))
    assert [(c.scope, c.actor1) for c in found if c.killed] == [("aggregate", "Military Forces of Russia")]


def test_a_handful_is_a_vague_count_of_the_hurt(geo: Geocoder) -> None:
    """'A handful of gendarmes were wounded': the gendarmes are the hurt (at least two), not who attacked."""
    found = incidents(geo, "A handful of gendarmes were wounded and two civilians killed in an attack near Dori "
                           "on Tuesday.")
    assert [(c.killed.low, c.injured.low if c.injured else None, c.actor1) for c in found] == [(2, 2, None)]


def test_an_agencys_tally_of_one_days_strike_is_an_incident(geo: Geocoder) -> None:
    found = incidents(geo, "Three civilians were killed in a Russian strike on Kharkiv on Tuesday, according to an "
                           "AFP tally.")
    assert [(c.killed.low, c.location) for c in found] == [(3, "Kharkiv")]


def test_the_dead_include_and_taking_the_toll_to(geo: Geocoder) -> None:
    """'the dead include a senior army officer' is one of the dead told; 'Two more bodies were
    pulled ..., taking the toll to five' is the toll of five."""
    text = ("Gunmen stormed a hotel in Mogadishu on Thursday night, killing at least three people, officials said.\n"
            "The dead include a senior army officer, Colonel Ahmed Abdullahi, who was killed at the hotel gate.\n"
            "Two more bodies were pulled from the rubble, taking the toll to five, an ambulance driver said.")
    found = incidents(geo, text)
    assert [c.killed.low for c in found if c.killed] == [3, 5]


def test_a_witness_own_dead_and_an_accusations_day(geo: Geocoder) -> None:
    """'The government on Wednesday accused M23 of killing 50 civilians ... on Tuesday': Wednesday is
    the day of the accusation. '"They killed my father and my uncle," a resident said': two of the
    fifty, not a second incident."""
    text = ("The Congolese government on Wednesday accused M23 rebels of killing at least 50 civilians in the "
            "village of Kishishe in Rutshuru territory on Tuesday.\n"
            "\"They killed my father and my uncle with bullets in the head,\" a resident told Radio Okapi.")
    found = incidents_of(geo, text, published=date(2022, 11, 30))
    assert [(c.killed.low, c.date_start) for c in found] == [(50, date(2022, 11, 29))]


def test_police_ranks_and_the_third_person_killed(geo: Geocoder) -> None:
    """'An ASI and four constables embraced martyrdom': five policemen. 'the third person killed
    was a civilian driver' is one of the three told, not a new incident."""
    found = incidents(geo, "An ASI and four constables embraced martyrdom on the spot in Dera Ismail Khan on "
                           "Tuesday.")
    assert [c.killed.low for c in found] == [5]
    text = ("A roadside bomb killed three people near Dera Ismail Khan on Tuesday, police said.\n"
            "A security source said the third person killed was a civilian driver.")
    assert [c.killed.low for c in incidents(geo, text) if c.killed] == [3]


def test_a_period_before_the_raising_verb_is_the_increments(geo: Geocoder) -> None:
    """'six more people had died of their wounds since Friday, bringing the number killed in
    Thursday's blast to 29': 'since Friday' dates the six; the 29 is the blast's toll, one claim."""
    text = ("The monitor said six more people had died of their wounds since Friday, bringing the number killed in "
            "Thursday's blast in the village of Sajo to 29.")
    found = incidents_of(geo, text, published=date(2016, 10, 15))
    assert [c.killed.low for c in found if c.killed] == [29]


@pytest.mark.parametrize("follow_up", [
    "The defence ministry named the soldier killed as Sergeant Ahmad Wali.",
    "Police identified the dead man as Juan Perez, 34, a local shopkeeper.",
    "Both victims were identified as brothers from the nearby village of Tarinkot.",
])
def test_naming_the_dead_is_no_new_death(geo: Geocoder, follow_up: str) -> None:
    """'named the soldier killed as Sgt X', 'identified the dead man as Y': who the dead already told
    were. They were one more incident (and the rank with the name one more dead)."""
    text = f"A roadside bomb killed two soldiers in Kandahar province on Monday, officials said.\n{follow_up}"
    found = incidents(geo, text)
    assert [(c.killed.low, c.killed.high) for c in found] == [(2, 2)]


def test_naming_the_dead_goes_to_the_claim_with_the_dead(geo: Geocoder) -> None:
    """A claim of the wounded alone came between: the name belongs to the claim that has the dead."""
    text = ("A bomb at a bus stop in Jerusalem killed a teenager on Wednesday, police said.\n"
            "The Hadassah medical centre said it had admitted nine wounded.\n"
            "The foreign ministry named the boy killed as Aryeh Levi.")
    found = incidents_of(geo, text, published=date(2022, 11, 23))
    assert [(c.killed and c.killed.low, c.injured and c.injured.low) for c in found] == [(1, None), (None, 9)]


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("The Pakistani military said three soldiers were martyred when terrorists attacked a post in North "
     "Waziristan on Monday.", "Unidentified Armed Group (Pakistan)", "Military Forces of Pakistan"),
    ("Police said two officers were killed when gunmen attacked a checkpoint in Zamfara state on Monday.",
     "Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria"),
    ("The Ukrainian military said three of its servicemen were killed in Russian shelling of Kupiansk on "
     "Monday.", "Military Forces of Russia", "Military Forces of Ukraine"),
    # a force that says it killed its enemies is still who struck
    ("The army said 21 militants were killed in a clash near Bama on Monday.",
     "Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
    ("Resistance forces said they had killed six junta soldiers in an ambush near Kani in Sagaing Region on Sunday.",
     "People's Defence Force", "Military Forces of Myanmar"),
    # the teller named by its whole phrase; the troops it fought alongside did not strike it
    ("A member of the Civilian Joint Task Force (CJTF) in Damboa said two of its members were killed while "
     "fighting alongside the troops on Monday.", None, "Civilian Joint Task Force"),
])
def test_a_force_telling_of_its_own_dead_is_the_target(geo: Geocoder, sentence: str, actor1: str | None,
                                                       actor2: str) -> None:
    """'The Pakistani military said three soldiers were martyred': the military is the side that lost
    them, not who struck (it was actor1, and the attackers were lost)."""
    found = incidents(geo, sentence)
    assert [(c.actor1, c.actor2) for c in found] == [(actor1, actor2)]


@pytest.mark.parametrize(("sentence", "tolls"), [
    ("A security source told AFP that more than 70 people had been killed in the attack on Barsalogho on "
     "Saturday, while an internal document seen by Reuters put the number of dead at 77.",
     [(71, None, "Barsalogho"), (77, 77, "Barsalogho")]),
    ("One of them said six soldiers were killed in the ambush near Djibo on Monday, while the other put the "
     "toll at eight.", [(6, 6, "Djibo"), (8, 8, "Djibo")]),
    ("The local chief said 113 people were killed in Bokkos on Sunday, while officials in Barkin Ladi "
     "reported more than 50 deaths.", [(113, 113, "Bokkos"), (51, None, "Barkin Ladi")]),
])
def test_a_second_voice_after_while_is_its_own_claim(geo: Geocoder, sentence: str,
                                                     tolls: list[tuple[int, int | None, str]]) -> None:
    """'..., while a document seen by Reuters put the number of dead at 77': another voice's count of
    the same dead (or of another place's). The two were added up (148), or one was lost."""
    found = incidents(geo, sentence)
    assert [(c.killed.low, c.killed.high, c.location) for c in found] == tolls


def test_two_hospitals_counts_of_the_wounded_still_add_up(geo: Geocoder) -> None:
    text = ("A bomb at a bus stop in Jerusalem wounded 14 people on Wednesday.\n"
            "Doctors at Shaare Zedek were treating five people wounded in the blast, while Hadassah medical "
            "centre said it had admitted nine wounded.")
    found = incidents_of(geo, text, published=date(2022, 11, 23))
    assert [c.injured.low for c in found if c.injured] == [14, 14]


@pytest.mark.parametrize(("sentence", "tolls"), [
    ("Russian shelling killed three people in Bakhmut and one in the village of Soledar on Monday.",
     [(3, "Bakhmut"), (1, "Soledar")]),
    ("Another strike on the town of Nabatieh killed four people on Monday, and three were killed in Bint Jbeil.",
     [(4, "Nabatieh"), (3, "Bint Jbeil")]),
    ("The council chairman said 14 were killed in Mushu, nine in Ruff and seven in Butura on Monday.",
     [(14, "Mushu"), (9, "Ruff"), (7, "Butura")]),
])
def test_each_place_keeps_its_own_toll(geo: Geocoder, sentence: str, tolls: list[tuple[int, str]]) -> None:
    """ "three in Bakhmut and one in the village of Soledar": one incident per place. 'the village of'
    hid the second figure (3 at Soledar); a place before the first toll summed both (7 at Nabatieh)."""
    found = incidents(geo, sentence)
    assert [(c.killed.low, c.location) for c in found] == tolls


def test_a_toll_told_with_its_incident_between(geo: Geocoder) -> None:
    """'the death toll in the attack on Solhan on Friday was at least 100' is a toll (it was no figure)."""
    found = incidents(geo, "A security source said the death toll in the attack on Solhan on Friday was at "
                           "least 100.")
    assert [(c.killed.low, c.killed.high) for c in found] == [(100, None)]


@pytest.mark.parametrize(("sentence", "killed"), [
    # the speaker, named between commas, is no victim (18)
    ("A resident, Bello Mera, said the death toll in the attack on Kukawa on Monday was 17.", 17),
    # a rank, then the name: one man (the parser made two subjects of him)
    ("Selection grade constable Ghulam Mohammad Dar was shot dead by militants in Pulwama on Monday.", 1),
    # "along" a particle: the wife was lost (1)
    ("A businessman was killed along with his wife when a missile hit their home in Mykolaiv on Sunday.", 2),
])
def test_who_a_figure_counts_speakers_ranks_companions(geo: Geocoder, sentence: str, killed: int) -> None:
    found = incidents(geo, sentence)
    assert [c.killed.low for c in found] == [killed]


@pytest.mark.parametrize("sentence", [
    "According to ACLED, more than 8,000 people were killed in Burkina Faso in 2023.",
    "The attack was the deadliest in Kismayo since July 2019, when a similar assault on a hotel killed 26 people.",
])
def test_a_year_is_no_day(geo: Geocoder, sentence: str) -> None:
    """'killed in Burkina Faso in 2023' counts a year (it was an incident of 8,001 dead on the day of
    publication); 'since July 2019, when ... killed 26' is 2019's attack."""
    assert incidents_of(geo, sentence, published=date(2023, 11, 15)) == []


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Al-Shabaab militants beheaded three men in the village of Bula Haji on Tuesday, elders said.", "Al Shabaab"),
    ("Suspected Allied Democratic Forces rebels killed 20 people in Lubero territory on Monday.",
     "Allied Democratic Forces"),
    ("A junta airstrike on the village of Let Yet Kone in Sagaing Region killed 11 people on Monday.",
     "Military Forces of Myanmar"),
    ("Maoists killed two villagers in Bijapur district of Chhattisgarh on Monday, police said.",
     "Communist Party of India (Maoist)"),
])
def test_a_group_named_before_its_fighters_struck(geo: Geocoder, sentence: str, actor1: str) -> None:
    """'Al-Shabaab militants': the militants are al-Shabaab's (they were an unidentified group, and
    'Suspected Allied Democratic Forces' a group of its own); a junta's airstrike and Maoists were nobody."""
    found = incidents(geo, sentence)
    assert [c.actor1 for c in found] == [actor1]


@pytest.mark.parametrize("follow_up", [
    '"The enemy again struck residential areas. A 64-year-old man and his wife died on the spot," he wrote.',
    "Falling debris killed two civilians in Bilozerka and injured four.",
])
def test_the_same_toll_told_again_is_one_claim(geo: Geocoder, follow_up: str) -> None:
    """The toll just told, told again with no day, place or voice of its own, is the same incident
    (it was a second claim of two dead)."""
    text = ("Russian shelling killed two civilians in the village of Bilozerka in Kherson region on Wednesday, "
            f"governor Yaroslav Yanushevych said on Telegram.\n{follow_up}")
    found = incidents_of(geo, text, published=date(2022, 11, 3))
    assert [(c.killed.low, c.location) for c in found] == [(2, "Bilozerka")]


@pytest.mark.parametrize("follow_up", [
    "Most recently, two people died in a hit-and-run incident with a police vehicle.",  # another event
    "Shelling killed two people in the village of Dnipriany.",  # another place
    "On Tuesday, shelling killed two people in Bilozerka.",  # another day
])
def test_the_same_figure_is_not_always_the_same_toll(geo: Geocoder, follow_up: str) -> None:
    text = ("Russian shelling killed two civilians in the village of Bilozerka in Kherson region on Wednesday, "
            f"governor Yaroslav Yanushevych said on Telegram.\n{follow_up}")
    found = incidents_of(geo, text, published=date(2022, 11, 3))
    assert len(found) == 2


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A relief worker put the death toll at 20, saying many people were wounded, some of them critically.", 20),
    ("The state governor put the death toll at 12, saying several people were wounded.", 12),
])
def test_put_the_toll_at_then_saying(geo: Geocoder, sentence: str, killed: int) -> None:
    """'put the death toll at 20, saying many people were wounded': 20 dead (they were read as 20
    wounded, from the teller's next clause, and the relief worker as one dead)."""
    found = incidents(geo, "Gunmen attacked the village of Kadarko in Nasarawa state on Sunday.\n" + sentence)
    assert [c.killed and c.killed.low for c in found] == [killed]


def test_no_place_from_the_hospital_or_from_last_months_attack(geo: Geocoder) -> None:
    """A claim with no place of its own took the town of the hospital the wounded lie in ('five more
    are in the hospital in Gusau') or the villages of January's attack told after it."""
    text = ("Bandits killed at least 23 people in Kairu village in Zamfara State on Sunday, residents said.\n"
            "The gunmen arrived on motorcycles and set fire to several houses, a resident told reporters.\n"
            '"We buried 23 people yesterday evening, and five more are in the hospital in Gusau," he said.\n'
            "The police spokesman confirmed the attack but put the death toll at 11.\n"
            "He said a joint team of police and soldiers had been deployed to the village.\n"
            'A lawmaker said the true figure was higher. "At least 30 of my constituents were killed," he said.\n'
            '"Some bodies were recovered in the bush this morning," he said.\n'
            "In January, more than 40 people were killed in attacks on villages in Bukkuyum.")
    found = incidents_of(geo, text, published=date(2024, 3, 5))
    assert "Gusau" not in [c.location for c in found] and "Bukkuyum" not in [c.location for c in found]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Russian shelling killed a 71-year-old woman in the village of Bilozerka on Saturday, Gov. Oleksandr "
     "Prokudin said.", "Local officials"),
    ("On Saturday evening, officials had put the death toll at six after a strike on a store in Kharkiv.",
     "Local officials"),
    ("At least 12 people were killed when armed youth attacked a cattle camp in Padiet on Saturday morning, a "
     "county official said.", "Local officials"),
    ("The insurgents beheaded two men in Bula Haji on Wednesday evening, a district official who fled to the "
     "nearby town of Hudur told Reuters by phone.", "Local officials"),
    ("Suspected ADF combatants attacked the village of Manzia on Sunday, killing at least 12 civilians, "
     "according to local civil society.", "Civil society"),
    ("An Israeli air strike hit a school in Gaza City on Saturday, killing more than 90 people, according to "
     "Gaza's civil emergency service.", "Rescue workers"),
    ("A drone strike hit the weekly market in Al-Khuwei on Sunday, killing nine civilians, the Emergency Lawyers "
     "group reported.", "Emergency Lawyers"),
    ("Shelling hit Abu Shouk camp on Sunday, killing 14 people, according to the camp's Emergency Response Room.",
     "Emergency Response Room"),
    ("According to Cabo Ligado, a conflict observatory, insurgents killed at least 29 civilians in Mocimboa da "
     "Praia on Sunday.", "Cabo Ligado"),
])
def test_sources_told_in_the_words_of_real_copy(geo: Geocoder, sentence: str, source: str) -> None:
    """Tellers the claims had lost (claimed_by null): a governor by 'Gov.', officials who 'had put the
    toll', a county official, one with a relative clause, local civil society, a civil emergency service,
    and organisations named as written ('the X group reported', 'the camp's X', 'X, a conflict
    observatory')."""
    found = incidents(geo, sentence)
    assert [c.claimed_by for c in found] == [source]


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    ("One soldier was killed and another wounded when their patrol hit a mine near Beni on Monday.", 1, 1),
    ("Gunmen killed two farmers and injured more than a dozen in an attack on Kauru on Monday.", 2, 13),
    ("A Kenyan police officer was shot in the arm during a gunfight with gang members in Cite Soleil on Tuesday.",
     None, 1),
    # the wound a dead man died of is no second victim
    ("A protester died after he was shot in the leg by security forces in Omdurman on Tuesday.", 1, None),
])
def test_the_hurt_one_by_one(geo: Geocoder, sentence: str, killed: int | None, injured: int | None) -> None:
    """'and another wounded', 'injured more than a dozen' (a dozen is a number), 'was shot in the arm':
    the wounded were lost."""
    found = incidents(geo, sentence)
    assert [(c.killed and c.killed.low, c.injured and c.injured.low) for c in found] == [(killed, injured)]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A statement from the resistance committees put the number killed in Al-Sireha on Friday at more than 150.",
     [151]),
    ("The M23 denied the claim, saying it had lost only two fighters and had killed 12 of the attackers in "
     "Kitshanga on Monday.", [14]),
    ("He said 38 bodies were found in Masala and three in Mapasana in Beni territory on Monday.", [38, 3]),
])
def test_tolls_put_denied_or_listed(geo: Geocoder, sentence: str, killed: list[int]) -> None:
    """'put the number killed in X at': a toll (it gave none); 'denied the claim, saying it had lost
    only two': the group's own count, not a hedged one; 'and three in Mapasana' after 'bodies were
    found in': a second place's toll."""
    found = incidents(geo, sentence)
    assert [c.killed.low for c in found if c.killed] == killed


def test_the_wounded_told_again_are_the_same(geo: Geocoder) -> None:
    """'A child was killed and another injured ...' then 'his brother, who was wounded in the leg':
    the one wounded, told again (it was a claim of its own)."""
    text = ("A child was killed and another injured by a Houthi sniper in the Al-Zunooj area north of Taiz city on "
            "Saturday, a medical source said.\n"
            "The source identified the child as Abdulrahman Ahmed, 10. He was hit while fetching water with his "
            "brother, who was wounded in the leg.")
    found = incidents_of(geo, text, published=date(2022, 7, 18))
    assert [(c.killed.low, c.injured.low) for c in found] == [(1, 1)]


@pytest.mark.parametrize(("sentence", "killed"), [
    # things counted after the dead are no dead
    ("The army said about twenty terrorists were neutralised near Tessit on Sunday and that two helicopters "
     "were used in the operation.", 20),
    ("Gunmen killed 12 people in Beni on Monday, burning two vehicles.", 12),
    ("A local official told AFP that 23 soldiers had been killed in Boulkessi on Sunday and that several others "
     "were missing.", 23),
    # a citizen, a paramedic are people
    ("A citizen was killed and two others were injured by artillery shelling on Kafr Nabudah on Monday.", 1),
    ("An air strike hit an ambulance in Nabatieh on Monday, killing a paramedic.", 1),
])
def test_what_is_counted_after_a_figure(geo: Geocoder, sentence: str, killed: int) -> None:
    found = incidents(geo, sentence)
    assert [c.killed and c.killed.low for c in found] == [killed]


def test_three_attacks_are_no_three_dead(geo: Geocoder) -> None:
    """'killed in three separate attacks': a count over three attacks, of 12 (it was 15)."""
    found = claims_of(geo, "At least 12 people were killed in three separate attacks in Beni territory on Monday.",
                      published=date(2022, 5, 12))
    assert [c.killed.low for c in found] == [12]


def test_a_witness_who_counted_bodies_tells_the_incident(geo: Geocoder) -> None:
    """'"I counted more than 100 bodies," he said': a count at the scene, not a report's tally (it
    was a count over no period, an aggregate)."""
    text = ("Jihadists attacked the town of Barsalogho on Saturday, residents said.\n"
            '"I counted more than 100 bodies," a resident said by telephone from Kaya.')
    found = incidents_of(geo, text, published=date(2024, 8, 26))
    assert [c.killed.low for c in found if c.killed] == [101]


@pytest.mark.parametrize(("sentence", "scope", "killed", "injured"), [
    ("UNAMA documented 279 civilian casualties (87 killed and 192 injured) in the first quarter.",
     "aggregate", 87, 192),
    ("Four khwarij were sent to hell in an intelligence-based operation in Mir Ali on Monday, the ISPR said.",
     "incident", 4, None),
    ("More than 290 fatalities were reported in the central Sahel this week, according to the monitor.",
     "aggregate", 291, None),
])
def test_casualties_broken_down_euphemisms_and_a_weeks_fatalities(geo: Geocoder, sentence: str, scope: str,
                                                                 killed: int, injured: int | None) -> None:
    """'279 casualties (87 killed and 192 injured)': the parts (279 was taken for the wounded); 'sent
    to hell' (ISPR's word for militants killed) and 'khwarij'; 'fatalities ... this week' over a region
    is a week's count (it was an incident)."""
    found = claims_of(geo, sentence, published=date(2024, 7, 5))
    assert [(c.scope, c.killed.low, c.injured and c.injured.low) for c in found] == [(scope, killed, injured)]


@pytest.mark.parametrize("sentence", [
    "Human rights groups say 2023 was the deadliest year for Balochistan in a decade, with at least 340 people "
    "killed.",
    "The attack was the deadliest since the Solhan massacre of June 2021, in which at least 132 people were "
    "killed.",
])
def test_an_earlier_years_toll_is_background(geo: Geocoder, sentence: str) -> None:
    assert incidents_of(geo, sentence, published=date(2024, 7, 5)) == []


def test_the_hospital_the_hurt_were_taken_to_is_not_the_place(geo: Geocoder) -> None:
    """'... and was evacuated to the Army's 92 Base Hospital in Srinagar': Srinagar was taken for the
    place of the encounter; an air strike that hit a hospital in a town is still in that town."""
    text = ("Two terrorists were killed in an encounter at Redwani Payeen in Kulgam district on Friday, police said.\n"
            "A soldier sustained injuries in the initial exchange of fire and was evacuated to the Army's 92 Base "
            "Hospital in Srinagar.")
    found = incidents_of(geo, text, published=date(2024, 5, 11))
    assert "Srinagar" not in [c.location for c in found]
    alone = incidents(geo, "On Saturday, a soldier was injured in an IED blast and was evacuated to the Army's 92 "
                           "Base Hospital in Srinagar, police said.")
    assert [c.location for c in alone] == [None]
    struck = incidents(geo, "An air strike hit a hospital in Maarat al-Numan on Monday, killing three people.")
    assert [c.location for c in struck] == ["Maarat al-Numan"]


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Two Russian ballistic missiles struck the centre of Chernihiv on Wednesday, killing 17 people.",
     "Military Forces of Russia"),
    ("A Russian guided bomb hit a house in Zolochiv on Monday, killing two people.", "Military Forces of Russia"),
    ("Israel carried out air strikes in southern Lebanon on Monday, killing three Hezbollah fighters.",
     "Military Forces of Israel"),
    # the place a missile came from did not fire it
    ("A missile fired from Yemen struck a playground in Jaffa on Monday, wounding 16 people.", None),
])
def test_a_state_strikes_by_its_weapons_and_its_name(geo: Geocoder, sentence: str, actor1: str | None) -> None:
    found = incidents(geo, sentence)
    assert [c.actor1 for c in found] == [actor1]


def test_among_the_dead_are_is_part_of_the_toll(geo: Geocoder) -> None:
    """'Among the dead are a pregnant woman and three children': who the 15 were (it was one more
    incident, of one)."""
    text = ("No fewer than 15 persons have been killed when suspected armed herdsmen attacked Zike community in "
            "Bassa Local Government Area of Plateau State on Tuesday.\n"
            '"Among the dead are a pregnant woman and three children," the council chairman said.')
    found = incidents_of(geo, text, published=date(2024, 5, 21))
    assert [c.killed.low for c in found] == [15]


@pytest.mark.parametrize(("sentence", "location"), [
    ("An explosive drone struck an apartment building in central Tel Aviv on Friday, killing one man.", "Tel Aviv"),
    ("Russian missiles struck a shopping centre in central Kharkiv on Saturday, killing three people.", "Kharkiv"),
])
def test_the_centre_of_a_city_is_in_it(geo: Geocoder, sentence: str, location: str) -> None:
    """'in central Tel Aviv': no place was found (it was placed at Hodeidah, named elsewhere)."""
    found = incidents(geo, sentence)
    assert [c.location for c in found] == [location]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Somali forces have killed at least 47 al-Shabaab militants in an operation in Middle Shabelle region, the "
     "Ministry of Information said on Monday.", "Ministry of Information"),
    ("The Strategic Framework for the Defence of the People of Azawad (CSP-DPA) said it had killed dozens of "
     "soldiers near Tinzaouaten on Saturday.", "Strategic Framework for the Defence of the People of Azawad"),
])
def test_a_name_with_small_words_speaks(geo: Geocoder, sentence: str, source: str) -> None:
    """'the Ministry of Information said', 'the Strategic Framework for the Defence of the People of
    Azawad (CSP-DPA) said': names kept as written, with their small words (the claims had none)."""
    found = incidents(geo, sentence)
    assert [c.claimed_by for c in found] == [source]


def test_a_group_named_in_one_hyphenated_word_speaks(geo: Geocoder) -> None:
    """'Al-Shabaab, through its affiliated Radio Andalus, claimed that its fighters killed 61 soldiers':
    the group's own claim (a one-word name was never a speaker)."""
    found = incidents(geo, "Al-Shabaab, through its affiliated Radio Andalus, claimed that its fighters killed 61 "
                           "soldiers in the attack on the base in Lower Shabelle on Sunday.")
    assert [c.claimed_by for c in found] == ["Al-Shabaab"]


def test_a_people_names_no_place(geo: Geocoder) -> None:
    """'a Hazara neighbourhood of western Kabul': Hazara is a people (it was the place, in Kunduz)."""
    found = incidents(geo, "A suicide bomber killed six people in a Hazara neighbourhood of western Kabul on "
                           "Monday, police said.")
    assert [(c.location, c.admin1) for c in found] == [("western Kabul", "Kabul")]


def test_who_claimed_the_attack_did_it(geo: Geocoder) -> None:
    """'Al-Shabaab claimed responsibility.': the group's own claim, and the perpetrator of the incident
    the police told (it had none)."""
    text = ("A car bomb exploded outside a hotel in Mogadishu on Sunday, killing nine people, police said.\n"
            "Al-Shabaab claimed responsibility.")
    found = incidents_of(geo, text, published=date(2024, 5, 14))
    assert [(c.claimed_by, c.actor1) for c in found] == [("Police", "Al Shabaab"), ("Al Shabaab", "Al Shabaab")]


def test_armed_herders_who_strike_are_an_armed_group(geo: Geocoder) -> None:
    found = incidents(geo, "Suspected herdsmen attacked farmers near Yelwata in Guma LGA of Benue State on "
                           "Wednesday, killing five of them.")
    assert [c.actor1 for c in found] == ["Unidentified Armed Group (Nigeria)"]


def test_pakistans_army_speaks_through_its_media_wing(geo: Geocoder) -> None:
    """'the military's media wing said' in Pakistan is the Inter-Services Public Relations, as the
    army's own statements are named (it was no source, then 'Pakistani military')."""
    found = incidents(geo, "At least 23 soldiers were martyred when militants rammed an explosive-laden vehicle into "
                           "a post in Daraban in Dera Ismail Khan district on Tuesday, the military's media wing said.")
    assert [c.claimed_by for c in found] == ["Inter-Services Public Relations"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("More than 1,200 people were killed in Mali in the first three months of this year, according to the Armed "
     "Conflict Location and Event Data Project (ACLED).", "ACLED"),
    ("According to the Pakistan Institute for Conflict and Security Studies (PICSS), militant attacks in Khyber "
     "Pakhtunkhwa killed 69 security personnel in November alone.",
     "Pakistan Institute for Conflict and Security Studies"),
    ("According to the Institute of Development and Peace Studies (Indepaz), 71 social leaders have been killed "
     "in Colombia so far this year.", "Indepaz"),
])
def test_monitors_by_their_names(geo: Geocoder, sentence: str, source: str) -> None:
    """Monitors that count the dead, by their names written out or short (they were cut: 'Pakistan
    Institute', or lost)."""
    found = claims_of(geo, sentence, published=date(2023, 12, 12))
    assert [c.claimed_by for c in found] == [source]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The defence ministry put the death toll at 9, saying many people were wounded in the attack near Timbuktu.",
     "Malian Defence Ministry"),
    ("A security source put the death toll at more than 200 after the attack on Barsalogho in Burkina Faso.",
     "Burkinabe security source"),
])
def test_who_puts_the_toll_speaks(geo: Geocoder, sentence: str, source: str) -> None:
    """'The defence ministry put the death toll at 9': the ministry's claim (it had no source)."""
    found = incidents(geo, sentence)
    assert [c.claimed_by for c in found] == [source]


@pytest.mark.parametrize(("sentence", "source"), [
    # "who said" is no World Health Organization
    ("The figures were given by the provincial health minister, who said 12 people were killed in the blast in "
     "Kandahar on Monday.", "Health ministry"),
    ("At least 11 people were killed in air strikes on Maarat al-Numan on Monday, the Britain-based war monitor "
     "said.", "Syrian Observatory for Human Rights"),
    ("Islamic State claimed responsibility for the bombing in Mazar-i-Sharif on Monday, saying it had killed 20 "
     "fighters.", "Islamic State"),
    ("The Al-Qaeda-linked Al-Shabaab group claimed that it had killed 13 soldiers in Lower Shabelle on Monday.",
     "Al-Shabaab"),
])
def test_tellers_not_mistaken(geo: Geocoder, sentence: str, source: str | None) -> None:
    """'the minister, who said' had been the World Health Organization (a health minister tells for
    the health ministry); the Britain-based war monitor
    is the Observatory; 'claimed responsibility ..., saying it had killed 20' is a claim about a toll;
    'the Al-Qaeda-linked Al-Shabaab group' is the group, not its ties."""
    found = incidents(geo, sentence)
    assert [c.claimed_by for c in found] == [source]


def test_a_breakdown_with_the_wounded_is_the_same_incident(geo: Geocoder) -> None:
    """'the dead included three children and that at least 20 others were wounded': who the eleven
    were, and the wounded of the same strikes (it was a second incident of three dead)."""
    text = ("At least 11 people were killed in air strikes on Maarat al-Numan on Monday, the Syrian Observatory said.\n"
            "The Britain-based war monitor said the dead included three children and that at least 20 others were "
            "wounded, some of them critically.")
    found = incidents_of(geo, text, published=date(2024, 5, 14))
    assert [(c.killed.low, c.injured and c.injured.low, c.children_killed and c.children_killed.low)
            for c in found] == [(11, 20, 3)]


@pytest.mark.parametrize("sentence", [
    "Gunmen stormed a hotel in Kismayo on Monday, killing at least 10 people before security forces ended the "
    "siege, a local elder said.",
    "A tribal chief said 12 people were killed in the clashes in Orakzai on Monday.",
])
def test_an_elder_or_a_chief_speaks_for_the_community(geo: Geocoder, sentence: str) -> None:
    found = incidents(geo, sentence)
    assert [c.claimed_by for c in found] == ["Civil society"]


def test_a_district_of_a_city_is_in_the_city(geo: Geocoder) -> None:
    """'the Hodan district of Mogadishu': a village named Hodan 30 km out, in Middle Shabelle, is a
    namesake; the city is the place (the gazetteer lacks its district)."""
    found = incidents(geo, "A car bomb exploded near a busy market in the Hodan district of Mogadishu on Monday, "
                           "killing six people.")
    assert [(c.location, c.admin1) for c in found] == [("Hodan", "Banaadir")]


def test_attacks_in_two_provinces_are_a_count(geo: Geocoder) -> None:
    """'in attacks on farming communities in Benue and Plateau states': a count over two provinces (it
    was an incident at the first village named next)."""
    found = claims_of(geo, "Gunmen killed at least 19 people in attacks on farming communities in Benue and "
                           "Plateau states at the weekend, police said.", published=date(2024, 5, 14))
    assert [(c.scope, c.killed.low) for c in found] == [("aggregate", 19)]


def test_the_dead_were_names_who_they_were(geo: Geocoder) -> None:
    """'Fishermen said the dead were two brothers and their cousins': who the four were (it was a
    second incident of two, in the fishermen's voice)."""
    text = ("An air strike hit fishing boats near Hodeidah on Monday, killing four people, medics said.\n"
            "Fishermen in the area said the dead were two brothers and their cousins who had been preparing "
            "their boats.")
    found = incidents_of(geo, text, published=date(2024, 5, 14))
    assert [c.killed.low for c in found] == [4]


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Members of the Gran Grif gang killed at least 70 people in Pont-Sonde in Haiti on Thursday.", "Gran Grif"),
    ("KNLA troops attacked a military outpost near Hpapun in Karen State on Sunday, killing four soldiers.",
     "Karen National Union"),
    ("The Karenni Nationalities Defence Force said its fighters killed 12 junta soldiers in Demoso on Monday.",
     "Karenni Nationalities Defence Force"),
])
def test_armed_groups_by_name(geo: Geocoder, sentence: str, actor1: str) -> None:
    """Groups of the helpers' copy (data): they were unidentified, or the KNLA a name as written."""
    found = incidents(geo, sentence)
    assert [c.actor1 for c in found] == [actor1]


def test_a_compass_province_with_its_type(geo: Geocoder) -> None:
    """'Nyala, the capital of South Darfur state': South Darfur, not 'Darfur' south of something (no
    such province: a Nyala in Gezira was taken)."""
    found = incidents(geo, "Five people were killed in clashes in Nyala, the capital of South Darfur state, on "
                           "Monday.")
    assert [(c.location, c.admin1) for c in found] == [("Nyala", "Southern Darfur")]
