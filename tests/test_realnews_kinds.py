"""Kinds of errors seen on real news (places, scraped copy), each with sentences written for the test."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch import pipeline
from conflictwatch.extract.places import find_places
from conflictwatch.geo import Geocoder
from conflictwatch.models import Article, Range
from realnews import incidents_of

incidents = partial(incidents_of, published=date(2022, 10, 17))


def test_two_countries_named_around_a_claim_the_article_decides(geo: Geocoder) -> None:
    """A camp of refugees from Myanmar, in Bangladesh: both countries are named beside the killing,
    and the rest of the story (Bangladeshi police, Bangladesh's district) says which one it is in."""
    text = ("Gunmen killed two camp leaders at Camp 9 in Bangladesh on Sunday night, blaming a group "
            "that fights the army in Myanmar.\n"
            "Police in Bangladesh said they arrested five men. The Bangladeshi police chief of the "
            "district said the camps in Bangladesh hold almost a million refugees from Myanmar.")
    found = incidents(geo, text, title="Two camp leaders killed in Bangladesh")
    camp = [c for c in found if c.location == "Camp 9"]
    assert camp and all(c.country == "Bangladesh" for c in camp), [(c.location, c.country) for c in found]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Two men were killed in Cox's Bazar on Sunday.", "Cox's Bazar"),
    ("Two men were killed in Cox’s Bazar on Sunday.", "Cox’s Bazar"),
    ("Two men were killed in Mogadishu's Hamarweyne on Sunday.", "Hamarweyne"),
])
def test_a_possessive_inside_a_place_name_is_kept(sentence: str, name: str) -> None:
    """'Cox's Bazar' is one name (data: possessive_names); 'Mogadishu's Hamarweyne' is Hamarweyne
    with its city as context (named, but never the place itself)."""
    found = find_places(sentence)
    assert [p.name for p in found if p.rank < 5] == [name]


@pytest.mark.parametrize("sentence", [
    "The leader, who had been received at the White House in 2019, was shot dead on Sunday.",
    "Militants attacked the checkpoint of the Ranger Company base in Rueso on Sunday.",
    "Troops from Divisions 77 and 101 burned the village school on Monday.",
    "Monitors in the Putin-Erdogan area reported shelling on Monday.",
    "Commandos of the C-60 force killed a rebel in the forest on Monday.",
    "Violence rose with the war between the Jalisco Nueva Generación and its rivals on Monday.",
])
def test_seats_of_power_and_army_units_are_not_places(sentence: str) -> None:
    """Seats of power, army units (and their codes), a zone named after two leaders and a cartel
    are not where anything happened."""
    names = [p.name for p in find_places(sentence)]
    assert not any(n.startswith(("White House", "Ranger", "Divisions", "Putin", "C-60", "Jalisco"))
                   for n in names), names


def test_where_a_victim_came_from_is_no_context_for_the_place(geo: Geocoder) -> None:
    """A worker from a town in Bihar, shot in a Kashmir district: the town he came from (named in
    another sentence) is not the city the district is put in."""
    text = ("A migrant worker from Bihar was shot dead by militants in Bandipora district on Thursday night, "
            "police said.\n"
            "The victim, a weaver from Madhepura in Bihar, had come to the valley in spring.")
    found = incidents(geo, text)
    assert found and found[0].location == "Bandipora", [(c.location, c.admin1) for c in found]
    assert found[0].admin1 != "Bihar", (found[0].admin1, found[0].admin2)


