"""How many people a victim phrase names: "a total of five militants" (5), "Three STC fighters" (3),
"a farmer" (1), "villagers" (no count). Kept apart from `victims`, which finds the phrases."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from conflictwatch.extract.notcounts import SCHOOL_YEARS
from conflictwatch.extract.numbers import find_figures
from conflictwatch.models import Range

if TYPE_CHECKING:
    from spacy.tokens import Token

SINGLE_PRONOUNS = {"he", "him", "she", "her", "one", "himself", "herself"}
QUANTITY_NOUNS = {"total", "number", "dozens", "scores", "hundreds", "thousands", "handful", "couple",
                  "group", "tens", "dozen", "score"}
YEAR = re.compile(r"(?:19|20)\d\d")
AGE = re.compile(r"(\d+)[- ]year[- ]old", re.IGNORECASE)


def count_group(group: list[Token]) -> Range | None:
    """The people a group of victim heads counts; None when some have no count and none has one."""
    parts = [_count_one(h) for h in group]
    known = [p for p in parts if p is not None]
    if not known:
        return None
    low = sum(p.low for p in known)
    if len(known) < len(parts) or any(p.high is None for p in known):
        return Range(low, None)
    return Range(low, sum(p.high for p in known if p.high is not None))


def _count_one(h: Token) -> Range | None:
    low = h.lower_
    of = h.head if h.dep_ == "pobj" and h.head.lower_ == "of" else None
    if of is not None and of.head.lower_ in QUANTITY_NOUNS:
        span = h.doc[left_index(of.head) : h.i + 1].text  # "a total of five militants"
        figs = [f for f in find_figures(span) if not YEAR.fullmatch(f.text)]
        if figs:
            return figs[-1].value if figs[-1].exact_number or len(figs) == 1 else figs[0].value
    if h.pos_ == "NUM" or h.like_num:
        if YEAR.fullmatch(h.text):
            return None  # "the 2022 white Nissan": a year, not a count
        span = h.doc[left_index(h) : h.i + 1].text
        figs = find_figures(span)
        return figs[-1].value if figs else None
    if low == "both" or (low == "couple" and not any(c.lower_ == "of" for c in h.rights)):
        return Range(2, 2)  # "A couple and their son" (3), not "a couple of soldiers"
    if h.pos_ == "PRON":
        return Range(1, 1) if low in SINGLE_PRONOUNS else None
    nums = [c for c in h.children if (c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.like_num))
            and not (c.i > 0 and h.doc[c.i - 1].lower_ in SCHOOL_YEARS)]  # (not "a Grade nine student")
    if not nums:
        # "Three Southern Transitional Council (STC) fighters": the number opens a name before the noun
        first = h.doc[left_index(h)]
        named = [c for c in h.lefts if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]
        if named and first.dep_ == "nummod" and first.like_num and first.head in named:
            nums = [first]
    if nums:
        span = h.doc[left_index(h) : h.i].text
        figs = [f for f in find_figures(span) if not AGE.search(span[f.start : f.end + 9])
                and not YEAR.fullmatch(f.text)]
        if figs:
            return figs[-1].value
    vague = [f for f in find_figures(h.doc[left_index(h) : h.i + 1].text) if not f.exact_number]
    if vague:
        return vague[-1].value
    plural = h.tag_ in ("NNS", "NNPS") or (low.endswith("s") and h.tag_ != "NNP" and not low.endswith("ss"))
    if plural:
        return None
    return Range(1, 1)  # "a farmer", "the village head", "Commissioner Languren", "a 16-year-old"


def left_index(h: Token) -> int:
    left = [t.i for c in h.lefts for t in c.subtree]
    return min(left) if left else h.i


def listed_after(h: Token) -> list[Token]:
    """ "a man, his wife and their child": the parse hangs the rest of a list on one person as an
    apposition; it is more people (not "two people, a man and his son": the two, named)."""
    if h.tag_ != "NN" or any(c.dep_ == "nummod" for c in h.children):
        return []
    out: list[Token] = []
    for a in h.children:
        if a.dep_ == "appos" and a.pos_ == "NOUN" and a.conjuncts \
                and any(c.dep_ in ("poss", "det") for c in a.children):
            out += [a, *a.conjuncts]
    return out


def in_dashed_breakdown(t: Token) -> bool:
    """Is `t` between two dashes that open right after a counted noun ("two children - a girl
    and a boy -")?"""
    dashes = [x.i for x in t.doc if x.text in ("-", "–", "—", "--") and x.whitespace_]
    opened = [i for i in dashes if i < t.i]
    if not opened or not any(i > t.i for i in dashes) or opened[-1] == 0:
        return False
    counted = t.doc[opened[-1] - 1]
    return counted.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in counted.children)


