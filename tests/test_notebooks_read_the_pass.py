"""Notebooks 01-03 and 06 read the per-article pass's tables; nothing is computed or written twice.

The readers of the corpus (``load_corpus``, ``load_clean_texts``) give the same rows whether the
processed folder was written by the pass (Parquet datasets) or by ``build_corpus`` (CSV files and
``clean/``), and the pass's summaries of notebook 01, read one bucket at a time, equal those of
the whole build in memory.
"""

import json

import pandas as pd
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers import corpus, paths, pipeline
from helpers.corpus.tables import load_clean_texts, load_corpus, most_removed
from helpers.io import read_table
from helpers.pipeline.tables import article_texts, line_balance, rows_of, sentence_counts

# What a notebook must not call: the work the pass already did, or a second write of its rows.
RECOMPUTE = {
    "01-clean-corpus": ("write_corpus(", "load_build(", "collect_corpus(raw_dir"),
    "02-extract-figures": ("figures_table(", "add_groups("),
    "03-sources-and-claims": ("claims_table(", "attributions_table(", "add_topics("),
    "06-validate-extraction": ("load_clean_texts(processed_dir)",),
}


def _code(name: str) -> str:
    notebook = json.loads((paths.NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("name", sorted(RECOMPUTE))
def test_notebooks_read_the_pass_instead_of_redoing_it(name):
    code = _code(name)
    found = [call for call in RECOMPUTE[name] if call in code]
    assert not found, f"{name} redoes the pass's work: {found}"
    assert "processed_dir" in code


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The seeds processed by the pass and by build_corpus, in two folders."""
    base = tmp_path_factory.mktemp("both")
    pipeline.run(SEED_RAW_DIR, base / "pass", study=SEED_STUDY, workers=1, progress=False)
    corpus.build_corpus(SEED_RAW_DIR, base / "built", progress=False, verbose=False)
    return base / "pass", base / "built"


@pytest.mark.parametrize("table", ["articles", "posts", "sentences", "removed_lines"])
def test_load_corpus_gives_the_same_rows_from_the_pass_and_from_build_corpus(both, table):
    from_pass, built = (load_corpus(folder, [table])[table] for folder in both)
    assert len(from_pass) > 0
    columns = [c for c in built.columns if c in from_pass.columns]
    assert list(from_pass.columns) == list(built.columns)
    pd.testing.assert_frame_equal(
        from_pass[columns].reset_index(drop=True),
        built[columns].reset_index(drop=True),
        check_dtype=False,
    )


def test_load_corpus_reads_only_the_columns_asked_for(both):
    sentences = load_corpus(both[0], ["sentences"], {"sentences": ["article_id", "text"]})
    frame = sentences["sentences"]
    assert list(frame.columns) == ["article_id", "text"]
    assert frame["text"].str.len().gt(0).all()


def test_clean_texts_from_the_pass_equal_the_clean_files_and_read_by_article(both):
    from_pass, built = (load_clean_texts(folder) for folder in both)
    assert from_pass == built and len(from_pass) >= 5
    one = sorted(built)[2]
    assert load_clean_texts(both[0], article_ids=[one]) == {one: built[one]}
    assert load_clean_texts(both[1], article_ids=[one]) == {one: built[one]}
    assert load_clean_texts(both[0], article_ids=[]) == {}
    source, clean = article_texts(both[0], one)
    assert clean == built[one] and len(source) >= len(clean) > 0


def test_summaries_read_part_by_part_equal_those_of_the_whole_build(both):
    build = corpus.collect_corpus(SEED_RAW_DIR, progress=False)
    whole = corpus.line_balance(build).sort_values(["article_id"], kind="mergesort")
    parts = line_balance(both[0])
    pd.testing.assert_frame_equal(parts.reset_index(drop=True), whole.reset_index(drop=True))
    counts = sentence_counts(both[0]).set_index("article_id")
    per_article = build.sentences.groupby("article_id").size()
    assert counts["sentences"].to_dict() == per_article.to_dict()
    words = build.sentences["text"].str.split().str.len().groupby(build.sentences["article_id"])
    assert counts["words"].to_dict() == words.sum().to_dict()
    top = most_removed(parts, 3)
    assert top["article_id"].nunique() == 3 and set(top["kind"]) == {
        "reporting", "metadata", "boilerplate"
    }  # fmt: skip


def test_rows_of_a_few_articles_and_processed_tables_read_from_the_datasets(both):
    ids = sorted(load_clean_texts(both[0]))[:2]
    sentences = rows_of(both[0], "sentences", ids)
    assert set(sentences["article_id"]) == set(ids)
    assert list(rows_of(both[0], "posts", [])) == corpus.POST_COLUMNS
    # figures.csv is no longer written: read_table reads the pass's dataset in its place
    assert not (both[0] / paths.FIGURES_CSV).exists()
    figures = read_table(both[0] / paths.FIGURES_CSV)
    dataset = pipeline.load_table(both[0], "figures")
    assert len(figures) == len(dataset) > 0
    assert figures["surface"].tolist() == dataset["surface"].tolist()
    assert figures["happened"].isna().sum() == (dataset["happened"] == "").sum()
