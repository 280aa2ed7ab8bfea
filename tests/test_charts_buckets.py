"""Notebook 04's shares per bucket (helpers.charts.buckets, helpers.pipeline.memo): the seed
claims written as the pass writes them, one Parquet file per bucket of articles, give the same
charts whether each bucket's share is computed afresh, in batches of any size, or read back from
a cache; and a bucket whose file changed is computed again, never read back stale."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pytest

from helpers import charts
from helpers.charts import stream
from helpers.charts.buckets import cached_buckets, in_batches
from helpers.pipeline import memo, read_dataset
from helpers.pipeline.store import bucket_of, buckets_on_disk, write_part, write_settings
from test_charts_stream import _reader, seeds  # noqa: F401 (a fixture)

BUCKETS = 4


def _write_store(frames: dict[str, pd.DataFrame], folder) -> None:
    for name, table in frames.items():
        bucket = table["article_id"].map(lambda a: bucket_of(a, BUCKETS))
        for number in range(BUCKETS):
            rows = table.loc[bucket == number].reset_index(drop=True)
            write_part(folder, name, number, pa.Table.from_pandas(rows, preserve_index=False))
    write_settings(folder, {"buckets": BUCKETS})


@pytest.fixture(scope="module")
def store(seeds, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("processed")
    _write_store({"claims": seeds["claims"], "figures": seeds["figures"]}, folder)
    return folder


def _fetch(processed):
    return lambda ids: read_dataset(processed, "claims", charts.CLAIM_INPUT_COLUMNS,
                                    article_ids=ids, order=["article_id", "start"])  # fmt: skip


def _same(a, b) -> None:
    (specs_a, counts_a, side_a), (specs_b, counts_b, side_b) = a, b
    for (drawn_a, left_a), (drawn_b, left_b) in zip(specs_a, specs_b, strict=True):
        pd.testing.assert_frame_equal(drawn_a, drawn_b)
        pd.testing.assert_frame_equal(left_a, left_b)
    pd.testing.assert_frame_equal(counts_a, counts_b)
    pd.testing.assert_frame_equal(side_a, side_b)


@pytest.mark.parametrize("rows", [1, 300, 1_000_000])
def test_the_shares_kept_per_bucket_give_the_charts_computed_afresh(seeds, store, tmp_path, rows):  # noqa: F811
    claims, study = seeds["claims"], seeds["study"]
    read, fetch = _reader(claims, 3)
    fresh = stream.claim_charts(in_batches(read), fetch, study.charts)
    assert len(fresh[2]) and any(len(drawn) for drawn, _ in fresh[0])
    plain = stream.claim_charts(cached_buckets(store, "claims", "", rows), _fetch(store),
                                study.charts)  # fmt: skip
    _same(plain, fresh)
    for _ in range(2):  # the first run fills the cache, the second reads it back
        each = cached_buckets(store, "claims", tmp_path, rows)
        _same(stream.claim_charts(each, _fetch(store), study.charts), fresh)
    written = buckets_on_disk(store, "claims")
    assert len(written) >= 2 and len(list((tmp_path / "chart-shares").glob("*.pkl"))) == len(
        written
    )


def test_a_changed_bucket_is_computed_again(seeds, store, tmp_path):  # noqa: F811
    claims, study = seeds["claims"], seeds["study"]
    stream.claim_charts(cached_buckets(store, "claims", tmp_path), _fetch(store), study.charts)
    # the articles of one bucket lose their claims, as a rerun of changed articles would
    changed = tmp_path / "changed"
    shutil.copytree(store, changed)
    bucket = bucket_of(claims["article_id"].iloc[0], BUCKETS)
    kept = claims[claims["article_id"].map(lambda a: bucket_of(a, BUCKETS)) != bucket]
    _write_store({"claims": kept.reset_index(drop=True)}, changed)
    after = stream.claim_charts(cached_buckets(changed, "claims", tmp_path), _fetch(changed),
                                study.charts)  # fmt: skip
    read, fetch = _reader(kept.reset_index(drop=True), 2)
    _same(after, stream.claim_charts(in_batches(read), fetch, study.charts))
    assert after[1]["claims"].sum() < charts.group_count_rows(claims)["claims"].sum()


def test_figures_and_words_per_article_add_up_from_the_cache(seeds, store, tmp_path):  # noqa: F811
    figures = seeds["figures"]
    for cache in ("", tmp_path, tmp_path):
        parts = memo.map_parts(store, "figures", charts.article_counts, columns=["article_id"],
                               cache_dir=cache, name="figures-article_counts")  # fmt: skip
        counted = charts.figure_counts(parts)
        assert counted.sort_index().to_dict() == figures["article_id"].value_counts().to_dict()
    sentences = pd.DataFrame(
        {"article_id": ["b", "a", "a", "c"],
         "text": ["Two words.", "Already, more than 4.5 million are out.", "One", ""]}
    )  # fmt: skip
    split = [sentences.iloc[:2], sentences.iloc[2:]]
    words = charts.article_words([charts.article_words(part) for part in split])
    assert words.to_dict() == charts.article_words(sentences).to_dict() == {
        "a": 8, "b": 2, "c": 0
    }  # fmt: skip
