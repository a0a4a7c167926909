"""Near-duplicate detection: shingles, the documented threshold, the LSH bands stored in the database."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from conflictwatch.ingest import read_inputs
from conflictwatch.ingest.neardup import (
    BANDS,
    MIN_SHINGLES,
    NUM_PERM,
    ROWS,
    SCHEME,
    SHINGLE_WORDS,
    THRESHOLD,
    NearDuplicateIndex,
    Signature,
    band_keys,
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


class _Bands:
    """The store's band table in a dict: band key -> ids, in the order they were added."""

    def __init__(self, stored: dict[str, str]) -> None:
        self.stored = stored
        self.keys: dict[int, list[str]] = {}
        for aid, text in stored.items():
            self.add(aid, text)

    def add(self, aid: str, text: str) -> None:
        self.stored[aid] = text
        for k in Signature.of(text).bands:
            self.keys.setdefault(k, []).append(aid)

    def candidates(self, keys: list[int]) -> list[str]:
        return list(dict.fromkeys(a for k in keys for a in self.keys.get(k, [])))

    def index(self) -> NearDuplicateIndex:
        return NearDuplicateIndex(self.candidates, lambda ids: {i: self.stored[i] for i in ids})


def _index(stored: dict[str, str]) -> NearDuplicateIndex:
    return _Bands(stored).index()


def _text(words: list[str]) -> str:
    return " ".join(words)


def test_shingles_fold_case_quotes_and_spacing() -> None:
    assert shingles("Air strikes  KILLED “five”") == shingles("air strikes killed \"five\"")
    assert shingles("one two three four") == {"one two three", "two three four"}
    assert SHINGLE_WORDS == 3


def test_signatures_are_datasketchs_update_batch_values_for_any_text() -> None:
    """`Signature.of` hashes the shingles itself, faster; its values must be what datasketch's own
    MinHash gives for them (stored signatures and bands depend on it): words of a small vocabulary
    with accents, one to sixty of them, and an empty text."""
    import random

    from conflictwatch.ingest.neardup import _minhash_class

    rng = random.Random(11)
    vocab = ["shelling", "Killed", "“five”", "Ünïcödé", "straße", "–", "al-Bab", "9", "the", "of"]
    texts = ["", "one", "one two"] + [" ".join(rng.choice(vocab) for _ in range(rng.randint(3, 60)))
                                      for _ in range(200)]
    for text in texts:
        expected = _minhash_class()(num_perm=NUM_PERM, seed=1, scheme="affine32")
        sh = shingles(text)
        if sh:
            expected.update_batch([x.encode() for x in sorted(sh)])
        sig = Signature.of(text)
        assert sig.blob == to_bytes(expected) and sig.n_shingles == len(sh), text
        assert list(minhash(sh).hashvalues) == list(expected.hashvalues), text
    words = [f"w{i}" for i in range(7)]  # shingles are runs of SHINGLE_WORDS words, in order
    assert shingles(" ".join(words)) == {" ".join(words[i : i + 3]) for i in range(5)}


