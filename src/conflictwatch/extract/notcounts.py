"""Numbers beside a toll that count nobody dead or hurt: ages ("Suman Tripura, 30 --"), years and
days, money ("Rs 10 lakh"), the attackers ("when 100 terrorists attacked"), people who met another
fate ("abducted two"), who spoke ("two officials said"), groups counted ("members of two families")
and "one" that is no one ("no one was hurt"). The figure pass (`figures.classify_figures`) skips them."""

from __future__ import annotations

import re

from conflictwatch.extract.numbers import Figure
from conflictwatch.extract.rules import lexicon, words_re

_YEARISH = re.compile(r"^(?:19|20)\d\d$")


_MONTH_BEFORE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*"
    # ("on the night of May 14 to 15, armed men killed five": the second day of the night)
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:to|and|[-–/])\s*)?$", re.IGNORECASE
)

# "shot one man dead and abducted two of his relatives": people who met another fate
_FATE_BEFORE = re.compile(
    r"\b(?:abducted|kidnapped|arrested|detained|captured|rescued|freed|released|evacuated|took\s+away|seized"
    r"|tortured|torture\s+of)"
    r"\s+(?:at\s+least\s+|some\s+|about\s+|another\s+)?$", re.IGNORECASE)

_OF_GROUPS = re.compile(r"\s+(?:families|family|households|clans|tribes|communities|villages)\b",
                        re.IGNORECASE)

# Ages, not tolls: "a 16-year-old", "were 19, 24, and 15 years of age", "was 21 when he died".
# "were under 18", "aged 12": an age, not a count
# "when more than 100 terrorists attacked a unit", "200 jihadists on motorbikes stormed the base": how
# many came, not how many died
_ATTACKERS_AFTER = re.compile(
    r"\s+(?:(?!(?:were|was|had|have|has|who|which|that|of|and|after|before|when|as)\b)[\w'’-]+\s+){0,3}?"
    r"(?:attacked|stormed|raided|ambushed"
    r"|assaulted|overran|besieged|invaded|surrounded|descended\s+on|opened\s+fire|launched|laid\s+siege)\b",
    re.IGNORECASE)
# "Rs 10 lakh", "$5 million", "N500,000": a sum of money
_MONEY_BEFORE = re.compile(r"(?:\b(?:Rs|INR|Tk|KSh|Ksh|USD|US\$|NGN|PKR|GHS|Sh)\.?\s*|[$₦€£₹]\s*|\bN)$")
_AGE_BEFORE = re.compile(r"\b(?:under|below|aged|age\s+of|ages\s+of)\s+$"
                         # ("A man of around 40 was shot dead", Spanish "un hombre de unos 40 años")
                         r"|\b(?:man|woman|men|women|boy|girl|youth|person|male|female|individual|victim)\s+of"
                         r"\s+(?:(?:around|about|approximately|some|roughly|nearly|almost|between)\s+)?$",
                         re.IGNORECASE)
_AGE_AFTER = re.compile(
    r"(?:\s*,\s*(?:and\s+)?\d{1,2}\b)*\s*,?\s*(?:and\s+\d{1,2}\s*)?"
    r"(?:(?:-|–)?\s*(?:year|month|week|day)s?[- ]old|\s*years?\s+of\s+age)",
    re.IGNORECASE,
)

_PREDICATE_OR_KIN_BEFORE = re.compile(
    r"\b(?:(?:who|that)\s+(?:was|is|were|are|had\s+been|has\s+been)|(?:father|mother|son|daughter|wife|husband"
    r"|brother|sister|uncle|aunt|cousin|nephew|niece|widow|parents|relatives?)\s+of)\s+$", re.IGNORECASE)
# "a nurse and mother of four was shot dead": her children, alive, not four dead
_PARENT_OF = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather|mum|dad)\s+of\s+$", re.IGNORECASE)
# "Ten people were initially reported killed": the toll before the one given now, the same dead
_FIRST_REPORTED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:were|was|had\s+been)\s+"
                                   r"(?:initially|first|originally|earlier)\s+(?:reported|said|thought|believed|feared)\b",
                                   re.IGNORECASE)
