"""The corpus tables: their columns, the :class:`CorpusBuild` that holds them, writing and reading.

``articles.csv`` has one row per article or refused input; ``posts.csv``, ``sentences.csv``
and ``removed_lines.csv`` hold the posts, sentences and dropped lines of the kept articles;
``clean/<article_id>.txt`` the clean texts all offsets point into; ``corpus_messages.txt``
what reading the corpus said. New columns are only ever added at the end.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from helpers import paths
from helpers.io import write_table, write_text

ARTICLE_COLUMNS = [
    "article_id", "file_name", "status", "reason", "outlet", "title", "published",
    "date_status", "byline", "language", "sha256", "encoding", "metadata_source",
    "n_posts", "n_sentences", "notes",
    # provenance and near-duplicates (added with the importers)
    "reader", "source_row", "url", "source_id", "outlet_source", "duplicate_cluster",
    "cluster_size",
]  # fmt: skip
POST_COLUMNS = ["article_id", "post", "headline", "published_time", "byline", "start", "end"]
SENTENCE_COLUMNS = [
    "article_id", "post", "sentence_id", "start", "end", "raw_start", "raw_end", "text",
    "source_line",
]  # fmt: skip
REMOVED_COLUMNS = ["article_id", "line_no", "rule", "text"]
INTEGER_COLUMNS = frozenset(
    {"n_posts", "n_sentences", "source_row", "cluster_size", "post", "sentence_id", "start",
     "end", "raw_start", "raw_end", "source_line", "line_no"}
)  # fmt: skip
CORPUS_TABLES = {
    "articles": paths.ARTICLES_CSV,
    "posts": paths.POSTS_CSV,
    "sentences": paths.SENTENCES_CSV,
    "removed_lines": paths.REMOVED_LINES_CSV,
}
TABLE_COLUMNS = {
    "articles": ARTICLE_COLUMNS,
    "posts": POST_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "removed_lines": REMOVED_COLUMNS,
}
TABLE_KEYS = {
    "articles": ["article_id"],
    "posts": ["article_id", "post"],
    "sentences": ["article_id", "sentence_id"],
    "removed_lines": ["article_id", "line_no"],
}
STORE_SETTINGS = "_pipeline.json"  # written by every run of the pass (helpers.pipeline.store)
# Columns read back as text ("" for empty), whatever pandas would guess from their cells.
TEXT_COLUMNS = frozenset(
    (set(ARTICLE_COLUMNS) | set(POST_COLUMNS) | set(SENTENCE_COLUMNS) | set(REMOVED_COLUMNS))
    - INTEGER_COLUMNS
)


@dataclass
class CorpusBuild:
    """What :func:`~helpers.corpus.build_corpus` made: the four tables, the texts, the messages.

    ``clean_texts`` are the texts that ``start``/``end`` offsets index; ``source_texts`` the
    texts that ``raw_start``/``raw_end`` index (a ``.txt`` file's text, the main text
    extracted from a page, the text cell of an export row).
    """

    articles: pd.DataFrame
    posts: pd.DataFrame
    sentences: pd.DataFrame
    removed_lines: pd.DataFrame
    clean_texts: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> object:
        """Allow ``build["articles"]`` as well as ``build.articles``."""
        return getattr(self, key)


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


def _store(processed_dir: str | Path) -> Path | None:
    """The per-article pass's Parquet store of ``processed_dir`` (``parquet/``), or None when
    the folder was written by :func:`write_corpus` (CSV files and ``clean/``) instead."""
    store = Path(processed_dir) / paths.STORE_DIR
    return store if (store / STORE_SETTINGS).is_file() else None


def _read_parts(
    folder: Path, columns: list[str] | None, article_ids: Collection[str] | None = None
) -> pd.DataFrame:
    """One dataset of the store (every ``part-*.parquet`` of ``folder``) as one frame, only the
    ``columns`` asked for and, with ``article_ids``, only those articles' rows; rows in bucket
    order (callers sort)."""
    files = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if not files or (article_ids is not None and not len(article_ids)):
        return pd.DataFrame(columns=columns)
    filters = [("article_id", "in", sorted(article_ids))] if article_ids is not None else None
    table = pq.read_table([str(f) for f in files], columns=columns, filters=filters)
    return table.to_pandas()


def load_clean_texts(
    processed_dir: str | Path = paths.PROCESSED_DIR, article_ids: Collection[str] | None = None
) -> dict[str, str]:
    """Return ``{article_id: clean text}``, by id: from the pass's ``texts`` dataset when
    ``processed_dir`` holds the pass's store, else from ``<processed_dir>/clean/*.txt``.

    ``article_ids`` reads only those articles (notebook 06 needs only the annotated ones), so
    the corpus's text is never held in memory at once.
    """
    store = _store(processed_dir)
    if store is not None:
        frame = _read_parts(store / "texts", ["article_id", "clean_text"], article_ids)
        frame = frame.sort_values("article_id", kind="mergesort")
        return dict(zip(frame["article_id"], frame["clean_text"], strict=True))
    clean_dir = Path(processed_dir) / paths.CLEAN_TEXT_DIR
    if not clean_dir.is_dir():
        raise FileNotFoundError(f"{clean_dir} not found: run notebook 01 (build_corpus) first")
    wanted = None if article_ids is None else set(article_ids)
    return {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted(clean_dir.glob("*.txt"))
        if wanted is None or p.stem in wanted
    }


def _read_csv(path: Path, columns: list[str] | None) -> pd.DataFrame:
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run notebook 01 (build_corpus) first")
    header = pd.read_csv(path, nrows=0).columns
    text_types = {c: str for c in header if c in TEXT_COLUMNS}
    return pd.read_csv(path, dtype=text_types, keep_default_na=False, na_values=[], usecols=columns)


def load_corpus(
    processed_dir: str | Path = paths.PROCESSED_DIR,
    tables: Iterable[str] = CORPUS_TABLES,
    columns: Mapping[str, list[str]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Return ``{"articles", "posts", "sentences", "removed_lines"}`` read from ``processed_dir``.

    ``articles`` comes from ``articles.csv``; the other tables from the pass's Parquet datasets
    (``parquet/<table>/``) when the folder holds the pass's store, else from their CSV files
    (written by :func:`write_corpus`). ``tables`` names the tables to read and ``columns`` the
    columns wanted of a table (``{"sentences": ["article_id", "text"]}``): at scale, read only
    what a step needs. Text columns come back as strings ("" for an empty cell, "007" stays
    "007"); counts and offsets as integers; rows in the order of their key columns.
    """
    out = Path(processed_dir)
    store = _store(out)
    columns = dict(columns or {})
    result: dict[str, pd.DataFrame] = {}
    for key in tables:
        if key not in CORPUS_TABLES:
            raise ValueError(f"no corpus table {key!r}: the tables are {', '.join(CORPUS_TABLES)}")
        wanted = columns.get(key)
        if store is None or key == "articles":
            result[key] = _read_csv(out / CORPUS_TABLES[key], wanted)
            continue
        frame = _read_parts(store / key, wanted)
        order = wanted or TABLE_COLUMNS[key]
        frame = frame.reindex(columns=[c for c in order if c in frame.columns or not wanted])
        keys = [k for k in TABLE_KEYS[key] if k in frame.columns]
        if keys and len(frame):
            frame = frame.sort_values(keys, kind="mergesort")
        result[key] = frame.reset_index(drop=True)
    return result


