"""A capital named by its country ("near the Honduran capital", "in Uganda's capital") or a city by its
story's dateline ("the city's Kyivskyi district" from KHARKIV): the city is the place, or the place
around the one named, which the place finder would otherwise miss or take the adjective for."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.extract.placerank import PlaceMention
from conflictwatch.geo.cues import cues_table
from conflictwatch.geo.gazetteer import capitals, to_country_code
from conflictwatch.geo.normalize import name_key

# (not "the Yemeni capital Sanaa", "the capital of X": the name written after it is the place)
_CAPITAL = re.compile(
    r"\bthe\s+(?P<adj>[A-Z][\w-]+)\s+capital\b|\b(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+capital\b"
    r"|\bthe\s+capital\s+of\s+(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\b"
)
_NAME_AFTER = re.compile(r",?\s+(?:city\s+)?(?:of\s+)?[A-Z]")


def capital_mentions(sentence: str) -> list[tuple[str, int, int]]:
    """(capital's name, start, end) of each capital the sentence names only by its country."""
    if "capital" not in sentence:
        return []
    out = []
    for m in _CAPITAL.finditer(sentence):
        if _NAME_AFTER.match(sentence, m.end()):
            continue
        if m.group("of"):  # "the capital of Haiti" (not "the capital of Kachin state")
            cc = to_country_code(m.group("of"))
        else:
            word = m.group("adj") or m.group("country")
            cc = cues_table().names.get(name_key(word)) or to_country_code(word)
        city = capitals().get(cc or "")
        if city:
            out.append((city, m.start(), m.end()))
    return out


_THE_CAPITAL = re.compile(r"\b(?:in|near|on|of)\s+the\s+capital\b(?!\s*,?\s+(?:of\s+|city\s+of\s+)?[A-Z])")


def the_capital_here(sentence: str, town: str) -> re.Match[str] | None:
    """ "stormed the hotel in the capital", in a story filed from Mogadishu: the capital is the
    dateline's town, when that town is a country's capital."""
    if "capital" not in sentence or name_key(town) not in _capital_keys():
        return None
    return _THE_CAPITAL.search(sentence)


@lru_cache(maxsize=1)
def _capital_keys() -> frozenset[str]:
    return frozenset(name_key(c) for c in capitals().values())


_THE_CITYS = re.compile(r"\bthe\s+(?:(?:regional|provincial|state)\s+)?(?:city|town|capital)['’]s\s+$",
                        re.IGNORECASE)


def the_citys_part(sentence: str, places: list[PlaceMention], town: str) -> PlaceMention | None:
    """ "hit a shop in the city's Kyivskyi district", in a story filed from Kharkiv: the dateline's
    town, as the wider place around the district (a homonym elsewhere is not it)."""
    for p in places:
        if _THE_CITYS.search(sentence, max(0, p.start - 40), p.start):
            return PlaceMention(town, p.start, p.start, max(p.rank + 1, 4), "in")
    return None
