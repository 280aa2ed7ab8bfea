"""The house chart style, and saving a chart beside the exact data it plots.

Every chart of the report is saved by :func:`save_chart` as
``figNN-slug.png`` and ``.svg`` with ``figNN-slug.csv`` (the rows plotted) and
``figNN-slug.json`` (title and caption for the report page). The files carry no
dates or random ids, so the same data gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib import dates as mdates
from matplotlib import lines as mlines
from matplotlib import ticker as mticker

from helpers.io import write_json, write_table

SLUG_PATTERN = re.compile(r"^fig\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")  # e.g. fig41-drones-by-event
PALETTE = "colorblind"
SEED = 20221107  # fixed seed for any bootstrapped interval seaborn draws

_RC = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "savefig.bbox": "tight",
    "svg.hashsalt": "news-figures",
    "svg.fonttype": "none",
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.family": "DejaVu Sans",
}


def set_house_style() -> None:
    """Apply the one style every chart of the kit uses (seaborn whitegrid, colour-blind palette)."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE, rc=_RC)
    plt.rcParams.update(_RC)


def save_chart(
    fig: plt.Figure,
    data: pd.DataFrame,
    slug: str,
    out_dir: str | Path,
    title: str,
    caption: str,
    notebook: str = "",
) -> dict[str, Path]:
    """Save ``fig`` as PNG and SVG next to ``data`` (CSV) and a JSON caption; close the figure.

    ``slug`` is ``figNN-words`` (NN: the notebook number then the chart's number in it).
    Returns the paths written, keyed by extension.
    """
    if not SLUG_PATTERN.match(slug):
        raise ValueError(f"chart slug {slug!r} must look like 'fig41-drones-by-event'")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {ext: out_dir / f"{slug}.{ext}" for ext in ("png", "svg", "csv", "json")}
    fig.savefig(paths["png"], format="png", metadata={"Software": None})
    fig.savefig(paths["svg"], format="svg", metadata={"Date": None})
    plt.close(fig)
    write_table(data, paths["csv"])
    write_json(
        paths["json"],
        {"slug": slug, "title": title, "caption": caption, "notebook": notebook, "rows": len(data)},
    )
    return paths


# ---------------------------------------------------------------------------------------------
# Chart data: pure functions from the processed tables to the exact rows a chart plots.
# ---------------------------------------------------------------------------------------------

TRACE_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface"]  # where a row came from
WEAPON_TOPICS = ("drones", "missiles")
WEAPON_EVENTS = ("supplied", "launched/used", "shot down/intercepted")  # also the plotting order
OUTAGE_TOPIC = "power outage"
OUTAGE_EVENT = "without power"
RANGE_TOPIC = "range"
# Units that count places, not people: "across Kyiv and six other regions" is an outage figure
# but not a number of people without power.
PLACE_UNITS = frozenset(
    {"region", "oblast", "city", "town", "village", "district", "province", "area", "settlement",
     "country", "community", "municipality", "state"}
)  # fmt: skip
# What each value of a figure's ``change`` means when a reader sees it on a chart.
CHANGE_WORDS = {
    "=": "as stated",
    "~": "about",
    ">": "more than / at least",
    "<": "up to / fewer than",
    "up": "rising",
    "down": "falling",
}
CHANGE_MARKERS = {"=": "o", "~": "D", ">": ">", "<": "<", "up": "^", "down": "v"}
NO_FIGURES = "no figures of this kind"
OUTSIDE_SOURCE = "the outlet itself"
UNKNOWN_OUTLET = "unknown outlet"
# A word for the per-1,000-words rate: letters or digits, joined by inner apostrophes, hyphens,
# dots or commas, e.g. "Zelensky's", "full-scale", "4.5", "1,000" are one word each.
WORD_PATTERN = re.compile(r"\w+(?:['’.,\-]\w+)*")

TITLES = {
    "fig41-weapons-by-event": "How many drones and missiles were supplied, launched or shot down,"
    " according to whom?",
    "fig42-power-outage": "How many people were said to be without power, and who said so?",
    "fig43-weapon-ranges": "How far can the weapons reach, in kilometres?",
    "fig44-figures-per-words": "Which outlets report the most figures per 1,000 words?",
    "fig45-figures-timeline": "When were the figures published?",
}

_CLAIM_COLUMNS = [
    *TRACE_COLUMNS, "outlet", "published", "source", "source_type", "stance", "topic", "event",
    "kind", "value", "low", "high", "is_range", "is_vague", "change", "change_words", "qualifier",
    "unit_normalized", "label",
]  # fmt: skip


