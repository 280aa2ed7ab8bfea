"""Near-duplicate clusters of a whole corpus, from the signatures the per-article pass made.

:func:`helpers.corpus.duplicates.near_duplicate_clusters` needs every clean text in memory at
once and queries its LSH index one article at a time. Here each worker has already computed its
articles' MinHash signatures (half a KB each); this corpus-level step finds the pairs that the
same locality-sensitive hashing proposes (same bands, found for all articles at once with
numpy), drops those whose MinHash estimate is far below the threshold, reads the clean texts of
the articles left in a pair only, and keeps the pairs whose shingle sets overlap by the same
threshold, checked exactly. The clusters are the same: connected groups of near-duplicate pairs,
each named by its smallest article id (union-find joins toward the smaller id, so the order of
the pairs does not matter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.corpus.duplicates import (
    NUM_PERM,
    THRESHOLD,
    _minhash,
    cluster_sizes,
    clusters_message,
    jaccard,
    shingles,
)

# Proposed pairs whose MinHash estimate is below this are not checked exactly: at a true
# similarity of THRESHOLD (0.5) the estimate of 128 values has a standard deviation of 0.044,
# so a true pair falls below 0.25 less than once in a hundred million. Random news pairs that
# LSH proposes estimate near 0.05; at 100,000 articles they are hundreds of thousands.
ESTIMATE_FLOOR = 0.25
PAIRS_AT_ONCE = 20_000  # candidate pairs estimated at once (two 20,000 x 128 matrices)


# What datasketch gives for our settings, written down so that the corpus stage does not import
# it (importing datasketch loads scipy: 0.3 s of CPU, seconds on a busy machine, on every run);
# tests/test_duplicates.py checks both against datasketch itself.
SIGNATURE_DTYPE = np.dtype(np.uint32)  # MinHash(scheme=SCHEME).hashvalues.dtype
LSH_BANDS = (32, 4)  # MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM): bands, rows


def signature_dtype() -> np.dtype:
    """The value type of a signature's hash values."""
    return SIGNATURE_DTYPE


def signature_bytes(clean_text: str) -> bytes:
    """The near-duplicate signature of a clean text (its MinHash values; b"" for no words)."""
    items = shingles(clean_text)
    return _minhash(items).hashvalues.tobytes() if items else b""


def _bands() -> tuple[int, int]:
    """The bands and rows per band that datasketch's LSH chooses for our threshold."""
    return LSH_BANDS


def candidate_pairs(signatures: Mapping[str, bytes]) -> list[tuple[str, str]]:
    """Pairs (later id, earlier id) whose signatures agree on a whole band: the pairs
    datasketch's ``MinHashLSH`` proposes, found by sorting each band's values at once with
    numpy instead of one query per article (100,000 articles in seconds)."""
    ids, matrix = _matrix(signatures)
    return [(ids[b], ids[a]) for b, a in _index_pairs(matrix)]


def _matrix(signatures: Mapping[str, bytes]) -> tuple[list[str], np.ndarray]:
    """The ids with a signature, sorted, and their signatures as the rows of one matrix."""
    ids = sorted(a for a, data in signatures.items() if data)
    if not ids:
        return ids, np.zeros((0, NUM_PERM), dtype=signature_dtype())
    return ids, np.stack([np.frombuffer(signatures[a], dtype=signature_dtype()) for a in ids])


def _index_pairs(matrix: np.ndarray) -> np.ndarray:
    """The candidate pairs as rows ``(b, a)`` of ``matrix`` (b > a), sorted and each once: an
    (n, 2) array, not a set of Python tuples (at 100,000 articles LSH proposes hundreds of
    thousands of pairs, nearly all of them chance agreements that the estimate drops)."""
    n = len(matrix)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    bands, rows = _bands()
    found = []
    for band in range(bands):
        block = np.ascontiguousarray(matrix[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        _, group, counts = np.unique(keys, return_inverse=True, return_counts=True)
        found.append(_pair_codes(group.ravel(), counts, n))
    codes = np.unique(np.concatenate(found))  # b * n + a: sorted as the pairs (b, a)
    return np.stack([codes // n, codes % n], axis=1)


def _pair_codes(group: np.ndarray, counts: np.ndarray, n: int) -> np.ndarray:
    """``b * n + a`` for every two rows b > a of one group of ``group`` (the group of each
    row; ``counts``: the rows of each group)."""
    order = np.argsort(group, kind="stable")  # rows of a group together, ascending
    ordered = group[order]
    codes = []
    for step in range(1, int(counts.max()) if len(counts) else 1):
        same = ordered[step:] == ordered[:-step]  # rows ``step`` apart in one group
        later, earlier = order[step:][same], order[:-step][same]
        codes.append(later.astype(np.int64) * n + earlier)
        if not same.any():
            break
    return np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)


def estimated_similarity(signatures: Mapping[str, bytes], pairs) -> np.ndarray:
    """MinHash's estimate of each pair's Jaccard similarity: the share of equal values."""
    if not pairs:
        return np.zeros(0)
    left = np.stack([np.frombuffer(signatures[a], dtype=signature_dtype()) for a, _ in pairs])
    right = np.stack([np.frombuffer(signatures[b], dtype=signature_dtype()) for _, b in pairs])
    return (left == right).mean(axis=1)


def _likely_pairs(signatures: Mapping[str, bytes]) -> list[tuple[str, str]]:
    """The candidate pairs (:func:`candidate_pairs`, in its order) whose MinHash estimate
    (:func:`estimated_similarity`) is at least :data:`ESTIMATE_FLOOR`, estimated
    :data:`PAIRS_AT_ONCE` pairs at a time: memory that does not grow with the corpus."""
    ids, matrix = _matrix(signatures)
    pairs = _index_pairs(matrix)
    kept = []
    for start in range(0, len(pairs), PAIRS_AT_ONCE):
        batch = pairs[start : start + PAIRS_AT_ONCE]
        estimates = (matrix[batch[:, 0]] == matrix[batch[:, 1]]).mean(axis=1)
        kept.append(batch[estimates >= ESTIMATE_FLOOR])
    likely = np.concatenate(kept) if kept else np.zeros((0, 2), dtype=np.int64)
    return [(ids[b], ids[a]) for b, a in likely.tolist()]


def clusters_from_signatures(
    signatures: Mapping[str, bytes],
    texts_of: Callable[[Iterable[str]], Mapping[str, str]],
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """Map each article id of ``signatures`` to its cluster (its smallest near-duplicate id).

    ``texts_of(ids)`` returns the clean texts of the given ids; it is called once, with the
    articles of the proposed pairs only.
    """
    pairs = _likely_pairs(signatures)
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
    sizes = cluster_sizes(clusters)
    out = articles.copy()
    mapped = out["article_id"].map(clusters)
    has = mapped.notna()
    out.loc[has, "duplicate_cluster"] = mapped[has]
    out.loc[has, "cluster_size"] = mapped[has].map(sizes).astype(int)
    return out, clusters_message(clusters, sizes)