# "two days after the March 28 earthquake, which killed 2,000": a disaster's dead
_DISASTER_WHICH = re.compile(r"\b(?:earthquake|quake|floods?|flooding|cyclone|storm|landslides?|hurricane"
                             r"|typhoon|tsunami)\b,?\s+(?:which|that)\b[^.;]{0,60}$", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"\b(?:was|were)\s*$", re.IGNORECASE)
# "a ringleader wanted for the killing of a police officer": a crime told of someone, not a death now
CRIME_OF = re.compile(r"\b(?:wanted|accused|suspected|convicted|charged|arrested|jailed|sentenced|tried)\s+"
                      r"(?:for|of|over|in)\s+(?:the\s+)?(?:killing|murder|death|assassination|kidnapping)s?"
                      r"\s+of\s+$", re.IGNORECASE)
# "hanged a man convicted of killing two policemen": the crime a court judged, not this news's dead (not
# "accused of killing 30 villagers on Monday", an incident told as an accusation)
_CONVICTED_OF = re.compile(r"\b(?:convicted|sentenced(?:\s+to\s+death)?)\s+(?:of|for)\s+"
                           r"(?:killing|murdering)\s+$", re.IGNORECASE)
# "The driver and his passenger, a 52-year-old woman, died": the passenger again, not one more
_APPOSITION_BEFORE = re.compile(r"\b(?:his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s*$", re.IGNORECASE)
# "The man, Mohammad Yasin, a 35-year-old shepherd, was killed": the man again, after his name
_NAMED_APPOSITION_BEFORE = re.compile(r"\b(?:his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s*"
                                      r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*,\s*$", re.IGNORECASE)
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:who\b|was\b|were\b|died\b|had\b|is\b)", re.IGNORECASE)
# "doctors are fighting for the lives of several patients": the living
_LIVES_FOUGHT_FOR = re.compile(r"\b(?:fighting|fight|fought|battling|struggling|trying)\s+"
                               r"(?:for|to\s+save)\s+the\s+lives\s+of\s+$", re.IGNORECASE)
