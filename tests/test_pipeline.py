"""The per-article pass (helpers.pipeline): the same rows as the whole-corpus calls of notebooks
01-03, a cache that reprocesses exactly what changed, and refusals that never stop a run."""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from datasketch import LeanMinHash, MinHashLSH

from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers import corpus, pipeline
from helpers.claims import attributions_table, claims_table
from helpers.corpus.duplicates import (
    LSH_THRESHOLD,
    NUM_PERM,
    SCHEME,
    SEED,
    near_duplicate_clusters,
)
from helpers.figures import figures_table
from helpers.grouping import add_groups, add_topics
from helpers.io import write_table
from helpers.pipeline import article as article_module
from helpers.pipeline import cache, duplicates
from helpers.pipeline.deadline import ArticleTimeout, time_limit
from helpers.pipeline.schema import SORT_KEYS
from helpers.study import load_study, study_path

IMPORTS_DIR = TEST_DATA_DIR / "imports" / "corpus"  # a CSV and a JSON-lines export, web pages
GENERAL_DIR = TEST_DATA_DIR / "general_corpus" / "raw"  # 30 articles, several per story


def notebook_tables(raw: Path, study_name: str) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The tables notebooks 01-03 compute with whole-corpus calls, and the corpus messages."""
    study = load_study(study_name)
    columns = corpus.merge_columns(study.columns, None)
    build = corpus.collect_corpus(raw, progress=False, columns=columns, outlets=study.outlets)
    figures = add_groups(figures_table(build.sentences), build.sentences, study)
    claims = claims_table(build.articles, build.sentences, build.clean_texts, figures=figures,
                          study=study)  # fmt: skip
    claims = add_topics(claims, build.sentences, study)
    quotes = attributions_table(build.articles, build.sentences, build.clean_texts, study=study)
    tables = {"articles": build.articles, "posts": build.posts, "sentences": build.sentences,
              "removed_lines": build.removed_lines, "figures": figures, "claims": claims,
              "attributions": quotes}  # fmt: skip
    return tables, build.messages


def csv_bytes(frame: pd.DataFrame, table: str, folder: Path) -> bytes:
    path = folder / f"{table}.csv"
    write_table(frame, path, sort_by=list(SORT_KEYS[table]))
    return path.read_bytes()


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_corpus(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@pytest.mark.parametrize(
    ("raw", "study"), [(SEED_RAW_DIR, "iran-drones"), (IMPORTS_DIR, "general-news")]
)
def test_per_article_pass_gives_the_rows_of_the_notebooks(tmp_path, raw, study):
    expected, messages = notebook_tables(raw, study)
    done = pipeline.run(raw, tmp_path / "out", study=study, progress=False)
    assert done.processed == len(expected["articles"])
    got = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False, na_values=[""])
    assert csv_bytes(got, "articles", tmp_path / "got") == csv_bytes(
        expected["articles"], "articles", tmp_path / "expected"
    )
    for table in ("posts", "sentences", "removed_lines", "figures", "claims", "attributions"):
        rows = pipeline.read_dataset(tmp_path / "out", table)
        assert len(rows) == len(expected[table]) > 0, table
        assert csv_bytes(rows, table, tmp_path / "got") == csv_bytes(
            expected[table], table, tmp_path / "expected"
        ), table
    written = (tmp_path / "out" / "corpus_messages.txt").read_text(encoding="utf-8")
    assert written == "".join(f"{m}\n" for m in messages)


def test_the_imports_corpus_keeps_its_refusals_and_near_duplicate_cluster(tmp_path):
    pipeline.run(IMPORTS_DIR, tmp_path, progress=False)
    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False)
    assert (articles["status"] == "refused").sum() == 2
    sizes = articles.loc[articles["cluster_size"] > 1, "cluster_size"]
    assert list(sizes) == [3, 3, 3]


def test_a_second_run_reprocesses_nothing_and_rewrites_no_file(tmp_path):
    first = pipeline.run(SEED_RAW_DIR, tmp_path, study="iran-drones", progress=False)
    before = file_hashes(tmp_path)
    again = pipeline.run(SEED_RAW_DIR, tmp_path, study="iran-drones", progress=False)
    assert (first.processed, again.processed, again.reused) == (5, 0, 5)
    assert again.buckets_rebuilt == 0
    assert file_hashes(tmp_path) == before


def test_a_changed_article_is_reprocessed_alone_and_the_result_equals_a_fresh_build(tmp_path):
    raw = copy_corpus(SEED_RAW_DIR, tmp_path / "raw")
    out = tmp_path / "out"
    pipeline.run(raw, out, study="iran-drones", progress=False)
    changed = sorted(raw.glob("004_*.txt"))[0]
    text = changed.read_text(encoding="utf-8")
    said = "Officials said 12 homes were destroyed. Iran has denied the accusations"
    changed.write_text(text.replace("Iran has denied the accusations", said), encoding="utf-8")
    again = pipeline.run(raw, out, study="iran-drones", progress=False)
    assert (again.processed, again.reused, again.buckets_rebuilt) == (1, 4, 1)
    figures = pipeline.read_dataset(out, "figures")
    assert "12 homes" in set(figures["surface"])
    fresh = pipeline.run(raw, tmp_path / "fresh", study="iran-drones", progress=False)
    assert fresh.processed == 5
    assert file_hashes(out) == file_hashes(tmp_path / "fresh")


def test_added_and_removed_articles_touch_only_their_buckets(tmp_path):
    raw = copy_corpus(SEED_RAW_DIR, tmp_path / "raw")
    out = tmp_path / "out"
    extra = tmp_path / "extra.txt"
    extra.write_text("Storm in Riverton\n\nThe utility said 4,500 homes lost power.\n", "utf-8")
    pipeline.run(raw, out, study="iran-drones", progress=False)
    shutil.copy(extra, raw / "storm.txt")
    added = pipeline.run(raw, out, study="iran-drones", progress=False)
    assert (added.processed, added.reused, added.articles) == (1, 5, 6)
    assert "storm" in set(pipeline.read_dataset(out, "figures")["article_id"])
    (raw / "storm.txt").unlink()
    removed = pipeline.run(raw, out, study="iran-drones", progress=False)
    assert (removed.processed, removed.articles) == (0, 5)
    for table in ("sentences", "figures", "claims", "texts"):
        assert "storm" not in set(pipeline.read_dataset(out, table)["article_id"]), table


def test_a_changed_manifest_row_or_study_file_reprocesses_what_it_must(tmp_path):
    raw = copy_corpus(SEED_RAW_DIR, tmp_path / "raw")
    study = tmp_path / "study" / "study.yml"
    study.parent.mkdir()
    study.write_bytes(study_path("iran-drones").read_bytes())
    out = tmp_path / "out"
    assert pipeline.run(raw, out, study=str(study), progress=False).processed == 5
    manifest = raw / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("CNN", "CNN International", 1)
    assert lines[1] != manifest.read_text(encoding="utf-8").splitlines(keepends=True)[1]
    manifest.write_text("".join(lines), encoding="utf-8")
    assert pipeline.run(raw, out, study=str(study), progress=False).processed == 1
    study.write_bytes(study.read_bytes() + b"\n# a researcher's note\n")
    assert pipeline.run(raw, out, study=str(study), progress=False).processed == 5


def test_a_failing_article_is_refused_with_its_reason_and_the_rest_goes_on(tmp_path, monkeypatch):
    real = article_module._figures

    def failing(article_id, sentences):
        if article_id == sorted_ids()[1]:
            raise ValueError("could not read a number")
        return real(article_id, sentences)

    monkeypatch.setattr(article_module, "_figures", failing)
    done = pipeline.run(SEED_RAW_DIR, tmp_path, study="iran-drones", workers=1, progress=False)
    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False).set_index("article_id")
    bad = sorted_ids()[1]
    assert (done.ok, done.refused) == (4, 1)
    assert articles.at[bad, "status"] == "refused"
    reason = articles.at[bad, "reason"]
    assert reason == "failed while extracting figures (ValueError: could not read a number)"
    for table in ("sentences", "figures", "claims", "texts"):
        ids = set(pipeline.read_dataset(tmp_path, table)["article_id"])
        assert bad not in ids and len(ids) >= 3, table
    assert len(set(pipeline.read_dataset(tmp_path, "texts")["article_id"])) == 4
    assert f"refused, {reason}" in (tmp_path / "corpus_messages.txt").read_text(encoding="utf-8")


def test_an_article_over_its_time_budget_is_refused_and_tried_again_next_run(tmp_path, monkeypatch):
    real = article_module._claims
    slow_id = sorted_ids()[0]

    def slow(row, *args):
        if row["article_id"] == slow_id:
            while True:  # a runaway loop in pure Python
                pass
        return real(row, *args)

    monkeypatch.setattr(article_module, "_claims", slow)
    kwargs = dict(study="iran-drones", workers=1, progress=False, seconds_per_article=2)
    done = pipeline.run(SEED_RAW_DIR, tmp_path, **kwargs)
    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False).set_index("article_id")
    assert done.refused == 1
    assert "took longer than its time budget of 2 s" in articles.at[slow_id, "reason"]
    assert articles.at[slow_id, "reason"].startswith("failed while attributing figures")
    monkeypatch.setattr(article_module, "_claims", real)
    again = pipeline.run(SEED_RAW_DIR, tmp_path, **kwargs)
    assert (again.processed, again.refused) == (1, 0)


def test_the_time_budget_also_stops_work_off_the_main_thread():
    outcome = {}

    def work():
        started = time.perf_counter()
        try:
            with time_limit(0.3, "article x"):
                while True:
                    pass
        except ArticleTimeout as err:
            outcome["error"] = str(err)
        outcome["seconds"] = time.perf_counter() - started

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    assert outcome["error"] == "article x took longer than its time budget of 0.3 s"
    assert outcome["seconds"] < 5


def test_datasets_read_by_article_and_part_by_part(tmp_path):
    pipeline.run(SEED_RAW_DIR, tmp_path, study="iran-drones", progress=False, buckets=4)
    every = pipeline.read_dataset(tmp_path, "sentences")
    one = pipeline.read_dataset(tmp_path, "sentences", article_ids=[sorted_ids()[2]])
    assert set(one["article_id"]) == {sorted_ids()[2]}
    assert len(one) == (every["article_id"] == sorted_ids()[2]).sum()
    parts = list(pipeline.iter_parts(tmp_path, "sentences", columns=["article_id"]))
    assert 1 < len(parts) <= 4 and sum(len(p) for p in parts) == len(every)
    assert pd.read_parquet(pipeline.dataset_dir(tmp_path, "figures")).shape[0] == 25


def sorted_ids() -> list[str]:
    return sorted(corpus.article_ids(sorted(p.name for p in SEED_RAW_DIR.glob("*.txt"))).values())


def test_the_code_version_changes_with_any_file_of_the_library(tmp_path):
    library = tmp_path / "helpers"
    (library / "__pycache__").mkdir(parents=True)
    (library / "rules.py").write_text("LIMIT = 1\n", encoding="utf-8")
    version = cache.code_version.__wrapped__  # the hash itself, not this process's cached one
    before = version(library)
    (library / "__pycache__" / "rules.pyc").write_bytes(b"compiled")
    assert cache.tree_hashes(library) == {"rules.py": cache.tree_hashes(library)["rules.py"]}
    (library / "rules.py").write_text("LIMIT = 2\n", encoding="utf-8")
    assert version(library) != before


def test_near_duplicates_from_signatures_match_the_corpus_layer():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in GENERAL_DIR.glob("*.txt")}
    first, second = sorted(texts)[:2]
    texts["copy_of_first"] = texts[first] + "\nAP contributed to this report.\n"
    texts["copy_of_second"] = "Updated at 5 p.m.\n" + texts[second].split("\n", 2)[-1]
    signatures = {a: duplicates.signature_bytes(t) for a, t in texts.items()}
    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    expected = set()
    for article_id in sorted(signatures):
        values = np.frombuffer(signatures[article_id], dtype=duplicates.signature_dtype())
        signature = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        expected |= {(article_id, other) for other in index.query(signature)}
        index.insert(article_id, signature)
    pairs = duplicates.candidate_pairs(signatures)
    assert len(pairs) >= 2 and set(pairs) == expected
    clusters = duplicates.clusters_from_signatures(signatures, lambda ids: texts)
    assert clusters == near_duplicate_clusters(texts)
    assert clusters["copy_of_first"] == clusters[first] != clusters[second]


def test_notebook_01_files_from_the_pass_are_those_build_corpus_wrote(tmp_path):
    study = load_study("iran-drones")
    columns = corpus.merge_columns(study.columns, "")
    corpus.build_corpus(SEED_RAW_DIR, tmp_path / "before", progress=False, verbose=False,
                        columns=columns, outlets=study.outlets)  # fmt: skip
    pipeline.run(SEED_RAW_DIR, tmp_path / "after", study="iran-drones", progress=False)
    build = pipeline.load_build(tmp_path / "after")
    assert build.source_texts.keys() == build.clean_texts.keys() and len(build.clean_texts) == 5
    corpus.write_corpus(build, tmp_path / "after")
    after = {k: v for k, v in file_hashes(tmp_path / "after").items() if "parquet/" not in k}
    assert after == file_hashes(tmp_path / "before")
    assert len(pipeline.load_table(tmp_path / "after", "figures")) == 25
