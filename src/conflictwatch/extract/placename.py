"""How a place name is written in news copy, as one pattern (`NAME`): capitalised words, Arabic articles
("al-", "Deir"), Spanish joins ("Playas de Tijuana") and short forms with a full stop ("Sta. Teresa").
Shared by the place finder and the dateline readers; also the asides whose places are not the claim's."""

from __future__ import annotations

import re

ART = (
    r"(?:al|el|ad|ar|as|ash|at|az|an|ag|ud|ul|ez|es|et|ed|er|bin|ibn|bani|beni|abu|umm|tal|tell|deir"
    r"|kafr|ain|ras|jisr|khan|bab|bir|wadi)"
)
# "Barangay Sta. Teresa", "Mt. Elgon": a short form with its full stop is part of a name
_CAP = r"(?:(?:Sta|Sto|St|Ste|Mt|Ft)\.(?=\s+[A-Z])|[A-ZÀ-ÖØ-Þ][\w’'\u2018-]*[\w]|[A-ZÀ-ÖØ-Þ])"  # "Álvarez"
# "Playas de Tijuana", "Praderas del Sur", "Apaseo el Alto"
_JOIN = r"(?:de|du|of|del|de la|de los|de las|do|da|dos|el|la|los|las|es)"  # ("Dar es Salaam")
# "Paletwa Township of Chin State" is two places: no "of" join right after a type word
_NOT_AFTER_TYPE = "".join(
    f"(?<!{w})" for w in ("Township", "Area", "District", "County", "Ward", "Division", "Region", "Province",
                          "State", "LGA", "Municipality", "Governorate", "Department", "Prefecture", "Zone")
)
_ELIDED = r"\s+de\s+l['’]"  # ("Petite-Rivière de l'Artibonite": the French article glued to the name)
NAME = rf"(?:(?:{ART}-)?{_CAP}(?:(?:\s+(?:(?:{ART})-)?|-|{_NOT_AFTER_TYPE}\s+{_JOIN}\s+|{_ELIDED}){_CAP})*)"


# "Residents of Tede in Atisbo LGA said ...": where the people who tell it live is the place, not a
# capitalised phrase "Residents of Tede" (read as "Residents in Tede", offsets kept); so is a
# sentence's first word, an act ("Shelling of Sennar market killed six": Sennar, not "Shelling of Sennar")
_PEOPLE_OF = re.compile(r"\b(?:[Rr]esidents|[Vv]illagers|[Ii]nhabitants|[Nn]atives|[Ee]lders|[Yy]ouths"
                        r"|[Tt]raders|[Ff]armers|RESIDENTS|VILLAGERS)\s+of\s+(?=[A-Z])"
                        r"|(?:^|(?<=[.;:]\s))(?:Shelling|Bombing|Bombardment|Looting|Burning)\s+of\s+(?=[A-Z])")


def people_of_as_in(sentence: str) -> str:
    """The sentence with "Residents of X" read as "Residents in X", and a French unit's "de" as "of"
    ("the commune de Tessit", "the cercle de Niono": the commune of Tessit), each the same length."""
    if " de " in sentence:
        sentence = _FRENCH_UNIT_DE.sub(lambda m: m.group(1) + "of ", sentence)
    if "colonia " in sentence or "fraccionamiento " in sentence:
        # "in the colonia Riberas del Bravo": a city's part named with its type word, as "Colonia X" is
        sentence = _LOWER_COLONIA.sub(lambda m: m.group(0).capitalize(), sentence)
    if " of " in sentence and _UNIT_OF_UNIT.search(sentence):
        # "tambon Bacho of Bacho district", "barangay Tuka of Kalamansig town": a village unit in a
        # wider one, two places (not one "Bacho of Bacho"); "the colonia Jalisco of San Luis Río
        # Colorado": a part of that city
        sentence = _UNIT_OF_UNIT.sub(lambda m: (m.group(1) or m.group(2)) + "in ", sentence)
    return _PEOPLE_OF.sub(lambda m: m.group(0)[:-3] + "in ", sentence) if "of " in sentence else sentence


_UNIT_OF_UNIT = re.compile(
    r"(\b(?i:tambon|barangay|sitio|purok|vereda|kampung)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s+)of\s+"
    r"(?=[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s+(?i:district|province|municipality|town|city|amphoe)\b)"
    r"|(\b(?i:colonia|fraccionamiento)\s+[A-Z][\w'-]*(?:\s+(?:(?:de|del|la|las|los|el)\s+)?[A-Z0-9][\w'-]*){0,3}"
    r"\s+)of\s+(?=[A-Z])")
