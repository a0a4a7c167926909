"""Who made a claim: named sources, generic back-references and pronouns, per article.

A `Discourse` walks the article in order and remembers who spoke last, so that
"it said" and "the monitoring group also said" find their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from conflictwatch.extract.acronyms import acronym_mentions, spelled_out, the_name_said
from conflictwatch.extract.datelines import outlet_mentions
from conflictwatch.extract.inverted import generic_spans, inverted_spans
from conflictwatch.extract.people import person_named, surname_speakers
from conflictwatch.extract.quickre import Occurrences, WordFilter, quick
from conflictwatch.extract.quotes import straight_quotes
from conflictwatch.extract.rules import Named, _literals, actors, load_data, sources, words_re
from conflictwatch.geo.cues import adjective, cues_table, text_country
from conflictwatch.geo.gazetteer import country_name, to_country_code
from conflictwatch.geo.normalize import name_key

# "he said", "it added", and "the source said", "the sources told": who spoke last
_PRONOUN_SPEAKER = quick(re.compile(
    r"\b(?:(?:he|she|it|they|the sources?)\s+(?:also\s+)?(?:said|says|added|told|reported)"
    r"|(?:said|says|added)\s+(?:he|she|it|they|the sources?)\b)",
    re.IGNORECASE,
))
_ACCORDING = re.compile(
    r"\b(?:according to|spokes(?:man|woman|person) for|statement (?:from|by))"
    r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}$",  # ("according to a source in the Syrian Civil Defence")
    re.IGNORECASE,
)
# "the council said": the organisation named before with that head noun (Discourse.orgs)
_THE_BODY_SAID = quick(re.compile(
    r"\bthe\s+(council|directorate|agency|union|committee|office|ministry)"
    r"(?=\s+(?:(?:had|has|also)\s+)?(?:said|says|added|reported|announced))",
    re.IGNORECASE,
))
_PROPER = re.compile(r"^(?:[A-Z][\w'’-]*|al-[A-Z][\w-]*)$")


@lru_cache(maxsize=1)
def _config() -> tuple[dict[str, Any], dict[str, str], dict[tuple[str, int], str], re.Pattern[str]]:
    """(article_countries, by_country key per named source, per generic index, org-head regex)."""
    data = load_data("sources.yaml")
    named = {name: spec["by_country"] for name, spec in data["sources"].items() if spec.get("by_country")}
    generic = {(g["kind"], i): g["by_country"] for i, g in enumerate(data["generic"]) if g.get("by_country")}
    return data.get("article_countries", {}), named, generic, words_re(data.get("org_heads", []))


@lru_cache(maxsize=1)
def _source_names() -> frozenset[str]:
    return frozenset(src.name for src in sources()[0])


@lru_cache(maxsize=1)
def _armed_group_sources() -> frozenset[str]:
    """Named sources that are armed groups (the Taliban, Hezbollah): their members speak for them."""
    return frozenset(src.name for src in sources()[0] if src.kind == "armed group")


@lru_cache(maxsize=1)
def _without_country() -> dict[str, str]:
    """The name a country-bound source keeps in a story that names no country (`without_country`)."""
    data = load_data("sources.yaml")["sources"]
    return {name: spec["without_country"] for name, spec in data.items() if spec.get("without_country")}


@lru_cache(maxsize=1)
def _occurrences() -> Occurrences:
    """Named sources, generic back-references and actors, in that order, scanned together: one
    search per pattern over the whole article was ~12% of extraction."""
    named, generic, _ = sources()
    patterns = [src.regex for src in named] + [rx for rx, _, _ in generic] + [a.regex for a in actors()[0]]
    return Occurrences(patterns)


@lru_cache(maxsize=1)
def _generic_literals() -> list[tuple[str, ...] | None]:
    """For each generic back-reference, words one of which its every match holds (rules._literals)."""
    return [_literals([g["pattern"]]) for g in load_data("sources.yaml")["generic"]]


def _nationality_before(sentence: str, start: int) -> str | None:
    """ "the Ugandan army said" in a Congo story: the army of the country its adjective names."""
    m = re.search(r"\b([A-Z][a-z]+)(?:'s|’s)?\s+$", sentence[max(0, start - 30) : start])  # "Armenia's"
    # "In neighbouring Chad, the army said": the country the sentence opens with
    m = m or _IN_COUNTRY.match(sentence[:start])
    if not m:
        return None
    cc = cues_table().names.get(name_key(m.group(1)))
    return country_name(cc) if cc else None


_NAMED_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!The\b)[A-Z][\w'’-]*\s+$")
_IN_COUNTRY = re.compile(
    r"\s*(?:In|Across)\s+(?:neighbou?ring\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*,\s*(?:the\s+)?$"
)


@lru_cache(maxsize=64)
def _scoped_actors(country: str | None) -> tuple[Named | None, ...]:
    """The actors as an article about `country` names them (`Named.for_country`): the same for
    every article about it, so made once per country (~0.1 ms an article)."""
    cc = to_country_code(country) if country else None
    return tuple(a.for_country(cc, country) for a in actors()[0])


def country_source(key: str | None, country: str | None) -> str | None:
    """A country-bound source's name for `country` ("army" -> "Nigerian Army"): its entry in
    `article_countries`, else `country_templates` with the country's adjective; None if neither."""
    if not key or not country:
        return None
    entry = _config()[0].get(country)
    if entry is not None and key in entry:
        return entry[key]  # type: ignore[no-any-return]
    template = (load_data("sources.yaml").get("country_templates") or {}).get(key)
    adj = adjective(to_country_code(country))
    return template.format(adjective=adj, country=country) if template and adj else None


