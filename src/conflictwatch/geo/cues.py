"""Which country a text names, from its words alone (no gazetteer): names, demonyms, groups.

The extractor uses it to scope actors and sources ("the army said" in a Helmand story is the
Afghan army, not Syria's); the geocoder adds the places the gazetteer knows (geo/country.py).
Cues: country names and aliases (data/countries.tsv, GeoNames), demonyms, armed groups and
administrative words of one country (data/country_cues.yaml, half weight for groups and words).
The headline and first sentences (the lead) count double; the dateline names the bureau, not
the country, and is left out.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from conflictwatch.datafiles import load_data
from conflictwatch.geo.gazetteer import country_names, data_path
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Article

LEAD_CHARS = 400  # the headline and the first sentence or two
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
LEAD_WEIGHT = 2.0


@dataclass(frozen=True)
class _Cues:
    names: dict[str, str]  # name key -> country code (names and aliases, demonyms)
    weak: dict[str, str]  # name key -> country code (groups, terms: half weight)
    by_words: dict[tuple[str, ...], str]  # a cue's lower-cased words -> the cue
    lengths: dict[str, tuple[int, ...]]  # a cue's first word -> the lengths of cues it starts, longest first


def fold(word: str) -> str:
    """A word as the cue scan compares it: lower case, but a short word in capitals keeps them ("US",
    "CAR" are countries; "us" in "Nobody is helping us" and a "car" are not)."""
    return word if len(word) <= 3 and word.isupper() else word.lower()


@lru_cache(maxsize=1)
def cues_table() -> _Cues:
    names: dict[str, str] = {}
    aliases: list[str] = []
    for cc, n in country_names().items():
        names[name_key(n)] = cc
    with data_path("countries.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
                names.setdefault(name_key(alias), row["iso2"])
                aliases.append(alias)  # "Burma", "DR Congo", "eastern Congo": scanned like the names
    weak: dict[str, str] = {}
    data: dict[str, Any] = load_data("country_cues.yaml") or {}
    texts: list[str] = [*country_names().values(), *aliases]
    for cc, entry in data.items():
        full = ("demonyms", "places", "outlets")
        for d in [w for key in full for w in (entry or {}).get(key) or []]:
            names.setdefault(name_key(d), str(cc))
            texts.append(d)
        for key in ("groups", "terms"):
            for g in (entry or {}).get(key) or []:
                # (a word two countries use, "tehsil" in India and Pakistan, votes for neither)
                weak[name_key(g)] = "" if weak.get(name_key(g), cc) != cc else str(cc)
                texts.append(g)
    # Cues by their words, lower-cased: a text is scanned word by word, longest cue first.
    by_words = {tuple(map(fold, _WORD.findall(t))): t for t in texts if t}
    starts: dict[str, set[int]] = {}
    for k in by_words:
        if k:
            starts.setdefault(k[0], set()).add(len(k))
    lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in starts.items()}
    return _Cues(names, weak, by_words, lengths)


def article_text(article: Article) -> tuple[str, int]:
    """Headline and body without the dateline, and where the lead ends in it."""
    title = article.title or ""
    cut = _dateline_end(article)
    body = article.text or ""
    if cut is not None:
        body = " " + body[cut:]
    return f"{title}\n{body}", len(title) + 1 + LEAD_CHARS


def _dateline_end(article: Article) -> int | None:
    """Where the dateline opening the body ends (it names the bureau), or None."""
    if not article.dateline:
        return None
    m = re.match(rf"\s*{re.escape(article.dateline)}\b", article.text or "", flags=re.IGNORECASE)
    return m.end() if m else None


def text_votes(text: str, lead_end: int = LEAD_CHARS) -> Counter[str]:
    """Weights per ISO code from the country cues in `text` (a new Counter: callers add to it)."""
    return Counter(_text_votes(text, lead_end))


def article_votes(article: Article) -> Counter[str]:
    """`text_votes(*article_text(article))` (the geocoder's text: headline, body without the
    dateline), reusing the scan of the body the extractor made (`text_country(None, body)`): the
    headline's words are scanned, then the body's cues are taken from that scan from the first
    word where the two scans meet. Same votes, in the same order; ~0.5 ms an article less."""
    body = article.text or ""
    cut = _dateline_end(article) or 0
    whole = _scan_of("\n" + body)  # the extractor's text: the same words as the body's
    # the body's words from the cut on: those of the whole body that start after it, unless the
    # dateline ends inside a word ("X'" + "s"), when the headline's text is scanned as it is
    before = _WORD.findall(body, 0, cut) if cut else []
    if before and len(before[-1]) != len(whole.raw[len(before) - 1]):
        return text_votes(*article_text(article))
    j = len(before)
    title = [_POSSESSIVE.sub("", fold(w)) for w in _WORD.findall(article.title or "")]
    lead = len(title) + len(_WORD.findall(body, 0, cut + LEAD_CHARS - 1 if cut else LEAD_CHARS)) - j
    words = title + whole.words[j:]
    return Counter(_votes(words, _scan(words, None, whole, len(title), j - len(title)), lead))


@dataclass(frozen=True)
class _Scan:
    raw: list[str]  # the text's words
    words: list[str]  # lower-cased
    hits: list[tuple[int, int, str]]  # (word index, words, cue) of each cue the scan found
    looked: bytearray  # 1 at each word where the scan looked for a cue (not inside a hit)


@lru_cache(maxsize=8)
def _scan_of(text: str) -> _Scan:
    raw = _WORD.findall(text)
    # "North Waziristan's Mir Ali": the possessive is the place's name too (_POSSESSIVE, read
    # without a regex per word: a word holds no line break, so `$` is its end)
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in map(fold, raw)]
    looked = bytearray(len(words))
    return _Scan(raw, words, _scan(words, looked), looked)


def _scan(words: list[str], looked: bytearray | None = None, known: _Scan | None = None, start: int = 0,
          shift: int = 0) -> list[tuple[int, int, str]]:
    """(word index, words, cue) of the cues in `words`, longest first, left to right; `looked`
    marks where it looked. `known`: a scan of words that equal these from index `start` on
    (`words[i] == known.words[i + shift]`): once this scan looks at such a word where `known`
    looked too, the rest is `known`'s (what the scan finds from a word depends only on the words
    from there on)."""
    cues = cues_table()
    hits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        if known is not None and i >= start and known.looked[i + shift]:
            hits += [(k - shift, n, cue) for k, n, cue in known.hits if k >= i + shift]
            break
        if looked is not None:
            looked[i] = 1
        # only the lengths of the cues this word starts (most words start none): the scan stays
        # linear in the text, not in the text times the longest cue
        for n in cues.lengths.get(words[i], ()):
            if i + n > len(words):
                continue
            cue = cues.by_words.get(tuple(words[i : i + n]))
            if cue is None:
                continue
            hits.append((i, n, cue))
            i += n - 1
            break
        i += 1
    return hits


@lru_cache(maxsize=8)  # extractor and geocoder: the same text when an article has no headline or dateline
def _text_votes(text: str, lead_end: int) -> Counter[str]:
    scan = _scan_of(text)
    return _votes(scan.words, scan.hits, len(_WORD.findall(text, 0, lead_end)))  # words starting in the lead


def _votes(words: list[str], hits: list[tuple[int, int, str]], lead: int) -> Counter[str]:
    cues = cues_table()
    forces = _force_nouns()
    votes: Counter[str] = Counter()
    acting: Counter[str] = Counter()  # the part of `votes` from nationalities of forces
    far: Counter[str] = Counter()  # the nationality of strikes from afar: no evidence at all
    for i, n, cue in hits:
        k = name_key(cue)
        weight = LEAD_WEIGHT if i < lead else 1.0
        if k in cues.names:
            votes[cues.names[k]] += weight
            if _fired_from(words, i, n) or _based_in(words, i):
                far[cues.names[k]] += weight
            else:
                acting[cues.names[k]] += weight * _not_where(words, i, n, forces)
        elif cues.weak.get(k):
            votes[cues.weak[k]] += weight / 2
    if far:
        # ("Israeli strikes killed four soldiers near al-Mazra'a, west of Suwayda": not Israel's Mazra'a)
        votes.subtract(far)
        for cc in far:
            if votes[cc] <= 0:
                del votes[cc]
    if len(votes) > 1:
        # Between two countries, a force's nationality ("Russian troops shelled Toretsk") is more
        # who acts than where: it counts half. An article about one country keeps every vote.
        votes.subtract(acting)
    return votes


@lru_cache(maxsize=8)
def acting_votes(text: str, lead_end: int) -> Counter[str]:
    """What `_votes` takes off between two countries (half of a force's nationality, all of the
    country attackers came from or across a border), for callers that find the second country later
    (a town's name: "Russian troops killed two civilians in Vuhledar"); what it takes off always (the
    nationality of strikes from afar) is off already."""
    scan = _scan_of(text)
    lead = len(_WORD.findall(text, 0, lead_end))
    cues, forces = cues_table(), _force_nouns()
    acting: Counter[str] = Counter()
    for i, n, cue in scan.hits:
        k = name_key(cue)
        if k in cues.names and not _fired_from(scan.words, i, n) and not _based_in(scan.words, i) \
                and (off := _not_where(scan.words, i, n, forces)):
            acting[cues.names[k]] += (LEAD_WEIGHT if i < lead else 1.0) * off
    return acting


def _not_where(words: list[str], i: int, n: int, forces: frozenset[str]) -> float:
    """How much of the cue at words[i:i+n] says who acts rather than where: all of it for where
    attackers came from ("crossed from Congo") and for the country across a border ("near the border
    with Mali"), half for a force's nationality ("Russian troops")."""
    across = " ".join(words[max(0, i - 3) : i]).endswith(("border with", "border with the"))
    if across or _from_abroad(words, i):
        return 1.0
    return 0.5 if _acting(words, i, n, forces) else 0.0


def _fired_from(words: list[str], i: int, n: int) -> bool:
    """Is the cue the nationality of what strikes from afar ("Israeli strikes", "Turkish shells")? They
    land in another country as often as not: no evidence of where at all, even alone (not "Mali: drone
    strike kills 21", a headline's label: a demonym only)."""
    after = words[i + n] if i + n < len(words) else ""
    return after in _remote_nouns() and name_key(" ".join(words[i : i + n])) in _demonyms()


_BASES = (("based", "in"), ("exile", "in"), ("exiled", "in"), ("living", "in"), ("lives", "in"))


def _based_in(words: list[str], i: int) -> bool:
    """Is the cue where a speaker lives ("said an activist based in Germany", "a journalist in exile in
    France")? No evidence of where it happened."""
    return tuple(words[max(0, i - 2) : i]) in _BASES


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    data: dict[str, Any] = load_data("country_cues.yaml") or {}
    return frozenset(name_key(d) for entry in data.values() for d in (entry or {}).get("demonyms") or [])


@lru_cache(maxsize=1)
def _remote_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("remote_force_nouns", []))


