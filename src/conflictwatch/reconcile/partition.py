"""The claims a reconciliation regroups, split into parts that can be grouped one batch at a time.

Why: grouping holds every claim, its prepared form and its event at once, several kilobytes a
claim; on a fresh database after a 100,000-article run that was 1.3 GB for the final
reconciliation. But `matching.cluster` only compares claims that meet under a blocking key: for any
two claims it might compare, each one's `look` keys meet the other's `stored` keys
(`reconcile.blocks`). So the claims fall apart into connected parts, and grouping a set of whole
parts gives exactly the events a single pass over all claims gives them. (Two claims that only
both store a key are not joined by it: nothing compares them for it, and joining them made a part
of nearly every claim of a country in a dense synthetic corpus.) A large reconciliation
indexes its claims here, then groups and writes a batch of parts of about `CHUNK` claims at a time
(`reconcile.chunked`). The index costs ~550 bytes a claim while claims are added (most of it the
keys seen so far), ~200 bytes once they are all in: 105 and 38 MB for 193,516 claims.

Besides a shared key, what else ties two claims' grouping together keeps them in one part:
- a claim without a place whose country is unknown is compared with its own article's claims
  (the feeder unites them, as it does the claims of a family of near-duplicate articles, which are
  folded together: `copies`);
- event ids (`build.assign_ids`): the claims of one earlier event compete for its id, and a new id
  is a claim's hash ("ev" + 12 hex digits), then "-2", "-3"... when taken. Claims whose earlier
  event id, or own hash, share one root ("ev..." without its suffix) are kept together, so every
  choice between ids is made within one part.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from conflictwatch.reconcile.build import new_event_id
from conflictwatch.reconcile.unionfind import link, root

#: Claims grouped in one batch: a claim being grouped costs ~6 KB (its claim, prepared form, share
#: of an event and of the writes), so a batch ~60 MB; larger batches are no faster (measured).
CHUNK = 10_000


def id_root(event_id: str) -> str:
    """An event id without the "-n" that `assign_ids` adds when the plain id is taken."""
    head, sep, tail = event_id.rpartition("-")
    return head if sep and tail.isdigit() else event_id


class Partition:
    """Claims (by index, in the order added) with what grouping them needs besides the claims."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.prev: list[str | None] = []  # the event each claim belonged to (ids are kept)
        self._article = array("i")  # index into _articles
        self._articles: list[str] = []
        self._article_ix: dict[str, int] = {}
        self._parent = array("i")  # union-find; a root is its part's smallest index
        # stored key -> a claim holding it, or the claims holding it in different parts (while adding)
        self._owner: dict[int, int | list[int]] = {}
        self._by_root: dict[str, int] = {}  # event id root -> a claim it ties

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, claim_id: str, article_id: str) -> int:
        """A claim to regroup; its index."""
        i = len(self.ids)
        self.ids.append(claim_id)
        self.prev.append(None)
        a = self._article_ix.get(article_id)
        if a is None:
            a = self._article_ix[article_id] = len(self._articles)
            self._articles.append(article_id)
        self._article.append(a)
        self._parent.append(i)
        return i

    def article(self, i: int) -> str:
        return self._articles[self._article[i]]

    def set_prev(self, i: int, event_id: str | None) -> None:
        """The event claim `i` belonged to: claims of one event stay in one part."""
        self.prev[i] = event_id
        if event_id is not None:
            self._tie(id_root(event_id), i)

    def key(self, i: int, stored: Iterable[int], look: Iterable[int]) -> None:
        """Claim `i`'s blocking keys (`blocks.block_keys`, with any one key function for all claims).
        Its look keys find the claims added before that it may be compared with, and its stored
        keys are found by those added after (both ways hold for any pair `cluster` compares, so one
        pass over the claims finds every pair)."""
        owner, find, link = self._owner, self.find, self._link
        ri = find(i)
        for k in look:
            j = owner.get(k)
            if j is None:
                continue
            if isinstance(j, list):  # claims holding the key, not (yet) in one part
                for x in j:
                    ri = link(ri, find(x))
                owner[k] = i  # all in this part now
            else:
                ri = link(ri, find(j))
        for k in stored:  # (two claims holding one key are not compared for it: not joined)
            j = owner.get(k)
            if j is None:
                owner[k] = i
            elif isinstance(j, list):
                j.append(i)
            elif find(j) != ri:
                owner[k] = [j, i]

    def find(self, i: int) -> int:
        return root(self._parent, i)

    def union(self, i: int, j: int) -> None:
        self._link(self.find(i), self.find(j))

    def _link(self, ri: int, rj: int) -> int:
        """Join two roots; the new root (the smaller)."""
        return ri if ri == rj else link(self._parent, ri, rj)

    def _tie(self, root: str, i: int) -> None:
        j = self._by_root.setdefault(root, i)
        if j != i:
            self.union(i, j)

    def parts(self, size: int = CHUNK) -> list[list[int]]:
        """Batches of whole parts, each of about `size` claims (a larger part is a batch alone), in
        the order of their first claim; drops the key index, which only adding claims needs."""
        self._owner = {}
        for i, cid in enumerate(self.ids):  # a new event id is the hash of the group's smallest claim
            self._tie(new_event_id(cid), i)
        self._by_root = {}
        members: dict[int, list[int]] = {}
        for i in range(len(self.ids)):
            members.setdefault(self.find(i), []).append(i)
        out: list[list[int]] = []
        cur: list[int] = []
        for part in members.values():
            if cur and len(cur) + len(part) > size:
                out.append(cur)
                cur = []
            cur.extend(part)
        if cur:
            out.append(cur)
        return out


__all__ = ["CHUNK", "Partition", "id_root"]
