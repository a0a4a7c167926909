"""The dead told after the incident: the hurt who died later ("One of the wounded later died in
hospital"), the nth dead ("A third soldier died of his wounds"), a toll that rose ("By Wednesday the
toll had risen to 23", "bringing the toll to six"); and where the hurt were treated, which is no place
of the incident."""

from __future__ import annotations

import re

from conflictwatch.extract.counted import dead_told, within_days
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.draft import Draft
from conflictwatch.extract.figures import Casualty
from conflictwatch.extract.numbers import words_to_int
from conflictwatch.extract.placerank import PlaceMention
from conflictwatch.models import Range

# "One of the wounded later died in hospital": a number of the incident's wounded, now dead
_WOUNDED_DIED = re.compile(
    r"^(?:(?:later|also|and)\s+)?(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:more\s+)?of\s+the"
    r"\s+(?:wounded|injured|critically\s+injured|seriously\s+wounded)\s+(?:\w+\s+){0,2}?"
    r"(?:died|succumbed|passed\s+away|has\s+died|have\s+died|later\s+died)\b",
    re.IGNORECASE,
)


_THE_HURT_ONE_DIED = re.compile(
    r"^(?:UPD(?:ATE)?\s*:?\s*)?(?:(?:unfortunately|sadly|tragically|later)\s*,?\s*)?the\s+(?:injured\s+|wounded\s+)?"
    r"(?P<noun>[a-z]+)\s+(?:later\s+|has\s+|had\s+)?(?:died|succumbed|passed\s+away)\b", re.IGNORECASE)



_TREATED_IN = re.compile(
    r"\b(?:hospitals?|clinics?|treated|admitted|taken|rushed|evacuated|airlifted|medical\s+college|succumbed)\b"
    r"[^.;]{0,25}?\b(?:in|to|at)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+)?(?:and\s+(?:the\s+)?(?:state\s+capital,?\s+)?)?$",
    re.IGNORECASE,
)
# "was evacuated to the Army's 92 Base Hospital in Srinagar", "rushed to a hospital in Mogadishu":
# where the hurt were taken, even in the sentence that tells the incident (not "an air strike hit a
# hospital in Maarat al-Numan", nor "a doctor at the hospital in Abs", nor "treated in hospitals in
# Bokkos", which are often where it happened)
_TAKEN_TO = re.compile(
    r"\b(?:taken|rushed|evacuated|airlifted|transferred|referred)\s+to\b"
    r"(?:(?!\b(?:wounded|injured|killed|hurt|by)\b)[^.;]){0,45}?\b(?:in|to)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)


def treated_in(s: str, p: PlaceMention, strict: bool = False) -> bool:
    """Is the place where the hurt were taken ("died at a hospital in Kyaukme")? `strict`: only
    where a verb says they were taken there ("evacuated to", "rushed to")."""
    rx = _TAKEN_TO if strict else _TREATED_IN
    if _HOSPITAL_AFTER.match(s, p.end) and _DIED_AT.search(s, max(0, p.start - 60), p.start):
        return True  # "Four wounded villagers died at the Mokolo district hospital": the hospital's town
    return rx.search(s, max(0, p.start - 60), p.start) is not None


_HOSPITAL_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:hospital|clinic|health\s+cent(?:re|er))\b",
                             re.IGNORECASE)
