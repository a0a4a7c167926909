"""Kinds of date errors seen on real news, with sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch import pipeline
from conflictwatch.extract.dates import find_dates
from conflictwatch.geo import Geocoder
from conflictwatch.models import Article
from realnews import claims_of, incidents_of


def test_an_old_press_release_dateline_dates_nothing() -> None:
    """A press wire's dateline pasted into a story ten months later ('NAIROBI, Kenya, January 4,
    2022,-/Some Agency/-') is neither the day of the attack nor of the report: 'on Sunday' counts
    back from the publication date, and the claim is today's incident, not background."""
    text = ("The agency said on Tuesday it was alarmed by the attacks on camps.\n"
            "NAIROBI, Kenya, January 4, 2022,-/Pan African Wire (PAW)/-In the latest attack, gunmen "
            "killed 14 displaced people on Sunday at a camp near Bunia, local officials said.")
    art = Article(text=text, published=date(2022, 10, 26))
    found = [c for c in pipeline.process_article(art, Geocoder()) if c.scope == "incident"]
    assert [(c.killed and c.killed.low, c.date_start) for c in found] == [(14, date(2022, 10, 23))]


def test_a_dateline_of_the_day_is_still_the_day_of_the_report() -> None:
    """The same form with the week's date stays what it was: the day the report was filed."""
    s = "NAIROBI, Kenya, October 25, 2022,-/Pan African Wire (PAW)/-Gunmen killed 14 people on Sunday."
    found = find_dates(s, date(2022, 10, 26))
    assert [(d.date_start, d.statement) for d in found][:1] == [(date(2022, 10, 25), True)]


def test_an_indian_wire_dateline_is_taken_apart() -> None:
    """'Kabul [Afghanistan], July 20 (ANI): ...' is a dateline (place in ordinary case, the country
    in brackets, a colon): its 'July 20' is not the day of the blast 'on Tuesday'."""
    from conflictwatch.ingest.layout import analyse_article

    art = analyse_article("Kabul [Afghanistan], July 20 (ANI): Five people were killed when a bomb exploded in "
                          "a market in Kabul on Tuesday, police said.", "t")
    assert not isinstance(art, Exception)
    assert art.dateline == "Kabul, Afghanistan" and art.text.startswith("Five people")
    art.published = date(2022, 7, 20)
    found = [c for c in pipeline.process_article(art, Geocoder()) if c.scope == "incident"]
    assert [c.date_start for c in found] == [date(2022, 7, 19)]


@pytest.mark.parametrize("said", ["the previous day", "the day before", "a day earlier"])
def test_the_day_before_a_statement_is_the_day_before_it_was_made(geo: Geocoder, said: str) -> None:
    """'The army said on Friday that it had killed 13 militants the previous day': Thursday, the day
    before the statement, not the day before publication."""
    found = incidents_of(geo, f"The army said on Friday that its troops had killed 13 militants in clashes in "
                              f"the Shabwa region of Yemen {said}.", published=date(2023, 3, 8))
    assert [c.date_start for c in found] == [date(2023, 3, 2)]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Mid-March, militants attacked the town of Mansila, killing around 30 people, residents said.",
     date(2023, 3, 11), date(2023, 3, 20)),
    ("In late December, militants attacked the town of Djibo, killing 12 soldiers, the army said.",
     date(2022, 12, 21), date(2022, 12, 31)),
    ("In early April, militants attacked the town of Djibo, killing 12 soldiers, the army said.",
     date(2023, 4, 1), date(2023, 4, 6)),
])
def test_a_part_of_a_month_is_a_ten_day_span(text: str, start: date, end: date) -> None:
    """'mid-March' is the 11th to the 20th (precision 2), in the latest March on or before
    publication; it had been no date, and the claim took the day of publication."""
    found = [m for m in find_dates(text, date(2023, 4, 6)) if m.precision == 2]
    assert [(m.date_start, m.date_end) for m in found] == [(start, end)]


