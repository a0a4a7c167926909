"""What a claim's surroundings say about where it is: the `GeoContext` the geocoder scores by."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from conflictwatch.geo.gazetteer import Place, distance_km
from conflictwatch.geo.normalize import name_key
from conflictwatch.geo.parts import WEIGHT as PART_WEIGHT
from conflictwatch.geo.parts import Extent, toward


@dataclass
class GeoContext:
    """What the surroundings say: likely countries (weights) and places to stay near."""

    countries: dict[str, float] = field(default_factory=dict)
    anchors: list[Place] = field(default_factory=list)  # named around the claim: stay near these
    named_countries: set[str] = field(default_factory=set)  # named right next to the place
    admin1s: set[str] = field(default_factory=set)  # name keys of provinces named around the claim
    admin2s: set[str] = field(default_factory=set)  # districts named as such ("Keana LGA", "Pale Township")
    province_in_quote: bool = False  # one of admin1s is written in the claim's own sentence
    city_in_quote: bool = False  # the first town among the anchors is written in the claim's own sentence
    article_places: list[Place] = field(default_factory=list)  # the article's main cities: weak pull
    part: tuple[str, Extent, tuple[float, float]] | None = None  # "central Mali": (ML, extent, direction)

    @property
    def country(self) -> str | None:
        if not self.countries:
            return None
        ranked = sorted(self.countries.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None  # a tie names no country (a town's homonyms sharing their votes: "Palmyra")
        return ranked[0][0]

    @property
    def city(self) -> Place | None:
        """The city the claim's own context names (an unknown district falls back to it); a
        district named as one ("Keana Local Government Area") before any other."""
        points = [a for a in self.anchors if a.is_point]
        region = self.region  # the province named nearest the claim: a district of another is not this one's
        home = name_key(region.admin1 or region.name) if region is not None else None
        district = next((a for a in points if name_key(a.name) in self.admin2s
                         and (home is None or name_key(a.admin1 or "") == home)), None)
        return district or (points[0] if points else None)

    @property
    def region(self) -> Place | None:
        return next((a for a in self.anchors if not a.is_point), None)

    @property
    def named_district(self) -> Place | None:
        """The district named as one around the claim ("Kauru Local Government Area"), if the
        gazetteer has it as a district (a county)."""
        return next((a for a in self.anchors if a.placetype == "county" and name_key(a.name) in self.admin2s),
                    None)


def in_nearest_region(p: Place, ctx: GeoContext) -> bool:
    """Is the place in the province named nearest the claim (if any)? A round-up names several."""
    region = ctx.region
    if region is not None and big_city(p) and ctx.city_in_quote and not ctx.province_in_quote:
        return True  # the claim's sentence names the city; another paragraph of a round-up the province
    return region is None or name_key(p.admin1 or "") == name_key(region.admin1 or region.name)


def big_city(p: Place) -> bool:
    return p.is_point and p.population >= 50_000


def exact_city_over_spelling(loose: Place, exact: list[Place], ctx: GeoContext) -> Place | None:
    """A city of 100,000 named exactly, in a country the story talks of, over a hamlet of the story's
    country spelt only loosely alike ("Hodeidah" in a story of Israel's strikes on Yemen is the port,
    not Hadid near Lod)."""
    if loose.population >= 20_000 or ctx.city_in_quote or ctx.province_in_quote:
        return None  # (nor beside the places the claim's sentence names: "in Barnala, Bhimber and Bagh")
    # (not in another country than the one the claim's own sentence names: "the commune of Pensa, in
    # Burkina Faso" is no Penza of Russia)
    cities = [p for p in exact if p.is_point and p.population >= 100_000
              and ctx.countries.get(p.country_code or "", 0) > 0
              and (not ctx.named_countries or p.country_code in ctx.named_countries)]
    return max(cities, key=lambda p: p.population) if cities else None


def in_named_province(p: Place, ctx: GeoContext) -> bool:
    """A place outside the province the text names is another place of the same name ("Umella
    village ... of Benue state" is not the Umella of Kogi); a big city is itself where the province
    named is another sentence's (a round-up's other paragraph), not the claim's own."""
    if p.country_code != ctx.country or p.placetype in ("region", "country"):
        return True
    if big_city(p) and not ctx.province_in_quote:
        return True
    district = ctx.city if ctx.city is not None and name_key(ctx.city.name) in ctx.admin2s else None
    if district is not None and p.is_point and p is not district and p.admin2 and p.population < 10_000 \
            and name_key(p.admin2) not in ctx.admin2s and distance_km(p, district) > 30:
        return False  # "Kwarra district, Keana LGA": the Kwarra of another LGA is a namesake
    county = ctx.named_district
    if county is not None and p.is_point and p.admin2 and p.population < 10_000 \
            and name_key(p.admin2) not in ctx.admin2s and distance_km(p, county) > 30:
        return False  # "Kadawa village in Maru LGA": a Kadawa of another state's LGA is a namesake
    return not ctx.admin1s or name_key(p.admin1 or "") in ctx.admin1s


