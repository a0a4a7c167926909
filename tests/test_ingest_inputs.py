"""Input kinds and bad input: JSONL, HTML, RSS/Atom, stdin, folders, broken files, date precedence."""

from __future__ import annotations

import io
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictwatch.ingest import read_inputs
from conflictwatch.models import Article, IngestError

FIX = Path(__file__).parent / "fixtures" / "ingest"
DUMP = (
    "Town shelled overnight\n\n"
    "HAMA (Reuters) - Shells fell on a town in Hama province overnight, residents said.\n"
)


def _split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    arts = [x for x in items if isinstance(x, Article)]
    errs = [x for x in items if isinstance(x, IngestError)]
    assert len(arts) + len(errs) == len(items)
    return arts, errs


def _read(*paths: str | Path, published: date | None = None) -> tuple[list[Article], list[IngestError]]:
    return _split(list(read_inputs([str(p) for p in paths], published=published)))


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_good_lines_go_in_bad_lines_are_reported_by_line() -> None:
    path = FIX / "articles.jsonl"
    arts, errs = _read(path)
    assert [a.article_id for a in arts] == ["desk-001", "4"]
    assert [e.origin for e in errs] == [f"{path}:2", f"{path}:3", f"{path}:6"]
    assert "not valid JSON" in errs[0].message
    assert "'text'" in errs[1].message
    assert "JSON object" in errs[2].message
    assert [a.origin for a in arts] == [f"{path}:1", f"{path}:5"]


def test_jsonl_fields_metadata_and_layout_analysis() -> None:
    arts, _ = _read(FIX / "articles.jsonl")
    a = arts[0]
    assert a.title == "Clinic damaged in overnight shelling"
    assert (a.published, a.published_inferred) == (date(2016, 10, 16), False)
    assert a.url == "https://example.org/a/1"
    assert a.source == "Example Wire" and a.publisher == "Example Wire"
    assert a.meta == {"desk": "middle-east", "priority": 2}
    # the body still gets the wire-layout treatment: dateline out, credit line out
    assert a.dateline == "HOMS"
    assert a.credits == ["Reporting by Sam Writer; Editing by Lee Editor"]
    assert a.text.startswith("Shells struck a clinic")
    assert "Editing by" not in a.text
    b = arts[1]
    assert b.title is None and b.published is None and b.source is None
    assert b.text.count("\n\n") == 1