def _text(series: pd.Series) -> pd.Series:
    """``series`` as plain strings with missing values as ""."""
    return series.astype(object).where(series.notna(), "").astype(str).str.strip()


def _column(frame: pd.DataFrame, name: str, default: object = "") -> pd.Series:
    """Column ``name`` of ``frame``, or ``default`` on every row when the column is absent."""
    if name in frame.columns:
        return frame[name]
    return pd.Series([default] * len(frame), index=frame.index, dtype=object)


def _truthy(series: pd.Series) -> pd.Series:
    """Booleans from a column read from CSV (True/False, true/false, 1/0 or real booleans)."""
    return _text(series).str.lower().isin({"true", "1", "yes"})


def display_source(claims: pd.DataFrame) -> pd.Series:
    """Who a claim is attributed to, for a chart label: canonical name, else as written, else
    :data:`OUTSIDE_SOURCE` (the outlet's own statement)."""
    canonical = _text(_column(claims, "source_canonical"))
    written = _text(_column(claims, "source"))
    source = canonical.where(canonical != "", written)
    return source.where(source != "", OUTSIDE_SOURCE)


def _claim_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """The columns every claim chart keeps, cleaned: numbers as floats, low/high filled from
    value, text columns as strings, and a ``label`` "source · outlet" for the y axis."""
    rows = pd.DataFrame(index=claims.index)
    for name in TRACE_COLUMNS:
        rows[name] = _column(claims, name)
    rows["start"] = pd.to_numeric(rows["start"], errors="coerce").astype("Int64")
    rows["end"] = pd.to_numeric(rows["end"], errors="coerce").astype("Int64")
    for name in ("article_id", "surface"):
        rows[name] = _text(rows[name])
    outlet = _text(_column(claims, "outlet"))
    rows["outlet"] = outlet.where(outlet != "", UNKNOWN_OUTLET)
    rows["published"] = _text(_column(claims, "published"))
    rows["source"] = display_source(claims)
    for name in ("source_type", "stance", "topic", "event", "kind", "qualifier"):
        rows[name] = _text(_column(claims, name))
    rows["unit_normalized"] = _text(_column(claims, "unit_normalized"))
    rows["value"] = pd.to_numeric(_column(claims, "value", None), errors="coerce").astype(float)
    for name in ("low", "high"):
        bound = pd.to_numeric(_column(claims, name, None), errors="coerce").astype(float)
        rows[name] = bound.fillna(rows["value"])
    rows["is_range"] = _truthy(_column(claims, "is_range"))
    rows["is_vague"] = _truthy(_column(claims, "is_vague"))
    change = _text(_column(claims, "change"))
    rows["change"] = change.where(change != "", "=")
    rows["change_words"] = rows["change"].map(CHANGE_WORDS).fillna(rows["change"])
    stance_note = rows["stance"].where(~rows["stance"].isin(["", "asserted"]), "")
    stance_note = stance_note.where(stance_note == "", " (" + stance_note + ")")
    rows["label"] = rows["source"] + " · " + rows["outlet"] + stance_note
    return rows


def _sorted(rows: pd.DataFrame, keys: list[str], descending: tuple[str, ...] = ()) -> pd.DataFrame:
    """``rows`` in a stable order on ``keys`` (then the trace columns), index reset."""
    keys = [*keys, "article_id", "start", "end", "surface"]
    ascending = [key not in descending for key in keys]
    return rows.sort_values(keys, ascending=ascending, kind="mergesort").reset_index(drop=True)


# A chart with a labelled row per claim stays readable (and quick to draw) up to a few dozen
# rows; a large corpus keeps every claim in the tables and draws a spread of them.
MAX_ROWS_PER_GROUP = 10


def spread_by_value(
    rows: pd.DataFrame, groups: list[str], per_group: int = MAX_ROWS_PER_GROUP
) -> pd.DataFrame:
    """At most ``per_group`` rows of each group of ``rows``, evenly spaced by ``value``.

    The smallest and the largest figure of a group are always kept, so the spread of what was
    reported stays visible; rows keep their order, and the same rows always give the same pick.
    """
    if per_group < 2:
        raise ValueError("per_group must be at least 2, to keep the smallest and the largest")
    keep: list = []
    grouped = rows.groupby(groups, sort=False, dropna=False) if groups else [("", rows)]
    for _, block in grouped:
        ties = [c for c in ("article_id", "start", "sentence_id", "surface") if c in block.columns]
        ranked = block.sort_values(["value", *ties], kind="mergesort")
        if len(ranked) > per_group:
            step = (len(ranked) - 1) / (per_group - 1)
            ranked = ranked.iloc[[round(i * step) for i in range(per_group)]]
        keep.extend(ranked.index)
    return rows.loc[rows.index.isin(keep)]


