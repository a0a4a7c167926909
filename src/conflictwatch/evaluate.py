"""Score extracted claims against hand-annotated gold sets (docs/gold-format.md).

The gold YAML is the contract between annotators and the extractor: this module reads it
strictly (so annotation typos surface as errors with file, article id, claim index and line),
runs the pipeline on the gold articles, pairs predicted claims with gold claims by their
evidence fragment and reports precision/recall and per-field accuracy against the targets.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from conflictwatch.geo import Geocoder
from conflictwatch.models import Article, Claim, IngestError, Range, normalise_text

# --------------------------------------------------------------------------------------------
# Gold data


EVENT_TYPES: dict[str, set[str]] = {
    "Explosions/Remote violence": {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
    },
    "Battles": {"Armed clash"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance"},
    "Strategic developments": {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Looting/property destruction",
    },
}

SET_KEYS = {"name", "description", "articles"}
ARTICLE_KEYS = {"id", "title", "published", "source", "text", "claims", "note"}
CLAIM_KEYS = {
    "scope", "evidence", "event_type", "sub_event_type", "date", "date_end", "location",
    "killed", "children_killed", "injured", "claimed_by", "actor1", "actor2", "note", "lat", "lon",
}
FIGURES = ("killed", "children_killed", "injured")

# Targets from the issue; shown next to the numbers as PASS/FAIL.
TARGETS: dict[str, float] = {"incident_f1": 0.90, "killed": 0.95, "date": 0.90, "claimed_by": 0.90}
FIELDS = (
    "killed", "children_killed", "injured", "date", "location", "claimed_by", "event_type", "sub_event_type",
)
GEO_TOLERANCE_KM = 2.0


class GoldError(ValueError):
    """A gold file that cannot be used; `problems` holds one located message per bad entry."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s) in gold file:\n" + "\n".join(problems))


@dataclass
class GoldClaim:
    """One annotated claim; figures already parsed into Ranges."""

    scope: str
    evidence: str
    index: int  # position in the article's `claims` list, as shown in messages
    line: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    date: date | None = None
    date_end: date | None = None
    location: str | None = None
    killed: Range | None = None
    children_killed: Range | None = None
    injured: Range | None = None
    claimed_by: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    note: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class GoldArticle:
    """One annotated article; `text` is None when the text comes from --input."""

    id: str
    title: str | None
    published: date | None
    claims: list[GoldClaim]
    source: str | None = None
    text: str | None = None
    line: int | None = None


@dataclass
class GoldSet:
    """One gold file."""

    name: str
    path: str
    articles: list[GoldArticle]
    description: str | None = None


class _LineDict(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers its line, so errors can point at it."""

    line: int | None = None


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings carry their 1-based line number."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    d = _LineDict(loader.construct_pairs(node, deep=True))
    d.line = node.start_mark.line + 1
    return d


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_PLUS = re.compile(r"^\s*(\d+)\s*\+\s*$")


def parse_figure(value: Any) -> Range | None:
    """Gold figure notation -> Range: N, "N+", [low, high] or null (docs/gold-format.md)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a figure (use N, \"N+\", [low, high] or null)")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"negative figure {value}")
        return Range(value, value)
    if isinstance(value, str):
        m = _PLUS.match(value)
        if m:
            return Range(int(m.group(1)), None)
        raise ValueError(f"{value!r} is not a figure (use N, \"N+\", [low, high] or null)")
    if isinstance(value, list):
        if len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise ValueError(f"{value!r} is not a range: use a list of two integers [low, high]")
        low, high = value
        if low < 0 or high < low:
            raise ValueError(f"range {value!r} needs 0 <= low <= high")
        return Range(low, high)
    raise ValueError(f"{value!r} is not a figure (use N, \"N+\", [low, high] or null)")


def format_figure(r: Range | None) -> Any:
    """Range -> gold notation, for reports that quote gold and predicted values alike."""
    if r is None:
        return None
    if r.high is None:
        return f"{r.low}+"
    return r.low if r.low == r.high else [r.low, r.high]


def _parse_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD) or null")


