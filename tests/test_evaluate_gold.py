"""The gold files themselves: they validate, and every evidence fragment is where it claims to be.

These catch annotation typos (a misspelt evidence, a wrong headline or date) before they turn
into phantom misses in `conflictwatch evaluate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conflictwatch import ingest, pipeline
from conflictwatch.evaluate import (
    GoldArticle,
    GoldClaim,
    GoldSet,
    evaluate,
    load_gold,
    norm_match,
    norm_title,
    sentence_around,
)
from conflictwatch.models import Article, Claim, IngestError, Range

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "gold"
CORPUS_DIR = REPO.parent / "shared" / "corpus"
CORPUS_GOLD = GOLD_DIR / "corpus-2016-10.yaml"
OTHER_GOLD = sorted(p for p in GOLD_DIR.glob("*.yaml") if p != CORPUS_GOLD)


@pytest.fixture(scope="module")
def corpus_gold() -> GoldSet:
    return load_gold(CORPUS_GOLD)


@pytest.fixture(scope="module")
def corpus_articles(corpus_gold: GoldSet) -> dict[str, str]:
    """The shared dump cut at the gold headlines: gold article id -> its text (headline excluded)."""
    path = CORPUS_DIR / "wire-2016-10-sample.txt"
    if not path.exists():
        pytest.skip(f"shared corpus not found at {path} (../shared is not part of a clone)")
    lines = path.read_text(encoding="utf-8").splitlines()
    starts: list[tuple[int, str]] = []
    for ga in corpus_gold.articles:
        # a gold title may be the headline's beginning only
        found = [i for i, line in enumerate(lines) if norm_title(line).startswith(norm_title(ga.title))
                 and len(line.split()) < 20]
        assert len(found) == 1, f"headline of {ga.id} found {len(found)} times in the corpus"
        starts.append((found[0], ga.id))
    starts.sort()
    assert [aid for _, aid in starts] == [ga.id for ga in corpus_gold.articles], "gold keeps corpus order"
    bounds = [s for s, _ in starts] + [len(lines)]
    return {aid: "\n".join(lines[s + 1 : bounds[k + 1]]) for k, (s, aid) in enumerate(starts)}


def test_corpus_gold_covers_the_six_articles_with_the_readme_dates(corpus_gold: GoldSet) -> None:
    if not (CORPUS_DIR / "README.md").exists():
        pytest.skip(f"shared corpus README not found in {CORPUS_DIR} (../shared is not part of a clone)")
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (.+?) \| (\d{4}-\d{2}-\d{2}) \|$", readme, flags=re.M))
    assert len(corpus_gold.articles) == 6 == len(table)
    for ga in corpus_gold.articles:
        assert ga.text is None, "corpus texts stay in ../shared"
        starts = [d for head, d in table.items()
                  if norm_title(ga.title).startswith(norm_title(head)) or norm_title(head).startswith(norm_title(ga.title))]
        assert starts == [ga.published.isoformat() if ga.published else None], ga.id
    def titled(start: str) -> GoldArticle:
        [ga] = [ga for ga in corpus_gold.articles if ga.title and ga.title.startswith(start)]
        return ga

    assert titled("Escalation in Syria means EU").claims == []
    assert titled("Britain to take in unaccompanied").claims == []


def test_every_corpus_evidence_occurs_in_exactly_one_article_once(
    corpus_gold: GoldSet, corpus_articles: dict[str, str]
) -> None:
    for ga in corpus_gold.articles:
        for g in ga.claims:
            ev = norm_match(g.evidence)
            where = [aid for aid, text in corpus_articles.items() if ev in norm_match(text)]
            assert where == [ga.id], f"{ga.id} claim #{g.index} {g.evidence!r} found in {where}"
            assert norm_match(corpus_articles[ga.id]).count(norm_match(g.evidence)) == 1, g.evidence
            assert 3 <= len(g.evidence.split()) <= 8, f"{g.evidence!r}: evidence is a 3-8 word fragment"


def test_corpus_gold_counts(corpus_gold: GoldSet) -> None:
    """Pin the annotation so an accidental deletion shows up (update deliberately)."""
    claims = [g for ga in corpus_gold.articles for g in ga.claims]
    assert sum(g.scope == "incident" for g in claims) == 15
    assert sum(g.scope == "aggregate" for g in claims) == 8
    assert all(g.event_type and g.sub_event_type for g in claims)


def test_perfect_predictions_on_the_corpus_score_100_percent(
    corpus_gold: GoldSet, corpus_articles: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole evaluate path on the real dump: headline pairing, gold dates, matching, fields."""
    titles = {ga.id: ga.title for ga in corpus_gold.articles}

    def fake_read(paths: list[str], published: date | None = None) -> Iterator[Article | IngestError]:
        for aid, text in corpus_articles.items():
            yield Article(text, title=titles[aid])  # no date: as in the dump

    gold_by_title = {norm_title(ga.title): ga for ga in corpus_gold.articles}
    seen_dates: dict[str, date | None] = {}

    def perfect(article: Article) -> list[Claim]:
        ga = gold_by_title[norm_title(article.title)]
        seen_dates[ga.id] = article.published
        return [
            Claim(
                article_id=article.article_id or "", quote=sentence_around(article.text, g.evidence) or "",
                scope="incident" if g.scope == "incident" else "aggregate", event_type=g.event_type,
                sub_event_type=g.sub_event_type, date_start=g.date, location=g.location, killed=g.killed,
                children_killed=g.children_killed, injured=g.injured, claimed_by=g.claimed_by,
            )
            for g in ga.claims
        ]

    monkeypatch.setattr(ingest, "read_inputs", fake_read)
    monkeypatch.setattr(pipeline, "extract_claims", perfect)
    ev = evaluate([corpus_gold], ["wire-2016-10-sample.txt"])
    r = ev.sets[0]
    assert (r.incidents.tp, r.incidents.fp, r.incidents.fn) == (15, 0, 0)
    assert (r.aggregates.tp, r.aggregates.fn) == (8, 0)
    assert all(r.share(k) == 1.0 for k in r.field_right)
    assert not r.misses and not r.false_alarms and not r.mismatches and not r.warnings
    assert seen_dates == {ga.id: ga.published for ga in corpus_gold.articles}


