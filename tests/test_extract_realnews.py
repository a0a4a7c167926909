"""Real-news patterns, each on sentences written for this test (not copied from any corpus).

The kinds of errors the UCDP dev set showed: single and named victims, bodies found, running
totals and past events taken as incidents, two numbers glued into one, the day of the strike vs
the day of the report, undated incidents, stories told over several sentences, killings outside
the conflict vocabulary, nationalities taken as places.
"""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.extract import extract_claims
from conflictwatch.models import Article, Claim, Range

PUB = date(2023, 3, 16)  # a Thursday


def claims(text: str, title: str | None = None, published: date | None = PUB) -> list[Claim]:
    return extract_claims(Article(text=text, title=title, published=published))


def incidents(text: str, **kw: object) -> list[Claim]:
    return [c for c in claims(text, **kw) if c.scope == "incident"]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A police officer was shot dead at a checkpoint in Maiduguri on Tuesday.", 1),
        ("The body of a schoolteacher was found in a well outside Konduga on Monday.", 1),
        ("Militants beheaded a farmer in the village of Tungushe on Wednesday, residents said.", 1),
        ("A soldier wounded in Sunday's ambush near Kidal succumbed to his wounds on Tuesday.", 1),
        ("A young shepherd was martyred by army fire near Beit Ummar on Tuesday, the ministry said.", 1),
        ("Ahmad Karimi, 34, was shot dead outside his shop in Zahedan on Monday.", 1),
        ("A 14-year-old boy and his father were killed when a shell hit their house in Avdiivka on Monday.", 2),
        ("The bodies of six men were found dumped beside a road near Celaya on Tuesday.", 6),
        ("A mortar round struck a market in Baidoa on Wednesday, leaving three traders dead.", 3),
        ("The Mai-Mai leader detonated a grenade at the checkpoint in Beni on Monday, killing himself.", 1),
    ],
)
def test_single_named_and_listed_victims_count(text: str, killed: int) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen threatened to kill every villager who paid the army, a resident said.",
        "No one was killed in the blast at the depot in Kramatorsk on Monday, officials said.",
        "A farmer survived the attack in Guma on Tuesday, police said.",
    ],
)
def test_what_did_not_kill_gives_no_toll(text: str) -> None:
    assert all(c.killed is None for c in claims(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "The insurgency has claimed the lives of 540 people in the province since January, the monitor said.",
        "UN monitors recorded 700 civilians killed between mid-August and mid-February.",
        "The crackdown on protests has killed at least 120 people, a rights group said.",
        "As of Monday, 2,310 civilians had been killed and 9,800 arrested, the association said.",
    ],
)
def test_running_totals_and_reports_are_aggregates(text: str) -> None:
    found = claims(text)
    assert found and all(c.scope == "aggregate" for c in found), [(c.scope, c.killed) for c in found]


def test_past_events_are_background() -> None:
    assert incidents("The town was hit by an attack in 2015 that killed 150 people.") == []
    found = incidents("On January 3, gunmen killed nine people in Konduga, police said.")
    assert found == []  # two months before publication: history, not today's incident


def test_two_numbers_are_never_glued_into_one() -> None:
    found = claims("Half of the country's 22 million people have fled and more than 400,000 have been killed.")
    assert all(c.killed is None or c.killed.low < 1_000_000 for c in found)
    assert all(c.scope == "aggregate" for c in found)
    found = incidents("Troops killed 20 insurgents near Damasak on Monday, recovering two gun trucks.")
    assert found[0].killed == Range(20, 20)


def test_one_sentence_two_places_two_incidents() -> None:
    found = incidents("Jets killed 10 people in Douma and 7 in Harasta on Tuesday, the Observatory said.")
    assert [(c.killed, c.location) for c in found] == [(Range(10, 10), "Douma"), (Range(7, 7), "Harasta")]


def test_day_of_the_strike_not_of_the_report() -> None:
    [c] = incidents("The Civil Defence on Wednesday raised to 16 the toll of Tuesday's air strike on Atareb.")
    assert c.killed == Range(16, 16)
    assert c.date_start == date(2023, 3, 14) and c.date_basis == "text"
    assert c.claimed_by == "Civil Defence"  # the sentence names no country: none is assumed


def test_undated_incident_takes_the_publication_date() -> None:
    [c] = incidents("Gunmen killed two villagers in Tsafe, police said.")
    assert (c.date_start, c.date_basis, c.time_precision) == (PUB, "published", 2)
    [c] = claims("Gunmen killed two villagers in Tsafe, police said.", published=None)
    assert c.date_start is None and c.date_basis is None  # no publication date: never guessed


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("A rebel was killed in a clash with troops in the hills of Samar over the weekend.", date(2023, 3, 11)),
        ("A member of the militia was killed in a firefight near Baao early this week.", date(2023, 3, 13)),
        ("Gunmen killed a village head in Gusau last Sunday.", date(2023, 3, 12)),
        ("A farmer was hacked to death in Bokkos yesterday evening.", date(2023, 3, 15)),
        ("Troops shot dead a suspect in Ogidi on Wednesday, March 8.", date(2023, 3, 8)),
    ],
)
def test_dates_from_the_text(text: str, day: date) -> None:
    [c] = incidents(text)
    assert c.date_start == day, (text, c.date_start)


