"""Near-duplicate articles: reposts and light rewrites of a report already stored.

Aggregators repost wire copy with another byline, footer or headline; each copy has a different
content hash, so exact de-duplication misses it. Here an article is a set of *shingles* (every run
of SHINGLE_WORDS consecutive words of its normalised body text), and two articles are near-duplicates
when the Jaccard similarity of their shingle sets is at least THRESHOLD.

Candidates come from MinHash LSH: an article's signature (`datasketch`, 128 permutations) is cut
into BANDS bands of ROWS values, and articles sharing any band are candidates (datasketch's
optimal layout for the threshold). The band keys are stored with each original article
(`store.minhash_bands`) and looked up per new article, so the index costs no memory and a run over
a database of millions of articles starts as fast as one over an empty one. Each candidate is then
confirmed with the exact Jaccard similarity of the two texts, so the threshold means exactly what
it says.

Why 0.5 over 3-word shingles: among the 260 distinct real and own-written articles available to us
(`../shared/corpus`, `samples/`, `gold/`), the most similar pair of different reports (two monitor
posts sharing a long template paragraph) scores 0.27; a repost with a new byline and footer scores
0.87-0.93, the same repost with one word in 15 changed 0.60-0.67, a copy keeping only the first
half of the paragraphs 0.50-0.56. A wrong match costs little: a duplicate's claims are still
extracted and stored, and reconcile folds only those identical to a claim of the first copy.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import struct
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from conflictwatch.models import Article, normalise_text

if TYPE_CHECKING:
    import numpy as np
    from datasketch import MinHash

#: Words per shingle.
SHINGLE_WORDS = 3
#: Minimum Jaccard similarity of the shingle sets for a near-duplicate.
THRESHOLD = 0.5
#: MinHash permutations (signature length).
NUM_PERM = 128
#: LSH layout: datasketch's MinHashLSH(threshold=0.5, num_perm=128) picks 25 bands of 5 rows
#: (tested). Stored band keys depend on it: changing it needs a migration that rebuilds them.
BANDS, ROWS = 25, 5
#: Candidates whose MinHash signatures agree on fewer values than this share are not compared
#: exactly (see NearDuplicateIndex._likely).
PREFILTER = THRESHOLD - 0.15
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
    if SHINGLE_WORDS == 3:  # the same strings, without a slice and a join per word (~15% faster)
        return {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


_IMPORT_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _minhash_class() -> type[MinHash]:
    """datasketch's MinHash, without the half second `import datasketch` spends on scipy.

    The package's __init__ imports every sketch it has, and its LSH modules import scipy.integrate
    (0.5 s, plus 0.1 s more at exit: a third of a one-article `run`). MinHash needs only numpy
    and datasketch.hashfunc. So, unless datasketch is imported already, its `minhash` module is
    loaded under the package object without running the package's __init__, and that object is
    removed again: a later `import datasketch` (MinHashLSH in the tests) runs the real __init__,
    which finds this very module in sys.modules, so there is one MinHash class either way."""
    with _IMPORT_LOCK:
        if "datasketch" not in sys.modules and "datasketch.minhash" not in sys.modules:
            spec = importlib.util.find_spec("datasketch")
            if spec is not None and spec.submodule_search_locations is not None:
                sys.modules["datasketch"] = importlib.util.module_from_spec(spec)  # __init__ not run
                try:
                    importlib.import_module("datasketch.minhash")
                finally:
                    del sys.modules["datasketch"]
        module = importlib.import_module("datasketch.minhash")
    return module.MinHash  # type: ignore[no-any-return]


def minhash(sh: set[str]) -> MinHash:
    """The shingles' signature. The seed's permutations are shared (see `from_bytes`): drawn
    afresh, they were a tenth of every new article's signature."""
    m = _minhash_class()(num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme="affine32")
    if sh:
        m.hashvalues = _hashvalues(sh, m)
    return m


