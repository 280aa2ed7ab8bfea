"""The first few characters a pattern of the predicate lexicon can match, read off the pattern.

:func:`prefixes` says, for a regular expression matched case-insensitively, which (lower-case)
strings of ``k`` characters a match can start with. The predicate scan
(:func:`helpers.grouping.happened.predicate_spans`) tries at each word only the phrases that
can start with that word's first three letters, instead of every phrase of its first letter:
most words ("the", "said", "people") start none, and the scan skips them.

The answer is a superset, never a subset: a match always starts with one of the strings given.
A string shorter than ``k`` means the match may end there or go on with any character, and
``None`` that the pattern could start with anything (a pattern the reading does not know).

>>> sorted(prefixes("kill(?:ed|s|ing)?")), sorted(prefixes("t(?:ake|ook) part"))
(['kil'], ['tak', 'too'])
>>> sorted(prefixes("in the dark", 2)), prefixes(r"\\w+ dead")
(['in'], None)
"""

from __future__ import annotations

import re

try:  # the pattern parser of the standard library
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

ANY = "\0"  # stands for a character the reading cannot name; nothing after it counts
WIDEST_RANGE = 64  # a character class wider than this ([a-z] is 26) is read as any character
REPEATS = tuple(
    op for op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) if op
)


def prefixes(phrase: str, k: int = 3) -> frozenset[str] | None:
    """The lower-case strings of ``k`` characters (or fewer, see the module docstring) that a
    case-insensitive match of ``phrase`` can start with; ``None`` when it cannot tell."""
    try:
        found = _sequence(list(_parser.parse(phrase, re.IGNORECASE)), k)
    except Exception:  # noqa: BLE001 - a pattern the parser reads differently: any start
        return None
    out = frozenset(s.split(ANY, 1)[0] for s in found)
    return None if "" in out else out


def _cut(text: str, k: int) -> str:
    """``text`` up to its first unknown character (kept, as a marker) and at most k long."""
    if ANY in text:
        text = text[: text.index(ANY) + 1]
    return text[:k]


def _complete(text: str, k: int) -> bool:
    return len(text) >= k or text.endswith(ANY)


def _then(first: set[str], second: set[str], k: int) -> set[str]:
    """The prefixes of a match of one part (``first``) followed by another (``second``)."""
    out: set[str] = set()
    for head in first:
        if _complete(head, k):
            out.add(head)
        else:
            out |= {_cut(head + tail, k) for tail in second}
    return out


def _sequence(items: list, k: int) -> set[str]:
    """The prefixes of a sequence of parsed items (``re._parser`` output)."""
    out = {""}
    for op, av in items:
        if all(_complete(text, k) for text in out):
            break
        out = _then(out, _item(op, av, k), k)
    return out


def _characters(av: list) -> set[str]:
    """The characters of a character class, lower case, or {ANY} when it cannot list them."""
    chars: set[str] = set()
    for kind, value in av:
        if kind is _C.LITERAL:
            chars.add(chr(value))
        elif kind is _C.RANGE and value[1] - value[0] < WIDEST_RANGE:
            chars |= {chr(c) for c in range(value[0], value[1] + 1)}
        else:  # a negated class, \w, \d ...
            return {ANY}
    # a character outside ASCII may match ASCII ones case-insensitively (K, the kelvin sign)
    return {c.lower() for c in chars} if all(c.isascii() for c in chars) else {ANY}


def _item(op, av, k: int) -> set[str]:
    """The prefixes of one parsed item."""
    if op is _C.LITERAL:
        return _characters([(op, av)])
    if op is _C.IN:
        return _characters(av)
    if op is _C.AT or op in (_C.ASSERT, _C.ASSERT_NOT):  # \b, ^, look-arounds: no character
        return {""}
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]), k)
    if op is _C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _sequence(list(branch), k)
        return out
    if op in REPEATS:
        low, high, inner = av
        once = _sequence(list(inner), k)
        out, repeated = ({""} if low == 0 else set()), {""}
        for n in range(1, min(high, k) + 1):
            repeated = _then(repeated, once, k)
            if n >= min(low, k):
                out |= repeated
        return out
    if op in (_C.ANY, _C.NOT_LITERAL):
        return {ANY}
    return {"", ANY}  # anything else: it may match nothing, or start with any character
