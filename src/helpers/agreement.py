"""Agreement between two annotators of the same article: the figures they found and their labels.

Two filled annotation sheets of one article (``make annotate``) are compared:

- **figures**: a figure of A and one of B are the same figure when their spans in the clean
  text overlap (each pairs at most once, largest overlap first). Figure-level F1 between them is
  ``2 * both / (figures of A + figures of B)``; it is also given with the value required to
  agree, which is how the machine is scored;
- **labels** of the figures both found: Cohen's kappa on source type, stance, topic and event,
  computed by ``statsmodels.stats.inter_rater.cohens_kappa`` (agreement corrected for the
  agreement two annotators would reach by chance with the same label frequencies); percent
  agreement for the open fields (value, unit, change, source);
- a **disagreement table**, in text order, to discuss in class.

``python -m helpers.agreement A.csv B.csv`` (``make agreement A=... B=...``) prints all three.
"""

from __future__ import annotations

import argparse
import math
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from statsmodels.stats.inter_rater import cohens_kappa, to_table

from helpers import paths
from helpers.annotate.sheets import Sheet, read_sheet
from helpers.annotate.vocab import default_study
from helpers.corpus import collect_corpus
from helpers.evaluate.gold import Problem
from helpers.evaluate.matching import (
    find_surface,
    format_value,
    match,
    same_field,
    sentence_around,
    text,
    values_agree,
)
from helpers.io import write_table
from helpers.study import StudyError, load_study

KAPPA_FIELDS = ("source_type", "stance", "topic", "event")
PERCENT_FIELDS = ("value", "unit_normalized", "change", "source_canonical")
COMPARED = ("surface", *PERCENT_FIELDS, *KAPPA_FIELDS)
NOT_ANNOTATED = "(not annotated)"
LABEL_COLUMNS = ("field", "compared", "agree", "percent", "kappa", "note")
DISAGREEMENT_COLUMNS = ("start", "figure", "field", "a", "b", "sentence_text")


@dataclass(frozen=True)
class Agreement:
    """What :func:`compare` found; ``names`` are the two annotators (A first)."""

    article_id: str
    names: tuple[str, str]
    n_a: int
    n_b: int
    n_both: int  # figures paired by overlapping spans
    n_same_value: int  # of those, with the same value (both bounds of a range)
    labels: pd.DataFrame  # LABEL_COLUMNS, one row per compared field
    disagreements: pd.DataFrame  # DISAGREEMENT_COLUMNS, in text order

    @property
    def f1(self) -> float:
        """Figure-level F1 between the two: the same figure (overlapping spans)."""
        return _f1(self.n_both, self.n_a + self.n_b)

    @property
    def f1_value(self) -> float:
        """F1 when the value must agree too (as the machine is scored)."""
        return _f1(self.n_same_value, self.n_a + self.n_b)


def kappa(labels_a: list[str], labels_b: list[str]) -> float:
    """Cohen's kappa of two annotators' labels of the same items (statsmodels); NaN when it is
    undefined because every item has one and the same label.

    >>> round(kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"]), 3)
    0.5
    """
    if len(labels_a) != len(labels_b):
        raise ValueError("both annotators must label the same items")
    categories = sorted(set(labels_a) | set(labels_b))
    if len(categories) < 2:
        return math.nan
    code = {c: i for i, c in enumerate(categories)}
    data = np.array([[code[a], code[b]] for a, b in zip(labels_a, labels_b, strict=True)])
    table, _ = to_table(data, bins=len(categories))
    with warnings.catch_warnings():
        # statsmodels also computes a z statistic, which divides by zero when kappa is 0
        warnings.simplefilter("ignore", RuntimeWarning)
        return float(cohens_kappa(table).kappa)


