"""Our own wire-style articles (the gold sets' texts and the demo samples) as JSON Lines input:
enough real-looking text for tests that need many articles (concurrent and interrupted runs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]


def own_articles() -> list[dict[str, Any]]:
    """Every article of gold/*.yaml that has a text, then samples/articles.jsonl (input records)."""
    out: list[dict[str, Any]] = []
    for f in sorted((REPO / "gold").glob("*.yaml")):
        for a in yaml.safe_load(f.read_text("utf-8"))["articles"]:
            if a.get("text"):
                out.append({"id": a["id"], "title": a.get("title"), "text": a["text"],
                            "published": str(a["published"]) if a.get("published") else None,
                            "source": a.get("source")})
    for line in (REPO / "samples" / "articles.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


__all__ = ["own_articles", "write_jsonl"]
