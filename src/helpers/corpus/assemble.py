"""Assemble one article's rows: its metadata from the manifest, the source and the text, merged;
its posts, sentences and removed lines; its row of ``articles.csv``.

Each field is taken from the first place that has it: the manifest (a column it has, even an
empty cell: the researcher's word), what the source states (an export's column, a page's
metadata), then what the cleaned text shows (a headline, a byline, a date line, a
"Source:" line). An outlet written as a web domain, or missing while the URL is known, is
named by the outlet table (:func:`helpers.corpus.metadata.outlet_for_url`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from helpers.clean import CleanArticle
from helpers.corpus.manifest import DATE_STATUSES, ManifestRow
from helpers.corpus.metadata import (
    host_of,
    looks_like_domain,
    metadata_from_text,
    outlet_for_url,
)
from helpers.corpus.records import SourceArticle
from helpers.sentences import sentence_spans

METADATA_SOURCE = {"txt": "text", "html": "html"}  # other readers: "export"


def _outlet(source: SourceArticle, text_outlet: str, table: Mapping[str, str]) -> tuple[str, str]:
    """The outlet of an article not named by the manifest, and where it came from."""
    stated = source.meta.get("outlet", "")
    if stated and looks_like_domain(stated):
        return outlet_for_url(stated, table), "domain"
    if stated:
        return stated, source.outlet_from or "column"
    url = source.meta.get("url", "")
    if url and host_of(url):
        return outlet_for_url(url, table), "domain"
    if text_outlet:
        return text_outlet, "text"
    return "", ""


def merged_metadata(
    source: SourceArticle,
    art: CleanArticle,
    manifest_row: ManifestRow | None,
    manifest_columns: frozenset[str],
    table: Mapping[str, str],
) -> dict[str, str]:
    """outlet, title, published, date_status, byline, language, url, outlet_source of an article."""
    from_text = metadata_from_text(art)
    stated = source.meta
    given = manifest_row.values if manifest_row is not None else {}

    def has(column: str) -> bool:
        return manifest_row is not None and column in manifest_columns

    meta: dict[str, str] = {}
    if has("outlet"):
        meta["outlet"], meta["outlet_source"] = given.get("outlet", ""), "manifest"
    else:
        meta["outlet"], meta["outlet_source"] = _outlet(source, from_text["outlet"], table)
    if has("published"):
        published = given.get("published", "")
        status = given.get("date_status", "")
        bad = any("column published" in note for note in manifest_row.notes)
        if bad:
            published, status = "", "unknown"
        if status not in DATE_STATUSES:
            status = "stated" if published else "unknown"
        meta["published"], meta["date_status"] = published, status
    elif stated.get("published"):
        meta["published"], meta["date_status"] = stated["published"], "stated"
    else:
        meta["published"], meta["date_status"] = from_text["published"], from_text["date_status"]
    for field, source_field, text_value in (
        ("title", "title", from_text["title"]),
        ("byline", "author", from_text["byline"]),
        ("language", "language", ""),
        ("url", "url", ""),
    ):
        if has(field):
            meta[field] = given.get(field, "")
        else:
            meta[field] = stated.get(source_field, "") or text_value
    if not meta["language"] and not has("language"):
        meta["language"] = from_text["language"]  # guess_language of the clean text
    meta["metadata_source"] = (
        "manifest" if manifest_row is not None else METADATA_SOURCE.get(source.reader, "export")
    )
    return meta


def article_tables(
    article_id: str, art: CleanArticle, source: SourceArticle
) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of posts.csv, sentences.csv and removed_lines.csv for one clean article."""
    line_starts = _line_starts(source.text)
    posts, sentences = [], []
    sentence_id = 0
    for number, post in enumerate(art.posts, start=1):
        posts.append(
            {
                "article_id": article_id,
                "post": number,
                "headline": post.headline,
                "published_time": post.published_time,
                "byline": post.byline,
                "start": post.start,
                "end": post.end,
            }
        )
        for start, end in sentence_spans(art.clean_text[post.start : post.end]):
            sentence_id += 1
            start, end = start + post.start, end + post.start
            raw_start, raw_end = art.raw_span(start, end)
            line_no = bisect_right(line_starts, raw_start)
            sentences.append(
                {
                    "article_id": article_id,
                    "post": number,
                    "sentence_id": sentence_id,
                    "start": start,
                    "end": end,
                    "raw_start": raw_start,
                    "raw_end": raw_end,
                    "text": art.clean_text[start:end],
                    "source_line": source.source_line(line_no),
                }
            )
    removed = [
        {"article_id": article_id, "line_no": r.line_no, "rule": r.rule, "text": r.text}
        for r in art.removed
    ]
    return posts, sentences, removed


def _line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``text`` start (the lines :func:`clean.split_lines` numbers)."""
    starts, position = [], 0
    for piece in text.splitlines(keepends=True):
        starts.append(position)
        position += len(piece)
    return starts or [0]


def article_row(
    article_id: str,
    source: SourceArticle,
    meta: Mapping[str, str],
    art: CleanArticle | None,
    n_sentences: int,
    notes: list[str],
) -> dict:
    """One row of articles.csv (the near-duplicate columns are filled in later)."""
    ok = art is not None
    return {
        "article_id": article_id,
        "file_name": source.file_name,
        "status": source.status,
        "reason": source.reason,
        "outlet": meta.get("outlet", ""),
        "title": meta.get("title", ""),
        "published": meta.get("published", ""),
        "date_status": meta.get("date_status", "unknown"),
        "byline": meta.get("byline", ""),
        "language": meta.get("language", ""),
        "sha256": source.sha256,
        "encoding": source.encoding,
        "metadata_source": meta.get("metadata_source", "") if ok else "",
        "n_posts": len(art.posts) if ok else 0,
        "n_sentences": n_sentences,
        "notes": "; ".join(n for n in notes if n),
        "reader": source.reader,
        "source_row": source.row,
        "url": meta.get("url", "") or source.meta.get("url", ""),
        "source_id": source.meta.get("source_id", ""),
        "outlet_source": meta.get("outlet_source", "") if ok else "",
        "duplicate_cluster": "",
        "cluster_size": 0,
    }
