"""Parts of cities the gazetteer lacks ("the Praderas del Sur neighborhood", "Iwaya, Yaba area of
Lagos", "the Kyivskyi district of Kharkiv", "the city's Kyivskyi district"): the city is the place, at
precision 2, not a namesake village or district of another city."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conflictwatch.geo.context import GeoContext, big_city
from conflictwatch.geo.gazetteer import Place, distance_km
from conflictwatch.geo.normalize import name_key
from conflictwatch.geo.written import (
    _DISTRICT_WORDS,
    NEAR_NAMES,
    _put_in,
    _strip_modifiers,
    city_of_district,
    city_parts,
)
from conflictwatch.models import Claim

if TYPE_CHECKING:
    from conflictwatch.geo import Geocoder


@dataclass
class Match:
    place: Place
    precision: int
    fallback: bool = False  # coordinates of a wider place because the name itself is unknown
    # the wider place is the town the unknown place is a part of ("the Praderas del Sur neighborhood"
    # of Ciudad Juárez): the claim's admin2, where the gazetteer gives the town none, names that town
    within: bool = False


def city_of_part(geo: Geocoder, c: Claim, ctx: GeoContext) -> Match | None:
    """A part of a city the gazetteer lacks ("the Praderas del Sur neighborhood") is placed at
    the article's main city in its country, as part of it (precision 2)."""
    if not c.location or not c.quote:
        return None
    if (owner := owner_city(geo, c, ctx)) is not None:
        return Match(owner, 2, fallback=True, within=True)  # "near Qazvin's Mellat Park"
    # the city the claim's own sentence names ("MOGADISHU - ... in Hodan district") first
    own = (geo.lookup(n, ctx) for n in c.place_context[:NEAR_NAMES] if n in c.quote)
    city = next((p for p in own if p is not None and p.placetype == "locality"), None)
    city = city or next((p for p in ctx.article_places if p.country_code == ctx.country), None)
    if city is None:
        return None
    return Match(city, 2, fallback=True, within=True) if said_a_part(c) else None


def said_a_part(c: Claim) -> bool:
    """Is the claim's place said to be a city's part ("Colonia Alfredo Chavez", "the Praderas del Sur
    neighborhood")?"""
    if not c.location or not c.quote:
        return False
    name = re.escape(c.location)
    words = city_parts()
    named = re.match(rf"{words}\s", c.location, re.IGNORECASE)  # "Colonia Alfredo Chavez"
    told = re.search(rf"{name}\s+{words}\b|\b{words}\s+(?:of\s+)?{name}", c.quote, re.IGNORECASE)
    return bool(named or told)


def beside_its_city(c: Claim, city: Place) -> bool:
    """Is the claim's place written with the city after a comma ("in Nancho, Bamenda") or said to be a
    part of a city?"""
    if not c.location or not c.quote:
        return False
    if said_a_part(c):
        return True
    names = {n for n in c.place_context if name_key(n) == name_key(city.name)} | {city.name}
    return any(re.search(rf"\b{re.escape(c.location)},\s+(?:the\s+city\s+of\s+)?{re.escape(n)}\b", c.quote)
               for n in names)


def off_the_city(c: Claim, city: Place) -> bool:
    """Is the claim's place said to lie off the city ("the village of Zormikhar west of Kobani", "near
    Kobani", "outside Bamenda")?"""
    if not c.quote:
        return False
    names = {n for n in c.place_context if name_key(n) == name_key(city.name)} | {city.name}
    off = (r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|near|outside|from"
           r"|km\s+(?:\w+\s+)?of)")
    # (not "near Qazvin's Mellat Park": the park is near; it is in the city)
    return any(re.search(rf"\b{off}\s+(?:the\s+(?:city|town)\s+of\s+)?{re.escape(n)}\b(?!['’]s)", c.quote,
                         re.IGNORECASE) for n in names)


def owner_city(geo: Geocoder, c: Claim, ctx: GeoContext) -> Place | None:
    """The town a place is written as belonging to: "Tabriz's Golestan Park", "Kharkiv's Kyivskyi
    district"; found as a town of the article's country)."""
    if not c.location or ("'s " not in c.quote and "’s " not in c.quote):
        return None
    m = re.search(rf"\b([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+(?:the\s+)?{re.escape(c.location)}\b", c.quote)
    town = geo.lookup(m.group(1), ctx) if m else None
    if town is None or not town.is_point or (ctx.country and town.country_code != ctx.country):
        return None
    return town


_IN_A_UNIT = re.compile(r",\s+in\s+the\s+(?:municipality|district|county|commune|department|prefecture"
                        r"|township|local\s+government\s+area)\s+of\s+")
