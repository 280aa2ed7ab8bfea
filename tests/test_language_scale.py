"""The one tokenisation pass of helpers.language gives the same concordance, dispersion and
sentiment as reading the sentences again, and sentiment can be limited to the sentences that
name the framing target. Sentences are written here or taken from the seed articles."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR
from helpers import language


@pytest.fixture(scope="module")
def seeds() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One sentence per non-blank line of the seed articles, one outlet per article, dated so
    that the corpus order differs from the order of the files."""
    rows, meta = [], []
    for n, path in enumerate(sorted(SEED_RAW_DIR.glob("*.txt"))):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        rows += [
            {"article_id": path.stem, "sentence_id": i, "text": line}
            for i, line in enumerate((line for line in lines if line), start=1)
        ]
        meta.append({"article_id": path.stem, "outlet": f"Outlet {n % 3}",
                     "published": f"2024-0{5 - n}-01", "status": "ok"})  # fmt: skip
    return pd.DataFrame(rows), pd.DataFrame(meta)


def test_concordance_from_the_counts_equals_reading_the_sentences(seeds):
    sentences, articles = seeds
    counts = language.count_corpus(sentences, articles)
    keywords = ["drone", "missile", "said"]
    again = language.concordances(sentences, keywords)
    shared = language.concordances(sentences, keywords, counts=counts)
    assert len(shared) > 20
    pd.testing.assert_frame_equal(again, shared)
    assert set(shared["keyword"].str.lower()) >= {"drone", "drones", "missiles", "said"}


def test_dispersion_from_the_counts_equals_counting_every_sentence(seeds):
    sentences, articles = seeds
    counts = language.count_corpus(sentences, articles)
    hits, spans = language.dispersion(sentences, articles, ["drone", "Russia"])
    shared_hits, shared_spans = language.dispersion(
        sentences, articles, ["drone", "Russia"], counts=counts
    )
    pd.testing.assert_frame_equal(hits, shared_hits, check_dtype=False)
    pd.testing.assert_frame_equal(spans, shared_spans, check_dtype=False)
    assert spans["n_words"].sum() == counts.sentence_words["words"].sum()
    assert spans["published"].is_monotonic_increasing  # articles in date order


def test_words_per_sentence_count_words_not_numbers_or_punctuation():
    sentences = pd.DataFrame(
        {"article_id": ["a", "a"], "sentence_id": [1, 2],
         "text": ["The U.S. sent 4.5 million doses, officials said.", "10km of road-works"]}
    )  # fmt: skip
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["Desk"], "published": [""]})
    counts = language.count_corpus(sentences, articles)
    assert counts.sentence_words["words"].tolist() == [7, 3]
    assert {"U.S.", "doses", "road-works", "km"} <= counts.forms
    assert "4.5" not in counts.forms


def test_counts_hold_the_words_a_keyword_is_matched_against():
    sentences = pd.DataFrame(
        {"article_id": ["a", "b"], "sentence_id": [1, 1],
         "text": ["Ferries resumed; the ferry’s crew said so.", "A ferryman waved."]}
    )  # fmt: skip
    counts = language.count_corpus(sentences)
    kwic = language.concordances(sentences, ["ferry"], counts=counts)
    assert kwic["keyword"].tolist() == ["Ferries", "ferry’s"]  # not "ferryman"


def test_sentiment_of_the_target_only_scores_the_sentences_naming_it():
    target = re.compile(r"\bthe mayor\b", re.IGNORECASE)
    texts = [
        "The mayor praised the brave volunteers.",
        "Floodwater destroyed forty homes, a terrible loss.",
        "Critics said the mayor failed the city.",
        "Floodwater destroyed forty homes, a terrible loss.",
    ]
    sentences = pd.DataFrame({"article_id": "a", "sentence_id": range(1, 5), "text": texts})
    every = language.sentence_sentiment(sentences, target)
    named = language.sentence_sentiment(sentences, target, scope="target")
    assert named["sentence_id"].tolist() == [1, 3]
    pd.testing.assert_frame_equal(named, every[every["names_target"]].reset_index(drop=True))
    assert every.loc[1, "compound"] == every.loc[3, "compound"] < 0  # one text, one score
    assert language.sentence_sentiment(sentences, None, scope="target").empty
    assert language.sentence_sentiment(sentences, target, scope="none").empty
    with pytest.raises(ValueError, match="scope"):
        language.sentence_sentiment(sentences, target, scope="some")


