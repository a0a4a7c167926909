"""conflictwatch: news reports about armed conflict in, a source-attributed event database out.

The pipeline stages, each its own package: ingest -> extract -> geo -> reconcile -> store ->
export, driven by `conflictwatch.pipeline` and the `conflictwatch` command line.
"""

__version__ = "0.1.0"
