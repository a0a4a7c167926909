"""Database faults in the middle of a run: locked, file deleted, disk full (a tiny tmpfs, and a
file-size limit). Each time the run stops with a clear message saying what happened, what it
stored before is whole, and running the same job again finishes with exactly what an
uninterrupted run gives: nothing lost, nothing twice.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conflictwatch import pipeline
from conflictwatch.check import check
from conflictwatch.models import Article, IngestError
from conflictwatch.store import open_store
from conflictwatch.store.faults import StoreUnavailable

PLACES = ["Saraqeb", "Maarat al-Numan", "Jisr al-Shughour", "Ariha", "Kafr Nabl", "Khan Sheikhoun", "Binnish",
          "Sarmin", "Taftanaz", "Atarib", "Darat Izza", "Harem"]


def write_input(path: Path, n: int = 12, pad: int = 0) -> Path:
    """n articles (own text), each about another town and toll; `pad` more sentences of bulk."""
    recs = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = (f"BEIRUT (Reuters) - An air strike killed {i + 3} people in the town of {place} in Idlib province "
                f"on Wednesday, the Syrian Observatory for Human Rights said. Residents said the strike hit a "
                f"bakery near the main square of {place} early in the morning.")
        text += "".join(f" Rescue crews searched the rubble of house number {k} in {place} for hours."
                        for k in range(pad))
        recs.append({"id": f"fault-{i:02d}", "title": f"Air strike on {place}", "text": text,
                     "published": "2016-10-20"})
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", "utf-8")
    return path


def snapshot(db: str, reconciled: bool = True) -> tuple[list[str], list[str], int]:
    """Articles, claims and the number of events; every article whole (and, after a finished run,
    every claim in an event)."""
    store = open_store(db)
    try:
        arts = sorted(a.article_id or "" for a in store.articles())
        claims = sorted(c.claim_id for c in store.claims())
        rep = check(store, pipeline.extractor_version())
        problems = rep.problems if reconciled else [f for f in rep.problems if "article" in f.kind]
        assert not problems, problems
        return arts, claims, store.count("events")
    finally:
        store.engine.dispose()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[list[str], list[str], int]]:
    """The input, and what an uninterrupted run of it stores."""
    d = tmp_path_factory.mktemp("clean")
    src = write_input(d / "in.jsonl")
    store = open_store(str(d / "clean.db"))
    stats = pipeline.run([str(src)], store)
    assert stats.ok and stats.articles_new == 12
    store.engine.dispose()
    return src, snapshot(str(d / "clean.db"))


def run_with(db: str, src: Path, at: int, fault: Callable[[], None]) -> StoreUnavailable:
    """Run the job on `src`, calling `fault` before the `at`-th article is stored (once the one
    before it is done: `on_item` comes after each item); the job must stop."""
    seen = 0

    def on_item(item: Article | IngestError) -> None:
        nonlocal seen
        if isinstance(item, Article):
            seen += 1
            if seen == at - 1:
                fault()

    store = open_store(db)
    try:
        with pytest.raises(StoreUnavailable) as info:
            pipeline.run([str(src)], store, on_item=on_item)
    finally:
        store.engine.dispose()
    return info.value


def test_database_locked_mid_run(tmp_path: Path, clean: tuple[Path, tuple[list[str], list[str], int]],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    src, want = clean
    monkeypatch.setenv("CONFLICTWATCH_LOCK_TIMEOUT", "2")  # a writer waits this long for the lock
    db = str(tmp_path / "cw.db")
    holder: list[sqlite3.Connection] = []

    def lock() -> None:  # another process's write transaction, held
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        holder.append(conn)

    err = run_with(db, src, 4, lock)
    assert "locked by another process" in str(err) and "fault-03" in str(err)
    assert err.stats.articles_new == 3  # the three before it, whole
    holder[0].execute("ROLLBACK")
    holder[0].close()
    assert snapshot(db, reconciled=False)[0] == want[0][:3]
    store = open_store(db)
    stats = pipeline.run([str(src)], store)
    store.engine.dispose()
    assert stats.ok and (stats.articles_new, stats.articles_skipped) == (9, 3)
    assert snapshot(db) == want


def test_database_file_deleted_mid_run(tmp_path: Path, clean: tuple[Path, tuple[list[str], list[str], int]]) -> None:
    src, want = clean
    db = tmp_path / "cw.db"

    def delete() -> None:
        for p in tmp_path.glob("cw.db*"):
            p.unlink()

    err = run_with(str(db), src, 5, delete)
    assert f"the database file {db} was deleted during the run" in str(err)
    assert not db.exists(), "nothing may recreate it behind the user's back"
    store = open_store(str(db))  # the user runs the job again: it builds the database anew
    stats = pipeline.run([str(src)], store)
    store.engine.dispose()
    assert stats.ok and stats.articles_new == 12
    assert snapshot(str(db)) == want


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (needs root: skipped otherwise), unmounted afterwards."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip() or 'not root'}): the file-size-limit "
                    "test covers a full disk")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_disk_full_mid_run(tmp_path: Path, tiny_disk: Path) -> None:
    src = write_input(tmp_path / "big.jsonl", n=12, pad=60)  # ~12 KB of text each
    want_db = str(tmp_path / "want.db")
    store = open_store(want_db)
    assert pipeline.run([str(src)], store).ok
    store.engine.dispose()
    want = snapshot(want_db)
    db = str(tiny_disk / "cw.db")
    open_store(db).engine.dispose()
    free = os.statvfs(tiny_disk).f_bavail * os.statvfs(tiny_disk).f_frsize
    ballast = tiny_disk / "ballast"
    ballast.write_bytes(b"\0" * max(free - 120_000, 0))  # ~120 KB left: a few articles fit
    store = open_store(db)
    with pytest.raises(StoreUnavailable) as info:
        pipeline.run([str(src)], store)
    store.engine.dispose()
    assert "the disk holding the database is full" in str(info.value) or "disk I/O error" in str(info.value)
    stored = info.value.stats.articles_new
    assert 0 < stored < 12
    ballast.unlink()  # space freed: the same job again
    store = open_store(db)
    stats = pipeline.run([str(src)], store)
    store.engine.dispose()
    assert stats.ok and stats.articles_new == 12 - stored
    assert snapshot(db) == want


def test_file_size_limit_mid_run_through_the_command_line(tmp_path: Path) -> None:
    """A full disk without root: the `run` command under a file-size limit (RLIMIT_FSIZE). One
    line says what happened; the same command without the limit finishes the job."""
    from conflictwatch.geo import Geocoder

    Geocoder.for_store(None).bundled.find("Aleppo", 0)  # the gazetteer index exists before the limit
    src = write_input(tmp_path / "big.jsonl", n=12, pad=60)
    db = tmp_path / "cw.db"
    cmd = [str(Path(sys.executable).parent / "conflictwatch"), "run", str(src), "--db", str(db), "-q"]

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))

    env = {**os.environ, "CONFLICTWATCH_PROGRESS_SECONDS": "3600", "NO_COLOR": "1", "COLUMNS": "300"}
    r = subprocess.run(cmd, preexec_fn=limit, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 1, r.stderr
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, r.stderr
    assert errors[0].startswith(f"error: database {db}: ") and ("disk" in errors[0] or "full" in errors[0])
    assert "run the same command again to finish" in errors[0] and "Traceback" not in r.stderr
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    store = open_store(str(db))
    assert sorted(a.article_id or "" for a in store.articles()) == [f"fault-{i:02d}" for i in range(12)]
    assert check(store, pipeline.extractor_version()).consistent
    store.engine.dispose()


def test_api_says_503_when_the_database_is_gone(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from conflictwatch.api import ApiConfig, create_app

    db = tmp_path / "cw.db"
    open_store(str(db)).engine.dispose()
    api = TestClient(create_app(ApiConfig(db=str(db), token="t")), raise_server_exceptions=False)
    assert api.get("/api/events").status_code == 200
    for p in tmp_path.glob("cw.db*"):
        p.unlink()
    body = {"articles": [{"text": "An air strike killed 3 people in Saraqeb on Monday, a monitor said.",
                          "id": f"x{uuid.uuid4().hex[:6]}"}]}
    r = api.post("/api/articles", json=body, headers={"Authorization": "Bearer t"})
    assert r.status_code == 503 and "was deleted" in r.json()["detail"], r.text


@pytest.fixture
def own_pg_server() -> Iterator[tuple[str, Callable[[str], None]]]:
    """A PostgreSQL server of this test's own (it is stopped and started mid-run, which the shared
    test server must not be): its URL, and a function running `scripts/pg_server.sh start|stop`."""
    import glob
    import shutil
    import tempfile

    if not glob.glob("/usr/lib/postgresql/*/bin/pg_ctl") or shutil.which("runuser") is None:
        pytest.skip("no PostgreSQL server binaries (apt-get install postgresql)")
    script = Path(__file__).resolve().parents[1] / "scripts" / "pg_server.sh"
    pgdir = tempfile.mkdtemp(prefix="cw-pgfault-")  # under /tmp: the server's user must reach it

    def server(cmd: str) -> None:
        subprocess.run(["bash", str(script), cmd, pgdir], check=True, capture_output=True, timeout=120)

    url = subprocess.run(["bash", str(script), "start", pgdir], check=True, capture_output=True, text=True,
                         timeout=120).stdout.strip()
    try:
        yield url, server
    finally:
        subprocess.run(["bash", str(script), "stop", pgdir], check=False, capture_output=True, timeout=120)
        shutil.rmtree(pgdir, ignore_errors=True)


def test_postgresql_server_restarted_or_stopped_mid_run(
    clean: tuple[Path, tuple[list[str], list[str], int]], own_pg_server: tuple[str, Callable[[str], None]]
) -> None:
    """Restarted between two articles, the server is reconnected to (stale connections are tested
    before use) and the run finishes as if nothing happened. Stopped, the job stops saying it cannot
    reach the server; started again, the same job stores the rest, nothing twice."""
    src, want = clean
    url, server = own_pg_server
    store = open_store(url)
    restarted = 0

    def restart(item: Article | IngestError) -> None:
        nonlocal restarted
        restarted += isinstance(item, Article)
        if restarted == 3:
            server("stop")
            server("start")

    try:
        stats = pipeline.run([str(src)], store, on_item=restart)
        assert stats.ok and stats.articles_new == 12
    finally:
        store.engine.dispose()
    assert snapshot(url) == want
    # the same server, emptied, then stopped after three articles
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    store.engine.dispose()
    err = run_with(url, src, 4, lambda: server("stop"))
    assert "database server" in str(err), err
    assert err.stats.articles_new == 3
    server("start")
    assert snapshot(url, reconciled=False)[0] == want[0][:3]
    store = open_store(url)
    try:
        stats = pipeline.run([str(src)], store)
    finally:
        store.engine.dispose()
    assert stats.ok and (stats.articles_new, stats.articles_skipped) == (9, 3)
    assert snapshot(url) == want
