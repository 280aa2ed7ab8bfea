"""Tests for the ledger built part by part (helpers.ledger.load, write, and the comparison and
chart a few groups at a time): on a claims dataset written bucket by bucket from the invented
general corpus (tests/data/general_corpus), the parts give what the whole frame gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fixtures import TEST_DATA_DIR
from helpers.io import write_parquet
from helpers.ledger import (
    CLAIM_COLUMNS,
    DISPUTED,
    LEDGER_INPUT_COLUMNS,
    QUOTE_COLUMNS,
    as_written,
    claims_ledger,
    compact,
    counted,
    denials_by_article,
    hedging_by_outlet,
    ledger_chart_data,
    ledger_comparison,
    load_claims,
    load_denials,
    load_ledger,
    quote_counts,
    source_counts,
    source_type_mix,
    sources_table,
    write_in_row_groups,
)
from helpers.pipeline import load_table
from helpers.pipeline.store import bucket_of, part_path, write_part, write_settings
from test_ledger import build

GENERAL_RAW_DIR = TEST_DATA_DIR / "general_corpus" / "raw"
BUCKETS = 5  # a few parts, so that every group and source is split over several


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The general corpus's claims and attributions, written as the pass writes them: one
    Parquet part per bucket of articles; and the claims as one frame."""
    frames, texts, claims, study = build(
        GENERAL_RAW_DIR, tmp_path_factory.mktemp("general"), "general-news"
    )
    from helpers.claims import attributions_table

    quotes = attributions_table(frames["articles"], frames["sentences"], texts, study)
    claims = claims.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)
    claims.loc[claims.index[::7], "stance"] = "disputed"  # denials in several parts
    processed = tmp_path_factory.mktemp("processed")
    for name, table in {"claims": claims, "attributions": quotes}.items():
        table = table.reset_index(drop=True)
        bucket = table["article_id"].map(lambda a: bucket_of(a, BUCKETS))
        for number in range(BUCKETS):
            rows = table.loc[bucket == number]
            write_part(processed, name, number, pa.Table.from_pandas(rows, preserve_index=False))
    write_settings(processed, {"buckets": BUCKETS})  # as the pass records it
    return processed, claims, quotes, frames["articles"], study


def test_the_parts_give_the_frame_of_the_whole_table(store):
    processed, claims, *_ = store
    parts, stats = load_claims(processed, CLAIM_COLUMNS)
    whole = counted(compact(load_table(processed, "claims", columns=CLAIM_COLUMNS)))
    parts = parts.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)
    whole = whole.reset_index(drop=True)
    assert list(parts.columns) == list(whole.columns)
    for name in whole.columns:
        assert str(parts[name].dtype) == str(whole[name].dtype), name
        assert parts[name].astype(object).equals(whole[name].astype(object)), name
    assert stats.n_claims == len(claims) and stats.n_articles == claims["article_id"].nunique()
    assert sum(stats.source_types.values()) == len(claims)


def test_narrow_positions_are_int64_again_when_written(store):
    processed, *_ = store
    narrow, _ = load_claims(processed, LEDGER_INPUT_COLUMNS, narrow=True)
    wide, _ = load_claims(processed, LEDGER_INPUT_COLUMNS)
    assert narrow["start"].dtype == "int32" and wide["start"].dtype == "int64"
    assert as_written(narrow)["start"].equals(wide["start"])


def test_the_ledger_of_the_parts_is_the_ledger_of_the_frame(store, tmp_path):
    processed, claims, _, articles, study = store
    ledger, stats = load_ledger(processed, "month", articles, study)
    read = compact(load_table(processed, "claims", columns=CLAIM_COLUMNS))
    whole = claims_ledger(read, "month", articles, study)
    assert ledger.to_csv(index=False) == whole.to_csv(index=False)
    assert "surface" in stats.text  # held as categories, written as the whole table had it
    write_in_row_groups(ledger, tmp_path / "parts.parquet", stats.text)
    write_parquet(as_written(whole), tmp_path / "whole.parquet")
    parts_bytes = (tmp_path / "parts.parquet").read_bytes()
    assert parts_bytes == (tmp_path / "whole.parquet").read_bytes()