def test_a_place_called_a_district_is_the_district_not_a_village_of_its_name(geo: Geocoder) -> None:
    """'The western district of Sirwah' is the district of Marib province, not one of the villages
    called Sirwah near the capital where the report was filed."""
    text = ("SANAA: Coalition air strikes hit Houthi fighters in the western district of Sirwah on Sunday, "
            "killing 12 of them, a military source said.")
    found = incidents(geo, text)
    assert found and found[0].location == "Sirwah", [(c.location, c.admin1) for c in found]
    assert found[0].admin1 == "Ma'rib" and found[0].admin2 == "Sirwah", (found[0].admin1, found[0].admin2)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen came from the next region”.At least eight people were killed on Sunday.",
     ["Gunmen came from the next region”.", "At least eight people were killed on Sunday."]),
    ("The convoy was stopped on the road.The drivers were shot.",
     ["The convoy was stopped on the road.", "The drivers were shot."]),
    ("The site “Slidstvo.Info” found the men.", ["The site “Slidstvo.Info” found the men."]),
    ("He was wounded in the U.S. embassy attack.", ["He was wounded in the U.S. embassy attack."]),
])
def test_scraped_copy_with_no_space_after_a_full_stop_is_still_split(text: str, expected: list[str]) -> None:
    """Scraped pages glue sentences ('the road.The drivers'): the toll of the second sentence must
    not be read as part of the first; a dotted name is not split."""
    from conflictwatch.extract.sentences import split_sentences

    assert [s.text for s in split_sentences(text)] == expected


def test_liquidated_is_a_killing_verb(geo: Geocoder) -> None:
    """Defence ministry bulletins say their forces 'liquidated' fighters: a toll, with its bounds."""
    found = incidents(geo, "The ministry said its forces liquidated up to 40 fighters near Avdiivka on Sunday.")
    assert found and found[0].killed is not None and found[0].killed.high == 40, [c.killed for c in found]


@pytest.mark.parametrize(("sentence", "scope"), [
    ("The men confessed that they killed three farmers in Tarmiyah between 2019 and 2021, police said.",
     "aggregate"),
    ("The gang killed four traders on the highway from 2018 to 2020, the court heard.", "aggregate"),
    ("Between 1990 and 2000 people were killed in the attack on the camp on Sunday, officials said.",
     "incident"),
])
def test_a_period_of_years_is_a_count_not_an_incident(geo: Geocoder, sentence: str, scope: str) -> None:
    """Killings told over a span of years ('between 2019 and 2021') are a tally of past crimes;
    two figures that look like years but count people are still a toll."""
    found = pipeline.process_article(Article(text=sentence, published=date(2022, 11, 11)), geo)
    assert found and found[0].scope == scope, [(c.scope, c.killed) for c in found]


@pytest.mark.parametrize("sentence", [
    "Baghdad: Iraqi troops killed four militants in a raid on a hideout on Friday, the army said.",
    "Damascus - Two soldiers were killed by a roadside bomb on Friday, state media said.",
])
def test_a_dateline_opening_a_paragraph_is_not_where_it_happened(sentence: str) -> None:
    """'Baghdad: ...' names where the story was filed; the city is no place of the incident."""
    assert "Baghdad" not in [p.name for p in find_places(sentence)]
    assert "Damascus" not in [p.name for p in find_places(sentence)]
    assert [p.name for p in find_places("Fighting in Baghdad: four killed.")] == ["Baghdad"]


def test_institutions_called_bodies_are_not_the_dead(geo: Geocoder) -> None:
    """'Two bodies within the authorities' are institutions; 'two bodies in a ditch' are the dead."""
    assert not incidents(geo, "The report raises concerns about two bodies within the de facto authorities.")
    found = incidents(geo, "Police found two bodies in a ditch near Jowhar on Monday.")
    assert found and found[0].killed is not None and found[0].killed.low == 2


def test_a_people_in_the_plural_is_not_a_place() -> None:
    """'the freedoms of Afghans': a people, as 'Afghan' is, is no place in the plural."""
    assert find_places("The orders limit the rights and freedoms of Afghans, in particular women.") == []
    assert [p.name for p in find_places("Two men were killed in Kabul.")] == ["Kabul"]


@pytest.mark.parametrize(("sentence", "start", "end", "precision"), [
    ("Gunmen killed 16 people in Kano two days ago, police said.", date(2022, 5, 22), date(2022, 5, 22), 1),
    ("Gunmen killed 16 people in Kano a few days ago, police said.", date(2022, 5, 18), date(2022, 5, 22), 2),
    ("Gunmen killed 16 people in Kano a week ago, police said.", date(2022, 5, 14), date(2022, 5, 20), 2),
])
def test_days_and_weeks_ago_count_back_from_publication(
    geo: Geocoder, sentence: str, start: date, end: date, precision: int
) -> None:
    """'two days ago' is a day, 'a week ago' the days around it; the publication date (24 May) is
    not the day of an attack told as past."""
    found = pipeline.process_article(Article(text=sentence, published=date(2022, 5, 24)), geo)
    assert found and (found[0].date_start, found[0].date_end, found[0].time_precision) == (start, end, precision)
    assert found[0].date_basis == "text"


