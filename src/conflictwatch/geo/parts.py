"""Parts of a country: "central Mali", "north-east Nigeria", "eastern Congo" say which of a
country's namesake villages a story means (Boni in Mopti, not Boni in Kayes). The part is read
against the spread of the country's provinces in the gazetteer (their centres' bounding box)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from conflictwatch.geo.gazetteer import Place

_PART = re.compile(
    r"^(?:the\s+)?(north|south|east|west|central|centre|center)(?:ern)?"
    r"(?:[\s-]?(east|west)(?:ern)?)?\s+(?:of\s+(?:the\s+)?)?\S",
    re.IGNORECASE,
)
# "in central Mali", "north-east Nigeria", "the eastern Democratic Republic of Congo": the name after
# the direction word is checked to be a country by the caller
PART_IN_TEXT = re.compile(
    r"\b((?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral)(?:ern)?(?:[\s-]?(?:[Ee]ast|[Ww]est)(?:ern)?)?)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’-]+|of)(?:\s+(?:[A-Z][\w'’-]+|of)){0,4})"
)
_VECTORS = {"north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0)}
WEIGHT = 5.0  # a tie-break between small namesakes: less than a province named (12) or 25 km away


@dataclass(frozen=True)
class Extent:
    """Centre and half-spans (degrees) of a country's province centres."""

    lat: float
    lon: float
    half_lat: float
    half_lon: float


def part_of(name: str) -> tuple[float, float] | None:
    """The direction a "northern X" / "north-east of X" phrase points to, as a unit (east, north)
    vector; (0, 0) for "central X"; None when the phrase names no part."""
    m = _PART.match(name.strip())
    if m is None:
        return None
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    if first in ("central", "centre", "center"):
        return (0.0, 0.0)
    x, y = _VECTORS[first]
    if second:
        x, y = x + _VECTORS[second][0], y + _VECTORS[second][1]
    n = math.hypot(x, y)
    return (x / n, y / n)


def toward(p: Place, extent: Extent, direction: tuple[float, float]) -> float:
    """How far `p` lies toward the part named, from about -1.5 (the opposite side) to 1."""
    x = max(-1.5, min(1.5, (p.longitude - extent.lon) / max(extent.half_lon, 0.5)))
    y = max(-1.5, min(1.5, (p.latitude - extent.lat) / max(extent.half_lat, 0.5)))
    if direction == (0.0, 0.0):
        return 1.0 - math.hypot(x, y)
    return x * direction[0] + y * direction[1]


def extent_of(bounds: tuple[float, float, float, float] | None) -> Extent | None:
    """(min lat, max lat, min lon, max lon) of the province centres -> Extent."""
    if bounds is None:
        return None
    lat0, lat1, lon0, lon1 = bounds
    return Extent((lat0 + lat1) / 2, (lon0 + lon1) / 2, (lat1 - lat0) / 2, (lon1 - lon0) / 2)


def part_named(text: str, country_named: Callable[[str], str | None],
               bounds: Callable[[str], tuple[float, float, float, float] | None],
               ) -> tuple[str, Extent, tuple[float, float]] | None:
    """The first part of a country the text names ("in central Mali"): the country's code, its extent
    (from its provinces' `bounds`) and the direction of the part."""
    low = text.lower()
    if not any(w in low for w in ("north", "south", "east", "west", "central")):
        return None  # most sentences: no regex
    for m in PART_IN_TEXT.finditer(text):
        words = m.group(2).split()
        for n in range(len(words), 0, -1):  # "Mali on Tuesday" -> "Mali"
            cc = country_named(" ".join(words[:n]))
            if cc is None:
                continue
            direction = part_of(f"{m.group(1)} {words[0]}")
            extent = extent_of(bounds(cc))
            if direction is not None and extent is not None:
                return cc, extent, direction
            break
    return None
