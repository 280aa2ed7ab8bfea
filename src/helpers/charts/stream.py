"""The claim charts of notebook 04 from a claims table read part by part, in bounded memory.

:func:`claim_charts` draws the same charts as :func:`~helpers.charts.build.study_chart` and
:func:`~helpers.charts.build.group_charts` on the whole table, without ever holding a chart row
per claim: ``read(columns)`` yields the table in parts that hold whole articles (the pass's
buckets, ``helpers.pipeline.iter_parts``), and ``fetch(article_ids)`` reads the claims of a few
articles. Two reads of the parts, three when a count without a noun needs them:

1. the nouns a count without one takes (:func:`~helpers.charts.panels.group_nouns`), the one
   thing :func:`~helpers.charts.claim_rows.claim_rows` learns from the whole table, read
   only when a part holds such a count;
2. the chart rows of a batch of parts at a time, added up exactly (counts and sums, distinct
   sources, first claims in corpus order), the rows a study's chart specs may draw, and per
   claim the panel and value its chart row has;
3. for the groups the sources-side-by-side chart draws, the claims' own text columns (who,
   which outlet, the words), which with the panel and value remembered tell repeated claims
   apart and order them by value; the claims it picks are then fetched whole.

Corpus order is article by article (ids sorted), each article's rows as written: a part's rows
carry ``position``, their place among their article's rows, so that parts read in any order
give the rows of the whole table in its order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

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

BATCH_ROWS = 200_000  # claims turned into chart rows at once (a row costs about 1 kB then)
NOUN_COLUMNS = [
    "article_id", "sentence_id", "start", "conversion_of", "kind", "unit_normalized", "si_unit",
    "what", "topic", "group",
]  # fmt: skip
SIDE_KEYS = ["group", "unit", "unit_family", "panel"]  # a side-by-side panel is made of these
REPEAT = ["panel", "source", "outlet", "value", "change", "surface"]  # a claim said again
COMPACT = [*REPEAT, "article_id", "start", "sentence_id", "position"]
ORDER = ["article_id", "position"]  # corpus order
# what the side-by-side chart reads again of its groups' claims
SIDE_COLUMNS = [
    "article_id", "start", "sentence_id", "surface", "change", "source", "source_canonical",
    "outlet",
]  # fmt: skip
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


def side_part(rows: pd.DataFrame) -> dict[str, pd.DataFrame] | None:
    """One part's share of the side-by-side ranking: per (group, unit, family, panel) its
    claims, how many say what happened, its first claim; and its distinct sources."""
    if rows.empty:
        return None
    fine = rows.assign(said=rows["happened"] != "").groupby(SIDE_KEYS, sort=False).agg(
        claims=("value", "size"), said=("said", "sum")
    )  # fmt: skip
    first = rows[[*SIDE_KEYS, *ORDER]].sort_values(ORDER, kind="mergesort")
    fine = fine.join(first.drop_duplicates(SIDE_KEYS).set_index(SIDE_KEYS)).reset_index()
    return {"fine": fine, "sources": rows[[*SIDE_KEYS, "source"]].drop_duplicates()}


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


def _compact(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (:data:`COMPACT` columns) with text as categoricals, each claim said again by
    the same source and outlet once (the first in corpus order)."""
    rows = rows.sort_values(ORDER, kind="mergesort").drop_duplicates(REPEAT)[COMPACT]
    texts = ["panel", "source", "outlet", "change", "surface", "article_id"]
    return rows.astype({name: "category" for name in texts})


def _stacked(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of :func:`_compact` as one, their categories united and sorted (so that sorting
    on them sorts as text)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=COMPACT)
    columns = {}
    for name in frames[0].columns:
        if isinstance(frames[0][name].dtype, pd.CategoricalDtype):
            columns[name] = union_categoricals([f[name] for f in frames], sort_categories=True)
        else:
            columns[name] = pd.concat([f[name] for f in frames], ignore_index=True)
    return pd.DataFrame(columns)


def _marks(rows: pd.DataFrame, size: int, registry: dict) -> tuple[np.ndarray, np.ndarray]:
    """Per claim of a batch (in order, ``size`` of them): the number of its (group, unit,
    family, panel) in ``registry`` (-1 for a claim not drawn) and its value in its panel's
    unit, so that the side-by-side chart reads its groups' claims again without making
    their chart rows again."""
    codes = np.full(size, -1, dtype=np.int32)
    values = np.full(size, np.nan)
    if len(rows):
        local = rows.groupby(SIDE_KEYS, sort=False).ngroup().to_numpy()
        keys = rows[SIDE_KEYS].drop_duplicates().itertuples(index=False, name=None)
        known = np.array([registry.setdefault(key, len(registry)) for key in keys])
        codes[rows.index] = known[local]
        values[rows.index] = rows["value"].to_numpy(dtype=float)
    return codes, values


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
    try:
        nouns = UNKNOWN  # most tables have no count without a noun: no read to learn them
        counts, sides, kept, marks, registry = _first_read(read, specs, nouns, rows)
    except NounsNeeded:
        nouns = group_nouns([claim_nouns(in_order(b)) for b in batches(read(NOUN_COLUMNS), rows)])
        counts, sides, kept, marks, registry = _first_read(read, specs, nouns, rows)
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
    side = _side_rows(read, fetch, nouns, fine, chosen, (marks, registry), per_group, rows)
    return charts, count_rows, side


def _first_read(read: Reader, specs: Sequence, nouns: pd.Series, rows: int) -> tuple:
    """The parts' shares of the claims-per-group and side-by-side charts, the rows the specs
    may draw, and the marks of :func:`_marks`, a batch of parts at a time."""
    counts, sides, kept, marks, registry = [], [], [], [], {}
    for batch in batches(read(CLAIM_INPUT_COLUMNS), rows):
        found = positioned_rows(batch, nouns)
        counts.append(group_count_part(found))
        sides.append(side_part(found))
        kept.append(found[_wanted(found, specs)])
        marks.append(_marks(found, len(batch), registry))
    return counts, sides, kept, marks, registry


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
    marked: tuple[list, dict],
    per_group: int,
    rows: int,
) -> pd.DataFrame:
    """The side-by-side chart's rows: the chosen panels' claims in compact form, part by part,
    the pick of :func:`spread_by_value` among them, and the picked claims fetched whole."""
    if not chosen:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    fine = fine[fine["side"].isin(chosen)]
    marks, registry = marked
    sides = np.full(len(registry), None, dtype=object)
    for key, side in zip(fine[SIDE_KEYS].itertuples(index=False, name=None), fine["side"],
                         strict=True):  # fmt: skip
        sides[registry[key]] = side
    compact = []
    for i, batch in enumerate(batches(read(SIDE_COLUMNS), rows)):
        (codes, values), marks[i] = marks[i], None  # each batch's marks freed once read
        claims = in_order(batch)
        article = text(claims["article_id"])
        position = article.groupby(article, sort=False).cumcount().to_numpy()
        hit = codes >= 0
        hit[hit] = pd.notna(sides[codes[hit]])
        if hit.any():
            compact.append(_compact(_side_claims(claims[hit], sides[codes[hit]], values[hit],
                                                 position[hit])))  # fmt: skip
    stacked = _stacked(compact)
    compact.clear()
    stacked = stacked.sort_values(ORDER, kind="mergesort", ignore_index=True)
    stacked = stacked.drop_duplicates(REPEAT, ignore_index=True).astype({"panel": str})
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
