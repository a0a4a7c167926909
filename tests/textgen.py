"""Hypothesis strategies for hostile and wire-like text, shared by the property and fuzz tests.

The fragments are our own writing in wire style; mixed with arbitrary Unicode (control
characters, invisible marks, right-to-left text, lone combining marks) they make text that is
partly plausible, so the rules behind the cheap early exits get exercised too.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

FRAGMENTS = [
    "BEIRUT (Reuters) -", "MOSUL, Iraq (AP) —", "KABUL —", "Air strikes killed", "at least", "more than",
    "nearly", "up to", "between", "and", "dozens of", "several hundred", "people", "civilians",
    "children", "fighters", "soldiers", "were killed", "were wounded", "died", "in", "the town of",
    "Aleppo", "Mosul", "al-Kalaseh", "Idlib province", "northern Aleppo countryside", "Maiduguri",
    "on Monday", "on Thursday night", "overnight", "last week", "yesterday", "on Oct. 3", "Sept. 22, 2016",
    "12 October 2016", "the Syrian Observatory for Human Rights said", "the army said", "it said",
    "according to the health ministry", "Islamic State", "rebels", "a car bomb", "shelling",
    "a suicide bomber", "the toll rose to", "since March 2011", "the war has killed", "could kill",
    "denied", "(Reporting by Jane Doe; Editing by John Roe)", "REUTERS/Omar Name", "File photo",
    "Advertisement", "three hundred and five", "twenty-two", "1,384", "13", "0", "1", "2016", ".",
    ",", ";", ":", "\u201c", "\u201d", "'", "(", ")", "-", "\u2014", "?", "!", "\u2026",
]

SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", ". ", ".\n\n", "\u2028", "\u00a0"]

#: Any text, including control characters and lone combining marks (no surrogates: not text).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)

_piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.integers(0, 10**7).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
)

#: Wire-like text: fragments, numbers and junk with assorted separators.
wire_text = st.lists(st.tuples(_piece, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(p + s for p, s in parts)
)

#: Either of the above.
texts = st.one_of(any_text, wire_text)

publication_dates = st.one_of(st.none(), st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
