"""Where the per-article tables live on disk: Parquet datasets, one file per bucket of articles.

Layout, inside the processed folder::

    parquet/<table>/part-<bucket>.parquet     sentences, figures, claims, attributions, posts,
                                              removed_lines, texts (the clean texts)
    parquet/_articles/part-<bucket>.parquet   the article rows (articles.csv is built from them)
    parquet/_state/part-<bucket>.parquet      the cache: article_id, cache key, near-duplicate
                                              signature, messages of each article

An article belongs to bucket ``sha256(article_id) mod buckets``, so it stays in the same file
from run to run. This is the per-article cache and the output at once:

- an incremental run rewrites only the buckets that hold a new, changed or removed article (10
  new articles in a corpus of 20,000 touch at most 10 of 256 files per table), reading back the
  rows of the unchanged articles of those buckets instead of computing them again;
- a run opens one small ``_state`` file per bucket to learn what is cached, never one file per
  article (100,000 tiny files are slow to list and open on any file system, worse on shared
  and object storage), and no index can disagree with the parts: the state is written last;
- a bucket's content depends only on its articles, sorted, so the same corpus gives the same
  bytes whichever engine, worker or batch order wrote it;
- any dataset reads with ``pandas.read_parquet(folder)``, ``pyarrow.dataset`` or DuckDB, part by
  part, without the corpus ever having to fit in memory (:func:`iter_parts`).

Every file is replaced atomically (:func:`helpers.io.atomic_write_bytes`), never rewritten in
place, so a copy of the store made with hard links (the runner's staging) is never changed. A
bucket whose state is missing (a run stopped while writing it) is rebuilt in full next run.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from helpers import paths
from helpers.io import atomic_write_bytes, write_json

PARQUET_DIR = paths.STORE_DIR  # the datasets' folder inside the processed folder
ARTICLES = "_articles"  # the article rows of each bucket (internal: articles.csv is public)
STATE = "_state"  # the cache state of each bucket (internal)
DEFAULT_BUCKETS = 256  # files per table: ~80 articles each at 20,000, ~400 at 100,000
COMPRESSION = "zstd"
SETTINGS_FILE = "_pipeline.json"  # bucket count and code version of the last run


def bucket_of(article_id: str, buckets: int = DEFAULT_BUCKETS) -> int:
    """The bucket of an article: a stable hash of its id (the same on every machine and run).

    >>> bucket_of("000_seed"), bucket_of("000_seed", 4)
    (226, 2)
    """
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % buckets


def dataset_dir(processed_dir: str | Path, table: str) -> Path:
    """The folder of one table's dataset."""
    return Path(processed_dir) / PARQUET_DIR / table


def part_path(processed_dir: str | Path, table: str, bucket: int) -> Path:
    """The file of one bucket of one table."""
    return dataset_dir(processed_dir, table) / f"part-{bucket:05d}.parquet"


def parquet_bytes(table: pa.Table) -> bytes:
    """``table`` as Parquet bytes, written the same way every time (no timestamps)."""
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression=COMPRESSION)
    return buffer.getvalue()


def write_part(processed_dir: str | Path, table: str, bucket: int, rows: pa.Table | None) -> None:
    """Write one bucket of one table; an empty or missing table removes the file."""
    path = part_path(processed_dir, table, bucket)
    if rows is None or rows.num_rows == 0:
        path.unlink(missing_ok=True)
        return
    atomic_write_bytes(path, parquet_bytes(rows))


def read_part(processed_dir: str | Path, table: str, bucket: int) -> pa.Table | None:
    """One bucket of one table, or None when the bucket has no file."""
    path = part_path(processed_dir, table, bucket)
    if not path.exists():
        return None
    return pq.read_table(path)


def drop_state(processed_dir: str | Path, bucket: int) -> None:
    """Forget what a bucket caches (done before its files are rewritten): its state file is
    moved aside (:func:`set_aside_path`), where no run looks for a cache but the rewrite of
    this bucket still finds the state of the articles it keeps, even after a worker died
    during a first attempt (:func:`read_state_part`)."""
    path = part_path(processed_dir, STATE, bucket)
    if path.exists():
        os.replace(path, set_aside_path(processed_dir, bucket))


def set_aside_path(processed_dir: str | Path, bucket: int) -> Path:
    """Where :func:`drop_state` moves a bucket's state until the bucket is written again (a
    name no listing of parts matches)."""
    path = part_path(processed_dir, STATE, bucket)
    return path.with_name(path.name + ".set-aside")


def read_state_part(processed_dir: str | Path, bucket: int) -> pa.Table | None:
    """A bucket's state, or the state set aside when its rewrite began (a rewrite that did not
    finish: read it only for articles the run knew cached when it planned the bucket)."""
    found = read_part(processed_dir, STATE, bucket)
    aside = set_aside_path(processed_dir, bucket)
    return found if found is not None or not aside.exists() else pq.read_table(aside)


def forget_set_aside(processed_dir: str | Path, bucket: int) -> None:
    """Delete the state :func:`drop_state` set aside (the bucket's new state is written)."""
    set_aside_path(processed_dir, bucket).unlink(missing_ok=True)


