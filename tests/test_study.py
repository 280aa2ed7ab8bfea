"""Tests for helpers.study: the shipped studies load, and a broken study file says where."""

from __future__ import annotations

import re

import pytest

from helpers.study import StudyError, load_study, study_path
from helpers.vocabulary import SOURCE_TYPES


def test_the_seed_study_holds_the_case_and_the_general_study_holds_none():
    seed = load_study("iran-drones")
    assert {a.canonical for a in seed.actors} >= {"Volodymyr Zelensky", "TASS"}
    assert seed.type_label("media") == "news outlet"
    assert seed.framing is not None and seed.framing.pattern.search("Tehran denied it")
    assert [c.slug for c in seed.charts][:1] == ["fig41-weapons-by-event"]
    general = load_study("general-news")
    assert general.actors == () and general.framing is None and general.topics == ()
    assert general.source_types == SOURCE_TYPES
    assert general.type_label("media") == "media"


def test_topic_and_event_rules_compile_in_file_order():
    seed = load_study("iran-drones")
    first = seed.topic_rules[0]
    assert first.topic == "range" and first.kinds == {"length"}
    assert first.sentence.search("a RANGE of 2,000 km")  # patterns are case-insensitive
    fixed = [r for r in seed.event_rules if r.words is None]
    assert {r.event for r in fixed} == {"without power", "range"}


def test_a_study_can_be_named_by_folder_or_file(tmp_path):
    folder = tmp_path / "strikes"
    folder.mkdir()
    (folder / "study.yml").write_text("name: strikes\ntitle: Strike coverage\n", "utf-8")
    assert load_study(folder).name == "strikes"
    assert load_study(folder / "study.yml").title == "Strike coverage"
    assert study_path("strikes").parts[-2:] == ("strikes", "study.yml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\n", "key '(top level)': 'title' is a required property"),
        ("name: x\ntitel: y\n", "'titel' was unexpected) (allowed keys: actors"),
        ("name: x\ntitle: [y\n", "line 3, column 1: not valid YAML"),
        (
            "name: x\ntitle: y\nactors:\n  - {canonical: A, type: org, kind: bot, names: [A]}\n",
            "key 'actors[0].kind': 'bot' is not one of",
        ),
        (
            "name: x\ntitle: y\nactors:\n  - {canonical: A, type: company, kind: org}\n",
            "key 'actors[0]': needs names or descriptions",
        ),
        (
            "name: x\ntitle: y\ntopics:\n  rules:\n    - {topic: t, unit: '(open'}\n",
            "key 'topics.rules[0].unit': not a valid pattern",
        ),
        (
            "name: x\ntitle: y\nevents:\n  rules:\n    - {event: e, topics: [floods]}\n",
            "key 'events.rules[0].topics': ['floods'] not among the topics",
        ),
        (
            "name: x\ntitle: y\ncharts:\n  - {slug: Fig1, title: t, caption: c}\n",
            "key 'charts[0].slug'",
        ),
    ],
)
def test_a_broken_study_file_names_the_file_the_key_and_the_problem(tmp_path, text, message):
    path = tmp_path / "study.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(StudyError, match=re.escape(message)) as error:
        load_study(path)
    assert str(path) in str(error.value)


def test_an_unknown_study_lists_the_studies_there_are():
    with pytest.raises(StudyError, match="studies available: .*general-news.*iran-drones"):
        load_study("no-such-study")


def test_a_corpus_gets_the_study_that_names_it_else_the_general_one(tmp_path):
    from helpers import paths
    from helpers.study import default_study

    assert default_study(paths.RAW_DIR) == "iran-drones"  # its corpus.raw is data/raw
    assert default_study(tmp_path) == "general-news"
