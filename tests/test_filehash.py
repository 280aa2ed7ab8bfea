"""helpers.filehash: a file is hashed again exactly when its bytes may have changed."""

from __future__ import annotations

import os

from helpers import pipeline
from helpers.filehash import HashMemo
from helpers.io import file_hashes, sha256_file
from helpers.pipeline.run import STORE_HASHES
from helpers.pipeline.store import PARQUET_DIR

STORY = (
    "Council Approves Budget\n\nThe council approved a budget of $4.2 million, the mayor said.\n"
)
OTHER = "Ferry Service Resumes\n\nThe ferry carried 1,200 passengers on its first day back.\n"


def _raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "budget.txt").write_text(STORY, encoding="utf-8")
    (raw / "ferry.txt").write_text(OTHER, encoding="utf-8")
    return raw


def test_an_unchanged_file_is_not_read_again(tmp_path):
    raw, memo_file = _raw(tmp_path), tmp_path / "hashes.parquet"
    first = HashMemo(memo_file)
    hashes = file_hashes(raw, "raw", first)
    first.save()
    assert first.hashed == 2
    assert hashes["raw/budget.txt"] == sha256_file(raw / "budget.txt")
    again = HashMemo(memo_file)
    assert file_hashes(raw, "raw", again) == hashes
    assert again.hashed == 0


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path):
    raw, memo_file = _raw(tmp_path), tmp_path / "hashes.parquet"
    memo = HashMemo(memo_file)
    before = memo.sha256(raw / "budget.txt")
    memo.save()
    path = raw / "budget.txt"
    info = os.stat(path)
    path.write_text(STORY.replace("4.2", "4.7"), encoding="utf-8")  # same size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old modification time
    again = HashMemo(memo_file)
    after = again.sha256(path)
    assert again.hashed == 1 and after != before and after == sha256_file(path)


def test_an_unreadable_memo_starts_afresh(tmp_path):
    raw, memo_file = _raw(tmp_path), tmp_path / "hashes.parquet"
    memo_file.write_bytes(b"not parquet")
    memo = HashMemo(memo_file)
    assert memo.sha256(raw / "ferry.txt") == sha256_file(raw / "ferry.txt")
    memo.save()
    assert HashMemo(memo_file).known  # replaced by a readable one


def test_the_pass_reads_unchanged_files_once_and_sees_an_edited_one(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    first = pipeline.run(raw, out, progress=False)
    assert (first.ok, first.processed) == (2, 2)
    memo = HashMemo(out / PARQUET_DIR / STORE_HASHES)
    assert len(memo.known) == 2
    path = raw / "budget.txt"
    info = os.stat(path)
    path.write_text(STORY.replace("4.2", "4.7"), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    second = pipeline.run(raw, out, progress=False)
    assert (second.processed, second.reused) == (1, 1)
    figures = pipeline.load_table(out, "figures", columns=["surface"])
    assert "$4.7 million" in set(figures["surface"])
