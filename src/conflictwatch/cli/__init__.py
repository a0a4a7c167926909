"""The `conflictwatch` command line: one module of commands per pipeline stage.

`main` imports the commands (typer, rich and every command module, ~0.15 s) only after it has
looked at its first argument: a `run` forks its extraction worker first (`conflictwatch.early`),
and that much sooner. `app`, the Typer application with every command, is made on first use.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

#: The modules whose commands make up the program (each registers its own on import).
COMMANDS = ("articles", "backup", "evaluate", "events", "geo", "maintain", "report", "run", "serve", "watch")


def application() -> typer.Typer:
    """The Typer application with every command registered."""
    for name in COMMANDS:
        importlib.import_module(f"conflictwatch.cli.{name}")
    from conflictwatch.cli.core import app

    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return application()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The `conflictwatch` program. Once the command is done, its databases are closed and the
    objects it made are frozen: the interpreter's shutdown then frees them without searching
    them all for reference cycles, which took 0.4-0.7 s after a `run` that loaded spaCy."""
    if sys.argv[1:2] == ["run"]:  # the extractor starts loading on the other core now
        from conflictwatch import early

        early.prefork(sys.argv[1:])
    try:
        application()()
    finally:
        early_ = sys.modules.get("conflictwatch.early")
        if early_ is not None:
            early_.discard()
        engine = sys.modules.get("conflictwatch.store.engine")  # imported by commands that open one
        if engine is not None:
            engine.close_all()
        gc.freeze()


__all__ = ["COMMANDS", "app", "application", "main"]
