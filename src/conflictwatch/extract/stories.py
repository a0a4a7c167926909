"""One incident told over several sentences: the claims about it share its day and its toll.

Real reports rarely put the victim, the day and the place in one sentence. A lede says "A
soldier was killed in a clash with rebels in Northern Samar", the second paragraph "The
clash took place on September 20"; a crime brief opens "The attack occurred around 5 p.m."
and says who died later. Two passes, after the claims are built:

* `borrow_dates`: an incident claim with no day of its own takes the day of a nearby sentence
  that tells of the same incident ("the incident took place on Saturday", "he was shot on
  Monday") — looking ahead a few sentences, then back — unless that sentence turns to another
  incident ("separately", "in another attack") or the day is a statement's ("said on Monday").
* `borrow_places`: an incident claim that names no place, or only a province or a country, takes
  the most specific place named for its incident nearby (the lede's "in Umella village of Guma
  LGA" for a later "six persons were killed"), and the provinces named around it go with it as
  context for the geocoder.
* `fold_figureless`: an incident claim with no figure ("Gunmen attacked the village on
  Monday") followed closely by a toll for the same incident from the same voice ("Three
  people died") becomes one claim: the incident with its toll, quoted from both sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from conflictwatch.extract.backrefs import DEFINITE_EVENT, REFERS_BACK
from conflictwatch.extract.dates import find_dates, names_weekday
from conflictwatch.extract.draft import Draft, own_day
from conflictwatch.extract.followups import marker_res
from conflictwatch.extract.labels import opens_item
from conflictwatch.extract.laterdead import treated_in
from conflictwatch.extract.placerank import ROUTE, TYPED_REGION, PlaceMention, most_specific
from conflictwatch.extract.scope import long_ago
from conflictwatch.extract.sentences import PerSentence, Sentence
from conflictwatch.models import Article, Claim

# "the incident took place", "the attack occurred", "he was shot on Monday": a sentence that
# goes on about an incident already told.
_REFERS = re.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:incident|attack|attacks|killing|killings|murder|shooting"
    r"|clash|clashes|encounter|ambush|raid|operation|assault|explosion|blast|bombing|strike|airstrike"
    r"|air strike|fighting|battle|massacre|gunfight|firefight|confrontation|skirmish|violence|event"
    r"|events|crime|discovery|abduction|kidnapping|device|belt|bomb|grenade|rocket|missile|shell|drone)\b"
    r"|\b(?:he|she|they|the victims?|the deceased|the bodies|the body)\s+(?:was|were|had been)\b"
    r"|\bthe\s+(?:suspected\s+)?(?:invaders|assailants|attackers|gunmen|gunman|bandits|herdsmen|killers"
    r"|perpetrators|raiders|hoodlums)\b"
    r"|\bthe\s+(?:[\w-]+\s+){0,2}?[\w-]+s\s+(?:were|had been)\s+(?:\w+\s+)?"
    r"(?:killed|eliminated|neutrali[sz]ed|shot|gunned|murdered|executed|found|attacked|ambushed|abducted)\b",
    re.IGNORECASE,
)
_AHEAD = 4  # sentences to look ahead for the incident's day
_BEHIND = 2


def sentence_days(sentences: list[Sentence], published: date | None) -> PerSentence[date | None]:
    """The one day each sentence says an event happened on, when it names exactly one (read on
    first use: the story passes look at a few sentences around each claim)."""
    return PerSentence(sentences, lambda s: None if published is None else _event_day(s.text, published))


def borrow_dates(drafts: list[Draft], claims: list[Claim], sentences: list[Sentence],
                 article: Article, days: Sequence[date | None]) -> None:
    """Give undated incident claims the day a neighbouring sentence gives their incident
    (`days`: `sentence_days` of the sentences)."""
    if article.published is None:
        return
    _, new_incident, _ = marker_res()
    claimed = {d.sentence.index for d in drafts}
    incidents = [d.sentence.index for d, c in zip(drafts, claims, strict=True) if c.scope == "incident"]
    lede = incidents[0] if incidents else None
    # the claims with a toll, by sentence: another incident, unless they refer back or repeat it
    tolls: dict[int, list[Claim]] = {}
    for d, c in zip(drafts, claims, strict=True):
        if c.killed or c.injured:
            tolls.setdefault(d.sentence.index, []).append(c)
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident" or own_day(d):
            continue
        said = {x.date_start for x in d.dates if x.statement}
        if c.date_start is not None and c.date_start not in said:
            continue  # the day of the incident told just before (inherit_dates)
        i = d.sentence.index
        ahead = range(i + 1, min(len(sentences), i + 1 + _AHEAD))
        behind = range(i - 1, max(-1, i - 1 - _BEHIND), -1)
        # The lede tells the incident; the day often follows in the next sentence or two
        # ("On Sept. 22, around 70 junta soldiers raided the village"), without a back-reference.
        near = i == lede and i <= 2
        # The lede's details follow it: a figureless claim there ("On Tuesday, PDF's Battalion 2
        # attacked one of three columns") tells the same fight.
        # A toll ahead that repeats the lede's ("a protester was killed ... Mohsen was killed on
        # Wednesday") tells the same incident in detail; another toll is another incident.
        # (a lede's vague toll, "several people were killed", is counted by the sentences after it)
        vague = bool(d.casualties) and not any(x.fig.exact_number for x in d.casualties if x.kind == "killed")
        other = {j for j, told in tolls.items() if not vague and not _same_toll(c, told)} if near else claimed
        day = _story_day(ahead, not near, days, sentences, other, new_incident)
        day = day or _story_day(behind, False, days, sentences, claimed, new_incident)
        if day is None or day > article.published:
            continue
        c.date_start = c.date_end = day
        c.time_precision = 1
        c.claim_id = c.make_id()


def same_place_dates(drafts: list[Draft], claims: list[Claim]) -> None:
    """An undated claim at the place of the incident told just before it (another voice's toll,
    "Army spokesman X gave a toll of 19 dead", placed there by `borrow_places`) is that incident's:
    it takes its day, unless it says it is another incident."""
    _, new_incident, _ = marker_res()
    before: tuple[Draft, Claim] | None = None  # the last incident told so far
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident":
            continue
        last, before = before, (d, c)
        if c.date_start is not None or not c.location or last is None:
            continue
        if any(x.date_start for x in d.dates) or new_incident.search(d.sentence.text):
            continue
        pd, pc = last
        if pc.location != c.location or pc.date_start is None or d.sentence.index - pd.sentence.index > 8:
            continue
        c.date_start, c.date_end, c.time_precision = pc.date_start, pc.date_end, pc.time_precision
        c.claim_id = c.make_id()


def round_up_dates(drafts: list[Draft], claims: list[Claim], published: date | None,
                   sentences: list[Sentence], days: Sequence[date | None]) -> None:
    """A round-up's lede counts a series over a day or two ("At least 39 people were killed in a
    series of attacks across Balochistan on Sunday night and Monday"), or heads a list with its day
    ("Incidents recorded on Tuesday, 19 March:"); the incidents it lists after it with no day of
    their own ("In Musakhel district, gunmen killed 23") happened in that span."""
    _, new_incident, _ = marker_res()
    lede = next(((d.sentence.index, c.date_start, c.date_end) for d, c in zip(drafts, claims, strict=True)
                 if d.sentence.index <= 1 and c.scope == "aggregate" and c.date_start and c.date_end
                 and (c.date_end - c.date_start).days <= 2), None)
    lede = lede or next(((i, days[i], days[i]) for i in range(min(2, len(sentences)))
                         if sentences[i].text.rstrip().endswith(":") and days[i] is not None), None)
    if lede is None or published is None:
        return
    at, start, end = lede
    if start is None or end is None or not 0 <= (published - start).days <= 7:
        return  # ("since Oct. 7": the start of a running total, no span of the news)
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident" or c.date_start is not None or d.sentence.index <= at:
            continue
        if new_incident.search(d.sentence.text) or any(x.date_start for x in d.dates):
            continue
        c.date_start, c.date_end = start, end
        c.time_precision = 1 if start == end else 2
        c.claim_id = c.make_id()


def _same_toll(c: Claim, others: list[Claim]) -> bool:
    """Do the claims of another sentence give this claim's toll at its place, and nothing else?
    (A monitor's round-up lists one death after another, each somewhere else.)"""
    if not others or c.killed is None:
        return False
    return all(o.killed is not None and o.killed.low == c.killed.low and o.injured is None
               and (o.location is None or c.location is None or o.location == c.location) for o in others)


_CAMPAIGN_BEGAN = re.compile(r"\b(?:offensive|campaign|siege|war)\s+(?:\w+\s+){0,2}?"
                             r"(?:began|started|was\s+launched|kicked\s+off)\b", re.IGNORECASE)


def _story_day(order: range, forward: bool, days: Sequence[date | None], sentences: list[Sentence],
               claimed: set[int], new_incident: re.Pattern[str]) -> date | None:
    """The first day, walking `order`, of a sentence on the same incident; stop at another one.
    Walking forward (`forward`), a sentence must refer back to the incident to lend its day."""
    for j in order:
        text = sentences[j].text
        if new_incident.search(text):
            return None
        day = days[j]
        if day is None or (forward is False and _CAMPAIGN_BEGAN.search(text)):
            continue  # ("The offensive began last Thursday": the day a campaign began, not the incident's)
        refers = bool(_REFERS.search(text))
        if j in claimed and not refers:
            return None  # a sentence with a claim of its own: another incident
        if forward and not refers:
            continue
        return day
    return None


def _event_day(text: str, published: date) -> date | None:
    """The one day an event in this sentence happened, when it names exactly one."""
    asides = [x.span() for x in _BACKGROUND_CLAUSE.finditer(text)]
    found = [m for m in find_dates(text, published)
             if not m.statement and m.date_start is not None and m.precision == 1
             and not any(a <= m.start < b for a, b in asides)]
    days = {m.date_start for m in found}
    named = sorted({m.date_start for m in found if m.date_start and names_weekday(m.text)})
    if len(named) == 2 and (named[1] - named[0]).days == 1 and _NIGHT_OF.search(text):
        return named[0]  # "overnight from Saturday to Sunday": the night that began on the Saturday
    spans = _LASTED.search(text) or _BOTH_DAYS.search(text)
    if len(days) == 2 and (max(days) - min(days)).days == 1 and spans:
        return min(days)  # "The clash erupted on Saturday and firing continued until Sunday morning"
    return days.pop() if len(days) == 1 else None


_NIGHT_OF = re.compile(r"\b(?:night|overnight)\b", re.IGNORECASE)
# a day told of something else, in a relative clause or after "since" ("Ukrainian forces, which entered
# the region on August 6, have advanced"; "leaving since the dam was destroyed on June 6, 2023")
# (not the day a victim went missing: "who had been missing since February 18")
# (a clause of how a force came: "which entered the region on August 6"; not "who arrived on motorcycles
# in the early hours of Sunday", the attackers of the day)
_BACKGROUND_CLAUSE = re.compile(r",\s+(?:which|who|whose)\s+(?:had\s+|have\s+|has\s+)?"
                                r"(?:entered|launched|began|started|invaded|seized|captured|took\s+control)\b[^,;]{3,80}"
                                r"|(?<!missing\s)\bsince\s+[^,;.]{3,60}", re.IGNORECASE)
# "fighting on Monday and Tuesday": one fight over two days, from the first
_BOTH_DAYS = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:and|to|into)\s+"
                        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
