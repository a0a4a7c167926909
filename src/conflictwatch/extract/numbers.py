"""Casualty figures as wire copy writes them: digits, number words, bounds and vague quantities.

`find_figures(text)` returns every figure with its character span and its bounds as a
Range, following the conventions in docs/gold-format.md ("at least 4" = 4+, "more than
150" = 151+, "nearly 50" = 45-49, "several hundred" = 200+).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictwatch.extract.quickre import quick
from conflictwatch.extract.rules import lexicon
from conflictwatch.models import Range
from conflictwatch.months import ANY_NAME

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@dataclass(frozen=True)
class Figure:
    """A number in the text: where it is, and the bounds it states."""

    start: int
    end: int
    value: Range
    text: str
    exact_number: bool  # digits or number words (not "dozens"/"several")


def words_to_int(words: str) -> int | None:
    """'twenty-two' -> 22, 'one hundred and five' -> 105, '1,384' -> 1384; None if not a number."""
    w = words.lower().replace(",", "").strip()
    if _THOUSANDS_DOT.fullmatch(w):
        w = w.replace(".", "")  # "1.459", "6.000": a thousands dot (translated copy), no decimal
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return int(float(w))
    total, current, seen = 0, 0, False
    for tok in re.split(r"[\s-]+", w):
        if tok in ("and", ""):
            continue
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok in SCALES:
            current = max(current, 1) * SCALES[tok]
            if SCALES[tok] >= 1000:
                total += current
                current = 0
        elif re.fullmatch(r"\d+", tok):
            current += int(tok)
        else:
            return None
        seen = True
    return total + current if seen else None


_NUM_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+(?![\d.,])|\d+(?:\.\d+)?"
    rf"|(?:(?:{_NUM_WORD})(?:[\s-](?:{_NUM_WORD}))?"
    # "three hundred", "two hundred and twenty-one"
    rf"(?:\s(?:hundred|thousand)(?:\s(?:and\s)?(?:{_NUM_WORD})(?:[\s-](?:{_NUM_WORD}))?)?)?))"
    r"(?:\s(?:thousand|million))?"
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    vague = "|".join(sorted((re.escape(k) for k in lex["vague_quantities"]), key=len, reverse=True))
    bound = "|".join(sorted((re.escape(k) for k in lex["bounds"]), key=len, reverse=True))
    fig = quick(re.compile(
        rf"\b(?:(?P<bound>{bound})\s+)?"
        rf"(?:between\s+(?P<lo>{_NUMBER})\s+and\s+(?P<hi>{_NUMBER})"
        rf"|(?P<a>{_NUMBER})\s+(?:to|or)\s+(?P<b>{_NUMBER})(?=\s+[a-z])"
        r"|(?<![\d/.,:-])(?P<c>\d{1,4})[–-](?P<d>\d{1,4})(?=\s+[a-z])"  # "killed 2–5 civilians"
        rf"|(?P<num>{_NUMBER}))\b(?!-(?:year|month|week|day|hour|minute|second|km|mile|metre|meter|storey|story))",
        re.IGNORECASE,
    ))
    vag = quick(re.compile(rf"\b(?P<vague>{vague})\b", re.IGNORECASE))
    return fig, vag


@lru_cache(maxsize=1)
def _name_before() -> re.Pattern[str]:
    """A number ending a name ("Camp 13", "Battalion 289"): case-sensitive, so 'camp' prose stays."""
    names = "|".join(sorted((re.escape(w) for w in lexicon()["numbered_names"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{names})\s*$")


@lru_cache(maxsize=1)
def _bound_before() -> re.Pattern[str]:
    """A bound word ending where a vague quantity starts ("at least " before "a dozen")."""
    bound = "|".join(sorted((re.escape(k) for k in lexicon()["bounds"]), key=len, reverse=True))
    return re.compile(rf"\b(?P<bound>{bound})\s+$", re.IGNORECASE)


def _bounded(n: int, bound: str | None) -> Range:
    b = (bound or "").lower()
    kind = lexicon()["bounds"].get(b) if b else None
    if kind == "min":  # at least N
        return Range(n, None)
    if kind == "above":  # more than N
        return Range(n + 1, None)
    if kind == "nearly":  # nearly N
        return Range(int(n * 0.9), max(n - 1, 0))
    if kind == "upto":  # up to N ("up to 0": none, not 1 to 0)
        return Range(min(1, n), n)
    return Range(n, n)  # about N, some N: wire convention, a single figure


@lru_cache(maxsize=1)
def _figure_words() -> re.Pattern[str]:
    """Every digit, number word and vague quantity, as lower-case literals (case-sensitive: the
    engine then skips positions where none starts, which the patterns above cannot do)."""
    words = [*"0123456789", *UNITS, *TENS, *(k.lower() for k in lexicon()["vague_quantities"])]
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def may_have_figures(text: str) -> bool:
    """False when `text` cannot hold a figure: every match of the figure patterns holds a digit,
    a number word or a vague quantity. Exact for ASCII text only (under IGNORECASE other
    characters match ASCII letters: the long s, the Kelvin sign), so any other text may."""
    return not text.isascii() or _figure_words().search(text.lower()) is not None


_MONTH_WORD = rf"(?:{ANY_NAME})"
_DAY_BEFORE_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b\.?", re.IGNORECASE)
# not after "in"/"of": "in May 12 people were killed" counts people, "on May 12" is a day
_MONTH_BEFORE = re.compile(
    rf"(?<!\bin )(?<!\bof )\b{_MONTH_WORD}\.?\s+"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:,|\s+and|\s+to|\s*[-–])?\s*)?$",
    re.IGNORECASE,
)
# "on 1 and 2 April", "1-3 March": the first day of two
_DAYS_BEFORE_MONTH = re.compile(
    rf"(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b",
    re.IGNORECASE,
)


_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b")


def _in_date(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] the day or year of a date ("30 March", "March 30, 2022",
    "on 12/03/2023")?"""
    if not text[start:end].isdigit():
        return False
    if any(m.start() <= start < m.end() for m in _NUMERIC_DATE.finditer(text, max(0, start - 8), end + 11)):
        return True
    day_of = _DAY_BEFORE_MONTH.match(text, end) or _DAYS_BEFORE_MONTH.match(text, end)
    if day_of and int(text[start:end]) <= 31:
        return True
    if _WEEKDAY_BEFORE.search(text, max(0, start - 16), start) and int(text[start:end]) <= 31 \
            and _DAY_ENDS.match(text, end):
        return True  # "killed on Sunday 19, ...": the day after its weekday (translated copy)
    return bool(_MONTH_BEFORE.search(text, max(0, start - 20), start))