def test_days_joined_by_and_are_days_not_people(geo: Geocoder) -> None:
    """'Eleven people were killed on 1 and 2 April': eleven, not twelve (the first day was read as
    one more dead); 'between 1 and 3 April' is no range of dead either."""
    found = incidents_of(geo, "Eleven people were killed on 1 and 2 April in attacks on two villages in "
                              "Mopti region, a local official said.", published=date(2023, 4, 6))
    assert [(c.killed and c.killed.low, c.date_start) for c in found] == [(11, date(2023, 4, 1))]
    found = incidents_of(geo, "Gunmen killed nine villagers between 1 and 3 April in Mopti region.",
                         published=date(2023, 4, 6))
    assert [c.killed and (c.killed.low, c.killed.high) for c in found] == [(9, 9)]


@pytest.mark.parametrize("line", [
    "Maiduguri, May 10 (AFP) - Jihadists killed seven fishermen near Lake Chad in Nigeria on Monday, a militia "
    "leader said.",
    "MAIDUGURI, May 10 (AFP) - Jihadists killed seven fishermen near Lake Chad in Nigeria on Monday, a militia "
    "leader said.",
])
def test_a_dateline_in_ordinary_case_is_the_day_of_the_report(geo: Geocoder, line: str) -> None:
    """'Maiduguri, May 10 (AFP) -': a dateline whatever its case; its date is the report's, so
    'on Monday' is May 9 (it had been May 10, read from the dateline as the day of the killing)."""
    from conflictwatch.ingest import split_dump

    [art] = split_dump(line + "\n")
    assert (art.dateline, art.agency) == ("Maiduguri" if line[1].islower() else "MAIDUGURI", "AFP")
    art.published = date(2022, 5, 10)
    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert [c.date_start for c in found] == [date(2022, 5, 9)]


def test_the_previous_day_counts_back_from_a_statement_told_to_reporters(geo: Geocoder) -> None:
    """'..., the previous day, the police spokesman told reporters in Kaduna on Tuesday': Tuesday is
    the day of the statement, so the killing was on Monday (it had been dated Tuesday)."""
    found = incidents_of(geo, "Gunmen killed a village head and his two sons in Kauru in Nigeria's Kaduna state "
                              "the previous day, the police spokesman told reporters in Kaduna on Tuesday.",
                         published=date(2022, 5, 11))
    assert [c.date_start for c in found] == [date(2022, 5, 9)]


def test_overnight_is_the_night_before_the_statement(geo: Geocoder) -> None:
    """'killed five people overnight, police said on Monday', published on Wednesday: the night
    before Monday (it had been the night before publication)."""
    found = incidents_of(geo, "Gunmen killed five people overnight in Danmusa in Nigeria's Katsina state, police "
                              "said on Monday.", published=date(2022, 5, 11))
    assert [c.date_start for c in found] == [date(2022, 5, 8)]


def test_a_toll_that_rose_on_a_day_is_no_day_of_the_attack(geo: Geocoder) -> None:
    """'The death toll ... rose to 34 on Tuesday' tells when it was counted; 'The attack on Tuesday
    night last week hit the village of Kautikari' gives the incident its day and place (it had been
    dated this Tuesday, in Borno state)."""
    found = incidents_of(geo, "The death toll from a suspected jihadist attack on a village in Nigeria's Borno state "
                              "rose to 34 on Tuesday from 21, a local official said. The attack on Tuesday night "
                              "last week hit the village of Kautikari near Chibok.", published=date(2022, 5, 11))
    assert [(c.killed.low, c.date_start, c.location) for c in found] == [(34, date(2022, 5, 3), "Kautikari")]


