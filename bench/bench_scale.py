"""End-to-end scale benchmark: synthetic wire articles through the whole main job.

For each size and mode, a fresh database, one run of the main job in a child process (imports,
worker start-up, extraction, writes and reconciliation included), and:
- articles/s end to end (wall time of the child process) and the run's own time;
- peak RSS of the writing process, of the largest worker, and of the whole process tree
  (sampled with psutil every 0.2 s, after the first minute every second);
- database size; reconciliation time (the final `rebuild_events`);
- CPU seconds of the whole process tree, and the machine's mean load average during the run: on
  a shared machine the wall-clock rate depends on what else runs, the CPU time much less.

Modes: `single` (one process), `workers2` (`--workers 2`), `dask` (a Dask LocalCluster of 2
worker processes, as `--executor dask --workers 2`).

    python bench/bench_scale.py --sizes 1000 10000 --modes single workers2 dask
    python bench/bench_scale.py --floor 500     # the extractor vs spaCy's parse of the same sentences

Corpora (bench/synth.py, ~650 words an article) are written once to --dir (default
/tmp/cw-bench). Results are appended as JSON lines to --dir/results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MODES = {"single": ("local", 1), "workers2": ("local", 2), "dask": ("dask", 2)}


def child(corpus: str, db: str, mode: str, out: str) -> None:
    """The measured process: the main job as `conflictwatch run` runs it, without the display."""
    t0 = time.perf_counter()
    import resource

    from conflictwatch import pipeline
    from conflictwatch.parallel import ExecutorSpec
    from conflictwatch.store import open_store

    executor, workers = MODES[mode]
    store = open_store(db)
    done = 0
    log = Path(out).with_suffix(".progress")

    def on_item(_item: object) -> None:  # a line every 1,000 articles: a long run can be followed
        nonlocal done
        done += 1
        if done % 1000 == 0:
            with log.open("a") as fh:
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
                fh.write(f"{done} {time.perf_counter() - t0:.0f}s peak_rss_main={rss}MB\n")

    stats = pipeline.run([corpus], store, on_item=on_item,
                         spec=ExecutorSpec(workers=workers, executor=executor))
    store.engine.dispose()
    Path(out).write_text(json.dumps({
        "seconds_in_process": time.perf_counter() - t0, "run_seconds": stats.seconds,
        "reconcile_seconds": stats.reconcile_seconds, "articles_new": stats.articles_new,
        "duplicates": stats.duplicates, "claims": stats.claims, "errors": len(stats.errors),
        "events": stats.reconciled.written if stats.reconciled is not None else 0,
    }))


def measure(n: int, mode: str, folder: Path) -> dict[str, object]:
    import psutil
    import synth

    corpus = synth.corpus(n, folder)
    db = folder / f"bench-{mode}-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = folder / f"child-{mode}-{n}.json"
    cmd = [sys.executable, __file__, "--child", str(corpus), str(db), mode, str(out)]
    import resource

    _adopt_orphans()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    loads: list[float] = []
    main = psutil.Process(proc.pid)
    peak_main = peak_worker = peak_total = 0
    cpu_of: dict[int, float] = {}  # last CPU time seen per process (the main one's is in RUSAGE too)
    while proc.poll() is None:
        try:
            procs = [main, *main.children(recursive=True)]
            rss = {}
            for p in procs:
                try:
                    rss[p.pid] = p.memory_info().rss
                    t = p.cpu_times()
                    cpu_of[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            peak_main = max(peak_main, rss.get(main.pid, 0))
            peak_worker = max([peak_worker, *(v for k, v in rss.items() if k != main.pid)])
            peak_total = max(peak_total, sum(rss.values()))
        except psutil.Error:
            pass
        loads.append(os.getloadavg()[0])
        time.sleep(0.2 if time.perf_counter() - t0 < 60 else 1.0)  # the monitor's own CPU stays small
    wall = time.perf_counter() - t0
    _reap_orphans()
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child and every process of its tree
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} {n}: the run failed ({proc.returncode})")
    res = json.loads(out.read_text())
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    row = {
        "articles": n, "mode": mode, "wall_s": round(wall, 1), "articles_per_s": round(n / wall, 1),
        "run_s": round(res["run_seconds"], 1), "reconcile_s": round(res["reconcile_seconds"], 1),
        "peak_rss_main_mb": peak_main >> 20, "peak_rss_worker_mb": peak_worker >> 20,
        "peak_rss_total_mb": peak_total >> 20, "db_mb": size >> 20, "claims": res["claims"],
        "events": res["events"], "duplicates": res["duplicates"], "errors": res["errors"],
        "cpu_s": round(cpu, 1), "articles_per_cpu_s": round(n / cpu, 1),
        "cpu_main_s": round(cpu_of.get(main.pid, 0.0), 1),
        "load_mean": round(sum(loads) / max(len(loads), 1), 1), "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    with (folder / "results.jsonl").open("a") as fh:
        fh.write(json.dumps(row) + "\n")
    return row


def _adopt_orphans() -> None:
    """Become the subreaper of the measured tree: a process its parent never waits for (the fork
    server the workers are forked from, and so the workers it waited for) is re-parented here
    when that parent exits, and its CPU time is counted once it is reaped (`_reap_orphans`)."""
    import ctypes

    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def _reap_orphans() -> None:
    """Wait for every process of the measured tree still running or unreaped (each ends when the
    run's process has gone)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def floor(n: int, folder: Path) -> dict[str, object]:
    """Extraction per article vs spaCy's own parse of the sentences the extractor parses."""
    import synth

    from conflictwatch.extract import nlp
    from conflictwatch.geo import Geocoder
    from conflictwatch.ingest import read_inputs
    from conflictwatch.models import Article
    from conflictwatch.pipeline import process_article

    arts = [a for a in read_inputs([str(synth.corpus(n, folder))]) if isinstance(a, Article)]
    seen: list[str] = []
    real = nlp.parse

    def recording(texts: object) -> object:
        texts = list(texts)  # type: ignore[call-overload]
        seen.extend(texts)
        return real(texts)

    geocoder = Geocoder.for_store(None)
    for a in arts[:20]:  # warm: spaCy, rules, gazetteer
        process_article(a, geocoder)
    nlp._docs.clear()
    import conflictwatch.extract.claims as claims_mod

    claims_mod.parse = recording  # type: ignore[attr-defined]
    t = time.process_time()
    for a in arts:
        process_article(a, geocoder)
    extract = time.process_time() - t
    claims_mod.parse = real  # type: ignore[attr-defined]
    texts = list(dict.fromkeys(seen))
    t = time.process_time()
    for _ in nlp.pipeline().pipe(texts, batch_size=64):
        pass
    spacy_s = time.process_time() - t
    row = {
        "floor_articles": n, "extract_ms_per_article": round(1000 * extract / n, 1),
        "spacy_ms_per_article": round(1000 * spacy_s / n, 1), "ratio": round(extract / spacy_s, 2),
        "parsed_sentences_per_article": round(len(texts) / n, 1),
        "parsed_words_per_article": round(sum(len(x.split()) for x in texts) / n),
        "words_per_article": round(sum(len(a.text.split()) for a in arts) / n),
        "load_before": os.getloadavg()[0], "when": time.strftime("%Y-%m-%d %H:%M"),
    }
    with (folder / "results.jsonl").open("a") as fh:
        fh.write(json.dumps(row) + "\n")
    return row


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:6])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000])
    ap.add_argument("--modes", nargs="*", default=list(MODES), choices=list(MODES))
    ap.add_argument("--floor", type=int, default=0, help="measure the spaCy floor on N articles instead")
    ap.add_argument("--dir", type=Path, default=Path(os.environ.get("CW_BENCH_DIR", "/tmp/cw-bench")))
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "conflictwatch", "gazetteer", "build-index"], check=True,
                   stdout=subprocess.DEVNULL)
    if args.floor:
        print(json.dumps(floor(args.floor, args.dir)), flush=True)
        return
    for n in args.sizes:
        for mode in args.modes:
            print(json.dumps(measure(n, mode, args.dir)), flush=True)


if __name__ == "__main__":
    main()
