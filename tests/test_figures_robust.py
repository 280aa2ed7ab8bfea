"""No input makes the extractor raise, hang or work more than in proportion to its length
(issue 13). Work is counted, not timed: the number of Python and C function calls the
extractor makes (a profile hook counts them), which does not depend on the machine's load.
"""

from __future__ import annotations

import math
import sys

import pytest

from helpers.figures import extract_figures


def calls(text: str) -> int:
    """Function calls (Python and C) made while extracting the figures of ``text``."""
    count = 0

    def hook(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        extract_figures(text)
    finally:
        sys.setprofile(None)
    return count


# Inputs aimed at the slow paths: repeated number words, separators, digits, hyphens,
# qualifiers, ranges, capitals, fractions and addresses.
REPEATED = [
    "one ",
    "one-",
    "twenty-",
    "one hundred and ",
    "1 - ",
    "1-",
    "1 ",
    "1,",
    "1.",
    "1/",
    "1 000 ",
    "12345678901234567890",
    "- ",
    "$",
    "a ",
    "and ",
    "more than ",
    "between 1 and ",
    "hundreds of ",
    "half ",
    "x10^",
    "A",
    "Officials, ",
    "2 a.m. ",
    "http://x.org/1/",
]


@pytest.mark.parametrize("unit", REPEATED)
def test_work_grows_in_proportion_to_the_length(unit):
    small, large = calls(unit * 200), calls(unit * 800)
    # linear work: four times the text, about four times the calls (never sixteen)
    assert large <= 5 * small + 200, (small, large)


@pytest.mark.parametrize(
    "text",
    [
        "1x10^309 km",
        "1e309",
        "9" * 400,
        "1" + "0" * 400 + " km",
        "the debt is 1.5e308 miles long",
        "10^999",
        "-" * 50 + "5",
        "\u00a0" * 20 + "5\u202f000",
        "½" * 30,
        "one " * 30 + "hundred",
    ],
)
def test_numbers_too_large_or_odd_never_raise(text):
    for f in extract_figures(text):
        assert math.isfinite(f.value) and math.isfinite(f.si_value)
        assert f.low <= f.value <= f.high
        assert text[f.start : f.end] == f.surface


def test_a_number_too_large_for_a_float_is_no_figure():
    assert extract_figures("1x10^309") == []
    assert extract_figures("9" * 400) == []
    assert [f.value for f in extract_figures("1.3e6")] == [1.3e6]
