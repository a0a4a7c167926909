"""The rule loader: required-word prefilters must never hide a match."""

from __future__ import annotations

import json
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
