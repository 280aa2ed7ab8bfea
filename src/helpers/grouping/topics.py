"""A study's topic and event of each claim: ``add_topics``.

The rules come from the study file (``topics:`` and ``events:``, compiled by
:mod:`helpers.study`):

- **topic**: the first rule whose conditions all hold names it: ``kinds`` (the figure's kind),
  ``unit`` (searched in its unit, or the noun counted after it: "two of the systems"),
  ``sentence`` (its sentence) and ``context`` (the sentence before and its own). A rule sees a
  figure that says when or how long (date, time, duration) only when it names that kind; such a
  figure that no rule names takes the topic of its sentence's main figure (the first that is
  not a time).
  No rule holds: "other".
- **event**: a rule of the topic without ``words`` fixes the event; else the ``words`` match of
  the topic's rules nearest before the figure (its own words count as before), else the first
  after it. Time figures take no event from words. No rule: "other".

A study without topic rules (the general study of any corpus) lets the generic groups speak:
``topic`` is the figure's ``what`` and ``event`` its ``happened`` ("other" when nothing happened
to it), so that charts by topic and event show the corpus's own groups. With topic rules, a
count with no noun ("at least 10 of them") joins the study group its topic names, when a
``groups:`` rule names one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import pandas as pd

from helpers.grouping.groups import add_groups, group_label, sentence_starts, study_label
from helpers.grouping.lexicon import what_lexicon
from helpers.grouping.what import is_time
from helpers.io import require_columns
from helpers.study import EventRule, Study, TopicRule
from helpers.vocabulary import NO_EVENT, NO_TOPIC

TOPIC_COLUMNS = ("topic", "event")
CLAIM_INPUT_COLUMNS = (
    "article_id", "sentence_id", "start", "end", "surface", "kind", "unit", "unit_normalized",
    "sentence_text",
)  # fmt: skip
# The noun a bare number counts: "two of the systems" -> systems, "two more launchers"
COUNTED_NOUN = re.compile(
    r"^\s+(?:of\s+(?:the|these|those)\s+)?(?:(?:more|other|additional|new)\s+)?"
    r"(?P<noun>(?!them\b|which\b)[A-Za-z][\w-]*)"
)


def topic_of(
    rules: Sequence[TopicRule], kind: str, unit: str, sentence: str, context: str, after: str
) -> str:
    """The topic the first matching rule gives a figure (see the module docstring); ``after``
    is the text that follows the figure in its sentence."""
    unit = unit.strip()
    if not unit:
        noun = COUNTED_NOUN.match(after)
        unit = noun.group("noun") if noun else ""
    for rule in rules:
        if rule.kinds and kind not in rule.kinds:
            continue
        if not rule.kinds and is_time(kind, unit):
            continue
        if rule.unit is not None and not (unit and rule.unit.search(unit)):
            continue
        if rule.sentence is not None and not rule.sentence.search(sentence):
            continue
        if rule.context is not None and not rule.context.search(context):
            continue
        return rule.topic
    return NO_TOPIC


def event_of(
    rules: Sequence[EventRule], topic: str, kind: str, unit: str, sentence: str, offset: int,
    surface: str,
) -> str:  # fmt: skip
    """The event the rules of ``topic`` give a figure at ``offset`` of ``sentence``."""
    own = [rule for rule in rules if topic in rule.topics]
    for rule in own:
        if rule.words is None:
            return rule.event
    if is_time(kind, unit):
        return NO_EVENT
    cut = offset + len(surface)
    before, after = sentence[:cut], sentence[cut:]
    best: tuple[int, str] | None = None
    for rule in own:
        for match in rule.words.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, rule.event)
    if best is not None:
        return best[1]
    for rule in own:
        match = rule.words.search(after)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), rule.event)
    return best[1] if best else NO_EVENT


def _text(value: object) -> str:
    if value.__class__ is str:
        return value  # type: ignore[return-value]
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _previous_sentences(frame: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """The text of the sentence before each row's sentence in its article ("" for the first)."""
    require_columns(sentences, ("article_id", "sentence_id", "start", "text"), "sentences")
    listed = sorted(
        zip(
            map(str, sentences["article_id"].tolist()), map(int, sentences["start"].tolist()),
            map(int, sentences["sentence_id"].tolist()), map(_text, sentences["text"].tolist()),
            strict=True,
        ),
        key=lambda r: r[:2],
    )  # fmt: skip
    previous: dict[tuple[str, int], str] = {}
    before: tuple[str, int, int, str] | None = None
    for row in listed:
        same = before is not None and before[0] == row[0]
        previous[(row[0], row[2])] = before[3] if same else ""  # type: ignore[index]
        before = row
    return [
        previous.get((str(a), int(s)), "")
        for a, s in zip(frame["article_id"].tolist(), frame["sentence_id"].tolist(), strict=True)
    ]


