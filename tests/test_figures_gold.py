"""The extractor reads every hand-annotated figure of the seed articles right, and nothing else.

Built the way notebook 02 builds it (corpus from the seed copy in tests/data/seeds, then
``figures_table``) and scored the way notebook 06 scores it (``helpers.evaluate``): the 25 gold
figures with value, unit and change all right, no false alarm.
"""

from __future__ import annotations

import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers import corpus, evaluate
from helpers.figures import FIGURE_COLUMNS, figures_table


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    build = corpus.build_corpus(
        SEED_RAW_DIR, tmp_path_factory.mktemp("processed"), progress=False, verbose=False
    )
    table = figures_table(build.sentences)
    assert list(table.columns) == FIGURE_COLUMNS
    gold = evaluate.load_gold(SEED_ANNOTATIONS_DIR)
    return evaluate.score_figures(table, gold, build.clean_texts), table, build.clean_texts


def test_every_seed_figure_is_read_right(scores):
    result, _, _ = scores
    by_level = result.table.set_index("level")
    for level in ("value", "value+unit", "value+change"):
        assert by_level.loc[level, "tp"] == 25, level
        assert by_level.loc[level, "n_gold"] == 25, level
    assert result.misses.empty, result.misses.to_dict("records")


def test_no_false_alarm_in_the_annotated_seeds(scores):
    result, _, _ = scores
    assert result.false_alarms.empty, result.false_alarms[["surface", "rule"]].to_dict("records")


def test_the_paired_conversion_of_the_seeds_is_marked(scores):
    _, table, texts = scores
    km = table.loc[table["surface"] == "120 kilometers"].iloc[0]
    miles = table.loc[table["conversion_of"] == km["start"]]
    assert miles.empty  # the conversion points back, not forward
    first = table.loc[table["start"] == km["conversion_of"]].iloc[0]
    assert (first["surface"], first["article_id"]) == ("75 miles", km["article_id"])
    assert texts[km["article_id"]][int(km["conversion_of"]) :].startswith("75 miles")
    assert (table.loc[table["surface"] != "120 kilometers", "conversion_of"] == -1).all()
