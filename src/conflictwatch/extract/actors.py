"""Who did it and to whom: actor1/actor2 from the actors an article names (data/actors.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from conflictwatch.extract.figures import CLAUSE_SPLIT, Casualty
from conflictwatch.extract.quotes import straight_quotes
from conflictwatch.extract.rules import Named, actors, lexicon, load_data
from conflictwatch.geo.cues import adjective, cues_table
from conflictwatch.geo.gazetteer import country_name
from conflictwatch.geo.normalize import name_key
from conflictwatch.models import Article

if TYPE_CHECKING:
    from conflictwatch.extract.draft import Draft

_TARGET_BEFORE = re.compile(
    r"\b(?:targeted|targeting|attacked|attacking|against|hit|hitting|killed|killing|struck|bombed|shelled"
    r"|destroyed|destroying|(?:fired|firing|shot|shooting|launched|aimed)\s+(?:[\w-]+\s+){0,3}?at"
    r"|(?:opened|opening)\s+fire\s+(?:on|at)"
    r"|fighting|battling|ambushed|ambushing|raided|stormed|engaged|clashed with|fought|with"
    r"|(?<!blamed\sthe\s)(?<!blames\sthe\s)(?:strikes?|attacks?|raids?|assaults?|ambush(?:es)?|bombing|shelling|offensive)\s+on"
    # ("seized the town of El Dhere from al-Shabaab": who lost it)
    r"|(?:seized|captured|retook|recaptured|regained|wrested|liberated)\b[^,.;]{0,60}?\bfrom)"
    # (not across a conjunction: "killed when gunmen attacked")
    # ("targeting a Jubaland police patrol": an article and a place's name before the force)
    r"\s+(?:(?:the|an?)\s+)?(?:(?!(?:when|as|after|while|before|and|but|by|in|during|from)\s)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_OWN_AFTER = re.compile(r"\s+(?:of\s+)?(?:its|their|our)\b", re.IGNORECASE)  # "five of their fighters"
_CLAUSE_CUT = re.compile(r"[,;]\s")
_ALLY_BEFORE = re.compile(r"\b(?:alongside|backed by|supported by|with the support of)\s+(?:the\s+)?$", re.I)
_OWN_BEFORE = re.compile(r"\b(?:its|their|our)\s+$", re.IGNORECASE)  # "its two soldiers"
# "two soldiers", "three more soldiers": no words of another side ("six junta soldiers")
_PLAIN_GAP = re.compile(r"\s*(?:(?:more|other|further|additional|serving|security|police|army)\s+)*",
                        re.IGNORECASE)
_SELF_AGENT = re.compile(r"\s+(?:said|says|claimed|told\s+\w+)\s+(?:that\s+)?(?:they|it|we)\b", re.IGNORECASE)


def own_losses(sentence: str, cas: list[Casualty], speakers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The speakers before the figures that tell of their own dead ("The Pakistani military said
    three soldiers were martyred", "the SDF said five of their fighters were killed"): the target."""
    dead = [c for c in cas if c.kind == "killed" and not c.subset]
    out: list[tuple[int, int]] = []
    for start, end in speakers:
        if not dead or end > dead[0].fig.start:
            continue
        said = sentence[start:end]
        words = [w for key, w in _own_dead_words() if key.search(said)]
        if _SELF_AGENT.match(sentence, end):
            continue  # "resistance forces said they had killed six junta soldiers"
        if all(_OWN_AFTER.match(sentence, c.fig.end) or _OWN_BEFORE.search(sentence, 0, c.fig.start)
               or (any((c.victim_word or "").lower() in w for w in words) and _PLAIN_GAP.fullmatch(
                   sentence, c.fig.end, max(c.fig.end, c.end - len(c.victim_word or ""))))
               for c in dead):
            # (the whole phrase of the teller: "A member of the Civilian Joint Task Force (CJTF) said")
            out.append((max([0, *(m.end() for m in _CLAUSE_CUT.finditer(sentence, 0, start))]), end))
    return out


