"""Load the extractor's rules from data files, so users extend them without touching code.

Bundled files live in `conflictwatch/data/`. A user may point CONFLICTWATCH_DATA at a folder
with files of the same names: their mappings are merged over the bundled ones and their lists
are appended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from conflictwatch.datafiles import load_data
from conflictwatch.extract.quickre import Prefiltered, WordFilter, required_words, wrapped_first_words


def lexicon() -> dict[str, Any]:
    return load_data("lexicon.yaml")  # type: ignore[no-any-return]


def words_re(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word alternation, longest first."""
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def patterns_re(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w-])", re.IGNORECASE
    )


def required_literal(pattern: str) -> str | None:
    """A lower-case word every match of `pattern` must contain, or None if there is none.

    Groups (optional or alternative parts) are dropped; what is left must occur as written.
    Used to skip patterns whose word is not in a text at all, which is far cheaper than a search.
    """
    flat = re.sub(r"\\.", " ", pattern)  # escapes (\b, \., \w) are no letters of the text
    prev = None
    while prev != flat:  # remove innermost groups (and their quantifiers) until none are left
        prev = flat
        flat = re.sub(r"\([^()]*\)[?*+]?(?:\{[^}]*\})?", " ", flat)
    if "|" in flat:
        return None  # top-level alternatives: see _literals
    flat = re.sub(r"\[[^\]]*\]|.[?*]|\{[^}]*\}", " ", flat)  # classes and optional characters
    runs = [r for r in re.findall(r"[a-z']{3,}", flat.lower())]
    return max(runs, key=len) if runs else None


@dataclass(frozen=True)
class Named:
    """A canonical name with the regex that finds its mentions."""

    name: str
    regex: re.Pattern[str]
    kind: str | None = None  # sources: rescue, monitor, military...; actors: side
    literals: tuple[str, ...] | None = None  # one required word per pattern; None: cannot tell
    countries: tuple[str, ...] = ()  # ISO codes of the articles it may occur in; () = any
    by_country: tuple[tuple[str, str], ...] = ()  # a country's own name for a generic actor

    def for_country(self, cc: str | None, country: str | None) -> Named | None:
        """This actor as an article about `cc` names it, or None when it does not apply there.

        "Military Forces of {country}" takes the country's name; with no clear country the name
        drops its country part ("Military Forces", "Unidentified Armed Group")."""
        if self.countries and cc not in self.countries:
            return None
        own = dict(self.by_country).get(cc or "")
        if own:
            return replace(self, name=own)
        if "{country}" not in self.name:
            return self
        if country:
            return replace(self, name=self.name.format(country=country))
        bare = re.sub(r"\s*(?:of\s+\{country\}|\(\{country\}\))", "", self.name).strip()
        return replace(self, name=bare)

    def may_occur(self, lower_text: str) -> bool:
        """False only when the text surely holds no mention (a required word is missing).

        A plain loop: asked ~400 times an article, `any()` over a generator cost twice as much."""
        if self.literals is None:
            return True
        for w in self.literals:
            if w in lower_text:
                return True
        return False


def _split_top(pattern: str) -> list[str]:
    """'a|b(?:c|d)' -> ['a', 'b(?:c|d)']: alternatives outside any group."""
    parts, depth, cur, esc = [], 0, "", False
    for ch in pattern:
        if esc:
            cur, esc = cur + ch, False
            continue
        if ch == "\\":
            cur, esc = cur + ch, True
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return [*parts, cur]


def _literals(patterns: list[str]) -> tuple[str, ...] | None:
    """Words one of which every match holds: one required word per alternative of every pattern,
    or, for an alternative without one, the words of a group every branch of which has one
    (`quickre.required_words`: "(?:medical|hospital|health) staff"); None if some alternative
    has neither. Without the groups' words, a pattern such as the medical sources' was searched
    in every sentence of every article."""
    words: list[str] = []
    for alt in (alt for p in patterns for alt in _split_top(p)):
        word = required_literal(alt)
        some = (word,) if word is not None else required_words(alt, re.IGNORECASE)
        if not some:
            return None
        words += sorted(some)
    return tuple(words)


@lru_cache(maxsize=1)
def sources() -> tuple[list[Named], list[tuple[re.Pattern[str], str, str | None]], re.Pattern[str]]:
    """(named sources, generic back-references, speech-verb regex)."""
    data = load_data("sources.yaml")
    named = [
        Named(name, patterns_re(spec["patterns"]), spec.get("kind"), _literals(spec["patterns"]),
              tuple(spec.get("only_in") or ()))
        for name, spec in data["sources"].items()
        if spec.get("patterns")
    ]
    generic = [
        (
            re.compile(r"(?<![\w-])(?:" + g["pattern"] + r")(?![\w-])", re.IGNORECASE),
            g["kind"],
            g.get("fallback"),
        )
        for g in data["generic"]
    ]
    speech = words_re(data["speech_verbs"])
    if data.get("speech_patterns"):  # ("put the rebel death toll at": a word of its own in the phrase)
        speech = re.compile(f"{speech.pattern}|{patterns_re(data['speech_patterns']).pattern}", re.IGNORECASE)
    return named, generic, speech


@lru_cache(maxsize=1)
def actors() -> tuple[list[Named], dict[str, str]]:
    data = load_data("actors.yaml")
    named = [
        Named(
            str(spec.get("name") or name), patterns_re(spec["patterns"]), spec.get("side"),
            _literals(spec["patterns"]), tuple(spec.get("countries") or ()),
            tuple((spec.get("by_country") or {}).items()),
        )
        for name, spec in data["actors"].items()
        if spec and spec.get("patterns")
    ]
    return named, data.get("victim_actor", {})


@dataclass(frozen=True)
class EventRule:
    event_type: str
    sub_event_type: str
    regex: re.Pattern[str]
    actor_side: str | None
    weak: bool = False  # a hint only ("attacked", "killed ... militants"): context may know better
    literals: tuple[str, ...] | None = None  # as Named.literals: skip the search when none occurs
    first: frozenset[str] | None = None  # the words a match may start with; None: any

    def may_occur(self, lower_text: str, words: frozenset[str] | None = None) -> bool:
        """False only when the text surely holds no match: a required word is missing, or none of
        the words a match may start with is among the text's `start_words` (when given). The
        first words are the cheaper test (a set against a set); in wire sentences the two
        together leave a third of the searches that either leaves alone."""
        if words is not None and self.first is not None and self.first.isdisjoint(words):
            return False
        if self.literals is None:
            return True
        for w in self.literals:  # a loop, not any() over a generator: see Named.may_occur
            if w in lower_text:
                return True
        return False


@lru_cache(maxsize=1)
def event_rules() -> tuple[list[EventRule], Prefiltered]:
    data = load_data("event_types.yaml")
    rules = [
        EventRule(
            t["event_type"], t["sub_event_type"], patterns_re(t["patterns"]), t.get("actor_side"),
            bool(t.get("weak")), _literals(t["patterns"]),
        )
        for t in data["types"]
    ]
    # the words each rule's matches may start with, read once: a sentence without any of them
    # is not searched (event_rule: half its time)
    rules = [replace(r, first=wrapped_first_words(r.regex)) for r in rules]
    verbs = words_re(data["incident_verbs"])  # searched in most sentences: words looked up first
    return rules, Prefiltered(verbs, WordFilter(verbs.pattern[len(r"(?<![\w-])(?:") : -len(r")(?![\w-])")],
                                                r"[\w-]+"))
