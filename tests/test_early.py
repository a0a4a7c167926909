"""The early worker (`conflictwatch.early`): when a run forks it, and that a run extracted there
stores what a run extracted in its own process stores.

Its speed is measured by bench/bench_startup.py (README, Benchmarks), not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conflictwatch import early
from conflictwatch.parallel import ExecutorSpec
from conflictwatch.store import open_store

ARTICLE = """Shelling kills three in Azaz

BEIRUT (Reuters) - Shelling killed three people in the Syrian border town of Azaz on Monday, a monitoring group said.
"""
SECOND = """Air strike kills four in Idlib

BEIRUT (Reuters) - An air strike killed four people in the town of Saraqeb in Idlib province on Tuesday, rescuers said.
"""

needs_fork = pytest.mark.skipif(sys.platform != "linux", reason="the early worker is forked on Linux only")


def test_wanted_only_where_a_worker_may_help() -> None:
    spec = ExecutorSpec(workers=2)
    assert early.wanted(spec) and early.wanted(spec, 1) and early.wanted(spec, spec.min_parallel - 1)
    assert not early.wanted(spec, 0)  # nothing to extract
    assert not early.wanted(spec, spec.min_parallel)  # a pool does it
    assert not early.wanted(ExecutorSpec(workers=1), 1)  # --workers 1: one process
    assert not early.wanted(ExecutorSpec(workers=2, executor="dask"), 1)


def test_likely_new_compares_the_inputs_with_the_database_file(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text(ARTICLE, "utf-8")
    db = tmp_path / "cw.db"
    assert early.likely_new([str(old)], db)  # no database yet
    db.write_bytes(b"")
    now = time.time()
    os.utime(old, (now - 60, now - 60))
    os.utime(db, (now, now))
    assert not early.likely_new([str(old)], db)  # run again: nothing new, most likely
    assert not early.likely_new([str(old), str(tmp_path / "missing.txt")], db)
    assert early.likely_new([str(old), "-"], db)  # standard input: cannot tell
    assert early.likely_new([str(old)], None)  # a server: cannot tell
    new = tmp_path / "new.txt"
    new.write_text(SECOND, "utf-8")
    os.utime(new, (now + 1, now + 1))
    assert early.likely_new([str(old), str(new)], db)
    os.utime(tmp_path, (now + 1, now + 1))  # a folder with a file added since
    assert early.likely_new([str(tmp_path)], db)


def test_prefork_reads_inputs_and_database_from_the_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before typer parses them: every word that is not an option may be an input (`likely_new`
    looks only at those naming a file or folder), the database is --db, else the environment's."""
    monkeypatch.delenv("CONFLICTWATCH_DB", raising=False)
    assert early._guess(["a.txt", "--db", "x.db", "-w", "2", "-q", "b/"]) == (["a.txt", "2", "b/"], "x.db")
    assert early._guess(["--db=y.db", "-", "a.txt"]) == (["-", "a.txt"], "y.db")
    assert early._guess(["a.txt"]) == (["a.txt"], "conflictwatch.db")
    monkeypatch.setenv("CONFLICTWATCH_DB", "env.db")
    assert early._guess(["a.txt"]) == (["a.txt"], "env.db")
    assert early._guess(["a.txt", "--db", "x.db"]) == (["a.txt"], "x.db")


_MODULES = """
import atexit, json, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
from conflictwatch.cli import main
main()
"""


