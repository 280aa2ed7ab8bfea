"""Compile the figure reader (``helpers.figures``) with mypyc into ``<venv>/native/``.

Run by ``make native`` and ``make setup``: ``.venv/bin/python tools/build_native.py``.

mypyc (part of mypy) turns the type-annotated modules into C extensions; the same figures come
out about 1.4 times faster. This script never fails a make target: when the C compiler, the
Python headers or mypy are missing, or mypyc cannot compile the current code, it prints one
line, removes any older build, and the kit runs pure Python (same figures, slower).

Steps: copy the sources to compile (and the ``helpers`` modules they import) to a temporary
folder, so that an edit made during the build cannot slip in; compile them there with mypyc's
``mypycify`` and setuptools, in a child process whose output goes to a log; check that the new
build loads and reads a few sentences exactly as pure Python does; then swap it in with a
``manifest.json`` of the SHA-256 of every file compiled, and write the ``.pth`` file that makes
every Python of the venv load it through ``helpers/native.py``, which runs the build only while
those files are unchanged.

A script rather than a ``setup.py``: the package stays pure Python for pip (``pip install -e .``
needs no compiler), and the build goes outside the source tree, where Python would otherwise
prefer a stale extension over an edited ``.py``.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

from helpers import native  # noqa: E402  (after the path to src/)

# The packages compiled, and the modules of each that stay Python, with why.
COMPILED = {
    "helpers/figures": {
        "__init__.py": "the package's front, imported once",
        "__main__.py": "the command line",
        "table.py": "pandas glue around the reader, not on its path",
        "model.py": "Figure and Reading set their instance __dict__ at once, which mypyc's "
        "native classes do not have",
    },
}
GROUP = "helpers_native"  # name of the shared library of the compiled modules
PTH = "news_figures_native.pth"
LOG = "native-build.log"  # beside the build: the compiler's output of the last build
FAILED = "native-build.failed"  # beside the build: the sources of a build that failed

# Run by the child process, in the temporary copy: mypyc, then setuptools' build_ext.
COMPILE = """
import json, sys
from mypyc.build import mypycify
from setuptools import setup
paths, group = json.loads(sys.argv[1])
flags = ["--ignore-missing-imports", "--follow-imports=silent"]
modules = mypycify(flags + paths, opt_level="3", debug_level="0", group_name=group,
                   target_dir="build")
setup(name=group, ext_modules=modules,
      script_args=["build_ext", "--build-lib", "lib", "--build-temp", "temp", "--parallel", "2"])
