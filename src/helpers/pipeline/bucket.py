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
from helpers.pipeline.schema import ROW_TABLES, row_columns, rows_to_arrow
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
    results = [
        process_article(item, task.settings)
        for item in sorted(task.items, key=lambda i: i.article_id)
    ]
    return _write_bucket(task, results, kept)


def refuse_bucket(task: BucketTask, reason: str) -> BucketSummary:
    """Rebuild one bucket's files with every article to process refused with ``reason``
    (not cached: the next run tries them again) and the kept articles as they were: what a
    run does with a bucket whose worker process died on it twice."""
    kept = _kept_rows(task, STATE)  # read before the state is dropped
    drop_state(task.processed_dir, task.bucket)
    results = [refused_article(item, reason) for item in sorted(task.items, key=_article_id)]
    return _write_bucket(task, results, kept)


def _article_id(item: ArticleInput) -> str:
    return item.article_id


def _write_bucket(
    task: BucketTask, results: list[ArticleResult], kept_state: pa.Table | None
) -> BucketSummary:
    """Write the bucket's files from the new ``results`` and the kept rows (``kept_state``:
    the kept articles' cache state); the summary."""
    summary = BucketSummary(task.bucket, kept=len(task.keep))
    for result in results:
        for stage, seconds in result.seconds.items():
            summary.seconds[stage] = summary.seconds.get(stage, 0.0) + seconds
        if not result.ok:
            summary.refused.append((result.article_id, result.row.get("reason", "")))
    summary.processed = len(results)
    started = time.process_time()
    summary.bytes_read = sum(len(r.tables["texts"][0][1]) for r in results if r.ok)
    _write_table(task, ARTICLES, "articles", [r.row for r in results], results)
    for table in ROW_TABLES:
        if table != "articles":
            rows = [row for r in results for row in r.tables.get(table, ())]
            _write_table(task, table, table, rows, results)
    write_part(task.processed_dir, STATE, task.bucket, _state_rows(task, results, kept_state))
    forget_set_aside(task.processed_dir, task.bucket)
    summary.seconds["write"] = time.process_time() - started
    return summary


def _write_table(task: BucketTask, name: str, order: str, rows: list, results: list) -> None:
    """Write bucket ``task.bucket`` of table ``name``: kept rows and new ones, sorted by the
    keys of table ``order``, with the columns of the new rows (of the kept ones when the bucket
    has no new article)."""
    kept = _kept_rows(task, name)
    if results:
        columns = row_columns(rows) if name == ARTICLES else list(TABLE_COLUMNS[order])
    else:
        columns = kept.column_names if kept is not None else []
    write_part(task.processed_dir, name, task.bucket, rows_to_arrow(order, columns, rows, kept))


def remove_bucket(processed_dir: str | Path, bucket: int) -> None:
    """Delete every file of a bucket that no longer holds any article."""
    drop_state(processed_dir, bucket)
    forget_set_aside(processed_dir, bucket)
    for table in (ARTICLES, *ROW_TABLES):
        if table != "articles":
            write_part(processed_dir, table, bucket, None)
