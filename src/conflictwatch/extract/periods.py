"""Counts over a period that wear no period word the lexicon lists: "2022 closed with 1,113
homicides", "23 attacks, in which 26 people died", "brings to 232 the number of truffle hunters
killed since ...", "put the toll in El Geneina at 10,000 to 15,000". Monitors' monthly reports and
ministers' year-end figures read as one incident each; `scope.is_aggregate` asks these too."""

from __future__ import annotations

import re

from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.figures import Casualty

# "2022 closed with 1,113 intentional homicides", "Ecuador ended the year with 4,600 violent deaths"
_YEAR_CLOSED = re.compile(
    r"\b(?:(?:19|20)\d\d|the\s+year)\s+(?:closed|ended|ends|closes|finished)\s+with\b"
    r"|\b(?:closed|ended|closes|ends|finished)\s+(?:(?:19|20)\d\d|the\s+year)\s+with\b"
    # ("2024 has been the deadliest year for Maoists, with 287 cadres killed", "February closed as the
    # most violent month of the year in the state, with 190 homicides")
    r"|\b(?:deadliest|bloodiest|most\s+violent)\s+(?:year|month|week|quarter)\b", re.IGNORECASE)
# "saw 23 attacks, in which 26 people died": a toll of events counted (not "one of two attackers")
# (not "dozens of raids on the town overnight": one bombardment; not "Jan. 23 raids": a day)
_COUNTED_EVENTS = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:(?:separate|different|other|such|similar|deadly|militant|armed|terrorist)\s+)?"
    r"(?:attacks|incidents|bombings|killings|assaults|ambushes)\b"
    # ("30 Maoists in two separate encounters", "in three separate clashes")
    r"|\b(?:two|three|four|five|several|\d+)\s+(?:separate|different)\s+(?:clashes|raids|strikes|airstrikes"
    r"|encounters|gunfights|firefights|operations)\b",
    re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
# "brings to 232 the number of truffle hunters killed since the start of the season": the count since
# a day, however the latest attack that raised it is named
_NUMBER_SINCE = re.compile(
    r"\bnumber\s+of\s+(?:[\w'’-]+\s+){0,6}?(?:killed|dead|deaths|victims)\s+(?:since|so\s+far|this\s+year"
    r"|in\s+(?:19|20)\d\d)\b", re.IGNORECASE)
# "The attacks claimed 112 lives", the report said: the dead of the attacks it counts, with no day
_THE_ATTACKS = re.compile(r"^\W*(?:the|these|such)\s+(?:[\w-]+\s+)?(?:attacks|raids|bombings|killings"
                          r"|incidents)\s+(?:have\s+|had\s+)?(?:killed|claimed|left)\b", re.IGNORECASE)
# "a suicide bomber killed", "in an attack on": one event named (a big toll of it is still one)
_ONE_NAMED = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|bombing|blast|explosion|raid"
                        r"|ambush|massacre|assault|bomber)\b", re.IGNORECASE)


def counts_a_period(s: str, dates: list[DateMention], cas: list[Casualty] | None) -> bool:
    """Is the sentence's toll a count over a period or over many events (no incident)?"""
    # (near a toll: "carried out seven attacks ..., following the killing of an official in Beirut
    # last week" counts the attacks, not the official's death)
    # (not one death with its place: "launched 412 attacks on 8 settlements, killing a woman in X")
    many = [c for c in cas or [] if c.kind == "killed" and (c.fig.value.high is None or c.fig.value.high > 1)]
    counted = any(not _MONTH_BEFORE.search(s, 0, m.start())
                  and any(abs(c.fig.start - m.start()) < 80 for c in many)
                  for m in _COUNTED_EVENTS.finditer(s))
    if _YEAR_CLOSED.search(s) or counted or _NUMBER_SINCE.search(s):
        return True
    day = any(d.precision == 1 and not d.statement and d.date_start for d in dates)
    if _THE_ATTACKS.search(s) and not day:
        return True
    # a toll in the thousands with no day of its own and no one event named: a war's or a city's count
    # ("A U.N. panel put the death toll in El Geneina alone at 10,000 to 15,000")
    huge = any(c.kind == "killed" and not c.subset and c.fig.value.low >= 1000 for c in cas or [])
    return huge and not day and _ONE_NAMED.search(s) is None


TOTAL_TO = re.compile(r"\bthe\s+total\s+(?:to|at|stands|stood|rose|reached)\b", re.IGNORECASE)
# "in attacks on farming communities in Benue and Plateau states": a count over two provinces
TWO_PROVINCES = re.compile(r"\bin\s+(?:[A-Z][\w'’-]+\s+){1,2}and\s+(?:[A-Z][\w'’-]+\s+){1,2}"
                            r"(?:states|provinces|regions|governorates|oblasts)\b")
MANY_PLACES = re.compile(
    r"\b(?:settlements|villages|towns|cities|communities|localities|areas|districts|regions|oblasts"
    r"|directions?|front(?:line)?|positions)\b", re.IGNORECASE)


