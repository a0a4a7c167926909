"""A claim being assembled (Draft) and how it becomes a Claim."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from conflictwatch.extract.actors import air_actor
from conflictwatch.extract.datelines import dateline_town, names_others
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.eventtypes import victim_adjusted
from conflictwatch.extract.figures import Casualty
from conflictwatch.extract.labels import opens_item
from conflictwatch.extract.periods import SINCE_BEFORE
from conflictwatch.extract.placerank import ROUTE, TITLED_REGION, PlaceMention, most_specific
from conflictwatch.extract.sentences import Sentence
from conflictwatch.extract.tolls import claim_figures, sum_ranges
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Article, Claim, Range
from conflictwatch.months import FULL_NAMES


@dataclass
class Draft:
    """A claim being assembled from one sentence (and sentences that extend it)."""

    sentence: Sentence
    quote: list[str]
    casualties: list[Casualty]
    source: str | None
    dates: list[DateMention]
    places: list[PlaceMention]
    event: tuple[str, str] | None
    actor1: str | None
    actor2: str | None
    scope: str
    extra_children: Range | None = None
    extra_injured: Range | None = None
    extra_killed: list[Range] = field(default_factory=list)  # "Two of the attackers were also killed"
    died_of_wounds: int = 0  # "One of the wounded later died": moved from the hurt to the dead
    raised_to: Range | None = None  # "UPD: The death toll has risen to 8": the toll that replaced it
    place_override: str | None = None
    notes: list[str] = field(default_factory=list)
    # where the sentence tells an earlier event it names to date the news ("in retaliation for the
    # attack that killed three soldiers in Jordan"): its places are not this claim's context
    prior: list[tuple[int, int]] = field(default_factory=list)


def _told_before(d: Draft, name: str) -> bool:
    """Is `name` in the claim's sentence only where it tells the earlier event of `Draft.prior`?"""
    if not d.prior:
        return False
    at = [m.start() for m in re.finditer(re.escape(name), d.sentence.text)]
    return bool(at) and all(any(a <= i < b for a, b in d.prior) for i in at)


EVENT_MONTH = re.compile(
    rf"\b(?:in|during|on the night of|early|late|mid-)\s*(?:{FULL_NAMES})\b(?!\s+\d)"
    r"|\b(?:last|earlier this|early this|late last|early last)\s+month\b", re.IGNORECASE)


def own_day(d: Draft) -> bool:
    """Does the draft's own text give its event a day (not only the day someone spoke, or a dateline's)?"""
    return any(not m.statement and m.date_start for m in d.dates)


def event_date(dates: list[DateMention]) -> tuple[date | None, date | None, int | None]:
    event = [d for d in dates if not d.statement and d.date_start]
    if event:
        d = event[0]
        return d.date_start, d.date_end, d.precision
    said = [d for d in dates if d.statement and d.date_start]
    if said:
        # the earliest day anyone spoke: "BAMAKO, July 23 (Reuters) - Mali's army said Friday it had
        # repelled an attack": Friday, not the day the wire filed
        d = min(said, key=lambda x: x.date_start or date.max)
        return d.date_start, d.date_end, d.precision
    return None, None, None


