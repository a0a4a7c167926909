"""Claims of responsibility: "Al Shabaab claimed responsibility for the bombing" is the group's own
incident claim (no figure; docs/gold-format.md), and the group is the source of a toll it gives."""

from __future__ import annotations

import re

from conflictwatch.extract.rules import Named

# "Al Shabaab claimed responsibility", "the Islamic State group later claimed responsibility": a
# group owning an attack ("no group has claimed responsibility" names none before the verb).
_RESPONSIBILITY = re.compile(
    r"(?:'s)?(?:\s+(?:group|militants|militant group|fighters|jihadists|insurgents|rebels))?"
    r"(?:\s+(?:has|had|have|later|quickly|swiftly|also|subsequently|soon|then))*"
    r"\s+(?:(?:claimed|claims|claim|took|takes|accepted|accepts)\s+(?:the\s+|full\s+)?responsibility\b"
    # "JNIM claimed the attack on its media outlet": the same, without the word
    r"|(?:claimed|claims)\s+(?:the|an|its|their|both)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|ambush(?:es)?|assaults?|raids?|killings?|blasts?|explosions?|operations?|strikes?)\b)",
    re.IGNORECASE,
)


def responsibility_claimant(sentence: str, groups: list[Named]) -> str | None:
    """The armed group a sentence says claimed responsibility for an attack, by its name in the
    data files, or None. Its claim is an incident claim with no figures (docs/gold-format.md)."""
    if "responsib" not in sentence and "claim" not in sentence:
        return None
    found = []
    for g in groups:
        for m in g.regex.finditer(sentence):
            # "Islamic State Khorasan, claimed responsibility": the branch's name, then a comma
            rest = _NAME_TAIL.match(sentence, m.end())
            if _RESPONSIBILITY.match(sentence, rest.end() if rest else m.end()):
                found.append((len(rest.group(0).strip(" ,")) if rest else 0, m.start(), g.name))
    if found:
        return min(found)[2]  # the group named in full ("Islamic State Sahel Province")
    # "A little-known militant group, Jaish-e-Fursan, claimed responsibility": a group the data
    # files do not know speaks as a rebel source (docs/gold-format.md)
    unknown = _UNKNOWN_GROUP_CLAIMED.search(sentence) or _GROUP_NAMED_CLAIMED.search(sentence)
    return "Rebel source" if unknown else None


# "Fight for Justice-Tatkon, a local resistance group, claimed responsibility"
_GROUP_NAMED_CLAIMED = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+(?:for|of|the|[A-Z][\w'’-]*)){0,5},\s+(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,3}"
    r"(?:group|outfit|organi[sz]ation|militia|movement|front),\s+(?:has\s+|had\s+|later\s+)?claimed\s+responsibility\b"
)
# "Islamic State Khorasan,", "(JNIM), the Sahel branch of Al-Qaeda,": the rest of the name, its
# acronym and an apposition before the verb
_NAME_TAIL = re.compile(
    r"\)?(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*\([^()]{1,20}\))?(?:,\s+(?:the|an?)\s+[^,;.()]{1,60}(?=,))?,?"
)
_UNKNOWN_GROUP_CLAIMED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:little-known\s+|new\s+|previously\s+unknown\s+|shadowy\s+)?(?:[\w-]+\s+)?"
    r"(?:militant|armed|jihadist|rebel|insurgent|separatist|extremist)\s+(?:group|outfit|organi[sz]ation),\s+"
    r"(?:called\s+|known\s+as\s+)?[A-Z][^,]{1,60},\s+(?:has\s+|had\s+|later\s+)?claimed\s+responsibility\b"
)
