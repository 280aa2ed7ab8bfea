"""helpers.pipeline.memo: per-bucket results reused only while their bucket's file is the same."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from helpers import staging
from helpers.pipeline import iter_parts, memo
from helpers.pipeline.store import part_path, write_part

SENTENCES = {
    3: ["Crews restored power to 4,000 homes.", "The storm felled 30 trees."],
    17: ["Voters cast 12,500 ballots.", "Turnout rose to 61 percent.", "Polls closed at 8."],
    40: ["The council approved a budget of $2 million."],
}


def _write(processed, bucket: int, texts: list[str]) -> None:
    rows = pa.table(
        {
            "article_id": [f"a{bucket}"] * len(texts),
            "sentence_id": list(range(len(texts))),
            "text": texts,
        }
    )
    write_part(processed, "sentences", bucket, rows)


def _store(tmp_path):
    processed = tmp_path / "processed"
    for bucket, texts in SENTENCES.items():
        _write(processed, bucket, texts)
    return processed


class Counting:
    """Word counts of a part, remembering how many parts it was asked to read."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, part) -> Counter:
        self.calls += 1
        return Counter(w.strip(".,").lower() for t in part["text"] for w in t.split())


def test_without_a_cache_it_is_a_map_over_the_parts(tmp_path):
    processed = _store(tmp_path)
    count = Counting()
    got = memo.map_parts(processed, "sentences", count, columns=["text"])
    assert got == [count(p) for p in iter_parts(processed, "sentences", ["text"])]
    assert got[1]["ballots"] == 1 and sum(got[0].values()) == 11


def test_a_second_run_reads_every_unchanged_bucket_back(tmp_path):
    processed, cache = _store(tmp_path), tmp_path / "cache"
    first, second = Counting(), Counting()
    a = memo.map_parts(processed, "sentences", first, columns=["text"], cache_dir=cache,
                       name="words")  # fmt: skip
    b = memo.map_parts(processed, "sentences", second, columns=["text"], cache_dir=cache,
                       name="words")  # fmt: skip
    assert (first.calls, second.calls) == (3, 0)
    assert a == b
    assert len(list((cache / "words").glob("part-*.pkl"))) == 3


def test_a_rewritten_bucket_is_computed_again_and_the_others_are_not(tmp_path):
    processed, cache = _store(tmp_path), tmp_path / "cache"
    memo.map_parts(processed, "sentences", Counting(), cache_dir=cache, name="words")
    _write(processed, 17, SENTENCES[17] + ["Officials counted 900 more ballots."])
    count = Counting()
    got = memo.map_parts(processed, "sentences", count, cache_dir=cache, name="words")
    assert count.calls == 1
    assert got[1]["ballots"] == 2
    assert got == [Counting()(p) for p in iter_parts(processed, "sentences")]
    assert len(list((cache / "words").glob("part-00017-*.pkl"))) == 1  # the old one replaced


def test_another_key_or_other_columns_do_not_reuse_a_result(tmp_path):
    processed, cache = _store(tmp_path), tmp_path / "cache"
    memo.map_parts(processed, "sentences", Counting(), columns=["text"], cache_dir=cache,
                   name="words", key={"study": "one"})  # fmt: skip
    by_key, by_columns = Counting(), Counting()
    memo.map_parts(processed, "sentences", by_key, columns=["text"], cache_dir=cache,
                   name="words", key={"study": "two"})  # fmt: skip
    memo.map_parts(processed, "sentences", by_columns, columns=["text", "article_id"],
                   cache_dir=cache, name="words", key={"study": "two"})  # fmt: skip
    assert (by_key.calls, by_columns.calls) == (3, 3)


def test_results_of_buckets_gone_from_the_store_are_deleted(tmp_path):
    processed, cache = _store(tmp_path), tmp_path / "cache"
    memo.map_parts(processed, "sentences", Counting(), cache_dir=cache, name="words")
    part_path(processed, "sentences", 40).unlink()
    got = memo.map_parts(processed, "sentences", Counting(), cache_dir=cache, name="words")
    assert len(got) == 2
    assert not list((cache / "words").glob("part-00040-*"))


def test_an_unreadable_result_is_computed_again(tmp_path):
    processed, cache = _store(tmp_path), tmp_path / "cache"
    memo.map_parts(processed, "sentences", Counting(), cache_dir=cache, name="words")
    for path in (cache / "words").glob("part-00003-*.pkl"):
        path.write_bytes(b"not a pickle")
    count = Counting()
    got = memo.map_parts(processed, "sentences", count, cache_dir=cache, name="words")
    assert count.calls == 1 and got[0]["trees"] == 1


def test_two_tables_of_a_bucket_come_together_and_a_missing_one_is_empty(tmp_path):
    processed = _store(tmp_path)
    figures = pa.table({"article_id": ["a17", "a17"], "surface": ["12,500 ballots", "61 percent"]})
    write_part(processed, "figures", 17, figures)

    def share(parts):
        return len(parts["figures"]), len(parts["sentences"])

    got = memo.map_parts_with(processed, ["sentences", "figures"], share,
                              columns={"figures": ["surface"]}, cache_dir=tmp_path / "c",
                              name="share")  # fmt: skip
    assert got == [(0, 2), (2, 3), (0, 1)]


def test_a_run_keeps_the_cache_when_it_clears_what_dead_runs_left(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    kept = staging.cache_dir(out) / "words" / "part-00001-x.pkl"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"partial")
    dead = staging.run_dir(out) / "12345" / "new"
    dead.mkdir(parents=True)
    staging.recover(staging.run_dir(out) / staging.JOURNAL_NAME, [out])
    assert kept.read_bytes() == b"partial"
    assert not dead.parent.exists()


class CountingBatches:
    """Counting, for many parts at once: remembers the size of every batch it was given."""

    def __init__(self) -> None:
        self.batches: list[int] = []
        self.one = Counting()

    def __call__(self, parts) -> list[Counter]:
        self.batches.append(len(parts))
        return [self.one(part) for part in parts]


def test_map_batches_gives_map_parts_results_and_batches_the_parts(tmp_path):
    processed = _store(tmp_path)
    whole = memo.map_parts(processed, "sentences", Counting(), columns=["text"])
    batching = CountingBatches()
    got = memo.map_batches(processed, "sentences", batching, columns=["text"], rows=3)
    assert got == whole
    assert batching.batches == [2, 1]  # 2 + 3 rows reach 3, then the last bucket alone


def test_map_batches_computes_only_the_changed_buckets_and_shares_map_parts_cache(tmp_path):
    processed, cache = _store(tmp_path), tmp_path / "cache"
    memo.map_parts(processed, "sentences", Counting(), columns=["text"], cache_dir=cache,
                   name="words")  # fmt: skip
    _write(processed, 17, ["Voters cast 9,000 ballots."])
    batching = CountingBatches()
    got = memo.map_batches(processed, "sentences", batching, columns=["text"], cache_dir=cache,
                           name="words")  # fmt: skip
    assert batching.batches == [1]  # only bucket 17, whose file changed
    assert got[1] == Counter({"voters": 1, "cast": 1, "9,000": 1, "ballots": 1})
    assert got == memo.map_parts(processed, "sentences", Counting(), columns=["text"])


def test_map_batches_refuses_a_function_that_loses_parts(tmp_path):
    processed = _store(tmp_path)
    try:
        memo.map_batches(processed, "sentences", lambda parts: parts[:1], columns=["text"])
    except ValueError as error:
        assert "1 results for 3 parts" in str(error)
    else:
        raise AssertionError("a batch function returning too few results was accepted")
