"""Scope of a figure: one incident, a total over a period (aggregate), or background to skip.

"448 killed since Sept. 22" is an aggregate; "the war has killed 300,000", "in 2015" and hedged
figures ("could kill thousands") are no claim at all."""

from __future__ import annotations

import re
from functools import lru_cache

from conflictwatch.extract.campaigns import LONG_CAMPAIGNS
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.figures import Casualty, lex
from conflictwatch.extract.periods import (
    ACROSS,
    ACROSS_COUNTRY,
    ADVERBIAL_SINCE,
    AS_OF_HOUR,
    EARLIER_THIS_MONTH,
    MANY_PLACES,
    PERIOD_THEN_DAY,
    TOTAL_TO,
    TWO_PROVINCES,
    counts_a_period,
    tally_of_one_day,
)
from conflictwatch.extract.places import is_country_name
from conflictwatch.extract.rules import lexicon
from conflictwatch.models import Article
from conflictwatch.months import FULL_NAMES, MONTH_NAMES, NAME_OR_SHORT

_YEARS_AGO = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+(?:after|ago|before|earlier)"
    r"|a year (?:ago|earlier|before)"
    r"|(?:in|of|during)\s+the\s+(?:19|20)\d0s"  # ("the black decade of the 1990s left 200,000 dead")
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+months\s+ago)\b"
    r"|(?<!born\s)(?<!founded\s)(?<!formed\s)(?<!established\s)\bin\s+(?P<year>(?:19|20)\d\d)\b"
    r"(?:[-–](?:19|20)?\d\d\b)?(?![-/]\d)"  # "in 2019-20": a span of past years too
    # "the deadliest since 2016, when al-Shabab killed dozens at El Adde": that year's event
    # "2023 was the deadliest year for Balochistan" (a year's count); "the Solhan massacre of June 2021"
    # (not "A man born in 1958 was killed")
    r"|(?<!born\sin\s)(?<!born\s)\b(?P<year4>(?:19|20)\d\d)\s+(?:was|saw|had\s+been)\b"
    r"|\b(?:massacre|attack|bombing|offensive|killings|assault|raid|ambush|uprising|coup)\s+of\s+"
    r"(?:(?:" + FULL_NAMES + r")\s+)?(?P<year5>(?:19|20)\d\d)\b"
    r"|\b(?:since|of)\s+(?:(?:early|mid|late)[- ]?)?(?:(?:" + FULL_NAMES + r")\s+)?"
    r"(?P<year3>(?:19|20)\d\d)\s*,\s+when\b"
    # "the deadliest since the 2004 Beslan school siege, in which 334 people were killed": that event's
    # ("since the 1983 bombing of the Marine barracks in Beirut that killed 241")
    r"|\bsince\s+the\s+(?P<year7>(?:19|20)\d\d)\s+(?:[\w'’-]+\s+){0,3}?(?:attack|bombing|siege|massacre"
    r"|war|strike|raid|assault)(?:\s*,|(?:\s+(?:of|on|in|at)\s+[^,;]{0,60}?)?)\s+(?:in\s+which|when|which|that)\b"
    # "violence marred the 2019 elections, when 145 people were killed"
    r"|\bthe\s+(?P<year6>(?:19|20)\d\d)\s+[\w-]+(?:\s+[\w-]+)?\s*,\s+when\b"
    # "the deadliest since October last year, when twin car bombs killed 120"
    r"|\bsince\s+(?:(?:early|mid|late)[- ]?)?(?:" + FULL_NAMES + r")\s+last\s+year\s*,\s+when\b"
    # "a 2020 attack", "the deadly 2015 bombing", "a December 2022 blast" (not "since the 2003 invasion")
    r"|(?<!since\s)\b(?:an?|the|its|their)\s+(?:deadly\s+)?(?:(?:" + FULL_NAMES + r")\s+)?"
    # ("the 2018 La Saline massacre": a name of up to three words between)
    r"(?P<year2>(?:19|20)\d\d)(?:[-–](?:19|20)?\d\d)?\s+(?:[\w.'’-]+\s+){0,3}?"
    r"(?:attack|attacks|bombing|bombings|massacre|raid|killing|killings|strike|strikes|ambush|assault"
    r"|blast|explosion|shooting|siege|war|conflict|invasion|genocide|uprising|offensive|battle)\b"
    # a timeline's entry: "APRIL 2022 - A female suicide bomber kills three Chinese teachers"
    r"|^\W*(?:(?:" + FULL_NAMES + r")\s+)?(?P<year8>(?:19|20)\d\d)\s*[-–—:]\s",
    re.IGNORECASE,
)


