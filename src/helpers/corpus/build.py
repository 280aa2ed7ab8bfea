"""Build the corpus: read every input, refuse bad ones with a reason, clean, cluster, tabulate.

:func:`collect_corpus` does it in memory and :func:`build_corpus` also writes the tables.
Every input ends up as a row of ``articles.csv``: a file, a row of an export, a manifest row
whose file is missing; refused ones with their reason. A failure while reading or cleaning
one input refuses that input and the run goes on. Raw files are only read, never written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from helpers import paths
from helpers.clean import clean_article
from helpers.corpus.assemble import article_row, article_tables, merged_metadata
from helpers.corpus.columns import parse_columns
from helpers.corpus.duplicates import cluster_sizes, clusters_message, near_duplicate_clusters
from helpers.corpus.files import (
    IdRequest,
    RawEntry,
    allocate_ids,
    file_request,
    list_raw,
    name_base,
    read_limited,
    slug,
)
from helpers.corpus.manifest import Manifest, read_manifest
from helpers.corpus.metadata import outlet_table
from helpers.corpus.readers import (
    EXPORT_READERS,
    READER_RANK,
    ReadOptions,
    read_source,
    reader_for,
    size_limit,
    unsupported_reason,
)
from helpers.corpus.records import SourceArticle
from helpers.corpus.tables import (
    ARTICLE_COLUMNS,
    POST_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    CorpusBuild,
    write_corpus,
)

DEFAULT_MAX_FILE_MB = 10  # files larger than this are refused unless the caller raises it
DEFAULT_MAX_EXPORT_MB = 500  # exports (many articles in one file) may be this large
ROW_ID_DIGITS = 4  # row numbers in ids are zero-padded to at least this many digits


def default_manifest_path(raw: Path) -> Path:
    """``<folder>/manifest.csv`` for a folder; ``<stem>.manifest.csv`` beside a single file."""
    if raw.is_file():
        return raw.with_name(f"{raw.stem}.{paths.MANIFEST_NAME}")
    return raw / paths.MANIFEST_NAME


def _too_large(size: int, limit: int, reader: str | None) -> str:
    """The reason a file over its size limit is refused, naming how to raise the limit."""
    if reader in EXPORT_READERS:
        return (
            f"file is {size / 1e6:.1f} MB, over the limit of max_export_mb={limit / 1e6:g} for "
            "exports; raise it with build_corpus(..., max_export_mb=...)"
        )
    return (
        f"file is {size / 1e6:.1f} MB, over the limit of max_file_mb={limit / 1e6:g}; "
        "to process it, raise the limit: make report MAX_FILE_MB=..., the notebook "
        "parameter max_file_mb, or build_corpus(..., max_file_mb=...)"
    )


def read_entry(entry: RawEntry, options: ReadOptions) -> tuple[list[SourceArticle], list[str]]:
    """Read one entry of the raw folder into its articles (refused ones included)."""
    refused = SourceArticle(entry.name, reader_for(entry.name) or "")
    if entry.reason:
        return [refused.refuse(entry.reason)], []
    if refused.reader == "":
        return [refused.refuse(unsupported_reason(entry.name))], []
    limit = size_limit(refused.reader, options)
    data, size, why = read_limited(entry.path, limit)
    if why == "empty":
        return [refused.refuse("empty file (0 bytes)")], []
    if why == "too large":
        return [refused.refuse(_too_large(size, limit, refused.reader))], []
    if data is None:
        return [refused.refuse(why)], []
    return read_source(entry.name, data, options)


def id_requests(sources: list[SourceArticle], manifest: Manifest) -> list[IdRequest]:
    """What id each article of ``sources`` asks for (for :func:`allocate_ids`): the id of its
    ``manifest`` row, else its file name's, else file name and row (an export's articles)."""
    widths: dict[str, int] = {}
    for source in sources:
        widths[source.file_name] = max(widths.get(source.file_name, 0), len(str(source.row)))
    requests = []
    for source in sources:
        row = manifest.rows.get(source.key)
        given = row.values.get("id", "") if row is not None else ""
        rank = READER_RANK.get(source.reader, 3)
        if given:
            requests.append(IdRequest(source.key, given, 0, (source.file_name, source.row)))
        elif source.row == 0:
            requests.append(file_request(source.file_name, rank))
        else:
            width = max(ROW_ID_DIGITS, widths[source.file_name])
            tail = slug(source.meta.get("source_id", ""), 40) or f"{source.row:0{width}d}"
            base = f"{name_base(source.file_name)}_{tail}"
            requests.append(IdRequest(source.key, base, 2, (rank, source.file_name, source.row)))
    return requests


def missing_listed(
    sources: list[SourceArticle], manifest: Manifest, messages: list[str]
) -> list[SourceArticle]:
    """Refused articles for the rows of ``manifest`` naming a file that is not among
    ``sources``; rows naming a row that a file lacks add a line to ``messages``."""
    keys = {s.key for s in sources}
    rows_of: dict[str, int] = {}
    for source in sources:
        rows_of[source.file_name] = max(rows_of.get(source.file_name, 0), source.row)
    missing = []
    for key, row in manifest.rows.items():
        if key in keys:
            continue
        where = f"{manifest.name}, row {row.number}"
        if key[0] not in rows_of:
            item = SourceArticle(row.file_name, "", row=row.row)
            item.sha256 = row.values.get("sha256", "")
            missing.append(item.refuse(f"listed in {manifest.name} but the file is missing"))
        elif key[1] == 0 and rows_of[key[0]]:
            messages.append(
                f"{where}: {key[0]} is an export of many articles; give the article's row in "
                "the row column; the manifest row is not used"
            )
        elif rows_of[key[0]]:
            messages.append(f"{where}: {key[0]} has no row {key[1]}; the manifest row is not used")
        elif key[1]:
            messages.append(
                f"{where}: {key[0]} is one article, with no rows; the manifest row is not used"
            )
    return missing


def refuse_exact_duplicates(sources: list[SourceArticle], ids: Mapping) -> None:
    """Refuse, in place, the second copy of a file (same bytes) or of an export row (same text
    and cells) among ``sources``; ``ids`` maps each source's key to its article id, which the
    reason names ("duplicate of ...")."""
    seen: dict[object, str] = {}
    for source in sources:
        if source.status != "ok":
            continue
        if source.row:
            key: object = (source.sha256, tuple(sorted(source.meta.items())))
            what = "same text and metadata"
        else:
            key, what = source.sha256, "same sha256"
        if key in seen:
            source.refuse(f"duplicate of {seen[key]} ({what})")
        else:
            seen[key] = ids[source.key]


def _cluster(rows: list[dict], clean_texts: dict[str, str], messages: list[str]) -> None:
    """Fill ``duplicate_cluster`` and ``cluster_size`` of the ok rows; report the clusters."""
    clusters = near_duplicate_clusters(clean_texts)
    sizes = cluster_sizes(clusters)
    for row in rows:
        cluster = clusters.get(row["article_id"])
        if cluster is not None:
            row["duplicate_cluster"], row["cluster_size"] = cluster, sizes[cluster]
    message = clusters_message(clusters, sizes)
    if message:
        messages.append(message)


def reading_setup(
    raw_dir: str | Path,
    manifest: str | Path | None,
    columns: str | Mapping[str, str] | None,
    max_file_mb: float,
    max_export_mb: float,
) -> tuple[Path, Manifest, frozenset[str], ReadOptions]:
    """What reading ``raw_dir`` (a folder, or one file) starts from: the input path, its
    manifest, the file names to skip (the manifest itself) and the reading options."""
    raw = Path(raw_dir)
    if raw.is_file():
        raw = raw.resolve()
    if not raw.exists():
        raise FileNotFoundError(f"raw_dir {raw} not found: give a folder of articles or one file")
    root = raw.parent if raw.is_file() else raw
    manifest_path = Path(manifest) if manifest else default_manifest_path(raw)
    found = read_manifest(manifest_path, root, expected=manifest is not None or raw.is_dir())
    skip = frozenset()
    if manifest_path.parent.resolve() == root.resolve():
        skip = frozenset({manifest_path.name})
    options = ReadOptions(
        columns=parse_columns(columns),
        max_file_bytes=int(max_file_mb * 1_000_000),
        max_export_bytes=int(max_export_mb * 1_000_000),
    )
    return raw, found, skip, options


def read_or_refuse(entry, options: ReadOptions) -> tuple[list[SourceArticle], list[str]]:
    """The articles and messages of one input; an input that cannot be read at all becomes one
    refused article with the error as its reason, so the rest of the corpus goes on."""
    try:
        return read_entry(entry, options)
    except Exception as err:  # noqa: BLE001 - one bad file is refused, the rest goes on
        failed = SourceArticle(entry.name, reader_for(entry.name) or "")
        return [failed.refuse(f"could not be read ({type(err).__name__}: {err})")], []


def collect_corpus(
    raw_dir: str | Path = paths.RAW_DIR,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    progress: bool = True,
    verbose: bool = False,
    columns: str | Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    manifest: str | Path | None = None,
    max_export_mb: float = DEFAULT_MAX_EXPORT_MB,
) -> CorpusBuild:
    """Read every input of ``raw_dir`` (a folder, or one file) and clean the good ones, in memory.

    ``columns`` maps export columns onto fields (``"text=body,published=date"`` or a dict);
    ``outlets`` adds web domains to the outlet table; ``manifest`` is the manifest to use
    (default :func:`default_manifest_path`). Each problem becomes a message starting with the
    file it is about; messages are returned and, with ``verbose``, printed. Files over
    ``max_file_mb`` megabytes (exports: ``max_export_mb``) are refused. Nothing is written.
    """
    raw, found, skip, options = reading_setup(
        raw_dir, manifest, columns, max_file_mb, max_export_mb
    )
    messages = list(found.messages)
    sources: list[SourceArticle] = []
    for entry in tqdm(list_raw(raw, skip), desc="files", unit="file", disable=not progress):
        read, said = read_or_refuse(entry, options)
        sources += read
        messages += said
    sources += missing_listed(sources, found, messages)
    ids = allocate_ids(id_requests(sources, found))
    refuse_exact_duplicates(sources, ids)
    table = outlet_table(outlets)

    rows, post_rows, sentence_rows, removed_rows = [], [], [], []
    clean_texts: dict[str, str] = {}
    source_texts: dict[str, str] = {}
    for source in tqdm(sources, desc="articles", unit="article", disable=not progress):
        article_id = ids[source.key]
        manifest_row = found.rows.get(source.key)
        notes = [manifest_row.values.get("notes", "")] if manifest_row is not None else []
        notes += source.notes
        art, meta, n_sentences = None, {}, 0
        if source.status == "ok":
            try:
                art = clean_article(source.text)
                meta = merged_metadata(source, art, manifest_row, found.columns, table)
                posts, sentences, removed = article_tables(article_id, art, source)
            except Exception as err:  # noqa: BLE001 - one article is refused, the rest goes on
                art = None
                source.refuse(f"failed while cleaning ({type(err).__name__}: {err})")
        for note in source.notes:
            messages.append(f"{source.label}: {note}")
        if art is not None:
            notes += manifest_checks(source, manifest_row, found.name, messages)
            post_rows += posts
            sentence_rows += sentences
            removed_rows += removed
            clean_texts[article_id] = art.clean_text
            source_texts[article_id] = source.text
            n_sentences = len(sentences)
            if not sentences:
                messages.append(f"{source.label}: no reporting text left after cleaning")
        else:
            messages.append(f"{source.label}: refused, {source.reason}")
        rows.append(article_row(article_id, source, meta, art, n_sentences, notes))
    _cluster(rows, clean_texts, messages)

    build = CorpusBuild(
        articles=pd.DataFrame(rows, columns=ARTICLE_COLUMNS).sort_values(
            "article_id", kind="mergesort"
        ),
        posts=pd.DataFrame(post_rows, columns=POST_COLUMNS),
        sentences=pd.DataFrame(sentence_rows, columns=SENTENCE_COLUMNS),
        removed_lines=pd.DataFrame(removed_rows, columns=REMOVED_COLUMNS),
        clean_texts=dict(sorted(clean_texts.items())),
        messages=messages,
        source_texts=dict(sorted(source_texts.items())),
    )
    if verbose:
        for message in messages:
            print(message)
    return build


def manifest_checks(
    source: SourceArticle, row, manifest_name: str, messages: list[str]
) -> list[str]:
    """Notes on an article from its manifest ``row`` (None when it has none): bad cells, and a
    hash that no longer matches, which is also added to ``messages``."""
    if row is None:
        return []
    notes = list(row.notes)
    expected = row.values.get("sha256", "").lower()
    if expected and source.sha256 and expected != source.sha256:
        note = (
            f"sha256 differs from {manifest_name} (file {source.sha256[:12]}..., manifest "
            f"{expected[:12]}...); processed as it is now"
        )
        messages.append(f"{source.label}: {note}")
        notes.append(note)
    return notes


def build_corpus(
    raw_dir: str | Path = paths.RAW_DIR,
    processed_dir: str | Path = paths.PROCESSED_DIR,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    progress: bool = True,
    verbose: bool = True,
    columns: str | Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    manifest: str | Path | None = None,
    max_export_mb: float = DEFAULT_MAX_EXPORT_MB,
) -> CorpusBuild:
    """Collect the corpus of ``raw_dir`` (:func:`collect_corpus`) and write it to ``processed_dir``.

    Writes articles.csv, posts.csv, sentences.csv, removed_lines.csv (each with a Parquet
    twin), corpus_messages.txt and clean/<id>.txt; prints each message when ``verbose``.
    """
    build = collect_corpus(
        raw_dir,
        max_file_mb=max_file_mb,
        progress=progress,
        verbose=verbose,
        columns=columns,
        outlets=outlets,
        manifest=manifest,
        max_export_mb=max_export_mb,
    )
    write_corpus(build, processed_dir)
    return build
