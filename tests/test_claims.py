"""Tests for helpers.claims: who said each figure, on real passages of the seed articles.

Passages are quoted from the clean texts (straight quotes, as helpers.corpus writes them).
"""

from __future__ import annotations

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers import paths
from helpers.claims import (
    CLAIM_COLUMNS,
    attribute_sentences,
    attributions_table,
    canonical_source,
    claims_table,
    extract_claims,
    find_hedges,
    governing_attribution,
    source_type_for,
)
from helpers.sentences import sentence_spans
from helpers.study import load_study

STUDY = load_study("iran-drones")  # the seed study: its actors and labels

# --- passages from the seeds ------------------------------------------------------------------

ZELENSKY_QUOTE = (  # 000: a quote of two sentences closed by "Zelensky said" in the second
    '"We also understand that the terrorist state is concentrating forces and means for a '
    'possible repetition of mass attacks on our infrastructure. First of all, energy," Zelensky '
    'said. "In particular, for this, Russia needs Iranian missiles," the Ukrainian president '
    'said, adding Ukraine is "preparing to respond."'
)
ZELENSKY_POWER = (  # 000
    "Already, more than 4.5 million residents are without power across Kyiv and six other "
    "regions because of Russian strikes, Zelensky said in his nightly address Sunday."
)
WESTERN_OFFICIALS = (  # 000, end of the second post
    "Some context: Russia has launched a series of drone attacks across Ukraine in recent weeks, "
    "striking vital civilian infrastructure and sowing terror in Ukrainian cities far from the "
    "frontlines of the war. Ukrainian officials said last week that they had shot down more "
    "than 300 Iranian drones.\n"
    "Officials from a Western country that closely monitors Iran's weapons program also told "
    "CNN that Iran is preparing to send more attack drones, along with surface-to-surface "
    "short-range ballistic missiles, to Russia to use in its war against Ukraine.\n"
    "The last shipment of weapons from Iran to Russia included about 450 drones, officials "
    "said, which the Russians have already used to deadly effect in Ukraine."
)
TOLD_CNN = (  # 000
    "Some background: Iran is preparing to send approximately 1,000 additional weapons, "
    "including missiles and more attack drones, to Russia, officials from a Western country "
    "that closely monitors Iran's weapons program told CNN."
)
KIRBY_ADDED = (  # 004: "He added" after "Kirby said", the quote runs over two sentences
    '"Russia is seeking to collaborate with Iran in areas like weapons development, training," '
    'Kirby said. "Iran has become Russia\'s top military backer."\n'
    "He added, \"Russia's been using Iranian drones to strike energy infrastructure, depriving "
    "millions of Ukrainians of power, heat, critical services. People in Ukraine today are "
    "dying as a result of Iran's actions.\""
)
NBC_CITED = (  # 004: "NBC News, who cited senior US officials" then "one senior official"
    "Russia is reportedly contemplating working with Iran on weapons development, which would "
    "include forming a joint production line for lethal drones, according to NBC News, who "
    "cited senior US officials.\n"
    "\"This partnership poses a threat not just to Ukraine but to Iran's neighbors in the "
    'region," said one senior official, according to NBC.'
)
GUARDIAN_WOODWARD = (  # 004: an outlet reports what a named person said, then Iran denies it
    "The Guardian reported that the UK's ambassador to the UN, Barbara Woodward, said on "
    "Friday that Iran had transferred hundreds of drones to Russia since August.\n"
    "Iran has denied the accusations and said that any Iranian-made drones that Russia is using "
    "was bought before they invaded Ukraine."
)
GLADKOV_TASS = (  # 003: apposition, then "according to TASS news agency, citing Gladkov"
    "Vyacheslav Gladkov, governor of Russia's Belgorod region, wrote on the Telegram messaging "
    "app on November 7 that the Ukrainian military had fired more than 60 artillery shells at "
    "population centers in the region in the previous 24 hours. There were no casualties or "
    "damage in the new attacks, according to TASS news agency, citing Gladkov."
)
DEFENSE_MINISTRY_TASS = (  # 003: "X announced ..., according to TASS"
    "Meanwhile, the Russian Defense Ministry announced on November 7 that Russian air defense "
    "systems had destroyed and intercepted 17 Ukrainian drones over the Black Sea and Crimea, "
    "according to TASS."
)
KIRBY_APPOSITION = (  # 002: passive "announced by" + a long apposition + "writes Voice of America"
    "This was announced by John Kirby, Coordinator for Strategic Communications at the National "
    "Security Council in the White House, writes Voice of America.\n"
    "He also said that the United States is considering additional sanctions against Iran and "
    "increased assistance to Ukraine in air defense."
)
REUTERS_ONLY = (  # 003
    "The Netherlands on November 7 sent the first five F-16 fighter jets to Romania for use in "
    "training Ukrainian pilots, according to Reuters."
)
SANCTIONS = (  # 001: the outlet's own statement
    "These sanctions target two high-ranking officers in the Islamic Revolutionary Guard Corps, "
    "a senior defense ministry official, several businesses, and four Russian cargo ships "
    "alleged to have transported supplies from Iran to Russia."
)
BLINKEN = (  # 001: "X elaborated that ..." with a paired conversion
    "Blinken elaborated that numerous Russian military personnel had received training in Iran "
    "to operate the Fath-360 close-range ballistic missile system, which has a maximum range of "
    "75 miles (120 kilometers)."
)
IRAN_DENIES = (  # 001: a denial passed on by an agency
    "The Iranian foreign ministry has denied providing ballistic missiles to Russia, as reported "
    "by the semiofficial ISNA news agency."
)