@pytest.mark.parametrize("path", OTHER_GOLD, ids=[p.name for p in OTHER_GOLD])
def test_other_gold_files_validate_and_their_evidence_is_in_the_text(path: Path) -> None:
    gs = load_gold(path)  # raises GoldError listing every bad entry
    assert gs.articles, f"{path.name}: no articles"
    checked = 0
    for ga in gs.articles:
        if ga.text is None:
            continue  # text comes from --input; nothing to check it against here
        text = norm_match(ga.text)
        for g in ga.claims:
            n = text.count(norm_match(g.evidence))
            where = f"{path.name}: {ga.id} claim #{g.index} (line {g.line}): {g.evidence!r}"
            assert n >= 1, f"{where} not in the article text"
            assert n == 1, f"{where} occurs {n} times; pick a fragment that picks one sentence"
            checked += 1
    assert checked or all(ga.text is None or not ga.claims for ga in gs.articles)


def test_a_gold_text_is_read_as_run_reads_an_article() -> None:
    """The score is the score of what a user gets: a gold text's dateline is taken apart by the
    same reader as `run`'s, so that 'on Tuesday' after a dated dateline is the Tuesday before it."""
    text = ("QUETTA, Pakistan, Oct. 13 (Reuters) - A roadside bomb killed four soldiers near Turbat on "
            "Tuesday, the army said.\n\n(Reporting by Own Writer; Editing by Other Writer)")
    claim = GoldClaim(scope="incident", evidence="A roadside bomb killed four soldiers", index=0,
                      date=date(2022, 10, 11), killed=Range(4, 4))
    ga = GoldArticle(id="g1", title="Bomb kills four soldiers", published=date(2022, 10, 13), claims=[claim],
                     text=text)
    rep = evaluate([GoldSet(name="t", path="t.yaml", articles=[ga])], None).sets[0]
    assert rep.incidents.tp == 1 and rep.share("date") == 1.0, (rep.mismatches, rep.misses)
