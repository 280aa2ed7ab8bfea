"""seaborn's "whitegrid" theme and "colorblind" palette, as plain matplotlib settings.

The house style is seaborn's ``set_theme(style="whitegrid", palette="colorblind")``. Importing
seaborn costs every notebook kernel 1.5 s or more (it loads scipy.stats), for a handful of
rcParams: so they are written out here, as seaborn 0.13 sets them (the "notebook" context, the
"whitegrid" style, the palette as colour cycle and as matplotlib's one-letter colour codes).
``tests/test_charts_style.py`` checks them against seaborn itself, so a seaborn upgrade that
changes its theme shows up as a failing test rather than as charts that silently differ.

Left out: seaborn's ``image.cmap`` ("rocket"), a colour map seaborn registers on import that no
chart of the kit draws with.
"""

from __future__ import annotations

import matplotlib as mpl
from cycler import cycler

# seaborn.color_palette("colorblind").as_hex(): ten colours told apart with any colour vision.
COLOURS = (
    "#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc",
    "#ca9161", "#fbafe4", "#949494", "#ece133", "#56b4e9",
)  # fmt: skip
# seaborn's "colorblind6" for the codes b, g, r, m, y, c, and a near-black for k.
COLOUR_CODES = {
    "b": "#0173B2", "g": "#029E73", "r": "#D55E00", "m": "#CC78BC", "y": "#ECE133",
    "c": "#56B4E9", "k": (0.1, 0.1, 0.1),
}  # fmt: skip
# seaborn.plotting_context("notebook"): line widths, tick sizes and type sizes.
NOTEBOOK_CONTEXT = {
    "axes.linewidth": 1.25, "grid.linewidth": 1, "lines.linewidth": 1.5, "lines.markersize": 6,
    "patch.linewidth": 1, "xtick.major.width": 1.25, "ytick.major.width": 1.25,
    "xtick.minor.width": 1, "ytick.minor.width": 1, "xtick.major.size": 6, "ytick.major.size": 6,
    "xtick.minor.size": 4, "ytick.minor.size": 4, "font.size": 12, "axes.labelsize": 12,
    "axes.titlesize": 12, "xtick.labelsize": 11, "ytick.labelsize": 11, "legend.fontsize": 11,
    "legend.title_fontsize": 12,
}  # fmt: skip
# seaborn.axes_style("whitegrid"): white background, light grid behind the data, no ticks.
WHITEGRID_STYLE = {
    "figure.facecolor": "white", "axes.labelcolor": ".15", "xtick.direction": "out",
    "ytick.direction": "out", "xtick.color": ".15", "ytick.color": ".15", "axes.axisbelow": True,
    "grid.linestyle": "-", "text.color": ".15", "font.family": ["sans-serif"],
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans",
                        "sans-serif"],
    "lines.solid_capstyle": "round", "patch.edgecolor": "w", "patch.force_edgecolor": True,
    "xtick.top": False, "ytick.right": False, "axes.grid": True, "axes.facecolor": "white",
    "axes.edgecolor": ".8", "grid.color": ".8", "axes.spines.left": True,
    "axes.spines.bottom": True, "axes.spines.right": True, "axes.spines.top": True,
    "xtick.bottom": False, "ytick.left": False,
}  # fmt: skip


def apply_theme(rc: dict) -> None:
    """Set matplotlib's rcParams as ``seaborn.set_theme(style="whitegrid",
    palette="colorblind", rc=rc)`` does, without importing seaborn: its context, style and
    palette, then ``rc`` on top."""
    mpl.rcParams.update(NOTEBOOK_CONTEXT)
    mpl.rcParams.update(WHITEGRID_STYLE)
    mpl.rcParams["axes.prop_cycle"] = cycler("color", [mpl.colors.to_rgb(c) for c in COLOURS])
    for code, colour in COLOUR_CODES.items():
        mpl.colors.colorConverter.colors[code] = mpl.colors.to_rgb(colour)
    mpl.rcParams.update(rc)
