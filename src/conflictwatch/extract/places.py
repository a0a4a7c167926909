"""Place names as written in a sentence, ranked from most to least specific.

The extractor only finds and cleans names ("the city's al-Marjeh area" -> "al-Marjeh",
"a government-held area of western Aleppo" -> "western Aleppo"); the geo stage resolves them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from conflictwatch.datafiles import words_after
from conflictwatch.extract.capitals import capital_mentions
from conflictwatch.extract.datelines import (
    LOCAL_DATELINE,
    outlets,
)
from conflictwatch.extract.facilities import city_of_facility, major_cities, named_building
from conflictwatch.extract.nlp import entities
from conflictwatch.extract.placename import (
    ART,
    IN_PROVINCE_AFTER,
    ITEM_TYPE,
    NAME,
    PLURAL_TYPE,
    PLURAL_TYPES,
    SUBJECT_HIT,
    UNIT_PREFIX,
    a_towns_side,
    continue_list,
    is_street,
    people_of_as_in,
    typed_before,
)
from conflictwatch.extract.placerank import (
    PlaceMention,
    from_read,
    homes_widened,
    refine_ranks,
    speakers_seats,
    told_elsewhere,
    type_rank,
)
from conflictwatch.extract.quickre import quick
from conflictwatch.extract.rules import load_data
from conflictwatch.extract.surnames import not_inhabitants, not_surnames

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DIRECTION = (  # ("in central Tel Aviv": a part of the city)
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east"
    r"|south-west)(?:ern)?|(?:north|south|east|west)-central|central|downtown)"
)
_HELD = (
    r"(?:(?:rebel|government|opposition|insurgent|militant|jihadist|army|regime|state|Kurdish|Islamic State"
    r"|IS|militia|Houthi|Taliban|separatist|Russian|Ukrainian|Israeli|Turkish|SDF|RSF|M23|Hamas|Hezbollah"
    r"|junta|Wagner|al-Shabaab|Shabaab|gang)[- ](?:held|controlled|run|occupied|besieged)\s+)"
)
_PLACE_NOUNS = (
    r"(?:district|districts|neighbourhood|neighborhood|neighbourhoods|neighborhoods|area|areas|quarter"
    r"|camp|village|town|city|suburb|suburbs|province|governorate|countryside|region|square|market"
    r"|road|highway|airport|air base|base|border crossing|crossing|refugee camp|forest|township|municipality"
    r"|state|county|ward|community|LGA|Local Government Area|local government area|department|sub-division"
    r"|subdivision|oblast|raion|barangay|tambon|settlement|hamlet|locality|woreda|zone|axis|frontline"
    r"|front line|front|neighbourhood|colonia|valley|valleys|tehsil|sector|territory|chefferie|upazila|cercle"
    r"|prefecture|hromada|canton)"
)
_LOCATIVE = (
    r"(?:in|near|at|around|outside|across|inside|into|from|toward|towards|on|of|including|between|above"
    r"|(?:entrance|gate|gates|road|highway|way) to"
    r"|across|throughout|via|over|hitting|hit|struck|targeting|targeted|shelled|bombed|pounded|captured"
    r"|seized|recaptured|retook|entered|stormed"
    r"|(?:drove|driving|passing|passed|rampaged|rampaging|went|going|travell?ing|moving|marched)\s+through"
    r"|(?:spread|spreading|spilled|spilling|extended)\s+(?:over\s+)?to"
    r"|(?:area|village|place|locality|spot|hamlet|settlement|neighbou?rhood)\s+(?:called|known\s+as)"
    # ("attacked Ntoyo", "raided Bama": a place named bare; not "raided the al-Qaida group's bases")
    r"|(?:attacked|raided|overran|invaded)(?!\s+(?:the|a|an|their|its)\b))"
)

_PLACE_RE = quick(re.compile(
    rf"(?P<pre>(?:\b{_LOCATIVE}|(?:^|(?<=:\s))(?:In|Near|Outside)(?!\s+an?\s))\s+(?:(?:the|a|an)\s+)?(?:general\s+area\s+(?:of\s+)?)?(?:city's\s+|city’s\s+|town's\s+|town’s\s+|country's\s+)?{_HELD}?(?:(?:besieged|nearby|neighbouring|neighboring|restive|remote|rural)\s+)?"
    rf"(?:(?:rural\s+)?(?:city|town|village|district|neighbourhood|neighborhood|area|province|suburb|camp|region"
    r"|governorate"
    r"|localit[ée])\s+of\s+)?"
    rf"{_HELD}?"
    rf"(?:(?:[A-Z][a-z]+\s+)?(?:capital|port city|border town|city|town|village|{UNIT_PREFIX})"
    r"\s+(?!of\b))?)?"
    rf"(?P<dir>\b{_DIRECTION}\s+)?(?P<name>{NAME})"
    rf"(?P<post>\s+(?:{_PLACE_NOUNS})\b)?"
    rf"(?P<country>\s+countryside\b)?",
))
# A match starts where a word starts (a locative, a direction), at a capital, or at a name's
# "al-" (ART): said first, the engine leaves the inside of a lower-case word after two tests
# instead of trying the whole pattern at each of its letters (the same matches, ~20% faster).
# Any letter but a-z may start a name (accented capitals too), and any letters an "al-".
_ART_LONGEST = max(map(len, re.findall(r"[^\W\d_]+", ART)))
_STARTS = rf"(?:(?<![a-zA-Z])|(?=[^\W\d_a-z]|[^\W\d_]{{0,{_ART_LONGEST}}}-))"
PLACE_RE = re.compile(_STARTS + _PLACE_RE.pattern, _PLACE_RE.flags)
_CLEAN_ART = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


# letters and digits in one word: "KG9", "AK47", "M23", "C-60" (a commando unit)
_MODEL_CODE = re.compile(r"\b(?:[A-Za-z]+-?\d|\d+[A-Za-z]{2,})[\w-]*")


_PLACE_TITLES = frozenset({"sheikh", "imam", "emir", "king", "prince"})


_ORG_AFTER = re.compile(
    r"\s+(?:operations? room|group|groups|brigades?|battalion|factions?|forces?|militias?|movement|cartel"
    r"|gang|army|militants|fighters|rebels|insurgents|members|cell|cells|council|committee|party|cult|cults"
    # ("a strike on the Hamid family home": a family's name)
    r"|confraternity|children['’]s\s+hospital|family|clan)\b",
    re.IGNORECASE,
)
# "the killing of one Umar Isah", "the death of Mahsa": a victim named, not a place
_VICTIM_OF = re.compile(
    r"\b(?:killing|death|murder|assassination|abduction|kidnapping|arrest|funeral|burial|detention)\s+of\s+"
    r"(?:one\s+)?$|\b(?:members?|fighters|militants|leaders?|commanders?|dissidents|cadres?"
    r"|men|women|people|youths)\s+of\s+the\s+$"  # ("Three men of the Kuki-Zo community")
    # ("Hiwa Azizi, 26, son of Ahmad": a father's name, no place)
    r"|\b(?:son|daughter|wife|husband|father|mother|brother|sister|widow)\s+of\s+$",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _stop() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("places_lexicon.yaml")
    return (
        frozenset(w.lower() for w in data["not_places"] + data.get("nationalities", [])),
        frozenset(w.lower() for w in data["countries"]),
        frozenset(w.lower() for w in data["regions"]),
        major_cities(),
        frozenset(w.lower() for w in data.get("not_places_alone", [])),
    )


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Countries, regions and major cities, lower case, in one set (made once, not per name)."""
    _, countries, regions, cities, _ = _stop()
    return countries | regions | cities


