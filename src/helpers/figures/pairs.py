"""What neighbouring figures say about each other, once all figures of a text are read.

One job: passes over the figures of one text, in order:

- ``merge_bounds``: a lower and an upper bound joined by "and" are one range: "more than
  100 and fewer than 300 people" is 100-300 people.
- ``share_units``: "eight or nine euros": the first number takes the unit of the second.
- ``over_a_period``: "20,000 refugees over five years" spreads a figure over a period; the
  period is no lower bound.
- ``mark_conversions``: a value restated in another unit right after it, "75 miles (120
  kilometers)", "$5 million (4.6 million euros)", is a conversion: the second figure keeps its
  reading and gets ``conversion_of``, the start of the first; a restated rise or fall takes
  the change of the first ("fell by 1C (1.8F)" is a fall twice).
"""

from __future__ import annotations

import math
import re
from typing import Final

from helpers.figures.model import Figure, replace_figure

# Between a lower and an upper bound of one range: "and", "but", a comma ("greater than 100
# and smaller than 300", "at most 100 and at least 20 apples", "above 5, below 10").
BOUNDS_GAP_RE: Final = re.compile(r"[^\S\n]*(?:,[^\S\n]*)?(?:(?:and|but)[^\S\n]+)?")
# Between "3.9 million headsets" and "2.4 million" that leaves its noun unsaid.
ELLIPSIS_GAP_RE: Final = re.compile(
    r"[^\d]*\b(?:from|to|than|including|compared[^\S\n]+with|versus|vs\.?|against)[^\S\n]+"
)
# "eight or nine euros".
OR_GAP_RE: Final = re.compile(r"[^\S\n]+or[^\S\n]+")
# A part of a counted whole: "14 of the 19 drones", "five of its last six matches".
PARTITIVE_GAP_RE: Final = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:the|its|their|his|her|our|these|those)"
    r"(?:[^\S\n]+(?:last|first|next|past|remaining|original))?[^\S\n]+"
)
# The second side of a count: "by 52 votes to 48", "120 seats against 95".
VERSUS_GAP_RE: Final = re.compile(r"[^\S\n]+(?:to|against|versus|vs\.?)[^\S\n]+")
# Between a value and its restatement: "75 miles (120 km)", "75 miles, or 120 km".
CONVERSION_GAP_RE: Final = re.compile(
    r"[^\S\n]*(?:\([^\S\n]*|,[^\S\n]*or[^\S\n]+|[^\S\n]+or[^\S\n]+)"
)
# A change restated as a share: "up 0.25 points, or 0.01%", "rose 50 cents, or 2%".
RESTATED_GAP_RE: Final = re.compile(r"[^\S\n]*,[^\S\n]*or[^\S\n]+")
# An opening bracket between a figure and its restatement: "dropped 2% (3 points)".
BRACKET_GAP_RE: Final = re.compile(r"[^\S\n]*\([^\S\n]*")
# Kinds whose si values can be compared across units.
_MEASURES: Final = frozenset("length area mass speed duration energy/power percent other".split())
_CLOSE: Final = math.log(1.3)  # a rounded conversion stays within 30% of the value it restates


def merge_bounds(text: str, figures: list[Figure]) -> list[Figure]:
    """Merge a lower bound and an upper bound joined by "and" into one range, change "="."""
    changes = {f.change for f in figures}
    if ">" not in changes or "<" not in changes:
        return figures  # no pair of bounds to merge
    out: list[Figure] = []
    i, n = 0, len(figures)
    while i < n:
        a = figures[i]
        # Only a bound (">" or "<") can start a merged pair.
        merged = _bounds(text, a, figures[i + 1]) if i + 1 < n and a.change in "><" else None
        if merged is None:
            out.append(a)
            i += 1
        else:
            out.append(merged)
            i += 2
    return out


def _bounds(text: str, a: Figure, b: Figure) -> Figure | None:
    if {a.change, b.change} != {">", "<"} or a.is_range or b.is_range:
        return None
    if not a.qualifier or not b.qualifier:
        return None
    gap = text[a.end : b.start]
    if not gap.strip(" \t,") or not BOUNDS_GAP_RE.fullmatch(gap):
        return None
    if a.unit_normalized and b.unit_normalized and a.unit_normalized != b.unit_normalized:
        return None
    low, high = (a, b) if a.change == ">" else (b, a)
    if not low.value < high.value:
        return None  # "more than 40 and less than 10": two conditions, not one range
    unit = b if b.unit else a
    return replace_figure(
        unit,
        start=a.start,
        end=b.end,
        surface=text[a.start : b.end],
        value=(low.value + high.value) / 2,
        low=low.value,
        high=high.value,
        is_range=True,
        change="=",
        qualifier=f"{a.qualifier} / {b.qualifier}",
        si_value=(low.si_value + high.si_value) / 2,
        rule="bounds",
    )


