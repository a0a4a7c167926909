"""Sentence splitting tuned for wire copy ("Sept. 22", "U.S.-led", "2 a.m.", quotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictwatch.extract.rules import load_data


@dataclass(frozen=True)
class Sentence:
    text: str
    index: int  # position in the article
    paragraph: int
    start: int  # character offset in the article text


@lru_cache(maxsize=1)
def _abbrev_re() -> re.Pattern[str]:
    abbrevs = load_data("abbreviations.yaml")["abbreviations"]
    alts = "|".join(sorted((re.escape(a) for a in abbrevs), key=len, reverse=True))
    return re.compile(rf"(?:\b(?:{alts})|\b[A-Z]\.(?:[A-Z]\.)*|\b[a-z]\.[a-z]\.)$", re.IGNORECASE)


_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """Split into paragraphs (blank lines) and sentences, keeping offsets for quoting."""
    out: list[Sentence] = []
    abbrev = _abbrev_re()
    for p_idx, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)):
        para, base = m.group(0), m.start()
        start = 0
        for b in _BOUNDARY.finditer(para):
            head = para[start : b.start()].rstrip("\"'”’)")
            if abbrev.search(head.split()[-1] if head.split() else ""):
                continue
            chunk = para[start : b.start()].strip()
            if chunk:
                out.append(Sentence(chunk, len(out), p_idx, base + start))
            start = b.end()
        chunk = para[start:].strip()
        if chunk:
            out.append(Sentence(chunk, len(out), p_idx, base + start))
    return out
