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
    Tokens,
    chunks,
    tokens_of,
    with_outlet,
)


@dataclass(frozen=True)
class CorpusCounts:
    """What :func:`count_corpus` counted.

    ``words``: ``outlet, word, count`` (content words); ``bigrams``: ``outlet, w1, w2, count``
    (adjacent content words of one clause); ``tokens``: count of every word by its normalised
    form (what PMI looks up; numbers are counted in ``total`` only); ``total``: words and
    numbers in all; ``spread``: the number of articles
    each content word occurs in; ``articles``: the number of articles read; ``forms``: every
    distinct word form as written (what a keyword is matched against); ``sentence_words``:
    ``article_id, sentence_id, words`` per sentence in corpus order (for the dispersion plot;
    ``article_id`` categorical).
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


def _split(combined: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    """The levels of :func:`_combined` numbers again, one array per level."""
    levels = []
    for size in reversed(sizes):
        combined, code = np.divmod(combined, size)
        levels.append(code)
    return levels[::-1]


STORED = np.int32  # codes and counts of one slice (kept small: a bucket's counts are stored)


def _counted(keys: list[np.ndarray], sizes: list[int]) -> np.ndarray:
    """The distinct rows of integer ``keys`` and how often each occurs: an int64 array with a
    column per level and the count last (:data:`STORED`), rows in ascending order of the
    keys."""
    found, counts = np.unique(_combined(keys, sizes), return_counts=True)
    return (
        np.column_stack([*_split(found, sizes), counts]).astype(STORED).reshape(-1, len(keys) + 1)
    )


@dataclass(frozen=True)
class SliceCounts:
    """What :func:`count_slice` counted in one slice of whole articles (a chunk of a corpus, or
    one bucket of the pass's sentences): ``words`` (outlet, word, count), ``bigrams`` (outlet,
    w1, w2, count), ``tokens`` (norm, count) and ``spread`` (norm, articles) as int64 arrays of
    codes into the slice's own ``outlets`` and ``vocabulary``, so that slices add up exactly
    (:func:`add_counts`); per article in slice order its id and date (``published``, "" when
    undated); per sentence in slice order its article (an index into ``article_ids``), its id
    and its words."""

    vocabulary: np.ndarray
    outlets: np.ndarray
    words: np.ndarray
    bigrams: np.ndarray
    tokens: np.ndarray
    spread: np.ndarray
    total: int
    forms: frozenset[str]
    article_ids: np.ndarray
    published: np.ndarray
    sentence_article: np.ndarray
    sentence_ids: np.ndarray
    sentence_words: np.ndarray


def count_slice(part: pd.DataFrame) -> SliceCounts:
    """Count one slice of sentences with outlets (:func:`with_outlet`, whole articles, in
    corpus order) from one tokenisation (:func:`~helpers.language.words.tokens_of`)."""
    return _count(part, tokens_of(part["text"]))


def count_slices(parts: list[pd.DataFrame]) -> list[SliceCounts]:
    """``[count_slice(part) for part in parts]`` from one tokenisation of all their texts (a
    distinct piece of text is read once for all of them), cut by part afterwards."""
    if len(parts) < 2:
        return [count_slice(part) for part in parts]
    found = tokens_of(pd.concat([part["text"] for part in parts], ignore_index=True))
    ends = np.cumsum([len(part) for part in parts])
    starts = ends - [len(part) for part in parts]
    cuts = np.searchsorted(found.row, [*starts, ends[-1]])
    return [_count(part, _rows(found, cuts[i], cuts[i + 1], starts[i]))
            for i, part in enumerate(parts)]  # fmt: skip


def _rows(found: Tokens, start: int, end: int, first_row: int) -> Tokens:
    """The tokens ``start:end`` of ``found`` (the texts from ``first_row`` on), as
    :func:`tokens_of` gives them for those texts alone, but for the order of the vocabulary
    (which no count depends on)."""
    codes = found.surface_code[start:end]
    is_word = found.is_word[start:end]
    return Tokens(
        row=found.row[start:end] - first_row, norm=found.norm[start:end],
        vocabulary=found.vocabulary, is_word=is_word, content=found.content[start:end],
        clause=found.clause[start:end],
        forms=frozenset(found.surface[np.unique(codes[is_word])].tolist()),
    )  # fmt: skip


def _count(part: pd.DataFrame, found: Tokens) -> SliceCounts:
    """:func:`count_slice` of ``part`` whose tokens are ``found``."""
    # the words' forms only (numbers are only counted in the total): codes into them
    used = np.unique(found.norm[found.is_word])
    recode = np.full(len(found.vocabulary), -1, dtype=np.int64)
    recode[used] = np.arange(len(used))
    vocabulary, norm = found.vocabulary[used], recode[found.norm]
    # factorised as stored (Arrow-backed text stays so): no Python string per sentence
    outlet_codes, outlet_names = pd.factorize(part["outlet"])
    article_codes, article_ids = pd.factorize(part["article_id"])
    outlet = outlet_codes[found.row]
    content = found.content
    size, articles = len(vocabulary), len(article_ids)
    in_article = np.unique(_combined([article_codes[found.row[content]], norm[content]],
                                     [max(articles, 1), size]))  # fmt: skip
    # adjacent tokens of one clause (the clause number changes with the sentence too)
    joined = (found.clause[1:] == found.clause[:-1]) & content[1:] & content[:-1]
    first = np.unique(article_codes, return_index=True)[1]
    published = part["published"] if "published" in part.columns else pd.Series("", part.index)
    return SliceCounts(
        vocabulary=vocabulary,
        outlets=np.asarray(outlet_names, dtype=object),
        words=_counted([outlet[content], norm[content]], [len(outlet_names), size]),
        bigrams=_counted(
            [outlet[:-1][joined], norm[:-1][joined], norm[1:][joined]],
            [len(outlet_names), size, size],
        ),  # fmt: skip
        tokens=_counted([norm[found.is_word]], [size]),
        spread=_counted([in_article % size], [size]),
        total=len(norm),
        forms=found.forms,
        article_ids=np.asarray(article_ids, dtype=object),
        published=published.to_numpy(dtype=object)[first],
        sentence_article=article_codes.astype(np.int32),
        sentence_ids=part["sentence_id"].to_numpy(dtype=np.int64).astype(STORED),
        sentence_words=np.bincount(found.row[found.is_word], minlength=len(part)).astype(np.int32),
    )


def _summed(
    slices: list[SliceCounts], field: str, names: list[str], levels: list[tuple[list, np.ndarray]]
) -> pd.DataFrame:
    """The ``field`` counts of every slice added up: one row per key, labelled by ``names``
    (each level given as (per slice, the array that maps its codes to the global labels;
    the global labels)), a ``count`` column; rows in the order of the labels' codes, which
    no table depends on (each sorts by its own complete keys)."""
    keys = [[mapping[i][getattr(piece, field)[:, level]] for i, piece in enumerate(slices)]
            for level, (mapping, _) in enumerate(levels)]  # fmt: skip
    counts = [getattr(piece, field)[:, -1] for piece in slices]
    if not sum(map(len, counts)):
        return pd.DataFrame(columns=[*names, "count"])
    sizes = [len(labels) for _, labels in levels]
    combined = _combined([np.concatenate(k) for k in keys], sizes)
    order = np.argsort(combined, kind="stable")
    combined, count = combined[order], np.concatenate(counts).astype(np.int64)[order]
    starts = np.flatnonzero(np.r_[True, combined[1:] != combined[:-1]])
    codes = _split(combined[starts], sizes)
    frame = pd.DataFrame({name: labels[code] for name, (_, labels), code
                          in zip(names, levels, codes, strict=True)})  # fmt: skip
    frame["count"] = np.add.reduceat(count, starts).astype("int64")
    return frame.astype({name: "str" for name in names})


def _global(slices: list[SliceCounts], attribute: str) -> tuple[list, np.ndarray]:
    """The distinct labels of ``attribute`` over the slices (in order of first appearance),
    and per slice the array that maps its codes to them: one hash of every slice's labels."""
    found = [getattr(piece, attribute) for piece in slices]
    if not found:
        return [], np.zeros(0, dtype=object)
    codes, labels = pd.factorize(np.concatenate(found).astype(object))
    ends = np.cumsum([len(values) for values in found])
    return np.split(codes, ends[:-1]), np.asarray(labels, dtype=object)


