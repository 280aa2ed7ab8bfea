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

import re

QUOTE = '"'
# A single quote that opens a quotation (British style): at a line start or after a space or
# bracket, before a capital or a digit ("'We lost 30 sheep,' said ..."); not "'90s" or "rock 'n'"
SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))'(?=[A-Z0-9])", re.MULTILINE)
# A single quote that closes one: after the quotation's final punctuation, before a space, a
# bracket or the line's end ("...morning,' said"); a possessive ("players' union") has none
SINGLE_CLOSE = re.compile(r"(?<=[,.!?])'(?=[\s)\]]|$)", re.MULTILINE)


def single_quotes_as_double(text: str) -> str:
    """``text`` with each paired single-quote quotation written with double quotes.

    Same length, offsets kept. Only lines without double quotes are read (a single quote
    inside a double-quoted one is a quote within a quote), and an opening mark counts only
    with a closing mark after it on its line:

    >>> single_quotes_as_double("'We lost 30 sheep,' said Owen Lake's son.")
    '"We lost 30 sheep," said Owen Lake\'s son.'
    """
    if "'" not in text:
        return text
    marks: list[int] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if "'" not in body or QUOTE in body:
            continue
        opens = [m.start() for m in SINGLE_OPEN.finditer(body)]
        if not opens:
            continue
        closes = [m.start() for m in SINGLE_CLOSE.finditer(body)]
        position = -1
        for open_ in opens:
            if open_ <= position:
                continue
            close = next((c for c in closes if c > open_), None)
            if close is None:
                break
            marks += [line.start() + open_, line.start() + close]
            position = close
    if not marks:
        return text
    chars = list(text)
    for mark in marks:
        chars[mark] = QUOTE
    return "".join(chars)


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
