"""Near-duplicates: a wire story republished with different furniture is one cluster, kept whole;
a different story on the same subject is not merged with it."""

from __future__ import annotations

import pandas as pd

from fixtures import TEST_DATA_DIR
from helpers.corpus import collect_corpus, duplicate_clusters
from helpers.corpus.duplicates import jaccard, near_duplicate_clusters, shingles

IMPORTS = TEST_DATA_DIR / "imports" / "corpus"
WIRE = (
    "Rail workers across the northern region walked off the job on Tuesday, halting about 1,400 "
    "passenger trains and stranding commuters in at least six cities, the drivers' union said.\n"
    "The union said 92 percent of its 11,000 members had backed the strike after talks on a new "
    "pay deal collapsed last week.\n"
    "The rail operator said it would run a reduced timetable of roughly 200 trains on the main "
    "lines and urged passengers to work from home where they could.\n"
    "Transport officials estimated that the stoppage would cost businesses around 45 million "
    "euros a day."
)
# The same subject, in other words: a second report on the strike, not a copy of the first.
SAME_SUBJECT = (
    "Commuters queued for buses on Wednesday as the rail strike entered its second day.\n"
    "Union leaders and the rail operator met for four hours but did not agree a pay offer.\n"
    "The operator said that 230 trains ran, about a sixth of the normal service, and that "
    "ticket refunds would be paid automatically."
)


def test_shingles_are_word_runs_without_case_or_punctuation():
    assert shingles("The Union said, 92 percent!", size=3) == frozenset(
        {"the union said", "union said 92", "said 92 percent"}
    )
    assert shingles("Two words", size=5) == frozenset({"two words"})
    assert jaccard(frozenset({"a", "b"}), frozenset({"b", "c"})) == 1 / 3


def test_copies_with_different_furniture_are_one_cluster_and_other_stories_stay_apart():
    texts = {
        "ledger": "By Harbour Wire Service staff\n" + WIRE,
        "courier": WIRE + "\nFurther walkouts are planned for next Monday, the union said.",
        "valley": "This story was first published by Harbour Wire Service.\n" + WIRE,
        "day-two": SAME_SUBJECT,
        "short": "Rail workers walked off the job on Tuesday.",
    }
    clusters = near_duplicate_clusters(texts)
    assert clusters == {
        "courier": "courier",
        "day-two": "day-two",
        "ledger": "courier",
        "short": "short",
        "valley": "courier",
    }
    reordered = dict(reversed(list(texts.items())))
    assert near_duplicate_clusters(reordered) == clusters


def test_the_wire_story_in_three_sources_is_one_cluster_of_three_in_articles_csv():
    build = collect_corpus(IMPORTS, progress=False)
    articles = build.articles.set_index("article_id")
    wire = ["export_0001", "pages_courier-rail-strike", "pages_valley-times-rail"]
    assert set(articles.loc[wire, "duplicate_cluster"]) == {"export_0001"}
    assert set(articles.loc[wire, "cluster_size"]) == {3}
    others = articles[(articles["status"] == "ok") & ~articles.index.isin(wire)]
    assert (others["cluster_size"] == 1).all()
    assert (others["duplicate_cluster"] == others.index).all()
    refused = articles[articles["status"] == "refused"]
    assert (refused["duplicate_cluster"] == "").all() and (refused["cluster_size"] == 0).all()
    ok = articles[articles["status"] == "ok"]
    assert (len(ok), ok["duplicate_cluster"].nunique()) == (8, 6)  # 8 articles, 6 stories
    assert (
        "near-duplicates: 1 story appears more than once (3 articles, each marked with its "
        "duplicate_cluster in articles.csv; count a story once by counting clusters): "
        "export_0001 = pages_courier-rail-strike = pages_valley-times-rail"
    ) in build.messages
    table = duplicate_clusters(build.articles)
    assert list(table["article_id"]) == wire
    assert list(table["outlet"]) == ["Northern Ledger", "Coastline Courier", "The Valley Times"]


def test_a_corpus_without_copies_has_clusters_of_one_and_no_message():
    texts = {"a": WIRE, "b": SAME_SUBJECT}
    assert near_duplicate_clusters(texts) == {"a": "a", "b": "b"}
    empty = pd.DataFrame({"cluster_size": [1, 1], "duplicate_cluster": ["a", "b"],
                          "article_id": ["a", "b"], "outlet": ["", ""], "published": ["", ""],
                          "title": ["", ""]})  # fmt: skip
    assert duplicate_clusters(empty).empty


def test_the_pass_finds_every_pair_of_a_story_copied_four_times(monkeypatch):
    from helpers.pipeline import duplicates

    story = (
        "The ferry company said 14 crossings were cancelled on Friday after the wind rose "
        "above 60 knots, and about 2,300 passengers were moved to later sailings. Harbour "
        "staff said the last boat left at 6 p.m. and the terminal would reopen at dawn."
    )
    texts = {f"copy_{i}": f"{story} Filed by desk {i}." for i in range(4)}
    texts["other"] = "The council voted 7 to 2 to close the library on Sundays from March."
    signatures = {a: duplicates.signature_bytes(t) for a, t in texts.items()}
    pairs = duplicates.candidate_pairs(signatures)
    copies = sorted(a for a in texts if a.startswith("copy"))
    assert {(b, a) for i, a in enumerate(copies) for b in copies[i + 1 :]} <= set(pairs)
    assert pairs == sorted(pairs, key=lambda p: (sorted(texts).index(p[0]), p[1]))
    whole = duplicates._likely_pairs(signatures)
    monkeypatch.setattr(duplicates, "PAIRS_AT_ONCE", 2)  # estimated two pairs at a time
    assert duplicates._likely_pairs(signatures) == whole and len(whole) >= 6
    clusters = duplicates.clusters_from_signatures(signatures, lambda ids: texts)
    assert clusters == near_duplicate_clusters(texts)
    assert {clusters[a] for a in copies} == {"copy_0"} and clusters["other"] == "other"


def test_the_written_down_signature_type_and_bands_are_datasketchs():
    from datasketch import MinHashLSH

    from helpers.corpus.duplicates import LSH_THRESHOLD, NUM_PERM, _minhash
    from helpers.pipeline import duplicates

    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    assert duplicates.LSH_BANDS == (index.b, index.r)
    signature = _minhash(frozenset({"power restored", "restored to"}))
    assert duplicates.SIGNATURE_DTYPE == signature.hashvalues.dtype
