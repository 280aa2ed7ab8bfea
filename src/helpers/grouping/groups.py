"""Group every figure by what it counts and what happened to it: ``add_groups``.

``what`` (:mod:`helpers.grouping.what`), ``happened`` (:mod:`helpers.grouping.happened`) and
``group``, a readable label: "people killed", "customers without power", "area burned",
"protesters marched" (what alone when nothing happened to it in the sentence). A study's
``groups:`` rules rename and merge groups: the first rule whose ``what`` and ``happened`` lists
hold the figure's (an empty list holds anything) gives its label.

The figures of a sentence are read together (:mod:`helpers.grouping.reading`: "14 people
were killed and 40 injured" gives people killed and people injured), and a figure that says when
or how long (a date, a clock time, a duration) takes the group of its sentence's main figure
(the first that is not a time) when it has one: "300 people rescued in the previous 24 hours".

A figure that restates another in a second unit (``conversion_of`` >= 0: the ``start`` of the
figure it restates) takes that figure's ``what``, ``happened`` and ``group``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import pandas as pd

from helpers.grouping.lexicon import PREDICATES_FILE, predicates
from helpers.grouping.reading import Mention, read_sentence
from helpers.grouping.what import is_time, what_of
from helpers.io import require_columns
from helpers.study import Study, StudyError

GROUP_COLUMNS = ("what", "happened", "group")
FIGURE_INPUT_COLUMNS = (
    "article_id", "sentence_id", "start", "end", "kind", "change", "unit_normalized", "si_unit",
    "sentence_text",
)  # fmt: skip
SENTENCE_INPUT_COLUMNS = ("article_id", "sentence_id", "start")


def conversions(frame: pd.DataFrame) -> pd.Series:
    """True for rows that restate another figure in a second unit (``conversion_of`` >= 0; a
    table without the column has none)."""
    if "conversion_of" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return pd.to_numeric(frame["conversion_of"], errors="coerce").fillna(-1) >= 0


def group_label(what: str, happened: str) -> str:
    """The generic label of a group: "people killed", or ``what`` alone."""
    return f"{what} {happened}".strip() if happened else what


def study_label(what: str, happened: str, study: Study | None) -> str:
    """The group label ``study``'s rules give a figure, else :func:`group_label`."""
    return rules_label(what, happened, study.groups if study is not None else ())


def rules_label(what: str, happened: str, rules: Iterable) -> str:
    """The label the first of ``rules`` (a study's ``groups``) that holds the figure gives it,
    else :func:`group_label`."""
    for rule in rules:
        fits_what = not rule.what or what in rule.what
        if fits_what and (not rule.happened or happened in rule.happened):
            return rule.label
    return group_label(what, happened)


def check_group_rules(study: Study | None) -> None:
    """Raise :class:`~helpers.study.StudyError` when a ``groups:`` rule of ``study`` names a
    ``happened`` that the predicate lexicon never gives (a typo would match nothing)."""
    known = set(predicates().order)
    for i, rule in enumerate(study.groups if study is not None else ()):
        unknown = sorted(rule.happened - known)
        if unknown:
            raise StudyError(
                f"{study.path}: key 'groups[{i}].happened': {unknown} never happens: the "
                f"predicates of {PREDICATES_FILE} are {', '.join(sorted(known))}"
            )


def _text(value: object) -> str:
    if value.__class__ is str:
        return value  # type: ignore[return-value]
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _texts(values: pd.Series) -> pd.Series:
    """:func:`_text` of every value; a text column with no missing value is already that,
    and is taken as it is (no Python call per row: a million figures at 20,000 articles)."""
    if isinstance(values.dtype, pd.StringDtype) and not values.isna().any():
        return values
    return values.map(_text)


def sentence_starts(frame: pd.DataFrame, sentences: pd.DataFrame) -> list[int]:
    """The start (in the article text) of each row's sentence, read from ``sentences``."""
    require_columns(sentences, SENTENCE_INPUT_COLUMNS, "sentences")
    columns = [sentences[c] for c in SENTENCE_INPUT_COLUMNS]
    starts = {(str(a), int(s)): int(b) for a, s, b in zip(*columns, strict=True)}
    pairs = zip(frame["article_id"], frame["sentence_id"], strict=True)
    keys = [(str(a), int(s)) for a, s in pairs]
    missing = sorted({k for k in keys if k not in starts})
    if missing:
        shown = ", ".join(f"{a} sentence {s}" for a, s in missing[:5])
        raise KeyError(f"figures name sentences that the sentences table lacks: {shown}")
    return [starts[k] for k in keys]


def add_groups(
    figures: pd.DataFrame, sentences: pd.DataFrame, study: Study | None = None
) -> pd.DataFrame:
    """``figures`` (figures.csv or claims.csv columns) with ``what``, ``happened`` and
    ``group`` set (replaced when present); ``sentences`` is sentences.csv, for the offset of
    each figure in its ``sentence_text``. Rows keep their order and index."""
    require_columns(figures, FIGURE_INPUT_COLUMNS, "figures")
    check_group_rules(study)
    starts = sentence_starts(figures, sentences)
    restates = (
        pd.to_numeric(figures["conversion_of"], errors="coerce").fillna(-1).astype(int).tolist()
        if "conversion_of" in figures.columns
        else [-1] * len(figures)
    )
    columns = {c: figures[c].tolist() for c in FIGURE_INPUT_COLUMNS}
    records = list(
        zip(
            map(str, columns["article_id"]), map(int, columns["sentence_id"]),
            map(int, columns["start"]), map(int, columns["end"]), range(len(figures)),
            *(map(_text, columns[c]) for c in ("kind", "unit_normalized", "si_unit", "change",
                                               "sentence_text")),
            starts, restates,
            strict=True,
        )
    )  # fmt: skip
    values = _group_records(records, study)
    out = figures.copy()
    for i, name in enumerate(GROUP_COLUMNS):
        out[name] = pd.Series([v[i] for v in values], index=figures.index, dtype=object)
    return out


