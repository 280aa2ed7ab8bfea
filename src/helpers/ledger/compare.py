"""The comparison of sources: per group, window, panel and source, the values it gave.

:func:`ledger_comparison` sets side by side the numbers different sources gave for the same
thing, from the rows of :func:`helpers.ledger.claims_ledger`, a few whole groups at a time.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.grouping.what import PANEL_COLUMNS
from helpers.io import require_columns
from helpers.ledger.book import COMPARISON_COLUMNS, LEDGER_COLUMNS, PART_ROWS
from helpers.ledger.common import (
    CLUSTER_COLUMNS,
    UNKNOWN_OUTLET,
    categorical_of,
    cells,
    group_parts,
    source_cells,
    story_cells,
    texts,
)
from helpers.ledger.load import release_memory
from helpers.ledger.panels import panel_frame, time_context
from helpers.ledger.write import as_written


def _format(number: float) -> str:
    if pd.isna(number):
        return ""
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.3g}" if abs(number) < 1000 else f"{number:,.0f}"


def _value_text(change: str, value: float, low: float, high: float) -> str:
    """A value as the comparison lists it: "~450", ">2,000,000", "12-18"."""
    sign = change if change in (">", "<", "~") else ""
    if low != high:
        return f"{sign}{_format(low)}-{_format(high)}"
    return f"{sign}{_format(value)}"


def _join_sorted(gid: np.ndarray, cells: pd.Series) -> pd.Series:
    """Per ``gid`` (rows sorted by it), its ``cells`` joined with ";" in row order, without a
    Python call per group: the cells become one Arrow list per gid, joined at once."""
    if len(gid) == 0:
        return pd.Series([], dtype=object)
    starts = np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]])
    offsets = pa.array(np.r_[starts, len(gid)], type=pa.int64())
    values = pa.array(cells.to_numpy(dtype=object), type=pa.large_string())
    separator = pa.scalar(";", pa.large_string())
    joined = pc.binary_join(pa.LargeListArray.from_arrays(offsets, values), separator)
    return pd.Series(joined.to_numpy(zero_copy_only=False), index=gid[starts], dtype=object)


def _joined(frame: pd.DataFrame, column: str, ordered: bool = True) -> pd.Series:
    """Per ``_gid``, the distinct cells of ``column`` joined with ";": in order of first
    appearance (``ordered``) or sorted."""
    cells = frame[["_gid", column]].drop_duplicates()
    by = ["_gid"] if ordered else ["_gid", column]
    cells = cells.sort_values(by, kind="mergesort")
    return _join_sorted(cells["_gid"].to_numpy(), cells[column])


def _categories_at(column: pd.Series, codes: pd.Series) -> pd.Series:
    """The categories of ``column`` at ``codes`` (a Series of codes by group), as text."""
    names = np.asarray(column.cat.categories, dtype=object)
    return pd.Series(names[codes.to_numpy(dtype=np.int64)], index=codes.index, dtype="str")


def _value_texts(rows: pd.DataFrame) -> pd.Series:
    """:func:`_value_text` of each row (``change, v, v_low, v_high``): each distinct number
    formatted once (an integer with Python's own ``{:,}``, no call of :func:`_format`), the
    texts put together by Arrow."""
    if rows.empty:
        return pd.Series([], index=rows.index, dtype=object)
    v, low, high = (rows[k].to_numpy(dtype=float) for k in ("v", "v_low", "v_high"))
    at, numbers = pd.factorize(np.concatenate([v, low, high]), use_na_sentinel=False)
    names = pa.array(_formatted(np.asarray(numbers, dtype=float)), pa.string())
    said = [names.take(pa.array(at[i * len(v) : (i + 1) * len(v)])) for i in range(3)]
    ranged = pa.array(low != high)  # NaN != NaN, as in _value_text
    body = pc.if_else(ranged, pc.binary_join_element_wise(said[1], said[2], "-"), said[0])
    change = texts(rows["change"]).to_numpy(dtype=object)
    sign = np.where(np.isin(change, [">", "<", "~"]), change, "")
    cells = pc.binary_join_element_wise(pa.array(sign, pa.string()), body, "")
    return pd.Series(cells.to_numpy(zero_copy_only=False), index=rows.index, dtype=object)


def _formatted(numbers: np.ndarray) -> list[str]:
    """:func:`_format` of each of ``numbers`` (distinct floats), integers at list speed."""
    whole = np.isfinite(numbers) & (np.floor(numbers) == numbers) & (np.abs(numbers) < 2.0**62)
    out = np.empty(len(numbers), dtype=object)
    out[whole] = [f"{n:,}" for n in numbers[whole].astype(np.int64).tolist()]
    out[~whole] = [_format(n) for n in numbers[~whole].tolist()]
    return out.tolist()


def _per_source(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per ``keys`` (a block and a source) of :func:`ledger_comparison`, computed by
    group operations over all blocks at once (no loop over the blocks)."""
    gid = rows.groupby(keys, sort=False).ngroup()
    rows = rows.loc[gid >= 0]  # a missing key cell: no group, as groupby leaves it out
    gid = gid.loc[rows.index]
    first = rows.loc[~gid.duplicated(), keys].set_axis(gid[~gid.duplicated()]).sort_index()
    same = ["story", "v", "v_low", "v_high", "change"]
    claims = rows[[*same, "surface"]].assign(_gid=gid).drop_duplicates(["_gid", *same])
    ordered = claims.sort_values(["_gid", "v", "v_low", "v_high"], kind="mergesort")
    del claims
    ordered = ordered.assign(_value=_value_texts(ordered), _surface=texts(ordered["surface"]))
    date = cells(rows["published"])
    narrow = pd.DataFrame({"_gid": gid, "_date": date.cat.codes}).loc[date != ""]
    dated = narrow.groupby("_gid")["_date"]  # the first and last date by code: sorted text
    outlets = pd.DataFrame({"_gid": gid, "outlet": rows["outlet"]}).loc[rows["outlet"] != ""]
    types = pd.DataFrame({"_gid": gid, "source_type": cells(rows["source_type"])})
    by_group = pd.DataFrame({"_gid": gid, "story": rows["story"], "article_id": rows["article_id"]})
    by_group = by_group.groupby("_gid", sort=True)
    table = pd.DataFrame(
        {
            **{k: first[k] for k in keys},
            "source_type": _joined(types, "source_type", ordered=False),
            "n_claims": ordered.groupby("_gid", sort=True).size(),
            "n_stories": by_group["story"].nunique(),
            "n_articles": by_group["article_id"].nunique(),
            "values": _joined(ordered, "_value"),
            "value_min": ordered.groupby("_gid", sort=True)["v_low"].min(),
            "value_max": ordered.groupby("_gid", sort=True)["v_high"].max(),
            "as_written": _joined(ordered, "_surface"),
            "outlets": _joined(outlets, "outlet", ordered=False),
            "first_published": _categories_at(date, dated.min()),
            "last_published": _categories_at(date, dated.max()),
        },
        index=first.index,
    )  # fmt: skip
    table["outlets"] = table["outlets"].fillna(UNKNOWN_OUTLET)
    table[["first_published", "last_published"]] = table[
        ["first_published", "last_published"]
    ].fillna("")
    return table.reset_index(drop=True)


def _blank(index: pd.Index) -> pd.Series:
    """A categorical column of "" (no event, when the comparison does not split by event)."""
    return categorical_of(np.full(len(index), -1), []).set_axis(index)


def ledger_comparison(
    ledger: pd.DataFrame, by_event: bool = False, part_rows: int = PART_ROWS
) -> pd.DataFrame:
    """One row per group (and event, when ``by_event``), window, panel and source: the values
    the source gave in the panel's unit (``values``, ``value_min``, ``value_max``), as written,
    how many claims (a wire copy of the same value counts once), stories and articles, which
    outlets and when. ``sources_in_group`` counts the sources that gave a value for the same
    thing: where it is above one, the numbers can be compared. Groups in which something
    happened come first, those with the most sources first.

    Every row compares claims of one group, so the ledger is compared a few groups at a time
    (about ``part_rows`` rows: :func:`helpers.ledger.common.group_parts`), and the parts'
    rows put in order at the end: the same table as in one go, in a fraction of the memory.
    """
    require_columns(ledger, LEDGER_COLUMNS, "ledger")
    block = ["group", "event", "window", "panel", "panel_unit"]
    parts = []
    for start, end in group_parts(ledger, part_rows):
        parts.append(_compare(ledger.iloc[start:end], by_event))
        release_memory()  # the part's Arrow text, handed back before the next part
    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    table = table.sort_values(
        ["_none", "sources_in_group", "_claims", *block, "value_min", "source"],
        ascending=[True, False, False, *[True] * (len(block) + 2)], kind="mergesort",
    )  # fmt: skip
    return table.loc[:, list(COMPARISON_COLUMNS)].reset_index(drop=True)


def _compare(ledger: pd.DataFrame, by_event: bool) -> pd.DataFrame:
    """The rows of :func:`ledger_comparison` for the groups of ``ledger``, in no order, with
    their text columns as text and the sort keys ``_none`` and ``_claims``."""
    block = ["group", "event", "window", "panel", "panel_unit"]
    cluster = [c for c in CLUSTER_COLUMNS[:1] if c in ledger.columns]
    used = [*block, "happened", "change", "surface", "published", "source_type", "outlet",
            "source", "source_canonical", "article_id", *cluster, *PANEL_COLUMNS]  # fmt: skip
    rows = ledger.loc[~time_context(ledger), list(dict.fromkeys(used))]
    converted = panel_frame(rows)
    rows = pd.DataFrame(
        {
            **{c: cells(rows[c]) for c in ("group", "window", "panel", "panel_unit", "happened")},
            "event": cells(rows["event"]) if by_event else _blank(rows.index),
            "source": source_cells(rows), "story": story_cells(rows), "v": converted["value"],
            "v_low": converted["low"], "v_high": converted["high"],
            "outlet": cells(rows["outlet"]),
            **{c: rows[c] for c in ("change", "surface", "published", "source_type", "article_id")},
        },
        index=rows.index,
    )  # fmt: skip
    del converted
    table = _per_source(rows, [*block, "source"])
    said = rows.loc[rows["happened"] != "", [*block, "happened"]].drop_duplicates()
    said = said.sort_values([*block, "happened"], kind="mergesort")
    happened = said.groupby(block, sort=False, observed=True)["happened"].agg(";".join)
    table = table.merge(happened.reset_index(), on=block, how="left")
    table["happened"] = table["happened"].fillna("")
    table["sources_in_group"] = table.groupby(block, observed=True)["source"].transform("nunique")
    table["_none"] = table["happened"].eq("")
    table["_claims"] = table.groupby(block, observed=True)["n_claims"].transform("sum")
    table["source"] = table["source"].astype("str")  # text, as the tables were written before
    return as_written(table)
