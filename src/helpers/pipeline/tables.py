"""The pass's outputs as the notebooks use them: one table by name, summaries read part by part.

:func:`load_table` reads one per-article table (``figures``, ``claims``, ``attributions``,
``sentences`` ...) written by :func:`helpers.pipeline.run`, for notebooks 02-06, only the
``columns`` asked for. The summaries of notebook 01 read one bucket of articles at a time, so
that the corpus's text is never in memory at once: :func:`sentence_counts` (sentences and
words per article), :func:`line_balance` (what became of each article's lines),
:func:`article_texts` (one article's source and clean text). :func:`load_build` gives the
:class:`helpers.corpus.CorpusBuild` that ``collect_corpus`` would have built, all in memory:
for a small corpus or a test, never at scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from helpers import paths
from helpers.corpus.tables import (
    ARTICLE_COLUMNS,
    POST_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    CorpusBuild,
    line_kinds,
    reporting_lines,
)
from helpers.io import read_table
from helpers.pipeline import memo
from helpers.pipeline.article import TABLE_COLUMNS
from helpers.pipeline.schema import KNOWN_TYPES, SORT_KEYS, TEXT_COLUMNS
from helpers.pipeline.store import (
    buckets_on_disk,
    dataset_dir,
    read_dataset,
)


def load_table(
    processed_dir: str | Path,
    name: str,
    columns: Sequence[str] | None = None,
    categories: Sequence[str] = (),
) -> pd.DataFrame:
    """One table of the pass (``articles`` or a per-article dataset), rows in written order;
    ``columns`` reads only those columns (the key columns that order the rows are added);
    the text columns named in ``categories`` are read as pandas categoricals, whose
    categories are sorted (a fraction of the memory of text repeated over millions of rows)."""
    if name == "articles":
        frame = read_table(Path(processed_dir) / paths.ARTICLES_CSV)
        return frame if columns is None else frame.loc[:, list(columns)]
    if name not in SORT_KEYS:
        raise ValueError(f"no table {name!r}: the pass writes {', '.join(SORT_KEYS)}")
    if columns is not None:
        columns = list(dict.fromkeys([*columns, *SORT_KEYS[name]]))
    if not buckets_on_disk(processed_dir, name):  # no row at all: the table's columns, typed
        return empty_table(name, columns)
    return read_dataset(
        processed_dir, name, columns=columns, order=SORT_KEYS[name], categories=categories
    )


def empty_table(name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A frame of no rows with the columns of table ``name`` (or ``columns``) and the dtypes a
    read of its Parquet files gives: what :func:`load_table` returns for a table the pass
    wrote no file for (a corpus with no figure, say), so that code selecting its columns runs.
    The integer and float columns are those of :data:`helpers.pipeline.schema.KNOWN_TYPES`;
    any other is text."""
    names = list(columns) if columns is not None else list(TABLE_COLUMNS[name])
    schema = pa.schema([pa.field(c, KNOWN_TYPES.get(c, pa.string())) for c in names])
    return schema.empty_table().to_pandas()


def _frame(processed_dir: str | Path, name: str, columns: list[str]) -> pd.DataFrame:
    frame = load_table(processed_dir, name)
    return frame.reindex(columns=columns) if not frame.empty else pd.DataFrame(columns=columns)


def load_build(processed_dir: str | Path) -> CorpusBuild:
    """The corpus tables, texts and messages of the last pass over ``processed_dir``."""
    processed = Path(processed_dir)
    articles = pd.read_parquet(processed / paths.ARTICLES_CSV.replace(".csv", ".parquet"))
    texts = _frame(processed, "texts", list(TEXT_COLUMNS))
    messages = (processed / paths.CORPUS_MESSAGES_TXT).read_text(encoding="utf-8").splitlines()
    return CorpusBuild(
        articles=articles.reindex(columns=ARTICLE_COLUMNS),
        posts=_frame(processed, "posts", POST_COLUMNS),
        sentences=_frame(processed, "sentences", SENTENCE_COLUMNS),
        removed_lines=_frame(processed, "removed_lines", REMOVED_COLUMNS),
        clean_texts=dict(zip(texts["article_id"], texts["clean_text"], strict=True)),
        messages=messages,
        source_texts=dict(zip(texts["article_id"], texts["source_text"], strict=True)),
    )


