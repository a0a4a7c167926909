"""The per-article write path: a new article's row, claims and index bands are stored as the
general path (row first, then its extraction recorded and its bands replaced) stores them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import text

from conflictwatch.models import Article, Claim, Range
from conflictwatch.store import Store, open_store

_TIMES = {"ingested_at", "extracted_at"}


def _article() -> Article:
    return Article(text="Shelling killed nine people in Harasta on Monday, the Observatory said.",
                   title="Harasta shelling", published=date(2016, 10, 12), agency="Reuters")


def _claims(a: Article) -> list[Claim]:
    c = Claim(article_id=a.article_id or "", quote=a.text, killed=Range(9, 9), location="Harasta",
              claimed_by="Syrian Observatory for Human Rights", sentence_index=0, quote_start=0)
    c.claim_id = c.make_id()
    return [c]


def _rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    out = {}
    with store.engine.connect() as conn:
        for table in ("articles", "claims", "minhash_bands", "pending_articles"):
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()  # noqa: S608
            out[table] = sorted(({k: v for k, v in r.items() if k not in _TIMES} for r in rows), key=repr)
    return out


def test_a_new_article_is_stored_as_an_added_then_extracted_one(new_db: Callable[..., str]) -> None:
    direct, added = open_store(new_db("direct")), open_store(new_db("added"))
    a = _article()
    kw: dict[str, Any] = {"extractor_version": "v1", "minhash": b"\x01\x02", "minhash_scheme": "s1",
                          "bands": [7, 3, 3, 5]}
    direct.save_article(a, _claims(a), **kw)  # new: the row carries its extraction, no bands to drop
    assert added.add_article(a)  # stored first (as a crashed run leaves it), extracted after
    added.save_article(a, _claims(a), **kw)
    got, expected = _rows(direct), _rows(added)
    assert got == expected
    assert got["articles"][0]["extractor_version"] == "v1" and got["articles"][0]["extracted_claims"] == 1
    assert [r["band_key"] for r in got["minhash_bands"]] == [3, 5, 7]
    # extracted again: the stored row is updated and its bands replaced
    direct.save_article(a, [], extractor_version="v2", minhash=b"\x03", minhash_scheme="s1", bands=[9])
    again = _rows(direct)
    assert [r["band_key"] for r in again["minhash_bands"]] == [9]
    assert again["articles"][0]["extractor_version"] == "v2" and again["claims"] == []
    assert direct.has_article(a) and not direct.has_article(Article(text="Another story."))
