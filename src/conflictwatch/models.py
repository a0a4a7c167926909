"""Plain data types passed between pipeline stages.

Every stage (ingest -> extract -> geo -> reconcile -> store -> export) takes and
returns these dataclasses, so each stage can be tested alone with hand-made values.
Field names follow the formats in ``docs/formats.md`` where the contract names them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Scope = Literal["incident", "aggregate"]

#: Bumped whenever `Claim.make_id` changes what it hashes: stored articles are then re-extracted.
CLAIM_ID_SCHEME = 2


def normalise_text(text: str) -> str:
    """Fold case, Unicode forms, quotes and whitespace so re-pasted copies hash alike."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    # split() and the regex \s agree on what is whitespace (both Py_UNICODE_ISSPACE): the same
    # text as re.sub(r"\s+", " ", text).strip(), without a match object per space (5x faster)
    return " ".join(text.split()).lower()


def content_hash(title: str | None, text: str) -> str:
    """Identity of an article: the same story pasted twice gets the same hash."""
    h = hashlib.sha256()
    h.update(normalise_text(title or "").encode())
    h.update(b"\x00")
    h.update(normalise_text(text).encode())
    return h.hexdigest()


@dataclass
class Article:
    """One news article after ingest: body text plus what the wire layout tells us."""

    text: str
    title: str | None = None
    published: date | None = None
    published_inferred: bool = False
    article_id: str | None = None  # the user's own id if given, else derived from content_hash
    dateline: str | None = None  # e.g. "BEIRUT"
    agency: str | None = None  # e.g. "Reuters" from "BEIRUT (Reuters) -"
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    url: str | None = None
    source: str | None = None  # publisher
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # "file.txt:12" where the article started, for messages
    duplicate_of: str | None = None  # near-duplicate (repost/rewrite) of this stored article

    def __post_init__(self) -> None:
        if self.article_id is None:
            self.article_id = "a" + self.hash[:15]

    @property
    def hash(self) -> str:
        """content_hash of the title and text, computed once per (title, text) objects: the main
        job asks for it several times per article (already stored? same text under another id?)."""
        memo = self.__dict__.get("_hash_memo")
        if memo is not None and memo[0] is self.title and memo[1] is self.text:
            return str(memo[2])
        h = content_hash(self.title, self.text)
        self.__dict__["_hash_memo"] = (self.title, self.text, h)
        return h

    @property
    def publisher(self) -> str | None:
        """Who published the report: explicit `source`, else the dateline agency."""
        return self.source or self.agency


@dataclass
class IngestError:
    """A piece of input that could not be read; the rest of the input still goes in."""

    origin: str  # "path" or "path:line"
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Range:
    """A casualty figure with bounds: "at least 4" = Range(4, None), "14" = Range(14, 14)."""

    low: int
    high: int | None

    def as_dict(self) -> dict[str, int | None]:
        return {"low": self.low, "high": self.high}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Range | None:
        if d is None:
            return None
        return cls(int(d["low"]), None if d.get("high") is None else int(d["high"]))


@dataclass
class Claim:
    """One statement in one article that an incident happened or people were killed/injured."""

    article_id: str
    quote: str
    scope: Scope = "incident"
    article_title: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int | None = None
    date_basis: str | None = None  # "text" (from the article's words) or "published" (stand-in)
    location: str | None = None  # most specific place, as written (cleaned)
    place_context: list[str] = field(default_factory=list)  # wider places named around it ("Aleppo")
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    killed: Range | None = None
    injured: Range | None = None
    children_killed: Range | None = None
    claimed_by: str | None = None
    reported_by: str | None = None
    confidence: float = 0.5
    sentence_index: int = 0  # position of the first quoted sentence in the article
    quote_start: int | None = None  # character offsets of the quote in Article.text
    quote_end: int | None = None  # (None when the quote is the headline)
    claim_id: str = ""

    def __post_init__(self) -> None:
        if not self.claim_id:
            self.claim_id = self.make_id()

    def make_id(self) -> str:
        """Stable id from what makes this claim *this* claim, so two claims cannot share it by accident.

        The key is the article, where the quote stands (its character span, else the sentence
        index and the normalised quote), the scope, the sub-event type, the three figures, the
        place and who claimed it: one sentence naming three places gives three ids, and the same
        input always gives the same id. The store still resolves any clash left within one
        article deterministically (an ordinal suffix in text order: `store.db.unique_claim_ids`).
        """
        if self.quote_start is not None and self.quote_end is not None:
            where = f"span:{self.quote_start}-{self.quote_end}"
        else:
            where = f"sent:{self.sentence_index}:{normalise_text(self.quote)}"
        key = "|".join(
            "" if x is None else str(x)
            for x in (
                CLAIM_ID_SCHEME,
                self.article_id,
                where,
                self.scope,
                self.sub_event_type,
                self.killed,
                self.injured,
                self.children_killed,
                normalise_text(self.location) if self.location else None,
                self.claimed_by,
            )
        )
        return "c" + hashlib.sha256(key.encode()).hexdigest()[:15]

    def to_record(self) -> dict[str, Any]:
        """The contract's JSON object (formats.md, 'Output: claims')."""
        d = asdict(self)
        for k in ("killed", "injured", "children_killed"):
            r = getattr(self, k)
            d[k] = r.as_dict() if r else None
        for k in ("date_start", "date_end"):
            v = getattr(self, k)
            d[k] = v.isoformat() if v else None
        d.pop("sentence_index")
        d.pop("place_context")
        order = [
            "claim_id", "article_id", "article_title", "scope", "event_type", "sub_event_type",
            "date_start", "date_end", "time_precision", "date_basis", "location", "admin1", "admin2",
            "country",
            "latitude", "longitude", "geo_precision", "actor1", "actor2", "killed", "injured",
            "children_killed", "claimed_by", "reported_by", "quote", "quote_start", "quote_end",
            "confidence",
        ]
        return {k: d[k] for k in order}


@dataclass
class Event:
    """A reconciled incident: every claim about it from every article and source."""

    event_id: str
    claim_ids: list[str]
    article_ids: list[str]
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
    notes: str
    fatalities: int | None  # best estimate (ACLED rule: conservative credible figure)
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int | None
    children_killed: int | None
    disputed: bool
    admin2: str | None = None  # district, taken like admin1 (from the place's claim, else the commonest)
