"""Tests for helpers.ledger: the claims ledger, the comparison of sources, the ledger chart's rows
and the tables built from claims, on the seeds and on the invented general corpus
(tests/data/general_corpus: a storm, a wildfire, a strike ... told by several outlets).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers.claims import attributions_table, claims_table
from helpers.figures import figures_table
from helpers.grouping import add_groups, add_topics
from helpers.ledger import (
    CHART_COLUMNS,
    COMPARISON_COLUMNS,
    LEDGER_COLUMNS,
    MAX_CHART_ROWS,
    MAX_PANELS,
    MAX_ROWS_PER_GROUP,
    MAX_ROWS_PER_PANEL,
    UNKNOWN_OUTLET,
    claims_ledger,
    compact,
    date_window,
    denials,
    denials_by_article,
    hedging_by_outlet,
    ledger_chart_data,
    ledger_comparison,
    source_counts,
    source_type_mix,
    sources_table,
)
from helpers.study import load_study

GENERAL_RAW_DIR = TEST_DATA_DIR / "general_corpus" / "raw"


def build(raw_dir, out, study_name: str):
    """The corpus, its claims (as notebooks 01-03 make them) and the study."""
    from helpers.corpus import build_corpus, load_clean_texts, load_corpus

    build_corpus(raw_dir, out, progress=False, verbose=False)
    frames, texts = load_corpus(out), load_clean_texts(out)
    study = load_study(study_name)
    figures = add_groups(figures_table(frames["sentences"]), frames["sentences"], study)
    claims = claims_table(frames["articles"], frames["sentences"], texts, figures, study)
    return frames, texts, add_topics(claims, frames["sentences"], study), study


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return build(SEED_RAW_DIR, tmp_path_factory.mktemp("seeds"), "iran-drones")


@pytest.fixture(scope="module")
def general(tmp_path_factory):
    return build(GENERAL_RAW_DIR, tmp_path_factory.mktemp("general"), "general-news")


def block(table: pd.DataFrame, group: str) -> pd.DataFrame:
    return table.loc[table["group"] == group]


# ------------------------------------------------------------------- tables of sources


def test_source_counts_and_type_mix(seeds):
    _, _, claims, study = seeds
    counted = claims.loc[claims["conversion_of"] < 0]
    counts = source_counts(claims)
    assert counts["n"].sum() == len(counted)  # "75 miles (120 kilometers)" counts once
    assert counts.groupby("outlet")["share"].sum().round(9).eq(1.0).all()
    ap = counts.loc[counts["outlet"] == "Associated Press"]
    assert ap.iloc[0]["source"] == "(the outlet itself)"  # most AP figures are its own
    mix = source_type_mix(claims, study.source_types)
    types = list(dict.fromkeys(mix["source_type"]))
    assert types[: len(study.source_types)] == list(study.source_types)
    assert set(claims["source_type"]) <= set(types)
    assert mix.groupby("outlet")["share"].sum().round(9).eq(1.0).all()
    # a label outside the study's list is shown after it, not refused
    odd = source_type_mix(claims.assign(source_type="bloggers"), study.source_types)
    assert list(dict.fromkeys(odd["source_type"]))[-1] == "bloggers"
    assert odd.loc[odd["source_type"] == "bloggers", "share"].eq(1.0).all()


def test_hedging_by_outlet(seeds):
    _, _, claims, _ = seeds
    hedging = hedging_by_outlet(claims)
    assert list(hedging["outlet"]) == sorted(claims["outlet"].unique())
    assert hedging["n_figures"].sum() == (claims["conversion_of"] < 0).sum()
    ap = hedging.set_index("outlet").loc["Associated Press"]
    assert ap["n_hedged"] >= 2 and "alleged" in ap["hedges"].split(";")
    assert ((hedging["share_hedged"] >= 0) & (hedging["share_hedged"] <= 1)).all()


def test_denials_in_article_order_whatever_order_they_are_read_in(general):
    _, _, claims, _ = general
    disputed = denials(claims)
    assert len(disputed) >= 2 and set(disputed["stance"]) <= {"denied", "disputed"}
    shuffled = claims.sample(frac=1.0, random_state=7)
    again = denials_by_article(shuffled)
    expected = disputed.sort_values(["article_id", "start"], kind="mergesort")
    assert again.equals(expected.reset_index(drop=True))


def test_denials_and_sources_table(seeds):
    frames, texts, claims, study = seeds
    disputed = denials(claims)
    assert set(disputed["stance"]) <= {"denied", "disputed"}
    assert "Barbara Woodward" in set(disputed["source_canonical"])
    attributions = attributions_table(frames["articles"], frames["sentences"], texts, study)
    table = sources_table(attributions, claims)
    assert table["n_quotes"].sum() == len(attributions)
    assert table["n_figures"].sum() == (claims["conversion_of"] < 0).sum()
    kirby = table.loc[table["source"] == "John Kirby"]
    # Kirby speaks often in 002 but gives no figure there
    assert kirby["n_quotes"].sum() > kirby["n_figures"].sum()


# ----------------------------------------------------------------------------- the ledger


def test_the_seed_ledger_lines_up_the_study_groups(seeds):
    _, _, claims, study = seeds
    ledger = claims_ledger(claims, study=study)
    assert list(ledger.columns) == list(LEDGER_COLUMNS)
    assert len(ledger) == len(claims) - 1  # the 120 kilometers restate the 75 miles
    assert "120 kilometers" not in set(ledger["surface"])
    drones = block(ledger, "drones")
    assert {"supplied", "shot down/intercepted"} <= set(drones["event"])
    assert set(drones["panel"]) == {"drones"}
    # the study merges shells, jets, F-16s and weapons into one group on one axis (the 24 hours
    # in which shells were fired belong to that claim, on an axis of days)
    weapons = block(ledger, "other weapons")
    assert set(weapons.loc[weapons["kind"] == "count", "panel"]) == {"other weapons"}
    assert set(weapons.loc[weapons["kind"] == "duration", "surface"]) == {"24 hours"}
    assert ledger.groupby("group", sort=False).size().is_monotonic_decreasing


def test_the_seed_chart_draws_each_unit_on_its_own_panel(seeds):
    _, _, claims, study = seeds
    chart = ledger_chart_data(claims_ledger(claims, study=study), by_event=True)
    assert list(chart.columns) == list(CHART_COLUMNS)
    assert chart.groupby("panel")["unit"].nunique().eq(1).all()
    groups = set(chart["group"])
    assert {"drones: supplied", "drones: shot down/intercepted", "people without power",
            "weapon range", "regions without power"} <= groups  # fmt: skip
    assert block(chart, "people without power")["panel"].eq("people").all()
    assert block(chart, "regions without power")["panel"].eq("places").all()
    km = block(chart, "weapon range")
    assert km["unit"].eq("km").all()
    assert sorted(km["value"].round(1)) == [50.0, 120.7]  # 75 miles in km, 120 km not twice
    shot = block(chart, "drones: shot down/intercepted")
    assert sorted(shot["value"]) == [10.0, 17.0, 300.0]
    assert not chart["label"].str.contains(r"\(\)").any()
    for _, panel in chart.groupby("panel"):
        assert sorted(panel["y"]) == list(range(len(panel)))


def test_labels_read_well_without_an_outlet(seeds):
    _, _, claims, study = seeds
    chart = ledger_chart_data(claims_ledger(claims.assign(outlet=""), study=study), True)
    assert chart["label"].str.contains(UNKNOWN_OUTLET).all()
    assert not chart["label"].str.contains(r"\(\)").any()


def test_police_and_unions_side_by_side(general):
    _, _, claims, study = general
    comparison = ledger_comparison(claims_ledger(claims, window="month", study=study))
    assert list(comparison.columns) == list(COMPARISON_COLUMNS)
    marched = block(comparison, "people who took part")
    marched = marched.loc[(marched["window"] == "2025-02") & (marched["panel"] == "people")]
    by_source = marched.set_index("source")["value_max"]
    police = [s for s in by_source.index if "police" in s.lower()]
    unions = [s for s in by_source.index if "confederation" in s.lower()]
    assert police and unions and marched["sources_in_group"].gt(1).all()
    assert by_source[police].max() == 1_100_000
    assert by_source[unions].max() == 2_000_000


def test_utility_and_governor_in_one_group(general):
    _, _, claims, study = general
    comparison = ledger_comparison(claims_ledger(claims, window="month", study=study))
    outage = block(comparison, "without power")
    outage = outage.loc[outage["window"] == "2024-09"]
    customers = outage.loc[outage["panel"] == "customers"]
    people = outage.loc[outage["panel"] == "people"]
    assert 4_500_000 in set(customers["value_min"]) | set(customers["value_max"])
    assert 6_000_000 in set(people["value_min"]) | set(people["value_max"])
    assert "Ellen Marsh" in set(people["source"])
    # never two units on one axis: customers and people are rows of one group, two panels
    ledger = claims_ledger(claims, "month", study=study)
    chart = ledger_chart_data(ledger, per_panel=1000, max_panels=20, max_rows=10_000)
    assert chart.groupby("panel")["unit"].nunique().eq(1).all()
    assert set(chart.loc[chart["group"] == "area burned · 2023-08", "unit"]) == {"km²"}
    outage = chart.loc[chart["group"] == "without power · 2024-09"]
    assert {"customers", "people"} <= set(outage["panel"])


def test_a_wire_copy_counts_once(general, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    original = GENERAL_RAW_DIR / "g09_strike_wire.txt"
    shutil.copy(original, raw / original.name)
    # another site republishes the wire story under its own headline
    text = original.read_text(encoding="utf-8").split("\n", 1)[1]
    (raw / "copy_strike.txt").write_text("Millions strike over pensions\n" + text, "utf-8")
    frames, _, claims, study = build(raw, tmp_path / "processed", "general-news")
    articles = frames["articles"]
    assert articles["duplicate_cluster"].nunique() == 1  # the corpus reader saw the copy
    ledger = claims_ledger(claims, study=study, articles=articles)
    assert {"duplicate_cluster", "cluster_size"} <= set(ledger.columns)
    comparison = ledger_comparison(ledger)
    assert (comparison["n_articles"] == 2).any()
    assert (comparison["n_stories"] == 1).all()
    both = comparison.loc[comparison["n_articles"] == 2]
    assert (both["n_claims"] == both["values"].str.split(";").str.len()).all()
    chart = ledger_chart_data(ledger)
    assert (chart["copies"] == 1).any()
    assert not chart.duplicated(["group", "label", "value"]).any()


def test_a_large_corpus_gives_a_readable_chart(general):
    _, _, claims, study = general
    copies = [
        claims.assign(article_id=claims["article_id"] + f"-{i}", outlet=f"Outlet {i % 7}")
        for i in range(30)
    ]
    big = pd.concat(copies, ignore_index=True)
    chart = ledger_chart_data(claims_ledger(big, study=study))
    assert chart.groupby(["panel", "group"]).size().max() <= MAX_ROWS_PER_GROUP
    assert chart.groupby("panel").size().max() <= MAX_ROWS_PER_PANEL
    assert chart["panel"].nunique() <= MAX_PANELS
    assert 0 < len(chart) <= MAX_CHART_ROWS
    assert chart.equals(ledger_chart_data(claims_ledger(big, study=study)))  # same rows again


def test_compact_claims_give_the_same_ledger_and_comparison(general):
    _, _, claims, study = general
    plain = claims_ledger(claims, "month", study=study)
    small = claims_ledger(compact(claims, max_share=0.5), "month", study=study)
    assert any(isinstance(t, pd.CategoricalDtype) for t in small.dtypes)
    assert small.to_csv(index=False) == plain.to_csv(index=False)
    assert ledger_comparison(small).to_csv() == ledger_comparison(plain).to_csv()
    assert ledger_chart_data(small).to_csv(index=False) == ledger_chart_data(plain).to_csv(
        index=False
    )


def test_date_windows():
    dates = pd.Series(["2024-09-18", "2024-09-16T10:00:00", "", None, "not a date"])
    assert list(date_window(dates, "day"))[:2] == ["2024-09-18", "2024-09-16"]
    assert list(date_window(dates, "week"))[:2] == ["2024-W38", "2024-W38"]
    assert list(date_window(dates, "month")) == ["2024-09", "2024-09", *["undated"] * 3]
    assert set(date_window(dates, "all")) == {"all"}
    with pytest.raises(ValueError, match="window must be one of"):
        date_window(dates, "fortnight")


def test_the_ledger_never_imports_the_charts():
    code = "import sys, helpers.ledger; print('helpers.charts' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
