"""Read exports of news databases: CSV, JSON lines, a JSON list and Parquet, one article a row.

Each reader turns a file into records ``(row number, dict of cells)`` or ``(row number, why
the row cannot be read)``; :func:`rows_to_articles` maps the cells onto the kit's fields with
:mod:`helpers.corpus.columns` and gives one :class:`SourceArticle` per record, refused ones
(empty text, unreadable row, text too large) included with their reason. A file with no text
column is refused as a whole, naming the columns it has.

Row numbers are what a person finds in the file: the data row of a CSV (the header is not
counted), the line of a JSON-lines file, the position in a JSON list or Parquet table.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from datetime import date, datetime

from helpers.corpus.columns import REQUIRED_FIELDS, describe_missing, resolve_columns
from helpers.corpus.files import sha256_bytes
from helpers.corpus.metadata import parse_date
from helpers.corpus.records import META_FIELDS, SourceArticle
from helpers.corpus.webpage import looks_like_html, read_html

DELIMITERS = ",;\t|"  # CSV delimiters tried, the one the header line holds most often wins
# Keys under which JSON exports wrap their list of articles: {"articles": [...]}.
LIST_KEYS = ("articles", "data", "items", "results", "stories", "documents", "records", "hits")
MAX_NESTING = 3  # levels of nested JSON objects flattened into "a.b.c" columns

Record = tuple[int, dict | str]  # (row number, cells) or (row number, why it is unreadable)


# --- cells -------------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell as text: "" for missing values, lists joined by ", ", an object by its name.

    >>> cell_text(["Ann Lee", "Bo Kim"]), cell_text({"id": "x", "name": "Wire"}), cell_text(7.0)
    ('Ann Lee, Bo Kim', 'Wire', '7')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (cell_text(v) for v in value) if t)
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "text"):
            if key in value:
                return cell_text(value[key])
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def flatten(record: Mapping, prefix: str = "", depth: int = 0) -> dict:
    """Add ``"a.b"`` keys for the values of nested objects (the object itself is kept too)."""
    flat: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        flat[name] = value
        if isinstance(value, Mapping) and depth < MAX_NESTING:
            flat.update(flatten(value, f"{name}.", depth + 1))
    return flat


# --- records of each format --------------------------------------------------------------------


def _delimiter(header_line: str, default: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == default))
    return best if counts[best] else default


def csv_records(text: str, delimiter: str = ",") -> tuple[list[str], list[Record]]:
    """Return the header and the records of a CSV text.

    A row with more or fewer cells than the header is unreadable. A quote that is never
    closed makes its row unreadable and reading starts again on the next line, so the rows
    it would swallow into one cell are kept.
    """
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return [], []
    delimiter = _delimiter(lines[first], delimiter)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    try:
        header = next(csv.reader([lines[first]], delimiter=delimiter, strict=True))
    except csv.Error:
        header = lines[first].rstrip("\r\n").split(delimiter)
    header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(header)]
    records: list[Record] = []
    position, row = first + 1, 0
    while position < len(lines):
        reader = csv.reader(iter(lines[position:]), delimiter=delimiter, strict=True)
        restart = None
        while True:
            start = position + reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                position = len(lines)
                break
            except csv.Error as err:
                row += 1
                records.append((row, f"unreadable row (CSV line {start + 1}: {err})"))
                restart = start + 1
                break
            if not any(c.strip() for c in cells):
                continue
            row += 1
            if len(cells) != len(header):
                counts = f"{len(cells)} cells, the header {len(header)}"
                records.append((row, f"unreadable row (line {start + 1} has {counts})"))
            else:
                records.append((row, dict(zip(header, cells, strict=True))))
        if restart is not None:
            position = restart
    return header, records


def jsonl_records(text: str) -> tuple[list[str], list[Record]]:
    """Return the column names seen and the records of a JSON-lines text (one object a line)."""
    columns: dict[str, None] = {}
    records: list[Record] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            message = getattr(err, "msg", type(err).__name__)
            records.append((number, f"unreadable row (line {number} is not JSON: {message})"))
            continue
        if not isinstance(value, dict):
            records.append((number, f"unreadable row (line {number} is not a JSON object)"))
            continue
        flat = flatten(value)
        columns.update(dict.fromkeys(flat))
        records.append((number, flat))
    return list(columns), records


def json_records(text: str) -> tuple[list[str], list[Record], str]:
    """Return columns, records and a refusal reason ("" if none) of a JSON text.

    The text holds a list of objects, or an object with such a list under one of
    :data:`LIST_KEYS` (``{"articles": [...]}``).
    """
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        where = f" at line {err.lineno}, column {err.colno}" if hasattr(err, "lineno") else ""
        return [], [], f"unreadable JSON{where}: {getattr(err, 'msg', type(err).__name__)}"
    if isinstance(value, dict):
        key = next((k for k in LIST_KEYS if isinstance(value.get(k), list)), None)
        if key is None:
            return [], [], "a JSON object without a list of articles (expected a list of objects)"
        value = value[key]
    if not isinstance(value, list):
        return [], [], "JSON that is not a list of articles"
    columns: dict[str, None] = {}
    records: list[Record] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            records.append((number, f"unreadable row (item {number} is not a JSON object)"))
            continue
        flat = flatten(item)
        columns.update(dict.fromkeys(flat))
        records.append((number, flat))
    return list(columns), records, ""


def parquet_records(data: bytes) -> tuple[list[str], list[Record], str]:
    """Return columns, records and a refusal reason ("" if none) of a Parquet file."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - pyarrow raises many types for a bad file
        return [], [], f"unreadable Parquet file ({type(err).__name__}: {err})"
    records: list[Record] = []
    columns: dict[str, None] = dict.fromkeys(table.column_names)
    for number, item in enumerate(table.to_pylist(), start=1):
        flat = flatten(item)
        columns.update(dict.fromkeys(flat))
        records.append((number, flat))
    return list(columns), records, ""


