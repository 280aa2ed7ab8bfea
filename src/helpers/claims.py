"""Who said each figure: attribution, hedging, stance, topic and event of reported figures.

``extract_claims(text)`` takes an article's clean text and returns one :class:`Claim` per figure
found by :func:`helpers.figures.extract_figures`, in text order. A claim names the party the figure
is attributed to (``source`` as written, ``source_canonical``, ``source_type``), the outlet it came
through (``via``), the reporting verb (``cue``), hedging words, stance, topic and event.

Attribution follows reporting conventions a reader would recognise, sentence by sentence:

- ``X said/told/announced/... (that) ...`` and ``"...," said X`` (subject or inverted speaker);
- ``according to X`` and ``according to X, citing Y`` / ``X, who cited Y`` (Y via X);
- ``... was announced by X`` / ``as reported by X`` (passive);
- ``X reported that ... Y said ...`` (an outlet next to another speaker becomes the ``via``);
- a name with an apposition (``Vyacheslav Gladkov, governor of ..., wrote``);
- pronouns and generic references (``he added``, ``officials said``, ``one senior official``,
  ``the broadcaster``) resolved to the most recent fitting speaker of the same post;
- quotations: a figure inside a quote belongs to the quote's speaker, named before the quote
  (``He added, "..."``) or after it, even when the quote spans several sentences, and a quote
  that follows an attributed quote in the same paragraph continues it.

A sentence with no attribution is the outlet's own statement (source ``""``, ``outlet itself``).
The module also holds the aggregations notebook 03 uses (claims ledger, who is quoted, source-type
mix and hedging per outlet).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields

import pandas as pd

from helpers.figures import Figure, extract_figures, figures_table
from helpers.io import require_columns

# --------------------------------------------------------------------------------------------
# Vocabularies shared with the gold annotations
# --------------------------------------------------------------------------------------------

SOURCE_TYPES = (
    "Ukrainian government",
    "Ukrainian military",
    "Russian government",
    "Russian military",
    "Iranian government",
    "US government",
    "UK government",
    "other government",
    "anonymous officials",
    "news outlet",
    "outlet itself",
)
STANCES = ("asserted", "denied", "disputed")
TOPICS = (
    "drones",
    "missiles",
    "other weapons",
    "air defence",
    "power outage",
    "casualties",
    "range",
    "sanctions/money",
    "other",
)
EVENTS = ("supplied", "launched/used", "shot down/intercepted", "without power", "range", "other")
OUTLET_ITSELF = "outlet itself"
CLAIM_COLUMNS = (
    "source",
    "source_canonical",
    "source_type",
    "via",
    "cue",
    "hedges",
    "stance",
    "topic",
    "event",
)


# --------------------------------------------------------------------------------------------
# Known actors
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """A party that can be quoted: its canonical name, source type and how it is written.

    ``names`` are matched case-sensitively as whole words anywhere in a speaker phrase
    (surnames, outlet names); ``descriptions`` are case-insensitive regexes that must match the
    whole phrase once articles and possessive countries are dropped ("the Ukrainian president").
    ``kind`` is ``person``, ``group`` (officials), ``org`` or ``outlet``; an outlet's
    ``medium`` (``agency``, ``broadcaster``, ``newspaper``) lets "the broadcaster" find it.
    """

    canonical: str
    source_type: str
    kind: str
    names: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    medium: str = ""


KNOWN_ACTORS: tuple[Actor, ...] = (
    Actor(
        "Volodymyr Zelensky",
        "Ukrainian government",
        "person",
        ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii"),
        (r"(?:ukrainian|ukraine's) (?:president|leader)", r"president of ukraine"),
    ),
    Actor("Antony Blinken", "US government", "person", ("Blinken",), (r"us secretary of state",)),
    Actor("John Kirby", "US government", "person", ("Kirby",)),
    Actor("Hossein Amirabdollahian", "Iranian government", "person", ("Amirabdollahian",)),
    Actor("Nasser Kanaani", "Iranian government", "person", ("Kanaani", "Kanani")),
    Actor("Vyacheslav Gladkov", "Russian government", "person", ("Gladkov",)),
    Actor("Ned Price", "US government", "person", ("Ned Price",)),
    Actor("Barbara Woodward", "UK government", "person", ("Woodward",)),
    Actor("Yoko Kamikawa", "other government", "person", ("Kamikawa",)),
    Actor("Valery Zaluzhnyi", "Ukrainian military", "person", ("Zaluzhnyi", "Zaluzhny")),
    Actor("William Burns", "US government", "person", ("William Burns", "Bill Burns")),
    Actor("David Lammy", "UK government", "person", ("Lammy",)),
    Actor("Vladimir Putin", "Russian government", "person", ("Putin",)),
    Actor("Joe Biden", "US government", "person", ("Biden",)),
    Actor(
        "Russian Defense Ministry",
        "Russian military",
        "org",
        (),
        (
            r"(?:russian|russia's) (?:defen[cs]e ministry|ministry of defen[cs]e)",
            r"(?:russian|russia's) military",
        ),
    ),
    Actor(
        "Dutch Ministry of Defense",
        "other government",
        "org",
        (),
        (r"dutch (?:defen[cs]e ministry|ministry of defen[cs]e)",),
    ),
    Actor("Lithuania", "other government", "org", ("Lithuania",)),
    Actor(
        "Iranian foreign ministry",
        "Iranian government",
        "org",
        (),
        (r"(?:iranian|iran's) (?:foreign ministry|ministry of foreign affairs)",),
    ),
    Actor(
        "Iranian government",
        "Iranian government",
        "org",
        (),
        (r"iran", r"tehran", r"(?:iranian|iran's) (?:government|regime|authorities|officials)"),
    ),
    Actor(
        "Ukrainian military officials",
        "Ukrainian military",
        "group",
        (),
        (r"(?:ukrainian|ukraine's) (?:military|army|armed forces)(?: officials)?",),
    ),
    Actor(
        "Ukrainian officials",
        "Ukrainian government",
        "group",
        (),
        (r"(?:ukrainian|ukraine's|kyiv's) (?:officials|government|authorities)", r"kyiv"),
    ),
    Actor(
        "Western officials",
        "anonymous officials",
        "group",
        (),
        (r"(?:\w+ )?(?:western )?officials from an? western country\b.*", r"western officials"),
    ),
    Actor(
        "US officials",
        "anonymous officials",
        "group",
        (),
        (r"(?:(?:senior|top|two|several|some) )*(?:us|u\.s\.|american) officials",),
    ),
    Actor("TASS", "news outlet", "outlet", ("TASS",), medium="agency"),
    Actor("Reuters", "news outlet", "outlet", ("Reuters",), medium="agency"),
    Actor("NBC News", "news outlet", "outlet", ("NBC",), medium="broadcaster"),
    Actor("The Guardian", "news outlet", "outlet", ("Guardian",), medium="newspaper"),
    Actor("CNN", "news outlet", "outlet", ("CNN",), medium="broadcaster"),
    Actor(
        "Voice of America",
        "news outlet",
        "outlet",
        ("Voice of America", "VOA"),
        medium="broadcaster",
    ),
    Actor(
        "The New York Times",
        "news outlet",
        "outlet",
        ("New York Times", "NYT"),
        medium="newspaper",
    ),
    Actor(
        "The Kyiv Independent", "news outlet", "outlet", ("Kyiv Independent",), medium="newspaper"
    ),
    Actor("ISNA", "news outlet", "outlet", ("ISNA",), medium="agency"),
    Actor("Associated Press", "news outlet", "outlet", ("Associated Press", "AP"), medium="agency"),
    Actor("The Economist", "news outlet", "outlet", ("Economist",), medium="newspaper"),
)

# Words dropped from the front of a speaker phrase before matching descriptions:
# "the", "Mr.", "Ms", "Gen.", "President", "Foreign Minister" ...
LEADING_TITLE = re.compile(
    r"^(?:(?:the|a|an|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Gen\.?|General|President|Prime Minister|"
    r"Foreign Minister|Secretary of State)\s+)+",
    re.IGNORECASE,
)
# Words that mark a phrase as a news organisation when it is not in the table:
# "ISNA news agency", "the broadcaster", "The Daily Telegraph newspaper"
OUTLET_WORDS = re.compile(
    r"\b(?:news|agency|newspaper|broadcaster|publication|outlet|times|post|journal|"
    r"television|TV|radio|magazine|tribune|herald|gazette)\b",
    re.IGNORECASE,
)
# Words that make a phrase an institution: "The United States", "the State Department"
ORG_WORDS = re.compile(
    r"\b(?:States|Kingdom|Ministry|Council|Department|Government|Republic|Federation|Union|"
    r"Office|House|Agency|Army|Forces|Command|Kremlin|Pentagon|Parliament|Committee)\b"
)
# Singular roles that make a phrase a person: "a spokesman for the ministry", "governor of ..."
PERSON_ROLES = re.compile(
    r"\b(?:spokes(?:man|woman|person)|minister|president|secretary|ambassador|governor|"
    r"director|coordinator|adviser|advisor|chief|commander|general|official|leader|"
    r"envoy|mayor|premier|chancellor|king|ayatollah|he|she)\b",
    re.IGNORECASE,
)


def _strip_phrase(name: str) -> str:
    """Drop titles, articles and surrounding punctuation from a speaker phrase."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:.\"'")
    return LEADING_TITLE.sub("", name).strip()


