"""Shapes found missing on our held-out sentences (tests/data/figures_held/), each checked on
further sentences of our own with the same shape, not the held-out ones."""

from __future__ import annotations

import pytest

from helpers.figures import extract_figures


def readings(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit_normalized, f.change) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A counted noun with a rate after it counts per period.
        ("The ferry takes 1,200 passengers a day in summer.", [(1200.0, "passenger per day", "=")]),
        ("The clinic sees about 40 patients per week.", [(40.0, "patient per week", "~")]),
        ("Fire crews answered 300 calls each night.", [(300.0, "call per night", "=")]),
        # "a"/"an" with a word that is no denominator makes no rate.
        ("They hired 30 nurses a month ago.", [(30.0, "nurse", "=")]),
        ("It sold 12 houses a street away.", [(12.0, "house", "=")]),
        (
            "The storm damaged 40 warehouses and 3 bus shelters.",
            [(40.0, "warehouse", "="), (3.0, "shelter", "=")],
        ),
    ],
)
def test_counted_noun_takes_a_rate(text, want):
    assert readings(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A rate stays a rate when a time word follows its denominator.
        (
            "Copper traded at $9,100 a tonne before the report.",
            [(9100.0, "dollar per metric ton", "=")],
        ),
        ("Silver fell to $28 an ounce after the data.", [(28.0, "dollar per ounce", "=")]),
        ("Wheat sold for €230 a tonne after the harvest.", [(230.0, "euro per metric ton", "=")]),
        # ... but a period followed by "ago"/"earlier" dates the figure.
        ("Rent was $900 a month earlier.", [(900.0, "dollar", "=")]),
        ("Tickets cost £40 a year ago.", [(40.0, "pound sterling", "=")]),
    ],
)
def test_rate_before_a_time_word(text, want):
    assert readings(text) == want
