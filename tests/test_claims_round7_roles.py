"""Source types of round seven from the paragraph around a person, each on sentences written for
this test: roles in the service of the organisation named before them, forecasters of a weather
office, chancellors of a university, ranks shared by police and inspectors of public services,
general secretaries, and figures called an undercount by another party.
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


@pytest.mark.parametrize(
    ("text", "surface", "source_type"),
    [
        ("Crews fought the blaze for 9 hours, Kent Fire and Rescue Service said. Watch manager "
         "Dev Patel said 45 firefighters were sent.", "45 firefighters",
         "police/emergency services"),
        ("The Harwick Canal Trust said 3 locks would close. Its chief engineer, Olu Bakare, "
         "said repairs would take 10 weeks.", "10 weeks", "NGO/civil society"),
        ("The state parks department said 2,000 hectares had burned. A ranger, Tess Moyo, said "
         "the fire had jumped 2 roads.", "2 roads", "government"),
        ("The Brickmakers' Federation will ballot its members. General secretary Ian Moss said "
         "4,000 workers would vote.", "4,000 workers", "NGO/civil society"),
    ],
)  # fmt: skip
def test_a_role_serves_the_organisation_of_its_paragraph(text, surface, source_type):
    assert _by_surface(text)[surface][1] == source_type


def test_a_person_on_their_own_keeps_their_type():
    found = _by_surface(
        "The council said 300 homes were flooded. Ruth Okai, a farmer near the river, said "
        "she had lost 40 sheep."
    )
    assert found["40 sheep"][:2] == ("Ruth Okai", "other")
    found = _by_surface(
        "Tarnside Water said 3,000 homes had no water.\nSupervisor Jan Pike said 4 pumps failed."
    )
    assert found["4 pumps"][1] == "other"  # a paragraph of its own names no employer


def test_a_role_named_with_an_acronym_defined_before():
    found = _by_surface(
        "The Regional Transit Authority (RTA) carried 2.2 million riders in May. RTA chair "
        "Noor Haddad said 40 new buses would arrive."
    )
    assert found["40 new buses"][:2] == ("Noor Haddad", "government")


def test_a_forecaster_speaks_for_the_weather_office_of_the_paragraph():
    found = _by_surface(
        "Snow could reach 30 cm on high ground, the Met Office said. Forecaster Amy Reid said "
        "temperatures would fall to minus 8C."
    )
    assert found["30 cm"][1] == "government"
    assert found["minus 8C"][1] == "government"
    (alone,) = _by_surface(
        "Forecaster Amy Reid said temperatures would fall by 8 degrees."
    ).values()
    assert alone[1] == "expert"  # no weather office named: a specialist


def test_a_chancellor_of_a_university_is_an_academic():
    found = _by_surface(
        "Chancellor Mina Osei said the university would admit 3,500 first-year students."
    )
    assert found["3,500 first-year students"][1] == "expert"
    found = _by_surface("Chancellor Mina Osei said the federal budget would add €4 billion.")
    assert found["€4 billion"][1] == "government"


@pytest.mark.parametrize(
    ("text", "surface", "source_type"),
    [
        ("Chief Inspector Ravi Shah said 6 arrests had been made.", "6 arrests",
         "police/emergency services"),
        ("Inspector Lena Ruiz of the county's building department said 14 homes were unsafe.",
         "14 homes", "government"),
        ("The chief inspector of prisons, Hal Brent, said 120 inmates shared cells.",
         "120 inmates", "government"),
        ("Unemployment rose to 4.6 per cent, the ONS said.", "4.6 per cent", "government"),
    ],
)  # fmt: skip
def test_inspectors_and_statistics_offices(text, surface, source_type):
    assert _by_surface(text)[surface][1] == source_type


def test_a_figure_another_party_calls_an_undercount_is_disputed():
    found = _by_surface(
        "The ministry said 230 people had died, a number aid groups say is a gross undercount."
    )
    assert found["230 people"][2] == "disputed"
    found = _by_surface("Inflation rose to 5 per cent, a rate the bank says is too high.")
    assert found["5 per cent"][2] == "asserted"  # a judgement of the figure, not a dispute


def test_a_cited_person_is_typed_by_their_apposition():
    found = _by_surface(
        "About 250 jobs will go, according to the Evening Post, citing Rhian Evans, a regional "
        "organiser for the Unite union."
    )
    assert found["About 250 jobs"][:2] == ("Rhian Evans", "NGO/civil society")


def test_a_public_body_called_the_agency_or_the_service():
    found = _by_surface(
        "The UN refugee agency said 60,000 people had crossed the border. The agency's "
        "regional director, Ana Moreau, said 12 camps were full."
    )
    assert found["12 camps"][:2] == ("Ana Moreau", "international organisation")
    found = _by_surface(
        "The London Fire Brigade said 40 crews attended. The service's deputy chief, Tom Rees, "
        "said 6 people were rescued."
    )
    assert found["6 people"][:2] == ("Tom Rees", "police/emergency services")


def test_the_club_is_the_club_named_before():
    found = _by_surface("Harwood Athletic have sold 11,200 season tickets, the club said.")
    assert found["11,200 season tickets"][0] == "Harwood Athletic"
    found = _by_surface("Residents said 300 homes flooded. The club said 40 volunteers helped.")
    assert found["40 volunteers"][0] == "club"  # residents are no club


def test_a_role_serves_an_organisation_named_in_passing():
    found = _by_surface(
        "The new library is being run by the county arts department. Its director, Sam Idowu, "
        "said 2,000 people had joined."
    )
    assert found["2,000 people"][:2] == ("Sam Idowu", "government")
    found = _by_surface(
        "Residents met the mayor on Monday. A manager, Jo Bloggs, said 40 homes were empty."
    )
    assert found["40 homes"][1] == "other"  # no organisation named before the role
