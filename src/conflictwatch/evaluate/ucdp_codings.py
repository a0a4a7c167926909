"""UCDP's codings of the articles (the yardstick), read strictly: one bad line never hides the rest."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any


def day(s: object) -> date | None:
    """An ISO date or date-time string -> date; anything else -> None (counts as no date)."""
    try:
        return date.fromisoformat(str(s or "")[:10])
    except ValueError:
        return None


class CodingError(ValueError):
    """A codings file that cannot be read at all."""


@dataclass(frozen=True)
class Coding:
    """How UCDP coded the one event an article was used for."""

    id: Any  # as in the file (UCDP ids are integers); the article is "ucdp-<id>"
    start_date: date
    end_date: date
    deaths_low: int
    deaths_high: int
    where: str | None = None
    adm1: str | None = None
    adm2: str | None = None
    country: str | None = None
    side_a: str | None = None
    side_b: str | None = None
    line: int | None = None

    @property
    def article_id(self) -> str:
        return f"ucdp-{self.id}"

    @property
    def window(self) -> tuple[date, date]:
        """The dates a claim may give: UCDP's window widened by one day each side."""
        return self.start_date - timedelta(1), self.end_date + timedelta(1)


def _name(v: Any) -> str | None:
    return None if v is None else str(v)


def parse_coding(raw: Any) -> Coding:
    """One codings line (already JSON-decoded) -> Coding; ValueError says what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("a coding must be a JSON object")
    missing = [k for k in ("id", "start_date", "end_date", "deaths_low", "deaths_high") if raw.get(k) is None]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    start, end = day(raw["start_date"]), day(raw["end_date"])
    if start is None or end is None:
        got = f"{raw['start_date']!r}, {raw['end_date']!r}"
        raise ValueError(f"start_date/end_date must be ISO dates, got {got}")
    lo, hi = raw["deaths_low"], raw["deaths_high"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi)) or not 0 <= lo <= hi:
        raise ValueError(f"deaths_low/deaths_high must be integers with 0 <= low <= high, got {lo!r}, {hi!r}")
    return Coding(
        id=raw["id"], start_date=start, end_date=end, deaths_low=lo, deaths_high=hi,
        where=_name(raw.get("location_where_name")), adm1=_name(raw.get("location_adm1_name")),
        adm2=_name(raw.get("location_adm2_name")), country=_name(raw.get("location_root_name")),
        side_a=_name(raw.get("side_a_name")), side_b=_name(raw.get("side_b_name")),
    )


def load_codings(path: Path | str) -> tuple[list[Coding], list[str]]:
    """Read a codings JSONL file: (codings, problems). A bad line is reported with its number and
    skipped; the other lines are still read. An unreadable file raises CodingError."""
    p = Path(path)
    codings: list[Coding] = []
    problems: list[str] = []
    for n, line in read_lines(p, CodingError):
        try:
            coding = parse_coding(json.loads(line))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            problems.append(f"{p}:{n}: {exc}")
            continue
        codings.append(replace(coding, line=n))
    return codings, problems


def read_lines(path: Path, error: type[Exception]) -> list[tuple[int, str]]:
    """(line number, line) of a JSONL file's non-blank lines, split as the reference scorer splits
    them (a file's own line ends, not U+2028 inside a quote); an unreadable file raises `error`."""
    try:
        with path.open(encoding="utf-8") as fh:
            return [(n, line) for n, line in enumerate(fh, 1) if line.strip()]
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from exc