def _run(args: list[str], out: Path) -> tuple[str, set[str]]:
    done = subprocess.run([sys.executable, "-c", _MODULES, str(out), "run", *args, "-q"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stderr, set(json.loads(out.read_text("utf-8")))


def _stored(db: Path) -> tuple[list[dict[str, object]], list[tuple[object, ...]], dict[str, bytes]]:
    store = open_store(str(db))
    try:
        claims = [c.to_record() for c in store.claims()]
        events = sorted((e.event_id, e.fatalities, tuple(sorted(e.claim_ids))) for e in store.events())
        ids = [a.article_id or "" for a in store.articles()]
        from conflictwatch.ingest.neardup import SCHEME

        return claims, events, store.minhash_signatures(ids, SCHEME)
    finally:
        store.engine.dispose()


@needs_fork
def test_a_run_extracted_by_the_early_worker_stores_what_one_process_stores(tmp_path: Path) -> None:
    """With a second process allowed, the run's own process never loads spaCy or the extractor
    (the early worker does), and the database holds the same claims, events and signatures as a
    run in one process (--workers 1), which parses itself."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, "utf-8")
    b.write_text(SECOND, "utf-8")
    inputs = [str(a), str(b), "--published", "2016-10-10"]
    log, modules = _run([*inputs, "--db", str(tmp_path / "early.db"), "--workers", "2"], tmp_path / "m1.json")
    assert "2 new" in log
    assert not modules & {"spacy", "conflictwatch.extract", "dateparser"}
    log, modules = _run([*inputs, "--db", str(tmp_path / "one.db"), "--workers", "1"], tmp_path / "m2.json")
    assert "2 new" in log and "spacy" in modules
    mine, theirs = _stored(tmp_path / "early.db"), _stored(tmp_path / "one.db")
    assert mine[0] and mine[1] and len(mine[2]) == 2
    assert mine == theirs


_WORKER = """
import json, sys
from conflictwatch import early
from conflictwatch.budget import Budget
from conflictwatch.geo import Geocoder
from conflictwatch.models import Article
from conflictwatch.parallel import Work, process_work

articles = [Article(text=t, article_id=str(i)) for i, t in enumerate(json.loads(sys.argv[1]))]
work = [Work(articles[0]), Work(articles[1], budget=Budget(max_chars=10))]  # the second is too long
worker = early.EarlyWorker().using(lambda: Geocoder.for_store(None))
got = worker.submit(work).result()
want = process_work(work, Geocoder.for_store(None))
assert got.version == want.version
assert [[c.to_record() for c in p.claims] for p in got.items] == [[c.to_record() for c in p.claims] for p in want.items]
assert got.items[0].claims and got.items[0].signature == want.items[0].signature
assert got.items[1].error == want.items[1].error and "ArticleTooLarge" in got.items[1].error
worker.close()  # one stream done: it stays for the next
assert worker.alive
worker._proc.kill()  # dies (out of memory, say) before the next chunk
worker._proc.join()
try:
    worker.submit(work[:1]).result()
except RuntimeError as exc:
    assert "worker died" in str(exc), exc
else:
    raise AssertionError("no error")
assert not worker.alive
print("ok")
"""


@needs_fork
def test_the_worker_answers_as_process_work_does_and_a_dead_one_is_reported(tmp_path: Path) -> None:
    """Claims, signature, per-article errors and extractor version as `process_work` gives them in
    this process; a worker that dies is an error of the run, not a hang. (In a new process: a
    test process may hold threads, which a fork must not copy.)"""
    done = subprocess.run([sys.executable, "-c", _WORKER, json.dumps([ARTICLE, SECOND])],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


@needs_fork
def test_a_run_that_needs_no_worker_ends_the_one_forked_for_it(tmp_path: Path) -> None:
    """`conflictwatch run` forks the worker before parsing its arguments; a run with --workers 1 or
    nothing new ends it at once, and none is left behind once the command is done."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    script = _MODULES.replace("main()\n", "try:\n    main()\nfinally:\n"
                              "    import multiprocessing\n"
                              "    print(len(multiprocessing.active_children()), file=sys.stderr)\n")
    for args in (["--workers", "1"], [], []):  # one process; a new article; then nothing new
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "m.json"), "run", str(src),
                               "--db", str(tmp_path / "cw.db"), "-q", *args],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip().splitlines()[-1] == "0"


_SPACY = """
import sys
from conflictwatch import early
early._without_spacy_cli()
import spacy
assert not {"typer", "requests", "weasel", "spacy.cli.download"} & set(sys.modules)
assert spacy.load  # spaCy itself is whole
info = spacy.info(markdown=False, silent=True)  # its command line's `info`, imported when called
assert info["spacy_version"] == spacy.__version__, info
assert "spacy.cli.download" in sys.modules
print("ok")
"""


def test_the_worker_imports_spacy_without_its_command_line_which_still_works_when_called() -> None:
    """`early._without_spacy_cli` (the worker's spaCy import, ~0.15 s shorter): spaCy's command
    line is not imported with it, and `spacy.info`, which spaCy re-exports from it, imports it
    when called and answers as usual."""
    done = subprocess.run([sys.executable, "-c", _SPACY], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
