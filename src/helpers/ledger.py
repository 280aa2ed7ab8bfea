"""The claims ledger and the tables built from claims: who is quoted, source-type mix, hedging.

Every function takes the ``claims.csv`` frame (or the attributions frame) and returns a new
frame; nothing here reads text or files.
"""

from __future__ import annotations

import pandas as pd

from helpers.claims import SOURCE_TYPES, TOPICS, _text
from helpers.io import require_columns

OUTLET_ITSELF_LABEL = "(the outlet itself)"
LEDGER_COLUMNS = (
    "topic",
    "event",
    "surface",
    "value",
    "low",
    "high",
    "change",
    "qualifier",
    "unit_normalized",
    "source",
    "source_canonical",
    "source_type",
    "via",
    "hedges",
    "stance",
    "outlet",
    "published",
    "article_id",
    "sentence_id",
)


def _source_label(frame: pd.DataFrame) -> pd.Series:
    canonical = frame["source_canonical"].map(_text)
    return canonical.where(canonical != "", OUTLET_ITSELF_LABEL)


def source_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Count rows (claims or attributions) per outlet and canonical source.

    Returns ``outlet, source, source_type, n, share`` (share of the outlet's rows), sorted by
    outlet, most frequent source first; the outlet's own statements are
    ``(the outlet itself)``.
    """
    require_columns(table, ("outlet", "source_canonical", "source_type"), "claims")
    frame = table.assign(source=_source_label(table), outlet=table["outlet"].map(_text))
    counts = frame.groupby(["outlet", "source", "source_type"], as_index=False).size()
    counts = counts.rename(columns={"size": "n"})
    counts["share"] = counts["n"] / counts.groupby("outlet")["n"].transform("sum")
    counts = counts.sort_values(["outlet", "n", "source"], ascending=[True, False, True])
    return counts.reset_index(drop=True)


def source_type_mix(table: pd.DataFrame) -> pd.DataFrame:
    """Share of each source type among an outlet's rows: ``outlet, source_type, n, share``.

    Every outlet gets a row for every source type of :data:`SOURCE_TYPES` (zeros included),
    so charts stack the same categories in the same order.
    """
    require_columns(table, ("outlet", "source_type"), "claims")
    outlets = sorted(table["outlet"].map(_text).unique())
    unknown = sorted(set(table["source_type"]) - set(SOURCE_TYPES))
    if unknown:
        raise ValueError(f"source_type values {unknown} are not in SOURCE_TYPES")
    grid = pd.MultiIndex.from_product([outlets, SOURCE_TYPES], names=["outlet", "source_type"])
    counts = (
        table.assign(outlet=table["outlet"].map(_text))
        .groupby(["outlet", "source_type"])
        .size()
        .reindex(grid, fill_value=0)
        .rename("n")
        .reset_index()
    )
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
    for outlet, group in claims.groupby(claims["outlet"].map(_text), sort=True):
        words = [w for cell in group["hedges"].map(_text) for w in cell.split(";") if w]
        counts = pd.Series(words, dtype=str).value_counts()
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        hedged = int((group["hedges"].map(_text) != "").sum())
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


def claims_ledger(claims: pd.DataFrame, include_other: bool = True) -> pd.DataFrame:
    """The claims ledger: every figure by topic and event, who reported it, where and when.

    Returns the :data:`LEDGER_COLUMNS` of ``claims`` sorted by topic, event, published date,
    outlet and value. ``include_other=False`` keeps only figures whose event is not ``other``
    (the comparable ones: supplied, shot down, without power, range ...).
    """
    require_columns(claims, LEDGER_COLUMNS, "claims")
    ledger = claims.loc[:, list(LEDGER_COLUMNS)].copy()
    if not include_other:
        ledger = ledger.loc[ledger["event"] != "other"]
    order = {topic: i for i, topic in enumerate(TOPICS)}
    ledger = ledger.assign(_topic=ledger["topic"].map(order).fillna(len(order)))
    ledger = ledger.sort_values(
        ["_topic", "event", "published", "outlet", "value", "article_id"], kind="mergesort"
    )
    return ledger.drop(columns="_topic").reset_index(drop=True)


def denials(claims: pd.DataFrame) -> pd.DataFrame:
    """The figures whose claim is denied by its source or reported as disputed."""
    require_columns(claims, ("stance",), "claims")
    return claims.loc[claims["stance"].isin(["denied", "disputed"])].reset_index(drop=True)


def ledger_chart_data(ledger: pd.DataFrame) -> pd.DataFrame:
    """Rows for the ledger chart: one per comparable claim with a label and a plot position.

    Keeps claims whose event is not ``other``; adds ``group`` ("drones: supplied"), ``label``
    (source and outlet), ``err_low``/``err_high`` (distance from value to the range ends) and
    ``y`` (row position, groups in ledger order). A group of more claims than a chart can label
    keeps a spread of them (:func:`helpers.charts.spread_by_value`).
    """
    from helpers.charts import spread_by_value

    rows = claims_ledger(ledger, include_other=False)
    rows = spread_by_value(rows, ["topic", "event"]).reset_index(drop=True)
    source = rows["source_canonical"].map(_text).replace("", OUTLET_ITSELF_LABEL)
    rows = rows.assign(
        group=rows["topic"] + ": " + rows["event"],
        label=source + " (" + rows["outlet"].map(_text) + ")",
        err_low=(rows["value"] - rows["low"]).clip(lower=0),
        err_high=(rows["high"] - rows["value"]).clip(lower=0),
    )
    rows["y"] = range(len(rows) - 1, -1, -1)
    return rows


def sources_table(attributions: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted, per outlet: reporting frames (``n_quotes``) and figures (``n_figures``).

    ``attributions`` is :func:`attributions_table`, ``claims`` is :func:`claims_table`.
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
