"""Who governs a position of the text: the speaker of the quote around it, else the sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from helpers.claims.frames import Attribution, Speaker
from helpers.claims.labels import OUTLET_ITSELF
from helpers.claims.resolve import SentenceAttribution, _quote_spans

# What may stand between a closing quote and the verb attributing it: '," Zelensky ', '," said '
# (no other quote, no new line, no sentence end except the period of "Mr." or "Ms.")
QUOTE_TO_CUE = re.compile(r"[,!?]?(?:[^\"\n.!?]|(?<=\bM[rs])\.)*")
MAX_WORDS_QUOTE_TO_CUE = 12
NO_SPEAKER = Speaker("", "", OUTLET_ITSELF, "outlet")


@dataclass(frozen=True)
class Governing:
    """The attribution that governs one position in the text (speaker "" for the outlet)."""

    speaker: Speaker
    via: str
    cue: str
    frame: Attribution | None


def _quote_speakers(
    text: str, sentences: list[SentenceAttribution]
) -> dict[tuple[int, int], Attribution]:
    """Attribute each quotation to the frame just before it or just after it.

    '"...," Zelensky said.' and 'He added, "..."' attribute the quote; a quote with neither
    that follows an attributed quote in the same paragraph continues it.
    """
    frames = sorted((f for s in sentences for f in s.frames), key=lambda f: (f.start, f.end))
    ends = sorted(range(len(frames)), key=lambda i: frames[i].end)  # frame indices by end
    result: dict[tuple[int, int], Attribution] = {}
    previous: tuple[tuple[int, int], Attribution] | None = None
    for open_, close in _quote_spans(text):
        found: Attribution | None = None
        # only the frame that ends last before the quote can sit right against it
        before = bisect_right(ends, open_, key=lambda i: frames[i].end)
        if before and re.fullmatch(r"\s*[,:]?\s*", text[frames[ends[before - 1]].end : open_]):
            found = frames[ends[before - 1]]
        if found is None:
            for frame in frames[bisect_right(frames, close, key=lambda f: f.start) :]:
                between = text[close + 1 : frame.start]
                if len(between.split()) > MAX_WORDS_QUOTE_TO_CUE:
                    break  # every later frame is further away still
                if QUOTE_TO_CUE.fullmatch(between):
                    found = frame
                    break
        if found is None and previous is not None:
            (prev_open, prev_close), prev_frame = previous
            if "\n" not in text[prev_close:open_]:
                found = prev_frame
        if found is not None:
            result[(open_, close)] = found
            previous = ((open_, close), found)
    return result


def sentence_index(sentences: Sequence[SentenceAttribution], position: int) -> int:
    """Index of the sentence (in text order) that holds ``position``, or -1 (a binary search)."""
    index = bisect_right(sentences, position, key=lambda s: s.start) - 1
    return index if index >= 0 and position < sentences[index].end else -1


def _quote_around(
    quotes: Mapping[tuple[int, int], Attribution], position: int
) -> Attribution | None:
    """The attribution of the quote strictly around ``position``, if any."""
    spans = quotes if isinstance(quotes, _SortedQuotes) else _SortedQuotes(quotes)
    return spans.around(position)


class _SortedQuotes(dict):
    """Quote spans and their attribution, searchable by position (quotes do not overlap)."""

    def __init__(self, quotes: Mapping[tuple[int, int], Attribution]) -> None:
        super().__init__(sorted(quotes.items()))
        self._spans = list(self)

    def around(self, position: int) -> Attribution | None:
        index = bisect_right(self._spans, (position, -1)) - 1
        while index >= 0 and self._spans[index][0] == position:
            index -= 1  # a quote opening at the position does not hold it
        if index >= 0 and position < self._spans[index][1]:
            return self[self._spans[index]]
        return None


def governing_attribution(
    text: str,
    position: int,
    sentences: list[SentenceAttribution],
    quotes: Mapping[tuple[int, int], Attribution] | None = None,
) -> Governing:
    """Return who a position of the text is attributed to.

    Inside an attributed quote: the quote's speaker. Otherwise the sentence's frames: a speaker
    who is not an outlet wins over an outlet (which is then the via); among several, the
    nearest one whose verb comes before the position, else the nearest after it. No frame:
    the outlet itself.
    """
    if quotes is None:
        quotes = _quote_speakers(text, sentences)
    frame = _quote_around(quotes, position)
    if frame is not None:
        return Governing(frame.speaker, frame.via, frame.cue, frame)
    index = sentence_index(sentences, position)
    sentence = sentences[index] if index >= 0 else None
    if sentence is None or not sentence.frames:
        return Governing(NO_SPEAKER, "", "", None)
    speakers = [f for f in sentence.frames if not f.speaker.is_outlet or f.via]
    pool = speakers or list(sentence.frames)
    before = [f for f in pool if f.start <= position]
    frame = before[-1] if before else min(pool, key=lambda f: f.start)
    return Governing(frame.speaker, frame.via, frame.cue, frame)
