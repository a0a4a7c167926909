"""The Store: read and write articles, claims and events in one database."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, select
from sqlalchemy.engine import Row

from conflictwatch.models import Article, Claim, Range
from conflictwatch.store import schema as s

DEFAULT_DB = "conflictwatch.db"


def _url(db: str) -> str:
    """Accept a plain file path (SQLite) or any SQLAlchemy URL (postgresql+psycopg://...)."""
    if "://" in db:
        return db
    path = Path(db).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)  # `--db out/cw.db` on a fresh checkout
    return f"sqlite:///{path}"


class Store:
    """All persistence goes through here, so SQLite and PostgreSQL behave alike."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with engine.begin() as conn:
            s.migrate(conn)

    # -- articles -----------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store the article unless the same content is stored already; True if it was new."""
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(s.articles.c.article_id).where(s.articles.c.content_hash == article.hash)
            ).first()
            if exists:
                return False
            clash = conn.execute(
                select(s.articles.c.article_id).where(s.articles.c.article_id == article.article_id)
            ).first()
            if clash:
                raise ValueError(
                    f"article id {article.article_id!r} is already stored with different text"
                )
            conn.execute(s.articles.insert(), _article_row(article))
            return True

    def has_article(self, article: Article) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(s.articles.c.article_id).where(s.articles.c.content_hash == article.hash)
            ).first()
            return row is not None

    def articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(s.articles).order_by(s.articles.c.article_id)):
                yield _row_article(row)

    def count(self, table: str) -> int:
        from sqlalchemy import func

        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.metadata.tables[table])).scalar_one()

    # -- claims -------------------------------------------------------------------
    def replace_claims(self, article_id: str, claims: Iterable[Claim]) -> int:
        """Make `claims` the article's claims (re-extraction never duplicates)."""
        rows = [_claim_row(c) for c in claims]
        with self.engine.begin() as conn:
            old = select(s.claims.c.claim_id).where(s.claims.c.article_id == article_id)
            conn.execute(delete(s.event_claims).where(s.event_claims.c.claim_id.in_(old)))
            conn.execute(delete(s.claims).where(s.claims.c.article_id == article_id))
            if rows:
                conn.execute(s.claims.insert(), rows)
        return len(rows)

    def claims(self, scope: str | None = None) -> Iterator[Claim]:
        q = select(s.claims).order_by(s.claims.c.article_id, s.claims.c.sentence_index, s.claims.c.claim_id)
        if scope:
            q = q.where(s.claims.c.scope == scope)
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                yield _row_claim(row)


def open_store(db: str = DEFAULT_DB) -> Store:
    """Open (creating and migrating as needed) the database at a path or URL."""
    url = _url(db)
    engine = create_engine(url, future=True)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return Store(engine)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _article_row(a: Article) -> dict[str, Any]:
    return {
        "article_id": a.article_id,
        "content_hash": a.hash,
        "title": a.title,
        "published": a.published,
        "published_inferred": a.published_inferred,
        "dateline": a.dateline,
        "agency": a.agency,
        "captions": json.dumps(a.captions, ensure_ascii=False),
        "credits": json.dumps(a.credits, ensure_ascii=False),
        "url": a.url,
        "source": a.source,
        "meta": json.dumps(a.meta, ensure_ascii=False, default=str),
        "origin": a.origin,
        "text": a.text,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _row_article(r: Row[Any]) -> Article:
    m = r._mapping
    return Article(
        text=m["text"],
        title=m["title"],
        published=m["published"],
        published_inferred=bool(m["published_inferred"]),
        article_id=m["article_id"],
        dateline=m["dateline"],
        agency=m["agency"],
        captions=json.loads(m["captions"]),
        credits=json.loads(m["credits"]),
        url=m["url"],
        source=m["source"],
        meta=json.loads(m["meta"]),
        origin=m["origin"],
    )


def _claim_row(c: Claim) -> dict[str, Any]:
    row: dict[str, Any] = {
        col.name: getattr(c, col.name) for col in s.claims.columns if hasattr(c, col.name)
    }
    row["place_context"] = json.dumps(c.place_context, ensure_ascii=False)
    for name in ("killed", "injured", "children_killed"):
        r: Range | None = getattr(c, name)
        row[f"{name}_low"] = r.low if r else None
        row[f"{name}_high"] = r.high if r else None
        row.pop(name, None)
    return row


def _row_claim(r: Row[Any]) -> Claim:
    m = dict(r._mapping)
    kw: dict[str, Any] = {}
    for name in ("killed", "injured", "children_killed"):
        low, high = m.pop(f"{name}_low"), m.pop(f"{name}_high")
        kw[name] = Range(low, high) if low is not None else None
    m["place_context"] = json.loads(m["place_context"] or "[]")
    for k in ("date_start", "date_end"):
        if isinstance(m[k], str):  # pragma: no cover - drivers differ
            m[k] = date.fromisoformat(m[k])
    return Claim(**m, **kw)
