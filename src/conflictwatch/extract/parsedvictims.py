"""The victims the dependency parse finds ("a farmer was beheaded", "A 14-year-old boy and a man
were killed"), merged with the figures the patterns read (extract/figures.py): each person once."""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflictwatch.extract.breakdowns import casualties_broken_down, mark_dashed_breakdown
from conflictwatch.extract.figures import (
    _SOME_OF_THE_DEAD,
    _SUBSET_BEFORE,
    CLAUSE_SPLIT,
    KILLED_OR_HURT,
    KILLING_OR_HURTING,
    Casualty,
    clause_index,
)
from conflictwatch.extract.namelists import named_dead, the_dead_were
from conflictwatch.extract.notcounts import CRIME_OF, a_threshold, of_an_earlier_event
from conflictwatch.extract.numbers import Figure
from conflictwatch.extract.victims import Victim
from conflictwatch.models import Range

_NAMED_UNIT_GAP = re.compile(r"(?:\s+[A-Z][\w'’.-]*){1,5}\s*\([A-Z][\w.-]{1,10}\)\s+")
_OWN_PLACE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:in|at|near)\s+(?:the\s+(?:[a-z]+\s+){0,2}?of\s+)?[A-Z]")
_PRONOUNS = {"he", "him", "she", "her", "himself", "herself", "one"}


def _some_of_the_dead(sentence: str, start: int) -> bool:
    """ "Six of the victims were decapitated", opening its sentence: how some of the dead just told
    died, not more dead."""
    head = re.match(r"[\w-]+", sentence[start:])
    return not sentence[:start].strip() and head is not None \
        and _SOME_OF_THE_DEAD.match(sentence[start + head.end():]) is not None


def _appositive(sentence: str, end: int, start: int) -> bool:
    """Only a comma (and maybe an age) between two single victims: one person twice."""
    return 0 <= start - end <= 8 and bool(re.fullmatch(r"\s*,\s*(?:\d{1,2}\s*,\s*)?", sentence[end:start]))
_SAME_PERSON = re.compile(
    r"\b(?:identified|named|known|described|listed)\s+(?:\w+\s+)?(?:as\s+)?$|\b(?:named|called|alias)\s+$",
    re.IGNORECASE,
)
# "The ministry named the soldier killed as Sgt Ahmad Wali", "The dead man was identified as X": who
# the dead already counted were, not more dead
_IDENTIFIES = re.compile(
    r"\b(?:named|identified)\s+(?:the|both|all|(?:one|two|three|some) of the)\s+(?:[\w-]+\s+){0,4}?as\s"
    r"|^\W*(?:the|both|all)\s+(?:[\w-]+\s+){0,4}?(?:was|were|has been|have been)\s+"
    r"(?:named|identified)\s+as\s",
    re.IGNORECASE,
)
_REFLEXIVE = {"himself", "herself"}


def names_dead(sentence: str) -> bool:
    """Does the sentence say who dead already counted were ("named the boy killed as X")?"""
    # ("detonated a device, killing himself": the bomber; "Those killed were A, B and C": who they were)
    return bool(_IDENTIFIES.search(sentence)) or named_dead(sentence) is not None \
        or the_dead_were(sentence) is not None
_FIRST_PERSON = re.compile(r"(?:my|our)\s", re.IGNORECASE)
# "the third person killed was a civilian driver": one of the dead told, again
_ORDINAL_ONE = re.compile(r"the\s+(?:first|second|third|fourth|fifth|sixth|other|last)\s", re.IGNORECASE)


_SHOT_SOMEONE_DEAD = re.compile(
    # ("a gunman on the Afghan side shot dead a guard": a short phrase may say which gunman)
    r"(?:\s+(?:on|from|in|at|with|of|aboard)\s+(?:the\s+|an?\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
    r"\s+(?:shot|gunned|hacked|stabbed|beat|beaten|burned|burnt)\s+(?:dead|down|to\s+death)\s+(?:an?|the|two"
    r"|three|four|five|six|seven|eight|nine|ten|\d+|his|her|their|at\s+least|several|dozens|scores)\b",
    re.IGNORECASE)
# ("A farmer, his wife and three of their children": a man and his kin, listed)
_KIN_AFTER_COMMA = re.compile(r",\s+(?:his|her|their)\s+[a-z]+\s+and\s")
_GROUPS = frozenset({"families", "family", "households", "clans", "tribes", "communities", "villages"})


_COUNT_THEN_ASIDE = re.compile(r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?(?:\d[\d,]*|[a-z]+)\s+"
                               r"(?:[a-z-]+\s+)?[a-z-]+,\s*(?:including|among\s+them)\s", re.IGNORECASE)
_GATHERED = re.compile(r"\s+(?:(?:had|have)\s+)?(?:attended|gathered|marched|protested|rallied|turned\s+out"
                       r"|took\s+part|demonstrated)\b")


