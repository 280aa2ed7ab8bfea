"""An incremental run that rewrites a bucket keeps the cache state of the bucket's other
articles: the next run reuses them, and the files equal those of a run from nothing."""

import hashlib
import shutil
from pathlib import Path

from fixtures import SEED_RAW_DIR
from helpers import pipeline


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_an_article_added_to_a_shared_bucket_keeps_the_others_cached(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEED_RAW_DIR, raw)
    out = tmp_path / "out"
    # one bucket: every article shares the file the added one is written to
    first = pipeline.run(raw, out, study="iran-drones", buckets=1, progress=False)
    assert (first.processed, first.buckets_rebuilt) == (5, 1)
    (raw / "storm.txt").write_text(
        "Storm in Riverton\n\nThe utility said 4,500 homes lost power on Monday.\n", "utf-8"
    )
    added = pipeline.run(raw, out, study="iran-drones", buckets=1, progress=False)
    assert (added.processed, added.reused) == (1, 5)
    again = pipeline.run(raw, out, study="iran-drones", buckets=1, progress=False)
    assert (again.processed, again.reused) == (0, 6)  # the five kept articles are still cached
    fresh = pipeline.run(raw, tmp_path / "fresh", study="iran-drones", buckets=1, progress=False)
    assert fresh.processed == 6
    # the state (signatures, messages, keys) and the messages equal a run from nothing
    assert file_hashes(out) == file_hashes(tmp_path / "fresh")
