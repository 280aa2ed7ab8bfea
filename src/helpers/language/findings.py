"""One sentence per finding of notebook 05, computed from its tables, and a plain sentence when
a table is empty (no keyword in the corpus, no sentence naming the target, no sentiment asked)
instead of an error.
"""

from __future__ import annotations

import pandas as pd

MAX_LISTED = 6  # outlets named in one finding; the tables hold the rest


def _listing(items: list[str]) -> str:
    more = len(items) - MAX_LISTED
    return "; ".join(items[:MAX_LISTED]) + (f"; and {more} more outlets" if more > 0 else "")


def word_finding(words: pd.DataFrame) -> str:
    """The most frequent content word of each outlet."""
    top = words[words["rank"] == 1] if len(words) else words
    if top.empty:
        return "The corpus has no content words to count."
    pairs = [f"{o}: {w}" for o, w in zip(top["outlet"], top["word"], strict=True)]
    return "Most frequent content word per outlet: " + _listing(pairs) + "."


def collocation_finding(colloc: pd.DataFrame, keywords: list[str]) -> str:
    """The strongest collocation (highest PMI) of each keyword, and the keywords with none."""
    if not keywords:
        return "No keywords were read in context."
    found = colloc.drop_duplicates("keyword") if len(colloc) else colloc
    pairs = [f"{k}: {b!r}" for k, b in zip(found.get("keyword", []), found.get("bigram", []),
                                            strict=True)]  # fmt: skip
    missing = [k for k in keywords if k not in set(found.get("keyword", []))]
    sentence = ("Strongest collocation per keyword: " + "; ".join(pairs) + ".") if pairs else ""
    if missing:
        sentence += f" No pair seen twice with: {', '.join(missing)}."
    return sentence.strip()


def keyword_finding(kwic: pd.DataFrame, keywords: list[str]) -> str:
    """How often each keyword occurs, and in how many articles."""
    if not keywords:
        return "No keywords were read in context."
    parts = []
    for keyword in keywords:
        hits = kwic[kwic["query"] == keyword] if len(kwic) else kwic
        parts.append(f"{keyword}: {len(hits)} times in {hits['article_id'].nunique()} articles"
                     if len(hits) else f"{keyword}: never")  # fmt: skip
    return "Keywords in the corpus: " + "; ".join(parts) + "."


def framing_finding(summary: pd.DataFrame | None, target: str) -> str:
    """For each outlet whose sentences name the target, its most frequent frame(s)."""
    if summary is None:
        return "The study names no framing target, so no framing was counted."
    framed = summary[summary["n_sentences"] > 0]
    if framed.empty:
        named = int(summary.drop_duplicates("outlet")["n_target_sentences"].sum())
        return (f"{named} sentences name {target}, none with a framing word."
                if named else f"No sentence names {target}.")  # fmt: skip
    most = framed[framed["n_sentences"] == framed.groupby("outlet")["n_sentences"].transform("max")]
    parts = [
        f"{outlet} most often {' and '.join(rows['frame'])} ({rows['share'].iloc[0]:.0%} of its "
        f"{int(rows['n_target_sentences'].iloc[0])} sentences naming {target})"
        for outlet, rows in most.groupby("outlet", sort=True)
    ]
    return "Framing: " + _listing(parts) + "."


def sentiment_finding(summary: pd.DataFrame | None, target: str = "") -> str:
    """The outlet with the most negative mean wording, about the target when sentences name
    it, else over all its sentences."""
    if summary is None:
        return "No sentence was scored for sentiment (see the sentiment section for why)."
    for subset, about in (("target", f"about {target}"), ("all", "over all its sentences")):
        rows = summary[(summary["subset"] == subset) & (summary["n_sentences"] > 0)]
        if subset == "target" and not target:
            continue
        if len(rows):
            gloomiest = rows.sort_values(["mean_compound", "outlet"], kind="mergesort").iloc[0]
            return (
                f"Most negative wording {about}: {gloomiest['outlet']} (mean compound "
                f"{gloomiest['mean_compound']:+.2f} over {gloomiest['n_sentences']} sentences)."
            )
    return "No sentence was scored."


def sentiment_note(scope: str, target: str, scores: pd.DataFrame | None) -> str:
    """Which sentences VADER scored, for the notebook to say before the scores: all, those
    naming the framing ``target``, or none (asked, or no target to name)."""
    if scope == "none":
        return "Sentiment was not scored (the notebook's sentiment parameter is none)."
    if scope == "target" and not target:
        return (
            "The study names no framing target, so no sentence was scored; set the sentiment "
            "parameter to all to score every sentence."
        )
    n = 0 if scores is None else len(scores)
    if scope == "target":
        return (
            f"Only the {n:,} sentences naming {target} were scored (set the sentiment "
            "parameter to all to score every sentence)."
        )
    return f"Every sentence was scored: {n:,} in all."


def sentiment_caption(scope: str, target: str) -> str:
    """The caption of the sentiment chart for the sentences scored (``scope`` all or target)."""
    which = "all sentences" if scope == "all" else ""
    if target:
        which += (" and " if which else "") + f"the sentences naming {target}"
    return f"Mean VADER compound score per outlet, {which}: vocabulary, not opinion."
