"""Days of the Ethiopian calendar ("on Meskerem 6, 2016 E.C.", "on Tahsas 5") as Gregorian dates.

Ethiopian copy (and its translations) dates events by the Ethiopian calendar: twelve months of
thirty days and a thirteenth of five or six, the year 7-8 years behind and starting in September.
It is the Coptic calendar counted from another epoch (Ethiopian year = Coptic year + 276), which
`convertdate` converts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from convertdate import coptic

# Transliterations wire copy uses, lower case -> month number (13: Pagume, the short month)
MONTHS = {
    "meskerem": 1, "tikimt": 2, "tikemt": 2, "tekemt": 2, "hidar": 3, "hedar": 3, "tahsas": 4,
    "tahesas": 4, "tir": 5, "yekatit": 6, "yakatit": 6, "megabit": 7, "magabit": 7, "miyazia": 8,
    "miyazya": 8, "ginbot": 9, "genbot": 9, "sene": 10, "hamle": 11, "nehase": 12, "nehasse": 12,
    "pagume": 13, "pagumen": 13,
}
# A month, its day, and the year if written ("2016 E.C.", "2016 EC"), for dates.DATE_RE
PATTERN = (r"\b(?:" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
           + r")\s+\d{1,2}\b(?:,?\s+(?:19|20)\d\d\b)?(?:\s+E\.?C\b\.?)?")
_PARTS = re.compile(r"(\w+)\s+(\d{1,2})(?:,?\s+(\d{4}))?")


def _gregorian(year: int, month: int, day: int) -> date | None:
    if not 1 <= day <= (30 if month < 13 else 6):
        return None
    try:
        return date(*coptic.to_gregorian(year - 276, month, day))
    except ValueError:  # the sixth of Pagume in a year that has five
        return None


def ethiopian_day(text: str, published: date | None) -> date | None:
    """The Gregorian day of an Ethiopian date; without its year, the latest such day up to a day
    after publication."""
    m = _PARTS.match(text)
    if m is None or (month := MONTHS.get(m[1].lower())) is None:
        return None
    day = int(m[2])
    if m[3]:
        return _gregorian(int(m[3]), month, day)
    if published is None:
        return None
    # the Ethiopian year that began in the September before publication, or the one before it
    days = [d for y in (published.year - 7, published.year - 8) if (d := _gregorian(y, month, day))]
    return max((d for d in days if d <= published + timedelta(days=1)), default=None)
