"""What a claim's surroundings say about where it is: the `GeoContext` the geocoder scores by."""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictwatch.geo.gazetteer import Place
from conflictwatch.geo.normalize import name_key
from conflictwatch.geo.parts import Extent


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
        return max(self.countries.items(), key=lambda kv: kv[1])[0]

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
