"""Kinds of errors seen on real news, fifth round: found on articles that helper sessions wrote in
the styles of Latin American crime copy, Nigerian and Pakistani dailies, monitors' bulletins, agency
briefs, Sudanese and Congolese local copy and Indian wires. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch.geo import Geocoder
from realnews import claims_of, incidents_of

PUBLISHED = date(2023, 9, 13)  # a Wednesday
incidents = partial(incidents_of, published=PUBLISHED)


def test_a_district_of_a_capital_named_by_its_country_is_in_that_capital(geo: Geocoder) -> None:
    """'the Mezzeh district of the Syrian capital': a quarter the gazetteer lacks is in Damascus, not
    a loose namesake in a neighbour the story also names (it went to northern Israel)."""
    text = ("Israel struck a building in Damascus on Tuesday, Iran said, vowing revenge on Israel.\n\n"
            "The missiles hit a house in the Mezzeh district of the Syrian capital, killing six people, "
            "state media said.")
    assert [(c.country, c.admin1) for c in incidents(geo, text)] == [("Syria", "Damascus")]


def test_how_some_of_the_dead_died_is_no_new_toll(geo: Geocoder) -> None:
    """'Six of the victims were beheaded, a police officer said': a part of the toll just told, in
    another voice; it was a second incident of six."""
    text = ("At least 27 inmates were killed in a riot at the central prison on Sunday, the prison service "
            "said on Tuesday.\n\n"
            "Six of the victims were beheaded, a police officer said on condition of anonymity.")
    assert [c.killed.low for c in incidents(geo, text)] == [27]


def test_a_victim_named_in_commas_after_the_noun_is_one_person(geo: Geocoder) -> None:
    """'a soldier, Sepoy Imran Khan, embraced shahadat': the rank and name are the soldier's (the
    sentence gave nothing, or counted him twice beside the militants)."""
    alone = incidents(geo, "A soldier, Sepoy Imran Khan, embraced shahadat during the raid in Tank "
                           "on Monday, the military said.")
    beside = incidents(geo, "Three militants were killed while a soldier, Lance Naik Arif Shah, embraced "
                            "shahadat in the exchange of fire in Tank on Monday, the military said.")
    assert [c.killed.low for c in alone] == [1]
    assert [c.killed.low for c in beside] == [4]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    # weapons listed with the bodies are not more dead
    ("Soldiers recovered four bodies along with six high-powered firearms after the clash on Tuesday.", 4, None),
    # the person who spoke after 'said' is not one more hurt
    ('"Nine bodies came to us on Tuesday. Another 14 people are being treated," said a nurse at the '
     "district hospital.", 9, 14),
    # a group described with a person's noun ('volunteer') is no victim
    ("The camp committee, a local volunteer group, gave a higher toll on Tuesday, saying 19 people were "
     "killed in the shelling.", 19, None),
    # a paper's name in an agency-style dateline is no victim either
    ("Sukma, Mar 14 (The Daily Courier): Five Maoists, including a woman, were killed in an encounter "
     "with security forces on Tuesday.", 5, None),
])
def test_numbers_and_people_beside_a_toll_that_are_not_dead(geo: Geocoder, text: str, killed: int,
                                                           injured: int | None) -> None:
    found = claims_of(geo, text, published=PUBLISHED)
    assert [c.killed.low for c in found if c.killed] == [killed]
    assert [c.injured.low for c in found if c.injured] == ([injured] if injured else [])


def test_the_event_that_opened_a_count_adds_no_dead_to_it(geo: Geocoder) -> None:
    """'28,473 killed since Oct. 7, when gunmen attacked Israel, killing 1,200': two numbers of two
    things (they were added into one count of 29,673)."""
    found = claims_of(geo, "The ministry said at least 31,184 Palestinians have been killed in Gaza since "
                           "Oct. 7, when Hamas-led gunmen attacked southern Israel, killing 1,200 people.",
                      published=date(2024, 3, 13))
    assert [c.killed.low for c in found] == [31184]


def test_a_quote_or_a_reaction_that_retells_the_dead_is_no_new_claim(geo: Geocoder) -> None:
    """'he succumbed on the way', 'I condemn the killing of ...': the lead's victim told again (each
    was one more claim of one dead)."""
    text = ("SRINAGAR: A labourer from Bihar was shot dead by militants in Pulwama district on Tuesday "
            "night, officials said.\n"
            "His cousin said they heard shots near midnight.\n"
            '"We took him to the hospital in Pulwama, but he succumbed on the way," the cousin said.\n'
            "A local legislator condemned the attack.\n"
            '"I strongly condemn the killing of the labourer," he said.')
    assert [c.killed.low for c in incidents(geo, text)] == [1]


def test_where_the_incident_took_place_said_after_the_lead_is_its_place(geo: Geocoder) -> None:
    """'The incident took place at the Mile V neighbourhood in Nkwen': where it happened, told in the
    next sentence with no verb of killing, names a place of the same rank as the lead's town."""
    text = ("Gunmen shot dead a young trader in Bamenda on Monday.\n"
            "The incident took place near a bus stop in Nkwen.")
    assert [c.location for c in incidents(geo, text)] == ["Nkwen"]


