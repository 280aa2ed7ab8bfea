"""Claims: one per figure, with who said it, through whom, hedges and stance.

The public functions take the text the caller has (clean or raw): they read it with its
typography normalised (:class:`helpers.claims.textmap.TextMap`) and give every offset back in
the caller's text, so raw text with curly quotes reads as the pipeline reads clean text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from helpers.claims.actors import canonical_source, resolve_study
from helpers.claims.governing import (
    SortedQuotes,
    governing_frame,
    governing_of,
    quote_speakers,
)
from helpers.claims.labels import OUTLET_ITSELF
from helpers.claims.model import Attribution, Governing, SentenceAttribution
from helpers.claims.resolve import resolve_sentences
from helpers.claims.stance import SentenceFacts, find_hedges, stance_of
from helpers.claims.textmap import TextMap
from helpers.claims.titles import title_forms
from helpers.figures import Figure, extract_figures
from helpers.study import Study


@dataclass(frozen=True)
class Claim:
    """A figure with who reported it and how."""

    figure: Figure
    source: str
    source_canonical: str
    source_type: str
    via: str
    cue: str
    hedges: tuple[str, ...]
    stance: str


# A sentence that ends with an abbreviated title ("... said Supt.", "Det.") was cut before the
# name by the sentence splitter: the next sentence on the same line continues it
SHORT_TITLES = sorted((f.capitalize() for f in title_forms() if len(f) <= 5), key=len)[::-1]
TITLE_AT_END = re.compile(r"(?<![\w.])(?:" + "|".join(SHORT_TITLES) + r")\.$")


def join_title_splits(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentence spans cut after an abbreviated title or before a lower-case word.

    ``'"Twelve were hurt," said Supt.'`` + ``'Alan Ward of the city police.'`` is one
    sentence; so is ``'Rep. Ana Ruiz (D-Mich.)'`` + ``'said 40 were.'``. Only spans on the same
    line are joined.
    """
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start > joined[-1][1] - 1 and "\n" not in text[joined[-1][1] : start]:
            previous = text[joined[-1][0] : joined[-1][1]]
            following = text[start : start + 1]
            if (TITLE_AT_END.search(previous[-8:]) and following.isupper()) or following.islower():
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _check_text(text: object, function: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{function} expects the article's text as a str, got {type(text)!r}")
    return text


def _check_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    checked: list[tuple[int, int]] = []
    last = 0
    for start, end in spans:
        start, end = int(start), int(end)
        if not (0 <= start <= end <= len(text)) or start < last:
            raise ValueError(
                f"sentence span ({start}, {end}) is not an ordered span inside a text of "
                f"{len(text)} characters"
            )
        checked.append((start, end))
        last = end
    return checked


# A paragraph (a line) and the characters that can end a sentence inside it
LINE = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.?!]")


def default_spans(text: str) -> list[tuple[int, int]]:
    """:func:`helpers.sentences.sentence_spans` of ``text``, with Punkt run only on the lines
    that hold a sentence end (".", "?", "!"): any other line is one sentence, from its start to
    its last character that is not a space, as Punkt gives it."""
    from helpers.sentences import sentence_spans

    spans: list[tuple[int, int]] = []
    for line in LINE.finditer(text):
        body = line.group()
        if not body.strip():
            continue
        if SENTENCE_END.search(body):
            spans.extend((line.start() + a, line.start() + b) for a, b in sentence_spans(body))
        else:
            spans.append((line.start(), line.start() + len(body.rstrip())))
    return spans


