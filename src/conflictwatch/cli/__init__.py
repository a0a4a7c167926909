"""The `conflictwatch` command line: one module of commands per pipeline stage."""

import gc

from conflictwatch.cli import (  # noqa: F401  (registers commands)
    articles,
    backup,
    evaluate,
    events,
    geo,
    maintain,
    report,
    run,
    serve,
    watch,
)
from conflictwatch.cli.app import app
from conflictwatch.store.engine import close_all


def main() -> None:
    """The `conflictwatch` program. Once the command is done, its databases are closed and the
    objects it made are frozen: the interpreter's shutdown then frees them without searching
    them all for reference cycles, which took 0.4-0.7 s after a `run` that loaded spaCy."""
    try:
        app()
    finally:
        close_all()
        gc.freeze()


__all__ = ["app", "main"]
