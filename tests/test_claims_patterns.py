"""Tests of attribution by pattern: titles, anonymous sources, institutions by head noun,
documents, negated cues, participles, reduced passives, quotes across paragraphs, disputes.

Every sentence here was written for these tests (none is from the attribution development set
or from any article). Each test names the pattern it checks, with more than one wording.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from helpers.claims import canonical_source, claims_table, extract_claims, source_type_for
from helpers.claims.documents import document_author, document_head, document_name
from helpers.claims.extract import default_spans, join_title_splits
from helpers.claims.institutions import institution_type
from helpers.claims.textmap import TextMap
from helpers.claims.titles import title_type
from helpers.clean import normalise_typography
from helpers.sentences import sentence_spans

GOV, MIL, POL = "government", "military", "police/emergency services"
CIV, CO, EXP = "NGO/civil society", "company", "expert"
ANON, DOC, OUT, OTH = "anonymous official", "document", "outlet itself", "other"


def claim_of(text: str, surface: str):
    """The claim whose figure starts with ``surface``."""
    claims = extract_claims(text)
    found = [c for c in claims if c.figure.surface.startswith(surface)]
    assert found, (surface, [c.figure.surface for c in claims])
    return found[0]


# --- titles and honorifics --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Supt. Mary Oduya", "Mary Oduya"),
        ("Det Sgt Paul Rhys", "Paul Rhys"),
        ("Insp. Lena Vogt of the city police", "Lena Vogt"),
        ("Cllr Joan Petit", "Joan Petit"),
        ("Mx. Sam Ueda", "Sam Ueda"),
        ("The Rev. Abel Mora", "Abel Mora"),
        ("Rep. Tia Moss (D-Ore.)", "Tia Moss"),
        ("Chief Constable Ruth Ingle", "Ruth Ingle"),
        ("Lt. Col. Omar Farah", "Omar Farah"),
        ("Nurse Ada Kim", "Ada Kim"),
        ("General Motors", "General Motors"),
    ],
)
def test_titles_and_honorifics_leave_the_name(written, canonical):
    assert canonical_source(written) == canonical


@pytest.mark.parametrize(
    ("phrase", "description", "kind"),
    [
        ("Supt Ian Roe", "", POL),
        ("Det Ch Insp Mo Ali", "", POL),
        ("Gov. Rita Vale", "", GOV),
        ("Cllr Amy Hart", "", GOV),
        ("Gen. Kofi Mensah", "", MIL),
        ("Sgt. Ed Kerr", "", MIL),  # a shared rank, read as military when nothing says more
        ("Sgt. Ed Kerr", "a spokesman for the highway patrol", POL),
        ("Capt. Ivy Ng", "of the county fire department", POL),
        ("Dr. Hal Ruiz", "", EXP),
        ("Dr. Hal Ruiz", "the city's public health director", GOV),
        ("The Rev. Joy Ade", "", CIV),
    ],
)
def test_titles_type_their_holder_unless_the_apposition_says_more(phrase, description, kind):
    assert source_type_for(phrase, description=description) == kind


def test_a_title_before_an_institution_name_is_no_title():
    assert title_type("General Motors") == ("", "none")
    assert title_type("the father of the boy") == ("", "none")
    assert title_type("Det Insp Jo Bell")[0] == POL


def test_a_sentence_cut_after_an_abbreviated_title_is_joined():
    text = '"Nine cars were stolen," said Supt. Ken Hale. He said 4 were found.'
    spans = sentence_spans(text)
    joined = join_title_splits(text, spans)
    assert len(joined) == len(spans) - 1 or len(spans) == 2
    assert [text[a:b] for a, b in joined][0].endswith("Ken Hale.")
    claim = claim_of(text, "Nine cars")
    assert (claim.source_canonical, claim.source_type) == ("Ken Hale", POL)
    assert claim_of(text, "4").source_canonical == "Ken Hale"


def test_a_party_tag_after_a_lawmaker_is_an_apposition():
    claim = claim_of("Sen. Dora Vick, R-Kan., said the plan would cost $4 billion.", "$4 billion")
    assert (claim.source_canonical, claim.source_type) == ("Dora Vick", GOV)
    claim = claim_of("Rep. Al Stone (D-Vt.) said 300 farms had flooded.", "300 farms")
    assert claim.source_canonical == "Al Stone"


# --- anonymous sources ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "description"),
    [
        ("a source close to the board", ""),
        ("an airport source", ""),
        ("people familiar with the matter", ""),
        ("three people with knowledge of the talks", ""),
        ("a person briefed on the decision", ""),
        ("two officials", "who spoke on condition of anonymity"),
        ("a senior official", "who asked not to be named"),
        ("two diplomats", ""),
    ],
)
def test_anonymous_sources_by_what_the_text_says_of_them(phrase, description):
    assert source_type_for(phrase, description=description) == ANON


def test_a_named_person_who_speaks_anonymously_elsewhere_is_not_anonymous():
    assert source_type_for("Gen. Kofi Mensah", description="speaking anonymously") == MIL


def test_anonymous_sources_in_sentences():
    claim = claim_of("The bank will cut 900 jobs, people with knowledge of the plan said.", "900")
    assert claim.source_type == ANON
    text = "The club paid about $40 million for the striker, according to a source close to it."
    assert claim_of(text, "about $40 million").source_type == ANON
    text = "Two officials, speaking on condition of anonymity, said the raid killed 14 fighters."
    claim = claim_of(text, "14 fighters")
    assert (claim.source_canonical, claim.source_type) == ("officials", ANON)


# --- institutions by their head nouns ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("the airport", CO),
        ("the airport authority", GOV),
        ("Lakeside Regional Airport", CO),
        ("the hospital trust's lawyers", CO),
        ("the health system", CO),
        ("the county hospital board", GOV),
        ("the tourism board", GOV),
        ("the school district", GOV),
        ("the dockworkers' union", CIV),
        ("the residents' association", CIV),
        ("the national retail federation", CO),  # an association of businesses
        ("the Association of Dairy Producers", CO),
        ("Birchwood Holdings PLC", CO),
        ("the central bank", GOV),
        ("the food bank", CIV),
        ("the appeals court", GOV),
        ("the state attorney's office", GOV),
        ("the county sheriff's office", POL),
        ("the fire and rescue service", POL),
        ("the coast guard", POL),
        ("the state emergency management agency", POL),
        ("the Office of Emergency Management", POL),
        ("the Ministry of Defence", MIL),
        ("Officials at the harbour authority", GOV),
        ("a spokesman for the grocery chain", CO),
        ("the league's commissioner", OTH),
        ("the union's president", CIV),
        ("Local residents", OTH),
        ("Researchers at the Geology Institute", EXP),
        ("Forecasters at the weather service", GOV),
    ],
)
def test_institutions_by_head_noun(phrase, kind):
    assert source_type_for(phrase) == kind


def test_institution_type_is_empty_for_names_and_bare_roles():
    assert institution_type("Priya Raman") == ""
    assert institution_type("a spokesperson") == ""


def test_the_apposition_of_a_name_types_it():
    text = "Ivo Lind, the airline's head of safety, said 12 planes were grounded."
    claim = claim_of(text, "12 planes")
    assert (claim.source_canonical, claim.source_type) == ("Ivo Lind", CO)


# --- documents --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "author"),
    [
        ("A report by the state auditor released Monday", "the state auditor"),
        ("Data compiled by the Port of Halden", "the Port of Halden"),
        ("The agency's own figures", "The agency"),
        ("Growers' association figures", "Growers' association"),
        ("Police records", "Police"),
        ("NHS data published on Friday", "NHS"),
        ("a map the county published on Tuesday", "the county"),
        ("Records obtained by the Courier", ""),
        ("Regulatory filings", ""),
        ("Official estimates", ""),
    ],
)
def test_document_authors(phrase, author):
    assert document_head(phrase)
    assert document_author(phrase) == author


def test_a_name_ending_in_a_document_word_is_no_document():
    assert not document_head("Kerrigan Research")
    assert document_name("Leaked emails seen by the paper") == "emails"


def test_documents_in_sentences():
    text = "Government estimates put the number of empty homes at 41,000."
    claim = claim_of(text, "41,000")
    assert (claim.source_canonical.lower(), claim.source_type) == ("government", DOC)
    text = "Shipping filings show the fleet grew to 88 vessels."
    claim = claim_of(text, "88 vessels")
    assert (claim.source_canonical, claim.source_type) == ("filings", DOC)
    text = "Halverson Foods said it sold 2 plants. Its annual report shows 6,100 staff."
    assert claim_of(text, "6,100").source_canonical == "Halverson Foods"


# --- negated and declined cues ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry did not confirm that 70 ships had been seized.",
        "A spokeswoman would not say how many of its 450 stores would close.",
        "The airline declined to confirm that 30 flights were cancelled.",
        "Police refused to say whether the 8 suspects had been charged.",
    ],
)
def test_a_negated_cue_attributes_nothing(text):
    claim = extract_claims(text)[0]
    assert (claim.source, claim.source_type) == ("", OUT)


def test_declining_to_confirm_does_not_dispute_the_figure_before():
    text = "Villagers said 60 homes burned. The governor's office would not confirm the number."
    claim = claim_of(text, "60 homes")
    assert (claim.source_canonical, claim.stance) == ("Villagers", "asserted")


# --- participles, reduced passives, put-at ----------------------------------------------------


def test_a_participle_reports_for_the_subject_of_its_sentence():
    text = "The regulator fined the lender $3 million, saying it had misled 2,400 savers."
    claim = claim_of(text, "2,400")
    assert (claim.source_canonical, claim.source_type) == ("regulator", GOV)
    text = "Redline Rail cut its timetable, warning that 40 trains a day would be lost."
    assert claim_of(text, "40 trains").source_canonical == "Redline Rail"


def test_a_reduced_passive_names_the_source():
    text = "The death toll rose to 23, a figure first reported by the local radio station."
    claim = claim_of(text, "23")
    assert (claim.source_canonical, claim.source_type) == ("local radio station", "media")


def test_put_the_figure_near_and_closer_to():
    claim = claim_of("The opposition put the bill closer to $9 billion.", "$9 billion")
    assert claim.source_canonical == "opposition"
    claim = claim_of("Organisers put the number of runners at about 30,000.", "about 30,000")
    assert claim.source_canonical == "Organisers"
    assert extract_claims("The storm put the harbour at risk of 3 metre waves.")[0].source == ""


# --- references across sentences and paragraphs -----------------------------------------------


def test_a_quote_opening_the_next_paragraph_continues_the_speaker():
    text = (
        '"We counted 340 nests this spring," said Ola Brandt, who leads the survey.\n'
        '"That is 90 more than last year."'
    )
    assert claim_of(text, "90").source_canonical == "Ola Brandt"
    text = '"We counted 340 nests," said Ola Brandt.\nThe reserve covers 12 square miles.'
    assert claim_of(text, "12 square miles").source == ""


def test_a_company_goes_by_its_short_name_and_its_pronoun():
    text = "Tarvo Energy said output rose 4%. Tarvo now expects 800 new wells. It plans 3 more."
    assert claim_of(text, "800").source_canonical == "Tarvo Energy"
    assert claim_of(text, "3").source_canonical == "Tarvo Energy"


def test_its_role_takes_its_owner_type():
    text = "The observatory counted 45 quakes in a day, its director said."
    claim = claim_of(text, "45 quakes")
    assert (claim.source_canonical, claim.source_type) == ("director", EXP)


def test_a_weak_verb_gives_way_to_the_reporting_frame_after_it():
    text = "Shops recorded a 12% drop in footfall, the retail consortium said."
    assert claim_of(text, "12%").source_canonical == "retail consortium"
    text = "The rebels claimed they had taken 9 towns, but the army denied it."
    assert claim_of(text, "9 towns").source_canonical == "rebels"


# --- stance -----------------------------------------------------------------------------------


def test_the_party_that_disputes_asserts_its_own_figure():
    text = "The union said 5,000 struck. The employer disputed the figure, saying 1,200 had."
    assert claim_of(text, "5,000").stance == "disputed"
    claim = claim_of(text, "1,200")
    assert (claim.source_canonical, claim.stance) == ("employer", "asserted")


def test_the_true_figure_and_an_unverified_claim_dispute_the_sentence_before():
    text = "The mayor said 800 homes were rebuilt. Critics said the real number was 300."
    assert claim_of(text, "800").stance == "disputed"
    text = "The militia said it downed 6 jets. The claim could not be independently verified."
    assert claim_of(text, "6 jets").stance == "disputed"


# --- raw text read as the pipeline reads clean text, quickly ----------------------------------


def test_default_spans_equal_the_sentence_splitter():
    rng = random.Random(3)
    pieces = ["said", "Mr.", "Dr. Ann Lee", "5", ".", "!", "?", "  ", "\n", "\n\n", "the"]
    texts = [" ".join(rng.choices(pieces, k=rng.randint(1, 40))) for _ in range(300)]
    texts += ["  indented line without an end  \n  and another ", "One. Two! Three?"]
    for text in texts:
        assert default_spans(text) == sentence_spans(text), text


def test_textmap_fast_paths_agree_with_normalising():
    rng = random.Random(4)
    alphabet = "ab \u201c\u201d\u2018\u2019\u2014\u2013\u2026\u200b\u00a0."
    for _ in range(500):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 25)))
        m = TextMap(text)
        clean, offsets = normalise_typography(text)
        assert m.clean == clean
        for position in range(len(clean)):
            assert m.to_caller(position) == offsets[position]
            assert m.end_to_caller(position + 1) == offsets[position] + 1


def test_claims_table_with_figures_given_equals_extracting_them():
    from helpers.figures import figures_table

    texts = {
        "a1": "The county said 40 roads were shut. Police said 3 people died.",
        "a2": '"We moved 900 people," said Fire Chief Rosa Lind. She said 2 crews were hurt.',
        "a3": "No figure here.",
    }
    articles = pd.DataFrame(
        {"article_id": list(texts), "status": "ok", "outlet": "X", "published": "2024-01-01"}
    )
    rows = [
        (aid, 0, i, a, b, text[a:b])
        for aid, text in texts.items()
        for i, (a, b) in enumerate(sentence_spans(text))
    ]
    sentences = pd.DataFrame(
        rows, columns=["article_id", "post", "sentence_id", "start", "end", "text"]
    )
    given = claims_table(articles, sentences, texts, figures=figures_table(sentences))
    extracted = claims_table(articles, sentences, texts)
    pd.testing.assert_frame_equal(given, extracted, check_dtype=False)
    assert list(zip(given["surface"], given["source_canonical"], strict=True)) == [
        ("40 roads", "county"),
        ("3 people", "Police"),
        ("900 people", "Rosa Lind"),
        ("2 crews", "Rosa Lind"),
    ]
