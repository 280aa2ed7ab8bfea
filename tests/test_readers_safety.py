"""Reading stays safe (issue 13): every failure refuses one input with its reason and the run
goes on; nothing outside the corpus is read; ids never collide; encodings are detected.

Each test puts the five seeds beside the bad input, so that nothing good may be lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers import paths
from helpers.corpus import build_corpus, collect_corpus, load_clean_texts

SEED_IDS = sorted(p.stem for p in SEED_RAW_DIR.glob("*.txt"))
SEED_CLEAN = TEST_DATA_DIR / "seed-corpus" / "clean"
SECRET = "The vault code is 4417 and 29 keys are kept there."
ARTICLE = "Officials said 40 ferries were cancelled on Tuesday because of the storm.\n"


def seeds(folder: Path, manifest: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem in SEED_IDS:
        shutil.copyfile(SEED_RAW_DIR / f"{stem}.txt", folder / f"{stem}.txt")
    if manifest:
        shutil.copyfile(SEED_RAW_DIR / paths.MANIFEST_NAME, folder / paths.MANIFEST_NAME)
    return folder


def by_name(build) -> pd.DataFrame:
    return build.articles.set_index("file_name")


def assert_seeds_intact(build) -> None:
    """The five seeds are kept, under their ids, with the same clean texts as before."""
    for stem in SEED_IDS:
        expected = (SEED_CLEAN / f"{stem}.txt").read_text(encoding="utf-8")
        assert build.clean_texts[stem] == expected


def everything_published(build) -> str:
    return "\n".join([*build.clean_texts.values(), *build.sentences["text"]])


# --- staying inside the corpus -----------------------------------------------------------------


def test_links_special_files_and_paths_out_of_the_folder_are_refused(tmp_path):
    raw = seeds(tmp_path / "raw")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (raw / "secret.txt").symlink_to(outside / "secret.txt")
    (raw / "again.txt").symlink_to(raw / f"{SEED_IDS[0]}.txt")
    (raw / "elsewhere").symlink_to(outside, target_is_directory=True)
    os.mkfifo(raw / "pipe.txt")
    with open(raw / paths.MANIFEST_NAME, "a", encoding="utf-8") as handle:
        handle.write("x1,../outside/secret.txt,,,,,,,,\n")
        handle.write(f"x2,{outside / 'secret.txt'},,,,,,,,\n")
        handle.write("x3,elsewhere/secret.txt,,,,,,,,\n")
    build = collect_corpus(raw, progress=False)
    articles = by_name(build)
    assert articles.loc["secret.txt", "reason"] == (
        "symbolic link, not followed (it points outside the raw folder)"
    )
    assert articles.loc["again.txt", "reason"] == (
        "symbolic link, not followed (it points inside the raw folder)"
    )
    assert articles.loc["elsewhere/", "status"] == "refused"
    assert articles.loc["pipe.txt", "reason"] == "not a regular file (a named pipe)"
    assert SECRET not in everything_published(build)
    assert (
        "manifest.csv, row 7, column file_name: '../outside/secret.txt' leaves the raw folder; "
        "the row is skipped"
    ) in build.messages
    assert any(m.startswith("manifest.csv, row 8, column file_name: '/") for m in build.messages)
    assert (
        "manifest.csv, row 9, column file_name: 'elsewhere/secret.txt' leads outside the raw "
        "folder through a link; the row is skipped"
    ) in build.messages
    assert set(articles["status"]) == {"ok", "refused"} and len(articles) == 9
    assert_seeds_intact(build)


def test_subfolders_are_read_and_hidden_files_skipped(tmp_path):
    raw = seeds(tmp_path / "raw")
    (raw / "ferries" / "2024").mkdir(parents=True)
    (raw / "ferries" / "2024" / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / ".git").mkdir()
    (raw / ".git" / "notes.txt").write_text(SECRET, encoding="utf-8")
    (raw / ".DS_Store").write_bytes(b"\x00\x01")
    build = collect_corpus(raw, progress=False)
    articles = build.articles.set_index("article_id")
    assert articles.loc["ferries_2024_storm", "file_name"] == "ferries/2024/storm.txt"
    assert build.clean_texts["ferries_2024_storm"] == ARTICLE.strip()
    assert len(articles) == 6 and SECRET not in everything_published(build)


def test_an_unreadable_file_is_refused_with_its_reason(tmp_path, monkeypatch):
    raw = seeds(tmp_path / "raw")
    (raw / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    build = build_corpus(raw, tmp_path / "out", progress=False, verbose=False)
    locked = by_name(build).loc["locked.txt"]
    assert (locked["status"], locked["reason"]) == ("refused", "unreadable: permission denied")
    assert "locked.txt: refused, unreadable: permission denied" in build.messages
    assert_seeds_intact(build)


def test_a_reader_or_cleaner_that_fails_refuses_one_input_and_the_run_goes_on(
    tmp_path, monkeypatch
):
    import helpers.corpus.build as build_module
    import helpers.corpus.webpage as webpage

    raw = seeds(tmp_path / "raw")
    shutil.copyfile(TEST_DATA_DIR / "imports" / "corpus" / "pages" / "harbour-cargo.html",
                    raw / "page.html")  # fmt: skip
    (raw / "odd.txt").write_text("Crews said 12 boats sank.\n", encoding="utf-8")

    def broken_extractor(*args, **kwargs):
        raise RuntimeError("extractor exploded")

    real_clean = build_module.clean_article

    def fragile_clean(text):
        if "12 boats" in text:
            raise ValueError("cleaner exploded")
        return real_clean(text)

    monkeypatch.setattr(webpage.trafilatura, "bare_extraction", broken_extractor)
    monkeypatch.setattr(build_module, "clean_article", fragile_clean)
    build = collect_corpus(raw, progress=False)
    articles = by_name(build)
    assert articles.loc["page.html", "reason"] == (
        "HTML page could not be read (RuntimeError: extractor exploded)"
    )
    assert articles.loc["odd.txt", "reason"] == (
        "failed while cleaning (ValueError: cleaner exploded)"
    )
    assert_seeds_intact(build)


# --- encodings ---------------------------------------------------------------------------------


def test_utf16_bom_cp1252_and_undecodable_files(tmp_path):
    raw = seeds(tmp_path / "raw")
    sentence = "Officials said 40 ferries were cancelled \u2013 the most since 2019."
    (raw / "utf16.txt").write_bytes(sentence.encode("utf-16"))
    (raw / "utf16le.txt").write_bytes(sentence.replace("40", "41").encode("utf-16-le"))
    windows = "The caf\u00e9 owner said \u201cno\u201d to 42 new rules."
    (raw / "bom.txt").write_bytes(b"\xef\xbb\xbf" + windows.encode("cp1252"))
    (raw / "noise.txt").write_bytes(bytes(range(128, 256)) * 8)
    build = collect_corpus(raw, progress=False)
    articles = by_name(build)
    assert articles.loc["utf16.txt", "encoding"] == "utf-16"
    assert build.clean_texts["utf16"] == sentence.replace("\u2013", "-")
    assert articles.loc["utf16le.txt", "encoding"] == "utf-16-le"
    assert "41 ferries" in build.clean_texts["utf16le"]
    assert (articles.loc["bom.txt", "status"], articles.loc["bom.txt", "encoding"]) == (
        "ok",
        "cp1252",
    )
    assert build.clean_texts["bom"] == 'The caf\u00e9 owner said "no" to 42 new rules.'
    assert (
        "bom.txt: starts with a UTF-8 byte-order mark but is not UTF-8; decoded as cp1252"
    ) in build.messages
    assert articles.loc["noise.txt", "reason"].startswith("bad encoding")
    assert_seeds_intact(build)


def test_an_html_page_saved_as_txt_is_read_as_a_page(tmp_path):
    raw = seeds(tmp_path / "raw")
    page = TEST_DATA_DIR / "imports" / "corpus" / "pages" / "courier-rail-strike.html"
    shutil.copyfile(page, raw / "saved page.txt")
    build = collect_corpus(raw, progress=False)
    saved = by_name(build).loc["saved page.txt"]
    assert (saved["status"], saved["reader"], saved["outlet"]) == (
        "ok",
        "html",
        "Coastline Courier",
    )
    assert "saved page.txt: an HTML page saved as .txt; read as a web page" in build.messages
    text = build.clean_texts["saved_page"]
    assert "<p>" not in text and "function gtag" not in text
    assert text.startswith("Rail workers across the northern region walked off the job")


# --- identities --------------------------------------------------------------------------------


@pytest.mark.parametrize("manifest", [True, False])
def test_a_backup_or_an_upper_case_copy_never_takes_a_seed_id(tmp_path, manifest):
    raw = seeds(tmp_path / "raw", manifest=manifest)
    first = SEED_IDS[0]
    (raw / f"{first}.bak").write_text(ARTICLE, encoding="utf-8")
    (raw / f"{first.upper()}.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / f"{first}.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    out = tmp_path / "out"
    build = build_corpus(raw, out, progress=False, verbose=False)
    articles = by_name(build)
    assert articles.loc[f"{first}.txt", "article_id"] == first
    assert articles["article_id"].is_unique
    others = {articles.loc[n, "article_id"] for n in (f"{first}.bak", f"{first.upper()}.txt")}
    assert first not in others and all(i.startswith(f"{first}_") for i in others)
    clean = load_clean_texts(out)
    assert len(clean) == int((build.articles["status"] == "ok").sum())
    assert_seeds_intact(build)


def test_ids_given_in_the_manifest_win_and_a_repeated_id_is_refused(tmp_path):
    raw = seeds(tmp_path / "raw")
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "b.txt").write_text(ARTICLE.replace("40", "50"), encoding="utf-8")
    with open(raw / paths.MANIFEST_NAME, "a", encoding="utf-8") as handle:
        handle.write(f"{SEED_IDS[1]},a.txt,,,,,,,,\n")  # an id a seed already has
        handle.write("storm-ferries,b.txt,,,,,,,,\n")
    build = collect_corpus(raw, progress=False)
    articles = by_name(build)
    assert articles.loc["b.txt", "article_id"] == "storm-ferries"
    assert articles.loc[f"{SEED_IDS[1]}.txt", "article_id"] == SEED_IDS[1]
    assert articles.loc["a.txt", "article_id"] == "a"
    assert (
        f"manifest.csv, row 7, column id: '{SEED_IDS[1]}' is already the id of row 3; left empty"
        in (build.messages)
    )
    assert_seeds_intact(build)
