"""Table definitions and the ordered list of schema migrations.

To change the schema, append a step to MIGRATIONS (never edit a released one): the
database remembers the version it reached in `schema_info` and runs only newer steps.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    inspect,
    text,
)
from sqlalchemy.schema import CreateIndex
from sqlalchemy.types import TypeEngine

metadata = MetaData()


def _s(length: int | None = None) -> TypeEngine[str]:
    """A text column. SQLite: VARCHAR(n) or TEXT as before. PostgreSQL: TEXT COLLATE "C", so that
    nothing longer than n is refused where SQLite would have stored it, and text sorts byte by byte
    as SQLite sorts it (ids, places and titles come out in the same order on both backends)."""
    base: TypeEngine[str] = String(length) if length else Text()
    return base.with_variant(Text(collation="C"), "postgresql")


schema_info = Table(
    "schema_info",
    metadata,
    Column("key", _s(64), primary_key=True),
    Column("value", _s(256)),
)

articles = Table(
    "articles",
    metadata,
    Column("article_id", _s(200), primary_key=True),
    Column("content_hash", _s(64), nullable=False, unique=True),
    Column("title", _s()),
    Column("published", Date),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("dateline", _s(200)),
    Column("agency", _s(200)),
    Column("captions", _s(), nullable=False, default="[]"),  # JSON list
    Column("credits", _s(), nullable=False, default="[]"),  # JSON list
    Column("url", _s()),
    Column("source", _s(200)),
    Column("meta", _s(), nullable=False, default="{}"),  # JSON object
    Column("origin", _s()),
    Column("text", _s(), nullable=False),
    Column("ingested_at", _s(32)),
    # Extraction state, written in the same transaction as the article's claims: NULL
    # extractor_version = its claims were never stored whole (a crash, or a database from before
    # this column), a version other than the running one = a changed extractor. Either way the
    # next `run` (or `reextract`) extracts it again.
    Column("extractor_version", _s(64)),
    Column("extracted_at", _s(32)),
    Column("extracted_claims", Integer),  # claims stored by that extraction, for `check`
    # Near-duplicates (reposts, rewrites): the first stored copy, whose claims count for both.
    Column("duplicate_of", _s(200)),
    Column("minhash", LargeBinary),  # MinHash signature of the text's shingles
    Column("minhash_scheme", _s(32)),  # how it was computed; another scheme is recomputed
    Index("ix_articles_duplicate_of", "duplicate_of"),
)

_RANGE_COLS = [
    Column(f"{name}_{part}", Integer)
    for name in ("killed", "injured", "children_killed")
    for part in ("low", "high")
]

claims = Table(
    "claims",
    metadata,
    Column("claim_id", _s(32), primary_key=True),
    Column("article_id", _s(200), ForeignKey("articles.article_id"), nullable=False),
    Column("article_title", _s()),
    Column("scope", _s(16), nullable=False),
    Column("event_type", _s(64)),
    Column("sub_event_type", _s(64)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer),
    Column("date_basis", _s(16)),
    Column("location", _s(200)),
    Column("place_context", _s(), nullable=False, default="[]"),  # JSON list
    Column("admin1", _s(200)),
    Column("admin2", _s(200)),
    Column("country", _s(100)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("actor1", _s(200)),
    Column("actor2", _s(200)),
    *_RANGE_COLS,
    Column("claimed_by", _s(200)),
    Column("reported_by", _s(200)),
    Column("quote", _s(), nullable=False),
    Column("confidence", Float),
    Column("sentence_index", Integer),
    Column("quote_start", Integer),
    Column("quote_end", Integer),
    Index("ix_claims_article", "article_id"),
    Index("ix_claims_date", "date_start"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", _s(32), primary_key=True),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("event_type", _s(64)),
    Column("sub_event_type", _s(64)),
    Column("actor1", _s(200)),
    Column("actor2", _s(200)),
    Column("country", _s(100)),
    Column("admin1", _s(200)),
    Column("admin2", _s(200)),
    Column("location", _s(200)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("sources", _s(), nullable=False, default="[]"),  # JSON list
    Column("notes", _s()),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("injured", Integer),
    Column("children_killed", Integer),
    Column("disputed", Boolean, nullable=False, default=False),
    Index("ix_events_date", "event_date"),
)

# The event list's orders (store.query: missing values last, event_id breaks ties), as indexes so a
# page of 100,000 events is read in order instead of sorting them all (deep pages too).
EVENT_SORT_INDEXES = [
    Index(f"ix_events_sort_{name}_{way}", events.c[col].is_(None),
          events.c[col].desc() if way == "desc" else events.c[col], events.c.event_id)
    for name, col in (("date", "event_date"), ("fatalities", "fatalities"))
    for way in ("desc", "asc")
]

# The type filter (`lower(col) IN (...)`, any case): counting an event type's events read them all.
EVENT_TYPE_INDEXES = [Index(f"ix_events_lower_{col}", func.lower(events.c[col]))
                      for col in ("event_type", "sub_event_type")]

# A version per table, drawn afresh by triggers whenever the table changes (`textindex.events_version`):
# the API caches what it computed from a table under its version.
data_versions = Table(
    "data_versions",
    metadata,
    Column("name", _s(64), primary_key=True),
    Column("version", BigInteger, nullable=False),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("event_id", _s(32), ForeignKey("events.event_id"), nullable=False),
    Column("claim_id", _s(32), ForeignKey("claims.claim_id"), primary_key=True),
    Index("ix_event_claims_event", "event_id"),
)

# Incremental reconciliation (`conflictwatch.reconcile.incremental`). What the next reconciliation
# must look at, written in the same transaction as the claims that make it necessary, so a run killed
# before it reconciled leaves the work for the next one: articles whose claims were (re)written, and
# the event links their earlier claims had (the events to revisit, and the ids to keep).
pending_articles = Table(
    "pending_articles",
    metadata,
    Column("article_id", _s(200), primary_key=True),
)

pending_links = Table(
    "pending_links",
    metadata,
    Column("claim_id", _s(32), primary_key=True),
    Column("event_id", _s(32), nullable=False),
)

# Each event's blocking keys (hashes of day + place name, day + grid cell, day + country...: see
# `reconcile.blocks`): a new claim is compared only with the events sharing one of its keys.
event_blocks = Table(
    "event_blocks",
    metadata,
    Column("block", BigInteger, primary_key=True, autoincrement=False),
    Column("event_id", _s(32), primary_key=True),
    Index("ix_event_blocks_event", "event_id"),
    sqlite_with_rowid=False,
)

# A user's own gazetteer entries (`conflictwatch gazetteer load`), searched before the bundled one.
gazetteer = Table(
    "gazetteer",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", _s(300), nullable=False),
    Column("key", _s(300), nullable=False),  # normalised lookup key
    Column("latitude", Float, nullable=False),
    Column("longitude", Float, nullable=False),
    Column("admin1", _s(200)),
    Column("country", _s(100)),
    Column("feature", _s(16)),  # GeoNames feature code, e.g. PPLX for a district
    Column("population", Integer),
    Column("source", _s(200)),  # file it was loaded from
    Column("source_id", _s(64)),  # id in that file (geonameid), for de-duplication
    Index("ix_gazetteer_key", "key"),
)


# The near-duplicate index (`ingest.neardup`): each original article's MinHash signature cut into
# LSH bands, one row per band. A new article's candidates are the articles sharing a band key: an
# indexed lookup, so the index never has to be held in memory, and concurrent runs see each other.
minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True, autoincrement=False),
    Column("article_id", String(200), ForeignKey("articles.article_id"), primary_key=True),
    Index("ix_minhash_bands_article", "article_id"),
    sqlite_with_rowid=False,
)

# What `conflictwatch watch` has already taken in: per feed its items (guid or link -> content hash),
# per folder its files (relative path -> mtime, size and content hash).
watch_seen = Table(
    "watch_seen",
    metadata,
    Column("source", String(500), primary_key=True),
    Column("item", String(500), primary_key=True),
    Column("fingerprint", String(200), nullable=False),
    Column("seen_at", String(32)),
)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)


def add_missing_columns(conn: Connection, table: Table, names: list[str]) -> None:
    """ALTER TABLE ... ADD COLUMN for each of `names` the table lacks.

    `_v1` creates tables from the current definitions, so a new database already has the
    columns a later step adds; a step therefore adds only what is missing."""
    present = {c["name"] for c in inspect(conn).get_columns(table.name)}
    for name in names:
        if name in present:
            continue
        col = table.c[name]
        ddl = col.type.compile(dialect=conn.dialect)
        conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {ddl}'))


def _v2(conn: Connection) -> None:
    """Claims gain admin2, date_basis and the quote's offsets in the article text."""
    add_missing_columns(conn, claims, ["date_basis", "admin2", "quote_start", "quote_end"])


