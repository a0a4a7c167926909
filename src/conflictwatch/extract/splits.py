"""How one sentence's figures split into claims: one per place ("killed 10 people in Douma and 7 in
Harasta"), per separate incident ("and a separate strike killed four"), per scope ("..., bringing the
total since January to 300") and per day ("eight on Monday and five on Tuesday")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from conflictwatch.extract.figures import DAY_NAMED, SECOND_DAY_AFTER, SECOND_DAY_BEFORE, SECOND_DAY_GAP
from conflictwatch.extract.numbers import words_to_int
from conflictwatch.extract.scope import PERFECT, is_aggregate
from conflictwatch.models import Range

if TYPE_CHECKING:
    from conflictwatch.extract.dates import DateMention
    from conflictwatch.extract.figures import Casualty
    from conflictwatch.extract.placerank import PlaceMention

# "..., and that a separate strike ...": another incident told in the same sentence
ANOTHER = r"(?:a|an)\s+(?:separate|second|another)\b"


def split_by_day(s: str, group: list[Casualty]) -> list[list[Casualty]]:
    """ "Eight people were killed on Monday and five on Tuesday": one incident per day, each with
    its own toll (figures.SECOND_DAY_GAP)."""
    main = [c for c in group if c.kind == "killed" and not c.subset]
    if len(main) == 2 and SECOND_DAY_BEFORE.search(s, main[0].fig.end, main[1].fig.start) \
            and DAY_NAMED.search(s, 0, main[0].fig.end + 30):
        # "On Tuesday, two people were killed in Graivoron, and on Monday a woman died ...": each day
        # its own incident, the day told before the second figure
        at = group.index(main[1])
        return [group[:at], group[at:]]
    if len(main) < 2 or not any(
            SECOND_DAY_GAP.search(s, a.fig.end, b.fig.start) and SECOND_DAY_AFTER.match(s, b.fig.end)
            for a, b in zip(main, main[1:], strict=False)):
        return [group]
    parts: list[list[Casualty]] = []
    for c in group:
        if not parts or (c in main and SECOND_DAY_AFTER.match(s, c.fig.end) and c is not main[0]):
            parts.append([c])
        else:
            parts[-1].append(c)
    return parts


# ": one in Bakhmut and one in Avdiivka", " - three in Bakhmut, one in Soledar and one in Siversk"
_NUM = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = (rf"(?P<n>{_NUM})\s+(?:(?:of\s+them|people|civilians|more)\s+)?(?:were\s+killed\s+)?"
         r"(?:in|at)\s+(?:the\s+)?")
_PARTS_LIST = re.compile(rf"(?:\s*[:—–]\s*|\s+-\s+|,\s+)(?={_NUM}\s)", re.IGNORECASE)
_ONE_PART = re.compile(rf"(?:,\s+|,?\s+and\s+)?{_PART}", re.IGNORECASE)  # (matched where the last ended)


def _parts_by_town(s: str, group: list[Casualty],
                   places: list[PlaceMention]) -> list[tuple[list[Casualty], list[PlaceMention]]]:
    """The town parts told right after a toll, when they add up to it: one incident per town."""
    dead = [c for c in group if c.kind == "killed" and not c.subset]
    if len(dead) < 1 or not dead[0].fig.exact_number:
        return []
    total = dead[0]
    start = _PARTS_LIST.search(s, max(total.end, total.fig.end))
    if start is None or start.start() - max(total.end, total.fig.end) > 60:
        return []
    parts: list[tuple[int, PlaceMention]] = []
    at = start.end()
    while (m := _ONE_PART.match(s, at)) and (n := words_to_int(m.group("n"))):
        place = next((p for p in places if p.start == m.end()), None)
        if place is None:
            break
        parts.append((n, place))
        at = place.end
    value = total.fig.value
    if len(parts) < 2 or sum(n for n, _ in parts) != value.low or value.high != value.low:
        return []
    rest = [c for c in group if c is not total and not (start.end() <= c.fig.start < at)]
    out = []
    for i, (n, place) in enumerate(parts):
        fig = replace(total.fig, value=Range(n, n), text=str(n))
        out.append(([replace(total, fig=fig, subset=False), *(rest if i == 0 else [])], [place]))
    return out


# (" were killed in an Israeli raid in ": the toll's own verb phrase, up to its place)
_PLACE_GAP = re.compile(r"\s*(?:[\w'’-]+\s+){0,6}?(?:in|at|near)\s+(?:the\s+(?:[a-z]+\s+){0,2}?of\s+)?")


def split_by_place(s: str, group: list[Casualty],
                    places: list[PlaceMention]) -> list[tuple[list[Casualty], list[PlaceMention]]]:
    """ "killed 10 people in Douma and 7 in Harasta": one incident per place, each with its toll; so
    are "killing one person in Kyiv and wounding about 20 in the city of Khmelnytskyi" (the hurt
    are tried only when the dead alone name no two places), and the parts of a province's or three
    cities' toll, told by town ("two civilians in Donetsk Oblast: one in Bakhmut and one in Avdiivka")."""
    if parts := _parts_by_town(s, group, places):
        return parts
    out = _split_places(s, group, places, [c for c in group if c.kind == "killed" and not c.subset])
    if len(out) > 1 or not any(c.kind == "killed" for c in group):
        return out
    return _split_places(s, group, places, [c for c in group if not c.subset])


