"""The Store's events: reconciled events and the links from claims to them.

A mixin of `Store` (see `store/db.py`): reconcile computes events, the store alone writes them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from conflictwatch.models import Event
from conflictwatch.store import schema as s

if TYPE_CHECKING:
    from sqlalchemy import Engine

_EVENT_COLS = [c.name for c in s.events.columns]


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _event_row(e: Event) -> dict[str, Any]:
    row = {k: getattr(e, k) for k in _EVENT_COLS if k != "sources"}
    row["sources"] = json.dumps(e.sources, ensure_ascii=False)
    return row


class EventsMixin:
    engine: Engine

    def save_events(self, events: Iterable[Event]) -> int:
        """Replace all events and claim links in one transaction; returns the number of events."""
        evs = list(events)
        links = [{"event_id": e.event_id, "claim_id": cid} for e in evs for cid in e.claim_ids]
        with self.engine.begin() as conn:
            conn.execute(delete(s.event_claims))
            conn.execute(delete(s.events))
            if evs:
                conn.execute(insert(s.events), [_event_row(e) for e in evs])
            if links:
                conn.execute(insert(s.event_claims), links)
        return len(evs)

    def events(self) -> list[Event]:
        """All stored events with their claim and article ids, ordered by (date, event_id)."""
        claims_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
        with self.engine.connect() as conn:
            q = (
                select(s.event_claims.c.event_id, s.claims.c.claim_id, s.claims.c.article_id)
                .join(s.claims, s.claims.c.claim_id == s.event_claims.c.claim_id)
                .order_by(s.claims.c.date_start.is_(None), s.claims.c.date_start, s.claims.c.claim_id)
            )
            for eid, cid, aid in conn.execute(q):
                claims_of[eid].append((cid, aid))
            rows = conn.execute(select(s.events)).mappings().all()
        out: list[Event] = []
        for m in rows:
            kw = {k: m[k] for k in _EVENT_COLS}
            kw["sources"] = json.loads(m["sources"] or "[]")
            kw["event_date"] = _as_date(m["event_date"])
            kw["disputed"] = bool(m["disputed"])
            links = claims_of.get(m["event_id"], [])
            kw["claim_ids"] = [c for c, _ in links]
            kw["article_ids"] = sorted({a for _, a in links})
            out.append(Event(**kw))
        out.sort(key=lambda e: (e.event_date or date.max, e.event_id))
        return out

    def event_links(self) -> dict[str, str]:
        """claim_id -> event_id from the last reconcile, so events keep their ids."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.event_claims.c.claim_id, s.event_claims.c.event_id))
            return {r[0]: r[1] for r in rows}

    def published_dates(self) -> dict[str, date | None]:
        """article_id -> publication date, for "later reports supersede earlier ones"."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.articles.c.article_id, s.articles.c.published))
            return {r[0]: _as_date(r[1]) for r in rows}
