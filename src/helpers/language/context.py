"""Keywords in context: a concordance (keyword-in-context lines) and where the keywords fall
in the corpus (dispersion).

The keyword is matched against each distinct word form of the corpus (not each occurrence),
taken from the one-pass counts (:class:`helpers.language.counts.CorpusCounts`) when they are
given; the sentences that may hold a matching form are found with one plain alternation of the
forms (which pyarrow runs in C++ on Arrow-backed text), and only they are read word by word, so
the cost grows with the hits, not the corpus. The dispersion plot takes its word axis from the
counts' words per sentence, so the corpus is not tokenised again.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from itertools import chain

import numpy as np
import pandas as pd

from helpers.io import require_columns
from helpers.language.words import (
    CHUNK_SENTENCES,
    LETTER_RE,
    SENTENCE_COLUMNS,
    TOKEN_RE,
    WORD_TOKEN_PATTERN,
    article_meta,
    matches_keyword,
    with_outlet,
)

CONCORDANCE_COLUMNS = [
    "query", "article_id", "sentence_id", "left", "keyword", "right", "start", "end",
]  # fmt: skip
HIT_COLUMNS = ["keyword", "word_offset", "article_id", "outlet", "published", "sentence_id",
               "word"]  # fmt: skip
SPAN_COLUMNS = ["article_id", "outlet", "published", "first_word", "n_words"]
FOUND_COLUMNS = ["keyword", "index", "article_id", "sentence_id", "word"]  # a hit in its sentence
BIN_COLUMNS = ["keyword", "first_word", "end_word", "hits", "article_id"]
DISPERSION_BINS = 200  # stretches of the word axis a dispersion chart counts hits in


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
    """The index labels of the ``texts`` that contain one of the ``matching`` forms anywhere
    (a superset of the hits, which :func:`_hits` then reads word by word). The pattern is a
    plain alternation, with no look-around, so that pandas hands it to pyarrow's RE2."""
    if not matching:
        return texts.index[:0]
    alternatives = "|".join(map(re.escape, sorted(matching, key=len, reverse=True)))
    return texts.index[texts.fillna("").astype(str).str.contains(alternatives, regex=True)]


def _keyword_hits(
    text: str, matching: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, int]]:
    """``(keyword, word_index, start, end)`` of every word of ``text`` among a keyword's
    ``matching`` forms, the text tokenised once for all keywords; the index counts words only
    (not numbers or punctuation)."""
    found, index = [], 0
    for match in TOKEN_RE.finditer(text):
        token = match.group()
        if not LETTER_RE.match(token):  # a word token starts with a letter
            continue
        for keyword, forms in matching.items():
            if token in forms:
                found.append((keyword, index, match.start(), match.end()))
        index += 1
    return found


def _hits(text: str, matching: frozenset[str]) -> list[tuple[int, int, int]]:
    """``(word_index, start, end)`` of every word of ``text`` among the ``matching`` forms."""
    return [hit[1:] for hit in _keyword_hits(text, {"": matching})]


