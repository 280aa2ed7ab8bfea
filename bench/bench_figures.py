"""Speed of ``helpers.figures.extract_figures`` against quantulum3, in one run.

Run from the project root: ``.venv/bin/python bench/bench_figures.py``.

It extracts figures from the NewsQuant development sentences with both extractors and prints
throughput (MB/s of UTF-8 text and sentences/s) and the ratio. It then repeats the seed corpus
(``data/raw/*.txt``) up to 20 MB and reports our throughput on it, extracting paragraph by
paragraph (the way a notebook would feed article text). Timings are the best of a few repeats,
so a busy machine disturbs them less; they are measurements, not assertions.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

from helpers.figures import extract_figures
from helpers.paths import RAW_DIR

NEWSQUANT_DEV = Path("../shared/benchmarks/newsquant/dev.json")
TARGET_BYTES = 20 * 1024 * 1024


def best_time(fn, repeats: int) -> float:
    """Best wall time of ``repeats`` calls of ``fn``."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_ours(texts: list[str]) -> int:
    return sum(len(extract_figures(t)) for t in texts)


def run_quantulum(texts: list[str]) -> int:
    from quantulum3 import parser

    return sum(len(parser.parse(t)) for t in texts)


def seed_paragraphs() -> list[str]:
    """The seed articles split into paragraphs (blank-line or line breaks), repeated to 20 MB."""
    paragraphs: list[str] = []
    for path in sorted(RAW_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs.extend(p for p in text.splitlines() if p.strip())
    size = sum(len(p.encode("utf-8")) + 1 for p in paragraphs)
    return paragraphs * max(1, TARGET_BYTES // size)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3, help="timing repeats (best is kept)")
    args = ap.parse_args()

    gold = json.loads(NEWSQUANT_DEV.read_text(encoding="utf-8"))
    texts = [item["text"] for item in gold]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(texts)

    warnings.filterwarnings("ignore")
    from quantulum3 import parser  # noqa: F401  (import cost kept out of the timing)

    ours_s = best_time(lambda: run_ours(texts), args.repeats)
    q_s = best_time(lambda: run_quantulum(texts), 1)
    print(f"NewsQuant dev: {n} sentences, {mb * 1000:.1f} kB")
    print(f"  ours        {mb / ours_s:8.2f} MB/s  {n / ours_s:10.0f} sentences/s")
    print(f"  quantulum3  {mb / q_s:8.3f} MB/s  {n / q_s:10.1f} sentences/s")
    print(f"  ratio       {q_s / ours_s:8.1f}x faster")

    paragraphs = seed_paragraphs()
    seed_mb = sum(len(p.encode("utf-8")) + 1 for p in paragraphs) / 1e6
    t0 = time.perf_counter()
    found = run_ours(paragraphs)
    seed_s = time.perf_counter() - t0
    print(
        f"Seed corpus repeated to {seed_mb:.1f} MB ({len(paragraphs)} paragraphs): "
        f"{seed_mb / seed_s:.2f} MB/s, {found} figures"
    )


if __name__ == "__main__":
    main()
