"""Hedges and stance: how sure the sentence is of a figure, and whether its source denies it."""

from __future__ import annotations

import re

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
    r"unverified|cannot be verified|rejected the (?:claim|figure)s?)\b",
    re.IGNORECASE,
)
# A following sentence that denies what was just reported: "Iran has denied the accusations"
DENIES_PREVIOUS = re.compile(
    r"\b(?:denied|denies|rejected|rejects|dismissed|disputed|disputes)\s+"
    r"(?:the|these|those|such|this|that)\s+(?:accusations?|claims?|allegations?|reports?|"
    r"charges?|figures?)\b",
    re.IGNORECASE,
)


def find_hedges(sentence: str) -> tuple[str, ...]:
    """Return the hedging words of a sentence, lower-cased, in order, without repeats.

    >>> find_hedges("Russia is reportedly contemplating ... and could ...")
    ('reportedly', 'could')
    """
    found: list[str] = []
    for match in HEDGE_PATTERN.finditer(sentence):
        word = match.group(0).lower()
        if word not in found:
            found.append(word)
    return tuple(found)