def test_a_story_lends_its_day_and_place_to_the_toll() -> None:
    text = (
        "Suspected herders attacked Umella village in Guma Local Government Area of Benue State.\n\n"
        "The attack took place on Monday night, a community leader said.\n\n"
        "Six people were killed and several houses were burnt, police said."
    )
    found = incidents(text)
    assert found[0].date_start == date(2023, 3, 13)
    toll = [c for c in found if c.killed == Range(6, 6)]
    assert toll and toll[0].location and "Umella" in toll[0].location


def test_killings_outside_the_battle_vocabulary_are_claims() -> None:
    text = "Two men were shot to death on Tuesday night outside a taco stand in Celaya, prosecutors said."
    [c] = incidents(text)
    assert c.killed == Range(2, 2) and c.location == "Celaya"
    drone = "A drone struck an apartment block in Zaporizhzhia on Thursday, killing four people."
    [c] = incidents(drone)
    assert c.killed == Range(4, 4) and c.location == "Zaporizhzhia"


def test_deaths_at_sea_or_in_floods_are_no_conflict_claims() -> None:
    text = ("Rescuers recovered the bodies of 12 migrants after their dinghy capsized off Lampedusa on "
            "Tuesday, the coast guard said.")
    assert claims(text) == []


def test_nationalities_and_groups_are_not_places() -> None:
    [c] = incidents("Ethiopian troops killed five fighters of the Oromo Liberation Army in Dembi Dolo on Monday.")
    assert c.location == "Dembi Dolo"
    [c] = incidents("The killing of Shahid Rahmani near Quetta on Monday was claimed by the BLA.")
    assert c.location == "Quetta"


def test_hospitals_and_buildings_are_not_the_location() -> None:
    [c] = incidents("A car bomb outside Al-Noor Hospital in Mosul killed three people on Monday.")
    assert c.location == "Mosul"


def test_unknown_armed_group_kept_as_written() -> None:
    [c] = incidents("Fighters of the Yesagyo Revolution Group ambushed junta troops in Myaing on Friday, "
                    "killing four soldiers.")
    assert c.actor1 == "Yesagyo Revolution Group"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # attackers are no victims, even when the parser hangs their verb on the wrong noun
        ("A crowd of about thirty youths beat to death two herders near Jos on Sunday, police said.", 2, None),
        ("Three gunmen shot dead a village chief in Zurmi on Tuesday, residents said.", 1, None),
        # a number that ends a name counts nobody
        ("Attackers killed four displaced people at Camp 12 outside Djibo on Monday.", 4, None),
        ("Soldiers of Battalion 311 killed nine insurgents near Marte on Monday, the army said.", 9, None),
        # a noun the lexicon may not know, then its own verb
        ("One soldier was killed and one park warden wounded in the raid near Garamba on Monday.", 1, 1),
    ],
)
def test_attackers_and_names_are_not_counted(text: str, killed: int, injured: int | None) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)
    assert found[0].injured == (Range(injured, injured) if injured else None), (text, found[0].injured)


def test_a_threat_to_civilian_lives_is_no_victim() -> None:
    text = "Armed groups remain a grave threat to civilian lives across the province, the governor said."
    assert all(c.killed is None for c in claims(text))


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the month of May is no hedge ("may have killed")
        ("On May 26, two soldiers were killed in an ambush near Paletwa.", 2),
        ("Early on Saturday, May 14, three farmers were shot dead outside Tuxcueca.", 3),
        # a number that opens an organisation's name counts the people after it
        ("Five Southern Transitional Council (STC) fighters were killed on Sunday when a drone hit their post "
         "near Lahij.", 5),
        # a long name before the person noun: the noun is the victim
        ("A New People's Army (NPA) guerrilla was killed in a firefight with soldiers near Kabankalan on Monday.", 1),
        ("The strike on the air-defence site near Qudsaya killed a regime second lieutenant on Wednesday.", 1),
    ],
)
def test_dates_and_names_around_the_victims(text: str, killed: int) -> None:
    found = incidents(text, published=date(2022, 6, 3))
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)


def test_may_still_hedges_in_lower_case() -> None:
    assert all(c.killed is None for c in claims("The shelling of Lysychansk may have killed 20 people, a governor said."))


