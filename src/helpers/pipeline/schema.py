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
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


def row_columns(rows: Sequence[Mapping[str, object]]) -> list[str]:
    """The columns of dict rows: their keys in the order first seen (as pandas reads them)."""
    return list(dict.fromkeys(key for row in rows for key in row))


def rows_to_arrow(
    table: str,
    columns: Sequence[str],
    rows: Sequence[Mapping[str, object]] | Sequence[Sequence[object]],
    kept: pa.Table | None = None,
) -> pa.Table | None:
    """One part of ``table``: the rows of ``kept`` (a part read back) and the new ``rows``
    (dicts keyed by ``columns``, a missing key being null, or tuples in their order), with the
    columns and Arrow types of :func:`to_arrow` and the order of :func:`sort_rows`; None when
    there is no row. The same table :func:`to_arrow` gives for the pandas frame of the same
    rows, built without pandas (a frame per table per bucket cost more than the work)."""
    chunk = rows_chunk(columns, rows)
    return arrow_part(table, columns, [chunk] if chunk is not None else [], kept)


def rows_chunk(
    columns: Sequence[str], rows: Sequence[Mapping[str, object]] | Sequence[Sequence[object]]
) -> pa.Table | None:
    """Some of a part's new rows as an Arrow table, in their order (None for no row): a
    column of :data:`KNOWN_TYPES` has its type, any other the type of its first value (text
    when it has none; :func:`arrow_part` settles it over all the chunks). The rows of a
    bucket are made Arrow a few articles at a time, so that a worker never holds a whole
    bucket of them as Python objects (a tenth of the memory)."""
    if not rows:
        return None
    as_dicts = isinstance(rows[0], Mapping)
    if as_dicts:  # read by Arrow's converter straight from the dicts, below
        values = [map(itemgetter_or_none(name), rows) for name in columns]
    else:
        values = [list(v) for v in zip(*rows, strict=True)]
    fields = []
    for name, column in zip(columns, values, strict=True):
        kind = KNOWN_TYPES.get(name)
        if kind is None:
            kind = _value_type([next((v for v in column if not _missing(v)), None)])
        fields.append(pa.field(name, kind))
    if as_dicts:  # one struct array from the dicts (a missing key is null), then its columns
        return pa.Table.from_struct_array(pa.array(rows, type=pa.struct(fields), from_pandas=True))
    arrays = [
        pa.array(v, type=f.type, from_pandas=True) for v, f in zip(values, fields, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def arrow_part(
    table: str, columns: Sequence[str], chunks: Sequence[pa.Table], kept: pa.Table | None = None
) -> pa.Table | None:
    """One part of ``table`` from the :func:`rows_chunk` chunks of its new rows (in order) and
    the rows of ``kept`` (a part read back), sorted as :func:`sort_rows`; None when there is
    no row. A column outside :data:`KNOWN_TYPES` takes the type of its first value over all
    the chunks, else its type in ``kept``, else text."""
    old = kept.schema if kept is not None else pa.schema([])
    fields = []
    for name in columns:
        kind = KNOWN_TYPES.get(name)
        if kind is None:
            valued = (c for c in chunks if c.column(name).null_count < c.num_rows)
            first = next(valued, None)
            if first is not None:
                kind = first.schema.field(name).type
            else:  # no value: the type of the kept rows
                kind = old.field(name).type if name in old.names else pa.string()
        fields.append(pa.field(name, kind))
    schema = pa.schema(fields)
    parts = [c if c.schema.equals(schema) else c.cast(schema) for c in chunks]
    if kept is not None and kept.num_rows:
        parts.insert(0, _aligned(kept, schema))
    if not parts:
        return None
    out = pa.concat_tables(parts) if len(parts) > 1 else parts[0]
    keys = [k for k in SORT_KEYS[table] if k in schema.names]
    if keys and out.num_rows > 1:
        out = out.take(pc.sort_indices(out, sort_keys=[(k, "ascending") for k in keys]))
    return out.combine_chunks().replace_schema_metadata(None)


def itemgetter_or_none(name: str):
    """A function that reads ``name`` of a dict row, None when it lacks it."""

    def get(row: Mapping[str, object]) -> object:
        return row.get(name)

    return get


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _aligned(part: pa.Table, schema: pa.Schema) -> pa.Table:
    """``part`` with the columns of ``schema``, in its order and types (null where missing)."""
    arrays = [
        part.column(f.name).cast(f.type) if f.name in part.column_names
        else pa.nulls(part.num_rows, f.type)
        for f in schema
    ]  # fmt: skip
    return pa.Table.from_arrays(arrays, schema=schema)