@lru_cache(maxsize=1)
def _possessive_names() -> frozenset[str]:
    """Names whose "'s" belongs to the place ("Cox's Bazar"), lower case, straight apostrophes."""
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("possessive_names", []))


@lru_cache(maxsize=1)
def _not_named() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    """Names that are not places: ones holding an organisation's word ("Arakan Army", "Jalisco New
    Generation Cartel", "Operation Hadin Kai"), ones after a person's title ("President Abd-Rabbu
    Mansour Hadi"), a bare compass word ("Arrows of the East"), the make of a thing ("seized a
    Nissan Titan vehicle", "Shahed drones") and a business's name ("the Mary spa")."""
    data = load_data("places_lexicon.yaml")
    org = re.compile(r"\b(?:" + "|".join(map(re.escape, data["org_words"])) + r")\b")
    titles = frozenset(w.lower() for w in data["person_titles"])
    things = words_after("places_lexicon.yaml", "thing_words", "business_words")
    return org, titles, frozenset(w.lower() for w in data["compass_words"]), things


def is_known_place(name: str) -> bool:
    """Is the word a country, province or city the place lists know?"""
    return name.lower() in _known()


@lru_cache(maxsize=4096)
def is_country_name(name: str) -> bool:
    """A country the gazetteer knows by this name ("western Uganda" is a part of a country, no town)."""
    from conflictwatch.geo.gazetteer import country_names, to_country_code

    return to_country_code(name) in country_names()