_LASTED = re.compile(r"\b(?:until|till|continued|lasted|went on|raged)\b", re.IGNORECASE)


def _join_quotes(ca: Claim, cb: Claim, text: str | None) -> None:
    """Claim `ca` takes `cb`'s sentence into its quote (its span too, when the two sentences
    follow one another) and a new id: the two are one claim now."""
    ca.quote = f"{ca.quote} {cb.quote}"
    if text is not None and ca.quote_end is not None and cb.quote_start is not None \
            and not text[ca.quote_end : cb.quote_start].strip():
        ca.quote_end = cb.quote_end
    ca.claim_id = ca.make_id()


def _kept(drafts: list[Draft], claims: list[Claim], keep: list[bool]) -> tuple[list[Draft], list[Claim]]:
    return ([d for d, k in zip(drafts, keep, strict=True) if k],
            [c for c, k in zip(claims, keep, strict=True) if k])


def fold_figureless(drafts: list[Draft], claims: list[Claim], text: str | None = None,
                    ) -> tuple[list[Draft], list[Claim]]:
    """Join a figureless incident claim and the toll that follows it for the same incident."""
    _, new_incident, _ = marker_res()
    keep = [True] * len(claims)
    for a in range(len(claims)):
        ca, da = claims[a], drafts[a]
        if not keep[a] or ca.scope != "incident" or ca.killed or ca.injured:
            continue
        if ca.event_type == "Strategic developments":
            continue  # a capture is an incident of its own, even with deaths told next
        for b in range(a + 1, len(claims)):
            cb, db = claims[b], drafts[b]
            if db.sentence.index == da.sentence.index:
                continue
            if db.sentence.index - da.sentence.index > 2:
                break
            if ca.event_type and cb.event_type and ca.event_type != cb.event_type:
                break
            if cb.scope != "incident":
                continue
            if not (cb.killed or cb.injured):
                break
            if new_incident.search(db.sentence.text):
                break
            if db.sentence.paragraph != da.sentence.paragraph \
                    and opens_item(db.sentence.text, db.sentence.index):
                break  # ("KHMELNYTSKYI — A man was killed ...": a round-up's next item)
            if ca.claimed_by and cb.claimed_by and ca.claimed_by != cb.claimed_by:
                break
            if ca.date_start and cb.date_start and ca.date_start != cb.date_start:
                break
            ca.killed, ca.injured, ca.children_killed = cb.killed, cb.injured, cb.children_killed
            ca.claimed_by = ca.claimed_by or cb.claimed_by
            ca.date_start = ca.date_start or cb.date_start
            ca.date_end = ca.date_end or cb.date_end
            ca.time_precision = ca.time_precision or cb.time_precision
            ca.location = ca.location or cb.location
            ca.actor1, ca.actor2 = ca.actor1 or cb.actor1, ca.actor2 or cb.actor2
            if ca.event_type is None:
                ca.event_type, ca.sub_event_type = cb.event_type, cb.sub_event_type
            _join_quotes(ca, cb, text)
            keep[b] = False
            break
    return _kept(drafts, claims, keep)


