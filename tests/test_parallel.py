"""Streaming and parallel runs: the database ends up exactly as a single-process run leaves it.

Worker processes and a Dask LocalCluster extract; the run's own process writes in input order.
The corpus mixes the bundled samples, the integrity fixtures with aggregator reposts (near-
duplicates that must be linked to the first copy whatever process extracted them) and synthetic
wire articles from `bench/synth.py` (our own templates).
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conflictwatch import pipeline
from conflictwatch.export.claims import write_claims
from conflictwatch.export.events import event_record
from conflictwatch.ingest import read_inputs
from conflictwatch.models import Article, IngestError
from conflictwatch.parallel import ChunkResult, ExecutorSpec, InlineExecutor, ProcessExecutor, WorkerMismatch
from conflictwatch.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import synth  # noqa: E402

FIX = Path(__file__).parent / "fixtures" / "integrity"


def snapshot(store: Store) -> dict[str, Any]:
    """Everything a user sees, less the clock: claims, events with ids, articles and their links."""
    buf = io.StringIO()
    write_claims(store, "jsonl", buf)
    events = []
    for e in store.events():
        rec = event_record(e)
        rec.pop("timestamp", None)  # when the newest report was stored
        events.append(json.dumps(rec, sort_keys=True, default=str))
    return {
        "claims": sorted(buf.getvalue().splitlines()),
        "events": sorted(events),
        "articles": sorted((s.article_id, s.duplicate_of, s.stored_claims, s.extracted_claims)
                           for s in store.article_states()),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~45 articles: synthetic wire copy with reposts, the integrity reports and their copies, a bad line."""
    d = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps(synth.article(i, seed=5)) for i in range(26)]
    originals = [json.loads(x) for x in (FIX / "reports.jsonl").read_text().splitlines()]
    lines += [json.dumps(a) for a in originals]
    for k, a in enumerate(originals):  # reposts in the same input: found whoever extracted the first copy
        lines.append(json.dumps({**a, "id": f"{a['id']}-copy", "title": f"{a['title']} - aggregator {k}",
                                 "text": "By staff writer\n\n" + a["text"] + "\n\nAll rights reserved."}))
    lines.insert(7, "{not json")
    lines.append(lines[3])  # the same article twice: stored once
    path = d / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], pipeline.RunStats]:
    store = open_store(str(tmp_path_factory.mktemp("single") / "single.db"))
    stats = pipeline.run([str(corpus), str(REPO / "samples")], store)
    return snapshot(store), stats


def _counts(stats: pipeline.RunStats) -> tuple[int, ...]:
    return (stats.articles_read, stats.articles_new, stats.articles_skipped, stats.duplicates, stats.claims,
            len(stats.errors))


def test_worker_processes_give_exactly_the_single_process_database(
    corpus: Path, single: tuple[dict[str, Any], pipeline.RunStats], tmp_path: Path
) -> None:
    expected, base = single
    assert base.duplicates >= 4 and base.articles_skipped == 1 and len(base.errors) == 1
    store = open_store(str(tmp_path / "workers.db"))
    order: list[str] = []
    spec = ExecutorSpec(workers=2, min_parallel=0, chunk=4)  # many small chunks, several in flight
    stats = pipeline.run([str(corpus), str(REPO / "samples")], store, spec=spec,
                         on_item=lambda it: order.append(it.article_id if isinstance(it, Article) else "!"))
    assert snapshot(store) == expected
    assert _counts(stats) == _counts(base)
    # items come back in input order, errors in their place
    want = [it.article_id if isinstance(it, Article) else "!"
            for it in read_inputs([str(corpus), str(REPO / "samples")])]
    assert order == want


