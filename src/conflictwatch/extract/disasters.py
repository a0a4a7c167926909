"""Is it war at all? Deaths in a story about a flood, a crash or an outbreak are no conflict claims,
and a toll told with a disaster word and no violence word is not coded as an attack."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.extract.rules import Named, lexicon, words_re
from conflictwatch.geo.cues import cues_table
from conflictwatch.geo.normalize import name_key


def is_conflict_article(flat: str, present_actors: list[Named]) -> bool:
    """Deaths in an article about a flood, a crash or an outbreak are no conflict claims; any other
    killing is (crime blogs and protest reports name no armed group or battle word)."""
    if any(a.kind not in ("civilians", None) for a in present_actors):
        return True
    return bool(_conflict_cues().search(flat)) or not _disaster_in(flat)


@lru_cache(maxsize=1)
def _disaster_cues() -> re.Pattern[str]:
    return words_re(lexicon().get("disaster_words", []))


@lru_cache(maxsize=1)
def _conflict_cues() -> re.Pattern[str]:
    return words_re(lexicon()["conflict_cues"])


def accidental(sentence: str) -> bool:
    """A disaster or accident word in the sentence ("a road accident", "a hit-and-run"): a toll
    with no event word there is not coded as an attack by default. "Fire" and "blaze" do not
    count here: "killed by direct fire from security forces", "set on fire"."""
    return any(m.group(0).lower() not in _WEAK_DISASTER
               and not (m.group(0).lower() == "outbreak" and _OUTBREAK_OF_VIOLENCE.match(sentence, m.end()))
               for m in _disaster_cues().finditer(sentence))


_WEAK_DISASTER = frozenset({"fire", "blaze", "collapse", "collapsed", "outbreak"})


def disaster_toll(sentence: str) -> bool:
    """A toll told with a flood, a fire or a crash and no violence word ("killed by army fire" has
    one: it stays a claim; so has "killed by Israeli fire", a side's fire)."""
    return not _conflict_cues().search(sentence) and _disaster_in(sentence)


def _disaster_in(text: str) -> bool:
    """A disaster word in the text, other than a side's fire."""
    return any(not (m.group(0).lower() == "fire" and _sides_fire(text, m.start()))
               and not (m.group(0).lower() == "outbreak" and _OUTBREAK_OF_VIOLENCE.match(text, m.end()))
               for m in _disaster_cues().finditer(text))


# "a new outbreak of violence at the Litoral penitentiary": fighting, not a disease
_OUTBREAK_OF_VIOLENCE = re.compile(
    r"\s+of\s+(?:[\w-]+\s+)?(?:violence|fighting|clashes|unrest|hostilities)\b", re.IGNORECASE)


# "army fire", and the shooting words: "opened fire on", "returned fire", "sniper fire", "live fire"
_FIRE_OF = re.compile(r"\b(?:army|police|enemy|government|rebel|regime|military|forces'?|troops'?"
                      r"|open(?:ed|ing|s)?|return(?:ed|ing|s)?|exchanged|gun|sniper|artillery|mortar"
                      r"|machine-gun|live|heavy|tank|cross|under"
                      # ("came under fire"; "killed by occupation fire", WAFA's words for the Israeli army's)
                      r"|occupation|militia|insurgent|militant|gunmen'?s?|soldiers'?)\s+$", re.I)


# ("killed in an exchange of fire", "after a precise fire": the ISPR's words for a gunfight)
_FIRE_EXCHANGED = re.compile(r"\b(?:exchange|exchanges|volley|hail)\s+of\s+$", re.I)
_PRECISE_FIRE = re.compile(r"\b(?:precise|intense|effective|accurate|retaliatory)\s+$", re.I)


def _sides_fire(sentence: str, at: int) -> bool:
    """ "Israeli fire", "regime fire": fire a nation or a side opened, not a blaze."""
    before = sentence[max(0, at - 30) : at]
    if _FIRE_OF.search(before) or _FIRE_EXCHANGED.search(before) or _PRECISE_FIRE.search(before):
        return True
    m = re.search(r"\b([A-Z][a-z]+)\s+$", before)
    return m is not None and name_key(m.group(1)) in cues_table().names