def _last_kept_incident(claims: list[Claim], keep: list[bool], b: int) -> int | None:
    """The index of the last incident claim before `b` not folded away yet."""
    return next((i for i in range(b - 1, -1, -1) if keep[i] and claims[i].scope == "incident"), None)


def fold_retold(drafts: list[Draft], claims: list[Claim], text: str | None = None,
                ) -> tuple[list[Draft], list[Claim]]:
    """A figureless incident claim told just after an incident with a toll, at its place and on its
    day ("The market was crowded with shoppers when the bombs fell"), retells it: one claim."""
    _, new_incident, _ = marker_res()
    keep = [True] * len(claims)
    for b, (cb, db) in enumerate(zip(claims, drafts, strict=True)):
        if cb.scope != "incident" or cb.killed or cb.injured or cb.event_type == "Strategic developments":
            continue
        if new_incident.search(db.sentence.text) or _ALSO.match(db.sentence.text):
            continue
        a = _last_kept_incident(claims, keep, b)
        if a is None:
            continue
        ca, da = claims[a], drafts[a]
        if not (ca.killed or ca.injured) or not 0 < db.sentence.index - da.sentence.index <= 2:
            continue
        # "Two soldiers were killed in an attack ..., the army said. The attack occurred in the early
        # morning of Thursday": the day of the incident the lede told only by its report's day
        refers = bool(_THE_EVENT_TOLD.match(db.sentence.text))
        dates_it = (refers and ca.date_start is not None and cb.date_start is not None
                    and cb.date_start < ca.date_start
                    # (the lede's only days are statements' or its dateline's, in its first words)
                    and not any(not x.statement and x.start > 40 for x in da.dates))
        if ca.event_type and cb.event_type and ca.event_type != cb.event_type and not refers:
            continue
        if (ca.date_start and cb.date_start and ca.date_start != cb.date_start and not dates_it) or (
                cb.location and (ca.location or "").lower() != cb.location.lower()):
            continue
        if cb.claimed_by and cb.claimed_by != ca.claimed_by:
            continue  # another voice's claim ("IS claimed responsibility", monitors' report): its own
        if dates_it:
            ca.date_start, ca.date_end, ca.time_precision = cb.date_start, cb.date_end, cb.time_precision
            ca.claim_id = ca.make_id()
        _join_quotes(ca, cb, text)
        keep[b] = False
    return _kept(drafts, claims, keep)


