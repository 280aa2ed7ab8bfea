"""Turn one raw article into clean reporting text, metadata and posts.

In: the decoded text of a raw file. Out: a :class:`CleanArticle` holding

- the clean text (the kept body lines, one paragraph per line, posts separated by a blank line,
  typography normalised) and, for every clean character, the offset of the raw character it
  came from;
- the posts (a live page or a round-up holds several, each with its own headline, time and
  byline; an ordinary article holds one);
- the metadata found in the text (headline, byline, time lines, "Source:" line);
- every non-blank raw line left out of the clean text, with the name of the rule that left it
  out (a ``metadata-...`` rule for headlines, bylines, times and sources).

The rules name conventions of web pages (placeholder addresses, live-page controls, donation
appeals, newsletter prompts, related-link lines, author boxes), never a particular article.

>>> art = clean_article("Physical Address\\nA headline here\\n\\nIt said “yes”.\\nLeave a Reply")
>>> art.clean_text
'It said "yes".'
>>> [(r.line_no, r.rule) for r in art.removed]
[(1, 'address-placeholder'), (2, 'metadata-headline'), (5, 'comment-form')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# --- typography --------------------------------------------------------------------------------

# Characters replaced one for one: curly quotes, dashes, and the odd spaces of web pages.
TYPOGRAPHY = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u2033": '"',  # ″
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00a0": " ",  # non-breaking space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow non-breaking space
    "\u2026": "...",  # … (one raw character becomes three clean ones)
}
# Characters dropped altogether: zero-width spaces and joiners, soft hyphens, byte-order marks.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u00ad\ufeff")


def normalise_typography(text: str) -> tuple[str, list[int]]:
    """Return ``text`` with straight quotes, ``-`` dashes and plain spaces, plus an offset map.

    The map has one entry per character of the result: the index in ``text`` of the character
    it came from, so ``text[offsets[i]]`` produced ``result[i]``.

    >>> normalise_typography("“Hi” – ok")
    ('"Hi" - ok', [0, 1, 2, 3, 4, 5, 6, 7, 8])
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        if char in INVISIBLE:
            continue
        repl = TYPOGRAPHY.get(char, char)
        out.append(repl)
        offsets.extend([i] * len(repl))
    return "".join(out), offsets


def normalise(text: str) -> str:
    """Return ``text`` with typography normalised (see :func:`normalise_typography`)."""
    return normalise_typography(text)[0]


# --- lines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One raw line: its 1-based number, the span of its stripped content, and that content."""

    line_no: int
    start: int  # offset of the first non-space character in the raw text
    end: int  # offset just past the last non-space character
    raw: str  # raw[start:end] of the article
    text: str  # the same with typography normalised


def split_lines(raw_text: str) -> list[Line]:
    """Split raw text into :class:`Line` records (blank lines included, with empty text).

    Handles ``\\n``, ``\\r\\n`` and ``\\r`` line ends; offsets index ``raw_text``.
    """
    lines: list[Line] = []
    pos = 0
    for number, piece in enumerate(raw_text.splitlines(keepends=True), start=1):
        content = piece.rstrip("\r\n")
        stripped_left = len(content) - len(content.lstrip())
        core = content.strip()
        start = pos + stripped_left if core else pos
        lines.append(Line(number, start, start + len(core), core, normalise(core)))
        pos += len(piece)
    return lines


