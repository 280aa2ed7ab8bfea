"""The two generic lexicons of grouping, read once from the package data and checked.

``data/what.yml`` says how the counted thing is named (people, homes, distance, dollars ...);
``data/predicates.yml`` lists the English phrases that say what happened to it (killed, without
power, burned ...). Both are generic English for news about anything. A malformed file raises
:class:`LexiconError` naming the file, the key and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from helpers.grouping.prefixes import prefixes

try:  # the pattern parser of the standard library, to index phrases by first letter
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

LETTERS = "abcdefghijklmnopqrstuvwxyz"
PREFIX = 3  # letters of a word that choose the phrases tried there (see Predicates)
WHAT_FILE = "data/what.yml"  # package data of helpers, read with importlib
PREDICATES_FILE = "data/predicates.yml"


class LexiconError(ValueError):
    """A lexicon file that cannot be used: the message names the file and the key."""


@dataclass(frozen=True)
class Family:
    """A family of measures: its name (``what``), the unit it is drawn in and the factor from
    the extractor's si_unit to that unit."""

    what: str
    unit: str
    factor: float


@dataclass(frozen=True)
class WhatLexicon:
    """The contents of ``what.yml`` (see the comments in that file)."""

    people: frozenset[str]
    demonym: re.Pattern[str]
    same: dict[str, str]
    implies: dict[str, tuple[str, str]]
    invariant: frozenset[str]
    plurals: dict[str, str]
    families: dict[str, Family]
    age: Family
    no_noun: str
    persons: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True)
