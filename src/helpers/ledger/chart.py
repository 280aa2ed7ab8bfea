"""The rows of the ledger chart: a labelled point per claim, one panel per unit.

The chart shows, for the groups that most sources gave numbers for, what each source said, so
that disagreeing numbers for one thing sit side by side. It stays readable on any corpus: at
most ``per_group`` claims a group (spread by value), ``per_panel`` rows a panel and
``max_panels`` panels. Drawing is left to :mod:`helpers.charts`; nothing here plots.
"""

from __future__ import annotations

import pandas as pd

from helpers.grouping import panel_values, what_lexicon
from helpers.io import require_columns
from helpers.ledger.book import LEDGER_COLUMNS, time_context
from helpers.ledger.common import OWN_FIGURE, UNKNOWN_OUTLET, source_names, stories, texts
from helpers.spread import MAX_ROWS_PER_GROUP, spread_by_value
from helpers.vocabulary import NO_EVENT

MAX_ROWS_PER_PANEL = 30  # labelled rows of one panel
MAX_PANELS = 6  # panels of the chart, those with the most rows
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
) -> pd.DataFrame:
    """The rows of the ledger chart (:data:`CHART_COLUMNS`), from :func:`claims_ledger` rows.

    A claim is drawn when something happened to it (``happened``; with ``by_event``, a study
    event other than "other") and its unit is known (not a count with no noun); dates and
    durations that only time a claim are left out, and a wire copy of a claim already drawn is
    counted in ``copies``. ``panel`` holds one unit (``unit``), values converted to it.
    A panel's groups (:func:`chart_groups`) come with the most sources first while they fit in
    ``per_panel`` rows, each thinned to ``per_group`` rows spread by value; the ``max_panels``
    panels with the most rows of groups that several sources gave are kept, those first.
    ``label`` is "source (outlet)" (or "outlet (own figure)"); ``y`` is the row's position in
    its panel, the first group on top.
    """
    require_columns(ledger, LEDGER_COLUMNS, "ledger")
    rows = ledger.loc[~time_context(ledger) & (texts(ledger["panel"]) != "")].copy()
    if by_event:
        rows = rows.loc[~texts(rows["event"]).isin([NO_EVENT, ""])]
    else:
        rows = rows.loc[texts(rows["happened"]) != ""]
    rows = rows.loc[texts(rows["panel"]) != what_lexicon().no_noun]
    rows[["value", "low", "high"]] = panel_values(rows)[["value", "low", "high"]]
    rows = rows.assign(group=chart_groups(rows, by_event), source=source_names(rows),
                       story=stories(rows))  # fmt: skip
    same = ["panel", "group", "source", "story", "value", "low", "high", "change"]
    rows["copies"] = rows.groupby(same, dropna=False)["value"].transform("size") - 1
    rows = rows.drop_duplicates(same)
    rows["claims_in_group"] = rows.groupby(["panel", "group"])["value"].transform("size")
    rows["sources_in_group"] = rows.groupby(["panel", "group"])["source"].transform("nunique")
    parts = [
        _fill_panel(rows.loc[rows["panel"] == panel], per_group, per_panel)
        for panel in sorted(rows["panel"].unique())
    ]
    parts = sorted((p for p in parts if len(p)), key=_panel_rank)
    parts = parts[:max_panels]
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


def _panel_rank(part: pd.DataFrame) -> tuple[int, int, str]:
    """Panels with the most rows of groups that several sources gave numbers for come first."""
    compared = int((part["sources_in_group"] > 1).sum())
    return -compared, -len(part), str(part["panel"].iloc[0])


def _fill_panel(rows: pd.DataFrame, per_group: int, per_panel: int) -> pd.DataFrame:
    """The groups of one panel, most sources first (then most claims, then by name), while they
    fit in ``per_panel`` rows; each thinned to ``per_group`` rows, in order of value."""
    sizes = rows.groupby("group").agg(sources=("source", "nunique"), claims=("value", "size"))
    order = sorted(sizes.index, key=lambda g: (-sizes.at[g, "sources"], -sizes.at[g, "claims"], g))
    parts, used = [], 0
    for group in order:
        block = spread_by_value(rows.loc[rows["group"] == group], [], per_group)
        if used + len(block) > per_panel:
            continue
        parts.append(block.sort_values(["value", "article_id", "start"], kind="mergesort"))
        used += len(block)
    return pd.concat(parts) if parts else rows.iloc[0:0]
