"""How outlets word the story: frequencies, collocations, concordance, framing and sentiment.

Everything takes the frames of the processed corpus (``sentences.csv`` and ``articles.csv``
as returned by ``helpers.corpus.load_corpus``) and returns a new, sorted DataFrame. Only the
parts of NLTK that need no downloaded data are used: a ``RegexpTokenizer`` for words, the
``PorterStemmer`` to match inflections of a keyword (drone/drones), ``FreqDist``,
``BigramCollocationFinder`` with ``BigramAssocMeasures`` for PMI, and VADER whose lexicon is
read from the ``vaderSentiment`` pip package instead of NLTK's data folder.

>>> tokenize("Iran's Shahed-136 drones hit the U.S. base.")
["Iran's", 'Shahed-136', 'drones', 'hit', 'the', 'U.S.', 'base', '.']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib.pyplot as plt
import nltk.data
import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.probability import FreqDist
from nltk.sentiment.vader import SentimentIntensityAnalyzer
from nltk.stem import PorterStemmer
from nltk.tokenize import RegexpTokenizer

from helpers.io import require_columns

STOPWORDS_RESOURCE = "stopwords.txt"  # file next to this module, read with importlib.resources
VADER_LEXICON = "vader_lexicon.txt"  # file name inside the vaderSentiment package folder

# One token: an abbreviation with dots ("U.S.", "U.K."), a number ("4.5", "1,000"), a word
# that starts with a letter and may hold digits, hyphens and a clitic ("G7", "Shahed-136",
# "F-16s", "Iran's", "don't"), or any single punctuation mark ("," "." "-"). Straight and
# curly apostrophes both work.
TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"  # U.S.
    r"|\d+(?:[.,]\d+)*"  # 4.5, 1,000
    r"|[^\W\d_][^\W_]*(?:-[^\W_]+)*(?:['’][^\W\d_]+)?"  # G7, Shahed-136, Iran's
    r"|[^\w\s]"  # , . -
)

# A trailing possessive, stripped before counting: "Iran's" -> "iran", "allies'" -> "allies".
POSSESSIVE_RE = re.compile(r"['’]s?$")

# A sentence that names Iran: "Iran", "Iran's", "Iranian", "Iranians", "Iranian-made", "Tehran".
IRAN_RE = re.compile(r"\b(?:Iran(?:ians?)?|Tehran)\b", re.IGNORECASE)

# Framing words, one regular expression per frame, all case-insensitive.
# accused: "accuse", "accused", "accuses", "accusing", "accusation(s)", "allege(s)",
#          "alleging", "claim(s|ed|ing) against"
ACCUSED_RE = re.compile(
    r"\b(?:accus(?:e|es|ed|ing|ations?)|alleg(?:e|es|ing)|claim(?:s|ed|ing)?\s+against)\b",
    re.IGNORECASE,
)
# denied: "deny", "denies", "denied", "denying", "denial(s)", "reject(s|ed|ing)", "rejection"
DENIED_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|reject(?:s|ed|ing|ion)?)\b", re.IGNORECASE
)
# confirmed: "confirm(s|ed|ing)", "confirmation", "acknowledge(s|d)", "acknowledging",
#            "acknowledg(e)ment", "admit(s)", "admitted", "admitting"
CONFIRMED_RE = re.compile(
    r"\b(?:confirm(?:s|ed|ing|ation)?|acknowledg(?:e|es|ed|ing|e?ment)|admit(?:s|ted|ting)?)\b",
    re.IGNORECASE,
)
# alleged (hedged by the outlet): "alleged", "allegedly", "reported", "reportedly"
ALLEGED_RE = re.compile(r"\b(?:alleged(?:ly)?|reported(?:ly)?)\b", re.IGNORECASE)

FRAMES: dict[str, re.Pattern[str]] = {
    "accused": ACCUSED_RE,
    "denied": DENIED_RE,
    "confirmed": CONFIRMED_RE,
    "alleged": ALLEGED_RE,
}

# VADER's usual cut-offs on the compound score.
POSITIVE_AT = 0.05
NEGATIVE_AT = -0.05

SENTENCE_COLUMNS = ("article_id", "sentence_id", "text")
ARTICLE_COLUMNS = ("article_id", "outlet")

_TOKENIZER = RegexpTokenizer(TOKEN_PATTERN)
_STEMMER = PorterStemmer()


# --------------------------------------------------------------------------- words


@cache
def stopwords() -> frozenset[str]:
    """Return the project's own English stopword list (function words only, lower case).

    >>> "the" in stopwords(), "million" in stopwords()
    (True, False)
    """
    text = resources.files("helpers").joinpath(STOPWORDS_RESOURCE).read_text(encoding="utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word, number and punctuation tokens, keeping their surface form."""
    return _TOKENIZER.tokenize(text)


