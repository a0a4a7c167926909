"""Near-duplicate detection: shingles, the documented threshold, stored signatures."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwatch.ingest import read_inputs
from conflictwatch.ingest.neardup import (
    MIN_SHINGLES,
    SCHEME,
    SHINGLE_WORDS,
    THRESHOLD,
    NearDuplicateIndex,
    jaccard,
    minhash,
    shingles,
    to_bytes,
)
from conflictwatch.models import Article
from conflictwatch.store import open_store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"

# 60 distinct words: a text whose shingle sets we can cut to a known overlap.
WORDS = [f"w{i}" for i in range(60)]


def _index(stored: dict[str, str]) -> NearDuplicateIndex:
    return NearDuplicateIndex(lambda: [(k, None) for k in stored], lambda ids: {i: stored[i] for i in ids})


def _text(words: list[str]) -> str:
    return " ".join(words)


def test_shingles_fold_case_quotes_and_spacing() -> None:
    assert shingles("Air strikes  KILLED “five”") == shingles("air strikes killed \"five\"")
    assert shingles("one two three four") == {"one two three", "two three four"}
    assert SHINGLE_WORDS == 3


def test_the_threshold_is_the_exact_jaccard_similarity_of_the_shingles() -> None:
    original = _text(WORDS)
    idx = _index({"orig": original})
    # Keep the first n words and replace the rest: the overlap falls as n does.
    for n in range(20, 60, 2):
        variant = _text(WORDS[:n] + [f"x{i}" for i in range(60 - n)])
        sim = jaccard(shingles(original), shingles(variant))
        dup, score = idx.match(Article(text=variant, article_id=f"v{n}"))
        if sim >= THRESHOLD + 0.1:  # well above: LSH finds it, and it is confirmed
            assert dup == "orig" and score == pytest.approx(sim), (n, sim)
        if sim < THRESHOLD:  # below: never a duplicate, whatever LSH proposes
            assert dup is None, (n, sim)


def test_short_texts_are_never_duplicates() -> None:
    text = "Shelling killed nine people in Harasta on Monday."
    assert len(shingles(text)) < MIN_SHINGLES
    idx = _index({"a": text})
    assert idx.match(Article(text=text + " SANA said.", article_id="b")) == (None, 0.0)


def test_best_match_wins_and_new_originals_are_found_in_the_same_run() -> None:
    a, b = _text(WORDS), _text(WORDS[:50] + ["y"] * 10)
    stored = {"a": a}
    idx = _index(stored)
    assert idx.match(Article(text=b, article_id="b"))[0] == "a"
    c = _text([f"z{i}" for i in range(40)])
    assert idx.match(Article(text=c, article_id="c"))[0] is None
    stored["c"] = c  # the pipeline stores the article, then indexes it
    idx.add("c", to_bytes(minhash(shingles(c))))
    assert idx.match(Article(text=c + " extra words here", article_id="d"))[0] == "c"


def test_signatures_are_stored_and_recomputed_only_when_missing(db_path: str) -> None:
    store = open_store(db_path)
    art = Article(text=_text(WORDS), article_id="a1")
    store.add_article(art)  # stored without a signature (as by an older version)
    assert list(store.minhashes(SCHEME)) == [("a1", None)]
    saved: list[str] = []

    def save(aid: str, sig: bytes) -> None:
        saved.append(aid)
        store.set_minhash(aid, sig, SCHEME)

    idx = NearDuplicateIndex(lambda: list(store.minhashes(SCHEME)), store.article_texts, save)
    assert idx.match(Article(text=_text(WORDS[:55] + ["q"] * 5), article_id="a2"))[0] == "a1"
    assert saved == ["a1"]
    [(aid, sig)] = list(store.minhashes(SCHEME))
    assert sig == to_bytes(minhash(shingles(art.text)))
    assert list(store.minhashes("another-scheme")) == [("a1", None)]  # another scheme: recomputed


def test_distinct_real_articles_are_not_duplicates_of_each_other() -> None:
    """The threshold's margin on real text: no two different articles of the shared corpus match."""
    paths = [CORPUS / "ucdp-2022-dev.jsonl", CORPUS / "wire-2016-10-sample.txt"]
    if not all(p.exists() for p in paths):
        pytest.skip(f"shared corpus not found at {CORPUS} (it is not part of the repository)")
    arts = [a for a in read_inputs([str(p) for p in paths]) if isinstance(a, Article)]
    assert len(arts) > 150
    stored = {a.article_id or "": a.text for a in arts}
    idx = NearDuplicateIndex(lambda: [], lambda ids: {i: stored[i] for i in ids})
    matches = []
    for a in arts:
        dup, _ = idx.match(a)
        if dup is not None:
            matches.append((a.article_id, dup))
        idx.add(a.article_id or "", to_bytes(minhash(shingles(stored[a.article_id or ""]))))
    assert matches == []
    # ... while a repost of one of them with a new first and last paragraph is found.
    a = max(arts, key=lambda x: len(x.text))
    repost = Article(text="Republished with permission.\n\n" + a.text + "\n\nShare this story.", article_id="r")
    idx2 = NearDuplicateIndex(lambda: [(a.article_id or "", None)], lambda ids: {i: a.text for i in ids})
    assert idx2.match(repost)[0] == a.article_id
