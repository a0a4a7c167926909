"""Kinds of claim errors seen on real news (who claims, what a denial covers), with sentences
written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch import pipeline
from conflictwatch.geo import Geocoder
from conflictwatch.models import Article
from realnews import incidents_of

incidents = partial(incidents_of, published=date(2021, 3, 12))


def test_a_claim_another_side_denies_is_still_a_claim(geo: Geocoder) -> None:
    """'..., a claim the army denied': the rebels' capture stays their claim (the database keeps
    every side's claim); the denial follows it and governs nothing before it."""
    found = incidents(geo, "South Sudanese rebels said on Friday they had seized the river town of Akobo "
                           "late on Thursday after a day of fighting, a claim the army denied.")
    assert [(c.location, c.date_start, c.claimed_by) for c in found] == [
        ("Akobo", date(2021, 3, 11), "Rebel source")]


@pytest.mark.parametrize("sentence", [
    "The army denied that rebels had seized the river town of Akobo on Thursday.",
    "The militia, which seized two villages last year, denied attacking the river town of Akobo on Thursday.",
    "Rebels could attack the river town of Akobo on Thursday, officials warned.",
])
def test_a_denial_or_a_threat_before_the_incident_word_is_no_incident(geo: Geocoder, sentence: str) -> None:
    """A hedge before the (last) incident word governs it: a denied raid, a feared attack."""
    assert incidents(geo, sentence) == []


def test_rebels_who_speak_are_a_rebel_source(geo: Geocoder) -> None:
    """'Rebels said they killed five soldiers': the side speaks for itself, as a rebel source."""
    found = incidents(geo, "Rebels said on Friday they had killed five soldiers in an ambush near Akobo "
                           "on Thursday.")
    assert [c.claimed_by for c in found] == ["Rebel source"]


@pytest.mark.parametrize(("sentence", "event_type"), [
    ("Troops and militiamen traded heavy fire near the river town of Akobo on Thursday, a witness said.",
     "Battles"),
    ("Soldiers and militants exchanged fire in the market of Akobo on Thursday, residents said.", "Battles"),
    ("The army said it had retaken control of the river town of Akobo by Thursday evening.",
     "Strategic developments"),
])
def test_exchanges_of_fire_and_a_retaking_are_incidents_without_a_toll(geo: Geocoder, sentence: str,
                                                                       event_type: str) -> None:
    """Fire traded or exchanged, and a place 'retaken', are dated incidents even with no figure."""
    found = incidents(geo, sentence)
    assert [(c.location, c.date_start, c.event_type) for c in found] == [
        ("Akobo", date(2021, 3, 11), event_type)]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("Soldiers killed four gunmen during a raid on the camp at Akobo on Thursday, the army said, as troops "
     "backed by drones and bulldozers moved through its streets.", "Armed clash"),
    ("Troops supported by helicopters killed 12 militants near Akobo on Thursday, the army said.", "Armed clash"),
    ("A drone killed four gunmen near Akobo on Thursday, the army said.", "Air/drone strike"),
])
def test_aircraft_that_back_a_ground_raid_do_not_make_it_an_air_strike(geo: Geocoder, sentence: str,
                                                                       sub_type: str) -> None:
    """'troops backed by drones', 'supported by helicopters': the raid is on the ground; a drone
    that kills is still an air strike."""
    assert [c.sub_event_type for c in incidents(geo, sentence)] == [sub_type]


def test_shelling_that_damaged_houses_is_an_incident_and_the_war_is_not(geo: Geocoder) -> None:
    """Shelling that damaged houses (or knocked out power) on a day is an incident with no toll;
    a war that 'damaged the economy' is none."""
    found = incidents(geo, "Shelling damaged three houses in the village of Krasnohorivka on Thursday, "
                           "officials said.")
    assert [(c.location, c.date_start, c.killed) for c in found] == [("Krasnohorivka", date(2021, 3, 11), None)]
    assert incidents(geo, "The war damaged the economy, officials said on Thursday.") == []


@pytest.mark.parametrize(("sentence", "source"), [
    ("The Group to Support Islam and Muslims (JNIM), the Sahel branch of al Qaeda, claimed the attack on "
     "Thursday, saying it had killed 12 soldiers.", "JNIM"),
    ("Five soldiers were killed when militants attacked an army post south of Kirkuk on Thursday, Iraq's "
     "Security Media Cell said.", "Iraqi military"),
])
def test_a_group_named_with_an_apposition_and_a_military_press_office(geo: Geocoder, sentence: str,
                                                                      source: str) -> None:
    """A group's name, acronym and apposition before 'claimed the attack' still name the
    claimant; Iraq's Security Media Cell is the Iraqi military's press office (data)."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    ("Artillery fire killed two women in Kherson on Thursday.", 2, None),
    ("Two women were wounded by artillery fire in Kherson on Thursday.", None, 2),
    ("Heavy machine-gun fire killed two farmers near Kherson on Thursday.", 2, None),
])
def test_artillery_fire_is_war_not_a_blaze(geo: Geocoder, sentence: str, killed: int | None,
                                           injured: int | None) -> None:
    """'Artillery fire' is a weapon's fire: the sentence is a claim even in a story with no other
    war word, where a factory fire's deaths are none."""
    found = incidents(geo, sentence)
    assert [(c.killed and c.killed.low, c.injured and c.injured.low) for c in found] == [(killed, injured)]
    assert incidents(geo, "A fire killed two workers at a factory in Kherson on Thursday.") == []


def test_an_official_who_wrote_on_telegram_is_the_source(geo: Geocoder) -> None:
    """'the governor wrote on Telegram', 'posted on X': officials speak in posts now."""
    found = incidents(geo, "Shelling wounded two women in Kherson on Thursday, regional governor Oleksandr "
                           "Prokudin wrote on Telegram.")
    assert [c.claimed_by for c in found] == ["Local officials"]


def test_houses_burned_with_people_killed_is_an_attack(geo: Geocoder) -> None:
    """Torching houses is property destruction when no one dies; 'set fire to the houses, killing
    three people' is an attack on the people."""
    found = incidents(geo, "The assailants set fire to the houses, killing three people in Akobo on Thursday.")
    assert [(c.event_type, c.sub_event_type) for c in found] == [("Violence against civilians", "Attack")]
    found = incidents(geo, "The assailants set fire to the houses in Akobo on Thursday.")
    assert [c.sub_event_type for c in found] == ["Looting/property destruction"]


def test_a_person_named_with_a_role_speaks_for_it_by_surname_later(geo: Geocoder) -> None:
    """'regional governor Ivan Petrenko said' then 'Petrenko now says five were killed': the second
    claim is the governor's too; a surname never named with a role is nobody's source."""
    text = ("At least three people were killed when a missile struck a market in Akobo on Thursday, "
            "regional governor Ivan Petrenko said.\n"
            "Rescuers searched the rubble through the night.\n"
            "Petrenko now says five people were killed in the strike on the market, including a girl.")
    found = incidents(geo, text)
    assert [c.claimed_by for c in found] == ["Local officials", "Local officials"], [
        (c.killed, c.claimed_by) for c in found]
    other = incidents(geo, "Hrytsenko now says five people were killed in a strike on the market in Akobo "
                           "on Thursday.")
    assert [c.claimed_by for c in other] == [None]


