"""Read numbers written in words, alone or after digits: "four hundred and twelve",
"twenty-five", "3 hundred million", "two and a half", "one hundred and three quarters",
"nine point nought four", "half a million", "two thirds of a million", "a hundred trillionths".

One job: ``parse_number_words`` reads the longest well-formed number phrase at a position and
returns its value, where it ends and its form (integer, decimal, fraction, mixed number).

How: the words at the position are cut into at most ``MAX_TOKENS`` tokens (number words,
"and", "a", "point", "of", digits), then read by a small grammar of English cardinals:
units and tens make a group below 1000, "hundred" multiplies a group, a big scale
("thousand" ... "trillion", "lakh", "crore") closes it, "dozen" multiplies the last run,
"and" joins a smaller part, "point" starts decimals, and an ordinal ("thirds", "hundredths",
"twenty-fifth") or "half"/"quarter" turns what precedes it into a fraction. The reading stops
at the first token that would not continue a well-formed number ("one two" reads "one";
"3 hundred and 2 hundred" reads "3 hundred"), so the work per call is bounded by the
token limit, whatever the text.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from helpers.figures.vocabulary import SMALL_NUMBERS, TENS, alternation

# Digits as written: "1,000.5", "4.5", ".001" (the second number of a range is read with it).
DIGITS: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"

ZEROS: Final = {"nought": 0, "naught": 0}
UNITS_WORDS: Final = {**SMALL_NUMBERS, **ZEROS}
BIG_SCALES: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# Ordinals that name a denominator: "a third", "five eighths", "one twenty-fifth".
ORDINAL_UNITS: Final = {
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS: Final = {w[:-1] + "ieth": v for w, v in TENS.items()}  # "twentieth" ... "ninetieth"
ORDINAL_SCALES: Final = {
    "hundredth": 1e2,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
}
HALVES: Final = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Multiples: "twofold", "tenfold", "a hundredfold".
FOLDS: Final = {
    w + "fold": v for w, v in {**SMALL_NUMBERS, **TENS, "hundred": 100, "thousand": 1000}.items()
}


def _with_plurals(table: dict) -> dict:
    return {**table, **{w + "s": v for w, v in table.items()}}


DENOMINATOR_WORDS: Final = {
    **_with_plurals(ORDINAL_UNITS),
    **_with_plurals(ORDINAL_TENS),
    **_with_plurals(ORDINAL_SCALES),
    **HALVES,
}
NUMBER_WORDS: Final = frozenset(
    [*UNITS_WORDS, *TENS, "hundred", "hundreds", *BIG_SCALES, "dozen", "dozens"]
    + [*DENOMINATOR_WORDS, *FOLDS, "and", "a", "an", "point", "of"]
)

# One number word; "one" not in fixed phrases ("one-off", "one-sided", "one-time"). Used by
# the range reader to see that a number word follows "to" or "and".
WORD_NUM: Final = alternation(
    [*UNITS_WORDS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"]
).replace("one", "one(?!-(?:off|on-one|time|way|sided)\\b)")

# One token: spaces and at most one hyphen before it ("fifty - two"), then a word or digits.
TOKEN_RE: Final = re.compile(
    r"[ \t\u00a0]*(?:-[ \t\u00a0]*)?(?:(?P<word>[A-Za-z]+)(?![\d])"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d.,]\d|[A-Za-z]))"
)
MAX_TOKENS: Final = 24


class Parsed(NamedTuple):
    """A number phrase: value, end offset, form, and the words read (lower case)."""

    value: float
    end: int
    form: str  # "integer" | "decimal" | "fraction" | "mixed"
    words: tuple[str, ...]
    big: float  # the largest scale word read (1.0 when none)


def tokens_at(text: str, pos: int, first_digits: bool) -> list[tuple[str, int, int]]:
    """Number tokens from ``pos``: (token lower-cased, start, end), stopping at the first word
    that is no number word. Digits are tokens at the start (when ``first_digits``) or after a
    scale word or "and" ("3 hundred and 21", "4 thousand 3 hundred")."""
    out: list[tuple[str, int, int]] = []
    while len(out) < MAX_TOKENS:
        m = TOKEN_RE.match(text, pos)
        if not m:
            break
        word = m.group("word")
        if word is not None:
            low = word.lower()
            if low not in NUMBER_WORDS:
                break
            out.append((low, m.start("word"), m.end()))
        else:
            prev = out[-1][0] if out else ""
            if out and prev not in ("hundred", "and") and prev not in BIG_SCALES:
                break
            if not out and not first_digits or out and not out[0][0].isdigit():
                break  # digits join only a phrase that starts with whole digits
            out.append((m.group("num").replace(",", ""), m.start("num"), m.end()))
        pos = m.end()
    return out


def _is_digits(tok: str) -> bool:
    return tok[:1].isdigit()


class _Cardinal(NamedTuple):
    value: float
    next: int  # index of the first token not read
    big: float  # last big scale read (inf when none)
    split: tuple[float, int, float] | None  # (value before the last "and", its index, big)


def cardinal(toks: list[tuple[str, int, int]], i: int) -> _Cardinal | None:
    """The longest well-formed cardinal from token ``i``: "one hundred and six", "twenty-one
    trillion three hundred", "3 hundred and 21", "a hundred thousand", "three dozens"."""
    run: int | float  # an int when read from a word list, a float from digits
    v: int | float
    total = group = run = 0.0
    state = "start"
    last_big = float("inf")
    has_hundred = False
    best: _Cardinal | None = None
    split = None
    j = i
    n = len(toks)
    while j < n:
        tok = toks[j][0]
        if split is not None and tok == "hundred" and has_hundred and split[1] >= j - 3:
            if state in ("unit", "tens", "digits"):
                # "3 hundred and 2 hundred": the part after "and" starts a new number
                return _Cardinal(split[0], split[1], split[2], None)
        if state == "start" and tok in ("a", "an") and j == i:
            state = "a"
        elif tok in UNITS_WORDS or (_is_digits(tok) and state != "tens"):
            if _is_digits(tok):
                if state not in ("start", "and", "hundred", "big") or (
                    state != "start" and ("." in tok or float(tok) >= 1000)
                ):
                    break
                v = float(tok)
                state = "digits"
            else:
                v = UNITS_WORDS[tok]
                if state == "tens":
                    if v >= 10 or v == 0:
                        break
                    group += v
                    run += v
                    state = "unit"
                    j += 1
                    best = _Cardinal(total + group, j, last_big, split)
                    continue
                if state not in ("start", "and", "hundred", "big"):
                    break
                state = "unit"
            group += v
            run = v
        elif tok in FOLDS:
            if state not in ("start", "a"):
                break
            group, run = float(FOLDS[tok]), 0.0
            j += 1
            best = _Cardinal(total + group, j, last_big, split)
            break
        elif tok in TENS:
            if state not in ("start", "and", "hundred", "big"):
                break
            group += TENS[tok]
            run = TENS[tok]
            state = "tens"
        elif tok == "hundred":
            if state not in ("unit", "tens", "digits", "a") or has_hundred:
                break
            if state != "digits" and group >= 100:
                break
            group = (group or 1) * 100
            has_hundred = True
            run = 0.0
            state = "hundred"
        elif tok in BIG_SCALES:
            scale = BIG_SCALES[tok]
            if state == "big" and total and not group:
                total *= scale  # "three lakh crore", "a thousand million"
                last_big = min(last_big, scale)
            elif state in ("unit", "tens", "digits", "a", "hundred", "dozen") and scale < last_big:
                total += (group or 1) * scale
                last_big = scale
            else:
                break
            group = run = 0.0
            has_hundred = False
            state = "big"
        elif tok in ("dozen", "dozens"):
            if state not in ("unit", "tens", "digits", "a"):
                break
            group = group - run + (run or 1) * 12
            run = 0.0
            state = "dozen"
        elif tok == "and":
            if state not in ("hundred", "big"):
                break
            split = (total + group, j, last_big)
            state = "and"
        else:
            break
        j += 1
        if state not in ("a", "and", "start"):
            best = _Cardinal(total + group, j, last_big, split)
    return best


