"""Take a pasted wire dump apart: headlines, captions, bylines, datelines, body, credits.

Users paste articles straight from news sites, so the only structure is the wire layout
itself. Datelines ("BEIRUT (Reuters) -") and credit lines ("(Reporting by ...)") are the
reliable anchors; headlines and captions are told apart by how they are written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from conflictwatch.ingest.rules import DATE_DMY, DATE_MDY, DAY_MONTH, MONTH_WORD, Rules, rules
from conflictwatch.models import Article, IngestError, normalise_text
from conflictwatch.months import MONTHS

# Kinds of line.
CREDIT, DATELINE, BYLINE, DATED_CAPTION, SUB, OPEN, PARA = (
    "credit", "dateline", "byline", "dated_caption", "sub", "open", "para",
)

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TERMINATED = re.compile(r"[.!…][\"”’'»)\]]*$|\?[\"”’'»)\]]+$|:[\"”’']*$")
_QUESTION = re.compile(r"\?$")
_CLOSERS = "\"”’'»)]"
_DATELINE = re.compile(
    r"^(?P<head>[^\s(a-z][^()]{0,80}?)\s*\((?P<agency>[^()]{1,40})\)\s*[-–—]{1,2}\s*(?P<rest>\S.*)$"
)
# "Kabul [Afghanistan], July 20 (ANI): ...": an Indian wire's form, its place in ordinary case
_DATELINE_BRACKET = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\[(?P<country>[A-Z][^\[\]]{1,40})\]"
    r"(?P<extra>,\s*[^():]{3,30}?)?\s*\((?P<agency>[^()]{1,20})\)\s*[:\-–—]{1,2}\s*(?P<rest>\S.*)$"
)
# Agency-less dateline, only with a real dash: "ALEPPO, Syria — ...".
_DATELINE_NO_AGENCY = re.compile(r"^(?P<head>[^\s(a-z][^()—–]{1,50}?)\s+[—–]{1,2}\s+(?P<rest>\S.*)$")
# the month and day of a dateline without a year: "Oct 16", "Oct. 16", "16 October"
_DATELINE_DAY = re.compile(
    r",\s*(?P<day>(?P<m1>[A-Z][a-z]{2,8}\.?)\s+\d{1,2}|\d{1,2}\s+(?P<m2>[A-Z][a-z]{2,8}))\b"
    r"(?!\s*,?\s*\d{4})")
_PLACE_COUNTRY_END = re.compile(r",\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?,?$")


@dataclass
class Line:
    """One non-blank line (or a broken line glued back) with where it came from."""

    no: int
    text: str
    kind: str = PARA
    dateline: str | None = None
    agency: str | None = None
    rest: str | None = None


@dataclass
class _Parts:
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    dated: date | None = None  # "MOGADISHU, Aug 25, 2023 (AFP) -": the day of the report
    dated_as: str | None = None  # "BAMAKO, Oct 16 (AFP) -": that day as written, with no year
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _words(s: str) -> int:
    return len(s.split())


def _more_words(s: str, n: int) -> bool:
    """Has `s` more than n words? (Splits no further than needed: lines can be long.)"""
    return len(s.split(None, n)) > n


_REFERENCE_MARKS = re.compile(r"(?:\[(?:\d{1,3}|[a-z]|citation needed)\])+\s*$")


def _is_terminated(s: str) -> bool:
    """Body paragraphs end with sentence punctuation; headlines and captions usually don't."""
    # Only the last mark and the closing quotes/brackets after it matter: searching the whole
    # line would try the pattern at every character of it. (Wikipedia's reference marks after it,
    # "killing 3 soldiers.[12]", are no part of the sentence.)
    if s.endswith("]"):
        s = _REFERENCE_MARKS.sub("", s)
    core = s.rstrip(_CLOSERS)
    if _TERMINATED.search(s[max(len(core) - 1, 0) :]):
        return True
    # A bare "?" ends a short headline ("Is the truce over?") but a long paragraph.
    return bool(_QUESTION.search(s[-1:])) and _words(s) > 15


def _is_upper_heading(s: str, r: Rules) -> bool:
    if _more_words(s, r.subheading_max_words):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.9


