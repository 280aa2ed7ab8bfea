"""Read the raw folder and its manifest, refuse bad files with a reason, write the corpus tables.

In: a folder of ``.txt`` articles plus an optional ``manifest.csv``. Out (in the processed
folder): ``articles.csv`` (one row per raw file, refused ones included with their reason),
``posts.csv``, ``sentences.csv``, ``removed_lines.csv`` and ``clean/<article_id>.txt``, as
described in the project README. Raw files are only read, never written.

:func:`build_corpus` does all of it and returns a :class:`CorpusBuild` with the tables and
the messages it printed; :func:`load_corpus` and :func:`load_clean_texts` read the results back.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from helpers import paths
from helpers.clean import DATE_PATTERN, CleanArticle, clean_article
from helpers.io import write_table, write_text
from helpers.sentences import sentence_spans

DEFAULT_MAX_FILE_MB = 10  # files larger than this are refused unless the caller raises it
BINARY_CONTROL_SHARE = 0.10  # refuse as binary when this share of bytes are control bytes
TEXT_CONTROL_BYTES = frozenset(b"\t\n\r\f\v")  # control bytes that ordinary text contains

ARTICLE_COLUMNS = [
    "article_id", "file_name", "status", "reason", "outlet", "title", "published",
    "date_status", "byline", "language", "sha256", "encoding", "metadata_source",
    "n_posts", "n_sentences", "notes",
]  # fmt: skip
POST_COLUMNS = ["article_id", "post", "headline", "published_time", "byline", "start", "end"]
SENTENCE_COLUMNS = [
    "article_id", "post", "sentence_id", "start", "end", "raw_start", "raw_end", "text",
]  # fmt: skip
REMOVED_COLUMNS = ["article_id", "line_no", "rule", "text"]
MANIFEST_COLUMNS = [
    "id", "file_name", "outlet", "title", "published", "date_status", "byline", "language",
    "sha256", "notes",
]  # fmt: skip
# Columns read back as text ("" for empty), whatever pandas would guess from their cells.
TEXT_COLUMNS = frozenset(
    set(ARTICLE_COLUMNS) - {"n_posts", "n_sentences"}
    | {"headline", "published_time", "byline", "text"}
)
DATE_STATUSES = frozenset({"stated", "inferred", "from_text", "unknown"})

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # 2022-11-07
NOT_ID_CHARS = re.compile(r"[^a-z0-9_-]+")  # runs of characters an article id leaves out
ENGLISH_WORDS = frozenset("the and of to in a is that for on with was said by as".split())
WORD = re.compile(r"[^\W\d_]+")  # a run of letters


@dataclass
class CorpusBuild:
    """What :func:`build_corpus` made: the four tables, the clean texts and the messages."""

    articles: pd.DataFrame
    posts: pd.DataFrame
    sentences: pd.DataFrame
    removed_lines: pd.DataFrame
    clean_texts: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    def __getitem__(self, key: str) -> object:
        """Allow ``build["articles"]`` as well as ``build.articles``."""
        return getattr(self, key)


# --- reading bytes -----------------------------------------------------------------------------


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


def binary_reason(data: bytes) -> str | None:
    """Return why ``data`` is not text (NUL bytes, mostly control bytes), or None if it is text."""
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    sample = data[:65536]
    control = sum(1 for b in sample if (b < 32 and b not in TEXT_CONTROL_BYTES) or b == 127)
    if sample and control / len(sample) > BINARY_CONTROL_SHARE:
        return f"binary file ({control / len(sample):.0%} control bytes, not text)"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` as UTF-8 (a byte-order mark is dropped), else cp1252, else latin-1.

    Returns ``(text, encoding)``; latin-1 always succeeds, so every file gets a text.

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def article_ids(file_names: list[str]) -> dict[str, str]:
    """Give each file name a unique article id derived from its stem, in file-name order.

    Accents are folded to ASCII, letters lower-cased, other runs of characters become ``_``;
    a stem with no usable letters gets ``file_<8 hex of its SHA-1>``; a clash gets ``_2``,
    ``_3`` ... in sorted file-name order.

    >>> ids = article_ids(["Drone Report.txt", "dröne report.txt", "Дрон.txt"])
    >>> ids["Drone Report.txt"], ids["dröne report.txt"], ids["Дрон.txt"]
    ('drone_report', 'drone_report_2', 'file_3bf44bf3')
    """
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(file_names):
        stem = Path(name).stem
        folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
        base = NOT_ID_CHARS.sub("_", folded.lower()).strip("_")
        if not base:
            base = "file_" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}_{n}"
        used.add(candidate)
        ids[name] = candidate
    return ids


# --- manifest ----------------------------------------------------------------------------------


def valid_iso_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def read_manifest(raw_dir: str | Path) -> tuple[pd.DataFrame | None, list[str]]:
    """Read ``manifest.csv`` of ``raw_dir``; return ``(rows or None, messages)``.

    A missing manifest or one without a ``file_name`` column gives None and a message; missing
    optional columns are added empty. Rows are keyed by ``file_name`` (the first row wins).
    """
    path = Path(raw_dir) / paths.MANIFEST_NAME
    if not path.exists():
        return None, [
            f"{paths.MANIFEST_NAME}: not found; metadata of every file is taken from its text"
        ]
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as err:
        return None, [
            f"{paths.MANIFEST_NAME}: could not be read ({err}); metadata taken from the texts"
        ]
    if "file_name" not in frame.columns:
        return None, [
            f"{paths.MANIFEST_NAME}: has no file_name column; metadata taken from the texts"
        ]
    for column in MANIFEST_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame.map(str.strip)
    messages = [
        f"{name}: listed more than once in {paths.MANIFEST_NAME}; the first row is used"
        for name in sorted(set(frame.loc[frame["file_name"].duplicated(), "file_name"]))
    ]
    return frame.drop_duplicates("file_name", keep="first").reset_index(drop=True), messages


# --- metadata from the text --------------------------------------------------------------------


def date_from_text(article: CleanArticle) -> str:
    """Return the publication date found in time/date lines or the headline (YYYY-MM-DD or "").

    Dates of post times and plain date lines come first (the earliest wins); an "Updated ..."
    date is used only when nothing else gives one.
    """
    found: list[str] = []
    updated: list[str] = []
    for line in [*article.times, article.title]:
        for match in DATE_PATTERN.finditer(line):
            iso = _parse_date(match.group())
            if iso:
                (updated if line.lower().startswith("updated") else found).append(iso)
    return min(found) if found else (min(updated) if updated else "")


def _parse_date(text: str) -> str:
    """Parse "November 7, 2022", "7 Nov 2022" or "2022-11-07" into YYYY-MM-DD, or ""."""
    cleaned = re.sub(r"[.,]", " ", text)
    cleaned = " ".join(cleaned.replace("Sept ", "Sep ").split())
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def guess_language(text: str) -> str:
    """Return "en" when common English function words make up 15% of the words, else ""."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return ""
    share = sum(w in ENGLISH_WORDS for w in words) / len(words)
    return "en" if share >= 0.15 else ""