def name_rank(name: str, post: str | None, direction: str | None, countryside: bool) -> int:
    _, countries, regions, cities, _ = _stop()
    low = name.lower()
    if countryside and low not in regions and low not in cities and not is_country_name(name):
        return 3  # "the countryside of Manbij": a town's surroundings, not a governorate's
    if countryside or (post and post.strip().lower() in ("province", "governorate", "region")):
        return 4
    if low in countries or is_country_name(name):
        return 5
    if low in regions:
        return 4
    if direction or low in cities:
        return 3
    # "the village of X", "the X district": named as a place of its own. An "al-" alone says
    # nothing (al-Bab is a town, al-Sakhour a district).
    typed = type_rank(name) or (type_rank(" " + post.strip()) if post else None)
    if typed is not None:
        return typed
    return 1 if post else 2


def find_places(sentence: str, skip_spans: list[tuple[int, int]] | None = None,
                doc: Doc | None = None) -> list[PlaceMention]:
    """Place mentions in order of appearance; names overlapping `skip_spans` (sources, actors) are not
    places, nor buildings ("Ayder Referral Hospital"), nor, when the sentence was parsed, names the
    parser knows as a person, organisation or nationality ("Mahsa Amini", "South Sudanese")."""
    found = [city_of_facility(p) for p in _places_in(sentence, tuple(skip_spans or ()))]
    # (nor a group's name after a possessive day: "in Thursday's al-Shabaab siege")
    skips = skip_spans or ()
    found = [p for p in found if p is not None and not any(a <= p.end - len(p.name) < b for a, b in skips)]
    # (nor the "U" of "U.S.")
    found = [p for p in found if len(p.name) > 1 and not told_elsewhere(sentence, p)
             and not named_building(sentence, p)
             and not (_COMPASS_ZONE.fullmatch(p.name) and sentence.startswith(" of ", p.end))]
    # (nor who lives there, "a Druze-majority town", nor a surname: "the fall of Bashar al-Assad")
    # (nor a city's square or street, "at Place de l'Indépendance in Bukavu": the city is where)
    found = [p for p in not_inhabitants(found) if not _SQUARE.match(p.name)]
    found = refine_ranks(homes_widened(sentence, [from_read(sentence, p) for p in found]), sentence)
    found = not_surnames(sentence, found, doc)
    found = speakers_seats(sentence, found)  # where a speaker sits is not where it happened
    if doc is None:
        return found
    if not any(p.rank == 2 and type_rank(p.name) is None and p.via in _ASK_VIA for p in found):
        return found  # only untyped names after "of"/"from" need the entity recogniser's opinion
    ents = [(e.start_char, e.end_char, e.label_) for e in entities(doc).ents]
    out = []
    for p in found:
        labels = {lab for s0, e0, lab in ents if s0 < p.end and p.start < e0}
        untyped = p.rank == 2 and type_rank(p.name) is None
        weak = p.via in _WEAK_VIA and not (p.via == "between" and _ROAD_BETWEEN.search(sentence, 0, p.start))
        # ("the municipality of Chilapa de Alvarez", "on the edge of Yater")
        weak = weak and not typed_before(sentence, p.start) and not a_towns_side(sentence, p.start)
        if untyped and weak and "NORP" in labels and not labels & _PLACE_ENTS:
            continue  # "the killing of Mahsa Amini", "fighting between X and Y"
        if untyped and weak and labels & _NOT_PLACE_ENTS and not labels & _PLACE_ENTS:
            continue
        if untyped and p.via == "including" and labels == {"PERSON"} and " " in p.name:
            continue  # "killed 11 people including Mahmoud Salah, the head of the police": one of them
        out.append(p)
    return out


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    """The peoples' names of the lexicon ("Twic", "Chin"): a type after one makes a place ("Twic County"),
    unlike the other words that are no place ("The state governor", "One state police officer")."""
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("nationalities", []))


# "40 km north of X", "north-east of X" (not "the north of X", which is inside X)
# Type words a name may end with in capitals ("Anambra State"); the name before them is the place.
_CAPITAL_TYPES = {"state", "province", "region", "governorate", "district", "township", "county", "lga",
                  "municipality", "division", "subdivision", "oblast", "raion", "department", "prefecture"}
