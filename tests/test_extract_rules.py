"""The rule loader: required-word prefilters must never hide a match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conflictwatch.extract import extract_claims, rules
from conflictwatch.models import Article

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        ("syrian observatory(?: for human rights)?", "observatory"),
        ("civil defen[cs]e(?: workers?)?", "civil"),
        (r"\bwho\b(?= said)", "who"),
        ("(?:a |the )?(?:medical|hospital) sources?", "source"),
        ("(?:medical|hospital) (?:sources?|officials?)", None),
        ("state media|state tv", None),  # alternatives at the top: no single word
    ],
)
def test_required_literal(pattern: str, word: str | None) -> None:
    assert rules.required_literal(pattern) == word


def test_prefilter_changes_no_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction with the word prefilter equals extraction that searches every pattern."""
    articles = []
    for f in sorted((REPO / "gold").glob("*.yaml")):
        for a in yaml.safe_load(f.read_text("utf-8"))["articles"]:
            if a.get("text"):
                articles.append(Article(text=a["text"], title=a["title"], published=a.get("published")))

    def run() -> list[str]:
        return [json.dumps(c.to_record(), default=str) for a in articles for c in extract_claims(a)]

    fast = run()
    monkeypatch.setattr(rules.Named, "may_occur", lambda self, text: True)
    assert run() == fast
    assert len(fast) > 100


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("(?:medical|hospital) (?:sources?|officials?)", {"medical", "hospital"}),  # the longer set
        ("(?:a |the )?(?:relatives?|family members?)(?= said| says)", {"relative", "family member"}),
        ("state media|state tv", {"state "}),  # the branches' common start
        (r"\bun(?: officials?| spokesman)\b", {"official", "spokesman"}),
        ("(?<=according to )(?:relatives|family)", {"according to "}),  # a lookbehind's text is there too
        (r"\w+ killed", {" killed"}),
        (r"k\w*", None),
        ("ab(?:cd)?", None),  # too short, and optional
        (r"(?!killed)\w+", None),  # a negative lookahead holds nothing
        ("(?i:killed)", None),  # local flags: not read
    ],
)
def test_required_words(pattern: str, words: set[str] | None) -> None:
    """Strings one of which every match holds, for alternatives `required_literal` cannot tell."""
    got = rules.required_words(pattern, re.IGNORECASE)
    assert (None if got is None else set(got)) == words
    rx = re.compile(pattern, re.IGNORECASE)
    for text in ["the medical officials", "A Family Member says", "state TV", "UN spokesman", "un",
                 "according to relatives", "five were killed", "kk", "abcd"]:
        if words is not None and rx.search(text):
            assert any(w in text.lower() for w in words), (pattern, text)


def test_every_source_actor_and_event_pattern_is_screened_and_never_misses_a_match() -> None:
    """With the groups' words (`required_words`), no source, actor or event rule is searched in a
    sentence that holds none of its words; and a sentence any of them matches, as written or in
    capitals, always passes its screen (every line of the wire sample and of the gold articles)."""
    named, generic, _ = rules.sources()
    screened = [*named, *rules.actors()[0]]
    assert all(n.literals for n in screened) and all(r.literals for r in rules.event_rules()[0])
    medical = next(n for n in named if n.name == "Medical sources")
    assert not medical.may_occur("shelling killed five people in the town on monday")
    assert medical.may_occur("the hospital's director said")
    lines = [x for x in (REPO / "samples" / "wire-demo.txt").read_text("utf-8").splitlines() if x.strip()]
    for f in sorted((REPO / "gold").glob("*.yaml")):
        lines += [a["text"] for a in yaml.safe_load(f.read_text("utf-8"))["articles"] if a.get("text")]
    hits = 0
    for line in lines:
        for text in (line, line.upper()):
            low = text.lower()
            for n in screened:
                if n.regex.search(text):
                    assert n.may_occur(low), (n.name, text[:80])
                    hits += 1
            for r in rules.event_rules()[0]:
                if r.regex.search(text):
                    assert r.may_occur(low), (r.sub_event_type, text[:80])
                    hits += 1
    assert hits > 200