@pytest.mark.parametrize("sentence", [
    "The state security minister said that 2022 closed with 1,113 intentional homicides in Zacatecas.",
    "Ecuador ended the year with a record 4,600 violent deaths, a rate of 25 per 100,000 people.",
    "The monitor has documented the death of 82 people in July 2024 in fighting between the two sides.",
    "The monthly toll includes 281 civilians, among them 52 children.",
    "The tribal districts saw 23 attacks, in which 26 people died, the think tank said.",
    "The attacks claimed 112 lives, including 45 security personnel, the think tank said.",
    "The latest attack brings to 232 the number of truffle hunters killed since the start of the season.",
    "A panel of experts put the death toll in the city alone at more than 10,000.",
])
def test_a_count_over_a_month_a_year_or_many_attacks_is_no_incident(geo: Geocoder, sentence: str) -> None:
    """Year-end figures, monitors' monthly counts, tolls of counted attacks and tolls in the
    thousands with no day: each was one incident with that toll (a running total as an incident)."""
    found = claims_of(geo, sentence, published=date(2024, 8, 2))
    assert found and all(c.scope == "aggregate" for c in found if c.killed)


def test_the_leads_incident_told_again_with_its_day_and_spot_is_one_claim(geo: Geocoder) -> None:
    """A wire lead with no day, then 'The militants on Monday night attacked the army post in X,
    killing four soldiers and wounding two others': one incident, with that day and spot (it was two,
    the four dead counted twice)."""
    text = ("BAGHDAD, Nov. 29 (Xinhua) -- Four Iraqi soldiers were killed when militants attacked an army "
            "post in Iraq's northern province of Kirkuk, a police source said.\n\n"
            "The militants on late Monday night attacked the army post in Wadi al-Shay area, south of "
            "Kirkuk city, sparking clashes that killed four soldiers and wounded two others, the source "
            "said.")
    found = incidents_of(geo, text, published=date(2022, 11, 29))
    assert [(c.killed.low, c.injured.low if c.injured else None, str(c.date_start), c.location)
            for c in found] == [(4, 2, "2022-11-28", "Wadi al-Shay")]


@pytest.mark.parametrize(("text", "place"), [
    ("BANNU: Eight soldiers were martyred on Monday when terrorists stormed a check post, the military "
     "said.", "Bannu"),
    ("Gadchiroli, Sep 12 (PTI) A Maoist was killed in an encounter with police on Tuesday, officials "
     "said.", "Gadchiroli"),
])
def test_a_local_datelines_town_places_an_incident_its_sentences_do_not(geo: Geocoder, text: str,
                                                                     place: str) -> None:
    """Local papers and national agencies file where it happened: with no place in the sentences,
    the claim had none (the dateline's town was read as where the story was filed only)."""
    assert [c.location for c in incidents(geo, text)] == [place]


def test_a_bureaus_dateline_places_nothing(geo: Geocoder) -> None:
    """'BEIRUT (Reuters) -' is where a bureau files from, not where the strike was."""
    found = incidents(geo, "BEIRUT, Sept 13 (Reuters) - An air strike killed five fighters on Tuesday, a "
                           "war monitor said.")
    assert [c.location for c in found] == [None]


