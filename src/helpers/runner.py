"""Run the numbered notebooks with papermill: in order, incrementally, atomically, side by side.

``python -m helpers.runner`` (what ``make report`` calls) executes ``notebooks/NN-*.ipynb`` in
number order, offering each notebook the run's folders, study, columns and style (a notebook
receives those its ``parameters`` cell declares). A notebook reruns when its source, the
library, the lock file, the study files, the inputs or a notebook it reads changed; with
nothing changed the run says it is up to date. A notebook reads every notebook before it,
unless its metadata declares which ones (``runner.after``): such notebooks run side by side,
one per core (see :mod:`helpers.notebook_order` and :mod:`helpers.schedule`).

Nothing is written into the report folder or the processed folder while the notebooks run:
the run takes their locks (a second run waits), stages new copies of both beside them (the
outputs of notebooks that do not rerun are copied in, so an incremental build is the same bytes
as a clean one), and swaps them in whole at the end (see :mod:`helpers.staging`). A failing,
interrupted or killed run leaves the previous report as it was; a failing notebook stops the run
with its name, the failing cell and the error.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
import os
import re
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

from helpers import notebook_order, paths, provenance, report, staging
from helpers.execute import NotebookFailed, normalise_notebook
from helpers.io import write_json
from helpers.plan import ENGINES, STYLES, RunPlan
from helpers.rerun import (
    RUNNER_FILES,
    STATE_FILE,
    STATE_VERSION,
    RunStage,
    input_hashes,
    load_state,
    shared_fingerprint,
    stale_notebooks,
)
from helpers.schedule import run_notebooks

__all__ = ["NotebookFailed", "RunPlan", "RunStopped", "find_notebooks", "normalise_notebook"]

NOTEBOOK_NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.ipynb$")  # e.g. 02-extract-figures.ipynb


class RunStopped(RuntimeError):
    """The run cannot start with what it was given; the message says why in one line."""


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """The ``NN-name.ipynb`` notebooks of ``notebooks_dir`` in number order."""
    found = sorted(p for p in notebooks_dir.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if not found:
        raise RunStopped(f"no NN-name.ipynb notebooks in {notebooks_dir}")
    return found


def _check_inputs(plan: RunPlan) -> None:
    """Refuse a missing input, or output folders that overlap the inputs."""
    if not plan.raw_dir.exists():
        raise RunStopped(f"the raw folder or file {plan.raw_dir} does not exist (set RAW=...)")
    if not plan.notebooks_dir.is_dir():
        raise RunStopped(f"the notebooks folder {plan.notebooks_dir} does not exist")
    inputs = {
        "RAW": plan.raw_dir, "annotations": plan.annotations_dir,
        "notebooks": plan.notebooks_dir, "library": plan.library_dir,
        "studies": plan.studies_dir, "STUDY": plan.study_location,
    }  # fmt: skip
    outputs = {"OUT": plan.out_dir, "PROCESSED": plan.processed_dir}
    for out_name, out in outputs.items():
        for in_name, source in inputs.items():
            if source.is_relative_to(out) or out.is_relative_to(source):
                raise RunStopped(
                    f"{out_name}={out} and the {in_name} folder {source} overlap: a run replaces "
                    f"{out} whole, so it must be a folder of its own"
                )
    if plan.out_dir.is_relative_to(plan.processed_dir):
        raise RunStopped(f"OUT={plan.out_dir} lies inside PROCESSED={plan.processed_dir}")


def _check_outputs(plan: RunPlan, state: dict) -> None:
    """Refuse output folders that hold files a run would delete by replacing them."""
    outputs = {"OUT": plan.out_dir, "PROCESSED": plan.processed_dir}
    ours = {
        "OUT": (plan.out_dir / STATE_FILE).is_file(),
        "PROCESSED": plan.processed_inside_out()
        or state.get("processed") == str(plan.processed_dir)
        or (plan.processed_dir / paths.ARTICLES_CSV).is_file(),
    }
    for name, folder in outputs.items():
        if folder.exists() and not folder.is_dir():
            raise RunStopped(f"{name}={folder} is a file, not a folder")
        if folder.is_dir() and not ours[name]:
            foreign = sorted(p.name for p in folder.iterdir() if p.name not in RUNNER_FILES)
            if foreign:
                raise RunStopped(
                    f"{name}={folder} holds files that make report did not write (such as "
                    f"{foreign[0]}); a run replaces that folder whole: give a new or empty one"
                )


def _check_study(plan: RunPlan, echo) -> None:
    """Stop on a study file that cannot be used; only warn when the study module is missing."""
    try:
        from helpers.study import StudyError, load_study
    except ImportError as error:
        echo(f"Warning: the study {plan.study_ref} was not checked ({error}).")
        return
    try:
        load_study(plan.study_location)
    except StudyError as error:
        raise RunStopped(f"the study file cannot be used: {error}") from None


@contextmanager
def _step(echo):
    """End a progress line ("[2/6] 02-extract-figures.ipynb ...") when the step fails."""
    try:
        yield
    except NotebookFailed:
        echo("FAILED")
        raise
    except BaseException:
        echo("stopped")
        raise


def _echo_corpus_messages(processed_dir: Path, echo) -> None:
    """Repeat what reading the corpus said (refused files, decodings, bad manifest rows)."""
    path = processed_dir / paths.CORPUS_MESSAGES_TXT
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    if lines:
        echo(f"Reading the corpus said ({len(lines)}; see articles.csv):")
        for line in lines:
            echo(f"  {line}")


def run(plan: RunPlan, force: bool = False, echo=print, parallel: int = 0) -> int:
    """Run every notebook whose inputs changed, then rebuild the report page and manifest, and
    swap the new report in. Returns the number of notebooks executed.

    Raises :class:`NotebookFailed` on the first failing notebook and :class:`RunStopped` when
    the run cannot start; the previous report is then left as it was.
    """
    _check_inputs(plan)
    notebooks = find_notebooks(plan.notebooks_dir)
    locks = [plan.out_dir] + ([] if plan.processed_inside_out() else [plan.processed_dir])
    held = [staging.FolderLock(folder, echo) for folder in sorted(locks)]
    try:
        for lock in held:
            lock.acquire()
        journal = staging.run_dir(plan.out_dir) / staging.JOURNAL_NAME
        if staging.recover(journal, locks):
            echo(f"Finished swapping in the report an interrupted run had built ({plan.out_dir}).")
        return _run_locked(plan, notebooks, force, echo, parallel)
    finally:
        for lock in reversed(held):
            lock.release()


def _run_locked(plan: RunPlan, notebooks: list[Path], force: bool, echo, parallel: int) -> int:
    recorded = load_state(plan.out_dir)
    _check_outputs(plan, recorded)
    state = {} if force else recorded
    _check_study(plan, echo)
    try:
        steps = notebook_order.read_steps(notebooks)
    except notebook_order.OrderError as error:
        raise RunStopped(str(error)) from None
    inputs = input_hashes(plan)
    fingerprints = notebook_order.fingerprints(steps, shared_fingerprint(plan, inputs))
    report_key = hashlib.sha256(json.dumps(fingerprints, sort_keys=True).encode()).hexdigest()
    rerun = stale_notebooks(steps, fingerprints, state, plan)
    out = plan.out_dir
    if not rerun and state.get("report") == report_key and (out / "index.html").is_file():
        echo(f"Report is up to date: {len(notebooks)} notebooks, nothing changed ({out}).")
        return 0

    run_id = str(os.getpid())
    journal = staging.run_dir(plan.out_dir) / staging.JOURNAL_NAME
    try:
        stage = RunStage(plan, run_id)
        entries = run_notebooks(steps, rerun, fingerprints, state, stage, echo, parallel)
        new_state = {
            "version": STATE_VERSION,
            "processed": str(plan.processed_dir),
            "notebooks": entries,
        }
        _echo_corpus_messages(stage.plan.processed_dir, echo)
        echo("Writing the report page and manifest ...", end=" ", flush=True)
        with _step(echo):
            problem = report.build_report(plan, stage.plan.out_dir, stage.plan.processed_dir)
            new_state["report"] = report_key
            write_json(stage.plan.out_dir / STATE_FILE, new_state)
            provenance.write_manifest(plan, stage.plan.out_dir, stage.plan.processed_dir, inputs)
            staging.commit(stage.swaps, journal)
    finally:
        if not journal.exists():  # else a commit began: the next run finishes it
            for folder in (plan.out_dir, plan.processed_dir):
                shutil.rmtree(staging.run_dir(folder) / run_id, ignore_errors=True)
    echo(f"done: open {plan.out_dir / 'index.html'}")
    if problem:
        echo(f"Warning: the report page could not read the study: {problem}")
    return len(rerun)


def _previous_report(out_dir: Path) -> str:
    if (out_dir / "index.html").is_file():
        return f"the previous report in {out_dir} is unchanged"
    return f"no report was written to {out_dir}"


def _os_error_message(error: OSError, plan: RunPlan) -> str:
    where = error.filename or plan.out_dir
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full (writing {where}): free some space and run it again"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        beside = ""
        if str(where).endswith(staging.RUN_SUFFIX):
            beside = " (a run builds the new report beside OUT, then swaps it in)"
        return (
            f"cannot write {where} ({error.strerror}){beside}: choose another OUT= or fix "
            "its permissions"
        )
    return f"{where}: {error.strerror or error}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.runner", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--raw", default=str(paths.RAW_DIR), help="folder of articles, or a file")
    parser.add_argument("--out", default=str(paths.REPORTS_DIR), help="report folder")
    parser.add_argument(
        "--processed",
        default="",
        help="processed-data folder (default: data/processed, or OUT/processed)",
    )
    parser.add_argument("--annotations", default=str(paths.ANNOTATIONS_DIR), help="gold standards")
    parser.add_argument("--notebooks", default=str(paths.NOTEBOOKS_DIR), help="source notebooks")
    parser.add_argument("--max-file-mb", type=int, default=10, help="refuse larger raw files")
    parser.add_argument("--study", default="", help="study name or path (default: by RAW)")
    parser.add_argument("--columns", default="", help="column mapping of an export, passed on")
    parser.add_argument("--style", default="report", choices=STYLES, help="how charts are drawn")
    parser.add_argument(
        "--engine",
        default="local",
        choices=ENGINES,
        help="where the per-article pass runs: local cores, or dask (see docs/scale.md)",
    )
    parser.add_argument("--force", action="store_true", help="rerun every notebook")
    parser.add_argument(
        "--parallel",
        type=int,
        default=0,
        help="notebooks run at once where they allow it (0: one per core, at most 4)",
    )
    args = parser.parse_args(argv)
    base = Path.cwd()
    out_dir = paths.resolve(args.out, base)
    if args.processed:
        processed = paths.resolve(args.processed, base)
    elif out_dir == paths.REPORTS_DIR.resolve():
        processed = paths.PROCESSED_DIR
    else:
        processed = out_dir / "processed"
    plan = RunPlan(
        notebooks_dir=paths.resolve(args.notebooks, base),
        raw_dir=paths.resolve(args.raw, base),
        processed_dir=processed,
        annotations_dir=paths.resolve(args.annotations, base),
        out_dir=out_dir,
        max_file_mb=args.max_file_mb,
        study=args.study,
        columns=args.columns,
        style=args.style,
        engine=args.engine,
    )
    return run_and_report(plan, force=args.force, parallel=args.parallel)


def run_and_report(plan: RunPlan, force: bool = False, parallel: int = 0) -> int:
    """:func:`run`, with every way it can stop told in a line or two on stderr (no traceback)."""

    def stop(message: str, code: int) -> int:
        print(f"make report stopped: {message}", file=sys.stderr)
        return code

    try:
        run(plan, force=force, parallel=parallel)
    except NotebookFailed as error:
        full = "the disk is full. " if "[Errno 28]" in str(error) else ""
        stop(f"{error}", 1)
        print(
            f"{full}{_previous_report(plan.out_dir).capitalize()}. To see the failing cell, "
            "open the notebook in JupyterLab (make lab).",
            file=sys.stderr,
        )
        return 1
    except RunStopped as error:
        return stop(str(error), 2)
    except KeyboardInterrupt:
        print(f"\nmake report interrupted: {_previous_report(plan.out_dir)}.", file=sys.stderr)
        return 130
    except OSError as error:
        return stop(f"{_os_error_message(error, plan)}; {_previous_report(plan.out_dir)}.", 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