def _v3(conn: Connection) -> None:
    """Events gain admin2 (the district), as claims did in v2."""
    add_missing_columns(conn, events, ["admin2"])


def _articles_extraction_and_duplicates(conn: Connection) -> None:
    """Articles record their extraction (version, time, claim count) and near-duplicate link.

    Articles stored before this step get a NULL extractor_version: the next `run` re-extracts
    them, which also restores claims lost by the crash of an earlier version."""
    add_missing_columns(
        conn,
        articles,
        ["extractor_version", "extracted_at", "extracted_claims", "duplicate_of", "minhash",
         "minhash_scheme"],
    )


def _incremental_reconciliation(conn: Connection) -> None:
    """Tables for incremental reconciliation, and an index to find an article's near-duplicates.

    Events of a database from before this step have no blocking keys: the next reconciliation
    rebuilds them all once (it finds no record of the rules that built them)."""
    for table in (pending_articles, pending_links, event_blocks):
        table.create(conn, checkfirst=True)
    present = {ix["name"] for ix in inspect(conn).get_indexes("articles")}
    for ix in articles.indexes:
        if ix.name not in present:
            ix.create(conn)


def _neardup_bands_and_watch_state(conn: Connection) -> None:
    """The near-duplicate index moves into the database (`minhash_bands`), and `watch` remembers
    what it has seen (`watch_seen`). Bands are filled from the signatures already stored; articles
    without one get theirs when they are next extracted."""
    from conflictwatch.ingest.neardup import SCHEME, band_keys  # the band layout lives with the index

    minhash_bands.create(conn, checkfirst=True)
    watch_seen.create(conn, checkfirst=True)
    q = (
        articles.select()
        .with_only_columns(articles.c.article_id, articles.c.minhash)
        .where(articles.c.duplicate_of.is_(None), articles.c.minhash_scheme == SCHEME)
    )
    batch: list[dict[str, object]] = []
    for aid, sig in conn.execute(q):
        batch.extend({"band_key": k, "article_id": aid} for k in set(band_keys(bytes(sig))))
        if len(batch) >= 10_000:
            conn.execute(minhash_bands.insert(), batch)
            batch = []
    if batch:
        conn.execute(minhash_bands.insert(), batch)


