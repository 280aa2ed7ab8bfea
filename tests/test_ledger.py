"""Tests for helpers.ledger: the claims ledger and the tables built from claims of the seeds."""

from __future__ import annotations

import pytest

from fixtures import SEED_RAW_DIR
from helpers.claims import SOURCE_TYPES, attributions_table, claims_table
from helpers.ledger import (
    LEDGER_COLUMNS,
    claims_ledger,
    denials,
    hedging_by_outlet,
    source_counts,
    source_type_mix,
    sources_table,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from helpers.corpus import build_corpus, load_clean_texts, load_corpus

    out = tmp_path_factory.mktemp("processed")
    build_corpus(SEED_RAW_DIR, out, progress=False, verbose=False)
    return load_corpus(out), load_clean_texts(out)


@pytest.fixture(scope="module")
def claims(corpus):
    frames, texts = corpus
    return claims_table(frames["articles"], frames["sentences"], texts)


def test_source_counts_and_type_mix(claims):
    counts = source_counts(claims)
    assert counts["n"].sum() == len(claims)
    assert counts.groupby("outlet")["share"].sum().round(9).eq(1.0).all()
    ap = counts.loc[counts["outlet"] == "Associated Press"]
    assert ap.iloc[0]["source"] == "(the outlet itself)"  # most AP figures are its own
    mix = source_type_mix(claims)
    assert len(mix) == claims["outlet"].nunique() * len(SOURCE_TYPES)
    assert mix.groupby("outlet")["share"].sum().round(9).eq(1.0).all()
    with pytest.raises(ValueError, match="SOURCE_TYPES"):
        source_type_mix(claims.assign(source_type="bloggers"))


def test_hedging_by_outlet(claims):
    hedging = hedging_by_outlet(claims)
    assert list(hedging["outlet"]) == sorted(claims["outlet"].unique())
    assert hedging["n_figures"].sum() == len(claims)
    ap = hedging.set_index("outlet").loc["Associated Press"]
    assert ap["n_hedged"] >= 2 and "alleged" in ap["hedges"].split(";")
    assert ((hedging["share_hedged"] >= 0) & (hedging["share_hedged"] <= 1)).all()


def test_claims_ledger_and_denials(claims):
    ledger = claims_ledger(claims)
    assert list(ledger.columns) == list(LEDGER_COLUMNS)
    assert len(ledger) == len(claims)
    comparable = claims_ledger(claims, include_other=False)
    assert "other" not in set(comparable["event"])
    drones = comparable.loc[comparable["topic"] == "drones"]
    assert {"supplied", "shot down/intercepted"} <= set(drones["event"])
    topics = list(dict.fromkeys(comparable["topic"]))
    assert topics.index("drones") < topics.index("range")
    disputed = denials(claims)
    assert set(disputed["stance"]) <= {"denied", "disputed"}
    assert "Barbara Woodward" in set(disputed["source_canonical"])


def test_sources_table_counts_quotes_and_figures(corpus, claims):
    frames, texts = corpus
    attributions = attributions_table(frames["articles"], frames["sentences"], texts)
    table = sources_table(attributions, claims)
    assert table["n_quotes"].sum() == len(attributions)
    assert table["n_figures"].sum() == len(claims)
    kirby = table.loc[table["source"] == "John Kirby"]
    # Kirby speaks often in 002 but gives no figure there
    assert kirby["n_quotes"].sum() > kirby["n_figures"].sum()
