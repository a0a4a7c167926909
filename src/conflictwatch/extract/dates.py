"""Event dates from wire phrasing, resolved against the publication date.

"on Monday" is the latest Monday on or before publication; "Sunday night" is that Sunday;
"overnight" is the night before publication; "last week" is the previous Monday-Sunday
(time_precision 2); "two days ago", "a week ago", "a month ago" count back from publication. With
no publication date, relative dates stay unresolved: never guessed.
Explicit dates ("Oct. 3", "12 October 2016") are parsed with dateparser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from conflictwatch.extract.datelines import AGENCY_DATELINE
from conflictwatch.extract.ethiopian import PATTERN as ETHIOPIAN
from conflictwatch.extract.ethiopian import ethiopian_day
from conflictwatch.extract.numbers import DAY_NUMBER_ENDS, words_to_int
from conflictwatch.extract.quickre import quick
from conflictwatch.extract.saiddays import said_before, statement_day
from conflictwatch.extract.solar import PATTERN as SOLAR
from conflictwatch.extract.solar import solar_day
from conflictwatch.months import FULL_NAMES, MONTHS, NAME_OR_SHORT

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


_DAY_NUMBER_AFTER = re.compile(rf"\s+(\d{{1,2}})(?={DAY_NUMBER_ENDS})")


def _days_numbered(day: int, published: date, months: int) -> Iterator[date]:
    """Day `day` of the publication's month and of the `months` - 1 months before it, latest first
    (a month without that day, a 31st of April, is skipped)."""
    year, month = published.year, published.month
    for _ in range(months):
        try:
            yield date(year, month, day)
        except ValueError:
            pass
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def _day_of_month(day: int, published: date) -> date | None:
    """Day `day` of the publication's month, or of the month before when that day is still to come."""
    return next((d for d in _days_numbered(day, published, 2) if d <= published), None)


def _weekday_numbered(published: date, wd: int, day: int) -> date | None:
    """The latest date up to publication that is day `day` of its month and a `wd` weekday."""
    return next((d for d in _days_numbered(day, published, 3) if d <= published and d.weekday() == wd), None)


def names_weekday(text: str) -> bool:
    """Does the text name a day of the week ("on Tuesday night", "Sunday")?"""
    low = text.lower()
    return any(w in low for w in WEEKDAYS)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night|dawn))?"

DATE_RE = quick(re.compile(
    # "mid-March", "in early April", "late last month" is not here: a part of a named month
    rf"(?P<monthpart>\b(?:early|mid|late)[-\s](?:{FULL_NAMES})\b(?!\s+\d))"
    rf"|(?P<ethiopian>{ETHIOPIAN})"
    rf"|(?P<solar>{SOLAR})"
    rf"|(?P<explicit>\b(?:{NAME_OR_SHORT}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}\b)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{NAME_OR_SHORT}(?:,?\s+\d{{4}})?)\b)"
    rf"|(?P<weekday>\b(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?(?:on\s+|last\s+|(?:on\s+)?penultimate\s+)?{_WD}(?:['’]s)?{_DAYPART}\b)"
    r"|(?P<numeric>\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b)"
    # "on 14.03", "on the night of 24/11": a day and month with no year (after "on", never a rate)
    # (not "on the night of 14/15 March": two days of a month named after them)
    rf"|(?P<daymonth>(?:(?<=\bon\s)|(?<=night\sof\s))\d{{1,2}}[/.]\d{{1,2}}\b(?![/.,]?\d)(?!\s+(?:{NAME_OR_SHORT})\b))"
    # "on the 13th" (translated copy): a day of this month, or of the last
    rf"|(?P<ordinal>\bon\s+the\s+\d{{1,2}}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:(?:this|last|that|the)\s+)?(?:{NAME_OR_SHORT}|month|day|anniversary"
    r"|floor|time|century)))"
    r"|(?P<overnight>\bovernight\b|\blast night\b)"
    # (not "on Wednesday, a day before the national vote": a day counted from another event's)
    r"|(?P<yesterday>\byesterday\b|\ba day (?:earlier|before)\b(?!\s+(?:the|an?|his|her|its|their)\s)"
    r"|\bthe (?:previous|preceding) (?:day|night)\b"
    r"|\bthe night before\b(?!\s+(?:the|an?|his|her|its|their)\s)"
    r"|\bthe day before\b)"
    r"|(?P<today>\btoday\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b)"
    # (not "investigating last week's armed takeover": another event's week)
    r"|(?P<lastweek>(?<!investigating\s)(?<!following\s)(?<!after\s)(?<!since\s)\blast week\b)"
    r"|(?P<weekend>\b(?:over|at|during) the weekend\b|\b(?:last|this|the previous) weekend\b)"
    r"|(?P<thisweek>\b(?:early|earlier|late|later) this week\b|\bthis week\b)"
    r"|(?P<ago>\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a few|several)\s+"
    r"(?:days?|weeks?|months?)\s+ago\b)",
    re.IGNORECASE,
))


