"""Backups while a writer is active, and restores: same content, every article whole."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.models import Article, Claim, Range
from conflictwatch.store import open_store
from conflictwatch.store.backup import BackupError, backup, restore

TABLES = ["articles", "claims", "events", "event_claims", "gazetteer", "schema_info"]


def content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every conflictwatch table, in a fixed order."""
    with closing(sqlite3.connect(path)) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def _article(i: int) -> tuple[Article, list[Claim]]:
    art = Article(text=f"Report {i}: shelling killed {i % 40 + 1} people in village {i}.", title=f"Report {i}",
                  published=date(2016, 10, 1 + i % 28), article_id=f"art-{i:05d}")
    claims = [Claim(article_id=art.article_id or "", quote=f"claim {k} of report {i}", killed=Range(k + 1, k + 1),
                    location=f"village {i}", sentence_index=k, quote_start=k, quote_end=k + 5)
              for k in range(1 + i % 4)]
    return art, claims


def test_backup_while_writing_is_a_consistent_snapshot_and_restores_exactly(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    store = open_store(str(db))
    for i in range(50):
        store.save_article(*_article(i), extractor_version="v")
    started, stop = threading.Event(), threading.Event()
    written: list[int] = []

    def writer() -> None:  # its own connection, like a `run` in another process
        w = open_store(str(db))
        i = 50
        while not stop.is_set() and i < 5000:
            w.save_article(*_article(i), extractor_version="v")
            written.append(i)
            i += 1
            if i == 80:
                started.set()
        w.engine.dispose()

    t = threading.Thread(target=writer)
    t.start()
    assert started.wait(60)
    snapshots = [backup(db, tmp_path / f"b{k}.db") for k in range(3)]  # each while the writer writes
    stop.set()
    t.join(60)
    final = 50 + len(written)
    assert all(50 < s.articles < final for s in snapshots), ([s.articles for s in snapshots], final)
    for s in snapshots:
        with closing(sqlite3.connect(s.path)) as conn:
            # every article in the snapshot is whole: all the claims its transaction wrote
            rows = conn.execute("SELECT a.article_id, a.extracted_claims, count(c.claim_id) FROM articles a "
                                "LEFT JOIN claims c ON c.article_id = a.article_id GROUP BY a.article_id").fetchall()
            assert len(rows) == s.articles and all(want == got for _, want, got in rows)
            ids = sorted(int(r[0].split("-")[1]) for r in rows)
            assert ids == list(range(len(ids))), "a snapshot is a prefix of what was written, no gaps"
        back = tmp_path / f"restored-{s.path.stem}.db"
        restored = restore(s.path, back)
        assert content(back) == content(s.path) and restored.articles == s.articles
    # once the writer is done, a backup and its restore are the database itself
    last = backup(db, tmp_path / "final.db")
    assert last.articles == final
    restore(last.path, tmp_path / "again.db")
    assert content(tmp_path / "again.db") == content(db)
    store.engine.dispose()


def test_restore_over_a_database_needs_force_and_replaces_its_content(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    store = open_store(str(db))
    for i in range(5):
        store.save_article(*_article(i), extractor_version="v")
    backup(db, tmp_path / "b.db")
    for i in range(5, 9):
        store.save_article(*_article(i), extractor_version="v")
    with pytest.raises(BackupError, match="exists: pass --force"):
        restore(tmp_path / "b.db", db)
    restore(tmp_path / "b.db", db, overwrite=True)
    assert store.count("articles") == 5  # the open store sees the restored content
    assert content(db) == content(tmp_path / "b.db")
    store.engine.dispose()


def test_bad_backups_are_refused_and_nothing_is_replaced(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    store = open_store(str(db))
    store.save_article(*_article(1), extractor_version="v")
    before = content(db)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
    for bad, why in ((junk, "not an SQLite database|damaged"), (other, "not a conflictwatch database"),
                     (tmp_path / "missing.db", "no such file")):
        with pytest.raises(BackupError, match=why):
            restore(bad, db, overwrite=True)
    assert content(db) == before
    with pytest.raises(BackupError, match="exists"):
        backup(db, junk)
    with pytest.raises(BackupError, match="no such database"):
        backup(tmp_path / "nope.db", tmp_path / "x.db")
    assert not list(tmp_path.glob(".*partial"))
    store.engine.dispose()


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    store = open_store(str(db))
    for i in range(3):
        store.save_article(*_article(i), extractor_version="v")
    store.engine.dispose()
    runner = CliRunner()
    r = runner.invoke(app, ["backup", str(tmp_path / "b.db"), "--db", str(db)])
    assert r.exit_code == 0 and "3 articles" in r.output
    r = runner.invoke(app, ["restore", str(tmp_path / "b.db"), "--db", str(tmp_path / "new.db")])
    assert r.exit_code == 0 and "3 articles" in r.output
    assert content(tmp_path / "new.db") == content(db)
    r = runner.invoke(app, ["backup", str(tmp_path / "b.db"), "--db", str(db)])
    assert r.exit_code == 1 and "exists" in r.output
    r = runner.invoke(app, ["backup", "x.dump", "--db", "postgresql+psycopg://user@host/cw"])
    assert r.exit_code == 1 and "pg_dump --format=custom" in r.output
