"""Notebook 02's copy of the figures table (figure_summary.copy_figures) joins the pass's
buckets byte for byte (helpers.parquet_splice): the file reads back as every bucket's rows in
bucket order, one row group per bucket; a rerun on the same buckets gives the same bytes, a
changed bucket changes them; files that cannot be joined so are refused, and the copy then
writes the same rows the ordinary way."""

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers import figure_summary, parquet_splice, pipeline
from helpers.pipeline.store import buckets_on_disk, part_path, write_part


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    processed = tmp_path_factory.mktemp("processed")
    pipeline.run(SEED_RAW_DIR, processed, study=SEED_STUDY, progress=False, buckets=4)
    return processed


def _buckets(processed):
    return [pq.read_table(part_path(processed, "figures", b))
            for b in buckets_on_disk(processed, "figures")]  # fmt: skip


def test_the_copy_is_every_bucket_in_order_one_row_group_each(seeds, tmp_path):
    copy = tmp_path / "figures.parquet"
    parts = _buckets(seeds)
    assert len(parts) > 1
    assert figure_summary.copy_figures(seeds, copy) == sum(p.num_rows for p in parts) > 20
    assert pq.read_table(copy).equals(pa.concat_tables(parts))
    found = pq.ParquetFile(copy)
    assert found.metadata.num_row_groups == len(parts)
    for number, part in enumerate(parts):  # each row group where its footer says it is
        assert found.read_row_group(number).equals(part)
    assert found.schema_arrow.equals(parts[0].schema)


def test_a_rerun_gives_the_same_bytes_and_a_changed_bucket_changes_them(seeds, tmp_path):
    processed = tmp_path / "processed"
    shutil.copytree(seeds, processed)
    first, again, changed = (tmp_path / name for name in ("a.parquet", "b.parquet", "c.parquet"))
    figure_summary.copy_figures(processed, first)
    figure_summary.copy_figures(processed, again)
    assert first.read_bytes() == again.read_bytes()
    bucket = buckets_on_disk(processed, "figures")[1]
    rows = pq.read_table(part_path(processed, "figures", bucket))
    write_part(processed, "figures", bucket, rows.slice(1))  # an article lost its first figure
    written = figure_summary.copy_figures(processed, changed)
    assert changed.read_bytes() != first.read_bytes()
    assert written == pq.read_metadata(first).num_rows - 1
    assert pq.read_table(changed).equals(pa.concat_tables(_buckets(processed)))


def _many_row_groups(tmp_path, page_index: bool) -> list:
    sentences = ["The council met on 3 May.", "About 40 people came.", "Rents rose 12%."]
    files = []
    for number in range(6):
        table = pa.table({
            "article_id": [f"a{number:02d}"] * 9,
            "start": list(range(9)),
            "value": [float(number * 10 + i) if i % 4 else None for i in range(9)],
            "sentence_text": [sentences[i % 3] for i in range(9)],
            "is_range": [i % 2 == 0 for i in range(9)],
        })  # fmt: skip
        files.append(tmp_path / f"part-{number}.parquet")
        pq.write_table(table, files[-1], compression="zstd", row_group_size=3,
                       write_page_index=page_index)  # fmt: skip
    return files


def test_files_of_many_row_groups_with_statistics_join(tmp_path):
    files = _many_row_groups(tmp_path, page_index=False)
    joined = tmp_path / "joined.parquet"
    assert parquet_splice.splice(files, joined) == 54
    found = pq.ParquetFile(joined)
    assert found.metadata.num_row_groups == 18  # more than a short list header holds
    whole = pa.concat_tables([pq.read_table(f) for f in files])
    assert found.read().equals(whole)
    for number in range(18):
        assert found.read_row_group(number).equals(whole.slice(3 * number, 3))
    kept = pq.read_table(joined, filters=[("value", ">=", 50.0)])  # statistics prune groups
    assert kept["value"].to_pylist() == [v for v in whole["value"].to_pylist() if v and v >= 50]


def test_files_with_page_indexes_are_refused(tmp_path):
    # their offset indexes place each page by its offset in the file, which joining moves
    files = _many_row_groups(tmp_path, page_index=True)
    assert pq.ParquetFile(files[1]).metadata.row_group(0).column(0).has_offset_index
    joined = tmp_path / "joined.parquet"
    assert parquet_splice.splice(files, joined) is None
    assert not joined.exists()


def test_files_of_other_schemas_are_refused_and_the_copy_still_writes_the_rows(seeds, tmp_path):
    processed = tmp_path / "processed"
    shutil.copytree(seeds, processed)
    bucket = buckets_on_disk(processed, "figures")[-1]  # the copy takes the first one's schema
    rows = pq.read_table(part_path(processed, "figures", bucket))
    wide = rows.schema.set(
        rows.schema.get_field_index("surface"), pa.field("surface", pa.large_string())
    )
    write_part(processed, "figures", bucket, rows.cast(wide))
    files = [part_path(processed, "figures", b) for b in buckets_on_disk(processed, "figures")]
    assert parquet_splice.splice(files, tmp_path / "refused.parquet") is None
    assert not (tmp_path / "refused.parquet").exists()
    copy = tmp_path / "figures.parquet"
    assert figure_summary.copy_figures(processed, copy) == sum(p.num_rows for p in _buckets(seeds))
    assert pq.read_table(copy).equals(pa.concat_tables(_buckets(seeds)))
