"""ACLED's derived codes: actor types (inter), interaction, civilian targeting, disorder type,
source scale.

The rules are data (`data/actor_types.yaml`, `data/acled_codes.yaml`, extendable through
CONFLICTWATCH_DATA like every rule file); this module only applies them. An actor whose type the
data does not tell gets no code: a blank cell is honest, a guessed one is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from conflictwatch.countries import lookup
from conflictwatch.datafiles import load_data

CIVILIANS = 7
CIVILIAN_TARGETING = "Civilian targeting"


@dataclass(frozen=True)
class _ActorRules:
    names: dict[str, int]
    patterns: list[tuple[re.Pattern[str], int]]
    sides: dict[str, int]
    abroad: int | None
    actor_sides: dict[str, str]  # actors.yaml: actor name (folded) -> side


@cache
def _actor_rules() -> _ActorRules:
    data: dict[str, Any] = load_data("actor_types.yaml") or {}
    actor_sides: dict[str, str] = {}
    try:
        for name, spec in (load_data("actors.yaml").get("actors") or {}).items():
            if isinstance(spec, dict) and spec.get("side"):
                actor_sides[str(name).casefold()] = str(spec["side"])
    except (FileNotFoundError, AttributeError):  # actors.yaml is optional for this fallback
        pass
    return _ActorRules(
        names={str(k).casefold(): int(v) for k, v in (data.get("names") or {}).items()},
        patterns=[(re.compile(p, re.IGNORECASE), int(v)) for p, v in (data.get("patterns") or {}).items()],
        sides={str(k): int(v) for k, v in (data.get("sides") or {}).items()},
        abroad=int(data["abroad"]) if data.get("abroad") is not None else None,
        actor_sides=actor_sides,
    )


def actor_type_names() -> dict[int, str]:
    """Inter code -> ACLED's name of the actor type (for documentation and tables)."""
    data = load_data("actor_types.yaml") or {}
    return {int(k): str(v) for k, v in (data.get("types") or {}).items()}


def inter_code(actor: str | None, country: str | None = None) -> int | None:
    """ACLED's inter code (1-8) of an actor in an event in `country`; None when unknown.

    State forces named by country ("Military Forces of Russia") acting in another country
    get the `abroad` code (8, External/Other forces), as ACLED codes them.
    """
    if not actor or not actor.strip():
        return None
    rules = _actor_rules()
    name = " ".join(actor.split())
    code = rules.names.get(name.casefold())
    if code is not None:
        return code
    for rx, code in rules.patterns:
        m = rx.search(name)
        if m is None:
            continue
        home = m.groupdict().get("country")
        if home and country and rules.abroad is not None:
            home_c, event_c = lookup(home), lookup(country)
            if home_c and event_c and home_c.iso3 != event_c.iso3:
                return rules.abroad
        return code
    side = rules.actor_sides.get(name.casefold())
    return rules.sides.get(side) if side else None


def home_country(actor: str | None) -> str | None:
    """The country a state actor belongs to ("Military Forces of Syria" -> "Syria"), if named."""
    if not actor:
        return None
    for rx, _ in _actor_rules().patterns:
        m = rx.search(" ".join(actor.split()))
        if m and m.groupdict().get("country"):
            return m["country"]
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: both inter codes as one number, the smaller first (17, never 71).

    `inter2` is 0 when the event has no second actor (ACLED's convention), giving "sole" codes
    such as 20; None (a type not known) on either side leaves the interaction unknown too.
    """
    if inter1 is None or inter2 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def civilian_targeting(inter1: int | None, inter2: int | None, event_type: str | None) -> str:
    """"Civilian targeting" when civilians are a main actor (ACLED records civilians only as
    victims) or the event is Violence against civilians; else empty."""
    if CIVILIANS in (inter1, inter2) or (event_type or "").casefold() == "violence against civilians":
        return CIVILIAN_TARGETING
    return ""


@cache
def _codes() -> dict[str, Any]:
    return load_data("acled_codes.yaml") or {}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder_type: by sub-event type where it has its own, else by event type."""
    table = {str(k).casefold(): str(v) for k, v in (_codes().get("disorder_types") or {}).items()}
    for key in (sub_event_type, event_type):
        if key and key.casefold() in table:
            return table[key.casefold()]
    return None


@cache
def _scale_rules() -> tuple[list[tuple[re.Pattern[str], str]], list[str], str | None]:
    spec = _codes().get("source_scales") or {}
    patterns = [(re.compile(p, re.IGNORECASE), str(v)) for p, v in (spec.get("patterns") or {}).items()]
    return patterns, [str(x) for x in spec.get("order") or []], spec.get("default")


def scale_of(source: str) -> str | None:
    patterns, _, default = _scale_rules()
    for rx, scale in patterns:
        if rx.search(source):
            return scale
    return default


def source_scale(sources: Iterable[str]) -> str:
    """ACLED's source_scale: the distinct scales of the sources, joined with "-" (e.g.
    "Other-International"), ordered from local to international as `order` says."""
    _, order, _ = _scale_rules()
    scales = {s for s in (scale_of(x) for x in sources if x) if s}
    rank = {name: i for i, name in enumerate(order)}
    return "-".join(sorted(scales, key=lambda s: (rank.get(s, len(rank)), s)))


def clear_cache() -> None:
    """Forget loaded rules (after CONFLICTWATCH_DATA changed, e.g. in tests)."""
    load_data.cache_clear()
    for f in (_actor_rules, _codes, _scale_rules):
        f.cache_clear()


__all__ = [
    "CIVILIAN_TARGETING",
    "actor_type_names",
    "civilian_targeting",
    "clear_cache",
    "disorder_type",
    "home_country",
    "inter_code",
    "interaction",
    "scale_of",
    "source_scale",
]