def _split_places(s: str, group: list[Casualty], places: list[PlaceMention],
                  main: list[Casualty]) -> list[tuple[list[Casualty], list[PlaceMention]]]:
    if len(main) < 2:
        return [(group, places)]
    owned: list[PlaceMention] = []
    for i, c in enumerate(main):
        after = [p for p in places if 0 <= p.start - max(c.end, c.fig.end) <= 60
                 and _PLACE_GAP.fullmatch(s, max(c.end, c.fig.end), p.start)]
        if not after and i == 0 and all(x.kind == "killed" for x in main):
            # "A strike on the town of Nabatieh killed four people, and three were killed in Bint
            # Jbeil": the first toll's place comes before it
            # (not for the dead and the hurt: "In Donetsk Oblast, one was killed and three were
            # injured in Kostiantynivka" is one place)
            after = [p for p in places if p.end <= c.fig.start][-1:]
        if not after:
            return [(group, places)]
        owned.append(after[0])
    if len({p.name for p in owned}) < len(owned):
        return [(group, places)]
    out = []
    for i, (c, p) in enumerate(zip(main, owned, strict=True)):
        nxt = main[i + 1].fig.start if i + 1 < len(main) else len(s)
        part = [c, *[x for x in group if x not in main and c.fig.start < x.fig.start < nxt]]
        # (with the places that say where it is: "in Seir near Tubas")
        out.append((part, [p, *[q for q in places if q is not p and p.end <= q.start < nxt]]))
    return out


# Where a clause ends for scope: "Three men were dismembered in Tijuana, ..., with these events
# adding up to 33 executions in the first days of September" is an incident and a total.
_SCOPE_BREAK = re.compile(r";\s+|,\s+(?:with|while|whereas|bringing|adding|taking|raising)\s+|\s+while\s+"
                          # ("A soldier was killed on Monday as fighting has left dozens dead since Thursday")
                          r"|,?\s+as\s+(?=[^.;]{0,80}?\b(?:has|have)\s+(?:left|killed|claimed)\b)")


# "12 people had died in al-Fardous, and that a separate strike on Bab al-Nairab killed four"
# (", on the same day that an attack on a mosque left dozens dead": another incident that day)
_AND_IN_SEPARATE = re.compile(rf"\s+and\s+(?=[^.;,]{{0,80}}?\bin\s+{ANOTHER}\s)", re.IGNORECASE)
_KILLED_VERB = re.compile(r"\b(?:killed|died|dead|slain|murdered|executed)\b", re.IGNORECASE)
_SEPARATE = re.compile(
    rf",?\s+(?:and|while|but)\s+(?:that\s+)?{ANOTHER}|,\s+(?:on\s+)?the\s+same\s+day\s+(?:that|as|when)\s"
    # (", while three others were shot dead in a separate operation in Kanker")
    rf"|,\s+(?:while|whereas)\s+(?=[^.;]{{0,60}}?\b{ANOTHER})",
    re.IGNORECASE)


def split_separate(s: str, group: list[Casualty], places: list[PlaceMention]
                    ) -> list[tuple[list[Casualty], list[PlaceMention]]]:
    """Figures on both sides of "and a separate strike" are two incidents, each with its places."""
    cut = next((m.start() for m in _SEPARATE.finditer(s) if any(c.fig.start < m.start() for c in group)
                and any(c.fig.start > m.start() for c in group)), None)
    if cut is None:
        # "Four soldiers were killed in an ambush near Koro and six civilians were shot dead in a
        # separate attack": a second clause, its own verb, another incident
        cut = next((m.start() for m in _AND_IN_SEPARATE.finditer(s)
                    if any(c.fig.start < m.start() and _KILLED_VERB.search(s, c.fig.end, m.start())
                           for c in group)
                    and any(c.fig.start > m.start() for c in group)), None)
    if cut is None:
        return [(group, places)]
    return [([c for c in group if c.fig.start < cut], [p for p in places if p.start < cut]),
            ([c for c in group if c.fig.start > cut], [p for p in places if p.start > cut])]