@pytest.mark.parametrize("sentence", [
    "Gunmen killed 16 people in the village three months ago, police said.",
    "Sixteen people were killed in clashes between the two gangs a month ago.",
])
def test_months_ago_is_background(geo: Geocoder, sentence: str) -> None:
    """A killing a month or more before publication is background, not the day's incident."""
    found = pipeline.process_article(Article(text=sentence, published=date(2022, 5, 24)), geo)
    assert not [c for c in found if c.scope == "incident"], [(c.scope, c.date_start) for c in found]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Seven soldiers were killed in the clash on Monday, according to CDF-Kanpetlet.", "CDF-Kanpetlet"),
    ("Troops shot dead four fighters in Lel Zin village on Monday, according to villagers.", "Residents"),
    ("Troops killed a boy in Mingin Township on Wednesday, according to a relative of the victim.", "Relatives"),
    ("He was abducted by militants and died on Monday, his father said on Wednesday.", "Relatives"),
    ("One person was killed in an air strike on Mekelle on Friday, the region's biggest hospital said.",
     "Medical sources"),
    ("Eight soldiers were killed in the raid on Monday, according to the Karenni Nationalities Defence Force.",
     "Karenni Nationalities Defence Force"),
    ("Three soldiers were killed in the ambush on Monday, Myohla-PDF said.", "Myohla-PDF"),
    ("A rebel was killed in a skirmish near Sibagat in the southern Philippines on Monday, the military here "
     "said.", "Philippine army"),
    ("An old man was killed by shrapnel from the shell on Monday, a neighbour told reporters.", "Residents"),
    ("A boy was killed in the first blast on Monday, hospitals treating the casualties said.", "Medical sources"),
    ("An 18-year-old protester was shot dead by security forces in Sanandaj on Thursday, rights groups said.",
     "Activists"),
])
def test_who_told_it(geo: Geocoder, sentence: str, source: str) -> None:
    """Sources named after 'according to' (a group's branch, an organisation with 'the', villagers,
    a relative), a victim's family and a hospital described before its verb."""
    found = incidents(geo, sentence)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


@pytest.mark.parametrize(("sentence", "source"), [
    # a person named after the verb, then the role that says whom they speak for
    ("Gunmen killed six traders near Gusau in Nigeria on Monday, said Musa Bello, a police spokesman.", "Police"),
    ("Gunmen killed six traders near Gusau in Nigeria on Monday, according to Musa Bello, the police "
     "spokesman in the state.", "Police"),
    ("Six traders were killed near Gusau in Nigeria on Monday, said Musa Bello, the local government chairman.",
     "Local officials"),
    # an officer by rank and name speaks for his country's army
    ("Two rebels died in a firefight near Mati in the Philippines on Monday, Lt. Col. Ramon Dizon told reporters.",
     "Philippine military source"),
    ("Two rebels died in a firefight near Mati in the Philippines on Monday, said Brigadier General Ramon Dizon.",
     "Philippine military source"),
    ("Colonel Ramon Dizon Santos, a spokesman for the brigade, said two rebels died in a firefight near Mati in "
     "the Philippines on Monday.", "Philippine military source"),
    # staff of a named hospital
    ("A woman was killed by the shell in Mekelle in Ethiopia on Friday, Hagos Tesfay, an official at Mekelle "
     "General Hospital, told reporters.", "Medical sources"),
    # the administration of a town or region
    ("Ivan Petrenko, head of the Local Military Administration of Korosten, said one man was killed when a "
     "shell hit a house in Ukraine on Monday.", "Local officials"),
])
def test_a_named_person_speaks_for_the_body_their_title_names(geo: Geocoder, sentence: str, source: str) -> None:
    """A named speaker's role or rank says whose claim it is: 'said X, a police spokesman', 'Lt. Col. X
    told reporters', 'an official at X Hospital'."""
    found = incidents(geo, sentence)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