@lru_cache(maxsize=1)
def _own_dead_words() -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """(the words that name a kind of force, the words for its dead) of lexicon.yaml `own_dead`."""
    return [(re.compile(rf"\b(?:{key})\b", re.IGNORECASE), frozenset(w.lower() for w in words))
            for key, words in lexicon()["own_dead"].items()]


def find_actors(
    sentence: str,
    cas: list[Casualty],
    present: list[Named] | None = None,
    speakers: list[tuple[int, int]] | None = None,
    own: list[tuple[int, int]] | None = None,
) -> tuple[str | None, str | None, str | None, list[tuple[int, int]]]:
    """(actor1, actor2, actor1's side, spans of actor mentions).

    `present`: the actors found anywhere in the article (a sentence can only hold those).
    `speakers`: spans of sources that speak here ("an Iraqi army officer said"): not actors.
    `own`: spans of forces that tell of their own dead (`own_losses`): the target side.
    """
    named, victim_actor = actors()
    if present is not None:
        named = present
    found: list[tuple[int, int, str, str | None]] = []
    cut = re.search(r",\s+as\s+|,\s+(?:while|whereas|after|before)\s+(?!.*\d)", sentence)
    scope_text = sentence[: cut.start()] if cut else sentence
    lower = scope_text.lower()
    for a in named:
        if not a.may_occur(lower):
            continue  # a word test first (rules.Named.literals): most sentences name few of them
        for m in a.regex.finditer(scope_text):
            found.append((m.start(), m.end(), a.name, a.kind))
    found += _nation_forces(scope_text)
    found = [_own_country(scope_text, f) for f in found]
    unknown: set[int] = set()  # starts of groups kept as written
    for m in _NAMED_GROUP.finditer(scope_text):
        # An armed group the data files do not know, kept as written ("Jalisco New Generation
        # Cartel", "Yesagyo Revolution Group"): longer than any generic word it contains.
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0))
        if len(name.split()) >= 2:
            side = "state" if _STATE_FORCE.match(name) else "rebels"  # "Philippine Army" is a state's
            found.append((m.start(), m.end(), name, side))
            unknown.add(m.start())
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str, str | None]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue
        if any(f[0] < e0 and s0 < f[1] for s0, e0 in speakers or []):
            continue
        if _FOUND_AFTER.match(scope_text, f[1]):
            continue  # "police found the bodies of nine men": who found the dead did not kill them
        if _SPOKESMAN_AFTER.match(scope_text, f[1]):
            continue  # "Houthi military spokesman Yahya Saree said": the group speaks here
        kept.append(f)
    kept = _named_fighters(scope_text, kept)
    # "strikes on Islamic State positions ..., killing 12 militants": "militants" or "jihadists"
    # alone are the one armed group the sentence names (with two named, they could be either;
    # "rebels" and "gunmen" are no back-reference to a group of jihadists)
    # "AQAP militants": a name the data do not hold is written before them; they are its own.
    bare = [k for k in kept if _BARE_FIGHTERS.fullmatch(scope_text, k[0], k[1])
            and not _NAME_BEFORE.search(scope_text, 0, k[0])]
    groups = {k[2]: k for k in kept if k[3] in _NON_STATE and k not in bare and k[0] not in unknown
              and not k[2].startswith(_UNIDENTIFIED)}
    if bare and len(groups) == 1:
        (group, (_, _, _, side)), = groups.items()
        kept = [(k[0], k[1], group, side) if k in bare else k for k in kept]
    victim_spans = [(c.fig.start, max(c.end, c.fig.end + 12, _members_of_end(sentence, c))) for c in cas]
    main_fig = next((c for c in cas if not c.subset), None)
    agents: list[tuple[int, int, str, str | None]] = []
    targets: list[tuple[int, int, str, str | None]] = []
    for k in kept:
        if k[3] == "civilians" or _ALLY_BEFORE.search(sentence, max(0, k[0] - 30), k[0]):
            continue  # (nor "fighting alongside the troops": an ally, neither side here)
        in_victim = any(vs <= k[0] <= ve for vs, ve in victim_spans)
        target_like = _TARGET_BEFORE.search(sentence[max(0, k[0] - 80) : k[0]])  # room for "blamed the"
        # "outside a police station", "a police mobile", "an army base": a force's building or car
        # is where it was hit, never who struck
        target_like = target_like or _FACILITY_AFTER.match(sentence, k[1])
        told_own = any(k[0] < e0 and s0 < k[1] for s0, e0 in own or [])
        (targets if in_victim or target_like or told_own else agents).append(k)
    a1 = side = None
    if agents:
        pick = agents[0]
        if main_fig is not None:
            clause_start = max(
                [0] + [m.end() for m in CLAUSE_SPLIT.finditer(sentence[: main_fig.fig.start])]
            )
            before = [k for k in agents if clause_start <= k[0] < main_fig.fig.start]
            pick = before[-1] if before else pick
        a1, side = pick[2], pick[3]
    a2 = next((t[2] for t in targets if t[2] != a1), None)
    if a2 is None and main_fig is not None:
        a2 = victim_actor.get(main_fig.victim or "")
    if a1 == a2:
        a2 = None
    if a1 is None and a2 is not None:
        # "Two terrorists were killed in an encounter with security forces", "12 soldiers died in
        # clashes with Boko Haram": the dead are one side, who they fought the other
        foe = next((t for t in targets if t[2] != a2 and not any(vs <= t[0] <= ve for vs, ve in victim_spans)
                    and _FOUGHT_BEFORE.search(sentence, max(0, t[0] - 30), t[0])), None)
        if foe is not None:
            a1, side = foe[2], foe[3]
    return a1, a2, side, [(s, e) for s, e, _, _ in kept]