def buckets_on_disk(processed_dir: str | Path, table: str = STATE) -> list[int]:
    """The buckets that have a file of ``table``, in order."""
    folder = dataset_dir(processed_dir, table)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("part-*.parquet"):
        try:
            found.append(int(path.stem.split("-", 1)[1]))
        except ValueError:
            continue
    return sorted(found)


def iter_parts(
    processed_dir: str | Path,
    table: str,
    columns: Sequence[str] | None = None,
    categories: Sequence[str] = (),
) -> Iterator[pd.DataFrame]:
    """Yield a table part by part (one bucket at a time), for corpora larger than memory;
    the text columns named in ``categories`` come as pandas categoricals."""
    for bucket in buckets_on_disk(processed_dir, table):
        path = part_path(processed_dir, table, bucket)
        yield read_part_file(path, columns, categories).to_pandas()


def read_part_file(
    path: Path, columns: Sequence[str] | None, categories: Sequence[str]
) -> pa.Table:
    """One Parquet part, the ``categories`` columns read as dictionaries (a text repeated over
    millions of rows is then held once)."""
    names = list(columns) if columns else None
    wanted = [c for c in categories if names is None or c in names]
    return pq.read_table(path, columns=names, read_dictionary=wanted or None)


def read_dataset(
    processed_dir: str | Path,
    table: str,
    columns: Sequence[str] | None = None,
    article_ids: Sequence[str] | None = None,
    order: Sequence[str] = ("article_id",),
    categories: Sequence[str] = (),
) -> pd.DataFrame:
    """A whole table as one frame, rows in order; ``article_ids`` reads only those articles;
    the text columns named in ``categories`` come as pandas categoricals (their categories
    sorted, so that group operations on them run in the same order as on text).

    Rows are sorted by the columns of ``order`` that the table has (a stable sort of the
    parts in bucket order). Reading a few articles opens only their buckets' files. An absent
    dataset gives an empty frame (the corpus had no such rows). The parts are put together
    and sorted as Arrow tables and turned into one frame at the end: a frame per part, one
    concatenation and a sort in pandas cost several times as much at a million rows.
    """
    if article_ids is not None:
        buckets = _buckets_of_ids(processed_dir, article_ids)
        wanted = pa.array(sorted(set(article_ids)), pa.string())
    else:
        buckets = buckets_on_disk(processed_dir, table)
        wanted = None
    keys = [k for k in order if columns is None or k in columns]
    coded = [c for c in categories if c not in keys]  # Arrow sorts no dictionary column
    parts = []
    for bucket in buckets:
        path = part_path(processed_dir, table, bucket)
        if not path.exists():
            continue
        part = read_part_file(path, columns, coded)
        if wanted is not None:
            part = part.filter(pc.is_in(part["article_id"], value_set=wanted))
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=list(columns) if columns else None)
    whole = pa.concat_tables(parts, promote_options="default") if len(parts) > 1 else parts[0]
    parts.clear()  # the unsorted parts are freed once the sorted copy is made
    release_memory()  # what decoding the Parquet files took
    keys = [k for k in order if k in whole.column_names]
    if keys and whole.num_rows > 1:  # Arrow's sort is stable, as pandas' mergesort
        ranks = pc.sort_indices(whole, sort_keys=[(k, "ascending") for k in keys])
        whole = _take_by_column(whole, ranks)
    for name in set(categories) & set(keys):
        at = whole.column_names.index(name)
        whole = whole.set_column(at, name, pc.dictionary_encode(whole.column(at)))
    # column by column, each Arrow column freed as soon as it is converted: the peak is the
    # frame and one column, not the frame and the whole table
    frame = whole.to_pandas(split_blocks=True, self_destruct=True)
    del whole
    release_memory()
    for name in categories:
        if name in frame.columns and isinstance(frame[name].dtype, pd.CategoricalDtype):
            frame[name] = frame[name].cat.reorder_categories(sorted(frame[name].cat.categories))
    return frame


def _take_by_column(table: pa.Table, rows: pa.Array) -> pa.Table:
    """``table.take(rows)`` one column at a time, each unsorted column let go as soon as its
    sorted copy is made: the peak is the table and one column, not two tables."""
    for at, name in enumerate(table.column_names):
        table = table.set_column(at, name, table.column(at).take(rows))
        release_memory()
    return table


def release_memory() -> None:
    """Hand the memory Arrow's allocator keeps after freeing back to the system: after a
    table of millions of rows is sorted or turned into a frame, the allocator otherwise keeps
    the freed buffers (at 100,000 articles, 2.1 GB of process for a 0.6 GB frame of
    sentences; 0.8 GB once handed back)."""
    pa.default_memory_pool().release_unused()


def _buckets_of_ids(processed_dir: str | Path, article_ids: Sequence[str]) -> list[int]:
    """The buckets that hold ``article_ids``, with the bucket count the store was written with."""
    buckets = int(read_settings(processed_dir).get("buckets", DEFAULT_BUCKETS))
    return sorted({bucket_of(a, buckets) for a in article_ids})


def read_settings(processed_dir: str | Path) -> dict:
    """What the last run recorded about the store (bucket count, code version), or {}."""
    path = Path(processed_dir) / PARQUET_DIR / SETTINGS_FILE
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_settings(processed_dir: str | Path, settings: dict) -> None:
    """Record the store's settings (read back by :func:`read_settings`)."""
    write_json(Path(processed_dir) / PARQUET_DIR / SETTINGS_FILE, settings)
