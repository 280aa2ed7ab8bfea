"""Attribution patterns of round four, each on sentences written for this test.

Source types from the head-noun data file (``helpers/claims/sourcewords.yml``): weather offices,
schools, rescue teams, sports clubs, campaigns, policy centres, international agencies, the
words of company names, and roles that speak for whom they serve.
"""

from __future__ import annotations

import pytest

from helpers.claims import extract_claims, source_type_for


def _by_surface(text: str) -> dict[str, tuple[str, str]]:
    return {c.figure.surface: (c.source_canonical, c.source_type) for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Environment Canada", "government"),
        ("the state weather service", "government"),
        ("the harbour master", "government"),
        ("the county medical examiner", "government"),
        ("the school's head teacher", "government"),
        ("Coldwater Primary School", "government"),
        ("the Halsey Business School", "expert"),
        ("the Kelmscott Centre for Social Policy", "expert"),
        ("the Campaign for Cleaner Rivers", "NGO/civil society"),
        ("the Ashdown Wildlife Trust", "NGO/civil society"),
        ("an NHS Trust", "government"),
        ("the International Rivers Agency", "international organisation"),
        ("Dunmore Homes", "company"),
        ("Eastfield Trains", "company"),
        ("Lantern Mobile", "company"),
        ("Kettering Rovers", "other"),
        ("the club", "other"),
        ("the club's chief executive", "other"),
        ("the council's chief executive", "government"),
        ("the chief executive", "company"),
        ("the restaurant's owner", "company"),
        ("a volunteer with the Fellside Mountain Rescue Team", "police/emergency services"),
        ("a volunteer with the food bank", "NGO/civil society"),
        ("the United States", "other"),
    ],
)
def test_source_types_from_the_data_file(phrase, expected):
    assert source_type_for(phrase) == expected


def test_a_verb_that_looks_like_a_business_word_types_nothing():
    text = "“It was a dry year,” said Ella Moss, who farms 200 hectares near the coast."
    found = _by_surface(text)
    assert found["200 hectares"][1] != "company"


def test_unknown_names_typed_in_context():
    text = (
        "Snowfall of up to 30 centimetres is expected in the hills, Environment Canada said. "
        "The Fellbridge Centre for Transport Policy estimates that fares rose 7 percent."
    )
    found = _by_surface(text)
    assert found["up to 30 centimetres"] == ("Environment Canada", "government")
    assert found["rose 7 percent"] == ("Fellbridge Centre for Transport Policy", "expert")


def test_a_figure_others_expected_is_theirs():
    text = (
        "Hallam Steel shipped 2.1 million tonnes in the year, the company said, short of the "
        "2.4 million tonnes that analysts at Carrick Partners had expected. "
        "Exports rose 9 percent."
    )
    found = _by_surface(text)
    assert found["2.1 million tonnes"][0] == "Hallam Steel"
    assert found["2.4 million tonnes"] == ("analysts at Carrick Partners", "expert")
    assert found["rose 9 percent"][0] == "Hallam Steel"  # the next sentence goes on as before


def test_an_expectation_in_a_which_clause_with_a_plain_subject():
    text = (
        "Retail sales fell 0.4% in May, the statistics office said, against the 0.2% rise "
        "which economists had predicted."
    )
    found = _by_surface(text)
    assert found["fell 0.4%"][0] == "statistics office"
    assert found["0.2%"][0] == "economists"


def test_a_relative_clause_without_an_expecting_verb_is_no_frame():
    text = "The club sold 4,000 shirts that fans had ordered online, the club said."
    found = _by_surface(text)
    assert found["4,000 shirts"][0] == "club"


def test_added_or_admitted_with_an_amount_reports_nothing():
    text = (
        "Factories added 42,000 jobs in March, the statistics agency said.\n"
        "The former treasurer admitted 9 counts of theft at the crown court."
    )
    found = _by_surface(text)
    assert found["42,000 jobs"][0] == "statistics agency"
    assert found["9 counts"] == ("", "outlet itself")


def test_added_still_reports_a_clause():
    text = "The mayor said the bridge would reopen in May. She added that 3,000 cars a day use it."
    found = _by_surface(text)
    assert found["3,000 cars a day"][1] == "government"


