"""Text keys shared by gold validation and scoring: evidence, headline and place normalisation."""

from __future__ import annotations

import re
import unicodedata

from conflictwatch.models import normalise_text

_QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2032"


def norm_match(text: str) -> str:
    """Text as compared for evidence: case, curly/straight quotes, dashes and whitespace folded."""
    text = normalise_text(text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub("[\u2018\u2019\u201a\u201b\u2032`]", "'", text)
    return re.sub("[\u201c\u201d\u201e\u00ab\u00bb]", '"', text)


def norm_title(title: str | None) -> str:
    """Headline key for pairing gold and input articles: case, quotes and whitespace ignored."""
    t = norm_match(title or "")
    t = re.sub(f"[{re.escape(_QUOTES)}]", "", t)
    return re.sub(r"\s+", " ", t).strip()


_LOC_PREFIX = re.compile(r"^(?:the|al|el)[\s-]+")
_LOC_SUFFIX = re.compile(r"\s+(?:district|neighbou?rhood|area|quarter)$")


def norm_location(name: str | None) -> str | None:
    """Place key: case, accents, leading the/al-/el-, hyphens and district-like suffixes ignored."""
    if not name:
        return None
    s = unicodedata.normalize("NFKD", norm_match(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[\u2019'`]", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,")
    while _LOC_PREFIX.match(s):  # "the al-Qarterji" -> "Qarterji"
        s = _LOC_PREFIX.sub("", s, count=1)
    s = _LOC_SUFFIX.sub("", s)
    s = re.sub(r"[-\s]+", " ", s).strip()
    return s or None

_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|No|Rep|Sen)"
    r"|\b[A-Z]|\.[A-Za-z])\.$"
)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; "Sept. 23", "U.S. officials" and initials do not end one."""
    out, start = [], 0
    for m in _SENT_END.finditer(paragraph):
        head = paragraph[start : m.start() + 1]
        if _ABBREV.search(head):
            continue
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [x for x in out if x]


def sentence_around(text: str, fragment: str) -> str | None:
    """The sentence of `text` holding `fragment`, so a miss can be read without opening the article."""
    nf = norm_match(fragment)
    for para in re.split(r"\n\s*\n|\n", text):
        if nf not in norm_match(para):
            continue
        for sent in split_sentences(para):
            if nf in norm_match(sent):
                return re.sub(r"\s+", " ", sent).strip()
        return re.sub(r"\s+", " ", para).strip()
    return None