def group_rows(
    rows: Sequence[Mapping[str, object]], starts: Sequence[int], study: Study | None = None
) -> list[tuple[str, str, str]]:
    """``(what, happened, group)`` of each figure row, as :func:`add_groups` gives them, for
    rows as plain dicts (the columns of :data:`FIGURE_INPUT_COLUMNS`, and ``conversion_of``
    when known) and ``starts``, the offset of each row's sentence in its article: the path of
    the per-article pass, with no DataFrame to build.

    >>> row = dict(article_id="a", sentence_id=0, start=0, end=9, kind="count", change="=",
    ...            unit_normalized="person", si_unit="person",
    ...            sentence_text="14 people were killed")
    >>> group_rows([row], [0])
    [('people', 'killed', 'people killed')]
    """
    check_group_rules(study)
    records = []
    for position, (row, offset) in enumerate(zip(rows, starts, strict=True)):
        restated = row.get("conversion_of", -1)
        restated = -1 if restated is None or restated != restated else int(restated)
        records.append(
            (str(row["article_id"]), int(row["sentence_id"]), int(row["start"]),
             int(row["end"]), position, _text(row["kind"]), _text(row["unit_normalized"]),
             _text(row["si_unit"]), _text(row["change"]), _text(row["sentence_text"]),
             int(offset), restated)
        )  # fmt: skip
    return _group_records(records, study)


def _group_records(records: list[tuple], study: Study | None) -> list[tuple[str, str, str]]:
    """The groups of records ``(article, sentence, start, end, position, kind, unit, si_unit,
    change, sentence text, sentence offset, restates)``, by position."""
    values: list[tuple[str, str, str]] = [("", "", "")] * len(records)
    records = sorted(records, key=_sort_key)
    rules, labels = _labels(study)
    block: list[tuple] = []
    for record in records:
        if block and (record[1] != block[0][1] or record[0] != block[0][0]):
            _sentence_groups(block, rules, labels, values)
            block = []
        block.append(record)
    if block:
        _sentence_groups(block, rules, labels, values)
    return values


def _sort_key(record: tuple) -> tuple:
    return record[:4]


# id(study.groups) -> (those rules, {(what, happened): label}): a corpus names few groups
_LABELS: dict[int, tuple[tuple, dict[tuple[str, str], str]]] = {}


def _labels(study: Study | None) -> tuple[tuple, dict[tuple[str, str], str]]:
    """``study``'s group rules and the labels :func:`rules_label` has given under them,
    remembered per rules (held here, so that their id names them)."""
    rules = study.groups if study is not None else ()
    known = _LABELS.get(id(rules))
    if known is None or known[0] is not rules:
        if len(_LABELS) > 64:
            _LABELS.clear()
        known = _LABELS[id(rules)] = (rules, {})
    return known


def _sentence_groups(
    block: list[tuple], rules: tuple, labels: dict[tuple[str, str], str], values: list
) -> None:
    """Set ``values[position]`` to (what, happened, group) for each figure of one sentence
    (records of :func:`add_groups`, in text order); ``rules`` and ``labels`` are
    :func:`_labels`."""
    sentence = block[0][9]
    mentions: list[Mention] = []
    timed: list[bool] = []
    for article, sid, begin, finish, _, kind, unit, si_unit, change, _, offset, restated in block:
        start, end = begin - offset, finish - offset
        if not 0 <= start <= end <= len(sentence):
            raise ValueError(
                f"figure at {begin}:{finish} of {article} lies outside its sentence {sid}"
            )
        what, implied, time = _reading(kind, unit, si_unit)
        restates = restated - offset if restated >= 0 else -1
        mentions.append(Mention(start, end, kind, unit, what, implied, restates, change))
        timed.append(time)
    read = read_sentence(sentence, mentions)
    named = []
    for pair in read:
        label = labels.get(pair)
        if label is None:
            label = labels[pair] = rules_label(*pair, rules)
        named.append(label)
    main = next(
        (label for m, label, t in zip(mentions, named, timed, strict=True)
         if not t and m.restates < 0),
        None,
    )  # fmt: skip
    for record, (what, happened), label, t in zip(block, read, named, timed, strict=True):
        values[record[4]] = (what, happened, main if main is not None and t else label)


@lru_cache(maxsize=65536)  # a corpus names few units: each is read once per process
def _reading(kind: str, unit: str, si_unit: str) -> tuple[str, str, bool]:
    """:func:`~helpers.grouping.what.what_of` of a figure, and whether it says when or how
    long (:func:`~helpers.grouping.what.is_time`)."""
    return (*what_of(kind, unit, si_unit), is_time(kind, unit))


def group_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per group of ``figures`` (with :func:`add_groups` columns): ``group, figures,
    articles, what, happened, example`` (what and happened ";"-joined, the first figure as
    written), most figures first; restatements in a second unit are not counted."""
    require_columns(figures, ("article_id", "surface", *GROUP_COLUMNS), "figures")
    rows = figures.loc[~conversions(figures)]
    rows = rows.assign(**{c: _texts(rows[c]) for c in ("surface", *GROUP_COLUMNS)})

    def joined(values: pd.Series) -> str:
        return ";".join(sorted(set(values) - {""}))

    table = rows.groupby("group", sort=True).agg(
        figures=("surface", "size"), articles=("article_id", "nunique"),
        what=("what", joined), happened=("happened", joined), example=("surface", "first"),
    )  # fmt: skip
    table = table.reset_index().sort_values(["figures", "group"], ascending=[False, True])
    return table.reset_index(drop=True)
