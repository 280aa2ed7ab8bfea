"""Tables, text and JSON in and out: the same rows give the same bytes.

Every processed file and report table goes through here so that rows are sorted,
floats are printed the same way, line endings are ``\\n`` and files are replaced
atomically (a crash never leaves half a file behind). :func:`require_columns` is the one
check, shared by the library, that a frame handed in has the columns a function reads.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV written by :func:`write_table`; only empty cells are missing (not "NA")."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: it is written by an earlier notebook; run `make report`, "
            "or the notebooks in number order"
        )
    return pd.read_csv(path, keep_default_na=False, na_values=[""])