def _parse_dateline(s: str, r: Rules) -> tuple[str, str | None, str] | None:
    """Return (place, agency, rest) when `s` opens with a dateline."""
    if "(" not in s and "—" not in s and "–" not in s:
        return None  # every form has an agency in brackets or a long dash: most lines have neither
    b = _DATELINE_BRACKET.match(s)
    if b:
        return f"{b['place']}, {b['country']}", " ".join(b["agency"].split()), b["rest"].strip()
    m = _DATELINE.match(s)
    agency: str | None
    if m:
        agency = " ".join(m["agency"].split())
        known = agency.lower() in r.agencies
        if not known and not (agency[:1].isupper() and _words(agency) <= 4):
            return None
    else:
        m = _DATELINE_NO_AGENCY.match(s)
        if not m:
            return None
        agency = None
    head = " ".join(m["head"].split())
    place, _, extra = head.partition(",")
    place = re.sub(r"\s*/\s*", "/", place.strip())
    letters = [c for c in place if c.isalpha()]
    extra = extra.strip()
    # "Maiduguri, May 10 (AFP) -": a place in ordinary case is a dateline too when a known agency
    # or a date follows it
    titled = bool(agency) and (agency.lower() in r.agencies or bool(MONTH_WORD.search(extra))) \
        and all(w[:1].isupper() for w in place.split())
    if len(letters) < (2 if agency else 4) or (place != place.upper() and not titled) or _words(place) > 5:
        return None  # without an agency, "U.N. — ..." is not a dateline
    if extra:
        if _words(extra) > 4:
            return None
        if not MONTH_WORD.search(extra):  # "GAZIANTEP, Turkey" keeps its country; "Oct 17" is dropped
            place = f"{place}, {extra}"
    return place, agency, m["rest"].strip()


def caption_dates(caption: str) -> list[date]:
    """Dates a photo caption carries ("... Syria October 14, 2016. REUTERS/Name")."""
    found: list[date] = []
    for m in DATE_MDY.finditer(caption):
        found.extend(_mkdate(m[3], m[1], m[2]))
    for m in DATE_DMY.finditer(caption):
        found.extend(_mkdate(m[3], m[2], m[1]))
    return found


def _mkdate(y: str, mon: str, d: str) -> list[date]:
    try:
        return [date(int(y), MONTHS[mon.lower().rstrip(".")], int(d))]
    except (KeyError, ValueError):
        return []


_YEAR = re.compile(r"\d{4}")


def _is_dated_caption(s: str, r: Rules) -> bool:
    # The cheap tests first: a photo credit needs a "/", a caption date a four-digit year; the
    # month-name patterns cost ~100 ns a character and lines can be long.
    # (a photo credit ends a caption: "... March 3. REUTERS/Gleb Garanich"; not an agency pair in a
    # story's dateline, "PORT-AU-PRINCE (AFP/Le Nouvelliste).- Six police officers were killed ...")
    return ("/" in s and any(m.start() >= len(s) - 60 for m in r.caption_credit.finditer(s))) or (
        not _is_terminated(s)
        and _YEAR.search(s) is not None
        and bool(DATE_MDY.search(s) or DATE_DMY.search(s))
        and _words(s) >= 5
    )


def _has_longer(sorted_keys: list[str], key: str) -> bool:
    """True if some key in the sorted list extends `key` (binary search, dumps can be large)."""
    i = bisect.bisect_right(sorted_keys, key)
    return i < len(sorted_keys) and sorted_keys[i].startswith(key)


def _caption_score(s: str, dated_keys: list[str]) -> int:
    """How caption-like an unpunctuated line is (0 = reads like a headline)."""
    score = 0
    key = normalise_text(s)
    if _has_longer(dated_keys, key):
        score += 2  # the undated twin of a dated caption
    if _words(s) > 15:
        score += 1
    if s.endswith(",") or _PLACE_COUNTRY_END.search(s):
        score += 1  # "..., Aleppo, Syria" or a caption cut after "Turkey,"
    if re.match(r"^(?:A|An)\s", s):
        score += 1  # headline style drops articles; caption style keeps them
    return score


def _clean(raw: str) -> str:
    # the invisible characters are none of ASCII's: most lines need no translation; the others
    # drop them with `replace` (translate looks up every character of a line with an accent or a
    # curly quote: ~100x slower), which gives the same text
    if not raw.isascii():
        for ch in _INVISIBLE_CHARS:
            if ch in raw:
                raw = raw.replace(ch, "")
    return " ".join(raw.split())


