"""Attribution patterns of round five, each on sentences written for this test.

Titles and the given names that look like them, roles written before a name, emergency and
international agencies from the head-noun data file (``helpers/claims/sourcewords.yml``).
"""

from __future__ import annotations

import pytest

from helpers.claims import canonical_source, extract_claims, source_type_for


def _by_surface(text: str) -> dict[str, tuple[str, str]]:
    return {c.figure.surface: (c.source_canonical, c.source_type) for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Dean Harwood", "Dean Harwood"),  # a given name before a lone surname
        ("Prince Osei", "Prince Osei"),
        ("Dean Ann Ross", "Ann Ross"),  # a title before a full name
        ("City Comptroller Gail Moss", "Gail Moss"),
        ("Candidate Tom Reyes", "Tom Reyes"),
        ("Goalkeeper Ana Lutz", "Ana Lutz"),
        ("Sister Agnes Doyle", "Agnes Doyle"),
        ("Chief Superintendent Ian Pell", "Ian Pell"),
    ],
)
def test_titles_and_given_names(phrase, expected):
    assert canonical_source(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("State Comptroller Ray Dunn", "government"),
        ("Chief Superintendent Ian Pell", "police/emergency services"),
        ("Incident Controller Jo Marsh", "police/emergency services"),
        ("Sister Agnes Doyle", "NGO/civil society"),
        ("Canon Peter Blake", "NGO/civil society"),
        ("the provincial disaster management agency", "police/emergency services"),
        ("the European Medicines Agency", "international organisation"),
        ("the UN children's agency", "international organisation"),
        ("a spokesman for Transport for Greater Halden", "government"),
        ("an independent monitoring group", "NGO/civil society"),
    ],
)
def test_source_types_of_titles_and_agencies(phrase, expected):
    assert source_type_for(phrase) == expected


def test_a_surname_after_a_role_title_is_the_same_person():
    text = (
        "County Comptroller Ines Varga said the jail had overspent by $2.8 million. "
        "Varga said overtime accounted for 40 per cent of it."
    )
    found = _by_surface(text)
    assert found["$2.8 million"] == ("Ines Varga", "government")
    assert found["40 per cent"] == ("Ines Varga", "government")