# --- boilerplate rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class LineRule:
    """A named pattern of page furniture; a line matching any of ``patterns`` is dropped."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    description: str

    def matches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Theme placeholder contact block of WordPress news templates.
ADDRESS_LABEL = _rx(r"^physical address$")  # Physical Address
STREET_LINE = _rx(  # 304 North Cardinal St.
    r"^\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive)\.?$"
)
CITY_ZIP_LINE = re.compile(
    r"^[A-Z][A-Za-z .'-]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$"
)  # Dorchester Center, MA 02124
# Controls of live-blog pages.
POST_COUNT = _rx(r"^\d+\s+posts?$")  # 2 Posts
SORT_CONTROL = _rx(r"^sort\s*by(?:dropdown|\b).{0,40}$")  # Sort byDropdown arrow / Sort by: newest
DROPDOWN_ARROW = _rx(r"^dropdown arrow$")  # Dropdown arrow
# Link to the full story at the end of a live-page post.
READ_FULL_STORY = _rx(
    r"^read (?:\S+ )?full (?:story|article|report)\b.{0,20}$"
)  # Read CNN's full story here.
# Donation appeals (Ukrainian outlets often end with one): the call, card numbers, PayPal.
DONATION_CALL = _rx(
    r"^(?:підтримати нас|support us|donate|підтримайте)\b"
)  # Підтримати нас можна через:
CARD_NUMBER = re.compile(r"\b\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}\b")  # 5169 3351 0164 7408
PAYPAL = _rx(r"\bpaypal\b")  # PayPal - ...
EMAIL_ARTEFACT = _rx(r"\[email\s*protected\]")  # [email protected] (Cloudflare e-mail obfuscation)
# Newsletter and messenger prompts.
SUBSCRIBE_PROMPT = _rx(r"^subscribe to (?:our|the) \w+")  # Subscribe to our newsletter
SUBSCRIBED_NOTICE = _rx(r"^you are (?:now )?subscribed\b")  # You are subscribed to our newsletter
MESSENGER_PROMPT = _rx(  # or on ours Telegram / Follow us on Telegram
    r"^(?:or |and )?(?:on |follow |join )(?:us |our |ours )?(?:on )?"
    r"(?:telegram|facebook|twitter|instagram|whatsapp|viber|youtube)\b.{0,20}$"
)
THANKS_LINE = _rx(r"^thank you[!.]*$")  # Thank you!!
# Lines that only link to other stories of the site.
RELATED_LINK = _rx(r"^(?:see also|see more|read also|read more|related)\s*:")  # See also : ...
SOURCE_LINK = _rx(r"^source link$")  # Source link
COMMENT_COUNT = _rx(r"^comments?\s*\(\d+\)$")  # Comment (0)
# WordPress author boxes: this line starts a block that runs to the end of the article.
AUTHOR_BOX_START = _rx(r"^the following (?:\w+ )?tabs? change content below\.?$")
COMMENT_FORM = _rx(r"^leave a (?:reply|comment)$")  # Leave a Reply

BOILERPLATE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "address-placeholder",
        (ADDRESS_LABEL, STREET_LINE, CITY_ZIP_LINE),
        "the contact-address block of a site template",
    ),
    LineRule(
        "live-page-controls",
        (POST_COUNT, SORT_CONTROL, DROPDOWN_ARROW),
        "live-blog post count and sorting",
    ),
    LineRule("read-full-story", (READ_FULL_STORY,), "a link to the full story"),
    LineRule(
        "donation-appeal",
        (DONATION_CALL, CARD_NUMBER, PAYPAL, EMAIL_ARTEFACT),
        "a request for money with card number, PayPal or e-mail",
    ),
    LineRule(
        "newsletter-prompt",
        (SUBSCRIBE_PROMPT, SUBSCRIBED_NOTICE),
        "an invitation to subscribe, or the notice that you did",
    ),
    LineRule("messenger-prompt", (MESSENGER_PROMPT,), "an invitation to follow a social channel"),
    LineRule("thanks-line", (THANKS_LINE,), "a bare 'Thank you' line"),
    LineRule(
        "related-link", (RELATED_LINK,), "a 'See also :' / 'Read more :' link to another story"
    ),
    LineRule("source-link", (SOURCE_LINK,), "a bare 'Source link' link"),
    LineRule("comment-count", (COMMENT_COUNT,), "the comment counter"),
    LineRule("author-bio", (AUTHOR_BOX_START,), "an author box and the bio that follows it"),
    LineRule("comment-form", (COMMENT_FORM,), "the comment form heading"),
)
AUTHOR_BIO = "author-bio"


def boilerplate_rule(text: str) -> str | None:
    """Return the name of the first boilerplate rule matching one line, or None.

    >>> boilerplate_rule("Sort byDropdown arrow"), boilerplate_rule("Iran denied it.")
    ('live-page-controls', None)
    """
    for rule in BOILERPLATE_RULES:
        if rule.matches(text):
            return rule.name
    return None


# --- metadata lines ----------------------------------------------------------------------------

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

    >>> is_title_like("Ukraine gets more NASAMS missiles"), is_title_like("It rained.")
    (True, False)
    """
    words = text.split()
    if not words or len(words) > max_words or CLAUSE_END.search(text):
        return False
    return text[0].isupper() or text[0].isdigit()


def _is_paragraph(text: str) -> bool:
    """True for a line that reads as a paragraph of reporting (not another heading)."""
    return not is_title_like(text) or len(text.split()) > MAX_SECTION_HEADLINE_WORDS


# --- posts and articles ------------------------------------------------------------------------


@dataclass
class Post:
    """One post: its headline, time and byline (each "" when absent) and its body lines."""

    headline: str = ""
    published_time: str = ""
    byline: str = ""
    lines: list[Line] = field(default_factory=list)
    start: int = 0  # span of the post body in the clean text
    end: int = 0


@dataclass(frozen=True)
class RemovedLine:
    """A non-blank raw line left out of the clean text, and the rule that left it out."""

    line_no: int
    rule: str
    text: str


