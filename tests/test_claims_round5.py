"""Attribution patterns of round five, each on sentences written for this test.

Titles and the given names that look like them, roles written before a name, emergency and
international agencies from the head-noun data file (``helpers/claims/sourcewords.yml``).
"""

from __future__ import annotations

import pytest

from helpers.claims import canonical_source, extract_claims, source_type_for


def _by_surface(text: str) -> dict[str, tuple[str, str]]:
    """(canonical source, type) by figure, each figure also under the words of its surface
    after a qualifier ("Up to 30 centimetres" under "30 centimetres" too)."""
    found = {}
    for claim in extract_claims(text):
        surface = claim.figure.surface
        for start in range(len(surface)):
            if start == 0 or surface[start - 1] == " ":
                found.setdefault(surface[start:], (claim.source_canonical, claim.source_type))
    return found


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


def test_a_role_an_organisation_owns_speaks_with_its_type():
    text = (
        "The Eastern Basketball League said crowds averaged 4,200 a game. Its commissioner, "
        "Rhea Tallis, said 3 clubs were in financial trouble."
    )
    assert _by_surface(text)["3 clubs"] == ("Rhea Tallis", "other")
    text = (
        "The Federation of Master Builders said 140 firms had closed. The federation's "
        "director, Omar Bliss, said another 60 were at risk."
    )
    found = _by_surface(text)
    assert found["140 firms"][1] == found["60"][1] == "company"
    text = (
        "The UN food agency said 2.1 million people needed help. Its spokesman, Luis Abad, "
        "said 300 trucks were waiting at the border."
    )
    assert _by_surface(text)["300 trucks"] == ("Luis Abad", "international organisation")


def test_a_person_named_again_keeps_the_type_said_of_them():
    text = (
        '"Demand is weak," said Ada Kern, the bank\'s chief economist, adding that growth '
        "would slow to 1.1 per cent."
    )
    assert _by_surface(text)["1.1 per cent"] == ("Ada Kern", "expert")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Child poverty rose to 31 per cent, according to the Carden Trust, a think tank.",
            "31 per cent",
            "expert",
        ),
        (
            "The Mountain Observatory for Civil Liberties, a Vienna-based rights group, said "
            "212 people had been detained.",
            "212 people",
            "NGO/civil society",
        ),
        (
            "The Bread Line, which runs 80 food banks in the region, said it had fed 9,000 "
            "families last month.",
            "9,000 families",
            "NGO/civil society",
        ),
        (
            "Up to 30 centimetres of snow could fall, according to Ravi Lal, a meteorologist "
            "with the national weather service.",
            "30 centimetres",
            "government",
        ),
    ],
)
def test_an_apposition_says_what_kind_a_name_is(text, surface, expected):
    assert _by_surface(text)[surface][1] == expected


def test_a_clause_after_according_to_is_no_apposition():
    text = "According to Ravi Lal, the river rose 2 metres, a record for the town."
    assert _by_surface(text)["2 metres"] == ("Ravi Lal", "other")


def test_a_time_after_by_is_no_agent():
    text = (
        "A further 15 millimetres of rain is forecast by Thursday, according to Ines Kahl, a "
        "forecaster at the national weather service."
    )
    assert _by_surface(text)["15 millimetres"] == ("Ines Kahl", "government")
    text = "A decision on 400 jobs is expected by the end of March, the union said."
    assert _by_surface(text)["400 jobs"][0] == "union"


def test_asking_not_to_be_named_after_the_verb_makes_a_source_anonymous():
    text = (
        "About 90 staff were sent home, an official at the ministry said, asking not to be named."
    )
    assert _by_surface(text)["90 staff"][1] == "anonymous official"
    text = (
        "Some 45 crew were aboard, a port worker told reporters, speaking on condition of "
        "anonymity."
    )
    assert _by_surface(text)["45 crew"][1] == "anonymous official"


def test_whom_a_subject_cites_before_its_verb_is_the_source():
    text = (
        "The Harbour Daily, citing a police source, reported that 8 containers had been "
        "seized at the docks."
    )
    assert _by_surface(text)["8 containers"] == ("police source", "anonymous official")


