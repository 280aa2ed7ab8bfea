"""Notebook 05 reads the pass's sentences bucket by bucket (helpers.language.buckets): the counts
added up over the buckets, the keyword hits, the framing and the sentiment scores equal the ones
read from the whole table at once, and equal themselves with and without the per-bucket cache.
On the seed articles (a study with keywords and a framing target) and on the general corpus (no
keywords: the corpus's most frequent words are read in context)."""

import shutil
import warnings

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY, TEST_DATA_DIR
from helpers import language, pipeline
from helpers.language.counts import add_counts, count_slice, count_slices
from helpers.language.words import with_outlet
from helpers.pipeline.store import buckets_on_disk, part_path, write_part
from helpers.study import load_study

SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "text"]


def _processed(tmp_path_factory, raw, study):
    processed = tmp_path_factory.mktemp("processed")
    pipeline.run(raw, processed, study=study, progress=False, buckets=4)
    return processed


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return _processed(tmp_path_factory, SEED_RAW_DIR, SEED_STUDY)


@pytest.fixture(scope="module")
def general(tmp_path_factory):
    return _processed(tmp_path_factory, TEST_DATA_DIR / "general_corpus" / "raw", "general-news")


def _whole(processed):
    articles = pipeline.load_table(processed, "articles")
    return pipeline.load_table(processed, "sentences", columns=SENTENCE_COLUMNS), articles


def _same_counts(left, right):
    """Two CorpusCounts hold the same counts (their rows in any order)."""
    for field, keys in (("words", ["outlet", "word"]), ("bigrams", ["outlet", "w1", "w2"])):
        pd.testing.assert_frame_equal(
            getattr(left, field).sort_values(keys, ignore_index=True),
            getattr(right, field).sort_values(keys, ignore_index=True),
        )
    for field in ("tokens", "spread"):
        pd.testing.assert_series_equal(getattr(left, field).sort_index(),
                                       getattr(right, field).sort_index())  # fmt: skip
    pd.testing.assert_frame_equal(left.sentence_words, right.sentence_words)  # corpus order
    axis = left.sentence_words["article_id"]  # an id held once, not once per sentence
    assert isinstance(axis.dtype, pd.CategoricalDtype) and axis.cat.codes.is_monotonic_increasing
    assert (left.total, left.articles, left.forms) == (right.total, right.articles, right.forms)


@pytest.mark.parametrize("corpus", ["seeds", "general"])
def test_the_buckets_counts_added_up_are_those_of_the_whole_table(corpus, request, tmp_path):
    processed = request.getfixturevalue(corpus)
    sentences, articles = _whole(processed)
    whole = language.count_corpus(sentences, articles)
    assert whole.total > 1_000 and len(list(pipeline.dataset_dir(processed, "sentences").glob(
        "part-*.parquet"))) > 1  # fmt: skip
    _same_counts(language.count_buckets(processed), whole)
    _same_counts(language.count_buckets(processed, cache_dir=str(tmp_path)), whole)
    assert len(list((tmp_path / "language-counts").glob("*.pkl"))) > 1  # one per bucket
    _same_counts(language.count_buckets(processed, cache_dir=str(tmp_path)), whole)  # read back


def test_slices_of_any_size_add_up_to_the_same_counts(general):
    sentences, articles = _whole(general)
    corpus = with_outlet(sentences, articles)
    one = add_counts([count_slice(corpus)], in_corpus_order=False)
    # slices cut inside no article but in another order than the corpus's: put back in order
    ids = sorted(corpus["article_id"].unique(), reverse=True)
    parts = [corpus[corpus["article_id"].isin(ids[i : i + 4])] for i in range(0, len(ids), 4)]
    _same_counts(add_counts([count_slice(part) for part in parts]), one)
    said = one.words.loc[one.words["word"] == "said", "count"].sum()
    assert said == corpus["text"].str.count(r"(?<![\w-])[Ss]aid(?![\w'’-])").sum() > 30


def _found(processed, study, cache_dir=""):
    articles = pipeline.load_table(processed, "articles")
    counts = language.count_buckets(processed, cache_dir=cache_dir)
    keywords, _ = language.choose_keywords(study.keywords, None, articles, counts=counts)
    pattern = study.framing.pattern if study.framing else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a keyword without a hit says so, either way
        found = language.find_in_buckets(processed, counts, keywords, pattern, "target",
                                         cache_dir=cache_dir)  # fmt: skip
    return counts, keywords, found


@pytest.mark.parametrize("corpus,study", [("seeds", SEED_STUDY), ("general", "general-news")])
def test_hits_framing_and_sentiment_by_bucket_equal_the_whole_tables(corpus, study, request):
    processed, the_study = request.getfixturevalue(corpus), load_study(study)
    sentences, articles = _whole(processed)
    counts, keywords, found = _found(processed, the_study)
    assert keywords
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kwic = language.concordances(sentences, keywords, counts=counts)
        hits, spans = language.dispersion(sentences, articles, keywords, counts=counts)
    assert len(kwic) > 5
    pd.testing.assert_frame_equal(found.concordance, kwic)
    placed, placed_spans = language.place_hits(found.hits, articles, counts)
    pd.testing.assert_frame_equal(placed, hits)
    pd.testing.assert_frame_equal(placed_spans, spans)
    framing = the_study.framing
    if framing is None:
        assert found.named.empty and found.scores is None
        return
    framed = language.framed_sentences(sentences, articles, framing)
    assert len(framed) > 0
    pd.testing.assert_frame_equal(language.framed_sentences(found.named, articles, framing), framed)
    pd.testing.assert_frame_equal(
        language.framing_by_outlet(found.named, articles, framing, read=found.read),
        language.framing_by_outlet(sentences, articles, framing, framed=framed),
    )
    scores = language.sentence_sentiment(sentences, framing.pattern, scope="target")
    pd.testing.assert_frame_equal(found.scores, scores)


