"""Issue 9's acceptance: a folder holding a CSV export, a JSON-lines export and saved web pages
gives one articles.csv with the right count, outlets, titles and dates, and clean texts without
the page furniture; a single export reads with its default column names and with a mapping.

The corpus is tests/data/imports/corpus (invented stories; see the files)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from fixtures import TEST_DATA_DIR
from helpers import paths
from helpers.corpus import build_corpus, load_clean_texts, load_corpus
from helpers.study import load_study

IMPORTS = TEST_DATA_DIR / "imports" / "corpus"
OUTLETS = {"dailyharvest.example": "The Daily Harvest"}  # as a study's corpus: outlets: adds
# What each input is, read off the files by hand: article_id -> (outlet, title, published).
EXPECTED = {
    "export_0001": ("Northern Ledger", "Northern rail strike strands commuters", "2024-05-14"),
    "export_0002": ("Riverside Gazette", "Council approves new central library", "2024-03-04"),
    "export_0004": ("The Daily Harvest", "Wheat prices climb on harvest worries", "2024-06-07"),
    "feed_0001": (
        "Metro Evening Post",
        "Hospital waiting lists fall for first time in four years",
        "2024-04-22",
    ),
    "feed_0003": (
        "Metro Evening Post",
        "Heat warning issued as temperatures near 38C",
        "2024-07-14",
    ),
    "pages_courier-rail-strike": (
        "Coastline Courier",
        "Rail strike halts 1,400 trains across the north",
        "2024-05-14",
    ),
    "pages_harbour-cargo": (
        "harbournews.example",
        "Harbour handles record cargo volumes",
        "2024-02-19",
    ),
    "pages_valley-times-rail": (
        "The Valley Times",
        "Commuters stranded as rail workers strike over pay",
        "2024-05-14",
    ),
}
REFUSED = {
    "export_0003": "empty text (column text)",
    "feed_0002": "unreadable row (line 2 is not JSON: Unterminated string starting at)",
}
# Page furniture in the inputs that must not reach any clean text.
FURNITURE = [
    "Skip to main content", "We use cookies", "Accept all", "Rain icon", "14º", "Share",
    "Continue reading", "Advertisement", "Story continues", "All rights reserved", "dataLayer",
    "function", "Partly cloudy", "18°C", "Sunny", "Read more", "Comments (0)", "Leave a comment",
    "Subscribe", "Copyright", "Home", "Privacy", "Ferry timetable", "By Harbour Wire Service",
]  # fmt: skip
# The opening words of every paragraph of reporting, which must all be kept.
REPORTING = {
    "export_0002": ["The city council voted 9 to 4", "Councillor Mira Sandoval", '"This is the',
                    "Opponents argued"],
    "feed_0003": ["Forecasters issued an amber warning", "Hospitals were asked"],
    "pages_harbour-cargo": ["The harbour handled 4.2 million", "Container traffic rose",
                            '"The numbers show', "The authority expects"],
}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    build_corpus(IMPORTS, out, progress=False, verbose=False, outlets=OUTLETS)
    return out, load_corpus(out), load_clean_texts(out)


def test_one_articles_csv_with_the_right_count_outlets_titles_and_dates(built):
    _, corpus, _ = built
    articles = corpus["articles"].set_index("article_id")
    assert len(articles) == 10
    ok = articles[articles["status"] == "ok"]
    found = {i: (r.outlet, r.title, r.published) for i, r in ok.iterrows()}
    assert found == EXPECTED
    assert set(ok["date_status"]) == {"stated"}
    assert dict(articles.loc[list(REFUSED), "reason"]) == REFUSED


def test_each_article_keeps_its_provenance(built):
    _, corpus, _ = built
    articles = corpus["articles"].set_index("article_id")
    assert articles.loc["export_0004", ["file_name", "reader", "source_row"]].tolist() == [
        "export.csv",
        "csv",
        4,
    ]
    assert articles.loc["export_0004", "url"] == "https://www.dailyharvest.example/markets/wheat"
    assert articles.loc["export_0004", "outlet_source"] == "domain"
    courier = articles.loc["pages_courier-rail-strike"]
    assert (courier["file_name"], courier["reader"], courier["source_row"]) == (
        "pages/courier-rail-strike.html",
        "html",
        0,
    )
    assert (courier["metadata_source"], courier["outlet_source"]) == ("html", "site_name")
    assert articles.loc["feed_0001", ["metadata_source", "byline"]].tolist() == [
        "export",
        "Lena Fischer",
    ]


def test_clean_texts_keep_the_reporting_and_drop_the_furniture(built):
    _, corpus, clean = built
    assert set(clean) == set(EXPECTED)
    for article_id, text in clean.items():
        for furniture in FURNITURE:
            assert furniture not in text, (article_id, furniture)
    for article_id, openings in REPORTING.items():
        paragraphs = clean[article_id].split("\n")
        assert [p[: len(o)] for p, o in zip(paragraphs, openings, strict=True)] == openings
    sentences = corpus["sentences"]
    assert set(sentences["article_id"]) == set(EXPECTED)
    for s in sentences.itertuples():
        assert clean[s.article_id][s.start : s.end] == s.text


def test_removed_lines_name_the_rules_for_real_page_furniture(built):
    out, _, _ = built
    removed = pd.read_csv(out / paths.REMOVED_LINES_CSV, keep_default_na=False)
    rules = dict(zip(removed["text"], removed["rule"], strict=False))
    assert rules["Continue reading below"] == "continue-reading"
    assert rules["Story continues below advertisement"] == "continue-reading"
    assert rules["Sunny 36°C"] == "weather-widget"
    assert rules["Share this article"] == "share-bar"
    assert rules["Copyright 2024 Harbour Wire Service. All rights reserved."] == "copyright-line"


def renamed_export(tmp_path):
    frame = pd.read_csv(IMPORTS / "export.csv", dtype=str, keep_default_na=False)
    renamed = frame.rename(
        columns={"title": "hed", "publish_date": "when", "media_name": "paper", "text": "copy"}
    )
    path = tmp_path / "renamed.csv"
    renamed.to_csv(path, index=False)
    return path


def test_a_single_export_with_default_column_names(tmp_path):
    export = tmp_path / "export.csv"
    shutil.copyfile(IMPORTS / "export.csv", export)
    build = build_corpus(export, tmp_path / "out", progress=False, verbose=False)
    ok = build.articles[build.articles["status"] == "ok"].set_index("article_id")
    assert list(ok.index) == ["export_0001", "export_0002", "export_0004"]
    assert ok.loc["export_0002", "published"] == "2024-03-04"
    assert (tmp_path / "out" / paths.ARTICLES_CSV).exists()
    assert not any(m.startswith("export.manifest.csv") for m in build.messages)


def test_a_single_export_with_a_column_mapping(tmp_path):
    path = renamed_export(tmp_path)
    unmapped = build_corpus(path, tmp_path / "a", progress=False, verbose=False)
    assert unmapped.articles["reason"].iloc[0].startswith("missing required column text")
    mapping = "text=copy,title=hed,published=when,outlet=paper"
    mapped = build_corpus(path, tmp_path / "b", columns=mapping, progress=False, verbose=False)
    ok = mapped.articles[mapped.articles["status"] == "ok"].set_index("article_id")
    assert ok.loc["renamed_0002", ["outlet", "title", "published"]].tolist() == list(
        EXPECTED["export_0002"]
    )


def test_the_study_file_can_hold_the_column_mapping_and_outlets(tmp_path):
    study_file = tmp_path / "study.yml"
    study_file.write_text(
        "name: my-exports\ntitle: My exports\ncorpus:\n"
        "  columns: {text: copy, title: hed, published: when, outlet: paper}\n"
        "  outlets: {dailyharvest.example: The Daily Harvest}\n",
        encoding="utf-8",
    )
    study = load_study(study_file)
    build = build_corpus(
        renamed_export(tmp_path),
        tmp_path / "out",
        columns=study.columns,
        outlets=study.outlets,
        progress=False,
        verbose=False,
    )
    articles = build.articles.set_index("article_id")
    assert articles.loc["renamed_0004", "outlet"] == "The Daily Harvest"
    assert articles.loc["renamed_0001", "title"] == EXPECTED["export_0001"][1]


def test_the_same_corpus_builds_to_the_same_bytes(built, tmp_path):
    out, _, _ = built
    build_corpus(IMPORTS, tmp_path, progress=False, verbose=False, outlets=OUTLETS)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first == again
