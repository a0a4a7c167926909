"""The bundled gazetteer as an on-disk SQLite index: built once per data version, then opened.

Why: reading 350k places into dicts cost ~3.5 s at every start, before a run looked at its
input. The index is built on first use from the bundled `gazetteer.tsv.gz` into a cache
folder (the package stays small), named by the source file's hash and the index schema
version, so a new gazetteer gets a new index and an old one is never read by mistake.
Two processes building at once each write a private temporary file and rename it into
place (atomic), so a reader never sees half an index.

`SqlitePlaceIndex` answers like the in-memory `PlaceIndex` (same rows, same order), with a
cache of hot keys: the article-context scan looks up every capitalised word.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflictwatch.geo.gazetteer import PTYPES, Place, bundled_source, iter_bundled
from conflictwatch.geo.normalize import name_key, phonetic_key, skeleton_from_phonetic, skeleton_key

log = logging.getLogger(__name__)

ENV_CACHE = "CONFLICTWATCH_CACHE"
SCHEMA_VERSION = 2  # bump when the tables below (or the keys read into them) change: the file name changes

_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,  -- row number in the source file: ties are broken in file order
    name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, cc TEXT NOT NULL, ptype TEXT NOT NULL,
    pop INTEGER NOT NULL,
    ph TEXT NOT NULL  -- the place's phonetic keys in their own order: the fuzzy tier's candidates
);
-- tier 0 exact key, 1 phonetic, 2 skeleton (geo.normalize); one row per distinct key of a place.
CREATE TABLE names (
    tier INTEGER NOT NULL, key TEXT NOT NULL, cc TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (tier, key, cc, place)
) WITHOUT ROWID;
"""
_INDEXES = "CREATE INDEX places_by_country ON places (cc);"
NameRow = tuple[int, str, str, int]  # tier, key, country, place
_COLS = "p.id, p.name, p.lat, p.lon, p.admin1, p.admin2, p.cc, p.ptype, p.pop"


# --- where the index lives ------------------------------------------------------------------

def cache_dirs() -> list[Path]:
    """Folders to keep the index in, best first: $CONFLICTWATCH_CACHE, the user cache, a temp folder."""
    env = os.environ.get(ENV_CACHE, "").strip()
    if env:
        first = Path(env).expanduser()
    else:
        import platformdirs

        first = Path(platformdirs.user_cache_dir("conflictwatch", appauthor=False))
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return [first, Path(tempfile.gettempdir()) / f"conflictwatch-{uid}"]


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            return True
    except OSError:
        return False


_DIGESTS: dict[tuple[str, int, int], str] = {}


def source_digest(source: Path) -> str:
    """sha256 of the source file (memoised per size and mtime: ~20 ms for the bundled 8 MB)."""
    st = source.stat()
    memo = (str(source), st.st_size, st.st_mtime_ns)
    if memo not in _DIGESTS:
        with source.open("rb") as fh:
            _DIGESTS[memo] = hashlib.file_digest(fh, "sha256").hexdigest()
    return _DIGESTS[memo]


def index_name(source: Path) -> str:
    return f"gazetteer-{source_digest(source)[:16]}-s{SCHEMA_VERSION}.sqlite"


@dataclass
class IndexInfo:
    """Where the index is, and whether this call built it (and in how long)."""

    path: Path
    built: bool
    seconds: float = 0.0


def ensure_index(source: Path, folders: list[Path] | None = None, force: bool = False,
                 announce: bool = True) -> IndexInfo:
    """The index for `source`: an existing one in any cache folder, else built in the first writable one."""
    folders = folders if folders is not None else cache_dirs()
    name = index_name(source)
    if not force:
        for folder in folders:
            path = folder / name
            if _valid(path, source):
                return IndexInfo(path, built=False)
    for folder in folders:
        if _writable(folder):
            if announce:  # said out loud: otherwise the first geocoding run seems to hang for ~20 s
                log.warning("building the gazetteer index in %s (once per gazetteer version, ~20 s; "
                            "`conflictwatch gazetteer build-index` does it ahead of time)", folder)
            t0 = time.perf_counter()
            build_index(source, folder / name)
            return IndexInfo(folder / name, built=True, seconds=time.perf_counter() - t0)
    raise OSError(f"no writable cache folder for the gazetteer index (tried {', '.join(map(str, folders))};"
                  f" set {ENV_CACHE})")


def _valid(path: Path, source: Path) -> bool:
    """True when `path` is a complete index of `source` (an interrupted copy or a stray file is not)."""
    if not path.is_file():
        return False
    try:
        db = _connect(path)
        try:
            meta = dict(db.execute("SELECT k, v FROM meta").fetchall())
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return meta.get("source_sha256") == source_digest(source) and meta.get("schema") == str(SCHEMA_VERSION)


