"""What looks like a figure but is not: clock times, ordinals, dates, years, decades, card and
phone numbers, addresses, postal codes, page furniture and names with numbers ("F-150",
"Section 427", "iPhone 11").

One job: say whether a number at a position is one of these, and why.
"""

from __future__ import annotations

import re
from typing import Final

from helpers.figures.model import last_word
from helpers.figures.vocabulary import LOWER_MONTHS, MONTHS, NOT_NAME_WORDS, STREET_WORDS

# Non-figures recognised at the start of a candidate.
# Clock times: "1:23 a.m.", "17:22", "2 p.m.", "1.56pm", "0401 GMT".
TIME_AT_RE: Final = re.compile(
    r"\d{1,2}(?::\d{2}){1,2}(?![\d])|\d{1,2}(?:[.:]\d{2})?[^\S\n]?(?i:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)"
    r"(?![A-Za-z])|\d{4}[^\S\n]+(?:GMT|UTC|EDT|EST|BST|CET|CEST|PDT|PST|ET|PT|IST)\b"
)
# Ordinals: "22nd", "1st", "3rd", "10th".
ORDINAL_AT_RE: Final = re.compile(r"\d+(?:st|nd|rd|th)\b")
# Card numbers "5169 3351 0164 7408" and phone numbers "(617) 555-0199", "617-555-0199".
# Codes of three or more hyphenated digit groups: "2024-03-15", "1111-2222-3333", "+1-222-2222".
CARD_PHONE_AT_RE: Final = re.compile(
    r"\d{4}(?:[ \t\u00a0-]\d{4}){3}\b|\d{3}[ .-]\d{3}[ .-]\d{4}\b|\d{3}\)[^\S\n]?\d{3}[ .-]\d{4}"
    r"|\d+(?:-\d+){2,}|(?<=\+)\d{1,3}-\d+"
)
# Decades: "the 1970s", "1980s", "'90s".
DECADE_AT_RE: Final = re.compile(r"(?:1[5-9]|20)\d0s\b|\d0s\b(?<='\d0s)")
# A month name right before a number: "November 7", "Oct. 31", "Sept. 20-24", "Mar 9 2018".
MONTH_BEFORE_RE: Final = re.compile(r"\b(?:" + MONTHS + r")\.?[^\S\n]+$")
# A month name right after a number: "7 November 2023", "9 May", "1 may 1990", "5 june".
MONTH_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:of[^\S\n]+)?(?:(?:" + MONTHS + r")\b\.?|(?:" + LOWER_MONTHS + r")\b"
    r"|may(?=[^\S\n]+(?:\d{4}|that|this|last|next)\b|[,.;]))"
)
# Years are written without a thousands separator: "in 2014", "since 2016", "2019 review".
YEAR_RE: Final = re.compile(r"(?:1[0-9]|20)\d\d")
# Words before a bare number that make it a rank or label: "No. 1", "#3", "Section 427".
LABEL_BEFORE_RE: Final = re.compile(
    r"(?:\b(?:No|Nos|no|Number|number|Vol|vol|Article|Art|Section|Sec|Chapter|Ch|Page|p|pp|"
    r"Room|Route|Rt|Flight|Episode|Season|Level|Grade|Category|Cat|Phase|Stage|Game|Week|Day|"
    r"Gate|Platform|Unit|Block|Lot|Box|Suite|Apt|Building|Bldg|Highway|Interstate|I|"
    r"Channel|Ch|Model|Version|v|Class|Division|Group|Item|Table|Figure|Fig|Resolution|"
    r"Amendment|Act|Rule|Paragraph|Para|Clause|Line|Area|Zone|District|Ward|Precinct|Corps|"
    r"Pro|Max|Mark|Mk|Batch|Size|Track|Series|Generation|Gen|Stoxx|FTSE|Fortune|Russell|Nikkei|"
    r"DAX|CAC|Dow|Nasdaq|TSX|ASX|TA|Hang|Seng|Big|Top|Planet|Apollo|Windows|iPhone|Galaxy|"
    r"Note|Pixel|Xbox|PlayStation|PS|Boeing|Airbus|Tu|Su|MiG|Mig)\.?|#)[^\S\n]*$"
)
# "S&P 500", "S&P/ASX 200": an index name before the number.
INDEX_BEFORE_RE: Final = re.compile(r"(?:S&P|S&P/ASX|S&P/TSX|MSCI|Euro[^\S\n]?Stoxx|\bsp)[^\S\n]+$")
# Street address after the number: "304 North Cardinal St.", "49 Zorro Ranch Road".
ADDRESS_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:[NSEW]\.?[^\S\n]+)?(?:[A-Z0-9][\w'-]*[^\S\n]+){0,3}(?:" + STREET_WORDS + r")\b\.?"
)
# US postal code after a state abbreviation: "MA 02124".
POSTAL_BEFORE_RE: Final = re.compile(r"\b[A-Z]{2}[^\S\n]+$")
# Page furniture on its own line: "2 Posts", "Comment (0)".
FURNITURE_RE: Final = re.compile(r"[^\S\n]+(?P<w>[A-Z][a-z]+)[^\S\n]*(?:\n|$)")
# Names with a number inside: "F-150", "COVID-19", "G7", "S23", "TA-35", "Model-3".
PERCENT_AFTER_RE: Final = re.compile(r"[^\S\n]?(?:%|per cent|percent)")
# A lower-case prefix ("sub-7", "now-18", "minus-5", "mid-2020") does not make a name.
# A short lower-case word glued by a hyphen is a name too ("covid-19", "f-150", "last-32",
# "under-21"), unless it says how much ("sub-7", "now-18", "mid-2020", "up-5").
NAME_BEFORE_RE: Final = re.compile(
    r"(?:[A-Za-z]|\b[A-Za-z]*[A-Z][A-Za-z]*[-‑][^\S\n]?"
    r"|(?<![\w-])(?!(?:sub|mid|now|minus|plus|pre|post|circa|ca|about|around|some|nearly|almost|"
    r"up|down|to|from|and|or|by|per|than|x|a|an|the|of|in|at|on|for|over)-)[a-z]{1,6}-)$"
)
# A model word after a number: "iPhone 11 Pro", "Galaxy S23 Ultra", "the 7 Plus".
MODEL_AFTER_RE: Final = re.compile(
    r"[^\S\n]+(?:Pro|Max|Plus|Mini|Ultra|Lite|Air|Edge|XL|GT|GTI|RS)\b"
)
# "an average of 1500", "a total of 1200": a four-digit amount, not a year.
AMOUNT_OF_RE: Final = re.compile(
    r"(?i)\b(?:average|total|maximum|minimum|sum|tally|count|estimate|number)[^\S\n]+of[^\S\n]+$"
)
# A plural noun after a number: "1500 homes", "from 1000 to 2000 hires".
PLURAL_AFTER_RE: Final = re.compile(r"[^\S\n]+(?:[a-z]+[^\S\n]+)?(?P<n>[a-z]{3,}s)\b")
# An upper-case word and a spaced hyphen: "COVID -19" is a name, "FTSE -0.6%" a change.
NAME_SPACED_HYPHEN_RE: Final = re.compile(r"\b[A-Z][A-Za-z]*[^\S\n]$")
# Letters glued after the number: "3D", "5G", "4x4", "F-150s"; units and scales are checked first.
GLUED_AFTER_RE: Final = re.compile(r"[A-Za-z]|-[A-Z]|-\d")
# Age apposition: "Paul, 37, is from Scotland", "Maddon, 66, has used".
AGE_AROUND_RE: Final = re.compile(r"[A-Z][a-z]+,[^\S\n]$")
AGE_AFTER_RE: Final = re.compile(r",[^\S\n]")
MONTH_WORDS: Final = frozenset(MONTHS.split("|"))
# Lower-cased month words before a day or year: "on may 19", "dec. 12, 1994", "sept. 30".
LOWER_MONTH_WORDS: Final = frozenset(LOWER_MONTHS.split("|")) | frozenset(
    w.lower() + "." for w in MONTHS.split("|") if len(w) <= 4
)
# After "may"/"march" written in lower case, a day is a date only before a comma, a full stop,
# a year or the end ("on may 19, the", but "troops march 20 miles").
DAY_END_RE: Final = re.compile(r"[^\S\n]*(?:[,.;:)]|$|[^\S\n]\d{4}\b)")


_TIME_PLURALS: Final = frozenset(
    "years months weeks days hours minutes seconds decades centuries".split()
)


def year_is_amount(text: str, s: int, end: int, low: float, high: float) -> bool:
    """Whether four digits that could be years are an amount: after "an average of", or
    round hundreds before a plural noun ("1500 homes", "from 1000 to 2000 hires")."""
    if AMOUNT_OF_RE.search(text, max(0, s - 24), s):
        return True
    if low % 100 or high % 100:
        return False
    m = PLURAL_AFTER_RE.match(text, end)
    return m is not None and m.group("n") not in _TIME_PLURALS


def is_year(text: str, s: int, e: int, value: float) -> bool:
    """A bare four-digit number from 1000 to 2099 is read as a calendar year."""
    if e - s != 4 or not YEAR_RE.fullmatch(text, s, e):
        return False
    return 1000 <= value <= 2099


def year_like(raw: str) -> bool:
    return len(raw) == 4 and YEAR_RE.fullmatch(raw) is not None


def excluded_digits(text: str, s: int, e: int, nxt: str, after: str, lw: str) -> str:
    """Return why a digit candidate at [s, e) is not a figure, or "" if it may be one.

    ``nxt`` and ``after`` are the two characters after the digits, ``lw`` the word before
    them (``last_word(text, s)``). Each pattern runs only when the character after the digits
    could start what it matches. (Card, phone and code numbers are refused before, by
    ``CARD_PHONE_AT_RE``.)
    """
    if (nxt in ":." or nxt in "aApP" or nxt == " " and after in "aApPGUECBI") and TIME_AT_RE.match(
        text, s
    ):
        return "time"
    if nxt in "snrt" and ORDINAL_AT_RE.match(text, s):
        return "ordinal"
    if nxt == "s" and DECADE_AT_RE.match(text, s):
        return "decade"
    if _date_before(text, s, e, lw):
        return "date"
    if e - s <= 2 and nxt == " " and after.isalpha() and MONTH_AFTER_RE.match(text, e):
        return "date"
    if e - s == 5 and text[s] == "0" and POSTAL_BEFORE_RE.search(text, max(0, s - 14), s):
        return "postal"
    if nxt == " " and (after.isupper() or after.isdigit()) and "," not in text[s:e]:
        if ADDRESS_AFTER_RE.match(text, e):
            return "address"
    return ""


def could_be_code(text: str, s: int, e: int) -> bool:
    """Whether a card, phone or code pattern could start at ``s``: "5169 3351", "(617) 555",
    "2024-03-15", "+1-222"."""
    nxt = text[e : e + 1]
    return bool(
        nxt
        and nxt in " .-\t\u00a0"
        and text[e + 1 : e + 2].isdigit()
        or nxt == ")"
        or s
        and text[s - 1] == "+"
    )


def _date_before(text: str, s: int, e: int, lw: str) -> bool:
    """A month right before the number: "November 7", "Oct. 31", "on may 19", "dec. 12";
    ``lw`` is the word before the number."""
    if lw.rstrip(".") in MONTH_WORDS:
        return MONTH_BEFORE_RE.search(text, max(0, s - 14), s) is not None
    low = lw.lower()
    if low in LOWER_MONTH_WORDS:
        return e - s <= 2 or e - s == 4
    if low in ("may", "march", "mar") and e - s <= 2:
        return DAY_END_RE.match(text, e) is not None
    return False


# A capitalised (or camel-case) word ending the text before a number: "Big ", "iPhone ".
CAP_WORD_END_RE: Final = re.compile(r"(?:^|[^\w.])([A-Z][\w&]*|[a-z]+[A-Z]\w*)[^\S\n]+$")
_LOWER_LABELS: Final = frozenset("no nos number vol p pp v sp".split())


def name_before(text: str, s: int, lw: str | None = None) -> bool:
    """True when the number is part of a name: "F-150", "G7", "COVID-19", "Section 427".
    ``lw``: the word before ``s`` when the caller has it."""
    if lw is None:
        lw = last_word(text, s)
    glued = s > 0 and (text[s - 1].isalpha() or text[s - 1] in "-‑#")
    if not glued and lw.lower().rstrip(".") not in _LOWER_LABELS and lw == lw.lower():
        return False
    before = text[max(0, s - 24) : s]
    if NAME_BEFORE_RE.search(before):
        return True
    if LABEL_BEFORE_RE.search(before) or INDEX_BEFORE_RE.search(before):
        return True
    # "Big 12", "iPhone 11", "Game 6": a capitalised word that is not a function word.
    cap = CAP_WORD_END_RE.search(before)
    if cap and cap.group(1) not in NOT_NAME_WORDS and not MONTH_BEFORE_RE.search(before):
        # Sentence-initial capitals are ordinary words: "Only 3", "Nearly 40".
        pre = before[: cap.start(1)].rstrip()
        if pre and pre[-1] not in '.!?"“:;\n':
            return True
    return False