# "last September", "in early March", "in May 2021" (not "since March": a period's start; not "May 26":
# a day, which the dates stage reads)
# "since the offensive began in October": the month a period began
_SINCE_BEGAN = re.compile(
    r"\b(?i:since)\s+[^.;,]{0,50}?\b(?:began|started|broke out|erupted|was launched)\s*$")
_MONTH_AGO = re.compile(
    r"(?<!since\s)(?<!Since\s)\b(?P<last>(?i:last|in|early|late|an?|the|of|during))\s+(?:(?i:early|late|mid)[\s-]+)?(?P<month>"
    + FULL_NAMES
    + r")\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?(?!\s+\d)"
    # "in January and February, 57 soldiers died": a period's count, not a past incident
    + r"(?!\s+(?:and|to|through|until|or)\s+(?:" + FULL_NAMES + r"))"
)


_MONTHS_OF_A_YEAR = re.compile(
    rf"\b(?:in|of|during|between)\s+(?:{FULL_NAMES})\s+(?:and|to|through|until|or)\s+(?:{FULL_NAMES})"
    r",?\s+(?P<year>(?:19|20)\d\d)\b")
_YEAR_GROUPS = ("year", "year2", "year3", "year4", "year5", "year6", "year7", "year8")
_EVENT_NOUN_NEXT = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|explosions?|strikes?|raids?|massacres?|ambush|assaults?"
    r"|offensive|killings?|shootings?|clashes)\b",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _report_lead() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon().get("report_leads") or ["(?!)"]), re.IGNORECASE)


_LEAD_CHARS = 400


@lru_cache(maxsize=64)
def _told_late(title: str | None, lead: str) -> bool:
    return bool(_report_lead().search(f"{title or ''}\n{lead}"))


def told_late(article: Article) -> bool:
    """Does the story tell a report's findings (the headline or the first sentences: "..., Amnesty
    International said in a report released on Tuesday")? Its killings are the news however old."""
    return _told_late(article.title, (article.text or "")[:_LEAD_CHARS])


def months_ago(s: str, article: Article) -> bool:
    """A month named without a day that ended a month or more before publication ("the killing of two
    commanders last September" in a June report): background, like a date that old."""
    pub = article.published
    if pub is None:
        return False
    for m in _MONTH_AGO.finditer(s):
        if _SINCE_BEGAN.search(s, max(0, m.start() - 60), m.start()):
            continue  # "since the offensive began in October": when a period began, not when it happened
        if m.group("last").lower() in ("a", "an", "the") and not m.group("year") \
                and not _EVENT_NOUN_NEXT.match(s, m.end()):
            continue  # ("An April 2023 strike", "a May bombing": a month before its event's noun)
        if m.group("last").lower() in ("of", "during") and not m.group("year"):
            continue  # ("the clashes of July 2020"; not "in the second half of March": a part of it)
        month = MONTH_NAMES.index(m.group("month")) + 1
        if m.group("year"):
            back = (pub.year - int(m.group("year"))) * 12 + pub.month - month
        elif m.group("last").lower() == "last":
            back = (pub.month - month - 1) % 12 + 1
        else:
            back = (pub.month - month) % 12
        if back >= 2:
            return True
    return False


# "a 2014 assault on an army-run school that left nearly 150 people dead": the figure is told in the
# clause of the dated event, however long its object
# "The 2019-20 offensive on the capital by eastern forces killed thousands": the dated event's own verb
_ITS_OWN_VERB = re.compile(
    r"[^.;,]*?\b(?:killed|left|claimed)\s+(?:(?:at least|more than|some|about|nearly)\s+)?$")
_TOLD_IN_CLAUSE = re.compile(r"[^.;,]*?,?\s*\b(?:that|which|in which)\b[^.;,]*$")


def _toll_of_dated_event(s: str, m: re.Match[str], a: int, b: int) -> bool:
    """Is the figure at s[a:b] the toll of the dated event `m` ("a 2020 attack")? Right beside it,
    told in its relative clause, or after its own verb."""
    if m.start() - 80 <= a and b <= m.end() + 40:
        return True
    if m.end() < a and b <= m.end() + 140 and _TOLD_IN_CLAUSE.match(s, m.end(), a):
        return True
    return m.end() < a and b <= m.end() + 80 and _ITS_OWN_VERB.match(s, m.end(), a) is not None


