"""Sentences that go on about the claim before them: they add to it or lend it their day and place."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.extract.attribution import SourceMention
from conflictwatch.extract.backrefs import DEFINITE_EVENT, FACILITY, REFERS_BACK, TOOK_PLACE, VILLAGE_WORD
from conflictwatch.extract.counted import ALSO_KILLED as _ALSO_KILLED
from conflictwatch.extract.counted import ANOTHER_INCIDENT as _ANOTHER_INCIDENT
from conflictwatch.extract.counted import ANYONE as _ANYONE
from conflictwatch.extract.counted import (
    also_of_it,
    bodies_counted_again,
    dead_told,
    more_of,
    the_counted,
)
from conflictwatch.extract.counted import nothing_new as _nothing_new
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.draft import Draft, event_date, own_day
from conflictwatch.extract.figures import Casualty, lex
from conflictwatch.extract.laterdead import nth_dead_of_it, raised_toll_of, risen_toll_told_again, treated_in
from conflictwatch.extract.placerank import PlaceMention, most_specific
from conflictwatch.extract.retold import dead_dated_again, event_dated_again
from conflictwatch.extract.rules import event_rules, lexicon, words_re
from conflictwatch.extract.scope import hedge_governs, is_aggregate
from conflictwatch.extract.tolls import sum_ranges

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
_HAVE_BEEN = re.compile(r"\b(?:have|has)\s+been\b", re.IGNORECASE)



def more_of_the_count(s: str, cas: list[Casualty], dates: list[DateMention], last: Draft | None,
                      sentence_index: int) -> bool:
    """ "At least 56 civilians had been killed since Saturday. Dozens of soldiers were also killed,
    it said": more dead of the count just told (added to it), not of an incident told before it."""
    if last is None or last.scope != "aggregate" or sentence_index - last.sentence.index != 1:
        return False
    if any(not d.statement and d.date_start for d in dates):
        return False
    if cas and all(c.subset for c in cas):
        last.quote.append(s)  # "The dead include 25 civilians, among them six children": the count's parts
        return True
    if cas and all(c.kind == "injured" and not c.subset for c in cas) and _HAVE_BEEN.search(s) \
            and not any(c.kind == "injured" for c in last.casualties):
        # "More than 800 civilians have been killed since February 2022. Over 3,000 have been wounded."
        last.extra_injured = last.extra_injured or cas[0].fig.value
        last.quote.append(s)
        return True
    if not cas or not all(c.kind == "killed" and not c.subset for c in cas) or not _ALSO_KILLED.search(s):
        return False
    last.extra_killed.extend(more_of(c) for c in cas)
    last.quote.append(s)
    return True


# The attackers of the incident just told, named as such ("the four attackers", "all three gunmen",
# "two of the assailants", "the militant"): their dead are more dead of it, not the ones told
# (lexicon.yaml `perpetrators`)
_PERPETRATORS = frozenset(w.lower() for w in lexicon()["perpetrators"])
_FIGHTERS = frozenset({"fighters", "fighter", "rebels", "rebel", "combatants", "extremists", "militiamen"})
_DEFENDERS = frozenset({"soldiers", "soldier", "troops", "policemen", "policeman", "personnel", "officers",
                        "guards", "militiamen", "fighters"})
_ATTACKERS = frozenset({"attackers", "attacker", "assailants", "assailant", "raiders"})
_THE_ONES = re.compile(r"(?:\b(?:the|all|both)\s+(?:[\w-]+\s+)?$|^\s+of\s+the\s+)", re.IGNORECASE)


# "About thirty terrorists were neutralised in the response", "On the enemy side, ...": the same fight's
# other side (a communique's own words for it)
_IN_RESPONSE = re.compile(r"\b(?:in|during)\s+the\s+(?:response|riposte|counter-?attack|counter-?offensive"
                          r"|retaliation|return\s+fire|ensuing\s+(?:fighting|clashes|exchange))\b"
                          r"|\bon\s+the\s+(?:enemy|enemy's|other|attackers'|assailants')\s+side\b"
                          # ("Seven terrorists were killed by the troops, it added")
                          r"|\bkilled\s+by\s+(?:the\s+)?(?:troops|security\s+forces|soldiers|army|police|guards)\b",
                          re.IGNORECASE)


