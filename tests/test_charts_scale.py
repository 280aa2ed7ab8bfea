"""Charts of any corpus: the kit's own charts on the invented non-war corpus
(tests/data/general_corpus) with the general study, and charts that stay readable when a corpus
holds 20,000 claims."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from fixtures import TEST_DATA_DIR
from helpers import charts
from helpers.corpus import build_corpus
from helpers.study import load_study

GENERAL_RAW = TEST_DATA_DIR / "general_corpus" / "raw"


@pytest.fixture(scope="module")
def general(tmp_path_factory):
    """The general corpus through notebooks 01-03: corpus, figures, claims with their groups."""
    from helpers.claims import claims_table
    from helpers.figures import figures_table
    from helpers.grouping import add_groups, add_topics

    study = load_study("general-news")
    corpus = build_corpus(GENERAL_RAW, tmp_path_factory.mktemp("general"), progress=False,
                          verbose=False)  # fmt: skip
    figures = figures_table(corpus.sentences)
    claims = claims_table(corpus.articles, corpus.sentences, corpus.clean_texts, figures, study)
    claims = add_topics(add_groups(claims, corpus.sentences, study), corpus.sentences, study)
    return {"corpus": corpus, "figures": figures, "claims": claims, "study": study}


def test_a_corpus_without_study_charts_gets_charts_of_its_own_groups(general, tmp_path):
    corpus, figures, claims = general["corpus"], general["figures"], general["claims"]
    assert general["study"].charts == ()
    made = charts.group_charts(claims)
    made += [
        charts.rate_chart(figures, corpus.sentences, corpus.articles),
        charts.timeline_chart(figures, corpus.articles),
    ]
    charts.save_charts(made, tmp_path, "04-chart-figures")
    for chart in made:
        assert len(pd.read_csv(tmp_path / f"{chart.slug}.csv")) > 0, chart.slug
        assert charts.NO_FIGURES not in chart.finding
    side = made[1].rows
    assert side.groupby("panel")["unit"].nunique().max() == 1  # one unit a panel
    assert set(charts.TRACE_COLUMNS) <= set(side.columns)
    text = " ".join(f"{c.title} {c.caption} {c.finding}" for c in made).lower()
    assert "drone" not in text and "iran" not in text


def test_sources_numbers_for_the_same_crowd_sit_side_by_side(general):
    """The strike stories give the police's 1.1 million and the unions' 2 million marchers."""
    side = charts.side_by_side_rows(general["claims"])
    crowd = side[side["surface"].isin(["1.1 million protesters", "2 million"])]
    assert len(crowd) == 2 and crowd["panel"].nunique() == 1
    assert set(crowd["unit"]) == {"people"}
    assert crowd["source"].nunique() == 2


def synthetic_claims(n: int = 20_000) -> pd.DataFrame:
    """``n`` claims.csv rows of a large corpus: 400 groups of people, dollars and distances,
    300 outlets, 2,000 sources, one claim per article position, values spread over decades."""
    i = pd.RangeIndex(n)
    kind = pd.Series([("count", "money", "length")[k % 400 % 3] for k in i])  # one a group
    unit = kind.map({"count": "person", "money": "dollar", "length": "kilometre"})
    value = (i % 997 + 1) * 10.0 ** (i % 5)
    return pd.DataFrame(
        {
            "article_id": [f"art{k // 4:05d}" for k in i], "sentence_id": i % 30,
            "start": i * 7 % 5000, "end": i * 7 % 5000 + 9, "surface": [f"{v:g}" for v in value],
            "value": value, "low": value, "high": value, "is_range": False, "is_vague": False,
            "change": "=", "qualifier": "", "kind": kind, "unit_normalized": unit,
            "si_unit": kind.map({"count": "person", "money": "dollar", "length": "km"}),
            "si_value": value, "what": kind.map({"count": "people", "money": "dollars",
                                                 "length": "distance"}),
            "happened": "reported", "group": [f"group {k % 400}" for k in i],
            "source_canonical": [f"source {k % 2000}" for k in i], "source": "",
            "source_type": "government", "stance": "asserted",
            "outlet": [f"Outlet {k % 300}" for k in i],
            "published": [f"2024-{k % 12 + 1:02d}-{k % 28 + 1:02d}" for k in i],
            "topic": "other", "event": "other",
        }
    )  # fmt: skip


def test_charts_of_20000_claims_label_at_most_30_rows_a_panel_and_say_what_they_leave_out():
    claims = synthetic_claims()
    counts, side = charts.group_charts(claims)
    assert counts.rows["drawn"].sum() == charts.MAX_ROWS_PER_PANEL
    assert len(counts.rows) == 400  # every group listed in the CSV, drawn or not
    assert "370 smaller groups" in counts.caption
    assert side.rows["panel"].nunique() <= 6
    assert side.rows.groupby("panel").size().max() <= charts.MAX_ROWS_PER_PANEL
    assert (side.rows["claims_in_panel"] == 50).all()
    rows, _ = charts.spec_rows(claims)
    assert rows.groupby("panel").size().max() <= charts.MAX_ROWS_PER_PANEL
    titles = [ax.get_title(loc="left") for ax in charts.plot_claims(rows, "All claims").axes]
    assert "people: 10 of 6,700 claims drawn" in titles
    rate_rows = charts.figures_per_words_rows(
        claims, pd.DataFrame({"article_id": claims["article_id"], "text": "one two three"}),
        claims.drop_duplicates("article_id").assign(status="ok"),
    )  # fmt: skip
    fig = charts.plot_figures_per_words(rate_rows)
    assert len(fig.axes[0].get_yticklabels()) == charts.MAX_ROWS_PER_PANEL
    timeline = charts.timeline_rows(claims, claims.drop_duplicates("article_id"))
    fig = charts.plot_timeline(timeline)
    assert len(fig.axes[0].get_yticklabels()) == charts.MAX_ROWS_PER_PANEL
    plt.close("all")