def _numeric(text: str) -> date | None:
    """ "29/01/2024", "14.03.2024": day first, as the press outside the United States writes it (a
    day that cannot be one, "01/29/2024", is read month first)."""
    a, b, y = (int(x) for x in re.split(r"[/.]", text))
    for day, month in ((a, b), (b, a)):
        try:
            return date(y, month, day)
        except ValueError:
            continue
    return None


def _day_and_month(text: str, published: date | None) -> date | None:
    """ "14.03": that day of the last weeks before publication; None for any other ("on 3/4" in May is
    no day in April a story would give so bare)."""
    day, month = (int(x) for x in re.split(r"[/.]", text))
    if published is None:
        return None
    try:
        found = date(published.year, month, day)
        found = found if found <= published else date(published.year - 1, month, day)
    except ValueError:
        return None
    return found if (published - found).days <= 31 else None


def _ago(text: str, published: date) -> tuple[date, date, int] | None:
    """ "two days ago" is that day; "a week ago" the days around it (precision 2); "a month ago" the
    month before (precision 3); "a few days ago" two to six days back. Months further back are
    background (extract.scope), not dated here."""
    words = text.lower().split()
    unit = words[-2].rstrip("s")
    few = words[0] == "several" or words[:2] == ["a", "few"]
    n = None if few else 1 if words[0] in ("a", "an") else words_to_int(words[0])
    if unit == "day":
        if n is None:
            return published - timedelta(days=6), published - timedelta(days=2), 2
        return published - timedelta(days=n), published - timedelta(days=n), 1
    if n is None:
        return None
    if unit == "week":
        mid = published - timedelta(days=7 * n)
        return mid - timedelta(days=3), min(mid + timedelta(days=3), published), 2
    if n == 1:
        return published - timedelta(days=37), published - timedelta(days=23), 3
    return None

_MONTH_DAY_SPAN = re.compile(r"(?P<month>\D+?\s+(?P<first>\d{1,2}))\s*[-–]\s*(?P<last>\d{1,2})(?P<rest>.*)$")
_DAY_SPAN_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*$")
# "PESHAWAR, Pakistan, March 13 (Reuters) - ...": a dateline's date is the day of the report (its
# text left in the body where the reader could not take the dateline apart).
# (the town in capitals or not, accents and all: "POPAYÁN, April 2", "Cox's Bazar, Oct 18 -")
_DATELINE_HEAD = re.compile(r"\s*(?=[A-ZÀ-Þ])[\w .'’/-]{2,41}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s*$")
# "NEW YORK, USA, December 1, 2021,-/African Media Agency (AMA)/-": a press wire's form
# ("BOGOTA, Apr 18 (Prensa Latina) Five soldiers ...": an agency's brackets may end it with no dash;
# "MOGADISHU, 25 Jan. (Xinhua) --": a day first, its month cut short; "BOGOTÁ, 2 mar (EFE).- ")
_DATELINE_TAIL = re.compile(r"\.?(?:,?\s*\d{4})?,?\s*(?:\([^()]{1,40}\)\.?\s*(?:[-–—]{1,2}(?:\s|/)|:\s"
                            r"|(?=[A-Z]))|[-–—]{1,2}(?:\s|/)|:\s)")
