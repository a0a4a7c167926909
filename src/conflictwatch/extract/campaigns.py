"""Tolls raised over a campaign ("bringing the army's toll in the ground offensive to 242"): the day's
dead stay the incident, the raised toll is a count over the period."""

from __future__ import annotations

import re

# "two more soldiers were killed, bringing the army's toll in the ground offensive to 242": a total
# over a period or a campaign, not this incident's; the two stay
LONG_CAMPAIGNS = r"offensive|operation|war|campaign|conflict|insurgency"  # what lasts more than a day
_PERIOD_TOTAL = re.compile(
    rf"\b(?:since|this year|so far|to date|in the (?:[\w-]+\s+){{0,2}}?(?:{LONG_CAMPAIGNS}))\b[^.;]*$"
    # "bringing the total to 25,490", "the overall death toll in the territory": the count of a war
    r"|\b(?:overall|cumulative)\b[^.;]*$|\bthe\s+total\s+(?:number\s+)?(?:to|at)\s+[^.;]*$"
    r"|\btoll\s+in\s+the\s+(?:territory|country|enclave|strip|region|province)\b[^.;]*$",
    re.IGNORECASE)
_RAISING = re.compile(r"\b(?:bringing|raising|taking|pushing|lifting)\b", re.IGNORECASE)


def period_total(sentence: str, start: int) -> bool:
    """Is the total at `start` one over a period or a campaign? Judged from its own raising verb on:
    "six more died since Friday, bringing the number killed in Thursday's blast to 29" is the blast's."""
    begin = max(0, start - 90)
    raising = [m.start() for m in _RAISING.finditer(sentence, begin, start)]
    return _PERIOD_TOTAL.search(sentence, raising[-1] if raising else begin, start) is not None
