"""Run the numbered notebooks with papermill, in order, incrementally and reproducibly.

``python -m helpers.runner`` (what ``make report`` calls) executes ``notebooks/NN-*.ipynb``
in number order, passing the folders into each notebook's ``parameters`` cell. Each executed
copy is written to a temporary file, stripped of run times and random ids, then moved to
``<out>/notebooks/``, with an HTML copy in ``<out>/html/``. A notebook reruns only when its
source, the library, the lock file, the inputs or an earlier notebook changed; with nothing
changed the run says it is up to date. A failing notebook stops the run with its name, the
failing cell and the error, and leaves the previous good executed copy in place.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.io import atomic_write_bytes, write_json

NOTEBOOK_NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.ipynb$")  # e.g. 02-extract-figures.ipynb
STATE_FILE = ".runner-state.json"
EXTERNAL_SCRIPT = re.compile(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>\s*')
# a progress bar line as tqdm draws it: " 40%|████      | 2/5 [00:01<00:02,  1.2it/s]"
PROGRESS_BAR = re.compile(r"\|\s*\d+/\d+\s*\[")
# ipykernel warns on every start that its local TCP sockets are unencrypted; the kernel
# only ever listens on this machine for the run, so keep its log to errors.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
VOLATILE_CELL_KEYS = ("execution", "papermill")
VOLATILE_NOTEBOOK_KEYS = ("papermill",)


class NotebookFailed(RuntimeError):
    """A notebook raised: carries the notebook name, the failing cell and the error."""


@dataclass(frozen=True)
class RunPlan:
    """Folders of one run; paths passed to notebooks are relative to the notebooks folder."""

    notebooks_dir: Path
    raw_dir: Path
    processed_dir: Path
    annotations_dir: Path
    out_dir: Path
    max_file_mb: int = 10
    library_dir: Path = paths.PROJECT_ROOT / "src" / "helpers"  # code every notebook imports

    def parameters(self) -> dict[str, str | int]:
        """The values injected into every notebook's parameters cell."""
        base = self.notebooks_dir

        def rel(path: Path) -> str:
            return os.path.relpath(path, base)

        return {
            "raw_dir": rel(self.raw_dir),
            "processed_dir": rel(self.processed_dir),
            "annotations_dir": rel(self.annotations_dir),
            "reports_dir": rel(self.out_dir),
            "max_file_mb": self.max_file_mb,
        }


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """The ``NN-name.ipynb`` notebooks of ``notebooks_dir`` in number order."""
    found = sorted(p for p in notebooks_dir.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if not found:
        raise FileNotFoundError(f"no NN-name.ipynb notebooks in {notebooks_dir}")
    return found


def hash_files(files: list[Path], root: Path | None = None) -> str:
    """sha256 over the names (relative to ``root``) and bytes of ``files``, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        name = str(path.relative_to(root)) if root else path.name
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _files_below(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def shared_fingerprint(plan: RunPlan) -> str:
    """What every notebook depends on: library code, lock file, raw data, annotations, folders."""
    root = paths.PROJECT_ROOT
    library = [p for p in _files_below(plan.library_dir) if p.suffix in {".py", ".txt"}]
    project = [p for p in (root / "requirements.lock", root / "pyproject.toml") if p.exists()]
    digest = hashlib.sha256()
    digest.update(hash_files(library, plan.library_dir).encode())
    digest.update(hash_files(project, root).encode())
    digest.update(hash_files(_files_below(plan.raw_dir), plan.raw_dir).encode())
    digest.update(hash_files(_files_below(plan.annotations_dir), plan.annotations_dir).encode())
    digest.update(json.dumps(plan.parameters(), sort_keys=True).encode())
    return digest.hexdigest()


def normalise_notebook(nb) -> None:
    """Strip what differs between two runs of the same notebook: run times, ids, progress bars."""
    for key in VOLATILE_NOTEBOOK_KEYS:
        nb.metadata.pop(key, None)
    for index, cell in enumerate(nb.cells):
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
        elif not cell.get("id"):
            cell["id"] = f"cell-{index}"
        if cell.cell_type == "code":
            cell.outputs = _steady_outputs(cell.outputs)


def _steady_outputs(outputs: list) -> list:
    """Outputs without progress bars, and with each run of one stream joined into one output.

    How a stream is cut into messages depends on timing, so two runs agree only once the
    pieces are joined; progress bars (tqdm on stderr) carry timings and are dropped.
    """
    steady: list = []
    for out in outputs:
        if out.get("output_type") != "stream":
            steady.append(out)
            continue
        text = out["text"]
        if out.get("name") == "stderr":
            pieces = re.split(r"(?<=[\r\n])", text)
            text = "".join(piece for piece in pieces if not PROGRESS_BAR.search(piece))
            if not text.strip():
                continue
        previous = steady[-1] if steady else None
        if (
            previous is not None
            and previous.get("output_type") == "stream"
            and (previous.get("name") == out.get("name"))
        ):
            previous["text"] += text
        else:
            out["text"] = text
            steady.append(out)
    return steady


def _failure_message(name: str, error: Exception) -> str:
    cell = getattr(error, "exec_count", None)
    ename = getattr(error, "ename", type(error).__name__)
    evalue = getattr(error, "evalue", str(error))
    where = f"cell [{cell}]" if cell is not None else "a cell"
    source = getattr(error, "source", "") or ""
    first_line = source.strip().splitlines()[0] if source.strip() else ""
    detail = f" ({first_line})" if first_line else ""
    return f"{name} failed in {where}{detail}: {ename}: {evalue}"


def execute_notebook(source: Path, plan: RunPlan) -> tuple[bytes, bytes]:
    """Execute ``source`` with papermill; return the normalised executed notebook and its HTML."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    with tempfile.TemporaryDirectory(prefix="news-figures-run-") as tmp:
        executed = Path(tmp) / source.name
        declared = papermill.inspect_notebook(str(source))
        parameters = {k: v for k, v in plan.parameters().items() if k in declared}
        try:
            papermill.execute_notebook(
                str(source),
                str(executed),
                parameters=parameters,
                kernel_name=paths.KERNEL_NAME,
                language="python",
                cwd=str(plan.notebooks_dir),
                progress_bar=sys.stderr.isatty(),  # cell by cell, for a person watching
                log_output=False,
                extra_arguments=KERNEL_ARGUMENTS,
            )
        except papermill.PapermillExecutionError as error:
            raise NotebookFailed(_failure_message(source.name, error)) from None
        nb = nbformat.read(executed, as_version=4)
    normalise_notebook(nb)
    notebook_bytes = (nbformat.writes(nb) + "\n").encode("utf-8")
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    html = EXTERNAL_SCRIPT.sub("", html)
    return notebook_bytes, html.encode("utf-8")


def notebook_fingerprints(notebooks: list[Path], shared: str) -> dict[str, str]:
    """One fingerprint per notebook, chained so a change upstream marks everything after it."""
    fingerprints: dict[str, str] = {}
    previous = shared
    for source in notebooks:
        previous = hashlib.sha256(previous.encode() + source.read_bytes()).hexdigest()
        fingerprints[source.name] = previous
    return fingerprints


def _is_current(source: Path, fingerprints: dict[str, str], state: dict, plan: RunPlan) -> bool:
    executed = plan.out_dir / "notebooks" / source.name
    html = plan.out_dir / "html" / f"{source.stem}.html"
    return (
        state.get(source.name) == fingerprints[source.name] and executed.exists() and html.exists()
    )


def load_state(out_dir: Path) -> dict[str, str]:
    """Fingerprints of the notebooks the last successful runs produced."""
    path = out_dir / STATE_FILE
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def _echo_corpus_messages(plan: RunPlan, echo) -> None:
    """Repeat what reading the corpus said (refused files, decodings, bad manifest rows)."""
    path = plan.processed_dir / paths.CORPUS_MESSAGES_TXT
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    if lines:
        echo(f"Reading the corpus said ({len(lines)}; see articles.csv):")
        for line in lines:
            echo(f"  {line}")


def run(plan: RunPlan, force: bool = False, echo=print) -> int:
    """Run every notebook whose inputs changed, then rebuild the report page and manifest.

    Returns the number of notebooks executed. Raises :class:`NotebookFailed` on the first
    failing notebook, after recording the ones that succeeded.
    """
    from helpers import report

    if not plan.raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {plan.raw_dir} does not exist (set RAW=...)")
    notebooks = find_notebooks(plan.notebooks_dir)
    state = {} if force else load_state(plan.out_dir)
    fingerprints = notebook_fingerprints(notebooks, shared_fingerprint(plan))
    report_key = fingerprints[notebooks[-1].name]
    stale = [source for source in notebooks if not _is_current(source, fingerprints, state, plan)]
    if not any(plan.processed_dir.glob("*.csv")):
        stale = notebooks  # the processed data was deleted: rebuild it all
    if not stale and state.get("report") == report_key and (plan.out_dir / "index.html").exists():
        echo(f"Report is up to date: {len(notebooks)} notebooks, nothing changed ({plan.out_dir}).")
        return 0

    # A notebook reads what earlier ones wrote, so everything after the first stale one reruns.
    todo = notebooks[notebooks.index(stale[0]) :] if stale else []
    for number, source in enumerate(todo, start=1):
        echo(f"[{number}/{len(todo)}] {source.name} ...", end=" ", flush=True)
        started = time.perf_counter()
        try:
            notebook_bytes, html_bytes = execute_notebook(source, plan)
        except NotebookFailed:
            echo("FAILED")
            write_json(plan.out_dir / STATE_FILE, state)
            raise
        atomic_write_bytes(plan.out_dir / "notebooks" / source.name, notebook_bytes)
        atomic_write_bytes(plan.out_dir / "html" / f"{source.stem}.html", html_bytes)
        state[source.name] = fingerprints[source.name]
        write_json(plan.out_dir / STATE_FILE, state)
        echo(f"done in {time.perf_counter() - started:.1f} s")
    _echo_corpus_messages(plan, echo)
    echo("Writing the report page and manifest ...", end=" ", flush=True)
    report.build_report(plan)
    state["report"] = report_key
    write_json(plan.out_dir / STATE_FILE, state)
    echo(f"done: open {plan.out_dir / 'index.html'}")
    return len(todo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.runner", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--raw", default=str(paths.RAW_DIR), help="folder of .txt articles")
    parser.add_argument("--out", default=str(paths.REPORTS_DIR), help="report folder")
    parser.add_argument(
        "--processed",
        default="",
        help="processed-data folder (default: data/processed, or OUT/processed)",
    )
    parser.add_argument("--annotations", default=str(paths.ANNOTATIONS_DIR), help="gold standards")
    parser.add_argument("--notebooks", default=str(paths.NOTEBOOKS_DIR), help="source notebooks")
    parser.add_argument("--max-file-mb", type=int, default=10, help="refuse larger raw files")
    parser.add_argument("--force", action="store_true", help="rerun every notebook")
    args = parser.parse_args(argv)
    base = Path.cwd()
    out_dir = paths.resolve(args.out, base)
    if args.processed:
        processed = paths.resolve(args.processed, base)
    elif out_dir == paths.REPORTS_DIR.resolve():
        processed = paths.PROCESSED_DIR
    else:
        processed = out_dir / "processed"
    plan = RunPlan(
        notebooks_dir=paths.resolve(args.notebooks, base),
        raw_dir=paths.resolve(args.raw, base),
        processed_dir=processed,
        annotations_dir=paths.resolve(args.annotations, base),
        out_dir=out_dir,
        max_file_mb=args.max_file_mb,
    )
    try:
        run(plan, force=args.force)
    except NotebookFailed as error:
        print(f"\nmake report stopped: {error}", file=sys.stderr)
        print(
            f"The previous good outputs are still in {plan.out_dir}. Open the notebook in "
            "JupyterLab (make lab) to see the failing cell.",
            file=sys.stderr,
        )
        return 1
    except FileNotFoundError as error:
        print(f"make report stopped: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