@pytest.mark.parametrize("sentence", [
    # an officer among the dead is no speaker
    "Nine soldiers including Major General Ramon Dizon Santos were killed in the ambush near Mati in the "
    "Philippines on Monday, the rebels said.",
    # a retired officer in a civilian post speaks for no army
    "The governor's adviser, Colonel Ramon Dizon (retd.), said four farmers were killed near Mati in the "
    "Philippines on Monday.",
    # a group's own officer speaks for the group
    "NDFP Captain Ramon Dizon said four soldiers were killed near Mati in the Philippines on Monday.",
    # a title that is not a rank
    "Four farmers were killed near Mati in the Philippines on Monday, Secretary-General Ramon Dizon Santos said.",
])
def test_an_officer_named_in_passing_or_for_others_is_not_the_army(geo: Geocoder, sentence: str) -> None:
    found = incidents(geo, sentence)
    assert found and found[0].claimed_by != "Philippine military source", [(c.claimed_by, c.quote) for c in found]


def test_the_source_said_refers_back_to_the_last_source(geo: Geocoder) -> None:
    """'An intelligence source told reporters ... The sources said eight were killed': the sources
    of the second sentence are the one named in the first."""
    text = ("An intelligence source told reporters that fighters of the two factions clashed near Marte "
            "on Thursday.\nThe sources said that eight fighters were killed in the ambush.")
    found = incidents(geo, text)
    # (Marte is in Borno: the geocoder gives the bare "Security source" its country)
    assert found and found[-1].claimed_by == "Nigerian security source", [(c.claimed_by, c.quote) for c in found]


def test_an_armed_groups_name_holds_no_province(geo: Geocoder) -> None:
    """'The Islamic State of West African Province' is a group: its 'Province' is no place around
    the claim, in its own sentence or the next."""
    text = ("Air force jets killed 24 fighters of the Islamic State of West African Province on Sunday, "
            "the air force said.\nThe strike hit a training camp of the Islamic State of West African "
            "Province at Tumbun Hamma.")
    found = incidents(geo, text)
    assert found and not any("West Africa" in p for c in found for p in c.place_context), [
        c.place_context for c in found]


def test_a_claim_with_no_place_takes_the_district_of_the_next_sentence(geo: Geocoder) -> None:
    """'... killed scores of their fighters. The battle took place on Saturday in Dikwa local
    government area': the claim is placed in that LGA."""
    text = ("Another fierce battle between two factions of the insurgents killed scores of their "
            "fighters, a security source said.\nThe battle took place on Saturday in Dikwa local "
            "government area.")
    found = incidents(geo, text)
    assert found and found[0].location and found[0].location.startswith("Dikwa"), [
        c.location for c in found]


@pytest.mark.parametrize(("text", "group"), [
    ("A car bomb killed nine soldiers at a checkpoint in Mogadishu on Saturday, police said.\n"
     "Al Shabaab claimed responsibility for the bombing in a statement on its radio station.", "Al Shabaab"),
    ("A suicide bomber killed 14 worshippers at a mosque in Kirkuk on Friday, officials said.\n"
     "The Islamic State group later claimed responsibility through its Amaq news agency.", "Islamic State"),
])
def test_a_group_claiming_responsibility_makes_its_own_claim(geo: Geocoder, text: str, group: str) -> None:
    """'X claimed responsibility' is the group's claim on the attack just told: an incident claim
    with no figure, on the same day and place, claimed by the group."""
    found = incidents(geo, text)
    owned = [c for c in found if c.claimed_by == group]
    assert len(owned) == 1 and owned[0].killed is None, [(c.claimed_by, c.killed, c.quote) for c in found]
    assert (owned[0].date_start, owned[0].location) == (found[0].date_start, found[0].location)


