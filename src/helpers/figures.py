"""Find every reported figure in English news text and read it the way a careful reader would.

One job: text in, a list of ``Figure`` out (value, range, vagueness, change, unit, kind), in
text order.

How it works (a two-step method worth copying for any rule-based extractor):

1. **One pass of compiled patterns.** ``CANDIDATE_RE`` (compiled once, at import) scans the text
   for anything that could start a figure: digits ("1,000", "4.5", ".001"), number words
   ("two", "a dozen", "one hundred and fifty"), vague plurals ("hundreds", "tens of thousands")
   and fraction words ("half", "a third", "½"). The scan is a single ``re.search`` loop, so
   the cost grows with the length of the text, not with the number of rules.
2. **Per-match interpretation.** Each candidate is read with small anchored patterns
   (``pattern.match(text, pos)``) that look a few characters left and right of it: a currency
   sign before it, a scale word after it ("million", "bn", "k"), a second number that makes a
   range ("12-18", "between 10 and 20", "from 252 to 287 miles"), a unit or the counted noun
   ("miles", "km/h", "per cent", "1,000 additional weapons" -> weapons), and the qualifier
   that sets the change ("more than" >, "about" ~, "up to" <, "rose" up). Rules that say
   what is *not* a figure (years, dates, clock times, ordinals, names such as "F-16" or
   "Shahed-136", addresses, card and postal numbers, page furniture) are checked here too.
   Each figure records the ``rule`` that produced it, so every row can be traced.

    >>> [(f.value, f.change, f.unit_normalized) for f in extract_figures(
    ...     "more than 4.5 million residents are without power")]
    [(4500000.0, '>', 'resident')]

Run ``python -m helpers.figures FILE...`` to print one JSON object per figure.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, replace

import pandas as pd

from helpers.io import require_columns
from helpers.units import (
    CASE_SENSITIVE_UNITS,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    IRREGULAR_PLURALS,
    SCALES,
    UNITS,
    Unit,
    singular,
)

__all__ = ["Figure", "extract_figures", "figures_table", "FIGURE_COLUMNS"]


@dataclass(frozen=True)
class Figure:
    """One reported figure: its span in the text, its reading, and the rule that found it."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    is_range: bool
    is_vague: bool
    change: str
    qualifier: str
    unit: str
    unit_normalized: str
    kind: str
    si_value: float
    si_unit: str
    rule: str


# Columns of figures.csv, in order (the shared data contract).
# What figures_table reads from sentences.csv.
SENTENCE_INPUT_COLUMNS = ("article_id", "post", "sentence_id", "start", "text")
FIGURE_COLUMNS = [
    "article_id",
    "post",
    "sentence_id",
    "start",
    "end",
    "surface",
    "value",
    "low",
    "high",
    "is_range",
    "is_vague",
    "change",
    "qualifier",
    "unit",
    "unit_normalized",
    "kind",
    "si_value",
    "si_unit",
    "rule",
    "sentence_text",
]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
WORD_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Fraction denominators as written after a number word: "two-thirds", "one fourth", "a quarter".
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# Vague plurals: "hundreds of drones" is somewhere from 100 to 1000.
VAGUE = {
    "dozens": (12.0, 100.0),
    "tens": (10.0, 100.0),
    "scores": (40.0, 100.0),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13),
}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)

# Words that end a counted-noun phrase: "17 Ukrainian drones [over] the Black Sea".
STOP_WORDS = frozenset(
    """a an the of in on at to for from by with without into onto over under about above below
    and or but nor so yet than then as per via through across between among against during
    since until till after before around near off out up down is are was were be been being
    am has have had do does did will would shall should can could may might must that which
    who whom whose what when where while why how this these those it its they them their
    there here he she his her we our you your i me my not no each every all both either
    neither some any more most less least such only just also even still already ago later
    earlier last next this year years month months day days week weeks said says say told
    according if because though although whether including like unlike within toward towards
    upon beyond behind beside besides along amid amongst per cent percent times time""".split()
)
# Adjectives and determiners skipped on the way to the counted noun ("two more launchers").
SKIP_WORDS = frozenset(
    """other more additional new old further extra separate different senior junior top
    high-ranking low-ranking big small large major minor key main particular single only
    single-use first last next previous former current total full entire whole young older
    younger local foreign armed civilian military more than nearly roughly about""".split()
)
# Words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset(
    """is was has does this his its us as thus plus less unless always perhaps sometimes news
    series species various previous serious famous numerous generous enormous dangerous
    anonymous obvious across whereas towards afterwards besides was yes gas bus chaos
    status campus virus bonus census analysis crisis basis thesis diagnosis process access
    address business success progress congress glass class mass loss boss cross press kiss
    miss pass express""".split()
)
# Page furniture counters: "2 Posts", "14 Comments".
FURNITURE_WORDS = frozenset("Posts Comments Shares Likes Views Replies Photos Videos".split())
# Capitalised words that may precede a number without making it a name ("In 2019", "About 300").
NOT_NAME_WORDS = frozenset(
    """In On At By For From To Of With About Around Nearly Almost Over Under Some Only Just
    And But Or The A An Between Since Until After Before During Than Approximately Roughly
    More Less Fewer Up Down Another Each Every All Both Those These There Here It Its They We
    He She I You Nearly Over Estimated Total Another Additional Exactly Nearly Another
    Approximately Including Of Almost Least Most Another Another Other Another""".split()
)
# Street words that make "304 North Cardinal St." an address.
STREET_WORDS = (
    r"St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|"
    r"Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent"
)


# In the patterns below, [^\S\n] is "a space on the same line": blanks, tabs and non-breaking
# spaces (raw web text is full of U+00A0), but not a line break.


