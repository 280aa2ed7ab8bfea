"""The claims table (claims.csv) and the table of every attribution, article by article.

Each article is attributed within a time budget (:func:`helpers.budget.time_limit`): an
article that takes longer, or that cannot be read, gets no rows and is listed with its reason
in ``table.attrs["refused"]`` (a list of ``{"article_id", "reason"}``), so one bad article
never hangs or stops the run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields as dataclass_fields

import pandas as pd

from helpers.budget import time_limit
from helpers.claims.actors import resolve_study
from helpers.claims.extract import attribute_figures, attribute_sentences, same_outlet
from helpers.claims.labels import ARTICLE_COLUMNS, CLAIM_COLUMNS
from helpers.figures import FIGURE_COLUMNS, Figure, figures_table
from helpers.io import require_columns
from helpers.study import Study

ARTICLE_SECONDS = 60.0  # the default time budget of one article
FIGURE_FIELDS = tuple(f.name for f in dataclass_fields(Figure))
ATTRIBUTION_COLUMNS = (
    "article_id", "outlet", "sentence_id", "start", "end", "source", "source_canonical",
    "source_type", "via", "cue", "sentence_text",
)  # fmt: skip


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` sorted by article_id and start (stably), left as it is when it already is."""
    keys = list(zip(frame["article_id"].tolist(), frame["start"].tolist(), strict=True))
    if all(a <= b for a, b in zip(keys, keys[1:], strict=False)):
        return frame
    return frame.sort_values(["article_id", "start"], kind="mergesort")


