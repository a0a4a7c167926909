"""Breakdowns of a toll: the parts a sentence lists for a figure ("three people, two men and a woman",
"9 people (5 men and 4 women)", "left 87 dead: 34 civilians and 53 members", "279 casualties (87
killed and 192 injured)") are that figure's, not more dead; and the asides about a figure's people
that stand between it and its verb."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from conflictwatch.extract.numbers import Figure
from conflictwatch.models import Range

if TYPE_CHECKING:
    from conflictwatch.extract.figures import Casualty


# ", including 23 passengers who were pulled off buses and shot dead,": the part, set off by commas
_SUBSET_CLAUSE = re.compile(r",\s*(?:including|among them|among whom)\s[^,;()]{0,90},", re.IGNORECASE)

_SUBSET_PHRASE = re.compile(
    r",?\s*\b(?:including|among them|among whom)\s+(?:[\w-]+\s+){1,4}?"
    r"(?:children|women|child|minors|infants|babies|officers|policemen|soldiers|civilians|fighters"
    r"|members|students|doctors|journalists|commanders?"
    # (one person: "including a three-year-old girl", "including a police officer")
    r"|girls?|boys?|man|woman|baby|toddlers?|teenagers?|infant|officer|policeman|soldier|member"
    r"|teachers?|pupils?|farmers?|worshippers?|pastor|priest|imam|chief)\b,?",
    re.IGNORECASE,
)


_APPOSITIVE_SUBSET = re.compile(
    r",\s*(?:(?:at least|more than|nearly|about|some|almost)\s+)?[\w-]+\s+of\s+(?:them|whom)"
    r"(?:\s+[\w-]+){0,3}?\s*,",
    re.IGNORECASE,
)


# ", correspondent Farah Omar and cameraman Rabih Memari,": who the figure's people are, by name
_NAMED_APPOSITIVE = re.compile(
    r",\s*(?:[a-z][\w-]*\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
    r"(?:,?\s+and\s+(?:[a-z][\w-]*\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})?\s*,")


# ("Syrian Democratic Forces (SDF)"; "motorcycle taxi (ojek) drivers", "village (barangay) officials": a
# local word glossed)
_NAME_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}|[a-z][\w-]*)\)")


def without_asides(right: str) -> str:
    """The text after a figure with the asides about its people taken out ("including five
    children", "two of them women", "(SDF)", ", correspondent X and cameraman Y,"): what stays
    says what the figure counts and what befell them."""
    right = _SUBSET_CLAUSE.sub(" ", right)
    right = _SUBSET_PHRASE.sub(" ", right)
    right = _APPOSITIVE_SUBSET.sub(" ", right)
    right = _NAME_IN_BRACKETS.sub(" ", right)  # "members of the Syrian Democratic Forces (SDF) were killed"
    return _NAMED_APPOSITIVE.sub(" ", right)


_CASUALTIES = re.compile(r"\s+(?:[\w-]+\s+)?casualties\b", re.IGNORECASE)
_CASUALTIES_THEN_BRACKET = re.compile(r"\s+(?:[\w-]+\s+)?casualties\s*\(", re.IGNORECASE)


def casualties_broken_down(sentence: str, out: list[Casualty]) -> list[Casualty]:
    """ "279 civilian casualties (87 killed and 192 injured)": casualties are the dead and the hurt
    together; the parts in brackets are the figures (279 was taken for the wounded). "21 casualties,
    including three dead", "45 casualties, 12 of whom died": the hurt are the rest (18, 33)."""
    for i, c in enumerate(out):
        dead = [p for p in out[i + 1 : i + 3] if p.kind == "killed" and p.subset and p.fig.exact_number]
        if c.kind == "injured" and _CASUALTIES.match(sentence, c.fig.end) and c.fig.exact_number \
                and dead and (n := sum(p.fig.value.low for p in dead)) < c.fig.value.low:
            low, high = c.fig.value.low - n, None if c.fig.value.high is None else c.fig.value.high - n
            c.fig = Figure(c.fig.start, c.fig.end, Range(low, high), c.fig.text, True)
            for p in dead:
                p.subset = False
            return out
    for i, c in enumerate(out):
        if not _CASUALTIES_THEN_BRACKET.match(sentence, c.fig.end):
            continue
        close = sentence.find(")", c.fig.end)
        parts = [p for p in out[i + 1 :] if close < 0 or p.fig.start < close]
        if {p.kind for p in parts} >= {"killed", "injured"}:
            for p in parts:
                p.subset = False
            return [x for x in out if x is not c]
    return out


# "more than 70 people were killed, adding that 81 corpses had been buried": the same dead counted
# again by their graves, not 81 more (it gave 152)
_RECOUNT_BEFORE = re.compile(
    r",?\s+(?:adding|saying|and\s+said|and\s+added)\s+(?:that\s+)?(?:at\s+least\s+|some\s+)?$", re.IGNORECASE)
_BODIES_BURIED = re.compile(
    r"\s+(?:corpses|bodies|dead)\s+(?:had\s+been|have\s+been|were)\s+(?:buried|recovered|counted|retrieved"
    r"|taken\s+to)\b", re.IGNORECASE)


def mark_bodies_recount(sentence: str, out: list[Casualty]) -> None:
    """A toll's dead counted again by their bodies in the same voice's next clause are part of it."""
    for i, c in enumerate(out[1:], 1):
        if c.kind == "killed" and any(p.kind == "killed" for p in out[:i]) \
                and _RECOUNT_BEFORE.search(sentence, 0, c.fig.start) \
                and _BODIES_BURIED.match(sentence, c.fig.end):
            c.subset = True


def mark_appositive_breakdown(sentence: str, out: list[Casualty]) -> None:
    """ "The bodies of three people, two men and a woman, were found": the parts after the comma
    add up to the figure before it, so they are its breakdown, not more dead (it had been six)."""
    for i, c in enumerate(out):
        if c.subset or not c.fig.exact_number or i + 1 >= len(out):
            continue
        if not _THEN_PARTS.fullmatch(sentence[c.end : out[i + 1].fig.start]):
            continue
        parts = [out[i + 1]]
        for nxt in out[i + 2 :]:
            # (a part may say whose it is: "two fighters of the armed group and two civilians"; the
            # hurt named next are none: "three bodies, the mother and two boys, and their father with
            # shrapnel wounds")
            if nxt.kind != c.kind or not _NEXT_PART.fullmatch(sentence[parts[-1].end : nxt.fig.start]):
                break
            parts.append(nxt)
        closed = re.match(rf"{_WHOSE}\s*(?:[,)]|(?:were|was|had|have)\b)", sentence[parts[-1].end :])
        exact = all(p.fig.exact_number and p.fig.value.high == p.fig.value.low for p in parts)
        if len(parts) >= 2 and closed and exact and sum(p.fig.value.low for p in parts) == c.fig.value.low:
            for p in parts:
                p.subset = True
    for c in out:
        # "Two Israelis, a father and son, were shot dead", "killed two people, a tourist guide and a
        # ranger,": the pair named after a count of two is who it counts
        pair = (_PAIR_AFTER.match(sentence, c.end) or _ONE_HERE_ONE_THERE.match(sentence, c.end)) \
            if c.fig.value.low == 2 == c.fig.value.high else None
        if pair and not c.subset:
            for p in out:
                if pair.start() <= p.fig.start < pair.end():
                    p.subset = True


# "three people, two men and a woman", "Four people were killed, two fighters and two civilians"
_THEN_PARTS = re.compile(r"(?:\s+(?:were|was|have\s+been|had\s+been)\s+"
                         r"(?:killed|slain|shot\s+dead|wounded|injured))?\s*,\s*")
_ONE = r"(?:(?:an?|his|her|their)\s+)?[\w-]+(?:\s+[\w-]+){0,2}?"
_PAIR_AFTER = re.compile(
    rf"(?:\s+(?:were|was)\s+(?:killed|slain|shot\s+dead))?\s*,\s*{_ONE}\s+and\s+{_ONE}\s*,")
# "killed two residents of Donetsk Oblast, one in Krasnohorivka and another in Orlivka": where each died
_ONE_HERE_ONE_THERE = re.compile(r"(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?\s*[,:—–-]\s*one\s+"
                                 r"(?:in|at|near|from|on)\s+[^,;.]{1,60}?,?\s+and\s+(?:another|the\s+other)\b")
_WHOSE = r"(?:\s+(?:of|from)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"
_NEXT_PART = re.compile(rf"{_WHOSE}\s*(?:,\s*(?:and\s+)?|and\s+)")
_DASH_TO_END = re.compile(r"\s[-–—]{1,2}\s(?=[^-–—]{3,200}$)")
_DASH_ASIDE = re.compile(r"\s[-–—]{1,2}\s[^-–—;]{3,90}?\s[-–—]{1,2}\s")


def mark_dashed_breakdown(sentence: str, out: list[Casualty]) -> None:
    """ "Two people were killed - a guard and a patient's relative - and five were wounded": the
    people set off by dashes after a count are who it counts, not more dead (it had been three); so
    are those after one dash to the sentence's end ("42 were killed - 36 soldiers and six others")."""
    tail = _DASH_TO_END.search(sentence)
    if tail:
        inside = [c for c in out if c.fig.start >= tail.start()]
        before = [c for c in out if c.fig.end <= tail.start() and not c.subset]
        if inside and before and all(c.kind == before[-1].kind for c in inside) \
                and sum(c.fig.value.low for c in inside) <= before[-1].fig.value.low * 1.1 + 1:
            for c in inside:  # (a writer's parts may miscount by one: they are still its parts)
                c.subset = True
    for m in _DASH_ASIDE.finditer(sentence):
        inside = [c for c in out if m.start() <= c.fig.start < m.end()]
        before = [c for c in out if c.fig.end <= m.start() and not c.subset]
        if not inside or not before or any(c.kind != before[-1].kind for c in inside):
            continue
        if sum(c.fig.value.low for c in inside) <= before[-1].fig.value.low:
            for c in inside:
                c.subset = True


def in_brackets_after(sentence: str, before: Figure, f: Figure) -> bool:
    """Is `f` inside brackets that open right after the figure `before` and its noun?"""
    gap = sentence[before.end : f.start]
    if not re.fullmatch(r"\s*[\w-]*\s*\(\s*|[^()]*\([^()]*", gap):
        return False
    opened = gap.rfind("(")
    return opened >= 0 and len(gap[:opened].split()) <= 2


def after_colon(sentence: str, figs: list[Figure], i: int) -> bool:
    """ "left 87 persons dead: 34 civilians and 53 members": the figures after the colon break
    down the one before it."""
    for j in range(i - 1, -1, -1):
        gap = sentence[figs[j].end : figs[i].start]
        if ":" in gap:
            return len(gap[: gap.index(":")].split()) <= 4 and len(gap[gap.index(":") :].split()) <= 12
    return False