def test_a_vague_lede_takes_the_count_that_follows(geo: Geocoder) -> None:
    """'several people were killed', then the count of the same attack in the next sentence: one
    claim with the count; so is a later toll update, whoever tells it (the toll rose: the incident's
    toll is the new one); another source's count of the other side stays its own claim."""
    text = ("Residents said several people were killed in an attack on the village of Akobo on Thursday.\n"
            "\"Gunmen who came from the forest killed eight people,\" one resident said.")
    found = incidents(geo, text)
    assert [(c.killed and c.killed.low) for c in found] == [8]
    text = ("Residents said several people were killed in an attack on the village of Akobo on Thursday.\n"
            "The death toll had risen to eight by Friday, police said.")
    assert [(c.killed and c.killed.low) for c in incidents(geo, text)] == [8]
    text = ("The statement said troops had killed dozens of militants in fighting near Akobo on Thursday.\n"
            "The group said its fighters had killed 50 soldiers near Akobo.")
    assert len(incidents(geo, text)) == 2  # the other side's dead are not the count of these


def test_one_among_them_is_not_counted_twice(geo: Geocoder) -> None:
    """'Seven gunmen, among them a local commander, and an army officer were killed': eight dead,
    the commander being one of the seven."""
    found = incidents(geo, "Seven Palestinian gunmen, among them a local commander of Hamas's armed wing, "
                           "and an Israeli lieutenant colonel were killed in the firefight near Akobo on Thursday.")
    assert [(c.killed and c.killed.low) for c in found] == [8]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Jets struck a gathering of militants near Akobo on Thursday, neutralising dozens of them.", 24),
    ("Troops repelled an attack at Akobo on Thursday, neutralising about forty of the assailants.", 40),
])
def test_neutralising_kills(geo: Geocoder, sentence: str, killed: int) -> None:
    """The British gerund 'neutralising' (army communiqués) kills, as 'neutralised' does."""
    assert [(c.killed and c.killed.low) for c in incidents(geo, sentence)] == [killed]


def test_an_aside_about_the_speaker_bounds_nothing(geo: Geocoder) -> None:
    """'The Rwanda Defence Force (RDF), whose troops have been deployed in Cabo Delgado since 2021,
    said they had killed 12 insurgents near Mucojo': an incident near Mucojo, claimed by the RDF;
    the aside's 'since 2021' and Cabo Delgado are the force's history."""
    found = incidents(geo, "The Rwanda Defence Force (RDF), whose troops have been deployed in Cabo Delgado "
                           "since 2021 to help fight the insurgency, said on Friday that they had killed 12 "
                           "insurgents in a counter-attack near Mucojo on Thursday.")
    assert [(c.killed and c.killed.low, c.location, c.claimed_by) for c in found] == [
        (12, "Mucojo", "Rwanda Defence Force")]  # the acronym the article spells out (extract/acronyms.py)


@pytest.mark.parametrize("sentence", [
    "The coalition said it had carried out nine strikes near Akobo on Thursday, destroying fighting positions.",
    "Army helicopters dropped barrel bombs on the Hanano district on Thursday, activists said.",
    "The coalition said its aircraft had conducted 24 strikes near Akobo on Thursday.",
])
def test_strikes_carried_out_or_bombs_dropped_are_incidents(geo: Geocoder, sentence: str) -> None:
    """A coalition's 'carried out nine strikes' or helicopters that 'dropped barrel bombs' on a day
    are incidents with no toll; 'conducted a census' is none."""
    assert [c.date_start for c in incidents(geo, sentence)] == [date(2021, 3, 11)]
    assert incidents(geo, "The army conducted a census in Akobo on Thursday.") == []


def test_a_force_losing_men_in_a_fight_lost_them_dead(geo: Geocoder) -> None:
    """'were driven back, losing three men' / 'lost three men in the fighting': dead fighters; a
    farmer who 'lost three men of his family' in a story without a fight is no toll."""
    found = incidents(geo, "Separatist fighters were driven back near Akobo on Thursday, losing three men.")
    assert [(c.killed and c.killed.low) for c in found] == [3]
    # "tried to storm" is an assault, not the weather's storm
    found = incidents(geo, "Separatist fighters tried to storm army positions near Akobo on Thursday but were "
                           "driven back, losing three men.")
    assert [(c.killed and c.killed.low) for c in found] == [3]
    assert incidents(geo, "A storm killed three fishermen off Akobo on Thursday.") == []
    assert incidents(geo, "A farmer who lost three men of his family spoke to reporters in Akobo on "
                          "Thursday.") == []


def test_the_toll_of_a_fight_over_the_weekend_is_one_incident(geo: Geocoder) -> None:
    """'Fighting in the two villages killed 14 rebels and 10 militants over the weekend': the dead
    of one fight; 'Fighting in Syria killed 300 people this week' stays a weekly count."""
    found = [c for c in pipeline.process_article(Article(text=(
        "Fighting in the two villages killed 14 rebels and 10 militants over the weekend, the monitor said."),
        published=date(2021, 3, 15)), geo)]
    assert [(c.scope, c.killed and c.killed.low) for c in found] == [("incident", 24)]
    found = [c for c in pipeline.process_article(Article(text=(
        "Fighting in Syria killed 300 people this week, the monitor said."), published=date(2021, 3, 15)), geo)]
    assert [c.scope for c in found] == ["aggregate"]


def test_a_separate_strike_in_the_same_sentence_is_its_own_incident(geo: Geocoder) -> None:
    """'12 people had died in X on Thursday, and that a separate strike on Y on Wednesday night
    killed four': two incidents, each with its own place and day (it had been 16 in Y)."""
    found = incidents(geo, "The monitor said 12 people had died in al-Fardous on Thursday, and that a separate "
                           "strike on the Bab al-Nairab area on Wednesday night killed four members of one family.")
    assert [(c.killed and c.killed.low, c.location, c.date_start) for c in found] == [
        (12, "al-Fardous", date(2021, 3, 11)), (4, "Bab al-Nairab", date(2021, 3, 10))]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Israeli forces shot dead a Palestinian during a raid in Jenin on Thursday.", 1),
    ("A Syrian was killed and three Turkish soldiers were wounded in shelling near Azaz on Thursday.", 1),
    ("A Palestinian gunman killed an Israeli at a checkpoint near Nablus on Thursday, the army said.", 1),
])
def test_a_nationality_in_the_singular_is_a_victim(geo: Geocoder, sentence: str, killed: int) -> None:
    """'shot dead a Palestinian': a demonym standing as a noun is a person, one, as 'Palestinians'
    are several."""
    found = incidents(geo, sentence)
    assert [c.killed and c.killed.low for c in found] == [killed]


@pytest.mark.parametrize("sentence", [
    "A Palestinian teenager was killed by Israeli fire in Jenin on Thursday.",
    "A man was killed by regime fire in Daraa on Thursday.",
])
def test_a_sides_fire_is_not_a_blaze(geo: Geocoder, sentence: str) -> None:
    """'killed by Israeli fire': the fire a nation or a side opened, even in a story with no other
    war word; a fire that killed workers stays an accident."""
    assert [c.killed and c.killed.low for c in incidents(geo, sentence)] == [1]
    assert incidents(geo, "A fire killed four people in a market in Kano on Thursday.") == []


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("Gunmen killed at least a dozen gold miners in the Tibesti region on Saturday.", 12, None),
    ("Gunmen killed more than a dozen gold miners in the Tibesti region on Saturday.", 13, None),
    ("Gunmen killed a dozen gold miners in the Tibesti region on Saturday.", 12, 12),
])
def test_a_bound_before_a_dozen_bounds_it(geo: Geocoder, sentence: str, low: int, high: int | None) -> None:
    """'at least a dozen' is 12 or more, as 'at least 12' is; 'a dozen' alone is 12."""
    assert [(c.killed.low, c.killed.high) for c in incidents(geo, sentence) if c.killed] == [(low, high)]


