"""The claim charts of notebook 04 from a claims table read part by part, in bounded memory.

:func:`claim_charts` draws the same charts as :func:`~helpers.charts.build.study_chart` and
:func:`~helpers.charts.build.group_charts` on the whole table, without ever holding a chart row
per claim: ``read(columns)`` yields the table in parts that hold whole articles (the pass's
buckets, ``helpers.pipeline.iter_parts``), and ``fetch(article_ids)`` reads the claims of a few
articles. Three reads of the parts:

1. the nouns a count without one takes (:func:`~helpers.charts.panels.group_nouns`), the one
   thing :func:`~helpers.charts.claim_rows.claim_rows` learns from the whole table;
2. the chart rows of a batch of parts at a time, added up exactly (counts and sums, distinct
   sources, first claims in corpus order), and the rows a study's chart specs may draw;
3. for the groups the sources-side-by-side chart draws, a compact row per claim (what tells
   repeated claims apart and what orders them by value); the claims it picks are then
   fetched whole.

Corpus order is article by article (ids sorted), each article's rows as written: a part's rows
carry ``position``, their place among their article's rows, so that parts read in any order
give the rows of the whole table in its order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import pandas as pd
from pandas.api.types import union_categoricals

from helpers.charts.claim_rows import (
    CLAIM_COLUMNS,
    CLAIM_INPUT_COLUMNS,
    NO_GROUP,
    claim_groups,
    claim_nouns,
    claim_rows,
    described,
    spec_rows,
)
from helpers.charts.corpus_rows import group_count_part, group_count_table
from helpers.charts.panels import group_nouns
from helpers.charts.table import pairwise, panel_name, sorted_rows, spread_by_value, text

BATCH_ROWS = 200_000  # claims turned into chart rows at once (a row costs about 1 kB then)
NOUN_COLUMNS = [
    "article_id", "sentence_id", "start", "conversion_of", "kind", "unit_normalized", "si_unit",
    "what", "topic", "group",
]  # fmt: skip
SIDE_KEYS = ["group", "unit", "unit_family", "panel"]  # a side-by-side panel is made of these
REPEAT = ["panel", "source", "outlet", "value", "change", "surface"]  # a claim said again
COMPACT = [*REPEAT, "article_id", "start", "sentence_id", "position"]
ORDER = ["article_id", "position"]  # corpus order
WRITTEN = ["article_id", "start"]  # the claims table's order (helpers.pipeline.load_table)

Reader = Callable[[Sequence[str]], Iterable[pd.DataFrame]]


def batches(parts: Iterable[pd.DataFrame], rows: int = BATCH_ROWS) -> Iterator[pd.DataFrame]:
    """Consecutive ``parts`` put together until a batch holds ``rows`` rows (whole parts, so
    whole articles): a pandas call on a few thousand rows costs mostly its overhead."""
    held, size = [], 0
    for part in parts:
        held.append(part)
        size += len(part)
        if size >= rows:
            yield pd.concat(held, ignore_index=True) if len(held) > 1 else held[0]
            held, size = [], 0
    if held:
        yield pd.concat(held, ignore_index=True) if len(held) > 1 else held[0]


def in_order(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims of a part in the order the whole table has them: by article id, then
    ``start``, rows as written where they tie; index reset."""
    keys = [k for k in WRITTEN if k in claims.columns]
    return claims.sort_values(keys, kind="mergesort").reset_index(drop=True)


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
    rows = rows.assign(position=position[rows.index].to_numpy())
    return rows.sort_values(ORDER, kind="mergesort").reset_index(drop=True)


def side_part(rows: pd.DataFrame) -> dict[str, pd.DataFrame] | None:
    """One part's share of the side-by-side ranking: per (group, unit, family, panel) its
    claims, how many say what happened, its first claim; and its distinct sources."""
    if rows.empty:
        return None
    fine = rows.assign(said=rows["happened"] != "").groupby(SIDE_KEYS, sort=False).agg(
        claims=("value", "size"), said=("said", "sum"),
        article_id=("article_id", "first"), position=("position", "first"),
    )  # fmt: skip
    return {"fine": fine.reset_index(), "sources": rows[[*SIDE_KEYS, "source"]].drop_duplicates()}


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


def _compact(rows: pd.DataFrame) -> pd.DataFrame:
    """The :data:`COMPACT` columns of ``rows``, text as categoricals, each claim said again by
    the same source and outlet once (the first in corpus order)."""
    rows = rows.drop_duplicates(REPEAT)[COMPACT]
    texts = ["panel", "source", "outlet", "change", "surface", "article_id"]
    return rows.astype({name: "category" for name in texts})