_LOWER_COLONIA = re.compile(r"\b(?:colonia|fraccionamiento)(?=\s+[A-Z])")
# (lower case: "Village de Dieu" is a name)
_FRENCH_UNIT_DE = re.compile(r"\b((?:commune|cercle|r[ée]gion|d[ée]partement|province|pr[ée]fecture"
                             r"|localit[ée]|arrondissement)\s)de\s(?=[A-Z])")


# ", whose troops have been deployed in Cabo Delgado since 2021,": where an actor has been, not
# where the incident was
_WHOSE_ASIDE = re.compile(r",\s+whose\s+[^,;]{3,160}?,")


def aside_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of the asides about an actor or a speaker ("X, whose troops ..."); their places are not
    the claim's ("X, who invaded the village" may be)."""
    if ", whose" not in sentence:
        return []
    return [(m.start(), m.end()) for m in _WHOSE_ASIDE.finditer(sentence)]


_LIST_NEXT = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?P<name>{NAME})")
# a list item's type word ("Bor, Jonglei state, and ...")
ITEM_TYPE = re.compile(r"\s+(state|province|region|county|district|oblast|township|territory)\b(?!\s+of)")


def continue_list(sentence: str, end: int) -> list[tuple[str, int, int]]:
    """'al-Kalaseh, Bustan al-Qasr and al-Sakhour': names that continue a list after a place."""
    out: list[tuple[str, int, int]] = []
    while True:
        m = _LIST_NEXT.match(sentence, end)
        if not m or m.group("name")[-2:] in ("'s", "’s"):
            return out  # (", Mali's army said": the owner of what follows, no place of the list)
        out.append((m.group("name"), m.start("name"), m.end("name")))
        end = (typed.end() if (typed := ITEM_TYPE.match(sentence, m.end("name"))) else m.end("name"))


_STREET_AFTER = re.compile(
    r"(?:\s+(?:and|y)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?\s+(?:streets?|avenues?|boulevard|blvd|lane|alley)\b",
    re.IGNORECASE)
_STREET_NAME = re.compile(r"\b(?:street|avenue|boulevard|blvd|calle|avenida|lane|alley)\b", re.IGNORECASE)


def is_street(sentence: str, name: str, end: int) -> bool:
    """ "on Tiburón and Foca streets", "Technological Avenue": a street is finer than any
    gazetteer, and its name is a village's somewhere else."""
    return bool(_STREET_NAME.search(name) or _STREET_AFTER.match(sentence, end))


# A list of names closed by a plural type word: each name is one of them
PLURAL_TYPES = {"townships": "township", "counties": "county", "lgas": "lga",
                "local government areas": "lga", "municipalities": "municipality", "raions": "raion",
                "woredas": "woreda", "provinces": "province", "governorates": "governorate",
                "states": "state", "regions": "region", "oblasts": "oblast"}
PLURAL_TYPE = re.compile(r"\s+(" + "|".join(PLURAL_TYPES) + r")\b", re.IGNORECASE)
# "Kherson was shelled 54 times", "Kramatorsk came under missile attack": the place is the subject
SUBJECT_HIT = re.compile(
    rf"(?:(?:On|Early on|Late on|Overnight,?)\s+\w+,?\s+)?(?P<name>{NAME})\s+"
    r"(?:was|were|has been|had been|came)\s+"
    r"(?:shelled|bombed|struck|hit|attacked|targeted|pounded|under\s+(?:\w+\s+)?(?:fire|attack|shelling))\b"
)


IN_PROVINCE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:region|province|state)\b")


# "the vereda La Laguna", "sitio Lumbo", "tambon Kalo": a village-level unit whose type word comes before
# its name, and types it after "of" too (not "colonia": a city's part)
UNIT_PREFIX = r"(?:vereda|corregimiento|sitio|barangay|purok|ejido|tambon|kampung)"


