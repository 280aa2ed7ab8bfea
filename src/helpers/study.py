"""Load a study file: the case-specific vocabulary of one study, kept out of the library.

A study (``studies/<name>/study.yml``) holds what belongs to one piece of research and not to the
method: the known actors with their canonical names and source types, the topics and events with
their cue words, renames of the generic figure groups, the framing target and its cues, the
keywords to read in context, the topic charts with their captions, and how to read the corpus's
exports. The library reads any English news without one; ``general-news`` is the study of no
particular story.

:func:`load_study` reads the YAML, checks it against ``schemas/study.schema.json`` (jsonschema)
and compiles its patterns; any problem raises :class:`StudyError` naming the file, the key and
what is wrong:

>>> load_study("general-news").name
'general-news'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from helpers import paths
from helpers.vocabulary import SOURCE_TYPES

SCHEMA_RESOURCE = "schemas/study.schema.json"  # next to this module, read with importlib
TOPIC_CONDITIONS = ("unit", "sentence", "context")  # the patterns a topic rule may hold


class StudyError(ValueError):
    """A study file that cannot be used: the message names the file, the key and the problem."""


@dataclass(frozen=True)
class Actor:
    """A party that can be quoted: canonical name, source type, kind and how it is written.

    ``names`` match case-sensitively as whole words anywhere in a speaker phrase; ``descriptions``
    are case-insensitive patterns that must match the whole phrase ("the county fire chief").
    ``kind`` is person, group, org or outlet; an outlet's ``medium`` (agency, broadcaster,
    newspaper) lets "the broadcaster" find it.
    """

    canonical: str
    source_type: str
    kind: str
    names: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    medium: str = ""


@dataclass(frozen=True)
class TypeRule:
    """A source type for unknown speaker phrases that the pattern finds (tried in order)."""

    pattern: re.Pattern[str]
    source_type: str


@dataclass(frozen=True)
class TopicRule:
    """The topic of a figure when every condition given holds (the first such rule wins).

    ``kinds``: the figure's kind (count, money, length ...); ``unit``: searched in the figure's
    unit, or the noun counted after it; ``sentence``: searched in its sentence; ``context``: in
    its sentence and the one before.
    """

    topic: str
    kinds: frozenset[str] = frozenset()
    unit: re.Pattern[str] | None = None
    sentence: re.Pattern[str] | None = None
    context: re.Pattern[str] | None = None


@dataclass(frozen=True)
class EventRule:
    """The event of a figure of one of ``topics``: fixed when ``words`` is None, else the word
    match nearest before the figure (else the first after it) names it."""

    event: str
    topics: frozenset[str]
    words: re.Pattern[str] | None = None


@dataclass(frozen=True)
class GroupRule:
    """A label for the generic groups whose ``what`` and ``happened`` are listed (renames and
    merges): an empty set matches anything."""

    label: str
    what: frozenset[str] = frozenset()
    happened: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Framing:
    """Sentences naming ``target`` (found by ``pattern``) are read for each frame's cue words."""

    target: str
    pattern: re.Pattern[str]
    frames: dict[str, re.Pattern[str]]


@dataclass(frozen=True)
class ChartSpec:
    """A topic chart the study asks for: which claims it draws, its title and caption."""

    slug: str
    title: str
    caption: str
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    unit_family: str = ""


@dataclass(frozen=True)
class Study:
    """Everything case-specific about one study (see the module docstring)."""

    name: str
    title: str
    path: Path
    question: str = ""
    description: str = ""
    actors: tuple[Actor, ...] = ()
    type_rules: tuple[TypeRule, ...] = ()
    type_labels: dict[str, str] = field(default_factory=dict)
    source_types: tuple[str, ...] = SOURCE_TYPES
    topics: tuple[str, ...] = ()
    topic_rules: tuple[TopicRule, ...] = ()
    events: tuple[str, ...] = ()
    event_rules: tuple[EventRule, ...] = ()
    groups: tuple[GroupRule, ...] = ()
    framing: Framing | None = None
    keywords: tuple[str, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    headline_charts: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)
    outlets: dict[str, str] = field(default_factory=dict)

    def type_label(self, generic: str) -> str:
        """The study's label for a generic source type (itself when the study keeps it)."""
        return self.type_labels.get(generic, generic)


