"""Time per article against its length: extraction must stay linear in the text's length.

Three shapes of one article, each at 10 KB, 100 KB and 1 MB (sizes on the command line):
- `wire`: the own-written gold articles (gold/wire-style-*.yaml) one after another, as one
  article: real sentences, many claims;
- `no-stops`: the same words with every '.', '!' and '?' removed, one paragraph ending in a full
  stop (the shape that used to be one giant "sentence": quadratic);
- `random-words`: paragraphs of 20-120 words drawn at random from the same vocabulary.

Each article goes through what the pipeline does to it (`analyse_article`: layout; then
`process_article`: extraction and geocoding), with the per-article budgets off. Prints CPU
seconds (this process's: other load on a shared machine does not count) and CPU microseconds per
kilobyte: a linear stage keeps that figure flat as the size grows. (The 1 MB `wire` and `no-stops`
texts repeat the ~100 KB of gold articles, so within the article the parser's cache of repeated
sentences makes them cheaper per KB; `random-words` never repeats.)

Usage: taskset -c 0 python bench/bench_long_text.py [SIZE_KB ...]   (default: 10 100 1000)
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

import yaml

from conflictwatch.extract import nlp
from conflictwatch.geo import Geocoder
from conflictwatch.ingest import analyse_article
from conflictwatch.models import Article
from conflictwatch.pipeline import process_article

REPO = Path(__file__).resolve().parents[1]


def gold_texts() -> list[str]:
    out: list[str] = []
    for f in sorted((REPO / "gold").glob("wire-style-*.yaml")):
        out += [a["text"] for a in yaml.safe_load(f.read_text("utf-8"))["articles"]]
    return out


def _fill(pieces: list[str], size: int, sep: str) -> str:
    out, n, i = [], 0, 0
    while n < size:
        p = pieces[i % len(pieces)]
        out.append(p)
        n += len(p) + len(sep)
        i += 1
    return sep.join(out)[:size]


def shapes(size: int) -> dict[str, str]:
    texts = gold_texts()
    wire = _fill(texts, size, "\n\n")
    words = re.sub(r"[.!?]", "", " ".join(texts)).split()
    no_stops = _fill(words, size - 1, " ") + "."
    rng = random.Random(size)
    paras, n = [], 0
    while n < size:
        p = " ".join(rng.choice(words) for _ in range(rng.randint(20, 120))) + "."
        paras.append(p)
        n += len(p) + 2
    return {"wire": wire, "no-stops": no_stops, "random-words": "\n\n".join(paras)[:size]}


def main() -> None:
    sizes = [int(x) * 1000 for x in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    geocoder = Geocoder.for_store(None)
    for text in gold_texts():  # one-time loads: spaCy, rules, gazetteer, each country's spellings
        warm = analyse_article(text, "warm-up")
        assert isinstance(warm, Article)
        process_article(warm, geocoder, budget=None)
    print(f"{'shape':<13} {'chars':>9} {'layout s':>9} {'extract+geo s':>14} {'µs/KB':>8} {'claims':>7}"
          "   (CPU time)")
    for size in sizes:
        for name, text in shapes(size).items():
            t = time.process_time()
            art = analyse_article(text, name)
            layout = time.process_time() - t
            if not isinstance(art, Article):
                print(f"{name:<13} {len(text):>9,} {layout:>9.2f}  {art}")
                continue
            nlp._docs.clear()  # no parse cached from the warm-up or an earlier shape
            t = time.process_time()
            claims = process_article(art, geocoder, budget=None)
            dt = time.process_time() - t
            per_kb = (layout + dt) / (len(text) / 1000) * 1e6
            print(f"{name:<13} {len(text):>9,} {layout:>9.2f} {dt:>14.2f} {per_kb:>8,.0f} {len(claims):>7}",
                  flush=True)


if __name__ == "__main__":
    main()