def test_the_cache_gives_the_same_finds_and_is_read_back(seeds, tmp_path):
    study = load_study(SEED_STUDY)
    plain = _found(seeds, study)[2]
    for _ in range(2):  # stored, then read back
        cached = _found(seeds, study, cache_dir=str(tmp_path))[2]
        for field in ("concordance", "hits", "named", "scores"):
            pd.testing.assert_frame_equal(getattr(cached, field), getattr(plain, field))
        assert list(cached.read) == list(plain.read)
    stored = sorted((tmp_path / "language-finds").glob("*.pkl"))
    assert len(stored) > 1
    # other keywords are another key: their hits are computed, not read from the first ones
    counts = language.count_buckets(seeds, cache_dir=str(tmp_path))
    other = language.find_in_buckets(seeds, counts, ["said"], cache_dir=str(tmp_path))
    assert set(other.concordance["query"]) == {"said"}
    assert sorted((tmp_path / "language-finds").glob("*.pkl")) != stored


def test_a_bucket_find_keeps_no_view_of_the_buckets_text(seeds):
    """What a bucket's find keeps for a study without a framing target holds no slice of the
    bucket's sentences: a slice, even an empty one, keeps the whole bucket's Arrow buffers,
    and with them every sentence of the corpus once every bucket is read."""
    sentences, articles = _whole(seeds)
    text = sentences["text"].array.__arrow_array__()
    assert text.get_total_buffer_size() > 10_000  # the seeds' text, as Arrow holds it
    parts = {"sentences": sentences, "_articles": articles}
    matching = {"drone": frozenset({"drone", "drones"})}
    lines, hits, named, scores, read = language.buckets.find_bucket(parts, matching, None, "none")
    assert len(lines) == len(hits) > 0 and named.empty and scores is None and read
    for column in named.columns:
        held = named[column].array
        if hasattr(held, "__arrow_array__"):
            assert held.__arrow_array__().get_total_buffer_size() < 100


def test_a_batch_of_buckets_finds_in_each_what_it_finds_alone(seeds):
    """find_batch over several parts gives each part what find_bucket gives it alone: its
    lines and hits, the sentences naming the target, their scores, its articles."""
    study = load_study(SEED_STUDY)
    sentences, _ = _whole(seeds)
    ids = sorted(sentences["article_id"].unique())
    parts = [sentences[sentences["article_id"].isin(ids[i::3])].reset_index(drop=True)
             for i in range(3)]  # fmt: skip
    counts = language.count_buckets(seeds)
    matching = {k: language.context.matching_forms(counts.forms, k) for k in study.keywords}
    batch = language.buckets.find_batch(parts, matching, study.framing.pattern, "target")
    assert len(batch) == 3
    for part, found in zip(parts, batch, strict=True):
        alone = language.buckets.find_bucket({"sentences": part}, matching,
                                             study.framing.pattern, "target")  # fmt: skip
        for mine, theirs in zip(found[:4], alone[:4], strict=True):
            pd.testing.assert_frame_equal(mine, theirs)
        assert found[4] == alone[4] and len(found[0]) and len(found[2])


def test_parts_tokenised_together_count_as_each_part_alone(general):
    sentences, articles = _whole(general)
    corpus = with_outlet(sentences, articles)
    ids = corpus["article_id"].unique()
    parts = [corpus[corpus["article_id"].isin(ids[i::3])] for i in range(3)]
    together = count_slices(parts)
    for part, counted in zip(parts, together, strict=True):
        alone = count_slice(part)
        assert (counted.forms, counted.total) == (alone.forms, alone.total)
        assert list(counted.article_ids) == list(alone.article_ids)
        assert counted.sentence_words.tolist() == alone.sentence_words.tolist()
    _same_counts(add_counts(together), add_counts([count_slice(part) for part in parts]))
    _same_counts(add_counts(together), language.count_corpus(sentences, articles))


def test_counts_read_back_follow_a_changed_outlet_of_unchanged_sentences(seeds, tmp_path):
    """An article's outlet changed in the article rows while its sentences did not (their
    bucket file has the same bytes): its bucket's stored counts are counted again."""
    processed = tmp_path / "processed"
    shutil.copytree(seeds, processed)
    cache = str(tmp_path / "cache")
    before = language.count_buckets(processed, cache_dir=cache)
    bucket = buckets_on_disk(processed, "_articles")[0]
    rows = pq.read_table(part_path(processed, "_articles", bucket))
    renamed = rows.set_column(rows.schema.get_field_index("outlet"), "outlet",
                              pa.array(["Harbour Gazette"] * rows.num_rows))  # fmt: skip
    write_part(processed, "_articles", bucket, renamed)
    whole = pq.read_table(processed / "articles.parquet")  # what the pass makes of its rows
    moved = pc.is_in(whole["article_id"], value_set=rows["article_id"])
    outlet = pc.if_else(moved, "Harbour Gazette", whole["outlet"])
    pq.write_table(whole.set_column(whole.schema.get_field_index("outlet"), "outlet", outlet),
                   processed / "articles.parquet")  # fmt: skip
    after = language.count_buckets(processed, cache_dir=cache)
    assert "Harbour Gazette" in set(after.words["outlet"])
    assert "Harbour Gazette" not in set(before.words["outlet"])
    _same_counts(after, language.count_buckets(processed))