def test_a_source_after_its_verb_may_have_words_before_its_name(geo: Geocoder) -> None:
    """', reported the official SANA news agency': the verb first, then a description and the name
    (only 'reported the X' was read)."""
    found = incidents(geo, "Five soldiers were killed in a drone strike on Monday, reported the official "
                           "SANA news agency.")
    assert [c.claimed_by for c in found] == ["SANA"]


def test_another_voices_toll_at_the_incidents_place_takes_its_day(geo: Geocoder) -> None:
    """'Army spokesman X gave a toll of 19 dead': another voice's count of the raid just told, placed
    there, was dated the day of publication."""
    text = ("GOMA, June 5 - Rebels killed at least 23 civilians in an overnight raid in North Kivu province, a "
            "civil society leader said on Monday.\n\n"
            "The attackers entered the village with machetes and guns overnight from Saturday to Sunday, "
            "he said.\n\n"
            "The raid targeted Kirindera, a farming village north of Beni. \"Some victims were burnt inside "
            "their houses,\" he said.\n\n"
            "Army spokesman Captain Paul Mbusa gave a toll of 19 dead.")
    found = incidents_of(geo, text, published=date(2023, 6, 5))
    assert [(c.killed.low, str(c.date_start)) for c in found] == [(23, "2023-06-04"), (19, "2023-06-04")]


@pytest.mark.parametrize(("sentence", "place"), [
    ("An air strike hit a livestock market in Nyala, the capital of South Darfur, on Monday, killing 15 "
     "people, residents said.", "Nyala"),
    ("Fighters killed at least 40 people at Ardamata, on the outskirts of El Geneina, on Saturday, "
     "witnesses said.", "Ardamata"),
])
def test_the_town_named_before_what_it_is_the_capital_or_the_outskirts_of_is_the_place(
        geo: Geocoder, sentence: str, place: str) -> None:
    """'Nyala, the capital of South Darfur': the province the town is the capital of is not a more
    exact place (it was taken as one, like 'the village of X')."""
    assert [c.location for c in incidents(geo, sentence)] == [place]


def test_where_the_gunfight_broke_out_said_later_places_the_lead(geo: Geocoder) -> None:
    """The lead names a district, the next sentence the village where it happened ('The incident
    took place at X village late on Tuesday night'): the village, with that day."""
    text = ("IMPHAL, Sept 13 (PTI) Two persons were killed and four injured in a gunfight between armed "
            "groups in Manipur's Bishnupur district, officials said on Wednesday.\n\n"
            "The incident took place at Phougakchao Ikhang late on Tuesday night.")
    found = incidents(geo, text)
    assert [(c.location, str(c.date_start)) for c in found if c.killed] == [("Phougakchao Ikhang", "2023-09-12")]


def test_a_defender_who_died_repulsing_the_assault_adds_to_its_toll(geo: Geocoder) -> None:
    """'killing all four attackers ... A soldier, Sepoy X, embraced martyrdom while repulsing the
    assault, according to an ISPR press release': one fight's dead, one voice (the media wing's
    acronym and 'the military' were two sources, and the soldier another incident)."""
    text = ("TURBAT: Security forces foiled an attack on a naval air station in Turbat late on Monday night, "
            "killing all four attackers, the military said.\n\n"
            "A Frontier Corps soldier, Sepoy Imran Ali, embraced martyrdom while repulsing the assault, "
            "according to an ISPR press release issued on Tuesday.")
    found = incidents_of(geo, text, published=date(2024, 3, 26))
    assert [(c.killed.low, c.claimed_by) for c in found] == [(5, "Inter-Services Public Relations")]


def test_a_place_whose_name_starts_with_a_title_is_a_place(geo: Geocoder) -> None:
    """'in Sheikh Maskin city': 'Sheikh' opens many Arab place names; read as a person's title, the
    item had no place of its own and took the next item's."""
    text = ("The monitor documented the death of four people across Syria on Sunday:\n\n"
            "- Two civilians were shot dead by unknown gunmen in Sheikh Maskin city in Daraa countryside.\n"
            "- A civilian was killed by a landmine explosion in Ma'adan in the eastern countryside of Raqqa.")
    found = incidents_of(geo, text, published=date(2022, 2, 14))
    assert [(c.location, c.admin1) for c in found][:1] == [("Sheikh Maskin", "Daraa")]


