"""Which words each outlet uses: word and bigram frequencies, collocations (PMI), and the
keywords to read in context when a study names none.

Everything takes the frames of the processed corpus (``sentences.csv``, ``articles.csv``) and
returns a new, sorted DataFrame, derived from the one-pass counts of
:func:`helpers.language.counts.count_corpus` (pass them as ``counts`` to read the corpus once
for all the tables).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import pandas as pd

from helpers.language.counts import CorpusCounts, count_corpus
from helpers.language.words import matches_keyword

WORD_COLUMNS = ["outlet", "rank", "word", "count", "share"]
BIGRAM_COLUMNS = ["outlet", "rank", "bigram", "count", "share"]
COLLOCATION_COLUMNS = ["keyword", "bigram", "w1", "w2", "count", "pmi"]


def _ranked(counts: pd.DataFrame, key: str, top_n: int, columns: list[str]) -> pd.DataFrame:
    """``counts`` (outlet, key, count) ranked per outlet: most frequent first, ties in
    alphabetical order; ``share`` of the outlet's total; the first ``top_n`` if > 0."""
    if counts.empty:
        return pd.DataFrame(columns=columns)
    counts = counts.sort_values(["outlet", "count", key], ascending=[True, False, True],
                                kind="mergesort")  # fmt: skip
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    counts["share"] = counts["count"] / counts.groupby("outlet")["count"].transform("sum")
    if top_n > 0:
        counts = counts[counts["rank"] <= top_n]
    return counts[columns].reset_index(drop=True)


def word_frequencies(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    top_n: int = 0,
    counts: CorpusCounts | None = None,
) -> pd.DataFrame:
    """Count content words per outlet (stopwords, numbers and punctuation left out).

    Returns ``outlet, rank, word, count, share`` where ``share`` is the count over all
    content words of that outlet; ``top_n`` > 0 keeps that many words per outlet (ties
    broken alphabetically, so the cut is stable). ``counts`` (:func:`count_corpus` of the same
    frames) saves reading the corpus again.
    """
    counts = counts or count_corpus(sentences, articles)
    return _ranked(counts.words.copy(), "word", top_n, WORD_COLUMNS)


def bigram_frequencies(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    top_n: int = 0,
    counts: CorpusCounts | None = None,
) -> pd.DataFrame:
    """Count adjacent word pairs per outlet in which neither word is a stopword.

    Pairs never cross punctuation or a sentence end. Returns ``outlet, rank, bigram, count,
    share`` (share of all such pairs of the outlet); ``top_n`` and ``counts`` as in
    :func:`word_frequencies`.
    """
    counts = counts or count_corpus(sentences, articles)
    table = counts.bigrams.assign(bigram=counts.bigrams["w1"] + " " + counts.bigrams["w2"])
    return _ranked(table[["outlet", "bigram", "count"]], "bigram", top_n, BIGRAM_COLUMNS)


def collocations(
    sentences: pd.DataFrame,
    keywords: Sequence[str],
    min_count: int = 2,
    counts: CorpusCounts | None = None,
) -> pd.DataFrame:
    """Find the word pairs around each keyword that occur together more than chance (PMI).

    Pointwise mutual information as NLTK's ``BigramAssocMeasures.pmi`` computes it for a
    ``BigramCollocationFinder`` over every clause (sentences split at punctuation):
    ``log2(n(w1 w2) * N / (n(w1) * n(w2)))`` with ``N`` the words and numbers of the corpus.
    Pairs with a stopword or seen fewer than ``min_count`` times are dropped; a keyword keeps
    the pairs in which one word is an inflection of it. Returns ``keyword, bigram, w1, w2,
    count, pmi`` by keyword, then PMI (highest first). A keyword with no pair gives no rows
    and a warning. ``counts`` (:func:`count_corpus`) saves reading the corpus again.
    """
    counts = counts or count_corpus(sentences)
    total, word_counts = counts.total, counts.tokens
    if not total:
        return pd.DataFrame(columns=COLLOCATION_COLUMNS)
    found_pairs = counts.bigrams.groupby(["w1", "w2"])["count"].sum().reset_index()
    pairs = found_pairs[found_pairs["count"] >= min_count].copy()
    pairs["pmi"] = [
        math.log2(n * total) - math.log2(word_counts[a] * word_counts[b])
        for a, b, n in zip(pairs["w1"], pairs["w2"], pairs["count"], strict=True)
    ]
    pairs["bigram"] = pairs["w1"] + " " + pairs["w2"]
    parts = []
    words = pd.Index(pd.unique(pd.concat([pairs["w1"], pairs["w2"]]).to_numpy()))
    for order, keyword in enumerate(keywords):
        inflections = words[[matches_keyword(word, keyword) for word in words]]  # each word once
        found = pairs[pairs["w1"].isin(inflections) | pairs["w2"].isin(inflections)]
        if found.empty:
            warnings.warn(
                f"collocations: no pair with {keyword!r} occurs {min_count}+ times", stacklevel=2
            )
        parts.append(found.assign(keyword=keyword, _order=order))
    frame = pd.concat(parts, ignore_index=True) if parts else pairs.iloc[0:0]
    if frame.empty:
        return pd.DataFrame(columns=COLLOCATION_COLUMNS)
    frame = frame.sort_values(["_order", "pmi", "bigram"], ascending=[True, False, True],
                              kind="mergesort")  # fmt: skip
    return frame[COLLOCATION_COLUMNS].reset_index(drop=True)


def top_words(counts: CorpusCounts, n: int = 3, max_share: float = 0.5) -> list[str]:
    """The ``n`` most frequent content words of the corpus among those found in at most
    ``max_share`` of its articles ("said" and "million" run through every news story and say
    little about one); all content words when none is that rare. Ties alphabetically."""
    words = counts.words.groupby("word")["count"].sum().reset_index()
    if words.empty:
        return []
    words["articles"] = words["word"].map(counts.spread)
    words = words.sort_values(["count", "word"], ascending=[False, True], kind="mergesort")
    rare = words[words["articles"] <= max_share * counts.articles]
    return (rare if len(rare) else words)["word"].head(n).tolist()


def choose_keywords(
    study_keywords: Sequence[str],
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    n: int = 3,
    given: Sequence[str] = (),
    counts: CorpusCounts | None = None,
) -> tuple[list[str], str]:
    """The keywords to read in context and a sentence that says where they came from: those
    ``given`` (a notebook parameter), else the study's own, else :func:`top_words` of the
    corpus."""
    if given:
        return list(given), f"Keywords given to the notebook: {', '.join(given)}."
    if study_keywords:
        chosen = list(study_keywords)
        return chosen, f"Keywords from the study: {', '.join(chosen)}."
    chosen = top_words(counts or count_corpus(sentences, articles), n)
    if not chosen:
        return [], "The study names no keywords and the corpus has no content words to pick."
    return chosen, (
        f"The study names no keywords, so the {len(chosen)} most frequent content words found "
        f"in at most half of the articles are read in context: {', '.join(chosen)}."
    )
