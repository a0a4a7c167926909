"""Sources named after their verb: "..., said the army", ", informed the Ministry of Defence".

The generic source rules in `sources.yaml` are written for the usual order ("the army said"): many
of them look ahead for the speech verb, so that "the army" that fought is not taken for a voice.
Wire copy and copy translated from French, Spanish or Arabic often put the verb first. The body
such a verb names, up to the end of its clause, is read as if the verb followed it; a rule that
matches the whole of it that way has named the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# "said the army", "according to the defence ministry"; the other verbs only after a comma or a
# quote (", informed the Ministry of National Defence"), since "Officials informed the ministry" is
# the ministry hearing. The body ends where its clause does: a stop, a bracket, "on Wednesday",
# "in a statement".
_INVERTED = re.compile(
    r"(?:\b(?:said|says|reported|according\s+to)"
    r"|[,\"”]\s*(?:informed|announced|stated|declared|indicated|confirmed|added|specified|noted))"
    r"(?:\s+(?:late\s+|early\s+)?on\s+\w+)?\s+"
    r"(?P<who>(?:[\w'’-]+\s+){0,6}?[\w'’-]+)"
    r"(?=\s*(?:[.,;:(]|$)|\s+(?:on|in|this|late|early|last|yesterday|today|adding|citing|via)\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _bodies(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, words) of each body named after a speech verb in `text`: found once per text, then
    tried against each generic rule."""
    return tuple((m.start("who"), m.end("who"), m.group("who")) for m in _INVERTED.finditer(text))


def inverted_spans(rx: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Spans of `text` where the rule `rx` names a speaker whose verb came first."""
    for start, end, who in _bodies(text):
        found = rx.match(who + " said")
        if found and found.end() == len(who):
            yield start, end


def generic_spans(rx: re.Pattern[str], sentence: str) -> list[tuple[int, int]]:
    """Where a generic source rule names a speaker in the sentence, in either order."""
    spans = [(m.start(), m.end()) for m in rx.finditer(sentence)]
    spans += [s for s in inverted_spans(rx, sentence) if s not in spans]
    return sorted(spans)
