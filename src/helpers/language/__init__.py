"""How outlets word the story: frequencies, collocations, concordance, framing and sentiment.

Everything takes the frames of the processed corpus (``sentences.csv`` and ``articles.csv``
as returned by ``helpers.corpus.load_corpus``) and returns a new, sorted DataFrame. Nothing
here knows one story: the keywords, the framing target and its frames come from the study file
(``keywords:`` and ``framing:``); a study without keywords reads the corpus's most frequent
content words, and a study without a framing target has no framing to count.

The package is split by job: ``words`` (tokens, stopwords, keyword matching), ``counts`` (one
pass that counts the corpus, slice by slice), ``frequencies``
(words, bigrams, collocations, keywords), ``context`` (concordance and dispersion), ``framing``
(the frames of a target), ``sentiment`` (VADER), ``plots`` (the charts of notebook 05) and
``findings`` (its findings in words, empty tables included); ``buckets`` reads the pass's
sentences bucket by bucket for notebook 05, each bucket's partial result kept between runs.

>>> tokenize("Officials said 4.5 million people lost power.")
['Officials', 'said', '4.5', 'million', 'people', 'lost', 'power', '.']
"""

from __future__ import annotations

from helpers.language.buckets import Found, count_buckets, find_in_buckets
from helpers.language.context import (
    DISPERSION_BINS,
    concordance,
    concordances,
    dispersion,
    dispersion_bins,
    place_hits,
    top_concordance,
)
from helpers.language.counts import CorpusCounts, count_corpus
from helpers.language.findings import (
    collocation_finding,
    framing_finding,
    keyword_finding,
    sentiment_caption,
    sentiment_finding,
    sentiment_note,
    word_finding,
)
from helpers.language.framing import (
    framed_sentences,
    framing_by_outlet,
    names_target,
    pattern_matches,
)
from helpers.language.frequencies import (
    bigram_frequencies,
    choose_keywords,
    collocations,
    top_words,
    word_frequencies,
)
from helpers.language.plots import (
    DISPERSION_TITLE,
    SENTIMENT_TITLE,
    TOP_WORDS_TITLE,
    plot_dispersion,
    plot_framing,
    plot_sentiment,
    plot_top_terms,
)
from helpers.language.sentiment import (
    NEGATIVE_AT,
    POSITIVE_AT,
    SCOPES,
    sentence_sentiment,
    sentiment_by_outlet,
    vader,
    vader_lexicon_dir,
)
from helpers.language.words import (
    STOPWORDS_PACKAGE,
    STOPWORDS_RESOURCE,
    TOKEN_PATTERN,
    is_content_word,
    is_word,
    matches_keyword,
    normalise,
    stopwords,
    token_table,
    tokenize,
    with_outlet,
)

__all__ = [
    "CorpusCounts",
    "Found",
    "DISPERSION_BINS",
    "DISPERSION_TITLE",
    "SENTIMENT_TITLE",
    "TOP_WORDS_TITLE",
    "NEGATIVE_AT",
    "POSITIVE_AT",
    "SCOPES",
    "STOPWORDS_PACKAGE",
    "STOPWORDS_RESOURCE",
    "TOKEN_PATTERN",
    "bigram_frequencies",
    "choose_keywords",
    "collocation_finding",
    "collocations",
    "concordance",
    "concordances",
    "count_buckets",
    "count_corpus",
    "dispersion",
    "dispersion_bins",
    "find_in_buckets",
    "framed_sentences",
    "framing_by_outlet",
    "framing_finding",
    "is_content_word",
    "is_word",
    "keyword_finding",
    "matches_keyword",
    "names_target",
    "normalise",
    "pattern_matches",
    "place_hits",
    "plot_dispersion",
    "plot_framing",
    "plot_sentiment",
    "plot_top_terms",
    "sentence_sentiment",
    "sentiment_by_outlet",
    "sentiment_caption",
    "sentiment_finding",
    "sentiment_note",
    "stopwords",
    "token_table",
    "tokenize",
    "top_concordance",
    "top_words",
    "vader",
    "vader_lexicon_dir",
    "with_outlet",
    "word_finding",
    "word_frequencies",
]