def test_quoted_as_saying():
    text = "Radio Valle quoted a fire brigade spokesman as saying 22 homes had burned down."
    assert _by_surface(text)["22 homes"] == (
        "fire brigade spokesman",
        "police/emergency services",
    )


def test_speaking_somewhere_after_the_verb_says_nothing_of_the_speaker():
    text = "About 90 staff were sent home, Ana Petit said, speaking to the BBC."
    assert _by_surface(text)["90 staff"] == ("Ana Petit", "other")


def test_a_title_points_back_to_its_holder():
    text = (
        "Judge Ruth Ames fined the builder £40,000 on Monday. The defects had been reported "
        "11 times, the judge said."
    )
    assert _by_surface(text)["11 times"] == ("Ruth Ames", "government")
    text = (
        "Coach Lia Ferro watched her side lose 3-0. They had conceded 14 goals in 4 games, "
        "the coach said."
    )
    assert _by_surface(text)["14 goals"][0] == "Lia Ferro"


def test_a_title_with_no_holder_named_stays_itself():
    text = "The defects had been reported 11 times, the judge said."
    assert _by_surface(text)["11 times"] == ("judge", "government")


def test_a_described_reference_points_back_to_the_named_party():
    text = (
        "Physicians for Peace said its teams had treated 2,100 patients. The medical charity "
        "said it needed $4 million to keep going."
    )
    found = _by_surface(text)
    assert found["2,100 patients"] == ("Physicians for Peace", "NGO/civil society")
    assert found["$4 million"] == ("Physicians for Peace", "NGO/civil society")


def test_a_reference_that_names_a_service_does_not_point_back():
    text = (
        "Kelso Royal Hospital said it treated 40 people. The ambulance service said its crews "
        "took 25 patients there."
    )
    assert _by_surface(text)["25 patients"][0] == "ambulance service"


def test_a_partys_own_forecast_is_its_figure():
    text = "The World Bank cut its growth forecast for the region to 3.4 per cent on Tuesday."
    assert _by_surface(text)["3.4 per cent"] == ("World Bank", "international organisation")
    text = (
        "Shares in Halden Copper fell 9 per cent after it lowered its annual output outlook "
        "to 180,000 tonnes."
    )
    found = _by_surface(text)
    assert found["9 per cent"] == ("", "outlet itself")
    assert found["180,000 tonnes"] == ("Halden Copper", "company")


def test_forecasters_who_forecast_still_report():
    text = "Economists forecast that prices would rise 3 per cent next year."
    assert _by_surface(text)["3 per cent"][0] == "Economists"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the police watchdog", "government"),
        ("a human rights watchdog", "NGO/civil society"),
        ("the Independent Office for Police Conduct", "government"),
        ("the prisons ombudsman", "government"),
        ("the Police Ombudsman", "government"),
        ("the schools inspectorate", "government"),
        ("the parish council", "government"),
        ("the academy trust", "NGO/civil society"),  # a charity that runs schools (round six)
        ("the National Hurricane Center", "government"),
        ("the drought monitor", "government"),
        ("the British Antarctic Survey", "government"),
        ("the state wildfire agency", "police/emergency services"),
        ("the Border Patrol", "police/emergency services"),
        ("the aid agency", "NGO/civil society"),
        ("a UN panel of experts", "international organisation"),
        ("the archdiocese", "NGO/civil society"),
        ("the brewer", "company"),
        ("the drugmaker", "company"),
        ("the shipping line", "company"),
        ("the estate agent", "company"),
        ("the bidder", "company"),
        ("the vice-chancellor", "expert"),
    ],
)
def test_source_types_of_watchdogs_warning_centres_and_trades(phrase, expected):
    assert source_type_for(phrase) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Coach Dean Marsh said his side had won 7 games.", "7 games", ("Dean Marsh", "other")),
        (
            "Volunteers planted 18,000 trees, said Anna Pike of the Woodland Trust.",
            "18,000 trees",
            ("Anna Pike", "NGO/civil society"),
        ),
        (
            "Principal Sarah Lyle said 30 pupils had been sent home.",
            "30 pupils",
            ("Sarah Lyle", "government"),
        ),
        (
            "The mine produced 1.2 million ounces of gold, Goldvale Resources said.",
            "1.2 million ounces",
            ("Goldvale Resources", "company"),
        ),
        (
            "Hilltop Recycling said it would cut 40 jobs at its plant.",
            "40 jobs",
            ("Hilltop Recycling", "company"),
        ),
    ],
)
def test_names_with_affiliations_and_trade_words(text, surface, expected):
    assert _by_surface(text)[surface] == expected


