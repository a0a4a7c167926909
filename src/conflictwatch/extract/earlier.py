"""The toll of an earlier event a sentence names to date its news ("a week after the attack that killed
34 soldiers, the army said it killed 50 militants", "days after an operation in Khan Younis that the
ministry said killed more than 70"): that event's dead, not the news's."""

from __future__ import annotations

import re
from typing import Any

from conflictwatch.months import NAME_OR_SHORT

# "after the attack that killed": the toll of an earlier event the sentence dates its news by
_EARLIER_EVENT = re.compile(
    # ("whom it blamed for the rocket strike on Majdal Shams on Saturday that killed 12 children")
    # ("in response to the rocket attack on Majdal Shams that killed 12 children", "were a response to a
    # drone attack on Tel Aviv that killed a man": the cause, told again)
    r"\b(?:(?:after|following|followed|since|(?:in|an?)\s+(?:response|retaliation|reprisal|revenge|reply)\s+(?:to|for))"
    r"|(?P<blamed>blamed\s+for|responsible\s+for|behind))\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attack|strike|air\s?strike|ambush|bombing|massacre|raid|blast|explosion|assault"
    # ("after the attack on the Barkaram base in which about 40 soldiers died": its object too)
    r"|clash(?:es)?|operation|offensive|incursion),?\s+(?(blamed)(?:[^.;,]{0,60}?\s)?|(?:on\s+[^.;,]{0,50}?\s)?)"
    r"(?:(?:that|which)\s+(?:(?:the\s+)?[\w-]+\s+said\s+)?(?:killed|left|claimed)|in\s+which)\s+"
    r"(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "days after an Israeli operation in Khan Younis that the ministry said killed more than 70": a place
    # too, told with a span of time (not "arrested 14 people after the attack in Sokoto that killed three")
    r"|\b(?:days|weeks|months)\s+after\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|raid|operation"
    r"|offensive|assault|bombing)\s+(?:in|at|near)\s+[^.;,]{1,50}?\s(?:that|which)\s+(?:(?:the\s+)?[\w-]+\s+"
    r"said\s+)?(?:killed|left|claimed)\s+(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "three days after a suicide bomber killed seven soldiers": a span of time back to another event
    # ("two weeks after 13 soldiers and five civilians were killed": the list's next part too)
    r"|\b(?:hours|days?|weeks?|months?)\s+(?:after|since)\s+(?:[^.;]{0,40}?\band\s+)?"
    r"(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "This new attack comes a week after the killing of 9 people in Kabweke": that killing's toll
    r"|\b(?:(?:hours|days?|weeks?|months?)\s+(?:after|since)|in\s+(?:response|retaliation|reprisal|revenge"
    r"|reply)\s+(?:to|for))\s+the\s+(?:killing|killings|deaths?|murders?"
    r"|massacre)\s+of\s+(?:(?:at least|more than|some|about|nearly)\s+)?$"
    r"|\b(?:hours|days?|weeks?|months?|years?)\s+(?:after|since)\s+(?:[\w'’-]+\s+){1,6}?"
    r"(?:killed|left|claimed(?:\s+the\s+lives\s+of)?|shot\s+dead|gunned\s+down|murdered|massacred|executed"
    r"|slaughtered)\s+(?:(?:at least|more than|some|about|nearly)\s+)?"
    # ("a month after a bomb killed one ranger and injured six": its wounded too)
    r"(?:[^.;,]{1,40}?\band\s+(?:injured|wounded|hurt|maimed)\s+(?:(?:at least|more than|some|about|nearly)"
    r"\s+)?)?$"
    # "a month after gunmen stormed the Hayat Hotel in Mogadishu, killing 21" (a day after is a day
    # the dates stage counts back to: an incident of its own)
    r"|\b(?:a|one|two|three|\d+)\s+(?:months?|years?|weeks?)\s+(?:after|since)\s+[^.;]{3,120}?,?\s+"
    r"(?:killing|leaving)\s+(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "just days after jihadists raided the village of Kolofata, killing four people"
    r"|\b(?:days|weeks)\s+(?:after|since)\s+[^.;]{3,120}?,?\s+"
    r"(?:killing|leaving)\s+(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "ending 12 days of air and missile warfare that killed hundreds": the war's dead, not the day's
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days|weeks|months)\s+of\s+"
    r"(?:[\w-]+\s+){0,3}?(?:war|warfare|fighting)\s+(?:that|which)\s+(?:has\s+|had\s+)?(?:killed|left)\s+"
    r"(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "An initial army statement had put the toll at eight dead", "Initial reports had put ...": replaced
    r"|(?:\b(?:an?|the|its)\s+|^\W*)(?:earlier|previous|initial|preliminary|first)\s+(?:[\w-]+\s+)?"
    r"(?:statements?|reports?|assessments?)\b[^.;]{0,40}?\b(?:put|gave|reported|set)\b[^.;]{0,30}?\b(?:at|of)\s+"
    r"(?:(?:at least|more than|some|about|nearly)\s+)?$"
    # "revising an earlier toll of 14", "up from 14", "a first toll released on Saturday reported ten"
    r"|\b(?:an?|the|its)\s+(?:earlier|previous|initial|preliminary|first)\s+(?:death\s+)?(?:toll|figure|count"
    r"|tally|estimate)(?:\s+of|[^.;]{0,50}?\b(?:reported|was|put|gave|at))\s+(?:(?:at least|more than|some"
    r"|about|nearly)\s+)?$|\bup\s+from\s+(?:an?\s+)?(?:(?:earlier|previous|initial)\s+)?(?:(?:toll|figure)\s+of\s+)?$"
    # "the deadliest since May 2021, when 16 people were killed": an earlier event, to compare
    rf"|\bsince\s+(?:(?:early|mid|late)[- ]?)?(?:(?:{NAME_OR_SHORT})\.?\s+)?\d{{4}},?\s+when\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:(?:at least|more than|some|about|nearly)\s+)?$"
    r"|\b(?:earlier|previously|initially)\s+(?:reported|put|gave|given|said|counted|announced|recorded)\s+"
    r"(?:(?:(?<=initially\sreported\s)|(?<=initially\ssaid\s))[^.;]{0,30}?\bthat\s+|(?:a|the|its)\s+(?:death\s+)?"
    r"(?:toll|figure)\s+(?:of|at)\s+)?(?:[^.;]{0,40}?\band\s+)?(?:(?:at least|more than|about)\s+)?$"
    # "Earlier, he had reported two dead and 14 injured", "Initially, eight were reported killed": replaced
    r"|^\s*(?:Earlier|Previously|Initially|At first)\b,?[^.;]{0,60}?\b(?:reported|said|put|gave|announced"
    r"|counted|spoke of)\b[^.;]{0,40}?$|^\s*(?:Initially|At\s+first)\b,?[^.;]{0,60}?$",
    re.IGNORECASE,
)


