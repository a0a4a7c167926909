"""Gold loading/validation, figure notation, claim matching and metric arithmetic of `evaluate`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflictwatch.evaluate import (
    ArticleInput,
    GoldArticle,
    GoldClaim,
    GoldError,
    GoldSet,
    SetReport,
    field_checks,
    format_figure,
    load_gold,
    match_claims,
    norm_location,
    norm_title,
    parse_figure,
    score_article,
    score_set,
    sentence_around,
)
from conflictwatch.models import Article, Claim, Range

TEXT = (
    "BEIRUT (Reuters) - Air strikes killed 13 people on Thursday in the al-Kalaseh district, "
    "rescue workers said.\n\n"
    "The Observatory said shelling killed eight people on Wednesday in Salaheddine.\n\n"
    "A military source said troops took the village of Tal Sousin on Thursday.\n\n"
    "The Observatory said 448 people had been killed in the city since Sept. 22.\n"
)

GOOD_YAML = """\
name: mini
articles:
  - id: m1
    title: "Strikes hit “Aleppo” districts"
    published: 2016-10-13
    text: |
      BEIRUT (Reuters) - Air strikes killed 13 people on Thursday in the al-Kalaseh district, rescuers said.

      The Observatory said shelling killed eight people on Wednesday in Salaheddine.
    claims:
      - scope: incident
        evidence: "Air strikes killed 13 people"
        event_type: Explosions/Remote violence
        sub_event_type: Air/drone strike
        date: 2016-10-13
        location: al-Kalaseh
        killed: 13
        claimed_by: Syrian Civil Defence
      - scope: incident
        evidence: "shelling killed eight people"
        killed: "8+"
        injured: [10, 15]
        children_killed: null
  - id: m2
    title: Nothing happened
    claims: []
