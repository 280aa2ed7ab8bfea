"""Tests for helpers.ledger.panels: the panels, converted values and time context of many claims
at once must be exactly what helpers.grouping decides one figure at a time, on figures read
from sentences written here and on the seed articles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR
from helpers.figures import figures_table
from helpers.grouping import add_groups, is_time, panel_values
from helpers.ledger.common import compact, texts
from helpers.ledger.panels import panel_frame, time_context
from helpers.study import load_study

# Each sentence gives a figure of another kind: miles and kilometres, acres, a temperature in
# Fahrenheit, an age, money, a percentage, a date and a duration, counts of people and things.
SENTENCES = [
    "The storm moved 75 miles inland before it weakened over the hills.",
    "Crews said the fire had burned 12,400 acres by Tuesday night.",
    "Forecasters expect highs of 104 degrees Fahrenheit on Thursday.",
    "Maria Olsen, 37, was among the 2,300 residents told to leave.",
    "The council set aside $4.5 million for repairs and 3 new pumps.",
    "Turnout reached 61 percent, up from 54 percent in 2019.",
    "Since March 3, about 400 workers have been on strike for six weeks.",
    "The bridge, 0 metres from the shore at low tide, stayed shut for 48 hours.",
]


def sentences_frame(texts_: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i // 3}" for i in range(len(texts_))],
            "post": 0,
            "sentence_id": range(len(texts_)),
            "text": texts_,
            "start": 0,
            "end": [len(t) for t in texts_],
            "outlet": "Gazette",
            "published": "2024-05-01",
        }
    )


@pytest.fixture(scope="module")
def written():
    sentences = sentences_frame(SENTENCES)
    figures = figures_table(sentences)
    return add_groups(figures, sentences, load_study("general-news"))


def _same(frame: pd.DataFrame) -> None:
    expected = panel_values(frame)
    got = panel_frame(frame)
    assert list(got.columns) == list(expected.columns)
    assert got.index.equals(expected.index)
    for column in ("panel", "panel_unit"):
        assert list(got[column]) == list(expected[column])
    for column in ("value", "low", "high"):
        # bit for bit, NaN where grouping gives NaN
        np.testing.assert_array_equal(got[column].to_numpy(), expected[column].to_numpy())


def test_written_figures_get_the_panels_grouping_gives(written):
    assert len(written) >= 12
    kinds = set(written["kind"])
    assert {"count", "money"} <= kinds and len(kinds) >= 4
    _same(written)


def test_hand_made_rows_with_odd_values():
    rows = pd.DataFrame(
        {
            "kind": ["temperature", "length", "length", "count", "money", None, "age"],
            "what": ["temperature", "distance", "distance", "people", "dollars", "", "age"],
            "unit_normalized": [
                "fahrenheit",
                "mile",
                "mile",
                "resident",
                "dollar",
                "",
                "year of age",
            ],
            "si_unit": ["celsius", "km", "km", "", "dollar", "", "day"],
            "value": [104.0, 0.0, np.nan, 2300.0, 4.5e6, 7.0, 37.0],
            "low": [100.0, 0.0, np.nan, 2000.0, 4.5e6, 7.0, 37.0],
            "high": [110.0, 3.0, np.nan, 2500.0, 4.5e6, 7.0, 37.0],
            "si_value": [40.0, 0.0, 5.0, 2300.0, 4.5e6, 7.0, 13514.0],
        },
        index=[10, 3, 7, 1, 2, 99, 4],  # an index out of order stays with its rows
    )
    _same(rows)
    assert panel_frame(rows.iloc[0:0]).empty


def test_the_seed_figures_get_the_panels_grouping_gives(tmp_path):
    from helpers.corpus import build_corpus, load_corpus  # noqa: PLC0415

    build_corpus(SEED_RAW_DIR, tmp_path, progress=False, verbose=False)
    sentences = load_corpus(tmp_path)["sentences"]
    figures = add_groups(figures_table(sentences), sentences, load_study("iran-drones"))
    assert len(figures) >= 10
    _same(figures)
    # a date that only times the claim of its sentence is context, as grouping decides it
    kinds, units = texts(figures["kind"]), texts(figures["unit_normalized"])
    timed = [is_time(k, u) for k, u in zip(kinds, units, strict=True)]
    context = time_context(figures)
    assert context.index.equals(figures.index)
    assert not (context & ~pd.Series(timed, index=figures.index)).any()


def test_time_context_keeps_a_date_alone_in_its_group():
    frame = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "sentence_id": [1, 1, 4],
            "group": ["workers on strike", "workers on strike", "dates"],
            "kind": ["count", "date", "date"],
            "unit_normalized": ["worker", "", ""],
        }
    )
    # the date beside the strike count times it; a date alone in its group is a value
    assert list(time_context(frame)) == [False, True, False]
    assert time_context(frame.iloc[0:0]).empty


def test_texts_of_strings_numbers_and_gaps():
    strings = pd.Series(["a", None, "b"], dtype="str")
    assert list(texts(strings)) == ["a", "", "b"]
    assert list(texts(pd.Series([3, -1, 3]))) == ["3", "-1", "3"]
    assert list(texts(pd.Series([1.5, np.nan]))) == ["1.5", ""]
    assert list(texts(pd.Series(["x", None, 2], dtype=object))) == ["x", "", "2"]


def test_compact_keeps_the_values_and_the_order_of_a_sort():
    frame = pd.DataFrame(
        {
            "outlet": pd.Series(["Herald", "Gazette", None, "Herald", "Zeit"] * 20, dtype="str"),
            "surface": pd.Series([f"{i} homes" for i in range(100)], dtype="str"),
            "value": np.arange(100.0),
        }
    )
    small = compact(frame, max_share=0.1)
    assert isinstance(small["outlet"].dtype, pd.CategoricalDtype)  # 3 names in 100 rows
    assert small["surface"].dtype == frame["surface"].dtype  # every row different: kept
    assert list(texts(small["outlet"])) == list(texts(frame["outlet"]))
    by = ["outlet", "value"]
    assert small.sort_values(by).index.equals(frame.sort_values(by).index)
    assert compact(frame.iloc[0:0]).empty