def add_topics(claims: pd.DataFrame, sentences: pd.DataFrame, study: Study) -> pd.DataFrame:
    """``claims`` (claims.csv or figures.csv columns) with the ``topic`` and ``event`` of
    ``study`` (replaced when present); ``sentences`` is sentences.csv. Rows keep their order.
    A study without topic rules uses the generic groups (computed here when ``claims`` lacks
    ``what``/``happened``)."""
    require_columns(claims, CLAIM_INPUT_COLUMNS, "claims")
    if not study.topic_rules or not study.event_rules:
        if not {"what", "happened"} <= set(claims.columns):
            claims = add_groups(claims, sentences, study)
    n = len(claims)
    listed = {c: claims[c].tolist() if c in claims.columns else [""] * n
              for c in (*CLAIM_INPUT_COLUMNS, "what", "happened")}  # fmt: skip
    records = list(
        zip(
            map(str, listed["article_id"]), map(int, listed["sentence_id"]),
            map(int, listed["start"]), map(int, listed["end"]), range(n),
            map(_text, listed["kind"]),
            map(_unit, listed["unit_normalized"], listed["unit"]),
            map(_text, listed["surface"]), map(_text, listed["sentence_text"]),
            sentence_starts(claims, sentences), _previous_sentences(claims, sentences),
            map(_text, listed["what"]), map(_text, listed["happened"]),
            strict=True,
        )
    )  # fmt: skip
    values = _topic_records(records, study)
    out = claims.copy()
    out["topic"] = pd.Series([v[0] for v in values], index=claims.index, dtype=object)
    out["event"] = pd.Series([v[1] for v in values], index=claims.index, dtype=object)
    if study.topic_rules and {"what", "happened", "group"} <= set(out.columns):
        out["group"] = _bare_groups(out, study)
    return out


def _unit(unit_normalized: object, unit: object) -> str:
    """The unit a topic rule reads: the normalised one, else the unit as written."""
    return (_text(unit_normalized) or _text(unit)).strip()


def topic_rows(
    rows: Sequence[Mapping[str, object]],
    starts: Sequence[int],
    previous: Sequence[str],
    study: Study,
) -> list[tuple[str, str, object]]:
    """``(topic, event, group)`` of each claim row, as :func:`add_topics` gives them, for rows
    as plain dicts (the columns of :data:`CLAIM_INPUT_COLUMNS` with ``what``, ``happened`` and
    ``group`` of :func:`~helpers.grouping.add_groups`), ``starts`` the offset of each row's
    sentence in its article and ``previous`` the text of the sentence before it ("" for the
    first): the path of the per-article pass, with no DataFrame to build."""
    records = [
        (str(row["article_id"]), int(row["sentence_id"]), int(row["start"]), int(row["end"]),
         position, _text(row["kind"]), _unit(row["unit_normalized"], row["unit"]),
         _text(row["surface"]), _text(row["sentence_text"]), int(offset), before,
         _text(row.get("what", "")), _text(row.get("happened", "")))
        for position, (row, offset, before) in enumerate(zip(rows, starts, previous, strict=True))
    ]  # fmt: skip
    values = _topic_records(records, study)
    out = []
    for row, (topic, event) in zip(rows, values, strict=True):
        group = row.get("group", "")
        if study.topic_rules:
            group = bare_group(_text(row.get("what", "")), _text(row.get("happened", "")),
                               topic, group, study)  # fmt: skip
        out.append((topic, event, group))
    return out


def _topic_records(records: list[tuple], study: Study) -> list[tuple[str, str]]:
    """The (topic, event) of records ``(article, sentence, start, end, position, kind, unit,
    surface, sentence text, sentence offset, previous sentence, what, happened)``."""
    values: list[tuple[str, str]] = [(NO_TOPIC, NO_EVENT)] * len(records)
    records = sorted(records, key=_sort_key)
    block: list[tuple] = []
    for record in records:
        if block and (record[1] != block[0][1] or record[0] != block[0][0]):
            for position, pair in _sentence_topics(block, study):
                values[position] = pair
            block = []
        block.append(record)
    for position, pair in _sentence_topics(block, study) if block else ():
        values[position] = pair
    return values


def _sort_key(record: tuple) -> tuple:
    return record[:4]


def bare_group(what: str, happened: str, topic: str, group: object, study: Study) -> object:
    """The group of a claim, where a count with no noun joins the study group that its topic
    names: "rescued at least 10 of them" in a sentence on boats, with a rule for boats, is a
    claim of that group."""
    if what != what_lexicon().no_noun or topic in ("", NO_TOPIC):
        return group
    named = study_label(topic, happened, study)
    return named if named != group_label(topic, happened) else group


def _bare_groups(claims: pd.DataFrame, study: Study) -> pd.Series:
    """The group of each claim (:func:`bare_group`)."""
    columns = [map(_text, claims[c].tolist()) for c in ("what", "happened", "topic")]
    groups = [
        bare_group(*values, group, study)
        for *values, group in zip(*columns, claims["group"].tolist(), strict=True)
    ]
    return pd.Series(groups, index=claims.index, dtype=object)


def _sentence_topics(block: list[tuple], study: Study) -> Iterable[tuple[int, tuple]]:
    """(position, (topic, event)) of each figure of one sentence (records of
    :func:`add_topics`, in text order)."""
    sentence, offset, previous = block[0][8], block[0][9], block[0][10]
    context = previous + " " + sentence if previous else sentence
    own: list[tuple] = []
    main: str | None = None
    for _, _, start, end, position, kind, unit, surface, _, _, _, what, happened in block:
        if study.topic_rules:
            after = sentence[end - offset :]
            topic = topic_of(study.topic_rules, kind, unit, sentence, context, after)
        else:
            topic = what or NO_TOPIC
        timed = _is_time(kind, unit)
        if not timed and main is None:
            main = topic
        own.append((position, kind, unit, topic, start - offset, surface, happened, timed))
    for position, kind, unit, topic, at, surface, happened, timed in own:
        if timed and (topic == NO_TOPIC or not study.topic_rules):
            topic = main if main is not None else topic
        if study.event_rules:
            event = event_of(study.event_rules, topic, kind, unit, sentence or surface, at, surface)
        else:
            event = happened or NO_EVENT
        yield position, (topic, event)


_is_time = lru_cache(maxsize=65536)(is_time)  # a pure function of two short strings