# "killed between 15 and 26 people, according to witnesses and a health worker": who told it
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:[\w'’-]+,?\s+){0,5}?and\s+$", re.IGNORECASE)
# "a Kashmiri Pandit working as a security guard": the victim's job, not a second victim
_ROLE_BEFORE = re.compile(r"\b(?:working|employed|serving|served|worked|works)\s+as\s+$", re.IGNORECASE)
# "dragged out of his house by a group of around 15 armed Maoists and killed": the killers
_AGENTS_BEFORE = re.compile(r"\bby\s+(?:an?\s+)?(?:(?:group|gang|band|mob|squad|unit|team)\s+of\s+)"
                            r"(?:(?:about|around|some|at\s+least|over|nearly|more\s+than)\s+)?"
                            r"(?:\d+\s*(?:-|–|to|or)\s*|[a-z]+\s+(?:to|or)\s+)?$",  # "of 10-12 armed Maoists"
                            re.IGNORECASE)

# "left 27 people dead, a military officer said", "..., two officials told AFP": after a comma, a
# figure whose noun is followed by a speech verb is who spoke. Not "a man said to be", "two more
# men were reported dead", nor "a woman activists say was killed" (a clause on the victim). A name
# set off by commas may come between ("A resident, Bello Mera, said the toll was 17").
_SPEAKER_AFTER = re.compile(
    r",?\s+(?:(?!(?:was|were|is|are|been|being|had|has|have|killed|died|dead)\b)[\w'’-]+,?\s+){0,5}?"
    r"(?:said|says|say|told|tell|tells|added|stated|(?:put|puts|gave|placed)\s+the\s+(?:death\s+)?(?:toll|number))\b"
    r"(?!\s+(?:to|was|were|is|are|had|has|have|died|killed)\b)",
    re.IGNORECASE,
)
# "two men aged 34 and 41": ages, each of them
_AGED_BEFORE = re.compile(
    r"\b(?:aged|(?:between\s+)?the\s+ages?\s+of)\s+(?:(?:between\s+)?\d{1,3}\s*(?:,|and|&|to|-)\s*)*$",
    re.IGNORECASE)
# "a Palestinian man, Mohammad Abu Hashem, 25, in Jenin", "a farmer, 54,": an age set off by commas
_AGE_APPOSITIVE = re.compile(r"[A-Za-z][\w'’.-]*\s*,\s*$")
_CHILD_THEN_COMMA = re.compile(r"\b(?:an?|his|her|their)\s+(?:[\w-]+\s+)?(?:girl|boy|son|daughter|child|baby"
                               r"|toddler|infant|grandson|granddaughter|nephew|niece)\s*,\s*$", re.IGNORECASE)
_AGE_ENDS = re.compile(r"\s*(?:,|\.|\)|-{1,2}|[–—]|$)")  # (", 30 -- were shot dead": dashes too)

# (after a comma, or after a quote: '"I counted 30 bodies," one villager said')
_ONE_BY_ONE_AFTER = re.compile(r"\s+(?:by\s+one|after\s+(?:another|the\s+other))\b", re.IGNORECASE)
_ONE_BY_ONE_BEFORE = re.compile(r"\bone\s+(?:by|after)\s+$", re.IGNORECASE)
# "A member of the Civilian JTF, Babakura Kolo, said ...": one of a body, named, who speaks
_MEMBER_SPEAKS = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,4},\s*(?:[A-Z][\w'’.-]*\s+){0,3}"
                            r"[A-Z][\w'’.-]*,\s*(?:said|says|told|added)\b")
_SPEAKER_BEFORE = re.compile(r"(?:^|,|,[\"”’']|[\"”’'],?)\s*$")
# '"Another 11 are being treated," said a nurse at the hospital': the one who spoke after the verb
# (not "police said a man was killed": a verb of his own after him)
_SAID_BEFORE = re.compile(r"(?:,|[\"”’'])\s*(?:said|says|added|according\s+to)\s+$", re.IGNORECASE)
_OWN_VERB_AFTER = re.compile(r"\s+(?:(?!who\b|which\b)[\w'’-]+\s+){0,4}?(?:was|were|had|has|have|is|are"
                             r"|died|dies|killed)\b", re.IGNORECASE)


# "Two policemen were martyred and one of the attackers was killed": one of a side, killed
_ONE_OF_THEM_KILLED = re.compile(
    rf"\s+of\s+the\s+{words_re(lexicon()['perpetrators']).pattern}\s+"  # (lexicon.yaml `perpetrators`)
    r"(?:was|had\s+been)\s+(?:also\s+)?(?:killed|shot\s+dead|neutrali[sz]ed)\b", re.IGNORECASE)


def counting_someone(sentence: str, figs: list[Figure]) -> list[Figure]:
    """The figures that may count people: not "one" in "no one", "one of the", "in one classroom",
    nor the families of "eighteen members of two families"."""
    out = []
    for i, f in enumerate(figs):
        before, after = sentence[: f.start], sentence[f.end :]
        if f.text.lower() == "one" and (re.search(r"\b(?:of|no|in|at|on|into|inside|near|from)\s*$", before)
                                        or re.match(r"\s+(?:of|that|which|another)\b", after)) \
                and not _ONE_OF_THEM_KILLED.match(after):
            continue
        if i and _OF_GROUPS.match(after) and re.search(r"\bof\s+$", before):
            continue
        out.append(f)
    return out


# "raising a toll that the government had put at 132": the same dead, counted earlier
_EARLIER_TOLL_BEFORE = re.compile(
    r"\b(?:toll|count|figure|tally)\s+(?:that|which)\s+(?:[\w'’-]+\s+){1,5}?(?:had\s+)?(?:put|given|set|placed"
    r"|estimated)\s+at\s+(?:about\s+|around\s+|some\s+|least\s+)?$"
    # "raising the toll from 12", "up from 12": the count before the new one
    r"|\b(?:(?:toll|count|figure|tally|number)\s+(?:of\s+(?:the\s+)?dead\s+)?|\bup\s+)from\s+"
    r"(?:an?\s+(?:earlier|initial|previous)\s+)?(?:about\s+|around\s+|some\s+|at\s+least\s+)?$",
    re.IGNORECASE)


# "three of the four assailants were shot dead": how many there were, of whom three died
# (not "most of the 2,106 casualties": the count itself)
_PART_OF_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                             r"\s+of\s+(?:the|its|their|his|her)\s+$", re.IGNORECASE)
# "the word 'massacre' for any killing of three or more people": a threshold that defines a word
_DEFINITION_BEFORE = re.compile(
    r"\b(?:any|every|each)\s+(?:[\w-]+\s+)?(?:killing|attack|murder|death|incident)s?\s+(?:of|in\s+which)\s+$",
    re.IGNORECASE)


