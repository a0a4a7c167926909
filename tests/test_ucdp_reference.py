"""The project's UCDP scorer agrees with the reference scorer (../shared/tools/score_ucdp.py).

On the same claims the two must give the same numbers: on the dev set run through the pipeline,
on the command's fresh run, and on hand-made and random claims files that hit the edge cases
(no figure, transliterated places, empty claims, aggregates only, dates with times or none).
These need ../shared, which a user's clone does not have: they skip there.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.evaluate.ucdp import score
from conflictwatch.evaluate.ucdp_codings import load_codings
from conflictwatch.evaluate.ucdp_run import load_claims

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_ucdp.py"
ARTICLES = SHARED / "corpus" / "ucdp-2022-dev.jsonl"
CODINGS = SHARED / "corpus" / "ucdp-2022-dev-codings.jsonl"

needs_scorer = pytest.mark.skipif(
    not SCORER.exists(), reason=f"reference scorer not found at {SCORER} (../shared is not part of a clone)"
)
pytestmark = needs_scorer


def reference(codings: Path, claims: Path) -> dict[str, Any]:
    """The reference scorer's --json output."""
    out = subprocess.run(
        [sys.executable, str(SCORER), str(codings), str(claims), "--json"],
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def ours(codings: Path, claims: Path) -> dict[str, Any]:
    cs, p1 = load_codings(codings)
    cl, p2 = load_claims(claims)
    assert not p1 and not p2, p1 + p2
    return score(cs, cl).measures()


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the dev set


def test_agrees_with_the_reference_on_the_dev_set_export(ucdp_dev_claims: Path) -> None:
    ref = reference(CODINGS, ucdp_dev_claims)
    assert ref["articles"] == 192
    assert ours(CODINGS, ucdp_dev_claims) == ref


def test_evaluate_ucdp_input_prints_the_reference_measures(ucdp_dev_claims: Path) -> None:
    """The command's fresh run scores what `run` + `export claims` + the reference scorer give."""
    r = CliRunner().invoke(
        app, ["evaluate", "--ucdp", str(CODINGS), "--input", str(ARTICLES), "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["measures"] == reference(CODINGS, ucdp_dev_claims)
    assert not out["warnings"] and not out["input_errors"]
    kinds = sum(v["count"] for v in out["errors"].values())
    not_placed = 192 - out["counts"]["event_and_place_right"]
    assert kinds >= not_placed  # every article the reference lists as not right is in some kind


def test_evaluate_ucdp_claims_text_output_shows_the_same_numbers(ucdp_dev_claims: Path) -> None:
    ref = reference(CODINGS, ucdp_dev_claims)
    r = CliRunner().invoke(app, ["evaluate", "--ucdp", str(CODINGS), "--claims", str(ucdp_dev_claims)])
    assert r.exit_code == 0, r.output
    rows = {line.split()[0]: line.split()[1] for line in r.stdout.splitlines() if line.split()[:1]
            and line.split()[0] in ref}
    for k, v in ref.items():
        if k != "articles":
            assert rows[k] == str(v), k


# ---------------------------------------------------------------- hand-made edge cases


def coding(id: int, start: str, end: str, lo: int, hi: int, where: str | None, adm2: str | None,
           country: str) -> dict[str, Any]:
    return {"id": id, "start_date": start, "end_date": end, "deaths_low": lo, "deaths_high": hi,
            "location_where_name": where, "location_adm2_name": adm2, "location_adm1_name": None,
            "location_root_name": country, "side_a_name": "A", "side_b_name": "B"}


EDGE_CODINGS = [
    coding(900001, "2022-03-01", "2022-03-01", 0, 2, "Ywa Tha Gyi village", "Monywa district", "Myanmar (Burma)"),
    coding(900002, "2022-03-05", "2022-03-07", 1, 1, "Boset woreda", "East Shewa zone", "Ethiopia"),
    coding(900003, "2022-04-10", "2022-04-10", 4, 4, "Ciudad Juárez town", "Juárez municipality", "Mexico"),
    coding(900004, "2022-04-11", "2022-04-11", 3, 9, None, "Guma lga", "Nigeria"),
    coding(900005, "2022-06-01", "2022-06-01", 2, 2, "Al Hawl camp", "Al Hasakah district", "Syria"),
    coding(900006, "2022-06-02", "2022-06-02", 0, 0, "Bulemba village", "Beni territory", "DR Congo (Zaire)"),
]


def c(aid: int, scope: str = "incident", killed: Any = None, date: str | None = None, location: str | None = None,
      admin1: str | None = None, admin2: str | None = None, country: str | None = None) -> dict[str, Any]:
    return {"claim_id": f"c{aid}{location}{date}", "article_id": f"ucdp-{aid}", "scope": scope, "killed": killed,
            "date_start": date, "location": location, "admin1": admin1, "admin2": admin2, "country": country}


EDGE_CASES: dict[str, list[dict[str, Any]]] = {
    "empty claims": [],
    "no figure": [
        c(900001, date="2022-03-02", location="Ywathagyi", country="Myanmar"),  # no figure, UCDP low 0: right
        c(900002, date="2022-03-05", location="Bosat", country="Ethiopia"),  # no figure, UCDP low 1: wrong
        c(900006, killed={"low": None, "high": None}, date="2022-06-02", location="Bulemba",
          country="Democratic Republic of the Congo"),
    ],
    "transliterated places": [
        c(900001, killed={"low": 2, "high": 2}, date="2022-02-28", location="Ywa Thar Gyi", country="Burma"),
        c(900002, killed={"low": 1, "high": 1}, date="2022-03-08T06:00:00", location="Bosat"),
        c(900003, killed={"low": 4, "high": None}, date="2022-04-10", location="Juarez", admin1="Chihuahua"),
        c(900004, killed={"low": 5, "high": 5}, date="2022-04-12", location="Udei", admin2="Guma",
          country="Nigeria"),
        c(900005, killed={"low": 2, "high": 2}, date="2022-06-01", location="al-Hol", admin1="Al-Hasakah",
          country="Syrian Arab Republic"),
    ],
    "aggregates only": [
        c(900001, scope="aggregate", killed={"low": 540, "high": 540}, date="2022-03-01"),
        c(900003, scope="aggregate", killed={"low": 4, "high": 4}, date="2022-04-10", location="Juarez"),
    ],
    "totals, lead and uncoded articles": [
        c(900003, killed={"low": 700, "high": None}, date="2022-04-10", location="Juarez", country="Mexico"),
        c(900003, killed={"low": 4, "high": 4}, date="2022-04-10", location="Juarez", country="Mexico"),
        c(900004, killed={"low": 30, "high": 30}, date="2022-04-11", location="Makurdi"),
        c(900004, killed={"low": 56, "high": 56}, date="2011-04-11"),
        c(900006, killed=3, date="2022-06-02", location="Beni"),  # a bare number
        c(123456, killed={"low": 10, "high": 10}, date="2022-01-01"),
        c(900002, date="not a date"),
    ],
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_agrees_with_the_reference_on_edge_cases(tmp_path: Path, case: str) -> None:
    codings = write_jsonl(tmp_path / "codings.jsonl", EDGE_CODINGS)
    claims = write_jsonl(tmp_path / "claims.jsonl", EDGE_CASES[case])
    assert ours(codings, claims) == reference(codings, claims)


def test_edge_cases_are_not_all_zero(tmp_path: Path) -> None:
    """The edge files above do exercise the rules: each measure moves somewhere."""
    codings = write_jsonl(tmp_path / "codings.jsonl", EDGE_CODINGS)
    seen: dict[str, set[Any]] = {}
    for rows in EDGE_CASES.values():
        for k, v in ours(codings, write_jsonl(tmp_path / "claims.jsonl", rows)).items():
            seen.setdefault(k, set()).add(v)
    assert all(len(v) > 1 for k, v in seen.items() if k != "articles"), seen


# ---------------------------------------------------------------- random claims


PLACES = ["Kware", "Kwarre", "Ywathagyi", "Ywa Thar Gyi", "Bosat", "Boset", "Juarez", "Ciudad Juarez",
          "Saraqeb", "Saraqib", "al-Hol", "Hasakah", "Sokoto", "Beni", "Bulemba", "Idlib", "Zamfara", "", None]
COUNTRIES = ["Nigeria", "Niger", "Myanmar", "Burma", "Ethiopia", "Mexico", "New Mexico", "Syria",
             "Democratic Republic of the Congo", "Congo", "Brazil", None]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_the_reference_on_random_claims(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    codings = []
    for i in range(30):
        start = f"2022-0{rng.randint(1, 9)}-1{rng.randint(0, 8)}"
        end = start[:-1] + str(int(start[-1]) + rng.choice([0, 0, 1]))
        lo = rng.choice([0, 0, 1, 2, 5, 20])
        where = rng.choice(["Kware village", "Ywa Tha Gyi village", "Boset woreda", "Ciudad Juárez town",
                            "Saraqib town", "Al Hawl camp", "Bulemba village", None])
        codings.append(coding(910000 + i, start, end, lo, lo + rng.choice([0, 0, 1, 10]), where,
                              rng.choice(["Kware lga", "Idlib district", None]),
                              rng.choice(["Nigeria", "Myanmar (Burma)", "Ethiopia", "Mexico", "Syria",
                                          "DR Congo (Zaire)"])))
    claims = []
    for _ in range(400):
        g = rng.choice(codings)
        aid = g["id"] if rng.random() < 0.95 else 999999
        d = g["start_date"][:8] + f"{int(g['start_date'][8:]) + rng.choice([-2, -1, 0, 1, 2, 3]):02d}"
        low = rng.choice([None, 0, 1, 2, 3, 5, 12, 21, 30, 31, 60, 400])
        killed: Any = None if low is None else rng.choice([{"low": low, "high": low}, {"low": low, "high": None}])
        claims.append(c(aid, scope=rng.choice(["incident", "incident", "aggregate"]), killed=killed,
                        date=rng.choice([d, d, d + "T12:00:00", None]), location=rng.choice(PLACES),
                        admin1=rng.choice(PLACES), admin2=rng.choice([None, None, *PLACES]),
                        country=rng.choice(COUNTRIES)))
    cpath = write_jsonl(tmp_path / "codings.jsonl", codings)
    kpath = write_jsonl(tmp_path / "claims.jsonl", claims)
    ref = reference(cpath, kpath)
    assert ref["event_right"] > 0 and ref["event_and_place_right"] > 0 and ref["totals_as_incident"] > 0
    assert ours(cpath, kpath) == ref


def test_place_rules_are_the_references() -> None:
    """Same generic words, and the same verdict on every pair of the names used above."""
    import importlib.util

    from conflictwatch.evaluate import ucdp

    spec = importlib.util.spec_from_file_location("score_ucdp_reference", SCORER)
    assert spec is not None and spec.loader is not None
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    assert set(ucdp.STOP) == set(ref.STOP)
    gold = [g["location_where_name"] for g in EDGE_CODINGS] + ["Kware village", "Saraqib town", "Katha township"]
    for g in gold:
        for p in PLACES + ["Kale Township", "Ywar Thar Kyi", "Se Taw"]:
            assert ucdp.words(p) == ref.words(p) and ucdp.squash(p) == ref.squash(p)
            assert ucdp.alike([g, None], [p, None, "Idlib"]) == ref.alike([g, None], [p, None, "Idlib"]), (g, p)
