"""The toll only the headline gives: "Junta jet kills 40 at concert" over a body that never repeats it.

Local outlets often put the count in the headline and tell the story in the body without it ("The
jet dropped two bombs on the crowd"), or list only some of the dead ("The dead include a woman and
a child"). The headline is the article's own words about its main incident: its figure goes to the
lead incident claim, and the claim's quote then holds the headline too.
"""

from __future__ import annotations

import re

from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.eventtypes import event_rule
from conflictwatch.extract.figures import classify_figures
from conflictwatch.extract.placerank import most_specific
from conflictwatch.extract.places import find_places
from conflictwatch.extract.quotes import straight_quotes
from conflictwatch.extract.scope import is_aggregate
from conflictwatch.models import Article, Claim, Range

# "The dead include a woman and her child", "among the dead were two teachers": some of them only
_SOME_OF_THE_DEAD = re.compile(
    r"\b(?:dead|killed|victims|fatalities)\s+(?:were\s+|are\s+)?(?:include[sd]?|including)\b"
    r"|\bamong\s+(?:the\s+)?(?:dead|killed|victims|those\s+killed)\b", re.IGNORECASE)

# "Gunmen kill six" over "leaving several people dead": the body's word, the headline's number
_VAGUE = re.compile(r"\b(?:several|dozens|scores|many|some|numerous|multiple|a\s+number\s+of|a\s+few)\b",
                    re.IGNORECASE)


def headline_toll(article: Article, claims: list[Claim]) -> None:
    """Give the lead incident claim the headline's death toll when the body gives none for any
    incident, only a partial list of the dead smaller than the headline's count, or a word ("several")
    the headline's number exceeds."""
    title = straight_quotes(article.title or "")
    incidents = [c for c in claims if c.scope == "incident"]
    if not title or not incidents:
        return
    lead = incidents[0]
    if any(c.killed is not None and c.date_start == lead.date_start for c in incidents[1:]):
        return  # (the body tells the day's toll later; an earlier event's toll is no rival)
    vague = lead.killed is not None and lead.killed.high is None and _VAGUE.search(lead.quote) is not None
    if lead.killed is not None and not _SOME_OF_THE_DEAD.search(lead.quote) and not vague:
        return  # (the cheap tests first: most bodies give their toll; "leaving several people dead" none)
    killed = [x for x in classify_figures(title) if x.kind == "killed" and not x.total and not x.subset]
    if len(killed) != 1:
        return
    toll = killed[0].fig.value
    if lead.killed is not None and lead.killed.low >= toll.low:
        return
    if is_aggregate(title, find_dates(title, article.published), killed):
        return  # "54 protesters killed so far": a total, whatever the body says
    if any(c.killed is not None and c.killed.low == toll.low for c in claims):
        return  # the body tells it (perhaps as a total over days)
    lead.killed = Range(toll.low, toll.high)
    lead.quote = f"{article.title.strip()}\n{lead.quote}" if article.title else lead.quote
    lead.quote_start = lead.quote_end = None  # (the quote is no longer one span of the body)
    lead.claim_id = lead.make_id()


_LEAD_SENTENCES = 3


def headline_incident(article: Article, claims: list[Claim], sentences: list[str]) -> Claim | None:
    """A claim from the headline's toll when the body tells no incident at all ("Two killed in Qardaha
    checkpoint shooting" over "The shooting took place late on Wednesday at a checkpoint ..."): the
    headline's figure, the day the body's first sentences give (none: no claim, a day is not
    guessed), the headline's place (or the body's first)."""
    title = straight_quotes(article.title or "")
    if not title or any(c.scope == "incident" for c in claims):
        return None
    killed = [x for x in classify_figures(title) if x.kind == "killed" and not x.total and not x.subset]
    title_dates = find_dates(title, article.published)
    if len(killed) != 1 or is_aggregate(title, title_dates, killed):
        return None
    body_dates = [x for s in sentences[:_LEAD_SENTENCES] for x in find_dates(s, article.published)]
    days = [d for d in [*title_dates, *body_dates] if d.date_start and not d.statement and d.precision == 1]
    rule = event_rule(title, True, None)
    if not days or rule is None:
        return None
    place = most_specific(find_places(title)) or next(
        (p for s in sentences[:_LEAD_SENTENCES] if (p := most_specific(find_places(s)))), None)
    toll = killed[0].fig.value
    return Claim(article_id=article.article_id or "", article_title=article.title,
                 quote=(article.title or "").strip(),
                 event_type=rule.event_type, sub_event_type=rule.sub_event_type,
                 date_start=days[0].date_start, date_end=days[0].date_end, time_precision=1,
                 location=place.name if place else None, killed=Range(toll.low, toll.high),
                 reported_by=article.publisher, confidence=0.6, sentence_index=0)
