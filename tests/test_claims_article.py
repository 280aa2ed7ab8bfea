"""attribute_article: one resolution per article gives what the two separate calls give."""

from __future__ import annotations

import pytest

from fixtures import SEED_RAW_DIR, SEED_STUDY
from helpers.claims import attribute_article, attribute_figures, attribute_sentences
from helpers.clean import normalise
from helpers.figures import extract_figures
from helpers.sentences import sentence_spans
from helpers.study import load_study

RAW_PASSAGE = (
    "“Twelve drones were shot down overnight,” the regional governor said in a post.\n"
    "Officials at the port said 3 cranes were damaged. He added that 40 workers were sent home."
)


def _seed_texts() -> list[str]:
    return [normalise(p.read_text(encoding="utf-8")) for p in sorted(SEED_RAW_DIR.glob("*.txt"))]


@pytest.mark.parametrize("raw", [False, True])
def test_attribute_article_equals_the_two_calls_on_seed_articles(raw):
    study = load_study(SEED_STUDY)
    texts = _seed_texts()
    assert texts
    for text in texts[:6]:
        if raw:  # the caller's raw typography: offsets must come back into it
            text = text.replace('"', "“", 1)
        spans = sentence_spans(text)
        figures = extract_figures(text)
        claims, sentences = attribute_article(text, spans, figures, "CNN", study)
        assert claims == attribute_figures(text, spans, figures, "CNN", study)
        assert sentences == attribute_sentences(text, spans, study)


def test_attribute_article_on_raw_typographic_quotes():
    spans = sentence_spans(RAW_PASSAGE)
    figures = extract_figures(RAW_PASSAGE)
    claims, sentences = attribute_article(RAW_PASSAGE, spans, figures)
    assert claims == attribute_figures(RAW_PASSAGE, spans, figures)
    assert sentences == attribute_sentences(RAW_PASSAGE, spans)
    assert claims[0].source_canonical == "regional governor"
    assert all(RAW_PASSAGE[f.start : f.end] for s in sentences for f in s.frames)


def test_attribute_article_refuses_what_attribute_figures_refuses():
    figures = extract_figures("Police said 12 were hurt.")
    with pytest.raises(TypeError, match="attribute_article"):
        attribute_article(b"Police said 12 were hurt.", [(0, 25)], figures)  # type: ignore[arg-type]
