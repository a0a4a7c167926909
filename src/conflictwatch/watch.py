"""`conflictwatch watch`: poll RSS/Atom feeds and drop folders, and take in only what is new.

Each round looks at every source, sends what it has not seen to the main job (`pipeline.run_items`)
and then remembers it in the database (`watch_seen`), so a restarted watcher, a cron job of
`watch --once` or a second watcher on the same database does not take anything in twice:

- a feed (an http(s) URL or a file): its items, by guid, else link, else text, with the hash of
  their text (an item whose text changed is taken in again; near-duplicate detection links it to
  the earlier version); a feed whose body is unchanged since the last round is not parsed;
- a folder (or any other file): its files, by path, with size, modification time and SHA-256
  (a file touched but unchanged is not read again). Files modified in the last `settle` seconds
  may still be being written and wait for the next round.

A source that is down, times out or returns something that is not a feed is logged and tried
again next round; the other sources go on. An item or file whose article failed to be stored is
not remembered, so it is tried again too.
"""

from __future__ import annotations

import hashlib
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from conflictwatch import __version__, pipeline
from conflictwatch.ingest import _walk, read_inputs
from conflictwatch.ingest.readers import decode, read_text, sniff
from conflictwatch.models import Article, IngestError
from conflictwatch.parallel import ExecutorSpec
from conflictwatch.store import Store

log = logging.getLogger(__name__)

Item = Article | IngestError
#: Feeds larger than this are refused (a feed is a list of recent items, not an archive).
MAX_FEED_BYTES = 50 * 1024 * 1024
_BODY = "<feed body>"  # the watch_seen item holding a feed's last body hash


def parse_duration(text: str) -> float:
    """Seconds in "90", "90s", "10m", "1h", "1h30m" or "1d"; ValueError otherwise."""
    import re

    s = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", s)
    if not parts or re.sub(r"\d+(?:\.\d+)?\s*[smhd]", "", s).strip():
        raise ValueError(f"{text!r} is not a duration: write e.g. 90s, 10m, 1h or 1h30m")
    return sum(float(n) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[u] for n, u in parts)


@dataclass
class Round:
    """What one round did."""

    number: int
    sources: int = 0
    failed: list[str] = field(default_factory=list)  # "source: why" for sources to retry
    new_items: int = 0  # items not seen before, sent to the main job
    stats: pipeline.RunStats | None = None  # None: nothing new, the main job did not run

    @property
    def ok(self) -> bool:
        return not self.failed and (self.stats is None or self.stats.ok)

    def describe(self) -> str:
        parts = [f"round {self.number}: {self.sources} sources, {self.new_items} new items"]
        if self.stats is not None:
            parts.append(self.stats.describe())
        if self.failed:
            parts.append(f"{len(self.failed)} sources failed (tried again next round)")
        return "; ".join(parts)


@dataclass
class _Unit:
    """Something new from one source: its items, and what to remember once they are stored."""

    source: str
    items: Callable[[], Iterator[Item]]
    remember: dict[str, str]  # item -> fingerprint, written when nothing of the unit failed
    keys: dict[str, str] = field(default_factory=dict)  # article content hash -> item (feeds)
    origin: str | None = None  # file path: its articles' failures name it