_WEEKDAY_BEFORE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:the\s+)?$",
                             re.IGNORECASE)
# What may follow a day number after its weekday ("on Sunday 19, ...", "Monday 13 in the night"):
# the end of the clause, never a noun it would count (dates.py reads the same day as a date)
DAY_NUMBER_ENDS = (r"(?:st|nd|rd|th)?\s*(?:[,.;)]|$|(?:at|in|when|during|after|before|night|morning"
                   r"|evening|afternoon|and|to)\b)")
_DAY_ENDS = re.compile(DAY_NUMBER_ENDS)


# "11:25 local", "at 07.30 hrs", "around 2 am", "6:00am": a time of day, whose hours and minutes count nobody
_CLOCK_AFTER = re.compile(r"(?::\d\d(?!\d)|\.\d\d\s*(?:am|pm|a\.m|p\.m|hrs|hours|h\b|GMT|local)"
                          r"|\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|hrs|GMT)(?!\w))", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\d\d?[:.]$")


def _in_time(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] an hour or the minutes of a clock time?"""
    if re.fullmatch(r"\d\d?\.\d\d", text[start:end]):  # "10.30 am"
        return bool(_CLOCK_AFTER.match(text, end))
    if not text[start:end].isdigit() or len(text[start:end]) > 2:
        return False
    if _CLOCK_AFTER.match(text, end):  # "11:25", "2 am", "07.30 hrs"
        return True
    return text[start - 1 : start] == ":" and _CLOCK_BEFORE.search(text, max(0, start - 3), start) is not None


_ORDINAL_KILLED = re.compile(
    r"\bthe\s+(?P<n>\d{1,4})(?P<suffix>st|nd|rd|th)\s+(?=(?:[a-z][\w-]*\s+){1,3}?(?:to\s+be\s+)?"
    r"(?:killed|murdered|assassinated|slain)\b)"
)
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10}
_NTH_DIED = re.compile(
    r"\b[Aa]\s+(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?=(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:person|victim|man|woman|child|boy|girl|soldier|civilian|policeman|officer|worshipper|passenger)\s+"
    r"(?:has\s+|had\s+|later\s+)?(?:died|succumbed)\b)")
_DOZEN_AFTER = re.compile(r"(?:\s+|-)dozen\b(?!s)", re.IGNORECASE)  # "two dozen", "two-dozen"
_BOTH_AND = re.compile(r"(?:\s+[\w'’-]+){1,3}?\s+and\b"
                       # "from both sides": the two sides, not two people
                       r"|\s+(?:sides|parties|countries|camps|directions|ends|armies|forces|groups|banks|teams)\b")


_OF_THE = re.compile(r"\s+of\s+(?:the|them|those|these|their|whom)\b", re.IGNORECASE)


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order; vague quantities too ("dozens" = 24+)."""
    if not may_have_figures(text) and not _NTH_DIED.search(text):
        return []  # ~70% of a wire article's sentences: one cheap scan instead of two costly ones
    fig_re, vague_re = _patterns()
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    name_re = _name_before()
    for m in fig_re.finditer(text):
        named = name_re.search(text[max(0, m.start() - 30) : m.start()])
        if m.group("num") and not m.group("bound") and named:
            continue  # "Camp 13", "Battalion 289": part of a name
        if m.group("num") and m.group("num")[0].isdigit() and re.search(r"[A-Za-z]-$", text[: m.start()]):
            continue  # "SPNH-17", "Camp-4", "Su-25": a name's number
        if m.group("num") and not m.group("bound") and _in_date(text, m.start(), m.end()):
            continue  # "on 30 March", "March 30, 2022": a day of a date, not a count
        if m.group("num") and _in_time(text, m.start("num"), m.end("num")):
            continue  # "10:25 Kyiv - Man killed": a live blog's time stamp, not a count
        if m.group("num") and m.group("num").isalpha() and _DOZEN_AFTER.match(text, m.end()):
            continue  # "two dozen": a vague quantity's first word (vague_quantities)
        if m.group("lo") and _DAY_BEFORE_MONTH.match(text, m.end()):
            continue  # "between 1 and 3 April": days of a date
        if m.group("lo"):
            lo, hi = words_to_int(m.group("lo")), words_to_int(m.group("hi"))
            if lo is None or hi is None or hi < lo:  # "between 30 and 20": a slip, no range
                continue
            value = Range(lo, hi)
        elif m.group("a") or m.group("c"):
            lo, hi = words_to_int(m.group("a") or m.group("c")), words_to_int(m.group("b") or m.group("d"))
            if lo is None or hi is None or hi <= lo:
                continue
            if m.group("a") and _in_date(text, m.start("a"), m.end("a")):
                # "the toll since July 13 to 900 people": a day, then the count it rose to
                out.append(Figure(m.start("b"), m.end("b"), Range(hi, hi), m.group("b"), True))
                taken.append((m.start("b"), m.end("b")))
                continue
            value = Range(lo, hi)
        else:
            n = words_to_int(m.group("num"))
            if n is None:
                continue
            dozen = _DOZEN_AFTER.match(text, m.end())  # "2 dozen"
            value = _bounded(n * 12 if dozen else n, m.group("bound"))
            if dozen:
                out.append(Figure(m.start(), dozen.end(), value, text[m.start() : dozen.end()], True))
                taken.append((m.start(), dozen.end()))
                continue
        out.append(Figure(m.start(), m.end(), value, m.group(0), True))
        taken.append((m.start(), m.end()))
    for m in _ORDINAL_KILLED.finditer(text):
        # "the 71st social leader killed in Colombia this year": a count of victims so far
        if not any(s <= m.start() < e for s, e in taken):
            n, end = int(m.group("n")), m.end("suffix")
            out.append(Figure(m.start("n"), end, Range(n, n), text[m.start("n") : end], True))
            taken.append((m.start(), m.end("suffix")))
    for m in _NTH_DIED.finditer(text):
        # "A second person has died of wounds": the toll is now two
        if not any(s <= m.start() < e for s, e in taken):
            n = _NTH[m.group("nth").lower()]
            out.append(Figure(m.start(), m.end("nth"), Range(n, n), text[m.start() : m.end("nth")], True))
            taken.append((m.start(), m.end("nth")))
    vague = lexicon()["vague_quantities"]
    for m in vague_re.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("vague").lower() == "both" and _BOTH_AND.match(text, m.end()):
            continue  # "both soldiers and civilians": two kinds, not two people
        if m.group("vague").lower() == "some" and _OF_THE.match(text, m.end()):
            continue  # "Some of the victims had been killed on June 13": part of them, no count
        spec = vague[m.group("vague").lower()]
        value = Range(int(spec[0]), int(spec[1])) if isinstance(spec, list) else Range(int(spec), None)
        start = m.start()
        bound = _bound_before().search(text, max(0, start - 30), start) if value.low == value.high else None
        if bound is not None:  # "at least a dozen" = 12+, "more than a dozen" = 13+
            value, start = _bounded(value.low, bound.group("bound")), bound.start()
        # ("a dozen", "half a dozen", "both": a number in words, as exact as "twelve"; not "dozens")
        out.append(Figure(start, m.end(), value, text[start : m.end()], isinstance(spec, list)))
    out.sort(key=lambda f: f.start)
    # "Five (5) persons": the number in digits after its words, as Nigerian copy writes it, is one figure
    return [f for i, f in enumerate(out) if not (
        i and f.value == out[i - 1].value and re.fullmatch(r"\s*\(\s*", text[out[i - 1].end : f.start])
        and text[f.end : f.end + 2].lstrip().startswith(")"))]
