"""Round-up items and live-page lines that open with their place ("* Jowhar: ...", "KATSINA: ...",
"Kryvyi Rih: 10 killed, 31 injured"): the label places the item, not the other items' places."""

from __future__ import annotations

import re

from conflictwatch.extract.datelines import item_label
from conflictwatch.extract.places import is_country_name, name_rank


def label_rank(name: str) -> int:
    """How specific a round-up item's label is: a town at most; a country ("PHILIPPINES:") least."""
    return 5 if is_country_name(name) else max(3, name_rank(name, None, None, False))


def opens_item(sentence: str, index: int) -> tuple[str, int, int] | None:
    """The label of a round-up's item this sentence opens with, if any: any sentence's after the
    first, the first sentence's only when it names a country ("SOMALIA: ..."; "IRBIL: ..." is
    where the wire filed the story)."""
    label = item_label(sentence)
    if label is None and index > 0 and (m := _COUNT_LABEL.match(sentence)):
        # "Kryvyi Rih: 10 killed, 31 injured", a live page's line: a town, then its count
        return m.group("name"), m.start("name"), m.end("name")
    if label is None or (index == 0 and label_rank(label[0]) != 5):
        return None
    return label


_COUNT_LABEL = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}):\s+(?:(?:at\s+least|about)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:people\s+|civilians\s+)?"
    r"(?:killed|dead|injured|wounded|hurt)\b")
