"""Units, currencies, scales and rates around a number: "$13.6M", "75 miles", "$58 per barrel".

One job: read what a number measures from the characters next to it, using the tables of
``helpers.units``: a currency before it, a scale after it ("million", "bn", "k"), a unit or
currency after it, and a rate after the unit ("per barrel", "a month").
"""

from __future__ import annotations

import re
from typing import Final, cast

from helpers.figures.model import Reading, digits_value
from helpers.figures.numwords import NUMBER_WORDS, TOKEN_RE, WORD_NUM, parse_number_words
from helpers.figures.vocabulary import STOP_WORDS, trie_alternation
from helpers.units import (
    CASE_SENSITIVE_UNITS,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    MILLION_CODES,
    SCALES,
    UNITS,
    Unit,
    singular,
)

# Currency standing just before a number: "$", "US $", "€", "HK$", "USD", "Y=", "PS" ...
CURRENCY_BEFORE_RE: Final = re.compile(
    r"(?<![A-Za-z-])(?P<cur>" + trie_alternation(CURRENCY_PREFIXES) + r")[^\S\n]?$"
)
# Scale after a number: "4.5 million", "$13.6M", "25k", "2 bn", "1.356 billion", "RM3.06mil".
SCALE_AFTER_RE: Final = re.compile(
    r"(?:[^\S\n]?(?P<abbr>bn|bln|mn|mln|mil|MM|tn|tln|tr|dozs?|dzs?|[kKmMbBT])(?![A-Za-z0-9])"
    r"|[ \t\u00a0-]*(?P<word>(?i:hundred|thousand|million|billion|trillion|lakh|crore|dozen)s?)\b)"
)
# Words after "12m" that make the m metres, not millions: "a 12m drop", "the 100m final".
METRE_WORDS: Final = frozenset(
    """long wide high deep tall thick x by above below deep-sea drop fall fell climb sprint race
    hurdles final freestyle butterfly breaststroke backstroke relay dash jump swim wave waves
    yacht wall tower span radius""".split()
)

