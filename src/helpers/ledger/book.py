"""The claims ledger and the comparison of sources: the numbers different sources gave for the
same thing, side by side.

A claim's place in the ledger is its group (what was counted and what happened to it:
"protesters took part", "customers without power"), the study's event when the study has
events, and a date window of publication (``all``, ``day``, ``week``, ``month`` or ``year``).
Its ``panel`` is the axis its value may share: people, places, a counted thing, a measure in one
unit ("distance (km)"), money in one currency. Counts of several things that a study's group rule
names by what they count (``what:``) share the group's panel ("vehicles": trucks, buses,
vans), and a count with no noun takes the panel of its group's other counts.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.extensions import take

from helpers.grouping import COUNT_KINDS, PEOPLE, PLACES, what_lexicon
from helpers.grouping.what import PANEL_COLUMNS
from helpers.io import require_columns
from helpers.ledger.common import (
    CLUSTER_COLUMNS,
    UNKNOWN_OUTLET,
    categorical_of,
    cells,
    choose,
    counted,
    first_seen,
    group_parts,
    source_cells,
    story_cells,
    text,
    texts,
)
from helpers.ledger.load import ClaimStats, load_claims
from helpers.ledger.panels import panel_frame, time_context
from helpers.ledger.write import as_written
from helpers.study import Study

PART_ROWS = 1_000_000  # ledger rows compared at once (whole groups): the memory of a part
UNDATED = "undated"  # the window of a claim whose article has no date
WINDOWS = ("all", "day", "week", "month", "year")
LEDGER_INPUT_COLUMNS = (
    "group", "what", "happened", "topic", "event", "kind", "surface", "value", "low", "high",
    "change", "qualifier", "unit_normalized", "si_unit", "si_value", "source",
    "source_canonical", "source_type", "via", "hedges", "stance", "outlet", "published",
    "article_id", "sentence_id", "start", "end",
)  # fmt: skip
# what a notebook reads of the pass's claims for the ledger and the tables of sources; the
# attributions' columns that count who is quoted
CLAIM_COLUMNS = (*LEDGER_INPUT_COLUMNS, "conversion_of")
QUOTE_COLUMNS = ("outlet", "source_canonical", "source_type")
LEDGER_COLUMNS = (
    "group", "event", "window", "what", "happened", "topic", "panel", "panel_unit", "kind",
    "surface", "value", "low", "high", "change", "qualifier", "unit_normalized", "si_unit",
    "si_value", "source", "source_canonical", "source_type", "via", "hedges", "stance",
    "outlet", "published", "article_id", "sentence_id", "start", "end",
)  # fmt: skip
COMPARISON_COLUMNS = (
    "group", "event", "window", "panel", "panel_unit", "happened", "source", "source_type",
    "sources_in_group", "n_claims", "n_stories", "n_articles", "values", "value_min",
    "value_max", "as_written", "outlets", "first_published", "last_published",
)  # fmt: skip


def date_window(published: pd.Series, window: str) -> pd.Series:
    """The publication window of each date (YYYY-MM-DD...): "2024-09-18" (day), "2024-W38"
    (ISO week), "2024-09" (month), "2024" (year) or "all"; :data:`UNDATED` without a date.
    A categorical ``published`` gives a categorical window (each date worked out once)."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    if isinstance(published.dtype, pd.CategoricalDtype):
        names = _windows([text(c)[:10] for c in published.cat.categories], window)
        codes = published.cat.codes.to_numpy()
        return categorical_of(np.where(codes >= 0, codes, len(names)), [*names, UNDATED]).set_axis(
            published.index
        )
    if window == "all":
        return pd.Series("all", index=published.index, dtype=object)
    codes, days = pd.factorize(texts(published).str[:10])  # a corpus has few dates: each once
    out = np.asarray(_windows(list(days), window), dtype=object)
    return pd.Series(out[codes] if len(out) else UNDATED, index=published.index, dtype=object)


