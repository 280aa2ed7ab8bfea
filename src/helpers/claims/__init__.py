"""Who said each figure: attribution, hedging, stance, topic and event of reported figures.

``extract_claims(text)`` takes an article's clean text and returns one :class:`Claim` per figure
found by :func:`helpers.figures.extract_figures`, in text order. A claim names the party the figure
is attributed to (``source`` as written, ``source_canonical``, ``source_type``), the outlet it came
through (``via``), the reporting verb (``cue``), hedging words, stance, topic and event.

Attribution follows reporting conventions a reader would recognise, sentence by sentence:

- ``X said/told/announced/... (that) ...`` and ``"...," said X`` (subject or inverted speaker);
- ``according to X`` and ``according to X, citing Y`` / ``X, who cited Y`` (Y via X);
- ``... was announced by X`` / ``as reported by X`` (passive);
- ``X reported that ... Y said ...`` (an outlet next to another speaker becomes the ``via``);
- a name with an apposition (``Vyacheslav Gladkov, governor of ..., wrote``);
- pronouns and generic references (``he added``, ``officials said``, ``one senior official``,
  ``the broadcaster``) resolved to the most recent fitting speaker of the same post;
- quotations: a figure inside a quote belongs to the quote's speaker, named before the quote
  (``He added, "..."``) or after it, even when the quote spans several sentences, and a quote
  that follows an attributed quote in the same paragraph continues it.

A sentence with no attribution is the outlet's own statement (source ``""``, ``outlet itself``).

The package is split by job: ``labels`` (vocabularies and columns), ``actors`` (known actors,
canonical names, source types), ``frames`` (the reporting frames of one sentence), ``resolve``
(pronouns and references across sentences), ``governing`` (quotes and who governs a position),
``stance`` (hedges and stance), ``topics`` (topic and event), ``extract`` (claims) and
``tables`` (the claims and attributions tables).
"""

from __future__ import annotations

from helpers.claims.actors import KNOWN_ACTORS, Actor, canonical_source, source_type_for
from helpers.claims.extract import Claim, attribute_figures, extract_claims
from helpers.claims.frames import Attribution, Speaker
from helpers.claims.governing import Governing, governing_attribution, sentence_index
from helpers.claims.labels import (
    CLAIM_COLUMNS,
    EVENTS,
    OUTLET_ITSELF,
    SOURCE_TYPES,
    STANCES,
    TOPICS,
)
from helpers.claims.resolve import SentenceAttribution, attribute_sentences
from helpers.claims.stance import find_hedges
from helpers.claims.tables import _text, attributions_table, claims_table

__all__ = [
    "CLAIM_COLUMNS",
    "EVENTS",
    "KNOWN_ACTORS",
    "OUTLET_ITSELF",
    "SOURCE_TYPES",
    "STANCES",
    "TOPICS",
    "Actor",
    "Attribution",
    "Claim",
    "Governing",
    "SentenceAttribution",
    "Speaker",
    "_text",
    "attribute_figures",
    "attribute_sentences",
    "attributions_table",
    "canonical_source",
    "claims_table",
    "extract_claims",
    "find_hedges",
    "governing_attribution",
    "sentence_index",
    "source_type_for",
]
