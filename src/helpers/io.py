"""Tables, text and JSON in and out: the same rows give the same bytes.

Every processed file and report table goes through here so that rows are sorted,
floats are printed the same way, line endings are ``\\n`` and files are replaced
atomically (a crash never leaves half a file behind), with the permissions the umask gives.
:func:`require_columns` is the one check, shared by the library, that a frame handed in has
the columns a function reads. :func:`sha256_file` is the one file hash of the kit, and
:func:`file_hashes` hashes every file below a folder (the runner's fingerprints and the
report's manifest both use it).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The file is created with mode 0666 less the umask, like any file a program writes, so a
    shared report folder is readable by the group when the umask says so.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as error:
        tmp.unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename is None:  # a full disk: name the file
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
    return path


def sha256_file(path: str | Path) -> str:
    """The hex SHA-256 of a file's bytes, read in chunks (``hashlib.file_digest``)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _entry_hash(path: Path, memo=None) -> str:
    """A file's sha256; a symbolic link's is that of its target path (it is never followed)."""
    if path.is_symlink():
        return hashlib.sha256(b"symlink:" + os.fsencode(os.readlink(path))).hexdigest()
    return memo.sha256(path) if memo is not None else sha256_file(path)


def file_hashes(root: str | Path, prefix: str = "", memo=None) -> dict[str, str]:
    """``{prefix/relative path: sha256}`` of every file below ``root``, in sorted order.

    Hidden files and folders (``.gitkeep``, checkpoints, state files) and ``__pycache__`` are
    skipped; symbolic links are hashed by their target's path, never followed. ``root`` may
    also be a single file: its key is then ``prefix/name``. A missing ``root`` gives ``{}``.
    ``memo`` (a :class:`helpers.filehash.HashMemo`) reads only the files whose stat changed.
    """
    root = Path(root)
    lead = f"{prefix}/" if prefix else ""
    if root.is_file() or (root.is_symlink() and not root.is_dir()):
        return {f"{lead}{root.name}": _entry_hash(root, memo)}
    hashes: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        base = Path(folder)
        for name in files:
            if name.startswith("."):
                continue
            path = base / name
            hashes[f"{lead}{path.relative_to(root).as_posix()}"] = _entry_hash(path, memo)
    return dict(sorted(hashes.items()))


def write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text with ``\\n`` line endings."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def write_json(path: str | Path, obj: Any) -> Path:
    """Write ``obj`` as indented JSON with sorted keys and a final newline."""
    text = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    return write_text(path, text)


def write_table(
    frame: pd.DataFrame,
    path: str | Path,
    sort_by: Sequence[str] | None = None,
    parquet: bool = False,
) -> Path:
    """Write ``frame`` as CSV with stable row order and float formatting.

    ``sort_by`` names the columns that order the rows (a stable sort, so rows that
    tie keep their order). The index is not written. With ``parquet``, the same rows are
    also written beside it as ``.parquet``, which keeps the column types (booleans, floats
    at full precision) for researchers who load the data into pandas.
    """
    if sort_by:
        frame = frame.sort_values(list(sort_by), kind="mergesort")
    csv = frame.to_csv(index=False, lineterminator="\n", float_format="%.6g")
    if parquet:
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False, engine="pyarrow", compression="zstd")
        atomic_write_bytes(Path(path).with_suffix(".parquet"), buffer.getvalue())
    return write_text(path, csv)


def write_parquet(
    frame: pd.DataFrame, path: str | Path, sort_by: Sequence[str] | None = None
) -> Path:
    """Write ``frame`` as Parquet only (zstd, full precision, column types kept): for a large
    table people load into pandas, DuckDB or R rather than open in a spreadsheet, where a CSV
    copy would cost ten times the bytes and time. Rows as in :func:`write_table`."""
    if sort_by:
        frame = frame.sort_values(list(sort_by), kind="mergesort")
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow", compression="zstd")
    return atomic_write_bytes(path, buffer.getvalue())


def write_parquet_parts(
    tables: Iterable[pa.Table], path: str | Path, empty_schema: pa.Schema | None = None
) -> int:
    """Write ``tables`` one after another into one Parquet file (zstd), holding one at a
    time: for a table too large to hold whole, given part by part. Each is cast to the first
    one's schema; with no table at all the file has ``empty_schema`` and no row. The file
    replaces ``path`` once it is complete, and an error leaves no half-written file. Returns
    the number of rows written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    writer, rows = None, 0
    try:
        for table in tables:
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema, compression="zstd")
            elif not table.schema.equals(writer.schema):
                table = table.cast(writer.schema)
            writer.write_table(table)
            rows += table.num_rows
        if writer is None:
            if empty_schema is None:
                raise ValueError(f"nothing to write into {path}: no table and no schema")
            writer = pq.ParquetWriter(tmp, empty_schema, compression="zstd")
        writer.close()
        os.replace(tmp, path)
    except BaseException:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
        raise
    return rows


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise a clear error unless ``frame`` is a DataFrame holding every one of ``columns``.

    ``what`` names the frame in the message: "predicted figures frame lacks columns: unit".
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(frame)!r}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} frame lacks columns: {', '.join(missing)} (it has: {', '.join(frame.columns)})"
        )


# Inside a processed folder, the per-article pass keeps its tables as Parquet datasets
# (``parquet/<table>/part-*.parquet``, helpers.pipeline.store) instead of ``<table>.csv``.
STORE_DIR = "parquet"


def _dataset_as_csv(folder: Path) -> pd.DataFrame:
    """A dataset of the pass read as its CSV would read: rows by article (each article's rows
    keep their written order), empty text cells missing."""
    files = sorted(folder.glob("part-*.parquet"))
    if not files:  # the pass found no such rows
        return pd.DataFrame()
    frame = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    if "article_id" in frame.columns:
        frame = frame.sort_values("article_id", kind="mergesort").reset_index(drop=True)
    for column in frame.columns:
        if pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(
            frame[column]
        ):
            frame[column] = frame[column].mask(frame[column] == "")
    return frame


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV written by :func:`write_table`; only empty cells are missing (not "NA").

    A processed table that the per-article pass keeps as a Parquet dataset (``figures.csv``
    is ``parquet/figures/`` beside it) is read from the dataset, with the same cells.
    """
    path = Path(path)
    dataset = path.parent / STORE_DIR / path.stem
    store = path.parent / STORE_DIR / "_pipeline.json"  # written by every run of the pass
    if not path.exists() and path.suffix == ".csv" and store.is_file():
        return _dataset_as_csv(dataset)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: it is written by an earlier notebook; run `make report`, "
            "or the notebooks in number order"
        )
    return pd.read_csv(path, keep_default_na=False, na_values=[""])
