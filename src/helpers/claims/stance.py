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
    r"denies|disputed|disputes|rejected|rejects|contested|contests)|(?:a|the) (?:claim|figure|"
    r"number|estimate|count|tally)s? (?:that |which )?(?:\w+ ){1,4}?(?:called|call|branded|"
    r"described as|dismissed as) (?:as )?(?:\w+ )?(?:baseless|false|untrue|wrong|inaccurate|"
    r"misleading|exaggerated|inflated|unfounded|nonsense|absurd)|(?:a|the) (?:claim|figure|"
    r"number|estimate|count|tally|toll)s? (?:that |which )?(?:[\w']+ ){1,4}?(?:say|says|said|"
    r"believe|believes|argue|argues|insist|insists) (?:is|was|are|were) (?:far |much |way |"
    r"vastly |badly )?(?:an? (?:\w+ )?(?:undercount|underestimate|overestimate|"
    r"exaggeration)|understated|overstated|inflated|exaggerated))\b",
    re.IGNORECASE,
)
# A following sentence that denies what was just reported: "The company has denied the accusations"
DENIES_PREVIOUS = re.compile(
    r"\b(?:(?:denied|denies|rejected|rejects|dismissed|disputed|disputes|contested|contests|"
    r"challenged|challenges)\s+(?:(?:the|these|those|such|this|that|its|their)\s+(?:\w+\s+)?"
    r"(?:accusations?|claims?|allegations?|reports?|charges?|figures?|numbers?|tolls?|"
    r"estimates?|accounts?|tall(?:y|ies)|counts?|totals?)|(?:that|this|it)(?=\s*+[,.;]))|"
    r"(?:which|and|but)\s+(?:could not|cannot|can ?not)\s+"
    r"(?:be\s+)?(?:independently\s+)?(?:verified|confirmed)|(?:called|described|branded)\s+(?:the|these|"
    r"those|this|that)\s+(?:figures?|numbers?|claims?|estimates?|tolls?|reports?)\s+"
    r"(?:\w+\s+){0,2}?(?:exaggerated|inflated|false|inaccurate|wrong|misleading|untrue|"
    r"baseless|low|high|an? (?:underestimate|exaggeration|lie))|(?:the|its|their) (?:true|real|"
    r"actual|correct) (?:figure|number|toll|count|total|tally) (?:was|is|were|would be|stood|"
    r"remained)|(?:the|this|that|these|those) (?:claims?|figures?|numbers?|tolls?|estimates?|"
    r"accounts?|reports?|tall(?:y|ies)) (?:could not|cannot|can ?not|could not yet) (?:be )?"
    r"(?:independently )?(?:verified|confirmed)|(?:was|were|is|are|would be|stood) (?:actually "
    r"|in fact )?(?:closer|nearer) to)\b",
    re.IGNORECASE,
)
# A claim its own source calls false: "Reports that 200 jobs will go are untrue, the company
# said", "The ministry said claims that 90 soldiers deserted were false"
FALSE_CLAIM = re.compile(
    r"\b(?:reports?|claims?|suggestions?|allegations?|rumou?rs?|speculation|the (?:figure|"
    r"number|estimate|tally|toll)s?)\b[^.;:]{0,200}?\b(?:is|are|was|were)\s++(?:\w++\s++)?"
    r"(?:false|untrue|wrong|incorrect|inaccurate|baseless|unfounded|groundless|fabricated|"
    r"not true|not correct|not accurate|nonsense)\b",
    re.IGNORECASE,
)
# A figure in a sentence (a denial with none of its own denies what came before)
DIGIT = re.compile(r"\d")


# The same patterns, case-sensitive, for text already lower-cased (much faster to run)
HEDGE_LOWER = re.compile(HEDGE_PATTERN.pattern)
DISPUTE_LOWER = re.compile(DISPUTE_PATTERN.pattern)
DENIES_PREVIOUS_LOWER = re.compile(DENIES_PREVIOUS.pattern)
FALSE_CLAIM_LOWER = re.compile(FALSE_CLAIM.pattern)
# Words (lower-case) one of which is in every match of a pattern, to skip sentences quickly
KEY_WORDS = {
    DISPUTE_PATTERN: (
        "disput",
        "contest",
        "verif",
        "reject",
        "denie",
        "deny",
        "baseless",
        "false",
        "untrue",
        "wrong",
        "accurate",
        "misleading",
        "exaggerat",
        "inflated",
        "unfounded",
        "nonsense",
        "absurd",
        "undercount",
        "underestimat",
        "overestimat",
        "understat",
        "overstat",
        "exaggerat",
    ),
    DENIES_PREVIOUS: (
        "denie",
        "reject",
        "dismiss",
        "disput",
        "contest",
        "challeng",
        "called",
        "described",
        "branded",
        "true",
        "real",
        "actual",
        "correct",
        "verified",
        "confirmed",
        "closer",
        "nearer",
    ),
    FALSE_CLAIM: (
        "false",
        "untrue",
        "wrong",
        "incorrect",
        "inaccurate",
        "baseless",
        "unfounded",
        "groundless",
        "fabricated",
        "not true",
        "not correct",
        "not accurate",
        "nonsense",
    ),
}


