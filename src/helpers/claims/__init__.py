"""Who said each figure: attribution, hedging and stance of reported figures, for any news.

``extract_claims(text)`` takes an article's text (clean, or raw with curly quotes) and returns
one :class:`Claim` per figure found by :func:`helpers.figures.extract_figures`, in text order.
A claim names the party the figure is attributed to (``source`` as written,
``source_canonical``, ``source_type``), the outlet it came through (``via``), the reporting
verb (``cue``), hedging words and stance. Every public function takes an optional ``study``
(:func:`helpers.study.load_study`; None reads ``general-news``, which knows no actor): its
known actors and type rules come first and it names the source types.

``attribute_article(text, spans, figures, outlet, study)`` returns ``(claims, sentences)``,
what ``attribute_figures`` and ``attribute_sentences`` return, resolving the article once.

Attribution follows reporting conventions a reader would recognise, sentence by sentence:

- ``X said/told/announced/estimates/found that ...``, ``"...," said X``, ``X put the toll at``;
- ``according to X`` and ``according to X, citing Y`` / ``X, who cited Y`` (Y via X);
- ``... was announced by X`` / ``as reported by X`` (passive);
- ``X reported that ... Y said ...`` (an outlet next to another speaker becomes the ``via``);
- a name with an apposition (``Ana Ruiz, the county's emergency manager, said``), titles and
  honorifics (``said Ms. Rivera``: canonical "Rivera"), acronyms (``FEMA``);
- pronouns and references (``he added``, ``it said``, ``the think tank estimates``,
  ``officials said``) resolved within the paragraph, then to the last speaker of the post;
- quotations: a figure inside a quote belongs to the quote's speaker, named before or after
  it, over several sentences and into the next paragraph when the quote runs on; a sentence
  with no frame continues the attributed sentence before it in the same paragraph.

A figure with no attribution is the outlet's own statement (source ``""``, ``outlet itself``);
so is one whose only frame is negated or declined ("did not confirm", "would not say").
Source types are generic (:data:`helpers.vocabulary.SOURCE_TYPES`) and typed from a phrase's
form and context, renamed by the study: documents, anonymous sources, institutions by their
head nouns (one documented table: "the airport authority", "the hospital's lawyers"), titles
("Supt", "Gov.", "Dr.") and appositions.

The package is split by job: ``labels`` (columns, kinds), ``titles`` (titles, ranks and
honorifics), ``names`` (canonical forms), ``institutions`` (the head-noun table of the data file
``sourcewords.yml``),
``documents``, ``sourcetypes`` (generic types and kinds), ``actors`` (the study's actors and
typing), ``cues`` (reporting verbs and phrase tests), ``subjects`` (speaker phrases around a
cue), ``frames`` (the frames of one sentence), ``quotes``, ``history`` (the parties named so
far, references back), ``resolve`` (frames resolved across sentences), ``governing`` (who
governs a position), ``stance``, ``textmap`` (raw text read as clean), ``extract`` (claims) and
``tables``.
"""

from __future__ import annotations

from helpers.claims.actors import canonical_source, source_type_for
from helpers.claims.extract import (
    Claim,
    attribute_article,
    attribute_figures,
    attribute_sentences,
    extract_claims,
    governing_attribution,
)
from helpers.claims.governing import quote_speakers, sentence_index
from helpers.claims.labels import CLAIM_COLUMNS, OUTLET_ITSELF, SOURCE_TYPES, STANCES
from helpers.claims.model import Attribution, Governing, SentenceAttribution, Speaker
from helpers.claims.stance import find_hedges
from helpers.claims.tables import ARTICLE_SECONDS, attributions_table, claims_table

__all__ = [
    "ARTICLE_SECONDS",
    "CLAIM_COLUMNS",
    "OUTLET_ITSELF",
    "SOURCE_TYPES",
    "STANCES",
    "Attribution",
    "Claim",
    "Governing",
    "SentenceAttribution",
    "Speaker",
    "attribute_article",
    "attribute_figures",
    "attribute_sentences",
    "attributions_table",
    "canonical_source",
    "claims_table",
    "extract_claims",
    "find_hedges",
    "governing_attribution",
    "quote_speakers",
    "sentence_index",
    "source_type_for",
]