def the_other_sides_dead(s: str, cas: list[Casualty], event_dates: list[DateMention],
                         places: list[PlaceMention], last: Draft, adjacent: bool = False) -> bool:
    """The attackers of the incident just told killed in turn (by return fire, in the shootout, later
    that day): dead of another side than the toll's, added to it, when the sentence names no other
    place, incident or day."""
    before = [c for c in last.casualties if c.kind == "killed" and not c.subset]
    killed = [c for c in cas if c.kind == "killed"]
    # ("Four soldiers were wounded and 11 assailants killed": the incident's hurt, and the other side's
    # dead, when it told no hurt yet)
    hurt = [c for c in cas if c.kind == "injured"]
    if not before or not killed or (hurt and (any(c.kind == "injured" for c in last.casualties)
                                              or last.extra_injured)):
        return False
    words = {(c.victim_word or "").lower() for c in before}
    if adjacent and not words <= (_DEFENDERS | _PERPETRATORS | _FIGHTERS):
        adjacent = False  # (civilians' dead and the attackers' killed in a pursuit: two events, as UCDP
        # tells one-sided violence from a fight)
    if adjacent and words <= _PERPETRATORS and {(c.victim_word or "").lower() for c in killed} <= _DEFENDERS \
            and not any(c.subset for c in killed):
        # ("The riposte neutralised about thirty terrorists. Five soldiers lost their lives.": the
        # defenders' dead, told right after the attackers')
        return not _ANOTHER_INCIDENT.search(s) and _nothing_new(event_dates, places, last)
    if words & (_PERPETRATORS | _FIGHTERS):
        return False  # the toll is of attackers or fighters already: these may be the same dead
    for c in killed:
        word = (c.victim_word or "").lower()
        if word not in _PERPETRATORS:
            return False
        head, tail = s[max(0, c.fig.start - 30) : c.fig.start], s[c.fig.end : c.fig.end + 12]
        # (the words for the side that attacked, "11 assailants", name this incident's; "Three
        # militants were killed" may be of another fight)
        if not (_THE_ONES.search(head) or _THE_ONES.match(tail) or c.fig.text.lower().startswith("the ")
                or _IN_RESPONSE.search(s) or word in _ATTACKERS or adjacent):
            return False
    return not _ANOTHER_INCIDENT.search(s) and _nothing_new(event_dates, places, last)


# ("... said about 20 PDF terrorists had been killed", "Amaq said suicide bombers had killed more than
# 50 soldiers": a side's claim of its kills, its own claim)
_CLAIMED_KILLS = re.compile(r"\b(?:said|says|claimed|announced|added)\b[^.;]{0,80}?\bhad\s+(?:been\s+)?"
                            r"(?:killed|neutrali[sz]ed|eliminated)\b", re.IGNORECASE)


# ("Two days after the ambush, air strikes killed 30 militants": a later day's strike, not the fight)
_ANOTHER_DAY = re.compile(r"\b(?:days?|weeks?|hours?|nights?)\s+(?:after|later|before|earlier)\b"
                          r"|\bthe\s+(?:next|following|previous)\s+(?:day|morning|night)\b", re.IGNORECASE)


def _add_the_other_side(last: Draft, cas: list[Casualty], raw: str) -> None:
    dead = [c for c in cas if c.kind == "killed"]
    last.extra_killed.extend(more_of(c) for c in ([c for c in dead if not c.subset] or dead))
    last.casualties.extend(c for c in cas if c.kind == "injured")
    last.quote.append(raw)


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
    # ("killing 22 of the militia's elements ... Three soldiers were killed in the battle": the
    # defenders' dead, after a count of the attackers' told with no noun of its own)
    defenders = not all(old_words) and new_words <= _DEFENDERS
    if (not all(old_words) and not defenders) or not all(new_words) or (old_words | new_words) & _ANYONE:
        return False
    same_figure = {c.fig.value for c in cas} & {c.fig.value for c in before}
    return not (old_words & new_words) and not same_figure




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


