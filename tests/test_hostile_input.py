"""Nasty input files, generated here (nothing big is committed), through the ingest entry points
and the whole job: each gives a clear error naming the file (and line) or the right result, none
hangs, none leaves half an article in the database, and a second run changes nothing.

Plus the per-article budgets (`conflictwatch.budget`) and a hypothesis fuzz run over mutated
files of every input kind. The 200 MB file is marked `slow` (it runs in CI: ~1-2 minutes).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictwatch import pipeline
from conflictwatch.budget import ArticleTooLarge, ArticleTooSlow, Budget
from conflictwatch.check import check
from conflictwatch.ingest import read_inputs
from conflictwatch.models import Article, IngestError
from conflictwatch.store import open_store

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
WIRE = (REPO / "samples" / "wire-demo.txt").read_text("utf-8")

#: Generous guard so a regression shows as a failure, never as a CI run that hangs.
GUARD = Budget(max_chars=None, max_seconds=300)

ONE = ("BEIRUT (Reuters) - An air strike killed seven people in the town of Saraqeb in Idlib province on "
       "Wednesday, the Syrian Observatory for Human Rights said.")


def items_of(path: Path) -> list[Article | IngestError]:
    with GUARD.deadline():
        return list(read_inputs([str(path)]))


def articles(items: list[Article | IngestError]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errors(items: list[Article | IngestError]) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


def shape(items: list[Article | IngestError]) -> list[tuple[str | None, str | None, str]]:
    return [(a.title, a.dateline, a.text) for a in articles(items)]


def run_twice(tmp_path: Path, *inputs: Path, budget: Budget | None = None) -> pipeline.RunStats:
    """The whole job twice on the same input: the second run must store nothing new, and the
    database must be whole after each (no article without its claims)."""
    db = str(tmp_path / "cw.db")
    first = second = None
    for i in range(2):
        store = open_store(db)
        try:
            with GUARD.deadline():
                stats = pipeline.run([str(p) for p in inputs], store, budget=budget or Budget())
            rep = check(store, pipeline.extractor_version())
            assert not [f for f in rep.problems if "article" in f.kind], rep.problems
            counts = (store.count("articles"), store.count("claims"))
        finally:
            store.engine.dispose()
        if i == 0:
            first, first_counts = stats, counts
        else:
            second = stats
            assert counts == first_counts, "a second run changed the database"
            assert second.articles_new == 0
    assert first is not None and second is not None
    return first


# -- one file of each nasty kind --------------------------------------------------------------------
def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert [str(e) for e in items_of(p)] == [f"{p}: empty file"]
    stats = run_twice(tmp_path, p)
    assert stats.errors == [f"{p}: empty file"] and stats.articles_read == 0


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(5000))
    items = items_of(p)
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert "binary file" in items[0].message and str(p) in str(items[0])


def test_latin1_file_names_line_and_column(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes(("Title\n\n" + ONE + "\n\nCaf\u00e9 owners fled.\n").encode("latin-1"))
    (err,) = items_of(p)
    assert isinstance(err, IngestError) and err.origin == f"{p}:5" and "column 4" in err.message


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                       (codecs.BOM_UTF8, "utf-8")])
def test_utf16_and_bom_files_read_like_utf8(tmp_path: Path, bom: bytes, codec: str) -> None:
    plain, other = tmp_path / "plain.txt", tmp_path / "bom.txt"
    plain.write_text(WIRE, "utf-8")
    other.write_bytes(bom + WIRE.encode(codec))
    want = shape(items_of(plain))
    assert len(want) == 6 and shape(items_of(other)) == want


def test_mixed_line_endings_read_like_unix_ones(tmp_path: Path) -> None:
    unix, mixed = tmp_path / "unix.txt", tmp_path / "mixed.txt"
    unix.write_text(WIRE, "utf-8")
    lines = WIRE.split("\n")
    ends = ["\r\n", "\n", "\r", "\r\n", "\n"]
    mixed.write_bytes("".join(ln + ends[i % len(ends)] for i, ln in enumerate(lines)).encode())
    assert shape(items_of(mixed)) == shape(items_of(unix))


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    """One line, no paragraph breaks: over the size budget it is refused by name; under a raised
    budget it goes through whole."""
    p = tmp_path / "oneline.txt"
    sentence = ONE.split(" - ", 1)[1] + " "
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    p.write_text(text[: text.rindex(". ") + 1] + "\n", "utf-8")
    (art,) = items_of(p)
    assert isinstance(art, Article) and len(art.text) > 990_000
    stats = run_twice(tmp_path, p)
    assert len(stats.failures) == 1
    f = stats.failures[0]
    assert f.origin == f"{p}:1" and f.article_id == art.article_id
    assert re.match(r"ArticleTooLarge: 99\d,\d{3} characters, over the per-article limit of 300,000", f.reason)


def test_html_with_scripts_and_entities(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<!DOCTYPE html><html><head><title>Strike on Saraqeb &amp; Idlib | Wire</title>"
        "<script>var stolen = document.cookie; alert('x')</script>"
        "<style>body { color: red }</style></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Strike on Saraqeb &amp; Idlib</h1>"
        f"<p>{ONE.replace('Saraqeb', 'Saraqeb &#8212; a market town &#8212;')}</p>"
        "<script>document.write('<p>injected paragraph killed 900 people</p>')</script>"
        "<p>Rescue workers said two of the dead were children &lt;under ten&gt;, and that"
        " the market &quot;was full&quot; at the time.</p>"
        "<noscript>Enable JavaScript</noscript><iframe src='https://evil.example/'></iframe>"
        "</article></body></html>", "utf-8")
    (art,) = items_of(p)
    assert isinstance(art, Article)
    assert "Saraqeb \u2014 a market town \u2014" in art.text
    assert '<under ten>' in art.text and '"was full"' in art.text
    for junk in ("document.cookie", "alert(", "color: red", "injected", "900", "Enable JavaScript"):
        assert junk not in art.text, junk
    assert art.title and "&amp;" not in art.title


def test_rss_with_broken_xml(tmp_path: Path) -> None:
    """feedparser reads what it can of a malformed feed; a feed with nothing readable is one error."""
    good = (FIXTURES / "feed_rss.xml").read_text("utf-8")
    want = [a.title for a in articles(items_of(FIXTURES / "feed_rss.xml"))]
    cases = {
        "truncated.xml": good[: good.index("<item>", good.index("<item>") + 1) + 40],  # cut mid-item
        "unclosed.xml": good.replace("</title>", "", 1).replace("</item>", "", 1),
        "entity.xml": good.replace("Air strikes", "Air &nosuchentity; strikes"),
    }
    for name, text in cases.items():
        p = tmp_path / name
        p.write_text(text, "utf-8")
        items = items_of(p)
        assert items, name
        for it in items:
            assert isinstance(it, Article | IngestError)
            if isinstance(it, IngestError):
                assert str(p) in str(it) and it.message
        got = [a.title for a in articles(items)]
        assert len(got) <= len(want), (name, got)
        if name == "entity.xml":  # an undefined entity stays as written
            assert got[0] == "Air &nosuchentity; strikes pound rebel-held districts of Idlib"
    junk = tmp_path / "junk.rss"
    junk.write_text("<rss><channel><item><title>x", "utf-8")
    (err,) = items_of(junk)
    assert isinstance(err, IngestError) and "no entries" in err.message or "no text" in err.message


def test_jsonl_with_truncated_last_line(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    recs = [{"id": f"t{i}", "text": ONE.replace("seven", str(i + 2)), "published": "2016-10-19"} for i in range(3)]
    body = "\n".join(json.dumps(r) for r in recs)
    p.write_text(body + "\n" + json.dumps({"id": "t9", "text": ONE})[:-25], "utf-8")  # cut off mid-string
    items = items_of(p)
    assert [a.article_id for a in articles(items)] == ["t0", "t1", "t2"]
    (err,) = errors(items)
    assert err.origin == f"{p}:4" and err.message.startswith("not valid JSON: unterminated string")
    stats = run_twice(tmp_path, p)
    assert stats.articles_new == 3 and len(stats.errors) == 1


def test_deeply_nested_json(tmp_path: Path) -> None:
    """A line nested past what json can read is that line's error; the file's other lines go in."""
    p = tmp_path / "deep.jsonl"
    deep = '{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    p.write_text("\n".join([
        json.dumps({"id": "d1", "text": ONE}), deep,
        json.dumps({"id": "d2", "text": ONE.replace("seven", "eight"), "extra": {"a": [[[[[1]]]]]}}),
        "[" * 50_000,  # not even closed
    ]) + "\n", "utf-8")
    items = items_of(p)
    assert [a.article_id for a in articles(items)] == ["d1", "d2"]
    assert [(e.origin, e.message) for e in errors(items)] == [
        (f"{p}:2", "JSON nested too deeply"), (f"{p}:4", "JSON nested too deeply")]
    stats = run_twice(tmp_path, p)
    assert stats.articles_new == 2


@pytest.mark.slow
def test_200_megabytes_of_paragraphs(tmp_path: Path) -> None:
    """200 MB of word salad in paragraphs: one 'article' far over the size budget. It is refused
    with its file, line and id, in linear time, and nothing is stored."""
    p = tmp_path / "huge.txt"
    rng = __import__("random").Random(7)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    block = "\n\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(20, 120))).capitalize() + "."
                        for _ in range(2000)) + "\n\n"
    with p.open("w", encoding="utf-8") as fh:
        for _ in range(200_000_000 // len(block) + 1):
            fh.write(block)
    assert p.stat().st_size >= 200_000_000
    db = str(tmp_path / "cw.db")
    store = open_store(db)
    with GUARD.deadline():
        stats = pipeline.run([str(p)], store, budget=Budget())
    (f,) = stats.failures
    assert f.origin == f"{p}:1" and "ArticleTooLarge" in f.reason
    assert store.count("articles") == 0 and store.count("claims") == 0


# -- budgets -------------------------------------------------------------------------------------------
def test_budget_from_environment() -> None:
    assert Budget.from_env({}) == Budget(300_000, 60.0)
    assert Budget.from_env({"CONFLICTWATCH_MAX_ARTICLE_CHARS": "1_000", "CONFLICTWATCH_MAX_ARTICLE_SECONDS": "2.5"}
                           ) == Budget(1000, 2.5)
    assert Budget.from_env({"CONFLICTWATCH_MAX_ARTICLE_CHARS": "0", "CONFLICTWATCH_MAX_ARTICLE_SECONDS": ""}
                           ) == Budget(None, None)
    with pytest.raises(ValueError, match="CONFLICTWATCH_MAX_ARTICLE_SECONDS='soon'"):
        Budget.from_env({"CONFLICTWATCH_MAX_ARTICLE_SECONDS": "soon"})
    with pytest.raises(ArticleTooLarge, match="1,001 characters, over the per-article limit of 1,000"):
        Budget(1000).check_size("x" * 1001)
    Budget(1000).check_size("x" * 1000)


def _catastrophic_regex() -> None:
    re.match(r"(a+)+$", "a" * 40 + "b")  # exponential backtracking, all of it inside C


def _busy_python() -> None:
    while True:
        sum(range(1000))


# (outside the main thread only Python code can be interrupted: documented in conflictwatch.budget)
@pytest.mark.parametrize("work,in_thread", [(_catastrophic_regex, False), (_busy_python, False),
                                            (_busy_python, True)])
def test_deadline_stops_runaway_work(work: Callable[[], None], in_thread: bool) -> None:
    out: list[BaseException | None] = []

    def go() -> None:
        t = time.monotonic()
        try:
            with Budget(max_seconds=0.3).deadline():
                work()
            out.append(None)
        except ArticleTooSlow as exc:
            out.append(exc)
            assert time.monotonic() - t < 5

    if in_thread:
        th = threading.Thread(target=go)
        th.start()
        th.join(30)
        assert not th.is_alive()
    else:
        go()
    assert isinstance(out[0], ArticleTooSlow) and "over the per-article limit of 0.3 s" in str(out[0])


def test_deadline_never_fires_after_the_work_is_done() -> None:
    """Work finishing right at the limit: the interruption is taken back, never delivered later."""
    def worker(done: list[int]) -> None:
        slow = 0
        for i in range(400):
            try:
                with Budget(max_seconds=0.0005).deadline():
                    sum(range(5000 + (i % 7) * 5000))
            except ArticleTooSlow:
                slow += 1
            for _ in range(20):
                sum(range(100))  # a late interruption would land here, uncaught
        done.append(slow)

    done: list[int] = []
    threads = [threading.Thread(target=worker, args=(done,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(done) == 2


def test_pipeline_reports_articles_over_budget_and_stores_the_rest(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "mixed.jsonl"
    recs = [{"id": "small", "text": ONE}, {"id": "big", "text": (ONE + " ") * 40},
            {"id": "slow", "text": ONE.replace("seven", "nine") + " SLOWDOWN"}]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", "utf-8")
    real = pipeline.extract_claims

    def extract(article: Article) -> list:  # type: ignore[type-arg]
        if "SLOWDOWN" in article.text:
            _busy_python()
        return real(article)

    monkeypatch.setattr(pipeline, "extract_claims", extract)
    stats = run_twice(tmp_path, p, budget=Budget(max_chars=2000, max_seconds=2))
    reasons = {f.article_id: (f.origin, f.reason.split(":")[0]) for f in stats.failures}
    assert reasons == {"big": (f"{p}:2", "ArticleTooLarge"), "slow": (f"{p}:3", "ArticleTooSlow")}
    assert stats.articles_new == 1 and stats.claims >= 1
    store = open_store(str(tmp_path / "cw.db"))
    assert [a.article_id for a in store.articles()] == ["small"]


def test_cli_names_the_article_over_budget(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from conflictwatch.cli import app

    p = tmp_path / "dump.txt"
    p.write_text(WIRE, "utf-8")
    r = CliRunner().invoke(app, ["run", str(p), "--db", str(tmp_path / "cw.db"), "-q",
                                 "--max-article-chars", "1000"])
    assert r.exit_code == 1
    lines = [ln for ln in r.output.splitlines() if "ArticleTooLarge" in ln]
    assert lines and all(re.search(rf"{re.escape(str(p))}:\d+: article a[0-9a-f]+: ArticleTooLarge", ln)
                         for ln in lines)
    r = CliRunner(env={"CONFLICTWATCH_MAX_ARTICLE_CHARS": "lots"}).invoke(
        app, ["run", str(p), "--db", str(tmp_path / "cw.db")])
    assert r.exit_code == 1 and "CONFLICTWATCH_MAX_ARTICLE_CHARS='lots' is not a number" in r.output


# -- fuzz: mutated files of every kind -------------------------------------------------------------
SEEDS = {
    ".txt": WIRE.encode(),
    ".jsonl": (REPO / "samples" / "articles.jsonl").read_bytes(),
    ".html": (FIXTURES / "page.html").read_bytes(),
    ".xml": (FIXTURES / "feed_rss.xml").read_bytes(),
    ".atom": (FIXTURES / "feed.atom").read_bytes(),
}


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, bytes]:
    ext = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[ext])
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.one_of(st.binary(max_size=40), st.sampled_from(
                [b"\x00", b"\r", b"\xef\xbb\xbf", b"<script>", b"]]>", b"&#0;", b"{", b"\n\n", b"\xff\xfe"])))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 2000))]
    return ext, bytes(data)


@given(mutated_files())
@settings(max_examples=80)
def test_fuzz_every_reader_gives_articles_or_errors_naming_the_file(tmp_path_factory: pytest.TempPathFactory,
                                                                      case: tuple[str, bytes]) -> None:
    ext, data = case
    p = tmp_path_factory.mktemp("fuzz") / f"input{ext}"
    p.write_bytes(data)
    items = items_of(p)
    assert items
    for it in items:
        if isinstance(it, IngestError):
            assert str(it).startswith(str(p)) and it.message and "\n" not in it.message
        else:
            assert isinstance(it, Article) and it.text.strip() and (it.origin or "").startswith(str(p))
            assert "\x00" not in it.text
