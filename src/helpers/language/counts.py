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

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.io import require_columns
from helpers.language.words import (
    CHUNK_SENTENCES,
    SENTENCE_COLUMNS,
    chunks,
    tokens_of,
    with_outlet,
)


@dataclass(frozen=True)
class CorpusCounts:
    """What :func:`count_corpus` counted.

    ``words``: ``outlet, word, count`` (content words); ``bigrams``: ``outlet, w1, w2, count``
    (adjacent content words of one clause); ``tokens``: count of every word and number by its
    normalised form; ``total``: words and numbers in all; ``spread``: the number of articles
    each content word occurs in; ``articles``: the number of articles read; ``forms``: every
    distinct word form as written (what a keyword is matched against); ``sentence_words``:
    ``article_id, sentence_id, words`` per sentence in corpus order (for the dispersion plot).
    """

    words: pd.DataFrame
    bigrams: pd.DataFrame
    tokens: pd.Series
    total: int
    spread: pd.Series
    articles: int
    forms: frozenset[str] = frozenset()
    sentence_words: pd.DataFrame | None = None


def _combined(keys: list[np.ndarray], sizes: list[int]) -> np.ndarray:
    """One int64 per row of integer ``keys`` (one array per level, level ``i`` below
    ``sizes[i]``), so that distinct rows are distinct numbers."""
    combined = np.zeros(len(keys[0]), dtype=np.int64)
    for key, size in zip(keys, sizes, strict=True):
        combined = combined * size + key
    return combined


def _keyed(keys: list[np.ndarray], names: list[np.ndarray], labels: list[str]) -> pd.Series:
    """Counts of the distinct rows of integer ``keys`` (one array per level), the codes turned
    into their ``names`` (one array of labels per level): a Series indexed by ``labels``."""
    if not len(keys[0]):
        return pd.Series(dtype="int64")
    sizes = [len(name) for name in names]
    found, counts = np.unique(_combined(keys, sizes), return_counts=True)
    levels = []
    for name, size in zip(reversed(names), reversed(sizes), strict=True):
        found, code = np.divmod(found, size)
        levels.append(pd.Index(name[code], dtype=object))
    index = pd.MultiIndex.from_arrays(levels[::-1], names=labels)
    return pd.Series(counts.astype("int64"), index=index)


def summed(parts: list[pd.Series], names: list[str]) -> pd.DataFrame:
    """Counts of several slices added up: one row per key, a ``count`` column."""
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=[*names, "count"])
    total = pd.concat(parts).groupby(level=list(range(len(names)))).sum()
    frame = total.rename("count").rename_axis(names).reset_index()
    return frame.astype({name: "str" for name in names})


def count_corpus(
    sentences: pd.DataFrame, articles: pd.DataFrame | None = None, size: int = CHUNK_SENTENCES
) -> CorpusCounts:
    """Count the corpus once (see :class:`CorpusCounts`), about ``size`` sentences at a time,
    from one tokenisation per slice (:func:`~helpers.language.words.tokens_of`) counted with
    integer codes. With ``articles``, the sentences of usable articles with their outlets
    (:func:`with_outlet`); without, every sentence, under one unnamed outlet."""
    if articles is None:
        require_columns(sentences, SENTENCE_COLUMNS, "sentences")
        corpus = sentences.reset_index(drop=True).assign(outlet="")
    else:
        corpus = with_outlet(sentences, articles)
    # factorised as stored (Arrow-backed text stays so): no Python string per sentence
    outlet_codes, outlet_names = pd.factorize(corpus["outlet"])
    outlet_names = np.asarray(outlet_names, dtype=object)
    article_codes = pd.factorize(corpus["article_id"])[0]
    words, bigrams, tokens, spread, per_sentence = [], [], [], [], []
    forms: set[str] = set()
    total, first = 0, 0
    for part in chunks(corpus, size):  # slices hold whole articles: their counts add up
        found = tokens_of(part["text"])
        vocabulary, norm = found.vocabulary, found.norm
        outlet = outlet_codes[first + found.row]
        total += len(norm)
        forms |= found.forms
        tokens.append(_keyed([norm], [vocabulary], ["norm"]))
        content = found.content
        words.append(_keyed([outlet[content], norm[content]], [outlet_names, vocabulary],
                            ["outlet", "word"]))  # fmt: skip
        in_article = np.unique(
            _combined(
                [article_codes[first + found.row[content]], norm[content]],
                [len(corpus), len(vocabulary)],
            )
        )
        spread.append(_keyed([in_article % len(vocabulary)], [vocabulary], ["norm"]))
        # adjacent tokens of one clause (the clause number changes with the sentence too)
        joined = (found.clause[1:] == found.clause[:-1]) & content[1:] & content[:-1]
        bigrams.append(
            _keyed(
                [outlet[:-1][joined], norm[:-1][joined], norm[1:][joined]],
                [outlet_names, vocabulary, vocabulary],
                ["outlet", "w1", "w2"],
            )
        )
        per_sentence.append(np.bincount(found.row[found.is_word], minlength=len(part)))
        first += len(part)
    counted = np.concatenate(per_sentence) if per_sentence else np.zeros(0, dtype=np.int64)
    return CorpusCounts(
        words=summed(words, ["outlet", "word"]),
        bigrams=summed(bigrams, ["outlet", "w1", "w2"]),
        tokens=summed(tokens, ["norm"]).set_index("norm")["count"],
        total=total,
        spread=summed(spread, ["norm"]).set_index("norm")["count"],
        articles=corpus["article_id"].nunique(),
        forms=frozenset(forms),
        sentence_words=pd.DataFrame(
            {
                "article_id": corpus["article_id"].array,  # as stored (Arrow-backed text)
                "sentence_id": corpus["sentence_id"].to_numpy(),
                "words": counted.astype("int64"),
            }
        ),  # fmt: skip
    )
