"""The gold format (docs/gold-format.md): reading and validating annotated sets.

The gold YAML is the contract between annotators and the extractor, so it is read strictly:
annotation typos surface as errors with file, article id, claim index and line, every bad
entry at once rather than the first only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from conflictwatch.evaluate.text import norm_match
from conflictwatch.models import Range

EVENT_TYPES: dict[str, set[str]] = {
    "Explosions/Remote violence": {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
    },
    "Battles": {"Armed clash"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
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
