"""Which of a sentence's dates belong to which of its figures: clauses split at "while" and ";", the
day right after a second day's figure ("and five on Tuesday"), a toll's own attack day."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from datetime import date, timedelta

from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.figures import SECOND_DAY_AFTER, Casualty
from conflictwatch.extract.numbers import words_to_int
from conflictwatch.extract.splits import ANOTHER

_TOLL_OF_DAY = re.compile(r"\b(?:toll|tally|number of (?:dead|deaths))\s+(?:from|of|in)\s+(?:the\s+)?$", re.I)
# "..., and that a separate strike ...": another incident told in the same sentence
_CLAUSE_BREAK = re.compile(rf",\s+(?:while|whereas)\s+|;\s+|,?\s+(?:and|but)\s+(?:that\s+)?(?={ANOTHER})")


def clauses(s: str) -> list[tuple[int, str]]:
    """(offset, text) of the clauses of a sentence split at ', while' and ';' (one clause: [])."""
    cuts = [m for m in _CLAUSE_BREAK.finditer(s)]
    if not cuts:
        return []
    out, start = [], 0
    for m in cuts:
        out.append((start, s[start : m.start()]))
        start = m.end()
    out.append((start, s[start:]))
    return out


def day_of(s: str, dates: list[DateMention], group: list[Casualty],
           others: Sequence[Casualty] = ()) -> list[DateMention] | None:
    """The day named right after a second day's figure ("and five on Tuesday"), or the first one
    after the first figure ("killed on Monday"), with the statement dates; not a day that opens
    another group's figure ("On Tuesday, two were killed in X, and on Monday a woman died"), which
    leaves the day told before this figure."""
    pos = group[0].fig.end
    said = [d for d in dates if d.statement]

    def opens_other(d: DateMention) -> bool:
        return any(0 <= o.fig.start - d.end <= 25 and not SECOND_DAY_AFTER.match(s, o.fig.end)
                   for o in others)

    days = [d for d in dates if not d.statement and d.precision == 1]
    after = [d for d in days if d.start >= pos and not opens_other(d)]
    if after and after[0].start - pos <= 60:
        return [after[0]] + said
    start = group[0].fig.start
    before = [d for d in days if d.end <= start and start - d.end <= 30]
    if others and before:
        return [before[-1]] + said
    return None


def clause_dates(
    s: str, dates: list[DateMention], group: list[Casualty], scope: str
) -> list[DateMention]:
    """The dates that belong to these figures: "forces pushed in on Wednesday, while a monitor
    said 15 died in a strike a day earlier" -> the strike is the day before. For one incident,
    "since Friday" bounds a period, it is not the day of the event."""
    if scope == "incident":
        kept = [d for d in dates if not re.search(r"\b(?:since|until|till)\s+$", s[: d.start])]
        dates = kept or dates
        if any(c.total for c in group):
            # "two more died on Tuesday, raising the death toll from Sunday's attack to 13": the
            # toll is the attack's, on its day
            owner = [d for d in dates if not d.statement and d.text.endswith(("'s", "’s"))
                     and _TOLL_OF_DAY.search(s, max(0, d.start - 40), d.start)]
            if owner:
                return owner + [d for d in dates if d.statement]
    parts = clauses(s)
    if not parts or not group:
        return dates
    pos = group[0].fig.start
    for start, clause in parts:
        if start <= pos < start + len(clause):
            own = [d for d in dates if start <= d.start < start + len(clause) and not d.statement]
            if own:
                return own + [d for d in dates if d.statement]
    return dates


_N = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# "A week earlier, at least 10 people were killed", "The attacks came 10 days after a bombing killed
# 292": an earlier incident, dated back from the one just told
_SPAN_BACK = re.compile(
    rf"^\W*(?P<a>{_N})\s+(?P<au>days?|weeks?|months?)\s+(?:earlier|before)\b"
    rf"|^[^.;]{{0,80}}?\b(?:came|comes|followed|follows)\s+(?:just\s+|only\s+)?(?P<b>{_N})\s+"
    r"(?P<bu>days?|weeks?|months?)"
    r"\s+after\b", re.IGNORECASE)


def days_back(s: str, told: date | None) -> list[DateMention]:
    """The day an earlier incident happened, counted back from the day of the one just told."""
    m = _SPAN_BACK.match(s)
    if m is None or told is None:
        return []
    n, unit = (m["a"], m["au"]) if m["a"] else (m["b"], m["bu"])
    count = words_to_int(n) or 1  # ("a week", "an hour": one)
    if unit.lower().startswith("month"):
        # ("came a month after the assault on Boulkessi"): that month, not a day in it
        year, month0 = divmod(told.year * 12 + told.month - 1 - count, 12)
        first = date(year, month0 + 1, 1)
        last = first.replace(day=monthrange(year, month0 + 1)[1])
        return [DateMention(m.start(), m.end(), m.group(0).strip(), first, last, 3, False)]
    day = told - timedelta(days=count * (7 if unit.lower().startswith("week") else 1))
    return [DateMention(m.start(), m.end(), m.group(0).strip(), day, day, 1, False)]
