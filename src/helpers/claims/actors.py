"""Known actors and the typing of speaker phrases: canonical names, source types, kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.claims.labels import OUTLET_ITSELF


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
