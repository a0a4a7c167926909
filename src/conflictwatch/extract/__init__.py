"""Extract: claims (incidents and casualty figures, with sources, dates, places, actors).

Components, each testable alone: `sentences` (splitting), `numbers` (figures and bounds),
`dates` (event dates against the publication date), `places` (names as written),
`attribution` (who said it), `claims` (putting them together). Rules live in
`conflictwatch/data/*.yaml`.
"""

from conflictwatch.extract.claims import classify_figures, extract_claims

__all__ = ["classify_figures", "extract_claims"]
