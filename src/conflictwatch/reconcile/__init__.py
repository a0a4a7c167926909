"""Reconcile: group incident claims from all articles and sources into events.

Only `scope == "incident"` claims are grouped; aggregate claims ("448 killed since Sept. 22") are
never merged into events. The article a claim comes from is *not* used to decide: two claims from
one article are one incident when their place, date and type agree, and two incidents when not.

**Same incident.** Two incident claims describe the same incident when all of these hold:

- *Date*: the same day when both claims give an exact day (`time_precision` 1); within one day
  of each other when either is less precise (`time_precision` 2/3, or a date range). A claim with
  no date is taken to be about the day of its article's publication or the day before (and
  counts as imprecise). Claims spanning more than 7 days are only matched as "vague" (below).
- *Type*: the same `sub_event_type` when both know it (an air/drone strike is never a shelling);
  otherwise the same `event_type` when both know it; a claim with no type matches any type.
- *Place*: country and `admin1` must not contradict each other, and either
  (a) the same location after folding transliteration variants ("al-Marjeh" = "Al Marja"),
  unless geocoded more than 25 km apart; or (b) coordinates within 2 km of each other when
  either geocode is approximate (geo_precision 2) or a name is missing -- two differently named
  places both geocoded exactly (geo_precision 1) must be within 0.5 km, because neighbouring
  city districts (al-Marjeh and al-Sukkari in Aleppo) are ~1.5 km apart and are separate; or
  (c) city and district: a claim naming only a city joins the incident of a district claim in
  that city (the district claim names the city in its wider place context, or lies in a
  province of that name, within 15 km) -- but only when exactly one such incident exists that
  day; with two candidate districts the city-level claim stays on its own.
- *Vague claims* (only a province, geo_precision 3, no place, or no usable date) join the one
  compatible incident in their province (or with their place name within their period); when
  there is none or more than one, they are grouped only with other vague claims naming the same
  province/place. A claim with no date at all, in an article without a publication date, is only
  grouped with other such claims of the same place: compared by name alone it would meet every
  incident of that name ever stored.
- *Claims without a place* (no place, or only a country) are compared with the claims of the same
  day, type and country (a claim whose country is unknown: with the claims of its own article),
  and merge when their figures agree (the same death toll, or with none the same injured count)
  and their actors do not contradict: they join the one such incident, or else group with the
  other placeless claims that agree. A placeless claim without any figure stays on its own, and
  a toll of 1 or 2 ties claims only when both give the type: such tolls are too common.
- *Near-duplicate articles* (reposts, see `conflictwatch.ingest.neardup`): a claim of a duplicate
  that repeats a claim of the first copy joins that claim's event without counting again (its
  figure is not another source's); `n_articles` still counts every outlet that carried it.

A cluster never holds two different known types, two different exact days, or coordinates
spread over more than 5 km (30 km after city/district and vague joins), so chains of pairwise
matches cannot glue separate incidents together. Claims are sorted by (date, claim_id) before
grouping, and only claims sharing a blocking key (day + place name, day + grid cell, day +
province) are compared, so results do not depend on input order and 100k claims take seconds.

**Figures.** Each claim's source is its `claimed_by`, or for a claim in the article's own voice
the publisher (`reported_by`), or else the article itself.

- Per source, the *latest* report counts: the claim from the most recently published article;
  among that source's articles from the same day (or undated) the one with the higher figure
  (tolls rise); within one article, the later claim. A later "the toll rose to 30" therefore
  supersedes the same source's earlier 14 and is not a disagreement.
- `fatalities` (best estimate) follows ACLED: the most conservative credible figure, i.e. the
  minimum of the sources' latest figures, where "at least N" and "N to M" count as N. Reports
  are never summed. `fatalities_low` is that same minimum (so it equals `fatalities`);
  `fatalities_high` is the maximum over the sources' latest figures of their upper bound, or of
  the lower bound when open-ended ("at least 20" contributes 20).
- `injured` and `children_killed`: the same conservative rule, each on its own.
- `disputed` is true when the sources' latest fatality figures disagree (different lower bounds).
- `sources`: distinct `claimed_by` values, plus the publisher for own-voice claims.
- `notes`: type and place, then each source's latest figure, with superseded earlier figures,
  e.g. "Air/drone strike in al-Marjeh, Aleppo; Syrian Civil Defence: 14 killed;
  Syrian Observatory for Human Rights: 12 killed (earlier 10)".

**Representative fields.** Place (location, admin1, country, coordinates, geo_precision) from the
most specific claim (a district over the city containing it), then the most precise geocode, then
the place most claims name; date from the most precise date, then the date most claims give (an
undated event takes its first report's publication day with time_precision 2); type and actors are
the values most claims give.

**Incrementally.** A run reconciles only what changed: the claims it stored and the events of
their blocks (see `reconcile.incremental`); `reconcile_all` rebuilds every event and gives the same.

**Identifiers.** An event's id is "ev" + 12 hex digits of SHA-256 of its smallest claim_id, so the
same claims always give the same id. On re-runs, a cluster holding claims that already belonged
to an event keeps that event's id (the smallest, when its claims come from several old events).
Exports give ACLED's `event_id_cnty` as `{ISO3}-{event_id}` (e.g. "SYR-ev1a2b3c4d5e6f"), with
"XXX" when the country is unknown.
"""

from __future__ import annotations

from datetime import date

from conflictwatch.models import Claim, Event
from conflictwatch.reconcile.countries import event_id_cnty, iso3
from conflictwatch.reconcile.grouping import grouped
from conflictwatch.reconcile.incremental import (
    Reconciliation,
    reconcile_all,
    reconcile_pending,
    rules_version,
)
from conflictwatch.store import Store


def reconcile(
    claims: list[Claim],
    previous: dict[str, str] | None = None,
    published: dict[str, date | None] | None = None,
    duplicate_of: dict[str, str] | None = None,
) -> list[Event]:
    """Group incident claims into events (pure: no database needed).

    `previous` maps claim_id -> event_id from an earlier run (ids are kept); `published` maps
    article_id -> publication date (later reports supersede earlier ones from the same source);
    `duplicate_of` maps a near-duplicate article to the article it copies (its repeated claims
    count once). Events come back ordered by date, then smallest claim.
    """
    return [e for e, _ in grouped(claims, previous, published, duplicate_of)]


def summary(events: list[Event]) -> str:
    """One line for humans: "12 events (3 disputed)"."""
    n = len(events)
    disputed = sum(e.disputed for e in events)
    return f"{n} event{'s' if n != 1 else ''} ({disputed} disputed)"


def rebuild_events(store: Store, carry: dict[str, str] | None = None) -> list[Event]:
    """Rebuild all the store's events from its incident claims, keeping earlier event ids.

    `carry` adds claim_id -> event_id pairs to those the store remembers: a re-extracted claim
    whose id changed keeps the event id of the claim it replaces."""
    result = reconcile_all(store, carry)
    # a rebuild of many claims writes its events a batch at a time without keeping them
    return result.events if len(result.events) == result.written else store.events()


def reconcile_store(store: Store) -> str:
    """Rebuild all the store's events (see `rebuild_events`); returns the one-line summary."""
    return reconcile_all(store).summary()


__all__ = [
    "Reconciliation",
    "event_id_cnty",
    "iso3",
    "rebuild_events",
    "reconcile",
    "reconcile_all",
    "reconcile_pending",
    "reconcile_store",
    "rules_version",
    "summary",
]
