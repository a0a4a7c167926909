"""Readers for each input kind: raw dumps, JSON Lines, HTML pages, RSS/Atom feeds.

Every reader turns bad input into IngestError values instead of raising, so one broken
file or line never stops a batch.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from conflictwatch.ingest.layout import analyse_article, split_items
from conflictwatch.models import Article, IngestError

Item = Article | IngestError

JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".xml", ".rss", ".atom"}
MIN_HTML_WORDS = 8
_KNOWN_KEYS = {"text", "title", "published", "id", "url", "source"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "tr"}


def decode(raw: bytes, origin: str) -> str | IngestError:
    """Bytes to text, refusing empty, binary and non-UTF-8 input with a precise position."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return IngestError(origin, f"not valid UTF-16 (byte offset {exc.start})")
    else:
        nul = raw.find(b"\x00")
        if nul >= 0:
            return IngestError(origin, f"binary file (NUL byte at byte offset {nul}), skipped")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            start = exc.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
            line = raw.count(b"\n", 0, start) + 1
            col = start - (raw.rfind(b"\n", 0, start) + 1) + 1
            return IngestError(
                f"{origin}:{line}",
                f"not valid UTF-8: byte 0x{raw[start]:02x} at line {line}, column {col} "
                f"(byte offset {start}); re-save the file as UTF-8",
            )
    if not text.strip():
        return IngestError(origin, "empty file")
    return text