def _clean_spans(m: TextMap, spans: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if spans is None:
        found = default_spans(m.clean)
    else:
        found = [m.span_to_clean(a, b) for a, b in _check_spans(m.caller, spans)]
    return join_title_splits(m.clean, found)


def _frame_to_caller(m: TextMap, frame: Attribution) -> Attribution:
    start, end = m.span_to_caller(frame.start, frame.end)
    scope = m.to_caller(frame.scope) if frame.scope else 0
    back = m.to_caller(frame.back) if frame.back else 0
    return replace(frame, start=start, end=end, scope=scope, back=back)


def _frame_to_clean(m: TextMap, frame: Attribution) -> Attribution:
    start, end = m.span_to_clean(frame.start, frame.end)
    scope = m.to_clean(frame.scope) if frame.scope else 0
    back = m.to_clean(frame.back) if frame.back else 0
    return replace(frame, start=start, end=end, scope=scope, back=back)


def attribute_sentences(
    text: str, sentence_spans: Sequence[tuple[int, int]], study: Study | None = None
) -> list[SentenceAttribution]:
    """Find and resolve the reporting frames of every sentence of ``text``, in order.

    ``sentence_spans`` are (start, end) offsets of the sentences into ``text``; the frames'
    offsets point into ``text`` too. Pronouns and references are resolved as
    :mod:`helpers.claims.resolve` describes; an outlet next to another speaker in a sentence
    becomes that speaker's ``via``.
    """
    m = TextMap(_check_text(text, "attribute_sentences"))
    found = resolve_sentences(m.clean, _clean_spans(m, sentence_spans), resolve_study(study))
    return _sentences_to_caller(m, found)


def _sentences_to_caller(m: TextMap, found: list[SentenceAttribution]) -> list[SentenceAttribution]:
    if m.identity:
        return found
    return [
        SentenceAttribution(
            *m.span_to_caller(s.start, s.end), tuple(_frame_to_caller(m, f) for f in s.frames)
        )
        for s in found
    ]


def governing_attribution(
    text: str,
    position: int,
    sentences: list[SentenceAttribution],
    quotes: Mapping[tuple[int, int], Attribution] | None = None,
    study: Study | None = None,
) -> Governing:
    """Return who the character at ``position`` of ``text`` is attributed to.

    Inside an attributed quote: the quote's speaker. Otherwise the sentence's frames: a speaker
    who is not an outlet wins over an outlet (which is then the via); among several, the
    nearest one whose verb comes before the position, else the nearest after it. A sentence
    without a frame continues the attributed sentence before it in its paragraph. No frame:
    the outlet itself. ``sentences`` come from :func:`attribute_sentences` on the same text;
    ``quotes`` (from :func:`helpers.claims.governing.quote_speakers`) are recomputed if None.
    """
    m = TextMap(_check_text(text, "governing_attribution"))
    label = resolve_study(study).type_label(OUTLET_ITSELF)
    if not m.identity:
        sentences = [
            SentenceAttribution(
                *m.span_to_clean(s.start, s.end), tuple(_frame_to_clean(m, f) for f in s.frames)
            )
            for s in sentences
        ]
        quotes = None
    spans = SortedQuotes(quotes if quotes is not None else quote_speakers(m.clean, sentences))
    frame = governing_frame(m.clean, m.to_clean(position), sentences, spans)
    governing = governing_of(frame, label)
    if frame is None or m.identity:
        return governing
    return replace(governing, frame=_frame_to_caller(m, frame))


def extract_claims(
    text: str,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    outlet: str = "",
    study: Study | None = None,
) -> list[Claim]:
    """Attribute every figure of an article's text: one :class:`Claim` per figure, in order.

    ``text`` may be clean or raw (curly quotes and dashes are read as straight ones); figure
    offsets and surfaces are those of ``text``. ``sentence_spans`` are (start, end) offsets of
    its sentences (by default :func:`helpers.sentences.sentence_spans`). ``outlet`` is the
    publishing outlet: a via that names it ("officials ... told CNN" in CNN's own article) is
    dropped, since an outlet is not an intermediary of itself. ``study`` (default
    ``general-news``) gives known actors, type rules and the labels of source types.
    """
    m = TextMap(_check_text(text, "extract_claims"))
    study = resolve_study(study)
    figures = extract_figures(m.plain)
    if not figures:
        if sentence_spans is not None:
            _check_spans(text, sentence_spans)  # bad spans are refused all the same
        return []
    sentences = resolve_sentences(m.clean, _clean_spans(m, sentence_spans), study)
    claims = _attribute(m.clean, sentences, figures, outlet, study)
    if m.identity:
        return claims
    out = []
    for claim in claims:
        start, end = m.span_to_caller(claim.figure.start, claim.figure.end)
        figure = replace(claim.figure, start=start, end=end, surface=text[start:end])
        out.append(replace(claim, figure=figure))
    return out


def attribute_figures(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    figures: Sequence[Figure],
    outlet: str = "",
    study: Study | None = None,
) -> list[Claim]:
    """Attribute given figures (spans into ``text``) of one article; see :func:`extract_claims`.

    The claims hold the figures as given.
    """
    return _attribute_article(text, sentence_spans, figures, outlet, study, "attribute_figures")[0]


def attribute_article(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    figures: Sequence[Figure],
    outlet: str = "",
    study: Study | None = None,
) -> tuple[list[Claim], list[SentenceAttribution]]:
    """Attribute one article's figures and sentences, resolving its sentences once.

    Returns ``(claims, sentences)``: exactly what :func:`attribute_figures` and
    :func:`attribute_sentences` return for the same arguments, at about the cost of the first.
    """
    return _attribute_article(text, sentence_spans, figures, outlet, study, "attribute_article")


def _attribute_article(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    figures: Sequence[Figure],
    outlet: str,
    study: Study | None,
    function: str,
) -> tuple[list[Claim], list[SentenceAttribution]]:
    m = TextMap(_check_text(text, function))
    for figure in figures:
        if not (0 <= figure.start < figure.end <= len(text)):
            raise ValueError(f"figure {figure.surface!r} at {figure.start} lies outside the text")
    positions = [f.start if m.identity else m.to_clean(f.start) for f in figures]
    study = resolve_study(study)
    sentences = resolve_sentences(m.clean, _clean_spans(m, sentence_spans), study)
    claims = _attribute(m.clean, sentences, figures, outlet, study, positions)
    return claims, _sentences_to_caller(m, sentences)


def _attribute(
    text: str,
    sentences: list[SentenceAttribution],
    figures: Sequence[Figure],
    outlet: str,
    study: Study,
    positions: Sequence[int] | None = None,
) -> list[Claim]:
    """Attribute figures of clean ``text`` given its resolved ``sentences``: the claims hold
    ``figures`` as given, read at ``positions`` in the clean text (their own starts when None)."""
    quotes = SortedQuotes(quote_speakers(text, sentences))
    label = study.type_label(OUTLET_ITSELF)
    itself = governing_of(None, label)  # the outlet speaking for itself
    facts = SentenceFacts(text)
    starts = [s.start for s in sentences]
    hedges: dict[int, tuple[str, ...]] = {}
    stances: dict[tuple[int, int], str] = {}  # by sentence and frame, where position is moot
    vias: dict[str, str] = {}
    claims: list[Claim] = []
    for figure, position in zip(figures, positions or [f.start for f in figures], strict=True):
        index = bisect_right(starts, position) - 1
        if index >= 0 and position >= sentences[index].end:
            index = -1
        sentence = sentences[index] if index >= 0 else SentenceAttribution(position, position, ())
        following = sentences[index + 1] if 0 <= index < len(sentences) - 1 else None
        frame = governing_frame(text, position, sentences, quotes, starts)
        speaker, via, cue = (itself.speaker, "", "") if frame is None else (
            frame.speaker, frame.via, frame.cue)  # fmt: skip
        if via not in vias:
            vias[via] = "" if same_outlet(via, outlet, study) else via
        if index not in hedges:
            hedges[index] = find_hedges(text[sentence.start : sentence.end] if index >= 0 else "")
        key = (index, id(frame))
        stance = stances.get(key) if index >= 0 else None
        if stance is None or facts.false_claim(sentence) is not None:
            governing = itself if frame is None else governing_of(frame, label)
            stance = stance_of(governing, sentence, following, facts, position)
            stances[key] = stance
        claims.append(
            Claim(figure, speaker.phrase, speaker.canonical, speaker.source_type,
                  vias[via], cue, hedges[index], stance)
        )  # fmt: skip
    return claims


def same_outlet(via: str, outlet: str, study: Study | None = None) -> bool:
    """True when ``via`` (canonical) names the publishing ``outlet`` ("CNN" in "CNN live ...")."""
    if not via or not outlet.strip():
        return False
    return canonical_source(outlet, study) == via or via.lower() in outlet.lower()
