"""Ranges: two numbers read as one figure with a low and a high bound.

One job: ``try_range`` extends a reading into a range when a second number follows: "12-18",
"15 to 22 miles", "$89 to $93 billion", "between 10 and 20", "from 252 to 287 miles".
"""

from __future__ import annotations

import re
from typing import Final

from helpers.figures.exclusions import ORDINAL_AT_RE, TIME_AT_RE, year_like
from helpers.figures.measures import CURRENCY_AFTER_RE, UNIT_AFTER_RE, read_scale
from helpers.figures.model import Reading, digits_value, last_word
from helpers.figures.numwords import DIGITS, WORD_NUM, parse_number_words
from helpers.figures.qualifiers import by_before, verb_before
from helpers.figures.vocabulary import WORD_SCALES, trie_alternation
from helpers.units import CURRENCY_PREFIXES

# Number core at a position, for the second half of a range: "18", "$93", "five thousand".
NUMBER_AT_RE: Final = re.compile(
    r"[^\S\n]*(?P<cur>" + trie_alternation(CURRENCY_PREFIXES) + r")?[^\S\n]?"
    r"(?P<sign>[-−](?=\d))?(?P<digits>" + DIGITS + r")(?![\d])"
    r"|[^\S\n]*(?P<word>(?i:" + WORD_NUM + r"))\b"
)
# What joins two numbers into a range: "12-18", "10 – 15", "20~100", "15 to 22", "5-to-10",
# "20 through 100", "between 10 and 20", "from 450 up to 900".
RANGE_JOIN_RE: Final = re.compile(
    r"(?P<join>[^\S\n]*-?to-?[^\S\n]*|[^\S\n]*[-–—~][^\S\n]*"
    r"|[^\S\n]+(?:and|or|through|thru|up[^\S\n]+to)[^\S\n]+)"
)
# What may follow the bare second number of "from 14 years to nine": punctuation, the end or
# a word that starts no noun phrase of its own.
BARE_END_RE: Final = re.compile(
    r"[^\S\n]*(?:[,.;:!?)]|$)|[^\S\n]+(?:by|in|on|at|after|before|over|since|last|this|"
    r"and|but|while|when|as|for|from|with|during|within)\b"
)
# "between" / "from" before the first number of a range.
RANGE_OPEN_RE: Final = re.compile(r"(?i)\b(?P<w>between|from)[^\S\n]+$")


def try_range(
    text: str,
    r: Reading,
    pos: int,
    first_scaled: bool,
    raw: str,
    unit_first: bool = False,
) -> int | None:
    """Extend ``r`` into a range if a second number follows; return the new end or None.

    Conventions: "12-18" and "15 to 22 miles" ascend; "between X and Y"; "from X to Y" may
    run either way. After a change verb, also one a few words before "by" ("raised prices by
    £5 to £45"), "to" names the new level ("rose 5% to $84"), unless the first number has no
    unit of its own ("dropped by 1 to 1.5 degrees"). A dash between a four-digit year and two
    digits ("2014-15") and descending dashes ("9-2", scores) are not ranges.
    """
    c = text[pos : pos + 1]
    if not c or c not in " -–—~t" or c == " " and text[pos + 1 : pos + 2] not in "-–—~taoTAOu":
        return None  # nothing that could join a second number
    j = RANGE_JOIN_RE.match(text, pos)
    if not j:
        return None
    joinraw = j.group("join")
    stripped = " ".join(joinraw.split()).lower()
    if stripped in ("-", "–", "—", "~"):
        join = "dash"
    elif stripped in ("through", "thru") or "to" in stripped and "up" not in stripped:
        join = "to"
    else:
        join = stripped
    if join == "or":
        return None
    opener_m = (
        RANGE_OPEN_RE.search(text, max(0, r.start - 10), r.start)
        if last_word(text, r.start).lower() in ("between", "from")
        else None
    )
    opener = opener_m.group("w").lower() if opener_m else ""
    if join == "and" and opener != "between" or join == "up to" and opener != "from":
        return None
    if join == "up to":
        join = "to"
    if join == "dash" and unit_first:
        return None
    n = NUMBER_AT_RE.match(text, j.end())
    if not n:
        return None
    if n.group("digits"):
        if join == "dash" and n.group("cur") and not r.currency:
            return None
        v2 = digits_value(n.group("digits"))
        if n.group("sign"):
            v2 = -v2
        n_end = n.end()
        if ORDINAL_AT_RE.match(text, n.start("digits")) or TIME_AT_RE.match(
            text, n.start("digits")
        ):
            return None
        mult2, n_end2, sc2 = read_scale(text, n_end, bool(r.currency or n.group("cur")))
        if sc2:
            v2 *= mult2
            n_end = n_end2
    else:
        if join == "dash":
            return None
        parsed = parse_number_words(text, n.start("word"))
        if parsed is None or parsed.form == "fraction":
            return None
        v2, n_end = parsed.value, parsed.end
        last = parsed.words[-1]
        mult2, sc2 = WORD_SCALES.get(last, 1.0), last if last in WORD_SCALES else ""
    v1 = r.value
    if sc2 and not first_scaled and abs(v1) <= v2 / mult2:
        v1 *= mult2  # "$89 to $93 billion", "four to five thousand"
    if join == "dash" and v1 >= v2:
        return None  # "9-2" (a score), "2014-15" (a season)
    if year_like(raw) and not first_scaled and (sc2 or n.group("cur")):
        return None  # "in 2018 to 3.9 million": a year, then an amount
    if join == "to":
        if not opener and v1 >= v2:
            return None
        verb = verb_before(text, r.start) or by_before(text, r.start)  # "cut prices by"
        own_unit = unit_first or bool(r.currency)
        if verb and own_unit and opener != "from":
            return None
        if verb and not own_unit and not opener:
            if not (UNIT_AFTER_RE.match(text, n_end) or CURRENCY_AFTER_RE.match(text, n_end)):
                return None
        if r.currency and not unit_first and not n.group("cur") and not opener:
            if UNIT_AFTER_RE.match(text, n_end):
                return None
    if unit_first:
        # The second number repeats the same unit: "5 per cent to 20 per cent"; or, after
        # "from", leaves it unsaid: "from 208 pounds to 193 by June".
        um = UNIT_AFTER_RE.match(text, n_end)
        if not um and opener == "from" and join == "to" and BARE_END_RE.match(text, n_end):
            um = None
        elif not um:
            return None
        if um:
            w2 = um.group("ci") or um.group("cs")
            unit = r.unit.lower()
            if w2.lower() != unit.split(" ")[0] and not unit.startswith(w2.lower()):
                return None
            n_end = um.end()
    low, high = (v1, v2) if v1 <= v2 else (v2, v1)
    r.value = (low + high) / 2
    r.low, r.high = low, high
    r.is_range = True
    r.rule = r.rule + "+range"
    return n_end
