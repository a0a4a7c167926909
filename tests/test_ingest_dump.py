"""Raw wire-dump segmentation: the shared Reuters sample and our own small dumps."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from conflictwatch.ingest import analyse_article, read_inputs, split_dump, split_items
from conflictwatch.ingest.layout import caption_dates, dedupe_captions, inferred_date
from conflictwatch.models import Article, IngestError

FIX = Path(__file__).parent / "fixtures" / "ingest"

def readme_headline_starts() -> list[str]:
    """The corpus README's table of headline beginnings, in corpus order (text stays in ../shared)."""
    readme = (Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "README.md").read_text("utf-8")
    return re.findall(r"^\| (.+?) \| \d{4}-\d{2}-\d{2} \|$", readme, flags=re.M)


@pytest.fixture
def corpus(corpus_path: Path) -> list[Article]:
    """The shared dump split once per test."""
    return split_dump(corpus_path.read_text(encoding="utf-8"), str(corpus_path))


def test_corpus_splits_into_six_articles_with_right_headlines(
    corpus: list[Article], corpus_path: Path
) -> None:
    starts = readme_headline_starts()
    assert len(corpus) == len(starts) == 6
    lines = corpus_path.read_text(encoding="utf-8").splitlines()
    for article, start in zip(corpus, starts, strict=True):
        assert article.title is not None
        assert article.title.replace("‘", "'").replace("’", "'").startswith(start.replace("‘", "'").replace("’", "'"))
        assert article.title in lines  # the whole headline line, nothing cut, nothing glued on


def test_corpus_datelines_and_agencies(corpus: list[Article]) -> None:
    assert [a.dateline for a in corpus] == [
        "BEIRUT", "BEIRUT", "BEIRUT", "ISTANBUL", "BRUSSELS/PARIS", "LONDON/PARIS",
    ]
    assert {a.agency for a in corpus} == {"Reuters"}
    # the dateline prefix is stripped from the first paragraph
    assert corpus[0].text.startswith("Fourteen members of the same family were killed")
    assert "(Reuters)" not in "".join(a.text for a in corpus)


def test_corpus_origins_point_at_headline_lines(corpus: list[Article], corpus_path: Path) -> None:
    lines = corpus_path.read_text(encoding="utf-8").splitlines()
    for a in corpus:
        assert a.origin is not None
        path, _, no = a.origin.rpartition(":")
        assert path == str(corpus_path)
        assert lines[int(no) - 1].strip() == a.title


def test_corpus_captions_are_not_text_and_deduplicated(corpus: list[Article]) -> None:
    first = corpus[0]
    assert len(first.captions) == 2
    assert first.captions[0].endswith("October 14, 2016. REUTERS/Abdalrhman Ismail")
    # the undated copy of the second caption is dropped in favour of the dated one
    assert first.captions[1].startswith("People remove belongings")
    assert first.captions[1].endswith("October 17, 2016. REUTERS/Abdalrhman Ismail")
    for a in corpus:
        for cap in a.captions:
            assert cap[:60] not in a.text
    assert corpus[1].captions == ["Damage of Aleppo"]
    assert corpus[3].captions == ["A Turkey military vehicle near an ISIS stronghold"]
    assert len(corpus[4].captions) == 2  # the cut-off Putin caption and the dated Douma caption
    assert corpus[4].captions[0].endswith("Istanbul, Turkey,")
    assert corpus[5].captions[0].startswith("A young migrant pulls a trolley")


def test_corpus_credits_and_bylines(corpus: list[Article]) -> None:
    assert corpus[0].credits == ["Reporting by Tom Perry and Ellen Francis; Editing by Louise Ireland"]
    assert corpus[1].credits == ["Writing by Tom Perry; Editing by Pravin Char"]
    assert corpus[3].credits[0].startswith("Additional reporting by Tom Perry in Beirut")
    assert corpus[5].credits[0].endswith("Editing by Stephen Addison")
    assert corpus[1].meta["byline"] == "Tom Perry and Ellen Francis"
    assert corpus[4].meta["byline"] == "Gabriela Baczynska and John Irish"
    for a in corpus:
        assert "Editing by" not in a.text
        assert not a.text.startswith("By ")


