"""Score extracted figures and their attribution against the hand-made gold standard.

The gold files (``data/annotations/figures_gold.csv`` and ``claims_gold.csv``, defined in
``docs/annotation-guide.md``) name each figure by its ``surface`` text and ``occurrence``
in the clean article text. :func:`locate_gold` turns those into character spans, then

- :func:`score_figures` matches predicted figures (rows of ``figures.csv``) to gold figures
  one-to-one: same article, overlapping spans and the same value (for ranges both bounds),
  and reports precision, recall and F1 at three levels (value, value+unit, value+change),
  every miss and false alarm with its sentence, and unit/change confusions;
- :func:`score_claims` checks, for every gold figure, the attribution of the matching
  predicted row of ``claims.csv`` (canonical source, source type, stance);
- :func:`validation_scores` puts both into one tidy table for ``validation_scores.csv``.

Only the articles passed in ``clean_texts`` are scored, so pass the texts of the annotated
articles (an annotated article with no figures, like seed 002, still counts its false alarms).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.io import read_table, require_columns

FIGURE_GOLD_COLUMNS = (
    "article_id",
    "surface",
    "occurrence",
    "value",
    "low",
    "high",
    "is_range",
    "is_vague",
    "change",
    "unit",
    "unit_normalized",
    "kind",
    "note",
)
CLAIM_GOLD_COLUMNS = (
    "article_id",
    "surface",
    "occurrence",
    "source",
    "source_canonical",
    "source_type",
    "via",
    "stance",
    "topic",
    "event",
    "note",
)
GOLD_KEYS = ("article_id", "surface", "occurrence")
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
# Attribution fields compared by score_claims.
CLAIM_FIELDS = ("source_canonical", "source_type", "stance")
LEVELS = ("value", "value+unit", "value+change")
CONFUSION_FIELDS = ("unit_normalized", "change")
REL_TOL = 1e-6
NO_MATCH = "(no matching figure)"

# The end of a sentence inside a paragraph: ". " or '." ' (with optional closing quote/bracket).
SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+")


def surface_pattern(surface: str) -> re.Pattern[str]:
    """A regex matching ``surface`` literally, not inside a longer word or number.

    "50 km" matches in "range of 50 km," but not in "150 km" or "50 kmh".
    """
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def locate_gold(gold: pd.DataFrame, clean_texts: Mapping[str, str]) -> pd.DataFrame:
    """Add ``start`` and ``end`` to gold rows: the ``occurrence``-th match of ``surface``.

    Raises ValueError naming the article and surface when the article has no text or the
    surface does not occur that many times.
    """
    require_columns(gold, GOLD_KEYS, "gold")
    starts: list[int] = []
    ends: list[int] = []
    for row in gold.itertuples(index=False):
        article, surface, occurrence = row.article_id, str(row.surface), int(row.occurrence)
        if article not in clean_texts:
            raise ValueError(f"gold figure {surface!r}: no clean text for article {article!r}")
        if not surface.strip() or occurrence < 1:
            raise ValueError(
                f"article {article!r}: bad gold key surface={surface!r} occurrence={occurrence}"
            )
        matches = list(surface_pattern(surface).finditer(clean_texts[article]))
        if len(matches) < occurrence:
            raise ValueError(
                f"article {article!r}: surface {surface!r} occurrence {occurrence} not found "
                f"in the clean text ({len(matches)} word-bounded matches)"
            )
        starts.append(matches[occurrence - 1].start())
        ends.append(matches[occurrence - 1].end())
    located = gold.copy()
    located["start"] = pd.Series(starts, index=gold.index, dtype="int64")
    located["end"] = pd.Series(ends, index=gold.index, dtype="int64")
    return located


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
                "gold": self.pairs[f"gold_{field}"].map(_text),
                "predicted": self.pairs[f"pred_{field}"].map(_text),
            }
        )
        counts = frame.groupby(["gold", "predicted"]).size().reset_index(name="n")
        counts["agree"] = [
            _same_field(field, g, p)
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

    ``table``: one row per field (source_canonical, source_type, stance) with correct,
    correct_matched, n_gold, n_matched, accuracy_all (unmatched gold figures count as wrong) and
    accuracy_matched. ``errors``: one row per wrong field of a gold figure.
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
    pairs = _match(gold_located, pred)
    matched_gold = set(pairs["gold_row"])
    matched_pred = set(pairs["pred_row"])
    n_gold, n_pred = len(gold_located), len(pred)
    tps = {
        "value": len(pairs),
        "value+unit": sum(
            _same_field("unit_normalized", g, p)
            for g, p in zip(
                pairs["gold_unit_normalized"], pairs["pred_unit_normalized"], strict=True
            )
        ),
        "value+change": sum(
            _same_field("change", g, p)
            for g, p in zip(pairs["gold_change"], pairs["pred_change"], strict=True)
        ),
    }
    table = pd.DataFrame(
        [
            {
                "level": level,
                "precision": _ratio(tp, n_pred),
                "recall": _ratio(tp, n_gold),
                "f1": _ratio(2 * tp, n_gold + n_pred),
                "tp": tp,
                "n_gold": n_gold,
                "n_pred": n_pred,
            }
            for level, tp in tps.items()
        ]
    )
    misses = gold_located.loc[~gold_located.index.isin(matched_gold)].copy()
    misses["sentence_text"] = [
        _sentence_around(clean_texts[a], s, e)
        for a, s, e in zip(misses["article_id"], misses["start"], misses["end"], strict=True)
    ]
    miss_cols = ["article_id", "start", "end", "surface", "value", "unit", "change"]
    false_alarms = pred.loc[~pred.index.isin(matched_pred)]
    alarm_cols = [*miss_cols, "rule"] if "rule" in pred.columns else miss_cols
    return FigureScores(
        table=table,
        pairs=pairs.drop(columns=["gold_row", "pred_row"]),
        misses=misses[[*miss_cols, "sentence_text"]].reset_index(drop=True),
        false_alarms=false_alarms[[*alarm_cols, "sentence_text"]].reset_index(drop=True),
    )


def score_claims(
    pred: pd.DataFrame, gold: pd.DataFrame, clean_texts: Mapping[str, str]
) -> ClaimScores:
    """Score the attribution of predicted claims rows against the claims gold.

    ``pred`` is a claims.csv-like frame (the figures.csv columns plus the attribution
    columns). ``gold`` holds the claims gold keys and fields; if it also has the figure
    gold columns (value, low, high, is_range) they are used for matching, otherwise pass the
    claims gold merged with the figures gold (:func:`merge_gold` does that).
    """
    require_columns(pred, CLAIM_FIELDS, "predicted claims")
    require_columns(gold, (*GOLD_KEYS, *CLAIM_FIELDS, "value", "low", "high", "is_range"), "gold")
    gold_located, pred = _prepare(pred, gold, clean_texts)
    pairs = _match(gold_located, pred, keep=CLAIM_FIELDS)
    by_gold = pairs.set_index("gold_row")
    rows = []
    errors = []
    for field in CLAIM_FIELDS:
        correct = 0
        correct_matched = 0
        for index, g in gold_located.iterrows():
            gold_value = _text(g[field])
            if index in by_gold.index:
                predicted = _text(by_gold.at[index, f"pred_{field}"])
                sentence = by_gold.at[index, "pred_sentence_text"]
                ok = _same_text(gold_value, predicted)
                correct_matched += ok
            else:
                predicted = NO_MATCH
                sentence = _sentence_around(clean_texts[g["article_id"]], g["start"], g["end"])
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
                "accuracy_all": _ratio(correct, n_gold),
                "accuracy_matched": _ratio(correct_matched, n_matched),
            }
        )
    error_frame = pd.DataFrame(
        errors,
        columns=["article_id", "start", "surface", "field", "gold", "predicted", "sentence_text"],
    )
    error_frame = error_frame.sort_values(["article_id", "start", "field"], kind="mergesort")
    return ClaimScores(
        table=pd.DataFrame(rows), errors=error_frame.drop(columns="start").reset_index(drop=True)
    )


def load_gold(annotations_dir: str | Path = paths.ANNOTATIONS_DIR) -> pd.DataFrame:
    """Read both gold files from ``annotations_dir`` and return them merged (:func:`merge_gold`).

    The columns that may be empty (unit, unit_normalized, source, source_canonical, via, note)
    come back with "" rather than missing values.
    """
    folder = Path(annotations_dir)
    frames = []
    for name, columns in (
        (paths.FIGURES_GOLD_CSV, FIGURE_GOLD_COLUMNS),
        (paths.CLAIMS_GOLD_CSV, CLAIM_GOLD_COLUMNS),
    ):
        path = folder / name
        if not path.exists():
            raise FileNotFoundError(f"gold file {path} not found (see docs/annotation-guide.md)")
        frame = read_table(path)
        require_columns(frame, columns, str(path))
        for column in ("unit", "unit_normalized", "source", "source_canonical", "via", "note"):
            if column in frame.columns:
                frame[column] = frame[column].fillna("").astype(str)
        frames.append(frame)
    return merge_gold(*frames)


def merge_gold(figures_gold: pd.DataFrame, claims_gold: pd.DataFrame) -> pd.DataFrame:
    """Join the claims gold to the figures gold on (article_id, surface, occurrence).

    Raises ValueError when a key is in one file and not the other.
    """
    require_columns(figures_gold, FIGURE_GOLD_COLUMNS, "figures gold")
    require_columns(claims_gold, CLAIM_GOLD_COLUMNS, "claims gold")
    keys = list(GOLD_KEYS)
    for one, other, side in (
        (figures_gold, claims_gold, "figures"),
        (claims_gold, figures_gold, "claims"),
    ):
        lonely = one.merge(other[keys], on=keys, how="left", indicator=True)
        lonely = lonely[lonely["_merge"] == "left_only"]
        if len(lonely):
            first = lonely.iloc[0]
            raise ValueError(
                f"gold figure {first['surface']!r} in article {first['article_id']!r} "
                f"(occurrence {first['occurrence']}) is only in the {side} gold"
            )
    # a left join keeps the figures gold's row order
    return figures_gold.merge(claims_gold, on=keys, how="left", suffixes=("", "_claim"))


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
            rows.append(("figures", r.level, metric, _ratio(num, den), num, den))
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
    return pd.DataFrame(
        rows, columns=["part", "level", "metric", "score", "numerator", "denominator"]
    )


def summary(figures: FigureScores, claims: ClaimScores | None = None) -> str:
    """The scores in one paragraph of plain English, for a notebook's findings.

    It starts like "The extractor found 6 of 7 gold figures (recall 0.86) with 0 false
    alarms (precision 1.00, F1 0.92)."
    """
    levels = figures.table.set_index("level")
    value = levels.loc["value"]
    n_alarms = int(value["n_pred"] - value["tp"])
    text = (
        f"The extractor found {int(value['tp'])} of {int(value['n_gold'])} gold figures "
        f"(recall {value['recall']:.2f}) with {n_alarms} false alarm"
        f"{'' if n_alarms == 1 else 's'} (precision {value['precision']:.2f}, "
        f"F1 {value['f1']:.2f}). With the unit also right, F1 is "
        f"{levels.loc['value+unit', 'f1']:.2f}; with the change (about, more than ...) also "
        f"right, {levels.loc['value+change', 'f1']:.2f}."
    )
    if claims is not None:
        fields = claims.table.set_index("field")
        parts = [
            f"{field.replace('_', ' ')} {fields.loc[field, 'correct']} of "
            f"{fields.loc[field, 'n_gold']}"
            for field in CLAIM_FIELDS
        ]
        text += " Attribution right for every gold figure: " + ", ".join(parts) + "."
    return text


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
                "gold": figures.misses["value"].map(_format_value),
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
                "predicted": figures.false_alarms["value"].map(_format_value),
                "sentence_text": figures.false_alarms["sentence_text"],
            }
        ),
        claims.errors.rename(columns={"field": "error"}),
    ]
    columns = ["article_id", "error", "surface", "gold", "predicted", "sentence_text"]
    frames = [f[columns] for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["article_id", "error", "surface"], kind="mergesort").reset_index(
        drop=True
    )


def load_annotated_articles(annotations_dir: str | Path = paths.ANNOTATIONS_DIR) -> list[str]:
    """Ids of the articles the gold covers, from ``annotated_articles.csv``, in file order.

    An annotated article with no figures is listed there, so that anything the extractor
    finds in it counts as a false alarm rather than going unscored.
    """
    path = Path(annotations_dir) / paths.ANNOTATED_ARTICLES_CSV
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: list the annotated article ids there (docs/annotation-guide.md)"
        )
    frame = read_table(path)
    require_columns(frame, ["article_id"], str(path))
    return [str(a) for a in frame["article_id"].dropna()]


def select_articles(frame: pd.DataFrame, articles: Iterable[str]) -> pd.DataFrame:
    """Rows of ``frame`` whose ``article_id`` is in ``articles``, index reset."""
    keep = set(articles)
    return frame[frame["article_id"].isin(keep)].reset_index(drop=True)


# --- internals -----------------------------------------------------------------------------


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


def _match(gold: pd.DataFrame, pred: pd.DataFrame, keep: Iterable[str] = ()) -> pd.DataFrame:
    """Pair gold and predicted figures one-to-one: overlapping spans, agreeing values.

    Candidate pairs are taken largest overlap first (then by position), so the result does
    not depend on row order.
    """
    candidates = []
    pred_by_article = {a: rows for a, rows in pred.groupby("article_id")}
    for gi, g in gold.iterrows():
        rows = pred_by_article.get(g["article_id"])
        if rows is None:
            continue
        for pi, p in rows.iterrows():
            overlap = min(g["end"], int(p["end"])) - max(g["start"], int(p["start"]))
            if overlap > 0 and _values_agree(g, p):
                candidates.append((-overlap, g["start"], int(p["start"]), gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    records = []
    fields = ("surface", "value", "low", "high", "unit", "unit_normalized", "change", *keep)
    for _, _, _, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        g, p = gold.loc[gi], pred.loc[pi]
        record = {"gold_row": gi, "pred_row": pi, "article_id": g["article_id"]}
        record["gold_start"], record["pred_start"] = int(g["start"]), int(p["start"])
        for name in fields:
            record[f"gold_{name}"] = g[name] if name in gold.columns else ""
            record[f"pred_{name}"] = p[name] if name in pred.columns else ""
        record["pred_sentence_text"] = p["sentence_text"]
        records.append(record)
    columns = ["gold_row", "pred_row", "article_id", "gold_start", "pred_start"]
    columns += [f"{side}_{n}" for n in fields for side in ("gold", "pred")]
    columns.append("pred_sentence_text")
    pairs = pd.DataFrame(records, columns=columns)
    return pairs.sort_values(["article_id", "gold_start"], kind="mergesort").reset_index(drop=True)


def _values_agree(gold: pd.Series, pred: pd.Series) -> bool:
    """Same value; when either side is a range, the same low and high bounds."""
    if _as_bool(gold["is_range"]) or _as_bool(pred["is_range"]):
        return _close(gold["low"], pred["low"]) and _close(gold["high"], pred["high"])
    return _close(gold["value"], pred["value"])


def _close(a: object, b: object) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if math.isnan(x) or math.isnan(y):
        return False
    return math.isclose(x, y, rel_tol=REL_TOL)


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().casefold() in {"true", "1", "yes"}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def _text(value: object) -> str:
    """A cell as stripped text; missing values are ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _same_text(a: object, b: object) -> bool:
    return _text(a).casefold() == _text(b).casefold()


def _unit_key(unit: object) -> str:
    """A unit compared casefolded, spaces collapsed, last word singular: "F-16s" -> "f-16"."""
    words = _text(unit).casefold().split()
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _same_field(field: str, gold: object, pred: object) -> bool:
    if field == "unit_normalized":
        return _unit_key(gold) == _unit_key(pred)
    return _same_text(gold, pred)


def _format_value(value: object) -> str:
    """A number as short text: 4500000.0 -> "4500000", 2.5 -> "2.5"."""
    if not _text(value):
        return ""
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding the span start:end (within its paragraph line)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    sentence_start = line_start
    for m in SENTENCE_END.finditer(text, line_start, start):
        sentence_start = m.end()
    m = SENTENCE_END.search(text, end, line_end)
    sentence_end = m.end() if m else line_end
    return text[sentence_start:sentence_end].strip()