def long_ago(s: str, article: Article, figures: list[tuple[int, int]] | None = None) -> bool:
    """Background from another year ("three years after the collapse", "in 2013") or from a month
    long past ("last September"); "wounded in a 2020 attack" only when a figure is told right there,
    not "a man wanted for a 2015 bombing blew himself up" (`figures`: spans of the sentence's casualty
    figures)."""
    if months_ago(s, article):
        return True
    pub_year = article.published.year if article.published else None
    if pub_year and any(int(m["year"]) < pub_year for m in _MONTHS_OF_A_YEAR.finditer(s)):
        return True  # ("in November and December 2014, when militants killed 28 passengers")
    for m in _YEARS_AGO.finditer(s):
        if m.group("year2") and not any(_toll_of_dated_event(s, m, a, b) for a, b in figures or []):
            continue
        year = next((y for y in m.group(*_YEAR_GROUPS) if y), None)
        if year is None or article.published is None or int(year) < article.published.year:
            return True
    return False


def toll_of_a_past_year(s: str, article: Article, figures: list[tuple[int, int]]) -> bool:
    """Is every figure the toll of an event of an earlier year ("the deadliest since the 1983 bombing of
    the Marine barracks that killed 241"), whatever day the sentence's own news has?"""
    if not figures or article.published is None:
        return False
    for m in _YEARS_AGO.finditer(s):
        year = m.group("year2") or m.group("year7") or m.group("year8")
        if year and int(year) < article.published.year and (
                m.group("year8") or all(_toll_of_dated_event(s, m, a, b) for a, b in figures)):
            return True
    pub = article.published
    for m in _MONTH_AGO.finditer(s):
        # "linked to the June attacks in Derbent and Makhachkala, which killed 22 people" (in July): the
        # toll of an event of an earlier month, named by it
        if m.group("last").lower() not in ("the", "a", "an", "last") or m.group("year") \
                or not _EVENT_NOUN_NEXT.match(s, m.end()):
            continue
        if MONTH_NAMES.index(m.group("month")) + 1 != pub.month \
                and all(_toll_of_dated_event(s, m, a, b) for a, b in figures):
            return True
    return False


def hedge_governs(s: str, cas: list[Casualty]) -> bool:
    """A hedge word before the figure in its clause ("could kill thousands", "denied killing 30")."""
    lx = lex()
    for c in cas:
        start = max(0, c.fig.start - 80)
        window = s[start : c.fig.end + 40]
        for m in lx.hedges.finditer(window):
            text = m.group(0).lower()
            if text in ("if", "unless", "may", "will") and m.start() + start > c.fig.end:
                continue
            if m.start() + start > c.fig.end and _TOLL_MAY_RISE.match(window, m.end()):
                continue  # "killed 20 people and the toll could rise": the toll is told, its growth hedged
            if m.start() + start > c.fig.end and _RELATIVE_BEFORE.search(s, c.fig.end, m.start() + start) \
                    and re.match(r"\s+not\b", window[m.end():]):
                continue  # "shot dead two residents who could not flee": about the victims, not the toll
            if _FEARED_DEAD.match(window, m.start()):
                continue  # "feared killed": reported dead, the way Nigerian dailies say it
            if _FACT_CLAUSE.search(s, m.end() + start, c.fig.start):
                continue  # "it would send troops after gunmen killed 12": what happened, told as the reason
            if text.startswith("den") and _OWN_ACCOUNT.search(s, m.end() + start, c.fig.start):
                continue  # "M23 denied the claim, saying it had lost only two fighters": its own count
            return True
    return False


# "... and the toll could rise", "is expected to climb": the hedge is on the toll's growth
_TOLL_MAY_RISE = re.compile(
    r"\s+(?:(?:be\s+)?(?:still\s+|further\s+)?)?(?:to\s+)?(?:rise|climb|increase|grow|go\s+up)\b", re.I)
# "residents who could not flee" (people); not "a figure that could not be verified" (the toll)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom)\s+(?:[\w-]+\s+){0,2}$")
# a clause between a hedge and the figure that tells what happened
_OWN_ACCOUNT = re.compile(r",\s+(?:saying|adding|insisting|claiming)\b", re.IGNORECASE)
_FACT_CLAUSE = re.compile(r"\b(?:after|following|because|when)\b", re.IGNORECASE)
_FEARED_DEAD = re.compile(r"feared\s+(?:to\s+have\s+been\s+)?(?:killed|dead|murdered)\b", re.IGNORECASE)



_WEAK_PERIOD = re.compile(
    r"\b(?:(?:early|earlier|late|later)\s+)?(?:this|last) week\b|\bover the weekend\b|\bat the weekend\b"
    r"|\bsince\b",
    re.I,
)


