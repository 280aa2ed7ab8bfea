"""Who is quoted and how: source counts, the source-type mix, hedging and denials by outlet.

Every function takes the claims table (or the attributions table) and returns a new frame;
figures restated in a second unit are left out of every count.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.io import require_columns
from helpers.ledger.common import OUTLET_ITSELF_LABEL, cells, counted
from helpers.vocabulary import SOURCE_TYPES

DISPUTED = ("denied", "disputed")  # the stances of a figure its source denies or others dispute
HEDGING_COLUMNS = ("outlet", "n_figures", "n_hedged", "share_hedged", "hedges")


def _tally(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` (as text, "" for a missing cell) and ``n``, the rows of each distinct
    combination (a table that carries ``n`` already, :func:`helpers.ledger.quote_counts`,
    is summed): what the counts below need of a million claims, grouped on categories."""
    frame = pd.DataFrame({c: cells(table[c]) for c in columns}, index=table.index)
    if "n" in table.columns:
        counts = table["n"].groupby([frame[c] for c in columns], observed=True).sum()
    else:
        counts = frame.groupby(columns, observed=True).size()
    counts = counts.rename("n").reset_index()
    for name in columns:
        counts[name] = counts[name].astype("str")
    counts["n"] = counts["n"].astype("int64")
    return counts


def source_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Count rows (claims or attributions) per outlet and canonical source.

    Returns ``outlet, source, source_type, n, share`` (share of the outlet's rows), sorted by
    outlet, most frequent source first; the outlet's own statements are
    ``(the outlet itself)``. A ``table`` with a column ``n`` counts each row ``n`` times.
    """
    require_columns(table, ("outlet", "source_canonical", "source_type"), "claims")
    tally = _tally(counted(table), ["outlet", "source_canonical", "source_type"])
    canonical = tally["source_canonical"]
    tally["source"] = canonical.where(canonical != "", OUTLET_ITSELF_LABEL)
    counts = tally.groupby(["outlet", "source", "source_type"], as_index=False)["n"].sum()
    counts["share"] = counts["n"] / counts.groupby("outlet")["n"].transform("sum")
    counts = counts.sort_values(["outlet", "n", "source"], ascending=[True, False, True])
    return counts.reset_index(drop=True)


def source_type_mix(table: pd.DataFrame, order: Sequence[str] = SOURCE_TYPES) -> pd.DataFrame:
    """Share of each source type among an outlet's rows: ``outlet, source_type, n, share``.

    Every outlet gets a row for every type of ``order`` (a study's ``source_types``; zeros
    included), then for every other type its rows carry (alphabetically), so that charts stack
    the same categories in the same order and no label is refused.
    """
    require_columns(table, ("outlet", "source_type"), "claims")
    tally = _tally(counted(table), ["outlet", "source_type"])
    types = list(dict.fromkeys(order))
    types += sorted(set(tally["source_type"].unique()) - set(types))
    outlets = sorted(tally["outlet"].unique())
    grid = pd.MultiIndex.from_product([outlets, types], names=["outlet", "source_type"])
    counts = tally.groupby(["outlet", "source_type"])["n"].sum().reindex(grid, fill_value=0)
    counts = counts.rename("n").reset_index()
    totals = counts.groupby("outlet")["n"].transform("sum")
    counts["share"] = (counts["n"] / totals.where(totals > 0)).fillna(0.0)
    return counts


def hedging_by_outlet(claims: pd.DataFrame) -> pd.DataFrame:
    """How often an outlet's figures come in a hedged sentence.

    Returns ``outlet, n_figures, n_hedged, share_hedged, hedges`` (the hedging words used,
    most frequent first, ";"-joined), sorted by outlet.
    """
    require_columns(claims, ("outlet", "hedges"), "claims")
    frame = _tally(counted(claims), ["outlet", "hedges"])
    frame["hedged"] = frame["hedges"] != ""
    frame["n_hedged"] = frame["n"].where(frame["hedged"], 0)
    table = frame.groupby("outlet", sort=True).agg(
        n_figures=("n", "sum"), n_hedged=("n_hedged", "sum")
    )
    table["share_hedged"] = table["n_hedged"] / table["n_figures"]
    words = frame.loc[frame["hedged"]].assign(word=lambda f: f["hedges"].str.split(";"))
    words = words.explode("word")
    words = words.loc[words["word"].fillna("") != ""]
    counts = words.groupby(["outlet", "word"])["n"].sum().rename("n").reset_index()
    counts = counts.sort_values(["outlet", "n", "word"], ascending=[True, False, True])
    table["hedges"] = counts.groupby("outlet", sort=True)["word"].agg(";".join)
    table["hedges"] = table["hedges"].fillna("").astype(object)
    table["n_hedged"] = table["n_hedged"].astype(int)
    return table.reset_index().loc[:, list(HEDGING_COLUMNS)]


def denials(claims: pd.DataFrame) -> pd.DataFrame:
    """The figures whose claim is denied by its source or reported as disputed."""
    require_columns(claims, ("stance",), "claims")
    claims = counted(claims)
    return claims.loc[claims["stance"].isin(DISPUTED)].reset_index(drop=True)


def denials_by_article(claims: pd.DataFrame) -> pd.DataFrame:
    """:func:`denials` in article order (article, then position), whatever order ``claims``
    comes in: for the rows a reader filtered by stance as it read them, e.g.
    ``pd.read_parquet(claims_folder, filters=[("stance", "in", DISPUTED)])``."""
    require_columns(claims, ("article_id", "start", "stance"), "claims")
    rows = denials(claims)
    return rows.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def sources_table(attributions: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted, per outlet: reporting frames (``n_quotes``) and figures (``n_figures``).

    ``attributions`` is :func:`helpers.claims.attributions_table`, ``claims`` the claims table.
    Returns ``outlet, source, source_type, n_quotes, n_figures`` sorted by outlet, most quoted
    first; the outlet's own figures appear as ``(the outlet itself)`` with no quotes.
    """
    quotes = source_counts(attributions).rename(columns={"n": "n_quotes"})
    figures = source_counts(claims).rename(columns={"n": "n_figures"})
    keys = ["outlet", "source", "source_type"]
    table = quotes[[*keys, "n_quotes"]].merge(figures[[*keys, "n_figures"]], on=keys, how="outer")
    table[["n_quotes", "n_figures"]] = table[["n_quotes", "n_figures"]].fillna(0).astype(int)
    table = table.sort_values(
        ["outlet", "n_quotes", "n_figures", "source"], ascending=[True, False, False, True]
    )
    return table.reset_index(drop=True)
