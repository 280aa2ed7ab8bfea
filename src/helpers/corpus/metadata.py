"""Metadata of an article: dates parsed by a library, outlets named from web domains, language.

- :func:`parse_date` reads a publication date as news databases and pages write it (ISO
  stamps, "Nov. 7, 2022", "7 November 2022", epoch seconds, pandas timestamps) with
  ``python-dateutil``, and refuses what is not a whole calendar date ("March 2023").
- :func:`outlet_for_url` turns a URL into a readable outlet name with the editable table
  ``helpers/data/outlets.csv`` (a study's ``outlets:`` are added to it), or the bare domain.
- :func:`metadata_from_text` reads outlet, title, date, byline and language from a cleaned
  text, for files that carry no metadata of their own.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from helpers.clean import DATE_PATTERN, CleanArticle

OUTLETS_TABLE = ("data", "outlets.csv")  # the package's domain -> outlet table
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # 2022-11-07
HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "edition.", "eu.", "uk.", "us.")
DOMAIN_LIKE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")  # coastlinecourier.example
EPOCH_MS = 10**11  # numbers above this are epoch milliseconds, below epoch seconds
FIRST_YEAR, LAST_YEAR = 1800, 2200  # a date outside these years is taken for a misreading
# Two defaults that differ in every field: a date string missing a field parses differently.
DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
ENGLISH_WORDS = frozenset("the and of to in a is that for on with was said by as".split())
WORD = re.compile(r"[^\W\d_]+")  # a run of letters


# --- dates -------------------------------------------------------------------------------------


def valid_iso_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_date(value: object) -> str:
    """Return ``value`` as a date ``YYYY-MM-DD``, or "" when it is not a whole calendar date.

    Strings are read by ``dateutil`` (month before day when a numeric date is ambiguous, as
    in "03/04/2023" -> 2023-03-04); numbers are epoch seconds (or milliseconds); dates and
    timestamps keep their own day (the time zone is not converted).

    >>> parse_date("2023-03-14T08:30:00+00:00"), parse_date("Nov. 7, 2022"), parse_date("May 2023")
    ('2023-03-14', '2022-11-07', '')
    """
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, datetime | date):
        found = value
    elif isinstance(value, int | float):
        if value != value or value <= 0:  # NaN
            return ""
        seconds = value / 1000 if value > EPOCH_MS else value
        try:
            found = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return ""
    else:
        found = _parse_date_string(str(value))
        if found is None:
            return ""
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        return ""
    return found.strftime("%Y-%m-%d")


@lru_cache(maxsize=4096)  # a corpus repeats its dates (the day's stories); each parsed once
def _parse_date_string(text: str) -> datetime | None:
    text = " ".join(text.split())
    if not text or len(text) > 80 or not any(c.isdigit() for c in text):
        return None
    found = []
    for default in DEFAULTS:
        try:
            found.append(date_parser.parse(text, default=default))
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = found
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # a field of the date is missing ("May 2023", "14:05")
    return first


def date_from_text(article: CleanArticle) -> str:
    """Return the publication date found in time/date lines or the headline (YYYY-MM-DD or "").

    Dates of post times and plain date lines come first (the earliest wins); an "Updated ..."
    date is used only when nothing else gives one.
    """
    found: list[str] = []
    updated: list[str] = []
    for line in [*article.times, article.title]:
        for match in DATE_PATTERN.finditer(line):
            iso = parse_date(match.group())
            if iso:
                (updated if line.lower().startswith("updated") else found).append(iso)
    return min(found) if found else (min(updated) if updated else "")


# --- outlets -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def default_outlets() -> dict[str, str]:
    """The package's table of web domains and the outlet names they stand for."""
    text = resources.files("helpers").joinpath(*OUTLETS_TABLE).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return {row["domain"].strip().lower(): row["outlet"].strip() for row in rows}


def outlet_table(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The default table with ``extra`` (a study's ``outlets:``) added, overriding by domain."""
    table = dict(default_outlets())
    for domain, outlet in (extra or {}).items():
        table[host_of(str(domain)) or str(domain).strip().lower()] = str(outlet).strip()
    return table


def host_of(url: str) -> str:
    """The host of ``url`` (or of a bare domain), lower case, without "www." and the like.

    >>> host_of("https://www.Example-News.com/a/b?x=1"), host_of("edition.cnn.com")
    ('example-news.com', 'cnn.com')
    """
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    try:
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host if DOMAIN_LIKE.match(host) else ""


def looks_like_domain(text: str) -> bool:
    """True for a bare domain such as "coastlinecourier.example" (not a readable name)."""
    return bool(DOMAIN_LIKE.match(text.strip().lower())) and " " not in text.strip()


def outlet_for_url(url: str, table: Mapping[str, str]) -> str:
    """Name the outlet of ``url``: the table's name for its host or a parent domain, else the host.

    >>> outlet_for_url("https://edition.cnn.com/2022/11/07/x", {"cnn.com": "CNN"})
    'CNN'
    """
    host = host_of(url)
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = table.get(".".join(labels[start:]))
        if name:
            return name
    return host


# --- from the text -----------------------------------------------------------------------------


def guess_language(text: str) -> str:
    """Return "en" when common English function words make up 15% of the words, else ""."""
    # lower-casing the whole text first gives the same words when it is ASCII, not always
    # otherwise ("İ" lowers to two characters)
    words = (
        WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in WORD.findall(text)]
    )
    if not words:
        return ""
    share = sum(map(ENGLISH_WORDS.__contains__, words)) / len(words)
    return "en" if share >= 0.15 else ""


def metadata_from_text(article: CleanArticle) -> dict[str, str]:
    """Return outlet, title, published, date_status, byline and language read from the text."""
    published = date_from_text(article)
    return {
        "outlet": article.source,
        "title": article.title,
        "published": published,
        "date_status": "from_text" if published else "unknown",
        "byline": article.byline,
        "language": guess_language(article.clean_text),
    }