def weapons_by_event_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """Chart 1's rows: one per claim counting drones or missiles supplied, launched/used or shot
    down/intercepted (``topic`` in :data:`WEAPON_TOPICS`, ``event`` in :data:`WEAPON_EVENTS`,
    ``kind`` count), with ``low``/``high`` for the error bar and ``change`` for the marker.

    Rows keep the trace columns and are ordered by event, topic, largest value first.
    """
    keep = claims["topic"].isin(WEAPON_TOPICS) & claims["event"].isin(WEAPON_EVENTS)
    keep &= _text(claims["kind"]).isin(["count", ""])
    rows = _claim_rows(claims[keep])
    rows = rows[rows["value"].notna()].copy()
    rows["event_order"] = rows["event"].map({e: i for i, e in enumerate(WEAPON_EVENTS)})
    rows = _sorted(rows, ["event_order", "topic", "value"], descending=("value",))
    return spread_by_value(rows, ["event", "topic"]).reset_index(drop=True)[[*_CLAIM_COLUMNS]]


def _outage_claims(claims: pd.DataFrame) -> pd.DataFrame:
    keep = (claims["topic"] == OUTAGE_TOPIC) | (claims["event"] == OUTAGE_EVENT)
    keep &= _text(claims["kind"]).isin(["count", ""])
    rows = _claim_rows(claims[keep])
    return rows[rows["value"].notna()]


def power_outage_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """Chart 2's rows: claims about people without power (``topic`` power outage or ``event``
    without power, ``kind`` count), leaving out figures that count places
    (:data:`PLACE_UNITS`, see :func:`power_outage_places`). Largest figure first."""
    rows = _outage_claims(claims)
    rows = rows[~rows["unit_normalized"].str.lower().isin(PLACE_UNITS)].copy()
    rows = _sorted(rows, ["value"], descending=("value",))
    return spread_by_value(rows, []).reset_index(drop=True)[_CLAIM_COLUMNS]


def power_outage_places(claims: pd.DataFrame) -> pd.DataFrame:
    """The power-outage figures chart 2 leaves out because they count places, not people
    (e.g. "six other regions"), so a caption can name them."""
    rows = _outage_claims(claims)
    rows = rows[rows["unit_normalized"].str.lower().isin(PLACE_UNITS)].copy()
    return _sorted(rows, [])[_CLAIM_COLUMNS]


def _km_factor(si_unit: str) -> float:
    """Kilometres per one ``si_unit`` (the extractor writes lengths in km; metres are allowed)."""
    return {"km": 1.0, "m": 0.001}.get(si_unit.strip().lower(), float("nan"))