def _runs(frame: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """The rows (first, one past the last) of each article in a frame sorted by article_id,
    found once rather than filtered again for every article."""
    runs: dict[str, tuple[int, int]] = {}
    ids = frame["article_id"].tolist()
    first = 0
    for index in range(1, len(ids) + 1):
        if index == len(ids) or ids[index] != ids[first]:
            runs[str(ids[first])] = (first, index)
            first = index
    return runs


def _budgeted(article_id: str, seconds: float | None, work: Callable[[], object], refused: list):
    """Run ``work`` for one article; on a timeout or an error, note the refusal, return None."""
    try:
        with time_limit(seconds, f"attributing article {article_id}"):
            return work()
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:  # noqa: BLE001 - one article's failure must not stop the run
        refused.append({"article_id": article_id, "reason": f"{type(error).__name__}: {error}"})
        return None


def claims_table(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    clean_texts: Mapping[str, str],
    figures: pd.DataFrame | None = None,
    study: Study | None = None,
    seconds_per_article: float | None = ARTICLE_SECONDS,
) -> pd.DataFrame:
    """Build the ``claims.csv`` frame: the figure columns plus the claim fields.

    ``articles`` is articles.csv (``article_id``, ``status``, ``outlet``, ``published``),
    ``sentences`` is sentences.csv and ``clean_texts`` maps article ids to clean texts.
    ``figures`` is the figures table of notebook 02 (figures.csv); when None, the figures are
    extracted again with :func:`helpers.figures.figures_table`. Refused articles are skipped.
    Returns the figure columns + ``source, source_canonical, source_type, via, cue, hedges,
    stance, outlet, published``, sorted by article_id and start (``hedges`` ";"-joined);
    ``attrs["refused"]`` lists the articles refused here, with the reason.
    """
    require_columns(articles, ("article_id", "outlet", "published"), "articles")
    require_columns(
        sentences, ("article_id", "post", "sentence_id", "start", "end", "text"), "sentences"
    )
    if figures is not None:
        require_columns(figures, ("article_id", *FIGURE_FIELDS), "figures")
    study = resolve_study(study)
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    missing = sorted(set(clean_texts) - set(meta.index))
    if missing:
        raise KeyError(f"articles {missing} have a clean text but no row in the articles frame")
    keep = [
        a for a in sorted(clean_texts)
        if _text(meta.at[a, "status"] if "status" in meta else "ok") == "ok"
    ]  # fmt: skip
    own = _ordered(sentences.loc[sentences["article_id"].isin(keep)])
    sentence_runs = _runs(own)
    starts, ends = own["start"].astype(int).tolist(), own["end"].astype(int).tolist()
    chosen = None
    if figures is not None:
        chosen = _ordered(figures.loc[figures["article_id"].isin(keep)])
        figure_runs = _runs(chosen)
        values = list(chosen[list(FIGURE_FIELDS)].itertuples(index=False, name=None))
    figure_columns = list(figures.columns) if figures is not None else list(FIGURE_COLUMNS)
    refused: list[dict[str, str]] = []
    picked: list[int] = []  # rows of ``chosen`` that were attributed, in order
    extracted: list[pd.DataFrame] = []  # or the figures extracted here, article by article
    fields: list[list[str]] = []
    for article_id in keep:
        outlet = _text(meta.at[article_id, "outlet"])
        low, high = sentence_runs.get(article_id, (0, 0))
        spans = list(zip(starts[low:high], ends[low:high], strict=True))

        def work(article_id=article_id, outlet=outlet, spans=spans, low=low, high=high):
            if chosen is None:
                rows = figures_table(own.iloc[low:high])
                found = [Figure(*v) for v in rows[list(FIGURE_FIELDS)].itertuples(
                    index=False, name=None)]  # fmt: skip
            else:
                first, last = figure_runs.get(article_id, (0, 0))
                rows, found = range(first, last), [Figure(*v) for v in values[first:last]]
            return rows, attribute_figures(clean_texts[article_id], spans, found, outlet, study)

        result = _budgeted(article_id, seconds_per_article, work, refused)
        if result is None:
            continue
        rows, claims = result
        if chosen is None:
            extracted.append(rows[figure_columns])
        else:
            picked.extend(rows)
        published = _text(meta.at[article_id, "published"])
        fields.extend(
            [c.source, c.source_canonical, c.source_type, c.via, c.cue, ";".join(c.hedges),
             c.stance, outlet, published] for c in claims
        )  # fmt: skip
    columns = [*figure_columns, *CLAIM_COLUMNS, *ARTICLE_COLUMNS]
    if chosen is not None:
        figure_rows = chosen.iloc[picked][figure_columns]
    elif extracted:
        figure_rows = pd.concat(extracted)
    else:
        figure_rows = pd.DataFrame(columns=figure_columns)
    if fields:
        # column labels of object dtype: joining frames by their columns is then cheap
        figure_rows = figure_rows.reset_index(drop=True)
        figure_rows.columns = pd.Index(figure_columns, dtype=object)
        # claim columns of objects, article columns of text, as they have always been
        claim_rows = pd.DataFrame(
            fields, columns=pd.Index([*CLAIM_COLUMNS, *ARTICLE_COLUMNS], dtype=object), dtype=object
        )
        text_dtype = pd.Series(["text"]).dtype
        for name in ARTICLE_COLUMNS:
            claim_rows[name] = claim_rows[name].astype(text_dtype)
        table = _ordered(pd.concat([figure_rows, claim_rows], axis=1)).reset_index(drop=True)
    else:
        table = pd.DataFrame(columns=columns)
    table.attrs["refused"] = refused
    return table


def attributions_table(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    clean_texts: Mapping[str, str],
    study: Study | None = None,
    seconds_per_article: float | None = ARTICLE_SECONDS,
) -> pd.DataFrame:
    """List every reporting frame of every article, whether or not it carries a figure.

    One row per frame: ``article_id, outlet, sentence_id, start, end, source,
    source_canonical, source_type, via, cue, sentence_text``; "who is quoted" counts these.
    ``attrs["refused"]`` lists the articles refused (over budget or unreadable).
    """
    require_columns(articles, ("article_id", "outlet"), "articles")
    require_columns(sentences, ("article_id", "sentence_id", "start", "end"), "sentences")
    study = resolve_study(study)
    outlets = dict(zip(articles["article_id"], articles["outlet"].map(_text), strict=True))
    refused: list[dict[str, str]] = []
    rows: list[dict[str, object]] = []
    for article_id, text in sorted(clean_texts.items()):
        own = sentences.loc[sentences["article_id"] == article_id].sort_values("start")
        spans = [(int(a), int(b)) for a, b in zip(own["start"], own["end"], strict=True)]
        ids = dict(zip(own["start"].astype(int), own["sentence_id"].astype(int), strict=True))
        outlet = outlets.get(article_id, "")
        found = _budgeted(
            article_id,
            seconds_per_article,
            lambda text=text, spans=spans: attribute_sentences(text, spans, study),  # type: ignore[misc]
            refused,
        )
        for sentence in found or []:
            for frame in sentence.frames:
                via = "" if same_outlet(frame.via, outlet, study) else frame.via
                rows.append(
                    dict(zip(ATTRIBUTION_COLUMNS, (
                        article_id, outlet, ids[sentence.start], frame.start, frame.end,
                        frame.speaker.phrase, frame.speaker.canonical, frame.speaker.source_type,
                        via, frame.cue, text[sentence.start : sentence.end]), strict=True))
                )  # fmt: skip
    table = pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))
    table.attrs["refused"] = refused
    return table
