"""Imported by the fork server that `run --workers N` forks its worker processes from.

The language model is loaded here once, before the forks, instead of in every worker (see
`parallel.preload`); its pages stay shared between the workers.
"""

from conflictwatch.parallel import preload

preload()
