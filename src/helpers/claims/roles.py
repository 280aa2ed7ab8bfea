"""A person's source type from the paragraph around them, when their own words do not say it.

News names an organisation, then lets one of its people speak with no more than a role:
"Northamptonshire Fire and Rescue Service said ... Station manager Liam Carr said ...", "The
Nurses' Federation will ballot ... General secretary Maureen Cole said ...", "according to the
National Weather Service. Meteorologist Carla Benavidez said ...". :func:`typed_in_paragraph`
gives such a person the type of the organisation they serve:

- a role that serves someone ("manager", "chief engineer", "general secretary", "ranger"), in
  a phrase or apposition that names no institution of its own, takes the type of the last
  organisation of the paragraph, or of an organisation named by acronym in the phrase ("MTA
  chair Lorna Brisk");
- a forecaster or meteorologist speaks for the weather office of the paragraph;
- a chancellor with a university, college or campus in the paragraph is an academic.

Anyone else keeps the type their words gave them ("Jo Bloggs, a farmer" stays "other").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from helpers import vocabulary as v
from helpers.claims.history import History
from helpers.claims.institutions import institution_type
from helpers.claims.labels import ORG, PERSON
from helpers.claims.model import Speaker
from helpers.claims.names import person_name
from helpers.study import Study

# Roles held in someone's service: "station manager", "chief engineer", "a ranger", "its
# country director", "general secretary" (not "a farmer", "a resident": people on their own)
SERVING = re.compile(
    r"\b(?:manager|director|chief|head|chair(?:man|woman|person)?|secretary|engineer|officer|"
    r"ranger|warden|inspector|coordinator|administrator|supervisor|controller|organi[sz]er|"
    r"treasurer|spokes(?:man|woman|person)|executive|commander|clerk|staff|employee|agent|"
    r"deputy|planner|surveyor|registrar|lawyer|counsel)s?\b",
    re.IGNORECASE,
)
WEATHER_ROLE = re.compile(r"\b(?:forecasters?|meteorologists?)\b", re.IGNORECASE)
WEATHER_OFFICE = re.compile(
    r"\b(?:met office|weather (?:service|bureau|office|agency)|meteorolog\w*|bureau of "
    r"meteorology)\b",
    re.IGNORECASE,
)
CHANCELLOR = re.compile(r"\b(?:vice[- ])?chancellor\b", re.IGNORECASE)
CAMPUS = re.compile(
    r"\b(?:universit(?:y|ies)|college|campus|tuition|undergraduates?|faculty)\b", re.IGNORECASE
)
# A role in apposition before the name it describes: "A ranger, | Tess Moyo, said"
LEAD_ROLE = re.compile(
    r"\b(?:A|An|The|Its|Their)\s(?P<role>[a-z][\w'-]*+(?:\s[a-z][\w'-]*+){0,3}),\s$"
)
ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")  # "MTA", "NHS"
# An organisation named in passing: "the county roads department", "Harwick Water Board"
ORGANISATION = re.compile(
    r"\b(?:(?:the|an?)\s(?:[\w'&-]+\s){0,4}?|(?:[A-Z][\w'&-]*+\s){1,4})(?i:department|"
    r"ministry|agency|office|service|bureau|council|commission|authority|board|trust|charity|"
    r"union|federation|association|company|corporation|firm|utility|police|brigade|"
    r"university|hospital)\b"
)
NOT_THEIRS = (v.OTHER, v.DOCUMENT, v.MEDIA, v.ANONYMOUS_OFFICIAL, v.OUTLET_ITSELF)


def typed_in_paragraph(speaker: Speaker, history: History, text: str, end: int) -> Speaker:
    """``speaker`` with the type the paragraph gives a person of no type of their own.

    The paragraph is ``text`` from ``history.paragraph_start`` to ``end``, the end of the
    speaker's sentence; ``history`` knows the parties met so far (see the module docstring).
    """
    if speaker.kind != PERSON:
        return speaker
    labels = _labels(history.study)
    label = speaker.source_type
    start = history.paragraph_start
    if label == labels.government and CHANCELLOR.search(speaker.phrase):
        if CAMPUS.search(text, start, end) and not institution_type(speaker.description):
            return replace(speaker, source_type=labels.expert)
        return speaker
    if label == labels.expert:
        if WEATHER_ROLE.search(speaker.phrase) or WEATHER_ROLE.search(speaker.description):
            office = _paragraph_org(
                history, labels, lambda s: WEATHER_OFFICE.search(s.described) is not None
            )
            if office is not None:
                return replace(speaker, source_type=office.source_type)
        return speaker
    if label != history.other:
        return speaker
    name = person_name(speaker.phrase)
    role = f"{speaker.phrase.replace(name, ' ') if name else ''} {speaker.description}"
    if not speaker.description:  # "A ranger, Tess Moyo, said": the role opens the sentence
        at = text.rfind(f"{speaker.phrase},", start, end)
        lead = LEAD_ROLE.search(text, max(start, at - 60), at) if at > start else None
        role = f"{role} {lead['role']}" if lead else role
    if not SERVING.search(role) or institution_type(role):
        return speaker
    for word in ACRONYM_WORD.findall(role):
        named = history.aliases.get(word)
        if named is not None and named.kind == ORG and named.source_type not in labels.not_theirs:
            return replace(speaker, source_type=named.source_type)
    owner = _paragraph_org(history, labels, lambda s: True)
    if owner is not None:
        return replace(speaker, source_type=owner.source_type)
    at = text.rfind(speaker.phrase, start, end)
    passing = _named_before(text, start, at, history) if at >= 0 else ""
    return replace(speaker, source_type=passing) if passing else speaker


@dataclass(frozen=True)
class _Labels:
    """The study's names of the types these rules read, looked up once per call."""

    government: str
    expert: str
    not_theirs: frozenset[str]


def _labels(study: Study) -> _Labels:
    return _Labels(
        study.type_label(v.GOVERNMENT),
        study.type_label(v.EXPERT),
        frozenset(study.type_label(t) for t in NOT_THEIRS),
    )


def _named_before(text: str, start: int, at: int, history: History) -> str:
    """The type of the last organisation the paragraph (from ``start``) names before ``at``
    without making it a speaker ("The bridge is being built by the county roads department.
    Its chief engineer, Joanna Keller, said ..."), in the study's labels, or ""."""
    found = [m.group() for m in ORGANISATION.finditer(text, start, at)]
    for phrase in reversed(found):
        typed = institution_type(phrase)
        if typed and typed not in NOT_THEIRS:
            return history.study.type_label(typed)
    return ""


def _paragraph_org(
    history: History, labels: _Labels, fits: Callable[[Speaker], bool]
) -> Speaker | None:
    """The last typed organisation of the current paragraph that ``fits``, or None."""
    for paragraph, speaker, _ in reversed(history.entries):
        if paragraph != history.paragraph:
            return None
        if speaker.kind == ORG and speaker.source_type not in labels.not_theirs and fits(speaker):
            return speaker
    return None
