"""Curly quotes to straight ones, one character for one: the patterns are written with straight
quotes, and offsets found in the straightened text still point into the original."""

from __future__ import annotations

# Curly quotes to straight ones, one character for one, so offsets still point into the text.
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_STRAIGHT = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))


def straight_quotes(text: str) -> str:
    """`text.translate(QUOTES)`: the same text, made with `replace` (translate looks every character
    up in the table once a text holds one outside ASCII: 0.4 ms for a 4,000-character article with
    curly quotes, against a few microseconds)."""
    if text.isascii():
        return text
    for curly, plain in _STRAIGHT:
        text = text.replace(curly, plain)
    return text
