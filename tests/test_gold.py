"""The hand-made gold standard is well formed and agrees with the seed articles.

Checks the columns and vocabularies of the shared contract, the arithmetic of values and
ranges, that every gold surface can be found in the (typography-normalised) raw article,
and that the claims gold has exactly one row per gold figure.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers import claims, clean, corpus, evaluate, paths
from helpers.io import read_table

CHANGES = {"=", "~", ">", "<", "up", "down"}
KINDS = {
    "count",
    "length",
    "money",
    "percent",
    "duration",
    "mass",
    "speed",
    "area",
    "energy/power",
    "other",
}
SEED_SOURCES = {
    "Volodymyr Zelensky",
    "Antony Blinken",
    "John Kirby",
    "Hossein Amirabdollahian",
    "Nasser Kanaani",
    "Vyacheslav Gladkov",
    "Ned Price",
    "Barbara Woodward",
    "Yoko Kamikawa",
    "Valery Zaluzhnyi",
    "William Burns",
    "Russian Defense Ministry",
    "Dutch Ministry of Defense",
    "Lithuania",
    "Iranian foreign ministry",
    "Iranian government",
    "Ukrainian officials",
    "Ukrainian military officials",
    "Western officials",
    "US officials",
    "TASS",
    "Reuters",
    "NBC News",
    "The Guardian",
    "CNN",
    "Voice of America",
    "The New York Times",
    "The Kyiv Independent",
    "ISNA",
    "",
}
OUTLETS = {"TASS", "Reuters", "NBC News", "The Guardian", "CNN", "Voice of America",
           "The New York Times", "The Kyiv Independent", "ISNA", ""}  # fmt: skip


@pytest.fixture(scope="module")
def figures_gold() -> pd.DataFrame:
    return read_table(SEED_ANNOTATIONS_DIR / paths.FIGURES_GOLD_CSV)


@pytest.fixture(scope="module")
def claims_gold() -> pd.DataFrame:
    return read_table(SEED_ANNOTATIONS_DIR / paths.CLAIMS_GOLD_CSV)


@pytest.fixture(scope="module")
def raw_texts() -> dict[str, str]:
    """The seed articles with the cleaner's typography normalisation."""
    return {
        path.stem: clean.normalise(path.read_text(encoding="utf-8"))
        for path in sorted(SEED_RAW_DIR.glob("*.txt"))
    }


def text(value: object) -> str:
    return "" if isinstance(value, float) and math.isnan(value) else str(value)


def test_gold_files_have_the_contract_columns(figures_gold, claims_gold):
    assert tuple(figures_gold.columns) == evaluate.FIGURE_GOLD_COLUMNS
    assert tuple(claims_gold.columns) == evaluate.CLAIM_GOLD_COLUMNS


def test_gold_keys_are_unique_and_name_seed_articles(figures_gold, raw_texts):
    keys = figures_gold[list(evaluate.GOLD_KEYS)]
    assert not keys.duplicated().any()
    assert set(figures_gold["article_id"]) <= set(raw_texts)
    assert (figures_gold["occurrence"] >= 1).all()


def test_claims_gold_has_one_row_per_figure_in_the_same_order(figures_gold, claims_gold):
    keys = list(evaluate.GOLD_KEYS)
    assert figures_gold[keys].values.tolist() == claims_gold[keys].values.tolist()
    assert len(evaluate.merge_gold(figures_gold, claims_gold)) == len(figures_gold)


def test_figure_vocabularies(figures_gold):
    assert set(figures_gold["change"]) <= CHANGES
    assert set(figures_gold["kind"]) <= KINDS
    assert figures_gold["is_range"].dtype == bool
    assert figures_gold["is_vague"].dtype == bool


def test_values_lie_within_their_bounds_and_ranges_are_midpoints(figures_gold):
    for row in figures_gold.itertuples():
        assert row.low <= row.value <= row.high, row.surface
        if row.is_range:
            assert row.low < row.high, row.surface
            assert row.value == pytest.approx((row.low + row.high) / 2), row.surface
        else:
            assert row.low == row.value == row.high, row.surface
        if row.is_vague:
            assert row.is_range, row.surface


def test_vague_plurals_use_the_agreed_bounds(figures_gold):
    bounds = {"hundreds": (100, 1000), "dozens": (12, 100), "thousands": (1000, 10000),
              "millions": (1e6, 1e7)}  # fmt: skip
    vague = figures_gold[figures_gold["is_vague"]]
    assert len(vague) > 0
    for row in vague.itertuples():
        word = row.surface.split()[0].casefold()
        assert (row.low, row.high) == bounds[word], row.surface


def test_a_unit_has_a_normalised_form_and_no_unit_has_none(figures_gold):
    for row in figures_gold.itertuples():
        unit, norm = text(row.unit), text(row.unit_normalized)
        assert bool(unit) == bool(norm), row.surface
        if unit:
            assert unit in row.surface, row.surface


