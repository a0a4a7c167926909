"""The claims extractor: sentences in, incident and aggregate claims out.

For each sentence: find casualty figures (a number next to a victim noun and a killing or
wounding word), who said them, when and where; decide whether the figure is one incident or a
total over a period; skip denials, hypotheticals and whole-war background. A sentence that only
adds to the previous claim ("That included five children, it said"; "The attack hit the city's
al-Marjeh area") extends that claim instead of making a new one. Sentences reporting a dated
strike, bombing or capture with no figure still make an incident claim (killed = null).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from conflictwatch.extract.attribution import QUOTES, Discourse, SourceMention
from conflictwatch.extract.dates import DateMention, find_dates
from conflictwatch.extract.numbers import Figure, find_figures
from conflictwatch.extract.places import PlaceMention, find_places, most_specific
from conflictwatch.extract.rules import EventRule, Named, actors, event_rules, lexicon, words_re
from conflictwatch.extract.sentences import Sentence, split_sentences
from conflictwatch.models import Article, Claim, Range

_WORD = re.compile(r"[\w’'-]+|[,;:.!?()“”\"]")
_SUBSET_BEFORE = re.compile(
    r"(?:including|includ(?:ed|es)|among them|among whom|among the dead were|among those killed were"
    r"|of them|of whom|of those)\s*(?:were\s+)?$",
    re.IGNORECASE,
)
_SUBSET_PHRASE = re.compile(
    r",?\s*\b(?:including|among them|among whom)\s+(?:[\w-]+\s+){1,4}?"
    r"(?:children|women|child|minors|infants|babies|officers|policemen|soldiers|civilians|fighters"
    r"|members|students|doctors|journalists|commanders?)\b,?",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?:while|but|whereas)\s+|\s+while\s+|\s+whereas\s+")
_PART_OF_DEAD = re.compile(
    r"\s+(?:(?:of\s+(?:the\s+)?(?:dead|victims|those\s+killed|people\s+killed|killed)\s+(?:were|was)\s+"
    r"(?P<who>children|women|civilians|fighters|soldiers|militants))"
    r"|(?:[\w-]+\s+){0,2}?(?:were|was)\s+among\s+(?:the\s+)?(?:dead|victims|those\s+killed|people\s+killed"
    r"|killed|\d+\s+(?:people\s+)?killed))\b",
    re.IGNORECASE,
)
_RISEN_TO = re.compile(
    r"(?:(?:has|had|have)\s+)?(?:risen|rose|climbed|increased|jumped|reached|bringing\b[^.;]{0,80}?)\s+to\s+$",
    re.IGNORECASE,
)
_TOLL_BEFORE = re.compile(
    r"(?:toll|tally|count)\s+(?:\w+\s+){0,3}?(?:rose|climbed|risen|reached|increased|jumped|stood|stands|was|is|to|at|of)\s+(?:to\s+|at\s+)?$"
    r"|(?:raising|raised|put|putting|puts|bringing|brought)\s+(?:the\s+)?(?:death\s+)?(?:toll|tally)\s+(?:to|at)\s+$"
    r"|(?:death\s+)?toll\s+of\s+$",
    re.IGNORECASE,
)
_YEARISH = re.compile(r"^(?:19|20)\d\d$")
_MONTH_BEFORE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$", re.IGNORECASE
)
_REFERS_BACK = re.compile(
    r"^(?:the|that|this)\s+(?:attack|strike|air\s?strike|raid|bombing|shelling|blast|explosion|bomb|assault|massacre)\b",
    re.IGNORECASE,
)
_DEAD_LIST = re.compile(
    r"\b(?:list of the dead|among the dead|the dead (?:included|were)|those killed (?:included|were))\b",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:targeted|targeting|attacked|attacking|against|hit|hitting|killed|killing|struck|bombed|shelled|fighting|battling)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_FACILITY = re.compile(
    r"\bthe\s+(school|hospital|market|mosque|bakery|building|clinic|convoy|checkpoint|camp|church|mill|station)\b",
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


def _lex() -> _Lex:
    if not _lex_cache:
        lx = lexicon()
        victims = {w.lower(): cls for cls, words in lx["victims"].items() for w in words}
        _lex_cache.append(
            _Lex(
                victims=victims,
                killed=words_re(lx["killed_words"]),
                injured=words_re(lx["injured_words"]),
                aggregate=words_re(lx["aggregate_markers"]),
                background=words_re(lx["background_markers"]),
                hedges=words_re(lx["hedges"]),
                non_casualty=re.compile(
                    r"^\s*(?:" + "|".join(re.escape(w) for w in lx["non_casualty_after"]) + r")(?![\w])",
                    re.IGNORECASE,
                ),
            )
        )
    return _lex_cache[0]


def _words(text: str) -> list[str]:
    return [w.strip("’'“”\"").lower() for w in _WORD.findall(text)]


def _single_figures(sentence: str, taken: list[Figure]) -> list[Figure]:
    """ "a woman", "a 62-year-old man", "and his son": one person, as a figure of 1."""
    out: list[Figure] = []
    for m in _singles_re().finditer(sentence):
        if any(f.start <= m.start() < f.end for f in taken):
            continue
        out.append(Figure(m.start(), m.end(), Range(1, 1), m.group(0), True))
    return out


_singles_cache: list[re.Pattern[str]] = []


def _singles_re() -> re.Pattern[str]:
    if not _singles_cache:
        lx = lexicon()
        nouns = "|".join(sorted((re.escape(w) for w in lx["singular_victims"]), key=len, reverse=True))
        kin = "|".join(sorted((re.escape(w) for w in lx["kin_nouns"]), key=len, reverse=True))
        _singles_cache.append(
            re.compile(
                rf"(?<![\w-])(?:(?P<det>an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})"
                rf"|(?<=\band\s)(?P<poss>(?:his|her|their))\s+(?:{kin}))(?![\w-])",
                re.IGNORECASE,
            )
        )
    return _singles_cache[0]


_APPOSITIVE_SUBSET = re.compile(
    r",\s*(?:(?:at least|more than|nearly|about|some|almost)\s+)?[\w-]+\s+of\s+(?:them|whom)"
    r"(?:\s+[\w-]+){0,3}?\s*,",
    re.IGNORECASE,
)
_SUBSET_AFTER = re.compile(r"^\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)
# "killing two people and wounding five": the right context of a figure ends where a second
# verb phrase is coordinated to it.
_COORD_VERB = re.compile(
    r"\b(?:and|,)\s+(?:also\s+)?(?:\w+ing|killed|wounded|injured|left|hurt)\b.*$", re.IGNORECASE
)
_TOLL_VERB_BEFORE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|reached|raised|stood|stands|hit|put|puts|putting)\s+(?:\w+\s+){0,2}?(?:to|at)\s+$",
    re.IGNORECASE,
)
_AUX = {
    "were",
    "was",
    "had",
    "have",
    "has",
    "been",
    "are",
    "is",
    "also",
    "reportedly",
    "later",
    "being",
    "all",
    "more",
    "others",
    "people",
    "dead",
    "mostly",
    "allegedly",
    "confirmed",
}
_NOT_COORD = re.compile(
    r"\b(?:said|says|told|reported|while|but|when|after|before|whereas|who|which|that|in|on|at|near|from|by|during)\b|[;:()]",
    re.IGNORECASE,
)


def _coordinated(gap: str) -> bool:
    """The text between two figures joins them as parts of one count ("9 rebels and 17 militants")."""
    if not re.search(r"(?:\band|,)\s+(?:(?:his|her|their|its)\s+)?$", gap, re.IGNORECASE):
        return False
    if _NOT_COORD.search(gap) or len(gap.split()) > 9:
        return False
    lx = _lex()
    return not (lx.killed.search(gap) or lx.injured.search(gap))


def classify_figures(sentence: str) -> list[Casualty]:
    """The figures in `sentence` that are death tolls or injury counts."""
    lx = _lex()
    figs = find_figures(sentence)
    # "of one family", "one of the", "One that got through": "one" that counts nobody.
    figs = [
        f
        for f in figs
        if not (
            f.text.lower() == "one"
            and (
                re.search(r"\bof\s*$", sentence[: f.start])
                or re.match(r"\s+(?:of|that|which|another)\b", sentence[f.end :])
            )
        )
    ]
    figs = sorted(figs + _single_figures(sentence, figs), key=lambda f: f.start)
    clause_starts = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(sentence)]
    subsets = [
        bool(
            _SUBSET_BEFORE.search(sentence[max(0, f.start - 30) : f.start])
            or (_SUBSET_AFTER.match(sentence[f.end :]) and re.search(r",\s*$", sentence[: f.start]))
            or _PART_OF_DEAD.match(sentence[f.end :])
        )
        for f in figs
    ]
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
        if lx.non_casualty.match(after) or re.match(
            r"^\s*(?:-|–)?\s*(?:year|month|week|day)s?[- ]old", after
        ):
            prev_end = f.end
            continue
        if _YEARISH.match(f.text) or _MONTH_BEFORE.search(before) or re.search(r"\baged\s*$", before):
            prev_end = f.end
            continue
        if re.match(r"^\s*(?:of|per)\s+(?:the\s+)?(?:\d|[a-z]+\s+(?:km|miles))", after):
            prev_end = f.end
            continue
        # Right context: words up to the next figure or clause end.
        right = _SUBSET_PHRASE.sub(" ", sentence[f.end : nxt])
        right = _APPOSITIVE_SUBSET.sub(" ", right)
        right = re.split(r"[;:]|,\s+(?:while|but|whereas|as)\s+|\s+while\s+|\(", right)[0]
        rw = _words(right)[:10]
        victim_idx, victim_cls, victim_word = None, None, None
        if f.text.lower().startswith(("a ", "an ", "his ", "her ", "their ")):
            victim_idx, victim_word = 0, f.text.split()[-1].lower()
            victim_cls = lx.victims.get(victim_word, "people")
            rw = ["_"] + rw
        for j, w in enumerate(rw[:7]):
            if victim_idx is not None:
                break
            if w in (",", ".") and j > 0:
                break
            if w in lx.victims:
                victim_idx, victim_cls, victim_word = j, lx.victims[w], w
                break
        right_text = " ".join(rw)
        body_count = victim_idx is None and rw[:1] in (["bodies"], ["corpses"])
        # A coordinated second verb phrase belongs to the next figure.
        right_text = _COORD_VERB.sub("", right_text) if victim_idx is not None or body_count else right_text
        mk = lx.killed.search(right_text)
        mi = lx.injured.search(right_text)
        kind: str | None = None

        def window_ok(
            m: re.Match[str] | None, text: str = right_text, has_victim: bool = victim_idx is not None
        ) -> bool:
            if m is None:
                return False
            gap = text[: m.start()].split()
            if has_victim:
                return len(gap) <= 7
            return len(gap) <= 3 and all(w in _AUX for w in gap)

        if body_count:
            kind, victim_idx, victim_cls, victim_word = "killed", 0, "people", rw[0]
        elif window_ok(mk) and (not window_ok(mi) or mk.start() < mi.start()):  # type: ignore[union-attr]
            kind = "killed"
        elif window_ok(mi):
            kind = "injured"
        left = sentence[max(prev_end, f.start - 50) : f.start]
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
        if kind is None and part:
            # "six of the dead were children", "three children were among those killed"
            kind = "killed"
            word = (part.group("who") or victim_word or "").lower()
            if word in lx.victims:
                victim_idx, victim_cls, victim_word = 0, lx.victims[word], word
        if kind is None:
            head = sentence[max(0, f.start - 100) : f.start]
            if _RISEN_TO.search(head) and lx.killed.search(sentence[: f.start]):
                kind = "killed"  # "the number of people killed ... has risen to 23"
        if kind is None:
            head = sentence[max(0, f.start - 50) : f.start]
            # "more than doubling its tally of 47" counts votes, not the dead.
            deadly = lx.killed.search(re.sub(r"\b(?:toll|tally)\b", " ", sentence, flags=re.IGNORECASE))
            if (deadly and _TOLL_BEFORE.search(head)) or (
                _TOLL_VERB_BEFORE.search(head)
                and re.search(r"\b(?:toll|tally)\b", sentence[: f.start], re.IGNORECASE)
            ):
                kind = "killed"
            elif (
                left_words
                and lx.killed.search(" ".join(left_words[-3:]))
                and not lx.injured.search(left_words[-1])
            ):
                kind = "killed"
            elif left_words and lx.injured.search(" ".join(left_words[-2:])):
                kind = "injured"
            elif subset and out:
                kind = out[-1].kind
            elif subset and victim_cls == "children":
                kind = "killed"  # "That included five children": part of a toll said before
            elif (
                out
                and out[-1].fig.end == prev_end
                and _coordinated(sentence[prev_end : f.start])
                and not (
                    victim_idx == 0 and rw[:1] == ["_"] and not re.search(r"\band\s+$", sentence[: f.start])
                )
            ):
                kind = out[-1].kind  # "killing 12 soldiers and 20 militants"
            elif out and re.search(r"\b(?:said|put it at|gave a toll of|says)\s*$", left_text):
                kind = out[-1].kind  # "X said 17 were killed, Y said 12"
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
        while pending and _coordinated(sentence[pending[-1][4] : f.start]) and not subset:
            pf, pcls, pword, psub, pend = pending.pop()
            out.append(Casualty(pf, kind, pcls, pword, psub, _clause(clause_starts, pf.start), pend))
        pending = []
        cas = Casualty(f, kind, victim_cls, victim_word, subset, _clause(clause_starts, f.start), vend)
        cas.total = bool(kind == "killed" and _RISEN_TO.search(sentence[max(0, f.start - 90) : f.start]))
        cas.increment = bool(re.match(r"\s+more\b", sentence[f.end :]))
        out.append(cas)
    out.sort(key=lambda c: c.fig.start)
    if any(c.total for c in out):
        out = [c for c in out if not (c.increment and c.kind == "killed")]  # the new total counts
    return out


def _clause(starts: list[int], pos: int) -> int:
    return sum(1 for s in starts if s <= pos) - 1


@dataclass
class _Draft:
    """A claim being assembled from one sentence (and sentences that extend it)."""

    sentence: Sentence
    quote: list[str]
    casualties: list[Casualty]
    source: str | None
    dates: list[DateMention]
    places: list[PlaceMention]
    event: tuple[str, str] | None
    actor1: str | None
    actor2: str | None
    scope: str
    extra_children: Range | None = None
    extra_injured: Range | None = None
    place_override: str | None = None
    notes: list[str] = field(default_factory=list)


def _sum(ranges: list[Range]) -> Range | None:
    if not ranges:
        return None
    low = sum(r.low for r in ranges)
    high = None if any(r.high is None for r in ranges) else sum(r.high for r in ranges)  # type: ignore[misc]
    return Range(low, high)


def _figures(cas: list[Casualty]) -> tuple[Range | None, Range | None, Range | None]:
    """killed, injured, children_killed from a claim's casualty figures."""
    killed_main = [c for c in cas if c.kind == "killed" and not c.subset]
    injured_main = [c for c in cas if c.kind == "injured" and not c.subset]

    # Parts with different victim nouns add up ("19 fighters ... and eight rebels").
    def total(items: list[Casualty]) -> Range | None:
        if not items:
            return None
        seen: set[str | None] = set()
        parts: list[Range] = []
        for c in items:
            key = c.victim_word
            if key in seen and key is not None:
                continue
            seen.add(key)
            parts.append(c.fig.value)
        if len(parts) > 1 and len({c.victim_word for c in items}) < len(items):
            return items[0].fig.value
        return _sum(parts)

    killed = total(killed_main)
    injured = total(injured_main)
    children = [c.fig.value for c in cas if c.kind == "killed" and c.victim == "children"]
    child = children[0] if children else None
    if killed is None:
        subs = [c for c in cas if c.kind == "killed" and c.subset]
        if subs:
            killed = Range(subs[0].fig.value.low, None)
    return killed, injured, child


