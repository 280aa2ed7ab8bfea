"""Words: tokens, the stopword list, keyword matching, and the sentences of usable articles.

Tokens are the matches of one regular expression (:data:`TOKEN_PATTERN`); NLTK's
``PorterStemmer`` (no downloaded data) matches inflections of a keyword (drone/drones), imported
on first use, because importing NLTK loads scipy, a second or more of every kernel's start-up.
The stopword list is the project's own (``stopwords.txt``, beside the ``helpers`` package).

:func:`token_table` turns a frame of sentences into one row per token, with pandas string
methods instead of a loop over sentences, and :func:`chunks` cuts a corpus into slices of whole
articles, so the counts of :mod:`helpers.language.frequencies` scale with the corpus in time and
stay bounded in memory.

>>> tokenize("The U.S. said F-150 trucks sold 4.5 million units.")
['The', 'U.S.', 'said', 'F-150', 'trucks', 'sold', '4.5', 'million', 'units', '.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.io import require_columns

STOPWORDS_RESOURCE = "stopwords.txt"  # file in the helpers package, read with importlib
STOPWORDS_PACKAGE = "helpers"

# One token: an abbreviation with dots ("U.S.", "U.K."), a number ("4.5", "1,000"), a word
# that starts with a letter and may hold digits, hyphens and a clitic ("G7", "Fath-360",
# "F-16s", "group's", "don't"), or any single punctuation mark ("," "." "-"). Straight and
# curly apostrophes both work.
TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"  # U.S.
    r"|\d+(?:[.,]\d+)*"  # 4.5, 1,000
    r"|[^\W\d_][^\W_]*(?:-[^\W_]+)*(?:['’][^\W\d_]+)?"  # G7, Fath-360, group's
    r"|[^\w\s]"  # , . -
)
# The tokens of TOKEN_PATTERN that hold a letter (abbreviations and words), found by themselves:
# counting these in a text counts its words as the tokenizer splits them ("4.5km" has one).
WORD_TOKEN_PATTERN = r"(?:[^\W\d_]\.){2,}|[^\W\d_][^\W_]*(?:-[^\W_]+)*(?:['’][^\W\d_]+)?"
# A trailing possessive, stripped before counting: "Texas's" -> "texas", "allies'" -> "allies".
POSSESSIVE_RE = re.compile(r"['’]s?$")
# A token that holds a letter, so is a word ("G7", "U.S."), not a number or punctuation.
LETTER_RE = re.compile(r"[^\W\d_]")

SENTENCE_COLUMNS = ("article_id", "sentence_id", "text")
ARTICLE_COLUMNS = ("article_id", "outlet")
UNKNOWN_OUTLET = "unknown outlet"
CHUNK_SENTENCES = 50_000  # sentences counted at once: about 100 MB of tokens at a time

TOKEN_RE = re.compile(TOKEN_PATTERN)


@cache
def stopwords() -> frozenset[str]:
    """Return the project's own English stopword list (function words only, lower case).

    >>> "the" in stopwords(), "million" in stopwords()
    (True, False)
    """
    resource = resources.files(STOPWORDS_PACKAGE).joinpath(STOPWORDS_RESOURCE)
    words = (line.strip() for line in resource.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word, number and punctuation tokens, keeping their surface form."""
    return TOKEN_RE.findall(text)