class Predicates:
    """The phrases of ``predicates.yml``, compiled by the letter they can start with: group
    ``p<i>`` of ``by_letter[c]`` is a phrase of predicate ``names[i]`` (phrases in file order,
    so the first listed wins at one place); ``order`` lists the predicates. Matching only the
    phrases that can start with a word's first letter keeps the scan fast; ``by_prefix`` goes
    further, by a word's first :data:`PREFIX` letters (lower case; a word whose first
    letters hold none of them starts no phrase), except for the letters of ``whole``, whose
    words try all of ``by_letter`` (a phrase of theirs may be shorter, or start unknowably)."""

    by_letter: dict[str, re.Pattern[str]]
    names: tuple[str, ...]
    order: tuple[str, ...]
    by_prefix: dict[str, re.Pattern[str]] = field(default_factory=dict)
    whole: frozenset[str] = frozenset(LETTERS)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("helpers").joinpath(name).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise LexiconError(f"{name}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping of keys at the top level")
    return data


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _words(data: dict, key: str, name: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{name}: key '{key}': expected a list of words")
    return frozenset(v.lower() for v in value)


def _mapping(data: dict, key: str, name: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise LexiconError(f"{name}: key '{key}': expected a mapping")
    return value


def _family(value: Any, key: str, name: str) -> Family:
    if not isinstance(value, dict) or not {"what", "unit", "factor"} <= set(value):
        raise LexiconError(f"{name}: key '{key}': expected what, unit and factor")
    try:
        return Family(str(value["what"]), str(value["unit"]), float(value["factor"]))
    except (TypeError, ValueError):
        raise LexiconError(f"{name}: key '{key}.factor': not a number") from None


@cache
def what_lexicon() -> WhatLexicon:
    """The lexicon of counted things (``data/what.yml``)."""
    name = WHAT_FILE
    data = _read(name)
    implies: dict[str, tuple[str, str]] = {}
    for noun, pair in _mapping(data, "implies", name).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(map(_is_text, pair))):
            raise LexiconError(f"{name}: key 'implies.{noun}': expected [what, happened]")
        implies[str(noun).lower()] = (pair[0], pair[1])
    try:
        demonym = re.compile(str(data.get("demonym", "(?!)")))
    except re.error as error:
        raise LexiconError(f"{name}: key 'demonym': not a valid pattern: {error}") from None
    families = {
        str(unit): _family(value, f"families.{unit}", name)
        for unit, value in _mapping(data, "families", name).items()
    }
    return WhatLexicon(
        people=_words(data, "people", name),
        demonym=demonym,
        same={str(k).lower(): str(v) for k, v in _mapping(data, "same", name).items()},
        implies=implies,
        invariant=_words(data, "invariant", name),
        plurals={str(k).lower(): str(v) for k, v in _mapping(data, "plurals", name).items()},
        families=families,
        age=_family(data.get("age"), "age", name),
        no_noun=str(data.get("no_noun", "number")),
        persons=_words(data, "persons", name),
        places=_words(data, "places", name),
    )


def _first_letters(items: list, start: int = 0) -> set[str] | None:
    """The lower-case letters a parsed pattern (``re._parser`` items) can start with; None
    when it cannot tell (any letter, then)."""
    for op, av in items[start:]:
        if op is _C.AT:  # \b, ^: no character
            continue
        if op is _C.LITERAL:
            return {chr(av).lower()}
        if op is _C.IN:
            out: set[str] = set()
            for kind, value in av:
                if kind is _C.LITERAL:
                    out.add(chr(value).lower())
                elif kind is _C.RANGE:
                    out |= {chr(c).lower() for c in range(value[0], value[1] + 1)}
                else:
                    return None
            return out
        if op is _C.SUBPATTERN:
            return _first_letters(list(av[-1]))
        if op is _C.BRANCH:
            out = set()
            for branch in av[1]:
                first = _first_letters(list(branch))
                if first is None:
                    return None
                out |= first
            return out
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            low, _, inner = av
            first = _first_letters(list(inner))
            if first is None or low > 0:
                return first
            rest = _first_letters(items, items.index((op, av)) + 1)
            return None if rest is None else first | rest
        return None
    return None


def first_letters(phrase: str) -> frozenset[str]:
    """The letters a phrase of the predicate lexicon can start with ("fell" -> {"f"})."""
    try:
        found = _first_letters(list(_parser.parse(phrase, re.IGNORECASE)))
    except Exception:  # noqa: BLE001 - an unusual pattern is tried at every word
        found = None
    found = {c for c in found or LETTERS if c in LETTERS} if found is not None else set(LETTERS)
    return frozenset(found)


@cache
def predicates() -> Predicates:
    """The predicates of ``data/predicates.yml``, compiled case-insensitively."""
    name = PREDICATES_FILE
    table = _mapping(_read(name), "predicates", name)
    phrases: list[str] = []
    names: list[str] = []
    for predicate, listed in table.items():
        if not isinstance(listed, list) or not listed:
            raise LexiconError(f"{name}: key 'predicates.{predicate}': expected a list of phrases")
        for i, phrase in enumerate(listed):
            try:
                re.compile(str(phrase))
            except re.error as error:
                key = f"predicates.{predicate}[{i}]"
                raise LexiconError(f"{name}: key '{key}': not a valid pattern: {error}") from None
            phrases.append(str(phrase))
            names.append(str(predicate))
    starts = [first_letters(phrase) for phrase in phrases]
    by_letter = _compiled(phrases, {c: [c in first for first in starts] for c in LETTERS})
    begins = [prefixes(phrase, PREFIX) for phrase in phrases]
    whole = set()  # letters with a phrase that may be shorter than PREFIX, or start unknowably
    for first, begin in zip(starts, begins, strict=True):
        if begin is None or any(len(b) < PREFIX for b in begin):
            whole |= first
    keys = sorted({b for begin in begins for b in begin or ()})
    by_prefix = _compiled(phrases, {key: [key in (b or ()) for b in begins] for key in keys})
    order = tuple(str(p) for p in table)
    return Predicates(by_letter, tuple(names), order, by_prefix, frozenset(whole))


def _compiled(phrases: list[str], chosen: dict[str, list[bool]]) -> dict[str, re.Pattern[str]]:
    """One case-insensitive pattern per key of ``chosen``, of the phrases it marks (group
    ``p<i>`` is phrase i, in file order); keys that mark none are left out."""
    out = {}
    for key, marks in chosen.items():
        parts = [rf"(?P<p{i}>{phrase})\b" for i, phrase in enumerate(phrases) if marks[i]]
        if parts:
            out[key] = re.compile("(?:" + "|".join(parts) + ")", re.IGNORECASE)
    return out
