"""What the ledger's tables share: text cells, who gave a claim, which story it belongs to, and
the claims that count (a figure restated in a second unit never counts twice)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.extensions import take

from helpers.grouping import conversions

OUTLET_ITSELF_LABEL = "(the outlet itself)"  # the source of the outlet's own statements
UNKNOWN_OUTLET = "unknown outlet"
OWN_FIGURE = "own figure"  # how a label names the outlet's own statement
CLUSTER_COLUMNS = ("duplicate_cluster", "cluster_size")  # wire copies, from articles.csv
FLOAT_ZERO = r"\.0$"  # the ".0" of a cluster number read back from CSV as a float: "12.0"


def text(value: object) -> str:
    """A cell as text: "" for a missing value."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def compact(frame: pd.DataFrame, max_share: float = 0.1) -> pd.DataFrame:
    """``frame`` with each text column of few distinct values (at most ``max_share`` of its
    rows: kinds, stances, groups, outlets, dates, article ids) held as categories in sorted
    order, so that a million claims take a fraction of the memory and sort and filter faster;
    the values, and the order any sort gives, stay the same."""
    limit = max(1, int(len(frame) * max_share))
    columns = {}
    for name in frame.columns:
        column = frame[name]
        text_like = isinstance(column.dtype, pd.StringDtype) or column.dtype == object
        if not (text_like and len(column)):
            continue
        codes, uniques = pd.factorize(column)  # one pass: the values and where each occurs
        if len(uniques) <= limit and all(isinstance(u, str) for u in uniques):
            order = np.argsort(np.asarray(uniques, dtype=object), kind="stable")
            rank = np.empty(len(order), dtype=codes.dtype)
            rank[order] = np.arange(len(order), dtype=codes.dtype)
            codes = np.where(codes >= 0, rank[codes], -1)
            categories = pd.Index(np.asarray(uniques, dtype=object)[order], dtype=column.dtype)
            columns[name] = pd.Categorical.from_codes(codes, categories)
    return frame.assign(**columns) if columns else frame


def texts(series: pd.Series) -> pd.Series:
    """A column as text, "" for missing values (a string column without a pass over its cells)."""
    if isinstance(series.dtype, pd.StringDtype):
        return series.fillna("")
    if isinstance(series.dtype, pd.CategoricalDtype):  # each category made text once
        names = _category_texts(series.cat.categories)
        cells = take(names, series.cat.codes.to_numpy(), allow_fill=True, fill_value="")
        return pd.Series(cells, index=series.index)
    if series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) == "string":
        return series.fillna("")
    if pd.api.types.is_integer_dtype(series.dtype):  # each distinct number made text once
        codes, uniques = pd.factorize(series, use_na_sentinel=False)
        cells = np.array([text(u) for u in uniques], dtype=object)[codes]
        return pd.Series(cells, index=series.index)
    return series.map(text)


def categorical_of(positions: np.ndarray, names: list[str]) -> pd.Series:
    """A categorical column from, per row, a position in ``names`` (-1: ""): the distinct
    names as sorted categories, so that sorting and grouping by codes follow the text. For a
    decision taken once per distinct key ("the window of each date") and spread over rows."""
    names = np.array([*(text(n) for n in names), ""], dtype=str)
    categories, inverse = np.unique(names, return_inverse=True)
    codes = inverse.astype(_code_type(len(categories)))[positions]
    return pd.Series(pd.Categorical.from_codes(codes, pd.Index(categories, dtype="str")))


def _code_type(n: int) -> type:
    """The smallest integer type that holds codes 0 to ``n`` - 1."""
    return next(t for t in (np.int8, np.int16, np.int32, np.int64) if n <= np.iinfo(t).max)


def cells(series: pd.Series) -> pd.Series:
    """A column as categorical text cells ("" for a missing value, categories sorted): the
    text of :func:`texts` held once per distinct value, for a ledger of millions of rows
    (sorting by codes follows the text, as grouping does)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        names = [text(c) for c in series.cat.categories]
        positions = series.cat.codes.to_numpy()
    else:
        positions, uniques = pd.factorize(texts(series))
        names = [str(u) for u in uniques]
    return categorical_of(positions, names).set_axis(series.index)


def choose(condition: pd.Series, chosen: pd.Series, other: pd.Series) -> pd.Series:
    """Per row, ``chosen`` where ``condition`` holds, else ``other``: two :func:`cells`
    columns merged into one, as ``other.where(~condition, chosen)`` on text."""
    a, b = cells(chosen), cells(other)
    names = [*a.cat.categories, *b.cat.categories]
    positions = np.where(
        condition.to_numpy(dtype=bool),
        a.cat.codes.to_numpy(dtype=np.int64),
        b.cat.codes.to_numpy(dtype=np.int64) + len(a.cat.categories),
    )
    return categorical_of(positions, names).set_axis(other.index)


def _category_texts(categories: pd.Index) -> pd.api.extensions.ExtensionArray:
    """The categories as text ("" for a missing one), without a Python call per category
    when they are text already (a million figures as written)."""
    if isinstance(categories.dtype, pd.StringDtype) and not categories.hasnans:
        return pd.array(categories, dtype="str")
    return pd.array([text(c) for c in categories], dtype="str")


def counted(claims: pd.DataFrame) -> pd.DataFrame:
    """``claims`` without the figures that restate another in a second unit ("75 miles (120
    kilometers)": the kilometres)."""
    restated = conversions(claims)
    return claims.loc[~restated] if restated.any() else claims


