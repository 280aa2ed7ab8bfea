"""The notebook runner on small notebooks written into a temporary project: parameters reach the
notebooks that declare them, executed copies are reproducible, nothing reruns when nothing
changed, an incremental build is the same bytes as a clean one, and a failing notebook stops
the run by name while the previous report stays as it was."""

import hashlib
import shutil
from pathlib import Path

import nbformat
import pytest

from fixtures import SEED_STUDY
from helpers import paths, plan, runner, staging
from helpers.execute import normalise_notebook

PARAMETERS = """raw_dir: str = "../data/raw"  # folder of .txt articles
processed_dir: str = "../data/processed"  # processed data
annotations_dir: str = "../data/annotations"  # gold standards
reports_dir: str = "../reports"  # charts and tables"""
STUDY_PARAMETERS = """
study: str = "general-news"  # the study file
columns: str = ""  # column mapping
style: str = "report"  # chart style"""


def write_notebook(path: Path, body: str, parameters: str = PARAMETERS) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "news-figures", "display_name": "x", "language": "python"}
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# test"), cell, nbformat.v4.new_code_cell(body)]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"c{index}"
    nbformat.write(nb, path)


# Like notebook 01, it shows what the processed folder holds after writing to it.
COUNT_ARTICLES = """from pathlib import Path
names = sorted(p.name for p in Path(raw_dir).glob("*.txt"))
Path(processed_dir).mkdir(parents=True, exist_ok=True)
(Path(processed_dir) / "count.csv").write_text(f"n\\n{len(names)}\\n")
print(len(names), "articles")
print(sorted(p.name for p in Path(processed_dir).iterdir()))"""
READ_COUNT = """from pathlib import Path
print(study, columns, style)
print(open(processed_dir + '/count.csv').read())
(Path(reports_dir) / "tables").mkdir(parents=True, exist_ok=True)
(Path(reports_dir) / "tables" / "read.csv").write_text("read\\n1\\n")
(Path(processed_dir) / "later.csv").write_text("written by notebook 02\\n")"""


# `make report` in a process of its own, on the project below: python driver.py ROOT PROCESSED
DRIVER = """import sys
from pathlib import Path
from helpers import runner
from helpers.plan import RunPlan
root = Path(sys.argv[1])
plan = RunPlan(
    notebooks_dir=root / "notebooks", raw_dir=root / "raw", processed_dir=root / sys.argv[2],
    annotations_dir=root / "annotations", out_dir=root / "out", library_dir=root / "library",
    studies_dir=root / "studies",
)
sys.exit(runner.run_and_report(plan))
"""


def make_project(root: Path) -> runner.RunPlan:
    """Two notebooks, one article, a study and a library that stand still while src/ changes."""
    (root / "notebooks").mkdir()
    raw = root / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Officials said 300 drones were shot down.")
    (root / "annotations").mkdir()
    library = root / "library"
    library.mkdir()
    (library / "module.py").write_text("VERSION = 1\n")
    study = root / "studies" / paths.GENERAL_STUDY
    study.mkdir(parents=True)
    (study / "study.yml").write_text(f"name: {paths.GENERAL_STUDY}\ntitle: A test study\n")
    write_notebook(root / "notebooks" / "01-count-articles.ipynb", COUNT_ARTICLES)
    write_notebook(
        root / "notebooks" / "02-read-count.ipynb", READ_COUNT, PARAMETERS + STUDY_PARAMETERS
    )
    return runner.RunPlan(
        notebooks_dir=root / "notebooks",
        raw_dir=raw,
        processed_dir=root / "out" / "processed",
        annotations_dir=root / "annotations",
        out_dir=root / "out",
        library_dir=library,
        studies_dir=root / "studies",
    )


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def quiet(*args, **kwargs):
    pass


