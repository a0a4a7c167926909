"""Two voices in one sentence: "a security source said more than 70 were killed, while a document
seen by Reuters put the dead at 77" is two claims, one per voice, never a sum (148)."""

from __future__ import annotations

import re

from conflictwatch.extract.attribution import SourceMention
from conflictwatch.extract.figures import CLAUSE_SPLIT, Casualty, clause_index
from conflictwatch.extract.placerank import PlaceMention

# the voice's name, with a name set off by commas ("the mayor of Saint-Marc, Fritz Elie Bazile,"), and its
# verbs of a count
_WHO = r"(?P<who>[^,;]{2,70}?(?:,\s+[^,;]{2,40}?,)?)\s+"
_COUNTS = (r"put|puts|reported|gave|estimated|counted|recorded|said|says|told\s+\w+|placed|indicated"
           r"|speaks\s+of")
# ", while an internal document seen by Reuters put the number of dead at 77": another voice's count
_RIVAL = re.compile(
    r",\s+(?:while|whereas|but|although|though)\s+(?!(?:a|an|the)\s+(?:separate|second|another|third)\b)"
    rf"{_WHO}(?:(?:later|earlier|officially)\s+)?(?:{_COUNTS}|putting)\b",
    re.IGNORECASE,
)

# "While the association said 15 people were killed, the police said seven bodies were recovered": the
# "while" opens the first voice's clause; the second voice is the main clause after the comma
_WHILE_FIRST = re.compile(r"^\W*(?:while|whereas|although|though)\s+", re.IGNORECASE)
_SECOND_VOICE = re.compile(rf",\s+{_WHO}(?:{_COUNTS}|confirmed)\b", re.IGNORECASE)


def split_rivals(
    s: str, cas: list[Casualty], places: list[PlaceMention], speakers: list[SourceMention],
    speaker: str | None,
) -> list[tuple[list[Casualty], list[PlaceMention], list[SourceMention], str | None]]:
    """(figures, places, speakers, default source) for each voice of the sentence. The second voice
    keeps the first one's places unless it names its own ("officials in Barkin Ladi reported").
    Counts of the wounded by two hospitals are parts of one count: only a toll of the dead splits."""
    dead = [c for c in cas if c.kind == "killed" and not c.subset]
    rival = _SECOND_VOICE if _WHILE_FIRST.match(s) else _RIVAL
    cut = next((m for m in rival.finditer(s) if any(c.fig.start < m.start() for c in dead)
                and any(c.fig.start > m.end("who") for c in dead)), None)
    if cut is None:
        return [(cas, places, speakers, speaker)]
    at = cut.start()
    first = [sp for sp in speakers if sp.start < at]
    second = [sp for sp in speakers if sp.start >= at]
    own_places = [p for p in places if p.start >= at]
    second_default = min(second, key=lambda m: m.gap or 0).name if second else None
    first_default = min(first, key=lambda m: m.gap or 0).name if first else (
        speaker if speaker != second_default else None)
    return [([c for c in cas if c.fig.start < at], [p for p in places if p.start < at] or places, first,
             first_default),
            ([c for c in cas if c.fig.start >= at], own_places or places, second, second_default)]


def group_by_source(
    s: str, cas: list[Casualty], speakers: list[SourceMention], default: str | None
) -> list[tuple[str | None, list[Casualty]]]:
    """Each figure with the source named in its own clause ("X said 17 were killed, Y said 12")."""
    names = []
    for sp in speakers:
        if sp.name not in names:
            names.append(sp.name)
    if len(names) <= 1:
        return [(names[0] if names else default, cas)]
    # Several sources: each figure goes to the source named in its own clause, else the nearest.
    groups: dict[str | None, list[Casualty]] = {}
    starts = (
        [0]
        + [m.end() for m in CLAUSE_SPLIT.finditer(s)]
        + [m.end() for m in re.finditer(r",\s+(?=[A-Z])", s)]
        # "..., residents said, though police confirmed only two deaths": a second voice's clause
        + [m.end() for m in re.finditer(r",\s+(?:though|although|but|while|whereas|yet)\s+", s)]
    )
    starts = sorted(set(starts))
    for c in cas:
        ci = clause_index(starts, c.fig.start)
        same = [sp for sp in speakers if clause_index(starts, sp.start) == ci]
        pick = same[0] if same else min(speakers, key=lambda sp: abs(sp.start - c.fig.start))
        groups.setdefault(pick.name, []).append(c)
    return list(groups.items())
