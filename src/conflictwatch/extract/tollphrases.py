"""The words of a toll around a figure: "the toll rose to 29", "raising the toll from last week's ambush
to", "put the number killed in Al-Sireha at more than 150", "raised to 16 the toll of". A figure after
them counts the dead (extract/figures.py reads them)."""

from __future__ import annotations

import re

from conflictwatch.extract.rules import words_re

RISEN_TO = re.compile(
    r"(?:(?:has|had|have)\s+)?(?:risen|rose|climbed|increased|jumped|reached"
    r"|(?:bringing|brings|raising|raises|taking|takes|pushing|lifting|updated|updating|revised|revising|raised"
    r"|lowered|lowering"
    # ("revised the death toll from Monday's bombing at a mosque inside a police compound down to")
    r"|reduced|reducing)\b[^.;]{0,110}?)"
    r"\s+to\s+$"
    # ("the number of people killed ... has reached 16": a toll reached, with no "to")
    r"|\b(?:has|had|have)\s+(?:now\s+)?(?:reached|hit|passed|topped|surpassed|exceeded)\s+$",
    re.IGNORECASE,
)
TOLL_BEFORE = re.compile(
    r"(?:toll|tally|count)\s+(?:\w+\s+){0,3}?(?:rose|climbed|risen|reached|increased|jumped|stood|stands|was|is|to|at|of)\s+(?:to\s+|at\s+)?$"
    # ("raised on Saturday the death toll from Thursday's strikes on Hodeidah governorate to 16")
    r"|(?:raising|raised|raises|put|putting|puts|bringing|brought)\s+(?:on\s+[A-Z]\w+\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:death\s+)?"
    r"(?:toll|tally)"
    # "raising the toll from last week's ambush to" ("from Thursday's U.S. strikes": an initial's full stop)
    r"(?:\s+(?:from|of|in)\s+(?:[^.;,]|(?<=\b[A-Z])\.){1,90}?)?\s+(?:to|at)\s+$"
    r"|(?:raising|raised|revised|lifted|putting|put)\s+(?:(?:its|the)\s+(?:death\s+)?(?:toll|tally)\s+)?(?:up\s+)?to\s+$"
    r"|(?:death\s+)?toll\s+of\s+$"
    # "documented the rise of the death toll of the Suwayda events since July 13 to 900"
    r"|\b(?:rise|increase|climb)\s+(?:of|in)\s+the\s+(?:death\s+)?(?:toll|tally)(?:\s+[^.;,]{1,60}?)?\s+to\s+$"
    # "put the number killed in Al-Sireha on Friday at more than 150"
    r"|(?:put|puts|putting|placed|gave)\s+the\s+number\s+(?:of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|those"
    r"\s+killed|fatalities|victims)|killed|dead)(?:\s+(?:in|at|from|of|on)\s+[^.;,]{1,60}?)?\s+at\s+$"
    # "lowered the number of people killed in Friday's bombing to 46", "the number of people killed in
    # Saturday's blasts has reached 120"
    r"|(?:number|count)\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|those\s+killed|fatalities|victims"
    r"|people\s+who\s+died)(?:\s+(?:in|at|from|of|on|by)\s+[^.;,]{1,90}?)?\s+(?:(?:has|had|have)\s+)?"
    r"(?:rose|climbed|risen|reached|increased|jumped|stood\s+at|stands\s+at|was|is|to|at)\s+(?:to\s+|at\s+)?$"
    # "the death toll in the attack on Solhan on Friday was at least 100"
    r"|(?:toll|tally)\s+(?:from|of|in|for)\s+[^.;,]{1,60}?\s+(?:rose|climbed|risen|reached|stood|stands|was|is)"
    r"\s+(?:to\s+|at\s+)?$",
    re.IGNORECASE,
)
RAISED_TO = re.compile(r"\b(?:raised|revised|lifted|put|brought)\s+(?:up\s+)?to\s+$", re.IGNORECASE)
TOLL_AFTER = re.compile(r"\s+the\s+(?:death\s+)?toll\b", re.IGNORECASE)
DEATH_TOLL = re.compile(r"\b(?:death|civilian|casualty|human)\s+toll\b", re.IGNORECASE)
# "put the toll of Tuesday's air raids on Idlib at 53": a toll of an attack counts its dead
TOLL_OF_ATTACK = re.compile(
    r"\b(?:toll|tally)\s+(?:of|from|in|for)\s+(?:[^.;,]|(?<=\b[A-Z])\.){0,60}?\b(?:attacks?|raids?|(?:air\s*|drone\s+)?strikes?"
    r"|airstrikes?|bombings?|bombardments?|shelling|ambush(?:es)?|massacres?|explosions?|blasts?|fighting|clashes"
    r"|violence|assaults?|offensive)\b",
    re.IGNORECASE,
)
TOLL_VERB_BEFORE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|reached|raised|stood|stands|hit|put|puts|putting)\s+(?:\w+\s+){0,2}?(?:to|at)\s+$",
    re.IGNORECASE,
)
# "buried 14 people": mourners bury the dead ("the rubble buried 14 people" may have buried them alive)
BURIED = re.compile(r"(?<!rubble )(?<!debris )(?<!collapse )\b(?:buried|bury|burying|laid\s+to\s+rest)"
                    r"\s+(?:(?:the|a\s+total\s+of|another|at\s+least|some)\s+)?$")
