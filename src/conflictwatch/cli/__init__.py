"""The `conflictwatch` command line: one module of commands per pipeline stage."""

import gc
import sys

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


def main() -> None:
    """The `conflictwatch` program. Once the command is done, its databases are closed and the
    objects it made are frozen: the interpreter's shutdown then frees them without searching
    them all for reference cycles, which took 0.4-0.7 s after a `run` that loaded spaCy."""
    if sys.argv[1:2] == ["run"]:  # the extractor starts loading on the other core now
        from conflictwatch import early

        early.prefork(sys.argv[1:])
    try:
        app()
    finally:
        early_ = sys.modules.get("conflictwatch.early")
        if early_ is not None:
            early_.discard()
        engine = sys.modules.get("conflictwatch.store.engine")  # imported by commands that open one
        if engine is not None:
            engine.close_all()
        gc.freeze()


__all__ = ["app", "main"]