def metadata_from_text(article: CleanArticle) -> dict[str, str]:
    """Return outlet, title, published, date_status, byline and language read from the text."""
    published = date_from_text(article)
    return {
        "outlet": article.source,
        "title": article.title,
        "published": published,
        "date_status": "from_text" if published else "unknown",
        "byline": article.byline,
        "language": guess_language(article.clean_text),
    }


# --- one file ----------------------------------------------------------------------------------


@dataclass
class _Article:
    """Everything gathered about one raw file while building the corpus."""

    article_id: str
    file_name: str
    status: str = "ok"
    reason: str = ""
    sha256: str = ""
    encoding: str = ""
    text: str = ""
    notes: list[str] = field(default_factory=list)


def _refuse(item: _Article, reason: str, messages: list[str]) -> None:
    item.status, item.reason = "refused", reason
    messages.append(f"{item.file_name}: refused, {reason}")


def _read_file(
    item: _Article, path: Path, max_bytes: int, max_file_mb: float, messages: list[str]
) -> bytes | None:
    """Check size and content of one file; return its bytes, or None after refusing it."""
    size = path.stat().st_size
    if size == 0:
        _refuse(item, "empty file (0 bytes)", messages)
        return None
    if size > max_bytes:
        _refuse(
            item,
            f"file is {size / 1e6:.1f} MB, over the limit of max_file_mb={max_file_mb:g}; "
            "to process it, raise the limit: make report MAX_FILE_MB=..., the notebook "
            "parameter max_file_mb, or build_corpus(..., max_file_mb=...)",
            messages,
        )
        return None
    data = path.read_bytes()
    item.sha256 = sha256_bytes(data)
    reason = binary_reason(data)
    if reason:
        _refuse(item, reason, messages)
        return None
    item.text, item.encoding = decode_bytes(data)
    if item.encoding in ("cp1252", "latin-1"):
        note = f"not UTF-8; decoded as {item.encoding}"
        item.notes.append(note)
        messages.append(f"{item.file_name}: {note}")
    if not item.text.strip():
        _refuse(item, "empty file (only whitespace)", messages)
        return None
    return data


