"""Generic names take the country the geocoder found: a step after geocoding.

The extractor names "troops", "gunmen" or "the army said" for the country the article is clearly
about, from its words ("Military Forces of Nigeria", "Nigerian army"). An article whose words name
no country ("gunmen killed three traders in Jos") leaves them bare ("Military Forces", no source),
and only the geocoder then finds the country (Jos: Nigeria). This step gives those bare names that
country, as the extractor would have had it known. It does not when the article's words point to
another country first: there the bare name was left so on purpose (two countries, one unclear).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from conflictwatch.extract.attribution import country_source
from conflictwatch.extract.rules import Named, actors, load_data
from conflictwatch.geo.cues import article_votes
from conflictwatch.geo.gazetteer import to_country_code
from conflictwatch.models import Article, Claim


@lru_cache(maxsize=1)
def _generic_actors() -> dict[str, tuple[Named, ...]]:
    """Bare name ("Unidentified Armed Group") -> the country-bound actors that give it."""
    out: dict[str, list[Named]] = {}
    for a in actors()[0]:
        if "{country}" in a.name:
            bare = a.for_country(None, None)
            if bare is not None:
                out.setdefault(bare.name, []).append(a)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _generic_sources() -> dict[str, str]:
    """A source's name in a story with no country -> its `country_templates` key
    ("Military source" -> military_source, "Army" -> army)."""
    data = load_data("sources.yaml")
    out: dict[str, str] = {}
    for spec in data["sources"].values():
        if spec.get("by_country") and spec.get("without_country"):
            out[str(spec["without_country"])] = str(spec["by_country"])
    named = set(data["sources"])
    for g in data.get("generic") or []:
        # (not a name a named source also gives: "Local officials" may be a state government's)
        if g.get("by_country") and g.get("fallback") and g["fallback"] not in named:
            out.setdefault(str(g["fallback"]), str(g["by_country"]))
    return out


def _actor(name: str | None, cc: str, country: str) -> str | None:
    rules = _generic_actors().get(name or "")
    if not rules:
        return name
    named = {n.name for r in rules if (n := r.for_country(cc, country)) is not None}
    if len(named) == 1:
        return named.pop()
    return rules[0].name.replace("{country}", country)  # rules disagree: the plain template


def _source(name: str | None, country: str) -> str | None:
    key = _generic_sources().get(name or "")
    return (country_source(key, country) or name) if key is not None else name


def name_by_country(claims: Iterable[Claim], article: Article) -> None:
    """Fill, in place, the bare generic actors and sources of claims the geocoder put in a country."""
    actors_, sources_ = _generic_actors(), _generic_sources()
    claims = [c for c in claims if c.country and (
        c.actor1 in actors_ or c.actor2 in actors_ or c.claimed_by in sources_)]
    if not claims:
        return
    votes = article_votes(article)
    most = max(votes.values(), default=0.0)
    for c in claims:
        cc = to_country_code(c.country)
        # the place's country leads the words alone, or the words name no country at all
        if not cc or len(cc) != 2 or (most > 0 and (votes.get(cc, 0.0) < most
                                                    or sum(v == most for v in votes.values()) > 1)):
            continue
        c.actor1 = _actor(c.actor1, cc, c.country or "")
        c.actor2 = _actor(c.actor2, cc, c.country or "")
        c.claimed_by = _source(c.claimed_by, c.country or "")
