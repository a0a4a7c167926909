"""Organisations that speak named as written ("JNIM said", "the Asayish said"), and the acronyms an
article spells out: "the Defence Headquarters (DHQ) said ... DHQ added" is one source, named in full
(a source kept as written was "DHQ" in one sentence and the full name in the next)."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.extract.quickre import quick
from conflictwatch.extract.rules import load_data

# "the Defence Headquarters (DHQ)", "Inter-Services Public Relations (ISPR)": capitalised words (with
# small joining words between them), then the acronym in brackets
_SPELLED = re.compile(
    r"\b((?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|the|and|for|on|de|du|des|la|del|al)\s+)*[A-Z][\w'’-]*){1,7})"
    r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)"
)


def spelled_out(text: str) -> dict[str, str]:
    """Acronym -> the name it stands for, where the article gives both and the letters agree (the
    acronym's letters in order in the name, the first one its first word's: "DHQ" for "Defence
    Headquarters")."""
    out: dict[str, str] = {}
    for m in _SPELLED.finditer(text):
        name, short = m.group(1), m.group(2).upper()
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
        for k in range(len(words) - 1):
            if words[k][0].upper() == short[0] and _in_order(short, " ".join(words[k:]).upper()) \
                    and len(words) - k <= len(short) + 1:
                full = re.sub(r"^(?:The|A)\s+", "", name[name.index(words[k]):])
                out.setdefault(m.group(2), re.sub(r"['’]s$", "", full))
                break
    return out


def _in_order(letters: str, text: str) -> bool:
    rest = iter(text)
    return all(ch in rest for ch in letters)


# "JNIM", "CDF-Kanpetlet", "Myohla-PDF" (a group's local branch, as Myanmar's resistance names them)
_ACRONYM = quick(re.compile(r"(?<![\w-])(?:[A-Z][a-z]+-)?[A-Z]{3,7}(?:-[A-Z][a-z]+)?(?![\w-])"))


_ORG_NOUN = r"(?:group|organi[sz]ation|network|monitor|observatory|channel|newspaper|agency|project|NGO)"
_THE_NAME_SAID = re.compile(
    # ("the Emergency Lawyers group reported": a head noun in lower case may follow the name)
    # ("the Ministry of Information said", "the Strategic Framework for the Defence of the People of
    # Azawad (CSP-DPA) said": small words inside the name, its acronym after it)
    rf"\b(?i:the) ((?:[A-Z][\w'’-]+ (?:(?:of|for|and|the|on) ){{0,2}}){{0,6}}[A-Z][\w'’-]+)"
    rf"(?= (?:\([A-Z][\w-]{{1,9}}\) )?(?:{_ORG_NOUN} )?(?:also )?(?:said|says|told"
    r"|reported|announced|claimed|confirmed|added)\b)"
    # "according to the Karenni Nationalities Defence Force", "according to the camp's Emergency
    # Response Room": the same, named after the verb
    r"|\baccording to the (?:[a-z]+['’]s )?((?:[A-Z][\w'’-]+ ){0,4}[A-Z][\w'’-]+)"
    # "According to Cabo Ligado, a conflict observatory,": a name an appositive calls an organisation
    rf"|\b(?i:according to) ((?:[A-Z][\w'’-]+ ){{0,4}}[A-Z][\w'’-]+)"
    rf"(?=, (?:a|an|the) [\w\s-]{{0,40}}?{_ORG_NOUN}\b)"
)


def the_name_said(sentence: str) -> list[tuple[int, int, str]]:
    """ "the Asayish said", "the Kremlin said": a name with "the" before it that speaks is an
    institution or a group (a person has no article), kept as written."""
    out = []
    for m in _THE_NAME_SAID.finditer(sentence):
        g = next(k for k in (1, 2, 3) if m.group(k))
        placed = _PLACE_BEFORE.search(sentence, 0, m.start())  # "an analyst in the LakeChad reported"
        if m.group(g).upper() not in _not_acronym_sources() and not placed:
            # ("the Al-Qaeda-linked Al-Shabaab group": the group, not its ties)
            tie = _TIES.match(m.group(g))
            start = m.start(g) + (tie.end() if tie else 0)
            if _ONLY_WHOSE.fullmatch(sentence[start : m.end(g)]) and _LOWER_NEXT.match(sentence, m.end(g)):
                continue  # "according to the Palestinian health ministry", "the Houthi-run health
                # ministry": whose the body is, before its noun (the noun's own pattern names it)
            out.append((start, m.end(g), sentence[start : m.end(g)]))
    return out


_LOWER_NEXT = re.compile(r"\s+(?!(?:said|says|told|reported|announced|claimed|confirmed|added)\b)[a-z]")
_ONLY_WHOSE = re.compile(
    r"[A-Z][\w'’]*(?:an|ian|ese|i|ish|-run|-led|-installed|-backed|-held|-controlled)|Gaza")
_TIES = re.compile(r"(?:[\w'’-]+-(?:linked|backed|led|allied|affiliated|aligned|based|run)\s+)+")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|of|across|around|to|into)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _not_acronym_sources() -> frozenset[str]:
    return frozenset(w.upper() for w in load_data("sources.yaml").get("not_acronym_sources", []))


def acronym_mentions(sentence: str) -> list[tuple[int, int, str]]:
    """ "JNIM said", "according to OCHA": an acronym is an organisation, as written (the speech
    check in `mentions` decides whether it spoke)."""
    skip = _not_acronym_sources()
    return [(m.start(), m.end(), m.group(0)) for m in _ACRONYM.finditer(sentence) if m.group(0) not in skip
            and (not _LABEL.match(sentence, m.end()) or sentence[: m.start()].strip(" *•-"))]


# "KEBBI: Troops said ...": a round-up item's place in capitals, not an organisation
_LABEL = re.compile(r"\s*(?::|\s[-–—]{1,2})\s")
