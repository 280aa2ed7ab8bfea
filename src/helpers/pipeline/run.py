"""Run the per-article pass over a corpus: plan, reuse the cache, process the rest, assemble.

:func:`run` is what notebook 01 calls. Its stages, each with a progress bar and timed:

1. **read**: list and read the raw folder (:func:`helpers.pipeline.sources.plan_corpus`);
2. **cache**: each article's key (:mod:`helpers.pipeline.cache`) against each bucket's state;
   the buckets holding a new, changed or removed article are to be rebuilt;
3. **articles**: the engine rebuilds those buckets (:func:`helpers.pipeline.bucket.run_bucket`),
   processing only the new and changed articles; a bucket whose worker process dies (twice:
   the engine tries it again alone) is written with those articles refused, and the run goes
   on (:func:`helpers.pipeline.bucket.refuse_bucket`);
4. **corpus**: the corpus-level steps: near-duplicate clusters from the signatures,
   ``articles.csv`` (and ``.parquet``), ``corpus_messages.txt`` in corpus order.

The per-article tables are the Parquet datasets of :mod:`helpers.pipeline.store`; read them
with :func:`helpers.pipeline.read_dataset` (or pandas, pyarrow, DuckDB).
"""

from __future__ import annotations

import json
import shutil
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from helpers import paths
from helpers.corpus.columns import merge_columns
from helpers.corpus.tables import ARTICLE_COLUMNS
from helpers.filehash import RAW_HASHES, HashMemo
from helpers.io import write_table, write_text
from helpers.pipeline.article import DEFAULT_SECONDS, Settings
from helpers.pipeline.bucket import (
    BucketSummary,
    BucketTask,
    refuse_bucket,
    remove_bucket,
    run_bucket,
)
from helpers.pipeline.cache import article_key, code_version, run_version
from helpers.pipeline.duplicates import apply_clusters, clusters_from_signatures
from helpers.pipeline.engines import open_engine
from helpers.pipeline.progress import bar
from helpers.pipeline.sources import (
    DEFAULT_MAX_EXPORT_MB,
    DEFAULT_MAX_FILE_MB,
    CorpusPlan,
    plan_corpus,
)
from helpers.pipeline.store import (
    ARTICLES,
    DEFAULT_BUCKETS,
    PARQUET_DIR,
    STATE,
    bucket_of,
    buckets_on_disk,
    part_path,
    read_dataset,
    read_settings,
    write_settings,
)
from helpers.study import load_study

STORE_HASHES = "_raw_hashes.parquet"  # the raw files' sha256 by their stat, without a cache_dir


