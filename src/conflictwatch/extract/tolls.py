"""What a claim's figures add up to: killed, injured and children killed from its casualties
(parts with different victim nouns add up; a new toll holds the deaths before it)."""

from __future__ import annotations

from conflictwatch.extract.figures import Casualty
from conflictwatch.extract.namelists import NAMES
from conflictwatch.models import Range


def sum_ranges(ranges: list[Range]) -> Range | None:
    if not ranges:
        return None
    low = sum(r.low for r in ranges)
    high = None if any(r.high is None for r in ranges) else sum(r.high for r in ranges)  # type: ignore[misc]
    return Range(low, high)


def claim_figures(cas: list[Casualty]) -> tuple[Range | None, Range | None, Range | None]:
    """killed, injured, children_killed from a claim's casualty figures."""
    killed_main = [c for c in cas if c.kind == "killed" and not c.subset]
    injured_main = [c for c in cas if c.kind == "injured" and not c.subset]

    # Parts with different victim nouns add up ("19 fighters ... and eight rebels").
    def total(items: list[Casualty]) -> Range | None:
        if not items:
            return None
        seen: set[str | None] = set()
        parts: list[Range] = []
        again = False
        for i, c in enumerate(items):
            key = c.victim_word
            # ("Fourteen faction fighters and four SDF fighters": one list, two sides' fighters)
            listed = i > 0 and c.clause == items[i - 1].clause and 0 <= c.fig.start - items[i - 1].end <= 6
            if key in seen and key is not None and not listed:
                again = True
                continue
            seen.add(key)
            parts.append(c.fig.value)
        if len(parts) > 1 and again:
            return items[0].fig.value
        return sum_ranges(parts)

    totals = [c for c in killed_main if c.total]
    # "killed two soldiers, raising the toll from the attack to 5": the new toll holds the two
    killed = totals[-1].fig.value if totals else total(killed_main)
    injured = total(injured_main)
    children = [c.fig.value for c in cas if c.kind == "killed" and c.victim == "children"]
    child = children[0] if children else None
    if killed is None:
        subs = [c for c in cas if c.kind == "killed" and c.subset]
        if len(subs) == 1 and subs[0].victim_word == NAMES:
            killed = subs[0].fig.value  # "The dead were A, B and C": the three, no more
        elif subs:
            # "The dead included three soldiers and a policeman": at least the parts of the list
            # (one list of distinct nouns); else at least its first part
            parts = [subs[0], *(c for c in subs[1:] if c.listed)]
            words = [c.victim_word for c in parts]
            # (a part's own part, "seven civilians, among them two children", is no more of the list;
            # a list of one is its first part either way)
            if len(parts) >= 2 and None not in words and len(set(words)) == len(words):
                killed = Range(sum(c.fig.value.low for c in parts), None)
            else:
                killed = Range(subs[0].fig.value.low, None)
    return killed, injured, child
