"""What of a story is its news: not a wire page's furniture (links to other stories, a version's
note, a photo caption), not an incident long past, unless a report's story tells it as its news;
and every incident's date, the text's or else the day of publication."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from conflictwatch.extract.draft import Draft
from conflictwatch.extract.scope import told_late
from conflictwatch.models import Article, Claim
from conflictwatch.months import FULL_NAMES, MONTH_NAMES

# A wire page's furniture: a block of links to other stories, or a version's note on what changed
_FURNITURE = re.compile(
    r"\W*(?:related\s+coverage|read\s+more|see\s+also|more\s+on\s+this|related\s+stories|related:"
    r"|photo\s*:|photo\s+caption\s*:|picture\s*:)"
    r"|\W*this\s+(?:story|article|report)\s+has\s+been\s+(?:corrected|updated)"
    r"|\W*\((?:corrects|adds|updates|recasts|changes|removes|fixes|refiles|rewrites|writes\s+through)\b",
    re.IGNORECASE)


# "An earlier version of this story said 12 soldiers had been killed": a figure the story took back
_SUPERSEDED = re.compile(r"\W*(?:(?:correction|clarification|editor'?s\s+note)\s*:\s*)?(?:an?|the)\s+"
                         r"(?:earlier|previous|original)\s+version\b", re.IGNORECASE)


def furniture(text: str, start: int) -> bool:
    """Is the sentence at `start` in a paragraph that a link block's or a version note's first words open,
    or a correction's note of what an earlier version said?"""
    para = text.rfind("\n\n", 0, start)
    return _FURNITURE.match(text, 0 if para < 0 else para + 2) is not None \
        or _SUPERSEDED.match(text, start) is not None


def fold_highlights(drafts: list[Draft], claims: list[Claim], text: str) -> tuple[list[Draft], list[Claim]]:
    """A situation report's HIGHLIGHTS bullet whose incident its body tells again with the same toll
    ("- At least 115 people killed in a gang attack on Liancourt.", then "On 3 October, gang members
    attacked ... at least 115 people were killed"): the body's claim, with its day, is the one kept (the
    bullet's had the day of publication); a bullet the body does not tell stays a claim."""
    if "ighlights" not in text and "IGHLIGHTS" not in text and "ey points" not in text.lower():
        return drafts, claims
    # (a sentence's last character: the first bullet's sentence may open with the heading itself)
    bullet = [_in_highlights(text, d.sentence.start + len(d.sentence.text) - 1) for d in drafts]
    shown: dict[int, int] = {}  # the place in the list of the pair's first -> the body's claim shown there
    gone: set[int] = set()  # the place of the pair's second: left empty
    for i, (c, b) in enumerate(zip(claims, bullet, strict=True)):
        if not b or c.scope != "incident" or c.killed is None:
            continue
        told = next((j for j, (x, xb) in enumerate(zip(claims, bullet, strict=True)) if not xb
                     and j not in shown.values() and x.scope == "incident" and x.killed == c.killed), None)
        if told is not None:  # the body's claim, in the place of whichever of the two the report tells first
            first, second = sorted((i, told))
            shown[first] = told
            gone.add(second)
    order = [shown.get(k, k) for k in range(len(claims)) if k not in gone]
    return [drafts[j] for j in order], [claims[j] for j in order]


_HIGHLIGHTS = re.compile(r"^[ \t]*(?:KEY\s+)?(?:HIGHLIGHTS|Highlights|MESSAGES|KEY\s+POINTS|Key\s+points)"
                         r"[ \t]*:?[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]*[A-Z][A-Z0-9 &/,()'’-]{3,}:?[ \t]*$", re.MULTILINE)  # "SITUATION OVERVIEW"


def _in_highlights(text: str, start: int) -> bool:
    """Is `start` under a HIGHLIGHTS heading, before the next heading? (`fold_highlights` asks only of
    texts that hold one.)"""
    last = None
    for m in _HIGHLIGHTS.finditer(text, 0, start):
        last = m
    return last is not None and _HEADING.search(text, last.end(), start) is None


# An incident dated this long before publication is background ("an attack on May 3" in a
# report of July), not the news of the day; unless the story tells a report's findings.
_STALE_DAYS = 30
_LEAD_END = 300  # the first sentence or two of the body


_TITLE_MONTH = re.compile(rf"\b(?P<month>{FULL_NAMES})\s+(?P<year>(?:19|20)\d\d)\b")


@lru_cache(maxsize=64)
def _covered_month(title: str | None) -> tuple[int, int] | None:
    """The month a periodic report says it covers ("Humanitarian Update Issue 8 (August 2022)"):
    its incidents are its news, however long before publication."""
    m = _TITLE_MONTH.search(title or "")
    return (int(m["year"]), MONTH_NAMES.index(m["month"]) + 1) if m else None


# "on the night of 14 November 2021", "on May 9", "on 05/04/2024": a day named in the claim's own words
_OWN_DAY = re.compile(
    rf"\b\d{{1,2}}\s+(?:{FULL_NAMES})\b|\b(?:{FULL_NAMES})\s+\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b")


def _reported(c: Claim, article: Article) -> bool:
    """An old incident that a report's story tells as its news: in its lead, or with its own day
    ("In one case documented by researchers, ... on the night of 14 November 2021")."""
    if not told_late(article):
        return False
    at = (article.text or "").find((c.quote or "")[:80])
    return 0 <= at < lead_end(article.text or "") or _OWN_DAY.search(c.quote or "") is not None


def lead_end(text: str) -> int:
    """Where the lead ends: the first paragraph, at most its first sentence or two."""
    first = text.find("\n", 40)
    return _LEAD_END if first < 0 else min(first, _LEAD_END)


def dated(c: Claim, article: Article, published: date | None) -> Claim | None:
    """Every incident gets a date: the text's, else the publication date (`date_basis`
    "published", time_precision 2). An incident long before publication is dropped."""
    if c.date_start is not None:
        c.date_basis = "text"
        stale = article.published is not None and (article.published - c.date_start).days > _STALE_DAYS
        stale = stale and _covered_month(article.title) != (c.date_start.year, c.date_start.month)
        if c.scope == "incident" and stale and not _reported(c, article):
            return None
    elif c.scope == "incident" and published is not None:
        c.date_start = c.date_end = published
        c.date_basis = "published"
        c.time_precision = 2
    return c
