"""How outlets frame one party: the sentences that name a study's framing target, read for the
cue words of each of its frames (for example accused, denied, confirmed, alleged).

The target, its pattern and the frames come from the study file (``framing:``, read into a
:class:`helpers.study.Framing`); a study without one has no framing to count, and the functions
here are then not called. The target's pattern is read once over all sentences (pandas
string methods); only the sentences naming it are joined to their outlets and read for cues.
"""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.language.words import article_meta, with_outlet

# A word boundary of a pattern, \b, not an escaped backslash followed by "b".
WORD_BOUNDARY_RE = re.compile(r"(?<!\\)((?:\\\\)*)\\b")
# Classes that are Unicode in Python but ASCII in RE2, so a prefilter with them could miss.
RE2_NARROWS_RE = re.compile(r"(?<!\\)(?:\\\\)*\\[wWdDsSB]")
FRAMED_COLUMNS = ["outlet", "article_id", "sentence_id", "frame", "cue", "text"]
SUMMARY_COLUMNS = ["outlet", "frame", "n_sentences", "n_target_sentences", "share"]


def maybe_matching(texts: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """True for each text that ``pattern`` may match: a superset found in one pass of pyarrow's
    RE2 with the pattern's word boundaries dropped (fewer conditions match more), when the
    pattern is plain ASCII without character classes whose meaning RE2 narrows to ASCII
    (``\\w``, ``\\d``, ``\\s``, ``\\B``), with no flag but case, and RE2 accepts it; else
    True for every text."""
    everything = pd.Series(True, index=texts.index)
    loose = WORD_BOUNDARY_RE.sub(r"\1", pattern.pattern)
    plain_flags = pattern.flags & ~(re.IGNORECASE | re.UNICODE) == 0
    if not plain_flags or not loose.isascii() or RE2_NARROWS_RE.search(loose):
        return everything
    try:
        found = pc.match_substring_regex(
            pa.array(texts), loose,
            ignore_case=bool(pattern.flags & re.IGNORECASE),
        )  # fmt: skip
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # look-arounds, back-references
        return everything
    return pd.Series(found.to_numpy(zero_copy_only=False), index=texts.index, dtype=bool)


def pattern_matches(texts: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """True for each of ``texts`` that ``pattern`` finds (``Series.str.contains``), the pattern
    read only in the texts that :func:`maybe_matching` keeps."""
    texts = texts.fillna("").astype(str)
    found = pd.Series(False, index=texts.index)
    maybe = maybe_matching(texts, pattern)
    found[maybe] = texts[maybe].str.contains(pattern).to_numpy(dtype=bool)
    return found


def names_target(texts: pd.Series, framing) -> pd.Series:
    """True for each text that names the framing target (``framing.pattern``)."""
    return pattern_matches(texts, framing.pattern)


def _named(sentences: pd.DataFrame, articles: pd.DataFrame, framing) -> pd.DataFrame:
    """The sentences of usable articles that name the target, with their outlets, in corpus
    order: the pattern is read over the sentences first, so only those are joined and sorted."""
    named = sentences[names_target(sentences["text"], framing)]
    return with_outlet(named, articles)


def framed_sentences(
    sentences: pd.DataFrame, articles: pd.DataFrame, framing, named: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The sentences that name ``framing.target`` together with a frame's cue word, one row per
    frame found: ``outlet, article_id, sentence_id, frame, cue, text`` (``cue`` the first cue
    word of that frame as written). A sentence with two frames gives two rows; frames come in
    the study's order. ``named`` (the sentences naming the target, with outlets) saves finding
    them again."""
    named = _named(sentences, articles, framing) if named is None else named
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


def framing_by_outlet(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    framing,
    framed: pd.DataFrame | None = None,
    read: pd.Index | None = None,
) -> pd.DataFrame:
    """Count, per outlet, the sentences naming the target in each frame and their share of the
    outlet's sentences naming the target.

    Returns ``outlet, frame, n_sentences, n_target_sentences, share`` with every frame listed
    for every outlet (zeros included), frames in the study's order; ``share`` is NaN for an
    outlet with no sentence naming the target. ``framed`` (:func:`framed_sentences` of the same
    frames) saves reading the sentences for the cue words again. ``read`` (the ids of the
    articles that have sentences) lets ``sentences`` be only those that name the target: the
    outlets listed are those of the articles read.
    """
    meta = article_meta(articles)
    if read is None:
        read = sentences["article_id"].unique()  # unique: isin is per value
    outlets = sorted(meta.loc[meta["article_id"].isin(read), "outlet"].unique())
    named = _named(sentences, articles, framing)
    if framed is None:
        framed = framed_sentences(sentences, articles, framing, named)
    counted = framed.groupby(["outlet", "frame"]).size()
    grid = pd.MultiIndex.from_product([outlets, list(framing.frames)], names=["outlet", "frame"])
    table = counted.reindex(grid, fill_value=0).rename("n_sentences").reset_index()
    per_outlet = named.groupby("outlet").size()
    table["n_target_sentences"] = table["outlet"].map(per_outlet).fillna(0).astype(int)
    total = table["n_target_sentences"].where(table["n_target_sentences"] > 0)
    table["share"] = table["n_sentences"] / total
    return table[SUMMARY_COLUMNS]
