"""Figures written in words: "six other regions", "a dozen players", "one hundred and fifty
nurses", "hundreds of volunteers", "half the condos", "two-thirds of", "one in five".

One job: read a number-word candidate into a reading, or refuse it ("one of the", "no one",
"a baker's dozen").
"""

from __future__ import annotations

import re
from typing import Final

from helpers.figures.exclusions import name_before
from helpers.figures.measures import CURRENCY_AFTER_RE, UNIT_AFTER_RE, read_unit
from helpers.figures.model import Reading
from helpers.figures.nouns import read_fraction_of, read_unit_or_noun, read_vague_unit
from helpers.figures.numwords import (
    NUMBER_WORDS,
    TOKEN_RE,
    WORD_NUM,
    Parsed,
    parse_number_words,
)
from helpers.figures.qualifiers import qualifier_after, read_qualifiers, verb_before
from helpers.figures.ranges import try_range
from helpers.figures.vocabulary import SMALL_NUMBERS, TENS, VAGUE

# "one" as a pronoun or in a fixed phrase: "one of the", "one another", "no one", "the one".
ONE_PRONOUN_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:of|another|or[^\S\n]+another|day|way|thing|by[^\S\n]+one|after[^\S\n]+another|"
    r"too|who|that|which|and[^\S\n]+only|is|was|has|had|does|did|can|could|would|will|"
    r"should|might|must|may)\b|[^\S\n]*[,.;:!?)\"']|[^\S\n]*$"
)
ONE_PRONOUN_BEFORE_RE: Final = re.compile(
    r"(?i)\b(?:no|any|every|each|the|this|that|which|someone|anyone|no-|some|such|only|"
    r"a|an|last|big|little|new|old|right|wrong|same|other|another)[^\S\n]+$"
)
# "half" as a fraction: "half the condos", "almost half of which", "half a million".
HALF_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:of|the|a|an|its|their|his|her|our|all|these|those)\b"
)
HALF_BEFORE_RE: Final = re.compile(r"(?i)\b(?:first|second|the|this|that|a|one|and|in|by)[^\S\n]+$")
# "one in five", "1 out of 3", "two out of five hundred": a ratio read as a fraction.
RATIO_AFTER_RE: Final = re.compile(
    r"(?i)[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+(?=\d|(?:" + WORD_NUM + r")\b)"
)
# What may follow a fraction that stands alone: "a third of", "a half.", "one fifth" at the end.
# A fraction of one unit: "half a mile", "three quarters of an hour", "a quarter of a point".
OF_A_RE: Final = re.compile(r"[^\S\n]+(?:of[^\S\n]+)?an?(?=[^\S\n])")
FRACTION_END_RE: Final = re.compile(r"[^\S\n]+of\b|[^\S\n]*(?:[,.;:!?)\"'”]|$)")
# A change by a fraction: "rose by a fifth to", "fell by almost a third in 2023", "up a third
# on last winter" ("by" and at most two words, or a change verb, then the fraction; a function
# word after it, so "by a third party" and "rose a third time" are no figures).
BY_BEFORE_RE: Final = re.compile(r"(?i)\bby(?:[^\S\n]+[a-z]+){0,2}[^\S\n]+$")
BY_FRACTION_END_RE: Final = re.compile(
    r"[^\S\n]+(?:to|in|on|at|from|since|over|last|this|and|but|or|after|before|during|while|"
    r"as|compared|versus|among|for|within|once|when|if|because|unless|amid)\b"
)
# A number word joined by a hyphen to a singular noun that describes the next noun: "a
# six-speed gearbox", "a three-bed flat" (a measure stays a figure: "a five-year plan").
HYPHEN_MODIFIER_RE: Final = re.compile(r"-(?P<w>[a-z]+)(?<!s)(?!-)(?=[^\S\n]+[a-z])")
# "minus one", "negative five point five": a sign written as a word before number words.
SIGN_WORD_BEFORE_RE: Final = re.compile(r"(?i)\b(?:minus|negative)[^\S\n]+$")
# Vague tails: "tens of thousands of", "hundreds of millions".
VAGUE_TAIL_RE: Final = re.compile(r"(?i)[^\S\n]+of[^\S\n]+(?P<w>thousands|millions|billions)\b")
VAGUE_OK_AFTER_RE: Final = re.compile(r"(?i)[^\S\n]+(?:of|more|upon)\b")


_SCALE_WORDS: Final = frozenset(
    "hundred thousand million billion trillion dozen dozens lakh lakhs crore crores".split()
)


# Number words that are a whole number phrase when no other number word follows them.
_ONE_WORD: Final = {w: float(v) for w, v in {**SMALL_NUMBERS, **TENS}.items() if v}


