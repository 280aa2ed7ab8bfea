"""Whom a reporting frame cites: ", citing Y" after a frame, "Citing Y, the paper reported"
before it, "The agency, citing Y, reported" between subject and verb, and the party named at
such a cue with its description."""

from __future__ import annotations

import re

from helpers.claims import cues as c
from helpers.claims.subjects import description_after, noun_phrase_at

# ", citing Y" anywhere after a frame
LATER_CITING = re.compile(r",\s*+(?:citing|quoting)\s++")
# A sentence that opens with whom it cites: "Citing a senior commander, the paper reported"
FRONT_CITING = re.compile(r"(?:Citing|Quoting)\s++")
# Whom a subject cites before its verb: "The agency, citing a government source, | reported"
CITING_ASIDE = re.compile(r",\s*+(?:citing|quoting)\s++([^,]{1,80}),(?:\s++\w+ly)?\s*+$")


def cited_at(sentence: str, pos: int) -> tuple[str, str]:
    """The party cited at ``pos`` and its description: the name when a generic phrase is
    followed by one in apposition ("citing the regional governor, Pavel Orlov, that ...")."""
    phrase = noun_phrase_at(sentence, pos)
    if phrase and c.GENERIC_NP.match(phrase):
        apposed = c.APPOSED_NAME.match(sentence, pos + len(phrase))
        if apposed:
            return apposed["name"], phrase
    if phrase and phrase[:1].isupper():  # "citing Dana Price, a regional organiser for the union"
        found = sentence.find(phrase, pos)
        return phrase, description_after(sentence, found + len(phrase)) if found >= 0 else ""
    return phrase, ""
