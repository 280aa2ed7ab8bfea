"""What a reader hands on: one :class:`SourceArticle` per article found in a raw file.

A ``.txt`` file or a web page holds one article; an export holds one per row. Each keeps
its provenance (the file, the row, the reader), the text that the raw offsets of
``sentences.csv`` index, a map from each line of that text back to the line of the file it
came from, and the metadata the source states about itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

META_FIELDS = ("title", "published", "outlet", "author", "url", "language", "source_id")


@dataclass
class SourceArticle:
    """One article as its reader found it (refused ones included, with ``reason``).

    - ``file_name``: the file, relative to the raw folder; ``row``: the record number in an
      export (1-based; 0 for a file that is one article); ``reader``: txt, html, csv, jsonl,
      json or parquet.
    - ``text``: the article's source text (the file, the text a page's main content was
      extracted to, or the text cell of a row); ``line_map``: for each line of ``text``, the
      line of the file it came from (None when they are the same lines).
    - ``meta``: what the source states (:data:`META_FIELDS`, "" when it does not);
      ``outlet_from``: where ``meta["outlet"]`` came from (column, site_name).
    - ``sha256``: of the file's bytes, or of the row's text for a row of an export.
    """

    file_name: str
    reader: str
    row: int = 0
    text: str = ""
    line_map: list[int] | None = None
    meta: dict[str, str] = field(default_factory=dict)
    outlet_from: str = ""
    encoding: str = ""
    sha256: str = ""
    status: str = "ok"
    reason: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int]:
        """``(file_name, row)``: what a manifest row names."""
        return self.file_name, self.row

    @property
    def label(self) -> str:
        """How messages name the article: ``file`` or ``file row N``."""
        return f"{self.file_name} row {self.row}" if self.row else self.file_name

    def refuse(self, reason: str) -> SourceArticle:
        """Mark the article refused with ``reason`` (and drop its text); return it."""
        self.status, self.reason, self.text, self.line_map = "refused", reason, "", None
        return self

    def source_line(self, line_no: int) -> int:
        """The line of the file that line ``line_no`` (1-based) of ``text`` came from."""
        if self.line_map is None:
            return line_no
        if 1 <= line_no <= len(self.line_map):
            return self.line_map[line_no - 1]
        return 0
