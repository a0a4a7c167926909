"""Who made a claim: named sources, generic back-references and pronouns, per article.

A `Discourse` walks the article in order and remembers who spoke last, so that
"it said" and "the monitoring group also said" find their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictwatch.extract.rules import sources

_PRONOUN_SPEAKER = re.compile(
    r"\b(?:(?:he|she|it|they)\s+(?:also\s+)?(?:said|says|added|told|reported)|(?:said|says|added)\s+(?:he|she|it|they)\b)",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceMention:
    name: str | None  # canonical name; None for an unresolved generic
    kind: str | None
    start: int
    end: int
    speaking: bool  # next to a speech verb: the sentence attributes to it


def _speaking(sentence: str, start: int, end: int, speech: re.Pattern[str]) -> bool:
    after = sentence[end : end + 60]
    before = sentence[max(0, start - 40) : start]
    if _ACCORDING.search(before):
        return True
    # "the Observatory said", "SANA reported", "X, a monitoring group, said"
    m = speech.search(after)
    if m and len(re.findall(r"\w+", after[: m.start()])) <= 8:
        return True
    # "..., said the Observatory" / "told the Observatory"? (the former only)
    return bool(re.search(r"\b(?:said|says|reported|according to)\s+(?:the\s+)?$", before, re.IGNORECASE))


@dataclass
class Discourse:
    """Article-level memory of sources, for back-references."""

    article_text: str
    last_speaker: str | None = None
    last_by_kind: dict[str, str] = field(default_factory=dict)
    in_article: dict[str, str] = field(default_factory=dict)  # kind -> first named source of that kind

    def __post_init__(self) -> None:
        named, _, _ = sources()
        for src in named:
            if src.kind and src.kind not in self.in_article and src.regex.search(self.article_text):
                self.in_article[src.kind] = src.name
        # A specific source of a kind beats the generic "Rescue workers"-style catch-all.
        for src in named:
            if src.kind and src.regex.search(self.article_text) and src.name != "Rescue workers":
                self.in_article.setdefault(src.kind, src.name)
                if self.in_article[src.kind] == "Rescue workers":
                    self.in_article[src.kind] = src.name

    def mentions(self, sentence: str) -> list[SourceMention]:
        """Source mentions in the sentence, longest first where they overlap."""
        named, generic, speech = sources()
        found: list[SourceMention] = []
        for src in named:
            for m in src.regex.finditer(sentence):
                name = src.name
                if name == "Rescue workers" and "rescue" in self.in_article:
                    name = self.in_article["rescue"]
                found.append(SourceMention(name, src.kind, m.start(), m.end(), False))
        for rx, kind, fallback in generic:
            for m in rx.finditer(sentence):
                name = self.last_by_kind.get(kind) or self.in_article.get(kind) or fallback
                found.append(SourceMention(name, kind, m.start(), m.end(), False))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[SourceMention] = []
        for f in found:
            if kept and f.start < kept[-1].end:
                if (f.end - f.start) > (kept[-1].end - kept[-1].start):
                    kept[-1] = f
                continue
            kept.append(f)
        return [
            SourceMention(k.name, k.kind, k.start, k.end, _speaking(sentence, k.start, k.end, speech))
            for k in kept
        ]

    def pronoun_speaker(self, sentence: str) -> str | None:
        return self.last_speaker if _PRONOUN_SPEAKER.search(sentence) else None

    def remember(self, mentions: list[SourceMention], speaker: str | None) -> None:
        for m in mentions:
            if m.name and m.kind:
                self.last_by_kind[m.kind] = m.name
        if speaker:
            self.last_speaker = speaker
