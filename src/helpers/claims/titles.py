"""Titles, ranks and honorifics written before a name, and what each says of its holder.

One table, :data:`TITLES`, lists every title the library knows, in the forms news writes them
(US style with a period, "Supt.", UK style without, "Supt"), with the generic source type a
title gives on its own and how strongly:

- ``strong``: the title names the holder's institution ("Gov.", "Sheriff", "Chief Constable");
- ``weak``: a default that what the text says of the holder overrides ("Dr." is an expert
  unless "the county's health officer" follows; "Sgt." and "Capt." are military unless "of the
  state police" follows);
- ``none``: the title says nothing of the institution ("Mr.", "Ms", "Mx.").

:mod:`helpers.claims.names` drops these titles from a name ("Det. Insp. Sarah Khan" ->
"Sarah Khan"); :mod:`helpers.claims.sourcetypes` reads their types.

>>> is_title("Supt.") and is_title("supt") and is_title("Cllr")
True
>>> title_type("Det Insp Sarah Khan")
('police/emergency services', 'strong')
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers import vocabulary as v
from helpers.claims.institutions import institution_type

STRONG, WEAK, NONE = "strong", "weak", "none"

# (forms, type, strength). Abbreviations are listed without their period: both "Supt." and
# "Supt" are read. Several-word titles ("chief constable") are matched before their parts.
TITLES: tuple[tuple[str, str, str], ...] = (
    # honorifics: no institution
    ("mr mrs ms mx miss sir dame lord lady hon", "", NONE),
    # government office holders (US and UK styles)
    ("gov governor lt-gov mayor deputy-mayor president vice-president premier chancellor "
     "senator sen representative rep congressman congresswoman assemblyman assemblywoman "
     "cllr councillor councilor councilman councilwoman alderman alderwoman commissioner "
     "secretary minister ambassador amb envoy consul judge justice magistrate "
     "attorney-general prosecutor comptroller auditor-general", v.GOVERNMENT, STRONG),
    ("inspector", v.POLICE_EMERGENCY, WEAK),  # a police rank, unless a building inspector
    ("superintendent", v.GOVERNMENT, WEAK),  # school superintendents (US); police say "Supt"
    ("principal headteacher headmaster headmistress", v.GOVERNMENT, WEAK),  # public schools
    # police, fire and emergency services
    ("supt insp det detective constable chief-constable pc dc ds di dci dsi sheriff "
     "undersheriff trooper officer police-chief fire-chief battalion-chief firefighter "
     "paramedic marshal fire-marshal chief-superintendent incident-controller",
     v.POLICE_EMERGENCY, STRONG),
    # military ranks that only the armed forces use
    ("gen general col colonel adm admiral brig brigadier cmdr commander vice-admiral "
     "rear-admiral air-marshal", v.MILITARY, STRONG),
    # ranks that police, fire services and coast guards share with the military
    ("sgt sergeant lt lieutenant capt captain cpl corporal maj pvt", v.MILITARY, WEAK),
    # academic and medical titles: experts unless the text says whom they work for
    ("dr doctor prof professor", v.EXPERT, WEAK),
    # clergy: churches and faith groups are civil society
    ("rev reverend father pastor bishop archbishop imam rabbi cardinal vicar chaplain canon "
     "deacon", v.CIVIL_SOCIETY, STRONG),
    ("sister brother", v.CIVIL_SOCIETY, WEAK),  # a nun or friar; a ward sister is a nurse
    # roles written before a name that say nothing of the institution
    ("ch acting interim former chief deputy chair chairman chairwoman director spokesman "
     "spokeswoman spokesperson head leader coordinator administrator manager executive ceo "
     "founder nurse coach "
     "dean rector provost inspector-general king queen prince princess pope "
     "speaker candidate nominee striker forward midfielder defender goalkeeper winger "
     "skipper general-secretary", "", NONE),
)  # fmt: skip

# Every form, lower-cased, hyphens for the spaces of several-word titles: "chief-constable"
_FORMS: dict[str, tuple[str, str]] = {
    form: (source_type, strength)
    for forms, source_type, strength in TITLES
    for form in forms.split()
}
# Titles that are also given names: right after a role, before a lone surname, they open
# the name ("Chief executive Bishop Harlan", "Coach King Ellis"); alone they stay titles
# ("Bishop Tutu", "Former Chancellor Merkel": "former" is no role)
GIVEN_AFTER_ROLE = frozenset("bishop chancellor king major judge marshal dean prince".split())
ROLES = frozenset(
    """executive ceo chairman chairwoman director spokesman spokeswoman spokesperson head
    leader coordinator administrator manager founder nurse coach candidate nominee striker
    forward midfielder defender goalkeeper winger skipper captain treasurer""".split()
)


# A word for what someone does, by its ending, for the roles no table lists: "Hydrologist",
# "Sprinter", "Forecaster", "Statistician", "Curator" (read only before a full name)
ROLE_ENDING = re.compile(r"[a-z]{3,}(?:ologist|ist|yst|ician|er|or)")
# Given names with those endings, which open a full name rather than describe its holder
GIVEN_LIKE_ROLES = frozenset(
    """peter christopher alexander jennifer heather spencer tyler skyler roger walter esther
    amber jasper oliver xavier javier hunter parker carter archer harper cooper tucker sawyer
    homer luther dexter chester lester webster baxter fletcher asher summer victor hector
    trevor connor conor taylor igor nestor eleanor salvador teodor theodor elmer rainer werner
    gunter dieter pieter reiner river piper ryder foster porter palmer turner fisher walker
    miller tudor junior isidor leonor kristoffer christer gunnar alistair schuyler jupiter
    ginger lavender winter oscar""".split()
)


def role_word(word: str) -> bool:
    """True for a word that says what someone does by its ending ("Hydrologist", "Sprinter"),
    not a given name ("Peter", "Victor")."""
    key = word.lower()
    return ROLE_ENDING.fullmatch(key) is not None and key not in GIVEN_LIKE_ROLES


def opens_name(words: list[str], index: int) -> bool:
    """True when ``words[index]`` is a given name after a role, before the last word, a lone
    surname: "Chief executive | Bishop | Harlan"."""
    return (
        0 < index == len(words) - 2
        and _key(words[index]) in GIVEN_AFTER_ROLE
        and _key(words[index - 1]) in ROLES
        and words[index + 1][:1].isupper()
    )


# A title word as written before a name: "Supt.", "Det", "Lt.", "Chief Constable"
TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z-]*+\.?")


def _key(word: str) -> str:
    return word.lower().rstrip(".,").removesuffix("-elect")  # "Mayor-elect" is a mayor's title


def is_title(word: str) -> bool:
    """True for a title, rank or honorific as written: "Supt.", "supt", "Mx.", "Governor"."""
    return _key(word) in _FORMS


@lru_cache(maxsize=4096)
def title_type(phrase: str) -> tuple[str, str]:
    """The source type and strength the titles of a phrase give, or ``("", "none")``.

    The titles are the run of title words before a capitalised name ("Det Ch Supt Helen
    Moss"; "the father of the boy" has none); a two-word title ("Chief Constable", "Police
    Chief") is read as one. The first title with a type decides, a strong one before a weak one.
    """
    words = phrase.split()
    found: list[tuple[str, str]] = []
    index = 0
    if words and words[0].lower() in {"the", "a", "an"}:
        index = 1
    while index < len(words):
        pair = "-".join(_key(w) for w in words[index : index + 2])
        if index + 1 < len(words) and pair in _FORMS:
            found.append(_FORMS[pair])
            index += 2
            continue
        key = _key(words[index])
        if key not in _FORMS or opens_name(words, index):
            break
        found.append(_FORMS[key])
        index += 1
    if index >= len(words) or not words[index][:1].isupper():
        return "", NONE  # no name follows: "the father of the boy", "a spokesman"
    if institution_type(" ".join(words[index:])):
        return "", NONE  # an institution's name: "General Motors", "the General Workers' Union"
    typed = [f for f in found if f[0]]
    for strength in (STRONG, WEAK):
        for source_type, level in typed:
            if level == strength:
                return source_type, level
    return "", NONE


def title_forms() -> frozenset[str]:
    """Every title form, lower-cased and without its period (for :mod:`helpers.claims.names`)."""
    return frozenset(f for f in _FORMS if "-" not in f)
