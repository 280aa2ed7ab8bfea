"""Generic source types and speaker kinds from the form of a phrase, for news about anything.

:func:`generic_type` reads a speaker phrase (with its apposition, if any) the way a reader
types an unknown source: by its words. Categories are tried in a fixed order, the first that
fits wins: a document ("the report", "data collected by the agency"), the media, an
international organisation, police and emergency services, the military, experts, civil
society, companies, government, anonymous officials, then "other".

>>> generic_type("county fire officials")
'police/emergency services'
>>> generic_type("the think tank")
'expert'
>>> generic_type("Acme Widgets Inc.")
'company'

:func:`generic_kind` says whether a phrase names a person, a group, an organisation, an outlet
or a document, so that "he", "they", "it" and "the report" can be resolved.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers import vocabulary as v
from helpers.claims.labels import DOCUMENT, GROUP, ORG, OUTLET, PERSON
from helpers.claims.names import HONORIFIC, MAX_PHRASE_CHARS, looks_like_full_name, person_name


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Nouns that make a phrase a document: "the report", "data", "census figures", "a statement"
DOCUMENT_NOUNS = frozenset(
    """report reports study studies survey surveys poll polls analysis analyses data dataset
    figures statistics stats census audit review assessment estimate estimates statement
    statements filing filings document documents records indictment complaint lawsuit memo
    letter release bulletin update dashboard database index forecast forecasts projections
    model tally count ranking inventory investigation paper research findings numbers tallies
    readings transcript assessments briefing notice post images imagery photos footage logs
    website site tracker map maps""".split()
)
# Where the head of a noun phrase ends: "data | collected by the agency", "report | by GAO"
HEAD_END = _ci(
    r"\s(?:by|from|of|for|at|in|on|with|released|published|collected|compiled|issued|"
    r"obtained|seen|reviewed|prepared|produced|who|that|which|shared|posted|cited|made|"
    r"polled|surveyed|analy[sz]ed|\w+ed\s+by)\b"
)
# Nouns that make the words before a document its author: "government data", "police figures"
AUTHOR_NOUNS = frozenset(
    """government police ministry department agency company council county city state federal
    army military union industry hospital court university""".split()
)
# An author inside a document phrase: "report by the GAO", "data from the county"
DOCUMENT_AUTHOR = _ci(r"\b(?:by|from)\s++(?P<author>.+)$")
# The media: "the broadcaster", "a news agency", "state television", mastheads
MEDIA = _ci(
    r"\b(?:news(?:papers?)?|news ?agenc(?:y|ies)|newswires?|wire services?|broadcasters?|"
    r"television|TV|radio|magazines?|tabloids?|outlets?|publications?|state media|media)\b"
)
MASTHEAD = re.compile(  # case-sensitive: "The Daily Herald", "Reuters", "the Post"
    r"\b(?:Times|Post|Journal|Tribune|Herald|Gazette|Telegraph|Guardian|Chronicle|Observer|"
    r"Inquirer|Courier|Reuters|Bloomberg|Associated Press|Agence France-Presse|AFP|BBC|NPR)\b"
)
INTERNATIONAL = _ci(
    r"\b(?:United Nations|World (?:Health|Food|Trade|Meteorological) Organi[sz]ation|"
    r"World Bank|World Food Programm?e|International (?:Monetary Fund|Energy Agency|Atomic "
    r"Energy Agency|Labou?r Organi[sz]ation|Organi[sz]ation for Migration|Criminal Court|Court "
    r"of Justice)|European (?:Union|Commission|Central Bank|Parliament)|African Union|"
    r"Interpol|Europol|peacekeep\w*|intergovernmental|UN agency|U\.N\. agency)\b"
)
INTERNATIONAL_ACRONYM = re.compile(  # case-sensitive: "UN", "WHO", "EU", "NATO"
    r"\b(?:UN|U\.N\.|WHO|EU|NATO|IMF|IAEA|OECD|OPEC|UNICEF|UNHCR|UNESCO|UNRWA|OCHA|WFP|IOM|"
    r"ILO|WTO|ICC|ASEAN|Eurostat)\b"
)
POLICE_EMERGENCY = _ci(
    r"\b(?:police\w*|constabulary|sheriff\w*|deputies|troopers?|highway patrol|state patrol|"
    r"gendarmerie|detectives?|fire ?(?:department|service|officials?|chief|marshal|crews?|"
    r"brigade|authorities|rescue|captain|district|agency|fighters?)|fire and rescue|"
    r"rescuers?|rescue (?:services?|teams?|workers?|officials|crews?)|paramedics?|ambulance|"
    r"emergency (?:services?|management|responders?|officials?|managers?|medical|workers?|"
    r"crews?|situations|operations)|first responders?|coast ?guard|lifeguards?|"
    r"civil (?:defen[cs]e|protection)|search and rescue|medics?|bomb squad|rangers?)\b"
)
MILITARY = _ci(
    r"\b(?:military|army|navy|naval|air force|armed forces|marines?|troops|soldiers?|"
    r"defen[cs]e (?:ministry|forces?|department|officials?|secretary|minister|chief|staff|"
    r"spokes\w+)|ministry of defen[cs]e|general staff|chiefs of staff|commanders?|brigades?|"
    r"battalions?|regiments?|militias?|Pentagon|war ministry|rebels?|insurgents?|guerrillas?|"
    r"paramilitar\w+)\b"
)
MILITARY_TITLE = re.compile(  # case-sensitive, before a name: "Gen. Ana Ruiz", "Col. Ito"
    r"(?<!Attorney )(?<!Surgeon )(?<!Secretary )(?<!Inspector )(?<!Solicitor )(?<!Auditor )"
    r"(?<!Governor )(?<!Director )(?<!Consul )\b(?:Gen\.|General|Lt\.|Col\.|Colonel|Maj\.|"
    r"Adm\.|Admiral|Brig\.|Sgt\.|Lieutenant|Commander) [A-Z]"
)
EXPERT = _ci(
    r"\b(?:professors?|researchers?|scientists?|economists?|analysts?|experts?|"
    r"scholars?|academics?|historians?|epidemiologists?|virologists?|statisticians?|"
    r"demographers?|seismologists?|climatologists?|volcanologists?|hydrologists?|lecturers?|"
    r"think[- ]tanks?|institutes?|institution|universit(?:y|ies)|college|school of|academy|"
    r"laborator(?:y|ies)|research (?:cent(?:er|re)|group|firm|institute|organi[sz]ation)|"
    r"consultan(?:cy|ts?)|analytics|observatory|forecasters? at|modell?ers?|professor)\b"
)
HONORIFIC_DOCTOR = re.compile(r"\b(?:Dr|Prof)\.? [A-Z]")  # "Dr. Ana Ortiz"
CIVIL_SOCIETY = _ci(
    r"\b(?:unions?|trade unions?|organi[sz]ers?|activists?|campaigners?|campaign groups?|"
    r"advocacy|advocates|rights groups?|human rights|watchdogs?|charit(?:y|ies)|"
    r"non-?profits?|non-?governmental|NGOs?|foundation|federation|coalition|alliance|"
    r"association|society|volunteers?|Red Cross|Red Crescent|Amnesty|Greenpeace|Oxfam|"
    r"Doctors Without Borders|Save the Children|church|diocese|civil society|protesters|"
    r"strikers|tenants|community groups?|relief (?:groups?|organi[sz]ations?|agencies)|"
    r"aid (?:groups?|organi[sz]ations?|agencies|workers?)|humanitarian\w*)\b"
)
COMPANY_SUFFIX = re.compile(  # case-sensitive legal forms: "Acme Inc.", "Foo Ltd", "Bar PLC"
    r"\b(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|GmbH|AG|SA|NV|L\.L\.C|S\.A|N\.V)(?:\.|\b)"
)
GOVERNMENT_INSTITUTION = _ci(
    r"\b(?:government|administration|ministr(?:y|ies)|minister|department|agency|"
    r"agencies|bureau|commission|parliament|congress|senate|treasury|central bank|"
    r"federal reserve|white house|kremlin|embassy|consulate|cabinet|regulators?|"
    r"statistics office|office of|attorney general|prosecutors?|courts?|judges?)\b"
)
COMPANY = _ci(
    r"\b(?:compan(?:y|ies)|firms?|corporations?|utilit(?:y|ies)|airlines?|airways|carriers?|"
    r"operators?|manufacturers?|makers?|automakers?|retailers?|insurers?|lenders?|banks?|"
    r"developers?|contractors?|producers?|suppliers?|exporters?|employers?|industry|"
    r"business(?:es)?|chief executive|CEO|executives?|shareholders?|investors?|brokerage|"
    r"startup|conglomerate|chain|refinery|factory|plant operator|grid operator|"
    r"Holdings|Airlines|Motors|Pharmaceuticals?|Technologies|Industries|Enterprises)\b"
)
GOVERNMENT = _ci(
    r"\b(?:governors?|mayors?|presidents?|prime minister|premier|chancellor|senators?|"
    r"representatives?|lawmakers?|legislators?|legislature|council\w*|"
    r"commissioners?|authorit(?:y|ies)|state|federal|county|city|municipal\w*|provinc\w+|"
    r"regional|local|national|public health|health officials|election officials|officials? "
    r"(?:in|of|from) (?:the )?(?:state|city|county|government)|kingdom|republic|country|"
    r"countries|capital|tribal|town|village|district|school board|secretary|spokes\w+ for the "
    r"(?:ministry|government|department|city|state|county))\b"
)
GOVERNMENT_TITLE = re.compile(r"\b(?:Gov|Sen|Rep|Amb|Cllr|Dept)\.\s")  # "Gov. Ellen Park"
# A country or people named before "officials"/"authorities": "Chinese officials"
NATIONAL_OFFICIALS = re.compile(
    r"(?:\b[A-Z][\w.'-]*+ )++(?:officials|authorities|government|leaders|diplomats)\b"
)
OFFICIALS = _ci(
    r"\b(?:officials?|sources?|people familiar|person familiar|people with knowledge|"
    r"person with knowledge|people briefed|person briefed|insiders?|aides?|spokes(?:man|woman|"
    r"person)|diplomats?)\b"
)
# Words that say nothing about whose an official is: "two senior officials", "a source"
ANONYMOUS_FILLER = _ci(
    r"\b(?:the|a|an|one|two|three|four|several|some|many|other|another|senior|top|former|"
    r"high-ranking|unnamed|anonymous|officials?|sources?|people|person|familiar|with|"
    r"knowledge|briefed|on|of|the|matter|situation|plans?|talks|insiders?|aides?|"
    r"spokes(?:man|woman|person)|diplomats?|who|spoke|speaking|condition|anonymity|"
    r"declined|asked|not|to|be|named|identified|authori[sz]ed|because|they|were|was|"
    r"discuss|publicly|private|internal|deliberations|close)\b"
)
# A people or region adjective: "a senior Western official", "a European diplomat"
DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:ern|ean|an|ese|ish|ian|i)\b")
# Plural heads that make a phrase a group: "officials", "experts", "residents"
GROUP_HEAD = _ci(
    r"\b(?:officials|sources|experts|analysts|diplomats|authorities|police|residents|"
    r"researchers|scientists|firefighters|rescuers|organi[sz]ers|activists|witnesses|"
    r"economists|forecasters|lawmakers|prosecutors|investigators|doctors|medics|"
    r"paramedics|volunteers|troops|soldiers|workers|people|leaders|members|aides|insiders)$"
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
    r"survivor|owner|founder|head|chairman|chairwoman|captain|judge|lawmaker|senator)\b"
)

# Categories in the order they are tried; the first that finds its words wins.
ORDERED_RULES: tuple[tuple[tuple[re.Pattern[str], ...], str], ...] = (
    ((MEDIA, MASTHEAD), v.MEDIA),
    ((INTERNATIONAL, INTERNATIONAL_ACRONYM), v.INTERNATIONAL_ORGANISATION),
    ((POLICE_EMERGENCY,), v.POLICE_EMERGENCY),
    ((MILITARY, MILITARY_TITLE), v.MILITARY),
    ((EXPERT, HONORIFIC_DOCTOR), v.EXPERT),
    ((CIVIL_SOCIETY,), v.CIVIL_SOCIETY),
    ((COMPANY_SUFFIX,), v.COMPANY),
    ((GOVERNMENT_INSTITUTION,), v.GOVERNMENT),
    ((COMPANY,), v.COMPANY),
    ((GOVERNMENT, GOVERNMENT_TITLE, NATIONAL_OFFICIALS), v.GOVERNMENT),
)


@lru_cache(maxsize=8192)
def document_head(phrase: str) -> bool:
    """True when the head noun of ``phrase`` is a document: "data collected by the agency"."""
    text = phrase[:MAX_PHRASE_CHARS].strip(" ,;:.\"'")
    cut = HEAD_END.search(text)
    head = (text[: cut.start()] if cut else text).split()
    if not head:
        return False
    word = head[-1].lower().removesuffix("'s").removesuffix("'")
    return word in DOCUMENT_NOUNS


def document_author(phrase: str) -> str:
    """The author named in a document phrase, or "": "a report by the GAO" -> "the GAO"."""
    text = phrase[:MAX_PHRASE_CHARS].strip(" ,;:.\"'")
    match = DOCUMENT_AUTHOR.search(text)
    if match and not document_head(match.group("author")):
        return match.group("author").strip(" ,;:.\"'")
    words = text.split()
    possessive = [i for i, w in enumerate(words) if w.endswith(("'s", "s'"))]
    if possessive:  # "the agency's data", "the county's figures"
        return " ".join(words[: possessive[-1] + 1]).removesuffix("'s").removesuffix("'")
    head = (text[: HEAD_END.search(text).start()] if HEAD_END.search(text) else text).split()
    modifiers = [w for w in head[:-1] if w.lower() not in {"the", "a", "an", "new", "latest"}]
    if modifiers and any(w.lower() in AUTHOR_NOUNS for w in modifiers):
        return " ".join(modifiers)  # "a government report", "police figures"
    capitalised = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in {"the", "a"}]
    if capitalised and len(capitalised) == len(words) - 1 - (words[0].lower() in {"the", "a"}):
        return " ".join(capitalised)  # "Census Bureau data"
    return ""


@lru_cache(maxsize=8192)
def generic_type(phrase: str, description: str = "") -> str:
    """The generic source type (:data:`helpers.vocabulary.SOURCE_TYPES`) of a speaker phrase.

    ``description`` is what the text says of the speaker elsewhere (an apposition: "an
    epidemiologist at the state university"); it is read after the phrase itself.
    """
    phrase = phrase[:MAX_PHRASE_CHARS].strip()
    if not phrase:
        return v.OUTLET_ITSELF
    if document_head(phrase):
        return v.DOCUMENT
    for text in (
        (phrase, f"{phrase}, {description[:MAX_PHRASE_CHARS]}") if description else (phrase,)
    ):
        for patterns, source_type in ORDERED_RULES:
            if any(p.search(text) for p in patterns):
                return source_type
    if OFFICIALS.search(phrase):
        rest = ANONYMOUS_FILLER.sub(" ", DEMONYM.sub(" ", phrase).lower())
        if not re.sub(r"[\W\d]+", "", rest):
            return v.ANONYMOUS_OFFICIAL
    return v.OTHER


@lru_cache(maxsize=8192)
def generic_kind(phrase: str) -> str:
    """Whether a phrase names a person, a group, an organisation, an outlet or a document."""
    phrase = phrase[:MAX_PHRASE_CHARS].strip(" ,;:.\"'")
    if document_head(phrase):
        return DOCUMENT
    if MEDIA.search(phrase) or MASTHEAD.search(phrase):
        return OUTLET
    if GROUP_HEAD.search(phrase):
        return GROUP
    if person_name(phrase) or re.match(HONORIFIC + r" ", phrase):
        return PERSON
    if ORG_HEAD.search(phrase):
        return ORG
    if PERSON_ROLE.search(phrase) or looks_like_full_name(phrase):
        return PERSON
    return ORG
