"""quick(): a regex with a first-character lookahead finds exactly what the original finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conflictwatch.extract import dates, numbers, places, victims
from conflictwatch.extract.quickre import (
    Occurrences,
    WordFilter,
    first_chars,
    first_words,
    quick,
    start_words,
)
from conflictwatch.extract.rules import actors, event_rules, sources

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "wire-demo.txt"

TEXTS = [
    "Air strikes killed 14 people on Monday in Douma, the Observatory said; 3 died later.",
    "KILLED, Killed, kIlLeD: twenty-two dead. Between 30 and 40 were hurt on Sept. 3.",
    "The \u212aelvin sign and the long \u017f and dotted \u0130stanbul are case variants too.",
    "No figures here at all, only words -- and a few-hyphenated-words_with_underscores.",
    "",
    "a\nb\n\nkilled\tdied\r\n",
]

PATTERNS = [
    (r"(?<![\w-])(?:killed|died|kill(?:s|ed)?)(?![\w-])", re.IGNORECASE),
    (r"kelvin|\bstanbul|long \w", re.IGNORECASE),
    (r"\b(?:sept?|october)\b\.?\s*\d+", re.IGNORECASE),
    (r"a|b\d+|(?:c|d)?e", 0),  # a top-level alternation stays one unit behind the lookahead
    (r"(?i)k\w+", 0),  # global inline flags stay first
    (r"(?:x)?(?=y)y+|[0-9]{2,}|\s+-", 0),
    (r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_matches_as_the_original(pattern: str, flags: int) -> None:
    rx = re.compile(pattern, flags)
    fast = quick(rx)
    assert fast is not rx, "these patterns all start with a known character"
    assert fast.groupindex == rx.groupindex and fast.groups == rx.groups
    for text in TEXTS:
        want = [(m.span(), m.groups()) for m in rx.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want


@pytest.mark.parametrize(
    "pattern",
    [r"a*", r"(?:x|)y?", r"[^a]b", r"(a)?\1x", r"(?i:k)x", r".x", r"(?x) a b  # comment"],
)
def test_patterns_it_cannot_read_are_left_alone(pattern: str) -> None:
    """Empty matches, negated classes, back-references, local flags, any character, verbose."""
    rx = re.compile(pattern)
    assert quick(rx) is rx
    assert first_chars(rx) is None


def test_first_chars_of_an_alternation() -> None:
    chars = first_chars(re.compile(r"\b(?:kill|die|\d+)"))
    assert chars is not None
    assert {c for c in "kd7" if re.fullmatch(chars, c)} == set("kd7")
    assert not re.fullmatch(chars, "x")


def test_the_extractors_patterns_match_as_written() -> None:
    """The patterns made quick in the extractor match what they matched before, on wire copy."""
    text = SAMPLES.read_text("utf-8")
    lines = [x for x in text.splitlines() if x.strip()] + TEXTS + ["A farmer was shot dead near the well."]
    fig, vague = numbers._patterns()
    wrapped = [fig, vague, dates.DATE_RE, places._PLACE_RE, victims._words().prefilter,
               victims._words().prefilter_manner]
    for fast in wrapped:
        prefix = fast.pattern.index("(?:")
        original = re.compile(fast.pattern[prefix + 3 : -1], fast.flags)
        assert fast.pattern.startswith("(?=[")
        hits = 0
        for line in lines:
            want = [(m.span(), m.groups()) for m in original.finditer(line)]
            assert [(m.span(), m.groups()) for m in fast.finditer(line)] == want
            hits += len(want)
        assert hits > 0


def test_place_pattern_said_to_start_at_words_capitals_and_al_finds_what_it_found() -> None:
    """`places.PLACE_RE` tells the engine first where a match may start (a word's start, a capital,
    a name's "al-"; any letter but a-z may start a name): the same matches, groups and all, as the
    pattern without that guard, on wire copy and on names glued to words, inside words, after
    hyphens and with accented capitals."""
    lines = [x for x in SAMPLES.read_text("utf-8").splitlines() if x.strip()] + TEXTS + [
        "McDonald's in Jamal-Ahmad, anti-al-Qaeda fighters near xal-Bab and bani-Walid met in Deir ez-Zor.",
        "In Aleppo; Near Idlib, outside Homs. the Gaza-based 5th al-Nusra in2Kabul, kafr-Nabl, St. Mary, Mt. Elgon",
        "In an attack, hit Mosul; struck al-Bab; north-west of Raqqa; southern Aleppo countryside; zzzal-Bab",
        "McÁlvarez in Villa de Álvarez, xÉcija and aal-Bab; Ömer in Ürümqi, tal-Abyad, jisr-Shughur",
    ]
    hits = 0
    for line in lines:
        want = [(m.span(), m.groups()) for m in places._PLACE_RE.finditer(line)]
        assert [(m.span(), m.groups()) for m in places.PLACE_RE.finditer(line)] == want, line
        hits += len(want)
    assert hits > 50


def _wrapped(p: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.IGNORECASE)


def test_occurrences_finds_patterns_hidden_behind_others() -> None:
    """A pattern matching only where an earlier one matched (same start, or inside its match)
    still counts; a pattern not in the joinable form is searched alone."""
    pats = [_wrapped(r"the army(?: spokesman)?"), _wrapped(r"the army"), _wrapped(r"army spokesman"),
            _wrapped(r"(?:the )?monitor"), _wrapped(r"\d+ killed"), re.compile(r"\bsaid\b"),
            _wrapped(r"navy"), _wrapped(r"(a)(b)c|x\w+")]
    occ = Occurrences(pats)
    for text in ["The army spokesman said 12 killed.", "the monitor", "abc", "xylophone navy-blue",
                 "", "ARMY SPOKESMAN", "The Army"]:
        want = {i for i, rx in enumerate(pats) if rx.search(text)}
        assert occ.occurring(text) == want, text
        assert occ.occurring(text, [1, 2]) == want & {1, 2}


def test_occurrences_of_the_source_and_actor_patterns_on_wire_copy() -> None:
    """The extractor's own patterns: the same answer as one search per pattern."""
    named, generic, _ = sources()
    pats = [s.regex for s in named] + [rx for rx, _, _ in generic] + [a.regex for a in actors()[0]]
    occ = Occurrences(pats)
    text = SAMPLES.read_text("utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    seen = 0
    for t in [text, *paragraphs, *TEXTS]:
        want = {i for i, rx in enumerate(pats) if rx.search(t)}
        assert occ.occurring(t) == want
        seen += len(want)
    assert seen > 20


def test_occurrences_in_ascii_texts_looked_up_by_first_word() -> None:
    """ASCII texts take the first-word look-up, others the joined scan: the same answer as one
    search per pattern either way (texts folded to ASCII, and the same with a case variant)."""
    named, generic, _ = sources()
    pats = [s.regex for s in named] + [rx for rx, _, _ in generic] + [a.regex for a in actors()[0]]
    pats += [_wrapped(r"(?:a |the |senior )*rebel (?:commander|official)s?"), _wrapped(r"\\w+ killed"),
             _wrapped(r"(?:the )?army(?= said)|u\\.n\\."), _wrapped("c\u00e1rtel|cjng"), _wrapped("\u212aill")]
    occ = Occurrences(pats)
    text = SAMPLES.read_text("utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    extra = ["The senior rebel officials said; the Army said. U.N. and CJNG", "KILL", "Killed-ill",
             "a rebel commander", "the the rebel commanders"]
    seen = 0
    for t in [text, *paragraphs, *TEXTS, *extra]:
        for variant in (t.encode("ascii", "ignore").decode(), t.encode("ascii", "ignore").decode().upper(),
                        t + " \u212aill"):
            want = {i for i, rx in enumerate(pats) if rx.search(variant)}
            assert occ.occurring(variant) == want, variant[:80]
            assert occ.occurring(variant, list(range(0, len(pats), 3))) == want & set(range(0, len(pats), 3))
            seen += len(want)
    assert seen > 40


def test_first_words() -> None:
    """The words a match may start with; None where a class, a long repeat or a character that
    IGNORECASE folds onto ASCII leaves them open."""
    assert first_words(r"(?:a |the |senior )*rebel (?:commander|official)s?", re.I) == {
        "a", "the", "senior", "rebel"}
    assert first_words(r"\b(?:the )?army(?= said)", re.I) == {"the", "army"}
    assert first_words(r"u\.n\.|un|al-nusra", re.I) == {"u", "un", "al"}
    assert first_words("c\u00e1rtel|cjng", re.I) == {"cjng"}  # no ASCII word starts with "c\u00e1"
    for open_ended in [r"\w+ killed", r"k\w*", "\u212aill", r"(?:ab)*c", r" x", r"x?"]:
        assert first_words(open_ended, re.I) is None, open_ended


def test_first_words_with_the_word_after_them() -> None:
    """With `two`, a first word the match goes on from after one space comes with the next word;
    a word followed by anything else (an apostrophe, two spaces, a hyphen, the match's end) alone."""
    assert first_words(r"(?:the )?army(?: spokesman)?", re.I, two=True) == {"the army", "army spokesman", "army"}
    assert first_words(r"turkey's army|sohr|u\.n\. officials?", re.I, two=True) == {"turkey", "sohr", "u"}
    assert first_words(r"(?:a|the)  +x|the -y|the (?:war |british-based )?monitor", re.I, two=True) == {
        "a", "the", "the war", "the british", "the monitor"}
    assert first_words(r"the\s+army", re.I, two=True) is None
    assert first_words(r" x", re.I, two=True) is None


def test_occurrences_looked_up_by_two_words_where_texts_space_them_otherwise() -> None:
    """Patterns looked up by their first two words are found wherever they match, however the
    text spaces, breaks or punctuates the words around them (one search per pattern says)."""
    pats = [_wrapped(r"(?:the )?army(?: spokesman)?"), _wrapped(r"the (?:war )?monitor"), _wrapped("sohr"),
            _wrapped(r"the  +army"), _wrapped(r"the -army"), _wrapped(r"the"), _wrapped(r"a (?:local )?official"),
            _wrapped(r"the army's (?:press office|spokesman)"), _wrapped(r"turkey's army")]
    occ = Occurrences(pats)
    assert occ._leads == {"the", "army", "a"}
    words = ["the", "army", "The", "ARMY", "spokesman", "war", "monitor", "sohr", "a", "local", "official",
             "army's", "press", "office", "turkey's", "-army", "x", "pro-army", "the_army", "2", "said"]
    seps = [" ", "  ", "\n", " - ", ", ", "-", "'", " (", "."]
    texts = [f"{a}{s}{b}{t}{c}" for a in words for b in words[:12] for c in words[:8]
             for s in seps[:4] for t in (" ", "  ", ".")]
    texts += [s.join(words) for s in seps] + ["the army", "army", "the", "Sohr said", "a  official"]
    found = 0
    for t in texts:
        want = {i for i, rx in enumerate(pats) if rx.search(t)}
        assert occ.occurring(t) == want, t
        found += len(want)
    assert found > len(texts)


def test_event_rules_screened_by_first_words_never_miss_a_match() -> None:
    """A sentence an event rule matches always passes the rule's screen (required words, and the
    words a match may start with among the sentence's start words)."""
    rules, _ = event_rules()
    assert all(r.first for r in rules)
    text = SAMPLES.read_text("utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()] + TEXTS
    hits = 0
    for s in sentences:
        for variant in (s, s.encode("ascii", "ignore").decode(), s.upper()):
            words = start_words(variant)
            assert (words is None) == (not variant.isascii())
            for r in rules:
                if r.regex.search(variant):
                    assert r.may_occur(variant.lower(), words), (r.event_type, variant)
                    hits += 1
    assert hits > 20


def test_word_filter_lets_through_every_text_the_alternation_matches() -> None:
    """WordFilter: False only where the search finds nothing; phrases, inflections and both
    boundary styles; texts or alternatives outside ASCII always pass."""
    cases = [
        (r"kill(?:s|ed)?|shot|died", r"\b(?:{})\b", r"\w+"),
        (r"took\ full\ control|attack\ on|destroyed|al-qaeda", r"(?<![\w-])(?:{})(?![\w-])", r"[\w-]+"),
        (r"\ on\ fire|blew\ up", r"(?<![\w-])(?:{})(?![\w-])", r"[\w-]+"),
    ]
    texts = [*TEXTS, "Militants took FULL control of the town.", "the attack on the base", "attack onward",
             "retook full control", "killers shot-dead", "set on fire", "Al-Qaeda fighters", "al-qaedas",
             "KILLS", "Kill\u017f", "the attack\u2009on"]
    for body, form, token in cases:
        rx, words = re.compile(form.format(body), re.IGNORECASE), WordFilter(body, token)
        assert words.exact
        filtered = 0
        for t in texts:
            if rx.search(t):
                assert words.may_match(t), (body, t)
            filtered += not words.may_match(t)
        assert filtered > len(texts) / 3  # the filter does turn texts away
    assert WordFilter("k").may_match("\u212a") and re.search(r"\bk\b", "\u212a", re.IGNORECASE)
    assert not WordFilter(r"\w+ed").exact and WordFilter(r"\w+ed").may_match("nothing")


def test_the_extractors_word_filters_agree_with_their_searches() -> None:
    """The victim prefilters and the incident verbs, on every line of the wire sample."""
    text = SAMPLES.read_text("utf-8")
    lines = [x for x in text.splitlines() if x.strip()] + TEXTS + ["A farmer was shot dead near the well."]
    w = victims._words()
    incident = event_rules()[1]
    passed = 0
    for line in lines:
        assert victims.may_have_victims(line) == bool(w.prefilter.search(line) or w.prefilter_manner.search(line))
        assert bool(incident.search(line)) == bool(incident.rx.search(line))
        passed += victims.may_have_victims(line)
    assert 0 < passed < len(lines)
