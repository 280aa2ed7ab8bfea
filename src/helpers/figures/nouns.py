"""The counted noun after a count: "17 electric buses" counts buses, "two of the systems"
counts systems, "F-150 pickup trucks" counts trucks.

One job: find the head noun among the few words after a number (skipping adjectives and
modifiers) and make it the figure's unit, or read a unit when there is one.
"""

from __future__ import annotations

import re
from typing import Final

from helpers.figures.measures import A_RATE_WORDS, read_rate, read_unit
from helpers.figures.model import Reading
from helpers.figures.vocabulary import FURNITURE_WORDS, NOT_PLURAL, SKIP_WORDS, STOP_WORDS, VERBS
from helpers.units import IRREGULAR_PLURALS, singular

# Words before a counted noun: up to five words on the same line.
NOUN_RUN_RE: Final = re.compile(r"(?:[^\S\n]+(?:of[^\S\n]+)?[A-Za-z][A-Za-z0-9'’-]*){1,6}")

_PARTITIVE: Final = frozenset("the its their these those our his her your".split())


def plural_head(
    words: list[tuple[str, int, int]], count_is_one: bool
) -> tuple[str, int, int] | None:
    """Pick the counted noun among the words after a number, skipping adjectives.

    For plural counts the head is the first plural-looking word ("additional weapons",
    "F-150 pickup trucks"); for "one" it is the first word that is not a known adjective.
    """
    for i, (w, s, e) in enumerate(words):
        low = w.lower()
        if low == "and" and not count_is_one and i > 0:
            continue  # "digital and physical sales": keep looking for the plural head
        if low in SKIP_WORDS:
            continue  # "two more launchers", "six other regions"
        if low in ("most", "least") and i == 0 and len(words) > 2 and words[1][0] != "of":
            continue  # "the 20 most expensive restaurants"
        if i == 0 and low == "of" or i == 1 and low in _PARTITIVE and words[0][0] == "of":
            continue  # "two of the systems" counts systems
        if low in STOP_WORDS:
            return None if count_is_one else _compound_head(words[:i])
        if count_is_one:
            if low.endswith(("ive", "ous", "ful", "ical", "ian", "ese", "ish")):
                if i + 1 < len(words):
                    continue
            if w[0].isupper() and i + 1 < len(words):
                continue
            return (w, s, e)
        if low in IRREGULAR_PLURALS:
            return (w, s, e)
        if (
            len(w) > 2
            and w.endswith("s")
            and low not in NOT_PLURAL
            and not low.endswith(("ss", "us", "'s", "’s"))
            and not w.isupper()
        ):
            return (w, s, e)
        if i >= 4:
            return None
    return _compound_head(words) if not count_is_one else None


_ADJECTIVE_ENDINGS: Final = (
    "ly",
    "ed",
    "ing",
    "est",
    "ish",
    "ese",
    "ian",
    "an",
    "ic",
    "al",
    "ous",
    "ive",
)


def _compound_head(words: list[tuple[str, int, int]]) -> tuple[str, int, int] | None:
    """ "a three course meal", "a 3 cylinder engine": with no plural noun, a singular noun
    right after the number that describes the next noun is what is counted."""
    if len(words) < 2:
        return None
    (w, s, e), (w2, _, _) = words[0], words[1]
    low, low2 = w.lower(), w2.lower()
    if not w.islower() or not w2.islower() or low in STOP_WORDS or low in SKIP_WORDS:
        return None
    if low2 in STOP_WORDS or "-" in w or low.endswith(_ADJECTIVE_ENDINGS):
        return None
    if low in VERBS or low2.endswith("ly"):
        return None  # "ten took part", "11 fell slightly": a verb, not a noun, follows
    return (w, s, e)


_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")


def plural_first(w: str) -> bool:
    """What ``plural_head`` decides of the first word after a plural count: True when that
    word is the counted noun ("flights" in "131 flights were")."""
    low = w.lower()
    if low in SKIP_WORDS or low == "of" or low in STOP_WORDS:
        return False
    return low in IRREGULAR_PLURALS or (
        len(w) > 2
        and w.endswith("s")
        and low not in NOT_PLURAL
        and not low.endswith(("ss", "us", "'s", "’s"))
        and not w.isupper()
    )


# "aged" just before a number: "children aged 10 to 11", "women aged between 40 and 60".
AGED_BEFORE_RE: Final = re.compile(r"(?i)\baged[^\S\n]+(?:between[^\S\n]+)?$")