def format_number(number: float, digits: int = 1) -> str:
    """A number as a reader expects it: "4.5 million", "1,000", "120.7", "50".

    >>> format_number(4_500_000), format_number(1000), format_number(120.7008)
    ('4.5 million', '1,000', '120.7')
    """
    if number != number:  # NaN
        return "?"
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            return f"{number / size:,.{digits}f}".rstrip("0").rstrip(".") + f" {word}"
    text = f"{number:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def weapon_range_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """Chart 3's rows: the range figures (``topic`` or ``event`` range, ``kind`` length) in
    kilometres, converted with each figure's ``si_value``/``si_unit``.

    ``km``/``km_low``/``km_high`` are the plotted values; ``label`` keeps the unit as written,
    e.g. "75 miles (120.7 km)"; a figure already in kilometres keeps its own words ("50 km").
    A figure that cannot be converted stays in the rows with an empty ``km``. Longest first.
    """
    keep = (claims["topic"] == RANGE_TOPIC) | (claims["event"] == RANGE_TOPIC)
    keep &= _text(claims["kind"]) == "length"
    picked = claims[keep]
    rows = _claim_rows(picked)
    si_value = pd.to_numeric(_column(picked, "si_value", None), errors="coerce").astype(float)
    factor = _text(_column(picked, "si_unit")).map(_km_factor).astype(float)
    rows["si_value"] = si_value
    rows["si_unit"] = _text(_column(picked, "si_unit"))
    rows["km"] = si_value * factor
    per_unit = (rows["km"] / rows["value"]).where(rows["value"] != 0)
    rows["km_low"] = (rows["low"] * per_unit).fillna(rows["km"])
    rows["km_high"] = (rows["high"] * per_unit).fillna(rows["km"])
    in_km = rows["unit_normalized"].str.lower().isin(["kilometre", "kilometer"])
    converted = rows["surface"] + " (" + rows["km"].map(format_number).astype(str) + " km)"
    rows["range_label"] = rows["surface"].where(in_km | rows["km"].isna(), converted)
    rows = _sorted(rows, ["km"], descending=("km",))
    rows = spread_by_value(rows, []).reset_index(drop=True)
    return rows[[*_CLAIM_COLUMNS, "si_value", "si_unit", "km", "km_low", "km_high", "range_label"]]


def count_words(text: str) -> int:
    """Words in ``text`` by :data:`WORD_PATTERN`.

    >>> count_words("Already, more than 4.5 million residents are without power.")
    8
    """
    return len(WORD_PATTERN.findall(text))


def _ok_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles that were read (``status`` ok), with ``outlet`` and ``published`` as text."""
    status = _text(_column(articles, "status", "ok")).str.lower()
    ok = articles[status.isin(["ok", ""])].copy()
    ok["article_id"] = _text(ok["article_id"])
    outlet = _text(_column(ok, "outlet"))
    ok["outlet"] = outlet.where(outlet != "", UNKNOWN_OUTLET)
    ok["published"] = _text(_column(ok, "published"))
    return ok


