"""The Store's gazetteer table (the user's own places) and place statistics of stored claims.

A mixin of `Store` (see `store/db.py`). `conflictwatch.geo.userdata` parses the files; only
the store reads and writes the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from conflictwatch.store import schema as s
from conflictwatch.store.engine import writing

if TYPE_CHECKING:
    from sqlalchemy import Engine

#: A row's identity for "already loaded": (key, source_id, rounded lat, rounded lon).
GazetteerIdentity = tuple[str, str, float, float]


def gazetteer_identity(key: str, source_id: str | None, lat: float, lon: float) -> GazetteerIdentity:
    return (key, source_id or "", round(lat, 4), round(lon, 4))


class GazetteerMixin:
    engine: Engine

    def gazetteer_rows(self) -> Iterator[Mapping[str, Any]]:
        """Every row of the user's gazetteer, in loading order."""
        g = s.gazetteer
        with self.engine.connect() as conn:
            for r in conn.execute(select(g).order_by(g.c.id)):
                yield r._mapping

    def gazetteer_identities(self) -> set[GazetteerIdentity]:
        g = s.gazetteer
        with self.engine.connect() as conn:
            rows = conn.execute(select(g.c.key, g.c.source_id, g.c.latitude, g.c.longitude))
            return {gazetteer_identity(r[0], r[1], r[2], r[3]) for r in rows}

    def add_gazetteer_rows(self, rows: Iterable[dict[str, Any]], batch: int = 5000) -> int:
        """Insert rows (name, key, latitude, longitude, admin1, country, feature, population,
        source, source_id) in one transaction: a file loads whole or not at all."""
        g = s.gazetteer
        n = 0
        pending: list[dict[str, Any]] = []
        with writing(self.engine) as conn:
            for row in rows:
                pending.append(row)
                if len(pending) >= batch:
                    conn.execute(g.insert(), pending)
                    n += len(pending)
                    pending = []
            if pending:
                conn.execute(g.insert(), pending)
                n += len(pending)
        return n

    def gazetteer_stats(self) -> list[tuple[str, int]]:
        """(source file, rows) for `gazetteer list`."""
        g = s.gazetteer
        with self.engine.connect() as conn:
            q = select(g.c.source, func.count()).group_by(g.c.source).order_by(g.c.source)
            return [(r[0] or "", int(r[1])) for r in conn.execute(q)]

    def clear_gazetteer(self, source: str | None = None) -> int:
        """Delete the user's rows (all, or those loaded from one file); returns rows deleted."""
        g = s.gazetteer
        with writing(self.engine) as conn:
            q = g.delete() if source is None else g.delete().where(g.c.source == source)
            return conn.execute(q).rowcount or 0

    def claim_place_counts(self, unresolved: bool) -> list[tuple[str, str | None, str | None, int]]:
        """(location, admin1, country, claims) for stored claims without (or with) coordinates."""
        c = s.claims
        cond = c.c.latitude.is_(None) if unresolved else c.c.latitude.is_not(None)
        q = (
            select(c.c.location, c.c.admin1, c.c.country, func.count())
            .where(c.c.location.is_not(None), cond)
            .group_by(c.c.location, c.c.admin1, c.c.country)
        )
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], int(r[3])) for r in conn.execute(q)]