def _windows(days: list[str], window: str) -> list[str]:
    """The window of each day ("2024-09-18"; :data:`UNDATED` when it is not a date)."""
    if window == "all":
        return ["all"] * len(days)
    dates = pd.Series(pd.to_datetime(pd.Index(days, dtype=object), format="%Y-%m-%d",
                                     errors="coerce"))  # fmt: skip
    if window == "week":
        iso = dates.dt.isocalendar()
        out = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    else:
        out = dates.dt.strftime({"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[window])
    return list(out.where(dates.notna(), UNDATED).astype(object))


def default_window(study: Study | None) -> str:
    """The date window a study's ledger needs: none ("all") when the study names its events,
    which say what "the same thing" is; else "month", so that one story's numbers are not
    compared with another's."""
    return "all" if study is not None and study.event_rules else "month"


def _with_clusters(claims: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """``claims`` with the wire-copy columns of ``articles`` when it has them (the cluster
    name as a categorical: a million claims share a hundred thousand names)."""
    if articles is None or "duplicate_cluster" not in articles.columns:
        return claims
    require_columns(articles, ("article_id",), "articles")
    keep = ["article_id", *[c for c in CLUSTER_COLUMNS if c in articles.columns]]
    meta = articles.loc[:, keep].drop_duplicates("article_id").set_index("article_id")
    claims = claims.drop(columns=[c for c in CLUSTER_COLUMNS if c in claims.columns])
    ids = claims["article_id"]
    if isinstance(ids.dtype, pd.CategoricalDtype):  # a left join, once per distinct article
        codes = ids.cat.codes.to_numpy()
        at = meta.index.get_indexer(ids.cat.categories)[codes]
        at[codes < 0] = -1
    else:
        at = meta.index.get_indexer(ids)  # a left join, without moving the rows
    found = {c: take(meta[c].to_numpy(), at, allow_fill=True) for c in meta.columns}
    if "duplicate_cluster" in found:
        cluster = meta["duplicate_cluster"].astype("category")
        found["duplicate_cluster"] = pd.Categorical.from_codes(
            np.where(at >= 0, cluster.cat.codes.to_numpy()[at], -1), cluster.cat.categories
        )
    return claims.assign(**found)


def group_panels(ledger: pd.DataFrame, study: Study | None = None) -> pd.Series:
    """The panel of each claim once its group is known (see the module docstring), worked
    out once per distinct ``panel, kind, what, group`` and spread over the rows."""
    keys = ["panel", "kind", "what", "group"]
    frame = pd.DataFrame({k: cells(ledger[k]) for k in keys}, index=ledger.index)
    codes, first = first_seen(frame, keys)
    distinct = frame.iloc[first].astype(str).reset_index(drop=True)
    return categorical_of(codes, list(_group_panels(distinct, study))).set_axis(ledger.index)


def _group_panels(ledger: pd.DataFrame, study: Study | None) -> pd.Series:
    panel = texts(ledger["panel"])
    kind, what, group = texts(ledger["kind"]), texts(ledger["what"]), texts(ledger["group"])
    count = kind.isin(COUNT_KINDS) & ~panel.isin([PEOPLE, PLACES])
    bare = count & (what == what_lexicon().no_noun)
    named = count & ~bare
    merged = {rule.label for rule in study.groups if rule.what} if study is not None else set()
    panel = panel.where(~(named & group.isin(merged)), group)
    counts = kind.isin(COUNT_KINDS) & ~bare
    choices = panel[counts].groupby(group[counts]).unique()
    single = {g: p[0] for g, p in choices.items() if len(p) == 1}
    return panel.where(~(bare & group.isin(single)), group.map(single)).fillna(panel)


def claims_ledger(
    claims: pd.DataFrame,
    window: str = "all",
    articles: pd.DataFrame | None = None,
    study: Study | None = None,
) -> pd.DataFrame:
    """The claims ledger: every claim (restatements in a second unit left out) with its group,
    event, publication ``window`` (see :func:`date_window`), the ``panel`` its value is drawn
    on (in ``panel_unit``), who said it, where and when, and its trace (``article_id,
    sentence_id, start, end``). ``articles`` (articles.csv) brings the wire-copy columns;
    ``study`` the group rules that make one panel of several counted things.

    Returns :data:`LEDGER_COLUMNS` (plus ``duplicate_cluster``/``cluster_size`` when
    ``claims`` or ``articles`` carries them), groups with the most claims first, then by
    event, window, date, outlet, value and position.
    """
    require_columns(claims, LEDGER_INPUT_COLUMNS, "claims")
    carried = [c for c in (*CLUSTER_COLUMNS, "conversion_of") if c in claims.columns]
    return _ledger([counted(claims.loc[:, [*LEDGER_INPUT_COLUMNS, *carried]])], window, articles,
                   study)  # fmt: skip


def load_ledger(
    processed_dir: str | Path,
    window: str = "all",
    articles: pd.DataFrame | None = None,
    study: Study | None = None,
) -> tuple[pd.DataFrame, ClaimStats]:
    """:func:`claims_ledger` of the pass's claims and their :class:`ClaimStats`. The claims
    are read by :func:`load_claims` with positions as int32 (``stats.text`` is empty: the
    text columns are as the whole table has them), and are never held beside the ledger:
    each column is let go as soon as the ledger has its own, so the peak is about one
    ledger. (A surface held as categories took less memory but more time at 7 million
    claims, its categories made text part by part.)"""
    claims, stats = load_claims(processed_dir, LEDGER_INPUT_COLUMNS, narrow=True)
    held = [claims]
    del claims
    return _ledger(held, window, articles, study), stats


def _ledger(
    held: list[pd.DataFrame], window: str, articles: pd.DataFrame | None, study: Study | None
) -> pd.DataFrame:
    """The ledger of the claims in ``held`` (emptied: the claims are this function's alone)."""
    ledger = _with_clusters(held.pop(), articles).reset_index(drop=True)
    for name in ("group", "event", "what", "happened", "outlet", "published"):
        ledger[name] = cells(ledger[name])
    ledger["window"] = date_window(ledger["published"], window)
    panels = panel_frame(ledger, categorical=True, values=False)
    ledger["panel"], ledger["panel_unit"] = panels["panel"], panels["panel_unit"]
    del panels
    panel = group_panels(ledger, study)
    count = cells(ledger["kind"]).isin(COUNT_KINDS)
    ledger["panel_unit"] = choose(count, panel, ledger["panel_unit"])
    ledger["panel"] = panel
    del panel, count
    extra = [c for c in CLUSTER_COLUMNS if c in ledger.columns]
    columns = {c: ledger[c] for c in [*LEDGER_COLUMNS, *extra]}
    del ledger
    group = columns["group"].cat.codes.to_numpy()
    size = np.bincount(group, minlength=len(columns["group"].cat.categories))
    rank = np.empty(len(size), dtype=np.int64)  # the groups with most claims first, then by name
    rank[np.lexsort([np.arange(len(size)), -size])] = np.arange(len(size))
    keys = [columns[k].cat.codes.to_numpy() for k in ("outlet", "published", "window", "event")]
    order = np.lexsort(
        [columns["start"].to_numpy(), cells(columns["article_id"]).cat.codes.to_numpy(),
         columns["value"].to_numpy(dtype=float), *keys, rank[group]]
    )  # fmt: skip
    del group, keys
    out = {}
    for name in list(columns):  # one column at a time: the unsorted one goes as the sorted comes
        out[name] = columns.pop(name).take(order).reset_index(drop=True)
    return pd.DataFrame(out, copy=False)


def _format(number: float) -> str:
    if pd.isna(number):
        return ""
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.3g}" if abs(number) < 1000 else f"{number:,.0f}"


def _value_text(change: str, value: float, low: float, high: float) -> str:
    """A value as the comparison lists it: "~450", ">2,000,000", "12-18"."""
    sign = change if change in (">", "<", "~") else ""
    if low != high:
        return f"{sign}{_format(low)}-{_format(high)}"
    return f"{sign}{_format(value)}"


def _join_sorted(gid: np.ndarray, cells: pd.Series) -> pd.Series:
    """Per ``gid`` (rows sorted by it), its ``cells`` joined with ";" in row order, without a
    Python call per group: the cells become one Arrow list per gid, joined at once."""
    if len(gid) == 0:
        return pd.Series([], dtype=object)
    starts = np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]])
    offsets = pa.array(np.r_[starts, len(gid)], type=pa.int64())
    values = pa.array(cells.to_numpy(dtype=object), type=pa.large_string())
    separator = pa.scalar(";", pa.large_string())
    joined = pc.binary_join(pa.LargeListArray.from_arrays(offsets, values), separator)
    return pd.Series(joined.to_numpy(zero_copy_only=False), index=gid[starts], dtype=object)


