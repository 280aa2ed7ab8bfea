"""Notebooks that declare what they read (metadata ``runner.after``) run side by side, see only
the outputs of the notebooks they read, rerun alone when only they change, and may not write
into the processed folder; a declaration that names a later notebook stops the run."""

import json
from pathlib import Path

import nbformat
import pytest

from helpers import notebook_order, runner
from helpers.execute import NotebookFailed
from test_runner import make_project, quiet, tree, write_notebook

# Each of the two notebooks waits for the other to have started: run one after the other, the
# first would wait in vain and fail, so the run passing shows they ran side by side.
MEET = """import time
from pathlib import Path
meeting = Path({meeting!r})
(meeting / "{me}").write_text("started")
waited = 0.0
while not (meeting / "{other}").exists():
    assert waited < 120, "the other notebook never started beside this one"
    time.sleep(0.2)
    waited += 0.2
tables = Path(reports_dir) / "tables"
print("tables before:", sorted(p.name for p in tables.glob("*")) if tables.exists() else [])
tables.mkdir(parents=True, exist_ok=True)
(tables / "{me}.csv").write_text("n\\n" + open(processed_dir + "/count.csv").read().split()[1])
"""


def declare(path, after):
    nb = nbformat.read(path, as_version=4)
    nb.metadata["runner"] = {"after": after}
    nbformat.write(nb, path)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setattr(notebook_order, "parallel_notebooks", lambda: 2)
    (tmp_path / "project").mkdir()
    plan = make_project(tmp_path / "project")
    (plan.notebooks_dir / "02-read-count.ipynb").unlink()
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    for me, other in (("02-left", "03-right"), ("03-right", "02-left")):
        path = plan.notebooks_dir / f"{me}.ipynb"
        write_notebook(path, MEET.format(meeting=str(meeting), me=me, other=other))
        declare(path, ["01-count-articles.ipynb"])
    return plan


def executed_text(plan, name):
    return (plan.out_dir / "notebooks" / name).read_text(encoding="utf-8")


def test_declared_notebooks_run_side_by_side_and_see_only_what_they_read(project):
    messages = []
    assert runner.run(project, echo=lambda *a, **k: messages.append(" ".join(map(str, a)))) == 3
    tables = project.out_dir / "tables"
    assert (tables / "02-left.csv").read_text() == "n\n1"
    assert (tables / "03-right.csv").read_text() == "n\n1"
    for name in ("02-left.ipynb", "03-right.ipynb"):  # neither saw the other's table
        assert "tables before: []" in executed_text(project, name)
    assert any("03-right.ipynb started" in m for m in messages)
    state = json.loads((project.out_dir / ".runner-state.json").read_text())
    assert sorted(state["notebooks"]["03-right.ipynb"]["outputs"]) == [
        "reports/tables/03-right.csv"
    ]


def test_a_change_in_one_declared_notebook_reruns_only_it(project):
    runner.run(project, echo=quiet)
    left = (project.out_dir / "notebooks" / "02-left.ipynb").read_bytes()
    source = project.notebooks_dir / "03-right.ipynb"
    source.write_text(source.read_text().replace("time.sleep(0.2)", "time.sleep(0.1)"))
    # 02 does not rerun, so 03 cannot meet it: let it find 02's mark from the first run
    assert runner.run(project, echo=quiet) == 1
    assert (project.out_dir / "notebooks" / "02-left.ipynb").read_bytes() == left
    assert (project.out_dir / "tables" / "02-left.csv").exists()
    incremental = tree(project.out_dir)
    (project.raw_dir / "b.txt").write_text("A second article: every notebook reruns.")
    assert runner.run(project, echo=quiet) == 3
    assert (project.out_dir / "tables" / "03-right.csv").read_text() == "n\n2"
    assert tree(project.out_dir).keys() == incremental.keys()


def test_a_declared_notebook_may_not_write_into_the_processed_folder(project):
    path = project.notebooks_dir / "04-writes-processed.ipynb"
    write_notebook(path, "open(processed_dir + '/mine.csv', 'w').write('x')")
    declare(path, ["01-count-articles.ipynb"])
    with pytest.raises(NotebookFailed, match="04-writes-processed.ipynb .* processed folder"):
        runner.run(project, echo=quiet)
    assert not (project.out_dir / "index.html").exists()


def test_a_declaration_that_names_a_later_notebook_stops_the_run(project, capsys):
    declare(project.notebooks_dir / "02-left.ipynb", ["03-right.ipynb"])
    assert runner.run_and_report(project) == 2
    message = capsys.readouterr().err
    assert "02-left.ipynb" in message and "03-right.ipynb" in message
    assert "not a notebook before it" in message


