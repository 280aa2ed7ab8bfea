"""Progress bars for the stages of a run: counts, rate and time left, in a terminal or JupyterLab.

``tqdm.auto`` draws a widget in JupyterLab and a text bar elsewhere. Bars write to stderr, so
they never enter the outputs a notebook keeps.
"""

from __future__ import annotations

from collections.abc import Iterable

from tqdm.auto import tqdm


def bar(
    iterable: Iterable | None = None,
    total: int | None = None,
    desc: str = "",
    unit: str = "it",
    disable: bool = False,
) -> tqdm:
    """A progress bar for one stage (``desc``) counting ``unit``s, with the time left."""
    return tqdm(
        iterable,
        total=total,
        desc=desc,
        unit=unit,
        disable=disable,
        dynamic_ncols=True,
        mininterval=0.5,
        smoothing=0.1,
    )
