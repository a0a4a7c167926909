"""`conflictwatch check`: is the database whole and are its events consistent with their claims?

Problems (the database is inconsistent, `check` exits non-zero):
- *articles without their claims*: stored without a completed extraction (a crash of an earlier
  version), or holding fewer/more claims than their extraction stored;
- *claims without events*: incident claims that no event holds (reconcile has not run since they
  were stored), and events that hold no claim;
- *events whose claims disagree* on the day (two different exact days) or the type (two different
  known sub-event types): reconcile never builds such an event, so it is stale or damaged.
  Claims of near-duplicate articles are left out of the day test (a repost published a day later
  may resolve "yesterday" to another day, and reconcile folds it knowingly), and so are claims
  whose article gives the same incident an earlier day (`reconcile.matching.echoes`);
- *duplicate-looking events*: two events on the same day, of the same type, in the same country and
  at the same place (same name after folding spelling variants, or within 2 km), or, both without
  a place, with the same toll and no contradicting actor (in a known country, or from one
  article; a toll of 1 or 2 only with a known type): reconcile would have
  merged them, so the events are stale or the claims' places contradict each other (the same
  name geocoded to two provinces).

Notes (reported, not problems): articles whose extraction found no claim (a non-conflict story),
and articles extracted by another extractor version (`conflictwatch reextract` updates them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from conflictwatch.models import Event
from conflictwatch.reconcile.matching import (
    DISTINCT_TOLL,
    NEAR_KM,
    echoes,
    exact_day,
    km_between,
    norm_key,
    norm_place,
)
from conflictwatch.store import Store


@dataclass(frozen=True)
class Finding:
    kind: str  # short label, e.g. "article not extracted"
    subject: str  # the article, claim or event id(s)
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}: {self.detail}"


@dataclass
class CheckReport:
    articles: int = 0
    claims: int = 0
    events: int = 0
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.problems

    def count(self, kind: str) -> int:
        return sum(f.kind == kind for f in self.problems + self.notes)


NOT_EXTRACTED = "article without its claims"
CLAIMS_MISMATCH = "article's claims incomplete"
NO_CLAIMS = "article with no claims"
STALE = "article from another extractor"
UNLINKED = "claim without event"
EMPTY_EVENT = "event without claims"
DAY = "event claims disagree on day"
TYPE = "event claims disagree on type"
DUPLICATE = "duplicate-looking events"


def _same_place(a: Event, b: Event) -> bool:
    na, nb = norm_place(a.location), norm_place(b.location)
    if na and na == nb:
        return True
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM  # type: ignore[arg-type]
    if not na and not nb:  # neither has a place: reconcile's pass for claims without a place
        if a.fatalities is None or a.fatalities != b.fatalities:
            return False
        if not (a.country or set(a.article_ids) & set(b.article_ids)):
            return False
        sides = ((a.actor1, b.actor1), (a.actor2, b.actor2))
        if any(x and y and norm_key(x) != norm_key(y) for x, y in sides):
            return False
        return a.fatalities >= DISTINCT_TOLL or bool(a.sub_event_type or a.event_type)
    return False


def duplicate_events(events: list[Event]) -> list[tuple[Event, Event]]:
    """Pairs of events reconcile should have merged: same day, type, country and place."""
    groups: dict[tuple[object, ...], list[Event]] = defaultdict(list)
    for e in events:
        if e.event_date is None:
            continue
        kind = norm_key(e.sub_event_type) or norm_key(e.event_type)
        groups[(e.event_date, kind, norm_key(e.country))].append(e)
    pairs: list[tuple[Event, Event]] = []
    for group in groups.values():
        for a, b in combinations(sorted(group, key=lambda e: e.event_id), 2):
            if _same_place(a, b):
                pairs.append((a, b))
    return pairs


def check(store: Store, current_extractor: str | None = None) -> CheckReport:
    """Inspect the whole database; see the module docstring for what counts as a problem."""
    rep = CheckReport()
    states = store.article_states()
    rep.articles = len(states)
    duplicates = {s.article_id for s in states if s.duplicate_of}
    for st in states:
        name = f"{st.article_id} ({st.origin or st.title or 'no origin'})"
        if st.extractor_version is None:
            rep.problems.append(Finding(NOT_EXTRACTED, name, "stored without a completed extraction: "
                                        "`conflictwatch reextract` (or the next run) extracts it"))
        elif st.extracted_claims is not None and st.extracted_claims != st.stored_claims:
            rep.problems.append(Finding(CLAIMS_MISMATCH, name, f"{st.stored_claims} claims stored of "
                                        f"the {st.extracted_claims} its extraction gave"))
        elif st.stored_claims == 0:
            rep.notes.append(Finding(NO_CLAIMS, name, "its text yields no claim"))
        if (current_extractor and st.extractor_version is not None
                and st.extractor_version != current_extractor):
            rep.notes.append(Finding(STALE, name, f"extracted by {st.extractor_version}"))

    claims = {c.claim_id: c for c in store.claims()}
    rep.claims = len(claims)
    events = store.events()
    rep.events = len(events)
    linked = {cid for e in events for cid in e.claim_ids}
    for cid, c in claims.items():
        if c.scope == "incident" and cid not in linked:
            rep.problems.append(Finding(UNLINKED, cid, f"article {c.article_id}: `conflictwatch reconcile` "
                                        "builds its event"))
    for e in events:
        members = [claims[cid] for cid in e.claim_ids if cid in claims]
        if not members:
            rep.problems.append(Finding(EMPTY_EVENT, e.event_id, "no stored claim belongs to it"))
            continue
        told_earlier = echoes(members)
        days = sorted({d for c in members if c.article_id not in duplicates and c.claim_id not in told_earlier
                       for d in [exact_day(c)] if d is not None})
        if len(days) > 1:
            rep.problems.append(Finding(DAY, e.event_id, ", ".join(d.isoformat() for d in days)))
        subs = sorted({c.sub_event_type for c in members if c.sub_event_type})
        if len({norm_key(x) for x in subs}) > 1:
            rep.problems.append(Finding(TYPE, e.event_id, ", ".join(subs)))
    for a, b in duplicate_events(events):
        where = a.location or a.country or "no place"
        rep.problems.append(Finding(DUPLICATE, f"{a.event_id} {b.event_id}",
                                    f"{a.event_date} {a.sub_event_type or a.event_type or ''} in {where}: "
                                    f"{a.fatalities} and {b.fatalities} killed"))
    return rep
