"""Readers of each format (issue 9): text files, web pages, CSV, JSON lines, JSON and Parquet
exports, with the column mapping and the metadata each source states.

Pages and exports are written here or read from tests/data/imports (all texts invented)."""

from __future__ import annotations

import csv
import html
import io
import json

import pandas as pd
import pytest

from fixtures import TEST_DATA_DIR
from helpers.corpus import ColumnError, collect_corpus, parse_columns, parse_date
from helpers.corpus.columns import resolve_columns
from helpers.corpus.metadata import host_of, outlet_for_url, outlet_table
from helpers.corpus.readers import ReadOptions, read_source

PAGES = TEST_DATA_DIR / "imports" / "corpus" / "pages"

STORY = [
    "The ferry operator said 18 of its 24 crossings were cancelled on Friday in high winds.",
    "About 2,300 passengers had booked seats on the cancelled sailings, a spokesperson said.",
]
TEXT = "\n\n".join(STORY)


def read(name: str, data: bytes, **columns: str):
    articles, messages = read_source(name, data, ReadOptions(columns=columns))
    return articles, messages


def csv_bytes(rows: list[dict], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


# --- column mapping ----------------------------------------------------------------------------


def test_default_columns_cover_a_media_cloud_layout():
    found = resolve_columns(["title", "url", "publish_date", "media_name", "text"], {})
    assert found == {
        "text": "text",
        "title": "title",
        "url": "url",
        "published": "publish_date",
        "outlet": "media_name",
    }


def test_default_columns_cover_a_newsapi_layout_with_nested_source():
    columns = ["source", "source.id", "source.name", "author", "title", "url", "publishedAt"]
    found = resolve_columns([*columns, "content"], {})
    assert (found["text"], found["published"], found["outlet"], found["author"]) == (
        "content",
        "publishedAt",
        "source.name",
        "author",
    )


def test_a_mapping_names_columns_and_bad_mappings_say_what_is_wrong():
    assert parse_columns("text=body, published=date") == {"text": "body", "published": "date"}
    assert parse_columns("text:body") == {"text": "body"}
    assert resolve_columns(["Body", "date"], parse_columns("text=body"))["text"] == "Body"
    with pytest.raises(ColumnError, match="unknown field 'txt'"):
        parse_columns("txt=body")
    with pytest.raises(ColumnError, match="not written field=column"):
        parse_columns("body")


# --- exports -----------------------------------------------------------------------------------


def test_csv_export_gives_one_article_per_row_with_its_metadata():
    data = csv_bytes(
        [
            {"title": "Ferries cancelled", "url": "https://islandpost.example/ferries",
             "publish_date": "2024-01-12T06:00:00Z", "media_name": "Island Post", "text": TEXT},
            {"title": "Empty", "url": "", "publish_date": "", "media_name": "", "text": " "},
        ]
    )  # fmt: skip
    (first, second), messages = read("export.csv", data)
    assert messages == []
    assert (first.status, first.row, first.reader, first.text) == ("ok", 1, "csv", TEXT)
    assert first.meta["title"] == "Ferries cancelled"
    assert first.meta["published"] == "2024-01-12"
    assert first.meta["outlet"] == "Island Post" and first.outlet_from == "column"
    assert (second.status, second.reason) == ("refused", "empty text (column text)")


def test_csv_with_semicolons_and_a_mapping_from_the_command_line():
    data = csv_bytes([{"headline": "Ferries", "body": TEXT, "date": "12/01/2024"}], ";")
    (article,), _ = read("export.csv", data, title="headline", text="body", published="date")
    assert (article.status, article.meta["title"], article.text) == ("ok", "Ferries", TEXT)
    assert article.meta["published"] == "2024-12-01"  # month first, as documented


def test_csv_without_a_text_column_is_refused_naming_its_columns():
    data = csv_bytes([{"headline": "Ferries", "story_body": TEXT}])
    (article,), _ = read("export.csv", data)
    assert article.status == "refused"
    assert article.reason.startswith("missing required column text")
    assert "the file has headline, story_body" in article.reason
    assert 'COLUMNS="text=<column>"' in article.reason
    (mapped,), _ = read("export.csv", data, text="story_body")
    assert mapped.status == "ok"


def test_a_mapped_column_that_is_missing_is_reported_and_the_rest_is_read():
    data = csv_bytes([{"title": "Ferries", "text": TEXT}])
    (article,), messages = read("export.csv", data, published="pubdate")
    assert article.status == "ok" and article.meta["published"] == ""
    assert messages == [
        "export.csv: the column 'pubdate' named for published is not in the file; published is "
        "taken from the text where it can be"
    ]


def test_csv_broken_quote_and_extra_cell_refuse_only_their_rows():
    data = (
        b"title,text\n"
        b'One,"Officials said 3 bridges closed."\n'
        b'Two,"A quote that is never closed, 40 boats\n'
        b"Three,Crews said 12 roads reopened.\n"
        b"Four,Police said 5 cars crashed.,extra\n"
        b'Five,"The mayor said 70 homes, in two streets, lost power."\n'
    )
    articles, _ = read("export.csv", data)
    status = [(a.row, a.status, a.reason.split(" (")[0]) for a in articles]
    assert status == [
        (1, "ok", ""),
        (2, "refused", "unreadable row"),
        (3, "ok", ""),
        (4, "refused", "unreadable row"),
        (5, "ok", ""),
    ]
    assert (
        "line 3" in articles[1].reason and "line 5 has 3 cells, the header 2" in articles[3].reason
    )
    assert articles[4].text == "The mayor said 70 homes, in two streets, lost power."


def test_json_lines_with_a_bad_line_and_a_list_item_that_is_not_an_object():
    lines = [
        json.dumps({"title": "Ferries", "content": TEXT, "source": {"name": "Island Post"}}),
        '{"title": "cut off", "content": "Officials said',
        "",
        json.dumps(["not", "an", "object"]),
    ]
    articles, _ = read("feed.ndjson", "\n".join(lines).encode())
    assert [(a.row, a.status) for a in articles] == [(1, "ok"), (2, "refused"), (4, "refused")]
    assert articles[0].meta["outlet"] == "Island Post"
    assert articles[1].reason.startswith("unreadable row (line 2 is not JSON")
    assert articles[2].reason == "unreadable row (line 4 is not a JSON object)"


def test_json_list_and_json_object_wrapping_a_list():
    items = [{"headline": "Ferries", "body": TEXT, "published_at": 1705039200}]
    (plain,), _ = read("export.json", json.dumps(items).encode())
    assert (plain.meta["title"], plain.meta["published"]) == ("Ferries", "2024-01-12")
    wrapped = {"status": "ok", "totalResults": 1, "articles": items}
    (inner,), _ = read("export.json", json.dumps(wrapped).encode())
    assert inner.text == TEXT
    (broken,), _ = read("export.json", b'{"articles": [')
    assert broken.status == "refused" and broken.reason.startswith("unreadable JSON at line 1")
    (other,), _ = read("export.json", b'{"count": 3}')
    assert other.reason.startswith("a JSON object without a list of articles")


def test_parquet_export_keeps_timestamps_and_authors_lists():
    frame = pd.DataFrame(
        {
            "id": [101, 102],
            "title": ["Ferries cancelled", "Bridge reopens"],
            "text": [
                TEXT,
                "The bridge reopened on Monday after 14 weeks of repairs, officials said.",
            ],
            "published": pd.to_datetime(["2024-01-12 06:00", "2024-02-05 17:30"]),
            "authors": [["Ann Lee", "Bo Kim"], []],
            "media_name": ["Island Post", "Island Post"],
        }
    )
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    articles, _ = read("export.parquet", buffer.getvalue())
    assert [a.meta["published"] for a in articles] == ["2024-01-12", "2024-02-05"]
    assert articles[0].meta["author"] == "Ann Lee, Bo Kim"
    assert [a.meta["source_id"] for a in articles] == ["101", "102"]
    (broken,), _ = read("export.parquet", b"PAR1 not really parquet")
    assert broken.status == "refused" and broken.reason.startswith("unreadable Parquet file")


def test_a_text_cell_holding_html_is_read_as_a_page():
    page = (PAGES / "harbour-cargo.html").read_text(encoding="utf-8")
    data = csv_bytes([{"title": "Cargo", "media_name": "Harbour News", "text": page}])
    (article,), _ = read("export.csv", data)
    assert article.status == "ok"
    assert article.text.splitlines()[2].startswith("The harbour handled 4.2 million tonnes")
    assert "<p>" not in article.text and article.meta["title"] == "Cargo"
    assert "the text in column text is HTML; read as a web page" in article.notes


def test_export_rows_get_ids_from_the_file_and_row_or_the_export_id(tmp_path):
    (tmp_path / "wire.csv").write_bytes(
        csv_bytes([{"id": "AB-7", "text": STORY[0]}, {"id": "", "text": STORY[1]}])
    )
    build = collect_corpus(tmp_path, progress=False)
    articles = build.articles.set_index("article_id")
    assert list(articles.index) == ["wire_0002", "wire_ab-7"]
    assert list(articles["source_row"]) == [2, 1]
    assert articles.loc["wire_ab-7", "source_id"] == "AB-7"


# --- web pages ---------------------------------------------------------------------------------


def test_html_page_gives_main_text_title_date_author_site_and_url():
    (article,), _ = read("page.html", (PAGES / "courier-rail-strike.html").read_bytes())
    assert (article.status, article.reader, article.encoding) == ("ok", "html", "utf-8")
    assert article.meta["title"] == "Rail strike halts 1,400 trains across the north"
    assert article.meta["published"] == "2024-05-14"
    assert article.meta["author"] == "Harbour Wire Service"
    assert article.meta["outlet"] == "Coastline Courier" and article.outlet_from == "site_name"
    assert article.meta["url"].endswith("coastlinecourier.example/news/2024/05/14/rail-strike")
    assert "walked off the job on Tuesday" in article.text
    for furniture in ("dataLayer", "We use cookies", "Home", "Ferry timetable", "Privacy"):
        assert furniture not in article.text


def test_each_line_of_a_page_maps_back_to_the_line_of_its_html_element():
    page = (PAGES / "courier-rail-strike.html").read_text(encoding="utf-8")
    (article,), _ = read("page.html", page.encode())
    html_lines = page.splitlines()
    for line_no, line in enumerate(article.text.splitlines(), start=1):
        source = article.source_line(line_no)
        assert source > 0, line
        words = line.split()[:3]
        nearby = html.unescape(" ".join(html_lines[source - 1 : source + 1]))
        assert all(word in nearby for word in words), (line, source)


def test_page_with_a_declared_legacy_charset_is_decoded_with_it():
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9 closes</title></head><body>'
        "<article><p>The caf\u00e9 on the quay closed after 41 years, its owner said on "
        "Tuesday, blaming a rent rise of 30 percent.</p>"
        "<p>\u201cWe could not pay it,\u201d she said.</p></article></body></html>"
    )
    (article,), _ = read("page.htm", html.encode("cp1252"))
    assert article.encoding == "windows-1252"
    assert "caf\u00e9 on the quay closed after 41 years" in article.text