_AGENCY_BRACKET = re.compile(r",?\s*\d{0,4}\s*\([^()]{1,40}\)")  # "Aug 17 (Reuters)", "June 9, 2022 (RFA)"
# "GUAYAQUIL, Ecuador (May 5) - ...": the day in brackets after the town
_PAREN_HEAD = re.compile(r"\s*[A-Z][A-Z .'’/-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*\(\s*$")
_PAREN_TAIL = re.compile(r"(?:,?\s*\d{4})?\s*\)\s*[-–—:]")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: int  # 1 day, 2 week, 3 longer
    statement: bool  # attached to a speech verb: when it was said, not when it happened


def _month_part(text: str, published: date) -> tuple[date, date, int] | None:
    """ "early March" the 1st to the 10th, "mid-March" the 11th to the 20th, "late March" the 21st
    to the month's end (precision 2), in the latest such month on or before publication; None
    when that part has not begun by publication."""
    part, name = re.split(r"[-\s]", text.lower(), maxsplit=1)
    month = MONTHS[name.strip()]
    year = published.year if month <= published.month else published.year - 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    start, end = date(year, month, first_day), min(date(year, month, last_day), published)
    return (start, end, 2) if start <= published else None


def _weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


@lru_cache(maxsize=4096)  # dateparser takes ~2-3 ms a call; a story repeats its dates ("Oct. 3")
def _explicit(text: str, published: date | None) -> date | None:
    has_year = bool(re.search(r"\d{4}", text))
    if published is None and not has_year:
        return None  # "Oct. 3" with no publication date: the year would be a guess
    if published is not None and not has_year:
        day = _month_day(text)
        if day is not None:  # the latest such day on or before publication, as dateparser gives it
            year = published.year if day <= (published.month, published.day) else published.year - 1
            return date(year, *day)
    return _dateparser(text, published)


@lru_cache(maxsize=4096)
def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date without a year ("Oct. 3"): dateparser's reading once per text, not
    once per text and publication date (a corpus spread over years repeats the texts, not the
    pairs). With PREFER_DATES_FROM past, dateparser puts such a day in the publication year, or
    the year before when it would fall after publication; that rule is applied by `_explicit`.
    None (dateparser asked for every publication date) where the rule does not hold: Feb 29
    (dateparser goes back to a leap year) and texts it does not read as that day of 2000 on
    2000-12-31 (a leap year's last day: every month and day falls on or before it)."""
    parsed = _dateparser(text, date(2000, 12, 31))
    if parsed is None or parsed.year != 2000 or (parsed.month, parsed.day) == (2, 29):
        return None
    return parsed.month, parsed.day


def _dateparser(text: str, published: date | None) -> date | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", text)
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned, flags=re.IGNORECASE)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


_HONORIFIC = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Chief|Pastor|Rev|Hon|Alhaji|Elder|Barr|Engr|Prof)\.?"
                        r"|(,))\s+$")
_SURNAME = re.compile(r"\s+[A-Z][a-z]+\b(?P<said>,|\s+(?:said|told)\b)?")


def _named_for_a_day(sentence: str, start: int, end: int) -> bool:
    """A weekday that is a man's name: after a title, or set off by commas before a surname."""
    title, surname = _HONORIFIC.search(sentence, max(0, start - 14), start), _SURNAME.match(sentence, end)
    return bool(title and surname and (not title.group(1) or surname.group("said")))