def _find_actor(name: str) -> Actor | None:
    """Return the known actor a speaker phrase names, or None."""
    stripped = _strip_phrase(name)
    # the head of a phrase is what comes before a comma (an apposition follows it)
    head = stripped.split(",")[0]
    lowered = re.sub(r"\bthe\s+", "", stripped.lower())
    for actor in KNOWN_ACTORS:
        for pattern in actor.descriptions:
            if re.fullmatch(pattern, lowered) or re.fullmatch(pattern, lowered.split(",")[0]):
                return actor
    for part in (head, stripped):
        for actor in KNOWN_ACTORS:
            for written in actor.names:
                if re.search(rf"(?<![\w-]){re.escape(written)}(?![\w-])", part):
                    return actor
    return None


def canonical_source(name: str) -> str:
    """Fold a speaker phrase as written to its canonical actor name.

    Titles, "Mr.", possessive countries and spelling variants are folded through
    :data:`KNOWN_ACTORS`; an unknown actor keeps its own words without a leading article.

    >>> canonical_source("Ukraine's President Volodymyr Zelensky")
    'Volodymyr Zelensky'
    >>> canonical_source("Kirby")
    'John Kirby'
    """
    if not isinstance(name, str):
        raise TypeError(f"canonical_source expects a speaker phrase (str), got {type(name)!r}")
    if not name.strip():
        return ""
    actor = _find_actor(name)
    if actor is not None:
        return actor.canonical
    return re.sub(r"^(?:the|a|an)\s+", "", _strip_phrase(name), flags=re.IGNORECASE)


