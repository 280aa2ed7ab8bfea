"""Split clean article text into sentences with NLTK's Punkt, configured in code.

Punkt normally learns abbreviations from training data that has to be downloaded; here the
parameters are built by hand (:data:`ABBREVIATIONS`), so nothing is fetched at run time. Each
line of the clean text is a paragraph and is split on its own, so a sentence never runs across
a line break (a last line without a final period, or a section of a round-up, stays apart).

>>> split_sentences('"We will rebuild," Mr. Lopez said. U.S. officials agreed.')
['"We will rebuild," Mr. Lopez said.', 'U.S. officials agreed.']
"""

from __future__ import annotations

import re
from functools import lru_cache

# Lower-case abbreviations without their final period (Punkt's convention): a period after
# one of these does not end a sentence ("U.S. Secretary", "1:23 a.m. ET", "Gen. Zaluzhnyi").
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # places and bodies
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "n.y", "l.a",
        # times of day
        "a.m", "p.m",
        # titles and ranks
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "hon", "pres", "gov", "sen",
        "rep", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig", "cpl", "pvt",
        "mx", "cllr", "supt", "insp", "det", "ch", "dci", "dsi", "fr", "amb", "messrs", "mme",
        # months
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        # everyday abbreviations
        "no", "nos", "vol", "etc", "inc", "corp", "co", "ltd", "vs", "approx", "est", "dept",
        "e.g", "i.e", "cf", "al", "fig", "ft", "km", "mt",
    }
)  # fmt: skip

LINE = re.compile(r"[^\n]+")  # one paragraph (a line) of the clean text
SENTENCE_END = re.compile(r"[.?!]")  # a character that can end a sentence (Punkt's)
MAX_REMEMBERED = 200_000  # break decisions kept before the memory is emptied


@lru_cache(maxsize=1)
def make_tokenizer():
    """Return a Punkt sentence tokenizer knowing :data:`ABBREVIATIONS` (built once).

    NLTK is imported here, on first use, not with the module: importing it loads its whole
    package (collocations, scipy), about a second of CPU in every notebook kernel that only
    reads the pass's tables.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    class RememberingTokenizer(PunktSentenceTokenizer):
        """Punkt whose test of one candidate break is remembered by its context ("said. The").

        The test reads only the context's few words and the fixed parameters (nothing is
        trained at run time), so the same context always gets the same answer; news repeats
        contexts ("officials said. The") and the test, which tokenises and annotates the words
        again each time, was most of the cost of splitting.
        """

        def __init__(self, params: PunktParameters) -> None:
            super().__init__(params)
            self._breaks: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            found = self._breaks.get(text)
            if found is None:
                if len(self._breaks) >= MAX_REMEMBERED:
                    self._breaks.clear()
                found = self._breaks[text] = super().text_contains_sentbreak(text)
            return found

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return RememberingTokenizer(params)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of ``text``, in order.

    Spans exclude surrounding whitespace, so ``text[start:end]`` is the sentence itself.
    """
    tokenizer = make_tokenizer()
    spans: list[tuple[int, int]] = []
    for line in LINE.finditer(text):
        paragraph, offset = line.group(), line.start()
        if SENTENCE_END.search(paragraph) is None:  # no candidate break: Punkt's one span
            end = len(paragraph.rstrip())
            if end:
                spans.append((offset, offset + end))
            continue
        for start, end in tokenizer.span_tokenize(paragraph):
            spans.append((offset + start, offset + end))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]