BURIED_ALIVE = re.compile(r"[^.;,]{0,40}?\b(?:alive|under\s+(?:the\s+)?(?:rubble|debris))\b")
# "received 184 patients, 19 of whom were declared dead": the killing verb is the 19's, not the 184's
SUBSET_VERB = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|most|many|several"
                         r"|all)\s+of\s+(?:whom|them\s+(?:were|was|had|have|later|died))\b", re.IGNORECASE)


# "a teacher who lives nearby", "where a family of five lives", "a woman who lives two blocks away": the
# verb, not "claimed the lives"
_LIVES_SUBJECT = r"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bshe\s)(?<!\bhe\s)(?<!\bstill\s)(?<!\bnow\s)"
_LIVES_AFTER = (r"(?!\s+(?:in|at|near|nearby|next|with|there|here|on|close|alone|across|abroad|opposite"
                r"|beside|behind|outside|inside|among|just|only|about)\b)")


def killed_re(words: list[str]) -> re.Pattern[str]:
    """`words_re` of the killing words, but "lives" only as the noun."""
    plain = words_re([w for w in words if w.lower() != "lives"])
    if not any(w.lower() == "lives" for w in words):
        return plain
    return re.compile(rf"{plain.pattern}|(?<![\w-]){_LIVES_SUBJECT}lives(?![\w-]){_LIVES_AFTER}",
                      re.IGNORECASE)


# words of a day between a victim and its verb ("were on Monday shot dead"): no distance
DAY_WORDS = frozenset({"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "yesterday", "night", "morning", "evening", "afternoon"})


NATURAL_DEATH = re.compile(
    r"died\s+(?:of|from)\s+(?:exhaustion|natural\s+causes|illness|(?:an?\s+)?(?:heart\s+attack|stroke|disease)"
    r"|old\s+age)\b",
    re.IGNORECASE,
)


def noun_then(m: re.Match[str] | None, text: str) -> bool:
    """A killing word one or two plain words after the figure ("one ranger wounded"), with no
    verb or conjunction between that would give it to another clause."""
    if m is None:
        return False
    gap = text[: m.start()].split()
    return 0 < len(gap) <= 2 and not any(
        w in ("and", "or", "but", "then", ",", "to", "of") or w.endswith(("ed", "ing")) for w in gap
    )


# "Eleven internally displaced people were killed", "two abducted farmers were found dead": a fate
# word as the victims' adjective, then the killing
FATE_AS_ADJECTIVE = re.compile(
    r"^\s*(?:internally\s+)?(?:displaced|abducted|kidnapped|detained|missing|rescued|arrested|evacuated)\s+"
    r"(?:[\w-]+\s+)?(?:people|persons|civilians|villagers|residents|families|men|women|children|farmers"
    r"|students|workers|passengers|migrants|refugees)\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot|slain|massacred|executed|found\s+dead|murdered|burned)\b", re.IGNORECASE)


# "Five people had initially been reported killed", "Eleven persons were initially reported dead": a
# toll since replaced (the one that replaced it is the claim's)
INITIAL_TOLL_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:had|have|were|was)\s+(?:initially|earlier|first|originally|previously)\s+"
    r"(?:been\s+)?(?:reported|said|thought|believed|feared)\s+(?:to\s+have\s+been\s+)?(?:killed|dead)\b",
    re.IGNORECASE)