def _alternation(words) -> str:
    """Regex alternation of literal words, longest first so "per cent" wins over "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------------------------
# Patterns (all compiled once, at import)
# --------------------------------------------------------------------------------------------

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_WORD_NUM = _alternation(list(SMALL_NUMBERS) + list(TENS) + list(WORD_SCALES) + ["dozen"]).replace(
    "one", "one(?!-(?:off|on-one|time|way|sided|third|quarter|half)\\b)"
)

_WORD_CANDIDATES = (
    list(SMALL_NUMBERS) + list(TENS) + list(WORD_SCALES) + ["dozen", "half"] + list(VAGUE)
)
_FIRST_LETTERS = "".join(sorted({w[0] for w in _WORD_CANDIDATES} | {"a"}))
_TAILS = _alternation({w[1:] for w in _WORD_CANDIDATES})

# The single scan. Every branch starts with a character class, which lets the regex engine
# skip quickly to the next place a figure could start (about 10 MB/s on news text).
#   digits  "1,000.5" "4.5" "2022" (not the inner digits of "F16" or "1.2.3")
#   point   ".001"
#   frac    "½"
#   word    a number word at the start of a word, after a space or bracket: "two",
#           "Twenty", "hundreds", "half", "a dozen", "a third" (checked again when read)
CANDIDATE_RE = re.compile(
    r"(?P<digits>\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?!\d))"
    r"|(?P<point>\.(?<![\w.]\.)\d+)"
    r"|(?P<frac>[½¼¾⅓⅔⅛])"
    r"|[\s(\[\"'“‘/—–-](?P<word>["
    + _FIRST_LETTERS
    + _FIRST_LETTERS.upper()
    + r"](?:"
    + _TAILS
    + r"|\s+(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|fourth|fifth|"
    r"sixth|eighth|tenth))\b)"
)
# The same word alternative at the very start of a text, where no space precedes it.
WORD_AT_START_RE = re.compile(
    r"(?P<word>["
    + _FIRST_LETTERS
    + _FIRST_LETTERS.upper()
    + r"](?:"
    + _TAILS
    + r"|\s+(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|fourth|fifth|"
    r"sixth|eighth|tenth))\b)"
)

# A run of number words: "one hundred and fifty", "twenty-five", "four thousand".
NUMWORD_RUN_RE = re.compile(
    r"(?i)(?:" + _WORD_NUM + r")(?:(?:[ \t\u00a0-]+|[^\S\n]+and[^\S\n]+)(?:" + _WORD_NUM + r"))*\b"
)
# One word of a run.
WORD_TOKEN_RE = re.compile(r"[A-Za-z]+")
# Number core at a position, for the second half of a range: "18", "$93", "five thousand".
NUMBER_AT_RE = re.compile(
    r"[^\S\n]*(?P<cur>" + _alternation(CURRENCY_PREFIXES) + r")?[^\S\n]?"
    r"(?P<sign>[-−](?=\d))?(?P<digits>" + _DIGITS + r")(?![\d])"
    r"|[^\S\n]*(?P<word>(?i:"
    + _WORD_NUM
    + r")(?:(?:[ \t\u00a0-]+|[^\S\n]+and[^\S\n]+)(?i:"
    + _WORD_NUM
    + r"))*)\b"
)
# Currency standing just before a number: "$", "US $", "€", "HK$", "USD", "Y=", "PS" ...
CURRENCY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z-])(?P<cur>" + _alternation(CURRENCY_PREFIXES) + r")[^\S\n]?$"
)
# Sign just before a number: "-5 yards", "+0.3%", "minus-130 degrees".
SIGN_BEFORE_RE = re.compile(
    r"(?:(?<![\w\d.,%)-])(?P<sym>[-+−])|(?i:\b(?P<word>minus|plus)[ \t\u00a0-]))$"
)
# Scale after a number: "4.5 million", "$13.6M", "25k", "2 bn", "1.356 billion", "RM3.06mil".
SCALE_AFTER_RE = re.compile(
    r"(?:[^\S\n]?(?P<abbr>bn|bln|mn|mln|mil|tn|tr|[kKmMbB])(?![A-Za-z0-9])"
    r"|[ \t\u00a0-]*(?P<word>(?i:hundred|thousand|million|billion|trillion|lakh|crore))\b)"
)
# "and" / "to" / "-" joining two numbers into a range.
RANGE_JOIN_RE = re.compile(
    r"(?P<join>[^\S\n]*-?to-?[^\S\n]*|[^\S\n]*(?:-|–|—)[^\S\n]*|[^\S\n]+and[^\S\n]+|[^\S\n]+or[^\S\n]+)"
)

# Case-sensitive abbreviations as written ("GB", "kW", "m") map to the table's lower-case keys.
_UNIT_CS_MAP: dict[str, Unit] = {
    form: UNITS.get(form) or UNITS[form.lower()]
    for form in CASE_SENSITIVE_UNITS
    if form in UNITS or form.lower() in UNITS
}
_CS_LOWER = {form.lower() for form in _UNIT_CS_MAP}
_UNIT_CI = [u for u in UNITS if u not in _UNIT_CS_MAP and u not in _CS_LOWER]
_UNIT_CS = list(_UNIT_CS_MAP)
# A unit right after a number: "75 miles", "87 mph", "50GB", "2.5-year", "30 years old".
UNIT_AFTER_RE = re.compile(
    r"(?:[^\S\n]?-?[^\S\n]?)(?:(?P<ci>(?i:"
    + _alternation(_UNIT_CI)
    + r"))|(?P<cs>"
    + _alternation(_UNIT_CS)
    + r"))(?![A-Za-z0-9²³])"
)
# A currency written after a number: "800 million dollars", "10.5 million Australian dollars".
CURRENCY_AFTER_RE = re.compile(
    r"[^\S\n]?(?P<cur>" + _alternation(CURRENCY_SUFFIXES) + r")(?![A-Za-z])"
)
# A rate after a unit: "per barrel", "a month", "an ounce", "per square foot", "a-year".
PER_RE = re.compile(
    r"[ \t\u00a0-]+(?P<per>per|a|an|each|every)[ \t\u00a0-]+"
    r"(?P<den>(?:(?:square|sq\.?|cubic)[^\S\n]+)?[A-Za-z][A-Za-z.]*)(?![^\S\n]+(?:ago|earlier|before|later|previously|after)\b)"
)
# "a"/"an" only make a rate with these denominators ("$50 a barrel", not "5% a deal").
A_RATE_WORDS = frozenset(
    """second minute hour day week month year decade barrel gallon litre liter ounce pound
    tonne ton share head person kilo kilogram gram bottle unit piece night game""".split()
)
# Qualifier just before a number (or its currency): "more than", "about", "up to", "~".
QUALIFIER_RE = re.compile(
    r"(?i)(?:(?<![A-Za-z])(?P<q>more than|over than|over|at least|upwards of|in excess of|"
    r"greater than|higher than|above|exceeding|no fewer than|no less than|north of|"
    r"as many as|as much as|less than|fewer than|under|below|up to|at most|at maximum|"
    r"no more than|just under|just over|well over|nearly|almost|about|approximately|"
    r"approx\.|around|roughly|some|an estimated|estimated|circa|close to|"
    r"in the region of|sub)|(?P<sym>~|>|<|≈|≥|≤|\+/-))[ \t\u00a0-]*$"
)
# Change verb just before a number: "rose 0.3%", "up 19 cents", "fell by 5%".
CHANGE_VERB_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?P<v>(?P<up>rose|rise|rises|rising|risen|up|gained|gains|gaining|gain|"
    r"added|adding|adds|advanced|advancing|advances|advance|jumped|jumps|jumping|jump|"
    r"climbed|climbs|climbing|climb|increased|increases|increasing|increase|grew|grow|grows|"
    r"growing|surged|surges|surging|soared|soars|soaring|rallied|rallies|rallying|lifted|"
    r"improved|spiked|rebounded)|(?P<down>fell|falls|falling|fallen|fall|dropped|drops|"
    r"dropping|drop|down|declined|declines|declining|decline|lost|loses|losing|lose|slid|"
    r"slides|sliding|slipped|slips|slipping|plunged|plunges|plunging|plummeted|tumbled|"
    r"tumbles|tumbling|sank|sinks|sinking|eased|eases|easing|decreased|decreases|"
    r"decreasing|decrease|shed|sheds|shedding|dipped|dips|dipping|shrank|shrinks|slumped|"
    r"retreated|contracted|lowered|reduced|tanked|sagged))(?:[^\S\n]+by)?[^\S\n]+$"
)
# A change verb a few words before "by": "expected to grow sales by 35 per cent".
CHANGE_BY_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:(?P<up>rise|grow|increase|raise|boost|lift|rose|grew|increased|"
    r"raised|boosted|lifted)|(?P<down>fall|drop|decline|cut|reduce|lower|fell|dropped|"
    r"declined|reduced|lowered|shrink|shrank))(?:[^\S\n]+[A-Za-z']+){1,3}[^\S\n]+by[^\S\n]+$"
)
# After a number: "or more", "-plus", "+" set ">" ("100,000-plus", "50 or more").
QUALIFIER_AFTER_RE = re.compile(r"(?P<q>\+(?![\d])|-plus\b|[^\S\n]+or[^\S\n]+more\b)")

# Non-figures recognised at the start of a candidate.
# Clock times: "1:23 a.m.", "17:22", "2 p.m.", "1.56pm", "0401 GMT".
TIME_AT_RE = re.compile(
    r"\d{1,2}(?::\d{2}){1,2}(?![\d])|\d{1,2}(?:[.:]\d{2})?[^\S\n]?(?i:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)"
    r"(?![A-Za-z])|\d{4}[^\S\n]+(?:GMT|UTC|EDT|EST|BST|CET|CEST|PDT|PST|ET|PT|IST)\b"
)
# Ordinals: "22nd", "1st", "3rd", "10th".
ORDINAL_AT_RE = re.compile(r"\d+(?:st|nd|rd|th)\b")
# Card numbers "5169 3351 0164 7408" and phone numbers "(617) 555-0199", "617-555-0199".
CARD_PHONE_AT_RE = re.compile(
    r"\d{4}(?:[ \t\u00a0-]\d{4}){3}\b|\d{3}[ .-]\d{3}[ .-]\d{4}\b|\d{3}\)[^\S\n]?\d{3}[ .-]\d{4}"
)
# Decades: "the 1970s", "1980s", "'90s".
DECADE_AT_RE = re.compile(r"(?:1[5-9]|20)\d0s\b|\d0s\b(?<='\d0s)")
# A month name right before a number: "November 7", "Oct. 31", "Sept. 20-24", "Mar 9 2018".
MONTH_BEFORE_RE = re.compile(r"\b(?:" + MONTHS + r")\.?[^\S\n]+$")
# A month name right after a number: "7 November 2023", "9 May".
MONTH_AFTER_RE = re.compile(r"[^\S\n]+(?:of[^\S\n]+)?(?:" + MONTHS + r")\b\.?")
# Years are written without a thousands separator: "in 2014", "since 2016", "2019 review".
YEAR_RE = re.compile(r"(?:1[0-9]|20)\d\d")
# Words before a bare number that make it a rank or label: "No. 1", "#3", "Section 427".
LABEL_BEFORE_RE = re.compile(
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
INDEX_BEFORE_RE = re.compile(r"(?:S&P|S&P/ASX|S&P/TSX|MSCI|Euro[^\S\n]?Stoxx|\bsp)[^\S\n]+$")
# Street address after the number: "304 North Cardinal St.", "49 Zorro Ranch Road".
ADDRESS_AFTER_RE = re.compile(
    r"[^\S\n]+(?:[NSEW]\.?[^\S\n]+)?(?:[A-Z0-9][\w'-]*[^\S\n]+){0,3}(?:" + STREET_WORDS + r")\b\.?"
)
# US postal code after a state abbreviation: "MA 02124".
POSTAL_BEFORE_RE = re.compile(r"\b[A-Z]{2}[^\S\n]+$")
# Page furniture on its own line: "2 Posts", "Comment (0)".
FURNITURE_RE = re.compile(r"[^\S\n]+(?P<w>[A-Z][a-z]+)[^\S\n]*(?:\n|$)")
# Names with a number inside: "Shahed-136", "F-16", "COVID-19", "G7", "S23", "TA-35", "Fath-360".
PERCENT_AFTER_RE = re.compile(r"[^\S\n]?(?:%|per cent|percent)")
# A lower-case prefix ("sub-7", "now-18", "minus-5", "mid-2020") does not make a name.
NAME_BEFORE_RE = re.compile(r"(?:[A-Za-z]|\b[A-Za-z]*[A-Z][A-Za-z]*[-‑][^\S\n]?)$")
# An upper-case word and a spaced hyphen: "COVID -19" is a name, "FTSE -0.6%" a change.
NAME_SPACED_HYPHEN_RE = re.compile(r"\b[A-Z][A-Za-z]*[^\S\n]$")
# Letters glued after the number: "3D", "5G", "4x4", "F-16s"; units and scales are checked first.
GLUED_AFTER_RE = re.compile(r"[A-Za-z]|-[A-Z]|-\d")
# Words before a counted noun: up to five words on the same line.
NOUN_RUN_RE = re.compile(r"(?:[^\S\n]+(?:of[^\S\n]+)?[A-Za-z][A-Za-z0-9'’-]*){1,6}")
# "one" as a pronoun or in a fixed phrase: "one of the", "one another", "no one", "the one".
ONE_PRONOUN_AFTER_RE = re.compile(
    r"[^\S\n]+(?:of|another|or[^\S\n]+another|day|way|thing|by[^\S\n]+one|after[^\S\n]+another|"
    r"too|who|that|which|and[^\S\n]+only|is|was|has|had|does|did|can|could|would|will|"
    r"should|might|must|may)\b|[^\S\n]*[,.;:!?)\"']|[^\S\n]*$"
)
ONE_PRONOUN_BEFORE_RE = re.compile(
    r"(?i)\b(?:no|any|every|each|the|this|that|which|someone|anyone|no-|some|such|only|"
    r"a|an|last|big|little|new|old|right|wrong|same|other|another)[^\S\n]+$"
)
# "half" as a fraction: "half the condos", "almost half of which", "half a million".
HALF_AFTER_RE = re.compile(r"[^\S\n]+(?:of|the|a|an|its|their|his|her|our|all|these|those)\b")
HALF_BEFORE_RE = re.compile(r"(?i)\b(?:first|second|the|this|that|a|one|and|in|by)[^\S\n]+$")
# "a third of", "one quarter of", "two-thirds of": a spelled fraction.
DENOM_AFTER_RE = re.compile(r"(?i)[ \t\u00a0-]+(?P<d>" + _alternation(DENOMINATORS) + r")\b")
# "one in five", "1 out of 3": a ratio read as a fraction.
RATIO_AFTER_RE = re.compile(
    r"(?i)[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+(?P<n>\d+|" + _WORD_NUM + r")\b"
)
# Vague tails: "tens of thousands of", "hundreds of millions".
VAGUE_TAIL_RE = re.compile(r"(?i)[^\S\n]+of[^\S\n]+(?P<w>thousands|millions|billions)\b")
VAGUE_OK_AFTER_RE = re.compile(r"(?i)[^\S\n]+(?:of|more|upon)\b")
# "between" / "from" before the first number of a range.
RANGE_OPEN_RE = re.compile(r"(?i)\b(?P<w>between|from)[^\S\n]+$")
# A scientific power: "1.99×10−30", "2.998x10^8".
POWER_AFTER_RE = re.compile(r"[^\S\n]?[×x*][^\S\n]?10[^\S\n]?\^?(?P<e>[-−]?\d+)")
# A slash fraction: "1/2 pound", "2 1/2 miles".
SLASH_AFTER_RE = re.compile(r"/(?P<d>\d{1,2})(?![\d/])")
MIXED_AFTER_RE = re.compile(r"[^\S\n]+(?P<n>\d)/(?P<d>\d{1,2})(?![\d/])")
# Age apposition: "Paul, 37, is from Scotland", "Maddon, 66, has used".
AGE_AROUND_RE = re.compile(r"[A-Z][a-z]+,[^\S\n]$")
AGE_AFTER_RE = re.compile(r",[^\S\n]")
# A digit-word name glued by a hyphen after the number: "360-degree" stays, "7-Eleven" is a name.
HYPHEN_NAME_AFTER_RE = re.compile(r"-[A-Z][a-z]")

_PREFIX_NORMAL = CURRENCY_PREFIXES
_SUFFIX_NORMAL = CURRENCY_SUFFIXES
_SUFFIX_LOWER = {k.lower(): v for k, v in CURRENCY_SUFFIXES.items()}
_UNIT_LOWER = {k.lower(): v for k, v in UNITS.items()}


# Last words that can end a qualifier or change verb; the look-behind regexes run only when the
# word before a number is one of these (a set lookup is much cheaper than a regex search).
_QUAL_LAST = frozenset(
    """than over least of above exceeding north many much under below to most maximum just
    nearly almost about approximately approx. around roughly some estimated circa sub well
    ~ > < ≈ ≥ ≤ +/-""".split()
)
_VERB_LAST = frozenset(
    re.sub(r"\(\?P<\w+>|[()?]", " ", CHANGE_VERB_RE.pattern.split("(?P<v>")[1].split("))")[0])
    .replace("|", " ")
    .split()
) | {"by"}
_MONTH_WORDS = frozenset(MONTHS.split("|"))


def _qualifier_before(text: str, pos: int) -> re.Match | None:
    """QUALIFIER_RE ending at ``pos``, searched only when the last word could end one."""
    lw = _last_word(text, pos).lower().lstrip("(\"'“‘[")
    if lw in _QUAL_LAST or lw[-1:] in "~><≈≥≤" and lw:
        return QUALIFIER_RE.search(text, max(0, pos - 40), pos)
    return None


def _verb_before(text: str, pos: int) -> re.Match | None:
    """CHANGE_VERB_RE ending at ``pos``, searched only after a change verb or "by"."""
    if _last_word(text, pos).lower() in _VERB_LAST:
        return CHANGE_VERB_RE.search(text, max(0, pos - 30), pos)
    return None


def _by_before(text: str, pos: int) -> re.Match | None:
    if _last_word(text, pos).lower() == "by":
        return CHANGE_BY_RE.search(text, max(0, pos - 50), pos)
    return None


def _last_word(text: str, end: int) -> str:
    """The whitespace-delimited word just before ``end`` (without trailing spaces or hyphens)."""
    i = end
    while i > 0 and text[i - 1] in " \t\u00a0-":
        i -= 1
    lo = max(0, i - 30)
    j = max(
        text.rfind(" ", lo, i),
        text.rfind("\n", lo, i),
        text.rfind("\t", lo, i),
        text.rfind("\u00a0", lo, i),
    )
    return (text[j + 1 : i] if j >= 0 else text[lo:i]).lstrip("(\"'“‘[,;:")


# --------------------------------------------------------------------------------------------
# Small readers
# --------------------------------------------------------------------------------------------


def _digits_value(s: str) -> float:
    return float(s.replace(",", ""))


def _words_value(text: str, start: int, end: int) -> tuple[float, int] | None:
    """Read a run of number words; return (value, end of the part that parses) or None.

    "one hundred and fifty" -> 150, "twenty-five" -> 25, "two dozen" -> 24. The run stops at
    the first word that would not continue a well-formed number ("one two" reads "one").
    """
    total = 0.0
    current = 0.0
    last_end = None
    prev = ""  # "small", "tens", "scale", "and"
    for tok in WORD_TOKEN_RE.finditer(text, start, end):
        w = tok.group().lower()
        if w == "and":
            if prev != "scale":
                break
            prev = "and"
            continue
        if w in SMALL_NUMBERS:
            v = SMALL_NUMBERS[w]
            if prev == "small" or (prev == "tens" and v >= 10):
                break
            current += v
            prev = "small"
        elif w in TENS:
            if prev in ("small", "tens"):
                break
            current += TENS[w]
            prev = "tens"
        elif w == "dozen":
            if prev == "and":
                break
            current = (current or 1) * 12
            prev = "scale"
        elif w in WORD_SCALES:
            if prev == "and":
                break
            scale = WORD_SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            prev = "scale"
        else:
            break
        last_end = tok.end()
    if last_end is None:
        return None
    return total + current, last_end


def _unit_info(surface: str, ci: bool) -> Unit:
    return _UNIT_LOWER[surface.lower()] if ci else _UNIT_CS_MAP[surface]


_PARTITIVE = frozenset("the its their these those our his her your".split())


def _plural_head(words: list[tuple[str, int, int]], count_is_one: bool):
    """Pick the counted noun among the words after a number, skipping adjectives.

    For plural counts the head is the first plural-looking word ("additional weapons",
    "F-16 fighter jets"); for "one" it is the first word that is not a known adjective.
    """
    for i, (w, s, e) in enumerate(words):
        low = w.lower()
        if low == "and" and not count_is_one and i > 0:
            continue  # "digital and physical sales": keep looking for the plural head
        if low in SKIP_WORDS:
            continue  # "two more launchers", "six other regions"
        if i == 0 and low == "of" or i == 1 and low in _PARTITIVE and words[0][0] == "of":
            continue  # "two of the systems" counts systems
        if low in STOP_WORDS:
            return None
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
    return None


# --------------------------------------------------------------------------------------------
# The interpreter
# --------------------------------------------------------------------------------------------


class _Reading:
    """Mutable scratch state while one candidate is being read."""

    __slots__ = (
        "start",
        "end",
        "value",
        "low",
        "high",
        "is_range",
        "is_vague",
        "change",
        "qualifier",
        "unit",
        "unit_normalized",
        "kind",
        "factor",
        "si_unit",
        "rule",
        "currency",
    )

    def __init__(self, start: int, end: int, value: float, rule: str):
        self.start = start
        self.end = end
        self.value = value
        self.low = value
        self.high = value
        self.is_range = False
        self.is_vague = False
        self.change = "="
        self.qualifier = ""
        self.unit = ""
        self.unit_normalized = ""
        self.kind = "count"
        self.factor = 1.0
        self.si_unit = ""
        self.rule = rule
        self.currency = ""


def _is_year(text: str, s: int, e: int, value: float) -> bool:
    """A bare four-digit number from 1000 to 2099 is read as a calendar year."""
    if e - s != 4 or not YEAR_RE.fullmatch(text, s, e):
        return False
    return 1000 <= value <= 2099


def _read_scale(text: str, pos: int, has_currency: bool) -> tuple[float, int, str]:
    """Scale word or suffix at ``pos``: returns (multiplier, new end, scale as written)."""
    m = SCALE_AFTER_RE.match(text, pos)
    if not m:
        return 1.0, pos, ""
    if m.group("word"):
        w = m.group("word").lower()
        return SCALES[w], m.end(), m.group("word")
    abbr = m.group("abbr")
    if abbr in ("m", "b", "k", "K", "B") and not has_currency:
        # "2.7m sales" is millions, but "72.7m long" is metres; "25k" thousands.
        if abbr == "m":
            nxt = text[m.end() : m.end() + 12]
            word = re.match(r"[^\S\n]+([a-z]+)", nxt)
            if (
                not word
                or word.group(1) in STOP_WORDS
                or word.group(1) in ("long", "wide", "high", "deep", "tall")
            ):
                return 1.0, pos, ""
        elif abbr in ("b", "B"):
            return 1.0, pos, ""
        elif abbr == "K" and text[pos : pos + 1] != "K":
            return 1.0, pos, ""
    return SCALES[abbr], m.end(), abbr


def _read_unit(text: str, r: _Reading, pos: int) -> int:
    """Read a unit or currency after the number at ``pos``; return the new end."""
    if not r.currency:
        m = CURRENCY_AFTER_RE.match(text, pos)
        if (
            m
            and m.group("cur") not in ("p", "sen", "kn")
            or (
                m
                and m.group("cur") in ("p", "sen", "kn")
                and m.start("cur") == pos
                or m
                and m.group("cur") in ("sen",)
            )
        ):
            cur = m.group("cur")
            r.currency = _SUFFIX_NORMAL.get(cur) or _SUFFIX_LOWER.get(cur.lower(), cur.lower())
            r.unit = cur
            r.unit_normalized = r.currency
            r.kind = "money"
            r.si_unit = r.currency
            pos = m.end()
            return _read_rate(text, r, pos)
    m = UNIT_AFTER_RE.match(text, pos)
    if m:
        ci = m.group("ci") is not None
        written = m.group("ci") or m.group("cs")
        # Bare one-letter units only when glued or clearly units ("12 C", not "5 s").
        if len(written) == 1 and written not in "%'°" and m.start(m.lastgroup) != pos:
            if written not in ("C", "W", "V", "m", "g"):
                m = None
        if m and written.lower() in ("points", "point", "pts", "pt") and r.currency:
            m = None
    if m:
        info = _unit_info(written, ci)
        if r.currency:
            # "$3,500 a month": the currency stays the unit; the rest is a rate.
            return _read_rate(text, r, pos)
        r.unit = written
        r.unit_normalized = info.normalized
        r.kind = info.kind
        r.factor = info.factor
        r.si_unit = info.si_unit
        if written.lower() in ("times", "fold"):
            r.kind = "other"
        pos = m.end()
        return _read_rate(text, r, pos)
    if r.currency:
        return _read_rate(text, r, pos)
    return pos


def _read_rate(text: str, r: _Reading, pos: int) -> int:
    """Extend a unit with a rate: "$58.24 per barrel", "$3,500 a month", "£24 a-year"."""
    m = PER_RE.match(text, pos)
    if not m:
        return pos
    den = m.group("den").rstrip(".")
    word = m.group("per").lower()
    low = den.lower()
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
    if low in _UNIT_LOWER:
        den_norm = _UNIT_LOWER[low].normalized
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


def _read_counted_noun(text: str, r: _Reading, pos: int, one: bool) -> int:
    """Counted noun after a count: "17 Ukrainian drones" -> drones, ends the figure there."""
    m = NOUN_RUN_RE.match(text, pos)
    if not m:
        return pos
    words = []
    for t in re.finditer(r"[A-Za-z][A-Za-z0-9'’-]*", text[pos : m.end()]):
        words.append((t.group(), pos + t.start(), pos + t.end()))
    head = _plural_head(words, one)
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
    return e


def _qualifiers(text: str, r: _Reading) -> None:
    """Set change and qualifier from the words just before the figure.

    The closest words decide: "more than 4.5 million" is ">", "about 450" "~". A change verb
    before them ("rose 0.3%", "up 19 cents", "fell by 5%") sets "up"/"down" and outranks a
    hedge ("rose about 1.5%" is up), but not a bound ("lost more than 60%" stays ">").
    Counted nouns take no change verb: "lost 300 jobs" is a count of jobs.
    """
    m = _qualifier_before(text, r.start)
    start = r.start
    if m:
        q = (m.group("q") or m.group("sym") or "").lower()
        r.change = _CHANGE_OF.get(q, "=")
        start = m.start()
    if r.kind != "count" or not r.unit:
        v = _verb_before(text, start)
        far = None if v else _by_before(text, start)
        hit = v or far
        if hit and r.change not in (">", "<"):
            r.change = "up" if hit.group("up") else "down"
        if v and r.change not in (">", "<"):
            start = v.start()
    if start < r.start:
        r.qualifier = text[start : r.start].strip(" \t-")
        r.start = start


_CHANGE_OF = {
    "more than": ">",
    "over than": ">",
    "over": ">",
    "at least": ">",
    "upwards of": ">",
    "in excess of": ">",
    "greater than": ">",
    "higher than": ">",
    "above": ">",
    "exceeding": ">",
    "no fewer than": ">",
    "no less than": ">",
    "north of": ">",
    "just over": ">",
    "well over": ">",
    ">": ">",
    "≥": ">",
    "as many as": "<",
    "as much as": "<",
    "less than": "<",
    "fewer than": "<",
    "under": "<",
    "below": "<",
    "up to": "<",
    "at most": "<",
    "at maximum": "<",
    "no more than": "<",
    "just under": "<",
    "sub": "<",
    "<": "<",
    "≤": "<",
    "nearly": "~",
    "almost": "~",
    "about": "~",
    "approximately": "~",
    "approx.": "~",
    "around": "~",
    "roughly": "~",
    "some": "~",
    "an estimated": "~",
    "estimated": "~",
    "circa": "~",
    "close to": "~",
    "in the region of": "~",
    "~": "~",
    "≈": "~",
    "+/-": "~",
}


def _excluded_digits(text: str, s: int, e: int) -> str:
    """Return why a digit candidate at [s, e) is not a figure, or "" if it may be one."""
    if TIME_AT_RE.match(text, s):
        return "time"
    if ORDINAL_AT_RE.match(text, s):
        return "ordinal"
    if CARD_PHONE_AT_RE.match(text, s):
        return "card-or-phone"
    if DECADE_AT_RE.match(text, s):
        return "decade"
    before = text[max(0, s - 14) : s]
    if _last_word(text, s).rstrip(".") in _MONTH_WORDS and MONTH_BEFORE_RE.search(before):
        return "date"
    if e - s <= 2 and MONTH_AFTER_RE.match(text, e):
        return "date"
    if e - s == 5 and text[s] == "0" and POSTAL_BEFORE_RE.search(before):
        return "postal"
    if ADDRESS_AFTER_RE.match(text, e) and "," not in text[s:e]:
        return "address"
    return ""


_LOWER_LABELS = frozenset("no nos number vol p pp v sp".split())


def _name_before(text: str, s: int) -> bool:
    """True when the number is part of a name: "F-16", "G7", "Shahed-136", "Section 427"."""
    lw = _last_word(text, s)
    glued = s > 0 and (text[s - 1].isalpha() or text[s - 1] in "-‑#")
    if not glued and lw.lower().rstrip(".") not in _LOWER_LABELS and lw == lw.lower():
        return False
    before = text[max(0, s - 24) : s]
    if NAME_BEFORE_RE.search(before):
        return True
    if LABEL_BEFORE_RE.search(before) or INDEX_BEFORE_RE.search(before):
        return True
    # "Big 12", "iPhone 11", "Game 6": a capitalised word that is not a function word.
    cap = re.search(r"(?:^|[^\w.])([A-Z][\w&]*|[a-z]+[A-Z]\w*)[^\S\n]+$", before)
    if cap and cap.group(1) not in NOT_NAME_WORDS and not MONTH_BEFORE_RE.search(before):
        # Sentence-initial capitals are ordinary words: "Only 3", "Nearly 40".
        pre = before[: cap.start(1)].rstrip()
        if pre and pre[-1] not in '.!?"“:;\n':
            return True
    return False


def _read_candidate(text: str, m: re.Match) -> tuple[_Reading | None, int]:
    """Interpret one candidate match; return (reading or None, position to resume scanning)."""
    if m.group("digits") or m.group("point"):
        return _read_digits(text, m.start(), m.end())
    if m.group("word") is None:
        s, e = m.start(), m.end()
        r = _Reading(s, e, UNICODE_FRACTIONS[m.group()], "fraction-symbol")
        r.kind = "other"
        e = _read_unit(text, r, e)
        r.end = e
        _qualifiers(text, r)
        return r, e
    return _read_words(text, m.start("word"), m.end("word"))


def _read_digits(text: str, s: int, e: int) -> tuple[_Reading | None, int]:
    raw = text[s:e]
    card = CARD_PHONE_AT_RE.match(text, s)
    if card:
        return None, card.end()
    # Currency just before: "$5", "US $58.24", "USD10m", "Y=590".
    k = s - 1 if s and text[s - 1] != " " else s - 2
    ch = text[k] if k >= 0 else ""
    cur_m = (
        CURRENCY_BEFORE_RE.search(text, max(0, s - 8), s)
        if ch and (ch in "$£€¥₹₽₴₪=." or ch.isupper())
        else None
    )
    currency = ""
    cur_start = s
    if cur_m:
        written = cur_m.group("cur")
        # One- and two-letter codes ("R" rand, "PS" pounds, "RM") only when glued on.
        if written in ("R", "PS", "Rs", "RM") and cur_m.end("cur") != s:
            cur_m = None
        else:
            currency = _PREFIX_NORMAL[written]
            cur_start = cur_m.start("cur")
    why = _excluded_digits(text, s, e)
    if why:
        return None, _skip_to(text, e)
    # Sign: "-5 yards", "+0.3%", "minus-130 degrees".
    sign = 1.0
    sign_up = sign_down = False
    sm = (
        SIGN_BEFORE_RE.search(text, max(0, cur_start - 7), cur_start)
        if cur_start
        and (text[cur_start - 1] in "-+−" or text[cur_start - 1] in " \t")
        and _last_word(text, cur_start).lower() in ("minus", "plus", "-", "+", "−")
        or cur_start
        and text[cur_start - 1] in "+−"
        or cur_start
        and text[cur_start - 1] == "-"
        and not text[cur_start - 2 : cur_start - 1].isalnum()
        else None
    )
    if sm:
        sym = sm.group("sym")
        word = (sm.group("word") or "").lower()
        if (
            sym
            and NAME_SPACED_HYPHEN_RE.search(text, max(0, sm.start() - 20), sm.start())
            and not PERCENT_AFTER_RE.match(text, e)
        ):
            return None, _skip_to(text, e)  # "COVID -19" is a name; "FTSE -0.6%" a change
        if sym in ("-", "−") or word == "minus":
            sign, sign_down = -1.0, True
            cur_start = sm.start()
        elif sym == "+":
            sign_up = True
            cur_start = sm.start()
    if not currency and not sign_down and not sign_up:
        if NAME_BEFORE_RE.search(text, max(0, s - 24), s) and not _qualifier_before(text, s):
            if not PERCENT_AFTER_RE.match(text, e):
                return None, _skip_to(text, e)
    value = _digits_value(raw) * sign
    rule = "digits"
    end = e
    # Slash fraction "1/2" or mixed "2 1/2"; "24/7" and "10/12/2020" are not figures.
    sl = SLASH_AFTER_RE.match(text, end)
    if sl:
        den = int(sl.group("d"))
        if "," in raw or "." in raw or den == 0 or abs(value) >= den:
            return None, _skip_to(text, sl.end())
        value, end, rule = value / den, sl.end(), "fraction"
    else:
        mx = MIXED_AFTER_RE.match(text, end)
        if mx and 0 < int(mx.group("n")) < int(mx.group("d")):
            value = value + sign * int(mx.group("n")) / int(mx.group("d"))
            end, rule = mx.end(), "fraction"
    pw = POWER_AFTER_RE.match(text, end)
    if pw:
        value = value * 10 ** int(pw.group("e").replace("−", "-"))
        end, rule = pw.end(), "scientific"
    # Scale: "4.5 million", "$13.6M", "25k".
    mult, end2, scale_written = _read_scale(text, end, bool(currency))
    if scale_written:
        value *= mult
        end = end2
        rule = "digits+scale"
    r = _Reading(cur_start, end, value, rule)
    if currency:
        r.currency = currency
        r.unit = cur_m.group("cur")
        r.unit_normalized = currency
        r.kind = "money"
        r.si_unit = currency
    # Range: "12-18", "15 to 22 miles", "$89 to $93 billion", "between 10 and 20".
    resume = _try_range(text, r, end, bool(scale_written), raw)
    if resume is not None:
        end = resume
        if ADDRESS_AFTER_RE.match(text, end):
            return None, _skip_to(text, end)
    # Unit, then maybe a range with the unit repeated: "five per cent to 20 per cent".
    before_unit = end
    end = _read_unit(text, r, end)
    if not r.is_range and end != before_unit:
        resume = _try_range(text, r, end, bool(scale_written), raw, unit_first=True)
        if resume is not None:
            end = resume
    measured = bool(r.unit) or bool(scale_written)
    if not measured:
        if r.is_range:
            if _year_like(raw) and 1000 <= r.high <= 2099 and r.high == int(r.high):
                return None, _skip_to(text, end)
        elif _is_year(text, s, e, abs(value)):
            if not _qualifier_before(text, s) or text[e : e + 1] == "s":
                return None, _skip_to(text, e)
        if not r.is_range and GLUED_AFTER_RE.match(text, end):
            return None, _skip_to(text, end)
        if not currency and not sign_down and not sign_up and _name_before(text, s):
            return None, _skip_to(text, end)
        if text[s - 1 : s] == "(" and text[end : end + 1] == ")":
            return None, end  # "Dak Prescott (4)": a label, not an amount
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
        else:
            end = _read_counted_noun(text, r, end, value == 1)
    elif not r.unit:
        end = _read_counted_noun(text, r, end, False)  # "4.5 million residents"
    # Page furniture "2 Posts" on a line of its own.
    fm = FURNITURE_RE.match(text, e)
    if fm and fm.group("w") in FURNITURE_WORDS:
        return None, _skip_to(text, fm.end())
    # After-qualifiers: "or more", "+", "-plus".
    qa = QUALIFIER_AFTER_RE.match(text, end)
    if qa and not r.is_range and r.kind == "count":
        r.change = ">"
        r.qualifier = qa.group("q").strip(" \t-")
        end = qa.end()
    r.end = end
    if not r.qualifier:
        _qualifiers(text, r)
    if sign_down and r.unit_normalized in ("percent", "point"):
        r.change = "down"
    elif sign_up:
        r.change = "up"
    return r, end


def _year_like(raw: str) -> bool:
    return len(raw) == 4 and YEAR_RE.fullmatch(raw) is not None


_SKIP_TOKEN_RE = re.compile(r"[\w.,/:-]*")


def _skip_to(text: str, pos: int) -> int:
    """Resume after the current token so its inner digits are not read again."""
    return _SKIP_TOKEN_RE.match(text, pos).end()


def _try_range(
    text: str,
    r: _Reading,
    pos: int,
    first_scaled: bool,
    raw: str,
    unit_first: bool = False,
) -> int | None:
    """Extend ``r`` into a range if a second number follows; return the new end or None.

    Conventions: "12-18" and "15 to 22 miles" ascend; "between X and Y"; "from X to Y" may
    run either way. After a change verb, "to" names the new level ("rose 5% to $84"), unless
    the first number has no unit of its own ("dropped by 1 to 1.5 degrees"). A dash between a
    four-digit year and two digits ("2014-15") and descending dashes ("9-2", scores) are not
    ranges.
    """
    j = RANGE_JOIN_RE.match(text, pos)
    if not j:
        return None
    joinraw = j.group("join")
    stripped = joinraw.strip()
    if stripped in ("-", "–", "—"):
        join = "dash"
    elif "to" in stripped:
        join = "to"
    else:
        join = stripped.lower()
    if join == "or":
        return None
    opener_m = (
        RANGE_OPEN_RE.search(text, max(0, r.start - 10), r.start)
        if _last_word(text, r.start).lower() in ("between", "from")
        else None
    )
    opener = opener_m.group("w").lower() if opener_m else ""
    if join == "and" and opener != "between":
        return None
    if join == "dash" and (unit_first or (" " in joinraw and not opener)):
        return None
    n = NUMBER_AT_RE.match(text, j.end())
    if not n:
        return None
    if n.group("digits"):
        if join == "dash" and n.group("cur") and not r.currency:
            return None
        v2 = _digits_value(n.group("digits"))
        if n.group("sign"):
            v2 = -v2
        n_end = n.end()
        if ORDINAL_AT_RE.match(text, n.start("digits")) or TIME_AT_RE.match(
            text, n.start("digits")
        ):
            return None
        mult2, n_end2, sc2 = _read_scale(text, n_end, bool(r.currency or n.group("cur")))
        if sc2:
            v2 *= mult2
            n_end = n_end2
    else:
        if join == "dash":
            return None
        wv = _words_value(text, n.start("word"), n.end("word"))
        if wv is None:
            return None
        v2, n_end = wv
        last = text[n.start("word") : n_end].split()[-1].lower()
        mult2, sc2 = WORD_SCALES.get(last, 1.0), last if last in WORD_SCALES else ""
    v1 = r.value
    if sc2 and not first_scaled and abs(v1) <= v2 / mult2:
        v1 *= mult2  # "$89 to $93 billion", "four to five thousand"
    if join == "dash":
        if _year_like(raw) or v1 >= v2:
            return None
    if _year_like(raw) and not first_scaled and (sc2 or n.group("cur")):
        return None  # "in 2018 to 3.9 million": a year, then an amount
    if join == "to":
        if not opener and v1 >= v2:
            return None
        verb = _verb_before(text, r.start)
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
        # The second number repeats the same unit: "5 per cent to 20 per cent".
        um = UNIT_AFTER_RE.match(text, n_end)
        if not um:
            return None
        w2 = um.group("ci") or um.group("cs")
        if w2.lower() != r.unit.lower().split(" ")[0] and not r.unit.lower().startswith(w2.lower()):
            return None
        n_end = um.end()
    low, high = (v1, v2) if v1 <= v2 else (v2, v1)
    r.value = (low + high) / 2
    r.low, r.high = low, high
    r.is_range = True
    r.rule = r.rule + "+range"
    return n_end


def _read_words(text: str, s: int, e: int) -> tuple[_Reading | None, int]:
    word = text[s:e]
    low = word.lower()
    has_a = low.startswith("a ") or low.startswith("a\t") or low.startswith("a\n")
    core_start = s + (len(word) - len(word.lstrip("aA")) if has_a else 0)
    if has_a:
        core_start = s + 1
        while text[core_start] in " \t\n":
            core_start += 1
    core = text[core_start:e].lower()
    # Vague plurals: "hundreds of drones", "tens of thousands of dollars".
    if core in VAGUE:
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
        r = _Reading(s, end, (lo + hi) / 2, "vague")
        r.low, r.high, r.is_range, r.is_vague = lo, hi, True, True
        end = _read_vague_unit(text, r, end)
        r.end = end
        _qualifiers(text, r)
        return r, end
    # Fractions: "half the condos", "a third of", "two-thirds", "one in five".
    if core == "half":
        before = text[max(0, s - 12) : s]
        if has_a or HALF_BEFORE_RE.search(before) or text[e : e + 1] == "-":
            return None, e
        if not HALF_AFTER_RE.match(text, e):
            return None, e
        r = _Reading(s, e, 0.5, "fraction-word")
        r.kind = "other"
        # "half a million": a fraction of a scale.
        sc = re.match(r"[^\S\n]+a[^\S\n]+(million|billion|thousand|hundred|dozen)\b", text[e:])
        if sc:
            r.value = r.low = r.high = 0.5 * (
                12 if sc.group(1) == "dozen" else WORD_SCALES[sc.group(1)]
            )
            r.end = e + sc.end()
            r.kind = "count"
            r.rule = "words+scale"
            r.end = _read_unit_or_noun(text, r, r.end, False)
        _qualifiers(text, r)
        return r, r.end
    if has_a and core in DENOMINATORS:
        # "a third of those screened", "a quarter of"
        if not re.match(r"[^\S\n]+of\b", text[e : e + 5]):
            return None, e
        r = _Reading(s, e, 1 / DENOMINATORS[core], "fraction-word")
        r.kind = "other"
        _qualifiers(text, r)
        return r, e
    # A run of number words.
    run = NUMWORD_RUN_RE.match(text, core_start)
    if not run:
        return None, e
    if not has_a and core.split()[0].split("-")[0] in (
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
    ):
        return None, e  # "a baker's dozen", "several hundred": no number to scale
    wv = _words_value(text, core_start, run.end())
    if wv is None:
        return None, e
    value, end = wv
    words_text = text[core_start:end].lower()
    only_one = words_text == "one"
    # Spelled fraction: "two-thirds", "one fourth of", "a quarter".
    dn = DENOM_AFTER_RE.match(text, end)
    if (
        dn
        and value < 20
        and (
            value != 1
            or not dn.group("d").lower().startswith("quarter")
            or re.match(r"[^\S\n]+of\b", text[dn.end() : dn.end() + 5])
        )
    ):
        d = DENOMINATORS[dn.group("d").lower()]
        if dn.group("d").lower().endswith("s") or re.match(
            r"[^\S\n]+of\b", text[dn.end() : dn.end() + 5]
        ):
            r = _Reading(s, dn.end(), value / d, "fraction-word")
            r.kind = "other"
            _qualifiers(text, r)
            return r, dn.end()
    ratio = RATIO_AFTER_RE.match(text, end)
    if ratio and value < 100:
        n = ratio.group("n").lower()
        den = float(n) if n.isdigit() else (_words_value(ratio.group("n"), 0, len(n)) or (0,))[0]
        if den and den > value:
            r = _Reading(s, ratio.end(), value / den, "ratio")
            r.kind = "other"
            _qualifiers(text, r)
            return r, ratio.end()
    if has_a and words_text in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
        pass
    elif has_a:
        return None, e
    # "one" as a pronoun or in a fixed phrase is not a count.
    if only_one:
        if ONE_PRONOUN_AFTER_RE.match(text, end) or ONE_PRONOUN_BEFORE_RE.search(
            text, max(0, s - 12), s
        ):
            return None, end
        if text[s].isupper() and _name_before(text, s):
            return None, end
    elif text[core_start].isupper() and _name_before(text, s) and not has_a:
        return None, end
    # Digits-then-scale written in words already handled; here "four to five thousand".
    r = _Reading(s, end, value, "words")
    if any(w in words_text for w in ("hundred", "thousand", "million", "billion", "dozen")):
        r.rule = "words+scale"
    # "one hundred" after "4": handled in digits (SCALE_AFTER_RE).
    rng = _try_range(text, r, end, "hundred" in words_text or "thousand" in words_text, words_text)
    if rng is not None:
        end = rng
    before_unit = end
    end = _read_unit_or_noun(text, r, end, only_one and not r.is_range)
    if not r.is_range and r.kind != "count" and end != before_unit:
        rng = _try_range(text, r, end, False, words_text, unit_first=True)
        if rng is not None:
            end = rng
    r.end = end
    if r.unit == "" and only_one and not r.is_range:
        # Bare "one" with no noun is a pronoun ("to get their hands on one").
        return None, end
    if r.unit == "" and words_text in ("ten", "two", "three") and False:
        return None, end
    _qualifiers(text, r)
    return r, end


def _read_unit_or_noun(text: str, r: _Reading, pos: int, one: bool) -> int:
    end = _read_unit(text, r, pos)
    if not r.unit:
        end = _read_counted_noun(text, r, end, one)
    return end


def _read_vague_unit(text: str, r: _Reading, pos: int) -> int:
    """Unit after a vague plural: "hundreds of square miles", "millions of Ukrainians"."""
    m = re.compile(r"[^\S\n]+of").match(text, pos)
    if not m:
        return pos
    end = _read_unit(text, r, m.end())
    if r.unit:
        return end
    if r.currency:
        return end
    return _read_counted_noun(text, r, m.end(), False)


def _finish(text: str, r: _Reading) -> Figure:
    """Freeze a reading into a Figure, with the si conversion for its unit."""
    value, low, high = r.value, r.low, r.high
    if r.kind == "money" and not r.unit_normalized:
        r.unit_normalized = r.currency
    if r.unit_normalized == "fahrenheit":
        si_value = (value - 32) * 5 / 9
    elif r.kind == "count" or r.factor == 1.0:
        si_value = value
    else:
        si_value = value * r.factor
    si_unit = r.si_unit or r.unit_normalized
    if r.kind == "percent" and not r.unit_normalized:
        r.unit_normalized = "percent"
    start, end = r.start, r.end
    return Figure(
        start=start,
        end=end,
        surface=text[start:end],
        value=float(value),
        low=float(low),
        high=float(high),
        is_range=bool(r.is_range),
        is_vague=bool(r.is_vague),
        change=r.change,
        qualifier=r.qualifier,
        unit=r.unit,
        unit_normalized=r.unit_normalized,
        kind=r.kind,
        si_value=float(si_value),
        si_unit=si_unit,
        rule=r.rule,
    )


# "eight or nine euros": the first of two numbers joined by "or" shares the second's unit.
SHARED_UNIT_JOIN_RE = re.compile(r"[^\S\n]+(?:or|to|and)[^\S\n]+$|[^\S\n]*,[^\S\n]*$")


def _share_units(text: str, figures: list[Figure]) -> list[Figure]:
    """Let neighbours share what one of them leaves unsaid.

    "eight or nine euros": the first number takes the unit of the second. A paired
    conversion "fell by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit)" restates the same
    change, so the bracketed figure is a fall too.
    """
    out = list(figures)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (
            b.change == "="
            and a.change in ("up", "down")
            and re.fullmatch(r"[^\S\n]*\([^\S\n]*", text[a.end : b.start])
        ):
            if text[b.end : b.end + 1] == ")":
                out[i + 1] = replace(b, change=a.change)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.unit or not b.unit or a.is_range or b.kind in ("count",) and False:
            continue
        gap = text[a.end : b.start]
        if not re.fullmatch(r"[^\S\n]+or[^\S\n]+", gap):
            continue
        out[i] = replace(
            a,
            unit=b.unit,
            unit_normalized=b.unit_normalized,
            kind=b.kind,
            si_unit=b.si_unit,
            si_value=a.value * (b.si_value / b.value) if b.value else a.value,
        )
    return out


def extract_figures(text: str) -> list[Figure]:
    """Return every reported figure in ``text``, in text order.

    ``text`` is plain English text (a sentence, a paragraph or a whole article). Each Figure
    holds its span (``text[start:end] == surface``), its value (a range's midpoint, with
    ``low``/``high``), change, unit and kind. Raises TypeError for anything but a str.

    >>> [(f.surface, f.value, f.unit) for f in extract_figures("75 miles (120 kilometers)")]
    [('75 miles', 75.0, 'miles'), ('120 kilometers', 120.0, 'kilometers')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_figures expects a str, got {type(text).__name__}")
    figures: list[Figure] = []
    pos = 0
    n = len(text)
    search = CANDIDATE_RE.search
    first = WORD_AT_START_RE.match(text)
    while pos < n:
        if first is not None:
            m, first = first, None
            reading, resume = _read_words(text, m.start(), m.end())
        else:
            m = search(text, pos)
            if m is None:
                break
            reading, resume = _read_candidate(text, m)
        if reading is not None:
            fig = _finish(text, reading)
            if not figures or fig.start >= figures[-1].end:
                figures.append(fig)
            resume = max(resume, fig.end)
        pos = max(resume, m.end())
    if len(figures) > 1:
        figures = _share_units(text, figures)
    return figures


def figures_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Turn the ``sentences.csv`` frame into the ``figures.csv`` frame.

    Each figure's ``start``/``end`` are offsets into the clean article text (the sentence's
    ``start`` plus the figure's offset in the sentence); ``sentence_text`` is the sentence.
    Rows are sorted by article_id, start.
    """
    require_columns(sentences, SENTENCE_INPUT_COLUMNS, "figures_table: sentences")
    rows = []
    for art, post, sid, sstart, stext in zip(
        sentences["article_id"],
        sentences["post"],
        sentences["sentence_id"],
        sentences["start"],
        sentences["text"],
        strict=True,
    ):
        if not isinstance(stext, str):
            continue
        for f in extract_figures(stext):
            row = asdict(f)
            row["start"] = int(sstart) + f.start
            row["end"] = int(sstart) + f.end
            row.update(article_id=art, post=post, sentence_id=sid, sentence_text=stext)
            rows.append(row)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if not frame.empty:
        frame = frame.sort_values(["article_id", "start"], kind="mergesort")
    return frame.reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: print one JSON object per figure for each file (or stdin)."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.figures",
        description="Print the reported figures in text files as JSON lines.",
    )
    parser.add_argument("files", nargs="*", help="UTF-8 text files (stdin when none)")
    args = parser.parse_args(argv)
    sources: list[tuple[str, str]] = []
    if not args.files:
        sources.append(("<stdin>", sys.stdin.read()))
    for name in args.files:
        try:
            with open(name, encoding="utf-8") as handle:
                sources.append((name, handle.read()))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"helpers.figures: cannot read {name}: {exc}", file=sys.stderr)
            return 2
    for name, text in sources:
        for f in extract_figures(text):
            row = {"file": name, **asdict(f)}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
