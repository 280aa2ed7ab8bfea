"""Charts of the kit: the house style, the rows each chart plots, the plots, their captions.

Every chart is saved by :func:`save_chart` as ``figNN-slug.png`` and ``.svg`` beside
``figNN-slug.csv``, the exact rows it plots, and ``figNN-slug.json``, its title and caption. A
chart never mixes units on one axis (one panel per unit family), carries its title in the
image, and escapes text for matplotlib's maths (an outlet named "$5$ News" draws as written).

The package is split by job: ``style`` (house style for the report or slides, saving),
``table`` (small helpers on frames, labels and numbers), ``panels`` (unit families and
conversion), ``claim_rows`` and ``corpus_rows`` (the rows of each chart), ``plots`` and
``corpus_plots`` (drawing), ``captions`` (captions and findings), ``build`` (the charts of
notebook 04 from a study's chart specs and the corpus's own groups) and ``stream`` (the same
claim charts from the claims table read part by part, in bounded memory), with ``sides`` (its
side-by-side chart), ``order`` (a part's claims in the whole table's order) and ``buckets``
(each part's share computed a batch at a time, and kept between runs). Nothing here knows one
story: topics, events, titles and captions of a study's charts come from its study file.
"""

from __future__ import annotations

from helpers.charts.buckets import cached_buckets, in_batches
from helpers.charts.build import (
    KIT_CHARTS,
    Chart,
    check_slugs,
    claim_charts,
    findings,
    group_charts,
    rate_chart,
    save_charts,
    study_chart,
    timeline_chart,
)
from helpers.charts.captions import (
    READING,
    chart_rows_table,
    claims_caption,
    claims_finding,
    largest,
    rate_finding,
    timeline_caption,
    timeline_finding,
)
from helpers.charts.claim_rows import (
    CHANGE_WORDS,
    CLAIM_COLUMNS,
    CLAIM_INPUT_COLUMNS,
    claim_groups,
    claim_rows,
    side_by_side_rows,
    spec_rows,
)
from helpers.charts.corpus_plots import (
    plot_figures_per_words,
    plot_group_counts,
    plot_hedging,
    plot_source_type_mix,
    plot_timeline,
)
from helpers.charts.corpus_rows import (
    FIGURE_INPUT_COLUMNS,
    WORD_PATTERN,
    article_counts,
    article_words,
    count_words,
    figure_counts,
    figures_per_words_rows,
    group_count_rows,
    timeline_rows,
    undated_articles,
)
from helpers.charts.panels import counted, families, without_restatements
from helpers.charts.plots import (
    CHANGE_MARKERS,
    NO_FIGURES,
    empty_chart,
    plot_claims,
    plot_claims_ledger,
)
from helpers.charts.style import (
    COLOURS,
    PALETTE,
    SLUG_PATTERN,
    STYLES,
    current_style,
    figure_size,
    plain,
    save_chart,
    set_house_style,
)
from helpers.charts.table import (
    MAX_ROWS_PER_GROUP,
    MAX_ROWS_PER_PANEL,
    OUTSIDE_SOURCE,
    TRACE_COLUMNS,
    UNKNOWN_OUTLET,
    display_source,
    format_number,
    spread_by_value,
    where_when,
)

__all__ = [
    "CHANGE_MARKERS",
    "CHANGE_WORDS",
    "CLAIM_COLUMNS",
    "CLAIM_INPUT_COLUMNS",
    "FIGURE_INPUT_COLUMNS",
    "COLOURS",
    "KIT_CHARTS",
    "MAX_ROWS_PER_GROUP",
    "MAX_ROWS_PER_PANEL",
    "NO_FIGURES",
    "OUTSIDE_SOURCE",
    "PALETTE",
    "READING",
    "SLUG_PATTERN",
    "STYLES",
    "TRACE_COLUMNS",
    "UNKNOWN_OUTLET",
    "WORD_PATTERN",
    "Chart",
    "article_counts",
    "article_words",
    "cached_buckets",
    "in_batches",
    "chart_rows_table",
    "check_slugs",
    "claim_charts",
    "claim_groups",
    "claim_rows",
    "claims_caption",
    "claims_finding",
    "counted",
    "count_words",
    "figure_counts",
    "current_style",
    "display_source",
    "empty_chart",
    "families",
    "figure_size",
    "figures_per_words_rows",
    "findings",
    "format_number",
    "group_charts",
    "group_count_rows",
    "largest",
    "plain",
    "plot_claims",
    "plot_claims_ledger",
    "plot_figures_per_words",
    "plot_group_counts",
    "plot_hedging",
    "plot_source_type_mix",
    "plot_timeline",
    "rate_chart",
    "rate_finding",
    "save_chart",
    "save_charts",
    "set_house_style",
    "side_by_side_rows",
    "spec_rows",
    "spread_by_value",
    "study_chart",
    "timeline_caption",
    "timeline_chart",
    "timeline_finding",
    "timeline_rows",
    "undated_articles",
    "where_when",
    "without_restatements",
]
