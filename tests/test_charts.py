"""Chart data and chart files on the seed corpus.

Two kinds of input are used. ``gold_claims`` is a claims.csv-shaped frame built from the hand
annotations (data/annotations) placed on the real corpus: each figure's span is found in its
article's clean text, its sentence and outlet come from the corpus tables. The chart functions
are checked on it without depending on how well the extractor does. ``extracted`` runs the real
pipeline (corpus -> figures -> claims) and checks the charts on what the notebooks would see.
"""

from __future__ import annotations

import json
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers import charts, paths
from helpers.corpus import build_corpus
from helpers.io import read_table
from helpers.units import UNITS

CNN = "000_66b62aea542f96ee"
AP = "001_0321a4552254fa38"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    return build_corpus(SEED_RAW_DIR, out, progress=False, verbose=False)


def _nth_span(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    start = starts[occurrence - 1]
    return start, start + len(surface)


@pytest.fixture(scope="module")
def gold_claims(corpus) -> pd.DataFrame:
    """The annotated figures and claims as claims.csv rows, placed on the built corpus."""
    figures = read_table(SEED_ANNOTATIONS_DIR / paths.FIGURES_GOLD_CSV)
    claims = read_table(SEED_ANNOTATIONS_DIR / paths.CLAIMS_GOLD_CSV)
    keys = ["article_id", "surface", "occurrence"]
    gold = figures.drop(columns="note").merge(claims.drop(columns="note"), on=keys)
    articles = corpus.articles.set_index("article_id")
    rows = []
    for row in gold.to_dict("records"):
        start, end = _nth_span(corpus.clean_texts[row["article_id"]], row["surface"], 1)
        sentences = corpus.sentences[corpus.sentences["article_id"] == row["article_id"]]
        sentence = sentences[(sentences["start"] <= start) & (sentences["end"] >= end)].iloc[0]
        unit = UNITS.get(str(row["unit"]).lower())
        row.update(
            start=start,
            end=end,
            sentence_id=sentence["sentence_id"],
            sentence_text=sentence["text"],
            si_value=row["value"] * unit.factor if unit else row["value"],
            si_unit=unit.si_unit if unit else "",
            qualifier="",
            outlet=articles.loc[row["article_id"], "outlet"],
            published=articles.loc[row["article_id"], "published"],
        )
        rows.append(row)
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def extracted(corpus) -> dict[str, pd.DataFrame]:
    """What notebooks 01-03 write: the real figure and claim extraction on the seed corpus."""
    from helpers.claims import claims_table
    from helpers.figures import figures_table

    figures = figures_table(corpus.sentences)
    claims = claims_table(corpus.articles, corpus.sentences, corpus.clean_texts)
    return {"figures": figures, "claims": claims}


def _row(rows: pd.DataFrame, article_id: str, surface: str) -> pd.Series:
    match = rows[(rows["article_id"] == article_id) & (rows["surface"] == surface)]
    assert len(match) == 1, f"{surface!r} of {article_id} not in the chart rows once"
    return match.iloc[0]


# --- chart 1: drones and missiles by event ----------------------------------------------------


def test_weapon_rows_keep_the_cnn_300_drones_shot_down_with_its_trace(gold_claims, corpus):
    rows = charts.weapons_by_event_rows(gold_claims)
    row = _row(rows, CNN, "more than 300 Iranian drones")
    assert (row["event"], row["low"], row["high"], row["change"]) == (
        "shot down/intercepted", 300, 300, ">",
    )  # fmt: skip
    assert row["change_words"] == "more than / at least"
    assert row["label"] == "Ukrainian officials · CNN"
    assert corpus.clean_texts[CNN][row["start"] : row["end"]] == row["surface"]
    assert list(rows.columns[:5]) == charts.TRACE_COLUMNS


def test_weapon_rows_hold_only_drone_and_missile_events_and_mark_vague_disputed(gold_claims):
    rows = charts.weapons_by_event_rows(gold_claims)
    assert set(rows["topic"]) <= set(charts.WEAPON_TOPICS)
    assert set(rows["event"]) <= set(charts.WEAPON_EVENTS)
    assert "approximately 1,000 additional weapons" not in set(rows["surface"])  # other weapons
    vague = _row(rows, "004_66b9e44e360c82d3", "hundreds of drones")
    assert (vague["low"], vague["high"], bool(vague["is_vague"])) == (100, 1000, True)
    assert vague["label"].endswith("(disputed)")


def test_weapon_rows_are_ordered_by_event_then_largest_whatever_the_input_order(gold_claims):
    rows = charts.weapons_by_event_rows(gold_claims)
    shuffled = charts.weapons_by_event_rows(gold_claims.sample(frac=1, random_state=3))
    pd.testing.assert_frame_equal(rows, shuffled)
    event_rank = rows["event"].map(charts.WEAPON_EVENTS.index)
    assert event_rank.is_monotonic_increasing
    for _, group in rows.groupby(["event", "topic"]):
        assert group["value"].is_monotonic_decreasing


# --- chart 2: people without power ------------------------------------------------------------


def test_power_rows_keep_people_and_leave_places_to_the_caption(gold_claims):
    rows = charts.power_outage_rows(gold_claims)
    row = _row(rows, CNN, "more than 4.5 million residents")
    assert (row["value"], row["change"], row["source"]) == (4_500_000, ">", "Volodymyr Zelensky")
    assert "six other regions" not in set(rows["surface"])
    places = charts.power_outage_places(gold_claims)
    assert list(places["surface"]) == ["six other regions"]
    assert rows["value"].is_monotonic_decreasing


# --- chart 3: weapon ranges in kilometres -----------------------------------------------------


def test_range_rows_convert_miles_and_keep_the_unit_in_the_label(gold_claims):
    rows = charts.weapon_range_rows(gold_claims)
    miles = _row(rows, AP, "75 miles")
    assert miles["km"] == pytest.approx(75 * 1.609344)
    assert miles["range_label"] == "75 miles (120.7 km)"
    assert _row(rows, "003_165e4b519f61ba16", "50 km")["range_label"] == "50 km"
    assert "hundreds of square miles" not in set(rows["surface"])  # an area, not a range
    assert rows["km"].is_monotonic_decreasing


def test_range_rows_scale_a_range_in_miles_to_its_low_and_high_km():
    frame = pd.DataFrame(
        {"article_id": [AP], "sentence_id": [1], "start": [0], "end": [12],
         "surface": ["50-75 miles"], "value": [62.5], "low": [50.0], "high": [75.0],
         "is_range": [True], "change": ["="], "kind": ["length"], "unit_normalized": ["mile"],
         "si_value": [62.5 * 1.609344], "si_unit": ["km"], "topic": ["range"],
         "event": ["range"]}
    )  # fmt: skip
    row = charts.weapon_range_rows(frame).iloc[0]
    assert (row["km_low"], row["km_high"]) == pytest.approx((50 * 1.609344, 75 * 1.609344))


# --- chart 4: figures per 1,000 words ---------------------------------------------------------


def test_count_words_on_a_real_sentence(corpus):
    text = corpus.sentences.query("article_id == @CNN and sentence_id == 2")["text"].iloc[0]
    assert text.startswith("Already, more than 4.5 million residents")
    assert charts.count_words(text) == 26  # counted by hand; "4.5" is one word


def test_rate_per_outlet_is_figures_over_words_times_1000(gold_claims, corpus):
    rows = charts.figures_per_words_rows(gold_claims, corpus.sentences, corpus.articles)
    assert rows["per_1000_words"].tolist() == pytest.approx(
        (rows["figures"] / rows["words"] * 1000).tolist()
    )
    cnn = rows.set_index("outlet").loc["CNN"]
    assert cnn["figures"] == (gold_claims["article_id"] == CNN).sum()
    cnn_text = corpus.sentences.loc[corpus.sentences["article_id"] == CNN, "text"]
    assert cnn["words"] == sum(charts.count_words(t) for t in cnn_text)
    assert rows["figures"].sum() == len(gold_claims)
    assert rows["per_1000_words"].is_monotonic_decreasing


def test_rate_leaves_out_refused_articles(gold_claims, corpus):
    articles = corpus.articles.copy()
    articles.loc[articles["article_id"] == CNN, "status"] = "refused"
    rows = charts.figures_per_words_rows(gold_claims, corpus.sentences, articles)
    assert "CNN" not in set(rows["outlet"])
    assert rows["figures"].sum() == (gold_claims["article_id"] != CNN).sum()


# --- chart 5: timeline ------------------------------------------------------------------------


def test_timeline_lists_undated_articles_instead_of_dropping_them(gold_claims, corpus):
    articles = corpus.articles.copy()
    articles.loc[articles["article_id"] == AP, "published"] = ""
    rows = charts.timeline_rows(gold_claims, articles)
    undated = charts.undated_articles(gold_claims, articles)
    assert AP not in set(rows["article_id"])
    assert list(undated["article_id"]) == [AP]
    assert len(rows) + undated["figures"].sum() == len(gold_claims)
    caption = charts.timeline_caption(undated)
    assert AP in caption and "Associated Press" in caption
    assert list(rows["published"]) == sorted(rows["published"])


# --- empty input and the chart files ----------------------------------------------------------


def _texts(fig: plt.Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_empty_input_gives_a_chart_that_says_so(gold_claims, corpus):
    no_claims = gold_claims.iloc[0:0]
    no_ranges = gold_claims[gold_claims["topic"] != "range"]
    figures = [
        charts.plot_weapons_by_event(charts.weapons_by_event_rows(no_claims)),
        charts.plot_power_outage(charts.power_outage_rows(no_claims)),
        charts.plot_weapon_ranges(charts.weapon_range_rows(no_ranges)),
        charts.plot_figures_per_words(
            charts.figures_per_words_rows(no_claims, corpus.sentences, corpus.articles)
        ),
        charts.plot_timeline(charts.timeline_rows(no_claims, corpus.articles)),
    ]
    for fig in figures:
        assert charts.NO_FIGURES in _texts(fig)
        plt.close(fig)


def test_plots_draw_the_rows_they_are_given(gold_claims):
    rows = charts.weapons_by_event_rows(gold_claims)
    fig = charts.plot_weapons_by_event(rows)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(rows["label"])
    assert set(_texts(fig)) == set(rows["surface"])
    plt.close(fig)


def test_saving_the_same_chart_twice_gives_the_same_bytes(gold_claims, tmp_path):
    charts.set_house_style()
    rows = charts.weapon_range_rows(gold_claims)
    written = []
    for folder in ("first", "second"):
        written.append(
            charts.save_chart(
                charts.plot_weapon_ranges(rows),
                rows,
                "fig43-weapon-ranges",
                tmp_path / folder,
                charts.TITLES["fig43-weapon-ranges"],
                "test",
                "04-chart-figures",
            )  # fmt: skip
        )
    for ext in ("png", "svg", "csv"):
        assert written[0][ext].read_bytes() == written[1][ext].read_bytes(), ext
    assert read_table(written[0]["csv"])["surface"].tolist() == rows["surface"].tolist()


def test_format_number():
    assert charts.format_number(4_500_000) == "4.5 million"
    assert charts.format_number(1000) == "1,000"
    assert charts.format_number(120.7008) == "120.7"
    assert charts.format_number(50.0) == "50"


# --- findings, captions and the notebook ------------------------------------------------------


def test_largest_skips_vague_figures_whose_value_is_only_a_mid_point(gold_claims):
    rows = charts.weapons_by_event_rows(gold_claims)
    assert rows.loc[rows["value"].idxmax(), "surface"] == "hundreds of drones"  # 550, a mid-point
    assert charts.largest(rows)["surface"] == "about 450 drones"
    finding = charts.weapons_finding(rows)
    assert "'about 450 drones'" in finding and "Western officials" in finding and "CNN" in finding


def test_captions_name_what_the_charts_leave_out(gold_claims, corpus):
    articles = corpus.articles.copy()
    articles.loc[articles["article_id"] == AP, "published"] = ""
    places = charts.power_outage_places(gold_claims)
    undated = charts.undated_articles(gold_claims, articles)
    caption = charts.captions(places, undated)
    assert set(caption) == set(charts.TITLES) == set(charts.PLOTS)
    assert "'six other regions' (CNN)" in caption["fig42-power-outage"]
    assert AP in caption["fig45-figures-timeline"]
    assert "six other regions" in charts.outage_finding(
        charts.power_outage_rows(gold_claims), places
    )


def test_chart_rows_table_holds_every_plotted_figure_with_its_chart(gold_claims, corpus):
    rows_by_chart = {
        "fig41-weapons-by-event": charts.weapons_by_event_rows(gold_claims),
        "fig43-weapon-ranges": charts.weapon_range_rows(gold_claims),
        "fig44-figures-per-words": charts.figures_per_words_rows(
            gold_claims, corpus.sentences, corpus.articles
        ),
    }
    table = charts.chart_rows_table(rows_by_chart)
    assert table["chart"].value_counts().to_dict() == {
        "fig41-weapons-by-event": len(rows_by_chart["fig41-weapons-by-event"]),
        "fig43-weapon-ranges": len(rows_by_chart["fig43-weapon-ranges"]),
    }
    assert list(table.columns[2:7]) == charts.TRACE_COLUMNS


def test_notebook_is_committed_clean_with_a_literal_parameters_cell():
    nb = json.loads((paths.NOTEBOOKS_DIR / "04-chart-figures.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == paths.KERNEL_NAME
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    tagged = [cell for cell in code if "parameters" in cell["metadata"].get("tags", [])]
    assert len(tagged) == 1
    for line in "".join(tagged[0]["source"]).splitlines():
        assert re.fullmatch(r'\w+: str = "[^"]*"  # [^=]+', line), line
    sources = ["".join(cell["source"]) for cell in code]
    writers = [src for src in sources if "save_chart(" in src or "write_table(" in src]
    assert writers == [sources[-1]]


# --- on the real extraction -------------------------------------------------------------------


def test_extracted_claims_put_the_cnn_300_drones_in_chart_1(extracted):
    rows = charts.weapons_by_event_rows(extracted["claims"])
    row = _row(rows, CNN, "more than 300 Iranian drones")
    assert (row["event"], row["low"], row["change"]) == ("shot down/intercepted", 300, ">")


def test_extracted_claims_convert_75_miles_in_chart_3(extracted):
    rows = charts.weapon_range_rows(extracted["claims"])
    assert _row(rows, AP, "75 miles")["range_label"] == "75 miles (120.7 km)"


def test_extracted_figures_give_a_rate_for_every_outlet(extracted, corpus):
    rows = charts.figures_per_words_rows(extracted["figures"], corpus.sentences, corpus.articles)
    assert sorted(rows["outlet"]) == sorted(corpus.articles["outlet"].unique())
    assert rows["figures"].sum() == len(extracted["figures"])


def test_a_crowded_group_keeps_a_spread_of_its_claims_smallest_and_largest_included(gold_claims):
    # a large corpus repeats claims: here the seed drone claims twelve times over, rescaled
    drones = gold_claims[gold_claims["topic"] == "drones"]
    crowd = pd.concat(
        [
            drones.assign(value=drones["value"] * (k + 1), start=drones["start"] + k)
            for k in range(12)
        ],
        ignore_index=True,
    )
    kept = charts.spread_by_value(crowd, ["event"], per_group=4)
    for event, block in crowd.groupby("event"):
        chosen = kept[kept["event"] == event]
        assert len(chosen) == min(4, len(block))
        assert chosen["value"].min() == block["value"].min()
        assert chosen["value"].max() == block["value"].max()
    assert kept.equals(charts.spread_by_value(crowd, ["event"], per_group=4))
    assert charts.spread_by_value(drones, ["event"]).equals(drones)  # the seeds are not thinned