def same_person_again(t: Token) -> bool:
    """A coordinated bare noun that describes the person before it again: "and former member" (no
    article, number or possessive of its own)."""
    kids = list(t.children)
    if t.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in kids):
        return False
    if any(c.dep_ == "amod" and c.lower_ in ("former", "retired") for c in kids):
        return True
    # "A Palestinian teacher and activist was shot dead": one person, told by a singular verb
    h = t.head
    verb = h.head if h.tag_ == "NN" and h.dep_ in ("nsubj", "nsubjpass") else None
    return verb is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has")
                                    for c in verb.children)


def names_of_count(h: Token) -> list[Token]:
    """The names set after a count, as many as it counts ("Two commandos, Wangkhem Somorjit and
    Takhellambam Saileshwor, were killed", "Two of them, Head Constable Zarif Khan and Constable
    Asmatullah, died"): who the count is, not more people; [] otherwise."""
    after = max([h.i] + [t.i for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                         for t in c.subtree]) + 1
    nxt = h.doc[after] if after < len(h.doc) else None  # (after "of them")
    num = h if h.pos_ == "NUM" else next((c for c in h.children if c.dep_ == "nummod"), None)
    if num is None or nxt is None or nxt.text != ",":
        return []
    named = [t for t in h.conjuncts if t.i > h.i]
    if not named or not all(t.pos_ == "PROPN" for t in named):
        return []
    counted = find_figures(num.text)
    n = counted[0].value.low if counted and counted[0].value.low == counted[0].value.high else None
    return named if n == len(named) else []


def apposed_group(h: Token) -> list[Token]:
    """The people set beside an uncounted plural ("The latest victims, a tailor and his apprentice,"):
    they count it; [] when nothing is set beside it."""
    if not (h.tag_ in ("NNS", "NNPS") or h.lower_ in ("dead", "deceased")):
        return []
    appos = [c for c in h.rights if c.dep_ == "appos" and c.pos_ == "NOUN"]
    return [appos[0], *appos[0].conjuncts] if appos else []


def merge_adjacent(group: list[Token]) -> list[Token]:
    """Two heads side by side with no "and" between are one phrase the parser split ("A woman
    Maoist was killed"): one victim, the last noun."""
    def one_phrase(t: Token, nxt: Token) -> bool:
        dash = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else t
        if nxt.i == t.i + 2 and dash.text == "-" and not (t.whitespace_ or dash.whitespace_):
            return True  # ("a sub-leader", split by the tokenizer at its hyphen: one word)
        # ("constable Ghulam Mohammad Dar": only the name's own words between a rank and the name)
        return nxt.i > t.i and all(x.dep_ == "compound" and x.head.i == nxt.i for x in t.doc[t.i + 1 : nxt.i])

    return [t for k, t in enumerate(group) if not (k + 1 < len(group) and one_phrase(t, group[k + 1]))]


def animals(tok: Token) -> bool:
    """ "1,000 head of cattle": a count of animals."""
    return tok.lower_ == "head" and bool(ANIMALS_AFTER.match(tok.doc[tok.i + 1 : tok.i + 3].text))


ANIMALS_AFTER = re.compile(r"of\s+(?:(?:our|their|his|her|the)\s+)?(?:cattle|livestock|sheep|goats|cows"
                            r"|camels)\b", re.IGNORECASE)


def named_again(h: Token, before: Token) -> bool:
    """A name set after a person with commas only, which the parser made a second subject ("A villager,
    Kalmu Hidma, a farmer, was hacked to death"): the same person, named."""
    start = left_index(h)
    return h.pos_ == "PROPN" and before.i < start and start > 0 and h.doc[start - 1].text == "," \
        and all(x.is_punct for x in h.doc[before.right_edge.i + 1 : start])
