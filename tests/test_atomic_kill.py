"""`kill -9` at any point of a run: the report folder and the processed folder are each either
the old one or the new one, never a mix, and the next run completes and gives the new one.

A real runner process builds a small project (two notebooks, the processed folder apart from
the report folder as in the default layout) and is killed at several points: while starting,
while the first notebook runs, once a notebook's executed copy is staged, while the report page
is written, and while the new folders are swapped in."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpers import staging
from test_runner import DRIVER, leftovers, make_project, tree


def _run(root: Path) -> subprocess.Popen:
    log = open(root / "run.log", "ab")  # not a pipe: an orphaned kernel must not hold it open
    try:
        return subprocess.Popen(
            [sys.executable, str(root / "driver.py"), str(root), "data/processed"],
            stdout=log,
            stderr=log,
        )
    finally:
        log.close()


def _staged(root: Path, pattern: str) -> bool:
    return any(staging.run_dir(root / "out").glob(pattern)) or any(
        staging.run_dir(root / "data" / "processed").glob(pattern)
    )


# When to kill: a moment after the start, or as soon as the run reaches a step.
POINTS = {
    "starting": lambda root, started: time.monotonic() - started > 0.4,
    "first notebook": lambda root, started: _staged(root, "*/new/count.csv"),
    "after a notebook": lambda root, started: _staged(root, "*/new/notebooks/01-*.ipynb"),
    "report page": lambda root, started: _staged(root, "*/new/index.html"),
    "swap": lambda root, started: (staging.run_dir(root / "out") / "journal.json").exists(),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The project with its old report (one article) and a second article to add; the trees
    of the old folders, and a record of the new ones that every completed run must give."""
    root = tmp_path_factory.mktemp("kill")
    make_project(root)
    (root / "driver.py").write_text(DRIVER)
    (root / "data" / "processed").mkdir(parents=True)
    assert _run(root).wait(timeout=120) == 0, (root / "run.log").read_text()
    shutil.copytree(root / "out", root / "old-out")
    shutil.copytree(root / "data" / "processed", root / "old-processed")
    (root / "raw" / "b.txt").write_text("A second article: every notebook reruns.")
    return root, (tree(root / "old-out"), tree(root / "old-processed")), []


def _restore_old(root: Path) -> None:
    for name, old in (("out", "old-out"), ("data/processed", "old-processed")):
        shutil.rmtree(root / name)
        shutil.copytree(root / old, root / name)


def _trees(root: Path) -> tuple[dict, dict]:
    return tree(root / "out"), tree(root / "data" / "processed")


@pytest.mark.parametrize("point", list(POINTS))
def test_a_killed_run_leaves_the_old_or_the_new_report_and_the_next_run_completes(project, point):
    root, old, completed = project
    _restore_old(root)
    process, started = _run(root), time.monotonic()
    while process.poll() is None and not POINTS[point](root, started):
        time.sleep(0.002)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    killed = _trees(root)

    assert _run(root).wait(timeout=120) == 0, (root / "run.log").read_text()
    new = _trees(root)
    assert new != old and all(new == other for other in completed)  # every run ends the same
    completed.append(new)
    assert killed[0] in (old[0], new[0]), "the report folder is a mix of old and new"
    assert killed[1] in (old[1], new[1]), "the processed folder is a mix of old and new"
    folders = SimpleNamespace(out_dir=root / "out", processed_dir=root / "data" / "processed")
    assert leftovers(folders) == []
    assert "KeyboardInterrupt" not in (root / "run.log").read_text()  # no stray kernel noise
