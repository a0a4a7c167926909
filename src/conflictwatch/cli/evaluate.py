"""`conflictwatch evaluate`: measure extraction against hand-annotated gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from conflictwatch.cli.app import app, console, err_console
from conflictwatch.evaluate import (
    FIELDS,
    TARGETS,
    Evaluation,
    GoldError,
    SetReport,
    evaluate,
    gold_paths,
    load_gold,
)

EVALUATE_HELP = """Score extracted claims against hand-annotated gold sets and show what went wrong.

A gold set is a YAML file (see **docs/gold-format.md**):

```
name: my-set
articles:
  - id: a1
    title: "Air strikes kill 13 in Aleppo"
    published: 2016-10-13
    text: |            # omit when the text comes from --input
      BEIRUT (Reuters) - ...
    claims:            # every incident and aggregate claim; [] if none
      - scope: incident
        evidence: "killed 13 people on Thursday"   # verbatim, 3-8 words
        event_type: Explosions/Remote violence
        sub_event_type: Air/drone strike
        date: 2016-10-13
        location: al-Kalaseh
        killed: 13        # N, "N+" (at least N), [low, high] or null
        claimed_by: Syrian Civil Defence
```

Articles come from `--input` (matched to gold by id, else by headline; the gold `published`
date fills in a missing one) or, without `--input`, from the gold `text`s. A predicted claim
matches a gold claim when its quote contains the gold evidence. Reported: incident precision,
recall, F1; per-field accuracy of matched incidents; aggregate recall; every miss, false alarm
and field mismatch; PASS/FAIL against the targets (F1 >= 0.90, killed >= 95%, date and
claimed_by >= 90%).

