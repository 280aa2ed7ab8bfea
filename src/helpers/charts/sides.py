"""The side-by-side chart of notebook 04 (different sources' numbers for the same thing) from
the claims table read part by part.

Each part gives its share of the ranking of the chart's panels (:func:`side_part`: claims, how
many say what happened, the first claim, the distinct sources), which :func:`side_ranking`
adds up exactly to choose the panels; :func:`part_marks` notes per claim its panel and value,
so that :func:`side_rows` reads the chosen panels' claims again in compact form (who, which
outlet, the words, the value in the panel's unit, a claim said again once), picks among them
with :func:`~helpers.charts.table.spread_by_value` and fetches the picked claims whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

import numpy as np
import pandas as pd

from helpers.charts.buckets import Each, Packed, packed, split_by, unpacked
from helpers.charts.claim_rows import CLAIM_COLUMNS, NO_GROUP, described
from helpers.charts.order import ORDER, each_in_order, positioned_rows
from helpers.charts.table import (
    display_source,
    outlet_names,
    pairwise,
    panel_name,
    sorted_rows,
    spread_by_value,
    text,
)

SIDE_KEYS = ["group", "unit", "unit_family", "panel"]  # a side-by-side panel is made of these
REPEAT = ["panel", "source", "outlet", "value", "change", "surface"]  # a claim said again
COMPACT = [*REPEAT, "article_id", "start", "sentence_id", "position"]
TEXTS = ["panel", "source", "outlet", "change", "surface", "article_id"]  # held as categories
# what the side-by-side chart reads again of its groups' claims
SIDE_COLUMNS = [
    "article_id", "start", "sentence_id", "surface", "change", "source", "source_canonical",
    "outlet",
]  # fmt: skip


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


def part_marks(found: pd.DataFrame, sizes: list[int]) -> list:
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


def side_rows(
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
    and ``side``), found by the part's ``marks`` (by its first article: :func:`part_marks`), each
    claim said again by the same source and outlet once (the first in corpus order); None
    for a part without any."""
    side_of = dict(zip(sides[SIDE_KEYS].itertuples(index=False, name=None), sides["side"],
                       strict=True))  # fmt: skip
    held, hits, panels, values, owner = [], [], [], [], []
    for number, claims in enumerate(each_in_order(parts)):
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
