"""The change of a figure (=, ~, >, <, up, down), on sentences written for these tests.

Each group is one shape of text: change verbs of market and economic news, phrases that look
like a change verb and are none ("made up 40% of"), a change verb shared by a list of figures,
and the bound and hedge phrases before and after a number. See docs/annotation-guide.md 2.4.
"""

from __future__ import annotations

import pytest

from helpers.figures import extract_figures


def changes(text: str) -> list[tuple[float, str]]:
    """(value, change) of every figure of ``text``, in order."""
    return [(f.value, f.change) for f in extract_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pound weakened 0.4% against the dollar on Tuesday.", [(0.4, "down")]),
        ("The euro strengthened 1.2 per cent after the vote.", [(1.2, "up")]),
        ("Brent firmed 60 cents in Asian trade.", [(60, "up")]),
        ("The economy expanded 0.5% in the second quarter.", [(0.5, "up")]),
        ("The yen appreciated 3% against the euro last month.", [(3, "up")]),
        ("The rouble depreciated 12% over the year.", [(12, "down")]),
        ("The budget deficit widened by $40 billion.", [(40e9, "up")]),
        ("The spread widened 15 basis points.", [(15, "up")]),
        ("The trade gap narrowed by 8% in March.", [(8, "down")]),
        ("Shares dived 18% after the profit warning.", [(18, "down")]),
        ("The index dove 300 points at the open.", [(300, "down")]),
        ("The stock skidded 4% in early trading.", [(4, "down")]),
        ("Gold leapt 2% to a record.", [(2, "up")]),
        ("Bitcoin rocketed 20% in a week.", [(20, "up")]),
        ("Tesla shares skyrocketed 25 percent.", [(25, "up")]),
        ("Home sales slumps 3% as rates bite, the headline said.", [(3, "down")]),
    ],
)
def test_change_verbs_of_market_news(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "up" after these verbs names a share, not a rise
        ("Women made up 40% of the workforce.", [(40, "=")]),
        ("Renewables make up 12 per cent of supply.", [(12, "=")]),
        ("Rent takes up 35% of their income.", [(35, "=")]),
        ("The new stand took up 20% of the car park.", [(20, "=")]),
        ("Online orders now make up nearly a third of sales.", [(1 / 3, "~")]),
        # "gave up" and "gave back" a gain are falls
        ("The index gave up 1.5% in late trading.", [(1.5, "down")]),
        ("The shares gave back 3% of their gains.", [(3, "down")]),
        # the real change verbs next to them still read
        ("Prices went up by 7% last year.", [(7, "up")]),
        ("Sales picked up 2% in June.", [(2, "up")]),
        ("The firm set up 3 new offices.", [(3, "=")]),
    ],
)
def test_phrases_that_look_like_a_change_verb(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales rose 5% in 2022 and 7% in 2023.", [(5, "up"), (7, "up")]),
        (
            "The Dow and the S&P 500 fell 1.2% and 0.8% respectively.",
            [(1.2, "down"), (0.8, "down")],
        ),
        (
            "The index rose 2% on Monday, 1% on Tuesday and 3% on Wednesday.",
            [(2, "up"), (1, "up"), (3, "up")],
        ),
        ("Exports fell 3% in March and a further 2% in April.", [(3, "down"), (2, "down")]),
        (
            "The yen fell 0.5% against the dollar and 0.3% against the euro.",
            [(0.5, "down"), (0.3, "down")],
        ),
        ("Gold rose 1% and silver 2%.", [(1, "up"), (2, "up")]),
        ("Profits jumped 20% and the dividend 10%.", [(20, "up"), (10, "up")]),
        ("The pound rose 1 cent and the euro 2 cents.", [(1, "up"), (2, "up")]),
        ("The firm cut prices by 10% and 15% for members.", [(10, "down"), (15, "down")]),
    ],
)
def test_a_change_verb_shared_by_a_list(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a share, or the subject of a new clause, after the list word
        ("Revenue rose 8%, and 40% came from services.", [(8, "up"), (40, "=")]),
        ("Sales rose 5%, and 60% of sales were online.", [(5, "up"), (60, "=")]),
        ("Sales of cars rose 5% and 7% of buyers chose electric models.", [(5, "up"), (7, "=")]),
        ("Shares rose 4% and 7% is expected next year.", [(4, "up"), (7, "=")]),
        ("Prices rose 5% and are now 20% above their 2019 level.", [(5, "up"), (20, "=")]),
        # another unit, another verb, a hedge or a bound of its own
        ("Turnout rose 4 points and 12% voted by post.", [(4, "up"), (12, "=")]),
        ("Sales rose 3% in July and fell 2% in August.", [(3, "up"), (2, "down")]),
        ("Sales rose 3% and nearly 5% in the south.", [(3, "up"), (5, "~")]),
        ("Costs rose 4% and more than 6% in London.", [(4, "up"), (6, ">")]),
        # a hedge or a bound never spreads to the next figure
        ("About 300 soldiers and 40 tanks crossed the border.", [(300, "~"), (40, "=")]),
        ("More than 200 homes and 50 shops were damaged.", [(200, ">"), (50, "=")]),
        # a sign is no verb
        ("Shares: +5% and 3% of volume.", [(5, "up"), (3, "=")]),
        # a negation or a comparison after the comma
        ("Prices increased 5 percent, not 10 percent as feared.", [(5, "up"), (10, "=")]),
        ("Shares rose 2%, versus 1% for the index.", [(2, "up"), (1, "=")]),
        ("Exports rose 4%, compared with 6% a year earlier.", [(4, "up"), (6, "=")]),
    ],
)
def test_what_a_listed_change_does_not_reach(text, expected):
    assert changes(text) == expected


