"""The seed gold standard (the suite's own copy) is well formed and agrees with its articles.

Nothing here lists the seed speakers or outlets as if they were the only possible ones: the
checks are the annotation guide's rules (columns, vocabularies, the arithmetic of values and
ranges, surfaces and speakers written in the article, one claims row per figure), run on
``tests/data/seeds``. The live ``data/annotations`` is checked by ``make check-annotations``.
"""

from __future__ import annotations

import hashlib
import math

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers import clean, evaluate, paths
from helpers.annotate import VAGUE_BOUNDS, check_annotations, load_vocabulary
from helpers.corpus import collect_corpus
from helpers.io import read_table


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


@pytest.fixture(scope="module")
def build():
    """The seed corpus as notebook 01 reads it (in memory, nothing written)."""
    return collect_corpus(SEED_RAW_DIR, progress=False)


def text(value: object) -> str:
    return "" if isinstance(value, float) and math.isnan(value) else str(value)


def test_gold_files_have_the_contract_columns(figures_gold, claims_gold):
    assert tuple(figures_gold.columns) == evaluate.FIGURE_GOLD_COLUMNS
    assert tuple(claims_gold.columns) == evaluate.CLAIM_GOLD_COLUMNS


def test_the_seed_gold_passes_the_validator_without_a_warning(build):
    vocab = load_vocabulary("iran-drones", SEED_RAW_DIR)
    result = check_annotations(SEED_ANNOTATIONS_DIR, build.articles, build.clean_texts, vocab)
    assert [str(p) for p in result.problems] == []
    assert (result.n_articles, result.n_checked) == (5, 5)
    assert result.n_figures == len(read_table(SEED_ANNOTATIONS_DIR / paths.FIGURES_GOLD_CSV))


def test_claims_gold_has_one_row_per_figure_in_the_same_order(figures_gold, claims_gold):
    keys = list(evaluate.GOLD_KEYS)
    assert not figures_gold[keys].duplicated().any()
    assert figures_gold[keys].values.tolist() == claims_gold[keys].values.tolist()
    assert len(evaluate.merge_gold(figures_gold, claims_gold)) == len(figures_gold)


def test_values_lie_within_their_bounds_and_ranges_are_midpoints(figures_gold):
    assert figures_gold["is_range"].dtype == bool and figures_gold["is_vague"].dtype == bool
    for row in figures_gold.itertuples():
        assert row.low <= row.value <= row.high, row.surface
        if row.is_range:
            assert row.low < row.high, row.surface
            assert row.value == pytest.approx((row.low + row.high) / 2), row.surface
        else:
            assert row.low == row.value == row.high, row.surface
        if row.is_vague:
            assert row.is_range, row.surface


def test_vague_plurals_use_the_guides_bounds(figures_gold):
    vague = figures_gold[figures_gold["is_vague"]]
    assert len(vague) > 0
    for row in vague.itertuples():
        word = row.surface.split()[0].casefold()
        assert (row.low, row.high) == VAGUE_BOUNDS[word], row.surface


def test_a_unit_has_a_normalised_form_and_is_part_of_the_surface(figures_gold):
    for row in figures_gold.itertuples():
        unit, norm = text(row.unit), text(row.unit_normalized)
        assert bool(unit) == bool(norm), row.surface
        if unit:
            assert unit in row.surface, row.surface


def test_every_surface_is_found_in_the_normalised_raw_and_the_clean_text(
    figures_gold, raw_texts, build
):
    for texts in (raw_texts, build.clean_texts):
        located = evaluate.locate_gold(figures_gold, texts)
        for row in located.itertuples():
            assert texts[row.article_id][row.start : row.end] == row.surface


def test_no_surface_or_source_has_curly_quotes_dashes_or_no_break_spaces(figures_gold, claims_gold):
    for value in [*figures_gold["surface"], *claims_gold["source"].map(text)]:
        assert clean.normalise(value) == value


def test_every_speaker_and_messenger_is_written_in_its_article(claims_gold, build):
    # the source as written is copied from the text; a via names an outlet the article cites
    for row in claims_gold.itertuples():
        body = build.clean_texts[row.article_id].casefold()
        assert text(row.source).casefold() in body, row.source
        if text(row.via):
            assert any(w.casefold() in body for w in row.via.split() if len(w) > 3), row.via


def test_outlet_itself_means_no_source_and_no_via(claims_gold):
    own = claims_gold[claims_gold["source_type"] == "outlet itself"]
    assert len(own) > 0
    for row in claims_gold.itertuples():
        is_own = row.source_type == "outlet itself"
        assert is_own == (text(row.source_canonical) == "") == (text(row.source) == "")
        if is_own:
            assert text(row.via) == "", row.surface


def test_the_gold_scores_itself_perfectly(figures_gold, claims_gold, raw_texts):
    gold = evaluate.merge_gold(figures_gold, claims_gold)
    pred = evaluate.locate_gold(gold, raw_texts).assign(sentence_text="")
    figures = evaluate.score_figures(pred, gold, raw_texts)
    claims = evaluate.score_claims(pred, gold, raw_texts)
    assert (figures.table["f1"] == 1.0).all()
    assert (claims.table["accuracy_all"] == 1.0).all()


def test_headline_and_link_line_numbers_are_not_in_the_clean_text(build):
    # The gold leaves these out because they are not body text; the clean text must agree.
    texts = build.clean_texts
    roundup = texts["003_165e4b519f61ba16"]
    assert "Netherlands sends 5 F-16s to Romania" not in roundup
    assert "US buys 6 more NASAMS" not in roundup
    assert "2 Posts" not in texts["000_66b62aea542f96ee"]
    assert "Paul, 37" not in texts["004_66b9e44e360c82d3"]


def test_load_gold_merges_both_files_with_empty_text_cells(figures_gold):
    gold = evaluate.load_gold(SEED_ANNOTATIONS_DIR)
    assert len(gold) == len(figures_gold)
    own = gold[gold["source_type"] == "outlet itself"]
    assert len(own) > 0 and (own["source_canonical"] == "").all() and (own["via"] == "").all()
    no_unit = gold[gold["surface"] == "at least 10"].iloc[0]
    assert (no_unit["unit"], no_unit["unit_normalized"]) == ("", "")


def test_annotated_articles_name_their_version_by_sha256(figures_gold):
    annotated = evaluate.read_annotated_articles(SEED_ANNOTATIONS_DIR)
    assert not annotated["article_id"].duplicated().any()
    assert set(figures_gold["article_id"]) <= set(annotated["article_id"])
    for row in annotated.itertuples():
        raw = (SEED_RAW_DIR / f"{row.article_id}.txt").read_bytes()
        assert row.sha256 == hashlib.sha256(raw).hexdigest(), row.article_id
    # an article annotated as having no figures is listed, so its false alarms are counted
    no_figures = set(annotated["article_id"]) - set(figures_gold["article_id"])
    assert no_figures == {"002_e88ceadba1c3ec69"}


def test_a_missing_annotated_articles_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="annotated_articles.csv"):
        evaluate.load_annotated_articles(tmp_path)
