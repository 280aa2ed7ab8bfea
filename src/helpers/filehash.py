"""The sha256 of files, remembered by their stat, so that a run does not read an unchanged
corpus again only to hash it.

Both the runner (which fingerprints every input of ``make report``) and the per-article pass
(whose cache is keyed by each article's sha256) hash every raw file on every run: at 100,000
articles that is two reads of 400 MB, about 10 s each from a cold disk. A :class:`HashMemo`
keeps each file's sha256 with its size, modification time, change time and inode, as git's
index does, and hashes a file again only when one of them differs. The change time cannot be
set back by a program, so an edited file is always hashed again, even one edited within the
same second or given its old modification time.

The memo is a small Parquet file (``path, size, mtime_ns, ctime_ns, inode, sha256``); it holds
the files asked about in the last run only. A memo that cannot be read is started afresh.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from helpers.io import atomic_write_bytes, sha256_file

COLUMNS = ("path", "size", "mtime_ns", "ctime_ns", "inode", "sha256")
RAW_HASHES = "raw-hashes.parquet"  # the raw files' memo, in a cache folder the runner gives


def stat_key(info: os.stat_result) -> tuple[int, int, int, int]:
    """What must stay the same for a remembered hash to hold."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


class HashMemo:
    """sha256 by path, reused while the file's :func:`stat_key` is the same.

    ``HashMemo(None)`` remembers nothing between runs (every file is hashed).
    """

    def __init__(self, location: str | Path | None) -> None:
        self.location = Path(location) if location else None
        self.known: dict[str, tuple[tuple[int, int, int, int], str]] = {}
        self.used: dict[str, tuple[tuple[int, int, int, int], str]] = {}
        self.hashed = 0  # files read in this run
        if self.location is not None and self.location.is_file():
            self._load(self.location)

    def _load(self, location: Path) -> None:
        try:
            table = pq.read_table(location).to_pydict()
        except (OSError, pa.ArrowException):
            return
        if set(COLUMNS) - set(table):
            return
        rows = zip(*(table[c] for c in COLUMNS), strict=True)
        for path, size, mtime, ctime, inode, sha in rows:
            self.known[path] = ((size, mtime, ctime, inode), sha)

    def remembered(self, path: str | Path, info: os.stat_result) -> str | None:
        """The sha256 of ``path`` if it was hashed with this stat, else None."""
        key = os.path.abspath(path)
        entry = self.known.get(key)
        if entry is not None and entry[0] == stat_key(info):
            self.used[key] = entry
            return entry[1]
        return None

    def remember(self, path: str | Path, info: os.stat_result, sha256: str) -> None:
        """Record the sha256 of ``path`` read while it had the stat ``info``."""
        self.used[os.path.abspath(path)] = (stat_key(info), sha256)

    def sha256(self, path: str | Path) -> str:
        """The sha256 of a regular file, read only when its stat changed."""
        info = os.stat(path)
        found = self.remembered(path, info)
        if found is not None:
            return found
        digest = sha256_file(path)
        self.hashed += 1
        if os.stat(path).st_mtime_ns == info.st_mtime_ns:  # not changing while it was read
            self.remember(path, info, digest)
        return digest

    def save(self) -> None:
        """Write what this run hashed or reused (nothing when the memo has no location)."""
        if self.location is None:
            return
        paths = sorted(self.used)
        columns = {
            "path": paths,
            **{name: [self.used[p][0][i] for p in paths] for i, name in enumerate(COLUMNS[1:5])},
            "sha256": [self.used[p][1] for p in paths],
        }
        table = pa.table(columns, schema=_SCHEMA)
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd")
        atomic_write_bytes(self.location, sink.getvalue().to_pybytes())


_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("ctime_ns", pa.int64()),
        ("inode", pa.uint64()),
        ("sha256", pa.string()),
    ]
)
