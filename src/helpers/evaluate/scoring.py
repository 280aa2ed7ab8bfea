"""Score predicted figures and their attribution against the gold of the articles given.

- :func:`score_figures` matches predicted figures (rows of ``figures.csv``) to gold figures
  one-to-one (same article, overlapping spans, the same value; for ranges both bounds) and
  reports precision, recall and F1 at three levels (value, value+unit, value+change), every
  miss and false alarm with its sentence, and unit/change confusions;
- :func:`score_claims` checks, for every gold figure, the attribution of the matching predicted
  row of ``claims.csv``: canonical source, source type, stance, topic and event.

Only the articles passed in ``clean_texts`` are scored, so pass the texts of the annotated
articles (an annotated article with no figures still counts its false alarms).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from helpers.evaluate.gold import GOLD_KEYS
from helpers.evaluate.matching import locate_gold, match, ratio, same_field, sentence_around, text
from helpers.io import require_columns

# Columns a predicted figures frame must have (a subset of figures.csv).
PRED_FIGURE_COLUMNS = (
    "article_id",
    "start",
    "end",
    "surface",
    "value",
    "low",
    "high",
    "is_range",
    "change",
    "unit",
    "unit_normalized",
    "sentence_text",
)
# Attribution fields compared by score_claims, in the order tables show them. The first three
# are required of a claims table; topic and event are scored whenever it has them.
CLAIM_FIELDS = ("source_canonical", "source_type", "stance", "topic", "event")
REQUIRED_CLAIM_FIELDS = CLAIM_FIELDS[:3]
LEVELS = ("value", "value+unit", "value+change")
CONFUSION_FIELDS = ("unit_normalized", "change")
NO_MATCH = "(no matching figure)"


@dataclass(frozen=True)
class FigureScores:
    """The result of :func:`score_figures`.

    ``table``: one row per level (value, value+unit, value+change) with precision, recall,
    f1, tp, n_gold, n_pred. ``pairs``: the matched gold/predicted pairs (``gold_*`` and
    ``pred_*`` columns). ``misses``: gold figures with no match. ``false_alarms``: predicted
    figures with no match.
    """

    table: pd.DataFrame
    pairs: pd.DataFrame
    misses: pd.DataFrame
    false_alarms: pd.DataFrame

    def confusion(self, field: str) -> pd.DataFrame:
        """Counts of (gold, predicted) values of ``field`` among matched pairs, disagreements first.

        ``field`` is "unit_normalized" or "change". Columns: gold, predicted, n, agree.
        """
        if field not in CONFUSION_FIELDS:
            raise ValueError(f"confusion field must be one of {CONFUSION_FIELDS}, not {field!r}")
        frame = pd.DataFrame(
            {
                "gold": self.pairs[f"gold_{field}"].map(text),
                "predicted": self.pairs[f"pred_{field}"].map(text),
            }
        )
        counts = frame.groupby(["gold", "predicted"]).size().reset_index(name="n")
        counts["agree"] = [
            same_field(field, g, p)
            for g, p in zip(counts["gold"], counts["predicted"], strict=True)
        ]
        return counts.sort_values(["agree", "n", "gold", "predicted"], ascending=[1, 0, 1, 1])[
            ["gold", "predicted", "n", "agree"]
        ].reset_index(drop=True)

    @property
    def unit_confusion(self) -> pd.DataFrame:
        """:meth:`confusion` of ``unit_normalized``."""
        return self.confusion("unit_normalized")

    @property
    def change_confusion(self) -> pd.DataFrame:
        """:meth:`confusion` of ``change``."""
        return self.confusion("change")


@dataclass(frozen=True)
class ClaimScores:
    """The result of :func:`score_claims`.

    ``table``: one row per field (source_canonical, source_type, stance, topic, event) with
    correct, correct_matched, n_gold, n_matched, accuracy_all (unmatched gold figures count as
    wrong) and accuracy_matched. ``errors``: one row per wrong field of a gold figure.
    """

    table: pd.DataFrame
    errors: pd.DataFrame


def score_figures(
    pred: pd.DataFrame, gold: pd.DataFrame, clean_texts: Mapping[str, str]
) -> FigureScores:
    """Score predicted figures against gold figures of the articles in ``clean_texts``.

    A prediction matches a gold figure of the same article when their spans overlap and
    their values agree (for a range on either side: both bounds; relative tolerance 1e-6);
    each figure matches at most once, largest overlap first.
    """
    gold_located, pred = _prepare(pred, gold, clean_texts)
    pairs = match(gold_located, pred)
    n_gold, n_pred = len(gold_located), len(pred)
    tps = {
        "value": len(pairs),
        "value+unit": _agreeing(pairs, "unit_normalized"),
        "value+change": _agreeing(pairs, "change"),
    }
    table = pd.DataFrame(
        [
            {
                "level": level,
                "precision": ratio(tp, n_pred),
                "recall": ratio(tp, n_gold),
                "f1": ratio(2 * tp, n_gold + n_pred),
                "tp": tp,
                "n_gold": n_gold,
                "n_pred": n_pred,
            }
            for level, tp in tps.items()
        ]
    )
    misses = gold_located.loc[~gold_located.index.isin(set(pairs["gold_row"]))].copy()
    misses["sentence_text"] = [
        sentence_around(clean_texts[a], s, e)
        for a, s, e in zip(misses["article_id"], misses["start"], misses["end"], strict=True)
    ]
    miss_cols = ["article_id", "start", "end", "surface", "value", "unit", "change"]
    false_alarms = pred.loc[~pred.index.isin(set(pairs["pred_row"]))]
    alarm_cols = [*miss_cols, "rule"] if "rule" in pred.columns else miss_cols
    return FigureScores(
        table=table,
        pairs=pairs.drop(columns=["gold_row", "pred_row"]),
        misses=misses[[*miss_cols, "sentence_text"]].reset_index(drop=True),
        false_alarms=false_alarms[[*alarm_cols, "sentence_text"]].reset_index(drop=True),
    )


def score_claims(
    pred: pd.DataFrame,
    gold: pd.DataFrame,
    clean_texts: Mapping[str, str],
    fields: Iterable[str] | None = None,
) -> ClaimScores:
    """Score the attribution of predicted claims rows against the claims gold.

    ``pred`` is a claims.csv-like frame (the figures.csv columns plus the attribution
    columns). ``gold`` holds the claims gold keys and ``fields``; if it also has the figure
    gold columns (value, low, high, is_range) they are used for matching, otherwise pass the
    claims gold merged with the figures gold (:func:`merge_gold` does that). Each gold figure
    is judged once per field: right, wrong, or wrong because no predicted figure matched it.
    ``fields`` defaults to :data:`CLAIM_FIELDS`, topic and event only when ``pred`` has them
    (the table lists the fields scored).
    """
    if fields is None:
        optional = [f for f in CLAIM_FIELDS[3:] if f in pred.columns]
        fields = (*REQUIRED_CLAIM_FIELDS, *optional)
    fields = tuple(fields)
    require_columns(pred, fields, "predicted claims")
    require_columns(gold, (*GOLD_KEYS, *fields, "value", "low", "high", "is_range"), "gold")
    gold_located, pred = _prepare(pred, gold, clean_texts)
    pairs = match(gold_located, pred, keep=fields)
    by_gold = pairs.set_index("gold_row")
    rows = []
    errors = []
    for field in fields:
        correct = correct_matched = 0
        for index, g in gold_located.iterrows():
            gold_value = text(g[field])
            if index in by_gold.index:
                predicted = text(by_gold.at[index, f"pred_{field}"])
                sentence = by_gold.at[index, "pred_sentence_text"]
                ok = same_field(field, gold_value, predicted)
                correct_matched += ok
            else:
                predicted = NO_MATCH
                sentence = sentence_around(clean_texts[g["article_id"]], g["start"], g["end"])
                ok = False
            correct += ok
            if not ok:
                errors.append(
                    {
                        "article_id": g["article_id"],
                        "start": g["start"],
                        "surface": g["surface"],
                        "field": field,
                        "gold": gold_value,
                        "predicted": predicted,
                        "sentence_text": sentence,
                    }
                )
        n_gold, n_matched = len(gold_located), len(pairs)
        rows.append(
            {
                "field": field,
                "correct": correct,
                "correct_matched": correct_matched,
                "n_gold": n_gold,
                "n_matched": n_matched,
                "accuracy_all": ratio(correct, n_gold),
                "accuracy_matched": ratio(correct_matched, n_matched),
            }
        )
    error_frame = pd.DataFrame(
        errors,
        columns=["article_id", "start", "surface", "field", "gold", "predicted", "sentence_text"],
    )
    error_frame = error_frame.sort_values(["article_id", "start"], kind="mergesort")
    return ClaimScores(
        table=pd.DataFrame(
            rows,
            columns=["field", "correct", "correct_matched", "n_gold", "n_matched"]
            + ["accuracy_all", "accuracy_matched"],
        ),
        errors=error_frame.drop(columns="start").reset_index(drop=True),
    )


def _agreeing(pairs: pd.DataFrame, field: str) -> int:
    return sum(
        same_field(field, g, p)
        for g, p in zip(pairs[f"gold_{field}"], pairs[f"pred_{field}"], strict=True)
    )


def _prepare(
    pred: pd.DataFrame, gold: pd.DataFrame, clean_texts: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Locate the gold and keep both frames to the articles in ``clean_texts``."""
    require_columns(pred, PRED_FIGURE_COLUMNS, "predicted figures")
    require_columns(
        gold, (*GOLD_KEYS, "value", "low", "high", "is_range", "unit_normalized", "change"), "gold"
    )
    gold = gold[gold["article_id"].isin(set(clean_texts))].reset_index(drop=True)
    gold_located = locate_gold(gold, clean_texts)
    pred = pred[pred["article_id"].isin(set(clean_texts))].reset_index(drop=True)
    return gold_located, pred
