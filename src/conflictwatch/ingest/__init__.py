"""Ingest: turn files, folders, JSON Lines, HTML, feeds and raw wire dumps into Articles.

Nothing here raises for bad input: unreadable pieces become IngestError values so the
rest of a batch still goes in.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from conflictwatch.ingest.layout import analyse_article, caption_dates, split_dump, split_items
from conflictwatch.ingest.readers import decode, read_text, sniff
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
        yield from _guarded(STDIN_ORIGIN, lambda: _read_stdin())
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


def _guarded(origin: str, fn: object) -> list[Article | IngestError]:
    """Run one file's reader to completion; any surprise becomes one IngestError, never a crash."""
    try:
        return list(fn())  # type: ignore[operator]
    except PermissionError:
        return [IngestError(origin, "permission denied")]
    except OSError as exc:
        return [IngestError(origin, f"cannot read: {exc.strerror or exc}")]
    except Exception as exc:  # a reader bug must not stop the batch
        return [IngestError(origin, f"could not ingest: {type(exc).__name__}: {exc}")]


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


def _read_file(path: Path) -> Iterator[Article | IngestError]:
    raw = path.read_bytes()
    text = decode(raw, str(path))
    if isinstance(text, IngestError):
        yield text
        return
    yield from read_text(text, sniff(text, path.suffix.lower()), str(path))


def _read_stdin() -> Iterator[Article | IngestError]:
    """Standard input is a raw dump (JSON Lines, HTML or feeds are recognised by content)."""
    stream = sys.stdin
    if stream is None:
        yield IngestError(STDIN_ORIGIN, "no standard input")
        return
    buf = getattr(stream, "buffer", None)
    raw = buf.read() if buf is not None else stream.read().encode("utf-8")
    text = decode(raw, STDIN_ORIGIN)
    if isinstance(text, IngestError):
        yield text
        return
    yield from read_text(text, sniff(text, ""), STDIN_ORIGIN)
