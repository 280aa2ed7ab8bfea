"""Read and check ``manifest.csv``: the hand-kept metadata of the articles of a raw folder.

One row per article: ``file_name`` (relative to the raw folder) and, for a row of an export,
``row``; then ``id, outlet, title, published, date_status, byline, language, sha256, url,
notes``. Every cell is checked against :data:`ROW_SCHEMA` (a JSON schema) and every problem
becomes a message naming the file, the row (counting the header as row 1, as a spreadsheet
does) and the column:

- a row that cannot be used is skipped, the others still count: a quote that is not closed
  (a cell cannot hold a line break, so the row ends with its line and the rows after it are
  read as usual), too many cells, no ``file_name``, a path that leaves the raw folder, a
  ``row`` that is not a number, a second row for the same article;
- a bad cell (a date that is not YYYY-MM-DD, an unknown ``date_status``, a malformed hash,
  language or id) is left empty and the rest of its row is used;
- a column the manifest does not have is taken from the article itself (its export
  columns, page metadata or text); an empty cell in a column it has stays empty.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

from helpers.corpus.decoding import decode_bytes
from helpers.corpus.files import is_inside, read_limited

MANIFEST_COLUMNS = [
    "id", "file_name", "outlet", "title", "published", "date_status", "byline", "language",
    "sha256", "notes", "row", "url",
]  # fmt: skip
DATE_STATUSES = ("stated", "inferred", "from_text", "unknown")
MAX_MANIFEST_BYTES = 50_000_000
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends a spreadsheet may write
# What each checked cell must be; "" (an empty cell) is always allowed.
ROW_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"pattern": r"^$|^[a-z0-9][a-z0-9_-]{0,99}$"},
        "file_name": {"minLength": 1},
        "row": {"pattern": r"^$|^[1-9][0-9]{0,9}$"},
        "published": {"anyOf": [{"const": ""}, {"format": "date"}]},
        "date_status": {"enum": ["", *DATE_STATUSES]},
        "language": {"pattern": r"^$|^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
        "sha256": {"pattern": r"^$|^[0-9a-fA-F]{64}$"},
    },
    "required": ["file_name"],
}
EXPECTED = {
    "id": "a lower-case id of letters, digits, _ and - (up to 100)",
    "file_name": "the name of a file in the raw folder",
    "row": "a row number (1, 2, ...) or empty",
    "published": "a date YYYY-MM-DD",
    "date_status": "one of " + ", ".join(DATE_STATUSES),
    "language": "a language code such as en or pt-BR",
    "sha256": "64 hexadecimal digits",
}
ROW_COLUMNS = frozenset({"file_name", "row"})  # a bad cell here skips the whole row
OPTIONAL_COLUMNS = frozenset({"row", "url", "notes"})  # not missed when a manifest lacks them


@cache
def row_validator():
    """The JSON-schema validator of a row (jsonschema is imported on first use: it is slow)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(ROW_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


@dataclass
class ManifestRow:
    """One usable row: its number (header = row 1), the article it names and its cells.

    ``values`` holds the manifest's columns only (a bad cell as ""); ``notes`` the problems
    with its cells, for the notes of the article.
    """

    number: int
    file_name: str
    row: int
    values: dict[str, str]
    notes: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    """The usable rows by ``(file_name, row)``, the columns the file has, and the messages."""

    name: str = ""
    columns: frozenset[str] = frozenset()
    rows: dict[tuple[str, int], ManifestRow] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def check_file_name(value: str, root: Path) -> tuple[str, str]:
    """Normalise a manifest ``file_name``; return ``(name, problem)`` ("" when it is fine)."""
    name = value.replace("\\", "/")
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\x00" in name:
        return name, f"{value!r} leaves the raw folder"
    name = str(path)
    if not is_inside(root / name, root):
        return name, f"{value!r} leads outside the raw folder through a link"
    return name, ""


def _parse_line(line: str, delimiter: str) -> tuple[list[str] | None, int]:
    """The cells of one line, or None and the (1-based) column where a quote is not closed."""
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True)), 0
    except csv.Error:
        loose = next(csv.reader([line], delimiter=delimiter))
        return None, len(loose)
    except StopIteration:
        return [], 0