def concordance(
    sentences: pd.DataFrame, keyword: str, width: int = 50, forms: set[str] | None = None
) -> pd.DataFrame:
    """Return every occurrence of ``keyword`` (or an inflection of it) with its context.

    One row per hit: ``query, article_id, sentence_id, left, keyword, right, start, end``,
    where ``keyword`` is the word as written, ``left``/``right`` are up to ``width``
    characters of the same sentence on either side, and ``start``/``end`` locate the word in
    the sentence text (added to the sentence's own ``start`` when the frame has one, so they
    point into the clean article text). ``forms`` (the corpus's word forms, as
    :class:`~helpers.language.counts.CorpusCounts` holds them) saves reading every sentence for
    them. No hit gives no rows and a warning.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    texts = sentences["text"]
    matching = matching_forms(word_forms(texts) if forms is None else forms, keyword)
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


def concordances(
    sentences: pd.DataFrame, keywords: Sequence[str], width: int = 50, counts=None
) -> pd.DataFrame:
    """The :func:`concordance` of every keyword in one table (keywords in the order given; no
    keyword gives an empty table with the columns). ``counts`` (:func:`count_corpus` of the
    same sentences) gives the word forms; without, they are read once for all keywords."""
    if not keywords:
        return pd.DataFrame(columns=CONCORDANCE_COLUMNS)
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    forms = counts.forms if counts is not None else word_forms(sentences["text"])
    wanted = frozenset().union(*(matching_forms(forms, k) for k in keywords))
    candidates = sentences.loc[rows_with(sentences["text"], wanted)]  # one scan for all
    parts = [concordance(candidates, keyword, width, forms) for keyword in keywords]
    return pd.concat(parts, ignore_index=True)


def concordance_rows(
    sentences: pd.DataFrame, matching: dict[str, frozenset[str]], width: int = 50
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every hit in ``sentences`` of a keyword whose word forms are ``matching`` (keyword ->
    forms), the sentences read word by word only where :func:`rows_with` finds a form:
    ``(lines, hits)``, with ``lines`` the :func:`concordance` rows of every keyword in
    sentence order (not sorted) and ``hits`` per hit ``keyword, index, article_id,
    sentence_id, word`` (``index`` the word's place among its sentence's words), which
    :func:`place_hits` puts on the corpus's word axis."""
    lines, hits = [], []
    wanted = frozenset().union(*matching.values()) if matching else frozenset()
    picked = sentences.loc[rows_with(sentences["text"], wanted)] if wanted else sentences[:0]
    has_start = "start" in picked.columns
    for record in picked.itertuples(index=False):
        text = str(record.text)
        offset = int(record.start or 0) if has_start else 0
        for keyword, index, start, end in _keyword_hits(text, matching):
            sentence_id = int(record.sentence_id)
            lines.append((keyword, record.article_id, sentence_id, _left(text, start, width),
                          text[start:end], _right(text, end, width), offset + start,
                          offset + end))  # fmt: skip
            hits.append((keyword, index, record.article_id, sentence_id, text[start:end]))
    return (
        pd.DataFrame(lines, columns=CONCORDANCE_COLUMNS),
        pd.DataFrame(hits, columns=FOUND_COLUMNS),
    )


def concordance_of(lines: pd.DataFrame, keywords: Sequence[str]) -> pd.DataFrame:
    """The :func:`concordances` table from the :func:`concordance_rows` lines of any parts of
    the corpus: each keyword's lines by article and place, keywords in the order given."""
    if not keywords:
        return pd.DataFrame(columns=CONCORDANCE_COLUMNS)
    parts = []
    for keyword in keywords:
        found = lines[lines["query"] == keyword]
        if found.empty:
            warnings.warn(f"concordance: {keyword!r} does not occur in the sentences", stacklevel=2)
            found = pd.DataFrame([], columns=CONCORDANCE_COLUMNS)
        parts.append(found.sort_values(["article_id", "start"], kind="mergesort"))
    return pd.concat(parts, ignore_index=True)


def top_concordance(kwic: pd.DataFrame, per_keyword: int = 5) -> pd.DataFrame:
    """The first ``per_keyword`` lines of each keyword of a :func:`concordances` table, for a
    notebook to show (the table written to disk keeps them all)."""
    return kwic.groupby("query", sort=False).head(per_keyword).reset_index(drop=True)


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


def _word_axis(sentences: pd.DataFrame, articles: pd.DataFrame, counts) -> pd.DataFrame:
    """``article_id, sentence_id, outlet, published, words, before`` per sentence of usable
    articles in corpus order: its words and the words of the corpus before it. From the
    counts' words per sentence when given, else by counting the words of every sentence."""
    if counts is not None and counts.sentence_words is not None:
        meta = article_meta(articles)
        axis = counts.sentence_words.astype({"article_id": "str"})
        axis = axis.merge(meta, on="article_id", how="left", sort=False)
    else:
        axis = with_outlet(sentences, articles)
        axis = axis.assign(words=word_counts(axis["text"])).drop(columns="text")
    return axis.assign(before=axis["words"].cumsum() - axis["words"])


