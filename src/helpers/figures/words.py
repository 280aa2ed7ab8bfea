"""Figures written in words: "six other regions", "a dozen players", "one hundred and fifty
nurses", "hundreds of drones", "half the condos", "two-thirds of", "one in five".

One job: read a number-word candidate into a reading, or refuse it ("one of the", "no one",
"a baker's dozen").
"""

from __future__ import annotations

import re

from helpers.figures.exclusions import name_before
from helpers.figures.model import Reading
from helpers.figures.nouns import read_unit_or_noun, read_vague_unit
from helpers.figures.numwords import NUMWORD_RUN_RE, WORD_NUM, words_value
from helpers.figures.qualifiers import read_qualifiers
from helpers.figures.ranges import try_range
from helpers.figures.vocabulary import DENOMINATORS, VAGUE, WORD_SCALES, alternation

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
DENOM_AFTER_RE = re.compile(r"(?i)[ \t\u00a0-]+(?P<d>" + alternation(DENOMINATORS) + r")\b")
# "one in five", "1 out of 3": a ratio read as a fraction.
RATIO_AFTER_RE = re.compile(
    r"(?i)[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+(?P<n>\d+|" + WORD_NUM + r")\b"
)
# Vague tails: "tens of thousands of", "hundreds of millions".
VAGUE_TAIL_RE = re.compile(r"(?i)[^\S\n]+of[^\S\n]+(?P<w>thousands|millions|billions)\b")
VAGUE_OK_AFTER_RE = re.compile(r"(?i)[^\S\n]+(?:of|more|upon)\b")


def read_words(text: str, s: int, e: int) -> tuple[Reading | None, int]:
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
        r = Reading(s, end, (lo + hi) / 2, "vague")
        r.low, r.high, r.is_range, r.is_vague = lo, hi, True, True
        end = read_vague_unit(text, r, end)
        r.end = end
        read_qualifiers(text, r)
        return r, end
    # Fractions: "half the condos", "a third of", "two-thirds", "one in five".
    if core == "half":
        before = text[max(0, s - 12) : s]
        if has_a or HALF_BEFORE_RE.search(before) or text[e : e + 1] == "-":
            return None, e
        if not HALF_AFTER_RE.match(text, e):
            return None, e
        r = Reading(s, e, 0.5, "fraction-word")
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
            r.end = read_unit_or_noun(text, r, r.end, False)
        read_qualifiers(text, r)
        return r, r.end
    if has_a and core in DENOMINATORS:
        # "a third of those screened", "a quarter of"
        if not re.match(r"[^\S\n]+of\b", text[e : e + 5]):
            return None, e
        r = Reading(s, e, 1 / DENOMINATORS[core], "fraction-word")
        r.kind = "other"
        read_qualifiers(text, r)
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
    wv = words_value(text, core_start, run.end())
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
            r = Reading(s, dn.end(), value / d, "fraction-word")
            r.kind = "other"
            read_qualifiers(text, r)
            return r, dn.end()
    ratio = RATIO_AFTER_RE.match(text, end)
    if ratio and value < 100:
        n = ratio.group("n").lower()
        den = float(n) if n.isdigit() else (words_value(ratio.group("n"), 0, len(n)) or (0,))[0]
        if den and den > value:
            r = Reading(s, ratio.end(), value / den, "ratio")
            r.kind = "other"
            read_qualifiers(text, r)
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
        if text[s].isupper() and name_before(text, s):
            return None, end
    elif text[core_start].isupper() and name_before(text, s) and not has_a:
        return None, end
    # Digits-then-scale written in words already handled; here "four to five thousand".
    r = Reading(s, end, value, "words")
    if any(w in words_text for w in ("hundred", "thousand", "million", "billion", "dozen")):
        r.rule = "words+scale"
    # "one hundred" after "4": handled in digits (SCALE_AFTER_RE).
    rng = try_range(text, r, end, "hundred" in words_text or "thousand" in words_text, words_text)
    if rng is not None:
        end = rng
    before_unit = end
    end = read_unit_or_noun(text, r, end, only_one and not r.is_range)
    if not r.is_range and r.kind != "count" and end != before_unit:
        rng = try_range(text, r, end, False, words_text, unit_first=True)
        if rng is not None:
            end = rng
    r.end = end
    if r.unit == "" and only_one and not r.is_range:
        # Bare "one" with no noun is a pronoun ("to get their hands on one").
        return None, end
    if r.unit == "" and words_text in ("ten", "two", "three") and False:
        return None, end
    read_qualifiers(text, r)
    return r, end
