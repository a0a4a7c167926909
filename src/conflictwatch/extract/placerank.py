"""A place as the extractor found it (`PlaceMention`) and how specific it is: the rank its type word
gives ("Paletwa Township" -> 2), what the words around it say ("Ntoyo, a village in ...", "at Kwakta
in Bishnupur district") and which of a sentence's places is the most specific."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictwatch.extract.rules import load_data, words_re
from conflictwatch.geo.gazetteer import admin1_keys
from conflictwatch.geo.normalize import name_key


@dataclass(frozen=True)
class PlaceMention:
    name: str  # cleaned: "al-Qarterji", "eastern Aleppo", "northern Aleppo countryside"
    start: int
    end: int
    rank: int  # 1 district/village ... 5 country: lower is more specific
    via: str = ""  # the word that introduced it ("in", "of", "near"), lower case; "" in a list


@lru_cache(maxsize=1)
def place_types() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """Place-type words with their rank, a regex for a name ending in one, and facility words."""
    data = load_data("places_lexicon.yaml")
    types = {str(k).lower(): int(v) for k, v in (data.get("place_types") or {}).items()}
    alts = "|".join(sorted(map(re.escape, types), key=len, reverse=True))
    ending = re.compile(rf"\s(?P<type>{alts})$", re.IGNORECASE)
    facility = words_re(data.get("facility_words", []))
    return types, ending, facility


def type_rank(name: str) -> int | None:
    """How specific a name is by the type word it ends with ("Paletwa Township" -> 2)."""
    types, ending, _ = place_types()
    m = ending.search(name)
    if m is None and (lead := _TYPE_FIRST.match(name)):  # ("Barangay Carabalan", "Sitio Lumbo")
        return types.get(lead.group(1).lower().rstrip("."))
    return types[m.group("type").lower()] if m else None


_TYPE_FIRST = re.compile(r"(Barangay|Brgy\.?|Sitio|Purok|Vereda|Corregimiento|Kebele)\s+[A-Z0-9]")


_RAID_VERBS = frozenset({"attacked", "raided", "overran", "invaded"})
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:in|on|at|near|of|and|or|to|from|with|late|early|overnight|last|this)\b)[a-z]")
_TYPED_APPOSITIVE = re.compile(r",\s+an?\s+(?:[\w-]+\s+)?(?P<kind>village|town|hamlet|settlement|community"
                               r"|locality|neighbourhood|neighborhood|suburb)\s+(?:in|of|near|about|outside)\b")
_IN_WIDER = re.compile(r",?\s+(?:in|of)\s+(?:the\s+)?|,\s+")  # ("Mir Ali, North Waziristan District")


def refine_ranks(found: list[PlaceMention], sentence: str) -> list[PlaceMention]:
    """ "at Kwakta in Bishnupur district": the district holds the place named before it, so it is
    the wider of the two, whatever its type word says (a city's district is a village's rank)."""
    # ("attacked al-Qaida hideouts": a name before a noun is an owner, no place; "attacked Ntoyo, a
    # village ..." and "raided Bama in Borno" are places)
    out = [p for p in found if not (p.via in _RAID_VERBS and _NOUN_AFTER.match(sentence, p.end))]
    for i, a in enumerate(out):
        typed = _TYPED_APPOSITIVE.match(sentence, a.end)
        if typed and a.rank == 2 and type_rank(sentence[a.start : a.end]) is None:
            # "Ntoyo, a village in the Bapere sector": the appositive says what the place is
            out[i] = PlaceMention(a.name, a.start, a.end, type_rank(" " + typed["kind"]) or a.rank, a.via)
    for i in range(1, len(out)):
        a, b, gap_end = out[i - 1], out[i], out[i].start
        if i > 1 and re.fullmatch(r"['’]s\s+", sentence[a.end : b.start]):
            # "at Kwakta in Manipur's Bishnupur district": the state owns the district
            a, gap_end = out[i - 2], a.start
        # ("in the Machil sector of Kupwara district", "the Tirah valley of Khyber district": a part typed
        # as one, inside the district too)
        if b.rank <= a.rank and _typed_district(sentence, b) \
                and a.rank == 2 and (type_rank(sentence[a.start : a.end]) is None
                                     or _PART_TYPED.search(sentence[a.start : a.end])) \
                and _IN_WIDER.fullmatch(sentence, a.end, gap_end):
            out[i] = PlaceMention(b.name, b.start, b.end, a.rank + 1, b.via)
        elif _NEAR_LANDMARK.fullmatch(sentence, a.end, b.start) and (a.via in ("in", "at") + _CALLED or (
                # (the "of" of a place typed: not "the border guard of Abkhazia near the village of X")
                a.via == "of" and _TYPED_OF.search(sentence, max(0, a.start - 30), a.start))):
            # "in the township of Coyuca de Benitez, near the resort city of Acapulco": a landmark
            # beside the place, not the place (unless far vaguer: "in Borno state near Gwoza")
            # (no wider than a town: ranks 4 and 5 are provinces and countries)
            out[i] = PlaceMention(b.name, b.start, b.end, max(b.rank, min(b.rank + 2, 3)), b.via)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        unit = _PROVINCE_UNIT.search(a.name)
        if unit and THE_BEFORE.search(sentence, max(0, a.start - 5), a.start) \
                and _OF_GAP.fullmatch(sentence, a.end, b.start) \
                and name_key(a.name[: unit.start()]) in admin1_keys() \
                and name_key(b.name) not in admin1_keys():
            # "in the Michoacán municipality of Aguililla": the province, then the place in it
            out[i - 1] = PlaceMention(a.name[: unit.start()], a.start, a.end, 4, a.via)
            out[i] = PlaceMention(b.name, b.start, b.end, b.rank, a.via if b.via == "of" else b.via)
    villages = [a for a in out if _VILLAGE_OF.search(sentence, max(0, a.start - 30), a.start)
                or sentence[a.start : a.end].lower().endswith(" village")]
    if villages:
        # "near the village of Nabakevi in the occupied Gali district", "A resident of the Fuzuli district
        # was killed near the village of X": a village is never wider than a district
        least = min(a.rank for a in villages)
        out = [PlaceMention(b.name, b.start, b.end, least + 1, b.via)
               if b not in villages and b.rank <= least and _typed_district(sentence, b)
               else b for b in out]
    # "In the El Fasher area, shelling killed six in the Abu Shouk camp": an area opening the sentence
    # frames a place as specific named after it
    frame = _AREA_FRAME.match(sentence)
    out = [PlaceMention(a.name, a.start, a.end, a.rank + 1, a.via)
           if frame and a.start < frame.end()
           and any(b.start >= frame.end() and b.rank <= a.rank for b in out)
           else a for a in out]
    # "in the Sangha river near Nola": a river runs past many places; the one named on it is where (no
    # place named: the river it is)
    return [PlaceMention(p.name, p.start, p.end, max(p.rank, 3), p.via)
            if _RIVER.match(sentence, p.end) or _RIVER.search(sentence, p.start, p.end) else p
            for p in out]


_PROVINCE_UNIT = re.compile(r"\s(?:municipality|state|province|department|district|county|region|canton"
                            r"|governorate)$", re.IGNORECASE)
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")


# (a river only, not a road: "the Pale-Gangaw highway" names the towns it joins, as coders do)
_RIVER = re.compile(r"\s+(?:river|stream)(?![\w-])", re.IGNORECASE)


_AREA_FRAME = re.compile(r"\W*In\s+the\s+(?:[\w'’-]+\s+){1,3}?area,\s")
_PART_TYPED = re.compile(r"\s(?:sector|tehsil|valley|area|block|union council|subdivision)$", re.IGNORECASE)


_TYPED_OF = re.compile(r"\b(?:town|township|village|city|municipality|district|community|hamlet|locality"
                       r"|commune)\s+of\s+$", re.IGNORECASE)
def _typed_district(sentence: str, p: PlaceMention) -> bool:
    """Is the place written with its type word "district" ("in Bishnupur district")?"""
    return sentence[p.start : p.end].lower().endswith(" district")


_VILLAGE_OF = re.compile(r"\b(?:village|hamlet)\s+of\s+$", re.IGNORECASE)


# (the `via` of "an area called El Papayo": the word before "called")
_CALLED = ("area", "village", "place", "locality", "spot", "hamlet", "settlement", "neighbourhood",
           "neighborhood")
_NEAR_LANDMARK = re.compile(r",?\s*\bnear\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:city|town)\s+of\s+)?",
                            re.IGNORECASE)


ROUTE = "route"  # the `via` of where a journey began: "travelling from Gida Ayana to Kiremu"


# A province named with its type in capitals ("Donetsk Oblast", "Borno State"), even where the place
# finder skips it (a speaker's title: "Donetsk Oblast governor Vadym Filashkin said")
# (not the Islamic State's "provinces": "Islamic State West Africa Province", "Khorasan Province")
_UNIT = (r"\b(?!(?:Islamic|Africa|Khorasan|Sinai|Sahel|Hind)\s)[A-Z][\w'’-]+\s+"
         r"(?:Oblast|Province|State|Region|Governorate)\b")
TYPED_REGION = re.compile(_UNIT)
# ... in the title of who speaks for it ("Donetsk Oblast governor", "Borno State police command")
TITLED_REGION = re.compile(_UNIT + r"(?=\s+(?:governor|police|military|administration|authorities|officials?"
                           r"|commissioner|command|head|chief|council)\b)")


def most_specific(places: list[PlaceMention]) -> PlaceMention | None:
    if not places:
        return None
    # (of the same rank, a place it happened at before a bus's route: "travelling from Gida Ayana to
    # Kiremu when it was stopped at Angar Gutin"; not "a farmer from the village of Tole")
    return min(places, key=lambda p: (p.rank, p.via == ROUTE, p.start))


# The words around a place that say it is not where it happened, or how it stands to it
_STAFF_OF = re.compile(r"\b(?:workers?|staff|employees?|doctors?|nurses?|teachers?|students?|pupils?"
                       r"|members?|patients?|officials?|guards?|miners?)\s+(?:of|from)\s+(?:the\s+)?$", re.I)
# (a victim's home set off by commas, not "attacked residents of Tole kebele": where they were attacked)
# ("killing its driver, a resident of the nearby village of Maroun al-Ras": his home)
_HOME_OF = re.compile(r",\s*(?:a\s+)?(?:resident|native)\s+of\s+(?:the\s+)?"
                      r"(?:(?:nearby|neighbouring|neighboring)\s+)?"
                      r"(?:(?:village|town|city|hamlet)\s+of\s+)?$|\b(?:hailing|hails|hailed)\s+from\s+$"
                      r"|\b\d{1,3},\s+of\s+$"  # ("Rocky Vazquez, 33, of Barangay Mahayag")
                      # where the attackers came from ("gunmen who residents said were herders from Kogi
                      # State", "The gang members came from Morne Cabrit"): not where they struck
                      r"|\b(?:came|coming|arrived|arriving|crossed\s+over)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?"
                      r"(?:[A-Z][\w'’-]*\s+){0,3}?(?:(?:[A-Z][\w'’-]*,?\s+){1,3}and\s+)?$"
                      r"|\b(?:herders|herdsmen|gunmen|attackers|assailants|bandits|raiders|gang\s+members)\s+"
                      r"(?:believed\s+to\s+be\s+|said\s+to\s+be\s+)?from\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?$",
                      re.I)
_SPOKE_AT = re.compile(r"\b(?:told\s+(?:reporters|journalists|the\s+media|a\s+news\s+conference)|speaking"
                       r"|spoke|(?:news|press)\s+conference"
                       # ("according to a military source in Pemba": where the source sits)
                       r"|(?:according\s+to|said)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:source|official|spokesman"
                       r"|spokeswoman|spokesperson|correspondent)s?)\s+(?:at|in|based\s+in)\s+(?:the\s+|a\s+)?$",
                       re.IGNORECASE)
_DISTANCE_FROM = re.compile(r"\b(?:kilomet(?:re|er)s?|km|miles?)\s+(?:\w+\s+){0,2}from\s+(?:the\s+)?"
                            r"(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
_LIES = re.compile(r"\b(?:is|are|lies|located|situated)\b[^,;]*$", re.IGNORECASE)  # ("Bama is 70 km from X")
_TO_NEXT = re.compile(r"\s+(?:to|towards)\s+(?:the\s+)?[A-Z]")
_WORKPLACE_AFTER = re.compile(r"\s+(?:health\s+(?:centre|center|post)|hospital|clinic|school|college"
                              r"|university|mine|company|factory|office)\b", re.IGNORECASE)


# "The army spokesperson in Ituri told reporters", "a civil society official in Oicha said": where
# the speaker sits, right before the speech verb
_SPEAKER_IN = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|sources?|correspondent|leaders?"
                         r"|president|chief|administrator|governor|mayor|commander|prefect|sub-prefect|head"
                         r"|commissioner|coordinator)\s+(?:based\s+)?in\s+(?:the\s+)?$"
                         # ("the mayor of Mokolo said", "The administrator of Mwenga territory said", "the
                         # head of the Banyali Kilo chiefdom told": the speaker's seat, context)
                         r"|\b(?:mayor|prefect|sub-prefect|administrator|chief|head|commissioner|governor"
                         r"|coordinator|society)\s+of\s+(?:the\s+)?$",
                         re.IGNORECASE)
# (the seat of a town's own head: the commune it happened in, when no other place is named)
_TOWNS_HEAD_OF = re.compile(r"\b(?:mayor|prefect|sub-prefect)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# (", Lieutenant Jules Ngongo, said": the speaker's name between the seat and the verb)
_SPEECH_AFTER = re.compile(r"(?:\s*,\s*[^,.;]{1,50}?,)?\s*,?\s*(?:told|said|says|confirmed|reported|added)\b")


def told_elsewhere(sentence: str, p: PlaceMention) -> bool:
    """Is the place only where the victims worked ("health workers of the Gida Ayana health centre"),
    a victim's home ("Naik Sher Zaman, 31, resident of Karak") or where someone spoke ("told reporters
    at Madina hospital")?"""
    return bool((_STAFF_OF.search(sentence, 0, p.start) and _WORKPLACE_AFTER.match(sentence, p.end))
                or _HOME_OF.search(sentence, 0, p.start)
                or _SPOKE_AT.search(sentence, max(0, p.start - 60), p.start))