_ONE_EVENT = re.compile(
    # "Fighting in the two villages killed 14 rebels ... over the weekend": one fight's dead
    r"^(?:Fighting|Clashes|Battles?)\s+(?:in|for|around|near|over)\s+(?:the\s+)?(?:two\s+|three\s+)?"
    r"(?:villages?|towns?)\b"
    r"|\b(?:toll|number (?:of (?:people |those )?)?(?:killed|dead))\s+(?:from|in|of)\s+"
    r"(?:the|a|an|this|that|[A-Z]\w+'s|(?:last|this)\s+\w+['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}(?:attack|strike|air strike|bombing|blast|explosion|raid|ambush|massacre|car bomb)\b"
    r"|\b(?:killed|dead)\s+(?:by|in)\s+(?:the|a|an|[A-Z]\w+'s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:attack|strike|air strike|bombing|blast|explosion|raid|ambush|massacre|car bomb)\b"
    # "Last week, a suicide bomber killed six people near the embassy": one attacker, one attack
    r"|\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:bomber|gunman|car bomb|bomb|blast|explosion|air ?strike|drone strike"
    r"|missile|rocket|shell)\s+(?:[\w-]+\s+){0,3}?(?:killed|left)\b"
    # "killed 12 fighters in an operation in Middle Shabelle early this week": one operation's dead
    r"|\bkilled\s+(?:[\w-]+\s+){1,4}(?:in|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:operation|raid|ambush|attack|air strike|strike|clash|gunfight|firefight|encounter|gun battle)\b",
    re.I,
)


# words that make a week's dead several events: "attacks", "a series of", "in separate incidents"
_MANY_EVENTS = re.compile(
    r"\b(?:attacks|raids|clashes|strikes|airstrikes|operations|incidents|ambushes|bombings|killings|shootings|fatalities"
    r"|battles|series|spate|wave|string|separate|various|several|villages|towns|districts|across|bombing"
    r"|bombardment|shelling|fighting)\b",
    re.IGNORECASE,
)
_WEEKEND = re.compile(r"(?:over|at) the weekend", re.I)
_SOFT_TOTAL = re.compile(r"in total|altogether|documented the deaths|recorded the deaths", re.I)
# one fight between two sides, told at the start of the sentence
_ONE_FIGHT = re.compile(  # (or "died in clashes over the weekend in the rural area of Balboa")
    r"^(?:Fighting|Clashes|Battles?|(?:An?|The)\s+(?:clash|gunfight|gun battle|battle|firefight))\s+between\b"
    r"|\b(?:died|killed)\s+in\s+(?:clashes|fighting)\s+(?:over|at)\s+the\s+weekend\s+(?:in|near|at)\s"
    r"|\b(?:died|killed)\s+(?:over|at)\s+the\s+weekend\s+in\s+(?:clashes|fighting)\b"
    # ("killed in clashes with FARC dissidents in Hacarí, Norte de Santander, over the weekend")
    r"|\b(?:died|killed)\s+in\s+(?:clashes|fighting)\s+(?:with|between)\s+[^.;]{3,90}?\s+(?:in|near|at)\s+"
    r"[A-Z][^.;]{1,60}?\s+(?:over|at)\s+the\s+weekend\b", re.I)


_SUPERLATIVE = re.compile(
    r"\b(?:one of )?(?:the|its|their) (?:deadliest|worst|bloodiest|biggest|largest|heaviest|fiercest"
    r"|most \w+|highest(?: single-day| daily| one-day)?(?= (?:death )?toll))\b"
    r"(?:[^,.;]|(?<=\b[A-Z])\.)*"  # ("the deadliest known U.S. strike since ...": U.S. ends nothing)
    # "the third such discovery this month", "the latest in a string of attacks": one among others
    r"|\bthe (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest)"
    r" (?:(?:major|big|large|deadly|serious)\s+)?(?:such|in a|attack|killing|massacre|ambush|discovery"
    r"|incident|strike|raid|operation|offensive|assault)\b"
    # ("brings to 13 the number"; "a wave of attacks that has killed over 60 ... this month": a count)
    r"(?:(?!\b(?:brings?|bringing|raises?|raising|takes?|taking|(?:that|which)\s+ha(?:s|ve))\b)[^,.;])*"
    # ", marking a new escalation in a months-long offensive": the event's weight, no period it counts
    r"|,\s+marking\s+(?:a|an|the)\s+[^,.;]*",
    re.IGNORECASE,
)


