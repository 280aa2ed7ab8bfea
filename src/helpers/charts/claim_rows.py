"""The rows of the charts that draw claims, one labelled row per claim: pure functions from
``claims.csv`` to the exact rows a chart plots (the chart's CSV).

Every row keeps its trace (``article_id, sentence_id, start, end, surface``), who said it and
where, its ``group`` (what was counted and what happened to it), and its place on the chart:
``panel`` (one unit family per panel), ``unit`` and ``value``/``low``/``high`` converted to that
unit (``value_as_written`` keeps the figure's own number). Which claims a chart draws comes from a
study's chart spec (:func:`spec_rows`) or from the corpus's own groups
(:func:`side_by_side_rows`); none of it knows any one story.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.charts.panels import families, family_matches, noun_counts, without_restatements
from helpers.charts.table import (
    MAX_ROWS_PER_GROUP,
    MAX_ROWS_PER_PANEL,
    TRACE_COLUMNS,
    column,
    contains,
    display_source,
    format_number,
    outlet_names,
    pairwise,
    panel_name,
    shortened,
    sorted_rows,
    spread_by_value,
    text,
    truthy,
    where_when,
)

# What each value of a figure's ``change`` means when a reader sees it on a chart.
CHANGE_WORDS = {
    "=": "as stated",
    "~": "about",
    ">": "more than / at least",
    "<": "up to / fewer than",
    "up": "rising",
    "down": "falling",
}
NO_GROUP = "other"
# The columns of the claims table the claim charts read: a notebook reads only these (the
# sentence text, the cue and the rule stay on disk).
CLAIM_INPUT_COLUMNS = [
    *TRACE_COLUMNS, "value", "low", "high", "is_range", "is_vague", "change", "qualifier",
    "unit_normalized", "kind", "si_value", "si_unit", "conversion_of", "what", "happened", "group",
    "source", "source_canonical", "source_type", "stance", "outlet", "published", "topic", "event",
]  # fmt: skip
CLAIM_COLUMNS = [
    *TRACE_COLUMNS, "outlet", "published", "source", "source_type", "stance", "topic", "event",
    "what", "happened", "group", "kind", "unit_normalized", "unit_family", "unit", "panel",
    "value", "low", "high", "value_as_written", "is_range", "is_vague", "change", "change_words",
    "qualifier", "label", "text", "claims_in_group", "claims_in_panel",
]  # fmt: skip


def claim_groups(claims: pd.DataFrame) -> pd.Series:
    """The group of each claim, as a chart names it: the claims table's ``group`` (else "what
    happened" from ``what``/``happened``, else the study's topic), followed by ": event" when
    the claim has a study event that the name does not already say ("drones: supplied"); else
    "other"."""
    group = text(column(claims, "group"))
    what, happened = text(column(claims, "what")), text(column(claims, "happened"))
    generic = (what + " " + happened).str.strip()
    topic, event = text(column(claims, "topic")), text(column(claims, "event"))
    for fallback in (generic, topic.where(~topic.isin(["", NO_GROUP]), "")):
        group = group.where(group != "", fallback)
    add = ~event.isin(["", NO_GROUP]) & ~contains(group, event)
    group = group.where(~add | (group == ""), group + ": " + event)
    return group.where(group != "", NO_GROUP)


def drawable(claims: pd.DataFrame) -> pd.DataFrame:
    """``claims`` without restatements in a second unit and without dates or durations that
    only say when another figure of their sentence held (:func:`helpers.ledger.time_context`):
    the claims a chart may draw. Row by row and sentence by sentence, so a part of the claims
    holding whole articles gives its share of the whole table's result."""
    from helpers.ledger import time_context  # late: see helpers.charts.panels

    claims = without_restatements(claims)
    if {"group", "kind", "unit_normalized", "sentence_id"} <= set(claims.columns) and len(claims):
        claims = claims[~time_context(claims)]  # "in the past 24 hours" says when, not how many
    return claims


def claim_nouns(claims: pd.DataFrame) -> pd.DataFrame:
    """:func:`helpers.charts.panels.noun_counts` of the claims a chart may draw: one part's
    share of the nouns :func:`claim_rows` gives a count without one (add the parts up with
    :func:`helpers.charts.panels.group_nouns`)."""
    return noun_counts(drawable(claims))