def test_a_number_of_is_at_least_two() -> None:
    found = incidents("A number of soldiers were killed when rebels ambushed a convoy near Kidal on Tuesday.")
    assert found and found[0].killed == Range(2, None)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a bearing names a landmark, not the place
        ("Five policemen were killed in an attack in Iraq's Diyala province, northeast of Baghdad, on Monday.",
         "Diyala province"),
        # streets are finer than the gazetteer and share names with villages elsewhere
        ("Two men were shot dead on Monday at the corner of Pino and Cedro streets in Culiacan.", "Culiacan"),
        # a business named after its owner is no place
        ("Gunmen killed three people at the Lupita's taco stand in Celaya on Monday.", "Celaya"),
        # a command or an office is an organisation
        ("The Joint Operations Command said its forces killed four militants in Tarmiyah on Monday.", "Tarmiyah"),
    ],
)
def test_landmarks_streets_and_businesses_are_not_the_place(text: str, location: str) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].location == location, (text, found[0].location)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a type word written in capitals still types the name ("Kaduna State" is a state)
        ("Gunmen killed six villagers in Kaduna State on Monday.", ["Kaduna state"]),
        # "X Township of Y State" is a township in a state, not one long name
        ("Soldiers killed two villagers in Mindat Township of Chin State on Monday.",
         ["Mindat township", "Chin state"]),
        # "Ihiala Local government area": the district, not a place called "Ihiala Local"
        ("Four youths were shot dead in Uli, Ihiala Local government area, on Monday.", ["Uli", "Ihiala LGA"]),
    ],
)
def test_type_words_in_capitals_and_joined_places(text: str, names: list[str]) -> None:
    from conflictwatch.extract.places import find_places

    assert [p.name for p in find_places(text)] == names


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Shabelle Rescue Service said it had carried 9 bodies from the market in Afgooye on Monday.",
         "Shabelle Rescue Service"),
        ("According to the Sahel Conflict Tracker, 14 herders were killed near Djibo on Monday.",
         "Sahel Conflict Tracker"),
        ("KDSW said its fighters killed seven soldiers near Loikaw on Monday.", "KDSW"),
    ],
)
def test_unknown_organisations_speak_as_written(text: str, source: str) -> None:
    found = incidents(text)
    assert found and found[0].claimed_by == source, (text, found and found[0].claimed_by)


def test_a_wire_agency_carries_a_claim_but_does_not_make_it() -> None:
    found = incidents("AFP reported that 12 civilians were killed in Sake on Monday.")
    assert found and found[0].claimed_by is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the body and the person it belongs to are one victim
        ("Militants left the mutilated body of a 15-year-old shepherd outside his home in Sabha on Monday.", 1),
        # "identified as" names the same man; "by a member of" is the killer
        ("A trader identified only as Musa was shot dead by a member of a vigilante group in Kano on Monday.", 1),
        # a conjunct inside "members of X and its allies" is part of the organisation
        ("Three suspected members of the banned group and its armed wing were shot dead by police in Owerri "
         "on Monday.", 3),
    ],
)
def test_one_person_counted_once(text: str, killed: int) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a passive whose subject the parser hangs on "were", with the day in commas between
        ("As many as 9 kinsmen of the village head were, on Monday, brutally murdered in Agatu.", 9),
        # "the young man named X, and shot dead by Y": a participle coordinated with the noun
        ("According to relatives the shopkeeper named Habibullah, and shot dead by gunmen at a checkpoint "
         "in Chaharikar.", 1),
    ],
)
def test_passives_the_parser_bends(text: str, killed: int) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police stopped a rider in Zamora on Tuesday who was carrying the dismembered body of a man in two bags.", 1),
        ("On Monday there were three headless bodies beside the highway outside Uruapan, prosecutors said.", 3),
        ("Soldiers patrolling near Fresnillo on Sunday found two deceased men beside a burned pickup.", 2),
    ],
)
def test_a_body_in_a_state_of_violence_is_a_death(text: str, killed: int) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)


def test_the_lede_takes_the_day_of_the_details_that_follow() -> None:
    text = (
        "Resistance fighters shot dead seven junta soldiers in an ambush in Kawlin Township, Sagaing Region.\n\n"
        "On Tuesday, a resistance unit attacked a column of 40 soldiers marching from Kawlin to Wuntho, "
        "a fighter said.\n\n"
        "The column was sent to guard a convoy of fuel trucks."
    )
    found = incidents(text)
    assert found[0].killed == Range(7, 7)
    assert found[0].date_start == date(2023, 3, 14)


def test_a_sentence_about_the_attackers_tells_the_same_story() -> None:
    text = (
        "Gunmen have killed five people in an attack on Tse-Ako village in Agatu, residents said.\n\n"
        "Several houses were burnt in the attack.\n\n"
        "Residents said the assailants stormed the village at about 4 pm on Tuesday, shooting at anyone "
        "they saw."
    )
    found = incidents(text)
    assert found[0].killed == Range(5, 5)
    assert found[0].date_start == date(2023, 3, 14)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Yusuf Bello, a vigilante, was shot dead in Zurmi on Monday.", 1),
        ("A vigilante, Yusuf Bello, 41, was shot dead in Zurmi on Monday.", 1),
        ("BACOLOD CITY – A Communist Party of the Philippines-New People's Army (CPP-NPA) fighter was killed "
         "in an encounter with troops of the Army's 62nd Infantry Battalion in Isabela town on Sunday.", 1),
    ],
)
def test_named_and_described_is_one_person(text: str, killed: int) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed == Range(killed, killed), (text, found[0].killed)


def test_a_toll_issued_on_a_day_is_still_a_campaign_total() -> None:
    text = "In a toll the monitor published on Wednesday, 212 people have been killed in the crackdown on protests."
    found = claims(text)
    assert found and all(c.scope == "aggregate" for c in found)


