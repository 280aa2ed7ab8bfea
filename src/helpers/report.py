"""The report page and its provenance manifest, built from what the notebooks wrote.

``build_report(plan)`` writes ``<out>/index.html``, one self-contained page (no external
scripts or fonts, every article string escaped) with the corpus, the charts and their captions,
the claims ledger, the validation scores and links to every notebook and table; and
``<out>/manifest.json`` with the sha256 of every input and output, package versions and the
run's parameters.
"""

from __future__ import annotations

import hashlib
import html
import json
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from helpers import paths
from helpers.io import read_table, write_json, write_text

if TYPE_CHECKING:
    from helpers.runner import RunPlan

REPORT_PACKAGES = (
    "jupyterlab", "ipykernel", "pandas", "pyarrow", "matplotlib", "seaborn", "nltk",
    "papermill", "nbconvert", "nbformat", "vaderSentiment", "tqdm", "numpy",
)  # fmt: skip
LEDGER_COLUMNS = [
    "topic", "event", "surface", "value", "low", "high", "change", "unit_normalized",
    "source_canonical", "source_type", "stance", "outlet", "published", "article_id",
    "sentence_id",
]  # fmt: skip
CORPUS_COLUMNS = [
    "article_id", "outlet", "title", "published", "date_status", "status", "reason",
    "n_sentences",
]  # fmt: skip
EXCLUDED_OUTPUTS = {"manifest.json"}
# The charts that answer the kit's questions, shown first: weapons by event and source, the
# claims ledger, people without power, weapon ranges. Every other chart follows them.
HEADLINE_CHARTS = ("fig41", "fig33", "fig42", "fig43")

STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 64rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left;
         vertical-align: top; }