_QUARTER_WORD = re.compile(r"\b(?:neighbou?rhood|quarter|suburb|colonia)\s+of\s")


def city_around(geo: Geocoder, c: Claim, p: Place, ctx: GeoContext) -> Match | None:
    """ "in Iwaya, Yaba area of Lagos": a village far from the city the sentence puts it in is a
    namesake (the gazetteer lacks the city's part); the city is the place, as part of it."""
    if not p.is_point or not c.location or not c.quote:
        return None
    owner = owner_city(geo, c, ctx)
    if owner is not None and big_city(owner) and distance_km(p, owner) > 15:
        return Match(owner, 2, fallback=True, within=True)  # (another town's Golestan Park is a namesake)
    if p.population < 20_000 and re.match(rf"{city_parts()}\s", c.location, re.IGNORECASE):
        # ("MAZATLÁN, Sin.- ... in the colonia Juárez": the city's colonia, not a village called
        # Colonia Juárez in Oaxaca)
        town = city_of_part(geo, c, ctx)
        if town is not None and distance_km(p, town.place) > 15:
            return town
    # ("the city's Kyivskyi district", filed from Kharkiv: the dateline's city, first of the context;
    # the other city's district of that name, however many live there, is a namesake)
    # (patterns built only where the quote may hold them: one per claim would churn `re`'s cache)
    citys = ("'s " in c.quote or "’s " in c.quote) and re.search(
        rf"\bthe\s+(?:city|town|capital)['’]s\s+{re.escape(c.location)}\b", c.quote)
    # ("Jacarezinho, a favela in Rio de Janeiro": said to be a part of that city, whatever town
    # elsewhere has its name)
    part = (c.location + ",") in c.quote and re.search(
        rf"\b{re.escape(c.location)},\s+an?\s+(?:[\w-]+\s+)?(?:favela|neighbou?rhood"
        r"|district|quarter|suburb|slum|colonia|shantytown)\s+(?:in|of)\s", c.quote)
    # ("in the Valle Hermoso neighborhood of Celaya": a quarter of that city, whatever town elsewhere,
    # however big, has its name)
    quarter = _QUARTER_WORD.search(c.quote) and re.search(
        rf"\b{re.escape(c.location)}\s+(?:neighbou?rhood|quarter|suburb|colonia)\s+of\s", c.quote)
    # ("in Villa Juárez, in the municipality of Navolato": a place of that municipality, whatever town
    # elsewhere has its name)
    units = [name for name in c.place_context[:NEAR_NAMES] if name in c.quote and re.search(
        rf"\b{re.escape(c.location)}{_IN_A_UNIT.pattern}{re.escape(name)}\b", c.quote)] \
        if _IN_A_UNIT.search(c.quote) else []
    for name in units:
        unit = geo.lookup(name, ctx)
        if unit is not None and distance_km(p, unit) > 60:
            return Match(unit, 2, fallback=True, within=True)
    if p.population >= 20_000 and not citys and not part and not quarter:
        return None
    for name in c.place_context[:NEAR_NAMES]:
        if _strip_modifiers(name)[1] or _DISTRICT_WORDS.match(name):
            continue  # "in Raqa province": a province or a district may be wide
        if name_key(name) == name_key(c.location) or not (citys or _put_in(c.location, name, c.quote)):
            continue
        city = geo.lookup(name, ctx)
        # ("the Hodan district of Mogadishu" is in the city: a village 30 km out is a namesake)
        inside = citys or re.search(
            rf"\b{re.escape(c.location)}\s+(?:district|neighbou?rhood|area|quarter|suburb)"
            rf"\s+of\s+(?:the\s+)?(?:city\s+of\s+)?{re.escape(name)}\b"
            rf"|\b{re.escape(name)}['’]s\s+{re.escape(c.location)}\b", c.quote)
        if city is not None and big_city(city) and distance_km(p, city) > (15 if inside else 40):
            return Match(city, 2, fallback=True, within=True)
    return None

def city_district(geo: Geocoder, text: str, written: str, m: Match | None, ctx: GeoContext) -> Match | None:
    """ "the Kyivskyi district of Kharkiv": a quarter of that city, not a namesake village far off."""
    city = city_of_district(text, written) if m is not None and not m.fallback else None
    cp = geo.lookup(city, ctx) if city else None
    if m is None or cp is None or not big_city(cp) or distance_km(m.place, cp) <= 30 \
            or m.place.admin1 == cp.admin1:  # ("Zakho district of Duhok": the province's)
        return None
    return Match(cp, 2, fallback=True, within=True)
