"""Score the machine's figures and attribution against hand-made gold annotations.

The gold files (``figures_gold.csv``, ``claims_gold.csv`` and ``annotated_articles.csv`` in an
annotations folder, defined in ``docs/annotation-guide.md``) name each figure by its
``surface`` text and ``occurrence`` in the clean article text. The package is split by job:

- ``gold``: read the gold files strictly (problems named by file, line and column), merge them;
- ``coverage``: which annotated articles can be scored here (gold matches by id AND sha256);
- ``matching``: locate gold figures in the text and pair figures one-to-one;
- ``scoring``: precision, recall and F1 of the figures; accuracy of source, source type,
  stance, topic and event;
- ``summaries``: per article, per annotator and pooled tables, honest sentences, error lists.

Everything a notebook needs is importable from ``helpers.evaluate``.
"""

from __future__ import annotations

from helpers.evaluate.coverage import (
    COVERAGE_COLUMNS,
    annotators_of,
    coverage_sentence,
    gold_coverage,
    gold_for,
)
from helpers.evaluate.gold import (
    ANNOTATED_COLUMNS,
    CLAIM_GOLD_COLUMNS,
    FIGURE_GOLD_COLUMNS,
    GOLD_KEYS,
    GoldFileError,
    Problem,
    load_annotated_articles,
    load_gold,
    merge_gold,
    read_annotated_articles,
    select_articles,
)
from helpers.evaluate.matching import locate_gold, surface_pattern
from helpers.evaluate.scoring import (
    CLAIM_FIELDS,
    CONFUSION_FIELDS,
    LEVELS,
    NO_MATCH,
    PRED_FIGURE_COLUMNS,
    ClaimScores,
    FigureScores,
    score_claims,
    score_figures,
)
from helpers.evaluate.summaries import (
    SCOPED_COLUMNS,
    error_table,
    findings,
    levels_table,
    overview,
    scoped_scores,
    summary,
    validation_scores,
)

__all__ = [
    "ANNOTATED_COLUMNS",
    "CLAIM_FIELDS",
    "CLAIM_GOLD_COLUMNS",
    "CONFUSION_FIELDS",
    "COVERAGE_COLUMNS",
    "FIGURE_GOLD_COLUMNS",
    "GOLD_KEYS",
    "LEVELS",
    "NO_MATCH",
    "PRED_FIGURE_COLUMNS",
    "SCOPED_COLUMNS",
    "ClaimScores",
    "FigureScores",
    "GoldFileError",
    "Problem",
    "annotators_of",
    "coverage_sentence",
    "error_table",
    "findings",
    "gold_coverage",
    "gold_for",
    "levels_table",
    "load_annotated_articles",
    "load_gold",
    "locate_gold",
    "merge_gold",
    "overview",
    "read_annotated_articles",
    "score_claims",
    "score_figures",
    "scoped_scores",
    "select_articles",
    "summary",
    "surface_pattern",
    "validation_scores",
]