def test_a_clash_between_two_sides_over_the_weekend_is_one_incident(geo: Geocoder) -> None:
    """'Clashes between two rival groups ... left a dozen dead over the weekend' is one fight's
    toll; the same words 'since Monday' or 'across the country' stay a count over a period."""
    def scopes(text: str) -> list[str]:
        return [c.scope for c in pipeline.process_article(Article(text=text, published=date(2021, 3, 15)), geo)]

    assert scopes("Clashes between two rival armed groups in the Tibesti region left 12 gold miners dead "
                  "over the weekend, the government said.") == ["incident"]
    assert scopes("Clashes across the country killed 40 people over the weekend.") == ["aggregate"]
    assert scopes("Fighting between the army and the rebels in Paletwa has killed at least 30 soldiers "
                  "since Monday, the rebels said.") == ["aggregate"]


@pytest.mark.parametrize(("sentence", "source"), [
    # no country in the words, but the geocoder puts Tibesti in Chad: Chad's government speaks
    ("Gunmen killed 12 gold miners in the Tibesti region on Saturday, a government spokesman said.",
     "Chadian government"),
    ("Gunmen killed 12 gold miners in the Qarabash region on Saturday, a government spokesman said.",
     "Government"),
    ("Gunmen killed 12 gold miners in the Tibesti region on Saturday, Chad's government spokesman said.",
     "Chadian government"),
    ("Gunmen killed 12 gold miners in the Tibesti region on Saturday, the state government said.",
     "Local officials"),
])
def test_the_government_that_speaks_is_the_countrys(geo: Geocoder, sentence: str, source: str | None) -> None:
    """'a government spokesman said' is the government's claim, of the country a possessive names;
    a state's or region's government (Nigeria's, Ethiopia's states) is not the country's: it is a
    local authority."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


def test_what_happened_after_a_hedge_is_still_a_claim(geo: Geocoder) -> None:
    """'it would send troops after gunmen killed 12': the killing is told as the reason, not hedged;
    'threatened to kill 20 hostages after the deadline' stays a threat."""
    found = incidents(geo, "The government said on Monday it would send troops to the region after gunmen "
                           "killed 12 gold miners there on Saturday.")
    assert [c.killed and c.killed.low for c in found] == [12]
    assert incidents(geo, "The rebels threatened to kill 20 hostages after the deadline passed on Saturday.") == []


@pytest.mark.parametrize(("sentence", "source"), [
    ("The toll of Saturday's twin car bombings in Mogadishu has risen to 121, Somalia's president said.",
     "Somali government"),
    ("A missile killed 12 people in Kramatorsk in the Donetsk region of Ukraine on Saturday, President "
     "Volodymyr Zelensky said.", "Ukrainian government"),
    ("A missile killed 12 people in Kramatorsk in Ukraine on Saturday, the president of the Red Cross said.",
     "ICRC"),
])
def test_a_head_of_state_speaks_for_the_government(geo: Geocoder, sentence: str, source: str) -> None:
    """'Somalia's president said': the head of state or government claims for the government of the
    country its possessive or the article names; 'the president of the Red Cross' is the Red Cross."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


def test_one_of_the_dead_is_not_the_speaker(geo: Geocoder) -> None:
    """'eight people, including a police officer, ..., witnesses said': the officer is one of the
    dead; the witnesses claim the toll."""
    found = incidents(geo, "Gang members shot dead at least eight people, including a police officer, in "
                           "Port-au-Prince on Sunday, witnesses said.")
    assert [c.claimed_by for c in found] == ["Witnesses"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Air strikes killed at least 17 people in a village in the Sagaing region on Tuesday, a local "
     "resistance group said.", "Rebel source"),
    ("Fighting in Paletwa township killed 30 soldiers on Monday, the rebel group claimed.", "Rebel source"),
    ("Ten soldiers were killed by a landmine in Yemen's Hajjah province on Tuesday, a local military source told "
     "Xinhua.", "Yemeni military"),
    ("Dozens of bodies were recovered from the rubble in western Mosul on Friday, a local councillor said.",
     "Local officials"),
    ("Troops killed 17 people in a village in the Sagaing region on Tuesday, a local said.", "Residents"),
])
def test_a_local_is_a_resident_but_a_local_group_or_official_is_not(geo: Geocoder, sentence: str,
                                                                     source: str) -> None:
    """'a local said' is a resident; 'a local resistance group', 'a local military source', 'a local
    councillor' are what the noun after 'local' says."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


@pytest.mark.parametrize("sentence", [
    "A week after the attack that killed 34 soldiers in Djibo, the army said it had killed 50 militants in raids.",
    "The army said it had killed 50 militants in raids on Monday, a week after an attack in which 34 soldiers "
    "were killed in Djibo.",
])
def test_an_earlier_events_toll_is_not_added(geo: Geocoder, sentence: str) -> None:
    """'a week after the attack that killed 34 soldiers, the army killed 50 militants': the 34 date
    the news; the toll is 50, not 84."""
    assert [c.killed and c.killed.low for c in incidents(geo, sentence)] == [50]


def test_one_operations_dead_this_week_is_an_incident(geo: Geocoder) -> None:
    """'killed 12 fighters in an operation ... early this week': one operation, not a weekly count;
    'in attacks across the province this week' stays a count."""
    def scopes(text: str) -> list[str]:
        return [c.scope for c in pipeline.process_article(Article(text=text, published=date(2021, 3, 12)), geo)]

    assert scopes("Security forces killed 12 al-Shabaab fighters in an operation in the Middle Shabelle "
                  "region early this week, state media reported.") == ["incident"]
    assert scopes("Air strikes killed 40 people in attacks across the province this week.") == ["aggregate"]


def test_a_count_since_a_campaign_began_in_a_past_month_is_kept(geo: Geocoder) -> None:
    """'312 civilians have been killed since the offensive began in October': the month is when the
    period began, so the count is an aggregate, not background dropped as a past month's news."""
    found = pipeline.process_article(Article(text=(
        "Altogether, 312 civilians have been killed in the province since the offensive began in October, "
        "the UN said."), published=date(2023, 4, 6)), geo)
    assert [(c.scope, c.killed and c.killed.low) for c in found] == [("aggregate", 312)]


def test_more_deaths_raising_a_named_attacks_toll_give_the_new_toll(geo: Geocoder) -> None:
    """'Two more soldiers died ..., raising the toll from last week's ambush to 19': the toll is 19,
    not 2, and not 21."""
    found = incidents(geo, "Two more soldiers died of their wounds on Tuesday, raising the toll from last "
                           "week's ambush near Djibo to 19, the army said.")
    assert [c.killed and c.killed.low for c in found] == [19]


def test_the_dead_officer_is_not_the_speaker(geo: Geocoder) -> None:
    """'shot dead a former army officer ..., his family said': the officer is the dead; the family
    claims it (it had been given to the army of the country)."""
    found = incidents(geo, "Taliban fighters shot dead a former army officer in Kandahar city on Tuesday, his "
                           "family said.")
    assert [c.claimed_by for c in found] == ["Relatives"]


def test_an_earlier_toll_the_new_one_replaces_is_not_added(geo: Geocoder) -> None:
    """'..., revising an earlier toll of 14': 25 killed, not 39."""
    found = incidents(geo, "At least 25 people were killed in a jihadist attack on a military post in the "
                           "village of Boni, the army said on Friday, revising an earlier toll of 14.")
    assert [c.killed and c.killed.low for c in found] == [25]


