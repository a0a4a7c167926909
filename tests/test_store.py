"""The store: articles once by content, claims replaced not duplicated, schema migrated."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from conflictwatch.models import Article, Claim, Range
from conflictwatch.store import open_store
from conflictwatch.store.schema import SCHEMA_VERSION


def _article(body: str = "Shelling killed nine people in Harasta on Monday.", **kw: object) -> Article:
    return Article(text=body, title="Harasta shelling", published=date(2016, 10, 12), **kw)  # type: ignore[arg-type]


def test_article_stored_once_by_normalised_content(db_path: str) -> None:
    store = open_store(db_path)
    assert store.add_article(_article())
    # Same story re-pasted with other whitespace and curly quotes: same article.
    again = _article("Shelling  killed nine people\nin Harasta on Monday.")
    assert store.has_article(again)
    assert not store.add_article(again)
    assert store.count("articles") == 1


def test_user_id_reused_for_other_text_is_refused(db_path: str) -> None:
    store = open_store(db_path)
    store.add_article(_article(article_id="x1"))
    with pytest.raises(ValueError, match="x1"):
        store.add_article(_article("Another story entirely.", article_id="x1"))
    assert store.count("articles") == 1


def test_claims_round_trip_and_replace(db_path: str) -> None:
    store = open_store(db_path)
    a = _article()
    store.add_article(a)
    c = Claim(
        article_id=a.article_id or "",
        quote="Shelling killed nine people in Harasta on Monday.",
        killed=Range(9, 9),
        children_killed=Range(2, None),
        date_start=date(2016, 10, 10),
        location="Harasta",
        place_context=["Damascus"],
    )
    assert store.replace_claims(a.article_id or "", [c]) == 1
    assert store.replace_claims(a.article_id or "", [c]) == 1  # again: still one
    [back] = list(store.claims())
    assert back == c
    assert back.children_killed == Range(2, None)


def test_schema_version_recorded_and_reopen_is_harmless(db_path: str) -> None:
    store = open_store(db_path)
    store.add_article(_article())
    with store.engine.connect() as conn:
        v = conn.execute(text("SELECT value FROM schema_info WHERE key='version'")).scalar_one()
    assert int(v) == SCHEMA_VERSION
    reopened = open_store(db_path)
    assert reopened.count("articles") == 1


def test_newer_schema_is_refused(db_path: str) -> None:
    store = open_store(db_path)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE schema_info SET value='999' WHERE key='version'"))
    with pytest.raises(RuntimeError, match="newer"):
        open_store(db_path)


def test_database_folder_is_created(tmp_path) -> None:  # noqa: ANN001
    store = open_store(str(tmp_path / "new" / "folder" / "cw.db"))
    assert store.count("articles") == 0
    assert (tmp_path / "new" / "folder" / "cw.db").exists()
