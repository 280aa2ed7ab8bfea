"""The labels of attribution: claim columns, speaker kinds, and the vocabularies it speaks.

``SOURCE_TYPES``, ``STANCES`` and ``OUTLET_ITSELF`` are the library's generic vocabulary
(:mod:`helpers.vocabulary`); a study renames the source types (``Study.type_label``).
"""

from __future__ import annotations

from helpers.vocabulary import OUTLET_ITSELF, SOURCE_TYPES, STANCES

# The attribution columns of a claim, in the order of claims.csv (after the figure columns).
CLAIM_COLUMNS = ("source", "source_canonical", "source_type", "via", "cue", "hedges", "stance")
# The article columns claims.csv adds after them.
ARTICLE_COLUMNS = ("outlet", "published")

# Kinds of speaker, for resolving "he", "they", "it", "the report" (vocabulary.ACTOR_KINDS plus
# documents, which only attribution needs).
PERSON = "person"
GROUP = "group"
ORG = "org"
OUTLET = "outlet"
DOCUMENT = "document"

__all__ = [
    "ARTICLE_COLUMNS",
    "CLAIM_COLUMNS",
    "DOCUMENT",
    "GROUP",
    "ORG",
    "OUTLET",
    "OUTLET_ITSELF",
    "PERSON",
    "SOURCE_TYPES",
    "STANCES",
]
