"""The records of attribution: a speaker, a frame, the frames of a sentence, who governs."""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.claims.cues import DENIAL_CUES
from helpers.claims.labels import OUTLET


@dataclass(frozen=True)
class Speaker:
    """A speaker phrase as written with its canonical name, source type and kind.

    ``description`` is what the text says of the speaker (an apposition), used for its type
    and to resolve "the think tank" back to it.
    """

    phrase: str
    canonical: str
    source_type: str
    kind: str
    description: str = ""
    # what it is called and described as, lower-cased (for "the think tank"), made once
    described: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        described = f"{self.phrase} {self.description} {self.canonical}".lower()
        object.__setattr__(self, "described", described)

    @property
    def is_outlet(self) -> bool:
        return self.kind == OUTLET


@dataclass(frozen=True)
class Attribution:
    """One reporting frame: who (``speaker``) said what with which verb, and through whom.

    ``start``/``end`` span the frame's cue in the article text; ``via`` is the canonical name
    of an outlet the speaker was cited by ("" if none); ``scope`` is where in the text the
    frame starts to govern when it sits in a subordinate clause ("Shares fell 4% | after the
    company said ..."), 0 when it governs its whole sentence; ``back``, when set, is where the
    figure starts that the frame's relative clause hangs on ("short of the 230,000 | that
    economists had forecast"): such a frame governs that figure and nothing else.
    """

    start: int
    end: int
    speaker: Speaker
    cue: str
    via: str = ""
    scope: int = 0
    back: int = 0

    @property
    def denies(self) -> bool:
        return self.cue in DENIAL_CUES


@dataclass(frozen=True)
class SentenceAttribution:
    """The frames of one sentence once pronouns and references are resolved."""

    start: int
    end: int
    frames: tuple[Attribution, ...]


@dataclass(frozen=True)
class Governing:
    """The attribution that governs one position in the text (speaker "" for the outlet)."""

    speaker: Speaker
    via: str
    cue: str
    frame: Attribution | None
