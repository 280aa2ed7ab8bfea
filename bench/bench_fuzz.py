"""Slow-input benchmark: generated hostile texts through extract_figures and extract_claims.

Run from the project root: ``.venv/bin/python bench/bench_fuzz.py [--n 100000] [--workers N]``.

Generates ``--n`` texts (seeded, so every run sees the same ones) of the shapes that make
regular expressions backtrack: runs of capitals, separators and punctuation, repeated words
and reporting verbs, numbers with hyphens, quotes and brackets, mixed with pieces of news.
Each text goes through both functions under a time limit, in ``--workers`` processes (default:
every core); the benchmark prints, per function, the crashes (any exception; must be 0), the
time-outs, the worst time per KB and the CPU time spent. Inputs under 1 KB count as 1 KB, so
that a timer tick on a 20-byte text does not read as seconds per KB; times are CPU times of
the worker (``time.process_time``), so other work on the machine does not count, and the
slowest inputs are timed again (best of three) so that one pause does not pass for a cost.
The target (issue 13) is 0 crashes and a worst case under 50 ms per KB. Inputs that crash or
are the slowest are printed (shortened) so that they can be reproduced.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Callable

from helpers.budget import ArticleTimeout, time_limit
from helpers.claims import extract_claims
from helpers.figures import extract_figures

PIECES = [
    "said", "says", "told", "according to", "citing", "who cited", "as reported by",
    "Officials", "officials", "Mr.", "Ms.", "Dr.", "Gov.", "U.S.", "(FEMA)", "the", "a",
    "also", "in a", "on Monday", "that", "he", "it", "they", "estimates", "put the figure at",
    "claimed", "found", "drones", "people", "1", "12", "1,000", "4.5 million", "-", " - ",
    "12-18", "between", "and", "hundreds of", "one", "two", "percent", "%", "$", ",", ", ",
    ".", "!", "?", ";", ":", '"', "\u201c", "\u201d", "'", "(", ")", "\n", "\n\n", "#",
    "ISSUED BY THE AIR FORCE COMMAND", "A", "AAAA", " ", "  ",
    "The county said 300 homes were flooded.", '"We lost 12," the mayor said.',
    "Supt.", "Det Insp", "(R-Ohio)", "people familiar with", "of the", "saying",
    "declined to confirm", "would not say", "a figure first reported by", "'s",
]  # fmt: skip
CAPITALS = "ABCDEFGHIJ .'-"
DIGITS = "0123456789 -,.%"
TARGET_MS_PER_KB = 50.0
LIMIT_SECONDS = 10.0  # one call longer than this is a time-out (and a failure)
CHUNK = 500  # inputs per task sent to a worker
RETIME = 10  # slowest inputs timed again (best of 3), so that a pause of the machine or the
# garbage collector during one call does not pass for the cost of the input
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "extract_figures": extract_figures,
    "extract_claims": extract_claims,
}


def generate(rng: random.Random) -> str:
    """One hostile text of a few runs: most under 160 characters, 1 in 20 up to 1.5 KB and
    1 in 250 up to 8 KB (the long ones show how the cost grows with length)."""
    draw = rng.random()
    limit, repeats = (8000, 400) if draw < 0.004 else (1500, 60) if draw < 0.05 else (160, 8)
    runs = []
    for _ in range(rng.choice((1, 2, 3, 5, 8))):
        shape = rng.random()
        if shape < 0.4:
            piece = rng.choice(PIECES) + rng.choice(("", " ", ", "))
            runs.append(piece * rng.randint(1, repeats))
        elif shape < 0.6:
            runs.append("".join(rng.choices(CAPITALS, k=rng.randint(1, limit // 4))))
        elif shape < 0.8:
            runs.append("".join(rng.choices(DIGITS, k=rng.randint(1, limit // 4))))
        else:
            runs.append(rng.choice(PIECES))
    return " ".join(runs)[:limit]


def measure(texts: list[str]) -> dict[str, dict[str, object]]:
    """Run every function on every text: crashes, time-outs, worst ms/KB and CPU seconds."""
    results: dict[str, dict[str, object]] = {}
    for name, function in FUNCTIONS.items():
        crashes: list[tuple[str, str]] = []
        timeouts: list[str] = []
        slowest: list[tuple[float, str]] = []
        cpu = 0.0
        for text in texts:
            started = time.process_time()
            try:
                with time_limit(LIMIT_SECONDS, "one input"):
                    function(text)
            except ArticleTimeout:
                timeouts.append(text)
                continue
            except Exception as error:  # noqa: BLE001 - every exception is a crash to report
                crashes.append((f"{type(error).__name__}: {error}"[:120], text))
                continue
            spent = time.process_time() - started
            cpu += spent
            slowest.append((per_kb(spent, text), text))
        slowest = sorted(slowest, key=lambda s: s[0], reverse=True)[:RETIME]
        results[name] = {"crashes": crashes, "timeouts": timeouts, "slowest": slowest, "cpu": cpu}
    return results


def per_kb(seconds: float, text: str) -> float:
    """Milliseconds per KB of ``text`` (a text under 1 KB counts as 1 KB)."""
    return seconds * 1000 / max(len(text.encode()) / 1024, 1.0)


def retime(function: Callable[[str], object], text: str) -> float:
    """The best of three timings of one input, in ms per KB."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        function(text)
        best = min(best, time.process_time() - started)
    return per_kb(best, text)


