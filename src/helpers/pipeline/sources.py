"""What the corpus holds, before any article is processed: the adapter over the corpus layer.

:func:`plan_corpus` reads the raw folder (or one export file) the way
:func:`helpers.corpus.collect_corpus` does: the manifest, every entry read by
:func:`helpers.corpus.build.read_entry`, ids allocated, exact duplicates and missing files
refused. It returns one :class:`ArticleInput` per article or refused input, in corpus order,
and the messages of reading. Nothing is cleaned here: that is per-article work, done by
:func:`helpers.pipeline.article.process_article` on every core.

Neither memory nor time here grows with the corpus's text: a file that is one article (``.txt``,
``.html``) is only hashed here (its sha256 keys the cache and finds exact duplicates); the
worker that processes it reads and decodes it (:func:`load_source`), so decoding and web-page
extraction run on every core. A file that its reader then refuses (binary, only whitespace) is
refused by its worker, with the same reason. The rows of an export are read here and kept in
memory with their text, as the corpus layer reads an export whole.

Two differences from ``collect_corpus``, both on inputs that are refused anyway or rare: two
identical files that the reader would refuse (say, two copies of a binary file) are refused
one as unreadable and one as a duplicate, and a ``.txt`` file that holds a web page keeps the
id rank of a ``.txt`` beside an ``.html`` file of the same name.

This module and :mod:`helpers.pipeline.article` are the only ones that call the corpus layer,
so that a change there is mirrored in one place. The private helpers of
``helpers.corpus.build`` imported here are the steps of ``collect_corpus`` in the same order.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from helpers import paths
from helpers.corpus.build import (
    id_requests,
    missing_listed,
    read_entry,
    read_or_refuse,
    reading_setup,
    refuse_exact_duplicates,
)
from helpers.corpus.files import RawEntry, allocate_ids, list_raw, read_limited, sha256_bytes
from helpers.corpus.manifest import ManifestRow
from helpers.corpus.readers import EXPORT_READERS, ReadOptions, reader_for, size_limit
from helpers.corpus.records import SourceArticle
from helpers.filehash import HashMemo
from helpers.pipeline.progress import bar

DEFAULT_MAX_FILE_MB = 10.0  # as helpers.corpus.DEFAULT_MAX_FILE_MB
DEFAULT_MAX_EXPORT_MB = 500.0  # as helpers.corpus.DEFAULT_MAX_EXPORT_MB


@dataclass
class ArticleInput:
    """One article (or refused input) to process, with everything known about it before cleaning.

    ``source`` is what its reader found (:class:`helpers.corpus.records.SourceArticle`); when
    ``path`` is set, its text was left on disk and :func:`load_source` reads it again.
    ``order`` is its place in the corpus, which orders the messages.
    """

    article_id: str
    source: SourceArticle
    manifest_row: ManifestRow | None = None
    path: str = ""
    order: int = 0

    def fingerprint(self) -> dict[str, object]:
        """Everything about the article, apart from the code, that its rows depend on."""
        # the fields as ``asdict`` gives them (their values are text, numbers, and lists and
        # dicts of text), without its deep copy, once per article of the corpus on every run;
        # the text and its line map are left out, derived from the bytes that sha256 covers
        source = {f: getattr(self.source, f) for f in _SOURCE_FIELDS}
        row = self.manifest_row
        row = {f: getattr(row, f) for f in _ROW_FIELDS} if row is not None else None
        return {"article_id": self.article_id, "source": source, "manifest_row": row}


_SOURCE_FIELDS = tuple(f.name for f in fields(SourceArticle) if f.name not in ("text", "line_map"))
_ROW_FIELDS = tuple(f.name for f in fields(ManifestRow))


@dataclass
class CorpusPlan:
    """The articles of a corpus in order, the messages of reading it, and how it was read."""

    items: list[ArticleInput]
    messages: list[str] = field(default_factory=list)
    manifest_name: str = ""
    manifest_columns: frozenset[str] = frozenset()
    options: ReadOptions = field(default_factory=ReadOptions)

    def settings(self) -> dict[str, object]:
        """What every article's rows depend on besides its own inputs (part of its cache key)."""
        return {
            "manifest_name": self.manifest_name,
            "manifest_columns": sorted(self.manifest_columns),
            "max_file_bytes": self.options.max_file_bytes,
            "max_export_bytes": self.options.max_export_bytes,
            "columns": dict(self.options.columns),
        }


