"""The human-readable reports of `conflictwatch evaluate`: numbers first, then the cases behind them.

Rendering lives here rather than in the CLI so that the command stays a thin layer and the
reports can be printed to any rich Console (a file, a test's capture).
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from conflictwatch.evaluate.runner import Evaluation
from conflictwatch.evaluate.scoring import FIELDS, TARGETS, SetReport
from conflictwatch.evaluate.ucdp import KINDS, MEASURES, UcdpScore


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


# --------------------------------------------------------------------------------------------
# UCDP


def _killed(v: Any) -> str:
    if v is None:
        return "no figure"
    if not isinstance(v, dict):
        return f"{v} killed"
    lo, hi = v.get("low"), v.get("high")
    if hi is None:
        return f"{lo}+ killed"
    return f"{lo} killed" if lo == hi else f"{lo}-{hi} killed"


def _expected_line(e: dict[str, Any]) -> str:
    start, end = e["dates"]
    when = start if start == end else f"{start}..{end}"
    lo, hi = e["deaths"]
    toll = f"{lo}" if lo == hi else f"{lo}-{hi}"
    within = "; ".join(x for x in (e["adm2"], e["adm1"]) if x)
    place = f"{e['where'] or '?'}" + (f" ({within})" if within else "")
    return f"UCDP: {when} (+-1 day), {toll} killed, {place}, {e['country'] or '?'}"


def _found_line(f: dict[str, Any]) -> str:
    when = f["date_start"] or "no date"
    if f["date_basis"] == "published":
        when += " (published)"
    place = ", ".join(x for x in (f["location"], f["admin2"], f["admin1"]) if x) or "no place"
    line = f"{_killed(f['killed'])}, {when}, {place}; {f['country'] or 'no country'}"
    if f["scope"] != "incident":
        return f"({f['scope']}) {line}"
    marks = " ".join(("+" if f[k + "_right"] else "-") + k for k in ("date", "toll", "place", "country"))
    return f"[{marks}] {line}"


def print_ucdp(score: UcdpScore, console: Console, show: int = 5, source: str | None = None,
               claims_per_article: int = 5) -> None:
    """Measures (as the reference scorer prints them), then the articles not right, by kind of error."""
    m, c = score.measures(), score.counts()
    head = f"[bold]UCDP codings[/bold]: {m['articles']} articles"
    if source:
        head += f"; claims from {source}"
    console.print(head, highlight=False)
    t = Table(show_header=True, box=None, pad_edge=False)
    for col in ("measure", "value", "count", "what it measures"):
        t.add_column(col)
    n = m["articles"]
    for k, what in MEASURES.items():
        if k == "articles":
            continue
        v = m[k]
        shown = "n/a" if v is None else str(v)
        count = (
            f"{c['incidents']} claims" if k == "incidents_per_article"
            else "" if k == "totals_as_incident" else f"{c[k]}/{n}"
        )
        t.add_row(k, shown, count, what)
    console.print(t)
    if score.claims_without_coding:
        console.print(
            f"[dim]{score.claims_without_coding} claim(s) of articles UCDP did not code (ignored)[/dim]",
            highlight=False,
        )
    groups = score.by_kind()
    if not groups:
        return
    console.print("\n[bold]Articles not right, by kind of error[/bold] (each under the first that applies)")
    kt = Table(show_header=False, box=None, pad_edge=False)
    for k, arts in groups.items():
        kt.add_row(f"  {KINDS[k]}", str(len(arts)), f"[dim]{k}[/dim]")
    console.print(kt)
    if show <= 0:
        return
    for k, arts in groups.items():
        console.print(f"\n[bold]{KINDS[k]}[/bold] ({len(arts)})", highlight=False)
        for a in arts[:show]:
            d = a.to_dict()
            line = f"{escape(d['article_id'])}[/cyan]  {escape(_expected_line(d['expected']))}"
            console.print(f"- [cyan]{line}", highlight=False)
            found = [f for f in d["found"] if f["scope"] == "incident"] or d["found"]
            for f in found[:claims_per_article]:
                console.print(f"    {_found_line(f)}", highlight=False, markup=False)
            if len(found) > claims_per_article:
                console.print(f"    ... {len(found) - claims_per_article} more claim(s)", highlight=False)
        if len(arts) > show:
            more = len(arts) - show
            console.print(f"  [dim]... {more} more (--show N; --format json: all)[/dim]", highlight=False)
