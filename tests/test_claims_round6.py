"""Attribution patterns of round six, each on sentences written for this test.

Expectations written without "that", a person named in apposition with an affiliation,
pronouns after a person or a spokesperson of an institution, denials of a claim made in the
same sentence, names that look like titles after a role, central banks and their governors,
trusts that run schools, documents of the outlet itself, and roles only companies have.
"""

from __future__ import annotations

import pytest

from helpers.claims import canonical_source, extract_claims, source_type_for


def _by_surface(text: str) -> dict[str, tuple[str, str, str]]:
    """(canonical source, type, stance) by figure surface."""
    return {
        c.figure.surface: (c.source_canonical, c.source_type, c.stance)
        for c in extract_claims(text)
    }


def test_an_expectation_without_that_is_the_forecasters():
    found = _by_surface(
        "Exports fell 3.2 per cent in May, the customs office said, worse than the 1.5 per "
        "cent analysts had forecast."
    )
    assert found["1.5 per cent"][:2] == ("analysts", "expert")
    assert found["fell 3.2 per cent"][0] == "customs office"
    found = _by_surface("Unemployment rose to 4.4%, above the 4.2% economists expected.")
    assert found["4.2%"][0] == "economists"


def test_a_figure_beside_an_expectation_is_not_the_forecasters():
    found = _by_surface(
        "The bank earned $4.1 billion in the quarter, beating the $3.6 billion analysts "
        "polled by FactSet had expected."
    )
    assert found["$4.1 billion"][0] == ""
    assert found["$3.6 billion"][0] == "analysts polled by FactSet"
    found = _by_surface(
        "Output grew 2.1%, the agency said. That beat the 1.8% economists had forecast, and "
        "was the best in 9 months."
    )
    assert found["9 months"][0] == "agency"  # the sentence continues the agency's


def test_a_denial_of_a_claim_in_its_own_sentence_disputes_nothing_before():
    found = _by_surface(
        "The army said it had sunk 4 patrol boats in the strait. Rebel commanders said they "
        "had downed a helicopter, a claim the ministry denied."
    )
    assert found["4 patrol boats"][2] == "asserted"
    found = _by_surface("The ministry said 12 villages had been retaken. The rebels denied it.")
    assert found["12 villages"][2] == "disputed"  # a denial of what came before still disputes


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "The lead author, Dr. Pia Lund of the Polar Institute, said 50 per cent of the ice "
            "could go.",
            "50 per cent",
            "Pia Lund",
        ),
        (
            "The report's author, Tom Ruiz of the Grantham Institute, said 12 towns were at risk.",
            "12 towns",
            "Tom Ruiz",
        ),
        (  # a clause about a person in apposition is no name of the speaker
            "The researchers, led by Prof. Ida Berg of the University of Umea, said they had "
            "read 9,000 files.",
            "9,000 files",
            "researchers",
        ),
    ],
)
def test_a_person_in_apposition_to_a_role_speaks(text, surface, expected):
    assert _by_surface(text)[surface][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police found 6 stolen cars, Det. Sgt. Ruth Amos of Kent Police said. About "
            "£90,000 of parts were seized, she said.",
            ("Ruth Amos", "police/emergency services"),
        ),
        (
            "A spokeswoman for Dunmore Council said 37 families were in hotels. The council "
            "has spent £2.6 million, she said.",
            ("spokeswoman for Dunmore Council", "government"),
        ),
        (
            "A spokesman for the Ministry of Justice said 300 prisoners had been freed early. "
            "He said 12 had reoffended.",
            ("spokesman for the Ministry of Justice", "government"),
        ),
    ],
)
def test_a_pronoun_finds_a_person_named_with_an_institution(text, expected):
    last = extract_claims(text)[-1]
    assert (last.source_canonical, last.source_type) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Chief executive Bishop Harlan", "Bishop Harlan"),  # a given name after a role
        ("Coach King Ellis", "King Ellis"),
        ("Spokesman Major Reed", "Major Reed"),
        ("Bishop Tutu", "Tutu"),  # alone, a title
        ("Former Chancellor Merkel", "Merkel"),  # "former" is no role
        ("Chancellor Ann Voss", "Ann Voss"),
    ],
)
def test_a_title_that_is_a_given_name_after_a_role(phrase, expected):
    assert canonical_source(phrase) == expected


