"""The charts of notebook 04, each drawn once with its rows, title, caption and finding: the
study's topic charts (its ``charts:`` specs) and the kit's own charts for any corpus (claims per
group, sources side by side, figures per 1,000 words, the timeline).

>>> [slug[:5] for slug, _ in KIT_CHARTS]
['fig44', 'fig45', 'fig46', 'fig47']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import captions as cap
from helpers.charts import stream
from helpers.charts.claim_rows import claim_rows, side_by_side_rows, spec_rows
from helpers.charts.corpus_plots import (
    GROUPS_TITLE,
    RATE_TITLE,
    TIMELINE_TITLE,
    plot_figures_per_words,
    plot_group_counts,
    plot_timeline,
)
from helpers.charts.corpus_rows import (
    figures_per_words_rows,
    group_count_rows,
    timeline_rows,
    undated_articles,
)
from helpers.charts.plots import plot_claims
from helpers.charts.style import save_chart

SIDE_BY_SIDE_TITLE = "How do different sources' numbers for the same thing compare?"
KIT_CHARTS = (
    ("fig44-figures-per-words", RATE_TITLE),
    ("fig45-figures-timeline", TIMELINE_TITLE),
    ("fig46-claims-by-group", GROUPS_TITLE),
    ("fig47-sources-side-by-side", SIDE_BY_SIDE_TITLE),
)
# What the timeline's CSV holds, and where each figure is.
TIMELINE_ROWS = (
    "Its CSV counts figures per date and outlet; each figure, with its sentence, is a row of the "
    "pass's figures dataset (processed/parquet/figures/)."
)
RESERVED = {slug[:5] for slug, _ in KIT_CHARTS}  # fig44 ... fig47: a study chart may not use them


@dataclass
class Chart:
    """One chart of the report: its file name, title, caption, the rows it plots, a sentence
    of what it shows, and the drawn figure."""

    slug: str
    title: str
    caption: str
    rows: pd.DataFrame
    finding: str
    figure: plt.Figure


def check_slugs(slugs: Iterable[str]) -> None:
    """Refuse a study chart whose number is one of the kit's own charts (fig44-fig47)."""
    taken = sorted(s for s in slugs if s[:5] in RESERVED)
    if taken:
        raise ValueError(
            f"study charts {taken} use a number of the kit's own charts "
            f"({', '.join(sorted(RESERVED))}); give them another figNN in the study file"
        )


def study_chart(claims: pd.DataFrame, spec, rows: pd.DataFrame | None = None) -> Chart:
    """The chart a study's ``charts:`` entry asks for (a :class:`helpers.study.ChartSpec`):
    its claims one row each, one panel per unit family, coloured by event when the spec names
    several events (in their order), else by outlet. ``rows`` (:func:`claim_rows` of
    ``claims``, computed once for all the charts of a notebook) saves computing them again."""
    rows, left_out = spec_rows(
        claims, spec.topics, spec.events, spec.groups, spec.unit_family, rows=rows
    )
    return _spec_chart(spec, rows, left_out)


def _spec_chart(spec, rows: pd.DataFrame, left_out: pd.DataFrame) -> Chart:
    colour = "event" if len(spec.events) > 1 else "outlet"
    figure = plot_claims(rows, spec.title, colour, list(spec.events) or None)
    caption = cap.claims_caption(spec.caption, rows, left_out)
    return Chart(spec.slug, spec.title, caption, rows, cap.claims_finding(rows, left_out), figure)


def group_charts(claims: pd.DataFrame, rows: pd.DataFrame | None = None) -> list[Chart]:
    """The kit's two charts of the corpus's own groups: claims per group, and the groups that
    the most sources gave figures for, sources side by side. ``rows`` as in
    :func:`study_chart`; without, :func:`claim_rows` is computed once for both."""
    rows = claim_rows(claims, describe=False) if rows is None else rows
    return _group_charts(group_count_rows(claims, rows=rows), side_by_side_rows(claims, rows=rows))


def claim_charts(each, fetch, specs) -> tuple[list[Chart], list[Chart]]:
    """:func:`study_chart` of each of ``specs`` and :func:`group_charts`, the same charts, from
    a claims table in parts (``each`` and ``fetch`` as in
    :func:`helpers.charts.stream.claim_charts`: :func:`helpers.charts.cached_buckets` keeps
    each bucket's share of the charts between runs)."""
    spec_rows_, counts, side = stream.claim_charts(each, fetch, specs)
    drawn = [_spec_chart(spec, *found) for spec, found in zip(specs, spec_rows_, strict=True)]
    return drawn, _group_charts(counts, side)


def _group_charts(counts: pd.DataFrame, side: pd.DataFrame) -> list[Chart]:
    (count_slug, count_title), (side_slug, side_title) = KIT_CHARTS[2], KIT_CHARTS[3]
    return [
        Chart(count_slug, count_title, cap.group_counts_caption(counts), counts,
              cap.group_counts_finding(counts), plot_group_counts(counts, count_title)),
        Chart(side_slug, side_title, cap.side_by_side_caption(side), side,
              cap.side_by_side_finding(side), plot_claims(side, side_title, "outlet")),
    ]  # fmt: skip


def rate_chart(
    figures: pd.DataFrame | pd.Series,
    sentences: pd.DataFrame | Iterable[pd.DataFrame],
    articles: pd.DataFrame,
) -> Chart:
    """Figures per 1,000 words, by outlet; ``figures`` a frame or its counts by article
    (:func:`~helpers.charts.corpus_rows.figure_counts`), ``sentences`` a frame or its parts
    (bucket by bucket, so a large corpus's text is never held at once)."""
    rows = figures_per_words_rows(figures, sentences, articles)
    slug, title = KIT_CHARTS[0]
    figure = plot_figures_per_words(rows, title)
    return Chart(slug, title, cap.RATE_CAPTION, rows, cap.rate_finding(rows), figure)


def timeline_chart(figures: pd.DataFrame | pd.Series, articles: pd.DataFrame) -> Chart:
    """Figures by publication date and outlet (one row per date and outlet); undated articles
    named in the caption."""
    rows, undated = timeline_rows(figures, articles), undated_articles(figures, articles)
    slug, title = KIT_CHARTS[1]
    caption = " ".join([cap.TIMELINE_CAPTION, TIMELINE_ROWS, cap.timeline_caption(undated)])
    dates = rows.loc[rows.index.repeat(rows["figures"]), ["published"]]  # a row per figure
    return Chart(slug, title, caption, rows, cap.timeline_finding(dates, undated),
                 plot_timeline(rows, title))  # fmt: skip


def save_charts(charts: Iterable[Chart], out_dir: str | Path, notebook: str) -> list[Path]:
    """Save every chart with :func:`~helpers.charts.style.save_chart`; return the PNG paths."""
    return [
        save_chart(c.figure, c.rows, c.slug, out_dir, c.title, c.caption, notebook)["png"]
        for c in charts
    ]


def findings(charts: Iterable[Chart]) -> str:
    """The finding of every chart, one line each, for a notebook to print."""
    return "\n".join(f"- {c.title} {c.finding}" for c in charts)