def _joined(frame: pd.DataFrame, column: str, ordered: bool = True) -> pd.Series:
    """Per ``_gid``, the distinct cells of ``column`` joined with ";": in order of first
    appearance (``ordered``) or sorted."""
    cells = frame[["_gid", column]].drop_duplicates()
    by = ["_gid"] if ordered else ["_gid", column]
    cells = cells.sort_values(by, kind="mergesort")
    return _join_sorted(cells["_gid"].to_numpy(), cells[column])


def _categories_at(column: pd.Series, codes: pd.Series) -> pd.Series:
    """The categories of ``column`` at ``codes`` (a Series of codes by group), as text."""
    names = np.asarray(column.cat.categories, dtype=object)
    return pd.Series(names[codes.to_numpy(dtype=np.int64)], index=codes.index, dtype="str")


def _value_texts(rows: pd.DataFrame) -> pd.Series:
    """:func:`_value_text` of each row (``change, v, v_low, v_high``), worked out once per
    distinct value."""
    keys = ["change", "v", "v_low", "v_high"]
    if rows.empty:
        return pd.Series([], index=rows.index, dtype=object)
    groups = rows.groupby(keys, sort=False, dropna=False, observed=True).ngroup().to_numpy()
    _, at, codes = np.unique(groups, return_index=True, return_inverse=True)
    first = rows.iloc[at]
    columns = [first[k].to_numpy(dtype=object if k == "change" else float) for k in keys]
    said = [_value_text(text(c), v, lo, hi) for c, v, lo, hi in zip(*columns, strict=True)]
    return pd.Series(np.array(said, dtype=object)[codes], index=rows.index)


