"""The environment is described once and agrees everywhere: pyproject, lock file, environment.yml,
the Makefile's targets, and the notebooks' kernel and parameters."""

import re
import subprocess
import tomllib

import nbformat
import papermill
import pytest
import yaml

from helpers import paths

ROOT = paths.PROJECT_ROOT
STANDARD_PARAMETERS = {"raw_dir", "processed_dir", "annotations_dir", "reports_dir"}


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[_name(name)] = version.strip()
    return pins


def _environment_yml() -> dict[str, str]:
    spec = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for entry in spec["dependencies"]:
        items = entry["pip"] if isinstance(entry, dict) else [entry]
        for item in items:
            if item.startswith("-e") or _name(item) in {"python", "pip"}:
                continue
            pins[_name(item)] = re.split(r"==|=", item, maxsplit=1)[1]
    return pins


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = _pyproject()["project"]
    declared = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {_name(r) for r in extra}
    assert set(_environment_yml()) == declared


def test_every_declared_package_is_pinned_in_the_lock_with_the_same_version():
    lock = _lock()
    for name, version in _environment_yml().items():
        assert lock.get(name) == version, (
            f"{name}: environment.yml {version}, lock {lock.get(name)}"
        )


def test_makefile_help_lists_one_line_per_user_target():
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True)
    listed = re.findall(r"make (\w+)", result.stdout)
    assert {"report", "test", "lab", "setup", "bench", "clean"} <= set(listed)


def _notebooks():
    found = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert found, "no notebooks"
    return found


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_notebook_is_committed_clean_with_the_project_kernel_and_parameters(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == paths.KERNEL_NAME
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name} needs exactly one cell tagged 'parameters'"
    assert STANDARD_PARAMETERS <= set(papermill.inspect_notebook(str(path)))


def test_no_runtime_downloads_of_nltk_data():
    needle = "nltk." + "download"
    for folder in ("src", "notebooks", "tests", "bench"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".ipynb"}:
                assert needle not in path.read_text(encoding="utf-8"), path
