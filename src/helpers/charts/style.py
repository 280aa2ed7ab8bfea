"""The house chart style (report or slides), text made safe for matplotlib, and saving a chart.

Every chart of the report is saved by :func:`save_chart` as ``figNN-slug.png`` and ``.svg`` with
``figNN-slug.csv`` (the rows plotted) and ``figNN-slug.json`` (title and caption for the report
page). The files carry no dates or random ids, so the same data gives the same bytes. Every
saved picture carries its title in the image.

Two styles: ``"report"`` (charts sized to their rows, for the report page) and ``"slides"``
(16:9 pictures with large type, for a projector). :func:`set_house_style` picks one for every
chart drawn after it; :func:`figure_size` gives the size a chart should ask for.

Text that goes into a chart goes through :func:`plain`: matplotlib reads ``$...$`` as maths
("$5$ News" would be typeset, and an odd pattern crashes the parser), so dollars are escaped.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from helpers.charts.theme import COLOURS, apply_theme
from helpers.io import atomic_write_bytes, write_json, write_table

SLUG_PATTERN = re.compile(r"^fig\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")  # e.g. fig41-drones-by-event
# A clip-path id in an SVG matplotlib writes: id="p1a2b3c4d5e" and url(#p1a2b3c4d5e). They
# hash the clip rectangle's floats, which can differ in the last bit between two runs.
SVG_CLIP_ID_RE = re.compile(r'(?<=id=")p[0-9a-f]{10}(?=")|(?<=url\(#)p[0-9a-f]{10}(?=\))')
# A dollar sign not already escaped: the "$" of "$5$ News", not the one of "\$5".
UNESCAPED_DOLLAR_RE = re.compile(r"(?<!\\)\$")
PALETTE = "colorblind"  # seaborn's colour-blind safe palette (COLOURS, from helpers.charts.theme)
BASE_STYLE = "whitegrid"  # seaborn's theme: white background, light grid
STYLES = ("report", "slides")
SLIDE_SIZE = (13.333, 7.5)  # inches: 16:9, 1600 x 900 pixels at savefig.dpi 120
SLIDE_RATIO = 16 / 9

_RC = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "savefig.bbox": "tight",
    "svg.hashsalt": "news-figures",
    "svg.fonttype": "none",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 8,
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.family": "DejaVu Sans",
}
# Slides: the same look, in type large enough to read from the back of a room.
_SLIDES_RC = {
    **_RC,
    "figure.figsize": SLIDE_SIZE,
    "font.size": 16,
    "axes.titlesize": 18,
    "axes.labelsize": 16,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "legend.fontsize": 13,
    "figure.titlesize": 22,
}

_state = {"style": "report"}


def set_house_style(style: str = "report") -> None:
    """Apply the one style every chart of the kit uses: seaborn's whitegrid theme and
    colour-blind palette (:func:`helpers.charts.theme.apply_theme`, without importing seaborn),
    with the kit's sizes and type.

    ``style`` is ``"report"`` (the default) or ``"slides"``: 16:9 pictures with large type.
    """
    if style not in STYLES:
        raise ValueError(f"chart style {style!r} is not one of {', '.join(STYLES)}")
    rc = _SLIDES_RC if style == "slides" else _RC
    apply_theme(rc)
    _state["style"] = style


def palette(n: int) -> list[str]:
    """``n`` colours of the house palette, repeating after ten.

    >>> palette(2)
    ['#0173b2', '#de8f05']
    """
    return [COLOURS[i % len(COLOURS)] for i in range(n)]


def current_style() -> str:
    """The style set by the last :func:`set_house_style` ("report" until one is set)."""
    return _state["style"]


def figure_size(width: float, height: float) -> tuple[float, float]:
    """The size a chart asks for: ``(width, height)`` inches for the report; for slides the
    smallest 16:9 size, at least :data:`SLIDE_SIZE`, that holds both (a tall chart gets a larger
    canvas rather than squeezed rows)."""
    if current_style() != "slides":
        return (width, height)
    wide = max(SLIDE_SIZE[0], width, height * SLIDE_RATIO)
    return (wide, wide / SLIDE_RATIO)


def row_inches() -> float:
    """The height of one labelled row of a chart, in inches (larger type needs more)."""
    return 0.36 if current_style() != "slides" else 0.5


def plain(text: object) -> str:
    """``text`` as a string matplotlib draws as written: dollar signs escaped so that no
    ``$...$`` is read as maths (when maths parsing is on, as it is by default).

    >>> plain("$5$ News")
    '\\\\$5\\\\$ News'
    """
    text = "" if text is None else str(text)
    if not mpl.rcParams.get("text.parse_math", True):
        return text
    return UNESCAPED_DOLLAR_RE.sub(r"\\$", text)


def row_fontsize(n_rows: int, height: float, largest: float | None = None) -> float:
    """A font size (points) for ``n_rows`` labels stacked in ``height`` inches: as large as the
    style's tick labels, smaller when rows are crowded, never below 6."""
    base = largest or FontProperties(size=mpl.rcParams["ytick.labelsize"]).get_size_in_points()
    if n_rows <= 0:
        return base
    return max(6.0, min(base, 72 * height / n_rows * 0.55))


