"""Tests of helpers.corpus: building the corpus tables from the seeds and from bad input."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers import paths
from helpers.clean import normalise
from helpers.corpus import (
    ARTICLE_COLUMNS,
    POST_COLUMNS,
    SENTENCE_COLUMNS,
    article_ids,
    build_corpus,
    collect_corpus,
    decode_bytes,
    line_balance,
    load_clean_texts,
    load_corpus,
    rule_counts,
)
from helpers.io import read_table

SEED_IDS = sorted(p.stem for p in SEED_RAW_DIR.glob("*.txt"))
# The seed corpus as it was built before the importers (see its README).
BEFORE_DIR = TEST_DATA_DIR / "seed-corpus"

# A short article not in the manifest, with a headline, byline, date line and source line.
EXTRA_ARTICLE = """Iran sends more drones to Russia

By Jane Doe

November 9, 2022

Iran sent 200 more Shahed drones to Russia last week, officials said.

Source: Reuters
"""


def copy_seeds(target: Path, with_manifest: bool = True) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for stem in SEED_IDS:
        shutil.copyfile(SEED_RAW_DIR / f"{stem}.txt", target / f"{stem}.txt")
    if with_manifest:
        shutil.copyfile(SEED_RAW_DIR / paths.MANIFEST_NAME, target / paths.MANIFEST_NAME)
    return target


def folder_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    raw = copy_seeds(tmp_path_factory.mktemp("raw"))
    out = tmp_path_factory.mktemp("processed")
    return build_corpus(raw, out, progress=False, verbose=False), raw, out


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    raw = copy_seeds(tmp_path_factory.mktemp("bad_raw"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (raw / "windows.txt").write_bytes(
        "Ukraine\u2019s air force said it shot down 30 drones \u2013 all Shahed-136.".encode(
            "cp1252"
        )
    )
    (raw / "big.txt").write_bytes(b"Iran sent drones to Russia. " * 40_000)  # 1.12 MB
    shutil.copyfile(raw / "002_e88ceadba1c3ec69.txt", raw / "copy of 002.txt")
    (raw / "Iran drones café.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    (raw / "Дрони Ірану.txt").write_text(EXTRA_ARTICLE.replace("200", "300"), encoding="utf-8")
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    manifest = pd.read_csv(raw / paths.MANIFEST_NAME, dtype=str, keep_default_na=False)
    manifest.loc[manifest["id"] == "004_66b9e44e360c82d3", "published"] = "2022-13-45"
    manifest.loc[manifest["id"] == "003_165e4b519f61ba16", "sha256"] = "0" * 64
    missing = manifest.iloc[[0]].assign(id="999_missing", file_name="999_missing.txt")
    pd.concat([manifest, missing]).to_csv(raw / paths.MANIFEST_NAME, index=False)
    before = folder_hashes(raw)
    out = tmp_path_factory.mktemp("bad_processed")
    build = build_corpus(raw, out, max_file_mb=1, progress=False, verbose=False)
    return build, raw, out, before


def row(build, file_name: str) -> pd.Series:
    articles = build.articles.set_index("file_name")
    return articles.loc[file_name]


# --- the seeds ---------------------------------------------------------------------------------


def test_seed_articles_are_all_ok_with_manifest_metadata(seed_build):
    build, _, out = seed_build
    articles = read_table(out / paths.ARTICLES_CSV)
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert list(articles["article_id"]) == SEED_IDS
    assert set(articles["status"]) == {"ok"}
    assert set(articles["metadata_source"]) == {"manifest"}
    assert dict(zip(articles["article_id"], articles["n_posts"], strict=True)) == {
        "000_66b62aea542f96ee": 2,
        "001_0321a4552254fa38": 1,
        "002_e88ceadba1c3ec69": 1,
        "003_165e4b519f61ba16": 5,
        "004_66b9e44e360c82d3": 1,
    }
    assert build.messages == []


@pytest.mark.parametrize(
    "table", [paths.ARTICLES_CSV, paths.POSTS_CSV, paths.SENTENCES_CSV, paths.REMOVED_LINES_CSV]
)
def test_seed_tables_are_byte_identical_to_the_build_before_the_importers(seed_build, table):
    _, _, out = seed_build
    before = (BEFORE_DIR / table).read_text(encoding="utf-8")
    old_columns = before.split("\n", 1)[0].split(",")
    now = pd.read_csv(out / table, dtype=str, keep_default_na=False)
    assert list(now.columns[: len(old_columns)]) == old_columns  # new columns only at the end
    projected = now[old_columns].to_csv(index=False, lineterminator="\n")
    assert projected == before


def test_seed_clean_texts_are_byte_identical_to_the_build_before_the_importers(seed_build):
    _, _, out = seed_build
    before = {p.name: p.read_bytes() for p in sorted((BEFORE_DIR / "clean").glob("*.txt"))}
    now = {p.name: p.read_bytes() for p in sorted((out / paths.CLEAN_TEXT_DIR).glob("*.txt"))}
    assert len(before) == 5 and now == before


def test_sentence_counts_match_sentences_csv(seed_build):
    build, _, _ = seed_build
    counts = build.sentences.groupby("article_id").size()
    for article in build.articles.itertuples():
        assert article.n_sentences == counts[article.article_id]


def test_sentences_index_the_clean_text_and_the_raw_text(seed_build):
    build, raw, out = seed_build
    sentences = read_table(out / paths.SENTENCES_CSV)
    assert list(sentences.columns) == SENTENCE_COLUMNS
    clean = load_clean_texts(out)
    for s in sentences.itertuples():
        raw_text = (raw / f"{s.article_id}.txt").read_text(encoding="utf-8")
        assert clean[s.article_id][s.start : s.end] == s.text
        assert normalise(raw_text[s.raw_start : s.raw_end]) == s.text
    ids = sentences.groupby("article_id")["sentence_id"].apply(list)
    assert all(v == list(range(1, len(v) + 1)) for v in ids)


def test_posts_csv_spans_the_post_bodies(seed_build):
    _, _, out = seed_build
    posts = read_table(out / paths.POSTS_CSV).fillna("")
    assert list(posts.columns) == POST_COLUMNS
    clean = load_clean_texts(out)
    cnn = posts[posts["article_id"] == "000_66b62aea542f96ee"]
    assert list(cnn["byline"]) == ["Mariya Knight", "Adam Pourahmadi and Sophie Tanno"]
    second = cnn.iloc[1]
    assert clean["000_66b62aea542f96ee"][second["start"] : second["end"]].startswith(
        "The Iranian government acknowledged"
    )


def test_removed_lines_csv_names_the_rules(seed_build):
    _, _, out = seed_build
    removed = read_table(out / paths.REMOVED_LINES_CSV)
    by_line = {(r.article_id, r.line_no): (r.rule, r.text) for r in removed.itertuples()}
    assert by_line[("001_0321a4552254fa38", 3)] == ("address-placeholder", "304 North Cardinal St.")
    assert by_line[("001_0321a4552254fa38", 54)] == ("metadata-source", "Source: Associated Press")
    assert by_line[("000_66b62aea542f96ee", 5)][0] == "metadata-time"


def test_clean_texts_leave_out_metadata_and_furniture(seed_build):
    build, _, out = seed_build
    clean = load_clean_texts(out)
    assert clean == build.clean_texts
    assert "Read CNN's full story here." not in clean["000_66b62aea542f96ee"]
    assert "From CNN's" not in clean["000_66b62aea542f96ee"]
    assert "Source: Associated Press" not in clean["001_0321a4552254fa38"]
    assert clean["003_165e4b519f61ba16"].count("\n\n") == 4


def test_load_corpus_returns_the_four_tables(seed_build):
    _, _, out = seed_build
    corpus = load_corpus(out)
    assert set(corpus) == {"articles", "posts", "sentences", "removed_lines"}
    assert corpus["removed_lines"].equals(read_table(out / paths.REMOVED_LINES_CSV))
    assert corpus["articles"].loc[0, "reason"] == ""
    assert corpus["posts"].loc[3, "headline"] == ""


def test_building_twice_gives_the_same_bytes(seed_build, tmp_path):
    _, raw, out = seed_build
    build_corpus(raw, tmp_path, progress=False, verbose=False)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first == second


def test_without_manifest_metadata_comes_from_the_text(tmp_path):
    raw = copy_seeds(tmp_path / "raw", with_manifest=False)
    build = build_corpus(raw, tmp_path / "out", progress=False, verbose=False)
    articles = build.articles.set_index("article_id")
    assert set(articles["metadata_source"]) == {"text"}
    cnn = articles.loc["000_66b62aea542f96ee"]
    assert (cnn["title"], cnn["published"], cnn["date_status"]) == (
        "November 7, 2022 Russia-Ukraine news",
        "2022-11-07",
        "from_text",
    )
    assert cnn["byline"] == "Kathleen Magramo and Joshua Berlinger, CNN"
    assert articles.loc["001_0321a4552254fa38", "outlet"] == "Associated Press"
    assert articles.loc["003_165e4b519f61ba16", "date_status"] == "unknown"
    assert build.messages[0].startswith("manifest.csv: not found")


# --- bad input ---------------------------------------------------------------------------------


def test_raw_files_are_never_modified(bad_build):
    _, raw, _, before = bad_build
    assert folder_hashes(raw) == before


def test_empty_and_binary_files_are_refused_with_a_reason(bad_build):
    build = bad_build[0]
    assert tuple(row(build, "empty.txt")[["status", "reason"]]) == (
        "refused",
        "empty file (0 bytes)",
    )
    assert row(build, "binary.txt")["reason"] == "binary file (contains NUL bytes)"


def test_non_utf8_file_is_decoded_as_cp1252(bad_build):
    build = bad_build[0]
    windows = row(build, "windows.txt")
    assert (windows["status"], windows["encoding"]) == ("ok", "cp1252")
    text = build.clean_texts[windows["article_id"]]
    assert text == "Ukraine's air force said it shot down 30 drones - all Shahed-136."
    assert "windows.txt: not UTF-8; decoded as cp1252" in build.messages


def test_too_large_file_is_refused_with_how_to_raise_the_limit(bad_build, tmp_path):
    build, raw, _, _ = bad_build
    reason = row(build, "big.txt")["reason"]
    assert reason.startswith("file is 1.1 MB, over the limit of max_file_mb=1")
    assert "make report MAX_FILE_MB=" in reason and "max_file_mb" in reason
    (tmp_path / "raw").mkdir()
    shutil.copyfile(raw / "big.txt", tmp_path / "raw" / "big.txt")
    raised = build_corpus(tmp_path / "raw", tmp_path / "out", max_file_mb=2, verbose=False)
    assert raised.articles.loc[0, "status"] == "ok"


def test_second_copy_of_an_article_is_refused_as_duplicate(bad_build):
    build = bad_build[0]
    copy = row(build, "copy of 002.txt")
    assert (copy["status"], copy["reason"]) == (
        "refused",
        "duplicate of 002_e88ceadba1c3ec69 (same sha256)",
    )
    assert row(build, "002_e88ceadba1c3ec69.txt")["status"] == "ok"


def test_manifest_row_without_file_is_refused(bad_build):
    missing = row(bad_build[0], "999_missing.txt")
    assert (missing["status"], missing["reason"]) == (
        "refused",
        "listed in manifest.csv but the file is missing",
    )


def test_bad_manifest_date_is_reported_and_left_empty(bad_build):
    build = bad_build[0]
    blog = row(build, "004_66b9e44e360c82d3.txt")
    assert (blog["status"], blog["published"], blog["date_status"]) == ("ok", "", "unknown")
    assert "column published: bad value '2022-13-45' (expected a date YYYY-MM-DD)" in blog["notes"]
    assert (
        "manifest.csv, row 6, column published: bad value '2022-13-45' (expected a date "
        "YYYY-MM-DD); left empty (004_66b9e44e360c82d3.txt)"
    ) in build.messages


def test_hash_mismatch_is_reported_by_name_and_the_file_still_runs(bad_build):
    build = bad_build[0]
    roundup = row(build, "003_165e4b519f61ba16.txt")
    assert roundup["status"] == "ok" and roundup["n_posts"] == 5
    assert "sha256 differs from manifest.csv" in roundup["notes"]
    assert any(
        m.startswith("003_165e4b519f61ba16.txt: sha256 differs from manifest.csv")
        for m in build.messages
    )


def test_names_with_spaces_and_non_ascii_letters_work_from_text_metadata(bad_build):
    build = bad_build[0]
    cafe = row(build, "Iran drones café.txt")
    assert cafe["article_id"] == "iran_drones_cafe"
    assert (cafe["status"], cafe["metadata_source"], cafe["date_status"]) == (
        "ok",
        "text",
        "from_text",
    )
    assert (cafe["title"], cafe["byline"], cafe["published"], cafe["outlet"]) == (
        "Iran sends more drones to Russia",
        "Jane Doe",
        "2022-11-09",
        "Reuters",
    )
    assert build.clean_texts["iran_drones_cafe"] == (
        "Iran sent 200 more Shahed drones to Russia last week, officials said."
    )
    cyrillic = row(build, "Дрони Ірану.txt")
    assert cyrillic["status"] == "ok" and cyrillic["article_id"].startswith("file_")


def test_non_txt_files_are_listed_as_refused(bad_build):
    reason = row(bad_build[0], "photo.jpg")["reason"]
    assert reason.startswith("not a format the kit reads (.jpg; it reads .txt, .html")


def test_every_message_starts_with_a_file_name(bad_build):
    build, raw, _, _ = bad_build
    names = {p.name for p in raw.iterdir()} | {"999_missing.txt"}
    for message in build.messages:
        assert re.split(r": |, row ", message, maxsplit=1)[0] in names, message


def test_refused_files_lose_nothing_else(bad_build):
    build = bad_build[0]
    assert len(build.articles) == len(SEED_IDS) + 9
    ok = build.articles[build.articles["status"] == "ok"]
    assert set(SEED_IDS) <= set(ok["article_id"])
    assert set(build.sentences["article_id"]) == set(ok["article_id"])


def test_article_ids_are_unique_and_deterministic():
    names = ["a b.txt", "A-B.txt", "a_b.txt", "ä b.txt"]
    ids = article_ids(names)
    assert len(set(ids.values())) == 4
    assert ids == article_ids(list(reversed(names)))
    assert ids["A-B.txt"] == "a-b"


def test_decode_prefers_utf8_then_detects_the_encoding():
    decoded = decode_bytes("Zelensky\u2019s".encode())
    assert (decoded.text, decoded.encoding, decoded.note) == ("Zelensky\u2019s", "utf-8", "")
    cyrillic = "Президент заявив, що над містом збили 40 безпілотників минулої ночі."
    decoded = decode_bytes(cyrillic.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (cyrillic, "cp1251")
    assert decoded.note == "not UTF-8; decoded as cp1251"


def test_numeric_looking_ids_read_back_as_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "007.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    build_corpus(raw, tmp_path / "out", progress=False, verbose=False)
    corpus = load_corpus(tmp_path / "out")
    assert list(corpus["articles"]["article_id"]) == ["007"]
    assert list(corpus["sentences"]["article_id"]) == ["007"]
    assert set(load_clean_texts(tmp_path / "out")) == {"007"}


def test_rule_counts_and_line_balance_add_up(seed_build):
    build = seed_build[0]
    counts = rule_counts(build.removed_lines)
    assert counts["lines"].sum() == len(build.removed_lines)
    related = counts[counts["rule"] == "related-link"].iloc[0]
    assert (related["kind"], related["lines"], related["articles"]) == ("boilerplate", 5, 1)
    balance = line_balance(build).set_index(["article_id", "kind"])["lines"]
    assert balance[("004_66b9e44e360c82d3", "reporting")] == 8
    assert balance[("002_e88ceadba1c3ec69", "boilerplate")] == 6


def test_collect_corpus_writes_nothing(tmp_path):
    raw = copy_seeds(tmp_path / "raw")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    build = collect_corpus(raw, progress=False)
    assert len(build.sentences) > 100
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_ids_cut_file_extensions_as_pathlib_does():
    from pathlib import PurePosixPath

    from helpers.corpus.files import file_request, name_base

    names = ["Harbour Report.txt", "a.tar.gz", "notes.", ".env", "x", "a..b", "a.b.", "..txt"]
    names += ["cnn/page.html", "dir.v2/file", "dir/.env", "Порт.txt", "a. b", "000_ab12.txt"]
    for name in names:
        path = PurePosixPath(name)
        stem = (str(path.with_suffix("")) if path.suffix else name).replace("/", "_")
        assert file_request(name, 0).rank == (1 if stem == name_base(name) else 2), name
    assert name_base("notes.") == "notes" and file_request("notes.", 0).rank == 2
    assert name_base("a.tar.gz") == "a_tar" and file_request("a_tar.gz", 0).rank == 1
