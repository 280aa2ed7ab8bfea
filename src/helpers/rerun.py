"""What a run of the notebooks must redo: fingerprints of its inputs and the last run's state.

A notebook's fingerprint chains the fingerprint of everything every notebook reads (library code,
lock file, study files, raw articles, annotations and the run's parameters: see
:func:`shared_fingerprint`) with its own source and the fingerprints of the notebooks before it,
so a change upstream marks everything after it. The state file of the report folder records,
per notebook, its fingerprint and the sha256 of each file it wrote (``reports/...`` in the report
folder, ``processed/...`` in the processed folder): :func:`first_stale` finds the first notebook
to rerun, and the outputs of the ones before it can be copied into a new run unchanged.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from helpers import paths
from helpers.io import file_hashes, sha256_file
from helpers.plan import RunPlan

STATE_FILE = ".runner-state.json"  # fingerprints and outputs of each notebook of the last run
STATE_VERSION = 2
PROJECT_FILES = ("requirements.lock", "pyproject.toml")


def input_hashes(plan: RunPlan) -> dict[str, str]:
    """sha256 of every input of the run, keyed as the manifest lists them."""
    hashes = {
        **file_hashes(plan.raw_dir, "raw"),
        **file_hashes(plan.annotations_dir, "annotations"),
        **file_hashes(plan.notebooks_dir, "notebooks"),
        **file_hashes(plan.studies_dir, "studies"),
        **file_hashes(plan.library_dir, "library"),
    }
    if not plan.study_location.is_relative_to(plan.studies_dir):
        hashes.update(file_hashes(plan.study_location, "study"))
    for name in PROJECT_FILES:
        if (paths.PROJECT_ROOT / name).is_file():
            hashes[f"project/{name}"] = sha256_file(paths.PROJECT_ROOT / name)
    return hashes


def shared_fingerprint(plan: RunPlan, inputs: dict[str, str]) -> str:
    """What every notebook depends on: every input but the notebooks, and the parameters."""
    shared = {k: v for k, v in inputs.items() if not k.startswith("notebooks/")}
    text = json.dumps([shared, plan.parameters()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def notebook_fingerprints(notebooks: list[Path], shared: str) -> dict[str, str]:
    """One fingerprint per notebook, chained so a change upstream marks everything after it."""
    fingerprints: dict[str, str] = {}
    previous = shared
    for source in notebooks:
        previous = hashlib.sha256(previous.encode() + source.read_bytes()).hexdigest()
        fingerprints[source.name] = previous
    return fingerprints


def load_state(out_dir: Path) -> dict:
    """What the last successful run recorded: per notebook its fingerprint and outputs."""
    try:
        state = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) and state.get("version") == STATE_VERSION else {}


def final_path(plan: RunPlan, name: str) -> Path:
    root, _, relative = name.partition("/")
    return (plan.processed_dir if root == "processed" else plan.out_dir) / relative


def executed_copies(name: str) -> tuple[str, str]:
    return f"notebooks/{name}", f"html/{Path(name).stem}.html"


def first_stale(notebooks: list[Path], fingerprints: dict, state: dict, plan: RunPlan) -> int:
    """Index of the first notebook to rerun (``len(notebooks)`` when none has to).

    A notebook reruns when its fingerprint changed or an output it wrote is missing; the
    outputs of the notebooks before it, which the run copies, must still hold the bytes
    they were written with.
    """
    recorded = state.get("notebooks", {})
    stale = len(notebooks)
    for index, source in enumerate(notebooks):
        entry = recorded.get(source.name, {})
        wanted = [
            *entry.get("outputs", {}),
            *(f"reports/{n}" for n in executed_copies(source.name)),
        ]
        if entry.get("fingerprint") != fingerprints[source.name] or not all(
            final_path(plan, name).is_file() for name in wanted
        ):
            stale = index
            break
    return stale


def changed_since_recorded(notebooks: list[Path], upto: int, state: dict, plan: RunPlan) -> int:
    """The first notebook before ``upto`` whose outputs no longer hold their recorded bytes."""
    recorded = state.get("notebooks", {})
    for index, source in enumerate(notebooks[:upto]):
        for name, digest in recorded[source.name]["outputs"].items():
            if sha256_file(final_path(plan, name)) != digest:
                return index
    return upto