def test_an_unknown_village_in_a_named_lga_is_in_that_lga(geo: Geocoder) -> None:
    """'Kigudu community in Kauru Local Government Area of Kaduna State': the village is not in the
    gazetteer; the LGA named for it is a district (the gazetteer's Kauru village lies in another LGA,
    and a village of another paragraph is elsewhere again)."""
    text = ("KADUNA - Gunmen late on Sunday attacked Kigudu community in Kauru Local Government Area of "
            "Kaduna State, killing 11 people.\n\n"
            "In a separate attack, bandits killed two farmers in Ungwan Gaiya on Saturday.")
    found = incidents_of(geo, text, published=date(2024, 1, 22))
    assert [(c.location, c.admin2) for c in found][:1] == [("Kigudu", "Kauru")]


@pytest.mark.parametrize(("sentence", "toll"), [
    # a plural rank and a nationality's people are victims too
    ("Two Army captains and two jawans were killed in the encounter in Rajouri on Wednesday, officials said.", 4),
    ("Two Chinese nationals were killed in the blast near the airport on Sunday night, police said.", 2),
    # the victim's job, the killers and a crime told of a victim are no more dead
    ("Ravi Kaul, a Kashmiri Pandit working as a security guard at a bank, was shot dead by militants in "
     "Pulwama on Sunday.", 1),
    ("The villager was dragged out of his house by a group of around 15 armed Maoists and killed in "
     "Bijapur on Tuesday night, police said.", 1),
    ("Security forces killed four terrorists, including a ringleader wanted for the killing of a police "
     "officer, in Bannu on Monday, the military said.", 4),
    # "were on Sunday killed", "burnt to death" after a long subject
    ("Five members of the Katsina Community Watch Corps were on Sunday killed by bandits in Danmusa, "
     "police said.", 5),
    ("Twenty-three passengers travelling from Sabon Birni to Kaduna were burnt to death on Monday when "
     "bandits set their bus ablaze, police said.", 23),
    # the others killed with a named victim
    ("Bandits killed the District Head of Kakuri, Alhaji Musa Sani, and two of his aides in Rafi on "
     "Monday, police said.", 3),
    ("Troops killed a notorious bandit leader, Musa Dangote, alongside 12 of his fighters in Zamfara on "
     "Tuesday, the army said.", 13),
    # the one hurt beside the dead is hurt
    ("Five members of the corps were killed while one other sustained injuries in the attack on Sunday, "
     "police said.", 5),
    # a toll revised down, told far from its verb
    ("Police on Tuesday revised the death toll from Monday's suicide bombing at a mosque inside a police "
     "compound down to 84.", 84),
])
def test_tolls_the_text_gives_and_no_more(geo: Geocoder, sentence: str, toll: int) -> None:
    """Each of these gave another toll (a part, one more, or none): the dead of one incident, as the
    sentence counts them."""
    found = [c for c in claims_of(geo, sentence, published=date(2023, 1, 31)) if c.killed]
    assert [c.killed.low for c in found] == [toll]


def test_the_world_clocks_day_in_brackets_is_not_the_local_day(geo: Geocoder) -> None:
    """'at 3 a.m. local time (2230 GMT Saturday)', published on Sunday: the bracket's Saturday is
    Greenwich's, not the day of the blast."""
    found = incidents_of(geo, "A bomb exploded at 3 a.m. local time (2230 GMT Saturday) in the market, killing six "
                              "people, police said.", published=date(2022, 9, 4))
    assert [str(c.date_start) for c in found] == ["2022-09-04"]


def test_the_day_it_happened_said_after_a_lead_dated_by_its_telling(geo: Geocoder) -> None:
    """A lead dated by the communique read 'on national television Sunday evening', then 'The
    attack happened on April 16 near Petelkole': that day and that place."""
    text = ("NIAMEY, April 18 (Xinhua) -- Eight soldiers were killed when their patrol came under attack in "
            "the Tillaberi region, the defence ministry said in a communique read on national television "
            "Sunday evening.\n\n"
            "The attack happened on April 16 near the locality of Petelkole, it said.")
    found = incidents_of(geo, text, published=date(2022, 4, 18))
    assert [(str(c.date_start), c.location) for c in found] == [("2022-04-16", "Petelkole")]