def a_threshold(sentence: str, start: int) -> bool:
    """Does the count at `start` define a word or a rule ("any killing of three or more people")?"""
    return bool(_DEFINITION_BEFORE.search(sentence, max(0, start - 60), start))


_ONE_TOLD_BEFORE = re.compile(r"\b(?:one|an?)\s+(?:[\w-]+\s+)?(?:(?:was|is)\s+)?"
                              r"(?:killed|dead|died|injured|wounded|hurt),\s*$", re.IGNORECASE)
# "A relative of one of the dead": who mourns them
_KIN_OF_THE_DEAD = re.compile(
    r"\s+of\s+(?:(?:one|two|some|several|each)\s+of\s+)?the\s+(?:dead|victims|deceased|slain)\b",
    re.IGNORECASE)
# "..., killing 22 worshippers, a hospital source and a doctor said": the second of two who spoke
_AND_BEFORE = re.compile(r"\band\s+$")
_SAID_RIGHT_AFTER = re.compile(r"\s+(?:said|says|say|told|added)\b")


_ROLE_RIGHT_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|commander|official|officer|chief|head)\s*,?\s*$", re.IGNORECASE)
_SPOKE_RIGHT_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|told|gave|added|announced|confirmed|stated|noted|explained)\b")


# "a fighter of the 444 Brigade", "the 1st Battalion": a unit's number, no count of anybody
_UNIT_NUMBER_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:(?:Infantry|Mechani[sz]ed|Armou?red|Motori[sz]ed"
                                r"|Special|Commando|Rapid|Support|Border)\s+)*(?:Brigade|Battalion|Regiment"
                                r"|Division|Corps|Squadron|Battalions|Brigades)\b")


# "Of the six attackers, five were shot dead and one was captured": the group the parts are of
_OF_THE_BEFORE = re.compile(r"(?:^|[,;]\s*)\W*[Oo]f\s+(?:the|these|those)\s+$")
# (not "Of the 14 dead, nine were soldiers": the toll, then its part)
_GROUP_THEN_COMMA = re.compile(r"\s+(?!(?:dead|killed|victims|casualties|bodies|deceased|wounded|injured)\b)"
                               r"[\w-]+(?:\s+[\w-]+)?\s*,")


