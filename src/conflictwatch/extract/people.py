"""People who speak for a source, remembered by surname across an article.

Wire copy names an official once with the role ("regional governor Oleh Syniehubov said") and
then by surname alone ("Syniehubov now says five people were killed"); the second sentence is
the same source's claim.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}"
# "governor Oleh Syniehubov said": the name right after the role
_NAME_AFTER = re.compile(rf"\s+({_NAME})\b(?!\s+(?:[A-Z]|of\b))")
# "said Muhammad Ali Saif, a spokesman for ...": the name right before ", a/the <role>"
_NAME_BEFORE = re.compile(rf"\b({_NAME}),\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}$")
_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|later|now|then|further|had|has)\s+)?"
    r"(?:said|says|told|added|wrote|writes|reported|confirmed|announced|stated)\b"
)


def person_named(sentence: str, start: int, end: int) -> str | None:
    """The surname of the person a role mention names ("Syniehubov"), or None."""
    m = _NAME_AFTER.match(sentence, end) or _NAME_BEFORE.search(sentence, 0, start)
    if m is None:
        return None
    surname = m.group(1).split()[-1]
    return surname if len(surname) >= 4 and not surname.isupper() else None


def surname_speakers(sentence: str, people: dict[str, tuple[str, str | None]]
                     ) -> list[tuple[int, int, str, str | None]]:
    """(start, end, source, kind) of remembered surnames speaking in the sentence."""
    out = []
    for surname, (source, kind) in people.items():
        if surname not in sentence:
            continue  # asked of every sentence once someone is remembered: most name nobody
        for m in re.finditer(rf"\b{re.escape(surname)}\b", sentence):
            if _VERB_AFTER.match(sentence, m.end()):
                out.append((m.start(), m.end(), source, kind))
    return out