def test_a_dask_local_cluster_gives_exactly_the_local_database(
    corpus: Path, single: tuple[dict[str, Any], pipeline.RunStats], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    expected, base = single
    store = open_store(str(tmp_path / "dask.db"))
    spec = ExecutorSpec(workers=2, executor="dask", min_parallel=0, chunk=8)
    stats = pipeline.run([str(corpus), str(REPO / "samples")], store, spec=spec)
    assert snapshot(store) == expected
    assert _counts(stats) == _counts(base)


def test_input_is_read_only_as_far_ahead_as_the_chunks_in_flight(tmp_path: Path) -> None:
    """Streaming: the run never holds more than a few chunks of the input (memory stays flat)."""
    read = 0
    lead = 0

    def articles() -> Iterator[Article | IngestError]:
        nonlocal read
        for i in range(70):
            read += 1
            yield Article(text=f"Article {i}. Nothing of note happened in the town of Example {i} today.",
                          article_id=f"a{i}")

    done = 0

    def on_item(_item: object) -> None:
        nonlocal done, lead
        done += 1
        lead = max(lead, read - done)

    spec = ExecutorSpec(workers=1, chunk=8)
    stats = pipeline.run_items(articles(), open_store(str(tmp_path / "s.db")), on_item, spec=spec)
    assert stats.articles_new == 70 and done == 70
    assert lead < 8  # one chunk at a time in this process


def test_ctrl_c_stops_the_workers_and_keeps_whole_articles_then_the_next_run_goes_on(
    corpus: Path, single: tuple[dict[str, Any], pipeline.RunStats], tmp_path: Path
) -> None:
    import multiprocessing

    expected, _ = single
    store = open_store(str(tmp_path / "int.db"))
    seen = 0

    def interrupt(item: object) -> None:
        nonlocal seen
        seen += 1
        if seen == 12:
            raise KeyboardInterrupt

    spec = ExecutorSpec(workers=2, min_parallel=0, chunk=4)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(corpus), str(REPO / "samples")], store, on_item=interrupt, spec=spec)
    assert multiprocessing.active_children() == []  # the workers were stopped
    stored = store.count("articles")
    assert 0 < stored < 40 and store.count("events") == 0
    states = store.article_states()
    assert all(s.extractor_version and s.stored_claims == s.extracted_claims for s in states)
    again = pipeline.run([str(corpus), str(REPO / "samples")], store)  # goes on (in one process)
    assert again.articles_skipped == stored + 1  # + the repeated line
    assert snapshot(store) == expected


def test_kill_9_in_the_middle_of_a_parallel_run_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    """A real `conflictwatch run --workers 2` killed with SIGKILL: whole articles only, the orphaned
    workers exit, and the same command again gives the database of an uninterrupted run."""
    psutil = pytest.importorskip("psutil")
    src = tmp_path / "big.jsonl"
    src.write_text("".join(json.dumps(synth.article(i, seed=9)) + "\n" for i in range(150)), encoding="utf-8")
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "conflictwatch", "run", str(src), "--db", str(db), "-q", "--workers", "2"]
    env = {**os.environ, "CONFLICTWATCH_MIN_PARALLEL": "0"}  # workers even for this small input
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    children: list[Any] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            time.sleep(0.5)
            children = children or psutil.Process(proc.pid).children(recursive=True)
            if db.exists() and _count(db) >= 6:
                break
        assert proc.poll() is None, "the run ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    gone, alive = psutil.wait_procs(children, timeout=30)
    assert not alive, f"workers left behind: {alive}"
    killed = open_store(str(db))
    n = killed.count("articles")
    assert 6 <= n < 150
    assert all(s.extractor_version and s.stored_claims == s.extracted_claims for s in killed.article_states())
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert res.returncode == 0, res.stderr
    assert f"{n} already stored" in res.stderr
    clean = open_store(str(tmp_path / "clean.db"))
    pipeline.run([str(src)], clean)
    assert snapshot(killed) == snapshot(clean)


def _count(db: Path) -> int:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_a_worker_running_other_rules_is_refused() -> None:
    ex = ProcessExecutor.__new__(ProcessExecutor)  # no processes: only the check is tested
    with pytest.raises(WorkerMismatch, match="same conflictwatch"):
        ex.check(ChunkResult("0.1.0+aaaa", []), "0.1.0+bbbb")
    ex.check(ChunkResult("0.1.0+bbbb", []), "0.1.0+bbbb")
    InlineExecutor(lambda: None).check(ChunkResult("x", []), "y")  # one process: one version


def test_bad_executor_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="'local' or 'dask'"):
        ExecutorSpec(executor="spark")
    with pytest.raises(ValueError, match="at least 1"):
        ExecutorSpec(workers=0)


