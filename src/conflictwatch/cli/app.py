"""The Typer application objects; command modules attach themselves to these."""

from __future__ import annotations

import logging

import typer
from rich.console import Console
from rich.logging import RichHandler

app = typer.Typer(
    name="conflictwatch",
    help=(
        "Turn news reports about armed conflict into a source-attributed event database.\n\n"
        "Typical use: `conflictwatch run articles.txt` reads, extracts, geocodes and stores;\n"
        "`conflictwatch events` shows the reconciled incidents; `conflictwatch export ...` writes them out."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
export_app = typer.Typer(
    help="Write stored data in the contract's formats (shared/spec/formats.md).", no_args_is_help=True
)
app.add_typer(export_app, name="export")

console = Console()
err_console = Console(stderr=True)

DB_HELP = "Database: a file path (SQLite) or an SQLAlchemy URL such as postgresql+psycopg://user@host/db."


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Show debug logs.")) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=err_console, show_path=False, show_time=False)],
    )
