"""The change conventions where NewsQuant's gold contradicts itself, so the annotation guide
decides (docs/number-conventions.md, "Where value+change ends"). Sentences are our own."""

from __future__ import annotations

import pytest

from helpers.figures import extract_figures


def changes(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.change) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The level reached after "rose X to Y" is no change; the amount of the rise is.
        (
            "Acme shares rose 12 cents to $4.10 on Tuesday.",
            [("rose 12 cents", "up"), ("$4.10", "=")],
        ),
        (
            "The index gained 1.5 percent to 3,210.4 points.",
            [("gained 1.5 percent", "up"), ("3,210.4 points", "=")],
        ),
        (
            "Exports climbed 7 per cent to 2.1 billion euros while imports fell 3 per cent"
            " to 1.8 billion euros.",
            [
                ("climbed 7 per cent", "up"),
                ("2.1 billion euros", "="),
                ("fell 3 per cent", "down"),
                ("1.8 billion euros", "="),
            ],
        ),
        # A change verb with "to" and no amount names a level, not a change.
        ("The river level fell to 3.2 metres overnight.", [("3.2 metres", "=")]),
    ],
)
def test_level_after_to_is_no_change(text, want):
    assert changes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A change verb outranks a hedge after it ...
        ("Ticket sales rose about 4% in June.", [("rose about 4%", "up")]),
        (
            "Turnout was about 640 voters, up about 12 percent on last year.",
            [("about 640 voters", "~"), ("up about 12 percent", "up")],
        ),
        # ... but a hedge or a bound alone decides.
        ("Some 300 households lost power.", [("Some 300 households", "~")]),
        ("The town has nearly 40 doctors.", [("nearly 40 doctors", "~")]),
        ("The hall seats up to 900 people.", [("up to 900 people", "<")]),
        # "by" makes the amount a change; without it the share is a count.
        ("Rents fell by 5% last year.", [("fell by 5%", "down")]),
        ("The firm cut 5% of its staff.", [("5%", "=")]),
    ],
)
def test_verbs_hedges_and_bounds(text, want):
    assert changes(text) == want
