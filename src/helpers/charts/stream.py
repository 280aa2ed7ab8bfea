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
   the panel's unit), repeated claims once; the claims it picks are then fetched whole.

Corpus order is article by article (ids sorted), each article's rows as written: a part's rows
carry ``position``, their place among their article's rows, so that parts read in any order
give the rows of the whole table in its order.
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
    NO_GROUP,
    claim_nouns,
    claim_rows,
    described,
    spec_rows,
)
from helpers.charts.corpus_rows import group_count_part, group_count_table
from helpers.charts.panels import UNKNOWN, NounsNeeded, group_nouns
from helpers.charts.table import (
    display_source,
    outlet_names,
    pairwise,
    panel_name,
    sorted_rows,
    spread_by_value,
    text,
)

NOUN_COLUMNS = [
    "article_id", "sentence_id", "start", "conversion_of", "kind", "unit_normalized", "si_unit",
    "what", "topic", "group",
]  # fmt: skip
SIDE_KEYS = ["group", "unit", "unit_family", "panel"]  # a side-by-side panel is made of these
REPEAT = ["panel", "source", "outlet", "value", "change", "surface"]  # a claim said again
COMPACT = [*REPEAT, "article_id", "start", "sentence_id", "position"]
TEXTS = ["panel", "source", "outlet", "change", "surface", "article_id"]  # held as categories
ORDER = ["article_id", "position"]  # corpus order
# what the side-by-side chart reads again of its groups' claims
SIDE_COLUMNS = [
    "article_id", "start", "sentence_id", "surface", "change", "source", "source_canonical",
    "outlet",
]  # fmt: skip
WRITTEN = ["article_id", "start"]  # the claims table's order (helpers.pipeline.load_table)