def test_an_organisation_named_with_of_keeps_its_whole_name():
    assert canonical_source("the Royal College of Nursing") == "Royal College of Nursing"
    assert canonical_source("Friends of the Earth") == "Friends of the Earth"


def test_a_kind_of_business_points_back_to_the_one_named():
    text = (
        "Ryder Mining told investors it would produce 320,000 tonnes of copper. The miner "
        "also said its debt had fallen to $2.1 billion."
    )
    assert _by_surface(text)["$2.1 billion"] == ("Ryder Mining", "company")


def test_a_public_body_by_its_kind_does_not_point_back_to_another():
    text = (
        "The Ukrainian army said it had repelled 14 attacks. The army of the breakaway region "
        "said 3 of its soldiers were killed."
    )
    assert _by_surface(text)["3 of its soldiers"][0] != "Ukrainian army"


def test_an_owner_outranks_other_words_before_a_role():
    assert source_type_for("the UN's top humanitarian official") == "international organisation"
    assert source_type_for("Ana Ruiz", description="the company's health and safety officer") == (
        "company"
    )


def test_an_expectation_of_economists_polled_by_an_agency():
    text = (
        "Industrial output rose 0.3 per cent, the statistics office said, below the 0.5 per "
        "cent that economists surveyed by Bloomberg had expected."
    )
    found = _by_surface(text)
    assert found["0.3 per cent"][0] == "statistics office"
    assert found["0.5 per cent"] == ("economists surveyed by Bloomberg", "expert")


def test_a_clause_joined_by_and_has_its_own_speaker():
    text = "Farmers blocked the ring road for 6 hours, and police said 12 tractors were seized."
    found = _by_surface(text)
    assert found["6 hours"] == ("", "outlet itself")
    assert found["12 tractors"] == ("police", "police/emergency services")
    text = "Police said 12 tractors were seized, and 40 officers were deployed."
    assert _by_surface(text)["40 officers"][0] == "Police"


def test_a_kind_of_body_points_back_whatever_words_describe_it():
    text = (
        "Fuel prices rose to 149p a litre, the AA said. The motoring group said a full tank "
        "now cost £82."
    )
    assert _by_surface(text)["£82"][0] == "AA"
    text = (
        "Oxfam said 2 million people needed food aid. The anti-poverty group said 400 of its "
        "staff were in the region."
    )
    assert _by_surface(text)["400 of its staff"] == ("Oxfam", "NGO/civil society")


def test_the_salvation_army_is_a_charity():
    assert source_type_for("The Salvation Army") == "NGO/civil society"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Rents have doubled to €2,000, said Lena Voss, chair of the Dublin Tenants' Union.",
            "€2,000",
            ("Lena Voss", "NGO/civil society"),
        ),
        (
            "Prices rose 4 per cent, said Omar Diaz, head of research at the estate agency "
            "Harlow Keys.",
            "4 per cent",
            ("Omar Diaz", "company"),
        ),
        (
            "The blaze destroyed 30 homes, said Chief Fire Officer Mark Hale.",
            "30 homes",
            ("Mark Hale", "police/emergency services"),
        ),
        (
            "Turnout was 61 per cent, said Returning Officer Jane Lake.",
            "61 per cent",
            ("Jane Lake", "government"),
        ),
        (
            "The city will hire 80 teachers, said Mayor-elect Rosa Quint.",
            "80 teachers",
            ("Rosa Quint", "government"),
        ),
    ],
)
def test_roles_in_appositions_and_titles(text, surface, expected):
    assert _by_surface(text)[surface] == expected


