"""Per-part results of the claim charts, computed a batch of parts at a time and, from the pass's
store, kept between runs.

Notebook 04 reduces each bucket of the claims to a small share of its charts (counts, distinct
sources, first claims, the few rows a chart may draw) and adds the shares up exactly
(:mod:`helpers.charts.stream`). A pandas call on one bucket of a few thousand claims costs
mostly its overhead (a bucket alone took 7 times the time of the same rows in a batch), so
the shares are computed a batch of parts at a time and split by part: ``fn(parts)`` returns
one result per part, each a function of its part alone.

- :func:`in_batches`: the parts a reader yields, in batches (no cache);
- :func:`cached_buckets`: the buckets of one dataset of the pass; a bucket whose file, function
  ``name``, ``key``, columns and library code are unchanged is read back from ``cache_dir``
  (:func:`helpers.pipeline.memo.map_batches`), and only the others are read and computed,
  in batches;
- :func:`split_by`: a frame's rows per part, from one column of part numbers.

Both give an ``Each``: ``each(fn, columns, name, key)`` -> the results, in part order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from helpers.pipeline import memo

BATCH_ROWS = 200_000  # claims turned into chart rows at once (a row costs about 1 kB then)

Batch = Callable[[list[pd.DataFrame]], list[Any]]
Each = Callable[[Batch, Sequence[str], str, Any], list[Any]]


def in_batches(read: Callable[[Sequence[str]], Iterable[pd.DataFrame]],
               rows: int = BATCH_ROWS) -> Each:  # fmt: skip
    """An ``Each`` over the parts ``read(columns)`` yields (each holding whole articles), put
    together about ``rows`` rows at a time; ``name`` and ``key`` are not used (no cache)."""

    def each(fn: Batch, columns: Sequence[str], name: str = "", key: Any = ()) -> list[Any]:
        results, held, size = [], [], 0
        for part in read(columns):
            held.append(part)
            size += len(part)
            if size >= rows:
                results.extend(fn(held))
                held, size = [], 0
        if held:
            results.extend(fn(held))
        return results

    return each


def cached_buckets(
    processed_dir: str | Path, table: str, cache_dir: str | Path | None, rows: int = BATCH_ROWS
) -> Each:
    """An ``Each`` over the buckets of ``table`` in ``processed_dir``: the result of a bucket
    already computed with the same file, ``name``, ``key``, columns and code is read from
    ``cache_dir`` (none: ``cache_dir`` empty), the others are computed about ``rows`` claims
    at a time and stored (:func:`helpers.pipeline.memo.map_batches`)."""

    def each(fn: Batch, columns: Sequence[str], name: str, key: Any = ()) -> list[Any]:
        return memo.map_batches(
            processed_dir, table, fn, columns=list(columns), cache_dir=cache_dir or None,
            name=name, key=key, rows=rows,
        )  # fmt: skip

    return each


def together(parts: list[pd.DataFrame]) -> tuple[pd.DataFrame, np.ndarray]:
    """``parts`` as one frame (index reset: row numbers), and the row each part starts at."""
    starts = np.cumsum([0, *[len(part) for part in parts[:-1]]]).astype(np.int64)
    batch = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return batch.reset_index(drop=True), starts


def split_by(frame: pd.DataFrame | None, column: str, n: int) -> list[pd.DataFrame | None]:
    """The rows of ``frame`` of each part 0 to ``n`` - 1 (``column``: a row's part, dropped),
    in their order; None for a part without rows (or no frame). The frame is put in part order
    once and cut into slices (a selection per part cost five times as much)."""
    if frame is None or frame.empty:
        return [None] * n
    at = frame[column].to_numpy(dtype=np.int64)
    order = np.argsort(at, kind="stable")
    bounds = np.searchsorted(at[order], np.arange(n + 1))
    frame = frame.drop(columns=column).take(order)
    return [
        frame.iloc[start:end] if end > start else None
        for start, end in zip(bounds[:-1], bounds[1:], strict=True)
    ]


Packed = tuple[list[str], list[Any]]


def packed(frame: pd.DataFrame | None) -> Packed | None:
    """``frame``'s columns as arrays (numpy or pandas extension arrays), for a cache: a frame
    read back from a pickle costs its index and block manager again, which for a few thousand
    small frames cost more than their rows. None for no frame or no rows."""
    if frame is None or frame.empty:
        return None
    arrays = [
        frame[c].array if isinstance(frame[c].dtype, pd.api.extensions.ExtensionDtype)
        else frame[c].to_numpy()
        for c in frame.columns
    ]  # fmt: skip
    return list(frame.columns), arrays


def unpacked(pieces: Iterable[Packed | None]) -> pd.DataFrame | None:
    """The frames :func:`packed` keeps, one after another as one frame (as ``pd.concat`` with
    ``ignore_index``: the same columns and types); None when there is none."""
    pieces = [p for p in pieces if p is not None]
    if not pieces:
        return None
    columns = pieces[0][0]
    whole = {}
    for at, name in enumerate(columns):
        arrays = [p[1][at] for p in pieces]
        if isinstance(arrays[0], np.ndarray):
            whole[name] = np.concatenate(arrays)
        else:
            whole[name] = type(arrays[0])._concat_same_type(arrays)
    return pd.DataFrame(whole, copy=False)
