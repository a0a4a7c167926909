"""A figure of the wounded told apart from one of the dead: "the injured included four civilians",
"three of the injured were in critical condition", "three were injured, one seriously", and the
bodies just found that "all had gunshot wounds" (how they died, no one hurt)."""

from __future__ import annotations

import re

from conflictwatch.extract.numbers import Figure

_HAD_WOUNDS = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:had|bore|showed)\s+(?:[\w-]+\s+){0,2}?wounds\b")
_ALL_BEFORE = re.compile(r"\W*all\s+", re.IGNORECASE)
_IN_CONDITION = re.compile(r"(?i)(?:\s+of\s+the\s+(?:injured|wounded|victims))?\s+(?:is|are|was|were|remains?"
                           r"|remained)\s+in\s+(?:a\s+)?(?:critical|serious|grave|severe|stable)\s+condition")
_HOW_BADLY = re.compile(r"(?i)\s+(?:seriously|critically|severely|gravely|badly)\b")
_HURT_INCLUDED = re.compile(r"\b(?:injured|wounded)\s+includ(?:ed|es?|ing)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def wounded_kind(sentence: str, f: Figure, kind: str | None, subset: bool,
                 after_wounded: bool) -> tuple[str | None, bool]:
    """The figure's kind and whether it is a part of the one before, with the wounded's own words read;
    `after_wounded`: the figure before it counts wounded."""
    if subset and _HURT_INCLUDED.search(sentence, max(0, f.start - 40), f.start):
        kind = "injured"  # "the injured included four civilians, and no deaths were reported"
    if kind == "killed" and _IN_CONDITION.match(sentence, f.end):
        return "injured", True  # "No one died, but three of the injured were in critical condition"
    if kind == "injured" and after_wounded and _HOW_BADLY.match(sentence, f.end) \
            and sentence[: f.start].rstrip().endswith(","):
        return kind, True  # "Three soldiers were injured, one seriously": one of the three
    all_ = (f.start == 0 and f.text.lower() == "both") or _ALL_BEFORE.fullmatch(sentence, 0, f.start)
    if kind == "injured" and all_ and _HAD_WOUNDS.match(sentence, f.end):
        return None, subset  # "All five had gunshot wounds to the head", "Both had ...": the dead just found
    return kind, subset