def test_these_attacks_sum_up_earlier_ones() -> None:
    text = "According to the monitor's statistics, these attacks left 64 people dead in Deir ez-Zor this year."
    found = claims(text)
    assert found and all(c.scope == "aggregate" for c in found)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Relatives of the dead said 14 people had been arrested in Sokoto on Tuesday.", None),
        ("Police arrested 14 people after the attack in Sokoto that killed three soldiers on Tuesday.", 3),
        ("At least 20 people were killed and 14 were arrested after the clashes in Sokoto on Tuesday.", 20),
        ("Twelve people were abducted and killed by gunmen in a village near Sokoto on Tuesday.", 12),
        ("Three soldiers who detained the suspects were killed in an ambush near Sokoto on Tuesday.", 3),
    ],
)
def test_people_arrested_or_abducted_are_not_the_dead(text: str, killed: int | None) -> None:
    """Another fate (arrested, detained, abducted...) than death is no toll, unless a killing verb
    shares its subject ("were abducted and killed")."""
    tolls = {c.killed.low for c in incidents(text) if c.killed}
    assert tolls == ({killed} if killed else set()), (text, tolls)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the parser heads "a regime first lieutenant" with "regime": the person ends the phrase
        ("A rights group in London recorded the death of a young regime first lieutenant during fighting "
         "with opposition units near Kafr Halab on Tuesday.", 1),
        ("The fighting near Tadif on Tuesday claimed the life of a regime first sergeant, the monitor said.", 1),
        # a bare quantity is people: "killed dozens", "hundreds were killed"
        ("\u201cThe air strikes killed dozens and destroyed several of their vehicles on Tuesday,\u201d the "
         "officer said of the fighting in Sirwah.", 24),
    ],
)
def test_victims_the_parser_heads_with_another_word(text: str, killed: int) -> None:
    found = incidents(text)
    assert found, text
    assert found[0].killed is not None and found[0].killed.low == killed, (text, found[0].killed)


def test_a_quantity_range_is_not_summed() -> None:
    found = incidents("Dozens to hundreds of protesters were injured in Omdurman on Tuesday, medics said.")
    assert all(c.injured is None or c.injured.low in (24, 200) for c in found), [c.injured for c in found]


@pytest.mark.parametrize(
    "text",
    [
        "Hassan, an engineering student, was 21 when he died of a bullet wound at a clinic in Omdurman on "
        "Tuesday.",
        "Other marchers killed lately were 19, 24, and 15 years of age, medics in Omdurman said on Tuesday.",
    ],
)
def test_ages_are_not_tolls(text: str) -> None:
    tolls = [c.killed.low for c in incidents(text) if c.killed]
    assert all(t not in (15, 19, 21, 24) for t in tolls), (text, tolls)


def test_a_toll_after_another_day_is_that_days() -> None:
    """ "Troops shelled X on Monday ... On Tuesday soldiers shot eight villagers. Three died.": the
    short toll sentence tells of Tuesday, not of the raid before it."""
    text = (
        "Junta troops shelled the village of Nyaung Pin on Monday morning, wounding two farmers, residents "
        "said.\n\nLast month soldiers burned 70 houses in Moe Gyo.\n\n"
        "On Tuesday a column of soldiers set fire to the hamlet of Pone Pwar and shot eight men who were "
        "fighting the flames. Three died."
    )
    three = [c for c in incidents(text) if c.killed == Range(3, 3)]
    assert three and three[0].date_start == date(2023, 3, 14), [(c.killed, c.date_start) for c in incidents(text)]


def test_a_story_told_months_ago_is_background() -> None:
    """An undated toll whose story's day is months before publication is a past event, not news
    dated the day of publication."""
    text = (
        "Shelling hit the city's drama theatre on September 12, 2022, witnesses recalled this week.\n\n"
        "All three men in the cellar were killed."
    )
    assert not incidents(text)


@pytest.mark.parametrize(
    "text",
    [
        "A cartel figure named Camilo Ruiz was gunned down in Nogales, in the state of Sonora, on Tuesday.",
        "A plaza boss identified as El Gato was shot dead outside a bar in Celaya on Tuesday.",
    ],
)
def test_a_noun_followed_by_a_name_is_a_person(text: str) -> None:
    found = incidents(text)
    assert found and found[0].killed == Range(1, 1), (text, [c.killed for c in found])


def test_the_lede_takes_the_day_of_a_detail_that_repeats_its_toll() -> None:
    """An undated lede ("he was killed") and, two sentences on, the same death told with its day
    and place: one incident, on that day."""
    text = (
        "He had joined the march against the crackdown, but a bullet hit his chest and he was killed.\n\n"
        "Reza Karimi, 27, is one of the victims of the protests in the north.\n\n"
        "Reza was killed on Tuesday, March 14, in Sari, in the province of Mazandaran, his cousin said."
    )
    lede = incidents(text)[0]
    assert lede.killed is not None and lede.killed.low == 1
    assert lede.date_start == date(2023, 3, 14), lede.date_start


