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

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from conflictwatch.datafiles import load_data, words_after
from conflictwatch.geo.cues import LEAD_WEIGHT, acting_votes, article_text, article_votes, clear, cues_table
from conflictwatch.geo.gazetteer import Place
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Article

if TYPE_CHECKING:
    from conflictwatch.geo.context import GeoContext

_TYPE_WORDS = re.compile(
    r"\s+(?:State|Province|Region|Governorate|Oblast|Department|District|County|Division|LGA|"
    r"Local Government Area|Municipality|Township|Prefecture)$",
    re.IGNORECASE,
)
# Capitalised phrases ("Borno State", "Ciudad Juárez", "Deir ez-Zor"): candidate place names.
_PHRASE = re.compile(
    r"\b[A-Z][\w'’‘-]*(?:\s+(?:(?:de|del|la|el|al|ad|as|ar|ez|es|di|do|da|du|of|and)\s+)?"
    r"(?:(?:al|el|ad|as|ar|ash|an|at|az|ez)-)?[A-Z][\w'’‘-]*){0,3}"  # ("Jisr al-Shughur")
)


# (and the verbs that take a place as object: "shelled Derhachi", "captured Soledar")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|of|from|around|across|shelled|struck|bombed|attacked|stormed|captured|seized"
    r"|retook|recaptured|raided|entered|liberated|hit|targeted|pounded)\s+(?:the\s+)?$", re.IGNORECASE)


class Finder(Protocol):
    def find(self, name: str, tier: int, country_code: str | None = None) -> list[Place]: ...


def country_votes(article: Article, places: Finder) -> Counter[str]:
    """Weights per ISO country code from the article's words (see the module docstring)."""
    text, lead_end = article_text(article)
    votes = article_votes(article)  # = text_votes(text, lead_end), from the extractor's scan
    named = set(votes)
    cues = cues_table()
    seen: set[str] = set()
    business = words_after("places_lexicon.yaml", "business_words")
    compass = _compass()
    for m in _PHRASE.finditer(text):
        phrase = m.group(0)
        located = bool(_LOCATIVE_BEFORE.search(text, max(0, m.start() - 12), m.start()))
        if business.match(text, m.end()):
            continue  # "in front of the Mary spa": a business's name, not Mary in Turkmenistan
        for name in _variants(phrase):
            if not located and name == phrase:
                continue  # "the Mary spa", "Eco subdivision": a town's name only counts after "in"
            k = name_key(name)
            if not k or k in seen or k in cues.names or k in cues.weak or k in compass:
                continue  # ("across the North East": a part of the story's country, not Botswana's district)
            seen.add(k)
            weight = place_weight(places.find(name, 0), typed=name != phrase)
            for cc, w in weight.items():
                votes[cc] += w * (LEAD_WEIGHT if m.start() < lead_end else 1.0)
            if weight:
                break
    if len(named) == 1 and len(votes) > 1:
        # the one nationality named was a force's, and the places are another country's
        votes.subtract(acting_votes(text, lead_end))
    acting = acting_votes(text, lead_end) if len(named) == 1 and len(votes) == 1 else Counter()
    if not any(v > 0 for v in votes.values()) or (acting and set(acting) >= set(votes)):
        # (nothing but a force's nationality, "MUZAFFARABAD: ... when Indian shelling hit her house in
        # Neelum valley": a local dateline of another country says where; the force came from elsewhere)
        line = _dateline_votes(article, places)
        if line and acting and not set(line) & set(votes):
            votes.clear()
        votes.update(line)
    return votes


def _dateline_votes(article: Article, places: Finder) -> dict[str, float]:
    """With nothing else to go on, a local agency's dateline ("Tougan, 7 August 2023 - ", "BANNU: ")
    says which country: it files where it reports (a bureau's, "BEIRUT (Reuters)", is no evidence).
    Weak (a town's weight, at most 1): it only keeps homonyms abroad (Inata ~ Inada, Japan) out."""
    from conflictwatch.extract.datelines import local_town  # (the extractor's dateline patterns)

    town = local_town(article.text or "", article.source)
    if not town:
        return {}
    return {cc: min(w, 1.0) for cc, w in place_weight(places.find(town, 0), typed=False).items()}