# "killed four members of the Kurdish security forces": the force the dead belonged to is the target
_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:(?!(?:in|near|at|on|by|when|after|during|and|who|which)\b)[\w'’-]+\s*){1,4}",
                         re.IGNORECASE)
_MEMBER_WORDS = frozenset({"members", "member", "fighters", "officers", "personnel", "elements", "soldiers",
                           "troops", "militants", "men", "commanders", "leaders", "agents", "staff"})


def _members_of_end(sentence: str, c: Casualty) -> int:
    """Where "of the X" after a victim noun of membership ends (the figure's end if none)."""
    if (c.victim_word or "") not in _MEMBER_WORDS:
        return c.fig.end
    m = _MEMBERS_OF.match(sentence, max(c.end, c.fig.end))
    return m.end() if m else c.fig.end


_FOUND_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:found|discovered|recovered|retrieved|exhumed|identified|collected)\s+(?:the\s+)?"
    r"(?:bodies|body|remains|corpses?)\b", re.IGNORECASE)
_FACILITY_AFTER = re.compile(
    r"\s+(?:station|stations|post|posts|outpost|outposts|headquarters|checkpoint|checkpoints|mobile|vehicle"
    r"|vehicles|van|truck|car|compound|building|academy|barracks|base|bases|camp|camps)\b", re.IGNORECASE)
_SPOKESMAN_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|press office|media office)\b",
    re.IGNORECASE)
