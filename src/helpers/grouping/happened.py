"""What happened to a figure: the predicate of ``data/predicates.yml`` nearest to it in its
sentence, in the spirit of a reader who looks at the words around a number.

:func:`predicate_spans` finds every predicate phrase of a sentence once; :func:`nearest` picks
the one that belongs to a figure: among the words between the figure and its neighbouring
figures of the same sentence (so that in "14 people were killed and 40 injured" the 40 are
injured), the closest one on either side, a phrase that runs across the figure ("forcing about
22,000 residents to leave") counting as closest, a comma between them counting as a long way
(another clause), and ties going to the phrase before.

>>> text = "14 people were killed and 40 injured"
>>> spans = predicate_spans(text)
>>> nearest(text, spans, 0, 9, 0, 26), nearest(text, spans, 26, 28, 9, 36)
('killed', 'injured')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from helpers.grouping.lexicon import PREFIX, predicates

WORD_START = re.compile(r"\b[A-Za-z]")  # the first letter of a word: "k" of "killed"
MAX_DISTANCE = 80  # characters between a figure and a predicate that can still be its own
COMMA_COST = 40  # a comma between them counts as this many characters (another clause)


class Span(NamedTuple):
    """A predicate phrase in a sentence: its offsets, the predicate it says, its lexicon rank."""

    start: int
    end: int
    predicate: str
    rank: int


@lru_cache(maxsize=4096)
def predicate_spans(sentence: str) -> tuple[Span, ...]:
    """Every predicate phrase of ``sentence``, left to right (at each word, the first phrase of
    the lexicon that matches there; a phrase found is skipped over).

    At each word only the phrases that can start with its first letters are tried
    (:class:`~helpers.grouping.lexicon.Predicates`): the same spans, a third faster."""
    lexicon = predicates()
    by_letter, by_prefix, whole, names = (
        lexicon.by_letter,
        lexicon.by_prefix,
        lexicon.whole,
        lexicon.names,
    )
    spans = []
    pos = 0
    for start in map(_START, WORD_START.finditer(sentence)):
        if start < pos:
            continue
        begins = sentence[start : start + PREFIX]
        if begins.isascii():
            begins = begins.lower()
            letter = begins[0]
            pattern = by_letter.get(letter) if letter in whole else by_prefix.get(begins)
        else:  # a letter outside ASCII may match an ASCII one case-insensitively
            pattern = by_letter.get(begins[0].lower())
        match = pattern.match(sentence, start) if pattern is not None else None
        if match is not None:
            rank = int(match.lastgroup[1:])
            pos = match.end()
            spans.append(Span(start, pos, names[rank], rank))
    return tuple(spans)


_START = re.Match.start


def _distance(sentence: str, span: Span, start: int, end: int) -> tuple[int, int, int]:
    """How far ``span`` lies from the figure at ``start:end``: (characters plus
    :data:`COMMA_COST` per comma between them, 0 before or across the figure / 1 after it,
    lexicon rank), so that ties go to the phrase before, then to the lexicon's order."""
    if span.end <= start:
        gap, side = sentence[span.end : start], 0
    elif span.start >= end:
        gap, side = sentence[end : span.start], 1
    else:
        return 0, 0, span.rank
    return len(gap) + COMMA_COST * gap.count(","), side, span.rank


def nearest(
    sentence: str, spans: tuple[Span, ...], start: int, end: int, low: int, high: int
) -> str:
    """The predicate of the figure at ``start:end`` of ``sentence`` (whose phrases are
    ``spans``): the closest phrase within ``low:high`` (the stretch between its neighbouring
    figures) and at most :data:`MAX_DISTANCE` away; "" when there is none."""
    best = None
    for span in spans:
        if span.start >= low and span.end <= high:
            ranked = (*_distance(sentence, span, start, end), span.predicate)
            if best is None or ranked < best:
                best = ranked
    return best[3] if best is not None and best[0] <= MAX_DISTANCE else ""