def test_several_states_are_not_dead(geo: Geocoder) -> None:
    """'one of several states where bandits have killed more than 2,000 people': 2,001 or more,
    not 2,004 (the three states had been read as three dead bandits)."""
    found = pipeline.process_article(Article(text=(
        "Katsina is one of several states in the northwest where bandits have killed more than 2,000 people "
        "since 2020, according to an Amnesty International count."), published=date(2023, 6, 12)), geo)
    assert [(c.scope, c.killed and c.killed.low) for c in found] == [("aggregate", 2001)]


def test_last_weeks_single_bombing_is_an_incident(geo: Geocoder) -> None:
    """'Last week, a suicide bomber killed six people near the embassy': one attacker, one attack
    (dated last week), not a week's count; 'Air strikes killed 40 people this week' stays a count."""
    def scopes(text: str) -> list[str]:
        return [c.scope for c in pipeline.process_article(Article(text=text, published=date(2022, 9, 14)), geo)]

    assert scopes("Last week, a suicide bomber killed six people near the Russian embassy in Kabul.") == [
        "incident"]
    assert scopes("Air strikes killed 40 people this week in Idlib, the monitor said.") == ["aggregate"]


def test_a_monitor_that_verified_a_count_claims_it(geo: Geocoder) -> None:
    """'The UN human rights office has verified 9,177 civilian deaths': verifying is how monitors
    speak; the count is the UN's."""
    found = pipeline.process_article(Article(text=(
        "The UN human rights office has verified 9,177 civilian deaths in Ukraine since the full-scale "
        "invasion began."), published=date(2023, 6, 13)), geo)
    assert [(c.scope, c.claimed_by) for c in found] == [("aggregate", "United Nations")]


def test_a_local_datelines_names_are_not_victims(geo: Geocoder) -> None:
    """'Uruapan, Michoacán.- An attack ... left a woman and her two children dead': three dead; the
    parser had read the dateline's town and state as two more."""
    found = incidents(geo, "Uruapan, Michoacán.- An armed attack against a family left a woman and her two "
                           "children dead on Monday night in the Colonia Revolución, municipal authorities "
                           "reported.")
    assert [c.killed and c.killed.low for c in found] == [3]


@pytest.mark.parametrize("sentence", [
    "The attack killed 20 people and the toll could rise, officials said.",
    "The attack killed 20 people, and the death toll is expected to rise, officials said.",
])
def test_a_toll_that_may_still_rise_is_told(geo: Geocoder, sentence: str) -> None:
    """'killed 20 people and the toll could rise': the hedge is on the toll's growth; the 20 are told
    (the claim had been dropped as hedged)."""
    assert [c.killed and c.killed.low for c in incidents(geo, sentence)] == [20]


def test_victims_who_could_not_flee_are_not_hedged(geo: Geocoder) -> None:
    """'shot dead two elderly residents who could not flee': 'could' is about the victims."""
    found = incidents(geo, "Junta soldiers set fire to more than 200 houses in a village on Friday and shot "
                           "dead two elderly residents who could not flee, locals said.")
    assert [c.killed and c.killed.low for c in found] == [2]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Five (5) persons were confirmed dead after gunmen invaded Kpata community on Wednesday, police said.",
     (5, 5)),
    ("Of the 14 dead, nine were soldiers, a security source said of the ambush near Tillia on Monday.",
     (14, 14)),
])
def test_a_number_restated_or_broken_down_is_counted_once(geo: Geocoder, sentence: str,
                                                          killed: tuple[int, int]) -> None:
    """'Five (5) persons' is five, exactly (the digits restate the words); 'Of the 14 dead, nine were
    soldiers' is 14 (nine of them), not 23."""
    assert [c.killed and (c.killed.low, c.killed.high) for c in incidents(geo, sentence)] == [killed]


def test_the_group_that_claimed_is_the_one_named_before_it(geo: Geocoder) -> None:
    """'JNIM attacked the base ..., and the group claimed it killed 20 soldiers': the group is JNIM
    (there is no monitor in the story for 'the group' to be)."""
    found = incidents(geo, "JNIM attacked the army base near Djibo on Monday, and the group claimed it killed "
                           "20 soldiers.")
    assert [(c.killed and c.killed.low, c.claimed_by) for c in found] == [(20, "JNIM")]


