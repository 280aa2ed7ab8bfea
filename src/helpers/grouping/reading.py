"""What each figure of one sentence counts and what happened to it, read together.

The figures of a sentence are read as a reader would read them, with four rules of English
news syntax (all generic):

- **elliptic counts**: a count with no noun continues the count before it when a short
  coordination joins them or "of them" follows it: "14 people were killed and 40 injured",
  "2 million protesters had marched, 400,000 of them in the capital" (40 and 400,000 count
  people and protesters);
- **comparisons**: a figure after "up from", "down from (a peak of)", "compared with" restates
  the quantity before it: "2.7 million customers were without power, down from a peak of 4.5
  million" (4.5 million customers without power);
- **attachment**: a figure after a preposition ("in", "from", "across", "of" ...) belongs to the
  phrase before it and does not cut it off from its predicate: "250,000 residents in five
  counties had been ordered to leave" (the residents were evacuated);
- **nearest predicate**: otherwise the predicate nearest to the figure between its neighbours
  (:func:`helpers.grouping.happened.nearest`), and a figure coordinated with the one before it
  ("40 trucks and 30 buses") shares that one's predicate when it has none of its own; a
  figure the extractor read as a rise or a fall ("up 8 percent") rose or fell.

A figure restated in a second unit ("75 miles (120 kilometers)") takes the reading of the one it
restates.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from helpers.grouping.happened import nearest, predicate_spans

COUNT_KINDS = frozenset({"count", ""})
# A figure read as a rise or a fall ("up 8 percent") that no phrase names otherwise
CHANGE_PREDICATES = {"up": "rose", "down": "fell"}
# Words after a bare count that make it part of the count before: "400,000 of them"
ELLIPSIS_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
# A short stretch within one clause between two counts: " were killed and ", ", including "
ELLIPSIS_GAP = re.compile(r"^[^.;:!?]{0,80}$")
# A word in that stretch that joins the two counts: ",", "and", "including" ...
ELLIPSIS_WORD = re.compile(r",|\b(?:and|or|including|among them|while|but|plus)\b", re.IGNORECASE)
TAIL = 80  # characters before a figure read for the words just before it (see _ends_with)
# Just before a figure that restates the one before: "down from a peak of ", "compared with "
COMPARISON_BEFORE = re.compile(
    r"(?:\b(?:up|down)\s+from(?:\s+(?:a|the)\s+(?:peak|high|low|record)\s+of)?"
    r"|\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\s+(?:about\s+|some\s+|nearly\s+|roughly\s+)?$",
    re.IGNORECASE,
)
# Just before a figure that hangs on the phrase before it: " in ", " from the ", " across "
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|from|across|of|at|on|for|among|by|near|to|into|within|throughout)\s+"
    r"(?:the\s+|about\s+|some\s+|nearly\s+|roughly\s+|almost\s+)?$",
    re.IGNORECASE,
)
# Only a coordination between two figures: " and ", ", and about ", " or "
COORDINATION_GAP = re.compile(
    r"^\s*,?\s*(?:and|or|plus|as well as)\s+(?:about\s+|some\s+|nearly\s+|roughly\s+)?$",
    re.IGNORECASE,
)


class Mention(NamedTuple):
    """A figure in its sentence: offsets, kind, counted noun, what it counts, the predicate its
    noun implies ("deaths": killed) and, for a figure that restates another in a second unit,
    the offset of that one (``restates``; -1 for any other figure); ``change`` is the
    extractor's ("=", "~", ">", "<", "up", "down"). A named tuple: one is made per figure."""

    start: int
    end: int
    kind: str
    unit: str
    what: str
    implied: str = ""
    restates: int = -1
    change: str = "="

    @property
    def conversion(self) -> bool:
        """True when the figure restates another in a second unit ("(120 kilometers)")."""
        return self.restates >= 0


def read_sentence(sentence: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """``(what, happened)`` of each mention of ``sentence`` (mentions in text order, offsets
    not negative)."""
    spans = predicate_spans(sentence)
    counted = [i for i, m in enumerate(mentions) if m.restates < 0]
    attached: dict[int, bool] = {}  # counted figure -> hangs on a preposition (read when asked)
    out: list[tuple[str, str]] = []
    for i, mention in enumerate(mentions):
        start, end = mention.start, mention.end
        if mention.restates >= 0:  # "75 miles (120 kilometers)": the kilometres are the miles
            original = next((j for j in range(i) if mentions[j].start == mention.restates), -1)
            if original >= 0:
                out.append(out[original])
                continue
        previous, low = None, 0  # the last counted figure before this one, and its end
        for j in counted:
            before_end = mentions[j].end
            if before_end <= start:
                previous = j
                low = max(low, before_end)
        what = mention.what
        if previous is not None and mention.kind in COUNT_KINDS and not mention.unit:
            what = _elliptic(sentence, mentions, previous, i, out) or what
        high = len(sentence)
        for j in counted:  # the first counted figure after this one that is not attached
            if mentions[j].start >= end:
                if j not in attached:
                    attached[j] = _ends_with(PREPOSITION_BEFORE, 2, sentence, mentions[j].start)
                if not attached[j]:
                    high = mentions[j].start
                    break
        if mention.implied:
            happened = mention.implied
        elif previous is not None and _ends_with(COMPARISON_BEFORE, 6, sentence, start):
            happened = out[previous][1]
            what = out[previous][0] if not mention.unit else what
        else:
            happened = nearest(sentence, spans, start, end, low, high)
            if not happened and previous is not None:
                gap = sentence[mentions[previous].end : start]
                if COORDINATION_GAP.match(gap):
                    happened = out[previous][1]
            happened = happened or CHANGE_PREDICATES.get(mention.change, "")
        out.append((what, happened))
    return out


def _ends_with(pattern: re.Pattern[str], words: int, sentence: str, end: int) -> bool:
    """True when ``pattern`` (which ends in ``$``) matches ``sentence`` just before ``end``:
    ``pattern.search(sentence, 0, end)``, reading only the last :data:`TAIL` characters when
    they hold more than the ``words`` whitespace-separated words a match can span (a match
    then starts inside them), instead of trying every position of the sentence before."""
    start = end - TAIL
    if start > 0 and len(sentence[start:end].split()) > words:
        return pattern.search(sentence, start, end) is not None
    return pattern.search(sentence, 0, end) is not None


def _elliptic(
    sentence: str, mentions: list[Mention], previous: int, i: int, read: list[tuple[str, str]]
) -> str:
    """The ``what`` a bare count ``mentions[i]`` takes from the count before it, or ""."""
    before = mentions[previous]
    if before.kind not in COUNT_KINDS or not before.unit:
        return ""
    gap = sentence[before.end : mentions[i].start]
    elliptic = ELLIPSIS_GAP.match(gap) and ELLIPSIS_WORD.search(gap)
    return read[previous][0] if elliptic or ELLIPSIS_AFTER.match(sentence, mentions[i].end) else ""