def _manifest_metadata(row: pd.Series, item: _Article, messages: list[str]) -> dict[str, str]:
    """Return the metadata of a manifest row, checking its date and hash against the file."""
    meta = {
        k: str(row.get(k, ""))
        for k in ("outlet", "title", "published", "date_status", "byline", "language")
    }
    if row.get("notes"):
        item.notes.insert(0, str(row["notes"]))
    if meta["published"] and not valid_iso_date(meta["published"]):
        note = (
            f"manifest.csv has a bad date {meta['published']!r} (expected YYYY-MM-DD); "
            "published left empty"
        )
        messages.append(f"{item.file_name}: {note}")
        item.notes.append(note)
        meta["published"], meta["date_status"] = "", "unknown"
    if meta["date_status"] not in DATE_STATUSES:
        meta["date_status"] = "stated" if meta["published"] else "unknown"
    expected = str(row.get("sha256", "")).lower()
    if expected and item.sha256 and expected != item.sha256:
        note = (
            f"sha256 differs from manifest.csv (file {item.sha256[:12]}..., manifest "
            f"{expected[:12]}...); processed as it is now"
        )
        messages.append(f"{item.file_name}: {note}")
        item.notes.append(note)
    return meta


# --- the whole folder --------------------------------------------------------------------------


def _article_tables(
    article_id: str, art: CleanArticle
) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of posts.csv, sentences.csv and removed_lines.csv for one clean article."""
    posts, sentences = [], []
    sentence_id = 0
    for number, post in enumerate(art.posts, start=1):
        posts.append(
            {
                "article_id": article_id,
                "post": number,
                "headline": post.headline,
                "published_time": post.published_time,
                "byline": post.byline,
                "start": post.start,
                "end": post.end,
            }
        )
        for start, end in sentence_spans(art.clean_text[post.start : post.end]):
            sentence_id += 1
            start, end = start + post.start, end + post.start
            raw_start, raw_end = art.raw_span(start, end)
            sentences.append(
                {
                    "article_id": article_id,
                    "post": number,
                    "sentence_id": sentence_id,
                    "start": start,
                    "end": end,
                    "raw_start": raw_start,
                    "raw_end": raw_end,
                    "text": art.clean_text[start:end],
                }
            )
    removed = [
        {"article_id": article_id, "line_no": r.line_no, "rule": r.rule, "text": r.text}
        for r in art.removed
    ]
    return posts, sentences, removed


def collect_corpus(
    raw_dir: str | Path = paths.RAW_DIR,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    progress: bool = True,
    verbose: bool = False,
) -> CorpusBuild:
    """Read every file of ``raw_dir`` and clean the good ones, in memory (nothing is written).

    Each problem (empty, binary, too large, duplicate, not ``.txt``, listed but missing, bad
    manifest date, hash mismatch, not UTF-8) becomes a message starting with the file name;
    messages are returned and, with ``verbose``, printed. Files over ``max_file_mb`` megabytes
    are refused; raise the limit to process them. Nothing in ``raw_dir`` is modified.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw_dir {raw_dir} is not a folder of .txt articles")
    manifest, messages = read_manifest(raw_dir)
    by_name = {} if manifest is None else {r["file_name"]: r for _, r in manifest.iterrows()}
    files = sorted(
        (p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    files = [p for p in files if p.name != paths.MANIFEST_NAME]
    names = [p.name for p in files] + [n for n in by_name if not (raw_dir / n).is_file()]
    ids = article_ids(names)
    max_bytes = int(max_file_mb * 1_000_000)

    rows, post_rows, sentence_rows, removed_rows = [], [], [], []
    clean_texts: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for path in tqdm(files, desc="articles", unit="file", disable=not progress):
        item = _Article(ids[path.name], path.name)
        row = by_name.get(path.name)
        meta: dict[str, str] = {}
        if path.suffix.lower() != ".txt":
            _refuse(item, "not a .txt file", messages)
        elif _read_file(item, path, max_bytes, max_file_mb, messages) is not None:
            if item.sha256 in seen_hashes:
                _refuse(item, f"duplicate of {seen_hashes[item.sha256]} (same sha256)", messages)
            else:
                seen_hashes[item.sha256] = item.article_id
        art = clean_article(item.text) if item.status == "ok" else None
        if row is not None and item.status == "ok":
            meta = _manifest_metadata(row, item, messages)
        elif art is not None:
            meta = metadata_from_text(art)
        if art is not None:
            posts, sentences, removed = _article_tables(item.article_id, art)
            post_rows += posts
            sentence_rows += sentences
            removed_rows += removed
            clean_texts[item.article_id] = art.clean_text
            if not sentences:
                messages.append(f"{item.file_name}: no reporting text left after cleaning")
            n_sentences = len(sentences)
        else:
            n_sentences = 0
        rows.append(
            _article_row(item, meta, row is not None and item.status == "ok", art, n_sentences)
        )
    for name, row in by_name.items():
        if not (raw_dir / name).is_file():
            item = _Article(ids[name], name, sha256=str(row.get("sha256", "")))
            _refuse(item, f"listed in {paths.MANIFEST_NAME} but the file is missing", messages)
            rows.append(_article_row(item, {}, False, None, 0))

    build = CorpusBuild(
        articles=pd.DataFrame(rows, columns=ARTICLE_COLUMNS).sort_values(
            "article_id", kind="mergesort"
        ),
        posts=pd.DataFrame(post_rows, columns=POST_COLUMNS),
        sentences=pd.DataFrame(sentence_rows, columns=SENTENCE_COLUMNS),
        removed_lines=pd.DataFrame(removed_rows, columns=REMOVED_COLUMNS),
        clean_texts=dict(sorted(clean_texts.items())),
        messages=messages,
    )
    if verbose:
        for message in messages:
            print(message)
    return build


def build_corpus(
    raw_dir: str | Path = paths.RAW_DIR,
    processed_dir: str | Path = paths.PROCESSED_DIR,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    progress: bool = True,
    verbose: bool = True,
) -> CorpusBuild:
    """Collect the corpus of ``raw_dir`` (:func:`collect_corpus`) and write it to ``processed_dir``.

    Writes articles.csv, posts.csv, sentences.csv, removed_lines.csv, corpus_messages.txt and
    clean/<id>.txt;
    prints each message (one line, starting with the file name) when ``verbose``.
    """
    build = collect_corpus(raw_dir, max_file_mb=max_file_mb, progress=progress, verbose=verbose)
    write_corpus(build, processed_dir)
    return build


def _article_row(
    item: _Article,
    meta: dict[str, str],
    from_manifest: bool,
    art: CleanArticle | None,
    n_sentences: int,
) -> dict:
    """One row of articles.csv."""
    ok = art is not None
    return {
        "article_id": item.article_id,
        "file_name": item.file_name,
        "status": item.status,
        "reason": item.reason,
        "outlet": meta.get("outlet", ""),
        "title": meta.get("title", ""),
        "published": meta.get("published", ""),
        "date_status": meta.get("date_status", "unknown"),
        "byline": meta.get("byline", ""),
        "language": meta.get("language", ""),
        "sha256": item.sha256,
        "encoding": item.encoding,
        "metadata_source": ("manifest" if from_manifest else "text") if ok else "",
        "n_posts": len(art.posts) if ok else 0,
        "n_sentences": n_sentences,
        "notes": "; ".join(n for n in item.notes if n),
    }


def rule_counts(removed_lines: pd.DataFrame) -> pd.DataFrame:
    """Count removed lines per rule: ``kind`` (metadata/boilerplate), ``rule, lines, articles``."""
    frame = removed_lines.assign(
        kind=removed_lines["rule"]
        .str.startswith("metadata-")
        .map({True: "metadata", False: "boilerplate"})
    )
    counts = frame.groupby(["kind", "rule"]).agg(
        lines=("line_no", "size"), articles=("article_id", "nunique")
    )
    ordered = counts.reset_index().sort_values(
        ["kind", "lines", "rule"], ascending=[True, False, True], kind="mergesort"
    )
    return ordered.reset_index(drop=True)


def line_balance(build: CorpusBuild) -> pd.DataFrame:
    """Non-blank raw lines of each ok article by what became of them: ``article_id, kind, lines``.

    ``kind`` is ``reporting`` (kept in the clean text), ``metadata`` or ``boilerplate``.
    """
    rows = []
    for article_id, text in build.clean_texts.items():
        removed = build.removed_lines[build.removed_lines["article_id"] == article_id]
        metadata = int(removed["rule"].str.startswith("metadata-").sum())
        reporting = sum(1 for line in text.splitlines() if line)
        rows += [
            {"article_id": article_id, "kind": "reporting", "lines": reporting},
            {"article_id": article_id, "kind": "metadata", "lines": metadata},
            {"article_id": article_id, "kind": "boilerplate", "lines": len(removed) - metadata},
        ]
    return pd.DataFrame(rows, columns=["article_id", "kind", "lines"])


def read_raw_text(path: str | Path) -> str:
    """Return the decoded text of one raw file (UTF-8, else cp1252, else latin-1)."""
    return decode_bytes(Path(path).read_bytes())[0]


def write_corpus(build: CorpusBuild, processed_dir: str | Path) -> None:
    """Write the tables and clean texts of ``build`` into ``processed_dir`` (sorted, atomic).

    Clean texts of articles no longer in the corpus are deleted from ``clean/``.
    """
    out = Path(processed_dir)
    write_table(build.articles, out / paths.ARTICLES_CSV, sort_by=["article_id"], parquet=True)
    write_table(build.posts, out / paths.POSTS_CSV, sort_by=["article_id", "post"], parquet=True)
    write_table(
        build.sentences,
        out / paths.SENTENCES_CSV,
        sort_by=["article_id", "sentence_id"],
        parquet=True,
    )
    write_table(
        build.removed_lines,
        out / paths.REMOVED_LINES_CSV,
        sort_by=["article_id", "line_no"],
        parquet=True,
    )
    messages = "".join(f"{message}\n" for message in build.messages)
    write_text(out / paths.CORPUS_MESSAGES_TXT, messages)
    clean_dir = out / paths.CLEAN_TEXT_DIR
    clean_dir.mkdir(parents=True, exist_ok=True)
    for article_id, text in build.clean_texts.items():
        write_text(clean_dir / f"{article_id}.txt", text)
    for stale in clean_dir.glob("*.txt"):
        if stale.stem not in build.clean_texts:
            stale.unlink()


# --- reading the results back ------------------------------------------------------------------


def load_clean_texts(processed_dir: str | Path = paths.PROCESSED_DIR) -> dict[str, str]:
    """Return ``{article_id: clean text}`` read from ``<processed_dir>/clean/*.txt``, by id."""
    clean_dir = Path(processed_dir) / paths.CLEAN_TEXT_DIR
    if not clean_dir.is_dir():
        raise FileNotFoundError(f"{clean_dir} not found: run notebook 01 (build_corpus) first")
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(clean_dir.glob("*.txt"))}


def load_corpus(processed_dir: str | Path = paths.PROCESSED_DIR) -> dict[str, pd.DataFrame]:
    """Return ``{"articles", "posts", "sentences"}`` DataFrames read from ``processed_dir``.

    Text columns come back as strings ("" for an empty cell, "007" stays "007"); counts and
    offsets as integers.
    """
    out = Path(processed_dir)
    tables = {
        "articles": paths.ARTICLES_CSV,
        "posts": paths.POSTS_CSV,
        "sentences": paths.SENTENCES_CSV,
    }
    result: dict[str, pd.DataFrame] = {}
    for key, name in tables.items():
        path = out / name
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: run notebook 01 (build_corpus) first")
        header = pd.read_csv(path, nrows=0).columns
        text_types = {c: str for c in header if c in TEXT_COLUMNS}
        frame = pd.read_csv(path, dtype=text_types, keep_default_na=False, na_values=[])
        result[key] = frame
    return result
