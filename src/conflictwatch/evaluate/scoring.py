"""Precision, recall and per-field accuracy of one article, one gold set, or all sets pooled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from conflictwatch.evaluate.gold import GoldArticle, GoldClaim, GoldSet, format_figure
from conflictwatch.evaluate.matching import field_checks, match_claims
from conflictwatch.evaluate.text import norm_match, sentence_around
from conflictwatch.models import Article, Claim

# Targets from the issue; shown next to the numbers as PASS/FAIL.
TARGETS: dict[str, float] = {"incident_f1": 0.90, "killed": 0.95, "date": 0.90, "claimed_by": 0.90}
FIELDS = (
    "killed", "children_killed", "injured", "date", "location", "claimed_by", "event_type", "sub_event_type",
)


@dataclass
class ArticleInput:
    """What the evaluator knows about one gold article: the article fed in and its predictions."""

    article: Article | None  # None = not found in the input
    claims: list[Claim] = field(default_factory=list)
    from_gold_text: bool = False
    reason: str = "article not found in the input"  # why `article` is None, for the misses list


def _claim_summary(p: Claim) -> dict[str, Any]:
    return {
        "scope": p.scope,
        "quote": p.quote,
        "killed": format_figure(p.killed),
        "date": p.date_start.isoformat() if p.date_start else None,
        "location": p.location,
        "claimed_by": p.claimed_by,
        "sub_event_type": p.sub_event_type,
    }


@dataclass
class Counts:
    """Confusion counts for one scope."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class SetReport:
    """Everything measured on one gold set (or pooled over all sets for `overall`)."""

    name: str
    incidents: Counts = field(default_factory=Counts)
    aggregates: Counts = field(default_factory=Counts)
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched_incidents: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    articles_source: str = "input"
    path: str | None = None

    def share(self, name: str) -> float | None:
        return self.field_right[name] / self.matched_incidents if self.matched_incidents else None

    def targets(self) -> dict[str, dict[str, Any]]:
        """Each target with its value and pass/fail (None value = nothing to judge yet)."""
        values = {"incident_f1": self.incidents.f1, **{k: self.share(k) for k in FIELDS}}
        out = {}
        for k, t in TARGETS.items():
            v = values[k]
            out[k] = {"target": t, "value": v, "pass": None if v is None else v >= t}
        return out

    def merge(self, other: SetReport) -> None:
        self.incidents.add(other.incidents)
        self.aggregates.add(other.aggregates)
        for k in FIELDS:
            self.field_right[k] += other.field_right[k]
        self.matched_incidents += other.matched_incidents
        for attr in ("misses", "false_alarms", "mismatches"):
            getattr(self, attr).extend({"set": other.name, **x} for x in getattr(other, attr))
        self.missing_articles.extend(f"{other.name}/{a}" for a in other.missing_articles)
        self.warnings.extend(f"{other.name}: {w}" for w in other.warnings)
        self.articles += other.articles

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (stable keys; see the `evaluate` command's --format json)."""
        inc, agg = self.incidents, self.aggregates
        return {
            "name": self.name,
            "path": self.path,
            "articles": self.articles,
            "articles_source": self.articles_source,
            "missing_articles": self.missing_articles,
            "incidents": {
                "tp": inc.tp, "fp": inc.fp, "fn": inc.fn,
                "precision": inc.precision, "recall": inc.recall, "f1": inc.f1,
                "scope_errors": sum(1 for f in self.false_alarms if f.get("scope_error")),
            },
            "fields": {k: self.share(k) for k in FIELDS},
            "matched_incidents": self.matched_incidents,
            "aggregates": {
                "tp": agg.tp, "fn": agg.fn, "fp": agg.fp, "recall": agg.recall, "precision": agg.precision,
            },
            "targets": self.targets(),
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "mismatches": self.mismatches,
            "warnings": self.warnings,
        }


def score_article(gold: GoldArticle, given: ArticleInput, report: SetReport) -> None:
    """Pair one article's predicted claims with its gold claims and add the outcome to `report`."""
    report.articles += 1
    article = given.article
    if article is None:
        report.missing_articles.append(gold.id)
        for g in gold.claims:
            if g.scope == "incident":
                report.incidents.fn += 1
            else:
                report.aggregates.fn += 1
            report.misses.append(_miss(gold, g, None, given.reason))
        return
    text = article.text
    for g in gold.claims:
        if norm_match(g.evidence) not in norm_match(text):
            report.warnings.append(
                f"article {gold.id!r} claim #{g.index}: evidence {g.evidence!r} not in the article text "
                "(typo in the gold file, or ingest changed the text?)"
            )
    preds = list(given.claims)
    pred_used: set[int] = set()
    gold_matched: dict[int, int] = {}  # gold list index -> predicted index
    for scope in ("incident", "aggregate"):
        g_idx = [i for i, g in enumerate(gold.claims) if g.scope == scope]
        p_idx = [i for i, p in enumerate(preds) if p.scope == scope]
        pairs = match_claims([gold.claims[i] for i in g_idx], [preds[i] for i in p_idx], text)
        for gi, pi in pairs:
            gold_matched[g_idx[gi]] = p_idx[pi]
            pred_used.add(p_idx[pi])
    # Predicted claims left over: do they hold the evidence of a gold claim of the other scope?
    leftover = [i for i in range(len(preds)) if i not in pred_used]
    for scope in ("incident", "aggregate"):
        other = "aggregate" if scope == "incident" else "incident"
        g_idx = [i for i, g in enumerate(gold.claims) if g.scope == other]
        p_idx = [i for i in leftover if preds[i].scope == scope]
        cross = match_claims([gold.claims[i] for i in g_idx], [preds[i] for i in p_idx], text)
        cross_of = {p_idx[pi]: gold.claims[g_idx[gi]] for gi, pi in cross}
        counts = report.incidents if scope == "incident" else report.aggregates
        for pi in p_idx:
            counts.fp += 1
            fa: dict[str, Any] = {"article_id": gold.id, **_claim_summary(preds[pi]), "scope_error": False}
            if pi in cross_of:
                g = cross_of[pi]
                fa.update(scope_error=True, gold_index=g.index, gold_scope=g.scope, evidence=g.evidence)
            report.false_alarms.append(fa)
    for gi, g in enumerate(gold.claims):
        counts = report.incidents if g.scope == "incident" else report.aggregates
        if gi not in gold_matched:
            counts.fn += 1
            report.misses.append(_miss(gold, g, text, None))
            continue
        counts.tp += 1
        p = preds[gold_matched[gi]]
        checks = field_checks(g, p, article.published)
        if g.scope == "incident":
            report.matched_incidents += 1
            for k, (ok, _, _) in checks.items():
                report.field_right[k] += ok
        for k, (ok, gv, pv) in checks.items():
            if not ok:
                report.mismatches.append(
                    {
                        "article_id": gold.id, "gold_index": g.index, "scope": g.scope,
                        "evidence": g.evidence, "field": k, "gold": gv, "predicted": pv, "line": g.line,
                    }
                )


def _miss(gold: GoldArticle, g: GoldClaim, text: str | None, reason: str | None) -> dict[str, Any]:
    return {
        "article_id": gold.id,
        "gold_index": g.index,
        "scope": g.scope,
        "evidence": g.evidence,
        "sentence": sentence_around(text, g.evidence) if text else None,
        "killed": format_figure(g.killed),
        "date": g.date.isoformat() if g.date else None,
        "claimed_by": g.claimed_by,
        "line": g.line,
        "reason": reason,
    }


def score_set(gold: GoldSet, given: dict[str, ArticleInput]) -> SetReport:
    """Score a whole gold set; `given` maps gold article id -> what the pipeline produced for it."""
    report = SetReport(name=gold.name, path=gold.path)
    for ga in gold.articles:
        score_article(ga, given.get(ga.id, ArticleInput(None)), report)
    if given and all(x.from_gold_text for x in given.values() if x.article is not None):
        report.articles_source = "gold text"
    return report


def overall_report(reports: Sequence[SetReport]) -> SetReport:
    """Pooled (micro-averaged) numbers over every set."""
    total = SetReport(name="overall", articles_source="all sets")
    for r in reports:
        total.merge(r)
    return total
