"""The UCDP scorer's rules on hand-made codings and claims (no ../shared needed).

Codings and claims here are invented for the tests: ids in the 900000s, places real or made up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.evaluate.ucdp import KINDS, Requirement, alike, failed, score, squash, words
from conflictwatch.evaluate.ucdp_codings import Coding, load_codings, parse_coding
from conflictwatch.evaluate.ucdp_run import load_claims

runner = CliRunner()


def coding(id: int = 900001, start: str = "2022-05-10", end: str | None = None, lo: int = 3, hi: int = 3,
           where: str | None = "Kware village", adm2: str | None = "Kware lga", adm1: str | None = "Zamfara state",
           country: str = "Nigeria") -> dict[str, Any]:
    return {
        "id": id, "start_date": start, "end_date": end or start, "deaths_low": lo, "deaths_high": hi,
        "location_where_name": where, "location_adm2_name": adm2, "location_adm1_name": adm1,
        "location_root_name": country, "side_a_name": "Government of Nigeria", "side_b_name": "Civilians",
    }


def claim(aid: int = 900001, scope: str = "incident", killed: Any = 3, date: str | None = "2022-05-10",
          location: str | None = "Kware", admin1: str | None = None, admin2: str | None = None,
          country: str | None = "Nigeria", **kw: Any) -> dict[str, Any]:
    k = {"low": killed, "high": killed} if isinstance(killed, int) else killed
    return {"article_id": f"ucdp-{aid}", "scope": scope, "killed": k, "date_start": date, "location": location,
            "admin1": admin1, "admin2": admin2, "country": country, **kw}


def measures(codings: list[dict[str, Any]], claims: list[dict[str, Any]]) -> dict[str, Any]:
    return score([parse_coding(c) for c in codings], claims).measures()


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- place words


def test_words_fold_accents_and_drop_generic_and_short_words() -> None:
    assert words("Ciudad Juárez town") == {"ciudad", "juarez"}
    assert words("al-Bab district") == {"bab"}
    assert words("Ywa Tha Gyi village") == {"ywa", "tha", "gyi"}
    assert words(None) == set()
    assert squash("Ywa Tha Gyi village") == "ywathagyi"


@pytest.mark.parametrize(
    ("gold", "found", "same"),
    [
        (["Kware village", "Kware lga"], ["Kware", None, None], True),  # shared word
        (["Boset woreda", None], ["Bosat"], True),  # transliteration: words alike (ratio 0.8)
        (["Ywa Tha Gyi village", None], ["Ywathagyi"], True),  # names alike once squashed
        (["Shwegu township", None], ["Shwgu Township"], True),
        (["Kware village", "Kware lga"], ["Sokoto", "Sokoto State"], False),
        (["Ado village", None], ["Ada"], False),  # words under 4 letters must be equal
        (["Al Hawl camp", None], ["Al-Hasakah"], False),  # "al" and "camp" never decide
        (["Katha township", "Katha district"], ["Kale Township", "Kale District"], False),
        (["Boset woreda", "East Shewa zone"], ["Adama woreda", "Arsi zone"], False),
        (["Ywa Tha Gyi village", None], ["Ywar Thar Kyi"], False),  # squashed: 0.80, under 0.85
        (["Ywa Tha Gyi village", None], ["Ywa Thar Kyi"], True),  # a shared word, "ywa"
    ],
)
def test_alike_names_places_despite_transliteration(gold: list[Any], found: list[Any], same: bool) -> None:
    assert alike(gold, found) is same


# ---------------------------------------------------------------- event right: date window and toll


@pytest.mark.parametrize(
    ("date", "right"),
    [("2022-05-09", True), ("2022-05-12", True), ("2022-05-08", False), ("2022-05-13", False),
     ("2022-05-09T23:30:00", True), (None, False), ("last Tuesday", False)],
)
def test_date_window_is_ucdps_widened_by_one_day(date: str | None, right: bool) -> None:
    m = measures([coding(start="2022-05-10", end="2022-05-11")], [claim(date=date)])
    assert m["event_right"] == (1.0 if right else 0.0)


@pytest.mark.parametrize(
    ("lo", "hi", "killed", "right"),
    [(0, 2, None, True), (1, 2, None, False), (0, 0, 0, True), (2, 5, 2, True), (2, 5, 5, True),
     (2, 5, 6, False), (2, 5, {"low": 4, "high": None}, True), (2, 5, {"low": 1, "high": 9}, False)],
)
def test_toll_is_the_low_figure_within_ucdps_range_and_no_figure_counts_as_0(
    lo: int, hi: int, killed: Any, right: bool
) -> None:
    assert measures([coding(lo=lo, hi=hi)], [claim(killed=killed)])["event_right"] == (1.0 if right else 0.0)


def test_lead_is_the_first_incident_claim_in_export_order() -> None:
    codings = [coding(900001), coding(900002)]
    claims = [
        claim(900001, scope="aggregate", killed=40),  # aggregates never lead
        claim(900001),  # right, first incident
        claim(900002, killed=9), claim(900002),  # right, but second
    ]
    m = measures(codings, claims)
    assert (m["event_right"], m["lead_event_right"], m["detected"]) == (1.0, 0.5, 1.0)


def test_place_and_country_count_only_on_claims_that_are_event_right() -> None:
    wrong_toll_right_place = claim(killed=9, location="Kware")
    right_event_elsewhere = claim(location="Gusau", country="Niger")
    m = measures([coding()], [wrong_toll_right_place, right_event_elsewhere])
    assert (m["event_right"], m["event_and_place_right"], m["country_right"]) == (1.0, 0.0, 0.0)
    m = measures([coding()], [claim(location=None, admin2="Kware", country="Federal Republic of Nigeria")])
    assert (m["event_and_place_right"], m["country_right"]) == (1.0, 1.0)


@pytest.mark.parametrize(("hi", "killed", "total"), [(4, 30, False), (4, 31, True), (10, 60, False),
                                                      (10, 61, True), (0, 25, False), (0, 30, True)])
def test_totals_are_figures_of_30_and_over_far_above_ucdps_toll(hi: int, killed: int, total: bool) -> None:
    m = measures([coding(lo=0, hi=hi)], [claim(killed=killed), claim(scope="aggregate", killed=500)])
    assert m["totals_as_incident"] == int(total)


def test_measures_are_rounded_like_the_reference_and_ignore_uncoded_articles() -> None:
    codings = [coding(900001), coding(900002), coding(900003)]
    claims = [claim(900001), claim(900001, killed=8), claim(900002, date=None), claim(123456)]
    result = score([parse_coding(c) for c in codings], claims)
    assert result.measures() == {
        "articles": 3, "detected": 0.667, "event_right": 0.333, "lead_event_right": 0.333,
        "event_and_place_right": 0.333, "country_right": 0.333, "totals_as_incident": 0,
        "incidents_per_article": 1.0,
    }
    assert result.claims_without_coding == 1
    assert score([], []).measures()["event_right"] is None  # nothing coded: undefined, not a crash


def test_every_article_not_right_gets_the_first_kind_of_error_that_applies() -> None:
    kinds = {
        "no_claim": [],
        "only_aggregates": [claim(scope="aggregate")],
        "toll_right_date_wrong": [claim(date="2022-04-01"), claim(killed=9)],
        "date_right_toll_wrong": [claim(killed=9)],
        "date_and_toll_wrong": [claim(killed=9, date=None)],
        "place_wrong": [claim(location="Gusau")],
        "country_wrong": [claim(country="Niger")],
        "lead_wrong": [claim(killed=9), claim()],
        None: [claim()],
    }
    codings, claims = [], []
    for n, (_, cs) in enumerate(kinds.items()):
        codings.append(parse_coding(coding(900100 + n)))
        claims += [{**c, "article_id": f"ucdp-{900100 + n}"} for c in cs]
    result = score(codings, claims)
    assert [a.kind for a in result.articles] == list(kinds)
    groups = result.by_kind()
    assert list(groups) == list(KINDS)
    wrong = result.to_dict()["errors"]["toll_right_date_wrong"]["articles"][0]
    assert wrong["expected"]["window"] == ["2022-05-09", "2022-05-11"]
    assert wrong["expected"]["deaths"] == [3, 3]
    assert [(f["date_right"], f["toll_right"]) for f in wrong["found"]] == [(False, True), (True, False)]


# ---------------------------------------------------------------- files: errors name file and line


def test_bad_coding_lines_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    p = tmp_path / "codings.jsonl"
    p.write_text(
        json.dumps(coding(900001)) + "\n{not json\n\n"
        + json.dumps({**coding(900002), "deaths_low": 5, "deaths_high": 2}) + "\n"
        + json.dumps({**coding(900003), "start_date": "10/05/2022"}) + "\n"
        + json.dumps({k: v for k, v in coding(900004).items() if k != "deaths_high"}) + "\n"
        + json.dumps(coding(900005)) + "\n",
        encoding="utf-8",
    )
    codings, problems = load_codings(p)
    assert [c.id for c in codings] == [900001, 900005]
    assert [c.line for c in codings] == [1, 7]
    assert [x.split(": ", 1)[0] for x in problems] == [f"{p}:{n}" for n in (2, 4, 5, 6)]
    assert "0 <= low <= high" in problems[1] and "ISO dates" in problems[2] and "deaths_high" in problems[3]


def test_claims_file_keeps_order_reports_bad_lines_and_is_not_split_inside_a_quote(tmp_path: Path) -> None:
    p = tmp_path / "claims.jsonl"
    rows = [claim(quote="one\u2028two"), claim(killed={"low": "three"}), claim(killed=9), "not a claim"]
    codings, _ = load_codings(write_jsonl(tmp_path / "c.jsonl", [coding()]))
    claims, problems = load_claims(write_jsonl(p, rows))
    assert [c["killed"]["low"] for c in claims] == [3, 9]
    assert claims[0]["quote"] == "one\u2028two"
    assert problems == [f"{p}:2: killed.low must be an integer or null, got 'three'",
                        f"{p}:4: a claim must be a JSON object"]
    assert isinstance(codings[0], Coding)


# ---------------------------------------------------------------- thresholds


def test_requirements_parse_and_judge_measures() -> None:
    m = {"event_right": 0.5, "totals_as_incident": 2, "incidents_per_article": None}
    assert Requirement.parse("event_right>=0.5").holds(m)
    assert not Requirement.parse(" event_right >= 0.51 ").holds(m)
    assert Requirement.parse("totals_as_incident<=2").holds(m)
    assert not Requirement.parse("incidents_per_article<=3").holds(m)  # undefined never passes
    assert [str(r) for r in failed([Requirement.parse("totals_as_incident<=0")], m)] == ["totals_as_incident<=0"]
    for bad in ("event_right>0.5", "event_right", "recall>=0.5", "articles>=1"):
        with pytest.raises(ValueError):
            Requirement.parse(bad)


# ---------------------------------------------------------------- the command


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    codings = write_jsonl(tmp_path / "codings.jsonl", [coding(900001), coding(900002, lo=0, hi=1)])
    claims = write_jsonl(tmp_path / "claims.jsonl", [claim(900001), claim(900002, killed=None, date=None)])
    return codings, claims


def test_cli_scores_a_claims_export_as_json(files: tuple[Path, Path]) -> None:
    codings, claims = files
    r = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--claims", str(claims), "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["measures"] == {
        "articles": 2, "detected": 1.0, "event_right": 0.5, "lead_event_right": 0.5,
        "event_and_place_right": 0.5, "country_right": 0.5, "totals_as_incident": 0,
        "incidents_per_article": 1.0,
    }
    assert list(out["errors"]) == ["toll_right_date_wrong"]  # no figure = 0 is in 0-1; no date
    assert out["errors"]["toll_right_date_wrong"]["articles"][0]["article_id"] == "ucdp-900002"


def test_cli_text_lists_articles_by_kind_and_show_limits_them(files: tuple[Path, Path]) -> None:
    codings, claims = files
    r = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--claims", str(claims)])
    assert r.exit_code == 0, r.output
    assert "event_right" in r.stdout and "0.5" in r.stdout
    assert KINDS["toll_right_date_wrong"] in r.stdout and "ucdp-900002" in r.stdout
    r = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--claims", str(claims), "--show", "0"])
    assert r.exit_code == 0 and "ucdp-900002" not in r.stdout


@pytest.mark.parametrize(
    ("extra", "code"),
    [(["--require", "event_right>=0.5"], 0), (["--require", "event_right>=0.6"], 1),
     (["--require", "totals_as_incident<=0", "--require", "detected>=1"], 0), (["--fail-under", "0.6"], 1),
     (["--require", "event_right>0.5"], 2)],
)
def test_cli_thresholds_set_the_exit_status(files: tuple[Path, Path], extra: list[str], code: int) -> None:
    codings, claims = files
    r = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--claims", str(claims), "--format", "json", *extra])
    assert r.exit_code == code, r.output


def test_cli_bad_lines_are_named_scored_around_and_exit_2(files: tuple[Path, Path]) -> None:
    codings, claims = files
    claims.write_text(claims.read_text() + "{broken\n", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--claims", str(claims), "--format", "json"])
    assert r.exit_code == 2
    assert f"{claims}:3" in r.stderr.replace("\n", "")
    assert json.loads(r.stdout)["measures"]["event_right"] == 0.5


@pytest.mark.parametrize(
    "args",
    [
        ["--ucdp", "{c}"],  # neither articles nor claims
        ["--ucdp", "{c}", "--claims", "{x}", "--input", "{x}"],  # both
        ["--ucdp", "{c}", "--claims", "{x}", "--no-geo"],
        ["--ucdp", "{c}", "--gold", "gold"],
        ["--gold", "gold", "--claims", "{x}"],
        [],
    ],
)
def test_cli_rejects_option_mixes_that_do_not_make_sense(files: tuple[Path, Path], args: list[str]) -> None:
    codings, claims = files
    argv = [a.format(c=codings, x=claims) for a in args]
    r = runner.invoke(app, ["evaluate", *argv])
    assert r.exit_code == 2, r.output


def test_cli_missing_codings_file_is_a_clear_error(tmp_path: Path, files: tuple[Path, Path]) -> None:
    r = runner.invoke(app, ["evaluate", "--ucdp", str(tmp_path / "nope.jsonl"), "--claims", str(files[1])])
    assert r.exit_code == 2 and "nope.jsonl: cannot read" in r.stderr.replace("\n", "")


# ---------------------------------------------------------------- a fresh run equals run + export claims

ARTICLES = [
    {"id": "ucdp-900001", "published": "2022-05-11", "title": "Gunmen kill three in Zamfara village",
     "text": "GUSAU, Nigeria - Gunmen killed three farmers in Kware village in Zamfara state on Tuesday, "
             "police said on Wednesday.\n\nA spokesman said officers had been sent to the area."},
    {"id": "ucdp-900002", "published": "2022-05-11",
     "text": "Air strikes killed 12 people on Monday in the town of Saraqeb, rescue workers said.\n\n"
             "The monitoring group said 140 people had been killed in the province since March."},
    {"id": "ucdp-900003", "published": "2022-05-11", "text": "The council met on Tuesday to discuss the budget."},
]


def test_fresh_run_scores_the_same_as_run_then_export_claims(new_db: Callable[..., str], tmp_path: Path) -> None:
    articles = write_jsonl(tmp_path / "articles.jsonl", ARTICLES)
    codings = write_jsonl(tmp_path / "codings.jsonl", [
        coding(900001, start="2022-05-10", lo=3, hi=3),
        coding(900002, start="2022-05-09", lo=10, hi=12, where="Saraqib town", adm2="Idlib district",
               adm1="Idlib governorate", country="Syria"),
        coding(900003, lo=0, hi=0), coding(900004),  # the last one is not in the input
    ])
    db, export = new_db("cw"), tmp_path / "claims.jsonl"
    assert runner.invoke(app, ["run", str(articles), "--db", str(db), "-q"]).exit_code == 0
    r = runner.invoke(app, ["export", "claims", "--db", str(db), "--format", "jsonl", "--out", str(export)])
    assert r.exit_code == 0, r.output
    from_export = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--claims", str(export), "-f", "json"])
    fresh = runner.invoke(app, ["evaluate", "--ucdp", str(codings), "--input", str(articles), "-f", "json"])
    assert from_export.exit_code == 0 and fresh.exit_code == 0, fresh.output
    a, b = json.loads(from_export.stdout), json.loads(fresh.stdout)
    assert a["measures"] == b["measures"] and a["counts"] == b["counts"]
    assert a["errors"] == b["errors"]
    assert a["counts"]["incidents"] > 0  # the run did produce claims to compare
    assert any("1 coded article(s) not in the input" in w and "ucdp-900004" in w for w in b["warnings"])