_WORLD_CLOCK = re.compile(r"\([^()]{0,40}\b(?:GMT|UTC)\b[^()]{0,40}\)")


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Every date expression in the sentence, resolved where the publication date allows."""
    return list(_find_dates(sentence, published))


@lru_cache(maxsize=256)
def _find_dates(sentence: str, published: date | None) -> tuple[DateMention, ...]:
    """Cached (the mentions are frozen): an article's lead is read for who spoke on which day,
    then again as sentences, and the story passes read the days of the sentences around a claim
    (~10 calls an article for ~8 sentences)."""
    out: list[DateMention] = []
    # "at 3 a.m. local time (2230 GMT Saturday)": the world clock's day in brackets, not the local one
    clock = "GMT" in sentence or "UTC" in sentence
    world = [(g.start(), g.end()) for g in _WORLD_CLOCK.finditer(sentence)] if clock else []
    for m in DATE_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b in world):
            continue
        kind = m.lastgroup
        txt = m.group(0)
        start_d: date | None = None
        end_d: date | None = None
        precision = 1
        if kind == "explicit":
            # "June 4-5, 2021": two days of a month, the year after both
            days = _MONTH_DAY_SPAN.match(txt)
            start_d = _explicit(days["month"] + days["rest"] if days else txt, published)
            if start_d is not None and days and int(days["first"]) < int(days["last"]) <= 31:
                start_d = start_d.replace(day=int(days["first"]))
                end_d = start_d.replace(day=int(days["last"]))
                precision = 1 if (end_d - start_d).days <= 1 else 2
            span = _DAY_SPAN_BEFORE.search(sentence, 0, m.start())
            if start_d is not None and span and txt[:1].isdigit() and 0 < start_d.day - int(span[1]) <= 6:
                # "the night of 12 to 13 April": from the first day to the second
                start_d, end_d = start_d.replace(day=int(span[1])), start_d
                precision = 1 if (end_d - start_d).days <= 1 else 2
        elif kind in ("numeric", "daymonth"):
            start_d = _numeric(txt) if kind == "numeric" else _day_and_month(txt, published)
            if start_d is None:
                continue
        elif kind == "ethiopian":  # "on Meskerem 6, 2016 E.C."
            if (start_d := ethiopian_day(txt, published)) is None:
                continue
        elif kind == "solar":  # "on 18 Dalw", "on the night of 12-13 Sawr"
            if (start_d := solar_day(txt, published)) is None:
                continue
        elif kind == "ordinal":
            start_d = _day_of_month(int(re.sub(r"\D", "", txt)), published) if published else None
            if start_d is None:
                continue
        elif published is None:
            pass
        elif kind == "monthpart":
            part = _month_part(txt, published)
            if part is None:
                continue
            start_d, end_d, precision = part
        elif kind == "weekday":
            if _named_for_a_day(sentence, m.start(), m.end()):
                continue  # ("the chairman, Mr. Monday Kassah, said": a man, not a day)
            wd = next(i for i, w in enumerate(WEEKDAYS) if w in txt.lower())
            start_d = _weekday_on_or_before(published, wd)
            numbered = _DAY_NUMBER_AFTER.match(sentence, m.end())
            dated = _weekday_numbered(published, wd, int(numbered[1])) if numbered else None
            start_d = dated or start_d  # "on Sunday 19" (translated copy): the Sunday that is a 19th
            if txt.lower().startswith("last ") and start_d == published:
                start_d -= timedelta(days=7)
            if "penultimate" in txt.lower():  # (Nigerian English: the one before last)
                start_d = _weekday_on_or_before(published - timedelta(days=1), wd) - timedelta(days=7)
        elif kind == "overnight":
            start_d = published - timedelta(days=1)
        elif kind == "yesterday":
            start_d = published - timedelta(days=1)
        elif kind == "today":
            start_d = published
        elif kind == "lastweek":
            monday = published - timedelta(days=published.weekday() + 7)
            start_d, end_d, precision = monday, monday + timedelta(days=6), 2
        elif kind == "weekend":
            # the last Saturday-Sunday before publication (the same weekend when published on it)
            saturday = _weekday_on_or_before(published - timedelta(days=2 * ("previous" in txt.lower())), 5)
            start_d, end_d, precision = saturday, min(saturday + timedelta(days=1), published), 2
        elif kind == "thisweek":
            monday = published - timedelta(days=published.weekday())
            start_d, end_d, precision = monday, published, 2
        elif kind == "ago":
            back = _ago(txt, published)
            if back is None:
                continue  # "three months ago": background (extract.scope), no date of an incident
            start_d, end_d, precision = back
        if _ROLE_IN_EVENT.search(sentence, 0, m.start()) and _EVENT_NOUN_AFTER.match(sentence, m.end()):
            continue  # "an operative who took part in the October 7 attack": another event's day
        if _MISSING_SINCE.search(sentence, max(0, m.start() - 70), m.start()):
            continue  # "four boys missing since a military detention on Feb. 20": when they vanished
        if kind == "weekday" and _PLANNED_FOR.search(sentence, max(0, m.start() - 12), m.start()) \
                and not txt.endswith(("'s", "’s")):  # (not "responsibility for Tuesday's attack")
            continue  # "A day of mourning was declared for Tuesday": a day to come, no event's
        statement = statement_day(sentence, m.start(), m.end(), txt)
        head = sentence[: m.start()]
        agency = AGENCY_DATELINE.match(sentence)  # "Imphal, Jan 15 (PTI) A 45-year-old man ..."
        # ("Aug 17 (Reuters) - ...": a wire's dateline with no town)
        # (a bulletin's "16/11/2023 – Mali, Segou region:" opens its item with the day of the event)
        townless = not head.strip() and _AGENCY_BRACKET.match(sentence, m.end()) is not None
        dateline = ((townless or _DATELINE_HEAD.match(head)) and _DATELINE_TAIL.match(sentence, m.end())) \
            or (agency is not None and m.end() <= agency.end()) \
            or (_PAREN_HEAD.match(head) and _PAREN_TAIL.match(sentence, m.end()))
        if kind in ("explicit", "numeric") and dateline:  # ("NIAMEY, 18/01/2022 (ActuNiger) -" too)
            if published and start_d and abs((published - start_d).days) > 31:
                continue  # a press release's old dateline pasted into a later story: no day of anything
            statement = True
        out.append(DateMention(m.start(), m.end(), txt, start_d, end_d or start_d, precision, statement))
    found = _weekday_with_date(sentence, _quoted_days(sentence, _day_before_the_statement(out), published))
    found = _a_day_after(sentence, found)
    extra = [*_of_this_month(sentence, published, found), *_feast_days(sentence, published, found)]
    found = sorted([*found, *extra], key=lambda m: m.start)
    # "overnight from Saturday to Sunday": the days say which night
    found = [m for i, m in enumerate(found) if not (
        m.text.lower() == "overnight" and i + 1 < len(found)
        and re.fullmatch(r"\s+(?:(?:from|of|into|on|to)\s+)?", sentence[m.end : found[i + 1].start])
        and names_weekday(found[i + 1].text))]
    return tuple(_the_events_own_day(sentence, _weekday_of_last_week(sentence, found, published)))


# "bringing to eight the number killed in Thursday's siege", "recovered on Sunday from the site of
# Saturday's encounter": the event's own day, named with it; the other days are when it was counted
_DAYS_EVENT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:attack|encounter|blast|bombing|(?:air\s?)?strike|raid"
                         r"|siege|ambush|clash(?:es)?|fighting|massacre|explosion|shooting|assault)\b", re.I)


def _the_events_own_day(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """The other days of a sentence that names its event's own day are days of telling."""
    own = [m for m in found if m.precision == 1 and m.text.endswith(("'s", "’s")) and names_weekday(m.text)
           and _DAYS_EVENT.match(sentence, m.end)]
    return [m if not own or m in own or m.statement else DateMention(
        m.start, m.end, m.text, m.date_start, m.date_end, m.precision, True) for m in found]