def tree(folder: Path) -> dict[str, str]:
    """sha256 of every file below ``folder`` by relative path, hidden ones included."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(plan: runner.RunPlan) -> list[str]:
    """Staging, lock or journal files a run left beside its folders (the cache folder, kept
    from run to run on purpose, aside)."""
    parents = {plan.out_dir.parent, plan.processed_dir.parent}
    return sorted(
        f"{p.name}/{child.name}"
        for parent in parents
        for p in parent.glob(".*.run")
        for child in p.iterdir()
        if child.name != staging.CACHE_NAME
    )


def injected(executed: Path) -> str:
    nb = nbformat.read(executed, as_version=4)
    cells = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    return cells[0].source


def test_runs_in_order_passing_final_folders_and_declared_settings_only(project):
    assert runner.run(project, echo=quiet) == 2
    out = project.out_dir
    second = injected(out / "notebooks" / "02-read-count.ipynb")
    assert 'processed_dir = "processed"' not in second  # relative to notebooks/, not out/
    assert 'processed_dir = "../out/processed"' in second and 'reports_dir = "../out"' in second
    assert f'study = "{paths.GENERAL_STUDY}"' in second and 'style = "report"' in second
    first = injected(out / "notebooks" / "01-count-articles.ipynb")
    assert "study" not in first and "style" not in first  # not declared there: not injected
    executed = (out / "html" / "02-read-count.html").read_text(encoding="utf-8")
    assert ".run" not in executed and "general-news  report" in executed
    assert (out / "index.html").exists() and (out / "manifest.json").exists()
    assert leftovers(project) == []
    messages = []
    assert runner.run(project, echo=lambda *a, **k: messages.append(" ".join(map(str, a)))) == 0
    assert "up to date" in messages[-1]


def test_what_changed_decides_what_reruns(project):
    runner.run(project, echo=quiet)
    first = (project.out_dir / "notebooks" / "01-count-articles.ipynb").read_bytes()
    assert runner.run(project, force=True, echo=quiet) == 2
    assert (project.out_dir / "notebooks" / "01-count-articles.ipynb").read_bytes() == first
    (project.raw_dir / "b.txt").write_text("Officials denied it.")
    assert runner.run(project, echo=quiet) == 2
    assert (project.processed_dir / "count.csv").read_text() == "n\n2\n"
    source = project.notebooks_dir / "02-read-count.ipynb"
    source.write_text(source.read_text().replace("print(study", "print(1, study"))
    assert runner.run(project, echo=quiet) == 1  # only the changed notebook and what follows
    (project.library_dir / "module.py").write_text("VERSION = 2\n")
    assert runner.run(project, echo=quiet) == 2
    study = project.studies_dir / paths.GENERAL_STUDY / "study.yml"
    study.write_text(study.read_text() + "question: What changed?\n")
    assert runner.run(project, echo=quiet) == 2
    (project.processed_dir / "count.csv").unlink()  # an output deleted by hand is rebuilt
    assert runner.run(project, echo=quiet) == 2
    changed = plan.RunPlan(**{**project.__dict__, "style": "slides"})
    assert runner.run(changed, echo=quiet) == 2
    assert 'style = "slides"' in injected(project.out_dir / "notebooks" / "02-read-count.ipynb")


def test_an_incremental_build_is_the_same_bytes_as_a_clean_one(project):
    runner.run(project, echo=quiet)
    (project.raw_dir / "b.txt").write_text("Officials denied it.")
    runner.run(project, echo=quiet)  # notebook 01 reruns beside notebook 02's old outputs
    source = project.notebooks_dir / "02-read-count.ipynb"
    source.write_text(source.read_text().replace("read.csv", "read-again.csv"))
    runner.run(project, echo=quiet)  # notebook 02 no longer writes read.csv
    incremental = tree(project.out_dir)
    assert "tables/read.csv" not in incremental and "tables/read-again.csv" in incremental
    listing = (project.out_dir / "notebooks" / "01-count-articles.ipynb").read_text()
    assert "later.csv" not in listing  # notebook 01 sees only what it wrote itself
    shutil.rmtree(project.out_dir)
    runner.run(project, echo=quiet)
    assert tree(project.out_dir) == incremental


def test_processed_data_outside_the_report_folder_is_staged_and_swapped_too(project, tmp_path):
    apart = plan.RunPlan(**{**project.__dict__, "processed_dir": tmp_path / "data" / "processed"})
    (tmp_path / "data" / "processed").mkdir(parents=True)
    (tmp_path / "data" / "processed" / ".gitkeep").write_text("")
    runner.run(apart, echo=quiet)
    assert (apart.processed_dir / "count.csv").read_text() == "n\n1\n"
    assert (apart.processed_dir / ".gitkeep").exists()  # the placeholder git tracks stays
    assert "processed/count.csv" in (apart.out_dir / "manifest.json").read_text()
    assert leftovers(apart) == []


CACHED = (
    COUNT_ARTICLES
    + """
