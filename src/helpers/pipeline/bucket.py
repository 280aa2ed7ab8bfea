"""One unit of work for an engine: rebuild the files of one bucket of articles.

A :class:`BucketTask` names a bucket, the articles of it to process and the cached articles to
keep. :func:`run_bucket` (run by a worker, on any machine that sees the processed folder)
forgets the bucket's state, processes the new and changed articles with
:func:`~helpers.pipeline.article.process_article`, reads back the kept articles' rows, writes
every table's part of the bucket sorted (one frame per table from all the bucket's rows), and
writes the state last. It returns a small :class:`BucketSummary`; the rows themselves never
travel back to the caller, so the caller's memory does not grow with the corpus.
:func:`refuse_bucket` writes a bucket with its articles to process refused instead: the way
out when a worker process dies on it. Both read the kept articles' state from the state
file, or from where an attempt that died had set it aside
(:func:`~helpers.pipeline.store.drop_state`): a bucket retried or refused after a crash keeps
the cache keys, signatures and messages of the articles it keeps.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from helpers.pipeline.article import (
    TABLE_COLUMNS,
    ArticleResult,
    Settings,
    process_article,
    refused_article,
)
from helpers.pipeline.schema import ROW_TABLES, arrow_part, row_columns, rows_chunk, rows_to_arrow
from helpers.pipeline.sources import ArticleInput
from helpers.pipeline.store import (
    ARTICLES,
    STATE,
    drop_state,
    forget_set_aside,
    read_part,
    read_state_part,
    write_part,
)

CHUNK_ARTICLES = 32  # articles whose rows a worker holds as Python objects before Arrow
STATE_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("cache_key", pa.string()),  # "" for an article to try again (timed out)
        pa.field("signature", pa.binary()),
        pa.field("messages", pa.string()),  # JSON list
    ]
)


@dataclass
class BucketTask:
    """Rebuild ``bucket``: process ``items`` (keyed by ``keys``), keep the rows of ``keep``."""

    bucket: int
    processed_dir: str
    settings: Settings
    items: list[ArticleInput] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    keep: list[str] = field(default_factory=list)


@dataclass
class BucketSummary:
    """What a bucket's rebuild did: articles processed and kept, refusals, CPU seconds per
    stage (``write``: reading kept rows back and writing the bucket's files)."""

    bucket: int
    processed: int = 0
    kept: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    bytes_read: int = 0


def _kept_rows(task: BucketTask, table: str) -> pa.Table | None:
    if not task.keep:
        return None
    if table == STATE:  # the state an attempt that died set aside, when there is no other
        part = read_state_part(task.processed_dir, task.bucket)
    else:
        part = read_part(task.processed_dir, table, task.bucket)
    if part is None:
        return None
    return part.filter(pc.is_in(part["article_id"], value_set=pa.array(task.keep, pa.string())))


def _state_rows(
    task: BucketTask, results: Sequence[ArticleResult], kept: pa.Table | None
) -> pa.Table:
    """The bucket's state: the kept articles' rows (``kept``, read before the state file was
    dropped) and the new results'."""
    rows = kept.to_pylist() if kept is not None else []
    for result in results:
        rows.append(
            {
                "article_id": result.article_id,
                "cache_key": "" if result.timed_out else task.keys[result.article_id],
                "signature": result.signature,
                "messages": json.dumps(result.messages, ensure_ascii=False),
            }
        )
    rows.sort(key=lambda r: r["article_id"])
    return pa.Table.from_pylist(rows, schema=STATE_SCHEMA)


def run_bucket(task: BucketTask) -> BucketSummary:
    """Rebuild one bucket's files (see the module docstring)."""
    kept = _kept_rows(task, STATE)  # read before the state is dropped
    drop_state(task.processed_dir, task.bucket)
    rows = _Rows()
    for item in sorted(task.items, key=_article_id):
        rows.add(process_article(item, task.settings))
    return _write_bucket(task, rows, kept)


class _Rows:
    """The results of a bucket's articles, their table rows made Arrow every
    :data:`CHUNK_ARTICLES` articles (:func:`~helpers.pipeline.schema.rows_chunk`): what a
    worker holds grows with the chunk as Python objects, and only in Arrow with the bucket."""

    def __init__(self) -> None:
        self.results: list[ArticleResult] = []
        self.chunks: dict[str, list[pa.Table]] = {t: [] for t in ROW_TABLES if t != "articles"}
        self.pending: list[ArticleResult] = []
        self.bytes_read = 0
        self.seconds = 0.0  # CPU seconds making chunks (counted as writing)

    def add(self, result: ArticleResult) -> None:
        self.results.append(result)
        if result.ok:
            self.bytes_read += len(result.tables["texts"][0][1])
        self.pending.append(result)
        if len(self.pending) >= CHUNK_ARTICLES:
            self.flush()

    def flush(self) -> None:
        """Make the rows of the pending results Arrow chunks, and let the results drop them."""
        started = time.process_time()
        for table, chunks in self.chunks.items():
            rows = [row for r in self.pending for row in r.tables.get(table, ())]
            chunk = rows_chunk(TABLE_COLUMNS[table], rows)
            if chunk is not None:
                chunks.append(chunk)
        for result in self.pending:
            result.tables = {}
        self.pending = []
        self.seconds += time.process_time() - started


def refuse_bucket(task: BucketTask, reason: str) -> BucketSummary:
    """Rebuild one bucket's files with every article to process refused with ``reason``
    (not cached: the next run tries them again) and the kept articles as they were: what a
    run does with a bucket whose worker process died on it twice."""
    kept = _kept_rows(task, STATE)  # read before the state is dropped
    drop_state(task.processed_dir, task.bucket)
    rows = _Rows()
    for item in sorted(task.items, key=_article_id):
        rows.add(refused_article(item, reason))
    return _write_bucket(task, rows, kept)


def _article_id(item: ArticleInput) -> str:
    return item.article_id


def _write_bucket(task: BucketTask, rows: _Rows, kept_state: pa.Table | None) -> BucketSummary:
    """Write the bucket's files from the new results (``rows``) and the kept rows
    (``kept_state``: the kept articles' cache state); the summary."""
    results = rows.results
    summary = BucketSummary(task.bucket, kept=len(task.keep))
    for result in results:
        for stage, seconds in result.seconds.items():
            summary.seconds[stage] = summary.seconds.get(stage, 0.0) + seconds
        if not result.ok:
            summary.refused.append((result.article_id, result.row.get("reason", "")))
    summary.processed = len(results)
    rows.flush()  # the last chunk (its time is in rows.seconds)
    started = time.process_time()
    summary.bytes_read = rows.bytes_read
    _write_table(task, ARTICLES, "articles", [r.row for r in results], bool(results))
    for table, chunks in rows.chunks.items():
        _write_table(task, table, table, chunks, bool(results))
    write_part(task.processed_dir, STATE, task.bucket, _state_rows(task, results, kept_state))
    forget_set_aside(task.processed_dir, task.bucket)
    summary.seconds["write"] = time.process_time() - started + rows.seconds
    return summary


def _write_table(task: BucketTask, name: str, order: str, new: list, any_new: bool) -> None:
    """Write bucket ``task.bucket`` of table ``name``: kept rows and new ones (``new``: dict
    rows for the article rows, Arrow chunks for the other tables), sorted by the keys of table
    ``order``, with the columns of the new rows (of the kept ones when the bucket has no new
    article)."""
    kept = _kept_rows(task, name)
    if any_new:
        columns = row_columns(new) if name == ARTICLES else list(TABLE_COLUMNS[order])
    else:
        columns = kept.column_names if kept is not None else []
    if name == ARTICLES:
        part = rows_to_arrow(order, columns, new, kept)
    else:
        part = arrow_part(order, columns, new, kept)
    write_part(task.processed_dir, name, task.bucket, part)


def remove_bucket(processed_dir: str | Path, bucket: int) -> None:
    """Delete every file of a bucket that no longer holds any article."""
    drop_state(processed_dir, bucket)
    forget_set_aside(processed_dir, bucket)
    for table in (ARTICLES, *ROW_TABLES):
        if table != "articles":
            write_part(processed_dir, table, bucket, None)
