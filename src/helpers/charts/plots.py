"""Charts of claims, a labelled row per claim, one panel per unit: the study's topic charts, the
corpus's groups side by side, and the claims ledger.

Each function takes the rows of :mod:`helpers.charts.claim_rows` (or of
``helpers.ledger.ledger_chart_data``) and returns a matplotlib Figure with its title in the
image; :func:`helpers.charts.style.save_chart` saves it. A panel has one unit on its x axis, so a
count of places never shares an axis with a count of people, nor miles with kilometres.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import lines as mlines
from matplotlib import ticker as mticker

from helpers.charts.claim_rows import CHANGE_WORDS
from helpers.charts.style import (
    COLOURS,
    add_title,
    figure_size,
    palette,
    plain,
    row_fontsize,
    row_inches,
)
from helpers.charts.table import MAX_ROWS_PER_PANEL, format_number, shorten, text

CHANGE_MARKERS = {"=": "o", "~": "D", ">": ">", "<": "<", "up": "^", "down": "v"}
NO_FIGURES = "no figures of this kind in this corpus"
MAX_COLOURS = 10  # more colour groups than this are drawn in one colour, without a legend
LEDGER_TITLE = "Which numbers did each source report, group by group?"


def empty_chart(title: str, message: str = NO_FIGURES) -> plt.Figure:
    """A small chart that says there is nothing to plot, instead of raising."""
    fig, ax = plt.subplots(figsize=figure_size(8.0, 2.0), layout="constrained")
    add_title(fig, title)
    ax.text(0.5, 0.5, plain(message), ha="center", va="center", fontsize="large", color="0.35")
    ax.set_axis_off()
    return fig


def number_axis(ax: plt.Axes, low: pd.Series, high: pd.Series) -> None:
    """A log x axis when the positive values span more than 20 times, else linear from 0; tick
    labels as a reader writes numbers ("4.5 million")."""
    values = pd.concat([low, high]).dropna()
    positive = values[values > 0]
    if len(positive) and positive.max() / positive.min() > 20 and (values > 0).all():
        ax.set_xscale("log")
        few = positive.max() / positive.min() < 300  # under 2.5 decades: ticks at 1, 2, 5
        ax.xaxis.set_major_locator(mticker.LogLocator(subs=(1, 2, 5) if few else (1,), numticks=6))
        ax.xaxis.set_minor_formatter(mticker.NullFormatter())
    else:
        if len(values) and values.min() >= 0:
            ax.set_xlim(left=0, right=max(values.max(), 1e-9) * 1.05)
        ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins=4))
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda x, _pos: format_number(x, 2)))


def _pad_right(ax: plt.Axes, factor: float = 1.4) -> None:
    """Room on the right of the points for the words written beside them."""
    left, right = ax.get_xlim()
    if ax.get_xscale() == "log":
        ax.set_xlim(left, right * factor**3)
    else:
        ax.set_xlim(left, left + (right - left) * factor)


def _panel_figure(
    sizes: list[int], width: float = 10.0
) -> tuple[plt.Figure, list[plt.Axes], float]:
    """A figure with one panel per entry of ``sizes`` (rows), stacked, heights by rows.
    Returns the figure, the panels and the font size for their row labels."""
    ratios = [n + 1.6 for n in sizes]
    height = row_inches() * (sum(ratios) + 5)  # and the title and legend
    fig = plt.figure(figsize=figure_size(width, height), layout="constrained")
    grid = fig.add_gridspec(len(sizes), 1, height_ratios=ratios)
    axes = [fig.add_subplot(grid[i, 0]) for i in range(len(sizes))]
    return fig, axes, row_fontsize(int(sum(ratios)) + 5, fig.get_figheight())


def _colours(values: pd.Series, order: list[str] | None) -> dict[str, tuple]:
    groups = [g for g in (order or []) if g in set(values)]
    groups += sorted(set(values) - set(groups))
    if len(groups) > MAX_COLOURS:
        return {}
    return dict(zip(groups, palette(len(groups)), strict=True))


def _draw_rows(ax: plt.Axes, rows: pd.DataFrame, colours: dict, hue: str, fontsize: float):
    """One row per claim: a marker at ``value`` shaped by ``change`` (hollow if vague), a line
    from ``low`` to ``high``, the ``text`` beside it, the ``label`` on the y axis."""
    default = COLOURS[0]
    for y, row in enumerate(rows.itertuples(index=False)):
        colour = colours.get(getattr(row, hue), default)
        lo, hi, point = row.low, row.high, row.value
        if lo < hi:
            ax.hlines(y, lo, hi, color=colour, linewidth=2, alpha=0.8)
            ax.vlines([lo, hi], y - 0.15, y + 0.15, color=colour, linewidth=1.5)
        ax.plot(
            [point], [y], linestyle="none", markersize=8,
            marker=CHANGE_MARKERS.get(row.change, "o"), markeredgecolor=colour,
            markerfacecolor="white" if row.is_vague else colour,
        )  # fmt: skip
        ax.annotate(
            plain(shorten(row.text, 48)), (max(point, hi), y), xytext=(7, 0),
            textcoords="offset points", va="center", fontsize=fontsize * 0.9, color="0.2",
        )  # fmt: skip
    ax.set_yticks(range(len(rows)), [plain(label) for label in rows["label"]], fontsize=fontsize)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)


def _legend_marker(marker: str, label: str, filled: bool) -> mlines.Line2D:
    return mlines.Line2D(
        [], [], linestyle="none", marker=marker, markersize=8, markeredgecolor="0.3",
        markerfacecolor="0.3" if filled else "white", label=label,
    )  # fmt: skip


def _legend(fig: plt.Figure, rows: pd.DataFrame, colours: dict, colour_title: str) -> None:
    handles = [
        mlines.Line2D([], [], color=c, linewidth=6, label=plain(shorten(g, 30)))
        for g, c in colours.items()
    ]
    for change in sorted(set(rows["change"]), key=lambda c: list(CHANGE_MARKERS).index(c)
                         if c in CHANGE_MARKERS else 99):  # fmt: skip
        words = CHANGE_WORDS.get(change, change)
        handles.append(_legend_marker(CHANGE_MARKERS.get(change, "o"), f"'{change}' {words}", True))
    if rows["is_vague"].any():
        handles.append(_legend_marker("o", "vague ('hundreds'): mid-point", filled=False))
    if (rows["low"] < rows["high"]).any():
        handles.append(mlines.Line2D([], [], color="0.3", linewidth=2, label="range: low to high"))
    title = plain(colour_title) if colours else None
    fig.legend(handles=handles, loc="outside lower left", title=title, ncols=3)


def plot_claims(
    rows: pd.DataFrame, title: str, colour: str = "outlet", colour_order: list[str] | None = None
) -> plt.Figure:
    """Draw claim rows (:func:`~helpers.charts.claim_rows.spec_rows` or
    :func:`~helpers.charts.claim_rows.side_by_side_rows`): one panel per ``panel``, its x axis
    in the panel's ``unit``, a row per claim coloured by ``colour`` (one colour when there are
    more than :data:`MAX_COLOURS`)."""
    if rows.empty:
        return empty_chart(title)
    panels = list(dict.fromkeys(rows["panel"]))
    blocks = [rows[rows["panel"] == panel] for panel in panels]
    fig, axes, fontsize = _panel_figure([len(block) for block in blocks])
    colours = _colours(rows[colour], colour_order)
    for ax, panel, block in zip(axes, panels, blocks, strict=True):
        _draw_rows(ax, block, colours, colour, fontsize)
        number_axis(ax, block["low"], block["high"])
        _pad_right(ax)
        unit = block["unit"].iloc[0]
        ax.set_xlabel(plain(unit + (" (log scale)" if ax.get_xscale() == "log" else "")))
        total = int(block["claims_in_panel"].max())
        name = f"{panel}: {len(block)} of {total:,} claims drawn" if total > len(block) else panel
        ax.set_title(plain(shorten(name, 80)), fontsize="medium", loc="left")
    _legend(fig, rows, colours, colour)
    add_title(fig, title)
    return fig


def plot_claims_ledger(data: pd.DataFrame, title: str = LEDGER_TITLE) -> plt.Figure:
    """Draw ``helpers.ledger.ledger_chart_data`` rows: one panel per ``panel`` (one unit family
    each, its ``unit`` or ``panel_unit`` on the x axis), a point per claim at ``value`` with
    ``err_low``/``err_high`` as error bars, a hollow
    marker for a qualified figure ("more than", "about"), grey bands between ``group``s, rows
    by ``y`` (highest on top). A panel of more than :data:`MAX_ROWS_PER_PANEL` rows draws the
    first of them and says how many it leaves to the ledger table."""
    if data.empty:
        return empty_chart(title)
    panel = text(data["panel"]) if "panel" in data.columns else pd.Series("all", index=data.index)
    data = data.assign(_panel=panel.replace("", "all"))
    panels = list(dict.fromkeys(data["_panel"]))
    blocks = [data[data["_panel"] == p].sort_values("y", ascending=False, kind="mergesort")
              for p in panels]  # fmt: skip
    shown = [block.head(MAX_ROWS_PER_PANEL) for block in blocks]
    fig, axes, fontsize = _panel_figure([len(block) for block in shown])
    for ax, name, block, full in zip(axes, panels, shown, blocks, strict=True):
        _draw_ledger_panel(ax, block.reset_index(drop=True), fontsize)
        left = len(full) - len(block)
        note = f" ({left} more rows in the ledger table)" if left else ""
        ax.set_title(plain(shorten(name, 70) + note), fontsize="medium", loc="left")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2)
    add_title(fig, title)
    return fig


def _draw_ledger_panel(ax: plt.Axes, block: pd.DataFrame, fontsize: float) -> None:
    positions = pd.Series(range(len(block)), index=block.index)
    qualified = text(block["change"]).isin([">", "<", "~"])
    for flag, face in ((False, None), (True, "white")):
        part = block[qualified == flag]
        ax.errorbar(
            part["value"], positions[part.index], xerr=[part["err_low"], part["err_high"]],
            fmt="o", capsize=3, markerfacecolor=face, color="C0",
            label="with a qualifier (more than, about ...)" if flag else "as stated",
        )  # fmt: skip
    surface = text(block["surface"]) if "surface" in block.columns else ""
    labels = text(block["label"]) + (" - " + surface if len(surface) else "")
    ax.set_yticks(range(len(block)), [plain(shorten(x, 70)) for x in labels], fontsize=fontsize)
    ax.set_ylim(len(block) - 0.5, -0.5)
    groups = text(block["group"])
    for i, group in enumerate(dict.fromkeys(groups)):
        where = positions[groups == group]
        if i % 2 == 0:
            ax.axhspan(where.min() - 0.5, where.max() + 0.5, color="0.93", zorder=0)
        ax.text(1.01, where.mean(), plain(shorten(group, 30)), transform=ax.get_yaxis_transform(),
                va="center", fontsize=fontsize * 0.9)  # fmt: skip
    number_axis(ax, block["low"], block["high"])
    _pad_right(ax, 1.08)
    named = [c for c in ("unit", "panel_unit") if c in block.columns]
    unit = text(block[named[0]]).iloc[0] if named else ""
    scale = " (log scale)" if ax.get_xscale() == "log" else ""
    ax.set_xlabel(plain((unit or "value as reported") + scale))
    ax.grid(axis="y", visible=False)
