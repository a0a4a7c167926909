"""Table definitions and the ordered list of schema migrations.

To change the schema, append a step to MIGRATIONS (never edit a released one): the
database remembers the version it reached in `schema_info` and runs only newer steps.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
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
    inspect,
    text,
)
from sqlalchemy.schema import CreateIndex

metadata = MetaData()

schema_info = Table(
    "schema_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(256)),
)

articles = Table(
    "articles",
    metadata,
    Column("article_id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("published", Date),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("dateline", String(200)),
    Column("agency", String(200)),
    Column("captions", Text, nullable=False, default="[]"),  # JSON list
    Column("credits", Text, nullable=False, default="[]"),  # JSON list
    Column("url", Text),
    Column("source", String(200)),
    Column("meta", Text, nullable=False, default="{}"),  # JSON object
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32)),
    # Extraction state, written in the same transaction as the article's claims: NULL
    # extractor_version = its claims were never stored whole (a crash, or a database from before
    # this column), a version other than the running one = a changed extractor. Either way the
    # next `run` (or `reextract`) extracts it again.
    Column("extractor_version", String(64)),
    Column("extracted_at", String(32)),
    Column("extracted_claims", Integer),  # claims stored by that extraction, for `check`
    # Near-duplicates (reposts, rewrites): the first stored copy, whose claims count for both.
    Column("duplicate_of", String(200)),
    Column("minhash", LargeBinary),  # MinHash signature of the text's shingles
    Column("minhash_scheme", String(32)),  # how it was computed; another scheme is recomputed
)

_RANGE_COLS = [
    Column(f"{name}_{part}", Integer)
    for name in ("killed", "injured", "children_killed")
    for part in ("low", "high")
]

claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.article_id"), nullable=False),
    Column("article_title", Text),
    Column("scope", String(16), nullable=False),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer),
    Column("date_basis", String(16)),
    Column("location", String(200)),
    Column("place_context", Text, nullable=False, default="[]"),  # JSON list
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("country", String(100)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("actor1", String(200)),
    Column("actor2", String(200)),
    *_RANGE_COLS,
    Column("claimed_by", String(200)),
    Column("reported_by", String(200)),
    Column("quote", Text, nullable=False),
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
    Column("event_id", String(32), primary_key=True),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("actor1", String(200)),
    Column("actor2", String(200)),
    Column("country", String(100)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("location", String(200)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("sources", Text, nullable=False, default="[]"),  # JSON list
    Column("notes", Text),
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

event_claims = Table(
    "event_claims",
    metadata,
    Column("event_id", String(32), ForeignKey("events.event_id"), nullable=False),
    Column("claim_id", String(32), ForeignKey("claims.claim_id"), primary_key=True),
    Index("ix_event_claims_event", "event_id"),
)

# A user's own gazetteer entries (`conflictwatch gazetteer load`), searched before the bundled one.
gazetteer = Table(
    "gazetteer",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False),
    Column("key", String(300), nullable=False),  # normalised lookup key
    Column("latitude", Float, nullable=False),
    Column("longitude", Float, nullable=False),
    Column("admin1", String(200)),
    Column("country", String(100)),
    Column("feature", String(16)),  # GeoNames feature code, e.g. PPLX for a district
    Column("population", Integer),
    Column("source", String(200)),  # file it was loaded from
    Column("source_id", String(64)),  # id in that file (geonameid), for de-duplication
    Index("ix_gazetteer_key", "key"),
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


def _event_sort_indexes(conn: Connection) -> None:
    """Indexes for the event list's sort orders (databases made before them)."""
    for ix in EVENT_SORT_INDEXES:
        conn.execute(CreateIndex(ix, if_not_exists=True))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _articles_extraction_and_duplicates,
                                                  _event_sort_indexes]
SCHEMA_VERSION = len(MIGRATIONS)


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
