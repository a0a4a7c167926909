"""Month names, one list for the reader (datelines, captions) and the extractor (dates, scope,
figures).

Kept apart from both packages so that importing it costs nothing: the extractor's start-up does
not pay for the ingest package."""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
# Lower-case full names and the short forms wire copy uses ("Sept. 22", "Oct 14") -> month number.
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1) if name != "May"},
    "sept": 9,
}
# Regex alternation of the full names, capitalised as written in running text.
FULL_NAMES = "|".join(MONTH_NAMES)
# Every key of MONTHS as one case-insensitive alternation, longest first ("sept" before "sep").
ANY_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
# A month as running text writes it, full or short, with the short form's optional full stop
# ("January", "Jan.", "Sept", "Sep."): one pattern for the date reader and the scope rules.
NAME_OR_SHORT = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
