"""`conflictwatch reconcile`, `conflictwatch events` and `conflictwatch export events`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from conflictwatch.cli.core import app, console, export_app, note
from conflictwatch.cli.options import (
    DEFAULT_DB,
    ActorOpt,
    CountryOpt,
    DbOpt,
    EventsFormat,
    MinFatalitiesOpt,
    OutOpt,
    SinceOpt,
    TypeOpt,
    UntilOpt,
    event_filter,
    open_existing,
)

# Reconciliation, the exports and the tables are imported by the commands that use them.


@app.command("reconcile")
def reconcile_cmd(
    db: DbOpt = DEFAULT_DB,
    all_: Annotated[bool, typer.Option(
        "--all", help="Rebuild every event from all stored claims (same result, slower).")] = False,
) -> None:
    """Group the stored incident claims into events and print how many there are.

    Claims about the same incident (same day, same or containing place, same kind of attack)
    from any article or source become one event; `conflictwatch run` does this automatically,
    for the claims it stored (a run that was interrupted leaves its claims to the next run or to
    this command). Only the new claims' blocks (same day and place, province or country) are
    regrouped; --all rebuilds every event and gives the same result. Events keep their ids. The
    best fatality figure is ACLED's conservative one: the lowest of the sources' latest figures,
    never a sum; an event is *disputed* when sources disagree.
    """
    from conflictwatch.reconcile import reconcile_all, reconcile_pending

    store = open_existing(db)
    result = reconcile_all(store) if all_ else reconcile_pending(store)
    console.print(result.describe(), highlight=False)


@app.command("events")
def events_cmd(
    db: DbOpt = DEFAULT_DB,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    country: CountryOpt = None,
    actor: ActorOpt = None,
    min_fatalities: MinFatalitiesOpt = None,
    limit: Annotated[int, typer.Option(
        "--limit", min=1, metavar="N", help="Show at most N events (the most recent)."
    )] = 100,
) -> None:
    """Show reconciled incidents, newest first: date, type, place, killed, disputed, sources, claims.

    *killed* is the best estimate with the range the sources give in brackets, e.g. `12 [12–14]`;
    *disputed* says the sources' tolls differ. Piped, the table is tab-separated text. Examples:

        conflictwatch events --country Syria --since 2016-10-01
        conflictwatch events --type "air" --min-fatalities 10 --limit 20
        conflictwatch events | sort -t$'\\t' -k4 -n
    """
    from conflictwatch.cli.output import print_events
    from conflictwatch.export.events import load_filtered

    flt = event_filter(since, until, type_, country, actor, min_fatalities)
    store = open_existing(db)
    events = load_filtered(store, flt)
    if not events:
        if store.count("events") == 0 and store.count("claims") > 0:
            note("no events yet: run `conflictwatch reconcile` to build them from the claims")
        else:
            note("no events match")
        return
    # newest first; undated events last
    events.sort(key=lambda e: (e.event_date is not None, e.event_date or date.min, e.event_id), reverse=True)
    shown = events[:limit]
    count = f"{len(shown)} of {len(events)}" if len(shown) < len(events) else str(len(events))
    title = f"Events ({count})"
    print_events(shown, title)


@export_app.command("events")
def export_events(
    fmt: Annotated[EventsFormat, typer.Option(
        "--format", "-f",
        help="csv, jsonl, geojson, parquet: ACLED's columns then ours; ged: UCDP GED's columns.",
    )] = EventsFormat.csv,
    db: DbOpt = DEFAULT_DB,
    out: OutOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    country: CountryOpt = None,
    actor: ActorOpt = None,
    min_fatalities: MinFatalitiesOpt = None,
) -> None:
    """Write reconciled events, one row per incident, in ACLED-compatible or GED columns.

    csv/jsonl/geojson/parquet: every column of ACLED's export in ACLED's order (event_id_cnty,
    event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1,
    assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso,
    region, country, admin1-3, location, latitude, longitude, geo_precision, source,
    source_scale, notes, fatalities, tags, timestamp), then fatalities_low, fatalities_high,
    injured, children_killed, n_claims, n_articles, claim_ids, disputed. The file loads wherever
    ACLED files load (pandas, R, QGIS). ged: UCDP GED's columns (best/low/high, side_a/side_b,
    where_prec, date_prec...), fatal events only. How each column is filled: docs/exports.md.

        conflictwatch export events --format geojson --out events.geojson
        conflictwatch export events --format ged --country Syria --out syria-ged.csv
    """
    from conflictwatch.cli.output import open_out
    from conflictwatch.export.events import write_events

    if fmt is EventsFormat.parquet and out is None:
        raise typer.BadParameter("parquet is binary: give --out FILE", param_hint="--out")
    flt = event_filter(since, until, type_, country, actor, min_fatalities)
    store = open_existing(db)
    if fmt is EventsFormat.parquet:
        n = write_events(store, fmt.value, out, flt)
    else:
        with open_out(out) as fh:
            n = write_events(store, fmt.value, fh, flt)
    note(f"{n} events written")


__all__ = ["events_cmd", "export_events", "reconcile_cmd"]
