"""Two `make report` on the same report folder at once: the second says whom it waits for, waits,
then finds the report the first one built up to date."""

import subprocess
import sys
import time

from helpers import runner, staging
from test_runner import COUNT_ARTICLES, DRIVER, leftovers, make_project, write_notebook


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path):
    project = make_project(tmp_path)
    slow = COUNT_ARTICLES + "\nimport time\ntime.sleep(3)"
    write_notebook(project.notebooks_dir / "01-count-articles.ipynb", slow)
    (tmp_path / "driver.py").write_text(DRIVER)
    with open(tmp_path / "first.log", "wb") as log:
        first = subprocess.Popen(
            [sys.executable, str(tmp_path / "driver.py"), str(tmp_path), "out/processed"],
            stdout=log,
            stderr=log,
        )
    lock = staging.run_dir(project.out_dir) / staging.LOCK_NAME
    while first.poll() is None and not (lock.exists() and lock.read_text().strip()):
        time.sleep(0.01)
    messages = []
    executed = runner.run(project, echo=lambda *a, **k: messages.append(" ".join(map(str, a))))
    assert first.wait(timeout=120) == 0, (tmp_path / "first.log").read_text()
    assert messages[0] == (
        f"Another make report is writing {project.out_dir} (process {first.pid}); "
        "waiting for it to finish (Ctrl-C to stop) ..."
    )
    assert executed == 0 and "up to date" in messages[-1]
    assert leftovers(project) == []