def sniff(text: str, ext: str) -> str:
    """Input kind from the extension, else from the first characters of the content."""
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in HTML_EXT:
        return "html"
    if ext in FEED_EXT:
        return "feed"
    head = text.lstrip()[:1000].lower()
    if re.match(r"<\?xml", head) or re.search(r"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed" if re.search(r"<(rss|feed|rdf:rdf)[\s>]", head) else "html"
    if head.startswith("<!doctype html") or re.search(r"<html[\s>]", head):
        return "html"
    if head.startswith("{") and _first_line_is_record(text):
        return "jsonl"
    return "dump"


def _first_line_is_record(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        obj = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and "text" in obj


def read_text(text: str, kind: str, origin: str) -> Iterator[Item]:
    """Dispatch decoded text to the reader for its kind."""
    if kind == "jsonl":
        yield from read_jsonl(text, origin)
    elif kind == "html":
        yield read_html(text, origin)
    elif kind == "feed":
        yield from read_feed(text, origin)
    else:
        yield from split_items(text, origin)


def parse_date(value: Any) -> date | None:
    """ISO 8601 date or date-time (with 'Z' or offset) to a date; None when unparseable."""
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        return datetime.fromisoformat(v).date()
    except ValueError:
        pass
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", v)
    if m:
        try:
            return date.fromisoformat(m[1])
        except ValueError:
            return None
    return None


def json_problem(exc: json.JSONDecodeError) -> str:
    """ "unterminated string starting at column 26": json's message ends in "starting at" for
    some errors and names no position for others; either way the column is said once."""
    msg = exc.msg[:1].lower() + exc.msg[1:]
    if msg.endswith(" at"):
        return f"{msg} column {exc.colno}"
    return f"{msg} at column {exc.colno}"


def read_jsonl(text: str, origin: str) -> Iterator[Item]:
    """One article per JSON line; bad lines are reported with their number and skipped."""
    for no, line in enumerate(text.splitlines(), start=1):
        yield from _jsonl_record(line, f"{origin}:{no}")


def read_jsonl_lines(lines: Iterable[bytes], origin: str) -> Iterator[Item]:
    """`read_jsonl` over raw lines as they are read (a large file or a pipe, in constant memory).

    Each line is decoded on its own, so a line that is not UTF-8 is reported with its line,
    column and byte offset, and the lines around it still go in."""
    offset = 0
    for no, full in enumerate(lines, start=1):
        where = f"{origin}:{no}"
        raw = full.rstrip(b"\r\n")
        if no == 1 and raw.startswith(codecs.BOM_UTF8):
            raw, full, offset = raw[3:], full[3:], 3
        nul = raw.find(b"\x00")
        if nul >= 0:
            yield IngestError(where, f"binary data (NUL byte at byte offset {offset + nul}), line skipped")
        else:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield IngestError(
                    where,
                    f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at line {no}, column {exc.start + 1} "
                    f"(byte offset {offset + exc.start}); re-save the file as UTF-8",
                )
            else:
                yield from _jsonl_record(line, where)
        offset += len(full)


def _jsonl_record(line: str, where: str) -> Iterator[Item]:
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield IngestError(where, f"not valid JSON: {json_problem(exc)}")
        return
    except RecursionError:  # json gives up on deep nesting; the other lines still go in
        yield IngestError(where, "JSON nested too deeply")
        return
    if not isinstance(obj, dict):
        yield IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
        return
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        yield IngestError(where, "missing required field 'text'")
        return
    title = obj.get("title") if isinstance(obj.get("title"), str) and obj["title"].strip() else None
    item = analyse_article(body, where, title=title.strip() if title else None)
    if isinstance(item, IngestError):
        yield item
        return
    pub = parse_date(obj.get("published"))
    if obj.get("published") not in (None, "") and pub is None:
        yield IngestError(where, f"unreadable 'published' {obj['published']!r}; date ignored")
    if pub is not None:
        item.published, item.published_inferred = pub, False
    if obj.get("id") not in (None, ""):
        item.article_id = str(obj["id"])
    item.url = str(obj["url"]) if obj.get("url") else None
    item.source = str(obj["source"]) if obj.get("source") else None
    item.meta.update({k: v for k, v in obj.items() if k not in _KNOWN_KEYS})
    yield item


def read_html(text: str, origin: str) -> Item:
    """Main text and metadata of one web page via trafilatura, then the wire-layout analysis."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken pages
        return IngestError(origin, f"HTML could not be parsed: {exc}")
    if doc is None:
        return IngestError(origin, "no article text found in HTML page")
    d: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    body = d.get("text") or ""
    if len(body.split()) < MIN_HTML_WORDS:  # a page of menus yields a word or two, not an article
        return IngestError(origin, f"no article text found in HTML page ({len(body.split())} words)")
    item = analyse_article(body, origin, title=(d.get("title") or None))
    if isinstance(item, IngestError):
        return item
    pub = parse_date(d.get("date"))
    if pub is not None:
        item.published, item.published_inferred = pub, False
    item.url = d.get("url") or None
    item.source = d.get("sitename") or None
    item.meta.update({"format": "html"})
    for key in ("author", "description", "hostname"):
        if d.get(key):
            item.meta[key] = d[key]
    return item


def html_to_text(html: str) -> str:
    """Strip HTML tags, keeping block elements as separate paragraphs."""
    import lxml.html

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError on junk; fall back to a regex strip
        return re.sub(r"<[^>]+>", " ", html).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _agency_named(text: str | None) -> str | None:
    """The known agency (wire_layout.yaml `agencies`) a byline or title names, as written there."""
    if not text:
        return None
    from conflictwatch.ingest.rules import rules

    flat = " ".join(text.split())
    for agency in sorted(rules().agencies, key=len, reverse=True):
        m = re.search(rf"(?<![\w-]){re.escape(agency)}(?![\w-])", flat, re.IGNORECASE)
        if m:
            return m.group(0)
    return None


def entry_agency(entry: Any, feed_title: str | None) -> str | None:
    """Who an RSS/Atom item says published it: its <source> element, else a byline
    (dc:creator/author) or the feed's title when either names a known agency; else None, so
    the dateline's agency ("BEIRUT (Reuters) -") stands. A feed's title ("World News") is not
    a publisher unless it names one."""
    src = entry.get("source")
    if isinstance(src, dict) and (src.get("title") or "").strip():
        return " ".join(src["title"].split())
    authors = [a.get("name") for a in entry.get("authors") or [] if isinstance(a, dict)]
    for byline in (entry.get("author"), *authors):
        agency = _agency_named(byline)
        if agency:
            return agency
    return _agency_named(feed_title)


def _entry_lines(text: str) -> list[int]:
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<(?:item|entry)[\s>]", text)]


def read_feed(text: str, origin: str) -> Iterator[Item]:
    """One article per RSS/Atom entry: title, date, link and the HTML-stripped content."""
    import feedparser

    parsed = feedparser.parse(text)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        yield IngestError(origin, f"not an RSS/Atom feed or no entries{f' ({why})' if why else ''}")
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    lines = _entry_lines(text)
    for i, e in enumerate(entries):
        where = f"{origin}:{lines[i]}" if len(lines) == len(entries) else f"{origin}#{i + 1}"
        contents = [c.get("value", "") for c in e.get("content") or []]
        html = max(contents, key=len) if contents else ""
        if len(e.get("summary", "")) > len(html):
            html = e.get("summary", "")
        body = html_to_text(html)
        title = (e.get("title") or "").strip() or None
        if not body.strip():
            yield IngestError(where, f"feed entry {title or i + 1!r} has no text")
            continue
        item = analyse_article(body, where, title=title)
        if isinstance(item, IngestError):
            yield item
            continue
        st = e.get("published_parsed") or e.get("updated_parsed")
        if st:
            item.published = date(*st[:3])
            item.published_inferred = False
        item.url = e.get("link") or None
        item.source = entry_agency(e, feed_title)
        item.meta["format"] = "feed"
        if e.get("id"):
            item.meta["guid"] = e["id"]
        if feed_title:
            item.meta["feed_title"] = feed_title
        if e.get("author"):
            item.meta["author"] = e["author"]
        yield item
