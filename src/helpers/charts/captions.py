"""Captions and one-sentence findings for the charts, computed from the rows each chart plots.

A caption says how to read a chart and names what it leaves out (claims in another unit, the
rows beyond what a chart can label, undated articles); a finding is one sentence with the
chart's numbers. Titles and study captions come from the study file; the reading notes here
are the same for any corpus.
"""

from __future__ import annotations

import pandas as pd

from helpers.charts.table import (
    MAX_ROWS_PER_GROUP,
    MAX_ROWS_PER_PANEL,
    OUTSIDE_SOURCE,
    TRACE_COLUMNS,
    format_number,
    listing,
)

READING = (
    "A point is a figure as reported (not verified); a line runs from its low to its high value "
    "for a range ('12-18') or a vague figure ('hundreds', drawn hollow at the middle). The "
    "marker says how it was hedged: '>' more than or at least, '~' about, '<' up to or fewer "
    "than, a circle a figure stated as it is."
)
PANELS = (
    "Each panel has one unit: figures of another kind of quantity are never drawn on the same "
    "axis, and measures are converted to one unit per panel (e.g. miles to km); a figure "
    "restated in a second unit ('75 miles (120 kilometers)') is drawn once, and a date or "
    "duration that only says when another figure held ('in the past 24 hours') is not drawn."
)
SPREAD = (
    f"Where more than {MAX_ROWS_PER_GROUP} claims share a group, {MAX_ROWS_PER_GROUP} are drawn, "
    f"evenly spaced from the smallest to the largest (at most {MAX_ROWS_PER_PANEL} rows a "
    "panel); the chart's CSV lists the rows drawn and tables/claims_ledger.parquet has every "
    "claim (tables/claims_ledger.csv its first rows, for a spreadsheet)."
)
RATE_CAPTION = (
    "Figures extracted (figures.csv) per 1,000 words of each outlet's sentences (sentences.csv, "
    "words counted with a simple regular expression); articles refused when the corpus was "
    "read are not counted."
)
TIMELINE_CAPTION = (
    "Figures by the publication date of their article (articles.csv published, some of it "
    "inferred) and outlet; a dot's size and number give the figures."
)


def claims_caption(caption: str, rows: pd.DataFrame, left_out: pd.DataFrame) -> str:
    """A claim chart's caption: the study's ``caption``, how to read it, its panels, the pick
    of rows when a group is crowded, and the claims it leaves out because of their unit."""
    parts = [caption.strip(), READING, PANELS]
    drawn = rows.groupby("panel")["panel"].transform("size")
    if len(rows) and (rows["claims_in_panel"] > drawn).any():
        parts.append(SPREAD)
    if len(left_out):
        items = [
            f"'{row.surface}' ({row.unit_family}, {row.outlet})"
            for row in left_out.itertuples(index=False)
        ]
        parts.append(f"Left out because they count another kind of quantity: {listing(items)}.")
    return " ".join(p for p in parts if p)


def group_counts_caption(rows: pd.DataFrame) -> str:
    """The caption of the claims-per-group chart: what a group is, and the groups left out."""
    caption = (
        "Claims (figures with who gave them, claims.csv) by group: what was counted and what "
        "happened to it. Beside each bar, how many different sources and outlets gave a figure "
        "for it; the CSV adds the smallest and largest value and an example claim to read."
    )
    hidden = int((~rows["drawn"].astype(bool)).sum()) if len(rows) else 0
    if hidden:
        claims = int(rows.loc[~rows["drawn"].astype(bool), "claims"].sum())
        caption += (
            f" {hidden:,} smaller groups ({claims:,} claims) are not drawn; the CSV lists every "
            "group and tables/claims_ledger.parquet every claim."
        )
    return caption


def side_by_side_caption(rows: pd.DataFrame) -> str:
    """The caption of the sources-side-by-side chart."""
    return (
        "The groups for which the most different sources gave figures, one panel each, so that "
        "different sources' numbers for the same thing can be read one above the other; a claim "
        "repeated word for word by the same source and outlet is drawn once. A group gathers "
        "the figures of every story in the corpus that counted the same thing: the date in "
        "each label says when it was reported. " + READING + " " + PANELS + " " + SPREAD
    )


def timeline_caption(undated: pd.DataFrame) -> str:
    """A caption sentence naming the articles the timeline leaves out (no publication date).

    >>> timeline_caption(pd.DataFrame(columns=["article_id", "outlet", "figures"]))
    'Every article read has a publication date, so no figure is left out.'
    """
    if undated.empty:
        return "Every article read has a publication date, so no figure is left out."
    items = [f"{r.article_id} ({r.outlet}, {r.figures} figures)" for r in undated.itertuples()]
    total = int(undated["figures"].sum())
    return (
        f"Left out for want of a publication date: {len(undated)} article(s) holding "
        f"{total} figure(s): {listing(items)}."
    )


