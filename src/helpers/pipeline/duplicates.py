"""Near-duplicate clusters of a whole corpus, from the signatures the per-article pass made.

:func:`helpers.corpus.duplicates.near_duplicate_clusters` needs every clean text in memory at
once. Here each worker has already computed its articles' MinHash signatures (1 KB each); this
corpus-level step indexes them with the same locality-sensitive hashing, collects the proposed
pairs, reads only the clean texts of articles in a proposed pair, and keeps the pairs whose
shingle sets overlap by the same threshold. The clusters are the same: connected groups of
near-duplicate pairs, each named by its smallest article id (union-find joins toward the smaller
id, so the order of the pairs does not matter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
from datasketch import LeanMinHash, MinHashLSH

from helpers.corpus.duplicates import (
    LSH_THRESHOLD,
    NUM_PERM,
    SEED,
    THRESHOLD,
    _minhash,
    jaccard,
    shingles,
)

CLUSTERS_NAMED = 5  # clusters listed by name in the message (as helpers.corpus.build)
_PROBE = _minhash(frozenset({"probe"}))  # the hashing scheme and value type signatures use
SCHEME, DTYPE = getattr(_PROBE, "scheme", "legacy"), _PROBE.hashvalues.dtype


def signature_bytes(clean_text: str) -> bytes:
    """The near-duplicate signature of a clean text (its MinHash values; b"" for no words)."""
    items = shingles(clean_text)
    return _minhash(items).hashvalues.tobytes() if items else b""


def candidate_pairs(signatures: Mapping[str, bytes]) -> list[tuple[str, str]]:
    """Pairs (later id, earlier id) that LSH proposes, querying each id before inserting it."""
    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: list[tuple[str, str]] = []
    for article_id in sorted(signatures):
        data = signatures[article_id]
        if not data:
            continue
        values = np.frombuffer(data, dtype=DTYPE)
        signature = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        pairs += [(article_id, other) for other in sorted(index.query(signature))]
        index.insert(article_id, signature)
    return pairs


def clusters_from_signatures(
    signatures: Mapping[str, bytes],
    texts_of: Callable[[Iterable[str]], Mapping[str, str]],
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """Map each article id of ``signatures`` to its cluster (its smallest near-duplicate id).

    ``texts_of(ids)`` returns the clean texts of the given ids; it is called once, with the
    articles of the proposed pairs only.
    """
    pairs = candidate_pairs(signatures)
    needed = sorted({a for pair in pairs for a in pair})
    sets = {a: shingles(t) for a, t in texts_of(needed).items()} if needed else {}
    parent = {a: a for a in signatures}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        if jaccard(sets[a], sets[b]) >= threshold:
            ra, rb = find(a), find(b)
            parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in sorted(signatures)}


def apply_clusters(articles: pd.DataFrame, clusters: Mapping[str, str]) -> tuple[pd.DataFrame, str]:
    """Fill ``duplicate_cluster`` and ``cluster_size`` of the clustered rows of ``articles``; return
    the frame and the message naming the clusters of more than one article ("" when none)."""
    sizes: dict[str, int] = {}
    for cluster in clusters.values():
        sizes[cluster] = sizes.get(cluster, 0) + 1
    out = articles.copy()
    mapped = out["article_id"].map(clusters)
    has = mapped.notna()
    out.loc[has, "duplicate_cluster"] = mapped[has]
    out.loc[has, "cluster_size"] = mapped[has].map(sizes).astype(int)
    shared = sorted((c for c, n in sizes.items() if n > 1), key=lambda c: (-sizes[c], c))
    if not shared:
        return out, ""
    members = sum(sizes[c] for c in shared)
    named = "; ".join(
        " = ".join(sorted(a for a, c in clusters.items() if c == cluster))
        for cluster in shared[:CLUSTERS_NAMED]
    )
    more = f"; and {len(shared) - CLUSTERS_NAMED} more" if len(shared) > CLUSTERS_NAMED else ""
    story = "story appears" if len(shared) == 1 else "stories appear"
    message = (
        f"near-duplicates: {len(shared)} {story} more than once ({members} articles, each marked "
        f"with its duplicate_cluster in articles.csv; count a story once by counting clusters): "
        f"{named}{more}"
    )
    return out, message
