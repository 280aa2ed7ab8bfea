"""Figures written in digits: "4.5 million residents", "$13.6M", "-5 yards", "2 1/2 cups",
"12-18 F-150s", "1.99×10−30 kg".

One job: read a digit candidate into a reading (sign, currency, fraction, power, scale, range,
unit or counted noun, qualifiers), or refuse it with a reason from ``exclusions``. What stands
before unusual digits (a currency, a sign, a name) is read by ``before``; the commonest shapes
after a lower-case word ("rose 4.5%", "300 metres", "131 flights") by the shortcuts of
``plain``, which give the same readings as the full chain here.
"""

from __future__ import annotations

import math
import re
from typing import Final

from helpers.figures.before import CODE_NEXT, SIGN_WORDS, before_digits, sign_before
from helpers.figures.exclusions import (
    ADDRESS_AFTER_RE,
    AGE_AFTER_RE,
    AGE_AROUND_RE,
    CARD_PHONE_AT_RE,
    FURNITURE_RE,
    GLUED_AFTER_RE,
    MODEL_AFTER_RE,
    excluded_digits,
    is_year,
    name_before,
    year_is_amount,
    year_like,
)
from helpers.figures.measures import (
    NO_UNIT,
    NO_UNIT_AFTER_SPACE,
    SCALE_INITIALS,
    read_scale,
    read_unit,
)
from helpers.figures.model import Reading, digits_value, last_word, skip_to
from helpers.figures.nouns import read_counted_noun
from helpers.figures.plain import read_percent, read_word_after
from helpers.figures.qualifiers import (
    qualifier_before,
    read_tail,
)
from helpers.figures.ranges import try_range
from helpers.figures.scan import VULGAR_FRACTIONS
from helpers.figures.vocabulary import FURNITURE_WORDS
from helpers.figures.words import read_ratio
from helpers.units import MILLION_CODES

# A scientific power: "1.99×10−30", "2.998x10^8".
POWER_AFTER_RE: Final = re.compile(r"[^\S\n]?[×x*][^\S\n]?10[^\S\n]?\^?(?P<e>[-−]?\d+)")
# A slash fraction: "1/2 pound", "1⁄4" (fraction slash); "24/7", "10/12/2020" are refused.
SLASH_AFTER_RE: Final = re.compile(r"(?:/(?P<d>\d{1,2})|[⁄∕](?P<d2>\d{1,3}))(?![\d/])")
# The fraction of a mixed number: "2 1/2 miles", "1 ½ cups".
MIXED_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:(?P<n>\d)[/⁄∕](?P<d>\d{1,2})(?![\d/])|(?P<v>[" + "".join(VULGAR_FRACTIONS) + r"]))"
)
# A decimal comma before a percent or scale: "37,5%", "1,5 million" (not "1,500").
DECIMAL_COMMA_RE: Final = re.compile(
    r",(?P<d>\d{1,2})(?!\d)(?=[^\S\n]?(?:%|per[^\S\n]?cent|percent|million|billion|bn\b|m\b))"
)
# A power of ten in e-notation: "1.3e6", "12.32e+14", "-12e-1".
EXPONENT_RE: Final = re.compile(r"[eE](?P<e>[+-]?\d{1,3})(?![\w.])")


