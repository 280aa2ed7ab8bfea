"""Tests for helpers.grouping.add_topics: a study's topics and events, from its rules.

The seed claims are checked against the hand-made gold of tests/data/seeds/annotations; the
rules' semantics on paragraphs written for these tests, with study files written here.
"""

from __future__ import annotations

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers.figures import figures_table
from helpers.grouping import add_groups, add_topics
from helpers.study import load_study
from test_grouping import OUTAGE, STORM, row, sentences_of

BOATS = """name: boats
title: Rescues at sea
topics:
  rules:
    - topic: rescues
      unit: '^(?:boat|dinghy|vessel)'
    - topic: people at sea
      kinds: [count]
      sentence: '\\b(?:migrants|aboard)\\b'
    - topic: search time
      kinds: [duration]
      sentence: '\\bsearch'
events:
  rules:
    - event: searched
      topics: [search time]
    - event: rescued
      topics: [rescues, people at sea]
      words: '\\brescu\\w*'
    - event: sank
      topics: [rescues, people at sea]
      words: '\\b(?:sank|capsized)'
groups:
  - label: boats
    what: [boats, dinghies, vessels]
  - label: migrants
    what: [migrants, people at sea]
"""
SEA = {
    "sea": (
        "Coastguards rescued 3 boats on Sunday, and two dinghies capsized. "
        "Two dinghies capsized near the harbour. "
        "About 120 migrants were aboard, the agency said, over 6 hours. "
        "The search lasted 12 hours. "
        "At least 10 of those aboard were rescued after the boat sank. "
        "The rescue was led by Maria Costa, 54, a captain."
    )
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from helpers.corpus import build_corpus, load_corpus

    out = tmp_path_factory.mktemp("processed")
    build_corpus(SEED_RAW_DIR, out, progress=False, verbose=False)
    sentences = load_corpus(out)["sentences"]
    study = load_study("iran-drones")
    figures = add_groups(figures_table(sentences), sentences, study)
    return add_topics(figures, sentences, study)


@pytest.fixture(scope="module")
def sea(tmp_path_factory) -> pd.DataFrame:
    path = tmp_path_factory.mktemp("study") / "study.yml"
    path.write_text(BOATS, encoding="utf-8")
    study = load_study(path)
    sentences = sentences_of(SEA)
    return add_topics(add_groups(figures_table(sentences), sentences, study), sentences, study)


def test_seed_topics_and_events_match_the_gold(seeds):
    gold = pd.read_csv(SEED_ANNOTATIONS_DIR / "claims_gold.csv", keep_default_na=False)
    gold["occurrence"] = gold["occurrence"].astype(int)
    found = seeds.assign(occurrence=seeds.groupby(["article_id", "surface"]).cumcount() + 1)
    both = gold.merge(found, on=["article_id", "surface", "occurrence"], suffixes=("", "_found"))
    assert len(both) == len(gold) == 25
    wrong = both.loc[
        (both["topic"] != both["topic_found"]) | (both["event"] != both["event_found"])
    ]
    # "two more launchers" were promised: the study's "launched/used" words name the verb's
    # forms only, so the noun "launchers" does not make them launched
    assert wrong.empty, wrong[["surface", "topic_found", "event_found"]]
    assert both.loc[both["surface"] == "two more launchers", "event_found"].item() == "supplied"


def test_seed_time_and_bare_figures(seeds):
    # "... more than 60 artillery shells ... in the previous 24 hours": the sentence's topic,
    # but no event of its own
    hours = row(seeds, "24 hours")
    assert (hours["topic"], hours["event"]) == ("other weapons", "other")
    # "... has shot down at least 10 of them": no noun, the study's topic names the group
    bare = row(seeds, "at least 10")
    assert (bare["what"], bare["topic"], bare["event"]) == (
        "number",
        "drones",
        "shot down/intercepted",
    )
    assert bare["group"] == "drones"


def test_topic_rules_kinds_units_sentences(sea):
    assert row(sea, "3 boats")[["topic", "event"]].tolist() == ["rescues", "rescued"]
    assert row(sea, "About 120 migrants")["topic"] == "people at sea"
    # no rule names durations: a duration takes its sentence's topic, and no event from words
    over = row(sea, "over 6 hours")
    assert (over["topic"], over["event"]) == ("people at sea", "other")
    # a rule that names the duration kind classifies it; a rule without words fixes the event
    search = row(sea, "12 hours")
    assert (search["topic"], search["event"]) == ("search time", "searched")
    # an age is not a time: it keeps a topic of its own
    assert row(sea, "54")["topic"] == "other"


def test_events_take_the_nearest_words_before_else_after(sea):
    first, second = sea.loc[sea["surface"].str.contains("dinghies", case=False)].itertuples()
    # "rescued 3 boats on Sunday, and two dinghies capsized": the words before win
    assert (first.topic, first.event) == ("rescues", "rescued")
    # "Two dinghies capsized near the harbour": no words before, the first after
    assert (second.topic, second.event) == ("rescues", "sank")


def test_a_count_with_no_noun_joins_the_group_its_topic_names(sea):
    # "At least 10 of those aboard were rescued": no noun; its topic (people at sea) is named
    # by the study's group rule for migrants
    bare = row(sea, "At least 10")
    assert (bare["what"], bare["topic"], bare["event"]) == ("number", "people at sea", "rescued")
    assert bare["group"] == "migrants" == row(sea, "About 120 migrants")["group"]


def test_a_study_without_topic_rules_lets_the_groups_speak():
    study = load_study("general-news")
    sentences = sentences_of({"storm": STORM, "outage": OUTAGE})
    claims = add_topics(figures_table(sentences), sentences, study)
    timed = claims["kind"] == "duration"
    assert (claims.loc[~timed, "topic"] == claims.loc[~timed, "what"]).all()
    assert row(claims, "over two days")["topic"] == row(claims, "5,000 residents")["topic"]
    expected = claims["happened"].where(claims["happened"] != "", "other")
    assert (claims["event"] == expected).all()
    assert row(claims, "450,000 customers")[["topic", "event"]].tolist() == [
        "customers",
        "without power",
    ]


def test_topics_keep_rows_and_replace_columns(sea):
    sentences = sentences_of(SEA)
    again = add_topics(sea, sentences, load_study("general-news"))
    assert again.index.equals(sea.index)
    assert list(again.columns) == list(sea.columns)
    with pytest.raises(ValueError, match="lacks columns: surface"):
        add_topics(sea.drop(columns="surface"), sentences, load_study("general-news"))