def test_a_page_with_no_main_text_is_refused_with_that_reason():
    page = (
        b"<html><head><title>Loading</title><script>var a = 1;</script></head><body></body></html>"
    )
    (article,), _ = read("empty.html", page)
    assert article.status == "refused"
    assert article.reason.startswith("HTML page with no main text")


# --- metadata ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-14T09:10:00+00:00", "2024-05-14"),
        ("Nov. 7, 2022", "2022-11-07"),
        ("7 November 2022", "2022-11-07"),
        ("Tue, 14 May 2024 09:10:00 GMT", "2024-05-14"),
        (1715677800, "2024-05-14"),
        (1715677800000, "2024-05-14"),
        ("May 2024", ""),
        ("yesterday", ""),
        ("", ""),
        (float("nan"), ""),
        ("0001-01-01", ""),
    ],
)
def test_dates_are_parsed_by_a_library_and_partial_dates_are_refused(value, expected):
    assert parse_date(value) == expected


def test_outlets_come_from_the_domain_table_and_a_study_can_add_to_it():
    table = outlet_table({"islandpost.example": "Island Post"})
    assert outlet_for_url("https://edition.cnn.com/2024/01/12/x", table) == "CNN"
    assert outlet_for_url("https://www.islandpost.example/a", table) == "Island Post"
    assert outlet_for_url("https://news.unknown-paper.example/a", table) == (
        "news.unknown-paper.example"
    )
    assert host_of("not a url") == ""


def test_an_export_in_a_windows_encoding_is_decoded_and_says_so():
    text = "The caf\u00e9 owner said \u201cno\u201d to 42 new rules."
    data = f"title,text\nCaf\u00e9,{text}\n".encode("cp1252")
    (article,), messages = read("export.csv", data)
    assert (article.text, article.encoding) == (text, "cp1252")
    assert messages == ["export.csv: not UTF-8; decoded as cp1252"]
