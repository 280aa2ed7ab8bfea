"""The compiled builds (``make native``, ``helpers.native``) of the figure reader and of the
attribution: they read every text as pure Python does, ``HELPERS_PURE=1`` turns them off, a
build older than its sources never runs, and each package's build is decided on its own.

The finder's decision is tested on a small folder of our own (no compiler needed); the tests
that run the real build skip when this environment has none (``make native`` makes it)."""

import json
import os
import shutil
import subprocess
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
from pathlib import Path

import pytest

from fixtures import SEED_RAW_DIR
from helpers import native

SRC = Path(native.__file__).resolve().parents[1]

# Sentences of our own, one or two per shape the reader knows, read both ways.
SENTENCES = [
    "Nearly 3,400 households lost power, up from 2,950 on Monday.",
    "The index fell 1.8% to 7,412.5 points; bond yields rose 12 basis points.",
    "Officials counted between 40 and 55 boats, roughly a third of them fishing vessels.",
    "She earned £48,500 a year, or about $61,000, before tax.",
    "A 12m wall, three dozen workers and half a million bricks: 2.5 times the budget.",
    "Sixty-two of the 150 delegates voted yes; one in four abstained.",
    "Rainfall of 120mm (4.7 in) was recorded at 06:30 on 3 March 2024.",
]

# Run in a child process: the figures of each text, and whether the reader was compiled.
READ = """
import json, sys
from dataclasses import astuple
import helpers.figures.extract as extract
from helpers import native
from helpers.figures import extract_figures
texts = json.loads(sys.stdin.read())
print(json.dumps({"compiled": native.is_compiled(extract), "status": native.status(),
                  "figures": [[list(astuple(f)) for f in extract_figures(t)] for t in texts]}))
"""


def _read(texts: list[str], env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", READ],
        input=json.dumps(texts),
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return {**json.loads(done.stdout), "stderr": done.stderr}


def _texts() -> list[str]:
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEED_RAW_DIR.glob("*.txt"))]
    assert articles
    return SENTENCES + articles


def _current_build(name: str = "figures") -> dict:
    """The manifest of this environment's build of a package, or skip when there is none or
    it is stale."""
    manifest = native.read_manifest(native.native_dir() / name)
    if manifest is None:
        pytest.skip(f"no compiled build of {name} in {native.native_dir()} (make native)")
    if native.changed_sources(manifest, SRC):
        pytest.skip(f"the compiled build of {name} is older than the sources (make native)")
    return manifest