@lru_cache(maxsize=1)
def _crossing_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("crossing_verbs", []))


def _from_abroad(words: list[str], i: int) -> bool:
    """Is the cue at words[i] where attackers came from: "crossed from (the) X", "sneaked in from X",
    "from across the border in X"?"""
    before = words[max(0, i - 5) : i]
    if before and before[-1] == "the":
        before = before[:-1]
    if len(before) < 2 or before[-1] not in ("from", "in"):
        return False
    if before[-1] == "in":  # "from across the border in Somalia"
        return before[-2:-1] == ["border"] and "across" in before
    verbs = _crossing_verbs()
    # ("Turkana raiders from Kenya attacked kraals in Kaabong District": the raiders' home)
    return any(w in verbs for w in before[-3:-1]) or before[-2] in _raider_nouns()


@lru_cache(maxsize=1)
def _raider_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("raider_nouns", []))


@lru_cache(maxsize=1)
def _force_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("force_nouns", []))


def _acting(words: list[str], i: int, n: int, forces: frozenset[str]) -> bool:
    """Is the cue at words[i:i+n] the nationality of a force: "Russian troops", "troops of the
    Russian Federation"?"""
    if i + n < len(words) and words[i + n] in forces:
        return True
    before = words[max(0, i - 3) : i]
    return len(before) >= 2 and before[-1] in ("of", "the") and any(w in forces for w in before[:-1])


def clear(votes: Counter[str] | dict[str, float], least: float = 2.0, lead: float = 1.5) -> str | None:
    """The country when it leads clearly: at least `least`, and `lead` times the runner-up."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] < lead * ranked[1][1]:
        return None
    return ranked[0][0]


def text_country(title: str | None, text: str) -> str | None:
    """ISO code of the country a text is clearly about, from its words alone."""
    whole = f"{title or ''}\n{text}"
    return clear(text_votes(whole, len(title or "") + 1 + LEAD_CHARS))


def adjective(cc: str | None) -> str | None:
    """How names of the country's institutions start ("PH" -> "Philippine", "NG" -> "Nigerian"):
    `adjective` in data/country_cues.yaml, else its first demonym."""
    entry = (load_data("country_cues.yaml") or {}).get(cc or "") or {}
    if entry.get("adjective"):
        return str(entry["adjective"])
    names = entry.get("demonyms") or []
    return str(names[0]) if names else None