# "cercle of Koro, region of Mopti": the unit named before the name (the geocoder reads "Mopti region")
# (not "department of": Cauca is a Colombian province, Tassara a Nigerien district; left as written)
_UNIT_OF = re.compile(r"\b(region|province|state|governorate|district|cercle|prefecture|county"
                      r"|oblast|zone|woreda)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_TYPE_WORD = re.compile(r"\s+(?:province|region|state|prefecture|department)$", re.IGNORECASE)
_NAMED_UNIT = re.compile(r"[A-Z][\w'’-]*\s+(?:[a-z]+\s+)?$")  # ("Shada border district of Sa'ada")


def _typed(p: PlaceMention, sentence: str) -> str:
    m = _UNIT_OF.search(sentence, max(0, p.start - 30), p.start)
    if m is None or p.name.lower().endswith(m.group(1).lower()) or _NAMED_UNIT.search(sentence, 0, m.start()):
        return p.name  # (not "Swat district of Khyber Pakhtunkhwa": the unit is Swat's)
    unit = m.group(1).lower()
    return f"{p.name} {'district' if unit == 'cercle' else unit}"


def _only_its_dateline(article: Article, article_places: list[str]) -> bool:
    """Is the first of the article's places only its dateline's town, in a story that names other
    places ("ERBIL - Mourners gathered at a church in Damascus's Dweila neighbourhood")?"""
    town = dateline_town(article.text, article.dateline)
    if not town:
        return False
    town, _, wider = town.partition(",")
    return name_key(town) == name_key(article_places[0]) and names_others(article_places, town, wider.strip())


def is_major_city(name: str) -> bool:
    from conflictwatch.extract.places import _stop

    return name.lower() in _stop()[3]


def finish(d: Draft, article: Article, article_places: list[str]) -> Claim:
    d.event = victim_adjusted(d.event, d)
    if d.event is not None and d.event[1] == "Air/drone strike":
        d.actor1 = air_actor(d, article)
    killed, injured, children = claim_figures(d.casualties)
    if killed is not None and d.extra_killed:
        killed = sum_ranges([killed, *d.extra_killed])
    if d.raised_to is not None and (killed is None or (killed.low or 0) < d.raised_to.low):
        killed = d.raised_to
    if d.died_of_wounds and killed is not None:
        n = d.died_of_wounds
        killed = sum_ranges([killed, Range(n, n)])
        if injured is not None and injured.low >= n:
            injured = Range(injured.low - n, None if injured.high is None else injured.high - n)
    if d.extra_children and children is None:
        children = d.extra_children
    if d.extra_injured and injured is None:
        injured = d.extra_injured
    if children is not None and killed is None:
        killed = Range(children.low, None)
    # "an air strike on the village earlier this month killed 170, the UN said on Tuesday": the
    # day it spoke is no day of an event its own words put in an earlier month
    said_late = EVENT_MONTH.search(d.sentence.text) is not None
    dates = [x for x in d.dates if not (said_late and x.statement)]
    if d.scope == "incident":
        # "Mirebalais, which has been occupied since March 31, ... attacked ... on Sunday": the day a
        # state began is no day of the incident, when another is told
        text = d.sentence.text
        since = [x for x in dates if text[x.start : x.end] == x.text
                 and SINCE_BEFORE.search(text, max(0, x.start - 60), x.start)]
        if since and any(not x.statement and x.date_start for x in dates if x not in since):
            dates = [x for x in dates if x not in since]
    start, end, precision = event_date(dates)
    if d.scope == "aggregate":
        ev_dates = [x for x in d.dates if not x.statement and x.date_start]
        # the period the total covers: earliest to latest day named, whatever their order in the
        # text ("killed yesterday, bringing the total since the October 25 coup to 90")
        start = min((x.date_start for x in ev_dates if x.date_start), default=None)
        end = max((x.date_end or x.date_start for x in ev_dates if x.date_start), default=None)
        precision = 3 if start else None
    # "militants who crossed from Amhara region into Bosat district", "armed youths from the Murle
    # community": where they came from is not where it happened, so it does not place the claim
    # (unless it is the only place named)
    here = [p for p in d.places if p.via not in ("from", ROUTE)] or d.places
    spec = most_specific(here)
    location = d.place_override or (spec.name if spec else None)
    if spec is not None and location == spec.name and (typed := _typed(spec, d.sentence.text)) != location \
            and typed.endswith(" province"):
        location = typed  # "the province of Seno" is Seno province, not a town of that name elsewhere
    if location is None and d.scope == "incident" and article_places and is_major_city(article_places[0]) \
            and not _only_its_dateline(article, article_places):
        location = article_places[0]  # the city the article is about
    origins = {p.name for p in d.places if p not in here}
    # (the article's "Bam" is the claim's "Bam province", not a second place read on its own as Iran's Bam)
    bare = _TYPE_WORD.sub("", location) if location else None
    # (and a province its sentence names in a speaker's title: "Donetsk Oblast governor Vadym Filashkin")
    titled = [n for n in TITLED_REGION.findall(d.sentence.text) if all(n not in p.name for p in d.places)]
    context = [_typed(p, d.sentence.text) for p in here if p.name != location] + titled + [
        p for p in article_places if p not in (location, bare) and p not in origins
        # (a round-up's item: not the others' places)
        and not opens_item(d.sentence.text, d.sentence.index) and not _told_before(d, p)]
    confidence = 0.4
    confidence += 0.15 if d.source else 0.05
    confidence += 0.15 if start else 0.0
    confidence += 0.15 if location else 0.0
    confidence += 0.1 if killed or injured else 0.0
    confidence += 0.05 if d.event else 0.0
    # The span covers the quote's sentences while they follow one another in the text; a later
    # sentence further away is found by searching for it (quote_start/quote_end stay contiguous).
    quote_end = d.sentence.start + len(d.sentence.text)
    for q in d.quote[1:]:
        at = article.text.find(q, quote_end)
        if at < 0 or article.text[quote_end:at].strip():
            break
        quote_end = at + len(q)
    return Claim(
        article_id=article.article_id or "",
        article_title=article.title,
        quote=" ".join(d.quote),
        scope=d.scope,  # type: ignore[arg-type]
        event_type=d.event[0] if d.event else None,
        sub_event_type=d.event[1] if d.event else None,
        date_start=start,
        date_end=end,
        time_precision=precision,
        location=location,
        place_context=context[:6],
        actor1=d.actor1,
        actor2=d.actor2,
        killed=killed,
        injured=injured,
        children_killed=children,
        claimed_by=d.source,
        reported_by=article.publisher,
        confidence=round(min(confidence, 0.95), 2),
        sentence_index=d.sentence.index,
        quote_start=d.sentence.start,
        quote_end=quote_end,
    )
