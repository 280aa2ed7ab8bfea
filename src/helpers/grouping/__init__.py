"""What each figure counts and what happened to it, and a study's topics and events.

- :func:`add_groups` gives every row of the figures table ``what`` (the counted thing, one name
  for one thing: people, customers, homes, distance, area, dollars, percent ...), ``happened``
  (the predicate nearest to it: killed, without power, burned, marched, rose ...) and
  ``group`` ("people killed", "customers without power"), with no study at all; a study's
  ``groups:`` rules rename and merge groups.
- :func:`add_topics` gives every claim the ``topic`` and ``event`` of a study's rules
  (``topics:`` and ``events:`` of its study file).
- :func:`group_rows` and :func:`topic_rows` give the same values for one article's rows as
  plain dicts, without a DataFrame (the per-article pass).

The lexicons are package data (``data/what.yml``, ``data/predicates.yml``): generic English,
nothing of one story. The package is split by job: ``lexicon`` (reading them), ``what``,
``happened``, ``groups`` and ``topics``.
"""

from __future__ import annotations

from helpers.grouping.groups import (
    GROUP_COLUMNS,
    add_groups,
    conversions,
    group_counts,
    group_label,
    group_rows,
)
from helpers.grouping.happened import nearest, predicate_spans
from helpers.grouping.lexicon import LexiconError, predicates, what_lexicon
from helpers.grouping.topics import TOPIC_COLUMNS, add_topics, event_of, topic_of, topic_rows
from helpers.grouping.what import (
    COUNT_KINDS,
    PEOPLE,
    PLACES,
    TIME_KINDS,
    is_time,
    panel_of,
    panel_values,
    plural,
    what_of,
)

__all__ = [
    "COUNT_KINDS",
    "PEOPLE",
    "PLACES",
    "GROUP_COLUMNS",
    "TIME_KINDS",
    "TOPIC_COLUMNS",
    "LexiconError",
    "add_groups",
    "add_topics",
    "conversions",
    "event_of",
    "group_counts",
    "group_label",
    "group_rows",
    "is_time",
    "nearest",
    "panel_of",
    "panel_values",
    "plural",
    "predicate_spans",
    "predicates",
    "topic_of",
    "topic_rows",
    "what_lexicon",
    "what_of",
]