_PAST_PERIOD = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?:past|last|previous|preceding)\s+(?:[\w-]+\s+)?"
    r"(?:days|weeks|months|years)\b"
    r"|\b(?:in|over|during)\s+the\s+(?:past|last|previous|preceding)\s+(?:month|year)\b"
    r"|\b(?:in|over|during)\s+the\s+first\s+(?:[\w-]+\s+)?(?:half|quarter|weeks?|months?|days|year)\b"
    # "In the weeks that followed, the militias killed 10,000": a period after the event told
    r"|\b(?:in|over|during)\s+the\s+(?:days|weeks|months|years)\s+that\s+followed\b"
    r"|\bin\s+the\s+following\s+(?:days|weeks|months|years)\b"
    # "more than 8,000 people were killed in Burkina Faso in 2023" (an earlier year is background)
    r"|(?<!born\s)(?<!founded\s)(?<!formed\s)(?<!established\s)"
    r"\b(?:in|during|throughout)\s+(?:the\s+year\s+|(?:early|mid|late)[- ])?(?:19|20)\d\d\b(?![-/]\d)",
    re.IGNORECASE,
)


# "between mid-August 2021 and mid-June 2022", "from January to March", "between 2021 and 2022": a
# period (not "between 1990 and 2000 people").
_YEAR_END = (
    r"(?:(?:early|mid|late)[- ]?)?(?:19[5-9]\d|20[0-4]\d)\b"
    r"(?!\s+(?:people|persons|civilians|men|women|children|fighters|soldiers|troops))"
)
_MONTH_END = rf"(?:(?i:mid|early|late)[- ]?)?(?:\d{{1,2}}\s+)?{NAME_OR_SHORT}"
_BETWEEN_MONTHS = re.compile(
    rf"\b(?i:between|from)\s+(?:{_MONTH_END}\b|{_YEAR_END}).{{0,30}}?"
    rf"\b(?i:and|to|until|till)\s+(?:{_MONTH_END}|{_YEAR_END})",
)
# "UNAMA recorded 700 civilian deaths", "the monitor documented 56 killings": a report's count.
# "I counted more than 100 bodies", "he counted 12 bodies at the hospital": a witness at the scene
_SCENE_COUNT = re.compile(r"\b(?:I|we|he|she|they)\s+(?:had\s+|have\s+)?counted\b|\bcounted\s+(?:at least\s+"
                          r"|more than\s+|some\s+|about\s+)?[\w,]+\s+(?:dead\s+)?bodies\b", re.IGNORECASE)
_RECORDED = re.compile(
    r"\b(?:recorded|documented|registered|verified|counted|tallied|confirmed a total of)\s+"
    # ("The EHRC has recorded hundreds of civilian deaths in Amhara region")
    r"(?:(?:at least|more than|over|some|about|nearly|a total of)\s+)?(?:\d|hundreds\b|thousands\b|dozens\b)",
    re.IGNORECASE,
)
# "176 people have been killed in the crackdown": a present perfect with no day over a campaign
# tells a tally. ("had been killed" is reported speech in wire copy: "said 14 had been killed".)
# "Thousands of fighters have died in the battle for the province": a big toll in the present perfect
_PERFECT_DIED = re.compile(r"\b(?:has|have)\s+(?:now\s+|so far\s+|reportedly\s+|also\s+)?(?:died|perished)\b",
                           re.IGNORECASE)
PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so far\s+|reportedly\s+|also\s+)?(?:been\s+)?"
    r"(?:killed|murdered|slain|left|claimed|lost)\b",
    re.IGNORECASE,
)
# "It said 173 soldiers had been killed in its ground operation": a past perfect over a long
# campaign counts over it (not over a day's "violence" or "protests", which wire copy tells so)
_LONG_CAMPAIGN = re.compile(
    rf"\bhad\s+(?:so far\s+)?been\s+(?:killed|slain)\b[^.;]{{0,60}}?\b"
    rf"(?:operations|{LONG_CAMPAIGNS}|crackdown)\b", re.IGNORECASE)
_HAD_KILLED = re.compile(r"\bhad\s+(?:killed|murdered|massacred|slaughtered)\s+[\"“]?"
                         r"(?:(?:more than|over|at least|some)\s+)?[\d,]+", re.IGNORECASE)
