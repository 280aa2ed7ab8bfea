"""What the figure extractor produces and the scratch state it reads with.

One job: the ``Figure`` record (the public result), the column contract of ``figures.csv``,
``Reading`` (mutable state while one candidate is read) with ``finish`` that freezes it into a
Figure, and the few helpers that look around a position in the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, TypeVar

_C = TypeVar("_C")

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # mypy (which compiles this package) is optional: pure Python then

    def mypyc_attr(*args: object, **kwargs: object) -> Callable[[_C], _C]:  # type: ignore[misc]
        return lambda cls: cls


# Compiled, Figure stays a Python class with an instance __dict__, which ``finish`` fills at
# once: mypyc's native frozen dataclass would set its 17 fields one by one through
# object.__setattr__, the slow way this avoids.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Figure:
    """One reported figure: its span in the text, its reading, and the rule that found it."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    is_range: bool
    is_vague: bool
    change: str
    qualifier: str
    unit: str
    unit_normalized: str
    kind: str
    si_value: float
    si_unit: str
    rule: str
    conversion_of: int = -1  # start of the figure this one restates in another unit, or -1


# Columns of figures.csv, in order (the shared data contract).
# What figures_table reads from sentences.csv.
SENTENCE_INPUT_COLUMNS: Final = ("article_id", "post", "sentence_id", "start", "text")
FIGURE_COLUMNS: Final = [
    "article_id",
    "post",
    "sentence_id",
    "start",
    "end",
    "surface",
    "value",
    "low",
    "high",
    "is_range",
    "is_vague",
    "change",
    "qualifier",
    "unit",
    "unit_normalized",
    "kind",
    "si_value",
    "si_unit",
    "rule",
    "sentence_text",
    "conversion_of",
]


class Reading:
    """Mutable scratch state while one candidate is being read.

    The fields most readings keep have defaults here: in pure Python they are class attributes
    (an instance stores only what it sets, so making a reading costs six assignments, not
    sixteen); compiled, they are the native class's instance defaults."""

    is_range: bool = False
    is_vague: bool = False
    change: str = "="
    qualifier: str = ""
    unit: str = ""
    unit_normalized: str = ""
    kind: str = "count"
    factor: float = 1.0
    si_unit: str = ""
    currency: str = ""

    def __init__(self, start: int, end: int, value: float, rule: str) -> None:
        self.start = start
        self.end = end
        self.value = self.low = self.high = value
        self.rule = rule

    def copy_from(self, other: Reading) -> None:
        """Make this reading the same as ``other``."""
        self.start, self.end, self.rule = other.start, other.end, other.rule
        self.value, self.low, self.high = other.value, other.low, other.high
        self.is_range, self.is_vague, self.change = other.is_range, other.is_vague, other.change
        self.qualifier, self.unit, self.kind = other.qualifier, other.unit, other.kind
        self.unit_normalized, self.factor = other.unit_normalized, other.factor
        self.si_unit, self.currency = other.si_unit, other.currency


def finish(text: str, r: Reading) -> Figure | None:
    """Freeze a reading into a Figure, with the si conversion for its unit; None when the value
    is too large for a float once converted ("1.5e308 miles")."""
    value = float(r.value)
    kind = r.kind
    unit_normalized = r.unit_normalized
    if kind == "money" and not unit_normalized:
        unit_normalized = r.currency
    if unit_normalized == "fahrenheit":
        si_value = (value - 32) * 5 / 9
    elif kind == "count" or r.factor == 1.0:
        si_value = value
    else:
        si_value = float(value * r.factor)
    if not _isfinite(si_value) or si_value is not value and not _isfinite(value):
        return None
    si_unit = r.si_unit or unit_normalized
    if kind == "percent" and not unit_normalized:
        unit_normalized = "percent"
    start, end = r.start, r.end
    fig = _new_figure(Figure)
    # The frozen dataclass's __init__ sets its 17 fields one by one through object.__setattr__;
    # giving the instance its dict at once makes the same object for a tenth of the work.
    _set_attr(
        fig,
        "__dict__",
        {
            "start": start,
            "end": end,
            "surface": text[start:end],
            "value": value,
            "low": float(r.low),
            "high": float(r.high),
            "is_range": bool(r.is_range),
            "is_vague": bool(r.is_vague),
            "change": r.change,
            "qualifier": r.qualifier,
            "unit": r.unit,
            "unit_normalized": unit_normalized,
            "kind": kind,
            "si_value": si_value,
            "si_unit": si_unit,
            "rule": r.rule,
            "conversion_of": -1,
        },
    )
    return fig


_isfinite = math.isfinite


def replace_figure(fig: Figure, **changes) -> Figure:
    """``dataclasses.replace`` for a Figure, without its per-field __init__: a copy of ``fig``
    with the named fields changed (names must be Figure fields)."""
    new = _new_figure(Figure)
    _set_attr(new, "__dict__", {**fig.__dict__, **changes})
    return new


_new_figure = object.__new__
_set_attr = object.__setattr__


def digits_value(s: str) -> float:
    """The value of digits as written, thousands separators removed ("1,000.5" -> 1000.5)."""
    return float(s.translate(_NOT_DIGITS))


# Separators inside digits as written: thousands commas and the spaces of "2 450 000".
_NOT_DIGITS: Final = str.maketrans("", "", ", \u00a0\u202f\u2009")


@lru_cache(maxsize=512)
def last_word(text: str, end: int) -> str:
    """The whitespace-delimited word just before ``end`` (without trailing spaces or hyphens).

    Several rules ask for the same word, so answers are cached; ``extract_figures`` clears the
    cache for each text (a text's hash is computed once, so a lookup is cheap).
    """
    parts = text[max(0, end - 40) : end].rstrip(" \t\u00a0-").rsplit(None, 1)
    return parts[-1].lstrip("(\"'“‘[,;:") if parts else ""


# A token that the scan resumes after: "F16", "1.2.3", "10/12/2020", "24/7".
_SKIP_TOKEN_RE: Final = re.compile(r"[\w.,/:-]*")


def skip_to(text: str, pos: int) -> int:
    """Resume after the current token so its inner digits are not read again."""
    m = _SKIP_TOKEN_RE.match(text, pos)
    assert m is not None  # the pattern matches the empty string
    return m.end()