def test_a_nationality_before_a_noun_is_the_nouns(geo: Geocoder) -> None:
    """'dozens of Iraqi soldiers': the soldiers are the victims ('Iraqi' describes them), so the
    group's own count of the same attack stays its claim, not the other side's dead added to the
    officer's three (it had become 27)."""
    found = pipeline.process_article(Article(text=(
        "An Iraqi army officer said three soldiers were killed when a suicide bomber drove an armoured "
        "vehicle into a checkpoint near Bazwaya on Tuesday.\n"
        "Islamic State said through its Amaq news agency that its fighters had killed dozens of Iraqi "
        "soldiers in the attack, a figure that could not be verified."), published=date(2016, 10, 12)), geo)
    assert sorted(c.killed.low for c in found if c.scope == "incident" and c.killed) == [3, 24]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Shelling killed 16 shoppers in Hpakant late on Wednesday, a local rescue group said.", "Rescue workers"),
    ("Fighting killed seven fighters near Nyala on Friday, a local resistance committee said.", "Activists"),
    ("Gunmen killed 40 members of one family near Monguno on Friday, a local vigilante leader said.",
     "Residents"),
])
def test_a_local_group_speaks_as_what_it_is(geo: Geocoder, sentence: str, source: str) -> None:
    """'a local rescue group', 'a local resistance committee' (Sudan's neighbourhood committees), 'a
    local vigilante leader': each is its own kind of source, not nobody (once 'a local' became a
    resident only as a noun)."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    ("Fighting between al Shabaab and government troops near Bulo Burde on Tuesday left 27 people dead, a "
     "military officer said.", 27, None),
    ("The attack on the cattle market in Maiduguri on Tuesday left 27 people dead, two officials told Reuters.",
     27, None),
    ("The attack on the cattle market in Maiduguri on Tuesday left 27 people dead and a soldier wounded, a police "
     "officer said.", 27, 1),
    # guards: a passive report of the dead, and a victim "said to be" someone, are the dead
    ("Later on Tuesday, two more men were reported dead in Culiacan.", 2, None),
    ("Gunmen shot dead a man said to be a local commander in Culiacan on Tuesday.", 1, None),
])
def test_the_teller_after_a_toll_is_not_one_of_the_dead(geo: Geocoder, sentence: str, killed: int,
                                                        injured: int | None) -> None:
    """'left 27 people dead, a military officer said': after the comma, a person followed by a
    speech verb told the toll; counting them had given 28 (and 29 for 'two officials told')."""
    found = incidents(geo, sentence)
    assert [(c.killed.low if c.killed else None, c.injured.low if c.injured else None) for c in found] == [
        (killed, injured)]


def test_the_toll_of_an_event_days_before_is_not_this_ones(geo: Geocoder) -> None:
    """'..., three days after a suicide bomber killed seven soldiers': a span of time back to another
    event dates the news; its dead are not added (they had made 9) and its weapon is not the type."""
    found = incidents(geo, "Militants attacked a police checkpoint in North Waziristan on Tuesday night, killing "
                           "two policemen, three days after a suicide bomber killed seven soldiers in the same "
                           "district, officials said.")
    assert [(c.killed.low if c.killed else None, c.date_start) for c in found] == [(2, date(2021, 3, 9))]
    assert found[0].sub_event_type != "Suicide bomb"


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Jihadists ambushed a convoy near Boni in central Mali on Tuesday, killing eight soldiers, the army said.",
     "Unidentified Armed Group (Mali)"),
    ("Militants attacked a police checkpoint in Pakistan's North Waziristan on Tuesday, killing two policemen.",
     "Unidentified Armed Group (Pakistan)"),
    ("A Russian missile struck a school in Kharkiv in Ukraine on Tuesday, killing three people, the governor said.",
     "Military Forces of Russia"),
    ("Government drone strikes killed 19 civilians in Dedebit in Ethiopia's Tigray region on Tuesday, aid "
     "workers said.", "Military Forces of Ethiopia"),
    # the police only told of this bomb: they are its source, not who set it off
    ("A roadside bomb killed a district chief and two bodyguards in Kandahar's Maiwand district in Afghanistan "
     "on Tuesday, police said.", None),
])
def test_generic_attackers_and_weapons_name_the_side_of_the_articles_country(
        geo: Geocoder, sentence: str, actor1: str | None) -> None:
    """'Jihadists' in Mali are not Islamic State's by default (JNIM fights there too); a Russian
    missile and government drones are a state's forces; a force that only tells is no actor."""
    assert [c.actor1 for c in incidents(geo, sentence)] == [actor1]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Drone strikes killed at least 19 civilians in Dedebit in Ethiopia's Tigray region on Tuesday, two aid "
     "workers told Reuters.", "Aid workers"),
    ("Soldiers killed 11 suspected cartel gunmen in a firefight in Nuevo Laredo, Mexico, on Tuesday, the "
     "Secretariat of National Defense said.", "Mexican Defence Ministry"),
    ("Suspected Boko Haram fighters killed 12 farmers near Kwatandashi in Nigeria's Borno state on Tuesday, a "
     "militia leader told AFP.", "Residents"),
    # guard: a relief organisation's name is its own source
    ("An air strike hit a hospital in Kafr Takharim in Syria's Idlib province on Tuesday, killing four, the "
     "Union of Medical Care and Relief Organizations said.", "Union of Medical Care and Relief Organizations"),
])
def test_aid_workers_a_defence_secretariat_and_a_militia_leader_speak(geo: Geocoder, sentence: str,
                                                                      source: str) -> None:
    """Tellers that had given no source: relief staff, Mexico's defence secretariat (SEDENA) and the
    leader of a community militia (Nigeria's vigilantes)."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("Turkish jets carried out 14 strikes on Islamic State positions around Dabiq in Syria on Tuesday, killing "
     "12 militants, the Turkish military said.", "Military Forces of Turkey", "Islamic State"),
    ("Troops raided a camp in the Boni forest in Kenya's Lamu county on Tuesday, killing six al Shabaab "
     "militants, police said.", "Military Forces of Kenya", "Al Shabaab"),
    # "blamed the attack on X": X did it, it is no target
    ("Gunmen killed six villagers in Kenya's Lamu county on Tuesday, and the governor blamed the attack on al "
     "Shabaab militants.", "Unidentified Armed Group (Kenya)", "Civilians"),
])
def test_the_target_of_strikes_on_a_group_and_bare_militants(geo: Geocoder, sentence: str, actor1: str,
                                                            actor2: str | None) -> None:
    """'strikes on Islamic State positions' makes the group the target; 'militants' alone are the
    one armed group the sentence names."""
    assert [(c.actor1, c.actor2) for c in incidents(geo, sentence)] == [(actor1, actor2)]


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Kenyan troops raided a camp in the Boni forest in Lamu on Tuesday, killing six al Shabaab militants, police "
     "said.", "Military Forces of Kenya"),
    ("Burkinabe soldiers killed 12 jihadists near Djibo in Burkina Faso and Mali's border area on Tuesday.",
     "Military Forces of Burkina Faso"),
])
def test_forces_named_by_their_nationality_are_that_states(geo: Geocoder, sentence: str, actor1: str) -> None:
    """'Kenyan troops' in a story that also names a Somali group: the troops' nationality says whose
    they are, where the article's country is unclear or another."""
    assert [c.actor1 for c in incidents(geo, sentence)] == [actor1]


@pytest.mark.parametrize(("sentence", "low"), [
    ("Bandits attacked a checkpoint in Kaura Namoda in Zamfara state on Tuesday. The dead included three soldiers "
     "and a policeman, a police spokesman said.", 4),
    ("Bandits attacked a checkpoint in Kaura Namoda in Zamfara state on Tuesday. The dead included three soldiers "
     "and two vigilantes, a police spokesman said.", 5),
])
def test_the_parts_of_a_list_of_the_dead_add_up(geo: Geocoder, sentence: str, low: int) -> None:
    """'The dead included three soldiers and a policeman': at least four (it had been at least
    three: the list's first part only)."""
    found = [c for c in incidents(geo, sentence) if c.killed]
    assert [c.killed.low for c in found] == [low]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Gang members killed at least 20 people in the Cite Soleil neighbourhood of Port-au-Prince in Haiti on "
     "Tuesday, according to a human rights group.", "Activists"),
    ("Troops killed four rebels in an encounter in Abra in the Philippines on Tuesday, the Army's 24th Infantry "
     "Battalion said.", "Army's 24th Infantry Battalion"),
    ("Resistance fighters killed 11 police officers in a raid in Tamu in Myanmar on Tuesday, commanding officer "
     "Aung Min of the Tamu Defence Battalion told reporters.", "Tamu Defence Battalion"),
])
def test_rights_groups_units_and_a_person_of_an_organisation(geo: Geocoder, sentence: str, source: str) -> None:
    """'according to a human rights group'; a battalion named is its own source; 'Aung Min of the
    Tamu Defence Battalion' is the battalion (the person's name had been taken into it)."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("Two militants were killed in an encounter with security forces in Kulgam district of Kashmir in India on "
     "Tuesday, police said.", "Military Forces of India", "Unidentified Armed Group (India)"),
    ("Twelve soldiers were killed in clashes with Boko Haram in Borno state in Nigeria on Tuesday.",
     "Boko Haram", "Military Forces of Nigeria"),
    ("Gang members killed at least 20 people in Port-au-Prince in Haiti on Tuesday.",
     "Unidentified Armed Group (Haiti)", "Civilians"),
])
def test_who_the_dead_fought_is_the_other_side(geo: Geocoder, sentence: str, actor1: str, actor2: str) -> None:
    """'killed in clashes with Boko Haram': the dead are one side, the group they fought the other
    (actor1 had been empty); gang members are an armed group."""
    assert [(c.actor1, c.actor2) for c in incidents(geo, sentence)] == [(actor1, actor2)]


def test_the_dead_of_an_earlier_attack_told_in_the_passive_are_not_added(geo: Geocoder) -> None:
    """'..., a week after two policemen were killed in a similar attack': another event's dead."""
    found = incidents(geo, "A policeman guarding a polio vaccination team was shot dead in Bajaur in Pakistan on "
                           "Tuesday morning, a week after two policemen were killed in a similar attack in the "
                           "same area, police said.")
    assert [(c.killed.low, c.killed.high) for c in found if c.killed] == [(1, 1)]


def test_the_nth_such_event_this_month_is_still_an_incident(geo: Geocoder) -> None:
    """'the third such discovery this month' counts the event among others; the nine bodies found on
    Thursday are an incident, not a monthly tally."""
    found = incidents(geo, "Authorities found the bodies of nine men dumped on a highway in the Mexican state of "
                           "Zacatecas on Thursday morning, the state prosecutor's office said, the third such "
                           "discovery this month.")
    assert [(c.killed.low, c.date_start) for c in found if c.killed] == [(9, date(2021, 3, 11))]


