"""No input can crash or stall figure extraction or attribution (issue 13: bounded regexes).

Hypothesis builds texts aimed at regex backtracking: long runs of capitals, separators and
punctuation, repeated words and reporting verbs, numbers with hyphens and ranges, quotes and
brackets, mixed with short pieces of news. Each call must return without an exception, and
its work must stay in proportion to its length: a generous time bound per kilobyte, far above
what a linear pass costs, that exponential or quadratic backtracking breaks at these sizes.
The 100,000-input run with its speed figures is ``bench/bench_fuzz.py`` (``make bench``).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.budget import ArticleTimeout, time_limit
from helpers.claims import attribute_sentences, extract_claims
from helpers.figures import extract_figures
from helpers.sentences import sentence_spans

# Pieces that patterns meet in news text, and that nested quantifiers trip over.
PIECES = [
    "said", "says", "told", "according to", "citing", "who cited", "as reported by",
    "Officials", "officials", "Mr.", "Ms.", "Dr.", "Gov.", "U.S.", "(FEMA)", "the", "a",
    "also", "in a", "on Monday", "that", "he", "it", "they", "estimates", "put the figure at",
    "claimed", "found", "drones", "people", "1", "12", "1,000", "4.5 million", "-", " - ",
    "12-18", "between", "and", "hundreds of", "one", "two", "percent", "%", "$", ",", ", ",
    ".", "!", "?", ";", ":", '"', "\u201c", "\u201d", "'", "(", ")", "\n", "\n\n", "#",
    "ISSUED BY THE AIR FORCE COMMAND", "A", "AAAA", " ", "  ", "x" * 30,
    "Supt.", "Det Insp", "(R-Ohio)", "R-Texas,", "people familiar with", "of the", "at the",
    "'s", "saying", "declined to confirm", "would not say", "a figure first reported by",
    "put the number of", "closer to", "OSTERVALE (Wire) -", "its", "Energy", "Airport",
]  # fmt: skip
SIZE = 120  # pieces per text at most (texts of a few KB)


def _runs() -> st.SearchStrategy[str]:
    """One run aimed at backtracking: a piece repeated, or capitals, or digits and hyphens."""
    repeated = st.builds(lambda p, n: p * n, st.sampled_from(PIECES + [p + " " for p in PIECES]),
                         st.integers(1, 400))  # fmt: skip
    capitals = st.text(alphabet="ABCDEFGHIJ .'-", min_size=1, max_size=300)
    numbers = st.text(alphabet="0123456789 -,.%", min_size=1, max_size=300)
    return st.one_of(repeated, capitals, numbers, st.sampled_from(PIECES))


TEXTS = st.lists(_runs(), min_size=1, max_size=SIZE).map(" ".join).map(lambda t: t[:6000])
SECONDS_PER_KB = 0.5  # generous: a linear pass costs a few milliseconds per KB
FLOOR_SECONDS = 1.0  # any input may take this long (imports, caches, a slow machine)


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Pay the one-off costs (imports, compiled patterns, caches) before anything is timed."""
    extract_claims('"Warm," the mayor said of the 5 people. Police said 3.')


def _bounded(function, text: str) -> None:
    started = time.perf_counter()
    function(text)
    elapsed = time.perf_counter() - started
    assert elapsed <= FLOOR_SECONDS + SECONDS_PER_KB * len(text) / 1024, (elapsed, text[:200])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extract_claims_never_crashes_and_stays_linear(text):
    _bounded(extract_claims, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_attribute_sentences_never_crashes_and_stays_linear(text):
    _bounded(lambda t: attribute_sentences(t, sentence_spans(t)), text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extract_figures_never_crashes_and_stays_linear(text):
    _bounded(extract_figures, text)


@pytest.mark.parametrize(
    "text",
    [
        "The statement, ISSUED BY THE UKRAINIAN AIR FORCE COMMAND!, said 42 drones were shot down.",
        "Officials, " + "A" * 24 + "!, said 5 drones.",
        "Officials" + " in a also" * 20 + " # said 5 drones.",
        "1 - " * 1000,
        "said " * 1800,
    ],
)
def test_the_cases_of_the_issue_finish(text):
    with time_limit(10, "the case"):  # a hang fails here with ArticleTimeout, not forever
        claims = extract_claims(text)
    assert all(c.figure.surface == text[c.figure.start : c.figure.end] for c in claims)


def test_a_time_limit_interrupts_a_runaway_regex_with_a_clear_error():
    import re

    runaway = re.compile(r"(?:a|a)*+b|(?:x+x+)+y")  # the second branch backtracks for ever
    with pytest.raises(ArticleTimeout, match="took longer than its time budget of 0.2 s"):
        with time_limit(0.2, "the test"):
            runaway.match("x" * 40)


def test_time_limits_nest_and_restore_the_outer_one():
    with time_limit(5, "outer"):
        with time_limit(1, "inner"):
            pass
        with pytest.raises(ArticleTimeout, match="inner"):
            with time_limit(0.1, "inner"):
                while True:
                    pass
    with time_limit(None):  # no limit
        assert sum(range(10)) == 45
