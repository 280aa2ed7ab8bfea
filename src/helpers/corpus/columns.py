"""Which column of an export holds what: the column mapping and its defaults.

An export (CSV, JSON lines, JSON list, Parquet) has one article per row. Its columns are
mapped onto the kit's fields (:data:`FIELDS`): ``text`` is required, the others are metadata.
Without a mapping, each field takes the first column named like one of its
:data:`DEFAULT_COLUMNS` (case and spaces ignored), which covers the common layouts of news
databases and scrapers (Media Cloud's ``title,url,publish_date,media_name,text``, NewsAPI's
``title,description,url,publishedAt,source.name,content``, GDELT-style ``DocumentIdentifier``
...). A mapping ``"text=body,published=date"`` (``make report COLUMNS=...``, or ``columns:`` in
the study file) names the column of a field; in JSON a dotted name reads a nested key
(``outlet=source.name``).

>>> parse_columns("text=body, published=date")
{'text': 'body', 'published': 'date'}
>>> resolve_columns(["Title", "URL", "publish_date", "media_name", "text"], {})["outlet"]
'media_name'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

FIELDS = ("text", "title", "url", "published", "outlet", "author", "language", "id")
REQUIRED_FIELDS = ("text",)
# Column names each field is looked for under, in this order (compared without case, spaces,
# "_", "-" and "."), when no mapping names its column.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "full_text", "fulltext", "article_text", "story_text", "body_text",
        "content", "maintext", "article", "story",
    ),
    "title": ("title", "headline", "heading", "header", "subject"),
    "url": (
        "url", "link", "uri", "permalink", "article_url", "web_url", "source_url",
        "documentidentifier", "canonical_url",
    ),
    "published": (
        "published", "publish_date", "published_date", "publication_date", "published_at",
        "publishedat", "pub_date", "pubdate", "date_publish", "date_published", "date",
        "datetime", "timestamp", "created_at", "first_published",
    ),
    "outlet": (
        "outlet", "media_name", "source_name", "source.name", "publisher", "publication",
        "site_name", "sitename", "newspaper", "media", "source", "domain", "feed",
    ),
    "author": ("author", "authors", "byline", "creator", "writer", "by"),
    "language": ("language", "lang", "language_code", "locale"),
    "id": ("id", "stories_id", "story_id", "article_id", "doc_id", "document_id", "guid", "uuid"),
}  # fmt: skip
NOT_NAME_CHARS = re.compile(r"[\s_.\-]+")  # what is ignored when column names are compared


class ColumnError(ValueError):
    """A column mapping that names an unknown field or is not written ``field=column``."""


def _key(name: str) -> str:
    return NOT_NAME_CHARS.sub("", name.strip().lower())


def parse_columns(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """Read a mapping written ``"field=column,field=column"`` (or a dict) into a dict.

    ``field:column`` is read the same way (a notebook parameter's comment cannot show ``=``).

    Raises :class:`ColumnError` naming the bad part: an unknown field, or no ``=``.
    """
    if not spec:
        return {}
    if isinstance(spec, Mapping):
        pairs = [(str(k), str(v)) for k, v in spec.items()]
    else:
        pairs = []
        for part in str(spec).split(","):
            if not part.strip():
                continue
            separator = "=" if "=" in part else ":"
            if separator not in part:
                raise ColumnError(
                    f"column mapping {part.strip()!r} is not written field=column "
                    f"(for example text=body,published=date)"
                )
            field, column = part.split(separator, 1)
            pairs.append((field, column))
    mapping: dict[str, str] = {}
    for field, column in pairs:
        field, column = field.strip().lower(), column.strip()
        if field not in FIELDS:
            raise ColumnError(
                f"column mapping names an unknown field {field!r}; the fields are "
                + ", ".join(FIELDS)
            )
        if not column:
            raise ColumnError(f"column mapping {field}= names no column")
        mapping[field] = column
    return mapping


def merge_columns(*specs: str | Mapping[str, str] | None) -> dict[str, str]:
    """Merge mappings, later ones winning field by field (the study's, then the command line's)."""
    merged: dict[str, str] = {}
    for spec in specs:
        merged.update(parse_columns(spec))
    return merged


def resolve_columns(available: Iterable[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """Return ``{field: column}`` for the fields found among the ``available`` column names.

    A mapped field takes its named column (matched exactly, then without case and spaces);
    an unmapped field takes its first default that is available. A mapped column that is not
    there is left out (the caller says so); no column serves two fields.
    """
    names = list(available)
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    found: dict[str, str] = {}
    for field, column in mapping.items():
        if column in names:
            found[field] = column
        elif _key(column) in by_key:
            found[field] = by_key[_key(column)]
    taken = set(found.values())
    for field in FIELDS:
        if field in found or field in mapping:
            continue
        for candidate in DEFAULT_COLUMNS[field]:
            column = by_key.get(_key(candidate))
            if column is not None and column not in taken:
                found[field] = column
                taken.add(column)
                break
    return found


def describe_missing(field: str, available: Iterable[str], mapping: Mapping[str, str]) -> str:
    """Say why ``field`` has no column: what was looked for and what the file has."""
    names = ", ".join(available) or "no columns"
    if field in mapping:
        looked = f"the column {mapping[field]!r} named by the mapping"
    else:
        looked = "a column named " + ", ".join(DEFAULT_COLUMNS[field][:6]) + " ..."
    return (
        f"missing required column {field}: looked for {looked}; the file has {names}; "
        f'name it with COLUMNS="{field}=<column>"'
    )
