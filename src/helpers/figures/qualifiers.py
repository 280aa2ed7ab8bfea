"""Qualifiers and change: the words that say the true amount is not exactly the number.

One job: set a reading's ``change`` (=, ~, >, <, up, down) and ``qualifier`` from the words just
before it ("more than" >, "about" ~, "up to" <, "rose" up, "fell by" down) or just after it
("or more", "-plus").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, cast

from helpers.figures.model import Reading, last_word
from helpers.figures.numwords import WORD_NUM
from helpers.figures.vocabulary import trie_alternation

# Qualifiers before a number (or its currency), by the change they set.
QUALIFIERS = {
    ">": """more than|over than|over|at least|upwards of|in excess of|greater than|higher than|
        larger than|bigger than|older than|above|exceeding|exceeds|exceeded|exceed|surpassing|
        surpasses|surpassed|surpass|topping|topped|no fewer than|no less than|not less than|
        not fewer than|north of|just over|well over|upward of|a minimum of|minimum of|broke
        through|breaking through|greater than or equal to|more than or equal to|greater or
        equal than|greater or equal to|bigger or equal than|higher or equal than|larger or
        equal than|at least or equal to|>|≥|>=|> =|=>""",
    "<": """as many as|as much as|less than|fewer than|smaller than|lower than|younger than|
        under|below|up to|at most|at maximum|no more than|not more than|just under|sub|less
        than or equal to|a maximum of|maximum of|as high as|just shy of|shy of|within|fewer
        than or equal to|less or equal than|less or equal to|smaller or equal than|lower or
        equal than|<|≤|<=|< =|=<""",
    "~": """nearly|almost|about|approximately|approx.|approx|around|roughly|some|an
        estimated|estimated|circa|ca.|close to|in the region of|on the order
        of|in the order of|~|≈|+/-|±""",
}
_CHANGE_OF = {
    " ".join(phrase.split()): change
    for change, phrases in QUALIFIERS.items()
    for phrase in phrases.split("|")
}
_WORDY = [q for q in _CHANGE_OF if q[0].isalpha()]
_SYMBOLS = [q for q in _CHANGE_OF if not q[0].isalpha()]
# The qualifier just before a number: "more than", "about", "up to", "less than or equal to",
# "~", ">=" (spaces and hyphens may follow it: "up to-"). The longest phrase wins.
QUALIFIER_RE = re.compile(
    r"(?i)(?:(?<![A-Za-z])(?P<q>"
    + trie_alternation(q.lower() for q in _WORDY).replace(r"\ ", r"[^\S\n]+")
    + r")|(?P<sym>"
    + trie_alternation(_SYMBOLS)
    + r"))[ \t\u00a0-]*$"
)
# Change verbs: "rose 0.3%", "up 19 cents", "fell by 5%".
UP_VERBS = """
    rose rise rises rising risen up gained gains gaining gain added adding adds advanced
    advancing advances advance jumped jumps jumping jump climbed climbs climbing climb
    increased increases increasing increase grew grow grows growing surged surges surging
    soared soars soaring rallied rallies rallying lifted improved spiked rebounded
    expanded expands expanding strengthened strengthens strengthening firmed firming
    appreciated appreciates appreciating leapt leaped leaps leaping rocketed skyrocketed
    widened widens widening bounced swelled ballooned
""".split()
DOWN_VERBS = """
    fell falls falling fallen fall dropped drops dropping drop down declined declines
    declining decline lost loses losing lose slid slides sliding slipped slips slipping
    plunged plunges plunging plummeted tumbled tumbles tumbling sank sinks sinking eased
    eases easing decreased decreases decreasing decrease shed sheds shedding dipped dips
    dipping shrank shrinks slumped retreated contracted lowered reduced tanked sagged
    weakened weakens weakening depreciated depreciates depreciating dived dove
    skidded skids skidding narrowed narrows narrowing slumps slumping plummets plummeting
    nosedived softened dwindled
""".split()
# Words that set a change only before "by": "revised upward by 5%", "raised by $5", "closed
# lower by 1.5%", "cut by $2 million" (without "by" they name no amount: "cut 5% of staff").
UP_BY_WORDS = """
    upward upwards higher raised raise raises raising boosted boost boosts boosting hiked hike
    hikes hiking lift lifts lifting
""".split()
DOWN_BY_WORDS = """
    downward downwards lower cut cuts cutting trimmed trim trims trimming slashed slash slashes
    slashing
