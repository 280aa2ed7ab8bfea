"""Institutions by their head nouns: the table that types "the airport", "the county fire
department", "a spokesperson for the supermarket chain" or "the hospital's lawyers".

:data:`FAMILIES` is a table of head-noun families, each with the generic source type it gives
and the types it *passes on*. A phrase is read the way a reader finds its head:

1. the phrase is cut at its first preposition ("Officials | at the port", "Department | of
   Energy", "Economists | polled by Reuters") into a main part and a complement;
2. in the main part, the family whose words end furthest right is the head ("the airport
   authority" is an authority, "the port operator" an operator); of two ending at the same
   word the longer wins ("food bank" over "bank", "fire department" over "department");
3. a head that passes types on defers to a modifier of such a type, before it in the main
   part or in the complement: "the emergency management agency" is emergency services,
   "the Federation of Small Businesses" a company (an industry body), "the league's
   commissioner" takes the league's type, "the hospital's lawyers" the hospital's;
4. a main part whose head word has no type (officials, monitors, a spokesperson, a name)
   takes the complement's type ("Officials at the port", "Supt Gareth Lloyd of South Wales
   Police"), else the type of a typed modifier in it ("county officials").

>>> institution_type("the airport authority"), institution_type("the hospital group")
('government', 'company')
>>> institution_type("The county emergency management agency")
'police/emergency services'
>>> institution_type("a spokesperson for the supermarket chain")
'company'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from helpers import vocabulary as v

GOV, MIL, POL, INTL = v.GOVERNMENT, v.MILITARY, v.POLICE_EMERGENCY, v.INTERNATIONAL_ORGANISATION
CIV, CO, EXP, MED, OTH = v.CIVIL_SOCIETY, v.COMPANY, v.EXPERT, v.MEDIA, v.OTHER
ANY = "*"  # passes every type on: a role or a word that says nothing by itself
OWNERS = (
    "'s"  # passes on the type of an owner only: "the company's board", not "the hospital board"
)
PUBLIC = (POL, MIL, INTL)  # what a government office passes on ("fire department")

# The head-noun families: (head nouns, type, types passed on, note), read from the data file
# beside this module (sourcewords.yml); patterns are case-insensitive regex alternations matched
# as whole words, except the families marked cased (names, acronyms, the words of names).
FAMILIES_FILE = Path(__file__).with_name("sourcewords.yml")
Family = tuple[str, str, tuple[str, ...] | str, str]


def _read_families(path: Path = FAMILIES_FILE) -> tuple[tuple[Family, ...], tuple[Family, ...]]:
    """The (case-insensitive, case-sensitive) families of the data file, in its order."""
    known = set(v.SOURCE_TYPES) | {""}
    plain: list[Family] = []
    cased: list[Family] = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["families"]:
        passes = entry.get("passes", [])
        passes = (
            {"any": ANY, "owners": OWNERS}.get(passes, passes)
            if isinstance(passes, str)
            else tuple(passes)
        )
        types = [entry["type"], *(passes if isinstance(passes, tuple) else ())]
        if not set(types) <= known:
            raise ValueError(f"{path}: unknown source type in {entry!r}")
        family = ("|".join(entry["words"]), entry["type"], passes, entry.get("note", ""))
        (cased if entry.get("cased") else plain).append(family)
    return tuple(plain), tuple(cased)


FAMILIES, CASED_FAMILIES = _read_families()


def _read_context(path: Path = FAMILIES_FILE) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The context cues of the data file: (type, pattern of its words) per entry."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")).get("context", [])
    for entry in entries:
        if entry["type"] not in v.SOURCE_TYPES:
            raise ValueError(f"{path}: unknown source type in {entry!r}")
    return tuple(
        (entry["type"], re.compile(rf"\b(?:{'|'.join(entry['words'])})\b", re.IGNORECASE))
        for entry in entries
    )


# What the sentence around an unknown name says it is: "Tesco said like-for-like sales rose"
CONTEXT = _read_context()


def context_type(sentence: str) -> str:
    """The source type the words of ``sentence`` suggest for a name no table knows, or ""."""
    for source_type, pattern in CONTEXT:
        if pattern.search(sentence):
            return source_type
    return ""


# Where a main part ends and its complement starts: "Officials | at the port"
COMPLEMENT = re.compile(
    r"\s(?:of|for|at|from|in|with|within|on behalf of|(?:polled|surveyed|interviewed|"
    r"quoted|cited|hired|employed|commissioned|contacted) by)\s"
)


TRIM = " ,;:.'\""  # punctuation around a phrase


def _compile(entries, flags: int) -> tuple[tuple[re.Pattern[str], str, tuple | str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", flags), source_type, passes)
        for words, source_type, passes, _ in entries
    )


_COMPILED = _compile(FAMILIES, re.IGNORECASE) + _compile(CASED_FAMILIES, 0)


def _matches(text: str) -> list[tuple[int, int, str, tuple | str]]:
    """Every family match in ``text``: (start, end, type, passes)."""
    found = []
    for pattern, source_type, passes in _COMPILED:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), source_type, passes))
    return found


def _head(found: list) -> tuple[int, int, str, tuple | str] | None:
    """The family that ends furthest right, the longer of two ending together."""
    if not found:
        return None
    return max(found, key=lambda m: (m[1], -m[0]))


def _passes(passes: tuple | str, source_type: str) -> bool:
    return bool(source_type) and (passes in (ANY, OWNERS) or source_type in passes)


@lru_cache(maxsize=8192)
def institution_type(phrase: str) -> str:
    """The generic source type the head nouns of ``phrase`` give, or "" when none does.

    See the module docstring for how the head is found. A family that runs across the cut
    belongs to the main part: "the Ministry of Defence", "the Chamber of Commerce".
    """
    text = phrase[:300].rstrip(TRIM)
    cut = COMPLEMENT.search(text)
    cut_start = cut.start() if cut else len(text)
    found = _matches(text)
    main = [m for m in found if m[0] < cut_start]
    spans_cut = max([cut_start, *(m[1] for m in main)])
    rest = text[max(cut.end(), spans_cut) :] if cut else ""
    complement = institution_type(rest) if rest.strip() else ""  # a shorter text: it ends
    head = _head(main)
    main_end = max(len(text[:cut_start].rstrip(TRIM)), spans_cut)
    if head is not None and head[2] and head[1] >= main_end - len("'s"):
        # the head word itself is typed: it decides, unless it passes a modifier's type on
        before = [m for m in main if m[1] <= head[0] and _passes(head[3], m[2])]
        owners = [m for m in before if text.startswith("'", m[1])]  # "the UN's coordinator"
        if owners or (before and head[3] != OWNERS):
            ruling = _head(owners or before)
            assert ruling is not None  # owners or before is not empty here
            return ruling[2]
        if head[3] == OWNERS:
            return head[2]
        return complement if _passes(head[3], complement) else head[2]
    if complement:
        return complement  # "Officials at the port", "a spokesperson for the chain"
    typed = [m for m in main if m[2]]
    owners = [m for m in typed if text.startswith("'", m[1])]  # "the UN's humanitarian chief"
    if not typed:
        return ""
    ruling = _head(owners or typed)
    assert ruling is not None  # typed is not empty
    return ruling[2]