def test_a_listed_change_names_its_rule():
    first, second = extract_figures("Sales grew 6% in Europe and 9% in Asia.")
    assert first.rule == "digits" and first.qualifier == "grew"
    assert second.rule.endswith("+listed-change") and second.qualifier == ""
    assert second.surface == "9%"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The bridge is upward of 300 metres long.", [(300, ">")]),
        ("A minimum of 5 years' experience is required.", [(5, ">")]),
        ("A maximum of 30 people may attend.", [(30, "<")]),
        ("Rents have climbed as high as $4,000 a month.", [(4000, "<")]),
        ("The bill came to just shy of $2,000.", [(2000, "<")]),
        ("They waited 20 minutes or so.", [(20, "~")]),
        ("The house needs $10,000 or thereabouts of repairs.", [(10000, "~")]),
        ("They hired 20 or so people.", [(20, "~")]),
        # "or so" is a hedge only right after the figure
        ("It took 20 minutes, or so he said.", [(20, "=")]),
    ],
)
def test_bounds_and_hedges(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shares nosedived 30% on the news.", [(30, "down")]),
        ("Oil softened 0.3% in Asian trade.", [(0.3, "down")]),
        ("The town's population dwindled 20% in a decade.", [(20, "down")]),
        ("Stocks bounced 2% at the open.", [(2, "up")]),
        ("The deficit swelled 12% to a record.", [(12, "up")]),
        ("The shares fell back 2% in the afternoon.", [(2, "down")]),
        ("Copper eased back 0.4% by noon.", [(0.4, "down")]),
        # a place, not a fall
        ("The plane crashed 20 miles from the airport.", [(20, "=")]),
    ],
)
def test_more_change_verbs(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Fed raised rates 25 basis points on Wednesday.", [(25, "up")]),
        ("The bank hiked rates 50bp, its biggest move in years.", [(50, "up")]),
        ("The lender trimmed its mortgage rate 10 basis points.", [(10, "down")]),
        (
            "The central bank cut its key rate 0.5 percentage points to 3.75%.",
            [(0.5, "down"), (3.75, "=")],
        ),
        (
            "The Bank of England lowered Bank Rate a further 0.25 percentage points.",
            [(0.25, "down")],
        ),
        # a level reached, a linking verb, or no amount in points
        ("He cut the gap to 2 points.", [(2, "=")]),
        ("The club raised its tally to 45 points.", [(45, "=")]),
        ("Yields were 10 basis points higher.", [(10, "=")]),
        ("The firm cut 5% of its staff.", [(5, "=")]),
        ("The charity raised $2 million for the hospital.", [(2e6, "=")]),
    ],
)
def test_a_rate_moved_by_points(text, expected):
    assert changes(text) == expected


def test_a_rate_moved_by_points_names_its_rule():
    (fig,) = extract_figures("The Fed raised rates 25 basis points.")
    assert fig.rule == "digits+points-change" and fig.surface == "25 basis points"


@pytest.mark.parametrize(
    "text, expected",
    [
        # "to" after an amount moved by a verb a few words before "by" names the new level
        ("The club raised ticket prices by £5 to £45.", [(5, "up"), (45, "=")]),
        ("The government lifted the cap by $500 to $2,000.", [(500, "up"), (2000, "=")]),
        ("The company reduced its headcount by 300 to 4,200.", [(300, "down"), (4200, "=")]),
        ("The firm increased its stake by 2% to 12%.", [(2, "up"), (12, "=")]),
        # a range still reads when the second number brings the unit
        ("The treatment cut the risk by 1 to 2 percentage points.", [(1.5, "down")]),
        ("Profits are expected to grow by 3 to 4%.", [(3.5, "up")]),
    ],
)
def test_the_level_after_a_change_by_an_amount(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales rose by a fifth to £3m.", [(0.2, "up"), (3e6, "=")]),
        ("Crime fell by almost a third in two years.", [(1 / 3, "down"), (2, "=")]),
        ("Costs were cut by a tenth last year.", [(0.1, "down")]),
        ("Output fell by one fifth over the decade.", [(0.2, "down")]),
        ("Output will fall by a quarter once the plant closes.", [(0.25, "down")]),
        ("Demand was up a third on last winter.", [(1 / 3, "up")]),
        ("Sales were down a quarter on last year.", [(0.25, "down")]),
        # an ordinal after "by" or a change verb is no fraction
        ("The deal was approved by a third party.", []),
        ("The tree was planted by a fifth generation farmer.", []),
        ("Prices rose a third time in May.", []),
        ("Shares fell a fifth straight day.", []),
    ],
)
def test_a_change_by_a_fraction(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The comet will pass within 3 million miles of Earth.", [(3e6, "<")]),
        ("Most calls are answered within 10 minutes.", [(10, "<")]),
        # "estimated at" is not read as "~": "at" would then send every "at 5%" down the
        # qualifier path (about 1% of the reading time) for one figure in the suites
        ("The house was estimated at £1.2m.", [(1.2e6, "=")]),
        ("Costs are on the order of $50 million.", [(5e7, "~")]),
        ("Attendance was in the order of 20,000.", [(20000, "~")]),
        ("Exports broke through $1 trillion last year.", [(1e12, ">")]),
        # "within" sets a bound only right before the number
        ("Within the next 5 years, prices will rise.", [(5, "=")]),
    ],
)
def test_within_and_on_the_order_of(text, expected):
    assert changes(text) == expected