# Country words that decide the government of an unknown speaker: "Ukrainian", "U.S.", "British"
_TYPE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:Ukrain\w*|Kyiv)\b.*\b(?:military|army|armed forces|general)", re.I),
     "Ukrainian military"),
    (re.compile(r"\b(?:Ukrain\w*|Kyiv)\b", re.I), "Ukrainian government"),
    (re.compile(r"\b(?:Russia\w*|Kremlin|Moscow)\b.*\b(?:military|army|defen[cs]e)", re.I),
     "Russian military"),
    (re.compile(r"\b(?:Russia\w*|Kremlin|Moscow)\b", re.I), "Russian government"),
    (re.compile(r"\b(?:Iran\w*|Tehran)\b", re.I), "Iranian government"),
    (re.compile(r"\b(?:US|U\.S\.|United States|American|Washington|White House|Pentagon|"
                r"State Department)\b"),
     "US government"),
    (re.compile(r"\b(?:UK|U\.K\.|Britain|British|Downing Street)\b"), "UK government"),
)  # fmt: skip


def source_type_for(name: str) -> str:
    """Return the ``source_type`` of a speaker phrase ("" gives ``outlet itself``).

    Known actors carry their type; otherwise an outlet-like phrase is a ``news outlet``, a
    phrase naming a country's people or institutions gets that government (or military), bare
    officials or sources are ``anonymous officials`` and anything else ``other government``.

    >>> source_type_for("Ukrainian military officials")
    'Ukrainian military'
    """
    if not isinstance(name, str):
        raise TypeError(f"source_type_for expects a speaker phrase (str), got {type(name)!r}")
    if not name.strip():
        return OUTLET_ITSELF
    actor = _find_actor(name)
    if actor is not None:
        return actor.source_type
    if OUTLET_WORDS.search(name):
        return "news outlet"
    for pattern, kind in _TYPE_RULES:
        if pattern.search(name):
            return kind
    if re.search(r"\b(?:officials?|sources?)\b", name, re.IGNORECASE):
        return "anonymous officials"
    return "other government"


def _kind_of(name: str) -> str:
    """Classify a speaker phrase as ``person``, ``group``, ``org`` or ``outlet``."""
    actor = _find_actor(name)
    if actor is not None:
        return actor.kind
    if OUTLET_WORDS.search(name):
        return "outlet"
    if re.search(r"\b(?:officials|sources|experts|analysts|diplomats)\b", name, re.I):
        return "group"
    if ORG_WORDS.search(name):
        return "org"
    if PERSON_ROLES.search(name) or re.fullmatch(r"(?:[A-Z][\w'-]+ ){1,2}[A-Z][\w'-]+", name):
        return "person"
    return "org"


# --------------------------------------------------------------------------------------------
# Finding attributions in a sentence
# --------------------------------------------------------------------------------------------

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


class _History:
    """The speakers met so far in a post, newest last, for resolving "he" or "officials"."""

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []

    def latest(self, kinds: set[str], media: set[str] | None = None) -> Speaker | None:
        for speaker in reversed(self.speakers):
            if speaker.kind not in kinds:
                continue
            actor = _find_actor(speaker.canonical)
            if media and actor is not None and actor.medium and actor.medium not in media:
                continue
            return speaker
        return None

    def resolve(self, phrase: str) -> Speaker:
        """Turn a phrase into a speaker, resolving pronouns and generic references."""
        phrase = _strip_quotes(phrase)
        lowered = phrase.lower()
        target: Speaker | None = None
        if lowered in {"he", "she", "him", "her"}:
            target = self.latest({"person"})
        elif lowered in {"they", "them"}:
            target = self.latest({"group", "org", "outlet"})
        elif lowered == "it":
            target = self.latest({"org", "outlet"})
        elif lowered == "who":
            target = self.latest({"person", "group", "org", "outlet"})
        elif GENERIC_GROUP.match(phrase) or GROUP_MEMBER.match(phrase):
            target = self.latest({"group"})
        elif GENERIC_PERSON.match(phrase):
            target = self.latest({"person", "group"})
        elif GENERIC_OUTLET.match(phrase):
            medium = GENERIC_OUTLET.match(phrase).group("medium").lower()
            target = self.latest({"outlet"}, GENERIC_MEDIA.get(medium))
        if target is not None:
            return replace(target, phrase=phrase)
        return Speaker(phrase, canonical_source(phrase), source_type_for(phrase), _kind_of(phrase))

    def add(self, speaker: Speaker) -> None:
        self.speakers.append(speaker)