def _connect(path: Path) -> sqlite3.Connection:
    # immutable: the file is never written after its rename, so SQLite may skip locking entirely.
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


# --- building ------------------------------------------------------------------------------

def build_index(source: Path, dest: Path) -> None:
    """Write the index of `source` to `dest` through a private temporary file and an atomic rename."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(dest.parent)
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        try:
            _fill(db, source)
        finally:
            db.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a shared cache folder should be readable
        try:
            os.replace(tmp, dest)  # atomic: readers see no index or a whole one, never a part
        except PermissionError:
            # Windows cannot replace a file another process has open: theirs is as good as ours.
            if not _valid(dest, source):
                raise
    finally:
        tmp.unlink(missing_ok=True)
    log.info("gazetteer index built: %s", dest)


def _fill(db: sqlite3.Connection, source: Path) -> None:
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
                     "PRAGMA temp_store=MEMORY;")
    db.executescript(_SCHEMA)
    # Keys go to an unordered scratch table first; SQLite then sorts them once, in C, into the
    # clustered `names` table (much faster than inserting into its B-tree in random order).
    db.execute("CREATE TEMP TABLE names_in (tier INTEGER, key TEXT, cc TEXT, place INTEGER)")
    places: list[tuple[Any, ...]] = []
    names: list[NameRow] = []
    n = 0
    for i, (name, keys, lat, lon, a1, a2, cc, ptype, pop, ph) in enumerate(iter_bundled(source)):
        places.append((i, name, float(lat), float(lon), a1, a2, cc, ptype, int(pop or 0), ph))
        names.extend((0, k, cc, i) for k in keys)
        loose = [k for k in ph.split("|") if k]
        names.extend((1, k, cc, i) for k in loose)
        names.extend((2, k, cc, i) for k in set(map(skeleton_from_phonetic, loose)) if k)
        if len(places) >= 50_000:
            n += _flush(db, places, names)
    n += _flush(db, places, names)
    db.execute("INSERT OR IGNORE INTO names SELECT tier, key, cc, place FROM names_in ORDER BY 1, 2, 3, 4")
    db.execute("DROP TABLE names_in")
    db.executescript(_INDEXES)
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("schema", str(SCHEMA_VERSION)), ("source_sha256", source_digest(source)),
        ("source", source.name), ("places", str(n)), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
    ])
    db.commit()
    db.execute("ANALYZE")
    db.commit()


def _flush(db: sqlite3.Connection, places: list[tuple[Any, ...]], names: list[NameRow]) -> int:
    n = len(places)
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO names_in VALUES (?, ?, ?, ?)", names)
    places.clear()
    names.clear()
    return n


def _remove_stale_temporaries(folder: Path, older_than: float = 3600.0) -> None:
    """Temporary files left by a build that was killed (a live build's file is younger)."""
    now = time.time()
    for f in folder.glob(".gazetteer-*.tmp"):
        try:
            if now - f.stat().st_mtime > older_than:
                f.unlink()
        except OSError:
            pass


# --- querying ------------------------------------------------------------------------------

class SqlitePlaceIndex:
    """find/fuzzy/place/len of `PlaceIndex`, answered from the on-disk index of a gazetteer file.

    Lazy: the source is hashed, the index found or built and the file opened on the first
    lookup. Results of recent keys are kept in memory (names recur within and across articles).
    """

    def __init__(self, source: Path, folders: list[Path] | None = None, cache_keys: int = 200_000) -> None:
        self.source = source
        self.folders = folders
        self.info: IndexInfo | None = None
        self.cache_keys = cache_keys
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self._hits: dict[tuple[int, str, str | None], tuple[Place, ...]] = {}
        self._places: dict[int, Place] = {}
        self._fuzzy: dict[Any, Any] = {}  # country -> (keys, rows); ("hits", cc, key, cutoff) -> rows
        self._bounds: dict[str, tuple[float, float, float, float] | None] = {}
        self._len: int | None = None

    # -- pickling: a Geocoder sent to a worker process (multiprocessing, Dask) ---------
    def __getstate__(self) -> dict[str, Any]:
        """Only where the data is: the worker opens its own connection and fills its own caches."""
        return {"source": self.source, "folders": self.folders, "cache_keys": self.cache_keys}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["source"], state["folders"], state["cache_keys"])  # type: ignore[misc]

    # -- connection ------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._conn_info().path

    def _conn_info(self) -> IndexInfo:
        self._conn()
        assert self.info is not None
        return self.info

    def _conn(self) -> sqlite3.Connection:
        # A connection must not cross a fork (worker processes): reopen in a new process.
        if self._db is None or self._pid != os.getpid():
            self.info = ensure_index(self.source, self.folders)
            if self.info.built:
                log.info("built the gazetteer index in %.1fs: %s", self.info.seconds, self.info.path)
            self._db = _connect(self.info.path)
            self._pid = os.getpid()
        return self._db

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None

    def _query(self, sql: str, args: Iterable[Any]) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn().execute(sql, tuple(args)).fetchall()

    # -- rows ------------------------------------------------------------------------
    def __len__(self) -> int:
        if self._len is None:
            self._len = int(self._query("SELECT v FROM meta WHERE k = 'places'", ())[0][0])
        return self._len

    def _make(self, row: tuple[Any, ...]) -> Place:
        i, name, lat, lon, admin1, admin2, cc, ptype, pop = row
        p = self._places.get(i)
        if p is None:
            p = Place(name, lat, lon, admin1 or None, cc or None, PTYPES.get(ptype, ptype), pop,
                      admin2=admin2 or None)
            if len(self._places) >= self.cache_keys:
                self._places.clear()
            self._places[i] = p
        return p

    def place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is not None:
            return p
        rows = self._query(f"SELECT {_COLS} FROM places p WHERE p.id = ?", (i,))
        if not rows:
            raise IndexError(i)
        return self._make(rows[0])

    def province_bounds(self, country_code: str) -> tuple[float, float, float, float] | None:
        """(min lat, max lat, min lon, max lon) of the country's province centres (geo/parts.py)."""
        if country_code not in self._bounds:
            rows = self._query("SELECT min(lat), max(lat), min(lon), max(lon) FROM places"
                               " WHERE cc = ? AND ptype = 'R'", (country_code,))
            self._bounds[country_code] = rows[0] if rows and rows[0][0] is not None else None
        return self._bounds[country_code]

    # -- lookups ---------------------------------------------------------------------
    def find(self, name: str, tier: int, country_code: str | None = None) -> list[Place]:
        """Places whose key at `tier` (0 exact, 1 phonetic, 2 skeleton) equals the name's, in file order."""
        key = name_key(name) if tier == 0 else phonetic_key(name) if tier == 1 else skeleton_key(name)
        if tier > 0 and not key:
            return []
        memo = (tier, key, country_code)
        hit = self._hits.get(memo)
        if hit is None:
            sql = (f"SELECT {_COLS} FROM names n JOIN places p ON p.id = n.place"
                   " WHERE n.tier = ? AND n.key = ?")
            args: list[Any] = [tier, key]
            if country_code is not None:
                sql += " AND n.cc = ?"
                args.append(country_code)
            hit = tuple(self._make(r) for r in self._query(sql + " ORDER BY n.place", args))
            if len(self._hits) >= self.cache_keys:
                try:
                    del self._hits[next(iter(self._hits))]  # oldest first: a cheap bound on memory
                except (RuntimeError, KeyError):  # another thread changed it meanwhile
                    pass
            self._hits[memo] = hit
        return list(hit)

    def fuzzy(self, name: str, country_code: str | None, cutoff: float = 88.0) -> list[Place]:
        """Closest phonetic keys (rapidfuzz) among one country's places, as PlaceIndex.fuzzy."""
        key = phonetic_key(name)
        if len(key) < 5:
            return []
        cc = country_code or "*"
        memo = self._fuzzy.get(("hits", cc, key, cutoff))
        if memo is not None:
            return [self.place(i) for i in memo]
        if cc not in self._fuzzy:
            self._fuzzy[cc] = self._phonetic_keys(country_code)
        keys, idxs = self._fuzzy[cc]
        if not keys:
            return []
        from rapidfuzz import fuzz, process

        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        found = [i for h in hits for i in idxs[h[2]]]
        self._fuzzy[("hits", cc, key, cutoff)] = found
        return [self.place(i) for i in found]

    def _phonetic_keys(self, country_code: str | None) -> tuple[list[str], list[list[int]]]:
        """A country's distinct phonetic keys in first-seen order, with their places (as PlaceIndex)."""
        if country_code is None:
            rows = self._query("SELECT id, ph FROM places ORDER BY id", ())
        else:
            rows = self._query("SELECT id, ph FROM places WHERE cc = ? ORDER BY id", (country_code,))
        ph: dict[str, list[int]] = defaultdict(list)
        for i, keys in rows:
            for k in keys.split("|"):
                if k and (not ph[k] or ph[k][-1] != i):
                    ph[k].append(i)
        return list(ph), list(ph.values())


_SHARED: SqlitePlaceIndex | None = None


def shared_bundled_index() -> SqlitePlaceIndex:
    """One lazily opened index of the bundled gazetteer per process."""
    global _SHARED
    if _SHARED is None:
        _SHARED = SqlitePlaceIndex(bundled_source())
    return _SHARED
