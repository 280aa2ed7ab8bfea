"""Notebook 05's reading of the corpus, a few buckets of the pass at a time, with each
bucket's partial result kept between runs (:func:`helpers.pipeline.memo.map_batches`): a run
after a few articles were added reads only the buckets they fall in, and the memory stays that
of a few buckets and the combined counts, never every sentence at once.

Two passes, because what the second looks for depends on the first's totals:

- :func:`count_buckets` counts every bucket (:func:`~helpers.language.counts.count_slice`) and
  adds the counts up (:func:`~helpers.language.counts.add_counts`): the same
  :class:`~helpers.language.counts.CorpusCounts` as :func:`~helpers.language.counts.count_corpus`
  of the whole table, from which the frequency tables and the keywords are read;
- :func:`find_in_buckets` finds, per bucket, the chosen keywords' hits (concordance lines and
  the dispersion plot's word positions) and the sentences that name the framing target (with
  their VADER scores when asked for): a few rows per bucket, put together in :class:`Found`.

The outlets and dates come from the pass's article rows (``articles.parquet``, or the
``_articles`` dataset it is made of), read once (:class:`ArticleMeta`); a bucket's stored counts say
which outlet and date each of its articles had, and are counted again when that changed. Every
table equals the one read from the whole corpus at once (the tests hold it to that).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from helpers import paths
from helpers.language.context import (
    CONCORDANCE_COLUMNS,
    FOUND_COLUMNS,
    concordance_of,
    concordance_rows,
    matching_forms,
)
from helpers.language.counts import CorpusCounts, add_counts, count_slices
from helpers.language.framing import pattern_matches
from helpers.language.sentiment import sentence_sentiment
from helpers.language.words import (
    CHUNK_SENTENCES,
    article_meta,
    chunks,
    forget_readings,
    with_outlet,
)
from helpers.pipeline import memo
from helpers.pipeline.store import (
    buckets_on_disk,
    part_path,
    read_dataset,
    read_part_file,
    release_memory,
)

SENTENCES = "sentences"
ARTICLES = "_articles"  # the pass's article rows, per bucket (what articles.csv is made of)
SENTENCE_READ = ["article_id", "sentence_id", "start", "text"]
COUNT_READ = ["article_id", "sentence_id", "text"]
ARTICLE_READ = ["article_id", "status", "outlet", "published"]


class ArticleMeta:
    """The outlet and date of every usable article (``status`` ok), from the pass's article
    rows (``_articles``, what ``articles.csv`` is made of), read once for all buckets; and the
    :meth:`stamp` of what a bucket's counts took from them."""

    def __init__(self, rows: pd.DataFrame) -> None:
        self.rows = rows
        meta = article_meta(rows)
        self.unique = bool(meta["article_id"].is_unique)
        self.outlet = dict(zip(meta["article_id"], meta["outlet"], strict=True))
        self.published = dict(zip(meta["article_id"], meta["published"], strict=True))

    @classmethod
    def read(cls, processed_dir: str) -> ArticleMeta:
        """From the pass's ``articles.parquet`` (one file, the same rows and columns as its
        ``_articles`` dataset plus the near-duplicate clusters), else from the dataset."""
        whole = (Path(processed_dir) / paths.ARTICLES_CSV).with_suffix(".parquet")
        if whole.is_file():
            return cls(pq.read_table(whole, columns=ARTICLE_READ).to_pandas())
        return cls(read_dataset(processed_dir, ARTICLES, columns=ARTICLE_READ))

    def stamp(self, ids: Sequence[str]) -> str:
        """A digest of the outlet and date of ``ids`` (None for an unusable article)."""
        rows = [[a, self.outlet.get(a), self.published.get(a)] for a in sorted(ids)]
        return hashlib.sha256(json.dumps(rows).encode("utf-8")).hexdigest()


def count_batch(parts: list[pd.DataFrame], meta: ArticleMeta) -> list[tuple]:
    """Per bucket of sentences (``article_id, sentence_id, text``): the counts of its sentences
    of usable articles (a :func:`~helpers.language.counts.count_slice` per
    :data:`~helpers.language.words.CHUNK_SENTENCES`, usually one), its article ids, and the
    :meth:`ArticleMeta.stamp` of those articles; all parts tokenised at once
    (:func:`~helpers.language.counts.count_slices`)."""
    slices, owner, found = [], [], []
    for n, part in enumerate(parts):
        ids = pd.unique(part["article_id"].astype(str).to_numpy(dtype=object)).tolist()
        found.append((ids, meta.stamp(ids)))
        for piece in chunks(_usable(part, meta), CHUNK_SENTENCES):
            slices.append(piece)
            owner.append(n)
    counted = count_slices(slices)
    release_memory()  # the parts' Arrow buffers, which the allocator would otherwise keep
    return [([c for c, o in zip(counted, owner, strict=True) if o == n], *found[n])
            for n in range(len(parts))]  # fmt: skip


