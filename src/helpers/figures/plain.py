"""The commonest shapes of a figure in digits, read in one short function each: a percent
("rose 4.5% to"), a unit ("300 metres", "5 per cent"), a count followed by its plural noun
("said 131 flights were") and a bare number before a function word ("won 5 on Monday").

One job: for digits with a lower-case word and a space before them (``digits.read_digits``
has checked that, that no sign word stands there and that no exclusion applies), read these
shapes with the few rules that can apply to them, and say None for anything else, which the
full chain of ``digits.read_digits`` then reads. Each function gives exactly the reading the
full chain gives (the same ``rule``, "digits"), which ``tests/test_figures_plain.py`` checks;
the conditions below are the places where another of the chain's rules could apply, so they
send the digits back to it:

- after the digits: a scale ("5 million"), a range ("5 to 7", "5 and", "5 or"), a currency
  ("5 dollars"), a power ("5 x 10"), a one-letter unit ("5 m"), a character that only the
  unit pattern can compare ("ſ"); and, when no unit follows, a ratio ("1 in 5"), a rate
  without a unit ("5 a day", "5 per week"), a word the noun reader skips ("5 more", "5 of"),
  "one" before a noun, four digits (a year?), a word that is not a plural noun;
- before the digits, when no unit follows: a word that makes the number a label ("No 5", "p
  12"), an age ("aged 5", "x-aged 5") or opens a range ("between 5 and 7"), or one with
  capitals or other characters than letters (a name?).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from helpers.figures.measures import UNIT_CI_SPELLINGS, UNIT_CS_MAP, UNIT_LOWER, read_rate
from helpers.figures.model import Reading, digits_value
from helpers.figures.nouns import plural_first
from helpers.figures.qualifiers import read_tail
from helpers.figures.ranges import try_range
from helpers.figures.vocabulary import SKIP_WORDS, STOP_WORDS
from helpers.units import (
    CASE_SENSITIVE_UNITS,
    CURRENCY_SUFFIXES,
    SCALES,
    UNITS,
    singular,
)

# The word after "5 ": lower-case letters, then what may end it.
_WORD_AFTER_RE: Final = re.compile(r"[a-z]+")
# What may end that word for the shortcut: a space, punctuation or the end of the text (not a
# letter, digit, apostrophe or hyphen, which make a longer token or a compound).
_WORD_END: Final = frozenset(" ,.;:!?)")


def _head(spelling: str) -> str:
    """The lower-case letters that start a spelling ("per" of "per cent", "k" of "kW")."""
    m = _WORD_AFTER_RE.match(spelling)
    return m.group() if m else ""


# Words after a number that start a unit or a currency ("miles", "per" of "per cent", "sq" of
# "sq ft", "dollars", "p" of "p"): after any of these the full chain reads the unit.
_SPELLINGS: Final = [*UNITS, *CASE_SENSITIVE_UNITS, *CURRENCY_SUFFIXES]
_UNIT_HEADS: Final = frozenset(
    [_head(u.lower()) for u in _SPELLINGS] + [_head(u) for u in _SPELLINGS]
) - {""}
_CURRENCY_HEADS: Final = frozenset(
    [_head(c.lower()) for c in CURRENCY_SUFFIXES] + [_head(c) for c in CURRENCY_SUFFIXES]
)
# Scale words and suffixes ("million", "hundreds", "bn", "k"): the chain reads the scale.
_SCALE_WORDS: Final = frozenset(
    [w.lower() for w in SCALES] + [w.lower() + "s" for w in SCALES] + ["dozs", "dzs", "mm"]
)
# Words that join a range ("5 and 7", "5 through 7", "5 up to 7"; and "to"), then those that
# start a ratio ("1 in 5", "1 out of 5") or a rate without a unit ("5 a day", "5 per week").
_RANGE_WORDS: Final = frozenset("and or through thru up".split())
_JOIN_WORDS: Final = _RANGE_WORDS | frozenset("in out per a".split())
# Words before a number that the chain reads: labels, ages, range openers.
_SPECIAL_BEFORE: Final = frozenset("no nos number vol p pp v sp aged between from".split())


def _unit_words() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each word that starts a unit and no currency, scale or range ("miles", "per" of "per
    cent", "years" of "years old"), the unit spellings it starts, longest first: those read
    without case (lower-cased), then those read with it. The chain's unit pattern
    (``UNIT_AFTER_RE``) reads the longest of them that the text holds."""
    ci = {u.lower() for u in UNIT_CI_SPELLINGS}
    cs = set(UNIT_CS_MAP)
    out = {}
    for head in {_head(u) for u in ci | cs} - {""}:
        if (
            head in _CURRENCY_HEADS
            or head in _SCALE_WORDS
            or head in _RANGE_WORDS
            or head.startswith(("to", "x"))
        ):
            continue
        if head in ci and len(head) == 1:
            continue  # a bare one-letter unit, which the chain reads by its own rule
        out[head] = (
            tuple(sorted((u for u in ci if _head(u) == head and len(u) > 1), key=_longest)),
            tuple(sorted((u for u in cs if _head(u) == head and len(u) > 1), key=_longest)),
        )
    return out


def _longest(spelling: str) -> tuple[int, str]:
    return -len(spelling), spelling


