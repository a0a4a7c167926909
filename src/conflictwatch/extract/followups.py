"""Sentences that go on about the claim before them: they add to it or lend it their day and place."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from conflictwatch.extract.attribution import SourceMention
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.draft import Draft, event_date, own_day
from conflictwatch.extract.eventtypes import weak_event
from conflictwatch.extract.figures import Casualty, lex
from conflictwatch.extract.numbers import words_to_int
from conflictwatch.extract.placerank import PlaceMention, most_specific
from conflictwatch.extract.retold import dead_dated_again, event_dated_again
from conflictwatch.extract.rules import event_rules, lexicon, words_re
from conflictwatch.extract.tolls import sum_ranges
from conflictwatch.models import Claim, Range
from conflictwatch.months import FULL_NAMES

REFERS_BACK = re.compile(
    r"^(?:the|that|this)\s+(?:attack|strike|air\s?strike|raid|bombing|shelling|blast|explosion|bomb|assault|massacre"
    r"|ambush|attackers|gunmen|assailants|bombers?"  # "The attackers opened fire on worshippers at X"
    r"|incident|killing|shooting|murder"  # "The incident happened at the Mile V neighbourhood in X"
    r"|gunfight|encounter|firefight|gun\s?battle|clash(?:es)?|fighting)\b",  # "The gunfight broke out in X"
    re.IGNORECASE,
)


# Words of another incident: "separately", "another attack", a month or a year ("In June ...")
_ANOTHER = rf"separate(?:ly)?|elsewhere|another|{FULL_NAMES}|(?:19|20)\d\d"
_ANOTHER_INCIDENT = re.compile(rf"\b(?:{_ANOTHER})\b", re.IGNORECASE)
_ALSO_KILLED = re.compile(
    # not another incident, nor one told as later or earlier
    rf"^(?!.*\b(?:{_ANOTHER}|later|earlier)\b).*\b(?:were|was)\s+also\s+killed\b",
    re.IGNORECASE,
)


# "two members of the vigilante force were killed during the encounter": the fight just told
_SAME_FIGHT = re.compile(
    r"\b(?:during|in|in the course of|after)\s+the\s+(?:(?:intense|heavy|fierce|ensuing)\s+)?"
    r"(?:encounter|attack|clash|clashes|fighting|ambush|battle|raid|gunfight|gun\s?battle|exchange of fire"
    r"|firefight|operation|assault|shoot-?out)\b"
    # "a soldier embraced martyrdom while repulsing the assault": a defender of it
    # (not "the army said it had repelled the attack and that dozens of rebels died": its own claim)
    r"|\b(?:while|when|in)\s+(?:repulsing|repelling|foiling|thwarting|resisting|fighting\s+off)\s+the\s+(?:attack|assault|raid"
    r"|ambush|attackers|assailants|militants|terrorists|insurgents)\b",
    re.IGNORECASE,
)
_ANYONE = {"people", "persons", "person", "victims", "civilians", "civilian"}


def more_of_the_count(s: str, cas: list[Casualty], dates: list[DateMention], last: Draft | None,
                      sentence_index: int) -> bool:
    """ "At least 56 civilians had been killed since Saturday. Dozens of soldiers were also killed,
    it said": more dead of the count just told (added to it), not of an incident told before it."""
    if last is None or last.scope != "aggregate" or sentence_index - last.sentence.index != 1:
        return False
    if not cas or not all(c.kind == "killed" and not c.subset for c in cas) or not _ALSO_KILLED.search(s):
        return False
    if any(not d.statement and d.date_start for d in dates):
        return False
    last.extra_killed.extend(c.fig.value for c in cas)
    last.quote.append(s)
    return True


def _more_dead_of_it(s: str, cas: list[Casualty], last: Draft) -> bool:
    """More dead of the incident just told: 'Two of the attackers were also killed', or dead of
    another kind than its toll in the same fight ('47 terrorists', then 'two members of the task
    force ... during the encounter'); not the same dead told again, which would repeat the figure
    or name them as people."""
    if not all(c.kind == "killed" and not c.subset for c in cas) or not any(
        c.kind == "killed" for c in last.casualties
    ):
        return False
    if _ALSO_KILLED.search(s):
        return True
    if not _SAME_FIGHT.search(s) or _ANOTHER_INCIDENT.search(s):
        return False
    before = [c for c in last.casualties if c.kind == "killed" and not c.subset]
    old_words = {(c.victim_word or "").lower() for c in before}
    new_words = {(c.victim_word or "").lower() for c in cas}
    if not all(old_words) or not all(new_words) or (old_words | new_words) & _ANYONE:
        return False
    same_figure = {c.fig.value for c in cas} & {c.fig.value for c in before}
    return not (old_words & new_words) and not same_figure


