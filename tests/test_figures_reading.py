"""Number reading by category, on sentences written for these tests (issue 11).

Each test holds several sentences of one shape, so that a rule is checked on its pattern and
not on one example.
"""

from __future__ import annotations

import pytest

from helpers.figures import extract_figures


def read(text: str) -> list[tuple]:
    """(value or (low, high), unit_normalized, change) of each figure."""
    return [
        ((f.low, f.high) if f.is_range else f.value, f.unit_normalized, f.change)
        for f in extract_figures(text)
    ]


def values(text: str) -> list:
    return [v for v, _, _ in read(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The council counted four hundred and twelve ballots.", 412),
        ("Some twenty-one thousand three hundred fans came.", 21300),
        ("The fund holds 3 hundred million in cash.", 3e8),
        ("We logged 4 thousand 3 hundred and 21 calls.", 4321),
        ("The town spent two hundred and two thousand on roads.", 202000),
        ("They bought three hundred and two dozens of eggs.", 324),
        ("He owes six crore and two hundred.", 60000200),
        ("The debt is three lakh crore.", 3e12),
    ],
)
def test_compound_number_words(text, value):
    assert values(text) == [pytest.approx(value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The trip took two and a half hours.", 2.5),
        ("Nearly two thirds of a million people voted.", 2e6 / 3),
        ("The plank is one hundred and three quarters long.", 100.75),
        ("The error was a hundredth of a second.", 0.01),
        ("It holds one-eighth of the stock.", 0.125),
        ("The recipe needs 2½ cups.", 2.5),
        ("Use 1⁄4 of the mix.", 0.25),
        ("The deficit reached five and a half million.", 5.5e6),
        ("Sales hit 3 million and a quarter.", 3.25e6),
        ("The reading was nine point nought four.", 9.04),
        ("The answer is minus five point five.", -5.5),
    ],
)
def test_fractions_mixed_numbers_and_decimals_in_words(text, value):
    assert values(text)[0] == pytest.approx(value)


def test_grouped_digits_decimal_commas_and_powers():
    assert values("The city has 2 450 000 residents.") == [2450000]
    assert values("He paid 12,34,567 rupees.") == [1234567]
    assert values("Turnout was 37,5% in the north.") == [37.5]
    assert values("The lab counted 1.3e6 cells and 2.998x10^8 more.") == [1.3e6, 2.998e8]
    assert values("The codes were 1, 234, 567.") == [1, 234, 567]  # a comma and a space separate


def test_magnitude_suffixes_against_units():
    assert read("The show drew 12m viewers.") == [(12e6, "viewer", "=")]
    assert read("The wall is 12m tall.") == [(12, "metre", "=")]
    assert read("She ran in the 100m final.") == [(100, "metre", "=")]
    assert read("The firm is worth $1.5T now.") == [(1.5e12, "dollar", "=")]
    assert read("The app has 2 B users.") == [(2e9, "user", "=")]
    assert values("Revenue was 1.2b last year.") == [1.2e9]
    assert read("They paid 75 USD million last year.") == [(75e6, "dollar", "=")]
    assert read("Losses in excess of 30 MUSD were reported.") == [(30e6, "dollar", ">")]


def test_bare_and_spaced_ranges():
    assert read("The hall seats 300-400 guests.") == [((300, 400), "guest", "=")]
    assert read("Each lap takes 10 – 15min.") == [((10, 15), "minute", "=")]
    assert read("The fire destroyed 1500 - 1800 homes.") == [((1500, 1800), "home", "=")]
    assert read("Growth slowed from 3.1 to 2.9 percent.")[0][:2] == ((2.9, 3.1), "percent")
    assert read("Bids ranged 20~100 euros.")[0][0] == (20, 100)
    assert values("Pick any value 20 through 100.") == [(20, 100)]
    assert read("Flats range from 450 sq ft up to 900 sq ft.")[0][:2] == (
        (450, 900),
        "square foot",
    )
    assert values("The score was 3 - 1 at half time.") == [3, 1]  # a score, not a range


def test_a_lower_and_an_upper_bound_are_one_range():
    assert read("more than 100 and fewer than 300 people came") == [((100, 300), "person", "=")]
    assert read("at most 100 and at least 20 apples")[0][:2] == ((20, 100), "apple")
    assert read("above 1000 and below 1500")[0][0] == (1000, 1500)
    assert [c for _, _, c in read("more than 40 and less than 10")] == [">", "<"]