@pytest.mark.parametrize("text", [
    "BAMAKO, Oct 16 (AFP) - Six civilians were killed this morning when gunmen attacked a bus near "
    "Bandiagara, a local official said.",
    "Bamako, 16 October (AFP) - Six civilians were killed today when gunmen attacked a bus near "
    "Bandiagara, a local official said.",
])
def test_a_wire_filed_the_day_before_publication_counts_from_its_dateline(geo: Geocoder, text: str) -> None:
    """A wire filed on the evening of the 16th, published (by the feed) on the 17th: its 'this
    morning' is the 16th."""
    found = incidents_of(geo, text, published=date(2022, 10, 17))
    assert [(c.date_start, c.date_basis) for c in found] == [(date(2022, 10, 16), "text")]


def test_ingest_keeps_the_dateline_day_for_the_extractor(geo: Geocoder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from conflictwatch.ingest import read_inputs

    f = tmp_path / "wire.jsonl"
    f.write_text(json.dumps({"id": "w1", "published": "2022-10-17", "text":
                             "BAMAKO, Oct 16 (AFP) - Six civilians were killed this morning near Bandiagara. "
                             "Gunmen also shot dead a trader near Mopti, residents said."}) + "\n")
    arts = [a for a in read_inputs([str(f)]) if isinstance(a, Article)]
    assert arts and not arts[0].text.startswith("BAMAKO") and arts[0].published == date(2022, 10, 17)
    found = [c for c in pipeline.process_article(arts[0], geo) if c.scope == "incident"]
    # the morning's killing is the 16th's; the one the text gives no day stays on the publication date
    assert [(c.date_start, c.date_basis) for c in found] == [
        (date(2022, 10, 16), "text"), (date(2022, 10, 17), "published")]


def test_a_dateline_day_long_before_publication_anchors_nothing(geo: Geocoder) -> None:
    text = "BAMAKO, Oct 2 (AFP) - Six civilians were killed this morning near Bandiagara."
    found = incidents_of(geo, text, published=date(2022, 10, 17))
    assert [c.date_start for c in found] != [date(2022, 10, 2)]


def test_the_day_of_a_victims_older_deed_dates_nothing(geo: Geocoder) -> None:
    """'a Hamas operative who took part in the October 7 attack was killed': October 7 is the day of
    another event. It dated the killing and, lent to the undated strikes before it, made all of them
    three months old: every incident of the day was dropped as background."""
    text = ("In Khan Younis, an airstrike on a house killed 14 members of one family, medics said.\n"
            "In Rafah, a strike on a car killed three people, the Palestinian Red Crescent said.\n"
            "The Israeli military said a Hamas operative who took part in the October 7 attack was killed "
            "in a drone strike in Deir al-Balah.")
    found = incidents_of(geo, text, published=date(2024, 1, 4))
    assert [(c.killed.low, c.location, c.date_start) for c in found] == [
        (14, "Khan Younis", date(2024, 1, 4)), (3, "Rafah", date(2024, 1, 4)), (1, "Deir al-Balah", date(2024, 1, 4))]


@pytest.mark.parametrize(("text", "published", "days"), [
    # an Indian agency's dateline in title case: the wire's day, not the incident's, and no victim
    ("Imphal, Jan 15 (PTI) A 45-year-old man was killed in a firing incident in Manipur's Kangpokpi district "
     "on Sunday night, officials said.", date(2024, 1, 16), [date(2024, 1, 14)]),
    # "A day earlier," counts back from the incident told, not from publication
    ("A suicide bomber killed six people at a police checkpoint in Mogadishu on Monday, police said.\n"
     "A day earlier, militants attacked a police station in the Daynile district, killing two officers.",
     date(2024, 3, 12), [date(2024, 3, 11), date(2024, 3, 10)]),
    ("Gunmen killed 12 inmates at the prison in Croix-des-Bouquets on Sunday.\n"
     "The attack came a day after gangs stormed the National Penitentiary in Port-au-Prince, killing four "
     "guards.", date(2024, 3, 12), [date(2024, 3, 10), date(2024, 3, 9)]),
])
def test_days_counted_from_the_story(geo: Geocoder, text: str, published: date, days: list[date]) -> None:
    found = incidents_of(geo, text, published=published)
    assert [c.date_start for c in found] == days


def test_an_agency_dateline_is_no_victim(geo: Geocoder) -> None:
    """'Raipur, Apr 26 (PTI) Ten personnel ... and a civilian driver were killed': the parser read
    Raipur as a person (12 dead)."""
    text = ("Raipur, Apr 26 (PTI) Ten personnel of the District Reserve Guard and a civilian driver were killed "
            "when Maoists blew up their vehicle in Dantewada district on Wednesday.")
    found = incidents_of(geo, text, published=date(2023, 4, 27))
    assert [c.killed.low for c in found] == [11]


def test_a_round_ups_incidents_take_its_span(geo: Geocoder) -> None:
    """A lede that counts a series across a province over a night and a day, then the incidents one
    by one: the lede is a count (it was one incident of 23, the part 'including 23 passengers ...
    shot dead' taken for the whole), and the incidents happened in its span, not on the day of
    publication."""
    text = ("QUETTA: At least 39 people, including 23 passengers pulled off vehicles and shot dead, were killed in "
            "a series of coordinated attacks by separatists across Balochistan on Sunday night and Monday, "
            "officials said.\n"
            "In Musakhel district, gunmen blocked the highway and killed 23 people.")
    found = claims_of(geo, text, published=date(2024, 8, 27))
    assert [(c.scope, c.killed.low, c.date_start, c.date_end) for c in found] == [
        ("aggregate", 39, date(2024, 8, 25), date(2024, 8, 26)),
        ("incident", 23, date(2024, 8, 25), date(2024, 8, 26))]


@pytest.mark.parametrize("sentence", [
    "Bandits killed at least 23 villagers in Kairu, residents said.\nThe gunmen, who arrived on motorcycles in "
    "the early hours of Sunday, shot at residents as they fled, a resident, Abubakar Sani, told PREMIUM TIMES by "
    "phone on Monday.",
    "In a statement read on national television on Monday, the army said 23 villagers were killed in Kairu on "
    "Sunday.",
])
def test_the_day_a_teller_spoke_by_phone_or_on_television(geo: Geocoder, sentence: str) -> None:
    """'told PREMIUM TIMES by phone on Monday', 'a statement read on national television on Monday':
    the day of the telling, not of the killing (Monday was taken for it, or the sentence had two days)."""
    found = incidents_of(geo, sentence, published=date(2024, 3, 5))
    assert [c.date_start for c in found] == [date(2024, 3, 3)]


def test_born_in_a_year_is_no_past_event(geo: Geocoder) -> None:
    """'the civilian, identified only as a man born in 1970, was killed': 1970 is his birth, not the
    year of the killing (the sentence became a count over 1970)."""
    text = ("A civilian died on Monday in a shelling attack on a village, officials said.\n"
            "Officials said the victim, a pensioner born in 1970, was killed when shells struck his house in "
            "Novoluganske.")
    found = claims_of(geo, text, published=date(2022, 2, 21))
    assert [(c.scope, c.killed.low, c.location) for c in found] == [("incident", 1, "Novoluganske")]


def test_a_list_under_a_dated_heading(geo: Geocoder) -> None:
    """Items on lines of their own under 'Incidents recorded on Tuesday, 19 March:' are incidents of
    that day, one by one (they were one sentence: 2 + 1 + 3 summed at the first place)."""
    text = ("Incidents recorded on Tuesday, 19 March:\n"
            "- Two civilians killed by a landmine near Maarat al-Numan in Idlib countryside.\n"
            "- A soldier killed by sniper fire in Kafr Halab in Aleppo countryside.\n"
            "- Three people killed in a drone strike on al-Mayadin in Deir Ezzor.")
    found = incidents_of(geo, text, published=date(2024, 3, 20))
    assert [(c.killed.low, c.location, c.date_start) for c in found] == [
        (2, "Maarat al-Numan", date(2024, 3, 19)), (1, "Kafr Halab", date(2024, 3, 19)),
        (3, "al-Mayadin", date(2024, 3, 19))]


def test_a_dateline_day_in_brackets(geo: Geocoder) -> None:
    """'GUAYAQUIL, Ecuador (May 5) - ... late Sunday': the wire's day, not the incident's (May 5,
    a Monday, was taken for it)."""
    text = ("GUAYAQUIL, Ecuador (May 5) - Gunmen killed eight people in a bar in the Nueva Prosperina district late "
            "Sunday, police said.")
    found = incidents_of(geo, text, published=date(2025, 5, 6))
    assert [c.date_start for c in found] == [date(2025, 5, 4)]


def test_days_after_the_incident_told(geo: Geocoder) -> None:
    """'Two days after the ambush, ...', 'A day later, ...': counted forward from the incident told last
    (they had the ambush's day, or the publication's)."""
    text = ("Militants ambushed an army convoy near Dinga on February 18, killing 12 soldiers, the army said.\n"
            "Two days after the ambush, air strikes killed 30 militants near Dinga.\n"
            "A day later, gunmen killed four villagers in Ndaji.")
    found = incidents_of(geo, text, published=date(2024, 2, 25))
    assert [c.date_start for c in found] == [date(2024, 2, 18), date(2024, 2, 20), date(2024, 2, 21)]


@pytest.mark.parametrize(("text", "day"), [
    ("on 29/01/2024", date(2024, 1, 29)),
    ("on 14.03.2024", date(2024, 3, 14)),
    ("on 01/29/2024", date(2024, 1, 29)),  # no 29th month: month first
])
def test_numeric_dates_day_first(text: str, day: date) -> None:
    """'on 29/01/2024': the press of Pakistan, Nigeria or Kenya writes the day first (it was no date)."""
    assert [m.date_start for m in find_dates(f"Gunmen killed five people in Turbat {text}.", date(2024, 3, 20))] == [
        day]


@pytest.mark.parametrize(("follow_up", "killed"), [
    ("A second person, a street vendor, died of his wounds on Monday, bringing the toll to two, a police "
     "spokesman said.", 2),
    ("On Monday the death toll stands at 35 after rescuers pulled five more bodies from the rubble, the governor "
     "said.", 35),
])
def test_a_later_toll_keeps_the_incidents_day(geo: Geocoder, follow_up: str, killed: int) -> None:
    """'died of his wounds on Monday, bringing the toll to two', 'On Monday the death toll stands at
    35': Monday is the day of the death or the count; the toll is Sunday's incident's (it was dated
    Monday, a second incident)."""
    text = ("Gunmen attacked a market in the Delmas 30 neighbourhood of Port-au-Prince on Sunday, killing one man, "
            f"police said.\n{follow_up}")
    found = incidents_of(geo, text, published=date(2024, 4, 16))
    assert [(c.killed.low, c.date_start) for c in found][-1] == (killed, date(2024, 4, 14))


def test_more_of_the_day_somewhere_else(geo: Geocoder) -> None:
    """'A man was also wounded in the village of Bilozerka', 'A second missile hit the village of
    Bilenke': more of Wednesday's shelling, in other villages (they had the day of publication)."""
    text = ("Russian shelling killed two people in Kherson on Wednesday, the governor said.\n"
            "A man was also wounded in the village of Bilozerka.\n"
            "A second missile hit the village of Bilenke, killing a woman.")
    found = incidents_of(geo, text, published=date(2023, 11, 30))
    assert [(c.location, c.date_start) for c in found] == [
        ("Kherson", date(2023, 11, 29)), ("Bilozerka", date(2023, 11, 29)), ("Bilenke", date(2023, 11, 29))]
