"""Single people as figures of one: "a woman", "a 62-year-old man", "and his son", "Sepoy Ameer
Khan". The words are data (`singular_victims`, `kin_nouns`, `ranks_before_names` in lexicon.yaml)."""

from __future__ import annotations

import re

from conflictwatch.extract.numbers import Figure
from conflictwatch.extract.rules import lexicon, load_data
from conflictwatch.models import Range


def single_figures(sentence: str, taken: list[Figure]) -> list[Figure]:
    """ "a woman", "a 62-year-old man", "and his son": one person, as a figure of 1."""
    out: list[Figure] = []
    again = appositive_lists(sentence) if ", a" in sentence else []
    for m in singles_re().finditer(sentence):
        if any(f.start <= m.start() < f.end for f in taken) or any(a <= m.start() < b for a, b in again):
            continue
        if out and (gap := _APPOSITIVE_NAME.match(sentence, out[-1].end)) and gap.end() == m.start() and (
                m.group(0)[0].isupper() or _APPOSITIVE_END.match(sentence, m.end())):
            # "a soldier, Sepoy Rizwan Ali, embraced shahadat": the man named is the soldier (one
            # figure, through the name and its closing comma to the verb)
            end = m.end() + len(re.match(r"\s*,?", sentence[m.end():]).group(0))
            last = out.pop()
            out.append(Figure(last.start, end, last.value, sentence[last.start:end], True))
            continue
        if out and (gap := _NAME_BETWEEN.match(sentence, out[-1].end)) and gap.end() == m.start() \
                and _APPOSITIVE_END.match(sentence, m.end()):
            continue  # "A villager, Kalmu Hidma, a farmer, was hacked to death": the villager again
        if _ADJECTIVE_USE.match(sentence, m.end() - len("national")):
            continue  # "the director of a national school": an adjective, no one
        out.append(Figure(m.start(), m.end(), Range(1, 1), m.group(0), True))
    return out


# "a national" is a person ("a British national was shot"), "a national school" a school
_ADJECTIVE_USE = re.compile(
    r"national\s+(?!(?:was|were|who|and|or|in|on|at|from|of|had|has|is|died|killed|working|living|named)\b)"
    r"(?-i:[a-z])", re.IGNORECASE)


_APPOSITIVE_NAME = re.compile(r"\s*,\s*")
_NAME_BETWEEN = re.compile(r"\s*,\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*\s*,\s*")
# "The driver and his passenger, a 52-year-old woman, died": the person again, then the verb
_APPOSITIVE_END = re.compile(r"\s*,\s*(?:who\b|was\b|were\b|died\b|had\b|has\b|is\b)", re.IGNORECASE)


_singles_cache: list[re.Pattern[str]] = []
# "a threat to civilian lives": words between the article and the noun are adjectives, not these.
# ("a family left a woman ... dead": another article starts another phrase)
_FUNCTION_WORDS = r"(?:to|of|for|with|from|by|and|or|the|an?|in|on|at|as|than|that|which|who)"