def test_no_group_claiming_responsibility_is_no_claim(geo: Geocoder) -> None:
    text = ("A car bomb killed nine soldiers at a checkpoint in Mogadishu on Saturday, police said.\n"
            "No group has claimed responsibility, though Al Shabaab often attacks the city.")
    assert [c.claimed_by for c in incidents(geo, text)] == ["Police"]


def test_a_dateline_left_in_the_text_is_the_day_of_the_report_not_of_the_attack(geo: Geocoder) -> None:
    """Where the dateline stays in the body (text given directly), its date is when the story was
    filed: 'on Tuesday' counts back from it, not the dateline's day itself."""
    text = ("QUETTA, Pakistan, Oct. 13 (Reuters) - A roadside bomb killed four soldiers near Turbat on "
            "Tuesday, the army said.")
    found = incidents(geo, text)
    assert [c.date_start for c in found] == [date(2022, 10, 11)], [(c.date_start, c.quote) for c in found]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("An air strike hit a house in Saraqeb on Monday, killing a family of five, rescuers said.", 5),
    ("A family of four was killed when a shell hit their house in Donetsk on Monday, officials said.", 4),
])
def test_a_family_of_n_is_n_people(geo: Geocoder, sentence: str, killed: int) -> None:
    found = incidents(geo, sentence)
    assert found and found[0].killed == Range(killed, killed), [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize("text", [
    "Suspected militants torched six houses at Kiongwe village in Lamu on Sunday night, but no one was hurt, "
    "police said.",
    "Bandits abducted 14 travellers from a bus near Funtua in Katsina state on Monday, police said.\n"
    "No one was hurt.",
])
def test_an_incident_that_hurt_nobody_has_a_toll_of_nought(geo: Geocoder, text: str) -> None:
    """'but no one was hurt' is a toll the text gives: 0 killed and 0 injured, and 'no one' is not
    one person hurt."""
    found = incidents(geo, text)
    assert found and (found[0].killed, found[0].injured) == (Range(0, 0), Range(0, 0)), \
        [(c.killed, c.injured, c.quote) for c in found]


def test_houses_set_on_fire_are_property_destruction(geo: Geocoder) -> None:
    found = incidents(geo, "Militants torched a church and 12 houses in Kiongwe village in Lamu on Sunday, police said.")
    assert found and (found[0].event_type, found[0].sub_event_type) == (
        "Strategic developments", "Looting/property destruction"), [(c.event_type, c.quote) for c in found]


@pytest.mark.parametrize(("text", "source"), [
    # a relative clause between the speaker and the verb, however long
    ("A doctor at the main hospital in Kunduz, who asked not to be named because he was not allowed to talk "
     "to the press, said 17 bodies were brought in after the blast on Friday.", "Medical sources"),
    ("A medic at the Al-Amal Hospital, one of the few still open in the city, told reporters that 12 people "
     "were killed in the shelling of Omdurman on Monday.", "Medical sources"),
    ("Another villager, who asked not to be named for fear of reprisals, said four people were killed in the "
     "shelling of Hpruso on Monday.", "Residents"),
    # "the ministry" is the ministry named before
    ("Armenia's defence ministry said on Wednesday that 60 soldiers had been killed on the border.\n"
     "On Tuesday, the ministry had said 30 soldiers were killed when Azerbaijani troops shelled Jermuk.",
     "Armenian Defence Ministry"),
    # the country a sentence opens with owns its army
    ("Jihadists killed 12 soldiers near Tillaberi in Niger on Monday, Niger's defence ministry said. Niger's "
     "army has lost hundreds of soldiers in the west of Niger since 2019.\n"
     "In neighbouring Chad, the army said Boko Haram fighters had killed 20 soldiers on an island on Sunday.",
     "Chadian army"),
    # a group claiming an attack, with its own toll
    ("Jihadists attacked an army camp at Boni in Mali on Sunday, killing four soldiers, the army said.\n"
     "The Islamic State Sahel Province claimed responsibility for the attack, saying it had killed 30 soldiers.",
     "Islamic State Sahel Province"),
])
def test_sources_across_clauses_back_references_and_claims_of_attacks(geo: Geocoder, text: str, source: str) -> None:
    found = incidents(geo, text)
    assert found and found[-1].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


def test_attackers_also_killed_add_to_the_toll_just_given(geo: Geocoder) -> None:
    """'Two of the attackers were also killed': more dead of the same clash, same source."""
    text = ("Gunmen attacked a police checkpoint in Baquba on Monday, killing three policemen, police said.\n"
            "Two of the attackers were also killed in the exchange of fire, police said.")
    found = incidents(geo, text)
    assert [c.killed for c in found] == [Range(5, 5)], [(c.killed, c.quote) for c in found]


def test_dead_of_another_month_are_not_added(geo: Geocoder) -> None:
    text = ("Gunmen attacked a police checkpoint in Baquba on Monday, killing three policemen, police said.\n"
            "In June, a policeman was also killed in the same district.")
    found = incidents(geo, text)
    assert found and found[0].killed == Range(3, 3), [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize(("text", "source"), [
    ("The Kachin Independence Army said on Monday it had captured the town of Hpakant on Sunday.\n"
     "In a post on its Telegram channel, the group said 20 soldiers had been killed in the assault.",
     "Kachin Independence Army"),
    ("A suicide bomber killed 11 people at a police station in Dera Ismail Khan on Tuesday, police said.\n"
     "A little-known militant group, Tehreek-e-Nusrat, claimed responsibility in a message to reporters.",
     "Rebel source"),
    ("A bomb killed nine worshippers at a mosque in Kunduz on Friday, police said.\n"
     "The Islamic State group's local affiliate, known as Islamic State Khorasan, claimed responsibility.",
     "Islamic State"),
])
def test_a_group_named_before_or_unknown_to_the_data_speaks(geo: Geocoder, text: str, source: str) -> None:
    found = incidents(geo, text)
    assert found and found[-1].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


def test_a_groups_own_army_is_not_the_countrys(geo: Geocoder) -> None:
    found = incidents(geo, "The Kachin Independence Army said its fighters killed 14 soldiers near Hpakant in "
                           "Myanmar on Monday.")
    assert found and found[0].claimed_by != "Myanmar military", [(c.claimed_by, c.quote) for c in found]


def test_the_blast_after_a_suicide_bombing_is_that_bombing(geo: Geocoder) -> None:
    text = ("A suicide car bomb exploded at a checkpoint near Balad in Somalia on Thursday, killing six people, "
            "police said.\nResidents said the blast also wounded about a dozen people at a bus stop.")
    found = incidents(geo, text)
    assert [c.sub_event_type for c in found] == ["Suicide bomb", "Suicide bomb"], \
        [(c.sub_event_type, c.quote) for c in found]


def test_a_raid_by_troops_after_an_air_strike_is_on_the_ground(geo: Geocoder) -> None:
    text = ("An air strike killed three militants in Gaza City on Tuesday, the army said.\n"
            "In the West Bank, troops killed four Palestinians during a raid on the Nablus camp on Tuesday, "
            "the health ministry said.")
    found = incidents(geo, text)
    assert found and found[-1].sub_event_type == "Armed clash", [(c.sub_event_type, c.quote) for c in found]


def test_the_other_sides_dead_in_the_same_fight_add_to_the_toll(geo: Geocoder) -> None:
    """'Troops killed 30 insurgents ... Two vigilantes were killed during the encounter': one fight,
    32 dead (UCDP and ACLED count every side's dead of an event)."""
    text = ("Troops killed 30 insurgents in an assault on a camp at Kumshe in Borno state on Sunday, "
            "sources said.\nTwo vigilantes were killed during the encounter, the sources added.")
    found = incidents(geo, text)
    assert [c.killed for c in found] == [Range(32, 32)], [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize("second", [
    "Five soldiers were killed in the attack, officials said.",  # among the seven people, maybe
    "Seven villagers were killed in the attack, officials said.",  # the same dead told again
])
def test_the_same_dead_told_again_are_not_added(geo: Geocoder, second: str) -> None:
    text = "Militants killed seven people in an attack on a village near Gao in Mali on Sunday, officials said.\n"
    found = incidents(geo, text + second)
    assert found and found[0].killed == Range(7, 7), [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Three jawans of the Special Task Force were killed in an IED blast near Sukma in India on Monday.", 3),
    ("Six soldiers and two volunteers fell with arms in hand when jihadists attacked Aorema on Saturday.", 8),
    ("Five gendarmes of the Mobile Intervention Unit were killed near Mora in Cameroon on Monday.", 5),
])
def test_soldiers_by_their_local_names_and_communique_idioms(geo: Geocoder, sentence: str, killed: int) -> None:
    """'jawans' (India), 'gendarmes' (Sahel, Cameroon), 'fell with arms in hand' (army communiques
    translated from French) are the dead of a toll."""
    found = incidents(geo, sentence)
    assert found and found[0].killed == Range(killed, killed), [(c.killed, c.quote) for c in found]


def test_some_soldiers_killed_is_at_least_two(geo: Geocoder) -> None:
    """'leaving some soldiers killed': the plural is all the text says, as with 'a number of'."""
    found = incidents(geo, "Rebels attacked army positions in Kafr Nabudah village in Syria on Saturday morning, "
                           "leaving some soldiers killed and injured, the Observatory reported.")
    assert found and found[0].killed == Range(2, None), [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The militia attacked army positions south of Marib in Yemen on Saturday but failed, and lost dozens of "
     "fighters, military sources said.", Range(24, None)),
    ("The police command lost three of its officers during the gun duel in Lokoja in Nigeria on Monday, "
     "the spokesman said.", Range(3, 3)),
])
def test_a_force_that_lost_fighters_lost_them_dead(geo: Geocoder, sentence: str, killed: Range) -> None:
    found = incidents(geo, sentence)
    assert found and found[0].killed == killed, [(c.killed, c.quote) for c in found]


