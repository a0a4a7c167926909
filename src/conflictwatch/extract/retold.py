"""Sentences that tell again the dead of the incident just told: "he succumbed on the way", "I
strongly condemn the killing of labourer Mohd Amrez". Wire and local copy retell the lead's victim in
quotes and reactions; counted again, one death became two claims (or two incidents)."""

from __future__ import annotations

import re

from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.draft import Draft, event_date, own_day
from conflictwatch.extract.figures import DAY_NAMED, Casualty
from conflictwatch.extract.numbers import Range
from conflictwatch.extract.placerank import PlaceMention, most_specific

# a pronoun is someone already named: the victim told before, not a new one (not "dozens of them":
# a count of the others named before, the enemy a side says it killed)
_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them"})
# ("In a separate attack, gunmen shot him": another incident, however the victim is written)
_SEPARATE = re.compile(r"\b(?:separately|separate|another\s+(?:attack|incident)|elsewhere|in\s+a\s+second)\b",
                       re.IGNORECASE)
_THE_ONE = re.compile(r"the\s+(?:[\w-]+\s+){0,2}?(?:child|boy|girl|man|woman|victim|teenager|baby|soldier"
                      r"|officer|policeman|driver|farmer|student|journalist|worker)$", re.IGNORECASE)
_A_DAY = re.compile(rf"{DAY_NAMED.pattern}"
                    r"|\b(?:yesterday|today|earlier|later|last\s+week)\b"
                    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.IGNORECASE)
# "condemned the killing of", "mourned the death of": a reaction to the dead told
_REACTION = re.compile(
    r"\b(?:condemn(?:s|ed)?|denounc(?:e|es|ed)|deplor(?:e|es|ed)|mourn(?:s|ed)?|regret(?:s|ted)?"
    r"|(?:offer(?:s|ed)?|express(?:es|ed)?|extend(?:s|ed)?)\s+(?:(?:his|her|their|its|our|my)\s+)?"
    r"(?:condolences|sympathies))\b[^.;]{0,40}?\b(?:killing|murder|death|assassination)s?\s+of\b",
    re.IGNORECASE)


def retells_the_dead(s: str, cas: list[Casualty], last: Draft | None, at: int) -> bool:
    """Fold sentence `at`, whose dead are ones told before (a pronoun, a few sentences on; a
    reaction to the killing), into `last`, the last incident told with its dead. True if it did."""
    if last is None or _SEPARATE.search(s):
        return False
    told = [c.fig.value.low for c in last.casualties if c.kind == "killed" and not c.subset]
    dead = [c for c in cas if c.kind == "killed"]
    if not told or not dead or len(dead) != len(cas):
        return False
    gap = at - last.sentence.index  # sentences since the incident was told
    pronouns = gap <= 10 and all(c.fig.text.lower() in _PRONOUNS for c in dead)
    # "The child was rushed to hospital but died shortly after arrival": the one just told, again
    definite = gap <= 4 and all(c.fig.value.high == 1 and _THE_ONE.match(c.fig.text) for c in dead)
    reaction = _REACTION.search(s) is not None and sum(c.fig.value.low for c in dead) <= sum(told)
    # "Suspected Maoists hacked to death a former sarpanch ...", then "Ramesh Kunjam, 48, former sarpanch
    # of Pedakorma village, was dragged out ... and killed": the one told, now named with his role
    named = gap <= 2 and told == [1] and len(dead) == 1 and dead[0].fig.value.high == 1 \
        and _named_with_role(s, dead[0], last)
    # "His wife Raisa also died in the attack", after "was killed along with his wife"
    relatives = gap <= 4 and relatives_told(s, last)
    # "Shelling killed three civilians in Horlivka on Sunday.", then "A man and two women died when shells
    # hit a bus stop in the Nikitovsky district.": the same three, told in parts, with no day of their own
    listed = [c for c in dead if not c.subset]  # (not "21 killed, including six children": 21)
    parts = gap == 1 and len(listed) >= 2 and sum(c.fig.value.low for c in listed) == sum(told) \
        and all(c.fig.value.low == c.fig.value.high for c in listed) and not _A_DAY.search(s)
    retold = pronouns or reaction or definite or named or relatives or parts
    if not retold and gap <= 3 and told == [1] and _named_again(s, dead, last):
        # "Sheikh Hassan Afrah Dhere ... has been killed in an air strike", then "Dhere died along with
        # three bodyguards": the man told, now with those who died with him
        total = sum(c.fig.value.low for c in dead)
        last.extra_killed.append(Range(total - 1, total - 1))
    elif not retold:
        return False
    last.quote.append(s)
    return True


_NAME = re.compile(r"(?!(?:A|An|The|One|Two|Three)\b)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}")  # "Dhere", "Ismail Haniyeh"


def _named_with_role(s: str, dead: Casualty, last: Draft) -> bool:
    """Is the one dead of `s` a person named, described in an appositive by the word that told the
    last incident's one victim ("a former sarpanch" -> "Ramesh Kunjam, 48, former sarpanch of ...")?"""
    if not _NAME.match(dead.fig.text):
        return False
    roles = {c.victim_word for c in last.casualties if c.kind == "killed" and c.victim_word
             and c.victim_word.islower()}
    after = s[dead.fig.end : dead.fig.end + 60]
    return any(re.match(rf",\s+(?:\d{{1,2}},\s+)?(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{re.escape(r)}\b",
                        after, re.IGNORECASE) for r in roles)


_RELATIVE = (r"(?:wife|husband|sons?|daughters?|brothers?|sisters?|nephews?|nieces?|mother|father|uncles?"
             r"|cousins?|grand(?:son|daughter|child)(?:ren|s)?|children|child)")
