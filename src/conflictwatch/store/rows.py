"""Rows <-> dataclasses: how an Article and a Claim are laid out in their tables.

Shared by the Store's mixins, so every reader decodes JSON columns and dates the same way.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.engine import Row

from conflictwatch.models import Article, Claim, Range
from conflictwatch.store import schema as s


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def article_row(a: Article) -> dict[str, Any]:
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
        "ingested_at": now_iso(),
        "duplicate_of": a.duplicate_of,
    }


def row_article(r: Row[Any]) -> Article:
    m = r._mapping
    published = m["published"]
    if isinstance(published, str):  # pragma: no cover - drivers differ
        published = date.fromisoformat(published[:10])
    return Article(
        text=m["text"],
        title=m["title"],
        published=published,
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
        duplicate_of=m["duplicate_of"],
    )


def claim_row(c: Claim) -> dict[str, Any]:
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


_RANGES = [(name, f"{name}_low", f"{name}_high") for name in ("killed", "injured", "children_killed")]


def claim_fields(names: Iterable[str]) -> tuple[str, ...]:
    """A result's column names for `row_claim`, as interned plain strings: SQLAlchemy's own names
    (a `str` subclass) made matching them to `Claim`'s keyword arguments cost half of reading a
    claim."""
    return tuple(sys.intern(str(n)) for n in names)


def row_claim(r: Row[Any], fields: tuple[str, ...] | None = None) -> Claim:
    """`fields`: the result's `claim_fields`, when known (reading many claims)."""
    m = dict(zip(fields or r._fields, r, strict=True))  # (a plain zip: reading 100k claims is common)
    for name, low_col, high_col in _RANGES:
        low, high = m.pop(low_col), m.pop(high_col)
        m[name] = Range(low, high) if low is not None else None
    pc = m["place_context"]
    m["place_context"] = json.loads(pc) if pc and pc != "[]" else []
    for k in ("date_start", "date_end"):
        if isinstance(m[k], str):  # pragma: no cover - drivers differ
            m[k] = date.fromisoformat(m[k])
    return Claim(**m)