@dataclass
class CleanArticle:
    """The result of :func:`clean_article` (see the module docstring)."""

    clean_text: str
    offsets: list[int]  # raw offset of each clean character
    posts: list[Post]
    removed: list[RemovedLine]
    title: str = ""
    byline: str = ""
    source: str = ""
    times: list[str] = field(default_factory=list)  # every time/date line, in order

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the clean text back to the raw text it came from."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.offsets)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def drop_boilerplate(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Split non-blank lines into kept lines and boilerplate (with the rule that matched).

    After an author-box line, every later line is author bio unless another rule names it.
    """
    kept: list[Line] = []
    removed: list[RemovedLine] = []
    in_author_box = False
    for line in lines:
        if not line.text:
            continue
        rule = boilerplate_rule(line.text)
        if rule == AUTHOR_BIO:
            in_author_box = True
        elif rule is None and in_author_box:
            rule = AUTHOR_BIO
        if rule:
            removed.append(RemovedLine(line.line_no, rule, line.raw))
        else:
            kept.append(line)
    return kept, removed


def split_posts(lines: list[Line]) -> tuple[list[Post], list[RemovedLine], dict[str, object]]:
    """Read headlines, bylines, times and sources out of kept lines and group the rest in posts.

    - A time line followed by a headline-like line starts a new post (live pages); an
      "Updated ..." line dates the page. Another time line dates the current post.
    - A short title-like line before any body is the headline of the current post (for the
      first post it is also the article title); bylines likewise.
    - Inside the body, a short title-like line followed by a paragraph starts a new post with
      that headline (the sections of a daily round-up).

    Returns the posts that have body lines, the metadata lines (``metadata-...`` rules) and a
    dict with the article-level ``title``, ``byline``, ``source`` and ``times``.
    """
    posts = [Post()]
    meta: list[RemovedLine] = []
    info: dict[str, object] = {"title": "", "byline": "", "source": "", "times": []}
    times: list[str] = info["times"]  # type: ignore[assignment]

    def note(line: Line, rule: str) -> None:
        meta.append(RemovedLine(line.line_no, f"metadata-{rule}", line.raw))

    for i, line in enumerate(lines):
        text = line.text
        post = posts[-1]
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        byline = parse_byline(text)
        source = parse_source(text)
        if is_time_line(text):
            note(line, "time")
            times.append(text)
            if is_update_time(text):
                continue
            headline_follows = (
                is_title_like(following)
                and parse_byline(following) is None
                and not is_time_line(following)
            )
            empty = not (post.lines or post.headline or post.byline or post.published_time)
            if empty or not (post.lines or post.published_time or headline_follows):
                post.published_time = text  # dates the post it sits in
            else:
                posts.append(Post(published_time=text))  # the header of a new post
        elif byline is not None:
            note(line, "byline")
            if not post.lines and not post.byline:
                post.byline = byline
            if len(posts) == 1 and not info["byline"]:
                info["byline"] = byline
        elif source is not None:
            note(line, "source")
            info["source"] = info["source"] or source
        elif not post.lines and not post.headline and is_title_like(text):
            note(line, "headline")
            post.headline = text
            if len(posts) == 1:
                info["title"] = text
        elif (
            post.lines
            and is_title_like(text, MAX_SECTION_HEADLINE_WORDS)
            and following
            and _is_paragraph(following)
            and not is_time_line(following)
        ):
            note(line, "headline")
            posts.append(Post(headline=text))
        else:
            post.lines.append(line)
    return [p for p in posts if p.lines], meta, info


def assemble(posts: list[Post]) -> tuple[str, list[int]]:
    """Join the body lines of posts into the clean text (lines by ``\\n``, posts by a blank line).

    Sets each post's ``start``/``end``; returns the text and its raw-offset map. Separators map
    to the raw position just after the line before them.
    """
    parts: list[str] = []
    offsets: list[int] = []
    for n, post in enumerate(posts):
        if n:
            parts.append("\n\n")
            offsets.extend([offsets[-1] + 1] * 2)
        post.start = len(offsets)
        for k, line in enumerate(post.lines):
            if k:
                parts.append("\n")
                offsets.append(offsets[-1] + 1)
            text, local = normalise_typography(line.raw)
            parts.append(text)
            offsets.extend(line.start + o for o in local)
        post.end = len(offsets)
    return "".join(parts), offsets


def clean_article(raw_text: str) -> CleanArticle:
    """Clean one decoded raw article (see the module docstring for what comes out)."""
    kept, removed = drop_boilerplate(split_lines(raw_text))
    posts, meta, info = split_posts(kept)
    text, offsets = assemble(posts)
    return CleanArticle(
        clean_text=text,
        offsets=offsets,
        posts=posts,
        removed=sorted(removed + meta, key=lambda r: r.line_no),
        title=str(info["title"]),
        byline=str(info["byline"]),
        source=str(info["source"]),
        times=list(info["times"]),  # type: ignore[arg-type]
    )
