"""Load the extractor's rules from data files, so users extend them without touching code.

Bundled files live in `conflictwatch/data/`. A user may point CONFLICTWATCH_DATA at a folder
with files of the same names: their mappings are merged over the bundled ones and their lists
are appended.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it: 3x faster


def _merge(base: Any, extra: Any) -> Any:
    """A user's data over the bundled data.

    Mappings merge key by key, and a key set to null is removed ("Syrian rebels: null"). A list
    is extended; to take items out or start afresh, give a mapping instead of the list:
    `{remove: [...]}`, `{add: [...], remove: [...]}` or `{replace: [...]}`. Anything else
    replaces the bundled value.
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            if v is None:
                out.pop(k, None)
            else:
                out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, dict) and set(extra) <= {"add", "remove", "replace"}:
        kept = list(extra["replace"]) if "replace" in extra else list(base)
        gone = {str(x).lower() for x in extra.get("remove") or []}
        kept = [x for x in kept if str(x).lower() not in gone]
        return kept + [x for x in extra.get("add") or [] if x not in kept]
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


@cache
def load_data(name: str) -> Any:
    """The bundled YAML `name`, merged with the user's copy from CONFLICTWATCH_DATA if any."""
    data = yaml.load(resources.files("conflictwatch.data").joinpath(name).read_text("utf-8"), Loader=_LOADER)
    user_dir = os.environ.get("CONFLICTWATCH_DATA")
    if user_dir:
        extra = Path(user_dir) / name
        if extra.exists():
            data = _merge(data, yaml.load(extra.read_text("utf-8"), Loader=_LOADER) or {})
    return data


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

    def may_occur(self, lower_text: str) -> bool:
        """False only when the text surely holds no mention (a required word is missing)."""
        return self.literals is None or any(w in lower_text for w in self.literals)


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
    """One required word per alternative of every pattern; None if some alternative has none."""
    words = [required_literal(alt) for p in patterns for alt in _split_top(p)]
    return None if any(w is None for w in words) else tuple(words)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def sources() -> tuple[list[Named], list[tuple[re.Pattern[str], str, str | None]], re.Pattern[str]]:
    """(named sources, generic back-references, speech-verb regex)."""
    data = load_data("sources.yaml")
    named = [
        Named(name, patterns_re(spec["patterns"]), spec.get("kind"), _literals(spec["patterns"]))
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
    return named, generic, words_re(data["speech_verbs"])


@lru_cache(maxsize=1)
def actors() -> tuple[list[Named], dict[str, str]]:
    data = load_data("actors.yaml")
    named = [
        Named(name, patterns_re(spec["patterns"]), spec.get("side"), _literals(spec["patterns"]))
        for name, spec in data["actors"].items()
    ]
    return named, data.get("victim_actor", {})


@dataclass(frozen=True)
class EventRule:
    event_type: str
    sub_event_type: str
    regex: re.Pattern[str]
    actor_side: str | None
    weak: bool = False  # a hint only ("attacked", "killed ... militants"): context may know better


@lru_cache(maxsize=1)
def event_rules() -> tuple[list[EventRule], re.Pattern[str]]:
    data = load_data("event_types.yaml")
    rules = [
        EventRule(
            t["event_type"], t["sub_event_type"], patterns_re(t["patterns"]), t.get("actor_side"),
            bool(t.get("weak")),
        )
        for t in data["types"]
    ]
    return rules, words_re(data["incident_verbs"])