def claim_for(text: str, surface_word: str):
    """The claim whose figure surface contains ``surface_word`` (exactly one must)."""
    found = [c for c in extract_claims(text, study=STUDY) if surface_word in c.figure.surface]
    assert len(found) == 1, [c.figure.surface for c in extract_claims(text, study=STUDY)]
    return found[0]


def speaker_at(text: str, word: str):
    """The governing attribution of the first occurrence of ``word`` in ``text``."""
    sentences = attribute_sentences(text, sentence_spans(text), STUDY)
    return governing_attribution(text, text.index(word), sentences, study=STUDY)


# --- attribution conventions ------------------------------------------------------------------


def test_quote_closed_by_speaker_in_the_next_sentence():
    # "infrastructure" sits in the first sentence of the quote; "Zelensky said" is in the second
    first_sentence = speaker_at(ZELENSKY_QUOTE, "repetition of mass attacks")
    assert first_sentence.speaker.canonical == "Volodymyr Zelensky"
    assert first_sentence.cue == "said"
    # the next quote is closed by a description of the same man
    second = speaker_at(ZELENSKY_QUOTE, "Russia needs Iranian missiles")
    assert second.speaker.phrase == "the Ukrainian president"
    assert second.speaker.canonical == "Volodymyr Zelensky"


def test_subject_said_after_the_figure():
    claims = extract_claims(ZELENSKY_POWER, study=STUDY)
    assert [c.figure.surface.split()[0] for c in claims] == ["more", "six"]
    for claim in claims:
        assert (claim.source, claim.source_canonical) == ("Zelensky", "Volodymyr Zelensky")
        assert claim.source_type == "Ukrainian government"


def test_he_added_takes_the_last_named_speaker():
    claim = claim_for(KIRBY_ADDED, "millions")
    assert claim.source == "He"
    assert claim.source_canonical == "John Kirby"
    assert claim.source_type == "US government"
    assert claim.cue == "added"
    # the second sentence of Kirby's first quote has no verb of its own: it continues the quote
    assert speaker_at(KIRBY_ADDED, "top military backer").speaker.canonical == "John Kirby"


