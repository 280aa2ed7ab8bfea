"""The notebook runner: parameters reach the notebooks, executed copies are reproducible,
nothing reruns when nothing changed, and a failing notebook stops the run by name while the
previous good outputs stay in place."""

from pathlib import Path

import nbformat
import pytest

from helpers import runner

PARAMETERS = """raw_dir: str = "../data/raw"  # folder of .txt articles
processed_dir: str = "../data/processed"  # processed data
annotations_dir: str = "../data/annotations"  # gold standards
reports_dir: str = "../reports"  # charts and tables"""


def _write_notebook(path: Path, body: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "news-figures", "display_name": "x", "language": "python"}
    parameters = nbformat.v4.new_code_cell(PARAMETERS)
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# test"),
        parameters,
        nbformat.v4.new_code_cell(body),
    ]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"c{index}"
    nbformat.write(nb, path)


COUNT_ARTICLES = """from pathlib import Path
names = sorted(p.name for p in Path(raw_dir).glob("*.txt"))
Path(processed_dir).mkdir(parents=True, exist_ok=True)
(Path(processed_dir) / "count.csv").write_text(f"n\\n{len(names)}\\n")
print(len(names), "articles")"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "notebooks").mkdir()
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Ukrainian officials said they had shot down more than 300 drones.")
    (tmp_path / "annotations").mkdir()
    library = tmp_path / "library"  # stands still while src/helpers is edited
    library.mkdir()
    (library / "module.py").write_text("VERSION = 1\n")
    _write_notebook(tmp_path / "notebooks" / "01-count-articles.ipynb", COUNT_ARTICLES)
    _write_notebook(
        tmp_path / "notebooks" / "02-read-count.ipynb",
        "print(open(processed_dir + '/count.csv').read())",
    )
    plan = runner.RunPlan(
        notebooks_dir=tmp_path / "notebooks",
        raw_dir=raw,
        processed_dir=tmp_path / "processed",
        annotations_dir=tmp_path / "annotations",
        out_dir=tmp_path / "out",
        library_dir=library,
    )
    return plan


def _quiet(*args, **kwargs):
    pass


def test_runs_in_order_passing_relative_folders_and_reruns_nothing_when_unchanged(project):
    assert runner.run(project, echo=_quiet) == 2
    executed = nbformat.read(project.out_dir / "notebooks" / "02-read-count.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'processed_dir = "../processed"' in injected[0].source
    assert "1\n" in executed.cells[-1].outputs[0]["text"]
    assert (project.out_dir / "html" / "02-read-count.html").exists()
    assert (project.out_dir / "index.html").exists() and (
        project.out_dir / "manifest.json"
    ).exists()
    messages = []
    assert runner.run(project, echo=lambda *a, **k: messages.append(" ".join(map(str, a)))) == 0
    assert "up to date" in messages[-1]


def test_a_new_article_reruns_the_notebooks_and_executed_copies_are_byte_identical(project):
    runner.run(project, echo=_quiet)
    first = (project.out_dir / "notebooks" / "01-count-articles.ipynb").read_bytes()
    assert runner.run(project, force=True, echo=_quiet) == 2
    assert (project.out_dir / "notebooks" / "01-count-articles.ipynb").read_bytes() == first
    (project.raw_dir / "b.txt").write_text("Iran denied it.")
    assert runner.run(project, echo=_quiet) == 2
    assert (project.processed_dir / "count.csv").read_text() == "n\n2\n"
    (project.notebooks_dir / "02-read-count.ipynb").write_text(
        (project.notebooks_dir / "02-read-count.ipynb").read_text().replace("print(", "print(1, ")
    )
    assert runner.run(project, echo=_quiet) == 1  # only the changed notebook and what follows
    (project.library_dir / "module.py").write_text("VERSION = 2\n")
    assert runner.run(project, echo=_quiet) == 2


def test_a_failing_notebook_stops_the_run_by_name_and_keeps_the_last_good_copy(project):
    runner.run(project, echo=_quiet)
    good = (project.out_dir / "notebooks" / "02-read-count.ipynb").read_bytes()
    _write_notebook(
        project.notebooks_dir / "02-read-count.ipynb", "raise ValueError('no figures in count.csv')"
    )
    with pytest.raises(runner.NotebookFailed) as failure:
        runner.run(project, echo=_quiet)
    message = str(failure.value)
    assert "02-read-count.ipynb" in message and "ValueError" in message
    assert "no figures in count.csv" in message and "cell" in message
    assert (project.out_dir / "notebooks" / "02-read-count.ipynb").read_bytes() == good


def test_normalise_notebook_strips_run_times_ids_and_progress_bars():
    nb = nbformat.v4.new_notebook()
    nb.metadata["papermill"] = {"start_time": "2026-11-22T02:00:00", "duration": 1.5}
    cell = nbformat.v4.new_code_cell("x")
    cell.metadata["papermill"] = {"duration": 0.1}
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-22T02:00:00"}
    cell.metadata["tags"] = ["injected-parameters"]
    cell.outputs = [  # how a run cuts its streams into messages depends on timing
        nbformat.v4.new_output(
            "stream", name="stderr", text="reading: 40%|####  | 2/5 [00:01<00:02]"
        ),
        nbformat.v4.new_output("stream", name="stderr", text="\n"),
        nbformat.v4.new_output("stream", name="stdout", text="5 arti"),
        nbformat.v4.new_output("stream", name="stdout", text="cles\n"),
        nbformat.v4.new_output("stream", name="stderr", text="UserWarning: no date\n"),
    ]
    nb.cells = [cell]
    runner.normalise_notebook(nb)
    assert "papermill" not in nb.metadata
    assert cell.metadata == {"tags": ["injected-parameters"]}
    assert cell["id"] == "injected-parameters"
    assert [(o["name"], o["text"]) for o in cell.outputs] == [
        ("stdout", "5 articles\n"),
        ("stderr", "UserWarning: no date\n"),
    ]


def test_a_missing_raw_folder_is_a_clear_error(project, tmp_path):
    missing = runner.RunPlan(**{**project.__dict__, "raw_dir": tmp_path / "nowhere"})
    with pytest.raises(FileNotFoundError, match="nowhere"):
        runner.run(missing, echo=_quiet)
