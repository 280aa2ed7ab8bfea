"""Turn scores into tables and sentences: per article, per annotator, pooled last; honest words.

- :func:`validation_scores`: one scoring run as a tidy table (part, level, metric, score,
  numerator, denominator);
- :func:`scoped_scores`: the same for every annotated article on its own, every annotator's
  articles, and all of them pooled (the last rows), the table notebook 06 writes to
  ``reports/tables/validation_scores.csv``;
- :func:`overview`: that table one line per scope, with counts written "27 of 32";
- :func:`levels_table`: the figure scores at each level of detail, one line per scope;
- :func:`summary`: a paragraph for a notebook's findings, that never says "every" unless all are;
- :func:`error_table`: every miss, false alarm and attribution error in one list.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from helpers.evaluate.matching import format_value, ratio
from helpers.evaluate.scoring import (
    CLAIM_FIELDS,
    LEVELS,
    ClaimScores,
    FigureScores,
    score_claims,
    score_figures,
)

TIDY_COLUMNS = ("part", "level", "metric", "score", "numerator", "denominator")
SCOPED_COLUMNS = ("scope", "article_id", "annotator", *TIDY_COLUMNS)
SCOPES = ("article", "annotator", "all")  # the order of the rows: pooled last
ERROR_COLUMNS = ("article_id", "error", "surface", "gold", "predicted", "sentence_text")
FIELD_NAMES = {
    "source_canonical": "source",
    "source_type": "source type",
    "stance": "stance",
    "topic": "topic",
    "event": "event",
}


def validation_scores(figures: FigureScores, claims: ClaimScores) -> pd.DataFrame:
    """One tidy table of every score: part, level, metric, score, numerator, denominator.

    Figures give precision (tp / n_pred), recall (tp / n_gold) and f1
    (2 tp / (n_gold + n_pred)) per level; claims give accuracy_all (correct / n_gold) and
    accuracy_matched per field.
    """
    rows = []
    for r in figures.table.itertuples(index=False):
        for metric, num, den in (
            ("precision", r.tp, r.n_pred),
            ("recall", r.tp, r.n_gold),
            ("f1", 2 * r.tp, r.n_gold + r.n_pred),
        ):
            rows.append(("figures", r.level, metric, ratio(num, den), num, den))
    for r in claims.table.itertuples(index=False):
        rows.append(("attribution", r.field, "accuracy_all", r.accuracy_all, r.correct, r.n_gold))
        rows.append(
            (
                "attribution",
                r.field,
                "accuracy_matched",
                r.accuracy_matched,
                r.correct_matched,
                r.n_matched,
            )
        )
    return pd.DataFrame(rows, columns=list(TIDY_COLUMNS))


def scoped_scores(
    figures: pd.DataFrame,
    claims: pd.DataFrame,
    gold: pd.DataFrame,
    clean_texts: Mapping[str, str],
    annotators: Mapping[str, str],
) -> pd.DataFrame:
    """Score each article of ``annotators`` ({article_id: annotator}) on its own, then each
    annotator's articles together, then all of them pooled (the last rows).

    ``figures`` and ``claims`` are the predicted tables, ``gold`` the merged gold, and
    ``clean_texts`` must hold the text of every article in ``annotators``. Columns: scope
    (article, annotator, all), article_id ("" unless scope is article), annotator ("" for
    all), then the :func:`validation_scores` columns. No articles give an empty table.
    """
    frames = []
    articles = sorted(annotators)
    groups: list[tuple[str, str, str, list[str]]] = [
        ("article", a, annotators[a], [a]) for a in articles
    ]
    for name in sorted(set(annotators.values())):
        groups.append(("annotator", "", name, [a for a in articles if annotators[a] == name]))
    if articles:
        groups.append(("all", "", "", articles))
    for scope, article, annotator, members in groups:
        texts = {a: clean_texts[a] for a in members}
        table = validation_scores(
            score_figures(figures, gold, texts), score_claims(claims, gold, texts)
        )
        table.insert(0, "annotator", annotator)
        table.insert(0, "article_id", article)
        table.insert(0, "scope", scope)
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=list(SCOPED_COLUMNS))
    return pd.concat(frames, ignore_index=True)[list(SCOPED_COLUMNS)]


def overview(scores: pd.DataFrame) -> pd.DataFrame:
    """The :func:`scoped_scores` table one line per scope, counts written as "27 of 32".

    Columns: scope, article_id, annotator, gold figures, found (gold figures matched by value),
    false alarms, precision, recall, F1, then one column per attribution field counting the
    gold figures whose field is right (an unmatched figure counts as wrong).
    """
    rows = []
    keys = ["scope", "article_id", "annotator"]
    for key, part in scores.groupby(keys, sort=False):
        cell = part.set_index(["level", "metric"])
        recall = cell.loc[("value", "recall")]
        precision = cell.loc[("value", "precision")]
        n_gold, tp = int(recall["denominator"]), int(recall["numerator"])
        row = dict(zip(keys, key, strict=True))
        row.update(
            {
                "gold figures": n_gold,
                "found": f"{tp} of {n_gold}",
                "false alarms": int(precision["denominator"]) - tp,
                "precision": round(float(precision["score"]), 2),
                "recall": round(float(recall["score"]), 2),
                "F1": round(float(cell.loc[("value", "f1"), "score"]), 2),
                # rounded for display; NaN (shown empty) when there was nothing to count
            }
        )
        for field in CLAIM_FIELDS:
            if (field, "accuracy_all") in cell.index:
                right = cell.loc[(field, "accuracy_all")]
                row[f"{FIELD_NAMES[field]} right"] = (
                    f"{int(right['numerator'])} of {int(right['denominator'])}"
                )
        rows.append(row)
    fixed = ["scope", "article_id", "annotator", "gold figures", "found", "false alarms"]
    fixed += ["precision", "recall", "F1"] + [f"{FIELD_NAMES[f]} right" for f in CLAIM_FIELDS]
    return pd.DataFrame(rows, columns=fixed if not rows else None)


def levels_table(scores: pd.DataFrame) -> pd.DataFrame:
    """The figure scores of a :func:`scoped_scores` table, one line per scope (rows in its
    order, pooled last) and one column per level and metric ("value f1" ...). A score of
    nothing stays NaN rather than the line being dropped."""
    figures = scores[scores["part"] == "figures"]
    keys = ["scope", "article_id", "annotator"]
    rows = []
    for key, part in figures.groupby(keys, sort=False):
        row = dict(zip(keys, key, strict=True))
        row.update({f"{r.level} {r.metric}": r.score for r in part.itertuples(index=False)})
        rows.append(row)
    columns = keys + [f"{level} {m}" for level in LEVELS for m in ("precision", "recall", "f1")]
    return pd.DataFrame(rows, columns=columns)


def summary(figures: FigureScores, claims: ClaimScores | None = None) -> str:
    """The scores in one paragraph of plain English, for a notebook's findings.

    It starts like "The extractor found 6 of 7 gold figures (recall 0.86) with 0 false
    alarms (precision 1.00, F1 0.92)." and counts attribution as "source 27 of 32", so a
    reader sees how many are wrong.
    """
    levels = figures.table.set_index("level")
    value = levels.loc["value"]
    n_gold = int(value["n_gold"])
    n_alarms = int(value["n_pred"] - value["tp"])
    text = (
        f"The extractor found {int(value['tp'])} of {n_gold} gold figure{_s(n_gold)} "
        f"(recall {_f(value['recall'])}) with {n_alarms} false alarm{_s(n_alarms)} "
        f"(precision {_f(value['precision'])}, F1 {_f(value['f1'])}). With the unit also "
        f"right, F1 is {_f(levels.loc['value+unit', 'f1'])}; with the change (about, more "
        f"than ...) also right, {_f(levels.loc['value+change', 'f1'])}."
    )
    if claims is not None and len(claims.table):
        fields = claims.table.set_index("field")
        parts = [
            f"{FIELD_NAMES.get(f, f)} {fields.loc[f, 'correct']} of {fields.loc[f, 'n_gold']}"
            for f in fields.index
        ]
        text += (
            " Attribution right, counted over the gold figures (a figure the extractor missed "
            "counts as wrong): " + ", ".join(parts) + "."
        )
    return text


def findings(coverage_text: str, figures: FigureScores, claims: ClaimScores) -> str:
    """The findings paragraph: which articles were scored, then :func:`summary` when any were."""
    if int(figures.table["n_gold"].iloc[0]) == 0 and int(figures.table["n_pred"].iloc[0]) == 0:
        return coverage_text
    return coverage_text + " " + summary(figures, claims)


def error_table(figures: FigureScores, claims: ClaimScores) -> pd.DataFrame:
    """Every miss, false alarm and attribution error in one list, ordered by article and text.

    Columns: article_id, error ("miss", "false alarm" or the attribution field), surface,
    gold, predicted, sentence_text.
    """
    frames = [
        pd.DataFrame(
            {
                "article_id": figures.misses["article_id"],
                "error": "miss",
                "surface": figures.misses["surface"],
                "gold": figures.misses["value"].map(format_value),
                "predicted": "",
                "sentence_text": figures.misses["sentence_text"],
            }
        ),
        pd.DataFrame(
            {
                "article_id": figures.false_alarms["article_id"],
                "error": "false alarm",
                "surface": figures.false_alarms["surface"],
                "gold": "",
                "predicted": figures.false_alarms["value"].map(format_value),
                "sentence_text": figures.false_alarms["sentence_text"],
            }
        ),
        claims.errors.rename(columns={"field": "error"}),
    ]
    columns = list(ERROR_COLUMNS)
    frames = [f[columns] for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["article_id", "error", "surface"], kind="mergesort").reset_index(
        drop=True
    )


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _f(score: float) -> str:
    """A score with two decimals; "n/a" when it is undefined (nothing to count)."""
    return "n/a" if math.isnan(score) else f"{score:.2f}"