def test_signatures_without_the_fast_path_leave_the_shared_blank_minhash_as_it_was(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without datasketch's mixing function, `update_batch` computes the values, on a copy of the
    blank MinHash every signature starts from: each text still gets its own values."""
    from conflictwatch.ingest import neardup
    from conflictwatch.ingest.neardup import _blank

    texts = ["one two three four five", "shelling hit the town of al-Bab on Monday", ""]
    fast = [Signature.of(t) for t in texts]
    start = list(_blank().hashvalues)
    monkeypatch.setattr(neardup, "_mixer", lambda m: None)
    assert [Signature.of(t) for t in texts] == fast
    assert list(_blank().hashvalues) == start and len(set(start)) == 1


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
    bands = _Bands({"a": a})
    idx = bands.index()
    assert idx.match(Article(text=b, article_id="b"))[0] == "a"
    c = _text([f"z{i}" for i in range(40)])
    assert idx.match(Article(text=c, article_id="c"))[0] is None
    bands.add("c", c)  # the pipeline stores the article with its bands
    assert idx.match(Article(text=c + " extra words here", article_id="d"))[0] == "c"


def test_candidates_that_only_share_a_band_are_not_read_and_copies_still_are() -> None:
    """The signature prefilter: articles sharing a paragraph with the new one are proposed by LSH
    but not read; a copy at the threshold is still read and confirmed."""
    import random

    rng = random.Random(5)
    vocab = [f"v{i}" for i in range(50000)]
    shared = [rng.choice(vocab) for _ in range(110)]  # a background paragraph many articles carry
    base = [rng.choice(vocab) for _ in range(190)]
    new = Article(text=_text(base + shared), article_id="new")
    stored = {f"o{i}": _text([rng.choice(vocab) for _ in range(190)] + shared) for i in range(500)}
    stored["copy"] = _text(base[:120] + [rng.choice(vocab) for _ in range(70)] + shared)
    assert THRESHOLD <= jaccard(shingles(stored["copy"]), shingles(new.text)) < THRESHOLD + 0.15
    bands = _Bands(stored)
    proposed = set(bands.candidates(Signature.of(new.text).bands))
    read: list[str] = []

    def texts(ids: list[str]) -> dict[str, str]:
        read.extend(ids)
        return {i: stored[i] for i in ids}

    sigs = {k: Signature.of(t).blob for k, t in stored.items()}
    idx = NearDuplicateIndex(bands.candidates, texts, lambda ids: {i: sigs[i] for i in ids})
    dup, score = idx.match(new)
    assert len(proposed) > 10  # LSH proposes articles sharing only the paragraph ...
    assert "copy" in read and len(read) <= len(proposed) // 4  # ... few of them are read
    assert dup == "copy" and score >= THRESHOLD
    plain = NearDuplicateIndex(bands.candidates, lambda ids: {i: stored[i] for i in ids})
    assert plain.match(new) == (dup, score)  # same answer as comparing every candidate exactly


def test_band_layout_is_datasketchs_and_finds_what_its_lsh_finds() -> None:
    """The stored bands are MinHashLSH's: the same layout, and the same candidates on real-sized texts."""
    import random

    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    rng = random.Random(3)
    vocab = [f"v{i}" for i in range(400)]
    base = [rng.choice(vocab) for _ in range(120)]
    texts = {}
    for i in range(60):  # variants of one text with 0..100% of the words replaced
        words = [w if rng.random() > i / 60 else rng.choice(vocab) for w in base]
        texts[f"t{i}"] = _text(words)
    bands = _Bands({})
    for aid, t in texts.items():
        lsh.insert(aid, minhash(shingles(t)))
        bands.add(aid, t)
    for aid, t in texts.items():
        sig = Signature.of(t)
        assert len(set(sig.bands)) == BANDS
        assert sig.bands is sig.bands and sig.bands == band_keys(sig.blob)  # hashed once, the same keys
        assert pickle.loads(pickle.dumps(sig)).bands == sig.bands  # as a worker sends it
        assert set(bands.candidates(sig.bands)) == set(lsh.query(minhash(shingles(t)))), aid


def test_bands_are_stored_with_the_article_and_found_by_the_store(db_path: str) -> None:
    store = open_store(db_path)
    original = Article(text=_text(WORDS), article_id="a1")
    sig = Signature.of(original.text)
    store.save_article(original, [], extractor_version="v", minhash=sig.blob, minhash_scheme=SCHEME,
                       bands=sig.bands)
    copy = Article(text=_text(WORDS[:55] + ["q"] * 5), article_id="a2")
    other = Article(text=_text([f"o{i}" for i in range(60)]), article_id="a3")
    assert store.near_duplicate_candidates(Signature.of(copy.text).bands) == ["a1"]
    assert store.near_duplicate_candidates(Signature.of(other.text).bands) == []
    idx = NearDuplicateIndex(store.near_duplicate_candidates, store.article_texts)
    assert idx.match(copy)[0] == "a1"
    # a duplicate is stored without bands: later copies match the first copy, never a copy
    copy.duplicate_of = "a1"
    s2 = Signature.of(copy.text)
    store.save_article(copy, [], extractor_version="v", minhash=s2.blob, minhash_scheme=SCHEME, bands=s2.bands)
    assert store.near_duplicate_candidates(s2.bands) == ["a1"]
    assert store.has_minhash("a1", SCHEME) and not store.has_minhash("a1", "another-scheme")


def test_the_stores_candidates_are_its_querys_and_a_lost_table_is_a_database_fault(
    db_path: str,
) -> None:
    """On SQLite the candidates are read through the driver (see store.engine.sqlite_rows): the
    same rows in the same order as the SQLAlchemy query, and a database fault is still one."""
    from sqlalchemy import text

    from conflictwatch.store.faults import database_fault
    from conflictwatch.store.ingest_state import _CANDIDATES

    store = open_store(db_path)
    texts = [_text(WORDS[: 60 - k] + [f"x{k}"] * k) for k in (0, 3, 6, 9)] + [_text([f"o{i}" for i in range(60)])]
    for n, t in enumerate(texts):
        sig = Signature.of(t)
        store.save_article(Article(text=t, article_id=f"z{9 - n}"), [], extractor_version="v", minhash=sig.blob,
                           minhash_scheme=SCHEME, bands=sig.bands)
    for t in [*texts, _text(WORDS[:50] + ["q"] * 10)]:
        keys = Signature.of(t).bands
        with store.engine.connect() as conn:
            want = [r[0] for r in conn.execute(_CANDIDATES, {"b_keys": sorted(set(keys))})]
        assert store.near_duplicate_candidates(keys) == want
    assert len(store.near_duplicate_candidates(Signature.of(texts[1]).bands)) >= 2
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE minhash_bands"))
    with pytest.raises(Exception) as lost:
        store.near_duplicate_candidates(Signature.of(texts[0]).bands)
    assert database_fault(lost.value) is not None


def test_a_database_from_before_the_band_table_gets_bands_from_its_signatures(tmp_path: Path) -> None:
    """The migration fills the band table from the signatures stored by the earlier version."""
    import sqlite3

    db = str(tmp_path / "old.db")
    store = open_store(db)
    art = Article(text=_text(WORDS), article_id="old1")
    store.add_article(art)
    store.engine.dispose()
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET minhash = ?, minhash_scheme = ?", (to_bytes(minhash(shingles(art.text))), SCHEME))
    con.execute("DROP TABLE minhash_bands")
    con.execute("UPDATE schema_info SET value = '4' WHERE key = 'version'")
    con.commit()
    con.close()
    store = open_store(db)  # migrates
    copy = Article(text=_text(WORDS[:55] + ["q"] * 5), article_id="new")
    assert store.near_duplicate_candidates(Signature.of(copy.text).bands) == ["old1"]
    assert band_keys(to_bytes(minhash(shingles(art.text)))) == Signature.of(art.text).bands


def test_an_article_stored_without_a_signature_gets_one_when_repaired(db_path: str) -> None:
    from conflictwatch import pipeline

    store = open_store(db_path)
    long_text = ". ".join(f"Sentence {i} about the shelling of the town of Harasta on Monday" for i in range(8))
    art = Article(text=long_text + ".", article_id="a1", title="Harasta")
    store.add_article(art)  # stored without claims or signature (as by an older version)
    assert not store.has_minhash("a1", SCHEME)
    copy = Article(text=art.text.replace("Sentence 7", "Paragraph 7"), article_id="a2", title="Harasta again")
    # stale articles are repaired first, so a copy arriving in the same run finds its original
    stats = pipeline.run_items([copy], store)
    assert stats.reextracted == 1 and stats.articles_new == 1 and stats.duplicates == 1, stats
    assert store.has_minhash("a1", SCHEME) and store.duplicates() == {"a2": "a1"}


def test_distinct_real_articles_are_not_duplicates_of_each_other() -> None:
    """The threshold's margin on real text: no two different articles of the shared corpus match."""
    paths = [CORPUS / "ucdp-2022-dev.jsonl", CORPUS / "wire-2016-10-sample.txt"]
    if not all(p.exists() for p in paths):
        pytest.skip(f"shared corpus not found at {CORPUS} (it is not part of the repository)")
    arts = [a for a in read_inputs([str(p) for p in paths]) if isinstance(a, Article)]
    assert len(arts) > 150
    bands = _Bands({})
    idx = bands.index()
    matches = []
    for a in arts:
        dup, _ = idx.match(a)
        if dup is not None:
            matches.append((a.article_id, dup))
        bands.add(a.article_id or "", a.text)
    assert matches == []
    # ... while a repost of one of them with a new first and last paragraph is found.
    a = max(arts, key=lambda x: len(x.text))
    repost = Article(text="Republished with permission.\n\n" + a.text + "\n\nShare this story.", article_id="r")
    assert idx.match(repost)[0] == a.article_id


def test_signing_imports_datasketchs_minhash_alone_and_datasketch_still_imports_whole() -> None:
    """Signing loads datasketch.minhash without the package's __init__ (which imports scipy for
    the LSH classes); importing datasketch afterwards works and has the same MinHash class, so
    signatures and datasketch's own MinHashLSH agree (test above)."""
    import subprocess
    import sys

    code = """
import sys
from conflictwatch.ingest.neardup import NUM_PERM, Signature, _minhash_class, shingles, to_bytes
sig = Signature.of("one two three four five six seven eight nine ten eleven twelve")
assert "scipy" not in sys.modules and "datasketch.lsh" not in sys.modules, "scipy imported"
import datasketch
from datasketch import MinHash, MinHashLSH
assert MinHash is _minhash_class()
m = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
m.update_batch([s.encode() for s in sorted(shingles("one two three four five six seven eight nine ten eleven twelve"))])
assert to_bytes(m) == sig.blob
lsh = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)
lsh.insert("a", m)
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