_THE_EVENT_TOLD = re.compile(
    r"\W*(?:The|That|This)\s+(?:attack|ambush|raid|assault|bombing|blast|explosion|strike|clash|clashes|fighting"
    r"|incident|shooting)\s+(?:occurred|happened|took\s+place|began|started|came)\b")
_MORE = re.compile(r"\b(?:more|another|other|others|further|additional|also|too|second|third)\b",
                   re.IGNORECASE)
# ("killed four soldiers and wounded two others": the others are the hurt, no more dead)
_HURT_OTHERS = re.compile(r"\b(?:wounded|injured|wounding|injuring|hurt)\s+(?:\w+\s+)?others\b",
                          re.IGNORECASE)


# "Two bomb blasts killed 28 ... The first blast, in Pishin, killed 16 ... a second, in Qila Saifullah,
# killed 12": a toll of several incidents told one by one after it
_SEVERAL_EVENTS = re.compile(
    r"\b(?:two|twin|three|four|several|separate|a\s+series\s+of|multiple)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|blasts|explosions|bombings|strikes|air\s?strikes|ambushes|raids|incidents)\b", re.IGNORECASE)


def total_of_parts(drafts: list[Draft], claims: list[Claim]) -> None:
    """A toll of several incidents that the next sentences tell one by one, in places of their own,
    is their sum: an aggregate, so that their dead are not counted twice."""
    for a, (ca, da) in enumerate(zip(claims, drafts, strict=True)):
        if ca.scope != "incident" or ca.killed is None or not _SEVERAL_EVENTS.search(da.sentence.text):
            continue
        parts = [c for c, d in zip(claims[a + 1 :], drafts[a + 1 :], strict=True)
                 if c.scope == "incident" and c.killed is not None and c.location not in (None, ca.location)
                 and d.sentence.index - da.sentence.index <= 5]
        for n in range(2, len(parts) + 1):
            told = parts[:n]
            if sum(c.killed.low for c in told) == ca.killed.low and len({c.location for c in told}) == n:
                ca.scope = "aggregate"
                ca.claim_id = ca.make_id()
                break


