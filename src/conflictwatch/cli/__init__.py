"""The `conflictwatch` command line: one module of commands per pipeline stage."""

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
    app()


__all__ = ["app", "main"]