def test_an_undeclared_notebook_waits_for_everything_before_it_and_runs_alone(project):
    write_notebook(project.notebooks_dir / "04-summary.ipynb", "print(1)")
    steps = notebook_order.read_steps(sorted(project.notebooks_dir.glob("*.ipynb")))
    names = [s.name for s in steps]
    first = notebook_order.ready(steps, set(), set())
    assert [s.name for s in first] == [names[0]]
    both = notebook_order.ready(steps, {names[0]}, set())
    assert [s.name for s in both] == [names[1], names[2]]
    assert notebook_order.ready(steps, {names[0], names[1]}, {names[2]}) == []
    last = notebook_order.ready(steps, set(names[:3]), set())
    assert [s.name for s in last] == ["04-summary.ipynb"]
    assert notebook_order.reads(steps)["04-summary.ipynb"] == set(names[:3])


def test_notebooks_side_by_side_start_in_the_notebooks_folder_and_leave_the_process_where_it_was(
    tmp_path, monkeypatch
):
    """Papermill's own cwd= changes the folder of the whole process, which threads share: one
    notebook ending would send the next one's kernel elsewhere. Kernels get their folder alone."""
    import threading
    import time

    from helpers.execute import execute_notebook

    folder = tmp_path / "notebooks"
    folder.mkdir()
    for i in range(3):
        write_notebook(folder / f"0{i}.ipynb", f"import os, time\ntime.sleep({i}/2)\nos.getcwd()")
    monkeypatch.chdir(tmp_path)
    seen = {}

    def run(i):
        executed, _ = execute_notebook(folder / f"0{i}.ipynb", {}, folder, tmp_path)
        seen[i] = repr(str(folder)) in executed.decode()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    folders = set()
    while any(thread.is_alive() for thread in threads):  # the process's folder meanwhile
        folders.add(Path.cwd())
        time.sleep(0.05)
    assert seen == {0: True, 1: True, 2: True}
    assert folders == {tmp_path} and Path.cwd() == tmp_path


def test_a_notebook_declared_alone_starts_when_nothing_runs_and_nothing_starts_beside_it(project):
    for name, alone in (("04-large.ipynb", True), ("05-small.ipynb", None)):
        path = project.notebooks_dir / name
        write_notebook(path, "print(1)")
        declare(path, ["01-count-articles.ipynb"])
        if alone is not None:
            nb = nbformat.read(path, as_version=4)
            nb.metadata["runner"]["alone"] = alone
            nbformat.write(nb, path)
    steps = notebook_order.read_steps(sorted(project.notebooks_dir.glob("*.ipynb")))
    first, left, right, large, small = (s.name for s in steps)
    assert [s.alone for s in steps] == [False, False, False, True, False]

    def ready(done, running):
        return [s.name for s in notebook_order.ready(steps, set(done), set(running))]

    assert ready([first], []) == [left, right]  # the ones before it start; it waits
    assert ready([first, left], [right]) == []  # something runs: it waits, and so does 05
    assert ready([first, left, right], []) == [large]  # alone, though 05 could start too
    assert ready([first, left, right], [large]) == []  # nothing beside it
    assert ready([first, left, right, large], []) == [small]
    assert runner.run(project, echo=quiet) == 5  # and the run goes through in that order


def test_alone_must_be_true_or_false(project):
    path = project.notebooks_dir / "04-large.ipynb"
    write_notebook(path, "print(1)")
    nb = nbformat.read(path, as_version=4)
    nb.metadata["runner"] = {"after": ["01-count-articles.ipynb"], "alone": "yes"}
    nbformat.write(nb, path)
    with pytest.raises(notebook_order.OrderError, match="runner.alone must be true or false"):
        notebook_order.read_steps(sorted(project.notebooks_dir.glob("*.ipynb")))


KEEP_A_PARTIAL = """from pathlib import Path
kept = Path(cache_dir) / "counts" / "part-00000.txt"
print("found before:", kept.read_text() if kept.exists() else None)
kept.parent.mkdir(parents=True, exist_ok=True)
kept.write_text("counted once")
"""


def test_a_notebook_that_declares_cache_dir_keeps_its_folder_from_run_to_run(tmp_path):
    (tmp_path / "project").mkdir()
    plan = make_project(tmp_path / "project")
    path = plan.notebooks_dir / "02-read-count.ipynb"
    write_notebook(path, KEEP_A_PARTIAL, 'cache_dir = ""\n')
    declare(path, ["01-count-articles.ipynb"])
    runner.run(plan, echo=quiet)
    assert "found before: None" in executed_text(plan, "02-read-count.ipynb")
    runner.run(plan, echo=quiet, force=True)
    assert "found before: counted once" in executed_text(plan, "02-read-count.ipynb")
    kept = plan.out_dir.parent / ".out.run" / "cache" / "counts" / "part-00000.txt"
    assert kept.read_text() == "counted once"  # beside the report, never inside it
    assert not any(p.name == "part-00000.txt" for p in plan.out_dir.rglob("*"))
