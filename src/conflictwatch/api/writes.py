"""Write routes (token required) and downloads in every export format.

Writes go through the same functions as the command line: `pipeline.run` for articles and
`reconcile_store` for events, so the API and `conflictwatch run` give the same database.
Downloads call the export writers (`conflictwatch.export`), never a copy of them.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse
from pydantic import ValidationError
from starlette.background import BackgroundTask

from conflictwatch import pipeline
from conflictwatch.api import schemas as m
from conflictwatch.api.app import State, require_read, require_write
from conflictwatch.api.routes import Flt
from conflictwatch.export import write_articles, write_claims
from conflictwatch.export.events import FORMATS, EventFilter, write_events
from conflictwatch.models import Event
from conflictwatch.reconcile import reconcile_store
from conflictwatch.store import query as Q

router = APIRouter(prefix="/api")

Writer = Annotated[State, Depends(require_write)]
Reader = Annotated[State, Depends(require_read)]

# Whatever formats the events writer offers (the exports may grow), offered here too.
EventFormat = Enum("EventFormat", {f: f for f in FORMATS}, type=str)  # type: ignore[misc]
MEDIA = {
    "csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


def _write_articles(st: State, body: m.ArticlesIn) -> dict[str, Any]:
    """Run the main job on the posted articles, through a JSON Lines file as `run` reads them."""
    tmp = FsPath(tempfile.mkdtemp(prefix="cw-api-"))
    try:
        path = tmp / "request.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in body.articles:
                rec = a.model_dump(mode="json", exclude_none=True)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        with st.write_lock:
            stats = pipeline.run([str(path)], st.store, reconcile=body.reconcile)
            summary = stats.events_summary if body.reconcile else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # "…/request.jsonl:3: message" -> "articles[2]: message", naming the item in the request
    errors = []
    for e in stats.errors:
        where, _, msg = e.partition(": ")
        line = where.rsplit(":", 1)[-1]
        errors.append(f"articles[{int(line) - 1}]: {msg}" if line.isdigit() else f"request: {msg}")
    return {"articles_read": stats.articles_read, "articles_new": stats.articles_new,
            "articles_skipped": stats.articles_skipped, "claims": stats.claims, "errors": errors,
            "events": summary}


@router.post("/articles", response_model=m.IngestResult, tags=["writes"], status_code=200,
             responses={401: {"description": "Missing or wrong token"},
                        403: {"description": "Writes disabled (no token configured)"},
                        413: {"description": "Body too large"},
                        422: {"description": "Invalid articles"}})
async def post_articles(st: Writer, request: Request) -> dict[str, Any]:
    """Ingest articles (`{"articles": [{"text": ..., "title": ..., "published": ...}]}`): extract,
    geocode, store and, unless `reconcile` is false, rebuild events. Articles already stored are
    skipped; each item that fails is named in `errors` and the rest still go in."""
    raw = await request.body()  # BodyLimit has already refused anything over the size limit
    try:
        body = m.ArticlesIn.model_validate_json(raw)
    except ValidationError as exc:
        detail = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]}
                  for e in exc.errors(include_url=False, include_input=False)]
        raise HTTPException(422, detail) from None
    result = await asyncio.wrap_future(st.writer.submit(_write_articles, st, body))
    if result["errors"] and result["articles_read"] == 0:
        raise HTTPException(422, {"msg": "no article could be read", "errors": result["errors"]})
    return result


@router.post("/reconcile", response_model=m.ReconcileResult, tags=["writes"],
             responses={401: {"description": "Missing or wrong token"}})
def post_reconcile(st: Writer) -> dict[str, str]:
    """Rebuild events from all stored incident claims (event ids are kept)."""
    with st.write_lock:
        return {"events": reconcile_store(st.store)}


@dataclass
class _OnlyIds(EventFilter):
    """An export filter holding the ids the API's (richer) filters selected."""

    ids: frozenset[str] = field(default_factory=frozenset)

    def match(self, e: Event) -> bool:
        return e.event_id in self.ids


def _file(path: FsPath, tmp: FsPath, name: str, media: str) -> FileResponse:
    return FileResponse(path, media_type=media, filename=name,
                        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True))


def _filtered_ids(st: State, f: Q.Filters) -> frozenset[str] | None:
    if f == Q.Filters():
        return None
    from sqlalchemy import select

    with st.store.engine.connect() as conn:
        q = select(Q.E.c.event_id).where(*Q.event_conditions(f))
        return frozenset(r[0] for r in conn.execute(q))


@router.get("/download/events", tags=["downloads"], response_class=FileResponse)
def download_events(st: Reader, f: Flt,
                    format: Annotated[EventFormat, Query(description="Any events export format")] = "csv",  # type: ignore[assignment]
                    ) -> FileResponse:
    """Matching events as a file in an export format (the same writer as `export events`)."""
    fmt = format.value if isinstance(format, Enum) else str(format)
    ids = _filtered_ids(st, f)
    tmp = FsPath(tempfile.mkdtemp(prefix="cw-dl-"))
    path = tmp / f"events.{fmt}"
    write_events(st.store, fmt, path, _OnlyIds(ids=ids) if ids is not None else None)
    return _file(path, tmp, path.name, MEDIA.get(fmt, "application/octet-stream"))


@router.get("/download/claims", tags=["downloads"], response_class=FileResponse)
def download_claims(st: Reader, format: Annotated[Literal["jsonl", "csv"], Query()] = "jsonl",
                    scope: Annotated[Literal["incident", "aggregate"] | None, Query()] = None,
                    ) -> FileResponse:
    """Every claim (or those of one scope) in the claims export format."""
    tmp = FsPath(tempfile.mkdtemp(prefix="cw-dl-"))
    path = tmp / f"claims.{format}"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_claims(st.store, format, fh, scope=scope)
    return _file(path, tmp, path.name, MEDIA[format])


@router.get("/download/articles", tags=["downloads"], response_class=FileResponse)
def download_articles(st: Reader) -> FileResponse:
    """Every stored article as JSON Lines."""
    tmp = FsPath(tempfile.mkdtemp(prefix="cw-dl-"))
    path = tmp / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        write_articles(st.store, fh)
    return _file(path, tmp, path.name, MEDIA["jsonl"])


@router.get("/download/formats", tags=["downloads"])
def download_formats(st: Reader) -> dict[str, list[str]]:
    """Which formats each download offers."""
    return {"events": list(FORMATS), "claims": ["jsonl", "csv"], "articles": ["jsonl"]}


__all__ = ["router"]
