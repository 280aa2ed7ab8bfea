"""Charts of notebook 05: top words per outlet, keyword dispersion, framing and sentiment by
outlet. Each returns a matplotlib Figure with its title in the image, in the house style of
:mod:`helpers.charts.style` (report or slides), text escaped for matplotlib's maths, and no
more outlets than a chart can label (the ones with the most text; the chart says so).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts.plots import empty_chart
from helpers.charts.style import add_title, figure_size, plain, row_fontsize
from helpers.charts.table import MAX_ROWS_PER_PANEL, shorten
from helpers.language.context import DISPERSION_BINS, dispersion_bins

MAX_OUTLET_PANELS = 9  # panels of the top-words chart: the outlets with the most words
MAX_ARTICLE_MARKS = 40  # articles marked on the dispersion plot; more would be a grey wall
TOP_WORDS_TITLE = "Which words does each outlet use most?"
DISPERSION_TITLE = "Where in the corpus do the keywords appear?"
SENTIMENT_TITLE = "How negative does each outlet's wording sound (VADER)?"


def _outlets_by(frame: pd.DataFrame, weight: str, limit: int) -> list[str]:
    totals = frame.groupby("outlet")[weight].sum().sort_index(kind="mergesort")
    return list(totals.sort_values(ascending=False, kind="mergesort").index[:limit])


def plot_top_terms(
    frame: pd.DataFrame, term: str = "word", top_n: int = 10, title: str = TOP_WORDS_TITLE
) -> plt.Figure:
    """One horizontal bar panel per outlet with its ``top_n`` most frequent terms, for the
    :data:`MAX_OUTLET_PANELS` outlets with the most terms counted.

    ``frame`` is the output of ``word_frequencies`` (``term="word"``) or
    ``bigram_frequencies`` (``term="bigram"``).
    """
    if frame.empty:
        return empty_chart(title, "no words to count in this corpus")
    outlets = _outlets_by(frame, "count", MAX_OUTLET_PANELS)
    top_n = min(top_n, MAX_ROWS_PER_PANEL)
    ncols = min(3, len(outlets))
    nrows = -(-len(outlets) // ncols)
    height = max(2.5, 0.22 * top_n + 1.0)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=figure_size(4.0 * ncols, height * nrows + 0.6), squeeze=False,
        layout="constrained",
    )  # fmt: skip
    for ax in axes.flat[len(outlets) :]:
        ax.set_visible(False)
    fontsize = row_fontsize(top_n, height)
    for ax, outlet in zip(axes.flat, outlets, strict=False):
        top = frame[(frame["outlet"] == outlet) & (frame["rank"] <= top_n)]
        ax.barh(range(len(top)), top["count"], color="C0")
        ax.set_yticks(range(len(top)), [plain(t) for t in top[term]], fontsize=fontsize)
        ax.set_ylim(len(top) - 0.5, -0.5)
        ax.set_title(plain(shorten(outlet, 34)), fontsize="medium", loc="left")
        ax.set_xlabel("count")
    left = frame["outlet"].nunique() - len(outlets)
    add_title(fig, title + (f" (the {len(outlets)} outlets with the most words; {left} more "
                            "in the table)" if left else ""))  # fmt: skip
    return fig


def plot_dispersion(
    hits: pd.DataFrame,
    spans: pd.DataFrame,
    keywords: Sequence[str],
    title: str = DISPERSION_TITLE,
) -> plt.Figure:
    """A lexical dispersion plot: one row per keyword, and along the word axis of the corpus a
    bar at each stretch holding a hit, as tall as its hits (:func:`dispersion_bins`, the rows
    the chart's CSV holds): on a small corpus a tick per hit, on a large one a profile. Dotted
    lines mark where each article starts, labelled with its outlet and date, when there are at
    most :data:`MAX_ARTICLE_MARKS` articles."""
    if not len(keywords) or hits.empty:
        return empty_chart(title, "no keyword occurs in this corpus")
    binned = dispersion_bins(hits, spans, keywords)
    fig, ax = plt.subplots(figsize=figure_size(9.0, 1.8 + 0.6 * len(keywords)),
                           layout="constrained")  # fmt: skip
    tallest = max(int(binned["hits"].max()), 1) if len(binned) else 1
    for row, keyword in enumerate(keywords):
        part = binned[binned["keyword"] == keyword]
        height = 0.8 * part["hits"] / tallest
        width = part["end_word"] - part["first_word"]
        ax.bar(part["first_word"], height, width=width, bottom=row - height / 2, align="edge",
               color=f"C{row % 10}", linewidth=0)  # fmt: skip
    if len(spans) <= MAX_ARTICLE_MARKS:
        for span in spans.itertuples(index=False):
            ax.axvline(span.first_word, color="0.6", linestyle=":", linewidth=1)
            label = f"{shorten(span.outlet, 22)} {span.published}".strip()
            ax.text(span.first_word, len(keywords) - 0.4, plain(label), rotation=30,
                    fontsize="x-small", va="bottom")  # fmt: skip
    ax.set_yticks(range(len(keywords)), [plain(k) for k in keywords])
    ax.set_ylim(-0.6, len(keywords) - 0.4)
    end = int((spans["first_word"] + spans["n_words"]).max()) if len(spans) else 1
    ax.set_xlim(0, max(end, 1))
    ax.set_xlabel(f"word position in the corpus (articles in publication order); bar height: "
                  f"hits in a stretch of 1/{DISPERSION_BINS} of it, at most {tallest}")  # fmt: skip
    ax.grid(visible=False)
    add_title(fig, title)
    return fig


def plot_framing(summary: pd.DataFrame, target: str, frames: Sequence[str]) -> plt.Figure:
    """Per outlet (the :data:`MAX_ROWS_PER_PANEL` with the most sentences naming ``target``),
    the share of its sentences naming the target in each of ``frames`` (grouped bars)."""
    title = f"How do outlets frame {target}?"
    named = summary[summary["n_target_sentences"] > 0]
    if named.empty:
        return empty_chart(title, f"no sentence names {target} in this corpus")
    outlets = _outlets_by(named.drop_duplicates("outlet"), "n_target_sentences",
                          MAX_ROWS_PER_PANEL)  # fmt: skip
    table = named.pivot(index="outlet", columns="frame", values="share")
    table = table.reindex(index=outlets, columns=list(frames)).fillna(0.0)
    counts = named.groupby("outlet")["n_target_sentences"].first()
    table.index = [plain(f"{shorten(o, 34)} (n={counts[o]})") for o in table.index]
    table.columns = [plain(c) for c in table.columns]
    fig, ax = plt.subplots(figsize=figure_size(8.0, 0.6 * len(table) + 1.8), layout="constrained")
    table.plot.barh(ax=ax, width=0.8)
    ax.invert_yaxis()
    ax.set_xlabel(plain(f"share of the outlet's sentences that name {target}"))
    ax.set_ylabel("")
    ax.legend(title="frame", loc="lower right")
    add_title(fig, title)
    return fig


def plot_sentiment(summary: pd.DataFrame, target: str = "") -> plt.Figure:
    """The mean VADER compound score per outlet (the :data:`MAX_ROWS_PER_PANEL` with the most
    sentences), all sentences beside those naming ``target`` when there is one (only the
    latter when only they were scored)."""
    if summary.empty or summary["n_sentences"].sum() == 0:
        return empty_chart(SENTIMENT_TITLE, "no sentence to score")
    scored = set(summary["subset"])  # "all" only when every sentence was scored
    first = "all" if "all" in scored else "target"
    outlets = _outlets_by(summary[summary["subset"] == first], "n_sentences", MAX_ROWS_PER_PANEL)
    table = summary.pivot(index="outlet", columns="subset", values="mean_compound")
    named = summary.loc[summary["subset"] == "target", "n_sentences"].sum()
    subsets = [s for s in ("all", "target") if s in scored and (s == "all" or (target and named))]
    names = {"all": "all sentences", "target": plain(f"sentences naming {target}")}
    table = table.reindex(index=outlets, columns=subsets)
    table.columns = [names[s] for s in subsets]
    table.index = [plain(shorten(o, 34)) for o in table.index]
    fig, ax = plt.subplots(figsize=figure_size(8.0, 0.6 * len(table) + 1.8), layout="constrained")
    table.plot.barh(ax=ax, width=0.8)
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", linewidth=1)
    ax.set_xlabel("mean VADER compound score (-1 negative, +1 positive)")
    ax.set_ylabel("")
    ax.legend(loc="lower left")
    add_title(fig, SENTIMENT_TITLE)
    return fig
