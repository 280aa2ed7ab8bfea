"""Bring a corpus in: read every input, refuse bad ones with a reason, write the corpus tables.

In: a folder (subfolders included) or a single file of ``.txt`` articles, saved web pages
(``.html``), and exports of news databases (``.csv``/``.tsv``, ``.jsonl``/``.ndjson``,
``.json``, ``.parquet``: one article per row), plus an optional ``manifest.csv``. Out (in the
processed folder): ``articles.csv`` (one row per article or refused input, with its reason
and provenance), ``posts.csv``, ``sentences.csv``, ``removed_lines.csv``,
``corpus_messages.txt`` and ``clean/<article_id>.txt``, as described in the README and
``docs/corpus-input.md``. Raw files are only read, never written.

The modules, one job each:

- ``files``      the entries of the raw folder (links and special files refused), safe reads, ids
- ``decoding``   bytes to text: byte-order marks, UTF-8, UTF-16, detected legacy encodings
- ``manifest``   reading and checking manifest.csv, every problem named by row and column
- ``readers``    the reader for each file by extension and content; ``webpage`` (HTML) and
  ``exports`` (CSV, JSON lines, JSON, Parquet) with ``columns`` (the column mapping)
- ``metadata``   dates (python-dateutil), outlets from web domains, metadata from the text
- ``duplicates`` near-duplicate clusters (MinHash with datasketch)
- ``assemble``   one article's metadata and rows; ``build`` the whole run; ``tables`` the
  tables, writing and reading them back
- ``make_manifest`` the ``make manifest`` command (``python -m helpers.corpus.make_manifest``)
"""

from __future__ import annotations

from pathlib import Path

from helpers.corpus.build import (
    DEFAULT_MAX_EXPORT_MB,
    DEFAULT_MAX_FILE_MB,
    build_corpus,
    collect_corpus,
    default_manifest_path,
)
from helpers.corpus.columns import ColumnError, merge_columns, parse_columns
from helpers.corpus.decoding import Decoded, binary_reason, decode_bytes
from helpers.corpus.files import article_ids, sha256_bytes, sha256_file
from helpers.corpus.manifest import MANIFEST_COLUMNS, read_manifest
from helpers.corpus.metadata import (
    date_from_text,
    guess_language,
    metadata_from_text,
    parse_date,
    valid_iso_date,
)
from helpers.corpus.tables import (
    ARTICLE_COLUMNS,
    POST_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    TEXT_COLUMNS,
    CorpusBuild,
    duplicate_clusters,
    line_balance,
    load_clean_texts,
    load_corpus,
    rule_counts,
    write_corpus,
)

__all__ = [
    "ARTICLE_COLUMNS", "DEFAULT_MAX_EXPORT_MB", "DEFAULT_MAX_FILE_MB", "MANIFEST_COLUMNS",
    "POST_COLUMNS", "REMOVED_COLUMNS", "SENTENCE_COLUMNS", "TEXT_COLUMNS", "ColumnError",
    "CorpusBuild", "Decoded", "article_ids", "binary_reason", "build_corpus", "collect_corpus",
    "date_from_text", "decode_bytes", "default_manifest_path", "duplicate_clusters",
    "guess_language", "line_balance", "load_clean_texts", "load_corpus", "merge_columns",
    "metadata_from_text", "parse_columns", "parse_date", "read_manifest", "read_raw_text",
    "rule_counts", "sha256_bytes", "sha256_file", "valid_iso_date", "write_corpus",
]  # fmt: skip


def read_raw_text(path: str | Path) -> str:
    """Return the decoded text of one raw file as it is on disk ("" when it is not text)."""
    return decode_bytes(Path(path).read_bytes()).text