def test_an_island_of_x_and_the_presidency(geo: Geocoder) -> None:
    """'the Lake Chad island of Barkaram' is Barkaram; 'the presidency said' is the government."""
    found = incidents(geo, "N'DJAMENA - Boko Haram fighters killed at least 40 soldiers in an overnight attack on "
                           "an army base on the Lake Chad island of Barkaram in Chad, the presidency said on "
                           "Tuesday.")
    assert [(c.location, c.claimed_by) for c in found] == [("Barkaram", "Chadian government")]


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("An Israeli strike on a car in south Lebanon on Tuesday killed two Hezbollah members, a security source "
     "said.", "Military Forces of Israel", None),
    ("At least 23 Palestinians were killed by Israeli fire in Gaza on Tuesday, the health ministry said.",
     "Military Forces of Israel", "Civilians"),
])
def test_an_israeli_strike_or_fire_is_the_israeli_militarys(geo: Geocoder, sentence: str, actor1: str,
                                                           actor2: str | None) -> None:
    """'An Israeli strike', 'killed by Israeli fire': the side that fired (not its target)."""
    found = incidents(geo, sentence)
    assert [c.actor1 for c in found] == [actor1]
    if actor2:
        assert [c.actor2 for c in found] == [actor2]


def test_state_media_telling_in_their_own_voice_are_the_source(geo: Geocoder) -> None:
    """'DAMASCUS (SANA) - Terrorists fired rockets ...' with no one quoted: SANA claims it. A wire
    such as Reuters only relays: its unattributed claims stay without a source."""
    text = ("Terrorists fired rockets on residential neighbourhoods of Aleppo in Syria on Tuesday evening, "
            "killing three civilians and injuring nine others.")
    for agency, source in (("SANA", "SANA"), ("Reuters", None)):
        art = Article(text=text, published=date(2021, 3, 12), agency=agency)
        found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
        assert [c.claimed_by for c in found] == [source]


def test_raising_a_toll_since_a_day_is_a_total_and_a_new_toll_holds_the_dead_just_told(geo: Geocoder) -> None:
    """'..., raising the death toll in Gaza since Friday to 31' is a count since Friday (it had been a
    second incident of 31); 'killed two soldiers ..., raising the toll from the attack to five' is one
    incident of five (it had been seven)."""
    text = ("Three Palestinians were killed in an Israeli air strike on a house in Khan Younis on Tuesday night, "
            "medics said, raising the death toll in Gaza since Friday to 31.")
    art = Article(text=text, published=date(2021, 3, 12))
    found = [(c.scope, c.killed.low) for c in pipeline.process_article(art, geo) if c.killed]
    assert found == [("incident", 3), ("aggregate", 31)]
    found = incidents(geo, "A rocket killed two soldiers in Kidal in Mali on Tuesday, raising the toll from the "
                           "attack to five, the army said.")
    assert [(c.killed.low, c.killed.high) for c in found] == [(5, 5)]


@pytest.mark.parametrize(("sentence", "claims"), [
    ("Police said four people died in the attack on Gwoza in Nigeria on Tuesday, while residents put the number "
     "of dead at 12.", [("Police", 4), ("Residents", 12)]),
    ("At least six people were killed in the raid on Kadisau in Nigeria on Tuesday, residents said, though police "
     "confirmed only two deaths.", [("Residents", 6), ("Police", 2)]),
])
def test_two_voices_in_one_sentence_give_two_claims(geo: Geocoder, sentence: str,
                                                    claims: list[tuple[str, int]]) -> None:
    """Two sources' tolls in one sentence are two claims, not one sum ('put the number of dead at'
    is a voice; '..., though police confirmed' is another clause): they had been 16 and 8."""
    found = incidents(geo, sentence)
    assert [(c.claimed_by, c.killed.low) for c in found if c.killed] == claims


def test_a_force_telling_of_others_dead_is_not_their_killer(geo: Geocoder) -> None:
    """'Police said four people died in the attack': the police told it; they are no actor. A force
    that tells of enemies killed ('the army said it killed 50 militants') still is one."""
    found = incidents(geo, "Police said four people died in the attack on Gwoza in Nigeria on Tuesday.")
    assert [c.actor1 for c in found] == [None]
    found = incidents(geo, "The army said it killed 50 militants in Gwoza in Nigeria on Tuesday.")
    assert [c.actor1 for c in found] == ["Military Forces of Nigeria"]


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("Half a dozen policemen were killed in an ambush in Zamfara in Nigeria on Tuesday.", 6, 6),
    ("Two dozen fighters were killed in air strikes near Menaka in Mali on Tuesday.", 24, 24),
    ("At least two dozen soldiers were killed in an attack in Menaka in Mali on Tuesday.", 24, None),
    ("Gunmen killed 2 dozen people in Menaka in Mali on Tuesday.", 24, 24),
])
def test_dozens_counted_in_words(geo: Geocoder, sentence: str, low: int, high: int | None) -> None:
    """'Half a dozen' is six (it had been twelve), 'two dozen' 24 (it had been two)."""
    assert [(c.killed.low, c.killed.high) for c in incidents(geo, sentence) if c.killed] == [(low, high)]


def test_killed_or_wounded_is_no_death_toll(geo: Geocoder) -> None:
    """'Fifteen people were killed or wounded': a casualty count that does not split the dead from
    the hurt. The incident stays, with no figure the text does not give."""
    found = incidents(geo, "Fifteen people were killed or wounded when a mortar shell landed in a crowded market "
                           "in Mogadishu in Somalia on Tuesday, police said.")
    assert [(c.killed, c.location) for c in found] == [(None, "Mogadishu")]


@pytest.mark.parametrize(("sentence", "scope"), [
    ("Militants ambushed a convoy near Oure Cassoni in Chad last week, killing six soldiers, the army said.",
     "incident"),
    ("Insurgents beheaded 11 villagers in the Muidumbe district of Mozambique's Cabo Delgado province late last "
     "week, local sources said.", "incident"),
    # guards: several events, or a campaign, in a week are a count
    ("Bandits killed 30 people in attacks on villages in Zamfara in Nigeria last week.", "aggregate"),
    ("Renewed bombing of Idlib in Syria has killed more than 150 people this week, rescue workers said.",
     "aggregate"),
])
def test_one_event_told_a_week_late_is_an_incident(geo: Geocoder, sentence: str, scope: str) -> None:
    """'ambushed a convoy ... last week, killing six': one event, dated to the week (it had been a
    weekly count); attacks in the plural, or a campaign that has killed, stay a count."""
    art = Article(text=sentence, published=date(2021, 3, 12))
    assert [c.scope for c in pipeline.process_article(art, geo) if c.killed] == [scope]


def test_one_of_the_wounded_who_died_moves_to_the_dead(geo: Geocoder) -> None:
    """'One of the wounded later died in hospital': one more dead and one fewer hurt in the incident
    just told, not a new incident of one."""
    found = incidents(geo, "An army officer and a civilian were killed and four others wounded on Tuesday when "
                           "gunmen attacked a checkpoint in Bannu in Pakistan, police said. One of the wounded "
                           "later died in hospital.")
    assert [(c.killed.low, c.injured.low if c.injured else None) for c in found if c.killed] == [(3, 3)]


