"""Panels, units and time context of many claims at once, for a ledger of a million rows.

:func:`helpers.grouping.panel_values` and :func:`helpers.grouping.is_time` decide, one figure at
a time, the axis a figure is drawn on and whether it only says when. A corpus names few kinds
and units, so here each decision is taken once per distinct ``kind, what, unit_normalized,
si_unit`` and spread back over the rows, and the values are converted with numpy in the same
arithmetic as :func:`helpers.grouping.panel_values` (the same floats, bit for bit).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.grouping import COUNT_KINDS, is_time, panel_of, what_lexicon
from helpers.grouping.lexicon import Family
from helpers.grouping.what import AGE_SUFFIX, FAHRENHEIT, MONEY, PANEL_COLUMNS
from helpers.io import require_columns
from helpers.ledger.common import categorical_of, cells, first_seen

UNIT_KEYS = ["kind", "what", "unit_normalized", "si_unit"]  # what decides a figure's panel


def _family(kind: str, unit: str, si_unit: str) -> Family | None:
    """The family a measure is converted in (as :func:`helpers.grouping.panel_values` finds
    it): none for counts and money; the age family for "... of age"; else by si_unit."""
    if kind in COUNT_KINDS or kind == MONEY:
        return None
    lexicon = what_lexicon()
    return lexicon.age if unit.endswith(AGE_SUFFIX) else lexicon.families.get(si_unit)


def _distinct(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """The distinct rows of ``columns`` (as text) and, per row of ``frame``, the position of
    its distinct row (grouped on categorical cells: no column of a million rows made text)."""
    keys = pd.DataFrame({c: cells(frame[c]) for c in columns}, index=frame.index)
    codes, first = first_seen(keys, columns)
    return keys.iloc[first].astype(str).reset_index(drop=True), codes


def panel_frame(
    frame: pd.DataFrame, categorical: bool = False, values: bool = True
) -> pd.DataFrame:
    """Per row of ``frame`` (figures with :data:`helpers.grouping.what.PANEL_COLUMNS`):
    ``panel``, ``panel_unit`` and ``value``, ``low``, ``high`` in that unit; the same as
    :func:`helpers.grouping.panel_values`, computed once per distinct unit. ``categorical``
    gives ``panel`` and ``panel_unit`` as categoricals (:func:`helpers.ledger.common.cells`);
    without ``values``, only those two columns."""
    require_columns(frame, PANEL_COLUMNS, "panel_frame: figures")
    columns = ["panel", "panel_unit", "value", "low", "high"]
    if frame.empty:
        return pd.DataFrame(columns=columns, index=frame.index)
    units, codes = _distinct(frame, UNIT_KEYS)
    panels, modes, factors = [], [], []
    for kind, what, unit, si_unit in units.itertuples(index=False):
        panels.append(panel_of(kind, what, unit, si_unit))
        family = _family(kind, unit, si_unit)
        modes.append(0 if family is None else 2 if unit == FAHRENHEIT else 1)
        factors.append(1.0 if family is None else family.factor)
    names = pd.DataFrame(panels, columns=["panel", "panel_unit"])
    if categorical:
        spread = {c: categorical_of(codes, list(names[c])).array for c in names.columns}
    else:
        spread = {c: names[c].to_numpy(dtype=object)[codes] for c in names.columns}
    if not values:
        return pd.DataFrame(spread, index=frame.index)
    mode, factor = np.array(modes)[codes], np.array(factors)[codes]
    value, si_value = (frame[c].to_numpy(dtype=float) for c in ("value", "si_value"))
    scaled, fahrenheit = mode == 1, mode == 2  # the rows converted, the others kept as given
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(value[scaled] != 0, si_value[scaled] / value[scaled], 1.0)
        for name in ("value", "low", "high"):
            x = frame[name].to_numpy(dtype=float, copy=True)
            x[scaled] = x[scaled] * ratio * factor[scaled]
            x[fahrenheit] = (x[fahrenheit] - 32) * 5 / 9 * factor[fahrenheit]
            spread[name] = x
    return pd.DataFrame(spread, index=frame.index)


def time_context(ledger: pd.DataFrame) -> pd.Series:
    """True for a date, time or duration that only took the group of its sentence's main
    figure ("in the previous 24 hours"): it belongs to the claim, it is not a value of it."""
    if ledger.empty:
        return pd.Series(False, index=ledger.index, dtype=bool)
    pairs, codes = _distinct(ledger, ["kind", "unit_normalized"])
    timed = np.array([is_time(k, u) for k, u in pairs.itertuples(index=False)])[codes]
    timed = pd.Series(timed, index=ledger.index)
    keys = [ledger[k] for k in ("article_id", "sentence_id", "group")]
    return timed & (~timed).groupby(keys).transform("any")
