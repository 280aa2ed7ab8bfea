"""The files of a corpus and their identity: what is read, what is refused, and article ids.

:func:`list_raw` walks the raw folder (or takes the one file it is given) and returns every
entry, refusing without opening it anything that could lead outside the corpus or hang a run:
symbolic links (never followed, whether they point inside the folder or not), named pipes,
sockets and devices, folders nested too deep. Subfolders are read; hidden files and folders
(names starting with ".") are skipped, as version-control folders and editor files are.

:func:`read_limited` opens a regular file without following links and reads it only when it
is under the size limit. :func:`allocate_ids` gives every article an id that no other article
can take, on any file system (ids are lower case and unique).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_DEPTH = 20  # subfolders deeper than this are refused
MAX_ID_LENGTH = 80  # characters kept of a name when it becomes an id
NOT_ID_CHARS = re.compile(r"[^a-z0-9_-]+")  # runs of characters an article id leaves out
# Names that Windows will not give a file (clean/<id>.txt must work everywhere).
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
FILE_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


@dataclass(frozen=True)
class RawEntry:
    """One entry of the raw folder: its name relative to the folder ("/"-separated), its path,
    and why it is refused without being read ("" when it is a regular file to read)."""

    name: str
    path: Path
    reason: str = ""


def sha256_bytes(data: bytes) -> str:
    """Return the hex SHA-256 digest of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path) -> str:
    """Return the hex SHA-256 digest of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_inside(path: str | Path, root: str | Path) -> bool:
    """True when ``path``, with links resolved, lies inside the folder ``root``."""
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _link_reason(path: Path, root: Path) -> str:
    where = "inside" if is_inside(path, root) else "outside"
    return f"symbolic link, not followed (it points {where} the raw folder)"


def list_raw(raw: str | Path, skip: frozenset[str] = frozenset()) -> list[RawEntry]:
    """Return every entry of the raw folder, subfolders included, sorted by name.

    ``raw`` may be a folder or a single file. Names in ``skip`` (relative to the folder, such
    as the manifest) are left out, as are hidden names (starting with "."). Symbolic links,
    special files and too-deep folders come back with a ``reason`` and are never opened.
    """
    raw = Path(raw)
    if raw.is_file():
        return [RawEntry(raw.name, raw)]
    if not raw.is_dir():
        raise FileNotFoundError(
            f"raw_dir {raw} is neither a folder of articles nor a file (.txt, .html, .csv, "
            ".jsonl, .json, .parquet)"
        )
    entries: list[RawEntry] = []
    _walk(raw, raw, "", 0, skip, entries)
    return sorted(entries, key=lambda e: e.name)


def _walk(
    root: Path,
    folder: Path,
    prefix: str,
    depth: int,
    skip: frozenset[str],
    entries: list[RawEntry],
) -> None:
    """Add the entries of ``folder`` to ``entries``, named ``prefix`` + their name (``prefix``
    is "" for the raw folder itself, else the folder's name and "/")."""
    try:
        children = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        label = prefix.rstrip("/") or "."
        entries.append(RawEntry(f"{label}/", folder, f"unreadable folder: {err.strerror}"))
        return
    for child in children:
        name = prefix + child.name
        path = Path(child.path)
        if child.name.startswith(".") or name in skip:
            continue
        if child.is_symlink():
            suffix = "/" if child.is_dir() else ""
            entries.append(RawEntry(name + suffix, path, _link_reason(path, root)))
        elif child.is_dir(follow_symlinks=False):
            if depth + 1 > MAX_DEPTH:
                entries.append(
                    RawEntry(name + "/", path, f"folder nested deeper than {MAX_DEPTH} levels")
                )
            else:
                _walk(root, path, name + "/", depth + 1, skip, entries)
        elif child.is_file(follow_symlinks=False):
            entries.append(RawEntry(name, path))
        else:
            kind = FILE_KINDS.get(stat.S_IFMT(child.stat(follow_symlinks=False).st_mode), "")
            entries.append(RawEntry(name, path, f"not a regular file ({kind or 'special file'})"))


def read_limited(path: str | Path, max_bytes: int) -> tuple[bytes | None, int, str]:
    """Read a regular file of at most ``max_bytes``; return ``(data or None, size, reason)``.

    The file is opened without following a symbolic link and without blocking, and checked
    to be a regular file before anything is read, so a link or pipe swapped in after the
    folder was listed is refused, not followed. ``reason`` says why nothing was read:
    ``"too large"``, ``"empty"``, or ``"unreadable: ..."`` (permission denied, I/O error).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        return None, 0, "unreadable: permission denied"
    except OSError as err:
        if Path(path).is_symlink():
            return None, 0, "symbolic link, not followed"
        return None, 0, f"unreadable: {err.strerror or err}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, 0, "not a regular file"
        if info.st_size == 0:
            return None, 0, "empty"
        if info.st_size > max_bytes:
            return None, info.st_size, "too large"
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as err:
        return None, 0, f"unreadable: {err.strerror or err}"
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return None, len(data), "too large"
    return data, len(data), "" if data else "empty"


# --- identity ----------------------------------------------------------------------------------


def slug(text: str, limit: int = MAX_ID_LENGTH) -> str:
    """Fold ``text`` to an id: ASCII letters lower-cased, digits, ``_`` and ``-`` ("" if none).

    >>> slug("Härbour Report 2"), slug("Порт")
    ('harbour_report_2', '')
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return NOT_ID_CHARS.sub("_", folded.lower()).strip("_")[:limit].strip("_")


def name_base(name: str) -> str:
    """The id a file name asks for: the slug of its path without extension, or a hash.

    >>> name_base("Harbour Report.txt"), name_base("cnn/page.html"), name_base("Порт.txt")
    ('harbour_report', 'cnn_page', 'file_84543ec4')
    """
    stem = _without_suffix(name).replace("/", "_")
    base = slug(stem)
    if not base:
        base = "file_" + hashlib.sha1(PurePosixPath(stem).name.encode("utf-8")).hexdigest()[:8]
    return f"file_{base}" if base in RESERVED_NAMES else base


def _without_suffix(name: str) -> str:
    """``name`` without its extension, as ``pathlib`` cuts it ("a.tar.gz" -> "a.tar", "notes."
    and ".env" keep theirs): string work for a plain file name, ``PurePosixPath`` for any
    other (a corpus of 100,000 files asks it 200,000 times)."""
    if "/" not in name and name not in ("", ".", ".."):
        dot = name.rfind(".")
        return name[:dot] if 0 < dot < len(name) - 1 else name
    path = PurePosixPath(name)
    return str(path.with_suffix("")) if path.suffix else name


@dataclass(frozen=True)
class IdRequest:
    """An article asking for an id: ``key`` identifies it, ``base`` is the id it wants.

    Lower ``rank`` is served first: 0 for an id given in the manifest, 1 for a file whose
    name already is its id, 2 for everything else; ``order`` breaks ties.
    """

    key: tuple[str, int]
    base: str
    rank: int
    order: tuple


def allocate_ids(requests: list[IdRequest]) -> dict[tuple[str, int], str]:
    """Give each request a unique id: its ``base``, else ``base_2``, ``base_3`` ...

    Requests are served by ``(rank, order)``, so the same requests always get the same ids
    whatever order they come in, and a seed listed in the manifest, or named exactly by its
    id, keeps its id beside ``<id>.bak`` or ``<ID>.TXT``.
    """
    ids: dict[tuple[str, int], str] = {}
    used: set[str] = set()
    for request in sorted(requests, key=lambda r: (r.rank, r.order, r.key)):
        candidate, n = request.base, 1
        while candidate in used:
            n += 1
            candidate = f"{request.base}_{n}"
        used.add(candidate)
        ids[request.key] = candidate
    return ids


def file_request(name: str, extension_rank: int, row: int = 0) -> IdRequest:
    """The id request of a single-article file (``row`` 0) named ``name``.

    Rank 1 when the name without its extension already is an id (``000_ab12.txt``), so that
    ``000_AB12.txt`` or ``000_ab12.bak`` beside it never takes that id.
    """
    base = name_base(name)
    stem = _without_suffix(name).replace("/", "_")
    rank = 1 if stem == base else 2
    return IdRequest((name, row), base, rank, (extension_rank, name))


def article_ids(file_names: list[str]) -> dict[str, str]:
    """Give each file name a unique article id derived from its name (see :func:`allocate_ids`).

    Accents are folded to ASCII, letters lower-cased, other runs of characters become ``_``;
    a name with no usable letters gets ``file_<8 hex of its SHA-1>``.

    >>> ids = article_ids(["Harbour Report.txt", "härbour report.txt", "Порт.txt"])
    >>> ids["Harbour Report.txt"], ids["härbour report.txt"], ids["Порт.txt"]
    ('harbour_report', 'harbour_report_2', 'file_84543ec4')
    """
    requests = [file_request(name, 0 if name.endswith(".txt") else 1) for name in file_names]
    allocated = allocate_ids(requests)
    return {name: allocated[(name, 0)] for name in file_names}
