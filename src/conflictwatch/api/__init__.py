"""REST API and dashboard server (FastAPI): `create_app(ApiConfig(db=...))`."""

from conflictwatch.api.app import ApiConfig, create_app

__all__ = ["ApiConfig", "create_app"]