def test_a_poll_puts_a_party_on_a_share():
    text = (
        "A survey of 2,000 adults by Kestrel Polling for the Daily Ledger put the governing "
        "party on 31 per cent and the opposition on 27 per cent."
    )
    found = _by_surface(text)
    assert found["31 per cent"] == ("Kestrel Polling", "document")
    assert found["27 per cent"] == ("Kestrel Polling", "document")


def test_putting_a_limit_on_a_share_is_no_frame():
    text = "The committee put a ceiling on 15 percent of the budget."
    assert _by_surface(text)["15 percent"] == ("", "outlet itself")


def _stances(text: str) -> dict[str, tuple[str, str]]:
    return {c.figure.surface: (c.source_canonical, c.stance) for c in extract_claims(text)}


def test_disputing_that_with_a_figure_of_ones_own():
    text = (
        "The operator said 88% of its buses ran on time last month. Her union, the Transit "
        "Workers' Guild, disputed that, saying drivers had logged delays on 3 in 10 routes."
    )
    found = _stances(text)
    assert found["88%"][1] == "disputed"
    assert found["3 in 10 routes"][1] == "asserted"


def test_a_lawyer_named_in_apposition_disputes_the_total():
    text = (
        "Prosecutors said the accountant took $640,000 from 12 clients. Her lawyer, Omar "
        "Reyes, disputed the total, saying she had handled fewer than 5 accounts."
    )
    found = _stances(text)
    assert found["$640,000"] == ("Prosecutors", "disputed")
    assert found["fewer than 5 accounts"] == ("Omar Reyes", "asserted")


def test_a_claim_that_could_not_be_verified_in_the_next_sentence():
    text = (
        "The rebels said they had captured 40 soldiers. The government did not comment on the "
        "claim, which could not be independently verified."
    )
    assert _stances(text)["40 soldiers"][1] == "disputed"


def test_a_competing_figure_alone_is_no_dispute():
    text = "Organisers said 30,000 people joined the march. Police put the number at 9,000."
    found = _stances(text)
    assert found["30,000 people"][1] == "asserted"
    assert found["9,000"] == ("Police", "asserted")


def test_a_descriptor_and_name_open_the_sentence_of_a_participle():
    text = (
        "The council said 70% of bins were emptied on time. The residents' group CleanStreets "
        "disagreed, saying 2 in 5 streets were missed."
    )
    assert _stances(text)["2 in 5 streets"][0] == "CleanStreets"


def test_researchers_at_a_named_institute_wrote():
    text = (
        "The survey counted 312 new comets, astronomers at the Altamira Sky Observatory wrote "
        "in the journal Icarus."
    )
    assert _by_surface(text)["312 new comets"] == (
        "astronomers at the Altamira Sky Observatory",
        "expert",
    )


def test_whom_a_speaker_told_is_not_the_speaker():
    text = (
        "“We fed 900 families last month,” Priya Das, who runs the Northgate pantry, "
        "told the Courier."
    )
    (claim,) = extract_claims(text)
    assert claim.source_canonical == "Priya Das"


def test_a_pronoun_points_to_a_person_named_in_an_earlier_paragraph():
    text = (
        "Goalkeeper Ana Lisboa saved 2 penalties in the shoot-out.\n"
        "“I trained 6 years for this,” she said."
    )
    found = _by_surface(text)
    assert found["2 penalties"] == ("", "outlet itself")
    assert "Ana Lisboa" in found["6 years"][0]


def test_the_report_of_a_named_body_is_its_authors():
    text = (
        "The annual report of the Water Services Regulation Authority found 41% of leaks were "
        "fixed within a day. A survey of Britons found 58% drink tap water."
    )
    found = _by_surface(text)
    assert found["41%"] == ("Water Services Regulation Authority", "document")
    assert found["58%"][0] == "survey"


def test_royal_colleges_are_professional_bodies():
    assert source_type_for("The Royal College of Midwives") == "NGO/civil society"


