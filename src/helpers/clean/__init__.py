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
appeals, newsletter prompts, related-link lines, author boxes, skip links, weather widgets,
script residue, cookie banners, share bars), never a particular article.

The modules: ``text`` (typography and lines), ``rules`` (boilerplate rules),
``metadata_lines`` (headlines, bylines, times, sources) and ``article`` (posts and the whole
cleaning, :func:`clean_article`).

>>> art = clean_article("Physical Address\\nA headline here\\n\\nIt said “yes”.\\nLeave a Reply")
>>> art.clean_text
'It said "yes".'
>>> [(r.line_no, r.rule) for r in art.removed]
[(1, 'address-placeholder'), (2, 'metadata-headline'), (5, 'comment-form')]
"""

from __future__ import annotations

from helpers.clean.article import CleanArticle, Post, assemble, clean_article, split_posts
from helpers.clean.metadata_lines import (
    BYLINE,
    CLAUSE_END,
    CLOCK,
    DATE,
    DATE_PATTERN,
    FROM_BYLINE,
    MAX_HEADLINE_WORDS,
    MAX_SECTION_HEADLINE_WORDS,
    MONTH,
    NAME_CONNECTORS,
    SOURCE_LINE,
    TIME_LINE,
    ZONE,
    is_time_line,
    is_title_like,
    is_update_time,
    parse_byline,
    parse_source,
)
from helpers.clean.rules import (
    AUTHOR_BIO,
    BOILERPLATE_RULES,
    LineRule,
    boilerplate_rule,
    drop_boilerplate,
)
from helpers.clean.text import (
    INVISIBLE,
    TYPOGRAPHY,
    Line,
    RemovedLine,
    normalise,
    normalise_typography,
    split_lines,
)

__all__ = [
    "AUTHOR_BIO", "BOILERPLATE_RULES", "BYLINE", "CLAUSE_END", "CLOCK", "DATE", "DATE_PATTERN",
    "FROM_BYLINE", "INVISIBLE", "MAX_HEADLINE_WORDS", "MAX_SECTION_HEADLINE_WORDS", "MONTH",
    "NAME_CONNECTORS", "SOURCE_LINE", "TIME_LINE", "TYPOGRAPHY", "ZONE", "CleanArticle", "Line",
    "LineRule", "Post", "RemovedLine", "assemble", "boilerplate_rule", "clean_article",
    "drop_boilerplate", "is_time_line", "is_title_like", "is_update_time", "normalise",
    "normalise_typography", "parse_byline", "parse_source", "split_lines", "split_posts",
]  # fmt: skip