@dataclass
class PipelineRun:
    """What a run did: article counts, wall seconds per stage of the run (``seconds``), and
    the CPU seconds of each per-article stage summed over the articles processed, in every
    worker (``stage_seconds``: where the time goes)."""

    processed_dir: Path
    articles: int = 0
    ok: int = 0
    refused: int = 0
    processed: int = 0
    reused: int = 0
    buckets_rebuilt: int = 0
    engine: str = "local"
    workers: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    text_bytes: int = 0
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the terminal or the notebook."""
        total = sum(self.seconds.values())
        return (
            f"{self.articles} articles ({self.ok} ok, {self.refused} refused): "
            f"{self.processed} processed, {self.reused} reused from the cache, "
            f"{self.buckets_rebuilt} buckets rewritten, {total:.1f} s on {self.engine} "
            f"({self.workers} workers)"
        )


def _cached_state(processed: Path) -> dict[str, tuple[str, int]]:
    """``{article_id: (cache key, bucket)}`` of every article the store holds."""
    state: dict[str, tuple[str, int]] = {}
    for bucket in buckets_on_disk(processed, STATE):
        path = part_path(processed, STATE, bucket)
        part = pq.read_table(path, columns=["article_id", "cache_key"])
        for article_id, key in zip(*(c.to_pylist() for c in part.columns), strict=True):
            state[article_id] = (key, bucket)
    return state


def _tasks(
    plan: CorpusPlan, processed: Path, settings: Settings, version: str, buckets: int
) -> tuple[list[BucketTask], list[int], int]:
    """The buckets to rebuild (with what to process and keep), the buckets to delete, and the
    number of articles reused."""
    cached = _cached_state(processed)
    by_bucket: dict[int, list] = {}
    keys: dict[str, str] = {}
    for item in plan.items:
        keys[item.article_id] = article_key(version, item.fingerprint())
        by_bucket.setdefault(bucket_of(item.article_id, buckets), []).append(item)
    on_disk: dict[int, set[str]] = {}
    for article_id, (_, bucket) in cached.items():
        on_disk.setdefault(bucket, set()).add(article_id)
    tasks, reused = [], 0
    for bucket in sorted(by_bucket):
        items = by_bucket[bucket]
        fresh = [i for i in items if cached.get(i.article_id, ("",))[0] != keys[i.article_id]]
        keep = sorted({i.article_id for i in items} - {i.article_id for i in fresh})
        stale = on_disk.get(bucket, set()) - set(keep)
        reused += len(keep)
        if fresh or stale:
            own = {i.article_id: keys[i.article_id] for i in fresh}
            tasks.append(BucketTask(bucket, str(processed), settings, fresh, own, keep))
    gone = sorted(set(on_disk) - set(by_bucket))
    return tasks, gone, reused


def _clean_store(processed: Path, buckets: int) -> None:
    """Start the store afresh when it was written with another bucket count."""
    recorded = read_settings(processed).get("buckets")
    if recorded is not None and int(recorded) != buckets:
        shutil.rmtree(processed / PARQUET_DIR, ignore_errors=True)


def run(
    raw_dir: str | Path = paths.RAW_DIR,
    processed_dir: str | Path = paths.PROCESSED_DIR,
    study: str = paths.GENERAL_STUDY,
    engine: str = "local",
    workers: int = 0,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    columns: str | Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    manifest: str | Path | None = None,
    max_export_mb: float = DEFAULT_MAX_EXPORT_MB,
    seconds_per_article: float | None = DEFAULT_SECONDS,
    buckets: int = DEFAULT_BUCKETS,
    scheduler: str | None = None,
    progress: bool = True,
    verbose: bool = False,
    cache_dir: str | Path | None = None,
) -> PipelineRun:
    """Process the corpus of ``raw_dir`` into ``processed_dir`` (see the module docstring).

    ``engine`` is ``local`` (all cores of this machine, or ``workers``) or ``dask`` (the
    scheduler at ``scheduler`` or ``$DASK_SCHEDULER``, else a LocalCluster); ``study`` names
    the study file, whose export columns and outlets come before ``columns`` and ``outlets``
    (as in notebook 01); the reading arguments are those of
    :func:`helpers.corpus.collect_corpus`. ``buckets`` is the number of files per table.
    ``cache_dir`` (``make report`` gives one) holds the raw files' sha256 by their stat
    (:mod:`helpers.filehash`), shared with the runner; without it they are kept in the store.
    """
    processed = Path(processed_dir)
    result = PipelineRun(processed, engine=engine)
    clock = time.perf_counter()
    the_study = load_study(study)  # as notebook 01: the study's export columns and outlets
    columns = merge_columns(the_study.columns, columns)
    outlets = {**the_study.outlets, **(outlets or {})}
    # files whose stat did not change are not read; make report's runner hashed them already
    memo = HashMemo(
        Path(cache_dir) / RAW_HASHES if cache_dir else processed / PARQUET_DIR / STORE_HASHES
    )
    plan = plan_corpus(raw_dir, max_file_mb, columns, manifest, max_export_mb, progress, memo)
    result.seconds["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    settings = Settings(study=str(study), seconds_per_article=seconds_per_article,
                        outlets=dict(outlets or {}), manifest_name=plan.manifest_name,
                        manifest_columns=plan.manifest_columns, options=plan.options)  # fmt: skip
    version = run_version(
        study, {**plan.settings(), "outlets": settings.outlets, "seconds": seconds_per_article}
    )
    _clean_store(processed, buckets)
    memo.save()
    tasks, gone, result.reused = _tasks(plan, processed, settings, version, buckets)
    result.seconds["cache"] = time.perf_counter() - clock

    clock = time.perf_counter()
    write_settings(processed, {"buckets": buckets, "version": version})
    for bucket in gone:
        remove_bucket(processed, bucket)
    summaries = _process(tasks, engine, workers, scheduler, progress, result)
    for summary in summaries:
        result.processed += summary.processed
        result.text_bytes += summary.bytes_read
        for stage, seconds in summary.seconds.items():
            result.stage_seconds[stage] = result.stage_seconds.get(stage, 0.0) + seconds
    result.buckets_rebuilt = len(tasks)
    result.seconds["articles"] = time.perf_counter() - clock

    clock = time.perf_counter()
    _assemble(plan, processed, result)
    result.seconds["corpus"] = time.perf_counter() - clock
    if verbose:
        for message in result.messages:
            print(message)
    return result


def _process(
    tasks: list[BucketTask],
    engine: str,
    workers: int,
    scheduler: str | None,
    progress: bool,
    result: PipelineRun,
) -> list[BucketSummary]:
    """Run the tasks on the engine, with a bar counting articles."""
    total = sum(len(t.items) for t in tasks)
    summaries: list[BucketSummary] = []
    if not tasks:
        result.workers = 0
        return summaries
    runner = open_engine(engine, workers, scheduler)
    result.workers = runner.workers_for(total)
    if hasattr(runner, "client"):
        _check_worker_code(runner.client)
    try:
        with bar(total=total, desc="articles", unit="article", disable=not progress) as shown:
            for summary in runner.map_unordered(run_bucket, tasks, total, refuse_bucket):
                summaries.append(summary)
                shown.update(summary.processed)
    finally:
        runner.close()
    return sorted(summaries, key=lambda s: s.bucket)


def _check_worker_code(client) -> None:
    """Warn when Dask workers run other library code than this process (their rows would be
    filed under this process's cache keys)."""
    mine = code_version()
    theirs = client.run(code_version)
    odd = sorted(worker for worker, version in theirs.items() if version != mine)
    if odd:
        warnings.warn(
            f"{len(odd)} of {len(theirs)} Dask workers run another version of the library than "
            f"this process ({', '.join(odd[:3])}): install the same checkout on every worker",
            RuntimeWarning,
            stacklevel=3,
        )


def _assemble(plan: CorpusPlan, processed: Path, result: PipelineRun) -> None:
    """The corpus-level outputs: clusters, articles.csv, corpus_messages.txt."""
    articles = read_dataset(processed, ARTICLES)
    if articles.empty:
        articles = pd.DataFrame(columns=ARTICLE_COLUMNS)
    ok_ids = set(articles.loc[articles["status"] == "ok", "article_id"])
    signatures, listed = _state_of(processed, ok_ids)
    clusters = clusters_from_signatures(signatures, lambda ids: _texts(processed, ids))
    del signatures
    articles, cluster_message = apply_clusters(articles, clusters)
    order = {item.article_id: item.order for item in plan.items}
    messages = list(plan.messages)
    listed.sort(key=lambda pair: (order.get(pair[0], len(order)), pair[0]))
    for _, said in listed:
        messages += json.loads(said)
    if cluster_message:
        messages.append(cluster_message)
    write_table(articles, processed / paths.ARTICLES_CSV, sort_by=["article_id"], parquet=True)
    write_text(processed / paths.CORPUS_MESSAGES_TXT, "".join(f"{m}\n" for m in messages))
    result.articles = len(articles)
    result.ok = int((articles["status"] == "ok").sum())
    result.refused = result.articles - result.ok
    result.messages = messages


def _state_of(processed: Path, ok_ids: set[str]) -> tuple[dict[str, bytes], list]:
    """The near-duplicate signatures of the ``ok_ids`` articles, and ``(article_id, messages
    as JSON)`` of every article, read from the state one bucket at a time (the whole state as
    one frame held three times as much at 100,000 articles)."""
    signatures: dict[str, bytes] = {}
    listed: list[tuple[str, str]] = []
    for bucket in buckets_on_disk(processed, STATE):
        part = pq.read_table(
            part_path(processed, STATE, bucket), columns=["article_id", "signature", "messages"]
        )
        ids, values, said = (part.column(c).to_pylist() for c in part.column_names)
        signatures.update((a, v) for a, v in zip(ids, values, strict=True) if a in ok_ids)
        listed += zip(ids, said, strict=True)
    return signatures, listed


def _texts(processed: Path, ids) -> dict[str, str]:
    frame = read_dataset(processed, "texts", article_ids=list(ids))
    return dict(zip(frame["article_id"], frame["clean_text"], strict=True))
