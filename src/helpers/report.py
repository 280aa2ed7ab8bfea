"""The report page: what the notebooks wrote, summarised on one page that opens offline.

:func:`build_report` renders ``<out>/index.html`` from the jinja2 template
``templates/report.html.j2`` (autoescaped: outlet names, titles and captions are text, never
markup). The page takes its title, question and headline charts from the study
(``Study.title``, ``Study.question``, ``Study.headline_charts``), and everything else from what
the notebooks wrote: the corpus tables, the charts' JSON captions in ``figures/``, the claims
ledger and the validation scores. Long tables are summarised (their first rows, and a link to
the full CSV), so the page of a corpus of any size opens quickly. It also writes
``tables/corpus_articles.csv``, the full article list the page links to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import pandas as pd
import pyarrow.parquet as pq

from helpers import paths
from helpers.io import read_table, write_table, write_text
from helpers.plan import RunPlan

PREVIEW_ROWS = 25  # rows of a long table shown on the page; the rest is in its CSV
TOP_OUTLETS = 15
TOP_GROUPS = 15  # groups of figures listed on the page, most figures first
GROUPS_TABLE = "tables/figure_groups.csv"
COMPARISON_TABLE = "tables/ledger_comparison.csv"
GROUP_COLUMNS = ["group", "figures", "articles", "what", "happened"]
COMPARISON_PAGE_COLUMNS = [
    "group", "event", "window", "panel_unit", "source", "values", "n_claims", "outlets",
]  # fmt: skip
CORPUS_TABLE = "tables/corpus_articles.csv"
LEDGER_TABLE = "tables/claims_ledger.csv"
VALIDATION_TABLE = "tables/validation_scores.csv"
LEDGER_COLUMNS = [
    "group", "what", "happened", "topic", "event", "surface", "value", "low", "high", "change",
    "unit_normalized", "source_canonical", "source_type", "stance", "outlet", "published",
    "article_id", "sentence_id",
]  # fmt: skip
CORPUS_COLUMNS = [
    "article_id", "outlet", "title", "published", "date_status", "status", "reason",
    "n_sentences", "duplicate_cluster",
]  # fmt: skip
FALLBACK_TITLE = "Reported figures in the news"
FALLBACK_QUESTION = "What numbers did the news report, who gave them, and how do sources differ?"
ISO_DATE = r"^(\d{4}-\d{2}-\d{2})"  # "2024-09-10" at the start of a published value
NO_GOLD = "No validation was possible: no article of this corpus has hand annotations."


@dataclass(frozen=True)
class StudyInfo:
    """What the page needs of the study; ``problem`` says why the study could not be read."""

    name: str
    title: str = FALLBACK_TITLE
    question: str = FALLBACK_QUESTION
    description: str = ""
    headline_charts: tuple[str, ...] = ()
    problem: str = ""


def read_study(plan: RunPlan) -> StudyInfo:
    """The run's study, or generic titles and the reason when it cannot be loaded."""
    try:
        from helpers.study import load_study

        study = load_study(plan.study_location)
    except (ImportError, ValueError, OSError) as error:
        return StudyInfo(name=plan.study_ref, problem=str(error))
    return StudyInfo(
        name=study.name,
        title=study.title,
        question=study.question,
        description=study.description,
        headline_charts=tuple(study.headline_charts),
    )


@dataclass(frozen=True)
class Table:
    """The first rows of a table, for the page: column names and cells as text."""

    columns: list[str]
    rows: list[list[str]]
    total: int


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def preview(frame: pd.DataFrame, columns: list[str] | None = None, rows: int = PREVIEW_ROWS):
    """The first ``rows`` rows of ``frame`` (the named columns it has) as a :class:`Table`."""
    if columns:
        frame = frame[[c for c in columns if c in frame.columns]]
    head = frame.head(rows)
    cells = [[_cell(v) for v in row] for row in head.itertuples(index=False)]
    return Table([str(c) for c in frame.columns], cells, len(frame))


def _read(path: Path) -> pd.DataFrame | None:
    """A table the notebooks wrote, or None when it is missing; an empty file has no rows."""
    if not path.is_file():
        return None
    if path.stat().st_size == 0:
        return pd.DataFrame()
    return read_table(path)