# ------------------------------------------------------------------------------------ loading


def study_path(ref: str | Path) -> Path:
    """The ``study.yml`` a reference names: a study name under ``studies/``, a folder holding a
    ``study.yml``, or a ``.yml`` file."""
    text = str(ref)
    candidate = Path(text)
    if candidate.suffix in {".yml", ".yaml"}:
        return candidate
    if candidate.is_dir() or "/" in text or "\\" in text:
        return candidate / paths.STUDY_FILE
    return paths.STUDIES_DIR / text / paths.STUDY_FILE


def available_studies() -> list[str]:
    """The names of the studies under ``studies/``."""
    return sorted(p.parent.name for p in paths.STUDIES_DIR.glob(f"*/{paths.STUDY_FILE}"))


def default_study(raw: str | Path) -> str:
    """The study a corpus is read with when none is named: the study under ``studies/`` whose
    ``corpus.raw`` is that folder (the seed study names ``data/raw``), else ``general-news``."""
    wanted = Path(raw).resolve()
    for name in available_studies():
        try:
            data = yaml.safe_load((paths.STUDIES_DIR / name / paths.STUDY_FILE).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # a broken study is reported when it is loaded, not here
        folder = ((data or {}).get("corpus") or {}).get("raw") if isinstance(data, dict) else None
        if isinstance(folder, str) and paths.resolve(folder, paths.PROJECT_ROOT) == wanted:
            return name
    return paths.GENERAL_STUDY


def load_study(ref: str | Path = paths.GENERAL_STUDY) -> Study:
    """Read, validate and compile a study file (see :func:`study_path` for ``ref``)."""
    path = study_path(ref)
    return _load(path.resolve(), path.stat().st_mtime_ns if path.is_file() else 0, str(path))


@cache
def _load(path: Path, _mtime: int, shown: str) -> Study:
    if not path.is_file():
        known = ", ".join(available_studies()) or "none"
        raise StudyError(f"{shown}: no such study file (studies available: {known})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise StudyError(f"{shown}:{where}: not valid YAML: {problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise StudyError(f"{shown}: cannot be read: {error}") from None
    _validate(data, shown)
    return _build(data, path, shown)


@cache
def _schema() -> dict[str, Any]:
    return json.loads(resources.files("helpers").joinpath(SCHEMA_RESOURCE).read_text("utf-8"))


def _key(parts) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _validate(data: Any, shown: str) -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.path)), e.message))
    if errors:
        lines = [f"{shown}: key '{_key(e.path)}': {_plain(e)}" for e in errors[:10]]
        more = f"\n... and {len(errors) - 10} more problems" if len(errors) > 10 else ""
        raise StudyError("\n".join(lines) + more)


def _plain(error: jsonschema.ValidationError) -> str:
    """A schema error in words a researcher reads without knowing JSON Schema."""
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"{error.message} (allowed keys: {allowed})" if allowed else error.message
    if error.validator == "anyOf" and error.schema.get("anyOf"):
        keys = " or ".join(next(iter(part["required"])) for part in error.schema["anyOf"])
        return f"needs {keys}"
    return error.message


def _compile(pattern: str, key: str, shown: str, case_sensitive: bool = False) -> re.Pattern:
    try:
        return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as error:
        raise StudyError(f"{shown}: key '{key}': not a valid pattern: {error}") from None


def _optional(rule: dict, name: str, key: str, shown: str) -> re.Pattern | None:
    return _compile(rule[name], f"{key}.{name}", shown) if name in rule else None