def duplicate_clusters(articles: pd.DataFrame) -> pd.DataFrame:
    """The near-duplicate clusters of more than one article, one row per article in them.

    Columns ``duplicate_cluster, cluster_size, article_id, outlet, published, title``, the
    largest clusters first.
    """
    columns = ["duplicate_cluster", "cluster_size", "article_id", "outlet", "published", "title"]
    shared = articles.loc[articles["cluster_size"] > 1, columns]
    ordered = shared.sort_values(
        ["cluster_size", "duplicate_cluster", "article_id"],
        ascending=[False, True, True],
        kind="mergesort",
    )
    return ordered.reset_index(drop=True)


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


def reporting_lines(clean_texts: Mapping[str, str]) -> pd.Series:
    """The non-blank lines of each clean text (the lines kept as reporting), by article id."""
    counts = {a: len(list(filter(None, t.splitlines()))) for a, t in clean_texts.items()}
    return pd.Series(counts, dtype="int64", name="lines").rename_axis("article_id")


def line_kinds(removed_lines: pd.DataFrame, reporting: pd.Series) -> pd.DataFrame:
    """Non-blank source lines of each article by what became of them, from its removed lines
    (``article_id, rule``) and its :func:`reporting_lines`.

    Returns ``article_id, kind, lines``, where ``kind`` is ``reporting`` (kept in the clean
    text), ``metadata`` or ``boilerplate``; articles in the order of ``reporting``.
    """
    is_meta = removed_lines["rule"].astype(str).str.startswith("metadata-")
    ids = removed_lines["article_id"]
    metadata = is_meta.groupby(ids).sum().reindex(reporting.index, fill_value=0)
    removed = ids.value_counts().reindex(reporting.index, fill_value=0)
    wide = pd.DataFrame(
        {"reporting": reporting, "metadata": metadata, "boilerplate": removed - metadata}
    ).astype("int64")
    wide.index.name = "article_id"
    order = pd.Series(range(len(wide)), index=wide.index)
    rows = wide.reset_index().melt("article_id", var_name="kind", value_name="lines")
    rows["_order"] = rows["article_id"].map(order)
    rows = rows.sort_values("_order", kind="mergesort").drop(columns="_order")
    return rows.reset_index(drop=True)[["article_id", "kind", "lines"]]


def line_balance(build: CorpusBuild) -> pd.DataFrame:
    """:func:`line_kinds` of a :class:`CorpusBuild`: ``article_id, kind, lines`` per ok
    article, in the order of its clean texts."""
    return line_kinds(build.removed_lines, reporting_lines(build.clean_texts))


def most_removed(balance: pd.DataFrame, n: int = 30) -> pd.DataFrame:
    """The rows of :func:`line_kinds` of the ``n`` articles with the most lines not kept as
    reporting (the ones to check first), most first; a chart of them stays readable at any
    corpus size."""
    wide = balance.pivot(index="article_id", columns="kind", values="lines").fillna(0)
    dropped = wide.drop(columns="reporting", errors="ignore").sum(axis=1)
    order = dropped.sort_values(ascending=False, kind="mergesort").head(n).index
    rank = pd.Series(range(len(order)), index=order)
    top = balance[balance["article_id"].isin(order)]
    top = top.assign(_rank=top["article_id"].map(rank)).sort_values("_rank", kind="mergesort")
    return top.drop(columns="_rank").reset_index(drop=True)
