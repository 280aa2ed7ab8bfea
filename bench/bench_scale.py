"""Scale benchmark: a synthetic corpus of N articles through the per-article pass (``make
bench-scale N=20000``), then 10 articles added to it, with time, throughput, memory and size.

Run from the project root::

    .venv/bin/python bench/bench_scale.py --n 20000 [--engine local|dask] [--workers 0]
        [--profile 200] [--report] [--work DIR] [--keep]

It writes the corpus with ``bench/make_corpus.py`` into a fresh folder under the system's
temporary folder (``$TMPDIR``, usually ``/tmp/news-figures-scale-*``; ``--work`` chooses
another, outside the repository), runs :func:`helpers.pipeline.run` on it and prints the
seconds of each stage, MB/s of raw text, the peak memory of the whole process tree (this
process and every worker, polled with psutil: the sum of RSS, and of PSS, which counts pages
that forked workers share once) and the size of the outputs. Then it adds 10 new articles
(``make_corpus.py --start N --n 10``) and runs again: the incremental case. ``--report`` also
runs ``make report`` on the corpus (``STUDY=general-news``) and measures it the same way, with
the seconds of each notebook, then again on the same OUT after the 10 articles are added (the
incremental report);
``--profile K`` profiles the per-article pass on K articles in this process (cProfile) and
lists where its time goes. The folder is deleted at the end unless ``--keep``.

Numbers are measurements of one run on a machine that may be shared, not assertions.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from helpers import pipeline
from helpers.paths import PROJECT_ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402 - the corpus writer beside this file

ADDED = 10  # articles added for the incremental case
STUDY = "general-news"


class TreeMemory:
    """Peak memory of a process and all its descendants, polled in a thread."""

    def __init__(self, pid: int | None = None, every: float = 1.0) -> None:
        self.root = psutil.Process(pid or os.getpid())
        self.every = every
        self.peak_rss = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _sample(self) -> None:
        rss = pss = 0
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for process in processes:
            try:
                info = process.memory_full_info()
            except psutil.Error:
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)

    def _poll(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def folder_bytes(folder: Path) -> int:
    """The bytes of every file below ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def measure_pass(raw: Path, processed: Path, args, label: str) -> dict:
    """Run the per-article pass once and return its measurements."""
    started = time.perf_counter()
    with TreeMemory() as memory:
        done = pipeline.run(
            raw,
            processed,
            study=STUDY,
            engine=args.engine,
            workers=args.workers,
            progress=not args.quiet,
        )
    seconds = time.perf_counter() - started
    raw_bytes = folder_bytes(raw)
    row = {
        "case": label,
        "articles": done.articles,
        "processed": done.processed,
        "reused": done.reused,
        "refused": done.refused,
        "seconds": round(seconds, 1),
        "stages": {k: round(v, 1) for k, v in done.seconds.items()},
        "article_stage_cpu_seconds": {k: round(v, 1) for k, v in done.stage_seconds.items()},
        "raw_mb": round(raw_bytes / 1e6, 1),
        "mb_per_s": round(raw_bytes / 1e6 / seconds, 2),
        "peak_rss_mb": round(memory.peak_rss / 1e6),
        "peak_pss_mb": round(memory.peak_pss / 1e6),
        "output_mb": round(folder_bytes(processed) / 1e6, 1),
        "workers": done.workers,
        "engine": done.engine,
    }
    print(
        f"\n{label}: {done.summary()}\n"
        f"  {seconds:.1f} s in all, {row['mb_per_s']} MB/s of raw text ({mb(raw_bytes)}); "
        f"stages: {', '.join(f'{k} {v:.1f} s' for k, v in done.seconds.items())}\n"
        f"  peak memory of the process tree: {row['peak_pss_mb']:,} MB PSS "
        f"({row['peak_rss_mb']:,} MB summed RSS); output {row['output_mb']:,} MB"
    )
    cpu = done.stage_seconds
    if cpu and done.processed:
        total = sum(cpu.values())
        ranked = sorted(cpu.items(), key=lambda x: -x[1])
        shares = ", ".join(
            f"{k} {v / done.processed * 1000:.0f} ms ({v / total:.0%})" for k, v in ranked
        )
        serial = seconds - done.seconds.get("articles", 0.0)
        idle = serial + total / max(1, done.workers)
        row["cpu_ms_per_article"] = round(total / done.processed * 1000)
        row["idle_estimate_seconds"] = round(idle, 1)
        print(
            f"  CPU per article, by stage: {total / done.processed * 1000:.0f} ms in all: "
            f"{shares}\n  on {done.workers} idle cores this run would take about {idle:.0f} s "
            f"(the run's serial stages, {serial:.0f} s, plus the workers' CPU time shared out)"
        )
    return row


NOTEBOOK_STARTED = re.compile(r"\[(\d+)/(\d+)\] (\S+\.ipynb) \.\.\.")  # [1/6] 01-x.ipynb ...
NOTEBOOK_BESIDE = re.compile(r"\[\d+/\d+\] (\S+\.ipynb) done in ([\d.]+) s")  # side by side
NOTEBOOK_DONE = re.compile(r"done in ([\d.]+) s")  # the runner's "done in 12.3 s"


