"""What stands before digits: a card or phone number that starts there, a currency ("$5",
"US $58.24", "USD10m"), a sign ("-5 yards", "+0.3%", "minus 5") or a name the digits are
glued to ("F-150", "G7").

One job: read the left side of a digit candidate for ``digits.read_digits``, which handles the
common case (a lower-case word and a space before the digits) itself.
"""

from __future__ import annotations

import re
from typing import Final

from helpers.figures.exclusions import (
    CARD_PHONE_AT_RE,
    NAME_BEFORE_RE,
    NAME_SPACED_HYPHEN_RE,
    PERCENT_AFTER_RE,
)
from helpers.figures.measures import CURRENCY_BEFORE_RE
from helpers.figures.model import last_word, skip_to
from helpers.figures.qualifiers import qualifier_before
from helpers.units import CURRENCY_PREFIXES

# Sign just before a number: "-5 yards", "+0.3%", "minus-130 degrees".
SIGN_BEFORE_RE: Final = re.compile(
    r"(?:(?<![\w\d.,%)-])(?P<sym>[-+−])|(?i:\b(?P<word>minus|plus|negative)[ \t\u00a0-])"
    r"|^(?P<lead>[-−])[^\S\n]+)$"
)
# The word before digits (``last_word``, lower-cased) when a sign may stand there.
SIGN_WORDS: Final = ("minus", "plus", "negative", "-", "+", "−", "")
# What may follow digits that start a card, phone or code number ("5169 3351", "(617) 555").
CODE_NEXT: Final = frozenset(" .-\t\u00a0)")
# The last character of a currency written before digits: "$5", "US $5", "Y=590", "USD10m".
_CURRENCY_CHARS: Final = frozenset("$£€¥₹₽₴₪=.")
# What may stand before digits as a sign, or before the sign word: "-5", "+0.3%", " minus 5".
_SIGN_BEFORE_CHARS: Final = frozenset("+−- \t")


def before_digits(
    text: str, s: int, e: int, nxt: str, after: str
) -> tuple[str, str, int, str, int, int]:
    """What stands before the digits, in the general case: a card or phone number that starts
    there, a currency, a sign, a name the digits are glued to ("F-150").

    Returns (currency as written, normalised currency, start of the figure, the word before
    the digits, sign, resume): ``resume`` is -1, or where to resume when the digits are no
    figure."""
    prev = text[s - 1] if s else ""
    if nxt in CODE_NEXT and (nxt == ")" or after.isdigit()) or prev == "+":
        card = CARD_PHONE_AT_RE.match(text, s)
        if card:
            return "", "", s, "", 0, card.end()
    ch = prev if prev != " " else text[s - 2] if s >= 2 else ""
    if ch and (ch in _CURRENCY_CHARS or ch.isupper() or ch == "s" and "Rs" in text[s - 3 : s]):
        written, currency, cur_start = currency_before(text, s)
    else:
        written, currency, cur_start = "", "", s  # no currency sign or code before the digits
    lw = last_word(text, s)
    if cur_start == s and (not s or prev not in _SIGN_BEFORE_CHARS):
        sign = 0  # nothing before the digits that could be a sign
    elif cur_start == s and prev in " \t" and lw.lower() not in SIGN_WORDS:
        sign = 0
    else:
        signed = sign_before(text, s, e, cur_start)
        if signed is None:
            return "", "", s, lw, 0, skip_to(text, e)
        sign, cur_start = signed
    if (
        not currency
        and not sign
        and s
        and (prev.isalpha() or prev in "-‑" or prev == " " and text[s - 2 : s - 1] in "-‑")
        and unsigned_name(text, s, e, lw)
    ):
        return "", "", s, lw, 0, skip_to(text, e)
    return written, currency, cur_start, lw, sign, -1


def currency_before(text: str, s: int) -> tuple[str, str, int]:
    """Currency just before the digits ("$5", "US $58.24", "USD10m", "Y=590").

    Returns (currency as written, normalised currency, start of the figure); empty strings
    and ``s`` when there is none.
    """
    k = s - 1 if s and text[s - 1] != " " else s - 2
    ch = text[k] if k >= 0 else ""
    if not ch or not (ch in _CURRENCY_CHARS or ch.isupper() or ch == "s" and text[k - 1] == "R"):
        return "", "", s
    cur_m = CURRENCY_BEFORE_RE.search(text, max(0, s - 8), s)
    if not cur_m:
        return "", "", s
    written = cur_m.group("cur")
    # One- and two-letter codes ("R" rand, "PS" pounds, "RM") only when glued on.
    if written in ("R", "PS", "RM") and cur_m.end("cur") != s:
        return "", "", s
    return written, CURRENCY_PREFIXES[written], cur_m.start("cur")


def sign_before(text: str, s: int, e: int, cur_start: int) -> tuple[int, int] | None:
    """Sign before the number or its currency: "-5 yards", "+0.3%", "minus-130 degrees".

    Returns (sign, new start): sign -1, +1, or 0 when none is written; None when the
    hyphen belongs to a name ("COVID -19"; but "FTSE -0.6%" is a change).
    """
    if not cur_start:
        return 0, cur_start
    before = text[cur_start - 1]
    if before in "+−" or (before == "-" and not text[cur_start - 2 : cur_start - 1].isalnum()):
        sm = SIGN_BEFORE_RE.search(text, max(0, cur_start - 7), cur_start)
    elif before in "-+−" or before in " \t":
        if last_word(text, cur_start).lower() not in SIGN_WORDS:
            return 0, cur_start
        sm = SIGN_BEFORE_RE.search(text, max(0, cur_start - 7), cur_start)
    else:
        return 0, cur_start
    if not sm:
        return 0, cur_start
    sym = sm.group("sym")
    word = (sm.group("word") or "").lower()
    if (
        sym
        and NAME_SPACED_HYPHEN_RE.search(text, max(0, sm.start() - 20), sm.start())
        and not PERCENT_AFTER_RE.match(text, e)
    ):
        return None
    if sm.group("lead"):
        return -1, sm.start()  # "- 1 4/5" at the start of a text
    if sym in ("-", "−") or word in ("minus", "negative"):
        return -1, sm.start()
    if sym == "+":
        return 1, sm.start()
    return 0, cur_start


def unsigned_name(text: str, s: int, e: int, lw: str) -> bool:
    """A number glued to a name ("F-150", "G7") unless a qualifier or a percent says otherwise
    (``lw``: the word before the number)."""
    if not s:
        return False
    before = text[s - 1]
    if not (before.isalpha() or before in "-‑" or before == " " and text[s - 2 : s - 1] in "-‑"):
        return False
    return bool(
        NAME_BEFORE_RE.search(text, max(0, s - 24), s)
        and not qualifier_before(text, s, lw)
        and not PERCENT_AFTER_RE.match(text, e)
    )
