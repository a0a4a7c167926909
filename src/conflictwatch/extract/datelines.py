"""Datelines left in an article's text ("PESHAWAR: ", "Uruapan, Michoacán.- ", "Imphal, Jan 15 (PTI)",
"Aleppo, Enab Baladi – "): where a story was filed, never where it happened, and not people's names;
and the news outlets, whose names are never places."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from conflictwatch.extract.placename import NAME
from conflictwatch.extract.rules import load_data
from conflictwatch.geo.normalize import name_key
from conflictwatch.months import NAME_OR_SHORT

if TYPE_CHECKING:
    from conflictwatch.extract.placerank import PlaceMention


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """News outlets' names (country_cues.yaml `outlets`), lower case: never places."""
    cues = load_data("country_cues.yaml") or {}
    return frozenset(o.lower() for entry in cues.values() if isinstance(entry, dict)
                     for o in entry.get("outlets") or [])


_OUTLET_VERB = re.compile(r"\s+(?:reports|reported|said|says|quoted|cited)\b")
_WORDS_BEFORE = re.compile(r"[\w.'’&-]+(?:\s+[\w.'’&-]+){0,5}$")


@lru_cache(maxsize=1)
def _outlet_words() -> int:
    return max((len(o.split()) for o in outlets()), default=0)


def outlet_mentions(sentence: str) -> list[tuple[int, int, str]]:
    """ "Radio Okapi reports that ...": a news outlet telling what it found is the claim's source
    (not a place, and not only a carrier of someone else's words). The outlet is looked up among
    the few words before each speech verb (one set lookup each, not a pattern of every outlet)."""
    out: list[tuple[int, int, str]] = []
    names, most = outlets(), _outlet_words()
    for v in _OUTLET_VERB.finditer(sentence):
        before = _WORDS_BEFORE.search(sentence, max(0, v.start() - 80), v.start())
        if before is None:
            continue
        words = list(re.finditer(r"[\w.'’&-]+", before.group(0)))
        for n in range(min(most, len(words)), 0, -1):
            start = before.start() + words[-n].start()
            name = sentence[start : v.start()]
            if name.lower() in names and (start == 0 or not sentence[start - 1].isalnum()):
                out.append((start, v.start(), name))
                break
    return out


# ("Guaymas, Sonora - Relatives identified ...": with its state, a plain dash will do)
LOCAL_DATELINE = re.compile(
    # ("MAZATLÁN, Sin. (OEM-Informex).- ", "HERMOSILLO, Son. (Oct. 2).- ": an agency or a day in brackets,
    # then the Spanish ".-"; not a bureau's "JENIN, West Bank (AP) —")
    rf"^(?P<city>{NAME})(?:,\s+(?P<state>{NAME}))?"
    r"(?:\.?\s*\([^()\n]{1,40}\)\.\s?[-–—]|\s*\.\s?[-–—]|(?(state)\s+[-–—]|(?!)))\s*(?=[A-Z])")


# A dateline's pieces: a town in title case ("Imphal", "Port Sudan") and a day ("Jan 15", "15 January",
# "Sep 30, 2022")
# ("Filingué", "Fada N'Gourma", "N'Djamena": accents and an apostrophe's capital, as francophone names have)
_TITLE_TOWN = r"(?:[A-Z]['’])?[A-ZÀ-Þ][a-zß-ÿ]+(?:[ -][A-ZÀ-Þ][a-zß-ÿ]*(?:['’][A-Z][a-zß-ÿ]+)?){0,2}"
_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z][a-z]{2,8}\.?)(?:,?\s*\d{4})?"
# "Herat, Afghanistan — An unknown gunman ...": a town in title case, its country, a long dash
_TITLE_DASH = re.compile(
    rf"^{_TITLE_TOWN}(?:-[a-z]+-[A-Z][a-z]+)?,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}\s+[–—]\s+(?=[A-Z])")
# "KANKER (CHHATTISGARH), April 16: ", "SRINAGAR, March 3 - ": a town in capitals, its state, the day
# ("DEIR AL-BALAH, Gaza Strip, April 2 — ", "BOGOTÁ, 2 mar (EFE).- ": a region, an agency, a
# Spanish month and dash)
_CAPS_DATED = re.compile(
    rf"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{{2,40}}(?:\s*\([A-Z][A-Za-z .'’-]{{2,30}}\))?(?:,\s*[A-Z][\w .'’-]{{1,30}})?,"
    rf"\s*{_DAY}\s*(?:\([^()]{{1,40}}\)\s*)?\.?[:–—-]{{1,2}}\s*(?=[A-Z\"“])")


