"""Claims extraction on our own sentences: each wire pattern the extractor must read."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.extract import classify_figures, dates, extract_claims
from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.numbers import find_figures, words_to_int
from conflictwatch.models import Article, Range

THU = date(2016, 10, 13)  # a Thursday


def claims_of(text: str, published: date | None = THU, title: str = "Test"):
    return extract_claims(Article(text=text, title=title, published=published, agency="Reuters"))


def incidents(text: str, published: date | None = THU):
    return [c for c in claims_of(text, published) if c.scope == "incident"]


@pytest.mark.parametrize(
    ("words", "value"),
    [("Fourteen", 14), ("twenty-two", 22), ("1,384", 1384), ("one hundred and five", 105), ("seven", 7)],
)
def test_number_words(words: str, value: int) -> None:
    assert words_to_int(words) == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least four", 4, None),
        ("more than 150", 151, None),
        ("several hundred", 200, None),
        ("nearly 50", 45, 49),
        ("between 10 and 15", 10, 15),
        ("dozens of", 24, None),
        ("about 30", 30, 30),
    ],
)
def test_figure_bounds(text: str, low: int, high: int | None) -> None:
    figs = find_figures(f"Officials said {text} people were killed.")
    assert figs and figs[0].value == Range(low, high)


def test_number_word_toll_with_named_source() -> None:
    [c] = incidents(
        "Eleven members of one household died when a barrel bomb struck their home in the town of "
        "Kafr Hamra on Tuesday, the Syrian Civil Defence said."
    )
    assert c.killed == Range(11, 11)
    assert c.claimed_by == "Syrian Civil Defence"
    assert c.date_start == date(2016, 10, 11)
    assert c.sub_event_type == "Air/drone strike"
    assert c.location == "Kafr Hamra"
    assert c.reported_by == "Reuters"


def test_children_and_injured_with_bound() -> None:
    [c] = incidents(
        "At least six children were killed and 23 wounded on Wednesday when rockets hit a "
        "playground in the al-Midan district, according to the Syrian Observatory for Human Rights."
    )
    assert c.killed == Range(6, None)
    assert c.children_killed == Range(6, None)
    assert c.injured == Range(23, 23)
    assert c.claimed_by == "Syrian Observatory for Human Rights"
    assert c.sub_event_type == "Shelling/artillery/missile attack"
    assert c.date_start == date(2016, 10, 12)
    assert c.location == "al-Midan"


def test_including_children_is_a_subset_not_a_second_figure() -> None:
    [c] = incidents(
        "Warplanes killed 19 people including seven children in the village of Tal Rifaat on "
        "Monday, a rescue worker told Reuters."
    )
    assert c.killed == Range(19, 19)
    assert c.children_killed == Range(7, 7)


def test_military_source_and_combatant_victims() -> None:
    [c] = incidents(
        "A military source said troops had killed 12 insurgents in clashes on the southern edge of "
        "Aleppo on Thursday."
    )
    assert c.claimed_by == "Syrian military source"  # Aleppo: the article is about Syria
    assert c.killed == Range(12, 12)
    assert c.event_type == "Battles"
    assert c.date_start == THU


@pytest.mark.parametrize(
    ("place", "source", "actor"),
    [
        ("Aleppo", "Syrian military source", "Military Forces of Syria"),
        ("Kandahar", "Afghan officials", "Military Forces of Afghanistan"),
        ("Mindanao", "Philippine military source", "Military Forces of Philippines"),
        ("the city", "Military source", "Military Forces"),  # no country named: none assumed, kind kept
    ],
)
def test_country_bound_sources_and_actors_follow_the_article(place: str, source: str | None,
                                                             actor: str) -> None:
    [c] = incidents(f"A military source said government forces had killed 12 insurgents near {place} on Thursday.")
    assert c.claimed_by == source
    assert c.actor1 == actor


def test_own_voice_has_no_claimed_by_but_a_publisher() -> None:
    [c] = incidents("Shelling killed nine people in the town of Harasta on Monday.")
    assert c.claimed_by is None
    assert c.reported_by == "Reuters"
    assert c.date_start == date(2016, 10, 10)


def test_two_sources_two_tolls_in_one_sentence() -> None:
    found = incidents(
        "The Syrian Observatory for Human Rights said 17 people were killed in the strike on "
        "Thursday, while the Syrian Civil Defence put the toll at 12."
    )
    by_source = {c.claimed_by: c.killed for c in found}
    assert by_source == {
        "Syrian Observatory for Human Rights": Range(17, 17),
        "Syrian Civil Defence": Range(12, 12),
    }


def test_follow_up_sentence_adds_children_to_the_previous_claim() -> None:
    found = incidents(
        "The Observatory said 21 people were killed in air strikes on the town of Saraqeb on "
        "Sunday night. Among them were six children, it said."
    )
    assert len(found) == 1
    assert found[0].killed == Range(21, 21)
    assert found[0].children_killed == Range(6, 6)
    assert found[0].date_start == date(2016, 10, 9)
    assert "Among them were six children" in found[0].quote


def test_aggregate_is_kept_apart_from_incident() -> None:
    text = (
        "Government air strikes have killed 520 people in the besieged east of the city since "
        "Sept. 22, including 97 children, the Observatory said.\n\n"
        "On Wednesday alone, a strike on a bakery in the al-Shaar district killed 15 people, it said."
    )
    found = claims_of(text)
    scopes = sorted((c.scope, c.killed.low if c.killed else None) for c in found)
    assert scopes == [("aggregate", 520), ("incident", 15)]
    agg = next(c for c in found if c.scope == "aggregate")
    assert agg.children_killed == Range(97, 97)


def test_period_totals_are_aggregates() -> None:
    found = claims_of("Bombing has killed more than 200 people in the city this week, medics said.")
    assert [c.scope for c in found] == ["aggregate"]
    assert found[0].killed == Range(201, None)
    assert found[0].claimed_by == "Medical sources"


def test_relative_dates_need_a_publication_date() -> None:
    [c] = incidents("Air strikes killed eight people in the town of Douma on Monday.", published=None)
    assert c.killed == Range(8, 8)
    assert c.date_start is None  # never guessed


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("on Monday", date(2016, 10, 10), 1),
        ("on Sunday night", date(2016, 10, 9), 1),
        ("earlier on Thursday", THU, 1),
        ("overnight", date(2016, 10, 12), 1),
        ("on Oct. 3", date(2016, 10, 3), 1),
        ("last week", date(2016, 10, 3), 2),
    ],
)
def test_date_phrases(phrase: str, expected: date, precision: int) -> None:
    [d] = find_dates(f"Rockets fell on the market {phrase}.", THU)
    assert d.date_start == expected
    assert d.precision == precision


@pytest.mark.parametrize("text", ["Oct. 3", "3 October", "Dec 31", "Jan. 1", "Feb. 29", "Sept. 31", "June 30th"])
def test_a_date_without_a_year_is_read_once_and_dated_as_dateparser_dates_it(text: str) -> None:
    """ "Oct. 3" is read by dateparser once per text; its year then follows publication (the year
    before when the day would come after it). Around the day itself, at the turn of a year and
    around a leap day, that gives what dateparser gives for each publication date."""
    days = [date(2019, 1, 1), date(2019, 12, 31), date(2020, 2, 28), date(2020, 2, 29), date(2020, 3, 1),
            date(2021, 3, 1), date(2019, 10, 2), date(2019, 10, 3), date(2019, 10, 4), date(2020, 12, 31)]
    for published in days:
        dates._explicit.cache_clear()
        assert dates._explicit(text, published) == dates._dateparser(text, published), (text, published)
    assert (dates._month_day(text) is None) == (text in ("Feb. 29", "Sept. 31"))


def test_statement_date_is_not_the_event_date_when_the_event_has_one() -> None:
    [c] = incidents("Shelling killed four people in Jobar on Tuesday, activists said on Thursday.")
    assert c.date_start == date(2016, 10, 11)
    assert c.claimed_by == "Activists"


def test_dated_strike_without_figures_is_an_incident() -> None:
    [c] = incidents("A field hospital in the town of Kafr Nabl was bombed on Tuesday, a doctor said.")
    assert c.killed is None
    assert c.sub_event_type == "Air/drone strike"
    assert c.claimed_by == "Medical sources"


def test_capture_of_territory() -> None:
    [c] = incidents(
        "A military source said the army had taken control of the village of Bashkuy north of "
        "the city on Wednesday."
    )
    assert (c.event_type, c.sub_event_type) == ("Strategic developments", "Government regains territory")
    assert c.location == "Bashkuy"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow and Damascus deny that their jets have killed any civilians.",
        "The army says it only targets militants.",
        "Aid groups warned that an all-out assault could kill thousands of people.",
        "The war has killed more than 300,000 people since 2011.",
        "Italy's coast guard rescued 1,200 migrants on Thursday and 40 people were missing.",
        "More than 250,000 people are trapped in the eastern districts, the U.N. says.",
        "The army destroyed 14 tanks and four rocket launchers, the ministry said.",
    ],
)
def test_not_incidents(text: str) -> None:
    assert incidents(text) == []


def test_classify_ignores_ages_distances_and_dates() -> None:
    found = classify_figures(
        "A 12-year-old boy was among 5 people killed about 30 km from the border on Oct. 4, 2016."
    )
    assert [c.fig.value.low for c in found if not c.subset] == [5]
    # "a 12-year-old boy was among 5 people killed": one child among the dead, not a sixth toll
    assert [(c.fig.value.low, c.victim) for c in found if c.subset] == [(1, "children")]


def test_claim_ids_are_stable() -> None:
    text = "Shelling killed nine people in the town of Harasta on Monday, the Observatory said."
    a = [c.claim_id for c in claims_of(text)]
    b = [c.claim_id for c in claims_of(text)]
    assert a == b and len(set(a)) == 1


def test_deaths_outside_a_conflict_are_not_claims() -> None:
    text = (
        "DHAKA (Reuters) - A fire at a garment warehouse killed 19 workers on Tuesday, fire officials "
        "said, and the toll rose to 23 after more bodies were found.\n\n"
        "Soldiers joined firefighters in the search for survivors, police said."
    )
    assert claims_of(text) == []


def test_capture_of_a_named_place_needs_no_date() -> None:
    [c] = incidents(
        "Rebels took control of the village of Tal Batnan as the militants retreated, a rebel "
        "commander said."
    )
    assert c.sub_event_type == "Non-state actor overtakes territory"
    assert c.location == "Tal Batnan"
    assert c.claimed_by == "Rebel source"
    assert c.killed is None


def test_clause_without_figures_beside_one_with_figures_is_its_own_incident() -> None:
    found = incidents(
        "Turkish jets destroyed two depots used by the militants on Tuesday, while coalition aircraft "
        "killed 14 of the jihadists, the Turkish military said."
    )
    assert sorted((c.killed.low if c.killed else None) is None for c in found) == [False, True]
    assert all(c.claimed_by == "Turkish military" for c in found)
    assert all(c.sub_event_type == "Air/drone strike" for c in found)


def test_actors_normalised_from_the_data_file() -> None:
    [c] = incidents("Russian warplanes killed 12 civilians in the town of Kafr Zita on Monday, activists said.")
    assert (c.actor1, c.actor2) == ("Military Forces of Russia", "Civilians")
    [c] = incidents("Government forces shelled the village of Kfar Nabuda in Hama on Monday, killing six rebels, the Observatory said.")
    assert (c.actor1, c.actor2) == ("Military Forces of Syria", "Syrian rebels")


def test_the_speaker_is_not_an_actor_and_rebels_do_not_fly() -> None:
    [c] = incidents(
        "An Iraqi army officer said four soldiers were killed when a suicide bomber hit a checkpoint "
        "near the village of Tob Zawa on Monday."
    )
    assert c.sub_event_type == "Suicide bomb"
    assert c.actor1 != "Military Forces of Iraq"
    found = extract_claims(Article(
        text="Air strikes killed 30 people at a wedding in the town of Sanhan on Monday, said the health "
             "ministry, which is run by Houthi rebels.",
        title="Saudi-led coalition air strike kills 30 at wedding", published=THU))
    assert [c.actor1 for c in found] == ["Saudi-led coalition"]
