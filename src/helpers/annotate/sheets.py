"""Annotation sheets: one CSV per article and annotator, filled in a spreadsheet, then added.

A sheet lists every sentence of one article, in order. In the pre-listed form each figure the
machine found has a row of its own with its reading filled in (``listed_by`` = machine): the
annotator corrects it, clears the surface of a row that is not a figure, and adds a row (a copy
of the sentence's row) for each figure the machine missed. In the blind form every sentence has
one empty row. The attribution columns are always left to the annotator.

:func:`make_template` builds a sheet; :func:`read_sheet` reads a filled one leniently (an empty
occurrence is 1, empty low and high are the value, an empty change is "=") into gold rows;
:func:`add_sheet` appends those rows to the gold files of an annotations folder, with the
article's sha256, so that gold matches the version of the article that was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.evaluate.gold import (
    ANNOTATED_COLUMNS,
    CLAIM_GOLD_COLUMNS,
    FIGURE_GOLD_COLUMNS,
    GoldFileError,
    GoldTable,
    Problem,
    csv_text,
    read_gold_csv,
    typed_gold,
)
from helpers.evaluate.matching import format_value, occurrence_at, text
from helpers.io import write_text

FIGURE_FIELDS = FIGURE_GOLD_COLUMNS[1:-1]  # surface ... kind
CLAIM_FIELDS = CLAIM_GOLD_COLUMNS[3:-1]  # source ... event
SHEET_COLUMNS = (
    "sentence_id",
    "sentence_text",
    "listed_by",
    *FIGURE_FIELDS,
    *CLAIM_FIELDS,
    "note",
    "article_id",
    "article_sha256",
    "annotator",
)
SHEET_REQUIRED = ("article_id", *FIGURE_FIELDS, *CLAIM_FIELDS)
MACHINE = "machine"
BOOL_TEXT = {True: "True", False: "False"}


@dataclass(frozen=True)
class Sheet:
    """A filled sheet as gold rows: ``rows`` (typed, one per figure, the gold columns),
    ``lines`` (file line of each), the article, its sha256, the annotator, and problems."""

    path: Path
    rows: pd.DataFrame
    lines: tuple[int, ...]
    article_id: str
    sha256: str
    annotator: str
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def make_template(
    article_id: str,
    sentences: pd.DataFrame,
    clean_text: str,
    sha256: str,
    figures: pd.DataFrame | None = None,
    annotator: str = "",
) -> pd.DataFrame:
    """The sheet of one article: every sentence, with the machine's ``figures`` pre-listed
    (rows of ``figures.csv`` for this article), or one empty row per sentence when ``figures``
    is None (blind annotation). All cells are text."""
    rows = []
    by_sentence = {} if figures is None else dict(list(figures.groupby("sentence_id")))
    base = {"article_id": article_id, "article_sha256": sha256, "annotator": annotator}
    for sentence in sentences.sort_values("start", kind="mergesort").itertuples(index=False):
        context = {"sentence_id": str(sentence.sentence_id), "sentence_text": sentence.text}
        found = by_sentence.get(sentence.sentence_id)
        if found is None or found.empty:
            rows.append({**context, **base})
            continue
        for figure in found.sort_values("start", kind="mergesort").itertuples(index=False):
            occurrence = occurrence_at(clean_text, figure.surface, int(figure.start)) or 1
            reading = {
                "listed_by": MACHINE,
                "surface": figure.surface,
                "occurrence": str(occurrence),
                "value": format_value(figure.value),
                "low": format_value(figure.low),
                "high": format_value(figure.high),
                "is_range": BOOL_TEXT[bool(figure.is_range)],
                "is_vague": BOOL_TEXT[bool(figure.is_vague)],
                "change": text(figure.change),
                "unit": text(figure.unit),
                "unit_normalized": text(figure.unit_normalized),
                "kind": text(figure.kind),
            }
            rows.append({**context, **reading, **base})
    blank = dict.fromkeys(SHEET_COLUMNS, "")
    return pd.DataFrame([{**blank, **row} for row in rows], columns=list(SHEET_COLUMNS), dtype=str)


def read_sheet(path: str | Path) -> Sheet:
    """Read a filled sheet into gold rows, leniently, with every problem located.

    Rows with an empty surface are sentences without a figure and are skipped (a warning when
    other cells of such a row are filled in). Empty cells get the obvious default: occurrence 1,
    low and high the value, is_range whether they differ, is_vague False, change "=".
    """
    table = read_gold_csv(path, SHEET_REQUIRED, optional=SHEET_COLUMNS)
    problems = list(table.problems)
    frame = table.frame
    keep, lines = [], []
    for (index, row), line in zip(frame.iterrows(), table.lines, strict=True):
        if text(row["surface"]):
            keep.append(index)
            lines.append(line)
        elif any(text(row[c]) for c in (*FIGURE_FIELDS[2:], *CLAIM_FIELDS)):
            if text(row.get("listed_by", "")) != MACHINE:
                message = "empty, so the row is skipped although other cells are filled"
                problems.append(Problem(table.name, line, "surface", message, "warning"))
    rows = _fill_defaults(frame.loc[keep].reset_index(drop=True))
    filled = GoldTable(table.path, table.name, rows, tuple(lines), ())
    typed, typing = typed_gold(filled)
    problems += typing
    articles = sorted({a for a in frame.get("article_id", pd.Series(dtype=str)) if a})
    if len(articles) > 1:
        message = f"a sheet holds one article; this one has {len(articles)}: {', '.join(articles)}"
        problems.append(Problem(table.name, 0, "article_id", message))
    return Sheet(
        path=Path(path),
        rows=typed,
        lines=tuple(lines),
        article_id=articles[0] if articles else "",
        sha256=_first(frame, "article_sha256"),
        annotator=_first(frame, "annotator"),
        problems=tuple(problems),
    )


def _fill_defaults(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    for index, row in rows.iterrows():
        if not row["occurrence"]:
            rows.at[index, "occurrence"] = "1"
        for bound in ("low", "high"):
            if not row[bound]:
                rows.at[index, bound] = row["value"]
        if not row["is_range"]:
            low, high = rows.at[index, "low"], rows.at[index, "high"]
            rows.at[index, "is_range"] = BOOL_TEXT[_number(low) != _number(high)]
        if not row["is_vague"]:
            rows.at[index, "is_vague"] = "False"
        if not row["change"]:
            rows.at[index, "change"] = "="
    for column in ("note",):
        if column not in rows.columns:
            rows[column] = ""
    return rows


def add_sheet(sheet: Sheet, annotations_dir: str | Path, replace: bool = False) -> tuple[int, str]:
    """Append a checked sheet's rows to the gold files of ``annotations_dir``.

    Writes the figure and claim rows and the article's row in ``annotated_articles.csv``
    (annotator and sha256 from the sheet). Refuses an article that already has gold unless
    ``replace``, which first drops its old rows. Returns (rows added, a sentence saying so).
    """
    if sheet.errors:
        raise GoldFileError(sheet.errors)
    folder = Path(annotations_dir)
    tables = {}
    for name, columns in (
        (paths.FIGURES_GOLD_CSV, FIGURE_GOLD_COLUMNS),
        (paths.CLAIMS_GOLD_CSV, CLAIM_GOLD_COLUMNS),
        (paths.ANNOTATED_ARTICLES_CSV, ANNOTATED_COLUMNS),
    ):
        path = folder / name
        required = ("article_id",) if name == paths.ANNOTATED_ARTICLES_CSV else columns
        table = read_gold_csv(path, required, optional=columns)
        if path.exists() and table.errors:
            raise GoldFileError(table.errors)
        frame = table.frame.copy()
        for column in columns:
            if column not in frame.columns:
                frame[column] = ""
        tables[name] = frame[list(columns)]
    article = sheet.article_id
    present = any(article in set(f["article_id"]) for f in tables.values())
    if present and not replace:
        raise ValueError(
            f"{article} already has gold in {folder}: pass --replace (REPLACE=1) to replace it"
        )
    rows = _gold_text(sheet.rows)
    new = {
        paths.FIGURES_GOLD_CSV: rows[list(FIGURE_GOLD_COLUMNS)],
        paths.CLAIMS_GOLD_CSV: rows[list(CLAIM_GOLD_COLUMNS)],
        paths.ANNOTATED_ARTICLES_CSV: pd.DataFrame(
            [[article, sheet.annotator, sheet.sha256, ""]], columns=list(ANNOTATED_COLUMNS)
        ),
    }
    for name, frame in tables.items():
        kept = frame[frame["article_id"] != article]
        write_text(folder / name, csv_text(pd.concat([kept, new[name]], ignore_index=True)))
    verb = "replaced" if present else "added"
    return len(rows), f"{verb} {len(rows)} gold figures of {article} in {folder}"


def _gold_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Typed gold rows back to the text the gold files hold (4500000, True, '')."""
    out = rows.copy()
    for column in ("value", "low", "high"):
        out[column] = out[column].map(format_value)
    out["occurrence"] = out["occurrence"].map(lambda v: str(int(v)))
    for column in ("is_range", "is_vague"):
        out[column] = out[column].map(lambda v: BOOL_TEXT[bool(v)])
    return out.fillna("").astype(str)


def _first(frame: pd.DataFrame, column: str) -> str:
    if column not in frame.columns:
        return ""
    return next((text(v) for v in frame[column] if text(v)), "")


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None
