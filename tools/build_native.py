"""Compile the library's hot packages (``helpers.figures``, ``helpers.claims``) with mypyc into
``<venv>/native/``, one build per package.

Run by ``make native`` and ``make setup``: ``.venv/bin/python tools/build_native.py``.

mypyc (part of mypy) turns the type-annotated modules into C extensions; the same figures and
attributions come out faster. This script never fails a make target: when the C compiler, the
Python headers or mypy are missing, or mypyc cannot compile a package's current code, it prints
one line, removes that package's older build, and that package runs pure Python (same results,
slower); the other packages are built on their own.

Steps, for each package of ``COMPILED``: copy the sources to compile (and the ``helpers``
modules they import) to a temporary folder, so that an edit made during the build cannot slip
in; compile them there with mypyc's ``mypycify`` and setuptools, in a child process whose
output goes to a log; check that the new build loads and reads a few texts exactly as pure
Python does; then swap it in as ``<venv>/native/<package>/`` with a ``manifest.json`` of the
SHA-256 of every file it read, and write the ``.pth`` file that makes every Python of the venv
load the builds through ``helpers/native.py``, which runs a build only while those files are
unchanged. A package whose sources did not change since its last build is not built again.

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

# The packages compiled (each its own build), and the modules of each that stay Python, with why.
COMPILED = {
    "helpers/figures": {
        "__init__.py": "the package's front, imported once",
        "__main__.py": "the command line",
        "table.py": "pandas glue around the reader, not on its path",
    },
    "helpers/claims": {
        "__init__.py": "the package's front, imported once",
        "tables.py": "pandas glue around the attribution, not on its path",
        # public entry points check their arguments and name themselves in the TypeError,
        # which mypyc's own argument check of a compiled function would pre-empt
        "extract.py": "extract_claims, attribute_figures, attribute_article: public entry points",
        "actors.py": "canonical_source, source_type_for: public entry points",
    },
}
GROUP = "helpers_native_{}"  # name of a build's shared library ({}: its package)
PTH = "news_figures_native.pth"
LOG = "native-build-{}.log"  # beside the builds: the compiler's output of the last build
FAILED = "native-build-{}.failed"  # beside the builds: the sources of a build that failed

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

# Texts each new build must read exactly as pure Python does before it is used; the test
# suite (tests/test_native.py) compares the two on whole articles.
SMOKE = [
    "More than 4.5 million residents were without power on Tuesday.",
    "Prices rose 3.2% in May, after a fall of 0.4 per cent in April.",
    "Between 12 and 18 people, about two-thirds of them children, were hurt.",
    "The firm paid $1.25bn (£980m) for a 35,000 sq ft site 12 miles away.",
    "Two hundred and fifty-one flights, a dozen trains and half the buses stopped.",
    "Unemployment fell to 4.1 percent from 4.3%, the lowest since 2019.",
    "Temperatures of -5C to 3C; one in five homes, 1 out of 3 roads; 1.5e308 miles.",
    'The council said 40 homes were flooded. "We expect 200 more," its leader, Ann Roe, added.'
    " Police put the number of cars damaged at 75, according to a spokesperson for the force.",
]
# What each package's smoke test prints for the texts: whether it ran compiled, and its results.
SMOKE_CODE = {
    "helpers/figures": """
import json, sys
from dataclasses import astuple
from helpers import native
native.install()
import helpers.figures.extract as compiled
from helpers.figures import extract_figures
out = [[repr(astuple(f)) for f in extract_figures(t)] for t in json.loads(sys.argv[1])]
print(json.dumps([native.is_compiled(compiled), out]))
""",
    "helpers/claims": """
import json, sys
from helpers import native
native.install()
import helpers.claims.frames as compiled  # a compiled module (extract.py stays Python)
from helpers.claims import attribute_article
from helpers.figures import extract_figures
from helpers.sentences import sentence_spans
texts = json.loads(sys.argv[1])
texts.append(" ".join(texts))
out = [repr(attribute_article(t, sentence_spans(t), extract_figures(t))) for t in texts]
print(json.dumps([native.is_compiled(compiled), out]))
""",
}


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


def unit_name(package: str) -> str:
    """The name of a package's build ("helpers/claims" -> "claims")."""
    return package.rsplit("/", 1)[-1]


def modules_to_compile(src: Path, package: str) -> list[str]:
    """Paths (relative to ``src``) of the modules of ``package`` to compile: all but the ones
    ``COMPILED`` keeps in Python."""
    kept = COMPILED[package]
    return [
        f"{package}/{p.name}" for p in sorted((src / package).glob("*.py")) if p.name not in kept
    ]


def data_files(src: Path, package: str) -> list[str]:
    """Paths (relative to ``src``) of the files of ``package`` that are not Python: a compiled
    module finds them beside its own file, so the build holds a copy (and hashes them)."""
    return [
        f"{package}/{p.name}"
        for p in sorted((src / package).iterdir())
        if p.is_file() and p.suffix not in (".py", ".pyc")
    ]


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


def compile_copy(work: Path, compiled: list[str], group: str, log: Path) -> str | None:
    """Run mypyc in ``work`` (a copy of the sources); None on success, else the first error."""
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-c", COMPILE, json.dumps([compiled, group])],
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