@pytest.mark.parametrize("follow", [
    "Of the injured, 19 are in critical condition and have been evacuated to Maiduguri, the official said.",
    "Two of the injured have been airlifted to Maiduguri for treatment.",
])
def test_some_of_the_hurt_told_after_the_toll_are_no_new_incident(geo: Geocoder, follow: str) -> None:
    """'Of the injured, 19 are in critical condition': part of the hurt just counted (each was an
    incident of its own, at the town the wounded were flown to)."""
    text = ("MAIDUGURI - Suicide bombers killed 18 people and injured 42 others in Gwoza on Saturday, "
            f"officials said.\n\n{follow}")
    found = incidents_of(geo, text, published=date(2024, 6, 30))
    assert [(c.killed.low, c.injured.low, c.location) for c in found] == [(18, 42, "Gwoza")]


def test_a_capitals_dateline_with_its_state_and_day_leaves_the_lead_whole(geo: Geocoder) -> None:
    """'KANKER (CHHATTISGARH), April 16: At least 29 Maoists, including ..., were gunned down': the
    dateline made the parse lose the lead's dead (no claim at all)."""
    found = incidents_of(geo, "KANKER (CHHATTISGARH), April 16: At least 29 Maoists, including a senior cadre, were "
                              "gunned down in an encounter with security forces in Kanker district on Tuesday.",
                         published=date(2024, 4, 17))
    assert [(c.killed.low, str(c.date_start)) for c in found] == [(29, "2024-04-16")]


def test_the_event_a_story_counts_back_to_is_not_its_news(geo: Geocoder) -> None:
    """'less than a month after soldiers shot dead five young men in Nuevo Laredo': an earlier event
    named to date the news (it was an incident dated the day of publication)."""
    text = ("Gunmen and soldiers clashed in Nuevo Laredo on Tuesday, killing three gunmen, the army said. "
            "The clash came less than a month after soldiers shot dead five young men in a pickup truck in "
            "the city.")
    assert [c.killed.low for c in incidents(geo, text)] == [3]


def test_a_namesake_outside_the_lga_the_text_names_is_not_the_village(geo: Geocoder) -> None:
    """'Kadawa village in Maru Local Government Area' of Zamfara: the Kadawa of a Katsina LGA is a
    namesake; the village, not in the gazetteer, is placed in the LGA the text names."""
    text = ("GUSAU - Gunmen on motorcycles stormed Kadawa village in Maru Local Government Area of Zamfara "
            "State on Saturday night, killing nine people, a community leader said.\n\n"
            "In Katsina State, bandits killed three people in Yantumaki on Sunday, police said.")
    found = incidents_of(geo, text, published=date(2023, 2, 13))
    assert [(c.location, c.admin1, c.admin2) for c in found][:1] == [("Kadawa", "Zamfara", "Maru")]


