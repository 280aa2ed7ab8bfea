"""The manifest: every problem named by file, row and column, a bad row skipped and never the
whole manifest (issue 13); and ``make manifest``, which writes one to edit (issue 9)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers import paths
from helpers.corpus import collect_corpus, read_manifest
from helpers.corpus.make_manifest import main, write_manifest

SEED_IDS = sorted(p.stem for p in SEED_RAW_DIR.glob("*.txt"))
IMPORTS = TEST_DATA_DIR / "imports" / "corpus"
HEADER = "id,file_name,outlet,title,published,date_status,byline,language,sha256,notes"


def raw_with(tmp_path: Path, manifest: str) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for stem in SEED_IDS:
        shutil.copyfile(SEED_RAW_DIR / f"{stem}.txt", raw / f"{stem}.txt")
    (raw / paths.MANIFEST_NAME).write_text(manifest, encoding="utf-8")
    return raw


def seed_rows() -> list[str]:
    return (SEED_RAW_DIR / paths.MANIFEST_NAME).read_text(encoding="utf-8").splitlines()[1:]


def test_a_broken_quote_skips_its_row_only_and_names_the_column(tmp_path):
    rows = seed_rows()
    rows[1] = rows[1].replace("US and Britain", '"US and Britain', 1)  # never closed
    raw = raw_with(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    build = collect_corpus(raw, progress=False)
    assert (
        "manifest.csv, row 3, column title: a quote is not closed (a cell cannot hold a line "
        "break); the row is skipped"
    ) in build.messages
    articles = build.articles.set_index("article_id")
    assert articles.loc[SEED_IDS[1], "metadata_source"] == "text"  # read from its text instead
    assert articles.loc[SEED_IDS[2], "outlet"] == "Ukrainian outlet (English edition)"
    assert set(articles.drop(SEED_IDS[1])["metadata_source"]) == {"manifest"}


def test_a_row_with_an_extra_cell_is_skipped_and_the_others_are_used(tmp_path):
    rows = seed_rows()
    rows[3] = rows[3] + ",an extra cell"
    raw = raw_with(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    build = collect_corpus(raw, progress=False)
    assert (
        "manifest.csv, row 5: 11 cells, the header has 10 (a comma outside quotes?); the row is "
        "skipped"
    ) in build.messages
    sources = build.articles.set_index("article_id")["metadata_source"]
    assert sources[SEED_IDS[3]] == "text" and (sources.drop(SEED_IDS[3]) == "manifest").all()


def test_missing_columns_are_named_and_taken_from_the_articles(tmp_path):
    manifest = pd.read_csv(SEED_RAW_DIR / paths.MANIFEST_NAME, dtype=str, keep_default_na=False)
    raw = raw_with(tmp_path, manifest[["id", "file_name", "title"]].to_csv(index=False))
    build = collect_corpus(raw, progress=False)
    assert build.messages[0] == (
        "manifest.csv: no column(s) outlet, published, date_status, byline, language, sha256; "
        "those fields are taken from the files themselves"
    )
    articles = build.articles.set_index("article_id")
    cnn = articles.loc["000_66b62aea542f96ee"]
    assert (cnn["published"], cnn["date_status"]) == ("2022-11-07", "from_text")
    assert articles.loc["001_0321a4552254fa38", "outlet"] == "Associated Press"  # Source: line
    assert cnn["title"] == "November 7, 2022 Russia-Ukraine news"  # from the manifest


def test_bad_cells_are_named_left_empty_and_the_rest_of_the_row_is_used(tmp_path):
    rows = seed_rows()
    cells = rows[2].split(",")
    cells[5], cells[7], cells[8] = "guessed", "English", "abc"  # date_status, language, sha256
    rows[2] = ",".join(cells)
    raw = raw_with(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    build = collect_corpus(raw, progress=False)
    expected = [
        "manifest.csv, row 4, column date_status: bad value 'guessed' (expected one of stated, "
        "inferred, from_text, unknown); left empty (002_e88ceadba1c3ec69.txt)",
        "manifest.csv, row 4, column language: bad value 'English' (expected a language code "
        "such as en or pt-BR); left empty (002_e88ceadba1c3ec69.txt)",
        "manifest.csv, row 4, column sha256: bad value 'abc' (expected 64 hexadecimal digits); "
        "left empty (002_e88ceadba1c3ec69.txt)",
    ]
    assert build.messages == expected
    row = build.articles.set_index("article_id").loc["002_e88ceadba1c3ec69"]
    assert (row["outlet"], row["published"], row["date_status"], row["language"]) == (
        "Ukrainian outlet (English edition)",
        "2022-10-20",
        "stated",
        "",
    )


def test_rows_without_a_file_name_or_listed_twice_are_skipped_with_a_message(tmp_path):
    rows = seed_rows()
    raw = raw_with(tmp_path, "\n".join([HEADER, *rows, rows[0], ",,Lost outlet,,,,,,,"]) + "\n")
    found = read_manifest(raw / paths.MANIFEST_NAME, raw)
    assert len(found.rows) == 5
    assert found.messages == [
        "manifest.csv, row 7: 000_66b62aea542f96ee.txt is already listed in row 2; the row is "
        "skipped",
        "manifest.csv, row 8, column file_name: '' is not the name of a file in the raw folder; "
        "the row is skipped",
    ]


def test_a_manifest_that_cannot_be_used_at_all_says_so(tmp_path):
    raw = raw_with(tmp_path, "name,outlet\na.txt,X\n")
    build = collect_corpus(raw, progress=False)
    assert build.messages[0] == (
        "manifest.csv: the header (row 1) has no file_name column; manifest not used"
    )
    assert len(build.articles) == 5 and set(build.articles["status"]) == {"ok"}


# --- make manifest -----------------------------------------------------------------------------


@pytest.fixture()
def imports(tmp_path) -> Path:
    return Path(shutil.copytree(IMPORTS, tmp_path / "corpus"))


def test_make_manifest_writes_an_editable_manifest_the_next_build_reads(imports):
    before = collect_corpus(imports, progress=False)
    target, _ = write_manifest(imports, progress=False)
    assert target == imports / paths.MANIFEST_NAME
    manifest = pd.read_csv(target, dtype=str, keep_default_na=False)
    ok = before.articles[before.articles["status"] == "ok"]
    assert list(manifest["id"]) == sorted(ok["article_id"])
    courier = manifest.set_index("id").loc["pages_courier-rail-strike"]
    assert (courier["outlet"], courier["published"], courier["row"]) == (
        "Coastline Courier",
        "2024-05-14",
        "",
    )
    assert manifest.set_index("id").loc["feed_0003", "row"] == "3"
    manifest.loc[manifest["id"] == "export_0004", "outlet"] = "The Daily Harvest"  # an edit
    manifest.to_csv(target, index=False)
    after = collect_corpus(imports, progress=False).articles.set_index("article_id")
    assert after.loc["export_0004", ["outlet", "metadata_source"]].tolist() == [
        "The Daily Harvest",
        "manifest",
    ]
    columns = ["article_id", "title", "published", "duplicate_cluster"]
    assert after.reset_index()[columns].equals(before.articles[columns].reset_index(drop=True))


def test_make_manifest_never_overwrites_without_force(imports, tmp_path, capsys):
    (imports / paths.MANIFEST_NAME).write_text("id,file_name\n", encoding="utf-8")
    assert main([str(imports)]) == 1
    assert "exists and is not overwritten: give FORCE=1" in capsys.readouterr().err
    assert (imports / paths.MANIFEST_NAME).read_text(encoding="utf-8") == "id,file_name\n"
    elsewhere = tmp_path / "review" / "manifest.csv"
    assert main([str(imports), "--out", str(elsewhere)]) == 0
    assert "Wrote" in capsys.readouterr().out and elsewhere.exists()
    assert main([str(imports), "--force"]) == 0
    assert (imports / paths.MANIFEST_NAME).read_bytes() == elsewhere.read_bytes()


def test_make_manifest_for_a_single_export_writes_beside_it(tmp_path):
    export = tmp_path / "export.csv"
    shutil.copyfile(IMPORTS / "export.csv", export)
    result = subprocess.run(
        [sys.executable, "-m", "helpers.corpus.make_manifest", str(export)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1 inputs were refused and are not listed:" in result.stdout
    assert "export.csv row 3: empty text (column text)" in result.stdout
    written = pd.read_csv(tmp_path / "export.manifest.csv", dtype=str, keep_default_na=False)
    assert list(written["row"]) == ["1", "2", "4"]


def test_manifest_rows_for_exports_name_their_row(imports):
    (imports / paths.MANIFEST_NAME).write_text(
        "file_name,row,outlet\nexport.csv,2,Gazette of the River\nexport.csv,,Whole export\n"
        "export.csv,9,No such row\npages/harbour-cargo.html,3,Not an export\n",
        encoding="utf-8",
    )
    build = collect_corpus(imports, progress=False)
    articles = build.articles.set_index("article_id")
    assert articles.loc["export_0002", "outlet"] == "Gazette of the River"
    assert articles.loc["export_0001", "outlet"] == "Northern Ledger"  # not in the manifest
    assert [m for m in build.messages if m.startswith("manifest.csv, row")] == [
        "manifest.csv, row 3: export.csv is an export of many articles; give the article's row "
        "in the row column; the manifest row is not used",
        "manifest.csv, row 4: export.csv has no row 9; the manifest row is not used",
        "manifest.csv, row 5: pages/harbour-cargo.html is one article, with no rows; the "
        "manifest row is not used",
    ]
