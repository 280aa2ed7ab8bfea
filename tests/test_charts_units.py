"""Charts never mix units on one axis, draw a restated figure once, read well when the outlet or
the date is unknown, and draw text as written (an outlet named "$5$ News" is not maths).

The claims here are written by hand, in the columns of claims.csv, from sentences of invented
news; each test says what it checks.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import charts
from helpers.charts import panels


def claim(surface: str, value: float, kind: str, unit: str, si_unit: str, **more) -> dict:
    """One claims.csv row: ``si_value`` from ``more`` or ``value``; the rest as given."""
    row = {
        "article_id": more.pop("article_id", "a1"), "sentence_id": 1, "start": 0,
        "end": len(surface), "surface": surface, "value": value, "low": value, "high": value,
        "is_range": False, "is_vague": False, "change": "=", "qualifier": "", "unit": unit,
        "unit_normalized": unit, "kind": kind, "si_value": value, "si_unit": si_unit,
        "source": "", "source_canonical": "", "source_type": "outlet itself",
        "stance": "asserted", "outlet": "Harbor City Ledger", "published": "2024-09-18",
    }  # fmt: skip
    row.update(more)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    table = pd.DataFrame(list(rows))
    table["start"] = range(0, 10 * len(table), 10)  # distinct positions, as in one article
    return table


@pytest.fixture
def outage() -> pd.DataFrame:
    """ "Tidewater said 4.5 million customers and the governor 6 million people were without
    power across 11 counties; the storm's winds reached 140 mph (225 km/h)." """
    return frame(
        claim("4.5 million customers", 4.5e6, "count", "customer", "customer",
              source_canonical="Tidewater Power & Light", group="without power"),
        claim("6 million people", 6e6, "count", "person", "person",
              source_canonical="Governor Ellen Marsh", group="without power"),
        claim("11 counties", 11, "count", "county", "county", group="without power"),
        claim("140 mph", 140, "speed", "mile per hour", "km/h", si_value=140 * 1.609344,
              group="wind"),
        claim("225 km/h", 225, "speed", "kilometre per hour", "km/h", group="wind",
              conversion_of=0),
    )  # fmt: skip


def test_each_panel_has_one_unit_and_places_never_share_the_axis_of_people(outage):
    rows, left_out = charts.spec_rows(outage)
    assert rows.groupby("panel")["unit"].nunique().max() == 1
    panels = dict(zip(rows["surface"], rows["panel"], strict=True))
    assert panels["6 million people"] == "people"
    assert panels["11 counties"] == "places"
    assert panels["4.5 million customers"] == "customers"
    assert panels["140 mph"] == "speed (km/h)"
    assert left_out.empty


def test_a_figure_restated_in_another_unit_is_drawn_once_in_the_panel_unit(outage):
    rows = charts.spec_rows(outage)[0]
    assert "225 km/h" not in set(rows["surface"])
    wind = rows[rows["surface"] == "140 mph"].iloc[0]
    assert wind["value"] == pytest.approx(225.3, abs=0.05)
    assert wind["text"] == "140 mph (225.3 km/h)"
    outage = outage.assign(conversion_of=-1)
    assert "225 km/h" in set(charts.spec_rows(outage)[0]["surface"])


def test_a_unit_family_keeps_its_claims_and_names_what_it_leaves_out(outage):
    rows, left_out = charts.spec_rows(outage, groups=["without power"], unit_family="people")
    assert list(rows["surface"]) == ["6 million people"]
    assert sorted(left_out["surface"]) == ["11 counties", "4.5 million customers"]
    caption = charts.claims_caption("People without power.", rows, left_out)
    assert caption.startswith("People without power. ")
    assert "'11 counties' (places, Harbor City Ledger)" in caption


def test_money_in_two_currencies_is_two_panels():
    rows = charts.spec_rows(
        frame(
            claim("$2 million", 2e6, "money", "dollar", "dollar"),
            claim("€3 million", 3e6, "money", "euro", "euro"),
        )
    )[0]
    assert sorted(rows["panel"]) == ["money (dollars)", "money (euros)"]


def test_a_count_without_a_noun_is_drawn_with_what_its_group_counts():
    """ "At least 14 people were killed ... The death toll rose to 19, the county said." """
    rows = charts.spec_rows(
        frame(
            claim(
                "At least 14 people",
                14,
                "count",
                "person",
                "person",
                what="people",
                happened="killed",
                group="people killed",
            ),
            claim(
                "19", 19, "count", "", "", what="number", happened="killed", group="people killed"
            ),
        )  # fmt: skip
    )[0]
    assert set(rows["panel"]) == {"people"}


def test_every_plotted_panel_is_one_axis_in_the_figure(outage):
    chart = charts.plot_claims(charts.spec_rows(outage)[0], "Who said how many?")
    titles = [ax.get_title(loc="left") for ax in chart.axes]
    assert titles == list(dict.fromkeys(charts.spec_rows(outage)[0]["panel"]))
    plt.close(chart)


