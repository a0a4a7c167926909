"""Claims that take what they lack from claims told before them, once all are drafted: the day of the
incident an update or a follow-up speaks of, its event type and place, and "no one was hurt"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from conflictwatch.extract.backrefs import DEFINITE_EVENT
from conflictwatch.extract.draft import Draft, own_day
from conflictwatch.extract.eventtypes import weak_event
from conflictwatch.extract.followups import marker_res
from conflictwatch.extract.laterdead import treated_in
from conflictwatch.extract.numbers import words_to_int
from conflictwatch.extract.placerank import TYPED_REGION, most_specific
from conflictwatch.models import Claim, Range

_DAYS_STRIKE = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:strike|attack|raid|bombing|shelling|blast|assault)\b")
_REVISED_TOLL = re.compile(
    r"\b(?:raised|revised|updated|lifted)\s+(?:its|the|their|his|her)\s+(?:\w+\s+)?(?:toll|tally|count)\b",
    re.IGNORECASE,
)


_N_DAYS = r"(?P<n>an?|one|two|three|four|five|six|\d)\s+days?"  # "a day", "two days", "3 days"
_EARLIER_LEAD = re.compile(
    rf"^\W*(?:{_N_DAYS}\s+(?:earlier|before)|the\s+day\s+before"
    r"|(?:on\s+)?the\s+(?:previous|preceding)\s+day)\s*,", re.IGNORECASE)
# "A day later, ...", "Two days after the ambush, ...", "The next day, ...", "... the following day.":
_LATER_LEAD = re.compile(  # after the incident told
    rf"^\W*(?:{_N_DAYS}\s+(?:later|after\s+[^,]{{1,50}})"
    r"|(?:on\s+)?the\s+(?:next|following)\s+day|(?:on\s+)?the\s+day\s+after\s+[^,]{1,50})\s*,"
    r"|^[^;]*?\bthe\s+(?:next|following)\s+day\W*$", re.IGNORECASE)
_CAME_AFTER = re.compile(rf"\bcame\s+{_N_DAYS}\s+after\b", re.IGNORECASE)


_ALSO_ELSEWHERE = re.compile(r"^\W*(?:(?:an?|the)\s+[\w-]+\s+(?:[\w-]+\s+)?(?:was|were)\s+also\b"
                             r"|a\s+(?:second|third)\s+(?:strike|missile|drone|shell|rocket|bomb|blast|explosion)\b)",
                             re.IGNORECASE)


def _days_before(text: str, d: Draft) -> int | None:
    """How many days before the incident told last this sentence's incident was: "A day earlier,
    militants ...", "Two days earlier, ...", "The attack came a day after gangs stormed X, killing four"
    (the figures after "after"); after it, negative ("A day later, ...", "Two days after the ambush,
    ..."); None when it does not say."""
    sign = 1
    m = _EARLIER_LEAD.match(text)
    if m is None and (m := _LATER_LEAD.match(text)) is not None:
        sign = -1
    if m is None:
        m = _CAME_AFTER.search(text)
        if m is None or not d.casualties or any(c.fig.start < m.end() for c in d.casualties):
            return None
    n = (m.group("n") or "one").lower()
    days = int(n) if n.isdigit() else 1 if n in ("a", "an") else words_to_int(n)
    return None if days is None else sign * days


_CALENDAR_DAY = re.compile(r"\d")
_NEW_COUNT = re.compile(
    r"\b(?:toll|tally|(?:had\s+)?(?:risen|rose|climbed|increased|jumped)\s+to)\b"
    r"|\bnumber\s+of\s+(?:the\s+)?(?:dead|deaths|bodies|(?:people|those)\s+killed|victims|fatalities)\b"
    r"|\bhad\s+(?:died|been\s+killed|perished|lost\s+their\s+lives)\b|\b(?:have|has|had)\s+buried\b",
    re.IGNORECASE)


_ONE_OF_THE_DEAD = re.compile(r"\W*(?:among\s+(?:the|those)\s+(?:dead|killed|victims)|the\s+(?:dead|victims)"
                              r"\s+included)\b", re.IGNORECASE)


def inherit_dates(drafts: list[Draft], claims: list[Claim], days: Sequence[date | None],
                  texts: Sequence[str] = ()) -> None:
    """An incident sentence with no day of its own that goes on about the incident before it
    ("Doctors in the town put the toll higher", "the raids", "hours later") happened that day.
    A sentence naming a new place, or saying "separately"/"elsewhere", is a new incident; so is
    one after a sentence that tells another day ("On Thursday soldiers shot eight villagers.
    Three died."), unless it refers back. `days`: each sentence's event day, if it names one."""
    same_day, new_incident, _ = marker_res()
    prev: tuple[Draft, Claim] | None = None
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident":
            continue
        text = d.sentence.text
        back = _days_before(text, d)
        if back and any(x.date_start and not x.statement and (back < 0 or _CALENDAR_DAY.search(x.text))
                        for x in d.dates):
            back = None  # "Two days after the ambush, on Tuesday, ...", "Two days earlier, on 13 September,
            # insurgents ambushed ...": its own day says it (a weekday before one counts from the news)
        if back and prev is not None and prev[1].date_start is not None:
            # "A day earlier, militants attacked a police station": the day before the incident
            # just told (not before publication); "The attack came a day after gangs stormed X"
            c.date_start = c.date_end = prev[1].date_start - timedelta(days=back)
            c.time_precision = 1
            c.claim_id = c.make_id()
            prev = (d, c)  # ("Two days after the ambush, ... A day later, ...": from the last one told)
            continue
        own = [x for x in d.dates if not x.statement and x.date_start]
        said_only = not own and any(x.statement and x.date_start for x in d.dates)
        if own and prev is not None and _REVISED_TOLL.search(text):
            # "Later on Tuesday, the Observatory raised its toll to 23": the day of the revision.
            own = [x for x in own if x.text.endswith(("'s", "’s"))]
            said_only = True
        if prev is not None and not own and prev[1].date_start is not None:
            p_draft, p_claim = prev
            p_text = " ".join(p_draft.quote).lower()
            # (where the wounded died is no new place: "died at a hospital in Kyaukme")
            new_place = any(pl.rank <= 2 and pl.name.lower() not in p_text
                            and not treated_in(text, pl)
                            for pl in d.places) or bool(
                d.place_override and d.place_override.lower() not in p_text
            )
            # (a new count of the day's dead, said later: "told journalists on Monday that the number of
            # bodies recovered had risen to 22", "said on Sunday that more than 30 people had died")
            rising = bool(_NEW_COUNT.search(text))
            refers = bool(DEFINITE_EVENT.search(text))
            same = bool(same_day.search(text))
            between = range(p_draft.sentence.index + 1, d.sentence.index)
            # (not the day one of the dead was shot: "Among the dead was a boy shot on Thursday night")
            told = [x for x in (days[j] for j in between
                                if not (texts and _ONE_OF_THE_DEAD.match(texts[j]))) if x is not None]
            if told and told[-1] != p_claim.date_start and not refers and not same:
                # Another day was told since ("On Thursday soldiers shot eight villagers. Three
                # died."): the story moved on; `borrow_dates` finds this sentence's day.
                prev = None
                continue
            follow = same or (not new_place and not new_incident.search(text))
            follow = follow or (refers and not new_incident.search(text))
            # "A man was also wounded in the village of Bilozerka", "A second missile hit Bilenke": more
            # of the day just told, somewhere else
            follow = follow or bool(_ALSO_ELSEWHERE.match(text))
            # '"They killed 12 of our people," a resident told reporters on Wednesday' after "killed 12
            # ... on Tuesday": the same toll retold, dated by the telling
            # (not one dead: "an infantryman died of wounds" after "a sergeant died" is another man)
            retold = c.killed is not None and c.killed == p_claim.killed and c.killed.low >= 2
            # ("A jet bombed Nyaung Kone village, killing six people" right after "killed six civilians in
            # Chaung-U Township on April 5": the same six, told again with their village)
            follow = follow or (retold and d.sentence.index == p_draft.sentence.index + 1
                                and own_day(p_draft) and not new_incident.search(text))
            if follow and (not said_only or rising or refers or retold):
                c.date_start, c.date_end, c.time_precision = p_claim.date_start, p_claim.date_end, 1
                c.claim_id = c.make_id()
        if c.date_start is not None:
            prev = (d, c)


def _same_story(d: Draft, c: Claim, p_draft: Draft, p_claim: Claim) -> bool:
    """Does this claim go on about the previous incident without a more exact place of its own?"""
    if p_claim.location is None or d.sentence.index - p_draft.sentence.index > 3:
        return False
    if c.date_start is not None and c.date_start != p_claim.date_start:
        return False  # another day, or a dated report after an undated one
    if c.sub_event_type and p_claim.sub_event_type and c.sub_event_type != p_claim.sub_event_type:
        return False
    own = most_specific(d.places)
    prev = most_specific(p_draft.places)
    if own is not None and (prev is None or own.rank <= prev.rank or (own.rank <= 2 and not (
            DEFINITE_EVENT.search(d.sentence.text) or _DAYS_STRIKE.search(d.sentence.text)))):
        return False  # a place as exact as the last one's, or a village not of "this morning's strike"
    if own is not None and own.rank >= 3:
        # "In Kherson Oblast, five were killed" after a toll in Kharkiv (region; or city, as it opens)
        key = own.name.split()[0].lower()
        regions = [p for p in p_draft.places if p.rank >= 3]
        # (or a province the last sentence names in passing: "..., Donetsk Oblast governor Vadym
        # Filashkin said. Two people were killed ... in Kherson Oblast")
        regions = regions or TYPED_REGION.findall(p_draft.sentence.text)
        if (regions or own.start <= 3) and key not in p_draft.sentence.text.lower():
            return False
    return not marker_res()[1].search(d.sentence.text)


def _toll_update_of(d: Draft, c: Claim, p_draft: Draft, p_claim: Claim) -> bool:
    """Is this claim a new toll of the incident just told, dated only by the day of the count and
    placed, if at all, only where the wounded died?"""
    if not any(x.total for x in d.casualties) or p_claim.date_start is None:
        return False
    if not 0 < d.sentence.index - p_draft.sentence.index <= 3 or marker_res()[1].search(d.sentence.text):
        return False
    if any(not x.statement and x.date_start and x.date_start < p_claim.date_start for x in d.dates):
        return False  # a day of its own before the incident's: its own incident
    # (a later day is the day of the count or of the death: "died of his wounds on Monday, bringing
    # the toll to two", "On Monday the death toll stands at 35")
    s = d.sentence.text
    return all(treated_in(s, p) or p.name == p_claim.location
               for p in d.places)


_RAID = re.compile(r"\braids?\b", re.IGNORECASE)
# Who raids on foot: "forces", "troops" ... in the sentence make a raid a ground one.
_ON_FOOT = re.compile(r"\b(?:forces|troops|soldiers|police|policemen|commandos|gunmen|militants|fighters)\b",
                      re.IGNORECASE)


def inherit_type_and_place(drafts: list[Draft], claims: list[Claim]) -> None:
    """A toll with no event word of its own, just after an incident on the same day, is about
    that incident ("Yemen's health ministry gave a lower toll of 82 dead"): same type, and its
    place when it names none."""
    prev: tuple[Draft, Claim] | None = None
    air: tuple[str, str] | None = None  # the type of the article's first air strike, if any
    for d, c in zip(drafts, claims, strict=True):
        if air is None and c.sub_event_type == "Air/drone strike" and c.event_type:
            air = (c.event_type, c.sub_event_type)  # a weekend's toll of air strikes counts too
        if c.scope != "incident":
            continue
        weak = c.event_type is not None and weak_event(d.sentence.text)
        if prev is not None and _toll_update_of(d, c, *prev):
            # "The death toll rose to 12 on Sunday after three of the injured died at a hospital in
            # Kyaukme": the day and place of the count and of the hospital are not the incident's
            p_claim = prev[1]
            c.date_start, c.date_end = p_claim.date_start, p_claim.date_end
            c.time_precision = p_claim.time_precision
            c.location = p_claim.location
            if c.event_type is None or weak:
                c.event_type, c.sub_event_type = p_claim.event_type, p_claim.sub_event_type
            c.actor1 = c.actor1 or p_claim.actor1
            c.claim_id = c.make_id()
        if prev is not None and c.location != prev[1].location and _same_story(d, c, *prev):
            # A second source or a new toll for the incident just told, naming only its city (or
            # nothing): the incident's own, more exact place.
            c.location = prev[1].location
            c.claim_id = c.make_id()
        if prev is not None and (c.event_type is None or weak):
            p_draft, p_claim = prev
            close = d.sentence.index - p_draft.sentence.index <= 3 or bool(
                DEFINITE_EVENT.search(d.sentence.text)
                or re.search(r"\bthe (?:death )?toll\b", d.sentence.text, re.I)
            )
            same_day = c.date_start is None or c.date_start == p_claim.date_start
            ground = _RAID.search(d.sentence.text) and _ON_FOOT.search(d.sentence.text)
            if ground and p_claim.sub_event_type == "Air/drone strike":
                close = False  # "Israeli forces killed five during a raid": troops, not the jets before
            if close and same_day and p_claim.event_type:
                c.event_type, c.sub_event_type = p_claim.event_type, p_claim.sub_event_type
                if not d.places and c.location in (None, p_claim.location) and p_claim.location:
                    c.location = p_claim.location
                c.claim_id = c.make_id()
        text = d.sentence.text
        if weak and air is not None and _RAID.search(text) and not _ON_FOOT.search(text):
            # "Fresh raids on Wednesday hit ..." after the air strikes of Tuesday: in a story of air
            # strikes a raid is one more (a raid on its own is troops on the ground).
            c.event_type, c.sub_event_type = air
            c.claim_id = c.make_id()
        if c.event_type is not None:
            prev = (d, c)


# "but no one was hurt", "No one was killed.", "there were no casualties": the text gives the toll,
# and it is nought.
_NO_ONE = re.compile(
    r"\b(?:no\s+one|nobody|no-one)\s+(?:was|were|has\s+been|had\s+been)\s+(?P<what>killed|hurt|injured|wounded"
    r"|harmed)\b|\b(?:there\s+were|with|caused|causing|reported)\s+no\s+(?P<cas>casualties|injuries|deaths)\b"
    r"|\bno\s+(?P<cas2>casualties|injuries|deaths)\s+(?:were|was|have\s+been)\s+reported\b",
    re.IGNORECASE,
)


def no_one_hurt(drafts: list[Draft], claims: list[Claim], texts: Sequence[str]) -> None:
    """An incident with no figure, said in its sentence or the next to have hurt nobody, has a
    toll of 0 ('suspected militants torched three houses, but no one was hurt')."""
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident" or d.casualties or c.killed is not None:
            continue
        here = d.sentence.text
        after = texts[d.sentence.index + 1] if d.sentence.index + 1 < len(texts) else ""
        m = _NO_ONE.search(here) or (_NO_ONE.match(after.strip()) if len(after) < 120 else None)
        if m is None:
            continue
        what = (m.group("what") or m.group("cas") or m.group("cas2") or "").lower()
        c.killed = Range(0, 0)
        if what in ("hurt", "injured", "wounded", "harmed", "casualties", "injuries"):
            c.injured = Range(0, 0)
        c.claim_id = c.make_id()