def test_a_given_name_after_a_role_takes_the_roles_type():
    assert source_type_for("Chief executive Bishop Harlan") == "company"
    assert source_type_for("Bishop Harlan") == "NGO/civil society"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the bank's governor", "government"),  # a bank with a governor is a central bank
        ("Governor Rosa Lind of the Reserve Bank", "government"),
        ("the deputy governor of the central bank", "government"),
        ("the Reserve Bank of New Zealand", "government"),
        ("the monetary policy committee", "government"),
        ("the Bank of Canada", "government"),
        ("the bank", "company"),
        ("Bank of America", "company"),
        ("the Bank of Ireland", "company"),
        ("Harlow Academy Trust", "NGO/civil society"),  # trusts that run schools are charities
        ("the multi-academy trust", "NGO/civil society"),
        ("the schools trust's finance director", "NGO/civil society"),
        ("the NHS trust", "government"),
        ("the foundation trust", "government"),
        ("Halifax, the building society", "company"),
        ("the building society", "company"),
        ("Delmar Mining's chief financial officer", "company"),
        ("the chief operating officer of Corvo", "company"),
        ("the council's chief executive", "government"),
        ("Skylark Air", "company"),
        ("Air Lindovia", "company"),
        ("the Air Force", "military"),
        ("Clean Air", "other"),
    ],
)
def test_source_types_of_round_six(phrase, expected):
    assert source_type_for(phrase) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An analysis by this newspaper of 3,000 court records found that tenants lost 68 per "
        "cent of cases.",
        "Our own count found 212 potholes on the ring road.",
        "A review of 1,200 inspections by this website found 300 failures.",
    ],
)
def test_the_outlets_own_analysis_is_the_outlet_itself(text):
    assert {c.source_type for c in extract_claims(text)} == {"outlet itself"}


def test_a_document_author_ends_before_what_it_counted():
    found = _by_surface(
        "A study by the Grattan Institute of 5,000 households found 12 per cent were in arrears."
    )
    assert found["12 per cent"][:2] == ("Grattan Institute", "document")


def test_the_person_who_told_this_newspaper_still_speaks():
    found = _by_surface("Mayor Ann Cole told this newspaper that 45 officers would be hired.")
    assert found["45 officers"][:2] == ("Ann Cole", "government")


def test_the_governor_of_a_bank_named_before_is_a_central_banker():
    found = _by_surface(
        "The Bank of Ostrava raised its main rate by 0.5 percentage points. The bank's "
        "governor, Ida Horak, said inflation would fall to 3 per cent next year."
    )
    assert found["3 per cent"][:2] == ("Ida Horak", "government")
    found = _by_surface(
        "Harlow Bank said it would close 40 branches. The bank's chief executive, Ann Lee, "
        "said 300 jobs would go."
    )
    assert found["300 jobs"][:2] == ("Ann Lee", "company")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Up to 30 cm of snow could fall on high ground, the Met Office forecaster Jo "
            "Price said.",
            "Up to 30 cm",
            ("Jo Price", "government"),
        ),
        (
            "The National Weather Service meteorologist Ana Ruiz said 4 inches of rain fell.",
            "4 inches",
            ("Ana Ruiz", "government"),
        ),
        (
            "Rail Union organiser Pat Quinn said 400 members walked out.",
            "400 members",
            ("Pat Quinn", "NGO/civil society"),
        ),
        (  # a name and a kind of body is no person
            "The Calder campaign said it had knocked on 250,000 doors.",
            "250,000 doors",
            ("Calder campaign", "other"),
        ),
    ],
)
def test_an_organisation_and_a_role_before_a_name(text, surface, expected):
    assert _by_surface(text)[surface][:2] == expected


def test_after_finding_gives_what_was_found_to_the_finder_only():
    found = _by_surface(
        "Inspectors from the Schools Standards Office rated the academy inadequate after "
        "finding 11 pupils with no teacher."
    )
    assert found["11 pupils"][:2] == ("Inspectors from the Schools Standards Office", "government")
    found = _by_surface("Police arrested 3 men after finding 40 kilograms of cocaine in a van.")
    assert found["40 kilograms"][0] == "Police"
    assert found["3 men"][0] == ""  # the arrest is the outlet's narration
    found = _by_surface("The tribunal awarded her £64,000 after finding she had been dismissed.")
    assert found["£64,000"][0] == ""


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the mayor's re-election campaign", "other"),  # campaigns speak like parties
        ("the Ruiz campaign", "other"),
        ("a spokesman for the Ruiz campaign", "other"),
        ("a campaign group", "NGO/civil society"),
        ("the Campaign for Better Transport", "NGO/civil society"),
    ],
)
def test_election_campaigns_are_typed_like_parties(phrase, expected):
    assert source_type_for(phrase) == expected


def test_who_quotes_a_documents_finding_at_the_end_of_the_sentence_speaks():
    found = _by_surface(
        "The comptroller's audit found 19 contracts without bids, Comptroller Ray Dunn said."
    )
    assert found["19 contracts"][:2] == ("Ray Dunn", "government")
    found = _by_surface("A study found 40 per cent of patients waited, the researchers said.")
    assert found["40 per cent"][0] == "researchers"
    found = _by_surface("The audit found 19 contracts without bids.")
    assert found["19 contracts"][1] == "document"  # with no one quoting it, the document