# A victim's part in an older event, named by its day: "who took part in the October 7 attack"
_ROLE_IN_EVENT = re.compile(
    r"\b(?:part in|planned|plotted|masterminded|led|carried out|behind|involved in|responsible for|accused of"
    r"|suspected of|wanted for|linked to|in connection with|organi[sz]ed|orchestrated)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EVENT_NOUN_AFTER = re.compile(
    r"\s*(?:(?:deadly|suicide|terror|terrorist|cross-border)\s+)?(?:attacks?|bombings?|massacres?|raids?"
    r"|assaults?|ambush(?:es)?|killings?|incursions?|kidnappings?|abductions?|strikes?|offensive)\b",
    re.IGNORECASE,
)


_DAY_BEFORE = re.compile(r"a day (?:earlier|before)|the (?:previous|preceding) (?:day|night)"
                         r"|the (?:day|night) before", re.I)
# the night before the statement: "killed five people overnight, police said on Monday"
_NIGHT_BEFORE = re.compile(r"overnight|last night", re.I)


def _day_before_the_statement(found: list[DateMention]) -> list[DateMention]:
    """ "The army said on Friday that it had killed 13 militants the previous day": the day before
    the statement's day, not before publication ("yesterday" stays the reporter's); so is the night
    of "overnight, police said on Monday", when the statement is older than the publication."""
    said = next((m.date_start for m in found if m.statement and m.date_start and m.precision == 1), None)
    if said is None:
        return found
    day = said - timedelta(days=1)
    def before(m: DateMention) -> bool:
        night = _NIGHT_BEFORE.fullmatch(m.text) and m.date_start is not None and m.date_start > day
        return not m.statement and bool(_DAY_BEFORE.fullmatch(m.text) or night)

    return [replace(m, date_start=day, date_end=day) if before(m) else m for m in found]


