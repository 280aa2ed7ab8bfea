"""Validation samples: stratified and reproducible draws, and error rates with Wilson intervals.

The sample is drawn from the real figures of the seed articles (the extractor run on the
suite's copy of the seeds, each figure with its article's outlet from the seed manifest). The
error rates are checked on judged sheets whose answers are worked out by hand below.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR
from helpers.corpus import collect_corpus
from helpers.evaluate.gold import csv_text
from helpers.figures import figures_table
from helpers.sampling import (
    ALL_OUTLETS,
    JUDGE_COLUMNS,
    SAMPLE_COLUMNS,
    allocate,
    draw_sample,
    error_rates,
    main,
    rates_sentence,
    read_judged,
)

Z = 1.959963984540054  # the 97.5% point of the normal distribution


def wilson(wrong: float, n: float) -> tuple[float, float]:
    """The Wilson score interval written out, to check statsmodels' against."""
    p = wrong / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return centre - half, centre + half


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    build = collect_corpus(SEED_RAW_DIR, progress=False)
    figures = figures_table(build.sentences)
    outlets = build.articles.set_index("article_id")["outlet"]
    return figures.assign(outlet=figures["article_id"].map(outlets))


def test_allocation_is_proportional_with_largest_remainders():
    assert allocate({"A": 60, "B": 30, "C": 10}, 10) == {"A": 6, "B": 3, "C": 1}
    # quotas 3.5, 3.5, 3.0: one draw is left after the floors; the tie of remainders goes by name
    assert allocate({"A": 35, "B": 35, "C": 30}, 10) == {"A": 4, "B": 3, "C": 3}
    assert allocate({"A": 3, "B": 2}, 50) == {"A": 3, "B": 2}  # never more than there is


def test_a_sample_is_stratified_by_outlet_and_reproducible(claims):
    sample = draw_sample(claims, n=12, seed=1)
    assert tuple(sample.columns) == SAMPLE_COLUMNS
    assert len(sample) == 12 and sample["sample_id"].is_unique
    sizes = claims.groupby("outlet").size().to_dict()
    assert sample.groupby("outlet").size().to_dict() == {
        k: v for k, v in allocate(sizes, 12).items() if v
    }
    # every sampled row is a real figure of its article, with its sentence
    columns = ["article_id", "start", "surface"]
    keys = set(claims[columns].astype(str).itertuples(index=False, name=None))
    assert set(sample[columns].itertuples(index=False, name=None)) <= keys
    assert sample.equals(draw_sample(claims, n=12, seed=1))
    assert not sample.equals(draw_sample(claims, n=12, seed=2))
    assert (sample[list(JUDGE_COLUMNS)] == "").all().all()


def test_a_sample_larger_than_the_corpus_takes_every_figure(claims):
    assert len(draw_sample(claims, n=10_000, seed=1)) == len(claims)


def judged_sheet(tmp_path, rows: list[tuple[str, int, int, str, str]]):
    """A judged sheet: (outlet, outlet_figures, outlet_sampled, ok_figure, ok_source) rows."""
    frame = pd.DataFrame([{c: "" for c in SAMPLE_COLUMNS} for _ in rows])
    for i, (outlet, figures, sampled, figure, source) in enumerate(rows):
        frame.loc[i, ["sample_id", "outlet", "outlet_figures", "outlet_sampled"]] = [
            f"s{i:04d}",
            outlet,
            str(figures),
            str(sampled),
        ]
        frame.loc[i, ["ok_figure", "ok_source"]] = [figure, source]
    path = tmp_path / "sample.csv"
    path.write_text(csv_text(frame))
    return path