def test_corpus_subheadings_stay_inside_their_article(corpus: list[Article]) -> None:
    paras = corpus[1].text.split("\n\n")
    for sub in ("ONSLAUGHT THREATENS BREAD SUPPLY", "LITTLE HOPE FOR PEACE TALKS",
                "ALEPPO “STEADFAST”, FUEL RUNNING OUT"):
        assert sub in paras
    assert paras[-1] == "“Ours is running out.”"
    assert "NEW SANCTIONS SEEN A LONG SHOT" in corpus[4].text.split("\n\n")


def test_corpus_text_is_blank_line_separated_paragraphs(corpus: list[Article]) -> None:
    assert [len(a.text.split("\n\n")) for a in corpus] == [9, 38, 10, 9, 21, 12]
    for a in corpus:
        assert "\u00a0" not in a.text
        assert all(p.strip() == p and p for p in a.text.split("\n\n"))


def test_corpus_caption_dates_infer_publication(corpus: list[Article]) -> None:
    # latest caption date of the first article is its real publication date
    assert corpus[0].published == date(2016, 10, 17)
    assert corpus[0].published_inferred is True
    # the EU article reuses a January photo while the body talks about October: not trusted
    assert corpus[4].published is None
    assert corpus[4].published_inferred is False
    assert all(a.published is None for a in corpus[1:])


def test_own_dump_without_credit_lines_splits_at_headline_and_dateline() -> None:
    path = FIX / "two_articles_no_credits.txt"
    arts = [x for x in read_inputs([str(path)]) if isinstance(x, Article)]
    assert [a.title for a in arts] == [
        "Rockets hit market in government-held west Aleppo",
        "Truck bomb kills fighters at checkpoint near Azaz",
    ]
    first, second = arts
    assert first.dateline == "ALEPPO, Syria" and first.agency == "Reuters"  # em dash dateline
    assert second.dateline == "ISTANBUL" and second.agency == "Reuters"  # hyphen dateline
    assert first.origin == f"{path}:1" and second.origin == f"{path}:22"
    # a paragraph broken across two lines is glued back
    assert "another 20 people were hurt and several shops caught fire." in first.text
    assert "RESCUERS DIG THROUGH RUBBLE" in first.text.split("\n\n")
    assert len(first.captions) == 2
    assert first.captions[0].endswith("REUTERS/Staff Photographer")
    assert first.captions[1].startswith("People gather around a burnt-out car")
    assert "burnt-out car" not in first.text
    assert first.text.endswith("Rebel factions made no comment on the strike.")
    assert first.meta["byline"] == "Jane Doe and Omar Haddad"
    assert (first.published, first.published_inferred) == (date(2016, 10, 20), True)
    assert (second.published, second.published_inferred) == (date(2016, 10, 19), True)
    assert second.text.startswith("A truck loaded with explosives")


def test_single_article_without_dateline_is_one_article() -> None:
    arts = split_dump((FIX / "single_no_dateline.txt").read_text(encoding="utf-8"), "x.txt")
    assert len(arts) == 1
    a = arts[0]
    assert a.title == "Aid convoy reaches besieged town after weeks of delay"
    assert a.dateline is None and a.agency is None
    assert len(a.text.split("\n\n")) == 2
    assert a.published is None and not a.published_inferred
    assert a.origin == "x.txt:1"


def test_slash_dateline_with_space_and_other_agencies() -> None:
    text = (
        "Ministers meet on sanctions\n\n"
        "BRUSSELS/ PARIS (Reuters) - European ministers met on Monday to discuss new measures.\n\n"
        "(Reporting by Sam Writer)\n\n"
        "Quake felt across region\n\n"
        "ANKARA (AP) — A strong earthquake shook buildings in the capital on Tuesday.\n"
    )
    a, b = split_dump(text)
    assert (a.dateline, a.agency) == ("BRUSSELS/PARIS", "Reuters")
    assert a.credits == ["Reporting by Sam Writer"]
    assert (b.dateline, b.agency, b.title) == ("ANKARA", "AP", "Quake felt across region")
    assert b.text == "A strong earthquake shook buildings in the capital on Tuesday."