def _escape_figure_text(fig: plt.Figure) -> None:
    """Escape, in place, any text of ``fig`` that matplotlib would read as maths. The kit draws
    no maths; a label made from article text ("$5$ News") must never crash a save."""
    for text in fig.findobj(Text):
        value = text.get_text()
        if "$" in value and value != plain(value):
            text.set_text(plain(value))


def _has_title(fig: plt.Figure, title: str) -> bool:
    wanted = {title, plain(title)}
    shown = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    for ax in fig.axes:
        shown += [ax.get_title(loc) for loc in ("left", "center", "right")]
    return any(text in wanted for text in shown)


def add_title(fig: plt.Figure, title: str) -> None:
    """Write ``title`` above everything else in ``fig`` (left-aligned, bold, wrapped if long)."""
    body = plain(_wrap(title, 95 if current_style() == "report" else 70))
    if fig.get_layout_engine() is not None:  # constrained layout makes room for it
        fig.suptitle(body, x=0.01, ha="left")
    else:  # drawn above the axes; the tight bounding box of the saved picture takes it in
        fig.suptitle(body, x=0.01, y=1.0, ha="left", va="bottom")


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line]) if line else ""


def _slide_bbox(fig: plt.Figure) -> Bbox:
    """The figure's tight bounding box (inches), widened or heightened to exactly 16:9."""
    fig.draw_without_rendering()  # runs the layout engine, so the box is the one saved
    tight = fig.get_tightbbox().padded(0.15)  # any canvas: a closed figure keeps a plain one
    width, height = tight.width, tight.height
    if width / height > SLIDE_RATIO:
        height = width / SLIDE_RATIO
    else:
        width = height * SLIDE_RATIO
    x0 = tight.x0 - (width - tight.width) / 2
    y0 = tight.y0 - (height - tight.height) / 2
    return Bbox.from_bounds(x0, y0, width, height)


def stable_svg(svg: bytes) -> bytes:
    """``svg`` with matplotlib's clip-path ids renamed ``clip1``, ``clip2`` ... in order of
    first use, so the same picture gives the same bytes (see :data:`SVG_CLIP_ID_RE`)."""
    names: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        return names.setdefault(match.group(0), f"clip{len(names) + 1}")

    return SVG_CLIP_ID_RE.sub(rename, svg.decode("utf-8")).encode("utf-8")


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

    ``slug`` is ``figNN-words`` (NN: the notebook number then the chart's number in it). The
    title is written into the picture when the figure does not show it already; with the
    slides style the picture is 16:9. Returns the paths written, keyed by extension.
    """
    if not SLUG_PATTERN.match(slug):
        raise ValueError(f"chart slug {slug!r} must look like 'fig41-drones-by-event'")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {ext: out_dir / f"{slug}.{ext}" for ext in ("png", "svg", "csv", "json")}
    _escape_figure_text(fig)
    if not _has_title(fig, title):
        add_title(fig, title)
    options: dict = {}
    if current_style() == "slides":
        fig.set_size_inches(*figure_size(*fig.get_size_inches()))
        options["bbox_inches"] = _slide_bbox(fig)
    for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=ext, metadata=metadata, **options)
        data_bytes = buffer.getvalue()
        atomic_write_bytes(paths[ext], stable_svg(data_bytes) if ext == "svg" else data_bytes)
    plt.close(fig)
    write_table(data, paths["csv"])
    write_json(
        paths["json"],
        {"slug": slug, "title": title, "caption": caption, "notebook": notebook, "rows": len(data)},
    )
    return paths