def chart_rows_table(rows_by_chart: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One table of every plotted figure, ``chart`` slug first, for charts whose rows are
    single figures (those with the trace columns and a ``label``); summaries per outlet or
    group stay out. Ordered by chart, then as plotted."""
    parts = [
        rows.assign(chart=slug, order=range(len(rows)))
        for slug, rows in sorted(rows_by_chart.items())
        if set(TRACE_COLUMNS) <= set(rows.columns) and "label" in rows.columns
    ]
    columns = [
        "chart", "order", *TRACE_COLUMNS, "outlet", "published", "source", "topic", "event",
        "group", "kind", "panel", "unit", "value", "low", "high", "value_as_written", "change",
        "label", "text",
    ]  # fmt: skip
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)
    return table.reindex(columns=[c for c in columns if c in table.columns])


# ---------------------------------------------------------------------------------- findings


def largest(rows: pd.DataFrame, column: str = "value") -> pd.Series | None:
    """The row with the largest ``column`` among figures stated as a number (not vague, e.g.
    not "hundreds", whose plotted value is only a mid-point); all rows if every one is vague.
    First in row order on a tie; None when there is no value."""
    if column not in rows or rows[column].dropna().empty:
        return None
    stated = rows[~rows["is_vague"].astype(bool)] if "is_vague" in rows else rows
    pool = stated if stated[column].notna().any() else rows
    return pool.loc[pd.to_numeric(pool[column]).idxmax()]


def attributed(row: pd.Series) -> str:
    """ "from X, in Outlet (date)", or "stated by the outlet, in Outlet" when no one is quoted."""
    said = "stated by the outlet" if row["source"] == OUTSIDE_SOURCE else f"from {row['source']}"
    return f"{said}, in {row['outlet']}" + (f" ({row['published']})" if row["published"] else "")


def claims_finding(rows: pd.DataFrame, left_out: pd.DataFrame | None = None) -> str:
    """One sentence on a claim chart: how many claims in how many panels, and the largest
    stated figure of each panel (the first three), with who gave it."""
    if rows.empty:
        return "The corpus holds no claim of this kind."
    panels = list(dict.fromkeys(rows["panel"]))
    tops = []
    for panel in panels[:3]:
        top = largest(rows[rows["panel"] == panel])
        if top is not None:
            event = f", {top['event']}" if top["event"] not in ("", "other") else ""
            tops.append(
                f"{panel}: '{top['surface']}' ({format_number(top['value'])} {top['unit']}"
                f"{event}), {attributed(top)}"
            )
    drawn = f"{len(rows)} claim(s) drawn in {len(panels)} panel(s)"
    more = (
        f" ({len(left_out)} in another unit left out)"
        if left_out is not None and len(left_out)
        else ""
    )
    return f"{drawn}{more}; the largest stated: " + "; ".join(tops) + "."


def group_counts_finding(rows: pd.DataFrame) -> str:
    """One sentence on the claims-per-group chart: how many groups, and the largest."""
    if rows.empty:
        return "The corpus holds no claim to group."
    top = rows.iloc[0]
    return (
        f"{len(rows):,} group(s) of claims; the most claims: '{top['group']}' ({top['claims']} "
        f"claims from {top['sources']} source(s) in {top['outlets']} outlet(s), "
        f"{format_number(top['smallest'])} to {format_number(top['largest'])} {top['unit']})."
    )


def side_by_side_finding(rows: pd.DataFrame) -> str:
    """One sentence on the sources-side-by-side chart: for the first panels, the smallest and
    the largest figure and who gave each."""
    if rows.empty:
        return "The corpus holds no claim to compare."
    parts = []
    for panel in list(dict.fromkeys(rows["panel"]))[:3]:
        block = rows[rows["panel"] == panel].sort_values("value", kind="mergesort")
        low, high = block.iloc[0], block.iloc[-1]
        if low["value"] == high["value"]:
            parts.append(f"{panel}: '{high['surface']}' ({high['source']}, {high['outlet']})")
            continue
        parts.append(
            f"{panel}: from '{low['surface']}' ({low['source']}, {low['outlet']}) to "
            f"'{high['surface']}' ({high['source']}, {high['outlet']})"
        )
    return "Figures for the same thing differ by source: " + "; ".join(parts) + "."


def rate_finding(rows: pd.DataFrame) -> str:
    """One sentence on the rate chart: the outlets with the highest and lowest rate."""
    rated = rows[rows["per_1000_words"].notna()]
    if rated.empty:
        return "No outlet has words to count figures against."
    top, low = rated.iloc[0], rated.iloc[-1]
    sentence = (
        f"{top['outlet']} reports the most figures per 1,000 words: "
        f"{top['per_1000_words']:.1f} ({top['figures']} figures in {top['words']:,} words)"
    )
    if len(rated) > 1:
        sentence += (
            f"; {low['outlet']} the fewest: {low['per_1000_words']:.1f} "
            f"({low['figures']} in {low['words']:,})"
        )
    return sentence + "."


def timeline_finding(rows: pd.DataFrame, undated: pd.DataFrame) -> str:
    """One sentence on the timeline: the span of publication dates, then what is left out."""
    if rows.empty:
        return "No figure comes from a dated article. " + timeline_caption(undated)
    first, last = rows["published"].min(), rows["published"].max()
    busiest = rows.groupby("published").size().sort_index(kind="mergesort")
    return (
        f"{len(rows)} figures published between {first} and {last}; the most on one day: "
        f"{busiest.max()} on {busiest.idxmax()}. " + timeline_caption(undated)
    )