def counts_nobody(text: str, before: str, after: str) -> bool:
    """Is the figure `text`, with the words `before` and `after` it, no count of victims (an age, a
    year, money, attackers, people with another fate, a speaker, a rate)?"""
    if _AGE_AFTER.match(after) or _FATE_BEFORE.search(before) or _ATTACKERS_AFTER.match(after) \
            or (text[:1].isdigit() and _UNIT_NUMBER_AFTER.match(after)) \
            or (_OF_THE_BEFORE.search(before) and _GROUP_THEN_COMMA.match(after)) \
            or _AGE_BEFORE.search(before) or _MONEY_BEFORE.search(before) \
            or (_COPULA_BEFORE.search(before) and re.match(r"\s+when\b", after)) \
            or (_SPEAKER_BEFORE.search(before) and (_SPEAKER_AFTER.match(after)
                                                      or _MEMBER_SPEAKS.match(after))) \
            or _EARLIER_TOLL_BEFORE.search(before) \
            or (_AND_BEFORE.search(before) and _SAID_RIGHT_AFTER.match(after)) \
            or _PART_OF_BEFORE.search(before) \
            or (_SAID_BEFORE.search(before) and not _OWN_VERB_AFTER.match(after)) \
            or _ROLE_BEFORE.search(before) or _AGENTS_BEFORE.search(before) or CRIME_OF.search(before) \
            or _CONVICTED_OF.search(before) or _PARENT_OF.search(before) \
            or _LIVES_FOUGHT_FOR.search(before) or _ACCORDING_BEFORE.search(before) \
            or _DEFINITION_BEFORE.search(before) or _FIRST_REPORTED_AFTER.match(after) \
            or (text.lower().startswith(("a ", "an ")) and (
                ((_APPOSITION_BEFORE.search(before) or _NAMED_APPOSITION_BEFORE.search(before))
                 and _APPOSITION_AFTER.match(after))
                # ("a nun who was a doctor", "the father of a local journalist": the one person named)
                or _PREDICATE_OR_KIN_BEFORE.search(before)
                # ("one person killed, a 45-year-old man."): the one told, again
                or (_ONE_TOLD_BEFORE.search(before) and re.match(r"\s*(?:[.;]|$)", after)))):
        return True
    if " " in text and text[0].isupper() and text.split()[-1][0].isupper() and (
            _ROLE_RIGHT_BEFORE.search(before) or _SPOKE_RIGHT_AFTER.match(after)):
        return True  # "Army spokesman Captain Paul Mbusa gave a toll of 19": a ranked name who speaks
    if text.lower() in ("one", "1") and (_ONE_BY_ONE_AFTER.match(after) or _ONE_BY_ONE_BEFORE.search(before)):
        return True  # "We are counting the bodies one by one": a manner, no one
    if _KIN_OF_THE_DEAD.match(after) and re.match(r"(?:an?|the|his|her|their)\s", text, re.I) \
            and not re.search(r"\b(?:bod(?:y|ies)|corpses?|remains)\b", text, re.I):
        return True  # "A relative of one of the dead said": who mourns them
    # (a day of the month, not "since July 13 to 900 people": the count after the day)
    day_like = not text.isdigit() or int(text) <= 31
    if _YEARISH.match(text) or (day_like and _MONTH_BEFORE.search(before)) or _AGED_BEFORE.search(before) or (
            _AGE_APPOSITIVE.search(before) and _AGE_ENDS.match(after) and text.isdigit()) or (
            # "a girl, six, and a boy, three -": a child's age in words, set off the same way
            _CHILD_THEN_COMMA.search(before) and _AGE_ENDS.match(after) and text.isalpha()):
        return True
    if (_WEEKDAY_PAREN.search(before) and after.startswith(")")) or _NUMBERED_BEFORE.search(before):
        return True  # "on Saturday (13)": Brazilian copy's day of the month; "route 117", "zona 6"
    # ("a 200-level student": a university year)
    return bool(re.match(r"^\s*(?:of|per)\s+(?:the\s+)?(?:\d|[a-z]+\s+(?:km|miles))|^-level\b", after))


_WEEKDAY_PAREN = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                            r"(?:\s+(?:night|morning|afternoon|evening|dawn))?\s*\($", re.IGNORECASE)
# the words of a school year ("a Class Seven pupil", "a Grade nine student"), no count of pupils
SCHOOL_YEARS = ("class", "form", "grade", "standard", "std")
# a number that names a thing ("the bus on route 117", "zona 6 of Mixco", "Ward 5"), no count
_NUMBERED_BEFORE = re.compile(r"\b(?:route|line|bus|zone|zona|ward|sector|block|highway|street|plot|room"
                              r"|gate|phase|platform|lot|apartment|flat|pavilion|comuna|cell|wing"
                              # ("a Class Seven pupil", "a Form Four student": a school year)
                              rf"|{'|'.join(SCHOOL_YEARS)}\.?"
                              r"|called|dialled|dialed)\s+$",  # ("called 911": a phone number)
                              re.IGNORECASE)


# "28,473 killed since Oct. 7, when gunmen attacked Israel, killing 1,200 people": the event that
# opened the count, told in its "since ..., when" clause; its dead are not the count's
# ("the deadliest since the 2010 Kampala bombings, which killed 76 people": the event compared with)
_SINCE_WHEN = re.compile(r"\bsince\s+[^,;]{2,40}?,\s+when\s+[^;]*$"
                         r"|\bsince\s+(?:the\s+)?[^,;]{0,30}?\b(?:bombings?|attacks?|massacres?|strikes?|blasts?"
                         r"|explosions?|ambush|raid|siege|war|riots?)\b[^,;]{0,25},"
                         r"\s+(?:which|that|in\s+which)\s+[^;]*$", re.IGNORECASE)