def test_error_rates_per_outlet_with_wilson_intervals(tmp_path):
    # outlet A: 8 judged, 2 wrong figures; outlet B: 4 judged, 1 wrong. Equal weights (each
    # row stands for 10 figures), so the pooled rate is 3 of 12.
    rows = [("A", 80, 8, "y", "y")] * 6 + [("A", 80, 8, "n", "")] * 2
    rows += [("B", 40, 4, "y", "n")] + [("B", 40, 4, "yes", "Y")] * 2 + [("B", 40, 4, "no", "")]
    judged, problems = read_judged(judged_sheet(tmp_path, rows))
    assert problems == []
    rates = error_rates(judged)
    figure = rates[rates["field"] == "figure"].set_index("outlet")
    assert figure.loc["A", ["judged", "wrong"]].tolist() == [8, 2]
    assert (figure.loc["A", "ci_low"], figure.loc["A", "ci_high"]) == pytest.approx(wilson(2, 8))
    assert (figure.loc["B", "ci_low"], figure.loc["B", "ci_high"]) == pytest.approx(wilson(1, 4))
    pooled = figure.loc[ALL_OUTLETS]
    assert (pooled["wrong"], pooled["judged"], pooled["error_rate"]) == (3, 12, 0.25)
    assert (pooled["ci_low"], pooled["ci_high"]) == pytest.approx(wilson(3, 12))
    # a row that is not a figure has no source to judge: B's source is wrong for 1 of 3
    source = rates[rates["field"] == "source"].set_index("outlet")
    assert source.loc["B", ["judged", "wrong"]].tolist() == [3, 1]
    assert source.loc["A", ["judged", "wrong"]].tolist() == [6, 0]
    assert list(rates["outlet"].iloc[[2, 5]]) == [ALL_OUTLETS, ALL_OUTLETS]  # pooled last


def test_the_pooled_rate_weights_rows_by_their_outlets_figures(tmp_path):
    # A: 6 of its 90 figures sampled (each row weighs 15), 1 wrong; B: 4 of 10 (weight 2.5),
    # 2 wrong. Weighted rate (15 + 2 * 2.5) / 100 = 0.2, not the raw 3/10. Kish's effective
    # size (sum w)^2 / sum w^2 = 100^2 / (6 * 225 + 4 * 6.25) = 10000 / 1375 = 7.27.
    rows = [("A", 90, 6, "n", "")] + [("A", 90, 6, "y", "")] * 5
    rows += [("B", 10, 4, "n", "")] * 2 + [("B", 10, 4, "y", "")] * 2
    rates = error_rates(read_judged(judged_sheet(tmp_path, rows))[0])
    pooled = rates[rates["outlet"] == ALL_OUTLETS].iloc[0]
    assert pooled["error_rate"] == pytest.approx(0.2)
    assert pooled["n_effective"] == pytest.approx(7.3)
    n_eff = 10000 / 1375
    assert (pooled["ci_low"], pooled["ci_high"]) == pytest.approx(wilson(0.2 * n_eff, n_eff))
    assert rates_sentence(rates).startswith(
        "In the judged sample: figure wrong for 3 of 10 judged, estimated rate 20% (95% interval"
    )


def test_a_cell_that_is_not_y_or_n_is_named(tmp_path):
    path = judged_sheet(tmp_path, [("A", 1, 1, "maybe", "")])
    judged, problems = read_judged(path)
    assert [str(p) for p in problems] == [
        f"{path}:2: column 'ok_figure': 'maybe': write y, n or nothing"
    ]
    assert error_rates(judged).empty
    assert rates_sentence(error_rates(judged)) == "No row of the validation sample is judged yet."


def test_make_sample_writes_the_sheet_once(tmp_path, claims, capsys):
    claims.to_csv(tmp_path / "claims.csv", index=False)
    out = tmp_path / "validation_sample.csv"
    args = ["--n", "10", "--seed", "3", "--processed", str(tmp_path), "--out", str(out)]
    assert main(args) == 0
    assert f"Wrote {out}: 10 of {len(claims)} figures (seed 3;" in capsys.readouterr().out
    first = out.read_bytes()
    assert main(args) == 2  # a judged sheet is never overwritten by accident
    assert "exists" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0 and out.read_bytes() == first


def test_make_sample_without_claims_says_what_to_run(tmp_path, capsys):
    assert main(["--processed", str(tmp_path), "--out", str(tmp_path / "s.csv")]) == 2
    assert "claims.csv not found" in capsys.readouterr().err