def test_cli_ctrl_c_says_how_far_it_got_and_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from conflictwatch.cli import app

    real = pipeline.run_items

    def interrupted(items: Any, store: Store, on_item: Any = None, **kw: Any) -> pipeline.RunStats:
        def stop_after_two(item: Any) -> None:
            on_item(item)
            if store.count("articles") == 2:
                raise KeyboardInterrupt

        return real(items, store, stop_after_two, **kw)

    monkeypatch.setattr(pipeline, "run_items", interrupted)
    db = tmp_path / "cw.db"
    res = CliRunner().invoke(app, ["run", str(FIX / "reports.jsonl"), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 130
    assert "interrupted after 2 articles" in res.stderr and "run the same command again" in res.stderr
    assert open_store(str(db)).count("articles") == 2


def test_workers_see_the_rules_and_environment_of_each_run_not_those_of_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are forked from a fork server that lives as long as this process: a later run with
    other rule files (CONFLICTWATCH_DATA) gets workers that use them, and the claims a single
    process extracts with them."""
    from conflictwatch.datafiles import load_data

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(synth.article(i, seed=13)) + "\n" for i in range(6)), encoding="utf-8")
    spec = ExecutorSpec(workers=2, min_parallel=0, chunk=2)
    first = pipeline.run([str(src)], open_store(str(tmp_path / "first.db")), spec=spec)
    assert first.ok and first.claims > 0
    rules = tmp_path / "rules"
    rules.mkdir()
    # one more speech verb: another extractor version, with claims of its own
    (rules / "sources.yaml").write_text("speech_verbs:\n  add: [intimated]\n", encoding="utf-8")
    monkeypatch.setenv("CONFLICTWATCH_DATA", str(rules))
    load_data.cache_clear()
    try:
        store = open_store(str(tmp_path / "second.db"))
        second = pipeline.run([str(src)], store, spec=spec)  # a worker with the old rules is refused
        assert second.ok, second.errors
        alone = open_store(str(tmp_path / "alone.db"))
        pipeline.run([str(src)], alone)
        assert snapshot(store) == snapshot(alone)
        assert {s.extractor_version for s in store.article_states()} == {pipeline.extractor_version()}
        assert pipeline.extractor_version() not in {s.extractor_version for s in
                                                    open_store(str(tmp_path / "first.db")).article_states()}
    finally:
        monkeypatch.delenv("CONFLICTWATCH_DATA")
        load_data.cache_clear()


def test_with_worker_processes_the_writing_process_never_loads_the_language_model(tmp_path: Path) -> None:
    """Only the processes that extract load spaCy: in the writer it cost 1.3 s of CPU and of start-up."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(synth.article(i, seed=17)) + "\n" for i in range(4)), encoding="utf-8")
    code = (
        "import sys\n"
        "from conflictwatch import pipeline\n"
        "from conflictwatch.parallel import ExecutorSpec\n"
        "from conflictwatch.store import open_store\n"
        "if __name__ == '__main__':\n"
        f"    stats = pipeline.run([{str(src)!r}], open_store({str(tmp_path / 'w.db')!r}),\n"
        "                         spec=ExecutorSpec(workers=2, min_parallel=0))\n"
        "    print(stats.claims, 'spacy' in sys.modules)\n"
    )
    script = tmp_path / "writer.py"
    script.write_text(code, encoding="utf-8")
    res = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    claims, loaded = res.stdout.split()
    assert int(claims) > 0 and loaded == "False"


def test_worker_processes_collect_young_objects_less_often_and_the_writer_as_before() -> None:
    """A worker raises the collector's first threshold (an article's objects are freed together);
    the writing process keeps its own."""
    import gc

    from conflictwatch.parallel import _WORKER_GC_THRESHOLD

    before = gc.get_threshold()
    ex = ProcessExecutor(None, 2)
    try:
        seen = {ex.pool.submit(gc.get_threshold).result(timeout=120) for _ in range(4)}
    finally:
        ex.close()
    # CPython's default first threshold is 700 (this process's may differ: a reconciliation raises
    # it for its own duration)
    assert seen == {(_WORKER_GC_THRESHOLD, *before[1:])} and _WORKER_GC_THRESHOLD > 700
    assert gc.get_threshold() == before