_TYPED_BEFORE = re.compile(
    r"\b(?:city|towns?|villages?|district|neighbou?rhoods?|suburb|camps?|hamlets?|hill|quarter"
    # (not "capital": "Nyala, the capital of South Darfur" names the province the town is in)
    r"|outskirts|settlement|island|port|market|headquarters"
    # "the centre of Mykolaiv", "the heart of Kherson", "a residential area of Kryvyi Rih": a part of a
    # place is in it
    r"|centre|center|heart|suburbs|streets|vicinity|environs|periphery|entrance|exit"
    r"|(?:residential|industrial|commercial|populated|urban)\s+areas?"
    # "in the desert of al-Sukhnah, east of Homs", "the forests of Pomra village": the named spot
    r"|desert|forests?|valley|plains?|mountains|hills"
    # "the shelling of Nikopol", "the siege of Mariupol": a place hit
    r"|shelling|bombing|bombardment|siege|capture|recapture|fall)\s+of\s+",
    re.IGNORECASE,
)
_TYPED_BEFORE_END = re.compile(_TYPED_BEFORE.pattern + r"$", re.IGNORECASE)
_UNIT_BEFORE = re.compile(rf"\b{UNIT_PREFIX}\s+$", re.IGNORECASE)
_LEVEL_OF = {"governor": "state", "mayor": "town"}
# "the community of El Salto, in the municipality of Pueblo Nuevo": typed, each at its own level
# ("near Liwa, in the department of Fouli", "the locality of Ndalya, in the chefferie of Walese Vonkutu")
_TYPED_LEVEL_BEFORE = re.compile(r"\bthe\s+(?:rural\s+|urban\s+)?(community|municipality|commune|department"
                                 r"|prefecture|chefferie|territory|groupement|secteur|cercle|upazila|locality|province"
                                 r"|sindicatura|canton|parroquia|corregimiento|vereda|hromada|raion|woreda"
                                 r"|governorate)\s+of\s+$"
                                 r"|\b(?:deputy\s+)?(governor|mayor)\s+of\s+(?:the\s+)?$", re.IGNORECASE)

_NAMED_UNIT_OF = re.compile(r"\b[A-Z][\w'’-]*\s+(?:district|county|township|division|subdivision|tehsil)"
                            r"\s+of\s+$")
_BESIDE_BEFORE = re.compile(  # ("in Munigi, ..., on the northern outskirts of Goma": Goma is beside it)
    r"[\w’'-],\s*(?:on|in|at)?\s*the\s+(?:[a-z-]+ern\s+)?(?:outskirts|suburbs|edge)\s+of\s+$", re.IGNORECASE)


def typed_before(sentence: str, start: int) -> str | None:
    """ "the village of X", "the Christian town of X": the name is typed by the words before it;
    the rank word for it ("of", or the type whose level it has: "municipality")."""
    before = sentence[max(0, start - 40) : start]
    level = _TYPED_LEVEL_BEFORE.search(before)
    if level:  # ("the governor of West Darfur": a province; "the mayor of Chilpancingo": a town)
        return " " + _LEVEL_OF.get((word := (level.group(1) or level.group(2)).lower()), word)
    if _BESIDE_BEFORE.search(before):
        return None  # "at Ardamata, on the outskirts of El Geneina": the town the place is beside
    if _NAMED_UNIT_OF.search(before):
        return " province"  # "in Bisham, Shangla district of Khyber Pakhtunkhwa": the wider place
    return "of" if _TYPED_BEFORE_END.search(before) or _UNIT_BEFORE.search(before) else None


# "debris from a missile shot down over Kursk", "on the edge of Yater", "the hinterlands of Las Navas":
# a town, whatever the parser's entity recogniser reads the name as
_A_TOWNS_SIDE = re.compile(r"\b(?:(?:(?:shot\s+down|downed|intercepted|destroyed)\s+over"
                           # ("a bar in the south of Barranquilla")
                           r"|(?:edge|hinterlands?|outskirts|(?:the\s+)?(?:north|south|east|west|centre|center"
                           r"|north-?east|north-?west|south-?east|south-?west))\s+of)\s+(?:the\s+)?"
                           # ("fought for control of Woldia"; not "the control of the Stability Support ...")
                           r"|(?:control|siege)\s+of\s+"
                           # ("the police commissariat of Mirebalais", "the bridge of Pont-Sondé")
                           r"|\bthe\s+(?:[\w-]+\s+)?(?:commissariat|police\s+station|bridge|market|prison"
                           r"|town\s+hall|city\s+hall|entrance|port|airport|barracks|garrison|gendarmerie)\s+of\s+)$",
                           re.IGNORECASE)


def a_towns_side(sentence: str, start: int) -> bool:
    """Is the name at `start` written as a town's side or the sky over it (see `_A_TOWNS_SIDE`)?"""
    return _A_TOWNS_SIDE.search(sentence, max(0, start - 40), start) is not None
