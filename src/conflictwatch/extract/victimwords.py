"""The words the parse-based victim reader looks for (lexicon.yaml, "Read from the parse"), read once:
killing, dying and wounding verbs, bodies, people, and the prefilters that decide which sentences are
parsed at all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictwatch.extract.quickre import WordFilter, quick
from conflictwatch.extract.rules import lexicon


@dataclass(frozen=True)
class Words:
    kill: frozenset[str]
    die: frozenset[str]
    to_death: frozenset[str]
    find: frozenset[str]
    body: frozenset[str]
    death: frozenset[str]
    dead: frozenset[str]
    hurt: frozenset[str]
    injure: frozenset[str]
    other_fate: frozenset[str]
    people: frozenset[str]
    suffixes: tuple[str, ...]
    not_people: frozenset[str]
    unreal: frozenset[str]
    not_victims: frozenset[str]
    body_states: frozenset[str]
    parts: frozenset[str]
    part_states: frozenset[str]
    classes: dict[str, str]
    prefilter: re.Pattern[str]
    prefilter_manner: re.Pattern[str]
    prefilter_words: WordFilter  # whether the prefilters can match, from the sentence's words
    manner_words: tuple[WordFilter, WordFilter]
    wound_sites: frozenset[str]  # "shot in the arm": hurt
    killing_kinds: frozenset[str]  # "the field execution of eight": a kind of killing before its noun


@lru_cache(maxsize=1)
def words() -> Words:
    lx = lexicon()

    def s(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in lx.get(key, []))

    classes = {w.lower(): cls for cls, ws in lx["victims"].items() for w in ws}
    people = s("person_nouns") | s("singular_victims") | s("kin_nouns") | frozenset(classes)
    # The words that can name a death or an injury, in any inflection ("kill" -> "killed",
    # "killing"; "stab" -> "stabbed"), tested before a sentence is parsed. Verbs that kill only
    # with "dead"/"to death"/"down" ("shot dead") count only with one of those words.
    always = (
        s("kill_verbs") | s("die_verbs") | s("body_nouns") | s("death_nouns") | s("dead_words")
        | s("hurt_words") | s("injure_verbs") | {"lives", "life", "bodies", "corpses", "slain", "shot"}
        | {"shahadat", "shahadah", "martyrdom"}  # ("embraced shahadat": victims.py reads the verb)
        | {f"{st} {p}" for st in s("body_part_states") for p in s("body_parts")}
        | {f"severed human {p}" for p in s("body_parts")}
    )
    alts = "|".join(sorted((_inflected(w) for w in always), key=len, reverse=True))
    prefilter = quick(re.compile(rf"\b(?:{alts})\b", re.IGNORECASE))
    manner = "|".join(sorted((_inflected(w) for w in s("to_death_verbs")), key=len, reverse=True))
    prefilter_manner = quick(
        re.compile(rf"\b(?:{manner})\b.{{0,40}}\b(?:dead|death|down)\b", re.IGNORECASE)
    )
    return Words(
        kill=s("kill_verbs"), die=s("die_verbs"), to_death=s("to_death_verbs"), find=s("find_verbs"),
        body=s("body_nouns") | {"bodies", "corpses"}, death=s("death_nouns"), dead=s("dead_words"),
        hurt=s("hurt_words"), injure=s("injure_verbs"), other_fate=s("other_fate_verbs"), people=people,
        suffixes=tuple(lx.get("person_suffixes", [])), not_people=s("not_people"),
        unreal=s("unreal_governors"), not_victims=s("not_victims"), body_states=s("body_states"),
        parts=s("body_parts"), part_states=s("body_part_states"), classes=classes, prefilter=prefilter,
        prefilter_manner=prefilter_manner,
        prefilter_words=WordFilter(alts), manner_words=(WordFilter(manner), WordFilter("dead|death|down")),
        wound_sites=s("wound_sites"), killing_kinds=s("killing_kinds"),
    )


_IRREGULAR_FORMS = {
    "die": ["died", "dying", "dies"], "slay": ["slain", "slew"], "shoot": ["shot"], "lose": ["lost"],
    "beat": ["beaten"], "run": ["ran"], "strike": ["struck"], "hang": ["hung", "hanged"],
    "life": ["lives"], "body": ["bodies"], "corpse": ["corpses"],
}


def _inflected(word: str) -> str:
    """A regex for a word and its regular inflections: stem(s|es|ed|d|ing), doubled consonant."""
    w = re.escape(word)
    extra = [re.escape(x) for x in _IRREGULAR_FORMS.get(word, [])]
    if " " in word:
        return "|".join([w, *extra])
    stem = re.escape(word[:-1]) if word.endswith("e") else w
    double = re.escape(word[-1]) + "?" if word[-1] not in "aeiouwy" else ""
    return "|".join([rf"{w}(?:s|es)?", rf"{stem}{double}(?:ed|ing|en)", *extra])