# "The bodies were recovered on Tuesday, a day after they were attacked": the attack's day is the one before
_DAY_AFTER_THEY = re.compile(
    # ("The bodies of five farmers were found on Tuesday near Mongbwalu, three days after they were killed")
    r"[^.;,]{0,60}?,?\s+(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+after\s+"
    r"(?:they|he|she|it|the\s+[\w-]+)\s+(?:was|were|had\s+been)\b"
    # (not "four days after he was detained": the day of his arrest is no day of his death)
    r"(?!\s+(?:\w+\s+)?(?:detained|arrested|abducted|kidnapped|taken|seized|held|reported|last\s+seen|missing)\b)",
    re.I)


def _a_day_after(sentence: str, found: list[DateMention]) -> list[DateMention]:
    out = []
    for m in found:
        after = _DAY_AFTER_THEY.match(sentence, m.end) if m.date_start and m.precision == 1 else None
        n = 1 if after is None or after["n"].lower() in ("a", "one") else words_to_int(after["n"])
        if after is not None and n and m.date_start:
            day = m.date_start - timedelta(days=n)
            m = replace(m, date_start=day, date_end=day)
        out.append(m)
    return out


# (not "missing since an ambush on Friday": the ambush may be when they died)
_MISSING_SINCE = re.compile(r"\b(?:missing|disappeared|unaccounted\s+for|captive)\s+since\s+"
                            r"(?:[\w'’-]+\s+){0,4}?(?:detention|arrest|abduction|kidnapping|disappearance|capture)\b[^.;,]{0,30}?$",
                            re.IGNORECASE)
_PLANNED_FOR = re.compile(r"\b(?:for|until|till|next)\s+$", re.IGNORECASE)
_RELATIVE_DAY = re.compile(r"(?:yesterday|today|last\s+night|this\s+morning|tonight)(?:\s+\w+)?", re.I)


def _quoted_days(sentence: str, found: list[DateMention], published: date | None) -> list[DateMention]:
    """ '"Yesterday alone, six people were killed," a resident told Radio Dabanga on Sunday': the
    speaker's yesterday, counted from the day they spoke, not from publication."""
    said = next((m.date_start for m in found if m.statement and m.date_start and m.precision == 1), None)
    if said is None or published is None or said == published:
        return found
    def quoted(m: DateMention) -> bool:
        before = sentence[: m.start]
        return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1
    shift = published - said
    return [replace(m, date_start=m.date_start - shift, date_end=(m.date_end or m.date_start) - shift)
            if not m.statement and m.date_start and _RELATIVE_DAY.fullmatch(m.text) and quoted(m) else m
            for m in found]


# "on the 3rd of this month", "on 14th instant": a day of the report's month (South Asian and
# East African papers write it so)
_THIS_MONTH_DAY = re.compile(
    r"\b(?:(?:on|from)\s+)?(?:the\s+)?(?:(?P<first>\d{1,2})(?:st|nd|rd|th)?\s+(?:to|-|–|and|till|until)\s+"
    r"(?:the\s+)?)?(?P<day>\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+this\s+month|instant|inst\b\.?)",
    re.IGNORECASE)


def _of_this_month(sentence: str, published: date | None, found: list[DateMention]) -> list[DateMention]:
    if published is None or ("this month" not in sentence and "inst" not in sentence):
        return []
    out = []
    for m in _THIS_MONTH_DAY.finditer(sentence):
        if any(f.start < m.end() and m.start() < f.end for f in found) \
                or not 1 <= int(m["day"]) <= published.day:
            continue
        day = published.replace(day=int(m["day"]))
        span = m["first"] and 1 <= int(m["first"]) < day.day
        first = published.replace(day=int(m["first"])) if span else day
        statement = said_before(sentence, m.start())
        out.append(DateMention(m.start(), m.end(), m.group(0), first, day, 1, statement))
    return out


