"""Annotate articles by hand and check the annotations: templates, the validator, the CLI.

- ``sheets``: the annotation sheet of one article (every sentence, the machine's figures
  pre-listed or none for blind annotation), reading a filled sheet, adding it to the gold;
- ``rows``: the checks of one gold row (figure columns, attribution columns);
- ``check``: the checks of a whole annotations folder (``make check-annotations``) or a sheet;
- ``vocab``: the guide's fixed vocabularies and the study's labels;
- ``__main__``: ``python -m helpers.annotate template|check|add`` (``make annotate``).

The gold format itself is read by ``helpers.evaluate.gold``; the rules are those of
``docs/annotation-guide.md``.
"""

from __future__ import annotations

from helpers.annotate.check import CheckResult, check_annotations, check_sheet
from helpers.annotate.sheets import (
    SHEET_COLUMNS,
    Sheet,
    add_sheet,
    make_template,
    read_sheet,
)
from helpers.annotate.vocab import (
    CHANGES,
    KINDS,
    VAGUE_BOUNDS,
    Vocabulary,
    default_study,
    load_vocabulary,
    vocabulary_for,
)

__all__ = [
    "CHANGES",
    "KINDS",
    "SHEET_COLUMNS",
    "VAGUE_BOUNDS",
    "CheckResult",
    "Sheet",
    "Vocabulary",
    "add_sheet",
    "check_annotations",
    "check_sheet",
    "default_study",
    "load_vocabulary",
    "make_template",
    "read_sheet",
    "vocabulary_for",
]
