"""Chart rows and chart files on the seed corpus, with the charts the seed study asks for.

Two kinds of input are used. ``gold_claims`` is a claims.csv-shaped frame built from the hand
annotations (tests/data/seeds/annotations) placed on the real corpus: each figure's span is found
in its article's clean text, its sentence and outlet come from the corpus tables. The chart
functions are checked on it without depending on how well the extractor does. ``extracted`` runs
the real pipeline (corpus -> figures -> claims) and checks the charts on what the notebooks see.
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
from helpers.study import load_study
from helpers.units import UNITS

CNN = "000_66b62aea542f96ee"
AP = "001_0321a4552254fa38"
VIET = "003_165e4b519f61ba16"
FBA = "004_66b9e44e360c82d3"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    return build_corpus(SEED_RAW_DIR, out, progress=False, verbose=False)


@pytest.fixture(scope="module")
def study():
    return load_study("iran-drones")


def _spec(study, prefix: str):
    return next(spec for spec in study.charts if spec.slug.startswith(prefix))


@pytest.fixture(scope="module")
def gold_claims(corpus) -> pd.DataFrame:
    """The annotated figures and claims as claims.csv rows, placed on the built corpus. The
    "120 kilometers" that restates "75 miles" carries ``conversion_of``, as the extractor
    writes it; every other figure has -1."""
    figures = read_table(SEED_ANNOTATIONS_DIR / paths.FIGURES_GOLD_CSV)
    claims = read_table(SEED_ANNOTATIONS_DIR / paths.CLAIMS_GOLD_CSV)
    keys = ["article_id", "surface", "occurrence"]
    gold = figures.drop(columns="note").merge(claims.drop(columns="note"), on=keys)
    articles = corpus.articles.set_index("article_id")
    rows = []
    for row in gold.to_dict("records"):
        text = corpus.clean_texts[row["article_id"]]
        start = next(re.finditer(re.escape(row["surface"]), text)).start()
        end = start + len(row["surface"])
        sentences = corpus.sentences[corpus.sentences["article_id"] == row["article_id"]]
        sentence = sentences[(sentences["start"] <= start) & (sentences["end"] >= end)].iloc[0]
        unit = UNITS.get(str(row["unit"]).lower())
        row.update(
            start=start,
            end=end,
            sentence_id=sentence["sentence_id"],
            sentence_text=sentence["text"],
            si_value=row["value"] * unit.factor if unit else row["value"],
            si_unit=unit.si_unit if unit else str(row["unit_normalized"]),
            qualifier="",
            outlet=articles.loc[row["article_id"], "outlet"],
            published=articles.loc[row["article_id"], "published"],
            conversion_of=-1,
        )
        rows.append(row)
    frame = pd.DataFrame(rows)
    miles = frame.index[frame["surface"] == "75 miles"][0]
    frame.loc[frame["surface"] == "120 kilometers", "conversion_of"] = miles
    return frame


@pytest.fixture(scope="module")
def extracted(corpus) -> dict[str, pd.DataFrame]:
    """What notebooks 01-03 write: the real figure and claim extraction on the seed corpus."""
    from helpers.claims import claims_table
    from helpers.figures import figures_table
    from helpers.grouping import add_groups, add_topics

    study = load_study("iran-drones")
    figures = figures_table(corpus.sentences)
    claims = claims_table(corpus.articles, corpus.sentences, corpus.clean_texts, figures, study)
    claims = add_topics(add_groups(claims, corpus.sentences, study), corpus.sentences, study)
    return {"figures": figures, "claims": claims}


def _row(rows: pd.DataFrame, article_id: str, surface: str) -> pd.Series:
    match = rows[(rows["article_id"] == article_id) & (rows["surface"] == surface)]
    assert len(match) == 1, f"{surface!r} of {article_id} not in the chart rows once"
    return match.iloc[0]


def _texts(fig: plt.Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


# --- the study's chart of drones and missiles by event ----------------------------------------


def test_weapons_chart_draws_the_seed_claims_with_their_trace(gold_claims, corpus, study):
    chart = charts.study_chart(gold_claims, _spec(study, "fig41"))
    rows = chart.rows
    assert sorted(rows["surface"]) == sorted(
        ["more than 300 Iranian drones", "about 450 drones", "17 Ukrainian drones",
         "at least 10", "hundreds of drones"]
    )  # fmt: skip
    row = _row(rows, CNN, "more than 300 Iranian drones")
    assert (row["event"], row["low"], row["high"], row["change"]) == (
        "shot down/intercepted", 300, 300, ">",
    )  # fmt: skip
    assert row["label"] == "Ukrainian officials · CNN, 2022-11-07"
    assert corpus.clean_texts[CNN][row["start"] : row["end"]] == row["surface"]
    assert list(rows.columns[:5]) == charts.TRACE_COLUMNS
    assert set(rows["panel"]) == {"drones"} and set(rows["unit"]) == {"drones"}
    vague = _row(rows, FBA, "hundreds of drones")
    assert (vague["low"], vague["high"], bool(vague["is_vague"])) == (100, 1000, True)
    assert vague["label"].endswith("(disputed)")
    assert chart.title == _spec(study, "fig41").title
    plt.close(chart.figure)


def test_rows_come_in_the_same_order_whatever_the_input_order(gold_claims, study):
    spec = _spec(study, "fig41")
    rows = charts.spec_rows(gold_claims, spec.topics, spec.events)[0]
    shuffled = charts.spec_rows(gold_claims.sample(frac=1, random_state=3), spec.topics,
                                spec.events)[0]  # fmt: skip
    pd.testing.assert_frame_equal(rows, shuffled)
    event_rank = rows["event"].map(list(spec.events).index)
    assert event_rank.is_monotonic_increasing
    for _, group in rows.groupby(["event", "topic"]):
        assert group["value"].is_monotonic_decreasing


def test_largest_skips_vague_figures_whose_value_is_only_a_mid_point(gold_claims, study):
    chart = charts.study_chart(gold_claims, _spec(study, "fig41"))
    rows = chart.rows
    assert rows.loc[rows["value"].idxmax(), "surface"] == "hundreds of drones"  # 550: mid-point
    assert charts.largest(rows)["surface"] == "about 450 drones"
    assert "'about 450 drones'" in chart.finding and "Western officials" in chart.finding
    plt.close(chart.figure)


# --- people without power: places stay off the axis of people ---------------------------------


def test_power_chart_keeps_people_and_names_the_places_it_leaves_out(gold_claims, study):
    chart = charts.study_chart(gold_claims, _spec(study, "fig42"))
    row = _row(chart.rows, CNN, "more than 4.5 million residents")
    assert (row["value"], row["change"], row["source"]) == (4_500_000, ">", "Volodymyr Zelensky")
    assert set(chart.rows["surface"]) == {"more than 4.5 million residents",
                                          "millions of Ukrainians"}  # fmt: skip
    assert set(chart.rows["unit_family"]) == {"people"}
    assert "'six other regions' (places, CNN)" in chart.caption
    assert "six other regions" not in set(_texts(chart.figure))
    plt.close(chart.figure)


# --- ranges: one unit, and "75 miles (120 kilometers)" drawn once -----------------------------


def test_range_chart_converts_miles_and_draws_a_restated_range_once(gold_claims, study):
    chart = charts.study_chart(gold_claims, _spec(study, "fig43"))
    rows = chart.rows
    assert sorted(rows["surface"]) == ["50 km", "75 miles"]  # not also "120 kilometers"
    miles = _row(rows, AP, "75 miles")
    assert miles["value"] == pytest.approx(75 * 1.609344)
    assert miles["value_as_written"] == 75
    assert miles["text"] == "75 miles (120.7 km)"
    assert _row(rows, VIET, "50 km")["text"] == "50 km"
    assert set(rows["unit"]) == {"km"} and set(rows["panel"]) == {"distance (km)"}
    assert "hundreds of square miles" not in set(rows["surface"])  # an area, not a range
    plt.close(chart.figure)


def test_a_table_without_conversion_of_keeps_both_figures(gold_claims, study):
    spec = _spec(study, "fig43")
    rows = charts.spec_rows(gold_claims.drop(columns="conversion_of"), spec.topics, spec.events)[0]
    assert "120 kilometers" in set(rows["surface"])


def test_a_range_in_miles_is_scaled_to_its_low_and_high_km():
    frame = pd.DataFrame(
        {"article_id": [AP], "sentence_id": [1], "start": [0], "end": [12],
         "surface": ["50-75 miles"], "value": [62.5], "low": [50.0], "high": [75.0],
         "is_range": [True], "change": ["="], "kind": ["length"], "unit_normalized": ["mile"],
         "si_value": [62.5 * 1.609344], "si_unit": ["km"], "topic": ["range"],
         "event": ["range"]}
    )  # fmt: skip
    row = charts.spec_rows(frame, ["range"])[0].iloc[0]
    assert (row["low"], row["high"]) == pytest.approx((50 * 1.609344, 75 * 1.609344))


# --- figures per 1,000 words and the timeline -------------------------------------------------


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


def test_timeline_lists_undated_articles_instead_of_dropping_them(gold_claims, corpus):
    articles = corpus.articles.copy()
    articles.loc[articles["article_id"] == AP, "published"] = ""
    chart = charts.timeline_chart(gold_claims, articles)
    undated = charts.undated_articles(gold_claims, articles)
    assert "Associated Press" not in set(chart.rows["outlet"])
    assert list(undated["article_id"]) == [AP]
    assert chart.rows["figures"].sum() + undated["figures"].sum() == len(gold_claims)
    assert AP in chart.caption and "Associated Press" in chart.caption
    assert list(chart.rows["published"]) == sorted(chart.rows["published"])
    assert f"{chart.rows['figures'].sum()} figures published between" in chart.finding


def test_the_timeline_csv_counts_figures_per_date_and_outlet_not_one_row_each():
    """Three articles, two on one day from one outlet: one row per (date, outlet), with the
    figures and the articles holding them; an article without figures adds nothing."""
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"], "status": "ok",
        "outlet": ["Daily Wire Service", "Daily Wire Service", "Harbour Times", "Harbour Times"],
        "published": ["2024-05-02", "2024-05-02", "2024-05-01", "2024-05-03"],
    })  # fmt: skip
    figures = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3", "a3", "a3"]})
    rows = charts.timeline_rows(figures, articles)
    assert rows.to_dict("records") == [
        {"published": "2024-05-01", "outlet": "Harbour Times", "figures": 3, "articles": 1},
        {"published": "2024-05-02", "outlet": "Daily Wire Service", "figures": 3, "articles": 2},
    ]
    chart = charts.timeline_chart(figures, articles)
    assert "6 figures published between 2024-05-01 and 2024-05-02" in chart.finding
    assert "processed/parquet/figures/" in chart.caption
    plt.close(chart.figure)
    plt.close(chart.figure)


# --- the corpus's own groups ------------------------------------------------------------------


def test_group_charts_count_the_seed_groups_and_set_sources_side_by_side(gold_claims):
    counts, side = charts.group_charts(gold_claims)
    top = counts.rows.iloc[0]
    assert (top["group"], top["claims"], top["sources"], top["outlets"]) == (
        "drones: shot down/intercepted", 3, 3, 3,
    )  # fmt: skip
    assert counts.rows["claims"].sum() == len(gold_claims) - 1  # the restated 120 km once
    first = side.rows[side.rows["panel"] == side.rows["panel"].iloc[0]]
    assert first["source"].nunique() == 3 and set(first["unit"]) == {"drones"}
    assert "'more than 300 Iranian drones' (Ukrainian officials, CNN)" in side.finding
    for chart in (counts, side):
        plt.close(chart.figure)


# --- empty input, the files, and the notebook -------------------------------------------------


def test_empty_input_gives_a_chart_that_says_so(gold_claims, corpus, study):
    none = gold_claims.iloc[0:0]
    made = [charts.study_chart(none, spec) for spec in study.charts]
    made += charts.group_charts(none)
    made += [
        charts.rate_chart(none, corpus.sentences, corpus.articles),
        charts.timeline_chart(none, corpus.articles),
    ]
    for chart in made:
        assert charts.NO_FIGURES in _texts(chart.figure), chart.slug
        assert chart.finding
        plt.close(chart.figure)


def test_plots_draw_the_rows_they_are_given(gold_claims, study):
    chart = charts.study_chart(gold_claims, _spec(study, "fig41"))
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(chart.rows["label"])
    assert set(_texts(chart.figure)) == set(chart.rows["text"])
    plt.close(chart.figure)


def test_saving_the_same_charts_twice_gives_the_same_bytes(gold_claims, corpus, study, tmp_path):
    charts.set_house_style()
    written = []
    for folder in ("first", "second"):
        made = [charts.study_chart(gold_claims, spec) for spec in study.charts]
        made += charts.group_charts(gold_claims)
        made.append(charts.timeline_chart(gold_claims, corpus.articles))
        written.append(charts.save_charts(made, tmp_path / folder, "04-chart-figures"))
    for first, second in zip(*written, strict=True):
        for ext in ("png", "svg", "csv", "json"):
            one, two = first.with_suffix(f".{ext}"), second.with_suffix(f".{ext}")
            assert one.read_bytes() == two.read_bytes(), one.name
    ranges = read_table(tmp_path / "first" / "fig43-weapon-ranges.csv")
    assert ranges["surface"].tolist() == ["75 miles", "50 km"]
    assert {"panel", "unit", "unit_family"} <= set(ranges.columns)


def test_chart_rows_table_holds_every_plotted_figure_with_its_chart(gold_claims, corpus, study):
    made = [charts.study_chart(gold_claims, spec) for spec in study.charts]
    made.append(charts.rate_chart(gold_claims, corpus.sentences, corpus.articles))
    table = charts.chart_rows_table({chart.slug: chart.rows for chart in made})
    assert table["chart"].value_counts().to_dict() == {
        chart.slug: len(chart.rows) for chart in made[:3]
    }
    assert list(table.columns[2:7]) == charts.TRACE_COLUMNS
    for chart in made:
        plt.close(chart.figure)


def test_a_study_chart_may_not_take_the_number_of_a_kit_chart():
    charts.check_slugs(["fig41-a", "fig48-b"])
    with pytest.raises(ValueError, match="fig44-mine"):
        charts.check_slugs(["fig41-a", "fig44-mine"])


def test_notebook_is_committed_clean_with_a_literal_parameters_cell():
    nb = json.loads((paths.NOTEBOOKS_DIR / "04-chart-figures.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == paths.KERNEL_NAME
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    tagged = [cell for cell in code if "parameters" in cell["metadata"].get("tags", [])]
    assert len(tagged) == 1
    lines = "".join(tagged[0]["source"]).splitlines()
    for line in lines:
        assert re.fullmatch(r'\w+: str = "[^"]*"  # [^=]+', line), line
    assert {line.split(":")[0] for line in lines} >= {"processed_dir", "study", "style"}
    sources = ["".join(cell["source"]) for cell in code]
    writers = [src for src in sources if "save_chart" in src or "write_table(" in src]
    assert writers == [sources[-1]]
    prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    prose = prose.replace("iran-drones", "")  # the seed study is named, as the worked example
    assert not re.search(r"\b(?:Iran|drones?|Zelensky|Ukrain\w*|Shahed)\b", prose)


# --- on the real extraction -------------------------------------------------------------------


def test_extracted_claims_put_the_cnn_300_drones_in_the_weapons_chart(extracted, study):
    spec = _spec(study, "fig41")
    rows = charts.spec_rows(extracted["claims"], spec.topics, spec.events)[0]
    row = _row(rows, CNN, "more than 300 Iranian drones")
    assert (row["event"], row["low"], row["change"]) == ("shot down/intercepted", 300, ">")


def test_extracted_ranges_draw_75_miles_once_in_km(extracted, study):
    claims = extracted["claims"]
    if "conversion_of" not in claims.columns:
        pytest.skip("the extractor does not write conversion_of yet")
    spec = _spec(study, "fig43")
    rows = charts.spec_rows(claims, spec.topics, spec.events)[0]
    assert _row(rows, AP, "75 miles")["text"] == "75 miles (120.7 km)"
    assert "120 kilometers" not in set(rows["surface"])


def test_extracted_figures_give_a_rate_for_every_outlet(extracted, corpus):
    rows = charts.figures_per_words_rows(extracted["figures"], corpus.sentences, corpus.articles)
    assert sorted(rows["outlet"]) == sorted(corpus.articles["outlet"].unique())
    assert rows["figures"].sum() == len(extracted["figures"])