def test_an_earlier_death_at_the_same_place_is_another_incident() -> None:
    """A monitor recalls earlier murders in the same camp, each with one victim: the lede's death
    does not take their days."""
    text = (
        "Guards discovered a woman's corpse, shot in the head, beside the camp's water tanks, the "
        "monitor said.\n\n"
        "It was the third killing in the camp this month.\n\n"
        "On March 4, monitors reported a new murder in the camp: a displaced man was shot dead in its "
        "second sector."
    )
    lede = incidents(text)[0]
    assert lede.date_start != date(2023, 3, 4), lede.date_start


@pytest.mark.parametrize(
    "text",
    [
        "Militia depots west of Masyaf came under attack by fighter jets this evening, monitors said.",
        "Fighter jets renewed their attacks this evening, targeting depots west of Masyaf, monitors said.",
    ],
)
def test_an_attack_told_without_a_toll_is_still_an_incident(text: str) -> None:
    found = incidents(text)
    assert found and found[0].killed is None and found[0].date_start == PUB, [(c.killed, c.date_start) for c in found]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gunmen from the Santa Rosa New Era Cartel opened fire on the bar in Celaya.", ["Celaya"]),
        ("A corporal died after a clash in the Operation Steel Shield area near Zakho.", ["Zakho"]),
        ("Rebels drove the army of President Musa Dankwai out of Gwoza.", ["Gwoza"]),
        ("Police seized a Toyota Hilux pickup and an AK47 rifle from the gunmen.", []),
    ],
)
def test_groups_operations_and_people_are_not_places(text: str, names: list[str]) -> None:
    """A name holding a cartel's or an operation's word, after a person's title or before a thing's
    noun is no place."""
    from conflictwatch.extract.places import find_places

    assert [p.name for p in find_places(text)] == names


def test_a_compass_word_alone_is_not_a_place() -> None:
    from conflictwatch.extract.places import find_places

    names = [p.name for p in find_places("The offensive, code-named Storm of the South, pushed into Lodar and East Aden.")]
    assert names == ["Lodar", "East Aden"], names


@pytest.mark.parametrize(
    "text",
    [
        "The raid follows the killing of four guards in the same district last October, police said.",
        "A bomb in the market of Jowhar in January 2023 killed nine people, and the town has been tense since.",
        "In early November, militants shot dead six loggers near Beni, the army recalled.",
    ],
)
def test_a_month_long_past_is_background(text: str) -> None:
    """A month named without a day that ended weeks before publication (March 16) is a past event."""
    assert not incidents(text), [(c.killed, c.date_start, c.quote) for c in incidents(text)]


@pytest.mark.parametrize(
    ("phrase", "past"),
    [("in March", False), ("in February", False), ("in January", True), ("last March", True),
     ("in early December", True), ("in March 2022", True), ("since January", False), ("on May 26", False)],
)
def test_how_long_past_a_month_is(phrase: str, past: bool) -> None:
    """Published March 16: the month before is too close to call; two months back is background."""
    from conflictwatch.extract.scope import months_ago

    assert months_ago(f"Militants shot dead six loggers near Beni {phrase}.", Article(text="", published=PUB)) is past


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Both guards were shot dead at the gate of the mine near Kamituga on Tuesday.", 2),
        ("Police said three deceased young men were recovered from a ditch outside Uruapan on Monday.", 3),
        ("A severed head was left in a plastic cooler outside the town hall of Zamora on Monday.", 1),
        ("Passers-by filmed a stray dog carrying a severed human head through a market in Zamora.", 1),
    ],
)
def test_pairs_the_deceased_and_severed_heads_are_deaths(text: str, killed: int) -> None:
    found = incidents(text)
    assert found and found[0].killed == Range(killed, killed), (text, [c.killed for c in found])


def test_both_with_two_kinds_of_people_is_no_count_of_two() -> None:
    from conflictwatch.extract.numbers import find_figures

    assert [f.value for f in find_figures("Both gunmen died.")] == [Range(2, 2)]
    assert find_figures("Both soldiers and passers-by were hurt.") == []


def test_a_short_form_with_its_full_stop_stays_in_the_name() -> None:
    from conflictwatch.extract.places import find_places

    text = "Soldiers clashed with rebels in Barangay Sto. Rosario, Bayugan town, and near Mt. Diwata on Friday."
    assert [p.name for p in find_places(text)] == ["Barangay Sto. Rosario", "Bayugan", "Mt. Diwata"]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A father and his two sons were killed and at least four women and two boys were badly wounded "
         "when a drone hit a house in Kobo on Tuesday.", 3, 6),
        ("A pastor and his three daughters died when gunmen raided their house in Kajuru on Tuesday.", 4, None),
    ],
)
def test_a_kinsman_coordinated_with_a_count_and_a_new_clause_of_injured(
    text: str, killed: int, injured: int | None
) -> None:
    """'a father and his two sons were killed': 1 + 2; 'killed and at least four women ... were
    wounded': the women after 'and' start a clause of their own."""
    found = incidents(text)
    assert found and found[0].killed == Range(killed, killed), [c.killed for c in found]
    assert (found[0].injured.low if found[0].injured else None) == injured, found[0].injured


