"""Replace a folder whole: a lock per folder, a staging folder beside it, a journal for the swap.

A run of ``make report`` never writes into the folders it replaces. It takes each folder's lock
(:class:`FolderLock`: a second run on the same folder waits, and says which process it waits
for), builds the new contents in a staging folder beside the old one
(``.<name>.run/<run id>/new``, see :func:`staging_for`) and, at the end, swaps the staged
folders in with :func:`commit`. Each swap is one rename: an atomic exchange of the two folders
where the system offers it (Linux ``renameat2``), otherwise two renames in a row. The journal
that :func:`commit` writes first lets the next run finish a commit that a kill interrupted
(:func:`recover`), so after a kill each folder is either wholly old or wholly new. Whatever a
failed or killed run staged is deleted, by the run itself or by the next one.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from helpers.io import write_json

RUN_SUFFIX = ".run"  # ".reports.run" beside "reports": the lock, the journal, staged folders
LOCK_NAME = "lock"
JOURNAL_NAME = "journal.json"
CACHE_NAME = "cache"  # the notebooks' per-bucket results, kept from run to run (pipeline.memo)
KEEP_NAMES = frozenset({".gitkeep"})  # placeholders git tracks in a folder: carried into staging
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV}


def run_dir(final: Path) -> Path:
    """The hidden folder beside ``final`` that holds its lock, journal and staged copies."""
    return final.parent / f".{final.name}{RUN_SUFFIX}"


@dataclass(frozen=True)
class Swap:
    """A staged folder that will replace ``final``; ``old`` receives ``final`` when the system
    cannot exchange two folders in one step."""

    final: Path
    staged: Path
    old: Path


def cache_dir(final: Path) -> Path:
    """Where the notebooks writing ``final`` keep partial results between runs (outside the
    folder itself, so that a swap never carries it, and kept by :func:`recover`)."""
    return run_dir(final) / CACHE_NAME


def staging_for(final: Path, run_id: str) -> Swap:
    """Where a run named ``run_id`` stages the new contents of ``final`` (created empty, with
    the placeholders of :data:`KEEP_NAMES` that ``final`` holds)."""
    base = run_dir(final) / run_id
    swap = Swap(final, base / "new", base / "old")
    swap.staged.mkdir(parents=True)
    for name in KEEP_NAMES:
        if (final / name).is_file():
            shutil.copyfile(final / name, swap.staged / name)
    return swap


class FolderLock:
    """An exclusive lock (``fcntl.flock``) on a folder that may not exist yet.

    The lock file lives in :func:`run_dir`; a run that finds it held prints who holds it and
    waits. On release the lock file is deleted while still held, and a waiting run that then
    wins the lock of a deleted file simply tries again on a fresh one.
    """

    def __init__(self, final: Path, echo=print) -> None:
        self.final = final
        self.echo = echo
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        folder = run_dir(self.final)
        waited = False
        while True:
            folder.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
            except FileNotFoundError:  # the holder removed the folder in between: try again
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not waited:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    who = f" (process {holder})" if holder.isdigit() else ""
                    self.echo(
                        f"Another make report is writing {self.final}{who}; waiting for it "
                        "to finish (Ctrl-C to stop) ...",
                        flush=True,
                    )
                    waited = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            if _same_file(fd, folder / LOCK_NAME):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
                self._fd = fd
                return
            os.close(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        folder = run_dir(self.final)
        (folder / LOCK_NAME).unlink(missing_ok=True)
        try:
            folder.rmdir()  # only when nothing else is left in it
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def write_journal(swaps: list[Swap], journal: Path) -> list[dict]:
    """Record the swaps about to be made, naming each staged folder by its inode so that a
    later run can tell it from the old folder wherever a kill left it."""
    records = []
    for swap in swaps:
        stat = os.lstat(swap.staged)
        records.append(
            {"final": str(swap.final), "staged": str(swap.staged), "old": str(swap.old),
             "device": stat.st_dev, "inode": stat.st_ino}
        )  # fmt: skip
    write_json(journal, {"swaps": records})
    return records


def commit(swaps: list[Swap], journal: Path) -> None:
    """Swap every staged folder in for its final one; the journal makes it resumable."""
    _roll_forward(write_journal(swaps, journal))
    journal.unlink()


def recover(journal: Path, folders: list[Path]) -> bool:
    """Finish the commit a killed run left in ``journal``, then delete every staged folder
    that dead runs left beside ``folders``. Call it holding the folders' locks.

    Returns True when an interrupted commit was finished.
    """
    finished = False
    if journal.exists():
        records = json.loads(journal.read_text(encoding="utf-8"))["swaps"]
        _roll_forward(records)
        journal.unlink()
        finished = True
    for final in folders:
        folder = run_dir(final)
        if folder.is_dir():
            for child in folder.iterdir():
                if child.name not in {LOCK_NAME, JOURNAL_NAME, CACHE_NAME}:
                    _remove(child)
    return finished


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _roll_forward(records: list[dict]) -> None:
    for record in records:
        _swap_in(record)
    for record in records:  # what is left at the staged and old places is the old folder
        shutil.rmtree(record["staged"], ignore_errors=True)
        shutil.rmtree(record["old"], ignore_errors=True)


def _is_staged(path: Path, record: dict) -> bool:
    try:
        stat = os.lstat(path)
    except FileNotFoundError:
        return False
    return (stat.st_dev, stat.st_ino) == (record["device"], record["inode"])


def _swap_in(record: dict) -> None:
    final, staged, old = Path(record["final"]), Path(record["staged"]), Path(record["old"])
    if _is_staged(final, record):
        return  # done before the kill
    if not _is_staged(staged, record):
        raise FileNotFoundError(f"cannot finish replacing {final}: its new copy {staged} is gone")
    if final.exists() or final.is_symlink():
        if exchange(staged, final):
            return
        os.rename(final, old)
    os.rename(staged, final)


def _renameat2():
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    return function


def exchange(first: Path, second: Path) -> bool:
    """Exchange two folders in one atomic step; False where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    result = function(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(second))