def test_a_witness_who_lost_a_brother_is_no_new_toll(geo: Geocoder) -> None:
    text = ("Jets bombed Hpa Lu village in Myanmar on Monday, killing five people, the KNU said.\n"
            "'We found him under the roof,' said a farmer who lost two brothers in the attack.")
    found = incidents(geo, text)
    assert [c.killed for c in found] == [Range(5, 5)], [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The bodies of nine men were found on a road outside Irapuato in Mexico on Wednesday, state prosecutors said.",
     "Prosecutors"),
    ("Rebels hacked 11 people to death in a village of Beni territory in Congo on Tuesday, a local civil society "
     "leader said.", "Civil society"),
])
def test_prosecutors_and_civil_society_count_the_dead(geo: Geocoder, sentence: str, source: str) -> None:
    found = incidents(geo, sentence)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


def test_a_possessive_country_or_province_is_a_country_cue(geo: Geocoder) -> None:
    """'in North Waziristan's Mir Ali', 'central Nigeria's Kogi state': the possessive names the
    place it belongs to, and that is evidence of the country."""
    found = incidents(geo, "Four militants were killed in an operation in North Waziristan's Mir Ali area on "
                           "Tuesday, the military said.")
    assert found and found[0].country == "Pakistan", [(c.location, c.country) for c in found]


