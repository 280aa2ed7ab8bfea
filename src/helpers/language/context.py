"""Keywords in context: a concordance (keyword-in-context lines) and where the keywords fall
in the corpus (dispersion).

The corpus is split into tokens once, with pandas string methods; the keyword is matched
against each distinct word form (not each occurrence), and only the sentences holding a
matching form are read word by word, so the cost grows with the hits, not the corpus.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import pandas as pd

from helpers.io import require_columns
from helpers.language.words import (
    LETTER_RE,
    SENTENCE_COLUMNS,
    TOKEN_PATTERN,
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


def token_series(texts: pd.Series) -> pd.Series:
    """Every token of ``texts``, one per row, indexed by its sentence's index label."""
    return texts.fillna("").astype(str).str.findall(TOKEN_PATTERN).explode().dropna()


def rows_with(tokens: pd.Series, keyword: str) -> pd.Index:
    """The index labels of the sentences (of :func:`token_series`) holding an inflection of
    ``keyword``: each distinct word form is matched once."""
    forms = [f for f in tokens.unique() if is_word(f) and matches_keyword(f, keyword)]
    return tokens.index[tokens.isin(forms)].unique()


def _hits(text: str, keyword: str) -> list[tuple[int, int, int]]:
    """``(word_index, start, end)`` of every word of ``text`` that matches ``keyword``; the
    index counts words only (not numbers or punctuation)."""
    found, index = [], 0
    for start, end in span_tokenize(text):
        token = text[start:end]
        if not is_word(token):
            continue
        if matches_keyword(token, keyword):
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
    picked = sentences.loc[rows_with(token_series(sentences["text"]), keyword)]
    rows = []
    for record in picked.itertuples(index=False):
        text = str(record.text)
        offset = int(getattr(record, "start", 0) or 0)
        for _, start, end in _hits(text, keyword):
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


def word_counts(tokens: pd.Series, index: pd.Index) -> pd.Series:
    """The number of words (tokens holding a letter) of each sentence of ``index``, from the
    tokens of :func:`token_series`."""
    words = tokens[tokens.str.contains(LETTER_RE)]
    return words.groupby(level=0).size().reindex(index, fill_value=0)


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
    tokens = token_series(corpus["text"])
    counts = word_counts(tokens, corpus.index)
    before = counts.cumsum() - counts  # words of the corpus before each sentence
    rows = []
    for keyword in keywords:
        for i in sorted(rows_with(tokens, keyword)):
            record = corpus.loc[i]
            for index, start, end in _hits(record["text"], keyword):
                rows.append((keyword, int(before[i]) + index, record["article_id"],
                             record["outlet"], record["published"], int(record["sentence_id"]),
                             record["text"][start:end]))  # fmt: skip
    hits = pd.DataFrame(rows, columns=HIT_COLUMNS)
    hits = hits.sort_values(["word_offset", "keyword"], kind="mergesort").reset_index(drop=True)
    spans = corpus.assign(first=before, n=counts).groupby("article_id", sort=False).agg(
        outlet=("outlet", "first"), published=("published", "first"),
        first_word=("first", "min"), n_words=("n", "sum"),
    )  # fmt: skip
    return hits, spans.reset_index()[SPAN_COLUMNS]