_CAMPAIGN_TOLL = re.compile(
    r"\b(?:toll|tally|number\s+of\s+(?:victims|dead|deaths|people\s+killed))\s+(?:in|of|from|during)\s+"
    rf"(?:the|its|their|this)\s+(?:[\w-]+\s+){{0,2}}?(?:{LONG_CAMPAIGNS}|repression|crackdown)\b"
    # "the death toll of members of the security forces stands at 125": a side's count of a campaign
    r"|\btoll\s+(?:of|among)\s+(?:the\s+)?(?:members\s+of\s+the\s+)?(?:security\s+forces|soldiers|troops|army"
    r"|civilians|police|fighters)\s+(?:stands|stood|has\s+(?:risen|reached|climbed))\b",
    re.IGNORECASE)
# "On September 23 alone, strikes killed 558": one day's share of a campaign's count; "the two-day death
# toll", "killed within 24 hours": a count of days
_DAYS_COUNT = re.compile(r"\bon\s+(?:[\w,]+\s+){1,3}?alone\b"
                         r"|\b(?:two|three|four|five|\d)-day\s+(?:death\s+)?toll\b"
                         r"|\bwithin\s+(?:24|48|72)\s+hours\b", re.IGNORECASE)
_CAMPAIGN = re.compile(
    r"\b(?:crackdown|protests|protest wave|campaign|offensive|unrest|insurgency|uprising|war|conflict"
    r"|violence|repression|operations|demonstrations)\b",
    re.IGNORECASE,
)
# "a military air strike on a village ...": the sentence tells one event
_SINGLE_EVENT = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:attack|strike|air strike|airstrike|drone strike|raid|ambush"
    r"|massacre|blast|explosion)\s+(?:on|in|at|against|near)\b", re.IGNORECASE)
_COUNTED_SO_FAR = re.compile(r"\b(?:recovered|confirmed|counted|buried|received|retrieved|pulled|found)\b",
                             re.IGNORECASE)
_NTH_OF_YEAR = re.compile(r"\b(?:massacre|attack|killing|homicide)\s+(?:number|no\.)\s*\d+\s+(?:of\s+)?"
                          r"(?:this|the)\s+year\b|\b\d+(?:st|nd|rd|th)\s+(?:massacre|attack)\s+(?:of\s+)?"
                          r"(?:this|the)\s+year\b", re.IGNORECASE)
_WEEKS_EVENT = re.compile(r"\b(?:this|last)\s+week['’]s(?=\s+(?:[\w-]+\s+){0,2}?(?:fighting|clashes|clash"
                          r"|attack|bombing|strike|raid|ambush|offensive|massacre|conflict|battle)\b)"
                          # ("a landmine left over from years of fighting": where the mine came from)
                          r"|\b(?:left\s+over|leftover|left\s+behind|remnants?|relics?)\s+(?:from|of)\s+"
                          r"(?:(?:the|a|many)\s+)?(?:years?|decades?)\s+of\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    r"\b(?i:in|during|throughout|for)\s+(?:the month of\s+)?"
    rf"(?:{FULL_NAMES})\b(?!\s+\d{{1,2}}\b)",  # ("in July 2024" is the month too; "July 12" a day)
)


# ", whose troops have been deployed in Cabo Delgado since 2021,": an aside about who speaks or acts
# (and a closing clause of the scene around it: ", as fighting spread across the country.")
# (", where families had been sleeping outdoors since the earthquake": the place's story)
_ASIDE = re.compile(r",\s+(?:whose|which|who|where|an?\s+[^,;]{0,40}?\b(?:that|where))\s+[^,;]{3,160}?"
                    r"(?:,|[.!]?$)|"
                    r",\s+(?:as|amid|while)\s+(?!(?:of|many|much|well|a\s+result)\b)[^,;]{3,200}?[.!]?$"
                    # (", the ruby-mining town captured by the TNLA last month,": the place's history)
                    r"|,\s+(?:the|a)\s+[^,;]{0,40}?\b(?:captured|seized|taken|overrun|retaken|held|controlled)\s+by\s+"
                    r"[^,;]{3,100}?,")


def _aside_blanked(s: str, cas: list[Casualty]) -> str:
    """The sentence with its relative asides that hold no figure blanked (same length): their
    "since 2021" is the speaker's history, not the period of the toll."""
    def blank(m: re.Match[str]) -> str:
        if any(m.start() <= c.fig.start < m.end() for c in cas):
            return m.group(0)
        return " " * len(m.group(0))
    return _ASIDE.sub(blank, s) if "," in s else s


# an army's or police's results, counted over a period: the dead beside the arrested, the rescued and
# those who surrendered ("neutralised 56 terrorists, arrested 120 suspects and rescued 80 hostages")
_OPERATIONS_TALLY = re.compile(
    r"\b(?P<fate>arrested|apprehended|rescued|received|recovered)\s+(?:(?:at\s+least|about|some|over)\s+)?"
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:suspects|hostages|victims|persons|people|fighters|terrorists"
    r"|suppliers|collaborators|informants|members|kidnapped|abductees|civilians)", re.IGNORECASE)
