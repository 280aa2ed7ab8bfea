"""Notebook 04 never holds the claims or figures table whole: it reads them bucket by bucket
(helpers.pipeline.iter_parts) and draws its claim charts with helpers.charts.claim_charts, whose
rows equal the whole-table charts (tests/test_charts_stream.py)."""

from __future__ import annotations

import json
import re

from helpers import paths


def _code() -> str:
    path = paths.NOTEBOOKS_DIR / "04-chart-figures.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_notebook_04_reads_claims_and_figures_part_by_part():
    code = _code()
    assert not re.search(r"load_table\([^)]*\"(?:claims|figures)\"", code)
    assert re.search(r"iter_parts\(processed_dir, \"claims\"", code)
    assert re.search(r"iter_parts\(processed_dir, \"figures\", \[\"article_id\"\]\)", code)
    assert "charts.claim_charts(" in code and "charts.claim_rows(" not in code