Exit status: 0; 1 with `--fail-under` when a set's incident F1 is below it; 2 for a bad gold file.
"""


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f}%"


def _num(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def _mark(target_key: str, report: SetReport) -> str:
    t = report.targets()[target_key]
    if t["pass"] is None:
        return "[dim]-[/dim]"
    op = ">=" if t["pass"] else "<"
    word = "[green]PASS[/green]" if t["pass"] else "[red]FAIL[/red]"
    target = t["target"]
    shown = f"{target:.2f}" if target_key == "incident_f1" else f"{100 * target:.0f}%"
    return f"{word} ({op} {shown})"


def _fmt(v: Any) -> str:
    return "null" if v is None else json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v


def print_report(report: SetReport, detail: bool = True) -> None:
    """The human-readable report of one set: numbers with targets, then the cases behind them."""
    inc, agg = report.incidents, report.aggregates
    head = f"[bold]{report.name}[/bold]"
    if report.path:
        head += f"  [dim]{report.path}[/dim]"
    head += f"  ({report.articles} articles, from {report.articles_source})"
    console.print(head, highlight=False)
    t = Table(show_header=True, box=None, pad_edge=False)
    for col in ("measure", "value", "detail", "target"):
        t.add_column(col)
    n_scope = sum(1 for f in report.false_alarms if f.get("scope_error") and f["scope"] == "incident")
    t.add_row("incident precision", _num(inc.precision), f"tp {inc.tp}, false alarms {inc.fp}", "")
    t.add_row("incident recall", _num(inc.recall), f"misses {inc.fn}", "")
    t.add_row("incident F1", _num(inc.f1), f"scope errors {n_scope}", _mark("incident_f1", report))
    for k in FIELDS:
        right = report.field_right[k]
        t.add_row(
            f"  {k} right", _pct(report.share(k)), f"{right}/{report.matched_incidents} matched",
            _mark(k, report) if k in TARGETS else "",
        )
    t.add_row("aggregate recall", _num(agg.recall), f"tp {agg.tp}, misses {agg.fn}", "")
    t.add_row("aggregate precision", _num(agg.precision), f"false alarms {agg.fp} (info)", "")
    console.print(t)
    for w in report.warnings:
        console.print(f"[yellow]warning[/yellow] {w}", highlight=False)
    if report.missing_articles:
        console.print(f"[red]missing articles[/red]: {', '.join(report.missing_articles)}", highlight=False)
    if not detail:
        return
    if report.misses:
        console.print(f"\n[bold]Misses ({len(report.misses)})[/bold]")
        for m in report.misses:
            where = f"{m.get('set') + '/' if m.get('set') else ''}{m['article_id']} #{m['gold_index']}"
            extra = f" [dim](line {m['line']})[/dim]" if m.get("line") else ""
            console.print(
                f"- [cyan]{where}[/cyan] {m['scope']}, killed {_fmt(m['killed'])}, "
                f"claimed_by {_fmt(m['claimed_by'])}{extra}",
                highlight=False,
            )
            shown = m["reason"] or m["sentence"] or m["evidence"]
            console.print(f"    {shown}", highlight=False, markup=False)
    if report.false_alarms:
        console.print(f"\n[bold]False alarms ({len(report.false_alarms)})[/bold]")
        for f in report.false_alarms:
            where = f"{f.get('set') + '/' if f.get('set') else ''}{f['article_id']}"
            scope_err = ""
            if f["scope_error"]:
                scope_err = f" [red]scope error: gold #{f['gold_index']} is {f['gold_scope']}[/red]"
            console.print(
                f"- [cyan]{where}[/cyan] {f['scope']}, killed {_fmt(f['killed'])}, "
                f"claimed_by {_fmt(f['claimed_by'])}{scope_err}",
                highlight=False,
            )
            console.print(f"    {f['quote']}", highlight=False, markup=False)
    if report.mismatches:
        console.print(f"\n[bold]Field mismatches ({len(report.mismatches)})[/bold]")
        mt = Table(show_header=True)
        for col in ("claim", "evidence", "field", "gold", "predicted"):
            mt.add_column(col, overflow="fold")
        for m in report.mismatches:
            where = f"{m.get('set') + '/' if m.get('set') else ''}{m['article_id']} #{m['gold_index']}"
            if m["scope"] != "incident":
                where += f" ({m['scope']})"
            mt.add_row(where, m["evidence"], m["field"], _fmt(m["gold"]), _fmt(m["predicted"]))
        console.print(mt)


def print_evaluation(ev: Evaluation) -> None:
    """Every set, then the pooled numbers when there is more than one set."""
    for err in ev.ingest_errors:
        err_console.print(f"[red]input error[/red] {err}", highlight=False)
    for i, r in enumerate(ev.sets):
        if i:
            console.rule()
        print_report(r)
    if len(ev.sets) > 1:
        console.rule("[bold]overall[/bold]")
        print_report(ev.overall, detail=False)
    if ev.unmatched_inputs:
        console.print(f"[dim]{ev.unmatched_inputs} input article(s) matched no gold article (ignored)[/dim]")


@app.command("evaluate", help=EVALUATE_HELP)
def evaluate_cmd(
    gold: Annotated[
        list[Path],
        typer.Option("--gold", "-g", help="Gold YAML file or folder of *.yaml; repeat for several sets."),
    ],
    inputs: Annotated[
        list[str] | None,
        typer.Option(
            "--input", "-i",
            help="Articles in any form `run` reads (raw dump, .jsonl, folder...); repeat, or list more.",
        ),
    ] = None,
    more_inputs: Annotated[
        list[str] | None, typer.Argument(help="More article inputs (same as --input).", show_default=False)
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (tables) or json (one object).")] = "text",
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", help="Exit 1 when any set's incident F1 is below this (e.g. 0.9)."),
    ] = None,
    no_geo: Annotated[
        bool, typer.Option("--no-geo", help="Skip geocoding (places compared by name only).")
    ] = False,
) -> None:
    if fmt not in ("text", "json"):
        raise typer.BadParameter("format must be text or json", param_hint="--format")
    paths = gold_paths(gold)
    if not paths:
        where = ", ".join(map(str, gold))
        err_console.print(f"[red]error[/red] no gold files found in {escape(where)}", highlight=False)
        raise typer.Exit(2)
    sets = []
    bad = False
    for p in paths:
        try:
            sets.append(load_gold(p))
        except GoldError as exc:
            bad = True
            for problem in exc.problems:
                err_console.print(f"[red]gold error[/red] {escape(problem)}", highlight=False)
    if bad:
        raise typer.Exit(2)
    all_inputs = [*(inputs or []), *(more_inputs or [])]
    geocoder = None
    if not no_geo:
        from conflictwatch.geo import Geocoder

        geocoder = Geocoder.for_store(None)
    try:
        ev = evaluate(sets, all_inputs or None, geocoder)
    except NotImplementedError as exc:
        err_console.print(f"[red]error[/red] a pipeline stage is not available yet: {exc!r}", highlight=False)
        raise typer.Exit(2) from exc
    if fmt == "json":
        typer.echo(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_evaluation(ev)
    if fail_under is not None:
        failing = ev.fails_under(fail_under)
        if failing:
            err_console.print(
                f"[red]incident F1 below {fail_under}[/red] in: {', '.join(failing)}", highlight=False
            )
            raise typer.Exit(1)
