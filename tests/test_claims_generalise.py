"""Attribution patterns of round three, each on sentences written for this test.

Headline leads and subordinate clauses, "called" as naming, noun cues after a verb, single-quote
quotations, a lower-case role before a name, abbreviated titles that end a sentence split.
"""

from __future__ import annotations

import pytest

from helpers.claims import attribute_figures, extract_claims
from helpers.claims.quotes import single_quotes_as_double
from helpers.clean import normalise
from helpers.figures import extract_figures
from helpers.sentences import sentence_spans, split_sentences


def _by_surface(text: str) -> dict[str, tuple[str, str]]:
    return {c.figure.surface: (c.source_canonical, c.source_type) for c in extract_claims(text)}


def test_figure_before_a_subordinate_frame_is_the_outlets_own():
    text = "Shares in Penrose fell 6% on Monday after the retailer said 120 stores would close."
    found = _by_surface(text)
    assert found["fell 6%"] == ("", "outlet itself")
    assert found["120 stores"][0] == "retailer"


def test_headline_lead_is_not_part_of_the_speaker():
    text = "Halden Mining - The miner said copper output rose 7% in the quarter."
    (claim,) = extract_claims(text)
    assert claim.source == "The miner"


def test_headline_lead_with_a_later_subordinate_pronoun_frame():
    text = "Tarn Cruises - The ferry operator gained 3.1% after it said bookings rose 12%."
    found = _by_surface(text)
    assert found["gained 3.1%"] == ("", "outlet itself")
    assert found["rose 12%"][0] == "Tarn Cruises"


def test_sentence_final_attribution_after_a_clause_keeps_governing():
    (claim,) = extract_claims("Exports fell 5% after the port strike, the trade ministry said.")
    assert claim.source_canonical == "trade ministry"


@pytest.mark.parametrize(
    "text",
    [
        "Sailors keep time by the watch, called a bell, which lasts 30 minutes.",
        "The new shelter, called the Harbour House, has 40 beds.",
    ],
)
def test_called_naming_something_is_no_reporting_cue(text):
    (claim,) = extract_claims(text)
    assert (claim.source, claim.source_type) == ("", "outlet itself")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The nurses' union called for 2,000 more nurses.", "nurses' union"),
        ("The opposition called the 4% rise a tax on families.", "opposition"),
    ],
)
def test_called_still_reports_a_call_or_a_verdict_on_a_figure(text, source):
    (claim,) = extract_claims(text)
    assert claim.source_canonical == source


def test_noun_cue_after_a_verb_is_an_object():
    text = "Grayling Foods - Profit rose 9% to $80 million as sales beat forecasts."
    assert {c.source for c in extract_claims(text)} == {""}


def test_single_quote_quotation_has_its_speaker():
    text = "'We rescued 14 walkers on the ridge,' said team leader Cai Rhys of the rescue team."
    (claim,) = extract_claims(text)
    assert claim.source_canonical == "Cai Rhys"


def test_single_quotes_are_paired_only_as_quotations():
    text = "The players' union said the club's 3 coaches were told 'Expect cuts.' and 'no more.'"
    converted = single_quotes_as_double(text)
    assert len(converted) == len(text)
    assert converted.count('"') == 2 and "players' union" in converted and "club's" in converted


def test_typographic_single_quotes_read_as_the_pipeline_reads_clean_text():
    raw = (
        "‘About 60 ponies were rounded up,’ said Mrs. Elin Howell.\n‘Most of them, 45, were foals.’"
    )
    clean = normalise(raw)
    from_raw = [(c.figure.start, c.source_canonical) for c in extract_claims(raw)]
    figures = extract_figures(clean)
    from_clean = [
        (c.figure.start, c.source_canonical)
        for c in attribute_figures(clean, sentence_spans(clean), figures)
    ]
    assert from_raw == from_clean
    assert {name for _, name in from_raw} == {"Elin Howell"}


