"""Notebook 02's view of the figures table, read one part (bucket of articles) at a time, so
that its memory follows the largest part and not the corpus: the counts it prints, the groups
of figures, the extraction rules, the kinds of figure per article, the restatements in a
second unit, the first rows in corpus order, and the whole table copied into one Parquet file
for the report (the buckets' bytes joined, :mod:`helpers.parquet_splice`).

Every summary equals the one computed on the whole table at once (the tests hold it to
that): counts and sums add up over parts, the sets of ``what`` and ``happened`` are joined,
and an example is the first figure in (article_id, start) order over all parts. A part must
hold whole articles, as the pass's buckets do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from helpers.grouping import conversions, group_counts
from helpers.io import write_parquet_parts
from helpers.parquet_splice import splice
from helpers.pipeline import memo
from helpers.pipeline.store import buckets_on_disk, part_path, read_part
from helpers.pipeline.tables import empty_table

ORDER = ["article_id", "start"]
GROUPED = ["article_id", "surface", "what", "happened", "group", "start"]  # what groups read
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


@dataclass(frozen=True)
class PartSummary:
    """What :func:`summarise_part` keeps of one part (whole articles): its counts (figures,
    articles, restated, told) and the small tables :func:`join_summaries` puts together."""

    counts: tuple[int, int, int, int]
    groups: pd.DataFrame  # group_counts of the part, with where each group's first figure is
    rules: pd.DataFrame  # per rule: n, example, sentence, and where its first figure is
    kinds: pd.DataFrame  # figures per article and kind
    restated: pd.DataFrame  # the restating rows, RESTATEMENT_COLUMNS
    first: pd.DataFrame  # the part's first ``head`` rows in (article_id, start) order


def summarise_part(part: pd.DataFrame, head: int = 10) -> PartSummary | None:
    """The partial summary of one part of the figures table (None for a part with no row)."""
    if part.empty:
        return None
    order = part[ORDER].sort_values(ORDER, kind="mergesort").index
    if not (order == part.index).all():  # the pass writes them in order: no copy then
        part = part.loc[order].reset_index(drop=True)
    restating = conversions(part)
    counts = (len(part), part["article_id"].nunique(), int(restating.sum()),
              int((part["happened"] != "").sum()))  # fmt: skip
    return PartSummary(
        counts=counts,
        groups=_part_groups(
            part[GROUPED] if not restating.any() else part.loc[~restating, GROUPED]
        ),
        rules=_part_rules(part),
        kinds=part.groupby(["article_id", "kind"]).size().unstack(fill_value=0),
        restated=part.loc[restating, RESTATEMENT_COLUMNS].reset_index(drop=True),
        first=part.take(range(min(head, len(part)))),  # a copy, not a view of the part
    )


def summarise_batch(parts: list[pd.DataFrame], head: int = 10) -> list[PartSummary | None]:
    """``[summarise_part(part, head) for part in parts]``, computed over the parts put together
    (one pandas or numpy call per step for all of them, each keyed by part and split at the
    end: 256 calls on small parts cost more than one on their rows). Parts that are not as
    the pass writes them (text with missing values, rows out of order) go one at a time."""
    held = [i for i, part in enumerate(parts) if not part.empty]
    found: list[PartSummary | None] = [None] * len(parts)
    batch = pd.concat([parts[i] for i in held], ignore_index=True) if held else None
    sizes = np.array([len(parts[i]) for i in held], dtype=np.int64)
    label = np.repeat(np.arange(len(held)), sizes)
    if batch is None or not _batchable(batch, label):
        return [summarise_part(part, head) for part in parts]
    ends = np.cumsum(sizes)
    restating = conversions(batch).to_numpy()
    articles = pd.factorize(batch["article_id"])[0]
    distinct = np.bincount(np.unique(label * (len(batch) + 1) + articles) // (len(batch) + 1),
                           minlength=len(held))  # fmt: skip
    restated = np.bincount(label, weights=restating, minlength=len(held))
    told = np.bincount(label, weights=(batch["happened"] != "").to_numpy(), minlength=len(held))
    groups = _split(_groups_by_part(batch.loc[~restating, GROUPED], label[~restating]))
    rules = _split(_rules_by_part(batch, label), keep_index=True)
    kinds = batch.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
    kind_part = pd.Series(label, index=batch["article_id"]).groupby(level=0).first()
    kind_part = kind_part.reindex(kinds.index).to_numpy()
    restating_rows = batch.loc[restating, RESTATEMENT_COLUMNS]
    restated_part = label[restating]
    for n, i in enumerate(held):
        start = ends[n] - sizes[n]
        own = kinds[kind_part == n]
        found[i] = PartSummary(
            counts=(int(sizes[n]), int(distinct[n]), int(restated[n]), int(told[n])),
            groups=groups[n] if n in groups else _part_groups(batch[GROUPED].take([])),
            rules=rules[n],
            kinds=own.loc[:, own.to_numpy().any(axis=0)],
            restated=restating_rows[restated_part == n].reset_index(drop=True),
            # take copies: a slice keeps its part's whole Arrow buffers alive in the result
            first=batch.take(range(start, start + min(head, sizes[n]))).reset_index(drop=True),
        )
    return found


def _batchable(batch: pd.DataFrame, label: np.ndarray) -> bool:
    """Whether the parts put together in ``batch`` (``label`` the part of each row) have text
    as the pass writes it (no missing value) and each part's rows in (article_id, start)
    order, as :func:`summarise_batch` needs."""
    texts = batch[[*GROUPED[:-1], "rule", "sentence_text", "kind"]]
    if not all(isinstance(t, pd.StringDtype) for t in texts.dtypes) or texts.isna().any(axis=None):
        return False
    article = pd.factorize(batch["article_id"], sort=True)[0]
    start = batch["start"].to_numpy()
    same = label[1:] == label[:-1]
    ordered = (article[1:] > article[:-1]) | (
        (article[1:] == article[:-1]) & (start[1:] >= start[:-1])
    )
    return bool(np.all(ordered | ~same))


def _split(table: pd.DataFrame, keep_index: bool = False) -> dict[int, pd.DataFrame]:
    """The rows of ``table`` by its ``_part`` column (a part's rows together), without it."""
    parts = table.pop("_part").to_numpy()
    cuts = np.flatnonzero(np.r_[True, parts[1:] != parts[:-1]]) if len(parts) else parts
    bounds = [*cuts.tolist(), len(parts)]
    return {int(parts[a]): table.iloc[a:b] if keep_index else table.iloc[a:b].reset_index(drop=True)
            for a, b in zip(bounds[:-1], bounds[1:], strict=True)}  # fmt: skip


def _groups_by_part(rows: pd.DataFrame, label: np.ndarray) -> pd.DataFrame:
    """:func:`_part_groups` of every part at once: its rows with a ``_part`` column, by part."""
    group_codes, names = pd.factorize(rows["group"])
    codes, keys = pd.factorize(label.astype(np.int64) * (len(names) + 1) + group_codes)
    first = np.unique(codes, return_index=True)[1]
    table = pd.DataFrame(
        {"group": np.asarray(names, dtype=object)[keys % (len(names) + 1)],
         **_per_code(codes, first, rows, len(keys)),
         "_part": keys // (len(names) + 1)}
    )  # fmt: skip
    return table.sort_values(["_part", "figures", "group"], ascending=[True, False, True],
                             ignore_index=True)  # fmt: skip


def _rules_by_part(part: pd.DataFrame, label: np.ndarray) -> pd.DataFrame:
    """:func:`_part_rules` of every part at once, with a ``_part`` column, by part."""
    taken = ["surface", "sentence_text", "article_id", "start"]
    rule_codes, rules = pd.factorize(part["rule"], sort=True)
    keys, first, counts = np.unique(label.astype(np.int64) * len(rules) + rule_codes,
                                    return_index=True, return_counts=True)  # fmt: skip
    table = {"n": counts.astype("int64")}
    for name, column in zip(["example", "sentence", *FIRST], taken, strict=True):
        table[name] = part[column].iloc[first].to_numpy(dtype=object)
    table["first_start"] = table["first_start"].astype("int64")
    table["_part"] = keys // len(rules)
    index = pd.Index(np.asarray(rules, dtype=object)[keys % len(rules)], name="rule")
    return pd.DataFrame(table, index=index)


def join_summaries(parts: Iterable[PartSummary | None], head: int = 10) -> FigureSummary:
    """The :class:`FigureSummary` of the parts whose :func:`summarise_part` are ``parts``."""
    held = [part for part in parts if part is not None]
    return FigureSummary(
        *(sum(part.counts[i] for part in held) for i in range(4)),
        groups=_joined_groups([part.groups for part in held]),
        rules=_joined_rules([part.rules for part in held]),
        kinds=_joined_kinds([part.kinds for part in held]),
        restatements=_in_order([part.restated for part in held], RESTATEMENT_COLUMNS),
        first=_in_order([part.first for part in held]).head(head),
    )


def summarise_parts(parts: Iterable[pd.DataFrame], head: int = 10) -> FigureSummary:
    """The :class:`FigureSummary` of the figures table given as ``parts`` of whole articles."""
    return join_summaries((summarise_part(part, head) for part in parts), head)


def summarise_figures(
    processed_dir: str | Path, head: int = 10, cache_dir: str | Path = ""
) -> FigureSummary:
    """:func:`summarise_parts` of the pass's figures dataset, a few buckets at a time
    (:func:`summarise_batch`), each bucket's :func:`summarise_part` kept in ``cache_dir``
    (empty: none) and read back while the bucket's file is unchanged
    (:func:`helpers.pipeline.memo.map_batches`)."""
    partials = memo.map_batches(
        processed_dir, "figures", partial(summarise_batch, head=head),
        cache_dir=cache_dir, name="figure-summary", key=[head],
    )  # fmt: skip
    return join_summaries(partials, head)


def copy_figures(processed_dir: str | Path, path: str | Path) -> int:
    """Write every row of the pass's figures dataset into one Parquet file (zstd): each
    article's figures together and in text order, the articles in the order of the pass's
    buckets (sort by article_id and start for corpus order), one row group per bucket. The
    buckets' encoded row groups are copied as they are (:func:`helpers.parquet_splice.splice`:
    nothing is decoded or compressed again, so a rerun costs a file copy and the same buckets
    give the same bytes); buckets that cannot be joined so (a bucket of another schema) are
    read and written again, a few at a time. The file replaces ``path`` once it is complete; a
    corpus without figures gives one with the columns and no row. Returns the number of rows
    written."""
    buckets = buckets_on_disk(processed_dir, "figures")
    rows = splice([part_path(processed_dir, "figures", bucket) for bucket in buckets], path)
    if rows is not None:
        return rows
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
    """group_counts of one part, with where each group's first figure is. Text columns as
    the pass writes them (text, no missing value) are counted with one groupby call per
    column (a few milliseconds a part, 256 parts a corpus); any other goes through
    group_counts itself."""
    texts = rows[GROUPED[:-1]]
    plain = all(isinstance(t, pd.StringDtype) for t in texts.dtypes) and not texts.isna().any(
        axis=None
    )
    if rows.empty or not plain:
        table = group_counts(rows)
        if table.empty:
            return table.assign(first_article=pd.Series(dtype=object), first_start=0)
        labels = rows["group"].fillna("").astype(str)
        first = rows.groupby(labels, sort=True)[ORDER].first()
        return table.join(first.set_axis(FIRST, axis=1), on="group")
    codes, labels = pd.factorize(rows["group"])  # in order of first appearance
    first = np.unique(codes, return_index=True)[1]  # the rows are in (article, start) order
    table = pd.DataFrame(
        {"group": np.asarray(labels, dtype=object), **_per_code(codes, first, rows, len(labels))}
    )
    return table.sort_values(["figures", "group"], ascending=[False, True], ignore_index=True)


def _per_code(codes: np.ndarray, first: np.ndarray, rows: pd.DataFrame, n: int) -> dict:
    """The summary's columns for ``n`` codes of ``rows`` (``first``: each code's first row)."""
    return {
        "figures": np.bincount(codes, minlength=n).astype("int64"),
        "articles": _distinct_per_code(codes, rows["article_id"], n),
        "what": _joined_per_code(codes, rows["what"], n),
        "happened": _joined_per_code(codes, rows["happened"], n),
        "example": rows["surface"].iloc[first].to_numpy(dtype=object),
        "first_article": rows["article_id"].iloc[first].to_numpy(dtype=object),
        "first_start": rows["start"].iloc[first].to_numpy(),
    }


def _distinct_per_code(codes: np.ndarray, values: pd.Series, n: int) -> np.ndarray:
    """How many distinct ``values`` each code (0 .. n-1) has."""
    pairs = np.unique(codes.astype(np.int64) * (len(values) + 1) + pd.factorize(values)[0])
    return np.bincount(pairs // (len(values) + 1), minlength=n).astype("int64")


def _joined_per_code(codes: np.ndarray, values: pd.Series, n: int) -> list[str]:
    """The distinct non-empty ``values`` of each code (0 .. n-1), sorted and ";"-joined."""
    found: list[set[str]] = [set() for _ in range(n)]
    value_codes, names = pd.factorize(values)
    names = np.asarray(names, dtype=object)
    width = len(names) + 1
    for pair in np.unique(codes.astype(np.int64) * width + value_codes).tolist():
        found[pair // width].add(names[pair % width])
    return [";".join(sorted(words - {""})) for words in found]


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
    """Per rule of one part: n, and the first figure it read (example, sentence, where)."""
    taken = ["surface", "sentence_text", "article_id", "start"]
    if part[["rule", *taken]].isna().any(axis=None):  # "first" skips a missing value
        by_rule = part.groupby("rule")
        first = by_rule[taken].first().set_axis(["example", "sentence", *FIRST], axis=1)
        return first.assign(n=by_rule.size())[["n", "example", "sentence", *FIRST]]
    codes, rules = pd.factorize(part["rule"], sort=True)
    first = np.unique(codes, return_index=True)[1]
    table = {"n": np.bincount(codes, minlength=len(rules)).astype("int64")}
    for name, column in zip(["example", "sentence", *FIRST], taken, strict=True):
        table[name] = part[column].iloc[first].to_numpy(dtype=object)
    table["first_start"] = table["first_start"].astype("int64")
    return pd.DataFrame(table, index=pd.Index(np.asarray(rules, dtype=object), name="rule"))


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