# "Kaya, 26 July 2023 - Fifteen civilians ...", "Goma, North Kivu, 3 May - ": a town in title case, a
# day and a dash, as francophone agencies open a story (the parser read the town as the victim)
# ("Bangui, Central African Republic, Thursday, September 16, 2021 (CNC) - ": a weekday and an agency too)
_TITLE_DATED = re.compile(
    # ("Dapaong (Togo), Jan 16 —": the country in brackets too)
    rf"^{_TITLE_TOWN}(?:\s*\([A-Z][A-Za-z .'’-]{{2,30}}\))?(?:,\s+[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}})?,\s*"
    rf"(?:[A-Z][a-z]+day,\s*)?{_DAY}"
    rf"\s*(?:\([^()]{{1,40}}\)\s*)?[-–—:]{{1,2}}\s*(?=[A-Z\"“])")


# "Idlib – Nine civilians, including two children, ...", "Abyan (Aden al-Ghad) – Four soldiers":
# a town and a dash as Arabic outlets open a story in translation (the parser read the town as a victim)
# "(Bangkok, November 8, 2022) – Military airstrikes ... on October 23 killed": a rights group's
_PAREN_DATED = re.compile(rf"^\(\s*{_TITLE_TOWN},\s*{_DAY}\s*\)\s*[-–—]{{1,2}}\s*(?=[A-Z\"“])")
# ("Juno7 — A police officer ...": an outlet's name, digits and all, as Haitian sites open a story)
_TITLE_TOWN_DASH = re.compile(rf"^{_TITLE_TOWN}\d*(?:\s*\([^()]{{1,40}}\))?\s+[–—-]\s+(?=[A-Z\d])")


# "June 16, 2025 – Eighteen civilians were killed ... on Saturday": a dateline of the day alone
_DATE_DASH = re.compile(rf"^{_DAY}\s*[-–—]{{1,2}}\s*(?=[A-Z\"“])")


def local_dateline_end(sentence: str) -> int:
    """Where a dateline left in the text ends ("Uruapan, Michoacán.- ", "PORT-AU-PRINCE - "), or 0:
    the parser reads its names as people ("Uruapan, Michoacán ... left dead"; the PRINCE of
    PORT-AU-PRINCE)."""
    m = LOCAL_DATELINE.match(sentence) or _WIRE_DATELINE.match(sentence) or AGENCY_DATELINE.match(sentence) \
        or _CAPS_DATED.match(sentence) or _COLON_TOWN.match(sentence) or _TITLE_DASH.match(sentence) \
        or _TITLE_DATED.match(sentence) or _TITLE_TOWN_DASH.match(sentence) or _PAREN_DATED.match(sentence) \
        or _DATE_DASH.match(sentence)
    if m is None and "," in sentence[:60]:
        m = _outlet_dateline().match(sentence)  # "Aleppo, Enab Baladi – ", "Anbar, Shafaq News/ "
    return m.end() if m else 0


_TOWN_FIRST = re.compile(
    r"\s*(?P<town>[A-Z][A-Z .'’-]{2,40}?)\s*(?:,\s*[^:–—\n]{1,40}?)?\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:[:–—]|\s--?\s)")


def dateline_town(text: str, dateline: str | None) -> str | None:
    """The town of the story's dateline ("PESHAWAR: ...", "MARAWI CITY — ..."), in title case."""
    m = None if dateline else _TOWN_FIRST.match(text[:80])
    town = (dateline or (m.group("town") if m else None) or "").strip()
    town = re.sub(r",[^,]*\d.*$", "", town)  # ("KOSTI, 12 March 2025": the town, not its day)
    if not town or town.lower() in outlets():
        return None  # ("NNA - A citizen ...": the agency's name, no town)
    return town.title()


@lru_cache(maxsize=1)
def _outlet_dateline() -> re.Pattern[str]:
    names = "|".join(re.escape(o) for o in sorted(outlets(), key=len, reverse=True))
    return re.compile(rf"^{NAME}(?:,\s+{NAME})?,\s+(?i:{names})\s*[-–—/:]\s*")