def normalise(token: str) -> str:
    """Lower-case a token, map a curly apostrophe to a straight one, drop a possessive.

    >>> normalise("Iran’s"), normalise("Drones"), normalise("don't")
    ('iran', 'drones', "don't")
    """
    token = token.lower().replace("’", "'")
    return POSSESSIVE_RE.sub("", token) if is_word(token) else token


def is_word(token: str) -> bool:
    """True when ``token`` holds a letter (so numbers and punctuation are not words)."""
    return any(ch.isalpha() for ch in token)


def is_content_word(token: str) -> bool:
    """True for a normalised word that is not on the stopword list."""
    return is_word(token) and token not in stopwords()


def matches_keyword(token: str, keyword: str) -> bool:
    """True when ``token`` is an inflection of ``keyword``, alone or inside a hyphenated word.

    Both are stemmed with NLTK's Porter stemmer, so "drones" and "drone-manufacturing" match
    "drone", "Iran's" matches "Iran", but "Iranian" does not.

    >>> matches_keyword("drones", "drone"), matches_keyword("Iranian", "Iran")
    (True, False)
    """
    target = _stem(normalise(keyword))
    parts = normalise(token).split("-")
    return any(_stem(part) == target for part in parts if part)


@cache
def _stem(word: str) -> str:
    return _STEMMER.stem(word)


def _clauses(tokens: Iterable[str]) -> list[list[str]]:
    """Split normalised tokens at punctuation, so that no bigram spans a comma or full stop."""
    chunks: list[list[str]] = [[]]
    for token in tokens:
        if is_word(token) or token[:1].isdigit():
            chunks[-1].append(token)
        elif chunks[-1]:
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


# --------------------------------------------------------------------------- frames in