def test_an_official_report_is_not_a_victim() -> None:
    found = incidents("The family of Omid, shot dead in Rasht on Tuesday, has yet to get an official report on his death.")
    assert found and found[0].killed == Range(1, 1), [c.killed for c in found]


def test_a_province_named_with_a_lower_case_type_word_is_no_organisation() -> None:
    """'in Cauca department' is where; 'according to the Idlib health directorate' is who spoke."""
    from conflictwatch.extract.attribution import _org_mentions

    text = "The minister said a rebel commander had been killed in an army raid in Cauca department on Monday."
    found = incidents(text)
    assert found and found[0].location == "Cauca", [c.location for c in found]
    assert [n for _, _, n in _org_mentions("Two were hurt, according to the Idlib health directorate.")] == [
        "Idlib Health Directorate"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Investigators said 212 bodies had been exhumed from a mass grave in a pine forest outside Lyman.",
        "The monitor said the 41 bodies recovered from the prison yard on Monday have been identified as follows: "
        "23 guards and 18 inmates.",
        "Of the dead, 35 bodies remain unidentified, the forensic office said on Tuesday.",
    ],
)
def test_bodies_of_a_grave_or_a_list_are_a_count_not_an_incident(text: str) -> None:
    found = claims(text)
    assert found and all(c.scope == "aggregate" for c in found), [(c.scope, c.killed) for c in found]


def test_unidentified_bodies_found_are_still_an_incident() -> None:
    found = incidents("Two unidentified bodies were found beside a highway near Celaya on Sunday.")
    assert found and found[0].killed == Range(2, 2)


def test_a_business_name_is_not_a_place() -> None:
    """'in front of the Mary spa' names a spa, not Mary in Turkmenistan: neither a place of the
    claim nor a vote for the article's country."""
    from conflictwatch.extract.places import find_places
    from conflictwatch.geo import Geocoder
    from conflictwatch.geo.country import country_votes

    text = "Gunmen opened fire at the Lexuz bar in front of the Mary spa in Celaya, Guanajuato, on Wednesday."
    assert [p.name for p in find_places(text)] == ["Celaya", "Guanajuato"]
    votes = country_votes(Article(text=text, published=PUB), Geocoder())
    assert "TM" not in votes and votes.most_common(1)[0][0] == "MX", votes


_BUSINESS_PROBE = """
from datetime import date
from conflictwatch.extract.places import find_places
from conflictwatch.geo import Geocoder
from conflictwatch.geo.country import country_votes
from conflictwatch.models import Article
text = "Gunmen opened fire outside the Mary nightspot in Celaya on Wednesday."
votes = country_votes(Article(text=text, published=date(2022, 6, 9)), Geocoder())
print([p.name for p in find_places(text)], "TM" in votes)
"""