def test_a_cited_party_named_in_apposition():
    text = (
        "The agency reported, citing the provincial governor, Ilse Varga, that 31 homes had "
        "been flooded."
    )
    (claim,) = extract_claims(text)
    assert (claim.source_canonical, claim.source_type) == ("Ilse Varga", "government")


def test_a_possessive_descriptor_then_the_name():
    text = "Rainfall reached 88 mm in a day, according to Chile's weather office, DMC."
    (claim,) = extract_claims(text)
    assert (claim.source_canonical, claim.source_type) == ("DMC", "government")


def test_a_capitalised_descriptor_opening_a_sentence_is_dropped():
    text = "Rights group Civic Watch said 240 people had been detained."
    (claim,) = extract_claims(text)
    assert claim.source_canonical == "Civic Watch"


def test_an_apposition_owned_by_its_takes_the_owners_type():
    text = (
        "Corran Bank said profit fell 12% in the year. Its chief risk officer, Hal Munro, said "
        "bad loans doubled to €400 million."
    )
    assert _by_surface(text)["€400 million"] == ("Hal Munro", "company")


def test_blamed_reports_for_its_subject():
    text = (
        "Tidewater Water raised bills by £40 a year.\nIt blamed a 25 percent rise in energy costs."
    )
    assert _by_surface(text)["25 percent"][0] == "Tidewater Water"


def test_a_sentence_that_opens_with_whom_it_cites():
    text = (
        "Citing police sources, the Valley Echo reported that 14 people had been "
        "arrested at the ground."
    )
    (claim,) = extract_claims(text)
    assert (claim.source_canonical, claim.source_type) == ("police sources", "anonymous official")
    assert claim.via == "Valley Echo"


def test_the_airport_points_to_the_airport_named_before():
    text = (
        "Flights from Lindell Airport rose to 41,000 last year, the airport said. Doctors at "
        "the Saint Brigid Hospital treated 12 passengers, the hospital said."
    )
    found = _by_surface(text)
    assert found["41,000"] == ("Lindell Airport", "company")
    assert found["12 passengers"] == ("Saint Brigid Hospital", "company")


def test_the_force_points_to_the_police_named_before():
    text = "Kent Police said 31 people were arrested. The force said 4 officers were hurt."
    found = _by_surface(text)
    assert found["4 officers"] == ("Kent Police", "police/emergency services")


def test_a_figure_in_the_description_of_the_speaker_is_the_outlets():
    text = (
        "“Half the crop has gone,” said Ruth Penn, who keeps 300 sheep on the fell. "
        "“We lost 40 lambs.”"
    )
    found = _by_surface(text)
    assert found["300 sheep"] == ("", "outlet itself")
    assert found["40 lambs"][0] == "Ruth Penn"


def test_an_unknown_name_typed_by_what_its_sentence_says():
    text = (
        "Morrow said like-for-like sales rose 2.9% in the quarter.\n"
        "Brentford Athletic said ticket sales rose 12%.\n"
        "Ravel said the fire had burned 300 hectares."
    )
    found = _by_surface(text)
    assert found["rose 2.9%"] == ("Morrow", "company")
    assert found["rose 12%"] == ("Brentford Athletic", "other")  # a club, by its name
    assert found["300 hectares"][1] == "other"  # nothing says what Ravel is


def test_the_subject_of_a_relative_clause_speaks_from_there_on():
    text = (
        "Union leaders promised on Friday to walk out again, two days after a strike that they "
        "say closed 140 wards."
    )
    found = _by_surface(text)
    assert found["140 wards"] == ("Union leaders", "NGO/civil society")
    text = "Prices rose 4% in May, a rise that analysts said was driven by 12 big chains."
    found = _by_surface(text)
    assert found["rose 4%"] == ("", "outlet itself")
    assert found["12 big chains"][0] == "analysts"


def test_a_relative_clause_that_modifies_the_subject_keeps_it():
    text = "The company that runs the tunnel said 52,000 vehicles used it on Friday."
    assert _by_surface(text)["52,000 vehicles"][1] == "company"


def test_its_points_to_a_one_word_body_that_opened_the_sentence():
    text = "Ofwat fined 9 water firms last year, its annual report showed."
    assert _by_surface(text)["9 water firms"] == ("Ofwat", "document")