_DIED_AT = re.compile(r"\b(?:died|succumbed|treated|admitted|taken|rushed|evacuated)\b[^.;]{0,30}?"
                      r"\b(?:at|in|to)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


# "One woman died in hospital on Saturday", "Two more people later succumbed to their injuries": told
# right after an incident with wounded, some of them
_HURT_DIED = re.compile(
    r"^(?:(?:later|also|and)\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:more\s+)?(?:[\w-]+\s+){0,2}?(?:later\s+|has\s+|have\s+|had\s+)?(?:died|succumbed|passed\s+away)\s+"
    r"(?:later\s+)?(?:(?:in|at)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?hospital"
    r"|(?:of|from|to)\s+(?:his|her|their)\s+(?:wounds|injuries))",
    re.IGNORECASE,
)


def wounded_died(s: str, last: Draft, toll: Draft | None = None) -> bool:
    """Fold "One of the wounded later died in hospital" into the incident just told: one more
    dead, one fewer hurt; "One woman died in hospital on Saturday" joins it with no more dead. True
    if it did. `toll`: the incident told with its dead before `last`, when `last` told only the hurt
    ("The police said 61 were wounded"): the new dead are that toll's."""
    hurt = _THE_HURT_ONE_DIED.match(s.strip())
    told_hurt = (rf"\b(?:an?|one)\s+(?:[\w-]+\s+)?{hurt['noun']}\s+(?:was\s+)?(?:also\s+)?"
                 r"(?:injured|wounded|hurt)\b") if hurt is not None else None
    if told_hurt is not None and re.search(told_hurt, " ".join(last.quote), re.IGNORECASE):
        # "A woman was injured. UPD: Unfortunately, the woman died in hospital.": one of the hurt died
        last.died_of_wounds += 1
        if last.extra_injured is not None and not any(c.kind == "injured" for c in last.casualties):
            low, high = last.extra_injured.low, last.extra_injured.high
            last.extra_injured = Range(low - 1, None if high is None else high - 1) if low > 1 else None
        last.quote.append(s)
        return True
    if not any(c.kind == "injured" for c in last.casualties):
        return False
    m = _WOUNDED_DIED.match(s.strip())
    if m is None:
        if _HURT_DIED.match(s.strip()) is None:
            return False
        # "One woman died in hospital on Saturday": most often the dead the lede already counts (it
        # is written after); no incident of its own, and no more dead than the text tells
        # ("One more person died in hospital, bringing the toll to six": the toll it tells)
        taken = _TOLL_TAKEN_TO.search(s)
        n = words_to_int(taken.group("n")) if taken else None
        told = sum(r.low for r in dead_told(last))
        if n is not None and told < n <= told + 3:
            last.raised_to = Range(n, n)
        last.quote.append(s)
        return True
    n = words_to_int(m.group("n"))
    if n is None:
        return False
    if toll is not None and not any(c.kind == "killed" for c in last.casualties):
        toll.extra_killed.append(Range(n, n))
        toll.quote.append(s)
        return True
    last.died_of_wounds += n
    last.quote.append(s)
    return True



_TOLL_RISEN = re.compile(r"^[\W\d]*(?:UPD(?:ATE)?\s*:?\s*)?"
                         # ("By Wednesday the toll had risen to 23": the day of the count, not of the attack)
                         r"(?:(?:by|on|as\s+of)\s+(?:\w+\s+){0,2}?\w+,?\s+)?(?:the\s+)?(?:(?:death\s+)?toll"
                         r"|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|people\s+killed|those\s+killed))"
                         r"\s+(?:has\s+|had\s+)?(?:(?:later|since|now|further)\s+)?"
                         r"(?:risen|rose|climbed|increased|grown|jumped)\s+to\b", re.IGNORECASE)


def nth_dead_of_it(s: str, cas: list[Casualty], event_dates: list[DateMention], places: list[PlaceMention],
                    last: Draft) -> bool:
    """ "Two soldiers were killed in an ambush near Dhobley. A third soldier died of his wounds on
    Wednesday.": the toll of the incident just told, now three (not three more dead)."""
    told = sum(r.low for r in dead_told(last))
    if not (told and len(cas) == 1 and cas[0].kind == "killed" and _NTH_DEAD.match(cas[0].fig.text)
            and cas[0].fig.value.low == told + 1 and within_days(event_dates, last, 7)):
        return False
    named = {p.name for p in last.places}
    return all(p.name in named or treated_in(s, p) for p in places)


_NTH_DEAD = re.compile(r"an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
                       re.IGNORECASE)


def raised_toll_of(s: str, cas: list[Casualty], event_dates: list[DateMention], places: list[PlaceMention],
                    last: Draft) -> bool:
    """ "The death toll has risen to 8", with no day or place of its own: the last incident's toll."""
    totals = [c for c in cas if c.kind == "killed" and c.total]
    extra = [c for c in cas if not (c.total or c.increment)]
    told = sum(r.low for r in dead_told(last))
    if totals and _TOLL_TAKEN.search(s) and _DIED_OF_WOUNDS.search(s) and (not extra or (
            # ("A policeman injured in the gunfight died later, taking the toll to four", after three)
            all(c.kind == "killed" for c in extra)
            and told + sum(c.fig.value.low for c in extra) == totals[-1].fig.value.low)):
        # "One more injured person succumbed at the hospital in Jammu on Monday, taking the toll in the
        # firing to five": the toll of the incident just told, raised later (where the hurt died is no
        # place of it)
        told = {p.name for p in last.places}
        return within_days(event_dates, last, 7) and all(p.name in told or treated_in(s, p) for p in places) \
            and any(c.kind == "killed" for c in last.casualties)
    if not cas or not all(c.kind == "killed" and c.total for c in cas) or not _TOLL_RISEN.search(s):
        return False
    # (a day of its own is the day of the count, up to a week after: "had risen to 14 by Saturday")
    named = {p.name for p in last.places}
    return within_days(event_dates, last, 7) and all(p.name in named for p in places) \
        and any(c.kind == "killed" for c in last.casualties)


_DIED_OF_WOUNDS = re.compile(r"\b(?:succumbed|died\s+(?:of|from)\s+(?:his|her|their)\s+(?:wounds|injuries)"
                             r"|died\s+(?:later\s+)?in\s+(?:a\s+|the\s+)?hospital"
                             # ("A policeman injured in the gunfight died later")
                             r"|(?:injured|wounded)\b[^.;]{0,60}?\b(?:later\s+)?died(?:\s+later)?)\b",
                             re.IGNORECASE)
_TOLL_TAKEN = re.compile(r"\b(?:taking|bringing|raising|pushing)\s+the\s+(?:death\s+)?toll\s+"
                         r"(?:in\s+[\w\s]{1,30}?\s+)?to\b", re.IGNORECASE)
_TOLL_TAKEN_TO = re.compile(_TOLL_TAKEN.pattern + r"\s+(?P<n>[\w-]+)", re.IGNORECASE)


# "The number of people killed in clashes in Rumbek rose to nine on Sunday": a toll counted up to a day
_RISEN_ANYWHERE = re.compile(r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|people\s+killed))"
                             r"\b[^.;]{0,80}?\b(?:rose|risen|climbed|increased|reached|jumped)\s+to\b",
                             re.IGNORECASE)


def risen_toll_told_again(s: str, cas: list[Casualty], event_dates: list[DateMention],
                          places: list[PlaceMention], last: Draft) -> bool:
    """Does the sentence tell the dead that the incident's risen toll counts, on the earlier day
    they died (up to a week before the count), at no other place? The lead's day was the count's."""
    if not last.quote or not _RISEN_ANYWHERE.search(last.quote[0]):
        return False
    told = sum(r.low for r in dead_told(last))
    dead = sum(c.fig.value.low for c in cas if c.kind == "killed" and not c.subset)
    count_day = next((d.date_start for d in last.dates if not d.statement and d.date_start), None)
    days = [d.date_start for d in event_dates if d.date_start]
    named = {p.name for p in last.places}
    return bool(told and 0 < dead <= told and count_day and days
                and all(0 < (count_day - d).days <= 7 for d in days)
                and all(p.name in named for p in places))
