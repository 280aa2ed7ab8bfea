"""The forms of a speaker phrase: titles, honorifics, a person's name, acronyms, the canonical form.

Pure string work on one speaker phrase, with no knowledge of any study:

>>> canonical_form("said Ms. Rivera".removeprefix("said "))
'Rivera'
>>> canonical_form("Police Chief John Smith")
'John Smith'
>>> canonical_form("the Federal Emergency Management Agency (FEMA)")
'Federal Emergency Management Agency'
>>> surname_of("Dr. Ana Ortiz")
'Ortiz'
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.claims.titles import is_title, opens_name, role_word, title_forms

# Longest speaker phrase looked at, in characters: longer text is not a name (keeps every
# pattern below working on bounded input).
MAX_PHRASE_CHARS = 300

# Honorifics before a name: "Mr.", "Ms", "Mrs.", "Dr.", "Prof.", "Sir", "Dame", "Rev."
HONORIFIC = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Rev|Hon)\.?"
# Titles written before a name, capitalised: "Gov.", "Sen.", "Police Chief", "Secretary" (and
# every title of :mod:`helpers.claims.titles`: "Supt", "Cllr", "Nurse")
_WORDS = frozenset(
    """president vice prime minister secretary governor gov. gov mayor senator sen. sen
    representative rep. rep congressman congresswoman general gen. gen lt. lt col. col maj. maj
    capt. capt sgt. sgt cmdr. adm. admiral chief sheriff judge justice commissioner director
    chancellor king queen prince princess pope ambassador professor prof. superintendent
    inspector deputy speaker chairman chairwoman chair ceo councilman councilwoman councillor
    councilor officer detective trooper sergeant captain lieutenant colonel major commander
    marshal spokesman spokeswoman spokesperson spokespeople premier president-elect leader
    minister-president administrator coordinator head founder executive manager analyst
    economist researcher scientist attorney lawyer dean rector provost coach""".split()
)
TITLE_WORDS = _WORDS | title_forms()
# Titles that are also given names: before a lone surname they open a full name ("Dean Okoro",
# "Prince Adebayo"); before a full name they are titles ("Dean Ann Ross of the law school")
GIVEN_NAME_TITLES = frozenset({"dean", "prince"})
# Words that make a capitalised run an organisation, not a person: "Fire Department"
ORG_NAME_WORDS = frozenset(
    """department ministry agency office service services bureau council commission committee
    government administration authority police army navy force forces command university
    institute institution college school hospital center centre foundation fund union
    association society group company corporation inc inc. corp corp. ltd ltd. llc plc bank
    news times post journal network party court assembly parliament congress senate house
    organisation organization board county city state republic kingdom federation
    department's ministry's airport airlines airways hospital clinic league club motors energy
    holdings industries technologies foods capital partners pharmaceuticals confederation
    automotive logistics insurance""".split()
)
# A capitalised name token: "Rivera", "O'Neill", "Smith-Jones", an initial "F." or "al-Sadr"
NAME_TOKEN = re.compile(r"(?:[A-Z][\w'-]*+\.?|(?:al|el|bin|ibn|de|van|von|der|du|da|di|la|le)-?)")
# A parenthesised acronym after a name: "(FEMA)", "(U.N.)", "(ICRC)"
ACRONYM_IN_PARENS = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z.&]{1,11})\)")
# A party and state after a lawmaker's name: "(R-Ohio)", "(D-Mich.)", "(I-Vt.)"
PARTY_TAG = re.compile(r"\s*+\([A-Z][a-z]{0,3}\.?-[A-Z][A-Za-z. ]{0,20}\)")
# A party and state as an apposition: "R-Texas", "D-N.M."
PARTY_STATE = re.compile(r"[A-Z][a-z]{0,3}\.?-[A-Z][A-Za-z.]*+(?: [A-Z][A-Za-z.]*+)?")
# A relative clause after a speaker, left out of its canonical form: "officials | who spoke
# on condition of anonymity"
RELATIVE_CLAUSE = re.compile(r"\s(?:who|whom|which)\s.*$")
# An abbreviation that ends a name and keeps its period: "Acme Inc.", "Jones Jr."
CLOSING_ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros)$")
# Where a person's affiliation starts: "Lt. Maria Santos | of the fire department"
AFFILIATION = re.compile(r"\s(?:of|at|for|with|from)\s")
# A descriptor before an organisation's name: "the rights group Human Rights Watch" (not "a
# spokesperson for Acme": no preposition in a descriptor)
DESCRIBED_NAME = re.compile(
    r"^(?i:the|a|an)\s(?P<descriptor>(?:(?!(?:of|for|at|with|from|in|on|by|to)\s)[a-z][\w'-]*+"
    r"\s)+)(?P<name>[A-Z][\w'&.-]*+(?:\s(?:of|for|and|the|du|de|des|&)?\s?[A-Z][\w'&.-]*+)*+)$"
)
# A descriptor capitalised because it opens a sentence, then a name: "Aid group Médecins du
# Monde", "Rights group Amnesty International" (a capitalised word, lower-case words, a name)
OPENING_DESCRIPTOR = re.compile(
    r"(?!(?:The|A|An|Its|Their|His|Her)\s)[A-Z][a-z'-]*+(?:\s(?!(?:of|for|at|with|from|in|on|by|"
    r"to|and)\s)[a-z][\w'-]*+)+\s[A-Z][\w'&.-]*+(?:\s(?:of|for|and|the|du|de|des|&)?\s?[A-Z]"
    r"[\w'&.-]*+)*+$"
)
# The words of a company's name that news drops on second mention: "Marlowe Energy" -> "Marlowe"
COMPANY_TAIL = re.compile(
    r"(?:\s(?:Inc\.?|Corp\.?|Co\.|Ltd\.?|LLC|PLC|plc|Group|Holdings|Energy|Airlines|Airways|"
    r"Motors|Foods|Capital|Partners|Pharma|Pharmaceuticals|Technologies|Industries|"
    r"Enterprises|Logistics|Insurance|Bancorp))++$"
)
LOWER_WORD = re.compile(r"[a-z][\w'-]*+")  # a descriptor's word: "forecaster", "farmer"
# Words that qualify a name rather than describe it: "the state Office of Emergency Management"
QUALIFIERS = frozenset(
    """state county city federal national regional local provincial municipal district
    borough town new former then acting interim""".split()
)
# Counts and quantifiers dropped from a group: "two senior officials" -> "senior officials"
LEADING_COUNT = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|a few|\d+)\s++",
    re.IGNORECASE,
)
# Leading words dropped from any phrase for its canonical form: "the", "a", "an", "its" (and
# the "by" of an agent: "A third count, by Tally Partners, found")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an|its|their|his|her|by)\s++", re.IGNORECASE)
# Whitespace runs, and the punctuation trimmed from both ends of a phrase
SPACES = re.compile(r"\s++")
TRIM = " ,;:.\"'"


@lru_cache(maxsize=16384)
def tidy(phrase: str) -> str:
    """Collapse whitespace and trim punctuation: ``'  "the mayor," '`` -> ``'the mayor'``.

    The period of a closing abbreviation stays: "Acme Widgets Inc.".
    """
    phrase = SPACES.sub(" ", phrase[:MAX_PHRASE_CHARS]).strip(TRIM)
    if CLOSING_ABBREVIATION.search(phrase):
        phrase += "."
    return phrase


def acronym_of(phrase: str) -> tuple[str, str]:
    """Split ``"the Federal Emergency Management Agency (FEMA)"`` into the name and ``"FEMA"``."""
    match = ACRONYM_IN_PARENS.search(phrase)
    if not match:
        return phrase, ""
    name = (phrase[: match.start()] + phrase[match.end() :]).strip()
    return name, match.group("acronym")


def _is_title(word: str) -> bool:
    key = word.lower().rstrip(",")
    return key in TITLE_WORDS or is_title(key) or re.fullmatch(HONORIFIC, word) is not None


@lru_cache(maxsize=8192)
def person_name(phrase: str) -> str:
    """The person's name a phrase ends with once titles are dropped, or "".

    "Police Chief John Smith" -> "John Smith"; "Ms. Rivera" -> "Rivera"; "spokesperson Ana
    Ruiz" -> "Ana Ruiz"; "the Fire Department" -> "" (an organisation); "Rivera" -> "".
    A bare capitalised word is not taken for a person: nothing marks it as one.
    """
    text = PARTY_TAG.sub("", tidy(phrase))
    affiliation = AFFILIATION.search(text)
    words = (text[: affiliation.start()] if affiliation else text).split(" ")
    if len(words) < 2:
        return ""
    last_title = -1
    leading = True  # only titles and qualifiers so far: "Deputy", "City"
    for index, word in enumerate(words):
        if _is_title(word) or (leading and index < len(words) - 2 and role_word(word)):
            last_title = index  # a role no table lists before a full name counts as a title:
            # "Hydrologist Pieter de Vries", "City Auditor Grace Tembo"
        elif word.lower() not in QUALIFIERS:
            leading = False
    if last_title < 0:
        return ""
    name = words[last_title + 1 :]
    if len(name) == 1 and (
        words[last_title].lower() in GIVEN_NAME_TITLES or opens_name(words, last_title)
    ):
        name = words[last_title:]  # "(Coach) Dean Okoro": a given name, not a lone surname's title
    if not (1 <= len(name) <= 4) or not all(NAME_TOKEN.fullmatch(w) for w in name):
        return ""
    if any(w.lower() in ORG_NAME_WORDS for w in name) or not name[-1][:1].isupper():
        return ""
    return " ".join(name)


def looks_like_full_name(phrase: str) -> bool:
    """True for two to four capitalised name words with no organisation word: "Ana Ortiz"."""
    words = tidy(phrase).split(" ")
    return (
        2 <= len(words) <= 4
        and words[0] not in {"The", "A", "An"}
        and all(NAME_TOKEN.fullmatch(w) and w[:1].isupper() for w in words)
        and not any(w.lower() in ORG_NAME_WORDS or _is_title(w) for w in words)
    )


def described_person(phrase: str) -> str:
    """The name after a lower-case descriptor, or "": "farmer Owen Lake" -> "Owen Lake",
    "the county clerk Jane Doe of Ross County" -> "Jane Doe" (a qualifier such as "state"
    or a capitalised word before the name keeps the phrase whole)."""
    affiliation = AFFILIATION.search(phrase)
    words = (phrase[: affiliation.start()] if affiliation else phrase).split(" ")
    start = 1 if words and words[0].lower() in {"the", "a", "an"} else 0
    while start < len(words) - 3 and words[start][:1].isupper():
        start += 1  # an organisation before the descriptor: "the Met Office | forecaster X Y"
    index = start
    while index < len(words) and LOWER_WORD.fullmatch(words[index]):
        index += 1
    if index == start or words[index - 1] in QUALIFIERS:
        return ""
    name = " ".join(words[index:])
    return name if looks_like_full_name(name) else ""


@lru_cache(maxsize=8192)
def surname_of(phrase: str) -> str:
    """The last word of a person's name: "Dr. Ana Ortiz" -> "Ortiz" ("" if not a name)."""
    name = person_name(phrase) or (tidy(phrase) if looks_like_full_name(phrase) else "")
    return name.split(" ")[-1] if name else ""