def smoke_test(package: str, stage: Path) -> str | None:
    """None when the build in ``stage`` (a folder of builds) loads and reads ``SMOKE`` as pure
    Python does."""
    outputs = []
    for env in ({native.NATIVE_DIR_ENV: str(stage)}, {native.PURE_ENV: "1"}):
        done = subprocess.run(
            [sys.executable, "-c", SMOKE_CODE[package], json.dumps(SMOKE)],
            env={**os.environ, "PYTHONPATH": str(SRC), **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            return f"the new build does not load: {done.stderr.strip().splitlines()[-1:]}"
        outputs.append(json.loads(done.stdout))
    (compiled, results), (_, pure_results) = outputs
    if not compiled:
        return "the new build was not loaded (the sources changed during the build?)"
    if results != pure_results:
        return "the new build reads the check texts differently from pure Python"
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
        "# news-figures: run the compiled builds of the library while they match the sources "
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


def last_outcome(out: Path, failed: Path, key: dict) -> str | None:
    """What became of these very sources last time: "compiled" (the build in ``out`` is
    theirs), the reason its build failed (noted in ``failed``), or None when they were not
    built yet."""
    manifest = native.read_manifest(out)
    if manifest is not None and all(manifest.get(k) == v for k, v in key.items()):
        return "compiled"
    try:
        noted = json.loads(failed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return noted["reason"] if noted.get("key") == key else None


FALLBACK = "{} runs pure Python (same results, slower)"


def build_package(package: str, root: Path, if_changed: bool) -> bool:
    """Build ``package`` into ``root/<name>`` (with ``if_changed``, only when its sources
    changed since its last build); whether a build of it is there and up to date after."""
    t0 = time.monotonic()
    name = unit_name(package)
    out, dotted = root / name, package.replace("/", ".")
    log, failed = root.parent / LOG.format(name), root.parent / FAILED.format(name)
    fallback = FALLBACK.format(dotted)
    with tempfile.TemporaryDirectory(prefix="native-") as tmp:
        work = Path(tmp)
        compiled = modules_to_compile(SRC, package)
        data = data_files(SRC, package)
        sources = sorted([*sources_read(SRC, compiled), *data])
        for rel in sources:
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SRC / rel, work / rel)
        key = build_key(compiled, {rel: native.digest(work / rel) for rel in sources})
        outcome = last_outcome(out, failed, key) if if_changed else None
        if outcome == "compiled":
            return True  # up to date
        if outcome is not None:
            say(outcome)  # the same sources failed last time: say it again, do not retry
            return False
        reason = None
        error = compile_copy(work, compiled, GROUP.format(name), log)
        if error:
            reason = f"{dotted} not compiled, {error}; {fallback}. Log: {log}"
        else:
            stage = root.with_name(root.name + ".new")  # a folder of builds: this one alone
            remove_build(stage)
            modules = {}
            for ext in sorted((work / "lib").rglob("*" + EXTENSION_SUFFIXES[0])):
                rel = ext.relative_to(work / "lib")
                (stage / name / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(ext, stage / name / rel)
                modules[str(rel)[: -len(EXTENSION_SUFFIXES[0])].replace("/", ".")] = str(rel)
            for rel in data:  # read by the modules beside their own file
                shutil.copyfile(work / rel, stage / name / rel)
            manifest = {
                "suffix": EXTENSION_SUFFIXES[0],
                "summary": dotted,
                "modules": modules,
                **key,
            }
            (stage / name / native.MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
    if reason is None:
        error = smoke_test(package, stage)
        if error:
            reason = f"{dotted} not used, {error}; {fallback}"
        else:
            remove_build(out)
            (stage / name).rename(out)
    if reason is None:
        remove_build(stage)
        failed.unlink(missing_ok=True)
        say(
            f"{dotted} compiled with mypyc ({len(compiled)} modules, "
            f"{time.monotonic() - t0:.0f} s) into {out}"
        )
        return True
    remove_build(root.with_name(root.name + ".new"))
    remove_build(out)  # an older build would be stale
    failed.write_text(json.dumps({"key": key, "reason": reason}), "utf-8")
    say(reason)
    return False


def build(root: Path, if_changed: bool, packages: list[str] | None = None) -> int:
    """Build each package of ``COMPILED`` (or of ``packages``) into ``root``; 0 whether they
    compiled or fell back to pure Python. The ``.pth`` file is written when ``root`` is this
    venv's folder of builds (a build elsewhere is for trying out, with HELPERS_NATIVE_DIR)."""
    missing = missing_tool()
    if missing:
        remove_build(root)
        say(f"skipped, {missing}; the library runs pure Python (same results, slower)")
        return 0
    root.mkdir(parents=True, exist_ok=True)
    if (root / native.MANIFEST).is_file():  # the layout of one build for all: replaced
        for entry in root.iterdir():
            if entry.is_dir():
                remove_build(entry)
            else:
                entry.unlink()
    for entry in root.iterdir():  # the build of a package no longer compiled
        if entry.is_dir() and entry.name not in map(unit_name, COMPILED):
            remove_build(entry)
    built = [build_package(p, root, if_changed) for p in packages or COMPILED]
    if any(built) and root == native.native_dir().resolve():
        write_pth()
    if all(built) and not if_changed:
        say(f"{native.PURE_ENV}=1 runs pure Python")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=native.native_dir(), help="where the builds go")
    ap.add_argument("--if-changed", action="store_true", help="only when the sources changed")
    ap.add_argument("--status", action="store_true", help="say whether the builds are in use")
    ap.add_argument("--only", choices=sorted(COMPILED), action="append", help="build only this")
    args = ap.parse_args(argv)
    if args.status:
        native.install()
        import helpers.claims  # noqa: F401  (the imports that decide)
        import helpers.figures  # noqa: F401

        print(native.status())
        return 0
    return build(args.out.resolve(), args.if_changed, args.only)


if __name__ == "__main__":
    sys.exit(main())
