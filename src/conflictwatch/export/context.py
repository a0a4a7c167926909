"""What event exports need beyond the event rows: its articles and claims, read once.

ACLED's `timestamp` and `source_scale` and GED's `source_*` columns describe the reports behind
an event (when they came in, who published them, their headlines and dates), which the `events`
table does not hold. One query per table fills an ExportContext for the whole export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from conflictwatch.models import Event
from conflictwatch.store import Store
from conflictwatch.store import schema as s


@dataclass(frozen=True)
class ArticleInfo:
    article_id: str
    title: str | None
    published: date | None
    publisher: str | None  # the article's `source`, else its dateline agency
    ingested_at: datetime | None


@dataclass(frozen=True)
class ClaimInfo:
    claim_id: str
    article_id: str
    claimed_by: str | None
    reported_by: str | None
    date_basis: str | None


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _as_datetime(v: Any) -> datetime | None:
    if not v:
        return None
    try:
        return datetime.fromisoformat(str(v))
    except ValueError:
        return None


@dataclass
class ExportContext:
    """The articles and claims behind the events being exported."""

    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    claims: dict[str, ClaimInfo] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Store) -> ExportContext:
        a, c = s.articles.c, s.claims.c
        ctx = cls()
        with store.engine.connect() as conn:
            q = select(a.article_id, a.title, a.published, a.source, a.agency, a.ingested_at)
            for aid, title, pub, source, agency, ingested in conn.execute(q):
                ctx.articles[aid] = ArticleInfo(
                    aid, title, _as_date(pub), source or agency, _as_datetime(ingested)
                )
            q2 = select(c.claim_id, c.article_id, c.claimed_by, c.reported_by, c.date_basis)
            for cid, aid, by, rep, basis in conn.execute(q2):
                ctx.claims[cid] = ClaimInfo(cid, aid, by, rep, basis)
        return ctx

    def articles_of(self, e: Event) -> list[ArticleInfo]:
        """The event's articles, oldest publication first (undated last)."""
        arts = [self.articles[a] for a in e.article_ids if a in self.articles]
        return sorted(arts, key=lambda x: (x.published is None, x.published or date.min, x.article_id))

    def publishers(self, e: Event) -> list[str]:
        """Distinct publishers of the event's reports (claims' reported_by, else the articles')."""
        names = [self.claims[c].reported_by for c in e.claim_ids if c in self.claims]
        names += [a.publisher for a in self.articles_of(e)]
        return list(dict.fromkeys(n for n in names if n))

    def claimants(self, e: Event) -> list[str]:
        names = [self.claims[c].claimed_by for c in e.claim_ids if c in self.claims]
        return list(dict.fromkeys(n for n in names if n))

    def timestamp(self, e: Event) -> int | None:
        """Unix time the newest report about the event was stored (ACLED: last modified)."""
        times = [a.ingested_at for a in self.articles_of(e) if a.ingested_at is not None]
        return int(max(times).timestamp()) if times else None

    def dated_by_publication(self, e: Event) -> bool:
        """True when no claim dates the event from the text: its date is a publication date."""
        bases = [self.claims[c].date_basis for c in e.claim_ids if c in self.claims]
        return bool(bases) and all(b == "published" for b in bases)


__all__ = ["ArticleInfo", "ClaimInfo", "ExportContext"]
