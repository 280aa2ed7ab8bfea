"""Notebooks 02 and 05 read the pass's tables bucket by bucket and keep per-bucket results in
the folder the runner gives them (``cache_dir``): they declare the parameter, pass it to the
library, and notebook 05 no longer loads the whole sentence table."""

import json

import pytest

from fixtures import TEST_DATA_DIR

NOTEBOOKS = TEST_DATA_DIR.parent.parent / "notebooks"


def _notebook(name):
    return json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))


def _code(nb):
    return ["".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == "code"]


@pytest.mark.parametrize("name", ["02-extract-figures.ipynb", "05-language-and-framing.ipynb"])
def test_the_notebook_takes_a_cache_folder_and_uses_it(name):
    nb = _notebook(name)
    parameters = next(
        "".join(c["source"]) for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])
    )
    assert 'cache_dir: str = ""  # ' in parameters
    body = "\n".join(_code(nb)).replace(parameters, "")
    assert body.count("cache_dir=cache_dir") >= (2 if name.startswith("05") else 1)


def test_notebook_05_reads_no_whole_sentence_table():
    nb = _notebook("05-language-and-framing.ipynb")
    code = "\n".join(_code(nb))
    assert "load_table" not in code and "count_corpus(" not in code
    assert "count_buckets(" in code and "find_in_buckets(" in code
