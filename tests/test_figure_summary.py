"""Notebook 02's summaries of the figures table, read a few buckets at a time, equal the ones
computed on the whole table at once, on the seed articles and on a corpus with no figure."""

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers import figure_summary, pipeline
from helpers.grouping import conversions, group_counts


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    processed = tmp_path_factory.mktemp("processed")
    pipeline.run(SEED_RAW_DIR, processed, study=SEED_STUDY, progress=False, buckets=4)
    return processed


@pytest.mark.parametrize("batch_rows", [1, 10**6])  # every bucket alone; all buckets at once
def test_the_summary_read_by_parts_equals_the_whole_table(seeds, tmp_path, monkeypatch, batch_rows):
    monkeypatch.setattr(figure_summary, "BATCH_ROWS", batch_rows)
    copy = tmp_path / "figures.parquet"
    summary = figure_summary.summarise_figures(seeds, head=7)
    assert figure_summary.copy_figures(seeds, copy) == summary.figures
    whole = pipeline.load_table(seeds, "figures")
    assert whole["article_id"].nunique() >= 3 and len(whole) > 20
    pd.testing.assert_frame_equal(summary.groups, group_counts(whole))
    rules = whole.groupby("rule").agg(
        n=("surface", "size"), example=("surface", "first"), sentence=("sentence_text", "first")
    )
    pd.testing.assert_frame_equal(summary.rules, rules.sort_values("n", ascending=False))
    pd.testing.assert_frame_equal(summary.kinds, pd.crosstab(whole["article_id"], whole["kind"]))
    assert (summary.figures, summary.articles) == (len(whole), whole["article_id"].nunique())
    assert summary.restated == int(conversions(whole).sum()) >= 1  # the seeds restate a range
    assert summary.told == int((whole["happened"] != "").sum()) > 0
    restating = whole.loc[conversions(whole), figure_summary.RESTATEMENT_COLUMNS]
    pd.testing.assert_frame_equal(summary.restatements, restating.reset_index(drop=True))
    pd.testing.assert_frame_equal(summary.first, whole.head(7).reset_index(drop=True))
    copied = pd.read_parquet(copy).sort_values(["article_id", "start"], ignore_index=True)
    pd.testing.assert_frame_equal(copied, whole.reset_index(drop=True))


def test_a_corpus_without_figures_gives_empty_summaries_and_a_file_with_the_columns(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "quiet.txt").write_text(
        "Quiet Week at the Harbour\n\nThe harbour was calm as crews waited for the wind to "
        "drop.\n\nThe harbour master said the boats would stay in.\n",
        encoding="utf-8",
    )
    pipeline.run(raw, tmp_path / "processed", progress=False)
    summary = figure_summary.summarise_figures(tmp_path / "processed")
    assert figure_summary.copy_figures(tmp_path / "processed", tmp_path / "f.parquet") == 0
    assert (summary.figures, summary.articles, summary.restated, summary.told) == (0, 0, 0, 0)
    assert summary.groups.empty and summary.rules.empty and summary.kinds.empty
    assert list(summary.groups.columns) == list(
        group_counts(pipeline.load_table(tmp_path / "processed", "figures")).columns
    )
    copied = pd.read_parquet(tmp_path / "f.parquet")
    assert copied.empty and "sentence_text" in copied.columns


def _same_part(left, right):
    assert (left is None) == (right is None)
    if left is None:
        return
    assert left.counts == right.counts
    for field in ("groups", "rules", "kinds", "restated", "first"):
        pd.testing.assert_frame_equal(
            getattr(left, field).reset_index(drop=field in ("groups", "restated", "first")),
            getattr(right, field).reset_index(drop=field in ("groups", "restated", "first")),
        )


def test_a_batch_of_parts_gives_each_part_its_own_summary(seeds):
    whole = pipeline.load_table(seeds, "figures")
    ids = sorted(whole["article_id"].unique())
    restating = whole.loc[conversions(whole), "article_id"].iloc[0]
    only_restating = whole[(whole["article_id"] == restating) & conversions(whole)]
    ids = [article for article in ids if article != restating]  # parts hold whole articles
    parts = [whole[whole["article_id"].isin(ids[i : i + 2])].reset_index(drop=True)
             for i in range(0, len(ids), 2)]  # fmt: skip
    parts += [whole.iloc[:0], only_restating.reset_index(drop=True)]
    assert len(parts) > 3 and not only_restating.empty
    batch = figure_summary.summarise_batch(parts, head=3)
    assert len(batch) == len(parts) and batch[-2] is None
    for part, summary in zip(parts, batch, strict=True):
        _same_part(summary, figure_summary.summarise_part(part, head=3))
    # a part out of (article_id, start) order: every part summarised on its own, same result
    shuffled = [parts[0].iloc[::-1].reset_index(drop=True), *parts[1:]]
    for part, summary in zip(shuffled, figure_summary.summarise_batch(shuffled, 3), strict=True):
        _same_part(summary, figure_summary.summarise_part(part, head=3))


def _arrow_buffers(frame: pd.DataFrame) -> set[int]:
    """The addresses of the Arrow buffers the frame's columns keep alive."""
    found = set()
    for _, column in frame.items():
        if hasattr(column.array, "__arrow_array__"):
            for chunk in column.array.__arrow_array__().chunks:
                found |= {buffer.address for buffer in chunk.buffers() if buffer is not None}
    return found


def test_a_batchs_summaries_keep_no_view_of_its_parts(seeds):
    """A part's first rows and empty groups are copies, not slices of the part: a slice of an
    Arrow-backed column, even of no row, keeps the whole buffer alive, so the summaries kept
    for every bucket would hold every figure of the corpus (3.1 GB at 100,000 articles)."""
    whole = pipeline.load_table(seeds, "figures")
    ids = sorted(whole["article_id"].unique())
    half = len(ids) // 2
    halves = (ids[:half], ids[half:])
    parts = [whole[whole["article_id"].isin(h)].reset_index(drop=True) for h in halves]
    parts.append(whole.iloc[:0])
    held = set().union(*(_arrow_buffers(part) for part in parts))
    assert len(held) > 20  # the parts' text columns are Arrow-backed
    summaries = [s for s in figure_summary.summarise_batch(parts, head=2) if s is not None]
    assert len(summaries) == 2
    for summary in summaries:
        for field in ("groups", "rules", "kinds", "restated", "first"):
            assert not _arrow_buffers(getattr(summary, field)) & held, field


def test_the_cache_gives_the_same_summary(seeds, tmp_path):
    plain = figure_summary.summarise_figures(seeds, head=5)
    for _ in range(2):  # stored, then read back
        cached = figure_summary.summarise_figures(seeds, head=5, cache_dir=tmp_path)
        assert cached.figures == plain.figures and cached.told == plain.told
        for field in ("groups", "rules", "kinds", "restatements", "first"):
            pd.testing.assert_frame_equal(getattr(cached, field), getattr(plain, field))
    stored = list((tmp_path / "figure-summary").glob("*.pkl"))
    assert len(stored) == len(list(pipeline.dataset_dir(seeds, "figures").glob("part-*"))) > 1
