"""The words by which a sentence refers back to the incident just told ("The attack took place in
Nkwen", "The operation was carried out in the general area of Ghiljo", "the school"): what
extract/followups.py, stories.py and inherit.py read to fold a sentence into the claim before it."""

from __future__ import annotations

import re

REFERS_BACK = re.compile(
    r"^(?:the|that|this)\s+(?:attack|strike|air\s?strike|raid|bombing|shelling|blast|explosion|bomb|assault|massacre"
    r"|ambush|attackers|gunmen|assailants|bombers?"  # "The attackers opened fire on worshippers at X"
    r"|incident|killing|shooting|murder|operation"  # "The incident happened at the Mile V neighbourhood in X"
    r"|gunfight|encounter|firefight|gun\s?battle|clash(?:es)?|fighting"  # "The gunfight broke out in X"
    # ("The shells landed on Hkau Shau village", "The soldiers came under fire in Barangay Tumahubong")
    r"|shells|rockets|missiles|mortars|drones?|convoy|patrol"
    r"|(?:soldiers|troops|victims)\s+(?:came\s+under|were\s+(?:ambushed|attacked|killed|hit|shot|struck)))\b"
    # ("The soldiers were on patrol near the village of Anzourou when they were attacked")
    r"|^(?:the|that|this)\s+(?:soldiers|troops|victims|policemen|unit|detachment)\s+(?:was|were)\s+"
    r"(?:on\s+(?:a\s+)?(?:patrol|mission|escort)|travell?ing|escorting|returning)\b",
    re.IGNORECASE,
)


# a facility named with "the" in the sentence and the claim's quote: the same place
FACILITY = re.compile(r"\bthe\s+(school|hospital|market|mosque|bakery|building|clinic|convoy|checkpoint|camp"
                      r"|church|mill|station)\b", re.IGNORECASE)


# a place written as a village ("Mai Sak Pa village"): the most exact place a story gives
VILLAGE_WORD = re.compile(r"\s(?:village|hamlet|ward|quarter|neighbourhood|neighborhood)$", re.IGNORECASE)
TOOK_PLACE = re.compile(r"\b(?:took\s+place|happened|occurred|broke\s+out|erupted|began|started"
                        r"|(?:was|were)\s+(?:carried\s+out|conducted|launched))\b",
                        re.IGNORECASE)
DEFINITE_EVENT = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+|latest\s+|first\s+|second\s+|third\s+)?(?:raid|raids|strike|strikes"
    r"|air\s?strikes?|attack|bombing"
    r"|blast|explosion|bombardment|assault|battle|fighting|clashes|shelling|ambush)\b",
    re.IGNORECASE,
)