def test_dateline_with_date_keeps_only_the_place() -> None:
    (a,) = split_dump("Strike reported\n\nBEIRUT, Oct 17 (Reuters) - Jets hit a town on Monday, people said.")
    assert a.dateline == "BEIRUT"


def test_a_dateline_with_a_year_dates_the_article() -> None:
    """'KHARTOUM, June 3, 2024 (AFP) -': the day of the report, when nothing better gives it; a
    date without its year ("Oct 17") dates nothing."""
    (a,) = split_dump("Strike reported\n\nKHARTOUM, June 3, 2024 (AFP) - Shells hit a market on Sunday, medics said.")
    assert (a.dateline, a.published, a.published_inferred) == ("KHARTOUM", date(2024, 6, 3), True)
    (b,) = split_dump("Strike reported\n\nBEIRUT, Oct 17 (Reuters) - Jets hit a town on Monday, people said.")
    assert b.published is None


def test_second_headline_and_dateline_after_body_split_even_without_credits() -> None:
    text = (
        "First story headline here\n\nDAMASCUS (Reuters) - One thing happened, officials said.\n\n"
        "More detail followed later.\n\n"
        "Second story headline here\n\nBAGHDAD (Reuters) - Another thing happened, police said.\n"
    )
    items = split_items(text, "t")
    assert [(x.title, x.origin) for x in items if isinstance(x, Article)] == [
        ("First story headline here", "t:1"),
        ("Second story headline here", "t:7"),
    ]


def test_multiple_credit_lines_all_belong_to_the_article_before() -> None:
    text = (
        "Headline one\n\nBEIRUT (Reuters) - Body one is here.\n\n"
        "(Reporting by A Person)\n(Editing by B Person)\n\n"
        "Headline two\n\nA body without dateline that ends properly.\n"
    )
    a, b = split_dump(text)
    assert a.credits == ["Reporting by A Person", "Editing by B Person"]
    assert b.title == "Headline two" and b.text == "A body without dateline that ends properly."


def test_headline_without_body_is_reported_not_invented() -> None:
    text = "Story one title\n\nLONDON (Reuters) - Body text here.\n\n(Writing by X Y)\n\nOrphan title\n"
    items = split_items(text, "d")
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError)
    assert items[1].origin == "d:7" and "Orphan title" in items[1].message


def test_caption_helpers() -> None:
    assert caption_dates("Smoke over Idlib, Syria October 3, 2016. REUTERS/Name") == [date(2016, 10, 3)]
    assert caption_dates("Smoke over Idlib, Syria 3 October 2016. AFP/Name") == [date(2016, 10, 3)]
    assert dedupe_captions(["A b c", "A b c", "A b c October 1, 2016. REUTERS/X"]) == [
        "A b c October 1, 2016. REUTERS/X"
    ]
    assert inferred_date(["x October 1, 2016. REUTERS/File Photo", "y October 2, 2016. REUTERS/Z"]) == date(
        2016, 10, 2
    )
    assert inferred_date(["A view October 1, 2016. REUTERS/File Photo"]) is None


def _variants(src: str) -> dict[str, str]:
    """Ways users mangle the same dump when pasting it: built at test time, never stored."""
    paras = src.split("\n\n")
    return {
        "no blank lines": "\n".join(x for x in src.splitlines() if x.strip()),
        "no credit lines": "\n".join(x for x in src.splitlines() if not x.startswith("(")),
        "crlf": src.replace("\n", "\r\n"),
        "hyphen datelines": src.replace("(Reuters) –", "(Reuters) -"),
        "hard wrapped at 72": "\n\n".join(textwrap.fill(p, 72) for p in paras),
    }


@pytest.mark.parametrize("variant", ["no blank lines", "no credit lines", "crlf", "hyphen datelines",
                                     "hard wrapped at 72"])
