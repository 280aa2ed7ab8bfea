"""Who governs a position of the text: the speaker of the quote around it, else the sentence.

Quotes are attributed to the frame right before them ('He added, "..."') or right after them
('"...," the mayor said'); a quote with neither continues the attributed quote before it in the
same paragraph (or the one the paragraph before left open). A sentence without a frame of its
own continues the attributed sentence before it in the same paragraph: news writing attributes
once per paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

from helpers.claims.cues import DENIAL_CUES, FINDING_CUES, WEAK_CUE_SET, YIELDING_CUES
from helpers.claims.labels import DOCUMENT, OUTLET, OUTLET_ITSELF
from helpers.claims.model import Attribution, Governing, SentenceAttribution, Speaker
from helpers.claims.quotes import quote_spans, runs_on

# What may stand between a closing quote and the verb attributing it: '," the mayor ', '," said '
# (no other quote, no new line, no sentence end except the period of an abbreviation: "Ms.")
QUOTE_TO_CUE = re.compile(
    r"[,!?]?(?:[^\"\n.!?]|(?<=\b[A-Z])\.|(?<=\bM[rs])\.|(?<=\b(?:Dr|Lt|St|Jr|Sr))\.|"
    r"(?<=\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Maj|Sgt|Adm|Rev))\.|(?<=\b(?:Capt|Prof|Supt))\.)*+"
)
# Between a frame and the quote it introduces: 'He added, "', 'said: "'
FRAME_TO_QUOTE = re.compile(r"\s*+[,:]?\s*+")
# What stands between a cue and a figure in the description of the speaker named after it:
# ' said Tom Akers, who farms ', ' said Ana Ruiz, a nurse with ' (no clause break before it)
SPEAKER_DESCRIBED = re.compile(
    r"\s++(?:(?:Mr|Mrs|Ms|Dr)\.?\s)?(?:[A-Z][\w'.-]*+\s++){0,3}[A-Z][\w'.-]*+,\s++(?:who|whose|a|an)"
    r"\s[^,;:.\"]*+"
)
MAX_WORDS_QUOTE_TO_CUE = 12
MAX_CHARS_QUOTE_TO_CUE = 160
MAX_CONTINUED_SENTENCES = 6  # how far back in a paragraph a frameless sentence looks


def no_speaker(label: str = OUTLET_ITSELF) -> Speaker:
    """The outlet speaking for itself (``label`` is the study's name for it)."""
    return Speaker("", "", label, OUTLET)


def quote_speakers(
    text: str, sentences: list[SentenceAttribution]
) -> dict[tuple[int, int], Attribution]:
    """Attribute each quotation to the frame just before it or just after it."""
    frames = sorted((f for s in sentences for f in s.frames), key=lambda f: (f.start, f.end))
    ends = sorted(range(len(frames)), key=lambda i: frames[i].end)  # frame indices by end
    result: dict[tuple[int, int], Attribution] = {}
    previous: tuple[tuple[int, int], Attribution] | None = None
    for open_, close in quote_spans(text):
        found: Attribution | None = None
        # only the frame that ends last before the quote can sit right against it
        before = bisect_right(ends, open_, key=lambda i: frames[i].end)
        if before:
            frame = frames[ends[before - 1]]
            if open_ - frame.end <= 8 and FRAME_TO_QUOTE.fullmatch(text, frame.end, open_):
                found = frame
        if found is None:
            for frame in frames[bisect_right(frames, close, key=lambda f: f.start) :]:
                if frame.start - close > MAX_CHARS_QUOTE_TO_CUE:
                    break  # every later frame is further away still
                between = text[close + 1 : frame.start]
                if len(between.split()) > MAX_WORDS_QUOTE_TO_CUE:
                    break
                if QUOTE_TO_CUE.fullmatch(between):
                    found = frame
                    break
        if found is None and previous is not None:
            (_, prev_close), prev_frame = previous
            if "\n" not in text[prev_close:open_] or runs_on(text, open_):
                found = prev_frame
            elif _opens_next_paragraph(text, prev_close, open_, prev_frame, frames):
                found = prev_frame
        if found is not None:
            result[(open_, close)] = found
            previous = ((open_, close), found)
    return result


def _opens_next_paragraph(
    text: str, prev_close: int, open_: int, prev_frame: Attribution, frames: Sequence[Attribution]
) -> bool:
    """True when a quote opens the paragraph right after one that ended with an attributed
    quote and its frame ('"...," said Ana Ruiz.' then a paragraph '"We expect ..."'): the same
    speaker goes on, as news writing has it."""
    if text[open_ - 1] != "\n" or text.count("\n", prev_close, open_) != 1:
        return False
    between = [f for f in frames if prev_close < f.start < open_]
    return all(f is prev_frame for f in between)


def sentence_index(sentences: Sequence[SentenceAttribution], position: int) -> int:
    """Index of the sentence (in text order) that holds ``position``, or -1 (a binary search)."""
    index = bisect_right(sentences, position, key=lambda s: s.start) - 1
    return index if index >= 0 and position < sentences[index].end else -1


class SortedQuotes(dict):
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


def _frame_of(sentence: SentenceAttribution, position: int) -> Attribution:
    """A speaker who is not an outlet wins over an outlet (which is then the via); among
    several, the nearest whose verb comes before the position, else the nearest after it.

    A frame of a weak verb ("The observatory recorded 120 tremors") gives way to a reporting
    frame later in the sentence (", its director said", ", according to an industry group"),
    and a relative "who said" frame governs only what follows it.
    """
    if len(sentence.frames) == 1:
        return sentence.frames[0]  # what the rules below give for a lone frame
    frames = [f for f in sentence.frames if f.scope <= position and not f.back]
    frames = frames or [f for f in sentence.frames if not f.back] or list(sentence.frames)
    speakers = [f for f in frames if not f.speaker.is_outlet or f.via]
    pool = [
        f for f in speakers or frames if f.start <= position or f.speaker.phrase != "who"
    ] or frames
    before = [f for f in pool if f.start <= position]
    if before and (
        before[-1].cue in YIELDING_CUES
        or (before[-1].speaker.kind == DOCUMENT and before[-1].cue in FINDING_CUES)
    ):  # "The audit found 19 ..., the comptroller said": who quotes a document speaks
        later = [
            f for f in pool
            if f.start > position and f.cue not in WEAK_CUE_SET and f.cue not in DENIAL_CUES
        ]  # fmt: skip
        if later:
            return later[0]
    return before[-1] if before else min(pool, key=lambda f: f.start)


def governing_frame(
    text: str,
    position: int,
    sentences: Sequence[SentenceAttribution],
    quotes: SortedQuotes,
    starts: Sequence[int] | None = None,
) -> Attribution | None:
    """The frame that governs ``position`` of clean ``text``, or None for the outlet itself.

    ``starts`` are the sentences' start offsets, if the caller has them (a faster search).
    """
    frame = quotes.around(position)
    if frame is not None:
        return frame
    if starts is None:
        index = sentence_index(sentences, position)
    else:
        index = bisect_right(starts, position) - 1
        index = index if index >= 0 and position < sentences[index].end else -1
    if index < 0:
        return None
    frames = sentences[index].frames
    for frame in frames:
        if frame.back and frame.back <= position < frame.start:
            return frame  # "the 230,000 | that economists had forecast"
    if _reports(sentences[index]):  # an expectation governs its own figure only
        if min(f.scope for f in frames) > position:
            return None  # "Shares fell 4% | after the company said ...": the outlet's own
        frame = _frame_of(sentences[index], position)
        if frame.end <= position and SPEAKER_DESCRIBED.fullmatch(text, frame.end, position):
            return None  # "said Tom Akers, who farms 400 hectares": the outlet describes him
        return frame
    # a sentence without a frame continues the attributed sentence before it in its paragraph
    floor = max(0, index - MAX_CONTINUED_SENTENCES)
    while index > floor and "\n" not in text[sentences[index - 1].end : sentences[index].start]:
        index -= 1
        if _reports(sentences[index]):
            return _frame_of(sentences[index], sentences[index].end)
    return None


def _reports(sentence: SentenceAttribution) -> bool:
    """The sentence has a frame that governs more than the one figure of an expectation."""
    for frame in sentence.frames:  # a loop, not any(): this runs once per figure
        if not frame.back:
            return True
    return False


def governing_of(frame: Attribution | None, label: str = OUTLET_ITSELF) -> Governing:
    """The :class:`Governing` record of a frame (None: the outlet itself, named ``label``)."""
    if frame is None:
        return Governing(no_speaker(label), "", "", None)
    return Governing(frame.speaker, frame.via, frame.cue, frame)