def test_a_summary_of_the_target_alone_has_no_row_for_all_sentences():
    target = re.compile(r"\bunion\b")
    sentences = pd.DataFrame(
        {"article_id": ["a", "a", "b"], "sentence_id": [1, 2, 1],
         "text": ["The union won a fair deal.", "Rain fell.", "The union lost badly."]}
    )  # fmt: skip
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Post", "Wire"]})
    scores = language.sentence_sentiment(sentences, target, scope="target")
    tone = language.sentiment_by_outlet(scores, articles, subsets=("target",))
    assert tone["subset"].tolist() == ["target", "target"]
    assert tone.set_index("outlet")["n_sentences"].to_dict() == {"Post": 1, "Wire": 1}
    figure = language.plot_sentiment(tone, "the union")
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert labels == ["sentences naming the union"]


def test_top_concordance_keeps_the_first_lines_of_each_keyword(seeds):
    sentences, _ = seeds
    kwic = language.concordances(sentences, ["drone", "said"])
    top = language.top_concordance(kwic, 3)
    assert top.groupby("query").size().to_dict() == {"drone": 3, "said": 3}
    pd.testing.assert_frame_equal(
        top[top["query"] == "said"].reset_index(drop=True),
        kwic[kwic["query"] == "said"].head(3).reset_index(drop=True),
    )


def test_the_notebook_says_which_sentences_were_scored():
    scores = pd.DataFrame({"compound": [0.1, -0.4]})
    assert "no framing target" in language.sentiment_note("target", "", None)
    assert "Only the 2 sentences naming the union" in language.sentiment_note(
        "target", "the union", scores
    )
    assert language.sentiment_note("all", "", scores) == "Every sentence was scored: 2 in all."
    assert "all sentences and the sentences naming the union" in language.sentiment_caption(
        "all", "the union"
    )
    assert "all sentences:" in language.sentiment_caption("all", "")


def test_the_target_is_found_as_the_pattern_finds_it_whatever_the_pattern():
    texts = pd.Series(
        ["IRANIAN ships", "the Iranés", "an iran-born poet", "Tehranis", "nothing", "",
         "Über Köln", "köln"]
    )  # fmt: skip
    patterns = [
        re.compile(r"\b(?:Iran(?:ians?)?|Tehran)\b", re.IGNORECASE),
        re.compile(r"Iran\w+"),  # \w is wider in Python than in RE2: no prefilter
        re.compile(r"(?<!the )Iran", re.IGNORECASE),  # a look-behind RE2 refuses
        re.compile(r"\bköln\b", re.IGNORECASE),  # not ASCII: no prefilter
        re.compile(r"\\b|poet"),  # an escaped backslash before "b" is not a boundary
    ]
    for pattern in patterns:
        expected = texts.str.contains(pattern).tolist()
        assert language.pattern_matches(texts, pattern).tolist() == expected, pattern
    assert language.pattern_matches(texts, patterns[0]).tolist() == [
        True, False, True, False, False, False, False, False,
    ]  # fmt: skip


def test_tokens_read_piece_by_piece_are_the_tokens_of_the_whole_sentence(seeds):
    sentences, _ = seeds
    odd = pd.Series(["", "  two  spaces ", "tab\tand\nline", "U.S.-made, 4.5km"])
    texts = pd.concat([sentences["text"], odd], ignore_index=True)
    table = language.token_table(texts)
    expected = [
        (row, language.normalise(token))
        for row, text in texts.items()
        for token in language.tokenize(text)
        if language.is_word(token) or token[:1].isdigit()
    ]
    assert list(zip(table["row"], table["norm"], strict=True)) == expected