# a town in capitals and a dash, no day and no agency ("MOGADISHU - "; not "BEIRUT, Sept 13 (Reuters) -")
# ("INDANAN, Sulu — ...", "KUMBO, Cameroon -- ...": with its province or country)
_BARE_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,40}?(?:,\s*(?P<wider>[A-Z][\w .'’-]{1,30}?))?"
                            r"\s*[-–—]{1,2}\s")


def dateline_province(text: str) -> str | None:
    """The province or country after a bare dateline's town ("INDANAN, Sulu — ...": Sulu)."""
    m = _BARE_DATELINE.match(text)
    return m["wider"] if m else None


def bare_dateline(text: str) -> bool:
    """Does the story open with a bare "TOWN - " dateline (where it happened, when it names no
    other place)?"""
    return _BARE_DATELINE.match(text) is not None


_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’/-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,30})?(?:\s*\([^()]{1,40}\))?\s*[-–—]{1,2}\s+(?=[A-Z])")


# "Imphal, Jan 15 (PTI) A man ...": a town in title case, a date and an agency, often with no dash
# after it, as Indian and other agencies open a story (the dates stage reads its date as the wire's
# day; the parser would read its town as a person)
AGENCY_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"  # (any case, unaccented: "IMPHAL, Jan 15 (PTI)")
    r"(?:\s*\([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\))?"  # ("Kangpokpi (Manipur), Sept 13 (PTI)": with its state)
    rf",\s*{_DAY}\s*"
    r"(?:\((?:PTI|IANS|ANI|UNI|AFP|AP|Reuters|Xinhua|APP|NNN|KUNA|WAM|SPA|Lusa|EFE|ANSA|dpa|AA"
    r"|Anadolu|MENA|QNA|Bernama|Antara|Yonhap|TASS|Interfax|Ukrinform|NAN|SUNA|ENA|APS|MAP|TAP)\)\s*[-–—:]?"
    # "Bijapur, Mar 27 (The Indian Express): ": a paper's name, with the colon or dash after it
    r"|\((?-i:(?:The\s+)?[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3})\)\s*[-–—:])\s*",
    re.IGNORECASE)


# "* Jowhar: Unknown gunmen shot ...", "KATSINA - Bandits killed ...", "In Zamfara, ...": an item of a
# round-up opened by its place (the article's first sentence has a dateline instead)
_ITEM_LABEL = re.compile(
    rf"^\s*(?:(?P<bullet>[*•·▪–-])\s*)?(?P<name>{NAME})\s*(?P<mark>:|\s[-–—]{{1,2}})\s+(?=[A-Z\d\"“])")
_NOT_LABELS = frozenset({
    "update", "updates", "upd", "updated",
    "breaking", "analysis", "photo", "photos", "video", "read", "also", "note", "editor",
    "correction", "background", "context", "warning", "opinion", "exclusive", "watch", "live", "latest",
    "timeline", "factbox", "q", "a", "source", "sources", "credit", "reporting", "editing", "writing",
    "tally", "total", "summary"})


# any label opening a sentence, place or not ("Mali: ", "West Darfur: "): no victim is named in it
_LABEL = re.compile(r"^\s*(?:[*•·▪–-]\s*)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*:\s+(?=[A-Z\d\"“])")


def label_end(sentence: str) -> int:
    """Where a label opening the sentence ends ("Mali: ", "West Darfur: "), or 0; `item_label` is the
    narrower test of a round-up item's place."""
    m = _LABEL.match(sentence)
    return m.end() if m else 0


@lru_cache(maxsize=512)
def item_label(sentence: str) -> tuple[str, int, int] | None:
    """The place a round-up item opens with, as (name, start, end): after a bullet ("* Jowhar: ...")
    or in capitals ("MOGADISHU - ...", "KATSINA: ..."); never a heading word ("UPDATE:", "TALLY:").
    Cached: the claims, their drafts and the story passes ask it of the same sentences."""
    m = _ITEM_LABEL.match(sentence)
    if m is None:
        return None
    name = m.group("name")
    if not m.group("bullet") and not name.isupper():
        return None  # ("Baghdad: Iraqi forces killed ...": a wire's dateline left in; "Male: This dog")
    if any(w.lower() in _NOT_LABELS for w in name.split()) or name.lower() in outlets():
        return None
    return name.title() if name.isupper() else name, m.start("name"), m.end("name")



# "BANNU: ...", "Srinagar: ...", "Bijapur, Mar 27 (PTI) ...", "Gadchiroli, Sep 30, 2022- ...": a local
# paper's or a national agency's dateline, filed where it happened (not a bureau's: "BEIRUT (Reuters)")
# (in capitals: "Edgar: We're glad ..." is a transcript's speaker, "By Ali Musa:" a byline)
_COLON_TOWN = re.compile(r"^\s*(?P<town>[A-Z][A-Z'’.-]+(?:[ /-][A-Z][A-Z'’.-]+){0,2})\s*"
                         r"(?:\([A-Za-z .]{2,20}\)\s*)?:\s+(?=[A-Z\"“])")  # ("JALALABAD (AFP): ...")
