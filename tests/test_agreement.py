"""Agreement between two annotators, on fixtures whose answers were worked out by hand.

The fixtures are two students' sheets of the invented practice article
(``tests/data/annotations_practice/sheets``, a copy of ``docs/teaching/practice/sheets``):
Ana's is the reference gold; Ben's differs from it in these ways, and no others:

- he misses "at least a dozen fishing boats" and takes "a second day" (an ordinal) for a figure;
- he writes "212,000 customers" without "More than" (so change "=" instead of ">"), and
  change "=" for "about 30,000 to 37,000 acres";
- he types the Calder Emergency Management Agency (2 figures) as government, not
  police/emergency services;
- he marks the farmers' union's two disputed figures as asserted.
"""

from __future__ import annotations

import math

import pytest

from fixtures import TEST_DATA_DIR
from helpers.agreement import compare, kappa, load_pair, main
from helpers.corpus import collect_corpus

PRACTICE = TEST_DATA_DIR / "annotations_practice"
ANA = PRACTICE / "sheets" / "ana.csv"
BEN = PRACTICE / "sheets" / "ben.csv"
ARTICLE = "practice_storm_mirela"


@pytest.fixture(scope="module")
def result():
    text = collect_corpus(PRACTICE / "raw", progress=False).clean_texts[ARTICLE]
    ana, ben, problems = load_pair(ANA, BEN)
    assert problems == []
    return compare(ana.rows, ben.rows, text, (ana.annotator, ben.annotator))


def label(result, field: str):
    return result.labels.set_index("field").loc[field]


def test_figure_level_f1_between_the_two(result):
    # Ana 19 figures, Ben 19 (18 shared + "a second day"); 18 overlap: F1 = 2*18 / (19+19)
    assert (result.n_a, result.n_b, result.n_both) == (19, 19, 18)
    assert result.f1 == pytest.approx(36 / 38)
    # "212,000 customers" has the same value as "More than 212,000 customers"
    assert result.n_same_value == 18


def test_cohens_kappa_on_source_type_as_worked_by_hand(result):
    # 18 shared figures. Ana: government 4, company 7, police/emergency 3, outlet itself 2,
    # NGO 2. Ben: government 6, company 7, police/emergency 1, outlet itself 2, NGO 2.
    # Observed agreement po = 16/18. Chance agreement pe = (4*6 + 7*7 + 3*1 + 2*2 + 2*2) / 18^2
    # = 84/324. kappa = (po - pe) / (1 - pe) = (288 - 84) / (324 - 84) = 204/240 = 0.85.
    row = label(result, "source_type")
    assert (row["compared"], row["agree"]) == (18, 16)
    assert row["kappa"] == pytest.approx(0.85)


def test_kappa_on_stance_is_zero_although_16_of_18_agree(result):
    # Ana: asserted 16, disputed 2; Ben: asserted 18. po = 16/18; pe = 16/18 * 18/18 + 2/18 * 0
    # = 16/18, so kappa = 0: Ben's agreement is what always saying "asserted" gives by chance.
    row = label(result, "stance")
    assert row["percent"] == pytest.approx(16 / 18)
    assert row["kappa"] == pytest.approx(0.0)


def test_kappa_is_undefined_when_both_use_one_label(result):
    # under the general-news study every topic and event is "other"
    for field in ("topic", "event"):
        assert math.isnan(label(result, field)["kappa"])
        assert label(result, field)["note"] == "kappa undefined: one label"
        assert label(result, field)["percent"] == 1.0


def test_the_disagreement_table_lists_each_difference_in_text_order(result):
    rows = result.disagreements[["figure", "field", "a", "b"]].values.tolist()
    assert rows == [
        ["More than 212,000 customers", "surface", "More than 212,000 customers",
         "212,000 customers"],
        ["More than 212,000 customers", "change", ">", "="],
        ["3,400 people", "source_type", "police/emergency services", "government"],
        ["41 shelters", "source_type", "police/emergency services", "government"],
        ["at least a dozen fishing boats", "figure", "at least a dozen fishing boats",
         "(not annotated)"],
        ["12,000 to 15,000 hectares", "stance", "disputed", "asserted"],
        ["about 30,000 to 37,000 acres", "change", "~", "="],
        ["about 30,000 to 37,000 acres", "stance", "disputed", "asserted"],
        ["a second day", "figure", "(not annotated)", "a second day"],
    ]  # fmt: skip
    assert result.disagreements["sentence_text"].iloc[-1].startswith("Ferry services")


def test_kappa_matches_a_small_table_worked_by_hand():
    # 4 items: x/x, x/y, y/y, y/y. po = 3/4; A: x 2, y 2; B: x 1, y 3; pe = (2*1 + 2*3)/16 = 1/2;
    # kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5
    assert kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"]) == pytest.approx(0.5)
    assert kappa(["x", "y"], ["y", "x"]) == pytest.approx(-1.0)
    assert math.isnan(kappa(["x", "x"], ["x", "x"]))


def test_make_agreement_prints_f1_kappa_and_the_disagreements(capsys):
    assert main([str(ANA), str(BEN), "--raw", str(PRACTICE / "raw")]) == 0
    out = capsys.readouterr().out
    assert "Agreement on article practice_storm_mirela: A = Ana, B = Ben" in out
    assert "18 are the same figure (overlapping spans): F1 0.95" in out
    assert "source_type        18     16     0.89   0.85" in out
    assert "Disagreements to discuss (9), in text order:" in out


def test_sheets_of_different_articles_are_refused(tmp_path, capsys):
    other = tmp_path / "other.csv"
    other.write_text(BEN.read_text().replace(ARTICLE, "another_article"))
    assert main([str(ANA), str(other), "--raw", str(PRACTICE / "raw")]) == 2
    assert "different articles" in capsys.readouterr().err
