"""The pass's tables as notebooks read them: a table with no rows keeps its columns and types."""

import pandas as pd

from fixtures import SEED_RAW_DIR
from helpers import pipeline
from helpers.pipeline.article import TABLE_COLUMNS
from helpers.pipeline.tables import empty_table

# Two short articles without a single number: the pass writes no figures or claims file for
# them.
NO_FIGURES = {
    "quiet-harbour.txt": "Harbour Quiet After Storm\n\nThe harbour was quiet on Tuesday "
    "morning as fishing crews waited for the wind to drop.\n\nThe harbour master said boats "
    "would stay tied up until the afternoon.\n",
    "library-hours.txt": "Library Changes Its Hours\n\nThe town library will open later on "
    "weekdays, the council said.\n\nReaders asked for longer evening hours instead.\n",
}


def test_a_table_with_no_rows_has_its_columns_and_types(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in NO_FIGURES.items():
        (raw / name).write_text(text, encoding="utf-8")
    done = pipeline.run(raw, tmp_path / "out", progress=False)
    assert done.ok == 2
    assert not pipeline.dataset_dir(tmp_path / "out", "figures").exists()
    sentences = pipeline.load_table(tmp_path / "out", "sentences")
    assert len(sentences) >= 4  # the articles themselves were read
    for table in ("figures", "claims"):
        frame = pipeline.load_table(tmp_path / "out", table)
        assert frame.empty
        assert list(frame.columns) == list(TABLE_COLUMNS[table])
    figures = pipeline.load_table(tmp_path / "out", "figures")
    assert figures["start"].dtype == "int64" and figures["value"].dtype == "float64"
    assert figures["is_range"].dtype == "bool"
    assert pd.api.types.is_string_dtype(figures["surface"])
    # selecting columns and filtering work as on a table with rows
    picked = pipeline.load_table(tmp_path / "out", "claims", columns=["group", "source"])
    assert list(picked.columns) == ["group", "source", "article_id", "start"]
    assert picked.loc[picked["source"] != ""].empty


def test_the_empty_table_has_the_dtypes_of_a_table_with_rows(tmp_path):
    pipeline.run(SEED_RAW_DIR, tmp_path, study="iran-drones", progress=False)
    for table in ("figures", "claims", "attributions", "sentences", "posts"):
        read = pipeline.load_table(tmp_path, table)
        assert len(read) > 0
        empty = empty_table(table)
        assert list(empty.columns) == list(read.columns)
        pd.testing.assert_series_equal(empty.dtypes, read.dtypes, check_names=False)


def test_text_columns_read_as_categories_hold_the_same_rows(tmp_path):
    pipeline.run(SEED_RAW_DIR, tmp_path, study="iran-drones", progress=False, buckets=4)
    columns = ["source", "source_type", "unit", "value"]
    plain = pipeline.load_table(tmp_path, "claims", columns=columns)
    coded = pipeline.load_table(tmp_path, "claims", columns=columns, categories=columns)
    assert len(plain) > 20
    for name in ("source", "source_type", "unit"):
        assert isinstance(coded[name].dtype, pd.CategoricalDtype)
        categories = list(coded[name].cat.categories)
        assert categories == sorted(categories)  # group operations run in the text's order
        assert coded[name].astype(str).tolist() == plain[name].tolist()
    assert coded["value"].dtype == "float64"  # a column that is not text is read as it is
    # a key that orders the rows may be one too (Arrow sorts it before it becomes categories)
    keyed = pipeline.load_table(tmp_path, "claims", columns=columns, categories=["article_id"])
    assert isinstance(keyed["article_id"].dtype, pd.CategoricalDtype)
    assert keyed["article_id"].astype(str).tolist() == plain["article_id"].tolist()
    assert plain["article_id"].is_monotonic_increasing and plain["article_id"].nunique() >= 3
    parts = list(pipeline.iter_parts(tmp_path, "claims", ["source"], categories=["source"]))
    assert len(parts) > 1 and all(isinstance(p["source"].dtype, pd.CategoricalDtype) for p in parts)
    assert sum(len(p) for p in parts) == len(plain)


def test_dict_rows_become_the_table_pandas_would_give():
    import math

    import pyarrow as pa

    from helpers.pipeline.schema import rows_to_arrow, sort_rows, to_arrow

    # written for this test: a missing key, NaN and None in a float column, a column the
    # schema does not know whose first rows are empty, and rows out of order
    rows = [
        {"article_id": "b", "start": 40, "value": 3.5, "note": None, "surface": "3.5 km"},
        {"article_id": "a", "start": 9, "value": math.nan, "note": None, "seen": 4},
        {"article_id": "a", "start": 2, "value": None, "note": "about", "surface": "two"},
    ]
    columns = ["article_id", "start", "value", "note", "seen", "surface"]
    frame = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns, dtype=object)
    expected = to_arrow(sort_rows(frame, "figures"))
    got = rows_to_arrow("figures", columns, rows)
    assert got.equals(expected)
    assert got.column("article_id").to_pylist() == ["a", "a", "b"]
    assert got.column("value").null_count == 2 and got.column("surface").null_count == 1
    assert got.schema.field("seen").type == pa.int64()
    # a column with no value anywhere takes its type from the kept rows read back
    kept = rows_to_arrow("figures", ["article_id", "start", "extra"], [("c", 1, 7)])
    more = rows_to_arrow("figures", ["article_id", "start", "extra"], [{"article_id": "d"}], kept)
    assert more.schema.field("extra").type == kept.schema.field("extra").type
    assert more.column("extra").to_pylist() == [7, None]


def test_notebook_01s_counts_are_the_same_read_from_the_cache(tmp_path):
    from helpers.pipeline.tables import line_balance, sentence_counts

    pipeline.run(SEED_RAW_DIR, tmp_path / "out", progress=False)
    out, cache = tmp_path / "out", tmp_path / "cache"
    counts, balance = sentence_counts(out), line_balance(out)
    assert len(counts) == 5 and (counts["words"] > counts["sentences"] * 5).all()
    assert set(balance["kind"]) == {"reporting", "metadata", "boilerplate"}
    for _ in range(2):  # computed and stored, then read back
        pd.testing.assert_frame_equal(sentence_counts(out, cache), counts)
        pd.testing.assert_frame_equal(line_balance(out, cache), balance)
    assert {p.name for p in cache.iterdir()} == {"sentence-counts", "reporting-lines"}
