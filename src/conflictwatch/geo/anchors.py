"""The big cities an article names, most named first: the anchors that place its claims' other names
("Kramatorsk" named three times makes its Sloviansk the Donetsk one, not a namesake abroad)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from typing import Protocol

from conflictwatch.geo.gazetteer import Place
from conflictwatch.geo.normalize import name_key

_WORD = re.compile(r"[A-Z][\w'‘’-]*(?:\s+(?:al|el|as|ad|ar|ash|ez|az)[-\s][A-Z]?[\w'-]+)?")


class _Index(Protocol):
    def find(self, name: str, tier: int, country_code: str | None = None) -> list[Place]: ...


def cities_named(text: str, bundled: _Index, lists: Iterable[_Index], skip: Container[str]) -> list[Place]:
    """Cities of 100,000 the text names, most named first. `lists`: the place lists (aliases, the
    user's), whose own towns are no city abroad; `skip`: words that are no city's short name."""
    lists = list(lists)
    cities: Counter[str] = Counter()
    city_place: dict[str, Place] = {}
    for w in _WORD.findall(text):
        k = name_key(w)
        if k in skip or len(k) < 4:
            continue  # "The", "As", "Sur", "Las": words before they are cities' short names
        big = [p for p in bundled.find(w, 0) if p.is_point and p.population >= 100_000]
        if not big or any(q.city is None for index in lists for q in index.find(w, 0)):
            continue  # (a town the place lists define, "Mambasa", not a city abroad it spells)
        # the city of that name before one that has it among its other names ("Sloviansk" is also
        # listed as a name of Nikopol)
        cities[k] += 1
        city_place.setdefault(k, next((p for p in big if name_key(p.name) == k), big[0]))
    return [city_place[k] for k, _ in cities.most_common()]
