"""The claim charts of notebook 04 read part by part (helpers.charts.stream) are those of the
whole table: the seed corpus's claims split into parts of whole articles, read in an order
that is not the table's, give the same rows as the whole-table functions, and so do the
per-part sums behind them (nouns of counts without one, figures per article)."""

from __future__ import annotations

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers import charts
from helpers.charts import stream
from helpers.charts.buckets import in_batches
from helpers.charts.panels import counted, group_nouns, noun_counts
from helpers.corpus import build_corpus
from helpers.study import load_study


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The seed articles through notebooks 01-03: claims with their groups and topics, in
    the order the pass's table has them (by article, then start)."""
    from helpers.claims import claims_table
    from helpers.figures import figures_table
    from helpers.grouping import add_groups, add_topics

    study = load_study(SEED_STUDY)
    corpus = build_corpus(SEED_RAW_DIR, tmp_path_factory.mktemp("seeds"), progress=False,
                          verbose=False)  # fmt: skip
    figures = figures_table(corpus.sentences)
    claims = claims_table(corpus.articles, corpus.sentences, corpus.clean_texts, figures, study)
    claims = add_topics(add_groups(claims, corpus.sentences, study), corpus.sentences, study)
    claims = claims.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)
    return {"claims": claims, "figures": figures, "study": study}


def _parts(frame: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """``frame`` in ``n`` parts of whole articles, articles dealt round-robin and each part's
    rows as written, the parts read last first (as hashed buckets would be)."""
    ids = sorted(frame["article_id"].unique())
    parts = [frame[frame["article_id"].isin(ids[i::n])] for i in range(n)]
    return [p.reset_index(drop=True) for p in reversed(parts) if len(p)]


def _reader(claims: pd.DataFrame, n: int):
    def read(columns):
        return [part[[c for c in columns if c in part.columns]] for part in _parts(claims, n)]

    def fetch(ids):
        return claims[claims["article_id"].isin(ids)]

    return read, fetch


@pytest.mark.parametrize("n, batch", [(1, 1_000_000), (3, 1), (5, 40)])
def test_claim_charts_read_in_parts_equal_those_of_the_whole_table(seeds, n, batch):
    claims, study = seeds["claims"], seeds["study"]
    rows = charts.claim_rows(claims, describe=False)
    read, fetch = _reader(claims, n)
    spec_rows, counts, side = stream.claim_charts(in_batches(read, batch), fetch, study.charts)
    assert claims["article_id"].nunique() >= 3 and len(side) > 0  # something to compare
    for spec, (drawn, left_out) in zip(study.charts, spec_rows, strict=True):
        whole, whole_left = charts.spec_rows(claims, spec.topics, spec.events, spec.groups,
                                             spec.unit_family, rows=rows)  # fmt: skip
        pd.testing.assert_frame_equal(drawn, whole)
        pd.testing.assert_frame_equal(left_out, whole_left)
    assert any(len(drawn) for drawn, _ in spec_rows)
    pd.testing.assert_frame_equal(counts, charts.group_count_rows(claims, rows=rows))
    whole_side = charts.side_by_side_rows(claims, rows=rows).reset_index(drop=True)
    pd.testing.assert_frame_equal(side, whole_side)


def test_a_count_without_a_noun_takes_the_noun_of_its_group_in_the_whole_table():
    from helpers.grouping import what_lexicon

    none = what_lexicon().no_noun
    claims = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2", "a3", "a3", "a4", "a4"],
            "sentence_id": [1, 2, 1, 2, 1, 2, 1, 2],
            "kind": "count",
            "unit_normalized": "",
            "si_unit": "",
            "topic": "",
            "what": ["people", none, "homes", "homes", "people", "homes", "people", none],
            "group": ["killed", "killed", "killed", "damaged", "killed", "killed", "killed",
                      "damaged"],
        }
    )  # fmt: skip
    whole = counted(claims)
    assert whole.tolist()[1] == "people" and whole.tolist()[7] == "homes"
    parts = _parts(claims, 3)  # alone, the part of a1 and a4 knows no noun for "damaged"
    nouns = group_nouns([noun_counts(p) for p in parts])
    assert nouns.to_dict() == {"killed": "people", "damaged": "homes"}
    split = pd.concat([counted(p, nouns) for p in parts]).tolist()
    expected = pd.concat([whole[claims["article_id"].isin(p["article_id"])] for p in parts])
    assert split == expected.tolist()


def test_figures_per_article_add_up_over_parts(seeds):
    figures = seeds["figures"]
    whole = figures["article_id"].value_counts()
    parts = charts.figure_counts(_parts(figures, 4))
    assert parts.sort_index().to_dict() == whole.sort_index().to_dict()
    assert charts.figure_counts(figures).sum() == len(figures)


def test_counts_without_a_noun_take_the_whole_tables_noun_when_read_in_parts(seeds):
    from helpers.grouping import what_lexicon

    claims = seeds["claims"].copy()
    counts = claims.index[(claims["kind"] == "count") & (claims["group"] != "")]
    claims.loc[counts[::3], "what"] = what_lexicon().no_noun  # as "at least 10" would have
    rows = charts.claim_rows(claims, describe=False)
    read, fetch = _reader(claims, 4)
    _, group_counts, side = stream.claim_charts(in_batches(read, 1), fetch, ())
    pd.testing.assert_frame_equal(group_counts, charts.group_count_rows(claims, rows=rows))
    whole_side = charts.side_by_side_rows(claims, rows=rows).reset_index(drop=True)
    pd.testing.assert_frame_equal(side, whole_side)