def _strip_quotes(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip(" ,;:.\"'")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Pair straight double quotes line by line: [(open, close), ...] (offsets of the marks)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        marks = [offset + m.start() for m in re.finditer('"', line)]
        spans.extend(zip(marks[0::2], marks[1::2], strict=False))
        offset += len(line) + 1
    return spans


@dataclass(frozen=True)
class SentenceAttribution:
    """The frames of one sentence once pronouns and references are resolved."""

    start: int
    end: int
    frames: tuple[Attribution, ...]


def attribute_sentences(
    text: str, sentence_spans: Sequence[tuple[int, int]]
) -> list[SentenceAttribution]:
    """Find and resolve the reporting frames of every sentence of ``text``, in order.

    ``sentence_spans`` are (start, end) offsets of the sentences into ``text``. Pronouns and
    generic references are resolved against the speakers met earlier in the same post (posts
    are separated by a blank line); an outlet next to another speaker in a sentence becomes that
    speaker's ``via``, and "according to X, citing Y" also gives X as the via of Y's claims in
    the sentence just before.
    """
    _check_spans(text, sentence_spans)
    quotes = sorted(_quote_spans(text))  # quotes do not overlap: opens and closes both ascend
    quote_closes = [b for _, b in quotes]
    history = _History()
    result: list[SentenceAttribution] = []
    previous_end = 0
    for start, end in sentence_spans:
        if "\n\n" in text[previous_end:start]:
            history = _History()
        previous_end = end
        sentence = text[start:end]
        overlapping = quotes[bisect_right(quote_closes, start) : bisect_left(quotes, (end, -1))]
        local_quotes = [(max(a, start) - start, min(b, end) - start) for a, b in overlapping]
        # a quote opened before this sentence covers its start
        local_quotes = [(a if a > 0 else -1, b) for a, b in local_quotes]
        resolved: list[Attribution] = []
        for raw in _raw_frames(sentence, local_quotes):
            speaker = history.resolve(raw.phrase)
            history.add(speaker)
            if raw.cited:
                cited = history.resolve(raw.cited)
                history.add(cited)
                resolved.append(
                    Attribution(start + raw.start, start + raw.end, cited, raw.cue,
                                speaker.canonical)
                )  # fmt: skip
                continue
            if raw.outlet_only and not speaker.is_outlet:
                speaker = replace(speaker, kind="outlet", source_type="news outlet")
            resolved.append(Attribution(start + raw.start, start + raw.end, speaker, raw.cue))
        result.append(SentenceAttribution(start, end, tuple(_merge_via(resolved))))
    return _carry_citing_back(text, result)


def _merge_via(frames: list[Attribution]) -> list[Attribution]:
    """Make an outlet that sits next to another speaker in a sentence that speaker's via."""
    outlets = [f for f in frames if f.speaker.is_outlet and not f.via]
    others = [f for f in frames if not (f.speaker.is_outlet and not f.via)]
    if not others or not outlets:
        return frames
    merged = []
    for frame in others:
        if frame.via:
            merged.append(frame)
            continue
        nearest = min(outlets, key=lambda o: abs(o.start - frame.start))
        merged.append(replace(frame, via=nearest.speaker.canonical))
    return merged


def _carry_citing_back(
    text: str, sentences: list[SentenceAttribution]
) -> list[SentenceAttribution]:
    """'X wrote ... . ..., according to TASS, citing X.' gives TASS as via of X's first sentence."""
    out = list(sentences)
    for index in range(1, len(out)):
        for frame in out[index].frames:
            if not (frame.cue == "according to" and frame.via):
                continue
            earlier = out[index - 1]
            if "\n\n" in text[earlier.end : out[index].start]:
                continue
            frames = tuple(
                replace(f, via=frame.via)
                if f.speaker.canonical == frame.speaker.canonical and not f.via
                else f
                for f in earlier.frames
            )
            out[index - 1] = replace(earlier, frames=frames)
    return out


def _check_spans(text: str, spans: Sequence[tuple[int, int]]) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected the article's clean text as str, got {type(text)!r}")
    last = 0
    for start, end in spans:
        if not (0 <= start <= end <= len(text)) or start < last:
            raise ValueError(
                f"sentence span ({start}, {end}) is not an ordered span inside a text of "
                f"{len(text)} characters"
            )
        last = end


# --------------------------------------------------------------------------------------------
# From frames to the speaker of one position
# --------------------------------------------------------------------------------------------

# What may stand between a closing quote and the verb attributing it: '," Zelensky ', '," said '
# (no other quote, no new line, no sentence end except the period of "Mr." or "Ms.")
QUOTE_TO_CUE = re.compile(r"[,!?]?(?:[^\"\n.!?]|(?<=\bM[rs])\.)*")
MAX_WORDS_QUOTE_TO_CUE = 12
NO_SPEAKER = Speaker("", "", OUTLET_ITSELF, "outlet")


@dataclass(frozen=True)
class Governing:
    """The attribution that governs one position in the text (speaker "" for the outlet)."""

    speaker: Speaker
    via: str
    cue: str
    frame: Attribution | None


def _quote_speakers(
    text: str, sentences: list[SentenceAttribution]
) -> dict[tuple[int, int], Attribution]:
    """Attribute each quotation to the frame just before it or just after it.

    '"...," Zelensky said.' and 'He added, "..."' attribute the quote; a quote with neither
    that follows an attributed quote in the same paragraph continues it.
    """
    frames = sorted((f for s in sentences for f in s.frames), key=lambda f: (f.start, f.end))
    ends = sorted(range(len(frames)), key=lambda i: frames[i].end)  # frame indices by end
    result: dict[tuple[int, int], Attribution] = {}
    previous: tuple[tuple[int, int], Attribution] | None = None
    for open_, close in _quote_spans(text):
        found: Attribution | None = None
        # only the frame that ends last before the quote can sit right against it
        before = bisect_right(ends, open_, key=lambda i: frames[i].end)
        if before and re.fullmatch(r"\s*[,:]?\s*", text[frames[ends[before - 1]].end : open_]):
            found = frames[ends[before - 1]]
        if found is None:
            for frame in frames[bisect_right(frames, close, key=lambda f: f.start) :]:
                between = text[close + 1 : frame.start]
                if len(between.split()) > MAX_WORDS_QUOTE_TO_CUE:
                    break  # every later frame is further away still
                if QUOTE_TO_CUE.fullmatch(between):
                    found = frame
                    break
        if found is None and previous is not None:
            (prev_open, prev_close), prev_frame = previous
            if "\n" not in text[prev_close:open_]:
                found = prev_frame
        if found is not None:
            result[(open_, close)] = found
            previous = ((open_, close), found)
    return result


def sentence_index(sentences: Sequence[SentenceAttribution], position: int) -> int:
    """Index of the sentence (in text order) that holds ``position``, or -1 (a binary search)."""
    index = bisect_right(sentences, position, key=lambda s: s.start) - 1
    return index if index >= 0 and position < sentences[index].end else -1


def _quote_around(
    quotes: Mapping[tuple[int, int], Attribution], position: int
) -> Attribution | None:
    """The attribution of the quote strictly around ``position``, if any."""
    spans = quotes if isinstance(quotes, _SortedQuotes) else _SortedQuotes(quotes)
    return spans.around(position)


class _SortedQuotes(dict):
    """Quote spans and their attribution, searchable by position (quotes do not overlap)."""

    def __init__(self, quotes: Mapping[tuple[int, int], Attribution]) -> None:
        super().__init__(sorted(quotes.items()))
        self._spans = list(self)

    def around(self, position: int) -> Attribution | None:
        index = bisect_right(self._spans, (position, -1)) - 1
        while index >= 0 and self._spans[index][0] == position:
            index -= 1  # a quote opening at the position does not hold it
        if index >= 0 and position < self._spans[index][1]:
            return self[self._spans[index]]
        return None


def governing_attribution(
    text: str,
    position: int,
    sentences: list[SentenceAttribution],
    quotes: Mapping[tuple[int, int], Attribution] | None = None,
) -> Governing:
    """Return who a position of the text is attributed to.

    Inside an attributed quote: the quote's speaker. Otherwise the sentence's frames: a speaker
    who is not an outlet wins over an outlet (which is then the via); among several, the
    nearest one whose verb comes before the position, else the nearest after it. No frame:
    the outlet itself.
    """
    if quotes is None:
        quotes = _quote_speakers(text, sentences)
    frame = _quote_around(quotes, position)
    if frame is not None:
        return Governing(frame.speaker, frame.via, frame.cue, frame)
    index = sentence_index(sentences, position)
    sentence = sentences[index] if index >= 0 else None
    if sentence is None or not sentence.frames:
        return Governing(NO_SPEAKER, "", "", None)
    speakers = [f for f in sentence.frames if not f.speaker.is_outlet or f.via]
    pool = speakers or list(sentence.frames)
    before = [f for f in pool if f.start <= position]
    frame = before[-1] if before else min(pool, key=lambda f: f.start)
    return Governing(frame.speaker, frame.via, frame.cue, frame)


# --------------------------------------------------------------------------------------------
# Hedges, stance, topic and event
# --------------------------------------------------------------------------------------------

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


# Unit words per topic: "drones", "UAVs", "missiles", "shells", "F-16s" ...
UNIT_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:drone|uav|unmanned aerial (?:vehicle|system)|shahed)", re.I), "drones"),
    (re.compile(r"^(?:\w+ )?(?:missile|rocket)", re.I), "missiles"),
    (re.compile(r"^(?:weapon|shell|round|jet|fighter|f-16|tank|artillery|howitzer|ammunition|"
                r"aircraft|helicopter|gun)", re.I), "other weapons"),
)  # fmt: skip
# Sentence words per topic, tried in this order when the unit does not decide
CONTEXT_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:killed|dead|died|deaths?|wounded|injured|casualties)\b", re.I),
     "casualties"),
    (re.compile(r"\b(?:drones?|UAVs?|unmanned aerial|Shaheds?)\b", re.I), "drones"),
    (re.compile(r"\b(?:missiles?|rockets?)\b", re.I), "missiles"),
    (re.compile(r"\b(?:NASAMS|air[- ]defen[cs]e|anti-aircraft|Patriot|IRIS-T)\b", re.I),
     "air defence"),
    (re.compile(r"\b(?:weapons?|shells?|F-16s?|tanks?|artillery|ammunition|launchers?)\b", re.I),
     "other weapons"),
    (re.compile(r"\b(?:sanction\w*|\$|dollars?|euros?|budget|funds?|aid package)\b", re.I),
     "sanctions/money"),
)  # fmt: skip
# Air-defence hardware counted by generic nouns: "two of the systems", "two more launchers"
AIR_DEFENCE_UNITS = re.compile(r"^(?:system|launcher|battery|batteries|interceptor)", re.I)
AIR_DEFENCE_CONTEXT = CONTEXT_TOPICS[3][0]
# People left without electricity: "are without power", "depriving millions ... of power"
POWER_CONTEXT = re.compile(
    r"\b(?:without (?:power|electricity)|of (?:power|electricity)|power outages?|blackouts?|"
    r"lost power|no power)\b",
    re.IGNORECASE,
)
RANGE_CONTEXT = re.compile(r"\brange\b", re.IGNORECASE)
# Verbs and nouns that name what happened to a counted weapon, nearest to the figure wins
EVENT_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:shot down|shoot down|shooting down|downed|intercept\w*|destroyed)\b",
                re.I), "shot down/intercepted"),
    (re.compile(r"\b(?:sen[dt]|sending|suppl\w+|provid\w+|deliver\w*|transferr?\w*|shipments?|"
                r"receiv\w+|bought|purchas\w+|export\w*|sold|sell\w*|acquir\w+)\b", re.I),
     "supplied"),
    (re.compile(r"\b(?:launch\w*|fir(?:ed|ing|es)|use[ds]?|using|strik\w+|struck|attack\w*)\b",
                re.I), "launched/used"),
)  # fmt: skip
# The noun a bare number counts: "two of the systems" -> systems, "two more launchers"
COUNTED_NOUN = re.compile(
    r"^\s+(?:of\s+(?:the|these|those)\s+)?(?:(?:more|other|additional|new)\s+)?"
    r"(?P<noun>(?!them\b|which\b)[A-Za-z][\w-]*)"
)
WEAPON_TOPICS = frozenset({"drones", "missiles", "other weapons", "air defence"})
TIME_KINDS = frozenset({"duration", "date", "time", "year"})


