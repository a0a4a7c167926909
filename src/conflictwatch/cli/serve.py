"""`conflictwatch serve`: the REST API and the web dashboard, from one process."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from conflictwatch.api.env import CONFIG_ENV, PROTECT_READS_ENV, TOKEN_ENV
from conflictwatch.cli.core import app, err_console
from conflictwatch.cli.options import DbOpt
from conflictwatch.store.names import DEFAULT_DB


def existing_db(db: str, create: bool = False) -> str:
    """Refuse a SQLite file that does not exist (a typo would otherwise make an empty database)."""
    if "://" not in db and not create and not Path(db).expanduser().exists():
        err_console.print(f"[red]error[/red] no database at {db}: build one with "
                          f"`conflictwatch run ARTICLES --db {db}`, or pass --create to start empty",
                          highlight=False)
        raise typer.Exit(2)
    return db


@app.command("serve")
def serve_cmd(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar=TOKEN_ENV, show_envvar=True,
        help="Token that writes (POST) need as 'Authorization: Bearer TOKEN'. Prefer the environment "
             "variable: a command line is visible to other users. Without it, writes are refused.")] = None,
    protect_reads: Annotated[bool, typer.Option(
        "--protect-reads", envvar=PROTECT_READS_ENV, show_envvar=True,
        help="Require the token for reads too (the dashboard then asks for it).")] = False,
    max_body_mb: Annotated[float, typer.Option(
        "--max-body-mb", min=0.001, max=1024, help="Largest request body accepted; larger gets 413.")] = 10.0,
    create: Annotated[bool, typer.Option(
        "--create",
        help="Start with an empty database when --db does not exist (to POST articles).")] = False,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, max=64,
        help="Server processes. Requests are spread over them: one per core serves that many times "
             "the reads. Writes from several processes queue on the database, and extract at a lower "
             "CPU priority so that the other processes answer reads first.")] = 1,
) -> None:
    """Serve the REST API (under /api, OpenAPI page at /docs) and the dashboard (at /).

    Everything is offline: the map's outlines and scripts ship with conflictwatch.

    ```
    conflictwatch run samples/ --db out/cw.db
    conflictwatch serve --db out/cw.db            # then open http://127.0.0.1:8000/
    CONFLICTWATCH_API_TOKEN=s3cret conflictwatch serve --db out/cw.db   # allow writes
    ```
    """
    import uvicorn

    from conflictwatch.api import ApiConfig, create_app

    existing_db(db, create)
    if protect_reads and not token:
        raise typer.BadParameter(f"--protect-reads needs --token (or {TOKEN_ENV})", param_hint="--token")
    cfg = ApiConfig(db=db, token=token, protect_reads=protect_reads, max_body=int(max_body_mb * 1024 * 1024),
                    low_priority_writes=workers > 1)
    err_console.print(
        f"conflictwatch: dashboard http://{host}:{port}/  API http://{host}:{port}/api  docs "
        f"http://{host}:{port}/docs  (writes {'need the token' if token else 'disabled'}; reads "
        f"{'need the token' if protect_reads else 'open'})", highlight=False)
    if workers == 1:
        uvicorn.run(create_app(cfg), host=host, port=port, log_level="info")
        return
    # each worker process builds its own app from the configuration (token included) passed in its
    # environment, which only this user can read
    os.environ[CONFIG_ENV] = json.dumps(asdict(cfg))
    uvicorn.run("conflictwatch.api.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="info")
