"""The claims ledger and the tables built from claims: who gave which number for what.

The ledger lines up the numbers different sources gave for the same thing: every claim of
``claims.csv`` under its group (what was counted and what happened to it: "protesters took
part", "customers without power"), the study's event when the study has events, and a date
window of publication, so that "police: 1.1 million, unions: 2 million protesters" sit side by
side in one group.

- :func:`claims_ledger`: every claim with its group, window, panel, source, outlet, date and
  trace; :func:`ledger_comparison`: one row per group, window, panel and source, the values it
  gave; :func:`ledger_chart_data`: the labelled rows of the ledger chart, one panel per unit
  (``book``, ``compare`` and ``chart``);
- :func:`load_claims`: the claims the ledger counts, read bucket by bucket into a compact
  frame (``load``); :func:`load_ledger`: the ledger of them, never beside them (``book``);
- :func:`as_written`, :func:`write_in_row_groups`: the ledger's Parquet, a row group at a
  time (``write``);
- :func:`source_counts`, :func:`source_type_mix`, :func:`hedging_by_outlet`,
  :func:`sources_table`, :func:`denials`: who is quoted and how (``sources``).

A figure restated in a second unit ("75 miles (120 kilometers)": ``conversion_of`` >= 0) is
never counted twice: the ledger and every count leave it out. Wire copies of one story
(``duplicate_cluster`` of articles.csv, when present) are carried along and counted once by the
comparison and the chart. Every function takes frames and returns a new frame, except
:func:`load_claims` (reads the pass's claims) and :func:`write_in_row_groups` (writes the
ledger); nothing here draws (charts import this package, not the reverse).
"""

from __future__ import annotations

from helpers.ledger.book import (
    CLAIM_COLUMNS,
    COMPARISON_COLUMNS,
    LEDGER_COLUMNS,
    LEDGER_INPUT_COLUMNS,
    QUOTE_COLUMNS,
    UNDATED,
    WINDOWS,
    claims_ledger,
    date_window,
    default_window,
    group_panels,
    load_ledger,
)
from helpers.ledger.chart import (
    CHART_COLUMNS,
    MAX_CHART_ROWS,
    MAX_PANELS,
    MAX_ROWS_PER_GROUP,
    MAX_ROWS_PER_PANEL,
    chart_groups,
    ledger_chart_data,
    spread_by_value,
)
from helpers.ledger.common import (
    OUTLET_ITSELF_LABEL,
    OWN_FIGURE,
    UNKNOWN_OUTLET,
    compact,
    counted,
    source_names,
    stories,
)
from helpers.ledger.compare import ledger_comparison
from helpers.ledger.load import ClaimStats, load_claims, load_denials, quote_counts
from helpers.ledger.panels import time_context
from helpers.ledger.sources import (
    DISPUTED,
    denials,
    denials_by_article,
    hedging_by_outlet,
    source_counts,
    source_type_mix,
    sources_table,
)
from helpers.ledger.write import as_written, write_in_row_groups

__all__ = [
    "CHART_COLUMNS",
    "ClaimStats",
    "CLAIM_COLUMNS",
    "COMPARISON_COLUMNS",
    "DISPUTED",
    "MAX_CHART_ROWS",
    "LEDGER_COLUMNS",
    "LEDGER_INPUT_COLUMNS",
    "MAX_PANELS",
    "MAX_ROWS_PER_GROUP",
    "MAX_ROWS_PER_PANEL",
    "OUTLET_ITSELF_LABEL",
    "OWN_FIGURE",
    "QUOTE_COLUMNS",
    "UNDATED",
    "UNKNOWN_OUTLET",
    "WINDOWS",
    "chart_groups",
    "claims_ledger",
    "compact",
    "counted",
    "date_window",
    "default_window",
    "denials",
    "denials_by_article",
    "group_panels",
    "hedging_by_outlet",
    "ledger_chart_data",
    "ledger_comparison",
    "as_written",
    "write_in_row_groups",
    "load_claims",
    "load_ledger",
    "load_denials",
    "quote_counts",
    "source_counts",
    "source_names",
    "source_type_mix",
    "sources_table",
    "spread_by_value",
    "stories",
    "time_context",
]