_DATED_TOWN = re.compile(
    rf"^\s*(?P<town>{_TITLE_TOWN}),\s*{_DAY}\s*(?:\((?P<agency>[^()\n]{{2,40}})\)\s*[-–—:]?|[-–—:])")
_BUREAU_AGENCIES = frozenset({
    "reuters", "ap", "afp", "xinhua", "anadolu", "aa", "dpa", "efe", "ansa", "tass", "interfax", "kyodo",
    "upi", "bloomberg", "ria", "sputnik", "irna", "kuna", "wam", "spa", "qna", "mena"})


def bureau(agency: str | None) -> bool:
    """Is the story's agency a wire with bureaus ("BEIRUT (Reuters)": the bureau, not where it happened)?
    A local outlet ("BELEDWEYNE (Hiiraan Online) -") files from where it happens."""
    return bool(agency) and (agency.lower() in _BUREAU_AGENCIES or not agency[:1].isupper()
                             or len(agency.split()) > 3)


def local_town(article_text: str, agency: str | None = None) -> str | None:
    """The town of a local or national agency's dateline: where the story happened when its
    sentences name no place ("BANNU: Eight soldiers were martyred ..."). None for a bureau's."""
    if agency and agency.lower() in _BUREAU_AGENCIES:
        return None
    head = article_text[:120]
    m = _COLON_TOWN.match(head)
    if m is None:
        m = _DATED_TOWN.match(head)
        if m is not None and (m.group("agency") or "").lower() in _BUREAU_AGENCIES:
            return None
    if m is None:
        return None
    town = m.group("town")
    if any(w.lower() in _NOT_LABELS for w in town.split()) or town.lower() in outlets():
        return None
    return town.title() if town.isupper() else town

# a dateline still in the text: "BAMAKO, Oct 16 (AFP) - ...", "Sanaa, May 3 (Saba) -"
_DATELINE_IN_TEXT = re.compile(
    r"\s*[A-Z][\w .'’/-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s*"
    rf"(?P<day>(?:{NAME_OR_SHORT})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{NAME_OR_SHORT}))\b(?!\s*,?\s*\d{{4}})"
    r"\s*(?:\([^()]{1,40}\)\s*)?[-–—:]"
)
# A wire story filed the evening before its publication date: its "this morning" is the dateline's.
_REPORT_DAYS_BEFORE = 14


def report_day(text: str, dateline_day: str | None, published: date | None) -> date | None:
    """The day the story was filed, when its dateline gives one a day or so before publication
    ("BAMAKO, Oct 16 (AFP)" published Oct 17): the day its "today", "this morning", "on Monday"
    count from. None when the dateline gives no day, or the publication date itself."""
    from conflictwatch.extract.dates import _explicit  # (dates reads this module's dateline patterns)

    if published is None:
        return None
    written = dateline_day
    if written is None:
        m = _DATELINE_IN_TEXT.match(text[:160])
        written = m["day"] if m else None
    day = _explicit(written, published) if written else None
    if day is None or not 0 < (published - day).days <= _REPORT_DAYS_BEFORE:
        return None
    return day


def not_the_dateline(s: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The speakers' spans less the town of a local paper's dateline ("CELAYA, Gto.- ..."), which the
    speaker finder reads as an organisation's acronym; the place finder must see it."""
    filed = LOCAL_DATELINE.match(s)
    return [sp for sp in spans if not (filed and sp[1] <= filed.end("city"))]


def not_filed_far(s: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """ "STUTTGART, Germany - ... an airstrike ... southwest of Baraawe": a story filed from a command or
    a capital far from the war (places_lexicon.yaml `far_datelines`); the places of the body are where."""
    if len(places) > 1 and places[0].start == 0 and places[0].name.lower() in _far_datelines() \
            and (filed := local_dateline_end(s)) and any(p.start >= filed for p in places):
        return [p for p in places if p.start >= filed]
    return places


@lru_cache(maxsize=1)
def _far_datelines() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("places_lexicon.yaml").get("far_datelines", []))


def names_others(article_places: list[str], town: str, wider: str | None) -> bool:
    """Does the story name a place other than its dateline's town, province and a country ("ERBIL - ...
    at a church in Damascus's Dweila neighbourhood")? Then the dateline is no place of a claim."""
    from conflictwatch.extract.places import is_country_name  # (places reads datelines' patterns)

    own = {name_key(town), name_key(wider or "")}
    return any(name_key(p) not in own and not is_country_name(p) for p in article_places)