def _join(a: str, b: str) -> str:
    """Glue a wrapped line on; a break after "opposition-" keeps the compound whole."""
    if re.search(r"[^\W\d]-$", a[-2:]) and b[:1].isalpha():
        return a + b
    return f"{a} {b}"


def _unwrap(raw_lines: list[str]) -> list[tuple[int, str]]:
    """Join hard-wrapped paragraphs (e-mail style, ~72 columns) back into one line each.

    Wrapping is assumed only when nearly all lines are short and adjacent lines are mostly
    full-width; a dump with one paragraph per line is left alone.
    """
    cleaned = [_clean(x) for x in raw_lines]
    numbered = [(no, s) for no, s in enumerate(cleaned, start=1) if s]
    lengths = sorted(len(s) for _, s in numbered)
    if len(lengths) < 4:
        return numbered
    width = lengths[int(0.9 * (len(lengths) - 1))]
    pairs = [(a, b) for a, b in zip(cleaned, cleaned[1:], strict=False) if a and b]
    full = sum(1 for a, _ in pairs if len(a) >= 0.6 * width)
    if width > 100 or len(pairs) < 3 or full < 0.5 * len(pairs):
        return numbered
    # (short paragraphs that each end a sentence, as agency copy and social posts are laid out, are
    # no wrapped paragraph: a wrapped line mostly ends mid-sentence)
    ended = sum(1 for _, s in numbered[:-1] if s.endswith((".", "!", "?", '"', "”", "’", ")")))
    if ended >= 0.5 * (len(numbered) - 1):
        return numbered
    out: list[tuple[int, str]] = []
    prev = ""
    for no, s in enumerate(cleaned, start=1):
        if s and prev and len(prev) >= 0.6 * width and out:
            out[-1] = (out[-1][0], _join(out[-1][1], s))
        elif s:
            out.append((no, s))
        prev = s
    return out


#: A line glued onto the one before stops growing at this length. A sentence broken across lines
#: is a few hundred characters; without the cap, lowercase paragraphs with no full stop (junk,
#: a scraped list) glue into one line that is classified again after every join: quadratic time.
MAX_GLUED_CHARS = 2000


def lines_of(text: str, r: Rules | None = None) -> list[Line]:
    """Non-blank, classified lines; a line broken mid-sentence is glued to the one before."""
    r = r or rules()
    out: list[Line] = []
    for no, s in _unwrap(text.splitlines()):
        if any(p.match(s) for p in r.noise):
            continue
        if (
            out
            and len(out[-1].text) < MAX_GLUED_CHARS
            and s[:1].islower()
            # an unterminated paragraph line (OPEN: not PARA, not a dated caption), its kind
            # kept current by `_classify` after every join
            and out[-1].kind == OPEN
        ):
            out[-1].text = _join(out[-1].text, s)
            out[-1].kind = _classify(out[-1], r)
            continue
        line = Line(no, s)
        line.kind = _classify(line, r)
        out.append(line)
    return out


def _classify(line: Line, r: Rules) -> str:
    s = line.text
    if r.credit_line.match(s) or r.bare_credit_line.match(s):
        return CREDIT
    dl = _parse_dateline(s, r)
    if dl:
        line.dateline, line.agency, line.rest = dl
        return DATELINE
    if r.byline.match(s):
        return BYLINE
    if _is_dated_caption(s, r):
        return DATED_CAPTION
    if _is_upper_heading(s, r):
        return SUB
    return PARA if _is_terminated(s) else OPEN


def _headline_index(pre: list[Line], dated_keys: list[str], r: Rules) -> int | None:
    """Index in `pre` of the headline: the first unpunctuated line that doesn't read like a caption."""
    for i, ln in enumerate(pre):
        if (
            ln.kind in (OPEN, SUB)
            and _words(ln.text) <= r.headline_max_words
            and _caption_score(ln.text, dated_keys) < 2
        ):
            return i
    return None


