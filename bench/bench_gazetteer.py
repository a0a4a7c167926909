"""The bundled gazetteer: on-disk SQLite index against the old in-memory read, on the same articles.

Reports the index's build time and size (--build, into a temporary folder), its open time, the
in-memory read time, lookup cost (cached and not), and geocoding time per article with each
index over real articles (../shared/corpus/ucdp-2022-dev.jsonl, 192 articles in 25 countries:
many distinct names, so cold-cache lookups count) or, without ../shared, the own-written gold
articles. Usage: python bench/bench_gazetteer.py [--build]
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from conflictwatch.extract import extract_claims
from conflictwatch.geo import Geocoder
from conflictwatch.geo.gazetteer import bundled_source, read_bundled
from conflictwatch.geo.index import _DIGESTS, SqlitePlaceIndex, ensure_index
from conflictwatch.models import Article, Claim

REPO = Path(__file__).resolve().parents[1]
UCDP = REPO.parent / "shared" / "corpus" / "ucdp-2022-dev.jsonl"


def load_articles() -> tuple[str, list[Article]]:
    if UCDP.exists():
        rows = [json.loads(line) for line in UCDP.read_text(encoding="utf-8").splitlines() if line.strip()]
        return UCDP.name, [Article(title=r.get("title"), text=r["text"], article_id=r["id"]) for r in rows]
    arts = []
    for f in sorted((REPO / "gold").glob("*.yaml")):
        for i, a in enumerate(yaml.safe_load(f.read_text("utf-8")).get("articles", [])):
            arts.append(Article(title=a.get("title"), text=a["text"], article_id=f"{f.stem}-{i}"))
    return "gold/*.yaml", arts


def geocode_all(geo: Geocoder, work: list[tuple[Article, list[Claim]]]) -> tuple[float, list[tuple]]:
    claims = copy.deepcopy([c for _, c in work])
    t = time.process_time()  # CPU time: other work on a shared machine does not count
    for (art, _), cs in zip(work, claims, strict=True):
        geo.geocode_claims(cs, art)
        geo.article_context(art)  # articles without a place still pay for the context scan
    dt = time.process_time() - t
    return dt, [(c.location, c.latitude, c.longitude, c.admin1, c.geo_precision) for cs in claims for c in cs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", action="store_true", help="also time a fresh build of the index")
    args = ap.parse_args()
    src = bundled_source()
    print(f"source: {src.name}, {src.stat().st_size / 1e6:.1f} MB")
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            info = ensure_index(src, [Path(tmp)])
            print(f"index build: {info.seconds:.1f} s, {info.path.stat().st_size / 1e6:.0f} MB")
    info = ensure_index(src)
    _DIGESTS.clear()  # as in a new process: the source is hashed again
    t = time.perf_counter()
    disk = SqlitePlaceIndex(src)
    disk.find("Aleppo", 0)
    print(f"index open (hash source, check, first lookup): {(time.perf_counter() - t) * 1000:.0f} ms "
          f"({info.path}, {info.path.stat().st_size / 1e6:.0f} MB)")
    t = time.perf_counter()
    mem = read_bundled(src)
    print(f"in-memory read (the old start-up): {time.perf_counter() - t:.2f} s")

    name, arts = load_articles()
    work = [(a, extract_claims(a)) for a in arts]
    n_claims = sum(len(c) for _, c in work)
    print(f"articles: {len(arts)} from {name}, {n_claims} claims")
    results = {}
    for label, bundled in (("in-memory", mem), ("sqlite", SqlitePlaceIndex(src))):
        geo = Geocoder(bundled=bundled)
        cold, out = geocode_all(geo, work)
        geo._article_ctx.clear()
        warm, _ = geocode_all(geo, work)
        results[label] = out
        print(f"{label:10s} geocoding CPU: first pass {cold / len(arts) * 1000:6.1f} ms/article, "
              f"second {warm / len(arts) * 1000:6.1f} ms/article")
    same = results["in-memory"] == results["sqlite"]
    print(f"same geocoding results from both: {same}")

    words = [p.name for p in (disk.place(i) for i in range(0, len(disk), 97))][:3000]
    fresh = SqlitePlaceIndex(src)
    fresh.find("Aleppo", 0)
    for label in ("not cached", "cached"):
        times = []
        for w in words:
            t = time.perf_counter()
            fresh.find(w, 0)
            times.append(time.perf_counter() - t)
        print(f"exact lookup of a place name, {label}: median {statistics.median(times) * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