# --- records to articles -----------------------------------------------------------------------


def rows_to_articles(
    file_name: str,
    reader: str,
    columns: list[str],
    records: list[Record],
    mapping: Mapping[str, str],
    max_text_bytes: int,
) -> tuple[list[SourceArticle], list[str]]:
    """One article per record; returns the articles and messages about the file's columns.

    Raises ``LookupError`` with the reason when no column holds the text.
    """
    found = resolve_columns(columns, mapping)
    for field in REQUIRED_FIELDS:
        if field not in found:
            raise LookupError(describe_missing(field, columns, mapping))
    messages = [
        f"{file_name}: the column {mapping[f]!r} named for {f} is not in the file; {f} is "
        "taken from the text where it can be"
        for f in mapping
        if f not in found
    ]
    articles = [
        _row_article(file_name, reader, number, cells, found, max_text_bytes)
        for number, cells in records
    ]
    return articles, messages


def _row_article(
    file_name: str,
    reader: str,
    number: int,
    cells: dict | str,
    found: Mapping[str, str],
    max_text_bytes: int,
) -> SourceArticle:
    article = SourceArticle(file_name, reader, row=number, encoding="")
    if isinstance(cells, str):
        return article.refuse(cells)
    text = cell_text(cells.get(found["text"]))
    if not text:
        return article.refuse(f"empty text (column {found['text']})")
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) > max_text_bytes:
        return article.refuse(
            f"text is {len(encoded) / 1e6:.1f} MB, over the limit of max_file_mb="
            f"{max_text_bytes / 1e6:g}; raise it with make report MAX_FILE_MB=..."
        )
    article.sha256 = sha256_bytes(encoded)
    field_of = {"source_id": "id"}  # the meta key of the export's own id
    meta = {}
    for key in META_FIELDS:
        field = field_of.get(key, key)
        meta[key] = cell_text(cells.get(found[field])) if field in found else ""
    raw_date = cells.get(found["published"]) if "published" in found else None
    meta["published"] = parse_date(raw_date)
    if cell_text(raw_date) and not meta["published"]:
        article.notes.append(
            f"column {found['published']}: {cell_text(raw_date)[:40]!r} is not a whole date; "
            "published taken from the text where it can be"
        )
    article.meta = meta
    article.outlet_from = "column" if meta["outlet"] else ""
    if looks_like_html(text):
        article.notes.append(f"the text in column {found['text']} is HTML; read as a web page")
        stated = dict(meta)
        read_html(text, article)
        for field, value in stated.items():  # the row's own columns win over the page's tags
            if value:
                article.meta[field] = value
        article.outlet_from = "column" if stated["outlet"] else article.outlet_from
        if article.status == "ok":
            article.sha256 = sha256_bytes(encoded)
        return article
    article.text = text
    return article


def records_of(reader: str, text: str, data: bytes) -> tuple[list[str], list[Record], str]:
    """Columns, records and refusal reason of an export in the given ``reader`` format."""
    if reader == "csv":
        header, records = csv_records(text)
        return header, records, "" if header else "empty CSV file (no header line)"
    if reader == "tsv":
        header, records = csv_records(text, "\t")
        return header, records, "" if header else "empty TSV file (no header line)"
    if reader == "jsonl":
        columns, records = jsonl_records(text)
        return columns, records, ""
    if reader == "json":
        return json_records(text)
    if reader == "parquet":
        return parquet_records(data)
    raise ValueError(f"not an export format: {reader}")