def test_split_money():
    assert read("The ticket cost 3 dollars 50 cents.")[0][:2] == (3.5, "dollar")
    assert read("It came to thirteen dollars and forty-five cents.")[0][:2] == (13.45, "dollar")
    assert read("Lunch was 15 dollars 50.")[0][:2] == (15.5, "dollar")
    assert values("He paid 15 dollars and 50 people cheered.") == [15, 50]


@pytest.mark.parametrize(
    "text",
    [
        "They flew a Boeing 777 to Lima.",
        "The A320neo is quieter.",
        "A Category 3 storm hit the coast.",
        "It has a V-8 under the hood.",
        "He caught covid-19 twice.",
        "Reviews of the iPhone 11 Pro and 11 Pro Max are mixed.",
        "The club reached a last-32 tie.",
        "See https://example.org/2024/10/report-15 for more.",
        "Write to desk.12@example.org today.",
    ],
)
def test_names_ratings_and_addresses_are_not_figures(text):
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "on may 19, the agency began checks",
        "the bonds are due dec. 12, 1994",
        "filings closed sept. 30 and reopened",
        "he was fined on 1 may that year",
        "the march 5, 2021 vote",
    ],
)
def test_lower_cased_dates_are_not_figures(text):
    assert values(text) == []


def test_march_as_a_verb_keeps_its_figure():
    assert read("troops march 20 miles a day")[0][:2] == (20, "mile per day")


def test_qualifiers_around_a_number():
    assert [c for _, _, c in read("It must be >= 30 and <= 50 units.")] == ["="]
    assert read("We expect 50 people or more.")[0][2] == ">"
    assert read("They want about five hundred or more.")[0][2] == ">"
    assert read("The fee is 20 dollars or less.")[0][2] == "<"
    assert read("Bookings exceeded $8 billion.")[0][2] == ">"
    assert read("Prices rose 5% and the index fell by 2 points.")[1][2] == "down"
    # a change restated as a share keeps the direction of the change
    assert [c for _, _, c in read("The index was up 12 points, or 0.4%, today.")] == ["up", "up"]
    assert [c for _, _, c in read("Shares fell 50 cents, or 2%.")] == ["down", "down"]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("The forecast was revised upward by 40 billion yen.", "up"),
        ("Estimates were revised downwards by 3%.", "down"),
        ("The fee was raised by $5.", "up"),
        ("The budget was cut by $2 million.", "down"),
        ("Prices moved higher by 2%.", "up"),
        ("Shares closed lower by 1.5%.", "down"),
        ("The outlook was trimmed by 2%.", "down"),
        ("The council hiked fees by 8%.", "up"),
        # without "by" these words name no amount
        ("The firm cut 5% of its staff.", "="),
        ("The lower 48 states got rain.", "="),
    ],
)
def test_a_rise_or_fall_by_an_amount(text, change):
    assert read(text)[0][2] == change


def test_ratios_and_multiples():
    assert read("One in five adults voted.") == [(0.2, "adult", "=")]
    assert read("1 in 4 homes lack heat.")[0][:2] == (0.25, "home")
    assert read("Two out of five hundred sets failed.")[0][0] == pytest.approx(0.004)
    assert values("3 in 10 days") == [3, 10]  # a count within a time, not a ratio
    assert read("Revenue grew more than sixfold.") == [(6, "times", ">")]


def test_four_digit_numbers_are_years_unless_plainly_amounts():
    assert values("The plant opened in 1998 and closed in 2004.") == []
    assert values("Prices went up by an average of 1500.") == [1500]
    assert read("The storm destroyed 1500 homes.") == [(1500, "home", "=")]
    assert values("The 2019 results were poor.") == []


def test_descriptive_compounds_and_measures_in_compounds():
    assert values("It has a six-speed gearbox and a three-bed flat.") == []
    assert read("a six-mile trip") == [(6, "mile", "=")]
    assert read("a 2.5-year history") == [(2.5, "year", "=")]


def test_conversion_of_points_to_the_figure_restated():
    figs = extract_figures("The drone flew 75 miles (120 km) and then 120 km (75 miles).")
    assert [f.conversion_of for f in figs] == [-1, figs[0].start, -1, figs[2].start]
    money = extract_figures("a loan of $5 million (4.6 million euros)")
    assert money[1].conversion_of == money[0].start
    temp = extract_figures("Temperatures fell by 2 degrees Celsius (3.6 Fahrenheit).")
    assert (temp[1].conversion_of, temp[1].change) == (temp[0].start, "down")
    # not a conversion: a different quantity in brackets, or values that disagree
    assert extract_figures("5 drones (3 shot down)")[1].conversion_of == -1
    assert extract_figures("75 miles (20 km of it on foot)")[1].conversion_of == -1