def test_an_overviews_paragraph_is_in_the_country_it_names(geo: Geocoder) -> None:
    """A regional overview: 'In Mali, ... near Menaka', 'In Somalia, ... in Hawadley' after a
    paragraph on Burkina Faso and a lead on 'the central Sahel': each item in the country its own
    sentence names (all were put in Burkina Faso)."""
    text = ("Last week in Africa, jihadist violence continued in the central Sahel.\n\n"
            "In Burkina Faso, militants attacked a military detachment in Tin-Akoff, Oudalan province, on 30 "
            "January, killing 12 soldiers.\n\n"
            "In Mali, militants killed around 30 civilians in raids on villages near Menaka on 29 January, "
            "according to local sources.\n\n"
            "In Somalia, militants detonated a car bomb at a military base in Hawadley, Hiraan region, on 3 "
            "February, killing at least five soldiers.")
    found = incidents_of(geo, text, published=date(2023, 2, 8))
    assert [c.country for c in found] == ["Burkina Faso", "Mali", "Somalia"]


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    # the events counted are not dead
    ("Four police officers and two road workers were killed in two separate blasts in Belgorod on "
     "Tuesday, officials said.", 6, None),
    # the passenger again, in apposition
    ("The driver and his passenger, a 52-year-old woman, died at the scene on Tuesday, the governor said.",
     2, None),
    # the living doctors fight for, and who told it, are no dead
    ("Two people were killed in the strike on Tuesday and doctors are fighting for the lives of several "
     "patients, the governor said.", 2, None),
    ("Gunmen killed between 15 and 26 people in the village on Tuesday, according to witnesses and a "
     "health worker.", 15, None),
    # a passenger bus is no passenger
    ("Two people were killed and five others injured after a passenger bus ran over a landmine on "
     "Tuesday, police said.", 2, 5),
    # translated martyrdom
    ("Two army personnel ascended as martyrs and three others were wounded in the shelling on Tuesday, "
     "the ministry said.", 2, 3),
    ("The shelling led to the martyrdom of a migrant and the injury of two others on Tuesday, the agency "
     "said.", 1, None),
    # the whole list the parse counts, over its first figure
    ("Militants killed two foreign tourists and their Ugandan guide in the park on Tuesday, police said.",
     3, None),
    # the wounded's own count, after the dead's
    ("The death toll from Monday's strike has risen to seven and the number of wounded climbed to 97, the "
     "governor said on Tuesday.", 7, 97),
])
def test_more_tolls_the_text_gives_and_no_more(geo: Geocoder, sentence: str, killed: int,
                                               injured: int | None) -> None:
    found = [c for c in claims_of(geo, sentence, published=PUBLISHED) if c.killed]
    assert [(c.killed.low, c.injured.low if c.injured else None) for c in found] == [(killed, injured)]


@pytest.mark.parametrize("sentence", [
    "The attack came a week after a bomb hit the town of Sake, west of Goma, killing four people.",
    "It came just days after jihadists raided the village of Kolofata, killing four people.",
])
def test_an_earlier_attack_the_news_counts_back_to_is_no_incident_of_its_day(geo: Geocoder,
                                                                            sentence: str) -> None:
    """'a week after a bomb hit Sake, killing four': an earlier event; it was an incident dated the
    lead's day."""
    text = f"Gunmen killed three soldiers in an attack on a base on Friday, the army said. {sentence}"
    assert [c.killed.low for c in incidents(geo, text)] == [3]


def test_had_since_is_no_period(geo: Geocoder) -> None:
    """'The toll had since risen to 30' is the incident's toll, 'since' an adverb (it was a running
    total; it was also a second claim, before a risen toll became the incident's own)."""
    text = ("Gunmen killed 26 people in an attack on a market in Bunia on Sunday, officials said on Monday.\n\n"
            "The toll had since risen to 30, the governor said on Tuesday.")
    found = [c for c in claims_of(geo, text, published=PUBLISHED) if c.killed]
    assert [(c.scope, c.killed.low) for c in found] == [("incident", 30)]


@pytest.mark.parametrize(("sentence", "place", "province"), [
    ("Militants killed three shepherds in the desert of al-Sukhnah, east of Homs, on Sunday, the monitor "
     "said.", "al-Sukhnah", "Homs"),
    ("The governor of West Darfur state, Khamis Ahmed, was killed on Wednesday, officials said.",
     "West Darfur state", "Western Darfur"),
])
def test_a_desert_of_a_place_and_a_typed_province_with_a_compass_word(geo: Geocoder, sentence: str,
                                                                     place: str, province: str) -> None:
    """'the desert of al-Sukhnah, east of Homs' is al-Sukhnah (it was Homs); 'West Darfur state' is
    West Darfur (read as a 'Darfur' west of something, it was a loose match in Gezira)."""
    assert [(c.location, c.admin1) for c in incidents(geo, sentence)] == [(place, province)]


def test_one_of_the_dead_in_an_aside_leaves_the_hurt_after_it_whole(geo: Geocoder) -> None:
    """'Two people were killed, one of them a university student, and five others injured': the
    student is one of the dead; the five are the hurt (they were lost as parts of the aside)."""
    found = incidents(geo, "Two people were killed, one of them a university student, and five others injured "
                           "in the shelling of Taiz on Tuesday.")
    assert [(c.killed.low, c.injured.low if c.injured else None) for c in found] == [(2, 5)]


