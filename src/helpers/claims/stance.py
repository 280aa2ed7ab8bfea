"""Hedges and stance: how sure the sentence is of a figure, and whether its source denies it.

A figure is ``denied`` when its own frame denies ("the ministry denied that 40 ..."),
``disputed`` when its sentence says it is contested or another party denies in the same
sentence, or when the next sentence of the paragraph denies "the claims/figures" just
reported; otherwise ``asserted``.
"""

from __future__ import annotations

import re

from helpers.claims.model import Governing, SentenceAttribution

# Hedging words: "reportedly", "allegedly", "likely", "believed", "estimated", "may", "could"
HEDGE_PATTERN = re.compile(
    r"\b(?:reportedly|allegedly|alleged|likely|unlikely|believed|believes|believe|estimated|"
    r"estimates|may|might|could|possibly|possible|apparently|appears|seemingly|seems|"
    r"purportedly|presumably|unconfirmed|unverified|suspected|probably)\b",
    re.IGNORECASE,
)
# Words that report a figure as contested: "disputed", "could not be verified"
DISPUTE_PATTERN = re.compile(
    r"\b(?:disputed|contested|could not (?:be )?(?:independently )?verif\w+|"
    r"unverified|cannot be verified|rejected the (?:claim|figure)s?|"
    r"(?:a|the) (?:claim|figure|number|estimate|count|tally)s? (?:\w+ ){1,4}?(?:denied|"
    r"denies|disputed|disputes|rejected|rejects|contested|contests))\b",
    re.IGNORECASE,
)
# A following sentence that denies what was just reported: "The company has denied the accusations"
DENIES_PREVIOUS = re.compile(
    r"\b(?:(?:denied|denies|rejected|rejects|dismissed|disputed|disputes|contested|contests|"
    r"challenged|challenges)\s+(?:the|these|those|such|this|that|its|their)\s+(?:\w+\s+)?"
    r"(?:accusations?|claims?|allegations?|reports?|charges?|figures?|numbers?|tolls?|"
    r"estimates?|accounts?|tall(?:y|ies)|counts?)|(?:called|described|branded)\s+(?:the|these|"
    r"those|this|that)\s+(?:figures?|numbers?|claims?|estimates?|tolls?|reports?)\s+"
    r"(?:exaggerated|inflated|false|inaccurate|wrong|misleading|untrue|baseless))\b",
    re.IGNORECASE,
)


def find_hedges(sentence: str) -> tuple[str, ...]:
    """Return the hedging words of a sentence, lower-cased, in order, without repeats.

    >>> find_hedges("The firm is reportedly weighing ... and could ...")
    ('reportedly', 'could')
    """
    found: list[str] = []
    for match in HEDGE_PATTERN.finditer(sentence):
        word = match.group(0).lower()
        if word not in found:
            found.append(word)
    return tuple(found)


def stance_of(
    governing: Governing,
    sentence: SentenceAttribution,
    following: SentenceAttribution | None,
    text: str,
) -> str:
    """``asserted``, ``denied`` or ``disputed`` for the figure ``governing`` attributes."""
    if governing.frame is not None and governing.frame.denies:
        return "denied"
    if DISPUTE_PATTERN.search(text, sentence.start, sentence.end):
        return "disputed"
    others = [f for f in sentence.frames if f.denies and f is not governing.frame]
    if others and any(f.speaker.canonical != governing.speaker.canonical for f in others):
        return "disputed"
    if following is not None and "\n\n" not in text[sentence.end : following.start]:
        denial = DENIES_PREVIOUS.search(text, following.start, following.end)
        if denial and not any(
            f.speaker.canonical == governing.speaker.canonical and f.denies
            for f in following.frames
        ):
            return "disputed"
    return "asserted"
