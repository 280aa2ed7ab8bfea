"""The per-article pass: one article in, all of its rows out, in one function.

:func:`process_article` takes one :class:`~helpers.pipeline.sources.ArticleInput` (its id, its
source text or the file to read it from, its metadata and manifest row) and the run's
:class:`Settings` (the study, the time budget), and returns an :class:`ArticleResult`: its row
of ``articles.csv`` (status ``ok``, or ``refused`` with the reason), its posts, sentences,
removed lines, clean text, figures, claims and attributions, its messages, and the signature
that near-duplicate detection compares.

It is a thin adapter over the stages' public functions, called exactly as notebooks 01-03 call
them: ``helpers.clean.clean_article`` and the corpus layer's ``merged_metadata``,
``article_tables`` and ``article_row`` (notebook 01), ``helpers.figures.figures_table`` and
``helpers.grouping.add_groups`` (02), ``helpers.claims.claims_table``,
``helpers.grouping.add_topics`` and ``helpers.claims.attributions_table`` (03), each on the
frames of one article. When a stage's API changes, this module is the one to update.

Any exception, or running over the time budget, refuses the article with the stage and the
reason (no rows but its article row), and the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from helpers.claims import attributions_table, claims_table
from helpers.clean import clean_article
from helpers.corpus.assemble import article_row, article_tables, merged_metadata
from helpers.corpus.build import _manifest_checks
from helpers.corpus.metadata import outlet_table
from helpers.corpus.readers import ReadOptions
from helpers.corpus.tables import POST_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS
from helpers.figures import figures_table
from helpers.pipeline.deadline import time_limit
from helpers.pipeline.duplicates import signature_bytes
from helpers.pipeline.schema import TEXT_COLUMNS
from helpers.pipeline.sources import ArticleInput, load_source
from helpers.study import Study, load_study

try:  # what each figure counts, and the study's topics (issue 8), when the checkout has them
    from helpers.grouping import add_groups, add_topics
except ImportError:  # pragma: no cover - before the grouping stage landed
    add_groups = add_topics = None

DEFAULT_SECONDS = 60.0  # time budget of one article, all stages together


@dataclass(frozen=True)
class Settings:
    """What every article of a run shares: the study, the time budget, how sources were read."""

    study: str = "general-news"
    seconds_per_article: float | None = DEFAULT_SECONDS
    outlets: Mapping[str, str] | None = None
    manifest_name: str = ""
    manifest_columns: frozenset[str] = frozenset()
    options: ReadOptions = field(default_factory=ReadOptions)


@dataclass
class ArticleResult:
    """All rows of one article (see the module docstring). ``timed_out`` marks a refusal for
    time, which is not cached (the next run tries again); ``seconds`` the time per stage."""

    article_id: str
    row: dict
    tables: dict[str, pd.DataFrame]
    messages: list[str]
    signature: bytes = b""
    timed_out: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.row.get("status") == "ok"


_OUTLETS: dict[object, dict[str, str]] = {}


def _outlet_table(extra: Mapping[str, str] | None) -> dict[str, str]:
    key = tuple(sorted((extra or {}).items()))
    if key not in _OUTLETS:
        _OUTLETS[key] = outlet_table(extra)
    return _OUTLETS[key]


class _Stages:
    """Runs the stages in order, timing each and remembering which one was running."""

    def __init__(self) -> None:
        self.current = ""
        self.seconds: dict[str, float] = {}

    def run(self, name: str, work, *args, **kwargs):
        self.current = name
        started = time.perf_counter()
        try:
            return work(*args, **kwargs)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def _article_frame(row: dict) -> pd.DataFrame:
    return pd.DataFrame([row])


def _figures(sentences: pd.DataFrame, study: Study) -> pd.DataFrame:
    """Notebook 02: the figures of the sentences, with what they count and what happened."""
    figures = figures_table(sentences)
    if add_groups is not None:
        figures = add_groups(figures, sentences, study)
    return figures


def _claims(article: pd.DataFrame, sentences, texts, figures, study: Study) -> pd.DataFrame:
    """Notebook 03: who said each figure (and the study's topic and event)."""
    claims = claims_table(article, sentences, texts, figures=figures, study=study,
                          seconds_per_article=None)  # fmt: skip
    _raise_refused(claims)
    if add_topics is not None:
        claims = add_topics(claims, sentences, study)
    return claims


def _attributions(article: pd.DataFrame, sentences, texts, study: Study) -> pd.DataFrame:
    """Notebook 03: every reporting frame, with or without a figure."""
    quotes = attributions_table(article, sentences, texts, study=study, seconds_per_article=None)
    _raise_refused(quotes)
    return quotes


def _raise_refused(frame: pd.DataFrame) -> None:
    refused = frame.attrs.get("refused") or []
    if refused:
        raise RuntimeError(refused[0]["reason"])


def process_article(item: ArticleInput, settings: Settings) -> ArticleResult:
    """Process one article: read, clean, split, extract, attribute (see the module docstring)."""
    stages = _Stages()
    source = stages.run("read", load_source, item, settings.options)
    article_id, manifest_row = item.article_id, item.manifest_row
    notes = [manifest_row.values.get("notes", "")] if manifest_row is not None else []
    notes += source.notes
    messages: list[str] = []
    tables: dict[str, pd.DataFrame] = {}
    art, meta, n_sentences, timed_out, signature = None, {}, 0, False, b""
    if source.status == "ok":
        try:
            with time_limit(settings.seconds_per_article, f"article {article_id}"):
                art = stages.run("clean", clean_article, source.text)
                meta = stages.run(
                    "clean",
                    merged_metadata,
                    source,
                    art,
                    manifest_row,
                    settings.manifest_columns,
                    _outlet_table(settings.outlets),
                )
                posts, sentences, removed = stages.run(
                    "sentences", article_tables, article_id, art, source
                )
                row = article_row(article_id, source, meta, art, len(sentences), notes)
                tables = _analyse(stages, row, art.clean_text, posts, sentences, removed, settings)
                signature = stages.run("signature", signature_bytes, art.clean_text)
        except Exception as err:  # noqa: BLE001 - one article is refused, the rest goes on
            timed_out = isinstance(err, TimeoutError)
            stage = {"read": "reading", "clean": "cleaning", "sentences": "splitting sentences",
                     "figures": "extracting figures", "claims": "attributing figures",
                     "attributions": "listing attributions", "signature": "hashing the text",
                     }.get(stages.current, stages.current)  # fmt: skip
            art, tables, signature = None, {}, b""
            source.refuse(f"failed while {stage} ({type(err).__name__}: {err})")
    for note in source.notes:
        messages.append(f"{source.label}: {note}")
    if art is not None:
        notes += _manifest_checks(source, manifest_row, settings.manifest_name, messages)
        n_sentences = len(tables["sentences"])
        if not n_sentences:
            messages.append(f"{source.label}: no reporting text left after cleaning")
    else:
        messages.append(f"{source.label}: refused, {source.reason}")
    row = article_row(article_id, source, meta, art, n_sentences, notes)
    return ArticleResult(article_id, row, tables, messages, signature, timed_out, stages.seconds)


def _analyse(
    stages: _Stages,
    row: dict,
    clean_text: str,
    posts: list[dict],
    sentences: list[dict],
    removed: list[dict],
    settings: Settings,
) -> dict[str, pd.DataFrame]:
    """The tables of one clean article: the corpus tables, then figures, claims, attributions."""
    study = load_study(settings.study)
    article_id = row["article_id"]
    article = _article_frame(row)
    frame = pd.DataFrame(sentences, columns=SENTENCE_COLUMNS)
    texts = {article_id: clean_text}
    figures = stages.run("figures", _figures, frame, study)
    return {
        "posts": pd.DataFrame(posts, columns=POST_COLUMNS),
        "sentences": frame,
        "removed_lines": pd.DataFrame(removed, columns=REMOVED_COLUMNS),
        "texts": pd.DataFrame([[article_id, clean_text]], columns=list(TEXT_COLUMNS)),
        "figures": figures,
        "claims": stages.run("claims", _claims, article, frame, texts, figures, study),
        "attributions": stages.run("attributions", _attributions, article, frame, texts, study),
    }