def test_labels_read_well_when_the_outlet_or_the_date_is_unknown():
    rows = charts.claim_rows(
        frame(
            claim(
                "2,000 jobs",
                2000,
                "count",
                "job",
                "job",
                source_canonical="Georgia",
                outlet="",
                published="",
            ),
            claim("1,500 jobs", 1500, "count", "job", "job", outlet=None, published=None),
        )  # fmt: skip
    )
    assert list(rows["label"]) == ["Georgia · unknown outlet", "the outlet itself · unknown outlet"]
    assert not rows["label"].str.contains(r"\(\)").any()


def test_an_outlet_named_like_maths_is_drawn_and_saved_as_written(tmp_path):
    """Matplotlib reads "$5$" as maths; a label from a corpus must not be typeset or crash."""
    claims = frame(
        claim("$1.5 billion to $2 billion", 1.75e9, "money", "dollar", "dollar",
              low=1.5e9, high=2e9, is_range=True, outlet="$5$ News", source_canonical="$\\alpha"),
        claim("$3 billion", 3e9, "money", "dollar", "dollar", outlet="$5$ News"),
    )  # fmt: skip
    rows = charts.spec_rows(claims)[0]
    fig = charts.plot_claims(rows, "What did $5$ News say it cost?")
    paths = charts.save_chart(fig, rows, "fig49-costs", tmp_path, "What did $5$ News say?", "")
    svg = paths["svg"].read_text(encoding="utf-8")
    assert "$5$ News" in svg and "$1.5 billion to $2 billion" in svg
    assert "\\$" not in svg  # escaped for the parser, drawn as plain dollars
    assert charts.plain("$5$ News") == "\\$5\\$ News"


def test_a_figure_drawn_elsewhere_with_maths_like_text_still_saves(tmp_path):
    fig, ax = plt.subplots()
    ax.barh([0, 1], [3, 4])
    ax.set_yticks([0, 1], ["$5$ News", "$x^2$ Daily"])
    charts.save_chart(fig, pd.DataFrame({"a": [1]}), "fig19-outlets", tmp_path, "Outlets", "")
    assert "$x^2$ Daily" in (tmp_path / "fig19-outlets.svg").read_text(encoding="utf-8")


def test_families_read_once_per_kind_of_figure_equal_the_row_by_row_panels():
    """families() reads each distinct kind of figure once and converts only measures; its
    panels and converted values must be those of helpers.grouping.panel_values row by row,
    on counts, money, percentages, durations, areas, distances and a Fahrenheit temperature,
    repeated rows and a missing low/high among them."""
    from helpers.grouping import panel_values

    nan = float("nan")
    rows = [  # kind, unit_normalized, si_unit, value, low, high, si_value
        ("count", "protester", "protester", 1200.0, 1000.0, 1500.0, 1200.0),
        ("count", "protester", "protester", 1200.0, 1000.0, 1500.0, 1200.0),
        ("count", "person", "person", 23.0, nan, nan, 23.0),
        ("money", "dollar", "dollar", 7.4e6, nan, nan, 7.4e6),
        ("percent", "percent", "percent", 92.0, 90.0, 95.0, 92.0),
        ("duration", "year", "day", 2.0, nan, nan, 730.5),
        ("duration", "day", "day", 3.0, nan, nan, 3.0),
        ("area", "acre", "km2", 640.0, 600.0, 700.0, 2.59),
        ("length", "mile", "km", 75.0, nan, nan, 120.7008),
        ("length", "mile", "km", 75.0, nan, nan, 120.7008),
        ("length", "kilometre", "km", 120.0, 100.0, 150.0, 120.0),
        ("temperature", "fahrenheit", "celsius", 212.0, 200.0, nan, 100.0),
    ]
    columns = ["kind", "unit_normalized", "si_unit", "value", "low", "high", "si_value"]
    claims = pd.DataFrame(rows, columns=columns).assign(what="", topic="", group="")
    got = charts.families(claims)
    value = claims["value"]
    frame = claims.assign(
        what=panels.counted(claims), low=claims["low"].fillna(value),
        high=claims["high"].fillna(value),
    )  # fmt: skip
    expected = panel_values(frame).rename(columns={"panel_unit": "unit"})
    for name in ("panel", "unit"):
        assert got[name].tolist() == expected[name].tolist()
    for name in ("value", "low", "high"):  # the same arithmetic: equal to the last bit
        pd.testing.assert_series_equal(got[name], expected[name], check_exact=True)
    miles = got.iloc[8]
    assert miles["value"] == pytest.approx(120.7008) and miles["unit"] == "km"
    assert got.iloc[0]["value"] == 1200.0 and got.iloc[0]["panel"] == "people"
    assert got.iloc[11]["value"] == pytest.approx(100.0) and got.iloc[11]["unit"] == "°C"
