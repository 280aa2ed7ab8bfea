"""Read numbers written in words: "one hundred and fifty", "twenty-five", "two dozen".

One job: the pattern of a run of number words and ``words_value``, its value.
"""

from __future__ import annotations

import re

from helpers.figures.vocabulary import SMALL_NUMBERS, TENS, WORD_SCALES, alternation

# Digits as written: "1,000.5", "4.5", ".001". One number word: "one" not in fixed phrases
# ("one-off", "one-sided", "one-third").
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
WORD_NUM = alternation(list(SMALL_NUMBERS) + list(TENS) + list(WORD_SCALES) + ["dozen"]).replace(
    "one", "one(?!-(?:off|on-one|time|way|sided|third|quarter|half)\\b)"
)

# A run of number words: "one hundred and fifty", "twenty-five", "four thousand".
NUMWORD_RUN_RE = re.compile(
    r"(?i)(?:" + WORD_NUM + r")(?:(?:[ \t\u00a0-]+|[^\S\n]+and[^\S\n]+)(?:" + WORD_NUM + r"))*\b"
)
# One word of a run.
WORD_TOKEN_RE = re.compile(r"[A-Za-z]+")


def words_value(text: str, start: int, end: int) -> tuple[float, int] | None:
    """Read a run of number words; return (value, end of the part that parses) or None.

    "one hundred and fifty" -> 150, "twenty-five" -> 25, "two dozen" -> 24. The run stops at
    the first word that would not continue a well-formed number ("one two" reads "one").
    """
    total = 0.0
    current = 0.0
    last_end = None
    prev = ""  # "small", "tens", "scale", "and"
    for tok in WORD_TOKEN_RE.finditer(text, start, end):
        w = tok.group().lower()
        if w == "and":
            if prev != "scale":
                break
            prev = "and"
            continue
        if w in SMALL_NUMBERS:
            v = SMALL_NUMBERS[w]
            if prev == "small" or (prev == "tens" and v >= 10):
                break
            current += v
            prev = "small"
        elif w in TENS:
            if prev in ("small", "tens"):
                break
            current += TENS[w]
            prev = "tens"
        elif w == "dozen":
            if prev == "and":
                break
            current = (current or 1) * 12
            prev = "scale"
        elif w in WORD_SCALES:
            if prev == "and":
                break
            scale = WORD_SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            prev = "scale"
        else:
            break
        last_end = tok.end()
    if last_end is None:
        return None
    return total + current, last_end