@lru_cache(maxsize=1)
def marker_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(same-day, new-incident, disaster) word regexes from the lexicon, compiled once."""
    lx = lexicon()
    return (
        words_re(lx["same_day_markers"]),
        words_re(lx["new_incident_markers"]),
        words_re(lx.get("disaster_words", ["flood"])),
    )


_TOLD = re.compile(r"\b(?:said|says|told|according\s+to|reported|claimed|announced|statement)\b",
                   re.IGNORECASE)
_SAID_AT_END = re.compile(r",\s+(?:the\s+|a\s+)?[\w\s'’-]{1,40}?\s+(?:said|says|added)\s*\.?[\"”’']?\s*$")

# ("He denied the group's claim that two fighters were also killed", "rejected reports that ...")
_UNCONFIRMED = re.compile(r"\b(?:did|could|would)\s+not\s+confirm|\bunconfirmed\s+reports?\b"
                          r"|\b(?:denied|rejected|dismissed)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:claims?|reports?)"
                          r"\s+that\b", re.IGNORECASE)




def _exact_toll_of_vague(s: str, cas: list[Casualty], event_dates: list[DateMention],
                         places: list[PlaceMention], last: Draft) -> bool:
    """An exact figure of the incident told with a vague one ("dozens", "scores"), no lower than it,
    in a sentence that names it ("the attack") and no other place, on a day inside the lead's span."""
    told = [c for c in last.casualties if c.kind == "killed" and not c.subset]
    dead = [c for c in cas if c.kind == "killed" and not c.subset]
    if not told or any(c.fig.exact_number for c in told) or last.extra_killed or len(dead) != 1 \
            or not dead[0].fig.exact_number or dead[0].total or dead[0].increment \
            or dead[0].fig.value.low < min(c.fig.value.low for c in told):
        return False
    if not (DEFINITE_EVENT.search(s) or _SAME_FIGHT.search(s)) or _ANOTHER_INCIDENT.search(s) \
            or lex().aggregate.search(s):
        return False
    named = {p.name for p in last.places}
    day, end, _ = event_date(last.dates)
    days = [d.date_start for d in event_dates if d.date_start]
    return all(p.name in named for p in places) and (
        not days or bool(day and end and all(day <= d <= end for d in days)))


def _first_toll_of(s: str, cas: list[Casualty], event_dates: list[DateMention], places: list[PlaceMention],
                   last: Draft, event: tuple[str, str] | None) -> bool:
    """A toll of the fight just told with no figure ("... were killed in the fighting", "the strikes
    killed 11", or a bare toll with no event of its own: "A local official said more than 30 soldiers
    had been killed"), with no other day or place of its own."""
    if last.casualties or last.extra_killed or last.extra_injured or last.scope != "incident":
        return False
    if (last.event and "territory" in last.event[1]) or lex().aggregate.search(s):
        return False  # (a town taken is an event of its own, as the gold format codes it; "killed since
        # the assault began" is a count)
    if not cas or any(c.subset or c.total for c in cas) or not any(c.kind == "killed" for c in cas):
        return False
    # (a bare toll: one figure of the dead, not two sides' rival claims "30 ..., while the group claimed
    # 100", nor a war's count "the war has killed more than 10,000")
    # ("A soldier and three civilians were killed": a toll told in parts, in one clause; not "While
    # the association said 15 people were killed, the police said seven bodies were recovered")
    dead = [c for c in cas if c.kind == "killed"]
    one = len({c.clause for c in dead}) == 1 and not _TOLD.search(s, dead[0].fig.end, dead[-1].fig.start)
    bare = event is None and one and not is_aggregate(s, event_dates, cas)
    told = _SAME_FIGHT.search(s) or DEFINITE_EVENT.search(s) or bare
    if not told or _ANOTHER_INCIDENT.search(s):
        return False
    return _nothing_new(event_dates, places, last)


