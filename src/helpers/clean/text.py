"""Typography and lines: the characters of a raw text normalised, and the text cut into lines.

:func:`normalise_typography` straightens quotes and dashes and plain-spaces odd spaces (one
``str.translate``), with a map from every output character back to the raw one;
:func:`split_lines` cuts a raw text into numbered :class:`Line` records with their offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters replaced one for one: curly quotes, dashes, and the odd spaces of web pages.
TYPOGRAPHY = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u2033": '"',  # ″
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00a0": " ",  # non-breaking space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow non-breaking space
    "\u2026": "...",  # … (one raw character becomes three clean ones)
}
# Characters dropped altogether: zero-width spaces and joiners, soft hyphens, byte-order marks.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u00ad\ufeff")


_TRANSLATION = str.maketrans({**TYPOGRAPHY, **dict.fromkeys(INVISIBLE)})
# any character that normalisation changes: "…", "–", a zero-width space ...
SPECIAL = re.compile(
    "[" + re.escape("".join(sorted(TYPOGRAPHY)) + "".join(sorted(INVISIBLE))) + "]"
)
# the characters that change the length: dropped ones and "…" (one character becomes three)
RESIZED = re.compile(
    "["
    + re.escape("".join(sorted(c for c, r in TYPOGRAPHY.items() if len(r) != 1)))
    + re.escape("".join(sorted(INVISIBLE)))
    + "]"
)


def normalise_typography(text: str) -> tuple[str, list[int]]:
    """Return ``text`` with straight quotes, ``-`` dashes and plain spaces, plus an offset map.

    The map has one entry per character of the result: the index in ``text`` of the character
    it came from, so ``text[offsets[i]]`` produced ``result[i]``.

    >>> normalise_typography("“Hi” – ok")
    ('"Hi" - ok', [0, 1, 2, 3, 4, 5, 6, 7, 8])
    >>> normalise_typography("a\u200b…")
    ('a...', [0, 2, 2, 2])
    """
    return normalise(text), typography_offsets(text)


def typography_offsets(text: str, base: int = 0) -> list[int]:
    """The offset map of :func:`normalise_typography` of ``text``, each entry plus ``base``.

    Most characters map one for one, so the map is runs of consecutive offsets, broken only
    where a character is dropped or becomes three.
    """
    offsets: list[int] = []
    pos = 0
    for found in RESIZED.finditer(text):
        i = found.start()
        offsets.extend(range(base + pos, base + i))
        offsets.extend([base + i] * len(TYPOGRAPHY.get(text[i], "")))
        pos = i + 1
    offsets.extend(range(base + pos, base + len(text)))
    return offsets


def normalise(text: str) -> str:
    """Return ``text`` with typography normalised (see :func:`normalise_typography`)."""
    if SPECIAL.search(text) is None:
        return text
    return text.translate(_TRANSLATION)


# --- lines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One raw line: its 1-based number, the span of its stripped content, and that content."""

    line_no: int
    start: int  # offset of the first non-space character in the raw text
    end: int  # offset just past the last non-space character
    raw: str  # raw[start:end] of the article
    text: str  # the same with typography normalised


def split_lines(raw_text: str) -> list[Line]:
    """Split raw text into :class:`Line` records (blank lines included, with empty text).

    Handles ``\\n``, ``\\r\\n`` and ``\\r`` line ends; offsets index ``raw_text``.
    """
    lines: list[Line] = []
    pos = 0
    for number, piece in enumerate(raw_text.splitlines(keepends=True), start=1):
        content = piece.rstrip("\r\n")
        stripped_left = len(content) - len(content.lstrip())
        core = content.strip()
        start = pos + stripped_left if core else pos
        lines.append(Line(number, start, start + len(core), core, normalise(core)))
        pos += len(piece)
    return lines


@dataclass(frozen=True)
class RemovedLine:
    """A non-blank raw line left out of the clean text, and the rule that left it out."""

    line_no: int
    rule: str
    text: str
