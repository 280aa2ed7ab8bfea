"""The claims ledger: every claim under the group, event and date window it is compared in, so
that the numbers different sources gave for the same thing sit side by side (the comparison
itself is :mod:`helpers.ledger.compare`).

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
from pandas.api.extensions import take

from helpers.grouping import COUNT_KINDS, PEOPLE, PLACES, what_lexicon
from helpers.io import require_columns
from helpers.ledger.common import (
    CLUSTER_COLUMNS,
    categorical_of,
    cells,
    choose,
    counted,
    first_seen,
    text,
    texts,
)
from helpers.ledger.load import ClaimStats, load_claims, release_memory
from helpers.ledger.panels import panel_frame
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
    found = {}
    for name in meta.columns:
        if name == "duplicate_cluster":  # a category per cluster, never a text per claim
            cluster = meta[name].astype("category")
            codes = np.where(at >= 0, cluster.cat.codes.to_numpy()[at], -1)
            found[name] = pd.Categorical.from_codes(codes, cluster.cat.categories)
        else:
            found[name] = take(meta[name].to_numpy(), at, allow_fill=True)
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
    cache_dir: str | Path | None = "",
) -> tuple[pd.DataFrame, ClaimStats]:
    """:func:`claims_ledger` of the pass's claims and their :class:`ClaimStats`. The claims
    are read by :func:`load_claims` with positions as int32 (``stats.text`` is empty: the
    text columns are as the whole table has them), and are never held beside the ledger:
    each column is let go as soon as the ledger has its own, so the peak is about one
    ledger. (A surface held as categories took less memory but more time at 7 million
    claims, its categories made text part by part.) Each bucket's share of the claims is
    kept in ``cache_dir`` ("" keeps none), so that a rerun reads only the buckets that
    changed."""
    claims, stats = load_claims(processed_dir, LEDGER_INPUT_COLUMNS, narrow=True, as_text=False,
                                cache_dir=cache_dir)  # fmt: skip
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
        if isinstance(out[name].dtype, pd.StringDtype):  # Arrow text: its old copy handed back
            release_memory()
    return pd.DataFrame(out, copy=False)