@lru_cache(maxsize=8192)
def canonical_form(phrase: str) -> str:
    """The canonical form of a speaker phrase no study knows.

    A person's name loses its titles and honorifics ("Gov. Tom Hale" -> "Tom Hale"), an
    organisation its parenthesised acronym, and any phrase its leading article ("the county
    fire officials" -> "county fire officials").
    """
    text = tidy(phrase)
    if not text:
        return ""
    text = acronym_of(text)[0]
    name = person_name(text)
    if name:
        return name
    affiliation = AFFILIATION.search(text)  # "Anna Pike of the Woodland Trust"
    if affiliation and looks_like_full_name(text[: affiliation.start()]):
        return text[: affiliation.start()]
    if OPENING_DESCRIPTOR.match(text):  # "Aid group Médecins du Monde" opening a sentence
        text = "the " + text[0].lower() + text[1:]
    described = DESCRIBED_NAME.match(text)
    if described and described.group("descriptor").split()[-1].lower() not in QUALIFIERS:
        return described.group("name")
    person = described_person(text)
    if person:
        return person
    text = RELATIVE_CLAUSE.sub("", text) or text
    text = LEADING_ARTICLE.sub("", text)
    return tidy(LEADING_COUNT.sub("", text)) or tidy(text)


@lru_cache(maxsize=8192)
def short_name(canonical: str) -> str:
    """The name a company goes by on second mention: "Marlowe Energy" -> "Marlowe" ("" if
    it has no trade word to drop, or nothing would be left)."""
    match = COMPANY_TAIL.search(canonical)
    short = canonical[: match.start()].strip() if match else ""
    return short if short[:1].isupper() and short.lower() not in {"the", "a"} else ""


@lru_cache(maxsize=8192)
def initials_of(canonical: str) -> str:
    """The acronym of an organisation's name of three or more capitalised words: "Federal
    Bureau of Investigation" -> "FBI" ("" otherwise)."""
    words = [w for w in canonical.split() if w not in {"of", "for", "and", "the", "on", "&"}]
    if len(words) < 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words)
