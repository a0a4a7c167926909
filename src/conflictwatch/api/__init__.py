"""REST API and dashboard server (FastAPI): `create_app(ApiConfig(db=...))`.

The app is imported on first use, so that `conflictwatch.api.env` costs no FastAPI import."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conflictwatch.api.app import ApiConfig, create_app


def __getattr__(name: str) -> Any:
    if name in ("ApiConfig", "create_app"):
        from conflictwatch.api import app

        return getattr(app, name)
    raise AttributeError(f"module 'conflictwatch.api' has no attribute {name!r}")


__all__ = ["ApiConfig", "create_app"]
