"""Find gold figures in the text and pair them one-to-one with predicted (or other) figures.

The gold names a figure by its ``surface`` and ``occurrence``; :func:`locate_gold` turns that
into a character span of the clean text, the coordinates the extractor uses. :func:`match`
pairs two sets of located figures: same article, overlapping spans and (by default) the same
value, largest overlap first, each figure at most once. The small comparison helpers (units
compared singular and casefolded, empty cells equal to missing ones) live here too, so that
scoring and agreement compare cells the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.evaluate.gold import GOLD_KEYS
from helpers.io import require_columns

REL_TOL = 1e-6

# The end of a sentence inside a paragraph: ". " or '." ' (with optional closing quote/bracket).
SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+")


def surface_pattern(surface: str) -> re.Pattern[str]:
    """A regex matching ``surface`` literally, not inside a longer word or number.

    "50 km" matches in "range of 50 km," but not in "150 km" or "50 kmh".
    """
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def find_surface(text: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th word-bounded match of ``surface``, or None."""
    if not surface.strip() or occurrence < 1:
        return None
    for count, m in enumerate(surface_pattern(surface).finditer(text), start=1):
        if count == occurrence:
            return m.start(), m.end()
    return None


def count_surface(text: str, surface: str) -> int:
    """How many word-bounded matches of ``surface`` the text has."""
    return sum(1 for _ in surface_pattern(surface).finditer(text)) if surface.strip() else 0


def occurrence_at(text: str, surface: str, start: int) -> int:
    """Which occurrence of ``surface`` starts at ``start`` (1 for the first); 0 if none does."""
    for count, m in enumerate(surface_pattern(surface).finditer(text), start=1):
        if m.start() == start:
            return count
        if m.start() > start:
            break
    return 0


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
        span = find_surface(clean_texts[article], surface, occurrence)
        if span is None:
            found = count_surface(clean_texts[article], surface)
            raise ValueError(
                f"article {article!r}: surface {surface!r} occurrence {occurrence} not found "
                f"in the clean text ({found} word-bounded matches)"
            )
        starts.append(span[0])
        ends.append(span[1])
    located = gold.copy()
    located["start"] = pd.Series(starts, index=gold.index, dtype="int64")
    located["end"] = pd.Series(ends, index=gold.index, dtype="int64")
    return located


def match(
    gold: pd.DataFrame,
    pred: pd.DataFrame,
    keep: Iterable[str] = (),
    need_value: bool = True,
) -> pd.DataFrame:
    """Pair located ``gold`` and ``pred`` figures one-to-one: overlapping spans in the same
    article and, with ``need_value``, agreeing values (for a range, both bounds).

    Candidate pairs are taken largest overlap first (then by position), so the result does not
    depend on row order. Returns one row per pair: ``gold_row`` and ``pred_row`` (index labels),
    ``article_id``, ``gold_start``, ``pred_start``, ``gold_<field>`` and ``pred_<field>`` for the
    figure fields and ``keep``, and ``pred_sentence_text`` when ``pred`` has sentences.
    """
    candidates = []
    pred_by_article = {a: rows for a, rows in pred.groupby("article_id")}
    for gi, g in gold.iterrows():
        rows = pred_by_article.get(g["article_id"])
        if rows is None:
            continue
        for pi, p in rows.iterrows():
            overlap = min(int(g["end"]), int(p["end"])) - max(int(g["start"]), int(p["start"]))
            if overlap > 0 and (not need_value or values_agree(g, p)):
                candidates.append((-overlap, int(g["start"]), int(p["start"]), gi, pi))
    used_gold: set = set()
    used_pred: set = set()
    records = []
    fields = tuple(
        dict.fromkeys(
            ("surface", "value", "low", "high", "unit", "unit_normalized", "change", *keep)
        )
    )
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
        record["pred_sentence_text"] = p["sentence_text"] if "sentence_text" in pred else ""
        records.append(record)
    columns = ["gold_row", "pred_row", "article_id", "gold_start", "pred_start"]
    columns += [f"{side}_{n}" for n in fields for side in ("gold", "pred")]
    columns.append("pred_sentence_text")
    pairs = pd.DataFrame(records, columns=columns)
    return pairs.sort_values(["article_id", "gold_start"], kind="mergesort").reset_index(drop=True)


def values_agree(gold: pd.Series, pred: pd.Series) -> bool:
    """Same value; when either side is a range, the same low and high bounds."""
    if as_bool(gold["is_range"]) or as_bool(pred["is_range"]):
        return close(gold["low"], pred["low"]) and close(gold["high"], pred["high"])
    return close(gold["value"], pred["value"])


def close(a: object, b: object) -> bool:
    """Two numbers equal within a relative tolerance of 1e-6; missing or text is never close."""
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if math.isnan(x) or math.isnan(y):
        return False
    return math.isclose(x, y, rel_tol=REL_TOL)


def as_bool(value: object) -> bool:
    """A cell as a boolean: True, "True", "yes", "1" are true; missing is false."""
    if isinstance(value, str):
        return value.strip().casefold() in {"true", "1", "yes"}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def text(value: object) -> str:
    """A cell as stripped text; missing values are ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def same_text(a: object, b: object) -> bool:
    """Equal as text, casefolded; "" equals a missing cell."""
    return text(a).casefold() == text(b).casefold()


def unit_key(unit: object) -> str:
    """A unit compared casefolded, spaces collapsed, last word singular: "Square Miles" ->
    "square mile"."""
    words = text(unit).casefold().split()
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def same_field(field: str, gold: object, pred: object) -> bool:
    """Whether two cells of ``field`` agree (units by :func:`unit_key`, others as text)."""
    if field in ("unit", "unit_normalized"):
        return unit_key(gold) == unit_key(pred)
    return same_text(gold, pred)


def format_value(value: object) -> str:
    """A number as short text: 4500000.0 -> "4500000", 2.5 -> "2.5"; missing -> ""."""
    if not text(value):
        return ""
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else f"{number:g}"


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator; NaN when there is nothing to divide by (0 of 0 is no score,
    not a score of 0)."""
    return numerator / denominator if denominator else math.nan


def sentence_around(text_: str, start: int, end: int) -> str:
    """The sentence of ``text_`` holding the span start:end (within its paragraph line)."""
    line_start = text_.rfind("\n", 0, start) + 1
    line_end = text_.find("\n", end)
    line_end = len(text_) if line_end == -1 else line_end
    sentence_start = line_start
    for m in SENTENCE_END.finditer(text_, line_start, start):
        sentence_start = m.end()
    m = SENTENCE_END.search(text_, end, line_end)
    sentence_end = m.end() if m else line_end
    return text_[sentence_start:sentence_end].strip()
