"""Measuring extraction: against hand-annotated gold sets, and against UCDP's codings of real news.

One module per concern:

- `gold`: the gold YAML format (docs/gold-format.md), read and validated strictly;
- `text`: the normalisation that evidence, headlines and places are compared under;
- `matching`: pairing predicted with gold claims by evidence, and the per-field checks;
- `scoring`: precision/recall/field accuracy per article, per set and pooled;
- `runner`: running ingest + extract + geo on gold articles (`evaluate --gold`);
- `ucdp_codings`: UCDP's codings of real articles (the yardstick), read line by line;
- `ucdp`: the UCDP measures, computed exactly as `../shared/tools/score_ucdp.py` does, and the
  kinds of error of the articles they miss;
- `ucdp_run`: where the claims scored against UCDP come from (a fresh run, or a claims export);
- `report`: the human-readable reports of both.
"""

from conflictwatch.evaluate.gold import (
    EVENT_TYPES,
    GoldArticle,
    GoldClaim,
    GoldError,
    GoldSet,
    format_figure,
    gold_paths,
    load_gold,
    parse_figure,
    parse_gold,
)
from conflictwatch.evaluate.matching import field_checks, haversine_km, match_claims
from conflictwatch.evaluate.runner import (
    Evaluation,
    evaluate,
    pair_articles,
    read_articles,
    with_gold_date,
)
from conflictwatch.evaluate.scoring import (
    FIELDS,
    TARGETS,
    ArticleInput,
    Counts,
    SetReport,
    overall_report,
    score_article,
    score_set,
)
from conflictwatch.evaluate.text import (
    norm_location,
    norm_match,
    norm_title,
    sentence_around,
    split_sentences,
)

__all__ = [
    "EVENT_TYPES", "FIELDS", "TARGETS", "ArticleInput", "Counts", "Evaluation", "GoldArticle", "GoldClaim",
    "GoldError", "GoldSet", "SetReport", "evaluate", "field_checks", "format_figure", "gold_paths",
    "haversine_km", "load_gold", "match_claims", "norm_location", "norm_match", "norm_title",
    "overall_report", "pair_articles", "parse_figure", "parse_gold", "read_articles", "score_article",
    "score_set", "sentence_around", "split_sentences", "with_gold_date",
]
