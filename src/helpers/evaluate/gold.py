"""Read the hand-made gold files, strictly, and say exactly where one is broken.

The gold standard (``docs/annotation-guide.md``) is three CSV files in an annotations folder:
``figures_gold.csv`` (one row per figure), ``claims_gold.csv`` (its attribution) and
``annotated_articles.csv`` (which articles the gold covers, by id and sha256, and who annotated
them). This module reads them with the ``csv`` module rather than pandas, so that a row with an
unquoted comma or a cell that is not a number becomes a :class:`Problem` naming the file, the
line and the column instead of a traceback; :func:`load_gold` and
:func:`read_annotated_articles` raise :class:`GoldFileError` listing those problems.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.io import require_columns

FIGURE_GOLD_COLUMNS = (
    "article_id",
    "surface",
    "occurrence",
    "value",
    "low",
    "high",
    "is_range",
    "is_vague",
    "change",
    "unit",
    "unit_normalized",
    "kind",
    "note",
)
CLAIM_GOLD_COLUMNS = (
    "article_id",
    "surface",
    "occurrence",
    "source",
    "source_canonical",
    "source_type",
    "via",
    "stance",
    "topic",
    "event",
    "note",
)
# annotated_articles.csv: sha256 (of the raw file) and annotator may be empty; note is free text.
ANNOTATED_COLUMNS = ("article_id", "annotator", "sha256", "note")
GOLD_KEYS = ("article_id", "surface", "occurrence")
INT_COLUMNS = frozenset({"occurrence"})
FLOAT_COLUMNS = frozenset({"value", "low", "high"})
BOOL_COLUMNS = frozenset({"is_range", "is_vague"})
TRUE_WORDS = frozenset({"true", "yes", "y", "1"})
FALSE_WORDS = frozenset({"false", "no", "n", "0"})
MAX_SHOWN = 10  # problems listed in an error message before "... and N more"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) in an annotation file, located for the person fixing it.

    ``line`` is the line number in the file (1 is the header; 0 when the problem is the whole
    file); ``column`` may be "". ``str()`` reads like a compiler message:
    ``data/annotations/figures_gold.csv:7: column 'value': 'abc' is not a number``.
    """

    file: str
    line: int
    column: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        column = f" column '{self.column}':" if self.column else ""
        label = "" if self.severity == "error" else " warning:"
        return f"{where}:{label}{column} {self.message}"


