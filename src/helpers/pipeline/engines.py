"""Engines: run the per-bucket tasks on every core of this machine, or on a Dask cluster.

Both engines take the same picklable tasks and the same function, and yield each result as its
task finishes, keeping only a few tasks in flight (twice the workers), so the memory of a run
is bounded by the size of a task, not of the corpus. The files a task writes depend only on the
task, so both engines write the same bytes. A worker process that dies does not stop a run: its
tasks are tried again, and a task that kills its worker again yields the caller's
``on_crash(task, reason)`` (the pipeline refuses the bucket's articles with that reason).

- ``local``: a :class:`concurrent.futures.ProcessPoolExecutor` of ``workers`` processes
  (default: every core). On Linux the workers are forked, so they start with the library
  already imported (a fresh interpreter spends seconds importing pandas, NLTK and the
  lexicons); elsewhere they are spawned. One worker, or fewer than :data:`MIN_PARALLEL`
  articles, runs the tasks in this process: starting a pool costs more than it saves.
- ``dask``: a ``dask.distributed`` client, on the scheduler at ``scheduler`` or
  ``$DASK_SCHEDULER`` (``tcp://host:8786``: a cluster of dask-jobqueue, Kubernetes, or
  ``dask scheduler`` started by hand), else a ``LocalCluster`` of ``workers`` processes with
  one thread each. The workers must import ``helpers`` (the same checkout or installed package)
  and see the raw and processed folders at the same paths (shared storage); see docs/scale.md.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

ENGINES = ("local", "dask")
MIN_PARALLEL = 16  # below this many articles the local engine works in this process
SCHEDULER_ENV = "DASK_SCHEDULER"  # the address of a running Dask scheduler
CRASH_REASON = (
    "the worker process died while processing this article's bucket, twice (killed, out of "
    "memory, or a crash in compiled code); the next run tries it again"
)
Crash = Callable[[object, str], object] | None  # on_crash(task, reason) -> the task's result


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Tasks on a pool of processes of this machine (see the module docstring)."""

    name = "local"

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers or default_workers()

    def workers_for(self, size: int | None) -> int:
        """How many processes work on ``size`` articles: 1 means this process alone."""
        if size is not None and size < MIN_PARALLEL:
            return 1
        return self.workers

    def map_unordered(
        self, fn: Callable, tasks: Iterable, size: int | None = None, on_crash: Crash = None
    ) -> Iterator:
        """Yield ``fn(task)`` for every task, in the order they finish; ``size`` is the work
        the tasks hold (articles), when known. When a worker process dies (killed, out of
        memory, a crash in compiled code), the pool breaks and every task in flight fails with
        it: the run goes on in a new pool, and those tasks are tried again at the end, each
        alone in a process of its own; a task whose process dies again yields
        ``on_crash(task, reason)`` (or raises, without ``on_crash``)."""
        if self.workers_for(size) == 1:
            for task in tasks:
                yield fn(task)
            return
        queue = iter(tasks)
        suspects: list = []
        broken = True
        while broken:
            broken = False
            pool = ProcessPoolExecutor(
                self.workers, mp_context=_context(), initializer=_worker_start
            )
            try:
                pending = {pool.submit(fn, t): t for t in islice(queue, 2 * self.workers)}
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        task = pending.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            suspects.append(task)
                            broken = True
                            continue
                        if not broken:
                            pending.update({pool.submit(fn, t): t for t in islice(queue, 1)})
                        yield result
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        for task in suspects:
            yield _alone(fn, task, on_crash)

    def close(self) -> None:
        """Nothing to release: the pool lives only as long as one map."""


class DaskEngine:
    """Tasks on a Dask cluster: a scheduler's address, or a LocalCluster (module docstring)."""

    name = "dask"

    def __init__(self, workers: int = 0, scheduler: str | None = None) -> None:
        from distributed import Client, LocalCluster  # only this engine needs Dask

        address = scheduler or os.environ.get(SCHEDULER_ENV, "")
        self.cluster = None
        if address:
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
            self.client.run(_worker_start)  # our own workers only, never a user's cluster
        self.address = self.client.scheduler.address

    @property
    def workers(self) -> int:
        """The workers the scheduler knows now."""
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def workers_for(self, size: int | None) -> int:
        """The cluster's workers, however few the articles."""
        return self.workers

    def map_unordered(
        self, fn: Callable, tasks: Iterable, size: int | None = None, on_crash: Crash = None
    ) -> Iterator:
        """Yield ``fn(task)`` for every task, in the order they finish (``size`` is not used:
        the cluster runs every task, however few). The scheduler gives a task whose worker
        died to another worker; a task that killed several (``KilledWorker``) yields
        ``on_crash(task, reason)`` (or raises, without ``on_crash``)."""
        from distributed import KilledWorker, as_completed

        queue = iter(tasks)
        owner = {}
        for task in islice(queue, 2 * self.workers):
            owner[self.client.submit(fn, task, pure=False)] = task
        finished = as_completed(list(owner))
        for future in finished:
            for task in islice(queue, 1):
                added = self.client.submit(fn, task, pure=False)
                owner[added] = task
                finished.add(added)
            task = owner.pop(future)
            try:
                result = future.result()
            except KilledWorker:
                if on_crash is None:
                    raise
                result = on_crash(task, CRASH_REASON)
            future.release()
            yield result

    def close(self) -> None:
        """Disconnect, and stop the LocalCluster this engine started (never a user's cluster)."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _worker_start() -> None:
    """Set up a worker process: every object it holds now (the library, its lexicons and
    models, imported before the fork) is moved out of the garbage collector's sight
    (``gc.freeze``), so that the collections the per-article work triggers do not walk them
    again and again (about a tenth of the CPU of the pass), nor touch the pages a forked
    worker shares with its parent."""
    gc.freeze()


def _context():
    """Fork on Linux (workers start with the library imported), spawn elsewhere."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _alone(fn: Callable, task, on_crash: Crash):
    """``fn(task)`` in a process of its own; ``on_crash(task, reason)`` if that one dies too."""
    with ProcessPoolExecutor(1, mp_context=_context(), initializer=_worker_start) as pool:
        try:
            return pool.submit(fn, task).result()
        except BrokenProcessPool:
            if on_crash is None:
                raise
            return on_crash(task, CRASH_REASON)


def open_engine(name: str = "local", workers: int = 0, scheduler: str | None = None):
    """The engine ``name`` (``local`` or ``dask``) with ``workers`` workers (0: every core)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(workers, scheduler)
    raise ValueError(f"engine {name!r} is not one of {', '.join(ENGINES)}")
