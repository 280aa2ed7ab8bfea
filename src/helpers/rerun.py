"""What a run of the notebooks must redo and what it carries over from the last run.

A notebook's fingerprint chains the fingerprint of everything every notebook reads (library code,
lock file, study files, raw articles, annotations and the run's parameters: see
:func:`shared_fingerprint`) with its own source and the fingerprints of the notebooks it reads
(:mod:`helpers.notebook_order`), so a change marks it and every notebook that reads it. The
state file of the report folder records, per notebook, its fingerprint and the sha256 of each
file it wrote (``reports/...`` in the report folder, ``processed/...`` in the processed folder):
:func:`stale_notebooks` finds the notebooks to rerun, and the outputs of the others are copied
into the run's staging folders (:class:`RunStage`) unchanged, with the per-article store
(``paths.STORE_DIR``) linked whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from helpers import paths, staging
from helpers.filehash import RAW_HASHES, HashMemo
from helpers.io import file_hashes, sha256_file
from helpers.notebook_order import Step
from helpers.plan import RunPlan

STATE_FILE = ".runner-state.json"  # fingerprints and outputs of each notebook of the last run
STATE_VERSION = 3
PROJECT_FILES = ("requirements.lock", "pyproject.toml")
RUNNER_FILES = {"index.html", "manifest.json", STATE_FILE, *staging.KEEP_NAMES}
RUNNER_FOLDERS = ("notebooks", "html")  # executed copies, written by the runner itself


def input_hashes(plan: RunPlan) -> dict[str, str]:
    """sha256 of every input of the run, keyed as the manifest lists them (the raw files read
    again only when their stat changed since the last run: :mod:`helpers.filehash`)."""
    memo = HashMemo(staging.cache_dir(plan.out_dir) / RAW_HASHES)
    hashes = {
        **file_hashes(plan.raw_dir, "raw", memo),
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
    memo.save()
    return hashes


def shared_fingerprint(plan: RunPlan, inputs: dict[str, str]) -> str:
    """What every notebook depends on: every input but the notebooks, and the parameters."""
    shared = {k: v for k, v in inputs.items() if not k.startswith("notebooks/")}
    text = json.dumps([shared, plan.parameters()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


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


def stale_notebooks(steps: list[Step], fingerprints: dict, state: dict, plan: RunPlan) -> set[str]:
    """The notebooks to rerun, and every notebook that reads one of them.

    A notebook reruns when its fingerprint changed, an output it wrote is missing, or an output
    no longer holds the bytes it was written with (the run would copy it on unchanged).
    """
    recorded = state.get("notebooks", {})
    rerun = set()
    for step in steps:
        if rerun.intersection(step.after):
            rerun.add(step.name)  # it reads a notebook that reruns: no need to hash its outputs
            continue
        entry = recorded.get(step.name, {})
        outputs = entry.get("outputs", {})
        copies = [final_path(plan, f"reports/{n}") for n in executed_copies(step.name)]
        if (
            entry.get("fingerprint") != fingerprints[step.name]
            or not all(path.is_file() for path in copies)
            or not all(
                final_path(plan, name).is_file() and sha256_file(final_path(plan, name)) == digest
                for name, digest in outputs.items()
            )
        ):
            rerun.add(step.name)
    return rerun


def snapshot_of(root: Path, skip: Path | None = None) -> dict[str, tuple[int, int, int]]:
    """``{relative path: (inode, size, mtime)}`` of the files below ``root``."""
    found = {}
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        dirs[:] = [d for d in dirs if base / d != skip]
        for name in files:
            stat = os.lstat(base / name)
            found[(base / name).relative_to(root).as_posix()] = (
                stat.st_ino, stat.st_size, stat.st_mtime_ns
            )  # fmt: skip
    return found


class RunStage:
    """The staging folders of one run and what the notebooks write into them."""

    def __init__(self, plan: RunPlan, run_id: str) -> None:
        self.final = plan
        self.swaps = [staging.staging_for(plan.out_dir, run_id)]
        out = self.swaps[0].staged
        if plan.processed_inside_out():
            processed = out / plan.processed_dir.relative_to(plan.out_dir)
            processed.mkdir(parents=True, exist_ok=True)
        else:
            self.swaps.append(staging.staging_for(plan.processed_dir, run_id))
            processed = self.swaps[1].staged
        self.plan = plan.staged(out, processed)
        self.scratch = staging.run_dir(plan.out_dir) / run_id / "scratch"
        self.scratch.mkdir()
        self.cache = staging.cache_dir(plan.out_dir)
        link_tree(plan.processed_dir / paths.STORE_DIR, processed / paths.STORE_DIR)

    def replacements(self, plan: RunPlan | None = None) -> dict[str, str]:
        """Staging folder -> final folder, as the notebooks see them and absolute."""
        plan = plan or self.plan
        staged, final = plan.parameters(), self.final.parameters()
        pairs = {staged[k]: final[k] for k in ("reports_dir", "processed_dir")}
        pairs[str(plan.out_dir)] = str(self.final.out_dir)
        pairs[str(plan.processed_dir)] = str(self.final.processed_dir)
        return pairs

    def beside(self, name: str, readable: list[str]) -> RunPlan:
        """A report folder of its own for notebook ``name``, which runs beside others: it holds
        links to the ``readable`` outputs (those of the notebooks it reads) and receives what
        the notebook writes, which :meth:`take` then moves into the staged report folder."""
        out = self.scratch / Path(name).stem
        out.mkdir()
        for output in readable:
            if output.startswith("reports/"):
                target = out / output.removeprefix("reports/")
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(self.path(output), target)
                except OSError:
                    shutil.copyfile(self.path(output), target)
        return self.plan.staged(out, self.plan.processed_dir)

    def take(self, own: RunPlan, before: dict) -> list[str]:
        """Move what a notebook wrote in its own report folder into the staged one."""
        after = snapshot_of(own.out_dir)
        written = sorted(k for k, v in after.items() if before.get(k) != v)
        for relative in written:
            target = self.plan.out_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(own.out_dir / relative, target)
        shutil.rmtree(own.out_dir, ignore_errors=True)
        return [f"reports/{relative}" for relative in written]

    def processed_snapshot(self) -> dict[str, tuple[int, int, int]]:
        """The processed folder's files but the per-article store (read, never written, by
        notebooks that run beside others)."""
        return snapshot_of(self.plan.processed_dir, self.plan.processed_dir / paths.STORE_DIR)

    def path(self, name: str) -> Path:
        return final_path(self.plan, name)

    def carry(self, names) -> None:
        """Copy outputs of notebooks that do not rerun from the final folders."""
        for name in names:
            target = self.path(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(final_path(self.final, name), target)

    def snapshot(self) -> dict[str, tuple[int, int, int]]:
        skip = self.plan.processed_dir if self.final.processed_inside_out() else None
        found = {f"reports/{k}": v for k, v in snapshot_of(self.plan.out_dir, skip).items()}
        store = self.plan.processed_dir / paths.STORE_DIR  # handed on whole, not by owner
        found.update(
            {f"processed/{k}": v for k, v in snapshot_of(self.plan.processed_dir, store).items()}
        )
        return {name: sig for name, sig in found.items() if not runner_file(name)}


def link_tree(source: Path, target: Path) -> None:
    """Hard-link every file below ``source`` into ``target`` (copy where links fail)."""
    for folder, _, files in os.walk(source):
        into = target / Path(folder).relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(Path(folder) / name, into / name)
            except OSError:
                shutil.copyfile(Path(folder) / name, into / name)


def runner_file(name: str) -> bool:
    """True for the files the runner writes in the report folder (not a notebook's output)."""
    if not name.startswith("reports/"):
        return False
    relative = name.removeprefix("reports/")
    return relative in RUNNER_FILES or relative.split("/")[0] in RUNNER_FOLDERS