_DAYS_STRIKE = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:strike|attack|raid|bombing|shelling|blast|assault)\b")
_FACILITY = re.compile(r"\bthe\s+(school|hospital|market|mosque|bakery|building|clinic|convoy|checkpoint|camp"
                       r"|church|mill|station)\b", re.IGNORECASE)


_TOOK_PLACE = re.compile(r"\b(?:took\s+place|happened|occurred|broke\s+out|erupted|began|started)\b",
                         re.IGNORECASE)
DEFINITE_EVENT = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+|latest\s+|first\s+|second\s+|third\s+)?(?:raid|raids|strike|strikes"
    r"|air\s?strikes?|attack|bombing"
    r"|blast|explosion|bombardment|assault|battle|fighting|clashes|shelling|ambush)\b",
    re.IGNORECASE,
)


_INCIDENT_NOUN = (r"(?:attack|incident|strike|air\s?strike|raid|killings?|deaths?|ambush|bombing|explosion"
                  r"|blast|assault|clash(?:es)?|shelling|massacre)")
# "Police spokesman X confirmed the attack", "The strike was confirmed by a spokesman for the PDF",
# "A police officer said the attack began at 9pm": a voice telling of the incident just told
_VOUCHES = re.compile(
    rf"\bconfirm(?:ed|s|ing)\s+(?:that\s+)?the\s+(?:[\w-]+\s+){{0,2}}?{_INCIDENT_NOUN}\b"
    rf"|\b{_INCIDENT_NOUN}\s+(?:was|were|has\s+been|had\s+been)\s+confirmed\s+by\b"
    rf"|\b(?:said|says|told\s+[\w.]+(?:\s+[A-Z][\w.]*)?)\s+(?:that\s+)?the\s+{_INCIDENT_NOUN}\b",
    re.IGNORECASE)
_CONDEMNS = re.compile(r"\b(?:condemn|denounc|deplor|mourn|vow)", re.IGNORECASE)


def vouches_for(s: str) -> bool:
    """Does this figureless sentence have a voice telling of the incident before it (not one
    condemning it)?"""
    return bool(_VOUCHES.search(s)) and not _CONDEMNS.search(s)


