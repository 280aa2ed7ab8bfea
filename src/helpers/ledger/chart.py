"""The rows of the ledger chart: a labelled point per claim, one panel per unit.

The chart shows, for the groups that most sources gave numbers for, what each source said, so
that disagreeing numbers for one thing sit side by side. It stays readable on any corpus: at
most ``per_group`` claims a group (spread by value), ``per_panel`` rows a panel,
``max_panels`` panels and ``max_rows`` rows in all. Drawing is left to :mod:`helpers.charts`;
nothing here plots.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.grouping import what_lexicon
from helpers.io import require_columns
from helpers.ledger.book import LEDGER_COLUMNS, PART_ROWS
from helpers.ledger.common import (
    CLUSTER_COLUMNS,
    OWN_FIGURE,
    UNKNOWN_OUTLET,
    cells,
    group_parts,
    per_distinct,
    source_cells,
    source_names,
    story_cells,
    texts,
)
from helpers.ledger.load import release_memory
from helpers.ledger.panels import panel_frame, time_context
from helpers.spread import MAX_ROWS_PER_GROUP, spread_by_value
from helpers.vocabulary import NO_EVENT

MAX_ROWS_PER_PANEL = 10  # labelled rows of one panel
MAX_PANELS = 6  # panels of the chart, those with the most rows
MAX_CHART_ROWS = 30  # labelled rows of the whole chart
CHART_INPUT_COLUMNS = (
    "group", "event", "window", "panel", "panel_unit", "kind", "what", "unit_normalized",
    "si_unit", "value", "low", "high", "si_value", "change", "surface", "source",
    "source_canonical", "outlet", "published", "article_id", "sentence_id", "start", "end",
)  # fmt: skip
CHART_COLUMNS = (
    "panel", "unit", "group", "label", "source", "outlet", "published", "value", "low",
    "high", "err_low", "err_high", "change", "surface", "y", "claims_in_group",
    "sources_in_group", "copies", "article_id", "sentence_id", "start", "end",
)  # fmt: skip


def chart_groups(ledger: pd.DataFrame, by_event: bool) -> pd.Series:
    """The group a chart shows: the ledger's group, with ": event" when ``by_event`` and the
    group's name does not already say it ("homes: destroyed", "people without power"), and
    " · window" when the ledger has date windows ("people killed · 2024-09")."""
    group = texts(ledger["group"])
    if by_event:
        event = texts(ledger["event"])
        said = [e in g for g, e in zip(group, event, strict=True)]
        group = group.where(said, group + ": " + event)
    window = texts(ledger["window"])
    return group.where(window == "all", group + " · " + window)


def ledger_chart_data(
    ledger: pd.DataFrame,
    by_event: bool = False,
    per_group: int = MAX_ROWS_PER_GROUP,
    per_panel: int = MAX_ROWS_PER_PANEL,
    max_panels: int = MAX_PANELS,
    max_rows: int = MAX_CHART_ROWS,
    part_rows: int = PART_ROWS,
) -> pd.DataFrame:
    """The rows of the ledger chart (:data:`CHART_COLUMNS`), from :func:`claims_ledger` rows.

    A claim is drawn when something happened to it (``happened``; with ``by_event``, a study
    event other than "other") and its unit is known (not a count with no noun); dates and
    durations that only time a claim are left out, and a wire copy of a claim already drawn is
    counted in ``copies``. ``panel`` holds one unit (``unit``), values converted to it.
    A panel's groups (:func:`chart_groups`) come with the most sources first while they fit in
    ``per_panel`` rows, each thinned to ``per_group`` rows spread by value; the panels with the
    most rows of groups that several sources gave are kept, those first, at most ``max_panels``
    of them and ``max_rows`` rows in all (a panel that would pass it is left out).
    ``label`` is "source (outlet)" (or "outlet (own figure)"); ``y`` is the row's position in
    its panel, the first group on top.

    The candidates and their counts are found a few whole groups at a time (about
    ``part_rows`` ledger rows), and only the rows of the groups drawn are made text.
    """
    require_columns(ledger, LEDGER_COLUMNS, "ledger")
    found = []
    for start, end in group_parts(ledger, part_rows):
        found.append(_candidates(ledger.iloc[start:end], by_event, start))
        release_memory()
    sizes = pd.concat([s for _, s in found]).sort_index()
    picked = _pick_panels(sizes, per_group, per_panel, max_panels, max_rows)
    wanted = {(panel, group) for panel, groups in picked for group in groups}
    drawn = []
    for kept, counts in found:  # the rows of the groups drawn, in the ledger's order
        keys = np.flatnonzero([key in wanted for key in counts.index])
        drawn.append(kept.loc[np.isin(kept["_key"].to_numpy(), keys)])
    kept = pd.concat(drawn, ignore_index=True)
    del found, drawn
    used = [c for c in ledger.columns if c in (*CHART_INPUT_COLUMNS, *CLUSTER_COLUMNS[:1])]
    rows = ledger.iloc[kept["_at"].to_numpy()].loc[:, used]
    rows[["value", "low", "high"]] = panel_frame(rows)[["value", "low", "high"]]
    rows = rows.assign(group=chart_groups(rows, by_event), source=source_names(rows),
                       copies=kept["copies"].to_numpy())  # fmt: skip
    rows = rows.join(sizes, on=["panel", "group"])
    parts = [
        _draw_panel(rows.loc[rows["panel"] == panel], groups, per_group) for panel, groups in picked
    ]
    if not parts:
        return pd.DataFrame(columns=list(CHART_COLUMNS))
    for part in parts:
        part["y"] = range(len(part) - 1, -1, -1)
    chart = pd.concat(parts, ignore_index=True).rename(columns={"panel_unit": "unit"})
    outlet = texts(chart["outlet"]).replace("", UNKNOWN_OUTLET)
    own = chart["source"].str.endswith(f"({OWN_FIGURE})")
    chart["label"] = chart["source"].where(own, chart["source"] + " (" + outlet + ")")
    chart["err_low"] = (chart["value"] - chart["low"]).clip(lower=0)
    chart["err_high"] = (chart["high"] - chart["value"]).clip(lower=0)
    return chart.loc[:, list(CHART_COLUMNS)]


def _candidates(
    ledger: pd.DataFrame, by_event: bool, offset: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows a chart may draw of some whole groups of the ledger (``offset``: where they
    start in it): per row drawn once (a wire copy of it counted in ``copies``) its position
    ``_at`` and ``_key``, the row of its panel and chart group in the second frame, which
    holds per panel and group (sorted) ``claims_in_group`` and ``sources_in_group`` (the rows
    drawn and their sources). Text is held as categories."""
    panel = cells(ledger["panel"])
    drawn = ~time_context(ledger) & ~panel.isin(["", what_lexicon().no_noun])
    if by_event:
        drawn &= ~cells(ledger["event"]).isin([NO_EVENT, ""])
    else:
        drawn &= cells(ledger["happened"]) != ""
    rows = ledger.loc[drawn]
    values = panel_frame(rows)
    keys = pd.DataFrame(
        {
            "panel": panel[drawn],
            "group": per_distinct(rows, ["group", "event", "window"],
                                  lambda f: chart_groups(f, by_event)),
            "source": source_cells(rows), "story": story_cells(rows),
            "value": values["value"], "low": values["low"], "high": values["high"],
            "change": cells(rows["change"]),
        },
        index=rows.index,
    )  # fmt: skip
    del values
    same = ["panel", "group", "source", "story", "value", "low", "high", "change"]
    copies = keys.groupby(same, dropna=False, observed=True)["value"].transform("size") - 1
    first = ~keys.duplicated(same)
    keys = keys.loc[first, ["panel", "group", "source"]]
    by_key = keys.groupby(["panel", "group"], observed=True)
    kept = pd.DataFrame(
        {"_at": np.flatnonzero(drawn.to_numpy())[first.to_numpy()] + offset,
         "copies": copies[first].to_numpy(), "_key": by_key.ngroup().to_numpy()}
    )  # fmt: skip
    sizes = by_key.agg(claims_in_group=("source", "size"), sources_in_group=("source", "nunique"))
    sizes.index = pd.MultiIndex.from_arrays(
        [sizes.index.get_level_values(n).astype("str") for n in ("panel", "group")]
    )
    return kept, sizes


