"""One pass over the corpus that counts everything the frequency tables need: content words and
content-word pairs per outlet, every word and number (for PMI), and in how many articles each
content word occurs.

:func:`count_corpus` reads the corpus slice by slice (:func:`helpers.language.words.chunks`,
whole articles each), so memory stays bounded by the slice and not the corpus, and adds the
slices' counts up. The tables of :mod:`helpers.language.frequencies` are derived from one
:class:`CorpusCounts`, so a notebook that asks for words, bigrams, collocations and keywords
reads its corpus once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from helpers.io import require_columns
from helpers.language.words import (
    CHUNK_SENTENCES,
    SENTENCE_COLUMNS,
    chunks,
    token_table,
    with_outlet,
)


@dataclass(frozen=True)
class CorpusCounts:
    """What :func:`count_corpus` counted.

    ``words``: ``outlet, word, count`` (content words); ``bigrams``: ``outlet, w1, w2, count``
    (adjacent content words of one clause); ``tokens``: count of every word and number by its
    normalised form; ``total``: words and numbers in all; ``spread``: the number of articles
    each content word occurs in; ``articles``: the number of articles read.
    """

    words: pd.DataFrame
    bigrams: pd.DataFrame
    tokens: pd.Series
    total: int
    spread: pd.Series
    articles: int


def token_chunks(corpus: pd.DataFrame, size: int = CHUNK_SENTENCES) -> Iterator[pd.DataFrame]:
    """The tokens of ``corpus`` (sentences with ``outlet`` and ``article_id``) slice by slice
    (about ``size`` sentences each), each token with the ``outlet`` and ``article_id`` of its
    sentence."""
    outlets, article_ids = corpus["outlet"].to_numpy(), corpus["article_id"].to_numpy()
    for part in chunks(corpus, size):
        tokens = token_table(part["text"])
        rows = tokens["row"].to_numpy(dtype=int)
        yield tokens.assign(outlet=outlets[rows], article_id=article_ids[rows])


def pairs(tokens: pd.DataFrame) -> pd.DataFrame:
    """Adjacent tokens of one clause: ``w1``, ``w2``, ``outlet`` and whether both are content
    words (``content``)."""
    following = tokens.shift(-1)
    same = (following["row"] == tokens["row"]) & (following["clause"] == tokens["clause"])
    frame = pd.DataFrame(
        {"outlet": tokens["outlet"], "w1": tokens["norm"], "w2": following["norm"],
         "content": tokens["content"] & following["content"].fillna(False).astype(bool)}
    )  # fmt: skip
    return frame[same.fillna(False).astype(bool)]


def summed(parts: list[pd.Series], names: list[str]) -> pd.DataFrame:
    """Counts of several slices added up: one row per key, a ``count`` column."""
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=[*names, "count"])
    total = pd.concat(parts).groupby(level=list(range(len(names)))).sum()
    return total.rename("count").rename_axis(names).reset_index()


def count_corpus(
    sentences: pd.DataFrame, articles: pd.DataFrame | None = None, size: int = CHUNK_SENTENCES
) -> CorpusCounts:
    """Count the corpus once (see :class:`CorpusCounts`), about ``size`` sentences at a time.
    With ``articles``, the sentences of usable articles with their outlets
    (:func:`with_outlet`); without, every sentence, under one unnamed outlet."""
    if articles is None:
        require_columns(sentences, SENTENCE_COLUMNS, "sentences")
        corpus = sentences.reset_index(drop=True).assign(outlet="")
    else:
        corpus = with_outlet(sentences, articles)
    words, bigrams, tokens, spread, total = [], [], [], [], 0
    for part in token_chunks(corpus, size):  # slices hold whole articles: their counts add up
        total += len(part)
        tokens.append(part.groupby("norm").size())
        content = part[part["content"]]
        words.append(content.groupby(["outlet", "norm"]).size())
        spread.append(content.drop_duplicates(["norm", "article_id"]).groupby("norm").size())
        found = pairs(part)
        bigrams.append(found[found["content"]].groupby(["outlet", "w1", "w2"]).size())
    return CorpusCounts(
        words=summed(words, ["outlet", "word"]),
        bigrams=summed(bigrams, ["outlet", "w1", "w2"]),
        tokens=summed(tokens, ["norm"]).set_index("norm")["count"],
        total=total,
        spread=summed(spread, ["norm"]).set_index("norm")["count"],
        articles=corpus["article_id"].nunique(),
    )