_BEARING_BEFORE = re.compile(
    rf"(?<!the\s)\b{_DIRECTION}\s*$", re.IGNORECASE
)
_SETTLEMENTS = {"town", "village", "city", "hamlet"}
_PORT_CITY_OF = re.compile(
    r"\s+(?:port|border|coastal|desert|oasis)\s+(?:city|town|village)\s+of\s+(?:the\s+)?[A-Z]"
    # ("in the Bint Jbeil district town of Aynata": the district is wider)
    r"|(?<=district)\s+(?:city|town|village)\s+of\s+(?:the\s+)?[A-Z]")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# "Ma Gyi Kone village of Depayin Township", "Mera village of Augie Local Government Area": what
# follows "of" is the wider unit, so the name before the type word is the village itself
_OF_WIDER = re.compile(r"(?i:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}?(?:region|state|province|division"
                       r"|township|district|county|municipality|lga|local\s+government\s+area|tehsil|woreda|raion)\b)")
_NUMBERED_PLACES = {"Camp", "Block", "Sector", "Zone", "Ward", "Phase", "Mile"}  # ("Mile 4 Nkwen", Bamenda)
_NUMBERED_ROADS = {"Route", "Highway", "Road", "National Road", "Motorway"}
_NUMBERED = re.compile(r"\s+\d{1,3}[A-Z]?\b")
_NUMBER_MARK = re.compile(r"(?:(?<=\bWard )|(?<=\bBlock )|(?<=\bCamp )|(?<=\bZone ))No\.\s?(?=\d)")
_NUMBERED_JOINED = re.compile(rf"({'|'.join(sorted(_NUMBERED_PLACES))})-(\d{{1,3}}[A-Z]?)")  # "Camp-8W"
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'’-]+['’]s\s+(?:(?:economic|commercial|regional|provincial|state)"
                             r"\s+)?capital,?\s+$")
_SAID_A_TOWN = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:capital|town|city|village|hub)"
                          r"\s+(?:of|in)\s")
_SQUARE = re.compile(r"(?:Place|Rue|Avenue|Boulevard)\s+d")
_WEAK_VIA = {"of", "from", "between", "toward", "towards", "across", "over", "via", "targeted", "targeting"}
_ASK_VIA = _WEAK_VIA | {"including"}  # ("the strike targeted Mohammed Deif": a person, asked)
# "on the road between Gao and Ansongo", "a convoy between Ansongo and Gao": two towns, not the two
# sides of a fight
_ROAD_BETWEEN = re.compile(
    r"\b(?:road|highway|route|axis|stretch|towns|villages|cities|convoy|bus|journey|travell?ing)\s+between"
    r"\s+[^,.;]{0,40}$", re.IGNORECASE)
# "BAGHDAD: ...", "Beirut, Lebanon: ..."
# "in the West Zone of Rio": a part of the city named after it, no place of its own
_COMPASS_ZONE = re.compile(r"(?:North|South|East|West|Central)(?:[- ]?(?:east|west|East|West))?\s+Zone")
_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
                             r"(?:\s*\([^()]{1,40}\))?(?:\s*:\s|\s+[-–—]\s)")  # (an agency: "(SONNA)")
_NOT_PLACE_ENTS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "LANGUAGE"}


@lru_cache(maxsize=256)
def _places_in(sentence: str, skip_spans: tuple[tuple[int, int], ...]) -> tuple[PlaceMention, ...]:
    """`_find_places`, cached: an article's first sentences are read with its actors' spans for
    its main places (`claims._article_places`) and again, the same way, when a claim borrows a
    place from a sentence near it (a quarter of the calls; the mentions are frozen)."""
    return tuple(_find_places(sentence, list(skip_spans)))


# compiled once (as module-level calls, each was a look-up in `re`'s cache, ~60 an article)
_TO_PERSON = re.compile(r"(?:according|loyal|allied|close)\s*$")
_SPOKE_FROM = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|newsmen|the\s+media|the\s+press|a\s+(?:news|press)"
    r"\s+(?:conference|briefing))|(?:statement|communique)\s+(?:issued|released)|speaking|spoke|briefing"
    r"|(?:news|press)\s+(?:conference|briefing)"
    # "the British embassy in Nairobi said": where a body sits
    r"|embassy|consulate|bureau|headquarters|correspondent)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s$")