th { background: #f3f3f3; }
figure { margin: 2rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.9rem; color: #444; }
.note { color: #555; font-size: 0.9rem; }
.scroll { overflow-x: auto; }
"""


def _esc(value: object) -> str:
    return html.escape("" if value is None or value != value else str(value))


def html_table(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    """Render ``frame`` (the named columns that exist) as an escaped HTML table."""
    if columns:
        frame = frame[[c for c in columns if c in frame.columns]]
    head = "".join(f"<th>{_esc(c)}</th>" for c in frame.columns)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return (
        f"<div class='scroll'><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n"
        "</tbody>\n</table></div>"
    )


def _read_if_exists(path: Path) -> pd.DataFrame | None:
    return read_table(path) if path.exists() else None


def _section_corpus(plan: RunPlan) -> str:
    articles = _read_if_exists(plan.processed_dir / paths.ARTICLES_CSV)
    if articles is None:
        return "<p class='note'>No articles table: notebook 01 has not run.</p>"
    figures = _read_if_exists(plan.processed_dir / paths.FIGURES_CSV)
    if figures is not None:
        counts = figures.groupby("article_id").size().rename("figures").reset_index()
        articles = articles.merge(counts, on="article_id", how="left")
        articles["figures"] = articles["figures"].fillna(0).astype(int)
    ok = int((articles["status"] == "ok").sum())
    refused = len(articles) - ok
    summary = f"<p>{ok} articles read, {refused} refused (with the reason below).</p>"
    return summary + html_table(articles, CORPUS_COLUMNS + ["figures"])


def _chart_block(caption_file: Path) -> str:
    info = json.loads(caption_file.read_text(encoding="utf-8"))
    slug = info["slug"]
    return (
        f"<figure id='{_esc(slug)}'>\n"
        f"<img src='figures/{_esc(slug)}.png' alt='{_esc(info['title'])}'>\n"
        f"<figcaption><strong>{_esc(info['title'])}</strong> {_esc(info['caption'])} "
        f"<a href='figures/{_esc(slug)}.csv'>data (CSV)</a> · "
        f"<a href='figures/{_esc(slug)}.svg'>SVG</a></figcaption>\n</figure>"
    )


def _charts(out_dir: Path, headline: bool) -> str:
    """The headline charts (in :data:`HEADLINE_CHARTS` order) or all the others (by number)."""
    captions = {p.name.split("-")[0]: p for p in sorted((out_dir / "figures").glob("fig*.json"))}
    if headline:
        chosen = [captions[n] for n in HEADLINE_CHARTS if n in captions]
    else:
        chosen = [p for n, p in captions.items() if n not in HEADLINE_CHARTS]
    return "\n".join(_chart_block(p) for p in chosen) or "<p class='note'>No charts.</p>"


def _section_table(path: Path, columns: list[str] | None, missing: str) -> str:
    frame = _read_if_exists(path)
    if frame is None:
        return f"<p class='note'>{_esc(missing)}</p>"
    return html_table(frame, columns)


def _section_links(out_dir: Path) -> str:
    items = []
    for page in sorted((out_dir / "html").glob("*.html")):
        items.append(
            f"<li><a href='html/{_esc(page.name)}'>{_esc(page.stem)}</a> "
            f"(<a href='notebooks/{_esc(page.stem)}.ipynb'>executed notebook</a>)</li>"
        )
    tables = [
        f"<li><a href='tables/{_esc(t.name)}'>{_esc(t.name)}</a></li>"
        for t in sorted((out_dir / "tables").glob("*.csv"))
    ]
    return (
        "<h3>Notebooks</h3>\n<ul>\n" + "\n".join(items) + "\n</ul>\n"
        "<h3>Tables</h3>\n<ul>\n" + "\n".join(tables) + "\n</ul>\n"
        "<p><a href='manifest.json'>manifest.json</a>: the sha256 of every input and output.</p>"
    )


def render_index(plan: RunPlan) -> str:
    """The HTML of the report page."""
    out = plan.out_dir
    sections = [
        ("What is in the corpus", _section_corpus(plan)),
        ("Headline charts", _charts(out, headline=True)),
        (
            "The claims ledger",
            _section_table(
                out / "tables" / "claims_ledger.csv", LEDGER_COLUMNS, "No claims ledger was made."
            ),
        ),
        (
            "How well the machine reads (against hand annotations)",
            _section_table(
                out / "tables" / "validation_scores.csv", None, "No validation scores were made."
            ),
        ),
        ("More charts", _charts(out, headline=False)),
        ("Notebooks and tables", _section_links(out)),
    ]
    body = "\n".join(f"<h2>{_esc(title)}</h2>\n{content}" for title, content in sections)
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<title>Reported figures in the news</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        "<h1>Reported figures in the news</h1>\n"
        "<p>What numbers did the news report, who said them, and how do outlets differ? "
        "Every number below comes from an article sentence: the CSV beside each chart and the "
        "tables give its article, sentence and character span. Figures are as reported, "
        "not verified.</p>\n"
        f"{body}\n</body>\n</html>\n"
    )


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hash_tree(folder: Path, prefix: str, exclude: set[str] = frozenset()) -> dict[str, str]:
    """``{prefix/relative path: sha256}`` for every file below ``folder`` (hidden ones skipped)."""
    if not folder.is_dir():
        return {}
    hashes = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        hidden = any(part.startswith(".") for part in relative.parts)  # checkpoints, state
        if path.is_file() and not hidden and path.name not in exclude:
            hashes[f"{prefix}/{relative.as_posix()}"] = sha256_of(path)
    return hashes


def package_versions() -> dict[str, str]:
    """Installed versions of the packages the report depends on."""
    versions = {}
    for name in REPORT_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_manifest(plan: RunPlan) -> dict:
    """sha256 of every input and output, package versions and the run's parameters."""
    processed_inside_out = plan.processed_dir.is_relative_to(plan.out_dir)
    outputs = hash_tree(plan.out_dir, "reports", EXCLUDED_OUTPUTS)
    if not processed_inside_out:
        outputs.update(hash_tree(plan.processed_dir, "processed"))
    return {
        "parameters": plan.parameters(),
        "inputs": {
            **hash_tree(plan.raw_dir, "raw"),
            **hash_tree(plan.annotations_dir, "annotations"),
            **hash_tree(plan.notebooks_dir, "notebooks"),
        },
        "outputs": outputs,
        "packages": package_versions(),
    }


def build_report(plan: RunPlan) -> None:
    """Write ``index.html`` then ``manifest.json`` (last, so it can hash the page)."""
    write_text(plan.out_dir / "index.html", render_index(plan))
    write_json(plan.out_dir / "manifest.json", build_manifest(plan))
