"""The Dask engine on a real LocalCluster of two worker processes writes the same bytes as the
local engine's process pool."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from fixtures import SEED_RAW_DIR
from helpers import pipeline
from helpers.pipeline import engines


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_local_and_dask_engines_write_byte_identical_files(tmp_path, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(engines, "MIN_PARALLEL", 1)  # a process pool even for five articles
    local = pipeline.run(SEED_RAW_DIR, tmp_path / "local", study="iran-drones", engine="local",
                         workers=2, progress=False)  # fmt: skip
    assert (local.workers, local.processed) == (2, 5)
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        monkeypatch.setenv(pipeline.SCHEDULER_ENV, cluster.scheduler_address)
        done = pipeline.run(SEED_RAW_DIR, tmp_path / "dask", study="iran-drones", engine="dask",
                            progress=False)  # fmt: skip
        assert (done.engine, done.workers, done.processed) == ("dask", 2, 5)
    hashes = file_hashes(tmp_path / "local")
    assert len(hashes) > 30
    assert file_hashes(tmp_path / "dask") == hashes
