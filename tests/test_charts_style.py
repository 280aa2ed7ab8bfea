"""The house style for the report and for slides, the title in every picture, and the ledger
chart's panels. Rows are written by hand in the columns the chart functions read."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

from helpers import charts

TITLE = "How many people were said to be without power?"


@pytest.fixture(autouse=True)
def report_style():
    charts.set_house_style("report")
    yield
    charts.set_house_style("report")
    plt.close("all")


def ledger_rows(panels: dict[str, int]) -> pd.DataFrame:
    """Ledger chart rows (the columns of ``helpers.ledger.ledger_chart_data``): ``n`` claims in
    each panel, two groups a panel, values 10, 20, 30 ..."""
    rows = []
    for panel, n in panels.items():
        for i in range(n):
            value = 10.0 * (i + 1)
            rows.append({
                "group": f"{panel} {'counted' if i % 2 else 'reported'}", "panel": panel,
                "label": f"source {i} (Outlet {i % 3})", "value": value, "low": value - 1,
                "high": value + 1, "err_low": 1.0, "err_high": 1.0,
                "change": "~" if i % 4 == 0 else "=", "y": n - 1 - i, "article_id": f"a{i}",
                "sentence_id": 1, "start": i, "end": i + 5, "surface": f"{value:g} {panel}",
            })  # fmt: skip
    return pd.DataFrame(rows)


def _ratio(path) -> float:
    width, height = Image.open(path).size
    return width / height


def test_slides_are_16_by_9_with_large_type_and_the_title_in_the_image(tmp_path):
    rows = charts.spec_rows(
        pd.DataFrame(
            {
                "article_id": ["a", "b"],
                "sentence_id": [1, 2],
                "start": [0, 0],
                "end": [9, 9],
                "surface": ["6 million people", "4 million people"],
                "value": [6e6, 4e6],
                "kind": ["count", "count"],
                "unit_normalized": ["person", "person"],
                "si_unit": ["person", "person"],
                "outlet": ["Ledger", "Radio"],
            }
        )  # fmt: skip
    )[0]
    charts.set_house_style("slides")
    assert charts.current_style() == "slides"
    assert mpl.rcParams["font.size"] >= 16
    saved = charts.save_chart(charts.plot_claims(rows, TITLE), rows, "fig42-outage", tmp_path,
                              TITLE, "caption")  # fmt: skip
    assert _ratio(saved["png"]) == pytest.approx(16 / 9, rel=0.005)
    assert TITLE in saved["svg"].read_text(encoding="utf-8")
    ledger = charts.plot_claims_ledger(ledger_rows({"people": 12, "customers": 20}))
    saved = charts.save_chart(ledger, ledger_rows({"people": 1}), "fig33-ledger", tmp_path,
                              "The ledger", "caption")  # fmt: skip
    assert _ratio(saved["png"]) == pytest.approx(16 / 9, rel=0.005)
    fig, ax = plt.subplots(figsize=(9, 3))  # a chart drawn in a notebook, any size
    ax.barh(["a", "b"], [1, 2])
    plt.close(fig)  # as the notebook's inline display leaves it: a plain canvas
    saved = charts.save_chart(fig, pd.DataFrame({"x": [1]}), "fig31-mix", tmp_path, "Mix", "c")
    assert _ratio(saved["png"]) == pytest.approx(16 / 9, rel=0.005)


def test_report_charts_keep_their_own_shape():
    charts.set_house_style("report")
    assert charts.figure_size(9.0, 3.0) == (9.0, 3.0)
    charts.set_house_style("slides")
    width, height = charts.figure_size(9.0, 3.0)
    assert width / height == pytest.approx(16 / 9) and width >= 13.3
    assert charts.figure_size(9.0, 20.0)[1] >= 20.0  # a tall chart gets a larger canvas


def test_an_unknown_style_is_refused_with_the_styles_there_are():
    with pytest.raises(ValueError, match="report, slides"):
        charts.set_house_style("poster")


def test_a_chart_saved_without_a_title_gets_its_title_in_the_picture(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    saved = charts.save_chart(fig, pd.DataFrame({"x": [1]}), "fig11-lines", tmp_path, TITLE, "")
    assert saved["svg"].read_text(encoding="utf-8").count(TITLE) == 1


def test_a_chart_that_shows_its_title_is_not_titled_twice(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    ax.set_title(TITLE)
    saved = charts.save_chart(fig, pd.DataFrame({"x": [1]}), "fig11-lines", tmp_path, TITLE, "")
    assert saved["svg"].read_text(encoding="utf-8").count(TITLE) == 1


def test_the_ledger_chart_draws_one_panel_per_unit_family():
    fig = charts.plot_claims_ledger(ledger_rows({"people": 3, "customers": 2}))
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["people", "customers"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "source 0 (Outlet 0) - 10 people"  # highest y on top
    assert len(labels) == 3


def test_a_crowded_ledger_panel_draws_30_rows_and_says_how_many_it_leaves_out():
    fig = charts.plot_claims_ledger(ledger_rows({"people": 45}))
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == charts.MAX_ROWS_PER_PANEL
    assert "(15 more rows in the ledger table)" in ax.get_title(loc="left")


def test_ledger_rows_without_a_panel_column_draw_one_panel():
    fig = charts.plot_claims_ledger(ledger_rows({"people": 3}).drop(columns="panel"))
    assert len(fig.axes) == 1


def test_an_empty_ledger_says_so():
    fig = charts.plot_claims_ledger(ledger_rows({}))
    assert charts.NO_FIGURES in [t.get_text() for t in fig.axes[0].texts]


def test_the_outlet_charts_of_notebook_03_draw_at_most_30_outlets_and_say_so():
    outlets = [f"Outlet {i:02d}" for i in range(40)] + ["$5$ News"]
    counts = [(o, t, n) for i, o in enumerate(outlets)
              for t, n in (("government", 1 + i % 4), ("company", 4 - i % 4))]  # fmt: skip
    mix = pd.DataFrame(counts, columns=["outlet", "source_type", "n"]).assign(
        share=lambda f: f.n / 5
    )
    fig = charts.plot_source_type_mix(mix, ["government", "company", "expert"])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == charts.MAX_ROWS_PER_PANEL
    assert "30 of 41 outlets drawn; the CSV lists them all" in [
        t.get_text() for t in fig.axes[0].texts
    ]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["government", "company"]
    hedging = pd.DataFrame(
        {"outlet": outlets, "n_figures": range(41), "share_hedged": [i / 41 for i in range(41)]}
    )
    fig = charts.plot_hedging(hedging)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "\\$5\\$ News" and len(labels) == charts.MAX_ROWS_PER_PANEL


@pytest.mark.parametrize("style", charts.STYLES)
def test_the_house_style_sets_what_seaborn_set_theme_would_without_importing_it(style):
    """The theme written out in helpers.charts.theme gives the rcParams and colour codes that
    seaborn's own set_theme gives (seaborn imported here, in the test, never by the charts)."""
    import seaborn as sns

    from helpers.charts.style import _RC, _SLIDES_RC

    rc = _SLIDES_RC if style == "slides" else _RC
    with mpl.rc_context():
        sns.set_theme(style="whitegrid", palette="colorblind", rc=rc)
        expected = dict(mpl.rcParams)
        codes = {c: mpl.colors.to_rgb(c) for c in "bgrmyck"}
    with mpl.rc_context():
        mpl.rcParams["image.cmap"] = "viridis"
        charts.set_house_style(style)
        got = dict(mpl.rcParams)
        assert {c: mpl.colors.to_rgb(c) for c in "bgrmyck"} == codes
    differ = {k for k in expected if expected[k] != got[k]}
    assert differ == {"image.cmap"}  # seaborn's own colour map, which no chart draws with
    assert list(charts.COLOURS) == sns.color_palette("colorblind").as_hex()


def test_importing_the_charts_does_not_import_seaborn_or_scipy():
    """Every notebook kernel imports the charts; seaborn and scipy cost it seconds."""
    import subprocess
    import sys

    code = "import sys, helpers.charts, helpers.language; print(sorted(m for m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout  # fmt: skip
    for heavy in ("'seaborn'", "'scipy'", "'scipy.stats'"):
        assert heavy not in loaded
