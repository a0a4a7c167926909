"""The Store's ingest state: the near-duplicate index's LSH bands and what `watch` has seen.

A mixin of `Store` (see `store/db.py`). Both live in the database rather than in memory so that
a run's memory does not grow with the corpus already stored, and so that several runs (or a
`watch` and a `run`) on one database see each other's articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, delete, select

from conflictwatch.store import schema as s
from conflictwatch.store.engine import is_sqlite, sqlite_rows, writing

if TYPE_CHECKING:
    from sqlalchemy import Engine


# Run for every new article: built once (see store/db.py on why).
_SHARING = (select(s.minhash_bands.c.article_id)
            .where(s.minhash_bands.c.band_key.in_(bindparam("b_keys", expanding=True))).distinct().subquery())
_CANDIDATES = (select(s.articles.c.article_id)
               .join(_SHARING, _SHARING.c.article_id == s.articles.c.article_id)
               .order_by(s.articles.c.ingested_at, s.articles.c.article_id))
# The same query for SQLite's driver (`sqlite_rows`): `{marks}` is one `?` per band key.
_SQLITE_CANDIDATES = (
    "SELECT articles.article_id FROM articles JOIN (SELECT DISTINCT minhash_bands.article_id AS article_id"
    " FROM minhash_bands WHERE minhash_bands.band_key IN ({marks})) AS sharing"
    " ON sharing.article_id = articles.article_id ORDER BY articles.ingested_at, articles.article_id"
)
_DROP_BANDS = delete(s.minhash_bands).where(s.minhash_bands.c.article_id == bindparam("b_aid"))
_ADD_BANDS = s.minhash_bands.insert()


class IngestStateMixin:
    engine: Engine

    # -- near-duplicate index ---------------------------------------------------------
    def near_duplicate_candidates(self, band_keys: Sequence[int]) -> list[str]:
        """Stored originals sharing at least one LSH band key with a signature, oldest first."""
        if not band_keys:
            return []
        keys = sorted(set(band_keys))
        if is_sqlite(self.engine):  # asked for every new article: through the driver (see sqlite_rows)
            sql = _SQLITE_CANDIDATES.format(marks=",".join("?" * len(keys)))
            return [r[0] for r in sqlite_rows(self.engine, sql, keys)]
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(_CANDIDATES, {"b_keys": keys})]

    def minhash_signatures(self, article_ids: Sequence[str], scheme: str) -> dict[str, bytes]:
        """article_id -> stored signature, for those computed by `scheme`."""
        a = s.articles
        out: dict[str, bytes] = {}
        ids = list(dict.fromkeys(article_ids))
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):
                q = select(a.c.article_id, a.c.minhash).where(
                    a.c.article_id.in_(ids[k : k + 500]), a.c.minhash_scheme == scheme,
                    a.c.minhash.is_not(None),
                )
                out.update({r[0]: bytes(r[1]) for r in conn.execute(q)})
        return out

    def has_minhash(self, article_id: str, scheme: str) -> bool:
        """Does the article carry a signature computed by `scheme` (and so its index bands)?"""
        a = s.articles
        q = select(a.c.minhash_scheme).where(a.c.article_id == article_id, a.c.minhash.is_not(None))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar() == scheme

    @staticmethod
    def _write_bands(conn: Connection, article_id: str, band_keys: Iterable[int],
                     replace: bool = True) -> None:
        """Inside the caller's transaction: make `band_keys` the article's bands (`replace`: drop
        those it had; False for an article row inserted in this transaction, which has none)."""
        if replace:
            conn.execute(_DROP_BANDS, {"b_aid": article_id})
        rows = [{"band_key": k, "article_id": article_id} for k in sorted(set(band_keys))]
        if rows:
            conn.execute(_ADD_BANDS, rows)

    # -- watch ------------------------------------------------------------------------
    def seen(self, source: str) -> dict[str, str]:
        """item -> fingerprint of everything `watch` has taken in from `source` (a feed or folder)."""
        w = s.watch_seen
        with self.engine.connect() as conn:
            rows = conn.execute(select(w.c.item, w.c.fingerprint).where(w.c.source == source))
            return {r[0]: r[1] for r in rows}

    def mark_seen(self, source: str, items: Mapping[str, str]) -> None:
        """Remember items (item -> fingerprint) of `source` as taken in, in one transaction."""
        if not items:
            return
        w = s.watch_seen
        now = datetime.now(UTC).isoformat(timespec="seconds")
        keys = list(items)
        with writing(self.engine) as conn:
            for k in range(0, len(keys), 500):
                conn.execute(delete(w).where(w.c.source == source, w.c.item.in_(keys[k : k + 500])))
            conn.execute(
                w.insert(),
                [{"source": source, "item": i, "fingerprint": f, "seen_at": now} for i, f in items.items()],
            )
