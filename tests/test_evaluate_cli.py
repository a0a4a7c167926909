"""`conflictwatch evaluate` end to end, with the extraction (and ingest) stages replaced by fakes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwatch import ingest, pipeline
from conflictwatch.cli import app
from conflictwatch.evaluate import FIELDS, GoldArticle, load_gold, sentence_around
from conflictwatch.models import Article, Claim, IngestError, Range

GOLD = """\
name: cli-set
articles:
  - id: c1
    title: "Shells hit ‘western’ Aleppo"
    published: 2016-10-13
    text: |
      BEIRUT (Reuters) - Shells killed six people near a school on Thursday, state media said.

      A monitor said 120 people had been killed in the city this month.
    claims:
      - scope: incident
        evidence: "Shells killed six people"
        event_type: Explosions/Remote violence
        sub_event_type: Shelling/artillery/missile attack
        date: 2016-10-13
        location: Aleppo
        killed: 6
        claimed_by: SANA
      - scope: aggregate
        evidence: "120 people had been killed"
        killed: 120
        claimed_by: Activists
"""

runner = CliRunner()


def perfect(ga: GoldArticle, text: str) -> list[Claim]:
    """What a flawless extractor would return for a gold article."""
    out = []
    for g in ga.claims:
        out.append(
            Claim(
                article_id=ga.id, quote=sentence_around(text, g.evidence) or g.evidence,
                scope="incident" if g.scope == "incident" else "aggregate",
                event_type=g.event_type, sub_event_type=g.sub_event_type, date_start=g.date,
                date_end=g.date_end, location=g.location, killed=g.killed,
                children_killed=g.children_killed, injured=g.injured, claimed_by=g.claimed_by,
            )
        )
    return out


def fake_extractor(
    by_id: dict[str, Callable[[Article], list[Claim]]], seen: list[Article] | None = None
) -> Callable[[Article], list[Claim]]:
    """Stands in for extract_claims: claims per article id, recording what it was given."""

    def extract(article: Article) -> list[Claim]:
        if seen is not None:
            seen.append(article)
        fn = by_id.get(article.article_id or "")
        return fn(article) if fn else []

    return extract


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    p = tmp_path / "cli-set.yaml"
    p.write_text(GOLD, encoding="utf-8")
    return p


def test_json_output_schema_and_values(gold_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ga = load_gold(gold_file).articles[0]

    def wrong_figure(a: Article) -> list[Claim]:
        claims = perfect(ga, a.text)
        claims[0].killed = Range(5, 5)
        return claims

    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor({"c1": wrong_figure}))
    res = runner.invoke(app, ["evaluate", "--gold", str(gold_file), "--format", "json", "--no-geo"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data) >= {"sets", "overall"}
    (s,) = data["sets"]
    for obj in (s, data["overall"]):
        assert set(obj) >= {"name", "incidents", "fields", "aggregates"}
        assert set(obj) >= {"misses", "false_alarms", "mismatches"}
        assert set(obj["incidents"]) >= {"tp", "fp", "fn", "precision", "recall", "f1"}
        assert set(obj["fields"]) == set(FIELDS)
        assert set(obj["aggregates"]) >= {"tp", "fn", "fp", "recall", "precision"}
    assert s["name"] == "cli-set"
    assert s["incidents"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
                              "scope_errors": 0}
    assert s["fields"]["killed"] == 0.0 and s["fields"]["date"] == 1.0
    assert s["aggregates"]["tp"] == 1 and s["aggregates"]["recall"] == 1.0
    assert s["mismatches"] == [
        {"article_id": "c1", "gold_index": 0, "scope": "incident", "evidence": "Shells killed six people",
         "field": "killed", "gold": 6, "predicted": 5, "line": 11}
    ]
    assert s["targets"]["killed"]["pass"] is False and s["targets"]["incident_f1"]["pass"] is True
    assert data["overall"]["incidents"]["tp"] == 1


def test_fail_under_sets_exit_status(gold_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ga = load_gold(gold_file).articles[0]
    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor({"c1": lambda a: perfect(ga, a.text)}))
    ok = runner.invoke(app, ["evaluate", "-g", str(gold_file), "--fail-under", "0.9", "--format", "json"])
    assert ok.exit_code == 0, ok.output
    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor({}))
    bad = runner.invoke(app, ["evaluate", "-g", str(gold_file), "--fail-under", "0.9", "--format", "json"])
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["sets"][0]["incidents"]["f1"] == 0.0
    # without the gate the same result exits 0
    assert runner.invoke(app, ["evaluate", "-g", str(gold_file), "--format", "json"]).exit_code == 0


def test_text_report_lists_misses_false_alarms_and_targets(
    gold_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def invent(a: Article) -> list[Claim]:
        return [Claim(article_id="c1", quote="Invented sentence about 9 dead.", killed=Range(9, 9))]

    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor({"c1": invent}))
    res = runner.invoke(app, ["evaluate", "--gold", str(gold_file), "--no-geo"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "incident F1" in out and "FAIL (< 0.90)" in out
    assert "Misses (2)" in out
    # the sentence as `run` reads the text: the dateline is the article's, not the sentence's
    assert "Shells killed six people near a school on Thursday, state media said." in out
    assert "BEIRUT (Reuters) - Shells" not in out
    assert "False alarms (1)" in out and "Invented sentence about 9 dead." in out


def test_bad_gold_file_exits_2_with_location(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(GOLD.replace("killed: 6", "killed: six"), encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "--gold", str(p)], env={"COLUMNS": "300"})
    assert res.exit_code == 2
    assert "bad.yaml" in res.stderr and "article 'c1'" in res.stderr and "claim #0" in res.stderr
    assert "'six'" in res.stderr


def test_several_gold_sets_from_a_folder_report_per_set_and_overall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.yaml").write_text(GOLD, encoding="utf-8")
    other = GOLD.replace("cli-set", "other").replace("id: c1", "id: c2")
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a gold file", encoding="utf-8")
    ga = load_gold(tmp_path / "a.yaml").articles[0]
    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor({"c1": lambda a: perfect(ga, a.text)}))
    res = runner.invoke(app, ["evaluate", "--gold", str(tmp_path), "--format", "json", "--fail-under", "0.5"])
    assert res.exit_code == 1  # set "other" gets no claims from the fake
    data = json.loads(res.stdout)
    assert [s["name"] for s in data["sets"]] == ["cli-set", "other"]
    assert [s["incidents"]["f1"] for s in data["sets"]] == [1.0, 0.0]
    o = data["overall"]["incidents"]
    assert (o["tp"], o["fn"], o["fp"]) == (1, 1, 0) and o["recall"] == 0.5


def test_input_articles_are_paired_by_title_and_get_the_gold_date(
    gold_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ga = load_gold(gold_file).articles[0]
    text = ga.text or ""
    fed = [
        Article(
            text, title="SHELLS HIT 'WESTERN'  ALEPPO", published=date(2016, 10, 1), published_inferred=True
        ),
        Article("Unrelated story.", title="Something else"),
    ]

    def fake_read(paths: list[str], published: date | None = None) -> Iterator[Article | IngestError]:
        assert paths == ["dump.txt", "more.txt"]
        yield from fed
        yield IngestError("more.txt:3", "unreadable")

    seen: list[Article] = []
    monkeypatch.setattr(ingest, "read_inputs", fake_read)
    by_hash = {fed[0].article_id or "": lambda a: perfect(ga, a.text)}
    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor(by_hash, seen))
    res = runner.invoke(
        app, ["evaluate", "-g", str(gold_file), "--input", "dump.txt", "more.txt", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["sets"][0]["incidents"]["f1"] == 1.0
    assert data["sets"][0]["articles_source"] == "input"
    assert data["ingest_errors"] == ["more.txt:3: unreadable"] and data["unmatched_inputs"] == 1
    # the gold date replaced the inferred one before extraction; the unmatched article was not extracted
    assert [(a.title, a.published, a.published_inferred) for a in seen] == [
        ("SHELLS HIT 'WESTERN'  ALEPPO", date(2016, 10, 13), False)
    ]


def test_input_date_given_by_the_input_is_kept(gold_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = load_gold(gold_file).articles[0].text or ""
    monkeypatch.setattr(ingest, "read_inputs", lambda paths, published=None: iter(
        [Article(text, title="x", published=date(2016, 10, 14), article_id="c1")]
    ))
    seen: list[Article] = []
    monkeypatch.setattr(pipeline, "extract_claims", fake_extractor({}, seen))
    res = runner.invoke(app, ["evaluate", "-g", str(gold_file), "-i", "x.jsonl", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [a.published for a in seen] == [date(2016, 10, 14)]  # paired by id, own date kept
