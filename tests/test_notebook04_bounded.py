"""Notebook 04 never holds the claims or figures table whole: it reads them bucket by bucket
(helpers.pipeline.memo.map_parts, helpers.charts.cached_buckets, each bucket's share kept in
cache_dir) and draws its claim charts with helpers.charts.claim_charts, whose rows equal the
whole-table charts (tests/test_charts_stream.py, tests/test_charts_buckets.py)."""

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
    assert re.search(r"cached_buckets\(processed_dir, \"claims\", cache_dir\)", code)
    assert re.search(r"memo\.map_parts\(.*\n\s*processed_dir, table,", code)
    assert re.search(r"per_bucket\(\"figures\", charts\.article_counts, \[\"article_id\"\]\)", code)
    assert "charts.claim_charts(" in code and "charts.claim_rows(" not in code
