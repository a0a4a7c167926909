"""Names of people read as places: a surname inside a person's name ("since the fall of Bashar
al-Assad": "al-Assad" is no town), and who lives in a place ("a Druze-majority town")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from conflictwatch.extract.nlp import entities
from conflictwatch.extract.placerank import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_PEOPLE_COMPOUND = re.compile(r"-(?:majority|dominated|populated|inhabited)$", re.IGNORECASE)
_GIVEN_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
# (a person's name the recogniser sees in "the village of Arab al-Aramshe", or "Said Sadiq", a town)
_TYPED_OF = re.compile(r"\b(?:village|town|city|hamlet|camp|district|area|neighbou?rhood)\s+of\s+$", re.I)
_SAID_NAME = re.compile(r"(?:Said|Sayed|Sayid)\s")


def not_inhabitants(found: list[PlaceMention]) -> list[PlaceMention]:
    """The places less the words for who lives there ("a Druze-majority town", "Kurdish-majority")."""
    return [p for p in found if not _PEOPLE_COMPOUND.search(p.name)]


def not_surnames(sentence: str, found: list[PlaceMention], doc: Doc | None) -> list[PlaceMention]:
    """The places less the last words of a person's name that starts before them. The recogniser
    runs only when a capitalised word stands right before a place's name."""
    if doc is None or not any(_GIVEN_NAME_BEFORE.search(sentence, 0, _name_start(sentence, p))
                              for p in found):
        return found
    persons = [(e.start_char, e.end_char) for e in entities(doc).ents if e.label_ == "PERSON"
               and not _TYPED_OF.search(sentence, max(0, e.start_char - 25), e.start_char)
               and not _SAID_NAME.match(sentence, e.start_char)]
    return [p for p in found if not any(a < _name_start(sentence, p) < b and p.end <= b for a, b in persons)]


def _name_start(sentence: str, p: PlaceMention) -> int:
    """Where the place's name itself starts in its span ("the fall of Bashar al-Assad": at "al-Assad")."""
    at = sentence.lower().find(p.name.lower(), p.start, p.end)
    return at if at >= 0 else p.start