def speakers_seats(sentence: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The places with where a speaker sits made the widest ("killed three herders in Likuangole, an
    official in the Greater Pibor Administrative Area said": context, not the place); none when that
    is the only place named."""
    spoken = [spoken_from(sentence, p) for p in found]
    if len(found) == 1 and spoken[0]:
        # (but a mayor's or a prefect's town, the only one named, is the commune it happened in)
        return found if _TOWNS_HEAD_OF.search(sentence, 0, found[0].start) else []
    return [PlaceMention(p.name, p.start, p.end, max(p.rank, 4), p.via) if sp and not all(spoken) else p
            for p, sp in zip(found, spoken, strict=True)]


def spoken_from(sentence: str, p: PlaceMention) -> bool:
    """Is the place where the speaker sits ("The army spokesperson in Ituri told reporters")?"""
    return _SPEAKER_IN.search(sentence, max(0, p.start - 40), p.start) is not None \
        and _SPEECH_AFTER.match(sentence, p.end) is not None


_WIDER_GAP = re.compile(r"\s*(?:,|\bin\b|\bof\b)?\s*(?:the\s+)?")
_FROM_TYPED = re.compile(r"\bfrom\s+(?:the\s+)?(?:state|province|region|department|district|county|city|town"
                         r"|village)\s+of\s+$", re.IGNORECASE)
_WHO_FROM = re.compile(r"\b([A-Za-z][\w'’-]*)\s+from\s+(?:the\s+)?"
                       r"(?:(?:state|province|region|district|city|town|village)\s+of\s+)?$")

_MOVED = re.compile(r"\b(?:evacuat|rescu|withdr[ae]w|pull|airlift|mov|transfer|deploy|sen[dt]|brought|bring|"
                    r"extract|free|releas)\w*\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _someones_home(sentence: str, start: int) -> bool:
    """Is the place after "from" a person's home ("a worker from", "Mohd Amrez from"), not where
    soldiers were evacuated or bodies recovered from, or militants came from ("into Pakistan from")?"""
    from conflictwatch.extract.places import is_known_place  # (places imports this module)
    from conflictwatch.extract.victimwords import words

    m = _WHO_FROM.search(sentence, max(0, start - 60), start)
    if m is None:
        return False
    word = m.group(1)
    if _MOVED.search(sentence, max(0, m.start(1) - 40), m.start(1)):
        return False  # "to evacuate government soldiers from Nasir": where they were
    if word[0].isupper() and m.start(1) > 0:
        return not is_known_place(word)  # a name: "Mohd Amrez from Madhepura"
    return word.lower() in words().people


def homes_widened(sentence: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "a weaver from Madhepura in Bihar", "a resident from the state of Hidalgo": the wider place
    of where someone came from, and a typed one, is not where it happened either."""
    out: list[PlaceMention] = []
    for p in found:
        if p.via == "of" and _FROM_TYPED.search(sentence, max(0, p.start - 40), p.start) \
                and _someones_home(sentence, p.start):
            p = PlaceMention(p.name, p.start, p.end, p.rank, "from")
        home = out[-1] if out and out[-1].via == "from" and _someones_home(sentence, out[-1].start) else None
        if home is not None and p.via != "from" and _WIDER_GAP.fullmatch(sentence, home.end, p.start):
            p = PlaceMention(p.name, p.start, p.end, p.rank, "from")
        out.append(p)
    return out


def from_read(sentence: str, p: PlaceMention) -> PlaceMention:
    """A place after "from": near it when a distance is counted from it ("took place 10 km from
    Boni", not "Bama is 70 km from Maiduguri"), a journey's start before "to" ("travelling from X
    to Y")."""
    if p.via != "from":
        return p
    d = _DISTANCE_FROM.search(sentence, 0, p.start)
    if d and not _LIES.search(sentence, max(0, d.start() - 40), d.start()):
        return PlaceMention(p.name, p.start, p.end, p.rank, "near")
    if _TO_NEXT.match(sentence, p.end):
        return PlaceMention(p.name, p.start, p.end, p.rank, ROUTE)
    return p
