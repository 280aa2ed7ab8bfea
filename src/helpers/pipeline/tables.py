"""The pass's outputs as the notebooks use them: one table by name, or the whole corpus build.

:func:`load_table` reads one per-article table (``figures``, ``claims``, ``attributions``,
``sentences`` ...) written by :func:`helpers.pipeline.run`, for notebooks 02-06.
:func:`load_build` gives notebook 01 the :class:`helpers.corpus.CorpusBuild` that
``collect_corpus`` would have built (articles, posts, sentences, removed lines, clean and source
texts, messages), read from the pass's outputs, so that ``corpus.write_corpus`` writes the same
files as before. Both hold the tables in memory: for a corpus larger than memory, read the
datasets part by part (:func:`helpers.pipeline.iter_parts`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.corpus.tables import (
    ARTICLE_COLUMNS,
    POST_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    CorpusBuild,
)
from helpers.io import read_table
from helpers.pipeline.schema import SORT_KEYS, TEXT_COLUMNS
from helpers.pipeline.store import read_dataset


def load_table(processed_dir: str | Path, name: str) -> pd.DataFrame:
    """One table of the pass (``articles`` or a per-article dataset), rows in written order."""
    if name == "articles":
        return read_table(Path(processed_dir) / paths.ARTICLES_CSV)
    if name not in SORT_KEYS:
        raise ValueError(f"no table {name!r}: the pass writes {', '.join(SORT_KEYS)}")
    frame = read_dataset(processed_dir, name)
    keys = [k for k in SORT_KEYS[name] if k in frame.columns]
    if keys and not frame.empty:
        frame = frame.sort_values(keys, kind="mergesort").reset_index(drop=True)
    return frame


def _frame(processed_dir: str | Path, name: str, columns: list[str]) -> pd.DataFrame:
    frame = load_table(processed_dir, name)
    return frame.reindex(columns=columns) if not frame.empty else pd.DataFrame(columns=columns)


def load_build(processed_dir: str | Path) -> CorpusBuild:
    """The corpus tables, texts and messages of the last pass over ``processed_dir``."""
    processed = Path(processed_dir)
    articles = pd.read_parquet(processed / paths.ARTICLES_CSV.replace(".csv", ".parquet"))
    texts = _frame(processed, "texts", list(TEXT_COLUMNS))
    messages = (processed / paths.CORPUS_MESSAGES_TXT).read_text(encoding="utf-8").splitlines()
    return CorpusBuild(
        articles=articles.reindex(columns=ARTICLE_COLUMNS),
        posts=_frame(processed, "posts", POST_COLUMNS),
        sentences=_frame(processed, "sentences", SENTENCE_COLUMNS),
        removed_lines=_frame(processed, "removed_lines", REMOVED_COLUMNS),
        clean_texts=dict(zip(texts["article_id"], texts["clean_text"], strict=True)),
        messages=messages,
        source_texts=dict(zip(texts["article_id"], texts["source_text"], strict=True)),
    )
