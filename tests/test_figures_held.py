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


def units_of(text: str) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit_normalized, f.change, f.surface) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A part of a counted whole counts what the whole counts.
        (
            "Rebels hold 23 of the 31 villages in the valley.",
            [(23.0, "village", "=", "23"), (31.0, "village", "=", "31 villages")],
        ),
        (
            "About 900 of its 4,000 employees will move to the new site.",
            [(900.0, "employee", "~", "About 900"), (4000.0, "employee", "=", "4,000 employees")],
        ),
        # ... and takes no change verb: "shot down" is no fall.
        (
            "Air defences brought down 9 of the 12 missiles fired at the port.",
            [(9.0, "missile", "=", "9"), (12.0, "missile", "=", "12 missiles")],
        ),
        # The other side of a count: "by 61 votes to 39".
        (
            "The motion was carried by 61 votes to 39.",
            [(61.0, "vote", "=", "61 votes"), (39.0, "vote", "=", "39")],
        ),
        (
            "Home fans outnumbered visitors by 30,000 seats against 4,500.",
            [(30000.0, "seat", "=", "30,000 seats"), (4500.0, "seat", "=", "4,500")],
        ),
        # A number with its own unit keeps it.
        (
            "The plan won 200 votes to 150 abstentions.",
            [(200.0, "vote", "=", "200 votes"), (150.0, "abstention", "=", "150 abstentions")],
        ),
    ],
)
def test_part_and_other_side_of_a_count(text, want):
    assert units_of(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "over" right after a figure spreads it over a period ...
        (
            "The scheme will build 3,000 homes over ten years.",
            [(3000.0, "home", "=", "3,000 homes"), (10.0, "year", "=", "ten years")],
        ),
        (
            "Investors will put in £40m over 18 months.",
            [(40e6, "pound sterling", "=", "£40m"), (18.0, "month", "=", "18 months")],
        ),
        # ... elsewhere it is a lower bound.
        (
            "The dispute has gone on for over 12 years.",
            [(12.0, "year", ">", "over 12 years")],
        ),
        (
            "He has worked there over 20 years, with 300 staff over the period.",
            [(20.0, "year", ">", "over 20 years"), (300.0, "staff", "=", "300 staff")],
        ),
    ],
)
def test_over_a_period(text, want):
    assert units_of(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A change verb up to seven words before "by".
        ("The board raised its full-year sales forecast by 3%.", [(3.0, "percent", "up")]),
        (
            "The new drug reduced the chance of a second stroke by 40 percent.",
            [(40.0, "percent", "down")],
        ),
        (
            "Ministers cut the budget of every regional health board by £50m.",
            [(50e6, "pound sterling", "down")],
        ),
        # With "by", a counted amount is a change too ...
        ("The firm cut its workforce by 450 employees.", [(450.0, "employee", "down")]),
        ("The town's population grew by 3,000 residents.", [(3000.0, "resident", "up")]),
        # ... without it, a count is what was lost or gained.
        ("The firm lost 450 employees to rivals.", [(450.0, "employee", "=")]),
        # A change verb too far back does not reach "by".
        (
            "Prices fell after the storm that hit the coast and the towns inland by 9pm.",
            [],
        ),
    ],
)
def test_change_verb_before_by(text, want):
    assert readings(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Rupees written "Rs" before the number, spaced as "$" may be, with Indian scales.
        ("The state will spend Rs 4,500 crore on roads.", [(4.5e10, "indian rupee", "=")]),
        ("Tickets cost Rs 250 each.", [(250.0, "indian rupee", "=")]),
        ("Mrs 40 was the code.", [(40.0, "", "=")]),
        # Cents of a named currency are cents, not the currency.
        ("Shareholders get 35 euro cents a share.", [(35.0, "euro cent per share", "=")]),
        ("The coin is worth 5 US cents.", [(5.0, "cent", "=")]),
    ],
)
def test_currency_shapes(text, want):
    assert readings(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "aged" makes an age, one number or a range.
        ("Pupils aged 14 to 16 sat the test.", [(15.0, "year of age", "=")]),
        ("A woman aged 52 was arrested.", [(52.0, "year of age", "=")]),
        ("Adults aged between 30 and 45 were asked.", [(37.5, "year of age", "=")]),
        # A verb after a count is no counted noun.
        ("Of the riders, 14 took part in both stages.", [(14.0, "", "=")]),
        ("Nine fell sharply behind.", [(9.0, "", "=")]),
        # A singular noun before another noun still counts: "a four course dinner".
        ("They served a four course dinner.", [(4.0, "course", "=")]),
    ],
)
def test_ages_and_verbs_after_a_count(text, want):
    assert readings(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A fraction of one unit takes the unit.
        ("The queue stretched half a mile.", [(0.5, "mile", "=")]),
        ("The vote took three quarters of an hour.", [(0.75, "hour", "=")]),
        ("The central bank cut rates by a quarter of a point.", [(0.25, "point", "down")]),
        ("He won by a third of a second.", [(1 / 3, "second", "=")]),
        # A fraction of a group or a scale reads as before.
        ("Half the flats are empty.", [(0.5, "flat", "=")]),
        ("Half a million homes lost power.", [(500000.0, "home", "=")]),
    ],
)
def test_fraction_of_a_unit(text, want):
    assert readings(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A superlative between a count and its noun: "the 10 most visited museums".
        ("The 10 most visited museums are in the capital.", [(10.0, "museum", "=")]),
        ("Aid goes to the 46 least developed countries.", [(46.0, "country", "=")]),
        ("He was right 30 most of the time.", [(30.0, "", "=")]),
        # A degree sign and a spaced scale name: "41° Celsius".
        ("Seville reached 44° Celsius on Sunday.", [(44.0, "celsius", "=")]),
        ("The pool is kept at 82° F all year.", [(82.0, "fahrenheit", "=")]),
    ],
)
def test_superlatives_and_degree_signs(text, want):
    assert readings(text) == want


def spans(text: str) -> list[tuple[float, float, str]]:
    return [(f.low, f.high, f.unit_normalized) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "from X unit to Y": the second number leaves the unit unsaid.
        ("Her weight fell from 70 kilograms to 62 over the summer.", [(62.0, 70.0, "kilogram")]),
        ("The wait grew from 18 minutes to 25.", [(18.0, 25.0, "minute")]),
        ("The term was reduced from 8 years to five by the appeal judges.", [(5.0, 8.0, "year")]),
        # A second number with a noun of its own stays a figure of its own.
        ("It went from 3 km to 5 people.", [(3.0, 3.0, "kilometre"), (5.0, 5.0, "person")]),
        ("The trip went from 10 miles to 12 hours.", [(10.0, 10.0, "mile"), (12.0, 12.0, "hour")]),
    ],
)
def test_from_a_unit_to_a_bare_number(text, want):
    assert spans(text) == want
