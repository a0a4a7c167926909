"""How commands print: tables fitted to the terminal, or plain TSV when output is piped.

A table on a terminal is a rich table as wide as the terminal. Piped or redirected, the same rows
are tab-separated values with one header line, so `conflictwatch events | cut -f3` or a
spreadsheet gets every cell whole (no wrapping at 80 columns, no box characters); the title
goes to standard error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from conflictwatch.cli.core import console, err_console
from conflictwatch.models import Claim, Event, Range
from conflictwatch.reconcile.build import place_label


@dataclass(frozen=True)
class Col:
    header: str
    justify: str = "left"
    no_wrap: bool = False
    style: str | None = None  # rich style for the cells (terminal only)


@contextmanager
def open_out(out: Path | None) -> Iterator[TextIO]:
    """`--out FILE`, or standard output when not given."""
    if out is None:
        yield sys.stdout
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            yield fh


def _tsv_cell(value: str) -> str:
    return " ".join(value.replace("\t", " ").split())


def print_table(
    cols: Sequence[Col], rows: Sequence[Sequence[str]], title: str | None = None, caption: str | None = None
) -> None:
    """A rich table on a terminal, TSV (header + rows) on standard output otherwise."""
    if not console.is_terminal:
        if title:
            err_console.print(escape(title), highlight=False)
        out = sys.stdout
        out.write("\t".join(c.header for c in cols) + "\n")
        for r in rows:
            out.write("\t".join(_tsv_cell(v) for v in r) + "\n")
        out.flush()
        return
    # plain Text: a "[range]" in a caption or a headline is no rich markup
    t = Table(title=Text(title) if title else None, caption=Text(caption) if caption else None)
    for c in cols:
        t.add_column(c.header, justify=c.justify, no_wrap=c.no_wrap, overflow="fold")  # type: ignore[arg-type]
    for r in rows:
        t.add_row(*(Text(v, style=c.style or "") for c, v in zip(cols, r, strict=True)))
    console.print(t)


def fmt_range(r: Range | None) -> str:
    """A claim's figure: "14", "4+" (at least 4), "45-49"."""
    if r is None:
        return ""
    if r.high is None:
        return f"{r.low}+"
    return str(r.low) if r.low == r.high else f"{r.low}-{r.high}"


CLAIM_COLS = [
    Col("date", no_wrap=True), Col("type"), Col("location"), Col("killed", "right"),
    Col("children", "right"), Col("injured", "right"), Col("claimed by"), Col("article"),
]


def claim_rows(claims: Sequence[Claim]) -> list[list[str]]:
    return [
        [
            c.date_start.isoformat() if c.date_start else "",
            c.sub_event_type or "",
            ", ".join(x for x in (c.location, c.admin1) if x),
            fmt_range(c.killed),
            fmt_range(c.children_killed),
            fmt_range(c.injured),
            c.claimed_by or f"({c.reported_by or 'article'})",
            c.article_title or "",
        ]
        for c in claims
    ]


EVENT_COLS = [
    Col("date", no_wrap=True), Col("type"), Col("location"), Col("killed", "right", no_wrap=True),
    Col("disputed", style="bold red"), Col("sources"), Col("claims", "right"),
]
EVENT_CAPTION = "killed: best estimate [range the sources give]; disputed: the sources' tolls differ"


def figures(e: Event) -> str:
    """ "12 [12–14]": the best estimate, with the sources' range when they differ."""
    if e.fatalities is None:
        return ""
    text = str(e.fatalities)
    if e.fatalities_high is not None and e.fatalities_high != e.fatalities:
        text += f" [{e.fatalities_low}\u2013{e.fatalities_high}]"
    return text


def event_rows(events: Sequence[Event]) -> list[list[str]]:
    return [
        [
            e.event_date.isoformat() if e.event_date else "",
            e.sub_event_type or e.event_type or "",
            place_label(e.location, e.admin1) or (e.country or ""),
            figures(e),
            "yes" if e.disputed else "",
            "; ".join(e.sources),
            str(len(e.claim_ids)),
        ]
        for e in events
    ]


def print_events(events: Sequence[Event], title: str) -> None:
    print_table(EVENT_COLS, event_rows(events), title=title, caption=EVENT_CAPTION)


def print_claims(claims: Sequence[Claim], title: str) -> None:
    print_table(CLAIM_COLS, claim_rows(claims), title=title)


__all__ = [
    "Col",
    "claim_rows",
    "event_rows",
    "figures",
    "fmt_range",
    "open_out",
    "print_claims",
    "print_events",
    "print_table",
]