def compare(a: pd.DataFrame, b: pd.DataFrame, clean_text: str, names=("A", "B")) -> Agreement:
    """Compare two annotators' gold rows of one article (typed, as :func:`read_sheet` gives,
    every surface located in ``clean_text``)."""
    article = text(a["article_id"].iloc[0]) if len(a) else text(b["article_id"].iloc[0])
    texts = {article: clean_text}
    located = [_locate(frame, texts) for frame in (a, b)]
    pairs = match(*located, keep=(*COMPARED, "is_range"), need_value=False)
    same_value = sum(_values_agree(p) for _, p in pairs.iterrows())
    labels = [_label_row(field, pairs) for field in (*PERCENT_FIELDS, *KAPPA_FIELDS)]
    return Agreement(
        article_id=article,
        names=(str(names[0]), str(names[1])),
        n_a=len(a),
        n_b=len(b),
        n_both=len(pairs),
        n_same_value=same_value,
        labels=pd.DataFrame(labels, columns=list(LABEL_COLUMNS)),
        disagreements=_disagreements(located, pairs, clean_text),
    )


def _locate(frame: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    spans = [
        find_surface(texts[text(r.article_id)], text(r.surface), int(r.occurrence))
        for r in frame.itertuples(index=False)
    ]
    if any(span is None for span in spans):
        missing = [text(s) for s, span in zip(frame["surface"], spans, strict=True) if not span]
        raise ValueError(f"not in the article's clean text: {', '.join(map(repr, missing))}")
    located = frame.copy()
    located["start"] = [s for s, _ in spans]  # type: ignore[misc]
    located["end"] = [e for _, e in spans]  # type: ignore[misc]
    return located


def _values_agree(pair: pd.Series) -> bool:
    gold = {k: pair[f"gold_{k}"] for k in ("value", "low", "high", "is_range")}
    pred = {k: pair[f"pred_{k}"] for k in ("value", "low", "high", "is_range")}
    return values_agree(pd.Series(gold), pd.Series(pred))


def _label_row(field: str, pairs: pd.DataFrame) -> dict:
    if field == "value":
        agree = [_values_agree(p) for _, p in pairs.iterrows()]
    else:
        cells = zip(pairs[f"gold_{field}"], pairs[f"pred_{field}"], strict=True)
        agree = [same_field(field, g, p) for g, p in cells]
    n = len(pairs)
    row = {"field": field, "compared": n, "agree": sum(agree), "percent": _share(sum(agree), n)}
    row.update(kappa=math.nan, note="percent agreement only (open field)")
    if field in KAPPA_FIELDS:
        a = [text(v).casefold() for v in pairs[f"gold_{field}"]]
        b = [text(v).casefold() for v in pairs[f"pred_{field}"]]
        value = kappa(a, b) if n else math.nan
        row["kappa"] = value
        row["note"] = "Cohen's kappa" if not math.isnan(value) else "kappa undefined: one label"
        if n == 0:
            row["note"] = "no figure annotated by both"
    return row


def _disagreements(located: list[pd.DataFrame], pairs: pd.DataFrame, body: str) -> pd.DataFrame:
    rows = []
    a, b = located
    for side, frame, used in (("a", a, set(pairs["gold_row"])), ("b", b, set(pairs["pred_row"]))):
        for index, row in frame.iterrows():
            if index in used:
                continue
            cells = {"a": NOT_ANNOTATED, "b": NOT_ANNOTATED, side: text(row["surface"])}
            sentence = sentence_around(body, int(row["start"]), int(row["end"]))
            rows.append({"start": int(row["start"]), "figure": text(row["surface"]),
                         "field": "figure", **cells, "sentence_text": sentence})  # fmt: skip
    for _, pair in pairs.iterrows():
        start = min(int(pair["gold_start"]), int(pair["pred_start"]))
        sentence = sentence_around(body, start, start + 1)
        for field in COMPARED:
            ga, gb = pair[f"gold_{field}"], pair[f"pred_{field}"]
            same = _values_agree(pair) if field == "value" else same_field(field, ga, gb)
            if field == "surface":
                same = text(ga) == text(gb)
            if not same:
                shown = (_shown_value(pair, "gold"), _shown_value(pair, "pred"))
                cells = shown if field == "value" else (text(ga), text(gb))
                rows.append({"start": start, "figure": text(pair["gold_surface"]),
                             "field": field, "a": cells[0], "b": cells[1],
                             "sentence_text": sentence})  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(DISAGREEMENT_COLUMNS))
    return frame.sort_values("start", kind="mergesort").reset_index(drop=True)


