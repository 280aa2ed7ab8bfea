"""Tests of helpers.sentences: Punkt with abbreviations set in code, on seed sentences."""

from __future__ import annotations

from fixtures import SEED_RAW_DIR
from helpers.clean import clean_article
from helpers.sentences import ABBREVIATIONS, make_tokenizer, sentence_spans, split_sentences


def clean_seed(stem: str) -> str:
    raw = (SEED_RAW_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    return clean_article(raw).clean_text


def test_us_secretary_of_state_is_not_split():
    line = (
        "During a press conference in London, U.S. Secretary of State Antony Blinken, alongside "
        "British Foreign Secretary David Lammy, stated that Iran had disregarded warnings that "
        "such transfers would escalate the conflict significantly."
    )
    assert split_sentences(line) == [line]


def test_time_of_day_is_not_a_sentence_end():
    text = "The post went up at 1:23 a.m. ET, November 7, 2022. Zelensky spoke later."
    assert split_sentences(text) == [
        "The post went up at 1:23 a.m. ET, November 7, 2022.",
        "Zelensky spoke later.",
    ]


def test_titles_mr_and_gen_are_not_sentence_ends():
    line = (
        "President Zelensky made the call after tensions between his office and Gen. Zaluzhnyi "
        "flared up last weekend. In an interview with The Economist on November 2, "
        "Mr. Zaluzhnyi compared the current state of fighting against Russia to the stalemate "
        "from World War I."
    )
    first, second = split_sentences(line)
    assert first.endswith("Gen. Zaluzhnyi flared up last weekend.")
    assert second.startswith("In an interview with The Economist on November 2, Mr. Zaluzhnyi")


def test_quote_then_attribution_stays_together_and_next_starts_after_the_quote():
    text = (
        '"Without victory, there will be no country," Mr. Zelensky called. "Russia has now '
        'received shipments of these ballistic missiles," said Blinken.'
    )
    assert split_sentences(text) == [
        '"Without victory, there will be no country," Mr. Zelensky called.',
        '"Russia has now received shipments of these ballistic missiles," said Blinken.',
    ]


def test_sentence_ending_inside_a_quote_keeps_the_closing_quote():
    text = clean_seed("000_66b62aea542f96ee")
    sentences = split_sentences(text)
    ending = (
        '"In particular, for this, Russia needs Iranian missiles," the Ukrainian president said, '
        'adding Ukraine is "preparing to respond."'
    )
    assert ending in sentences
    follower = sentences[sentences.index(ending) + 1]
    assert follower.startswith('He also said that on Sunday, Russians "used Iranian attack drones')


def test_last_line_without_final_period_is_its_own_sentence():
    text = clean_seed("000_66b62aea542f96ee")
    assert (
        "Iranian drones have played a significant role in the conflict since Russia launched its "
        "full-scale invasion of Ukraine in late February"
    ) in split_sentences(text)


def test_two_sentences_of_one_line_are_split():
    text = clean_seed("002_e88ceadba1c3ec69")
    sentences = split_sentences(text)
    assert sentences[:2] == [
        "The United States confirmed the presence of Iranian military instructors helping "
        "Russians in the occupied territory of Ukraine.",
        "They helped the Russian army.",
    ]


def test_spans_index_the_text_and_never_cross_a_line_break():
    text = clean_seed("003_165e4b519f61ba16")
    spans = sentence_spans(text)
    assert len(spans) > 20
    for start, end in spans:
        sentence = text[start:end]
        assert sentence == sentence.strip() and "\n" not in sentence
    assert [start for start, _ in spans] == sorted(start for start, _ in spans)


def test_abbreviations_are_configured_in_code():
    assert {"u.s", "u.k", "a.m", "p.m", "gen", "mr", "sept", "approx"} <= ABBREVIATIONS
    assert "gen" in make_tokenizer()._params.abbrev_types
