"""Buildings named in place of a place: "Ayder Referral Hospital" and "the Bahman hospital" are no place,
but "Mogadishu airport", "the El Obeid Teaching Hospital" and "the University of Karachi" stand in the
city they name."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.extract.capitals import known_city
from conflictwatch.extract.placerank import THE_BEFORE, PlaceMention, place_types, type_rank
from conflictwatch.extract.rules import load_data

_FACILITY_OF = re.compile(
    r"^(?:University|Port|Airport|Polytechnic)\s+of\s+(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")
# (not "Rumbek Centre County": a county named after its town's centre)
_UNIT_NAME_END = re.compile(r"\s(?:county|district|state|province|payam|municipality)$", re.IGNORECASE)

# a building that serves the city it is named after (not "Baabda Palace", a seat of government), and
# its kind before its type word ("El Obeid Teaching Hospital")
_SERVES_A_CITY = frozenset({"hospital", "clinic", "school", "university", "college", "market", "prison"})
_FACILITY_KIND = re.compile(r"(?:\s+(?:Teaching|Referral|General|Military|Speciali[sz]ed|Specialist|Regional"
                            r"|Provincial|State|District|Main|Comprehensive|Police|Maternity|Paediatric"
                            r"|Pediatric|Children['’]s|Women['’]s|University|National|Grand))+$")


def city_of_facility(p: PlaceMention) -> PlaceMention | None:
    """A building is no place ("Ayder Referral Hospital"), but the known city whose airport, port
    or market it is ("Mogadishu airport") is where it stands."""
    m = place_types()[2].search(p.name)
    if m is None or _UNIT_NAME_END.search(p.name):
        return p  # (not "Rumbek Centre County": a county named after its town's centre)
    of_city = _FACILITY_OF.match(p.name)
    if of_city and m.start() == 0:  # "the University of Karachi": the city it is of
        at = p.start + of_city.start("city")
        return PlaceMention(of_city.group("city"), at, at + len(of_city.group("city")), 3, p.via)
    if m.start() == 0 and m.group(0).lower() in ("bar", "port") and p.name[m.end() :].strip():
        # "Bar Ali", a Somali village (not "Hotel Cahiid", "Hospital Civil": buildings); "Port
        # Sudan", "Port Harcourt": a town named as a port
        return p
    city = p.name[: m.start()].strip()
    # (an airport or a port is named after its city, known or not: "Makhachkala airport"; so is a city's
    # central prison or hospital: "Urmia Central Prison")
    central = city.endswith(" Central")
    # ("Kassala International Airport": the airport's kind, no part of its city's name)
    city = city.removesuffix(" Central") if central else city.removesuffix(" International")
    named_after = central or m.group(0).lower() in ("airport", "international airport", "seaport", "port",
                                                    "air base")
    if not named_after and m.group(0).lower() in _SERVES_A_CITY and (bare := _FACILITY_KIND.sub("", city)) \
            and known_city(bare):
        # ("the El Obeid Teaching Hospital": a known city's teaching hospital stands in it; not "Madina
        # hospital", a village's name elsewhere)
        city, named_after = bare, True
    if city and p.name[m.end() :].strip() == "" and (city.lower() in major_cities() or named_after):
        return PlaceMention(city, p.start, p.start + len(city), 3, p.via)
    return None


# "a building near the Bahman hospital": the building's name, not a town (a city's own, "the Goma
# hospital", stands in it; so does a camp's or a village's, and a market is where it is named after)
_BUILDING_AFTER = re.compile(r"\s+(?:hospital|clinic|mosque|church|school|college|university|stadium"
                             r"|hotel|prison|camp\s+hospital|health\s+(?:centre|center))\b")


def named_building(sentence: str, p: PlaceMention) -> bool:
    """Is the name, written "the X hospital" with the type in lower case, a building's own ("near the
    Bahman hospital"), not a town's?"""
    return bool(THE_BEFORE.search(sentence, max(0, p.start - 5), p.start)
                and _BUILDING_AFTER.match(sentence, p.end)) and type_rank(p.name) is None \
        and not known_city(p.name)


@lru_cache(maxsize=1)
def major_cities() -> frozenset[str]:
    """The lexicon's major cities, lower case (places.py's stop lists read them from here)."""
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml")["major_cities"])
