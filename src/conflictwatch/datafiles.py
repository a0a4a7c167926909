"""The data files rules live in (conflictwatch/data/*.yaml), merged with a user's copies.

Every stage reads its rules through `load_data`: the bundled file, then a file of the same name
in the folder named by CONFLICTWATCH_DATA, if any, merged over it (see `_merge`), so users extend
or correct the rules without touching code.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it: 3x faster


def _merge(base: Any, extra: Any) -> Any:
    """A user's data over the bundled data.

    Mappings merge key by key, and a key set to null is removed ("Syrian rebels: null"). A list
    is extended; to take items out or start afresh, give a mapping instead of the list:
    `{remove: [...]}`, `{add: [...], remove: [...]}` or `{replace: [...]}`. Anything else
    replaces the bundled value.
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            if v is None:
                out.pop(k, None)
            else:
                out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, dict) and set(extra) <= {"add", "remove", "replace"}:
        kept = list(extra["replace"]) if "replace" in extra else list(base)
        gone = {str(x).lower() for x in extra.get("remove") or []}
        kept = [x for x in kept if str(x).lower() not in gone]
        return kept + [x for x in extra.get("add") or [] if x not in kept]
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


@cache
def load_data(name: str) -> Any:
    """The bundled YAML `name`, merged with the user's copy from CONFLICTWATCH_DATA if any."""
    data = yaml.load(resources.files("conflictwatch.data").joinpath(name).read_text("utf-8"), Loader=_LOADER)
    user_dir = os.environ.get("CONFLICTWATCH_DATA")
    if user_dir:
        extra = Path(user_dir) / name
        if extra.exists():
            data = _merge(data, yaml.load(extra.read_text("utf-8"), Loader=_LOADER) or {})
    return data


@cache
def words_after(name: str, *keys: str) -> re.Pattern[str]:
    """Whitespace and then one of the words listed under `keys` of the data file `name`: what
    follows a capitalised name and makes it something other than a place ("the Mary spa", "a
    Nissan Titan vehicle"). Shared by the extractor's place finder and the country votes."""
    data = load_data(name)
    words = [w for key in keys for w in data.get(key) or []]
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
