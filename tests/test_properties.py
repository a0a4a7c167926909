"""Property-based tests (hypothesis): the segmenter, the number parser, the date resolver, the
sentence splitter, the geocoder and the extractor on any text.

Each test states an invariant that must hold for every input — no exception, nothing invented
(every word of an article, every quote, comes from the input), bounds in order (low <= high,
start <= end), dates inside the window the publication date allows, the same output for the
same input — and hypothesis looks for a counter-example. Example counts are bounded (profile in
conftest.py) so the whole module runs in well under a minute.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.numbers import find_figures, words_to_int
from conflictwatch.extract.rules import lexicon
from conflictwatch.extract.sentences import MAX_SENTENCE_CHARS, split_sentences
from conflictwatch.ingest import analyse_article, split_items
from conflictwatch.ingest.layout import MAX_GLUED_CHARS, lines_of
from conflictwatch.models import Article, IngestError, Range
from textgen import FRAGMENTS, any_text, publication_dates, texts, wire_text

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def _tokens(s: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", s) if t]


def _only_input_words(produced: str, source: str) -> None:
    """Every word the segmenter produced stands in the input (it moves text, never writes any)."""
    flat = source.translate(_INVISIBLE)
    for tok in _tokens(produced):
        assert tok in flat, (tok, produced[:200])


# -- segmenter (ingest.layout) -------------------------------------------------------------------
@given(texts)
def test_segmenter_takes_any_text_apart_without_inventing_words(text: str) -> None:
    items = split_items(text, "in.txt")
    assert items, "always an article or an error"
    n_lines = max(len(text.splitlines()), 1)
    for it in items:
        origin = it.origin or ""
        assert origin == "in.txt" or 1 <= int(origin.removeprefix("in.txt:")) <= n_lines, origin
        if isinstance(it, IngestError):
            assert it.message
            continue
        assert it.text.strip() == it.text and it.text
        _only_input_words(it.text, text)
        for extra in [it.title or "", *it.captions, *it.credits]:
            _only_input_words(extra, text)
    assert [vars(x) for x in split_items(text, "in.txt")] == [vars(x) for x in items]


@given(texts, st.one_of(st.none(), st.text(max_size=40)))
def test_analyse_article_keeps_metadata_title_and_only_input_words(text: str, title: str | None) -> None:
    title = title.strip() or None if title else None
    art = analyse_article(text, "feed.xml:3", title=title)
    if isinstance(art, IngestError):
        assert art.origin == "feed.xml:3" and art.message
        return
    assert art.title == title or title is None
    _only_input_words(art.text, text)


@given(texts)
def test_glued_lines_stay_under_the_cap(text: str) -> None:
    """A line glued onto the one before stops growing (the guard against quadratic time)."""
    for ln in lines_of(text):
        longest_input_line = max((len(x) for x in text.splitlines()), default=0)
        assert len(ln.text) <= max(MAX_GLUED_CHARS + longest_input_line + 1, 1)


_BODY = st.lists(
    st.sampled_from([
        "Air strikes killed 13 people in the town of al-Kalaseh on Thursday, the Civil Defence said.",
        "Rebels shelled a market in western Aleppo, wounding at least 20 civilians, state media said.",
        "The army said it had retaken two villages north of the city after heavy fighting.",
        "A car bomb exploded near a checkpoint, killing five soldiers, a security source said.",
        "Residents said the roads out of the district had been closed since Monday.",
    ]),
    min_size=1, max_size=4,
)


@given(st.lists(st.tuples(st.sampled_from(["BEIRUT", "BAGHDAD", "SANAA", "KABUL", "MOGADISHU"]),
                          st.sampled_from(["Reuters", "AFP", "AP"]), _BODY), min_size=1, max_size=5))
def test_a_dump_of_n_wire_articles_gives_n_articles(specs: list[tuple[str, str, list[str]]]) -> None:
    parts = []
    for i, (city, agency, body) in enumerate(specs):
        parts.append(f"Fighting flares in region number {i + 1}\n\n{city} ({agency}) - {' '.join(body[:1])}\n\n"
                     + "\n\n".join(body[1:]) + "\n\n(Reporting by Jane Doe; Editing by John Roe)\n")
    items = split_items("\n".join(parts), "dump.txt")
    arts = [x for x in items if isinstance(x, Article)]
    assert len(arts) == len(items) == len(specs)
    for art, (city, agency, body) in zip(arts, specs, strict=True):
        assert (art.dateline, art.agency) == (city, agency)
        assert art.text.split("\n\n") == body
        assert art.credits == ["Reporting by Jane Doe; Editing by John Roe"]


# -- sentences ------------------------------------------------------------------------------------
@given(texts)
def test_sentences_are_pieces_of_the_text_at_their_offsets(text: str) -> None:
    sents = split_sentences(text)
    for i, s in enumerate(sents):
        assert s.index == i
        assert text[s.start : s.start + len(s.text)] == s.text
        assert s.text and s.text == s.text.strip()
        assert len(s.text) <= MAX_SENTENCE_CHARS
    assert [s.start for s in sents] == sorted(s.start for s in sents)


@given(st.integers(1_001, 40_000), st.sampled_from(["word ", "killed 12 people, ", "x" * 50 + " ", "y"]))
def test_text_without_full_stops_is_cut_into_bounded_sentences(n: int, unit: str) -> None:
    text = (unit * (n // len(unit) + 1))[:n]
    sents = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sents)
    assert "".join(s.text for s in sents) == "".join(text.split(" ")) or " ".join(
        s.text for s in sents) == " ".join(text.split())


# -- numbers --------------------------------------------------------------------------------------
def _words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 the way wire copy writes them ('three hundred and five')."""
    units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
             "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_100(k: int) -> str:
        return units[k] if k < 20 else tens[k // 10] + ("" if k % 10 == 0 else "-" + units[k % 10])

    def below_1000(k: int) -> str:
        if k < 100:
            return below_100(k)
        rest = k % 100
        return f"{units[k // 100]} hundred" + (f" and {below_100(rest)}" if rest else "")

    if n < 1000:
        return below_1000(n)
    rest = n % 1000
    return f"{below_1000(n // 1000)} thousand" + (f" {below_1000(rest)}" if rest else "")


@given(st.integers(0, 999_999))
def test_number_words_and_digits_read_back(n: int) -> None:
    assert words_to_int(_words(n)) == n
    assert words_to_int(f"{n:,}") == n
    assert words_to_int(str(n)) == n


@given(texts)
def test_figures_point_into_the_text_with_ordered_bounds(text: str) -> None:
    figs = find_figures(text)
    assert [f.start for f in figs] == sorted(f.start for f in figs)
    for f in figs:
        assert text[f.start : f.end] == f.text
        assert f.value.low >= 0
        assert f.value.high is None or f.value.low <= f.value.high, (f.text, f.value)
    assert find_figures(text) == figs


_KINDS: dict[str, str] = {}
for _phrase, _kind in lexicon()["bounds"].items():
    _KINDS.setdefault(_kind, _phrase)


@given(st.sampled_from(sorted(_KINDS.items())), st.integers(0, 100_000), st.booleans())
def test_bounds_follow_the_gold_conventions(kind_phrase: tuple[str, str], n: int, in_words: bool) -> None:
    kind, phrase = kind_phrase
    written = _words(n) if in_words and n < 1_000 else f"{n:,}"
    figs = find_figures(f"Officials said {phrase} {written} people were killed.")
    assert len(figs) == 1, figs
    want = {"min": Range(n, None), "above": Range(n + 1, None), "about": Range(n, n),
            "nearly": Range(int(n * 0.9), max(n - 1, 0)), "upto": Range(min(1, n), n)}[kind]
    assert figs[0].value == want


@given(st.integers(0, 5_000), st.integers(0, 5_000))
def test_between_gives_the_range_in_order_or_nothing(a: int, b: int) -> None:
    figs = find_figures(f"The clashes killed between {a} and {b} fighters.")
    ranges = [f.value for f in figs]
    if a <= b:
        assert ranges == [Range(a, b)]
    else:
        assert all(r.high is None or r.low <= r.high for r in ranges)


# -- dates ----------------------------------------------------------------------------------------
_RELATIVE = ["on Monday", "on Tuesday night", "late on Friday", "last Sunday", "overnight", "last night",
             "yesterday", "a day earlier", "today", "this morning", "last week", "Wednesday's"]
_EXPLICIT = ["Oct. 3", "October 3", "3 October", "Sept. 22", "Feb. 29", "Dec 31", "Jan. 1", "June 14th"]
_sentences = st.one_of(
    texts,
    st.tuples(st.sampled_from(_RELATIVE + _EXPLICIT), st.sampled_from(FRAGMENTS)).map(
        lambda t: f"Fighters attacked the village {t[0]}, {t[1]} said."),
    st.tuples(st.sampled_from(_EXPLICIT), st.integers(1990, 2035)).map(
        lambda t: f"The bombing on {t[0]}, {t[1]} killed 5."),
)


@given(_sentences, publication_dates)
@settings(max_examples=60)
def test_dates_fall_in_the_window_publication_allows(sentence: str, published: date | None) -> None:
    found = find_dates(sentence, published)
    for d in found:
        assert sentence[d.start : d.end] == d.text
        assert d.precision in (1, 2, 3)
        if d.date_start is None:
            continue
        assert d.date_end is not None and d.date_start <= d.date_end
        year = re.search(r"\b(\d{4})\b", d.text)
        has_month = re.search(r"[A-Za-z]{3}", d.text) and re.search(r"\d", d.text)
        if year:  # a written year is kept, whatever the publication date
            assert d.date_start.year == int(year[1]), d
        elif published is None:
            pytest.fail(f"{d.text!r} resolved without a publication date: a guess")
        elif has_month:  # "Oct. 3": the latest such day on or before publication (for Feb. 29,
            # the last leap year's)
            years = 4 if (d.date_start.month, d.date_start.day) == (2, 29) else 1
            assert published - timedelta(days=366 * years) < d.date_start <= published, (d, published)
        else:  # "on Monday", "last week", "overnight": within the two weeks before publication
            assert published - timedelta(days=13) <= d.date_start <= d.date_end <= published, (d, published)
    assert find_dates(sentence, published) == found


# -- geocoder -------------------------------------------------------------------------------------
KNOWN = ["Aleppo", "Mosul", "Kabul", "Maiduguri", "Mogadishu", "Sanaa", "Idlib", "Raqqa", "Donetsk", "Azaz"]


@pytest.fixture(scope="module")
def geocoder():  # type: ignore[no-untyped-def]
    from conflictwatch.geo import Geocoder

    return Geocoder.for_store(None)


@given(name=st.one_of(any_text.map(lambda s: s[:60]), st.sampled_from(KNOWN)))
@settings(max_examples=80)
def test_geocoder_lookup_any_name(geocoder, name: str) -> None:  # type: ignore[no-untyped-def]
    place = geocoder.lookup(name)
    if place is not None:
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
    assert geocoder.lookup(name) == place


@given(name=st.sampled_from(KNOWN), pad=st.sampled_from(["", " ", "  ", "\t"]), upper=st.booleans())
@settings(max_examples=40)
def test_geocoder_ignores_case_and_padding(geocoder, name: str, pad: str, upper: bool) -> None:  # type: ignore[no-untyped-def]
    written = f"{pad}{name.upper() if upper else name}{pad}"
    assert geocoder.lookup(written) == geocoder.lookup(name) is not None


# -- the extractor on whole articles --------------------------------------------------------------
def _quote_from_text(quote: str, text: str) -> bool:
    """Can the quote be cut at single spaces into pieces that each stand in the text? (Quotes of
    several sentences are the sentences joined by one space.)"""
    ends = [i for i, ch in enumerate(quote) if ch == " "] + [len(quote)]
    reachable = {0}
    for j in ends:
        if any(i < j and quote[i:j] in text for i in reachable):
            reachable.add(j + 1)
    return len(quote) + 1 in reachable


@given(wire_text, st.one_of(st.none(), st.sampled_from(FRAGMENTS[:12])), publication_dates)
@settings(max_examples=60)
def test_claims_quote_their_article_with_ordered_figures_and_dates(
    body: str, title: str | None, published: date | None
) -> None:
    from conflictwatch.extract import extract_claims

    assume(body.strip())
    article = Article(text=body, title=title, published=published)
    claims = extract_claims(article)
    for c in claims:
        assert c.quote == title or _quote_from_text(c.quote, body), c.quote
        if c.quote_start is not None and c.quote_end is not None:
            assert 0 <= c.quote_start < c.quote_end <= len(body)
            span = " ".join(body[c.quote_start : c.quote_end].split())
            assert " ".join(c.quote.split()).startswith(span)
        for r in (c.killed, c.injured, c.children_killed):
            assert r is None or (r.low >= 0 and (r.high is None or r.low <= r.high)), r
        if c.date_start is not None:
            assert c.date_end is None or c.date_start <= c.date_end
            if published is not None and c.scope == "incident":
                assert c.date_start <= published + timedelta(days=1), (c.date_start, published, c.quote)
                assert (published - c.date_start).days <= 30, (c.date_start, published)
        elif c.scope == "incident" and published is not None:
            pytest.fail("an incident with a publication date always gets a date")
    again = extract_claims(Article(text=body, title=title, published=published))
    assert [c.to_record() for c in again] == [c.to_record() for c in claims]