def _denominator(toks: list[tuple[str, int, int]], j: int) -> tuple[float, int] | None:
    """A denominator at token ``j``: "thirds", "hundredths", "twenty-fifth"."""
    if j >= len(toks):
        return None
    tok = toks[j][0]
    if tok in DENOMINATOR_WORDS:
        return float(DENOMINATOR_WORDS[tok]), j + 1
    if tok in TENS and j + 1 < len(toks):
        nxt = toks[j + 1][0].rstrip("s")
        if nxt in ORDINAL_UNITS and ORDINAL_UNITS[nxt] < 10:
            return float(TENS[tok] + ORDINAL_UNITS[nxt]), j + 2
    return None


def _scale_after(toks: list[tuple[str, int, int]], j: int) -> tuple[float, int]:
    """A scale after a fraction: "million", "a million", "of a million", "a dozen"."""
    k = j
    if k < len(toks) and toks[k][0] == "of":
        k += 1
    if k < len(toks) and toks[k][0] in ("a", "an"):
        k += 1
    if k < len(toks):
        tok = toks[k][0]
        if tok in BIG_SCALES:
            return BIG_SCALES[tok], k + 1
        if tok == "dozen" and k > j:
            return 12.0, k + 1
        if tok == "hundred" and k > j:
            return 100.0, k + 1
    return 1.0, j