def _warm() -> None:
    """Pay one-off imports and caches in each worker before anything is timed."""
    extract_claims('"Warm," the mayor said of the 5 people.')


def merge(parts: list[dict[str, dict[str, object]]]) -> dict[str, dict[str, object]]:
    """Fold the results of the chunks into one per function."""
    merged: dict[str, dict[str, object]] = {}
    for name in FUNCTIONS:
        own = [part[name] for part in parts]
        slowest = sorted((s for r in own for s in r["slowest"]), key=lambda s: -s[0])[:RETIME]
        retimed = [(retime(FUNCTIONS[name], text), text) for _, text in slowest]
        merged[name] = {
            "crashes": [c for r in own for c in r["crashes"]],
            "timeouts": [t for r in own for t in r["timeouts"]],
            "worst": max(retimed, default=(0.0, ""), key=lambda w: w[0]),
            "first": slowest[0][0] if slowest else 0.0,
            "cpu": sum(r["cpu"] for r in own),
        }
    return merged


def short(text: str) -> str:
    return repr(text[:100] + ("..." if len(text) > 100 else "")) + f" ({len(text)} chars)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    texts = [generate(rng) for _ in range(args.n)]
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    size = sum(len(t.encode()) for t in texts) / 1e6
    print(
        f"fuzz: {len(texts):,} generated inputs ({size:.1f} MB), seed {args.seed}, "
        f"{args.workers} worker(s)"
    )
    started = time.perf_counter()
    if args.workers > 1:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with context.Pool(args.workers, initializer=_warm) as pool:
            parts = list(pool.imap_unordered(measure, chunks))
    else:
        _warm()
        parts = [measure(chunk) for chunk in chunks]
    elapsed = time.perf_counter() - started
    _warm()
    failed = False
    for name, result in merge(parts).items():
        worst_ms, worst_text = result["worst"]
        crashes, timeouts = result["crashes"], result["timeouts"]
        ok = not crashes and not timeouts and worst_ms < TARGET_MS_PER_KB
        failed |= not ok
        print(
            f"  {name:16s} crashes {len(crashes):4d}  time-outs {len(timeouts):3d}  "
            f"worst {worst_ms:6.1f} ms/KB (target < {TARGET_MS_PER_KB:g})  "
            f"CPU {result['cpu']:6.1f} s  {'ok' if ok else 'FAIL'}"
        )
        print(f"    (slowest single timing {result['first']:.1f} ms/KB; worst is the best of 3)")
        print(f"    slowest input: {short(worst_text)}")
        for message, text in crashes[:3]:
            print(f"    crash: {message}\n      on {short(text)}")
        for text in timeouts[:3]:
            print(f"    time-out on {short(text)}")
    print(f"  wall time {elapsed:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
