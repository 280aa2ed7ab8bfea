"""Who a speaker phrase names: the study's known actors first, then the phrase's own form.

A :class:`helpers.study.Study` lists known actors (canonical name, source type, kind, written
forms) and type rules; without a study the library reads ``general-news``, which knows no
actor. :func:`canonical_source` folds a phrase to its canonical name, :func:`source_type_for`
gives its source type in the study's labels, :func:`kind_of` its kind (person, group, org,
outlet, document).

>>> canonical_source("Gov. Tom Hale")
'Tom Hale'
>>> source_type_for("the state police")
'police/emergency services'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from helpers import paths
from helpers import vocabulary as v
from helpers.claims.names import MAX_PHRASE_CHARS, canonical_form, tidy
from helpers.claims.sourcetypes import generic_kind, generic_type
from helpers.study import Actor, Study, load_study

# Titles and articles dropped before a study's descriptions are matched against a phrase:
# "the", "Mr.", "Ms", "Gen.", "President", "Foreign Minister" ...
LEADING_TITLE = re.compile(
    r"^(?:(?:the|a|an|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Gen\.?|General|President|Prime Minister|"
    r"Foreign Minister|Secretary of State)\s++)++",
    re.IGNORECASE,
)
ARTICLE_WORD = re.compile(r"\bthe\s++")  # "the" anywhere, dropped before descriptions match


@dataclass(frozen=True)
class ActorIndex:
    """A study's actors with their patterns compiled once."""

    descriptions: tuple[tuple[re.Pattern[str], Actor], ...]
    names: tuple[tuple[re.Pattern[str], Actor], ...]


_INDEXES: dict[int, tuple[Study, ActorIndex]] = {}


@cache
def default_study() -> Study:
    """The general-news study, read once per process (it knows no actor)."""
    return load_study(paths.GENERAL_STUDY)


def resolve_study(study: Study | None) -> Study:
    """The study given, or the general-news study (no known actors) when None."""
    if study is None:
        return default_study()
    if not isinstance(study, Study):
        raise TypeError(f"study must be a helpers.study.Study or None, got {type(study)!r}")
    return study


def actor_index(study: Study) -> ActorIndex:
    """The compiled actor patterns of a study (built once per study object)."""
    cached = _INDEXES.get(id(study))
    if cached is not None and cached[0] is study:
        return cached[1]
    index = ActorIndex(
        descriptions=tuple(
            (re.compile(pattern, re.IGNORECASE), actor)
            for actor in study.actors
            for pattern in actor.descriptions
        ),
        names=tuple(
            (re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, actor.names))})(?![\w-])"), actor)
            for actor in study.actors
            if actor.names
        ),
    )
    if len(_INDEXES) > 16:
        _INDEXES.clear()
    _INDEXES[id(study)] = (study, index)
    return index


def strip_phrase(name: str) -> str:
    """Drop titles, articles and surrounding punctuation from a speaker phrase."""
    return LEADING_TITLE.sub("", tidy(name)).strip()


def find_actor(name: str, study: Study) -> Actor | None:
    """Return the study's actor a speaker phrase names, or None.

    A description must match the whole phrase (or the part before a comma, where an
    apposition starts); a written name may stand anywhere in the head or the phrase.
    """
    if not study.actors:
        return None
    stripped = strip_phrase(name[:MAX_PHRASE_CHARS])
    head = stripped.split(",")[0]
    lowered = ARTICLE_WORD.sub("", stripped.lower())
    index = actor_index(study)
    for pattern, actor in index.descriptions:
        if pattern.fullmatch(lowered) or pattern.fullmatch(lowered.split(",")[0]):
            return actor
    for part in (head, stripped):
        for pattern, actor in index.names:
            if pattern.search(part):
                return actor
    return None


def _check_phrase(name: object, function: str) -> str:
    if not isinstance(name, str):
        raise TypeError(f"{function} expects a speaker phrase (str), got {type(name)!r}")
    return name


def canonical_source(name: str, study: Study | None = None) -> str:
    """Fold a speaker phrase as written to its canonical name.

    A study's actor gives its canonical name ("Mr. Hale" -> "Tom Hale" where the study
    lists him); otherwise titles, honorifics, a parenthesised acronym and the leading article
    are dropped ("said Ms. Rivera" -> "Rivera", "the Federal Emergency Management Agency
    (FEMA)" -> "Federal Emergency Management Agency").
    """
    name = _check_phrase(name, "canonical_source")
    if not name.strip():
        return ""
    actor = find_actor(name, resolve_study(study))
    if actor is not None:
        return actor.canonical
    return canonical_form(name)


def source_type_for(name: str, study: Study | None = None, description: str = "") -> str:
    """Return the source type of a speaker phrase in the study's labels ("" is the outlet).

    Known actors carry their type; a phrase that names a news organisation is the media; then
    the study's type rules are tried in order; then the phrase's own words
    (:func:`helpers.claims.sourcetypes.generic_type`, reading ``description`` too), renamed by
    the study.

    >>> source_type_for("county fire officials")
    'police/emergency services'
    """
    name = _check_phrase(name, "source_type_for")
    study = resolve_study(study)
    if not name.strip():
        return study.type_label(v.OUTLET_ITSELF)
    actor = find_actor(name, study)
    if actor is not None:
        return actor.source_type
    generic = generic_type(name, description)
    if generic == v.MEDIA:
        return study.type_label(v.MEDIA)
    if generic != v.DOCUMENT:
        text = name[:MAX_PHRASE_CHARS]
        for rule in study.type_rules:
            if rule.pattern.search(text):
                return rule.source_type
    return study.type_label(generic)


def kind_of(name: str, study: Study | None = None) -> str:
    """Classify a speaker phrase as person, group, org, outlet or document."""
    actor = find_actor(name, resolve_study(study))
    if actor is not None:
        return actor.kind
    return generic_kind(name)