_THE_VICTIM_WAS = re.compile(
    r"^\W*(?:He|She|The\s+(?:boy|girl|man|woman|child|victim|deceased)(?:,\s+[^,]{1,60},)?)\s+(?:was|had\s+been)\s+"
    r"(?:[\w-]+\s+)?(?:hit|shot|struck|killed|stabbed|attacked|ambushed)\b")


def extends(
    s: str,
    raw: str,
    cas: list[Casualty],
    dates: list[DateMention],
    places: list[PlaceMention],
    event: tuple[str, str] | None,
    speakers: list[SourceMention],
    last: Draft,
    adjacent: bool = False,
) -> bool:
    """Fold a follow-up sentence into the previous incident claim; True if it did. `adjacent`: the
    sentence comes right after the incident's (its other side's dead are that fight's)."""
    event_dates = [d for d in dates if not d.statement]
    if cas and _UNCONFIRMED.search(s) and hedge_governs(s, cas):
        return False  # ("did not confirm reports that two soldiers had also been killed": no more dead)
    if cas and risen_toll_told_again(s, cas, event_dates, places, last):
        # "The number killed in clashes in Rumbek rose to nine on Sunday. Six people died on Friday
        # ..., and three more died of their wounds": the dead the risen toll counts, and their day
        last.dates = [*event_dates, *last.dates]
        last.quote.append(raw)
        return True
    if cas:
        # "That included five children, it said." / "Twenty-two rebels were wounded."
        voices = {sp.name for sp in speakers if sp.name}
        told = _TOLD.search(" ".join(last.quote))
        if last.source is None and not told and len(voices) == 1 and all(c.kind == "injured" for c in cas) \
                and _SAID_AT_END.search(s):
            # "Russian shelling killed three in Kupiansk. One other person was injured, the
            # governor said.": the voice at the end tells both
            last.source = voices.pop()
        if _first_toll_of(s, cas, event_dates, places, last, event):
            # "Insurgents stormed Macomia on Friday. At least seven soldiers were killed in the fighting,
            # according to a military source.": the toll of the incident told with none
            last.casualties.extend(cas)
            if last.source is None and speakers and speakers[0].name:
                last.source = speakers[0].name
            last.quote.append(raw)
            return True
        if raised_toll_of(s, cas, event_dates, places, last):
            # "At least one person dead. UPD: The death toll has risen to 8, the governor said.": the
            # toll of the incident just told, raised (whoever tells it)
            last.raised_to = max((c.fig.value for c in cas), key=lambda v: v.low)
            last.quote.append(raw)
            return True
        if _exact_toll_of_vague(s, cas, event_dates, places, last):
            # "Gunmen shot dead dozens of civilians ... last week." then "At least 30 people were killed
            # in the attack on Friday": the exact toll of the incident told vaguely, and its day
            last.raised_to = next(c.fig.value for c in cas if c.kind == "killed")
            if event_dates:
                last.dates = [*event_dates, *last.dates]
            last.quote.append(raw)
            return True
        if the_counted(s, last):
            # "The three men killed were a shopkeeper, a student and a retired teacher, a relative
            # said": the dead just counted, told of again (whoever tells it), no new incident
            last.quote.append(raw)
            return True
        if bodies_counted_again(s, cas, event_dates, places, last):
            # ("Ten Maoists were killed ... The bodies of ten Maoists were recovered from the spot, the SP
            # said", '"We counted seven corpses on Saturday"': the same dead, counted)
            last.quote.append(raw)
            return True
        if also_of_it(s, cas, event_dates, places, last):
            last.quote.append(raw)  # ("Two soldiers were also killed and five wounded, a commander said")
            return True
        if nth_dead_of_it(s, cas, event_dates, places, last) and not any(
                sp.name and last.source and sp.name != last.source for sp in speakers):
            last.raised_to = cas[0].fig.value  # (not another voice's: the hospital's toll is its own claim)
            last.quote.append(raw)
            return True
        same_voice = last.source is None or all(not sp.name or sp.name == last.source for sp in speakers)
        if adjacent and same_voice and not lex().aggregate.search(s) and not _CLAIMED_KILLS.search(s) \
                and not _ANOTHER_DAY.search(s) \
                and the_other_sides_dead(raw, cas, event_dates, places, last, adjacent=True):
            # ("Seven soldiers were killed near Basuba. Police said five militants were killed.": the
            # fight's other side, told next by the incident's voice or the first one to be named; not a
            # rival's claim, "Amaq said suicide bombers had killed more than 50 soldiers")
            _add_the_other_side(last, cas, raw)
            return True
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
        if the_other_sides_dead(raw, cas, event_dates, places, last):
            # "Two police officers were killed when gunmen attacked a post. All three attackers were
            # killed by return fire.": the attackers' dead are the same incident's, added to its toll
            # ("Sixteen attackers, including four suicide bombers, were killed": sixteen)
            _add_the_other_side(last, cas, raw)
            return True
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
            last.extra_killed.extend(more_of(c) for c in cas)
            last.quote.append(raw)
            return True
        if all(c.kind == "injured" and not c.subset for c in cas) and _MORE_OF_THEM.search(s) \
                and any(c.kind == "injured" and not c.subset for c in last.casualties) \
                and not _ANOTHER_INCIDENT.search(s):
            # "Two soldiers were seriously wounded ... Five more were lightly hurt.": more wounded of it
            last.casualties.extend(cas)
            last.quote.append(raw)
            return True
        if _told_again(s, cas, last):
            # "Sergeant Amadou Traore and Corporal Issa Coulibaly died at the scene", "Three died at the
            # scene": the dead just counted, named or told again (a part of the toll, no new incident)
            last.quote.append(raw)
            return True
        if all(c.subset for c in cas) or (
            all(c.kind == "injured" for c in cas)
            and not any(c.kind == "injured" for c in last.casualties)
            # ("Three other policemen were injured in the attack": the wounded of the one just told)
            and (event is None or _SAME_FIGHT.search(s) or DEFINITE_EVENT.search(s))
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
    took = TOOK_PLACE.search(s)
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
    # ("A boy was killed ... in Taiz. He was hit in the head near his home in the Osaifrah
    # neighbourhood": the one victim just told, where he was hit)
    one = [c for c in last.casualties if not c.subset]
    victim = bool(_THE_VICTIM_WAS.match(s)) and len(one) == 1 and one[0].fig.value.low == 1
    # ("Four civilians were shot dead in Waingmaw Township ... Soldiers raided Mai Sak Pa village in the
    # morning": the village struck, inside the township the toll named)
    village = spec.rank <= 1 and cur is not None and cur.rank >= 2 and VILLAGE_WORD.search(s, 0, spec.end) \
        and not any(d.date_start for d in event_dates) and not _ANOTHER_INCIDENT.search(s) \
        and spec.via not in ("from", "of", "near") \
        and not any(sp.name and sp.name != last.source for sp in speakers)
    refers = (refers_back or DEFINITE_EVENT.search(s) or victim or village) and spec.via != "including"
    fac = FACILITY.search(s)
    shared = fac and re.search(rf"\b{fac.group(1)}\b", " ".join(last.quote), re.IGNORECASE)
    if refers or shared:
        last.place_override = spec.name
        last.quote.append(raw)
        return True
    return False


# "Rescuers had found the body of a baby and his mother", "bodies pulled from the rubble": the dead of
# the strike just told, found one by one
_RESCUE = re.compile(r"\b(?:rescuers|rescue\s+(?:workers|teams|crews)|emergency\s+workers|firefighters"
                     r"|(?:from|under|beneath)\s+the\s+(?:rubble|debris|ruins)"
                     # ("Two bodies have been retrieved from the site"; the incident's own site)
                     r"|(?:retrieved|recovered|pulled|removed)\s+from\s+the\s+(?:site|scene|wreckage))\b",
                     re.IGNORECASE)


_AT_THE_SCENE = re.compile(r"\b(?:died|killed|dead)\s+(?:instantly\s+)?(?:at|on)\s+the\s+(?:scene|spot)\b"
                           r"|\bdied\s+(?:instantly|on\s+the\s+way|while\s+being\s+(?:taken|rushed))",
                           re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|another|too|as\s+well)\b", re.IGNORECASE)
_MORE_OF_THEM = re.compile(r"\b(?:also|more|other|others|another|further|additional|too|as\s+well)\b",
                           re.IGNORECASE)
_PROPER_NAME = re.compile(r"(?-i:[A-Z][\w'’-]+)\s+(?:(?:al|el|bin|ibn|de|da|van)[- ])?(?-i:[A-Z][\w'’-]+)")


def _told_again(s: str, cas: list[Casualty], last: Draft) -> bool:
    """The dead of the incident just told, named one by one or said to have died at the scene, no more
    of them than its toll and none said to be more ("also", "another"): the same dead again."""
    told = [r.low for r in dead_told(last)]
    if not told or not all(c.kind == "killed" and not c.subset for c in cas) or _ANOTHER_INCIDENT.search(s) \
            or sum(c.fig.value.low for c in cas) > sum(told):
        return False
    if _AT_THE_SCENE.search(s):  # ("Three died at the scene and one more on the way to hospital")
        return not _ALSO.search(s)
    return not _MORE_OF_THEM.search(s) and all(_PROPER_NAME.search(c.fig.text) for c in cas)


def bodies_of_the_told(s: str, cas: list[Casualty], last: Draft) -> bool:
    """Fold the few bodies rescuers found (a person or a family), fewer than the toll just told, into
    that incident as a part of it (not a new incident). True if it did."""
    dead = [c for c in cas if c.kind == "killed"]
    told = [r.low for r in dead_told(last)]
    if not dead or len(dead) != len(cas) or not told or not _RESCUE.search(s):
        return False
    found = sum(c.fig.value.high or c.fig.value.low for c in dead)
    if found >= max(told) or found > 3:
        return False  # (a count of bodies is a rescue service's own toll: "pulled 20 bodies")
    last.quote.append(s)
    return True


def add_subset(last: Draft, cas: list[Casualty], raw: str) -> None:
    if last.casualties and not any(c.kind == "killed" for c in last.casualties) and not last.extra_killed \
            and not lex().killed.search(raw):
        # ("Seven were wounded ... The victims included a 14-year-old boy": one of the hurt, no death)
        cas = [c for c in cas if c.kind != "killed"]
    kids = [c for c in cas if c.victim == "children" and c.kind == "killed"]
    if any(c.fig.exact_number for c in kids):
        kids = [c for c in kids if c.fig.exact_number]
    children = [c.fig.value for c in kids]
    if children:
        last.extra_children = sum_ranges(children)
    injured = [c.fig.value for c in cas if c.kind == "injured"]
    if injured:
        # ("The driver and a nurse were injured": both; "including two children": a part, the first)
        last.extra_injured = sum_ranges([c.fig.value for c in cas if c.kind == "injured" and not c.subset]) \
            or injured[0]
    if not any(c.kind == "killed" for c in last.casualties) and not last.extra_killed:
        # "Bandits attacked a checkpoint ... The dead included three soldiers and a policeman":
        # an incident told with no toll takes the list's, as parts (at least their sum)
        last.casualties.extend(c for c in cas if c.kind == "killed")
    last.quote.append(raw)
