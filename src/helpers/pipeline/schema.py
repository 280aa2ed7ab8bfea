"""The per-article tables of the pipeline: their names, row order and Arrow column types.

Every table the per-article pass makes is written as a Parquet dataset, one file per bucket of
articles (:mod:`helpers.pipeline.store`). For the files to be the same bytes whichever engine
wrote them, and for the parts of one dataset to share one schema, each column gets its Arrow
type here, not from whatever pandas guessed for one batch: the integer and float columns are
read off the upstream contracts (:class:`helpers.figures.Figure` and the corpus tables), any
other column is text. A column that upstream adds later is typed from its values.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable

import pandas as pd
import pyarrow as pa

from helpers.corpus.tables import INTEGER_COLUMNS
from helpers.figures import Figure

# table name -> the columns that order its rows (a stable sort, as helpers.io.write_table does)
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "posts": ("article_id", "post"),
    "sentences": ("article_id", "sentence_id"),
    "removed_lines": ("article_id", "line_no"),
    "figures": ("article_id", "start"),
    "claims": ("article_id", "start"),
    "attributions": ("article_id", "sentence_id", "start"),
    "texts": ("article_id",),
}
ROW_TABLES = tuple(SORT_KEYS)  # the tables of one article's rows, in writing order
# the ``texts`` table: the clean text (start/end offsets index it) and the source text
# (raw_start/raw_end index it: the file's text, a page's main text, an export row's text)
TEXT_COLUMNS = ("article_id", "clean_text", "source_text")

_PYTHON_TYPES = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string()}


def _figure_types() -> dict[str, pa.DataType]:
    hints = typing.get_type_hints(Figure)
    return {name: _PYTHON_TYPES.get(kind, pa.string()) for name, kind in hints.items()}


KNOWN_TYPES: dict[str, pa.DataType] = {
    **{name: pa.int64() for name in INTEGER_COLUMNS},
    **_figure_types(),
    "sentence_id": pa.int64(),
    "post": pa.int64(),
}


def _value_type(values: Iterable[object]) -> pa.DataType:
    """The Arrow type of a column upstream added that this module does not know yet."""
    for value in values:
        if value is None or (isinstance(value, float) and value != value):
            continue
        for kind in (bool, int, float):  # bool first: True is an int too
            if isinstance(value, kind):
                return _PYTHON_TYPES[kind]
        return pa.string()
    return pa.string()


def arrow_schema(frame: pd.DataFrame) -> pa.Schema:
    """The Arrow schema of ``frame``'s columns, in order (see the module docstring)."""
    return pa.schema(
        [
            pa.field(str(c), KNOWN_TYPES.get(str(c)) or _value_type(frame[c].tolist()))
            for c in frame.columns
        ]
    )


def to_arrow(frame: pd.DataFrame, schema: pa.Schema | None = None) -> pa.Table:
    """``frame`` as an Arrow table of :func:`arrow_schema`, without the pandas index or metadata
    (so that parts written from frames of different batches share one schema, byte for byte)."""
    schema = schema or arrow_schema(frame)
    table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False, safe=True)
    return table.replace_schema_metadata(None)


def sort_rows(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Rows of ``table`` in their written order: stable sort by :data:`SORT_KEYS`."""
    keys = [k for k in SORT_KEYS[table] if k in frame.columns]
    if not keys or frame.empty:
        return frame.reset_index(drop=True)
    return frame.sort_values(keys, kind="mergesort").reset_index(drop=True)