def article_country(text: str) -> str | None:
    """The country the text is clearly about (geo.cues), by name ("Syria"); None when unclear.
    Never a default: an article about nowhere in particular has no country-bound sources."""
    cc = text_country(None, text)
    return country_name(cc) if cc else None


def _title(words: list[str]) -> str:
    small = {"of", "for", "and", "the", "in"}
    return " ".join(
        w if (w in small or w.startswith("al-") or w[:1].isupper()) else w.capitalize() for w in words
    )


@lru_cache(maxsize=1)
def _org_head_words() -> WordFilter:
    """Whether a sentence holds an organisation's head noun: most hold none (see WordFilter)."""
    heads = _config()[3].pattern
    return WordFilter(heads[len(r"(?<![\w-])(?:") : -len(r")(?![\w-])")], r"[\w-]+")


_UNIT_AFTER = re.compile(r"\s+(?:County|District|State|Province|Municipality|Payam)\b")


def _org_mentions(sentence: str) -> list[tuple[int, int, str]]:
    """Organisations named by a proper name ending in a head noun ("Saudi Press Agency")."""
    if not _org_head_words().may_match(sentence):
        return []
    heads = _config()[3]
    out = []
    for m in heads.finditer(sentence):
        tokens = list(re.finditer(r"[\w'’-]+", sentence[: m.start()]))
        words: list[str] = [m.group(0)]
        start = m.start()
        lower_run = 0
        for t in reversed(tokens):
            w = t.group(0)
            gap = sentence[t.end() : start]
            if gap.strip():
                break  # punctuation between
            if _PROPER.match(w) and w.lower() not in ("the", "a", "an", "but", "and", "however", "meanwhile",
                                                              "while", "whereas", "although", "though"):
                words.insert(0, w)
                start = t.start()
                lower_run = 0
            elif w in ("of", "for", "and") or (w.islower() and "-" not in w and lower_run < 1):
                words.insert(0, w)
                start = t.start()
                lower_run += 1 if w not in ("of", "for", "and") else 0
            else:
                break
        if "of" in words[1:-1]:
            # "Bo Ba Hman of Tamu PDF Battalion": a person of the organisation, not part of its
            # name (as "Union" is in "Union of Medical Care and Relief Organizations")
            cut = words.index("of")
            if not any(heads.fullmatch(w) or heads.fullmatch(w.lower()) for w in words[:cut]):
                for w in words[: cut + 1]:
                    start = sentence.index(w, start) + len(w)
                start = len(sentence) - len(sentence[start:].lstrip())
                words = words[cut + 1 :]
        while words and not _PROPER.match(words[0]):
            start += len(words[0]) + (len(sentence[start:]) - len(sentence[start:].lstrip()))
            start = sentence.index(words[1], start) if len(words) > 1 else start
            words.pop(0)
        if m.group(0).islower() and _IN_PLACE.search(sentence, 0, start):
            continue  # "killed in Bolivar department": a province, not the Bolivar Department
        if m.group(0).lower() in ("division", "department") and (
                _IN_PLACE.search(sentence, 0, start) or _PLACE_COMMA.search(sentence, 0, start)):
            continue  # "in Mbengwi, Momo Division," (Cameroon's divisions): a province named after its town
        if start == 0 and len(words) == 2 and words[1].islower():
            continue  # "Former army captain X was shot": a sentence's first word, not a name
        if _UNIT_AFTER.match(sentence, m.end()):
            continue  # "in Rumbek Centre County": a county's name, not a centre that speaks
        if len(words) >= 2 and not re.match(r"^(?:The|A|An|In|On|At|By)$", words[0]):
            out.append((start, m.end(), _title(words)))
    return out


