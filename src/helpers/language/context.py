"""Keywords in context: a concordance (keyword-in-context lines) and where the keywords fall
in the corpus (dispersion).

The keyword is matched against each distinct word form of the corpus (not each occurrence);
the sentences holding a matching form are found with one regular expression and only they are
read word by word, so the cost grows with the hits, not the corpus.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from itertools import chain

import pandas as pd

from helpers.io import require_columns
from helpers.language.words import (
    CHUNK_SENTENCES,
    SENTENCE_COLUMNS,
    WORD_TOKEN_PATTERN,
    is_word,
    matches_keyword,
    span_tokenize,
    with_outlet,
)

CONCORDANCE_COLUMNS = [
    "query", "article_id", "sentence_id", "left", "keyword", "right", "start", "end",
]  # fmt: skip
HIT_COLUMNS = ["keyword", "word_offset", "article_id", "outlet", "published", "sentence_id",
               "word"]  # fmt: skip
SPAN_COLUMNS = ["article_id", "outlet", "published", "first_word", "n_words"]


def word_forms(texts: pd.Series) -> set[str]:
    """Every distinct word form of ``texts`` (tokens holding a letter, as written)."""
    forms: set[str] = set()
    for start in range(0, len(texts), CHUNK_SENTENCES):
        part = texts.iloc[start : start + CHUNK_SENTENCES].fillna("").astype(str)
        forms.update(chain.from_iterable(part.str.findall(WORD_TOKEN_PATTERN)))
    return forms


def matching_forms(forms: set[str], keyword: str) -> frozenset[str]:
    """The word ``forms`` that are inflections of ``keyword`` (each form matched once)."""
    return frozenset(f for f in forms if matches_keyword(f, keyword))


def rows_with(texts: pd.Series, matching: frozenset[str]) -> pd.Index:
    """The index labels of the ``texts`` that may hold one of the ``matching`` forms, found with
    one regular expression (a superset of the hits, which :func:`_hits` then reads)."""
    if not matching:
        return texts.index[:0]
    alternatives = "|".join(map(re.escape, sorted(matching, key=len, reverse=True)))
    found = re.compile(r"(?<![^\W_])(?:" + alternatives + r")(?![^\W_])")
    return texts.index[texts.fillna("").astype(str).str.contains(found)]


def _hits(text: str, matching: frozenset[str]) -> list[tuple[int, int, int]]:
    """``(word_index, start, end)`` of every word of ``text`` among the ``matching`` forms; the
    index counts words only (not numbers or punctuation)."""
    found, index = [], 0
    for start, end in span_tokenize(text):
        token = text[start:end]
        if not is_word(token):
            continue
        if token in matching:
            found.append((index, start, end))
        index += 1
    return found


def concordance(sentences: pd.DataFrame, keyword: str, width: int = 50) -> pd.DataFrame:
    """Return every occurrence of ``keyword`` (or an inflection of it) with its context.

    One row per hit: ``query, article_id, sentence_id, left, keyword, right, start, end``,
    where ``keyword`` is the word as written, ``left``/``right`` are up to ``width``
    characters of the same sentence on either side, and ``start``/``end`` locate the word in
    the sentence text (added to the sentence's own ``start`` when the frame has one, so they
    point into the clean article text). No hit gives no rows and a warning.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    texts = sentences["text"]
    matching = matching_forms(word_forms(texts), keyword)
    picked = sentences.loc[rows_with(texts, matching)]
    rows = []
    for record in picked.itertuples(index=False):
        text = str(record.text)
        offset = int(getattr(record, "start", 0) or 0)
        for _, start, end in _hits(text, matching):
            rows.append((keyword, record.article_id, int(record.sentence_id),
                         _left(text, start, width), text[start:end], _right(text, end, width),
                         offset + start, offset + end))  # fmt: skip
    if not rows:
        warnings.warn(f"concordance: {keyword!r} does not occur in the sentences", stacklevel=2)
    frame = pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)
    return frame.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def concordances(sentences: pd.DataFrame, keywords: Sequence[str], width: int = 50) -> pd.DataFrame:
    """The :func:`concordance` of every keyword in one table (keywords in the order given; no
    keyword gives an empty table with the columns)."""
    parts = [concordance(sentences, keyword, width) for keyword in keywords]
    if not parts:
        return pd.DataFrame(columns=CONCORDANCE_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def _left(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut back to a whole word."""
    left = text[max(0, start - width) : start]
    if start > width and " " in left:
        left = left.split(" ", 1)[1]
    return left.strip()


def _right(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters after ``end``, cut back to a whole word."""
    right = text[end : end + width]
    if end + width < len(text) and " " in right.strip():
        right = right.rsplit(" ", 1)[0]
    return right.strip()


def word_counts(texts: pd.Series) -> pd.Series:
    """The number of words (tokens holding a letter) of each text, as the tokenizer splits it."""
    return texts.fillna("").astype(str).str.count(WORD_TOKEN_PATTERN)


def dispersion(
    sentences: pd.DataFrame, articles: pd.DataFrame, keywords: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Place every keyword hit on one word axis running through the corpus in date order.

    Returns ``(hits, spans)``: ``hits`` has ``keyword, word_offset, article_id, outlet,
    published, sentence_id, word`` (one row per hit, ``word_offset`` counting words from the
    start of the corpus); ``spans`` has ``article_id, outlet, published, first_word,
    n_words`` so a chart can mark where each article begins.
    """
    corpus = with_outlet(sentences, articles)
    counts = word_counts(corpus["text"])
    before = counts.cumsum() - counts  # words of the corpus before each sentence
    forms = word_forms(corpus["text"]) if len(keywords) else set()
    rows = []
    fields = ["text", "article_id", "outlet", "published", "sentence_id"]
    for keyword in keywords:
        matching = matching_forms(forms, keyword)
        picked = corpus.loc[rows_with(corpus["text"], matching), fields]
        picked = picked.assign(before=before[picked.index])
        for text, article_id, outlet, published, sentence_id, first in picked.itertuples(
            index=False
        ):
            rows += [
                (keyword, int(first) + index, article_id, outlet, published, int(sentence_id),
                 text[start:end])
                for index, start, end in _hits(text, matching)
            ]  # fmt: skip
    hits = pd.DataFrame(rows, columns=HIT_COLUMNS)
    hits = hits.sort_values(["word_offset", "keyword"], kind="mergesort").reset_index(drop=True)
    spans = corpus.assign(first=before, n=counts).groupby("article_id", sort=False).agg(
        outlet=("outlet", "first"), published=("published", "first"),
        first_word=("first", "min"), n_words=("n", "sum"),
    )  # fmt: skip
    return hits, spans.reset_index()[SPAN_COLUMNS]
