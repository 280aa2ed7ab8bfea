"""Progress bars for the stages of a run: counts, rate and time left, in a terminal or JupyterLab.

With ``ipywidgets`` installed, ``tqdm.auto`` draws a widget in JupyterLab; without it (the lock
does not hold it today) the text bar is used everywhere, which JupyterLab shows as a line that
updates in place, instead of ``tqdm.auto``'s warning that widgets are missing. Bars write to
stderr, never to what a cell returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.util import find_spec

if find_spec("ipywidgets") is not None:  # a widget in JupyterLab, text elsewhere
    from tqdm.auto import tqdm
else:
    from tqdm import tqdm


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
