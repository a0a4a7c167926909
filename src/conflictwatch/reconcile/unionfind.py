"""Union-find over a parent array whose roots are always the smallest member, so that the same
claims give the same clusters (and event ids) whatever order they were joined in. Shared by the
clustering of a block's claims (`matching`) and the partition of a whole run into blocks
(`partition`), which keep their parents in different containers."""

from __future__ import annotations

from collections.abc import MutableSequence


def root(parent: MutableSequence[int], i: int) -> int:
    """The root of `i`, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def link(parent: MutableSequence[int], ri: int, rj: int) -> int:
    """Join two roots under the smaller; return it."""
    lo, hi = (ri, rj) if ri < rj else (rj, ri)
    parent[hi] = lo
    return lo
