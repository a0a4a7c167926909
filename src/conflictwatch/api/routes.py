"""Read routes: events, claims, articles, counts, filter values."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import JSONResponse

from conflictwatch.api import schemas as m
from conflictwatch.api.app import State, require_read
from conflictwatch.store import query as Q

router = APIRouter(prefix="/api")

Text = Annotated[str | None, Query(max_length=200)]


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """`west,south,east,north` in degrees, as GeoJSON and most map tools write a box."""
    if bbox is None or bbox == "":
        return None
    parts = bbox.split(",")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise HTTPException(422, "bbox out of range: longitudes -180..180, latitudes -90..90, south <= north")
    return w, s, e, n


def filters(
    since: Annotated[date | None, Query(description="On or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="On or before this day (YYYY-MM-DD)")] = None,
    type: Annotated[list[str] | None, Query(max_length=100, description=(
        "Event type or sub-event type, exact, any case; repeat for any of several"))] = None,
    country: Annotated[str | None, Query(max_length=200, description="Country contains this")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="Province contains this")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Either actor contains this")] = None,
    claimed_by: Annotated[str | None, Query(max_length=200, description="A source contains this")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Free text (place, notes, quote...)")] = None,
) -> Q.Filters:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    types = [t for t in (type or []) if t.strip()]
    if len(types) > 20:
        raise HTTPException(422, "at most 20 type values")
    return Q.Filters(since=since, until=until, types=types, country=country or None,
                     admin1=admin1 or None, actor=actor or None, claimed_by=claimed_by or None,
                     min_fatalities=min_fatalities, bbox=parse_bbox(bbox), q=q or None)


Flt = Annotated[Q.Filters, Depends(filters)]
Reader = Annotated[State, Depends(require_read)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Limit = Annotated[int, Query(ge=1, le=500)]


def _sort(sort: str, allowed: dict[str, Any]) -> str:
    if sort.lstrip("-+") not in allowed:
        raise HTTPException(422, f"cannot sort by {sort!r}; use one of {', '.join(sorted(allowed))} "
                            "(prefix '-' for descending)")
    return sort


def _page(p: Q.Page) -> dict[str, Any]:
    return {"total": p.total, "offset": p.offset, "limit": p.limit, "items": p.items}


@router.get("/events", response_model=m.EventPage, tags=["events"])
def events(st: Reader, f: Flt, sort: Annotated[str, Query(max_length=30, description=(
        "date, fatalities, type, sub_type, country, admin1, location, disputed, n_claims, event_id; "
        "'-' for descending"))] = "-date", offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    """Reconciled events matching every filter given, one page at a time."""
    sort = _sort(sort, {**Q.EVENT_SORTS, "n_claims": None})
    with st.store.engine.connect() as conn:
        return _page(Q.list_events(conn, f, sort, offset, limit))


@router.get("/events/points", response_model=m.Points, tags=["events"])
def event_points(st: Reader, f: Flt, limit: Annotated[int, Query(ge=1, le=200_000)] = 100_000) -> Any:
    """Every matching event with coordinates as compact rows, deadliest first (for maps)."""
    with st.store.engine.connect() as conn:
        return JSONResponse(Q.event_points(conn, f, limit))


@router.get("/events/{event_id}", response_model=m.EventDetail, tags=["events"],
            responses={404: {"description": "No such event"}})
def event(st: Reader, event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One event with every claim about it: source, figures, quote, article and its date."""
    with st.store.engine.connect() as conn:
        ev = Q.get_event(conn, event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return ev


@router.get("/claims", response_model=m.ClaimPage, tags=["claims"])
def claims(st: Reader, f: Flt,
           scope: Annotated[Literal["incident", "aggregate"] | None, Query()] = None,
           article_id: Annotated[str | None, Query(max_length=200)] = None,
           sort: Annotated[str, Query(max_length=30, description=(
               "date, killed, type, claimed_by, country, location, published, claim_id"))] = "-date",
           offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    """Claims (one statement in one article) matching every filter; `scope=aggregate` for totals."""
    sort = _sort(sort, {**Q.CLAIM_SORTS, "published": None})
    f.scope, f.article_id = scope, article_id
    with st.store.engine.connect() as conn:
        return _page(Q.list_claims(conn, f, sort, offset, limit))


@router.get("/articles", response_model=m.ArticlePage, tags=["articles"])
def articles(st: Reader,
             since: Annotated[date | None, Query(description="Published on or after")] = None,
             until: Annotated[date | None, Query(description="Published on or before")] = None,
             q: Text = None, source: Text = None,
             has_claims: Annotated[bool | None, Query(
                 description="false: articles that gave no claim")] = None,
             sort: Annotated[str, Query(max_length=30, description=(
                 "published, title, source, n_claims, article_id"))] = "-published",
             offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    """Stored articles (without their text); `has_claims=false` lists those that gave no claim."""
    sort = _sort(sort, {**Q.ARTICLE_SORTS, "n_claims": None})
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    f = Q.Filters(since=since, until=until, q=q or None, source=source or None, has_claims=has_claims)
    with st.store.engine.connect() as conn:
        return _page(Q.list_articles(conn, f, sort, offset, limit))


@router.get("/articles/{article_id}", response_model=m.ArticleDetail, tags=["articles"],
            responses={404: {"description": "No such article"}})
def article(st: Reader, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One article's text with its claims located in it (`start`/`end` character offsets)."""
    with st.store.engine.connect() as conn:
        art = Q.get_article(conn, article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return art


@router.get("/counts", response_model=list[m.CountRow], tags=["counts"])
def counts(st: Reader, f: Flt,
           interval: Annotated[Literal["day", "week"], Query()] = "day") -> list[dict[str, Any]]:
    """Events and fatalities (best estimates) per day or week and event type."""
    with st.store.engine.connect() as conn:
        return Q.event_counts(conn, f, interval)


@router.get("/counts/types", response_model=list[m.TypeCount], tags=["counts"])
def counts_types(st: Reader, f: Flt) -> list[dict[str, Any]]:
    """Events and fatalities per event type and sub-event type."""
    with st.store.engine.connect() as conn:
        return Q.type_counts(conn, f)


@router.get("/summary", tags=["counts"])
def summary(st: Reader, f: Flt) -> dict[str, Any]:
    """Totals of the matching events, and who they cite."""
    with st.store.engine.connect() as conn:
        return {"totals": Q.totals(conn, f), "sources": Q.event_sources(conn, f)}


@router.get("/facets", tags=["counts"])
def facets(st: Reader) -> dict[str, list[dict[str, Any]]]:
    """Values for filter menus (types, countries, provinces) with their number of events."""
    with st.store.engine.connect() as conn:
        return Q.facets(conn)
