"""Choose a reader for each raw file by its extension and content, and read it into articles.

| extension | reader | articles |
| --- | --- | --- |
| ``.txt`` | txt (an HTML page saved as ``.txt`` is read as html, with a note) | one |
| ``.html``, ``.htm`` | html (:mod:`helpers.corpus.webpage`) | one |
| ``.csv``, ``.tsv`` | csv / tsv (:mod:`helpers.corpus.exports`) | one per row |
| ``.jsonl``, ``.ndjson`` | jsonl | one per line |
| ``.json`` | json (a list of objects) | one per item |
| ``.parquet`` | parquet | one per row |

:func:`read_source` never raises for a bad file: whatever goes wrong becomes a refused
:class:`SourceArticle` with the reason, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from helpers.corpus.decoding import decode_bytes
from helpers.corpus.exports import records_of, rows_to_articles
from helpers.corpus.files import sha256_bytes
from helpers.corpus.records import SourceArticle
from helpers.corpus.webpage import decode_html, looks_like_html, read_html

READERS = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
}
EXPORT_READERS = frozenset({"csv", "tsv", "jsonl", "json", "parquet"})
# Which reader's file keeps its id beside another file of the same name: "a.txt" before "a.html".
READER_RANK = {"txt": 0, "html": 1, "csv": 2, "tsv": 2, "jsonl": 2, "json": 2, "parquet": 2}


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the export column mapping and the size limits (bytes)."""

    columns: Mapping[str, str] = field(default_factory=dict)
    max_file_bytes: int = 10_000_000  # a single article's file, or an article's text in a row
    max_export_bytes: int = 500_000_000  # an export file as a whole


def reader_for(name: str) -> str | None:
    """The reader of a file name by its extension (None for formats the kit does not read).

    >>> reader_for("cnn/Page.HTM"), reader_for("export.ndjson"), reader_for("photo.jpg")
    ('html', 'jsonl', None)
    """
    return READERS.get(PurePosixPath(name).suffix.lower())


def size_limit(reader: str | None, options: ReadOptions) -> int:
    """The largest file the reader takes: exports may hold many articles."""
    return options.max_export_bytes if reader in EXPORT_READERS else options.max_file_bytes


def unsupported_reason(name: str) -> str:
    """Why a file of an unknown format is refused, naming the formats the kit reads."""
    suffix = PurePosixPath(name).suffix.lower() or "no extension"
    known = ", ".join(READERS)
    return f"not a format the kit reads ({suffix}; it reads {known})"


def read_source(
    name: str, data: bytes, options: ReadOptions
) -> tuple[list[SourceArticle], list[str]]:
    """Read the bytes of one file into its articles; return them and messages about the file.

    Every article comes back, refused ones with their reason; a failure of the reader itself
    refuses the file with the error, never stops the run.
    """
    reader = reader_for(name) or ""
    try:
        if reader in EXPORT_READERS:
            return _read_export(name, reader, data, options)
        return [_read_single(name, reader, data)], []
    except Exception as err:  # noqa: BLE001 - one bad file is refused, the rest goes on
        article = SourceArticle(name, reader, sha256=sha256_bytes(data))
        return [article.refuse(f"could not be read ({type(err).__name__}: {err})")], []


def _read_single(name: str, reader: str, data: bytes) -> SourceArticle:
    """A ``.txt`` or ``.html`` file: one article."""
    article = SourceArticle(name, reader, sha256=sha256_bytes(data))
    decoded = decode_html(data) if reader == "html" else decode_bytes(data)
    if not decoded.ok:
        return article.refuse(decoded.reason)
    article.encoding = decoded.encoding
    if decoded.note:
        article.notes.append(decoded.note)
    if not decoded.text.strip():
        return article.refuse("empty file (only whitespace)")
    if reader == "txt" and looks_like_html(decoded.text):
        article.reader = "html"
        article.notes.append("an HTML page saved as .txt; read as a web page")
        reader = "html"
    if reader == "html":
        return read_html(decoded.text, article)
    article.text = decoded.text
    return article


def _read_export(
    name: str, reader: str, data: bytes, options: ReadOptions
) -> tuple[list[SourceArticle], list[str]]:
    """An export: one article per row, or the whole file refused with its reason."""
    whole = SourceArticle(name, reader, sha256=sha256_bytes(data))
    text = ""
    if reader != "parquet":
        decoded = decode_bytes(data)
        if not decoded.ok:
            return [whole.refuse(decoded.reason)], []
        text = decoded.text
        whole.encoding = decoded.encoding
        if decoded.note:
            whole.notes.append(decoded.note)
    columns, records, reason = records_of(reader, text, data)
    if reason:
        return [whole.refuse(reason)], []
    if not records:
        return [whole.refuse("export with no rows")], []
    try:
        articles, messages = rows_to_articles(
            name, reader, columns, records, options.columns, options.max_file_bytes
        )
    except LookupError as err:
        return [whole.refuse(str(err.args[0]))], []
    for article in articles:
        article.encoding = whole.encoding
    if whole.notes:
        messages += [f"{name}: {note}" for note in whole.notes]
    return articles, messages