def test_separatists_outside_ukraine_are_not_russian_backed(geo: Geocoder) -> None:
    """Cameroon's separatist fighters, and a separatist leader there, are not Donbas's
    'Russian-backed separatists' (actors.yaml and sources.yaml keep those to Ukraine stories)."""
    found = incidents(geo, "Separatist fighters killed four gendarmes in Bamenda in Cameroon on Tuesday, a "
                           "separatist leader said.")
    assert [(c.actor1, c.claimed_by) for c in found] == [("Unidentified Armed Group (Cameroon)", "Rebel source")]
    found = incidents(geo, "Separatists shelled Donetsk in Ukraine on Tuesday, killing two civilians, separatist "
                           "officials said.")
    assert [(c.actor1, c.claimed_by) for c in found] == [("Russian-backed separatists", "Russian-backed separatists")]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Three police officers were ambushed and killed in the town of Cajeme in Mexico's Sonora state on Tuesday.", 3),
    ("Separatists abducted and later killed a school principal in Kumbo in Cameroon on Tuesday, residents said.", 1),
    ("Gunmen killed two engineers and their driver in Gwadar in Pakistan on Tuesday, police said.", 3),
    ("Israeli air strikes on the Gaza Strip killed 15 Palestinians, including three senior Islamic Jihad "
     "commanders and several of their family members, on Tuesday, health officials said.", 15),
])
def test_coordinated_verbs_companions_and_long_breakdowns(geo: Geocoder, sentence: str, killed: int) -> None:
    """'were ambushed and killed' (the second verb is this figure's when no figure follows), 'a
    school principal', 'and their driver' count; a breakdown whose first part has a long noun
    phrase is still a part of the toll (it had been added: 18)."""
    assert [c.killed.low for c in incidents(geo, sentence) if c.killed] == [killed]


def test_a_new_toll_of_an_attack_is_dated_by_the_attack(geo: Geocoder) -> None:
    """'two more died on Tuesday, raising the death toll from Sunday's attack on the base to 13': the
    attack's toll, on Sunday (it had been Tuesday); an army source of a story with no clear country
    is a 'Military source', as written."""
    found = incidents(geo, "Two more soldiers succumbed to their injuries on Tuesday, raising the death toll from "
                           "Sunday's attack on the Kamboinse base to 13, a military source said.")
    assert [(c.killed.low, c.date_start, c.claimed_by) for c in found] == [(13, date(2021, 3, 7), "Military source")]


def test_a_second_days_dead_are_a_second_incident(geo: Geocoder) -> None:
    """'Eight people were killed on Monday and five on Tuesday': two incidents, each on its day (the
    five had been lost)."""
    found = incidents(geo, "Eight people were killed on Monday and five on Tuesday in renewed attacks by bandits "
                           "in Sabuwa in Nigeria's Katsina state, a local official said.")
    assert [(c.killed.low, c.date_start) for c in found] == [(8, date(2021, 3, 8)), (5, date(2021, 3, 9))]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Two men aged 34 and 41 were shot dead by gunmen in the town of Tame in Colombia on Tuesday, police said.", 2),
    ("Gunmen killed at least 1,000 head of cattle and three herders in Jonglei in South Sudan on Tuesday, "
     "officials said.", 3),
    ('"I counted 30 bodies," one villager in Gimbi, Ethiopia, said of the attack on Tuesday.', 30),
    ("Five soldiers embraced martyrdom when terrorists attacked a check post in Kurram district of Pakistan on "
     "Tuesday, the military said.", 5),
    ("Tens of civilians were killed in shelling of Kadugli in Sudan on Tuesday, residents said.", 20),
    ("More than a hundred people were killed in an attack on Solhan in Burkina Faso on Tuesday, the government "
     "said.", 101),
])
def test_ages_cattle_quoted_tellers_and_idioms(geo: Geocoder, sentence: str, killed: int) -> None:
    """Ages after 'aged' are no dead (34 and 41 had made 43), cattle are not people (1,003), the
    villager after a quote told the count (31); 'embraced martyrdom', 'tens of' and 'a hundred'
    are tolls (they had given none)."""
    assert [c.killed.low for c in incidents(geo, sentence) if c.killed] == [killed]


@pytest.mark.parametrize("sentence", [
    "Four aid workers were killed when their convoy was ambushed near Menaka in Mali on Tuesday, a UN spokesman "
    "told reporters in New York.",
    "Four aid workers were killed when their convoy was ambushed near Menaka in Mali on Tuesday, the UN said in "
    "a statement issued in New York.",
])
def test_where_a_source_spoke_is_not_where_it_happened(geo: Geocoder, sentence: str) -> None:
    """'told reporters in New York', 'a statement issued in New York': the city of the statement."""
    assert [(c.location, c.country) for c in incidents(geo, sentence)] == [("Menaka", "Mali")]


@pytest.mark.parametrize("text", [
    "Gunmen killed 14 people in Gidan Bawa in Nigeria's Zamfara state on Tuesday. The latest attack came barely "
    "a week after 48 villagers were killed in Bakura in the same state.",
    "Gunmen killed 14 people in Gidan Bawa in Nigeria's Zamfara state on Tuesday. It was the deadliest attack in "
    "the state since 2019, when bandits killed dozens of miners at Dansadau.",
])
def test_an_earlier_event_named_to_compare_is_no_incident_of_the_day(geo: Geocoder, text: str) -> None:
    """'a week after 48 villagers were killed', 'since 2019, when bandits killed dozens': the earlier
    event, background (each had been an incident dated with the day's attack)."""
    assert [c.killed.low for c in incidents(geo, text) if c.killed] == [14]


def test_save_the_children_and_a_port_of_x(geo: Geocoder) -> None:
    """'Save the Children said' is the charity (it had been 'Children'); 'the Red Sea port of
    Hodeida' is Hodeida (it had been the Red Sea)."""
    found = incidents(geo, "An air strike on a telecommunications building in the Red Sea port of Hodeida in "
                           "Yemen killed three children on Tuesday, Save the Children said.")
    assert [(c.location, c.claimed_by) for c in found] == [("Hodeida", "Save the Children")]


def test_the_hurt_told_next_by_the_voice_of_both_join_the_incident(geo: Geocoder) -> None:
    """'Russian shelling killed three civilians in Kupiansk ... One other person was injured, the
    governor said.': one claim of three dead and one hurt, the governor's (the hurt had been a
    claim of their own, and the dead nobody's)."""
    found = incidents(geo, "Russian shelling killed three civilians in Kupiansk in Ukraine's Kharkiv region on "
                           "Tuesday. One other person was injured, the governor said.")
    assert [(c.killed.low, c.injured.low if c.injured else None, c.claimed_by) for c in found] == [
        (3, 1, "Local officials")]


def test_a_long_appositive_after_a_source_is_no_gap(geo: Geocoder) -> None:
    """'The Syrian Observatory for Human Rights, a Britain-based monitor that tracks the war through a
    network of contacts on the ground, gave a lower figure': the Observatory speaks."""
    found = incidents(geo, "The Syrian Observatory for Human Rights, a Britain-based monitor that tracks the war "
                           "through a network of contacts on the ground, gave a lower figure, saying 16 people had "
                           "been killed in al-Shaar in Aleppo on Tuesday.")
    assert [c.claimed_by for c in found] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize("sentence", [
    "Police had earlier said that at least 22 people were killed in Owo in Nigeria on Tuesday.",
    "On Tuesday, police found the bodies of nine men in an abandoned house in Celaya in Mexico.",
])
def test_who_told_or_found_the_dead_did_not_kill_them(geo: Geocoder, sentence: str) -> None:
    """'Police had earlier said ...', 'police found the bodies': the police are no actor."""
    assert [c.actor1 for c in incidents(geo, sentence)] == [None]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Gunmen killed 12 people in Zamfara in Nigeria on Tuesday, a community leader said.", "Civil society"),
    ("Clashes killed nine people in Luuq in Somalia's Gedo region on Tuesday, elders said.", "Civil society"),
    ("The Islamic State group said in a statement on Telegram that its fighters killed 20 soldiers in Mozambique "
     "on Tuesday.", "Islamic State"),
    ("The death toll from an attack on a church in Owo in Nigeria on Tuesday has risen to 41, a state lawmaker "
     "said.", "Local officials"),
    ("Russian shelling killed three civilians in Kharkiv in Ukraine on Tuesday, Ukraine's general staff said.",
     "Ukrainian military"),
])
def test_community_leaders_elders_lawmakers_and_a_general_staff_speak(geo: Geocoder, sentence: str,
                                                                     source: str) -> None:
    """Tellers that had given no source."""
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