def read_manifest(path: str | Path, root: str | Path, expected: bool = True) -> Manifest:
    """Read and check the manifest at ``path`` for the raw folder ``root``.

    ``expected``: say so in a message when there is no manifest (a folder corpus); a single
    file's manifest is optional and its absence is not mentioned.
    """
    path, root = Path(path), Path(root)
    name = path.name
    manifest = Manifest(name=name)
    say = manifest.messages.append
    if not path.exists():
        if expected:
            say(f"{name}: not found; metadata of every file is taken from the file itself")
        return manifest
    data, _, reason = read_limited(path, MAX_MANIFEST_BYTES)
    decoded = decode_bytes(data) if data is not None else None
    if decoded is None or not decoded.ok:
        why = reason or (decoded.reason if decoded else "")
        say(f"{name}: could not be read ({why}); metadata taken from the files themselves")
        return manifest
    lines = LINE_BREAK.split(decoded.text)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        say(f"{name}: empty; metadata taken from the files themselves")
        return manifest
    delimiter = ";" if lines[first].count(";") > lines[first].count(",") else ","
    header, problem = _parse_line(lines[first], delimiter)
    header = [h.strip() for h in header or []]
    if problem or "file_name" not in header:
        say(f"{name}: the header (row {first + 1}) has no file_name column; manifest not used")
        return manifest
    unknown = [h for h in header if h not in MANIFEST_COLUMNS]
    if unknown:
        say(f"{name}: unknown column(s) {', '.join(unknown)} ignored")
    missing = [c for c in MANIFEST_COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    if missing:
        say(
            f"{name}: no column(s) {', '.join(missing)}; those fields are taken from the "
            "files themselves"
        )
    manifest.columns = frozenset(h for h in header if h in MANIFEST_COLUMNS)
    ids: dict[str, int] = {}
    for index in range(first + 1, len(lines)):
        if lines[index].strip():
            _read_row(manifest, index + 1, lines[index], header, delimiter, root, ids)
    return manifest


def _read_row(
    manifest: Manifest,
    number: int,
    line: str,
    header: list[str],
    delimiter: str,
    root: Path,
    ids: dict[str, int],
) -> None:
    """Check one line of the manifest and add it to ``manifest.rows`` if it can be used."""
    where = f"{manifest.name}, row {number}"
    say = manifest.messages.append
    cells, broken = _parse_line(line, delimiter)
    if cells is None:
        column = header[broken - 1] if 0 < broken <= len(header) else f"{broken}"
        say(
            f"{where}, column {column}: a quote is not closed (a cell cannot hold a line "
            "break); the row is skipped"
        )
        return
    if len(cells) > len(header):
        say(
            f"{where}: {len(cells)} cells, the header has {len(header)} (a comma outside "
            "quotes?); the row is skipped"
        )
        return
    if len(cells) < len(header):
        say(f"{where}: {len(cells)} cells, the header has {len(header)}; the rest are empty")
        cells = cells + [""] * (len(header) - len(cells))
    values = {h: c.strip() for h, c in zip(header, cells, strict=True) if h in MANIFEST_COLUMNS}
    bad_cells = {}
    for error in row_validator().iter_errors(values):
        column = error.path[0] if error.path else "file_name"
        bad_cells.setdefault(column, values.get(column, ""))
    for column in sorted(ROW_COLUMNS & set(bad_cells)):
        say(f"{where}, column {column}: {bad_cells[column]!r} is not {EXPECTED[column]}; "
            "the row is skipped")  # fmt: skip
    if ROW_COLUMNS & set(bad_cells):
        return
    file_name, leaves = check_file_name(values["file_name"], root)
    if leaves:
        say(f"{where}, column file_name: {leaves}; the row is skipped")
        return
    key = (file_name, int(values.get("row") or 0))
    if key in manifest.rows:
        first = manifest.rows[key].number
        say(f"{where}: {file_name} is already listed in row {first}; the row is skipped")
        return
    notes = []
    for column, value in sorted(bad_cells.items()):
        note = (
            f"{where}, column {column}: bad value {value!r} (expected {EXPECTED[column]}); "
            "left empty"
        )
        say(f"{note} ({file_name})")
        notes.append(note)
        values[column] = ""
    if values.get("id"):
        if values["id"] in ids:
            first = ids[values["id"]]
            note = (
                f"{where}, column id: {values['id']!r} is already the id of row {first}; left empty"
            )
            say(note)
            notes.append(note)
            values["id"] = ""
        else:
            ids[values["id"]] = number
    manifest.rows[key] = ManifestRow(number, file_name, key[1], values, notes)
