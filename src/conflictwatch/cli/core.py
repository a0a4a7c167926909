"""The Typer application objects, error reporting and logging; command modules attach to these.

Every error reaches the user as one line on standard error ("error: FILE:LINE: what went wrong"),
whether it is a usage error, a refused option value, a missing database or bad input met while
running; exit status 2 for usage errors, 1 for the others.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from typer import _click as click  # the click vendored by typer: its exceptions are the ones raised
from typer.core import TyperArgument, TyperGroup

from conflictwatch.store.names import StoreError

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one message, one line: never wrapped

DB_HELP = ("Database: a file path (SQLite) or a URL such as postgresql://user@host/dbname "
           "(default: $CONFLICTWATCH_DB, else conflictwatch.db).")

_TYPE_LABELS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH", "bool": ""}


def _type_label(param: Any, ctx: Any) -> str | None:
    """What help shows as a parameter's type: its metavar, else TEXT/INTEGER/PATH or the choices.

    Typer prints Python types (`<str>`, `<bool>`, `<list[str]>`) there; flags need nothing.
    """
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar is not None and not isinstance(param, TyperArgument):
        return str(param.metavar)
    raw = type(param).display_type(param, ctx).strip("<>")
    raw = raw.removeprefix("list[").removesuffix("]")
    label = _TYPE_LABELS.get(raw, raw if "|" in raw else raw.upper())
    return (label + "...") if label and param.nargs != 1 else label or None


def _teach_types(params: Sequence[Any]) -> None:
    for p in params:
        if not getattr(p, "_cw_labelled", False):
            p.display_type_rich = lambda ctx, _p=p: _type_label(_p, ctx)
            p._cw_labelled = True


class CliGroup(TyperGroup):
    """Typer's group with help that names types as users know them and one-line errors."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _teach_types(params)
        return params

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None and not isinstance(cmd, TyperGroup):
            _teach_types([*cmd.params, *filter(None, [cmd.get_help_option(ctx)])])
        return cmd

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as e:  # the help was printed when it was raised
            sys.exit(e.exit_code)
        except click.exceptions.ClickException as e:
            print_error(e.format_message(), hint=_help_hint(e))
            sys.exit(e.exit_code)
        except StoreError as e:  # a database that cannot be opened: one line, no traceback
            print_error(str(e))
            sys.exit(1)
        except (KeyboardInterrupt, EOFError):  # (typer's vendored click has no Abort to catch)
            print_error("aborted")
            sys.exit(130)
        except BrokenPipeError:  # `conflictwatch events | head`: the reader has all it wanted
            sys.stderr.close()
            sys.exit(0)
        sys.exit(rv if isinstance(rv, int) else 0)


def _help_hint(e: Any) -> str | None:
    ctx = getattr(e, "ctx", None)
    if isinstance(e, click.exceptions.UsageError) and ctx is not None:
        return f"see '{ctx.command_path} --help'"
    return None


def print_error(message: str, hint: str | None = None) -> None:
    """The one line an error gets: "error: MESSAGE (HINT)" on standard error."""
    # typer validates choices through pydantic, whose messages start "Value error, "
    text = " ".join(str(message).replace("Value error, ", "").split())
    err_console.print(
        f"[bold red]error:[/bold red] {escape(text)}" + (f" [dim]({escape(hint)})[/dim]" if hint else ""),
        highlight=False, soft_wrap=True,
    )


app = typer.Typer(
    name="conflictwatch",
    cls=CliGroup,
    help=(
        "Turn news reports about armed conflict into a source-attributed event database.\n\n"
        "Typical use: `conflictwatch run articles.txt` reads, extracts, geocodes and stores;\n"
        "`conflictwatch events` shows the reconciled incidents;\n"
        "`conflictwatch export ...` writes them out.\n\n"
        "Tables fit the terminal; piped or redirected, they are plain tab-separated text.\n"
        "Formats: docs/formats.md; ACLED and UCDP GED columns: docs/exports.md."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
export_app = typer.Typer(
    cls=CliGroup,
    help=(
        "Write stored data as files: claims (JSON Lines, CSV), articles (JSON Lines), events "
        "(ACLED-style CSV, JSON Lines, GeoJSON, Parquet, or a UCDP GED-style CSV). "
        "Every field is described in docs/formats.md."
    ),
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


def note(message: str) -> None:
    """A status line on standard error (rich markup allowed), never wrapped: logs stay greppable."""
    err_console.print(message, highlight=False, soft_wrap=True)


class OneLineHandler(logging.Handler):
    """Log records as single lines: "error: ...", "warning: ...", plain text for info/debug."""

    STYLES = {"ERROR": "bold red", "CRITICAL": "bold red", "WARNING": "yellow"}

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = " ".join(self.format(record).split())
        except Exception:  # a broken log call must not stop the job
            self.handleError(record)
            return
        level = record.levelname
        if level in self.STYLES:
            style = self.STYLES[level]
            line = f"[{style}]{level.lower()}:[/{style}] {escape(msg)}"
            err_console.print(line, highlight=False, soft_wrap=True)
        else:
            err_console.print(escape(msg), highlight=False, soft_wrap=True, style="dim")


def setup_logging(verbose: bool) -> None:
    """Our handler on the root logger (once): warnings and errors of every library, and with
    --verbose conflictwatch's own debug lines (not every library's)."""
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, OneLineHandler)]:
        root.removeHandler(h)
    handler = OneLineHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("conflictwatch").setLevel(logging.DEBUG if verbose else logging.NOTSET)


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show debug logs."),
) -> None:
    setup_logging(verbose)


__all__ = ["DB_HELP", "app", "console", "err_console", "export_app", "note", "print_error", "setup_logging"]