def dispersion(
    sentences: pd.DataFrame, articles: pd.DataFrame, keywords: Sequence[str], counts=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Place every keyword hit on one word axis running through the corpus in date order.

    Returns ``(hits, spans)``: ``hits`` has ``keyword, word_offset, article_id, outlet,
    published, sentence_id, word`` (one row per hit, ``word_offset`` counting words from the
    start of the corpus); ``spans`` has ``article_id, outlet, published, first_word,
    n_words`` so a chart can mark where each article begins. ``counts`` (:func:`count_corpus`
    of the same frames) gives the word axis and forms without reading the corpus again.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    axis = _word_axis(sentences, articles, counts)
    forms = (counts.forms if counts is not None else word_forms(sentences["text"])) \
        if len(keywords) else set()  # fmt: skip
    matching = {keyword: matching_forms(forms, keyword) for keyword in keywords}
    wanted = frozenset().union(*matching.values())
    picked = sentences.loc[rows_with(sentences["text"], wanted), ["article_id", "sentence_id",
                                                                   "text"]]  # fmt: skip
    picked = picked.merge(axis, on=["article_id", "sentence_id"], how="inner", sort=False)
    rows = []
    fields = ["text", "article_id", "outlet", "published", "sentence_id", "before"]
    for text, article_id, outlet, published, sentence_id, first in picked[fields].itertuples(
        index=False
    ):
        rows += [
            (keyword, int(first) + index, article_id, outlet, published, int(sentence_id),
             text[start:end])
            for keyword, index, start, end in _keyword_hits(str(text), matching)
        ]  # fmt: skip
    hits = pd.DataFrame(rows, columns=HIT_COLUMNS)
    hits = hits.sort_values(["word_offset", "keyword"], kind="mergesort").reset_index(drop=True)
    return hits, _spans(axis)


def place_hits(
    found: pd.DataFrame, articles: pd.DataFrame, counts
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`dispersion` from the hits of :func:`concordance_rows` (of any parts of the
    corpus) and the counts of the whole corpus, whose words per sentence (in corpus order,
    each article's sentences together and in order) give the word axis: found with numpy, not
    by joining every sentence to its article's outlet."""
    axis = counts.sentence_words
    words = axis["words"].to_numpy(dtype=np.int64)
    before = np.cumsum(words) - words
    codes, ids = _article_codes(axis["article_id"])
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else codes
    if len(starts) != len(ids):  # an article's sentences apart: join as dispersion does
        return _placed_by_join(found, articles, counts)
    meta = article_meta(articles).drop_duplicates("article_id").set_index("article_id")
    meta = meta.reindex(pd.Index(ids, name="article_id"))
    spans = pd.DataFrame(
        {"article_id": ids, "outlet": meta["outlet"].to_numpy(),
         "published": meta["published"].to_numpy(), "first_word": before[starts],
         "n_words": np.add.reduceat(words, starts) if len(words) else words}
    )  # fmt: skip
    # each hit's sentence: its row of the axis, by (article code, sentence id) in sorted order
    article = pd.Index(ids).get_indexer(found["article_id"])
    sentence = found["sentence_id"].to_numpy(dtype=np.int64)
    width = int(max(axis["sentence_id"].max(), sentence.max())) + 1 if len(found) else 1
    keys = codes.astype(np.int64) * width + axis["sentence_id"].to_numpy(dtype=np.int64)
    if len(keys) and not np.all(keys[1:] > keys[:-1]):  # sentences not in order: join
        return _placed_by_join(found, articles, counts)
    wanted = article.astype(np.int64) * width + sentence
    row = np.searchsorted(keys, wanted).clip(max=max(len(keys) - 1, 0))
    placed = (article >= 0) & (len(keys) > 0) & (keys[row] == wanted if len(keys) else False)
    if not placed.any():
        hits = pd.DataFrame([], columns=HIT_COLUMNS)
    else:
        taken, row, article = found[placed], row[placed], article[placed]
        hits = pd.DataFrame(
            {"keyword": taken["keyword"].to_numpy(),
             "word_offset": before[row] + taken["index"].to_numpy(dtype=np.int64),
             "article_id": taken["article_id"].to_numpy(),
             "outlet": meta["outlet"].to_numpy()[article],
             "published": meta["published"].to_numpy()[article],
             "sentence_id": sentence[placed], "word": taken["word"].to_numpy()}
        )  # fmt: skip
    hits = hits.sort_values(["word_offset", "keyword"], kind="mergesort").reset_index(drop=True)
    return hits, spans


def _article_codes(ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per row the code of its article, and the articles the codes point into: a categorical's
    own codes and categories (no Python string per sentence), else :func:`pandas.factorize`."""
    if isinstance(ids.dtype, pd.CategoricalDtype):
        return ids.cat.codes.to_numpy(), np.asarray(ids.cat.categories, dtype=object)
    codes, found = pd.factorize(ids)
    return codes, np.asarray(found, dtype=object)


def _placed_by_join(found, articles, counts) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`place_hits` by joining the hits to the word axis (any order of the sentences)."""
    axis = _word_axis(None, articles, counts)
    placed = found.merge(axis, on=["article_id", "sentence_id"], how="inner", sort=False)
    if placed.empty:
        hits = pd.DataFrame([], columns=HIT_COLUMNS)
    else:
        placed["word_offset"] = placed["before"].astype("int64") + placed["index"].astype("int64")
        hits = placed[HIT_COLUMNS].astype({"sentence_id": "int64"})
    hits = hits.sort_values(["word_offset", "keyword"], kind="mergesort").reset_index(drop=True)
    return hits, _spans(axis)


def _spans(axis: pd.DataFrame) -> pd.DataFrame:
    """Per article of the word axis, in its order: where it begins and how many words."""
    spans = axis.groupby("article_id", sort=False).agg(
        outlet=("outlet", "first"), published=("published", "first"),
        first_word=("before", "min"), n_words=("words", "sum"),
    )  # fmt: skip
    return spans.reset_index()[SPAN_COLUMNS]


def dispersion_bins(
    hits: pd.DataFrame, spans: pd.DataFrame, keywords: Sequence[str], bins: int = DISPERSION_BINS
) -> pd.DataFrame:
    """The hits of :func:`dispersion` counted in ``bins`` equal stretches of the corpus's word
    axis: per keyword and stretch with a hit, ``first_word`` and ``end_word`` (the stretch),
    ``hits`` and the ``article_id`` of its first hit. What a dispersion chart draws, and its
    CSV: a few hundred rows however large the corpus (the hits themselves are in the sentences
    of the pass; :func:`dispersion` finds them again). Keywords in the order given."""
    end = int((spans["first_word"] + spans["n_words"]).max()) if len(spans) else 0
    if hits.empty or end <= 0:
        return pd.DataFrame(columns=BIN_COLUMNS)
    width = max(end / bins, 1.0)
    hits = hits.assign(_bin=(hits["word_offset"] // width).astype(int))
    counted = hits.groupby(["keyword", "_bin"], sort=True).agg(
        hits=("word_offset", "size"), article_id=("article_id", "first")
    )  # rows are in word order, so "first" is the first hit of the stretch
    counted = counted.reset_index()
    counted["first_word"] = (counted["_bin"] * width).round().astype(int)
    counted["end_word"] = ((counted["_bin"] + 1) * width).round().clip(upper=end).astype(int)
    order = {keyword: i for i, keyword in enumerate(keywords)}
    counted = counted.assign(_keyword=counted["keyword"].map(order).fillna(len(order)))
    counted = counted.sort_values(["_keyword", "_bin"], kind="mergesort")
    return counted[BIN_COLUMNS].reset_index(drop=True)