def share_units(text: str, figures: list[Figure]) -> list[Figure]:
    """Let a figure take the unit its neighbours give.

    "eight or nine euros": the first number takes the unit of the second. "3.9 million
    headsets, up from 2.4 million": a scaled number with no unit takes the counted noun of the
    scaled figure just before it. "The index lost 162.31 points to 7,425.81": a level in a
    sentence that moves an index by points is in points.
    """
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.unit or not b.unit or a.is_range or not OR_GAP_RE.fullmatch(text, a.end, b.start):
            continue
        out[i] = replace_figure(
            a,
            unit=b.unit,
            unit_normalized=b.unit_normalized,
            kind=b.kind,
            si_unit=b.si_unit,
            si_value=a.value * (b.si_value / b.value) if b.value else a.value,
        )
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.unit or not a.unit or a.kind != "count" or "scale" not in a.rule:
            continue
        if "scale" not in b.rule or b.is_range or b.start - a.end > 40:
            continue
        if ELLIPSIS_GAP_RE.fullmatch(text, a.end, b.start):
            out[i] = replace_figure(
                b, unit=a.unit, unit_normalized=a.unit_normalized, si_unit=a.si_unit
            )
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.unit or b.kind != "count" or a.is_range:
            continue
        if PARTITIVE_GAP_RE.fullmatch(text, a.end, b.start):
            out[i] = _part_of(text, a, b)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.unit or a.kind != "count" or b.is_range or b.change != "=" or a.is_range:
            continue
        if VERSUS_GAP_RE.fullmatch(text, a.end, b.start) and not text[b.end : b.end + 1].isalnum():
            out[i] = replace_figure(
                b, unit=a.unit, unit_normalized=a.unit_normalized, kind="count", si_unit=a.si_unit
            )
    moves = [f for f in out if f.unit_normalized == "point" and f.change in ("up", "down")]
    for i, b in enumerate(out if moves else ()):
        if _index_level(b, moves[0]):
            out[i] = replace_figure(b, unit=moves[0].unit, unit_normalized="point", si_unit="point")
    return out


def over_a_period(text: str, figures: list[Figure]) -> list[Figure]:
    """ "20,000 refugees over five years", "$10,000 over 3 years": "over" right after another
    figure spreads that figure over a period; it does not say the period is longer (change "=",
    where "for over five years" stays ">")."""
    out = figures
    for i in range(1, len(figures)):
        b = figures[i]
        if b.kind != "duration" or b.is_range or b.qualifier.lower() != "over":
            continue
        if text[figures[i - 1].end : b.start].strip(" \t\u00a0"):
            continue
        start = b.start + 4
        while text[start].isspace():
            start += 1
        if out is figures:
            out = list(figures)
        out[i] = replace_figure(
            b, change="=", qualifier="", start=start, surface=text[start : b.end]
        )
    return out


def _part_of(text: str, a: Figure, b: Figure) -> Figure:
    """ "14 of the 19 drones": the part counts what the whole counts, and a count takes no
    change verb ("shot down 14 of the 19 drones" is no fall)."""
    if a.change not in ("up", "down"):
        return replace_figure(
            a, unit=b.unit, unit_normalized=b.unit_normalized, kind="count", si_unit=b.si_unit
        )
    start = a.start + len(a.qualifier)
    while text[start].isspace():
        start += 1
    return replace_figure(
        a,
        unit=b.unit,
        unit_normalized=b.unit_normalized,
        kind="count",
        si_unit=b.si_unit,
        change="=",
        qualifier="",
        start=start,
        surface=text[start : a.end],
    )


def _index_level(b: Figure, move: Figure) -> bool:
    """An index level in a sentence that moves the index by points: "the FTSE lost 162.31
    points to 7,425.81" -> 7,425.81 points."""
    return (
        not b.unit
        and not b.is_range
        and b.change == "="
        and b.value >= 100
        and b.value > 10 * move.value
        and (b.value != int(b.value) or b.value >= 1000)
    )


def mark_conversions(text: str, figures: list[Figure]) -> list[Figure]:
    """Mark each figure that restates the one before it in another unit (``conversion_of``)."""
    out = list(figures)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        if "(" not in gap and "or" not in gap:
            continue  # every gap of a restatement holds a bracket or "or"
        if a.conversion_of >= 0 or not _restates(text, a, b):
            if _restated_change(text, a, b):
                out[i + 1] = replace_figure(b, change=a.change)
            continue
        change = a.change if a.change in ("up", "down") and b.change == "=" else b.change
        out[i + 1] = replace_figure(b, conversion_of=a.start, change=change)
    return out


def _restated_change(text: str, a: Figure, b: Figure) -> bool:
    """A figure right after a rise or fall that restates it: "dropped 2% (3 points)", "was up
    0.25 points, or 0.01%"."""
    if a.change not in ("up", "down") or b.change != "=":
        return False
    if RESTATED_GAP_RE.fullmatch(text, a.end, b.start) and b.kind == "percent" != a.kind:
        return True
    return (
        BRACKET_GAP_RE.fullmatch(text, a.end, b.start) is not None
        and text[b.end : b.end + 1] == ")"
    )


def _restates(text: str, a: Figure, b: Figure) -> bool:
    """Whether ``b`` gives ``a`` again in another unit ("75 miles (120 km)")."""
    if not a.unit_normalized or not b.unit_normalized or a.unit_normalized == b.unit_normalized:
        return False
    gap = CONVERSION_GAP_RE.fullmatch(text, a.end, b.start)
    if not gap:
        return False
    if "(" in gap.group() and text[b.end : b.end + 1] != ")":
        return False
    if a.kind == "money" and b.kind == "money":
        return True  # another currency: no rate to check
    if {a.unit_normalized, b.unit_normalized} == {"celsius", "fahrenheit"} and a.change in (
        "up",
        "down",
    ):  # a difference of temperature: 1 degree Celsius is 1.8 degrees Fahrenheit
        c, f = (a, b) if a.unit_normalized == "celsius" else (b, a)
        return (
            f.value != 0 and abs(math.log(abs(c.value * 1.8 / f.value))) < _CLOSE
            if c.value
            else False
        )
    if a.kind != b.kind or a.kind not in _MEASURES or a.si_unit != b.si_unit:
        return False
    return _close(a.si_value, b.si_value)


def _close(x: float, y: float) -> bool:
    """Two values agree as a rounded conversion does: same sign, within 30% of each other."""
    if x == 0 or y == 0:
        return x == y
    return (x > 0) == (y > 0) and abs(math.log(abs(x) / abs(y))) < _CLOSE
