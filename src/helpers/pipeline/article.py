"""The per-article pass: one article in, all of its rows out, in one function.

:func:`process_article` takes one :class:`~helpers.pipeline.sources.ArticleInput` (its id, its
source text or the file to read it from, its metadata and manifest row) and the run's
:class:`Settings` (the study, the time budget), and returns an :class:`ArticleResult`: its row
of ``articles.csv`` (status ``ok``, or ``refused`` with the reason), its posts, sentences,
removed lines, clean text, figures, claims and attributions, its messages, and the signature
that near-duplicate detection compares.

It is a thin adapter over the stages' public functions, giving the rows notebooks 01-03 give:
``helpers.clean.clean_article`` and the corpus layer's ``merged_metadata``, ``article_tables``
and ``article_row`` (notebook 01); ``helpers.figures.extract_figures`` per sentence, as
``figures_table`` does, and ``helpers.grouping.group_rows`` (the rows of ``add_groups``, 02);
``helpers.claims.attribute_article`` (the claims of ``claims_table`` and the frames of
``attributions_table``, from one resolution of the article's sentences) and
``helpers.grouping.topic_rows`` (the rows of ``add_topics``, 03). The row-level functions are
called directly and the rows stay plain dicts and tuples: the table functions' whole-corpus
pandas bookkeeping costs more than the work on a 4 KB article, and the bucket builds one
frame per table from all its articles. The tests hold the rows to the table functions' rows.
When a stage's API changes, this module is the one to update.

Any exception, or running over the time budget, refuses the article with the stage and the
reason (no rows but its article row), and the run goes on.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from operator import attrgetter

from helpers.claims import CLAIM_COLUMNS, attribute_article
from helpers.claims.extract import same_outlet
from helpers.claims.labels import ARTICLE_COLUMNS as CLAIM_ARTICLE_COLUMNS
from helpers.claims.tables import ATTRIBUTION_COLUMNS
from helpers.clean import clean_article
from helpers.corpus.assemble import article_row, article_tables, merged_metadata
from helpers.corpus.build import manifest_checks
from helpers.corpus.metadata import outlet_table
from helpers.corpus.readers import ReadOptions
from helpers.corpus.tables import POST_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS
from helpers.figures import FIGURE_COLUMNS, Figure, extract_figures
from helpers.figures.model import replace_figure
from helpers.grouping import GROUP_COLUMNS, TOPIC_COLUMNS, group_rows, topic_rows
from helpers.pipeline.deadline import time_limit
from helpers.pipeline.duplicates import signature_bytes
from helpers.pipeline.schema import TEXT_COLUMNS
from helpers.pipeline.sources import ArticleInput, load_source
from helpers.study import Study, load_study

DEFAULT_SECONDS = 60.0  # time budget of one article, all stages together
FIGURE_FIELDS = tuple(f.name for f in dataclass_fields(Figure))
_FIELD_VALUES = attrgetter(*FIGURE_FIELDS)  # a Figure's field values, in field order
FIGURE_TABLE = (*FIGURE_COLUMNS, *GROUP_COLUMNS)  # the columns of figures, in order
CLAIM_TABLE = (*FIGURE_TABLE, *CLAIM_COLUMNS, *CLAIM_ARTICLE_COLUMNS, *TOPIC_COLUMNS)
# table -> its columns: an article's rows are dicts (or tuples in this order) keyed by them
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "posts": tuple(POST_COLUMNS),
    "sentences": tuple(SENTENCE_COLUMNS),
    "removed_lines": tuple(REMOVED_COLUMNS),
    "figures": FIGURE_TABLE,
    "claims": CLAIM_TABLE,
    "attributions": tuple(ATTRIBUTION_COLUMNS),
    "texts": TEXT_COLUMNS,
}


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
    """All rows of one article (see the module docstring): ``tables`` maps each table to its
    rows, plain dicts or tuples in the order of :data:`TABLE_COLUMNS` (the bucket builds one
    frame per table from all its articles' rows). ``timed_out`` marks a refusal that is not
    cached, so that the next run tries again (for time, or a worker that died); ``seconds``
    the CPU time per stage."""

    article_id: str
    row: dict
    tables: dict[str, list]
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
    """Runs the stages in order, remembering which one is running and the CPU seconds of each
    (CPU time, not wall time: what a stage costs whatever else the machine is doing)."""

    def __init__(self) -> None:
        self.current = ""
        self.seconds: dict[str, float] = {}

    def run(self, name: str, work, *args, **kwargs):
        self.current = name
        started = time.process_time()
        try:
            return work(*args, **kwargs)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - started


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _figures(article_id: str, sentences: list[dict]) -> tuple[list[Figure], list[dict]]:
    """Notebook 02's ``figures_table``, for one article: the figures of each sentence with
    offsets into the clean text (``start``, ``end`` and ``conversion_of``, the start of the
    figure it restates or -1), in text order, as :class:`Figure` objects and as rows."""
    found: list[tuple[Figure, dict]] = []
    for sentence in sentences:
        text, offset = sentence["text"], int(sentence["start"])
        if not isinstance(text, str):
            continue
        for figure in extract_figures(text):
            row = dict(zip(FIGURE_FIELDS, _FIELD_VALUES(figure), strict=True))
            row["start"] += offset
            row["end"] += offset
            moved = {"start": row["start"], "end": row["end"]}
            if row.get("conversion_of", -1) >= 0:
                row["conversion_of"] = moved["conversion_of"] = row["conversion_of"] + offset
            figure = replace_figure(figure, **moved)
            row.update(article_id=article_id, post=sentence["post"],
                       sentence_id=sentence["sentence_id"], sentence_text=text)  # fmt: skip
            found.append((figure, row))
    found.sort(key=lambda pair: pair[0].start)  # stable, as figures_table's mergesort
    return [f for f, _ in found], [r for _, r in found]


def _claim_cells(claim) -> list[object]:
    values = [getattr(claim, column) for column in CLAIM_COLUMNS]
    return [";".join(v) if isinstance(v, tuple) else v for v in values]


def _claims(row: dict, text: str, spans, found: list[Figure], figures: list[dict], study):
    """Notebook 03's ``claims_table`` for one article (the figure columns, who said each
    figure, the article's outlet and date), and the attributed sentences for
    :func:`_attributions`: one ``attribute_article`` call for both."""
    outlet = _text(row["outlet"])
    published = _text(row["published"])
    claims, attributed = attribute_article(text, spans, found, outlet, study)
    rows = []
    for figure, claim in zip(figures, claims, strict=True):
        claim_row = dict(figure)
        claim_row.update(zip(CLAIM_COLUMNS, _claim_cells(claim), strict=True))
        claim_row["outlet"] = outlet
        claim_row["published"] = published
        rows.append(claim_row)
    return rows, attributed


def _attributions(row: dict, text: str, sentences: list[dict], attributed, study) -> list:
    """Notebook 03's ``attributions_table``, for one article: every reporting frame, as
    tuples in the order of ``ATTRIBUTION_COLUMNS``."""
    outlet = _text(row["outlet"])
    ids = {int(s["start"]): s["sentence_id"] for s in sentences}
    rows = []
    for sentence in attributed:
        for frame in sentence.frames:
            via = "" if same_outlet(frame.via, outlet, study) else frame.via
            speaker = frame.speaker
            rows.append((row["article_id"], outlet, ids[sentence.start], frame.start, frame.end,
                         speaker.phrase, speaker.canonical, speaker.source_type, via, frame.cue,
                         text[sentence.start : sentence.end]))  # fmt: skip
    return rows


def _with_groups(figures: list[dict], sentences: list[dict], study: Study) -> list[dict]:
    """The figure rows with ``what``, ``happened`` and ``group`` (``add_groups``)."""
    starts = {s["sentence_id"]: int(s["start"]) for s in sentences}
    read = group_rows(figures, [starts[f["sentence_id"]] for f in figures], study)
    for figure, values in zip(figures, read, strict=True):
        figure.update(zip(GROUP_COLUMNS, values, strict=True))
    return figures


def _with_topics(claims: list[dict], sentences: list[dict], study: Study) -> list[dict]:
    """The claim rows with ``topic`` and ``event``, and ``group`` as ``add_topics`` sets it."""
    starts, previous, before = {}, {}, ""
    for sentence in sorted(sentences, key=lambda s: int(s["start"])):
        starts[sentence["sentence_id"]] = int(sentence["start"])
        previous[sentence["sentence_id"]] = before
        before = _text(sentence["text"])
    ids = [c["sentence_id"] for c in claims]
    read = topic_rows(claims, [starts[i] for i in ids], [previous[i] for i in ids], study)
    for claim, (topic, event, group) in zip(claims, read, strict=True):
        claim["topic"], claim["event"], claim["group"] = topic, event, group
    return claims


def process_article(item: ArticleInput, settings: Settings) -> ArticleResult:
    """Process one article: read, clean, split, extract, attribute (see the module docstring)."""
    stages = _Stages()
    source = stages.run("read", load_source, item, settings.options)
    article_id, manifest_row = item.article_id, item.manifest_row
    notes = [manifest_row.values.get("notes", "")] if manifest_row is not None else []
    notes += source.notes
    messages: list[str] = []
    tables: dict[str, list] = {}
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
                tables["texts"] = [(article_id, art.clean_text, source.text)]
                signature = stages.run("signature", signature_bytes, art.clean_text)
        except Exception as err:  # noqa: BLE001 - one article is refused, the rest goes on
            timed_out = isinstance(err, TimeoutError)
            stage = {"read": "reading", "clean": "cleaning", "sentences": "splitting sentences",
                     "figures": "extracting figures", "grouping": "grouping figures",
                     "claims": "attributing figures",
                     "attributions": "listing attributions", "signature": "hashing the text",
                     }.get(stages.current, stages.current)  # fmt: skip
            art, tables, signature = None, {}, b""
            source.refuse(f"failed while {stage} ({type(err).__name__}: {err})")
    for note in source.notes:
        messages.append(f"{source.label}: {note}")
    if art is not None:
        notes += manifest_checks(source, manifest_row, settings.manifest_name, messages)
        n_sentences = len(tables["sentences"])
        if not n_sentences:
            messages.append(f"{source.label}: no reporting text left after cleaning")
    else:
        messages.append(f"{source.label}: refused, {source.reason}")
    row = article_row(article_id, source, meta, art, n_sentences, notes)
    return ArticleResult(article_id, row, tables, messages, signature, timed_out, stages.seconds)


def refused_article(item: ArticleInput, reason: str) -> ArticleResult:
    """The result of an article that could not be processed at all (its worker process died
    with it, say): its article row refused with ``reason``, no other rows, not cached."""
    source = copy.copy(item.source).refuse(reason)
    manifest_row = item.manifest_row
    notes = [manifest_row.values.get("notes", "")] if manifest_row is not None else []
    row = article_row(item.article_id, source, {}, None, 0, notes)
    messages = [f"{source.label}: refused, {reason}"]
    return ArticleResult(item.article_id, row, {}, messages, b"", timed_out=True)


def _analyse(
    stages: _Stages,
    row: dict,
    clean_text: str,
    posts: list[dict],
    sentences: list[dict],
    removed: list[dict],
    settings: Settings,
) -> dict[str, list]:
    """The rows of one clean article: the corpus tables, then figures, claims, attributions.

    The figure, claim and attribution rows are those of ``figures_table`` + ``add_groups``,
    ``claims_table`` + ``add_topics`` and ``attributions_table`` (the tests hold them to it),
    built from the row-level functions they call, without their whole-corpus pandas
    bookkeeping, which costs more than the work on a 4 KB article.
    """
    study = load_study(settings.study)
    spans = [(int(s["start"]), int(s["end"])) for s in sentences]
    found, figures = stages.run("figures", _figures, row["article_id"], sentences)
    figures = stages.run("grouping", _with_groups, figures, sentences, study)
    claims, attributed = stages.run("claims", _claims, row, clean_text, spans, found,
                                    figures, study)  # fmt: skip
    claims = stages.run("grouping", _with_topics, claims, sentences, study)
    return {
        "posts": posts,
        "sentences": sentences,
        "removed_lines": removed,
        "figures": figures,
        "claims": claims,
        "attributions": stages.run(
            "attributions", _attributions, row, clean_text, sentences, attributed, study
        ),
    }
