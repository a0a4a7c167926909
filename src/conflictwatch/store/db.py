"""The Store: the one door to the database. Every read and write of every table goes through it.

Why one door: an article's row, its claims and their event links must be written together or
not at all (one transaction per article), and the PostgreSQL backend needs a single place that
knows the SQL. Other stages call these methods; none of them touches a table.

The methods are grouped by table family: articles and claims here, events in `store/events.py`,
the user's gazetteer in `store/gazetteer.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, union_all, update
from sqlalchemy.exc import OperationalError

from conflictwatch.models import Article, Claim
from conflictwatch.store import schema as s
from conflictwatch.store.engine import DEFAULT_DB, StoreError, make_engine, shown, writing
from conflictwatch.store.events import EventsMixin
from conflictwatch.store.faults import guard_sqlite_file
from conflictwatch.store.gazetteer import GazetteerMixin
from conflictwatch.store.ingest_state import IngestStateMixin
from conflictwatch.store.reconciling import ReconcilingMixin
from conflictwatch.store.rows import article_row, claim_row, now_iso, row_article, row_claim


@dataclass(frozen=True)
class ArticleState:
    """What `check` and repair need to know about one stored article, without its text."""

    article_id: str
    title: str | None
    origin: str | None
    extractor_version: str | None  # None: its claims were never stored whole
    extracted_claims: int | None  # claims its last extraction stored
    stored_claims: int  # claims the table holds for it now
    duplicate_of: str | None


def unique_claim_ids(claims: Sequence[Claim]) -> list[Claim]:
    """Give every claim of one article a distinct id, the same way every time.

    Ids already differ unless two claims agree on span, figures, place and source (an
    extractor slip); then the later one in text order (sentence, then offset, then the order
    given) gets "-2", the next "-3". Claims are updated in place and returned in the given order.
    """
    order = sorted(
        range(len(claims)),
        key=lambda i: (
            claims[i].sentence_index,
            claims[i].quote_start if claims[i].quote_start is not None else -1,
            i,
        ),
    )
    used: set[str] = set()
    for i in order:
        c = claims[i]
        base = c.claim_id or c.make_id()
        cid, n = base, 1
        while cid in used:
            n += 1
            cid = f"{base}-{n}"
        used.add(cid)
        c.claim_id = cid
    return list(claims)


# The statements every stored article runs, built once: building a statement (and the key that
# finds its compiled SQL in SQLAlchemy's cache) costs ~70 µs, twice what SQLite takes to run most
# of them, and the writing process runs ~12 of them per article.
_ID_OF_HASH = select(s.articles.c.article_id).where(s.articles.c.content_hash == bindparam("b_hash"))
# The rows under an article's id or its text, in one statement (each side by its unique index)
_BY_ID_OR_HASH = union_all(
    select(s.articles.c.article_id, s.articles.c.content_hash)
    .where(s.articles.c.article_id == bindparam("b_aid")),
    select(s.articles.c.article_id, s.articles.c.content_hash)
    .where(s.articles.c.content_hash == bindparam("b_hash")),
)
_STORED_HASHES = select(s.articles.c.content_hash).where(
    s.articles.c.content_hash.in_(bindparam("b_hashes", expanding=True)))
_ADD_ARTICLE = s.articles.insert()
# SET: the columns named in the parameters
_RECORD_EXTRACTION = update(s.articles).where(s.articles.c.article_id == bindparam("b_aid"))
_OLD_LINKS = select(s.event_claims.c.claim_id, s.event_claims.c.event_id).where(s.event_claims.c.claim_id.in_(
    select(s.claims.c.claim_id).where(s.claims.c.article_id == bindparam("b_aid"))))
_DROP_CLAIMS = delete(s.claims).where(s.claims.c.article_id == bindparam("b_aid"))
_ADD_CLAIMS = s.claims.insert()
_DROP_PENDING = delete(s.pending_articles).where(s.pending_articles.c.article_id == bindparam("b_aid"))
_ADD_PENDING = insert(s.pending_articles)


class Store(EventsMixin, GazetteerMixin, ReconcilingMixin, IngestStateMixin):
    """All persistence goes through here, so SQLite and PostgreSQL behave alike."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with engine.connect() as conn:
            current = s.stored_version(conn)
        if current != s.SCHEMA_VERSION:  # migrate under the write lock (another process may, too)
            with writing(engine, migrate=True) as conn:
                s.migrate(conn)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.metadata.tables[table])).scalar_one()

    # -- articles -----------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store the article row alone (not yet extracted); True if it was new.

        `save_article` is the normal way in: row and claims in one transaction. An article
        added here has no extractor version, so the next `run` extracts it."""
        with writing(self.engine, keys=_article_keys(article)) as conn:
            if self._stored_id(conn, article) is not None:
                return False
            self._refuse_reused_id(conn, article)
            conn.execute(s.articles.insert(), article_row(article))
            return True

    def save_article(
        self,
        article: Article,
        claims: Sequence[Claim],
        *,
        extractor_version: str,
        minhash: bytes | None = None,
        minhash_scheme: str | None = None,
        bands: Sequence[int] = (),
    ) -> list[Claim]:
        """Store an article (new, or stored before and re-extracted) with all its claims, atomically.

        In one transaction: the article row, the removal of its earlier claims and their event
        links, its claims (ids made unique within the article), its extraction record and, for an
        original with a signature, its near-duplicate index bands (`bands`). If
        anything fails, nothing of this article is written and the error propagates; other
        articles are unaffected. Returns the claims as stored (with their final ids).
        """
        stored = self._save(article, claims, extractor_version, minhash, minhash_scheme, bands, if_new=False)
        assert stored is not None
        return stored

    def save_if_new(
        self,
        article: Article,
        claims: Sequence[Claim],
        *,
        extractor_version: str,
        minhash: bytes | None = None,
        minhash_scheme: str | None = None,
        bands: Sequence[int] = (),
    ) -> list[Claim] | None:
        """`save_article` for an article read from the input: when its text is stored already
        (under any id), nothing is written and None returned. Checked inside the transaction: a
        copy stored a moment ago, earlier in the same input or by another process, is skipped,
        neither stored twice nor reported as a clash (and no `has_article` is asked first)."""
        return self._save(article, claims, extractor_version, minhash, minhash_scheme, bands, if_new=True)

    def _save(self, article: Article, claims: Sequence[Claim], extractor_version: str, minhash: bytes | None,
              minhash_scheme: str | None, bands: Sequence[int], *, if_new: bool) -> list[Claim] | None:
        aid = article.article_id or ""
        claims = unique_claim_ids([c for c in claims])
        for c in claims:
            if c.article_id != aid:
                raise ValueError(f"claim {c.claim_id} belongs to article {c.article_id!r}, not {aid!r}")
        rows = [claim_row(c) for c in claims]
        with writing(self.engine, keys=_article_keys(article)) as conn:
            found = conn.execute(_BY_ID_OR_HASH, {"b_aid": aid, "b_hash": article.hash}).all()
            stored = next((r[1] for r in found if r[0] == aid), None)  # its hash, when the id is stored
            if if_new and any(r[1] == article.hash for r in found):
                return None
            if stored is not None and stored != article.hash:
                raise ValueError(f"article id {aid!r} is already stored with different text")
            values: dict[str, Any] = {
                "extractor_version": extractor_version,
                "extracted_at": now_iso(),
                "extracted_claims": len(rows),
                "duplicate_of": article.duplicate_of,
            }
            if minhash is not None:
                values.update(minhash=minhash, minhash_scheme=minhash_scheme)
            if stored is None:
                other = next((r[0] for r in found if r[1] == article.hash), None)
                if other is not None:
                    raise ValueError(f"the same text is already stored as article {other!r}")
                # a new row carries its extraction record at once (one UPDATE less per article)
                conn.execute(_ADD_ARTICLE, {**article_row(article), **values})
            # a row inserted just now has no claims, links or note yet: nothing to drop first
            self._write_claims(conn, aid, rows, new=stored is None)
            if stored is not None:
                conn.execute(_RECORD_EXTRACTION, {"b_aid": aid, **values})
            if minhash is not None and article.duplicate_of is None:
                # a new row has no bands yet (they refer to it): nothing to delete first
                self._write_bands(conn, aid, bands, replace=stored is not None)
        return claims

    def has_article(self, article: Article) -> bool:
        """Is this text (by normalised content hash) stored already, under any id?"""
        with self.engine.connect() as conn:
            return self._stored_id(conn, article) is not None

    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored: `has_article` for a batch in one statement
        (each lone call is a connection, a transaction and a statement, ~0.15 ms)."""
        keys = sorted(set(hashes))
        if not keys:
            return set()
        out: set[str] = set()
        with self.engine.connect() as conn:
            for k in range(0, len(keys), 500):
                out.update(r[0] for r in conn.execute(_STORED_HASHES, {"b_hashes": keys[k : k + 500]}))
        return out

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.articles).where(s.articles.c.article_id == article_id)).first()
        return row_article(row) if row is not None else None

    def articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(s.articles).order_by(s.articles.c.article_id)):
                yield row_article(row)

    def article_states(self) -> list[ArticleState]:
        """Every article's extraction record and current claim count, in ingest order."""
        a, c = s.articles, s.claims
        counts = (
            select(c.c.article_id, func.count().label("n")).group_by(c.c.article_id).subquery()
        )
        q = (
            select(a.c.article_id, a.c.title, a.c.origin, a.c.extractor_version, a.c.extracted_claims,
                   a.c.duplicate_of, counts.c.n)
            .outerjoin(counts, counts.c.article_id == a.c.article_id)
            .order_by(a.c.ingested_at, a.c.article_id)
        )
        with self.engine.connect() as conn:
            return [
                ArticleState(r[0], r[1], r[2], r[3], r[4], int(r[6] or 0), r[5])
                for r in conn.execute(q)
            ]

    def articles_to_extract(self, extractor_version: str, everything: bool = False) -> list[str]:
        """Ids of articles whose claims are missing or from another extractor (all with `everything`)."""
        a = s.articles
        q = select(a.c.article_id).order_by(a.c.ingested_at, a.c.article_id)
        if not everything:
            q = q.where(
                (a.c.extractor_version.is_(None)) | (a.c.extractor_version != extractor_version)
            )
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def duplicates(self) -> dict[str, str]:
        """article_id -> the stored article it is a near-duplicate of."""
        a = s.articles
        with self.engine.connect() as conn:
            rows = conn.execute(select(a.c.article_id, a.c.duplicate_of).where(a.c.duplicate_of.is_not(None)))
            return {r[0]: r[1] for r in rows}

    def minhashes(self, scheme: str) -> Iterator[tuple[str, bytes | None]]:
        """(article_id, signature) of every article that is not itself a duplicate, in ingest order;
        the signature is None when missing or computed by another scheme."""
        a = s.articles
        q = (
            select(a.c.article_id, a.c.minhash, a.c.minhash_scheme)
            .where(a.c.duplicate_of.is_(None))
            .order_by(a.c.ingested_at, a.c.article_id)
        )
        with self.engine.connect() as conn:
            for aid, sig, sch in conn.execute(q):
                yield aid, (bytes(sig) if sig is not None and sch == scheme else None)

    def set_minhash(self, article_id: str, minhash: bytes, scheme: str, bands: Sequence[int] = ()) -> None:
        """Store an article's signature and (for an original) its index bands, together."""
        with writing(self.engine) as conn:
            conn.execute(
                update(s.articles)
                .where(s.articles.c.article_id == article_id)
                .values(minhash=minhash, minhash_scheme=scheme)
            )
            self._write_bands(conn, article_id, bands)

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):
                q = select(s.articles.c.article_id, s.articles.c.text).where(
                    s.articles.c.article_id.in_(ids[k : k + 500])
                )
                out.update({r[0]: r[1] for r in conn.execute(q)})
        return out

    @staticmethod
    def _stored_id(conn: Connection, article: Article) -> str | None:
        """The id under which this article's text (normalised content hash) is stored, or None."""
        row = conn.execute(_ID_OF_HASH, {"b_hash": article.hash}).first()
        return None if row is None else str(row[0])

    @staticmethod
    def _refuse_reused_id(conn: Connection, article: Article) -> None:
        clash = conn.execute(
            select(s.articles.c.article_id).where(s.articles.c.article_id == article.article_id)
        ).first()
        if clash:
            raise ValueError(f"article id {article.article_id!r} is already stored with different text")

    # -- claims -------------------------------------------------------------------
    def replace_claims(self, article_id: str, claims: Iterable[Claim]) -> int:
        """Make `claims` the article's claims in one transaction (re-extraction never duplicates).

        Lower level than `save_article`: it does not record an extraction."""
        claims = unique_claim_ids(list(claims))
        rows = [claim_row(c) for c in claims]
        with writing(self.engine, keys=[article_id]) as conn:
            self._write_claims(conn, article_id, rows)
            conn.execute(
                update(s.articles)
                .where(s.articles.c.article_id == article_id)
                .values(extracted_claims=len(rows))
            )
        return len(rows)

    def _write_claims(self, conn: Connection, article_id: str, rows: list[dict[str, Any]], *,
                      new: bool = False) -> None:
        """Inside the caller's transaction: drop the article's claims (and their event links), insert
        `rows`, and leave the next reconciliation a note of both. Tests inject faults here.

        `new`: the article's row was inserted in this transaction. Claims, their links and the note
        all refer to a stored article (and articles are never deleted), so there is nothing to drop:
        three statements less for every new article."""
        if not new:
            ec = s.event_claims
            links = conn.execute(_OLD_LINKS, {"b_aid": article_id}).all()
            if links:  # the events to revisit, and the ids their claims had
                ids = [r[0] for r in links]
                conn.execute(delete(s.pending_links).where(s.pending_links.c.claim_id.in_(ids)))
                conn.execute(insert(s.pending_links), [{"claim_id": c, "event_id": e} for c, e in links])
                conn.execute(delete(ec).where(ec.c.claim_id.in_(ids)))
            conn.execute(_DROP_CLAIMS, {"b_aid": article_id})
        if rows:
            conn.execute(_ADD_CLAIMS, rows)
        if not new:
            conn.execute(_DROP_PENDING, {"b_aid": article_id})
        conn.execute(_ADD_PENDING, {"article_id": article_id})

    def claims(self, scope: str | None = None, article_id: str | None = None) -> Iterator[Claim]:
        q = select(s.claims).order_by(s.claims.c.article_id, s.claims.c.sentence_index, s.claims.c.claim_id)
        if scope:
            q = q.where(s.claims.c.scope == scope)
        if article_id is not None:
            q = q.where(s.claims.c.article_id == article_id)
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                yield row_claim(row)


def open_store(db: str = DEFAULT_DB) -> Store:
    """Open (creating and migrating as needed) the database at a path or URL.

    A path is an SQLite file; `postgresql://user@host/dbname` (or any SQLAlchemy URL) a server.
    Raises StoreError (one line, no password) when it cannot be reached or opened."""
    engine = make_engine(db)
    try:
        store = Store(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())
        raise StoreError(f"cannot open the database {shown(db)}: {reason}") from None
    path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if path and path != ":memory:":
        guard_sqlite_file(engine, Path(path))  # deleted mid-run: refuse commits
    return store


def _article_keys(article: Article) -> list[str]:
    """What two processes must not store at the same time: the same id, or the same text."""
    return [f"id:{article.article_id}", f"hash:{article.hash}"]
