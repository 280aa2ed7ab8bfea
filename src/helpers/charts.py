"""The house chart style, and saving a chart beside the exact data it plots.

Every chart of the report is saved by :func:`save_chart` as
``figNN-slug.png`` and ``.svg`` with ``figNN-slug.csv`` (the rows plotted) and
``figNN-slug.json`` (title and caption for the report page). The files carry no
dates or random ids, so the same data gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from helpers.io import write_json, write_table  # noqa: E402

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
