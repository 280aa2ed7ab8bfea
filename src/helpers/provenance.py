"""The provenance of a report, ``manifest.json``: what went in, what came out, with which packages.

(Not to be confused with a corpus's ``manifest.csv``, which describes the raw articles.)

:func:`write_manifest` writes ``<out>/manifest.json`` last in a run: the sha256 of every input
(raw articles, annotations, notebooks, study files, library code, lock file) and of every
output (the report folder, and the processed folder when it lies elsewhere), the installed
versions of the packages the notebooks use, and the run's parameters (folders, study, columns,
style). Keys are sorted and nothing in it depends on the time of the run.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from helpers.io import file_hashes, write_json
from helpers.plan import RunPlan

MANIFEST_JSON = "manifest.json"
REPORT_PACKAGES = (
    "jupyterlab", "ipykernel", "pandas", "pyarrow", "matplotlib", "seaborn", "nltk",
    "papermill", "nbconvert", "nbformat", "vaderSentiment", "tqdm", "numpy", "jinja2",
    "PyYAML", "jsonschema",
)  # fmt: skip


def package_versions() -> dict[str, str]:
    """Installed versions of the packages the report depends on."""
    versions = {}
    for name in REPORT_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def output_hashes(plan: RunPlan, out_dir: Path, processed_dir: Path) -> dict[str, str]:
    """sha256 of every output: ``reports/...`` below ``out_dir`` (the manifest itself excepted)
    and ``processed/...`` below ``processed_dir`` when it lies outside the report folder."""
    outputs = file_hashes(out_dir, "reports")
    outputs.pop(f"reports/{MANIFEST_JSON}", None)
    if not plan.processed_inside_out():
        outputs.update(file_hashes(processed_dir, "processed"))
    return dict(sorted(outputs.items()))


def build_manifest(
    plan: RunPlan, out_dir: Path, processed_dir: Path, inputs: dict[str, str]
) -> dict:
    """The manifest of a run of ``plan`` whose outputs are (for now) in the folders given."""
    return {
        "status": "complete",
        "parameters": plan.parameters(),
        "inputs": dict(sorted(inputs.items())),
        "outputs": output_hashes(plan, out_dir, processed_dir),
        "packages": package_versions(),
    }


def write_manifest(
    plan: RunPlan, out_dir: Path, processed_dir: Path, inputs: dict[str, str]
) -> Path:
    """Write ``manifest.json`` into ``out_dir`` (last, so that it hashes every other file)."""
    return write_json(out_dir / MANIFEST_JSON, build_manifest(plan, out_dir, processed_dir, inputs))