def _fake_build(tmp_path: Path, name: str = "figures") -> tuple[Path, Path]:
    """A source folder with one module of ``helpers.<name>`` and a folder of builds holding a
    'build' of it whose manifest hashes it."""
    src, builds = tmp_path / "src", tmp_path / "builds"
    module = src / "helpers" / name / "demo.py"
    module.parent.mkdir(parents=True)
    module.write_text("VALUE = 1\n", encoding="utf-8")
    build = builds / name
    (build / "helpers" / name).mkdir(parents=True)
    ext = f"helpers/{name}/demo" + EXTENSION_SUFFIXES[0]
    (build / ext).write_bytes(b"")
    manifest = {
        "suffix": EXTENSION_SUFFIXES[0],
        "summary": f"helpers.{name}",
        "compiled": [f"helpers.{name}.demo"],
        "modules": {f"helpers.{name}.demo": ext},
        "sources": {f"helpers/{name}/demo.py": native.digest(module)},
    }
    (build / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return src, builds


def test_finder_serves_the_extension_while_the_sources_match(tmp_path):
    src, build = _fake_build(tmp_path)
    finder = native.NativeFinder(build)
    spec = finder.find_spec("helpers.figures.demo", [str(src / "helpers" / "figures")])
    assert spec is not None and isinstance(spec.loader, ExtensionFileLoader)
    ext = build / "figures" / "helpers" / "figures" / ("demo" + EXTENSION_SUFFIXES[0])
    assert spec.origin == str(ext)
    assert finder.reason.startswith("compiled: 1 modules")
    assert finder.find_spec("helpers.figures", [str(src / "helpers")]) is None  # pure package
    assert finder.find_spec("helpers.figures.other", None) is None  # not compiled: Python's


def test_finder_stands_aside_with_a_warning_when_a_source_changed(tmp_path):
    src, build = _fake_build(tmp_path)
    (src / "helpers" / "figures" / "demo.py").write_text("VALUE = 2\n", encoding="utf-8")
    finder = native.NativeFinder(build)
    assert finder.find_spec("helpers.figures", [str(src / "helpers")]) is None
    assert not finder.decided  # only a compiled module's import compares the sources
    with pytest.warns(RuntimeWarning, match="helpers/figures/demo.py changed"):
        spec = finder.find_spec("helpers.figures.demo", [str(src / "helpers" / "figures")])
    assert spec is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # decided once: no second warning
        assert finder.find_spec("helpers.figures.demo", [str(src / "helpers" / "figures")]) is None
    assert finder.reason.startswith("pure Python: helpers/figures/demo.py changed")


def test_a_removed_source_or_another_python_means_pure(tmp_path):
    src, build = _fake_build(tmp_path)
    (src / "helpers" / "figures" / "demo.py").unlink()
    build = build / "figures"
    assert native.changed_sources(native.read_manifest(build), src) == ["helpers/figures/demo.py"]
    manifest = json.loads((build / native.MANIFEST).read_text(encoding="utf-8"))
    manifest["suffix"] = ".cpython-27-other.so"
    (build / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert native.read_manifest(build) is None
    assert native.NativeFinder(build.parent).find_spec("helpers.figures.demo", ["x"]) is None


def test_pure_switch_keeps_the_finder_out(tmp_path, monkeypatch):
    _, build = _fake_build(tmp_path)
    others = [f for f in sys.meta_path if type(f).__name__ != "NativeFinder"]
    monkeypatch.setattr(sys, "meta_path", others)
    monkeypatch.setenv(native.NATIVE_DIR_ENV, str(build))
    monkeypatch.setenv(native.PURE_ENV, "1")
    native.install()
    assert native.installed() is None
    assert native.status() == "pure Python: HELPERS_PURE=1"
    monkeypatch.setenv(native.PURE_ENV, "0")
    native.install()
    assert native.installed() is not None


def test_compiled_and_pure_read_the_same_figures():
    _current_build()
    texts = _texts()
    compiled = _read(texts, {})
    pure = _read(texts, {native.PURE_ENV: "1"})
    assert compiled["compiled"], compiled["status"]
    assert not pure["compiled"] and pure["status"] == "pure Python: HELPERS_PURE=1"
    assert sum(map(len, pure["figures"])) > 30
    for text, a, b in zip(texts, compiled["figures"], pure["figures"], strict=True):
        assert a == b, text[:200]


def test_a_build_older_than_its_sources_is_not_run(tmp_path):
    manifest = _current_build()
    copy = tmp_path / "src"
    shutil.copytree(SRC / "helpers", copy / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    env = {"PYTHONPATH": str(copy), native.NATIVE_DIR_ENV: str(native.native_dir())}
    same = _read(SENTENCES[:2], env)
    assert same["compiled"], same["status"]  # the copy matches the build: compiled
    edited = next(rel for rel in manifest["sources"] if rel.endswith("figures/extract.py"))
    with (copy / edited).open("a", encoding="utf-8") as f:
        f.write("# an edit after the build\n")
    stale = _read(SENTENCES[:2], env)
    assert not stale["compiled"]
    assert f"{edited} changed since the compiled build" in stale["status"]
    assert "RuntimeWarning" in stale["stderr"] and "make native" in stale["stderr"]
    assert stale["figures"] == same["figures"]


def test_each_package_build_is_decided_on_its_own(tmp_path):
    src, builds = _fake_build(tmp_path, "figures")
    _fake_build(tmp_path / "other", "claims")
    shutil.copytree(tmp_path / "other" / "builds" / "claims", builds / "claims")
    shutil.copytree(tmp_path / "other" / "src" / "helpers" / "claims", src / "helpers" / "claims")
    (src / "helpers" / "claims" / "demo.py").write_text("VALUE = 3\n", encoding="utf-8")
    finder = native.NativeFinder(builds)
    with pytest.warns(RuntimeWarning, match="helpers/claims/demo.py changed"):
        assert finder.find_spec("helpers.claims.demo", [str(src / "helpers" / "claims")]) is None
    spec = finder.find_spec("helpers.figures.demo", [str(src / "helpers" / "figures")])
    assert spec is not None and isinstance(spec.loader, ExtensionFileLoader)
    assert "pure Python: helpers/claims/demo.py changed" in finder.reason
    assert "compiled: 1 modules (helpers.figures)" in finder.reason


# Run in a child process: the attribution of each text, and whether it was compiled.
ATTRIBUTE = """
import json, sys
import helpers.claims.frames as compiled
from helpers import native
from helpers.claims import attribute_article
from helpers.figures import extract_figures
from helpers.sentences import sentence_spans
texts = json.loads(sys.stdin.read())
print(json.dumps({"compiled": native.is_compiled(compiled), "status": native.status(),
                  "attributions": [repr(attribute_article(t, sentence_spans(t),
                                   extract_figures(t))) for t in texts]}))
"""


def test_compiled_and_pure_attribute_the_same():
    _current_build("claims")
    texts = _texts()[len(SENTENCES) :]
    runs = []
    for env in ({}, {native.PURE_ENV: "1"}):
        done = subprocess.run([sys.executable, "-c", ATTRIBUTE], input=json.dumps(texts),
                              env={**os.environ, **env}, capture_output=True, text=True,
                              check=True)  # fmt: skip
        runs.append(json.loads(done.stdout))
    compiled, pure = runs
    assert compiled["compiled"], compiled["status"]
    assert not pure["compiled"]
    assert sum(a.count("Claim(") for a in pure["attributions"]) > 10
    for text, a, b in zip(texts, compiled["attributions"], pure["attributions"], strict=True):
        assert a == b, text[:200]