# "attacked the army post", "stormed the police station": a target told before, with "the"
_THE_TARGET = re.compile(r"\b(?:attacked|stormed|raided|hit|struck|targeted)\s+the\s+(?:\w+\s+)?(?:post|base"
                         r"|camp|checkpoint|station|convoy|village|market|mosque|church|school|patrol)\b",
                         re.IGNORECASE)


def fold_same_toll(drafts: list[Draft], claims: list[Claim], text: str | None = None,
                   ) -> tuple[list[Draft], list[Claim]]:
    """The toll just told, told again in the next sentence or two with no day, place or voice of its
    own ("A 64-year-old man and his wife died on the spot," he wrote; "Falling debris killed three
    servicemen at Dyagilevo and injured four"): the same incident, one claim, with what it adds."""
    _, new_incident, _ = marker_res()
    keep = [True] * len(claims)
    for b, (cb, db) in enumerate(zip(claims, drafts, strict=True)):
        if cb.scope != "incident" or (cb.killed or cb.injured) is None:
            continue
        if new_incident.search(db.sentence.text):
            continue
        a = _last_kept_incident(claims, keep, b)
        if a is None:
            continue
        ca, da = claims[a], drafts[a]
        # (the same dead, or the same wounded told again: "his brother, who was wounded in the leg")
        same = ca.killed == cb.killed if cb.killed is not None else ca.injured == cb.injured
        if not same or not 0 < db.sentence.index - da.sentence.index <= 2:
            continue
        # "Four soldiers were killed when militants attacked an army post in Kirkuk province", then
        # "The militants on Monday night attacked the army post in Wadi al-Shay, killing four
        # soldiers": the lead's incident, its day and spot told with it
        retold = (REFERS_BACK.match(db.sentence.text) or DEFINITE_EVENT.search(db.sentence.text)
                  or _THE_TARGET.search(db.sentence.text)) is not None
        day = retold and not own_day(da) and own_day(db)
        moved = cb.date_start and cb.date_start != ca.date_start and not day
        if _MORE.search(_HURT_OTHERS.sub(" ", db.sentence.text)) or moved:
            continue
        hospital = any(p.name == cb.location and treated_in(db.sentence.text, p) for p in db.places)
        spot, lead = most_specific(db.places), most_specific(da.places)
        finer = retold and spot is not None and lead is not None and spot.rank < lead.rank
        if cb.location and ca.location and cb.location.lower() != ca.location.lower() and not hospital \
                and not finer:
            continue  # (the town of the hospital the wounded lie in is no other place)
        if cb.claimed_by and ca.claimed_by and cb.claimed_by != ca.claimed_by:
            continue  # another voice's count of the same dead: a claim of its own
        sides = [{x.victim for x in d.casualties if x.kind == "killed" and x.victim} for d in (da, db)]
        if all(sides) and ("combatants" in sides[0]) != ("combatants" in sides[1]):
            continue  # "two civilians", then "two soldiers": other dead
        ca.injured = ca.injured or cb.injured
        ca.children_killed = ca.children_killed or cb.children_killed
        ca.location = cb.location if finer else ca.location or cb.location
        if day:
            ca.date_start, ca.date_end = cb.date_start, cb.date_end
            ca.time_precision, ca.date_basis = cb.time_precision, cb.date_basis
        ca.claimed_by = ca.claimed_by or cb.claimed_by  # ("10:25 - Man killed in X", then who told it)
        ca.actor1, ca.actor2 = ca.actor1 or cb.actor1, ca.actor2 or cb.actor2
        _join_quotes(ca, cb, text)
        keep[b] = False
    return _kept(drafts, claims, keep)