def _topic_of(figure: Figure, sentence: str, context: str, after: str) -> str:
    """Pick the topic from the unit, else the counted noun after the figure, else the sentence.

    ``context`` is the sentence with the one before it (air-defence hardware is often named
    there); ``after`` is the text following the figure in its sentence.
    """
    unit = (figure.unit_normalized or figure.unit or "").strip()
    if not unit:
        noun = COUNTED_NOUN.match(after)
        unit = noun.group("noun") if noun else ""
    if figure.kind in TIME_KINDS:
        return "other"
    if figure.kind == "length" and RANGE_CONTEXT.search(sentence):
        return "range"
    if POWER_CONTEXT.search(sentence) and figure.kind == "count":
        return "power outage"
    for pattern, topic in UNIT_TOPICS:
        if unit and pattern.search(unit):
            return topic
    if unit and AIR_DEFENCE_UNITS.search(unit) and AIR_DEFENCE_CONTEXT.search(context):
        return "air defence"
    if figure.kind == "money":
        return "sanctions/money"
    if figure.kind == "count":
        for pattern, topic in CONTEXT_TOPICS:
            if pattern.search(sentence):
                return topic
    return "other"


def _event_of(topic: str, figure: Figure, sentence: str, offset: int) -> str:
    """Name what happened: from the topic, else the event word nearest before the figure."""
    if topic == "power outage":
        return "without power"
    if topic == "range":
        return "range"
    if topic not in WEAPON_TOPICS or figure.kind in TIME_KINDS:
        return "other"
    # the figure's own words count as "before": "shot down at least 10" may include "down"
    before, after = (
        sentence[: offset + len(figure.surface)],
        sentence[offset + len(figure.surface) :],
    )
    best: tuple[int, str] | None = None
    for pattern, event in EVENT_WORDS:
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, event)
    if best is not None:
        return best[1]
    for pattern, event in EVENT_WORDS:
        match = pattern.search(after)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), event)
    return best[1] if best else "other"


