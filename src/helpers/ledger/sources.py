"""Who is quoted and how: source counts, the source-type mix, hedging and denials by outlet.

Every function takes the claims table (or the attributions table) and returns a new frame;
figures restated in a second unit are left out of every count.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.io import require_columns
from helpers.ledger.common import OUTLET_ITSELF_LABEL, counted, texts
from helpers.vocabulary import SOURCE_TYPES


def _source_label(frame: pd.DataFrame) -> pd.Series:
    canonical = texts(frame["source_canonical"])
    return canonical.where(canonical != "", OUTLET_ITSELF_LABEL)


def source_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Count rows (claims or attributions) per outlet and canonical source.

    Returns ``outlet, source, source_type, n, share`` (share of the outlet's rows), sorted by
    outlet, most frequent source first; the outlet's own statements are
    ``(the outlet itself)``.
    """
    require_columns(table, ("outlet", "source_canonical", "source_type"), "claims")
    table = counted(table)
    frame = table.assign(
        source=_source_label(table), outlet=texts(table["outlet"]),
        source_type=texts(table["source_type"]),
    )  # fmt: skip
    counts = frame.groupby(["outlet", "source", "source_type"], as_index=False).size()
    counts = counts.rename(columns={"size": "n"})
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
    table = counted(table)
    table = table.assign(outlet=texts(table["outlet"]), source_type=texts(table["source_type"]))
    types = list(dict.fromkeys(order))
    types += sorted(set(table["source_type"]) - set(types))
    outlets = sorted(table["outlet"].unique())
    grid = pd.MultiIndex.from_product([outlets, types], names=["outlet", "source_type"])
    counts = table.groupby(["outlet", "source_type"]).size().reindex(grid, fill_value=0)
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
    rows = []
    claims = counted(claims)
    for outlet, group in claims.groupby(texts(claims["outlet"]), sort=True):
        words = [w for cell in texts(group["hedges"]) for w in cell.split(";") if w]
        counts = pd.Series(words, dtype=str).value_counts()
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        hedged = int((texts(group["hedges"]) != "").sum())
        rows.append(
            {
                "outlet": outlet,
                "n_figures": len(group),
                "n_hedged": hedged,
                "share_hedged": hedged / len(group) if len(group) else 0.0,
                "hedges": ";".join(word for word, _ in ranked),
            }
        )
    columns = ["outlet", "n_figures", "n_hedged", "share_hedged", "hedges"]
    return pd.DataFrame(rows, columns=columns)


def denials(claims: pd.DataFrame) -> pd.DataFrame:
    """The figures whose claim is denied by its source or reported as disputed."""
    require_columns(claims, ("stance",), "claims")
    claims = counted(claims)
    return claims.loc[claims["stance"].isin(["denied", "disputed"])].reset_index(drop=True)


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