def _sentence_words(slices: list[SliceCounts], in_corpus_order: bool) -> pd.DataFrame:
    """``article_id, sentence_id, words`` per sentence of the slices: in the slices' order, or
    with ``in_corpus_order`` the articles sorted by date (undated last) and id, as
    :func:`with_outlet` orders them (an article's sentences are together and in order in its
    slice). ``article_id`` is categorical, its categories the articles in that order (an id
    held once, not once per sentence: millions of sentences at 100,000 articles)."""
    ids = np.concatenate([p.article_ids for p in slices]) if slices else np.zeros(0, object)
    offsets = np.cumsum([0, *(len(p.article_ids) for p in slices)])
    article = np.concatenate(
        [p.sentence_article.astype(np.int64) + offsets[i] for i, p in enumerate(slices)]
    ) if slices else np.zeros(0, np.int64)  # fmt: skip
    sentence_ids = np.concatenate([p.sentence_ids for p in slices]) if slices else article
    words = np.concatenate([p.sentence_words for p in slices]) if slices else article
    if in_corpus_order and len(ids):
        published = pd.Series(np.concatenate([p.published for p in slices]), dtype=object)
        articles = pd.DataFrame({"_undated": published.eq("").to_numpy(),
                                 "published": published, "article_id": ids})  # fmt: skip
        ranked = articles.sort_values(["_undated", "published", "article_id"], kind="mergesort")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[ranked.index.to_numpy()] = np.arange(len(ids))
        article = rank[article]
        order = np.argsort(article, kind="stable")
        article, sentence_ids, words = article[order], sentence_ids[order], words[order]
        ids = ids[ranked.index.to_numpy()]
    return pd.DataFrame(
        {"article_id": _coded(ids, article),
         "sentence_id": sentence_ids.astype("int64"), "words": words.astype("int64")}
    )  # fmt: skip


