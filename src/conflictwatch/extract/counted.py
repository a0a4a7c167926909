"""The dead of an incident told again, or more of them told after it: no new incident.

"The three men killed were a farmer, ...", "The bodies of ten Maoists were recovered from the spot",
"Two soldiers were also killed and five wounded, a commander said": a follow-up sentence about the
incident just told (`followups.extends` asks), whoever tells it. Also the words that say a sentence is
of another incident, shared with `followups`.
"""

from __future__ import annotations

import re

from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.draft import Draft, event_date
from conflictwatch.extract.figures import Casualty
from conflictwatch.extract.numbers import words_to_int
from conflictwatch.extract.placerank import PlaceMention
from conflictwatch.extract.tolls import sum_ranges
from conflictwatch.models import Range
from conflictwatch.months import FULL_NAMES

# Words of another incident: "separately", "another attack", a month or a year ("In June ...")
_ANOTHER = rf"separate(?:ly)?|elsewhere|another|{FULL_NAMES}|(?:19|20)\d\d"
ANOTHER_INCIDENT = re.compile(rf"\b(?:{_ANOTHER})\b", re.IGNORECASE)
ALSO_KILLED = re.compile(
    # not another incident, nor one told as later or earlier
    rf"^(?!.*\b(?:{_ANOTHER}|later|earlier)\b)(?:.*\b(?:were|was)\s+also\s+(?:killed|martyred|shot\s+dead)"
    # ("A soldier also lost his life in the exchange of fire", "A civilian also died at the scene": one
    # more person, not "His mother also died", one of those counted, nor "have also died", a count)
    r"|\W*(?:an?|one|two|three|four|five|another)\s+(?:[\w-]+\s+){0,3}?also\s+(?:died|perished"
    r"|embraced\s+(?:shahadat|martyrdom)"
    r"|lost\s+(?:his|her|their)\s+li(?:fe|ves))"
    # ("Six terrorists were killed in the ensuing clearance operation": the attackers of the attack told)
    r"|.*\b(?:were|was|had\s+been)\s+(?:killed|shot\s+dead|neutrali[sz]ed|eliminated)\s+in\s+(?:the\s+)?"
    r"(?:ensuing|subsequent|resulting|retaliatory|return)\s+(?:[\w-]+\s+){0,2}?(?:operation|exchange\s+of\s+fire"
    r"|gunfight|firefight|fire|clash(?:es)?|shootout|gun\s+battle|fighting|encounter)"
    # ("Thirteen khwarij were killed in the response")
    r"|.*\b(?:were|was|had\s+been)\s+(?:killed|shot\s+dead|neutrali[sz]ed|eliminated|sent\s+to\s+hell)\s+in\s+"
    r"(?:the\s+)?(?:response|retaliation|counter-?attack|return\s+fire))\b",
    re.IGNORECASE,
)

ANYONE = {"people", "persons", "person", "victims", "civilians", "civilian"}


def nothing_new(event_dates: list[DateMention], places: list[PlaceMention], last: Draft) -> bool:
    """Does the sentence name no day and no place the incident just told has not?"""
    told = {p.name for p in last.places}
    last_day = event_date(last.dates)[0]
    return all(d.date_start in (None, last_day) for d in event_dates) and all(p.name in told for p in places)


def dead_told(last: Draft) -> list[Range]:
    """The incident's toll as told (its figures of the dead, not their parts)."""
    return [c.fig.value for c in last.casualties if c.kind == "killed" and not c.subset]


def within_days(event_dates: list[DateMention], last: Draft, most: int) -> bool:
    """Are the sentence's days (if any) the incident's own day or up to `most` days after it?"""
    day = event_date(last.dates)[0]
    return all(d.date_start is None or bool(day and 0 <= (d.date_start - day).days <= most)
               for d in event_dates)


_BODIES = re.compile(r"\b(?:bod(?:y|ies)|corpses?|remains|counted)\b", re.IGNORECASE)


def bodies_counted_again(s: str, cas: list[Casualty], event_dates: list[DateMention],
                          places: list[PlaceMention], last: Draft) -> bool:
    """The bodies of the dead just told, as many as its toll, found or counted (that day or the next)."""
    told = dead_told(last)
    if not told or not cas or any(c.kind != "killed" or c.subset for c in cas) or not _BODIES.search(s):
        return False
    return within_days(event_dates, last, 1) and {p.name for p in places} <= {p.name for p in last.places} \
        and sum(c.fig.value.low for c in cas) == sum(r.low for r in told) and not ANOTHER_INCIDENT.search(s)


def more_of(c: Casualty) -> Range:
    """What a figure of more dead adds to a toll: "scores of the bandits were also killed" after seven
    soldiers makes "at least seven", not 47 (a vague word is no count to add)."""
    return c.fig.value if c.fig.exact_number else Range(0, None)