def _one_word(text: str, pos: int) -> Parsed | None:
    """What ``parse_number_words`` says of the common case, without its token list: one
    number word ("seven", "twenty") followed by no number word ("seven days"); else None."""
    m = TOKEN_RE.match(text, pos)
    word = m.group("word") if m is not None else None
    value = _ONE_WORD.get(word.lower()) if word is not None else None
    if value is None:
        return None
    assert m is not None and word is not None  # a value was read from m's word
    nxt = TOKEN_RE.match(text, m.end())
    w2 = nxt.group("word") if nxt is not None else None
    if w2 is not None and w2.lower() in NUMBER_WORDS:
        return None
    return Parsed(value, m.end(), "integer", (word.lower(),), 1.0)


def read_words(text: str, s: int, e: int) -> tuple[Reading | None, int]:
    """Read the number-word candidate at [s, e); return (reading or None, resume position)."""
    low = text[s:e].lower()
    has_a = low[:2] in ("a ", "a\t", "a\n")
    core = low[1:].lstrip() if has_a else low
    if core in VAGUE:
        return read_vague(text, s, e, core)
    parsed = _one_word(text, s) or parse_number_words(text, s)
    if parsed is None:
        return None, e
    words = parsed.words
    lead_a = words[0] in ("a", "an")
    first = words[1] if lead_a and len(words) > 1 else words[0]
    if not lead_a and first in _SCALE_WORDS:
        return None, e  # "a baker's dozen", "several hundred": no number to scale
    if parsed.form == "fraction":
        return read_fraction(text, s, parsed, lead_a)
    if lead_a and not _SCALE_WORDS.intersection(words):
        return None, e  # "a" before anything but a scale ("a dozen", "a million")
    if text[parsed.end : parsed.end + 1] == "-":
        if words[0] in ("zero", "nought", "naught") or _descriptive(text, parsed.end):
            return None, parsed.end  # "zero-coupon bonds", "a six-speed gearbox"
    if parsed.words[-1].endswith("fold"):
        return read_fold(text, s, parsed)
    end = parsed.end
    value = parsed.value
    only_one = words == ("one",)
    ratio = read_ratio(text, s, end, value)
    if ratio is not None:
        return ratio, ratio.end
    # "minus one", "negative five": the substring test is cheaper than the search.
    signed = s >= 6 and _signed_before(text, s)
    # "one" as a pronoun or in a fixed phrase is not a count.
    if only_one and not signed:
        if ONE_PRONOUN_AFTER_RE.match(text, end) or ONE_PRONOUN_BEFORE_RE.search(
            text, max(0, s - 12), s
        ):
            return None, end
        if text[s].isupper() and name_before(text, s):
            return None, end
    elif text[s].isupper() and name_before(text, s) and not lead_a:
        return None, end
    r = Reading(s, end, value, _RULES[parsed.form])
    if parsed.form == "integer" and _SCALE_WORDS.intersection(words):
        r.rule = "words+scale"
    if signed:
        _sign_word(text, r)
    scaled = parsed.big > 1 or "hundred" in words
    rng = try_range(text, r, end, scaled, " ".join(words))
    if rng is not None:
        end = rng
    before_unit = end
    end = read_unit_or_noun(text, r, end, only_one and not r.is_range)
    if not r.is_range and r.kind != "count" and end != before_unit:
        rng = try_range(text, r, end, False, " ".join(words), unit_first=True)
        if rng is not None:
            end = rng
    r.end = end
    if r.unit == "" and only_one and not r.is_range and not signed:
        return None, end  # bare "one" with no noun is a pronoun ("to get their hands on one")
    end = qualifier_after(text, r, end)
    if not r.qualifier:
        read_qualifiers(text, r)
    return r, end


_RULES: Final = {
    "integer": "words",
    "decimal": "words+decimal",
    "mixed": "words+fraction",
    "fraction": "fraction-word",
}


def _signed_before(text: str, s: int) -> bool:
    """Whether "minus" or "negative" stands just before ``s`` (SIGN_WORD_BEFORE_RE)."""
    window = text[max(0, s - 12) : s].lower()
    if "minus" not in window and "negative" not in window:
        return False
    return SIGN_WORD_BEFORE_RE.search(text, max(0, s - 12), s) is not None


def _sign_word(text: str, r: Reading) -> None:
    """ "minus one", "negative five": the word makes the value negative and starts the figure."""
    if r.start >= 6 and text[r.start - 1] in " \t\u00a0":
        m = SIGN_WORD_BEFORE_RE.search(text, max(0, r.start - 12), r.start)
        if m:
            r.value = r.low = r.high = -r.value
            r.start = m.start()