def _event_sort_indexes(conn: Connection) -> None:
    """Indexes for the event list's sort orders (databases made before them)."""
    for ix in EVENT_SORT_INDEXES:
        conn.execute(CreateIndex(ix, if_not_exists=True))


def _event_search_indexes(conn: Connection) -> None:
    """Indexes for the event list's filters: the type filter's lower-case columns, on SQLite the
    full-text index of its text filters (filled from the events stored), and the events' data
    version with the triggers that bump it (`store.textindex`)."""
    from conflictwatch.store import textindex

    for ix in EVENT_TYPE_INDEXES:
        conn.execute(CreateIndex(ix, if_not_exists=True))
    data_versions.create(conn, checkfirst=True)
    textindex.create(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1, _v2, _v3, _articles_extraction_and_duplicates, _incremental_reconciliation,
    _neardup_bands_and_watch_state, _event_sort_indexes, _event_search_indexes,
]
SCHEMA_VERSION = len(MIGRATIONS)


def stored_version(conn: Connection) -> int:
    """The schema version the database is at (0: a new, empty database)."""
    if not inspect(conn).has_table("schema_info"):
        return 0
    row = conn.execute(text("SELECT value FROM schema_info WHERE key = 'version'")).first()
    return int(row[0]) if row else 0


def get_meta(conn: Connection, key: str) -> str | None:
    """A value the program keeps in `schema_info` (e.g. which rules built the events)."""
    row = conn.execute(schema_info.select().where(schema_info.c.key == key)).first()
    return None if row is None else row.value


def set_meta(conn: Connection, key: str, value: str | None) -> None:
    conn.execute(schema_info.delete().where(schema_info.c.key == key))
    if value is not None:
        conn.execute(schema_info.insert(), {"key": key, "value": value})


def migrate(conn: Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it was at before."""
    schema_info.create(conn, checkfirst=True)
    row = conn.execute(text("SELECT value FROM schema_info WHERE key = 'version'")).first()
    current = int(row[0]) if row else 0
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {current} is newer than this conflictwatch ({SCHEMA_VERSION})"
        )
    for version in range(current, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    if current != SCHEMA_VERSION:
        if row:
            conn.execute(
                schema_info.update().where(schema_info.c.key == "version"),
                {"value": str(SCHEMA_VERSION)},
            )
        else:
            conn.execute(schema_info.insert(), {"key": "version", "value": str(SCHEMA_VERSION)})
    return current
