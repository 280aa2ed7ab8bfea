"""Read raw text as the pipeline reads clean text: typography normalised, offsets kept.

Attribution works on straight quotes and plain spaces (:func:`helpers.clean.normalise_typography`:
curly quotes become straight ones, "…" becomes "...", zero-width characters are dropped).
:class:`TextMap` normalises a caller's text and maps offsets both ways, so that every offset a
public function returns points into the text the caller gave.

>>> m = TextMap("“Twelve,” he said…")
>>> m.clean
'"Twelve," he said...'
>>> m.to_caller(1), m.to_clean(1)
(1, 1)
"""

from __future__ import annotations

from bisect import bisect_left

from helpers.clean import normalise_typography


class TextMap:
    """The clean form of a caller's text and the offset maps between the two."""

    def __init__(self, text: str) -> None:
        self.caller = text
        if text.isascii():  # nothing to normalise: every character it maps is beyond ASCII
            self.clean, self.identity, self._offsets = text, True, []
            return
        clean, offsets = normalise_typography(text)
        self.clean = clean
        self.identity = clean == text
        self._offsets = offsets  # clean index -> caller index

    def to_clean(self, position: int) -> int:
        """The clean offset of a caller offset (the first clean character from it or after)."""
        if self.identity:
            return position
        return bisect_left(self._offsets, position)

    def to_caller(self, position: int) -> int:
        """The caller offset of a clean start offset."""
        if self.identity:
            return position
        if position >= len(self._offsets):
            return len(self.caller)
        return self._offsets[position]

    def end_to_caller(self, position: int) -> int:
        """The caller offset of a clean end offset (one past the last character)."""
        if self.identity:
            return position
        if position <= 0:
            return 0
        return self._offsets[min(position, len(self._offsets)) - 1] + 1

    def span_to_clean(self, start: int, end: int) -> tuple[int, int]:
        return self.to_clean(start), self.to_clean(end)

    def span_to_caller(self, start: int, end: int) -> tuple[int, int]:
        return self.to_caller(start), self.end_to_caller(end)