def figures_per_words_rows(
    figures: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """Chart 4's rows: per outlet, the ``articles`` read, the ``figures`` extracted, the
    ``words`` of its sentences (:func:`count_words` on sentences.csv ``text``) and
    ``per_1000_words`` = figures / words * 1000 (empty when an outlet has no words).

    Only articles with status ok count; ``article_ids`` lists them so each bar can be traced
    back to its articles (and through figures.csv to each sentence). Highest rate first.
    """
    ok = _ok_articles(articles)[["article_id", "outlet"]]
    words = sentences.assign(
        article_id=_text(sentences["article_id"]), words=_text(sentences["text"]).map(count_words)
    )
    words = words.groupby("article_id", sort=True)["words"].sum()
    n_figures = _text(figures["article_id"]).value_counts()
    per_article = ok.assign(
        words=ok["article_id"].map(words).fillna(0).astype(int),
        figures=ok["article_id"].map(n_figures).fillna(0).astype(int),
    )
    rows = (
        per_article.sort_values("article_id", kind="mergesort")
        .groupby("outlet", sort=True)
        .agg(
            articles=("article_id", "size"),
            figures=("figures", "sum"),
            words=("words", "sum"),
            article_ids=("article_id", ";".join),
        )
        .reset_index()
    )
    rows["per_1000_words"] = (rows["figures"] / rows["words"] * 1000).where(rows["words"] > 0)
    rows = rows.sort_values(
        ["per_1000_words", "outlet"], ascending=[False, True], kind="mergesort", na_position="last"
    )
    columns = ["outlet", "articles", "figures", "words", "per_1000_words", "article_ids"]
    return rows.reset_index(drop=True)[columns]


def timeline_rows(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Chart 5's rows: one per figure of a dated article (status ok, ``published`` set), with
    the article's ``outlet`` and ``published`` date; ordered by date, outlet, then position.
    Figures of undated articles are not here: :func:`undated_articles` names them."""
    ok = _ok_articles(articles)
    dated = ok[ok["published"] != ""][["article_id", "outlet", "published"]]
    rows = pd.DataFrame({name: _column(figures, name) for name in TRACE_COLUMNS})
    rows["article_id"] = _text(rows["article_id"])
    rows["start"] = pd.to_numeric(rows["start"], errors="coerce").astype("Int64")
    rows["end"] = pd.to_numeric(rows["end"], errors="coerce").astype("Int64")
    rows["kind"] = _text(_column(figures, "kind"))
    rows = rows.merge(dated, on="article_id", how="inner")
    rows = _sorted(rows, ["published", "outlet"])
    return rows[[*TRACE_COLUMNS, "kind", "outlet", "published"]]


def undated_articles(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The articles read (status ok) without a publication date, with how many ``figures``
    each holds: what chart 5 leaves out. Ordered by article id."""
    ok = _ok_articles(articles)
    undated = ok[ok["published"] == ""].sort_values("article_id", kind="mergesort")
    n_figures = _text(figures["article_id"]).value_counts()
    undated = undated.assign(figures=undated["article_id"].map(n_figures).fillna(0).astype(int))
    columns = ["article_id", "outlet", "figures"]
    if "date_status" in undated.columns:
        columns.append("date_status")
    return undated[columns].reset_index(drop=True)


def timeline_caption(undated: pd.DataFrame) -> str:
    """A caption sentence naming the articles chart 5 leaves out (from :func:`undated_articles`).

    >>> timeline_caption(pd.DataFrame(columns=["article_id", "outlet", "figures"]))
    'Every article read has a publication date, so no figure is left out.'
    """
    if undated.empty:
        return "Every article read has a publication date, so no figure is left out."
    listed = "; ".join(
        f"{row.article_id} ({row.outlet}, {row.figures} figures)" for row in undated.itertuples()
    )
    total = int(undated["figures"].sum())
    return (
        f"Left out for want of a publication date: {len(undated)} article(s) holding "
        f"{total} figure(s): {listed}."
    )


def largest(rows: pd.DataFrame, column: str = "value") -> pd.Series | None:
    """The row with the largest ``column`` among figures stated as a number (not vague, e.g.
    not "hundreds", whose plotted value is only a mid-point); all rows if every one is vague.
    First in row order on a tie; None when there is no value."""
    if column not in rows or rows[column].dropna().empty:
        return None
    stated = rows[~rows["is_vague"].astype(bool)] if "is_vague" in rows else rows
    pool = stated if stated[column].notna().any() else rows
    return pool.loc[pd.to_numeric(pool[column]).idxmax()]


def _attributed(row: pd.Series) -> str:
    said = "stated by the outlet" if row["source"] == OUTSIDE_SOURCE else f"from {row['source']}"
    return f"{said}, in {row['outlet']}" + (f" ({row['published']})" if row["published"] else "")


def weapons_finding(rows: pd.DataFrame) -> str:
    """One sentence on chart 1: its claims and the largest stated drone or missile figure."""
    top = largest(rows)
    if top is None:
        return "The corpus holds no drone or missile counts supplied, launched or shot down."
    counts = ", ".join(
        f"{n} {event}" for event, n in rows["event"].value_counts(sort=False).items()
    )
    return (
        f"{len(rows)} drone or missile claims ({counts}); the largest stated figure is "
        f"'{top['surface']}' ({top['event']}), {_attributed(top)}."
    )


def outage_finding(rows: pd.DataFrame, places: pd.DataFrame) -> str:
    """One sentence on chart 2: the largest stated outage figure, and the place counts left out."""
    top = largest(rows)
    left_out = ""
    if len(places):
        listed = "; ".join(f"'{s}'" for s in places["surface"])
        left_out = f" Left out because they count places, not people: {listed}."
    if top is None:
        return "The corpus holds no figure of people without power." + left_out
    return (
        f"{len(rows)} figure(s) of people without power; the largest stated is "
        f"'{top['surface']}' ({format_number(top['value'])}), {_attributed(top)}." + left_out
    )


def range_finding(rows: pd.DataFrame) -> str:
    """One sentence on chart 3: the longest range in kilometres and where it came from."""
    top = largest(rows, "km")
    if top is None:
        return "The corpus holds no weapon range in units of length."
    return f"{len(rows)} range figure(s); the longest is {top['range_label']}, {_attributed(top)}."


def rate_finding(rows: pd.DataFrame) -> str:
    """One sentence on chart 4: the outlets with the highest and lowest rate."""
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
    """One sentence on chart 5: the span of publication dates, then what is left out."""
    if rows.empty:
        return "No figure comes from a dated article. " + timeline_caption(undated)
    first, last = rows["published"].min(), rows["published"].max()
    busiest = rows.groupby("published").size().sort_index(kind="mergesort")
    return (
        f"{len(rows)} figures published between {first} and {last}; the most on one day: "
        f"{busiest.max()} on {busiest.idxmax()}. " + timeline_caption(undated)
    )


# ---------------------------------------------------------------------------------------------
# Plots: each takes the rows above and returns a matplotlib Figure (saved by save_chart).
# ---------------------------------------------------------------------------------------------


def empty_chart(title: str, message: str = NO_FIGURES) -> plt.Figure:
    """A small chart that says there is nothing to plot, instead of raising."""
    fig, ax = plt.subplots(figsize=(8.0, 2.0))
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="0.35")
    ax.set_axis_off()
    return fig


def _number_axis(ax: plt.Axes, low: pd.Series, high: pd.Series) -> None:
    """Use a log x axis when the values span more than 20 times, and readable tick labels."""
    positive = pd.concat([low, high]).dropna()
    positive = positive[positive > 0]
    if len(positive) and positive.max() / positive.min() > 20:
        ax.set_xscale("log")
    else:
        ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda x, _pos: format_number(x, 2)))


