"""`conflictwatch gazetteer ...` and `conflictwatch places`: manage and inspect place names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from conflictwatch.cli.core import CliGroup, app, console, note
from conflictwatch.cli.options import DbOpt, open_existing
from conflictwatch.store.names import DEFAULT_DB

gazetteer_app = typer.Typer(
    cls=CliGroup,
    help=(
        "Your own places, searched before the bundled gazetteer.\n\n"
        "The bundled data (GeoNames cities500 + Who's On First, for 15 conflict countries) has towns and "
        "villages but few city districts. Load a GeoNames dump for the country (e.g. `SY.zip` or `SY.txt` "
        "from GeoNames, which lists districts as PPLX), or a CSV you write yourself:\n\n"
        "    name,lat,lon,admin1,country\n\n"
        "    al-Marjeh,36.187,37.183,Aleppo,SY\n\n"
        "Small spelling fixes are easier in a YAML aliases file: see `data/places.yaml` in the package and "
        "set CONFLICTWATCH_PLACES=/path/to/my-places.yaml. "
        "Find names to fix with `conflictwatch places --unresolved`.\n\n"
        "The bundled gazetteer is searched through an on-disk index built on first use (about 20 s, "
        "once per gazetteer version) in $CONFLICTWATCH_CACHE or your user cache folder; "
        "`conflictwatch gazetteer build-index` builds it ahead of time."
    ),
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("load")
def gazetteer_load(
    file: Annotated[Path, typer.Argument(
        exists=True, dir_okay=False,
        help="GeoNames dump (XX.txt / allCountries.txt, or a .zip holding one) or a CSV with header "
        "name,lat,lon[,admin1,country] (latitude/longitude also accepted).",
    )],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Load places into the database. Loading the same file again adds nothing; bad lines are listed."""
    from conflictwatch.geo.userdata import load_file
    from conflictwatch.store import open_store

    store = open_store(db)
    report = load_file(store, file)
    for e in report.errors[:50]:
        console.print(f"[red]bad row[/red] {e}", highlight=False)
    if len(report.errors) > 50:
        console.print(f"... and {len(report.errors) - 50} more bad rows")
    console.print(
        f"loaded {report.loaded} places from {file} ({report.duplicates} names already stored, "
        f"{len(report.errors)} bad rows)",
        highlight=False,
    )
    if report.loaded == 0 and report.errors:
        raise typer.Exit(1)


@gazetteer_app.command("list")
def gazetteer_list(db: DbOpt = DEFAULT_DB) -> None:
    """Show which files were loaded and how many names each gave."""
    from conflictwatch.cli.output import Col, print_table
    from conflictwatch.geo.userdata import gazetteer_stats

    rows = [[src, str(n)] for src, n in gazetteer_stats(open_existing(db))]
    print_table([Col("file"), Col("names", "right")], rows, title="your gazetteer")


@gazetteer_app.command("clear")
def gazetteer_clear(
    source: str | None = typer.Option(None, "--source", help="Only rows loaded from this file (as listed)."),
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Delete your loaded places (all, or one file's). The bundled gazetteer is not affected."""
    from conflictwatch.geo.userdata import clear_gazetteer

    console.print(f"deleted {clear_gazetteer(open_existing(db), source)} rows")


@app.command("places")
def places(
    unresolved: bool = typer.Option(
        False, "--unresolved", help="Only place names that got no coordinates: add them to an aliases file "
        "(CONFLICTWATCH_PLACES) or `gazetteer load` them, then run again."
    ),
    db: DbOpt = DEFAULT_DB,
) -> None:
    """List the place names of stored claims with how many claims name them (most first)."""
    from conflictwatch.cli.output import Col, print_table
    from conflictwatch.geo.userdata import place_counts

    rows = place_counts(open_existing(db), unresolved)
    if not rows:
        note("none" if unresolved else "no geocoded claims stored")
        return
    if unresolved:
        cols = [Col("location"), Col("claims", "right")]
        cells = [[loc, str(n)] for loc, _, _, n in rows]
    else:
        cols = [Col("location"), Col("admin1"), Col("country"), Col("claims", "right")]
        cells = [[loc, admin1 or "", country or "", str(n)] for loc, admin1, country, n in rows]
    print_table(cols, cells, title="places without coordinates" if unresolved else "geocoded places")


@gazetteer_app.command("build-index")
def gazetteer_build_index(
    force: bool = typer.Option(False, "--force", help="Rebuild even when a valid index exists."),
    cache: Path | None = typer.Option(
        None, "--cache", file_okay=False,
        help="Folder for the index (default: $CONFLICTWATCH_CACHE, else your user cache folder).",
    ),
) -> None:
    """Build the on-disk index of the bundled gazetteer now, instead of on the first geocoded run.

    The index is named by the gazetteer's hash: a new package version with new place data builds a
    new one. Safe to run while other conflictwatch processes build or use it.
    """
    from conflictwatch.geo.gazetteer import bundled_source
    from conflictwatch.geo.index import ensure_index

    info = ensure_index(bundled_source(), [cache] if cache is not None else None, force=force, announce=False)
    size = info.path.stat().st_size / 1e6
    what = f"built in {info.seconds:.1f} s" if info.built else "already built"
    console.print(f"gazetteer index {what}: [bold]{info.path}[/bold] ({size:.0f} MB)", highlight=False)
