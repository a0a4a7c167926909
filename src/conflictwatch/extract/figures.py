"""Casualty figures in a sentence: which numbers count dead or hurt people, and how they add up.

A figure counts when it stands next to a victim noun and a killing or wounding word ("14 civilians
were killed"), a toll phrase ("the toll rose to 29") or a listing of the dead; coordinated parts
("9 rebels and 17 militants died") add up, subsets ("including five children") do not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictwatch.extract.breakdowns import (
    after_colon,
    casualties_broken_down,
    in_brackets_after,
    mark_appositive_breakdown,
    mark_bodies_recount,
    mark_dashed_breakdown,
    without_asides,
)
from conflictwatch.extract.campaigns import period_total
from conflictwatch.extract.eventtypes import event_rule
from conflictwatch.extract.notcounts import counting_someone, counts_nobody, of_an_earlier_event
from conflictwatch.extract.numbers import Figure, find_figures
from conflictwatch.extract.rules import lexicon, words_re
from conflictwatch.extract.singles import single_figures
from conflictwatch.extract.tollphrases import (
    BURIED,
    BURIED_ALIVE,
    DAY_WORDS,
    DEATH_TOLL,
    FATE_AS_ADJECTIVE,
    INITIAL_TOLL_AFTER,
    NATURAL_DEATH,
    RAISED_TO,
    RISEN_TO,
    SUBSET_VERB,
    TOLL_AFTER,
    TOLL_BEFORE,
    TOLL_OF_ATTACK,
    TOLL_VERB_BEFORE,
    killed_re,
    noun_then,
)
from conflictwatch.extract.wounded import wounded_kind
from conflictwatch.geo.cues import cues_table
from conflictwatch.models import Range

# ("U.S.", "U.N.": one word, not a full stop that ends the figure's words)
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[\w’'-]+|[,;:.!?()“”\"]")


_VAGUE_A = re.compile(r"an?\s+(?:dozen|few|handful|score|couple)", re.IGNORECASE)
_TREATED = re.compile(r"\b(?:hospitals?|treated|treatment|clinic)\b", re.IGNORECASE)
_SUBSET_BEFORE = re.compile(
    r"(?:including|includ(?:ed|es|e)|among them|among whom|among the dead (?:were|are|was|is)"
    r"|among those killed (?:were|are|was|is)|the (?:dead|victims|deceased) (?:were|are)"
    r"|among the (?:martyred|martyrs|slain|killed|victims|deceased|fallen|fatalities|wounded|injured|hurt)"
    r" (?:were|are|was|is)"
    r"|the\s+(?:first|second|third|fourth|fifth|sixth|other|last)\s+(?:person|victim|man|woman|one)\s+"
    r"(?:killed\s+|to die\s+)?(?:was|is)"
    # (not "Fighters of the Islamic State killed five": a name, then the verb of the five)
    r"|of them|of whom|of which|of those|of (?:all )?(?:those|the|these) (?:(?-i:[a-z\d])[\w,]*\s+){0,2}?"
    # ("Of the injured, 19 are in critical condition", "Of the 38 bodies, 24 have been identified")
    r"(?:killed|dead|victims|injured|wounded|bodies|corpses|deceased|fatalities),?)"
    r"\s*(?:(?:were|was|is|are)\s+)?$",
    re.IGNORECASE,
)


# "including a chief and his two sons", "including a woman and her two children": the family named
# after a first victim of the "including" is part of the figure too
# ("including the sultan's deputy and two imams": any person named first, then the figure)
_SUBSET_RUN = re.compile(
    r"\b(?:including|among them|among whom)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){1,4}?and\s+"
    r"(?:(?:his|her|their|its)\s+)?$", re.IGNORECASE)


_SUBSET_KIN_RUN = re.compile(r"\b(?:including|among them|among whom)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}"
                             r"[\w'’-]+,\s+(?:(?:his|her|their)\s+[\w'’-]+\s+and\s+)?$", re.IGNORECASE)


CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?:while|but|whereas)\s+|\s+while\s+|\s+whereas\s+")


_PART_OF_DEAD = re.compile(
    # (", who was among the dead", "was among the wounded": one of those the toll counted)
    r"(?:,\s+[^,;]{1,40},|,?\s+who)?\s+(?:(?:of\s+(?:the\s+)?(?:dead|victims|those\s+killed|people\s+killed|killed)\s+"
    r"(?:were|was|are|is)\s+(?P<who>children|women|civilians|fighters|soldiers|militants))"
    # ("A British contractor, John Smith, was among those killed", "... were also among the dead")
    r"|(?:[\w-]+\s+){0,2}?(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?"
    r"(?:dead|victims|those\s+killed|people\s+killed"
    r"|killed|\d+\s+(?:people\s+)?killed|(?P<hurt>wounded|injured)))\b",
    re.IGNORECASE,
)


# "put the death toll at eight, saying two of the wounded succumbed": the toll holds the two
_TOLL_AT = re.compile(r"\b(?:(?:put|puts|putting|gave|gives|placed|places|set|sets)\s+the\s+"
                      r"(?:(?:death\s+|final\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deceased|deaths|fatalities"
                      r"|people\s+killed|those\s+killed))\s+at"
                      # "the death toll stands at 35", "now stood at"
                      r"|(?:death\s+)?toll\s+(?:now\s+)?(?:stands|stood)\s+at)"
                      # (a quoted toll: 'put the toll at "between 40 and 60"')
                      r"\s+[\"“‘']?(?:(?:at least|more than|some|about|nearly)\s+)?$", re.IGNORECASE)
_WHO_WERE_KILLED = re.compile(r"[^.;]{0,80}?\bwho\s+(?:were|had\s+been|have\s+been)\s+(?:killed|shot\s+dead"
                              r"|slain|murdered)\b", re.IGNORECASE)
# a figure whose own verb is another fate: "hundreds of families had fled", "20 were abducted"
_ELSEWHERE = (r"fled|flee|fleeing|displaced|arrested|detained|kidnapped|abducted|rescued|evacuated|missing"
              r"|returned")
_FLED = re.compile(
    rf"^\s*(?:(?!and\b|or\b)[\w'’-]+\s+){{0,3}}?(?:(?:had|have|has|were|was|been)\s+)*(?:{_ELSEWHERE})\b",
    re.IGNORECASE)
# what befell people who were not killed: "149,000 people have fled to Chad"
_OTHER_FATE = re.compile(rf"\b(?:{_ELSEWHERE}|released|freed|crossed|sought|taken|injured|wounded|hurt)\b",
                         re.IGNORECASE)


_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
SECOND_DAY_GAP = re.compile(rf"\bon\s+{_DAY}\s*,?\s+(?:and|while)\s+(?:another\s+)?$")
SECOND_DAY_AFTER = re.compile(rf"\s*(?:more\s+|others?\s+|people\s+)?on\s+{_DAY}\b")
# "On Tuesday, two people were killed in X, and on Monday a woman died": the second day told before its
# figure (with a day named around the first)
SECOND_DAY_BEFORE = re.compile(
    rf",\s+(?:and|while)\s+(?:earlier\s+|later\s+)?on\s+{_DAY}\s*,?\s+(?:[\w-]+\s+){{0,3}}?$")
DAY_NAMED = re.compile(rf"\b{_DAY}\b")
# (" were killed in the village of Nanduli on Saturday, and ": the place, and maybe its day)
# ("53 people in Wad al-Ashraf village on Sunday, and a further 18 in Tamboul": particles, a type word)
_SECOND_PLACE = re.compile(r"\s*(?:[a-z]+\s+){0,5}?in\s+(?:the\s+(?:[a-z]+\s+){0,2}?of\s+)?[A-Z][\w'’-]+"
                           r"(?:\s+(?:[A-Z][\w'’-]+|(?:al|el|ad|as|ash|ar|an|az|at)-[\w'’-]+)){0,3}"
                           r"(?:\s+(?:village|town|city|district|camp|area|neighbou?rhood))?"
                           rf"(?:\s+on\s+{_DAY})?\s*(?:,?\s+and\s+(?:a\s+further\s+|another\s+)?|,\s+)")
_DEAD_LIST = re.compile(
    r"\b(?:list of the dead|among the dead|the dead (?:included|were)|those killed (?:included|were))\b",
    re.IGNORECASE,
)


@dataclass
class Casualty:
    """One figure in a sentence that counts dead or hurt people."""

    fig: Figure
    kind: str  # killed | injured
    victim: str | None  # people | children | combatants
    victim_word: str | None
    subset: bool  # "including five children": part of the figure before it
    clause: int
    end: int = 0  # end of the victim phrase in the sentence (figure end if none)
    total: bool = False  # "bringing the toll to 29": supersedes "six more" in the same sentence
    increment: bool = False  # "six more people died"
    listed: bool = False  # "included three soldiers and a policeman": a further part of one list


@dataclass
class _Lex:
    victims: dict[str, str]
    killed: re.Pattern[str]
    injured: re.Pattern[str]
    aggregate: re.Pattern[str]
    background: re.Pattern[str]
    hedges: re.Pattern[str]
    non_casualty: re.Pattern[str]


_lex_cache: list[_Lex] = []


def lex() -> _Lex:
    if not _lex_cache:
        lx = lexicon()
        victims = {w.lower(): cls for cls, words in lx["victims"].items() for w in words}
        _lex_cache.append(
            _Lex(
                victims=victims,
                killed=killed_re(lx["killed_words"]),
                injured=words_re(lx["injured_words"]),
                aggregate=words_re(lx["aggregate_markers"]),
                background=words_re(lx["background_markers"]),
                # "May" with a capital is the month ("On May 26, two soldiers were killed"), not a hedge
                hedges=re.compile(r"(?!(?-i:May)\b)" + words_re(lx["hedges"]).pattern, re.IGNORECASE),
                non_casualty=re.compile(
                    # ("three separate attacks", "two military helicopters": a word or two between)
                    r"^\s*(?:(?!(?:earlier|later|this|last|next|the|an?|in|on|at|of|per|each|every|and|or|ago"
                    # ("17 dead following clashes")
                    r"|before|after|dead|killed|wounded|injured)\b)[a-z\d-]+\s+){0,2}?"  # ("two M16 rifles")
                    r"(?:(?:were|was|are|is|had\s+been|have\s+been)\s+(?:still\s+|also\s+)?)?(?:"
                    + "|".join(re.escape(w) for w in lx["non_casualty_after"])
                    + r")(?![\w])",
                    re.IGNORECASE,
                ),
            )
        )
    return _lex_cache[0]


def _words(text: str) -> list[str]:
    return [w.strip("’'“”\"").lower() for w in _WORD.findall(text)]


_OF_THEM = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_OF_THEM_BEFORE = re.compile(r",\s*\w+\s+of\s+them\s+$", re.IGNORECASE)  # ", one of them "
# the victims told by what they were doing, then their verb: "Palestinians waiting for aid near X were"
_NOBODY_DIED = re.compile(r"\b(?:nobody|no\s+one|none)\s+(?:was\s+|were\s+)?(?:died|killed|dead)\b", re.I)
_DOING = (r"(?:waiting|queuing|queueing|gathered|gathering|seeking|fleeing|sheltering|travelling|traveling"
          r"|returning|collecting|trying)")
_DOING_AFTER = re.compile(rf"\s*(?:\S+\s+){{1,2}}?{_DOING}\s")
_DOING_THEN_DIED = re.compile(rf"(?:\S+\s+){{1,3}}?{_DOING}\s[^,;]*?\s(?:were|was|had\s+been|have\s+been)"
                              r"\s+$")
_MANNER_BEFORE = re.compile(r"\b(?:beheading|hacking|shooting|burning|stabbing|executing|mutilating"
                            r"|torturing)\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.IGNORECASE)
_SUBSET_AFTER = re.compile(
    r"^\s+of\s+(?:them|whom|those\b|the\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|victims|deceased|bodies|corpses)"
    r"(?!\s+(?:in|at|on)\b))\b", re.IGNORECASE)
# "Four of the Palestinians killed were under 18": some of the dead just told (not "Four of the
# victims were killed in Nanduli on Saturday", parts told with their own place and day)
# ("Six of the victims were decapitated": how some of them died, not where and when)
# ("Residents said two of the dead were workers"): a voice, then the part of the dead
_TOLD_THAT_END = re.compile(r"\b(?:said|says|say|told\s+\w+|added|reported)\s+(?:that\s+)?$", re.IGNORECASE)
# ("Two of those killed on Monday were brothers", "Four of the martyred policemen belonged to ...")
_SOME_OF_THE_DEAD = re.compile(r"^\s+of\s+those\s+(?:killed|who\s+died|dead)\b"
                               r"|^\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|deceased|injured|wounded"
                               r"|bodies|martyred|slain"
                               r"|victims(?!\s+(?:were|was)\s+(?:\w+\s+){1,2}(?:in|at|on|near)\b))\b"
                               r"(?!\s+(?:in|at|on)\b)", re.IGNORECASE)


# "killing two people and wounding five": the right context of a figure ends where a second
# verb phrase is coordinated to it.
_COORD_VERB = re.compile(
    r"\b(?:and|,)\s+(?:also\s+)?(?:\w+ing|killed|wounded|injured|left|hurt|neutrali[sz]ed|eliminated"
    r"|liquidated|executed|murdered|beheaded|shot)\b.*$",
    re.IGNORECASE,
)


_CLAUSE_AFTER_VERB = re.compile(
    r"\b(?:dead\s*,|(?:killed|killing|died|dead|injured|wounded|hurt)[\s,]+(?:after|when|before|while"
    r"|because|until|during|following|amid|where|since|once|as|(?:in|at|near|from)\s+[\w'’-]+(?:\s+[\w'’-]+)?))$",
    re.IGNORECASE)


_AUX = {
    "were", "was", "had", "have", "has", "been", "are", "is", "also", "reportedly", "later", "being", "all",
    "more", "others", "people", "dead", "mostly", "allegedly", "confirmed", "got",
    "resulted",  # "other seven resulted wounded" (copy translated from Spanish or French)
}


# "killing 12 soldiers and 20 militants" is one count; "22 million have fled and 400,000 were
# killed" is two: a gap with a verb of its own (fled, were, arrested) separates the figures.
_NOT_COORD = re.compile(
    r"\b(?:said|says|told|reported|while|but|when|after|before|whereas|who|which|that|in|on|at|near|from|by"
    r"|during|have|has|had|were|was|are|is|fled|displaced|arrested|detained|abducted|kidnapped|missing"
    r"|rescued|evacuated|captured|injured|wounded)\b|[;:()]",
    re.IGNORECASE,
)


_OF_THEM_ASIDE = re.compile(r"\s+of\s+(?:them|whom)\b[^,;]{0,40},\s*and\s+")
_AMONG_THEM = re.compile(r",?\s*(?:among\s+(?:them|whom)|including)\s*", re.IGNORECASE)


def _coordinated(gap: str) -> bool:
    """The text between two figures joins them as parts of one count ("9 rebels and 17 militants")."""
    gap = re.sub(r"\s*\([A-Z][A-Za-z-]{1,10}\)", " ", gap)  # "fighters of the ... Army (BPDA) and three"
    if not re.search(r"(?:\band|,)\s+(?:(?:his|her|their|its)\s+)?$", gap, re.IGNORECASE):
        return False
    if _NOT_COORD.search(gap) or len(gap.split()) > 9:
        return False
    lx = lex()
    return not (lx.killed.search(gap) or lx.injured.search(gap))


_SPOKE = [[w] for w in ("said", "says", "say", "told", "added", "confirmed", "stated", "explained",
                        "insisted")]
_LOST = re.compile(r"\b(?:lost|losing)\s+(?:(?:at\s+least|more\s+than|about|nearly|over)\s+)?$",
                   re.IGNORECASE)
# "tried to storm the positions but were driven back, losing three men": a fighting force's men
_FIGHT = re.compile(r"\b(?:fight(?:ing|ers)|storm(?:ed)?|assault|attack(?:ed)?|battle|clash(?:es)?"
                    r"|driven back|repelled|repulsed|offensive|ambush(?:ed)?)\b", re.IGNORECASE)
_FAMILY_OF = re.compile(r"\bfamily\s+of\s+$", re.IGNORECASE)
_FAMILY_DET = re.compile(r"\b(?:an?|the|entire|whole)\s*$", re.IGNORECASE)
_HURT_THEN_DIED = re.compile(
    r"\b(?:wounded|injured|hurt)\s*,?\s+(?:and|but)\s+(?:later\s+|subsequently\s+|then\s+)?"
    r"(?:died|succumbed|passed away)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
KILLED_OR_HURT = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:killed|dead)\s+(?:or|and/or)\s+(?:wounded|injured|hurt|maimed)\b",
    re.IGNORECASE)

_KILLED_AND_HURT = re.compile(
    r"\s+(?:(?:were|have been|had been|are)\s+)?(?:killed|dead)\s+and\s+(?:wounded|injured|hurt)\b"
    r"(?!\s+(?:\w+\s+)?(?:\d|others|another|people|more)\b)", re.IGNORECASE)
_AMONG_THEM_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?among\s+(?:them|whom)\s*,", re.IGNORECASE)
# ("killing or wounding 30", "killed and wounded dozens of the attackers": how many of each, unsaid)
KILLING_OR_HURTING = re.compile(
    r"\b(?:killing|killed|kill)\s+(?:or|and/or|and)\s+(?:wounding|injuring|wounded|injured|wound|injure|maiming|maimed)\s+"
    r"(?:(?:at least|more than|some|about|nearly|over|up to)\s+)?$", re.IGNORECASE)


_RIGHT_END = re.compile(r"[;:]|,\s+(?:while|but|whereas|as|saying|adding|noting)\s+|\s+while\s+|\(")
# "and one in the village of Soledar": a place after a second figure
_IN_PLACE = re.compile(r"\s*(?:[a-z]+\s+)?in\s+(?:the\s+(?:[a-z]+\s+){0,2}?of\s+)?[A-Z]")


def classify_figures(sentence: str) -> list[Casualty]:
    """The figures in `sentence` that are death tolls or injury counts."""
    lx = lex()
    figs = counting_someone(sentence, find_figures(sentence))
    figs = sorted(figs + single_figures(sentence, figs), key=lambda f: f.start)
    if not figs:
        return []  # most sentences: what follows reads the figures only
    clause_starts = [0] + [m.end() for m in CLAUSE_SPLIT.finditer(sentence)]
    subsets = [
        bool(
            _SUBSET_BEFORE.search(sentence[max(0, f.start - 30) : f.start])
            or (_SUBSET_AFTER.match(sentence[f.end :]) and re.search(r",\s*$", sentence[: f.start]))
            # ("Four civilians, two women among them, were killed": a part set off by commas)
            or (_AMONG_THEM_AFTER.match(sentence, f.end) and re.search(r",\s*$", sentence[: f.start]))
            # "killed six civilians, beheading at least four of them": how some of them were killed
            or (_OF_THEM.match(sentence[f.end :])
                and _MANNER_BEFORE.search(sentence, max(0, f.start - 40), f.start) is not None)
            or (_SOME_OF_THE_DEAD.match(sentence[f.end :]) and (
                not sentence[: f.start].strip() or _TOLD_THAT_END.search(sentence, 0, f.start)))
            or _PART_OF_DEAD.match(sentence[f.end :])
            or _SUBSET_RUN.search(sentence, max(0, f.start - 60), f.start)
            # "including the commanding officer, his wife and their son": the officer's kin, parts too
            or (f.text.lower().startswith(("his ", "her ", "their "))
                and _SUBSET_KIN_RUN.search(sentence, max(0, f.start - 80), f.start))
            # '"All six terrorists were sent to hell," the statement said': the ones just told
            or re.fullmatch(r"\W*all\s+", sentence[: f.start], re.IGNORECASE)
        )
        for f in figs
    ]
    for i in range(len(figs) - 1, 0, -1):
        # "One child and one woman were among the dead": the parts before the last are parts too
        if subsets[i] and not subsets[i - 1] and re.fullmatch(
                r"[\w\s-]{0,30}?(?:,\s*(?:and\s+)?|\s+and\s+)", sentence[figs[i - 1].end : figs[i].start]) \
                and _PART_OF_DEAD.match(sentence[figs[i].end :]):
            subsets[i - 1] = True
    listed = [False] * len(figs)
    for i in range(1, len(figs)):
        # "including 34 civilians and 53 members": the parts of a breakdown are all subsets;
        # "9 people (5 men and 4 women)": so is a breakdown in brackets.
        gap = sentence[figs[i - 1].end : figs[i].start]
        # (", two of them in their beds, and a caregiver": so does one opened by "N of them")
        opens = re.search(r",\s*(?:among\s+(?:them|whom)|including|\w+\s+of\s+(?:them|whom))\s+$",
                          sentence[: figs[i - 1].start]) or (
            re.search(r",\s*$", sentence[: figs[i - 1].start]) and re.match(r"\s+of\s+(?:them|whom)\b", gap))
        closes_aside = i >= 2 and not subsets[i - 2] and re.search(r",\s*and\s+$", gap) and opens
        if closes_aside:
            continue  # "Six fighters, among them a commander, and an officer": the aside ends at ", and"
        if subsets[i - 1] and re.fullmatch(r"[\w\s-]{0,45}?(?:,\s*(?:and\s+)?|\s+and\s+)", gap):
            subsets[i] = listed[i] = True
        elif in_brackets_after(sentence, figs[i - 1], figs[i]) or after_colon(sentence, figs, i):
            subsets[i] = True
    out: list[Casualty] = []
    pending: list[tuple[Figure, str | None, str | None, bool, int]] = []  # unclassified, with a victim noun
    prev_end = 0
    for i, f in enumerate(figs):
        before = sentence[max(0, f.start - 60) : f.start]
        after = sentence[f.end : f.end + 80]
        nxt = len(sentence)
        for j in range(i + 1, len(figs)):
            if not subsets[j]:
                nxt = figs[j].start
                break
        if KILLED_OR_HURT.match(after) or KILLING_OR_HURTING.search(before):
            prev_end = f.end
            continue  # "fifteen people were killed or wounded": how many of each, the text does not say
        if i > 0 and f.text.lower() in ("both", "all") and re.search(r",\s*$", before):
            prev_end = f.end
            continue  # "Two shepherds, both brothers, were killed": the two again
        if (lx.non_casualty.match(after) and not FATE_AS_ADJECTIVE.match(after)) \
                or counts_nobody(f.text, before, after) or INITIAL_TOLL_AFTER.match(after) \
                or of_an_earlier_event(sentence, f.start):
            prev_end = f.end
            continue
        # Right context: words up to the next figure or clause end.
        right = without_asides(sentence[f.end : nxt])
        # (", saying many people were wounded": the teller's next clause, not this figure's noun)
        right = _RIGHT_END.split(right)[0]
        rw = _words(right)[: 22 if _DOING_AFTER.match(right) else 10]
        victim_idx, victim_cls, victim_word = None, None, None
        if f.text.lower().startswith(("a ", "an ", "his ", "her ", "their ", "the ")) \
                and not _VAGUE_A.fullmatch(f.text):  # ("lost a dozen soldiers": the soldiers follow)
            victim_idx, victim_word = 0, f.text.split()[-1].lower()
            victim_cls = lx.victims.get(victim_word, "people")
            rw = ["_"] + rw
        elif _FAMILY_OF.search(before):  # "killing a family of five": five people
            victim_idx, victim_cls, victim_word = 0, "people", "family"
            rw = ["_"] + rw
        for j, w in enumerate(rw[:7]):
            if victim_idx is not None:
                break
            if w in (",", ".") and j > 0:
                break
            if w in lx.victims:
                if j + 1 < len(rw) and rw[j + 1] in lx.victims and w in cues_table().names:
                    continue  # "Iraqi soldiers": the nationality is the soldiers', the noun decides
                victim_idx, victim_cls, victim_word = j, lx.victims[w], w
                break
        if victim_idx is None and rw[:2] in (["other", "sustained"], ["other", "was"], ["other", "suffered"]):
            victim_idx, victim_cls, victim_word = 0, "people", "other"  # "while one other sustained injuries"
        right_text = " ".join(rw)
        body_count = victim_idx is None and rw[:1] in (["bodies"], ["corpses"])
        # A coordinated second verb phrase belongs to the next figure.
        # (with no figure after it, "were ambushed and killed" is still this figure's)
        coord = (victim_idx is not None or body_count) and nxt < len(sentence)
        right_text = _COORD_VERB.sub("", right_text) if coord else right_text
        mk = lx.killed.search(right_text)
        mi = lx.injured.search(right_text)
        kind: str | None = None

        def window_ok(
            m: re.Match[str] | None, text: str = right_text, has_victim: bool = victim_idx is not None
        ) -> bool:
            if m is None:
                return False
            if SUBSET_VERB.search(text, 0, m.start()):
                return False  # "received 184 patients, 19 of whom were declared dead": the 19's verb
            gap = text[: m.start()].split()
            if has_victim:
                # ("67 Palestinians waiting for aid lorries near the Zikim crossing ... were killed")
                # ("Three members of the vigilante group were on Monday shot dead": the day is no distance)
                told = [w for w in gap if w not in DAY_WORDS]
                return len(told) <= 7 or (len(gap) <= 20 and bool(_DOING_THEN_DIED.match(text, 0, m.start())))
            return len(gap) <= 3 and all(w in _AUX for w in gap)

        if body_count:
            kind, victim_idx, victim_cls, victim_word = "killed", 0, "people", rw[0]
        elif window_ok(mk) and (not window_ok(mi) or mk.start() < mi.start()  # type: ignore[union-attr]
                                or _HURT_THEN_DIED.search(right_text)):  # "were wounded and later died"
            kind = "killed"
        elif window_ok(mi):
            kind = "injured"
        elif victim_idx is None and (noun_then(mk, right_text) or noun_then(mi, right_text)):
            # "and one ranger wounded": a noun the lexicon does not know, then its own verb
            kind = "killed" if noun_then(mk, right_text) and (
                not noun_then(mi, right_text) or mk.start() < mi.start()  # type: ignore[union-attr]
            ) else "injured"
        if victim_idx is not None and rw[victim_idx + 1 : victim_idx + 2] in _SPOKE \
                and rw[victim_idx + 2 : victim_idx + 3] != ["to"]:
            kind = None  # "while a local administrator said the toll was 22": who told it, not a victim
        if kind == "killed" and NATURAL_DEATH.match(right_text[mk.start():] if mk else ""):
            kind = None  # "an old man died of exhaustion while fleeing": no one killed him
        left = sentence[max(prev_end, f.start - 50) : f.start]
        if victim_word == "family" and rw[:1] == ["_"]:  # the verb before "a family of five"
            left = _FAMILY_DET.sub("", _FAMILY_OF.sub("", left))
        left_words = _words(left)[-4:]
        left_text = " ".join(left_words)
        subset = subsets[i]
        if (
            kind is None
            and victim_cls == "children"
            and f.exact_number
            and _DEAD_LIST.search(sentence[: f.start])
        ):
            kind, subset = (
                "killed",
                True,
            )  # "a list of the dead included ... two babies and six other children"
        part = _PART_OF_DEAD.match(sentence[f.end :])
        if kind is None and part and not part.group("hurt"):
            # "six of the dead were children", "three children were among those killed"
            kind = "killed"
            word = (part.group("who") or victim_word or "").lower()
            if word in lx.victims:
                victim_idx, victim_cls, victim_word = 0, lx.victims[word], word
        if kind is None:
            head = sentence[max(0, f.start - 140) : f.start]
            if RISEN_TO.search(head) and lx.killed.search(sentence[: f.start]):
                kind = "killed"  # "the number of people killed ... has risen to 23"
                # ("the death toll has risen to seven and the number of wounded climbed to 97")
                hurt = [m.start() for m in lx.injured.finditer(head)]
                dead = [m.start() for m in lx.killed.finditer(head)]
                if hurt and (not dead or hurt[-1] > dead[-1]):
                    kind = "injured"
        if kind is None:
            head = sentence[max(0, f.start - 120) : f.start]  # "raising the toll from last week's ambush to"
            # "more than doubling its tally of 47" counts votes, not the dead.
            deadly = lx.killed.search(re.sub(r"\b(?:toll|tally)\b", " ", sentence, flags=re.IGNORECASE)) or \
                DEATH_TOLL.search(sentence) or TOLL_OF_ATTACK.search(sentence)  # "civilian toll in ... to 17"
            if (deadly and TOLL_BEFORE.search(head)) or (
                TOLL_VERB_BEFORE.search(head)
                and re.search(r"\b(?:toll|tally)\b", sentence[: f.start], re.IGNORECASE)
            ):
                kind = "killed"
            elif RAISED_TO.search(head) and TOLL_AFTER.match(sentence, f.end):
                kind = "killed"  # "raised to 16 the toll of Monday's air strike"
            elif out and out[-1].kind == "killed" and _SECOND_PLACE.fullmatch(sentence[prev_end : f.start]) \
                    and _IN_PLACE.match(sentence, f.end):
                kind = "killed"  # "killed 10 people in Douma and 7 in Harasta": a second incident
            elif out and out[-1].kind == "killed" and SECOND_DAY_GAP.search(sentence[prev_end : f.start]) \
                    and SECOND_DAY_AFTER.match(sentence, f.end):
                kind = "killed"  # "Eight people were killed on Monday and five on Tuesday": a second day
            elif (
                left_words
                and lx.killed.search(" ".join(left_words[-3:]))
                and not lx.injured.search(left_words[-1])
                # "were killed and at least two women ... sustained injuries": a new clause
                and not (left_words[-1] == "and" and lx.killed.search(" ".join(left_words[-3:-1])))
                # "17 had died and that hundreds of families had fled": another fate, no dead
                and not _FLED.match(right_text)
                # "twelve terrorists killed after hundreds of militants attacked": a new clause; "shot
                # dead in Delmas 30": the number of a place
                and not _CLAUSE_AFTER_VERB.search(left_text) and ";" not in left  # ("killed; one other ...")
                and not _NOBODY_DIED.search(left)  # ("Nobody died, but two of the injured ...")
            ):
                kind = "killed"
            elif victim_idx is not None and _WHO_WERE_KILLED.match(sentence[f.end : nxt]):
                kind = "killed"  # "buried eleven members of the family on Sunday, who were killed ..."
            elif victim_idx is not None and victim_idx <= 2 and BURIED.search(before) \
                    and not BURIED_ALIVE.match(sentence, f.end) and event_rule(sentence, False, None):
                kind = "killed"  # "Villagers buried 14 people on Tuesday after gunmen attacked Kuje"
            elif (victim_cls == "combatants" or (victim_word == "men" and _FIGHT.search(sentence))) \
                    and _LOST.search(left):
                kind = "killed"  # "the militia lost dozens of fighters" (not "lost his brother")
            elif left_words and lx.injured.search(" ".join(left_words[-2:])) \
                    and not _CLAUSE_AFTER_VERB.search(left_text):  # ("injured when two motorcyclists")
                kind = "injured"
            elif subset and out:
                kind = out[-1].kind
            elif subset and victim_cls == "children" and not (
                    _OTHER_FATE.search(sentence) and not lx.killed.search(sentence)):
                # "That included five children": part of a toll said before ("The victims, including
                # two minors, were brought to a hospital": of the wounded; not "Seventeen missionaries,
                # including five children, were kidnapped": another fate, nobody dead)
                kind = "injured" if _TREATED.search(sentence) else "killed"
            elif (
                out
                and out[-1].fig.end == prev_end
                and (_coordinated(sentence[prev_end : f.start])
                     # "six patients, two of them in their beds, and a caregiver": after the aside
                     or _OF_THEM_ASIDE.fullmatch(sentence, prev_end, f.start))
                and not (
                    victim_idx == 0 and rw[:1] == ["_"] and not re.search(r"\band\s+$", sentence[: f.start])
                    # ("killed a woman, her daughter and two others": a list's middle item)
                    and not re.match(r"\s+and\s", sentence[f.end :])
                )
            ):
                kind = out[-1].kind  # "killing 12 soldiers and 20 militants"
            elif out and re.search(r"\b(?:said|put it at|gave a toll of|says)\s*$", left_text) \
                    and not _OTHER_FATE.search(right_text):
                kind = out[-1].kind  # "X said 17 were killed, Y said 12" (not "... said 149,000 have fled")
        if subset and out and kind is not None and _OF_THEM_BEFORE.search(sentence, max(0, f.start - 20),
                                                                           f.start):
            kind = out[-1].kind  # "Two people were killed, one of them a student, and ...": one of the dead
        else:
            kind, subset = wounded_kind(sentence, f, kind, subset, bool(out) and out[-1].kind == "injured")
        vend = f.end
        if victim_word and not f.text.lower().endswith(victim_word):
            vm = re.search(rf"\b{re.escape(victim_word)}\b", sentence[f.end :], re.IGNORECASE)
            vend = f.end + vm.end() if vm else f.end
        prev_end = f.end
        if kind is None:
            if victim_idx is not None:
                pending.append((f, victim_cls, victim_word, subset, vend))
            continue
        if victim_idx is None and not f.exact_number:
            continue  # "several" with no victim noun
        # "nine rebels and 17 militants died": earlier parts take the kind of the last one.
        # ("Seven gunmen, among them a commander, and an Israeli officer were killed": through the part
        # the aside names, back to the count it is part of)
        upto, part = f.start, False
        while pending and not subset and (_coordinated(sentence[pending[-1][4] : upto]) or (
                part and _AMONG_THEM.fullmatch(sentence[pending[-1][4] : upto]))):
            pf, pcls, pword, psub, pend = pending.pop()
            out.append(Casualty(pf, kind, pcls, pword, psub, clause_index(clause_starts, pf.start), pend))
            upto, part = pf.start, psub
        pending = []
        cas = Casualty(f, kind, victim_cls, victim_word, subset, clause_index(clause_starts, f.start), vend,
                       listed=listed[i])
        cas.total = bool(kind == "killed" and (RISEN_TO.search(sentence[max(0, f.start - 90) : f.start])
                                               or _TOLL_AT.search(sentence[max(0, f.start - 60) : f.start])
                                               or _ORDINAL.fullmatch(f.text)))  # "the 100th civilian killed"
        cas.increment = bool(re.match(r"\s+more\b", sentence[f.end :]))
        out.append(cas)
    out.sort(key=lambda c: c.fig.start)
    for c in out:
        v = c.fig.value
        if c.kind == "killed" and v.low == v.high and v.low > 1 and _KILLED_AND_HURT.match(sentence, c.end):
            # "Fifty soldiers were killed and wounded": one count of both; at least one of them dead
            c.fig = Figure(c.fig.start, c.fig.end, Range(1, v.high), c.fig.text, c.fig.exact_number)
    mark_appositive_breakdown(sentence, out)
    mark_dashed_breakdown(sentence, out)
    mark_bodies_recount(sentence, out)
    out = casualties_broken_down(sentence, out)
    if any(c.total and not period_total(sentence, c.fig.start) for c in out):
        out = [c for c in out if not (c.increment and c.kind == "killed")]  # the new total counts
    return out


def clause_index(starts: list[int], pos: int) -> int:
    return sum(1 for s in starts if s <= pos) - 1