class Watcher:
    """Polls `sources` (URLs, feed files, folders, files) into `store`."""

    def __init__(self, sources: list[str], store: Store, spec: ExecutorSpec | None = None,
                 settle: float = 2.0, timeout: float = 30.0) -> None:
        self.sources = sources
        self.store = store
        self.spec = spec or ExecutorSpec()
        self.settle = settle
        self.timeout = timeout
        self.rounds = 0
        self._reported: set[str] = set()

    # -- a round ----------------------------------------------------------------------
    def round(self) -> Round:
        """Look at every source once; take in what is new; remember it."""
        self.rounds += 1
        rnd = Round(self.rounds, sources=len(self.sources))
        units: list[_Unit] = []
        for src in self.sources:
            try:
                units.extend(self._scan(src))
            except _SourceDown as exc:
                rnd.failed.append(f"{src}: {exc}")
                log.warning("%s: %s; tried again next round", src, exc)
        rnd.new_items = sum(len(u.remember) for u in units)
        # The first round runs the main job even with nothing new: it repairs and reconciles
        # what an interrupted earlier run may have left.
        if units or self.rounds == 1:
            rnd.stats = pipeline.run_items(self._items(units), self.store, spec=self.spec)
            self._remember(units, rnd.stats)
        return rnd

    def forever(self, every: float, stop: Callable[[Round], bool] | None = None,
                sleep: Callable[[float], None] = time.sleep) -> None:
        """Rounds every `every` seconds (from start to start) until `stop(round)` says so."""
        while True:
            start = time.monotonic()
            rnd = self.round()
            log.info("%s", rnd.describe())
            if stop is not None and stop(rnd):
                return
            sleep(max(0.0, every - (time.monotonic() - start)))

    def _items(self, units: list[_Unit]) -> Iterator[Item]:
        for u in units:
            for item in u.items():
                if isinstance(item, IngestError):
                    key = f"{item.origin}: {item.message}"
                    if key in self._reported:  # said in an earlier round: once is enough
                        continue
                    self._reported.add(key)
                yield item

    def _remember(self, units: list[_Unit], stats: pipeline.RunStats) -> None:
        failed_ids = {f.article_id for f in stats.failures}
        failed_origins = [f.origin or "" for f in stats.failures]
        for u in units:
            if u.origin is not None:  # a file: remembered whole, unless one of its articles failed
                if not any(o == u.origin or o.startswith(u.origin + ":") for o in failed_origins):
                    self.store.mark_seen(u.source, u.remember)
                continue
            done = {}
            for key, fp in u.remember.items():
                aid = u.keys.get(key)
                if aid not in failed_ids:
                    done[key] = fp
            if len(done) == len(u.remember) and _BODY in u.keys:
                done[_BODY] = u.keys[_BODY]
            self.store.mark_seen(u.source, done)

    # -- sources ----------------------------------------------------------------------
    def _scan(self, src: str) -> list[_Unit]:
        if src.startswith(("http://", "https://")):
            return self._feed(src, self._fetch(src))
        path = Path(src)
        if path.is_dir():
            return self._folder(src, path)
        if path.is_file():
            return self._file(src, path)
        raise _SourceDown("no such file, folder or URL")

    def _fetch(self, url: str) -> bytes:
        req = urllib.request.Request(url, headers={"User-Agent": f"conflictwatch/{__version__}"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 - http(s) only
                body: bytes = resp.read(MAX_FEED_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise _SourceDown(f"HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _SourceDown(f"unreachable ({reason})") from exc
        if len(body) > MAX_FEED_BYTES:
            raise _SourceDown(f"larger than {MAX_FEED_BYTES // 1024 // 1024} MB: not a feed")
        return body

    def _feed(self, src: str, body: bytes) -> list[_Unit]:
        """A feed's items not seen before (with the same text)."""
        digest = hashlib.sha256(body).hexdigest()
        seen = self.store.seen(src)
        if seen.get(_BODY) == digest:
            return []
        text = decode(body, src)
        if isinstance(text, IngestError):
            raise _SourceDown(text.message)
        items = list(read_text(text, "feed", src))
        broken = [i for i in items if isinstance(i, IngestError) and i.origin == src]
        if broken:  # not a feed at all (an error page, garbage): the source is down this round
            raise _SourceDown(broken[0].message)
        fresh: list[Item] = []
        remember: dict[str, str] = {}
        keys: dict[str, str] = {_BODY: digest}
        for it in items:
            if isinstance(it, Article):
                key = _item_key(it)
                if seen.get(key) == it.hash:
                    continue
                remember[key] = it.hash
                keys[key] = it.article_id or ""
            fresh.append(it)  # new articles, and bad entries (reported once)
        if not fresh:
            self.store.mark_seen(src, {_BODY: digest})  # nothing new: not parsed again until it changes
            return []
        return [_Unit(src, partial(iter, fresh), remember, keys)]

    def _folder(self, src: str, root: Path) -> list[_Unit]:
        seen = self.store.seen(src)
        units = []
        for f in _walk(root):
            unit = self._changed(src, f, str(f.relative_to(root)), seen)
            if unit is not None:
                units.append(unit)
        return units

    def _file(self, src: str, path: Path) -> list[_Unit]:
        """A single file: a feed is taken item by item, anything else whole when it changed."""
        with path.open("rb") as fh:
            head = fh.read(4096)
        if sniff(head.decode("utf-8", errors="replace"), path.suffix.lower()) == "feed":
            return self._feed(src, path.read_bytes())
        unit = self._changed(src, path, path.name, self.store.seen(src))
        return [unit] if unit is not None else []

    def _changed(self, src: str, f: Path, key: str, seen: dict[str, str]) -> _Unit | None:
        """The file as a unit when it is new or its content changed; None when it is known (or
        still being written)."""
        try:
            st = f.stat()
        except OSError:
            return None  # removed meanwhile
        if time.time() - st.st_mtime < self.settle:
            return None
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
        old = seen.get(key, "")
        if old.startswith(stamp + ":"):
            return None
        digest = _sha256(f)
        if old.endswith(":" + digest):
            self.store.mark_seen(src, {key: f"{stamp}:{digest}"})  # touched, not changed
            return None
        return _Unit(src, partial(read_inputs, [str(f)]), {key: f"{stamp}:{digest}"}, origin=str(f))


class _SourceDown(Exception):
    """A source that could not be read this round."""


def _item_key(article: Article) -> str:
    key = str(article.meta.get("guid") or article.url or article.hash)
    return key if len(key) <= 500 else hashlib.sha256(key.encode()).hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


__all__ = ["Round", "Watcher", "parse_duration"]
