"""The rows of the ledger chart: a labelled point per claim, one panel per unit.

The chart shows, for the groups that most sources gave numbers for, what each source said, so
that disagreeing numbers for one thing sit side by side. It stays readable on any corpus: at
most ``per_group`` claims a group (spread by value), ``per_panel`` rows a panel,
``max_panels`` panels and ``max_rows`` rows in all. Drawing is left to :mod:`helpers.charts`;
nothing here plots.
"""

from __future__ import annotations

import pandas as pd

from helpers.grouping import what_lexicon
from helpers.io import require_columns
from helpers.ledger.book import LEDGER_COLUMNS
from helpers.ledger.common import (
    CLUSTER_COLUMNS,
    OWN_FIGURE,
    UNKNOWN_OUTLET,
    source_names,
    stories,
    texts,
)
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
    """
    require_columns(ledger, LEDGER_COLUMNS, "ledger")
    panel = texts(ledger["panel"])
    drawn = ~time_context(ledger) & ~panel.isin(["", what_lexicon().no_noun])
    if by_event:
        drawn &= ~texts(ledger["event"]).isin([NO_EVENT, ""])
    else:
        drawn &= texts(ledger["happened"]) != ""
    used = [c for c in ledger.columns if c in (*CHART_INPUT_COLUMNS, *CLUSTER_COLUMNS[:1])]
    rows = ledger.loc[drawn, used]
    rows[["value", "low", "high"]] = panel_frame(rows)[["value", "low", "high"]]
    rows = rows.assign(group=chart_groups(rows, by_event), source=source_names(rows),
                       story=stories(rows))  # fmt: skip
    same = ["panel", "group", "source", "story", "value", "low", "high", "change"]
    rows["copies"] = rows.groupby(same, dropna=False)["value"].transform("size") - 1
    rows = rows.drop_duplicates(same)
    sizes = rows.groupby(["panel", "group"]).agg(
        claims_in_group=("value", "size"), sources_in_group=("source", "nunique")
    )
    rows = rows.join(sizes, on=["panel", "group"])
    picked = _pick_panels(sizes, per_group, per_panel, max_panels, max_rows)
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
