"""Metadata lines: headlines, bylines, time and date lines, "Source:" lines.

These lines are not dropped as furniture: they become columns of the tables (headline,
byline, published time, outlet), and are listed in ``removed_lines.csv`` under a
``metadata-...`` rule.
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A calendar date: November 7, 2022 / 7 November 2022 / 2022-11-07
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
DATE_PATTERN = re.compile(DATE, re.IGNORECASE)
# A clock time with optional zone: 1:23 a.m. ET / 14:05 GMT
ZONE = r"(?:ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST)"
CLOCK = rf"\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?\s?m\.?)?(?:\s+{ZONE})?"
# A time/date line: "Updated 2:41 a.m. ET, November 8, 2022", "1:23 a.m. ET, November 7, 2022"
TIME_LINE = re.compile(
    rf"^(?P<label>(?:updated|published|posted)\s*:?\s+(?:on\s+)?)?"
    rf"(?:(?P<clock>{CLOCK})(?:\s*,?\s*(?:on\s+)?(?P<date1>{DATE}))?|(?P<date2>{DATE})(?:\s*,?\s*(?:at\s+)?{CLOCK})?)$",
    re.IGNORECASE,
)
# A byline: "By Kathleen Magramo and Joshua Berlinger, CNN"
BYLINE = re.compile(r"^By\s+(?P<names>[A-Z].{1,150})$")
# A wire-style credit: "From CNN's Mariya Knight"
FROM_BYLINE = re.compile(
    r"^From\s+(?P<outlet>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})'s\s+(?P<names>[A-Z].{1,150})$"
)
# The original source of a republished story: "Source: Associated Press"
SOURCE_LINE = re.compile(r"^Source\s*:\s*(?P<source>[A-Z].{0,80})$")
# A line that ends a sentence or clause: a final . , ; : or ... possibly inside closing quotes.
CLAUSE_END = re.compile(r"[.,;:][\"')\]]*$")
NAME_CONNECTORS = frozenset(
    {"and", "&", "de", "da", "del", "van", "von", "der", "den", "la", "le", "al", "bin"}
)
MAX_HEADLINE_WORDS = 25  # a headline at the top of an article or post
MAX_SECTION_HEADLINE_WORDS = 12  # a heading inside the body of a round-up


def _names_like(names: str) -> bool:
    """True when every word of ``names`` is capitalised or a name connector ("and", "van" ...)."""
    words = names.replace(",", " ").split()
    if not words or len(words) > 15:
        return False
    return all(w[0].isupper() or w.lower() in NAME_CONNECTORS for w in words)


def parse_byline(text: str) -> str | None:
    """Return the names of a byline line ("By ..." or "From Outlet's ..."), else None.

    >>> parse_byline("From CNN's Mariya Knight"), parse_byline("By the end of May, it rained.")
    ('Mariya Knight', None)
    """
    for pattern in (BYLINE, FROM_BYLINE):
        m = pattern.match(text)
        if m and not text.endswith(".") and _names_like(m.group("names")):
            return m.group("names").strip()
    return None


def parse_source(text: str) -> str | None:
    """Return the outlet named by a "Source: ..." line, else None."""
    m = SOURCE_LINE.match(text)
    if m and len(m.group("source").split()) <= 8 and not text.endswith("."):
        return m.group("source").strip()
    return None


def is_time_line(text: str) -> bool:
    """True for a line that is only a time and/or date ("1:23 a.m. ET, November 7, 2022")."""
    return bool(TIME_LINE.match(text))


def is_update_time(text: str) -> bool:
    """True for an "Updated ..."/"Published ..." line: a time for the page, not one post."""
    m = TIME_LINE.match(text)
    return bool(m and m.group("label"))


def is_title_like(text: str, max_words: int = MAX_HEADLINE_WORDS) -> bool:
    """True for a short line that starts with a capital or digit and does not end a clause.

    >>> is_title_like("Harbour gets more cranes"), is_title_like("It rained.")
    (True, False)
    """
    words = text.split()
    if not words or len(words) > max_words or CLAUSE_END.search(text):
        return False
    return text[0].isupper() or text[0].isdigit()


def is_paragraph(text: str) -> bool:
    """True for a line that reads as a paragraph of reporting (not another heading)."""
    return not is_title_like(text) or len(text.split()) > MAX_SECTION_HEADLINE_WORDS
