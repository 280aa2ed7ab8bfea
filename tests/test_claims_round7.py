"""Attribution patterns of round seven, each on sentences written for this test.

Roles no table lists, read by their ending before a full name ("Hydrologist", "Sprinter") and
pointed back to ("the cardiologist"); a person named first as the author of a document and
then by surname; an organisation's name before a document noun; an expectation inside what a
speaker said; a role and its holder after the cue ("said its director, Anil Verma").
"""

from __future__ import annotations

import pytest

from helpers.claims import extract_claims


def _by_surface(text: str) -> dict[str, tuple[str, str, str]]:
    """(canonical source, type, stance) by figure surface."""
    return {
        c.figure.surface: (c.source_canonical, c.source_type, c.stance)
        for c in extract_claims(text)
    }


def _only(text: str) -> tuple[str, str, str]:
    (found,) = _by_surface(text).values()
    return found


@pytest.mark.parametrize(
    ("text", "canonical", "source_type"),
    [
        ("Hydrologist Pieter de Vries said the river had risen 2 metres.", "Pieter de Vries",
         "expert"),
        ("Statistician Amira Haddad said the error was about 3 per cent.", "Amira Haddad",
         "expert"),
        ("Volcanologist Ines Duarte said the lava had advanced 400 metres.", "Ines Duarte",
         "expert"),
        ("Sprinter Tomi Adeyemi said he had trained for 11 weeks.", "Tomi Adeyemi", "other"),
        ("Curator Hanne Lund said the museum had 40,000 visitors.", "Hanne Lund", "other"),
    ],
)  # fmt: skip
def test_a_role_no_table_lists_is_dropped_from_the_name(text, canonical, source_type):
    assert _only(text)[:2] == (canonical, source_type)


@pytest.mark.parametrize(
    "text",
    [
        "Peter John Smith said the river had risen 2 metres.",
        "Victor Hugo Alvarez said the river had risen 2 metres.",
    ],
)
def test_a_given_name_with_a_role_ending_stays_in_the_name(text):
    assert _only(text)[0] == text.split(" said")[0]


def test_a_name_then_its_surname_after_a_role_no_table_lists():
    found = _by_surface(
        "Swimmer Leah Okonjo broke the record by 0.4 seconds. Okonjo said she had trained "
        "for 6 months at altitude."
    )
    assert found["6 months"][0] == "Leah Okonjo"


def test_the_role_of_an_apposition_points_back_to_its_holder():
    found = _by_surface(
        "Dr. Rana Saleh, an anaesthetist at Coldbrook Hospital, said 30 operations had been "
        "delayed. The anaesthetist said 4 of them were urgent."
    )
    assert found["4"][:2] == ("Rana Saleh", "expert")
    found = _by_surface(
        "Marta Vidal, a geologist at the state survey, said the fault had moved 3 metres. "
        "The geologist said aftershocks could last 2 weeks."
    )
    assert found["2 weeks"][0] == "Marta Vidal"


def test_a_kind_of_business_still_points_back_to_the_business():
    found = _by_surface(
        "Halden Mining Ltd said profit rose. The miner said output fell 4 per cent."
    )
    assert found["fell 4 per cent"][:2] == ("Halden Mining Ltd.", "company")


def test_the_author_of_a_document_is_then_named_by_surname():
    found = _by_surface(
        "A review published by City Auditor Grace Tembo found $3 million in unpaid fees. "
        "Tembo said 12 departments had not billed on time."
    )
    assert found["$3 million"][:2] == ("Grace Tembo", "document")
    assert found["12 departments"][:2] == ("Grace Tembo", "government")


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("A National Audit Office report found 38 per cent of projects ran late.",
         "National Audit Office"),
        ("A Regional Health Authority survey found 12 per cent of clinics closed early.",
         "Regional Health Authority"),
    ],
)  # fmt: skip
def test_an_organisation_named_before_a_document_is_its_author(text, author):
    assert _only(text)[:2] == (author, "document")


def test_an_expectation_inside_what_a_speaker_said_is_the_speakers():
    found = _by_surface(
        "Governor Ines Brandt told reporters that the bank expected inflation to fall to 2.5 "
        "per cent."
    )
    assert found["2.5 per cent"][0] == "Ines Brandt"
    found = _by_surface(
        "The firm said sales rose 5 per cent, while analysts had expected 3 per cent."
    )
    assert found["3 per cent"][0] == "analysts"  # a clause of its own, not what the firm said


def test_a_role_and_its_holder_after_the_cue():
    found = _by_surface(
        "The flood agency said 40 roads were shut. Crews had pumped out 300 homes, said its "
        "director, Omar Khalil."
    )
    assert found["300 homes"][:2] == ("Omar Khalil", "government")
    found = _by_surface(
        "Sales fell 4 per cent at Brisk Foods, said its chief executive, Lena Hart."
    )
    assert found["fell 4 per cent"][0] == "Lena Hart"


def test_paragraphs_separated_by_blank_lines_keep_their_speakers():
    found = _by_surface(
        "Auditor Nia Brooks said the council had lost money on parking.\n\nShe said the loss "
        "came to $2.4 million over 3 years."
    )
    assert found["$2.4 million"][:2] == ("Nia Brooks", "government")
    found = _by_surface(
        "Corven Paper Group said demand had slumped.\n\nIt said orders fell 18 per cent."
    )
    assert found["fell 18 per cent"][:2] == ("Corven Paper Group", "company")


def test_a_document_named_paragraphs_before_keeps_its_author():
    found = _by_surface(
        "The trust is short of money, according to a report released on Monday by the county "
        "auditor.\n\nThe report put the shortfall at $7 million."
    )
    assert found["$7 million"][:2] == ("county auditor", "document")