# Feasts with a fixed day: "on the eve of Christmas", "on Christmas Day", "on New Year's Eve"
_FEASTS = {"christmas eve": (12, 24), "eve of christmas": (12, 24), "christmas day": (12, 25),
           "christmas": (12, 25), "new year's eve": (12, 31), "new year’s eve": (12, 31),
           "new year's day": (1, 1), "new year’s day": (1, 1)}
_FEAST = re.compile(r"\b(?:on\s+)?(?:the\s+)?(?P<feast>christmas\s+eve|eve\s+of\s+christmas|christmas\s+day"
                    r"|new\s+year['’]s\s+(?:eve|day)|christmas)\b", re.IGNORECASE)


def _feast_days(sentence: str, published: date | None, found: list[DateMention]) -> list[DateMention]:
    if published is None or ("hristmas" not in sentence and "ew Year" not in sentence):
        return []
    out = []
    for m in _FEAST.finditer(sentence):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        month, day_of = _FEASTS[re.sub(r"\s+", " ", m["feast"].lower())]
        day = date(published.year, month, day_of)
        if day > published:
            day = date(published.year - 1, month, day_of)  # "on Christmas Day", told in January
        if (published - day).days > 45:
            continue  # a feast long past: no day of this news
        statement = said_before(sentence, m.start())
        out.append(DateMention(m.start(), m.end(), m.group(0), day, day, 1, statement))
    return out


def _weekday_of_last_week(sentence: str, found: list[DateMention], published: date | None,
                          ) -> list[DateMention]:
    """ "on Tuesday night last week", "on Tuesday and Wednesday last week": those weekdays of the
    calendar week before the one of the report (a weekday alone is the latest; "last week" alone
    the whole week)."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):  # ("last week Thursday", "earlier this week, on Thursday")
        week = re.fullmatch(r"(?:earlier\s+)?(last|this)\s+week", out[k].text.lower())
        nxt = out[k + 1]
        if week and _is_weekday(nxt) and re.fullmatch(r"[\s,]*", sentence[out[k].end : nxt.start]):
            day = _in_week_before(nxt.date_start, published) if week[1] == "last" and nxt.date_start \
                else nxt.date_start
            out[k : k + 2] = [replace(nxt, start=out[k].start, text=sentence[out[k].start : nxt.end],
                                      date_start=day, date_end=day)]
    for k in range(len(out) - 1, 0, -1):
        if out[k].text.lower() != "last week" or not _is_weekday(out[k - 1]) \
                or not re.fullmatch(r"[\s,]*(?:of\s+)?", sentence[out[k - 1].end : out[k].start]):
            continue
        chain = [k - 1]
        while chain[0] > 0 and _is_weekday(out[chain[0] - 1]) and re.fullmatch(
                r"[\s,]*(?:and|or)?\s*(?:on\s+)?", sentence[out[chain[0] - 1].end : out[chain[0]].start]):
            chain.insert(0, chain[0] - 1)
        for n in chain:
            m = out[n]
            assert m.date_start is not None
            day = _in_week_before(m.date_start, published)
            out[n] = replace(m, date_start=day, date_end=day)
        last = out[chain[-1]]
        out[chain[-1]] = replace(last, end=out[k].end, text=sentence[last.start : out[k].end])
        del out[k]  # the "last week" is part of the last of these days
    return out


def _is_weekday(m: DateMention) -> bool:
    return m.precision == 1 and m.date_start is not None and not m.statement and names_weekday(m.text)


def _in_week_before(latest: date, published: date | None) -> date:
    """The weekday of `latest` (the latest such day up to the report) in the calendar week, Monday to
    Sunday, before the report's: a week back unless `latest` is already in that week."""
    if published is None:
        return latest - timedelta(days=7)
    this_week = published - timedelta(days=published.weekday())
    return latest - timedelta(days=7) if latest >= this_week else latest


def _weekday_with_date(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """"on Wednesday, September 21": one day, the one the date names (the weekday, resolved
    against the publication date, would be the latest Wednesday)."""
    out: list[DateMention] = []
    for i, m in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and nxt.precision == 1
            and nxt.date_start is not None
            and names_weekday(m.text)
            and re.fullmatch(r"[\s,]*(?:the\s+)?", sentence[m.end : nxt.start])
        ):
            continue
        out.append(m)
    return out
