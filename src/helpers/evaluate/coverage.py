"""Which annotated articles can be scored: gold matches an article by id AND sha256.

An annotation is made on one version of an article. ``annotated_articles.csv`` records the
sha256 of the raw file the annotator read; :func:`gold_coverage` compares it with the corpus
(``articles.csv`` of notebook 01) and says, for every annotated article, whether it is scored
and why not: not in this corpus, refused when the corpus was read, or changed since it was
annotated (its gold surfaces may no longer be where they were).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.evaluate.gold import CLAIM_GOLD_COLUMNS, FIGURE_GOLD_COLUMNS, load_gold, merge_gold
from helpers.io import require_columns

COVERAGE_COLUMNS = ("article_id", "annotator", "status", "scored", "detail")
SCORED = "scored"
NO_HASH = "scored (no sha256 recorded)"
CHANGED = "changed since annotated"
ABSENT = "not in this corpus"
REFUSED = "refused by the corpus"
DUPLICATE = "listed twice"


def gold_coverage(annotated: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per row of ``annotated`` (annotated_articles.csv): is its gold scored here?

    ``articles`` is the corpus table (article_id, status, sha256; reason if refused).
    Columns: article_id, annotator, status (see the module constants), scored (bool) and
    detail (a sentence saying what to do). Rows keep the order of ``annotated``.
    """
    require_columns(annotated, ("article_id", "annotator", "sha256"), "annotated articles")
    require_columns(articles, ("article_id", "status", "sha256"), "articles")
    corpus = {row.article_id: row for row in articles.itertuples(index=False)}
    rows = []
    seen: set[str] = set()
    for row in annotated.itertuples(index=False):
        article = str(row.article_id)
        recorded = _text(row.sha256).lower()
        found = corpus.get(article)
        current = _text(found.sha256).lower() if found is not None else ""
        if article in seen:
            status, detail = DUPLICATE, "a second row for the same article is ignored"
        elif found is None:
            status, detail = ABSENT, "no article with this id in the corpus: not scored"
        elif _text(found.status) != "ok":
            reason = _text(getattr(found, "reason", ""))
            status, detail = REFUSED, f"the corpus refused it ({reason or 'no reason given'})"
        elif not recorded:
            status = NO_HASH
            detail = (
                "annotated_articles.csv has no sha256 for it, so a changed article would go "
                f"unnoticed: the current file's sha256 is {current}"
            )
        elif recorded != current:
            status = CHANGED
            detail = (
                f"the raw file changed since it was annotated (sha256 {recorded[:12]}... in "
                f"annotated_articles.csv, {current[:12]}... now): not scored; check the gold "
                "against the new text, then record the new sha256"
            )
        else:
            status, detail = SCORED, ""
        seen.add(article)
        rows.append(
            {
                "article_id": article,
                "annotator": _text(row.annotator),
                "status": status,
                "scored": status in (SCORED, NO_HASH),
                "detail": detail,
            }
        )
    return pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS)).astype({"scored": bool})


def coverage_sentence(coverage: pd.DataFrame) -> str:
    """What the coverage means in one sentence: "4 of 5 annotated articles are scored; ..."."""
    require_columns(coverage, COVERAGE_COLUMNS, "coverage")
    listed = coverage[coverage["status"] != DUPLICATE]
    if listed.empty:
        return "No article of this corpus has gold annotations, so no validation was possible."
    n_scored = int(listed["scored"].sum())
    text = f"{n_scored} of {len(listed)} annotated article{_s(len(listed))} {_is(n_scored)} scored"
    reasons = listed.loc[~listed["scored"], "status"].value_counts()
    if len(reasons):
        parts = [f"{n} {status}" for status, n in sorted(reasons.items())]
        text += " (not scored: " + ", ".join(parts) + ")"
    if n_scored == 0:
        text += "; no validation was possible on this corpus"
    return text + "."


def gold_for(coverage: pd.DataFrame, annotations_dir: str | Path) -> pd.DataFrame:
    """The merged gold (:func:`load_gold`) of the scored articles of ``coverage`` only; an
    empty frame with the gold columns when none is scored (the gold files are then not read,
    so a corpus without annotations needs none)."""
    scored = set(coverage.loc[coverage["scored"], "article_id"])
    if not scored:
        empty = pd.DataFrame(columns=list(FIGURE_GOLD_COLUMNS))
        return merge_gold(empty, pd.DataFrame(columns=list(CLAIM_GOLD_COLUMNS)))
    gold = load_gold(annotations_dir)
    return gold[gold["article_id"].isin(scored)].reset_index(drop=True)


def annotators_of(coverage: pd.DataFrame) -> dict[str, str]:
    """{article_id: annotator} of the scored articles; an unnamed annotator is "(unnamed)"."""
    scored = coverage[coverage["scored"]]
    pairs = zip(scored["article_id"], scored["annotator"], strict=True)
    return {article: name or "(unnamed)" for article, name in pairs}


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _is(n: int) -> str:
    return "is" if n == 1 else "are"


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()
