"""`conflictwatch reconcile`, `conflictwatch events` and `conflictwatch export events`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from conflictwatch.cli.app import DB_HELP, app, console, err_console, export_app
from conflictwatch.cli.run import open_out
from conflictwatch.export.events import FORMATS, EventFilter, load_filtered, write_events
from conflictwatch.models import Event
from conflictwatch.reconcile import reconcile_store
from conflictwatch.reconcile.build import place_label
from conflictwatch.store import DEFAULT_DB, open_store


def _date(value: str | None, hint: str) -> date | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=hint) from exc


SINCE_HELP = "Only events on or after this date (YYYY-MM-DD)."
UNTIL_HELP = "Only events on or before this date (YYYY-MM-DD)."
TYPE_HELP = "Only events whose type or sub-type contains this text, e.g. 'air' or 'Battles'."
COUNTRY_HELP = "Only events whose country contains this text, e.g. 'Syria'."
ACTOR_HELP = "Only events where either actor contains this text, e.g. 'Russia'."
MINF_HELP = "Only events whose best fatality estimate is at least N."
OUT_HELP = "Output file (default: standard output; parquet needs a file)."


# The filters `events` and `export events` share, declared once.
SinceOpt = Annotated[str | None, typer.Option("--since", help=SINCE_HELP)]
UntilOpt = Annotated[str | None, typer.Option("--until", help=UNTIL_HELP)]
TypeOpt = Annotated[str | None, typer.Option("--type", help=TYPE_HELP)]
CountryOpt = Annotated[str | None, typer.Option("--country", help=COUNTRY_HELP)]
ActorOpt = Annotated[str | None, typer.Option("--actor", help=ACTOR_HELP)]
MinFatalitiesOpt = Annotated[int | None, typer.Option("--min-fatalities", min=0, help=MINF_HELP)]


@app.command("reconcile")
def reconcile_cmd(db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP)) -> None:
    """Rebuild events from the stored incident claims and print how many there are.

    Claims about the same incident (same day, same or containing place, same kind of attack)
    from any article or source become one event; `conflictwatch run` does this automatically.
    Events keep their ids across re-runs. The best fatality figure is ACLED's conservative one:
    the lowest of the sources' latest figures, never a sum; an event is *disputed* when sources
    disagree.
    """
    store = open_store(db)
    console.print(reconcile_store(store), highlight=False)


def _filter(
    since: str | None,
    until: str | None,
    type_: str | None,
    country: str | None,
    actor: str | None,
    min_fatalities: int | None,
) -> EventFilter:
    """The filter options shared by `events` and `export events`."""
    return EventFilter(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        type=type_,
        country=country,
        actor=actor,
        min_fatalities=min_fatalities,
    )


def _figures(e: Event) -> str:
    if e.fatalities is None:
        return ""
    text = str(e.fatalities)
    if e.fatalities_high is not None and e.fatalities_high != e.fatalities:
        text += f" [{e.fatalities_low}\u2013{e.fatalities_high}]"
    return text


def events_table(events: list[Event], title: str) -> Table:
    """A readable table of events: one row per incident."""
    t = Table(title=title, caption="! = sources disagree on the toll (best = lowest credible figure)")
    for col, kw in (
        ("date", {"no_wrap": True}),
        ("type", {}),
        ("location", {}),
        ("killed", {"justify": "right"}),
        ("", {"width": 1}),
        ("sources", {}),
        ("claims", {"justify": "right"}),
    ):
        t.add_column(col, overflow="fold", **kw)  # type: ignore[arg-type]
    for e in events:
        t.add_row(
            e.event_date.isoformat() if e.event_date else "?",
            e.sub_event_type or e.event_type or "",
            place_label(e.location, e.admin1) or (e.country or ""),
            _figures(e),
            "[bold red]![/bold red]" if e.disputed else "",
            "; ".join(e.sources),
            str(len(e.claim_ids)),
        )
    return t


@app.command("events")
def events_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    country: CountryOpt = None,
    actor: ActorOpt = None,
    min_fatalities: MinFatalitiesOpt = None,
    limit: int = typer.Option(100, "--limit", min=1, help="Show at most N events (the most recent)."),
) -> None:
    """Show reconciled incidents, newest first: date, type, place, killed, sources, claims.

    *killed* is the best estimate with the range the sources give in brackets, e.g. `12 [12–14]`;
    `!` marks a disputed toll. Examples:

        conflictwatch events --country Syria --since 2016-10-01
        conflictwatch events --type "air" --min-fatalities 10 --limit 20
    """
    flt = _filter(since, until, type_, country, actor, min_fatalities)
    store = open_store(db)
    events = load_filtered(store, flt)
    if not events:
        if store.count("events") == 0 and store.count("claims") > 0:
            err_console.print("no events yet: run `conflictwatch reconcile` to build them from the claims")
        else:
            err_console.print("no events match")
        return
    # newest first; undated events last
    events.sort(key=lambda e: (e.event_date is not None, e.event_date or date.min, e.event_id), reverse=True)
    shown = events[:limit]
    title = f"Events ({len(shown)} of {len(events)})"
    if len(shown) == len(events):
        title = f"Events ({len(events)})"
    console.print(events_table(shown, title))


@export_app.command("events")
def export_events(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, jsonl, geojson or parquet."),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    out: Annotated[Path | None, typer.Option("--out", "-o", help=OUT_HELP)] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    country: CountryOpt = None,
    actor: ActorOpt = None,
    min_fatalities: MinFatalitiesOpt = None,
) -> None:
    """Write reconciled events, one row per incident, in ACLED-compatible columns.

    Columns: event_id_cnty, event_date, time_precision, event_type, sub_event_type, actor1,
    actor2, country, admin1, location, latitude, longitude, geo_precision, source, notes,
    fatalities (best estimate), fatalities_low, fatalities_high, injured, children_killed,
    n_claims, n_articles, claim_ids, disputed. CSV loads wherever ACLED CSVs load; GeoJSON holds
    only events with coordinates (the others are counted in a warning).

        conflictwatch export events --format geojson --out events.geojson
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet is binary: give --out FILE", param_hint="--out")
    flt = _filter(since, until, type_, country, actor, min_fatalities)
    store = open_store(db)
    if fmt == "parquet":
        assert out is not None
        n = write_events(store, fmt, out, flt)
    else:
        with open_out(out) as fh:
            n = write_events(store, fmt, fh, flt)
    err_console.print(f"{n} events written", highlight=False)