def _event_type(sentence: str, has_killed: bool, actor_side: str | None) -> tuple[str, str] | None:
    rule = _event_rule(sentence, has_killed, actor_side)
    return (rule.event_type, rule.sub_event_type) if rule else None


@lru_cache(maxsize=4096)  # asked several times per sentence (pre-check, type, weak hint, clauses)
def _event_rule(sentence: str, has_killed: bool, actor_side: str | None) -> EventRule | None:
    """The first rule (data/event_types.yaml order) that fits; captures first when nobody died."""
    rules, _ = event_rules()
    territory = [r for r in rules if r.actor_side]
    if not has_killed:
        for r in territory:
            if r.regex.search(sentence):
                state = actor_side in (None, "state")
                want = "state" if state else "nonstate"
                if r.actor_side == want:
                    return r
    for r in rules:
        if r.actor_side:
            continue
        if r.regex.search(sentence):
            return r
    return None


def _actors(
    sentence: str,
    cas: list[Casualty],
    present: list[Named] | None = None,
    speakers: list[tuple[int, int]] | None = None,
) -> tuple[str | None, str | None, str | None, list[tuple[int, int]]]:
    """(actor1, actor2, actor1's side, spans of actor mentions).

    `present`: the actors found anywhere in the article (a sentence can only hold those).
    `speakers`: spans of sources that speak here ("an Iraqi army officer said"): not actors.
    """
    named, victim_actor = actors()
    if present is not None:
        named = present
    found: list[tuple[int, int, str, str | None]] = []
    cut = re.search(r",\s+as\s+|,\s+(?:while|whereas|after|before)\s+(?!.*\d)", sentence)
    scope_text = sentence[: cut.start()] if cut else sentence
    for a in named:
        for m in a.regex.finditer(scope_text):
            found.append((m.start(), m.end(), a.name, a.kind))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str, str | None]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue
        if any(f[0] < e0 and s0 < f[1] for s0, e0 in speakers or []):
            continue
        kept.append(f)
    victim_spans = [(c.fig.start, max(c.end, c.fig.end + 12)) for c in cas]
    main_fig = next((c for c in cas if not c.subset), None)
    agents: list[tuple[int, int, str, str | None]] = []
    targets: list[tuple[int, int, str, str | None]] = []
    for k in kept:
        if k[3] == "civilians":
            continue
        in_victim = any(vs <= k[0] <= ve for vs, ve in victim_spans)
        target_like = _TARGET_BEFORE.search(sentence[max(0, k[0] - 25) : k[0]])
        (targets if in_victim or target_like else agents).append(k)
    a1 = side = None
    if agents:
        pick = agents[0]
        if main_fig is not None:
            clause_start = max(
                [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(sentence[: main_fig.fig.start])]
            )
            before = [k for k in agents if clause_start <= k[0] < main_fig.fig.start]
            pick = before[-1] if before else pick
        a1, side = pick[2], pick[3]
    a2 = next((t[2] for t in targets if t[2] != a1), None)
    if a2 is None and main_fig is not None:
        a2 = victim_actor.get(main_fig.victim or "")
    if a1 == a2:
        a2 = None
    return a1, a2, side, [(s, e) for s, e, _, _ in kept]