# "The toll had since risen to 30": "since" as an adverb (since then), no period's start; blanked
# before the aggregate markers (whose "since" is a period's) are read
# (not "20 people have since been killed": a count since the day told before)
ADVERBIAL_SINCE = re.compile(r"\b(?:has|had|have)\s+since(?=\s+(?:risen|climbed|increased|grown|gone\s+up"
                             r"|reached|jumped|been\s+(?:raised|revised|updated)))"
                             # ("a day after the country marked one year since its deadliest attack")
                             r"|\b(?:marked|marks|marking)\s+(?:one|a|two|three|four|five|\d+)\s+(?:years?|months?)"
                             r"\s+since\b"
                             # ("the bodies of three soldiers missing since an ambush on Friday": how long
                             # they were missing, no period counted over)
                             r"|\b(?:missing|disappeared|unaccounted\s+for|held|captive|detained|abducted"
                             r"|kidnapped)\s+since\b"
                             # ("in Russia's largest drone attack on the capital so far": one attack)
                             r"|\b(?:largest|biggest|deadliest|heaviest|worst|most\s+\w+)\s+(?:[\w'’-]+\s+){1,6}?"
                             r"(?:so\s+far|to\s+date|yet)\b", re.IGNORECASE)


# The words around a period that name a day or an hour, not a period counted over (`scope.is_aggregate`
# blanks them): "As of 10 a.m.", "Earlier this month, on May 3,", "earlier this month" in a report's lead
AS_OF_HOUR = re.compile(
    r"\bas of\s+(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?|h\b|hrs\b)|\d{1,2}:\d\d\b"
    r"|this (?:morning|afternoon|evening)\b|now\b|noon\b|midday\b)", re.IGNORECASE)
PERIOD_THEN_DAY = re.compile(r"\b(?:(?:early|earlier|late|later)\s+)?(?:this|last)\s+(?:week|month)\s*,\s*"
                              r"(?=(?:on\s+)?(?:[A-Z][a-z]+day\b|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b))")
EARLIER_THIS_MONTH = re.compile(r"\b(?:early|earlier|late|later)\s+this\s+month\b", re.IGNORECASE)


# "since March 31", "since the fall of Assad on Dec. 8": the start of a state or a period, before a day
SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,60}$", re.IGNORECASE)
# "since Russian forces captured Avdiivka in February", "since the fall of Assad": a time's start
SINCE_CAPTURE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,4}?(?:captured|seized|took|retook|recaptured|fell"
                           r"|fall|capture|entered)\b", re.IGNORECASE)
# "earlier this year", "last month": background (not "earlier this month", the news of these weeks)
OTHER_MONTH = re.compile(r"\b(?:(?:earlier|early|late)\s+)?this\s+year\b|\blast\s+(?:year|month)\b",
                         re.IGNORECASE)
# "in protests across Iran", "across the country": an area, not a place
ACROSS = re.compile(r"\bacross\s+(?:the\s+)?(?:country|nation|region|[A-Z][a-z]+)\b"
                    r"(?!\s+(?:River|river|border))")
# "14 people were killed across Syria on Monday": a day's count over a country
ACROSS_COUNTRY = re.compile(
    # ("Israeli strikes across Lebanon on Thursday killed at least 41": the country's day, told first)
    r"\b(?:(?:killed|died|dead|deaths?)\b[^.;]{0,40}|(?:series|spate|wave|string)\s+of\s+[^.;]{0,50}?"
    r"|(?:strikes|airstrikes|air\s+strikes|attacks|raids|bombardments?|shelling)\s+"
    # ("Across Ecuador, at least 10 people were killed on Tuesday": the country's day, told first)
    r"|^\W*(?=Across\s+(?:the\s+)?[A-Z\w]+[^.;]{0,60}?\b(?:killed|died|dead)\b))"
    # ("killed across the territory on Saturday": the Gaza Strip's day)
    r"\b[Aa]cross\s+(?:the\s+)?(?:country|nation|territory|Strip|enclave"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?!\s+(?:River|river|border|frontline|front line))"
)


# A war's whole count, not an incident's: "a civil war that killed an estimated 400,000 people"
WHOLE_WAR = re.compile(
    r"\b(?:war|conflict|insurgency|uprising|civil war)\b,[^,]{0,60},\s+"
    r"(?:has|had|have)\s+(?:killed|left|claimed)"
    # "a civil war that killed an estimated 400,000 people", "That war killed about 1,200"
    r"|\b(?:civil war|war|genocide|insurgency|uprising)\s+(?:that|which)\s+(?:has\s+|had\s+)?"
    r"(?:killed|left|claimed)\b|^\s*(?:That|The|This)\s+(?:civil\s+)?war\s+(?:killed|left|claimed)\b"
    # "killed ... during the 12-day war"
    r"|\b(?:during|in|of)\s+the\s+(?:\w+[- ])?(?:day|week|month)\s+war\b",
    re.I,
)


_TALLY_BY = re.compile(r"\baccording to (?:an?|the) (?:[\w-]+\s+)?tally\s+(?:compiled\s+|kept\s+)?by\b")
_AGENCY_TALLY = re.compile(r"\baccording to (?:an?|the) (?:[A-Z][\w-]*\s+){1,2}tally\b")


def tally_of_one_day(s: str, markers: list[str], dates: list[DateMention], one_event: bool) -> bool:
    """Is the sentence's "tally" the count of one day's incident ("killed in a Russian strike on Kharkiv
    on Tuesday, according to an AFP tally"; "Clashes in Pinga killed five on Monday, according to a tally
    by local officials"), not a period's?"""
    day = any(d.precision == 1 and not d.statement for d in dates)
    if one_event and _AGENCY_TALLY.search(s) and day:
        return True
    return [m.lower() for m in markers] == ["tally"] and bool(_TALLY_BY.search(s)) and day \
        and not MANY_PLACES.search(s) and len(re.findall(r"\b(?:in|at|near)\s+(?:the\s+)?[A-Z]", s)) == 1
