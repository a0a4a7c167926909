"""Ingest: turn files, folders, JSON Lines, HTML, feeds and raw wire dumps into Articles.

Nothing here raises for bad input: unreadable pieces become IngestError values so the
rest of a batch still goes in. Input is read as it is consumed: a folder file by file, and
JSON Lines (a file or standard input) line by line, so a corpus of any size streams through in
constant memory. Raw dumps, HTML pages and feeds are read whole (each is one document).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from conflictwatch.ingest.layout import analyse_article, caption_dates, split_dump, split_items
from conflictwatch.ingest.readers import JSONL_EXT, decode, read_jsonl_lines, read_text, sniff
from conflictwatch.models import Article, IngestError

__all__ = ["analyse_article", "caption_dates", "read_inputs", "split_dump", "split_items"]

STDIN_ORIGIN = "<stdin>"


def read_inputs(paths: list[str], published: date | None = None) -> Iterator[Article | IngestError]:
    """Yield every article found in `paths` ('-' = stdin), and an IngestError for each bad piece.

    Publication date precedence: the input's own metadata, then `published`, then the
    latest photo-caption date (marked ``published_inferred``), else None.
    """
    for p in paths:
        for item in _read_path(p):
            if isinstance(item, Article) and published is not None and (
                item.published is None or item.published_inferred
            ):
                item.published, item.published_inferred = published, False
            yield item


def _read_path(p: str) -> Iterator[Article | IngestError]:
    if p == "-":
        yield from _guarded(STDIN_ORIGIN, _read_stdin)
        return
    path = Path(p)
    if path.is_dir():
        files = _walk(path)
        if not files:
            yield IngestError(p, "folder has no (non-hidden) files")
        for f in files:
            yield from _guarded(str(f), lambda f=f: _read_file(f))
    elif path.exists():
        yield from _guarded(p, lambda: _read_file(path))
    else:
        yield IngestError(p, "no such file or directory")


def _guarded(
    origin: str, fn: Callable[[], Iterable[Article | IngestError]]
) -> Iterator[Article | IngestError]:
    """Run one file's reader, passing its items on as they come; any surprise becomes one
    IngestError (after the items read before it), never a crash."""
    try:
        yield from fn()
    except PermissionError:
        yield IngestError(origin, "permission denied")
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug must not stop the batch
        yield IngestError(origin, f"could not ingest: {type(exc).__name__}: {exc}")


_NOT_ARTICLES = ("readme", "license", "licence", "changelog")


def _walk(root: Path) -> list[Path]:
    """Files under `root`, recursively, in sorted order, skipping hidden files and folders.

    A folder's README/LICENSE describes the folder, it is not an article (name it explicitly
    to ingest it anyway).
    """
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(
            Path(dirpath) / f
            for f in sorted(filenames)
            if not f.startswith(".") and not f.lower().startswith(_NOT_ARTICLES)
        )
    return sorted(out, key=lambda x: x.relative_to(root).parts)


#: How much of a file or stream is looked at to decide its kind before streaming the rest.
_HEAD_BYTES = 1 << 16


def _read_file(path: Path) -> Iterator[Article | IngestError]:
    with path.open("rb") as fh:
        yield from _read_stream(fh, str(path), path.suffix.lower())


def _read_stdin() -> Iterator[Article | IngestError]:
    """Standard input: JSON Lines, HTML or feeds are recognised by content, else a raw dump."""
    stream = sys.stdin
    if stream is None:
        yield IngestError(STDIN_ORIGIN, "no standard input")
        return
    buf = getattr(stream, "buffer", None)
    if buf is None:  # a text stream without bytes underneath (tests, embedding)
        raw = stream.read().encode("utf-8")
        yield from _read_whole(raw, STDIN_ORIGIN, "")
        return
    yield from _read_stream(buf, STDIN_ORIGIN, "")


def _read_stream(fh: BinaryIO, origin: str, ext: str) -> Iterator[Article | IngestError]:
    """JSON Lines line by line; any other kind whole. The kind is decided on the first 64 kB."""
    head = fh.read(_HEAD_BYTES)
    probe = head.decode("utf-8", errors="replace") if b"\x00" not in head else ""
    streamable = ext in JSONL_EXT or (not ext and probe and sniff(probe, "") == "jsonl")
    if not streamable or head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 is decoded whole
        yield from _read_whole(head + fh.read(), origin, ext)
        return
    lines = _lines(head, fh)
    first = next(lines, None)
    if first is None or (not first.strip() and head.strip() == b""):
        yield IngestError(origin, "empty file")
        return
    yield from read_jsonl_lines(_chain(first, lines), origin)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _lines(head: bytes, fh: BinaryIO) -> Iterator[bytes]:
    """The stream's lines (bytes, newline kept), `head` being what was already read of it."""
    pending = head
    while True:
        nl = pending.find(b"\n")
        if nl >= 0:
            yield pending[: nl + 1]
            pending = pending[nl + 1 :]
            continue
        more = fh.readline()
        if not more:
            if pending:
                yield pending
            return
        pending += more


def _read_whole(raw: bytes, origin: str, ext: str) -> Iterator[Article | IngestError]:
    text = decode(raw, origin)
    if isinstance(text, IngestError):
        yield text
        return
    yield from read_text(text, sniff(text, ext), origin)
