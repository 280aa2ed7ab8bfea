"""The claims a ledger counts, read one bucket of the pass's dataset at a time, compactly.

:func:`load_claims` gives the frame ``compact(load_table(processed, "claims", columns))``
without the figures restated in a second unit (``counted``): the same values, the same
dtypes (a text column of few distinct values, at most ``max_share`` of all the claims, as a
category in sorted order; any other as text) and the same categories, so every table built
from it is the one the whole table gives. It never holds the whole table: each bucket's text
columns are read as Arrow dictionaries, their codes mapped to one vocabulary per column, and
only codes and numbers are kept; peak memory is about the frame it returns (a tenth of the
text frame at a million claims). :class:`ClaimStats` carries what the findings count over every
claim, restatements included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from helpers.ledger.common import cells
from helpers.pipeline import memo
from helpers.pipeline.schema import KNOWN_TYPES, SORT_KEYS
from helpers.pipeline.store import (
    DEFAULT_BUCKETS,
    bucket_of,
    part_path,
    read_settings,
    release_memory,
)
from helpers.pipeline.tables import empty_table

MAX_SHARE = 0.1  # as helpers.ledger.common.compact: categories for at most a tenth of the rows


@dataclass
class ClaimStats:
    """Counts over every claim of the dataset, restatements in a second unit included."""

    n_claims: int = 0
    n_articles: int = 0
    source_types: Counter = field(default_factory=Counter)  # claims per source_type
    distinct: dict[str, int] = field(default_factory=dict)  # distinct cells per text column
    # text columns held as categories only to save memory (with ``held_as_text=False``): the
    # frame of the whole table has them as text (:func:`helpers.ledger.as_written`)
    text: tuple[str, ...] = ()


def _is_text(name: str) -> bool:
    return pa.types.is_string(KNOWN_TYPES.get(name, pa.string()))


def _vocabulary(words: list[pa.Array]) -> tuple[pa.Array, list[np.ndarray]]:
    """The distinct words of the parts' dictionaries ``words`` in order of first appearance
    over the parts, and per part the code of each of its words in them (one Arrow dictionary
    encoding of every part's words at once)."""
    every = pa.concat_arrays([w.cast(pa.string()) for w in words]) if words else pa.array([])
    encoded = every.dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    bounds = np.cumsum([0, *(len(w) for w in words)])
    return encoded.dictionary, [codes[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


class _Column:
    """A column filled part by part into one array allocated once (many small arrays and
    a concatenation would leave the memory of both behind); codes widen as they grow."""

    def __init__(self, size: int, dtype: np.dtype) -> None:
        self.cells, self.used = np.empty(size, dtype=dtype), 0

    def add(self, cells: np.ndarray) -> None:
        if self.cells.dtype.kind == "i" and len(cells):
            low, high, room = int(cells.min()), int(cells.max()), np.iinfo(self.cells.dtype)
            if low < room.min or high > room.max:
                self.cells = self.cells.astype(_code_type(max(high + 1, -low)))
        self.cells[self.used : self.used + len(cells)] = cells
        self.used += len(cells)

    def done(self) -> np.ndarray:
        cells = self.cells[: self.used]
        return cells.copy() if self.used < 0.9 * len(self.cells) else cells


def _text_column(codes: np.ndarray, words: pa.Array, limit: int) -> pd.Series:
    """A text column from its ``codes`` in ``words`` (distinct): a categorical with the
    distinct cells as sorted categories when there are at most ``limit`` of them, else text."""
    words = words.cast(pa.string())
    order = np.asarray(pc.array_sort_indices(words))  # UTF-8 bytes: the order of code points
    rank = np.empty(len(order), dtype=_code_type(len(order)))
    rank[order] = np.arange(len(order))
    categories = pd.Index(words.take(pa.array(order)).to_pandas(), dtype="str")
    codes = rank[codes]
    if len(categories) <= limit:
        return pd.Series(pd.Categorical.from_codes(codes, categories))
    return pd.Series(categories.take(codes), dtype="str")


def _narrowed(cells: np.ndarray) -> np.ndarray:
    """64-bit integers as int32 when every one fits (positions, sentence numbers)."""
    room = np.iinfo(np.int32)
    if cells.dtype != np.int64 or (
        len(cells) and (cells.min() < room.min or cells.max() > room.max)
    ):
        return cells
    return cells.astype(np.int32)


def _code_type(n: int) -> type:
    """The smallest integer type that holds 0 to ``n`` - 1 (and -``n``)."""
    for kind in (np.int8, np.int16, np.int32):
        if n <= np.iinfo(kind).max:
            return kind
    return np.int64


def load_claims(
    processed_dir: str | Path,
    columns: Sequence[str],
    max_share: float = MAX_SHARE,
    narrow: bool = False,
    as_text: bool = True,
    cache_dir: str | Path | None = "",
) -> tuple[pd.DataFrame, ClaimStats]:
    """The counted claims of the pass (``columns`` of the ``claims`` dataset, without the
    figures restated in a second unit) and :class:`ClaimStats` over all of them.

    Rows come bucket by bucket, each bucket's rows in written order (the ledger's sort ends
    with ``article_id, start``, so its order does not depend on this one). The frame is what
    :func:`helpers.ledger.compact` makes of the whole table, less the restated rows;
    ``narrow`` holds integer columns whose values fit in 32 bits as int32 (half the memory:
    positions and sentence numbers; cast back to int64 when written); without ``as_text``,
    a column of too many distinct cells for a category (the figures as written) is held as
    one anyway, named in :attr:`ClaimStats.text` (a fraction of the memory of the text).
    Each bucket is read into a :func:`claims_piece` (its text as a small dictionary and
    codes), kept in ``cache_dir`` (:func:`helpers.pipeline.memo.map_parts`; "" keeps none),
    so that a rerun reads again only the buckets that changed.
    """
    names = list(dict.fromkeys([*columns, *SORT_KEYS["claims"], "conversion_of"]))
    kept_names = [c for c in names if c in columns]
    text = [c for c in names if _is_text(c)]
    pieces = memo.map_parts(
        processed_dir, "claims", partial(claims_piece, columns=kept_names),
        columns=names, categories=text, cache_dir=cache_dir, name="ledger-claims", arrow=True,
    )  # fmt: skip
    size = sum(piece["n"] for piece in pieces)
    limit = max(1, int(size * max_share))
    # a text column whose first part is mostly distinct values (the figures as written) is
    # held as text: a vocabulary of millions of cells would cost more
    plain: dict[str, tuple[list, list]] = {}  # text of many values: (kept cells, left-out cells)
    vocabularies = {}  # the other text columns: every part's words, in order of first appearance
    local: dict[str, list[np.ndarray]] = {}  # per part, the code of each of its words
    for name in [c for c in kept_names if c in text and pieces]:
        first = pieces[0]
        if len(first["columns"][name][0]) > max_share * max(first["n"], 1):
            plain[name] = ([], [])
        else:
            vocabularies[name], local[name] = _vocabulary([p["columns"][name][0] for p in pieces])
    filled: dict[str, _Column] = {}
    stats = ClaimStats()
    for at in range(len(pieces)):
        piece, pieces[at] = pieces[at], None  # each piece let go once it is in the columns
        stats.n_claims += piece["n"]
        stats.source_types.update(piece["types"])
        for name in kept_names:
            cells = piece["columns"][name]
            if name in plain:
                words, kept, left = cells
                plain[name][0].append(words.take(pa.array(kept)).cast(pa.large_string()))
                plain[name][1].append(words.take(pa.array(left)))
                continue
            if name in text:
                table = local[name][at]
                cells = table[cells[1]] if len(table) else cells[1].astype(np.int64)
            if name not in filled:
                kind = np.dtype(np.int8) if name in text else cells[1]
                dtype = np.int32 if narrow and kind == np.int64 else kind
                filled[name] = _Column(size, dtype)
            filled[name].add(cells if name in text else cells[0])
        del piece
    local.clear()
    if not stats.n_claims:
        frame = empty_table("claims", names)
        return frame.loc[:, kept_names], stats
    out = {}
    for name in kept_names:
        if name in plain:
            out[name], stats.distinct[name] = _plain_column(*plain.pop(name), limit, as_text)
            if stats.distinct[name] > limit and not as_text:
                stats.text += (name,)
            continue
        cells = filled.pop(name).done()
        if name in text:
            stats.distinct[name] = len(vocabularies[name])
            out[name] = _text_column(cells, vocabularies.pop(name), limit)
        else:
            out[name] = pd.Series(cells)
        del cells
    stats.n_articles = stats.distinct.get("article_id", 0)
    release_memory()
    return pd.DataFrame(out, copy=False), stats


def claims_piece(part: pa.Table, columns: Sequence[str]) -> dict:
    """One bucket's share of :func:`load_claims` (``part``: its claims, text columns read as
    dictionaries): ``n`` rows, the claims per ``source_type`` (``types``), and per column of
    ``columns`` the cells of the rows kept (restatements left out): for a text column its
    dictionary and, as the smallest integers that hold them, the codes of the rows kept and
    of the rows left out; for another column, the kept cells as numpy (integers that fit in
    32 bits as int32) and their dtype."""
    kept = pc.fill_null(pc.less(part["conversion_of"], 0), True).to_numpy(zero_copy_only=False)
    types = {}
    if "source_type" in part.column_names and pa.types.is_dictionary(part["source_type"].type):
        counts = pc.value_counts(part["source_type"].combine_chunks().dictionary_decode())
        types = dict(zip(*(counts.field(i).to_pylist() for i in (0, 1)), strict=True))
    found = {}
    for name in columns:
        cells = part[name].combine_chunks()
        if pa.types.is_dictionary(cells.type):
            indices = cells.indices.to_numpy(zero_copy_only=False)
            indices = indices.astype(_code_type(max(len(cells.dictionary), 1)), copy=False)
            found[name] = (cells.dictionary, indices[kept], indices[~kept])
        else:
            cells = cells.to_numpy(zero_copy_only=False)[kept]
            found[name] = (_narrowed(cells), cells.dtype)
    return {"n": part.num_rows, "types": types, "columns": found}


def _plain_column(
    kept: list[pa.Array], left: list[pa.Array], limit: int, as_text: bool
) -> tuple[pd.Series, int]:
    """A text column held as Arrow text (``kept`` rows; ``left`` the rows left out, counted
    among the distinct values) as :func:`_text_column` gives it (or, unless ``as_text``, as
    categories even when there are too many), and its number of distinct values."""
    every = pa.chunked_array([*kept, *[c.cast(pa.large_string()) for c in left]])
    distinct = pc.count_distinct(every).as_py()
    unique = pc.unique(every).drop_null() if distinct <= limit else None
    del every
    if distinct > limit and as_text:  # the parts' Arrow text, as they are: no copy
        return pd.Series(pa.chunked_array(kept, type=pa.large_string()).to_pandas()), distinct
    whole = pa.chunked_array(kept, type=pa.large_string()).combine_chunks()
    kept.clear()
    values = whole.dictionary_encode()
    del whole
    if unique is not None:  # the categories of every cell, those of the left-out rows too
        missing = unique.filter(pc.invert(pc.is_in(unique, value_set=values.dictionary)))
        every_value = pa.concat_arrays([values.dictionary, missing])
        values = pa.DictionaryArray.from_arrays(values.indices, every_value)
    values = pa.DictionaryArray.from_arrays(values.indices, values.dictionary.cast(pa.string()))
    dictionary = values.dictionary
    order = np.asarray(pc.array_sort_indices(dictionary))  # UTF-8 bytes: code point order
    rank = np.empty(len(order), dtype=_code_type(len(order)))
    rank[order] = np.arange(len(order))
    codes = rank[values.indices.to_numpy(zero_copy_only=False)]
    categories = pd.Index(dictionary.take(pa.array(order)).to_pandas(), dtype="str")
    return pd.Series(pd.Categorical.from_codes(codes, categories)), distinct


def quote_counts(
    processed_dir: str | Path, columns: Sequence[str], cache_dir: str | Path | None = ""
) -> pd.DataFrame:
    """The rows of the pass's ``attributions`` counted per distinct ``columns`` (``n``), read
    one bucket at a time: what a count of who is quoted needs of millions of reporting frames
    (:func:`helpers.ledger.source_counts` takes it as it takes the rows). Each bucket's
    counts are kept in ``cache_dir`` (:func:`helpers.pipeline.memo.map_parts`; "" keeps
    none), so that a rerun counts only the buckets that changed."""
    counts = memo.map_parts(
        processed_dir, "attributions", partial(quote_part, columns=list(columns)),
        columns=list(columns), categories=list(columns), cache_dir=cache_dir,
        name="quote-counts",
    )  # fmt: skip
    total: Counter = Counter()
    for count in counts:  # a few hundred keys a bucket: plain dictionaries add up fastest
        total.update(count)
    keys = sorted(total)  # as a groupby on the text columns sorts them (code point order)
    frame = {c: pd.array([k[i] for k in keys], dtype="str") for i, c in enumerate(columns)}
    return pd.DataFrame({**frame, "n": np.array([total[k] for k in keys], dtype=np.int64)})


def quote_part(part: pd.DataFrame, columns: Sequence[str]) -> dict[tuple[str, ...], int]:
    """One bucket's share of :func:`quote_counts`: its rows per distinct ``columns`` (as
    text, "" for a missing cell)."""
    keys = [cells(part[c]) for c in columns]
    sizes = pd.Series(1, index=part.index).groupby(keys, observed=True).size()
    return {tuple(str(x) for x in key): int(n) for key, n in sizes.items()}


def load_denials(
    processed_dir: str | Path,
    stances: Sequence[str],
    rows: int | None = None,
    cache_dir: str | Path | None = "",
):
    """Every column of the claims whose ``stance`` is one of ``stances``, restatements left
    out, in article order (article, then position), or only the first ``rows`` of them. Each
    bucket's rows are read with a filter and kept in ``cache_dir`` as an Arrow table
    (:func:`helpers.pipeline.memo.map_parts`; "" keeps none): a rerun reads again only the
    buckets that changed."""
    found = memo.map_parts(
        processed_dir, "claims", partial(denied_part, processed_dir=processed_dir,
                                         stances=sorted(stances)),
        columns=["article_id"], cache_dir=cache_dir, name="denials", key=sorted(stances),
    )  # fmt: skip
    found = [t for t in found if t is not None]
    if not found:
        return empty_table("claims")
    whole = pa.concat_tables(found) if len(found) > 1 else found[0]
    del found
    keys = [("article_id", "ascending"), ("start", "ascending")]
    order = pc.sort_indices(whole, sort_keys=keys)  # stable, as a mergesort
    kept = whole.take(order if rows is None else order[:rows])  # only the rows kept
    del whole
    frame = kept.to_pandas(split_blocks=True, self_destruct=True)
    del kept
    release_memory()  # the denied rows of every bucket, handed back
    return frame


def denied_part(
    ids: pd.DataFrame, processed_dir: str | Path, stances: Sequence[str]
) -> pa.Table | None:
    """One bucket's share of :func:`load_denials`: every column of its claims of ``stances``
    (restatements left out), as written. ``ids`` is the bucket's ``article_id`` column, which
    names the bucket; its file is read again with a filter on the stance (every column of a
    bucket made a frame first would cost more than the filtered read). None for no rows."""
    if ids.empty:
        return None
    settings = read_settings(processed_dir)
    bucket = bucket_of(
        str(ids["article_id"].iloc[0]), int(settings.get("buckets", DEFAULT_BUCKETS))
    )
    path = part_path(processed_dir, "claims", bucket)
    part = pq.read_table(path, filters=[("stance", "in", list(stances))])
    return part.filter(pc.fill_null(pc.less(part["conversion_of"], 0), True))
