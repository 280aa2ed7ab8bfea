"""The shortcuts of the figure reader give the answers of the slower checks they replace.

Each shortcut (a pattern matched on the reversed text, one pattern for two, a look-behind
instead of a Python filter) is checked against the original check on sentences written for
this test, including the awkward spacing, case and window edges the shortcuts must handle.
"""

from __future__ import annotations

import re

import pytest

from helpers.figures import extract_figures
from helpers.figures.measures import (
    CURRENCY_AFTER_RE,
    CURRENCY_OR_UNIT_AFTER_RE,
    UNIT_AFTER_RE,
)
from helpers.figures.qualifiers import QUALIFIER_RE, qualifier_before
from helpers.figures.scan import LEADING_POINT_RE

QUALIFIED = [
    "The fund raised more than 40 million dollars.",
    "Turnout was More  Than\t61 percent in the north.",
    "Prices climbed up to-30 percent last winter.",
    "Officials counted no fewer than 12 boats.",
    "The reading was greater than or equal to 7 on the scale.",
    "Some 300 volunteers came; approx. 20 stayed overnight.",
    "The error is +/- 3 points, with ≥ 95 percent confidence.",
    "a > = 4 ratio and ~ 9 hours of rain",
    "It was about\n5 miles away.",
    "xabout 5 tonnes is not a qualifier",
    "about 5",
    "more than 4",
    "A long lead-in with many words before it, then at least or equal to 12 cases.",
    "ca. 1,200 people",
    "It costs \u00a0around\u00a0 8 euros.",
]


def _search(text: str, pos: int):
    m = QUALIFIER_RE.search(text, max(0, pos - 36), pos)
    return (m.start(), m.group("q") or m.group("sym")) if m else None


@pytest.mark.parametrize("text", QUALIFIED)
def test_reversed_qualifier_match_agrees_with_the_search(text):
    seen = 0
    for pos in range(len(text) + 1):
        found = qualifier_before(text, pos)
        if found is not None:
            seen += 1
            assert found == _search(text, pos), (text, pos)
    if text.startswith("xabout"):
        assert seen == 0  # a phrase glued to a word is not a qualifier


def test_qualifiers_read_through_the_shortcut():
    [fig] = extract_figures("Turnout was More  Than\t61 percent in the north.")
    assert (fig.change, fig.qualifier, fig.value) == (">", "More  Than", 61.0)
    [fig] = extract_figures("It was about\n5 miles away.")
    assert (fig.change, fig.unit_normalized) == ("~", "mile")


AFTER = [
    " dollars",
    " USD million",
    "p",
    " p",
    " kn more",
    " km/h",
    " per cent",
    "-year",
    " people",
    " miles per hour",
    "GB",
    " C",
    " s",
    " euros and",
    "",
]


@pytest.mark.parametrize("tail", AFTER)
def test_currency_or_unit_in_one_match(tail):
    text = "12" + tail
    both = CURRENCY_OR_UNIT_AFTER_RE.match(text, 2)
    cur = CURRENCY_AFTER_RE.match(text, 2)
    unit = UNIT_AFTER_RE.match(text, 2)
    if cur is not None:
        assert both is not None and both.group("cur") == cur.group("cur")
        assert both.end() == cur.end()
    elif unit is not None:
        assert both is not None and both.group("cur") is None
        assert (both.group("ci"), both.group("cs"), both.end()) == (
            unit.group("ci"),
            unit.group("cs"),
            unit.end(),
        )
    else:
        assert both is None


def test_leading_point_is_the_filtered_point_scan():
    text = ".5 of it, (.25), v1.2, 4.5, x_.7, ..3, end.9 and .001"
    old = [
        m.start()
        for m in re.finditer(r"\.\d+", text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._")
    ]
    assert [m.start() for m in LEADING_POINT_RE.finditer(text)] == old
    assert old == [0, text.index("(.25") + 1, text.index(" .001") + 1]


def test_common_shapes_read_as_before():
    figs = extract_figures(
        "Officials said 131 flights were cancelled and about 26 people died; "
        "the repairs will cost $57.0 million, 63 percent more than planned, in 2019."
    )
    got = [(f.surface, f.value, f.change, f.unit_normalized, f.kind) for f in figs]
    assert got == [
        ("131 flights", 131.0, "=", "flight", "count"),
        ("about 26 people", 26.0, "~", "person", "count"),
        ("$57.0 million", 57e6, "=", "dollar", "money"),
        ("63 percent", 63.0, "=", "percent", "percent"),
    ]