def singles_re() -> re.Pattern[str]:
    if not _singles_cache:
        lx = lexicon()
        nouns = "|".join(sorted((re.escape(w) for w in lx["singular_victims"]), key=len, reverse=True))
        kin = "|".join(sorted((re.escape(w) for w in lx["kin_nouns"]), key=len, reverse=True))
        ranks = "|".join(sorted((re.escape(w) for w in lx.get("ranks_before_names") or []), key=len,
                                reverse=True))
        peoples = "|".join(sorted((re.escape(w) for w in load_data("places_lexicon.yaml")["nationalities"]),
                                  key=len, reverse=True))
        _singles_cache.append(
            re.compile(
                rf"(?<![\w-])(?:(?P<det>an?)\s+(?:(?!{_FUNCTION_WORDS}\s)[\w-]+\s+){{0,3}}?(?:{nouns})"
                rf"|(?<=\band\s)(?P<poss>(?:his|her|their))\s+(?:(?-i:[A-Z][\w-]+)\s+)?"
                # ("and their 12-year-old son", "and her infant daughter")
                rf"(?:[\w-]+[- ](?:year|month)s?[- ]old\s+|(?:young|teenage|infant|baby|eldest|youngest)\s+)?"
                rf"(?:{kin})"
                # "A tribal elder, his son and his nephew": a list of kin, each one
                # ("killed a woman, her four-year-old daughter and two other residents": one before a count)
                rf"|(?<=,\s)(?:his|her|their)\s+(?:[\w-]+[- ](?:year|month)s?[- ]old\s+"
                rf"|(?:young|teenage|infant|baby|eldest|youngest)\s+)?(?:{kin})"
                rf"(?=\s+and\s+(?:his|her|their|(?:two|three|four|five|six|\d+)"
                r"\s+(?:others?|more)\b|(?:an?\s+)?others?|another)\b)"
                # "The driver and two pupils were wounded": the one named first is one more
                rf"|(?:^|(?<=[.;:,]\s)|(?<=\bshot\s)|(?<=\bkilled\s)|(?<=\binjured\s)|(?<=\bwounded\s))"
                rf"the\s+(?:{nouns})"
                r"(?=\s+and\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?)\s)"
                # "10:25 Kyiv - Man killed in Beryslav": a headline's or a live blog's person, no article
                rf"|(?:^|(?<=[-–—:]\s))(?=(?-i:[A-Z]))(?:{nouns})(?=\s+(?:killed|shot|dies|died|slain|beheaded"
                r"|stabbed|wounded|injured|hurt)\b)"
                # "two Indian nationals and a Pakistani": a nationality alone is a person
                rf"|(?<=\band\s)an?\s+(?-i:{peoples})(?=\s*(?:,|\.|$|(?:was|were|who|in|on|at|near)\b))"
                # "executed a 16-year-old and a 17-year-old": an age alone is a person
                r"|an?\s+\d{1,3}[- ]year[- ]old(?=\s*(?:,|\.|$|(?:and|was|were|who|in|on|at|near|from)\b))"
                # "one soldier was killed and another wounded": one more person
                r"|(?<=\band\s)another(?=\s+(?:(?:was|were)\s+)?(?:seriously\s+|critically\s+)?"
                r"(?:wounded|injured|hurt|killed)\b)"
                # "Sepoy Ameer Khan": a rank, then the name
                rf"|(?-i:(?:{ranks})(?:\s+[A-Z][\w'’-]+){{1,3}}))"
                # (not "a fighter jet", "an insurgent attack"... : a thing named after the person)
                r"(?![\w-])(?!\s+(?:jets?|planes?|aircraft|bombers?|helicopters?|drones?|pilots?|vehicles?"
                r"|attacks?|raids?|ambush|strikes?|assaults?|offensive|hideouts?|camps?|bases?|positions?"
                # ("a local volunteer group", "a farmers' union": a body, not a person)
                r"|groups?|organi[sz]ations?|committees?|networks?|associations?|unions?|councils?"
                # ("a volunteer search team")
                r"|(?:search\s+|rescue\s+)?(?:teams?|collectives?|squads?|brigades?)"
                r"|bus|buses|cars?|trucks?|trains?|boats?|ships?|convoys?)\b)",  # ("a passenger bus")
                re.IGNORECASE,
            )
        )
    return _singles_cache[0]


# "... and two civilians, a woman and a child, killed in Dhiban": the two named again, one by one
_APPOSITIVE_LIST = re.compile(
    r"\b(?P<n>two|three|four|[234])(?:\s+(?:[\w-]+\s+){0,2}?[\w-]+)?,\s+"  # ("The two, a driver and ...")
    # ("Two people were wounded, a woman and her son")
    r"(?P<list>(?:an?\s+(?:[\w-]+\s+){0,2}?[\w-]+,\s+)*an?\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+and\s+(?:an?|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+)(?=\s*[,.;)]|\s*$)", re.IGNORECASE)
_SMALL = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def appositive_lists(sentence: str) -> list[tuple[int, int]]:
    """Spans of lists that name again, one by one, the people a count before them counted ("two
    civilians, a woman and a child"): their "a woman" and "a child" are no more dead."""
    out = []
    for m in _APPOSITIVE_LIST.finditer(sentence):
        items = m.group("list").count(",") + len(re.findall(r"\band\b", m.group("list"))) + 1
        if items == _SMALL[m.group("n").lower()]:
            out.append((m.start("list"), m.end("list")))
    return out
