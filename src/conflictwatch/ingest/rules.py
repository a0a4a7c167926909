"""Wire-layout rules loaded once from ``data/wire_layout.yaml``.

The lists (agencies, credit prefixes, photo credits, noise lines) are data, not code, so
a new agency or credit style can be supported by editing the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from conflictwatch.months import ANY_NAME as _MONTH_ALT

# "October 14, 2016" / "Oct. 14, 2016" and "14 October 2016".
DATE_MDY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# "Oct. 19", "Nov.24", "Sept. 22, 2016" in running text.
DAY_MONTH = re.compile(rf"\b({_MONTH_ALT})\.?\s*(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
MONTH_WORD = re.compile(rf"\b({_MONTH_ALT})\.?\s+\d{{1,2}}\b", re.IGNORECASE)


def _alt(items: list[str]) -> str:
    """Regex alternation of literal strings, longest first so prefixes don't win early."""
    return "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    """Compiled wire-layout rules."""

    agencies: frozenset[str]
    credit_line: re.Pattern[str]
    bare_credit_line: re.Pattern[str]
    caption_credit: re.Pattern[str]
    byline: re.Pattern[str]
    noise: tuple[re.Pattern[str], ...]
    file_photo: re.Pattern[str]
    headline_max_words: int
    subheading_max_words: int
    caption_min_words: int


def _build(cfg: dict[str, Any]) -> Rules:
    credit = _alt(cfg["credit_prefixes"])
    photo = _alt(cfg["caption_credits"])
    by = _alt(cfg["byline_prefixes"])
    name = r"[A-Z][\w'’.\-]*"
    limits = cfg.get("limits", {})
    return Rules(
        agencies=frozenset(a.lower() for a in cfg["agencies"]),
        credit_line=re.compile(rf"^\(\s*(?:{credit})\s+\S.*\)?\s*$", re.IGNORECASE),
        # Without brackets only when a second credit follows: "Reporting by X; Editing by Y".
        bare_credit_line=re.compile(rf"^(?:{credit})\s+[^.]*?[;,]\s*(?:{credit})\s+[^.]+$", re.IGNORECASE),
        caption_credit=re.compile(rf"(?:^|[\s.(])(?:{photo})\s*/\s*[A-Z]"),
        byline=re.compile(rf"^(?:{by})\s+{name}(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+){name}){{0,9}}$"),
        noise=tuple(re.compile(p, re.IGNORECASE) for p in cfg.get("noise_lines", [])),
        file_photo=re.compile(_alt(cfg.get("file_photo_markers", ["file photo"])), re.IGNORECASE),
        headline_max_words=int(limits.get("headline_max_words", 25)),
        subheading_max_words=int(limits.get("subheading_max_words", 12)),
        caption_min_words=int(limits.get("caption_min_words", 8)),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Load and compile the YAML once per process."""
    text = resources.files("conflictwatch").joinpath("data/wire_layout.yaml").read_text(encoding="utf-8")
    return _build(yaml.safe_load(text))