def _article_ids(processed_dir: Path, name: str) -> pd.Series | None:
    """The ``article_id`` of every row of a per-article table (``figures``, ``claims``): read
    from the pass's dataset (that column only), else from ``<name>.csv``; None when neither
    was written."""
    store = processed_dir / paths.STORE_DIR
    if (store / "_pipeline.json").is_file():
        files = sorted((store / name).glob("part-*.parquet"))
        if not files:
            return pd.Series([], dtype=object, name="article_id")
        table = pq.read_table([str(f) for f in files], columns=["article_id"])
        return table.column("article_id").to_pandas()
    frame = _read(processed_dir / f"{name}.csv")
    if frame is None or "article_id" not in frame:
        return None
    return frame["article_id"]


def preview_csv(path: Path, columns: list[str] | None = None, rows: int = PREVIEW_ROWS):
    """:func:`preview` of a report table without holding it: its first ``rows`` rows, and its
    row count (of the whole table in the Parquet file beside a capped CSV, else read from one
    column); None when the file is missing."""
    if not path.is_file():
        return None
    if path.stat().st_size == 0:
        return preview(pd.DataFrame(), columns, rows)
    head = pd.read_csv(path, nrows=rows, keep_default_na=False, na_values=[""])
    whole = path.with_suffix(".parquet")  # a capped CSV's whole table, when written beside it
    if whole.is_file():
        total = pq.ParquetFile(whole).metadata.num_rows
    else:
        total = len(pd.read_csv(path, usecols=[0]))
    table = preview(head, columns, rows)
    return Table(table.columns, table.rows, total)


def whole_table(out_dir: Path, name: str) -> str:
    """The link to a report table in full: its Parquet file when the CSV holds only the first
    rows beside it, else the CSV."""
    parquet = Path(name).with_suffix(".parquet").as_posix()
    return parquet if (out_dir / parquet).is_file() else name


def corpus_summary(processed_dir: Path) -> dict | None:
    """Counts of the corpus for the page: articles read and refused, outlets, dates,
    near-duplicate clusters, figures and claims."""
    articles = _read(processed_dir / paths.ARTICLES_CSV)
    if articles is None or "status" not in articles:
        return None
    figures = _article_ids(processed_dir, "figures")
    if figures is not None:
        counts = figures.value_counts().rename("figures").rename_axis("article_id").reset_index()
        articles = articles.merge(counts, on="article_id", how="left")
        articles["figures"] = articles["figures"].fillna(0).astype(int)
    claims = _article_ids(processed_dir, "claims")
    ok = articles[articles["status"] == "ok"]
    refused = articles[articles["status"] != "ok"]
    outlets = ok["outlet"].fillna("unknown outlet") if "outlet" in ok else pd.Series(dtype=str)
    published = ok.get("published", pd.Series(dtype=str)).fillna("").astype(str)
    dates = published.str.extract(ISO_DATE, expand=False)  # the date as written, no time zone
    summary = {
        "articles": articles,
        "read": len(ok),
        "refused": preview(refused, ["file_name", "reason"], rows=100),
        "outlets": preview(
            outlets.value_counts().rename_axis("outlet").reset_index(name="articles"),
            rows=TOP_OUTLETS,
        ),
        "first_date": dates.min() if dates.notna().any() else "",
        "last_date": dates.max() if dates.notna().any() else "",
        "undated": int(dates.isna().sum()),
        "figures": None if figures is None else len(figures),
        "claims": None if claims is None else len(claims),
        "list": preview(articles, CORPUS_COLUMNS + ["figures"]),
        "clusters": None,
    }
    if "duplicate_cluster" in articles:
        sizes = articles["duplicate_cluster"].dropna().astype(str).value_counts()
        sizes = sizes[(sizes >= 2) & (sizes.index != "")]
        summary["clusters"] = {"count": len(sizes), "articles": int(sizes.sum())}
    return summary


