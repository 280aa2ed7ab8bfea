"""Find every reported figure in English news text and read it the way a careful reader would.

One job: text in, a list of ``Figure`` out (value, range, vagueness, change, unit, kind), in
text order.

How it works (a two-step method worth copying for any rule-based extractor):

1. **One pass of compiled patterns.** ``CANDIDATE_RE`` (compiled once, at import) scans the text
   for anything that could start a figure: digits ("1,000", "4.5", ".001"), number words
   ("two", "a dozen", "one hundred and fifty"), vague plurals ("hundreds", "tens of thousands")
   and fraction words ("half", "a third", "½"). The scan is a single ``re.search`` loop, so
   the cost grows with the length of the text, not with the number of rules.
2. **Per-match interpretation.** Each candidate is read with small anchored patterns
   (``pattern.match(text, pos)``) that look a few characters left and right of it: a currency
   sign before it, a scale word after it ("million", "bn", "k"), a second number that makes a
   range ("12-18", "between 10 and 20", "from 252 to 287 miles"), a unit or the counted noun
   ("miles", "km/h", "per cent", "1,000 additional weapons" -> weapons), and the qualifier
   that sets the change ("more than" >, "about" ~, "up to" <, "rose" up). Rules that say
   what is *not* a figure (years, dates, clock times, ordinals, names such as "F-150" or
   "COVID-19", addresses, card and postal numbers, page furniture) are checked here too.
   Each figure records the ``rule`` that produced it, so every row can be traced.

    >>> [(f.value, f.change, f.unit_normalized) for f in extract_figures(
    ...     "more than 4.5 million residents are without power")]
    [(4500000.0, '>', 'resident')]


The package is split by job: ``scan`` (the single scan), ``digits`` and ``words`` (the two
readers; ``before`` reads what stands before digits), ``numwords`` (values of number words),
``measures`` (units, currencies, scales, rates), ``nouns`` (counted nouns), ``qualifiers``
(change and qualifier), ``ranges``, ``exclusions`` (what is not a figure), ``extract`` (the
loop), ``table`` (the figures table and the command line), ``model`` (``Figure`` and the
reading state), ``vocabulary`` (word lists).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.figures.extract import extract_figures
from helpers.figures.model import FIGURE_COLUMNS, SENTENCE_INPUT_COLUMNS, Figure

if TYPE_CHECKING:
    from helpers.figures.table import figures_table, main


def __getattr__(name: str):
    """``figures_table`` and ``main`` load pandas, so they are imported when first used."""
    if name in ("figures_table", "main"):
        from helpers.figures import table

        return getattr(table, name)
    raise AttributeError(f"module 'helpers.figures' has no attribute {name!r}")


__all__ = [
    "FIGURE_COLUMNS",
    "SENTENCE_INPUT_COLUMNS",
    "Figure",
    "extract_figures",
    "figures_table",
    "main",
]
