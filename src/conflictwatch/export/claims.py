"""Claims and articles as JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from conflictwatch.models import Article, Claim
from conflictwatch.store import Store

RANGE_FIELDS = ("killed", "injured", "children_killed")


def claim_csv_row(claim: Claim) -> dict[str, Any]:
    """Flatten a claim for CSV: each {low, high} figure becomes two columns."""
    rec = claim.to_record()
    row: dict[str, Any] = {}
    for k, v in rec.items():
        if k in RANGE_FIELDS:
            row[f"{k}_low"] = v["low"] if v else None
            row[f"{k}_high"] = v["high"] if v else None
        else:
            row[k] = v
    return row


def write_claims(store: Store, fmt: str, out: TextIO, scope: str | None = None) -> int:
    """Write every stored claim; returns how many were written."""
    n = 0
    writer: csv.DictWriter[str] | None = None
    for claim in store.claims(scope=scope):
        if fmt == "jsonl":
            out.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            row = claim_csv_row(claim)
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        else:
            raise ValueError(f"unknown claims format {fmt!r} (use jsonl or csv)")
        n += 1
    if fmt == "csv" and writer is None:  # header even when empty, so scripts can rely on it
        header = list(claim_csv_row(Claim(article_id="", quote="")))
        csv.DictWriter(out, fieldnames=header).writeheader()
    return n


def article_record(a: Article) -> dict[str, Any]:
    return {
        "article_id": a.article_id,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "published_inferred": a.published_inferred,
        "dateline": a.dateline,
        "agency": a.agency,
        "captions": a.captions,
        "credits": a.credits,
        "url": a.url,
        "source": a.source,
        "text": a.text,
    }


def write_articles(store: Store, out: TextIO) -> int:
    n = 0
    for a in store.articles():
        out.write(json.dumps(article_record(a), ensure_ascii=False) + "\n")
        n += 1
    return n
