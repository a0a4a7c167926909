"""Progress of long runs: a bar with total, rate and time left on a terminal; otherwise a plain
line every few seconds (for logs of cron jobs and CI), and one at the end.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from conflictwatch.ingest import _walk
from conflictwatch.ingest.layout import split_items
from conflictwatch.ingest.readers import FEED_EXT, HTML_EXT, JSONL_EXT, decode, sniff
from conflictwatch.models import Article

INTERVAL_ENV = "CONFLICTWATCH_PROGRESS_SECONDS"


class RateColumn(ProgressColumn):
    """ "4.2 articles/s" once a rate is known."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} {self.unit}/s", style="progress.data.speed")


def count_articles(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, cheaply: JSON Lines are counted by their non-blank lines
    and feeds by their entries without parsing them (a 100,000-article file takes about a second),
    raw dumps are split; None for standard input, which can be read only once."""
    if "-" in inputs:
        return None
    total = 0
    for p in inputs:
        path = Path(p)
        for f in _walk(path) if path.is_dir() else [path] if path.is_file() else []:
            try:
                total += _count_file(f)
            except OSError:
                continue  # the run reports it
    return total


_ENTRY = re.compile(rb"<(?:item|entry)[\s>]")


def _count_file(path: Path) -> int:
    ext = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
        kind = ext if ext in JSONL_EXT | HTML_EXT | FEED_EXT else ""
        if not kind and b"\x00" not in head:
            kind = {"jsonl": ".jsonl", "html": ".html", "feed": ".xml"}.get(
                sniff(head.decode("utf-8", errors="replace"), ""), "")
        if kind in JSONL_EXT:
            return sum(1 for line in _chain(head, fh) if line.strip())
        raw = head + fh.read()
    if kind in HTML_EXT:
        return 1
    if kind in FEED_EXT:
        return len(_ENTRY.findall(raw))
    text = decode(raw, str(path))
    return 0 if not isinstance(text, str) else sum(isinstance(x, Article) for x in split_items(text))


def _chain(head: bytes, rest: BinaryIO) -> Iterator[bytes]:
    """Lines of a stream of which `head` was read already."""
    lines = head.split(b"\n")
    tail = lines.pop()
    yield from lines
    first = rest.readline()
    yield tail + first
    yield from rest


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m{s:02d}s" if h else f"{m}m{s:02d}s" if m else f"{s}s"


class RunProgress:
    """Count items as they are processed and show how far along the job is."""

    def __init__(self, console: Console, total: int | None, unit: str = "articles",
                 interval: float | None = None) -> None:
        self.console = console
        self.total = total
        self.unit = unit
        self.done = 0
        if interval is None:
            interval = float(os.environ.get(INTERVAL_ENV, "10"))
        self.interval = interval
        self._start = self._last = 0.0
        self._bar: Progress | None = None
        self._task: int | None = None
        self.interrupted = False

    def __enter__(self) -> RunProgress:
        self._start = self._last = time.monotonic()
        if self.console.is_terminal:
            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(self.unit),
                TimeElapsedColumn(),
                TextColumn("elapsed,"),
                TimeRemainingColumn(),
                TextColumn("left"),
                console=self.console,
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.unit, total=self.total)
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)  # type: ignore[arg-type]
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self.console.print(self.line(now), highlight=False, soft_wrap=True)

    def line(self, now: float | None = None) -> str:
        """ "progress: 120/500 articles (24%), 4.1 articles/s, about 1m33s left"."""
        elapsed = max((now or time.monotonic()) - self._start, 1e-9)
        rate = self.done / elapsed
        of = f"/{self.total}" if self.total else ""
        pct = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        text = f"progress: {self.done}{of} {self.unit}{pct}, {rate:.1f} {self.unit}/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", about {_duration((self.total - self.done) / rate)} left"
        return text

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            return
        if exc_type is None and self.done and not self.interrupted:
            elapsed = time.monotonic() - self._start
            self.console.print(
                f"done: {self.done} {self.unit} in {_duration(elapsed)} "
                f"({self.done / max(elapsed, 1e-9):.1f} {self.unit}/s)",
                highlight=False, soft_wrap=True,
            )


__all__ = ["INTERVAL_ENV", "RunProgress", "count_articles"]