def _shown_value(pair: pd.Series, side: str) -> str:
    low, high = format_value(pair[f"{side}_low"]), format_value(pair[f"{side}_high"])
    return f"{low}-{high}" if low != high else format_value(pair[f"{side}_value"])


def _f1(both: int, total: int) -> float:
    return 2 * both / total if total else math.nan


def _share(part: int, whole: int) -> float:
    return part / whole if whole else math.nan


def report(result: Agreement) -> str:
    """The agreement as text for the terminal: counts, F1, the label table, the disagreements."""
    a, b = result.names
    lines = [
        f"Agreement on article {result.article_id}: A = {a}, B = {b}",
        f"Figures: A annotated {result.n_a}, B {result.n_b}; {result.n_both} are the same "
        f"figure (overlapping spans): F1 {result.f1:.2f}.",
        f"With the value required to agree too (as the machine is scored): "
        f"{result.n_same_value} of them, F1 {result.f1_value:.2f}.",
        "",
        f"Labels of the {result.n_both} figures both annotated:",
        result.labels.to_string(index=False, float_format=lambda x: f"{x:.2f}", na_rep="-"),
        "",
    ]
    n = len(result.disagreements)
    if n == 0:
        lines.append("No disagreements.")
    else:
        lines.append(f"Disagreements to discuss ({n}), in text order:")
        shown = result.disagreements.drop(columns="start")
        lines.append(shown.to_string(index=False, max_colwidth=60))
    return "\n".join(lines)


def load_pair(path_a: str | Path, path_b: str | Path) -> tuple[Sheet, Sheet, list[Problem]]:
    """Read two sheets of the same article; raises ValueError when they name different ones."""
    sheets = [read_sheet(path_a), read_sheet(path_b)]
    problems = [p for s in sheets for p in s.problems]
    if sheets[0].article_id != sheets[1].article_id:
        raise ValueError(
            f"the two sheets are of different articles: {sheets[0].article_id!r} "
            f"({path_a}) and {sheets[1].article_id!r} ({path_b})"
        )
    return sheets[0], sheets[1], problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.agreement", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("a", help="annotation sheet of annotator A")
    parser.add_argument("b", help="annotation sheet of annotator B (same article)")
    parser.add_argument("--raw", default=str(paths.RAW_DIR), help="folder holding the article")
    parser.add_argument("--study", default="", help="study name or path (default: by corpus)")
    parser.add_argument("--out", default="", help="also write the disagreements to this CSV")
    args = parser.parse_args(argv)
    try:
        if not args.a or not args.b:
            raise ValueError(
                "give two sheets of the same article: make agreement A=<sheet> B=<sheet>"
            )
        sheet_a, sheet_b, problems = load_pair(args.a, args.b)
        for problem in problems:
            print(problem, file=sys.stderr)
        if any(p.severity == "error" for p in problems):
            raise ValueError("fix the sheets' errors above first")
        study = load_study(args.study or default_study(args.raw))
        build = collect_corpus(
            args.raw, progress=False, columns=study.columns, outlets=study.outlets
        )
        article = sheet_a.article_id
        if article not in build.clean_texts:
            raise ValueError(f"article {article!r} is not in {args.raw} (pass --raw / RAW=)")
        current = build.articles.set_index("article_id").at[article, "sha256"]
        for sheet in (sheet_a, sheet_b):
            if sheet.sha256 and sheet.sha256 != current:
                print(f"{sheet.path}: made on another version of the article", file=sys.stderr)
        names = [s.annotator or s.path.stem for s in (sheet_a, sheet_b)]
        result = compare(sheet_a.rows, sheet_b.rows, build.clean_texts[article], names)
    except (FileNotFoundError, ValueError, StudyError) as error:
        print(f"make agreement: {error}", file=sys.stderr)
        return 2
    print(report(result))
    if args.out:
        write_table(result.disagreements, args.out)
        print(f"\nWrote the disagreements to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
