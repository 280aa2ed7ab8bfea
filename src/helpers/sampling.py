"""How far to trust the machine on a corpus nobody annotated in full: sample, judge, estimate.

1. :func:`draw_sample` draws a reproducible random sample of the machine's figures (rows of
   ``claims.csv``), stratified by outlet with proportional allocation, and returns it as a
   judging sheet: each row shows the figure, its sentence and the machine's reading, with an
   empty ``ok_*`` column per thing to judge (is it a figure, its value, unit, change, source,
   source type, stance, topic, event).
2. A person writes ``y`` or ``n`` in each ``ok_*`` cell (blank: not judged). When ``ok_figure``
   is ``n`` the other cells are not judged: a non-figure has no right value.
3. :func:`error_rates` gives, per outlet and for all outlets, the share judged wrong with a
   95% Wilson interval (``statsmodels``). The pooled rate weights each row by its outlet's
   figures per sampled row, and its interval uses Kish's effective sample size.

A sample of the machine's figures measures precision and attribution; it cannot see the figures
the machine missed (recall needs whole annotated articles). ``python -m helpers.sampling``
(``make sample N=100 SEED=1``) writes the sheet.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths
from helpers.evaluate.gold import Problem, csv_text, read_gold_csv
from helpers.evaluate.matching import format_value, text
from helpers.io import read_table, require_columns, write_text

SAMPLE_CSV = "validation_sample.csv"  # in the annotations folder, where notebook 06 looks
UNKNOWN_OUTLET = "unknown outlet"
ALL_OUTLETS = "all outlets"
READING = (
    "surface",
    "value",
    "low",
    "high",
    "unit_normalized",
    "change",
    "source_canonical",
    "source_type",
    "stance",
    "topic",
    "event",
)
# What a judge checks, as (column, what it asks).
JUDGED = (
    ("ok_figure", "is it a reported figure at all"),
    ("ok_value", "value (both bounds of a range)"),
    ("ok_unit", "unit"),
    ("ok_change", "change (about, more than ...)"),
    ("ok_source", "source"),
    ("ok_source_type", "source type"),
    ("ok_stance", "stance"),
    ("ok_topic", "topic"),
    ("ok_event", "event"),
)
JUDGE_COLUMNS = tuple(c for c, _ in JUDGED)
IDENTITY = ("sample_id", "outlet", "article_id", "sentence_id", "start", "end")
WEIGHT_COLUMNS = ("outlet_figures", "outlet_sampled")
SAMPLE_COLUMNS = (*IDENTITY, "sentence_text", *READING, *JUDGE_COLUMNS, "note", *WEIGHT_COLUMNS)
RIGHT = frozenset({"y", "yes", "1", "true", "ok", "right"})
WRONG = frozenset({"n", "no", "0", "false", "wrong"})
RATE_COLUMNS = (
    "field",
    "asks",
    "outlet",
    "judged",
    "wrong",
    "error_rate",
    "ci_low",
    "ci_high",
    "n_effective",
)
ALPHA = 0.05  # 95% intervals


def allocate(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """Split ``n`` draws over strata in proportion to ``sizes`` (largest remainders get the
    rest, ties by name), never more than a stratum holds.

    >>> allocate({"A": 60, "B": 30, "C": 10}, 10)
    {'A': 6, 'B': 3, 'C': 1}
    """
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    quotas = {k: n * v / total for k, v in sizes.items()}
    counts = {k: math.floor(q) for k, q in quotas.items()}
    order = sorted(sizes, key=lambda k: (-(quotas[k] - counts[k]), k))
    for key in order[: n - sum(counts.values())]:
        counts[key] += 1
    return counts


def draw_sample(claims: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """A judging sheet of ``n`` figures drawn at random from ``claims``, stratified by outlet.

    The same claims, ``n`` and ``seed`` give the same sample. Rows come sorted by outlet,
    article and position; ``outlet_figures`` and ``outlet_sampled`` record each outlet's
    figures and draws (the weights of the pooled estimate).
    """
    require_columns(claims, ("article_id", "sentence_id", "start", "end", "surface"), "claims")
    if n < 1:
        raise ValueError(f"the sample size must be at least 1, not {n}")
    frame = claims.copy()
    outlets = frame["outlet"] if "outlet" in frame.columns else pd.Series("", index=frame.index)
    frame["outlet"] = [text(o) or UNKNOWN_OUTLET for o in outlets]
    frame = frame.sort_values(["outlet", "article_id", "start"], kind="mergesort")
    sizes = frame.groupby("outlet").size().to_dict()
    quota = allocate(sizes, n)
    rng = np.random.default_rng(seed)
    picked = []
    for outlet in sorted(sizes):
        rows = frame[frame["outlet"] == outlet]
        chosen = rng.choice(len(rows), size=quota[outlet], replace=False)
        picked.append(rows.iloc[sorted(chosen)])
    sample = pd.concat(picked, ignore_index=True) if picked else frame.iloc[:0]
    sample["outlet_figures"] = sample["outlet"].map(sizes)
    sample["outlet_sampled"] = sample["outlet"].map(quota)
    sample["sample_id"] = [f"s{i:04d}" for i in range(1, len(sample) + 1)]
    for column in ("value", "low", "high"):
        if column in sample.columns:
            sample[column] = sample[column].map(format_value)
    for column in SAMPLE_COLUMNS:
        if column not in sample.columns:
            sample[column] = ""
    return sample[list(SAMPLE_COLUMNS)].fillna("").astype(str)


def read_judged(path: str | Path) -> tuple[pd.DataFrame, list[Problem]]:
    """A judged sheet with each ``ok_*`` cell as True (right), False (wrong) or None (not
    judged or not applicable), and the problems found (cells that are not y or n)."""
    table = read_gold_csv(path, (*IDENTITY, *JUDGE_COLUMNS, *WEIGHT_COLUMNS), None, SAMPLE_COLUMNS)
    problems = list(table.problems)
    frame = table.frame.copy()
    for column in JUDGE_COLUMNS:
        values = []
        for cell, line in zip(frame[column], table.lines, strict=True):
            word = cell.strip().casefold()
            if word and word not in RIGHT | WRONG:
                problems.append(
                    Problem(table.name, line, column, f"{cell!r}: write y, n or nothing")
                )
            values.append(True if word in RIGHT else False if word in WRONG else None)
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    not_figure = frame["ok_figure"].map(lambda v: v is False)
    for column in JUDGE_COLUMNS[1:]:
        frame.loc[not_figure, column] = None
    for column in WEIGHT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame, problems


def error_rates(judged: pd.DataFrame) -> pd.DataFrame:
    """Per field: the share judged wrong per outlet and for all outlets (the last row of each
    field), with a 95% Wilson interval. Fields nobody judged are left out.

    Columns: field, asks, outlet, judged, wrong, error_rate, ci_low, ci_high, n_effective
    (the judged rows, or for all outlets Kish's effective size of the weighted sample).
    """
    rows = []
    for column, asks in JUDGED:
        done = judged[judged[column].map(lambda v: v is not None)]
        if done.empty:
            continue
        wrong = done[column].map(lambda v: v is False).astype(float)
        for outlet, part in done.groupby("outlet", sort=True):
            rows.append(_rate(column, asks, str(outlet), wrong[part.index], None))
        weights = done["outlet_figures"] / done["outlet_sampled"]
        rows.append(_rate(column, asks, ALL_OUTLETS, wrong, weights))
    return pd.DataFrame(rows, columns=list(RATE_COLUMNS))


def _rate(field: str, asks: str, outlet: str, wrong: pd.Series, weights) -> dict:
    judged, n_wrong = len(wrong), int(wrong.sum())
    if weights is None or weights.isna().any() or weights.nunique() <= 1:
        rate, n_eff = n_wrong / judged, float(judged)
    else:
        rate = float((weights * wrong).sum() / weights.sum())
        n_eff = float(weights.sum() ** 2 / (weights**2).sum())
    from statsmodels.stats.proportion import proportion_confint  # here: it loads scipy (~1 s)

    low, high = proportion_confint(rate * n_eff, n_eff, alpha=ALPHA, method="wilson")
    return {
        "field": field.removeprefix("ok_"),
        "asks": asks,
        "outlet": outlet,
        "judged": judged,
        "wrong": n_wrong,
        "error_rate": rate,
        "ci_low": float(low),
        "ci_high": float(high),
        "n_effective": round(n_eff, 1),
    }


def rates_sentence(rates: pd.DataFrame) -> str:
    """The pooled rates in words: "figure wrong for 4 of 100 judged, estimated rate 4% (95%
    interval 2%-10%); ...". The estimate weights each outlet by its share of the figures."""
    pooled = rates[rates["outlet"] == ALL_OUTLETS]
    if pooled.empty:
        return "No row of the validation sample is judged yet."
    parts = [
        f"{r.field.replace('_', ' ')} wrong for {r.wrong} of {r.judged} judged, estimated rate "
        f"{r.error_rate:.0%} (95% interval {r.ci_low:.0%}-{r.ci_high:.0%})"
        for r in pooled.itertuples(index=False)
    ]
    return "In the judged sample: " + "; ".join(parts) + "."


