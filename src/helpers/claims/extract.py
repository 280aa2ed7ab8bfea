"""Claims: one per figure, with who said it, through whom, hedges, stance, topic and event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from helpers.claims.actors import canonical_source
from helpers.claims.governing import (
    Governing,
    _quote_speakers,
    _SortedQuotes,
    governing_attribution,
    sentence_index,
)
from helpers.claims.resolve import SentenceAttribution, attribute_sentences
from helpers.claims.stance import DENIES_PREVIOUS, DISPUTE_PATTERN, find_hedges
from helpers.claims.topics import TIME_KINDS, _event_of, _topic_of
from helpers.figures import Figure, extract_figures


@dataclass(frozen=True)
class Claim:
    """A figure with who reported it, how, and what it is about."""

    figure: Figure
    source: str
    source_canonical: str
    source_type: str
    via: str
    cue: str
    hedges: tuple[str, ...]
    stance: str
    topic: str
    event: str


def _default_spans(text: str) -> list[tuple[int, int]]:
    from helpers.sentences import sentence_spans

    return [(int(start), int(end)) for start, end in sentence_spans(text)]


def _stance_of(
    governing: Governing,
    sentence: SentenceAttribution,
    following: SentenceAttribution | None,
    text: str,
) -> str:
    if governing.frame is not None and governing.frame.denies:
        return "denied"
    sentence_text = text[sentence.start : sentence.end]
    if DISPUTE_PATTERN.search(sentence_text):
        return "disputed"
    others = [f for f in sentence.frames if f.denies and f is not governing.frame]
    if others and any(f.speaker.canonical != governing.speaker.canonical for f in others):
        return "disputed"
    if following is not None and "\n\n" not in text[sentence.end : following.start]:
        following_text = text[following.start : following.end]
        denial = DENIES_PREVIOUS.search(following_text)
        if denial and not any(
            f.speaker.canonical == governing.speaker.canonical and f.denies
            for f in following.frames
        ):
            return "disputed"
    return "asserted"


def extract_claims(
    text: str,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    outlet: str = "",
) -> list[Claim]:
    """Attribute every figure of an article's clean text: one :class:`Claim` per figure.

    ``sentence_spans`` are (start, end) offsets of the sentences (by default
    :func:`helpers.sentences.sentence_spans`). ``outlet`` is the publishing outlet: a via that
    names it ("officials ... told CNN" in CNN's own article) is dropped, since an outlet is not
    an intermediary of itself.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims expects the clean text as a str, got {type(text)!r}")
    spans = list(sentence_spans) if sentence_spans is not None else _default_spans(text)
    return attribute_figures(text, spans, extract_figures(text), outlet)


def attribute_figures(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    figures: Sequence[Figure],
    outlet: str = "",
) -> list[Claim]:
    """Attribute given figures (spans into ``text``) of one article; see :func:`extract_claims`."""
    sentences = attribute_sentences(text, sentence_spans)
    quotes = _SortedQuotes(_quote_speakers(text, sentences))
    located: list[tuple[Figure, int]] = []
    for figure in figures:
        if not (0 <= figure.start < figure.end <= len(text)):
            raise ValueError(f"figure {figure.surface!r} at {figure.start} lies outside the text")
        located.append((figure, sentence_index(sentences, figure.start)))

    def sentence_text(index: int) -> str:
        return "" if index < 0 else text[sentences[index].start : sentences[index].end]

    # a time span ("in the previous 24 hours") takes the topic of its sentence's first figure
    main_topics: dict[int, str] = {}
    topics: list[str] = []
    for figure, index in located:
        context = sentence_text(index - 1) + " " + sentence_text(index) if index > 0 else ""
        after = sentence_text(index)[figure.end - sentences[index].start :] if index >= 0 else ""
        topic = _topic_of(figure, sentence_text(index), context or sentence_text(index), after)
        topics.append(topic)
        if figure.kind not in TIME_KINDS:
            main_topics.setdefault(index, topic)
    claims: list[Claim] = []
    for (figure, index), topic in zip(located, topics, strict=True):
        if figure.kind in TIME_KINDS:
            topic = main_topics.get(index, "other")
        sentence = (
            sentences[index] if index >= 0 else SentenceAttribution(figure.start, figure.end, ())
        )
        following = sentences[index + 1] if 0 <= index < len(sentences) - 1 else None
        governing = governing_attribution(text, figure.start, sentences, quotes)
        via = "" if _same_outlet(governing.via, outlet) else governing.via
        offset = figure.start - sentence.start
        claims.append(
            Claim(
                figure=figure,
                source=governing.speaker.phrase,
                source_canonical=governing.speaker.canonical,
                source_type=governing.speaker.source_type,
                via=via,
                cue=governing.cue,
                hedges=find_hedges(sentence_text(index)),
                stance=_stance_of(governing, sentence, following, text),
                topic=topic,
                event=_event_of(topic, figure, sentence_text(index) or figure.surface, offset),
            )
        )
    return claims


def _same_outlet(via: str, outlet: str) -> bool:
    """True when ``via`` (canonical) names the publishing ``outlet`` ("CNN" in "CNN live ...")."""
    if not via or not outlet.strip():
        return False
    return canonical_source(outlet) == via or via.lower() in outlet.lower()
