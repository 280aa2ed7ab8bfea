"""The corpus tables: their columns, the :class:`CorpusBuild` that holds them, writing and reading.

``articles.csv`` has one row per article or refused input; ``posts.csv``, ``sentences.csv``
and ``removed_lines.csv`` hold the posts, sentences and dropped lines of the kept articles;
``clean/<article_id>.txt`` the clean texts all offsets point into; ``corpus_messages.txt``
what reading the corpus said. New columns are only ever added at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

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


def load_clean_texts(processed_dir: str | Path = paths.PROCESSED_DIR) -> dict[str, str]:
    """Return ``{article_id: clean text}`` read from ``<processed_dir>/clean/*.txt``, by id."""
    clean_dir = Path(processed_dir) / paths.CLEAN_TEXT_DIR
    if not clean_dir.is_dir():
        raise FileNotFoundError(f"{clean_dir} not found: run notebook 01 (build_corpus) first")
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(clean_dir.glob("*.txt"))}


def load_corpus(processed_dir: str | Path = paths.PROCESSED_DIR) -> dict[str, pd.DataFrame]:
    """Return ``{"articles", "posts", "sentences", "removed_lines"}`` read from ``processed_dir``.

    Text columns come back as strings ("" for an empty cell, "007" stays "007"); counts and
    offsets as integers.
    """
    out = Path(processed_dir)
    tables = {
        "articles": paths.ARTICLES_CSV,
        "posts": paths.POSTS_CSV,
        "sentences": paths.SENTENCES_CSV,
        "removed_lines": paths.REMOVED_LINES_CSV,
    }
    result: dict[str, pd.DataFrame] = {}
    for key, name in tables.items():
        path = out / name
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: run notebook 01 (build_corpus) first")
        header = pd.read_csv(path, nrows=0).columns
        text_types = {c: str for c in header if c in TEXT_COLUMNS}
        result[key] = pd.read_csv(path, dtype=text_types, keep_default_na=False, na_values=[])
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


def line_balance(build: CorpusBuild) -> pd.DataFrame:
    """Non-blank source lines of each ok article by what became of them.

    Returns ``article_id, kind, lines``, where ``kind`` is ``reporting`` (kept in the clean
    text), ``metadata`` or ``boilerplate``.
    """
    rows = []
    removed_by_article = dict(list(build.removed_lines.groupby("article_id")))
    for article_id, text in build.clean_texts.items():
        removed = removed_by_article.get(article_id, build.removed_lines.iloc[0:0])
        metadata = int(removed["rule"].str.startswith("metadata-").sum())
        reporting = sum(1 for line in text.splitlines() if line)
        rows += [
            {"article_id": article_id, "kind": "reporting", "lines": reporting},
            {"article_id": article_id, "kind": "metadata", "lines": metadata},
            {"article_id": article_id, "kind": "boilerplate", "lines": len(removed) - metadata},
        ]
    return pd.DataFrame(rows, columns=["article_id", "kind", "lines"])
