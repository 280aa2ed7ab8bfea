"""A worker process of the pipeline that dies (here: really killed with SIGKILL) refuses the
articles of its bucket with a reason, the other buckets are written, and the next run tries the
refused articles again."""

from __future__ import annotations

import os
import shutil
import signal

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR
from helpers import corpus, pipeline
from helpers.pipeline import article as article_module
from helpers.pipeline import engines
from helpers.pipeline.store import bucket_of

BUCKETS = 4


def seed_ids() -> list[str]:
    return sorted(corpus.article_ids(sorted(p.name for p in SEED_RAW_DIR.glob("*.txt"))).values())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the local engine forks its workers here")
def test_a_killed_worker_refuses_its_bucket_and_the_run_goes_on(tmp_path, monkeypatch):
    victim = seed_ids()[2]
    parent = os.getpid()
    real = article_module._figures

    def killed(article_id, sentences):
        if article_id == victim and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # the worker dies as the OOM killer would do it
        return real(article_id, sentences)

    monkeypatch.setattr(article_module, "_figures", killed)  # forked workers inherit it
    monkeypatch.setattr(engines, "MIN_PARALLEL", 1)  # a process pool even for five articles
    kwargs = dict(study="iran-drones", workers=2, progress=False, buckets=BUCKETS)
    done = pipeline.run(SEED_RAW_DIR, tmp_path, **kwargs)

    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False).set_index("article_id")
    same_bucket = {a for a in seed_ids() if bucket_of(a, BUCKETS) == bucket_of(victim, BUCKETS)}
    refused = set(articles.index[articles["status"] == "refused"])
    assert refused == same_bucket and victim in refused
    assert done.articles == 5 and done.ok == 5 - len(same_bucket)
    assert "worker process died" in articles.at[victim, "reason"]
    texts = set(pipeline.read_dataset(tmp_path, "texts")["article_id"])
    assert texts == set(seed_ids()) - same_bucket
    messages = (tmp_path / "corpus_messages.txt").read_text(encoding="utf-8")
    assert f"refused, {articles.at[victim, 'reason']}" in messages

    monkeypatch.setattr(article_module, "_figures", real)
    again = pipeline.run(SEED_RAW_DIR, tmp_path, **kwargs)
    assert (again.processed, again.refused) == (len(same_bucket), 0)
    assert victim in set(pipeline.read_dataset(tmp_path, "texts")["article_id"])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the local engine forks its workers here")
def test_a_bucket_refused_after_a_crash_keeps_the_state_of_the_articles_it_keeps(
    tmp_path, monkeypatch
):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEED_RAW_DIR, raw)
    kwargs = dict(study="iran-drones", workers=2, progress=False, buckets=1)
    first = pipeline.run(raw, out, **kwargs)  # one bucket: the five seeds share it
    assert first.processed == 5
    state = pipeline.read_dataset(out, "_state").set_index("article_id")
    # an article added to that bucket kills its worker, on the first try and when tried alone
    (raw / "harbour.txt").write_text(
        "Harbour closed\n\nThe port authority said 35 ships waited outside on Tuesday.\n", "utf-8"
    )
    parent = os.getpid()
    real = article_module._figures

    def killed(article_id, sentences):
        if article_id == "harbour" and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(article_id, sentences)

    monkeypatch.setattr(article_module, "_figures", killed)
    monkeypatch.setattr(engines, "MIN_PARALLEL", 1)
    crashed = pipeline.run(raw, out, **kwargs)
    assert (crashed.processed, crashed.reused, crashed.refused) == (1, 5, 1)
    after = pipeline.read_dataset(out, "_state").set_index("article_id")
    assert after.loc["harbour", "cache_key"] == ""  # refused: tried again next run
    kept = sorted(seed_ids())
    assert after.loc[kept].equals(state.loc[kept])  # keys, signatures, messages as they were
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False).set_index("article_id")
    assert (articles.loc[kept, "status"] == "ok").all()

    monkeypatch.setattr(article_module, "_figures", real)
    again = pipeline.run(raw, out, **kwargs)
    assert (again.processed, again.reused, again.refused) == (1, 5, 0)  # only the refused one
