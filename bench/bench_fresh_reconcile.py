"""Benchmark the final reconciliation of a run on a fresh database: its peak memory and time.

Run: .venv/bin/python bench/bench_fresh_reconcile.py [--claims 20000 60000] [--chunk N] [--db FILE ...]

After `conflictwatch run` stores the claims of a new database, every claim is pending and the final
reconciliation groups them all. For each size, a fresh SQLite file holds `bench_reconcile.generate`
claims (bulk-inserted as `bench_incremental.py` does: every article pending, no events), and a new
process runs `reconcile_pending` on it: the process's peak RSS before and after (so the growth is
the reconciliation's own), wall and CPU seconds, and the events written. `--db FILE` measures a copy
of an existing SQLite database made fresh the same way (its events deleted, every article pending):
e.g. the one `bench_scale.py` leaves after a 100,000-article run. The peak should stay about flat as
the claims grow: a reconciliation holds one batch of claims (`--chunk`) at a time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def peak_mb() -> int:
    """This process's peak RSS. From /proc (Linux): `ru_maxrss` carries over the parent's peak
    through fork and exec, and the parent made the synthetic claims."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) >> 10
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10


def child(db: str, chunk: int | None) -> None:
    """The measured process: open the database, reconcile what is pending, report."""
    import time

    from conflictwatch.reconcile import reconcile_pending
    from conflictwatch.store import open_store

    store = open_store(db)
    before = peak_mb()
    c0, t0 = time.process_time(), time.perf_counter()
    r = reconcile_pending(store, **({"chunk": chunk} if chunk else {}))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"claims": r.claims, "events": r.total, "full": r.full, "wall_s": round(wall, 1),
                      "cpu_s": round(cpu, 1), "rss_before_mb": before, "peak_rss_mb": peak_mb()}))


def synthetic(n: int, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from bench_incremental import bulk_store
    from bench_reconcile import generate

    from conflictwatch.models import Claim
    from conflictwatch.store import open_store

    claims, published, _ = generate(n, 7)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    path = folder / f"synthetic-{n}.db"
    store = open_store(str(path))
    bulk_store(store, by_article, published)
    store.engine.dispose()
    return path


def made_fresh(src: Path, folder: Path) -> Path:
    """A copy of an SQLite database as a run leaves it before its final reconciliation."""
    path = folder / f"fresh-{src.stem}.db"
    shutil.copyfile(src, path)
    con = sqlite3.connect(path)
    for table in ("event_claims", "event_blocks", "events", "pending_articles", "pending_links"):
        con.execute(f"DELETE FROM {table}")
    con.execute("INSERT INTO pending_articles (article_id) SELECT article_id FROM articles")
    con.execute("DELETE FROM schema_info WHERE key = 'reconcile_rules'")
    con.commit()
    con.close()
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, nargs="*", default=[20_000, 60_000], help="synthetic sizes")
    ap.add_argument("--db", type=Path, nargs="*", default=[], help="existing SQLite databases to measure")
    ap.add_argument("--chunk", type=int, help="claims grouped at once (default: the package's)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]) or None)
        return 0
    with tempfile.TemporaryDirectory(prefix="cw-fresh-") as tmp:
        folder = Path(tmp)
        dbs = [(f"synthetic {n:,}", lambda n=n: synthetic(n, folder)) for n in args.claims]
        dbs += [(str(p), lambda p=p: made_fresh(p, folder)) for p in args.db]
        for label, make in dbs:
            path = make()
            out = subprocess.run([sys.executable, __file__, "--child", str(path), str(args.chunk or 0)],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(f"{label}: {r['claims']:,} claims -> {r['events']:,} events in {r['wall_s']} s "
                  f"({r['cpu_s']} s CPU); peak RSS {r['peak_rss_mb']} MiB (before reconciling "
                  f"{r['rss_before_mb']} MiB)")
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
