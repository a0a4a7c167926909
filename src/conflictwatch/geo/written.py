"""Place names as written in wire copy, taken apart: "northern Aleppo countryside" is Aleppo with
a modifier, "Keana Local Government Area" a district, "Benue state" a province. The geocoder looks
the bare names up; these only read the words around them."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache

from conflictwatch.datafiles import load_data
from conflictwatch.geo.cues import cues_table
from conflictwatch.geo.gazetteer import capitals, to_country_code
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Claim

_DIRECTION = (
    r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"|north-?eastern|north-?western|south-?eastern|south-?western|(?:north|south|east|west)-central|inner|outer"
    r"|downtown"
)
RE_DIRECTION = re.compile(rf"^(?:the\s+)?({_DIRECTION})\s+(?:of\s+(?:the\s+)?)?(.+)$", re.I)  # "east of Bama"
RE_REGION_SUFFIX = re.compile(
    r"^(.+?)(?:'s)?\s+(?:countryside|province|governorate|region|countryside areas|rural areas|state|oblast"
    r"|prefecture|district|area|suburbs|outskirts|city|town|village|camp area|township|county|municipality"
    r"|lga|local government area|local government|sub-division|subdivision|division|department|raion"
    r"|woreda|zone|council ward|ward|community|barangay|tambon|locality|hamlet|settlement|village tract"
    r"|(?<!capital )territory|chefferie|groupement|secteur|upazila|cercle|tehsil)$",
    re.I,
)
RE_REGION_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:" + _DIRECTION + r")\s+)?"
    r"(countryside|province|governorate|outskirts|suburbs|rural|city|town|village|outskirts)\s+(?:of\s+)?(.+)$",
    re.I,
)
RE_PART_OF = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:area|part|parts|district|neighbou?rhood|quarter|section"
    r"|areas|districts|neighbou?rhoods|outskirts|suburbs|edge|edges|countryside)\s+(?:of|in)\s+(.+)$",
    re.I,
)
RE_NEAR = re.compile(  # not "North East of Bama": a direction is no place near another
    rf"^(?!(?:the\s+)?(?:{_DIRECTION})(?:[\s-](?:{_DIRECTION}))?\s+of\s)"
    r"(.+?)\s*,?\s+(?:near|outside|close to|north of|south of|east of|west of)\s+(.+)$", re.I
)
REGION_WORDS = {"countryside", "province", "governorate", "region", "rural", "state", "oblast", "prefecture"}
NEAR_WORDS = {"outskirts", "suburbs"}


_DISTRICT_WORDS = re.compile(
    r"^(?P<name>.+?)\s+(?:local government area|local government|lga|township|county|municipality"
    r"|sub-?division|division|department|raion|rayon|district|woreda|prefecture|(?<!capital )territory"
    r"|upazila|cercle|tehsil)$",
    re.IGNORECASE,
)
# how many of a claim's context names (its sentence's and the next ones' first) say where it is
NEAR_NAMES = 3
_PROVINCE_WORDS = re.compile(r"^(?P<name>.+?)\s+(?:state|province|region|governorate|oblast)$", re.IGNORECASE)


def admin_from_text(c: Claim, provinces_of: Callable[[str], set[str]] | None = None) -> None:
    """The district and province the text names around the claim, where the gazetteer gave none
    ("... in Umella village in Mbawa ward of Guma Local Government Area of Benue state").
    `provinces_of(district)` gives the name keys of the provinces that have a district so called: a
    district of another province than the claim's is a round-up's other paragraph ("Falam District"
    in a lead over a story about Kachin and Karen states)."""
    for name in c.place_context:
        name = _strip_descriptors(name)
        if c.admin2 is None and c.location and name_key(name) != name_key(c.location):
            m = _DISTRICT_WORDS.match(name)
            homes = provinces_of(m.group("name")) if m and provinces_of and c.admin1 else set()
            if m and (not homes or name_key(c.admin1 or "") in homes):
                c.admin2 = m.group("name").strip()
        if c.admin1 is None:
            m = _PROVINCE_WORDS.match(name)
            if m:
                c.admin1 = m.group("name").strip()


def clean_location(text: str) -> str:
    """The place as a clean name: "a government-held area of western Aleppo" -> "western Aleppo",
    "Eastern Ghouta near Damascus" -> "Eastern Ghouta"."""
    s = _strip_descriptors(text)
    m = RE_PART_OF.match(s)
    if m and "countryside" not in s[: m.start(1)].lower():
        s = m.group(1)
    near = RE_NEAR.match(s)
    if near:
        s = near.group(1)
    return s.strip() or text.strip()


_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_HELD_BY = re.compile(r"^(?:rebel|government|opposition|insurgent|army|kurdish|militant|islamic state)[- ]"
                      r"(?:held|controlled|besieged|run)\s+", re.I)
_BESIEGED = re.compile(r"^(?:besieged|rebel-held|government-held)\s+", re.I)


@lru_cache(maxsize=1024)
def _strip_descriptors(text: str) -> str:
    """Cached: a claim's place names are stripped for its context, its lookup and its
    admin areas (~20 calls an article, four substitutions each)."""
    s = _SPACES.sub(" ", text).strip().strip(".,;:")
    s = _ARTICLE.sub("", s)
    s = _HELD_BY.sub("", s)
    return _BESIEGED.sub("", s)


def _strip_modifiers(text: str) -> tuple[str, str]:
    """("northern Aleppo countryside") -> ("Aleppo", "region"); modifier in '', direction, near,
    part, region. Why: wire copy wraps place names in descriptions that gazetteers do not hold."""
    s = _strip_descriptors(text)
    modifier = ""
    for _ in range(3):
        m = RE_PART_OF.match(s)
        if m:
            word = s[: m.start(1)].lower()
            s = m.group(1)
            if "countryside" in word:
                modifier = "region"
            elif modifier != "region":
                modifier = "near" if ("outskirts" in word or "suburbs" in word) else (modifier or "part")
            continue
        m = RE_REGION_PREFIX.match(s)
        if m:
            word = m.group(1).lower()
            s = m.group(2)
            if word in REGION_WORDS:
                modifier = "region"
            elif word in NEAR_WORDS:
                modifier = modifier or "near"
            continue
        m = RE_REGION_SUFFIX.match(s)
        if m and not re.search(r"\b(?:camp|city)$", s, re.I):
            word = s[m.end(1):].strip().lower().removeprefix("'s").strip()
            s = m.group(1)
            if word.split()[0] in REGION_WORDS:
                modifier = "region"
            elif word in NEAR_WORDS:
                modifier = modifier or "near"
            continue
        m = RE_DIRECTION.match(s)
        if m:
            s = m.group(2)
            modifier = modifier or "direction"
            continue
        break
    return s.strip(), modifier


_DISTRICT_WORD = re.compile(r"district", re.IGNORECASE)
# type words after a name that make it wider than a city ("in Raqa province")
_WIDE = r"(?:province|governorate|state|region|oblast|district|county|lga|department|prefecture|division)\b"


@lru_cache(maxsize=8)
def _says_district(text: str) -> bool:
    """Does the text hold the word "district" at all? Asked for each claim with a place: read
    once per article (in ASCII text, lower() compares as IGNORECASE does)."""
    return "district" in text.lower() if text.isascii() else _DISTRICT_WORD.search(text) is not None


def city_of_district(text: str, name: str) -> str | None:
    """The city the article says the place is a district of ("the Kyivskyi district of Kharkiv",
    "Kharkiv's Kyivskyi district", "the Kyivskyi district in Kharkiv"), or None."""
    if not _says_district(text):
        return None
    n, city = re.escape(name), r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
    m = re.search(rf"\b{n}\s+district\s+(?:of|in)\s+(?:the\s+city\s+of\s+)?{city}"
                  rf"|\b{city}['’]s\s+{n}\s+district\b", text)
    if m is None:  # "the Mezzeh district of the Syrian capital": the country's capital
        m = re.search(rf"\b{n}\s+district\s+(?:of|in)\s+the\s+([A-Z][\w-]+)\s+capital\b", text)
        cc = (cues_table().names.get(name_key(m.group(1))) or to_country_code(m.group(1))) if m else None
        return capitals().get(cc or "")
    return next((g for g in m.groups() if g), None)


def _called_district(text: str, name: str) -> bool:
    """Does the article call the place a district ("Sirwah district", "the district of Sirwah", Nigeria's
    "Kajuru Local Government Area")? Most articles never say "district" or "LGA": they are spared a
    pattern built for the name."""
    lga = "LGA" in text or "ocal Government" in text or "ocal government" in text
    if not lga and not _says_district(text):
        return False
    n = re.escape(name)
    return bool(re.search(rf"\b{n}\s+(?:district|LGA|local\s+government(?:\s+area)?)\b"
                          rf"|\b(?:district|local\s+government\s+area)\s+of\s+(?:the\s+)?{n}\b", text,
                          re.IGNORECASE))


def _spelt_alike(name: str, other: str) -> float:
    """0..1, how alike two names are spelt: it breaks ties between places found under one name
    ("West Darfur" is also an old name of Central Darfur; Western Darfur is spelt more alike)."""
    return 1.0 if name == other else _key_alike(name_key(name), name_key(other))


@lru_cache(maxsize=8192)  # a story asks about the same few names and their candidates again and again
def _key_alike(a: str, b: str) -> float:
    return 1.0 if a == b else SequenceMatcher(None, a, b).ratio()


def _put_in(place: str, city: str, sentence: str) -> bool:
    """Does the sentence put the place in the city ("Iwaya, Yaba area of Lagos", "X in the city of
    Y"), not in a province of the city's name ("in Raqa province")?"""
    if place not in sentence or city not in sentence:
        return False  # most pairs: one cheap look instead of a pattern built for them
    said = (rf"\b{re.escape(place)}\b[^.;:]{{0,40}}?(?:\b(?:of|in)|,)\s+(?:the\s+)?(?:city\s+of\s+)?"
            rf"{re.escape(city)}\b(?!\s+{_WIDE})"
            rf"|\b{re.escape(city)}['’]s\s+{re.escape(place)}\b")  # "Kabul's Khair Khana"
    return re.search(said, sentence) is not None


def _said_to_be_in(claim: Claim, province: str) -> bool:
    """Does the claim's sentence put its place in this province ("X road in Ituri province")?"""
    if not claim.location or not claim.quote:
        return False
    said = rf"{re.escape(claim.location)}\b[^.,;]{{0,30}}?\b(?:in|of)\s+(?:the\s+)?{re.escape(province)}"
    return re.search(said, claim.quote) is not None


# "Komanda-Mambasa", "Apaseo el Alto-Queretaro Pan-American": a hyphen between two names (not the
# article of "Ras al-Ain" or "Deir ez-Zor")
_ROUTE_SPLIT = re.compile(
    r"(?<=[a-z\u00e0-\u00ff]{2})(?<!\b(?:al|el|ad|ar|as|at|az|an|ez|es|ed|er|ud|ul))"
    r"(?<!\b(?:ash|bin|ibn|abu|umm|tal|ain|ras|bab|bir))(?<!\b(?:kafr|tell|deir|beit|jisr|khan|wadi))"
    r"-(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff])"
)
_ROUTE_TYPE = re.compile(r"\s+(?:Pan-American|federal highway|highway|road|route|expressway)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def city_parts() -> str:
    """The words of `city_parts` (places_lexicon.yaml) as one regex group."""
    words = sorted(load_data("places_lexicon.yaml").get("city_parts", []), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in words) + ")" if words else "(?!)"


def route_ends(written: str) -> list[str]:
    """The towns a road is named by ("the Komanda-Mambasa road": Komanda, Mambasa)."""
    return _ROUTE_SPLIT.split(_ROUTE_TYPE.sub("", written))


_CAMP = re.compile(r"^(.+?)\s+(?:(?:refugee|displacement|displaced|idps?|idp's)\s+)?camp$", re.IGNORECASE)


def camp_stem(name: str) -> str | None:
    """ "Jabalia refugee camp" -> "Jabalia": a camp is named after the town it stands by."""
    m = _CAMP.match(name)
    return m.group(1) if m else None