def _hashvalues(sh: set[str], m: MinHash) -> np.ndarray:
    """What `m.update_batch` of the encoded shingles leaves in `m.hashvalues` (a fresh `m`),
    computed the same way (datasketch's SHA-1 hash, its mixing, `a * h + b` modulo 2^32, the
    minimum per permutation) with one Python call per shingle instead of three: the digests are
    joined and their first four bytes read as little-endian integers at once (`sha1_hash32`),
    and the permutations run along rows (~0.9 -> 0.45 ms a wire article; tested equal). In any
    order: each value is a minimum over all shingles (sorting them was a fifth of it). Without
    datasketch's mixing function (another version), its `update_batch` does it."""
    import numpy as np

    fmix = _mixer(m)
    if fmix is None:
        m = m.copy()  # `m` may be the shared blank one (`Signature.of`)
        m.update_batch([x.encode() for x in sh])
        return m.hashvalues
    sha1 = hashlib.sha1
    digests = b"".join([sha1(x.encode()).digest() for x in sh])  # 20 bytes each
    hv = fmix(np.frombuffer(digests, dtype="<u4")[:: 20 // 4].astype(np.uint32), 32)
    a, b = m.permutations
    phv = np.multiply.outer(a, hv)  # NUM_PERM rows, one column per shingle; uint32 wraps
    phv += b[:, None]
    return np.minimum(m.hashvalues, phv.min(axis=1))


def _mixer(m: MinHash) -> Callable[[np.ndarray, int], np.ndarray] | None:
    """datasketch's mixing function, for the affine32 MinHash of NUM_PERM values it is used
    with; None otherwise (another datasketch: `update_batch` computes the values)."""
    fmix = getattr(sys.modules[type(m).__module__], "_fmix", None)
    return fmix if fmix is not None and m.scheme == "affine32" and NUM_PERM == len(m.hashvalues) else None


def to_bytes(m: MinHash) -> bytes:
    """The signature as NUM_PERM little-endian 32-bit integers (the affine32 scheme's width)."""
    return _pack(m.hashvalues)


def _pack(values: np.ndarray) -> bytes:
    return struct.pack(f"<{NUM_PERM}I", *values.tolist())


@lru_cache(maxsize=1)
def _blank() -> MinHash:
    """A MinHash of the seed that is never updated: what `Signature.of` reads its permutations
    and starting values from (a new MinHash per article was a sixth of the signature's time)."""
    return _minhash_class()(num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme="affine32")


@lru_cache(maxsize=1)
def _permutations() -> tuple[object, object]:
    return _minhash_class()(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations  # type: ignore[no-any-return]


def from_bytes(blob: bytes) -> MinHash:
    """A stored signature as a MinHash. The seed's permutations are computed once and shared:
    recomputed for every stored article, they took 20 of the 34 s that loading the index of
    25,000 articles took (`bench/bench_load.py`)."""
    values = struct.unpack(f"<{NUM_PERM}I", blob)
    return _minhash_class()(num_perm=NUM_PERM, seed=1, hashvalues=values, permutations=_permutations(),
                            scheme="affine32")


def band_keys(signature: bytes) -> list[int]:
    """One signed 64-bit key per LSH band: a hash of the band's number and its ROWS values.

    Two signatures share a key exactly when they agree on a whole band (up to a 2^-64 chance),
    which is MinHashLSH's candidate rule."""
    width = 4 * ROWS
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([i]) + signature[i * width : (i + 1) * width], digest_size=8).digest(),
            "little", signed=True,
        )
        for i in range(BANDS)
    ]


@dataclass(frozen=True)
class Signature:
    """What the index needs of an article, computable anywhere (a worker process, a Dask worker)."""

    blob: bytes  # the MinHash signature, NUM_PERM 32-bit values
    n_shingles: int

    @classmethod
    def of(cls, text: str) -> Signature:
        sh = shingles(text)
        blank = _blank()
        return cls(_pack(_hashvalues(sh, blank) if sh else blank.hashvalues), len(sh))

    @cached_property
    def bands(self) -> list[int]:
        """The band keys, hashed once: the writer asks for them to look up candidates and again
        to store them (25 hashes each time)."""
        return band_keys(self.blob)


class NearDuplicateIndex:
    """Finds the stored original a new article copies, if any.

    `candidates(band_keys)` returns the ids of stored originals sharing a band (the store's
    `near_duplicate_candidates`), `texts(ids)` their texts, to confirm a candidate with the exact
    similarity. Originals are indexed when they are stored (`Store.save_article(bands=...)`), so a
    copy later in the same run finds them.
    """

    def __init__(
        self,
        candidates: Callable[[Sequence[int]], list[str]],
        texts: Callable[[list[str]], dict[str, str]],
        signatures: Callable[[list[str]], dict[str, bytes]] | None = None,
    ) -> None:
        self._candidates = candidates
        self._texts = texts
        self._signatures = signatures

    def _likely(self, sig: Signature, cands: list[str]) -> list[str]:
        """Candidates whose signatures agree on at least PREFILTER of their values.

        LSH also proposes articles that merely share a background paragraph; in a large database
        of one conflict's news there are many. The signatures' agreement estimates the similarity
        (standard error 0.044 at 0.5 with 128 values): a copy right at the threshold scores below
        PREFILTER with a chance of 3e-4 (LSH itself proposes such a copy only about half the
        time), one at 0.55 with 5e-6, and only likely copies cost a text read and the exact
        comparison. A candidate without a current signature is kept."""
        sigs = self._signatures(cands) if self._signatures is not None else {}
        mine = struct.unpack(f"<{NUM_PERM}I", sig.blob)
        keep = []
        for c in cands:
            other = sigs.get(c)
            if other is None or len(other) != len(sig.blob):
                keep.append(c)
                continue
            theirs = struct.unpack(f"<{NUM_PERM}I", other)
            if sum(a == b for a, b in zip(mine, theirs, strict=True)) >= PREFILTER * NUM_PERM:
                keep.append(c)
        return keep

    @staticmethod
    def signature(article: Article) -> Signature:
        return Signature.of(article.text)

    def match(self, article: Article, signature: Signature | None = None) -> tuple[str | None, float]:
        """(id of the stored original this article nearly duplicates, similarity), or (None, best).

        The best match wins; of equal ones, the first stored (`candidates` gives them oldest first)."""
        sig = signature or self.signature(article)
        if sig.n_shingles < MIN_SHINGLES:
            return None, 0.0
        cands = [c for c in self._candidates(sig.bands) if c != article.article_id]
        if cands and self._signatures is not None:
            cands = self._likely(sig, cands)
        if not cands:
            return None, 0.0
        sh = shingles(article.text)
        texts = self._texts(cands)
        best, _, cid = min((-jaccard(sh, shingles(texts.get(c, ""))), i, c) for i, c in enumerate(cands))
        best = -best
        return (cid, best) if best >= THRESHOLD else (None, best)
