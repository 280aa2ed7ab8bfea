"""Notebooks 03 and 04 keep per-bucket partial results in ``cache_dir`` (helpers.pipeline.memo)
and give the same files with or without it: the seeds through the pass, then each notebook's
code run three times (no cache, a cache being filled, the cache read back), write the same
bytes in tables/ and figures/."""

from __future__ import annotations

import json
import re

import matplotlib
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers import paths, pipeline

NOTEBOOKS = ("03-sources-and-claims", "04-chart-figures")
PARAMETER = re.compile(r'^cache_dir: str = ""  # .+$', re.M)  # the runner passes a folder


def _cells(name: str) -> list[str]:
    notebook = json.loads((paths.NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_declares_cache_dir_and_uses_it(name):
    cells = _cells(name)
    assert PARAMETER.search(cells[0])
    assert "cache_dir" in "\n".join(cells[1:])


def _run(name: str, processed, reports, cache_dir: str) -> dict[str, bytes]:
    """The notebook's code cells as one script with its parameters; the files it wrote."""
    matplotlib.use("Agg")
    for folder in ("tables", "figures"):
        (reports / folder).mkdir(parents=True, exist_ok=True)
    cells = _cells(name)
    scope: dict = {"__name__": "__main__"}
    exec(cells[0], scope)
    scope.update(processed_dir=str(processed), reports_dir=str(reports), study=SEED_STUDY,
                 raw_dir=str(SEED_RAW_DIR), cache_dir=cache_dir)  # fmt: skip
    for cell in cells[1:]:
        exec("\n".join(line for line in cell.splitlines() if not line.startswith("%")), scope)
    import matplotlib.pyplot as plt

    plt.close("all")
    return {str(p.relative_to(reports)): p.read_bytes() for p in reports.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds") / "processed"
    pipeline.run(SEED_RAW_DIR, folder, study=SEED_STUDY, workers=1, progress=False)
    return folder


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_writes_the_same_files_with_and_without_its_cache(name, processed, tmp_path):
    plain = _run(name, processed, tmp_path / "plain", "")
    assert any(path.startswith("tables/") for path in plain) or name.startswith("04")
    assert any(path.endswith(".png") for path in plain)
    cache = tmp_path / "cache"
    for run in ("filled", "read"):
        assert _run(name, processed, tmp_path / run, str(cache)) == plain, run
    assert any(cache.rglob("*.pkl"))