def test_claims_before_a_clause_reports_but_a_toll_does_not():
    text = "The union claims 85 per cent of drivers stayed at home."
    assert _by_surface(text)["85 per cent"] == ("union", "NGO/civil society")
    text = "The storm claimed 14 lives along the coast."
    assert _by_surface(text)["14 lives"] == ("", "outlet itself")


def test_a_participle_keeps_what_the_opening_apposition_says():
    text = "The carrier, Bluewing, rejected the count, saying only 140 flights were cancelled."
    assert _by_surface(text)["140 flights"] == ("Bluewing", "company")


def test_a_word_that_opens_a_sentence_names_no_one_for_it():
    text = (
        "The town's job centre said it would hold a fair on Friday. About 40 employers have "
        "signed up so far, it said."
    )
    assert _by_surface(text)["40 employers"][0] == "town's job centre"


def test_a_dateline_with_its_agency_is_no_part_of_the_speaker():
    text = (
        "BRAYFORD (Valley Wire) - A local food bank said on Monday that 900 families had asked "
        "for help."
    )
    assert _by_surface(text)["900 families"] == ("local food bank", "NGO/civil society")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "A second count, by Tallyhouse Research, found about 80,000 marchers.",
            "80,000 marchers",
            "Tallyhouse Research",
        ),
        (
            "Production will move abroad, to plants which Kelso Appliances said cost 30 per "
            "cent less to run.",
            "30 per cent",
            "Kelso Appliances",
        ),
        (
            "Repairs estimated at $26 million were never paid for, according to the audit.",
            "$26 million",
            "audit",
        ),
        (
            "Flood damage put at $220 million as the clean-up begins",
            "$220 million",
            "",
        ),
        (
            "Using the agency's own past estimates, it said ridership could fall 4 per cent.",
            "4 per cent",
            "it",
        ),
    ],
)
def test_agents_relatives_and_passive_estimates(text, surface, expected):
    assert _by_surface(text)[surface][0] == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the comptroller", "government"),
        ("the company's comptroller", "company"),
        ("the parliamentary clerk", "government"),
        ("Fernhill Animal Shelter", "NGO/civil society"),
        ("a women's refuge", "NGO/civil society"),
    ],
)
def test_comptrollers_clerks_and_shelters(phrase, expected):
    assert source_type_for(phrase) == expected


def test_an_unknown_name_takes_the_kind_a_reference_calls_it():
    text = (
        "Brightgas said the change would add £90 a year to a typical bill. The company said "
        "12,000 customers had already switched."
    )
    found = _by_surface(text)
    assert found["£90 a year"] == ("Brightgas", "company")
    assert found["12,000 customers"] == ("Brightgas", "company")


def test_a_party_untyped_where_first_named_takes_its_later_type():
    text = (
        "Lena Voss said rents had risen 9 per cent. Lena Voss, a housing campaigner, said 300 "
        "families were waiting."
    )
    found = _by_surface(text)
    assert found["9 per cent"] == found["300 families"] == ("Lena Voss", "NGO/civil society")


def test_judgments_and_results_are_documents():
    text = (
        "A tribunal ruled that Harlow Freight had underpaid 120 drivers. The judgment said the "
        "firm owed them £700,000."
    )
    assert _by_surface(text)["£700,000"] == ("judgment", "document")
    text = "Voters backed the plan by 58 per cent, official results showed."
    assert _by_surface(text)["58 per cent"] == ("results", "document")


def test_a_claim_someone_calls_baseless_is_disputed():
    text = (
        "Candidate Omar Bly said his team had found 2,000 ballots with wrong addresses, a claim "
        "election officials called baseless."
    )
    assert extract_claims(text)[0].stance == "disputed"
    text = "The union said 300 jobs would go, a figure the company described as exaggerated."
    assert extract_claims(text)[0].stance == "disputed"
    text = "The union said 300 jobs would go, a figure the company called accurate."
    assert extract_claims(text)[0].stance == "asserted"
