"""The day someone spoke, not the day it happened: "said on Thursday", "The Civil Defence on Tuesday
raised to 16 the toll", "By Wednesday morning, the ministry said 89 had been killed". A date the
extractor finds (extract/dates.py) is flagged as a statement's day by the words around it."""

from __future__ import annotations

import re

# "said on Thursday", "reporting the incident on Friday": the day of the statement, not of the event.
_STATEMENT_BEFORE = re.compile(
    r"(?:said|says|told [A-Z][\w.]*|told\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){1,3}|reported|announced"
    r"|added|stated|statement|report|confirmed|acknowledged|admitted|conceded"
    # ("JNIM claimed on Tuesday to have killed 20 soldiers ... on Sunday")
    r"|claimed"
    # "Iran vowed on Tuesday to take revenge for a strike that killed seven": the day of the reaction
    r"|vowed|pledged|threatened|condemned|denounced|warned|demanded|promised"
    # "held mass funerals on Saturday for the 47 worshippers killed": the funeral's day
    r"|held\s+(?:a\s+|mass\s+)?(?:funerals?|burials?)|buried|attended\s+(?:the\s+|a\s+)?funerals?"
    # ("A resident reached by phone on Sunday said nine were killed": the day the resident spoke)
    r"|(?:reached|contacted|interviewed)(?:\s+(?:by|over\s+the)\s+(?:tele)?phone)?"
    # "told reporters in Kaduna on Tuesday", "said in Maiduguri on Tuesday"
    r"|(?:told\s+(?:reporters|journalists|newsmen|the\s+media|the\s+press|a\s+news\s+conference)|said)"
    r"\s+in\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
    r"|told\s+(?:reporters|journalists|newsmen|the\s+media|the\s+press|a\s+news\s+conference)"
    # ("the army spokesman said at a briefing on Monday that the operation took place on Saturday")
    r"|(?:said|told\s+reporters)\s+at\s+an?\s+(?:news\s+|press\s+|media\s+)?(?:briefing|conference)"
    # "the death toll ... rose to 34 on Tuesday": the day of the count, not of the attack
    r"|(?:rose|risen|climbed|jumped|increased)\s+to\s+[\d,]+(?:\s+from\s+[\d,]+)?"
    r"|issued|released|published|made\s+public"
    # "a communique made public on the evening of Tuesday"
    r"|(?:issued|released|published|made\s+public|said|announced|reported|stated|confirmed)\s+on\s+the\s+"
    r"(?:evening|morning|night"
    r"|afternoon)\s+of"
    # "told PREMIUM TIMES by phone on Monday", "a statement read on national television on Monday",
    # "wrote on Telegram on Sunday"
    r"|told\s+(?:(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,3}|reporters|journalists|newsmen|the\s+media"
    r"|the\s+press)\s+(?:by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone|in\s+an\s+interview"
    r"|on\s+condition\s+of\s+anonymity)"
    r"|statement\s+(?:read|broadcast|aired|posted|issued|released)(?:\s+[\w-]+){1,3}"
    r"|(?:said|wrote|posted)\s+on\s+(?:Telegram|Twitter|X|Facebook|social\s+media)"
    r"|responsibility|(?:reporting|announcing|confirming)(?:\s+[\w'’-]+){1,3})\s*$",
    re.IGNORECASE,
)


# "By Wednesday morning, the ministry said 89 had been killed": the day of the count, at a clause's start
# (not "as of Thursday, 2,157 had been killed": a running count's last day, its period's end)
# ("the toll had risen to 42 by Friday morning": the day the count reached it, after its verb)
_AS_OF = re.compile(r"(?:(?:^|[,;]\s*)\W*|\b(?:risen|rose|climbed|reached|jumped|increased|grown|mounted)\b"
                    r"[^.;]{0,40}?)\bby\s+$", re.IGNORECASE)
# ("As of this morning, we have buried 113": the hour of a count of the day's dead, not their day)
_AS_OF_TODAY = re.compile(r"(?:^|[,;]\s*)\W*as\s+of\s+$", re.IGNORECASE)
_TODAY = ("this morning", "this afternoon", "this evening", "today", "tonight")


def said_before(sentence: str, at: int) -> bool:
    """Do the words just before `at` make the date there the day of a statement ("said on")?"""
    return _STATEMENT_BEFORE.search(sentence[:at].rstrip()[-40:].removesuffix(" on")) is not None


# (a short speaker that ends the clause: not "on Sunday, said the attackers invaded the villages ...")
_SAID_THEN_SPEAKER = re.compile(
    r"\s*,\s*(?:said|says)\s+(?:(?:[A-Z][\w.'’-]*\s+){0,5}?[A-Z][\w.'’-]*|(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:police|army|military|officials?|spokes(?:man|woman|person)|commander|chief|governor|sources?|ministry))"
    r"\s*(?:,|\.?$)")
# "The Civil Defence on Tuesday raised to 16 the toll of Monday's strike": the day a source did
# something with a toll is the day of the statement.
_STATEMENT_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|told|reported|announced|confirmed|raised|revised|updated|put|gave|released"
    r"|accused|blamed|denied|condemned|denounced|deplored"
    # "Residents on Monday buried 18 people killed ... on Sunday": the funeral's day, not the killing's
    r"|buried|mourned|laid\s+to\s+rest|held\s+(?:a\s+)?funerals?|to\s+bury|to\s+mourn"
    # ("Hundreds took part on Saturday in the funeral of three soldiers killed ..."
    r"|in\s+(?:the\s+)?funerals?\s+of"
    # "A court on Tuesday sentenced two men for the 2015 attack": the day of the hearing
    r"|sentenced|convicted|jailed|acquitted|charged|indicted|arraigned|marked|commemorated"
    # ("Police on Monday identified a man found dead in Tabarre last Thursday")
    r"|identified)\b",
    re.IGNORECASE,
)


_OPENS = re.compile(r"\W*(?:(?:early|late)\s+)?(?:on\s+)?", re.IGNORECASE)
# (the subject between: "On Wednesday, villagers in Odugbeho, Agatu LGA of Benue State, buried ...")
_BURIED_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,\s+[^.;]{0,100}?\b(?:buried|mourned"
                           r"|laid\s+to\s+rest|held\s+(?:a\s+|mass\s+)?(?:funerals?|burials?))\b",
                           re.IGNORECASE)


def statement_day(sentence: str, start: int, end: int, text: str) -> bool:
    """Is the date at sentence[start:end] (written `text`) the day of a statement or of a count?"""
    if said_before(sentence, start):
        return True
    # ("a gunman opened fire at 8pm on Wednesday, said the police chief": the day ends the event's
    # clause, and the speaker comes after the verb)
    inverted = _SAID_THEN_SPEAKER.match(sentence, end) is not None
    if not inverted and _STATEMENT_AFTER.match(sentence, end):
        return True
    head = sentence[:start]
    if _OPENS.fullmatch(head) and _BURIED_AFTER.match(sentence, end):
        return True  # "On Wednesday, villagers in Odugbeho buried 14 people killed ... on Sunday"
    return bool(_AS_OF.search(head)) or (text.lower() in _TODAY and bool(_AS_OF_TODAY.search(head)))
