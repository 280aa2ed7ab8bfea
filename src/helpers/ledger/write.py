"""The claims ledger written as Parquet part by part.

The ledger holds its text as categoricals (:func:`helpers.ledger.common.cells`); a reader of
``claims_ledger.parquet`` gets text, as it did before the ledger was held compactly.
:func:`as_written` turns the columns the ledger made back into text, and
:func:`write_in_row_groups` writes one row group of :data:`ROW_GROUP` rows at a time, so that
only one row group is ever held as text, each category made text once for all of them. A
ledger of at most :data:`ROW_GROUP` rows is the file ``frame.to_parquet`` writes in one go,
byte for byte; a longer one has the same rows, values and types in row groups of a quarter of
pyarrow's default size (at 7 million claims a row group of a million rows as text took about
300 MB above the ledger, the peak of notebook 03).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from helpers.io import write_parquet_parts
from helpers.ledger.common import CLUSTER_COLUMNS
from helpers.ledger.load import release_memory

ROW_GROUP = 256 * 1024  # rows per row group: a quarter of pyarrow's default (1,048,576)
MADE_TEXT = ("group", "event", "what", "happened", "outlet", "published", "panel", "panel_unit",
             CLUSTER_COLUMNS[0])  # fmt: skip  # columns claims_ledger makes (as text, before)
MADE_OBJECT = ("window",)  # made as Python strings (an object column) before
WIDE = ("sentence_id", "start", "end", "cluster_size")  # int64 as read (held as int32)


def as_written(
    ledger: pd.DataFrame, text: Sequence[str] = (), made_text: dict | None = None
) -> pd.DataFrame:
    """``ledger`` (rows of :func:`helpers.ledger.claims_ledger`) with the columns the ledger
    made as categoricals back to the text columns it wrote before; the claims' own columns
    keep their types (a claims column of few values stays a category; positions held as int32
    are int64 again; the categorical columns named in ``text`` are text, as
    :attr:`helpers.ledger.ClaimStats.text` says of the claims the ledger was read from).
    ``made_text`` keeps each column's categories as text between calls on parts of one
    ledger."""
    made_names = {} if made_text is None else made_text
    made = {
        c: ledger[c].astype(np.int64) for c in WIDE if c in ledger and ledger[c].dtype.kind == "i"
    }
    for name in ledger.columns:
        if not isinstance(ledger[name].dtype, pd.CategoricalDtype):
            continue
        codes = ledger[name].cat.codes.to_numpy()
        names = ledger[name].cat.categories
        if (
            name in MADE_TEXT or name in text
        ):  # each category made text once, then taken for every row
            if name not in made_names or made_names[name][0] is not names:
                made_names[name] = (names, pd.array(names, dtype="str"))
            cells = made_names[name][1].take(codes, allow_fill=True)
            made[name] = pd.Series(cells, index=ledger.index)
        elif name in MADE_OBJECT:
            cells = np.asarray(names, dtype=object)[codes]
            made[name] = pd.Series(cells, index=ledger.index, dtype=object)
    return ledger.assign(**made) if made else ledger


def write_in_row_groups(
    frame: pd.DataFrame,
    path: str | Path,
    text: Sequence[str] = (),
    rows: int = ROW_GROUP,
) -> Path:
    """Write ``frame`` (a ledger) as Parquet (zstd, no index, as
    :func:`helpers.io.write_parquet`), one row group of ``rows`` at a time, each made text
    by :func:`as_written` (with ``text``) just before it is written; the file replaces
    ``path`` atomically once it is complete."""

    made: dict = {}  # each column's categories made text once, for every row group

    def row_groups():
        schema = None
        for start in range(0, max(len(frame), 1), rows):
            part = as_written(frame.iloc[start : start + rows], text, made)
            table = pa.Table.from_pandas(part, schema=schema, preserve_index=False)
            schema = table.schema
            del part
            yield table
            del table
            release_memory()

    write_parquet_parts(row_groups(), path)
    return Path(path)
