"""Near-duplicate articles: reposts and light rewrites of a report already stored.

Aggregators repost wire copy with another byline, footer or headline; each copy has a different
content hash, so exact de-duplication misses it. Here an article is a set of *shingles* (every run
of SHINGLE_WORDS consecutive words of its normalised body text), and two articles are near-duplicates
when the Jaccard similarity of their shingle sets is at least THRESHOLD.

Candidates come from a MinHash LSH index (`datasketch`) over the stored originals, so a new article
is compared with a handful of likely copies, not with every article; each candidate is then
confirmed with the exact Jaccard similarity of the two texts, so the threshold means exactly what
it says. Signatures are stored with the article (and recomputed when the scheme changes).

Why 0.5 over 3-word shingles: among the 260 distinct real and own-written articles available to us
(`../shared/corpus`, `samples/`, `gold/`), the most similar pair of different reports (two monitor
posts sharing a long template paragraph) scores 0.27; a repost with a new byline and footer scores
0.87-0.93, the same repost with one word in 15 changed 0.60-0.67, a copy keeping only the first
half of the paragraphs 0.50-0.56. A wrong match costs little: a duplicate's claims are still
extracted and stored, and reconcile folds only those identical to a claim of the first copy.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from conflictwatch.models import Article, normalise_text

#: Words per shingle.
SHINGLE_WORDS = 3
#: Minimum Jaccard similarity of the shingle sets for a near-duplicate.
THRESHOLD = 0.5
#: MinHash permutations (signature length).
NUM_PERM = 128
#: Texts with fewer shingles than this (about a dozen words) are never called duplicates:
#: two one-line items share most of their few shingles by chance.
MIN_SHINGLES = 10
#: Stored with each signature; a database holding another scheme's signatures recomputes them.
SCHEME = f"w{SHINGLE_WORDS}-affine32-{NUM_PERM}"

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The set of SHINGLE_WORDS-word runs of the normalised text (case, quotes, spacing folded)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def minhash(sh: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
    if sh:
        m.update_batch([x.encode() for x in sorted(sh)])
    return m


def to_bytes(m: MinHash) -> bytes:
    """The signature as NUM_PERM little-endian 32-bit integers (the affine32 scheme's width)."""
    return struct.pack(f"<{NUM_PERM}I", *(int(v) for v in m.hashvalues))


@lru_cache(maxsize=1)
def _permutations() -> tuple[object, object]:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations  # type: ignore[no-any-return]


def from_bytes(blob: bytes) -> MinHash:
    """A stored signature as a MinHash. The seed's permutations are computed once and shared:
    recomputed for every stored article, they took 20 of the 34 s that loading the index of
    25,000 articles took (`bench/bench_load.py`)."""
    values = struct.unpack(f"<{NUM_PERM}I", blob)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, permutations=_permutations(),
                   scheme="affine32")


class NearDuplicateIndex:
    """An LSH index of stored originals; `match` finds the one a new article copies, if any.

    `load` is called lazily with a callback yielding (article_id, signature or None) for each stored
    original and `texts(ids)` returns stored texts (to confirm candidates and fill missing
    signatures); `save_signature(id, blob)` persists a recomputed signature.
    """

    def __init__(
        self,
        originals: Callable[[], list[tuple[str, bytes | None]]],
        texts: Callable[[list[str]], dict[str, str]],
        save_signature: Callable[[str, bytes], None] | None = None,
    ) -> None:
        self._originals = originals
        self._texts = texts
        self._save = save_signature
        self._lsh: MinHashLSH | None = None
        self._order: dict[str, int] = {}

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
            rows = self._originals()
            missing = [aid for aid, sig in rows if sig is None or len(sig) != 4 * NUM_PERM]
            texts = self._texts(missing) if missing else {}
            for aid, sig in rows:
                if sig is None or len(sig) != 4 * NUM_PERM:
                    sig = to_bytes(minhash(shingles(texts.get(aid, ""))))
                    if self._save is not None:
                        self._save(aid, sig)
                self._order[aid] = len(self._order)
                lsh.insert(aid, from_bytes(sig), check_duplication=False)
            self._lsh = lsh
        return self._lsh

    def signature(self, article: Article) -> bytes:
        return to_bytes(minhash(shingles(article.text)))

    def match(self, article: Article) -> tuple[str | None, float]:
        """(id of the stored original this article nearly duplicates, similarity), or (None, best)."""
        sh = shingles(article.text)
        if len(sh) < MIN_SHINGLES:
            return None, 0.0
        lsh = self._index()
        cands = [c for c in lsh.query(minhash(sh)) if c != article.article_id]
        if not cands:
            return None, 0.0
        texts = self._texts(cands)
        scored = sorted(
            ((jaccard(sh, shingles(texts.get(c, ""))), c) for c in cands),
            key=lambda t: (-t[0], self._order.get(t[1], 0), t[1]),
        )
        best, cid = scored[0]
        return (cid, best) if best >= THRESHOLD else (None, best)

    def add(self, article_id: str, signature: bytes) -> None:
        """Index a newly stored original so later copies in the same run find it."""
        lsh = self._index()
        if article_id not in self._order:
            self._order[article_id] = len(self._order)
            lsh.insert(article_id, from_bytes(signature), check_duplication=False)