def _fraction(toks: list[tuple[str, int, int]], i: int) -> tuple[float, int] | None:
    """A fraction from token ``i``: "a half", "three quarters", "one twenty-fifth",
    "a hundred trillionths", "half" alone. Returns (value, next token index)."""
    if i >= len(toks):
        return None
    tok = toks[i][0]
    if tok in ("half", "quarter"):
        return 1 / HALVES[tok], i + 1
    if tok in ("a", "an") and i + 1 < len(toks):
        den = _denominator(toks, i + 1)
        if den and toks[i + 1][0] in DENOMINATOR_WORDS:
            return 1 / den[0], den[1]
    num = cardinal(toks, i)
    if num is None or num.split is not None:
        return None
    den = _denominator(toks, num.next)
    if den is None or den[0] <= 1:
        return None
    return num.value / den[0], den[1]


def parse_number_words(text: str, pos: int, first_digits: bool = False) -> Parsed | None:
    """Read the number phrase at ``pos``; None when there is none.

    >>> [parse_number_words(t, 0).value for t in ("one hundred and three quarters",
    ...     "two thirds of a million", "nine point nought four", "3 million and a half")]
    [100.75, 666666.6666666666, 9.04, 3500000.0]
    """
    toks = tokens_at(text, pos, first_digits or text[pos : pos + 1].isdigit())
    if not toks:
        return None
    words = tuple(t[0] for t in toks)
    frac = _fraction(toks, 0)
    card = cardinal(toks, 0)
    if frac is not None and (card is None or frac[1] > card.next or card.split is not None):
        value, j = frac
        scale, j = _scale_after(toks, j)
        form = "fraction" if scale == 1 else "integer"
        return Parsed(value * scale, toks[j - 1][2], form, words[:j], scale)
    if card is None:
        return None
    if card.split is not None and _denominator(toks, card.next) is not None:
        card = _Cardinal(*card.split, None)  # "one hundred and three quarters": a mixed number
    value, j, big = card.value, card.next, card.big
    form = "integer"
    if j < len(toks) and toks[j][0] == "point" and not _is_digits(words[j - 1]):
        dec = _decimals(toks, j + 1)
        if dec is not None:
            value, j, form = value + dec[0], dec[1], "decimal"
            scale, j2 = _scale_after(toks, j)
            if scale > 1 and big == float("inf") and j < len(toks) and toks[j][0] != "a":
                value, j, big = value * scale, j2, scale
    elif j + 1 < len(toks) and toks[j][0] == "and":
        part = _fraction(toks, j + 1)
        if part is not None:
            frac_value, k = part
            scale, k2 = _scale_after(toks, k)
            if scale > 1 and toks[k][0] not in ("of", "a", "an"):  # k < len: a scale was read
                if big == float("inf"):
                    value = (value + frac_value) * scale  # "five and a half million"
                else:
                    value += frac_value * scale  # "one billion and three quarters million"
                k = k2
            elif big != float("inf"):
                value += frac_value * big  # "3 million and a quarter"
            else:
                value += frac_value  # "twenty and three fifths"
            j, form = k, "mixed"
    return Parsed(value, toks[j - 1][2], form, words[:j], 1.0 if big == float("inf") else big)


def _decimals(toks: list[tuple[str, int, int]], j: int) -> tuple[float, int] | None:
    """Digits after "point": "zero three" -> .03, "seventy-one" -> .71, "eleven" -> .11."""
    digits = ""
    while j < len(toks):
        tok = toks[j][0]
        if tok in UNITS_WORDS and UNITS_WORDS[tok] < 10:
            digits += str(UNITS_WORDS[tok])
        elif not digits and tok in UNITS_WORDS:
            digits = str(UNITS_WORDS[tok])
            j += 1
            break
        elif not digits and tok in TENS:
            digits = str(TENS[tok] // 10)
            if j + 1 < len(toks) and toks[j + 1][0] in SMALL_NUMBERS:
                unit = SMALL_NUMBERS[toks[j + 1][0]]
                if 0 < unit < 10:
                    digits = str(TENS[tok] + unit)
                    j += 1
            j += 1
            break
        else:
            break
        j += 1
    if not digits:
        return None
    return float("0." + digits), j


def words_value(text: str, start: int, end: int) -> tuple[float, int] | None:
    """Value of the number words in ``text[start:end]``: (value, end of what parses) or None.

    "one hundred and fifty" -> 150, "twenty-five" -> 25, "two dozen" -> 24.
    """
    parsed = parse_number_words(text[:end], start)
    if parsed is None:
        return None
    return parsed.value, parsed.end
