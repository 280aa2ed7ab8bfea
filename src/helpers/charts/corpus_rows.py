"""The rows of the charts that summarise the corpus: claims per group, figures per 1,000 words
per outlet, and figures by publication date. Pure functions from the processed tables to the
exact rows a chart plots; they grow with the number of groups, outlets and dates, not claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

from helpers.charts.claim_rows import NO_GROUP, claim_rows
from helpers.charts.table import (
    MAX_ROWS_PER_PANEL,
    TRACE_COLUMNS,
    column,
    outlet_names,
    sorted_rows,
    text,
)

# A word for the per-1,000-words rate: letters or digits, joined by inner apostrophes, hyphens,
# dots or commas, e.g. "Lopez's", "full-scale", "4.5", "1,000" are one word each.
WORD_PATTERN = re.compile(r"\w+(?:['’.,\-]\w+)*")
# The columns of the figures table the rate and timeline charts read (they count figures).
FIGURE_INPUT_COLUMNS = ["article_id"]
GROUP_COUNT_COLUMNS = [
    "group", "panel", "unit_family", "unit", "claims", "sources", "outlets", "articles", "smallest",
    "largest", "drawn", *TRACE_COLUMNS,
]  # fmt: skip


GROUP_KEYS = ["group", "panel", "unit_family", "unit"]  # a row of the claims-per-group chart
# corpus order, for each group's first claim: ``position`` is a row's place in its article
FIRST_ORDER = ["article_id", "start", "end", "surface", "position"]


def group_count_rows(
    claims: pd.DataFrame, top: int = MAX_ROWS_PER_PANEL, rows: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per group of claims (and unit family, when a group holds more than one): how
    many ``claims``, different ``sources``, ``outlets`` and ``articles``, the ``smallest`` and
    ``largest`` value in its ``unit``, and the trace of its first claim in corpus order (an
    example to read). Ordered by claims, most first; ``drawn`` is True for the ``top`` rows a
    chart shows (groups named "other" last), False for the rest, which the CSV still lists.
    ``rows`` (:func:`~helpers.charts.claim_rows.claim_rows` of ``claims``) saves computing
    them again."""
    rows = claim_rows(claims, describe=False) if rows is None else rows
    return group_count_table([group_count_part(rows.assign(position=range(len(rows))))], top)


def group_count_part(rows: pd.DataFrame, by: Sequence[str] = ()) -> dict[str, pd.DataFrame] | None:
    """One part's share of :func:`group_count_rows`: ``rows`` of
    :func:`~helpers.charts.claim_rows.claim_rows` holding whole articles, with ``position``
    (a row's place among its article's rows). Counts, the smallest and largest values, the
    distinct sources and outlets of each group, and its first claim; None for no rows.
    ``by`` (columns of ``rows``, e.g. the part each row came from) splits every table
    further, so that one call gives the shares of several parts at once."""
    if rows.empty:
        return None
    keys = [*by, *GROUP_KEYS]
    counts = rows.groupby(keys, sort=False).agg(
        claims=("value", "size"),
        smallest=("value", "min"),
        largest=("value", "max"),
        articles=("article_id", "nunique"),  # parts hold whole articles: these add up
    )
    first = rows[[*keys, *TRACE_COLUMNS, "position"]]  # sorted, not every column
    first = first.sort_values(FIRST_ORDER, kind="mergesort").drop_duplicates(keys)
    return {
        "counts": counts.reset_index(),
        "sources": rows[[*keys, "source"]].drop_duplicates(),
        "outlets": rows[[*keys, "outlet"]].drop_duplicates(),
        "first": first[[*keys, *TRACE_COLUMNS, "position"]],
    }


def group_count_table(
    parts: Iterable[dict[str, pd.DataFrame] | None], top: int = MAX_ROWS_PER_PANEL
) -> pd.DataFrame:
    """The rows of :func:`group_count_rows` from the :func:`group_count_part` of every part:
    counts added up, smallest of the smallest, distinct sources and outlets of all parts."""
    parts = [p for p in parts if p is not None]
    if not parts:
        return pd.DataFrame(columns=GROUP_COUNT_COLUMNS)

    def stacked(name: str) -> pd.DataFrame:
        return pd.concat([p[name] for p in parts], ignore_index=True)

    counted = (
        stacked("counts")
        .groupby(GROUP_KEYS, sort=True)
        .agg(
            claims=("claims", "sum"),
            smallest=("smallest", "min"),
            largest=("largest", "max"),
            articles=("articles", "sum"),
        )
    )
    for name in ("sources", "outlets"):
        counted[name] = stacked(name).drop_duplicates().groupby(GROUP_KEYS).size()
    first = stacked("first").sort_values(FIRST_ORDER, kind="mergesort")
    traces = first.drop_duplicates(GROUP_KEYS).set_index(GROUP_KEYS)[TRACE_COLUMNS]
    columns = ["claims", "sources", "outlets", "articles", "smallest", "largest"]
    counted = counted[columns].join(traces).reset_index()
    counted["_other"] = counted["group"] == NO_GROUP
    counted = sorted_rows(counted, ["_other", "claims", "group"], ("claims",))
    counted["drawn"] = counted.index < top
    return counted[GROUP_COUNT_COLUMNS]


def count_words(body: str) -> int:
    """Words in ``body`` by :data:`WORD_PATTERN`.

    >>> count_words("Already, more than 4.5 million residents are without power.")
    9
    """
    return len(WORD_PATTERN.findall(body))