def test_officials_said_refers_back_to_the_officials_named_earlier():
    claim = claim_for(WESTERN_OFFICIALS, "450")
    assert claim.source == "officials"
    assert claim.source_canonical == "Western officials"
    assert claim.source_type == "anonymous officials"
    # without the earlier paragraph there is nobody to refer back to
    alone = WESTERN_OFFICIALS.split("\n")[-1]
    assert claim_for(alone, "450").source_canonical == "officials"


def test_plain_subject_with_time_phrase():
    claim = claim_for(WESTERN_OFFICIALS, "300")
    assert (claim.source, claim.source_canonical) == ("Ukrainian officials", "Ukrainian officials")
    assert claim.source_type == "Ukrainian government"


def test_told_cnn_gives_the_officials_as_source():
    claim = claim_for(TOLD_CNN, "1,000")
    assert claim.source.startswith("officials from a Western country")
    assert claim.source_canonical == "Western officials"
    assert claim.cue == "told"
    assert claim.via == ""


def test_apposition_after_a_name():
    shells = claim_for(GLADKOV_TASS, "60")
    assert shells.source_canonical == "Vyacheslav Gladkov"
    assert shells.source_type == "Russian government"
    assert shells.cue == "wrote"


def test_passive_announced_by_with_long_apposition_and_writes_outlet():
    sentences = attribute_sentences(KIRBY_APPOSITION, sentence_spans(KIRBY_APPOSITION), STUDY)
    (frame,) = sentences[0].frames
    assert frame.speaker.canonical == "John Kirby"
    assert frame.via == "Voice of America"
    assert frame.cue == "announced"
    (he,) = sentences[1].frames
    assert (he.speaker.phrase, he.speaker.canonical) == ("He", "John Kirby")


def test_according_to_agency_citing_speaker_also_covers_the_sentence_before():
    sentences = attribute_sentences(GLADKOV_TASS, sentence_spans(GLADKOV_TASS), STUDY)
    (citing,) = sentences[1].frames
    assert (citing.speaker.canonical, citing.via) == ("Vyacheslav Gladkov", "TASS")
    shells = claim_for(GLADKOV_TASS, "60")
    assert shells.via == "TASS"
    window = claim_for(GLADKOV_TASS, "24")
    assert (window.source_canonical, window.via) == ("Vyacheslav Gladkov", "TASS")


def test_speaker_announced_according_to_agency():
    claim = claim_for(DEFENSE_MINISTRY_TASS, "17")
    assert claim.source == "the Russian Defense Ministry"
    assert claim.source_canonical == "Russian Defense Ministry"
    assert claim.source_type == "Russian military"
    assert claim.via == "TASS"


def test_outlet_who_cited_officials_and_one_senior_official():
    sentences = attribute_sentences(NBC_CITED, sentence_spans(NBC_CITED), STUDY)
    (first,) = sentences[0].frames
    assert (first.speaker.canonical, first.via) == ("US officials", "NBC News")
    claim = claim_for(NBC_CITED, "one senior official")
    assert claim.source == "one senior official"
    assert claim.source_canonical == "US officials"
    assert claim.via == "NBC News"


def test_outlet_reported_that_person_said():
    claim = claim_for(GUARDIAN_WOODWARD, "hundreds")
    assert claim.source_canonical == "Barbara Woodward"
    assert claim.source_type == "UK government"
    assert claim.via == "The Guardian"


def test_according_to_an_outlet_alone_makes_it_the_source():
    claim = claim_for(REUTERS_ONLY, "five")
    assert (claim.source_canonical, claim.source_type, claim.via) == (
        "Reuters",
        "news outlet",
        "",
    )


def test_sentence_without_attribution_is_the_outlets_own():
    claims = extract_claims(SANCTIONS, study=STUDY)
    assert [c.figure.surface.split()[0] for c in claims] == ["two", "four"]
    for claim in claims:
        assert (claim.source, claim.source_canonical) == ("", "")
        assert claim.source_type == "outlet itself"