class GoldFileError(ValueError):
    """Gold files that cannot be used; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:MAX_SHOWN])
        more = f"\n... and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
        hint = "\n(run `make check-annotations` for the full list; see docs/annotation-guide.md)"
        super().__init__(shown + more + hint)


@dataclass(frozen=True)
class GoldTable:
    """One gold CSV as read: every cell as stripped text, the file line of each row, problems."""

    path: Path
    name: str  # the file as named in messages
    frame: pd.DataFrame
    lines: tuple[int, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_gold_csv(
    path: str | Path,
    columns: Iterable[str],
    shown: str | None = None,
    optional: Iterable[str] = (),
) -> GoldTable:
    """Read a gold CSV as text cells, checking its shape row by row.

    A missing required column (``columns``) or a row with more or fewer cells than the header
    (an unquoted comma, a stray quote) is a :class:`Problem` with the line number; such rows
    are left out of ``frame``, and blank lines are skipped. Columns that are neither required
    nor ``optional`` are kept, with a warning. ``shown`` is the file name used in messages
    (default: ``path``).
    """
    path = Path(path)
    name = shown or str(path)
    columns = tuple(columns)
    known = {*columns, *optional}
    empty = pd.DataFrame(columns=list(columns), dtype=str)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return GoldTable(path, name, empty, (), (Problem(name, 0, "", "file not found"),))
    except (OSError, UnicodeDecodeError) as error:
        return GoldTable(path, name, empty, (), (Problem(name, 0, "", f"cannot be read: {error}"),))
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    problems: list[Problem] = []
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return GoldTable(path, name, empty, (), (Problem(name, 1, "", "the file is empty"),))
    except csv.Error as error:
        return GoldTable(path, name, empty, (), (Problem(name, 1, "", f"bad header: {error}"),))
    missing = [c for c in columns if c not in header]
    for column in missing:
        problems.append(Problem(name, 1, column, "missing from the header"))
    for column in header:
        if column not in known:
            problems.append(Problem(name, 1, column, "not a column of this file", "warning"))
    if missing:
        return GoldTable(path, name, empty, (), tuple(problems))
    rows: list[list[str]] = []
    lines: list[int] = []
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(name, reader.line_num, "", f"not valid CSV: {error}"))
            break
        first, line = line + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(Problem(name, first, "", _cell_count(len(cells), len(header))))
            continue
        rows.append([c.strip() for c in cells])
        lines.append(first)
    frame = pd.DataFrame(rows, columns=header, dtype=str) if rows else empty
    return GoldTable(path, name, frame, tuple(lines), tuple(problems))


def _cell_count(found: int, expected: int) -> str:
    if found > expected:
        return (
            f"{found} cells where the header has {expected}: a cell with a comma in it "
            'needs double quotes around it ("about 1,000 homes")'
        )
    return f"{found} cells where the header has {expected}: a cell is missing"


def typed_gold(table: GoldTable) -> tuple[pd.DataFrame, list[Problem]]:
    """The gold table with numbers, integers and booleans parsed; a cell that does not parse is
    a Problem (its row is kept with a missing value)."""
    frame = table.frame.copy()
    name = table.name
    problems: list[Problem] = []
    for column in frame.columns:
        if column not in INT_COLUMNS | FLOAT_COLUMNS | BOOL_COLUMNS:
            continue
        parsed = []
        for cell, line in zip(frame[column], table.lines, strict=True):
            value, message = parse_cell(column, cell)
            if message:
                problems.append(Problem(name, line, column, message))
            parsed.append(value)
        frame[column] = pd.Series(parsed, index=frame.index, dtype=_dtype(column, parsed))
    return frame, problems


def parse_cell(column: str, cell: str) -> tuple[object, str]:
    """Parse one text cell of ``column``; returns (value, "") or (missing, what is wrong)."""
    cell = cell.strip()
    if column in BOOL_COLUMNS:
        word = cell.casefold()
        if word in TRUE_WORDS:
            return True, ""
        if word in FALSE_WORDS:
            return False, ""
        return None, f"{cell!r} is not True or False" if cell else "empty: write True or False"
    if not cell:
        return math.nan, "empty: write a number"
    try:
        number = float(cell)
    except ValueError:
        hint = " (write 1000, not 1,000)" if "," in cell else ""
        return math.nan, f"{cell!r} is not a number{hint}"
    if not math.isfinite(number):
        return math.nan, f"{cell!r} is not a finite number"
    if column in INT_COLUMNS:
        if not number.is_integer() or number < 1:
            return math.nan, f"{cell!r} is not a whole number of 1 or more"
        return int(number), ""
    return number, ""


def _dtype(column: str, values: list) -> str:
    if column in BOOL_COLUMNS:
        return "bool" if all(isinstance(v, bool) for v in values) else "object"
    if column in INT_COLUMNS:
        return "int64" if all(isinstance(v, int) for v in values) else "float64"
    return "float64"


def load_gold(annotations_dir: str | Path = paths.ANNOTATIONS_DIR) -> pd.DataFrame:
    """Read both gold files from ``annotations_dir`` and return them merged (:func:`merge_gold`).

    Text cells that may be empty (unit, source, via, note ...) come back as "". Raises
    :class:`GoldFileError` naming file, line and column when a file is missing or broken.
    """
    folder = Path(annotations_dir)
    frames = []
    problems: list[Problem] = []
    for name, columns in (
        (paths.FIGURES_GOLD_CSV, FIGURE_GOLD_COLUMNS),
        (paths.CLAIMS_GOLD_CSV, CLAIM_GOLD_COLUMNS),
    ):
        table = read_gold_csv(folder / name, columns)
        frame, typing_problems = typed_gold(table)
        problems += table.errors + typing_problems
        frames.append(frame)
    if problems:
        raise GoldFileError(problems)
    return merge_gold(*frames)


def merge_gold(figures_gold: pd.DataFrame, claims_gold: pd.DataFrame) -> pd.DataFrame:
    """Join the claims gold to the figures gold on (article_id, surface, occurrence).

    Raises ValueError when a key is in one file and not the other.
    """
    require_columns(figures_gold, FIGURE_GOLD_COLUMNS, "figures gold")
    require_columns(claims_gold, CLAIM_GOLD_COLUMNS, "claims gold")
    keys = list(GOLD_KEYS)
    for one, other, side in (
        (figures_gold, claims_gold, "figures"),
        (claims_gold, figures_gold, "claims"),
    ):
        lonely = one.merge(other[keys], on=keys, how="left", indicator=True)
        lonely = lonely[lonely["_merge"] == "left_only"]
        if len(lonely):
            first = lonely.iloc[0]
            raise ValueError(
                f"gold figure {first['surface']!r} in article {first['article_id']!r} "
                f"(occurrence {first['occurrence']}) is only in the {side} gold"
            )
    # a left join keeps the figures gold's row order
    merged = figures_gold.merge(claims_gold, on=keys, how="left", suffixes=("", "_claim"))
    for column in ("unit", "unit_normalized", "source", "source_canonical", "via", "note"):
        if column in merged.columns:
            merged[column] = merged[column].map(lambda v: "" if _missing(v) else str(v))
    return merged


def read_annotated_articles(annotations_dir: str | Path = paths.ANNOTATIONS_DIR) -> pd.DataFrame:
    """The rows of ``annotated_articles.csv`` (article_id, annotator, sha256, note), as text.

    A folder without the file gives an empty table: a corpus with no gold is allowed. A broken
    file raises :class:`GoldFileError`. Older files without the sha256 or annotator column
    read with those cells empty.
    """
    path = Path(annotations_dir) / paths.ANNOTATED_ARTICLES_CSV
    if not path.exists():
        return pd.DataFrame(columns=list(ANNOTATED_COLUMNS), dtype=str)
    table = read_gold_csv(path, ("article_id",), optional=ANNOTATED_COLUMNS)
    if table.errors:
        raise GoldFileError(table.errors)
    frame = table.frame.copy()
    for column in ANNOTATED_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[frame["article_id"] != ""]
    return frame[list(ANNOTATED_COLUMNS)].reset_index(drop=True)


def load_annotated_articles(annotations_dir: str | Path = paths.ANNOTATIONS_DIR) -> list[str]:
    """Ids of the articles the gold covers, from ``annotated_articles.csv``, in file order.

    An annotated article with no figures is listed there, so that anything the extractor
    finds in it counts as a false alarm rather than going unscored. Raises FileNotFoundError
    when the file is missing.
    """
    path = Path(annotations_dir) / paths.ANNOTATED_ARTICLES_CSV
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: list the annotated article ids there (docs/annotation-guide.md)"
        )
    return list(read_annotated_articles(annotations_dir)["article_id"])


def select_articles(frame: pd.DataFrame, articles: Iterable[str]) -> pd.DataFrame:
    """Rows of ``frame`` whose ``article_id`` is in ``articles``, index reset."""
    keep = set(articles)
    return frame[frame["article_id"].isin(keep)].reset_index(drop=True)


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text: header, cells quoted only when needed, ``\\n`` line endings."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
