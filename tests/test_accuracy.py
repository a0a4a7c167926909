"""Accuracy floors on the gold sets and on the UCDP dev set: a change that makes extraction worse fails here.

The floors sit a little under what the extractor measures today (README, "Accuracy"), so
they catch regressions without pinning exact numbers. The issue's targets (F1 >= 0.90, killed
>= 95%, date and claimed_by >= 90%) are checked on the sets the rules were developed on; the
held-out set, written blind, gets lower floors: it measures generalisation, it is not a target.

The UCDP dev set (real articles, ../shared/corpus/ucdp-2022-dev*.jsonl, scored by
`conflictwatch.evaluate.ucdp` exactly as ../shared/tools/score_ucdp.py does) has its bounds in
UCDP_DEV_FLOORS / UCDP_DEV_CEILINGS just below: today's numbers minus a small margin. Raise them
as the extractor improves (`conflictwatch evaluate --ucdp ... --input ...` prints the numbers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwatch.evaluate import evaluate, load_gold
from conflictwatch.evaluate.ucdp import score
from conflictwatch.evaluate.ucdp_codings import load_codings
from conflictwatch.evaluate.ucdp_run import load_claims

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "wire-2016-10-sample.txt"
UCDP_CODINGS = REPO.parent / "shared" / "corpus" / "ucdp-2022-dev-codings.jsonl"

# UCDP dev set (192 articles). Measured on this commit: detected 0.964, event_right 0.823,
# lead_event_right 0.786, event_and_place_right 0.719, country_right 0.823, totals_as_incident 1,
# incidents_per_article 2.22. Shares of articles must stay at or above these...
UCDP_DEV_FLOORS: dict[str, float] = {
    "detected": 0.95,
    "event_right": 0.82,
    "lead_event_right": 0.77,
    # (0.698 before 27 Nov, evening: a follow-up that retells the lead's dead is folded into it, and one
    # such follow-up had carried the article's only resolved place; a neighbourhood named after the
    # lead's town is the place now, where UCDP names the town. 0.688 since; 0.719 since 29 Nov, 03:37
    # UTC: a part of a town the gazetteer lacks names its town as admin2.)
    "event_and_place_right": 0.70,
    "country_right": 0.82,
}
# ...and these counts at or below (the aims: totals 0, incidents per article <= 3).
UCDP_DEV_CEILINGS: dict[str, float] = {
    "totals_as_incident": 6,
    "incidents_per_article": 3.0,
}

# set file, inputs, floors: incident F1, killed, date, claimed_by, sub-event type (shares of matched
# incidents; the sub-types measured: 1.00, 0.92, 0.89, 0.81, 0.79, 0.81: wire-style-a's fell from
# 0.94 as two toll-less strikes were newly matched with a weapon their sentence names as a target)
CASES = [
    ("corpus-2016-10.yaml", [str(CORPUS)], 0.90, 0.95, 0.90, 0.90, 0.95),
    ("wire-style-a.yaml", None, 0.90, 0.98, 0.90, 0.92, 0.91),
    ("wire-style-b.yaml", None, 0.90, 0.95, 0.90, 0.92, 0.86),
    ("heldout-c.yaml", None, 0.89, 0.92, 0.92, 0.74, 0.80),
    ("blind-d.yaml", None, 0.86, 0.90, 0.88, 0.60, 0.76),
    ("dev-e.yaml", None, 0.89, 0.90, 0.88, 0.77, 0.75),
]


@pytest.mark.parametrize(("name", "inputs", "f1", "killed", "when", "who", "kind"), CASES)
def test_gold_set_floor(name: str, inputs: list[str] | None, f1: float, killed: float, when: float,
                        who: float, kind: float) -> None:
    if inputs and not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS} (../shared is not part of a clone)")
    report = evaluate([load_gold(REPO / "gold" / name)], inputs).sets[0]
    assert not report.missing_articles
    assert report.incidents.f1 is not None and report.incidents.f1 >= f1
    assert (report.share("killed") or 0) >= killed
    assert (report.share("date") or 0) >= when
    assert (report.share("claimed_by") or 0) >= who
    assert (report.share("sub_event_type") or 0) >= kind


def test_ucdp_dev_set_floor(ucdp_dev_claims: Path) -> None:
    """The dev set through the pipeline (run + export claims), scored against UCDP's codings."""
    codings, bad_codings = load_codings(UCDP_CODINGS)
    claims, bad_claims = load_claims(ucdp_dev_claims)
    assert not bad_codings and not bad_claims
    m = score(codings, claims).measures()
    assert m["articles"] == 192
    below = {k: (m[k], floor) for k, floor in UCDP_DEV_FLOORS.items() if m[k] < floor}
    above = {k: (m[k], ceiling) for k, ceiling in UCDP_DEV_CEILINGS.items() if m[k] > ceiling}
    assert not below, f"under the floor (measured, floor): {below}"
    assert not above, f"over the ceiling (measured, ceiling): {above}"
