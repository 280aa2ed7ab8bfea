"""Keep a chart readable: at most a few rows of each group, evenly spread by value.

Shared by the ledger's chart rows and the charts' own rows, so that both pick the same claims.
"""

from __future__ import annotations

import pandas as pd

MAX_ROWS_PER_GROUP = 10  # labelled rows of one group on a chart


def spread_by_value(
    rows: pd.DataFrame, groups: list[str], per_group: int = MAX_ROWS_PER_GROUP
) -> pd.DataFrame:
    """At most ``per_group`` rows of each group of ``rows``, evenly spaced by ``value``.

    The smallest and the largest figure of a group are always kept, so the spread of what was
    reported stays visible; rows keep their order, and the same rows always give the same pick.
    """
    if per_group < 2:
        raise ValueError("per_group must be at least 2, to keep the smallest and the largest")
    keep: list = []
    grouped = rows.groupby(groups, sort=False, dropna=False) if groups else [("", rows)]
    for _, block in grouped:
        ties = [c for c in ("article_id", "start", "sentence_id", "surface") if c in block.columns]
        ranked = block.sort_values(["value", *ties], kind="mergesort")
        if len(ranked) > per_group:
            step = (len(ranked) - 1) / (per_group - 1)
            ranked = ranked.iloc[[round(i * step) for i in range(per_group)]]
        keep.extend(ranked.index)
    return rows.loc[rows.index.isin(keep)]