_FLAGGED = re.compile(r"-(?:flagged|owned|registered|operated|managed)\b", re.IGNORECASE)
_RIVER_AFTER = re.compile(r"\s+(?:river|River|basin|Basin)\b")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_THAI_VILLAGE_NO = re.compile(r"\bMoo\.?\s+\d{1,2}(?:,\s*|\s+of\s+|\s+(?=[A-Z]))")
_OWNER_THEN = re.compile(r"^((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)[’']s\s+(.+)$")
_GOVERNMENT = re.compile(r"\s+government", re.IGNORECASE)
_QUALIFIER_END = re.compile(r"-(?:led|backed|held|based|run|controlled|allied|linked|affiliated)$",
                            re.IGNORECASE)
_ACRONYMS = re.compile(r"[A-Z]{2,}s?")
_ACRONYM = re.compile(r"[A-Z]{2,}")
_GOVERNMENT_VERB = re.compile(r"\s+(?:has\s+|had\s+|also\s+)?(?:blames?|blamed|accuse[sd]?|denie[sd]|insists?"
                              r"|insisted|considers?|considered|regards?|wants?|wanted|vowed|vows)\b")
_CLOCK_NOTE = re.compile(r"\(\s*(?:[A-Z][a-z]+day|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))\s*$")
_BRANCH = re.compile(r"[A-Z]{2,}-[A-Z]")


_EN_DASH_JOIN = re.compile(r"(?<=[a-z])–(?=[A-Z])")
_JOINING = re.compile(r" (?:and|of the|of|wa) ")
_JOINED = re.compile(r"-(?:and|of-the|of|wa)-")


def _hyphens(m: re.Match[str]) -> str:
    return m.group(0).replace(" ", "-")