def notebook_seconds(lines: list[str]) -> dict[str, float]:
    """``{notebook: seconds}`` from the runner's output lines: "[k/n] NN-name.ipynb ... done
    in S s" for a notebook that runs alone (with whatever it prints in between), and "[k/n]
    NN-name.ipynb done in S s" for one that ran beside others."""
    seconds: dict[str, float] = {}
    current = None
    for line in lines:
        beside = NOTEBOOK_BESIDE.search(line)
        if beside:
            seconds[beside.group(1)] = float(beside.group(2))
            continue
        started = NOTEBOOK_STARTED.search(line)
        if started:
            current = started.group(3)
            line = line[started.end() :]
        done = NOTEBOOK_DONE.search(line)
        if done and current is not None:
            seconds[current] = float(done.group(1))
            current = None
    return seconds


def measure_report(raw: Path, out: Path, args, label: str = "make report") -> dict:
    """Run ``make report`` on the corpus and return its measurements, with the seconds of each
    notebook read off the runner's output (which is shown as it comes)."""
    command = ["make", "--no-print-directory", "report", f"RAW={raw}", f"OUT={out}",
               f"STUDY={STUDY}", f"ENGINE={args.engine}"]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True, errors="replace"
    )
    lines: list[str] = []
    with TreeMemory(process.pid) as memory:
        for line in process.stdout:
            print(line, end="", flush=True)
            lines.append(line)
        code = process.wait()
    seconds = time.perf_counter() - started
    row = {
        "case": label,
        "exit_code": code,
        "seconds": round(seconds, 1),
        "notebook_seconds": notebook_seconds(lines),
        "peak_rss_mb": round(memory.peak_rss / 1e6),
        "peak_pss_mb": round(memory.peak_pss / 1e6),
        "output_mb": round(folder_bytes(out) / 1e6, 1) if out.exists() else 0,
    }
    shown = ", ".join(f"{name} {s:.1f} s" for name, s in row["notebook_seconds"].items())
    print(f"\n{label}: exit {code}, {seconds:.1f} s ({shown or 'no notebook ran'}), peak "
          f"{row['peak_pss_mb']:,} MB PSS ({row['peak_rss_mb']:,} MB RSS), output "
          f"{row['output_mb']:,} MB")  # fmt: skip
    return row


def profile_pass(raw: Path, k: int, top: int = 25) -> None:
    """Profile the per-article pass on the first ``k`` articles, in this process."""
    plan = pipeline.plan_corpus(raw, progress=False)
    settings = pipeline.Settings(
        study=STUDY,
        manifest_name=plan.manifest_name,
        manifest_columns=plan.manifest_columns,
        options=plan.options,
    )
    items = plan.items[:k]
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for item in items:
        pipeline.process_article(item, settings)
    profiler.disable()
    seconds = time.perf_counter() - started
    print(f"\nprofile of the per-article pass on {len(items)} articles: {seconds:.1f} s, "
          f"{seconds / max(1, len(items)) * 1000:.0f} ms per article, one core")  # fmt: skip
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():
        if "/helpers/" in filename and "/pipeline/" not in filename:
            where = filename.split("/helpers/", 1)[1]
            rows.append((cumtime, tottime, calls, f"helpers/{where}:{line}({name})"))
    print(f"{'cumulative s':>12} {'own s':>8} {'calls':>9}  function (library code only)")
    for cumtime, tottime, calls, label in sorted(rows, reverse=True)[:top]:
        print(f"{cumtime:12.2f} {tottime:8.2f} {calls:9d}  {label}")
    print("\nown time, any code:")
    stats.sort_stats("tottime").print_stats(12)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20000, help="articles in the corpus")
    parser.add_argument("--engine", default="local", choices=pipeline.ENGINES)
    parser.add_argument("--workers", type=int, default=0, help="0: every core")
    parser.add_argument("--work", type=Path, help="folder for the corpus and outputs")
    parser.add_argument("--keep", action="store_true", help="keep the folder at the end")
    parser.add_argument("--report", action="store_true", help="also run make report on it")
    parser.add_argument("--profile", type=int, default=0, help="profile K articles first")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument("--json", type=Path, help="write the measurements to this file")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="news-figures-scale-"))
    if PROJECT_ROOT.resolve() in [work.resolve(), *work.resolve().parents]:
        parser.error(f"--work {work} is inside the repository; give a folder outside it")
    raw, processed = work / "raw", work / "processed"
    print(f"work folder: {work} (cpu cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.1f})")
    started = time.perf_counter()
    make_corpus.write_corpus(raw, args.n)
    print(f"corpus: {args.n} articles, {mb(folder_bytes(raw))}, written in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    results = {"n": args.n, "load_before": os.getloadavg()[0], "runs": []}
    try:
        if args.profile:
            profile_pass(raw, args.profile)
        results["runs"].append(measure_pass(raw, processed, args, f"{args.n} articles, first run"))
        results["runs"].append(measure_pass(raw, processed, args, "the same again (all cached)"))
        if args.report:
            results["runs"].append(measure_report(raw, work / "report", args))
        make_corpus.write_corpus(raw, ADDED, start=args.n)
        label = f"{ADDED} articles added to {args.n}"
        results["runs"].append(measure_pass(raw, processed, args, label))
        if args.report:
            label = f"make report again, {ADDED} articles added"
            results["runs"].append(measure_report(raw, work / "report", args, label))
        results["load_after"] = os.getloadavg()[0]
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print("\n" + json.dumps(results["runs"], indent=1))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