store = Path(processed_dir) / "parquet" / "part-0.parquet"
print("reused" if store.exists() else "computed")
if not store.exists():
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"rows of every article")"""
)


def test_the_per_article_store_is_handed_on_to_the_next_run(project):
    write_notebook(project.notebooks_dir / "01-count-articles.ipynb", CACHED)
    runner.run(project, echo=quiet)
    (project.raw_dir / "b.txt").write_text("A new article: notebook 01 reruns.")
    assert runner.run(project, echo=quiet) == 2
    executed = nbformat.read(project.out_dir / "notebooks" / "01-count-articles.ipynb", 4)
    printed = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    assert printed.endswith("reused\n")
    assert (project.processed_dir / "parquet" / "part-0.parquet").exists()


def test_a_failing_notebook_stops_the_run_by_name_and_leaves_the_report_as_it_was(project, capsys):
    write_notebook(project.notebooks_dir / "02-read-count.ipynb", "raise ValueError('no count')")
    assert runner.run_and_report(project) == 1
    error = capsys.readouterr().err
    assert "02-read-count.ipynb failed in cell" in error and "ValueError: no count" in error
    assert "previous" not in error and "no report was written" in error.lower()
    assert not project.out_dir.exists() and leftovers(project) == []

    write_notebook(project.notebooks_dir / "02-read-count.ipynb", "print('fine')")
    runner.run(project, echo=quiet)
    before = tree(project.out_dir)
    (project.raw_dir / "b.txt").write_text("A second article changes notebook 01's outputs.")
    write_notebook(project.notebooks_dir / "02-read-count.ipynb", "raise ValueError('no count')")
    with pytest.raises(runner.NotebookFailed, match=r"02-read-count.ipynb.*cell.*no count"):
        runner.run(project, echo=quiet)
    assert tree(project.out_dir) == before  # not even notebook 01's new outputs
    assert runner.run_and_report(project) == 1
    assert f"previous report in {project.out_dir} is unchanged" in capsys.readouterr().err
    assert leftovers(project) == []


def test_normalise_notebook_strips_run_times_ids_progress_bars_and_staging_folders():
    nb = nbformat.v4.new_notebook()
    nb.metadata["papermill"] = {"start_time": "2026-11-22T02:00:00", "duration": 1.5}
    nb.metadata["kernelspec"] = {"name": "news-figures"}
    cell = nbformat.v4.new_code_cell('reports_dir = "../.out.run/12/new"')
    cell.metadata["papermill"] = {"duration": 0.1}
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-22T02:00:00"}
    cell.metadata["tags"] = ["injected-parameters"]
    cell.outputs = [  # how a run cuts its streams into messages depends on timing
        nbformat.v4.new_output(
            "stream", name="stderr", text="reading: 40%|####  | 2/5 [00:01<00:02]"
        ),
        nbformat.v4.new_output("stream", name="stderr", text="\n"),
        nbformat.v4.new_output("stream", name="stdout", text="5 arti"),
        nbformat.v4.new_output("stream", name="stdout", text="cles in /tmp/.out.run/12/new\n"),
        nbformat.v4.new_output("stream", name="stderr", text="UserWarning: no date\n"),
    ]
    text = nbformat.v4.new_markdown_cell("# Title")
    text.metadata["papermill"] = {"status": "completed"}
    del text["id"]
    nb.cells = [cell, text]
    normalise_notebook(nb, {"../.out.run/12/new": "../out", "/tmp/.out.run/12/new": "/tmp/out"})
    assert nb.metadata == {"kernelspec": {"name": "news-figures"}}
    cell, text = nb.cells
    assert cell.metadata == {"tags": ["injected-parameters"]} and text.metadata == {}
    assert cell["id"] == "injected-parameters" and text["id"] == "cell-1"
    assert cell.source == 'reports_dir = "../out"'
    assert [(o["name"], o["text"]) for o in cell.outputs] == [
        ("stdout", "5 articles in /tmp/out\n"),
        ("stderr", "UserWarning: no date\n"),
    ]


def test_the_default_study_follows_the_raw_folder_and_a_path_is_passed_from_notebooks(tmp_path):
    seeds = plan.RunPlan(paths.NOTEBOOKS_DIR, paths.RAW_DIR, tmp_path, tmp_path, tmp_path)
    assert seeds.parameters()["study"] == SEED_STUDY
    other = plan.RunPlan(paths.NOTEBOOKS_DIR, tmp_path, tmp_path, tmp_path, tmp_path)
    assert other.parameters()["study"] == paths.GENERAL_STUDY
    mine = plan.RunPlan(**{**other.__dict__, "study": str(tmp_path / "mine.yml")})
    passed = mine.parameters()["study"]
    assert not Path(passed).is_absolute()  # notebooks run in notebooks/: the path leads there
    assert (paths.NOTEBOOKS_DIR / passed).resolve() == (tmp_path / "mine.yml").resolve()
    with pytest.raises(ValueError, match="STYLE='poster'"):
        plan.RunPlan(**{**other.__dict__, "style": "poster"})


def test_a_broken_study_file_stops_the_run_before_any_notebook(project, capsys):
    (project.studies_dir / paths.GENERAL_STUDY / "study.yml").write_text("name: [unclosed\n")
    assert runner.run_and_report(project) == 2
    error = capsys.readouterr().err
    assert "study.yml" in error and "not valid YAML" in error
    assert not project.out_dir.exists()


def test_raw_may_be_one_export_file(project):
    export = project.raw_dir.parent / "export.csv"
    export.write_text("title,text\nA,Officials said 3 drones.\n")
    one_file = plan.RunPlan(**{**project.__dict__, "raw_dir": export})
    write_notebook(
        project.notebooks_dir / "01-count-articles.ipynb",
        "from pathlib import Path\n"
        "n = open(raw_dir).read().count('drones')\n"
        "Path(processed_dir).mkdir(parents=True, exist_ok=True)\n"
        "(Path(processed_dir) / 'count.csv').write_text(f'n\\n{n}\\n')",
    )
    assert runner.run(one_file, echo=quiet) == 2
    assert 'raw_dir = "../export.csv"' in injected(
        project.out_dir / "notebooks" / "01-count-articles.ipynb"
    )
    assert '"raw/export.csv"' in (project.out_dir / "manifest.json").read_text()
    assert (project.processed_dir / "count.csv").read_text() == "n\n1\n"


def test_folders_a_run_would_damage_are_refused_in_one_line(project, capsys):
    inside_raw = plan.RunPlan(**{**project.__dict__, "out_dir": project.raw_dir / "out"})
    assert runner.run_and_report(inside_raw) == 2
    assert "overlap" in capsys.readouterr().err
    project.out_dir.mkdir()
    (project.out_dir / "thesis.docx").write_text("months of work")
    assert runner.run_and_report(project) == 2
    error = capsys.readouterr().err
    assert "thesis.docx" in error and error.count("\n") == 1
    assert (project.out_dir / "thesis.docx").read_text() == "months of work"
    shutil.rmtree(project.raw_dir)
    assert runner.run_and_report(project) == 2
    assert "does not exist" in capsys.readouterr().err