def _whole_file_stub(
    entry: RawEntry, options: ReadOptions, memo: HashMemo | None = None
) -> SourceArticle | None:
    """A file that is one article (``.txt``, ``.html``) and can be read: its name, reader and
    sha256, without its text. None for anything else (``read_entry`` reads it, or refuses it
    with its reason, here). A file whose stat ``memo`` knows is not read at all."""
    reader = reader_for(entry.name)
    if entry.reason or reader is None or reader in EXPORT_READERS:
        return None
    limit = size_limit(reader, options)
    info = _regular_stat(entry.path) if memo is not None else None
    if info is not None and 0 < info.st_size <= limit:
        known = memo.remembered(entry.path, info)
        if known is not None:
            return SourceArticle(entry.name, reader, sha256=known)
    data, _, _ = read_limited(entry.path, limit)
    if not data:
        return None
    sha256 = sha256_bytes(data)
    if info is not None and len(data) == info.st_size:
        memo.remember(entry.path, info, sha256)
    return SourceArticle(entry.name, reader, sha256=sha256)


def _regular_stat(path: Path) -> os.stat_result | None:
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def plan_corpus(
    raw_dir: str | Path = paths.RAW_DIR,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    columns: str | Mapping[str, str] | None = None,
    manifest: str | Path | None = None,
    max_export_mb: float = DEFAULT_MAX_EXPORT_MB,
    progress: bool = True,
    memo: HashMemo | None = None,
) -> CorpusPlan:
    """Read what ``raw_dir`` holds into :class:`ArticleInput` rows (see the module docstring).

    The arguments are those of :func:`helpers.corpus.collect_corpus`; ``memo`` knows the
    sha256 of files hashed before (:mod:`helpers.filehash`), which are then not read here.
    """
    raw, found, skip, options = reading_setup(
        raw_dir, manifest, columns, max_file_mb, max_export_mb
    )
    messages = list(found.messages)
    sources: list[SourceArticle] = []
    paths_of: dict[tuple[str, int], str] = {}
    for entry in bar(list_raw(raw, skip), desc="read", unit="file", disable=not progress):
        stub = _whole_file_stub(entry, options, memo)
        if stub is not None:  # its worker reads and decodes it: only its hash is needed here
            paths_of[stub.key] = str(entry.path)
            sources.append(stub)
            continue
        read, said = read_or_refuse(entry, options)
        sources += read
        messages += said
    sources += missing_listed(sources, found, messages)
    ids = allocate_ids(id_requests(sources, found))
    refuse_exact_duplicates(sources, ids)
    items = [
        ArticleInput(
            article_id=ids[s.key],
            source=s,
            manifest_row=found.rows.get(s.key),
            path=paths_of.get(s.key, "") if s.status == "ok" else "",
            order=number,
        )
        for number, s in enumerate(sources)
    ]
    return CorpusPlan(items, messages, found.name, found.columns, options)


def load_source(item: ArticleInput, options: ReadOptions) -> SourceArticle:
    """The item's source with its text, read from its file when the plan left it there.

    A file that changed since it was planned (another sha256) is refused, with that reason.
    """
    if not item.path:
        return item.source
    read, _ = read_entry(RawEntry(item.source.file_name, Path(item.path)), options)
    again = read[0] if read else None
    if again is None or again.sha256 != item.source.sha256:
        return SourceArticle(
            item.source.file_name, item.source.reader, sha256=item.source.sha256
        ).refuse("the file changed while the corpus was being processed; run again")
    return again