def _event_date(dates: list[DateMention]) -> tuple[date | None, date | None, int | None]:
    event = [d for d in dates if not d.statement and d.date_start]
    if event:
        d = event[0]
        return d.date_start, d.date_end, d.precision
    said = [d for d in dates if d.statement and d.date_start]
    if said:
        d = said[0]
        return d.date_start, d.date_end, d.precision
    return None, None, None


def extract_claims(article: Article) -> list[Claim]:
    """Every incident and aggregate claim in the article, each with its quote and source."""
    lx = _lex()
    _, incident_verbs = event_rules()
    discourse = Discourse(article.text)
    sentences = split_sentences(article.text)
    present_actors = discourse.present_actors
    if not _is_conflict_article(article.text.translate(QUOTES), present_actors):
        return []  # a factory fire or a shipwreck has deaths too, but no conflict claims
    drafts: list[_Draft] = []
    last_incident: _Draft | None = None
    article_places = _article_places(sentences)
    lead_source, lead_date = _lead_statement(sentences[:2], article, discourse)
    for sent in sentences:
        s = sent.text.translate(QUOTES)  # same length: offsets still point into the quote
        mentions = discourse.mentions(s)
        speakers = [m for m in mentions if m.speaking and m.name]
        pronoun = discourse.pronoun_speaker(s)
        # The source most tightly bound to a speech verb ("..., the Turkish military said").
        speaker = min(speakers, key=lambda m: m.gap or 0).name if speakers else pronoun
        cas = classify_figures(s)
        if not cas and not incident_verbs.search(s) and _event_rule(s, False, None) is None:
            discourse.remember(mentions, speaker)  # nothing happened here: only who spoke matters
            continue
        # A person speaking for a force ("an Iraqi army officer said") is not an actor; a force
        # speaking for itself ("the SDF said they had captured ...") is.
        voices = [(m.start, m.end) for m in speakers if m.person]
        a1, a2, side, actor_spans = _actors(s, cas, present_actors, voices)
        skip = [(m.start, m.end) for m in mentions] + actor_spans
        places = find_places(s, skip)
        dates = find_dates(s, article.published)
        hedged = bool(lx.hedges.search(s))
        has_killed = any(c.kind == "killed" for c in cas)
        event = _event_type(s, has_killed, side)

        # 1. Sentences that only extend the previous claim.
        if last_incident is not None and sent.index - last_incident.sentence.index <= 3:
            if _extends(s, sent.text, cas, dates, places, event, speakers, last_incident):
                if not cas and speaker and speaker != last_incident.source:
                    # Another source on the same incident ("SANA said the school in X had been
                    # targeted"): its own claim, with the incident's type and date.
                    twin = _Draft(
                        sent,
                        [sent.text],
                        [],
                        speaker,
                        last_incident.dates,
                        places,
                        last_incident.event,
                        a1,
                        a2,
                        "incident",
                    )
                    drafts.append(twin)
                discourse.remember(mentions, speaker)
                continue
        discourse.remember(mentions, speaker)
        if not cas:
            # 2. An incident with no figure: "A mill was bombed on Wednesday"; a capture or an
            # abduction of a named place's people needs no date ("rebels took the town of X").
            day = [d for d in dates if not d.statement and d.date_start and d.precision == 1]
            target = most_specific(places)
            named = target is not None and target.rank <= 2
            seizing = event is not None and event[1] in _NAMED_TARGET_TYPES
            if (
                event
                and incident_verbs.search(s)
                and not hedged
                and (places or article_places)
                and ((day and (named or not lx.aggregate.search(s))) or (seizing and named))
            ):
                d = _Draft(sent, [sent.text], [], speaker, dates, places, event, a1, a2, "incident")
                drafts.append(d)
                last_incident = d
            continue
        if hedged and _hedge_governs(s, cas):
            continue
        if (lx.background.search(s) or _WHOLE_WAR.search(s) or _long_ago(s, article)) and not any(
            d.precision == 1 and not d.statement for d in dates
        ):
            continue
        # 3. Group figures by attribution clause: "X said 17 were killed, Y said 12".
        groups = _group_by_source(s, cas, speakers, speaker)
        for src, group in groups:
            scope = "aggregate" if _is_aggregate(s, dates) else "incident"
            if all(c.subset for c in group) and last_incident is not None and scope == "incident":
                _add_subset(last_incident, group, sent.text)
                continue
            d = _Draft(sent, [sent.text], group, src, _clause_dates(s, dates, group, scope), places, event,
                       a1, a2, scope)
            drafts.append(d)
            if scope == "incident":
                last_incident = d
        # 4. A clause without figures beside one with them: "Turkish warplanes destroyed five
        # buildings, while coalition jets killed 28 of the jihadists, it said" -> two incidents.
        for clause_start, clause in _clauses(s):
            if any(clause_start <= c.fig.start < clause_start + len(clause) for c in cas):
                continue
            c_event = _event_type(clause, False, None)
            if c_event and incident_verbs.search(clause) and not lx.hedges.search(clause):
                c_places = [p for p in places if clause_start <= p.start < clause_start + len(clause)]
                c_a1, c_a2, _, _ = _actors(clause, [], present_actors)
                drafts.append(
                    _Draft(sent, [sent.text], [], speaker, dates, c_places, c_event, c_a1, c_a2, "incident")
                )
    claims = [_finish(d, article, article_places) for d in drafts]
    disaster = _marker_res()[2]
    _inherit_dates(drafts, claims)
    _inherit_type_and_place(drafts, claims)
    # Deaths from a flood or a fire in a conflict story are not conflict claims.
    keep = [
        not (c.scope == "incident" and c.event_type is None and disaster.search(d.sentence.text))
        for d, c in zip(drafts, claims, strict=True)
    ]
    drafts = [d for d, k in zip(drafts, keep, strict=True) if k]
    claims = [c for c, k in zip(claims, keep, strict=True) if k]
    for c in claims:
        # A daily round-up with no date of its own: the day its source spoke in the lead.
        if c.scope == "incident" and c.date_start is None and lead_date and c.claimed_by == lead_source:
            c.date_start = c.date_end = lead_date
            c.time_precision = 1
            c.claim_id = c.make_id()
    return claims