def read_vague(text: str, s: int, e: int, core: str) -> tuple[Reading | None, int]:
    """Vague plurals: "hundreds of volunteers", "tens of thousands of dollars", "dozens"."""
    lo, hi = VAGUE[core]
    end = e
    tail = VAGUE_TAIL_RE.match(text, end)
    if tail and core in ("tens", "hundreds"):
        mult = VAGUE[tail.group("w").lower()][0]
        lo, hi = lo * mult, hi * mult
        end = tail.end()
    elif core == "tens":
        return None, e
    if not VAGUE_OK_AFTER_RE.match(text, end) and core != "dozens":
        return None, e
    r = Reading(s, end, (lo + hi) / 2, "vague")
    r.low, r.high, r.is_range, r.is_vague = lo, hi, True, True
    end = read_vague_unit(text, r, end)
    r.end = end
    read_qualifiers(text, r)
    return r, end


def read_fraction(text: str, s: int, parsed: Parsed, lead_a: bool) -> tuple[Reading | None, int]:
    """A fraction in words: "half the condos", "a third of", "two-thirds", "one fifth".

    "half" and a fraction after "a" or with a singular denominator ("a third", "one fifth")
    stand alone only before "of", punctuation or the end: "a third term" is an ordinal.
    """
    end = parsed.end
    words = parsed.words
    m = OF_A_RE.match(text, end)
    if m:
        r = Reading(s, end, parsed.value, "fraction-word")
        r.kind = "other"
        unit_end = read_unit(text, r, m.end())
        if r.unit and not r.currency:  # "half a mile", "a quarter of a point"
            r.end = unit_end
            read_qualifiers(text, r)
            return r, unit_end
    if words == ("quarter",):
        return None, end  # "the fourth quarter": a period, unless a scale follows
    if words[0] == "half" or words[-1] == "half" and len(words) == 2:
        before = text[max(0, s - 12) : s]
        if HALF_BEFORE_RE.search(before) or text[end : end + 1] == "-":
            return None, end
        if not HALF_AFTER_RE.match(text, end) and not FRACTION_END_RE.match(text, end):
            return None, end
    elif (lead_a or not words[-1].endswith("s")) and not FRACTION_END_RE.match(text, end):
        if (lead_a or "-" not in text[s:end]) and not _by_a_fraction(text, s, end):
            return None, end  # "a third term"; but "one-third stake" is a fraction
    r = Reading(s, end, parsed.value, "fraction-word")
    r.kind = "other"
    r.end = read_fraction_of(text, r, end)
    end = qualifier_after(text, r, r.end)
    if not r.qualifier:
        read_qualifiers(text, r)
    return r, end


def _by_a_fraction(text: str, s: int, end: int) -> bool:
    """ "rose by a fifth to £2.4m", "up a third on last year": a fraction after "by" or a
    change verb, and before a function word."""
    if BY_FRACTION_END_RE.match(text, end) is None:
        return False
    if BY_BEFORE_RE.search(text, max(0, s - 30), s) is not None:
        return True
    return verb_before(text, s) is not None


def read_ratio(text: str, s: int, end: int, value: float) -> Reading | None:
    """ "one in five", "one out of three Germans": a ratio read as a fraction (kind other)."""
    m = RATIO_AFTER_RE.match(text, end)
    if not m or value >= 100 or value != int(value):
        return None
    den = parse_number_words(text, m.end(), first_digits=True)
    if den is None or den.form != "integer" or den.value <= value:
        return None
    if text[m.end()].isdigit() and 1000 <= den.value <= 2099:
        return None  # "one in 2019": a year
    r = Reading(s, den.end, value / den.value, "ratio")
    r.kind = "other"
    if UNIT_AFTER_RE.match(text, den.end):
        return None  # "3 in 10 days": a count within a time, not a ratio
    r.end = read_fraction_of(text, r, den.end, direct=True)
    read_qualifiers(text, r)
    return r


def _descriptive(text: str, pos: int) -> bool:
    """A hyphenated compound that names a type, not an amount ("six-speed", "four-cylinder")."""
    m = HYPHEN_MODIFIER_RE.match(text, pos)
    return (
        m is not None
        and not UNIT_AFTER_RE.fullmatch(text, pos, m.end())
        and not (CURRENCY_AFTER_RE.fullmatch(text, pos, m.end()))
    )


def read_fold(text: str, s: int, parsed: Parsed) -> tuple[Reading, int]:
    """ "grew more than sixfold": a multiple, unit "times" (kind other)."""
    r = Reading(s, parsed.end, parsed.value, "words+fold")
    r.unit = text[s : parsed.end].split()[-1]
    r.unit_normalized = r.si_unit = "times"
    r.kind = "other"
    read_qualifiers(text, r)
    return r, parsed.end