def _stacked(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of :func:`_compact` as one, their categories united and sorted (so that sorting
    on them sorts as text)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=COMPACT)
    for name in frames[0].columns:
        if isinstance(frames[0][name].dtype, pd.CategoricalDtype):
            union = union_categoricals([f[name] for f in frames], sort_categories=True)
            for f in frames:
                f[name] = f[name].cat.set_categories(union.categories)
    return pd.concat(frames, ignore_index=True)


def _side_candidates(claims: pd.DataFrame, groups: set[str]) -> pd.Series:
    """A mask of the claims in whole sentences that hold a claim of one of ``groups`` (the
    chart groups of :func:`claim_groups`): what :func:`claim_rows` needs to give those
    claims' rows as it gives them on the whole table."""
    hit = claim_groups(claims).isin(groups)
    if not hit.any():
        return hit
    keys = pd.MultiIndex.from_frame(claims[["article_id", "sentence_id"]])
    return pd.Series(keys.isin(keys[hit.to_numpy()]), index=claims.index)


def claim_charts(
    read: Reader,
    fetch: Callable[[list[str]], pd.DataFrame],
    specs: Sequence = (),
    top_groups: int = 6,
    per_group: int = 6,
    rows: int = BATCH_ROWS,
) -> tuple[list[tuple[pd.DataFrame, pd.DataFrame]], pd.DataFrame, pd.DataFrame]:
    """The rows of the claim charts of notebook 04, from the claims table in parts:
    ``([(rows, left_out) of each spec], group count rows, side-by-side rows)``, the same as
    :func:`spec_rows`, :func:`~helpers.charts.corpus_rows.group_count_rows` and
    :func:`~helpers.charts.claim_rows.side_by_side_rows` give on the whole table (see the
    module's docstring for ``read`` and ``fetch``). The rows a spec may draw (its topics,
    events and groups) are held whole: a spec that names none holds every claim."""
    nouns = group_nouns([claim_nouns(in_order(b)) for b in batches(read(NOUN_COLUMNS), rows)])
    counts, sides, kept = [], [], []
    for batch in batches(read(CLAIM_INPUT_COLUMNS), rows):
        found = positioned_rows(batch, nouns)
        counts.append(group_count_part(found))
        sides.append(side_part(found))
        kept.append(found[_wanted(found, specs)])
    count_rows = group_count_table(counts)
    fine, chosen = side_ranking(sides, top_groups)
    del counts, sides
    kept = pd.concat(
        kept or [pd.DataFrame(columns=[*CLAIM_COLUMNS, "position"])], ignore_index=True
    ).sort_values(ORDER, kind="mergesort")
    kept = kept.drop(columns="position").reset_index(drop=True)
    charts = [
        spec_rows(None, spec.topics, spec.events, spec.groups, spec.unit_family, rows=kept)
        for spec in specs
    ]
    side = _side_rows(read, fetch, nouns, fine, chosen, per_group, rows)
    return charts, count_rows, side


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
    read: Reader,
    fetch: Callable[[list[str]], pd.DataFrame],
    nouns: pd.Series,
    fine: pd.DataFrame,
    chosen: list,
    per_group: int,
    rows: int,
) -> pd.DataFrame:
    """The side-by-side chart's rows: the chosen panels' claims in compact form, part by part,
    the pick of :func:`spread_by_value` among them, and the picked claims fetched whole."""
    if not chosen:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    fine = fine[fine["side"].isin(chosen)]
    groups = set(fine["group"])
    compact = []
    for batch in batches(read(CLAIM_INPUT_COLUMNS), rows):
        found = positioned_rows(batch, nouns, lambda c: _side_candidates(c, groups))
        found = found.merge(fine[[*SIDE_KEYS, "side"]], on=SIDE_KEYS)
        if len(found):
            found = found.assign(panel=found["side"]).sort_values(ORDER, kind="mergesort")
            compact.append(_compact(found))
    stacked = _stacked(compact).sort_values(ORDER, kind="mergesort")
    stacked = stacked.drop_duplicates(REPEAT).astype({"panel": str})
    picked = spread_by_value(stacked, ["panel"], per_group).astype({"article_id": str})
    picked = picked[["article_id", "position", "panel"]]
    whole = fetch(sorted(set(picked["article_id"])))
    found = positioned_rows(whole, nouns).drop(columns="panel")
    found = found.merge(picked, on=["article_id", "position"])  # the side panel as panel
    size = found["panel"].map(fine.drop_duplicates("side").set_index("side")["claims"])
    found = found.assign(claims_in_group=size, claims_in_panel=size)
    found = found.sort_values(ORDER, kind="mergesort")[CLAIM_COLUMNS]
    order = {name: i for i, name in enumerate(chosen)}
    found = found.assign(_panel=found["panel"].map(order))
    return described(sorted_rows(found, ["_panel", "value"], ("value",)).drop(columns="_panel"))