# "68 inmates were killed ..., the same facility where 119 people died in a riot in September": the
# dead of an earlier event told in a relative clause about the place; not this incident's
_SAME_PLACE = r"\bthe\s+same\s+(?:[\w-]+\s+){1,2}"
_EARLIER_EVENT_CLAUSE = re.compile(rf"(?:{_SAME_PLACE}|,\s+)(?:where|in\s+which|when)\s+[^,;:()]*$",
                                   re.IGNORECASE)
_EARLIER_AFTER = re.compile(
    r"[^,;:()]*?\b(?:last\s+(?:year|month|week|weekend|spring|summer|autumn|winter|January|February|March|April|May"
    r"|June|July|August|September|October|November|December)|years?\s+ago|months\s+ago|weeks\s+ago"
    r"|in\s+(?:19|20)\d\d)\b", re.IGNORECASE)


_DAYS_AFTER_AN_EVENT = re.compile(
    r",\s+(?:just\s+|only\s+)?(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?)\s+after\s+"
    r"(?:a|an|the)\s+[^;:()]*?\b(?:that|which)\b[^;:()]*$", re.IGNORECASE)  # (no "that": earlier_toll)
_AVENGED = re.compile(r"\b(?:retaliation|revenge|reprisal|response)\s+(?:for|to)\s+(?:an?|the)\s+[^;:()]*?"
                      r"\b(?:that|which)\s+(?:had\s+|has\s+)?(?:killed|left)\s+(?:at\s+least\s+|more\s+than\s+)?$"
                      # ("revenge after vigilantes killed some bandits last week")
                      r"|\b(?:retaliation|revenge|reprisal)\s+(?:after|for)\s+[^;:()]*?\b(?:had\s+)?killed\s+"
                      r"(?:at\s+least\s+|more\s+than\s+)?$",
                      re.IGNORECASE)
_EARLIER_BEFORE = re.compile(r"\b(?:last\s+(?:year|month)|in\s+(?:19|20)\d\d|(?:years|months)\s+ago)\s*$",
                             re.IGNORECASE)


