"""Throughput of the full in-memory pipeline (ingest layout -> extract -> geocode) on one core.

Articles of about 600 words are made by joining pairs of the own-written gold articles
(gold/wire-style-*.yaml), so the text is realistic wire copy. Reports articles/s, words/s,
CPU time per article and peak memory. Usage: python bench/bench_pipeline.py [N_ARTICLES]
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import yaml

from conflictwatch.geo import Geocoder
from conflictwatch.ingest import split_dump
from conflictwatch.pipeline import process_article

REPO = Path(__file__).resolve().parents[1]


def articles(n: int) -> list[str]:
    texts: list[tuple[str, str]] = []
    for f in sorted((REPO / "gold").glob("wire-style-*.yaml")):
        for a in yaml.safe_load(f.read_text("utf-8"))["articles"]:
            texts.append((a["title"], a["text"]))
    out = []
    for i in range(n):
        (t1, b1), (_, b2) = texts[i % len(texts)], texts[(i * 7 + 3) % len(texts)]
        out.append(f"{t1}\n\n{b1}\n\n{b2}\n")
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    raw = articles(n)
    t0 = time.perf_counter()
    geocoder = Geocoder.for_store(None)
    geocoder.bundled.find("Aleppo", 0)  # the bundled gazetteer opens on its first lookup
    load = time.perf_counter() - t0
    t = time.perf_counter()
    for r in raw[:44]:  # warm caches: rules, and one spelling index per country met (built once)
        for art in split_dump(r):
            process_article(art, geocoder)
    warm = time.perf_counter() - t
    words = sum(len(r.split()) for r in raw)
    t, cpu = time.perf_counter(), time.process_time()
    claims = 0
    for r in raw:
        for art in split_dump(r):
            claims += len(process_article(art, geocoder))
    dt = time.perf_counter() - t
    cpu = time.process_time() - cpu  # on a shared machine the stable figure
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} articles, {words / n:.0f} words each on average, {claims} claims")
    print(f"gazetteer open: {load:.2f} s, first 44 articles (warm-up): {warm:.2f} s (once per process)")
    print(f"throughput: {n / dt:.1f} articles/s, {words / dt:,.0f} words/s (one core)")
    print(f"CPU: {1000 * cpu / n:.1f} ms per article ({n / cpu:.1f} articles per CPU-second)")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
