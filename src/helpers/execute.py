"""Execute one notebook with papermill and make the executed copy the same bytes every run.

:func:`execute_notebook` runs a source notebook with the parameters it declares, then passes
the executed copy through nbconvert preprocessors: ``ClearMetadataPreprocessor`` drops run
times and papermill's records, and :class:`SteadyOutputs` gives cells stable ids, joins the
pieces of each output stream, drops progress bars and writes the final folders where the run
used staging folders. It returns the notebook and its HTML copy (no external scripts). A cell
that raises becomes :class:`NotebookFailed`, whose message names the notebook, the cell and
the error.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbconvert.preprocessors import ClearMetadataPreprocessor, Preprocessor
from traitlets import Dict

from helpers import paths

EXTERNAL_SCRIPT = re.compile(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>\s*')
# a progress bar line as tqdm draws it: " 40%|████      | 2/5 [00:01<00:02,  1.2it/s]"
PROGRESS_BAR = re.compile(r"\|\s*\d+/\d+\s*\[")
# ipykernel warns on every start that its local TCP sockets are unencrypted; the kernel
# only ever listens on this machine for the run, so keep its log to errors.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
KEPT_CELL_METADATA = {"tags", "jupyter", "collapsed", "scrolled", "editable", "deletable", "name"}
KEPT_NOTEBOOK_METADATA = {"kernelspec", "language_info"}
VOLATILE_CELL_KEYS = ("execution", "papermill")  # also on markdown cells, which the clearer skips


class NotebookFailed(RuntimeError):
    """A notebook raised: the message carries the notebook name, the failing cell and the error."""


class QuietShutdownKernelManager(AsyncKernelManager):
    """A kernel manager that does not interrupt a finished kernel before shutting it down.

    jupyter_client sends SIGINT before its shutdown request; a kernel still flushing its last
    messages then logs "KeyboardInterrupt caught in kernel." on the terminal, which frightens
    readers for nothing. A kernel still running a cell is stopped by the shutdown's SIGTERM.
    """

    async def _async_interrupt_kernel(self) -> None:
        if getattr(self, "shutting_down", False):
            return
        await super()._async_interrupt_kernel()


class SteadyOutputs(Preprocessor):
    """Strip what differs between two runs of the same notebook.

    Cells get stable ids (``injected-parameters`` for papermill's cell, ``cell-N`` where a
    cell has none); each run of one output stream is joined into one output (how a run cuts a
    stream into messages depends on timing); progress bars on stderr (tqdm, which carries
    timings) are dropped; each key of ``replacements`` (a staging folder) is replaced by its
    value (the final folder) in sources and text outputs.
    """

    replacements = Dict(help="text to replace in sources and outputs: {old: new}")

    def preprocess_cell(self, cell, resources, index):
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
        elif not cell.get("id"):
            cell["id"] = f"cell-{index}"
        cell.source = self.replace_text(cell.source)
        if cell.cell_type == "code":
            cell.outputs = [self._replace_output(o) for o in _steady_outputs(cell.outputs)]
        return cell, resources

    def replace_text(self, text: str) -> str:
        for old in sorted(self.replacements, key=len, reverse=True):
            text = text.replace(old, self.replacements[old])
        return text

    def _replace_output(self, output):
        if "text" in output:
            output["text"] = self.replace_text(output["text"])
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/") and isinstance(value, str):
                output["data"][mime] = self.replace_text(value)
        if "traceback" in output:
            output["traceback"] = [self.replace_text(line) for line in output["traceback"]]
        if "evalue" in output:
            output["evalue"] = self.replace_text(output["evalue"])
        return output


def _steady_outputs(outputs: list) -> list:
    """Outputs without progress bars, and with each run of one stream joined into one output."""
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
            and previous.get("name") == out.get("name")
        ):
            previous["text"] += text
        else:
            out["text"] = text
            steady.append(out)
    return steady


def normalise_notebook(nb, replacements: dict[str, str] | None = None):
    """``nb`` without run times, ids that change, stream cuts, progress bars or staging paths
    (also changed in place)."""
    clear = ClearMetadataPreprocessor(
        preserve_cell_metadata_mask=KEPT_CELL_METADATA,
        preserve_nb_metadata_mask=KEPT_NOTEBOOK_METADATA,
    )
    nb, _ = clear.preprocess(nb, {})
    nb, _ = SteadyOutputs(replacements=replacements or {}).preprocess(nb, {})
    normal = nbformat.from_dict(nb)  # the clearer leaves plain dicts behind
    nb.metadata = normal.metadata
    nb.cells = normal.cells
    return nb


def failure_message(name: str, error: Exception) -> str:
    """ "02-extract-figures.ipynb failed in cell [4] (figures = ...): ValueError: ..."."""
    cell = getattr(error, "exec_count", None)
    ename = getattr(error, "ename", type(error).__name__)
    evalue = getattr(error, "evalue", str(error))
    where = f"cell [{cell}]" if cell is not None else "a cell"
    source = getattr(error, "source", "") or ""
    first_line = source.strip().splitlines()[0] if source.strip() else ""
    detail = f" ({first_line})" if first_line else ""
    return f"{name} failed in {where}{detail}: {ename}: {evalue}"


_EXPORT_LOCK = threading.Lock()


@cache
def _html_exporter():
    """One exporter for the run: building its templates costs more than one notebook's page."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab")


