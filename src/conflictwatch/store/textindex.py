"""A full-text index for the event list's text filters on SQLite, and the events' data version.

Why: the event list's text filters (`q`, country, province, actor, source) are substring matches,
`LIKE '%...%'`, which no B-tree index can answer; counting the matches of a text search read all
100,000 events of the load test (~150 ms a request, the tail of its latencies). On SQLite an FTS5
table with the trigram tokenizer (`events_fts`, over the events' own columns: an external-content
index, no second copy of the text) finds the events holding every three-letter piece of the text.

It only narrows: the LIKE conditions still decide (`query.event_conditions`), so the results are
exactly those of the plain query. The index folds case over all of Unicode, LIKE only over ASCII
letters, so it may propose an event LIKE then refuses, never miss one. Text shorter than three
characters (no trigram) or with a NUL is searched the plain way. Triggers keep the index in step
with every insert, update and delete of an event, whoever makes it; the migration fills it from
the events already stored.

PostgreSQL keeps the plain ILIKE query (no extension to install); both backends cache the count
of a filtered list per `events_version` (see `query.list_events`): a number that triggers on
`events` draw afresh in the same transaction as the change, so a cached count is never older
than the data a reader sees.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, literal_column, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

#: The events' columns the text filters search, in the index (the `q` filter searches all of them).
FTS_COLUMNS = ["location", "notes", "sources", "actor1", "actor2", "admin1", "country", "sub_event_type"]
FTS_TABLE = "events_fts"
_MIN_CHARS = 3  # a trigram index finds nothing shorter


def _sqlite_ddl() -> list[str]:
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    delete = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    insert = f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.rowid, {new});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({cols}, content='events', "
        "content_rowid='rowid', tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS events_fts_insert AFTER INSERT ON events BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS events_fts_delete AFTER DELETE ON events BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS events_fts_update AFTER UPDATE ON events BEGIN {delete} {insert} END",
    ]


def _version_ddl(dialect: str) -> list[str]:
    # a random number, not a count: a database restored from a backup and changed again must not
    # come back to a version a cache has seen with other data
    new = "random()" if dialect == "sqlite" else "floor((random() - 0.5) * 1.8e19)::bigint"
    bump = f"UPDATE data_versions SET version = {new} WHERE name = 'events'"
    if dialect == "sqlite":  # row triggers only: a rebuild of all events draws once per row (cheap)
        return [f"CREATE TRIGGER IF NOT EXISTS events_version_{op.lower()} AFTER {op} ON events "
                f"BEGIN {bump}; END" for op in ("INSERT", "UPDATE", "DELETE")]
    return [
        f"CREATE OR REPLACE FUNCTION cw_bump_events_version() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {bump}; RETURN NULL; END $$",
        "DROP TRIGGER IF EXISTS events_version ON events",
        "CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events "
        "FOR EACH STATEMENT EXECUTE FUNCTION cw_bump_events_version()",
    ]


def create(conn: Connection) -> None:
    """Make (or finish making) the index and the version counter, and fill the index (migration)."""
    dialect = conn.dialect.name
    conn.execute(text("INSERT INTO data_versions (name, version) SELECT 'events', 0 WHERE NOT EXISTS "
                      "(SELECT 1 FROM data_versions WHERE name = 'events')"))
    for ddl in _version_ddl(dialect):
        conn.execute(text(ddl))
    if dialect != "sqlite":
        return
    for ddl in _sqlite_ddl():
        conn.execute(text(ddl))
    rebuild(conn)


def rebuild(conn: Connection) -> None:
    """Index every stored event afresh (SQLite; e.g. if the index was ever dropped or damaged)."""
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def events_version(conn: Connection) -> int:
    """A number drawn afresh whenever the events table changes (any backend): a cache key."""
    return int(conn.execute(text("SELECT version FROM data_versions WHERE name = 'events'")).scalar_one())


def _phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def searchable(value: str | None) -> bool:
    return value is not None and len(value) >= _MIN_CHARS and "\x00" not in value


def match_expression(terms: list[tuple[list[str] | None, str]]) -> str | None:
    """An FTS5 query for text filters: each (columns, text) holds as a substring in one of its
    columns (None: any indexed column). Terms the index cannot look up are left out (they only
    narrow, and the LIKE conditions still apply); None when none is left."""
    parts = []
    for cols, value in terms:
        if not searchable(value):
            continue
        scope = "" if cols is None else "{" + " ".join(cols) + "} : "
        parts.append(scope + _phrase(value))
    return " AND ".join(parts) or None


class indexed_text_match(ColumnElement[bool]):  # lower case: it reads as the condition it stands for
    """On SQLite, `events.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :m)`: the
    events the text index proposes. On other backends no condition at all (`1 = 1`)."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # else SQLAlchemy writes `(... IN ...) = 1`, which no index serves
    _traverse_internals = [("sqlite", InternalTraversal.dp_clauseelement)]

    def __init__(self, match: str) -> None:
        hits = select(literal_column("rowid")).select_from(table(FTS_TABLE)).where(
            literal_column(FTS_TABLE).match(match))
        self.sqlite = literal_column("events.rowid").in_(hits)


@compiles(indexed_text_match)
def _match_generic(element: indexed_text_match, compiler: Any, **kw: Any) -> str:
    return "1 = 1"


@compiles(indexed_text_match, "sqlite")
def _match_sqlite(element: indexed_text_match, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.sqlite, **kw)})"


__all__ = ["FTS_COLUMNS", "create", "events_version", "indexed_text_match", "match_expression", "rebuild",
           "searchable"]