_FOUGHT_BEFORE = re.compile(
    r"\b(?:with|against|fighting|battling|fought)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_UNIDENTIFIED = "Unidentified Armed Group"
_STATE_GENERIC = re.compile(r"^(Military Forces|Police Forces)(?: of .+)?$")
_WORD_BEFORE = re.compile(r"([A-Z][\w.'’-]*)\s+$")


def _own_country(text: str, f: tuple[int, int, str, str | None]) -> tuple[int, int, str, str | None]:
    """ "Kenyan troops", "Somali government forces": a state's forces named by their nationality
    are that state's, whatever country the article is mostly about."""
    m = _STATE_GENERIC.match(f[2]) if f[3] == "state" else None
    before = _WORD_BEFORE.search(text, max(0, f[0] - 30), f[0]) if m else None
    if m is None or before is None:
        return f
    cc = cues_table().names.get(name_key(before.group(1)))
    country = country_name(cc) if cc else None
    return (f[0], f[1], f"{m.group(1)} of {country}", f[3]) if country else f


# "A Russian strike", "a Russian Shahed drone", "Pakistani forces", "A Malian army drone strike": a
# state's forces or weapons named by the country's adjective (data/country_cues.yaml), for every
# country (data/actors.yaml names some more ways per country). Only the country's own adjective:
# "Tigrayan forces" are no Ethiopian army.
_FORCE_NOUNS = (r"forces|troops|army|military|soldiers|air force|jets|warplanes|aircraft|planes|bombers"
                r"|helicopters|gunships|strikes?|air ?strikes?|air raids?|raids?|drones?|drone strikes?"
                r"|missiles?|missile strikes?|rockets?|shelling|shells|artillery|tanks?|navy|snipers?"
                r"|bombardment|servicem[ae]n|sepoys?|attacks|offensive|bombs?")
# "Two Russian ballistic missiles", "a Russian guided bomb", "Iranian kamikaze drones"
_WEAPON_ADJ = (r"(?:(?:ballistic|cruise|guided|hypersonic|glide|aerial|heavy|kamikaze|suicide|explosive"
               r"|combat)\s+)")
# "Israel carried out air strikes", "Russia launched 40 missiles": the state, by its name, struck
_STRUCK = (r"(?:has\s+|had\s+)?(?:carried\s+out|launched|struck|fired|shelled|bombed|pounded|targeted"
           r"|attacked)\b")


@lru_cache(maxsize=1)
def _nation_force_re() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_data("country_cues.yaml") or {}
    own = {}
    for cc in data:
        adj = adjective(cc)
        name = country_name(cc)
        if adj and name and name != cc and cc not in _NO_STATE_FORCES:
            own[adj.lower()] = name
    words = "|".join(sorted((re.escape(a) for a in own), key=len, reverse=True))
    names = {country_name(cc).lower(): country_name(cc) for cc in data
             if country_name(cc) and country_name(cc) != cc and cc not in _NO_STATE_FORCES}
    own.update(names)
    states = "|".join(sorted((re.escape(n) for n in names.values()), key=len, reverse=True))
    rx = re.compile(rf"\b(?P<nat>{words})\s+"
                    rf"(?:(?P<mid>military|army|air force|(?-i:[A-Z])[\w-]+)\s+)?{_WEAPON_ADJ}{{0,2}}"
                    rf"(?P<noun>{_FORCE_NOUNS})\b"
                    # (not "a missile fired from Yemen struck": the place it came from)
                    rf"|(?<!from\s)(?<!in\s)(?<!into\s)(?<!at\s)(?<!on\s)(?<!over\s)(?<!of\s)(?<!to\s)"
                    rf"(?<![\w'’-])(?P<state>(?-i:{states}))(?=\s+{_STRUCK})", re.IGNORECASE)
    return rx, own


# "Palestinian rockets" are armed groups' ("Palestinian forces" too vague)
_NO_STATE_FORCES = frozenset({"PS"})


def _nation_forces(text: str) -> list[tuple[int, int, str, str | None]]:
    rx, own = _nation_force_re()
    out: list[tuple[int, int, str, str | None]] = []
    for m in rx.finditer(text):
        if m.group("state"):
            out.append((m.start(), m.end(), f"Military Forces of {own[m.group('state').lower()]}", "state"))
            continue
        name = m.group("mid") and m.group("mid")[:1].isupper() and m.group("noun")[:1].isupper()
        if name:
            continue  # "Syrian Democratic Forces", "Somali National Army": a name, as written
        if m.group("nat")[:1].isupper() and not _SPEAKS_AFTER.match(text, m.end()) \
                and not re.search(r"\baccording to\s+(?:the\s+)?$", text[max(0, m.start() - 20) : m.start()]):
            out.append((m.start(), m.end(), f"Military Forces of {own[m.group('nat').lower()]}", "state"))
    return out


# "the Ukrainian air force said": who speaks, not who struck
_SPEAKS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:said|says|reported|claimed|stated|announced|added|told"
                           r"|put the|puts the|gave a|gave the)\b")