"""


def write(tmp_path: Path, body: str, name: str = "set.yaml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def gclaim(evidence: str, index: int = 0, scope: str = "incident", **kw: object) -> GoldClaim:
    return GoldClaim(scope=scope, evidence=evidence, index=index, **kw)  # type: ignore[arg-type]


def pclaim(quote: str, scope: str = "incident", **kw: object) -> Claim:
    return Claim(article_id="m1", quote=quote, scope=scope, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- figure notation


@pytest.mark.parametrize(
    ("value", "expected"),
    [(13, Range(13, 13)), (0, Range(0, 0)), ("4+", Range(4, None)), (" 151 + ", Range(151, None)),
     ([45, 49], Range(45, 49)), ([7, 7], Range(7, 7)), (None, None)],
)
def test_parse_figure_accepts_the_documented_notation(value: object, expected: Range | None) -> None:
    assert parse_figure(value) == expected


@pytest.mark.parametrize("value", ["about 5", "5", True, -1, [5, 3], [1, 2, 3], ["1", "2"], 2.5, {"low": 1}])
def test_parse_figure_rejects_anything_else(value: object) -> None:
    with pytest.raises(ValueError):
        parse_figure(value)


def test_format_figure_round_trips() -> None:
    for v in (13, "4+", [10, 15], None):
        assert format_figure(parse_figure(v)) == v


# ---------------------------------------------------------------- loading and validation


def test_load_gold_reads_claims_dates_and_figures(tmp_path: Path) -> None:
    gs = load_gold(write(tmp_path, GOOD_YAML))
    assert gs.name == "mini"
    assert [a.id for a in gs.articles] == ["m1", "m2"]
    a = gs.articles[0]
    assert a.published == date(2016, 10, 13)
    c0, c1 = a.claims
    assert (c0.killed, c0.date, c0.claimed_by, c0.location) == (
        Range(13, 13), date(2016, 10, 13), "Syrian Civil Defence", "al-Kalaseh"
    )
    assert c0.line == 11  # the line of the claim's mapping, for messages
    assert (c1.killed, c1.injured, c1.children_killed) == (Range(8, None), Range(10, 15), None)
    assert c1.claimed_by is None
    assert gs.articles[1].claims == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('killed: "8+"', "killed: about 8", ["claim #1", "`killed`", "'about 8'"]),
        ('killed: "8+"', "kiled: 8", ["claim #1", "unknown key(s) kiled"]),
        ("sub_event_type: Air/drone strike", "sub_event_type: Armed clash", ["claim #0", "does not belong"]),
        ('evidence: "shelling killed eight people"', 'evidence: "shelling killed nine people"',
         ["claim #1", "does not occur in the article text"]),
        ("date: 2016-10-13", "date: 13/10/2016", ["claim #0", "`date`", "ISO date"]),
        ("scope: incident\n        evidence: \"shelling", "scope: incidnet\n        evidence: \"shelling",
         ["claim #1", "incident or aggregate"]),
        ("injured: [10, 15]", "injured: [15, 10]", ["claim #1", "`injured`", "low <= high"]),
    ],
)
def test_bad_claims_are_reported_with_file_article_claim_and_line(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    assert old in GOOD_YAML
    path = write(tmp_path, GOOD_YAML.replace(old, new, 1))
    with pytest.raises(GoldError) as exc:
        load_gold(path)
    assert len(exc.value.problems) == 1
    msg = exc.value.problems[0]
    assert str(path) in msg and "article 'm1'" in msg and "(line " in msg
    for part in expected:
        assert part in msg


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    body = GOOD_YAML.replace("killed: 13", "killed: lots").replace('killed: "8+"', 'killed: "8++"')
    body = body.replace("    claims: []", "    claims: none")
    with pytest.raises(GoldError) as exc:
        load_gold(write(tmp_path, body))
    probs = exc.value.problems
    assert len(probs) == 3
    assert any("claim #0" in p and "'lots'" in p for p in probs)
    assert any("claim #1" in p and "'8++'" in p for p in probs)
    assert any("article 'm2'" in p and "`claims` must be a list" in p for p in probs)


def test_article_level_errors(tmp_path: Path) -> None:
    body = GOOD_YAML.replace("  - id: m2\n    title: Nothing happened\n    claims: []\n",
                             "  - id: m1\n    title: Again\n  - title: no id\n    claims: []\n")
    with pytest.raises(GoldError) as exc:
        load_gold(write(tmp_path, body))
    text = "\n".join(exc.value.problems)
    assert "duplicate id (first at line 3)" in text
    assert "`claims` is required" in text
    assert "article #2" in text and "`id` is required" in text


def test_not_yaml_and_not_a_set(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="not valid YAML"):
        load_gold(write(tmp_path, "articles: [\n"))
    with pytest.raises(GoldError, match="`articles` must be a list"):
        load_gold(write(tmp_path, "name: x\n"))
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "absent.yaml")


# ---------------------------------------------------------------- normalisation


def test_norm_location_ignores_articles_hyphens_and_district_words() -> None:
    assert norm_location("the al-Qarterji district") == norm_location("Qarterji")
    assert norm_location("Bustan al-Qasr neighbourhood") == norm_location("bustan al qasr")
    assert norm_location("El-Sukkari area") == norm_location("Sukkari")
    assert norm_location("Douma") != norm_location("Duma Camp")
    assert norm_location(None) is None and norm_location("  ") is None


def test_norm_title_ignores_case_quotes_and_spacing() -> None:
    a = norm_title("Turkish army says Islamic State putting up \u2018stiff resistance\u2019  in Syria")
    assert a == norm_title("turkish army says islamic state putting up 'stiff resistance' in syria")


def test_sentence_around_returns_the_original_sentence() -> None:
    assert sentence_around(TEXT, "KILLED EIGHT people") == (
        "The Observatory said shelling killed eight people on Wednesday in Salaheddine."
    )
    assert sentence_around(TEXT, "not there") is None
    para = "OCHA said 406 were killed from Sept. 23 until Oct. 8 in the east. U.S. officials said little."
    assert sentence_around(para, "until Oct. 8") == para.split(" U.S.")[0]
    assert sentence_around(para, "officials said") == "U.S. officials said little."


# ---------------------------------------------------------------- matching


def test_evidence_match_is_quote_and_dash_insensitive() -> None:
    g = [gclaim('jets "neutralized" 28 - the army')]
    p = [pclaim("Coalition JETS \u201cneutralized\u201d   28 \u2013 the army said.")]
    assert match_claims(g, p) == [(0, 0)]


def test_two_claims_in_one_sentence_are_paired_by_claimed_by_then_killed() -> None:
    sentence = "Rescue workers said 10 people were killed, while state media said four soldiers died."
    gold = [
        gclaim("said 10 people were killed", 0, claimed_by="Syrian Civil Defence", killed=Range(10, 10)),
        gclaim("said 10 people were killed", 1, claimed_by="SANA", killed=Range(4, 4)),
    ]
    preds = [pclaim(sentence, claimed_by="SANA", killed=Range(4, 4)),
             pclaim(sentence, claimed_by="Syrian Civil Defence", killed=Range(10, 10))]
    assert match_claims(gold, preds, sentence) == [(0, 1), (1, 0)]
    # same claimed_by on both: the killed figure decides
    preds2 = [pclaim(sentence, killed=Range(4, 4)), pclaim(sentence, killed=Range(10, 10))]
    gold2 = [gclaim("10 people", 0, killed=Range(10, 10)), gclaim("10 people", 1, killed=Range(4, 4))]
    assert match_claims(gold2, preds2, sentence) == [(0, 1), (1, 0)]


def test_matching_is_maximal_not_greedy() -> None:
    """A preferred candidate must not steal the only candidate of another gold claim."""
    gold = [gclaim("killed 13", 0, claimed_by="A"), gclaim("on Thursday", 1, claimed_by="B")]
    preds = [pclaim("Air strikes killed 13 people on Thursday.", claimed_by="A"),
             pclaim("Strikes killed 13 people.", claimed_by="B")]
    # gold 1 only fits pred 0, so gold 0 takes pred 1 despite its other claimed_by
    assert match_claims(gold, preds) == [(0, 1), (1, 0)]


def test_closest_position_breaks_remaining_ties() -> None:
    gold = [gclaim("took the village of Tal Sousin")]
    whole = pclaim(TEXT.split("\n\n", 1)[1])  # three paragraphs, starting two sentences earlier
    exact = pclaim("A military source said troops took the village of Tal Sousin on Thursday.")
    assert match_claims(gold, [whole, exact], TEXT) == [(0, 1)]
    assert match_claims(gold, [exact, whole], TEXT) == [(0, 0)]


def test_no_candidate_no_pair() -> None:
    assert match_claims([gclaim("killed 14")], [pclaim("killed 13 people")]) == []
    assert match_claims([], [pclaim("x")]) == [] and match_claims([gclaim("x")], []) == []


# ---------------------------------------------------------------- metrics


def mini_gold() -> GoldArticle:
    return GoldArticle(
        id="m1", title="t", published=date(2016, 10, 13), text=TEXT,
        claims=[
            gclaim("Air strikes killed 13 people", 0, killed=Range(13, 13), date=date(2016, 10, 13),
                   location="al-Kalaseh", claimed_by="Syrian Civil Defence",
                   event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
            gclaim("shelling killed eight people", 1, killed=Range(8, 8), date=date(2016, 10, 12),
                   location="Salaheddine", claimed_by="Syrian Observatory for Human Rights",
                   event_type="Explosions/Remote violence",
                   sub_event_type="Shelling/artillery/missile attack"),
            gclaim("took the village of Tal Sousin", 2, date=date(2016, 10, 13), location="Tal Sousin",
                   claimed_by="Syrian military source", event_type="Strategic developments",
                   sub_event_type="Government regains territory"),
            gclaim("448 people had been killed", 3, scope="aggregate", killed=Range(448, 448),
                   claimed_by="Syrian Observatory for Human Rights"),
        ],
    )


def mini_predictions() -> list[Claim]:
    s = TEXT.split("\n\n")
    return [
        # right except the figure
        pclaim(s[0], killed=Range(12, 12), date_start=date(2016, 10, 13), location="Kalaseh",
               claimed_by="Syrian Civil Defence", event_type="Explosions/Remote violence",
               sub_event_type="Air/drone strike"),
        # all fields right
        pclaim(s[1], killed=Range(8, 8), date_start=date(2016, 10, 12), location="salaheddine district",
               claimed_by="Syrian Observatory for Human Rights", event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack"),
        # the aggregate, wrongly as an incident: false alarm and scope error
        pclaim(s[3], killed=Range(448, 448), claimed_by="Syrian Observatory for Human Rights"),
        # invented
        pclaim("Nobody said this.", killed=Range(3, 3)),
    ]


def test_metric_arithmetic_and_case_lists() -> None:
    report = SetReport(name="mini")
    score_article(mini_gold(), ArticleInput(Article(TEXT, "t", article_id="m1"), mini_predictions()), report)
    inc, agg = report.incidents, report.aggregates
    assert (inc.tp, inc.fp, inc.fn) == (2, 2, 1)
    assert inc.precision == pytest.approx(0.5)
    assert inc.recall == pytest.approx(2 / 3)
    assert inc.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert (agg.tp, agg.fp, agg.fn, agg.recall, agg.precision) == (0, 0, 1, 0.0, None)
    assert report.matched_incidents == 2
    assert report.share("killed") == 0.5
    for k in ("date", "location", "claimed_by", "event_type", "sub_event_type", "injured", "children_killed"):
        assert report.share(k) == 1.0, k
    assert report.mismatches == [
        {"article_id": "m1", "gold_index": 0, "scope": "incident", "evidence": "Air strikes killed 13 people",
         "field": "killed", "gold": 13, "predicted": 12, "line": None}
    ]
    scope_errors = [f for f in report.false_alarms if f["scope_error"]]
    assert len(report.false_alarms) == 2 and len(scope_errors) == 1
    assert scope_errors[0]["gold_index"] == 3 and scope_errors[0]["gold_scope"] == "aggregate"
    misses = {(m["gold_index"], m["scope"]) for m in report.misses}
    assert misses == {(2, "incident"), (3, "aggregate")}
    tal = next(m for m in report.misses if m["gold_index"] == 2)
    assert tal["sentence"] == "A military source said troops took the village of Tal Sousin on Thursday."
    targets = report.targets()
    assert targets["incident_f1"]["pass"] is False and targets["date"]["pass"] is True
    assert targets["killed"] == {"target": 0.95, "value": 0.5, "pass": False}


def test_mismatches_list_every_wrong_field_with_gold_and_predicted_values() -> None:
    g = mini_gold().claims[0]
    p = pclaim("q", killed=Range(13, None), children_killed=Range(2, 2), date_start=date(2016, 10, 12),
               location="Bustan al-Qasr", claimed_by=None, event_type="Battles", sub_event_type="Armed clash")
    wrong = {k: (gv, pv) for k, (ok, gv, pv) in field_checks(g, p).items() if not ok}
    assert wrong == {
        "killed": (13, "13+"),
        "children_killed": (None, 2),
        "date": ("2016-10-13", "2016-10-12"),
        "location": ("al-Kalaseh", "Bustan al-Qasr"),
        "claimed_by": ("Syrian Civil Defence", None),
        "event_type": ("Explosions/Remote violence", "Battles"),
        "sub_event_type": ("Air/drone strike", "Armed clash"),
    }


def test_location_accepts_coordinates_within_2_km_only_when_gold_has_them() -> None:
    g = gclaim("x", location="al-Marjeh", lat=36.18, lon=37.18)
    near = pclaim("x", location="Marjeh roundabout", latitude=36.19, longitude=37.18)  # ~1.1 km
    far = pclaim("x", location="Marjeh roundabout", latitude=36.21, longitude=37.18)  # ~3.3 km
    assert field_checks(g, near)["location"][0] is True
    assert field_checks(g, far)["location"][0] is False
    assert field_checks(gclaim("x", location="al-Marjeh"), near)["location"][0] is False


def test_missing_article_counts_its_claims_as_misses() -> None:
    gs = GoldSet(name="s", path="s.yaml", articles=[mini_gold()])
    report = score_set(gs, {})
    assert report.missing_articles == ["m1"]
    assert (report.incidents.tp, report.incidents.fn, report.aggregates.fn) == (0, 3, 1)
    assert report.incidents.f1 == 0.0 and report.incidents.precision is None
    assert all(m["reason"] == "article not found in the input" for m in report.misses)


def test_empty_gold_and_no_predictions_is_undefined_not_a_failure() -> None:
    ga = GoldArticle(id="e", title=None, published=None, claims=[], text="Nothing.")
    report = score_set(GoldSet("s", "s.yaml", [ga]), {"e": ArticleInput(Article("Nothing."), [])})
    assert report.incidents.f1 is None and report.targets()["incident_f1"]["pass"] is None


def test_evidence_absent_from_input_text_is_warned() -> None:
    ga = mini_gold()
    report = SetReport(name="s")
    score_article(ga, ArticleInput(Article("Something else entirely."), []), report)
    assert len(report.warnings) == 4 and "not in the article text" in report.warnings[0]


# ---------------------------------------------------------------- gold `date: null` vs the publication date


@pytest.mark.parametrize(
    ("gold_date", "pred", "right"),
    [
        # the text gives no day: the publication date standing in is the right answer
        (None, {"date_start": date(2022, 5, 3), "date_basis": "published", "time_precision": 2}, True),
        (None, {"date_start": date(2022, 5, 3)}, True),  # equal to `published`, basis not said
        (None, {}, True),  # no date at all still agrees with null
        # a date the extractor read from the text, though the gold says the text gives none
        (None, {"date_start": date(2022, 5, 1), "date_basis": "text"}, False),
        # a gold date is never matched by the stand-in unless the days agree
        (date(2022, 5, 1), {"date_start": date(2022, 5, 3), "date_basis": "published"}, False),
        (date(2022, 5, 3), {"date_start": date(2022, 5, 3), "date_basis": "published"}, True),
    ],
)
def test_gold_null_date_accepts_the_publication_date_standing_in(
    gold_date: date | None, pred: dict[str, object], right: bool
) -> None:
    g = gclaim("x", date=gold_date)
    assert field_checks(g, pclaim("x", **pred), published=date(2022, 5, 3))["date"][0] is right


def test_score_article_reads_the_publication_date_from_the_article() -> None:
    text = "Gunmen killed a village chief in Kware, police said."
    ga = GoldArticle(id="p1", title=None, published=date(2022, 5, 3), text=text,
                     claims=[gclaim("Gunmen killed a village chief", killed=Range(1, 1))])
    pred = pclaim(text, killed=Range(1, 1), date_start=date(2022, 5, 3))  # no date_basis given
    art = Article(text, published=date(2022, 5, 3))
    report = SetReport(name="s")
    score_article(ga, ArticleInput(art, [pred]), report)
    assert report.share("date") == 1.0
    report = SetReport(name="s")
    score_article(ga, ArticleInput(Article(text, published=date(2022, 5, 4)), [pred]), report)
    assert report.share("date") == 0.0 and report.mismatches[0]["field"] == "date"