def figure_counts(figures: pd.DataFrame | pd.Series | Iterable) -> pd.Series:
    """Figures per ``article_id``: of a figures frame, of its parts (the pass's figures bucket
    by bucket, ``helpers.pipeline.iter_parts`` with the column ``article_id``), of the parts'
    :func:`article_counts` (``helpers.pipeline.memo.map_parts``, kept between runs), or
    already counted (a Series by article id, returned as it is)."""
    if isinstance(figures, pd.Series):
        return figures
    parts = [figures] if isinstance(figures, pd.DataFrame) else figures
    counted = [p if isinstance(p, pd.Series) else article_counts(p) for p in parts]
    counted = [c for c in counted if len(c)]
    if not counted:
        return pd.Series(dtype="int64", name="count")
    return pd.concat(counted).groupby(level=0, sort=False).sum() if len(counted) > 1 else counted[0]


def article_counts(part: pd.DataFrame) -> pd.Series:
    """The rows of each ``article_id`` of one part: its share of :func:`figure_counts`."""
    return text(part["article_id"]).value_counts()


def ok_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles that were read (``status`` ok), with ``outlet`` and ``published`` as text."""
    status = text(column(articles, "status", "ok")).str.lower()
    ok = articles[status.isin(["ok", ""])].copy()
    ok["article_id"] = text(ok["article_id"])
    ok["outlet"] = outlet_names(ok)
    ok["published"] = text(column(ok, "published"))
    return ok


def article_words(sentences: pd.DataFrame | pd.Series | Iterable) -> pd.Series:
    """The words (:data:`WORD_PATTERN`) of each article's sentences, by ``article_id``.
    ``sentences`` is a frame with ``article_id`` and ``text``, or an iterable of such frames
    (the pass's sentences bucket by bucket, ``helpers.pipeline.store.iter_parts``) or of
    their words already counted (``helpers.pipeline.memo.map_parts`` of this function), so
    that a large corpus's text is never held at once; an article may span parts. A Series
    is words already counted, returned as it is."""
    if isinstance(sentences, pd.Series):
        return sentences
    parts = [sentences] if isinstance(sentences, pd.DataFrame) else sentences
    counted = [
        part if isinstance(part, pd.Series) else
        text(part["text"]).str.count(WORD_PATTERN.pattern).groupby(text(part["article_id"])).sum()
        for part in parts
    ]  # fmt: skip
    counted = [c for c in counted if len(c)]
    return pd.concat(counted).groupby(level=0).sum() if counted else pd.Series(dtype=int)


def figures_per_words_rows(
    figures: pd.DataFrame | pd.Series,
    sentences: pd.DataFrame | Iterable[pd.DataFrame],
    articles: pd.DataFrame,
) -> pd.DataFrame:
    """Per outlet: the ``articles`` read, the ``figures`` extracted, the ``words`` of its
    sentences (:func:`article_words`; ``sentences`` a frame or its parts) and
    ``per_1000_words`` = figures / words * 1000 (empty when an outlet has no words).

    ``figures``: a figures frame or its counts by article (:func:`figure_counts`). Only
    articles with status ok count; ``article_ids`` lists them so each bar can be traced
    back to its articles (and through figures.csv to each sentence). Highest rate first.
    """
    ok = ok_articles(articles)[["article_id", "outlet"]]
    words = article_words(sentences)
    n_figures = figure_counts(figures)
    per_article = ok.assign(
        words=ok["article_id"].map(words).fillna(0).astype(int),
        figures=ok["article_id"].map(n_figures).fillna(0).astype(int),
    )
    rows = (
        per_article.sort_values("article_id", kind="mergesort")
        .groupby("outlet", sort=True)
        .agg(
            articles=("article_id", "size"),
            figures=("figures", "sum"),
            words=("words", "sum"),
            article_ids=("article_id", ";".join),
        )
        .reset_index()
    )
    rows["per_1000_words"] = (rows["figures"] / rows["words"] * 1000).where(rows["words"] > 0)
    rows = rows.sort_values(
        ["per_1000_words", "outlet"], ascending=[False, True], kind="mergesort", na_position="last"
    )
    columns = ["outlet", "articles", "figures", "words", "per_1000_words", "article_ids"]
    return rows.reset_index(drop=True)[columns]


TIMELINE_COLUMNS = ["published", "outlet", "figures", "articles"]


def timeline_rows(figures: pd.DataFrame | pd.Series, articles: pd.DataFrame) -> pd.DataFrame:
    """Per publication date and outlet of the dated articles read (status ok, ``published``
    set): how many ``figures`` their articles hold and how many ``articles`` hold one; ordered
    by date, then outlet. A summary, not a row per figure: the pass's ``figures`` dataset
    holds each figure. Figures of undated articles are not here: :func:`undated_articles`
    names them."""
    ok = ok_articles(articles)
    dated = ok[ok["published"] != ""][["article_id", "outlet", "published"]]
    n_figures = figure_counts(figures)
    dated = dated.assign(figures=dated["article_id"].map(n_figures).fillna(0).astype(int))
    dated = dated[dated["figures"] > 0]
    rows = dated.groupby(["published", "outlet"], sort=True).agg(
        figures=("figures", "sum"), articles=("article_id", "size")
    )
    return rows.reset_index()[TIMELINE_COLUMNS]


def undated_articles(figures: pd.DataFrame | pd.Series, articles: pd.DataFrame) -> pd.DataFrame:
    """The articles read (status ok) without a publication date, with how many ``figures``
    each holds: what the timeline leaves out. Ordered by article id."""
    ok = ok_articles(articles)
    undated = ok[ok["published"] == ""].sort_values("article_id", kind="mergesort")
    n_figures = figure_counts(figures)
    undated = undated.assign(figures=undated["article_id"].map(n_figures).fillna(0).astype(int))
    columns = ["article_id", "outlet", "figures"]
    if "date_status" in undated.columns:
        columns.append("date_status")
    return undated[columns].reset_index(drop=True)