# A name after one of these, then a head noun in lower case, is a place ("in Bolivar department",
# "across Kachin division"); "the Bolivar Department said" is an organisation.
_IN_PLACE = re.compile(r"\b(?:in|near|across|throughout|inside|outside|of)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_COMMA = re.compile(r"\b(?:in|near|at|outside|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s*$")


def _group_mentions(sentence: str, groups: list[Named]) -> list[tuple[int, int, str]]:
    """Armed groups with proper names ("Jaish al-Islam", "Al Shabaab") speaking for themselves."""
    out = []
    lower = sentence.lower()
    for a in groups:
        if not a.may_occur(lower):
            continue  # most sentences name none of the article's groups: a word test, not a search
        for m in a.regex.finditer(sentence):
            words = m.group(0).split()
            # (one word too when it is a name with its article: "Al-Shabaab claimed that ...")
            one = len(words) == 1 and re.fullmatch(r"[AaEe]l-[A-Z][\w'’-]+", words[0])
            if (len(words) >= 2 or one) and all(_PROPER.match(w) or w.startswith("al-") for w in words):
                out.append((m.start(), m.end(), m.group(0)))
    return out


_KILLED_OBJECT = re.compile(
    r"\b(?:killed|killing|shot dead|shooting dead|gunned down|executed|murdered|beheaded|abducted"
    r"|kidnapped)\s+"
    r"(?:(?:a|an|the|two|three|four|five|former|retired|off-duty|senior|local|serving)\s+)*$",
    re.IGNORECASE,
)
_LISTED = re.compile(
    r"\b(?:including|among them|among whom|among the (?:dead|victims|wounded|injured))\s+"
    r"(?:an?|the|one|two|three|four|five|\d+)?\s*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|several|scores\s+of"
    r"|hundreds\s+of)\s+$",
    re.IGNORECASE,
)
_MEMBER = re.compile(
    r"\s+(?:militia\s+|rebel\s+)?(?:commanders?|spokes(?:man|woman|person)|officials?|leaders?"
    r"|fighters?|members?|sources?)\b",
    re.IGNORECASE,
)


def _group_members(sentence: str, groups: list[Named]) -> list[tuple[int, int, str]]:
    """ "a Fano commander told the BBC", "an M23 spokesman said": the group's own voice; a group
    the sources list names speaks as itself, any other as a rebel source (docs/gold-format.md)."""
    out = []
    named = _source_names()
    lower = sentence.lower()
    for g in groups:
        if not g.may_occur(lower):
            continue
        for m in g.regex.finditer(sentence):
            role = _MEMBER.match(sentence, m.end())
            if role:
                out.append((m.start(), role.end(), g.name if g.name in named else "Rebel source"))
    return out


_NAME_WORD = r"(?:(?:al|el|bin|ibn|abu|van|de|da|del|dos)[- ])?(?:[A-Z][\w'’-]*[\w'’]|[A-Z]\.)"


@lru_cache(maxsize=1)
def _rank_re() -> re.Pattern[str] | None:
    """An officer by rank and name (sources.yaml `military_ranks`), case as written."""
    ranks = load_data("sources.yaml").get("military_ranks") or {}
    one = [*ranks.get("compound", []), *ranks.get("abbreviated", [])]
    bare = ranks.get("bare", [])
    if not one and not bare:
        return None
    guards = "".join(f"(?<!{re.escape(w)} )" for w in ranks.get("not_after", []))
    alts = []
    if one:
        alts.append(rf"(?:{'|'.join(one)})\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")
    if bare:
        alts.append(rf"(?:{'|'.join(bare)})\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
    # `quick`: the ranks' first letters looked at before the guards and alternatives (searched in
    # every sentence read for sources; same matches, half the time)
    return quick(re.compile(rf"(?<![\w-]){guards}(?:{'|'.join(alts)})(?![\w-])"))


def _rank_mentions(sentence: str) -> list[tuple[int, int, str | None]]:
    """ "Lt. Col. Salvador Mison told reporters": where officers are named in the sentence, with
    the country an adjective before the rank gives ("Ugandan Maj Gen X"; None: the article's).
    An officer of a named group ("KNDO Captain X") speaks for the group, and a retired one
    ("Colonel X (retd.)") for no army: neither is a mention here."""
    rx = _rank_re()
    out: list[tuple[int, int, str | None]] = []
    for m in rx.finditer(sentence) if rx else ():
        if _RETIRED.match(sentence, m.end()) or _FORMER.search(sentence, 0, m.start()):
            continue
        qualifier = re.search(r"\b([A-Z][\w'’-]*)\s+$", sentence[max(0, m.start() - 30) : m.start()])
        country = _nationality_before(sentence, m.start()) if qualifier else None
        if qualifier and not country:
            continue
        out.append((m.start(), m.end(), country))
    return out


# "the British-based monitoring group", "the rights body": a description of a body, which a name may follow
_BODY_NOUN_END = re.compile(r"\b(?:group|monitor|organi[sz]ation|body|agency|mission|network|observatory"
                            r"|watchdog|charity|coalition|committee|commission|NGO)$", re.IGNORECASE)
_RETIRED = re.compile(r"\s*\((?:retd|rtd|retired)\b", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:retired|former|ex-)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceMention:
    name: str | None  # canonical name; None for an unresolved generic
    kind: str | None
    start: int
    end: int
    gap: int | None = None  # words between it and its speech verb; None = not speaking
    person: bool = False  # "a military source", "an official": what "he said" refers back to

    @property
    def speaking(self) -> bool:
        """Next to a speech verb: the sentence attributes to it."""
        return self.gap is not None


_PERSON = re.compile(
    r"\b(?:source|official|commander|spokes(?:man|woman|person)|officer|doctor|medic|witness|resident"
    r"|activist|governor|mayor|director|chief|minister|general|colonel|leader|member|worker|volunteer)s?\b",
    re.IGNORECASE,
)


# "Muhammad Sandeh, of the opposition city council": a named person speaking for a body.
_NAMED_PERSON_OF = re.compile(
    r"\b[A-Z][a-z]+(?:\s+(?:al-|abu\s+)?[A-Z][a-z]+)+,?\s+(?:of|from|with)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$"
)


# (one that says what the source is may run long: ", a Britain-based monitor that tracks the war
# through a network of contacts on the ground,")
_APPOSITIVE = re.compile(r"^((?:\s+[\w'-]+){0,2}),(?:\s+(?:a|an|the)\s[^,]{1,130}|[^,]{1,70}),")
_RELATIVE = re.compile(r"^(\)?(?:\s+[\w'’()-]+){0,5}),\s+(?:who|which|whose)\b[^,]{1,160},")


def _the_group_named_before(sentence: str, found: list[SourceMention]) -> list[SourceMention]:
    """ "Al-Shabaab fighters ambushed a convoy ..., and the group claimed to have killed 20": "the
    group" with no monitor to refer to is the group (or body) named before it in the sentence."""
    out = []
    for f in found:
        if f.name is None and sentence[f.start : f.end].lower() == "the group":
            group = [g for g in out if g.kind in ("armed group", "org") and g.name and g.end <= f.start]
            if group:
                f = SourceMention(group[-1].name, group[-1].kind, f.start, f.end)
        out.append(f)
    return out


_ITS_SPOKESMAN = re.compile(
    r"(?:['’]s)?\s+(?:national\s+|state\s+)?(?:spokes(?:man|woman|person)|chairman|chairperson|president"
    r"|secretary(?:-general)?|director|coordinator)\s*,?\s+(?:[A-Z][\w'’.-]+\s+){1,4},?\s*(?:said|says|told)\b")


def _speech_gap(sentence: str, start: int, end: int, speech: re.Pattern[str]) -> int | None:
    """How closely a mention is tied to a speech verb: 0 for "according to X"/"said X"."""
    after = sentence[end : end + 110]
    before = sentence[max(0, start - 40) : start]
    if _ACCORDING.search(before):
        return 0
    # "..., said the Observatory"; translated copy: ", informed the Ministry of Defence"
    if re.search(r"\b(?:said|says|reported|according to)\s+(?:the\s+|an?\s+)?$", before, re.IGNORECASE) \
            or _VERB_FIRST.search(sentence, max(0, start - 80), start):
        return 0
    # "..., said Mohammed Shehu, a police spokesman", "according to Ali Musa, the district's chief"
    if _NAMED_THEN_ROLE.search(sentence, max(0, start - 90), start):
        return 0
    # "the Observatory said", "SANA reported", "X, a monitoring group, said": an appositive
    # ("Jaish al-Islam, the most powerful rebel group in the area, said") does not count.
    after = _APPOSITIVE.sub(r"\1", sentence[end : end + 220], count=1)[:110]
    # "A doctor at the hospital in X, who asked not to be named because ..., said": a relative
    # clause, however long, is no gap either.
    if not speech.match(after.lstrip(" ,")):
        after = _RELATIVE.sub(r"\1", sentence[end : end + 240], count=1)
        after = _APPOSITIVE.sub(r"\1", after, count=1)[:110]
    m = speech.search(after)
    if m and re.match(r"\s+responsibility\b", after[m.end() :], re.IGNORECASE) \
            and not re.search(r",\s+(?:saying|adding)\b", after[m.end() :]):
        return None  # "claimed responsibility for" is not a statement about a toll (", saying it had
        # killed 20" is)
    if m:
        gap = len(re.findall(r"\w+", after[: m.start()]))
        if gap <= 8:
            return gap
    return None


# ", informed the Ministry of National Defence", ", reported the state-run Saba news agency", "according
# to what was announced by the armed forces": the verb first, as copy translated from French or Arabic
# puts it (after a comma: "Officials informed the ministry" is the ministry hearing)
_VERB_FIRST = re.compile(
    r",\s*(?:informed|announced|stated|declared|indicated|confirmed|added|reported|specified|noted"
    r"|according\s+to\s+what\s+(?:was|were)\s+(?:announced|reported|stated|said)\s+by)"
    r"(?:\s+(?:late\s+|early\s+)?on\s+\w+)?\s+(?:the\s+|an?\s+)?(?:(?!that\b|which\b)[a-z][\w-]*\s+){0,2}$")


# (the role may come bare: "said Ashraf al-Qudra, spokesman of the health ministry", "according to
# Abbas Moussa, director general of the hospital")
_NAMED_THEN_ROLE = re.compile(
    rf"\b(?:said|says|told|according to)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}},\s+(?:(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}|(?:(?:deputy|chief|senior|acting|official|military|media)\s+)?"
    r"(?:spokes(?:man|woman|person)|director(?:[- ]general)?|head|chief|president|chairman|chairperson"
    r"|secretary(?:[- ]general)?|coordinator|commander|governor|minister|official|representative)"
    r"\s+(?:of|for|at|in|with)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}|)$"
)


@dataclass
class Discourse:
    """Article-level memory of sources, for back-references."""

    article_text: str
    last_speaker: str | None = None
    last_person: str | None = None  # for "he said"
    last_org: str | None = None  # for "it said"
    last_by_kind: dict[str, str] = field(default_factory=dict)
    in_article: dict[str, str] = field(default_factory=dict)  # kind -> first named source of that kind
    country: str | None = None
    orgs: dict[str, str] = field(default_factory=dict)  # head noun -> last organisation named with it
    present_actors: list[Named] = field(default_factory=list)  # actors the article names anywhere
    people: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # surname -> (source, kind)
    acronyms: dict[str, str] = field(default_factory=dict)  # "DHQ" -> "Defence Headquarters"
    # mentions read before anything was remembered: the lead's, read for who spoke on which day
    # (claims._lead_statement) and read again as the article's first sentences
    _fresh: dict[str, tuple[SourceMention, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.country = article_country(self.article_text)
        named, generic, _ = sources()
        flat = straight_quotes(self.article_text)
        self.acronyms = spelled_out(flat)
        # Only what occurs somewhere in the article can occur in one of its sentences.
        lower = flat.lower()
        scoped = _scoped_actors(self.country)
        # One scan of the article for every source and actor pattern (see _occurrences); in an
        # ASCII article, a pattern looked up by its first words is not screened by its required
        # words first: the screen cost more than the lookup it saved (2.3 -> 1.7 ms an article).
        n, g = len(named), len(named) + len(generic)
        occurrences = _occurrences()
        looked_up = occurrences.looked_up if flat.isascii() else frozenset()
        occurs = occurrences.occurring(flat, [
            *(k for k, src in enumerate(named) if k in looked_up or src.may_occur(lower)), *range(n, g),
            *(g + k for k, a in enumerate(scoped)
              if a is not None and (g + k in looked_up or a.may_occur(lower))),
        ])
        cc = to_country_code(self.country) if self.country else None
        # a source bound to a war (`only_in`: "separatist officials" are Donbas's) speaks only there
        self._named = [src for k, src in enumerate(named)
                       if k in occurs and (not src.countries or cc in src.countries)]
        self._generic = [(i, gen) for i, gen in enumerate(generic)
                         if n + i in occurs or next(inverted_spans(gen[0], flat), None)]
        self.present_actors = [a for k, a in enumerate(scoped) if a is not None and g + k in occurs]
        self._groups = [a for a in self.present_actors if a.kind in ("rebels", "jihadists")]
        # groups whose members speak for them: armed groups, and actors the sources list names
        # as armed groups (the Taliban, Hezbollah)
        voiced = _armed_group_sources()
        self._speaking_groups = [a for a in self.present_actors if a in self._groups or a.name in voiced]
        for src in self._named:
            # The first source of each kind, but a specific one beats the "Rescue workers" catch-all.
            if src.kind and self.in_article.get(src.kind) in (None, "Rescue workers"):
                self.in_article[src.kind] = src.name

    def _by_country(self, key: str | None, country: str | None = None) -> str | None:
        return country_source(key, country or self.country)

    def mentions(self, sentence: str) -> list[SourceMention]:
        """Source mentions in the sentence, longest first where they overlap."""
        # What they are depends on the sentence and on what was remembered before (the sources
        # last named of each kind, the organisations by head noun): with nothing remembered yet,
        # a sentence read twice gives the same mentions.
        fresh = not self.last_by_kind and not self.orgs and not self.people
        if fresh and sentence in self._fresh:
            return list(self._fresh[sentence])
        out = self._mentions(sentence)
        if fresh:
            self._fresh[sentence] = tuple(out)
        return out

    def _mentions(self, sentence: str) -> list[SourceMention]:
        _, _, speech = sources()
        _, named_bc, generic_bc, _ = _config()
        found: list[SourceMention] = []
        lower = sentence.lower()  # a pattern whose required words are all missing is not searched
        for src in self._named:
            if not src.may_occur(lower):
                continue
            for m in src.regex.finditer(sentence):
                name: str | None = src.name
                if name == "Rescue workers" and "rescue" in self.in_article:
                    name = self.in_article["rescue"]
                if src.name in named_bc:
                    name = self._by_country(named_bc[src.name]) or self.last_by_kind.get(src.kind or "")
                    if name is None and self.country is None:
                        name = _without_country().get(src.name)
                    if name is None:
                        continue
                found.append(SourceMention(name, src.kind, m.start(), m.end()))
        generic_words = _generic_literals()
        for i, (rx, kind, fallback) in self._generic:
            if generic_words[i] is not None and not any(w in lower for w in generic_words[i]):
                continue
            for start, end in generic_spans(rx, sentence):  # "the army said", "said the army"
                nation = _nationality_before(sentence, start)
                if kind == "military" and nation is None and _NAMED_BEFORE.search(sentence, 0, start):
                    continue  # "the Arakan Army said": a group's own name, not a country's army
                name = self._by_country(generic_bc.get((kind, i)), nation)
                name = name or self.last_by_kind.get(kind) or self.in_article.get(kind) or fallback
                if name is None and kind == "monitor" and sentence[start:end].lower() == "the group":
                    # no monitor: the armed group (or body) that spoke before
                    name = self.last_by_kind.get("armed group") or self.last_by_kind.get("org")
                found.append(SourceMention(name, kind, start, end))
        own = [(f.start, f.end) for f in found if f.name]  # a generic with no name gives way
        extra = [(a, b, n, "org") for a, b, n in _org_mentions(sentence)]
        extra += [(a, b, n, "armed group") for a, b, n in _group_mentions(sentence, self._groups)]
        extra += [(a, b, n, "armed group") for a, b, n in _group_members(sentence, self._speaking_groups)]
        extra += [(a, b, self.acronyms.get(n, n), "org") for a, b, n in acronym_mentions(sentence)]
        extra += [(a, b, n, "org") for a, b, n in the_name_said(sentence)]
        extra += [(a, b, n, "media") for a, b, n in outlet_mentions(sentence)]
        ranked = []
        for a, b, n, kind in surname_speakers(sentence, self.people) if self.people else ():
            extra.append((a, b, n, kind or "person"))  # "Syniehubov now says": the governor named before
            ranked.append((a, b))
        for a, b, country in _rank_mentions(sentence):
            officer = self._by_country("military_source", country) or self.last_by_kind.get("military")
            if officer:
                extra.append((a, b, officer, "military"))
                ranked.append((a, b))
        for a, b, n, kind in extra:
            if any(a < e and s0 < b for s0, e in own):
                continue
            found.append(SourceMention(n, kind, a, b))
        for m in _THE_BODY_SAID.finditer(sentence):
            org = self.orgs.get(m.group(1).lower())
            if org and not any(m.start() < e and s0 < m.end() for s0, e in own):
                found.append(SourceMention(org, "org", m.start(), m.end()))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        found = _the_group_named_before(sentence, found)
        kept: list[SourceMention] = []
        for f in found:
            if kept and f.start < kept[-1].end:
                if (f.end - f.start) > (kept[-1].end - kept[-1].start):
                    kept[-1] = f
                continue
            if kept and f.start == kept[-1].end + 1 and sentence[kept[-1].start].islower() \
                    and sentence[f.start].isupper() and f.name \
                    and _BODY_NOUN_END.search(sentence, 0, kept[-1].end):
                kept[-1] = f  # "the British-based monitoring group Airwars": the name its description
                continue  # runs into (the description alone names another monitor)
            kept.append(f)
        out = []
        for k in kept:
            gap = _speech_gap(sentence, k.start, k.end, speech)
            if gap is not None and gap > 2 and _COUNTED.search(sentence, max(0, k.start - 20), k.start):
                gap = None  # "killed three police officers": the dead, not a speaker
            lead_in = sentence[max(0, k.start - 60) : k.start]
            if gap is not None and gap > 0 and (_LISTED.search(lead_in) or _KILLED_OBJECT.search(lead_in)):
                gap = None  # "eight people, including a police officer, ... witnesses said": one of the dead;
                # so is "shot dead a former army officer ..., his family said"
            passing = k.kind in ("armed group", "org") or (k.start, k.end) in ranked
            if gap is not None and passing and gap > 2 and not _ITS_SPOKESMAN.match(sentence, k.end):
                gap = None  # a group named in passing ("seized villages from Islamic State ...")
                # (not "Irigwe Development Association spokesman Davidson Malison said": its voice)
            window = sentence[max(0, k.start - 40) : k.end]
            person = bool(_PERSON.search(window) or _NAMED_PERSON_OF.search(sentence[: k.start]))
            person = person or (k.start, k.end) in ranked
            out.append(SourceMention(k.name, k.kind, k.start, k.end, gap, person))
        return out

    def pronoun_speaker(self, sentence: str) -> str | None:
        """'he said' -> the last person who spoke; 'it said' -> the last organisation."""
        m = _PRONOUN_SPEAKER.search(sentence)
        if not m:
            return None
        if re.search(r"\b(?:he|she|source)\b", m.group(0), re.IGNORECASE):
            return self.last_person or self.last_speaker
        if re.search(r"\bit\b", m.group(0), re.IGNORECASE):
            return self.last_org or self.last_speaker
        return self.last_speaker

    def remember(self, mentions: list[SourceMention], speaker: str | None,
                 sentence: str | None = None) -> None:
        for m in mentions:
            if sentence is not None and m.person and m.speaking and m.name:
                surname = person_named(sentence, m.start, m.end)
                if surname is not None:
                    self.people[surname] = (m.name, m.kind)
            if m.name and m.kind:
                self.last_by_kind[m.kind] = m.name
            head = m.name.split()[-1].lower() if m.name else ""
            if m.name and (m.kind == "org" or head == "ministry"):
                self.orgs[head] = m.name
        if speaker:
            self.last_speaker = speaker
            said = [m for m in mentions if m.speaking and m.name == speaker]
            if said and said[0].person:
                self.last_person = speaker
            elif said:
                self.last_org = speaker