def read_counted_noun(text: str, r: Reading, pos: int, one: bool) -> int:
    """Counted noun after a count: "17 electric buses" -> buses, ends the figure there;
    or a rate with no unit before it: "an average of 20 per week" -> per week; or an age
    after "aged"."""
    lo = max(0, r.start - 14)
    # The substring test is cheaper than the search and needed for a match.
    if (
        r.high < 130
        and "aged" in text[lo : r.start].lower()
        and AGED_BEFORE_RE.search(text, lo, r.start)
    ):
        r.unit_normalized = "year of age"
        r.kind, r.factor, r.si_unit, r.rule = "duration", 365.2425, "day", "age"
        return pos
    m = NOUN_RUN_RE.match(text, pos)
    if not m:
        return pos
    c = text[pos + 1 : pos + 2]
    rate = PER_ALONE_RE.match(text, pos) if c in "pa" or c.isspace() else None
    if rate and singular(rate.group("den").lower()) in A_RATE_WORDS:
        r.unit = r.unit_normalized = f"per {singular(rate.group('den').lower())}"
        r.unit = text[rate.start("per") : rate.end()]
        r.kind = "count"
        return rate.end()
    tokens = _WORD_RE.finditer(text, pos, m.end())
    t = next(tokens)
    w = t.group()
    head: tuple[str, int, int] | None
    if not one and plural_first(w):
        head = (w, t.start(), t.end())  # the usual case, "131 flights", without the word list
    else:
        words = [(w, t.start(), t.end())] + [(t.group(), t.start(), t.end()) for t in tokens]
        head = plural_head(words, one)
    if not head:
        return pos
    w, s, e = head
    w = w.rstrip("-'’")
    e = s + len(w)
    if w[0].isupper() and w.rstrip("s") in FURNITURE_WORDS:
        return pos
    r.unit = w
    r.unit_normalized = singular(w) if not one else w
    if not one and r.unit_normalized == w and w.lower() not in IRREGULAR_PLURALS:
        r.unit_normalized = w
    r.kind = "count"
    c = text[e + 1 : e + 2]
    if c in "paeAPE" and c:  # "60,000 vehicles a day", "3,000 tests per week"
        r.si_unit = r.si_unit or r.unit_normalized
        return read_rate(text, r, e)
    return e


def read_unit_or_noun(text: str, r: Reading, pos: int, one: bool) -> int:
    end = read_unit(text, r, pos)
    if not r.unit:
        end = read_counted_noun(text, r, end, one)
    return end


OF_AFTER_RE: Final = re.compile(r"[^\S\n]+of")  # " of" after "hundreds"


def read_vague_unit(text: str, r: Reading, pos: int) -> int:
    """Unit after a vague plural: "hundreds of square miles", "millions of commuters"."""
    m = OF_AFTER_RE.match(text, pos)
    if not m:
        return pos
    end = read_unit(text, r, m.end())
    if r.unit:
        return end
    if r.currency:
        return end
    return read_counted_noun(text, r, m.end(), False)


# What a fraction or ratio is of: "of the", "of its", "the" ... before the counted noun.
FRACTION_OF_RE: Final = re.compile(
    r"(?i)(?:[^\S\n]+of)?(?:[^\S\n]+(?:the|its|their|his|her|our|your|those|these|all))?(?=[^\S\n])"
)


# A rate with no unit before it: "20 per week", "3 a day".
PER_ALONE_RE: Final = re.compile(r"[^\S\n]+(?P<per>per|a)[^\S\n]+(?P<den>[A-Za-z]+)\b")


def read_fraction_of(text: str, r: Reading, pos: int, direct: bool = False) -> int:
    """The group a fraction or ratio is a part of: "half the condos" -> condos, "one out of
    three Germans" -> Germans, "a third of those screened" -> screened. The figure's span
    ends at ``pos`` when no plural noun follows; its kind stays "other"."""
    m = FRACTION_OF_RE.match(text, pos)
    if not m or m.end() == pos and not direct:
        return pos  # "a one-third interest": the noun is described, not divided
    kind = r.kind
    end = read_counted_noun(text, r, m.end(), False)  # "one in three Germans"
    if not r.unit:
        end = read_counted_noun(text, r, m.end(), True)  # "a fourth of the population"
    r.kind = kind
    if not r.unit:
        return pos
    return end
