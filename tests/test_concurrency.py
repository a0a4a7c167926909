"""Several writers on one database (two `conflictwatch run`s at once, threads storing the same
articles) and runs killed with SIGKILL: nothing is lost, nothing is stored twice, and the database
ends up as one uninterrupted, sequential run leaves it. On SQLite and, with a server, PostgreSQL
(`db_path` follows CONFLICTWATCH_TEST_DB)."""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conflictwatch import pipeline
from conflictwatch.check import CLAIMS_MISMATCH, EMPTY_EVENT, NOT_EXTRACTED, UNLINKED, Finding, check
from conflictwatch.ingest import read_inputs
from conflictwatch.models import Article
from conflictwatch.reconcile import reconcile_all, reconcile_pending
from conflictwatch.store import Store, open_store
from owncorpus import own_articles, write_jsonl

CLI = [sys.executable, "-c", "from conflictwatch.cli import main; main()"]


def snapshot(store: Store, with_event_ids: bool = True) -> dict[str, Any]:
    """What the database says, without the times things were written."""
    arts = sorted((a.article_id, a.hash, a.duplicate_of, a.published) for a in store.articles())
    claims = sorted(json.dumps(c.to_record(), sort_keys=True, default=str) for c in store.claims())
    events = []
    for e in store.events():
        d = {k: v for k, v in e.__dict__.items() if with_event_ids or k != "event_id"}
        d["claim_ids"] = sorted(e.claim_ids)
        events.append(json.dumps(d, sort_keys=True, default=str))
    versions = {s.extractor_version for s in store.article_states()}
    return {"articles": arts, "claims": claims, "events": sorted(events), "versions": versions}


def incomplete(store: Store) -> list[Finding]:
    """What `check` finds missing: articles without their claims, claims without events..."""
    return [f for f in check(store).problems if f.kind in (NOT_EXTRACTED, CLAIMS_MISMATCH, UNLINKED, EMPTY_EVENT)]


def test_two_runs_at_once_give_what_one_sequential_run_gives(
    db_path: str, new_db: Callable[..., str], tmp_path: Path
) -> None:
    arts = own_articles()[:40]
    a = write_jsonl(tmp_path / "a.jsonl", arts[:26])
    b = write_jsonl(tmp_path / "b.jsonl", arts[14:])  # 12 articles in both
    sequential = open_store(new_db("sequential"))
    assert pipeline.run([str(a), str(b)], sequential).ok

    open_store(db_path).engine.dispose()  # created (and migrated) before: both runs find it ready
    procs = [subprocess.Popen([*CLI, "run", str(f), "--db", db_path, "-q"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    store = open_store(db_path)
    assert store.count("articles") == len(arts)  # each article once, whoever stored it
    assert snapshot(store, with_event_ids=False) == snapshot(sequential, with_event_ids=False)
    assert store.pending_count() == 0 and not incomplete(store)
    # and what each run reconciled is what a rebuild of every event gives
    before = snapshot(store)
    reconcile_all(store)
    assert snapshot(store) == before


def test_threads_storing_the_same_articles_store_each_once(db_path: str, tmp_path: Path) -> None:
    """Six writers (each with its own connections, as processes have) store the same 12 articles in
    different orders and reconcile: no write fails, nothing is stored twice."""
    src = write_jsonl(tmp_path / "x.jsonl", own_articles()[:12])
    articles = [a for a in read_inputs([str(src)]) if isinstance(a, Article)]
    claims = {a.article_id: pipeline.process_article(a) for a in articles}  # (not geocoded: faster)
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            store = open_store(db_path)  # the first ones create the file (SQLite) at the same time
            for a in articles[k:] + articles[:k]:
                store.save_article(a, copy.deepcopy(claims[a.article_id or ""]), extractor_version="v1")
            reconcile_pending(store)
            store.engine.dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors, errors
    store = open_store(db_path)
    assert store.count("articles") == 12
    assert store.count("claims") == sum(len(c) for c in claims.values()) > 20
    assert store.pending_count() == 0 and not incomplete(store)
    before = snapshot(store)
    reconcile_all(store)
    assert snapshot(store) == before


def test_a_run_killed_with_sigkill_then_run_again_equals_an_uninterrupted_run(
    db_path: str, new_db: Callable[..., str], tmp_path: Path
) -> None:
    records = own_articles()[:50]
    src = write_jsonl(tmp_path / "all.jsonl", records)
    clean = open_store(new_db("clean"))
    assert pipeline.run([str(src)], clean).ok

    store = open_store(db_path)
    proc = subprocess.Popen([*CLI, "run", str(src), "--db", db_path, "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while store.count("articles") < 12:  # a quarter of the way through
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    stored = store.count("articles")
    assert 12 <= stored < len(records)
    assert store.count("events") == 0 and store.pending_count() == stored  # left for the next run

    again = subprocess.run([*CLI, "run", str(src), "--db", db_path, "-q"], capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{len(records) - stored} new, {stored} already stored" in again.stderr
    assert snapshot(store) == snapshot(clean)
    assert store.pending_count() == 0 and not incomplete(store)


def test_processes_opening_a_new_database_at_once_migrate_it_once(new_db: Callable[..., str]) -> None:
    db = new_db("fresh", bare=True)
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            open_store(db).engine.dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    from conflictwatch.store.schema import SCHEMA_VERSION, stored_version

    store = open_store(db)
    with store.engine.connect() as conn:
        assert stored_version(conn) == SCHEMA_VERSION


def test_a_writer_waits_for_a_reconciliation_instead_of_failing(db_path: str, tmp_path: Path) -> None:
    """While one process holds the reconciliation lock, another's article write waits, then goes in."""
    src = write_jsonl(tmp_path / "x.jsonl", own_articles()[:1])
    [article] = [a for a in read_inputs([str(src)]) if isinstance(a, Article)]
    holder, writer = open_store(db_path), open_store(db_path)
    held = threading.Event()
    timeline: list[str] = []

    def hold() -> None:
        with holder.reconciling():
            held.set()
            time.sleep(1.5)
            timeline.append("released")

    t = threading.Thread(target=hold)
    t.start()
    held.wait(30)
    writer.save_article(article, pipeline.process_article(article), extractor_version="v1")
    timeline.append("stored")
    t.join(30)
    assert timeline == ["released", "stored"]
    assert writer.count("articles") == 1 and writer.pending_count() == 1