_DEFINITE_EVENT = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+|latest\s+)?(?:raid|raids|strike|strikes|air\s?strikes?|attack|bombing"
    r"|blast|explosion|bombardment|assault|battle|fighting|clashes|shelling|ambush)\b",
    re.IGNORECASE,
)
_REVISED_TOLL = re.compile(
    r"\b(?:raised|revised|updated|lifted)\s+(?:its|the|their|his|her)\s+(?:\w+\s+)?(?:toll|tally|count)\b",
    re.IGNORECASE,
)


def _inherit_dates(drafts: list[_Draft], claims: list[Claim]) -> None:
    """An incident sentence with no day of its own that goes on about the incident before it
    ("Doctors in the town put the toll higher", "the raids", "hours later") happened that day.
    A sentence naming a new place, or saying "separately"/"elsewhere", is a new incident."""
    same_day, new_incident, _ = _marker_res()
    prev: tuple[_Draft, Claim] | None = None
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident":
            continue
        text = d.sentence.text
        own = [x for x in d.dates if not x.statement and x.date_start]
        said_only = not own and any(x.statement and x.date_start for x in d.dates)
        if own and prev is not None and _REVISED_TOLL.search(text):
            # "Later on Tuesday, the Observatory raised its toll to 23": the day of the revision.
            own = [x for x in own if x.text.endswith(("'s", "’s"))]
            said_only = True
        if prev is not None and not own and prev[1].date_start is not None:
            p_draft, p_claim = prev
            p_text = " ".join(p_draft.quote).lower()
            new_place = any(pl.rank <= 2 and pl.name.lower() not in p_text for pl in d.places) or bool(
                d.place_override and d.place_override.lower() not in p_text
            )
            follow = bool(same_day.search(text)) or (not new_place and not new_incident.search(text))
            rising = bool(re.search(r"\b(?:toll|tally)\b", text, re.IGNORECASE))
            refers = bool(_DEFINITE_EVENT.search(text))
            follow = follow or (refers and not new_incident.search(text))
            if follow and (not said_only or rising or refers):
                c.date_start, c.date_end, c.time_precision = p_claim.date_start, p_claim.date_end, 1
                c.claim_id = c.make_id()
        if c.date_start is not None:
            prev = (d, c)


