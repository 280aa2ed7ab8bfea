"""Quotations in clean text: where each quote opens and closes, paragraph by paragraph.

Quote marks are straight double quotes (the text is normalised first) and are paired within a
paragraph (a line). A paragraph that opens a quote and does not close it leaves the quote
running to its end, as news writing does when the next paragraph reopens the same quote:

>>> quote_spans('He said, "one.\\n"Two," he added.')
[(9, 14), (15, 20)]
>>> runs_on('He said, "one.\\n"Two," he added.', 15)
True
"""

from __future__ import annotations

QUOTE = '"'


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Pair the quote marks of each line: [(open, close), ...] in text order.

    ``close`` is the offset of the closing mark, or of the line's end for a quote left open.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        marks: list[int] = []
        position = line.find(QUOTE)
        while position >= 0:
            marks.append(offset + position)
            position = line.find(QUOTE, position + 1)
        spans.extend(zip(marks[0::2], marks[1::2], strict=False))
        if len(marks) % 2:
            spans.append((marks[-1], offset + len(line)))
        offset += len(line) + 1
    return spans


def runs_on(text: str, open_: int) -> bool:
    """True when the quote opening at ``open_`` starts a line and the line before left a quote
    open: the same speaker goes on talking."""
    if open_ == 0 or text[open_ - 1] != "\n":
        return False
    line_start = text.rfind("\n", 0, open_ - 1) + 1
    return text.count(QUOTE, line_start, open_ - 1) % 2 == 1
