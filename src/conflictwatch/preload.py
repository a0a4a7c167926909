"""Imported by the fork server that `run --workers N` forks its worker processes from.

The extractor's code, the language model and dateparser's tables are loaded here once, before
the forks, instead of in every worker (see `parallel.preload`); their pages stay shared.
"""

from conflictwatch.parallel import preload

preload()