# --------------------------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A figure with who reported it, how, and what it is about."""

    figure: Figure
    source: str
    source_canonical: str
    source_type: str
    via: str
    cue: str
    hedges: tuple[str, ...]
    stance: str
    topic: str
    event: str


def _default_spans(text: str) -> list[tuple[int, int]]:
    from helpers.sentences import sentence_spans

    return [(int(start), int(end)) for start, end in sentence_spans(text)]


def _stance_of(
    governing: Governing,
    sentence: SentenceAttribution,
    following: SentenceAttribution | None,
    text: str,
) -> str:
    if governing.frame is not None and governing.frame.denies:
        return "denied"
    sentence_text = text[sentence.start : sentence.end]
    if DISPUTE_PATTERN.search(sentence_text):
        return "disputed"
    others = [f for f in sentence.frames if f.denies and f is not governing.frame]
    if others and any(f.speaker.canonical != governing.speaker.canonical for f in others):
        return "disputed"
    if following is not None and "\n\n" not in text[sentence.end : following.start]:
        following_text = text[following.start : following.end]
        denial = DENIES_PREVIOUS.search(following_text)
        if denial and not any(
            f.speaker.canonical == governing.speaker.canonical and f.denies
            for f in following.frames
        ):
            return "disputed"
    return "asserted"


