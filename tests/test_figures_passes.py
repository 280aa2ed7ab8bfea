"""The passes over neighbouring figures and the copies they make, on our own sentences: a copy
made by ``replace_figure`` equals ``dataclasses.replace``, and each pass still fires on its
shape when the quick checks that skip it elsewhere let it through."""

from __future__ import annotations

import dataclasses

from helpers.figures import extract_figures
from helpers.figures.model import replace_figure


def readings(text: str) -> list[tuple]:
    return [
        (f.surface, f.value, f.low, f.high, f.unit, f.change, f.rule) for f in extract_figures(text)
    ]


def test_replace_figure_is_dataclasses_replace():
    for fig in extract_figures(
        "Fares rose 4% to $2.75, about 300 riders said, in 12 km (7 miles)."
    ):
        changed = {"unit": "widgets", "change": "~", "conversion_of": 3}
        assert replace_figure(fig, **changed) == dataclasses.replace(fig, **changed)
        assert replace_figure(fig) == fig
        assert hash(replace_figure(fig)) == hash(fig)


def test_bounds_merge_only_when_both_bounds_are_there():
    assert readings("More than 100 and fewer than 300 people came.") == [
        ("More than 100 and fewer than 300 people", 200.0, 100.0, 300.0, "people", "=", "bounds")
    ]
    # Two lower bounds are two figures.
    assert [f.change for f in extract_figures("More than 100 and over 300 people came.")] == [
        ">",
        ">",
    ]


def test_index_level_takes_points_only_after_a_move_in_points():
    figs = extract_figures("The index lost 162.31 points to 7,425.81 on Friday.")
    assert [(f.unit_normalized, f.change) for f in figs] == [("point", "down"), ("point", "=")]
    figs = extract_figures("The index lost 1.2% to 7,425.81 on Friday.")
    assert [f.unit_normalized for f in figs] == ["percent", ""]


def test_vulgar_fraction_in_text_with_typographic_quotes():
    figs = extract_figures("“We used 1½ tonnes and ¾ of the sand,” she said.")
    assert [(f.surface, f.value) for f in figs][:1] == [("1½ tonnes", 1.5)]
    assert 0.75 in [f.value for f in figs]
    assert extract_figures("“No fractions here,” she said.") == []
