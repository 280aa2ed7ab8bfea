"""Tests for helpers.evaluate: locating gold figures and scoring figures and attribution.

The frames are small and built by hand from real figures of the seed articles, quoted as
they appear in the clean text (straight quotes, no-break spaces turned into spaces).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import evaluate

CNN = "000_66b62aea542f96ee"
ROUNDUP = "003_165e4b519f61ba16"

# Two paragraphs of seed 000 and two of seed 003, as in the clean texts.
TEXTS = {
    CNN: (
        "Already, more than 4.5 million residents are without power across Kyiv and six other "
        "regions because of Russian strikes, Zelensky said in his nightly address Sunday.\n"
        "Some context: Russia has launched a series of drone attacks across Ukraine in recent "
        "weeks. Ukrainian officials said last week that they had shot down more than 300 "
        "Iranian drones."
    ),
    ROUNDUP: (
        "The Dutch Ministry of Defense has announced that the country will provide a total of "
        "12-18 F-16s for use at the new European F-16 training center in Romania, which will be "
        "opened soon.\n"
        "The NASAMS systems, with a maximum range of 50 km, have been in service with Ukrainian "
        "forces since November 2022, when the US delivered the first batteries amid increased "
        "Russian airstrikes. Norway also delivered two of the systems in March 2023 and has "
        "committed to provide two more launchers."
    ),
}

# (article, surface, value, low, high, is_range, change, unit, unit_normalized)
GOLD_FIGURES = [
    (
        CNN,
        "more than 4.5 million residents",
        4.5e6,
        4.5e6,
        4.5e6,
        False,
        ">",
        "residents",
        "resident",
    ),
    (CNN, "six other regions", 6, 6, 6, False, "=", "regions", "region"),
    (CNN, "more than 300 Iranian drones", 300, 300, 300, False, ">", "drones", "drone"),
    (ROUNDUP, "12-18 F-16s", 15, 12, 18, True, "=", "F-16s", "F-16"),
    (ROUNDUP, "50 km", 50, 50, 50, False, "=", "km", "kilometre"),
    (ROUNDUP, "two of the systems", 2, 2, 2, False, "=", "systems", "system"),
    (ROUNDUP, "two more launchers", 2, 2, 2, False, "=", "launchers", "launcher"),
]
# (source_canonical, source_type, stance, topic, event) for the same figures, in the same order.
GOLD_CLAIMS = [
    ("Volodymyr Zelensky", "Ukrainian government", "asserted", "power outage", "without power"),
    ("Volodymyr Zelensky", "Ukrainian government", "asserted", "power outage", "without power"),
    ("Ukrainian officials", "Ukrainian government", "asserted", "drones", "shot down/intercepted"),
    ("Dutch Ministry of Defense", "other government", "asserted", "other weapons", "supplied"),
    ("", "outlet itself", "asserted", "range", "range"),
    ("", "outlet itself", "asserted", "air defence", "supplied"),
    ("", "outlet itself", "asserted", "air defence", "supplied"),
]


def gold_frame() -> pd.DataFrame:
    """The gold figures merged with their attribution, as merge_gold would give."""
    rows = []
    for (article, surface, value, low, high, is_range, change, unit, norm), claim in zip(
        GOLD_FIGURES, GOLD_CLAIMS, strict=True
    ):
        rows.append(
            {
                "article_id": article,
                "surface": surface,
                "occurrence": 1,
                "value": float(value),
                "low": float(low),
                "high": float(high),
                "is_range": is_range,
                "change": change,
                "unit": unit,
                "unit_normalized": norm,
                "source_canonical": claim[0],
                "source_type": claim[1],
                "stance": claim[2],
                "topic": claim[3],
                "event": claim[4],
            }
        )
    return pd.DataFrame(rows)


def perfect_prediction() -> pd.DataFrame:
    """What an extractor that agrees with the gold on every figure would output."""
    pred = evaluate.locate_gold(gold_frame(), TEXTS)
    pred["sentence_text"] = [
        TEXTS[a][s:e]
        for a, s, e in zip(pred["article_id"], pred["start"], pred["end"], strict=True)
    ]
    return pred.drop(columns=["occurrence"])


def row_of(frame: pd.DataFrame, surface: str) -> int:
    return int(frame.index[frame["surface"] == surface][0])


def scores_by_level(scores: evaluate.FigureScores) -> dict[str, pd.Series]:
    return {row["level"]: row for _, row in scores.table.iterrows()}


# --- locate_gold ----------------------------------------------------------------------------


def test_locate_gold_gives_the_span_of_the_surface():
    located = evaluate.locate_gold(gold_frame(), TEXTS)
    for row in located.itertuples():
        assert TEXTS[row.article_id][row.start : row.end] == row.surface


def test_locate_gold_counts_occurrences_and_respects_word_bounds():
    text = (
        "Norway delivered two of the systems; Lithuania will send two of the systems, not 150 km."
    )
    gold = pd.DataFrame(
        {
            "article_id": ["x", "x"],
            "surface": ["two of the systems", "two of the systems"],
            "occurrence": [1, 2],
        }
    )
    located = evaluate.locate_gold(gold, {"x": text})
    assert list(located["start"]) == [text.index("two"), text.rindex("two")]
    not_a_word = pd.DataFrame({"article_id": ["x"], "surface": ["50 km"], "occurrence": [1]})
    with pytest.raises(ValueError, match=r"'x'.*'50 km'"):
        evaluate.locate_gold(not_a_word, {"x": text})


def test_locate_gold_names_the_article_when_a_surface_is_missing():
    gold = pd.DataFrame({"article_id": [CNN], "surface": ["about 450 drones"], "occurrence": [1]})
    with pytest.raises(ValueError, match=r"000_66b62aea542f96ee.*about 450 drones"):
        evaluate.locate_gold(gold, TEXTS)
    with pytest.raises(ValueError, match="no clean text for article 'missing'"):
        evaluate.locate_gold(gold.assign(article_id="missing"), TEXTS)


# --- score_figures --------------------------------------------------------------------------


def test_perfect_prediction_scores_one_at_every_level():
    scores = evaluate.score_figures(perfect_prediction(), gold_frame(), TEXTS)
    assert list(scores.table["level"]) == ["value", "value+unit", "value+change"]
    assert (scores.table[["precision", "recall", "f1"]] == 1.0).all().all()
    assert scores.misses.empty and scores.false_alarms.empty


def test_a_dropped_figure_lowers_recall_by_one_gold_figure():
    pred = perfect_prediction()
    pred = pred.drop(index=row_of(pred, "two more launchers"))
    level = scores_by_level(evaluate.score_figures(pred, gold_frame(), TEXTS))["value"]
    assert level["recall"] == pytest.approx(6 / 7)
    assert level["precision"] == 1.0
    assert level["f1"] == pytest.approx(2 * 6 / (7 + 6))
    misses = evaluate.score_figures(pred, gold_frame(), TEXTS).misses
    assert list(misses["surface"]) == ["two more launchers"]
    assert misses["sentence_text"].iloc[0] == (
        "Norway also delivered two of the systems in March 2023 and has committed to provide "
        "two more launchers."
    )


def test_a_wrong_unit_fails_only_the_value_unit_level():
    pred = perfect_prediction()
    pred.loc[row_of(pred, "50 km"), "unit_normalized"] = "mile"
    scores = evaluate.score_figures(pred, gold_frame(), TEXTS)
    levels = scores_by_level(scores)
    assert levels["value"]["f1"] == 1.0
    assert levels["value+change"]["f1"] == 1.0
    assert levels["value+unit"]["tp"] == 6
    assert levels["value+unit"]["recall"] == pytest.approx(6 / 7)
    wrong = scores.unit_confusion[~scores.unit_confusion["agree"]]
    assert wrong[["gold", "predicted", "n"]].values.tolist() == [["kilometre", "mile", 1]]


def test_units_compare_casefolded_and_singular():
    pred = perfect_prediction()
    pred.loc[row_of(pred, "12-18 F-16s"), "unit_normalized"] = "f-16s"
    pred.loc[row_of(pred, "six other regions"), "unit_normalized"] = "Regions"
    levels = scores_by_level(evaluate.score_figures(pred, gold_frame(), TEXTS))
    assert levels["value+unit"]["f1"] == 1.0


def test_a_wrong_change_fails_only_the_value_change_level():
    pred = perfect_prediction()
    pred.loc[row_of(pred, "more than 300 Iranian drones"), "change"] = "="
    scores = evaluate.score_figures(pred, gold_frame(), TEXTS)
    levels = scores_by_level(scores)
    assert levels["value+change"]["tp"] == 6
    assert levels["value+unit"]["f1"] == 1.0
    wrong = scores.change_confusion[~scores.change_confusion["agree"]]
    assert wrong[["gold", "predicted", "n"]].values.tolist() == [[">", "=", 1]]


def test_a_wrong_value_is_both_a_miss_and_a_false_alarm():
    pred = perfect_prediction()
    pred.loc[row_of(pred, "more than 4.5 million residents"), ["value", "low", "high"]] = 4.5
    scores = evaluate.score_figures(pred, gold_frame(), TEXTS)
    level = scores_by_level(scores)["value"]
    assert (level["tp"], level["n_gold"], level["n_pred"]) == (6, 7, 7)
    assert list(scores.misses["surface"]) == ["more than 4.5 million residents"]
    assert list(scores.false_alarms["value"]) == [4.5]
    assert scores.false_alarms["sentence_text"].iloc[0] == "more than 4.5 million residents"


def test_a_range_needs_both_bounds():
    pred = perfect_prediction()
    pred.loc[row_of(pred, "12-18 F-16s"), ["low", "high"]] = [12.0, 20.0]
    scores = evaluate.score_figures(pred, gold_frame(), TEXTS)
    assert list(scores.misses["surface"]) == ["12-18 F-16s"]


def test_matching_is_one_to_one_and_needs_overlapping_spans():
    pred = perfect_prediction()
    systems = pred.loc[row_of(pred, "two of the systems")]
    # The same figure predicted twice (the second time as a bare "two") counts once.
    twice = systems.copy()
    twice["end"] = twice["start"] + len("two")
    twice["surface"] = "two"
    # A "2" at the span of "50 km" overlaps no gold figure with value 2.
    elsewhere = pred.loc[row_of(pred, "50 km")].copy()
    elsewhere[["value", "low", "high"]] = 2.0
    pred = pd.concat([pred, twice.to_frame().T, elsewhere.to_frame().T], ignore_index=True)
    level = scores_by_level(evaluate.score_figures(pred, gold_frame(), TEXTS))["value"]
    assert (level["tp"], level["n_gold"], level["n_pred"]) == (7, 7, 9)
    assert level["precision"] == pytest.approx(7 / 9)


def test_a_year_predicted_as_a_figure_is_a_false_alarm_with_its_sentence():
    pred = perfect_prediction()
    text = TEXTS[ROUNDUP]
    start = text.index("2022")
    year = pred.iloc[0].copy()
    year[["article_id", "start", "end", "surface"]] = [ROUNDUP, start, start + 4, "2022"]
    year[["value", "low", "high", "is_range", "change", "unit", "unit_normalized"]] = [
        2022.0,
        2022.0,
        2022.0,
        False,
        "=",
        "",
        "",
    ]
    year["sentence_text"] = "The NASAMS systems ... since November 2022 ..."
    pred = pd.concat([pred, year.to_frame().T], ignore_index=True)
    scores = evaluate.score_figures(pred, gold_frame(), TEXTS)
    assert scores_by_level(scores)["value"]["precision"] == pytest.approx(7 / 8)
    assert scores.false_alarms[["article_id", "surface"]].values.tolist() == [[ROUNDUP, "2022"]]


def test_predictions_outside_the_scored_articles_are_ignored():
    pred = perfect_prediction()
    only_cnn = {CNN: TEXTS[CNN]}
    level = scores_by_level(evaluate.score_figures(pred, gold_frame(), only_cnn))["value"]
    assert (level["tp"], level["n_gold"], level["n_pred"]) == (3, 3, 3)


def test_missing_prediction_columns_are_named():
    pred = perfect_prediction().drop(columns=["unit_normalized"])
    with pytest.raises(ValueError, match="predicted figures frame lacks columns: unit_normalized"):
        evaluate.score_figures(pred, gold_frame(), TEXTS)


# --- score_claims ---------------------------------------------------------------------------


def perfect_claims() -> pd.DataFrame:
    pred = perfect_prediction()
    gold = gold_frame()
    for field in evaluate.CLAIM_FIELDS:
        pred[field] = list(gold[field])
    return pred


def claim_scores_by_field(scores: evaluate.ClaimScores) -> dict[str, pd.Series]:
    return {row["field"]: row for _, row in scores.table.iterrows()}


def test_perfect_attribution_scores_one_and_empty_source_counts_as_correct():
    pred = perfect_claims()
    # an empty source read back from CSV is missing, not "": it must still count as correct
    pred.loc[pred["source_canonical"] == "", "source_canonical"] = math.nan
    scores = evaluate.score_claims(pred, gold_frame(), TEXTS)
    assert (scores.table["accuracy_all"] == 1.0).all()
    assert scores.errors.empty


def test_a_wrong_stance_is_one_stance_error_with_its_sentence():
    pred = perfect_claims()
    pred.loc[row_of(pred, "more than 300 Iranian drones"), "stance"] = "denied"
    scores = evaluate.score_claims(pred, gold_frame(), TEXTS)
    fields = claim_scores_by_field(scores)
    assert fields["stance"]["accuracy_all"] == pytest.approx(6 / 7)
    assert fields["source_canonical"]["accuracy_all"] == 1.0
    assert scores.errors[["surface", "field", "gold", "predicted"]].values.tolist() == [
        ["more than 300 Iranian drones", "stance", "asserted", "denied"]
    ]


def test_an_unmatched_gold_figure_is_wrong_overall_but_not_among_matched():
    pred = perfect_claims()
    pred = pred.drop(index=row_of(pred, "12-18 F-16s"))
    pred.loc[row_of(pred, "six other regions"), "source_type"] = "Ukrainian military"
    scores = evaluate.score_claims(pred, gold_frame(), TEXTS)
    fields = claim_scores_by_field(scores)
    assert fields["source_canonical"]["accuracy_all"] == pytest.approx(6 / 7)
    assert fields["source_canonical"]["accuracy_matched"] == 1.0
    assert fields["source_type"]["accuracy_all"] == pytest.approx(5 / 7)
    assert fields["source_type"]["accuracy_matched"] == pytest.approx(5 / 6)
    unmatched = scores.errors[scores.errors["surface"] == "12-18 F-16s"]
    assert set(unmatched["predicted"]) == {evaluate.NO_MATCH}
    assert unmatched["sentence_text"].iloc[0].startswith("The Dutch Ministry of Defense")


def test_validation_scores_lists_every_score_with_its_fraction():
    pred = perfect_claims()
    pred = pred.drop(index=row_of(pred, "50 km"))
    figures = evaluate.score_figures(pred, gold_frame(), TEXTS)
    claims = evaluate.score_claims(pred, gold_frame(), TEXTS)
    table = evaluate.validation_scores(figures, claims)
    assert list(table.columns) == ["part", "level", "metric", "score", "numerator", "denominator"]
    assert len(table) == 3 * 3 + 5 * 2
    recall = table[(table["level"] == "value") & (table["metric"] == "recall")].iloc[0]
    assert (recall["numerator"], recall["denominator"]) == (6, 7)
    stance = table[(table["level"] == "stance") & (table["metric"] == "accuracy_all")].iloc[0]
    assert stance["score"] == pytest.approx(6 / 7)
    assert (table["score"] == table["numerator"] / table["denominator"]).all()


def test_merge_gold_refuses_a_figure_without_attribution():
    figures = gold_frame().assign(is_vague=False, kind="count", note="")
    claims = figures.assign(source="", via="")
    claims = claims[list(evaluate.CLAIM_GOLD_COLUMNS)]
    merged = evaluate.merge_gold(figures[list(evaluate.FIGURE_GOLD_COLUMNS)], claims)
    assert len(merged) == len(figures)
    with pytest.raises(ValueError, match="'50 km' in article '003_165e4b519f61ba16'.*figures gold"):
        evaluate.merge_gold(
            figures[list(evaluate.FIGURE_GOLD_COLUMNS)], claims[claims["surface"] != "50 km"]
        )


def test_summary_reports_the_counts_in_words():
    pred = perfect_claims()
    pred = pred.drop(index=row_of(pred, "two more launchers"))
    figures = evaluate.score_figures(pred, gold_frame(), TEXTS)
    claims = evaluate.score_claims(pred, gold_frame(), TEXTS)
    text = evaluate.summary(figures, claims)
    assert text.startswith(
        "The extractor found 6 of 7 gold figures (recall 0.86) with 0 false alarms "
        "(precision 1.00, F1 0.92)."
    )
    assert "stance 6 of 7" in text


def test_error_table_lists_misses_false_alarms_and_attribution_errors():
    pred = perfect_claims()
    pred.loc[row_of(pred, "more than 4.5 million residents"), ["value", "low", "high"]] = 4.5
    pred.loc[row_of(pred, "50 km"), "source_type"] = "news outlet"
    figures = evaluate.score_figures(pred, gold_frame(), TEXTS)
    claims = evaluate.score_claims(pred, gold_frame(), TEXTS)
    table = evaluate.error_table(figures, claims)
    rows = table[["error", "surface", "gold", "predicted"]].values.tolist()
    assert ["miss", "more than 4.5 million residents", "4500000", ""] in rows
    assert ["false alarm", "more than 4.5 million residents", "", "4.5"] in rows
    assert ["source_type", "50 km", "outlet itself", "news outlet"] in rows
    # the missed figure is also an attribution error in each of the five fields
    assert (table["predicted"] == evaluate.NO_MATCH).sum() == 5
    assert len(table) == 2 + 5 + 1


def test_a_missing_predicted_unit_shows_as_empty_in_the_confusion():
    pred = perfect_prediction()
    # "two more launchers" read as a bare "two", its unit missing as after a CSV round trip
    pred.loc[row_of(pred, "two more launchers"), ["unit", "unit_normalized"]] = math.nan
    scores = evaluate.score_figures(pred, gold_frame(), TEXTS)
    confusion = scores.unit_confusion
    assert confusion["n"].sum() == 7
    assert confusion[~confusion["agree"]][["gold", "predicted"]].values.tolist() == [
        ["launcher", ""]
    ]


def test_error_table_is_empty_for_a_perfect_prediction():
    pred = perfect_claims()
    figures = evaluate.score_figures(pred, gold_frame(), TEXTS)
    claims = evaluate.score_claims(pred, gold_frame(), TEXTS)
    table = evaluate.error_table(figures, claims)
    assert table.empty
    assert list(table.columns) == [
        "article_id",
        "error",
        "surface",
        "gold",
        "predicted",
        "sentence_text",
    ]


# --- topic and event, honest summaries ------------------------------------------------------


def test_a_wrong_event_is_scored_like_any_other_field():
    # "two more launchers" were promised, not launched: the event the issue found unscored
    pred = perfect_claims()
    pred.loc[row_of(pred, "two more launchers"), "event"] = "launched/used"
    scores = evaluate.score_claims(pred, gold_frame(), TEXTS)
    fields = claim_scores_by_field(scores)
    assert fields["event"]["correct"] == 6
    assert fields["topic"]["accuracy_all"] == 1.0
    assert scores.errors[["surface", "field", "gold", "predicted"]].values.tolist() == [
        ["two more launchers", "event", "supplied", "launched/used"]
    ]


def test_summary_counts_attribution_as_x_of_n_and_never_says_every():
    pred = perfect_claims()
    pred.loc[row_of(pred, "six other regions"), "source_canonical"] = "Ukrainian officials"
    figures = evaluate.score_figures(pred, gold_frame(), TEXTS)
    claims = evaluate.score_claims(pred, gold_frame(), TEXTS)
    text = evaluate.summary(figures, claims)
    assert "source 6 of 7" in text and "event 7 of 7" in text
    assert "every" not in text


# --- per article, per annotator, pooled -----------------------------------------------------

ANNOTATORS = {CNN: "Ana", ROUNDUP: "Ben"}


def test_scoped_scores_score_each_article_then_each_annotator_then_all():
    pred = perfect_claims()
    pred = pred.drop(index=row_of(pred, "two more launchers"))
    table = evaluate.scoped_scores(pred, pred, gold_frame(), TEXTS, ANNOTATORS)
    assert list(table.columns) == list(evaluate.SCOPED_COLUMNS)
    assert list(dict.fromkeys(table["scope"])) == ["article", "annotator", "all"]
    assert table["scope"].iloc[-1] == "all"  # pooled only as the last rows
    recall = table[(table["level"] == "value") & (table["metric"] == "recall")]
    got = {(r.scope, r.article_id, r.annotator): (r.numerator, r.denominator)
           for r in recall.itertuples()}  # fmt: skip
    assert got == {
        ("article", CNN, "Ana"): (3, 3),
        ("article", ROUNDUP, "Ben"): (3, 4),
        ("annotator", "", "Ana"): (3, 3),
        ("annotator", "", "Ben"): (3, 4),
        ("all", "", ""): (6, 7),
    }


def test_overview_writes_counts_as_x_of_n_per_article():
    pred = perfect_claims()
    pred.loc[row_of(pred, "50 km"), "source_type"] = "news outlet"
    table = evaluate.overview(evaluate.scoped_scores(pred, pred, gold_frame(), TEXTS, ANNOTATORS))
    roundup = table[table["article_id"] == ROUNDUP].iloc[0]
    assert roundup["found"] == "4 of 4"
    assert roundup["source type right"] == "3 of 4"
    pooled = table.iloc[-1]
    assert (pooled["scope"], pooled["source type right"], pooled["false alarms"]) == (
        "all",
        "6 of 7",
        0,
    )


def test_scoped_scores_of_no_article_is_an_empty_table_with_its_columns():
    table = evaluate.scoped_scores(perfect_claims(), perfect_claims(), gold_frame(), TEXTS, {})
    assert table.empty and list(table.columns) == list(evaluate.SCOPED_COLUMNS)


# --- which annotated articles are scored: id and sha256 ------------------------------------


def test_gold_matches_an_article_by_id_and_sha256():
    annotated = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e"],
            "annotator": ["Ana", "Ana", "Ben", "Ben", ""],
            "sha256": ["1" * 64, "2" * 64, "", "4" * 64, "5" * 64],
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "status": ["ok", "ok", "ok", "refused"],
            "sha256": ["1" * 64, "9" * 64, "3" * 64, "4" * 64],
            "reason": ["", "", "", "empty file"],
        }
    )
    coverage = evaluate.gold_coverage(annotated, articles)
    assert list(coverage["status"]) == [
        "scored",
        "changed since annotated",
        "scored (no sha256 recorded)",
        "refused by the corpus",
        "not in this corpus",
    ]
    assert list(coverage["scored"]) == [True, False, True, False, False]
    assert "222222222222... in annotated_articles.csv, 999999999999... now" in coverage["detail"][1]
    sentence = evaluate.coverage_sentence(coverage)
    assert sentence.startswith("2 of 5 annotated articles are scored")
    assert "1 changed since annotated" in sentence


def test_no_gold_says_that_no_validation_was_possible(tmp_path):
    empty = evaluate.read_annotated_articles(tmp_path)
    assert empty.empty and list(empty.columns) == list(evaluate.ANNOTATED_COLUMNS)
    coverage = evaluate.gold_coverage(
        empty, pd.DataFrame(columns=["article_id", "status", "sha256"])
    )
    assert evaluate.coverage_sentence(coverage) == (
        "No article of this corpus has gold annotations, so no validation was possible."
    )


# --- reading gold files: problems named by file, line and column --------------------------


def write_gold(folder, figures_rows: str, claims_rows: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "figures_gold.csv").write_text(
        ",".join(evaluate.FIGURE_GOLD_COLUMNS) + "\n" + figures_rows, encoding="utf-8"
    )
    (folder / "claims_gold.csv").write_text(
        ",".join(evaluate.CLAIM_GOLD_COLUMNS) + "\n" + claims_rows, encoding="utf-8"
    )


def test_an_unquoted_comma_names_the_file_and_line_not_a_pandas_error(tmp_path):
    write_gold(
        tmp_path,
        "x,50 km,1,50,50,50,False,False,=,km,kilometre,length,\n"
        "x,approximately 1,000 weapons,1,1000,1000,1000,False,False,~,weapons,weapon,count,\n",
    )
    with pytest.raises(evaluate.GoldFileError) as caught:
        evaluate.load_gold(tmp_path)
    message = str(caught.value)
    assert f"{tmp_path / 'figures_gold.csv'}:3: 14 cells where the header has 13" in message
    assert "needs double quotes" in message


def test_a_cell_that_is_not_a_number_names_its_column(tmp_path):
    write_gold(
        tmp_path,
        "x,50 km,1,fifty,50,50,False,False,=,km,kilometre,length,\n",
        "x,50 km,1,,,outlet itself,,asserted,other,other,\n",
    )
    with pytest.raises(evaluate.GoldFileError, match=r"figures_gold.csv:2: column 'value': "):
        evaluate.load_gold(tmp_path)


def test_a_missing_gold_file_is_named(tmp_path):
    with pytest.raises(evaluate.GoldFileError, match="figures_gold.csv: file not found"):
        evaluate.load_gold(tmp_path)


def test_an_article_with_nothing_to_count_has_no_score_not_a_score_of_zero():
    # an annotated article with no gold figure: a prediction there is a false alarm (precision
    # 0 of 1) and its recall, 0 of 0, is undefined rather than 0
    quiet = "No figure is reported in this sentence."
    texts = {**TEXTS, "quiet": quiet, "alarm": "It was 2022 again."}
    alarm = perfect_claims().iloc[[0]].assign(article_id="alarm", start=7, end=11)
    alarm[["surface", "value", "low", "high"]] = ["2022", 2022.0, 2022.0, 2022.0]
    pred = pd.concat([perfect_claims(), alarm], ignore_index=True)
    annotators = {**ANNOTATORS, "quiet": "Cy", "alarm": "Cy"}
    table = evaluate.scoped_scores(pred, pred, gold_frame(), texts, annotators)
    scores = table.set_index(["article_id", "level", "metric"])["score"]
    assert math.isnan(scores[("quiet", "value", "precision")])
    assert math.isnan(scores[("quiet", "value", "recall")])
    assert scores[("alarm", "value", "precision")] == 0.0
    assert math.isnan(scores[("alarm", "value", "recall")])
    overview = evaluate.overview(table).set_index("article_id")
    assert overview.loc["alarm", "false alarms"] == 1 and overview.loc["quiet", "found"] == "0 of 0"
    figures = evaluate.score_figures(pred, gold_frame(), {"quiet": quiet})
    assert evaluate.summary(figures).startswith(
        "The extractor found 0 of 0 gold figures (recall n/a) with 0 false alarms (precision n/a"
    )


def test_levels_table_keeps_every_scope_in_order_with_one_column_per_level_and_metric():
    pred = perfect_claims()
    pred.loc[row_of(pred, "50 km"), "unit_normalized"] = "mile"
    texts = {**TEXTS, "quiet": "Nothing to count here."}
    table = evaluate.scoped_scores(pred, pred, gold_frame(), texts, {**ANNOTATORS, "quiet": "Cy"})
    levels = evaluate.levels_table(table)
    assert list(levels["scope"]) == ["article"] * 3 + ["annotator"] * 3 + ["all"]
    assert levels.columns[3:6].tolist() == ["value precision", "value recall", "value f1"]
    roundup = levels.set_index("article_id").loc[ROUNDUP]
    assert (roundup["value f1"], roundup["value+unit recall"]) == (1.0, 0.75)
    assert math.isnan(levels.set_index("article_id").loc["quiet", "value recall"])  # kept