def claim_rows(
    claims: pd.DataFrame, describe: bool = True, nouns: pd.Series | None = None
) -> pd.DataFrame:
    """Every claim of ``claims`` with a value, in the :data:`CLAIM_COLUMNS` a claim chart keeps:
    restatements in a second unit left out, and dates or durations that only say when another
    figure of their sentence held (:func:`helpers.ledger.time_context`); values converted to
    the unit of their panel, text columns as strings, and ``label`` ("source · outlet, date")
    for the axis. ``describe=False`` leaves ``change_words``, ``label`` and ``text`` empty, for
    rows of which a chart draws only a few: :func:`described` fills them in for those.
    ``nouns`` (:func:`helpers.charts.panels.group_nouns`) when ``claims`` is a part of a
    larger table."""
    claims = drawable(claims)
    if claims.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    rows = pd.DataFrame(index=claims.index)
    for name in TRACE_COLUMNS:
        rows[name] = column(claims, name)
    for name in ("sentence_id", "start", "end"):
        rows[name] = pd.to_numeric(rows[name], errors="coerce").astype("Int64")
    for name in ("article_id", "surface"):
        rows[name] = text(rows[name])
    rows["outlet"] = outlet_names(claims)
    rows["published"] = text(column(claims, "published"))
    rows["source"] = display_source(claims)
    for name in ("source_type", "stance", "topic", "event", "what", "happened", "kind"):
        rows[name] = text(column(claims, name))
    rows["group"] = claim_groups(claims)
    rows["unit_normalized"] = text(column(claims, "unit_normalized"))
    panels = families(claims, nouns)
    for name in ("unit_family", "unit", "panel", "value", "low", "high"):
        rows[name] = panels[name]
    rows["value_as_written"] = pd.to_numeric(column(claims, "value", None), errors="coerce")
    rows["is_range"] = truthy(column(claims, "is_range"))
    rows["is_vague"] = truthy(column(claims, "is_vague"))
    change = text(column(claims, "change"))
    rows["change"] = change.where(change != "", "=")
    rows["qualifier"] = text(column(claims, "qualifier"))
    rows["change_words"] = rows["label"] = rows["text"] = ""
    rows["claims_in_group"] = rows["claims_in_panel"] = 0
    rows = rows[rows["value"].notna()][CLAIM_COLUMNS]
    return described(rows) if describe else rows


