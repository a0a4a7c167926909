"""Benchmark incremental reconciliation: a large database, then small runs of new articles.

Run: .venv/bin/python bench/bench_incremental.py [--claims 100000] [--new 100] [--runs 5] [--db URL]

1. Synthetic claims (`bench_reconcile.generate`: 3 countries, 36 provinces, 1,836 places, two
   years; spelling variants, city-level reports, province-only and undated claims, rising tolls)
   are stored, all but the claims of `runs` x `new` articles, and reconciled once (a full build:
   the database has no events yet).
2. `runs` times: `new` more articles are stored with `Store.save_article` (as `conflictwatch run`
   stores them) and reconciled incrementally: events rewritten, claims regrouped, seconds.
3. `reconcile --all` over everything, for comparison; it must give the same events (checked).

The database is a temporary SQLite file, or the PostgreSQL database `--db` names (it must be
empty). The base claims are bulk-inserted (not through the per-article path, which would take
minutes and is not what is measured here).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reconcile import generate  # noqa: E402

from conflictwatch.models import Article, Claim  # noqa: E402
from conflictwatch.reconcile import reconcile_all, reconcile_pending  # noqa: E402
from conflictwatch.store import Store, open_store  # noqa: E402
from conflictwatch.store import schema as s  # noqa: E402
from conflictwatch.store.db import unique_claim_ids  # noqa: E402
from conflictwatch.store.engine import writing  # noqa: E402
from conflictwatch.store.rows import article_row, claim_row  # noqa: E402


def _article(aid: str, published: date | None) -> Article:
    return Article(text=f"synthetic report {aid}", title=aid, article_id=aid, published=published)


def bulk_store(store: Store, by_article: dict[str, list[Claim]], published: dict[str, date | None]) -> None:
    """Insert articles, their claims and the pending notes in large transactions."""
    ids = sorted(by_article)
    for k in range(0, len(ids), 5000):
        part = ids[k : k + 5000]
        arts = [article_row(_article(aid, published.get(aid))) for aid in part]
        for row in arts:
            row.update(extractor_version="bench", extracted_claims=len(by_article[row["article_id"]]))
        claims = [claim_row(c) for aid in part for c in unique_claim_ids(by_article[aid])]
        with writing(store.engine) as conn:
            conn.execute(insert(s.articles), arts)
            conn.execute(insert(s.claims), claims)
            conn.execute(insert(s.pending_articles), [{"article_id": aid} for aid in part])


def db_size(store: Store, path: str | None) -> str:
    if path is not None:
        return f"{os.path.getsize(path) / 2**20:.0f} MiB"
    with store.engine.connect() as conn:
        n = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    return f"{n / 2**20:.0f} MiB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="claims in the database before the runs")
    ap.add_argument("--new", type=int, default=100, help="new articles per run")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", help="an empty PostgreSQL database URL (default: a temporary SQLite file)")
    args = ap.parse_args(argv)

    claims, published, _ = generate(args.claims + args.runs * args.new * 2, args.seed)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    ids = sorted(by_article)
    random.Random(args.seed).shuffle(ids)
    runs = [ids[k * args.new : (k + 1) * args.new] for k in range(args.runs)]
    later = {aid for run in runs for aid in run}
    base = {aid: cs for aid, cs in by_article.items() if aid not in later}

    tmp = None if args.db else tempfile.mkdtemp(prefix="cw-bench-")
    path = None if args.db else str(Path(tmp or ".") / "bench.db")
    store = open_store(args.db or str(path))
    t0 = time.perf_counter()
    bulk_store(store, base, published)
    n_base = sum(len(v) for v in base.values())
    print(f"database: {store.dialect}; {len(base):,} articles, {n_base:,} claims stored in "
          f"{time.perf_counter() - t0:.0f} s (bulk)")

    c0 = time.process_time()
    first = reconcile_pending(store)
    first_cpu = time.process_time() - c0
    with store.engine.connect() as conn:
        blocks = conn.execute(select(func.count()).select_from(s.event_blocks)).scalar_one()
    print(f"first reconciliation (full): {first.claims:,} incident claims -> {first.total:,} events in "
          f"{first.seconds:.1f} s ({first_cpu:.1f} s CPU); {blocks:,} blocking keys; database "
          f"{db_size(store, path)}")

    secs: list[float] = []
    cpus: list[float] = []
    rewritten: list[int] = []
    regrouped: list[int] = []
    for k, run in enumerate(runs, 1):
        for aid in run:
            store.save_article(_article(aid, published.get(aid)), by_article[aid], extractor_version="bench")
        c0 = time.process_time()
        r = reconcile_pending(store)
        cpus.append(time.process_time() - c0)
        secs.append(r.seconds)
        rewritten.append(len(r.events) + len(r.removed))
        regrouped.append(r.claims)
        new_claims = sum(len(by_article[aid]) for aid in run)
        print(f"run {k}: {len(run)} new articles ({new_claims} claims): {len(r.events)} events rewritten, "
              f"{len(r.removed)} removed, {r.claims} claims regrouped, {r.seconds:.2f} s "
              f"({cpus[-1]:.2f} s CPU)"
              f"{' (full rebuild)' if r.full else ''}; {r.total:,} events in all")
    print(f"median of {args.runs} runs: {statistics.median(rewritten):.0f} events rewritten, "
          f"{statistics.median(regrouped):.0f} claims regrouped, {statistics.median(secs):.2f} s "
          f"({statistics.median(cpus):.2f} s CPU)")

    def shape() -> dict[str, tuple[object, ...]]:
        return {e.event_id: (sorted(e.claim_ids), e.fatalities, e.notes) for e in store.events()}

    incremental = shape()
    c0 = time.process_time()
    full = reconcile_all(store)
    full_cpu = time.process_time() - c0
    same = shape() == incremental
    print(f"reconcile --all: {full.claims:,} claims in {full.seconds:.1f} s ({full_cpu:.1f} s CPU); "
          "same events as the incremental "
          f"runs: {same}; database {db_size(store, path)}")
    store.engine.dispose()
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
