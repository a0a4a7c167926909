"""The FastAPI application: configuration, authentication, size limits, static dashboard.

`create_app(ApiConfig(db=...))` gives an ASGI app; `conflictwatch serve` runs it with uvicorn.
Reads are open unless `protect_reads` is set; writes always need the operator's token, and are
refused outright when no token was configured.
"""

from __future__ import annotations

import hmac
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from conflictwatch.api.env import CONFIG_ENV, TOKEN_ENV
from conflictwatch.store import Store, open_store

DEFAULT_MAX_BODY = 10 * 1024 * 1024

WEB_DIR = Path(str(files("conflictwatch.web")))
STATIC_DIR = WEB_DIR / "static"

# The dashboard loads only its own files: no inline script, no other origin.
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class ApiConfig:
    """How the server behaves (`conflictwatch serve` fills it from options and environment)."""

    db: str
    token: str | None = None  # needed for writes (and for reads when protect_reads)
    protect_reads: bool = False
    max_body: int = DEFAULT_MAX_BODY  # bytes; larger request bodies get 413
    # Writes extract at a lower CPU priority, so that other server processes answer reads first
    # (`serve --workers N`). Not with one process: a low-priority thread holding the GIL would
    # make that process's own readers wait.
    low_priority_writes: bool = False


class State:
    """What the routes share: the store, the configuration, one lock for writes."""

    def __init__(self, config: ApiConfig, store: Store) -> None:
        self.config = config
        self.store = store
        self.write_lock = threading.Lock()
        # One thread for all writes of this process (they queue on the write lock anyway); with
        # `low_priority_writes`, at a lower CPU priority than the threads answering reads. Its
        # thread starts on the first write.
        init = _lower_priority if config.low_priority_writes else None
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cw-writer", initializer=init)


WRITE_NICE = 10  # how much lower than reads the writer thread runs (Linux: per thread)


def _lower_priority() -> None:
    """The writer thread yields the CPU to reads: extracting an article costs ~50 ms of CPU, a page
    of events a few ms, and readers should not wait behind a writer."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WRITE_NICE)
    except (AttributeError, OSError):  # not Linux, or not allowed: writes keep the normal priority
        pass


bearer = HTTPBearer(auto_error=False, description="The operator's token (serve --token / "
                    f"{TOKEN_ENV})")


def get_state(request: Request) -> State:
    st: State = request.app.state.cw
    return st


def _token_ok(cfg: ApiConfig, cred: HTTPAuthorizationCredentials | None) -> bool:
    if cfg.token is None or cred is None:
        return False
    return hmac.compare_digest(cred.credentials.encode(), cfg.token.encode())


def require_read(
    st: Annotated[State, Depends(get_state)],
    cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> State:
    if st.config.protect_reads and not _token_ok(st.config, cred):
        raise HTTPException(401, "this server protects reads: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    return st


def require_write(
    st: Annotated[State, Depends(get_state)],
    cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> State:
    if st.config.token is None:
        raise HTTPException(403, f"writes are disabled: start the server with --token or {TOKEN_ENV}")
    if not _token_ok(st.config, cred):
        raise HTTPException(401, "writes need the operator's token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    return st


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length" and v.isdigit() and int(v) > self.limit:
                await self._too_large(scope, receive, send)
                return
        seen = 0

        async def counting() -> Any:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return msg

        try:
            await self.app(scope, counting, send)
        except BodyTooLarge:
            await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        resp = JSONResponse({"detail": f"request body larger than {self.limit} bytes"}, status_code=413)
        await resp(scope, receive, send)


class BodyTooLarge(Exception):
    pass


class NoNul:
    """Refuse a NUL character in the path or a query parameter with 422: no text has one, and
    PostgreSQL refuses it in a query (an error there would be a 500)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            from urllib.parse import parse_qsl

            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            bad = [["path"]] if "\x00" in scope.get("path", "") else []
            bad += [["query", k] for k, v in query if "\x00" in k or "\x00" in v]
            if bad:
                detail = [{"loc": loc, "msg": "contains a NUL character", "type": "value_error"}
                          for loc in bad]
                await JSONResponse({"detail": detail}, status_code=422)(scope, receive, send)
                return
        await self.app(scope, receive, send)


_ERROR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, plus what it cannot see: every operation with the bearer scheme may answer
    401 (reads too, under --protect-reads), writes 403 (no token configured) and 413, and our own
    422s carry a sentence (`{"detail": "bbox must be four numbers..."}`), not only pydantic's list."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    spec = get_openapi(title=app.title, version=app.version, summary=app.summary,
                       description=app.description, routes=app.routes)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = {"type": "object", "properties": {"detail": {}}, "required": ["detail"]}
    if "HTTPValidationError" in schemas:
        detail = schemas["HTTPValidationError"]["properties"]["detail"]
        schemas["HTTPValidationError"]["properties"]["detail"] = {"anyOf": [detail, {"type": "string"}]}
    for methods in spec.get("paths", {}).values():
        for method, op in methods.items():
            if not op.get("security"):
                continue
            responses = op.setdefault("responses", {})
            responses.setdefault("401", {"description": "Missing or wrong token", **_ERROR})
            if method != "get":
                responses.setdefault("403", {"description": "Writes disabled (no token set)", **_ERROR})
                responses.setdefault("413", {"description": "Body too large", **_ERROR})
            responses.setdefault("422", {"description": "Invalid parameters", **_ERROR})
    app.openapi_schema = spec
    return spec


def create_app(config: ApiConfig, store: Store | None = None) -> FastAPI:
    """The API under /api, the dashboard at /, the OpenAPI page at /docs (all offline)."""
    from conflictwatch.api import routes, writes

    app = FastAPI(
        title="conflictwatch",
        summary="Source-attributed conflict events, their claims and the articles they come from.",
        description=(
            "Reads: `/api/events`, `/api/claims`, `/api/articles` (filters, `sort`, `offset`/`limit`), "
            "one event with its claims, one article with its claims located in its text, counts, "
            "downloads. Writes (`POST /api/articles`, `POST /api/reconcile`) need the operator's token "
            "as `Authorization: Bearer <token>`."
        ),
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.cw = State(config, store or open_store(config.db))
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.include_router(routes.router)
    app.include_router(writes.router)
    app.add_middleware(BodyLimit, limit=config.max_body)
    app.add_middleware(NoNul)

    @app.exception_handler(Exception)
    async def database_down(request: Request, exc: Exception) -> JSONResponse:
        """A database fault (locked, disk full, file deleted, server gone) is 503, said in words;
        anything else stays a 500."""
        from conflictwatch.store.faults import database_fault

        fault = database_fault(exc)
        if fault is None:
            return JSONResponse({"detail": "internal error"}, status_code=500)
        return JSONResponse({"detail": f"database unavailable: {fault}"}, status_code=503,
                            headers={"Retry-After": "30"})
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="conflictwatch API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        return FileResponse(STATIC_DIR / "index.html", headers={
            "Content-Security-Policy": DASHBOARD_CSP, "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-cache"})

    return app


def app_from_env() -> FastAPI:
    """The app of one `serve --workers N` process, configured by $CONFLICTWATCH_SERVE_CONFIG."""
    import json
    import os

    return create_app(ApiConfig(**json.loads(os.environ[CONFIG_ENV])))