def _per_source(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per ``keys`` (a block and a source) of :func:`ledger_comparison`, computed by
    group operations over all blocks at once (no loop over the blocks)."""
    gid = rows.groupby(keys, sort=False).ngroup()
    rows = rows.loc[gid >= 0]  # a missing key cell: no group, as groupby leaves it out
    gid = gid.loc[rows.index]
    first = rows.loc[~gid.duplicated(), keys].set_axis(gid[~gid.duplicated()]).sort_index()
    same = ["story", "v", "v_low", "v_high", "change"]
    claims = rows[[*same, "surface"]].assign(_gid=gid).drop_duplicates(["_gid", *same])
    ordered = claims.sort_values(["_gid", "v", "v_low", "v_high"], kind="mergesort")
    del claims
    ordered = ordered.assign(_value=_value_texts(ordered), _surface=texts(ordered["surface"]))
    date = cells(rows["published"])
    narrow = pd.DataFrame({"_gid": gid, "_date": date.cat.codes}).loc[date != ""]
    dated = narrow.groupby("_gid")["_date"]  # the first and last date by code: sorted text
    outlets = pd.DataFrame({"_gid": gid, "outlet": rows["outlet"]}).loc[rows["outlet"] != ""]
    types = pd.DataFrame({"_gid": gid, "source_type": cells(rows["source_type"])})
    by_group = pd.DataFrame({"_gid": gid, "story": rows["story"], "article_id": rows["article_id"]})
    by_group = by_group.groupby("_gid", sort=True)
    table = pd.DataFrame(
        {
            **{k: first[k] for k in keys},
            "source_type": _joined(types, "source_type", ordered=False),
            "n_claims": ordered.groupby("_gid", sort=True).size(),
            "n_stories": by_group["story"].nunique(),
            "n_articles": by_group["article_id"].nunique(),
            "values": _joined(ordered, "_value"),
            "value_min": ordered.groupby("_gid", sort=True)["v_low"].min(),
            "value_max": ordered.groupby("_gid", sort=True)["v_high"].max(),
            "as_written": _joined(ordered, "_surface"),
            "outlets": _joined(outlets, "outlet", ordered=False),
            "first_published": _categories_at(date, dated.min()),
            "last_published": _categories_at(date, dated.max()),
        },
        index=first.index,
    )  # fmt: skip
    table["outlets"] = table["outlets"].fillna(UNKNOWN_OUTLET)
    table[["first_published", "last_published"]] = table[
        ["first_published", "last_published"]
    ].fillna("")
    return table.reset_index(drop=True)


def _blank(index: pd.Index) -> pd.Series:
    """A categorical column of "" (no event, when the comparison does not split by event)."""
    return categorical_of(np.full(len(index), -1), []).set_axis(index)


def ledger_comparison(
    ledger: pd.DataFrame, by_event: bool = False, part_rows: int = PART_ROWS
) -> pd.DataFrame:
    """One row per group (and event, when ``by_event``), window, panel and source: the values
    the source gave in the panel's unit (``values``, ``value_min``, ``value_max``), as written,
    how many claims (a wire copy of the same value counts once), stories and articles, which
    outlets and when. ``sources_in_group`` counts the sources that gave a value for the same
    thing: where it is above one, the numbers can be compared. Groups in which something
    happened come first, those with the most sources first.

    Every row compares claims of one group, so the ledger is compared a few groups at a time
    (about ``part_rows`` rows: :func:`helpers.ledger.common.group_parts`), and the parts'
    rows put in order at the end: the same table as in one go, in a fraction of the memory.
    """
    require_columns(ledger, LEDGER_COLUMNS, "ledger")
    block = ["group", "event", "window", "panel", "panel_unit"]
    parts = [_compare(ledger.iloc[a:b], by_event) for a, b in group_parts(ledger, part_rows)]
    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    table = table.sort_values(
        ["_none", "sources_in_group", "_claims", *block, "value_min", "source"],
        ascending=[True, False, False, *[True] * (len(block) + 2)], kind="mergesort",
    )  # fmt: skip
    return table.loc[:, list(COMPARISON_COLUMNS)].reset_index(drop=True)


def _compare(ledger: pd.DataFrame, by_event: bool) -> pd.DataFrame:
    """The rows of :func:`ledger_comparison` for the groups of ``ledger``, in no order, with
    their text columns as text and the sort keys ``_none`` and ``_claims``."""
    block = ["group", "event", "window", "panel", "panel_unit"]
    cluster = [c for c in CLUSTER_COLUMNS[:1] if c in ledger.columns]
    used = [*block, "happened", "change", "surface", "published", "source_type", "outlet",
            "source", "source_canonical", "article_id", *cluster, *PANEL_COLUMNS]  # fmt: skip
    rows = ledger.loc[~time_context(ledger), list(dict.fromkeys(used))]
    converted = panel_frame(rows)
    rows = pd.DataFrame(
        {
            **{c: cells(rows[c]) for c in ("group", "window", "panel", "panel_unit", "happened")},
            "event": cells(rows["event"]) if by_event else _blank(rows.index),
            "source": source_cells(rows), "story": story_cells(rows), "v": converted["value"],
            "v_low": converted["low"], "v_high": converted["high"],
            "outlet": cells(rows["outlet"]),
            **{c: rows[c] for c in ("change", "surface", "published", "source_type", "article_id")},
        },
        index=rows.index,
    )  # fmt: skip
    del converted
    table = _per_source(rows, [*block, "source"])
    said = rows.loc[rows["happened"] != "", [*block, "happened"]].drop_duplicates()
    said = said.sort_values([*block, "happened"], kind="mergesort")
    happened = said.groupby(block, sort=False, observed=True)["happened"].agg(";".join)
    table = table.merge(happened.reset_index(), on=block, how="left")
    table["happened"] = table["happened"].fillna("")
    table["sources_in_group"] = table.groupby(block, observed=True)["source"].transform("nunique")
    table["_none"] = table["happened"].eq("")
    table["_claims"] = table.groupby(block, observed=True)["n_claims"].transform("sum")
    table["source"] = table["source"].astype("str")  # text, as the tables were written before
    return as_written(table)
