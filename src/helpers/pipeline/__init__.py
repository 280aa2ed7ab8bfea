"""The per-article pass at scale: every core or a Dask cluster, a per-article cache, Parquet.

Reading, cleaning, sentence splitting, figure extraction and attribution are per-article work.
:func:`run` does them once per article, in a pool of processes (``engine="local"``) or on a
``dask.distributed`` cluster (``engine="dask"``), reuses the rows of every article whose bytes,
metadata, code and study have not changed, and writes the rows as Parquet datasets, one file per
bucket of articles, so that no stage holds the corpus in memory:

    >>> from helpers import pipeline
    >>> done = pipeline.run("data/raw", "data/processed", study="general-news")  # doctest: +SKIP
    >>> figures = pipeline.read_dataset("data/processed", "figures")  # doctest: +SKIP

The modules, one job each:

- ``sources``   what the corpus holds, read by the corpus layer (adapter over helpers.corpus)
- ``article``   one article in, all its rows out (adapter over clean, figures, claims, grouping)
- ``deadline``  the per-article time budget, in any thread
- ``schema``    the tables, their row order and column types
- ``store``     the Parquet datasets by bucket, which are also the cache
- ``cache``     the cache keys: the article's inputs, the code and the study
- ``bucket``    one engine task: rebuild one bucket
- ``engines``   local processes or Dask
- ``duplicates`` near-duplicate clusters from the per-article signatures
- ``run``       the stages of a run, with progress bars and timings
- ``tables``    the outputs as the notebooks read them
"""

from __future__ import annotations

from helpers.pipeline.article import ArticleResult, Settings, process_article
from helpers.pipeline.engines import ENGINES, SCHEDULER_ENV
from helpers.pipeline.run import PipelineRun, run
from helpers.pipeline.schema import ROW_TABLES
from helpers.pipeline.sources import ArticleInput, CorpusPlan, plan_corpus
from helpers.pipeline.store import dataset_dir, iter_parts, read_dataset
from helpers.pipeline.tables import load_build, load_table

__all__ = [
    "ENGINES",
    "ROW_TABLES",
    "SCHEDULER_ENV",
    "ArticleInput",
    "ArticleResult",
    "CorpusPlan",
    "PipelineRun",
    "Settings",
    "dataset_dir",
    "iter_parts",
    "load_build",
    "load_table",
    "plan_corpus",
    "process_article",
    "read_dataset",
    "run",
]