def read_charts(out_dir: Path) -> tuple[list[dict], list[str]]:
    """Every chart's caption (from ``figures/*.json``, by slug) and the caption files that
    could not be read."""
    charts, problems = [], []
    for path in sorted((out_dir / "figures").glob("fig*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            slug = str(info["slug"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            problems.append(f"{path.name}: {error}")
            continue
        charts.append(
            {
                "slug": slug,
                "title": str(info.get("title", slug)),
                "caption": str(info.get("caption", "")),
                "png": (out_dir / "figures" / f"{slug}.png").is_file(),
                "csv": (out_dir / "figures" / f"{slug}.csv").is_file(),
                "svg": (out_dir / "figures" / f"{slug}.svg").is_file(),
            }
        )
    return charts, problems


def split_headline(charts: list[dict], prefixes: tuple[str, ...]) -> tuple[list, list]:
    """The charts whose slug starts with one of ``prefixes`` ("fig41" or a whole slug), in the
    study's order, and all the others in number order."""

    def matches(slug: str, prefix: str) -> bool:
        return slug == prefix or slug.startswith(f"{prefix}-")

    headline = [c for p in prefixes for c in charts if matches(c["slug"], p)]
    headline = list({c["slug"]: c for c in headline}.values())
    chosen = {c["slug"] for c in headline}
    return headline, [c for c in charts if c["slug"] not in chosen]


def validation(out_dir: Path) -> dict:
    """The validation scores, or why there are none."""
    scores = _read(out_dir / VALIDATION_TABLE)
    if scores is None:
        return {
            "table": None,
            "note": "No validation scores were written (notebook 06 did not run).",
        }
    if scores.empty:
        return {"table": None, "note": NO_GOLD}
    return {"table": preview(scores, rows=60), "note": ""}


def links(out_dir: Path) -> dict:
    """The executed notebooks (HTML and .ipynb) and every report table."""
    notebooks = [
        {"name": p.stem, "ipynb": (out_dir / "notebooks" / f"{p.stem}.ipynb").is_file()}
        for p in sorted((out_dir / "html").glob("*.html"))
    ]
    tables = [
        p.name for p in sorted((out_dir / "tables").glob("*")) if p.suffix in (".csv", ".parquet")
    ]
    return {"notebooks": notebooks, "tables": tables}


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("helpers", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("report.html.j2")


def render_index(plan: RunPlan, out_dir: Path, study: StudyInfo, corpus: dict | None) -> str:
    """The HTML of the report page of a run whose outputs are in ``out_dir``, with the study
    and the :func:`corpus_summary` given."""
    charts, chart_problems = read_charts(out_dir)
    headline, others = split_headline(charts, study.headline_charts)
    return _template().render(
        study=study,
        settings={k: plan.parameters()[k] for k in ("study", "columns", "style")},
        corpus=corpus,
        headline=headline,
        others=others,
        chart_problems=chart_problems,
        ledger=preview_csv(out_dir / LEDGER_TABLE, LEDGER_COLUMNS),
        ledger_link=whole_table(out_dir, LEDGER_TABLE),
        groups=preview_csv(out_dir / GROUPS_TABLE, GROUP_COLUMNS, TOP_GROUPS),
        groups_link=GROUPS_TABLE,
        comparison=preview_csv(out_dir / COMPARISON_TABLE, COMPARISON_PAGE_COLUMNS),
        comparison_link=whole_table(out_dir, COMPARISON_TABLE),
        corpus_link=CORPUS_TABLE,
        validation=validation(out_dir),
        links=links(out_dir),
    )


def build_report(plan: RunPlan, out_dir: Path | None = None, processed_dir: Path | None = None):
    """Write ``index.html`` (and the article list it links to) into ``out_dir``, reading what
    the notebooks wrote there and in ``processed_dir`` (by default the plan's folders).

    Returns the problem with the study ("" when it was read), also named on the page.
    """
    out_dir = out_dir or plan.out_dir
    processed_dir = processed_dir or plan.processed_dir
    study = read_study(plan)
    corpus = corpus_summary(processed_dir)
    if corpus is not None:
        columns = [c for c in CORPUS_COLUMNS + ["figures"] if c in corpus["articles"].columns]
        write_table(corpus["articles"][columns], out_dir / CORPUS_TABLE, sort_by=["article_id"])
    write_text(out_dir / "index.html", render_index(plan, out_dir, study, corpus))
    return study.problem
