"""A capital named by its country ("near the Honduran capital", "in Uganda's capital") or a city by its
story's dateline ("the city's Kyivskyi district" from KHARKIV): the city is the place, or the place
around the one named, which the place finder would otherwise miss or take the adjective for."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.datafiles import load_data
from conflictwatch.extract.placerank import PlaceMention
from conflictwatch.geo.cues import cues_table
from conflictwatch.geo.gazetteer import capitals, country_codes_by_key, to_country_code
from conflictwatch.geo.normalize import name_key

_SEAT = r"(?:(?:state|provincial|regional|departmental)\s+)?capital"
_REGION_TYPE = r"(?:\s+(?:[Ss]tate|[Pp]rovince|[Rr]egion|[Oo]blast|[Gg]overnorate|[Dd]epartment))?"
_NAMED = r"[A-Z][\w'-]+(?:\s+(?:de\s+|del\s+|and\s+)?[A-Z][\w'-]+){0,3}"
# (not "the Yemeni capital Sanaa", "the capital of X": the name written after it is the place)
_CAPITAL = re.compile(
    rf"\bthe\s+(?P<adj>{_NAMED})(?P<t1>{_REGION_TYPE})\s+(?P<s1>{_SEAT})\b"
    rf"|\b(?P<country>{_NAMED})(?P<t2>{_REGION_TYPE})['’]s?\s+(?P<s2>{_SEAT})\b"
    rf"|\bthe\s+(?P<s3>{_SEAT})\s+of\s+(?:the\s+)?(?P<of>{_NAMED})(?P<t3>{_REGION_TYPE})\b"
)
_NAMED_BEFORE = re.compile(r"[A-Z][\w'-]+,\s*$")
_NAME_AFTER = re.compile(r",?\s+(?:city\s+)?(?:of\s+)?[A-Z]")


def capital_mentions(sentence: str) -> list[tuple[str, int, int]]:
    """(capital's name, start, end) of each capital the sentence names only by its country."""
    if "capital" not in sentence:
        return []
    out = []
    for m in _CAPITAL.finditer(sentence):
        if _NAME_AFTER.match(sentence, m.end()):
            continue
        words = (m.group("of") or m.group("adj") or m.group("country")).split()
        typed = m.group("t1") or m.group("t2") or m.group("t3") or ""
        national = not typed and (m.group("s1") or m.group("s2") or m.group("s3")) == "capital"
        # (not "El Geneina, the capital of West Darfur": the town is named already)
        named_before = _NAMED_BEFORE.search(sentence, 0, m.start()) is not None
        for i in range(len(words)):  # ("In Borno's capital": Borno)
            word = " ".join(words[i:])
            # "the South Kivu capital", "Borno's capital", "the provincial capital of Ghazni": the
            # province's seat (Borno is also a cue for Nigeria: not Abuja)
            city = None if named_before else region_capital(word + typed)
            if city is None and national:
                if m.group("of"):  # "the capital of Haiti"
                    cc = to_country_code(word)
                else:
                    cc = cues_table().names.get(name_key(word)) or to_country_code(word)
                city = capitals().get(cc or "")
            if city:
                out.append((city, m.start(), m.end()))
                break
    return out


_TYPE_END = re.compile(r"\s+(?:state|province|region|oblast|governorate|department)$", re.IGNORECASE)


def region_capital(name: str) -> str | None:
    """The seat of the province `name` ("South Kivu" -> Bukavu, "Borno State" -> Maiduguri), from
    region_capitals.yaml; None for a name that is no province there, or the province of two countries."""
    table = _region_capitals()
    return table.get(name_key(name)) or table.get(name_key(_TYPE_END.sub("", name)))


@lru_cache(maxsize=1)
def _region_capitals() -> dict[str, str]:
    seen: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()
    for cc, seats in (load_data("region_capitals.yaml") or {}).items():
        for city, names in (seats or {}).items():
            for n in names or []:
                k = name_key(n)
                if k in seen and seen[k][1] != cc:
                    shared.add(k)
                seen[k] = (city, cc)
    return {k: city for k, (city, _) in seen.items() if k not in shared}


def known_city(name: str) -> bool:
    """Is `name` a seat of a province or a country, or a city the country cues know ("El Obeid",
    "Goma")? Such a city is where a building named after it stands ("El Obeid Teaching Hospital")."""
    key = name_key(name)
    return key in _seat_keys() or key in cues_table().names and key not in country_codes_by_key()


@lru_cache(maxsize=1)
def _seat_keys() -> frozenset[str]:
    return frozenset(name_key(city) for city in _region_capitals().values()) | _capital_keys()


_THE_CAPITAL = re.compile(r"\b(?:in|near|on|of|attacked|struck|hit|shelled|targeted|pounded|bombed)\s+the\s+"
                          r"capital\b(?!\s*,?\s+(?:of\s+|city\s+of\s+)?[A-Z])")


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


_BARE_SEAT = re.compile(r"\b(?:in|near|on|of|outside|around|across)\s+the\s+(?:state|provincial|regional)\s+"
                        r"capital\b(?!\s*,?\s+(?:of\s+|city\s+of\s+)?[A-Z])")
_SEAT_NAMED = re.compile(
    r"\b(?P<before>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),\s+the\s+(?:state|provincial|regional)\s+capital\b"
    r"|\bthe\s+(?:state|provincial|regional)\s+capital,?\s+(?P<after>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_REGION_NAMED = re.compile(rf"\b(?P<name>{_NAMED})\s+(?:State|Province|Region|state|province|region)\b")


def the_seat_told(sentence: str, text: str, start: int) -> PlaceMention | None:
    """ "was gunned down in the state capital", in a story that called Abeokuta "the state capital"
    before (`text` up to `start`, where the sentence begins), or named only Ogun State: that town, the
    province's seat."""
    if "capital" not in sentence or not (m := _BARE_SEAT.search(sentence)):
        return None
    before = text[:start]  # (cut only here: most sentences name no capital)
    named = list(_SEAT_NAMED.finditer(before))
    city = (named[-1].group("before") or named[-1].group("after")) if named else None
    if city is None:
        for r in reversed(list(_REGION_NAMED.finditer(before))):
            words = r.group("name").split()
            city = next((c for i in range(len(words)) if (c := region_capital(" ".join(words[i:])))), None)
            if city:
                break
    return PlaceMention(city, m.start(), m.end(), 2, "in") if city else None