def described(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` of :func:`claim_rows` with what a reader sees filled in: ``change_words``,
    ``label`` ("source · outlet, date") and ``text`` (the words beside the point)."""
    if rows.empty:
        return rows
    rows = rows.copy()
    rows["change_words"] = rows["change"].map(CHANGE_WORDS).fillna(rows["change"])
    stance = rows["stance"].where(~rows["stance"].isin(["", "asserted"]), "")
    stance = stance.where(stance == "", " (" + stance + ")")
    place = where_when(shortened(rows["outlet"], 24), rows["published"])
    rows["label"] = shortened(rows["source"], 28) + " · " + place + stance
    rows["text"] = _point_text(rows)
    return rows


def _point_text(rows: pd.DataFrame) -> pd.Series:
    """The words beside a point: the figure as written, its qualifier when the words lack it
    ("[more than]"), and its value in the panel's unit when it was written in another one
    ("75 miles (120.7 km)")."""
    qualifier = rows["qualifier"]
    extra = (qualifier != "") & ~contains(rows["surface"].str.lower(), qualifier.str.lower())
    words = rows["surface"].where(~extra, rows["surface"] + " [" + rows["qualifier"] + "]")
    converted = (rows["value"] - rows["value_as_written"]).abs() > 1e-9 * rows["value"].abs()
    if not converted.any():
        return words
    moved = rows[converted]  # a number written out only where it was converted
    note = " (" + moved["value"].map(format_number) + " " + moved["unit"] + ")"
    return words.where(~converted, words + note.reindex(rows.index, fill_value=""))


def _order_panels(rows: pd.DataFrame, order: Sequence[str], colour: str) -> pd.DataFrame:
    """Rows panel by panel (largest panel first), then by ``colour`` in ``order``, largest
    value first."""
    sizes = rows.groupby("panel")["panel"].transform("size")
    rank = {name: i for i, name in enumerate(order)}
    rows = rows.assign(_size=sizes, _colour=rows[colour].map(rank).fillna(len(rank)).astype(int))
    rows = sorted_rows(rows, ["_size", "panel", "_colour", "value"], ("_size", "value"))
    return rows.drop(columns=["_size", "_colour"])


def pick_rows(
    rows: pd.DataFrame,
    within: list[str],
    per_group: int = MAX_ROWS_PER_GROUP,
    per_panel: int = MAX_ROWS_PER_PANEL,
) -> pd.DataFrame:
    """At most ``per_group`` rows of each (panel, ``within``) group and ``per_panel`` per panel,
    evenly spaced by value (:func:`~helpers.charts.table.spread_by_value`); each row's
    ``claims_in_group`` and ``claims_in_panel`` say how many claims its group and its panel held
    before the pick."""
    keys = ["panel", *within]
    rows = rows.assign(
        claims_in_group=rows.groupby(keys)["value"].transform("size"),
        claims_in_panel=rows.groupby("panel")["value"].transform("size"),
    )
    rows = spread_by_value(rows, keys, per_group)
    return spread_by_value(rows, ["panel"], per_panel)


def spec_rows(
    claims: pd.DataFrame,
    topics: Sequence[str] = (),
    events: Sequence[str] = (),
    groups: Sequence[str] = (),
    unit_family: str = "",
    rows: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of a study's chart spec: the claims whose topic, event and group are among
    those listed (an empty list allows any) and, when ``unit_family`` is given, whose unit
    family is that one. Returns ``(rows, left_out)``: the rows to plot (ordered by panel, event
    in the order listed, largest first; a spread of them where a group is crowded) and the
    claims of the topics/events asked for that the unit family keeps out (e.g. "six other
    regions" on a chart of people), for the caption. ``rows`` (:func:`claim_rows` of
    ``claims``) saves computing them again for each chart."""
    rows = claim_rows(claims) if rows is None else rows
    keep = pd.Series(True, index=rows.index)
    for name, wanted in (("topic", topics), ("event", events), ("group", groups)):
        if wanted:
            keep &= rows[name].isin(list(wanted))
    rows = rows[keep]
    fits = pd.Series(
        [family_matches(family, unit_family) for family in rows["unit_family"]],
        index=rows.index, dtype=bool,
    )  # fmt: skip
    left_out = sorted_rows(rows[~fits], ["unit_family"])
    rows = _order_panels(rows[fits], list(events), "event")
    rows = described(pick_rows(rows, ["event", "topic"]))
    return rows.reset_index(drop=True), described(left_out).reset_index(drop=True)


def side_by_side_rows(
    claims: pd.DataFrame, top_groups: int = 6, per_group: int = 6, rows: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The corpus's own groups, sources side by side: the ``top_groups`` groups that the most
    different sources gave figures for (then the most claims), one panel per group (and unit
    family), at most ``per_group`` claims each (a claim repeated word for word by the same
    source and outlet counts once), so that "police: 1.1 million, unions: 2 million protesters"
    sit one above the other. Groups that say what happened ("people killed") come before those
    that do not ("dollars"), and "other" last. ``rows``: as in :func:`spec_rows`."""
    rows = claim_rows(claims) if rows is None else rows
    if rows.empty:
        return rows
    rows = rows.assign(panel=_group_panels(rows))
    ranking = rows.assign(said=rows["happened"] != "").groupby("panel").agg(
        sources=("source", "nunique"), claims=("value", "size"), other=("group", "first"),
        said=("said", "mean"),
    )  # fmt: skip
    ranking["other"] = ranking["other"] == NO_GROUP
    ranking["vague"] = ranking["said"] < 0.5  # "dollars" of anything, not "dollars spent"
    ranking = ranking.sort_values(
        ["other", "vague", "sources", "claims"], ascending=[True, True, False, False],
        kind="mergesort",
    )  # fmt: skip
    chosen = list(ranking.index[:top_groups])
    rows = rows[rows["panel"].isin(chosen)]
    size = rows.groupby("panel")["value"].transform("size")
    rows = rows.assign(claims_in_group=size, claims_in_panel=size)
    rows = rows.drop_duplicates(["panel", "source", "outlet", "value", "change", "surface"])
    rows = spread_by_value(rows, ["panel"], per_group)
    order = {name: i for i, name in enumerate(chosen)}
    rows = rows.assign(_panel=rows["panel"].map(order))
    rows = sorted_rows(rows, ["_panel", "value"], ("value",)).drop(columns="_panel")
    return described(rows)


def _group_panels(rows: pd.DataFrame) -> pd.Series:
    """A panel per group, split by unit family when a group holds more than one."""
    mixed = rows.groupby("group")["unit_family"].transform("nunique") > 1
    own = pairwise(panel_name, rows["group"], rows["unit"])
    return own.where(~mixed, rows["group"] + " · " + rows["panel"])