def split_by_scope_clause(s: str, group: list[Casualty]) -> list[list[Casualty]]:
    """ "X was killed ..., bringing the total since the coup to 90": the victim and the total are
    two claims (each clause's figures stay together)."""
    if len(group) < 2:
        return [group]
    cuts = [0, *(m.end() for m in _SCOPE_BREAK.finditer(s))]
    parts: dict[int, list[Casualty]] = {}
    for c in group:
        parts.setdefault(max(i for i, cut in enumerate(cuts) if cut <= c.fig.start), []).append(c)
    if len(parts) < 2 or any(all(c.subset for c in p) for p in parts.values()):
        return [group]
    for k in sorted(parts)[1:]:
        before = max(i for i in parts if i < k)
        if all(c.kind != "killed" for c in parts[k]) and s[cuts[k] - 6 : cuts[k]].strip() == "with":
            parts[before] += parts.pop(k)  # "had risen to 18,787, with more than 50,000 wounded": one count
    verdicts = {_aggregate_clause(s, cuts, p) for p in parts.values()}
    if len(verdicts) < 2:
        return [group]  # "nine rebels died, while 28 were wounded": one incident's figures
    return [parts[k] for k in sorted(parts)]


def _aggregate_clause(s: str, cuts: list[int], part: list[Casualty]) -> bool:
    pos = part[0].fig.start
    begin = max(c for c in cuts if c <= pos)
    later = [c for c in cuts if c > pos]
    clause = s[begin : later[0] if later else len(s)]
    if is_aggregate(clause, [], part):
        return True
    # "172 militants have been killed so far this year, while 29 soldiers and 26 civilians have
    # lost their lives": a present perfect after a total's clause counts over the same period
    # lost their lives"; so does a past perfect ("had killed 96 ... since the start of its offensive,
    # while 15 soldiers had died")
    return begin > 0 and bool(PERFECT.search(clause) or _HAD_DIED.search(clause)) \
        and is_aggregate(s[:begin], [], [])


_HAD_DIED = re.compile(r"\bhad\s+(?:also\s+)?(?:died|perished|lost\s+their\s+lives|been\s+(?:killed|wounded"
                       r"|injured))\b", re.IGNORECASE)


def aggregate_here(s: str, dates: list[DateMention], group: list[Casualty],
                   news_of_report: bool = False) -> bool:
    """Is this figure a total? Judged on the sentence, unless the total's words stand in another
    clause than the figure (then on the figure's clause alone). `news_of_report`: the sentence is the
    lead of a story telling a report's findings (its "in June" dates one event, see is_aggregate)."""
    if not group:
        return False
    pos = group[0].fig.start
    cuts = [0, *(m.end() for m in _SCOPE_BREAK.finditer(s)), len(s)]
    starts = [m.start() for m in _SCOPE_BREAK.finditer(s)] + [len(s)]
    begin = max(c for c in cuts if c <= pos)
    end = min(c for c in starts if c >= pos) if any(c >= pos for c in starts) else len(s)
    local = s[begin:end]
    local_dates = [d for d in dates if begin <= d.start < end]
    if _RAISING_CLAUSE.search(s, 0, begin):
        # "..., raising the death toll in Gaza since Friday to 31": the total's own clause decides
        # (the incident's day and its "killed in an air strike" are the other clause's)
        return is_aggregate(local, local_dates, group, news_of_report)
    if not is_aggregate(s, dates, group, news_of_report):
        return False
    if begin == 0 and end == len(s) or _COVERING.search(s) or _WITH_CLAUSE.search(s, 0, begin):
        # ("In an update covering January to March, ..., with 83 killed": all the period's; "Violence
        # rose in the first quarter, with 31 people killed": a "with" clause tells the period's count)
        return True
    return is_aggregate(local, local_dates, group, news_of_report)


_COVERING = re.compile(r"\b(?:report|reports|update|bulletin|review)\s+covering\b|\bcovering the period\b",
                       re.IGNORECASE)
_WITH_CLAUSE = re.compile(r",\s+with\s+$", re.IGNORECASE)
_RAISING_CLAUSE = re.compile(r",\s+(?:bringing|raising|taking)\s+$")