# "His wife Raisa also died in the attack", "His brother and nephew were also killed"
_RELATIVES_NAMED = re.compile(rf"^\W*(?:his|her|their)\s+(?:[\w-]+\s+)?(?P<rel>{_RELATIVE})\b"
                              rf"(?:\s+[A-Z][\w'’-]+)*(?:\s*(?:,|and)\s+(?:his|her|their\s+)?(?:[\w-]+\s+)?{_RELATIVE}\b)*"
                              r"[^.;]*?\b(?:also|too)\b", re.IGNORECASE)


def relatives_told(s: str, last: Draft) -> bool:
    """Are the dead of `s` the victim's relatives the incident just told already counted ("was killed
    along with his wife", then "His wife Raisa also died"; "a leader and two of his relatives", then
    "His brother and nephew were also killed")? Folded, they would be counted twice."""
    m = _RELATIVES_NAMED.match(s)
    if m is None:
        return False
    told = " ".join(last.quote)
    return bool(re.search(rf"\b(?:his|her|their)\s+(?:[\w-]+\s+)?{re.escape(m.group('rel'))}\b", told, re.I)
                or re.search(r"\b(?:his|her|their)\s+(?:relatives|family(?:\s+members)?)\b", told, re.I))


# "Dhere died along with three bodyguards" (not "With the martyrdom of X, the number ... rises to 190,
# including 33 children": a count he joins)
_WITH_HIM = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:along\s+with|together\s+with|with|and)\s+", re.IGNORECASE)


def _named_again(s: str, dead: list[Casualty], last: Draft) -> bool:
    """Do the dead of a sentence start with the one man `last` told by name, and count more than him?"""
    name = dead[0].victim_word or ""
    return name[:1].isupper() and _CAPITALISED.fullmatch(dead[0].fig.text) is not None \
        and re.search(rf"\b{re.escape(name)}\b", " ".join(last.quote)) is not None \
        and sum(c.fig.value.low for c in dead) > 1 \
        and all(_WITH_HIM.fullmatch(s[a.fig.end : b.fig.start]) for a, b in zip(dead, dead[1:], strict=False))


# "The soldiers, all from the Givati Brigade, were killed on Monday when ...": the dead told before,
# by their noun, now with the day (and the place) of their death
_THE_DEAD_AGAIN = re.compile(
    r"(?:all\s+)?the\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\b[^.;]{0,80}?\b(?:were|was|had\s+been)\s+"
    r"(?:[a-z]+ly\s+)?(?:killed|shot\s+dead|slain)\b", re.IGNORECASE)


def dead_dated_again(s: str, event_dates: list[DateMention], places: list[PlaceMention], last: Draft) -> bool:
    """Give the last incident, dated only by when it was told, the day a sentence that names its
    dead again gives for their death, and its place unless vaguer; True if it did."""
    m = _THE_DEAD_AGAIN.match(s)
    nouns = {c.victim_word for c in last.casualties if c.kind == "killed" and c.victim_word}
    nouns |= {"victims", "dead"}
    if m is None or not event_dates or own_day(last) or m.group("noun").lower() not in nouns:
        return False
    spec, cur = most_specific(places), most_specific(last.places)
    exact = spec is not None and (cur is None or spec.rank <= cur.rank) and not last.place_override
    return _dated_again(last, s, event_dates, spec if exact else None)


# "The bomb ... went off during a Sunday service on January 15", "According to a resident, the attack
# took place on Friday 9 February": the day of the incident the lead dated by its toll or its claim
_THE_EVENT_HAPPENED = re.compile(
    r"(?:according\s+to\s+[^,;]{1,60},\s*)?(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:attack|assault|raid|bomb|blast"
    r"|explosion|shells?|rockets?|missiles?|mortars?|drones?|strike|air\s?strike|ambush|massacre|incursion"
    r"|shelling|bombing|killings?)\b[^.;]{0,100}?\b(?:took\s+place|happened|occurred|went\s+off|landed|exploded"
    r"|detonated|was\s+carried\s+out)\b", re.IGNORECASE)


def event_dated_again(s: str, event_dates: list[DateMention], places: list[PlaceMention],
                      last: Draft) -> bool:
    """Give the last incident the day a sentence says it happened, a few days before the day the lead
    told it by (its toll rising, its claim, its bodies found), and the place it says it happened in
    (right after its verb, even of the lead's rank: "in the rural area of Derecik"); True if it did."""
    m = _THE_EVENT_HAPPENED.match(s)
    day = next((d for d in event_dates if _NAMED_DAY.search(d.text)), None)  # (not "overnight")
    told_day = event_date(last.dates)[0]
    if m is None or day is None or not day.date_start or not told_day \
            or not 0 < (told_day - day.date_start).days <= 4:
        return False
    after = [p for p in places if m.end() <= p.start <= m.end() + 80]
    spec, cur = most_specific(after or places), most_specific(last.places)
    exact = spec is not None and (cur is None or spec.rank < cur.rank + (2 if after else 0))
    return _dated_again(last, s, [day], spec if exact else None)


def _dated_again(last: Draft, s: str, dates: list[DateMention], place: PlaceMention | None) -> bool:
    """Give `last` the days of sentence `s`, and its place if any, with `s` as one more quote."""
    last.dates = [*dates, *last.dates]
    if place is not None:
        last.place_override = place.name
    last.quote.append(s)
    return True


_NAMED_DAY = re.compile(r"\d|day\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.IGNORECASE)
