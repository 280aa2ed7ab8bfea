"""Acceptance of issue 8: the kit reads news about anything, not only the seed articles.

Runs the whole collection, as ``make report RAW=tests/data/general_corpus/raw OUT=<tmp>`` does,
on 30 invented non-war articles (hurricane, wildfire, strike, plant closure, election, flood,
heatwave, fares, company results; see ``tests/data/general_corpus/README.md``), with no hand
annotations, and checks the report: it finishes, never speaks of the seed case, adds ``what``,
``happened`` and ``group`` to the figures and claims, lines up different sources' numbers for the
same thing in the claims ledger, has rows in every chart and never mixes units in one chart.

The names this test relies on are the constants below, in one place, so that they can be aligned
with the interface as it lands.
"""

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from fixtures import TEST_DATA_DIR
from helpers import paths

# --- the interface of issue 8 that this test reads ------------------------------------------

GENERAL_RAW_DIR = TEST_DATA_DIR / "general_corpus" / "raw"  # the invented articles + manifest
STUDY_OPTION = "--study"  # runner option selecting a study; passed only if the runner has it
STUDY = "general-news"  # the default study for any corpus
RUN_TIMEOUT_S = 1800  # the seeds take about a minute; 30 articles should take a few

FORBIDDEN_WORDS = ("iran", "drone")  # never in the index of a report on other news

# processed tables (<OUT>/processed/parquet/<table>/, the pass's datasets) and their columns
FIGURES = "figures"
CLAIMS = "claims"
WHAT = "what"  # what a figure counts: people, customers, acres, jobs, dollars ...
HAPPENED = "happened"  # what happened to it: killed, evacuated, without power, burned, cut ...
GROUP = "group"  # the ledger group: (what, happened, event/date window)
NEW_COLUMNS = (WHAT, HAPPENED, GROUP)

ARTICLES_CSV = "articles.csv"
ARTICLE_FILE = "file_name"
ARTICLE_STATUS = "status"
STATUS_OK = "ok"
METADATA_SOURCE = "metadata_source"
FROM_MANIFEST = "manifest"

# the claims ledger (<OUT>/tables/claims_ledger.csv)
LEDGER_CSV = Path("tables") / "claims_ledger.csv"
LEDGER_SOURCE = ("source_canonical", "source")  # the first column present names the source
LEDGER_VALUE = "value"
LEDGER_SURFACE = "surface"  # the figure as written ("1.1 million protesters")
# Things several sources of this corpus count differently: a word of the figure as written.
# The ledger must hold a group where at least two sources give different values for it.
SAME_THING = {
    "protesters": "protester",  # police 1.1 million, unions (more than) 2 million, 1.35 million
    "customers": "customer",  # without power: utility 4.5 million, regulator 5.1 million
    "acres": "acre",  # burned: fire agency 48,200 / 48,900 / 51,300, sheriff nearly 50,000
    "jobs": "jobs",  # cut at the Brandt plant: company 1,200, union 1,850
}

# charts (<OUT>/figures/figNN-slug.csv: the exact rows each chart plots)
CHARTS_DIR = "figures"
CHART_VALUE = "value"  # a chart CSV with this column plots reported figures
# the first of these present is the chart's unit (family); the counted noun when no family is given
UNIT_COLUMNS = ("unit_family", "unit", "unit_normalized")
PANEL = "panel"  # charts with panels: one unit family per panel


# --- running the collection once ----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    out: Path
    processed: Path
    returncode: int
    stdout: str
    stderr: str


