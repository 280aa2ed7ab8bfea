"""The cache keys of the per-article pass: what an article's rows depend on, as one hash.

An article's rows depend on its bytes (its sha256), on what is known about it (its id, file and
row, the metadata its source and the manifest give) and on the code and study that processed
it. :func:`run_version` hashes the last group once per run: every file of the ``helpers``
package (its code and its package data, such as the lexicons) and the bytes of the study file,
plus the settings that change rows. :func:`article_key` adds one article's own inputs.
Two runs that agree on a key give the same rows, so the second one reuses them.

Any change to the library invalidates the whole cache (a changed chart module too): coarse, but
never stale, and a researcher who edits a rule sees its effect on every article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from helpers.study import study_path

HELPERS_DIR = Path(__file__).resolve().parents[1]  # src/helpers: the code that makes the rows
CACHE_FORMAT = 1  # bump when the layout of the cached rows changes
# what a build compiles from the sources (tools/build_native.py): the sources stand for it
BUILD_SUFFIXES = frozenset({".so", ".pyd", ".c", ".h", ".o"})


def _digest(obj: object) -> str:
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def tree_hashes(root: str | Path) -> dict[str, str]:
    """``{relative path: sha256}`` of the files below ``root`` (``__pycache__``, hidden files
    and folders and compiled build artefacts left out), in sorted order."""
    root = Path(root)
    hashes = {}
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") or p == "__pycache__" for p in parts) or not path.is_file():
            continue
        if path.suffix in BUILD_SUFFIXES:
            continue
        hashes["/".join(parts)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


@cache
def code_version(root: str | Path = HELPERS_DIR) -> str:
    """A hash of every file of the library: its code and its package data.

    Computed once per process, when a run first asks: it stands for the code this process
    loaded, which is the code that runs (a module edited later is not reloaded either).
    """
    return _digest(tree_hashes(root))


def study_version(study: str | Path) -> str:
    """A hash of the study file's bytes ("" hashed when the file does not exist)."""
    path = study_path(study)
    data = path.read_bytes() if path.is_file() else b""
    return hashlib.sha256(data).hexdigest()


def run_version(study: str | Path, settings: Mapping[str, object]) -> str:
    """The part of every article's key that the run shares: code, study and ``settings``."""
    return _digest(
        {
            "format": CACHE_FORMAT,
            "code": code_version(),
            "study": study_version(study),
            "settings": dict(settings),
        }
    )


def article_key(version: str, fingerprint: Mapping[str, object]) -> str:
    """The cache key of one article: the run's version and the article's own inputs."""
    return _digest({"version": version, "article": dict(fingerprint)})