def test_the_one_just_told_dying_later_is_no_new_death(geo: Geocoder) -> None:
    """'The child was rushed to hospital but died shortly after arrival': the child of the lead (it
    was a second claim of one dead); 'according to a source in the Civil Defence' names who told."""
    text = ("TAIZ - A child was killed by a sniper in the city on Friday, according to a source in the "
            "Civil Defence.\n\n"
            "The child was rushed to al-Thawra hospital but died shortly after arrival, medical sources said.")
    found = incidents_of(geo, text, published=date(2023, 5, 13))
    assert [(c.killed.low, c.claimed_by) for c in found] == [(1, "Yemeni Civil Defence")]


@pytest.mark.parametrize(("follow", "place"), [
    ("The gunmen arrived on motorcycles shortly after dusk in Kalari, some 25 kilometres from the state "
     "capital.", "Kalari"),
    ("The assault on the garrison in Zhob began in the early hours.", "Zhob"),
    # who fought, and a road named far along the sentence, is no place of the fight
    ("The fighting pitted forces loyal to the prime minister against groups who tried to enter the "
     "region from several directions, including the Zawiya and Gharyan roads.", "Borno"),
])
def test_where_the_attackers_struck_said_after_a_lead_with_a_region(geo: Geocoder, follow: str,
                                                                   place: str) -> None:
    text = ("MAIDUGURI - Suspected militants stormed a farming village in Borno on Sunday night, shooting "
            f"dead at least 14 people, residents said.\n\n{follow}")
    found = incidents_of(geo, text, published=date(2023, 9, 12))
    assert [c.location for c in found] == [place]


@pytest.mark.parametrize(("sentence", "killed"), [
    # a village head of South Asia is one person
    ("Suspected Maoists hacked to death a former sarpanch in Bijapur district late Friday, police said.", 1),
    # one death beside a count of attacks is that death's incident
    ("Russian forces launched 412 attacks on eight settlements on Wednesday, killing a 74-year-old woman in "
     "Huliaipole, the governor said.", 1),
    # the two, named after a comma, are not two more
    ("Two journalists working for the channel, correspondent Farah Odeh and cameraman Rabih Saad, were "
     "killed on Tuesday by a strike in Tayr Harfa, the broadcaster said.", 2),
])
def test_one_death_and_named_pairs_count_as_written(geo: Geocoder, sentence: str, killed: int) -> None:
    assert [c.killed.low for c in incidents(geo, sentence)] == [killed]


def test_the_day_in_a_week_a_lead_told_as_last_week(geo: Geocoder) -> None:
    """'killed four people ... last week', then 'The attack took place on Thursday 20 October in
    Naulala': that day and that village (the lead kept the week and the district)."""
    text = ("LICHINGA - Insurgents killed four people in an attack on a village in the Mecula district of "
            "Niassa province last week, the district administrator said.\n\n"
            "The attack took place on Thursday 20 October in Naulala, inside the Niassa reserve.")
    found = incidents_of(geo, text, published=date(2022, 10, 26))
    assert [(str(c.date_start), c.location) for c in found] == [("2022-10-20", "Naulala")]


def test_a_valley_owned_by_a_district_is_in_that_districts_country(geo: Geocoder) -> None:
    """'attacked two check posts in Chitral's Kalash valley', after 'crossed from Afghanistan', in a
    story whose attackers gathered in Afghan provinces: the valley is Chitral's, in Pakistan."""
    text = ("CHITRAL: Four soldiers were martyred and 12 militants killed after terrorists crossed from "
            "Afghanistan and attacked two check posts in Chitral's Kalash valley early on Wednesday, the "
            "military said.\n\n"
            "The attackers had gathered in Nuristan and Kunar provinces of Afghanistan, the statement said.\n\n"
            "Police in Khyber Pakhtunkhwa said the fighting lasted till Thursday afternoon.")
    found = incidents_of(geo, text, published=date(2023, 9, 7))
    assert [c.country for c in found][:1] == ["Pakistan"]