def read_digits(text: str, s: int, e: int) -> tuple[Reading | None, int]:
    """Read the digits at [s, e) with what surrounds them; return (reading or None, resume).

    The characters around the digits and the word before them are read once here; each
    later check runs only when those characters say it could apply (the guards are the
    first lines of the checks, taken out so that most candidates skip the call).
    """
    raw = text[s:e]
    nxt = text[e : e + 1]
    after = text[e + 1 : e + 2]
    left = text[s - 2 : s] if s > 1 else ""
    if left in _PLAIN_LEFT and (left != "s " or text[s - 3 : s - 2] != "R"):
        # The common case, a lower-case word and a space before the digits ("rose 5%"): no
        # currency ("Rs 5" aside), no sign unless the word is one, no name glued on.
        if nxt in CODE_NEXT and (nxt == ")" or after.isdigit()):
            card = CARD_PHONE_AT_RE.match(text, s)
            if card:
                return None, card.end()
        written, currency, cur_start = "", "", s
        lw = last_word(text, s)
        sign = 0
        plain = lw.lower() not in SIGN_WORDS
        if not plain:
            signed = sign_before(text, s, e, s)
            if signed is None:
                return None, skip_to(text, e)
            sign, cur_start = signed
    else:
        plain = False
        written, currency, cur_start, lw, sign, resume = before_digits(text, s, e, nxt, after)
        if resume >= 0:
            return None, resume
    if (
        nxt in _MAY_EXCLUDE_NEXT
        or nxt == " "
        and (after in _MAY_EXCLUDE_AFTER or after.isupper() or after.isdigit())
        or e - s == 5
        or lw[:3].lower() in _MONTH_HEADS
    ) and excluded_digits(text, s, e, nxt, after, lw):
        return None, skip_to(text, e)
    if plain:  # the commonest shapes ("rose 4.5%", "300 metres", "131 flights"), shortly
        if nxt == "%":
            read = read_percent(text, s, e, raw, lw)
            if read is not None:
                return read
        elif nxt == " " and "a" <= after <= "z":
            read = read_word_after(text, s, e, raw, lw)
            if read is not None:
                return read
    if not nxt or nxt in _PLAIN_NEXT and text[e + 1 : e + 4].lstrip()[:1] not in _MAYBE_FRACTION:
        value = (float(raw) if raw.isdigit() else digits_value(raw)) * (sign or 1.0)
        if not -_INF < value < _INF:
            return None, skip_to(text, e)  # more digits than a float holds: no figure
        end, rule = e, "digits"
    else:
        number = _number_shape(text, raw, e, sign or 1.0)
        if isinstance(number, int):
            return None, number
        value, end, rule = number
    c = text[end : end + 1]
    if c.isalpha() or c in " -\u00a0" and text[end + 1 : end + 2] in SCALE_INITIALS:
        mult, end2, scale_written = read_scale(
            text, end, bool(currency), s if rule == "digits" else -1
        )
        if scale_written:
            value, end, rule = value * mult, end2, "digits+scale"
    else:
        scale_written = ""
    if currency and written in MILLION_CODES:
        value, rule = value * 1e6, "digits+scale"  # "MAUD 60" is 60 million
    r = Reading(cur_start, end, value, rule)
    if currency:
        r.currency, r.unit, r.unit_normalized = currency, written, currency
        r.kind, r.si_unit = "money", currency
    first = r.value  # the number itself, before a range replaces it with a midpoint
    end = _range_and_unit(text, r, end, bool(scale_written), raw)
    if end < 0:
        return None, skip_to(text, -end)
    if r.unit or scale_written:
        if not r.unit:
            end = read_counted_noun(text, r, end, False)  # "4.5 million residents"
    else:
        end = _bare_number(text, r, (s, e, end), first, raw, bool(currency or sign), lw)
        if end < 0:
            return None, -end
    if nxt == " " and after.isupper():
        fm = FURNITURE_RE.match(text, e)
        if fm and fm.group("w") in FURNITURE_WORDS:
            return None, skip_to(text, fm.end())  # page furniture "2 Posts" on its own line
    end = read_tail(text, r, s, end, lw)
    if sign < 0 and r.unit_normalized in ("percent", "point"):
        r.change = "down"
    elif sign > 0:
        r.change = "up"
    return r, end


# A lower-case ASCII letter and a space: what usually stands before digits ("rose 5%").
_PLAIN_LEFT: Final = frozenset(c + " " for c in "abcdefghijklmnopqrstuvwxyz")
# What ``excluded_digits`` needs to find anything: the character after the digits (a time, an
# ordinal, a decade), the letter after a space (a time, a month, an address), five digits (a
# postal code) or a month before them (its first three letters).
_MAY_EXCLUDE_NEXT: Final = ":.aApPsnrt"
_MAY_EXCLUDE_AFTER: Final = "aApPGUECBIoJFMASONDjfasndm"
_MONTH_HEADS: Final = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
# After these, plain digits end where they stand (no fraction, decimal comma or power).
_PLAIN_NEXT: Final = " .;:)!?\n"
_INF: Final = float("inf")


def _number_shape(text: str, raw: str, e: int, sign: float) -> tuple[float, int, str] | int:
    """Value of the digits with what is glued to them: a slash fraction, a mixed number, a
    vulgar fraction, a decimal comma, a power of ten.

    "1/2" -> 0.5, "2 1/2" -> 2.5, "2½" -> 2.5, "1⁄4" -> 0.25, "37,5%" -> 37.5, "1.3e6",
    "2.998x10^8". Returns (value, end, rule), or the position to resume at when the digits
    are a date or a rate such as "24/7" or "10/12/2020", or too large for a float.
    """
    value = digits_value(raw) * sign
    if not math.isfinite(value):
        return skip_to(text, e)  # more digits than a float holds: no figure
    end = e
    nxt = text[e : e + 1]
    if not nxt or nxt in " .;:)!?\n" and text[e + 1 : e + 4].lstrip()[:1] not in _MAYBE_FRACTION:
        return value, end, "digits"
    rule = "digits"
    if nxt in "/⁄∕":
        sl = SLASH_AFTER_RE.match(text, end)
        if sl:
            den = int(sl.group("d") or sl.group("d2"))
            if "," in raw or "." in raw or den == 0 or abs(value) >= den:
                return skip_to(text, sl.end())
            return value / den, sl.end(), "fraction"
    elif nxt in VULGAR_FRACTIONS and "." not in raw:
        return value + sign * VULGAR_FRACTIONS[nxt], end + 1, "fraction"
    elif nxt == " ":
        mx = MIXED_AFTER_RE.match(text, end)
        if mx:
            if mx.group("v"):
                return value + sign * VULGAR_FRACTIONS[mx.group("v")], mx.end(), "fraction"
            if 0 < int(mx.group("n")) < int(mx.group("d")):
                value += sign * int(mx.group("n")) / int(mx.group("d"))
                end, rule = mx.end(), "fraction"
    elif nxt == ",":
        dc = DECIMAL_COMMA_RE.match(text, end)
        if dc and "," not in raw and "." not in raw:
            value = sign * float(raw + "." + dc.group("d"))
            end, rule = dc.end("d"), "digits"
    elif nxt in "eE" and "," not in raw:
        ex = EXPONENT_RE.match(text, end)
        if ex:
            value = sign * float(raw + "e" + ex.group("e"))
            end, rule = ex.end(), "scientific"
    pw = POWER_AFTER_RE.match(text, end) if text[end : end + 1] in " ×x*" else None
    if pw:
        exponent = int(pw.group("e").replace("−", "-"))
        value = float(f"{value!r}e{exponent}") if abs(exponent) < 400 else float("inf")
        end, rule = pw.end(), "scientific"
    if not math.isfinite(value):
        return skip_to(text, end)  # "1x10^309": no float holds it, so no figure
    return value, end, rule