def _plot_points(
    rows: pd.DataFrame,
    title: str,
    xlabel: str,
    hue: str,
    x: str = "value",
    low: str = "low",
    high: str = "high",
    text: str = "surface",
    hue_order: list[str] | None = None,
) -> plt.Figure:
    """One row per claim: a point at ``x`` shaped by ``change`` (hollow if vague), a line from
    ``low`` to ``high``, coloured by ``hue``, with ``text`` written beside it."""
    plotted = rows[rows[x].notna()]
    if plotted.empty:
        return empty_chart(title)
    fig, ax = plt.subplots(figsize=(9.0, 1.4 + 0.42 * len(rows)))
    groups = hue_order or sorted(rows[hue].unique())
    colours = dict(zip(groups, sns.color_palette(PALETTE, len(groups)), strict=True))
    for y, row in enumerate(rows.itertuples(index=False)):
        point = getattr(row, x)
        if point != point:  # no value to plot: the label stays, marked as such
            ax.text(0, y, "  (no value to plot)", va="center", fontsize=8, color="0.4")
            continue
        colour = colours[getattr(row, hue)]
        lo, hi = getattr(row, low), getattr(row, high)
        if lo < hi:
            ax.hlines(y, lo, hi, color=colour, linewidth=2, alpha=0.8)
            ax.vlines([lo, hi], y - 0.15, y + 0.15, color=colour, linewidth=1.5)
        ax.plot(
            [point], [y], linestyle="none", markersize=9,
            marker=CHANGE_MARKERS.get(row.change, "o"), markeredgecolor=colour,
            markerfacecolor="white" if row.is_vague else colour,
        )  # fmt: skip
        ax.annotate(
            getattr(row, text), (max(point, hi), y), xytext=(8, 0), textcoords="offset points",
            va="center", fontsize=8, color="0.2",
        )  # fmt: skip
    ax.set_yticks(range(len(rows)), rows["label"].tolist(), fontsize=9)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    _number_axis(ax, plotted[low], plotted[high])
    left, right = ax.get_xlim()
    ax.set_xlim(left, right * (4 if ax.get_xscale() == "log" else 1.35))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    handles = [mlines.Line2D([], [], color=colours[g], linewidth=6, label=g) for g in groups]
    for change in sorted(plotted["change"].unique(), key=list(CHANGE_MARKERS).index):
        label = f"'{change}' {CHANGE_WORDS.get(change, change)}"
        handles.append(_legend_marker(CHANGE_MARKERS.get(change, "o"), label, filled=True))
    if plotted["is_vague"].any():
        handles.append(_legend_marker("o", "vague (e.g. 'hundreds'): mid-point", filled=False))
    if (plotted[low] < plotted[high]).any():
        handles.append(mlines.Line2D([], [], color="0.3", linewidth=2, label="range: low to high"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return fig


def _legend_marker(marker: str, label: str, filled: bool) -> mlines.Line2D:
    return mlines.Line2D(
        [], [], linestyle="none", marker=marker, markersize=8, markeredgecolor="0.3",
        markerfacecolor="0.3" if filled else "white", label=label,
    )  # fmt: skip


def plot_weapons_by_event(rows: pd.DataFrame) -> plt.Figure:
    """Chart 1 from :func:`weapons_by_event_rows`: a row per claim, coloured by event."""
    order = [event for event in WEAPON_EVENTS if event in set(rows["event"])]
    return _plot_points(
        rows, TITLES["fig41-weapons-by-event"], "number of drones or missiles", "event",
        hue_order=order,
    )  # fmt: skip


def plot_power_outage(rows: pd.DataFrame) -> plt.Figure:
    """Chart 2 from :func:`power_outage_rows`: a row per claim, coloured by outlet; the text
    beside each point is the figure as written, with its qualifier when the words differ."""
    rows = rows.copy()
    said = [q.lower() in s.lower() for q, s in zip(rows["qualifier"], rows["surface"], strict=True)]
    extra = (rows["qualifier"] != "") & ~pd.Series(said, index=rows.index, dtype=bool)
    rows["text"] = rows["surface"].where(~extra, rows["surface"] + " [" + rows["qualifier"] + "]")
    return _plot_points(
        rows, TITLES["fig42-power-outage"], "people (or homes) without power", "outlet",
        text="text",
    )  # fmt: skip


def plot_weapon_ranges(rows: pd.DataFrame) -> plt.Figure:
    """Chart 3 from :func:`weapon_range_rows`: a row per range figure in km, by outlet."""
    return _plot_points(
        rows, TITLES["fig43-weapon-ranges"], "kilometres", "outlet", x="km", low="km_low",
        high="km_high", text="range_label",
    )  # fmt: skip


def plot_figures_per_words(rows: pd.DataFrame) -> plt.Figure:
    """Chart 4 from :func:`figures_per_words_rows`: a bar per outlet, labelled with the
    figures and words behind the rate."""
    title = TITLES["fig44-figures-per-words"]
    plotted = rows[rows["per_1000_words"].notna()]
    if plotted.empty or plotted["figures"].sum() == 0:
        return empty_chart(title)
    fig, ax = plt.subplots(figsize=(8.0, 1.4 + 0.5 * len(plotted)))
    sns.barplot(
        data=plotted, x="per_1000_words", y="outlet", order=plotted["outlet"].tolist(),
        color=sns.color_palette(PALETTE)[0], errorbar=None, ax=ax,
    )  # fmt: skip
    for y, row in enumerate(plotted.itertuples(index=False)):
        note = f"{row.per_1000_words:.1f}  ({row.figures} figures / {row.words:,} words)"
        ax.annotate(note, (row.per_1000_words, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8)  # fmt: skip
    ax.set_xlim(0, plotted["per_1000_words"].max() * 1.6)
    ax.set_xlabel("figures per 1,000 words")
    ax.set_ylabel("")
    ax.set_title(title)
    return fig


def plot_timeline(rows: pd.DataFrame) -> plt.Figure:
    """Chart 5 from :func:`timeline_rows`: for each publication date and outlet, a dot sized
    by the number of figures, with the number written beside it."""
    title = TITLES["fig45-figures-timeline"]
    if rows.empty:
        return empty_chart(title)
    counts = rows.groupby(["published", "outlet"], sort=True).size().rename("n").reset_index()
    counts["date"] = pd.to_datetime(counts["published"], format="%Y-%m-%d", errors="coerce")
    counts = counts[counts["date"].notna()]
    if counts.empty:
        return empty_chart(title, "no figures with a readable publication date")
    outlets = sorted(counts["outlet"].unique())
    fig, ax = plt.subplots(figsize=(8.0, 1.6 + 0.5 * len(outlets)))
    y = counts["outlet"].map({o: i for i, o in enumerate(outlets)})
    ax.scatter(counts["date"], y, s=40 + 12 * counts["n"], color=sns.color_palette(PALETTE)[0],
               alpha=0.8, zorder=3)  # fmt: skip
    for date, level, n in zip(counts["date"], y, counts["n"], strict=True):
        note = f"{n} on {date:%Y-%m-%d}"
        ax.annotate(note, (date, level), xytext=(10, 6), textcoords="offset points", fontsize=9)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    first, last = counts["date"].min(), counts["date"].max()
    pad = max(pd.Timedelta(days=1), (last - first) * 0.1)
    ax.set_xlim(first - pad, last + pad)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_xlabel("publication date (number: figures reported that day)")
    ax.set_title(title)
    return fig


# ---------------------------------------------------------------------------------------------
# Captions and the files of notebook 04.
# ---------------------------------------------------------------------------------------------

_READING = (
    "A point is a figure as reported (not verified); a line runs from its low to its high value "
    "for a range ('12-18') or a vague figure ('hundreds', drawn hollow at the middle). The "
    "marker says how it was hedged: '>' more than or at least, '~' about, '<' up to or fewer "
    "than, a circle a figure stated as it is."
)
_SPREAD = (
    f" Where more than {MAX_ROWS_PER_GROUP} claims share a group, {MAX_ROWS_PER_GROUP} are drawn,"
    " evenly spaced from the smallest to the largest; the chart's CSV lists them and"
    " tables/claims_ledger.csv has every claim."
)
CAPTIONS = {
    "fig41-weapons-by-event": "One row per claim from claims.csv: drones or missiles supplied, "
    "launched/used or shot down/intercepted, labelled with who said it and the outlet. "
    + _READING
    + _SPREAD,
    "fig42-power-outage": "One row per claim of people (or homes) without power, labelled with "
    "who said it and the outlet; the text beside a point is the figure as written. "
    + _READING
    + _SPREAD,
    "fig43-weapon-ranges": "Range figures in kilometres, converted from the unit as written "
    "(1 mile = 1.609344 km); the label keeps the original words. " + _READING + _SPREAD,
    "fig44-figures-per-words": "Figures extracted (figures.csv) per 1,000 words of each outlet's "
    "sentences (sentences.csv, words counted with a simple regular expression); articles "
    "refused when the corpus was read are not counted.",
    "fig45-figures-timeline": "Figures by the publication date of their article (articles.csv "
    "published, some of it inferred) and outlet; a dot's size and number give the figures.",
}
PLOTS = {
    "fig41-weapons-by-event": plot_weapons_by_event,
    "fig42-power-outage": plot_power_outage,
    "fig43-weapon-ranges": plot_weapon_ranges,
    "fig44-figures-per-words": plot_figures_per_words,
    "fig45-figures-timeline": plot_timeline,
}


def captions(places: pd.DataFrame, undated: pd.DataFrame) -> dict[str, str]:
    """The caption of each chart: :data:`CAPTIONS` plus what a chart leaves out, named:
    outage figures that count places (:func:`power_outage_places`) and undated articles
    (:func:`undated_articles`)."""
    result = dict(CAPTIONS)
    if len(places):
        pairs = zip(places["surface"], places["outlet"], strict=True)
        listed = "; ".join(f"'{surface}' ({outlet})" for surface, outlet in pairs)
        result["fig42-power-outage"] += f" Left out because they count places: {listed}."
    result["fig45-figures-timeline"] += " " + timeline_caption(undated)
    return result


def chart_rows_table(rows_by_chart: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One table of every plotted figure, ``chart`` slug first, for charts whose rows are
    figures (those with the trace columns); the per-outlet rates are not figures and stay out.
    Ordered by chart, then as plotted."""
    parts = [
        rows.assign(chart=slug, order=range(len(rows)))
        for slug, rows in sorted(rows_by_chart.items())
        if set(TRACE_COLUMNS) <= set(rows.columns)
    ]
    columns = [
        "chart", "order", *TRACE_COLUMNS, "outlet", "published", "source", "topic", "event",
        "kind", "value", "low", "high", "change", "label", "km", "range_label",
    ]  # fmt: skip
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)
    return table.reindex(columns=[c for c in columns if c in table.columns])


def plot_claims_ledger(data: pd.DataFrame) -> plt.Figure:
    """Draw :func:`helpers.claims.ledger_chart_data` rows: a point per claim, ranges as error bars.

    Values are on a log scale (figures run from tens to millions); a hollow marker is a figure
    with a qualifier ("more than", "about"), a grey band separates topic/event groups.
    Returns the matplotlib figure.
    """
    height = max(2.5, 0.38 * len(data) + 1.0)
    fig, ax = plt.subplots(figsize=(9.0, height))
    qualified = _text(data["change"]).isin([">", "<", "~"])
    for flag, marker_face in ((False, None), (True, "white")):
        part = data.loc[qualified == flag]
        ax.errorbar(
            part["value"], part["y"], xerr=[part["err_low"], part["err_high"]], fmt="o",
            capsize=3, markerfacecolor=marker_face,
            label="with a qualifier (more than, about ...)" if flag else "as stated",
        )  # fmt: skip
    ax.set_yticks(data["y"], data["label"] + " - " + data["surface"])
    for i, (group, block) in enumerate(data.groupby("group", sort=False)):
        if i % 2 == 0:
            ax.axhspan(block["y"].min() - 0.5, block["y"].max() + 0.5, color="0.93", zorder=0)
        ax.text(1.01, block["y"].mean(), group, transform=ax.get_yaxis_transform(),
                va="center", fontsize=8)  # fmt: skip
    ax.set_xscale("log")
    ax.set_title("Which numbers did each source report, by topic and event?")
    ax.set_xlabel("value as reported (log scale)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8)
    return fig