ECHO_VOTES = 2.0  # country votes one town's name gives in the lead (geo/country.py): no more than that


def _apart(p: Place, anchor: Place, anchors: list[Place]) -> float:
    """How far a place is from an anchor; nothing when the anchor is the province the place is in and
    no town of that province is an anchor too (a province's centre says nothing of where in it: "in
    Kherson ..., the Kherson Oblast military administration said" is the city, not the province's
    middle; "west Hama countryside ... Masyaf" still places a village near Masyaf)."""
    if anchor.placetype == "region" and p.is_point and p.country_code == anchor.country_code \
            and name_key(p.admin1 or "") == name_key(anchor.name) \
            and not any(a.is_point and name_key(a.admin1 or "") == name_key(anchor.name) for a in anchors):
        return 0.0
    return distance_km(p, anchor)


def score(p: Place, ctx: GeoContext, tier: int) -> float:
    """How well a candidate place fits the claim's surroundings (higher is better; below -50: no)."""
    s = (0.0, -6.0, -15.0, -20.0)[tier]
    cc = ctx.country
    if ctx.countries and ctx.countries.get(p.country_code or "", 0) <= 0:
        s -= 30  # a country the article never mentions: only as a last resort
    if cc and p.country_code != cc:
        # (a country only this name's own homonym speaks for, in a claim whose words name another
        # country, is no neighbour the story talks of: "Inata, northern Burkina Faso" is not Inada)
        echo = bool(ctx.named_countries) and ctx.countries.get(p.country_code or "", 0) <= ECHO_VOTES
        if p.country_code in ctx.named_countries:
            s -= 10
        elif echo:
            s -= 100
        elif p.population >= 100_000 and p.is_point and ctx.countries.get(p.country_code or "", 0) >= 1:
            s -= 45  # a big city of a country the article also talks about
        elif ctx.countries.get(p.country_code or "", 0) >= 1 and tier == 0:
            s -= 48  # the exact name, in a neighbour the article also talks about (Azaz by Kilis)
        else:
            s -= 100  # a homonym abroad: never, when the article is about another country
    if ctx.admin1s and p.country_code == cc:
        # "Antsa village, Keana LGA of Nasarawa State": the province the text names decides
        # between homonyms, over distance and population (not against a big city named exactly:
        # the province may be another paragraph's, in a round-up)
        mine = name_key(p.name if p.placetype == "region" else p.admin1 or "")
        elsewhere = big_city(p) and tier == 0 and not ctx.province_in_quote
        s += 12 if mine in ctx.admin1s else 0 if elsewhere else -12
    if ctx.admin2s and p.is_point and p.country_code == cc and name_key(p.admin2 or "") in ctx.admin2s:
        s += 12  # "Antsa village, Kwarra district, Keana LGA": the Antsa of Keana, not Doma's
    if p.is_point:
        s += min(14.0, 2.0 * math.log10(p.population + 1)) + 3
        if ctx.part and p.country_code == ctx.part[0] and not big_city(p):
            s += PART_WEIGHT * toward(p, ctx.part[1], ctx.part[2])  # Boni "in central Mali"
    elif p.placetype == "county":
        s -= 4
    elif p.placetype == "region":
        s -= 1
    if ctx.anchors:
        d = min(_apart(p, a, ctx.anchors[:3]) for a in ctx.anchors[:3])
        # (a city of millions named exactly is itself, far from the others: "Elsewhere, three died in
        # Dnipro" after a Kyiv strike is not Kyiv's Dnipro quarter)
        big = p.is_point and p.population >= 500_000 and tier == 0 and p.country_code == cc
        s -= min(d, 300.0) / (25.0 if big else 5.0)
    elif ctx.article_places:
        d = min(distance_km(p, a) for a in ctx.article_places[:3])
        s -= min(d, 300.0) / 25.0
    return s