def earlier_toll(sentence: str, start: int) -> bool:
    """Is the figure at `start` the toll of an earlier event named to date the news ("a week after
    the attack that killed 34 soldiers, the army said it killed 50 militants")?"""
    return _EARLIER_EVENT.search(sentence, max(0, start - 120), start) is not None


def earlier_event_span(sentence: str, start: int) -> tuple[int, int] | None:
    """Where the earlier event of `earlier_toll` is told, from "after" to the end of its clause:
    its weapon ("three days after a suicide bomber killed seven") is not this event's type."""
    m = _EARLIER_EVENT.search(sentence, max(0, start - 120), start)
    if m is None:
        return None
    end = re.compile(r"[,;.]|$").search(sentence, start)
    return m.start(), end.start() if end else len(sentence)


# "Over a week after nine persons were killed in Edikwu-Ankpali, residents are yet to return": the
# days since the event the lead names, told by its aftermath
_DAYS_SINCE = re.compile(r"\b(?:hours?|days?|(?:a|one|two)\s+weeks?|a\s+week)\s+(?:after|since)\b",
                         re.IGNORECASE)


_EVENT_NOUN = re.compile(r"\b(?:attacks?|raids?|strikes?|airstrikes?|ambush(?:es)?|bombings?|blasts?"
                         r"|explosions?|assaults?|clash(?:es)?|fighting|massacres?|killings?|offensive|operation"
                         r"|shelling)\b",
                         re.IGNORECASE)


def aftermath_lead(sentence: str, prior: list[tuple[int, int]], incident_verbs: Any) -> bool:
    """Does a story's first sentence tell only the aftermath of the event whose toll it gives ("Residents
    are still counting their losses days after bandits killed 38 persons")? Then that event is the news
    (not "The attack came a week after 48 villagers were killed": an attack of its own)."""
    if not prior:
        return False
    start = min(a for a, _ in prior)
    head = sentence[:start]
    return bool(_DAYS_SINCE.search(sentence, max(0, start - 20), start + 30)) \
        and not incident_verbs.search(head) and not _EVENT_NOUN.search(head)
