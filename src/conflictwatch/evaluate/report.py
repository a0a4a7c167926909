"""The human-readable reports of `conflictwatch evaluate`: numbers first, then the cases behind them.

Rendering lives here rather than in the CLI so that the command stays a thin layer and the
reports can be printed to any rich Console (a file, a test's capture).
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from conflictwatch.evaluate.runner import Evaluation
from conflictwatch.evaluate.scoring import FIELDS, TARGETS, SetReport


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


def print_report(report: SetReport, console: Console, detail: bool = True) -> None:
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


def print_evaluation(ev: Evaluation, console: Console, err_console: Console) -> None:
    """Every set, then the pooled numbers when there is more than one set."""
    for err in ev.ingest_errors:
        err_console.print(f"[red]input error[/red] {err}", highlight=False)
    for i, r in enumerate(ev.sets):
        if i:
            console.rule()
        print_report(r, console)
    if len(ev.sets) > 1:
        console.rule("[bold]overall[/bold]")
        print_report(ev.overall, console, detail=False)
    if ev.unmatched_inputs:
        console.print(f"[dim]{ev.unmatched_inputs} input article(s) matched no gold article (ignored)[/dim]")
