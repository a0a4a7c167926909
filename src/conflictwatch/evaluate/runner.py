"""Running ingest + extract + geo on the gold articles, then scoring every set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from conflictwatch.evaluate.gold import GoldArticle, GoldSet
from conflictwatch.evaluate.scoring import ArticleInput, SetReport, overall_report, score_set
from conflictwatch.evaluate.text import norm_title
from conflictwatch.geo import Geocoder
from conflictwatch.ingest.layout import analyse_article
from conflictwatch.models import Article, IngestError


def _article_from_gold(ga: GoldArticle) -> Article | None:
    """A gold text read as `run` reads an article (dateline, captions and credit lines taken
    apart), so that the score is the score of what a user gets."""
    if ga.text is None:
        return None
    item = analyse_article(ga.text, f"gold:{ga.id}", title=ga.title)
    if isinstance(item, IngestError):
        return Article(text=ga.text, title=ga.title, published=ga.published, article_id=ga.id,
                       source=ga.source)
    item.published, item.published_inferred = ga.published, False
    item.article_id, item.source = ga.id, ga.source
    return item


def pair_articles(gold: GoldSet, articles: Sequence[Article]) -> dict[str, Article]:
    """Gold article id -> input article: by article_id first, then by normalised headline."""
    out: dict[str, Article] = {}
    used: set[int] = set()
    by_id = {a.article_id: i for i, a in enumerate(articles) if a.article_id}
    for ga in gold.articles:
        i = by_id.get(ga.id)
        if i is not None and i not in used:
            out[ga.id] = articles[i]
            used.add(i)
    for ga in gold.articles:
        if ga.id in out or not ga.title:
            continue
        key = norm_title(ga.title)
        free = [(i, norm_title(a.title)) for i, a in enumerate(articles) if i not in used and a.title]
        exact = [i for i, t in free if t == key]
        # A gold title may give only the headline's beginning (to avoid copying a whole headline).
        begins = [i for i, t in free if t.startswith(key)]
        pick = exact or (begins if len(begins) == 1 else [])
        if pick:
            out[ga.id] = articles[pick[0]]
            used.add(pick[0])
    return out


def with_gold_date(article: Article, ga: GoldArticle) -> Article:
    """The wire date the evaluator knows, applied when the input gave none (or only a guess)."""
    if ga.published is not None and (article.published is None or article.published_inferred):
        return replace(article, published=ga.published, published_inferred=False)
    return article


@dataclass
class Evaluation:
    """Reports per set, pooled overall, plus input-level problems."""

    sets: list[SetReport]
    overall: SetReport
    ingest_errors: list[str] = field(default_factory=list)
    unmatched_inputs: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sets": [s.to_dict() for s in self.sets],
            "overall": self.overall.to_dict(),
            "ingest_errors": self.ingest_errors,
            "unmatched_inputs": self.unmatched_inputs,
        }

    def fails_under(self, threshold: float) -> list[str]:
        """Names of the sets whose incident F1 is below `threshold` (undefined F1 never fails)."""
        return [s.name for s in self.sets if s.incidents.f1 is not None and s.incidents.f1 < threshold]


def read_articles(inputs: Sequence[str]) -> tuple[list[Article], list[str]]:
    """Ingest --input without extracting: the gold dates must be applied first."""
    from conflictwatch.ingest import read_inputs

    articles: list[Article] = []
    errors: list[str] = []
    for item in read_inputs(list(inputs)):
        if isinstance(item, IngestError):
            errors.append(str(item))
        else:
            articles.append(item)
    return articles, errors


def evaluate(
    gold_sets: Sequence[GoldSet], inputs: Sequence[str] | None = None, geocoder: Geocoder | None = None
) -> Evaluation:
    """Run ingest (if inputs) + extract + geo on the gold articles and score every set.

    A set none of whose articles appear in the inputs (or every set, without inputs) is run
    on its own `text`s; a gold article found nowhere counts as missing.
    """
    from conflictwatch import pipeline

    articles: list[Article] = []
    errors: list[str] = []
    if inputs:
        articles, errors = read_articles(inputs)
    used_ids: set[int] = set()
    reports: list[SetReport] = []
    for gs in gold_sets:
        paired = pair_articles(gs, articles) if articles else {}
        use_gold_text = not paired
        given: dict[str, ArticleInput] = {}
        for ga in gs.articles:
            if use_gold_text:
                art = _article_from_gold(ga)
            else:
                art = paired.get(ga.id)
                if art is not None:
                    used_ids.add(id(art))
                    art = with_gold_date(art, ga)
            if art is None:
                reason = (
                    "no `text` in the gold file and no --input given" if use_gold_text and not inputs
                    else "no `text` in the gold file" if use_gold_text
                    else "article not found in the input"
                )
                given[ga.id] = ArticleInput(None, reason=reason)
                continue
            claims = pipeline.process_article(art, geocoder)
            given[ga.id] = ArticleInput(art, claims, from_gold_text=use_gold_text)
        report = score_set(gs, given)
        if use_gold_text:
            report.articles_source = "gold text"
            if inputs:
                report.warnings.append("no article of this set found in --input; scored on the gold texts")
        reports.append(report)
    unmatched = sum(1 for a in articles if id(a) not in used_ids)
    return Evaluation(reports, overall_report(reports), errors, unmatched)