_FUNERAL_OF = re.compile(r"\b(?:funeral|burial|memorial(?:\s+service)?|wake)\s+"
                         r"(?:(?:procession|service|prayers?|march|ceremony|cortege)\s+)?(?:of|for)\s+"
                         r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
_DIED = re.compile(r"\b(?:killed|died|dead|killing|wounded|injured)\b", re.IGNORECASE)


_OVER_THE_DEATH = re.compile(
    r"\b(?:protests?|demonstrations?|rall(?:y|ies)|outrage|anger|unrest|uproar|vigils?|mourning)\b[^.;]{0,60}?"
    r"\b(?:over|against|following|after|for)\s+the\s+(?:death|killing|murder)\s+(?:in\s+custody\s+)?of\s+"
    r"[^.;]{0,100}$"
    # ("Clashes erupted on Friday after the killing of a local official, leaving one dead": the cause)
    r"|\b(?:tensions?|clashes|fighting|violence|riots?)\b[^.;]{0,60}?\b(?:over|following|after)\s+the\s+"
    r"(?:killing|murder|lynching|assassination)\s+of\s+[^.;,]{0,60}$"
    # ("marking the 40th day since the death of Mahsa Amini"): a death remembered, not one of the news
    r"|\b(?:since|anniversary\s+of)\s+the\s+(?:death|killing|murder)\s+(?:in\s+custody\s+)?of\s+[^.;]{0,100}$",
    re.IGNORECASE)
_FIRST_OF_ITS_KIND = re.compile(
    r"\bthe\s+(?:first|second|third|latest|only|deadliest)\s+(?:[\w-]+\s+){0,2}?(?:death|killing|murder)\s+of\s+$",
    re.IGNORECASE)
# (a ranking of events: "the third deadliest operation, after Jacarezinho (28 deaths)")
_RANKED_AMONG = re.compile(r"\b(?:deadliest|bloodiest|worst|most\s+lethal|largest|biggest)\b", re.IGNORECASE)
# "a commander involved in the killing of several policemen", "wanted for the murder of two": what
# the one killed had done before, not this event's dead
_CHARGED_WITH = re.compile(
    r"\b(?:involved|implicated|wanted|accused|charged|convicted|responsible|blamed|suspected|behind|"
    r"masterminded|linked|mastermind)\s+(?:\w+\s+)?(?:(?:in|for|of|with|to)\s+)?the\s+"
    r"(?:killings?|murders?|deaths?|massacre|assassinations?)\s+of\s+$",
    re.IGNORECASE)
_IN_AN_EARLIER = re.compile(
    r"[^.;,]{0,40}?\b(?:killed|died|slain)\s+(?:in|during)\s+(?:an?|the)\s+(?:earlier|previous|prior|past)\s+"
    r"(?:[\w-]+\s+)?(?:operation|attack|clash|clashes|raid|ambush|fighting|battle|strike|offensive)\b",
    re.IGNORECASE)


def of_an_earlier_event(sentence: str, start: int) -> bool:
    """Is the figure at `start` told of another event than the sentence's news: the day a count began
    ("since Oct. 7, when gunmen killed 1,200"), or an earlier event in a relative clause ("the same
    prison where 119 died in September", ", where 30 were killed last year")?"""
    head = sentence[:start]
    if "since" in head and _SINCE_WHEN.search(head):
        return True
    if head.endswith("(") and _RANKED_AMONG.search(sentence):
        return True  # ("the third deadliest operation, after Jacarezinho (28 deaths)"): the others'
    if _CHARGED_WITH.search(head, max(0, start - 80)):
        return True  # ("a commander involved in the killing of several policemen was killed")
    if _IN_AN_EARLIER.match(sentence, start):
        return True  # ("the body of a terrorist killed in an earlier operation")
    if _OVER_THE_DEATH.search(head, max(0, start - 120)):
        return True  # ("Protests over the death of Mahsa Amini, who died in custody, entered ...")
    if _FIRST_OF_ITS_KIND.search(head, max(0, start - 80)):
        return True  # ("It was the first death of a security officer in the republic in two years")
    if _DISASTER_WHICH.search(head, max(0, start - 120)):
        return True  # ("two days after the March 28 earthquake, which has killed more than 2,000")
    if _DAYS_AFTER_AN_EVENT.search(head, max(0, start - 150)) or (
            _AVENGED.search(head, max(0, start - 150)) and _EARLIER_AFTER.match(sentence, start)):
        return True  # (", a week after an ambush that left more than 50 soldiers dead"; "in retaliation
        # for a drone attack that killed three American soldiers at a base in Jordan last weekend")
    funeral = _FUNERAL_OF.search(head, max(0, start - 80))
    if funeral and _DIED.search(head, 0, funeral.start()):
        return True  # ("Four were killed at the funeral of a tribal elder who had been killed before")
    m = _EARLIER_EVENT_CLAUSE.search(sentence, max(0, start - 120), start)
    if m is None:
        return False
    # (or the place's past told before the clause: "seen in El Geneina last year, where thousands ...")
    return m.group(0).lower().startswith("the") or _EARLIER_AFTER.match(sentence, start) is not None \
        or _EARLIER_BEFORE.search(sentence, max(0, m.start() - 30), m.start()) is not None


_SAME_PLACE_WHERE = re.compile(rf"{_SAME_PLACE}(?:where|in\s+which|when)\s+[^,;:()]*", re.IGNORECASE)


def earlier_event_spans(sentence: str) -> list[tuple[int, int]]:
    """The clauses telling an earlier event at the same place ("the same facility where 119 people
    died in a riot in September"): their dates are not this incident's."""
    return [m.span() for m in _SAME_PLACE_WHERE.finditer(sentence)]


# "in a raid on a cell that attacked a restaurant last month": a relative clause telling what the
# target did before; its time words are not the incident's
_PAST_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+)?(?:\w+ed|\w+t)\b[^,;:()]{0,80}?\b(?:last\s+(?:week|month|year)"
    r"|(?:earlier|late)\s+(?:this|last)\s+(?:month|year)|in\s+(?:19|20)\d\d)\b", re.IGNORECASE)


def past_relative_spans(sentence: str) -> list[tuple[int, int]]:
    """Relative clauses that tell an earlier deed of the target ("a cell that attacked a restaurant
    last month"): callers keep those holding a figure (an earlier toll is judged elsewhere)."""
    return [m.span() for m in _PAST_RELATIVE.finditer(sentence)]