_NON_STATE = ("rebels", "jihadists")


def _named_fighters(text: str, kept: list[tuple[int, int, str, str | None]]
                    ) -> list[tuple[int, int, str, str | None]]:
    """ "Al-Shabaab militants", "ADF rebels": the generic word after a group's name is that group's
    fighters (it made them an unidentified armed group, which then struck)."""
    out: list[tuple[int, int, str, str | None]] = []
    for k in kept:
        generic = k[2].startswith(_UNIDENTIFIED) or _BARE_TROOPS.fullmatch(text, k[0], k[1])
        if out and generic and not out[-1][2].startswith(_UNIDENTIFIED) \
                and out[-1][3] in _NON_STATE and not text[out[-1][1] : k[0]].strip():
            out[-1] = (out[-1][0], k[1], out[-1][2], out[-1][3])
            continue
        out.append(k)
    return out


_BARE_TROOPS = re.compile(r"troops|forces|soldiers|fighters", re.IGNORECASE)  # "KNLA troops": the group's
_BARE_FIGHTERS = re.compile(r"(?:the\s+)?(?:militants|jihadists?)", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*|\))\s+$")


def air_actor(d: Draft, article: Article) -> str | None:
    """Who flies: an air strike's perpetrator is a state or coalition air force. A rebel or
    jihadist named in the sentence is not it; the headline ("Saudi-led air strike on Sanaa...")
    may name who is."""
    sides = {a.name: a.kind for a in actors()[0]}
    state = d.actor1 is not None and d.actor1.startswith(("Military Forces", "Police Forces"))
    if d.actor1 and (sides.get(d.actor1) == "state" or state or _flies_own(d.actor1, d.sentence.text)):
        return d.actor1
    title = straight_quotes(article.title or "")
    for a in actors()[0]:
        if a.kind == "state" and "{country}" not in a.name and a.regex.search(title):
            return a.name
    return None


_OWN_DRONE = re.compile(r"(?:'s|’s|-launched)?\s+(?:armed\s+|suicide\s+|kamikaze\s+|attack\s+)?"
                        r"(?:drones?|UAVs?|missiles?|rockets?)\b"
                        r"(?!\s+(?:launch|launcher|launchers|site|sites|base|factory|depot|workshop|storage))",
                        re.IGNORECASE)


def _flies_own(actor: str, sentence: str) -> bool:
    """ "A Houthi drone struck", "Hezbollah's drones": a group named as the drone's owner flew it."""
    rule = next((a for a in actors()[0] if a.name == actor), None)
    if rule is None:
        return False
    return any(_OWN_DRONE.match(sentence, m.end()) for m in rule.regex.finditer(sentence))


_GROUP_HEADS = (
    r"(?:Army|Front|Forces?|Brigades?|Cartel|Movement|Militia|Group|Organi[sz]ation|Battalion|Regiment"
    r"|Guards?|Mob|Gang|Council|Party|Union|Alliance|Coalition|Command|Division|Squad)"
)
_STATE_FORCE = re.compile(
    r"^(?:[A-Z][\w'’-]+\s+)?(?:Army|Police|Armed Forces|Military|National Guard|Air Force|Navy|Gendarmerie)$"
)
_NAMED_GROUP = re.compile(
    # (not a number word: "Four Army soldiers" are four soldiers)
    # (nor "Suspected": "Suspected Allied Democratic Forces rebels" are the ADF's)
    rf"\b(?!(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Dozens|Scores|Hundreds"
    rf"|Suspected|Alleged|Armed)\b)"
    rf"(?:[A-Z][\w'’-]+\s+(?:(?:of|for|the|de|del|la)\s+)?){{1,5}}{_GROUP_HEADS}\b"
)
