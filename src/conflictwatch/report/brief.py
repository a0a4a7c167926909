"""Build the brief's content from the store (read queries only) and render it with Jinja2.

Jinja2 autoescapes every value, so article-derived text (places, sources, notes) stays text.
The PDF, when asked for, is Chromium's own print of the HTML (`--print-to-pdf`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from conflictwatch.report.svg import TYPE_COLORS, UNKNOWN, map_svg, timeline_svg
from conflictwatch.store import Store
from conflictwatch.store import query as Q

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass
class Brief:
    """Everything the brief shows, computed once (the template only lays it out)."""

    since: date
    until: date
    totals: dict[str, Any]
    events: list[dict[str, Any]]
    by_type: list[dict[str, Any]]
    counts: list[dict[str, Any]]
    deadliest: list[dict[str, Any]]
    disputed: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    undated: int
    claims: int
    articles: int
    aggregates: list[dict[str, Any]] = field(default_factory=list)


def _per_source(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each source's figures in the order they were published ("10 -> 12")."""
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        if c["killed"] is None:
            continue
        name = c["claimed_by"] or (f'{c["reported_by"]} (own report)' if c["reported_by"] else "the article")
        by[name].append(c)
    out = []
    for name, cs in by.items():
        cs.sort(key=lambda c: (c["published"] or "", c["sentence_index"] or 0))
        figs = [f'{c["killed"]["low"]}{"+" if c["killed"]["high"] is None else ""}'
                if c["killed"]["high"] in (None, c["killed"]["low"])
                else f'{c["killed"]["low"]}\u2013{c["killed"]["high"]}' for c in cs]
        out.append({"source": name, "figures": figs, "first": cs[0]["published"], "last": cs[-1]["published"],
                    "quote": cs[-1]["quote"]})
    return out


def build_brief(store: Store, since: date, until: date, top: int = 15) -> Brief:
    f = Q.Filters(since=since, until=until)
    from sqlalchemy import func, select

    with store.engine.connect() as conn:
        events = Q.list_events(conn, f, "-fatalities", 0, 1_000_000).items
        disputed = []
        for e in [e for e in events if e["disputed"]]:
            full = Q.get_event(conn, e["event_id"]) or {"claims": []}
            disputed.append({**e, "per_source": _per_source(full["claims"])})
        claims = conn.execute(select(func.count()).select_from(Q.C).where(
            Q.C.c.claim_id.in_(select(Q.EC.c.claim_id).where(Q.EC.c.event_id.in_(
                select(Q.E.c.event_id).where(*Q.event_conditions(f))))))).scalar_one()
        articles = conn.execute(select(func.count(func.distinct(Q.C.c.article_id))).select_from(
            Q.EC.join(Q.C, Q.C.c.claim_id == Q.EC.c.claim_id)).where(Q.EC.c.event_id.in_(
                select(Q.E.c.event_id).where(*Q.event_conditions(f))))).scalar_one()
        undated = conn.execute(select(func.count()).select_from(Q.E).where(Q.E.c.event_date.is_(None))
                               ).scalar_one()
        aggregates = Q.list_claims(conn, Q.Filters(since=since, until=until, scope="aggregate"),
                                   "-killed", 0, 20).items
        return Brief(
            since=since, until=until, totals=Q.totals(conn, f), events=events,
            by_type=Q.type_counts(conn, f), counts=Q.event_counts(conn, f, "day"),
            deadliest=[e for e in events if e["fatalities"]][:top], disputed=disputed,
            sources=Q.event_sources(conn, f), undated=undated, claims=claims, articles=articles,
            aggregates=aggregates,
        )


def render_brief(b: Brief) -> str:
    env = Environment(loader=PackageLoader("conflictwatch.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    tpl = env.get_template("brief.html.j2")
    types = sorted({e["event_type"] for e in b.events}, key=lambda t: t or "~")
    return tpl.render(
        b=b, map_svg=map_svg(b.events), timeline_svg=timeline_svg(b.counts, b.since, b.until),
        legend=[(t or "no type", TYPE_COLORS.get(t or "", UNKNOWN)) for t in types],
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def find_chromium() -> str | None:
    """CONFLICTWATCH_CHROMIUM when set (a path; empty or missing means none), else the usual names."""
    if "CONFLICTWATCH_CHROMIUM" in os.environ:
        path = os.environ["CONFLICTWATCH_CHROMIUM"]
        return path if path and os.path.exists(path) else None
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def to_pdf(html_path: Path, pdf_path: Path, timeout: float = 120) -> None:
    """Print the HTML brief to PDF with headless Chromium; RuntimeError when there is none."""
    exe = find_chromium()
    if exe is None:
        raise RuntimeError(
            "PDF needs Chromium (Debian: apt-get install chromium); the HTML brief was written")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-pdf-header-footer", f"--print-to-pdf={pdf_path.resolve()}",
           html_path.resolve().as_uri()]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if res.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print the PDF (exit {res.returncode}): {res.stderr[-500:]}")