def test_a_dateline_left_in_the_text_holds_no_victim(geo: Geocoder) -> None:
    """'PORT-AU-PRINCE - At least 18 people ...': the PRINCE of the dateline is no one (it had made
    19); a victim right after a dateline still counts ('BACOLOD CITY - Three suspected members')."""
    found = incidents(geo, "PORT-AU-PRINCE - At least 18 people, among them three children, were killed when gangs "
                           "attacked the Cite Soleil neighbourhood of Port-au-Prince in Haiti on Tuesday, a rights "
                           "group said.")
    assert [c.killed.low for c in found if c.killed] == [18]
    found = incidents(geo, "BACOLOD CITY - Three suspected members of the New People's Army were killed in a clash "
                           "with soldiers in Negros Occidental in the Philippines on Tuesday, the army said.")
    assert [c.killed.low for c in found if c.killed] == [3]


@pytest.mark.parametrize(("sentence", "who", "actor1"), [
    ("Junta troops shot dead seven villagers in Kani Township in Myanmar's Sagaing Region on Tuesday, a local "
     "resistance force said.", "Rebel source", "Military Forces of Myanmar"),
    ("Dissidents of the former FARC guerrilla killed four indigenous guards in Toribio in Colombia's Cauca "
     "department on Tuesday, authorities said.", "Local officials", "FARC dissidents"),
    ("A Turkish drone strike killed three fighters in Sinjar in Iraq's Nineveh province on Tuesday, a local "
     "official said.", "Local officials", "Military Forces of Turkey"),
])
def test_a_resistance_force_farc_dissidents_and_turkish_drones(geo: Geocoder, sentence: str, who: str,
                                                               actor1: str) -> None:
    assert [(c.claimed_by, c.actor1) for c in incidents(geo, sentence)] == [(who, actor1)]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The army put the toll at 18 after an attack in Borno in Nigeria on Tuesday.", "Nigerian Army"),
    ("Gunmen killed 12 people in Kaduna in Nigeria on Tuesday, the state Commissioner for Internal Security, "
     "Samuel Aruwan, said.", "Local officials"),
    ("Gunmen killed 12 people in Owo in Nigeria on Tuesday, the state government said.", "Local officials"),
    ("Two soldiers were killed in Poonch in India on Tuesday, an Army spokesperson in Jammu said.",
     "Indian military source"),
])
def test_a_state_government_its_commissioner_and_an_army_spokesperson(geo: Geocoder, sentence: str,
                                                                      source: str) -> None:
    assert [c.claimed_by for c in incidents(geo, sentence)] == [source]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("He is the 71st social leader killed in Colombia so far this year, according to a rights group.", 71),
    ("Diplomats mourned the milestone of 100 dead, the death of the 100th civilian killed in protests in Sudan "
     "since the coup.", 100),
])
def test_the_nth_victim_is_a_count_of_n(geo: Geocoder, sentence: str, killed: int) -> None:
    """'the 71st social leader killed this year' counts 71 so far (it had been 1); with the round
    number told beside it ('100 dead ... the 100th civilian killed') it is the same 100, not 200."""
    art = Article(text=sentence, published=date(2021, 3, 12))
    found = [c for c in pipeline.process_article(art, geo) if c.killed]
    assert [(c.scope, c.killed.low) for c in found] == [("aggregate", killed)]


def test_wounded_who_later_died_are_dead(geo: Geocoder) -> None:
    """'Two soldiers were wounded and later died in hospital': two dead (they had been two hurt)."""
    found = incidents(geo, "Two soldiers were wounded and later died in hospital after an ambush in Kidal in Mali "
                           "on Tuesday, the army said.")
    assert [(c.killed.low if c.killed else None, c.injured) for c in found] == [(2, None)]


def test_a_toll_of_two_attacks_is_a_count(geo: Geocoder) -> None:
    """'At least 50 people were killed in two attacks in Madjoari and Djibo on Sunday and Monday': one
    toll for two events in two places on two days is a count (the spec's incident is one event, one
    place, about one day); it had been one incident."""
    art = Article(text="At least 50 people were killed in two attacks in the localities of Madjoari and Djibo in "
                       "Burkina Faso on Monday and Tuesday, the government said.", published=date(2021, 3, 12))
    assert [(c.scope, c.killed.low) for c in pipeline.process_article(art, geo) if c.killed] == [("aggregate", 50)]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A family of four, including a three-year-old girl, were killed by armed men in Culiacan in Mexico on "
     "Tuesday.", 4),
    ("The bodies of three people, two men and a woman, were found in Culiacan in Mexico on Tuesday.", 3),
    ("Armed men executed a 16-year-old and a 17-year-old in Celaya in Mexico on Tuesday.", 2),
    # guard: a list after a comma that does not add up to the figure is more dead
    ("Gunmen killed five soldiers, two policemen and a civilian in Celaya in Mexico on Tuesday.", 8),
])
def test_breakdowns_and_people_named_by_their_age(geo: Geocoder, sentence: str, killed: int) -> None:
    """'including a three-year-old girl' is one of the family (the toll had fallen to her: 1); 'three
    people, two men and a woman,' is a breakdown that adds up (it had been 6); 'a 16-year-old' is a
    person."""
    assert [c.killed.low for c in incidents(geo, sentence) if c.killed] == [killed]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Troops killed 12 bandits in Katsina in Nigeria on Tuesday, and one soldier paid the supreme price, the army "
     "said.", 13),
    ("The army said 32 rebels had been killed, 58 captured and 121 had surrendered in the Philippines since "
     "January.", 32),
])
def test_own_losses_in_communique_idiom_and_other_fates(geo: Geocoder, sentence: str, killed: int) -> None:
    """'one soldier paid the supreme price' is one more dead of the fight (it had been left out); the
    captured and the surrendered are not dead (58 captured had been added: 90)."""
    art = Article(text=sentence, published=date(2021, 3, 12))
    assert [c.killed.low for c in pipeline.process_article(art, geo) if c.killed] == [killed]


def test_a_monitors_round_up_a_day_across_a_country_and_its_unvoiced_places(geo: Geocoder) -> None:
    """'The Syrian Observatory said 14 people were killed across Syria on Monday', then 'In Daraa,
    gunmen shot dead two men in Jasim on Monday': the first is a day's count over the country (it had
    been an incident placed at Jasim), the second the Observatory's own (it had had no source)."""
    art = Article(text="BEIRUT (Reuters) - The Syrian Observatory for Human Rights said on Tuesday that 14 people "
                       "were killed across Syria on Monday.\nIn Daraa, gunmen shot dead two men in the town of "
                       "Jasim on Monday.", published=date(2021, 3, 12))
    found = [(c.scope, c.killed.low, c.claimed_by) for c in pipeline.process_article(art, geo) if c.killed]
    assert found == [("aggregate", 14, "Syrian Observatory for Human Rights"),
                     ("incident", 2, "Syrian Observatory for Human Rights")]