# The key words of each pattern as one alternation (one scan of the sentence, not one per word)
# (keyed by the pattern's id: a compiled pattern hashes its whole source on every lookup)
KEY_PATTERNS = {
    id(pattern): re.compile("|".join(map(re.escape, words))) for pattern, words in KEY_WORDS.items()
}


def find_hedges(sentence: str) -> tuple[str, ...]:
    """Return the hedging words of a sentence, lower-cased, in order, without repeats.

    >>> find_hedges("The firm is reportedly weighing ... and could ...")
    ('reportedly', 'could')
    """
    found: list[str] = []
    for match in HEDGE_LOWER.finditer(sentence.lower()):
        word = match.group(0).lower()
        if word not in found:
            found.append(word)
    return tuple(found)


class SentenceFacts:
    """What stance needs to know of each sentence, worked out once per sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        # the lower-cased text, where lower-casing keeps every offset (it nearly always does)
        self._lower = lowered if len(lowered) == len(text) else None
        self._disputes: dict[int, int] = {}  # sentence start -> where a dispute is said
        self._denied_next: dict[int, bool] = {}
        self._deniers: dict[int, frozenset[str]] = {}
        self._false: dict[int, tuple[int, int] | None] = {}

    def disputes(self, sentence: SentenceAttribution, speaker: str = "") -> bool:
        """The sentence says a figure is contested ("disputed", "could not be verified"), by
        someone other than ``speaker`` (the phrase of a source that disputes another's figure
        and gives its own: "The company disputed the number, saying 600 ...")."""
        if sentence.start not in self._disputes:
            found = self._search(DISPUTE_PATTERN, DISPUTE_LOWER, sentence)
            self._disputes[sentence.start] = found.start() if found else -1
        at = self._disputes[sentence.start]
        if at < 0:
            return False
        before = self.text[sentence.start : at].rstrip(" ,").casefold()
        return not (speaker and before.endswith(speaker.casefold()))

    def denies_previous(self, sentence: SentenceAttribution) -> bool:
        """The sentence denies what came before: "The firm denied the claims"."""
        if sentence.start not in self._denied_next:
            found = self._search(DENIES_PREVIOUS, DENIES_PREVIOUS_LOWER, sentence)
            self._denied_next[sentence.start] = found is not None
        return self._denied_next[sentence.start]

    def _search(self, pattern, lower_pattern, sentence: SentenceAttribution):
        if self._lower is not None:
            if not KEY_PATTERNS[id(pattern)].search(self._lower, sentence.start, sentence.end):
                return None  # a quick test: every match of the pattern holds one of its words
            return lower_pattern.search(self._lower, sentence.start, sentence.end)
        return pattern.search(self.text, sentence.start, sentence.end)

    def false_claim(self, sentence: SentenceAttribution) -> tuple[int, int] | None:
        """The span of the claim the sentence calls false ("Reports that ... are untrue, the
        firm said"), or None."""
        if sentence.start not in self._false:
            found = self._search(FALSE_CLAIM, FALSE_CLAIM_LOWER, sentence)
            self._false[sentence.start] = (found.start(), found.end()) if found else None
        return self._false[sentence.start]

    def deniers(self, sentence: SentenceAttribution) -> frozenset[str]:
        """Canonical names of the parties whose frames in the sentence deny."""
        if sentence.start not in self._deniers:
            names = frozenset(f.speaker.canonical for f in sentence.frames if f.denies)
            self._deniers[sentence.start] = names
        return self._deniers[sentence.start]


def stance_of(
    governing: Governing,
    sentence: SentenceAttribution,
    following: SentenceAttribution | None,
    facts: SentenceFacts,
    position: int | None = None,
) -> str:
    """``asserted``, ``denied`` or ``disputed`` for the figure ``governing`` attributes (at
    ``position`` of the text, when known)."""
    if governing.frame is not None and governing.frame.denies:
        return "denied"
    if governing.frame is not None and position is not None:
        claim = facts.false_claim(sentence)
        if claim is not None and claim[0] <= position < claim[1]:
            return "denied"
    speaker = governing.speaker
    deniers = facts.deniers(sentence)
    if facts.disputes(sentence, speaker.phrase) and speaker.canonical not in deniers:
        return "disputed"
    if facts.deniers(sentence) - {governing.speaker.canonical}:
        return "disputed"
    if following is not None and "\n\n" not in facts.text[sentence.end : following.start]:
        if (
            facts.denies_previous(following)
            and (governing.speaker.canonical not in facts.deniers(following))
            and (
                not following.frames
                or any(f.speaker.canonical != speaker.canonical for f in following.frames)
            )
        ):
            return "disputed"
        others = facts.deniers(following) - {speaker.canonical}
        if (
            others
            and not DIGIT.search(facts.text, following.start, following.end)
            and not facts.disputes(following)  # "..., a claim Kyiv denied": its own claim
        ):
            return "disputed"  # "The government denied losing any territory."
    return "asserted"