def test_a_users_business_word_holds_for_places_and_country_votes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The words that make a name a business are data: a word a user adds in CONFLICTWATCH_DATA
    ("nightspot") keeps "the Mary nightspot" out of the claim's places and out of the country votes
    alike (the place finder and the country votes read the one list)."""
    import os
    import subprocess
    import sys

    def probe(env_extra: dict[str, str]) -> str:
        env = {**os.environ, **env_extra}
        out = subprocess.run([sys.executable, "-c", _BUSINESS_PROBE], env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-2000:]
        return out.stdout.strip()

    assert probe({}) == "['Mary', 'Celaya'] True"  # unknown word: "Mary" after "in front of" is read as a place
    (tmp_path / "places_lexicon.yaml").write_text("business_words: [nightspot]\n", encoding="utf-8")
    assert probe({"CONFLICTWATCH_DATA": str(tmp_path)}) == "['Celaya'] False"


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("Soldiers shot dead three farmers during a raid on Kyauk Pyin village on Tuesday, residents said.",
         "Attack"),
        ("Two militiamen were killed when rebels raided an army outpost near Kalay on Tuesday.", "Armed clash"),
        ("Two women were raped and killed by troops during a raid on Nyaung Kone village on Tuesday.",
         "Sexual violence"),
        ("A raid by warplanes on the market of Kafr Nabl killed five people on Tuesday.", "Air/drone strike"),
    ],
)
def test_a_raid_is_by_land_unless_the_text_says_from_the_air(text: str, sub_event: str) -> None:
    """'during a raid on a village' is troops on foot (a shooting, a clash, rape), not an air
    strike: the bare word 'raid' counted as one."""
    found = incidents(text)
    assert found and found[0].sub_event_type == sub_event, [(c.sub_event_type, c.killed) for c in found]


def test_a_raid_in_a_story_of_air_strikes_is_one_more() -> None:
    """After Tuesday's air strikes, 'fresh raids on Wednesday' are air raids too."""
    text = ("Air strikes hit the Hamidiya district of Idlib on Tuesday, killing nine people, the Civil "
            "Defence said.\nFresh raids on Wednesday hit the market in Saraqeb, wounding at least 12 "
            "people, a rescue worker said.")
    found = incidents(text)
    assert len(found) == 2 and [c.sub_event_type for c in found] == ["Air/drone strike"] * 2, [
        (c.sub_event_type, c.injured) for c in found]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Residents said the Taliban killed two men in Farah province on Monday.",
         ("Violence against civilians", "Attack")),
        ("The bodies of five men were found inside a minibus in Juchitan on Monday.",
         ("Violence against civilians", "Attack")),
        ("Four soldiers died near Dikwa on Monday, a military source said.", ("Battles", "Armed clash")),
        ("Police and suspected cultists engaged in a shootout in Abeokuta on Monday, in which two people died.",
         ("Battles", "Armed clash")),
        ("The police commissioner of Tizapan was gunned down by hitmen on Monday.",
         ("Violence against civilians", "Attack")),
        ("A woman Maoist was killed in an encounter with security forces in Aheri on Monday.",
         ("Battles", "Armed clash")),
        ("Two soldiers died in a gunbattle with bandits near Zurmi on Monday.", ("Battles", "Armed clash")),
        ("A peshmerga fighter was killed in an Iranian strike on Koya on Monday.",
         ("Explosions/Remote violence", "Air/drone strike")),
    ],
)
def test_an_incident_with_a_toll_always_has_an_event_type(text: str, event: tuple[str, str]) -> None:
    """ACLED codes every event: with no word for how it happened, who died decides (soldiers: a
    clash; anyone else: an attack on civilians); a shootout or gun duel is a clash."""
    found = incidents(text)
    assert found and (found[0].event_type, found[0].sub_event_type) == event, [
        (c.event_type, c.sub_event_type, c.killed) for c in found]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Gunmen killed three policemen in Kogi state on Saturday, an official said.", "Local officials"),
        ("Security forces shot dead four insurgents near Turbat on Tuesday, authorities said.", "Local officials"),
        ("Two bodies arrived at the hospital after a drone strike on Mekelle on Tuesday, the hospital said.",
         "Medical sources"),
        ("Soldiers killed two farmers in Kyauk Pyin on Tuesday, villagers said.", "Residents"),
        ("Gindiri district administrator, Musa Bala, said five herders were killed on Tuesday.", "Local officials"),
        ("A security source said five soldiers were killed near Kidal on Tuesday.", "Malian security source"),
        ("The chairman of Bokkos LGA, Ali Yakubu, said that four farmers were killed on Tuesday.", "Local officials"),
    ],
)
def test_unnamed_officials_hospitals_and_villagers_are_sources(text: str, source: str) -> None:
    """'an official said', 'authorities said', 'the hospital said', 'villagers said' name who
    claims the toll without a name: the kinds the gold sets use."""
    found = incidents(text)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.killed) for c in found]


@pytest.mark.parametrize(
    "text",
    [
        "The three captured rebels were handed over to the police in Catarman on Tuesday.",
        "Arms and ammunition were seized from the soldiers on Tuesday near Loikaw.",
        "The gunmen then entered the bar in Celaya on Tuesday and opened fire.",
        "The army seized power in a coup on Tuesday, officials said.",
    ],
)
def test_seizing_people_arms_power_or_a_bar_is_no_territory(text: str) -> None:
    """A capture is of ground: a village, a base, a named place. Captured rebels, seized weapons,
    a seizure of power or gunmen entering a bar change no territory."""
    assert not [c for c in incidents(text) if c.event_type == "Strategic developments"], [
        (c.sub_event_type, c.quote) for c in incidents(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured the town of Kyaukme on Tuesday.",
        "Government forces took control of al-Awijeh on Tuesday.",
        "In Damascus, the army said its troops had recaptured by Tuesday evening all the positions they had lost in Jobar.",
        "Militants stormed Rutba before dawn on Tuesday.",
    ],
)
def test_a_capture_of_ground_is_still_territory(text: str) -> None:
    found = incidents(text)
    assert found and found[0].event_type == "Strategic developments", [(c.sub_event_type, c.quote) for c in found]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a Congo story: the army the adjective names, not the country's own
        ("Five soldiers were killed near Beni in North Kivu on Tuesday, the Ugandan army said.", "Ugandan army"),
        ("Five soldiers were killed near Beni in North Kivu on Tuesday, the army said.", "Congolese army"),
        # "the military said": the country's army, as "the army said" is
        ("Five insurgents were killed near Dikwa in Borno state on Tuesday, the military said.", "Nigerian Army"),
        ("Rwandan troops killed five fighters near Goma on Tuesday, the Rwandan military said.", "Rwandan army"),
        ("Six rebels were killed in Arauca on Friday, the Colombian defense minister said on Saturday.",
         "Colombian Defence Ministry"),
        ("A Turkish soldier was killed near Tal Abyad on Tuesday, the Turkish Defence Ministry announced.",
         "Turkish Defence Ministry"),
    ],
)
def test_an_army_is_the_one_its_adjective_names(text: str, source: str) -> None:
    found = incidents(text)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.killed) for c in found]