""".split()
_BY = r"(?=[^\S\n]+by[^\S\n])"
# "gave up 1.5%" and "gave back 3%" are falls; after the verbs of ``_SHARE_WORDS``, "up" names a
# share, no change ("made up 40% of", "takes up 35% of": see ``verb_before``).
_GIVE = [f"{g} {p}" for g in ("gave", "give", "gives", "giving", "given") for p in ("up", "back")]
_SHARE_WORDS: Final = frozenset(
    "made make makes making took take takes taking taken used uses using".split()
)
# A change verb just before a number (and "back", "by"): "rose 0.3%", "fell by 5%", "higher by
# 2%", "fell back 2%".
CHANGE_VERB_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?P<v>(?P<up>"
    + trie_alternation(UP_VERBS)
    + r"|(?:"
    + trie_alternation(UP_BY_WORDS)
    + r")"
    + _BY
    + r")|(?P<down>"
    + trie_alternation(DOWN_VERBS + _GIVE)
    + r"|(?:"
    + trie_alternation(DOWN_BY_WORDS)
    + r")"
    + _BY
    + r"))(?:[^\S\n]+back)?(?:[^\S\n]+by)?[^\S\n]+$"
)
# A change verb a few words before "by": "expected to grow sales by 35 per cent", "cut the
# risk of severe illness by 72 percent".
CHANGE_BY_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:(?P<up>rise|grow|increase|raise|boost|lift|rose|grew|increased|"
    r"raised|boosted|lifted|hike|hiked)|(?P<down>fall|drop|decline|cut|reduce|lower|fell|"
    r"dropped|declined|reduced|lowered|shrink|shrank|trim|trimmed|slash|slashed))(?:[^\S\n]+[A-Za-z'-]+){1,7}[^\S\n]+by[^\S\n]+$"
)
# After a number: "or more", "or greater", "and above", "-plus", "+" set ">"; "or less",
# "or fewer", "or below" set "<" ("100,000-plus", "50 or more"); "or so", "or thereabouts"
# set "~"; not before another number ("200 or greater than 190" keeps 200 as it is).
QUALIFIER_AFTER_RE = re.compile(
    r"(?P<q>\+(?![\d])|-plus\b|[^\S\n]+(?:or|and)[^\S\n]+(?:(?P<up>more|greater|higher|above|"
    r"over|up|upwards)|(?P<down>less|fewer|lower|below|under))\b"
    r"|[^\S\n]+or[^\S\n]+(?P<about>so|thereabouts)\b)"
    r"(?![^\S\n]+(?:than|or|to|equal|[\d$£€]|(?:" + WORD_NUM + r")\b))"
)

# Last words that can end a qualifier or change verb; the look-behind regexes run only when the
# word before a number is one of these (a set lookup is much cheaper than a regex search).
_QUAL_LAST = frozenset(q.split()[-1] for q in _WORDY)
_VERB_LAST = frozenset(UP_VERBS + DOWN_VERBS + ["by", "back"])


ANY_LAST = _QUAL_LAST | _VERB_LAST  # words that can end a qualifier or a change verb


# QUALIFIER_RE read backwards, on the reversed text before a number: the same phrases, each
# spelled backwards. ``QUALIFIER_RE.search`` must try every one of the 36 places a phrase could
# start; this pattern is anchored at the number, so it is tried once.
_REVERSED_QUALIFIER_RE = re.compile(
    r"(?i)[ \t\u00a0-]*(?:(?P<q>"
    + trie_alternation(q.lower()[::-1] for q in _WORDY).replace(r"\ ", r"[^\S\n]+")
    + r")(?![A-Za-z])|(?P<sym>"
    + trie_alternation(q[::-1] for q in _SYMBOLS)
    + r"))"
)


def qualifier_before(text: str, pos: int, lw: str | None = None) -> tuple[int, str] | None:
    """The qualifier that ends at ``pos`` (QUALIFIER_RE): (where it starts, the phrase as
    written), or None. Looked for only when the last word (``lw``, ``last_word(text, pos)``
    when not given) could end one."""
    lw = (last_word(text, pos) if lw is None else lw).lower().lstrip("(\"'“‘[")
    if not (lw in _QUAL_LAST or lw[-1:] in "~><≈≥≤=±" and lw):
        return None
    lo = max(0, pos - 36)
    if pos and text[pos - 1] != "\n":
        # The reversed window holds one character more, the one the look-behind of a phrase
        # that starts the window reads.
        m = _REVERSED_QUALIFIER_RE.match(text[lo - 1 if lo else 0 : pos][::-1])
        if m is None:
            return None
        a, b = m.span(cast(str, m.lastgroup))
        if b <= pos - lo:
            return pos - b, text[pos - b : pos - a]
    # "$" also matches before a final newline; and a phrase that runs past the window's start.
    m = QUALIFIER_RE.search(text, lo, pos)
    return (m.start(), m.group("q") or m.group("sym")) if m else None


def verb_before(text: str, pos: int, lw: str | None = None) -> re.Match | None:
    """CHANGE_VERB_RE ending at ``pos``, searched only after a change verb or "by" (``lw``:
    the word before ``pos`` when the caller has it)."""
    if (last_word(text, pos) if lw is None else lw).lower() in _VERB_LAST:
        lo = max(0, pos - 30)
        # A match holds at most two words (the verb and "by"), so it starts no earlier than
        # the last two words of the window: the search need not try the places before them.
        head = text[lo:pos].rsplit(None, 2)
        v = CHANGE_VERB_RE.search(text, lo + len(head[0]) if len(head) == 3 else lo, pos)
        if v is not None and v.group("up") and v.end("up") - v.start() == 2:
            if last_word(text, v.start()).lower() in _SHARE_WORDS:
                return None  # "made up 40% of": a share, not a rise
        return v
    return None


def by_before(text: str, pos: int, lw: str | None = None) -> re.Match | None:
    if (last_word(text, pos) if lw is None else lw).lower() == "by":
        return CHANGE_BY_RE.search(text, max(0, pos - 80), pos)
    return None


@lru_cache(maxsize=4096)
def may_qualify(word: str) -> bool:
    """Whether ``word``, the word before a number, can end a qualifier, a change verb or "by"
    (when not, ``read_qualifiers`` has nothing to read)."""
    low = word.lower().lstrip("(\"'“‘[")
    return low in ANY_LAST or bool(low) and low[-1] in "~><≈≥≤=±"


def read_qualifiers(text: str, r: Reading, lw: str | None = None) -> None:
    """Set change and qualifier from the words just before the figure.

    The closest words decide: "more than 4.5 million" is ">", "about 450" "~". A change verb
    before them ("rose 0.3%", "up 19 cents", "fell by 5%") sets "up"/"down" and outranks a
    hedge ("rose about 1.5%" is up), but not a bound ("lost more than 60%" stays ">").
    Counted nouns take no change verb: "lost 300 jobs" is a count of jobs. ``lw``: the
    word before the reading's start when the caller has it.
    """
    raw = last_word(text, r.start) if lw is None else lw
    if not may_qualify(raw):
        return  # the word before cannot end a qualifier, a change verb or "by"
    lw = raw.lower().lstrip("(\"'“‘[")
    m = qualifier_before(text, r.start, raw)
    start = r.start
    if m:
        start, q = m
        r.change = _CHANGE_OF.get(" ".join(q.lower().split()), "=")
    if r.kind != "count" or not r.unit or lw == "by":  # "cut its staff by 300 workers"
        before = None if m else raw  # the word before ``start``, when it is still r.start
        v = verb_before(text, start, before)
        far = None if v or lw == "up" else by_before(text, start, before)
        hit = v or far
        if hit and r.change not in (">", "<"):
            r.change = "up" if hit.group("up") else "down"
        if v and r.change not in (">", "<"):
            start = v.start()
    if start < r.start:
        r.qualifier = text[start : r.start].strip(" \t-")
        r.start = start


def qualifier_after(text: str, r: Reading, end: int) -> int:
    """Qualifiers after a number: "or more", "+", "-plus" set ">", "or less" "<", "or so"
    "~"."""
    c = text[end : end + 1]
    if c not in "+-" and text[end + 1 : end + 3] not in ("or", "an") or not c:
        return end
    qa = QUALIFIER_AFTER_RE.match(text, end)
    if qa and not r.is_range and qa.group("about"):
        r.change = "~"
        r.qualifier = qa.group("q").strip()
        return qa.end()
    if qa and not r.is_range and (r.kind == "count" or qa.group("up") or qa.group("down")):
        r.change = "<" if qa.group("down") else ">"
        r.qualifier = qa.group("q").strip(" \t-")
        return qa.end()
    return end


def read_tail(text: str, r: Reading, s: int, end: int, lw: str) -> int:
    """What a figure read from ``s`` takes after its unit, ending at ``end``: "or more", "+",
    then the qualifier words before it (``lw``: the word before the digits). Sets ``r.end``
    and returns it."""
    c = text[end : end + 1]
    if c and (c in "+-" or text[end + 1 : end + 3] in ("or", "an")):
        end = qualifier_after(text, r, end)
    r.end = end
    if not r.qualifier and (r.start != s or may_qualify(lw)):
        read_qualifiers(text, r, lw if r.start == s else None)
    return end
