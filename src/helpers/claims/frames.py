"""The reporting frames of one sentence: who said, told, announced ... with which verb."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from helpers.claims.actors import _find_actor

# Reporting verbs, past and present: "said", "told", "announced", "wrote", "stressed" ...
CUE_VERBS = (
    "said|says|say|told|tells|claimed|confirmed|confirms|denied|denies|deny|announced|"
    "announces|reported|wrote|writes|added|adds|stressed|stresses|stated|elaborated|explained|"
    "emphasized|emphasised|acknowledged|acknowledges|continued|called|noted|warned|insisted|"
    "affirmed|revealed|asserted|argued|disclosed|admitted|rejected|dismissed|voiced|expressed"
)
CUE_PATTERN = re.compile(rf"\b(?P<cue>{CUE_VERBS})\b")
# Verbs that deny what follows: "Iran has denied the accusations"
DENIAL_CUES = frozenset({"denied", "denies", "deny", "rejected", "dismissed"})
# "according to TASS news agency, citing Gladkov" / "according to NBC News, who cited senior US
# officials" / "According to him"
ACCORDING_TO = re.compile(
    r"\b[Aa]ccording to\s+(?P<np>(?:[A-Z]\.|Mr\.|Ms\.|Dr\.|[^,;:.\"(])+?)\s*"
    r"(?:,\s*(?:citing|who cited|quoting)\s+(?P<cited>(?:[A-Z]\.|[^,;:.\"(])+?)\s*)?"
    r"(?=[,;:\"(]|\.(?:\s|$)|$)"
)
# "was announced by John Kirby", "as reported by the semiofficial ISNA news agency"
PASSIVE_BY = re.compile(
    rf"\b(?:was|were|been|being|is|are|as)\s+(?:\w+ly\s+|later\s+|also\s+|first\s+)*"
    rf"(?P<cue>{CUE_VERBS})\s+by\s+(?P<np>(?:[A-Z]\.|Mr\.|Ms\.|[^,;:.\"(])+?)\s*"
    r"(?=[,;:\"(]|\.(?:\s|$)|$)"
)
# A noun phrase right after an inverted cue: '," said Blinken.' / ', writes Voice of America.'
INVERTED_NP = re.compile(
    r"\s+(?P<np>(?:[A-Z]|(?:the|a|an|one|two|some|several|senior)\s)"
    r"(?:[A-Z]\.|Mr\.|Ms\.|[^,;:.\"(])*?)\s*(?=[,;:\"(]|\.(?:\s|$)|$)"
)
# ", citing Gladkov" / ", who cited senior US officials" after an outlet's reporting verb
CITING = re.compile(
    r"^\s*,\s*(?:citing|who cited|quoting)\s+(?P<np>(?:[A-Z]\.|[^,;:.\"(])+?)\s*"
    r"(?=[,;:\"(]|\.(?:\s|$)|$)"
)
# Words trimmed from the end of a subject: "also", "has", "later", "on November 7", "last week"
SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:also|has|have|had|later|then|repeatedly|previously|earlier|already|once|"
    r"again|recently|formally|publicly|officially|first|further|not|did|would|will|could|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"on (?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+)|last week|this week|"
    r"in (?:a|an|his|her|their) [\w ]+?))+$"
)
# Words trimmed from the start of a subject: "and", "but", "Meanwhile", "even as", "while"
SUBJECT_HEAD = re.compile(
    r"^(?:and|but|so|yet|however|meanwhile|even as|as|while|though|although|because|since|"
    r"when|whereas|if|after|before)\s+",
    re.IGNORECASE,
)
# A comma-enclosed aside that is not the speaker: "alongside British Foreign Secretary ..."
ASIDE = re.compile(r"^(?:alongside|along with|together with|with|like|including|unlike)\b", re.I)
# Pronouns and generic descriptions that point back to an earlier speaker:
# "he", "they", "officials", "the senior official", "one senior official", "the broadcaster"
PRONOUN = re.compile(r"^(?:he|she|him|her|they|them|it|who)$", re.IGNORECASE)
GENERIC_GROUP = re.compile(r"^(?:the |these |those )?(?:senior |top )?(?:officials|sources)$", re.I)
GROUP_MEMBER = re.compile(r"^(?:one|a|another) (?:senior |top )?(?:official|source)$", re.I)
GENERIC_PERSON = re.compile(
    r"^the (?:senior |top )?(?:official|spokes(?:man|woman|person)|minister)$", re.IGNORECASE
)
GENERIC_OUTLET = re.compile(
    r"^the (?:\w+ )?(?P<medium>broadcaster|publication|newspaper|agency|outlet|paper|channel)$",
    re.I,
)
# The media a generic reference can point to: "the broadcaster" is not a newspaper
GENERIC_MEDIA = {
    "broadcaster": {"broadcaster"},
    "channel": {"broadcaster"},
    "publication": {"newspaper"},
    "newspaper": {"newspaper"},
    "paper": {"newspaper"},
    "agency": {"agency"},
}
# A phrase that names a person or organisation rather than a clause: at most this many words
MAX_SPEAKER_WORDS = 16
# Words that cannot start an inverted speaker ("said on Friday", "said that")
NOT_A_SPEAKER = re.compile(
    r"^(?:on|in|at|that|to|during|after|before|last|this|it|they|he|she|we|I|if|how|"
    r"what|when|whether|there|his|her|its|their)\b"
)


@dataclass(frozen=True)
class Speaker:
    """A speaker phrase as written with its resolved canonical name, source type and kind."""

    phrase: str
    canonical: str
    source_type: str
    kind: str

    @property
    def is_outlet(self) -> bool:
        return self.kind == "outlet"


@dataclass(frozen=True)
class Attribution:
    """One reporting frame: who (``speaker``) said what with which verb, and through whom.

    ``start``/``end`` span the frame's cue in the article text; ``via`` is the canonical name
    of an outlet the speaker was cited by ("" if none).
    """

    start: int
    end: int
    speaker: Speaker
    cue: str
    via: str = ""

    @property
    def denies(self) -> bool:
        return self.cue in DENIAL_CUES


@dataclass(frozen=True)
class _RawFrame:
    start: int
    end: int
    phrase: str
    cue: str
    cited: str = ""
    outlet_only: bool = False  # an outlet named only as a channel ("as reported by X")


def _clean_subject(segment: str) -> str:
    segment = segment.strip(" ,")
    previous = None
    while previous != segment:
        previous = segment
        segment = SUBJECT_TAIL.sub("", segment).strip(" ,")
        segment = SUBJECT_HEAD.sub("", segment).strip(" ,")
    return segment


def _looks_like_speaker(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    if PRONOUN.match(phrase) or GENERIC_GROUP.match(phrase) or GROUP_MEMBER.match(phrase):
        return True
    # a clause has a finite verb; a speaker phrase starts with a name, article or noun
    if re.search(rf"\b(?:is|are|was|were|has been|have been|{CUE_VERBS})\b", phrase):
        return False
    return bool(re.match(r"(?:[A-Z]|the |an? |one |two |some |several |senior |officials)",
                         phrase))  # fmt: skip


def _subject_before(sentence: str, cue_start: int) -> str:
    """Return the speaker phrase written before a reporting verb, or "".

    ``"..., officials said"`` gives "officials"; ``"Vyacheslav Gladkov, governor of ...,
    wrote"`` (a name with an apposition) gives "Vyacheslav Gladkov"; a quote or a previous
    ``... reported that`` ends the clause the subject is looked for in.
    """
    pre = sentence[:cue_start]
    boundary = 0
    for match in re.finditer(r"[\";:(]", pre):
        boundary = match.end()
    for match in re.finditer(rf"\b(?:{CUE_VERBS})\b(?:\s+\S+){{0,3}}?\s+that\s", pre):
        boundary = max(boundary, match.end())
    clause = pre[boundary:]
    segments = [s for s in re.split(r",\s*", clause)]
    ends_with_comma = clause.rstrip().endswith(",")
    segments = [s for s in segments if s.strip()]
    if not segments:
        return ""
    if ends_with_comma and len(segments) >= 2:
        # "NAME, APPOSITION, said" or "ROLE, NAME, said": keep the part that names someone
        first, second = _clean_subject(segments[-2]), _clean_subject(segments[-1])
        if ASIDE.match(second):
            return first if _looks_like_speaker(first) else ""
        for candidate in (second, first):
            if _find_actor(candidate) is not None:
                return candidate
        if re.fullmatch(r"(?:[A-Z][\w'.-]*\s?)+", second):
            return second
        return first
    subject = _clean_subject(segments[-1])
    return subject if _looks_like_speaker(subject) else ""


def _noun_phrase_after(sentence: str, pos: int) -> str:
    match = INVERTED_NP.match(sentence, pos)
    if not match:
        return ""
    phrase = _clean_subject(match.group("np"))
    if NOT_A_SPEAKER.match(phrase) or not _looks_like_speaker(phrase):
        return ""
    return phrase


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < pos < end for start, end in spans)


def _raw_frames(sentence: str, quotes: Sequence[tuple[int, int]]) -> list[_RawFrame]:
    """Find every reporting frame of one sentence (offsets relative to the sentence).

    Cues inside quotation marks are the quoted person's words, not attributions.
    """
    frames: list[_RawFrame] = []
    taken: list[tuple[int, int]] = []
    for match in ACCORDING_TO.finditer(sentence):
        if _inside(match.start(), quotes):
            continue
        frames.append(
            _RawFrame(match.start(), match.end(), match.group("np"), "according to",
                      match.group("cited") or "")
        )  # fmt: skip
        taken.append(match.span())
    for match in PASSIVE_BY.finditer(sentence):
        if _inside(match.start(), quotes):
            continue
        channel = match.group(0).startswith("as ")
        frames.append(
            _RawFrame(match.start("cue"), match.end(), match.group("np"), match.group("cue"),
                      outlet_only=channel)
        )  # fmt: skip
        taken.append((match.start("cue"), match.end()))
    for match in CUE_PATTERN.finditer(sentence):
        cue = match.group("cue")
        if _inside(match.start(), quotes) or _inside(match.start() + 1, taken):
            continue
        if match.start() in {start for start, _ in taken}:
            continue
        pre = sentence[: match.start()].rstrip()
        phrase = ""
        if pre.endswith((",", '"')) or not pre:
            phrase = _noun_phrase_after(sentence, match.end())
        earlier = [f for f in frames if f.start < match.start()]
        if not phrase and earlier and re.search(r"\band\s+(?:also\s+|then\s+)?$", pre + " "):
            # "Iran has denied the accusations and said that ...": the same speaker
            phrase = max(earlier, key=lambda f: f.start).phrase
        if not phrase:
            phrase = _subject_before(sentence, match.start())
        if not phrase and re.search(r",\s*who\s*$", pre):
            phrase = "who"
        if not phrase:
            continue
        if phrase.lower() == "who" or re.search(r",\s*who\s*$", pre):
            phrase = "who"
        cited = ""
        citing = CITING.match(sentence, match.end())
        if citing:
            cited = citing.group("np")
        frames.append(_RawFrame(match.start(), match.end(), phrase, cue, cited))
    return sorted(frames, key=lambda frame: frame.start)