def _same_story(d: _Draft, c: Claim, p_draft: _Draft, p_claim: Claim) -> bool:
    """Does this claim go on about the previous incident without a more exact place of its own?"""
    if p_claim.location is None or d.sentence.index - p_draft.sentence.index > 3:
        return False
    if c.date_start is not None and c.date_start != p_claim.date_start:
        return False  # another day, or a dated report after an undated one
    if c.sub_event_type and p_claim.sub_event_type and c.sub_event_type != p_claim.sub_event_type:
        return False
    own = most_specific(d.places)
    prev = most_specific(p_draft.places)
    if own is not None and (prev is None or own.rank <= prev.rank):
        return False  # it names a place as exact as the previous one: maybe another incident
    return not _marker_res()[1].search(d.sentence.text)


@lru_cache(maxsize=1)
def _marker_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(same-day, new-incident, disaster) word regexes from the lexicon, compiled once."""
    lx = lexicon()
    return (
        words_re(lx["same_day_markers"]),
        words_re(lx["new_incident_markers"]),
        words_re(lx.get("disaster_words", ["flood"])),
    )


def _weak_event(sentence: str) -> bool:
    rule = _event_rule(sentence.translate(QUOTES), False, None)
    return rule is not None and rule.weak


def _inherit_type_and_place(drafts: list[_Draft], claims: list[Claim]) -> None:
    """A toll with no event word of its own, just after an incident on the same day, is about
    that incident ("Yemen's health ministry gave a lower toll of 82 dead"): same type, and its
    place when it names none."""
    prev: tuple[_Draft, Claim] | None = None
    for d, c in zip(drafts, claims, strict=True):
        if c.scope != "incident":
            continue
        weak = c.event_type is not None and _weak_event(d.sentence.text)
        if prev is not None and c.location != prev[1].location and _same_story(d, c, *prev):
            # A second source or a new toll for the incident just told, naming only its city (or
            # nothing): the incident's own, more exact place.
            c.location = prev[1].location
            c.claim_id = c.make_id()
        if prev is not None and (c.event_type is None or weak):
            p_draft, p_claim = prev
            close = d.sentence.index - p_draft.sentence.index <= 3 or bool(
                _DEFINITE_EVENT.search(d.sentence.text)
                or re.search(r"\bthe (?:death )?toll\b", d.sentence.text, re.I)
            )
            same_day = c.date_start is None or c.date_start == p_claim.date_start
            if close and same_day and p_claim.event_type:
                c.event_type, c.sub_event_type = p_claim.event_type, p_claim.sub_event_type
                if not d.places and c.location in (None, p_claim.location) and p_claim.location:
                    c.location = p_claim.location
                c.claim_id = c.make_id()
        if c.event_type is not None:
            prev = (d, c)


def _lead_statement(
    lead: list[Sentence], article: Article, discourse: Discourse
) -> tuple[str | None, date | None]:
    """Who spoke in the lead and on which day ("Turkey's military said on Wednesday")."""
    probe = discourse  # called before any sentence is remembered; mentions() only reads
    for sent in lead:
        text = sent.text.translate(QUOTES)
        said = [d for d in find_dates(text, article.published) if d.statement and d.date_start]
        speakers = [m for m in probe.mentions(text) if m.speaking and m.name]
        if said and speakers:
            before = [m for m in speakers if m.start < said[0].start] or speakers
            return before[-1].name, said[0].date_start
    return None, None


def _is_major_city(name: str) -> bool:
    from conflictwatch.extract.places import _stop

    return name.lower() in _stop()[3]


_NAMED_TARGET_TYPES = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Abduction/forced disappearance",
}
_YEARS_AGO = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+(?:after|ago|before|earlier)"
    r"|a year (?:ago|earlier|before))\b|\bin\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas)\s+|;\s+")


def _clauses(s: str) -> list[tuple[int, str]]:
    """(offset, text) of the clauses of a sentence split at ', while' and ';' (one clause: [])."""
    cuts = [m for m in _CLAUSE_BREAK.finditer(s)]
    if not cuts:
        return []
    out, start = [], 0
    for m in cuts:
        out.append((start, s[start : m.start()]))
        start = m.end()
    out.append((start, s[start:]))
    return out


def _clause_dates(
    s: str, dates: list[DateMention], group: list[Casualty], scope: str
) -> list[DateMention]:
    """The dates that belong to these figures: "forces pushed in on Wednesday, while a monitor
    said 15 died in a strike a day earlier" -> the strike is the day before. For one incident,
    "since Friday" bounds a period, it is not the day of the event."""
    if scope == "incident":
        kept = [d for d in dates if not re.search(r"\b(?:since|until|till)\s+$", s[: d.start])]
        dates = kept or dates
    parts = _clauses(s)
    if not parts or not group:
        return dates
    pos = group[0].fig.start
    for start, clause in parts:
        if start <= pos < start + len(clause):
            own = [d for d in dates if start <= d.start < start + len(clause) and not d.statement]
            if own:
                return own + [d for d in dates if d.statement]
    return dates


def _long_ago(s: str, article: Article) -> bool:
    """Background from another year ("three years after the collapse", "in 2013")."""
    for m in _YEARS_AGO.finditer(s):
        year = m.group("year")
        if year is None or article.published is None or int(year) < article.published.year:
            return True
    return False


def _is_conflict_article(flat: str, present_actors: list[Named]) -> bool:
    """Conflict claims need a conflict: an armed actor or a violent-event keyword in the article."""
    if any(a.kind not in ("civilians", None) for a in present_actors):
        return True
    return bool(_conflict_cues().search(flat))


@lru_cache(maxsize=1)
def _conflict_cues() -> re.Pattern[str]:
    return words_re(lexicon()["conflict_cues"])


def _article_places(sentences: list[Sentence]) -> list[str]:
    """The main places of the article, most mentioned first (context for the geocoder)."""
    counts: dict[str, int] = {}
    for sent in sentences[:12]:
        for p in find_places(sent.text):
            base = re.sub(r"^(?:north|south|east|west)\w*\s+|\s+countryside$|\s+province$", "", p.name)
            counts[base] = counts.get(base, 0) + 1
    return [k for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _hedge_governs(s: str, cas: list[Casualty]) -> bool:
    """A hedge word before the figure in its clause ("could kill thousands", "denied killing 30")."""
    lx = _lex()
    for c in cas:
        start = max(0, c.fig.start - 80)
        window = s[start : c.fig.end + 40]
        for m in lx.hedges.finditer(window):
            text = m.group(0).lower()
            if text in ("if", "unless", "may", "will") and m.start() + start > c.fig.end:
                continue
            return True
    return False


_WHOLE_WAR = re.compile(
    r"\b(?:war|conflict|insurgency|uprising|civil war)\b,[^,]{0,60},\s+"
    r"(?:has|had|have)\s+(?:killed|left|claimed)",
    re.I,
)
_WEAK_PERIOD = re.compile(r"\b(?:this|last) week\b|\bover the weekend\b|\bat the weekend\b|\bsince\b", re.I)
_ONE_EVENT = re.compile(
    r"\b(?:toll|number (?:of (?:people |those )?)?(?:killed|dead))\s+(?:from|in|of)\s+"
    r"(?:the|a|an|this|that|[A-Z]\w+'s)\s+"
    r"(?:[\w-]+\s+){0,2}(?:attack|strike|air strike|bombing|blast|explosion|raid|ambush|massacre|car bomb)\b"
    r"|\b(?:killed|dead)\s+(?:by|in)\s+(?:the|a|an|[A-Z]\w+'s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:attack|strike|air strike|bombing|blast|explosion|raid|ambush|massacre|car bomb)\b",
    re.I,
)


_SUPERLATIVE = re.compile(
    r"\b(?:one of )?the (?:deadliest|worst|bloodiest|biggest|largest|heaviest|fiercest|most \w+)\b[^,.;]*",
    re.IGNORECASE,
)
_PAST_PERIOD = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?:past|last|previous|preceding)\s+(?:[\w-]+\s+)?"
    r"(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    r"\b(?:in|during|throughout|for)\s+(?:the month of\s+)?"
    r"(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b(?!\s+\d)",
)


def _is_aggregate(s: str, dates: list[DateMention]) -> bool:
    lx = _lex()
    # "the deadliest attack this year", "the fiercest exchange since 2014" compare; they bound nothing.
    s = _SUPERLATIVE.sub(" ", s)
    if _MONTH_ONLY.search(s) or _PAST_PERIOD.search(s):
        return True  # "killed ... across Iraq in June", "in the past five days"
    markers = [m.group(0) for m in lx.aggregate.finditer(s)]
    if markers and all(_WEAK_PERIOD.fullmatch(m) for m in markers) and _ONE_EVENT.search(s):
        # "the toll from the attack near Azaz this week climbed to 29": one incident's toll.
        return False
    if markers:
        return True
    if any(d.precision == 2 for d in dates if not d.statement):
        return False
    day = [d for d in dates if not d.statement and d.date_start]
    perfect = re.search(r"\b(?:has|have)\s+(?:now\s+)?(?:killed|left|claimed)\b", s, re.IGNORECASE)
    past_24 = re.search(r"\b(?:past|last)\s+(?:24|48|72)\s+hours\b", s, re.IGNORECASE)
    return bool((perfect or past_24) and not day)


def _group_by_source(
    s: str, cas: list[Casualty], speakers: list[SourceMention], default: str | None
) -> list[tuple[str | None, list[Casualty]]]:
    names = []
    for sp in speakers:
        if sp.name not in names:
            names.append(sp.name)
    if len(names) <= 1:
        return [(names[0] if names else default, cas)]
    # Several sources: each figure goes to the source named in its own clause, else the nearest.
    groups: dict[str | None, list[Casualty]] = {}
    starts = (
        [0]
        + [m.end() for m in _CLAUSE_SPLIT.finditer(s)]
        + [m.end() for m in re.finditer(r",\s+(?=[A-Z])", s)]
    )
    starts = sorted(set(starts))
    for c in cas:
        ci = _clause(starts, c.fig.start)
        same = [sp for sp in speakers if _clause(starts, sp.start) == ci]
        pick = same[0] if same else min(speakers, key=lambda sp: abs(sp.start - c.fig.start))
        groups.setdefault(pick.name, []).append(c)
    return list(groups.items())


def _extends(
    s: str,
    raw: str,
    cas: list[Casualty],
    dates: list[DateMention],
    places: list[PlaceMention],
    event: tuple[str, str] | None,
    speakers: list[SourceMention],
    last: _Draft,
) -> bool:
    """Fold a follow-up sentence into the previous incident claim; True if it did."""
    event_dates = [d for d in dates if not d.statement]
    if cas:
        # "That included five children, it said." / "Twenty-two rebels were wounded."
        if any(sp.name and sp.name != last.source for sp in speakers):
            return False
        last_day = _event_date(last.dates)[0]
        if all(c.subset for c in cas) and all(d.date_start in (None, last_day) for d in event_dates):
            # "Three children were among those killed at the market in al-Fardous on Tuesday":
            # a breakdown of the toll just given, which may also name the spot more exactly.
            spec, cur = most_specific(places), most_specific(last.places)
            if spec is not None and (cur is None or spec.rank < cur.rank) and not last.place_override:
                last.place_override = spec.name
            _add_subset(last, cas, raw)
            return True
        if event_dates or places:
            return False
        if _lex().aggregate.search(s):
            return False
        if all(c.subset for c in cas) or (
            all(c.kind == "injured" for c in cas)
            and not any(c.kind == "injured" for c in last.casualties)
            and event is None
        ):
            _add_subset(last, cas, raw)
            return True
        return False
    # "The attack hit the city's al-Marjeh area." / "...the school in the al-Suleimaniya area..."
    spec = most_specific(places)
    cur = most_specific(last.places)
    if spec is None or (cur is not None and spec.rank >= cur.rank):
        return False
    if event_dates and last.dates and event_dates[0].date_start != _event_date(last.dates)[0]:
        return False
    if not event_rules()[1].search(s):
        return False
    refers = _REFERS_BACK.match(s) or _DEFINITE_EVENT.search(s)
    fac = _FACILITY.search(s)
    shared = fac and re.search(rf"\b{fac.group(1)}\b", " ".join(last.quote), re.IGNORECASE)
    if refers or shared:
        last.place_override = spec.name
        last.quote.append(raw)
        return True
    return False


def _add_subset(last: _Draft, cas: list[Casualty], raw: str) -> None:
    kids = [c for c in cas if c.victim == "children" and c.kind == "killed"]
    if any(c.fig.exact_number for c in kids):
        kids = [c for c in kids if c.fig.exact_number]
    children = [c.fig.value for c in kids]
    if children:
        last.extra_children = _sum(children)
    injured = [c.fig.value for c in cas if c.kind == "injured"]
    if injured:
        last.extra_injured = injured[0]
    last.quote.append(raw)


def _victim_adjusted(event: tuple[str, str] | None, d: _Draft) -> tuple[str, str] | None:
    """Who died decides between a clash and an attack on civilians: soldiers killed in an
    assault are a battle; villagers killed with no fight named are violence against civilians."""
    main = [c for c in d.casualties if c.kind == "killed" and not c.subset]
    if not main or event is None:
        return event
    victims = {c.victim for c in main}
    if event == ("Violence against civilians", "Attack") and victims <= {"combatants"}:
        return ("Battles", "Armed clash")
    civilian_words = ("civilians", "civilian", "villagers", "worshippers", "children")
    weak_clash = event == ("Battles", "Armed clash") and _weak_event(d.sentence.text)
    if weak_clash and victims <= {"people", "children"}:
        if any(c.victim_word in civilian_words for c in main):
            return ("Violence against civilians", "Attack")
    return event


def _air_actor(d: _Draft, article: Article) -> str | None:
    """Who flies: an air strike's perpetrator is a state or coalition air force. A rebel or
    jihadist named in the sentence is not it; the headline ("Saudi-led air strike on Sanaa...")
    may name who is."""
    sides = {a.name: a.kind for a in actors()[0]}
    if d.actor1 and sides.get(d.actor1) == "state":
        return d.actor1
    title = (article.title or "").translate(QUOTES)
    for a in actors()[0]:
        if a.kind == "state" and a.regex.search(title):
            return a.name
    return None


def _finish(d: _Draft, article: Article, article_places: list[str]) -> Claim:
    d.event = _victim_adjusted(d.event, d)
    if d.event is not None and d.event[1] == "Air/drone strike":
        d.actor1 = _air_actor(d, article)
    killed, injured, children = _figures(d.casualties)
    if d.extra_children and children is None:
        children = d.extra_children
    if d.extra_injured and injured is None:
        injured = d.extra_injured
    if children is not None and killed is None:
        killed = Range(children.low, None)
    start, end, precision = _event_date(d.dates)
    if d.scope == "aggregate":
        ev_dates = [x for x in d.dates if not x.statement and x.date_start]
        start = ev_dates[0].date_start if ev_dates else None
        end = ev_dates[-1].date_end if ev_dates else None
        precision = 3 if start else None
    spec = most_specific(d.places)
    location = d.place_override or (spec.name if spec else None)
    if location is None and d.scope == "incident" and article_places and _is_major_city(article_places[0]):
        location = article_places[0]  # the city the article is about
    context = [p.name for p in d.places if p.name != location] + [p for p in article_places if p != location]
    confidence = 0.4
    confidence += 0.15 if d.source else 0.05
    confidence += 0.15 if start else 0.0
    confidence += 0.15 if location else 0.0
    confidence += 0.1 if killed or injured else 0.0
    confidence += 0.05 if d.event else 0.0
    return Claim(
        article_id=article.article_id or "",
        article_title=article.title,
        quote=" ".join(d.quote),
        scope=d.scope,  # type: ignore[arg-type]
        event_type=d.event[0] if d.event else None,
        sub_event_type=d.event[1] if d.event else None,
        date_start=start,
        date_end=end,
        time_precision=precision,
        location=location,
        place_context=context[:6],
        actor1=d.actor1,
        actor2=d.actor2,
        killed=killed,
        injured=injured,
        children_killed=children,
        claimed_by=d.source,
        reported_by=article.publisher,
        confidence=round(min(confidence, 0.95), 2),
        sentence_index=d.sentence.index,
    )