@lru_cache(maxsize=1)
def _joined() -> re.Pattern[str] | None:
    """Place names with " and " or " of " inside ("Jammu and Kashmir", "Democratic Republic of the Congo"),
    which the finder would split in two."""
    names = load_data("places_lexicon.yaml").get("joined_names", [])
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def _find_places(sentence: str, skip_spans: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    joined = _joined()
    if joined is not None and (" and " in sentence or " of " in sentence or " wa " in sentence) \
            and joined.search(sentence):
        # "Jammu and Kashmir's Kulgam district": one name, written as one word of the same length for
        # the finder (so every offset stays), and given back with its spaces
        sentence = joined.sub(lambda m: _JOINING.sub(_hyphens, m.group(0)), sentence)
        return [replace(p, name=_JOINED.sub(lambda j: j.group(0).replace("-", " "), p.name))
                for p in _find_places(sentence, skip_spans)]
    sentence = people_of_as_in(sentence)  # ("Residents of Tede": in Tede)
    if "–" in sentence:  # "the Tecate–Mexicali highway": a road's two ends, as with a hyphen (same length)
        sentence = _EN_DASH_JOIN.sub("-", sentence)
    if "No." in sentence:  # "Lashio's Ward No. 10": the ward's number (offsets kept)
        sentence = _NUMBER_MARK.sub(lambda m: " " * len(m.group(0)), sentence)
    if "Moo" in sentence:  # "in Moo 3, Ban Tanyong": a Thai village's number; the names after it are read
        sentence = _THAI_VILLAGE_NO.sub(lambda m: " " * len(m.group(0)), sentence)
    not_places = _stop()[0]
    out: list[PlaceMention] = []
    org, titles, compass, things = _not_named()
    for m in PLACE_RE.finditer(sentence):
        name = m.group("name")
        start = m.start("name")
        if not m.group("pre") and not m.group("post") and not m.group("dir") and not m.group("country"):
            # A bare capitalised word is a place only if it's a known country/region/city.
            _, countries, regions, cities, _ = _stop()
            # (or the capital a country's or province's "capital" names: "in Kenya's capital Nairobi")
            # (or a name said to be a town: "Djibo, the capital of the Soum province, was attacked")
            if name.lower() not in regions and name.lower() not in cities \
                    and not _CAPITAL_BEFORE.search(sentence, max(0, start - 30), start) \
                    and not _SAID_A_TOWN.match(sentence, m.end("name")):
                continue
            if not sentence[: m.start("name")].strip() and _DATELINE_AFTER.match(sentence, m.end("name")):
                continue  # "Baghdad: Iraqi forces killed five militants in Salahudin": where it was filed
        pre = m.group("pre") or ""
        if not pre and _GOVERNMENT_VERB.match(sentence, m.end("name")):
            continue  # "which Ankara blames for", "Kyiv said": a capital for its government
        if pre.lower().startswith("in") and _CLOCK_NOTE.search(sentence, max(0, m.start() - 16), m.start()):
            continue  # "on Thursday (Friday in Manila)": the paper's own day, not a place of the news
        if (m.group("dir") or "").strip().lower() in ("central", "downtown") and name.lower() in _stop()[1]:
            continue  # "central Mali" is a region of a country, no place ("central Tel Aviv" is)
        if pre.startswith("to") and _TO_PERSON.search(sentence[: m.start()]):
            continue  # "according to Abdullah Hasrat", "forces loyal to Hadi": people
        if pre.lower().startswith("in") and _SPOKE_FROM.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "a UN spokesman told reporters in New York": where it was said, not where it happened
        owner = _POSSESSIVE.sub("", _CLEAN_ART.sub("", name)).lower()
        known = _known()
        lower_next = _LOWER_NEXT.match(sentence[m.end("name") :])
        if _POSSESSIVE.search(name) and lower_next and owner not in known:
            continue  # "the Denny's family restaurant", "Ahmed's house": a business or a person's
        name = _POSSESSIVE.sub("", _CLEAN_ART.sub("", name))
        poss = _OWNER_THEN.match(name)
        straight = name.replace("’", "'").lower()
        kept = next((pn for pn in _possessive_names() if straight.startswith(pn + "'s ")), None)
        if kept:  # "Cox's Bazar's Ukhiya upazila": the owner is the name with a possessive in it
            poss = re.match(rf"^(.{{{len(kept)}}})['’]s\s+(.+)$", name)
        owner_of = None
        if poss and straight not in _possessive_names():
            name = poss.group(2)  # "Mogadishu's Hamarweyne" -> Hamarweyne (the city is context)
            owner_of = _owner(poss.group(1), start)
            if owner_of is None and (m.group("post") or poss.group(2).split()[-1].lower() in _CAPITAL_TYPES) \
                    and poss.group(1).lower() not in _stop()[1]:
                # "Chhattisgarh's Bijapur district": the owner of a place typed as one is a wider
                # place the lexicon does not list; context only, for the geocoder to read
                owner_of = PlaceMention(poss.group(1), start, start + len(poss.group(1)), 5, OWNER)
        after = m.end("name")
        if org.search(name) or _ORG_AFTER.match(sentence, after) or things.match(sentence, after):
            continue  # "Aamin Ambulance", "Arakan Army", "Al-Fath Al-Mubin operation room": groups
        if _RIVER_AFTER.match(sentence, after) and is_country_name(name):
            continue  # "near the Niger river": a river three countries share, not the country
        if _FLAGGED.search(name):
            continue  # "the Panama-flagged bulk carrier Silver Dawn": a ship and its flag, no place
        before = sentence[max(0, start - 20) : start].split()[-1:]
        typed_region = (m.group("post") or "").strip().lower() in ("region", "state", "province", "zone")
        # ("in Sheikh Maskin city", "in Imam Sahib district": a title that starts a place's name)
        placed_title = name.split()[0].lower() in _PLACE_TITLES and len(name.split()) > 1 and (
            m.group("post") or (before and before[0].lower() in ("in", "at", "near", "around")))
        if ({w.lower().rstrip(".") for w in before + name.split()[:1]} & titles and not placed_title) or (
                name.lower() in compass and not typed_region):
            continue  # "the army of President Hadi": a person; "Arrows of the East": no place (the
            # "North-West region" of Cameroon is one)
        if _MODEL_CODE.search(name) and not _NUMBERED_JOINED.fullmatch(name):
            continue  # "seized a KG9 semi-automatic", "AK47 rifles", "M23 rebels": a model or a group
        words = name.split()
        post = m.group("post")
        local_gov = _GOVERNMENT.match(sentence[m.end("name") :])
        if len(words) > 1 and words[-1].lower() == "local" and local_gov:
            words.pop()  # "Idemili North Local government area"
            post = " lga"
        elif len(words) > 1 and words[-1].lower() in _CAPITAL_TYPES and not post:
            post = " " + words.pop().lower()  # "Anambra State", "Paletwa Township": the type, written big
        # ("Chin State", "Twic County", "Twic East County": a people's name, a compass word, the type)
        people_state = bool(post) and post.strip() in ("state", "region", "province", "county") \
            and (len(words) == 1 or (len(words) == 2 and words[1].lower() in compass)) \
            and (words[0].lower() not in not_places or words[0].lower() in _peoples())
        if len(words) > 1 and words[-1] == "Bank" and words[0].lower() not in compass:
            continue  # "a branch of Kabul Bank in Kunduz": a bank named after a city, not the city
        if len(words) > 1 and not people_state and " ".join(words).lower() in not_places:
            continue  # "on Eid al-Fitr": a feast, whose "al-Fitr" would stay once "Eid" is taken off
        if not people_state:  # "Chin State", "Kachin State": a people's name, then the type, is a place
            while words and (words[0].lower() in not_places or words[0] in ("of", "de", "del")):
                words.pop(0)  # ("the Municipality of Tocoa": Tocoa)
            while words and words[-1].lower() in not_places:
                words.pop()
        if not words:
            continue
        name = " ".join(words)
        if joined := _NUMBERED_JOINED.fullmatch(name):
            name = f"{joined[1]} {joined[2]}"  # ("Camp-8W" as the camps' signs write it: "Camp 8W")
        if name in _NUMBERED_ROADS and _NUMBERED.match(sentence, m.end("name")):
            continue  # "on Route 60 south of Hebron": a numbered road, no place (the town beside it is)
        numbered = _NUMBERED.match(sentence, m.end("name")) if name in _NUMBERED_PLACES else None
        name_end = m.end("name")
        if numbered:
            name += " " + numbered.group(0).strip()  # "Camp 13" of the Cox's Bazar camps, "Block 5"
            name_end = numbered.end()
        low = name.lower()
        if "-" in low and all(part in not_places for part in low.split("-")):
            continue  # "the Putin-Erdogan area": a zone named after two leaders' deal
        if low in outlets() or low in _stop()[4]:
            continue  # "Aleppo, Enab Baladi – ...": a news outlet's name; "of the Republic": the state
        if (low in not_places and not people_state) or (low.endswith("s") and low[:-1] in not_places) or any(
            s <= start < e for s, e in skip_spans or []
        ):  # "for all Afghans to live in peace": a people in the plural is no place either
            continue
        if _QUALIFIER_END.search(name):
            continue  # "the Kurdish-led forces": a qualifier, not a place
        if len(name) <= 2 or (_ACRONYMS.fullmatch(name) and name.lower() not in _stop()[1]):
            continue  # acronyms (SANA, YPG, the PDFs) are organisations
        if _BRANCH.match(name) or _VICTIM_OF.search(sentence, 0, start):
            continue  # "according to CDF-Kanpetlet": a group's local branch; "the killing of Isah"
        direction = m.group("dir")
        countryside = bool(m.group("country")) or bool(post and post.strip().lower() == "countryside")
        clean = name
        if direction and not (name.lower() in _known() or countryside):
            direction = None  # "southern Doura" is Doura; only a big place has an "eastern" part
        if direction:
            clean = f"{direction.strip().lower()} {clean}"
        if countryside:
            clean = f"{clean} countryside"
        elif post and post.strip().lower() in ("province", "governorate", "camp", "refugee camp", "airport",
                                               "air base", "forest", "region", "state", "oblast",
                                               "township", "county", "lga", "local government area",
                                               "municipality", "sub-division", "subdivision",
                                               "raion", "woreda"):
            clean = f"{clean} {post.strip().lower()}"
        rank = name_rank(name, post or typed_before(sentence, start), direction, countryside)
        if (post and post.strip().lower() in _SETTLEMENTS and _OF_NAME.match(sentence, m.end())
                # (not "in Chursoo village of Awantipora in south Kashmir's Pulwama district")
                and not _OF_WIDER.match(sentence, m.end()) and re.search(r"\b(?:the|a|an)\s+$", pre, re.I)) \
                or _PORT_CITY_OF.match(sentence, m.end()):
            rank = max(rank, 4)  # "the Agusan del Sur town of Sibagat", "the Red Sea port city of Hodeidah"
        if pre.startswith("of") and _BEARING_BEFORE.search(sentence[max(0, m.start() - 40) : m.start()]):
            # "in Salahudin province, north of Baghdad": a landmark, not the place ("villages west of
            # Dhusamareb in Galgaduud region": the town they are by, in the province named after it)
            rank = 3 if IN_PROVINCE_AFTER.match(sentence, m.end()) else max(rank, 5)
        via = pre.split()[0].lower() if pre.split() else ""
        if owner_of is not None:  # "Tanintharyi Region's Launglon Township": the region is context
            out.append(PlaceMention(owner_of.name, owner_of.start, owner_of.end, owner_of.rank,
                                    owner_of.via or via))
            start = owner_of.end + 3  # after "’s "
        first = m.start("dir") if direction else start
        items = continue_list(sentence, m.end())
        plural = PLURAL_TYPE.match(sentence, items[-1][2]) if items and not post and not direction else None
        kind = PLURAL_TYPES.get(plural.group(1).lower()) if plural else None
        if kind:  # "the border of Yesagyo and Pakokku townships": each is a township
            clean, rank = f"{clean} {kind}", name_rank(name, " " + kind, None, False)
        out.append(PlaceMention(clean, first, max(m.end(), name_end), rank, via))
        for item, s0, e0 in items:
            item = _CLEAN_ART.sub("", item)
            if item.lower() in not_places or item.lower() in outlets() or item.split()[0].lower() in titles \
                    or any(s <= s0 < e for s, e in skip_spans or []):
                break  # (a person named next: "resident of Karak, and Sepoy Abdul Wahab")
            if _ACRONYM.fullmatch(item) and item.lower() not in _stop()[1]:
                continue  # "Guma Local Government Area, LGA, of Benue state"
            lga = item.endswith(" Local") and _GOVERNMENT.match(sentence[e0:])
            if lga:
                item, e0 = item.removesuffix(" Local") + " LGA", e0 - len(" Local")
            bare = item
            typed = None if kind or lga else ITEM_TYPE.match(sentence, e0)  # ("..., Lakes state, on")
            if kind and not lga:
                item = f"{item} {kind}"
            elif typed:
                item, e0 = f"{item} {typed.group(1).lower()}", typed.end()
            if not any(p.start == s0 for p in out):
                word = f" {kind or typed.group(1)}" if kind or typed else None
                rank = 3 if lga else name_rank(bare, word, None, False)
                out.append(PlaceMention(item, s0, e0, rank, out[-1].via))
    def skipped(start: int) -> bool:
        return any(s <= start < e for s, e in skip_spans or [])

    local = LOCAL_DATELINE.match(sentence)
    if local and not skipped(0):  # "Culiacán, Sinaloa.- ...": a local paper's dateline: where the news is
        city = local.group("city")
        out.append(PlaceMention(city.title() if city.isupper() else city, 0, local.end("city"), 3, "in"))
        if local.group("state"):
            out.append(PlaceMention(local.group("state"), local.start("state"), local.end("state"), 4, "in"))
    hit = SUBJECT_HIT.match(sentence)
    if hit and not skipped(hit.start("name")) and not any(p.start == hit.start("name") for p in out):
        name = hit.group("name")
        if name.lower() not in not_places and not org.search(name) and name.split()[0].lower() not in titles \
                and not _ACRONYM.search(name):  # ("The FAMa came under attack": Mali's army)
            rank = name_rank(name, None, None, False)
            out.append(PlaceMention(name, hit.start("name"), hit.end("name"), rank, "in"))
    for city, s0, e0 in capital_mentions(sentence):  # "near the Honduran capital": Tegucigalpa
        if not skipped(s0):
            out = [p for p in out if not (p.start < e0 and s0 < p.end)]
            before = sentence[max(0, s0 - 12) : s0].split()
            out.append(PlaceMention(city, s0, e0, 2, before[-1].lower() if before else ""))
    out = [p for p in out if not is_street(sentence, p.name, p.end)]
    out.sort(key=lambda p: p.start)
    dedup: list[PlaceMention] = []
    for p in out:
        if not dedup or p.start >= dedup[-1].end:
            dedup.append(p)
    return dedup


OWNER = "owner"  # the `via` of a city named only as a possessive ("Kabul's Khair Khana")


def _owner(owner: str, start: int) -> PlaceMention | None:
    """The province before a possessive ("Tanintharyi Region's Launglon Township"), as a wider
    place: it says which namesake the place after it is."""
    words = owner.split()
    _, countries, regions, cities, _ = _stop()
    if len(words) > 1 and words[-1].lower() in _CAPITAL_TYPES:
        kind = words[-1].lower()
        name = f"{' '.join(words[:-1])} {kind}"
        rank = name_rank(" ".join(words[:-1]), " " + kind, None, False)
        return PlaceMention(name, start, start + len(owner), rank)
    if owner.lower() in regions and owner.lower() not in countries:
        return PlaceMention(owner, start, start + len(owner), 4)
    if owner.lower() in cities:
        # "Kabul's Khair Khana": the city says which Khair Khana, as context only (rank 5: never the
        # place itself, which it would become where the gazetteer lacks the district)
        return PlaceMention(owner, start, start + len(owner), 5, OWNER)
    return None

