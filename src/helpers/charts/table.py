"""Small, pure helpers on the frames charts read: columns that may be missing, text cells,
labels that read well when the outlet or the date is unknown, numbers as a reader writes them,
and a readable pick of rows when a group holds too many to label.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.spread import MAX_ROWS_PER_GROUP, spread_by_value  # noqa: F401 (re-exported)

TRACE_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface"]  # where a row came from
OUTSIDE_SOURCE = "the outlet itself"
UNKNOWN_OUTLET = "unknown outlet"
# A chart with a labelled row per claim stays readable (and quick to draw) up to a few dozen
# rows: at most MAX_ROWS_PER_GROUP claims of one group, and this many labelled rows in one panel.
MAX_ROWS_PER_PANEL = 30


def text(series: pd.Series) -> pd.Series:
    """``series`` as plain strings with missing values as ""."""
    if series.dtype != object and pd.api.types.is_string_dtype(series.dtype):
        return series.fillna("").str.strip().astype(str)  # pyarrow's kernels, no Python loop
    return series.astype(object).where(series.notna(), "").astype(str).str.strip()


def column(frame: pd.DataFrame, name: str, default: object = "") -> pd.Series:
    """Column ``name`` of ``frame``, or ``default`` on every row when the column is absent."""
    if name in frame.columns:
        return frame[name]
    return pd.Series([default] * len(frame), index=frame.index, dtype=object)


def truthy(series: pd.Series) -> pd.Series:
    """Booleans from a column read from CSV (True/False, true/false, 1/0 or real booleans)."""
    if pd.api.types.is_bool_dtype(series.dtype) and not series.hasnans:
        return series.astype(bool)
    return text(series).str.lower().isin({"true", "1", "yes"})


def outlet_names(frame: pd.DataFrame) -> pd.Series:
    """The ``outlet`` column as text, :data:`UNKNOWN_OUTLET` where it is empty or absent."""
    outlet = text(column(frame, "outlet"))
    return outlet.where(outlet != "", UNKNOWN_OUTLET)


def display_source(claims: pd.DataFrame) -> pd.Series:
    """Who a claim is attributed to, for a chart label: canonical name, else as written, else
    :data:`OUTSIDE_SOURCE` (the outlet's own statement)."""
    canonical = text(column(claims, "source_canonical"))
    written = text(column(claims, "source"))
    source = canonical.where(canonical != "", written)
    return source.where(source != "", OUTSIDE_SOURCE)


def shorten(label: str, limit: int = 40) -> str:
    """``label`` cut to ``limit`` characters with an ellipsis, so long names keep a chart legible.

    >>> shorten("Vietnamese outlet (English edition)", 20)
    'Vietnamese outlet (…'
    """
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def shortened(labels: pd.Series, limit: int = 40) -> pd.Series:
    """:func:`shorten` on every label of a Series, each distinct label once."""
    names = labels.unique()
    return labels.map(dict(zip(names, (shorten(str(n), limit) for n in names), strict=True)))


def pairwise(func, first: pd.Series, second: pd.Series) -> pd.Series:
    """``func(a, b)`` for each row's pair of ``first`` and ``second`` (same index), computed
    once per distinct pair: a large table holds few distinct pairs of labels."""
    if first.empty:
        return pd.Series([], index=first.index, dtype=object)
    codes = pd.DataFrame({"a": first.to_numpy(), "b": second.to_numpy()}).groupby(
        ["a", "b"], sort=False, dropna=False).ngroup().to_numpy()  # fmt: skip
    _, where = np.unique(codes, return_index=True)  # the first row of each pair, by code
    results = np.empty(len(where), dtype=object)
    results[:] = [func(first.iloc[i], second.iloc[i]) for i in where]
    return pd.Series(results[codes], index=first.index)


def contains(haystack: pd.Series, needle: pd.Series) -> pd.Series:
    """Per row, True when ``needle`` (a word or phrase) is in ``haystack`` (plain substring,
    case as given): one vectorised search per distinct needle, which a table has few of."""
    found = pd.Series(False, index=haystack.index)
    for word in needle.unique():
        rows = needle == word
        found[rows] = haystack[rows].str.contains(str(word), regex=False).fillna(False)
    return found


def panel_name(name: str, unit: str) -> str:
    """A panel's or group's title with its unit when the unit says more: "range (km)";
    "people" and "drones supplied" (unit "drones") alone.

    >>> panel_name("range", "km"), panel_name("drones supplied", "drones")
    ('range (km)', 'drones supplied')
    """
    if not unit or unit.lower() in name.lower():
        return name
    return f"{name} ({unit})"


def where_when(outlet: pd.Series, published: pd.Series) -> pd.Series:
    """ "outlet, date" for a label; the date is left out when unknown, never "Georgia ()".

    >>> where_when(pd.Series(["CNN", ""]), pd.Series(["2022-11-07", ""])).tolist()
    ['CNN, 2022-11-07', 'unknown outlet']
    """
    outlet = text(outlet).replace("", UNKNOWN_OUTLET)
    published = text(published)
    return outlet.where(published == "", outlet + ", " + published)


def format_number(number: float, digits: int = 1) -> str:
    """A number as a reader expects it: "4.5 million", "1,000", "120.7", "50".

    >>> format_number(4_500_000), format_number(1000), format_number(120.7008)
    ('4.5 million', '1,000', '120.7')
    """
    if number != number:  # NaN
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            return f"{number / size:,.{digits}f}".rstrip("0").rstrip(".") + f" {word}"
    body = f"{number:,.{digits}f}"
    return body.rstrip("0").rstrip(".") if "." in body else body


def sorted_rows(
    rows: pd.DataFrame, keys: list[str], descending: tuple[str, ...] = ()
) -> pd.DataFrame:
    """``rows`` in a stable order on ``keys`` (then the trace columns), index reset."""
    keys = [*keys, *(k for k in ("article_id", "start", "end", "surface") if k in rows.columns)]
    ascending = [key not in descending for key in keys]
    return rows.sort_values(keys, ascending=ascending, kind="mergesort").reset_index(drop=True)


def listing(items: list[str], limit: int = 8) -> str:
    """Items joined by "; ", the first ``limit`` of them and "and N more" after.

    >>> listing(["a", "b", "c"], 2)
    'a; b; and 1 more'
    """
    shown = "; ".join(items[:limit])
    return shown + (f"; and {len(items) - limit:,} more" if len(items) > limit else "")