def _starts(lines: list[Line], dated_keys: list[str], r: Rules) -> list[int]:
    """Indexes where articles start: after credit lines, and at each headline+dateline."""
    starts = {0} if lines else set()
    for i, ln in enumerate(lines):
        if ln.kind == CREDIT and i + 1 < len(lines) and lines[i + 1].kind != CREDIT:
            starts.add(i + 1)
    has_dateline = False
    for i, ln in enumerate(lines):
        if i in starts:
            has_dateline = False
        if ln.kind != DATELINE:
            continue
        j = i
        while j > 0 and (j - 1) not in starts and lines[j - 1].kind in (OPEN, BYLINE, DATED_CAPTION):
            j -= 1
        if j > 0 and (j - 1) in starts and lines[j - 1].kind in (OPEN, BYLINE, DATED_CAPTION):
            j -= 1
        pre = lines[j:i]
        if pre and j not in starts:
            h = _headline_index(pre, dated_keys, r)
            if h is not None:
                starts.add(j + h)
            elif has_dateline:
                starts.add(j)
        elif not pre and has_dateline and ln.agency and i not in starts:
            starts.add(i)  # a second "PLACE (Agency) -" with no headline: a headless article
        has_dateline = True
    return sorted(starts)


def _dated_keys(lines: list[Line]) -> list[str]:
    """Sorted normalised dated captions, to spot their undated twins."""
    return sorted({normalise_text(ln.text) for ln in lines if ln.kind == DATED_CAPTION})


def _parts(seg: list[Line], dated_keys: list[str], r: Rules, title: str | None = None) -> _Parts:
    """Sort one article's lines into headline, captions, bylines, body and credits."""
    p = _Parts(title=title)
    d = next((i for i, ln in enumerate(seg) if ln.kind == DATELINE), None)
    if d is not None and any(_news_paragraph(ln) for ln in seg[:d]) \
            and not any(ln.kind == BYLINE for ln in seg[:d]) and sum(ln.kind == DATELINE for ln in seg) >= 2:
        # ("A woman was killed in X ... \n\nDNIPRO — Debris fell ... \n\nKHARKIV — ...": a live page's
        # entries, each with its town; not a story's standfirst over its byline and dateline)
        d = None
    if d is None:  # no dateline: the preamble is the leading unpunctuated lines
        d = 0
        while d < len(seg) and seg[d].kind in (OPEN, BYLINE, DATED_CAPTION):
            d += 1
    pre, body = seg[:d], seg[d:]
    title_key = normalise_text(title) if title else None
    h = None if title else _headline_index(pre, dated_keys, r)
    for i, ln in enumerate(pre):
        if i == h:
            p.title = ln.text
        elif title_key and normalise_text(ln.text) == title_key:
            continue  # the headline repeated inside the text
        elif ln.kind == BYLINE:
            p.bylines.append(ln.text)
        elif ln.kind == CREDIT:
            p.credits.append(_strip_parens(ln.text))
        elif ln.kind == SUB or (
            ln.kind == OPEN
            and title
            and body
            and body[0].kind != DATELINE
            and _caption_score(ln.text, dated_keys) == 0
            and _words(ln.text) < r.caption_min_words
        ):
            p.paragraphs.append(ln.text)  # a short first line of a text whose title came from metadata
        else:
            p.captions.append(ln.text)
    for i, ln in enumerate(body):
        if ln.kind == DATELINE and i == 0:
            p.dateline, p.agency = ln.dateline, ln.agency
            head = ln.text[: len(ln.text) - len(ln.rest or "")]
            p.dated = max(caption_dates(head), default=None)
            day = _DATELINE_DAY.search(head)
            month = day and (day["m1"] or day["m2"]).lower().rstrip(".") in MONTHS
            p.dated_as = " ".join(day["day"].split()) if day and month and p.dated is None else None
            p.paragraphs.append(ln.rest or "")
        elif ln.kind == CREDIT:
            p.credits.append(_strip_parens(ln.text))
        elif ln.kind == BYLINE:
            p.bylines.append(ln.text)
        elif ln.kind == DATED_CAPTION:
            p.captions.append(ln.text)
        elif ln.kind == OPEN and (
            _words(ln.text) >= r.caption_min_words or _caption_score(ln.text, dated_keys) >= 2
        ):
            p.captions.append(ln.text)  # a loose caption between paragraphs
        else:
            p.paragraphs.append(ln.text)  # paragraphs, subheadings, later datelines
    p.captions = dedupe_captions(p.captions)
    return p


