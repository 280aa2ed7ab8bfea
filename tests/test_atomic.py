"""Files and folders are replaced whole: a written file is complete and follows the umask; a
staged folder replaces the old one in one step, and a swap that a kill interrupted at any step
is finished by the next run; a run that fails leaves no staging behind and says why in one
line."""

import errno
import hashlib
import os
import threading
import time

import pytest

from helpers import report, runner, staging
from helpers.io import atomic_write_bytes, file_hashes, sha256_file
from helpers.plan import RunPlan
from test_runner import leftovers, make_project, quiet, tree


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_follow_the_umask(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        path = atomic_write_bytes(tmp_path / "deep" / "table.csv", b"a,b\n")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == mode
    assert [p.name for p in path.parent.iterdir()] == ["table.csv"]  # no temporary file left


def test_one_file_hash_for_files_folders_and_links(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(b"300 drones")
    (tmp_path / ".gitkeep").write_bytes(b"")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (tmp_path / "link").symlink_to("/etc/passwd")
    digest = hashlib.sha256(b"300 drones").hexdigest()
    assert sha256_file(tmp_path / "sub" / "a.txt") == digest
    hashes = file_hashes(tmp_path, "raw")
    assert hashes["raw/sub/a.txt"] == digest
    assert set(hashes) == {"raw/sub/a.txt", "raw/link"}  # hidden files and caches skipped
    assert hashes["raw/link"] == hashlib.sha256(b"symlink:/etc/passwd").hexdigest()  # not read
    assert file_hashes(tmp_path / "sub" / "a.txt", "raw") == {"raw/a.txt": digest}
    assert file_hashes(tmp_path / "missing", "raw") == {}


def _folders(tmp_path):
    final = tmp_path / "reports"
    final.mkdir()
    (final / "index.html").write_text("old")
    (final / ".gitkeep").write_text("")
    swap = staging.staging_for(final, "123")
    (swap.staged / "index.html").write_text("new")
    return final, swap, staging.run_dir(final) / staging.JOURNAL_NAME


def _contents(folder):
    return {p.name: p.read_text() for p in folder.iterdir()}


@pytest.mark.parametrize("can_exchange", [True, False])
def test_a_staged_folder_replaces_the_old_one_whole(tmp_path, monkeypatch, can_exchange):
    if not can_exchange:
        monkeypatch.setattr(staging, "exchange", lambda first, second: False)
    final, swap, journal = _folders(tmp_path)
    assert _contents(swap.staged) == {"index.html": "new", ".gitkeep": ""}  # placeholder kept
    staging.commit([swap], journal)
    assert _contents(final) == {"index.html": "new", ".gitkeep": ""}
    assert not journal.exists() and not swap.staged.exists() and not swap.old.exists()


def _kill_after_exchange(swap):
    assert staging.exchange(swap.staged, swap.final)


def _kill_between_renames(swap):
    os.rename(swap.final, swap.old)


def _kill_during_cleanup(swap):
    _kill_after_exchange(swap)
    (swap.staged / "index.html").unlink()  # part of the old folder deleted


@pytest.mark.parametrize(
    "step",
    [lambda swap: None, _kill_after_exchange, _kill_between_renames, _kill_during_cleanup],
    ids=["journal-only", "after-exchange", "between-renames", "during-cleanup"],
)
def test_the_next_run_finishes_a_swap_a_kill_interrupted(tmp_path, step):
    final, swap, journal = _folders(tmp_path)
    staging.write_journal([swap], journal)
    step(swap)  # then the process was killed
    assert staging.recover(journal, [final]) is True
    assert _contents(final) == {"index.html": "new", ".gitkeep": ""}
    assert not journal.exists()
    assert [p.name for p in staging.run_dir(final).iterdir()] == []


def test_without_a_journal_staged_leftovers_are_deleted_and_the_old_folder_kept(tmp_path):
    final, swap, journal = _folders(tmp_path)  # killed while the notebooks ran
    assert staging.recover(journal, [final]) is False
    assert _contents(final) == {"index.html": "old", ".gitkeep": ""}
    assert not swap.staged.exists()


def test_a_second_lock_waits_and_names_the_holder(tmp_path):
    final = tmp_path / "reports"
    first = staging.FolderLock(final)
    first.acquire()
    messages = []
    second = staging.FolderLock(final, echo=lambda *a, **k: messages.append(" ".join(a)))
    waiter = threading.Thread(target=second.acquire)
    waiter.start()
    time.sleep(0.5)
    assert waiter.is_alive()  # still waiting
    assert messages == [
        f"Another make report is writing {final} (process {os.getpid()}); waiting for it to "
        "finish (Ctrl-C to stop) ..."
    ]
    first.release()
    waiter.join(timeout=10)
    assert not waiter.is_alive()
    second.release()
    assert not staging.run_dir(final).exists()  # the lock leaves nothing behind


def test_a_full_disk_is_one_line_and_leaves_the_report_and_no_staging(
    tmp_path, monkeypatch, capsys
):
    project = make_project(tmp_path)
    runner.run(project, echo=quiet)
    before = tree(project.out_dir)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.html"))

    monkeypatch.setattr(report, "build_report", full)
    assert runner.run_and_report(project, force=True) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert "the disk is full" in error and "previous report" in error
    assert tree(project.out_dir) == before and leftovers(project) == []


def test_an_unwritable_output_is_one_line(tmp_path, capsys):
    project = make_project(tmp_path)
    (tmp_path / "a-file").write_text("")
    blocked = RunPlan(**{**project.__dict__, "out_dir": tmp_path / "a-file" / "out"})
    blocked = RunPlan(**{**blocked.__dict__, "processed_dir": blocked.out_dir / "processed"})
    assert runner.run_and_report(blocked) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error and "a-file" in error


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_line(tmp_path, capsys):
    project = make_project(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    blocked = RunPlan(**{**project.__dict__, "out_dir": locked / "out"})
    blocked = RunPlan(**{**blocked.__dict__, "processed_dir": blocked.out_dir / "processed"})
    assert runner.run_and_report(blocked) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "cannot write" in error
