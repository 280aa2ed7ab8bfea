"""How negative the wording sounds: VADER sentence scores, and their summary per outlet.

VADER is NLTK's ``SentimentIntensityAnalyzer``, with the lexicon that the ``vaderSentiment``
pip package ships (no NLTK data download), imported when a sentence is first scored (importing
NLTK loads scipy, a second or more that a kernel scoring nothing need not pay). Scoring is the
one step that reads sentence by sentence, so it reads each distinct sentence once, and a
notebook can score only the sentences that name the study's framing target
(``scope="target"``), all of them, or none (:data:`SCOPES`); the tables around it are built
with pandas.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from helpers.io import require_columns
from helpers.language.framing import pattern_matches
from helpers.language.words import SENTENCE_COLUMNS, with_outlet

VADER_LEXICON = "vader_lexicon.txt"  # file name inside the vaderSentiment package folder
# VADER's usual cut-offs on the compound score.
POSITIVE_AT = 0.05
NEGATIVE_AT = -0.05
SCORE_COLUMNS = ["article_id", "sentence_id", "neg", "neu", "pos", "compound", "names_target"]
SUMMARY_COLUMNS = [
    "outlet", "subset", "n_sentences", "mean_compound", "share_negative", "share_neutral",
    "share_positive",
]  # fmt: skip
SUBSETS = ("all", "target")  # every sentence; the sentences naming the framing target
# Which sentences a notebook scores: those naming the framing target (the default: the question
# of the framing section, and quick on any corpus), every sentence, or none.
SCOPES = ("target", "all", "none")


def vader_lexicon_dir() -> Path:
    """Return the folder of the ``vaderSentiment`` package, which ships ``vader_lexicon.txt``."""
    return Path(str(resources.files("vaderSentiment")))


@cache
def vader():
    """Return NLTK's VADER analyser reading its lexicon from the ``vaderSentiment`` package.

    NLTK loads the lexicon through ``nltk.data``, which accepts only paths relative to a
    folder on ``nltk.data.path``; so the package folder is put first on that path and the
    lexicon named by its bare file name. No NLTK data download is needed.
    """
    import nltk.data  # late: see the module's docstring
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = str(vader_lexicon_dir())
    if not (Path(folder) / VADER_LEXICON).is_file():
        raise FileNotFoundError(f"vaderSentiment ships no {VADER_LEXICON} in {folder}")
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    return SentimentIntensityAnalyzer(lexicon_file=VADER_LEXICON)


def sentence_sentiment(
    sentences: pd.DataFrame, target: re.Pattern[str] | None = None, scope: str = "all"
) -> pd.DataFrame:
    """Score sentences with VADER, each distinct sentence text once.

    Returns ``article_id, sentence_id, neg, neu, pos, compound, names_target, text``;
    ``compound`` runs from -1 (most negative) to +1 (most positive); ``names_target`` is
    True for a sentence that ``target`` (a study's framing pattern) finds, False for all when
    there is none. ``scope`` (:data:`SCOPES`) says which sentences are scored: ``"all"``,
    ``"target"`` (only those naming the target: none without a target) or ``"none"``.
    """
    if scope not in SCOPES:
        raise ValueError(f"sentiment scope {scope!r} is not one of {', '.join(SCOPES)}")
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    texts = sentences["text"].fillna("").astype(str)
    named = pattern_matches(texts, target) if target is not None else pd.Series(False, texts.index)
    keep = {"all": pd.Series(True, texts.index), "target": named, "none": named & False}[scope]
    texts, named = texts[keep], named[keep]
    analyser = vader()
    distinct = pd.unique(texts.to_numpy())  # a wire story's sentence is scored once
    scored = pd.DataFrame.from_records(
        [analyser.polarity_scores(text) for text in distinct],
        columns=["neg", "neu", "pos", "compound"], index=pd.Index(distinct, dtype=object),
    )  # fmt: skip
    scores = scored.reindex(pd.Index(texts.to_numpy(), dtype=object))
    scores.index = texts.index
    frame = pd.concat([sentences.loc[keep, ["article_id", "sentence_id"]], scores], axis=1)
    frame["sentence_id"] = frame["sentence_id"].astype(int)
    frame["names_target"] = named.astype(bool)
    frame["text"] = texts
    frame = frame.sort_values(["article_id", "sentence_id"], kind="mergesort")
    return frame[[*SCORE_COLUMNS, "text"]].reset_index(drop=True)


def sentiment_by_outlet(
    scores: pd.DataFrame, articles: pd.DataFrame, subsets: tuple[str, ...] = SUBSETS
) -> pd.DataFrame:
    """Summarise sentence scores per outlet, for all sentences and for those naming the target.

    ``scores`` is the output of :func:`sentence_sentiment`; ``subsets`` the summaries wanted
    (``("target",)`` when only the sentences naming the target were scored). Returns
    ``outlet, subset (all / target), n_sentences, mean_compound, share_negative,
    share_neutral, share_positive``, using VADER's usual cut-offs of +-0.05 on the compound
    score. An outlet with no sentence naming the target gets NaN means on its ``target`` row.
    """
    corpus = with_outlet(scores, articles)
    compound = corpus["compound"].astype(float)
    corpus = corpus.assign(
        negative=compound <= NEGATIVE_AT,
        neutral=compound.between(NEGATIVE_AT, POSITIVE_AT, "neither"),
        positive=compound >= POSITIVE_AT,
    )
    parts = []
    for subset, part in (("all", corpus), ("target", corpus[corpus["names_target"].astype(bool)])):
        if subset not in subsets:
            continue
        summary = part.groupby("outlet").agg(
            n_sentences=("compound", "size"), mean_compound=("compound", "mean"),
            share_negative=("negative", "mean"), share_neutral=("neutral", "mean"),
            share_positive=("positive", "mean"),
        )  # fmt: skip
        summary = summary.reindex(sorted(corpus["outlet"].unique()))
        summary["n_sentences"] = summary["n_sentences"].fillna(0).astype(int)
        parts.append(summary.assign(subset=subset).reset_index())
    if not parts:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    table = table.sort_values(["outlet", "subset"], kind="mergesort")
    return table[SUMMARY_COLUMNS].reset_index(drop=True)
