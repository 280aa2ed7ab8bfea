"""Library behind the news-figures notebooks, one module or package per pipeline stage.

Reading and cleaning
- ``paths``      where every input and output lives
- ``study``      the study file: everything case-specific, validated on load (``vocabulary``:
                 the library's own labels for any news)
- ``corpus``     reading folders, pages and exports, the manifest, ids, near-duplicates, refusals
- ``clean``      dropping page furniture, normalising typography, splitting live pages into posts
- ``sentences``  Punkt sentence splitting configured in code (no downloaded NLTK data)

Extracting
- ``figures``    the reported-figure extractor (``units``: units, currencies and scales)
- ``claims``     who said each figure: attribution, source types, hedging, stance
- ``grouping``   what each figure counts, what happened to it, its group; the study's topics
- ``ledger``     the claims ledger and the tables of who is quoted
- ``pipeline``   the per-article pass on every core or a Dask cluster, cached, as Parquet
- ``budget``     a time budget per article, so that no input hangs a run

Showing and checking
- ``charts``     the house chart style, chart rows and plots, saved with their data
- ``language``   word frequencies, collocations, concordance, framing and sentiment with NLTK
- ``evaluate``   scores against hand annotations, per article and per annotator
- ``annotate``, ``agreement``, ``sampling``  annotation sheets and checks, agreement between
                 annotators, validation samples with Wilson intervals

Running
- ``runner``     runs the numbered notebooks with papermill (``plan``, ``execute``, ``rerun``,
                 ``staging``: settings, execution, what reruns, atomic swaps under a lock)
- ``report``     the HTML index page (``provenance``: the manifest of a report); ``io``: writes
"""

import sys

# jsonschema (imported by the study loader and by nbformat) imports rfc3987_syntax when it is
# installed, only to check the "iri" string format, which no schema of ours uses; that import
# builds a parser grammar and costs seconds in every kernel. A None entry makes it an ImportError,
# which jsonschema handles by skipping that format.
sys.modules.setdefault("rfc3987_syntax", None)

__version__ = "0.1.0"