def test_every_surface_is_found_in_the_normalised_raw_article(figures_gold, raw_texts):
    located = evaluate.locate_gold(figures_gold, raw_texts)
    for row in located.itertuples():
        assert raw_texts[row.article_id][row.start : row.end] == row.surface


def test_no_surface_has_curly_quotes_dashes_or_no_break_spaces(figures_gold, claims_gold):
    for value in [*figures_gold["surface"], *claims_gold["source"].map(text)]:
        assert clean.normalise(value) == value


def test_no_gold_figure_is_a_year_or_page_furniture(figures_gold):
    for surface in figures_gold["surface"]:
        assert not any(1900 <= int(tok) <= 2100 for tok in surface.split() if tok.isdigit())
        assert surface not in {"2 Posts", "37", "6 more NASAMS air defense systems"}


def test_attribution_vocabularies(claims_gold):
    # the gold speaks the attribution module's vocabulary, so the two can be compared
    assert set(claims_gold["source_type"]) <= set(claims.SOURCE_TYPES)
    assert set(claims_gold["stance"]) <= set(claims.STANCES)
    assert set(claims_gold["topic"]) <= set(claims.TOPICS)
    assert set(claims_gold["event"]) <= set(claims.EVENTS)
    assert set(claims_gold["source_canonical"].map(text)) <= SEED_SOURCES
    assert set(claims_gold["via"].map(text)) <= OUTLETS


def test_outlet_itself_means_no_source_and_no_via(claims_gold):
    for row in claims_gold.itertuples():
        own = row.source_type == "outlet itself"
        assert own == (text(row.source_canonical) == ""), row.surface
        assert own == (text(row.source) == ""), row.surface
        if own:
            assert text(row.via) == "", row.surface


def test_the_gold_scores_itself_perfectly(figures_gold, claims_gold, raw_texts):
    gold = evaluate.merge_gold(figures_gold, claims_gold)
    pred = evaluate.locate_gold(gold, raw_texts).assign(sentence_text="")
    figures = evaluate.score_figures(pred, gold, raw_texts)
    claims = evaluate.score_claims(pred, gold, raw_texts)
    assert (figures.table["f1"] == 1.0).all()
    assert (claims.table["accuracy_all"] == 1.0).all()


@pytest.fixture(scope="module")
def clean_texts(tmp_path_factory) -> dict[str, str]:
    """The clean texts the corpus builder makes from the seeds (built afresh, not read back)."""
    build = corpus.build_corpus(
        SEED_RAW_DIR, tmp_path_factory.mktemp("processed"), progress=False, verbose=False
    )
    return build.clean_texts


def test_every_surface_is_found_in_the_clean_article_text(figures_gold, clean_texts):
    located = evaluate.locate_gold(figures_gold, clean_texts)
    for row in located.itertuples():
        assert clean_texts[row.article_id][row.start : row.end] == row.surface


def test_headline_and_link_line_numbers_are_not_in_the_clean_text(clean_texts):
    # The gold leaves these out because they are not body text; the clean text must agree.
    roundup = clean_texts["003_165e4b519f61ba16"]
    assert "Netherlands sends 5 F-16s to Romania" not in roundup
    assert "US buys 6 more NASAMS" not in roundup
    assert "2 Posts" not in clean_texts["000_66b62aea542f96ee"]
    assert "Paul, 37" not in clean_texts["004_66b9e44e360c82d3"]


def test_load_gold_merges_both_files_with_empty_text_cells(figures_gold):
    gold = evaluate.load_gold(SEED_ANNOTATIONS_DIR)
    assert len(gold) == len(figures_gold)
    own = gold[gold["source_type"] == "outlet itself"]
    assert len(own) > 0 and (own["source_canonical"] == "").all() and (own["via"] == "").all()
    no_unit = gold[gold["surface"] == "at least 10"].iloc[0]
    assert (no_unit["unit"], no_unit["unit_normalized"]) == ("", "")


def test_annotated_articles_list_every_gold_article_and_only_real_ones(figures_gold, raw_texts):
    annotated = evaluate.load_annotated_articles(SEED_ANNOTATIONS_DIR)
    assert len(annotated) == len(set(annotated))
    assert set(figures_gold["article_id"]) <= set(annotated)
    assert set(annotated) <= set(raw_texts)
    # an article annotated as having no figures is listed, so its false alarms are counted
    assert "002_e88ceadba1c3ec69" in annotated
    assert "002_e88ceadba1c3ec69" not in set(figures_gold["article_id"])


def test_a_missing_annotated_articles_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="annotated_articles.csv"):
        evaluate.load_annotated_articles(tmp_path)
