"""The single scan for places where a figure could start, and the spans it must skip.

One job: ``candidates`` yields each place where a figure could start (digits, a leading point,
a fraction symbol, a number word) in text order; ``SKIP_RE`` finds web addresses and e-mail
addresses, whose digits are never figures.

The scan runs on the lower-cased text (same offsets; the original case is read back when a
candidate is interpreted), so the number words are one case-sensitive trie of alternatives:
the regex engine then rejects most positions at their first character.
"""

from __future__ import annotations

import re

from helpers.figures.numwords import BIG_SCALES, DENOMINATOR_WORDS, FOLDS, ZEROS
from helpers.figures.vocabulary import SMALL_NUMBERS, TENS, VAGUE, trie_alternation

# Number words that can start a figure (bare scales cannot: "hundred" needs "a" or a number).
START_WORDS = [*SMALL_NUMBERS, *ZEROS, *TENS, "half", "quarter", *VAGUE, *FOLDS]
# Words after "a"/"an" that make a figure: "a dozen", "a million", "a third", "an eighth".
AFTER_A_WORDS = ["dozen", "hundred", *BIG_SCALES, "half", "quarter"] + [
    w for w in DENOMINATOR_WORDS if not w.endswith("s") and w not in ("half", "quarter")
]
# Vulgar fractions: "½", "¾", "⅙" ...
VULGAR_FRACTIONS = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅐": 1 / 7,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
    "⅑": 1 / 9,
    "⅒": 1 / 10,
}
_VULGAR = "".join(VULGAR_FRACTIONS)
# A space inside a number grouped in thousands: "2 450 000" (also no-break and thin spaces).
GROUP_SPACES = " \u00a0\u202f\u2009"

# The scan, on lower-cased text. Branches:
#   digits  "1,000.5" "4.5" "2022" "2 450 000" "12,34,567" (not the inner digits of "f16",
#           "1.2.3" or "v1.2"); a group of three after a space ("1 234") must end there
#   point   ".001"
#   frac    "½" "⅙"
#   word    a number word at the start of a word, after a space, bracket, quote, slash or
#           dash (or at the start of the text): "two", "twenty", "hundreds", "half",
#           "a dozen", "an eighth" (checked again when read)
_DIGITS_BRANCH = (
    r"(?P<digits>\d(?<![\d.,]\d)(?:"
    r"\d?(?:,\d\d)+,\d{3}(?!\d)"  # 12,34,567 (lakh grouping)
    r"|\d{0,2}(?:,\d{3})+"
    r"|\d{0,2}(?:[" + GROUP_SPACES + r"]\d{3}(?![\d,]))+"
    r"|\d*)(?:\.\d+)?(?!\d))"
)
CANDIDATE_RE = re.compile(
    _DIGITS_BRANCH + r"|(?P<point>\.(?<![\w.]\.)\d+)"
    r"|(?P<frac>[" + _VULGAR + r"])"
    r"|(?<![^\s(\[\"'“‘/—–-])(?P<word>(?:an?[^\S\n]+(?:" + trie_alternation(AFTER_A_WORDS) + r")"
    r"|" + trie_alternation(START_WORDS) + r")(?![a-z]))"
)
# The same on text whose lower-casing changes its length (rare scripts): case-insensitive.
CANDIDATE_CI_RE = re.compile(CANDIDATE_RE.pattern, re.IGNORECASE)

# Web and e-mail addresses: "https://example.org/a/2024/10", "www.site.com", "jo@mail.com".
SKIP_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)


class Scanner:
    """Finds the next place in a text where a figure could start, skipping web and e-mail
    addresses: ``Scanner(text).next(pos)`` -> match or None (offsets into ``text``)."""

    __slots__ = ("scan", "search", "skips", "k")

    def __init__(self, text: str) -> None:
        low = text.lower()
        same = len(low) == len(text)
        self.scan = low if same else text
        self.search = (CANDIDATE_RE if same else CANDIDATE_CI_RE).search
        self.skips: list[tuple[int, int]] = []
        if "://" in text or "www." in low or "@" in text:
            self.skips = [m.span() for m in SKIP_RE.finditer(text)]
        self.k = 0

    def next(self, pos: int) -> re.Match | None:
        """The first candidate at or after ``pos`` that is not inside an address."""
        while True:
            m = self.search(self.scan, pos)
            if m is None or not self.skips:
                return m
            skips, k = self.skips, self.k
            while k < len(skips) and skips[k][1] <= m.start():
                k += 1
            self.k = k
            if k < len(skips) and skips[k][0] <= m.start():
                pos = skips[k][1]
                continue
            return m