_ANYONE = {None, "people", "persons", "person"}
_ALSO = re.compile(r"\W*(?:also|in addition|additionally|moreover|meanwhile|besides)\b", re.IGNORECASE)


def fold_vague(drafts: list[Draft], claims: list[Claim], text: str | None = None,
               ) -> tuple[list[Draft], list[Claim]]:
    """A lede's vague toll ("several people were killed") and the count that follows it for the
    same incident ("militants ... killed eight people"): one claim, with the count."""
    _, new_incident, _ = marker_res()
    keep = [True] * len(claims)
    for a, (ca, da) in enumerate(zip(claims, drafts, strict=True)):
        dead = [x for x in da.casualties if x.kind == "killed" and not x.subset]
        if ca.scope != "incident" or ca.killed is None or not dead or any(x.fig.exact_number for x in dead):
            continue
        for b in range(a + 1, len(claims)):
            cb, db = claims[b], drafts[b]
            if db.sentence.index - da.sentence.index > 2 or new_incident.search(db.sentence.text):
                break
            if db.sentence.index == da.sentence.index or cb.scope != "incident":
                continue
            if _ALSO.match(db.sentence.text):
                break  # "Also, around 20 soldiers were killed": more dead, not the count of these
            exact = [x for x in db.casualties if x.kind == "killed" and not x.subset and x.fig.exact_number]
            if not exact or cb.killed is None or cb.killed.low < ca.killed.low or any(x.total for x in exact):
                break  # another toll, a smaller one, or a later update ("had risen to 29"): its own claim
            own = [x.date_start for x in db.dates if not x.statement and x.date_start]
            if ca.date_start and own and own[0] != ca.date_start:
                break  # a day of its own, another day: another incident
            if ca.claimed_by and cb.claimed_by and ca.claimed_by != cb.claimed_by:
                break  # "killed dozens of soldiers", the group said; the ministry's toll is its own claim
            words = {x.victim_word for x in dead + exact} - _ANYONE
            if len(words) > 1:
                break  # "dozens of militants", then "50 Iraqi soldiers": the other side's dead
            ca.killed = cb.killed
            ca.injured = ca.injured or cb.injured
            ca.children_killed = ca.children_killed or cb.children_killed
            ca.claimed_by = ca.claimed_by or cb.claimed_by
            _join_quotes(ca, cb, text)
            keep[b] = False
            break
    return _kept(drafts, claims, keep)


_PLACE_AHEAD = 2
_PLACE_BEHIND = 4


