"""Validate the gold files of an annotations folder against a corpus and a study.

:func:`check_annotations` reads ``annotated_articles.csv``, ``figures_gold.csv`` and
``claims_gold.csv`` and returns every :class:`~helpers.evaluate.gold.Problem` it finds: broken
CSV rows, cells that are not numbers or booleans, labels outside the guide's or the study's
vocabulary, surfaces that are not in the clean text, a figure without its claim row (or the
reverse), duplicate keys, articles missing from the corpus, and articles whose raw file changed
since they were annotated (gold matches an article by id AND sha256). ``make check-annotations``
prints them and fails when there is an error. A folder with no gold files is fine: a corpus may
have no annotations.
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.annotate.rows import claim_problems, figure_problems
from helpers.annotate.sheets import Sheet
from helpers.annotate.vocab import Vocabulary
from helpers.evaluate.gold import (
    ANNOTATED_COLUMNS,
    CLAIM_GOLD_COLUMNS,
    FIGURE_GOLD_COLUMNS,
    GOLD_KEYS,
    Problem,
    read_gold_csv,
    typed_gold,
)
from helpers.evaluate.matching import text

SHA256 = re.compile(r"^[0-9a-f]{64}$")  # 64 lower-case hex digits


@dataclass(frozen=True)
class CheckResult:
    """What :func:`check_annotations` found and how much it looked at."""

    problems: tuple[Problem, ...]
    n_articles: int  # rows of annotated_articles.csv
    n_checked: int  # of those, in the corpus and unchanged: checked against their text
    n_figures: int  # rows of figures_gold.csv

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


def check_annotations(
    annotations_dir: str | Path,
    articles: pd.DataFrame,
    clean_texts: dict[str, str],
    vocab: Vocabulary,
    shown_dir: str | None = None,
) -> CheckResult:
    """Every problem of the gold files in ``annotations_dir``, in file and line order.

    ``articles`` (article_id, status, sha256) and ``clean_texts`` describe the corpus the gold
    is checked against; ``vocab`` holds the study's labels. ``shown_dir`` is how the folder is
    named in messages (default: as given).
    """
    folder = Path(annotations_dir)
    shown = shown_dir or str(annotations_dir)
    names = (paths.ANNOTATED_ARTICLES_CSV, paths.FIGURES_GOLD_CSV, paths.CLAIMS_GOLD_CSV)
    if not any((folder / n).exists() for n in names):
        return CheckResult((), 0, 0, 0)
    listed = read_gold_csv(
        folder / names[0], ("article_id",), f"{shown}/{names[0]}", ANNOTATED_COLUMNS
    )
    figures = read_gold_csv(folder / names[1], FIGURE_GOLD_COLUMNS, f"{shown}/{names[1]}")
    claims = read_gold_csv(folder / names[2], CLAIM_GOLD_COLUMNS, f"{shown}/{names[2]}")
    problems = [*listed.problems, *figures.problems, *claims.problems]
    checked, article_problems = _check_listed(listed.frame, listed.lines, listed.name, articles)
    problems += article_problems
    texts = {a: clean_texts[a] for a in checked if a in clean_texts}
    known = set(listed.frame["article_id"]) if "article_id" in listed.frame else set()

    figure_frame, typing = typed_gold(figures)
    problems += typing
    for (_, row), line in zip(figure_frame.iterrows(), figures.lines, strict=True):
        if text(row["article_id"]) not in known and listed.lines:
            problems.append(_unlisted(figures.name, line, row["article_id"], listed.name))
        problems += figure_problems(row, line, figures.name, texts)
    claim_frame, typing = typed_gold(claims)
    problems += typing
    for (_, row), line in zip(claim_frame.iterrows(), claims.lines, strict=True):
        in_corpus = text(row["article_id"]) in texts
        problems += claim_problems(row, line, claims.name, texts, vocab if in_corpus else None)
    problems += _key_problems(figure_frame, figures.lines, figures.name, "figures")
    problems += _key_problems(claim_frame, claims.lines, claims.name, "claims")
    problems += _pairing_problems(figure_frame, figures, claim_frame, claims)
    order = {name: i for i, name in enumerate((listed.name, figures.name, claims.name))}
    # rows that could not be read first: other problems may only follow from them
    problems.sort(key=lambda p: (bool(p.column) or p.line == 0, order.get(p.file, 9), p.line))
    return CheckResult(tuple(problems), len(listed.frame), len(texts), len(figure_frame))


def _check_listed(
    frame: pd.DataFrame, lines: tuple[int, ...], name: str, articles: pd.DataFrame
) -> tuple[list[str], list[Problem]]:
    """The annotated articles that can be checked against their text, and the problems."""
    corpus = {r.article_id: r for r in articles.itertuples(index=False)}
    problems: list[Problem] = []
    checked: list[str] = []
    first_line: dict[str, int] = {}
    has_sha = "sha256" in frame.columns
    if not has_sha and len(frame):
        problems.append(
            Problem(name, 1, "sha256", "missing: add the column so gold matches its article "
                    "version (the values are printed below)", "warning")
        )  # fmt: skip
    for (_, row), line in zip(frame.iterrows(), lines, strict=True):
        article = text(row["article_id"])
        recorded = text(row["sha256"]).lower() if has_sha else ""

        def add(column: str, message: str, severity: str = "error", line: int = line) -> None:
            problems.append(Problem(name, line, column, message, severity))

        if not article:
            add("article_id", "empty")
            continue
        if article in first_line:
            add("article_id", f"{article!r} is listed twice (first on line {first_line[article]})")
            continue
        first_line[article] = line
        found = corpus.get(article)
        if recorded and not SHA256.match(recorded):
            add("sha256", f"{recorded!r} is not a sha256 (64 hex digits)")
        if found is None:
            add("article_id", f"{article!r} is not in this corpus: its gold is checked for form "
                "only", "warning")  # fmt: skip
            continue
        if text(found.status) != "ok":
            add("article_id", f"{article!r} was refused when the corpus was read: "
                f"{text(getattr(found, 'reason', ''))}")  # fmt: skip
            continue
        current = text(found.sha256).lower()
        if not recorded:
            add("sha256", f"empty: write {current} (the sha256 of the article annotated)",
                "warning")  # fmt: skip
        elif SHA256.match(recorded) and recorded != current:
            add("sha256", f"{article!r} changed since it was annotated (now {current}): reread "
                "its gold against the new text, fix it, then write the new sha256")  # fmt: skip
            continue
        checked.append(article)
    return checked, problems


def _unlisted(name: str, line: int, article: object, listed_name: str) -> Problem:
    return Problem(
        name, line, "article_id", f"{text(article)!r} is not listed in {Path(listed_name).name}"
    )


def _key_problems(
    frame: pd.DataFrame, lines: tuple[int, ...], name: str, what: str
) -> list[Problem]:
    """Two rows with the same (article_id, surface, occurrence)."""
    problems = []
    first: dict[tuple, int] = {}
    for key, line in zip(_keys(frame), lines, strict=True):
        if key is None:
            continue
        if key in first:
            problems.append(
                Problem(name, line, "occurrence", f"the same {what} gold key as line "
                        f"{first[key]}: a second occurrence of {key[1]!r} needs occurrence 2")
            )  # fmt: skip
        else:
            first[key] = line
    return problems


def _pairing_problems(figure_frame, figures, claim_frame, claims) -> list[Problem]:
    """Every figure has its claim row and every claim row its figure (same three keys)."""
    figure_keys = dict(zip(_keys(figure_frame), figures.lines, strict=True))
    claim_keys = dict(zip(_keys(claim_frame), claims.lines, strict=True))
    problems = []
    for keys, other, table, other_table in (
        (figure_keys, claim_keys, figures, claims),
        (claim_keys, figure_keys, claims, figures),
    ):
        other_name = Path(other_table.name).name
        broken = any(p.line > 1 and not p.column for p in other_table.errors)
        hint = f" ({other_name} has rows that could not be read: fix those first)" if broken else ""
        for key, line in keys.items():
            if key is not None and key not in other:
                message = (
                    f"{key[1]!r} (occurrence {key[2]}) has no row in {other_name} with the same "
                    f"article_id, surface and occurrence{hint}"
                )
                problems.append(Problem(table.name, line, "surface", message))
    return problems


def _keys(frame: pd.DataFrame) -> list[tuple | None]:
    keys: list[tuple | None] = []
    for row in frame[list(GOLD_KEYS)].itertuples(index=False):
        occurrence = row.occurrence
        ok = isinstance(occurrence, numbers.Real) and occurrence == occurrence
        keys.append((row.article_id, row.surface, int(occurrence)) if ok else None)
    return keys


def check_sheet(
    sheet: Sheet, articles: pd.DataFrame, clean_texts: dict[str, str], vocab: Vocabulary
) -> list[Problem]:
    """Every problem of a filled sheet: its own, each row's, duplicate keys, and whether the
    article is in the corpus in the version the sheet was made from."""
    problems = list(sheet.problems)
    name = str(sheet.path)
    found = articles[articles["article_id"] == sheet.article_id]
    texts: dict[str, str] = {}
    if not sheet.article_id:
        problems.append(Problem(name, 0, "article_id", "empty: the sheet names no article"))
    elif found.empty or text(found.iloc[0]["status"]) != "ok":
        problems.append(
            Problem(name, 0, "article_id", f"{sheet.article_id!r} is not an article of the corpus")
        )
    elif sheet.sha256 and sheet.sha256 != text(found.iloc[0]["sha256"]):
        problems.append(
            Problem(name, 0, "article_sha256", "the article changed since this sheet was made: "
                    "check each row against the new text, then update article_sha256")
        )  # fmt: skip
    else:
        texts = {sheet.article_id: clean_texts[sheet.article_id]}
    for (_, row), line in zip(sheet.rows.iterrows(), sheet.lines, strict=True):
        problems += figure_problems(row, line, name, texts)
        problems += claim_problems(row, line, name, texts, vocab if texts else None)
    problems += _key_problems(sheet.rows, sheet.lines, name, "sheet")
    return sorted(problems, key=lambda p: p.line)