@lru_cache(maxsize=4096)
def _counted_noun(word: str) -> bool:
    """Whether ``word`` after "5 " is a plural noun that no other rule reads: not a scale,
    unit, currency, range or ratio word, not "x", and plural as ``nouns`` says."""
    return (
        word not in _SCALE_WORDS
        and word not in _UNIT_HEADS
        and word not in _JOIN_WORDS
        and not word.startswith(("to", "x"))
        and plural_first(word)
    )


# Words after "5 " that end a bare number ("5 on Monday", "5 when"): the chain finds no unit
# and no counted noun after them (``nouns.plural_head`` stops at them); not those it skips
# ("5 more", "5 of the"), nor units, scales, range, ratio or rate words.
_BARE_STOPS: Final = frozenset(
    w
    for w in STOP_WORDS - SKIP_WORDS - _UNIT_HEADS - _SCALE_WORDS - _JOIN_WORDS
    if w not in ("of", "most", "least") and not w.startswith(("to", "x"))
)


@lru_cache(maxsize=4096)
def plain_before(word: str) -> bool:
    """Whether the word before the number leaves the shortcuts of a bare number or a counted
    noun open: lower-case letters only (so that "aged" can only be the whole word: "x-aged
    5" is an age too), and no label, age or range opener."""
    return word.isalpha() and word == word.lower() and word not in _SPECIAL_BEFORE


def read_word_after(text: str, s: int, e: int, raw: str, lw: str) -> tuple[Reading, int] | None:
    """ "5 miles", "5 per cent", "131 flights", "5 on Monday": the digits at [s, e) and the
    unit, the plural noun or the word that ends them; None when the words around them are not
    of these shapes (``lw``: the word before the digits)."""
    m = _WORD_AFTER_RE.match(text, e + 1)
    assert m is not None  # called only when a lower-case letter follows the space
    word = m.group()
    end = m.end()
    value = float(raw) if raw.isdigit() else digits_value(raw)
    if not -_INF < value < _INF:
        return None
    spellings = _UNIT_WORDS.get(word)
    if spellings is not None:
        return _read_unit_word(text, s, e, raw, lw, value, spellings)
    if text[end : end + 1] not in _WORD_END or e - s == 4 or not plain_before(lw):
        return None
    r = Reading(s, e, value, "digits")
    if word in _BARE_STOPS:
        return r, read_tail(text, r, s, e, lw)  # no unit, no noun: a bare number
    if value == 1 or not _counted_noun(word):
        return None
    r.unit = word
    r.unit_normalized = singular(word)
    c = text[end + 1 : end + 2]
    if c in "paeAPE" and c:  # "60,000 vehicles a day", "3,000 tests per week"
        r.si_unit = r.unit_normalized
        end = read_rate(text, r, end)
    return r, read_tail(text, r, s, end, lw)


def _read_unit_word(text, s, e, raw, lw, value, spellings) -> tuple[Reading, int] | None:
    """The unit after "5 ": the longest spelling the text holds, read without case first,
    then with case, as ``UNIT_AFTER_RE`` reads it; None when none (or a character it cannot
    compare without the regular expression) is there."""
    ci, cs = spellings
    p = e + 1
    written = ""
    for spelling in ci:
        chunk = text[p : p + len(spelling)]
        if not chunk.isascii():
            return None  # case folding beyond ASCII ("ſ", "K"): the pattern decides
        if chunk.lower() == spelling and _unit_ends(text, p + len(spelling)):
            written, info = chunk, UNIT_LOWER[spelling]
            break
    else:
        for spelling in cs:
            if text.startswith(spelling, p) and _unit_ends(text, p + len(spelling)):
                written, info = spelling, UNIT_CS_MAP[spelling]
                break
    if not written:
        return None
    r = Reading(s, e, value, "digits")
    r.unit = written
    r.unit_normalized = info.normalized
    r.kind = "other" if written.lower() in ("times", "fold") else info.kind
    r.factor = info.factor
    r.si_unit = info.si_unit
    end = read_rate(text, r, p + len(written))
    resume = try_range(text, r, end, False, raw, unit_first=True)
    if resume is not None:
        end = resume
    return r, read_tail(text, r, s, end, lw)


def _unit_ends(text: str, pos: int) -> bool:
    """What ``UNIT_AFTER_RE`` asks after a unit: no ASCII letter or digit, no "²" or "³"."""
    c = text[pos : pos + 1]
    return not c or not (c.isascii() and c.isalnum() or c in "²³")


_PERCENT: Final = UNIT_LOWER["%"]
_UNIT_WORDS: Final = _unit_words()


def read_percent(text: str, s: int, e: int, raw: str, lw: str) -> tuple[Reading, int] | None:
    """ "4.5%": the digits at [s, e) and the percent sign after them, then a rate, a range
    that repeats the sign ("5% to 7%") and the qualifiers, as the full chain reads them."""
    c = text[e + 1 : e + 2]
    if c and (c.isascii() and c.isalnum() or c in "²³"):
        return None  # "5%pt": another unit may start here
    value = digits_value(raw)
    if not -_INF < value < _INF:
        return None
    r = Reading(s, e, value, "digits")
    r.unit = "%"
    r.unit_normalized = _PERCENT.normalized
    r.kind = _PERCENT.kind
    r.factor = _PERCENT.factor
    r.si_unit = _PERCENT.si_unit
    end = read_rate(text, r, e + 1)
    resume = try_range(text, r, end, False, raw, unit_first=True)
    if resume is not None:
        end = resume
    return r, read_tail(text, r, s, end, lw)


_INF: Final = float("inf")
