"""Find every reported figure in a text: the scan loop and the last pass over its figures.

One job: ``extract_figures`` scans the text once (``scan.CANDIDATE_RE``), hands each candidate
to its reader (digits, words, a fraction symbol), freezes the readings into ``Figure`` records
and lets neighbouring figures share a unit or a change ("eight or nine euros", "rose 2%, 3% and
4%").
"""

from __future__ import annotations

import re

from helpers.figures.changes import share_changes
from helpers.figures.digits import read_digits
from helpers.figures.measures import read_unit
from helpers.figures.model import Figure, Reading, finish, last_word
from helpers.figures.pairs import mark_conversions, merge_bounds, over_a_period, share_units
from helpers.figures.qualifiers import read_qualifiers
from helpers.figures.scan import VULGAR_FRACTIONS, candidates
from helpers.figures.words import read_words


def read_candidate(text: str, s: int, m: re.Match) -> tuple[Reading | None, int]:
    """Interpret one candidate match starting at ``s``; return (reading or None, position to
    resume scanning)."""
    kind = m.lastgroup
    if kind == "digits" or kind == "point":
        return read_digits(text, s, m.end())
    if kind == "frac":
        e = m.end()
        r = Reading(s, e, VULGAR_FRACTIONS[m.group()], "fraction-symbol")
        r.kind = "other"
        e = read_unit(text, r, e)
        r.end = e
        read_qualifiers(text, r)
        return r, e
    return read_words(text, s, m.end("word"))


def extract_figures(text: str) -> list[Figure]:
    """Return every reported figure in ``text``, in text order.

    ``text`` is plain English text (a sentence, a paragraph or a whole article). Each Figure
    holds its span (``text[start:end] == surface``), its value (a range's midpoint, with
    ``low``/``high``), change, unit and kind. Raises TypeError for anything but a str.

    >>> [(f.surface, f.unit, f.conversion_of) for f in extract_figures("75 miles (120 km)")]
    [('75 miles', 'miles', -1), ('120 km', 'km', 0)]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_figures expects a str, got {type(text).__name__}")
    figures: list[Figure] = []
    last_word.cache_clear()
    pos = 0
    last_end = 0
    for start, end, kind, m in candidates(text):
        if start < pos:
            continue  # inside the figure read last
        if kind == "digits":
            reading, resume = read_digits(text, start, end)
        else:
            reading, resume = read_candidate(text, start, m)
        if reading is not None:
            fig = finish(text, reading)  # None when too large for a float ("1.5e308 miles")
            if fig is not None and (reading.start >= last_end or not figures):
                figures.append(fig)
                last_end = reading.end
            if reading.end > resume:
                resume = reading.end
        pos = resume if resume > end else end
    if len(figures) > 1:
        figures = mark_conversions(text, share_units(text, merge_bounds(text, figures)))
        figures = over_a_period(text, figures)
    return share_changes(text, figures) if figures else figures