def _usable(sentences: pd.DataFrame, meta: ArticleMeta) -> pd.DataFrame:
    """The sentences of usable articles with their ``outlet`` and ``published``
    (:func:`with_outlet`'s columns), by article and sentence: counting needs no other order
    (:func:`~helpers.language.counts.add_counts` puts the articles in corpus order), and the
    pass writes them so, which saves sorting them again."""
    ids = sentences["article_id"]
    if not (ids.is_monotonic_increasing and meta.unique) or ids.isna().any():
        return with_outlet(sentences, meta.rows)
    codes, found = pd.factorize(ids)  # codes of the articles, no Python string per sentence
    usable = np.array([article in meta.outlet for article in found], dtype=bool)
    keep = usable[codes]
    order = sentences["sentence_id"].to_numpy()[keep]
    codes = codes[keep]
    if not np.all((codes[1:] != codes[:-1]) | (order[1:] > order[:-1])):
        return with_outlet(sentences, meta.rows)
    return sentences[keep].assign(
        outlet=np.array([meta.outlet.get(a, "") for a in found], dtype=object)[codes],
        published=np.array([meta.published.get(a, "") for a in found], dtype=object)[codes],
    )


def count_buckets(processed_dir: str, cache_dir: str = "") -> CorpusCounts:
    """:func:`count_batch` of every bucket of the pass's sentences, a few at a time, added up
    into the counts of the whole corpus (sentences in corpus order); each bucket's counts
    kept in ``cache_dir`` (empty: none) until its file changes. A bucket's counts read back
    whose articles have another outlet or date now (or became usable or not: the article
    rows changed, the sentences did not) are counted again."""
    meta = ArticleMeta.read(processed_dir)
    partials = memo.map_batches(
        processed_dir, SENTENCES, lambda parts: count_batch(parts, meta), columns=COUNT_READ,
        cache_dir=cache_dir, name="language-counts", rows=CHUNK_SENTENCES,
    )  # fmt: skip
    buckets = buckets_on_disk(processed_dir, SENTENCES)
    for n, (_, ids, stamp) in enumerate(partials):
        if meta.stamp(ids) != stamp:  # counted with other article rows: count again
            path = part_path(processed_dir, SENTENCES, buckets[n])
            part = read_part_file(path, COUNT_READ, ()).to_pandas()
            partials[n] = count_batch([part], meta)[0]
    forget_readings()  # the next pass reads only a few sentences word by word
    return add_counts([piece for counted, _, _ in partials for piece in counted])


@dataclass(frozen=True)
class Found:
    """What :func:`find_in_buckets` found in the corpus.

    ``concordance``: the :func:`~helpers.language.context.concordances` table of the keywords;
    ``hits``: per keyword hit in a usable article, ``keyword, index, article_id, sentence_id,
    word`` (``index`` the word's place in its sentence: :func:`place_hits` puts it on the
    corpus's word axis); ``named``: the sentences that name the framing target (``article_id,
    sentence_id, start, text``), the input of the framing and sentiment functions;
    ``scores``: :func:`~helpers.language.sentiment.sentence_sentiment` of the sentences asked
    for (None when none were); ``read``: the ids of the articles that have sentences.
    """

    concordance: pd.DataFrame
    hits: pd.DataFrame
    named: pd.DataFrame
    scores: pd.DataFrame | None
    read: pd.Index


def find_bucket(
    parts: dict[str, pd.DataFrame],
    matching: dict[str, frozenset[str]],
    target: re.Pattern[str] | None,
    scope: str,
    width: int = 50,
) -> tuple:
    """One bucket's share of :class:`Found`, its fields in order: the concordance lines and
    hits of the keywords whose word forms are ``matching``
    (:func:`~helpers.language.context.concordance_rows`), the sentences that ``target`` names,
    their VADER scores when ``scope`` asks for any (:data:`~helpers.language.sentiment.SCOPES`)
    and the ids of the articles read."""
    sentences = parts[SENTENCES]
    lines, hits = concordance_rows(sentences, matching, width)
    # no row, and no view of the bucket's Arrow buffers (a slice, even empty, keeps every
    # bucket's sentences alive: 0.7 GB at 100,000 articles)
    named = pd.DataFrame({c: pd.Series([], dtype=sentences[c].dtype) for c in SENTENCE_READ})
    if target is not None:
        named = sentences.loc[pattern_matches(sentences["text"], target), SENTENCE_READ]
    scores = sentence_sentiment(sentences, target, scope=scope) if _scored(target, scope) else None
    read = pd.unique(sentences["article_id"].astype(str).to_numpy(dtype=object)).tolist()
    release_memory()
    return lines, hits, named.reset_index(drop=True), scores, read


