"""Country votes: the word scan (findall, lead counted in words) and its cache give the votes of a
plain scan that keeps each word's offset, and callers get their own Counter."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conflictwatch.geo.cues import (
    _WORD,
    LEAD_CHARS,
    LEAD_WEIGHT,
    _acting,
    _force_nouns,
    cues_table,
    text_country,
    text_votes,
)
from conflictwatch.geo.normalize import name_key

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "wire-demo.txt"


def _plain_votes(text: str, lead_end: int) -> Counter[str]:
    """The scan as first written: every word with its offset, the lead judged by offset."""
    cues = cues_table()
    votes: Counter[str] = Counter()
    acting: Counter[str] = Counter()
    words = [(m.group(0).lower(), m.start()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        for n in cues.lengths.get(words[i][0], ()):
            cue = cues.by_words.get(tuple(w for w, _ in words[i : i + n])) if i + n <= len(words) else None
            if cue is None:
                continue
            k = name_key(cue)
            weight = LEAD_WEIGHT if words[i][1] < lead_end else 1.0
            if k in cues.names:
                votes[cues.names[k]] += weight
                if _acting([w for w, _ in words], i, n, _force_nouns()):
                    acting[cues.names[k]] += weight / 2
            elif k in cues.weak:
                votes[cues.weak[k]] += weight / 2
            i += n - 1
            break
        i += 1
    if len(votes) > 1:
        votes.subtract(acting)
    return votes


def test_votes_equal_the_plain_scan() -> None:
    text = SAMPLES.read_text("utf-8")
    cases = [(text, LEAD_CHARS), (text, 0), (text, 10**6), ("", LEAD_CHARS)]
    # the lead ending inside a word, inside "Nigeria's", and just after a multi-word cue
    head = "Gunmen in Borno State, Nigeria’s northeast, and in South Sudan's Jonglei killed 9; Syria"
    cases += [(head, cut) for cut in range(len(head) + 1)]
    for t, lead_end in cases:
        assert text_votes(t, lead_end) == _plain_votes(t, lead_end)
    assert sum(_plain_votes(head, LEAD_CHARS).values()) > 0


def test_each_caller_gets_its_own_votes() -> None:
    """The extractor and the geocoder may ask for the same text: the cached votes stay as computed
    whatever one caller adds to its copy."""
    text = "Air strikes hit Idlib in northwest Syria, Syrian state media said."
    first = text_votes(text)
    first["XX"] += 5
    second = text_votes(text)
    assert "XX" not in second and second == _plain_votes(text, LEAD_CHARS)
    assert text_country(None, text) == "SY"


def test_a_nationality_that_acts_counts_half() -> None:
    """ "Russian troops shelled Toretsk": the nationality of the force is weaker evidence of where
    it happened than a plain mention; a group of the country itself keeps its weight."""
    body = "The town in Ukraine was shelled again. " * 5
    acting = text_votes(body + "Russian troops fired on it. Troops of the Russian Federation advanced.")
    plain = text_votes(body + "A Russian man lived there. He had come from the Russian Federation.")
    assert acting["RU"] == plain["RU"] / 2 > 0
    # an article about one country keeps its army's votes ("an Iraqi army officer said")
    alone = text_votes("An Iraqi army officer said four soldiers were killed near Tob Zawa on Monday.")
    assert alone["IQ"] == text_votes("An Iraqi officer said four soldiers were killed near Tob Zawa.")["IQ"]
    assert text_votes(body + "Ambazonia fighters attacked.")["CM"] == text_votes(body + "Ambazonia attacked.")["CM"] > 0
