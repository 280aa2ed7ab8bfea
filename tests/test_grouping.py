"""Tests for helpers.grouping: what each figure counts, what happened to it, and its group.

Texts are news paragraphs written for these tests (a storm, a strike with police and union
counts, a utility and a governor counting an outage, a wildfire in acres and hectares) and the
seed articles; the expected readings were made by reading them.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR
from helpers.figures import figures_table
from helpers.grouping import (
    add_groups,
    nearest,
    panel_of,
    panel_values,
    plural,
    predicate_spans,
    predicates,
    what_lexicon,
    what_of,
)
from helpers.grouping.lexicon import PREDICATES_FILE, WHAT_FILE, first_letters
from helpers.sentences import sentence_spans
from helpers.study import StudyError, load_study

STORM = (
    "The storm killed at least 12 people and injured 40 in three counties. "
    "About 5,000 residents were evacuated over two days. "
    "Officials confirmed 14 deaths on Friday."
)
OUTAGE = (
    "Northgate Electric said 450,000 customers were without power on Tuesday. "
    "Governor Ana Ruiz said 600,000 people had lost power across the state."
)
STRIKE = (
    "Police said 80,000 protesters marched in the capital, while organisers put the turnout "
    "at 250,000. More than 2,000 dock workers went on strike, 500 of them at the port. "
    "Unemployment rose to 5.2 percent, up from 4.8 percent a year earlier."
)
WILDFIRE = (
    "The Ridge Fire has burned 12,000 acres (4,856 hectares), and about 300 homes were "
    "destroyed. Firefighters said the blaze had scorched 5,000 hectares by Monday."
)


def sentences_of(texts: dict[str, str]) -> pd.DataFrame:
    """The sentences table of articles given as texts (as notebook 01 would split them)."""
    rows = []
    for article_id, text in texts.items():
        for i, (start, end) in enumerate(sentence_spans(text), start=1):
            rows.append((article_id, 0, i, start, end, text[start:end]))
    return pd.DataFrame(rows, columns=["article_id", "post", "sentence_id", "start", "end", "text"])


def grouped(texts: dict[str, str], study: str = "general-news") -> pd.DataFrame:
    sentences = sentences_of(texts)
    return add_groups(figures_table(sentences), sentences, load_study(study))


def row(frame: pd.DataFrame, surface: str) -> pd.Series:
    found = frame.loc[frame["surface"].str.contains(surface, regex=False)]
    assert len(found) == 1, f"{surface!r} found {len(found)} times in {list(frame['surface'])}"
    return found.iloc[0]


@pytest.fixture(scope="module")
def written() -> pd.DataFrame:
    return grouped({"storm": STORM, "outage": OUTAGE, "strike": STRIKE, "fire": WILDFIRE})


# ---------------------------------------------------------------------------------- what


def test_what_names_one_thing_once():
    assert what_of("count", "resident", "resident") == ("people", "")
    assert what_of("count", "person", "person") == ("people", "")
    assert what_of("count", "Ukrainian", "Ukrainian") == ("people", "")  # a demonym
    for noun in ("customer", "home", "household", "job", "vote", "protester"):
        what, _ = what_of("count", noun, noun)
        assert what == plural(noun) and what != "people"
    assert what_of("count", "house", "house") == ("homes", "")
    assert what_of("count", "death", "death") == ("people", "killed")
    assert what_of("area", "acre", "km2") == what_of("area", "hectare", "km2") == ("area", "")
    assert what_of("length", "mile", "km") == ("distance", "")
    assert what_of("money", "dollar", "dollar") == ("dollars", "")
    assert what_of("money", "euro", "euro") == ("euros", "")
    assert what_of("percent", "percent", "percent") == ("percent", "")
    assert what_of("count", "", "") == (what_lexicon().no_noun, "")
    assert what_of("duration", "year of age", "day")[0] == "age"


def test_plurals_come_from_inflect_with_the_lexicon_s_exceptions():
    assert plural("child") == "children" and plural("county") == "counties"
    assert plural("A320") == "A320s" and plural("SUV") == "SUVs"
    assert plural("police") == "police" and plural("pound sterling") == "pounds sterling"
    assert plural("company's") == "companies"  # a possessive as the extractor wrote it


def test_panels_never_put_two_units_on_one_axis():
    assert panel_of("count", "people", "resident", "resident") == ("people", "people")
    assert panel_of("count", "protesters", "protester", "protester") == ("people", "people")
    assert panel_of("count", "regions", "region", "region") == ("places", "places")
    assert panel_of("count", "customers", "customer", "customer") == ("customers", "customers")
    assert (
        panel_of("area", "area", "acre", "km2")[0] == panel_of("area", "area", "hectare", "km2")[0]
    )
    assert panel_of("money", "dollars", "dollar", "dollar") != panel_of(
        "money", "euros", "euro", "euro"
    )
    frame = pd.DataFrame(
        {"kind": ["length", "length", "other"], "what": ["distance", "distance", "temperature"],
         "unit_normalized": ["mile", "kilometre", "fahrenheit"], "si_unit": ["km", "km", "celsius"],
         "value": [75.0, 120.0, 104.0], "low": [75.0, 120.0, 100.0], "high": [75.0, 120.0, 104.0],
         "si_value": [120.7008, 120.0, 40.0]}
    )  # fmt: skip
    values = panel_values(frame)
    assert list(values["panel"]) == ["distance (km)", "distance (km)", "temperature (°C)"]
    assert values.loc[0, "value"] == pytest.approx(120.7008)
    assert values.loc[2, "low"] == pytest.approx((100 - 32) * 5 / 9)


# ------------------------------------------------------------------------------ happened


def test_the_predicate_nearest_the_figure_between_its_neighbours():
    text = "14 people were killed and 40 injured"
    spans = predicate_spans(text)
    assert [s.predicate for s in spans] == ["killed", "injured"]
    assert nearest(text, spans, 0, 9, 0, 26) == "killed"
    assert nearest(text, spans, 26, 28, 9, len(text)) == "injured"
    # a predicate in another clause (behind commas) or far away is not the figure's
    text = "Winds of 140 mph, flattening piers, peeling roofs and knocking out power in the region."
    assert nearest(text, predicate_spans(text), 9, 16, 0, len(text)) == ""


def test_the_month_march_is_not_a_march():
    assert [s.predicate for s in predicate_spans("4.1 percent in March")] == []
    assert [s.predicate for s in predicate_spans("they marched")] == ["took part"]


def test_phrases_are_indexed_by_the_letters_they_can_start_with():
    assert first_letters("t(?:ake|akes|ook|aking) part") == {"t"}
    assert first_letters("(?:maximum |max )?range") == {"m", "r"}
    assert first_letters("(?-i:[Mm]arch(?:ed|es|ing)|march)") == {"m"}


def test_groups_of_written_paragraphs(written):
    expected = {
        "at least 12 people": ("people", "killed", "people killed"),
        "40": ("people", "injured", "people injured"),  # continues "12 people"
        "About 5,000 residents": ("people", "evacuated", "people evacuated"),
        "14 deaths": ("people", "killed", "people killed"),  # the noun says it
        "450,000 customers": ("customers", "without power", "without power"),
        "600,000 people": ("people", "without power", "without power"),
        "80,000 protesters": ("protesters", "took part", "people who took part"),
        "250,000": ("protesters", "took part", "people who took part"),  # the turnout at
        "2,000 dock workers": ("workers", "on strike", "people who took part"),
        "500": ("workers", "on strike", "people who took part"),  # "500 of them"
        "5.2 percent": ("percent", "rose", "percent rose"),
        "4.8 percent": ("percent", "rose", "percent rose"),  # "up from": the same quantity
        "12,000 acres": ("area", "burned", "area burned"),
        "about 300 homes": ("homes", "destroyed", "homes destroyed"),
        "5,000 hectares": ("area", "burned", "area burned"),
    }
    for surface, reading in expected.items():
        found = row(written, surface)
        assert (found["what"], found["happened"], found["group"]) == reading, surface


def test_a_time_takes_the_group_of_its_sentence_and_a_conversion_that_of_its_figure(written):
    days = row(written, "two days")
    assert days["what"] == "duration" and days["group"] == "people evacuated"
    hectares = row(written, "4,856 hectares")
    assert hectares["conversion_of"] >= 0  # the extractor marks the restatement
    assert hectares["group"] == "area burned"


def test_without_a_study_groups_read_what_happened(written):
    sentences = sentences_of({"outage": OUTAGE})
    plain = add_groups(figures_table(sentences), sentences)
    assert set(plain["group"]) == {"customers without power", "people without power"}
    assert list(plain.columns[-3:]) == ["what", "happened", "group"]


def test_groups_keep_every_row_and_column(written):
    sentences = sentences_of({"storm": STORM})
    figures = figures_table(sentences)
    out = add_groups(figures, sentences)
    assert out.index.equals(figures.index)
    assert list(out.columns) == [*figures.columns, "what", "happened", "group"]
    again = add_groups(out, sentences)  # present columns are replaced, not doubled
    assert again.equals(out)


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from helpers.corpus import build_corpus, load_corpus

    out = tmp_path_factory.mktemp("processed")
    build_corpus(SEED_RAW_DIR, out, progress=False, verbose=False)
    sentences = load_corpus(out)["sentences"]
    return add_groups(figures_table(sentences), sentences, load_study("iran-drones"))


def test_seed_groups_follow_the_study_rules(seeds):
    assert row(seeds, "more than 4.5 million residents")["group"] == "people without power"
    assert row(seeds, "millions of Ukrainians")["group"] == "people without power"
    assert row(seeds, "six other regions")["group"] == "regions without power"
    assert row(seeds, "more than 300 Iranian drones")["happened"] == "shot down"
    assert row(seeds, "more than 300 Iranian drones")["group"] == "drones"
    assert row(seeds, "12-18 F-16s")["group"] == "other weapons"
    # "75 miles (120 kilometers)": one range, the kilometres a restatement of the miles
    miles, km = row(seeds, "75 miles"), row(seeds, "120 kilometers")
    assert miles["group"] == km["group"] == "weapon range"
    # "... fired more than 60 artillery shells ... in the previous 24 hours"
    assert row(seeds, "24 hours")["group"] == row(seeds, "60 artillery shells")["group"]


def test_a_group_rule_naming_an_unknown_predicate_is_refused(tmp_path):
    path = tmp_path / "study.yml"
    path.write_text(
        "name: typo\ntitle: A study with a typo\n"
        "groups:\n  - label: outage\n    happened: [without pwer]\n",
        encoding="utf-8",
    )
    sentences = sentences_of({"outage": OUTAGE})
    with pytest.raises(StudyError, match=r"groups\[0\]\.happened.*without pwer"):
        add_groups(figures_table(sentences), sentences, load_study(path))


def test_bad_input_is_named():
    sentences = sentences_of({"outage": OUTAGE})
    figures = figures_table(sentences)
    with pytest.raises(KeyError, match="outage sentence 2"):
        add_groups(figures, sentences.loc[sentences["sentence_id"] == 1])
    with pytest.raises(ValueError, match="lacks columns: kind"):
        add_groups(figures.drop(columns="kind"), sentences)
    with pytest.raises(ValueError, match="outside its sentence"):
        add_groups(figures.assign(end=figures["end"] + 500), sentences)


def test_the_lexicons_are_generic_english():
    from importlib import resources

    story_words = re.compile(r"\b(?:iran\w*|drones?|shahed\w*|ukrain\w*|russia\w*|zelensk\w*)\b")
    for name in (WHAT_FILE, PREDICATES_FILE):
        text = resources.files("helpers").joinpath(name).read_text(encoding="utf-8").lower()
        assert not story_words.search(text), name
    assert {"killed", "without power", "evacuated", "burned", "took part"} <= set(
        predicates().order
    )