def sentence_counts(processed_dir: str | Path, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """``article_id, sentences, words`` of every article with sentences, read one bucket of
    sentences at a time (words: runs of non-space characters, the words ``str.split()``
    gives), counted on the Arrow columns: a frame per bucket cost more than the counting.
    With ``cache_dir``, a bucket whose sentences did not change is not read again
    (:mod:`helpers.pipeline.memo`)."""
    ids, sentences, words = [], [], []
    parts = memo.map_parts(processed_dir, "sentences", _sentence_counts_of,
                           columns=["article_id", "text"], cache_dir=cache_dir,
                           name="sentence-counts", arrow=True)  # fmt: skip
    for part_ids, part_sentences, part_words in parts:
        ids += part_ids
        sentences += part_sentences
        words += part_words
    frame = pd.DataFrame(
        {
            "article_id": pd.Series(ids, dtype="str" if ids else object),
            "sentences": pd.Series(sentences, dtype="int64"),
            "words": pd.Series(words, dtype="int64"),
        }
    )
    return frame.sort_values("article_id", kind="mergesort").reset_index(drop=True)


def _sentence_counts_of(part: pa.Table) -> tuple[list, list, list]:
    counts = pa.table(
        {
            "article_id": part.column("article_id"),
            "words": [len(t.split()) for t in part.column("text").to_pylist()],
        }
    )
    grouped = counts.group_by("article_id", use_threads=False).aggregate(
        [("words", "count"), ("words", "sum")]
    )
    return (
        grouped.column("article_id").to_pylist(),
        grouped.column("words_count").to_pylist(),
        grouped.column("words_sum").to_pylist(),
    )


def line_balance(processed_dir: str | Path, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """What became of the non-blank source lines of each ok article (``article_id, kind,
    lines``; :func:`helpers.corpus.line_kinds`), one bucket of texts at a time (with
    ``cache_dir``, only the buckets whose texts changed)."""
    removed = read_dataset(processed_dir, "removed_lines", columns=["article_id", "rule"])
    if removed.empty:
        removed = pd.DataFrame({"article_id": [], "rule": []})
    lines = memo.map_parts(processed_dir, "texts", _reporting_lines_of,
                           columns=["article_id", "clean_text"], cache_dir=cache_dir,
                           name="reporting-lines")  # fmt: skip
    reporting = pd.concat(lines) if lines else pd.Series(dtype="int64", name="lines")
    reporting = reporting.rename_axis("article_id").sort_index(kind="mergesort")
    return line_kinds(removed, reporting)


def _reporting_lines_of(part: pd.DataFrame) -> pd.Series:
    return reporting_lines(dict(zip(part["article_id"], part["clean_text"], strict=True)))


def article_texts(processed_dir: str | Path, article_id: str) -> tuple[str, str]:
    """``(source text, clean text)`` of one article, reading only its bucket."""
    frame = read_dataset(processed_dir, "texts", article_ids=[article_id])
    if frame.empty:
        raise KeyError(f"no texts for article {article_id!r} in {processed_dir}")
    row = frame.iloc[0]
    return str(row["source_text"]), str(row["clean_text"])


def _columns(processed_dir: str | Path, name: str) -> list[str]:
    """The columns of a dataset, from the schema of any of its parts (no rows read)."""
    parts = sorted(dataset_dir(processed_dir, name).glob("part-*.parquet"))
    if parts:
        return list(pq.read_schema(parts[0]).names)
    return list(TABLE_COLUMNS.get(name, ("article_id",)))


def rows_of(processed_dir: str | Path, name: str, article_ids: Sequence[str]) -> pd.DataFrame:
    """The rows of a few articles in one table of the pass, reading only their buckets; rows
    in written order (an empty frame keeps the table's columns)."""
    frame = read_dataset(processed_dir, name, article_ids=list(article_ids))
    if frame.empty:
        return pd.DataFrame(columns=list(frame.columns) or _columns(processed_dir, name))
    keys = [k for k in SORT_KEYS[name] if k in frame.columns]
    return frame.sort_values(keys, kind="mergesort").reset_index(drop=True)