def test_reported_speech_covers_a_range_and_its_conversion():
    claims = extract_claims(BLINKEN, study=STUDY)
    assert [c.figure.value for c in claims] == [75, 120]
    assert {c.source_canonical for c in claims} == {"Antony Blinken"}


# --- stance -----------------------------------------------------------------------------------


def test_denial_frame_and_agency_via():
    sentences = attribute_sentences(IRAN_DENIES, sentence_spans(IRAN_DENIES), STUDY)
    (frame,) = sentences[0].frames
    assert frame.denies
    assert frame.speaker.canonical == "Iranian foreign ministry"
    assert frame.speaker.source_type == "Iranian government"
    assert frame.via == "ISNA"


def test_claim_denied_by_another_party_next_is_disputed():
    sentences = attribute_sentences(GUARDIAN_WOODWARD, sentence_spans(GUARDIAN_WOODWARD), STUDY)
    denied, also_said = sentences[1].frames
    assert denied.denies and denied.speaker.canonical == "Iranian government"
    assert also_said.cue == "said" and also_said.speaker.canonical == "Iranian government"
    assert claim_for(GUARDIAN_WOODWARD, "hundreds").stance == "disputed"
    # without the denial the same claim is simply asserted
    alone = GUARDIAN_WOODWARD.split("\n")[0]
    assert claim_for(alone, "hundreds").stance == "asserted"


def test_undisputed_claims_are_asserted():
    assert {c.stance for c in extract_claims(WESTERN_OFFICIALS, study=STUDY)} == {"asserted"}


# --- hedges, names, types ---------------------------------------------------------------------


def test_hedges_are_found_in_text_order():
    assert find_hedges(NBC_CITED.split("\n")[0]) == ("reportedly",)
    blinken_quote = (
        '"Russia has now received shipments of these ballistic missiles and is likely to use '
        'them within weeks in Ukraine, targeting Ukrainian forces," said Blinken.'
    )
    assert find_hedges(blinken_quote) == ("likely",)
    assert find_hedges(ZELENSKY_POWER) == ()
    assert claim_for(SANCTIONS, "four").hedges == ("alleged",)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ukraine's President Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("Mr. Zelensky", "Volodymyr Zelensky"),
        ("Mr Zelensky", "Volodymyr Zelensky"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("President Zelensky", "Volodymyr Zelensky"),
        ("the Ukrainian president", "Volodymyr Zelensky"),
        ("Kirby", "John Kirby"),
        ("John Kirby", "John Kirby"),
        ("US national security council spokesperson John Kirby", "John Kirby"),
        ("U.S. Secretary of State Antony Blinken", "Antony Blinken"),
        ("Iranian Foreign Minister Hossein Amirabdollahian", "Hossein Amirabdollahian"),
        ("Nasser Kanaani, a spokesman for the ministry", "Nasser Kanaani"),
        ("the Russian Defense Ministry", "Russian Defense Ministry"),
        ("The Dutch Ministry of Defense", "Dutch Ministry of Defense"),
        ("TASS news agency", "TASS"),
        ("NBC", "NBC News"),
        ("the semiofficial ISNA news agency", "ISNA"),
        ("officials from a Western country that closely monitors Iran's weapons program",
         "Western officials"),
        ("senior US officials", "US officials"),
        ("Ukrainian military officials", "Ukrainian military officials"),
        ("", ""),
    ],
)  # fmt: skip
def test_canonical_source_folds_titles_and_variants(written, canonical):
    assert canonical_source(written, STUDY) == canonical