def _coded(labels: np.ndarray, codes: np.ndarray) -> pd.Categorical:
    """``labels[codes]`` as a categorical whose categories are ``labels`` in their order (an
    article whose sentences two slices hold is one category)."""
    categories, where = pd.factorize(pd.array(labels, dtype="str"))
    return pd.Categorical.from_codes(categories[codes].astype(np.int32), categories=where)


def add_counts(slices: list[SliceCounts], in_corpus_order: bool = True) -> CorpusCounts:
    """The :class:`CorpusCounts` of a corpus from the :func:`count_slice` of its slices (any
    partition into whole articles: the sums do not depend on it). ``in_corpus_order`` puts
    the sentences in corpus order (needed when the slices are buckets); without, they keep
    the order of the slices."""
    outlets, norm = _global(slices, "outlets"), [_global(slices, "vocabulary")]
    tokens = _summed(slices, "tokens", ["norm"], norm)
    spread = _summed(slices, "spread", ["norm"], norm)
    return CorpusCounts(
        words=_summed(slices, "words", ["outlet", "word"], [outlets, *norm]),
        bigrams=_summed(
            slices, "bigrams", ["outlet", "w1", "w2"], [outlets, *norm, *norm]
        ),  # fmt: skip
        tokens=tokens.set_index("norm")["count"],
        total=sum(piece.total for piece in slices),
        spread=spread.set_index("norm")["count"],
        articles=sum(len(piece.article_ids) for piece in slices),
        forms=frozenset().union(*(piece.forms for piece in slices)),
        sentence_words=_sentence_words(slices, in_corpus_order),
    )


def count_corpus(
    sentences: pd.DataFrame, articles: pd.DataFrame | None = None, size: int = CHUNK_SENTENCES
) -> CorpusCounts:
    """Count the corpus once (see :class:`CorpusCounts`), about ``size`` sentences at a time
    (:func:`count_slice`, added up by :func:`add_counts`). With ``articles``, the sentences of
    usable articles with their outlets (:func:`with_outlet`); without, every sentence, under
    one unnamed outlet."""
    if articles is None:
        require_columns(sentences, SENTENCE_COLUMNS, "sentences")
        corpus = sentences.reset_index(drop=True).assign(outlet="")
    else:
        corpus = with_outlet(sentences, articles)
    return add_counts([count_slice(part) for part in chunks(corpus, size)], in_corpus_order=False)