def judged_rates(path: str | Path) -> tuple[pd.DataFrame, list[Problem], str]:
    """The error rates of the judged sample at ``path``, the problems of its cells, and the
    pooled rates in a sentence; with no sample there, an empty table and how to draw one."""
    if not Path(path).exists():
        sentence = "No validation sample was drawn: make sample N=100 SEED=1 draws one to judge."
        return pd.DataFrame(columns=list(RATE_COLUMNS)), [], sentence
    judged, problems = read_judged(path)
    rates = error_rates(judged)
    return rates, problems, rates_sentence(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.sampling", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--n", type=int, default=100, help="figures to draw")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same sample)")
    parser.add_argument("--processed", default=str(paths.PROCESSED_DIR), help="claims.csv folder")
    parser.add_argument(
        "--out", default=str(paths.ANNOTATIONS_DIR / SAMPLE_CSV), help="the sheet to write"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing sheet")
    args = parser.parse_args(argv)
    out = Path(args.out)
    try:
        if out.exists() and not args.force:
            raise ValueError(f"{out} exists (it may be judged already): pass --force (FORCE=1)")
        claims = read_table(Path(args.processed) / paths.CLAIMS_CSV)
        sample = draw_sample(claims, args.n, args.seed)
    except (FileNotFoundError, ValueError) as error:
        print(f"make sample: {error}", file=sys.stderr)
        return 2
    write_text(out, csv_text(sample))
    strata = sample.groupby("outlet").size()
    shares = ", ".join(f"{o} {k}" for o, k in strata.items())
    print(f"Wrote {out}: {len(sample)} of {len(claims)} figures (seed {args.seed}; {shares}).")
    print("Write y or n in each ok_* column (blank: not judged), then rerun notebook 06.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
