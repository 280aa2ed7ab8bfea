"""The claim charts of notebook 04 from a claims table read part by part, in bounded memory.

:func:`claim_charts` draws the same charts as :func:`~helpers.charts.build.study_chart` and
:func:`~helpers.charts.build.group_charts` on the whole table, without ever holding a chart row
per claim. Each part of the table (the pass's buckets, each holding whole articles) is reduced
to a small share of the charts, and the shares are added up exactly (counts and sums, distinct
sources, first claims in corpus order); ``each`` (:mod:`helpers.charts.buckets`) computes the
shares a batch of parts at a time and, given a cache folder, keeps each bucket's share between
runs, so that a rerun computes only the buckets that changed. ``fetch(article_ids)`` reads
the claims of a few articles. The shares:

1. ``chart-shares``: per part its share of the claims-per-group chart and of the ranking of
   the side-by-side chart, and the rows a study's chart specs may draw;
2. ``chart-nouns``, only when a part holds a count without a noun: the nouns such a count
   takes (:func:`~helpers.charts.panels.group_nouns`), the one thing
   :func:`~helpers.charts.claim_rows.claim_rows` learns from the whole table (the shares
   are then computed again with them);
3. ``chart-sides``: for the panels the side-by-side chart draws (chosen from the complete
   counts), the claims in them in compact form (who, which outlet, the words, the value in
   the panel's unit), repeated claims once; the claims it picks are then fetched whole
   (:mod:`helpers.charts.sides`).

Corpus order is article by article (ids sorted), each article's rows as written
(:mod:`helpers.charts.order`), so that parts read in any order give the rows of the whole
table in its order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

import numpy as np
import pandas as pd

from helpers.charts.buckets import Each, Packed, packed, split_by, together, unpacked
from helpers.charts.claim_rows import (
    CLAIM_COLUMNS,
    CLAIM_INPUT_COLUMNS,
    claim_nouns,
    spec_rows,
)
from helpers.charts.corpus_rows import group_count_part, group_count_table
from helpers.charts.order import ORDER, each_in_order, in_order, positioned_rows
from helpers.charts.panels import UNKNOWN, NounsNeeded, group_nouns
from helpers.charts.sides import part_marks, side_part, side_ranking, side_rows

NOUN_COLUMNS = [
    "article_id", "sentence_id", "start", "conversion_of", "kind", "unit_normalized", "si_unit",
    "what", "topic", "group",
]  # fmt: skip


def claim_charts(
    each: Each,
    fetch: Callable[[list[str]], pd.DataFrame],
    specs: Sequence = (),
    top_groups: int = 6,
    per_group: int = 6,
) -> tuple[list[tuple[pd.DataFrame, pd.DataFrame]], pd.DataFrame, pd.DataFrame]:
    """The rows of the claim charts of notebook 04, from the claims table in parts:
    ``([(rows, left_out) of each spec], group count rows, side-by-side rows)``, the same as
    :func:`spec_rows`, :func:`~helpers.charts.corpus_rows.group_count_rows` and
    :func:`~helpers.charts.claim_rows.side_by_side_rows` give on the whole table (see the
    module's docstring; ``each`` is :func:`~helpers.charts.buckets.in_batches` or
    :func:`~helpers.charts.buckets.cached_buckets`, ``fetch(article_ids)`` reads the claims of
    a few articles). The rows a spec may draw (its topics, events and groups) are held whole:
    a spec that names none holds every claim."""
    wanted = [[sorted(s.topics or ()), sorted(s.events or ()), sorted(s.groups or ())]
              for s in specs]  # fmt: skip
    nouns, known = UNKNOWN, ["unknown"]  # most tables have no count without a noun
    shares = each(partial(_first_shares, nouns=nouns, specs=specs), CLAIM_INPUT_COLUMNS,
                  "chart-shares", [known, wanted])  # fmt: skip
    if any(share is NEEDS_NOUNS for share in shares):
        found = each(_noun_shares, NOUN_COLUMNS, "chart-nouns", [])
        nouns = group_nouns([f for f in found if f is not None])
        known = sorted([str(g), str(n)] for g, n in nouns.items())
        shares = each(partial(_first_shares, nouns=nouns, specs=specs), CLAIM_INPUT_COLUMNS,
                      "chart-shares", [known, wanted])  # fmt: skip
    count_rows = group_count_table([_joined(s["counts"] for s in shares if s is not None)])
    fine, chosen = side_ranking([_joined(s["sides"] for s in shares if s is not None)], top_groups)
    kept = unpacked(s["kept"] for s in shares if s is not None)
    if kept is None:
        kept = pd.DataFrame(columns=[*CLAIM_COLUMNS, "position"])
    kept = kept.sort_values(ORDER, kind="mergesort")
    kept = kept.drop(columns="position").reset_index(drop=True)
    charts = [
        spec_rows(None, spec.topics, spec.events, spec.groups, spec.unit_family, rows=kept)
        for spec in specs
    ]
    side = side_rows(each, fetch, (nouns, known), shares, fine, chosen, per_group)
    del shares
    return charts, count_rows, side


NEEDS_NOUNS = "needs nouns"  # a batch's share: it holds a count without a noun (see NounsNeeded)


def _first_shares(parts: list[pd.DataFrame], nouns: pd.Series, specs: Sequence) -> list:
    """Per part: its share of the claims-per-group chart (``counts``), of the side-by-side
    ranking (``sides``), the rows the specs may draw (``kept``) and the ``marks`` of
    :func:`~helpers.charts.sides.part_marks`, computed for the parts together and split;
    :data:`NEEDS_NOUNS` for each when ``nouns`` is :data:`UNKNOWN` and a count without a
    noun needs them."""
    parts = each_in_order(parts)
    batch, starts = together(parts)  # each part's rows in order, one after another
    try:
        found = positioned_rows(batch, nouns)
    except NounsNeeded:
        return [NEEDS_NOUNS] * len(parts)
    n = len(parts)
    owner = np.searchsorted(starts, found.index.to_numpy(), side="right") - 1
    found["_part"] = owner  # columns added in place: a copy of the rows would double the peak
    found["_row"] = found.index.to_numpy() - starts[owner]
    counts = group_count_part(found, by=["_part"]) or {}
    sides = side_part(found, by=["_part"]) or {}
    split = {f"counts.{k}": split_by(v, "_part", n) for k, v in counts.items()}
    split |= {f"sides.{k}": split_by(v, "_part", n) for k, v in sides.items()}
    kept = split_by(found.loc[_wanted(found, specs)].drop(columns="_row"), "_part", n)
    marks = part_marks(found, [len(part) for part in parts])
    shares = []
    for i, part in enumerate(parts):
        count = {k[7:]: v[i] for k, v in split.items() if k.startswith("counts.")}
        side = {k[6:]: v[i] for k, v in split.items() if k.startswith("sides.")}
        if marks[i] is None:
            shares.append(None)
            continue
        shares.append({"counts": _filled(count), "sides": _filled(side), "kept": packed(kept[i]),
                       "first": str(part["article_id"].iloc[0]), "marks": marks[i]})  # fmt: skip
    return shares


def _filled(pieces: dict[str, pd.DataFrame | None]) -> dict[str, Packed] | None:
    """A part's pieces of one share, :func:`packed`; None when the part has no rows in it."""
    if all(v is None for v in pieces.values()):
        return None
    return {k: packed(v) for k, v in pieces.items() if v is not None}


def _joined(shares: Iterable[dict[str, Packed] | None]) -> dict[str, pd.DataFrame] | None:
    """The parts' pieces of one share (:func:`_filled`), each kind as one frame."""
    shares = [s for s in shares if s is not None]
    if not shares:
        return None
    return {name: unpacked(s.get(name) for s in shares) for name in shares[0]}


def _noun_shares(parts: list[pd.DataFrame]) -> list[pd.DataFrame | None]:
    """Per part, its :func:`claim_nouns` (a part at a time: rarely needed)."""
    return [claim_nouns(in_order(part)) for part in parts]


def _wanted(rows: pd.DataFrame, specs: Sequence) -> pd.Series:
    """Rows that one of ``specs`` may draw (its topics, events and groups; unit aside)."""
    wanted = pd.Series(False, index=rows.index)
    for spec in specs:
        keep = pd.Series(True, index=rows.index)
        for name, values in (("topic", spec.topics), ("event", spec.events),
                             ("group", spec.groups)):  # fmt: skip
            if values:
                keep &= rows[name].isin(list(values))
        wanted |= keep
    return wanted