def _runner_options() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "helpers.runner", "--help"],
        cwd=paths.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    """``make report RAW=<general corpus> OUT=<tmp>``, with no annotations, run once."""
    out = tmp_path_factory.mktemp("any_corpus") / "out"
    no_annotations = tmp_path_factory.mktemp("no_annotations")  # empty: a corpus without gold
    command = [
        sys.executable, "-m", "helpers.runner",
        "--raw", str(GENERAL_RAW_DIR),
        "--out", str(out),
        "--processed", str(out / "processed"),
        "--annotations", str(no_annotations),
        "--force",
    ]  # fmt: skip
    if re.search(rf"{STUDY_OPTION}(?![\w-])", _runner_options()):
        command += [STUDY_OPTION, STUDY]
    result = subprocess.run(
        command, cwd=paths.PROJECT_ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )
    return Run(out, out / "processed", result.returncode, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def report(run) -> Run:
    """The finished run; every check below fails (not skips) with the runner's words if not."""
    if run.returncode != 0:
        pytest.fail(_did_not_finish(run), pytrace=False)
    return run


def _did_not_finish(run: Run) -> str:
    tail = "\n".join((run.stdout + "\n" + run.stderr).strip().splitlines()[-12:])
    return f"the report on the general corpus did not finish (exit {run.returncode}):\n{tail}"


def _csv(path: Path) -> pd.DataFrame:
    assert path.exists(), f"{path.name} was not written (looked for {path})"
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _chart_csvs(out: Path) -> list[Path]:
    charts = sorted((out / CHARTS_DIR).glob("*.csv"))
    assert charts, f"no chart CSVs in {out / CHARTS_DIR}"
    return charts


def _unit_column(frame: pd.DataFrame) -> str | None:
    return next((c for c in UNIT_COLUMNS if c in frame.columns), None)


# --- the checks -------------------------------------------------------------------------------


def test_the_report_finishes(run):
    assert run.returncode == 0, _did_not_finish(run)
    assert (run.out / "index.html").exists(), f"no index.html in {run.out}"


def test_index_never_speaks_of_the_seed_case(report):
    page = (report.out / "index.html").read_text(encoding="utf-8")
    lowered = page.lower()
    found = []
    for word in FORBIDDEN_WORDS:
        at = lowered.find(word)
        while at != -1 and len(found) < 10:
            found.append(f"{word!r}: ...{page[max(0, at - 60) : at + 60]!r}...")
            at = lowered.find(word, at + 1)
    assert not found, "index.html mentions the seed case:\n" + "\n".join(found)


def test_every_input_file_is_read(report):
    articles = _csv(report.processed / ARTICLES_CSV)
    inputs = sorted(p.name for p in GENERAL_RAW_DIR.glob("*.txt"))
    assert len(inputs) >= 25
    rows = articles[ARTICLE_FILE].tolist()
    assert sorted(rows) == inputs, (
        f"articles.csv rows do not match the input files: missing "
        f"{sorted(set(inputs) - set(rows))}, extra {sorted(set(rows) - set(inputs))}, "
        f"{len(rows)} rows for {len(inputs)} files"
    )
    bad = articles[articles[ARTICLE_STATUS] != STATUS_OK]
    assert bad.empty, f"files not read: {bad[[ARTICLE_FILE, ARTICLE_STATUS]].values.tolist()}"
    off_manifest = articles[articles[METADATA_SOURCE] != FROM_MANIFEST][ARTICLE_FILE].tolist()
    assert not off_manifest, f"metadata not taken from manifest.csv for {off_manifest}"


@pytest.mark.parametrize("table", [FIGURES, CLAIMS])
def test_figures_and_claims_say_what_happened_and_group(report, table):
    folder = report.processed / paths.STORE_DIR / table
    assert list(folder.glob("part-*.parquet")), f"no {table} dataset in {folder}"
    frame = pd.read_parquet(folder)
    missing = [c for c in NEW_COLUMNS if c not in frame.columns]
    assert not missing, f"{table} lacks {missing}; it has {list(frame.columns)}"
    assert len(frame) > 0, f"{table} has no rows"
    for column in NEW_COLUMNS:
        filled = frame[column].fillna("").astype(str).ne("").mean()
        assert filled > 0, f"{table}: column {column!r} is empty in every row"


@pytest.mark.parametrize("thing", sorted(SAME_THING))
def test_ledger_lines_up_sources_for_the_same_thing(report, thing):
    word = SAME_THING[thing]
    ledger = _csv(report.out / LEDGER_CSV)
    source = next((c for c in LEDGER_SOURCE if c in ledger.columns), None)
    needed = [GROUP, LEDGER_VALUE, LEDGER_SURFACE]
    missing = [c for c in needed if c not in ledger.columns] + ([] if source else [LEDGER_SOURCE])
    assert not missing, f"claims_ledger.csv lacks {missing}; it has {list(ledger.columns)}"
    rows = ledger[ledger[LEDGER_SURFACE].str.contains(word, case=False, na=False)]
    assert not rows.empty, f"no ledger row for {thing} (no surface containing {word!r})"
    lined_up = [
        group
        for group, claims in rows.groupby(GROUP)
        if claims[source].dropna().nunique() >= 2 and claims[LEDGER_VALUE].nunique() >= 2
    ]
    shown = rows[[GROUP, source, LEDGER_VALUE, LEDGER_SURFACE]].to_string(index=False)
    assert lined_up, (
        f"no ledger group holds two sources with different values for {thing}; "
        f"ledger rows whose figure contains {word!r}:\n{shown}"
    )


def test_every_chart_has_rows(report):
    charts = _chart_csvs(report.out)
    empty = [p.name for p in charts if _csv(p).empty]
    assert not empty, f"chart CSVs without rows ({len(empty)} of {len(charts)}): {empty}"


def test_charts_of_figures_name_their_unit(report):
    charts = [p for p in _chart_csvs(report.out) if CHART_VALUE in _csv(p).columns]
    assert charts, f"no chart CSV plots figures (none has a {CHART_VALUE!r} column)"
    unnamed = [p.name for p in charts if _unit_column(_csv(p)) is None]
    assert not unnamed, f"chart CSVs of figures with none of the columns {UNIT_COLUMNS}: {unnamed}"


def test_no_chart_mixes_units(report):
    mixed = []
    for path in _chart_csvs(report.out):
        frame = _csv(path)
        unit = _unit_column(frame)
        if unit is None or frame.empty:
            continue
        panels = frame.groupby(PANEL, dropna=False) if PANEL in frame.columns else [("", frame)]
        for panel, rows in panels:
            families = sorted(map(str, rows[unit].unique()))
            if len(families) > 1:
                where = f"{path.name} panel {panel!r}" if PANEL in frame.columns else path.name
                mixed.append(f"{where}: {unit} = {families}")
    assert not mixed, "charts mixing units on one axis:\n" + "\n".join(mixed)


def test_charts_show_the_corpus_own_groups(report):
    ledger = _csv(report.out / LEDGER_CSV)
    assert GROUP in ledger.columns, f"claims_ledger.csv lacks {GROUP!r}"
    charted: set[str] = set()
    for path in _chart_csvs(report.out):
        frame = _csv(path)
        if GROUP in frame.columns:
            charted |= set(frame[GROUP].dropna().astype(str))
    missing = []
    for thing, word in sorted(SAME_THING.items()):
        mask = ledger[LEDGER_SURFACE].str.contains(word, case=False, na=False)
        groups = set(ledger.loc[mask, GROUP].dropna().astype(str))
        if not groups & charted:
            missing.append(f"{thing}: ledger groups {sorted(groups)}")
    assert not missing, (
        "groups of this corpus that no chart CSV plots (by its "
        f"{GROUP!r} column; charted groups: {sorted(charted)}):\n" + "\n".join(missing)
    )
