"""Days of the solar hijri calendar ("on 18 Dalw", "on the night of 12-13 Sawr 1401", Iran's "14
Mordad") as Gregorian dates.

Afghan copy (and Iranian, with the Persian month names) dates events by the solar hijri calendar:
its year starts at the March equinox and runs 621-622 years behind. `convertdate` converts it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from convertdate import persian

# Dari month names as Afghan outlets write them, and the Persian ones that are no common word, lower
# case -> month number ("Tir", "Dey", "Mehr" and "Azar" are left out: a word, a name, the Ethiopian Tir)
MONTHS = {
    "hamal": 1, "sawr": 2, "saur": 2, "sowr": 2, "jawza": 3, "jauza": 3, "jowza": 3, "saratan": 4,
    "asad": 5, "sunbula": 6, "sonbola": 6, "sunbulah": 6, "mizan": 7, "meezan": 7, "aqrab": 8, "akrab": 8,
    "qaws": 9, "qaus": 9, "qous": 9, "jadi": 10, "jaddi": 10, "dalw": 11, "dalv": 11, "hoot": 12, "hout": 12,
    "farvardin": 1, "ordibehesht": 2, "khordad": 3, "mordad": 5, "amordad": 5, "shahrivar": 6, "aban": 8,
    "bahman": 11, "esfand": 12,
}
_NAMES = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
# (month first only for names no person bears: "Asad 5" may be a man's name and a number)
_NAMES_FIRST = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)
                        if m not in ("asad", "hamal", "mizan", "meezan", "jadi", "aban", "bahman"))
_YEAR = r"(?:,?\s+1[34]\d\d\b)?"
# A day (or a night's two days) and a month, or a month and a day, and the year if written, for
# dates.DATE_RE ("18 Dalw", "12-13 Sawr 1401", "Hoot 11")
PATTERN = (rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_NAMES})\b{_YEAR}"
           rf"|(?<![-’'])\b(?:{_NAMES_FIRST})\s+\d{{1,2}}\b(?!\s*[-–]?\s*\d){_YEAR}")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+(\w+)(?:,?\s+(\d{4}))?")
_MONTH_FIRST = re.compile(r"(\w+)\s+(\d{1,2})(?:,?\s+(\d{4}))?")


def _gregorian(year: int, month: int, day: int) -> date | None:
    if not 1 <= day <= (31 if month <= 6 else 30):
        return None
    try:
        return date(*persian.to_gregorian(year, month, day))
    except ValueError:
        return None


def solar_day(text: str, published: date | None) -> date | None:
    """The Gregorian day of a solar hijri date (a night's first day); without its year, the latest
    such day up to a day after publication."""
    m = _DAY_FIRST.match(text)
    if m is not None and m[2].lower() in MONTHS:
        day, month, year = int(m[1]), MONTHS[m[2].lower()], m[3]
    elif (m := _MONTH_FIRST.match(text)) is not None and m[1].lower() in MONTHS:
        day, month, year = int(m[2]), MONTHS[m[1].lower()], m[3]
    else:
        return None
    if year:
        return _gregorian(int(year), month, day)
    if published is None:
        return None
    days = [d for y in (published.year - 621, published.year - 622) if (d := _gregorian(y, month, day))]
    return max((d for d in days if d <= published + timedelta(days=1)), default=None)
