"""Name keys that make wire spellings and gazetteer romanisations meet.

Wire copy writes "al-Qaterji", "Suleimaniya", "Azaz"; GeoNames writes "Al Qāṭirjī",
"Sulaymānīyah", "I‘zāz". Three keys of decreasing strictness are computed for every
name, and lookups try them in order, so a looser key is only used when a stricter
one found nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

# Arabic definite-article forms, incl. sun-letter assimilation (ad-, ar-, as-, ash-, ...).
ARTICLES = frozenset(
    "al el il ul ad ed ar er as es ash esh at et az ez an en ath adh".split()
)
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf`´'\"’‘ʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LATIN_OK = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018-\u201f\s]+$")

# Wire/English transliteration habits folded to one spelling, applied in order.
_PHONETIC = [
    ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"),
    ("dj", "j"), ("q", "k"), ("c", "k"), ("x", "ks"), ("z", "s"), ("w", "u"), ("v", "u"),
    ("ou", "u"), ("oo", "u"), ("o", "u"), ("ee", "i"), ("ie", "i"), ("ei", "i"),
    ("ey", "i"), ("ay", "i"), ("ai", "i"), ("y", "i"), ("e", "a"),
]


def is_latin(name: str) -> bool:
    """True for names written in Latin script (diacritics allowed); others never match wire copy."""
    return bool(name) and bool(_LATIN_OK.match(name))


@lru_cache(maxsize=50_000)
def _tokens(name: str) -> tuple[str, ...]:
    text = _APOSTROPHES.sub("", name)
    if not text.isascii():
        text = unidecode(unicodedata.normalize("NFC", text))
    text = text.lower().replace("'", "")
    # "al-Bab", "el-Bab", "Al Bab", "al Bab" -> "al bab"; glued "Al-" handled as token.
    parts = [p for p in _NON_ALNUM.split(text) if p]
    return tuple(parts)


def _strip_articles(parts: tuple[str, ...]) -> list[str]:
    out = [p for i, p in enumerate(parts) if not (p in ARTICLES and i < len(parts) - 1)]
    return out or list(parts)


@lru_cache(maxsize=50_000)
def name_key(name: str) -> str:
    """Exact-tier key: ASCII, lower case, no punctuation or Arabic articles ("al-Bab" == "Al Bāb")."""
    return " ".join(_strip_articles(_tokens(name)))


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=50_000)
def phonetic_key(name: str) -> str:
    """Transliteration-tolerant key: Suleimaniya == Sulaymaniyah, Douma == Duma, Kh/Q/Gh folded."""
    return phonetic_from_key(name_key(name))


def phonetic_from_key(key: str) -> str:
    """phonetic_key from an exact-tier key (cheap: no Unicode work), for bulk index building."""
    s = _collapse(key.replace(" ", ""))
    for a, b in _PHONETIC:
        s = s.replace(a, b)
    s = _collapse(s)
    if len(s) > 3 and s.endswith("h") and s[-2] in "aiu":
        s = s[:-1]
    return s


@lru_cache(maxsize=50_000)
def skeleton_key(name: str) -> str:
    """Loosest key: first sound plus consonants (Fardous == Firdous, Azaz == Izaz); '' if too short."""
    return skeleton_from_phonetic(phonetic_key(name))


def skeleton_from_phonetic(s: str) -> str:
    """skeleton_key from a phonetic key, for bulk index building."""
    if not s:
        return ""
    head = "a" if s[0] in "aiu" else s[0]
    rest = "".join(ch for ch in s[1:] if ch not in "aiuh")
    out = head + rest
    return out if len(out) >= 3 else ""
