"""Per-bucket partial results kept between runs, so that a notebook recomputes only what changed.

The pass writes each dataset as one Parquet file per bucket of articles and replaces a file
only when one of its articles changed (:mod:`helpers.pipeline.store`): 10 articles added to
20,000 rewrite at most 10 of 256 files. A notebook that reduces each bucket to a small partial
result (counts, sums, a few chosen rows) and combines the partials exactly can reuse the
partials of every bucket whose file did not change:

    >>> partials = map_parts(processed, "claims", count_units, columns=["unit"],
    ...                      cache_dir=cache_dir, name="04-unit-counts")  # doctest: +SKIP

:func:`map_batches` does the same for a function that is cheaper on many parts at once (one
pandas call over a few buckets instead of one per bucket), still caching one result per bucket.

A stored result is read back only when everything it was computed from is the same: the
sha256 of the bucket's files, the function's ``name`` and ``key``, the columns read, and the
library's code version (every file of ``helpers``, as for the per-article cache). So the
function must be a pure function of the part and of what ``key`` names; given that, a run with
the cache gives the same results as one without (``cache_dir`` empty), byte for byte.

Results are pickled in ``cache_dir/<name>/part-<bucket>-<digest>.pkl``, written atomically;
results of buckets no longer in the store are deleted.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from helpers.filehash import HashMemo
from helpers.io import atomic_write_bytes
from helpers.pipeline.cache import code_version
from helpers.pipeline.store import buckets_on_disk, part_path, read_part_file

MEMO_FORMAT = 1  # bump when the layout of a stored result changes
PICKLE_PROTOCOL = 5


def map_parts(
    processed_dir: str | Path,
    table: str,
    fn: Callable[[pd.DataFrame], Any],
    *,
    columns: Sequence[str] | None = None,
    categories: Sequence[str] = (),
    cache_dir: str | Path | None = None,
    name: str = "",
    key: Any = (),
    arrow: bool = False,
) -> list[Any]:
    """``[fn(part) for part in iter_parts(processed_dir, table, columns, categories)]``, with
    the result of every bucket whose file is unchanged read from ``cache_dir`` instead of
    computed (``cache_dir`` empty or None: every bucket computed, nothing stored). ``arrow``
    hands ``fn`` the part as a ``pyarrow.Table`` instead of a frame."""
    return map_parts_with(
        processed_dir,
        [table],
        lambda parts: fn(parts[table]),
        columns={table: columns} if columns is not None else None,
        categories={table: categories},
        cache_dir=cache_dir,
        name=name,
        key=key,
        arrow=arrow,
    )


def map_parts_with(
    processed_dir: str | Path,
    tables: Sequence[str],
    fn: Callable[[dict[str, pd.DataFrame]], Any],
    *,
    columns: Mapping[str, Sequence[str] | None] | None = None,
    categories: Mapping[str, Sequence[str]] | None = None,
    cache_dir: str | Path | None = None,
    name: str = "",
    key: Any = (),
    arrow: bool = False,
) -> list[Any]:
    """``fn({table: part, ...})`` for every bucket that has a file of any of ``tables``, in
    bucket order; a table without a file in that bucket comes as an empty frame of its
    ``columns`` (an empty table of text columns with ``arrow``). Cached as :func:`map_parts`."""
    columns = dict(columns or {})
    categories = dict(categories or {})
    buckets = sorted({b for table in tables for b in buckets_on_disk(processed_dir, table)})
    store = (
        _Store(cache_dir, name, (key, arrow), tables, columns, categories) if cache_dir else None
    )
    read = _read_tables if arrow else _read_parts
    results = []
    for bucket in buckets:
        files = {table: part_path(processed_dir, table, bucket) for table in tables}
        if store is None:
            results.append(fn(read(files, columns, categories)))
            continue
        digest = store.digest(files)
        found, result = store.get(bucket, digest)
        if not found:
            result = fn(read(files, columns, categories))
            store.put(bucket, digest, result)
        results.append(result)
    if store is not None:
        store.forget_others(set(buckets))
    return results


def map_batches(
    processed_dir: str | Path,
    table: str,
    fn: Callable[[list[pd.DataFrame]], list[Any]],
    *,
    columns: Sequence[str] | None = None,
    categories: Sequence[str] = (),
    cache_dir: str | Path | None = None,
    name: str = "",
    key: Any = (),
    rows: int = 200_000,
) -> list[Any]:
    """:func:`map_parts` for a function that is cheaper on many parts at once: ``fn`` gets
    the parts of the buckets whose result is not stored, about ``rows`` rows at a time, and
    returns one result per part, in their order. The results, one per bucket in bucket
    order, are cached exactly as :func:`map_parts` caches them (the same digests)."""
    buckets = buckets_on_disk(processed_dir, table)
    wanted = {table: columns}
    kinds = {table: categories}
    store = _Store(cache_dir, name, (key, False), [table], wanted, kinds) if cache_dir else None
    results: dict[int, Any] = {}
    pending: list[tuple[int, str, pd.DataFrame]] = []

    def compute() -> None:
        found = fn([part for _, _, part in pending])
        if len(found) != len(pending):
            raise ValueError(f"{name or 'map_batches'}: {len(found)} results for "
                             f"{len(pending)} parts")  # fmt: skip
        for (bucket, digest, _), result in zip(pending, found, strict=True):
            results[bucket] = result
            if store is not None:
                store.put(bucket, digest, result)
        pending.clear()

    held = 0
    for bucket in buckets:
        files = {table: part_path(processed_dir, table, bucket)}
        digest = ""
        if store is not None:
            digest = store.digest(files)
            hit, result = store.get(bucket, digest)
            if hit:
                results[bucket] = result
                continue
        part = _read_parts(files, wanted, kinds)[table]
        pending.append((bucket, digest, part))
        held += len(part)
        if held >= rows:
            compute()
            held = 0
    if pending:
        compute()
    if store is not None:
        store.forget_others(set(buckets))
    return [results[bucket] for bucket in buckets]


def _read_tables(
    files: Mapping[str, Path],
    columns: Mapping[str, Sequence[str] | None],
    categories: Mapping[str, Sequence[str]],
) -> dict[str, pa.Table]:
    parts = {}
    for table, path in files.items():
        wanted = columns.get(table)
        if path.exists():
            parts[table] = read_part_file(path, wanted, categories.get(table, ()))
        else:
            names = list(wanted or ())
            parts[table] = pa.table({n: pa.array([], pa.string()) for n in names})
    return parts


def _read_parts(
    files: Mapping[str, Path],
    columns: Mapping[str, Sequence[str] | None],
    categories: Mapping[str, Sequence[str]],
) -> dict[str, pd.DataFrame]:
    return {t: part.to_pandas() for t, part in _read_tables(files, columns, categories).items()}


# A bucket file read by several maps of one notebook (03 and 04 map the claims a few times) is
# hashed once per process, while its stat stays the same.
_FILE_HASHES = HashMemo(None)


def _file_sha256(path: Path) -> str:
    return _FILE_HASHES.sha256(path) if path.exists() else ""


class _Store:
    """The stored results of one ``name``: one pickle per bucket, named by its digest."""

    def __init__(
        self,
        cache_dir: str | Path,
        name: str,
        key: Any,
        tables: Sequence[str],
        columns: Mapping[str, Sequence[str] | None],
        categories: Mapping[str, Sequence[str]],
    ) -> None:
        if not name or "/" in name or name.startswith("."):
            raise ValueError(f"a cached map needs a plain name, not {name!r}")
        self.folder = Path(cache_dir) / name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.version = json.dumps(
            {
                "format": MEMO_FORMAT,
                "code": code_version(),
                "name": name,
                "key": key,
                "tables": list(tables),
                "columns": {t: list(c) if c is not None else None for t, c in columns.items()},
                "categories": {t: list(c) for t, c in categories.items()},
            },
            sort_keys=True,
            default=repr,
        )

    def digest(self, files: Mapping[str, Path]) -> str:
        hashes = {table: _file_sha256(path) for table, path in files.items()}
        text = json.dumps([self.version, hashes], sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]

    def _path(self, bucket: int, digest: str) -> Path:
        return self.folder / f"part-{bucket:05d}-{digest}.pkl"

    def get(self, bucket: int, digest: str) -> tuple[bool, Any]:
        path = self._path(bucket, digest)
        try:
            return True, pickle.loads(path.read_bytes())
        except FileNotFoundError:
            return False, None
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            path.unlink(missing_ok=True)  # unreadable: computed again
            return False, None

    def put(self, bucket: int, digest: str, result: Any) -> None:
        for old in self.folder.glob(f"part-{bucket:05d}-*.pkl"):
            old.unlink(missing_ok=True)
        atomic_write_bytes(self._path(bucket, digest), pickle.dumps(result, PICKLE_PROTOCOL))

    def forget_others(self, buckets: set[int]) -> None:
        for path in self.folder.glob("part-*.pkl"):
            try:
                bucket = int(path.stem.split("-")[1])
            except (IndexError, ValueError):
                continue
            if bucket not in buckets:
                path.unlink(missing_ok=True)
