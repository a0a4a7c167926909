"""Reconcile's inputs and outputs, read and written through the Store's API (no SQL here).

Kept as named helpers because other stages (export) import `load_events` from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from conflictwatch.models import Claim, Event
from conflictwatch.store import Store


def load_incident_claims(store: Store) -> list[Claim]:
    return list(store.claims(scope="incident"))


def load_previous(store: Store) -> dict[str, str]:
    """claim_id -> event_id from the last reconcile, so events keep their ids."""
    return store.event_links()


def load_published(store: Store) -> dict[str, date | None]:
    """article_id -> publication date, for "later reports supersede earlier ones"."""
    return store.published_dates()


def save_events(store: Store, events: Iterable[Event]) -> int:
    """Replace all events and claim links in one transaction; returns the number of events."""
    return store.save_events(events)


def load_events(store: Store) -> list[Event]:
    """All stored events with their claim and article ids, ordered by (date, event_id)."""
    return store.events()