# a line of news told before the first dateline: its own paragraph, no caption (a caption has a
# photo's date or credit: "... October 5, 2016. REUTERS/Name")
_NEWS_WORDS = 12


def _news_paragraph(ln: Line) -> bool:
    return ln.kind == PARA and _words(ln.text) >= _NEWS_WORDS and "/" not in ln.text \
        and not caption_dates(ln.text)


def _strip_parens(s: str) -> str:
    s = s.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    return s.strip()


def dedupe_captions(captions: list[str]) -> list[str]:
    """Drop repeats; when a caption reappears with a date appended, keep the dated one."""
    keys = [normalise_text(c) for c in captions]
    ordered = sorted(set(keys))  # a longer key starting with k sorts right after k
    kept: list[str] = []
    seen: set[str] = set()
    for c, k in zip(captions, keys, strict=True):
        if k in seen or _has_longer(ordered, k):
            continue
        seen.add(k)
        kept.append(c)
    return kept


# A caption date this many days before every date the body mentions is an old (file) photo.
STALE_PHOTO_DAYS = 60


def _body_dates(text: str, year: int) -> list[date]:
    """Month-day mentions in the body ("Oct. 19", "Sept. 22, 2016"), in `year` unless given."""
    return [
        d
        for m in DAY_MONTH.finditer(text)
        if m[1][0].isupper()  # "may 20" in a sentence is not a date
        for d in _mkdate(m[3] or str(year), m[1], m[2])
    ]


def inferred_date(captions: list[str], body: str = "", r: Rules | None = None) -> date | None:
    """Latest plausible caption date: photos are dated on or before publication.

    File photos are excluded: marked ones by the YAML markers, unmarked ones when the
    body only mentions dates months after the photo (an old picture reused).
    """
    r = r or rules()
    dates: list[date] = []
    for c in captions:
        if r.file_photo.search(c):
            continue
        for d in caption_dates(c):
            mentioned = _body_dates(body, d.year)
            if mentioned and (min(mentioned) - d).days > STALE_PHOTO_DAYS:
                continue
            dates.append(d)
    return max(dates) if dates else None


def _article(p: _Parts, origin: str) -> Article | IngestError:
    text = "\n\n".join(x for x in p.paragraphs if x)
    if not text.strip():
        what = f"headline {p.title!r}" if p.title else "captions or credits"
        return IngestError(origin, f"no article body found (only {what})")
    meta: dict[str, object] = {}
    if p.bylines:
        meta["byline"] = "; ".join(re.sub(r"^\S+\s+(?:by\s+)?", "", b) for b in p.bylines)
    if p.dated_as:
        meta["dateline_day"] = p.dated_as  # the extractor reads "this morning" from that day
    pub = p.dated or inferred_date(p.captions, text)
    return Article(
        text=text,
        title=p.title,
        published=pub,
        published_inferred=pub is not None,
        dateline=p.dateline,
        agency=p.agency,
        captions=p.captions,
        credits=p.credits,
        meta=meta,
        origin=origin,
    )


def split_items(text: str, origin: str = "<text>") -> list[Article | IngestError]:
    """Split a raw dump; pieces without a body come back as IngestError."""
    r = rules()
    lines = lines_of(text, r)
    if not lines:
        return [IngestError(origin, "no text found")]
    keys = _dated_keys(lines)
    starts = _starts(lines, keys, r)
    out: list[Article | IngestError] = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        seg = lines[a:b]
        out.append(_article(_parts(seg, keys, r), f"{origin}:{seg[0].no}"))
    return out


def split_dump(text: str, origin: str = "<text>") -> list[Article]:
    """Split a raw dump of pasted articles into Articles (pieces without a body are dropped)."""
    return [x for x in split_items(text, origin) if isinstance(x, Article)]


def analyse_article(
    text: str, origin: str, title: str | None = None, line_offset: int = 0
) -> Article | IngestError:
    """Read one article's text (JSONL, HTML, feed): strip captions, credits and the dateline."""
    r = rules()
    lines = lines_of(text, r)
    if not lines:
        return IngestError(origin, "article text is empty")
    p = _parts(lines, _dated_keys(lines), r, title=title)
    if title is None and p.title is not None and not p.paragraphs:
        p.paragraphs, p.title = [p.title], None  # one unpunctuated line is text, not a headline
    return _article(p, origin)
