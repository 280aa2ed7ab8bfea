"""Run the compiled builds of the library's hot packages when they match the sources; else
pure Python.

One job: decide, once per process and build, whether the modules that ``make native``
(``tools/build_native.py``) compiled with mypyc may be imported, and serve them if so.

The builds live outside the source tree, in ``<venv>/native/``: one folder per compiled package
(``figures/``, ``claims/``), each with one C extension per compiled module, its shared library,
and ``manifest.json`` with the SHA-256 of every source file that build read. A ``.pth`` file
that the build writes into the venv runs this file at interpreter start (by path, so that no
``helpers`` package is imported that early) and calls ``install()``, which puts a finder on
``sys.meta_path``. At the first import of a module of a build the finder hashes that build's
sources where that ``helpers`` lives: all unchanged, and every module of the build loads from
its extension; one changed (a ``.py`` edited since the build), and the finder warns once and
stands aside for that build, so Python imports its ``.py`` files (the other builds are decided
on their own). A stale build is never run. ``HELPERS_PURE=1`` makes the finder stand aside for
all (same results, slower). ``status()`` says which it is.
"""

from __future__ import annotations

import os
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, ModuleSpec, PathFinder
from pathlib import Path

PURE_ENV = "HELPERS_PURE"  # set to 1 to run pure Python
NATIVE_DIR_ENV = "HELPERS_NATIVE_DIR"  # where the builds are, when not <venv>/native
MANIFEST = "manifest.json"
_MARK = "_news_figures_native"  # the finder's mark: this file may be loaded under two names


def native_dir() -> Path:
    """Where the compiled builds are: ``$HELPERS_NATIVE_DIR``, else ``native/`` in the venv."""
    return Path(os.environ.get(NATIVE_DIR_ENV) or Path(sys.prefix) / "native")


def pure_requested() -> bool:
    """Whether ``HELPERS_PURE`` asks for pure Python (any value but "" and "0")."""
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed_sources(manifest: dict, src_root: Path) -> list[str]:
    """The sources of the manifest (paths relative to ``src_root``) whose bytes differ from
    the ones compiled, or that are gone; empty when the build matches the sources."""
    changed = []
    for rel, sha in manifest["sources"].items():
        path = src_root / rel
        if not path.is_file() or digest(path) != sha:
            changed.append(rel)
    return changed


def read_manifest(where: Path) -> dict | None:
    """The manifest of the build in ``where``, or None when there is no usable build there
    for this interpreter."""
    import json

    try:
        manifest = json.loads((where / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("suffix") != EXTENSION_SUFFIXES[0]:
        return None  # built for another Python
    return manifest


def build_dirs(where: Path) -> list[Path]:
    """The folders of the builds in ``where`` (one per compiled package), in name order."""
    try:
        return sorted(p.parent for p in where.glob(f"*/{MANIFEST}"))
    except OSError:
        return []


class _Build:
    """One build (one compiled package) and the finder's decision about it."""

    def __init__(self, where: Path, manifest: dict) -> None:
        self.where = where
        self.manifest = manifest
        self.decided = False
        self.files: dict[str, str] = {}  # module name -> extension file, once found usable
        self.reason = f"{manifest.get('summary', where.name)}: not imported yet"

    def decide(self, src_root: Path) -> None:
        """Compare the sources under ``src_root`` with the manifest (once per process)."""
        self.decided = True
        summary = self.manifest["summary"]
        changed = changed_sources(self.manifest, src_root)
        if changed:
            more = f" (and {len(changed) - 1} more)" if len(changed) > 1 else ""
            self.reason = (
                f"pure Python: {changed[0]}{more} changed since the compiled build of "
                f"{summary}; `make native` rebuilds it"
            )
            warnings.warn(f"helpers.native: {self.reason}", RuntimeWarning, stacklevel=3)
            return
        self.files = {name: str(self.where / rel) for name, rel in self.manifest["modules"].items()}
        self.reason = f"compiled: {len(self.manifest['compiled'])} modules ({summary})"


class NativeFinder:
    """Finds the compiled modules of the builds in one folder; a build that does not match
    the sources of the ``helpers`` package this process imported serves none."""

    def __init__(self, where: Path):
        self.where = where
        self.builds: list[_Build] | None = None  # read at the first import of a helpers module
        self.owner: dict[str, _Build] = {}  # module name -> the build that compiled it
        setattr(self, _MARK, True)

    def read(self) -> list[_Build]:
        if self.builds is None:
            self.builds = []
            for folder in build_dirs(self.where):
                manifest = read_manifest(folder)
                if manifest:
                    build = _Build(folder, manifest)
                    self.builds.append(build)
                    self.owner.update(dict.fromkeys(manifest["modules"], build))
        return self.builds

    @property
    def decided(self) -> bool:
        return any(b.decided for b in self.read())

    @property
    def reason(self) -> str:
        builds = self.read()
        if not builds:
            return f"pure Python: no compiled build for this Python in {self.where}"
        return "; ".join(b.reason for b in builds)

    def decide(self, src_root: Path) -> None:
        """Decide every build not decided yet against the sources under ``src_root``."""
        for build in self.read():
            if not build.decided:
                build.decide(src_root)

    def find_spec(self, fullname: str, path=None, target=None) -> ModuleSpec | None:
        if not fullname.startswith("helpers"):  # helpers.* and the builds' shared libraries
            return None
        self.read()
        build = self.owner.get(fullname)
        if build is None:
            return None
        if not build.decided:
            if not path:
                return None  # a shared library is imported by its build's modules only
            # path is the parent package's folder: <src>/helpers/... one level per dot.
            build.decide(Path(path[0]).resolve().parents[fullname.count(".") - 1])
        file = build.files.get(fullname)
        if file is None:
            return None
        return ModuleSpec(fullname, ExtensionFileLoader(fullname, file), origin=file)

    def invalidate_caches(self) -> None:
        pass


def installed():
    """The finder ``install`` put on ``sys.meta_path``, or None."""
    return next((f for f in sys.meta_path if getattr(f, _MARK, False)), None)


def install() -> None:
    """Put the finder of the builds in ``native_dir()`` just before Python's path finder,
    unless ``HELPERS_PURE`` is set, there is no build, or it is there already. Cheap: one
    listing of a folder; nothing is read until the first import of a ``helpers`` submodule."""
    if pure_requested() or installed() is not None or not build_dirs(native_dir()):
        return
    at = next((i for i, f in enumerate(sys.meta_path) if f is PathFinder), len(sys.meta_path))
    sys.meta_path.insert(at, NativeFinder(native_dir()))


def status() -> str:
    """One line: whether this process runs the compiled modules of each build, and why not
    if it does not."""
    if pure_requested():
        return f"pure Python: {PURE_ENV}={os.environ[PURE_ENV]}"
    finder = installed()
    if finder is None:
        return f"pure Python: no compiled build in {native_dir()}"
    if "helpers" in sys.modules:
        finder.decide(Path(sys.modules["helpers"].__path__[0]).resolve().parent)
    return finder.reason


def is_compiled(module) -> bool:
    """Whether a module object was loaded from a compiled extension."""
    spec = getattr(module, "__spec__", None)
    return spec is not None and isinstance(spec.loader, ExtensionFileLoader)
