"""Per-article budgets: how much text one article may have, and how long its extraction may take.

Input comes from the web: a scraped page can be a 5 MB list of names, a feed item can hold a whole
book. Extraction is linear in the text's length (`bench/bench_long_text.py`), but one such article
would still hold up a run for minutes and fill the database with noise. So each article gets a
budget, and one that exceeds it is not stored: the run reports it (`FILE:LINE: article ID:
ArticleTooLarge: ...`), goes on with the next, exits with status 1, and tries it again next time
(raise the budget to let it in).

- size: `CONFLICTWATCH_MAX_ARTICLE_CHARS` (default 300,000 characters, ~50,000 words: five times
  the longest long-form news story) — checked before any work is done;
- time: `CONFLICTWATCH_MAX_ARTICLE_SECONDS` (default 60 s; a normal article takes ~30 ms) — a
  safety net for pathological text. In the main thread (the command line) a SIGALRM timer
  interrupts even a regular expression stuck in C; in other threads (the API's, workers') a
  watchdog raises the timeout in the thread at its next Python instruction.

0 (or an empty value) switches a limit off.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

MAX_CHARS_ENV = "CONFLICTWATCH_MAX_ARTICLE_CHARS"
MAX_SECONDS_ENV = "CONFLICTWATCH_MAX_ARTICLE_SECONDS"
DEFAULT_MAX_CHARS = 300_000
DEFAULT_MAX_SECONDS = 60.0


class BudgetExceeded(Exception):
    """An article over its budget: nothing of it is stored."""


class ArticleTooLarge(BudgetExceeded):
    pass


class ArticleTooSlow(BudgetExceeded):
    pass


class _Interrupt(BaseException):
    """Raised inside the work when time is up. A BaseException, like KeyboardInterrupt, so that no
    `except Exception` in the extractor or a library swallows it; `deadline` turns it into
    ArticleTooSlow once it is out of the work."""


def _number(environ: Mapping[str, str], name: str, default: float) -> float | None:
    raw = environ.get(name)
    if raw is None:
        return default
    raw = raw.strip().replace("_", "").replace(",", "")
    if raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={environ[name]!r} is not a number") from None
    if value < 0:
        raise ValueError(f"{name}={environ[name]!r} is negative (0 switches the limit off)")
    return value or None


@dataclass(frozen=True)
class Budget:
    """What one article may cost; None = no limit."""

    max_chars: int | None = DEFAULT_MAX_CHARS
    max_seconds: float | None = DEFAULT_MAX_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Budget:
        """The budget the environment sets (defaults where it sets none); ValueError naming the
        variable for a value that is not a number."""
        env = os.environ if environ is None else environ
        chars = _number(env, MAX_CHARS_ENV, DEFAULT_MAX_CHARS)
        seconds = _number(env, MAX_SECONDS_ENV, DEFAULT_MAX_SECONDS)
        return cls(int(chars) if chars else None, seconds)

    def too_large(self, text: str) -> bool:
        return self.max_chars is not None and len(text) > self.max_chars

    def check_size(self, text: str) -> None:
        """ArticleTooLarge when `text` is over the size budget."""
        if self.too_large(text):
            raise ArticleTooLarge(
                f"{len(text):,} characters, over the per-article limit of {self.max_chars:,} "
                f"(raise it with {MAX_CHARS_ENV} or --max-article-chars); not stored"
            )

    @contextmanager
    def deadline(self) -> Iterator[None]:
        """Run the block under the time budget; ArticleTooSlow when it runs out."""
        if self.max_seconds is None:
            yield
            return
        start = time.monotonic()
        try:
            with _alarm(self.max_seconds) if _can_alarm() else _watchdog(self.max_seconds):
                yield
        except _Interrupt:
            raise ArticleTooSlow(
                f"extraction stopped after {time.monotonic() - start:.1f} s, over the per-article limit "
                f"of {self.max_seconds:g} s (raise it with {MAX_SECONDS_ENV} or --max-article-seconds); "
                "not stored"
            ) from None


def _can_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # nobody else's timer is running
    )


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """SIGALRM after `seconds`: Python runs the handler in the main thread even inside a long C
    call that checks for signals (the regular expression engine does)."""

    def ring(_signum: int, _frame: Any) -> None:
        raise _Interrupt

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = [ctypes.c_ulong, ctypes.py_object]


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """A timer thread that raises _Interrupt in this thread (CPython's PyThreadState_SetAsyncExc)
    when the block is still running after `seconds`. It lands at the next Python instruction: a
    single C call that never returns to Python is not interrupted."""
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async_exc(tid, _Interrupt)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        try:
            with lock:
                state["done"] = True
                if state["fired"]:  # fired as the block ended: take back what was not delivered
                    _set_async_exc(tid, ctypes.py_object())
        except _Interrupt:  # delivered here, after the work had finished in time
            pass


__all__ = [
    "ArticleTooLarge", "ArticleTooSlow", "Budget", "BudgetExceeded", "DEFAULT_MAX_CHARS",
    "DEFAULT_MAX_SECONDS", "MAX_CHARS_ENV", "MAX_SECONDS_ENV",
]
