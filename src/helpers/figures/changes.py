"""Changes read once all figures of a text are read: from a neighbouring figure or its unit.

One job: ``share_changes`` passes over the figures of one text and sets the change that the
words next to a figure cannot set alone.

A rise or fall shared by the figures listed after it: the change of a change verb ("rose",
"fell by") goes to the figures the same verb governs without repeating it:

- a list: "prices rose 2%, 3% and 4%", "fell 1.2% and 0.8% respectively";
- parallel phrases: "rose 5% in 2022 and 7% in 2023", "fell 0.5% against the dollar and
  0.3% against the euro", "fell 3% in March and a further 2% in April";
- a second subject with the verb left out: "the Dow fell 1% and the Nasdaq 2%", "gold rose 1%
  and silver 2%".

The later figure must be in the same unit, carry no change or qualifier of its own, and not
be a part ("and 40% of analysts"). Those figures get ``+listed-change`` in their rule.

A rate moved by points: "raised rates 25 basis points", "cut its key rate 0.5 percentage
points". "Raise", "hike", "cut", "lower" name a change before "by" only ("cut 5% of staff" is
no fall, ``qualifiers``), but an amount in points after them is always a move of a rate.
Those figures get ``+points-change``.
"""

from __future__ import annotations

import re

from helpers.figures.model import Figure, replace_figure
from helpers.figures.vocabulary import VERBS

# Between a rise or fall and the next figure of the list: an optional phrase that ends the
# first item ("in 2022", "against the dollar", "on the week"), then a comma or "and"/"or",
# then an optional subject of the second item ("the Nasdaq", "Broadcom", "silver") and "a
# further"/"another"/"by". Group ``subject`` is checked in ``_joins``.
LIST_GAP_RE = re.compile(
    r"(?:[^\S\n]+(?:in|on|at|for|during|over|against|versus|vs\.?|among|across)"
    r"(?:[^\S\n]+[A-Za-z0-9][\w&'.-]*){1,3})?"
    r"(?:[^\S\n]*,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+)"
    r"(?P<subject>(?!(?:a[^\S\n]+further|another|by)[^\S\n])(?:the[^\S\n]+)?[A-Za-z][\w&'.-]*(?:[^\S\n]+[A-Z][\w&'.-]*)?[^\S\n]+)?"
    r"(?:(?:a[^\S\n]+further|another|by)[^\S\n]+)?"
)
# Words that cannot be the subject of a second item: verbs, the words of a new clause ("and
# is 7%", "and now 7%"), negations and prepositions of a comparison (", not 10%", ", versus
# 1% for the index"): the figure after them is no second rise.
_NOT_SUBJECT = (
    frozenset(
        """is was are were be been being has have had will would could can may might must should
    shall do does did now still then also only just even so yet nearly about almost around
    roughly some more less than over under up down to from by of a an that this these those
    it its they their there here which who what when where as at not no never nor neither
    rather instead versus vs against compared including excluding except plus minus per via
    despite like unlike with without within above below after before since until during
    through toward towards among between beyond far well much slightly barely merely""".split()
    )
    | VERBS
)
# The word after the later figure: "of" makes it a part ("and 40% of analysts"), a verb the
# subject of a new clause ("and 40% came from Asia"); neither is a second change.
_WORD_AFTER_RE = re.compile(r"[^\S\n]+([A-Za-z]+)")
_NOT_AFTER = frozenset("of is was are were has have had will would could can may might".split())


# A verb that moves a rate, and up to four words, before an amount in points: "raised rates
# 25 basis points", "cut its key rate 0.5 percentage points", "hiked 50bp" (not "cut the gap
# to 2 points": no preposition or linking verb between them).
POINTS_VERB_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:(?P<up>rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?)"
    r"|(?P<down>cut(?:s|ting)?|lower(?:s|ed|ing)?|trim(?:s|med|ming)?|slash(?:es|ed|ing)?))"
    r"(?:[^\S\n]+(?!(?:to|at|from|of|and|or|but|with|for|in|on|than|is|was|are|were)\b)"
    r"[A-Za-z'-]+){0,4}[^\S\n]+$"
)
_POINTS = frozenset(("basis point", "point"))
_MOVES = frozenset(("up", "down"))


def share_changes(text: str, figures: list[Figure]) -> list[Figure]:
    """Give a rise or fall to the figures listed after a change verb in the same unit, and
    to an amount in points after a verb that moves a rate (see the module docstring); other
    figures are unchanged. ``figures``: all figures of ``text``, in order."""
    for f in figures:
        if f.change in _MOVES or f.unit_normalized in _POINTS:
            break
    else:
        return figures  # no rise or fall to share, no amount in points (most texts)
    out = figures
    a: Figure | None = None  # the figure before ``b``, as changed here
    for i, b in enumerate(figures):
        if b.change == "=" and not b.qualifier:
            new = _moved_rate(text, b) if b.unit_normalized in _POINTS else None
            if new is None and a is not None and a.change in _MOVES:
                new = _listed(text, a, b)
            if new is not None:
                if out is figures:
                    out = list(figures)
                out[i] = b = new
        a = b
    return out


def _moved_rate(text: str, b: Figure) -> Figure | None:
    """``b`` (in points) with the change of a verb that moves a rate before it, or None."""
    m = POINTS_VERB_RE.search(text, max(0, b.start - 60), b.start)
    if m is None:
        return None
    change = "up" if m.group("up") else "down"
    return replace_figure(b, change=change, rule=b.rule + "+points-change")


def _listed(text: str, a: Figure, b: Figure) -> Figure | None:
    """``b`` with the rise or fall of ``a`` when it is the next item of a list, or None."""
    if text[a.start] in "+-\u2212":
        return None  # the rise came from a sign ("+5%"), not a verb
    if a.unit_normalized != b.unit_normalized or not b.unit_normalized or a.kind != b.kind:
        return None
    if not _joins(text, a.end, b.start) or _clause_after(text, b.end):
        return None
    return replace_figure(b, change=a.change, rule=b.rule + "+listed-change")


def _joins(text: str, end: int, start: int) -> bool:
    """Whether the words from ``end`` to ``start`` join two items of one list (LIST_GAP_RE)."""
    m = LIST_GAP_RE.fullmatch(text, end, start)
    if m is None:
        return False
    subject = m.group("subject")
    if subject is None:
        return True
    words = subject.split()
    head = words[-1].lower()
    if words[0] != "the" and not words[0][0].isupper() and (len(words) > 1 or head.endswith("ed")):
        return False  # a lower-case subject is one word ("silver"), never a past form
    return not any(w.lower() in _NOT_SUBJECT for w in words[words[0] == "the" :])


def _clause_after(text: str, end: int) -> bool:
    """Whether the word after a figure makes it a part or the subject of a new clause."""
    m = _WORD_AFTER_RE.match(text, end)
    return m is not None and (m.group(1).lower() in _NOT_AFTER or m.group(1).lower() in VERBS)