def test_role_before_a_name_after_the_cue():
    (claim,) = extract_claims('"The hive held 8,000 bees," said beekeeper Dara Quinn.')
    assert (claim.source, claim.source_canonical) == ("beekeeper Dara Quinn", "Dara Quinn")


@pytest.mark.parametrize("title", ["Cllr.", "Mx.", "Insp.", "Supt.", "Det. Ch. Insp."])
def test_abbreviated_titles_do_not_end_a_sentence(title):
    text = f"The repairs will cost £90,000, said {title} Robin Ashe. Work starts in May."
    assert len(split_sentences(text)) == 2
    claim = extract_claims(text)[0]
    assert claim.source_canonical == "Robin Ashe"


def test_a_claim_called_false_by_its_source_is_denied():
    found = {
        c.figure.surface: (c.source_canonical, c.stance)
        for c in extract_claims(
            "Suggestions that 75 wardens will lose their jobs are untrue, the park authority "
            "said. The authority said 12 new rangers would start in May."
        )
    }
    assert found["75 wardens"] == ("park authority", "denied")
    assert found["12 new rangers"] == ("park authority", "asserted")


def test_a_denial_with_no_figure_in_the_next_sentence_disputes_the_claim():
    text = "The insurgents said they had seized 4 villages. The army denied giving up any ground."
    (claim,) = extract_claims(text)
    assert (claim.source_canonical, claim.stance) == ("insurgents", "disputed")


def test_another_party_putting_the_figure_closer_to_another_disputes_it():
    text = (
        "The port put the losses at $30 million. Shippers said the cost was closer to $90 million."
    )
    first, second = extract_claims(text)
    assert (first.source_canonical, first.stance) == ("port", "disputed")
    assert (second.source_canonical, second.stance) == ("Shippers", "asserted")


def test_documents_seen_by_an_outlet_are_the_source_not_the_outlet():
    (claim,) = extract_claims("Letters seen by the Courier show the trust paid £70,000 in fees.")
    assert (claim.source_canonical.lower(), claim.source_type) == ("letters", "document")


def test_a_description_then_a_name_makes_the_description_refer_to_the_name():
    text = (
        "The ferry operator, Kelso Lines, said 18 sailings were cancelled. "
        "The operator said 2 ships were under repair."
    )
    assert {c.source_canonical for c in extract_claims(text)} == {"Kelso Lines"}


def test_initials_of_an_organisation_named_in_full_refer_to_it():
    text = (
        "The Marine Accident Investigation Branch said the trawler sank in 4 minutes. "
        "The MAIB said 3 crew were rescued."
    )
    assert {c.source_canonical for c in extract_claims(text)} == {
        "Marine Accident Investigation Branch"
    }


def test_a_relative_who_said_frame_without_a_comma_governs_only_what_follows():
    text = (
        "A tribunal awarded £48,000 to a porter who said he was dismissed for whistleblowing, "
        "tribunal records show."
    )
    (claim,) = extract_claims(text)
    assert (claim.source_canonical, claim.source_type) == ("tribunal", "document")


def test_a_figure_named_after_it_with_its_source():
    text = "The club would not confirm a fee of £9 million, a figure the striker's agent gave."
    (claim,) = extract_claims(text)
    assert claim.source_canonical == "striker's agent"


def test_according_to_a_description_then_its_name():
    (claim,) = extract_claims("Some 7,500 homes lost power, according to the utility, Tenby Power.")
    assert (claim.source_canonical, claim.source_type) == ("Tenby Power", "company")


def test_shares_of_a_company_name_it_for_later_pronouns():
    text = (
        "Shares of Corran Energy fell 8% after the company cut its outlook.\n"
        "Corran now expects profit of $40 million, it said."
    )
    found = {c.figure.surface: c.source_canonical for c in extract_claims(text)}
    assert found["$40 million"] == "Corran Energy"


def test_a_weak_verb_gives_way_to_an_owned_role_said_later():
    text = "The lending fund expects growth of 1.8% next year, its chief economist said."
    (claim,) = extract_claims(text)
    assert claim.source_canonical == "chief economist"
