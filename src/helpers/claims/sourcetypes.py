"""Generic source types and speaker kinds from the form of a phrase, for news about anything.

:func:`generic_type` reads a speaker phrase (with its apposition, if any) the way a reader
types an unknown source, in this order, the first that fits winning:

1. a document ("the report", "data collected by the agency": :mod:`helpers.claims.documents`);
2. an anonymous source, by what the phrase or its apposition says of it ("a source close to
   the club", "people familiar with the matter", "who spoke on condition of anonymity");
3. the institution the phrase names, by its head noun (:mod:`helpers.claims.institutions`:
   "the airport authority", "Officials at the port", "the league's commissioner");
4. a title that names an institution ("Gov.", "Supt", "Sheriff": :mod:`helpers.claims.titles`);
5. the institution the apposition names ("Sgt. Dana Whitfield, a spokeswoman for the state
   police"; "Dr. Kwame Mensah, the county's health officer");
6. a title that only suggests one ("Dr." an expert, "Capt." the military);
7. officials of a named country ("Chinese officials"), then officials of no one ("two senior
   officials", "a Western diplomat": anonymous), then "other".

>>> generic_type("county fire officials")
'police/emergency services'
>>> generic_type("the think tank")
'expert'
>>> generic_type("Acme Widgets Inc.")
'company'
>>> generic_type("Sgt. Dana Whitfield", "a spokeswoman for the state police")
'police/emergency services'

:func:`generic_kind` says whether a phrase names a person, a group, an organisation, an outlet
or a document, so that "he", "they", "it" and "the report" can be resolved.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers import vocabulary as v
from helpers.claims.documents import document_head
from helpers.claims.institutions import institution_type
from helpers.claims.labels import DOCUMENT, GROUP, ORG, OUTLET, PERSON
from helpers.claims.names import (
    AFFILIATION,
    HONORIFIC,
    MAX_PHRASE_CHARS,
    ORG_NAME_WORDS,
    described_person,
    looks_like_full_name,
    person_name,
)
from helpers.claims.titles import STRONG, WEAK, role_word, title_type


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# What makes a source anonymous, wherever it stands in the phrase or its apposition: "a
# hospital source", "people familiar with the matter", "a person briefed on the plan", "who
# spoke on condition of anonymity", "who asked not to be named", "not authorized to speak"
ANONYMOUS_MARKER = _ci(
    r"\b(?:sources?|insiders?|(?:people|persons?|someone|one) (?:familiar|with (?:direct )?"
    r"knowledge|briefed|close to|involved in|informed|aware)|(?:on|under) (?:the )?condition "
    r"of anonymity|anonymously|ask(?:ed|ing) not to be (?:named|identified)|(?:declined|"
    r"refused) to be (?:named|identified)|requested anonymity|not authori[sz]ed to|unnamed|"
    r"anonymous)\b"
)
# A country or people named before "officials"/"authorities": "Chinese officials", "U.S.
# officials" (a count or an article is not a country: "Two diplomats", "The officials")
NATIONAL_OFFICIALS = re.compile(
    r"(?:\b(?!(?:The|A|An|Two|Three|Four|Five|Several|Some|Many|Senior|Top)\b)"
    r"[A-Z][\w.'-]*+ )++(?:officials|authorities|government|leaders|diplomats)\b"
)
OFFICIALS = _ci(
    r"\b(?:officials?|sources?|people familiar|person familiar|people with knowledge|"
    r"person with knowledge|people briefed|person briefed|insiders?|aides?|spokes(?:man|woman|"
    r"person)|diplomats?|delegates?|negotiators?)\b"
)
# Words that say nothing about whose an official is: "two senior officials", "a source"
ANONYMOUS_FILLER = _ci(
    r"\b(?:the|a|an|one|two|three|four|several|some|many|other|another|senior|top|former|"
    r"high-ranking|unnamed|anonymous|officials?|sources?|people|person|familiar|with|"
    r"knowledge|briefed|on|of|the|matter|situation|plans?|talks|insiders?|aides?|"
    r"spokes(?:man|woman|person)|diplomats?|delegates?|negotiators?|who|spoke|speaking|"
    r"condition|anonymity|declined|asked|not|to|be|named|identified|authori[sz]ed|because|"
    r"they|were|was|discuss|publicly|private|internal|deliberations|close)\b"
)
# A people or region adjective: "a senior Western official", "a European diplomat"
DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:ern|ean|an|ese|ish|ian|i)\b")
NOT_WORDS = re.compile(r"[\W\d]+")  # what is left once the filler words are gone
# An apposition that says what kind of organisation a name is, which a reader believes over
# the words of the name: "a think tank", "a Britain-based monitoring group", "the state's
# largest utility", "which runs 1,300 food banks" (not whom a person works for: "a
# spokesman for ...", "an epidemiologist at ...", which a name's own words outrank)
KIND_DESCRIPTION = _ci(
    r"(?:(?:an?|the)\s(?!(?:[\w'-]+\s)*?(?:spokes\w+|officials?|members?|staff|employees?|"
    r"workers?|executives?|directors?|heads?|officers?)\b)|which\s(?:runs|operates|manages)\s)"
)
# Plural heads that make a phrase a group: "officials", "experts", "residents"
GROUP_HEAD = _ci(
    r"\b(?:officials|sources|experts|analysts|diplomats|authorities|police|residents|"
    r"researchers|scientists|firefighters|rescuers|organi[sz]ers|activists|witnesses|"
    r"economists|forecasters|lawmakers|prosecutors|investigators|doctors|medics|"
    r"paramedics|volunteers|troops|soldiers|workers|people|leaders|members|aides|insiders|"
    r"delegates|villagers|critics)$"
)
ORG_HEAD = re.compile(
    r"\b(?:States|Kingdom|Ministry|Council|Department|Government|Republic|Federation|Union|"
    r"Office|House|Agency|Army|Forces|Command|Parliament|Committee|Service|Bureau|Institute|"
    r"University|Inc|Corp|Company|Association|Foundation|Commission|Authority|Center|Centre)\b"
)
PERSON_ROLE = _ci(
    r"\b(?:spokes(?:man|woman|person)|minister|president|secretary|ambassador|governor|"
    r"director|coordinator|adviser|advisor|chief|commander|general|official|leader|envoy|"
    r"mayor|premier|chancellor|king|queen|he|she|professor|economist|analyst|researcher|"
    r"scientist|manager|executive|sheriff|officer|woman|man|resident|witness|expert|"
    r"survivor|owner|founder|head|chairman|chairwoman|captain|judge|lawmaker|senator|"
    r"commissioner|councill?or|treasurer|clerk|coach|superintendent|principal|master|examiner|"
    r"teacher|headteacher|forecaster|meteorologist|astronomer|volunteer|lawyer|attorney|"
    r"striker|player|captain|goalkeeper|midfielder|defender|farmer|nurse|doctor)\b"
)


def is_anonymous(phrase: str, description: str = "") -> bool:
    """True when the phrase, or the apposition of a phrase that names no person, says the
    source is unnamed: "a hospital source", "two officials, who asked not to be named"."""
    if ANONYMOUS_MARKER.search(phrase[:MAX_PHRASE_CHARS]):
        return not person_name(phrase)
    if description and ANONYMOUS_MARKER.search(description[:MAX_PHRASE_CHARS]):
        return not (person_name(phrase) or looks_like_full_name(phrase))
    return False


@lru_cache(maxsize=8192)
def generic_type(phrase: str, description: str = "") -> str:
    """The generic source type (:data:`helpers.vocabulary.SOURCE_TYPES`) of a speaker phrase.

    ``description`` is what the text says of the speaker elsewhere (an apposition: "an
    epidemiologist at the state university"); see the module docstring for the order.
    """
    phrase = phrase[:MAX_PHRASE_CHARS].strip()
    description = description[:MAX_PHRASE_CHARS]
    if not phrase:
        return v.OUTLET_ITSELF
    if document_head(phrase):
        return v.DOCUMENT
    if is_anonymous(phrase, description):
        return v.ANONYMOUS_OFFICIAL
    name = person_name(phrase) or described_person(phrase)  # "Town manager Ellen Park",
    # "the Met Office forecaster Tom Biggs": type the words around the name
    if description and not name and KIND_DESCRIPTION.match(description):
        found = institution_type(description)  # "the Resolution Trust, a think tank"
        if found and not looks_like_full_name(phrase):
            return found
    found = institution_type(phrase.replace(name, " ") if name else phrase)
    if found:
        return found
    titled, strength = title_type(phrase)
    if titled and strength == STRONG:
        return titled
    found = institution_type(description) if description else ""
    if found:
        return found
    if titled and strength == WEAK:
        return titled
    if NATIONAL_OFFICIALS.search(phrase):
        return v.GOVERNMENT
    if OFFICIALS.search(phrase):
        rest = ANONYMOUS_FILLER.sub(" ", DEMONYM.sub(" ", phrase).lower())
        if not NOT_WORDS.sub("", rest):
            return v.ANONYMOUS_OFFICIAL
    return v.OTHER


@lru_cache(maxsize=8192)
def generic_kind(phrase: str) -> str:
    """Whether a phrase names a person, a group, an organisation, an outlet or a document."""
    phrase = phrase[:MAX_PHRASE_CHARS].strip(" ,;:.\"'")
    if document_head(phrase):
        return DOCUMENT
    institution = institution_type(phrase)
    if institution == v.MEDIA:
        return OUTLET
    cut = AFFILIATION.search(phrase)
    if cut:  # the kind is the main part's: "Det. Laura Fenn | of Thames Valley Police",
        main = phrase[: cut.start()]  # "A spokeswoman | for Harlow Council" (persons)
        if GROUP_HEAD.search(main):
            return GROUP
        last = main.rsplit(" ", 1)[-1].removesuffix("'s")
        if person_name(main) or PERSON_ROLE.fullmatch(last):
            return PERSON
    if GROUP_HEAD.search(phrase):
        return GROUP
    if person_name(phrase) or re.match(HONORIFIC + r" ", phrase):
        return PERSON
    if ORG_HEAD.search(phrase):
        return ORG
    words = phrase.split()
    if words and PERSON_ROLE.fullmatch(words[-1].removesuffix("'s")):
        return PERSON  # "the mayor", "the company's chief financial officer"
    if institution not in ("", v.OTHER):
        return ORG  # "Orchid Airlines", "Mercy General Hospital"
    if institution and words and words[-1].lower() in ORG_NAME_WORDS:
        return ORG  # "the Northern Premier Hockey League" ("Premier" is no premier)
    if PERSON_ROLE.search(phrase) or looks_like_full_name(phrase):
        return PERSON
    if not institution and words and role_word(words[-1]):
        return PERSON  # "a ranger", "the hydrologist": a role no table lists (not "the operator")
    return ORG
