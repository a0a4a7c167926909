"""The Store's side of reconciliation: one locked transaction to read claims and write events.

A mixin of `Store` (see `store/db.py`). `conflictwatch.reconcile` decides which claims form which
events; everything it reads or writes goes through a `ReconcileTx`, which holds the database's
write lock for the whole reconciliation (`BEGIN IMMEDIATE` on SQLite, an exclusive advisory lock
on PostgreSQL). So two processes never rebuild overlapping events at once, and no article is
stored half-way through a reconciliation: it sees every article committed before it began.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, case, delete, func, select

from conflictwatch.models import Claim, Event
from conflictwatch.store import schema as s
from conflictwatch.store.engine import writing
from conflictwatch.store.events import RULES_KEY, chunks, write_events
from conflictwatch.store.rows import claim_fields, row_claim

if TYPE_CHECKING:
    from sqlalchemy import Engine

C, A, EC, EB = s.claims, s.articles, s.event_claims, s.event_blocks


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


class ReconcileTx:
    """Reads and writes of one reconciliation, inside one locked transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- what the last writes left to do ------------------------------------------------------
    def pending(self) -> tuple[list[str], dict[str, str]]:
        """Articles whose claims were written since the last reconciliation, and the event links
        (claim_id -> event_id) their earlier claims had."""
        arts = [r[0] for r in self.conn.execute(select(s.pending_articles.c.article_id))]
        pl = s.pending_links
        links = {r[0]: r[1] for r in self.conn.execute(select(pl.c.claim_id, pl.c.event_id))}
        return sorted(arts), links

    def clear_pending(self) -> None:
        self.conn.execute(delete(s.pending_articles))
        self.conn.execute(delete(s.pending_links))

    def rules(self) -> str | None:
        """Fingerprint of the rules that built the stored events (None: unknown, rebuild all)."""
        return s.get_meta(self.conn, RULES_KEY)

    def set_rules(self, value: str) -> None:
        s.set_meta(self.conn, RULES_KEY, value)

    # -- claims ------------------------------------------------------------------------------------
    def incident_claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        """Incident claims of these articles (of all articles with None)."""
        q = select(C).where(C.c.scope == "incident")
        if article_ids is None:
            return self._claims(q.order_by(C.c.claim_id))
        out: list[Claim] = []
        for part in chunks(sorted(set(article_ids))):
            out.extend(self._claims(q.where(C.c.article_id.in_(part))))
        return out

    def _claims(self, q: Select[Any]) -> list[Claim]:
        res = self.conn.execute(q)
        fields = claim_fields(res.keys())
        return [row_claim(r, fields) for r in res]

    def stream_incident_claims(self) -> Iterator[tuple[Claim, date | None, str | None]]:
        """Every incident claim, an article's claims together (in article id order), with the
        article's publication date and the event the claim is linked to: one query, read as it goes
        (a server-side cursor on PostgreSQL), for a reconciliation too large to hold every claim."""
        q = (select(C, A.c.published, EC.c.event_id).join(A, A.c.article_id == C.c.article_id)
             .outerjoin(EC, EC.c.claim_id == C.c.claim_id).where(C.c.scope == "incident")
             .order_by(C.c.article_id).execution_options(yield_per=2000))
        res = self.conn.execute(q)
        fields = claim_fields(res.keys())[:-2]
        for r in res:
            yield row_claim(r[:-2], fields), _as_date(r[-2]), r[-1]  # type: ignore[arg-type]

    def incident_count(self) -> int:
        q = select(func.count()).select_from(C).where(C.c.scope == "incident")
        return int(self.conn.execute(q).scalar_one())

    def event_members(self, event_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(claim_id, article_id) of the claims linked to these events (not the claims themselves:
        an incremental reconciliation reads each article's claims once, by article)."""
        out: list[tuple[str, str]] = []
        for part in chunks(sorted(set(event_ids))):
            q = select(C.c.claim_id, C.c.article_id).join(EC, EC.c.claim_id == C.c.claim_id).where(
                EC.c.event_id.in_(part))
            out.extend((r[0], r[1]) for r in self.conn.execute(q))
        return out

    def links(self, claim_ids: Iterable[str] | None = None) -> dict[str, str]:
        """claim_id -> event_id for these claims (all with None)."""
        q = select(EC.c.claim_id, EC.c.event_id)
        if claim_ids is None:
            return {r[0]: r[1] for r in self.conn.execute(q)}
        out: dict[str, str] = {}
        for part in chunks(sorted(set(claim_ids))):
            out.update({r[0]: r[1] for r in self.conn.execute(q.where(EC.c.claim_id.in_(part)))})
        return out

    def events_sharing(self, blocks: Iterable[int]) -> set[str]:
        """Events holding any of these blocking keys."""
        out: set[str] = set()
        for part in chunks(sorted(set(blocks))):
            q = select(EB.c.event_id).where(EB.c.block.in_(part)).distinct()
            out.update(r[0] for r in self.conn.execute(q))
        return out

    def existing_events(self, event_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for part in chunks(sorted(set(event_ids))):
            q = select(s.events.c.event_id).where(s.events.c.event_id.in_(part))
            out.update(r[0] for r in self.conn.execute(q))
        return out

    # -- articles ----------------------------------------------------------------------------------
    def published(self, article_ids: Iterable[str] | None = None) -> dict[str, date | None]:
        """article_id -> publication date (all articles with None)."""
        q = select(A.c.article_id, A.c.published)
        if article_ids is None:
            return {r[0]: _as_date(r[1]) for r in self.conn.execute(q)}
        out: dict[str, date | None] = {}
        for part in chunks(sorted(set(article_ids))):
            out.update({r[0]: _as_date(r[1]) for r in self.conn.execute(q.where(A.c.article_id.in_(part)))})
        return out

    def duplicates(self) -> dict[str, str]:
        """Every near-duplicate article -> the article it copies."""
        q = select(A.c.article_id, A.c.duplicate_of).where(A.c.duplicate_of.is_not(None))
        return {r[0]: r[1] for r in self.conn.execute(q)}

    def families(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The near-duplicate links (copy -> original) among these articles, their originals and
        all other copies of those, followed to the end: whole families, never part of one."""
        todo = set(article_ids)
        seen: set[str] = set()
        dup: dict[str, str] = {}
        while todo:
            seen |= todo
            found: set[str] = set()
            for part in chunks(sorted(todo)):
                q = select(A.c.article_id, A.c.duplicate_of).where(
                    A.c.duplicate_of.is_not(None),
                    (A.c.article_id.in_(part)) | (A.c.duplicate_of.in_(part)),
                )
                for aid, orig in self.conn.execute(q):
                    dup[aid] = orig
                    found.update((aid, orig))
            todo = found - seen
        return dup

    # -- events ------------------------------------------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(events, disputed events) in the database."""
        ev = s.events
        n, disputed = self.conn.execute(
            select(func.count(), func.coalesce(func.sum(case((ev.c.disputed, 1), else_=0)), 0))
        ).one()
        return int(n), int(disputed)

    def write_events(self, events: list[Event], blocks: dict[str, set[int]], remove: Iterable[str] = (),
                     *, replace_all: bool = False, new: bool = False) -> None:
        """Delete the events in `remove` (every event with `replace_all`) and write `events` with their
        claim links and blocking keys (`new`: none of them is stored, nothing to delete first)."""
        write_events(self.conn, events, replace_all=replace_all, remove=remove, blocks=blocks, new=new)


class ReconcilingMixin:
    engine: Engine

    @contextmanager
    def reconciling(self) -> Iterator[ReconcileTx]:
        """One reconciliation: a transaction holding the database's write lock throughout."""
        with writing(self.engine, exclusive=True) as conn:
            yield ReconcileTx(conn)

    def pending_count(self) -> int:
        """Articles whose claims no reconciliation has seen yet (a run interrupted before it)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.pending_articles)).scalar_one())
