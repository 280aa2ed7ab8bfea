"""Read a saved web page: its main text, title, date, author and site, with trafilatura.

``trafilatura`` is a maintained extractor made for news pages: it drops navigation, footers
and most page furniture and reads the page's metadata (``og:`` and ``article:`` tags,
JSON-LD, ``<title>``). The date is read by ``htmldate`` from what the page states (its meta
tags, structured data or URL), not guessed from dates in the body. Each line of the extracted
text is mapped back to the line of the HTML file holding the element it came from, so a
sentence can be found in the page source.

A text saved as ``.txt`` that is in fact an HTML page (:func:`looks_like_html`) is read the
same way, with a note.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from helpers.clean import normalise
from helpers.corpus.decoding import Decoded, decode_bytes
from helpers.corpus.records import SourceArticle

# The start of an HTML document: <!DOCTYPE html>, <html ...>, <head>, <body>, after an
# optional XML declaration or comment.
HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b)",
    re.IGNORECASE | re.DOTALL,
)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,20}\b[^<>]{0,500}>")  # <p class="x"> / </div>
BLOCK_END_TAG = re.compile(r"</(?:p|div|body|html|article|section|span|li|h[1-6])>", re.I)
TAG_SHARE = 0.15  # a text whose tags take this share of its characters is markup
MIN_TAGS = 5
# <meta charset="utf-8"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
SPACES = re.compile(r"\s+")
# The language of <html lang="en-GB">
HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z-]{2,12})", re.I)
SKIPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template", "head"})
MATCH_PREFIX = 60  # characters of an extracted line looked for in the page's text


def looks_like_html(text: str) -> bool:
    """True for a text that is an HTML document rather than prose (checks the first 64 KB)."""
    sample = text[:65536]
    if HTML_START.match(sample):
        return True
    tags = HTML_TAG.findall(sample)
    if len(tags) < MIN_TAGS or not BLOCK_END_TAG.search(sample):
        return False
    return sum(len(t) for t in tags) / max(len(sample), 1) >= TAG_SHARE


def decode_html(data: bytes) -> Decoded:
    """Decode a page with the charset it declares when that reads it, else :func:`decode_bytes`."""
    declared = META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore")
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return Decoded(text.removeprefix("\ufeff"), name.lower())
    return decode_bytes(data)


def _flat(text: str) -> str:
    return SPACES.sub(" ", normalise(unicodedata.normalize("NFC", text))).strip()


def _page_text(tree) -> tuple[str, list[int], list[int]]:
    """The page's visible text, flattened, with the offsets where each chunk starts and its line."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    parts: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    length = 0
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in SKIPPED_ELEMENTS:
            chunks = [element.tail]
        else:
            chunks = [element.text, element.tail]
        for chunk in chunks:
            flat = _flat(chunk or "")
            if flat:
                starts.append(length)
                lines.append(element.sourceline or 0)
                parts.append(flat + " ")
                length += len(flat) + 1
    return "".join(parts), starts, lines


def map_lines(html: str, text: str) -> list[int]:
    """For each line of the extracted ``text``, the line of ``html`` it comes from (0: unknown).

    Lines are looked up in order in the page's visible text (whitespace and typography
    flattened), so a sentence repeated on the page maps to its occurrence in reading order.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return [0] * len(text.split("\n"))
    flat, starts, lines = _page_text(tree)
    found: list[int] = []
    cursor = 0
    for line in text.split("\n"):
        key = _flat(line)[:MATCH_PREFIX]
        position = flat.find(key, cursor) if key else -1
        if position < 0 and key:
            position = flat.find(key)
        if position < 0:
            found.append(0)
            continue
        cursor = position + len(key)
        found.append(lines[bisect_right(starts, position) - 1] if starts else 0)
    return found


def page_language(html: str) -> str:
    """The ``lang`` attribute of the page's ``<html>`` element, lower case ("" if none)."""
    match = HTML_LANG.search(html[:65536])
    return match.group(1).lower() if match else ""


def read_html(html: str, article: SourceArticle) -> SourceArticle:
    """Fill ``article`` (text, line map, metadata) from a page's HTML, or refuse it (reason)."""
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except Exception as err:  # noqa: BLE001 - the extractor's failure refuses this page only
        return article.refuse(f"HTML page could not be read ({type(err).__name__}: {err})")
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        return article.refuse("HTML page with no main text (nothing an article extractor keeps)")
    try:
        published = htmldate.find_date(
            html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
        )
    except Exception:  # noqa: BLE001 - a page without a readable date is still an article
        published = None
    article.text = text
    article.line_map = map_lines(html, text)
    site = (document.sitename or "").strip()
    article.meta = {
        "title": (document.title or "").strip(),
        "published": published or "",
        "outlet": site,
        "author": (document.author or "").strip(),
        "url": (document.url or "").strip(),
        "language": page_language(html),
        "source_id": "",
    }
    article.outlet_from = "site_name" if site else ""
    return article
