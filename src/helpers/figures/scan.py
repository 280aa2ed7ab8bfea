"""The single scan for places where a figure could start.

One job: ``CANDIDATE_RE`` (digits, a leading point, a fraction symbol, a number word) and
``WORD_AT_START_RE`` (a number word at the very start of a text).
"""

from __future__ import annotations

import re

from helpers.figures.vocabulary import SMALL_NUMBERS, TENS, VAGUE, WORD_SCALES, alternation

_WORD_CANDIDATES = (
    list(SMALL_NUMBERS) + list(TENS) + list(WORD_SCALES) + ["dozen", "half"] + list(VAGUE)
)
_FIRST_LETTERS = "".join(sorted({w[0] for w in _WORD_CANDIDATES} | {"a"}))
_TAILS = alternation({w[1:] for w in _WORD_CANDIDATES})

# The single scan. Every branch starts with a character class, which lets the regex engine
# skip quickly to the next place a figure could start (about 10 MB/s on news text).
#   digits  "1,000.5" "4.5" "2022" (not the inner digits of "F16" or "1.2.3")
#   point   ".001"
#   frac    "½"
#   word    a number word at the start of a word, after a space or bracket: "two",
#           "Twenty", "hundreds", "half", "a dozen", "a third" (checked again when read)
CANDIDATE_RE = re.compile(
    r"(?P<digits>\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?!\d))"
    r"|(?P<point>\.(?<![\w.]\.)\d+)"
    r"|(?P<frac>[½¼¾⅓⅔⅛])"
    r"|[\s(\[\"'“‘/—–-](?P<word>["
    + _FIRST_LETTERS
    + _FIRST_LETTERS.upper()
    + r"](?:"
    + _TAILS
    + r"|\s+(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|fourth|fifth|"
    r"sixth|eighth|tenth))\b)"
)
# The same word alternative at the very start of a text, where no space precedes it.
WORD_AT_START_RE = re.compile(
    r"(?P<word>["
    + _FIRST_LETTERS
    + _FIRST_LETTERS.upper()
    + r"](?:"
    + _TAILS
    + r"|\s+(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|fourth|fifth|"
    r"sixth|eighth|tenth))\b)"
)
