"""Find near-duplicate articles: wire copies and republished stories, kept and clustered.

Each clean text becomes a set of word shingles (:data:`SHINGLE_WORDS` words in a row, lower
case). MinHash signatures and locality-sensitive hashing (``datasketch``) propose pairs that
probably share many shingles; each proposed pair is then checked exactly, and two articles are
near-duplicates when their shingle sets overlap by at least :data:`THRESHOLD` (Jaccard
similarity): the same story give or take a headline, a byline, a paragraph of furniture or
an added sentence. Clusters are the connected groups of such pairs; a cluster is named by its
first article id, and an article with no near-duplicate is a cluster of one.

>>> texts = {"a": "Officials said 40 ferries were cancelled across the bay on Monday.",
...          "b": "Officials said 40 ferries were cancelled across the bay on Monday, AP said.",
...          "c": "The port strike entered its third week as talks stalled again."}
>>> near_duplicate_clusters(texts)
{'a': 'a', 'b': 'a', 'c': 'c'}
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from functools import cache

CLUSTERS_NAMED = 5  # clusters listed by name in the near-duplicates message

SHINGLE_WORDS = 5  # words per shingle
THRESHOLD = 0.5  # Jaccard similarity of shingle sets from which two texts are one story
NUM_PERM = 128  # MinHash permutations (more: fewer missed pairs, slower)
LSH_THRESHOLD = 0.4  # LSH proposes pairs a little below THRESHOLD; the exact check decides
SEED = 1  # MinHash seed: the same texts give the same signatures on every run
SCHEME = "affine32"  # datasketch's permutation scheme, named so that it cannot change under us
WORD = re.compile(r"\w+")  # a word of the shingles (punctuation and case do not count)


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """The set of ``size``-word shingles of ``text`` (the whole text when it is shorter).

    >>> sorted(shingles("One two three", size=2))
    ['one two', 'two three']
    """
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return frozenset([" ".join(words)]) if words else frozenset()
    # the shifted word lists end at different places: zip stops at the shortest
    return frozenset(map(" ".join, zip(*(words[k:] for k in range(size)), strict=False)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared shingles over all shingles of the two sets (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@cache
def _permutations() -> tuple:
    """The MinHash permutations of :data:`SEED`, drawn once and shared by every signature."""
    from datasketch import MinHash  # here: importing datasketch loads scipy (0.3 s per kernel)

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(items: frozenset[str]):
    """The MinHash signature of a shingle set (CRC-32 hashes: fast, the same on every run)."""
    from datasketch import MinHash

    signature = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=zlib.crc32,
        permutations=_permutations(),
        scheme=SCHEME,
    )
    signature.update_batch(list(map(str.encode, items)))  # UTF-8
    return signature


def near_duplicate_clusters(
    texts: Mapping[str, str], threshold: float = THRESHOLD
) -> dict[str, str]:
    """Map each article id of ``texts`` to its cluster: the smallest id of its near-duplicates."""
    ids = sorted(texts)
    sets = {i: shingles(texts[i]) for i in ids}
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for article_id in ids:
        if not sets[article_id]:
            continue
        signature = _minhash(sets[article_id])
        for other in sorted(index.query(signature)):
            if jaccard(sets[article_id], sets[other]) >= threshold:
                a, b = find(article_id), find(other)
                parent[max(a, b)] = min(a, b)
        index.insert(article_id, signature)
    return {i: find(i) for i in ids}


def cluster_sizes(clusters: Mapping[str, str]) -> dict[str, int]:
    """How many articles each cluster holds, by cluster id."""
    sizes: dict[str, int] = {}
    for cluster in clusters.values():
        sizes[cluster] = sizes.get(cluster, 0) + 1
    return sizes


def clusters_message(clusters: Mapping[str, str], sizes: Mapping[str, int]) -> str:
    """The corpus message naming the clusters of more than one article ("" when none): how many
    stories appear more than once, in how many articles, the largest clusters by name."""
    shared = sorted((c for c, n in sizes.items() if n > 1), key=lambda c: (-sizes[c], c))
    if not shared:
        return ""
    members = sum(sizes[c] for c in shared)
    named = "; ".join(
        " = ".join(sorted(a for a, c in clusters.items() if c == cluster))
        for cluster in shared[:CLUSTERS_NAMED]
    )
    more = f"; and {len(shared) - CLUSTERS_NAMED} more" if len(shared) > CLUSTERS_NAMED else ""
    stories = "story appears" if len(shared) == 1 else "stories appear"
    return (
        f"near-duplicates: {len(shared)} {stories} more than once ({members} articles, each marked "
        f"with its duplicate_cluster in articles.csv; count a story once by counting clusters): "
        f"{named}{more}"
    )
