"""Country votes: the word scan (findall, lead counted in words) and its cache give the votes of a
plain scan that keeps each word's offset, and callers get their own Counter."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from conflictwatch.geo.cues import (
    _WORD,
    LEAD_CHARS,
    LEAD_WEIGHT,
    _acting,
    _fired_from,
    _force_nouns,
    _from_abroad,
    _scan_of,
    article_text,
    article_votes,
    cues_table,
    text_country,
    text_votes,
)
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Article

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "wire-demo.txt"


def _plain_votes(text: str, lead_end: int) -> Counter[str]:
    """The scan as first written: every word with its offset, the lead judged by offset."""
    cues = cues_table()
    votes: Counter[str] = Counter()
    acting: Counter[str] = Counter()
    far: Counter[str] = Counter()  # the nationality of strikes from afar ("Israeli strikes"): never evidence
    # a possessive is the place's name too ("North Waziristan's Mir Ali")
    words = [(re.sub(r"['’]s$", "", m.group(0).lower()), m.start()) for m in _WORD.finditer(text)]
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
                if _fired_from([w for w, _ in words], i, n):
                    far[cues.names[k]] += weight
                elif _from_abroad([w for w, _ in words], i):
                    acting[cues.names[k]] += weight
                elif _acting([w for w, _ in words], i, n, _force_nouns()):
                    acting[cues.names[k]] += weight / 2
            elif k in cues.weak:
                votes[cues.weak[k]] += weight / 2
            i += n - 1
            break
        i += 1
    for cc, w in far.items():
        votes[cc] -= w
        if votes[cc] <= 0:
            del votes[cc]
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


def test_the_geocoders_votes_reuse_the_extractors_scan() -> None:
    """`article_votes` (headline + body without the dateline) takes the body's cues from the scan
    of the body alone: the same votes in the same order as scanning the geocoder's text, whether
    the body was scanned before or not, with a cue across headline and body, and with a dateline
    that ends inside a word."""
    text = SAMPLES.read_text("utf-8")
    cases = [
        Article(text=text, title="Syria: Russian troops shell Idlib", dateline=text.split()[0]),
        Article(text=text, title=None),
        Article(text="DAMASCUS - South Sudan's army and Nigerian troops met. " * 3, title="Clashes in Juba",
                dateline="Damascus"),
        Article(text="Sudan army said Russian troops of the Russian Federation left Syria.", title="South"),  # one cue
        Article(text="KABUL'S Afghan forces and the Taliban fought in Iraq.", title="Iraq", dateline="KABUL'"),
    ]
    for a in cases:
        for scanned_first in (False, True):
            _scan_of.cache_clear()
            if scanned_first:
                text_votes("\n" + a.text, 1 + LEAD_CHARS)
            got = article_votes(a)
            assert list(got.items()) == list(text_votes(*article_text(a)).items())
            assert list(got.items()) == list(_plain_votes(*article_text(a)).items())
    assert article_votes(cases[3])["SS"] > 0  # the headline's "South" and the body's "Sudan"


def test_the_country_attackers_came_from_is_no_evidence_between_two() -> None:
    """'Gunmen who crossed from the Democratic Republic of Congo killed five in Bundibugyo': where they
    came from is not where they struck (a Ugandan story's 'the army said' became Congo's army)."""
    text = ("BUNDIBUGYO, Uganda — Gunmen who crossed from the Democratic Republic of Congo killed five "
            "villagers in Bundibugyo district on Tuesday night, the army said.")
    assert text_country(None, text) == "UG"
    across = "Militants from across the border in Afghanistan attacked a post in Chitral, Pakistan."
    assert text_votes(across)["AF"] == 0 and text_country(None, across) == "PK"
    # a country alone keeps its vote: nothing else says where
    assert text_country(None, "Gunmen who crossed from Afghanistan killed two soldiers on Monday.") == "AF"


def test_the_nationality_of_strikes_from_afar_is_no_evidence_even_alone() -> None:
    """"Israeli strikes killed four soldiers near al-Mazra'a": who fired, not where it landed (Israel's
    own Mazra'a had taken the claim); a country's name as a headline's label before "drone strike" is
    still the country ("Mali: drone strike kills 21")."""
    assert text_votes("Israeli strikes killed four soldiers near the village of Al-Mazra'a on Monday.")["IL"] == 0
    assert text_votes("Israeli troops killed four soldiers near the village of Al-Mazra'a on Monday.")["IL"] > 0
    assert text_country("Mali: drone strike kills 21 civilians", "At least 21 civilians were killed.") == "ML"