def in_order(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims of a part with each article's rows in the order the whole table has them
    (by ``start``, rows as written where they tie), index reset: sorted by article id and
    start unless each article's rows already come together in that order, as the pass
    writes them."""
    claims = claims.reset_index(drop=True)
    if "start" not in claims.columns or _in_written_order(claims):
        return claims
    return claims.sort_values(WRITTEN, kind="mergesort").reset_index(drop=True)


def _in_written_order(claims: pd.DataFrame) -> bool:
    codes = pd.factorize(claims["article_id"])[0]
    start = pd.to_numeric(claims["start"], errors="coerce").to_numpy(dtype=float)
    same = codes[1:] == codes[:-1]
    together = len(codes) - int(same.sum()) == (codes.max() + 1 if len(codes) else 0)
    return together and not (same & (start[1:] < start[:-1])).any()


def positioned_rows(
    claims: pd.DataFrame, nouns: pd.Series, only: Callable | None = None
) -> pd.DataFrame:
    """:func:`claim_rows` of a part (``describe=False``) with ``position``, each row's place
    among its article's claims, in corpus order (articles by id); ``only(claims)``, a mask of
    the claims in order, turns only those into rows."""
    claims = in_order(claims)
    article = text(claims["article_id"])
    position = article.groupby(article, sort=False).cumcount()
    if only is not None:
        claims = claims[only(claims).to_numpy()]
    rows = claim_rows(claims, describe=False, nouns=nouns)
    rows["position"] = position[rows.index].to_numpy()  # a new frame: no copy needed
    return rows


def side_part(rows: pd.DataFrame, by: Sequence[str] = ()) -> dict[str, pd.DataFrame] | None:
    """One part's share of the side-by-side ranking: per (group, unit, family, panel) its
    claims, how many say what happened, its first claim; and its distinct sources. ``by``
    (columns of ``rows``) splits them further, as in
    :func:`~helpers.charts.corpus_rows.group_count_part`."""
    if rows.empty:
        return None
    keys = [*by, *SIDE_KEYS]
    fine = rows.assign(said=rows["happened"] != "").groupby(keys, sort=False).agg(
        claims=("value", "size"), said=("said", "sum")
    )  # fmt: skip
    first = rows[[*keys, *ORDER]].sort_values(ORDER, kind="mergesort")
    fine = fine.join(first.drop_duplicates(keys).set_index(keys)).reset_index()
    return {"fine": fine, "sources": rows[[*keys, "source"]].drop_duplicates()}


def side_ranking(parts: Iterable[dict | None], top_groups: int = 6) -> tuple[pd.DataFrame, list]:
    """From the :func:`side_part` of every part: each (group, unit, family, panel) with the
    ``side`` panel it is drawn in (split by unit family when its group holds more than one),
    and the ``top_groups`` side panels chosen as
    :func:`~helpers.charts.claim_rows.side_by_side_rows` chooses them."""
    parts = [p for p in parts if p is not None]
    if not parts:
        return pd.DataFrame(columns=[*SIDE_KEYS, "side", "claims"]), []
    fine = pd.concat([p["fine"] for p in parts], ignore_index=True)
    fine = fine.sort_values(ORDER, kind="mergesort")
    fine = fine.groupby(SIDE_KEYS, sort=False).agg(
        claims=("claims", "sum"), said=("said", "sum"),
        article_id=("article_id", "first"), position=("position", "first"),
    ).reset_index()  # fmt: skip
    mixed = fine.groupby("group")["unit_family"].transform("nunique") > 1
    own = pairwise(panel_name, fine["group"], fine["unit"])
    fine["side"] = own.where(~mixed, fine["group"] + " · " + fine["panel"])
    sources = pd.concat([p["sources"] for p in parts], ignore_index=True)
    sources = sources.merge(fine[[*SIDE_KEYS, "side"]], on=SIDE_KEYS)
    ranking = fine.sort_values(ORDER, kind="mergesort").groupby("side").agg(
        claims=("claims", "sum"), said=("said", "sum"), other=("group", "first"),
    )  # fmt: skip
    ranking["sources"] = sources[["side", "source"]].drop_duplicates().groupby("side").size()
    ranking["other"] = ranking["other"] == NO_GROUP
    ranking["vague"] = ranking["said"] / ranking["claims"] < 0.5
    ranking = ranking.sort_values(
        ["other", "vague", "sources", "claims"], ascending=[True, True, False, False],
        kind="mergesort",
    )  # fmt: skip
    fine["claims"] = fine["side"].map(ranking["claims"])
    return fine[[*SIDE_KEYS, "side", "claims"]], list(ranking.index[:top_groups])


def _side_claims(claims: pd.DataFrame, panels, values, positions) -> pd.DataFrame:
    """The :data:`COMPACT` columns of the chart rows of ``claims`` (of one batch, in order),
    made from the claims' own columns as :func:`claim_rows` makes them, with their side
    ``panels``, the ``values`` in their panel's unit and ``positions``."""
    change = text(claims["change"])
    return pd.DataFrame(
        {
            "panel": panels,
            "source": display_source(claims).to_numpy(),
            "outlet": outlet_names(claims).to_numpy(),
            "value": values,
            "change": change.where(change != "", "=").to_numpy(),
            "surface": text(claims["surface"]).to_numpy(),
            "article_id": text(claims["article_id"]).to_numpy(),
            "start": pd.to_numeric(claims["start"], errors="coerce").astype("Int64").to_numpy(),
            "sentence_id": pd.to_numeric(claims["sentence_id"], errors="coerce")
            .astype("Int64")
            .to_numpy(),
            "position": positions,
        }
    )


def _stacked(frames: list[Packed | None]) -> pd.DataFrame:
    """The parts' :data:`COMPACT` rows as one, text as categoricals with sorted categories
    (so that sorting on them sorts as text)."""
    rows = unpacked(frames)
    if rows is None:
        return pd.DataFrame(columns=COMPACT)
    return rows.astype({name: "category" for name in TEXTS})


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
    side = _side_rows(each, fetch, (nouns, known), shares, fine, chosen, per_group)
    del shares
    return charts, count_rows, side


NEEDS_NOUNS = "needs nouns"  # a batch's share: it holds a count without a noun (see NounsNeeded)


def _first_shares(parts: list[pd.DataFrame], nouns: pd.Series, specs: Sequence) -> list:
    """Per part: its share of the claims-per-group chart (``counts``), of the side-by-side
    ranking (``sides``), the rows the specs may draw (``kept``) and the ``marks`` of
    :func:`_marks`, computed for the parts together and split; :data:`NEEDS_NOUNS` for each
    when ``nouns`` is :data:`UNKNOWN` and a count without a noun needs them."""
    parts = _each_in_order(parts)
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
    marks = _marks(found, [len(part) for part in parts])
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


def _each_in_order(parts: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """:func:`in_order` of each part (index reset), checked on all the parts at once: the pass
    writes each article's rows together and in order, so there is rarely one to sort."""
    if len(parts) > 1 and _in_written_order(pd.concat([p[WRITTEN] for p in parts])):
        return [part.reset_index(drop=True) for part in parts]
    return [in_order(part) for part in parts]


def _marks(found: pd.DataFrame, sizes: list[int]) -> list:
    """Per part (of ``sizes`` claims; None for a part without chart rows): per claim in order
    the number of its (group, unit, family, panel) in the part's list of them (-1 for a claim
    not drawn) and its value in its panel's unit, from the chart rows ``found`` (``_part``,
    ``_row``: a row's part and claim), so that the side-by-side chart reads its panels'
    claims again without making their chart rows again."""
    gid = found.groupby(SIDE_KEYS, sort=False).ngroup().to_numpy()
    first = found[SIDE_KEYS].drop_duplicates()  # in the order of gid: first appearance
    keys = np.empty(len(first), dtype=object)
    for at, key in enumerate(first.itertuples(index=False, name=None)):
        keys[at] = key
    part, row = found["_part"].to_numpy(), found["_row"].to_numpy()
    value = found["value"].to_numpy(dtype=float)
    marks = []
    for number, size in enumerate(sizes):
        mine = part == number
        if not mine.any():
            marks.append(None)
            continue
        used, local = np.unique(gid[mine], return_inverse=True)
        codes = np.full(size, -1, dtype=np.int32)
        values = np.full(size, np.nan)
        codes[row[mine]] = local.ravel()
        values[row[mine]] = value[mine]
        marks.append((keys[used], codes, values))
    return marks


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


def _side_rows(
    each: Each,
    fetch: Callable[[list[str]], pd.DataFrame],
    nouns: tuple[pd.Series, list],
    shares: list,
    fine: pd.DataFrame,
    chosen: list,
    per_group: int,
) -> pd.DataFrame:
    """The side-by-side chart's rows: the chosen panels' claims in compact form, part by part,
    the pick of :func:`spread_by_value` among them, and the picked claims fetched whole."""
    if not chosen:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    fine = fine[fine["side"].isin(chosen)]
    sides = fine[[*SIDE_KEYS, "side"]].reset_index(drop=True)
    key = [nouns[1], sides.astype(str).to_numpy().tolist()]
    marks = {share["first"]: share["marks"] for share in shares if share is not None}
    compact = each(partial(_side_shares, marks=marks, sides=sides), SIDE_COLUMNS, "chart-sides",
                   key)  # fmt: skip
    del marks
    stacked = _stacked(compact)
    compact.clear()
    stacked = stacked.sort_values(ORDER, kind="mergesort", ignore_index=True)
    stacked = stacked.drop_duplicates(REPEAT, ignore_index=True).astype({"panel": str})
    picked = spread_by_value(stacked, ["panel"], per_group).astype({"article_id": str})
    picked = picked[["article_id", "position", "panel"]]
    whole = fetch(sorted(set(picked["article_id"])))
    found = positioned_rows(whole, nouns[0]).drop(columns="panel")
    found = found.merge(picked, on=["article_id", "position"])  # the side panel as panel
    size = found["panel"].map(fine.drop_duplicates("side").set_index("side")["claims"])
    found = found.assign(claims_in_group=size, claims_in_panel=size)
    found = found.sort_values(ORDER, kind="mergesort")[CLAIM_COLUMNS]
    order = {name: i for i, name in enumerate(chosen)}
    found = found.assign(_panel=found["panel"].map(order))
    return described(sorted_rows(found, ["_panel", "value"], ("value",)).drop(columns="_panel"))


def _side_shares(parts: list[pd.DataFrame], marks: dict, sides: pd.DataFrame) -> list:
    """Per part, the :data:`COMPACT` rows of its claims in the chosen ``sides`` (``SIDE_KEYS``
    and ``side``), found by the part's ``marks`` (by its first article: :func:`_marks`), each
    claim said again by the same source and outlet once (the first in corpus order); None
    for a part without any."""
    side_of = dict(zip(sides[SIDE_KEYS].itertuples(index=False, name=None), sides["side"],
                       strict=True))  # fmt: skip
    held, hits, panels, values, owner = [], [], [], [], []
    for number, claims in enumerate(_each_in_order(parts)):
        if claims.empty:
            continue
        keys, codes, value = marks[str(claims["article_id"].iloc[0])]
        side = np.array([side_of.get(key) for key in keys], dtype=object)
        hit = codes >= 0
        hit[hit] = pd.notna(side[codes[hit]])
        held.append(claims)
        hits.append(hit)
        panels.append(side[codes[hit]])
        values.append(value[hit])
        owner.append(np.full(int(hit.sum()), number))
    if not any(len(p) for p in panels):
        return [None] * len(parts)
    claims = pd.concat(held, ignore_index=True) if len(held) > 1 else held[0]
    article = text(claims["article_id"])  # parts hold whole articles: positions as in a part
    position = article.groupby(article, sort=False).cumcount().to_numpy()
    hit = np.concatenate(hits)
    claims, positions = claims[hit], [position[hit]]
    found = _side_claims(claims, *(np.concatenate(x) for x in (panels, values, positions)))
    found = found.assign(_part=np.concatenate(owner))
    found = found.sort_values(["_part", *ORDER], kind="mergesort")
    found = found.drop_duplicates(["_part", *REPEAT])
    return [packed(p) for p in split_by(found[[*COMPACT, "_part"]], "_part", len(parts))]