_REVISED_TOLL = re.compile(
    r"\b(?:raised|revised|updated|lifted)\s+(?:its|the|their|his|her)\s+(?:\w+\s+)?(?:toll|tally|count)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def marker_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(same-day, new-incident, disaster) word regexes from the lexicon, compiled once."""
    lx = lexicon()
    return (
        words_re(lx["same_day_markers"]),
        words_re(lx["new_incident_markers"]),
        words_re(lx.get("disaster_words", ["flood"])),
    )


# "One of the wounded later died in hospital": a number of the incident's wounded, now dead
_WOUNDED_DIED = re.compile(
    r"^(?:(?:later|also|and)\s+)?(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:more\s+)?of\s+the"
    r"\s+(?:wounded|injured|critically\s+injured|seriously\s+wounded)\s+(?:\w+\s+){0,2}?"
    r"(?:died|succumbed|passed\s+away|has\s+died|have\s+died|later\s+died)\b",
    re.IGNORECASE,
)


_TOLD = re.compile(r"\b(?:said|says|told|according\s+to|reported|claimed|announced|statement)\b",
                   re.IGNORECASE)
_SAID_AT_END = re.compile(r",\s+(?:the\s+|a\s+)?[\w\s'’-]{1,40}?\s+(?:said|says|added)\s*\.?[\"”’']?\s*$")
_TREATED_IN = re.compile(
    r"\b(?:hospitals?|clinics?|treated|admitted|taken|rushed|evacuated|airlifted)\b[^.;]{0,25}?\b(?:in|to)\s+"
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
    return rx.search(s, max(0, p.start - 60), p.start) is not None


# "One woman died in hospital on Saturday", "Two more people later succumbed to their injuries": told
# right after an incident with wounded, some of them
_HURT_DIED = re.compile(
    r"^(?:(?:later|also|and)\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:more\s+)?(?:[\w-]+\s+){0,2}?(?:later\s+|has\s+|have\s+|had\s+)?(?:died|succumbed|passed\s+away)\s+"
    r"(?:later\s+)?(?:in\s+(?:the\s+|a\s+)?hospital|(?:of|from|to)\s+(?:his|her|their)\s+(?:wounds|injuries))",
    re.IGNORECASE,
)


def wounded_died(s: str, last: Draft, toll: Draft | None = None) -> bool:
    """Fold "One of the wounded later died in hospital" into the incident just told: one more
    dead, one fewer hurt; "One woman died in hospital on Saturday" joins it with no more dead. True
    if it did. `toll`: the incident told with its dead before `last`, when `last` told only the hurt
    ("The police said 61 were wounded"): the new dead are that toll's."""
    if not any(c.kind == "injured" for c in last.casualties):
        return False
    m = _WOUNDED_DIED.match(s.strip())
    if m is None:
        if _HURT_DIED.match(s.strip()) is None:
            return False
        # "One woman died in hospital on Saturday": most often the dead the lede already counts (it
        # is written after); no incident of its own, and no more dead than the text tells
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


def extends(
    s: str,
    raw: str,
    cas: list[Casualty],
    dates: list[DateMention],
    places: list[PlaceMention],
    event: tuple[str, str] | None,
    speakers: list[SourceMention],
    last: Draft,
) -> bool:
    """Fold a follow-up sentence into the previous incident claim; True if it did."""
    event_dates = [d for d in dates if not d.statement]
    if cas:
        # "That included five children, it said." / "Twenty-two rebels were wounded."
        voices = {sp.name for sp in speakers if sp.name}
        told = _TOLD.search(" ".join(last.quote))
        if last.source is None and not told and len(voices) == 1 and all(c.kind == "injured" for c in cas) \
                and _SAID_AT_END.search(s):
            # "Russian shelling killed three in Kupiansk. One other person was injured, the
            # governor said.": the voice at the end tells both
            last.source = voices.pop()
        if any(sp.name and sp.name != last.source for sp in speakers):
            return False
        # "... wounded and are being treated in hospitals in Owo and Akure": where the hurt are
        # treated is not a new place of the incident
        places = [p for p in places if not treated_in(s, p)]
        last_day = event_date(last.dates)[0]
        # ("the dead included three children and that at least 20 others were wounded": a part of
        # the toll and the wounded of the same incident)
        parts = all(c.subset for c in cas) or (
            any(c.subset for c in cas) and all(c.subset or c.kind == "injured" for c in cas)
            and not any(c.kind == "injured" for c in last.casualties) and not last.extra_injured)
        if parts and all(d.date_start in (None, last_day) for d in event_dates):
            # "Three children were among those killed at the market in al-Fardous on Tuesday":
            # a breakdown of the toll just given, which may also name the spot more exactly.
            spec, cur = most_specific(places), most_specific(last.places)
            if spec is not None and (cur is None or spec.rank < cur.rank) and not last.place_override:
                last.place_override = spec.name
            add_subset(last, cas, raw)
            return True
        if event_dates or places:
            return False
        if lex().aggregate.search(s):
            return False
        if _more_dead_of_it(s, cas, last):
            # "Two of the attackers were also killed in the clash, the statement said": more dead
            # of the same incident, by the same source, added to its toll.
            last.extra_killed.extend(c.fig.value for c in cas)
            last.quote.append(raw)
            return True
        if all(c.subset for c in cas) or (
            all(c.kind == "injured" for c in cas)
            and not any(c.kind == "injured" for c in last.casualties)
            and event is None
        ):
            add_subset(last, cas, raw)
            return True
        return False
    if dead_dated_again(raw, event_dates, places, last) or event_dated_again(raw, event_dates, places, last):
        return True  # "The soldiers were killed on Monday when ... in Bureij", "The bomb went off on Sunday"
    # "The attack hit the city's al-Marjeh area." / "...the school in the al-Suleimaniya area..."
    spec = most_specific(places)
    cur = most_specific(last.places)
    # ("The incident took place in Nkwen", after "killed a young man in Bamenda": where it happened,
    # said as such, even in a name of the same rank or one below: the lead's "district" may be a
    # district, the rank of a village)
    # (the place right after the verb: "broke out in several districts of Tripoli, pitting forces
    # of the government of X" names no place where at X)
    took = _TOOK_PLACE.search(s)
    refers_back = REFERS_BACK.match(s) is not None
    where = refers_back and took is not None and spec is not None \
        and spec.via in ("in", "at", "near", "between", "of") and 0 <= spec.start - took.end() <= 80 \
        and not any(took.end() <= p.start < spec.start for p in places)
    if spec is None or (cur is not None and spec.rank >= cur.rank + (2 if where else 0)):
        return False
    if event_dates and not own_day(last) and refers_back:
        # "The toll ... rose to 34 on Tuesday." then "The attack on Tuesday night last week hit
        # the village of Kautikari": the incident's own day and place
        last.dates = [*event_dates, *last.dates]
        last.place_override = spec.name
        last.quote.append(raw)
        return True
    new_day = event_dates[0].date_start if event_dates else None
    told_day, told_end, told_precision = event_date(last.dates) if event_dates else (None, None, None)
    within = told_precision == 2 and told_day and told_end and new_day and told_day <= new_day <= told_end
    told_before = bool(new_day and told_day and 0 < (told_day - new_day).days <= 3)
    if new_day and told_day and refers_back and took and (told_before or within):
        # "The attack happened on April 16 near Petelkole", after a lead dated by the communique read
        # on Sunday evening: the day the text says it happened, a day or two before it was told; "The
        # attack took place on Thursday 20 October in Naulala", after a lead's "last week": its day
        last.dates = [*event_dates, *last.dates]
    elif event_dates and last.dates and new_day != told_day:
        return False
    # ("The gunmen arrived ... shortly after dusk in Dalwa": where they struck; not "The fighting pitted
    # forces ... against groups who tried to enter Tripoli ... including the Zawiya road")
    early = spec.via in ("in", "at", "near", "on") and spec.start <= 100
    if not event_rules()[1].search(s) and not (refers_back and (took or early)):
        return False
    refers = (refers_back or DEFINITE_EVENT.search(s)) and spec.via != "including"  # (not a way in)
    fac = _FACILITY.search(s)
    shared = fac and re.search(rf"\b{fac.group(1)}\b", " ".join(last.quote), re.IGNORECASE)
    if refers or shared:
        last.place_override = spec.name
        last.quote.append(raw)
        return True
    return False


# "Rescuers had found the body of a baby and his mother", "bodies pulled from the rubble": the dead of
# the strike just told, found one by one
_RESCUE = re.compile(r"\b(?:rescuers|rescue\s+(?:workers|teams|crews)|emergency\s+workers|firefighters"
                     r"|(?:from|under|beneath)\s+the\s+(?:rubble|debris|ruins))\b", re.IGNORECASE)


def bodies_of_the_told(s: str, cas: list[Casualty], last: Draft) -> bool:
    """Fold the few bodies rescuers found (a person or a family), fewer than the toll just told, into
    that incident as a part of it (not a new incident). True if it did."""
    dead = [c for c in cas if c.kind == "killed"]
    told = [c.fig.value.low for c in last.casualties if c.kind == "killed" and not c.subset]
    if not dead or len(dead) != len(cas) or not told or not _RESCUE.search(s):
        return False
    found = sum(c.fig.value.high or c.fig.value.low for c in dead)
    if found >= max(told) or found > 3:
        return False  # (a count of bodies is a rescue service's own toll: "pulled 20 bodies")
    last.quote.append(s)
    return True


def add_subset(last: Draft, cas: list[Casualty], raw: str) -> None:
    kids = [c for c in cas if c.victim == "children" and c.kind == "killed"]
    if any(c.fig.exact_number for c in kids):
        kids = [c for c in kids if c.fig.exact_number]
    children = [c.fig.value for c in kids]
    if children:
        last.extra_children = sum_ranges(children)
    injured = [c.fig.value for c in cas if c.kind == "injured"]
    if injured:
        last.extra_injured = injured[0]
    if not any(c.kind == "killed" for c in last.casualties) and not last.extra_killed:
        # "Bandits attacked a checkpoint ... The dead included three soldiers and a policeman":
        # an incident told with no toll takes the list's, as parts (at least their sum)
        last.casualties.extend(c for c in cas if c.kind == "killed")
    last.quote.append(raw)


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