def _build(data: dict[str, Any], path: Path, shown: str) -> Study:
    kinds = data.get("source_types", {})
    topics = data.get("topics", {})
    events = data.get("events", {})
    corpus = data.get("corpus", {})
    actors = tuple(
        Actor(a["canonical"], a["type"], a["kind"], tuple(a.get("names", ())),
              tuple(a.get("descriptions", ())), a.get("medium", ""))
        for a in data.get("actors", [])
    )  # fmt: skip
    for i, actor in enumerate(actors):
        for j, description in enumerate(actor.descriptions):
            _compile(description, f"actors[{i}].descriptions[{j}]", shown)
    type_rules = tuple(
        TypeRule(_compile(r["pattern"], f"source_types.rules[{i}].pattern", shown,
                          r.get("case_sensitive", False)), r["type"])
        for i, r in enumerate(kinds.get("rules", []))
    )  # fmt: skip
    topic_rules = tuple(
        TopicRule(
            r["topic"],
            frozenset(r.get("kinds", ())),
            *(
                _optional(r, n, f"topics.rules[{i}]", shown)
                for n in ("unit", "sentence", "context")
            ),
        )
        for i, r in enumerate(topics.get("rules", []))
    )
    event_rules = tuple(
        EventRule(
            r["event"], frozenset(r["topics"]), _optional(r, "words", f"events.rules[{i}]", shown)
        )
        for i, r in enumerate(events.get("rules", []))
    )
    framing = None
    if "framing" in data:
        f = data["framing"]
        framing = Framing(
            f["target"],
            _compile(f["pattern"], "framing.pattern", shown),
            {k: _compile(v, f"framing.frames.{k}", shown) for k, v in f["frames"].items()},
        )
    charts = tuple(
        ChartSpec(c["slug"], c["title"], c["caption"], tuple(c.get("topics", ())),
                  tuple(c.get("events", ())), tuple(c.get("groups", ())), c.get("unit_family", ""))
        for c in data.get("charts", [])
    )  # fmt: skip
    labels = dict(kinds.get("rename", {}))
    study = Study(
        name=data["name"],
        title=data["title"],
        path=path,
        question=data.get("question", ""),
        description=data.get("description", ""),
        actors=actors,
        type_rules=type_rules,
        type_labels=labels,
        source_types=tuple(kinds.get("order", ())) or tuple(labels.get(t, t) for t in SOURCE_TYPES),
        topics=tuple(topics.get("order", ())) or _unique(r.topic for r in topic_rules),
        topic_rules=topic_rules,
        events=tuple(events.get("order", ())) or _unique(r.event for r in event_rules),
        event_rules=event_rules,
        groups=tuple(
            GroupRule(g["label"], frozenset(g.get("what", ())), frozenset(g.get("happened", ())))
            for g in data.get("groups", [])
        ),
        framing=framing,
        keywords=tuple(data.get("keywords", ())),
        charts=charts,
        headline_charts=tuple(data.get("headline_charts", ())),
        columns=dict(corpus.get("columns", {})),
        outlets=dict(corpus.get("outlets", {})),
    )
    _check_references(study, shown)
    return study


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _check_references(study: Study, shown: str) -> None:
    """Names used in one part of the file must be defined in another."""
    topics = set(study.topics) | {r.topic for r in study.topic_rules}
    for i, rule in enumerate(study.event_rules):
        unknown = sorted(rule.topics - topics)
        if unknown:
            raise StudyError(
                f"{shown}: key 'events.rules[{i}].topics': {unknown} not among the topics "
                f"({', '.join(sorted(topics)) or 'none defined'})"
            )
    events = set(study.events) | {r.event for r in study.event_rules}
    for i, chart in enumerate(study.charts):
        for name, used, known in (
            ("topics", chart.topics, topics),
            ("events", chart.events, events),
        ):
            unknown = sorted(set(used) - known)
            if unknown:
                raise StudyError(
                    f"{shown}: key 'charts[{i}].{name}': {unknown} not defined in the study"
                )
    slugs = [chart.slug for chart in study.charts]
    if len(slugs) != len(set(slugs)):
        raise StudyError(f"{shown}: key 'charts': two charts share a slug")
