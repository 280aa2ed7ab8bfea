"""Notebook 04 reads only the columns of the pass's tables that its charts use, and computes
the claims' chart rows once for all of its charts: both give the charts of reading everything
and computing the rows per chart. Run on the pass over the seed articles."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers import charts, pipeline
from helpers.study import load_study


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    pipeline.run(SEED_RAW_DIR, out, study=SEED_STUDY, workers=1)
    return out


def test_the_input_columns_are_in_the_pass_tables(processed):
    claims = pipeline.load_table(processed, "claims")
    figures = pipeline.load_table(processed, "figures")
    assert set(charts.CLAIM_INPUT_COLUMNS) <= set(claims.columns)
    assert set(charts.FIGURE_INPUT_COLUMNS) <= set(figures.columns)
    assert "sentence_text" not in charts.CLAIM_INPUT_COLUMNS  # the heavy column stays on disk


def test_charts_of_the_input_columns_equal_charts_of_every_column(processed):
    study = load_study(SEED_STUDY)
    everything = pipeline.load_table(processed, "claims")
    some = pipeline.load_table(processed, "claims", columns=charts.CLAIM_INPUT_COLUMNS)
    assert len(some.columns) < len(everything.columns) and len(some) == len(everything) > 10
    rows = charts.claim_rows(some)
    with plt.ioff():
        for spec in study.charts:
            full = charts.study_chart(everything, spec)
            shared = charts.study_chart(some, spec, rows)
            pd.testing.assert_frame_equal(full.rows, shared.rows)
            assert (full.caption, full.finding) == (shared.caption, shared.finding)
        for full, shared in zip(
            charts.group_charts(everything), charts.group_charts(some, rows), strict=True
        ):
            pd.testing.assert_frame_equal(full.rows, shared.rows)
            assert full.finding == shared.finding
    plt.close("all")


def test_a_converted_value_is_written_only_beside_a_converted_figure(processed):
    rows = charts.claim_rows(pipeline.load_table(processed, "claims"))
    converted = rows[(rows["value"] - rows["value_as_written"]).abs() > 1e-6]
    assert len(converted)  # "75 miles" is drawn in km
    for row in converted.itertuples():
        assert row.text.endswith(f" ({charts.format_number(row.value)} {row.unit})"), row.text
    assert "75 miles (120.7 km)" in set(converted["text"])
    same = rows.drop(converted.index)
    assert not any(
        text.endswith(f"({charts.format_number(v)} {u})")
        for text, v, u in zip(same["text"], same["value"], same["unit"], strict=True)
    )
