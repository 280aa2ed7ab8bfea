"""Notebook 02's view of the figures table, read one part (bucket of articles) at a time, so
that its memory follows the largest part and not the corpus: the counts it prints, the groups
of figures, the extraction rules, the kinds of figure per article, the restatements in a
second unit, the first rows in corpus order, and the whole table copied into one Parquet file
for the report.

Every summary equals the one computed on the whole table at once (the tests hold it to
that): counts and sums add up over parts, the sets of ``what`` and ``happened`` are joined,
and an example is the first figure in (article_id, start) order over all parts. A part must
hold whole articles, as the pass's buckets do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from helpers.grouping import conversions, group_counts
from helpers.io import write_parquet_parts
from helpers.pipeline.store import buckets_on_disk, read_part
from helpers.pipeline.tables import empty_table

ORDER = ["article_id", "start"]
FIRST = ["first_article", "first_start"]  # where a part's first row of a group or rule is
RESTATEMENT_COLUMNS = ["article_id", "surface", "conversion_of", "group", "sentence_text"]
BATCH_ROWS = 250_000  # buckets are read together up to this many figures: fewer, larger steps


@dataclass(frozen=True)
class FigureSummary:
    """What notebook 02 shows of the figures table."""

    figures: int  # rows of the table
    articles: int  # articles with at least one figure
    restated: int  # figures that restate another in a second unit
    told: int  # figures that say what happened to what they count
    groups: pd.DataFrame  # helpers.grouping.group_counts of the whole table
    rules: pd.DataFrame  # per rule: n, example, sentence (first figure read by it)
    kinds: pd.DataFrame  # figures per article (rows) and kind (columns)
    restatements: pd.DataFrame  # the restating rows, RESTATEMENT_COLUMNS
    first: pd.DataFrame  # the first ``head`` rows in corpus order, every column


def summarise_parts(parts: Iterable[pd.DataFrame], head: int = 10) -> FigureSummary:
    """The :class:`FigureSummary` of the figures table given as ``parts`` of whole articles."""
    counts = [0, 0, 0, 0]
    groups, rules, kinds, restated, firsts = [], [], [], [], []
    for part in parts:
        if part.empty:
            continue
        part = part.sort_values(ORDER, kind="mergesort", ignore_index=True)
        restating = conversions(part)
        counts[0] += len(part)
        counts[1] += part["article_id"].nunique()
        counts[2] += int(restating.sum())
        counts[3] += int((part["happened"] != "").sum())
        groups.append(_part_groups(part.loc[~restating]))
        rules.append(_part_rules(part))
        kinds.append(part.groupby(["article_id", "kind"]).size().unstack(fill_value=0))
        restated.append(part.loc[restating, RESTATEMENT_COLUMNS])
        firsts.append(part.take(range(min(head, len(part)))))  # a copy, not a view of the part
    return FigureSummary(
        *counts,
        groups=_joined_groups(groups),
        rules=_joined_rules(rules),
        kinds=_joined_kinds(kinds),
        restatements=_in_order(restated, RESTATEMENT_COLUMNS),
        first=_in_order(firsts).head(head),
    )


def summarise_figures(processed_dir: str | Path, head: int = 10) -> FigureSummary:
    """:func:`summarise_parts` of the pass's figures dataset, a few buckets at a time
    (:data:`BATCH_ROWS` figures)."""
    return summarise_parts((table.to_pandas() for table in _batches(processed_dir)), head)


def copy_figures(processed_dir: str | Path, path: str | Path) -> int:
    """Write every row of the pass's figures dataset into one Parquet file (zstd), a few
    buckets at a time: each article's figures together and in text order, the articles in
    the order of the pass's buckets (sort by article_id and start for corpus order). The file
    replaces ``path`` once it is complete; a corpus without figures gives one with the
    columns and no row. Returns the number of rows written."""
    empty = pa.Schema.from_pandas(empty_table("figures"), preserve_index=False)
    return write_parquet_parts(_batches(processed_dir), path, empty_schema=empty)


def _batches(processed_dir: str | Path) -> Iterator[pa.Table]:
    """The figures buckets, put together up to :data:`BATCH_ROWS` rows."""
    held: list[pa.Table] = []
    rows = 0
    for bucket in buckets_on_disk(processed_dir, "figures"):
        table = read_part(processed_dir, "figures", bucket)
        if table is None:
            continue
        held.append(table if not held else table.cast(held[0].schema))
        rows += table.num_rows
        if rows >= BATCH_ROWS:
            yield pa.concat_tables(held)
            held, rows = [], 0
    if held:
        yield pa.concat_tables(held)


def _part_groups(rows: pd.DataFrame) -> pd.DataFrame:
    """group_counts of one part, with where each group's first figure is."""
    table = group_counts(rows)
    if table.empty:
        return table.assign(first_article=pd.Series(dtype=object), first_start=0)
    labels = rows["group"].fillna("").astype(str)
    first = rows.groupby(labels, sort=True)[ORDER].first()
    return table.join(first.set_axis(FIRST, axis=1), on="group")


def _joined_groups(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return group_counts(
            pd.DataFrame(columns=["article_id", "surface", "what", "happened", "group"])
        )
    rows = pd.concat(parts, ignore_index=True).sort_values(FIRST, kind="mergesort")
    table = rows.groupby("group", sort=True).agg(
        figures=("figures", "sum"), articles=("articles", "sum"), what=("what", _union),
        happened=("happened", _union), example=("example", "first"),
    )  # fmt: skip
    table = table.reset_index().sort_values(["figures", "group"], ascending=[False, True])
    return table.reset_index(drop=True)


def _union(values: pd.Series) -> str:
    """The ";"-joined sets of the parts, joined: sorted, no empty entry."""
    words = {word for value in values for word in value.split(";")}
    return ";".join(sorted(words - {""}))


def _part_rules(part: pd.DataFrame) -> pd.DataFrame:
    return part.groupby("rule").agg(
        n=("surface", "size"), example=("surface", "first"), sentence=("sentence_text", "first"),
        first_article=("article_id", "first"), first_start=("start", "first"),
    )  # fmt: skip


def _joined_rules(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Per rule: how many figures it read, and the first of them (example and sentence), most
    figures first, as notebook 02 sorts them."""
    if not parts:
        empty = pd.DataFrame(columns=["n", "example", "sentence"]).rename_axis("rule")
        return empty.astype({"n": "int64"})
    rows = pd.concat(parts).sort_values(FIRST, kind="mergesort")
    table = rows.groupby(level="rule", sort=True).agg(
        n=("n", "sum"), example=("example", "first"), sentence=("sentence", "first")
    )
    return table.sort_values("n", ascending=False)


def _joined_kinds(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.crosstab(pd.Series([], name="article_id"), pd.Series([], name="kind"))
    table = pd.concat(parts).sort_index()
    table = table.reindex(columns=sorted(table.columns)).fillna(0).astype("int64")
    return table.rename_axis(index="article_id", columns="kind")


def _in_order(parts: list[pd.DataFrame], columns: list[str] | None = None) -> pd.DataFrame:
    """The rows of the parts in (article_id, start) order: each part's rows are in that order
    and an article is in one part, so a stable sort by article alone puts them there."""
    if not parts:
        return pd.DataFrame(columns=columns)
    rows = pd.concat(parts, ignore_index=True)
    return rows.sort_values("article_id", kind="mergesort", ignore_index=True)