def test_corpus_variants_split_the_same(corpus_path: Path, corpus: list[Article], variant: str) -> None:
    text = _variants(corpus_path.read_text(encoding="utf-8"))[variant]
    arts = split_dump(text)
    assert [a.title for a in arts] == [a.title for a in corpus]
    assert [a.text for a in arts] == [a.text for a in corpus]
    assert [a.captions for a in arts] == [a.captions for a in corpus]
    assert [a.dateline for a in arts] == [a.dateline for a in corpus]


def test_own_dump_hard_wrapped_keeps_paragraphs() -> None:
    src = (FIX / "two_articles_no_credits.txt").read_text(encoding="utf-8")
    wrapped = "\n\n".join(textwrap.fill(p, 60) for p in src.split("\n\n"))
    assert [a.text for a in split_dump(wrapped)] == [a.text for a in split_dump(src)]


def test_question_headline_agencyless_dateline_and_headless_second_article() -> None:
    text = (
        "Is the truce over?\n\n"
        "ALEPPO, Syria — Fighting resumed in the city on Friday, residents said.\n\n"
        "U.N. — The world body said it was alarmed by the violence.\n\n"
        "ISTANBUL (Reuters) - A separate report came in from the border, officials said.\n"
    )
    a, b = split_dump(text, "t")
    assert (a.title, a.dateline, a.agency) == ("Is the truce over?", "ALEPPO, Syria", None)
    # "U.N. —" is a sentence, not a dateline, and does not start an article
    assert a.text.split("\n\n")[1].startswith("U.N. — The world body")
    # a second "PLACE (Agency) -" dateline starts a (headless) article of its own
    assert (b.origin, b.title, b.dateline) == ("t:7", None, "ISTANBUL")


def test_analyse_article_keeps_one_unpunctuated_line_as_text() -> None:
    a = analyse_article("Air strikes hit eastern Aleppo", "x")
    assert isinstance(a, Article) and a.text == "Air strikes hit eastern Aleppo" and a.title is None


def test_lines_without_a_bracket_or_a_long_dash_are_never_datelines() -> None:
    """`_parse_dateline` skips lines holding neither "(" nor a long dash without its patterns:
    none of them matches such a line, and lines with either are still read."""
    from conflictwatch.ingest import layout

    lines = [ln for p in sorted(FIX.glob("*")) if p.is_file()
             for ln in p.read_text("utf-8", errors="replace").splitlines() if ln.strip()]
    lines += ["ALEPPO, Syria \u2014 Rebels shelled the city.", "KABUL (Reuters) - A bomb killed 3.",
              "Kabul [Afghanistan], July 20 (ANI): Two died.", "ALEPPO, Syria - no long dash here",
              "MOSUL, Iraq \u2013 Troops advanced.", "BEIRUT Reuters - no brackets"]
    read = 0
    for ln in lines:
        screened = "(" not in ln and "\u2014" not in ln and "\u2013" not in ln
        if screened:
            assert not any(rx.match(ln) for rx in (layout._DATELINE, layout._DATELINE_BRACKET,
                                                   layout._DATELINE_NO_AGENCY)), ln
            assert layout._parse_dateline(ln, layout.rules()) is None
        read += layout._parse_dateline(ln, layout.rules()) is not None
    assert read >= 4


def test_lines_are_cleaned_of_invisible_characters_as_the_translation_table_did() -> None:
    """`_clean` drops zero-width spaces, joiners, BOMs and soft hyphens and folds spacing: what
    `translate` with a deletion table gave, on lines with and without other non-ASCII characters."""
    from conflictwatch.ingest import layout

    table = dict.fromkeys(map(ord, layout._INVISIBLE_CHARS), None)
    lines = ["plain  ascii\tline ", "caf\u00e9 \u201cquoted\u201d", "zero\u200bwidth\u200c\u200d join",
             "\ufeffBOM and soft\u00adhyphen\u2060", "\u200b", "", "\u00a0nbsp\u2009thin \u212aelvin"]
    lines += [ln for p in sorted(FIX.glob("*")) if p.is_file()
              for ln in p.read_text("utf-8", errors="replace").splitlines()]
    for ln in lines:
        assert layout._clean(ln) == " ".join(ln.translate(table).split()), ln
