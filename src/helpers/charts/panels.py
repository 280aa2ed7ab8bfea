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


def _named(claims: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, str]:
    """``what`` of each figure before a count with no noun takes its group's noun, the
    ``kind`` and ``group`` as text, and the lexicon's word for "no noun"."""
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
    return what, kind, text(column(claims, "group")), no_noun


class NounsNeeded(Exception):
    """Raised by :func:`counted` given ``nouns=UNKNOWN`` for claims with a count without a
    noun: the caller, reading a table part by part, has to learn the whole table's nouns."""


UNKNOWN = pd.Series(dtype=object, name="unknown")  # nouns not learned yet: see NounsNeeded


def counted(claims: pd.DataFrame, nouns: pd.Series | None = None) -> pd.Series:
    """What each figure counts: the table's ``what`` (computed from kind and unit with
    :func:`helpers.grouping.what_of` when the table has none); a count with no noun takes the
    study's ``topic`` when it has one, else the noun most counts of its ``group`` have: in
    ``claims``, or ``nouns`` (group -> noun, :func:`group_nouns`) when ``claims`` is one
    part of a larger table (:data:`UNKNOWN` raises :class:`NounsNeeded` if one is needed)."""
    what, kind, group, no_noun = _named(claims)
    if not (what == no_noun).any():
        return what
    if nouns is UNKNOWN:
        raise NounsNeeded(f"{int((what == no_noun).sum())} counts without a noun")
    if nouns is None:
        found = what[(what != no_noun) & (group != "") & kind.isin(["count", ""])]
        if not len(found):
            return what
        nouns = found.groupby(group[found.index]).agg(lambda s: s.value_counts().index[0])
    return what.where(what != no_noun, group.map(nouns).fillna(no_noun))


NOUN_COUNT_COLUMNS = ["group", "noun", "count", "article_id", "position"]


def noun_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """How many counts of each ``group`` name each noun (``group, noun, count``) and where
    the first one is (``article_id``, ``position`` among its article's rows): the part of a
    table that :func:`group_nouns` adds up over the parts (each holding whole articles)."""
    what, kind, group, no_noun = _named(claims)
    found = (what != no_noun) & (group != "") & kind.isin(["count", ""])
    if not found.any():
        return pd.DataFrame(columns=NOUN_COUNT_COLUMNS)
    article = text(column(claims, "article_id"))
    frame = pd.DataFrame(
        {"group": group, "noun": what, "article_id": article,
         "position": article.groupby(article, sort=False).cumcount()}
    )[found.to_numpy()]  # fmt: skip
    first = frame.sort_values(["article_id", "position"], kind="mergesort")
    first = first.drop_duplicates(["group", "noun"])
    sizes = frame.groupby(["group", "noun"], sort=False).size().rename("count")
    return first.join(sizes, on=["group", "noun"])[NOUN_COUNT_COLUMNS]


def group_nouns(parts: list[pd.DataFrame]) -> pd.Series:
    """group -> the noun most of its counts name (ties: the first in corpus order, articles
    by id), from the :func:`noun_counts` of every part: what :func:`counted` finds on the
    whole table."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.Series(dtype=object)
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.sort_values(["article_id", "position"], kind="mergesort")
    total = frame.groupby(["group", "noun"], sort=False)["count"].sum()
    first = frame.sort_values(["article_id", "position"], kind="mergesort")
    first = first.drop_duplicates(["group", "noun"]).set_index(["group", "noun"])
    ranked = first.assign(count=total).reset_index()  # in order of first appearance
    ranked = ranked.sort_values("count", ascending=False, kind="mergesort")
    return ranked.drop_duplicates("group").set_index("group")["noun"]


def families(claims: pd.DataFrame, nouns: pd.Series | None = None) -> pd.DataFrame:
    """Per row of ``claims`` (figures.csv or claims.csv columns): ``panel`` (the axis it may
    share), ``unit_family`` (the panel's name without its unit: "distance", "money",
    "people"), ``unit`` (the one unit of the panel) and ``value``, ``low``, ``high`` in that
    unit. ``nouns``: as in :func:`counted`."""
    from helpers.ledger.panels import panel_frame  # late: see above

    if claims.empty:
        return pd.DataFrame(columns=["panel", "unit_family", "unit", "value", "low", "high"])
    value = pd.to_numeric(column(claims, "value", None), errors="coerce").astype(float)
    frame = pd.DataFrame(
        {
            "kind": text(column(claims, "kind")),
            "what": counted(claims, nouns),
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
