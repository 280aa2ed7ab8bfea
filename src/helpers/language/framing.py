"""How outlets frame one party: the sentences that name a study's framing target, read for the
cue words of each of its frames (for example accused, denied, confirmed, alleged).

The target, its pattern and the frames come from the study file (``framing:``, read into a
:class:`helpers.study.Framing`); a study without one has no framing to count, and the functions
here are then not called. Matching is done with pandas string methods over all sentences.
"""

from __future__ import annotations

import pandas as pd

from helpers.language.words import with_outlet

FRAMED_COLUMNS = ["outlet", "article_id", "sentence_id", "frame", "cue", "text"]
SUMMARY_COLUMNS = ["outlet", "frame", "n_sentences", "n_target_sentences", "share"]


def names_target(texts: pd.Series, framing) -> pd.Series:
    """True for each text that names the framing target (``framing.pattern``)."""
    return texts.fillna("").astype(str).str.contains(framing.pattern)


def framed_sentences(sentences: pd.DataFrame, articles: pd.DataFrame, framing) -> pd.DataFrame:
    """The sentences that name ``framing.target`` together with a frame's cue word, one row per
    frame found: ``outlet, article_id, sentence_id, frame, cue, text`` (``cue`` the first cue
    word of that frame as written). A sentence with two frames gives two rows; frames come in
    the study's order."""
    corpus = with_outlet(sentences, articles)
    named = corpus[names_target(corpus["text"], framing)]
    parts = []
    for frame, pattern in framing.frames.items():
        cue = named["text"].str.extract(f"({pattern.pattern})", flags=pattern.flags)[0]
        found = named[cue.notna()].assign(frame=frame, cue=cue[cue.notna()])
        parts.append(found)
    if not parts or all(p.empty for p in parts):
        return pd.DataFrame(columns=FRAMED_COLUMNS)
    table = pd.concat(parts)
    table["_frame"] = table["frame"].map({f: i for i, f in enumerate(framing.frames)})
    table = table.sort_values(["outlet", "article_id", "sentence_id", "_frame"], kind="mergesort")
    return table[FRAMED_COLUMNS].reset_index(drop=True)


def framing_by_outlet(sentences: pd.DataFrame, articles: pd.DataFrame, framing) -> pd.DataFrame:
    """Count, per outlet, the sentences naming the target in each frame and their share of the
    outlet's sentences naming the target.

    Returns ``outlet, frame, n_sentences, n_target_sentences, share`` with every frame listed
    for every outlet (zeros included), frames in the study's order; ``share`` is NaN for an
    outlet with no sentence naming the target.
    """
    corpus = with_outlet(sentences, articles)
    outlets = sorted(corpus["outlet"].unique())
    named = corpus[names_target(corpus["text"], framing)].groupby("outlet").size()
    framed = framed_sentences(sentences, articles, framing).groupby(["outlet", "frame"]).size()
    grid = pd.MultiIndex.from_product([outlets, list(framing.frames)], names=["outlet", "frame"])
    table = framed.reindex(grid, fill_value=0).rename("n_sentences").reset_index()
    table["n_target_sentences"] = table["outlet"].map(named).fillna(0).astype(int)
    total = table["n_target_sentences"].where(table["n_target_sentences"] > 0)
    table["share"] = table["n_sentences"] / total
    return table[SUMMARY_COLUMNS]