_COUNT_ROW = re.compile(
    r"[-*•·]?\s*[\w'’ .-]{2,40}:\s*\d[\d,]*\s+(?:killed|dead|deaths)(?:\s*(?:,|and|;)\s*\d[\d,]*\s+"
    r"(?:injured|wounded|hurt))?\s*[.;]?", re.IGNORECASE)
_KILLED_N = re.compile(r"\b(?:killed|neutrali[sz]ed|eliminated)\s+(?:(?:at\s+least|about|some|over)\s+)?\d",
                       re.IGNORECASE)


def _blanked(rx: re.Pattern[str], s: str) -> str:
    """`s` with what `rx` matches blanked (same length: offsets still hold)."""
    return rx.sub(lambda m: " " * len(m.group(0)), s)


def is_aggregate(s: str, dates: list[DateMention], cas: list[Casualty] | None = None,
                 news_of_report: bool = False) -> bool:
    lx = lex()
    s = _aside_blanked(s, cas or [])
    if counts_a_period(s, dates, cas):
        return True  # "2022 closed with 1,113 homicides", "23 attacks, in which 26 people died"
    for d in dates:  # "on Tuesday and Wednesday last week": days, not the week's count
        if d.precision == 1 and not d.statement and d.text.lower().endswith(("last week", "this month",
                                                                              "instant")):
            s = s.replace(d.text, " " * len(d.text))
    # "the deadliest attack this year", "the fiercest exchange since 2014" compare; they bound nothing.
    s = _SUPERLATIVE.sub(" ", s)
    one_event = _SINGLE_EVENT.search(s) is not None and not _MANY_EVENTS.search(s)
    if any(rx.search(s) for rx in (_PAST_PERIOD, _BETWEEN_MONTHS, TWO_PROVINCES)) or (
            _MONTH_ONLY.search(s) and not (one_event and news_of_report)):
        return True  # "killed ... across Iraq in June", "in the past five days", "in Benue and Plateau"
        # (not a report's lead: "an attack on the village in June killed 40, HRW said": one event)
    if one_event and news_of_report:  # ("a strike on a village earlier this month killed 170, the UN said")
        s = _blanked(EARLIER_THIS_MONTH, s)
    # "As of 10 a.m., we know of three people killed": the hour of a count of the day, not a period;
    # "Earlier this month, on May 3, 30 people were killed": the day the period is then named by
    s = _blanked(PERIOD_THEN_DAY, _blanked(AS_OF_HOUR, s))
    # "in what constitutes the massacre number 94 of this year": an ordinal of events, not a count
    s = _blanked(_NTH_OF_YEAR, s)
    # "killed in this week's fighting on the border": the week of one named fight, not a week's count
    s = _blanked(_WEEKS_EVENT, s)
    markers = [m.group(0) for m in lx.aggregate.finditer(_blanked(ADVERBIAL_SINCE, s))]
    one = bool(_ONE_EVENT.search(s))
    if "tally" in (m.lower() for m in markers) and tally_of_one_day(s, markers, dates, one):
        markers = [m for m in markers if m.lower() != "tally"]
    if markers and all(_WEAK_PERIOD.fullmatch(m) for m in markers) and _ONE_EVENT.search(s):
        # "the toll from the attack near Azaz this week climbed to 29": one incident's toll.
        return False
    if markers and all(_WEEKEND.fullmatch(m) for m in markers) and _ONE_FIGHT.search(s):
        return False  # "Clashes between two rival groups left a dozen dead over the weekend"
    single = bool(cas) and all(c.fig.value.high == 1 for c in cas if c.kind == "killed" and not c.subset)
    if markers and all(_WEAK_PERIOD.fullmatch(m) for m in markers) and single:
        return False  # "a rebel was killed over the weekend": one death is one incident
    if markers and all(_WEAK_PERIOD.fullmatch(m) and not m.lower().startswith("since") for m in markers) \
            and not _MANY_EVENTS.search(s) and not PERFECT.search(s) and not _CAMPAIGN.search(s):
        return False  # "Militants ambushed a convoy near X last week, killing six": one event, told late
    if markers and all(_SOFT_TOTAL.fullmatch(m) for m in markers) and not MANY_PLACES.search(s) \
            and not TWO_PROVINCES.search(s) and any(d.precision == 1 and not d.statement for d in dates):
        # "killing 60 people in total" on Thursday in Kalogi, "documented the deaths of 12 ... in
        # clashes in Sahnaya on Wednesday": one day's dead in one place, summed
        return False
    if markers and all(m.lower() == "so far" for m in markers) and _COUNTED_SO_FAR.search(s) \
            and not _MANY_EVENTS.search(s) and not any(c.fig.value.low >= 1000 for c in cas or []):
        return False  # "We have confirmed 12 dead so far", "23 bodies have so far been recovered": a count
    if markers:
        return True
    if _CAMPAIGN_TOLL.search(s):
        return True  # "the army's toll in the ground offensive", "the death toll of the war"
    if _DAYS_COUNT.search(s) and not _SINGLE_EVENT.search(s):
        return True  # "On September 23 alone, strikes killed 558" (not "a strike on a bakery" that day)
    if ACROSS_COUNTRY.search(s) and not _ONE_EVENT.search(s):
        return True  # "14 people were killed across Syria on Monday": a day's count over a country
    if any(d.precision == 2 for d in dates if not d.statement):
        return False
    day = [d for d in dates if not d.statement and d.date_start]
    if day and not (_PAST_HOURS.search(s) and _REPORTED_THAT.search(s)):  # (not a report's day)
        return False
    if _COUNT_ROW.fullmatch(s.strip()):
        return True  # "- Al Hodeidah: 9 killed, 22 injured": a table's row of a period's counts
    if _OPERATIONS_TALLY.search(s) and _KILLED_N.search(s):
        return True  # "troops killed 19 terrorists, arrested 31 suppliers and rescued 12": a period's results
    recorded = _RECORDED.search(s) and not _SCENE_COUNT.search(s)
    if recorded or (ACROSS.search(s) and not _ONE_EVENT.search(s)):
        return True
    big = any(c.kind == "killed" and c.fig.value.low >= 100 for c in cas or [])
    if TOTAL_TO.search(s) and any(c.kind == "killed" and c.fig.value.low >= 1000 for c in cas or []):
        return True  # "bringing the total to 25,490": a war's count (the toll of one attack rarely is)
    # ("dozens of residents have been killed": a vague count over no day is a tally too)
    vague = any(c.kind == "killed" and not c.fig.exact_number for c in cas or [])
    # "He said the 10th Front had murdered more than 150 people and displaced families": a group's
    # record (past perfect, over a hundred, no day), not one incident
    # (not "its fighters had killed more than 100 members of the security forces in Kirkuk": a side's
    # claim of one attack, with its place)
    record = big and _HAD_KILLED.search(s) is not None and not re.search(r"\b(?:in|at|near)\s+[A-Z]", s)
    # ("Around 15 civilians have also been killed in Lebanon": a country's tally, in the present perfect)
    perfect = (PERFECT.search(s) and (_CAMPAIGN.search(s) or big or vague or _in_a_country(s))
               or _LONG_CAMPAIGN.search(s)
               or record
               or (big and _PERFECT_DIED.search(s))) \
        and not _ONE_EVENT.search(s)
    # "over the past day": a front's day ("38 settlements", "Kherson Oblast 412 times", "to hospitals"),
    # but "Kherson was shelled 54 times over the past day, killing two" is one town's day
    past_day = re.search(r"\b(?:past|last|previous|preceding)\s+day\b", s, re.IGNORECASE) and (
        big or MANY_PLACES.search(s) or _MANY_EVENTS.search(s) or re.search(r"\bhospitals\b", s)
        or re.search(r"\b(?:Oblast|oblast|province|region)\s+\d[\d,]*\s+times\b", s))
    return bool(perfect or _PAST_HOURS.search(s) or past_day)


_IN_PLACE_END = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*(?:[,.;]|$)")


def _in_a_country(s: str) -> bool:
    """Is the only place the sentence names a whole country ("... killed in Lebanon.")?"""
    places = list(_IN_PLACE_END.finditer(s))
    return len(places) == 1 and is_country_name(places[0]["name"]) \
        and len(re.findall(r"\b(?:in|at|near)\s+(?:the\s+)?[A-Z]", s)) == 1


# "On Thursday, the ministry reported that 37 people had been killed over the previous 24 hours"
_PAST_HOURS = re.compile(r"\b(?:past|last|previous|preceding)\s+(?:24|48|72)\s+hours\b", re.IGNORECASE)
_REPORTED_THAT = re.compile(r"\b(?:reported|said|announced|stated|recorded)\s+that\b", re.IGNORECASE)
