"""The `conflictwatch` command line: one module of commands per pipeline stage."""

from conflictwatch.cli import evaluate, events, geo, maintain, run  # noqa: F401  (registers commands)
from conflictwatch.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