# Case-sensitive abbreviations as written ("GB", "kW", "m") map to the table's lower-case keys.
UNIT_CS_MAP: dict[str, Unit] = {
    form: UNITS.get(form) or UNITS[form.lower()]
    for form in CASE_SENSITIVE_UNITS
    if form in UNITS or form.lower() in UNITS
}
_CS_LOWER: Final = {form.lower() for form in UNIT_CS_MAP}
_UNIT_CI: Final = [u for u in UNITS if u not in UNIT_CS_MAP and u not in _CS_LOWER]
# The units read without case (the others: UNIT_CS_MAP).
UNIT_CI_SPELLINGS: Final = frozenset(_UNIT_CI)
_UNIT_CS: Final = list(UNIT_CS_MAP)
# A unit right after a number: "75 miles", "87 mph", "50GB", "2.5-year", "30 years old".
UNIT_AFTER_RE: Final = re.compile(
    r"(?:[^\S\n]?-?[^\S\n]?)(?:(?P<ci>(?i:"
    + trie_alternation({u.lower() for u in _UNIT_CI})
    + r"))|(?P<cs>"
    + trie_alternation(_UNIT_CS)
    + r"))(?![A-Za-z0-9²³])"
)
# A currency written after a number: "800 million dollars", "10.5 million Australian dollars",
# "75 usd", "3 us dollars" (case does not matter, except for the short "p", "kn", "sen", "won").
_CASED_SUFFIXES: Final = ("p", "kn", "sen", "won", "rand")
CURRENCY_AFTER_RE: Final = re.compile(
    r"[^\S\n]?-?(?P<cur>(?i:"
    + trie_alternation({c.lower() for c in CURRENCY_SUFFIXES if c not in _CASED_SUFFIXES})
    + r")|"
    + trie_alternation(_CASED_SUFFIXES)
    + r")(?![A-Za-z])"
)
# A currency, else a unit, after a number: one match instead of CURRENCY_AFTER_RE then
# UNIT_AFTER_RE ("cur" is set when the currency matched; else "ci" or "cs").
CURRENCY_OR_UNIT_AFTER_RE: Final = re.compile(
    CURRENCY_AFTER_RE.pattern + "|" + UNIT_AFTER_RE.pattern
)
# The cents of an amount in two parts: "3 dollars 50 cents", "thirteen dollars and forty-five
# cents", "15 dollars 50", "17 USD 25".
CENTS_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:and[^\S\n]+)?(?:(?P<d>\d{1,2})(?!\d|[.,]\d)|(?P<w>(?i:"
    + WORD_NUM
    + r")))(?:[ \t\u00a0-]+(?P<w2>(?i:one|two|three|four|five|six|seven|eight|nine))\b)?"
    r"(?P<cents>[^\S\n]*(?i:cents?|pence|c|p)\b)?"
)
# A rate after a unit: "per barrel", "a month", "an ounce", "per square foot", "a-year".
PER_RE: Final = re.compile(
    r"[ \t\u00a0-]+(?P<per>per|a|an|each|every)[ \t\u00a0-]+"
    r"(?P<den>(?:(?:square|sq\.?|cubic)[^\S\n]+)?[A-Za-z][A-Za-z.]*)(?![A-Za-z])"
    r"(?P<when>[^\S\n]+(?:ago|earlier|before|later|previously|after)\b)?"
)
# Denominators that, followed by "ago", "earlier" ..., date the figure instead of making a
# rate: "$5 a year earlier" is no rate, "$2,450 an ounce before easing back" is one.
_TIME_DENS: Final = frozenset("second minute hour day week month year decade night".split())
# "a"/"an" only make a rate with these denominators ("$50 a barrel", not "5% a deal").
A_RATE_WORDS: Final = frozenset(
    """second minute hour day week month year decade barrel gallon litre liter ounce pound
    tonne ton share head person kilo kilogram gram bottle unit piece night game dozen""".split()
)

SUFFIX_LOWER: Final = {k.lower(): v for k, v in CURRENCY_SUFFIXES.items()}
UNIT_LOWER: Final = {k.lower(): v for k, v in UNITS.items()}


def unit_info(surface: str, ci: bool) -> Unit:
    return UNIT_LOWER[surface.lower()] if ci else UNIT_CS_MAP[surface]


def read_scale(text: str, pos: int, has_currency: bool, start: int = -1) -> tuple[float, int, str]:
    """Scale word or suffix at ``pos``: returns (multiplier, new end, scale as written).

    "4.5 million", "$13.6M", "25k", "1.2b", "US$ 1MM", "$1.5T". With ``start`` (where the
    digits begin), a scale word is read with the words that continue it: "3 hundred
    million", "4 thousand 3 hundred and 21", "6 crore and two hundred".
    """
    c = text[pos : pos + 1]
    if not (c.isalpha() or c in " -\u00a0" and text[pos + 1 : pos + 2] in SCALE_INITIALS):
        return 1.0, pos, ""
    m = SCALE_AFTER_RE.match(text, pos)
    if not m:
        return 1.0, pos, ""
    if m.group("word"):
        w = m.group("word").lower()
        if start >= 0 and _continues(text, m.end()):
            parsed = parse_number_words(text, start, first_digits=True)
            if parsed is not None and parsed.end > pos and parsed.form in ("integer", "mixed"):
                first = digits_value(text[start:pos].strip())
                if first:
                    return parsed.value / first, parsed.end, m.group("word")
        return SCALES[w.rstrip("s")] if w != "dozens" else 12.0, m.end(), m.group("word")
    abbr = m.group("abbr")
    if not has_currency and not _scale_without_currency(text, pos, m.end(), abbr):
        return 1.0, pos, ""
    return SCALES[abbr], m.end(), abbr


SCALE_INITIALS: Final = frozenset("hHtTmMbBlLcCdDkK")


def _continues(text: str, pos: int) -> bool:
    """Whether a number phrase could go on after a scale word at ``pos``: another number word,
    "and", "a", "of" or digits ("3 hundred million", "4 thousand 3 hundred and 21"). When
    not, the scale word ends the phrase and its multiplier alone is the answer."""
    t = TOKEN_RE.match(text, pos)
    if t is None:
        return False
    word = t.group("word")
    return word is None or word.lower() in NUMBER_WORDS


def _scale_without_currency(text: str, pos: int, end: int, abbr: str) -> bool:
    """Whether a suffix means a scale when no currency is written: "12m viewers" (million)
    but "12m tall" (metres); "1.2b" and "2 B users" (billion); "25k" (thousand)."""
    if abbr in ("T", "tr"):
        return False
    if abbr == "K":
        return text[pos : pos + 1] == "K"
    if abbr in ("m", "b", "B"):
        word = _NEXT_WORD_RE.match(text, end)
        nxt = word.group(1) if word else ""
        if abbr == "m":
            return bool(nxt) and nxt not in STOP_WORDS and nxt not in METRE_WORDS
        if text[pos] != abbr:  # spaced "2 B users": only before a noun
            return bool(nxt) and nxt not in STOP_WORDS
        return True  # glued "1.2b", "3B": billions
    return True


_NEXT_WORD_RE: Final = re.compile(r"[^\S\n]+([a-z][a-z-]*)")


def read_unit(text: str, r: Reading, pos: int) -> int:
    """Read a unit or currency after the number at ``pos``; return the new end."""
    c = text[pos : pos + 1]
    if not c or c in NO_UNIT or c == " " and text[pos + 1 : pos + 2] in NO_UNIT_AFTER_SPACE:
        return pos  # punctuation, the end or another number: no unit, no rate
    if r.currency:
        m = UNIT_AFTER_RE.match(text, pos)
    else:
        m = CURRENCY_OR_UNIT_AFTER_RE.match(text, pos)
        if m is not None and m.lastgroup == "cur":
            if m.group("cur") not in ("p", "kn") or m.start("cur") == pos:
                return _read_currency_after(text, r, m)
            m = UNIT_AFTER_RE.match(text, pos)
    if m:
        group = cast(str, m.lastgroup)  # "ci" or "cs": the unit, read with or without case
        ci = group == "ci"
        written = m.group(group)
        # Bare one-letter units only when glued or clearly units ("12 C", not "5 s").
        if len(written) == 1 and written not in "%'°" and m.start(group) != pos:
            if written not in ("C", "W", "V", "m", "g"):
                m = None
        if m and r.currency and written.lower() in ("points", "point", "pts", "pt"):
            m = None
    if m:
        info = unit_info(written, ci)
        if r.currency:
            # "$3,500 a month": the currency stays the unit; the rest is a rate.
            return read_rate(text, r, pos)
        r.unit = written
        r.unit_normalized = info.normalized
        r.kind = info.kind
        r.factor = info.factor
        r.si_unit = info.si_unit
        if written.lower() in ("times", "fold"):
            r.kind = "other"
        pos = m.end()
        return read_rate(text, r, pos)
    if r.currency:
        return read_rate(text, r, pos)
    return pos


NO_UNIT: Final = frozenset(",.;:!?)]\"'”’\n")
NO_UNIT_AFTER_SPACE: Final = frozenset("0123456789(,.;:!?)]\"“”'‘’\n–—")


def _read_currency_after(text: str, r: Reading, m: re.Match) -> int:
    """A currency after the number, then a scale or the cents: "75 USD million", "30 MUSD",
    "3 dollars 50 cents"."""
    cur = m.group("cur")
    r.currency = CURRENCY_SUFFIXES.get(cur) or SUFFIX_LOWER.get(cur.lower(), cur.lower())
    r.unit = cur
    r.unit_normalized = r.currency
    r.kind = "money"
    r.si_unit = r.currency
    pos = m.end()
    mult = 1e6 if cur.upper() in MILLION_CODES and cur[0] == "M" else 1.0
    sc = SCALE_AFTER_RE.match(text, pos)
    if sc and sc.group("word") and r.rule == "digits" or sc and sc.group("abbr") in ("bn", "mn"):
        mult *= SCALES[(sc.group("word") or sc.group("abbr")).lower().rstrip("s")]
        pos = sc.end()  # "75 USD million"
    if mult != 1.0:
        r.value, r.low, r.high = r.value * mult, r.low * mult, r.high * mult
        r.rule = r.rule.replace("digits", "digits+scale")
    elif not r.is_range and r.value == int(r.value):
        pos = _read_cents(text, r, pos)
    return read_rate(text, r, pos)


def _read_cents(text: str, r: Reading, pos: int) -> int:
    """The cents of "3 dollars 50 cents", "15 dollars 50" (not "15 dollars 50 times")."""
    m = CENTS_AFTER_RE.match(text, pos)
    if not m or r.unit.lower() in ("cents", "cent", "p", "pence", "sen"):
        return pos
    if m.group("d"):
        cents = int(m.group("d"))
    else:
        parsed = parse_number_words(text, m.start("w"))
        if parsed is None or parsed.form != "integer" or parsed.value >= 100:
            return pos
        cents = int(parsed.value)
    end = m.end()
    if m.group("cents"):
        r.unit = f"{r.unit} cents"
    else:
        end = m.end("w2") if m.group("w2") else m.end("w") if m.group("w") else m.end("d")
        if not _CENTS_END_RE.match(text, end):
            return pos  # "15 dollars and 50 people": another figure
    r.value = r.low = r.high = r.value + cents / 100
    return end


# What may follow the cents when no "cents" is written: the end, punctuation, "more".
_CENTS_END_RE: Final = re.compile(r"[^\S\n]*(?:$|[,.;:!?)]|more\b|less\b|in\b|for\b|each\b)")


def read_rate(text: str, r: Reading, pos: int) -> int:
    """Extend a unit with a rate: "$58.24 per barrel", "$3,500 a month", "£24 a-year"."""
    if text[pos + 1 : pos + 2] not in "paeAPE" and text[pos : pos + 3] != "-a-":
        return pos
    m = PER_RE.match(text, pos)
    if not m:
        return pos
    den = m.group("den").rstrip(".")
    word = m.group("per").lower()
    low = den.lower()
    if m.group("when") and singular(low) in _TIME_DENS:
        return pos
    if low in STOP_WORDS - {
        "year",
        "years",
        "month",
        "months",
        "day",
        "days",
        "week",
        "weeks",
        "time",
    }:
        return pos
    if word in ("a", "an", "each", "every") and singular(low) not in A_RATE_WORDS:
        return pos
    if low in UNIT_LOWER:
        den_norm = UNIT_LOWER[low].normalized
    elif den in UNITS:
        den_norm = UNITS[den].normalized
    else:
        den_norm = singular(low)
    base = r.unit_normalized or r.unit
    r.unit = (r.unit + " " if r.unit else "") + text[m.start("per") : m.start("den")] + den
    r.unit = r.unit.replace("  ", " ")
    r.unit_normalized = f"{base} per {den_norm}".strip()
    r.si_unit = f"{r.si_unit} per {den_norm}".strip()
    return m.start("den") + len(den)