def test_a_toll_of_weeks_of_fighting_is_a_count_but_a_three_day_battle_an_incident() -> None:
    """'The death toll from a week of fighting in Khartoum rose to 413' sums many days; 'killed in
    the three days of fighting' for a town is one battle."""
    week = claims("The death toll from a week of fighting in Khartoum rose to 413, the health ministry said.")
    assert week and all(c.scope == "aggregate" for c in week), [(c.scope, c.killed) for c in week]
    battle = claims("An army officer said 12 militants had been killed in the three days of fighting for Qaim.")
    assert battle and battle[0].scope == "incident", [(c.scope, c.killed) for c in battle]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On 9th March 2023, troops captured the Boga airfield from the rebels.", date(2023, 3, 9)),
        ("Troops killed five rebels near Boga on the 12th of March, the army said.", date(2023, 3, 12)),
    ],
)
def test_a_day_written_with_an_ordinal_is_read(text: str, day: date) -> None:
    found = incidents(text)
    assert found and found[0].date_start == day and found[0].date_basis == "text", [
        (c.date_start, c.date_basis) for c in found]


@pytest.mark.parametrize(
    "text",
    [
        "In June, a bank manager and a labourer were shot dead by militants in Kulgam.",
        "In June 2021, rebels recaptured most of Tigray in a surprise comeback.",
        "It was on 23rd August 2021 at around 4am when the rebels abducted my family in Boga.",
    ],
)
def test_a_month_long_past_opening_a_sentence_is_background(text: str) -> None:
    """A sentence that opens with a month long past ('In June' in a March report), and a capture
    told with one, are background like 'last September' is."""
    assert not incidents(text), [(c.scope, c.killed, c.date_start) for c in incidents(text)]


def test_a_count_over_two_named_months_stays_a_count() -> None:
    found = claims("In January and February, 57 soldiers died in nine clashes along the road to Kanpetlet.")
    assert found and found[0].scope == "aggregate" and found[0].killed == Range(57, 57)


def test_a_plane_landing_is_no_incident_a_shell_landing_is() -> None:
    plane = incidents("On Monday, an air force plane carrying 300 soldiers, as well as drones, landed at Kyaukhtu "
                      "Airport on the border of Chin State and Magwe Region, a resistance fighter said.")
    assert not plane, [(c.sub_event_type, c.quote) for c in plane]
    shell = incidents("On Monday a shell landed on a school in Kharkiv's Saltivka district.")
    assert shell and shell[0].event_type == "Explosions/Remote violence", [(c.sub_event_type, c.quote) for c in shell]


def test_the_day_of_a_date_is_no_toll() -> None:
    """'said in a statement on 30 March that the attack killed militiamen': 30 is a day; 'in May 12
    people died' still counts twelve."""
    text = ("Gunmen killed 26 people in Bosat district on Sunday, residents said.\nThe regional government "
            "said in a statement on 30 March that the attack killed militiamen and federal police.")
    assert [c.killed for c in incidents(text, published=date(2023, 4, 2))] == [Range(26, 26)]
    from conflictwatch.extract.numbers import find_figures

    assert [f.value for f in find_figures("In May 12 people died in Gao.")] == [Range(12, 12)]
    assert find_figures("The army said on March 30, 2022 that the attack killed militiamen.") == []


def test_a_weapons_model_or_a_coded_group_is_no_place() -> None:
    """'seized a KG9 semi-automatic firearm', 'AK47 rifles', 'M23 rebels': letters and digits in
    one word name a model or a group, not a place."""
    from conflictwatch.extract.places import find_places

    assert find_places("The soldiers also seized a KG9 semi-automatic firearm and two AK47 rifles.") == []
    assert [p.name for p in find_places("M23 rebels seized Bunagana on Monday.")] == ["Bunagana"]


def test_a_numbered_camp_keeps_its_number() -> None:
    """'killed at Camp 13': the Cox's Bazar camps are known by number; 'Camp' alone names none."""
    from conflictwatch.extract.places import find_places

    assert [p.name for p in find_places("The two Rohingya leaders were killed at Camp 13 on Saturday.")] == ["Camp 13"]


@pytest.mark.parametrize(
    "text",
    [
        "Five people died in a road accident near Kano on Monday, police said.",
        "A five-year-old girl died in a hit-and-run incident with a police vehicle on Monday.",
    ],
)
def test_an_accident_is_not_coded_as_an_attack(text: str) -> None:
    """The default type for a toll with no event word (an attack on civilians) is not given to a
    road accident or a hit-and-run."""
    assert all(c.event_type is None for c in incidents(text)), [(c.sub_event_type, c.killed) for c in incidents(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A drone attack killed four fighters in Ain Issa on Tuesday, the Asayish said.", "Asayish"),
        ("Four civilians were killed in Avdiivka on Tuesday, the Kremlin said.", "Kremlin"),
        # a place after "in the" is no speaker
        ("An analyst in the LakeChad reported that five fighters were killed on Tuesday.", None),
    ],
)
def test_a_name_with_the_that_speaks_is_a_source_as_written(text: str, source: str | None) -> None:
    """'the Asayish said': a name with an article before it that speaks is an institution or a
    group the data files do not know, kept as written (a person has no article)."""
    found = incidents(text)
    assert found and found[0].claimed_by == source, [(c.claimed_by, c.killed) for c in found]
