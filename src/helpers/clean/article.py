"""Posts and articles: metadata lines read out, body lines grouped into posts, the clean text.

:func:`clean_article` runs the whole cleaning of one article: boilerplate rules
(:mod:`helpers.clean.rules`), metadata lines (:mod:`helpers.clean.metadata_lines`), posts,
and the clean text with its map back to the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.clean.metadata_lines import (
    MAX_SECTION_HEADLINE_WORDS,
    is_paragraph,
    is_time_line,
    is_title_like,
    is_update_time,
    parse_byline,
    parse_source,
)
from helpers.clean.rules import drop_boilerplate
from helpers.clean.text import Line, RemovedLine, normalise, split_lines, typography_offsets


@dataclass
class Post:
    """One post: its headline, time and byline (each "" when absent) and its body lines."""

    headline: str = ""
    published_time: str = ""
    byline: str = ""
    lines: list[Line] = field(default_factory=list)
    start: int = 0  # span of the post body in the clean text
    end: int = 0


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
            and is_paragraph(following)
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
            parts.append(normalise(line.raw))
            offsets.extend(typography_offsets(line.raw, line.start))
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
