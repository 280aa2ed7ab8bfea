"""Resolving pronouns and references across the sentences of a post, and outlets as vias."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from helpers.claims.actors import _find_actor, _kind_of, canonical_source, source_type_for
from helpers.claims.frames import (
    GENERIC_GROUP,
    GENERIC_MEDIA,
    GENERIC_OUTLET,
    GENERIC_PERSON,
    GROUP_MEMBER,
    Attribution,
    Speaker,
    _raw_frames,
)


class _History:
    """The speakers met so far in a post, newest last, for resolving "he" or "officials"."""

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []

    def latest(self, kinds: set[str], media: set[str] | None = None) -> Speaker | None:
        for speaker in reversed(self.speakers):
            if speaker.kind not in kinds:
                continue
            actor = _find_actor(speaker.canonical)
            if media and actor is not None and actor.medium and actor.medium not in media:
                continue
            return speaker
        return None

    def resolve(self, phrase: str) -> Speaker:
        """Turn a phrase into a speaker, resolving pronouns and generic references."""
        phrase = _strip_quotes(phrase)
        lowered = phrase.lower()
        target: Speaker | None = None
        if lowered in {"he", "she", "him", "her"}:
            target = self.latest({"person"})
        elif lowered in {"they", "them"}:
            target = self.latest({"group", "org", "outlet"})
        elif lowered == "it":
            target = self.latest({"org", "outlet"})
        elif lowered == "who":
            target = self.latest({"person", "group", "org", "outlet"})
        elif GENERIC_GROUP.match(phrase) or GROUP_MEMBER.match(phrase):
            target = self.latest({"group"})
        elif GENERIC_PERSON.match(phrase):
            target = self.latest({"person", "group"})
        elif GENERIC_OUTLET.match(phrase):
            medium = GENERIC_OUTLET.match(phrase).group("medium").lower()
            target = self.latest({"outlet"}, GENERIC_MEDIA.get(medium))
        if target is not None:
            return replace(target, phrase=phrase)
        return Speaker(phrase, canonical_source(phrase), source_type_for(phrase), _kind_of(phrase))

    def add(self, speaker: Speaker) -> None:
        self.speakers.append(speaker)


def _strip_quotes(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip(" ,;:.\"'")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Pair straight double quotes line by line: [(open, close), ...] (offsets of the marks)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        marks = [offset + m.start() for m in re.finditer('"', line)]
        spans.extend(zip(marks[0::2], marks[1::2], strict=False))
        offset += len(line) + 1
    return spans


@dataclass(frozen=True)
class SentenceAttribution:
    """The frames of one sentence once pronouns and references are resolved."""

    start: int
    end: int
    frames: tuple[Attribution, ...]


def attribute_sentences(
    text: str, sentence_spans: Sequence[tuple[int, int]]
) -> list[SentenceAttribution]:
    """Find and resolve the reporting frames of every sentence of ``text``, in order.

    ``sentence_spans`` are (start, end) offsets of the sentences into ``text``. Pronouns and
    generic references are resolved against the speakers met earlier in the same post (posts
    are separated by a blank line); an outlet next to another speaker in a sentence becomes that
    speaker's ``via``, and "according to X, citing Y" also gives X as the via of Y's claims in
    the sentence just before.
    """
    _check_spans(text, sentence_spans)
    quotes = sorted(_quote_spans(text))  # quotes do not overlap: opens and closes both ascend
    quote_closes = [b for _, b in quotes]
    history = _History()
    result: list[SentenceAttribution] = []
    previous_end = 0
    for start, end in sentence_spans:
        if "\n\n" in text[previous_end:start]:
            history = _History()
        previous_end = end
        sentence = text[start:end]
        overlapping = quotes[bisect_right(quote_closes, start) : bisect_left(quotes, (end, -1))]
        local_quotes = [(max(a, start) - start, min(b, end) - start) for a, b in overlapping]
        # a quote opened before this sentence covers its start
        local_quotes = [(a if a > 0 else -1, b) for a, b in local_quotes]
        resolved: list[Attribution] = []
        for raw in _raw_frames(sentence, local_quotes):
            speaker = history.resolve(raw.phrase)
            history.add(speaker)
            if raw.cited:
                cited = history.resolve(raw.cited)
                history.add(cited)
                resolved.append(
                    Attribution(start + raw.start, start + raw.end, cited, raw.cue,
                                speaker.canonical)
                )  # fmt: skip
                continue
            if raw.outlet_only and not speaker.is_outlet:
                speaker = replace(speaker, kind="outlet", source_type="news outlet")
            resolved.append(Attribution(start + raw.start, start + raw.end, speaker, raw.cue))
        result.append(SentenceAttribution(start, end, tuple(_merge_via(resolved))))
    return _carry_citing_back(text, result)


def _merge_via(frames: list[Attribution]) -> list[Attribution]:
    """Make an outlet that sits next to another speaker in a sentence that speaker's via."""
    outlets = [f for f in frames if f.speaker.is_outlet and not f.via]
    others = [f for f in frames if not (f.speaker.is_outlet and not f.via)]
    if not others or not outlets:
        return frames
    merged = []
    for frame in others:
        if frame.via:
            merged.append(frame)
            continue
        nearest = min(outlets, key=lambda o: abs(o.start - frame.start))
        merged.append(replace(frame, via=nearest.speaker.canonical))
    return merged


def _carry_citing_back(
    text: str, sentences: list[SentenceAttribution]
) -> list[SentenceAttribution]:
    """'X wrote ... . ..., according to TASS, citing X.' gives TASS as via of X's first sentence."""
    out = list(sentences)
    for index in range(1, len(out)):
        for frame in out[index].frames:
            if not (frame.cue == "according to" and frame.via):
                continue
            earlier = out[index - 1]
            if "\n\n" in text[earlier.end : out[index].start]:
                continue
            frames = tuple(
                replace(f, via=frame.via)
                if f.speaker.canonical == frame.speaker.canonical and not f.via
                else f
                for f in earlier.frames
            )
            out[index - 1] = replace(earlier, frames=frames)
    return out


def _check_spans(text: str, spans: Sequence[tuple[int, int]]) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected the article's clean text as str, got {type(text)!r}")
    last = 0
    for start, end in spans:
        if not (0 <= start <= end <= len(text)) or start < last:
            raise ValueError(
                f"sentence span ({start}, {end}) is not an ordered span inside a text of "
                f"{len(text)} characters"
            )
        last = end