# "Another person died in Stanislav", "One more soldier was killed near Bakhmut": one more victim,
# told with a place of its own
_ANOTHER_VICTIM = re.compile(r"\s*(?:Another|One more|A further)\s+(?!(?:of|source)\b)", re.IGNORECASE)


_LEFT_FROM = re.compile(r"\b(?:leaves?|left|leaving|depart\w*|fled|flee\w*|travel\w*|evacuat\w*|return\w*"
                        r"|arriv\w*|driv\w*|head\w*)\s+(?:[\w-]+\s+){0,2}?from\s+(?:the\s+)?$"
                        # ("The president later left for his native village of Tamysh": where he went)
                        r"|\b(?:left|leaving|departed|flew|returned|fled|fleeing|flee)\s+(?:for|to|towards?)\s+"
                        r"(?:(?:his|her|their)\s+)?"
                        r"(?:native\s+|home\s+)?(?:(?:village|town|city)\s+(?:of\s+)?)?$",
                        re.IGNORECASE)


def borrow_places(drafts: list[Draft], claims: list[Claim], sentence_places: Sequence[list[PlaceMention]],
                  sentences: list[Sentence], article: Article | None = None) -> None:
    """Give incident claims with no place (or only a province/country) their incident's place. Not
    the town of the hospital the wounded were taken to, nor one of a past event told as background
    ("In January, more than 40 people were killed in Bukkuyum")."""
    _, new_incident, _ = marker_res()
    # sentences that tell an incident of their own at a place of their own
    placed = {x.sentence.index for x, y in zip(drafts, claims, strict=True)
              if y.scope == "incident" and most_specific(x.places) is not None}
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident":
            continue
        own = most_specific(d.places)
        if c.location is not None and (own is None or own.rank <= 3):
            continue
        i = d.sentence.index
        best: PlaceMention | None = None
        behind = range(i - 1, max(-1, i - 1 - _PLACE_BEHIND), -1)
        ahead = range(i + 1, min(len(sentences), i + 1 + _PLACE_AHEAD))
        region = own.name.split()[0].lower() if own is not None else None
        labelled = opens_item(d.sentence.text, i) is not None
        for j in [*behind, *ahead]:
            if j > i and (new_incident.search(sentences[j].text) or _ANOTHER_VICTIM.match(sentences[j].text)):
                continue  # ("In Kherson Oblast, five were killed. Another person died in Stanislav")
            if labelled or opens_item(sentences[j].text, j):
                continue  # a round-up's item ("PHILIPPINES: ...") takes no place from another item
            if own is not None and own.start <= 3 and j in placed:
                # a round-up's item opened by its province takes no town from another incident's
                # sentence ("Kharkiv was struck ... In Dnipropetrovsk Oblast, one person was killed")
                continue
            others = [p.name for p in sentence_places[j] if p.rank >= 4] \
                or TYPED_REGION.findall(sentences[j].text)
            others = [n for n in others if n.split()[0].lower() != region]
            if region is not None and others and region not in sentences[j].text.lower():
                continue  # a claim naming a province takes no place told with another province
            if j < i and new_incident.search(sentences[j + 1].text if j + 1 < i else d.sentence.text):
                break
            if article is not None and long_ago(sentences[j].text, article):
                continue
            # (not "including the Zawiya and Gharyan roads": ways in, where nothing happened)
            cand = most_specific([p for p in sentence_places[j] if not treated_in(sentences[j].text, p)
                                  and p.via not in ("including", ROUTE) and not _LEFT_FROM.search(
                                      sentences[j].text, 0, p.start)])  # (nor where trains leave from)
            # a claim with no place takes a district or LGA too ("in Dikwa local government area")
            if cand is None or cand.rank > (3 if c.location is None else 2):
                continue
            if best is None or cand.rank < best.rank:
                best = cand
            if best.rank == 1:
                break
        if best is None:
            continue
        wider = [p.name for j in range(max(0, i - _PLACE_BEHIND), min(len(sentences), i + 1 + _PLACE_AHEAD))
                 for p in sentence_places[j] if p.rank >= 3 and p.name != best.name]
        if c.location and c.location != best.name:
            wider.insert(0, c.location)
        c.location = best.name
        c.place_context = list(dict.fromkeys([*wider, *c.place_context]))[:8]
        c.claim_id = c.make_id()