@lru_cache(maxsize=1)
def _compass() -> frozenset[str]:
    return frozenset(name_key(w) for w in load_data("places_lexicon.yaml").get("compass_words", []))


def _variants(phrase: str) -> Iterable[str]:
    """ "Borno State" -> "Borno State", "Borno" (the type word names the kind, not the place)."""
    yield phrase
    stripped = _TYPE_WORDS.sub("", phrase)
    if stripped != phrase:
        yield stripped
    owner = re.split(r"['’]s\s", phrase, maxsplit=1)
    if len(owner) == 2:
        yield owner[0]  # "Grozny's Staropromyslovsky district": the city that owns the district


def place_weight(found: list[Place], typed: bool) -> dict[str, float]:
    """What a place phrase says about the country: a province or district is strong evidence, a
    big town some; a village name (found in many countries) nothing. Homonyms share the weight."""
    out: dict[str, float] = {}
    # a name the place lists define (places.yaml, the user's) means that place, not a spelling of a
    # city abroad ("Mambasa", Ituri's town, is a variant of Kenya's Mombasa in GeoNames)
    # (a town's, not a city quarter's other name: "Mashhad", a quarter of Aleppo, is still Iran's city)
    found = [p for p in found if p.source != "bundled" and p.city is None] or found
    homes = {p.country_code for p in found if p.country_code}
    for p in found:
        if not p.country_code:
            continue
        if p.placetype == "region":
            w = 1.5
        elif p.placetype == "county":
            w = 1.0 if typed else 0.5
        elif p.is_point and p.population >= 100_000:
            w = 1.0
        elif p.is_point and (p.population >= 5_000 or p.source != "bundled") and len(homes) == 1:
            w = 0.6  # a town's name no other country has ("in Vuhledar" in a story of Russian shelling)
        elif p.is_point and p.population >= 20_000:
            w = 0.3
        else:
            continue
        out[p.country_code] = max(out.get(p.country_code, 0.0), w)
    if len(out) > 2:  # a common name ("San Juan", "Jalisco" the village): weak everywhere
        return {cc: w / len(out) for cc, w in out.items()}
    if len(homes) > 2:
        # A big town whose name villages of three or more countries share ("Palma": a Spanish city,
        # and a district of Mozambique the gazetteer lacks) names no country: the article must.
        return {}
    return out


def clear_country(votes: Counter[str] | dict[str, float], least: float = 2.0,
                  lead: float = 1.5) -> str | None:
    """The article's country when it leads clearly (see geo.cues.clear)."""
    return clear(votes, least, lead)


# Adjectives and common names that say which country an article is about.
DEMONYMS = {
    "syrian": "SY", "iraqi": "IQ", "yemeni": "YE", "libyan": "LY", "afghan": "AF", "ukrainian": "UA",
    "sudanese": "SD", "somali": "SO", "malian": "ML", "nigerian": "NG", "burmese": "MM", "myanmar": "MM",
    "palestinian": "PS", "gaza": "PS", "west bank": "PS", "israeli": "IL", "lebanese": "LB",
    "turkish": "TR", "russian": "RU", "iranian": "IR", "american": "US", "kurdish": None,
}
NAMED_COUNTRY_BONUS = 100.0  # a country named around the claim outweighs the article's mentions


def claim_country(ctx: GeoContext) -> str | None:
    """The article's country when its words point to it (at least 1.5 and 1.2 times the runner-up),
    so a claim naming no place (or a place the gazetteer lacks) still has its country. Where two
    countries are named around the claim ("refugees who fled Myanmar, killed at Camp 13 in
    Bangladesh"), the rest of the article decides between them."""
    if len(ctx.named_countries) > 1:
        among = {cc: ctx.countries.get(cc, 0.0) - NAMED_COUNTRY_BONUS for cc in ctx.named_countries}
        return clear_country(among, least=1.5, lead=1.2)
    return clear_country(ctx.countries, least=1.5, lead=1.2)
