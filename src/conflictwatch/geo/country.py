"""Which country an article is about, from its own words — never a default.

Evidence, weighed (the lead — headline and first sentences — counts double):
* the country's names ("Nigeria", "Burma", from data/countries.tsv and GeoNames);
* demonyms and, at half weight, armed groups and administrative words found in one country
  ("Nigerian", "Boko Haram", "local government area": data/country_cues.yaml);
* provinces and districts the gazetteer knows ("Borno State", "Sagaing Region", "Jalisco"), and
  big towns, each place phrase once.
The dateline is not evidence: it names the bureau ("BEIRUT" over Syria stories). A country is
the article's country when it leads clearly (`clear_country`); claims that name no place take
it, and lookups prefer places there.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from conflictwatch.extract.rules import load_data
from conflictwatch.geo.gazetteer import Place, country_names, data_path
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Article

LEAD_CHARS = 400  # the headline and the first sentence or two
LEAD_WEIGHT = 2.0
_TYPE_WORDS = re.compile(
    r"\s+(?:State|Province|Region|Governorate|Oblast|Department|District|County|Division|LGA|"
    r"Local Government Area|Municipality|Township|Prefecture)$",
    re.IGNORECASE,
)
# Capitalised phrases ("Borno State", "Ciudad Juárez", "Deir ez-Zor"): candidate place names.
_PHRASE = re.compile(
    r"\b[A-Z][\w'’‘-]*(?:\s+(?:(?:de|del|la|el|al|ad|as|ar|ez|es|di|do|da|du|of|and)\s+)?[A-Z][\w'’‘-]*){0,3}"
)


class Finder(Protocol):
    def find(self, name: str, tier: int, country_code: str | None = None) -> list[Place]: ...


@dataclass(frozen=True)
class _Cues:
    names: dict[str, str]  # name key -> country code (names and aliases, demonyms)
    weak: dict[str, str]  # name key -> country code (groups, terms: half weight)
    pattern: re.Pattern[str]  # one alternation of every cue, longest first


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    names: dict[str, str] = {}
    for cc, n in country_names().items():
        names[name_key(n)] = cc
    with data_path("countries.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
                names.setdefault(name_key(alias), row["iso2"])
    weak: dict[str, str] = {}
    data: dict[str, Any] = load_data("country_cues.yaml") or {}
    texts: list[str] = [n for n in country_names().values()]
    for cc, entry in data.items():
        for d in (entry or {}).get("demonyms") or []:
            names[name_key(d)] = str(cc)
            texts.append(d)
        for key in ("groups", "terms"):
            for g in (entry or {}).get(key) or []:
                weak.setdefault(name_key(g), str(cc))
                texts.append(g)
    alts = "|".join(sorted({re.escape(t) for t in texts if t}, key=len, reverse=True))
    return _Cues(names, weak, re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE))


def country_votes(article: Article, places: Finder) -> Counter[str]:
    """Weights per ISO country code from the article's words (see the module docstring)."""
    cues = _cues()
    title = article.title or ""
    body = article.text or ""
    if article.dateline:
        body = re.sub(rf"^\s*{re.escape(article.dateline)}\b", " ", body, count=1, flags=re.IGNORECASE)
    votes: Counter[str] = Counter()
    lead_end = len(title) + 1 + LEAD_CHARS
    text = f"{title}\n{body}"
    for m in cues.pattern.finditer(text):
        k = name_key(m.group(0))
        weight = LEAD_WEIGHT if m.start() < lead_end else 1.0
        if k in cues.names:
            votes[cues.names[k]] += weight
        elif k in cues.weak:
            votes[cues.weak[k]] += weight / 2
    seen: set[str] = set()
    for m in _PHRASE.finditer(text):
        phrase = m.group(0)
        for name in _variants(phrase):
            k = name_key(name)
            if not k or k in seen or k in cues.names or k in cues.weak:
                continue
            seen.add(k)
            weight = _place_weight(places.find(name, 0), typed=name != phrase)
            for cc, w in weight.items():
                votes[cc] += w * (LEAD_WEIGHT if m.start() < lead_end else 1.0)
            if weight:
                break
    return votes


def _variants(phrase: str) -> Iterable[str]:
    """ "Borno State" -> "Borno State", "Borno" (the type word names the kind, not the place)."""
    yield phrase
    stripped = _TYPE_WORDS.sub("", phrase)
    if stripped != phrase:
        yield stripped


def _place_weight(found: list[Place], typed: bool) -> dict[str, float]:
    """What a place phrase says about the country: a province or district is strong evidence, a
    big town some; a village name (found in many countries) nothing. Homonyms share the weight."""
    out: dict[str, float] = {}
    for p in found:
        if not p.country_code:
            continue
        if p.placetype == "region":
            w = 1.5
        elif p.placetype == "county":
            w = 1.0 if typed else 0.5
        elif p.is_point and p.population >= 100_000:
            w = 1.0
        elif p.is_point and p.population >= 20_000:
            w = 0.3
        else:
            continue
        out[p.country_code] = max(out.get(p.country_code, 0.0), w)
    if len(out) > 2:  # a common name ("San Juan", "Jalisco" the village): weak everywhere
        return {cc: w / len(out) for cc, w in out.items()}
    return out


def clear_country(votes: Counter[str] | dict[str, float]) -> str | None:
    """The article's country when it leads clearly (at least 2 and 1.5 times the runner-up)."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2.0:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]
