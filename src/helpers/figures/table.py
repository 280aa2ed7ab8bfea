"""The figures table and the command line.

One job: ``figures_table`` turns the sentences frame (``sentences.csv``) into the figures frame
(``figures.csv``, columns ``FIGURE_COLUMNS``) with offsets into the article text; ``main`` prints
one JSON object per figure of each file (``python -m helpers.figures FILE...``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

import pandas as pd

from helpers.figures.extract import extract_figures
from helpers.figures.model import FIGURE_COLUMNS, SENTENCE_INPUT_COLUMNS
from helpers.io import require_columns


def figures_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Turn the ``sentences.csv`` frame into the ``figures.csv`` frame.

    Each figure's ``start``/``end`` are offsets into the clean article text (the sentence's
    ``start`` plus the figure's offset in the sentence); ``sentence_text`` is the sentence;
    ``conversion_of`` is the ``start`` of the figure a conversion restates (same offsets), or
    -1. Rows are sorted by article_id, start.
    """
    require_columns(sentences, SENTENCE_INPUT_COLUMNS, "figures_table: sentences")
    rows = []
    for art, post, sid, sstart, stext in zip(
        sentences["article_id"],
        sentences["post"],
        sentences["sentence_id"],
        sentences["start"],
        sentences["text"],
        strict=True,
    ):
        if not isinstance(stext, str):
            continue
        for f in extract_figures(stext):
            row = asdict(f)
            row["start"] = int(sstart) + f.start
            row["end"] = int(sstart) + f.end
            if f.conversion_of >= 0:
                row["conversion_of"] = int(sstart) + f.conversion_of
            row.update(article_id=art, post=post, sentence_id=sid, sentence_text=stext)
            rows.append(row)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if not frame.empty:
        frame = frame.sort_values(["article_id", "start"], kind="mergesort")
    return frame.reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: print one JSON object per figure for each file (or stdin)."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.figures",
        description="Print the reported figures in text files as JSON lines.",
    )
    parser.add_argument("files", nargs="*", help="UTF-8 text files (stdin when none)")
    args = parser.parse_args(argv)
    sources: list[tuple[str, str]] = []
    if not args.files:
        sources.append(("<stdin>", sys.stdin.read()))
    for name in args.files:
        try:
            with open(name, encoding="utf-8") as handle:
                sources.append((name, handle.read()))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"helpers.figures: cannot read {name}: {exc}", file=sys.stderr)
            return 2
    for name, text in sources:
        for f in extract_figures(text):
            row = {"file": name, **asdict(f)}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0