def test_a_night_of_two_days_starts_on_the_first(geo: Geocoder) -> None:
    """'on the night of 12 to 13 April': from the 12th to the 13th (it was dated the 13th)."""
    art = Article(text="Armed men killed a village chief and his son in Kpéta in the Central African Republic "
                       "on the night of 12 to 13 April, local sources said.", published=date(2024, 4, 15))
    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert [(c.date_start, c.date_end) for c in found] == [(date(2024, 4, 12), date(2024, 4, 13))]


def test_according_to_local_authorities(geo: Geocoder) -> None:
    found = incidents(geo, "A drone struck a market in Kadugli in Sudan on Sunday, killing 12 civilians, according "
                           "to local authorities.")
    assert found and found[0].claimed_by == "Local officials", [(c.claimed_by, c.quote) for c in found]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Gunmen killed the mayor of Tlalchapa in Mexico, along with his bodyguard, on Sunday evening, police said.", 2),
    ("The commander, together with two of his escorts, was killed in an ambush near Gao in Mali on Sunday, the "
     "army said.", 3),
])
def test_people_killed_along_with_the_victim_count(geo: Geocoder, sentence: str, killed: int) -> None:
    found = incidents(geo, sentence)
    assert found and found[0].killed == Range(killed, killed), [(c.killed, c.quote) for c in found]


