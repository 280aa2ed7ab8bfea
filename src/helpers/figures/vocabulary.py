"""Word lists the figure extractor reads numbers with: number words, denominators, vague plurals,
month names, and the small closed lists that decide where a counted noun starts and ends.

One job: plain data (dicts, frozensets, alternation strings) and ``alternation``, the helper
that turns a word list into a regular-expression alternation. No patterns are compiled here.
"""

from __future__ import annotations

import re
from typing import Final

SMALL_NUMBERS: Final = {
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
TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
WORD_SCALES: Final = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Fraction denominators as written after a number word: "two-thirds", "one fourth", "a quarter".
DENOMINATORS: Final = {
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
# Vague plurals: "hundreds of volunteers" is somewhere from 100 to 1000.
VAGUE: Final = {
    "dozens": (12.0, 100.0),
    "tens": (10.0, 100.0),
    "scores": (40.0, 100.0),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13),
}

MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Month names that stay dates in lower case (not "may", "march": also a verb).
LOWER_MONTHS: Final = "january|february|april|june|july|august|september|october|november|december"

# Words that end a counted-noun phrase: "17 electric buses [on] the coast road".
STOP_WORDS: Final = frozenset(
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
# Verbs that can follow a count and look like nouns to the compound-noun rule ("ten took
# part", "three fell ill"): common irregular pasts, and the change verbs of ``qualifiers``.
VERBS: Final = frozenset(
    """took take takes came come comes went go goes fell fall falls rose rise rises grew grow
    made make makes said says saw see sees got get gets gave give gives won win wins lost lose
    left leave leaves met meet ran run runs sat set put kept keep held hold told tell found
    find thought brought bring bought buy paid pay sold sell hit cut led read spent spend
    stood became become began begin drew draw drove flew knew wrote died die dies live lives
    lived work works worked remain remains remained stay stayed face faces faced joined join
    voted vote signed sign returned return received receive dropped drop gained gain climbed
    jumped slipped slid increased declined decreased surged soared plunged""".split()
)
SKIP_WORDS: Final = frozenset(
    """other more additional new old further extra separate different senior junior top
    high-ranking low-ranking big small large major minor key main particular single only
    single-use first last next previous former current total full entire whole young older
    younger local foreign armed civilian military more than nearly roughly about""".split()
)
# Words ending in -s that are not plural nouns.
NOT_PLURAL: Final = frozenset(
    """is was has does this his its us as thus plus less unless always perhaps sometimes news
    series species various previous serious famous numerous generous enormous dangerous
    anonymous obvious across whereas towards afterwards besides was yes gas bus chaos
    status campus virus bonus census analysis crisis basis thesis diagnosis process access
    address business success progress congress glass class mass loss boss cross press kiss
    miss pass express""".split()
)
# Page furniture counters: "2 Posts", "14 Comments".
FURNITURE_WORDS: Final = frozenset(
    "Posts Comments Shares Likes Views Replies Photos Videos".split()
)
# Capitalised words that may precede a number without making it a name ("In 2019", "About 300").
NOT_NAME_WORDS: Final = frozenset(
    """In On At By For From To Of With About Around Nearly Almost Over Under Some Only Just
    And But Or The A An Between Since Until After Before During Than Approximately Roughly
    More Less Fewer Up Down Another Each Every All Both Those These There Here It Its They We
    He She I You Nearly Over Estimated Total Another Additional Exactly Nearly Another
    Approximately Including Of Almost Least Most Another Another Other Another""".split()
)
# Street words that make "304 North Cardinal St." an address.
STREET_WORDS: Final = (
    r"St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|"
    r"Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent"
)


# In the patterns below, [^\S\n] is "a space on the same line": blanks, tabs and non-breaking
# spaces (raw web text is full of U+00A0), but not a line break.


def alternation(words) -> str:
    """Regex alternation of literal words, longest first so "per cent" wins over "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def trie_alternation(words) -> str:
    """Regex alternation of literal words as a trie ("t(?:en|wo|hree)"), so that the engine
    decides at each character instead of trying every word in turn."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)