def add_parsed_victims(
    sentence: str, cas: list[Casualty], victims: list[Victim], killers: Sequence[tuple[int, int]] = ()
) -> list[Casualty]:
    """Add the victims the parse found that no figure pattern covered ("a farmer was beheaded",
    "A 14-year-old boy and a man were killed"). A figure the patterns read stays as they read it,
    unless the parse puts it among the killers ("a mob of a dozen people hacked ... two leaders")."""
    cas = [c for c in cas if not any(s <= c.fig.start and c.fig.end <= e for s, e in killers)]
    # "Fifteen people were killed or wounded": how many of each, the text does not say
    victims = [v for v in victims if not KILLED_OR_HURT.match(sentence, v.end)
               and not KILLING_OR_HURTING.search(sentence[max(0, v.start - 60) : v.start])]
    # "eighteen members of two families": the families are counted, not the dead
    victims = [v for v in victims
               if not (v.noun.lower() in _GROUPS and re.search(r"\bof\s+$", sentence[: v.start]))]
    # "a ringleader wanted for the killing of a police officer": a crime told of a victim, not a death now
    victims = [v for v in victims if not CRIME_OF.search(sentence, max(0, v.start - 60), v.start)]
    # "since Oct. 7, when gunmen attacked Israel, killing 1,200": the day a count began; "the same
    # prison where 119 died" (notcounts.py)
    victims = [v for v in victims if not of_an_earlier_event(sentence, v.start)]
    victims = [v for v in victims if not a_threshold(sentence, v.start)]  # "any killing of three or more"
    # "Hundreds of people marched ... after a man and his two sons were shot dead": the marchers
    victims = [v for v in victims if not _GATHERED.match(sentence, v.end)]
    # "A gunman shot dead a man": who shot, not who died (the parse reads "gunman shot dead" as passive)
    victims = [v for v in victims if not _SHOT_SOMEONE_DEAD.match(sentence, v.end)]
    # "killed a village chief and two of his notables, decapitating the ruler": the one told before
    victims = [v for v in victims if not (
        re.match(r"the\s", sentence[v.start : v.end], re.IGNORECASE) and v.value is not None
        and v.value.high == 1 and any(c.kind == "killed" and c.fig.end <= v.start for c in cas))]
    # "Two commandos, Wangkhem Somorjit and Takhellambam Saileshwor, were killed": the two, by name
    victims = [v for v in victims if not any(
        c.kind == v.kind and c.fig.value == v.value and sentence[v.start : v.start + 1].isupper()
        and re.fullmatch(r"\s*,\s*", sentence[max(c.end, c.fig.end) : v.start]) for c in cas)]
    taken = [(c.fig.start, max(c.end, c.fig.end)) for c in cas]
    out = list(cas)
    starts = [0] + [m.end() for m in CLAUSE_SPLIT.finditer(sentence)]
    named = [v for v in victims if v.value is not None and v.noun not in _PRONOUNS]
    killed = [c for c in cas if c.kind == "killed"] + [v for v in named if v.kind == "killed"]
    for v in victims:
        if v.value is None:
            continue
        if v.kind == "injured" and any(k.kind == "killed" and k.start > v.end for k in named):
            # "wounded an elderly woman and killed her neighbour": the pattern gave the woman the
            # killing verb that follows her; the parse knows which verb is hers
            same = [c for c in out if (c.fig.start, c.fig.end) == (v.start, v.end) and c.kind == "killed"]
            for c in same:
                c.kind = "injured"
            if same:
                continue
        hurt = [c for c in out if v.start < max(c.end, c.fig.end) and c.fig.start < v.end]
        if v.kind == "killed" and hurt and all(c.kind == "injured" for c in hurt):
            for c in hurt:  # "a soldier wounded in the ambush succumbed to his wounds": killed
                c.kind = "killed"
            continue
        inside = [c for c in out if v.start <= c.fig.start and c.fig.end <= v.end and c.kind == v.kind]
        if any(_NAMED_UNIT_GAP.fullmatch(sentence[c.fig.end : v.start]) for c in cas):
            # "Ten District Reserve Guard (DRG) personnel and a civilian driver": the parse's list
            # starts after the unit's name, the patterns read its figure and the rest
            continue
        if len(inside) == 1 and inside[0].fig.value == Range(1, 1) and v.value.low > 1:
            # "a former commander and his escort were killed": the pattern read "a commander"
            # (1); the parse reads the whole list (2)
            c = inside[0]
            c.fig = Figure(v.start, v.end, v.value, sentence[v.start : v.end], True)
            c.end = max(c.end, v.end)
            continue
        others = [c for c in out if v.start <= c.fig.start < v.end and c not in inside]
        if inside and not others and v.value.high is not None \
                and v.value.low > sum(c.fig.value.low for c in inside) \
                and re.search(r"\band\s+(?:his|her|their|its|the|an?|\w+)\b", sentence[v.start : v.end]) \
                and ("," not in sentence[v.start : v.end]
                     or _KIN_AFTER_COMMA.search(sentence, v.start, v.end)) \
                and not any(c.subset for c in inside) \
                and not (re.search(r"\b(?:in|at|near)\s+(?:the\s+)?[A-Z]", sentence[v.start : v.end])
                         and _OWN_PLACE_AFTER.match(sentence, v.end)):
            # (not "53 people in Wad al-Ashraf village on Sunday and 18 in Tamboul": a toll per place)
            # (not "Two journalists ..., correspondent X and cameraman Y": the two, named)
            # "two foreign tourists and their Ugandan guide": the parse counts the whole list (3);
            # the pattern read its first figure (2)
            for c in inside:
                out.remove(c)
            whole = Figure(v.start, v.end, v.value, sentence[v.start : v.end], True)
            out.append(Casualty(whole, v.kind, v.cls, v.noun, False, clause_index(starts, v.start), v.end))
            continue
        parts = [c for c in inside if not c.subset]
        if parts and len(parts) < len(inside) and v.value.low > sum(c.fig.value.low for c in parts) \
                and not any(c.fig.start == v.start for c in out) \
                and _COUNT_THEN_ASIDE.match(sentence, v.start):
            # "At least nine villagers, including two children, and a policeman": the count the patterns
            # missed before its aside, and the one after it (the parse reads 10; the patterns read 1)
            for c in parts:
                out.remove(c)
            whole = Figure(v.start, v.end, v.value, sentence[v.start : v.end], True)
            out.append(Casualty(whole, v.kind, v.cls, v.noun, False, clause_index(starts, v.start), v.end))
            continue
        if len(inside) == 1 and re.search(r"\b(?:along|together)\s+with\b", sentence[v.start : v.end]) \
                and inside[0].fig.start > v.start and v.value.low > inside[0].fig.value.low:
            # "A local chief was shot dead along with four others": the chief and the four
            c = inside[0]
            c.fig = Figure(v.start, v.end, v.value, sentence[v.start : v.end], True)
            c.end = max(c.end, v.end)
            continue
        if any(v.start < e and s < v.end for s, e in taken):
            continue
        if any(c.fig.value == v.value and _NAMED_UNIT_GAP.fullmatch(sentence[c.fig.end : v.start])
               for c in cas):
            continue  # "Two Kenya Defence Forces (KDF) soldiers": the figure's noun, after the unit's name
        if any(c.fig.value == v.value and re.fullmatch(r"\s*\(\s*", sentence[c.fig.end : v.start])
               for c in cas):
            continue  # "eleven (11) soldiers": the figure again, in digits
        if any(c.victim_word == "family" and 0 <= c.fig.start - v.end <= 5 for c in cas):
            continue  # "a family of five": the five, counted by its figure
        if any(c.total for c in cas) and re.match(r"[\w\s-]*\bmore\b", sentence[v.start : v.end + 6]):
            continue  # "six more people died, bringing the toll to 29": the total counts
        if v.noun in _PRONOUNS and v.noun not in _REFLEXIVE and any(
                k is not v and not (isinstance(k, Casualty) and k.total) for k in killed):
            continue  # "the death of a soldier, where he was shot dead": the same man (not "one of its
            # soldiers was killed, bringing to 47 the number ...": the total counts others too)
        if _SUBSET_BEFORE.search(sentence[max(0, v.start - 30) : v.start]):
            continue  # "including a little girl": part of a figure already counted
        if _SAME_PERSON.search(sentence[max(0, v.start - 40) : v.start]) and any(
            c.fig.end <= v.start for c in out if c.kind == v.kind
        ):
            continue  # "a young man identified as Ope": Ope is that man
        if v.value == Range(1, 1) and any(_appositive(sentence, v.end, c.fig.start) or
                                          _appositive(sentence, max(c.end, c.fig.end), v.start)
                                          for c in out if c.kind == v.kind and c.fig.value == Range(1, 1)):
            continue  # "Mohammed Ali, a farmer, was killed": one man, named and described
        fig = Figure(v.start, v.end, v.value, sentence[v.start : v.end], True)
        # "They killed my father and my uncle", a resident said: a witness's own dead are some of
        # the dead of the incident told, not another incident
        own = bool(_FIRST_PERSON.match(sentence, v.start) or _ORDINAL_ONE.match(sentence, v.start)
                   or _some_of_the_dead(sentence, v.start))
        out.append(Casualty(fig, v.kind, v.cls, v.noun, own, clause_index(starts, v.start), v.end))
    out.sort(key=lambda c: c.fig.start)
    if len(out) > len(cas):
        # "said 131 civilians - 102 men, 17 women and 12 children - were shot": a count only the
        # parse found has its parts set off by dashes, as a pattern's count does (it gave 262)
        mark_dashed_breakdown(sentence, out)
    out = casualties_broken_down(sentence, out)  # ("45 casualties, 12 of whom died": the parse's 12 dead)
    # ("Those killed were two farmers and a 12-year-old boy": who the dead already counted were)
    if m := _IDENTIFIES.search(sentence) or the_dead_were(sentence):
        for c in out:
            if c.kind == "killed" and c.fig.start >= m.start():
                c.subset = True
    return out