def span_tokenize(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every token of ``text``."""
    return [match.span() for match in TOKEN_RE.finditer(text)]


def is_word(token: str) -> bool:
    """True when ``token`` holds a letter (so numbers and punctuation are not words)."""
    return bool(LETTER_RE.search(token))


@cache
def normalise(token: str) -> str:
    """Lower-case a token, map a curly apostrophe to a straight one, drop a possessive.

    >>> normalise("Group’s"), normalise("Drones"), normalise("don't")
    ('group', 'drones', "don't")
    """
    token = token.lower().replace("’", "'")
    return POSSESSIVE_RE.sub("", token) if is_word(token) else token


def is_content_word(token: str) -> bool:
    """True for a normalised word that is not on the stopword list."""
    return is_word(token) and token not in stopwords()


@cache
def _stemmer():
    from nltk.stem import PorterStemmer  # late: importing NLTK loads scipy

    return PorterStemmer()


@cache
def stem(word: str) -> str:
    """The Porter stem of a lower-case word ("drones" -> "drone")."""
    return _stemmer().stem(word)


def matches_keyword(token: str, keyword: str) -> bool:
    """True when ``token`` is an inflection of ``keyword``, alone or inside a hyphenated word.

    Both are stemmed with NLTK's Porter stemmer, so "trucks" and "truck-maker" match "truck",
    "Group's" matches "group", but "Canadian" does not match "Canada".

    >>> matches_keyword("strikes", "strike"), matches_keyword("Canadian", "Canada")
    (True, False)
    """
    target = stem(normalise(keyword))
    return any(stem(part) == target for part in normalise(token).split("-") if part)


def article_meta(articles: pd.DataFrame) -> pd.DataFrame:
    """``article_id, outlet, published`` of the usable articles (``status`` ok): an empty
    outlet becomes "unknown outlet", a missing date ""."""
    require_columns(articles, ARTICLE_COLUMNS, "articles")
    meta = articles.copy()
    if "status" in meta.columns:
        meta = meta[meta["status"].fillna("ok") == "ok"]
    if "published" not in meta.columns:
        meta["published"] = ""
    meta = meta[["article_id", "outlet", "published"]].copy()
    meta["outlet"] = meta["outlet"].fillna("").astype(str).str.strip().replace("", UNKNOWN_OUTLET)
    meta["published"] = meta["published"].fillna("").astype(str)
    return meta


def with_outlet(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return the sentences of usable articles with ``outlet`` and ``published`` added.

    Articles whose ``status`` is not ``ok`` are left out; an empty outlet becomes "unknown
    outlet". Rows come in corpus order: by publication date (undated last), article id,
    sentence id.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    merged = sentences.drop(columns=["outlet", "published"], errors="ignore")
    merged = merged.merge(article_meta(articles), on="article_id", how="inner")
    merged["text"] = merged["text"].fillna("").astype(str)
    merged["_undated"] = merged["published"] == ""
    order = ["_undated", "published", "article_id", "sentence_id"]
    merged = merged.sort_values(order, kind="mergesort").drop(columns="_undated")
    return merged.reset_index(drop=True)


def chunks(corpus: pd.DataFrame, size: int = CHUNK_SENTENCES) -> Iterator[pd.DataFrame]:
    """Slices of ``corpus`` (sentences in corpus order, as :func:`with_outlet` gives them) of
    about ``size`` sentences each, cut between articles, so that counting a large corpus never
    holds all its tokens at once and no article is split."""
    article = pd.factorize(corpus["article_id"])[0]  # codes: no Python string per sentence
    start = 0
    while start < len(corpus):
        end = min(start + size, len(corpus))
        while end < len(corpus) and article[end] == article[end - 1]:
            end += 1
        yield corpus.iloc[start:end]
        start = end


@dataclass(frozen=True)
class Tokens:
    """The words and numbers of a Series of sentences, as integer codes (one tokenisation,
    shared by every count): per token in order, ``row`` (the position of its sentence),
    ``norm`` (a code into ``vocabulary``, the :func:`normalise` d forms), ``is_word``,
    ``content`` (a word not on the stopword list) and ``clause`` (a number that changes at
    every punctuation mark and sentence end); ``forms`` the distinct word forms as written."""

    row: np.ndarray
    norm: np.ndarray
    vocabulary: np.ndarray
    is_word: np.ndarray
    content: np.ndarray
    clause: np.ndarray
    forms: frozenset[str]
    surface_code: np.ndarray | None = None  # per token, a code into ``surface``
    surface: np.ndarray | None = None  # the distinct tokens as written


def _arrow_texts(texts: pd.Series) -> pa.Array:
    """``texts`` as one Arrow array of large strings, a missing text empty: Arrow-backed text
    (what the pass's Parquet reads as) is taken as it is, without a Python string per text."""
    if isinstance(texts.array, pd.arrays.ArrowStringArray):
        found = pc.fill_null(texts.array.__arrow_array__(), "").cast(pa.large_string())
        return found.combine_chunks() if isinstance(found, pa.ChunkedArray) else found
    return pa.array(texts.fillna("").astype(str).to_numpy(dtype=object), type=pa.large_string())


def _token_codes(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every token of ``texts`` in order as ``(row, code, surface)``: the position of its text,
    its code, and the distinct tokens the codes point into.

    No token holds a space, and :data:`TOKEN_PATTERN` looks at nothing before a match, so a
    text's tokens are those of its space-separated pieces one after the other. pyarrow splits
    the texts at spaces and codes the pieces; the pattern then reads each distinct piece once
    (a word that occurs a thousand times is tokenised once), and numpy lays the pieces' tokens
    out again in corpus order.
    """
    pieces = pc.split_pattern(_arrow_texts(texts), " ")
    per_text = pc.list_value_length(pieces).to_numpy(zero_copy_only=False).astype(np.int64)
    encoded = pc.dictionary_encode(pc.list_flatten(pieces))
    piece_codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    found = list(map(_piece_tokens, encoded.dictionary.to_pylist()))
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    flat = np.fromiter(chain.from_iterable(found), dtype=object, count=int(lengths.sum()))
    token_codes, surface = pd.factorize(flat)
    surface = np.asarray(surface, dtype=object)
    sizes = lengths[piece_codes]  # tokens of each piece occurrence
    first = (np.cumsum(lengths) - lengths)[piece_codes]  # where its tokens start in flat
    place = np.repeat(first - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
    row = np.repeat(np.repeat(np.arange(len(texts)), per_text), sizes)
    return row, token_codes[place], surface


# The tokens of one space-free piece of text, remembered: a corpus read bucket by bucket meets
# the same pieces ("the", "said", "million") in every bucket, and reads each once.
_piece_tokens = lru_cache(maxsize=1 << 18)(TOKEN_RE.findall)


@lru_cache(maxsize=1 << 18)
def _form_reading(form: str) -> tuple[bool, bool, str]:
    """Whether a token is a word (:func:`is_word`), whether it is a number, and its
    :func:`normalise` d form."""
    return is_word(form), form[:1].isdigit(), normalise(form)


def tokens_of(texts: pd.Series) -> Tokens:
    """Tokenise ``texts`` once (:func:`_token_codes`, :data:`TOKEN_PATTERN`) and code the
    tokens as :class:`Tokens`; each distinct token is normalised once, not each occurrence."""
    row, codes, surface = _token_codes(texts)
    readings = list(map(_form_reading, surface))
    word = np.fromiter((r[0] for r in readings), dtype=bool, count=len(readings))
    number = np.fromiter((r[1] for r in readings), dtype=bool, count=len(readings))
    normalised = np.fromiter((r[2] for r in readings), dtype=object, count=len(readings))
    norm_codes, vocabulary = pd.factorize(normalised)
    vocabulary = np.asarray(vocabulary, dtype=object)
    stop = pd.Index(vocabulary).isin(list(stopwords()))
    kept_form = word | number
    kept = kept_form[codes]
    clause = np.cumsum(~kept) + row  # a punctuation mark or a new sentence starts a clause
    norm = norm_codes[codes[kept]]
    return Tokens(
        row=row[kept], norm=norm, vocabulary=vocabulary, is_word=word[codes[kept]],
        content=word[codes[kept]] & ~stop[norm], clause=clause[kept],
        forms=frozenset(surface[word].tolist()), surface_code=codes[kept], surface=surface,
    )  # fmt: skip


def forget_readings() -> None:
    """Empty the remembered tokens and readings of pieces (:func:`tokens_of`'s caches, about
    100 MB when full): for a caller done tokenising a corpus."""
    _piece_tokens.cache_clear()
    _form_reading.cache_clear()
    normalise.cache_clear()


def token_table(texts: pd.Series) -> pd.DataFrame:
    """One row per word or number of ``texts`` (a Series of sentences), in order: ``row`` (the
    index label of its sentence), ``norm`` (:func:`normalise`), ``is_word``, ``content`` (a word
    not on the stopword list) and ``clause`` (a number that changes at every punctuation mark,
    so that pairs never span a comma or a full stop). Punctuation marks are not rows.
    """
    columns = ["row", "norm", "is_word", "content", "clause"]
    tokens = tokens_of(texts)
    if not len(tokens.row):
        return pd.DataFrame(columns=columns).astype({"is_word": bool, "content": bool})
    table = pd.DataFrame(
        {"row": texts.index.to_numpy()[tokens.row], "norm": tokens.vocabulary[tokens.norm],
         "is_word": tokens.is_word, "content": tokens.content, "clause": tokens.clause}
    )  # fmt: skip
    return table[columns]
