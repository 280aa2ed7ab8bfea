"""The single scan for places where a figure could start, and the spans it must skip.

One job: ``candidates`` lists each place where a figure could start (digits, a leading point,
a fraction symbol, a number word) in text order; ``SKIP_RE`` finds web addresses and e-mail
addresses, whose digits are never figures.

The scan runs on the lower-cased text (same offsets; the original case is read back when a
candidate is interpreted), so the number words are one case-sensitive trie of alternatives:
the regex engine then rejects most positions at their first character.
"""

from __future__ import annotations

import re
from typing import Final

from helpers.figures.numwords import BIG_SCALES, DENOMINATOR_WORDS, FOLDS, ZEROS
from helpers.figures.vocabulary import SMALL_NUMBERS, TENS, VAGUE, trie_alternation

# Number words that can start a figure (bare scales cannot: "hundred" needs "a" or a number).
START_WORDS: Final = [*SMALL_NUMBERS, *ZEROS, *TENS, "half", "quarter", *VAGUE, *FOLDS]
# Words after "a"/"an" that make a figure: "a dozen", "a million", "a third", "an eighth".
AFTER_A_WORDS: Final = ["dozen", "hundred", *BIG_SCALES, "half", "quarter"] + [
    w for w in DENOMINATOR_WORDS if not w.endswith("s") and w not in ("half", "quarter")
]
# Vulgar fractions: "½", "¾", "⅙" ...
VULGAR_FRACTIONS: Final = {
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
_VULGAR: Final = "".join(VULGAR_FRACTIONS)
# A space inside a number grouped in thousands: "2 450 000" (also no-break and thin spaces).
GROUP_SPACES: Final = " \u00a0\u202f\u2009"

# The scan, on lower-cased text. Branches:
#   digits  "1,000.5" "4.5" "2022" "2 450 000" "12,34,567" (not the inner digits of "f16",
#           "1.2.3" or "v1.2"); a group of three after a space ("1 234") must end there
#   point   ".001"
#   frac    "½" "⅙"
#   word    a number word at the start of a word, after a space, bracket, quote, slash or
#           dash (or at the start of the text): "two", "twenty", "hundreds", "half",
#           "a dozen", "an eighth" (checked again when read)
_DIGITS_BRANCH: Final = (
    r"(?P<digits>\d(?<![\d.,]\d)(?:"
    r"\d?(?:,\d\d)+,\d{3}(?!\d)"  # 12,34,567 (lakh grouping)
    r"|\d{0,2}(?:,\d{3})+"
    r"|\d{0,2}(?:[" + GROUP_SPACES + r"]\d{3}(?![\d,]))+"
    r"|\d*)(?:\.\d+)?(?!\d))"
)
DIGITS_RE: Final = re.compile(_DIGITS_BRANCH)
# A point that starts a number: ".001", "(.5", but not the point of "4.5", "v1.2" or "x_.5"
# (``\w`` is what ``str.isalnum`` accepts, plus "_"). The look-behind comes after the point, so
# that the engine can skip to each point at C speed.
LEADING_POINT_RE: Final = re.compile(r"(?P<point>\.(?<![\w.]\.)\d+)")
FRACTION_RE: Final = re.compile(r"(?P<frac>[" + _VULGAR + r"])")
# What may stand before a number word: a space, a bracket, a quote, a slash or a dash.
_WORD_BEFORE: Final = " \t\n\r\f\v\u00a0([\"'“‘/—–-"
_WORD_ALTERNATION: Final = trie_alternation(
    START_WORDS + [f"{a} {w}" for a in ("a", "an") for w in AFTER_A_WORDS]
)
# A number word (on lower-cased text) after one of those characters: " two", "(twenty",
# " a dozen". The pattern starts with the character class, so the engine stops only at spaces
# and the like, not at every letter; the word at the very start of a text is tried apart.
WORD_RE: Final = re.compile(
    r"[" + re.escape(_WORD_BEFORE) + r"](?P<word>" + _WORD_ALTERNATION + r")(?![a-z])"
)
WORD_CI_RE: Final = re.compile(WORD_RE.pattern, re.IGNORECASE)
WORD_AT_START_RE: Final = re.compile(r"(?P<word>" + _WORD_ALTERNATION + r")(?![a-z])")
WORD_AT_START_CI_RE: Final = re.compile(WORD_AT_START_RE.pattern, re.IGNORECASE)

# Web and e-mail addresses: "https://example.org/a/2024/10", "www.site.com", "jo@mail.com".
SKIP_RE: Final = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)


def candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    """The places in a text where a figure could start, in text order, outside web and e-mail
    addresses: a list of (start, end, kind, match), ``start`` being where the digits, the
    point, the fraction or the number word begins, ``end`` where its match ends and ``kind``
    which of them it is (``match.lastgroup``). Each kind of candidate is found by one pass of
    its pattern over the whole text (one pattern for all four is slower: the engine then
    cannot skip to the first character of one of them)."""
    cands = [(m.start(), m.end(), "digits", m) for m in DIGITS_RE.finditer(text)]
    low = text.lower()
    if len(low) == len(text):
        words_rx, first_rx, scan = WORD_RE, WORD_AT_START_RE, low
    else:
        words_rx, first_rx, scan = WORD_CI_RE, WORD_AT_START_CI_RE, text
    first = first_rx.match(scan)
    more = [(0, first.end(), "word", first)] if first else []
    # Each pattern is searched once before its list is built: most texts have none of its
    # matches, and the list costs more than the search. A word match starts at the character
    # before the number word.
    m = words_rx.search(scan, first.end() if first else 0)
    if m is not None:
        more += [(m.start("word"), m.end(), "word", m) for m in words_rx.finditer(scan, m.start())]
    m = LEADING_POINT_RE.search(text) if "." in text else None
    if m is not None:
        points = LEADING_POINT_RE.finditer(text, m.start())
        more += [(m.start(), m.end(), "point", m) for m in points]
    # Eighteen substring tests cost a tenth of a character-class scan of a non-ASCII text.
    if not text.isascii() and any(c in text for c in _VULGAR):
        more += [(m.start(), m.end(), "frac", m) for m in FRACTION_RE.finditer(text)]
    if more:
        cands += more
        cands.sort()  # by start: no two candidates start at the same character
    if "://" in text or "www." in low or "@" in text:
        spans = [m.span() for m in SKIP_RE.finditer(text)]
        cands = [c for c in cands if not any(a <= c[0] < b for a, b in spans)]
    return cands
