"""Charts that summarise the corpus by outlet, group or date: claims per group, figures per
1,000 words, the timeline of figures, whose figures each outlet reports and how often it hedges.

Each takes the rows of :mod:`helpers.charts.corpus_rows` (or of ``helpers.ledger``) and returns
a matplotlib Figure with its title in the image. Long lists are cut to the first
:data:`~helpers.charts.table.MAX_ROWS_PER_PANEL` rows, and the chart says so.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import dates as mdates

from helpers.charts.plots import empty_chart
from helpers.charts.style import (
    COLOURS,
    add_title,
    figure_size,
    palette,
    plain,
    row_fontsize,
    row_inches,
)
from helpers.charts.table import MAX_ROWS_PER_PANEL, panel_name, shorten

GROUPS_TITLE = "What does the corpus count most often, and how many sources give each figure?"
RATE_TITLE = "Which outlets report the most figures per 1,000 words?"
TIMELINE_TITLE = "When were the figures published?"
SOURCE_TYPES_TITLE = "Whose figures does each outlet report?"
HEDGING_TITLE = "How often is a figure hedged, by outlet?"


def _bar_figure(width: float, rows: int) -> tuple[plt.Figure, plt.Axes]:
    """A figure of one axes for ``rows`` bars (or rows of dots), its title made room for."""
    height = row_inches() * (rows + 4)
    return plt.subplots(figsize=figure_size(width, height), layout="constrained")


def _note_cut(ax: plt.Axes, shown: int, total: int, what: str) -> None:
    if total > shown:
        ax.text(0.0, -0.18, plain(f"{shown} of {total:,} {what} drawn; the CSV lists them all"),
                transform=ax.transAxes, fontsize="small", color="0.35", va="top")  # fmt: skip


def plot_group_counts(rows: pd.DataFrame, title: str = GROUPS_TITLE) -> plt.Figure:
    """A bar per group of :func:`~helpers.charts.corpus_rows.group_count_rows` (the ``drawn``
    ones), its length the number of claims, with the sources, outlets and the range of values
    written beside it."""
    drawn = rows[rows["drawn"].astype(bool)] if "drawn" in rows else rows
    if drawn.empty:
        return empty_chart(title)
    fig, ax = _bar_figure(9.0, len(drawn))
    pairs = zip(drawn["group"], drawn["unit"], strict=True)
    labels = [plain(shorten(panel_name(group, unit), 45)) for group, unit in pairs]
    ax.barh(range(len(drawn)), drawn["claims"], color=COLOURS[0])
    fontsize = row_fontsize(len(drawn), fig.get_figheight())
    ax.set_yticks(range(len(drawn)), labels, fontsize=fontsize)
    ax.set_ylim(len(drawn) - 0.5, -0.5)
    for y, row in enumerate(drawn.itertuples(index=False)):
        note = f"{row.sources} source(s), {row.outlets} outlet(s)"
        ax.annotate(plain(note), (row.claims, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=fontsize * 0.9)  # fmt: skip
    ax.set_xlim(0, drawn["claims"].max() * 1.6)
    ax.set_xlabel("claims (figures with who gave them)")
    _note_cut(ax, len(drawn), len(rows), "groups")
    add_title(fig, title)
    return fig


def plot_figures_per_words(rows: pd.DataFrame, title: str = RATE_TITLE) -> plt.Figure:
    """A bar per outlet of :func:`~helpers.charts.corpus_rows.figures_per_words_rows` (the
    first :data:`MAX_ROWS_PER_PANEL`), labelled with the figures and words behind the rate."""
    rated = rows[rows["per_1000_words"].notna()]
    if rated.empty or rated["figures"].sum() == 0:
        return empty_chart(title)
    plotted = rated.head(MAX_ROWS_PER_PANEL)
    fig, ax = _bar_figure(8.0, len(plotted))
    ax.barh(range(len(plotted)), plotted["per_1000_words"], color=COLOURS[0])
    fontsize = row_fontsize(len(plotted), fig.get_figheight())
    names = [plain(shorten(o, 40)) for o in plotted["outlet"]]
    ax.set_yticks(range(len(plotted)), names, fontsize=fontsize)
    ax.set_ylim(len(plotted) - 0.5, -0.5)
    for y, row in enumerate(plotted.itertuples(index=False)):
        note = f"{row.per_1000_words:.1f}  ({row.figures} figures / {row.words:,} words)"
        ax.annotate(note, (row.per_1000_words, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=fontsize * 0.9)  # fmt: skip
    ax.set_xlim(0, plotted["per_1000_words"].max() * 1.6)
    ax.set_xlabel("figures per 1,000 words")
    _note_cut(ax, len(plotted), len(rated), "outlets")
    add_title(fig, title)
    return fig


def plot_timeline(rows: pd.DataFrame, title: str = TIMELINE_TITLE) -> plt.Figure:
    """For each publication date and outlet of :func:`~helpers.charts.corpus_rows.timeline_rows`,
    a dot sized by its ``figures``; the outlets with the most figures get a row each (at most
    :data:`MAX_ROWS_PER_PANEL`), the rest one row "other outlets"."""
    if rows.empty:
        return empty_chart(title)
    rows = rows.assign(date=pd.to_datetime(rows["published"], format="%Y-%m-%d", errors="coerce"))
    rows = rows[rows["date"].notna()]
    if rows.empty:
        return empty_chart(title, "no figures with a readable publication date")
    ranked = rows.groupby("outlet")["figures"].sum().sort_index(kind="mergesort")
    ranked = ranked.sort_values(ascending=False, kind="mergesort")
    kept = sorted(ranked.index[: MAX_ROWS_PER_PANEL - 1]) if len(ranked) > MAX_ROWS_PER_PANEL \
        else sorted(ranked.index)  # fmt: skip
    other = "(other outlets)"
    rows = rows.assign(outlet=rows["outlet"].where(rows["outlet"].isin(kept), other))
    counts = rows.groupby(["date", "outlet"], sort=True)["figures"].sum().rename("n").reset_index()
    outlets = kept + ([other] if other in set(counts["outlet"]) else [])
    fig, ax = _bar_figure(8.0, len(outlets) + 1)
    y = counts["outlet"].map({o: i for i, o in enumerate(outlets)})
    ax.scatter(counts["date"], y, s=40 + 12 * counts["n"].clip(upper=60),
               color=COLOURS[0], alpha=0.8, zorder=3)  # fmt: skip
    if len(counts) <= 60:
        for date, level, n in zip(counts["date"], y, counts["n"], strict=True):
            ax.annotate(f"{n} on {date:%Y-%m-%d}", (date, level), xytext=(10, 6),
                        textcoords="offset points", fontsize="small")  # fmt: skip
    fontsize = row_fontsize(len(outlets), fig.get_figheight())
    ax.set_yticks(range(len(outlets)), [plain(shorten(o, 40)) for o in outlets], fontsize=fontsize)
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    first, last = counts["date"].min(), counts["date"].max()
    pad = max(pd.Timedelta(days=1), (last - first) * 0.1)
    ax.set_xlim(first - pad, last + pad)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("publication date (dot size: figures reported that day)")
    add_title(fig, title)
    return fig


def top_outlets(frame: pd.DataFrame, weight: str, limit: int = MAX_ROWS_PER_PANEL) -> list[str]:
    """The ``limit`` outlets of ``frame`` with the largest total ``weight`` (ties by name)."""
    totals = frame.groupby("outlet")[weight].sum().sort_index(kind="mergesort")
    return list(totals.sort_values(ascending=False, kind="mergesort").index[:limit])


def plot_source_type_mix(
    mix: pd.DataFrame, order: list[str] | None = None, title: str = SOURCE_TYPES_TITLE
) -> plt.Figure:
    """Stacked bars from ``helpers.ledger.source_type_mix`` (``outlet, source_type, n,
    share``): for each outlet (the :data:`MAX_ROWS_PER_PANEL` with the most figures), the share
    of its figures by source type, in ``order`` (types with no figure left out)."""
    if mix.empty or mix["n"].sum() == 0:
        return empty_chart(title)
    outlets = top_outlets(mix, "n")
    shares = mix[mix["outlet"].isin(outlets)].pivot(
        index="outlet", columns="source_type", values="share"
    )
    types = [t for t in (order or sorted(shares.columns)) if t in shares.columns]
    shares = shares.reindex(index=outlets, columns=types).fillna(0.0)
    shares = shares.loc[:, shares.sum() > 0]
    fig, ax = _bar_figure(9.0, len(outlets))
    left = pd.Series(0.0, index=shares.index)
    colours = palette(len(shares.columns))
    for colour, kind in zip(colours, shares.columns, strict=False):
        ax.barh(range(len(shares)), shares[kind], left=left, color=colour, label=plain(kind))
        left += shares[kind]
    fontsize = row_fontsize(len(shares), fig.get_figheight())
    names = [plain(shorten(o, 40)) for o in shares.index]
    ax.set_yticks(range(len(shares)), names, fontsize=fontsize)
    ax.set_ylim(len(shares) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's figures")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="source type")
    _note_cut(ax, len(outlets), mix["outlet"].nunique(), "outlets")
    add_title(fig, title)
    return fig


def plot_hedging(hedging: pd.DataFrame, title: str = HEDGING_TITLE) -> plt.Figure:
    """A bar per outlet from ``helpers.ledger.hedging_by_outlet`` (``outlet, n_figures,
    share_hedged``): the share of its figures in a hedged sentence (the outlets with the most
    figures, at most :data:`MAX_ROWS_PER_PANEL`)."""
    if hedging.empty:
        return empty_chart(title)
    outlets = top_outlets(hedging, "n_figures")
    rows = hedging.set_index("outlet").loc[outlets]
    fig, ax = _bar_figure(7.5, len(rows))
    ax.barh(range(len(rows)), rows["share_hedged"], color=COLOURS[0])
    fontsize = row_fontsize(len(rows), fig.get_figheight())
    names = [plain(shorten(o, 40)) for o in rows.index]
    ax.set_yticks(range(len(rows)), names, fontsize=fontsize)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for y, row in enumerate(rows.itertuples()):
        note = f"{row.share_hedged:.0%} of {row.n_figures}"
        ax.annotate(note, (row.share_hedged, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=fontsize * 0.9)  # fmt: skip
    ax.set_xlim(0, 1.15)
    ax.set_xlabel("share of figures in a hedged sentence")
    _note_cut(ax, len(rows), len(hedging), "outlets")
    add_title(fig, title)
    return fig
