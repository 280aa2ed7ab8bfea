"""The claims table (claims.csv) and the table of every attribution."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields as dataclass_fields

import pandas as pd

from helpers.claims.extract import _same_outlet, attribute_figures
from helpers.claims.labels import CLAIM_COLUMNS
from helpers.claims.resolve import attribute_sentences
from helpers.figures import Figure, figures_table
from helpers.io import require_columns


def claims_table(
    articles: pd.DataFrame, sentences: pd.DataFrame, clean_texts: Mapping[str, str]
) -> pd.DataFrame:
    """Build the ``claims.csv`` frame: the figures.csv columns plus the claim fields.

    ``articles`` is articles.csv (``article_id``, ``status``, ``outlet``, ``published``),
    ``sentences`` is sentences.csv and ``clean_texts`` maps article ids to clean texts. The
    figures are those of :func:`helpers.figures.figures_table`; refused articles and articles
    without a clean text are skipped. Rows are sorted by article_id and start; ``hedges`` is
    ";"-joined.
    """
    require_columns(articles, ("article_id", "outlet", "published"), "articles")
    require_columns(
        sentences, ("article_id", "post", "sentence_id", "start", "end", "text"), "sentences"
    )
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    keep = [
        a for a in sorted(clean_texts)
        if a in meta.index and _text(meta.at[a, "status"] if "status" in meta else "ok") == "ok"
    ]  # fmt: skip
    missing = sorted(set(clean_texts) - set(meta.index))
    if missing:
        raise KeyError(f"articles {missing} have a clean text but no row in the articles frame")
    own = sentences.loc[sentences["article_id"].isin(keep)].sort_values(
        ["article_id", "start"], kind="mergesort"
    )
    figures = figures_table(own)
    names = [f.name for f in dataclass_fields(Figure)]
    parts: list[pd.DataFrame] = []
    for article_id in keep:
        rows = figures.loc[figures["article_id"] == article_id]
        spans = own.loc[own["article_id"] == article_id, ["start", "end"]]
        spans = [(int(a), int(b)) for a, b in spans.itertuples(index=False)]
        found = [Figure(**{n: row[n] for n in names}) for _, row in rows.iterrows()]
        outlet = _text(meta.at[article_id, "outlet"])
        claims = attribute_figures(clean_texts[article_id], spans, found, outlet)
        fields_ = pd.DataFrame(
            [
                {
                    "source": c.source,
                    "source_canonical": c.source_canonical,
                    "source_type": c.source_type,
                    "via": c.via,
                    "cue": c.cue,
                    "hedges": ";".join(c.hedges),
                    "stance": c.stance,
                    "topic": c.topic,
                    "event": c.event,
                }
                for c in claims
            ],
            columns=list(CLAIM_COLUMNS),
            index=rows.index,
        )
        fields_["outlet"] = outlet
        fields_["published"] = _text(meta.at[article_id, "published"])
        parts.append(pd.concat([rows, fields_], axis=1))
    columns = [*figures.columns, *CLAIM_COLUMNS, "outlet", "published"]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)[columns]
    return table.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


# --------------------------------------------------------------------------------------------
# Every attribution, with or without a figure
# --------------------------------------------------------------------------------------------


def attributions_table(
    articles: pd.DataFrame, sentences: pd.DataFrame, clean_texts: Mapping[str, str]
) -> pd.DataFrame:
    """List every reporting frame of every article, whether or not it carries a figure.

    One row per frame: ``article_id, outlet, sentence_id, start, end, source,
    source_canonical, source_type, via, cue, sentence_text``; "who is quoted" counts these.
    """
    require_columns(articles, ("article_id", "outlet"), "articles")
    require_columns(sentences, ("article_id", "sentence_id", "start", "end"), "sentences")
    outlets = dict(zip(articles["article_id"], articles["outlet"].map(_text), strict=True))
    rows: list[dict[str, object]] = []
    for article_id, text in sorted(clean_texts.items()):
        own = sentences.loc[sentences["article_id"] == article_id].sort_values("start")
        spans = [(int(a), int(b)) for a, b in zip(own["start"], own["end"], strict=True)]
        ids = dict(zip(own["start"].astype(int), own["sentence_id"].astype(int), strict=True))
        outlet = outlets.get(article_id, "")
        for sentence in attribute_sentences(text, spans):
            for frame in sentence.frames:
                via = "" if _same_outlet(frame.via, outlet) else frame.via
                rows.append(
                    {
                        "article_id": article_id,
                        "outlet": outlet,
                        "sentence_id": ids[sentence.start],
                        "start": frame.start,
                        "end": frame.end,
                        "source": frame.speaker.phrase,
                        "source_canonical": frame.speaker.canonical,
                        "source_type": frame.speaker.source_type,
                        "via": via,
                        "cue": frame.cue,
                        "sentence_text": text[sentence.start : sentence.end],
                    }
                )
    columns = ["article_id", "outlet", "sentence_id", "start", "end", "source",
               "source_canonical", "source_type", "via", "cue", "sentence_text"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