def test_the_writer_gives_the_same_bytes_twice_and_in_row_groups(store, tmp_path):
    processed, _, _, articles, study = store
    ledger, _ = load_ledger(processed, "all", articles, study)
    write_in_row_groups(ledger, tmp_path / "a.parquet", rows=50)
    write_in_row_groups(ledger, tmp_path / "b.parquet", rows=50)
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert pq.ParquetFile(tmp_path / "a.parquet").metadata.num_row_groups == -(-len(ledger) // 50)
    back = pd.read_parquet(tmp_path / "a.parquet")
    assert back.astype(str).equals(as_written(ledger).astype(str))
    write_parquet(as_written(ledger), tmp_path / "whole.parquet")  # in one go: the same file
    whole = pq.read_table(tmp_path / "whole.parquet")  # but for its row groups
    assert pq.read_table(tmp_path / "a.parquet").equals(whole, check_metadata=True)
    assert back.dtypes.equals(pd.read_parquet(tmp_path / "whole.parquet").dtypes)


def test_a_comparison_and_a_chart_in_parts_equal_them_in_one_go(store):
    processed, _, _, articles, study = store
    ledger, _ = load_ledger(processed, "month", articles, study)
    assert ledger["group"].nunique() > 3  # several parts of whole groups below
    for by_event in (False, True):
        whole = ledger_comparison(ledger, by_event)
        parts = ledger_comparison(ledger, by_event, part_rows=len(ledger) // 4)
        assert len(whole) and parts.to_csv() == whole.to_csv()
        chart = ledger_chart_data(ledger, by_event)
        assert len(chart)
        assert ledger_chart_data(ledger, by_event, part_rows=10).equals(chart)


def test_counts_of_the_parts_are_the_counts_of_the_rows(store):
    processed, claims, quotes, articles, study = store
    counts = quote_counts(processed, QUOTE_COLUMNS)
    assert counts["n"].sum() == len(quotes)
    assert source_counts(counts).equals(source_counts(quotes))
    ledger, _ = load_ledger(processed, "all", articles, study)
    plain = claims_ledger(claims, "all", articles, study)
    assert sources_table(counts, ledger).equals(sources_table(quotes, plain))
    assert source_type_mix(ledger, study.source_types).equals(
        source_type_mix(plain, study.source_types)
    )
    assert hedging_by_outlet(ledger).equals(hedging_by_outlet(plain))


def test_denials_read_part_by_part_in_article_order(store):
    processed, claims, *_ = store
    every = load_denials(processed, DISPUTED)
    whole = denials_by_article(claims)
    assert len(every) == len(whole) > 10
    assert every[["article_id", "start"]].equals(whole[["article_id", "start"]])
    first = load_denials(processed, DISPUTED, rows=7)
    assert first.equals(every.head(7))


def test_the_cached_counts_and_denials_are_those_computed_afresh(store, tmp_path):
    """Each bucket's share kept in a cache (helpers.pipeline.memo) and read back gives the same
    tables as no cache, and a bucket whose file changed is counted again, not read back."""
    processed, claims, quotes, *_ = store
    fresh_counts = quote_counts(processed, QUOTE_COLUMNS)
    fresh_denials = load_denials(processed, DISPUTED)
    for _ in range(2):  # the first run fills the cache, the second reads it
        assert quote_counts(processed, QUOTE_COLUMNS, tmp_path).equals(fresh_counts)
        assert load_denials(processed, DISPUTED, cache_dir=tmp_path).equals(fresh_denials)
        first = load_denials(processed, DISPUTED, rows=7, cache_dir=tmp_path)
        assert first.equals(fresh_denials.head(7))
    assert len(list((tmp_path / "denials").glob("*.pkl"))) == BUCKETS
    # one bucket's claims lose their denials: the cache must not hand back the old rows
    changed = tmp_path / "changed"
    import shutil

    shutil.copytree(processed, changed)
    bucket = bucket_of(fresh_denials["article_id"].iloc[0], BUCKETS)
    table = pq.read_table(part_path(changed, "claims", bucket))
    stance = pa.array(["asserted"] * table.num_rows, table.schema.field("stance").type)
    table = table.set_column(table.schema.get_field_index("stance"), "stance", stance)
    write_part(changed, "claims", bucket, table)
    shutil.copytree(tmp_path / "denials", tmp_path / "moved" / "denials")
    after = load_denials(changed, DISPUTED, cache_dir=tmp_path / "moved")
    assert len(after) < len(fresh_denials)
    assert after.equals(load_denials(changed, DISPUTED))
    assert not (after["article_id"].map(lambda a: bucket_of(a, BUCKETS)) == bucket).any()


def test_value_texts_of_many_rows_are_those_of_one_row_at_a_time():
    """The comparison's values ("~450", ">2,000,000", "12-18") formatted once per distinct
    number are the texts _value_text gives row by row: ranges, missing bounds, signs, zero and
    minus zero, fractions, and numbers past a thousand."""
    from helpers.ledger.common import text
    from helpers.ledger.compare import _value_text, _value_texts

    numbers = [0.0, -0.0, 1.0, 0.5, 999.4, 1000.5, 1234567.0, 2.25e-5, float("nan"), -3.0, 12.0]
    rows = pd.DataFrame(
        [(c, v, lo, hi) for c in (">", "<", "~", "=", "", None) for v in numbers
         for lo, hi in ((v, v), (12.0, 18.0), (float("nan"), v), (v, 1000.5))],
        columns=["change", "v", "v_low", "v_high"],
    )  # fmt: skip
    rows["change"] = rows["change"].astype("category")
    expected = [_value_text(text(c), v, lo, hi) for c, v, lo, hi in rows.itertuples(index=False)]
    assert _value_texts(rows).tolist() == expected
    assert {"~12-18", ">1,234,567", "0.5", "-3", "2.25e-05", "12-18"} <= set(expected)


def test_value_texts_of_random_numbers_are_those_of_one_row_at_a_time():
    """Many random values (integers past 2**53 and 2**63, fractions, negatives, missing bounds)
    give the texts _value_text gives row by row."""
    from helpers.ledger.common import text
    from helpers.ledger.compare import _value_text, _value_texts

    rng = np.random.default_rng(7)
    n = 3000
    pool = np.concatenate([
        rng.integers(-10**6, 10**12, n).astype(float), rng.normal(0, 5000, n),
        rng.uniform(0, 1, n), [2.0**53 + 2, 2.0**63, -(2.0**64), 1e20, 1e-300, np.nan],
    ])  # fmt: skip
    rows = pd.DataFrame({
        "change": rng.choice([">", "<", "~", "=", "+", ""], len(pool)),
        "v": pool, "v_low": rng.permutation(pool), "v_high": pool,
    })  # fmt: skip
    rows.loc[::3, "v_low"] = rows.loc[::3, "v"]
    expected = [_value_text(text(c), v, lo, hi) for c, v, lo, hi in rows.itertuples(index=False)]
    assert _value_texts(rows).tolist() == expected


def test_quote_counts_are_a_count_of_the_rows_by_their_text(store):
    """The buckets' tallies added up: one row per distinct outlet, source and type as text,
    sorted as a groupby sorts them, with the number of reporting frames."""
    processed, _, quotes, *_ = store
    counts = quote_counts(processed, QUOTE_COLUMNS)
    keys = list(QUOTE_COLUMNS)
    expected = quotes[keys].astype("str").fillna("").groupby(keys).size()
    assert counts.set_index(keys)["n"].to_dict() == expected.to_dict()
    assert list(counts[keys].itertuples(index=False, name=None)) == list(expected.index)
    assert counts["n"].dtype == np.int64 and len(counts) > 3


def test_the_cached_ledger_is_the_ledger_computed_afresh(store, tmp_path):
    """The buckets' shares of the ledger's claims kept in a cache and read back give the
    same ledger, stats and written bytes as no cache; a bucket whose claims changed is read
    again (its share is not handed back)."""
    import shutil

    processed, claims, _, articles, study = store
    fresh, fresh_stats = load_ledger(processed, "month", articles, study)
    for _ in range(2):  # the first run fills the cache, the second reads it
        ledger, stats = load_ledger(processed, "month", articles, study, cache_dir=tmp_path)
        assert ledger.to_csv(index=False) == fresh.to_csv(index=False)
        assert [str(t) for t in ledger.dtypes] == [str(t) for t in fresh.dtypes]
        assert stats == fresh_stats
    assert len(list((tmp_path / "ledger-claims").glob("*.pkl"))) == BUCKETS
    write_in_row_groups(ledger, tmp_path / "cached.parquet", stats.text)
    write_in_row_groups(fresh, tmp_path / "fresh.parquet", fresh_stats.text)
    assert (tmp_path / "cached.parquet").read_bytes() == (tmp_path / "fresh.parquet").read_bytes()
    changed = tmp_path / "changed"
    shutil.copytree(processed, changed)
    bucket = bucket_of(claims["article_id"].iloc[0], BUCKETS)
    table = pq.read_table(part_path(changed, "claims", bucket))
    source = pa.array(["Someone New"] * table.num_rows, table.schema.field("source").type)
    table = table.set_column(table.schema.get_field_index("source"), "source", source)
    write_part(changed, "claims", bucket, table)
    after, _ = load_ledger(changed, "month", articles, study, cache_dir=tmp_path)
    in_bucket = claims["article_id"].map(lambda a: bucket_of(a, BUCKETS)) == bucket
    restated = claims["conversion_of"].fillna(-1) >= 0
    assert (after["source"] == "Someone New").sum() == (in_bucket & ~restated).sum() > 0
    again, _ = load_ledger(changed, "month", articles, study)
    assert after.to_csv(index=False) == again.to_csv(index=False)


def test_story_cells_of_categories_are_the_stories_row_by_row():
    """Each claim's story (its wire-copy cluster, else its article) worked out per category
    is what stories() gives on the rows as text: clusters read back as floats ("12.0"), no
    cluster ("", -1), a missing cluster or article."""
    from helpers.ledger.common import stories, story_cells

    articles = ["a1", "a2", "a3", None, "a1", "a4", "a5", "a2"]
    for clusters in (
        ["c7", "", "-1", "c7", None, "c9", "c7", "c8"],
        [12.0, -1.0, 3.0, np.nan, 12.0, -1.0, 3.0, 12.0],
    ):
        frame = pd.DataFrame({"article_id": articles, "duplicate_cluster": clusters})
        frame = frame.astype("category")
        frame["duplicate_cluster"] = frame["duplicate_cluster"].cat.add_categories(
            ["unused"] if frame["duplicate_cluster"].dtype.categories.dtype == object else [99.0]
        )
        got = story_cells(frame)
        assert isinstance(got.dtype, pd.CategoricalDtype)
        assert got.astype(str).tolist() == stories(frame).tolist()
    assert got.astype(str).tolist()[:3] == ["cluster 12", "a2", "cluster 3"]
