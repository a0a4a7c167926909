"""`conflictwatch evaluate`: measure extraction against gold sets or UCDP's codings of real news.

A thin layer: options in, `conflictwatch.evaluate` does the work and the rendering.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from conflictwatch.cli.core import app, console, err_console

# conflictwatch.evaluate (ten modules) is imported by the command itself, not with the command line:
# every other command, `run` first, starts without it.
if TYPE_CHECKING:
    from conflictwatch.evaluate.ucdp import Requirement
    from conflictwatch.evaluate.ucdp_run import UcdpEvaluation

EVALUATE_HELP = """Score extracted claims against hand-annotated gold sets (`--gold`) or against UCDP's
codings of real news (`--ucdp`), and show what went wrong.

**--gold**: a gold set is a YAML file (see **docs/gold-format.md**):

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

**--ucdp CODINGS**: one UCDP coding per line (id, start_date, end_date, deaths_low, deaths_high,
location_*_name), e.g. `../shared/corpus/ucdp-2022-dev-codings.jsonl`. The claims come from a fresh
run on `--input` (articles with `id` = `ucdp-<UCDP id>`; no database needed) or from an existing
`export claims --format jsonl` file given with `--claims`. The measures are the reference scorer's
(`../shared/tools/score_ucdp.py`), computed the same way: detected, event_right (an incident claim
with UCDP's date +-1 day and a toll in its range, no figure = 0), lead_event_right (the first incident
claim), event_and_place_right, country_right, totals_as_incident, incidents_per_article. Then every
article not right, grouped by kind of error, UCDP's coding next to the claims found
(`--show N` per kind; `--format json` lists all).

Exit status: 0; 1 when a threshold fails (`--fail-under`: each set's incident F1 with --gold,
event_right with --ucdp; `--require`); 2 for a bad gold, codings or claims file.
"""


@app.command("evaluate", help=EVALUATE_HELP)
def evaluate_cmd(
    gold: Annotated[
        list[Path] | None,
        typer.Option("--gold", "-g", help="Gold YAML file or folder of *.yaml; repeat for several sets."),
    ] = None,
    ucdp: Annotated[
        Path | None,
        typer.Option("--ucdp", help="UCDP codings (JSONL) to score against, instead of gold sets."),
    ] = None,
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
    claims: Annotated[
        Path | None,
        typer.Option("--claims", help="With --ucdp: score this `export claims --format jsonl` file instead."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (tables) or json (one object).")] = "text",
    show: Annotated[
        int | None,
        typer.Option("--show", help="With --ucdp: articles listed per kind of error (default 5; 0 = none)."),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            help="Exit 1 below this: each set's incident F1 (--gold) or event_right (--ucdp), e.g. 0.9.",
        ),
    ] = None,
    require: Annotated[
        list[str] | None,
        typer.Option(
            "--require",
            help="With --ucdp: exit 1 unless MEASURE>=VALUE or MEASURE<=VALUE holds "
            "(e.g. event_right>=0.8, totals_as_incident<=0); repeat for several.",
        ),
    ] = None,
    no_geo: Annotated[
        bool, typer.Option("--no-geo", help="With --gold: skip geocoding (places compared by name only).")
    ] = False,
) -> None:
    from conflictwatch.evaluate.ucdp import Requirement

    if fmt not in ("text", "json"):
        raise typer.BadParameter("format must be text or json", param_hint="--format")
    all_inputs = [*(inputs or []), *(more_inputs or [])]
    if (gold is None) == (ucdp is None):
        raise typer.BadParameter("give --gold GOLD or --ucdp CODINGS (one of them)", param_hint="--gold")
    if ucdp is not None:
        if no_geo:
            raise typer.BadParameter(
                "does not apply to --ucdp: places and countries come from geocoding", param_hint="--no-geo"
            )
        if bool(all_inputs) == (claims is not None):
            raise typer.BadParameter(
                "with --ucdp give the articles (--input) or a claims export (--claims), one of them",
                param_hint="--input/--claims",
            )
        try:
            reqs = [Requirement.parse(r) for r in require or []]
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--require") from exc
        if fail_under is not None:
            reqs.append(Requirement("event_right", ">=", fail_under))
        _ucdp(ucdp, all_inputs or None, claims, fmt, 5 if show is None else show, reqs)
        return
    for name, given in (("--claims", claims), ("--require", require), ("--show", show)):
        if given is not None:
            raise typer.BadParameter("only applies to --ucdp", param_hint=name)
    _gold(gold or [], all_inputs, fmt, fail_under, no_geo)


def _gold(gold: list[Path], all_inputs: list[str], fmt: str, fail_under: float | None, no_geo: bool) -> None:
    from conflictwatch.evaluate import GoldError, evaluate, gold_paths, load_gold
    from conflictwatch.evaluate.report import print_evaluation

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
        print_evaluation(ev, console, err_console)
    if fail_under is not None:
        failing = ev.fails_under(fail_under)
        if failing:
            err_console.print(
                f"[red]incident F1 below {fail_under}[/red] in: {', '.join(failing)}", highlight=False
            )
            raise typer.Exit(1)


def _ucdp(
    codings: Path, inputs: list[str] | None, claims: Path | None, fmt: str, show: int, reqs: list[Requirement]
) -> None:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    from conflictwatch.evaluate.report import print_ucdp
    from conflictwatch.evaluate.ucdp import failed
    from conflictwatch.evaluate.ucdp_codings import CodingError
    from conflictwatch.evaluate.ucdp_run import ClaimsError, evaluate_ucdp
    from conflictwatch.models import IngestError

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
        TextColumn("{task.completed} articles"), console=err_console, transient=True,
        disable=not err_console.is_terminal,
    ) as progress:
        task = progress.add_task("extracting", total=None)

        def on_item(item: object) -> None:
            if not isinstance(item, IngestError):
                progress.advance(task)

        try:
            ev = evaluate_ucdp(codings, inputs, claims, on_item=on_item)
        except (CodingError, ClaimsError) as exc:
            err_console.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(2) from exc
    _ucdp_messages(ev)
    if fmt == "json":
        out = ev.to_dict()
        out["requirements"] = [
            {"requirement": str(r), "pass": r.holds(ev.score.measures())} for r in reqs
        ]
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print_ucdp(ev.score, console, show=show, source=ev.source)
    broken = failed(reqs, ev.score.measures())
    if broken:
        err_console.print(f"[red]below the bar[/red]: {', '.join(map(str, broken))}", highlight=False)
    if ev.problems:
        raise typer.Exit(2)
    if broken:
        raise typer.Exit(1)


def _ucdp_messages(ev: UcdpEvaluation) -> None:
    for p in ev.problems:
        err_console.print(f"[red]bad line (skipped)[/red] {escape(p)}", highlight=False)
    for e in ev.input_errors:
        err_console.print(f"[red]input error[/red] {escape(e)}", highlight=False)
    for w in ev.warnings:
        err_console.print(f"[yellow]warning[/yellow] {escape(w)}", highlight=False)