def with_outlet(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return the sentences of usable articles with ``outlet`` and ``published`` added.

    Articles whose ``status`` is not ``ok`` are left out; an empty outlet becomes "unknown".
    Rows come in corpus order: by publication date (undated last), article id, sentence id.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    require_columns(articles, ARTICLE_COLUMNS, "articles")
    meta = articles.copy()
    if "status" in meta.columns:
        meta = meta[meta["status"].fillna("ok") == "ok"]
    if "published" not in meta.columns:
        meta["published"] = ""
    meta = meta[["article_id", "outlet", "published"]].copy()
    meta["outlet"] = meta["outlet"].fillna("").astype(str).str.strip().replace("", "unknown")
    meta["published"] = meta["published"].fillna("").astype(str)
    merged = sentences.merge(meta, on="article_id", how="inner")
    merged["_undated"] = merged["published"] == ""
    order = ["_undated", "published", "article_id", "sentence_id"]
    merged = merged.sort_values(order, kind="mergesort").drop(columns="_undated")
    return merged.reset_index(drop=True)


# --------------------------------------------------------------------------- frequencies


def word_frequencies(
    sentences: pd.DataFrame, articles: pd.DataFrame, top_n: int = 0
) -> pd.DataFrame:
    """Count content words per outlet (stopwords, numbers and punctuation left out).

    Returns ``outlet, rank, word, count, share`` where ``share`` is the count over all
    content words of that outlet; ``top_n`` > 0 keeps that many words per outlet (ties
    broken alphabetically, so the cut is stable).
    """
    rows = []
    for outlet, group in with_outlet(sentences, articles).groupby("outlet", sort=True):
        fd = FreqDist(
            w
            for text in group["text"]
            for w in map(normalise, tokenize(text))
            if is_content_word(w)
        )
        rows += _ranked(outlet, fd, "word", top_n)
    return pd.DataFrame(rows, columns=["outlet", "rank", "word", "count", "share"])


def bigram_frequencies(
    sentences: pd.DataFrame, articles: pd.DataFrame, top_n: int = 0
) -> pd.DataFrame:
    """Count adjacent word pairs per outlet in which neither word is a stopword.

    Pairs never cross punctuation or a sentence end. Returns ``outlet, rank, bigram, count,
    share`` (share of all such pairs of the outlet); ``top_n`` as in :func:`word_frequencies`.
    """
    rows = []
    for outlet, group in with_outlet(sentences, articles).groupby("outlet", sort=True):
        fd: FreqDist = FreqDist()
        for text in group["text"]:
            for clause in _clauses(map(normalise, tokenize(text))):
                for w1, w2 in zip(clause, clause[1:], strict=False):
                    if is_content_word(w1) and is_content_word(w2):
                        fd[f"{w1} {w2}"] += 1
        rows += _ranked(outlet, fd, "bigram", top_n)
    return pd.DataFrame(rows, columns=["outlet", "rank", "bigram", "count", "share"])


def _ranked(outlet: str, fd: FreqDist, key: str, top_n: int) -> list[dict]:
    total = fd.N()
    ordered = sorted(fd.items(), key=lambda item: (-item[1], item[0]))
    if top_n > 0:
        ordered = ordered[:top_n]
    return [
        {"outlet": outlet, "rank": i, key: item, "count": n, "share": n / total}
        for i, (item, n) in enumerate(ordered, start=1)
    ]


# --------------------------------------------------------------------------- collocations


def collocations(
    sentences: pd.DataFrame, keywords: Sequence[str], min_count: int = 2
) -> pd.DataFrame:
    """Find the word pairs around each keyword that occur together more than chance (PMI).

    Uses NLTK's ``BigramCollocationFinder`` over every sentence (split at punctuation),
    drops pairs with a stopword or seen fewer than ``min_count`` times, and keeps the pairs
    in which one word is an inflection of the keyword. Returns ``keyword, bigram, w1, w2,
    count, pmi`` sorted by keyword, then PMI (highest first). A keyword with no pair gives
    no rows and a warning.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    documents = [
        clause
        for text in sentences["text"]
        for clause in _clauses(map(normalise, tokenize(str(text))))
    ]
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_word_filter(lambda w: not is_content_word(w))
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(BigramAssocMeasures.pmi)
    rows = []
    for keyword in keywords:
        found = [
            (pair, score)
            for pair, score in scored
            if matches_keyword(pair[0], keyword) or matches_keyword(pair[1], keyword)
        ]
        if not found:
            warnings.warn(
                f"collocations: no pair with {keyword!r} occurs {min_count}+ times",
                stacklevel=2,
            )
        rows += [
            {
                "keyword": keyword,
                "bigram": " ".join(pair),
                "w1": pair[0],
                "w2": pair[1],
                "count": finder.ngram_fd[pair],
                "pmi": score,
            }
            for pair, score in found
        ]
    frame = pd.DataFrame(rows, columns=["keyword", "bigram", "w1", "w2", "count", "pmi"])
    frame["_order"] = frame["keyword"].map({k: i for i, k in enumerate(keywords)})
    frame = frame.sort_values(["_order", "pmi", "bigram"], ascending=[True, False, True])
    return frame.drop(columns="_order").reset_index(drop=True)


# --------------------------------------------------------------------------- concordance


def concordance(sentences: pd.DataFrame, keyword: str, width: int = 50) -> pd.DataFrame:
    """Return every occurrence of ``keyword`` (or an inflection of it) with its context.

    One row per hit: ``article_id, sentence_id, left, keyword, right, start, end``, where
    ``keyword`` is the word as written, ``left``/``right`` are up to ``width`` characters of
    the same sentence on either side, and ``start``/``end`` locate the word in the sentence
    text (added to the sentence's own ``start`` when the frame has one, so they point into
    the clean article text). No hit gives no rows and a warning.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    rows = []
    for record in sentences.itertuples(index=False):
        text = str(record.text)
        offset = int(getattr(record, "start", 0) or 0)
        for start, end in _TOKENIZER.span_tokenize(text):
            word = text[start:end]
            if is_word(word) and matches_keyword(word, keyword):
                rows.append(
                    {
                        "article_id": record.article_id,
                        "sentence_id": int(record.sentence_id),
                        "query": keyword,
                        "left": _left_context(text, start, width),
                        "keyword": word,
                        "right": _right_context(text, end, width),
                        "start": offset + start,
                        "end": offset + end,
                    }
                )
    columns = ["query", "article_id", "sentence_id", "left", "keyword", "right", "start", "end"]
    if not rows:
        warnings.warn(f"concordance: {keyword!r} does not occur in the sentences", stacklevel=2)
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def _left_context(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut back to a whole word."""
    left = text[max(0, start - width) : start]
    if start > width and " " in left:
        left = left.split(" ", 1)[1]
    return left.strip()


def _right_context(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters after ``end``, cut back to a whole word."""
    right = text[end : end + width]
    if end + width < len(text) and " " in right.strip():
        right = right.rsplit(" ", 1)[0]
    return right.strip()


# --------------------------------------------------------------------------- dispersion


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
    hits, spans = [], []
    position = 0
    for article_id, group in corpus.groupby("article_id", sort=False):
        first = position
        for record in group.itertuples(index=False):
            for word in filter(is_word, tokenize(str(record.text))):
                for keyword in keywords:
                    if matches_keyword(word, keyword):
                        hits.append(
                            {
                                "keyword": keyword,
                                "word_offset": position,
                                "article_id": article_id,
                                "outlet": record.outlet,
                                "published": record.published,
                                "sentence_id": int(record.sentence_id),
                                "word": word,
                            }
                        )
                position += 1
        meta = group.iloc[0]
        spans.append(
            {
                "article_id": article_id,
                "outlet": meta["outlet"],
                "published": meta["published"],
                "first_word": first,
                "n_words": position - first,
            }
        )
    hit_columns = ["keyword", "word_offset", "article_id", "outlet", "published"]
    hit_columns += ["sentence_id", "word"]
    hits_frame = pd.DataFrame(hits, columns=hit_columns)
    hits_frame = hits_frame.sort_values(["word_offset", "keyword"], kind="mergesort")
    span_columns = ["article_id", "outlet", "published", "first_word", "n_words"]
    return hits_frame.reset_index(drop=True), pd.DataFrame(spans, columns=span_columns)


def plot_dispersion(hits: pd.DataFrame, spans: pd.DataFrame, keywords: Sequence[str]) -> plt.Figure:
    """Draw a lexical dispersion plot: one row per keyword, a tick at each hit.

    Dotted lines mark where each article starts, labelled with its outlet and date. Call
    ``helpers.charts.set_house_style()`` first for the house look.
    """
    fig, ax = plt.subplots(figsize=(9.0, 1.2 + 0.6 * max(1, len(keywords))))
    for row, keyword in enumerate(keywords):
        offsets = hits.loc[hits["keyword"] == keyword, "word_offset"]
        ax.plot(offsets, [row] * len(offsets), "|", markersize=14, color=f"C{row % 10}")
    for span in spans.itertuples(index=False):
        ax.axvline(span.first_word, color="0.6", linestyle=":", linewidth=1)
        label = f"{_shorten(span.outlet)} {span.published}".strip()
        ax.text(span.first_word, len(keywords) - 0.4, label, rotation=30, fontsize=7, va="bottom")
    ax.set_yticks(range(len(keywords)), list(keywords))
    ax.set_ylim(-0.6, len(keywords) - 0.4)
    end = int((spans["first_word"] + spans["n_words"]).max()) if len(spans) else 1
    ax.set_xlim(0, max(end, 1))
    ax.set_xlabel("word position in the corpus (articles in publication order)")
    ax.grid(visible=False)
    return fig


def _shorten(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- framing


def mentions_iran(text: str) -> bool:
    """True when the text names Iran, Iranians or Tehran."""
    return bool(IRAN_RE.search(text))


def iran_framing(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """List the sentences that name Iran together with a framing word, one row per frame.

    Frames: ``accused`` (accuse, allege, claim against), ``denied`` (deny, reject),
    ``confirmed`` (confirm, acknowledge, admit), ``alleged`` (allegedly, reportedly,
    reported). A sentence with two frames gives two rows. Returns ``outlet, article_id,
    sentence_id, frame, cue, text`` where ``cue`` is the framing word as written.
    """
    rows = []
    for record in with_outlet(sentences, articles).itertuples(index=False):
        text = str(record.text)
        if not mentions_iran(text):
            continue
        for frame, pattern in FRAMES.items():
            match = pattern.search(text)
            if match:
                rows.append(
                    {
                        "outlet": record.outlet,
                        "article_id": record.article_id,
                        "sentence_id": int(record.sentence_id),
                        "frame": frame,
                        "cue": match.group(0),
                        "text": text,
                    }
                )
    columns = ["outlet", "article_id", "sentence_id", "frame", "cue", "text"]
    return pd.DataFrame(rows, columns=columns)


def framing_by_outlet(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Count, per outlet, the Iran sentences in each frame and their share of Iran sentences.

    Returns ``outlet, frame, n_sentences, n_iran_sentences, share`` with every frame listed
    for every outlet (zeros included), in the frame order of :data:`FRAMES`; ``share`` is
    NaN for an outlet with no Iran sentence.
    """
    corpus = with_outlet(sentences, articles)
    iran_counts = corpus[corpus["text"].astype(str).map(mentions_iran)].groupby("outlet").size()
    framed = iran_framing(sentences, articles).groupby(["outlet", "frame"]).size()
    rows = []
    for outlet in sorted(corpus["outlet"].unique()):
        n_iran = int(iran_counts.get(outlet, 0))
        for frame in FRAMES:
            n = int(framed.get((outlet, frame), 0))
            share = n / n_iran if n_iran else float("nan")
            rows.append(
                {
                    "outlet": outlet,
                    "frame": frame,
                    "n_sentences": n,
                    "n_iran_sentences": n_iran,
                    "share": share,
                }
            )
    return pd.DataFrame(
        rows, columns=["outlet", "frame", "n_sentences", "n_iran_sentences", "share"]
    )


# --------------------------------------------------------------------------- sentiment


def vader_lexicon_dir() -> Path:
    """Return the folder of the ``vaderSentiment`` package, which ships ``vader_lexicon.txt``."""
    spec = resources.files("vaderSentiment")
    return Path(str(spec))


@cache
def vader() -> SentimentIntensityAnalyzer:
    """Return NLTK's VADER analyser reading its lexicon from the ``vaderSentiment`` package.

    NLTK loads the lexicon through ``nltk.data``, which accepts only paths relative to a
    folder on ``nltk.data.path``; so the package folder is put first on that path and the
    lexicon named by its bare file name. No NLTK data download is needed.
    """
    folder = str(vader_lexicon_dir())
    if not (Path(folder) / VADER_LEXICON).is_file():
        raise FileNotFoundError(f"vaderSentiment ships no {VADER_LEXICON} in {folder}")
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    return SentimentIntensityAnalyzer(lexicon_file=VADER_LEXICON)


def sentence_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """Score each sentence with VADER.

    Returns ``article_id, sentence_id, neg, neu, pos, compound, mentions_iran, text``;
    ``compound`` runs from -1 (most negative) to +1 (most positive).
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    analyser = vader()
    rows = []
    for record in sentences.itertuples(index=False):
        text = str(record.text)
        scores = analyser.polarity_scores(text)
        rows.append(
            {
                "article_id": record.article_id,
                "sentence_id": int(record.sentence_id),
                **{k: scores[k] for k in ("neg", "neu", "pos", "compound")},
                "mentions_iran": mentions_iran(text),
                "text": text,
            }
        )
    columns = ["article_id", "sentence_id", "neg", "neu", "pos", "compound", "mentions_iran"]
    frame = pd.DataFrame(rows, columns=[*columns, "text"])
    return frame.sort_values(["article_id", "sentence_id"], kind="mergesort").reset_index(drop=True)


def sentiment_by_outlet(scores: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Summarise sentence scores per outlet, for all sentences and for those naming Iran.

    ``scores`` is the output of :func:`sentence_sentiment`. Returns ``outlet, subset
    (all / iran), n_sentences, mean_compound, share_negative, share_neutral,
    share_positive``, using VADER's usual cut-offs of +-0.05 on the compound score. An
    outlet with no Iran sentence gets NaN means on its ``iran`` row.
    """
    corpus = with_outlet(scores, articles)
    rows = []
    for outlet, group in corpus.groupby("outlet", sort=True):
        for subset, part in (("all", group), ("iran", group[group["mentions_iran"]])):
            compound = part["compound"].astype(float)  # empty subset: the means are NaN
            rows.append(
                {
                    "outlet": outlet,
                    "subset": subset,
                    "n_sentences": len(part),
                    "mean_compound": compound.mean(),
                    "share_negative": (compound <= NEGATIVE_AT).mean(),
                    "share_neutral": compound.between(NEGATIVE_AT, POSITIVE_AT, "neither").mean(),
                    "share_positive": (compound >= POSITIVE_AT).mean(),
                }
            )
    columns = ["outlet", "subset", "n_sentences", "mean_compound"]
    columns += ["share_negative", "share_neutral", "share_positive"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- charts


def plot_top_terms(frame: pd.DataFrame, term: str = "word", top_n: int = 10) -> plt.Figure:
    """Draw one horizontal bar panel per outlet with its ``top_n`` most frequent terms.

    ``frame`` is the output of :func:`word_frequencies` (``term="word"``) or
    :func:`bigram_frequencies` (``term="bigram"``).
    """
    outlets = sorted(frame["outlet"].unique())
    ncols = min(3, max(1, len(outlets)))
    nrows = -(-len(outlets) // ncols) if outlets else 1
    height = max(2.5, 0.22 * top_n + 1.0)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.0 * ncols, height * nrows), squeeze=False)
    for ax in axes.flat[len(outlets) :]:
        ax.set_visible(False)
    for ax, outlet in zip(axes.flat, outlets, strict=False):
        top = frame[(frame["outlet"] == outlet) & (frame["rank"] <= top_n)]
        ax.barh(top[term], top["count"], color="C0")
        ax.invert_yaxis()
        ax.set_title(_shorten(outlet, 34), fontsize=10)
        ax.set_xlabel("count")
        ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    return fig


def plot_framing(summary: pd.DataFrame) -> plt.Figure:
    """Draw, per outlet, the share of its Iran sentences in each frame (grouped bars)."""
    table = summary.pivot(index="outlet", columns="frame", values="share")
    table = table.reindex(columns=list(FRAMES)).fillna(0.0)
    n_iran = summary.groupby("outlet")["n_iran_sentences"].first()
    table.index = [f"{outlet} (n={n_iran[outlet]})" for outlet in table.index]
    fig, ax = plt.subplots(figsize=(8.0, 0.6 * len(table) + 1.5))
    table.plot.barh(ax=ax, width=0.8)
    ax.invert_yaxis()
    ax.set_xlabel("share of the outlet's sentences that name Iran")
    ax.set_ylabel("")
    ax.legend(title="frame", loc="lower right", fontsize=8)
    return fig


def plot_sentiment(summary: pd.DataFrame) -> plt.Figure:
    """Draw the mean VADER compound score per outlet, all sentences beside Iran sentences."""
    table = summary.pivot(index="outlet", columns="subset", values="mean_compound")
    table = table.reindex(columns=["all", "iran"])
    table.columns = ["all sentences", "sentences naming Iran"]
    fig, ax = plt.subplots(figsize=(8.0, 0.6 * len(table) + 1.5))
    table.plot.barh(ax=ax, width=0.8)
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", linewidth=1)
    ax.set_xlabel("mean VADER compound score (-1 negative, +1 positive)")
    ax.set_ylabel("")
    ax.legend(loc="lower left", fontsize=8)
    return fig
