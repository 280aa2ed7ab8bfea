"""Claims of one part of a table in the order of the whole table, with their chart rows.

The claim charts of notebook 04 are computed part by part (:mod:`helpers.charts.stream`): the
pass's buckets, each holding whole articles. Corpus order is article by article (ids sorted),
each article's rows as written; a part's chart rows carry ``position``, their place among
their article's rows, so that parts read in any order give the rows of the whole table in its
order.

- :func:`in_order`: a part's claims, each article's rows in written order;
- :func:`each_in_order`: the same for many parts, checked at once;
- :func:`positioned_rows`: a part's chart rows with their ``position``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from helpers.charts.claim_rows import claim_rows
from helpers.charts.table import text

ORDER = ["article_id", "position"]  # corpus order
WRITTEN = ["article_id", "start"]  # the claims table's order (helpers.pipeline.load_table)


def in_order(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims of a part with each article's rows in the order the whole table has them
    (by ``start``, rows as written where they tie), index reset: sorted by article id and
    start unless each article's rows already come together in that order, as the pass
    writes them."""
    claims = claims.reset_index(drop=True)
    if "start" not in claims.columns or _in_written_order(claims):
        return claims
    return claims.sort_values(WRITTEN, kind="mergesort").reset_index(drop=True)


def _in_written_order(claims: pd.DataFrame) -> bool:
    codes = pd.factorize(claims["article_id"])[0]
    start = pd.to_numeric(claims["start"], errors="coerce").to_numpy(dtype=float)
    same = codes[1:] == codes[:-1]
    together = len(codes) - int(same.sum()) == (codes.max() + 1 if len(codes) else 0)
    return together and not (same & (start[1:] < start[:-1])).any()


def positioned_rows(
    claims: pd.DataFrame, nouns: pd.Series, only: Callable | None = None
) -> pd.DataFrame:
    """:func:`claim_rows` of a part (``describe=False``) with ``position``, each row's place
    among its article's claims, in corpus order (articles by id); ``only(claims)``, a mask of
    the claims in order, turns only those into rows."""
    claims = in_order(claims)
    article = text(claims["article_id"])
    position = article.groupby(article, sort=False).cumcount()
    if only is not None:
        claims = claims[only(claims).to_numpy()]
    rows = claim_rows(claims, describe=False, nouns=nouns)
    rows["position"] = position[rows.index].to_numpy()  # a new frame: no copy needed
    return rows


def each_in_order(parts: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """:func:`in_order` of each part (index reset), checked on all the parts at once: the pass
    writes each article's rows together and in order, so there is rarely one to sort."""
    if len(parts) > 1 and _in_written_order(pd.concat([p[WRITTEN] for p in parts])):
        return [part.reset_index(drop=True) for part in parts]
    return [in_order(part) for part in parts]