def source_names(frame: pd.DataFrame) -> pd.Series:
    """Who gave each claim, for tables and labels: the canonical source, else as written, else
    "<outlet> (own figure)" for the outlet's own statement ("unknown outlet" without one)."""
    outlet = texts(frame["outlet"]).replace("", UNKNOWN_OUTLET)
    source = texts(frame["source_canonical"])
    source = source.where(source != "", texts(frame["source"]))
    return source.where(source != "", outlet + f" ({OWN_FIGURE})")


def stories(ledger: pd.DataFrame) -> pd.Series:
    """The story of each claim: its ``duplicate_cluster`` (wire copies share one), else its
    article (an empty cluster or -1 is no cluster)."""
    article = texts(ledger["article_id"])
    if "duplicate_cluster" not in ledger.columns:
        return article
    cluster = texts(ledger["duplicate_cluster"]).str.replace(FLOAT_ZERO, "", regex=True)
    return ("cluster " + cluster).where(~cluster.isin(["", "-1"]), article)


def per_distinct(frame: pd.DataFrame, columns: list[str], rule) -> pd.Series:
    """``rule`` (a function of a frame of text columns, returning a Series of text) applied
    once per distinct row of ``columns`` and spread over the rows of ``frame`` as a
    categorical: the same cells as ``rule(frame)``, for a ledger of millions of rows."""
    keys = pd.DataFrame({c: cells(frame[c]) for c in columns}, index=frame.index)
    if keys.empty:
        return pd.Series(pd.Categorical([]), index=frame.index, dtype="category")
    codes, first = first_seen(keys, columns)
    distinct = keys.iloc[first].astype(str).reset_index(drop=True)
    return categorical_of(codes, list(rule(distinct))).set_axis(frame.index)


def first_seen(keys: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``keys`` (categorical columns), the number of its distinct row of
    ``columns`` (0, 1 ... in order of first appearance, as ``groupby(sort=False).ngroup()``),
    and where each distinct row first appears. The codes of the columns are combined into one
    integer per row and factorized: a fraction of the memory of a groupby on several keys."""
    sizes = [len(keys[c].cat.categories) + 1 for c in columns]
    if not len(keys) or np.prod([float(n) for n in sizes]) >= 2**62:  # too many to combine
        codes = keys.groupby(columns, sort=False, observed=True).ngroup().to_numpy()
    else:
        combined = np.zeros(len(keys), dtype=np.int64)
        for column, size in zip(columns, sizes, strict=True):
            combined *= size
            combined += keys[column].cat.codes.to_numpy() + 1
        codes, _ = pd.factorize(combined)
        del combined
    if not len(codes):
        return codes, codes
    seen = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.r_[True, codes[1:] > seen[:-1]])
    return codes, first


def source_cells(frame: pd.DataFrame) -> pd.Series:
    """:func:`source_names` as a categorical, worked out once per distinct source."""
    return per_distinct(frame, ["outlet", "source_canonical", "source"], source_names)


def story_cells(ledger: pd.DataFrame) -> pd.Series:
    """:func:`stories` as a categorical, worked out once per distinct article and cluster
    (once per category of each when both columns are categoricals)."""
    keys = [c for c in ("article_id", "duplicate_cluster") if c in ledger.columns]
    columns = [ledger[k] for k in keys]
    if len(keys) < 2 or not all(isinstance(c.dtype, pd.CategoricalDtype) for c in columns):
        return per_distinct(ledger, keys, stories)
    article, cluster = columns
    names = pd.Series(_category_texts(cluster.cat.categories)).str.replace(
        FLOAT_ZERO, "", regex=True
    )
    own = ~names.isin(["", "-1"]).to_numpy()  # a cluster of its own, else the article's story
    at = cluster.cat.codes.to_numpy(dtype=np.int64)
    ids = article.cat.codes.to_numpy(dtype=np.int64)
    positions = np.where(ids >= 0, ids + len(names), -1)
    clustered = (at >= 0) & own[np.maximum(at, 0)]
    positions = np.where(clustered, at, positions)
    said = [*("cluster " + names), *_category_texts(article.cat.categories)]
    return categorical_of(positions, said).set_axis(ledger.index)


def group_parts(ledger: pd.DataFrame, rows: int) -> list[tuple[int, int]]:
    """``(start, end)`` slices of ``ledger`` that hold whole groups, about ``rows`` rows each
    (a larger group alone): :func:`helpers.ledger.claims_ledger` gives each group's rows one
    after another. A ledger whose groups are not contiguous is one part."""
    if len(ledger) <= rows:
        return [(0, len(ledger))]
    codes = cells(ledger["group"]).cat.codes.to_numpy()
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    if len(starts) != len(np.unique(codes)):
        return [(0, len(ledger))]
    parts, start, last = [], 0, 0
    for end in [*starts[1:], len(ledger)]:
        if end - start > rows and last > start:
            parts.append((start, last))
            start = last
        last = int(end)
    parts.append((start, last))
    return parts
