"""`conflictwatch report`: a printable, self-contained HTML brief (and PDF with Chromium)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from conflictwatch.cli.core import app, console, err_console
from conflictwatch.cli.options import DbOpt
from conflictwatch.cli.serve import existing_db
from conflictwatch.store.names import DEFAULT_DB

DAY = ["%Y-%m-%d"]  # typer parses and refuses dates itself


@app.command("report")
def report_cmd(
    since: Annotated[datetime, typer.Option("--from", formats=DAY, help="First day (YYYY-MM-DD).")],
    until: Annotated[datetime, typer.Option("--to", formats=DAY, help="Last day (YYYY-MM-DD), included.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("brief.html"),
    pdf: Annotated[Path | None, typer.Option(
        "--pdf", help="Also print it to this PDF file (needs Chromium: apt-get install chromium).")] = None,
    db: DbOpt = DEFAULT_DB,
    top: Annotated[int, typer.Option(
        "--top", min=1, max=500, help="How many deadliest incidents to list.")] = 15,
) -> None:
    """Write a printable brief of the incidents between two dates: totals, map, timeline,
    deadliest incidents, disputed figures (each source's numbers as they came in) and sources.

    One HTML file with everything inline (no network needed to open or print it):

    ```
    conflictwatch report --from 2016-10-01 --to 2016-10-31 --out brief.html --pdf brief.pdf
    ```
    """
    from conflictwatch.report import build_brief, render_brief, to_pdf

    start, end = since.date(), until.date()
    if start > end:
        raise typer.BadParameter(f"--from {start} is after --to {end}", param_hint="--from")
    from conflictwatch.store import open_store

    store = open_store(existing_db(db))
    brief = build_brief(store, start, end, top=top)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_brief(brief), encoding="utf-8")
    t = brief.totals
    console.print(f"{t['events']} incidents, {t['fatalities']} killed (best), {t['disputed']} disputed; "
                  f"brief written to [bold]{out}[/bold]", highlight=False)
    if pdf is not None:
        try:
            to_pdf(out, pdf)
        except RuntimeError as exc:
            err_console.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None
        console.print(f"PDF written to [bold]{pdf}[/bold]", highlight=False)