def find_batch(
    parts: list[pd.DataFrame],
    matching: dict[str, frozenset[str]],
    target: re.Pattern[str] | None,
    scope: str,
    width: int = 50,
) -> list[tuple]:
    """``[find_bucket({SENTENCES: part}, ...) for part in parts]``, found in the parts put
    together (one search of the texts, one scoring, for all of them: a few buckets cost
    little more than one) and split by part at the end; each part holds whole articles."""
    if len(parts) < 2:
        return [find_bucket({SENTENCES: part}, matching, target, scope, width) for part in parts]
    batch = pd.concat(parts, ignore_index=True)
    codes, ids = pd.factorize(batch["article_id"])
    article_part = np.zeros(len(ids), dtype=np.int64)
    article_part[codes] = np.repeat(np.arange(len(parts)), [len(part) for part in parts])
    index = pd.Index(ids)

    def by_part(frame: pd.DataFrame) -> list[pd.DataFrame]:
        part = article_part[index.get_indexer(frame["article_id"])]
        order = np.argsort(part, kind="stable")
        cuts = np.searchsorted(part[order], np.arange(len(parts) + 1))
        return [frame.iloc[order[a:b]].reset_index(drop=True)
                for a, b in zip(cuts[:-1], cuts[1:], strict=True)]  # fmt: skip

    lines, hits, named, scores, _ = find_bucket({SENTENCES: batch}, matching, target, scope, width)
    read = np.asarray(ids, dtype=object)  # factorize's order: each article's first row
    found = zip(by_part(lines), by_part(hits), by_part(named),
                by_part(scores) if scores is not None else [None] * len(parts),
                ([str(a) for a in read[article_part == n]] for n in range(len(parts))),
                strict=True)  # fmt: skip
    return list(found)


def _scored(target: re.Pattern[str] | None, scope: str) -> bool:
    return scope != "none" and (scope == "all" or target is not None)


def find_in_buckets(
    processed_dir: str,
    counts: CorpusCounts,
    keywords: Sequence[str],
    target: re.Pattern[str] | None = None,
    scope: str = "none",
    cache_dir: str = "",
    width: int = 50,
) -> Found:
    """:func:`find_bucket` of every bucket of the pass's sentences (a few buckets at a time,
    :func:`find_batch`), put together: the
    keywords' word forms are those of the whole corpus (``counts``, :func:`count_buckets`),
    as :func:`~helpers.language.context.concordances` matches them. Each bucket's share kept
    in ``cache_dir`` (empty: none) until its files, the keywords, their forms, the target or
    the scope change."""
    matching = {keyword: matching_forms(counts.forms, keyword) for keyword in keywords}
    key = [
        [[keyword, sorted(forms)] for keyword, forms in matching.items()],
        [target.pattern, int(target.flags)] if target is not None else None,
        scope if _scored(target, scope) else "none",
        width,
    ]
    partials = memo.map_batches(
        processed_dir, SENTENCES, lambda parts: find_batch(parts, matching, target, scope, width),
        columns=SENTENCE_READ, cache_dir=cache_dir, name="language-finds", key=key,
    )  # fmt: skip
    lines, hits, named, scores, read = (list(field) for field in zip(*partials, strict=True)) \
        if partials else ([], [], [], [], [])  # fmt: skip
    return Found(
        concordance=concordance_of(_joined(lines, CONCORDANCE_COLUMNS), keywords),
        hits=_joined(hits, FOUND_COLUMNS),
        named=_joined(named, SENTENCE_READ),
        scores=_scores(scores) if _scored(target, scope) else None,
        read=pd.Index([article for ids in read for article in ids], dtype=object),
    )


def _joined(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """The frames one after another (those with no row left out, so that their untyped
    columns do not turn the others' into objects)."""
    held = [frame for frame in frames if len(frame)]
    if not held:
        return pd.DataFrame(columns=columns)
    return pd.concat(held, ignore_index=True)


def _scores(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The buckets' sentence scores as :func:`sentence_sentiment` of the whole table gives
    them: by article and sentence."""
    held = [frame for frame in frames if len(frame)]
    if not held:
        return frames[0] if frames else sentence_sentiment(pd.DataFrame(columns=SENTENCE_READ))
    scores = pd.concat(held, ignore_index=True)
    return scores.sort_values(["article_id", "sentence_id"], kind="mergesort", ignore_index=True)
