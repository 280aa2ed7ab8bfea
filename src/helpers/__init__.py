"""Library behind the news-figures notebooks.

One module per job:

- ``paths``    where every input and output lives
- ``corpus``   reading raw articles and the manifest, refusing bad files with a reason
- ``clean``    dropping page furniture, normalising typography, splitting live pages into posts
- ``sentences`` Punkt sentence splitting configured in code (no downloaded NLTK data)
- ``figures``  the reported-figure extractor
- ``evaluate`` precision, recall and F1 against hand-made gold annotations
- ``claims``   who said each figure: attribution, hedging, stance
- ``charts``   the house chart style and deterministic saving of charts with their data
- ``language`` word frequencies, collocations, concordance and sentiment with NLTK
- ``report``   the HTML index page and the provenance manifest of a report
- ``runner``   runs the numbered notebooks with papermill, incrementally and reproducibly
"""

__version__ = "0.1.0"
