"""Run the notebooks a run must redo, side by side where their declarations allow it.

:func:`run_notebooks` walks the run's notebooks in number order (see
:mod:`helpers.notebook_order`): a notebook that does not rerun has its outputs carried over
into the staged folders; one that reruns starts as soon as the notebooks it reads are done.
An undeclared notebook runs alone, in the staged folders themselves, and what it wrote is what
changed there. A declared notebook runs beside others in a report folder of its own
(:meth:`helpers.rerun.RunStage.beside`), so what it wrote is known exactly and moved into the
staged report folder when it ends. Each notebook is a kernel of its own, so threads are enough
to keep several busy. A failing notebook stops the run: nothing new starts, the notebooks
already running end, and the first failure (in number order) is raised.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from helpers import notebook_order
from helpers.execute import NotebookFailed, execute_notebook
from helpers.io import atomic_write_bytes, sha256_file
from helpers.notebook_order import Step
from helpers.plan import RunPlan
from helpers.rerun import RunStage, executed_copies, snapshot_of


def run_notebooks(
    steps: list[Step],
    rerun: set[str],
    fingerprints: dict,
    state: dict,
    stage: RunStage,
    echo,
    parallel: int = 0,
) -> dict[str, dict]:
    """Run the notebooks of ``rerun``, at most ``parallel`` at a time (0: one per core, see
    :func:`helpers.notebook_order.parallel_notebooks`), and carry the others' outputs over;
    return every notebook's new state entry (its fingerprint and the sha256 of each file it
    wrote)."""
    recorded = state.get("notebooks", {})
    reads = notebook_order.reads(steps)
    order = [s.name for s in steps if s.name in rerun]
    label = {name: f"[{n}/{len(order)}] {name}" for n, name in enumerate(order, start=1)}
    entries: dict[str, dict] = {}
    ran: set[str] = set()
    done: set[str] = set()
    running: dict = {}  # future -> (step, start time)
    failures: dict[str, BaseException] = {}
    width = parallel if parallel > 0 else notebook_order.parallel_notebooks()

    def start(step: Step) -> None:
        if step.declared:
            echo(f"{label[step.name]} started")
            readable = [n for r in sorted(reads[step.name]) for n in entries[r]["outputs"]]
            future = pool.submit(_run_beside, step, stage, readable)
        else:
            echo(f"{label[step.name]} ...", end=" ", flush=True)
            future = pool.submit(_run_alone, step, stage, sys.stderr.isatty())
        running[future] = (step, time.perf_counter())

    def finish(step: Step, written: list[str]) -> None:
        for other, entry in entries.items():  # a file belongs to its last writer
            for name in written:
                if name in entry["outputs"] and _side_by_side(step.name, other, ran, reads):
                    raise NotebookFailed(
                        f"{step.name} and {other} both write {name}, and neither reads the "
                        "other: which one the report keeps would depend on timing"
                    )
                entry["outputs"].pop(name, None)
        entries[step.name] = {
            "fingerprint": fingerprints[step.name],
            "outputs": {name: sha256_file(stage.path(name)) for name in written},
        }

    pool = ThreadPoolExecutor(max_workers=width, thread_name_prefix="notebook")
    try:
        while len(done) < len(steps):
            carried = True
            while carried:  # outputs carried over may make more notebooks ready
                carried = False
                for step in notebook_order.ready(
                    steps, done, {s.name for s, _ in running.values()}
                ):
                    if step.name not in rerun:
                        entries[step.name] = recorded[step.name]
                        stage.carry([*recorded[step.name]["outputs"], *_copies(step.name)])
                        done.add(step.name)
                        carried = True
                    elif not failures and len(running) < width:
                        start(step)
            if not running:
                break  # a failure stopped the run, or every notebook is done
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: running[f][0].name):
                step, started = running.pop(future)
                prefix = f"{label[step.name]} " if step.declared else ""
                try:
                    finish(step, future.result())
                    echo(f"{prefix}done in {time.perf_counter() - started:.1f} s")
                except BaseException as error:
                    failures[step.name] = error
                    failed = isinstance(error, NotebookFailed)
                    echo(f"{prefix}{'FAILED' if failed else 'stopped'}")
                ran.add(step.name)
                done.add(step.name)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if failures:
        raise failures[min(failures)]
    return {name: entries[name] for name in sorted(entries)}


def _side_by_side(one: str, other: str, ran: set[str], reads: dict[str, set[str]]) -> bool:
    """True when two notebooks of this run may have run at the same time."""
    return other in ran and other not in reads[one] and one not in reads[other]


def _copies(name: str) -> list[str]:
    return [f"reports/{n}" for n in executed_copies(name)]


def _run_alone(step: Step, stage: RunStage, progress_bar: bool) -> list[str]:
    """Run a notebook in the staged folders themselves (nothing runs beside it)."""
    before = stage.snapshot()
    _execute(step, stage, stage.plan, progress_bar)
    return sorted(k for k, v in stage.snapshot().items() if before.get(k) != v)


def _run_beside(step: Step, stage: RunStage, readable: list[str]) -> list[str]:
    """Run a declared notebook in a report folder of its own, beside other notebooks."""
    own = stage.beside(step.name, readable)
    before, processed = snapshot_of(own.out_dir), stage.processed_snapshot()
    _execute(step, stage, own, False)
    if stage.processed_snapshot() != processed:
        raise NotebookFailed(
            f"{step.name} declares the notebooks it reads (metadata runner.after), so it runs "
            "beside others and may write only into its reports folder, but the processed "
            "folder changed while it ran"
        )
    return stage.take(own, before)


def _execute(step: Step, stage: RunStage, plan: RunPlan, progress_bar: bool) -> None:
    # cache_dir is given only to notebooks that declare it, and is the same in every run
    cache = os.path.relpath(stage.cache, stage.final.notebooks_dir)
    notebook_bytes, html_bytes = execute_notebook(
        step.source, {**plan.parameters(), "cache_dir": cache}, stage.final.notebooks_dir,
        stage.scratch,
        stage.replacements(plan), progress_bar=progress_bar,
    )  # fmt: skip
    executed, html = executed_copies(step.name)
    atomic_write_bytes(stage.path(f"reports/{executed}"), notebook_bytes)
    atomic_write_bytes(stage.path(f"reports/{html}"), html_bytes)
