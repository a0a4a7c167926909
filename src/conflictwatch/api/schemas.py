"""Pydantic models: what the API accepts and returns (they also make the OpenAPI page at /docs)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT = 1_000_000  # characters in one posted article


class Figure(BaseModel):
    """A casualty figure with bounds: "at least 4" is {low: 4, high: null}."""

    low: int
    high: int | None


class EventOut(BaseModel):
    event_id: str
    event_id_cnty: str
    event_date: date | None
    time_precision: int | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    sources: list[str]
    notes: str | None
    fatalities: int | None = Field(description="Best estimate: the lowest of the sources' latest figures")
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int | None
    children_killed: int | None
    disputed: bool
    n_claims: int | None = None
    n_articles: int | None = None


class ClaimOut(BaseModel):
    claim_id: str
    article_id: str
    article_title: str | None
    scope: str
    event_type: str | None
    sub_event_type: str | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    date_basis: str | None
    location: str | None
    place_context: list[str]
    admin1: str | None
    admin2: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1: str | None
    actor2: str | None
    killed: Figure | None
    injured: Figure | None
    children_killed: Figure | None
    claimed_by: str | None
    reported_by: str | None
    quote: str
    quote_start: int | None
    quote_end: int | None
    confidence: float | None
    sentence_index: int | None
    event_id: str | None = None
    published: date | None = Field(None, description="Publication date of the claim's article")
    article_source: str | None = None


class LocatedClaim(ClaimOut):
    located: str | None = Field(description="'text' when `spans` locate the quote, 'title', or null")
    spans: list[list[int]] = Field(
        description="[start, end) character offsets of the quote's parts in the text")
    start: int | None = Field(description="Start of the first span")
    end: int | None = Field(description="End of the last span")


class ArticleOut(BaseModel):
    article_id: str
    title: str | None
    published: date | None
    published_inferred: bool
    dateline: str | None
    agency: str | None
    source: str | None
    url: str | None
    origin: str | None
    text_chars: int
    n_claims: int | None = None


class ArticleDetail(ArticleOut):
    text: str
    captions: list[str]
    credits: list[str]
    claims: list[LocatedClaim]


class EventDetail(EventOut):
    claims: list[ClaimOut]


class EventPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[EventOut]


class ClaimPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ClaimOut]


class ArticlePage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ArticleOut]


class CountRow(BaseModel):
    period: str = Field(description="The day, or the Monday of the ISO week")
    event_type: str | None
    events: int
    fatalities: int


class TypeCount(BaseModel):
    event_type: str | None
    sub_event_type: str | None
    events: int
    fatalities: int


class Points(BaseModel):
    """Columns of the matching located events (compact, for maps of many events)."""

    fields: list[str]
    rows: list[list[Any]]
    matching: int = Field(description="Matching events, including those without coordinates")


class ArticleIn(BaseModel):
    """One article to ingest: the same fields as a line of the JSON Lines input format."""

    model_config = ConfigDict(extra="allow")

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=2000)
    published: date | None = None
    id: str | None = Field(None, max_length=200, pattern=r"^[A-Za-z0-9._:~-]+$")
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=200)


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)
    reconcile: bool = Field(True, description="Rebuild events afterwards (as `conflictwatch run` does)")


class IngestResult(BaseModel):
    articles_read: int
    articles_new: int
    articles_skipped: int
    claims: int
    errors: list[str]
    events: str | None = Field(None, description="Reconciliation summary, when it ran")


class ReconcileResult(BaseModel):
    events: str
