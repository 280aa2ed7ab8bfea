"""The annotation workflow: sheets (templates), reading and adding them, and the validator.

Runs on the suite's own copies: the seed corpus and gold (``tests/data/seeds``) and the
invented practice article with its gold and two students' sheets
(``tests/data/annotations_practice``, a copy of ``docs/teaching/practice``). Broken gold files
are made in a temporary folder from those copies, one fault at a time, so that each message is
checked to name the file, the line and the column.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR, TEST_DATA_DIR
from helpers import evaluate, paths
from helpers.annotate import (
    SHEET_COLUMNS,
    add_sheet,
    check_annotations,
    check_sheet,
    load_vocabulary,
    read_sheet,
)
from helpers.annotate.__main__ import main
from helpers.corpus import collect_corpus
from helpers.evaluate.matching import find_surface
from helpers.figures import figures_table

PRACTICE = TEST_DATA_DIR / "annotations_practice"
PRACTICE_RAW = PRACTICE / "raw"
PRACTICE_GOLD = PRACTICE / "annotations"
ARTICLE = "practice_storm_mirela"
CNN = "000_66b62aea542f96ee"


@pytest.fixture(scope="module")
def practice():
    return collect_corpus(PRACTICE_RAW, progress=False)


@pytest.fixture(scope="module")
def seeds():
    return collect_corpus(SEED_RAW_DIR, progress=False)


def run(*args: str) -> int:
    return main([*args, "--quiet"])


# --- templates -----------------------------------------------------------------------------


def test_a_template_lists_every_sentence_and_the_machines_figures(tmp_path, practice, capsys):
    out = tmp_path / "sheet.csv"
    assert run("template", ARTICLE, "--raw", str(PRACTICE_RAW), "--out", str(out)) == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert tuple(sheet.columns) == SHEET_COLUMNS
    sentences = practice.sentences
    assert set(sheet["sentence_id"]) == {str(s) for s in sentences["sentence_id"]}
    machine = figures_table(sentences)
    listed = sheet[sheet["listed_by"] == "machine"]
    assert list(listed["surface"]) == list(machine["surface"])
    text = practice.clean_texts[ARTICLE]
    for row, start in zip(listed.itertuples(), machine["start"], strict=True):
        assert find_surface(text, row.surface, int(row.occurrence))[0] == start
    # the attribution is left to the annotator; every row names the article and its version
    assert (listed[["source", "source_type", "stance", "topic", "event"]] == "").all().all()
    assert set(sheet["article_sha256"]) == {practice.articles["sha256"].iloc[0]}
    # a sentence without a figure still has its row, with an empty surface
    quiet = sheet[sheet["sentence_text"].str.startswith("Mayor Tom Brandt")]
    assert list(quiet["surface"]) == [""]


def test_a_blind_template_lists_no_figures(tmp_path, practice):
    out = tmp_path / "blind.csv"
    assert run("template", ARTICLE, "--raw", str(PRACTICE_RAW), "--out", str(out), "--blind") == 0
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(sheet) == len(practice.sentences)
    assert (sheet["surface"] == "").all() and (sheet["listed_by"] == "").all()


def test_a_template_never_overwrites_a_sheet_unless_forced(tmp_path, capsys):
    out = tmp_path / "sheet.csv"
    out.write_text("someone's work\n")
    assert run("template", ARTICLE, "--raw", str(PRACTICE_RAW), "--out", str(out)) == 2
    assert "exists" in capsys.readouterr().err
    assert out.read_text() == "someone's work\n"
    assert run("template", ARTICLE, "--raw", str(PRACTICE_RAW), "--out", str(out), "--force") == 0


def test_an_unknown_article_id_suggests_the_close_ones(tmp_path, capsys):
    assert run("template", "practice_storm", "--raw", str(PRACTICE_RAW), "--out", "x.csv") == 2
    assert "did you mean practice_storm_mirela" in capsys.readouterr().err


# --- reading and adding sheets ---------------------------------------------------------------


def test_a_sheet_fills_the_obvious_defaults(tmp_path):
    sheet = tmp_path / "short.csv"
    header = ",".join(SHEET_COLUMNS)
    row = {c: "" for c in SHEET_COLUMNS}
    row.update(article_id=ARTICLE, surface="41 shelters", value="41", unit="shelters",
               unit_normalized="shelter", kind="count", source_type="outlet itself",
               stance="asserted", topic="other", event="other")  # fmt: skip
    sheet.write_text(header + "\n" + ",".join(row[c] for c in SHEET_COLUMNS) + "\n")
    read = read_sheet(sheet)
    assert read.errors == []
    first = read.rows.iloc[0]
    assert (first["occurrence"], first["low"], first["high"]) == (1, 41.0, 41.0)
    assert (bool(first["is_range"]), bool(first["is_vague"]), first["change"]) == (
        False,
        False,
        "=",
    )


def test_the_reference_sheet_is_clean_and_a_wrong_surface_is_located(tmp_path, practice):
    vocab = load_vocabulary("general-news", PRACTICE_RAW)
    ana = read_sheet(PRACTICE / "sheets" / "ana.csv")
    assert check_sheet(ana, practice.articles, practice.clean_texts, vocab) == []
    broken = tmp_path / "ana.csv"
    broken.write_text(
        (PRACTICE / "sheets" / "ana.csv").read_text().replace("41 shelters", "14 shelters")
    )
    problems = check_sheet(read_sheet(broken), practice.articles, practice.clean_texts, vocab)
    assert [str(p) for p in problems] == [
        f"{broken}:9: column 'surface': '14 shelters' occurrence 1 is not in the clean text "
        "(0 found): copy it from data/processed/clean/<article_id>.txt, word for word"
    ]


def test_adding_a_sheet_writes_gold_that_passes_the_check(tmp_path, practice):
    gold_dir = tmp_path / "annotations"
    ana = read_sheet(PRACTICE / "sheets" / "ana.csv")
    n, message = add_sheet(ana, gold_dir)
    assert n == 19 and message.startswith("added 19 gold figures of practice_storm_mirela")
    vocab = load_vocabulary("general-news", PRACTICE_RAW)
    result = check_annotations(gold_dir, practice.articles, practice.clean_texts, vocab)
    assert result.problems == () and result.n_checked == 1
    listed = evaluate.read_annotated_articles(gold_dir)
    assert listed[["article_id", "annotator", "sha256"]].values.tolist() == [
        [ARTICLE, "Ana", practice.articles["sha256"].iloc[0]]
    ]
    # the same rows as the reference gold, which was made by hand
    for name in (paths.FIGURES_GOLD_CSV, paths.CLAIMS_GOLD_CSV):
        mine = pd.read_csv(gold_dir / name).drop(columns="note")
        reference = pd.read_csv(PRACTICE_GOLD / name).drop(columns="note")
        pd.testing.assert_frame_equal(mine, reference)
    with pytest.raises(ValueError, match="already has gold"):
        add_sheet(ana, gold_dir)
    assert add_sheet(ana, gold_dir, replace=True)[1].startswith("replaced 19")
    assert len(pd.read_csv(gold_dir / paths.FIGURES_GOLD_CSV)) == 19


def test_make_annotate_add_refuses_a_sheet_with_errors(tmp_path, capsys):
    sheet = tmp_path / "ben.csv"
    text = (PRACTICE / "sheets" / "ben.csv").read_text().replace(",asserted,", ",certain,", 1)
    sheet.write_text(text)
    gold_dir = tmp_path / "annotations"
    code = run("add", str(sheet), "--raw", str(PRACTICE_RAW), "--annotations", str(gold_dir))
    assert code == 1
    out = capsys.readouterr()
    assert "column 'stance': 'certain' is not one of: asserted, denied, disputed" in out.out
    assert not gold_dir.exists()


# --- the validator on gold folders -----------------------------------------------------------


def copy_seed_gold(tmp_path):
    folder = tmp_path / "annotations"
    shutil.copytree(SEED_ANNOTATIONS_DIR, folder)
    return folder


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def seed_check(folder, seeds, study="iran-drones"):
    vocab = load_vocabulary(study, SEED_RAW_DIR)
    return check_annotations(folder, seeds.articles, seeds.clean_texts, vocab, "gold")


def test_make_check_annotations_passes_on_good_gold_and_fails_on_a_broken_row(tmp_path, capsys):
    folder = copy_seed_gold(tmp_path)
    args = ("check", "--raw", str(SEED_RAW_DIR), "--annotations", str(folder))
    args += ("--study", "iran-drones")
    assert run(*args) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    quoted = '"approximately 1,000 additional weapons"'
    edit(folder / "figures_gold.csv", quoted, quoted.strip('"'))
    assert run(*args) == 1
    out = capsys.readouterr().out
    assert f"{folder}/figures_gold.csv:4: 14 cells where the header has 13" in out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "figures_gold.csv",
            "six other regions,1,6,6,6",
            "six other regions,1,six,6,6",
            "gold/figures_gold.csv:3: column 'value': 'six' is not a number",
        ),
        (
            "figures_gold.csv",
            "12-18 F-16s,1,15,12,18",
            "12-18 F-16s,1,16,12,18",
            "gold/figures_gold.csv:22: column 'value': a range's value is its midpoint: 15, not 16",
        ),
        (
            "figures_gold.csv",
            "hundreds of drones,1,550,100,1000",
            "hundreds of drones,1,550,200,900",
            "gold/figures_gold.csv:26: column 'low': 'hundreds' has the fixed bounds 100-1000",
        ),
        (
            "figures_gold.csv",
            "about 450 drones,1",
            "about 450 drones,2",
            "gold/figures_gold.csv:6: column 'surface': 'about 450 drones' occurrence 2 is not in "
            "the clean text (1 found): the last occurrence is 1",
        ),
        (
            "claims_gold.csv",
            "Vyacheslav Gladkov,Russian government,TASS",
            "Vyacheslav Gladkov,Martian government,TASS",
            "gold/claims_gold.csv:14: column 'source_type': 'Martian government' is not one of:",
        ),
        (
            "claims_gold.csv",
            "asserted,drones,supplied,'officials said'",
            "asserted,drones,delivered,'officials said'",
            "gold/claims_gold.csv:6: column 'event': 'delivered' is not one of: supplied,",
        ),
        (
            "claims_gold.csv",
            "50 km,1,,,outlet itself",
            "50 km,1,NASA,NASA,outlet itself",
            "gold/claims_gold.csv:18: column 'source': must be empty when source_type is "
            "'outlet itself'",
        ),
        (
            "claims_gold.csv",
            "1,Zelensky,Volodymyr Zelensky",
            "1,Zelenskyj,Volodymyr Zelensky",
            "gold/claims_gold.csv:2: column 'source': 'Zelenskyj' is not written in the article",
        ),
        (
            "claims_gold.csv",
            "000_66b62aea542f96ee,six other regions,1",
            "000_66b62aea542f96ee,six regions,1",
            "gold/claims_gold.csv:3: column 'surface': 'six regions' (occurrence 1) has no row in "
            "figures_gold.csv",
        ),
        (
            "annotated_articles.csv",
            "e440916a8dbcb917",
            "0000000000000000",
            "gold/annotated_articles.csv:2: column 'sha256': '000_66b62aea542f96ee' changed since "
            "it was annotated",
        ),
    ],
)
def test_each_broken_cell_is_named_by_file_line_and_column(
    tmp_path, seeds, file, old, new, message
):
    folder = copy_seed_gold(tmp_path)
    edit(folder / file, old, new)
    errors = [str(p) for p in seed_check(folder, seeds).errors]
    assert any(e.startswith(message) for e in errors), errors


def test_a_duplicate_key_names_the_first_line(tmp_path, seeds):
    folder = copy_seed_gold(tmp_path)
    for name in ("figures_gold.csv", "claims_gold.csv"):
        lines = (folder / name).read_text().splitlines(keepends=True)
        (folder / name).write_text("".join([*lines, lines[2]]))
    errors = [str(p) for p in seed_check(folder, seeds).errors]
    assert "gold/figures_gold.csv:27: column 'occurrence': the same figures gold key as line 3: " \
        "a second occurrence of 'six other regions' needs occurrence 2" in errors  # fmt: skip


def test_an_article_missing_from_the_corpus_is_a_warning_and_checked_for_form(tmp_path, seeds):
    folder = copy_seed_gold(tmp_path)
    gold = "\n".join((PRACTICE_GOLD / "annotated_articles.csv").read_text().splitlines()[1:])
    with open(folder / "annotated_articles.csv", "a") as handle:
        handle.write(gold + "\n")
    for name in ("figures_gold.csv", "claims_gold.csv"):
        rows = (PRACTICE_GOLD / name).read_text().splitlines(keepends=True)[1:]
        with open(folder / name, "a") as handle:
            handle.writelines(rows)
    result = seed_check(folder, seeds)
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        "gold/annotated_articles.csv:7: warning: column 'article_id': 'practice_storm_mirela' is "
        "not in this corpus: its gold is checked for form only"
    ]


def test_labels_are_checked_against_the_study_of_the_corpus(practice):
    # the practice gold uses the general-news labels; the seed study renames "government"
    general = load_vocabulary("general-news", PRACTICE_RAW)
    seed_study = load_vocabulary("iran-drones", PRACTICE_RAW)
    args = (PRACTICE_GOLD, practice.articles, practice.clean_texts)
    assert check_annotations(*args, general).problems == ()
    errors = check_annotations(*args, seed_study).errors
    assert {p.column for p in errors} == {"source_type"}
    assert len(errors) == 4  # the weather office (2), the agriculture department, the mayor
    assert all("'government' is not one of" in p.message for p in errors)


def test_a_folder_without_gold_has_nothing_to_check(tmp_path, capsys):
    args = ("check", "--raw", str(SEED_RAW_DIR), "--annotations", str(tmp_path))
    assert run(*args) == 0
    assert "No gold annotations" in capsys.readouterr().out


def test_gold_of_an_unlisted_article_is_an_error(tmp_path, seeds):
    folder = copy_seed_gold(tmp_path)
    lines = (folder / "annotated_articles.csv").read_text().splitlines(keepends=True)
    (folder / "annotated_articles.csv").write_text("".join(lines[:1] + lines[2:]))
    errors = [str(p) for p in seed_check(folder, seeds).errors]
    assert f"gold/figures_gold.csv:2: column 'article_id': '{CNN}' is not listed in " \
        "annotated_articles.csv" in errors  # fmt: skip