def also_of_it(s: str, cas: list[Casualty], event_dates: list[DateMention], places: list[PlaceMention],
                last: Draft) -> bool:
    """More dead or hurt of the incident just told, said to be more ("were also killed", "Six others were
    injured"), whoever tells them, with no day or place of their own: added to it. True if they were."""
    if any(c.subset and c.kind == "killed" for c in cas) or not nothing_new(event_dates, places, last) \
            or ANOTHER_INCIDENT.search(s):
        return False
    dead = [more_of(c) for c in cas if c.kind == "killed"]
    hurt = [c.fig.value for c in cas if c.kind == "injured" and not c.subset]  # ("including 12 children")
    told_dead = any(c.kind == "killed" for c in last.casualties)
    told_hurt = any(c.kind == "injured" for c in last.casualties) or last.extra_injured
    # (not after a toll of "five people": "A tehsildar and two policemen were also killed" are among them)
    anyone = {(c.victim_word or "").lower() for c in last.casualties if c.kind == "killed"} & ANYONE
    more_dead = bool(dead) and told_dead and not anyone and ALSO_KILLED.search(s) is not None
    more_hurt = not dead and bool(hurt) and told_dead and not told_hurt and _OTHERS_HURT.match(s) is not None
    if not (more_dead or more_hurt):
        return False
    told = sum(r.low for r in dead_told(last))
    first = min(c.fig.end for c in cas if c.kind == "killed") if dead else 0
    if more_dead and not hurt and not _MORE.search(s, 0, first + 30) and sum(d.low for d in dead) == told:
        return True  # ("claimed to have killed four ... four of them were killed in the retaliatory fire")
    # "... and the director of their organization were killed. Director Jude Montis was also killed.":
    # the one counted, by his title and name
    titled = [m.group(1) for c in cas if c.kind == "killed" and c.fig.value.high == 1
              and (m := _TITLE_NAME.match(c.fig.text))]
    if more_dead and len(dead) == 1 and titled and not hurt \
            and re.search(rf"\b{re.escape(titled[0])}\b", " ".join(last.quote), re.IGNORECASE):
        return True
    last.extra_killed.extend(dead)
    if hurt and not told_hurt:
        last.extra_injured = sum_ranges(hurt)
    return True


_MORE = re.compile(r"\b(?:also|another|more|other|others|further|too)\b", re.IGNORECASE)
_TITLE_NAME = re.compile(r"([A-Z][a-z]{3,})\s+[A-Z][\w'’-]+")
# ("Six others were injured", "Seventeen people were injured": the hurt of the incident just told, which
# gave none; not "The National Police said 61 people were wounded", another voice's claim)
_OTHERS_HURT = re.compile(r"^\W*(?:[\w-]+\s+){1,3}?"
                          r"(?:others|other\s+people|more|people|persons|civilians)\s+"
                          r"(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:injured|wounded|hurt)\b",
                          re.IGNORECASE)


# (the dead as the subject of what they were: not "All six terrorists were killed by troops", a new
# count, nor "The three gunmen killed two guards")
# ("The three civilians in the vehicle also died": the ones counted, where they were)
_THE_COUNTED = re.compile(r"^\W*(?:the|those|all)\s+(?P<n>[\w-]+)\s+(?:"
                          r"(?:(?!(?:were|was|had|have|has)\b)[\w-]+\s+){0,2}?"
                          r"(?:(?:killed|dead|slain)\s+(?:were|was|are|included|include|lived|had|came|belonged"
                          r"|worked)\b|who\s+(?:were\s+killed|died|lost\s+their\s+lives)\b)"
                          r"|(?:(?!(?:were|was|had|have|has)\b)[\w-]+\s+){1,5}?(?:also\s+)?"
                          r"(?P<died>died|perished)\b)", re.IGNORECASE)


def the_counted(s: str, last: Draft) -> bool:
    """ "The three men killed were ...", "The four civilians killed lived near the airport": a number
    of the dead already counted (no more than the toll), named with "the"."""
    m = _THE_COUNTED.match(s)
    if m and m["died"] and not s.lstrip(" \"“").lower().startswith("the "):
        m = None  # ("All three also died" may be more: only "the three ... died" names the counted)
    n = words_to_int(m["n"]) if m else None
    told = dead_told(last)
    return n is not None and bool(told) and n <= sum(r.low for r in told) and not ANOTHER_INCIDENT.search(s)


_ALSO_PERFECT = re.compile(r"\b(?:had|have|has)\s+also\s+(?:been|died|perished)\b", re.IGNORECASE)
_ANOTHER_N = re.compile(r"\b(?:another|a\s+further)\s+(?:[\d,]+|[a-z]+)\b", re.IGNORECASE)


def more_of_a_count(s: str, group: list[Casualty], dates: list[DateMention], drafts: list[Draft],
                    index: int) -> bool:
    """ "Lynchings and self-defense groups killed another 100 people", "It said 32 soldiers had also
    been wounded", right after a period's count and with no day of its own: more of that count."""
    last = drafts[-1] if drafts else None
    return bool(last is not None and last.scope == "aggregate" and index - last.sentence.index == 1
                and (any(_ANOTHER_N.search(s, max(0, c.fig.start - 12), c.fig.end) for c in group)
                     or _ALSO_PERFECT.search(s) is not None)
                and not any(d.date_start and not d.statement and d.precision == 1 for d in dates))