@pytest.mark.parametrize("sentence", [
    "During the raid on Kani in Myanmar on Monday, an old man died of exhaustion while fleeing, residents said.",
    "His wife died of natural causes in Kani in Myanmar on Monday, a neighbour said.",
])
def test_a_natural_death_is_no_killing(geo: Geocoder, sentence: str) -> None:
    assert not [c for c in incidents(geo, sentence) if c.killed], incidents(geo, sentence)


def test_people_rescued_are_not_the_dead_of_the_next_verb(geo: Geocoder) -> None:
    """'rescued 20 kidnapped villagers and neutralised two bandits': two dead, not 22."""
    found = incidents(geo, "Police said they had rescued 20 kidnapped villagers and neutralised two bandits during "
                           "a gunfight in Maru in Zamfara state on Saturday.")
    assert found and found[0].killed == Range(2, 2), [(c.killed, c.quote) for c in found]


def test_a_prosecutor_general(geo: Geocoder) -> None:
    found = incidents(geo, "Seven people were killed when a drone hit a minibus near Kherson in Ukraine on Monday, "
                           "Ukraine's prosecutor general said.")
    assert found and found[0].claimed_by == "Prosecutors", [(c.claimed_by, c.quote) for c in found]


@pytest.mark.parametrize(("text", "source"), [
    ("Israeli strikes killed 27 people in Nuseirat in Gaza on Saturday, civil defence said.",
     "Palestinian Civil Defence"),
    ("Barrel bombs killed 13 people in Aleppo in Syria on Sunday, the civil defence said.", "Syrian Civil Defence"),
    ("Two soldiers were killed in combat in southern Gaza, the military said on Sunday.", "Israeli military"),
    ("A strike killed three fighters in Nabatieh in Lebanon on Friday, Hezbollah said.", "Hezbollah"),
])
def test_whose_civil_defence_army_or_group_speaks_in_gaza_and_lebanon(geo: Geocoder, text: str, source: str) -> None:
    """'civil defence' is the civil defence of the article's country (it was always Syria's); the
    army that speaks in Gaza is Israel's (it was a 'Palestinian army')."""
    found = incidents(geo, text)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


@pytest.mark.parametrize(("text", "source"), [
    ("Fano fighters ambushed an army convoy near Debre Markos in Ethiopia on Friday, killing 14 soldiers, a Fano "
     "commander told reporters.", "Rebel source"),
    ("Taliban fighters killed three police officers in Kunduz in Afghanistan on Monday, a Taliban commander said.",
     "Taliban"),
    ("Militiamen killed eight civilians at a camp in Djugu in Congo on Tuesday, a UN source said.", "United Nations"),
])
def test_a_groups_member_speaks_for_it_and_the_dead_do_not_speak(geo: Geocoder, text: str, source: str) -> None:
    """'a Fano commander told reporters': the group's voice (a rebel source unless the sources list
    names the group); 'three police officers' killed are not the police speaking."""
    found = incidents(geo, text)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.quote) for c in found]


def test_a_list_item_on_its_own_line_is_its_own_sentence() -> None:
    """'- 13 April: ...' and '2. North Kivu: ...' under a heading: each item its own paragraph (a
    single newline before them had glued the list into one sentence); a plain wrapped line still
    continues its sentence."""
    from conflictwatch.extract.sentences import split_sentences

    text = ("Recorded incidents:\n- Two civilians killed in Abu Shouk.\n- A soldier killed in Tawila\n"
            "2. Three killed in Mellit, the\ncommittee said.")
    assert [s.text for s in split_sentences(text)] == [
        "Recorded incidents:", "- Two civilians killed in Abu Shouk.", "- A soldier killed in Tawila",
        "2. Three killed in Mellit, the\ncommittee said."]
