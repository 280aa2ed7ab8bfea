"""Read raw text as the pipeline reads clean text: typography normalised, offsets kept.

Attribution works on straight quotes and plain spaces (:func:`helpers.clean.normalise_typography`:
curly quotes become straight ones, "…" becomes "...", zero-width characters are dropped), and
reads a quotation in single quotes as one in double quotes (same offsets).
:class:`TextMap` normalises a caller's text and maps offsets both ways, so that every offset a
public function returns points into the text the caller gave.

>>> m = TextMap("“Twelve,” he said…")
>>> m.clean
'"Twelve," he said...'
>>> m.to_caller(1), m.to_clean(1)
(1, 1)
"""

from __future__ import annotations

import re
from bisect import bisect_left

from helpers.claims.quotes import single_quotes_as_double
from helpers.clean import normalise_typography
from helpers.clean.text import INVISIBLE, TYPOGRAPHY

# A character that normalising changes (clean text has none, so it is read as it is)
NEEDS_NORMALISING = re.compile("[" + re.escape("".join(TYPOGRAPHY) + "".join(INVISIBLE)) + "]")
# Characters that change the length of the text when normalised: "…" and invisible ones
CHANGES_LENGTH = re.compile(
    "[" + re.escape("".join(c for c, r in TYPOGRAPHY.items() if len(r) != 1)
                    + "".join(INVISIBLE)) + "]"
)  # fmt: skip
ONE_FOR_ONE = str.maketrans({c: r for c, r in TYPOGRAPHY.items() if len(r) == 1})


class TextMap:
    """The clean form of a caller's text and the offset maps between the two.

    ``plain`` is the text as the pipeline cleans it (typography normalised, where figures are
    read); ``clean`` is ``plain`` with single-quote quotations in double quotes (where
    attribution is read). The two have the same length.
    """

    def __init__(self, text: str) -> None:
        self.caller = text
        # clean text (and ASCII) has nothing to normalise: it is read as it is, but for
        # quotations in single quotes, read as double ones (same length)
        if text.isascii() or not NEEDS_NORMALISING.search(text):
            self.plain = text
            self.clean = single_quotes_as_double(text)
            self.identity, self._offsets = self.clean is text, None
            return
        self.identity = False
        if not CHANGES_LENGTH.search(text):  # quotes and dashes only: offsets do not move
            self.plain = text.translate(ONE_FOR_ONE)
            self.clean, self._offsets = single_quotes_as_double(self.plain), None
            return
        self.plain, self._offsets = normalise_typography(text)  # clean index -> caller index
        self.clean = single_quotes_as_double(self.plain)

    def to_clean(self, position: int) -> int:
        """The clean offset of a caller offset (the first clean character from it or after)."""
        if self.identity or self._offsets is None:
            return position
        return bisect_left(self._offsets, position)

    def to_caller(self, position: int) -> int:
        """The caller offset of a clean start offset."""
        if self.identity or self._offsets is None:
            return position
        if position >= len(self._offsets):
            return len(self.caller)
        return self._offsets[position]

    def end_to_caller(self, position: int) -> int:
        """The caller offset of a clean end offset (one past the last character)."""
        if self.identity or self._offsets is None:
            return position
        if position <= 0:
            return 0
        return self._offsets[min(position, len(self._offsets)) - 1] + 1

    def span_to_clean(self, start: int, end: int) -> tuple[int, int]:
        return self.to_clean(start), self.to_clean(end)

    def span_to_caller(self, start: int, end: int) -> tuple[int, int]:
        return self.to_caller(start), self.end_to_caller(end)