def _pick_groups(sizes: pd.DataFrame, per_group: int, per_panel: int) -> pd.DataFrame:
    """The groups of one panel (``sizes``: ``claims_in_group, sources_in_group`` by group),
    most sources first (then most claims, then by name), while they fit in ``per_panel`` rows,
    each drawn with at most ``per_group`` rows (``rows``)."""
    sizes = sizes.assign(rows=sizes["claims_in_group"].clip(upper=per_group), _name=sizes.index)
    sizes = sizes.sort_values(
        ["sources_in_group", "claims_in_group", "_name"], ascending=[False, False, True],
        kind="mergesort",
    )  # fmt: skip
    keep, used = [], 0
    for name, size in sizes["rows"].items():
        if used + size <= per_panel:
            keep.append(name)
            used += size
    return sizes.loc[keep]


def _pick_panels(
    sizes: pd.DataFrame, per_group: int, per_panel: int, max_panels: int, max_rows: int
) -> list[tuple[str, list[str]]]:
    """The panels drawn and their groups: panels with the most rows of groups that several
    sources gave numbers for first (then the most rows, then by name), at most ``max_panels``
    of them and ``max_rows`` rows in all."""
    ranked = []
    for panel, block in sizes.groupby(level="panel", sort=True):
        groups = _pick_groups(block.droplevel("panel"), per_group, per_panel)
        compared = int(groups.loc[groups["sources_in_group"] > 1, "rows"].sum())
        ranked.append(((-compared, -int(groups["rows"].sum()), str(panel)), panel, groups))
    picked, used = [], 0
    for _, panel, groups in sorted(ranked, key=lambda item: item[0]):
        total = int(groups["rows"].sum())
        if len(picked) < max_panels and total and used + total <= max_rows:
            picked.append((panel, list(groups.index)))
            used += total
    return picked


def _draw_panel(rows: pd.DataFrame, groups: list[str], per_group: int) -> pd.DataFrame:
    """The rows drawn of one panel: each of ``groups`` in turn, thinned to ``per_group`` rows
    spread by value, in order of value."""
    parts = [
        spread_by_value(rows.loc[rows["group"] == group], [], per_group).sort_values(
            ["value", "article_id", "start"], kind="mergesort"
        )
        for group in groups
    ]
    return pd.concat(parts)
