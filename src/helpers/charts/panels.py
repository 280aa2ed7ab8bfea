"""Which axis a figure may share: its panel, and its value in the one unit of that panel.

A chart never puts two kinds of quantity on one axis: 6 regions beside 4.5 million residents, or
75 miles beside 120 km, mislead. The panels are those of :func:`helpers.grouping.panel_of`, so
that every chart of the kit (and the ledger) draws the same axes: counts of persons share
"people", counts of places "places", any other count the axis of what it counts ("drones");
measures one axis per family in one unit ("distance (km)", values converted with the
extractor's ``si_value``); money one axis per currency ("money (dollars)").

A count with no noun ("at least 10", "the death toll rose to 14") takes the study's topic as
what it counts when the study gave it one ("drones"), else what most counts of its group count
("people" in "people killed"). A figure that restates another in a second unit ("75 miles (120
kilometers)": ``conversion_of`` >= 0) is dropped by :func:`without_restatements`, so it is
never drawn twice.
"""

from __future__ import annotations

import pandas as pd

from helpers.charts.table import column, text

# helpers.grouping (and helpers.ledger, which imports it) load the inflect library, 2-3 s of
# CPU: the functions below import them when a chart of claims is drawn, so that a notebook
# that only styles and saves charts (01, 05, 06) does not pay for it.

NO_TOPIC = ("", "other")  # topic values that say nothing about what a figure counts


def without_restatements(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the figures that restate another in a second unit (``conversion_of``
    >= 0, e.g. the "120 kilometers" of "75 miles (120 kilometers)"); a table without the
    column has none."""
    if "conversion_of" not in frame.columns:
        return frame
    restated = pd.to_numeric(frame["conversion_of"], errors="coerce").fillna(-1) >= 0
    return frame.loc[~restated]


def counted(claims: pd.DataFrame) -> pd.Series:
    """What each figure counts: the table's ``what`` (computed from kind and unit with
    :func:`helpers.grouping.what_of` when the table has none); a count with no noun takes the
    study's ``topic`` when it has one, else the noun most counts of its ``group`` have."""
    from helpers.grouping import what_lexicon, what_of

    kind = text(column(claims, "kind"))
    unit = text(column(claims, "unit_normalized"))
    si_unit = text(column(claims, "si_unit"))
    what = text(column(claims, "what"))
    missing = what == ""
    if missing.any():
        triples = zip(kind[missing], unit[missing], si_unit[missing], strict=True)
        what[missing] = [what_of(k, u, s)[0] for k, u, s in triples]
    no_noun = what_lexicon().no_noun
    topic = text(column(claims, "topic"))
    what = what.where((what != no_noun) | topic.isin(NO_TOPIC), topic)
    group = text(column(claims, "group"))
    nouns = what[(what != no_noun) & (group != "") & kind.isin(["count", ""])]
    if len(nouns) and (what == no_noun).any():
        ranked = nouns.groupby(group[nouns.index]).agg(lambda s: s.value_counts().index[0])
        what = what.where(what != no_noun, group.map(ranked).fillna(no_noun))
    return what


def families(claims: pd.DataFrame) -> pd.DataFrame:
    """Per row of ``claims`` (figures.csv or claims.csv columns): ``panel`` (the axis it may
    share), ``unit_family`` (the panel's name without its unit: "distance", "money",
    "people"), ``unit`` (the one unit of the panel) and ``value``, ``low``, ``high`` in that
    unit."""
    from helpers.ledger.panels import panel_frame  # late: see above

    if claims.empty:
        return pd.DataFrame(columns=["panel", "unit_family", "unit", "value", "low", "high"])
    value = pd.to_numeric(column(claims, "value", None), errors="coerce").astype(float)
    frame = pd.DataFrame(
        {
            "kind": text(column(claims, "kind")),
            "what": counted(claims),
            "unit_normalized": text(column(claims, "unit_normalized")),
            "si_unit": text(column(claims, "si_unit")),
            "value": value,
            "low": _number(claims, "low").fillna(value),
            "high": _number(claims, "high").fillna(value),
            "si_value": _number(claims, "si_value").fillna(value),
        },
        index=claims.index,
    )
    panels = panel_frame(frame).rename(columns={"panel_unit": "unit"})
    panels["unit_family"] = panels["panel"].str.replace(r" \(.*\)$", "", regex=True)
    return panels[["panel", "unit_family", "unit", "value", "low", "high"]]


def _number(frame: pd.DataFrame, name: str) -> pd.Series:
    return pd.to_numeric(column(frame, name, None), errors="coerce").astype(float)


def family_matches(family: str, wanted: str) -> bool:
    """True when a row's unit ``family`` is the ``wanted`` family of a chart spec (case aside;
    an empty ``wanted`` takes any family).

    >>> family_matches("people", "People"), family_matches("places", "people")
    (True, False)
    """
    wanted = wanted.strip().lower()
    return not wanted or family.strip().lower() == wanted
