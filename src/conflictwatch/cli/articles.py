"""`conflictwatch articles`: the stored articles with what they gave, to find those to read by hand."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer

from conflictwatch.cli.core import app
from conflictwatch.cli.options import DEFAULT_DB, DbOpt, open_existing


@app.command("articles")
def articles_cmd(
    db: DbOpt = DEFAULT_DB,
    no_claims: Annotated[bool, typer.Option(
        "--no-claims", help="Only articles that gave no claim (nothing the rules understood).",
    )] = False,
    no_place: Annotated[bool, typer.Option(
        "--no-place", help="Only articles with an incident claim that names no place.",
    )] = False,
) -> None:
    """List stored articles with their claim counts; read the ones that gave nothing by hand.

    An article gives no claim when it reports no killing, attack or capture in words the rules
    know, or when its only figures are totals the rules leave out. `--no-claims` lists those;
    `--no-place` those whose incidents have no place (the place was not found or not named).

        conflictwatch articles --no-claims --db out/cw.db
    """
    from conflictwatch.cli.output import Col, print_table

    store = open_existing(db)
    claims: Counter[str] = Counter()
    placeless: Counter[str] = Counter()
    for c in store.claims():
        claims[c.article_id] += 1
        if c.scope == "incident" and not c.location:
            placeless[c.article_id] += 1
    rows = []
    for a in store.articles():
        aid = a.article_id or ""
        if no_claims and claims[aid]:
            continue
        if no_place and not placeless[aid]:
            continue
        rows.append([aid, a.published.isoformat() if a.published else "", (a.title or "")[:70],
                     str(claims[aid]), str(placeless[aid]), a.origin or ""])
    what = "without claims" if no_claims else "with incidents without a place" if no_place else "stored"
    print_table(
        [Col("article"), Col("published"), Col("title"), Col("claims", "right"),
         Col("no place", "right"), Col("from")],
        rows, title=f"Articles {what} ({len(rows)})",
    )