def test_jsonl_unreadable_published_is_reported_but_article_kept(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text('{"text": "A body that ends.", "published": "last tuesday"}\n', encoding="utf-8")
    arts, errs = _read(p, published=date(2016, 10, 1))
    assert len(arts) == 1 and arts[0].published == date(2016, 10, 1)
    assert errs[0].origin == f"{p}:1" and "published" in errs[0].message


def test_jsonl_repeated_headline_in_text_is_not_body(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        '{"title": "Bridge destroyed", "text": "Bridge destroyed\\n\\nThe only bridge was blown up."}\n',
        encoding="utf-8",
    )
    (a,), _ = _read(p)
    assert a.text == "The only bridge was blown up."


# --- HTML ---------------------------------------------------------------------------------------


def test_html_page_via_trafilatura() -> None:
    path = FIX / "page.html"
    (a,), errs = _read(path)
    assert errs == []
    assert a.title == "Clashes flare near Dabiq as rebels push on"
    assert (a.published, a.published_inferred) == (date(2016, 10, 15), False)
    assert a.url == "https://example.org/world/dabiq-clashes"
    assert a.source == "Example Wire"
    assert (a.dateline, a.agency) == ("ISTANBUL", "Reuters")
    assert a.credits == ["Reporting by Sam Writer; Editing by Lee Editor"]
    paras = a.text.split("\n\n")
    assert len(paras) == 4
    assert paras[0].startswith("Turkish-backed rebels fought")
    assert "Home" not in a.text and "Copyright" not in a.text
    assert a.origin == str(path)


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    arts, errs = _read(p)
    assert arts == [] and len(errs) == 1 and errs[0].origin == str(p)


# --- feeds --------------------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    path = FIX / "feed_rss.xml"
    arts, errs = _read(path)
    assert [a.title for a in arts] == [
        "Air strikes pound rebel-held districts of Idlib",
        "Ceasefire talks to resume next week, envoy says",
    ]
    a, b = arts
    assert (a.published, a.published_inferred) == (date(2016, 10, 18), False)
    assert a.url == "https://example.org/mideast/idlib-strikes"
    assert (a.dateline, a.agency) == ("BEIRUT", "Reuters")
    assert a.text == (
        "Warplanes carried out at least a dozen strikes on towns in Idlib province on Tuesday, "
        "killing five civilians, a war monitor said.\n\nRescue workers said two of the dead were children."
    )
    assert a.credits == ["Reporting by Sam Writer"]
    assert "<p>" not in a.text
    # the feed's title names no agency: the item's own dateline agency is the publisher
    assert a.source is None and a.publisher == "Reuters"
    assert a.meta["feed_title"] == "Example Wire: Middle East"
    assert a.meta["guid"] == "https://example.org/mideast/idlib-strikes"
    assert b.published == date(2016, 10, 17)
    assert a.origin == f"{path}:7"
    # an entry with no words is reported, the others still go in
    assert len(errs) == 1 and errs[0].origin == f"{path}:20" and "no text" in errs[0].message


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{title}</title><link>https://example.org/</link><description>d</description>
<item><title>Shelling kills three in Jobar</title><pubDate>Tue, 18 Oct 2016 14:05:00 GMT</pubDate>
{extra}<description>Shelling killed three people in the Jobar district of Damascus on Tuesday, residents said.</description>
</item></channel></rss>
"""


@pytest.mark.parametrize(
    ("title", "extra", "source"),
    [
        ("World News", '<source url="https://example.org/afp">Agence France-Presse</source>', "Agence France-Presse"),
        ("World News", "<dc:creator>Reuters Staff</dc:creator>", "Reuters"),
        ("World News", "<author>desk@example.org (The Associated Press)</author>", "Associated Press"),
        ("World News", "<dc:creator>Jane Writer</dc:creator>", None),  # a person, not an agency
        ("World News", "", None),
        ("Reuters: World News", "", "Reuters"),
    ],
)
def test_rss_item_source_is_the_agency_it_names(tmp_path: Path, title: str, extra: str, source: str | None) -> None:
    p = tmp_path / "feed.xml"
    p.write_text(FEED.format(title=title, extra=extra), encoding="utf-8")
    (a,), errs = _read(p)
    assert errs == [] and a.source == source


def test_broken_json_line_names_the_column_once(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "Shelling killed three people.", "title": "unterminated}\n{"text" 5}\n', encoding="utf-8")
    _, errs = _read(p)
    assert [e.origin for e in errs] == [f"{p}:1", f"{p}:2"]
    assert errs[0].message == "not valid JSON: unterminated string starting at column 52"
    assert errs[1].message == "not valid JSON: expecting ':' delimiter at column 9"
    assert not any("at at" in e.message for e in errs)


def test_atom_feed_entries() -> None:
    arts, errs = _read(FIX / "feed.atom")
    assert errs == []
    a, b = arts
    assert a.title == "Mortar fire kills two in Damascus suburb"
    assert a.published == date(2016, 10, 14)  # <published>, not <updated>
    assert a.url == "https://example.org/monitor/1"
    assert a.dateline == "DAMASCUS"
    assert a.text.endswith("It blamed insurgents in nearby farmland for the attack.")
    assert a.meta["author"] == "Desk Writer"
    assert b.published == date(2016, 10, 13)  # falls back to <updated>
    assert b.text.startswith("Several hundred families went back")


def test_feed_detected_by_content_without_extension(tmp_path: Path) -> None:
    p = tmp_path / "download"
    shutil.copy(FIX / "feed.atom", p)
    arts, errs = _read(p)
    assert len(arts) == 2 and errs == []


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "config.xml"
    p.write_text("<?xml version='1.0'?><settings><a>1</a></settings>", encoding="utf-8")
    arts, errs = _read(p)
    assert arts == [] and errs[0].origin == str(p)


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_is_read_as_a_raw_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DUMP.encode()), encoding="utf-8"))
    (a,), errs = _read("-")
    assert errs == []
    assert a.title == "Town shelled overnight" and a.dateline == "HAMA"
    assert a.origin == "<stdin>:1"


def test_stdin_non_utf8_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 au lait\n"), encoding="utf-8"))
    arts, (err,) = _read("-")
    assert arts == [] and err.origin == "<stdin>:1" and "0xe9" in err.message


# --- bad files ----------------------------------------------------------------------------------


def test_bad_files_each_give_one_error_and_the_rest_goes_in(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n \t\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Headline\n\nFirst line fine.\nThe caf\u00e9 was hit.\n".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(DUMP, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    items = list(read_inputs([str(p) for p in (empty, blank, binary, latin, missing, good)]))
    arts, errs = _split(items)
    assert [a.title for a in arts] == ["Town shelled overnight"]
    assert [e.origin for e in errs] == [str(empty), str(blank), str(binary), f"{latin}:4", str(missing)]
    assert "empty" in errs[0].message and "empty" in errs[1].message
    assert "binary" in errs[2].message
    assert "UTF-8" in errs[3].message and "line 4, column 8" in errs[3].message and "0xe9" in errs[3].message
    assert "no such file" in errs[4].message


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + DUMP.replace("\n", "\r\n").encode())
    (a,), errs = _read(p)
    assert errs == [] and a.title == "Town shelled overnight"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes(DUMP.encode("utf-16"))
    (a,), errs = _read(p)
    assert errs == [] and a.dateline == "HAMA"


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "locked.txt"
    p.write_text(DUMP, encoding="utf-8")
    good = tmp_path / "ok.txt"
    good.write_text(DUMP, encoding="utf-8")
    real = Path.open

    def fake(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake)
    arts, (err,) = _read(p, good)
    assert len(arts) == 1 and err.origin == str(p) and "permission" in err.message


# --- folders ------------------------------------------------------------------------------------


def test_folder_is_walked_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "one.txt").write_text(DUMP.replace("Town shelled", "Second"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(DUMP.replace("Town shelled", "First"), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"title": "Third", "text": "Some body text."}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / ".git" / "HEAD.txt").write_text(DUMP, encoding="utf-8")
    arts, errs = _read(tmp_path)
    assert errs == []
    assert [a.title for a in arts] == ["First overnight", "Second overnight", "Third"]


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    arts, (err,) = _read(tmp_path)
    assert arts == [] and err.origin == str(tmp_path)


# --- publication date precedence ----------------------------------------------------------------

DATED = (
    "Shelling kills three in Deir al-Zor\n\n"
    "Smoke over a street in Deir al-Zor, Syria October 9, 2016. REUTERS/Staff\n\n"
    "BEIRUT (Reuters) - Shelling killed three people in Deir al-Zor, a monitor said.\n"
)


def test_caption_date_is_inferred_when_nothing_else(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text(DATED, encoding="utf-8")
    (a,), _ = _read(p)
    assert (a.published, a.published_inferred) == (date(2016, 10, 9), True)


def test_published_argument_beats_caption_inference(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text(DATED, encoding="utf-8")
    (a,), _ = _read(p, published=date(2016, 10, 11))
    assert (a.published, a.published_inferred) == (date(2016, 10, 11), False)


def test_metadata_beats_published_argument(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        '{"id": "m1", "published": "2016-10-12", "text": "Smoke over a street in Deir al-Zor, Syria '
        'October 9, 2016. REUTERS/Staff\\n\\nShelling killed three people, a monitor said."}\n'
        '{"id": "m2", "text": "Smoke over a street in Deir al-Zor, Syria October 9, 2016. REUTERS/Staff'
        '\\n\\nShelling killed three people, a monitor said."}\n',
        encoding="utf-8",
    )
    (a, b), _ = _read(p, published=date(2016, 10, 11))
    assert (a.published, a.published_inferred) == (date(2016, 10, 12), False)
    assert b.published == date(2016, 10, 11) and not b.published_inferred
    (a, b), _ = _read(p)
    assert (a.published, a.published_inferred) == (date(2016, 10, 12), False)
    assert (b.published, b.published_inferred) == (date(2016, 10, 9), True)
    assert a.captions == ["Smoke over a street in Deir al-Zor, Syria October 9, 2016. REUTERS/Staff"]
    assert a.text == "Shelling killed three people, a monitor said."


def test_feed_date_beats_published_argument() -> None:
    arts, _ = _read(FIX / "feed.atom", published=date(2020, 1, 1))
    assert [a.published for a in arts] == [date(2016, 10, 14), date(2016, 10, 13)]


def test_read_inputs_never_raises_on_garbage(tmp_path: Path) -> None:
    bad = [tmp_path / n for n in ("x.jsonl", "y.html", "z.rss", "w.txt")]
    for p in bad:
        p.write_bytes(b"<<<>>> {{{ ]]]")
    items = list(read_inputs([str(p) for p in bad]))
    assert items, "something must be reported"
    assert all(isinstance(x, Article | IngestError) for x in items)


def test_folder_readme_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My articles\n\nNotes about this folder.\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(
        "Blast kills two in market town\n\nKABUL (Reuters) - A roadside bomb killed two people in a "
        "market town on Monday, police said.\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article"]
    assert items[0].title == "Blast kills two in market town"


def test_short_one_sentence_paragraphs_are_no_wrapped_text(tmp_path: Path) -> None:
    """Agency copy laid out one short sentence a line, ending with the agency's credit "(NAN)": each
    line ends a sentence, so nothing is glued into one block and dropped as a credit."""
    body = ("Troops killed 12 terrorists in Gwoza on Monday.\\nThe army said two soldiers were wounded.\\n"
            "The terrorists fled into the forest.\\nResidents said calm had returned.\\n(NAN)")
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "n1", "published": "2022-10-04", "text": "' + body + '"}\n', encoding="utf-8")
    arts, errs = _read(p)
    assert errs == [] and len(arts) == 1
    assert arts[0].text.startswith("Troops killed 12 terrorists in Gwoza on Monday.")
    assert "Residents said calm had returned." in arts[0].text
