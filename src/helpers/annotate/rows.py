"""Check gold rows one by one: each problem names the file, the line and the column.

The same checks serve the gold files (``figures_gold.csv``, ``claims_gold.csv``) and an
annotator's sheet (which holds both kinds of column): :func:`figure_problems` for the value,
range, change, unit and kind of a figure and where its surface is in the text;
:func:`claim_problems` for its source, source type, via, stance, topic and event. The rules are
those of ``docs/annotation-guide.md``; a row of an article that is not in the corpus is checked
for form only (its labels belong to the study of its own corpus).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers.annotate.vocab import CHANGES, KINDS, VAGUE_BOUNDS, Vocabulary
from helpers.clean import normalise
from helpers.evaluate.gold import Problem
from helpers.evaluate.matching import count_surface, text

# A four-digit number from 1900 to 2100 standing alone: "2014" (a year, not a figure).
YEAR = re.compile(r"(?<![\d,.])(?:19\d\d|20\d\d|2100)(?![\d,])")
# A word of a via outlet worth looking for in the article: "Guardian" in "The Guardian".
VIA_WORD = re.compile(r"[A-Za-z][\w&.-]{2,}")
VIA_GENERIC_WORDS = frozenset({"the", "news", "agency", "times", "daily", "press"})
REL_TOL = 1e-9


def figure_problems(
    row: pd.Series, line: int, name: str, texts: Mapping[str, str]
) -> list[Problem]:
    """Problems of one row's figure columns (typed cells: floats, bools, an int occurrence)."""
    problems: list[Problem] = []

    def add(column: str, message: str, severity: str = "error") -> None:
        problems.append(Problem(name, line, column, message, severity))

    surface = text(row["surface"])
    if not surface:
        add("surface", "empty: copy the figure's words from the clean text")
    elif normalise(surface) != surface:
        add(
            "surface",
            f"write it as the clean text does (straight quotes, '-'): {normalise(surface)!r}",
        )
    elif YEAR.fullmatch(surface) or (YEAR.search(surface) and not _has_unit(row)):
        add("surface", f"{surface!r} looks like a year: years and dates are not figures", "warning")
    if text(row["change"]) not in CHANGES:
        add("change", _not_in(row["change"], CHANGES))
    if text(row["kind"]) not in KINDS:
        add("kind", _not_in(row["kind"], KINDS))
    unit, norm = text(row["unit"]), text(row["unit_normalized"])
    if bool(unit) != bool(norm):
        missing = "unit_normalized" if unit else "unit"
        add(missing, "empty while the other unit column is filled: fill both or neither")
    if unit and surface and unit not in surface:
        add("unit", f"{unit!r} is not part of the surface {surface!r}: copy it as written")
    _check_bounds(row, add)
    article = text(row["article_id"])
    if article in texts and surface and _is_int(row["occurrence"]):
        found = count_surface(texts[article], surface)
        if found < int(row["occurrence"]):
            add("surface", _not_found(surface, int(row["occurrence"]), found, texts[article]))
    return problems


def claim_problems(
    row: pd.Series, line: int, name: str, texts: Mapping[str, str], vocab: Vocabulary | None
) -> list[Problem]:
    """Problems of one row's attribution columns; ``vocab`` None checks form only."""
    problems: list[Problem] = []

    def add(column: str, message: str, severity: str = "error") -> None:
        problems.append(Problem(name, line, column, message, severity))

    source, canonical = text(row["source"]), text(row["source_canonical"])
    source_type, via = text(row["source_type"]), text(row["via"])
    for column in ("source_type", "stance", "topic", "event"):
        if not text(row[column]):
            add(column, "empty: every figure needs one (see the guide, section 3)")
    if vocab is not None:
        for column, allowed in (
            ("source_type", vocab.source_types),
            ("stance", vocab.stances),
            ("topic", vocab.topics),
            ("event", vocab.events),
        ):
            value = text(row[column])
            if value and value not in allowed:
                add(column, _not_in(value, allowed) + f" (study {vocab.study})")
    own = vocab.outlet_itself if vocab is not None else "outlet itself"
    if source_type == own:
        for column, value in (("source", source), ("source_canonical", canonical), ("via", via)):
            if value:
                add(column, f"must be empty when source_type is {own!r} (the outlet's own words)")
    elif source_type:
        if not source:
            add("source", f"empty: write the speaker as written, or set source_type {own!r}")
        if not canonical:
            add("source_canonical", "empty: give the one name used for this party")
    article = text(row["article_id"])
    body = texts.get(article, "")
    if body and source and source.casefold() not in body.casefold():
        add("source", f"{source!r} is not written in the article: copy the speaker as written")
    if body and via and not _via_in(via, body):
        add("via", f"no word of {via!r} is in the article: is it the outlet cited?", "warning")
    return problems


def _check_bounds(row: pd.Series, add) -> None:
    """value within low..high; ranges have low < high and the midpoint; vague plurals' bounds."""
    value, low, high = row["value"], row["low"], row["high"]
    is_range, is_vague = row["is_range"], row["is_vague"]
    if not all(_is_number(v) for v in (value, low, high)) or not (
        _is_bool(is_range) and _is_bool(is_vague)
    ):
        return
    if not low <= value <= high:
        add("value", f"{value:g} is not between low {low:g} and high {high:g}")
    elif is_range:
        if not low < high:
            add("is_range", f"a range needs low < high (low {low:g}, high {high:g})")
        elif not math.isclose(value, (low + high) / 2, rel_tol=REL_TOL):
            add("value", f"a range's value is its midpoint: {(low + high) / 2:g}, not {value:g}")
    elif not low == value == high:
        add(
            "low",
            f"not a range, so value, low and high are equal (here {value:g}, {low:g}, {high:g})",
        )
    if is_vague and not is_range:
        add("is_vague", "a vague plural is a range: set is_range True")
    word = text(row["surface"]).split(" ")[0].casefold()
    if is_vague and word in VAGUE_BOUNDS and (low, high) != VAGUE_BOUNDS[word]:
        lo, hi = VAGUE_BOUNDS[word]
        add("low", f"{word!r} has the fixed bounds {lo:g}-{hi:g} (the guide, section 2.3)")


def _not_found(surface: str, occurrence: int, found: int, body: str) -> str:
    message = f"{surface!r} occurrence {occurrence} is not in the clean text ({found} found)"
    if found == 0 and surface.casefold() in body.casefold():
        return message + ": check upper and lower case"
    if found == 0:
        return message + ": copy it from data/processed/clean/<article_id>.txt, word for word"
    return message + f": the last occurrence is {found}"


def _not_in(value: object, allowed: tuple[str, ...]) -> str:
    return f"{text(value)!r} is not one of: {', '.join(allowed)}"


def _via_in(via: str, body: str) -> bool:
    words = [w for w in VIA_WORD.findall(via) if w.casefold() not in VIA_GENERIC_WORDS]
    return any(w.casefold() in body.casefold() for w in words or [via])


def _has_unit(row: pd.Series) -> bool:
    return bool(text(row["unit"]))


def _is_bool(value: object) -> bool:
    return isinstance(value, bool | np.bool_)


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not _is_bool(value) and math.isfinite(float(value))


def _is_int(value: object) -> bool:
    return _is_number(value) and float(value).is_integer() and value >= 1