def _opt_str(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        s = str(value).strip()
        return s or None
    raise ValueError(f"`{key}` must be a string or null, not {value!r}")


def _opt_float(value: Any, key: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"`{key}` must be a number or null, not {value!r}")


def _line(obj: Any) -> int | None:
    return getattr(obj, "line", None)


def _parse_claim(raw: Any, index: int, where: str, text: str | None, problems: list[str]) -> GoldClaim | None:
    """Validate one claim entry; append located problems instead of stopping at the first."""
    line = _line(raw)
    loc = f"{where} claim #{index}" + (f" (line {line})" if line else "")
    if not isinstance(raw, dict):
        problems.append(f"{loc}: a claim must be a mapping, got {raw!r}")
        return None
    before = len(problems)
    unknown = sorted(set(raw) - CLAIM_KEYS)
    if unknown:
        allowed = ", ".join(sorted(CLAIM_KEYS))
        problems.append(f"{loc}: unknown key(s) {', '.join(map(str, unknown))} (allowed: {allowed})")
    scope = raw.get("scope")
    if scope not in ("incident", "aggregate"):
        problems.append(f"{loc}: `scope` must be incident or aggregate, got {scope!r}")
    evidence = raw.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        problems.append(f"{loc}: `evidence` (a verbatim fragment of the sentence) is required")
        evidence = ""
    elif text is not None and norm_match(evidence) not in norm_match(text):
        problems.append(f"{loc}: evidence {evidence!r} does not occur in the article text")
    et, st = raw.get("event_type"), raw.get("sub_event_type")
    if et is not None and et not in EVENT_TYPES:
        problems.append(f"{loc}: unknown event_type {et!r} (allowed: {', '.join(EVENT_TYPES)})")
    elif st is not None and (et is None or st not in EVENT_TYPES[et]):
        allowed = ", ".join(sorted(EVENT_TYPES.get(et or "", set()))) or "set event_type first"
        problems.append(f"{loc}: sub_event_type {st!r} does not belong to event_type {et!r} ({allowed})")
    values: dict[str, Any] = {}
    for key in FIGURES:
        try:
            values[key] = parse_figure(raw.get(key))
        except ValueError as exc:
            problems.append(f"{loc}: `{key}`: {exc}")
    for key in ("date", "date_end"):
        try:
            values[key] = _parse_date(raw.get(key))
        except ValueError as exc:
            problems.append(f"{loc}: `{key}`: {exc}")
    if values.get("date") and values.get("date_end") and values["date_end"] < values["date"]:
        problems.append(f"{loc}: `date_end` is before `date`")
    for key in ("location", "claimed_by", "actor1", "actor2", "note"):
        try:
            values[key] = _opt_str(raw.get(key), key)
        except ValueError as exc:
            problems.append(f"{loc}: {exc}")
    for key in ("lat", "lon"):
        try:
            values[key] = _opt_float(raw.get(key), key)
        except ValueError as exc:
            problems.append(f"{loc}: {exc}")
    if (values.get("lat") is None) != (values.get("lon") is None):
        problems.append(f"{loc}: give both `lat` and `lon` or neither")
    if len(problems) > before:
        return None
    return GoldClaim(
        scope=str(scope), evidence=evidence, index=index, line=line, event_type=et, sub_event_type=st,
        **values,
    )


def parse_gold(data: Any, path: Path | str) -> GoldSet:
    """Validate a loaded gold document; raise GoldError listing every bad entry."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise GoldError(path, [f"{path}: the file must be a mapping with `name` and `articles`"])
    unknown = sorted(set(data) - SET_KEYS)
    if unknown:
        problems.append(f"{path}: unknown top-level key(s) {', '.join(map(str, unknown))}")
    name = data.get("name") or Path(path).stem
    raw_articles = data.get("articles")
    if not isinstance(raw_articles, list):
        raise GoldError(path, problems + [f"{path}: `articles` must be a list"])
    articles: list[GoldArticle] = []
    seen: dict[str, int | None] = {}
    for i, raw in enumerate(raw_articles):
        line = _line(raw)
        if not isinstance(raw, dict):
            problems.append(f"{path}: article #{i}: must be a mapping")
            continue
        aid = raw.get("id")
        where = f"{path}: article {aid!r}" if aid is not None else f"{path}: article #{i}"
        loc = where + (f" (line {line})" if line else "")
        n_before = len(problems)
        if not isinstance(aid, str | int) or isinstance(aid, bool) or not str(aid).strip():
            problems.append(f"{loc}: `id` is required")
        elif str(aid) in seen:
            problems.append(f"{loc}: duplicate id (first at line {seen[str(aid)]})")
        else:
            seen[str(aid)] = line
        unknown = sorted(set(raw) - ARTICLE_KEYS)
        if unknown:
            problems.append(f"{loc}: unknown key(s) {', '.join(map(str, unknown))}")
        title = raw.get("title")
        text = raw.get("text")
        if text is not None and not isinstance(text, str):
            problems.append(f"{loc}: `text` must be a string")
            text = None
        if title is not None and not isinstance(title, str):
            problems.append(f"{loc}: `title` must be a string")
            title = None
        try:
            published = _parse_date(raw.get("published"))
        except ValueError as exc:
            problems.append(f"{loc}: `published`: {exc}")
            published = None
        raw_claims = raw.get("claims")
        if raw_claims is None and "claims" not in raw:
            problems.append(f"{loc}: `claims` is required (use [] for an article without claims)")
            raw_claims = []
        if not isinstance(raw_claims, list):
            problems.append(f"{loc}: `claims` must be a list (use [] for none)")
            raw_claims = []
        claims = [_parse_claim(c, j, where, text, problems) for j, c in enumerate(raw_claims)]
        if len(problems) > n_before:
            continue
        articles.append(
            GoldArticle(
                id=str(aid), title=title, published=published, source=_opt_str(raw.get("source"), "source"),
                text=text, line=line, claims=[c for c in claims if c is not None],
            )
        )
    if problems:
        raise GoldError(path, problems)
    return GoldSet(name=str(name), path=str(path), articles=articles, description=data.get("description"))


def load_gold(path: Path | str) -> GoldSet:
    """Read and validate one gold YAML file."""
    p = Path(path)
    try:
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (SafeLoader subclass)
    except OSError as exc:
        raise GoldError(p, [f"{p}: cannot read: {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise GoldError(p, [f"{p}: not valid YAML: {exc}"]) from exc
    return parse_gold(data, p)


def gold_paths(specs: Iterable[Path | str]) -> list[Path]:
    """Expand --gold arguments: files as given, folders to their *.yaml / *.yml files."""
    out: list[Path] = []
    for spec in specs:
        p = Path(spec)
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.suffix in (".yaml", ".yml") and x.is_file()))
        else:
            out.append(p)
    return out


# --------------------------------------------------------------------------------------------
# Normalisation


_QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2032"


def norm_match(text: str) -> str:
    """Text as compared for evidence: case, curly/straight quotes, dashes and whitespace folded."""
    text = normalise_text(text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub("[\u2018\u2019\u201a\u201b\u2032`]", "'", text)
    return re.sub("[\u201c\u201d\u201e\u00ab\u00bb]", '"', text)


def norm_title(title: str | None) -> str:
    """Headline key for pairing gold and input articles: case, quotes and whitespace ignored."""
    t = norm_match(title or "")
    t = re.sub(f"[{re.escape(_QUOTES)}]", "", t)
    return re.sub(r"\s+", " ", t).strip()


_LOC_PREFIX = re.compile(r"^(?:the|al|el)[\s-]+")
_LOC_SUFFIX = re.compile(r"\s+(?:district|neighbou?rhood|area|quarter)$")


def norm_location(name: str | None) -> str | None:
    """Place key: case, accents, leading the/al-/el-, hyphens and district-like suffixes ignored."""
    if not name:
        return None
    s = unicodedata.normalize("NFKD", norm_match(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[\u2019'`]", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,")
    while _LOC_PREFIX.match(s):  # "the al-Qarterji" -> "Qarterji"
        s = _LOC_PREFIX.sub("", s, count=1)
    s = _LOC_SUFFIX.sub("", s)
    s = re.sub(r"[-\s]+", " ", s).strip()
    return s or None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, for the optional 'coordinates agree within 2 km' place check."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|No|Rep|Sen)"
    r"|\b[A-Z]|\.[A-Za-z])\.$"
)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; "Sept. 23", "U.S. officials" and initials do not end one."""
    out, start = [], 0
    for m in _SENT_END.finditer(paragraph):
        head = paragraph[start : m.start() + 1]
        if _ABBREV.search(head):
            continue
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [x for x in out if x]


def sentence_around(text: str, fragment: str) -> str | None:
    """The sentence of `text` holding `fragment`, so a miss can be read without opening the article."""
    nf = norm_match(fragment)
    for para in re.split(r"\n\s*\n|\n", text):
        if nf not in norm_match(para):
            continue
        for sent in split_sentences(para):
            if nf in norm_match(sent):
                return re.sub(r"\s+", " ", sent).strip()
        return re.sub(r"\s+", " ", para).strip()
    return None


# --------------------------------------------------------------------------------------------
# Matching and scoring


@dataclass
class ArticleInput:
    """What the evaluator knows about one gold article: the article fed in and its predictions."""

    article: Article | None  # None = not found in the input
    claims: list[Claim] = field(default_factory=list)
    from_gold_text: bool = False
    reason: str = "article not found in the input"  # why `article` is None, for the misses list


def _fig_equal(a: Range | None, b: Range | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.low == b.low and a.high == b.high


def _location_right(g: GoldClaim, p: Claim) -> bool:
    if norm_location(g.location) == norm_location(p.location):
        return True
    if g.lat is not None and g.lon is not None and p.latitude is not None and p.longitude is not None:
        return haversine_km(g.lat, g.lon, p.latitude, p.longitude) <= GEO_TOLERANCE_KM
    return False


def field_checks(g: GoldClaim, p: Claim) -> dict[str, tuple[bool, Any, Any]]:
    """Per field: (right?, gold value, predicted value) for one matched pair."""
    return {
        "killed": (_fig_equal(g.killed, p.killed), format_figure(g.killed), format_figure(p.killed)),
        "children_killed": (
            _fig_equal(g.children_killed, p.children_killed),
            format_figure(g.children_killed), format_figure(p.children_killed),
        ),
        "injured": (_fig_equal(g.injured, p.injured), format_figure(g.injured), format_figure(p.injured)),
        "date": (
            g.date == p.date_start,
            g.date.isoformat() if g.date else None,
            p.date_start.isoformat() if p.date_start else None,
        ),
        "location": (_location_right(g, p), g.location, p.location),
        "claimed_by": (g.claimed_by == p.claimed_by, g.claimed_by, p.claimed_by),
        "event_type": (g.event_type == p.event_type, g.event_type, p.event_type),
        "sub_event_type": (g.sub_event_type == p.sub_event_type, g.sub_event_type, p.sub_event_type),
    }


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for an n x m matrix (n <= m): column chosen for each row."""
    n, m = len(cost), len(cost[0]) if cost else 0
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    rows = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            rows[p[j] - 1] = j - 1
    return rows


_NO_EDGE = 1e12


def _offset(norm_text: str | None, fragment: str) -> int | None:
    if not norm_text:
        return None
    nf = norm_match(fragment)
    pos = norm_text.find(nf)
    if pos < 0 and len(nf) > 60:
        pos = norm_text.find(nf[:60])
    return pos if pos >= 0 else None


def match_claims(
    gold: Sequence[GoldClaim], predicted: Sequence[Claim], text: str | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) whose predicted quote holds the gold evidence.

    Among candidates sharing the evidence the assignment prefers, in this order, the same
    claimed_by, the same killed figure, then the closest position in the article; the number of
    pairs is always maximal, so a better-looking candidate never costs another claim its match.
    """
    if not gold or not predicted:
        return []
    nt = norm_match(text) if text else None
    quotes = [norm_match(p.quote or "") for p in predicted]
    g_pos = [_offset(nt, g.evidence) for g in gold]
    p_pos = [_offset(nt, p.quote or "") for p in predicted]
    cost: list[list[float]] = []
    for gi, g in enumerate(gold):
        ev = norm_match(g.evidence)
        row: list[float] = []
        for pi, p in enumerate(predicted):
            if not ev or ev not in quotes[pi]:
                row.append(_NO_EDGE)
                continue
            c = 0.0 if g.claimed_by == p.claimed_by else 1e8
            c += 0.0 if _fig_equal(g.killed, p.killed) else 1e6
            if g_pos[gi] is not None and p_pos[pi] is not None:
                dist = abs(g_pos[gi] - p_pos[pi])  # type: ignore[operator]
            else:
                dist = abs(gi - p.sentence_index) * 100
            c += min(dist, 999_999)
            row.append(c)
        cost.append(row)
    transposed = len(gold) > len(predicted)
    if transposed:
        cost = [list(col) for col in zip(*cost, strict=True)]
    assign = _hungarian(cost)
    pairs: list[tuple[int, int]] = []
    for r, c in enumerate(assign):
        if c < 0 or cost[r][c] >= _NO_EDGE:
            continue
        pairs.append((c, r) if transposed else (r, c))
    return sorted(pairs)


def _claim_summary(p: Claim) -> dict[str, Any]:
    return {
        "scope": p.scope,
        "quote": p.quote,
        "killed": format_figure(p.killed),
        "date": p.date_start.isoformat() if p.date_start else None,
        "location": p.location,
        "claimed_by": p.claimed_by,
        "sub_event_type": p.sub_event_type,
    }


@dataclass
class Counts:
    """Confusion counts for one scope."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class SetReport:
    """Everything measured on one gold set (or pooled over all sets for `overall`)."""

    name: str
    incidents: Counts = field(default_factory=Counts)
    aggregates: Counts = field(default_factory=Counts)
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched_incidents: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    articles_source: str = "input"
    path: str | None = None

    def share(self, name: str) -> float | None:
        return self.field_right[name] / self.matched_incidents if self.matched_incidents else None

    def targets(self) -> dict[str, dict[str, Any]]:
        """Each target with its value and pass/fail (None value = nothing to judge yet)."""
        values = {"incident_f1": self.incidents.f1, **{k: self.share(k) for k in FIELDS}}
        out = {}
        for k, t in TARGETS.items():
            v = values[k]
            out[k] = {"target": t, "value": v, "pass": None if v is None else v >= t}
        return out

    def merge(self, other: SetReport) -> None:
        self.incidents.add(other.incidents)
        self.aggregates.add(other.aggregates)
        for k in FIELDS:
            self.field_right[k] += other.field_right[k]
        self.matched_incidents += other.matched_incidents
        for attr in ("misses", "false_alarms", "mismatches"):
            getattr(self, attr).extend({"set": other.name, **x} for x in getattr(other, attr))
        self.missing_articles.extend(f"{other.name}/{a}" for a in other.missing_articles)
        self.warnings.extend(f"{other.name}: {w}" for w in other.warnings)
        self.articles += other.articles

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (stable keys; see the `evaluate` command's --format json)."""
        inc, agg = self.incidents, self.aggregates
        return {
            "name": self.name,
            "path": self.path,
            "articles": self.articles,
            "articles_source": self.articles_source,
            "missing_articles": self.missing_articles,
            "incidents": {
                "tp": inc.tp, "fp": inc.fp, "fn": inc.fn,
                "precision": inc.precision, "recall": inc.recall, "f1": inc.f1,
                "scope_errors": sum(1 for f in self.false_alarms if f.get("scope_error")),
            },
            "fields": {k: self.share(k) for k in FIELDS},
            "matched_incidents": self.matched_incidents,
            "aggregates": {
                "tp": agg.tp, "fn": agg.fn, "fp": agg.fp, "recall": agg.recall, "precision": agg.precision,
            },
            "targets": self.targets(),
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "mismatches": self.mismatches,
            "warnings": self.warnings,
        }


def score_article(gold: GoldArticle, given: ArticleInput, report: SetReport) -> None:
    """Pair one article's predicted claims with its gold claims and add the outcome to `report`."""
    report.articles += 1
    article = given.article
    if article is None:
        report.missing_articles.append(gold.id)
        for g in gold.claims:
            if g.scope == "incident":
                report.incidents.fn += 1
            else:
                report.aggregates.fn += 1
            report.misses.append(_miss(gold, g, None, given.reason))
        return
    text = article.text
    for g in gold.claims:
        if norm_match(g.evidence) not in norm_match(text):
            report.warnings.append(
                f"article {gold.id!r} claim #{g.index}: evidence {g.evidence!r} not in the article text "
                "(typo in the gold file, or ingest changed the text?)"
            )
    preds = list(given.claims)
    pred_used: set[int] = set()
    gold_matched: dict[int, int] = {}  # gold list index -> predicted index
    for scope in ("incident", "aggregate"):
        g_idx = [i for i, g in enumerate(gold.claims) if g.scope == scope]
        p_idx = [i for i, p in enumerate(preds) if p.scope == scope]
        pairs = match_claims([gold.claims[i] for i in g_idx], [preds[i] for i in p_idx], text)
        for gi, pi in pairs:
            gold_matched[g_idx[gi]] = p_idx[pi]
            pred_used.add(p_idx[pi])
    # Predicted claims left over: do they hold the evidence of a gold claim of the other scope?
    leftover = [i for i in range(len(preds)) if i not in pred_used]
    for scope in ("incident", "aggregate"):
        other = "aggregate" if scope == "incident" else "incident"
        g_idx = [i for i, g in enumerate(gold.claims) if g.scope == other]
        p_idx = [i for i in leftover if preds[i].scope == scope]
        cross = match_claims([gold.claims[i] for i in g_idx], [preds[i] for i in p_idx], text)
        cross_of = {p_idx[pi]: gold.claims[g_idx[gi]] for gi, pi in cross}
        counts = report.incidents if scope == "incident" else report.aggregates
        for pi in p_idx:
            counts.fp += 1
            fa: dict[str, Any] = {"article_id": gold.id, **_claim_summary(preds[pi]), "scope_error": False}
            if pi in cross_of:
                g = cross_of[pi]
                fa.update(scope_error=True, gold_index=g.index, gold_scope=g.scope, evidence=g.evidence)
            report.false_alarms.append(fa)
    for gi, g in enumerate(gold.claims):
        counts = report.incidents if g.scope == "incident" else report.aggregates
        if gi not in gold_matched:
            counts.fn += 1
            report.misses.append(_miss(gold, g, text, None))
            continue
        counts.tp += 1
        p = preds[gold_matched[gi]]
        checks = field_checks(g, p)
        if g.scope == "incident":
            report.matched_incidents += 1
            for k, (ok, _, _) in checks.items():
                report.field_right[k] += ok
        for k, (ok, gv, pv) in checks.items():
            if not ok:
                report.mismatches.append(
                    {
                        "article_id": gold.id, "gold_index": g.index, "scope": g.scope,
                        "evidence": g.evidence, "field": k, "gold": gv, "predicted": pv, "line": g.line,
                    }
                )


def _miss(gold: GoldArticle, g: GoldClaim, text: str | None, reason: str | None) -> dict[str, Any]:
    return {
        "article_id": gold.id,
        "gold_index": g.index,
        "scope": g.scope,
        "evidence": g.evidence,
        "sentence": sentence_around(text, g.evidence) if text else None,
        "killed": format_figure(g.killed),
        "date": g.date.isoformat() if g.date else None,
        "claimed_by": g.claimed_by,
        "line": g.line,
        "reason": reason,
    }


def score_set(gold: GoldSet, given: dict[str, ArticleInput]) -> SetReport:
    """Score a whole gold set; `given` maps gold article id -> what the pipeline produced for it."""
    report = SetReport(name=gold.name, path=gold.path)
    for ga in gold.articles:
        score_article(ga, given.get(ga.id, ArticleInput(None)), report)
    if given and all(x.from_gold_text for x in given.values() if x.article is not None):
        report.articles_source = "gold text"
    return report


def overall_report(reports: Sequence[SetReport]) -> SetReport:
    """Pooled (micro-averaged) numbers over every set."""
    total = SetReport(name="overall", articles_source="all sets")
    for r in reports:
        total.merge(r)
    return total


# --------------------------------------------------------------------------------------------
# Running the pipeline on gold articles


def _article_from_gold(ga: GoldArticle) -> Article | None:
    if ga.text is None:
        return None
    return Article(text=ga.text, title=ga.title, published=ga.published, article_id=ga.id, source=ga.source)


def pair_articles(gold: GoldSet, articles: Sequence[Article]) -> dict[str, Article]:
    """Gold article id -> input article: by article_id first, then by normalised headline."""
    out: dict[str, Article] = {}
    used: set[int] = set()
    by_id = {a.article_id: i for i, a in enumerate(articles) if a.article_id}
    for ga in gold.articles:
        i = by_id.get(ga.id)
        if i is not None and i not in used:
            out[ga.id] = articles[i]
            used.add(i)
    for ga in gold.articles:
        if ga.id in out or not ga.title:
            continue
        key = norm_title(ga.title)
        free = [(i, norm_title(a.title)) for i, a in enumerate(articles) if i not in used and a.title]
        exact = [i for i, t in free if t == key]
        # A gold title may give only the headline's beginning (to avoid copying a whole headline).
        begins = [i for i, t in free if t.startswith(key)]
        pick = exact or (begins if len(begins) == 1 else [])
        if pick:
            out[ga.id] = articles[pick[0]]
            used.add(pick[0])
    return out


def with_gold_date(article: Article, ga: GoldArticle) -> Article:
    """The wire date the evaluator knows, applied when the input gave none (or only a guess)."""
    if ga.published is not None and (article.published is None or article.published_inferred):
        return replace(article, published=ga.published, published_inferred=False)
    return article


@dataclass
class Evaluation:
    """Reports per set, pooled overall, plus input-level problems."""

    sets: list[SetReport]
    overall: SetReport
    ingest_errors: list[str] = field(default_factory=list)
    unmatched_inputs: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sets": [s.to_dict() for s in self.sets],
            "overall": self.overall.to_dict(),
            "ingest_errors": self.ingest_errors,
            "unmatched_inputs": self.unmatched_inputs,
        }

    def fails_under(self, threshold: float) -> list[str]:
        """Names of the sets whose incident F1 is below `threshold` (undefined F1 never fails)."""
        return [s.name for s in self.sets if s.incidents.f1 is not None and s.incidents.f1 < threshold]


def read_articles(inputs: Sequence[str]) -> tuple[list[Article], list[str]]:
    """Ingest --input without extracting: the gold dates must be applied first."""
    from conflictwatch.ingest import read_inputs

    articles: list[Article] = []
    errors: list[str] = []
    for item in read_inputs(list(inputs)):
        if isinstance(item, IngestError):
            errors.append(str(item))
        else:
            articles.append(item)
    return articles, errors


def evaluate(
    gold_sets: Sequence[GoldSet], inputs: Sequence[str] | None = None, geocoder: Geocoder | None = None
) -> Evaluation:
    """Run ingest (if inputs) + extract + geo on the gold articles and score every set.

    A set none of whose articles appear in the inputs (or every set, without inputs) is run
    on its own `text`s; a gold article found nowhere counts as missing.
    """
    from conflictwatch import pipeline

    articles: list[Article] = []
    errors: list[str] = []
    if inputs:
        articles, errors = read_articles(inputs)
    used_ids: set[int] = set()
    reports: list[SetReport] = []
    for gs in gold_sets:
        paired = pair_articles(gs, articles) if articles else {}
        use_gold_text = not paired
        given: dict[str, ArticleInput] = {}
        for ga in gs.articles:
            if use_gold_text:
                art = _article_from_gold(ga)
            else:
                art = paired.get(ga.id)
                if art is not None:
                    used_ids.add(id(art))
                    art = with_gold_date(art, ga)
            if art is None:
                reason = (
                    "no `text` in the gold file and no --input given" if use_gold_text and not inputs
                    else "no `text` in the gold file" if use_gold_text
                    else "article not found in the input"
                )
                given[ga.id] = ArticleInput(None, reason=reason)
                continue
            claims = pipeline.process_article(art, geocoder)
            given[ga.id] = ArticleInput(art, claims, from_gold_text=use_gold_text)
        report = score_set(gs, given)
        if use_gold_text:
            report.articles_source = "gold text"
            if inputs:
                report.warnings.append("no article of this set found in --input; scored on the gold texts")
        reports.append(report)
    unmatched = sum(1 for a in articles if id(a) not in used_ids)
    return Evaluation(reports, overall_report(reports), errors, unmatched)