def extract_claims(
    text: str,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    outlet: str = "",
) -> list[Claim]:
    """Attribute every figure of an article's clean text: one :class:`Claim` per figure.

    ``sentence_spans`` are (start, end) offsets of the sentences (by default
    :func:`helpers.sentences.sentence_spans`). ``outlet`` is the publishing outlet: a via that
    names it ("officials ... told CNN" in CNN's own article) is dropped, since an outlet is not
    an intermediary of itself.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims expects the clean text as a str, got {type(text)!r}")
    spans = list(sentence_spans) if sentence_spans is not None else _default_spans(text)
    return attribute_figures(text, spans, extract_figures(text), outlet)


def attribute_figures(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    figures: Sequence[Figure],
    outlet: str = "",
) -> list[Claim]:
    """Attribute given figures (spans into ``text``) of one article; see :func:`extract_claims`."""
    sentences = attribute_sentences(text, sentence_spans)
    quotes = _SortedQuotes(_quote_speakers(text, sentences))
    located: list[tuple[Figure, int]] = []
    for figure in figures:
        if not (0 <= figure.start < figure.end <= len(text)):
            raise ValueError(f"figure {figure.surface!r} at {figure.start} lies outside the text")
        located.append((figure, sentence_index(sentences, figure.start)))

    def sentence_text(index: int) -> str:
        return "" if index < 0 else text[sentences[index].start : sentences[index].end]

    # a time span ("in the previous 24 hours") takes the topic of its sentence's first figure
    main_topics: dict[int, str] = {}
    topics: list[str] = []
    for figure, index in located:
        context = sentence_text(index - 1) + " " + sentence_text(index) if index > 0 else ""
        after = sentence_text(index)[figure.end - sentences[index].start :] if index >= 0 else ""
        topic = _topic_of(figure, sentence_text(index), context or sentence_text(index), after)
        topics.append(topic)
        if figure.kind not in TIME_KINDS:
            main_topics.setdefault(index, topic)
    claims: list[Claim] = []
    for (figure, index), topic in zip(located, topics, strict=True):
        if figure.kind in TIME_KINDS:
            topic = main_topics.get(index, "other")
        sentence = (
            sentences[index] if index >= 0 else SentenceAttribution(figure.start, figure.end, ())
        )
        following = sentences[index + 1] if 0 <= index < len(sentences) - 1 else None
        governing = governing_attribution(text, figure.start, sentences, quotes)
        via = "" if _same_outlet(governing.via, outlet) else governing.via
        offset = figure.start - sentence.start
        claims.append(
            Claim(
                figure=figure,
                source=governing.speaker.phrase,
                source_canonical=governing.speaker.canonical,
                source_type=governing.speaker.source_type,
                via=via,
                cue=governing.cue,
                hedges=find_hedges(sentence_text(index)),
                stance=_stance_of(governing, sentence, following, text),
                topic=topic,
                event=_event_of(topic, figure, sentence_text(index) or figure.surface, offset),
            )
        )
    return claims


def _same_outlet(via: str, outlet: str) -> bool:
    """True when ``via`` (canonical) names the publishing ``outlet`` ("CNN" in "CNN live ...")."""
    if not via or not outlet.strip():
        return False
    return canonical_source(outlet) == via or via.lower() in outlet.lower()


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def claims_table(
    articles: pd.DataFrame, sentences: pd.DataFrame, clean_texts: Mapping[str, str]
) -> pd.DataFrame:
    """Build the ``claims.csv`` frame: the figures.csv columns plus the claim fields.

    ``articles`` is articles.csv (``article_id``, ``status``, ``outlet``, ``published``),
    ``sentences`` is sentences.csv and ``clean_texts`` maps article ids to clean texts. The
    figures are those of :func:`helpers.figures.figures_table`; refused articles and articles
    without a clean text are skipped. Rows are sorted by article_id and start; ``hedges`` is
    ";"-joined.
    """
    require_columns(articles, ("article_id", "outlet", "published"), "articles")
    require_columns(
        sentences, ("article_id", "post", "sentence_id", "start", "end", "text"), "sentences"
    )
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    keep = [
        a for a in sorted(clean_texts)
        if a in meta.index and _text(meta.at[a, "status"] if "status" in meta else "ok") == "ok"
    ]  # fmt: skip
    missing = sorted(set(clean_texts) - set(meta.index))
    if missing:
        raise KeyError(f"articles {missing} have a clean text but no row in the articles frame")
    own = sentences.loc[sentences["article_id"].isin(keep)].sort_values(
        ["article_id", "start"], kind="mergesort"
    )
    figures = figures_table(own)
    names = [f.name for f in dataclass_fields(Figure)]
    parts: list[pd.DataFrame] = []
    for article_id in keep:
        rows = figures.loc[figures["article_id"] == article_id]
        spans = own.loc[own["article_id"] == article_id, ["start", "end"]]
        spans = [(int(a), int(b)) for a, b in spans.itertuples(index=False)]
        found = [Figure(**{n: row[n] for n in names}) for _, row in rows.iterrows()]
        outlet = _text(meta.at[article_id, "outlet"])
        claims = attribute_figures(clean_texts[article_id], spans, found, outlet)
        fields_ = pd.DataFrame(
            [
                {
                    "source": c.source,
                    "source_canonical": c.source_canonical,
                    "source_type": c.source_type,
                    "via": c.via,
                    "cue": c.cue,
                    "hedges": ";".join(c.hedges),
                    "stance": c.stance,
                    "topic": c.topic,
                    "event": c.event,
                }
                for c in claims
            ],
            columns=list(CLAIM_COLUMNS),
            index=rows.index,
        )
        fields_["outlet"] = outlet
        fields_["published"] = _text(meta.at[article_id, "published"])
        parts.append(pd.concat([rows, fields_], axis=1))
    columns = [*figures.columns, *CLAIM_COLUMNS, "outlet", "published"]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)[columns]
    return table.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


# --------------------------------------------------------------------------------------------
# Every attribution, with or without a figure
# --------------------------------------------------------------------------------------------


def attributions_table(
    articles: pd.DataFrame, sentences: pd.DataFrame, clean_texts: Mapping[str, str]
) -> pd.DataFrame:
    """List every reporting frame of every article, whether or not it carries a figure.

    One row per frame: ``article_id, outlet, sentence_id, start, end, source,
    source_canonical, source_type, via, cue, sentence_text``; "who is quoted" counts these.
    """
    require_columns(articles, ("article_id", "outlet"), "articles")
    require_columns(sentences, ("article_id", "sentence_id", "start", "end"), "sentences")
    outlets = dict(zip(articles["article_id"], articles["outlet"].map(_text), strict=True))
    rows: list[dict[str, object]] = []
    for article_id, text in sorted(clean_texts.items()):
        own = sentences.loc[sentences["article_id"] == article_id].sort_values("start")
        spans = [(int(a), int(b)) for a, b in zip(own["start"], own["end"], strict=True)]
        ids = dict(zip(own["start"].astype(int), own["sentence_id"].astype(int), strict=True))
        outlet = outlets.get(article_id, "")
        for sentence in attribute_sentences(text, spans):
            for frame in sentence.frames:
                via = "" if _same_outlet(frame.via, outlet) else frame.via
                rows.append(
                    {
                        "article_id": article_id,
                        "outlet": outlet,
                        "sentence_id": ids[sentence.start],
                        "start": frame.start,
                        "end": frame.end,
                        "source": frame.speaker.phrase,
                        "source_canonical": frame.speaker.canonical,
                        "source_type": frame.speaker.source_type,
                        "via": via,
                        "cue": frame.cue,
                        "sentence_text": text[sentence.start : sentence.end],
                    }
                )
    columns = ["article_id", "outlet", "sentence_id", "start", "end", "source",
               "source_canonical", "source_type", "via", "cue", "sentence_text"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