def test_canonical_source_keeps_unknown_actors_and_does_not_overreach():
    assert canonical_source("Lithuania", STUDY) == "Lithuania"
    assert canonical_source("Japan", STUDY) == "Japan"
    # an adviser to Zelensky is not Zelensky
    adviser = canonical_source("a foreign affairs adviser to the Ukrainian leader", STUDY)
    assert adviser == "foreign affairs adviser to the Ukrainian leader"
    # "price" the word is not Ned Price
    assert canonical_source("the price ceiling", STUDY) == "price ceiling"


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Zelensky", "Ukrainian government"),
        ("Gen. Zaluzhnyi", "Ukrainian military"),
        ("Ukrainian military officials", "Ukrainian military"),
        ("the Russian Defense Ministry", "Russian military"),
        ("Vyacheslav Gladkov", "Russian government"),
        ("The Iranian foreign ministry", "Iranian government"),
        ("The United States", "US government"),
        ("Barbara Woodward", "UK government"),
        ("Lithuania", "other government"),
        ("Japan's defence ministry", "other government"),
        ("officials", "anonymous officials"),
        ("Reuters", "news outlet"),
        ("the semiofficial ISNA news agency", "news outlet"),
        ("", "outlet itself"),
    ],
)
def test_source_type_for(written, kind):
    assert source_type_for(written, STUDY) == kind
    assert kind in STUDY.source_types


def test_bad_input_is_refused_with_a_named_error():
    with pytest.raises(TypeError, match="extract_claims"):
        extract_claims(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="canonical_source"):
        canonical_source(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sentence span"):
        attribute_sentences(REUTERS_ONLY, [(0, len(REUTERS_ONLY) + 5)])
    with pytest.raises(ValueError, match="lacks column"):
        claims_table(pd.DataFrame({"article_id": []}), pd.DataFrame(), {})


# --- the corpus tables ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from helpers.corpus import build_corpus, load_clean_texts, load_corpus

    out = tmp_path_factory.mktemp("processed")
    build_corpus(SEED_RAW_DIR, out, progress=False, verbose=False)
    return load_corpus(out), load_clean_texts(out)


@pytest.fixture(scope="module")
def claims(corpus):
    frames, texts = corpus
    return claims_table(frames["articles"], frames["sentences"], texts, study=STUDY)


def test_claims_table_has_figure_and_claim_columns_in_order(corpus, claims):
    from helpers.figures import figures_table

    frames, _ = corpus
    figure_columns = list(figures_table(frames["sentences"]).columns)
    assert list(claims.columns) == [*figure_columns, *CLAIM_COLUMNS, "outlet", "published"]
    assert claims.equals(claims.sort_values(["article_id", "start"]).reset_index(drop=True))
    assert set(claims["stance"]) <= {"asserted", "denied", "disputed"}
    assert set(claims["source_type"]) <= set(STUDY.source_types)
    assert claims.attrs["refused"] == []
    cnn = claims.loc[claims["article_id"] == "000_66b62aea542f96ee"]
    assert set(cnn["outlet"]) == {"CNN"} and set(cnn["published"]) == {"2022-11-07"}
    # the figure columns agree with the clean text
    _, texts = corpus
    for row in claims.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.surface


def test_claims_reach_the_targets_on_the_seed_gold(corpus, claims):
    from helpers.evaluate import merge_gold, score_claims
    from helpers.io import read_table

    _, texts = corpus
    gold = merge_gold(
        read_table(SEED_ANNOTATIONS_DIR / paths.FIGURES_GOLD_CSV),
        read_table(SEED_ANNOTATIONS_DIR / paths.CLAIMS_GOLD_CSV),
    )
    fields = ("source_canonical", "source_type", "stance")
    scores = score_claims(claims, gold, texts, fields=fields).table.set_index("field")
    for field in fields:
        assert scores.at[field, "accuracy_all"] == 1.0, field  # 25 of 25


def test_attributions_table_lists_speakers_without_figures(corpus):
    frames, texts = corpus
    table = attributions_table(frames["articles"], frames["sentences"], texts, study=STUDY)
    article_002 = table.loc[table["article_id"] == "002_e88ceadba1c3ec69"]
    assert "John Kirby" in set(article_002["source_canonical"])
    assert "Ned Price" in set(article_002["source_canonical"])
    for row in table.itertuples():
        assert row.start >= 0 and row.sentence_text in texts[row.article_id]
