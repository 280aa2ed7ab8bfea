"""Deterministic table writing: sorted rows, the same bytes twice, and a Parquet twin that keeps
the column types of the CSV's rows."""

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR
from helpers.corpus import collect_corpus
from helpers.io import read_table, write_table

ORDER = ["article_id", "sentence_id"]


def test_processed_tables_are_byte_identical_twice_and_parquet_keeps_types(tmp_path):
    sentences = collect_corpus(SEED_RAW_DIR, progress=False).sentences
    shuffled = sentences.assign(long=sentences["text"].str.len() > 200).sample(
        frac=1, random_state=7
    )
    first = write_table(shuffled, tmp_path / "a" / "s.csv", sort_by=ORDER, parquet=True)
    second = write_table(shuffled, tmp_path / "b" / "s.csv", sort_by=ORDER, parquet=True)
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".parquet").read_bytes() == second.with_suffix(".parquet").read_bytes()

    from_csv = read_table(first)
    keys = list(zip(from_csv["article_id"], from_csv["sentence_id"], strict=True))
    assert keys == sorted(keys)
    from_parquet = pd.read_parquet(first.with_suffix(".parquet"))
    assert list(from_csv["text"]) == list(from_parquet["text"])
    assert from_parquet["long"].dtype == bool
    assert any("Zelensky said" in text for text in from_parquet["text"])


def test_reading_a_table_an_earlier_notebook_did_not_write_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="earlier notebook.*make report"):
        read_table(tmp_path / "figures.csv")


def test_parquet_written_part_by_part_holds_every_part_and_no_half_file_on_error(tmp_path):
    import pyarrow as pa

    from helpers.io import write_parquet_parts

    parts = [pa.table({"town": ["Ashby", "Brill"], "homes": [120, 45]}),
             pa.table({"town": ["Corran"], "homes": [7]})]  # fmt: skip
    path = tmp_path / "homes.parquet"
    assert write_parquet_parts(iter(parts), path) == 3
    assert pd.read_parquet(path).to_dict("list") == {
        "town": ["Ashby", "Brill", "Corran"],
        "homes": [120, 45, 7],
    }

    def failing():
        yield parts[0]
        raise RuntimeError("the disk filled")

    with pytest.raises(RuntimeError):
        write_parquet_parts(failing(), tmp_path / "half.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["homes.parquet"]
    with pytest.raises(ValueError, match="no table and no schema"):
        write_parquet_parts([], tmp_path / "none.parquet")
    empty = write_parquet_parts([], tmp_path / "none.parquet", empty_schema=parts[0].schema)
    assert empty == 0 and list(pd.read_parquet(tmp_path / "none.parquet").columns) == [
        "town",
        "homes",
    ]