"""

# Sentences the new build must read exactly as pure Python does before it is used; the test
# suite (tests/test_native.py) compares the two on whole articles.
SMOKE = [
    "More than 4.5 million residents were without power on Tuesday.",
    "Prices rose 3.2% in May, after a fall of 0.4 per cent in April.",
    "Between 12 and 18 people, about two-thirds of them children, were hurt.",
    "The firm paid $1.25bn (£980m) for a 35,000 sq ft site 12 miles away.",
    "Two hundred and fifty-one flights, a dozen trains and half the buses stopped.",
    "Unemployment fell to 4.1 percent from 4.3%, the lowest since 2019.",
    "Temperatures of -5C to 3C; one in five homes, 1 out of 3 roads; 1.5e308 miles.",
]
SMOKE_CODE = """
import json, sys
from dataclasses import astuple
from helpers import native
native.install()
import helpers.figures.extract as extract
from helpers.figures import extract_figures
figures = [[list(astuple(f)) for f in extract_figures(t)] for t in json.loads(sys.argv[1])]
print(json.dumps([native.is_compiled(extract), figures]))
"""


def say(message: str) -> None:
    print(f"native: {message}", flush=True)


def missing_tool() -> str | None:
    """What the build lacks on this machine (mypy, a C compiler, Python's headers), or None."""
    if find_spec("mypyc") is None:
        return "mypy (mypyc) is not installed in this environment"
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    if shutil.which(shlex.split(cc)[0]) is None:
        return f"no C compiler ({shlex.split(cc)[0]})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h)"
    return None


def modules_to_compile(src: Path) -> list[str]:
    """Paths (relative to ``src``) of the modules to compile: every module of the packages
    in ``COMPILED`` but the ones it keeps in Python."""
    found = []
    for package, kept in COMPILED.items():
        found += [
            f"{package}/{p.name}"
            for p in sorted((src / package).glob("*.py"))
            if p.name not in kept
        ]
    return found


def _module_file(src: Path, dotted: str) -> str | None:
    parts = dotted.split(".")
    for rel in ("/".join(parts) + ".py", "/".join(parts) + "/__init__.py"):
        if (src / rel).is_file():
            return rel
    return None


def sources_read(src: Path, compiled: list[str]) -> list[str]:
    """The compiled modules, the ``helpers`` modules they import (directly or not: mypyc may
    take types and constants from them) and the packages around them: what the build depends
    on, so what the manifest hashes."""
    seen: set[str] = set()
    todo = list(compiled)
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        parts = Path(rel).with_suffix("").parts
        for i in range(1, len(parts)):
            init = "/".join(parts[:i]) + "/__init__.py"
            if (src / init).is_file():
                seen.add(init)
        for node in ast.walk(ast.parse((src / rel).read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if name.split(".")[0] == "helpers":
                    dep = _module_file(src, name)
                    if dep is not None and dep not in seen and not dep.endswith("__init__.py"):
                        todo.append(dep)
    return sorted(seen)


def compile_copy(work: Path, compiled: list[str], log: Path) -> str | None:
    """Run mypyc in ``work`` (a copy of the sources); None on success, else the first error."""
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-c", COMPILE, json.dumps([compiled, GROUP])],
            cwd=work,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, native.PURE_ENV: "1"},
            check=False,
        )
    if done.returncode == 0:
        return None
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    errors = [line for line in lines if ": error:" in line]
    if errors:
        return f"mypyc: {len(errors)} type error(s), first: {errors[0]}"
    return f"the build failed (exit {done.returncode}): {lines[-1] if lines else 'no output'}"


def smoke_test(stage: Path) -> str | None:
    """None when the build in ``stage`` loads and reads ``SMOKE`` as pure Python does."""
    outputs = []
    for env in ({native.NATIVE_DIR_ENV: str(stage)}, {native.PURE_ENV: "1"}):
        done = subprocess.run(
            [sys.executable, "-c", SMOKE_CODE, json.dumps(SMOKE)],
            env={**os.environ, "PYTHONPATH": str(SRC), **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            return f"the new build does not load: {done.stderr.strip().splitlines()[-1:]}"
        outputs.append(json.loads(done.stdout))
    (compiled, figures), (_, pure_figures) = outputs
    if not compiled:
        return "the new build was not loaded (the sources changed during the build?)"
    if figures != pure_figures:
        return "the new build reads the check sentences differently from pure Python"
    return None


def write_pth() -> Path:
    """The line that makes every Python of this venv load ``helpers/native.py`` (by path,
    without importing ``helpers``) and install its finder; silent if that file is gone."""
    pth = Path(sysconfig.get_paths()["purelib"]) / PTH
    hook = SRC / "helpers" / "native.py"
    code = (
        "try:\n from importlib import util\n"
        f" s = util.spec_from_file_location('_news_figures_native', {str(hook)!r})\n"
        " m = util.module_from_spec(s)\n s.loader.exec_module(m)\n m.install()\n"
        "except Exception:\n pass\n"
    )
    pth.write_text(
        "# news-figures: run the compiled figure reader while it matches the sources "
        "(tools/build_native.py)\n"
        f"import os; exec({code!r})\n",
        encoding="utf-8",
    )
    return pth


def remove_build(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)


def build_key(compiled: list[str], sources: dict[str, str]) -> dict:
    """What a build depends on: the modules compiled, the hashes of the sources they read,
    this script and mypy's version."""
    from importlib.metadata import version

    return {
        "compiled": [m[:-3].replace("/", ".") for m in compiled],
        "sources": sources,
        "tool": [native.digest(Path(__file__)), version("mypy")],
    }


def last_outcome(out: Path, key: dict) -> str | None:
    """What became of these very sources last time: "compiled" (the build in ``out`` is
    theirs), the reason its build failed, or None when they were not built yet."""
    manifest = native.read_manifest(out)
    if manifest is not None and all(manifest.get(k) == v for k, v in key.items()):
        return "compiled"
    try:
        failed = json.loads((out.parent / FAILED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return failed["reason"] if failed.get("key") == key else None


def give_up(out: Path, key: dict, reason: str) -> int:
    """Remove the build (an older one would be stale), remember why, say it; exit status 0."""
    remove_build(out)
    (out.parent / FAILED).write_text(json.dumps({"key": key, "reason": reason}), "utf-8")
    say(reason)
    return 0


FALLBACK = "the kit runs pure Python (same figures, slower)"


def build(out: Path, if_changed: bool) -> int:
    """Build into ``out`` (with ``if_changed``, only when the sources changed since the last
    build); 0 whether it compiled or fell back to pure Python."""
    missing = missing_tool()
    if missing:
        remove_build(out)
        say(f"skipped, {missing}; {FALLBACK}")
        return 0
    t0 = time.monotonic()
    out.parent.mkdir(parents=True, exist_ok=True)
    log = out.parent / LOG
    with tempfile.TemporaryDirectory(prefix="native-") as tmp:
        work = Path(tmp)
        compiled = modules_to_compile(SRC)
        sources = sources_read(SRC, compiled)
        for rel in sources:
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SRC / rel, work / rel)
        key = build_key(compiled, {rel: native.digest(work / rel) for rel in sources})
        outcome = last_outcome(out, key) if if_changed else None
        if outcome == "compiled":
            write_pth()
            return 0  # up to date
        if outcome is not None:
            say(outcome)  # the same sources failed last time: say it again, do not retry
            return 0
        error = compile_copy(work, compiled, log)
        if error:
            return give_up(out, key, f"not compiled, {error}; {FALLBACK}. Log: {log}")
        stage = out.with_name(out.name + ".new")
        remove_build(stage)
        modules = {}
        for ext in sorted((work / "lib").rglob("*" + EXTENSION_SUFFIXES[0])):
            rel = ext.relative_to(work / "lib")
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ext, stage / rel)
            name = str(rel)[: -len(EXTENSION_SUFFIXES[0])].replace("/", ".")
            modules[name] = str(rel)
        manifest = {
            "suffix": EXTENSION_SUFFIXES[0],
            "summary": ", ".join(p.replace("/", ".") for p in COMPILED),
            "modules": modules,
            **key,
        }
        (stage / native.MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    error = smoke_test(stage)
    if error:
        remove_build(stage)
        return give_up(out, key, f"not used, {error}; {FALLBACK}")
    remove_build(out)
    stage.rename(out)
    (out.parent / FAILED).unlink(missing_ok=True)
    write_pth()
    say(
        f"{manifest['summary']} compiled with mypyc ({len(compiled)} modules, "
        f"{time.monotonic() - t0:.0f} s) into {out}; {native.PURE_ENV}=1 runs pure Python"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=native.native_dir(), help="where the build goes")
    ap.add_argument("--if-changed", action="store_true", help="only when the sources changed")
    ap.add_argument("--status", action="store_true", help="say whether the build is in use")
    args = ap.parse_args(argv)
    if args.status:
        native.install()
        import helpers.figures  # noqa: F401  (the import that decides)

        print(native.status())
        return 0
    return build(args.out.resolve(), args.if_changed)


if __name__ == "__main__":
    sys.exit(main())
