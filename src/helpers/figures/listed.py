"""A rise or fall shared by the figures listed after it.

One job: ``share_changes`` passes over the figures of one text and gives the change of a
change verb ("rose", "fell by") to the figures that the same verb governs without repeating it:

- a list: "prices rose 2%, 3% and 4%", "fell 1.2% and 0.8% respectively";
- parallel phrases: "rose 5% in 2022 and 7% in 2023", "fell 0.5% against the dollar and
  0.3% against the euro", "fell 3% in March and a further 2% in April";
- a second subject with the verb left out: "the Dow fell 1% and the Nasdaq 2%", "gold rose 1%
  and silver 2%".

The later figure must be in the same unit, carry no change or qualifier of its own, and not
be a part ("and 40% of analysts"). Those figures get ``+listed-change`` in their rule.
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
# Words that cannot be the subject of a second item: verbs and the words of a new clause
# ("and is 7%", "and now 7%", "and nearly 7%" -- the last one is read as a hedge anyway).
_NOT_SUBJECT = (
    frozenset(
        """is was are were be been being has have had will would could can may might must should
    shall do does did now still then also only just even so yet nearly about almost around
    roughly some more less than over under up down to from by of a an that this these those
    it its they their there here which who what when where as at""".split()
    )
    | VERBS
)
# The word after the later figure: "of" makes it a part ("and 40% of analysts"), a verb the
# subject of a new clause ("and 40% came from Asia"); neither is a second change.
_WORD_AFTER_RE = re.compile(r"[^\S\n]+([A-Za-z]+)")
_NOT_AFTER = frozenset("of is was are were has have had will would could can may might".split())


def share_changes(text: str, figures: list[Figure]) -> list[Figure]:
    """Give a rise or fall (``up``/``down`` read from a change verb) to the figures listed
    after it in the same unit (see the module docstring); other figures are unchanged."""
    out = figures
    for i in range(1, len(figures)):
        a, b = out[i - 1], figures[i]
        if a.change not in ("up", "down") or b.change != "=" or b.qualifier:
            continue
        if text[a.start] in "+-\u2212":
            continue  # the rise came from a sign ("+5%"), not a verb
        if a.unit_normalized != b.unit_normalized or not b.unit_normalized or a.kind != b.kind:
            continue
        if not _joins(text, a.end, b.start) or _clause_after(text, b.end):
            continue
        if out is figures:
            out = list(figures)
        out[i] = replace_figure(b, change=a.change, rule=b.rule + "+listed-change")
    return out


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
