"""The dead told by name: "The deceased were identified as A, 45, B and C": three people.

Police and local copy often gives a toll only as a list of names after a lede with none
("Gunmen attacked Kajuru on Monday. Those killed were ..."); the parse finds one or two of the
names, or none. The list is counted here, a name per item, and read as who the dead of the
incident just told were (a part of it, as "The dead included ..." is).
"""

from __future__ import annotations

import re

from conflictwatch.extract.figures import Casualty
from conflictwatch.extract.numbers import Figure
from conflictwatch.models import Range

NAMES = "names"  # the victim word of a count of names

# "The deceased have been identified as", "Those killed were", "The two slain soldiers were",
# "Killed were", "The victims, all farmers, were named as"
_THE_DEAD = (r"(?:The|Those|All)\s+(?:[\w-]+\s+){0,3}?(?:dead|deceased|victims|killed|slain|casualties)"
             r"(?:\s*,[^,]{1,40},|\s+(?:in|at|on|during)\s+[^,]{1,60}?)?\s+(?:were|are|have\s+been|had\s+been)\s+"
             r"(?:(?:identified|named|listed)\s+as\s+)?")
_LISTED = re.compile(rf"^\W*(?:{_THE_DEAD}|Killed\s+(?:were|was)\s+)(?::\s*)?(?=[A-Z])")
_THE_DEAD_WERE = re.compile(rf"^\W*{_THE_DEAD}")
# where the list stops: a voice or a clause after it ("..., police said", "; the army said ...")
# (a full stop inside the sentence is an abbreviation's: "Cpl. Musa Adamu")
_LIST_END = re.compile(r";\s|,\s+(?:according\s+to|(?:the\s+)?[a-z]+\s+(?:said|says|added|told))\b"
                       r"|\s+[-–—]\s")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# an item that is a person: a name of two words or more, a title before it ("Cpl. Musa Adamu"), or a
# kin word ("his son Ali Musa"); not an age ("45") nor a description ("a farmer", "Thai shoppers")
_PERSON = re.compile(r"(?:(?:his|her|their)\s+[a-z]+\s+)?[A-Z][\w'’.-]*\s+"
                     r"(?:(?:al|el|bin|ibn|de|da|dos|van)[- ])?[A-Z][\w'’-]*(?:\s+\S+)*$")
_COUNTED = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|\d+)\s+[a-z]",
                      re.IGNORECASE)
_TITLE_ONLY = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sgt|Cpl|Pvt|Lt|Capt|Maj|Col|Gen)\.?$")


def the_dead_were(sentence: str) -> re.Match[str] | None:
    """ "The dead were ...", "Those killed were ...": a sentence saying who the dead were (not "Killed
    were two soldiers", which may tell them first)."""
    return _THE_DEAD_WERE.match(sentence)


def with_named_dead(sentence: str, cas: list[Casualty]) -> list[Casualty]:
    """The sentence's figures, with a list of the dead's names counted in place of the one or two
    of them the parse read."""
    listed = named_dead(sentence)
    if listed is None:
        return cas
    a, b = listed.fig.start, listed.fig.end
    if any(c.kind == "killed" and not a <= c.fig.start < b for c in cas):
        return cas  # ("Killed were two soldiers"; a toll told before the list counts them)
    return sorted([c for c in cas if not a <= c.fig.start < b] + [listed], key=lambda c: c.fig.start)


def named_dead(sentence: str) -> Casualty | None:
    """The people a list of names after "The dead were ..." counts, as a part of the dead told
    (None when the sentence opens no such list, or a figure counts them: "Killed were two soldiers")."""
    m = _LISTED.match(sentence)
    if m is None:
        return None
    end_m = _LIST_END.search(sentence, m.end())
    end = end_m.start() if end_m else len(sentence.rstrip(". "))
    items = [i.strip() for i in _ITEM_SPLIT.split(sentence[m.end() : end]) if i.strip()]
    if not items or any(_COUNTED.search(i) for i in items):
        return None  # a count, read by the figure patterns
    people = [i for i in items if _PERSON.match(i) and not _TITLE_ONLY.match(i)]
    if not people or not _PERSON.match(items[0]):
        return None
    fig = Figure(m.end(), end, Range(len(people), len(people)), sentence[m.end() : end], True)
    return Casualty(fig, "killed", "people", NAMES, True, 0, end)