_MAYBE_FRACTION: Final = frozenset("0123456789x×*" + "".join(VULGAR_FRACTIONS))


def _range_and_unit(text: str, r: Reading, end: int, scaled: bool, raw: str) -> int:
    """A range ("12-18", "$89 to $93 billion"), then the unit, then maybe a range that repeats
    the unit ("five per cent to 20 per cent"). Returns the new end, or minus the position to
    skip to when the range turns out to be an address."""
    c = text[end : end + 1]
    if c and c in " -–—~t" and (c != " " or text[end + 1 : end + 2] in "-–—~taoTAOu"):
        resume = try_range(text, r, end, scaled, raw)
        if resume is not None:
            end = resume
            if ADDRESS_AFTER_RE.match(text, end):
                return -end
            c = text[end : end + 1]
    before_unit = end
    if not c or c in NO_UNIT or c == " " and text[end + 1 : end + 2] in NO_UNIT_AFTER_SPACE:
        return end  # punctuation, the end or another number: no unit, no rate
    end = read_unit(text, r, end)
    if not r.is_range and end != before_unit:
        resume = try_range(text, r, end, scaled, raw, unit_first=True)
        if resume is not None:
            end = resume
    return end


def _bare_number(
    text: str,
    r: Reading,
    span: tuple[int, int, int],
    value: float,
    raw: str,
    marked: bool,
    lw: str,
) -> int:
    """A number with no unit or scale: refuse years, names and labels; read an age
    apposition ("Paul, 37, is") or the counted noun. ``span``: start and end of the digits
    and the end so far; ``value``: the first number; ``marked``: a currency or sign. Returns
    the new end, or minus the position to resume at when the number is refused."""
    s, e, end = span
    if r.is_range:
        if year_like(raw) and 1000 <= r.high <= 2099 and r.high == int(r.high):
            if not year_is_amount(text, s, end, r.low, r.high):
                return -skip_to(text, end)
    elif e - s == 4 and is_year(text, s, e, abs(value)):
        if (not qualifier_before(text, s, lw) or text[e : e + 1] == "s") and not year_is_amount(
            text, s, end, value, value
        ):
            return -skip_to(text, e)
    c = text[end : end + 1]
    if not r.is_range and (c == "-" or c.isalpha()) and GLUED_AFTER_RE.match(text, end):
        return -skip_to(text, end)
    if not marked and name_before(text, s, lw):
        return -skip_to(text, end)
    if c == " " and not text[end + 1 : end + 2].islower() and MODEL_AFTER_RE.match(text, end):
        return -skip_to(text, end)  # "iPhone 11 Pro": a model name
    if text[s - 1 : s] == "(" and text[end : end + 1] == ")":
        return -end  # "Dak Prescott (4)": a label, not an amount
    if (
        text[s - 2 : s] == ", "
        and AGE_AROUND_RE.search(text, max(0, s - 20), s)
        and AGE_AFTER_RE.match(text, end)
        and 0 < value < 120
        and "." not in raw
    ):
        # Age apposition: "Paul, 37, is from Scotland".
        r.unit_normalized = "year of age"
        r.kind, r.factor, r.si_unit, r.rule = "duration", 365.2425, "day", "age"
        return end
    c2 = text[end + 1 : end + 2]
    if c == " " and (c2 in "iIoO" or c2.isspace()) and value == int(value):
        ratio = read_ratio(text, r.start, end, value)
        if ratio is not None:
            r.copy_from(ratio)
            return ratio.end
    return read_counted_noun(text, r, end, value == 1)