@cache
def _keep_the_process_folder() -> None:
    """Stop papermill changing the folder of the whole process around its reads and writes.

    Its local file handler (one for the process) changes into the folder it was last given
    around every read and write of a notebook; with notebooks side by side in threads, the
    folders it is given cross, and the process's folder flips while other threads work. Every
    path given to papermill here is absolute, so the handler is told to stay where it is.
    """
    from papermill.iorw import LocalHandler

    LocalHandler.cwd = lambda self, new_path: None


def execute_notebook(
    source: Path,
    parameters: dict,
    cwd: Path,
    scratch: Path,
    replacements: dict[str, str] | None = None,
    progress_bar: bool = False,
) -> tuple[bytes, bytes]:
    """Run ``source`` in ``cwd`` with the ``parameters`` it declares; return the normalised
    executed notebook and its HTML. ``scratch`` is a folder for papermill's working copy."""
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient.exceptions import DeadKernelError

    _keep_the_process_folder()

    executed = scratch / source.name
    declared = papermill.inspect_notebook(str(source))
    steady = SteadyOutputs(replacements=replacements or {})
    try:
        papermill.execute_notebook(
            str(source),
            str(executed),
            parameters={k: v for k, v in parameters.items() if k in declared},
            kernel_name=paths.KERNEL_NAME,
            language="python",
            # The kernel starts in ``cwd`` (nbclient reads it from the resources); papermill's
            # own ``cwd=`` would chdir the whole process, which notebooks run side by side in
            # threads share: one ending would move the next one's kernel to another folder.
            resources={"metadata": {"path": str(cwd)}},
            progress_bar=progress_bar,
            log_output=False,
            extra_arguments=KERNEL_ARGUMENTS,
            kernel_manager_class=QuietShutdownKernelManager,
        )
    except papermill.PapermillExecutionError as error:
        raise NotebookFailed(steady.replace_text(failure_message(source.name, error))) from None
    except NoSuchKernel:
        raise NotebookFailed(
            f"{source.name} could not start: the Jupyter kernel '{paths.KERNEL_NAME}' is not "
            "installed (make setup installs it)"
        ) from None
    except DeadKernelError as error:
        raise NotebookFailed(
            f"{source.name} failed: its kernel died ({error}); was the machine out of memory?"
        ) from None
    nb = normalise_notebook(nbformat.read(executed, as_version=4), replacements)
    executed.unlink(missing_ok=True)
    notebook_bytes = (nbformat.writes(nb) + "\n").encode("utf-8")
    with _EXPORT_LOCK:  # notebooks that run side by side share the one exporter
        html, _ = _html_exporter().from_notebook_node(nb)
    return notebook_bytes, EXTERNAL_SCRIPT.sub("", html).encode("utf-8")
