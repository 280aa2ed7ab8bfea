"""Which earlier notebooks each notebook reads, and so which notebooks may run beside each other.

A notebook may declare, in its metadata, the notebooks whose outputs it reads::

    "metadata": {"runner": {"after": ["01-clean-corpus.ipynb"]}, ...}

It then promises to read only those notebooks' outputs (and the run's inputs), and to write
only into its reports folder. Declared notebooks whose notebooks are done run beside each
other, as many at a time as :func:`parallel_notebooks` allows, and a change in one of them
reruns only itself and the notebooks that read it. A declared notebook that holds much of the
corpus in memory may also say ``"alone": true``: it then starts only when no other notebook
runs, and none starts beside it, so that two large kernels never add up. A notebook without
the declaration reads everything before it, as a plain numbered sequence would: it runs alone,
once every notebook before it is done, and no notebook after it starts before it ends.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

METADATA_KEY = "runner"
AFTER_KEY = "after"
ALONE_KEY = "alone"
MAX_PARALLEL = 4  # each notebook is a kernel of its own, with its own memory


class OrderError(ValueError):
    """A notebook's declaration names a notebook that does not come before it."""


@dataclass(frozen=True)
class Step:
    """One notebook of the run and the notebooks it reads."""

    source: Path
    after: tuple[str, ...]  # names of the notebooks whose outputs it reads
    declared: bool  # False: it reads everything before it and runs alone
    alone: bool = False  # declared, but runs with no other notebook beside it (its memory)

    @property
    def name(self) -> str:
        return self.source.name


def read_steps(notebooks: list[Path]) -> list[Step]:
    """The run's notebooks in number order, each with what it reads."""
    steps: list[Step] = []
    for index, source in enumerate(notebooks):
        earlier = [p.name for p in notebooks[:index]]
        metadata = json.loads(source.read_text(encoding="utf-8")).get("metadata", {})
        runner = metadata.get(METADATA_KEY, {})
        declared = runner.get(AFTER_KEY)
        if declared is None:
            steps.append(Step(source, tuple(earlier), declared=False))
            continue
        if not isinstance(declared, list) or not all(isinstance(n, str) for n in declared):
            raise OrderError(f"{source.name}: metadata runner.after must be a list of names")
        unknown = [name for name in declared if name not in earlier]
        if unknown:
            raise OrderError(
                f"{source.name}: metadata runner.after names {unknown[0]}, which is not a "
                "notebook before it"
            )
        alone = runner.get(ALONE_KEY, False)
        if not isinstance(alone, bool):
            raise OrderError(f"{source.name}: metadata runner.alone must be true or false")
        after = tuple(n for n in earlier if n in declared)
        steps.append(Step(source, after, declared=True, alone=alone))
    return steps


def reads(steps: list[Step]) -> dict[str, set[str]]:
    """Every notebook each notebook reads, directly or through the notebooks it reads."""
    found: dict[str, set[str]] = {}
    for step in steps:
        found[step.name] = set(step.after).union(*(found[name] for name in step.after))
    return found


def fingerprints(steps: list[Step], shared: str) -> dict[str, str]:
    """One fingerprint per notebook: what every notebook reads, its own source and the
    fingerprints of the notebooks it reads, so a change reruns it and what reads it."""
    found: dict[str, str] = {}
    for step in steps:
        digest = hashlib.sha256(shared.encode() + step.source.read_bytes())
        for name in step.after:
            digest.update(found[name].encode())
        found[step.name] = digest.hexdigest()
    return found


def ready(steps: list[Step], done: set[str], running: set[str]) -> list[Step]:
    """The notebooks that may start now, in number order.

    A notebook starts when the notebooks it reads are done; an undeclared notebook also waits
    for everything before it, and nothing after it starts before it is done. A notebook
    declared ``alone`` starts only when nothing runs, and nothing starts beside it; while it
    waits for the running ones to end, no notebook after it starts.
    """
    found: list[Step] = []
    for index, step in enumerate(steps):
        if step.name in done:
            continue
        if step.name in running:
            if not step.declared or step.alone:
                return []
            continue
        if step.alone and set(step.after) <= done:
            return found if running or found else [step]  # found: before it in order
        before = {s.name for s in steps[:index]}
        if not step.declared:
            if not running and before <= done:
                found.append(step)
            break  # a barrier: nothing after it may start yet
        if set(step.after) <= done:
            found.append(step)
    return found


def parallel_notebooks() -> int:
    """How many notebooks run at once: one per core, at most :data:`MAX_PARALLEL`."""
    return max(1, min(MAX_PARALLEL, len(os.sched_getaffinity(0))))
